"""Retention: closed cases are purged with every row that belongs to them a set time after
closing (setting ``retention.days``, default 90); the log gets the count only.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from app.base.clock import Clock, utc_iso
from app.base.errors import InvalidInputError
from app.base.i18n import _
from app.safety.privacy import _actor_id
from db import queries, transaction

log = logging.getLogger("overblick.safety")
if not log.handlers:  # the command line prints one line, not log records
    log.addHandler(logging.NullHandler())


# --- retention ---------------------------------------------------------------------------

DEFAULT_RETENTION_DAYS = 90
RETENTION_KEY = "retention.days"
RETENTION_PURGED = "retention.purged"


def retention_days(conn: sqlite3.Connection) -> int:
    """Days after closing before a closed case may be purged: 'retention.days', default 90."""
    value = queries.get_setting(conn, RETENTION_KEY)
    try:
        days = int(value) if value is not None else DEFAULT_RETENTION_DAYS
    except (TypeError, ValueError):
        days = DEFAULT_RETENTION_DAYS
    return max(0, days)


@dataclass(frozen=True)
class PurgePreview:
    """What a purge on ``on`` would remove (case references, row counts per table)."""

    on: date
    days: int
    closed_before: date  # cases closed on or before this date go
    case_refs: list[str]
    counts: dict[str, int]
    closed_without_date: int = 0  # closed cases with no closing date: kept

    @property
    def total_rows(self) -> int:
        return sum(self.counts.values())

    def as_json(self) -> dict[str, Any]:
        return {
            "on": self.on.isoformat(),
            "days": self.days,
            "closed_on_or_before": self.closed_before.isoformat(),
            "cases": len(self.case_refs),
            "case_refs": list(self.case_refs),
            "counts": dict(self.counts),
            "closed_without_date": self.closed_without_date,
        }


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _fk_edges(conn: sqlite3.Connection) -> list[tuple[str, str, str, str]]:
    """(child table, child column, parent table, parent column) for every foreign key."""
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'"
        )
    ]
    edges = []
    for table in tables:
        for fk in conn.execute(f"PRAGMA foreign_key_list({_quote(table)})").fetchall():
            # A key without a parent column points at the parent's rowid (left unquoted).
            edges.append((table, _quote(fk[3]), fk[2], _quote(fk[4]) if fk[4] else "rowid"))
    return edges


def _purge_plan(conn: sqlite3.Connection, cases_where: str) -> list[tuple[str, str]]:
    """(table, WHERE) for the purged cases and every row that depends on them, children first.

    Found through the foreign keys, so a table added by a later migration is included.
    """
    edges = _fk_edges(conn)
    conditions: dict[str, str] = {"cases": cases_where}

    def condition(table: str, visiting: frozenset[str]) -> str | None:
        if table in conditions:
            return conditions[table]
        parts = []
        for child, column, parent, parent_column in edges:
            if child != table or parent in visiting or parent == table:
                continue
            parent_where = condition(parent, visiting | {table})
            if parent_where is not None:
                parts.append(
                    f"{column} IN (SELECT {parent_column} FROM {_quote(parent)} "
                    f"WHERE {parent_where})"
                )
        if not parts:
            return None
        where = " OR ".join(f"({p})" for p in parts)
        conditions[table] = where
        return where

    for child, *_rest in edges:
        condition(child, frozenset())
    # Delete a table only after every table that references it.
    refs = {
        t: {c for c, _, p, _ in edges if p == t and c in conditions and c != t} for t in conditions
    }
    order: list[str] = []
    pending = set(conditions)
    while pending:
        ready = sorted(t for t in pending if not (refs[t] & pending))
        if not ready:  # a cycle: delete what is left in name order (foreign keys decide)
            ready = sorted(pending)
        order.extend(ready)
        pending -= set(ready)
    return [(t, conditions[t]) for t in order]


def _cases_where(cutoff: date) -> str:
    # The date is formatted by date.isoformat(), so it is safe to put into the SQL.
    return (
        "status = 'closed' AND closed_on IS NOT NULL AND closed_on <> '' "
        f"AND substr(closed_on, 1, 10) <= '{cutoff.isoformat()}'"
    )


def _cutoff(conn: sqlite3.Connection, on: date, days: int | None) -> tuple[int, date]:
    if days is None:
        days = retention_days(conn)
    if days < 0:
        raise InvalidInputError(_("Antalet dagar före gallring kan inte vara negativt."))
    return days, on - timedelta(days=days)


def _preview(conn: sqlite3.Connection, on: date, days: int | None) -> PurgePreview:
    days, cutoff = _cutoff(conn, on, days)
    where = _cases_where(cutoff)
    refs = [
        r[0] for r in conn.execute(f"SELECT case_ref FROM cases WHERE {where} ORDER BY case_ref")
    ]
    counts = {
        table: int(conn.execute(f"SELECT count(*) FROM {_quote(table)} WHERE {w}").fetchone()[0])
        for table, w in _purge_plan(conn, where)
    }
    undated = conn.execute(
        "SELECT count(*) FROM cases WHERE status = 'closed' "
        "AND (closed_on IS NULL OR closed_on = '')"
    ).fetchone()[0]
    return PurgePreview(on, days, cutoff, refs, dict(sorted(counts.items())), int(undated))


def purge_preview(conn: sqlite3.Connection, on: date, days: int | None = None) -> PurgePreview:
    """The closed cases a purge on ``on`` would remove, with all their rows, counted.

    A case goes when it is closed and its closing date is at least ``days`` (default:
    settings 'retention.days', 90) before ``on``. Closed cases without a closing date stay.
    """
    return _preview(conn, on, days)


def _fts_tables(conn: sqlite3.Connection, tables: list[str]) -> list[str]:
    found = []
    for table in tables:
        row = conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (f"{table}_fts",)
        ).fetchone()
        if row is not None and "fts5" in (row[0] or "").lower():
            found.append(f"{table}_fts")
    return found


def _fk_violations(conn: sqlite3.Connection, tables: list[str]) -> set[tuple[Any, ...]]:
    found: set[tuple[Any, ...]] = set()
    for table in tables:
        found |= {tuple(r) for r in conn.execute(f"PRAGMA foreign_key_check({_quote(table)})")}
    return found


def purge(
    conn: sqlite3.Connection, on: date, actor: Any, clock: Clock, days: int | None = None
) -> int:
    """Delete the cases :func:`purge_preview` lists, and every row of theirs; return how many.

    One transaction: all of it or none. Their events go too; a 'retention.purged' event
    with the counts only (no case ids) records that a purge happened. Deleted content is
    overwritten (``secure_delete``) and the search index is rebuilt without it. The log
    gets the count only.
    """
    who = _actor_id(actor)
    previous_secure = conn.execute("PRAGMA secure_delete").fetchone()[0]
    previous_fk = conn.execute("PRAGMA foreign_keys").fetchone()[0]
    conn.execute("PRAGMA secure_delete = ON")
    if not conn.in_transaction:
        # Deleting sick periods would make SQLite scan every certificate once per period
        # (no index on certificates.sick_period_id): the keys are checked once at the end.
        conn.execute("PRAGMA foreign_keys = OFF")
    try:
        with transaction(conn):
            days_used, cutoff = _cutoff(conn, on, days)
            where = _cases_where(cutoff)
            plan = _purge_plan(conn, where)
            before = _fk_violations(conn, [t for t, _ in plan])
            counts: dict[str, int] = {}
            for table, table_where in plan:
                cur = conn.execute(f"DELETE FROM {_quote(table)} WHERE {table_where}")
                counts[table] = max(0, cur.rowcount)
            if _fk_violations(conn, [t for t, _ in plan]) - before:
                raise RuntimeError("purge would leave rows pointing at deleted cases")
            purged = counts.get("cases", 0)
            if purged:
                for fts in _fts_tables(conn, [t for t, n in counts.items() if n]):
                    # Drop the deleted names' tokens from the index now, not at a later merge.
                    conn.execute(f"INSERT INTO {_quote(fts)}({_quote(fts)}) VALUES ('optimize')")
            queries.append_event(
                conn,
                case_id=None,
                at=utc_iso(clock.now()),
                actor=who,
                kind=RETENTION_PURGED,
                detail={
                    "cases": purged,
                    "rows": sum(counts.values()),
                    "days": days_used,
                    "closed_on_or_before": cutoff.isoformat(),
                },
            )
    finally:
        conn.execute(f"PRAGMA secure_delete = {int(previous_secure)}")
        conn.execute(f"PRAGMA foreign_keys = {int(previous_fk)}")
    log.info(
        "Gallring: %d avslutade ärenden och %d rader borttagna (avslutade senast %s).",
        purged,
        sum(counts.values()),
        cutoff.isoformat(),
    )
    return purged
