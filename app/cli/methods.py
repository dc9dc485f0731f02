"""Method events and assessments, and the on-time measure: ``method`` (SASSAM,
avstämningsmöte, FMR, AFU, contact: with date and chain day), ``assessment`` (work capacity
assessed for day 90, 180 or 365) and ``on-time`` (the share assessed on time, per
caseworker and team, with the cases behind each figure)."""

from __future__ import annotations

from datetime import date
from typing import Any

import click

from app.base.i18n import _
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


@group(
    "method",
    help=_(
        "Metodhändelser (SASSAM, avstämningsmöte, FMR, AFU, kontakt) med datum och dag i "
        "kedjan. Ett möte är ett val i ärendet: inget bokas av sjukdagen."
    ),
)
def method() -> None:
    pass


@method.command(
    "add",
    help=_(
        "Registrera en metodhändelse som har ägt rum. Ett avstämningsmöte kräver minst en "
        "part utöver Försäkringskassan och den försäkrade, annars sparas det som en kontakt."
    ),
)
@click.argument("case_id", metavar=_("ÄRENDE"))
@click.argument("kind", metavar=_("METOD"))
@click.option("--on", "on", type=DATE, default=None, help=_("Dagen (standard: i dag)."))
@click.option("--party", "parties", multiple=True, metavar=_("PART"),
              help=_("En part utöver FK och den försäkrade (employer, doctor, healthcare, "
                     "occupational_health, rehab_coordinator, af, union, fmr, social_services, "
                     "other); kan upprepas."))  # fmt: skip
@click.option("--note", default=None, help=_("Anteckning."))
@as_option
@json_option
@pass_ctx
def method_add(
    ctx: Any, case_id: str, kind: str, on: date | None, parties: tuple[str, ...],
    note: str | None, as_: str | None, as_json: bool,
) -> None:  # fmt: skip
    from app.case.methods import record_method_event

    me = caseworker_of(ctx, as_)
    found = record_method_event(ctx.conn(), case_id, kind, on or ctx.on(None), me, ctx.clock,
                                parties=parties, note=note)  # fmt: skip
    if as_json:
        emit_json(found.as_json())
        return
    if found.demoted:
        click.echo(
            _(
                "{case_id}: sparat som kontakt {date} (dag {day}): ett avstämningsmöte har "
                "minst en part utöver Försäkringskassan och den försäkrade (ange --party)."
            ).format(case_id=case_id, date=found.held_on, day=found.chain_day)
        )
        return
    click.echo(
        _("{case_id}: {kind} {date} (dag {day}).").format(
            case_id=case_id, kind=found.kind_label, date=found.held_on, day=found.chain_day
        )
    )


@method.command("list", help=_("Metodhändelser: ett ärendes, eller dina ärendens."))
@click.argument("case_id", required=False, metavar=_("ÄRENDE"))
@as_option
@json_option
@pass_ctx
def method_list(ctx: Any, case_id: str | None, as_: str | None, as_json: bool) -> None:
    from app.case.methods import method_events
    from app.priority.profile import resolve_caseworker

    conn = ctx.conn(check=False)
    if case_id:
        found = method_events(conn, case_ref=case_id)
    else:
        found = method_events(conn, caseworker=resolve_caseworker(conn, as_))
    if as_json:
        emit_json({"method_events": [e.as_json() for e in found]})
        return
    if not found:
        click.echo(_("Inga metodhändelser."))
    for e in found:
        parties = ", ".join(e.as_json()["party_labels"]) or "–"
        click.echo(
            _("  {case_ref:<16} {date} dag {day:>4}  {kind}  ({parties})").format(
                case_ref=e.case_ref, date=e.held_on, day=e.chain_day, kind=e.kind_label,
                parties=parties,
            )
        )  # fmt: skip


@group(
    "assessment", help=_("Bedömningar av arbetsförmågan vid kedjans tidpunkter (dag 90, 180, 365).")
)
def assessment() -> None:
    pass


@assessment.command("add", help=_("Registrera att arbetsförmågan bedömdes för en tidpunkt."))
@click.argument("case_id", metavar=_("ÄRENDE"))
@click.argument("checkpoint", type=click.Choice(["day_90", "day_180", "day_365"]),
                metavar=_("TIDPUNKT"))  # fmt: skip
@click.option("--on", "on", type=DATE, default=None, help=_("Dagen (standard: i dag)."))
@click.option("--note", default=None, help=_("Anteckning."))
@as_option
@json_option
@pass_ctx
def assessment_add(
    ctx: Any, case_id: str, checkpoint: str, on: date | None, note: str | None,
    as_: str | None, as_json: bool,
) -> None:  # fmt: skip
    from app.case.methods import record_assessment

    found = record_assessment(ctx.conn(), case_id, checkpoint, on or ctx.on(None),
                              caseworker_of(ctx, as_), ctx.clock, note=note)  # fmt: skip
    if as_json:
        emit_json(found.as_json())
        return
    click.echo(
        _("{case_id}: bedömning för {checkpoint} {date} (dag {day}).").format(
            case_id=case_id, checkpoint=checkpoint, date=found.assessed_on, day=found.chain_day
        )
    )


@assessment.command("list", help=_("Ett ärendes registrerade bedömningar."))
@click.argument("case_id", metavar=_("ÄRENDE"))
@json_option
@pass_ctx
def assessment_list(ctx: Any, case_id: str, as_json: bool) -> None:
    from app.case.methods import assessments_for

    found = assessments_for(ctx.conn(check=False), case_id)
    if as_json:
        emit_json({"assessments": [a.as_json() for a in found]})
        return
    if not found:
        click.echo(_("Inga bedömningar."))
    for a in found:
        click.echo(f"  {a.assessed_on}  {a.checkpoint:<8} dag {a.chain_day}")


def _day(checkpoint: dict[str, Any]) -> str:
    return _("dag {day}").format(day=checkpoint["day"])


def _share(figure: dict[str, Any]) -> str:
    if figure["share_percent"] is None:
        return "–"
    return f"{figure['share_percent']:.0f} % ({figure['on_time']}/{figure['reached']})"


@command(
    "on-time",
    help=_(
        "Andel ärenden där arbetsförmågan bedömdes i tid vid dag 90, 180 och 365, per "
        "handläggare och för teamet, med ärendena bakom varje tal."
    ),
)
@click.option("--since", type=DATE, default=None,
              help=_("Periodens första dag (standard: ett år före --on)."))  # fmt: skip
@click.option("--cases", "with_cases", is_flag=True, help=_("Visa ärendena bakom varje tal."))
@as_option
@on_option
@json_option
@pass_ctx
def on_time(
    ctx: Any, since: date | None, with_cases: bool, as_: str | None, on: date | None,
    as_json: bool,
) -> None:  # fmt: skip
    from app.cli.team import _viewer
    from app.team.on_time import on_time_report
    from app.team.table import visible_caseworker_ids

    conn = ctx.conn(check=False)
    day = ctx.on(on)
    ids = visible_caseworker_ids(conn, _viewer(ctx, as_), day)
    report = on_time_report(conn, day, since=since, caseworker_ids=ids)
    data = report.as_json(with_cases=True)
    if as_json:
        emit_json(report.as_json(with_cases=with_cases))
        return
    keys = [c["key"] for c in data["checkpoints"]]
    click.echo(_("Bedömt i tid {since}–{on}").format(since=data["since"], on=data["on"]))
    sign = _("Sign.")
    click.echo(f"{sign:<10}" + "".join(f"{_day(c):>18}" for c in data["checkpoints"]))
    for row in [*data["caseworkers"], data["team"]]:
        who = _("Teamet") if row is data["team"] else row["caseworker"]
        figures = row["checkpoints"]
        click.echo(f"{who:<10}" + "".join(f"{_share(figures[k]):>18}" for k in keys))
        if with_cases:
            for k in keys:
                missed = figures[k].get("cases_missed") or []
                if missed:
                    click.echo(_("  {checkpoint} ej i tid: {cases}").format(
                        checkpoint=k, cases=", ".join(missed)))  # fmt: skip
