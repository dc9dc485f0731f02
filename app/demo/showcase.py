"""What the demo stock shows of issue #14, added after the seeded build (no random draw, so
the generated rows stay as they were): the caseworkers' units and how to reach them, an
NFA refusal waiting for the meeting with Arbetsförmedlingen (with its work-injury hint), a
case marked as a possible work injury, a received case with its intake review at the top
of the first caseworker's Idag (and one the other way, so every stock keeps its size), a
few method events, and the assessments behind the on-time measure.

Everything goes through the engine's own functions, as a caseworker or the lead would do
it, at the demo's snapshot minute (07:30 on "today"); choices are by case id, the first
caseworker's from their last cases.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, time, timedelta

from app.base.clock import STOCKHOLM, FixedClock, utc_iso
from app.case.benefits import set_marks
from app.case.closing import record_nfa_refusal
from app.case.methods import record_method_event
from app.chain.casework_rules import casework_rules
from app.chain.rules import chain_rules
from app.chain.state import day_on
from app.demo.assumptions import (
    ASSESSED_LATE_EVERY,
    ASSESSED_SKIPPED_EVERY,
    FICTION_PHONES,
    LEAD_EXT_ID,
    SNAPSHOT_MINUTE,
    UNIT_DEEP,
    UNIT_FIRST,
    UNIT_RETURN,
)
from app.priority.profile import resolve_caseworker
from app.stock.facts import chain_of_row, unpack_periods
from app.team.reassign import reassign


def _staff_phone(n: int) -> str | None:
    """The n-th of the numbers set aside for fiction (FICTION_PHONES); None past them."""
    for prefix, lo, hi in FICTION_PHONES:
        if n <= hi - lo:
            return f"{prefix}{lo + n:02d}"
        n -= hi - lo + 1
    return None


def _units(count: int) -> list[str]:
    """The caseworkers' units by position: all in Fördjupad utredning in a small demo team;
    from four caseworkers on, half there, a quarter in Stöd för återgång and the rest in
    Första anspråk (an assumption: the reports give no staffing by unit)."""
    if count < 4:
        return [UNIT_DEEP] * count
    deep = (count + 1) // 2
    back = (count + 3) // 4
    return [UNIT_DEEP] * deep + [UNIT_RETURN] * back + [UNIT_FIRST] * (count - deep - back)


def _one(conn: sqlite3.Connection, sql: str, params: tuple[object, ...]) -> str | None:
    row = conn.execute(sql, params).fetchone()
    return row[0] if row else None


def _assessments(conn: sqlite3.Connection, today: date, at: str) -> None:
    """An assessment for most checkpoints reached in the past year: every
    ASSESSED_SKIPPED_EVERY-th case has none, every ASSESSED_LATE_EVERY-th a late one."""
    rules = chain_rules()
    rows = []
    for case_id, employment, birth, status, closed_on, owner, packed in conn.execute(
        "SELECT c.id, c.employment, c.birth_date, c.status, c.closed_on, w.ext_id, "
        "(SELECT group_concat(p.start || ':' || coalesce(p.\"end\", ''), ',') "
        "FROM sick_periods p WHERE p.case_id = c.id) FROM cases c "
        "JOIN caseworkers w ON w.id = c.caseworker_id"
    ).fetchall():
        if not packed or case_id % ASSESSED_SKIPPED_EVERY == 0:
            continue
        last = date.fromisoformat(closed_on) if status == "closed" and closed_on else today
        chain = chain_of_row(packed, employment, birth, last, rules)
        for checkpoint in casework_rules().on_time:
            if checkpoint.employment and employment not in checkpoint.employment:
                continue
            reached = chain.date_of_day(checkpoint.day) if chain.day >= checkpoint.day else None
            if reached is None or not today - timedelta(days=365) <= reached <= today:
                continue
            shift = -3 if case_id % ASSESSED_LATE_EVERY == 0 else case_id % 20
            on = reached - timedelta(days=shift)
            if on > today:
                continue
            rows.append((case_id, checkpoint.key, on.isoformat(),
                         day_on(unpack_periods(packed), on), owner, at))  # fmt: skip
    conn.executemany(
        "INSERT INTO assessments(case_id, checkpoint, assessed_on, chain_day, created_by, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?)",
        rows,
    )


def add_showcase(conn: sqlite3.Connection, today: date, staff: list[tuple[int, str]]) -> None:
    """Add the issue #14 examples to a freshly built demo stock (inside its transaction)."""
    if not staff:
        return
    clock = FixedClock(
        datetime.combine(today, time(SNAPSHOT_MINUTE // 60, SNAPSHOT_MINUTE % 60), STOCKHOLM)
    )
    at = utc_iso(clock.now())
    for n, ((cw_id, ext_id), unit) in enumerate(zip(staff, _units(len(staff)), strict=True)):
        conn.execute(
            "UPDATE caseworkers SET unit = ?, phone = ?, email = ? WHERE id = ?",
            (unit, _staff_phone(n), f"{ext_id}@example.se", cw_id),
        )  # fmt: skip
    conn.execute(
        "UPDATE cases SET unit = (SELECT w.unit FROM caseworkers w WHERE w.id = "
        "cases.caseworker_id) WHERE caseworker_id IS NOT NULL"
    )
    first = resolve_caseworker(conn, staff[0][1])
    lead = resolve_caseworker(conn, LEAD_EXT_ID)
    taken: set[str] = set()
    nfa = _one(
        conn,
        "SELECT case_ref FROM cases WHERE caseworker_id = ? AND status = 'open' "
        "AND employment = 'employed' AND os_position = 'nfa' ORDER BY id DESC LIMIT 1",
        (first.id,),
    ) or _one(
        conn,
        "SELECT case_ref FROM cases WHERE caseworker_id = ? AND status = 'open' "
        "AND employment = 'employed' ORDER BY id DESC LIMIT 1",
        (first.id,),
    )
    if nfa:
        record_nfa_refusal(conn, nfa, today - timedelta(days=2), first, clock)
        record_method_event(conn, nfa, "avstamningsmote", today - timedelta(days=40), first,
                            clock, parties=["employer", "occupational_health"])  # fmt: skip
        record_method_event(conn, nfa, "avstamningsmote", today - timedelta(days=12), first,
                            clock)  # stored as a contact: no third party  # fmt: skip
        taken.add(nfa)
    injury = _one(
        conn,
        "SELECT case_ref FROM cases WHERE caseworker_id = ? AND status = 'open' "
        "AND employment = 'employed' AND case_ref NOT IN (SELECT value FROM json_each(?)) "
        "ORDER BY id DESC LIMIT 1",
        (first.id, _json(taken)),
    )
    if injury:
        set_marks(conn, injury, ["work_injury"], [], first, clock)
        taken.add(injury)
    if len(staff) >= 2:
        second = resolve_caseworker(conn, staff[1][1])
        unplanned = (
            "SELECT case_ref FROM cases c WHERE caseworker_id = ? AND status = 'open' "
            "AND NOT EXISTS (SELECT 1 FROM planned_dates p WHERE p.case_id = c.id) "
            "AND case_ref NOT IN (SELECT value FROM json_each(?)) "
        )
        received = _one(
            conn,
            unplanned + "AND EXISTS (SELECT 1 FROM impulses i WHERE i.case_id = c.id "
            "AND i.outcome IS NULL) ORDER BY id LIMIT 1",
            (second.id, _json(taken)),
        ) or _one(conn, unplanned + "ORDER BY id LIMIT 1", (second.id, _json(taken)))
        given = _one(conn, unplanned + "ORDER BY id DESC LIMIT 1", (first.id, _json(taken)))
        if received and given:
            reassign(conn, [received], first.ext_id, "Fortsatt utredning efter första beslutet",
                     lead, clock, note="Arbetsgivaren väntar på besked om anpassning; ring HR "
                     "innan nästa intyg löper ut.")  # fmt: skip
            reassign(conn, [given], second.ext_id, "Jämnare belastning", lead, clock)
    _assessments(conn, today, at)


def _json(values: set[str]) -> str:
    import json

    return json.dumps(sorted(values))
