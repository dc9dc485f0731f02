"""The SQL the engine asks for: bulk-friendly reads returning tuples, and small writes."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any

# The columns scoring needs, in the order app.stock.facts unpacks them.
# The sick periods come packed as "start:end,start:end" (end empty when open) and the latest
# certificate end through the (case_id, to_date) index: one row per case, no GROUP BY joins.
CASE_FACT_COLUMNS = (
    "c.id, c.case_ref, c.employment, c.birth_date, c.runs_itself, c.no_follow_up, "
    "c.recovery_until, c.benefit_decision_pending, c.coordination_needed, "
    "c.last_coordination_on, c.awaiting_actor, c.awaiting_until, c.os_position, "
    "c.check_phone, c.check_employer, c.check_plan, c.check_informed, "
    "(SELECT group_concat(p.start || ':' || coalesce(p.\"end\", ''), ',') "
    "FROM sick_periods p WHERE p.case_id = c.id), "
    "(SELECT max(k.to_date) FROM certificates k WHERE k.case_id = c.id), "
    # Issue #14: an NFA refusal recorded without the meeting with Arbetsförmedlingen offered
    # (accepted, or declined with the written information sent): app.case.closing.
    "(c.nfa_refusal_on IS NOT NULL AND (c.af_offer IS NULL OR (c.af_offer = 'declined' "
    "AND c.af_written_info_on IS NULL)))"
)


def _tuples(conn: sqlite3.Connection, sql: str, params: tuple[Any, ...] = ()) -> list[tuple]:
    """Rows as plain tuples: the bulk reads skip sqlite3.Row for speed."""
    cur = conn.cursor()
    cur.row_factory = None
    return cur.execute(sql, params).fetchall()


def _scope(caseworker_id: int | None, alias: str = "c") -> tuple[str, tuple[Any, ...]]:
    if caseworker_id is None:
        return f"{alias}.status = 'open'", ()
    return f"{alias}.status = 'open' AND {alias}.caseworker_id = ?", (caseworker_id,)


def open_case_rows(
    conn: sqlite3.Connection,
    caseworker_id: int | None,
    case_ids: Iterable[int] | None = None,
    id_range: tuple[int, int] | None = None,
) -> tuple[list[tuple[Any, ...]], str, tuple[Any, ...]]:
    """Open cases (all, or one caseworker's, or the given ids, or those with ids in
    ``id_range``, both ends included) and the filter used to find them."""
    if case_ids is not None:
        ids = ",".join(str(int(i)) for i in case_ids) or "NULL"
        where, params = f"c.id IN ({ids})", ()
    else:
        where, params = _scope(caseworker_id)
        if id_range is not None:
            where += " AND c.id BETWEEN ? AND ?"
            params = (*params, *id_range)
    rows = _tuples(conn, f"SELECT {CASE_FACT_COLUMNS} FROM cases c WHERE {where}", params)
    return rows, where, params


def open_impulses_for(conn: sqlite3.Connection, where: str, params: tuple[Any, ...]) -> list:
    return _tuples(
        conn,
        f"SELECT i.case_id, i.type, i.received_at, i.read_at IS NULL FROM impulses i "
        f"JOIN cases c ON c.id = i.case_id WHERE i.outcome IS NULL AND {where}",
        params,
    )


def open_follow_ups_for(conn: sqlite3.Connection, where: str, params: tuple[Any, ...]) -> list:
    # "+f.state": reach the follow-ups through the case (its caseworker index), not through
    # the (state, due_at) index, which would read every open follow-up of the whole team.
    return _tuples(
        conn,
        f"SELECT f.case_id, f.due_at, f.kind, f.snoozed_until FROM follow_ups f "
        f"JOIN cases c ON c.id = f.case_id WHERE +f.state = 'open' AND {where}",
        params,
    )


def plans_for(conn: sqlite3.Connection, caseworker_id: int | None) -> list[tuple]:
    if caseworker_id is None:
        return _tuples(conn, "SELECT case_id, MIN(on_date) FROM planned_dates GROUP BY case_id")
    return _tuples(
        conn, "SELECT case_id, on_date FROM planned_dates WHERE caseworker_id = ?", (caseworker_id,)
    )


def periods_of(conn: sqlite3.Connection, case_id: int) -> list[tuple[str, str | None]]:
    """A case's sick periods as stored (start, end or None), in start order."""
    return _tuples(
        conn, 'SELECT start, "end" FROM sick_periods WHERE case_id = ? ORDER BY start', (case_id,)
    )


def open_intake_case_ids(conn: sqlite3.Connection, caseworker_id: int) -> set[int]:
    """The caseworker's received cases whose intake review is not done (app.case.handover):
    only open cases they still own."""
    return {
        r[0]
        for r in _tuples(
            conn,
            "SELECT r.case_id FROM intake_reviews r JOIN cases c ON c.id = r.case_id "
            "WHERE r.owner_id = ? AND r.state = 'open' AND c.status = 'open' "
            "AND c.caseworker_id = r.owner_id",
            (caseworker_id,),
        )
    }


def caseworker_by_ext_id(conn: sqlite3.Connection, ext_id: str) -> sqlite3.Row | None:
    return conn.execute(
        "SELECT id, ext_id, name, role, team FROM caseworkers WHERE ext_id = ?", (ext_id,)
    ).fetchone()


def all_caseworkers(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT id, ext_id, name, role, team FROM caseworkers WHERE active = 1 ORDER BY ext_id"
    ).fetchall()


def case_by_ref(conn: sqlite3.Connection, case_ref: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM cases WHERE case_ref = ?", (case_ref,)).fetchone()


def get_setting(conn: sqlite3.Connection, key: str, scope: str = "") -> Any:
    row = conn.execute(
        "SELECT value FROM settings WHERE scope = ? AND key = ?", (scope, key)
    ).fetchone()
    return None if row is None else json.loads(row[0])


def put_setting(conn: sqlite3.Connection, key: str, value: Any, scope: str = "") -> None:
    conn.execute(
        "INSERT INTO settings(scope, key, value) VALUES (?, ?, ?) "
        "ON CONFLICT(scope, key) DO UPDATE SET value = excluded.value",
        (scope, key, json.dumps(value, ensure_ascii=False)),
    )


def delete_setting(conn: sqlite3.Connection, key: str, scope: str = "") -> None:
    conn.execute("DELETE FROM settings WHERE scope = ? AND key = ?", (scope, key))


def append_event(
    conn: sqlite3.Connection,
    *,
    case_id: int | None,
    at: str,
    actor: str | None,
    kind: str,
    detail: dict[str, Any] | None = None,
) -> int:
    """Append one event; its id."""
    cursor = conn.execute(
        "INSERT INTO events(case_id, at, actor, kind, detail) VALUES (?, ?, ?, ?, ?)",
        (case_id, at, actor, kind, json.dumps(detail or {}, ensure_ascii=False)),
    )
    return int(cursor.lastrowid or 0)
