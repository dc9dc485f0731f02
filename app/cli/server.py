"""The team server commands: ``server init``, ``server add-user``, ``join``, ``sync`` and
``sync status`` (docs/team-server.md).

Exit codes of ``sync``: 0 done, 1 done but the server refused some changes, 2 the server
cannot be reached or used (the local database is untouched and keeps working).
Passwords never on the command line: libpq's ways (``~/.pgpass``, ``PGPASSWORD``, a service
file), and ``--password-file`` for a new user's password.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from app.base.i18n import N_, _, label
from app.cli.common import command, emit_json, group, json_option, pass_ctx
from app.cli.output import counted

# What the team calls each server role.
ROLE_TITLES = {"caseworker": N_("handläggare"), "lead": N_("gruppchef")}


@group("server", help=_("Teamservern (PostgreSQL): sätt upp den och lägg till personer."))
def server() -> None:
    pass


@server.command(
    "init", help=_("Skapa teamets schema, roller och regler i en tom PostgreSQL-databas.")
)
@click.argument("url")
@click.option("--team", "team_name", default=None, metavar=_("NAMN"),
              help=_("Teamets namn (standard: databasens)."))  # fmt: skip
def server_init(url: str, team_name: str | None) -> None:
    from db.teamserver import server as ts

    result = ts.init(url, team_name)
    fields = {"team": result.team, "where": ts.safe_url(url), "version": result.version}
    if result.created:
        click.echo(
            _("Teamservern för {team} är uppsatt i {where} (schemaversion {version}).").format(
                **fields
            )
        )
    else:
        click.echo(
            _(
                "{where} är redan teamserver för {team} (schemaversion {version}); inget ändrades."
            ).format(**fields)
        )


@server.command("upgrade", help=_("Uppgradera teamserverns schema till den här versionens."))
@click.argument("url")
def server_upgrade(url: str) -> None:
    from db.teamserver import server as ts

    before, after = ts.upgrade(url)
    if before == after:
        click.echo(
            _("Teamservern har redan schemaversion {version}; inget ändrades.").format(
                version=after
            )
        )
    else:
        click.echo(
            _("Teamservern uppgraderad från schemaversion {before} till {after}.").format(
                before=before, after=after
            )
        )


def _read_password(path: Path | None) -> str | None:
    if path is None:
        return None
    from app.base.errors import InvalidInputError

    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InvalidInputError(
            _("Lösenordsfilen {path} kan inte läsas ({error}).").format(
                path=path, error=exc.strerror
            )
        ) from None
    password = text.rstrip("\r\n")
    if not password:
        raise InvalidInputError(_("Lösenordsfilen {path} är tom.").format(path=path))
    return password


@server.command(
    "add-user",
    help=_("Lägg till en person i teamet med en egen inloggningsroll (signaturen i gemener)."),
)
@click.argument("url")
@click.argument("signature", metavar=_("SIGNATUR"))
@click.option("--name", required=True, metavar=_("NAMN"), help=_("Personens namn."))
@click.option("--role", type=click.Choice(["caseworker", "lead"]), required=True,
              help=_("caseworker (handläggare) eller lead (gruppchef)."))  # fmt: skip
@click.option("--password-file", type=click.Path(path_type=Path), default=None,
              metavar=_("FIL"),
              help=_("Fil med personens lösenord (annars sätts inget lösenord)."))  # fmt: skip
def server_add_user(
    url: str, signature: str, name: str, role: str, password_file: Path | None
) -> None:
    from db.teamserver import server as ts

    login = ts.add_user(url, signature, name, role, _read_password(password_file))
    click.echo(
        _("{signature} ({title}) kan nu logga in på teamservern som rollen {login}.").format(
            signature=signature, title=label(ROLE_TITLES, role), login=login
        )
    )


@command("join", help=_("Anslut den lokala databasen till teamservern och hämta det du får se."))
@click.argument("url")
@click.option("--push-local", is_flag=True,
              help=_("Skicka den lokala databasens stock till teamservern."))  # fmt: skip
@json_option
@pass_ctx
def join(ctx: Any, url: str, push_local: bool, as_json: bool) -> None:
    from app.sync import join as join_server
    from db.teamserver import server as ts

    with ts.connect(url) as server_conn:  # the server first: a failed join creates nothing
        ts.whoami(server_conn)
    result, signature = join_server(ctx.conn(), url, ctx.clock, push_local=push_local)
    _report(
        result,
        as_json,
        _("Ansluten till teamservern som {signature}.").format(signature=signature),
    )
    if result.refused:
        raise SystemExit(1)


def _report(result: Any, as_json: bool, lead_in: str = "") -> None:
    if as_json:
        emit_json(result.as_json())
        return
    if result.conflicts:
        text = _("Skickade {pushed}, hämtade {pulled}, {conflicts}.").format(
            pushed=result.pushed,
            pulled=result.pulled,
            conflicts=counted(
                result.conflicts,
                "{n} fält ändrades senare av någon annan",
                "{n} fält ändrades senare av någon annan",
            ),
        )
    else:
        text = _("Skickade {pushed}, hämtade {pulled}.").format(
            pushed=result.pushed, pulled=result.pulled
        )
    click.echo(f"{lead_in} {text}" if lead_in else text)
    if result.refused:
        click.echo(
            counted(
                result.refused,
                "Servern nekade {n} ändring; se 'overblick sync status'.",
                "Servern nekade {n} ändringar; se 'overblick sync status'.",
            ),
            err=True,
        )


@group(
    "sync",
    invoke_without_command=True,
    help=_(
        "Skicka dina ändringar till teamservern och hämta teamets (exit 1: nekade ändringar, "
        "2: servern nås inte; den lokala databasen är då orörd)."
    ),
)
@json_option
@click.pass_context
def sync(click_ctx: click.Context, as_json: bool) -> None:
    if click_ctx.invoked_subcommand is not None:
        return
    from app.safety.backups import daily_backup_if_due
    from app.safety.integrity import open_checked
    from app.sync import sync as run_sync

    ctx = click_ctx.obj
    conn = open_checked(ctx.db_path, create=False)  # reads only, until the server answers
    try:
        result = run_sync(
            conn, ctx.clock, lambda: daily_backup_if_due(conn, ctx.db_path, ctx.clock)
        )
    finally:
        conn.close()
    _report(result, as_json)
    if result.refused:
        click_ctx.exit(1)


@sync.command("status", help=_("Server, roll, senaste synkning, väntande och nekade ändringar."))
@json_option
@pass_ctx
def sync_status(ctx: Any, as_json: bool) -> None:
    from app.sync import status

    info = status(ctx.conn(check=False))
    if as_json:
        emit_json(info)
        return
    if not info["joined"]:
        click.echo(_("Inte ansluten till någon teamserver (anslut med 'overblick join URL')."))
        return
    click.echo(_("Server: {server}").format(server=info["server"]))
    click.echo(
        _("Inloggad som: {signature} ({role})").format(
            signature=info["signature"], role=label(ROLE_TITLES, info["role"])
        )
    )
    click.echo(_("Senast synkad: {when}").format(when=info["last_sync_at"] or _("aldrig")))
    click.echo(_("Ändringar som väntar: {n}").format(n=info["pending"]))
    click.echo(_("Nekade ändringar: {n}").format(n=info["refused"]))
    for change in info["refused_changes"]:
        click.echo(f"  {change['at'] or ''} {change['table']} {change['op']}: {change['reason']}")


SERVER_COMMANDS = (server, join, sync)
