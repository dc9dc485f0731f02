"""The Today list: today's planned lane first, then the rest ranked by priority; explain
(every contribution to one case's score) and planning a case for a day.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date

from app.base.clock import Clock, utc_iso
from app.base.errors import InvalidInputError
from app.base.i18n import _, label
from app.base.model import CASE_STATUS_SV, EMPLOYMENT_SV, PLAN_STATUS_SV
from app.chain.rules import Weights
from app.chain.state import chain_on
from app.priority.profile import Caseworker, weights_for
from app.priority.score import (
    CaseFacts,
    Score,
    rank,
    score_case,
)
from app.safety.pin import mask_pin
from app.stock.facts import case_row, date_of, load_facts
from db import queries, transaction


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
    # Received cases whose intake review is not done: at the top until it is (issue #14).
    intake: list[TodayItem] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {
            "on": self.on.isoformat(),
            "caseworker": self.caseworker.ext_id,
            "intake": [i.as_json() for i in self.intake],
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
    """The received cases whose intake review is not done first, then the planned lane
    for ``on``, then every other open case ranked by score (each case in one lane)."""
    weights = weights or weights_for(conn, caseworker)
    facts = load_facts(conn, on, caseworker_id=caseworker.id)  # (both pause the collector)
    ranked = rank(facts, on, weights)
    received = queries.open_intake_case_ids(conn, caseworker.id)
    intake = [TodayItem(f, s) for f, s in ranked if f.id in received]
    planned = [TodayItem(f, s) for f, s in ranked if f.planned_on == on and f.id not in received]
    rest = [TodayItem(f, s) for f, s in ranked if f.planned_on != on and f.id not in received]
    if limit is not None:
        rest = rest[:limit]
    return TodayList(on, caseworker, planned, rest, len(facts), intake)


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
