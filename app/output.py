"""Plain-text output of the command line, in Swedish, for a person at a terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from app.chain import ChainState
    from app.stock import TodayItem, TodayList


def count_sv(n: int, one: str, many: str, *, none: str | None = None) -> str:
    """A count with its noun in the right number: '1 impuls', '2 impulser'; with ``none``,
    those words for 0 ('inget öppet ärende'). Every count that meets a noun in the command
    line's text goes through here (one place for gettext's ngettext later)."""
    if n == 0 and none is not None:
        return none
    return f"{n} {one if n == 1 else many}"


def first_upper(text: str) -> str:
    """'inget öppet ärende' → 'Inget öppet ärende' (the rest untouched)."""
    return text[:1].upper() + text[1:]


STATUS_SV = {
    "upcoming": "kommande",
    "due-soon": "snart",
    "today": "i dag",
    "passed": "passerad",
}


def milestone_when(day_text: str, days_left: int) -> str:
    """'dag 90 i dag', 'dag 180 om 42 d'."""
    return f"{day_text} i dag" if days_left == 0 else f"{day_text} om {days_left} d"


def _milestone_text(item: TodayItem) -> str:
    nxt = item.facts.chain.next_milestone
    if nxt is None:
        return "-"
    return milestone_when(f"dag {nxt.day}", nxt.days_left)


def _line(item: TodayItem) -> str:
    chain = item.facts.chain
    top = item.score.top_reason
    reason = top.text if top else "Inget särskilt just nu"
    phase = f"dag {chain.day} ({chain.phase})" if chain.phase else "ingen pågående kedja"
    return (
        f"  {item.facts.case_ref:16} {phase:20} {_milestone_text(item):16} "
        f"{item.score.total:6.1f}  {reason}"
    )


def print_today(result: TodayList) -> None:
    from app.priority import short_date_sv

    cw = result.caseworker
    click.echo(f"Idag för {cw.ext_id} {cw.name}: {short_date_sv(result.on)} {result.on:%Y}")
    click.echo("")
    click.echo(f"Planerat i dag ({len(result.planned)})")
    if not result.planned:
        click.echo("  (inget planerat; planera med 'overblick plan ÄRENDE --date ÅÅÅÅ-MM-DD')")
    for item in result.planned:
        click.echo(_line(item))
    click.echo("")
    click.echo(f"Prioriterat ({len(result.ranked)} av {result.open_cases - len(result.planned)})")
    for item in result.ranked:
        click.echo(_line(item))


def print_chain(state: ChainState) -> None:
    if not state.phase:
        click.echo(f"Ingen pågående kedja {state.on.isoformat()}.")
        return
    active = "" if state.active else " (uppehåll: ingen sjukperiod just nu)"
    click.echo(f"{state.on.isoformat()}: dag {state.day}, fas {state.phase}{active}")
    for m in state.milestones:
        status = STATUS_SV.get(m.status, m.status)
        click.echo(f"  dag {m.day:3}  {m.date.isoformat()}  {status:9} {m.label_sv}")


def print_explain(data: dict[str, Any]) -> None:
    case = data["case"]
    chain = data["chain"]
    click.echo(f"{case['case_id']}  {case['person']}  {case['pin'] or ''}")
    employer = case["employer"] or "ingen arbetsgivare"
    extent = f"{case['extent']} %" if case["extent"] is not None else "omfattning okänd"
    click.echo(
        f"  {employer}, {case['employment_label']}, {extent}, {case['status_label']}, "
        f"{case['plan_status_label']}"
    )
    phase = f"dag {chain['day']} ({chain['phase']})" if chain["phase"] else "ingen kedja"
    click.echo(f"  Kedjan {data['on']}: {phase}")
    click.echo(f"  Poäng {data['score']:.1f}")
    for reason in data["reasons"]:
        click.echo(f"    {reason['points']:+7.1f}  {reason['text']}")
    if data.get("planned_on"):
        click.echo(f"  Planerat till {data['planned_on']}")


def print_stock(data: dict[str, Any]) -> None:
    cases = count_sv(data["cases"], "ärende", "ärenden")
    click.echo(f"Ärendestock för {data['caseworker']} {data['on']}: {cases}")
    header = f"  {'fas':9}{'ärenden':>9}{'impulser':>10}{'försenade':>11}{'milstolpe':>11}"
    click.echo(header + f"{'samordning':>12}")
    for phase, cell in data["phases"].items():
        click.echo(
            f"  {phase:9}{cell['cases']:>9}{cell['open_impulses']:>10}"
            f"{cell['overdue_follow_ups']:>11}{cell['milestone_within_14_days']:>11}"
            f"{cell['waiting_for_coordination']:>12}"
        )
    backlogs = data["backlogs"]
    click.echo(
        f"  Väntar på beslut om rätt till ersättning: {backlogs['benefit_decision']}   "
        f"Väntar på samordning: {backlogs['coordination']}"
    )
