"""``overblick follow-up``: personal and standard follow-ups from the command line."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from app.base.i18n import _, label
from app.cli.common import ID, as_option, emit_json, group, json_option, on_option, pass_ctx

WAKE_CHOICES = {"any-impulse": "any_impulse", "certificate": "certificate", "none": "none"}
KINDS = ("insured", "employer", "healthcare", "af", "other")


def when_sv(moment: datetime) -> str:
    from app.base.clock import STOCKHOLM
    from app.priority.score import short_date_sv

    local = moment.astimezone(STOCKHOLM)
    return f"{short_date_sv(local.date())} {local:%H:%M}"


def _line(fu: Any, now: datetime) -> str:
    from app.followups.store import WAKE_ON_SV

    tag = _("[standard] ") if fu.origin == "standard" else ""
    text = (
        f"#{fu.id:<5} {fu.case_ref:<12} {when_sv(fu.due_at):<16} {fu.kind_sv:<19} "
        f"{tag}{fu.note or ''}"
    ).rstrip()
    extra = []
    if fu.is_snoozed(now):
        wake = label(WAKE_ON_SV, fu.wake_on or "none")
        extra.append(
            _("uppskjuten till {until}, väcks av: {wake}").format(
                until=when_sv(fu.snoozed_until), wake=wake
            )
        )
    if fu.recurrence:
        extra.append(_("återkommer {how}").format(how=fu.recurrence.label_sv()))
    if extra:
        text += "\n" + " " * 7 + "; ".join(extra)
    return text


def now_of(ctx: Any, on: date | None) -> datetime:
    return ctx.clock_on(on).now()


def actor(ctx: Any, as_: str | None) -> Any:
    from app.priority.profile import resolve_caseworker

    return resolve_caseworker(ctx.conn(), as_)


@group("follow-up", help=_("Bevakningar: egna och standard från rehabiliteringskedjan."))
def follow_up() -> None:
    pass


@follow_up.command("add", help=_("Skapa en egen bevakning på ett ärende."))
@click.argument("case_id", metavar=_("ÄRENDE"))
@click.option(
    "--at",
    "at",
    required=True,
    metavar=_("NÄR"),
    help=_("När: i morgon, nästa arbetsdag, fre 10:00, +3d, 2026-12-01 10:30 …"),
)
@click.option(
    "--kind",
    type=click.Choice(KINDS, case_sensitive=False),
    default="other",
    show_default=True,
    help=_("Vem bevakningen gäller."),
)
@click.option("--note", default=None, help=_("Anteckning."))
@click.option("--every", default=None, metavar="N", help=_("Upprepa: 3d, 2w (veckor), 1m (månad)."))
@click.option(
    "--until",
    "until",
    default=None,
    metavar=_("DATUM"),
    help=_("Upprepa till och med detta datum."),
)
@click.option(
    "--count",
    type=click.IntRange(1, 1000),
    default=None,
    help=_("Upprepa så här många gånger totalt."),
)
@as_option
@on_option
@json_option
@pass_ctx
def add(
    ctx: Any, case_id: str, at: str, kind: str, note: str | None, every: str | None,
    until: str | None, count: int | None, as_: str | None, on: date | None, as_json: bool,
) -> None:  # fmt: skip
    from app.followups.recurrence import Recurrence
    from app.followups.store import create_follow_up
    from app.followups.when import parse_day, parse_every, parse_when

    if (until or count) and not every:
        raise click.UsageError(_("--until och --count kräver --every."))
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
    message = _("Bevakning #{id} skapad: {case}, {when} ({kind})").format(
        id=fu.id, case=fu.case_ref, when=when_sv(fu.due_at), kind=fu.kind_sv
    )
    if fu.recurrence:
        message += ", " + _("återkommer {how}").format(how=fu.recurrence.label_sv())
    click.echo(message + ".")
    if fu.fire_at <= now:
        click.echo(_("Obs: tidpunkten har redan passerat; bevakningen är förfallen direkt."))


@follow_up.command(
    "list", help=_("Dina öppna bevakningar, med uppskjutningar och vad som väcker dem.")
)
@click.option("--due", "due_only", is_flag=True, help=_("Bara förfallna (i dag eller tidigare)."))
@click.option("--case", "case_ref", default=None, metavar=_("ÄRENDE"), help=_("Bara ett ärende."))
@as_option
@on_option
@json_option
@pass_ctx
def list_(
    ctx: Any, due_only: bool, case_ref: str | None, as_: str | None, on: date | None,
    as_json: bool,
) -> None:  # fmt: skip
    from app.base.clock import utc_iso
    from app.followups.floor import legal_floor
    from app.followups.store import list_follow_ups

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
    head = _("Förfallna bevakningar") if due_only else _("Bevakningar")
    click.echo(
        _("{head} för {ext_id}: {n}").format(head=head, ext_id=caseworker.ext_id, n=len(items))
    )
    for fu in items:
        click.echo(_line(fu, now))
    if hidden.count and hidden.until is not None:
        from app.cli.output import counted

        click.echo(
            _("{count} av uppskjutning eller planering, som längst till {until}.").format(
                count=counted(hidden.count, "{n} ärende dolt", "{n} ärenden dolda"),
                until=when_sv(hidden.until),
            )
        )


@follow_up.command("done", help=_("Klarmarkera (en återkommande går vidare till nästa tillfälle)."))
@click.argument("follow_up_id", metavar=_("ID"), type=ID)
@click.option("--note", default=None, help=_("Anteckning, skrivs i händelseloggen."))
@as_option
@json_option
@pass_ctx
def done(ctx: Any, follow_up_id: int, note: str | None, as_: str | None, as_json: bool) -> None:
    from app.followups.store import done_follow_up

    fu = done_follow_up(ctx.conn(), follow_up_id, actor(ctx, as_), ctx.clock, note)
    advanced = fu.state == "open"
    if as_json:
        emit_json({"follow_up": fu.as_json(ctx.clock.now()), "advanced": advanced})
    elif advanced:
        click.echo(
            _("Bevakning #{id} klar; nästa tillfälle {due_at}.").format(
                id=fu.id, due_at=when_sv(fu.due_at)
            )
        )
    else:
        click.echo(_("Bevakning #{id} klarmarkerad.").format(id=fu.id))


@follow_up.command(
    "snooze", help=_("Skjut upp en bevakning (aldrig förbi ärendets nästa kontrollpunkt i kedjan).")
)
@click.argument("follow_up_id", metavar=_("ID"), type=ID)
@click.option(
    "--until",
    "until",
    required=True,
    metavar=_("NÄR"),
    help=_("Till när: +1h, i morgon, nästa arbetsdag, 2026-12-01 10:00 …"),
)
@click.option(
    "--wake",
    type=click.Choice(list(WAKE_CHOICES)),
    default="any-impulse",
    show_default=True,
    help=_("Vad som väcker bevakningen i förtid."),
)
@as_option
@on_option
@json_option
@pass_ctx
def snooze(
    ctx: Any, follow_up_id: int, until: str, wake: str, as_: str | None, on: date | None,
    as_json: bool,
) -> None:  # fmt: skip
    from app.followups.store import WAKE_ON_SV, snooze_follow_up
    from app.followups.when import parse_when

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
        _("Bevakning #{id} uppskjuten till {snoozed_until}; väcks av: {wake}.").format(
            id=fu.id,
            snoozed_until=when_sv(fu.snoozed_until),
            wake=label(WAKE_ON_SV, WAKE_CHOICES[wake]),
        )
    )
    if result.capped and result.floor is not None:
        click.echo(
            _("Obs: begränsad till {at} ({label_sv}, {date}).").format(
                at=when_sv(result.floor.at),
                label_sv=result.floor.label_sv,
                date=result.floor.milestone_date.isoformat(),
            )
        )


@follow_up.command("reschedule", help=_("Flytta en egen bevakning till en ny tidpunkt."))
@click.argument("follow_up_id", metavar=_("ID"), type=ID)
@click.option("--at", "at", required=True, metavar=_("NÄR"), help=_("Ny tidpunkt."))
@as_option
@on_option
@json_option
@pass_ctx
def reschedule(
    ctx: Any, follow_up_id: int, at: str, as_: str | None, on: date | None, as_json: bool
) -> None:
    from app.followups.store import reschedule_follow_up
    from app.followups.when import parse_when

    now = now_of(ctx, on)
    fu = reschedule_follow_up(
        ctx.conn(), follow_up_id, actor(ctx, as_), parse_when(at, now), ctx.clock_on(on)
    )
    if as_json:
        emit_json({"follow_up": fu.as_json(now)})
        return
    click.echo(
        _("Bevakning #{id} flyttad till {due_at}.").format(id=fu.id, due_at=when_sv(fu.due_at))
    )


@follow_up.command("delete", help=_("Ta bort en egen bevakning (kan ångras med undo)."))
@click.argument("follow_up_id", metavar=_("ID"), type=ID)
@as_option
@json_option
@pass_ctx
def delete(ctx: Any, follow_up_id: int, as_: str | None, as_json: bool) -> None:
    from app.followups.store import delete_follow_up

    fu = delete_follow_up(ctx.conn(), follow_up_id, actor(ctx, as_), ctx.clock)
    if as_json:
        emit_json({"follow_up": fu.as_json(ctx.clock.now())})
        return
    click.echo(
        _("Bevakning #{id} borttagen. Ångra med: overblick follow-up undo {id}").format(id=fu.id)
    )


@follow_up.command("undo", help=_("Ångra borttagningen av en bevakning."))
@click.argument("follow_up_id", metavar=_("ID"), type=ID)
@as_option
@json_option
@pass_ctx
def undo(ctx: Any, follow_up_id: int, as_: str | None, as_json: bool) -> None:
    from app.followups.store import undo_delete

    fu = undo_delete(ctx.conn(), follow_up_id, actor(ctx, as_), ctx.clock)
    if as_json:
        emit_json({"follow_up": fu.as_json(ctx.clock.now())})
        return
    click.echo(
        _("Bevakning #{id} är tillbaka ({due_at}).").format(id=fu.id, due_at=when_sv(fu.due_at))
    )


@follow_up.command("dismiss", help=_("Avfärda en standardbevakning med ett skäl."))
@click.argument("follow_up_id", metavar=_("ID"), type=ID)
@click.option("--reason", required=True, help=_("Varför standardbevakningen inte behövs."))
@as_option
@json_option
@pass_ctx
def dismiss(ctx: Any, follow_up_id: int, reason: str, as_: str | None, as_json: bool) -> None:
    from app.followups.store import dismiss_follow_up

    fu = dismiss_follow_up(ctx.conn(), follow_up_id, actor(ctx, as_), reason, ctx.clock)
    if as_json:
        emit_json({"follow_up": fu.as_json(ctx.clock.now())})
        return
    click.echo(_("Standardbevakning #{id} avfärdad.").format(id=fu.id))


@follow_up.command(
    "standard",
    help=_("Skapa de standardbevakningar kedjan kräver (alla öppna ärenden, eller --as)."),
)
@as_option
@on_option
@json_option
@pass_ctx
def standard(ctx: Any, as_: str | None, on: date | None, as_json: bool) -> None:
    from app.followups.standard import ensure_standard_follow_ups

    conn = ctx.conn()
    caseworker_id = actor(ctx, as_).id if as_ else None
    result = ensure_standard_follow_ups(conn, ctx.on(on), ctx.clock_on(on), caseworker_id)
    if as_json:
        emit_json(result.as_json())
        return
    from app.cli.output import counted

    cases = counted(
        result.cases, "{n} öppet ärende", "{n} öppna ärenden", none=_("inget öppet ärende")
    )
    click.echo(
        _("Standardbevakningar {date}: {created}, {moved} ({cases}).").format(
            date=result.on.isoformat(),
            created=counted(result.created, "{n} ny", "{n} nya"),
            moved=counted(result.moved, "{n} flyttad", "{n} flyttade"),
            cases=cases,
        )
    )


@follow_up.command(
    "export", help=_("Exportera öppna bevakningar som en iCalendar-fil (Outlook m.fl.).")
)
@click.option(
    "--ics",
    "ics_path",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    metavar=_("FIL"),
    help=_("iCalendar-fil att skriva (ersätts)."),
)
@as_option
@on_option
@json_option
@pass_ctx
def export(ctx: Any, ics_path: Path, as_: str | None, on: date | None, as_json: bool) -> None:
    from app.followups.ics import export_ics

    conn = ctx.conn()
    caseworker = actor(ctx, as_)
    count = export_ics(conn, ics_path, caseworker, now_of(ctx, on))
    if as_json:
        emit_json({"file": str(ics_path), "events": count})
        return
    from app.cli.output import counted

    exported = counted(count, "{n} bevakning exporterad", "{n} bevakningar exporterade")
    click.echo(_("{exported} till {ics_path}.").format(exported=exported, ics_path=ics_path))
