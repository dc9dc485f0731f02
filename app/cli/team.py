"""The team lead's commands: ``team``, ``reassign``, ``cover``, ``absences``, ``balance``,
``employer`` and ``report team``.

Moving cases and recording someone else's absence are a team lead's acts: ``--as`` (or the
stored profile) must name a lead. ``team`` shows a lead the whole team and a caseworker
their own row and those of the colleagues they cover.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import click

from app.base.i18n import N_, _, decimal, label
from app.cli.common import (
    DATE,
    as_option,
    caseworker_of,
    command,
    emit_json,
    group,
    json_option,
    on_option,
    pass_ctx,
)


def _actor(ctx: Any, as_: str | None) -> Any:
    return caseworker_of(ctx, as_)


def _viewer(ctx: Any, as_: str | None) -> Any:
    """The profile whose view applies; None (the whole team) when none can be told."""
    from app.base.errors import OverblickError

    if as_:
        return _actor(ctx, as_)
    try:
        return _actor(ctx, None)
    except OverblickError:
        return None


def _num(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return decimal(value)
    return str(value)


TABLE_HEAD = (
    ("active_cases", N_("Ärenden")),
    ("weighted_load", N_("Belastn.")),
    ("unhandled_impulses", N_("Impulser")),
    ("oldest_impulse_days", N_("Äldsta")),
    ("overdue_follow_ups", N_("Förs.bev")),
    ("milestones_14", N_("Milst14")),
    ("milestones_28", N_("Milst28")),
    ("waiting_for_coordination", N_("Samordn.")),
    ("no_contact_60", N_("Ingen60")),
    ("past_181_without_os", N_("181utanÖS")),
)


# What each figure's case list is called (the window's tooltips on the team table).
FIGURE_SV = {
    "active_cases": N_("Aktiva ärenden"),
    "unhandled_impulses": N_("Obehandlade impulser"),
    "overdue_follow_ups": N_("Försenade bevakningar"),
    "milestones_14": N_("Milstolpar inom 14 dagar"),
    "milestones_28": N_("Milstolpar inom 28 dagar"),
    "waiting_for_coordination": N_("Väntar på samordning"),
    "no_contact_60": N_("Ingen kontakt på 60 dagar eller mer"),
    "past_181_without_os": N_("Efter dag 181 utan ÖS-ställningstagande"),
}


def _is_today(ctx: Any, on: date | None) -> bool:
    """Whether the day asked (``--on``, or the global ``--now``) is really today: another
    day's figures are worked out but not kept, so the case digests stored for today (and
    the window) stay."""
    from app.base.clock import SystemClock, local_today

    return ctx.on(on) == local_today(SystemClock())


@command("team", help=_("Teamets arbetsbelastning: en rad per handläggare och totalt."))
@as_option
@click.option("--cases", "with_cases", is_flag=True, help=_("Ta med ärendena bakom varje tal."))
@on_option
@json_option
@pass_ctx
def team(ctx: Any, as_: str | None, with_cases: bool, on: date | None, as_json: bool) -> None:
    from app.team.table import team_table, visible_caseworker_ids

    conn = ctx.conn(check=False)
    day = ctx.on(on)
    viewer = _viewer(ctx, as_)
    ids = visible_caseworker_ids(conn, viewer, day)
    table = team_table(conn, day, caseworker_ids=ids, store=_is_today(ctx, on))
    if as_json:
        emit_json(table.as_json(with_cases=with_cases))
        return
    click.echo(_("Teamet {date}").format(date=day.isoformat()))
    sign = _("Sign.")
    click.echo(f"{sign:<10}" + "".join(f"{_(h):>10}" for _k, h in TABLE_HEAD))
    for row in [*table.rows, table.totals]:
        figures = row.figures()
        who = row.ext_id or row.name
        if row.absent:
            who += "*"
        click.echo(f"{who:<10}" + "".join(f"{_num(figures[k]):>10}" for k, _h in TABLE_HEAD))
        if with_cases:
            for key, ids_ in row.cases.items():
                if ids_ and key != "active_cases":
                    refs = ", ".join(table.case_refs[i] for i in ids_)
                    figure = label(FIGURE_SV, key)
                    click.echo(f"  {figure}: {refs}")
    absent = [r for r in table.rows if r.absent]
    for row in absent:
        assert row.absent is not None
        click.echo(
            _("* {ext_id} är frånvarande till {until}, täcks av {covered_by}.").format(
                ext_id=row.ext_id,
                until=row.absent.until.isoformat(),
                covered_by=row.absent.covered_by,
            )
        )
    if ids is not None:
        click.echo(_lead_hint(conn, viewer))


def _lead_hint(conn: Any, viewer: Any) -> str:
    """What a caseworker reads under their own rows: a team lead sees the whole team."""
    lead = conn.execute(
        "SELECT ext_id FROM caseworkers WHERE role = 'lead' ORDER BY ext_id LIMIT 1"
    ).fetchone()
    how = f"overblick team --as {lead[0]}" if lead else _("--as med en gruppchefs signatur")
    return _(
        "Du ser din egen rad ({signature}) och kollegor du täcker. "
        "En gruppchef ser hela teamet: {how}."
    ).format(signature=viewer.ext_id, how=how)


@command("reassign", help=_("Flytta ärenden till en annan handläggare, med skäl (gruppchef)."))
@click.argument("case_ids", nargs=-1, metavar=_("ÄRENDE..."))
@click.option(
    "--to", "to", required=True, metavar=_("SIGNATUR"), help=_("Handläggaren som tar över.")
)
@click.option("--reason", required=True, help=_("Skälet, skrivs i varje ärendes händelselogg."))
@click.option(
    "--all-from", "all_from", default=None, metavar=_("SIGNATUR"),
    help=_("Flytta hela stocken från den här handläggaren (i stället för ÄRENDE...)."),
)  # fmt: skip
@click.option(
    "--note", default=None,
    help=_("Överlämningsanteckning med egna ord (krävs när ärendet byter enhet); "
           "sammanfattningen av ärendet följer med ändå."),
)  # fmt: skip
@as_option
@on_option
@json_option
@pass_ctx
def reassign(
    ctx: Any, case_ids: tuple[str, ...], to: str, reason: str, all_from: str | None,
    note: str | None, as_: str | None, on: date | None, as_json: bool,
) -> None:  # fmt: skip
    from app.cli.output import counted
    from app.team.reassign import reassign as do_reassign
    from app.team.reassign import reassign_stock

    if bool(case_ids) == bool(all_from):
        raise click.UsageError(_("Ange antingen ärenden eller --all-from SIGNATUR."))
    conn = ctx.conn()
    actor = _actor(ctx, as_)
    clock = ctx.clock_on(on)
    if all_from:
        moved = reassign_stock(conn, all_from, to, reason, actor, clock, note=note)
        asked = None
    else:
        moved = do_reassign(conn, list(case_ids), to, reason, actor, clock, note=note)
        asked = len(set(case_ids))
    if as_json:
        emit_json({"to": to, "moved": moved, "requested": asked})
        return
    message = counted(
        moved, "{n} ärende flyttades till {to}.", "{n} ärenden flyttades till {to}.", to=to
    )
    if asked is not None and asked > moved:
        message += " " + _("{n} låg redan hos {to}.").format(n=asked - moved, to=to)
    click.echo(message)


@command(
    "cover", help=_("Registrera frånvaro och vem som täcker (gruppchef, eller handläggaren själv).")
)
@click.argument("caseworker", metavar=_("SIGNATUR"))
@click.option("--by", "by", required=True, metavar=_("SIGNATUR"), help=_("Kollegan som täcker."))
@click.option("--from", "from_date", type=DATE, required=True, help=_("Första frånvarodagen."))
@click.option("--to", "to_date", type=DATE, required=True, help=_("Sista frånvarodagen."))
@click.option(
    "--reason", default=None,
    help=_("Skälet när kollegan hör till en annan enhet (samma enhet i första hand)."),
)  # fmt: skip
@as_option
@json_option
@pass_ctx
def cover(
    ctx: Any, caseworker: str, by: str, from_date: date, to_date: date, reason: str | None,
    as_: str | None, as_json: bool,
) -> None:  # fmt: skip
    from app.team.cover import mark_absent

    conn = ctx.conn()
    absence = mark_absent(
        conn, caseworker, by, from_date, to_date, _actor(ctx, as_), ctx.clock, reason=reason
    )
    if as_json:
        emit_json({"absence": absence.as_json()})
        return
    click.echo(
        _(
            "{caseworker} är frånvarande {start}–{end}; {covered_by} "
            "täcker (nya impulser och förfallna bevakningar visas hos dem). "
            "Täckningen slutar av sig själv efter sista dagen."
        ).format(
            caseworker=absence.caseworker,
            start=absence.from_date.isoformat(),
            end=absence.to_date.isoformat(),
            covered_by=absence.covered_by,
        )
    )


@command(
    "absences", help=_("Frånvaro och täckning: pågående och kommande (--close: avsluta passerade).")
)
@click.option(
    "--close", is_flag=True,
    help=_("Avsluta frånvaron som passerat och lämna tillbaka en sammanfattning."),
)  # fmt: skip
@on_option
@json_option
@pass_ctx
def absences(ctx: Any, close: bool, on: date | None, as_json: bool) -> None:
    from app.team.cover import end_absences, list_absences

    conn = ctx.conn(check=close)
    day = ctx.on(on)
    summaries = end_absences(conn, day, ctx.clock_on(on)) if close else []
    items = list_absences(conn, day)
    if as_json:
        emit_json(
            {
                "on": day.isoformat(),
                "absences": [a.as_json() | {"active": a.is_active(day)} for a in items],
                "ended": [s.as_json() for s in summaries],
            }
        )
        return
    for summary in summaries:
        click.echo(summary.text_sv())
    if not items:
        click.echo(_("Ingen frånvaro registrerad framåt."))
    for a in items:
        if a.is_active(day):
            state = _("pågår")
        else:
            state = _("passerad") if a.to_date < day else _("kommande")
        click.echo(
            _("#{id:<4} {caseworker:<8} {start}–{end} täcks av {covered_by} ({state})").format(
                id=a.id,
                caseworker=a.caseworker,
                start=a.from_date.isoformat(),
                end=a.to_date.isoformat(),
                covered_by=a.covered_by,
                state=state,
            )
        )


@command(
    "balance",
    help=_("Förslag som jämnar ut de närmaste veckornas belastning; --apply genomför det."),
)
@click.option("--weeks", type=click.IntRange(1, 12), default=None, help=_("Horisont i veckor."))
@click.option("--max-moves", type=click.IntRange(0, 10_000), default=None)
@click.option("--apply", "apply_", is_flag=True, help=_("Genomför förslaget (kräver --reason)."))
@click.option("--reason", default=None, help=_("Skälet som skrivs i ärendena vid --apply."))
@as_option
@on_option
@json_option
@pass_ctx
def balance(
    ctx: Any, weeks: int | None, max_moves: int | None, apply_: bool, reason: str | None,
    as_: str | None, on: date | None, as_json: bool,
) -> None:  # fmt: skip
    from app.chain.state import milestone_day_text
    from app.cli.output import counted
    from app.team.reassign import apply_moves, propose_balance

    if apply_ and not reason:
        raise click.UsageError(_("--apply kräver --reason TEXT."))
    conn = ctx.conn(check=apply_)
    day = ctx.on(on)
    actor = _actor(ctx, as_) if apply_ else None
    proposal = propose_balance(
        conn, day, weeks=weeks, max_moves=max_moves, store=_is_today(ctx, on)
    )
    moved = None
    if apply_:
        assert reason is not None
        moved = apply_moves(conn, proposal.moves, reason, actor, ctx.clock_on(on))
    if as_json:
        emit_json(proposal.as_json() | {"applied": apply_, "moved": moved})
        return
    weeks_text = counted(proposal.weeks, "{n} vecka", "{n} veckor")
    click.echo(
        _("Förslag {date}, {weeks_text}: {n}; spridning {spread_before} → {spread_after}.").format(
            date=day.isoformat(),
            weeks_text=weeks_text,
            n=counted(len(proposal.moves), "{n} flytt", "{n} flyttar"),
            spread_before=_num(proposal.spread_before),
            spread_after=_num(proposal.spread_after),
        )
    )
    for m in proposal.moves:
        milestones = ", ".join(milestone_day_text(k) for k in m.milestones)
        click.echo(
            _("  {case_ref:<14} {source} → {target}  belastning {load}").format(
                case_ref=m.case_ref,
                source=m.from_caseworker,
                target=m.to_caseworker,
                load=_num(m.load),
            )
            + (f"  ({milestones})" if milestones else "")
        )
    if apply_:
        click.echo(counted(moved or 0, "{n} ärende flyttades.", "{n} ärenden flyttades."))
    elif proposal.moves:
        click.echo(_("Inget är flyttat. Genomför med --apply --reason TEXT."))


@command("employer", help=_("Alla öppna ärenden hos en arbetsgivare, över hela teamet."))
@click.argument("name", metavar=_("ARBETSGIVARE"))
@on_option
@json_option
@pass_ctx
def employer(ctx: Any, name: str, on: date | None, as_json: bool) -> None:
    from app.base.model import PLAN_STATUS_SV
    from app.chain.state import milestone_day_text
    from app.cli.output import counted, milestone_when
    from app.team.employer import employer_cases

    view = employer_cases(ctx.conn(check=False), name, ctx.on(on))
    if as_json:
        emit_json(view.as_json())
        return
    summary = view.summary()
    click.echo(
        _(
            "{employer}: {cases} hos {caseworkers} handläggare; {missing_plan} "
            "saknar plan efter dag 30, {waiting_for_coordination} väntar på "
            "samordning, {past_181_without_os} efter dag 181 utan ÖS."
        ).format(
            employer=view.employer,
            cases=counted(summary["cases"], "{n} öppet ärende", "{n} öppna ärenden"),
            caseworkers=summary["caseworkers"],
            missing_plan=summary["missing_plan"],
            waiting_for_coordination=summary["waiting_for_coordination"],
            past_181_without_os=summary["past_181_without_os"],
        )
    )
    for c in view.cases:
        nxt = (
            milestone_when(milestone_day_text(c.next_milestone_key), c.next_milestone_days_left)
            if c.next_milestone_key and c.next_milestone_days_left is not None
            else "–"
        )
        plan = label(PLAN_STATUS_SV, c.plan_status)
        impulses = counted(c.open_impulses, "{n} impuls", "{n} impulser", none=_("inga impulser"))
        click.echo(
            _(
                "  {case_ref:<14} {caseworker:<8} dag {day:>3} {phase:<8} {plan:<15} "
                "{impulses:<13} nästa: {nxt}"
            ).format(
                case_ref=c.case_ref,
                caseworker=c.caseworker or "–",
                day=c.day,
                phase=c.phase or "–",
                plan=plan,
                impulses=impulses,
                nxt=nxt,
            )
        )


@group("report", help=_("Rapporter att skriva ut eller dela."))
def report() -> None:
    pass


@report.command(
    "team",
    help=_("Teamets arbetsbelastning på en sida, för teammötet (--pdf FIL eller --xlsx FIL)."),
)
@click.option("--pdf", "pdf", type=click.Path(dir_okay=False, path_type=Path), default=None,
              metavar=_("FIL"), help=_("Skriv en PDF (en sida)."))  # fmt: skip
@click.option("--xlsx", "xlsx", type=click.Path(dir_okay=False, path_type=Path), default=None,
              metavar=_("FIL"), help=_("Skriv en Excel-fil."))  # fmt: skip
@as_option
@on_option
@json_option
@pass_ctx
def report_team(
    ctx: Any, pdf: Path | None, xlsx: Path | None, as_: str | None, on: date | None,
    as_json: bool,
) -> None:  # fmt: skip
    from app.team.report import write_team_report
    from app.team.table import visible_caseworker_ids

    if (pdf is None) == (xlsx is None):
        raise click.UsageError(_("Ange antingen --pdf FIL eller --xlsx FIL."))
    conn = ctx.conn(check=False)
    day = ctx.on(on)
    ids = visible_caseworker_ids(conn, _viewer(ctx, as_), day)
    target = pdf or xlsx
    assert target is not None
    path = write_team_report(
        conn, day, target, fmt="pdf" if pdf else "xlsx", caseworker_ids=ids,
        store=_is_today(ctx, on),
    )  # fmt: skip
    if as_json:
        emit_json({"file": str(path), "format": "pdf" if pdf else "xlsx", "on": day.isoformat()})
        return
    click.echo(
        _("Teamrapporten för {date} är skriven till {path}.").format(
            date=day.isoformat(), path=path
        )
    )
