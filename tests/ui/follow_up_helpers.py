"""Small helpers shared by the follow-up window tests: write and read on a separate connection."""

from __future__ import annotations

import json
from datetime import date, datetime

from app.base.clock import STOCKHOLM, FixedClock
from app.followups.standard import ensure_standard_follow_ups
from app.followups.store import create_follow_up
from app.priority.profile import Caseworker
from db import open_db


def at(day: date, hour: int = 8, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=STOCKHOLM)


def my_open_cases(ctx) -> list[str]:
    conn = open_db(ctx.db_path)
    try:
        rows = conn.execute(
            "SELECT case_ref FROM cases WHERE caseworker_id = ? AND status = 'open' ORDER BY id",
            (ctx.caseworker.id,),
        ).fetchall()
    finally:
        conn.close()
    return [r[0] for r in rows]


def add_outside(
    ctx, due: datetime, case_ref: str, note: str = "Ring", kind: str = "employer"
) -> int:
    """Create a follow-up as another program would: its own connection, not the window's."""
    conn = open_db(ctx.db_path)
    try:
        clock = FixedClock(ctx.clock.now())
        return create_follow_up(conn, case_ref, ctx.caseworker, due, clock, kind=kind, note=note).id
    finally:
        conn.close()


def add_standard(ctx, on: date, caseworker: Caseworker) -> None:
    conn = open_db(ctx.db_path)
    try:
        ensure_standard_follow_ups(conn, on, FixedClock(at(on, 0, 5)), caseworker.id)
    finally:
        conn.close()


def follow_up_row(ctx, follow_up_id: int) -> dict:
    conn = open_db(ctx.db_path)
    try:
        row = conn.execute("SELECT * FROM follow_ups WHERE id = ?", (follow_up_id,)).fetchone()
    finally:
        conn.close()
    return dict(row) if row else {}


def follow_up_count(ctx) -> int:
    conn = open_db(ctx.db_path)
    try:
        return int(conn.execute("SELECT count(*) FROM follow_ups").fetchone()[0])
    finally:
        conn.close()


def events_for(ctx, follow_up_id: int, kind: str) -> list[dict]:
    conn = open_db(ctx.db_path)
    try:
        rows = conn.execute("SELECT detail FROM events WHERE kind = ?", (kind,)).fetchall()
    finally:
        conn.close()
    details = [json.loads(r[0]) for r in rows]
    return [d for d in details if d.get("follow_up_id") == follow_up_id]
