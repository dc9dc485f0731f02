"""``overblick follow-up``: personal and standard follow-ups from the command line."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from app.cli_common import ID, as_option, emit_json, json_option, on_option, pass_ctx

WAKE_CHOICES = {"any-impulse": "any_impulse", "certificate": "certificate", "none": "none"}
KINDS = ("insured", "employer", "healthcare", "af", "other")


def when_sv(moment: datetime) -> str:
    from app.clock import STOCKHOLM
    from app.priority import short_date_sv

    local = moment.astimezone(STOCKHOLM)
    return f"{short_date_sv(local.date())} {local:%H:%M}"


def _line(fu: Any, now: datetime) -> str:
    from app.followups import WAKE_ON_SV

    tag = "[standard] " if fu.origin == "standard" else ""
    text = (
        f"#{fu.id:<5} {fu.case_ref:<12} {when_sv(fu.due_at):<16} {fu.kind_sv:<19} "
        f"{tag}{fu.note or ''}"
    ).rstrip()
    extra = []
    if fu.is_snoozed(now):
        wake = WAKE_ON_SV.get(fu.wake_on or "none", fu.wake_on)
        extra.append(f"uppskjuten till {when_sv(fu.snoozed_until)}, väcks av: {wake}")
    if fu.recurrence:
        extra.append(f"återkommer {fu.recurrence.label_sv()}")
    if extra:
        text += "\n" + " " * 7 + "; ".join(extra)
    return text


def now_of(ctx: Any, on: date | None) -> datetime:
    return ctx.clock_on(on).now()


def actor(ctx: Any, as_: str | None) -> Any:
    from app.profile import resolve_caseworker

    return resolve_caseworker(ctx.conn(), as_)


@click.group("follow-up")
def follow_up() -> None:
    """Bevakningar: egna och standard från rehabiliteringskedjan."""


@follow_up.command("add")
@click.argument("case_id")
@click.option(
    "--at",
    "at",
    required=True,
    metavar="NÄR",
    help="När: i morgon, nästa arbetsdag, fre 10:00, +3d, 2026-12-01 10:30 …",
)
@click.option(
    "--kind",
    type=click.Choice(KINDS, case_sensitive=False),
    default="other",
    show_default=True,
    help="Vem bevakningen gäller.",
)
@click.option("--note", default=None, help="Anteckning.")
@click.option("--every", default=None, metavar="N", help="Upprepa: 3d, 2w (veckor), 1m (månad).")
@click.option(
    "--until", "until", default=None, metavar="DATUM", help="Upprepa till och med detta datum."
)
@click.option(
    "--count",
    type=click.IntRange(1, 1000),
    default=None,
    help="Upprepa så här många gånger totalt.",
)
@as_option
@on_option
@json_option
@pass_ctx
def add(
    ctx: Any, case_id: str, at: str, kind: str, note: str | None, every: str | None,
    until: str | None, count: int | None, as_: str | None, on: date | None, as_json: bool,
) -> None:  # fmt: skip
    """Skapa en egen bevakning på ett ärende."""
    from app.followups import Recurrence, create_follow_up
    from app.when import parse_day, parse_every, parse_when

    if (until or count) and not every:
        raise click.UsageError("--until och --count kräver --every.")
    now = now_of(ctx, on)
    due = parse_when(at, now)
    recurrence = None
    if every:
        n, unit = parse_every(every)
        recurrence = Recurrence(n, unit, parse_day(until, now) if until else None, count)
    caseworker = actor(ctx, as_)
    fu = create_follow_up(
        ctx.conn(), case_id, caseworker, due, ctx.clock_on(on),
        kind=kind.lower(), note=note, recurrence=recurrence,
    )  # fmt: skip
    if as_json:
        emit_json({"follow_up": fu.as_json(now)})
        return
    message = f"Bevakning #{fu.id} skapad: {fu.case_ref}, {when_sv(fu.due_at)} ({fu.kind_sv})"
    if fu.recurrence:
        message += f", återkommer {fu.recurrence.label_sv()}"
    click.echo(message + ".")
    if fu.fire_at <= now:
        click.echo("Obs: tidpunkten har redan passerat; bevakningen är förfallen direkt.")


@follow_up.command("list")
@click.option("--due", "due_only", is_flag=True, help="Bara förfallna (i dag eller tidigare).")
@click.option("--case", "case_ref", default=None, metavar="ÄRENDE", help="Bara ett ärende.")
@as_option
@on_option
@json_option
@pass_ctx
def list_(
    ctx: Any, due_only: bool, case_ref: str | None, as_: str | None, on: date | None,
    as_json: bool,
) -> None:  # fmt: skip
    """Dina öppna bevakningar, med uppskjutningar och vad som väcker dem."""
    from app.clock import utc_iso
    from app.followups import legal_floor, list_follow_ups

    conn = ctx.conn()
    caseworker = actor(ctx, as_)
    now = now_of(ctx, on)
    items = list_follow_ups(conn, caseworker, now, due_only=due_only, case=case_ref)
    hidden = legal_floor(conn, caseworker, now)
    if as_json:
        emit_json(
            {
                "now": utc_iso(now),
                "caseworker": caseworker.ext_id,
                "due_only": due_only,
                "follow_ups": [f.as_json(now) for f in items],
                "hidden": hidden.as_json(),
            }
        )
        return
    head = "Förfallna bevakningar" if due_only else "Bevakningar"
    click.echo(f"{head} för {caseworker.ext_id}: {len(items)}")
    for fu in items:
        click.echo(_line(fu, now))
    if hidden.count and hidden.until is not None:
        from app.output import count_sv

        click.echo(
            f"{count_sv(hidden.count, 'ärende dolt', 'ärenden dolda')} av uppskjutning eller "
            f"planering, som längst till {when_sv(hidden.until)}."
        )


@follow_up.command("done")
@click.argument("follow_up_id", metavar="ID", type=ID)
@click.option("--note", default=None, help="Anteckning, skrivs i händelseloggen.")
@as_option
@json_option
@pass_ctx
def done(ctx: Any, follow_up_id: int, note: str | None, as_: str | None, as_json: bool) -> None:
    """Klarmarkera (en återkommande går vidare till nästa tillfälle)."""
    from app.followups import done_follow_up

    fu = done_follow_up(ctx.conn(), follow_up_id, actor(ctx, as_), ctx.clock, note)
    advanced = fu.state == "open"
    if as_json:
        emit_json({"follow_up": fu.as_json(ctx.clock.now()), "advanced": advanced})
    elif advanced:
        click.echo(f"Bevakning #{fu.id} klar; nästa tillfälle {when_sv(fu.due_at)}.")
    else:
        click.echo(f"Bevakning #{fu.id} klarmarkerad.")


@follow_up.command("snooze")
@click.argument("follow_up_id", metavar="ID", type=ID)
@click.option(
    "--until",
    "until",
    required=True,
    metavar="NÄR",
    help="Till när: +1h, i morgon, nästa arbetsdag, 2026-12-01 10:00 …",
)
@click.option(
    "--wake",
    type=click.Choice(list(WAKE_CHOICES)),
    default="any-impulse",
    show_default=True,
    help="Vad som väcker bevakningen i förtid.",
)
@as_option
@on_option
@json_option
@pass_ctx
def snooze(
    ctx: Any, follow_up_id: int, until: str, wake: str, as_: str | None, on: date | None,
    as_json: bool,
) -> None:  # fmt: skip
    """Skjut upp en bevakning (aldrig förbi ärendets nästa kontrollpunkt i kedjan)."""
    from app.followups import WAKE_ON_SV, snooze_follow_up
    from app.when import parse_when

    now = now_of(ctx, on)
    moment = parse_when(until, now)
    result = snooze_follow_up(
        ctx.conn(), follow_up_id, actor(ctx, as_), moment, ctx.clock_on(on),
        wake_on=WAKE_CHOICES[wake],
    )  # fmt: skip
    if as_json:
        emit_json(result.as_json(now))
        return
    fu = result.follow_up
    assert fu.snoozed_until is not None
    click.echo(
        f"Bevakning #{fu.id} uppskjuten till {when_sv(fu.snoozed_until)}; "
        f"väcks av: {WAKE_ON_SV[WAKE_CHOICES[wake]]}."
    )
    if result.capped and result.floor is not None:
        click.echo(
            f"Obs: begränsad till {when_sv(result.floor.at)} "
            f"({result.floor.label_sv}, {result.floor.milestone_date.isoformat()})."
        )


@follow_up.command("reschedule")
@click.argument("follow_up_id", metavar="ID", type=ID)
@click.option("--at", "at", required=True, metavar="NÄR", help="Ny tidpunkt.")
@as_option
@on_option
@json_option
@pass_ctx
def reschedule(
    ctx: Any, follow_up_id: int, at: str, as_: str | None, on: date | None, as_json: bool
) -> None:
    """Flytta en egen bevakning till en ny tidpunkt."""
    from app.followups import reschedule_follow_up
    from app.when import parse_when

    now = now_of(ctx, on)
    fu = reschedule_follow_up(
        ctx.conn(), follow_up_id, actor(ctx, as_), parse_when(at, now), ctx.clock_on(on)
    )
    if as_json:
        emit_json({"follow_up": fu.as_json(now)})
        return
    click.echo(f"Bevakning #{fu.id} flyttad till {when_sv(fu.due_at)}.")


@follow_up.command("delete")
@click.argument("follow_up_id", metavar="ID", type=ID)
@as_option
@json_option
@pass_ctx
def delete(ctx: Any, follow_up_id: int, as_: str | None, as_json: bool) -> None:
    """Ta bort en egen bevakning (kan ångras med undo)."""
    from app.followups import delete_follow_up

    fu = delete_follow_up(ctx.conn(), follow_up_id, actor(ctx, as_), ctx.clock)
    if as_json:
        emit_json({"follow_up": fu.as_json(ctx.clock.now())})
        return
    click.echo(f"Bevakning #{fu.id} borttagen. Ångra med: overblick follow-up undo {fu.id}")


@follow_up.command("undo")
@click.argument("follow_up_id", metavar="ID", type=ID)
@as_option
@json_option
@pass_ctx
def undo(ctx: Any, follow_up_id: int, as_: str | None, as_json: bool) -> None:
    """Ångra borttagningen av en bevakning."""
    from app.followups import undo_delete

    fu = undo_delete(ctx.conn(), follow_up_id, actor(ctx, as_), ctx.clock)
    if as_json:
        emit_json({"follow_up": fu.as_json(ctx.clock.now())})
        return
    click.echo(f"Bevakning #{fu.id} är tillbaka ({when_sv(fu.due_at)}).")


@follow_up.command("dismiss")
@click.argument("follow_up_id", metavar="ID", type=ID)
@click.option("--reason", required=True, help="Varför standardbevakningen inte behövs.")
@as_option
@json_option
@pass_ctx
def dismiss(ctx: Any, follow_up_id: int, reason: str, as_: str | None, as_json: bool) -> None:
    """Avfärda en standardbevakning med ett skäl."""
    from app.followups import dismiss_follow_up

    fu = dismiss_follow_up(ctx.conn(), follow_up_id, actor(ctx, as_), reason, ctx.clock)
    if as_json:
        emit_json({"follow_up": fu.as_json(ctx.clock.now())})
        return
    click.echo(f"Standardbevakning #{fu.id} avfärdad.")


@follow_up.command("standard")
@as_option
@on_option
@json_option
@pass_ctx
def standard(ctx: Any, as_: str | None, on: date | None, as_json: bool) -> None:
    """Skapa de standardbevakningar kedjan kräver (alla öppna ärenden, eller --as)."""
    from app.standard_follow_ups import ensure_standard_follow_ups

    conn = ctx.conn()
    caseworker_id = actor(ctx, as_).id if as_ else None
    result = ensure_standard_follow_ups(conn, ctx.on(on), ctx.clock_on(on), caseworker_id)
    if as_json:
        emit_json(result.as_json())
        return
    from app.output import count_sv

    cases = count_sv(result.cases, "öppet ärende", "öppna ärenden", none="inget öppet ärende")
    click.echo(
        f"Standardbevakningar {result.on.isoformat()}: {count_sv(result.created, 'ny', 'nya')}, "
        f"{count_sv(result.moved, 'flyttad', 'flyttade')} ({cases})."
    )


@follow_up.command("export")
@click.option(
    "--ics",
    "ics_path",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FIL",
    help="iCalendar-fil att skriva (ersätts).",
)
@as_option
@on_option
@json_option
@pass_ctx
def export(ctx: Any, ics_path: Path, as_: str | None, on: date | None, as_json: bool) -> None:
    """Exportera öppna bevakningar som en iCalendar-fil (Outlook m.fl.)."""
    from app.ics import export_ics

    conn = ctx.conn()
    caseworker = actor(ctx, as_)
    count = export_ics(conn, ics_path, caseworker, now_of(ctx, on))
    if as_json:
        emit_json({"file": str(ics_path), "events": count})
        return
    from app.output import count_sv

    exported = count_sv(count, "bevakning exporterad", "bevakningar exporterade")
    click.echo(f"{exported} till {ics_path}.")
