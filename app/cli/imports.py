"""The ``overblick import`` and ``overblick export`` commands.

Kept apart from :mod:`app.cli.main` (which registers them); nothing heavy is imported until a
command runs. ``import`` takes each file in its own transaction and exits 0 when every row
was accepted, 1 when some were rejected and 2 when a file could not be read at all.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import click

from app.base.i18n import N_, _, label
from app.cli.common import DATE, command, emit_json, group


def _profile_actor(conn: Any) -> str | None:
    """The signature events are written under: the profile's caseworker, if there is one."""
    from app.base.errors import OverblickError
    from app.priority.profile import resolve_caseworker

    try:
        return resolve_caseworker(conn, None).ext_id
    except OverblickError:
        return None


STATUS_SV = {
    "ok": N_("klar"),
    "partial": N_("delvis"),
    "failed": N_("misslyckad"),
    "skipped": N_("hoppades över"),
    "running": N_("pågår"),
}


def _history(ctx: Any, limit: int, as_json: bool) -> int:
    from app.base.clock import STOCKHOLM
    from app.exchange.importer import import_history

    runs = import_history(ctx.conn(create=False), limit)
    if as_json:
        emit_json([r.as_json() for r in runs])
        return 0
    if not runs:
        click.echo(_("Inga importer ännu."))
        return 0
    from datetime import datetime

    for run in runs:
        when = datetime.fromisoformat(run.started_at).astimezone(STOCKHOLM)
        counts = _("{new} nya, {updated} uppdaterade, {unchanged} oförändrade, {rejected} avvisade")
        counts = counts.format(
            new=run.created, updated=run.updated, unchanged=run.unchanged, rejected=run.rejected
        )
        status = label(STATUS_SV, run.status)
        click.echo(f"{when:%Y-%m-%d %H:%M}  {run.file_name:30} {counts:60} {status}")
        if run.message:
            click.echo(f"                  {run.message}")
    return 0


@command(
    "import",
    help=_(
        "Importera ärenden, sjukperioder, intyg, impulser, bevakningar, "
        "kontakter och handläggare från CSV, XLSX eller JSON Lines (se "
        "docs/import-format.md).\n\nVarje fil importeras i en egen transaktion, flera "
        "filer i beroendeordning (handläggare, ärenden, sjukperioder, intyg, impulser, "
        "bevakningar, kontakter) oavsett i vilken ordning de anges. "
        "Avvisade rader skrivs till en avvisningsfil med orsak. Slutkod 0: alla "
        "rader godtogs; 1: några rader avvisades; 2: en fil kunde inte läsas "
        "alls."
    ),
)
@click.argument("files", nargs=-1, type=click.Path(path_type=Path), metavar=_("FIL..."))
@click.option(
    "--reject-file",
    type=click.Path(path_type=Path),
    default=None,
    help=_(
        "Avvisade rader hit (standard: FIL.avvisade.csv bredvid filen). Med flera filer: en mapp."
    ),
)
@click.option("--history", is_flag=True, help=_("Visa de senaste importerna."))
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True,
              help=_("Så många importer i --history."))  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help=_("Skriv ett JSON-dokument."))
@click.pass_obj
def import_cmd(
    ctx: Any,
    files: tuple[Path, ...],
    reject_file: Path | None,
    history: bool,
    limit: int,
    as_json: bool,
) -> int:
    if history:
        return _history(ctx, limit, as_json)
    if not files:
        raise click.UsageError(_("Ange minst en fil att importera (eller --history)."))
    from app.exchange.importer import ImportResult, UnreadableFileError, import_file
    from app.exchange.order import dependency_order

    conn = ctx.conn()
    actor = _profile_actor(conn)
    results: list[ImportResult] = []
    code = 0
    for path in dependency_order(files):
        target = reject_file
        if reject_file is not None and (len(files) > 1 or reject_file.is_dir()):
            target = reject_file / f"{path.stem}.avvisade.csv"
        try:
            result = import_file(
                conn, path, clock=ctx.clock, actor=actor, reject_file=target, source="cli"
            )
        except UnreadableFileError as exc:
            click.echo(_("overblick: {exc}").format(exc=exc), err=True)
            result = exc.result
            code = 2
        else:
            if not as_json:
                click.echo(result.summary_sv())
            code = max(code, result.exit_code)
        if result is not None:
            results.append(result)
    if as_json:
        emit_json({"files": [r.as_json() for r in results], "exit_code": code})
    return code


@group("export", help=_("Exportera data ur Överblick."))
def export() -> None:
    pass


@export.command(
    "stock",
    help=_(
        "Ärendestocken som tabellen visar den: dag i kedjan, fas, nästa "
        "milstolpe, öppna impulser, nästa bevakning, senaste åtgärd och poäng."
    ),
)
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path), metavar=_("FIL"))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "xlsx"]),
    default=None,
    help=_("Filformat (standard: av filnamnet, annars csv)."),
)
@click.option(
    "--as", "as_", metavar=_("SIGNATUR"), default=None, help=_("Handläggare (standard: profilen).")
)
@click.option(
    "--unmasked",
    is_flag=True,
    help=_("Skriv hela personnummer; utan flaggan maskeras de (ÅÅÅÅMMDD-****)."),
)
@click.option(
    "--on", "on", type=DATE, default=None, help=_("Datum att räkna på (standard: i dag).")
)
@click.pass_obj
def export_stock_cmd(
    ctx: Any, file: Path, fmt: str | None, as_: str | None, unmasked: bool, on: date | None
) -> None:
    from app.cli.output import counted
    from app.exchange.export import export_stock, format_for
    from app.priority.profile import resolve_caseworker

    conn = ctx.conn()
    caseworker = resolve_caseworker(conn, as_)
    fmt = format_for(file, fmt)
    count = export_stock(
        conn, caseworker, ctx.on(on), file, fmt, unmasked=unmasked, clock=ctx.clock
    )
    masked = _("hela personnummer") if unmasked else _("personnummer maskerade")
    what = counted(count, "{n} ärende", "{n} ärenden")
    click.echo(
        _("Exporterade {what} för {ext_id} till {file} ({masked}).").format(
            what=what, ext_id=caseworker.ext_id, file=file, masked=masked
        )
    )


@export.command(
    "methods",
    help=_(
        "Metodhändelserna (SASSAM, avstämningsmöte, FMR, AFU, kontakt) med datum och dag i "
        "kedjan; inga namn eller personnummer."
    ),
)
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path), metavar=_("FIL"))
@click.option(
    "--format", "fmt", type=click.Choice(["csv", "xlsx"]), default=None,
    help=_("Filformat (standard: av filnamnet, annars csv)."),
)  # fmt: skip
@click.option(
    "--as", "as_", metavar=_("SIGNATUR"), default=None, help=_("Handläggare (standard: profilen).")
)
@click.option("--all", "all_", is_flag=True, help=_("Alla ärenden, inte bara handläggarens."))
@click.pass_obj
def export_methods_cmd(ctx: Any, file: Path, fmt: str | None, as_: str | None, all_: bool) -> None:
    from app.cli.output import counted
    from app.exchange.export import export_method_events
    from app.priority.profile import resolve_caseworker

    conn = ctx.conn()
    caseworker = None if all_ else resolve_caseworker(conn, as_)
    count = export_method_events(conn, caseworker, file, fmt, clock=ctx.clock)
    click.echo(
        _("Exporterade {what} till {file}.").format(
            what=counted(count, "{n} metodhändelse", "{n} metodhändelser"), file=file
        )
    )
