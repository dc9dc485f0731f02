"""The stock in figures and rows: the states a case is in (impulses, overdue follow-ups,
milestones near, coordination), the counts per chain phase, and the stock table's rows
(a whole team's loaded in chunks).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.base.bulk import paused_gc
from app.chain.rules import Weights
from app.chain.state import DUE_SOON, PASSED, TODAY, ChainState
from app.priority.profile import Caseworker, weights_for
from app.priority.score import (
    CaseFacts,
    Score,
    rank_key,
    score_case,
)
from app.safety.pin import mask_pin
from app.stock.facts import MILESTONE_WINDOW_DAYS, PHASES, load_facts
from db import read_snapshot


def waiting_for_coordination(f: CaseFacts, on: date, after_days: int) -> bool:
    """Coordination needed, and nothing done about it for ``after_days`` ("dåligt samvete")."""
    if not f.coordination_needed:
        return False
    since = f.last_coordination_on or f.chain_start
    return since is not None and (on - since).days >= after_days


def _overdue(f: CaseFacts, on: date) -> bool:
    return any(
        fu.due < on and not (fu.snoozed_until and fu.snoozed_until > on) for fu in f.follow_ups
    )


def _milestone_soon(chain: ChainState) -> bool:
    return chain.active and any(
        m.status in (DUE_SOON, TODAY) and 0 <= m.days_left <= MILESTONE_WINDOW_DAYS
        for m in chain.relevant_milestones()
    )


def missing_os_position(f: CaseFacts) -> bool:
    """Past day 181 with no ÖS/NFA position recorded (only where the day-181 rule applies)."""
    return f.os_position is None and any(
        m.key == "day_181" and m.status == PASSED for m in f.chain.relevant_milestones()
    )


STATES = ("open_impulses", "overdue_follow_ups", "milestone_within_14_days",
          "waiting_for_coordination")  # fmt: skip


def case_states(f: CaseFacts, on: date, weights: Weights) -> dict[str, bool]:
    """The overview-strip states of one case."""
    return {
        "open_impulses": bool(f.impulses),
        "overdue_follow_ups": _overdue(f, on),
        "milestone_within_14_days": _milestone_soon(f.chain),
        "waiting_for_coordination": waiting_for_coordination(
            f, on, int(weights["coordination.after_days"])
        ),
    }


def stock_counts(conn: sqlite3.Connection, caseworker: Caseworker, on: date) -> dict[str, object]:
    """Cases per chain phase crossed with state, and the two backlogs side by side."""
    weights = weights_for(conn, caseworker)
    facts = load_facts(conn, on, caseworker_id=caseworker.id)
    phase_keys = (*PHASES, "none")
    matrix = {p: {"cases": 0, **dict.fromkeys(STATES, 0)} for p in phase_keys}
    totals = {"cases": 0, **dict.fromkeys(STATES, 0)}
    benefit = 0
    missing_os = 0
    for f in facts:
        phase = f.chain.phase or "none"
        cell = matrix[phase]
        cell["cases"] += 1
        totals["cases"] += 1
        for state, flag in case_states(f, on, weights).items():
            cell[state] += flag
            totals[state] += flag
        benefit += f.benefit_decision_pending
        missing_os += (
            any(m.key == "day_181" and m.status == PASSED for m in f.chain.milestones)
            and f.os_position is None
        )
    if not matrix["none"]["cases"]:
        del matrix["none"]
    return {
        "on": on.isoformat(),
        "caseworker": caseworker.ext_id,
        "cases": totals["cases"],
        "phases": matrix,
        "totals": totals,
        "backlogs": {
            "benefit_decision": benefit,
            "coordination": totals["waiting_for_coordination"],
        },
        "past_181_without_os_position": missing_os,
    }


@dataclass(frozen=True, slots=True)
class StockRow:
    """One line of the stock table."""

    id: int
    case_ref: str
    person_name: str
    masked_pin: str
    day: int
    phase: str | None
    next_milestone_key: str | None
    next_milestone_day: int | None
    next_milestone_date: date | None
    days_left: int | None
    open_impulses: int
    unread_impulses: int
    next_follow_up: date | None
    last_action_at: str | None
    score: float
    top_reason: str | None
    states: frozenset[str]
    employer: str | None
    planned_on: date | None


STOCK_CHUNK = 5_000  # a whole team's stock is loaded this many cases at a time


def stock_rows(
    conn: sqlite3.Connection,
    caseworker: Caseworker | None,
    on: date,
    weights: Weights | None = None,
) -> list[StockRow]:
    """Every open case of the caseworker (or of everyone, for None) as table rows, by score
    (highest first, ties by case reference, as ``rank``).

    A whole team is loaded ``STOCK_CHUNK`` cases at a time, so only one chunk's case facts
    are in memory next to the rows, and rows share one object for each distinct value that
    many of them repeat (states, reasons, dates, employers): a lead's 100,000 rows stay small.
    """
    weights = weights or weights_for(conn, caseworker)
    shared: dict[Any, Any] = {}
    rows: list[StockRow] = []
    with paused_gc(), read_snapshot(conn):  # every chunk sees the same state
        for scope in _stock_scopes(conn, caseworker):
            facts = load_facts(conn, on, **scope)
            extra = _row_extras(conn, scope)
            for f in facts:
                rows.append(_stock_row(f, score_case(f, on, weights), extra, on, weights, shared))
            del facts, extra
        rows.sort(key=_by_rank)
    return rows


def _by_rank(row: StockRow) -> tuple[float, str]:
    return rank_key(row.score, row.case_ref)


def _stock_scopes(conn: sqlite3.Connection, caseworker: Caseworker | None) -> list[dict[str, Any]]:
    """The load_facts scopes of a stock: a caseworker's in one, a team's in id ranges."""
    if caseworker is not None:
        return [{"caseworker_id": caseworker.id}]
    ids = [r[0] for r in conn.execute("SELECT id FROM cases WHERE status = 'open' ORDER BY id")]
    return [
        {"id_range": (ids[i], ids[min(i + STOCK_CHUNK, len(ids)) - 1])}
        for i in range(0, len(ids), STOCK_CHUNK)
    ]


def _row_extras(conn: sqlite3.Connection, scope: dict[str, Any]) -> dict[int, tuple[Any, ...]]:
    """Name, pin, last action and employer of the open cases in a load_facts scope."""
    cur = conn.cursor()
    cur.row_factory = None
    if "caseworker_id" in scope:
        where, params = "caseworker_id = ?", (scope["caseworker_id"],)
    else:
        where, params = "id BETWEEN ? AND ?", scope["id_range"]
    return {
        r[0]: r[1:]
        for r in cur.execute(
            "SELECT id, person_name, pin, last_action_at, employer FROM cases "
            f"WHERE status = 'open' AND {where}",
            params,
        )
    }


def _stock_row(
    f: CaseFacts,
    score: Score,
    extra: dict[int, tuple[Any, ...]],
    on: date,
    weights: Weights,
    shared: dict[Any, Any],
) -> StockRow:
    share = shared.setdefault
    name, pin, last_action, employer = extra.get(f.id, ("", None, None, None))
    nxt = f.chain.next_milestone
    upcoming = [fu.due for fu in f.follow_ups]
    states = {k for k, v in case_states(f, on, weights).items() if v}
    if f.benefit_decision_pending:
        states.add("benefit_decision")
    if missing_os_position(f):
        states.add("past_181_without_os_position")
    top = score.top_reason
    frozen = frozenset(states)
    nearest = min(upcoming) if upcoming else None
    return StockRow(
        id=f.id,
        case_ref=f.case_ref,
        person_name=name or "",
        masked_pin=mask_pin(pin) if pin else "",
        day=f.chain.day,
        phase=f.chain.phase,
        next_milestone_key=nxt.key if nxt else None,
        next_milestone_day=nxt.day if nxt else None,
        next_milestone_date=share(nxt.date, nxt.date) if nxt else None,
        days_left=nxt.days_left if nxt else None,
        open_impulses=len(f.impulses),
        unread_impulses=sum(i.unread for i in f.impulses),
        next_follow_up=share(nearest, nearest) if nearest else None,
        last_action_at=last_action,
        score=score.total,
        top_reason=share(top.text, top.text) if top else None,
        states=share(frozen, frozen),
        employer=share(employer, employer) if employer is not None else None,
        planned_on=f.planned_on,
    )
