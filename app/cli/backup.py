"""``overblick backup`` and ``overblick retention``: backups, integrity and purging old cases.

Kept apart from :mod:`app.cli.main` (which registers them). ``backup`` never opens the database
for writing before it knows what it is dealing with: ``check`` and ``restore`` work on a
damaged database, which the other commands refuse to open.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import click

from app.base.i18n import N_, _, decimal, label
from app.cli.common import Context, emit_json, group, json_option, on_option, pass_ctx

REASON_SV = {
    "manual": N_("manuell"),
    "daily": N_("daglig"),
    "pre-migration": N_("före uppgradering"),
    "pre-import": N_("före import"),
    "pre-restore": N_("före återställning"),
}
TABLE_SV = {
    "cases": N_("ärenden"),
    "sick_periods": N_("sjukperioder"),
    "certificates": N_("intyg"),
    "impulses": N_("impulser"),
    "follow_ups": N_("bevakningar"),
    "contacts": N_("kontakter"),
    "planned_dates": N_("planeringar"),
    "case_notes": N_("anteckningar"),
    "events": N_("händelser"),
}


def _size_sv(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} kB"
    return f"{decimal(size / (1024 * 1024))} MB"


YES = {"j", "ja", "y", "yes"}


def _confirm(question: str) -> None:
    """Ask on stderr; go on only on j/ja (or y/yes), else abort (exit code 130).

    Like click.confirm, but a Swedish answer works; no input at all (CI) aborts too.
    """
    answer = click.prompt(
        question + " " + _("[j/N]"), default="n", show_default=False, err=True, prompt_suffix=" "
    )
    if str(answer).strip().lower() not in YES:
        raise click.Abort


def _require_db(ctx: Context) -> Path:
    from app.base.errors import NotFoundError

    if not ctx.db_path.is_file():
        raise NotFoundError(_("Det finns ingen databas i {db_path}.").format(db_path=ctx.db_path))
    return ctx.db_path


@group(
    "backup",
    help=_("Säkerhetskopior i mappen backups/ bredvid databasen, och integritetskontroll."),
)
def backup() -> None:
    pass


@backup.command(
    "now", help=_("Ta en säkerhetskopia nu (SQLites backup-API, medan databasen används).")
)
@json_option
@pass_ctx
def backup_now(ctx: Context, as_json: bool) -> int:
    from app.safety.backups import take_backup
    from db.backup import integrity

    dest = take_backup(_require_db(ctx), "manual", ctx.clock)
    damaged = bool(integrity(dest))
    if as_json:
        emit_json({"backup": str(dest), "reason": "manual", "ok": not damaged})
    else:
        click.echo(_("Säkerhetskopia sparad: {dest}").format(dest=dest))
    if damaged:
        click.echo(
            _(
                "overblick: obs: databasen är skadad och därmed även kopian; kör 'overblick backup "
                "check'."
            ),
            err=True,
        )
        return 1
    return 0


@backup.command("list", help=_("Visa säkerhetskopiorna, nyaste först."))
@click.option(
    "--check", "verify", is_flag=True, help=_("Kontrollera också att varje kopia är hel.")
)
@json_option
@pass_ctx
def backup_list(ctx: Context, verify: bool, as_json: bool) -> None:
    from app.safety.backups import backups_folder, list_backups
    from db.backup import integrity

    backups = list_backups(ctx.db_path)
    status = {b.path: not integrity(b.path) for b in backups} if verify else {}
    if as_json:
        rows = []
        for b in backups:
            row = b.as_json()
            if verify:
                row["ok"] = status[b.path]
            rows.append(row)
        emit_json(rows)
        return
    if not backups:
        click.echo(
            _("Inga säkerhetskopior i {db_path}.").format(db_path=backups_folder(ctx.db_path))
        )
        return
    for b in backups:
        mark = ("  " + (_("hel") if status[b.path] else _("SKADAD"))) if verify else ""
        reason = label(REASON_SV, b.reason)
        click.echo(
            f"{b.taken_at:%Y-%m-%d %H:%M:%S}  {reason:19} {_size_sv(b.size):>9}  {b.name}{mark}"
        )


@backup.command(
    "restore",
    help=_(
        "Återställ databasen från en säkerhetskopia (sökväg eller filnamn i "
        "backups/).\n\nDet nuvarande innehållet sparas först som en säkerhetskopia "
        "('före återställning'). En kopia som inte klarar integritetskontrollen "
        "återställs inte."
    ),
)
@click.argument("file", metavar=_("FIL"))
@click.option("--yes", "-y", "yes", is_flag=True, help=_("Fråga inte om bekräftelse."))
@json_option
@pass_ctx
def backup_restore(ctx: Context, file: str, yes: bool, as_json: bool) -> None:
    from app.safety.backups import resolve_backup, restore_backup
    from db.backup import BackupDamagedError, integrity

    source = resolve_backup(ctx.db_path, file)
    problems = integrity(source)
    if problems:
        raise BackupDamagedError(
            _(
                "Säkerhetskopian {name} är skadad (quick_check: {problems}) och "
                "återställs inte. Databasen har inte ändrats; välj en annan "
                "säkerhetskopia."
            ).format(name=source.name, problems=problems[0]),
            problems,
        )
    if not yes:
        _confirm(
            _(
                "Återställa {db_path} från {name}? Det nuvarande innehållet sparas först "
                "som en säkerhetskopia."
            ).format(db_path=ctx.db_path, name=source.name)
        )
    result = restore_backup(ctx.db_path, source, ctx.clock)
    if as_json:
        emit_json(
            {
                "restored_from": str(result.restored_from),
                "pre_restore": str(result.pre_restore) if result.pre_restore else None,
                "method": result.method,
            }
        )
        return
    click.echo(_("Databasen återställd från {name}.").format(name=result.restored_from.name))
    if result.pre_restore is not None:
        click.echo(
            _("Det tidigare innehållet finns i {pre_restore}.").format(
                pre_restore=result.pre_restore
            )
        )


@backup.command(
    "check", help=_("Kontrollera att databasen är hel; slutkod 2 med förklaring när den är skadad.")
)
@click.option("--full", is_flag=True, help=_("Fullständig integrity_check (långsammare)."))
@json_option
@pass_ctx
def backup_check(ctx: Context, full: bool, as_json: bool) -> None:
    from app.safety.integrity import DatabaseDamagedError, check_on_start

    report = check_on_start(_require_db(ctx), quick=not full)
    if as_json:
        emit_json(report.as_json())
    if not report.ok:
        raise DatabaseDamagedError(report)
    if not as_json:
        pragma = "integrity_check" if full else "quick_check"
        click.echo(
            _("Databasen {db_path} är hel ({pragma}: ok).").format(
                db_path=ctx.db_path, pragma=pragma
            )
        )


@group(
    "retention",
    help=_(
        "Gallring: avslutade ärenden tas bort en tid efter avslutet "
        "(inställningen retention.days, standard 90 dagar)."
    ),
)
def retention() -> None:
    pass


def _closed(n: int) -> str:
    from app.cli.output import counted

    return counted(n, "{n} avslutat ärende", "{n} avslutade ärenden")


def _print_preview(preview: Any) -> None:
    from app.cli.output import counted

    click.echo(
        _("Gallring {date}: {n} (avslutade senast {closed_before}, {days} efter avslutet).").format(
            date=preview.on.isoformat(),
            n=_closed(len(preview.case_refs)),
            closed_before=preview.closed_before.isoformat(),
            days=counted(preview.days, "{n} dag", "{n} dagar"),
        )
    )
    for ref in preview.case_refs:
        click.echo(f"  {ref}")
    for table, count in preview.counts.items():
        if count:
            click.echo(f"  {label(TABLE_SV, table)}: {count}")
    if preview.closed_without_date:
        click.echo(
            _("{cases} saknar avslutsdatum och gallras inte.").format(
                cases=_closed(preview.closed_without_date)
            )
        )


@retention.command("preview", help=_("Visa vad en gallring skulle ta bort (inget ändras)."))
@on_option
@json_option
@pass_ctx
def retention_preview(ctx: Context, on: date | None, as_json: bool) -> None:
    from app.safety.retention import purge_preview

    preview = purge_preview(ctx.conn(), ctx.on(on))
    if as_json:
        emit_json(preview.as_json())
        return
    _print_preview(preview)


def _profile_actor(conn: Any) -> str | None:
    from app.base.errors import OverblickError
    from app.priority.profile import resolve_caseworker

    try:
        return resolve_caseworker(conn, None).ext_id
    except OverblickError:
        return None


@retention.command(
    "purge", help=_("Ta bort avslutade ärenden äldre än gallringstiden, med alla deras uppgifter.")
)
@on_option
@click.option("--yes", "-y", "yes", is_flag=True, help=_("Fråga inte om bekräftelse."))
@pass_ctx
def retention_purge(ctx: Context, on: date | None, yes: bool) -> None:
    from app.safety.retention import purge, purge_preview

    conn = ctx.conn()
    day = ctx.on(on)
    preview = purge_preview(conn, day)
    if not preview.case_refs:
        click.echo(_("Inget att gallra."))
        return
    if not yes:
        _print_preview(preview)
        what = _closed(len(preview.case_refs))
        _confirm(_("Ta bort {what} och alla deras uppgifter för gott?").format(what=what))
    count = purge(conn, day, _profile_actor(conn), ctx.clock, days=preview.days)
    click.echo(_("Gallrade {count}.").format(count=_closed(count)))
