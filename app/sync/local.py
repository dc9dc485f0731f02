"""The local side of sync: the triggers installed at join, the sync state and the outbox.

A database that never joined a server has none of this: no trigger, no cost. At join the
triggers below are created; from then on every write to a replicated table records, in the
same transaction, a change in ``sync_outbox`` (unless ``sync_state.applying`` is set: rows
pulled from the server are applied with it set, so they never echo back).
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from dataclasses import dataclass
from typing import Any

from app.sync.tables import SPECS, Spec

_APPLYING = "(SELECT applying FROM sync_state) = 0"
_NOW_MS = "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)"
_CHANGE_ID = "lower(hex(randomblob(16)))"


def _cond(spec: Spec, row: str) -> str:
    return f" AND ({spec.only_when.format(r=row)})" if spec.only_when else ""


def _trigger_sql(spec: Spec) -> list[str]:
    t = spec.table
    gid = spec.gid_sql.format(r="NEW.")
    changed = ", ".join(
        f'CASE WHEN OLD."{c}" IS NOT NEW."{c}" THEN \'{c}\' END' for c in spec.watched()
    )
    return [
        f"CREATE TRIGGER sync_{t}_insert AFTER INSERT ON {t} WHEN 1{_cond(spec, 'NEW.')} BEGIN "
        f"UPDATE {t} SET gid = {gid} WHERE rowid = NEW.rowid AND NEW.gid IS NULL; "
        f"INSERT INTO sync_outbox(change_id, tbl, row_id, op, at_ms) SELECT {_CHANGE_ID}, "
        f"'{t}', NEW.rowid, 'insert', {_NOW_MS} WHERE {_APPLYING}; END",
        f"CREATE TRIGGER sync_{t}_update AFTER UPDATE ON {t} WHEN OLD.gid IS NOT NULL"
        f"{_cond(spec, 'NEW.')} AND {_APPLYING} BEGIN "
        f"INSERT INTO sync_outbox(change_id, tbl, row_id, gid, op, fields, at_ms) "
        f"SELECT {_CHANGE_ID}, '{t}', NEW.rowid, NEW.gid, 'update', f, {_NOW_MS} FROM "
        f"(SELECT (SELECT json_group_array(value) FROM json_each(json_array({changed})) "
        f"WHERE value IS NOT NULL) AS f) WHERE f != '[]'; END",
        f"CREATE TRIGGER sync_{t}_delete AFTER DELETE ON {t} WHEN OLD.gid IS NOT NULL"
        f"{_cond(spec, 'OLD.')} AND {_APPLYING} BEGIN "
        f"INSERT INTO sync_outbox(change_id, tbl, row_id, gid, op, at_ms) VALUES "
        f"({_CHANGE_ID}, '{t}', OLD.rowid, OLD.gid, 'delete', {_NOW_MS}); END",
    ]


def triggers_installed(conn: sqlite3.Connection) -> bool:
    return (
        conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = 'sync_cases_insert'"
        ).fetchone()
        is not None
    )


def install(conn: sqlite3.Connection) -> None:
    """Give every existing row its gid and create the outbox triggers (inside the
    caller's transaction)."""
    for spec in SPECS:  # in order: a gid made from a case's gid finds it filled in
        gid = spec.gid_sql.format(r=f"{spec.table}.")
        where = f" AND ({spec.only_when.format(r='')})" if spec.only_when else ""
        conn.execute(f"UPDATE {spec.table} SET gid = {gid} WHERE gid IS NULL{where}")
    if triggers_installed(conn):
        return
    for spec in SPECS:
        for statement in _trigger_sql(spec):
            conn.execute(statement)


def _trigger_names(spec: Spec) -> tuple[str, ...]:
    return tuple(f"sync_{spec.table}_{op}" for op in ("insert", "update", "delete"))


def upgrade(conn: sqlite3.Connection) -> int:
    """After a program update, bring a joined database's triggers up to the replicated
    tables and columns of this version (a table or column a later migration added): the
    triggers whose text differs are made again, and the rows of a table that had none
    (written since the migration) are recorded as inserts to push. Inside the caller's
    transaction; how many rows were recorded. Does nothing before the database joined."""
    if not triggers_installed(conn):
        return 0
    have = {
        name: sql
        for name, sql in conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
    }
    recorded = 0
    for spec in SPECS:
        wanted = dict(zip(_trigger_names(spec), _trigger_sql(spec), strict=True))
        if all(have.get(name) == sql for name, sql in wanted.items()):
            continue
        if _trigger_names(spec)[0] not in have:  # a table new to replication
            where = f" AND ({spec.only_when.format(r='')})" if spec.only_when else ""
            recorded += _enqueue(conn, spec, f" WHERE gid IS NULL{where}")
            gid = spec.gid_sql.format(r=f"{spec.table}.")
            conn.execute(f"UPDATE {spec.table} SET gid = {gid} WHERE gid IS NULL{where}")
        for name, sql in wanted.items():
            conn.execute(f"DROP TRIGGER IF EXISTS {name}")
            conn.execute(sql)
    return recorded


def enqueue_existing(conn: sqlite3.Connection, *, people: bool) -> int:
    """Record every existing replicated row as a change to push (``join --push-local``);
    people only for a lead (only a lead may write them). How many."""
    total = 0
    for spec in SPECS:
        if spec.table == "caseworkers" and not people:
            continue
        where = f" WHERE {spec.only_when.format(r='')}" if spec.only_when else ""
        total += _enqueue(conn, spec, where)
    return total


def _enqueue(conn: sqlite3.Connection, spec: Spec, where: str) -> int:
    """Record the table's rows that ``where`` selects as inserts to push; how many."""
    cur = conn.execute(
        f"INSERT INTO sync_outbox(change_id, tbl, row_id, op, at_ms) SELECT "
        f"{_CHANGE_ID} || printf('%08x', rowid), '{spec.table}', rowid, 'insert', "
        f"{_NOW_MS} FROM {spec.table}{where} ORDER BY rowid"
    )
    return max(0, cur.rowcount)


ALL_FIELDS = None  # a row inserted here and not yet pushed: every field is this desk's


def pending_fields(conn: sqlite3.Connection) -> dict[tuple[str, int], set[str] | None]:
    """The local rows with changes not yet pushed, and which columns (``ALL_FIELDS`` for
    a new row): a pull must not overwrite them."""
    held: dict[tuple[str, int], set[str] | None] = {}
    for table, row_id, op, fields in conn.execute(
        "SELECT tbl, row_id, op, fields FROM sync_outbox WHERE status = 'pending' "
        "AND op != 'delete'"
    ):
        key = (table, int(row_id))
        if op == "insert" or (key in held and held[key] is ALL_FIELDS):
            held[key] = ALL_FIELDS
            continue
        held.setdefault(key, set()).update(json.loads(fields or "[]"))  # type: ignore[union-attr]
    return held


def pending_case_gids(conn: sqlite3.Connection) -> set[str]:
    """Cases with a change not yet pushed, to the case or to a row of it: never dropped
    by a pull before that change has gone to the server."""
    found: set[str] = set()
    for spec in SPECS:
        if spec.table != "cases" and not spec.case_col:
            continue
        col = "t.id" if spec.table == "cases" else f"t.{spec.case_col}"
        found.update(
            r[0]
            for r in conn.execute(
                f"SELECT c.gid FROM sync_outbox o JOIN {spec.table} t ON t.rowid = o.row_id "
                f"JOIN cases c ON c.id = {col} WHERE o.tbl = ? AND o.status = 'pending' "
                "AND c.gid IS NOT NULL",
                (spec.table,),
            )
        )
    return found


@dataclass
class SyncState:
    server: str
    login: str
    signature: str
    role: str
    node: str
    cursor: int
    hlc: str
    joined_at: str | None
    last_sync_at: str | None


def state(conn: sqlite3.Connection) -> SyncState | None:
    """The sync state, or None for a database that never joined a server."""
    try:
        row = conn.execute(
            "SELECT server, login, signature, role, node, cursor, hlc, joined_at, "
            "last_sync_at FROM sync_state WHERE id = 1"
        ).fetchone()
    except sqlite3.OperationalError:  # an older schema without the table
        return None
    return None if row is None else SyncState(*tuple(row))


def new_state(
    conn: sqlite3.Connection, server: str, login: str, signature: str, role: str, at: str
) -> None:
    conn.execute(
        "INSERT INTO sync_state(id, server, login, signature, role, node, joined_at) "
        "VALUES (1, ?, ?, ?, ?, ?, ?)",
        (server, login, signature, role, uuid.uuid4().hex[:12], at),
    )


def outbox_counts(conn: sqlite3.Connection) -> dict[str, int]:
    counts = {"pending": 0, "refused": 0, "sent": 0}
    for status, n in conn.execute("SELECT status, count(*) FROM sync_outbox GROUP BY status"):
        counts[status] = counts.get(status, 0) + int(n)
    return counts


def refused_changes(conn: sqlite3.Connection, limit: int = 20) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT change_id, tbl, gid, op, reason, done_at FROM sync_outbox "
        "WHERE status = 'refused' ORDER BY id DESC LIMIT ?",
        (limit,),
    ).fetchall()
    keys = ("change_id", "table", "gid", "op", "reason", "at")
    return [dict(zip(keys, tuple(r), strict=True)) for r in rows]
