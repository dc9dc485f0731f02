"""A caseworker's stock: case facts loaded in bulk, the Today list, explanations and counts."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.base.bulk import paused_gc
from app.base.clock import Clock, local_date_of, utc_iso
from app.base.errors import InvalidInputError, NotFoundError
from app.base.i18n import _, label
from app.base.model import CASE_STATUS_SV, EMPLOYMENT_SV, PLAN_STATUS_SV
from app.chain.rules import Weights, chain_rules
from app.chain.state import DUE_SOON, PASSED, TODAY, ChainState, chain_on
from app.priority.profile import Caseworker, weights_for
from app.priority.score import (
    CaseFacts,
    OpenFollowUp,
    OpenImpulse,
    Score,
    rank,
    rank_key,
    score_case,
)
from app.safety.pin import mask_pin
from db import queries, read_snapshot, transaction

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
         c1, c2, c3, c4, packed_periods, certificate_end) = row  # fmt: skip
        chain = chain_on(
            unpack_periods(packed_periods),
            on,
            employment=employment,
            birth_date=fromiso(birth) if birth else None,
            rules=rules,
        )
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
            )
        )
    return facts


@dataclass(frozen=True, slots=True)
class TodayItem:
    facts: CaseFacts
    score: Score

    def as_json(self) -> dict[str, object]:
        chain = self.facts.chain
        nxt = chain.next_milestone
        return {
            "case_id": self.facts.case_ref,
            "score": self.score.total,
            "day": chain.day,
            "phase": chain.phase,
            "next_milestone": None
            if nxt is None
            else {
                "key": nxt.key,
                "label": nxt.label_sv,
                "date": nxt.date.isoformat(),
                "days_left": nxt.days_left,
            },
            "reasons": [c.as_json() for c in self.score.contributions],
        }


@dataclass(frozen=True, slots=True)
class TodayList:
    on: date
    caseworker: Caseworker
    planned: list[TodayItem]
    ranked: list[TodayItem]
    open_cases: int

    def as_json(self) -> dict[str, object]:
        return {
            "on": self.on.isoformat(),
            "caseworker": self.caseworker.ext_id,
            "planned": [i.as_json() for i in self.planned],
            "ranked": [i.as_json() for i in self.ranked],
        }


def today_list(
    conn: sqlite3.Connection,
    caseworker: Caseworker,
    on: date,
    *,
    limit: int | None = None,
    weights: Weights | None = None,
) -> TodayList:
    """The planned lane for ``on`` first, then every other open case ranked by score."""
    weights = weights or weights_for(conn, caseworker)
    facts = load_facts(conn, on, caseworker_id=caseworker.id)  # (both pause the collector)
    ranked = rank(facts, on, weights)
    planned = [TodayItem(f, s) for f, s in ranked if f.planned_on == on]
    rest = [TodayItem(f, s) for f, s in ranked if f.planned_on != on]
    if limit is not None:
        rest = rest[:limit]
    return TodayList(on, caseworker, planned, rest, len(facts))


def case_row(conn: sqlite3.Connection, case_ref: str) -> sqlite3.Row:
    """The case's row, or a NotFoundError naming the case id."""
    row = queries.case_by_ref(conn, case_ref)
    if row is None:
        raise NotFoundError(
            _("Ärendet '{case_ref}' finns inte i databasen.").format(case_ref=case_ref)
        )
    return row


def explain_case(
    conn: sqlite3.Connection, case_ref: str, on: date, caseworker: Caseworker | None
) -> dict[str, object]:
    """A case, its chain, its open items and every contribution to its score."""
    row = case_row(conn, case_ref)
    cw = conn.execute(
        "SELECT ext_id, name FROM caseworkers WHERE id = ?", (row["caseworker_id"],)
    ).fetchone()
    case = {
        "case_id": row["case_ref"],
        "person": row["person_name"],
        "pin": mask_pin(row["pin"]) if row["pin"] else None,
        "employment": row["employment"],
        "employment_label": label(EMPLOYMENT_SV, row["employment"]),
        "employer": row["employer"],
        "diagnosis_group": row["diagnosis_group"],
        "flow": row["flow"],
        "unit": row["unit"],
        "extent": row["extent"],
        "status": row["status"],
        "status_label": label(CASE_STATUS_SV, row["status"]),
        "caseworker": cw["ext_id"] if cw else None,
        "flags": {
            "runs_itself": bool(row["runs_itself"]),
            "no_follow_up": bool(row["no_follow_up"]),
            "no_follow_up_reason": row["no_follow_up_reason"],
            "recovery_until": row["recovery_until"],
            "benefit_decision_pending": bool(row["benefit_decision_pending"]),
            "coordination_needed": bool(row["coordination_needed"]),
        },
        "os_position": row["os_position"],
        "plan_status": row["plan_status"],
        "plan_status_label": label(PLAN_STATUS_SV, row["plan_status"] or "unknown"),
    }
    periods = [
        (date.fromisoformat(p["start"]), date_of(p["end"]))
        for p in conn.execute(
            "SELECT start, end FROM sick_periods WHERE case_id = ? ORDER BY start", (row["id"],)
        )
    ]
    result: dict[str, object] = {"on": on.isoformat(), "case": case}
    if row["status"] == "open":
        facts = load_facts(conn, on, case_ids=[row["id"]])[0]
        weights = weights_for(conn, caseworker)
        score = score_case(facts, on, weights)
        chain = facts.chain
        result["score"] = score.total
        result["reasons"] = [c.as_json() for c in score.contributions]
        result["planned_on"] = facts.planned_on.isoformat() if facts.planned_on else None
    else:
        chain = chain_on(
            periods, on, employment=row["employment"], birth_date=date_of(row["birth_date"])
        )
        result["score"] = 0.0
        result["reasons"] = []
        result["planned_on"] = None
    result["chain"] = chain.as_json()
    result["sick_periods"] = [
        {"start": s.isoformat(), "end": e.isoformat() if e else None} for s, e in periods
    ]
    result["impulses"] = [
        dict(r)
        for r in conn.execute(
            "SELECT ext_id, type, doc_kind, received_at, read_at IS NOT NULL AS read, text "
            "FROM impulses WHERE case_id = ? AND outcome IS NULL ORDER BY received_at",
            (row["id"],),
        )
    ]
    result["follow_ups"] = [
        dict(r)
        for r in conn.execute(
            "SELECT id, due_at, kind, origin, note, snoozed_until FROM follow_ups "
            "WHERE case_id = ? AND state = 'open' ORDER BY due_at",
            (row["id"],),
        )
    ]
    return result


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


def plan_case(
    conn: sqlite3.Connection,
    case_ref: str,
    caseworker: Caseworker,
    on_date: date | None,
    clock: Clock,
) -> None:
    """Put a case in the caseworker's planned lane for ``on_date``, or clear it (None)."""
    row = case_row(conn, case_ref)
    if row["status"] != "open":
        raise InvalidInputError(
            _("Ärendet {case_ref} är avslutat och kan inte planeras.").format(case_ref=case_ref)
        )
    now = utc_iso(clock.now())
    with transaction(conn):
        if on_date is None:
            conn.execute(
                "DELETE FROM planned_dates WHERE case_id = ? AND caseworker_id = ?",
                (row["id"], caseworker.id),
            )
            kind, detail = "plan.cleared", {}
        else:
            conn.execute(
                "INSERT INTO planned_dates(case_id, caseworker_id, on_date, created_at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT(case_id, caseworker_id) "
                "DO UPDATE SET on_date = excluded.on_date, created_at = excluded.created_at",
                (row["id"], caseworker.id, on_date.isoformat(), now),
            )
            kind, detail = "plan.set", {"on_date": on_date.isoformat()}
        queries.append_event(
            conn, case_id=row["id"], at=now, actor=caseworker.ext_id, kind=kind, detail=detail
        )


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
