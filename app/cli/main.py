"""The ``overblick`` command: the engine for caseworkers, team leads and scripts.

Exit codes: 0 ok, 1 partial, 2 usage error or unreadable input (one line on stderr).
Heavy modules are imported inside the commands that need them, to keep start-up short.
"""

# ruff: noqa: E402  (the start time is taken before the other imports, for --exit-when-ready)
from __future__ import annotations

import time

STARTED = time.perf_counter()

import sqlite3
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any, NoReturn

import click

from app.base.clock import FixedClock, SystemClock
from app.base.errors import OverblickError
from app.base.i18n import _
from app.cli.backup import backup, retention
from app.cli.common import (
    DATE,
    DB_ENV,
    MOMENT,
    Context,
    as_option,
    emit_json,
    group,
    json_option,
    on_option,
    pass_ctx,
)
from app.cli.followup import follow_up
from app.cli.handover import caseworker_cmd, handover, intake, units_cmd
from app.cli.imports import export, import_cmd
from app.cli.impulse import impulse
from app.cli.methods import assessment, method, on_time
from app.cli.reminders import reminders
from app.cli.server import SERVER_COMMANDS
from app.cli.service import benefits, case, referral
from app.cli.team import absences, balance, cover, employer, reassign, report, team


@group(
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    help=_(
        "Överblick: ärendestock, impulser, bevakningar och prioritet för "
        "handläggare.\n\nUtan kommando öppnas fönstret."
    ),
)
@click.option(
    "--db",
    "db_path",
    type=click.Path(path_type=Path),  # a folder is refused in Swedish by Context
    default=None,
    help=_("Databasfil (annars ${DB_ENV}, annars i användarens datamapp).").format(DB_ENV=DB_ENV),
)
@click.option(
    "--now",
    "now",
    type=MOMENT,
    default=None,
    help=_("Räkna som om klockan vore detta (svensk tid), t.ex. '2026-11-23 09:30'."),
)
@click.option(
    "--exit-when-ready",
    is_flag=True,
    help=_("Öppna fönstret, vänta tills första vyn visar data, skriv tiden och avsluta."),
)
@click.version_option(package_name="overblick", prog_name="overblick")
@click.pass_context
def cli(
    ctx: click.Context, db_path: Path | None, now: datetime | None, exit_when_ready: bool
) -> None:
    ctx.obj = Context(db_path, SystemClock() if now is None else FixedClock(now))
    ctx.obj.fixed_now = now is not None
    if ctx.invoked_subcommand is None:
        ctx.exit(open_window(ctx.obj.db_path, exit_when_ready))


WindowOpener = Callable[[Path, bool, float], int]


def open_window(db_path: Path, exit_when_ready: bool) -> int:
    """Open the window through the front end the launcher registered (app/ knows no Qt)."""
    opener: WindowOpener | None = click.get_current_context().meta.get("overblick.window")
    if opener is None:
        raise OverblickError(
            _("Fönstret är inte installerat här; kommandona fungerar utan det (se --help).")
        )
    return opener(db_path, exit_when_ready, STARTED)


@cli.command(help=_("Bygg en syntetisk demostock i databasen (som måste vara tom)."))
@click.option("--caseworkers", type=click.IntRange(1, 2000), default=12, show_default=True)
@click.option(
    "--cases", type=click.IntRange(1, 100_000), default=200, show_default=True,
    help=_("Ärenden per handläggare."),
)  # fmt: skip
@click.option("--seed", type=int, default=1, show_default=True)
@click.option("--today", "today", type=DATE, default=None, help=_("Demostockens 'i dag'."))
@pass_ctx
def demo(ctx: Context, caseworkers: int, cases: int, seed: int, today: date | None) -> None:
    from app.demo.generator import build_demo, refuse_existing

    conn = ctx.conn()
    refuse_existing(conn)  # before the progress bar, so a refusal is the only line
    total = caseworkers * cases
    with click.progressbar(length=total, label=_("Bygger demostock"), file=sys.stderr) as bar:
        state = {"done": 0}

        def progress(done: int, _total: int) -> None:
            bar.update(done - state["done"])
            state["done"] = done

        summary = build_demo(
            conn,
            caseworkers=caseworkers,
            cases_per_caseworker=cases,
            seed=seed,
            today=today or ctx.on(None),
            progress=progress,
        )
    from app.cli.output import counted

    click.echo(
        _(
            "Demostock klar i {db_path}: {caseworkers} handläggare, {cases}, "
            "{impulses}, {follow_ups}."
        ).format(
            db_path=ctx.db_path,
            caseworkers=summary.caseworkers,
            cases=counted(summary.cases, "{n} ärende", "{n} ärenden"),
            impulses=counted(summary.impulses, "{n} impuls", "{n} impulser"),
            follow_ups=counted(summary.follow_ups, "{n} bevakning", "{n} bevakningar"),
        )
    )


def _parse_period(text: str) -> tuple[date, date | None]:
    start, sep, end = text.partition(":")
    if not sep:
        raise click.BadParameter(
            _("'{text}' ska skrivas START:SLUT eller START: (öppen period)").format(text=text)
        )
    try:
        first = date.fromisoformat(start)
        last = date.fromisoformat(end) if end else None
    except ValueError:
        raise click.BadParameter(
            _("'{text}' innehåller ett ogiltigt datum (ÅÅÅÅ-MM-DD)").format(text=text)
        ) from None
    if last is not None and last < first:
        raise click.BadParameter(_("'{text}': perioden slutar före den börjar").format(text=text))
    return first, last


@cli.command(help=_("Rehabiliteringskedjan för givna sjukperioder (ingen databas behövs)."))
@click.option(
    "--period", "periods", multiple=True, required=True, metavar=_("START:SLUT"),
    help=_("Sjukperiod; 'START:' är öppen. Kan upprepas."),
)  # fmt: skip
@click.option(
    "--employment",
    type=click.Choice(["employed", "unemployed", "self-employed"]),
    default="employed",
    show_default=True,
)
@click.option("--birth-date", type=DATE, default=None)
@on_option
@json_option
@pass_ctx
def chain(
    ctx: Context,
    periods: tuple[str, ...],
    employment: str,
    birth_date: date | None,
    on: date | None,
    as_json: bool,
) -> None:
    from app.chain.state import chain_on

    parsed = [_parse_period(p) for p in periods]
    state = chain_on(
        parsed, ctx.on(on), employment=employment.replace("-", "_"), birth_date=birth_date
    )
    if as_json:
        data = state.as_json()
        data["employment"] = employment
        emit_json(data)
        return
    from app.cli.output import print_chain

    print_chain(state)


@cli.command(help=_("Dagens lista: planerade ärenden först, sedan resten efter prioritet."))
@as_option
@click.option(
    "--limit",
    type=click.IntRange(0),
    default=50,
    show_default=True,
    help=_("Högst så många rangordnade ärenden (0 = alla)."),
)
@on_option
@json_option
@pass_ctx
def today(ctx: Context, as_: str | None, limit: int, on: date | None, as_json: bool) -> None:
    from app.priority.profile import resolve_caseworker
    from app.stock.today import today_list

    conn = ctx.conn(check=False)
    caseworker = resolve_caseworker(conn, as_)
    result = today_list(conn, caseworker, ctx.on(on), limit=limit or None)
    if as_json:
        emit_json(result.as_json())
        return
    from app.cli.output import print_today

    print_today(result)


@cli.command(help=_("Varför ligger ärendet där det ligger? Varje bidrag till poängen."))
@click.argument("case_id", metavar=_("ÄRENDE"))
@as_option
@on_option
@json_option
@pass_ctx
def explain(ctx: Context, case_id: str, as_: str | None, on: date | None, as_json: bool) -> None:
    from app.priority.profile import resolve_caseworker
    from app.stock.today import explain_case

    conn = ctx.conn(check=False)
    caseworker = _optional_caseworker(conn, as_, resolve_caseworker)
    data = explain_case(conn, case_id, ctx.on(on), caseworker)
    if as_json:
        emit_json(data)
        return
    from app.cli.output import print_explain

    print_explain(data)


def _optional_caseworker(conn: sqlite3.Connection, as_: str | None, resolve: Any) -> Any:
    """The caseworker whose weights apply; the team standard when none can be told."""
    if as_:
        return resolve(conn, as_)
    try:
        return resolve(conn, None)
    except OverblickError:
        return None


@cli.command(
    help=_("Ärendestocken i siffror: faser, impulser, bevakningar, milstolpar, samordning.")
)
@as_option
@on_option
@json_option
@pass_ctx
def stock(ctx: Context, as_: str | None, on: date | None, as_json: bool) -> None:
    from app.priority.profile import resolve_caseworker
    from app.stock.overview import stock_counts

    conn = ctx.conn(check=False)
    data = stock_counts(conn, resolve_caseworker(conn, as_), ctx.on(on))
    if as_json:
        emit_json(data)
        return
    from app.cli.output import print_stock

    print_stock(data)


@cli.command(help=_("Planera ett ärende till en dag (eller --clear)."))
@click.argument("case_id", metavar=_("ÄRENDE"))
@click.option("--date", "on_date", type=DATE, default=None, help=_("Dag att arbeta med ärendet."))
@click.option("--clear", is_flag=True, help=_("Ta bort planeringen."))
@click.option("--force", is_flag=True, help=_("Planera även till en dag som redan har passerat."))
@as_option
@pass_ctx
def plan(
    ctx: Context, case_id: str, on_date: date | None, clear: bool, force: bool, as_: str | None
) -> None:
    if (on_date is None) == (not clear):
        raise click.UsageError(_("Ange antingen --date ÅÅÅÅ-MM-DD eller --clear."))
    today = ctx.on(None)
    if on_date is not None and on_date < today and not force:
        raise click.UsageError(
            _(
                "{date} har redan passerat (i dag är det {today}). Planera "
                "till i dag eller senare, eller ange --force."
            ).format(date=on_date.isoformat(), today=today.isoformat())
        )
    from app.priority.profile import resolve_caseworker
    from app.stock.today import plan_case

    conn = ctx.conn()
    caseworker = resolve_caseworker(conn, as_)
    plan_case(conn, case_id, caseworker, None if clear else on_date, ctx.clock)
    if clear:
        click.echo(_("{case_id}: planeringen borttagen.").format(case_id=case_id))
    else:
        from app.priority.score import short_date_sv

        assert on_date is not None
        click.echo(
            _("{case_id}: planerat till {day} ({date}).").format(
                case_id=case_id, day=short_date_sv(on_date), date=on_date.isoformat()
            )
        )


@cli.command(help=_("Visa eller byt vilken handläggare du är i den här databasen."))
@click.argument("signature", required=False, metavar=_("SIGNATUR"))
@pass_ctx
def profile(ctx: Context, signature: str | None) -> None:
    from app.priority.profile import resolve_caseworker, set_profile

    conn = ctx.conn()
    caseworker = set_profile(conn, signature) if signature else resolve_caseworker(conn, None)
    role = _("gruppchef") if caseworker.role == "lead" else _("handläggare")
    click.echo(f"{caseworker.ext_id} {caseworker.name} ({role})")


@cli.group(
    invoke_without_command=True, help=_("Prioritetsvikter: teamstandard och dina egna justeringar.")
)
@as_option
@json_option
@click.pass_context
def weights(click_ctx: click.Context, as_: str | None, as_json: bool) -> None:
    click_ctx.meta["overblick.as"] = as_
    if click_ctx.invoked_subcommand is not None:
        return
    from app.chain.rules import standard_weights
    from app.priority.profile import own_weights, resolve_caseworker

    ctx: Context = click_ctx.obj
    conn = ctx.conn()
    caseworker = resolve_caseworker(conn, as_)
    own = own_weights(conn, caseworker)
    standard = standard_weights()
    if as_json:
        emit_json({"caseworker": caseworker.ext_id, "standard": standard, "own": own})
        return
    for key in sorted(standard):
        mark = _("  (egen: {value:g})").format(value=own[key]) if key in own else ""
        click.echo(f"{key:40} {standard[key]:>8g}{mark}")


# A negative value ("-5") is a value, not an option: the engine then says why it is refused.
@weights.command(
    "set", context_settings={"ignore_unknown_options": True}, help=_("Ändra en vikt för dig själv.")
)
@click.argument("key", metavar=_("NYCKEL"))
@click.argument("value", type=float, metavar=_("VÄRDE"))
@click.pass_context
def weights_set(click_ctx: click.Context, key: str, value: float) -> None:
    from app.priority.profile import resolve_caseworker, set_weight

    ctx: Context = click_ctx.obj
    conn = ctx.conn()
    caseworker = resolve_caseworker(conn, click_ctx.meta.get("overblick.as"))
    set_weight(conn, caseworker, key, value)
    click.echo(
        _("{key} = {value:g} för {ext_id}.").format(key=key, value=value, ext_id=caseworker.ext_id)
    )


@weights.command("reset", help=_("Återgå till teamstandarden."))
@click.pass_context
def weights_reset(click_ctx: click.Context) -> None:
    from app.priority.profile import reset_weights, resolve_caseworker

    ctx: Context = click_ctx.obj
    conn = ctx.conn()
    caseworker = resolve_caseworker(conn, click_ctx.meta.get("overblick.as"))
    reset_weights(conn, caseworker)
    click.echo(
        _("Vikterna för {ext_id} följer teamstandarden igen.").format(ext_id=caseworker.ext_id)
    )


cli.add_command(follow_up)
cli.add_command(reminders)
cli.add_command(impulse)
cli.add_command(import_cmd)
cli.add_command(export)
cli.add_command(team)
cli.add_command(reassign)
cli.add_command(cover)
cli.add_command(absences)
cli.add_command(balance)
cli.add_command(employer)
cli.add_command(report)
cli.add_command(backup)
cli.add_command(retention)
for _command in (handover, intake, caseworker_cmd, units_cmd, benefits, case, referral, method,
                 assessment, on_time):  # fmt: skip
    cli.add_command(_command)
for _command in SERVER_COMMANDS:  # server init/upgrade/add-user, join, sync [status]
    cli.add_command(_command)


def _fail(message: str, code: int = 2) -> NoReturn:
    click.echo(_("overblick: {message}").format(message=message), err=True)
    sys.exit(code)


def main(argv: list[str] | None = None, window: WindowOpener | None = None) -> None:
    """Entry point: run the command and turn expected errors into one line and an exit code.

    ``window`` opens the Qt window when no command is given (passed in by ui.launcher).
    """
    from db.errors import StorageError

    try:
        with cli.make_context("overblick", list(sys.argv[1:] if argv is None else argv)) as ctx:
            ctx.meta["overblick.window"] = window
            result = cli.invoke(ctx)
        if isinstance(result, int) and result:
            sys.exit(result)
    except click.exceptions.Exit as exc:
        if exc.exit_code:
            sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        _fail(_("avbrutet."), 130)
    except click.ClickException as exc:
        _fail(exc.format_message().replace("\n", " "), exc.exit_code)
    except OverblickError as exc:
        _fail(str(exc), exc.exit_code)
    except StorageError as exc:
        _fail(str(exc), 2)
    except sqlite3.DatabaseError as exc:
        _fail(
            _(
                "Databasen kunde inte läsas ({exc}). Kontrollera den med 'overblick "
                "backup check'; inget har ändrats."
            ).format(exc=exc),
            2,
        )
    except BrokenPipeError:
        sys.exit(0)
