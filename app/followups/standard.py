"""Standard follow-ups (origin ``standard``): the reminders the rehabilitation chain itself
asks for, one at each lead time of each coming milestone (resources/rules/chain.toml), made
by the daily job and ``overblick follow-up standard``; see docs/follow-ups.md.

They belong to the case's caseworker, can be done, snoozed or dismissed with a reason, but
not deleted or rescheduled (their time follows the chain): app.followups.store keeps
those rules.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import Any, NamedTuple

from app.base.clock import Clock, local_date_of, utc_iso
from app.chain.rules import chain_rules
from app.chain.state import ChainState
from app.followups.store import SYSTEM_ACTOR
from app.followups.when import at_local
from app.stock.facts import chain_of_row
from db import queries, transaction

# Standard follow-ups: due at this local time on (milestone date - lead days).
STANDARD_TIME = time(8, 0)
# Created when their due date is at most this many days ahead (the daily job adds the rest
# as the days pass, so a projected date that moves is not written far ahead of time).
STANDARD_HORIZON_DAYS = 60
# A lead time already passed is still created, once, if it passed at most this many days
# ago and is the latest passed lead of its milestone (a case imported mid-chain gets its
# reminder, shown as overdue); older ones are skipped (the milestone itself still scores).
STANDARD_GRACE_DAYS = 7
STANDARD_KINDS = {"plan_day_30": "employer", "day_90": "employer", "phone_day_60": "insured"}


@dataclass(frozen=True, slots=True)
class StandardResult:
    on: date
    cases: int
    created: int
    moved: int

    def as_json(self) -> dict[str, Any]:
        return {
            "on": self.on.isoformat(),
            "cases": self.cases,
            "created": self.created,
            "moved": self.moved,
        }


def standard_due_dates(chain: ChainState, on: date) -> list[tuple[str, int, date, str]]:
    """The (milestone key, lead days, due date, note) a running chain should have on ``on``.

    Leads due from ``on`` to ``on + STANDARD_HORIZON_DAYS``; of the leads already passed
    (milestone still ahead), only the latest, and only within STANDARD_GRACE_DAYS.
    """
    if not chain.active:
        return []
    out = []
    horizon = on + timedelta(days=STANDARD_HORIZON_DAYS)
    for milestone in chain.milestones:
        if milestone.date < on:
            continue
        leads = []
        passed: tuple[int, date] | None = None
        for lead in milestone.lead_days:
            due = milestone.date - timedelta(days=lead)
            if due > horizon:
                continue
            if due >= on:
                leads.append((lead, due))
            elif passed is None or due > passed[1]:
                passed = (lead, due)
        if passed is not None and (on - passed[1]).days <= STANDARD_GRACE_DAYS:
            leads.append(passed)
        for lead, due in leads:
            note = f"{milestone.label_sv}: {milestone.date.isoformat()} ({lead} dagar före)"
            out.append((milestone.key, lead, due, note))
    return out


class _Standard(NamedTuple):
    id: int
    case_id: int
    milestone_key: str
    lead_days: int
    state: str
    due_at: str
    created_at: str | None
    chain_start: str | None


def _of_chain(
    conn: sqlite3.Connection, rows: list[_Standard], start: date | None
) -> _Standard | None:
    """The row of one milestone lead time that belongs to the chain starting on ``start``:
    the one labelled with that start; else the newest that was created on or after it, or
    is still open (an open reminder goes on with the chain rather than a second one being
    made), which is then labelled now. A done or dismissed row of an earlier chain is left
    alone: the new chain gets its own."""
    if start is None:
        return None
    label = start.isoformat()
    for row in rows:
        if row.chain_start == label:
            return row
    for row in reversed(rows):  # the newest first
        made_in_chain = row.created_at is not None and local_date_of(row.created_at) >= start
        if made_in_chain or row.state == "open":
            conn.execute("UPDATE follow_ups SET chain_start = ? WHERE id = ?", (label, row.id))
            return row
    return None


def ensure_standard_follow_ups(
    conn: sqlite3.Connection, on: date, clock: Clock, caseworker_id: int | None = None
) -> StandardResult:
    """Create the missing standard follow-ups of every open case (or one caseworker's).

    Idempotent: one row per milestone lead time and chain (the unique index on case_id,
    milestone_key, lead_days, chain_start), whatever its state, so a done or dismissed one
    is never recreated for the same chain; a new chain (after the 90-day gap) gets its own.
    A row belongs to the running chain when it was created on or after the chain's first
    day (so one made before a backdated period moved the start still counts) or is still
    open (never two open reminders for one lead time); it is then labelled with the chain's
    start. An open one whose milestone date moved is moved with it (its due time is the
    system's); personal follow-ups are never touched. One
    ``follow_up.standard`` event per case changed.
    """
    now = utc_iso(clock.now())
    rules = chain_rules()
    created = moved = 0
    with transaction(conn):
        rows, _where, _params = queries.open_case_rows(conn, caseworker_id)
        existing: dict[tuple[int, str, int], list[_Standard]] = defaultdict(list)
        for row in conn.execute(
            "SELECT id, case_id, milestone_key, lead_days, state, due_at, created_at, "
            "chain_start FROM follow_ups WHERE origin = 'standard' ORDER BY id"
        ).fetchall():
            existing[(row[1], row[2], row[3])].append(_Standard(*row))
        for row in rows:
            case_id, employment, birth, packed = row[0], row[2], row[3], row[17]
            chain = chain_of_row(packed, employment, birth, on, rules)
            changes: dict[str, list[dict[str, Any]]] = defaultdict(list)
            start = date.fromordinal(chain.intervals[0][0]) if chain.intervals else None
            for key, lead, due_day, note in standard_due_dates(chain, on):
                due_at = utc_iso(at_local(due_day, STANDARD_TIME))
                found = _of_chain(conn, existing.get((case_id, key, lead), []), start)
                if found is None:
                    cur = conn.execute(
                        "INSERT OR IGNORE INTO follow_ups(case_id, owner_id, due_at, kind, "
                        "origin, milestone_key, lead_days, note, state, created_at, "
                        "occurrences, chain_start) "
                        "VALUES (?, NULL, ?, ?, 'standard', ?, ?, ?, 'open', ?, 0, ?)",
                        (case_id, due_at, STANDARD_KINDS.get(key, "other"), key, lead, note, now,
                         start.isoformat() if start else None),
                    )  # fmt: skip
                    if cur.rowcount:
                        created += 1
                        changes["created"].append(
                            {"id": cur.lastrowid, "milestone_key": key, "lead_days": lead,
                             "due_at": due_at}
                        )  # fmt: skip
                elif found.state == "open" and found.due_at != due_at:
                    conn.execute(
                        "UPDATE follow_ups SET due_at = ?, note = ?, fired_at = NULL WHERE id = ?",
                        (due_at, note, found.id),
                    )
                    moved += 1
                    changes["moved"].append(
                        {"id": found.id, "milestone_key": key, "lead_days": lead,
                         "from_due_at": found.due_at, "due_at": due_at}
                    )  # fmt: skip
            if changes:
                ids = [c["id"] for items in changes.values() for c in items]
                queries.append_event(
                    conn, case_id=case_id, at=now, actor=SYSTEM_ACTOR, kind="follow_up.standard",
                    detail={"on": on.isoformat(), "follow_up_ids": ids, **changes},
                )  # fmt: skip
    return StandardResult(on, len(rows), created, moved)
