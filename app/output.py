"""Plain-text output of the command line, in Swedish, for a person at a terminal."""

from __future__ import annotations

from typing import Any

import click

from app.chain import ChainState
from app.priority import short_date_sv
from app.stock import TodayItem, TodayList

STATUS_SV = {
    "upcoming": "kommande",
    "due-soon": "snart",
    "today": "i dag",
    "passed": "passerad",
}


def _milestone_text(item: TodayItem) -> str:
    nxt = item.facts.chain.next_milestone
    if nxt is None:
        return "-"
    if nxt.days_left == 0:
        return f"dag {nxt.day} i dag"
    return f"dag {nxt.day} om {nxt.days_left} d"


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
    click.echo(f"  {employer}, {case['employment']}, {case['extent']} %, {case['status']}")
    phase = f"dag {chain['day']} ({chain['phase']})" if chain["phase"] else "ingen kedja"
    click.echo(f"  Kedjan {data['on']}: {phase}")
    click.echo(f"  Poäng {data['score']:.1f}")
    for reason in data["reasons"]:
        click.echo(f"    {reason['points']:+7.1f}  {reason['text']}")
    if data.get("planned_on"):
        click.echo(f"  Planerat till {data['planned_on']}")


def print_stock(data: dict[str, Any]) -> None:
    click.echo(f"Ärendestock för {data['caseworker']} {data['on']}: {data['cases']} ärenden")
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
