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

from app.cli.common import emit_json, json_option, pass_ctx


@click.group()
def server() -> None:
    """Teamservern (PostgreSQL): sätt upp den och lägg till personer."""


@server.command("init")
@click.argument("url")
@click.option("--team", "team_name", default=None, help="Teamets namn (standard: databasens).")
def server_init(url: str, team_name: str | None) -> None:
    """Skapa teamets schema, roller och regler i en tom PostgreSQL-databas."""
    from db.teamserver import server as ts

    result = ts.init(url, team_name)
    where = ts.safe_url(url)
    if result.created:
        click.echo(
            f"Teamservern för {result.team} är uppsatt i {where} (schemaversion {result.version})."
        )
    else:
        click.echo(
            f"{where} är redan teamserver för {result.team} (schemaversion {result.version}); "
            "inget ändrades."
        )


@server.command("upgrade")
@click.argument("url")
def server_upgrade(url: str) -> None:
    """Uppgradera teamserverns schema till den här versionens."""
    from db.teamserver import server as ts

    before, after = ts.upgrade(url)
    if before == after:
        click.echo(f"Teamservern har redan schemaversion {after}; inget ändrades.")
    else:
        click.echo(f"Teamservern uppgraderad från schemaversion {before} till {after}.")


def _read_password(path: Path | None) -> str | None:
    if path is None:
        return None
    from app.base.errors import InvalidInputError

    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InvalidInputError(f"Lösenordsfilen {path} kan inte läsas ({exc.strerror}).") from None
    password = text.rstrip("\r\n")
    if not password:
        raise InvalidInputError(f"Lösenordsfilen {path} är tom.")
    return password


@server.command("add-user")
@click.argument("url")
@click.argument("signature")
@click.option("--name", required=True, help="Personens namn.")
@click.option("--role", type=click.Choice(["caseworker", "lead"]), required=True,
              help="caseworker (handläggare) eller lead (gruppchef).")  # fmt: skip
@click.option("--password-file", type=click.Path(path_type=Path), default=None,
              help="Fil med personens lösenord (annars inget lösenord sätts).")  # fmt: skip
def server_add_user(
    url: str, signature: str, name: str, role: str, password_file: Path | None
) -> None:
    """Lägg till en person i teamet med en egen inloggningsroll (signaturen i gemener)."""
    from db.teamserver import server as ts

    login = ts.add_user(url, signature, name, role, _read_password(password_file))
    title = "gruppchef" if role == "lead" else "handläggare"
    click.echo(f"{signature} ({title}) kan nu logga in på teamservern som rollen {login}.")


@click.command("join")
@click.argument("url")
@click.option("--push-local", is_flag=True,
              help="Skicka den lokala databasens stock till teamservern.")  # fmt: skip
@json_option
@pass_ctx
def join(ctx: Any, url: str, push_local: bool, as_json: bool) -> None:
    """Anslut den lokala databasen till teamservern och hämta det du får se."""
    from app.sync import join as join_server
    from db.teamserver import server as ts

    with ts.connect(url) as server_conn:  # the server first: a failed join creates nothing
        ts.whoami(server_conn)
    result, signature = join_server(ctx.conn(), url, ctx.clock, push_local=push_local)
    _report(result, as_json, f"Ansluten till teamservern som {signature}. ")
    if result.refused:
        raise SystemExit(1)


def _report(result: Any, as_json: bool, lead_in: str = "") -> None:
    if as_json:
        emit_json(result.as_json())
        return
    text = f"{lead_in}Skickade {result.pushed}, hämtade {result.pulled}"
    if result.conflicts:
        text += f", {result.conflicts} fält ändrades senare av någon annan"
    click.echo(text + ".")
    if result.refused:
        click.echo(
            f"Servern nekade {result.refused} ändring(ar); se 'overblick sync status'.", err=True
        )


@click.group("sync", invoke_without_command=True)
@json_option
@click.pass_context
def sync(click_ctx: click.Context, as_json: bool) -> None:
    """Skicka dina ändringar till teamservern och hämta teamets (exit 1: nekade ändringar,
    2: servern nås inte; den lokala databasen är då orörd)."""
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


@sync.command("status")
@json_option
@pass_ctx
def sync_status(ctx: Any, as_json: bool) -> None:
    """Server, roll, senaste synkning, väntande och nekade ändringar."""
    from app.sync import status

    info = status(ctx.conn(check=False))
    if as_json:
        emit_json(info)
        return
    if not info["joined"]:
        click.echo("Inte ansluten till någon teamserver (anslut med 'overblick join URL').")
        return
    role = "gruppchef" if info["role"] == "lead" else "handläggare"
    click.echo(f"Server: {info['server']}")
    click.echo(f"Inloggad som: {info['signature']} ({role})")
    click.echo(f"Senast synkad: {info['last_sync_at'] or 'aldrig'}")
    click.echo(f"Ändringar som väntar: {info['pending']}")
    click.echo(f"Nekade ändringar: {info['refused']}")
    for change in info["refused_changes"]:
        click.echo(f"  {change['at'] or ''} {change['table']} {change['op']}: {change['reason']}")


SERVER_COMMANDS = (server, join, sync)
