"""Plain-text output of the command line for a person at a terminal (Swedish, or English
with OVERBLICK_LANG=en)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from app.base.i18n import N_, _, label, ngettext

if TYPE_CHECKING:
    from app.chain.state import ChainState
    from app.stock.today import TodayItem, TodayList


def counted(n: int, one: str, many: str, *, none: str | None = None, **fields: Any) -> str:
    """A count with its noun in the right number, in the chosen language:
    ``counted(n, "{n} impuls", "{n} impulser")`` gives '1 impuls', '2 impulser' (gettext's
    ngettext; ``scripts/i18n.sh`` extracts both forms). ``none``, already translated, is
    the text for 0 ('inget öppet ärende'); ``fields`` fill the text's other placeholders.
    Every count that meets a noun in the command line's text goes through here."""
    if n == 0 and none is not None:
        return none.format(**fields)
    return ngettext(one, many, n).format(n=n, **fields)


def first_upper(text: str) -> str:
    """'inget öppet ärende' → 'Inget öppet ärende' (the rest untouched)."""
    return text[:1].upper() + text[1:]


STATUS_SV = {
    "upcoming": N_("kommande"),
    "due-soon": N_("snart"),
    "today": N_("i dag"),
    "passed": N_("passerad"),
}


def milestone_when(day_text: str, days_left: int) -> str:
    """'dag 90 i dag', 'dag 180 om 42 d'."""
    if days_left == 0:
        return _("{day} i dag").format(day=day_text)
    return _("{day} om {days} d").format(day=day_text, days=days_left)


def _milestone_text(item: TodayItem) -> str:
    nxt = item.facts.chain.next_milestone
    if nxt is None:
        return "-"
    return milestone_when(_("dag {day}").format(day=nxt.day), nxt.days_left)


def _line(item: TodayItem) -> str:
    chain = item.facts.chain
    top = item.score.top_reason
    reason = top.text if top else _("Inget särskilt just nu")
    phase = (
        _("dag {day} ({phase})").format(day=chain.day, phase=chain.phase)
        if chain.phase
        else _("ingen pågående kedja")
    )
    return (
        f"  {item.facts.case_ref:16} {phase:20} {_milestone_text(item):16} "
        f"{item.score.total:6.1f}  {reason}"
    )


def print_today(result: TodayList) -> None:
    from app.priority.score import short_date_sv

    cw = result.caseworker
    click.echo(
        _("Idag för {ext_id} {name}: {on} {on2:%Y}").format(
            ext_id=cw.ext_id, name=cw.name, on=short_date_sv(result.on), on2=result.on
        )
    )
    click.echo("")
    if result.intake:
        click.echo(_("Mottagna ärenden att gå igenom ({n})").format(n=len(result.intake)))
        for item in result.intake:
            click.echo(_line(item))
        click.echo(_("  (gå igenom med 'overblick intake show ÄRENDE')"))
        click.echo("")
    click.echo(_("Planerat i dag ({n})").format(n=len(result.planned)))
    if not result.planned:
        click.echo(_("  (inget planerat; planera med 'overblick plan ÄRENDE --date ÅÅÅÅ-MM-DD')"))
    for item in result.planned:
        click.echo(_line(item))
    click.echo("")
    click.echo(
        _("Prioriterat ({n} av {total})").format(
            n=len(result.ranked),
            total=result.open_cases - len(result.planned) - len(result.intake),
        )
    )
    for item in result.ranked:
        click.echo(_line(item))


def print_chain(state: ChainState) -> None:
    if not state.phase:
        click.echo(_("Ingen pågående kedja {date}.").format(date=state.on.isoformat()))
        return
    active = "" if state.active else _(" (uppehåll: ingen sjukperiod just nu)")
    click.echo(
        _("{date}: dag {day}, fas {phase}{active}").format(
            date=state.on.isoformat(), day=state.day, phase=state.phase, active=active
        )
    )
    for m in state.milestones:
        status = label(STATUS_SV, m.status)
        click.echo(
            _("  dag {day:3}  {date}  {status:9} {label}").format(
                day=m.day, date=m.date.isoformat(), status=status, label=m.label_sv
            )
        )


def print_explain(data: dict[str, Any]) -> None:
    case = data["case"]
    chain = data["chain"]
    click.echo(f"{case['case_id']}  {case['person']}  {case['pin'] or ''}")
    employer = case["employer"] or _("ingen arbetsgivare")
    extent = f"{case['extent']} %" if case["extent"] is not None else _("omfattning okänd")
    click.echo(
        f"  {employer}, {case['employment_label']}, {extent}, {case['status_label']}, "
        f"{case['plan_status_label']}"
    )
    phase = (
        _("dag {day} ({phase})").format(day=chain["day"], phase=chain["phase"])
        if chain["phase"]
        else _("ingen kedja")
    )
    click.echo(_("  Kedjan {on}: {phase}").format(on=data["on"], phase=phase))
    click.echo(_("  Poäng {score:.1f}").format(score=data["score"]))
    for reason in data["reasons"]:
        click.echo(f"    {reason['points']:+7.1f}  {reason['text']}")
    if data.get("planned_on"):
        click.echo(_("  Planerat till {planned_on}").format(planned_on=data["planned_on"]))


def print_stock(data: dict[str, Any]) -> None:
    cases = counted(data["cases"], "{n} ärende", "{n} ärenden")
    click.echo(
        _("Ärendestock för {caseworker} {on}: {cases}").format(
            caseworker=data["caseworker"], on=data["on"], cases=cases
        )
    )
    phase, cases, impulses = _("fas"), _("ärenden"), _("impulser")
    overdue, milestone, coordination = _("försenade"), _("milstolpe"), _("samordning")
    header = f"  {phase:9}{cases:>9}{impulses:>10}{overdue:>11}{milestone:>11}{coordination:>14}"
    click.echo(header)
    for phase, cell in data["phases"].items():
        click.echo(
            f"  {phase:9}{cell['cases']:>9}{cell['open_impulses']:>10}"
            f"{cell['overdue_follow_ups']:>11}{cell['milestone_within_14_days']:>11}"
            f"{cell['waiting_for_coordination']:>14}"
        )
    backlogs = data["backlogs"]
    click.echo(
        _(
            "  Väntar på beslut om rätt till ersättning: {benefit_decision}   Väntar "
            "på samordning: {coordination}"
        ).format(
            benefit_decision=backlogs["benefit_decision"], coordination=backlogs["coordination"]
        )
    )
