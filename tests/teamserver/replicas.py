"""What the replicas hold, in a form that compares across databases (local ids differ)."""

from __future__ import annotations

import sqlite3
from typing import Any

# The shared columns of each table (note texts and a case's local id excluded).
_SHARED = {
    "cases": "c.gid, c.case_ref, w.ext_id, c.plan_status, c.coordination_needed, c.extent, "
    "c.status",
    "impulses": "x.gid, c.case_ref, x.type, x.read_at, x.outcome, x.outcome_note",
    "follow_ups": "x.gid, c.case_ref, x.due_at, x.kind, x.state, x.inherited, "
    "(SELECT ext_id FROM caseworkers WHERE id = x.owner_id)",
    "sick_periods": 'x.gid, c.case_ref, x.start, x."end"',
    "events": "x.gid, c.case_ref, x.at, x.actor, x.kind",
}


def snapshot(conn: sqlite3.Connection, case_refs: set[str] | None = None) -> dict[str, Any]:
    """Every shared row of the given cases (all when None), by table, as sorted tuples."""
    found: dict[str, Any] = {}
    for table, cols in _SHARED.items():
        if table == "cases":
            sql = f"SELECT {cols} FROM cases c LEFT JOIN caseworkers w ON w.id = c.caseworker_id"
        else:
            sql = f"SELECT {cols} FROM {table} x JOIN cases c ON c.id = x.case_id"
        rows = [tuple(r) for r in conn.execute(sql)]
        if case_refs is not None:
            rows = [r for r in rows if r[1] in case_refs]
        found[table] = sorted(rows, key=repr)
    found["team_events"] = sorted(
        tuple(r) for r in conn.execute(
            "SELECT gid, at, actor, kind FROM events WHERE case_id IS NULL AND gid IS NOT NULL")
    )  # fmt: skip
    return found


def case_refs_of(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT case_ref FROM cases")}
