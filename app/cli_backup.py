"""``overblick backup`` and ``overblick retention``: backups, integrity and purging old cases.

Kept apart from :mod:`app.cli` (which registers them). ``backup`` never opens the database
for writing before it knows what it is dealing with: ``check`` and ``restore`` work on a
damaged database, which the other commands refuse to open.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import click

from app.cli_common import Context, emit_json, json_option, on_option, pass_ctx

REASON_SV = {
    "manual": "manuell",
    "daily": "daglig",
    "pre-migration": "före uppgradering",
    "pre-import": "före import",
    "pre-restore": "före återställning",
}
TABLE_SV = {
    "cases": "ärenden",
    "sick_periods": "sjukperioder",
    "certificates": "intyg",
    "impulses": "impulser",
    "follow_ups": "bevakningar",
    "contacts": "kontakter",
    "planned_dates": "planeringar",
    "case_notes": "anteckningar",
    "events": "händelser",
}


def _size_sv(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} kB"
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")


YES = {"j", "ja", "y", "yes"}


def _confirm(question: str) -> None:
    """Ask on stderr; go on only on j/ja (or y/yes), else abort (exit code 130).

    Like click.confirm, but a Swedish answer works; no input at all (CI) aborts too.
    """
    answer = click.prompt(
        f"{question} [j/N]", default="n", show_default=False, err=True, prompt_suffix=" "
    )
    if str(answer).strip().lower() not in YES:
        raise click.Abort


def _require_db(ctx: Context) -> Path:
    from app.errors import NotFoundError

    if not ctx.db_path.is_file():
        raise NotFoundError(f"Det finns ingen databas i {ctx.db_path}.")
    return ctx.db_path


@click.group("backup")
def backup() -> None:
    """Säkerhetskopior i mappen backups/ bredvid databasen, och integritetskontroll."""


@backup.command("now")
@json_option
@pass_ctx
def backup_now(ctx: Context, as_json: bool) -> int:
    """Ta en säkerhetskopia nu (SQLites backup-API, medan databasen används)."""
    from app.safety import take_backup
    from db.backup import integrity

    dest = take_backup(_require_db(ctx), "manual", ctx.clock)
    damaged = bool(integrity(dest))
    if as_json:
        emit_json({"backup": str(dest), "reason": "manual", "ok": not damaged})
    else:
        click.echo(f"Säkerhetskopia sparad: {dest}")
    if damaged:
        click.echo(
            "overblick: obs: databasen är skadad och därmed även kopian; kör 'overblick backup "
            "check'.",
            err=True,
        )
        return 1
    return 0


@backup.command("list")
@click.option("--check", "verify", is_flag=True, help="Kontrollera också att varje kopia är hel.")
@json_option
@pass_ctx
def backup_list(ctx: Context, verify: bool, as_json: bool) -> None:
    """Visa säkerhetskopiorna, nyaste först."""
    from app.safety import backups_folder, list_backups
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
        click.echo(f"Inga säkerhetskopior i {backups_folder(ctx.db_path)}.")
        return
    for b in backups:
        mark = ("  hel" if status[b.path] else "  SKADAD") if verify else ""
        reason = REASON_SV.get(b.reason, b.reason)
        click.echo(
            f"{b.taken_at:%Y-%m-%d %H:%M:%S}  {reason:19} {_size_sv(b.size):>9}  {b.name}{mark}"
        )


@backup.command("restore")
@click.argument("file")
@click.option("--yes", "-y", "yes", is_flag=True, help="Fråga inte om bekräftelse.")
@json_option
@pass_ctx
def backup_restore(ctx: Context, file: str, yes: bool, as_json: bool) -> None:
    """Återställ databasen från en säkerhetskopia (sökväg eller filnamn i backups/).

    Det nuvarande innehållet sparas först som en säkerhetskopia ('före återställning').
    En kopia som inte klarar integritetskontrollen återställs inte.
    """
    from app.safety import resolve_backup, restore_backup
    from db.backup import BackupDamagedError, integrity

    source = resolve_backup(ctx.db_path, file)
    problems = integrity(source)
    if problems:
        raise BackupDamagedError(
            f"Säkerhetskopian {source.name} är skadad (quick_check: {problems[0]}) och "
            "återställs inte. Databasen har inte ändrats; välj en annan säkerhetskopia.",
            problems,
        )
    if not yes:
        _confirm(
            f"Återställa {ctx.db_path} från {source.name}? Det nuvarande innehållet sparas "
            "först som en säkerhetskopia."
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
    click.echo(f"Databasen återställd från {result.restored_from.name}.")
    if result.pre_restore is not None:
        click.echo(f"Det tidigare innehållet finns i {result.pre_restore}.")


@backup.command("check")
@click.option("--full", is_flag=True, help="Fullständig integrity_check (långsammare).")
@json_option
@pass_ctx
def backup_check(ctx: Context, full: bool, as_json: bool) -> None:
    """Kontrollera att databasen är hel; slutkod 2 med förklaring när den är skadad."""
    from app.safety import DatabaseDamagedError, check_on_start

    report = check_on_start(_require_db(ctx), quick=not full)
    if as_json:
        emit_json(report.as_json())
    if not report.ok:
        raise DatabaseDamagedError(report)
    if not as_json:
        pragma = "integrity_check" if full else "quick_check"
        click.echo(f"Databasen {ctx.db_path} är hel ({pragma}: ok).")


@click.group("retention")
def retention() -> None:
    """Gallring: avslutade ärenden tas bort en tid efter avslutet (inställningen
    retention.days, standard 90 dagar)."""


def _closed(n: int) -> str:
    from app.output import count_sv

    return count_sv(n, "avslutat ärende", "avslutade ärenden")


def _print_preview(preview: Any) -> None:
    from app.output import count_sv

    click.echo(
        f"Gallring {preview.on.isoformat()}: {_closed(len(preview.case_refs))} (avslutade "
        f"senast {preview.closed_before.isoformat()}, "
        f"{count_sv(preview.days, 'dag', 'dagar')} efter avslutet)."
    )
    for ref in preview.case_refs:
        click.echo(f"  {ref}")
    for table, count in preview.counts.items():
        if count:
            click.echo(f"  {TABLE_SV.get(table, table)}: {count}")
    if preview.closed_without_date:
        lacks = "saknar avslutsdatum och gallras inte."
        click.echo(f"{_closed(preview.closed_without_date)} {lacks}")


@retention.command("preview")
@on_option
@json_option
@pass_ctx
def retention_preview(ctx: Context, on: date | None, as_json: bool) -> None:
    """Visa vad en gallring skulle ta bort (inget ändras)."""
    from app.safety import purge_preview

    preview = purge_preview(ctx.conn(), ctx.on(on))
    if as_json:
        emit_json(preview.as_json())
        return
    _print_preview(preview)


def _profile_actor(conn: Any) -> str | None:
    from app.errors import OverblickError
    from app.profile import resolve_caseworker

    try:
        return resolve_caseworker(conn, None).ext_id
    except OverblickError:
        return None


@retention.command("purge")
@on_option
@click.option("--yes", "-y", "yes", is_flag=True, help="Fråga inte om bekräftelse.")
@pass_ctx
def retention_purge(ctx: Context, on: date | None, yes: bool) -> None:
    """Ta bort avslutade ärenden äldre än gallringstiden, med alla deras uppgifter."""
    from app.safety import purge, purge_preview

    conn = ctx.conn()
    day = ctx.on(on)
    preview = purge_preview(conn, day)
    if not preview.case_refs:
        click.echo("Inget att gallra.")
        return
    if not yes:
        _print_preview(preview)
        what = _closed(len(preview.case_refs))
        _confirm(f"Ta bort {what} och alla deras uppgifter för gott?")
    count = purge(conn, day, _profile_actor(conn), ctx.clock, days=preview.days)
    click.echo(f"Gallrade {_closed(count)}.")
