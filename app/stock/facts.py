"""A stock's facts loaded in bulk: cases, periods, open impulses and follow-ups, the last
certificate and plans, in a few queries, grouped in Python (one pass for a whole stock).
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from app.base.bulk import paused_gc
from app.base.clock import local_date_of
from app.base.errors import NotFoundError
from app.base.i18n import _
from app.chain.rules import ChainRules, chain_rules
from app.chain.state import ChainState, chain_on
from app.priority.score import (
    CaseFacts,
    OpenFollowUp,
    OpenImpulse,
)
from db import queries

PHASES = ("1-90", "91-180", "181-365", "366+")
MILESTONE_WINDOW_DAYS = 14


def date_of(text: str | None) -> date | None:
    """The date of a stored ISO date or timestamp (its first ten characters); None for none."""
    return date.fromisoformat(text[:10]) if text else None


def unpack_periods(packed: str | None) -> list[tuple[date, date | None]]:
    """Unpack "2026-01-01:2026-01-31,2026-03-01:" into (start, end-or-None) pairs."""
    if not packed:
        return []
    fromiso = date.fromisoformat
    out = []
    for part in packed.split(","):
        start, _, end = part.partition(":")
        out.append((fromiso(start), fromiso(end) if end else None))
    return out


def chain_of_row(
    packed_periods: str | None,
    employment: str,
    birth: str | None,
    on: date,
    rules: ChainRules,
) -> ChainState:
    """The chain of a case from its row in ``queries.open_case_rows`` (its packed periods,
    employment and birth date) on ``on``: the one place a case row becomes a chain, shared
    by the facts below and the standard follow-ups."""
    return chain_on(
        unpack_periods(packed_periods),
        on,
        employment=employment,
        birth_date=date.fromisoformat(birth) if birth else None,
        rules=rules,
    )


def load_facts(
    conn: sqlite3.Connection,
    on: date,
    *,
    caseworker_id: int | None = None,
    case_ids: Iterable[int] | None = None,
    id_range: tuple[int, int] | None = None,
) -> list[CaseFacts]:
    """Everything scoring needs for the open cases in scope, in four queries."""
    with paused_gc():
        return _load_facts(conn, on, caseworker_id, case_ids, id_range)


def _load_facts(
    conn: sqlite3.Connection,
    on: date,
    caseworker_id: int | None,
    case_ids: Iterable[int] | None,
    id_range: tuple[int, int] | None,
) -> list[CaseFacts]:
    rows, where, params = queries.open_case_rows(conn, caseworker_id, case_ids, id_range)
    impulses: dict[int, list[OpenImpulse]] = defaultdict(list)
    for case_id, kind, received_at, unread in queries.open_impulses_for(conn, where, params):
        impulses[case_id].append(OpenImpulse(kind, local_date_of(received_at), bool(unread)))
    follow_ups: dict[int, list[OpenFollowUp]] = defaultdict(list)
    for case_id, due_at, kind, snoozed in queries.open_follow_ups_for(conn, where, params):
        follow_ups[case_id].append(
            OpenFollowUp(local_date_of(due_at), kind, local_date_of(snoozed) if snoozed else None)
        )
    plans = {case_id: date_of(day) for case_id, day in queries.plans_for(conn, caseworker_id)}
    rules = chain_rules()
    fromiso = date.fromisoformat
    no_items: list = []
    facts = []
    for row in rows:
        (case_id, case_ref, employment, birth, runs_itself, no_follow_up, recovery,
         benefit, coordination, last_coord, awaiting_actor, awaiting_until, os_position,
         c1, c2, c3, c4, packed_periods, certificate_end, af_offer_missing) = row  # fmt: skip
        chain = chain_of_row(packed_periods, employment, birth, on, rules)
        facts.append(
            CaseFacts(
                case_id,
                case_ref,
                chain,
                impulses.get(case_id, no_items),
                follow_ups.get(case_id, no_items),
                fromiso(certificate_end) if certificate_end else None,
                bool(runs_itself),
                bool(no_follow_up),
                fromiso(recovery) if recovery else None,
                bool(benefit),
                bool(coordination),
                fromiso(last_coord) if last_coord else None,
                date.fromordinal(chain.intervals[0][0]) if chain.intervals else None,
                awaiting_actor,
                fromiso(awaiting_until) if awaiting_until else None,
                os_position,
                # Employer and plan checks apply only where there is an employer.
                bool(c1 and c4 and (employment != "employed" or (c2 and c3))),
                plans.get(case_id),
                bool(af_offer_missing),
            )
        )
    return facts


def chain_day_on(conn: sqlite3.Connection, case_id: int, on: date) -> int:
    """The day of the rehabilitation chain a case was on (or will be on) on ``on``: what a
    dated event (a meeting, a referral, an assessment) is stored and exported with; 0 when
    no chain ran that day."""
    from app.chain.state import day_on

    return day_on(
        [(date.fromisoformat(s), date_of(e)) for s, e in queries.periods_of(conn, case_id)], on
    )


def case_row(conn: sqlite3.Connection, case_ref: str) -> sqlite3.Row:
    """The case's row, or a NotFoundError naming the case id."""
    row = queries.case_by_ref(conn, case_ref)
    if row is None:
        raise NotFoundError(
            _("Ärendet '{case_ref}' finns inte i databasen.").format(case_ref=case_ref)
        )
    return row
