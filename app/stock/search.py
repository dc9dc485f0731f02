"""Live search over names, case ids, employers and impulse text (SQLite FTS5)."""

from __future__ import annotations

import re
import sqlite3

_TOKEN = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str | None:
    """Each typed word as a quoted prefix term, all required; None when nothing to search."""
    tokens = _TOKEN.findall(text.lower())
    if not tokens:
        return None
    return " ".join(f'"{token}"*' for token in tokens)


def search_case_ids(
    conn: sqlite3.Connection, text: str, caseworker_id: int | None = None
) -> set[int] | None:
    """Ids of open cases whose name, case id, employer or impulse text matches ``text``.

    None means "no filter" (an empty query), as opposed to an empty set (no match).
    """
    query = fts_query(text)
    if query is None:
        return None
    scope = "c.status = 'open'" + (" AND c.caseworker_id = ?" if caseworker_id else "")
    params: tuple[object, ...] = (query, caseworker_id) if caseworker_id else (query,)
    cur = conn.cursor()
    cur.row_factory = None
    ids = {
        r[0]
        for r in cur.execute(
            f"SELECT c.id FROM cases_fts f JOIN cases c ON c.id = f.rowid "
            f"WHERE cases_fts MATCH ? AND {scope}",
            params,
        )
    }
    ids |= {
        r[0]
        for r in cur.execute(
            f"SELECT DISTINCT c.id FROM impulses_fts f JOIN impulses i ON i.id = f.rowid "
            f"JOIN cases c ON c.id = i.case_id WHERE impulses_fts MATCH ? AND {scope}",
            params,
        )
    }
    return ids
