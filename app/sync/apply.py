"""Apply what was pulled: one local transaction, with ``sync_state.applying`` set so the
outbox triggers stay silent (pulled rows never echo back to the server).

Rows are upserted by gid, references mapped from gids and signatures to local ids; a
tombstone deletes the local row; a case that is no longer visible (reassigned away, cover
ended, deleted) goes with all its rows and follow-ups, so no reminder fires for it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from app.sync.tables import NOTE_KIND, NOTE_PREFIX, SPECS, Spec, spec_for

# What belongs to a case locally, deleted before the case itself.
CASE_CHILDREN = ("intake_carried", "intake_reviews", "handovers", "benefit_hints", "referrals",
                 "method_events", "assessments", "certificates", "sick_periods", "impulses",
                 "follow_ups", "contacts", "planned_dates", "case_notes", "events")  # fmt: skip


class _Ids:
    """gids and signatures to local ids, remembered for one apply."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._ids: dict[tuple[str, str], int | None] = {}
        self._people = {
            str(sig): int(i) for i, sig in conn.execute("SELECT id, lower(ext_id) FROM caseworkers")
        }

    def local(self, table: str, gid: str | None) -> int | None:
        if gid is None:
            return None
        key = (table, gid)
        if key not in self._ids:
            found = self.conn.execute(f"SELECT id FROM {table} WHERE gid = ?", (gid,)).fetchone()
            self._ids[key] = int(found[0]) if found else None
        return self._ids[key]

    def person(self, signature: str | None) -> int | None:
        if signature is None:
            return None
        if signature not in self._people:
            found = self.conn.execute(
                "SELECT id FROM caseworkers WHERE lower(ext_id) = ?", (signature,)
            ).fetchone()
            if found is None:
                return None
            self._people[signature] = int(found[0])
        return self._people[signature]

    def forget(self, table: str, gid: str) -> None:
        self._ids.pop((table, gid), None)


def drop_cases(conn: sqlite3.Connection, gids: Iterable[str]) -> int:
    """Delete these cases locally with everything of theirs; how many."""
    ids = [
        int(r[0])
        for gid in gids
        for r in conn.execute("SELECT id FROM cases WHERE gid = ?", (gid,))
    ]
    for start in range(0, len(ids), 500):
        marks = ",".join(str(i) for i in ids[start : start + 500])
        for table in CASE_CHILDREN:
            conn.execute(f"DELETE FROM {table} WHERE case_id IN ({marks})")
        conn.execute(f"DELETE FROM cases WHERE id IN ({marks})")
    return len(ids)


def _values(spec: Spec, data: dict[str, Any], ids: _Ids) -> dict[str, Any]:
    values = {c: data[c] for c in spec.columns if c in data}
    for col, key in spec.people.items():
        if key in data:
            values[col] = ids.person(data[key])
    for col, (key, table) in spec.refs.items():
        if key in data:
            values[col] = ids.local(table, data[key])
    return values


def _existing(conn: sqlite3.Connection, spec: Spec, gid: str, values: dict[str, Any]) -> Any:
    found = conn.execute(f"SELECT rowid FROM {spec.table} WHERE gid = ?", (gid,)).fetchone()
    if found is None and spec.natural and all(values.get(c) is not None for c in spec.natural):
        where = " AND ".join(f'"{c}" = ?' for c in spec.natural)
        found = conn.execute(
            f"SELECT rowid FROM {spec.table} WHERE {where}",
            tuple(values[c] for c in spec.natural),
        ).fetchone()
    return found[0] if found else None


Held = dict[tuple[str, int], "set[str] | None"]


def _upsert(
    conn: sqlite3.Connection, spec: Spec, row: tuple[Any, ...], ids: _Ids, held: Held
) -> bool:
    _t, gid, _kind, case_gid, _owner, data, _seq, _deleted, _hlc = row
    values = _values(spec, data or {}, ids)
    if spec.case_col:
        case_id = ids.local("cases", case_gid)
        if case_gid is not None and case_id is None:
            return False  # its case is not here (not visible): nothing to hang it on
        values[spec.case_col] = case_id
    rowid = _existing(conn, spec, gid, values)
    if rowid is not None and spec.immutable:
        return False
    if rowid is not None and (spec.table, rowid) in held:
        pending = held[(spec.table, rowid)]
        if pending is None:
            return False  # made here, not yet pushed: this desk's values go first
        values = {c: v for c, v in values.items() if c not in pending}
    try:
        if rowid is not None:
            sets = ", ".join(f'"{c}" = ?' for c in values)
            conn.execute(
                f"UPDATE {spec.table} SET {sets + ', ' if sets else ''}gid = ? WHERE rowid = ?",
                (*values.values(), gid, rowid),
            )
        else:
            cols = ", ".join(f'"{c}"' for c in (*values, "gid"))
            marks = ", ".join("?" for _ in range(len(values) + 1))
            conn.execute(
                f"INSERT INTO {spec.table}({cols}) VALUES ({marks})", (*values.values(), gid)
            )
    except sqlite3.IntegrityError:
        return False  # incomplete (its first write was refused) or clashing: left out
    return True


def _note(conn: sqlite3.Connection, row: tuple[Any, ...], held: Held) -> bool:
    gid, data, deleted = row[1], row[5] or {}, row[7]
    if deleted:
        return False
    local = conn.execute(
        "SELECT rowid FROM follow_ups WHERE gid = ?", (gid.removeprefix(NOTE_PREFIX),)
    ).fetchone()
    pending = held.get(("follow_ups", local[0]), set()) if local else set()
    if pending is None:
        return False
    values = {c: data[c] for c in ("note", "close_note") if c in data and c not in pending}
    if not values:
        return False
    sets = ", ".join(f"{c} = ?" for c in values)
    cur = conn.execute(
        f"UPDATE follow_ups SET {sets} WHERE gid = ?",
        (*values.values(), gid.removeprefix(NOTE_PREFIX)),
    )
    return cur.rowcount > 0


def _delete(conn: sqlite3.Connection, spec: Spec, gid: str, ids: _Ids) -> bool:
    if spec.table == "caseworkers":
        return False  # people are never deleted here: their cases and history name them
    if spec.table == "cases":
        return drop_cases(conn, [gid]) > 0
    local_id = conn.execute(f"SELECT rowid FROM {spec.table} WHERE gid = ?", (gid,)).fetchone()
    if local_id is None:
        return False
    if spec.table == "sick_periods":
        conn.execute(
            "UPDATE certificates SET sick_period_id = NULL WHERE sick_period_id = ?", local_id
        )
    conn.execute(f"DELETE FROM {spec.table} WHERE rowid = ?", local_id)
    ids.forget(spec.table, gid)
    return True


def apply_rows(
    conn: sqlite3.Connection, rows: list[tuple[Any, ...]], held: Held | None = None
) -> int:
    """Upsert or delete the pulled rows, parents before children; how many changed a row.
    Call inside the apply transaction (applying set). ``held``: local rows with changes
    not yet pushed (app.sync.local.pending_fields): those fields keep their local values,
    and a row made here and not yet pushed is left as it is."""
    held = held or {}
    order = {spec.table: n for n, spec in enumerate(SPECS)}
    grouped: dict[str, list[tuple[Any, ...]]] = {}
    notes = []
    latest: dict[tuple[str, str], tuple[Any, ...]] = {}
    for row in rows:  # one row per gid: the one with the highest seq
        key = (row[0], row[1])
        if key not in latest or row[6] > latest[key][6]:
            latest[key] = row
    for row in latest.values():
        if row[0] == "private_rows" and row[2] == NOTE_KIND:
            notes.append(row)
            continue
        spec = spec_for(row[0], row[2])
        if spec is not None:
            grouped.setdefault(spec.table, []).append(row)
    ids = _Ids(conn)
    changed = 0
    for table in sorted(grouped, key=order.__getitem__):
        spec = next(s for s in SPECS if s.table == table)
        for row in sorted(grouped[table], key=lambda r: r[6]):
            if row[7]:
                changed += _delete(conn, spec, row[1], ids)
            else:
                changed += _upsert(conn, spec, row, ids, held)
    for row in notes:
        changed += _note(conn, row, held)
    return changed
