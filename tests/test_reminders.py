"""Reminders: never lost across a restart, never doubled, held in quiet hours, DST-safe.

Every test runs on an injected clock; nothing sleeps.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from app.base.clock import STOCKHOLM, FixedClock
from app.followups.recurrence import Recurrence
from app.followups.reminders import (
    MISSED_LOOKBACK_DAYS,
    WorkingHours,
    due_reminders,
    is_quiet,
    last_seen,
    mark_fired,
    missed_label,
    missed_on_start,
    next_allowed_time,
    next_daily_run,
    next_wakeup,
    set_working_hours,
    touch_last_seen,
    working_hours,
)
from app.followups.store import create_follow_up, done_follow_up, snooze_follow_up, wake_snoozed
from app.followups.when import parse_when
from app.priority.profile import Caseworker, resolve_caseworker
from db import open_db, transaction
from db.queries import put_setting
from tests.builders import StockBuilder

ON = date(2026, 11, 23)  # Monday


def at(d: date, h: int = 8, m: int = 0) -> datetime:
    return datetime(d.year, d.month, d.day, h, m, tzinfo=STOCKHOLM)


@pytest.fixture
def hl01(conn: sqlite3.Connection, stock: StockBuilder) -> Caseworker:
    stock.caseworker("hl01", "Anna Andersson")
    stock.caseworker("hl02", "Bo Berg")
    # Day 60 on ON: no chain checkpoint before 7 December caps the snoozes below.
    stock.case("SP-1", start=ON - timedelta(days=59))
    stock.case("SP-2", start=ON - timedelta(days=59))
    stock.case("SP-9", start=ON - timedelta(days=59), caseworker="hl02")
    return resolve_caseworker(conn, "hl01")


def ids(reminders) -> list[int]:
    return [r.follow_up_id for r in reminders]


def add(conn, cw, when: datetime, case: str = "SP-1", **kw) -> int:
    return create_follow_up(conn, case, cw, when, FixedClock(at(ON, 7)), **kw).id


# -- restart -----------------------------------------------------------------------------------


def test_created_then_killed_is_still_due_after_restart_and_missed(db_path: Path, hl01, conn):
    fid = add(conn, hl01, at(ON, 9))
    conn.close()  # the process dies before 09:00; nothing was fired
    reopened = open_db(db_path)
    try:
        assert ids(due_reminders(reopened, at(ON, 8, 59), hl01)) == []
        now = at(ON, 11)
        assert ids(due_reminders(reopened, now, hl01)) == [fid]
        missed = missed_on_start(reopened, now, at(ON, 8, 30), hl01)
        assert ids(missed) == [fid]
        assert missed_label(len(missed)) == "1 missad påminnelse"
        assert mark_fired(reopened, [fid], now) == 1
    finally:
        reopened.close()
    again = open_db(db_path)
    try:  # once shown it stays shown, across another restart
        assert due_reminders(again, at(ON, 12), hl01) == []
        assert missed_on_start(again, at(ON, 12), at(ON, 8, 30), hl01) == []
    finally:
        again.close()


def test_a_reminder_not_yet_due_is_not_missed(conn, hl01):
    add(conn, hl01, at(ON, 15))
    assert missed_on_start(conn, at(ON, 11), at(ON, 8), hl01) == []
    assert next_wakeup(conn, at(ON, 11), hl01) == at(ON, 15)


def test_missed_reaches_back_to_last_seen_but_old_ones_do_not_pop(conn, hl01):
    old = add(conn, hl01, at(ON - timedelta(days=30), 9))
    recent = add(conn, hl01, at(ON - timedelta(days=2), 9))
    now = at(ON, 9)
    assert ids(due_reminders(conn, now, hl01)) == [recent]
    assert ids(missed_on_start(conn, now, None, hl01)) == [recent]
    away = now - timedelta(days=MISSED_LOOKBACK_DAYS + 30)  # closed for six weeks
    assert ids(missed_on_start(conn, now, away, hl01)) == [old, recent]


def test_last_seen_round_trip(conn, hl01):
    assert last_seen(conn, hl01) is None
    touch_last_seen(conn, hl01, at(ON, 17, 30))
    assert last_seen(conn, hl01) == at(ON, 17, 30)


def test_missed_label():
    assert missed_label(3) == "3 missade påminnelser"
    assert missed_label(1) == "1 missad påminnelse"


# -- never doubled -----------------------------------------------------------------------------


def test_two_follow_ups_at_the_same_minute_both_show(conn, hl01):
    a = add(conn, hl01, at(ON, 10))
    b = add(conn, hl01, at(ON, 10), case="SP-2")
    theirs = create_follow_up(
        conn, "SP-9", resolve_caseworker(conn, "hl02"), at(ON, 10), FixedClock(at(ON, 7))
    ).id
    assert ids(due_reminders(conn, at(ON, 10), hl01)) == [a, b]
    assert ids(due_reminders(conn, at(ON, 10), None)) == [a, b, theirs]
    assert mark_fired(conn, [a, b], at(ON, 10)) == 2
    assert mark_fired(conn, [a, b], at(ON, 10, 1)) == 0  # twice does not double
    assert due_reminders(conn, at(ON, 10, 5), hl01) == []


def test_mark_fired_ignores_what_is_not_yet_due(conn, hl01):
    fid = add(conn, hl01, at(ON, 15))
    assert mark_fired(conn, [fid, 999], at(ON, 10)) == 0
    assert ids(due_reminders(conn, at(ON, 15), hl01)) == [fid]
    assert mark_fired(conn, [], at(ON, 15)) == 0


def test_clock_jumping_back_does_not_fire_again(conn, hl01):
    fid = add(conn, hl01, at(ON, 10))
    assert mark_fired(conn, ids(due_reminders(conn, at(ON, 10, 30), hl01)), at(ON, 10, 30)) == 1
    clock_back = at(ON, 10, 5)  # the system clock is set back 25 minutes
    assert due_reminders(conn, clock_back, hl01) == []
    assert mark_fired(conn, [fid], clock_back) == 0
    assert due_reminders(conn, at(ON, 11), hl01) == []


def test_clock_jumping_forward_is_caught_by_the_reconcile(conn, hl01):
    a = add(conn, hl01, at(ON, 10))
    b = add(conn, hl01, at(ON, 13), case="SP-2")
    # A timer set for 10:00 never ran (suspend, clock jump); the reconcile at 14:00 finds both.
    assert ids(due_reminders(conn, at(ON, 14), hl01)) == [a, b]


def test_recurring_fires_once_per_occurrence_and_advances_once(conn, hl01):
    clock = FixedClock(at(ON, 9, 30))
    fid = add(conn, hl01, at(ON, 9), recurrence=Recurrence(1, "weeks", count=3))
    assert mark_fired(conn, ids(due_reminders(conn, at(ON, 9, 30), hl01)), at(ON, 9, 30)) == 1
    assert mark_fired(conn, [fid], at(ON, 9, 31)) == 0
    assert due_reminders(conn, at(ON, 9, 45), hl01) == []
    advanced = done_follow_up(conn, fid, hl01, clock)
    assert advanced.due_at == at(ON + timedelta(weeks=1), 9) and advanced.occurrences == 1
    assert due_reminders(conn, at(ON + timedelta(days=6), 9), hl01) == []
    next_week = at(ON + timedelta(weeks=1), 9)
    [reminder] = due_reminders(conn, next_week, hl01)
    assert reminder.recurring and reminder.follow_up_id == fid
    assert mark_fired(conn, [fid], next_week) == 1
    assert mark_fired(conn, [fid], next_week) == 0


# -- snooze and DST ----------------------------------------------------------------------------


def test_snooze_across_the_dst_change_keeps_the_wall_clock(conn, stock, hl01):
    stock.case("SP-D", start=date(2026, 10, 1))  # no chain checkpoint from 23 to 30 Oct
    friday = at(date(2026, 10, 23), 16)  # CEST, UTC+2
    fid = add(conn, hl01, at(date(2026, 10, 23), 9), case="SP-D")
    until = parse_when("mån 08:00", friday)  # Monday 26 Oct, CET after Sunday's change
    snooze_follow_up(conn, fid, hl01, until, FixedClock(friday))
    stored = conn.execute("SELECT snoozed_until FROM follow_ups WHERE id = ?", (fid,)).fetchone()
    assert stored[0] == "2026-10-26T07:00:00+00:00"  # 08:00 CET, not 08:00 - 72 h of CEST
    monday = date(2026, 10, 26)
    assert due_reminders(conn, at(monday, 7, 59), hl01) == []
    [reminder] = due_reminders(conn, at(monday, 8), hl01)
    assert reminder.snoozed and reminder.fire_at == at(monday, 8)
    assert reminder.fire_at.astimezone(UTC).hour == 7


def test_snooze_to_sunday_morning_across_dst_is_held_to_monday(conn, stock, hl01):
    stock.case("SP-D", start=date(2026, 10, 1))
    saturday = at(date(2026, 10, 24), 10)
    fid = add(conn, hl01, at(date(2026, 10, 23), 9), case="SP-D")
    snooze_follow_up(conn, fid, hl01, parse_when("i morgon 08:00", saturday), FixedClock(saturday))
    sunday_8 = at(date(2026, 10, 25), 8)
    assert sunday_8.astimezone(UTC) == datetime(2026, 10, 25, 7, tzinfo=UTC)
    assert due_reminders(conn, at(date(2026, 10, 25), 12), hl01) == []  # Sunday: quiet
    [reminder] = due_reminders(conn, at(date(2026, 10, 26), 7), hl01)
    assert reminder.fire_at == sunday_8 and reminder.show_at == at(date(2026, 10, 26), 7)


def test_snooze_one_hour_over_the_night_of_the_change_is_an_hour(conn, hl01):
    night = datetime(2026, 10, 25, 2, 30, tzinfo=STOCKHOLM, fold=0)  # first 02:30 (CEST)
    moment = parse_when("+1h", night)
    assert moment.astimezone(UTC) - night.astimezone(UTC) == timedelta(hours=1)


def test_a_woken_snooze_shows_again(conn, stock, hl01):
    fid = add(conn, hl01, at(ON, 9))
    assert mark_fired(conn, [fid], at(ON, 9)) == 1
    snooze_follow_up(conn, fid, hl01, at(ON + timedelta(days=3)), FixedClock(at(ON, 9, 5)))
    assert due_reminders(conn, at(ON, 11), hl01) == []
    case_id = conn.execute("SELECT case_id FROM follow_ups WHERE id = ?", (fid,)).fetchone()[0]
    assert wake_snoozed(conn, case_id, "certificate", FixedClock(at(ON, 11))) == [fid]
    assert ids(due_reminders(conn, at(ON, 11), hl01)) == [fid]


def test_a_snooze_fires_again_after_the_first_reminder(conn, hl01):
    fid = add(conn, hl01, at(ON, 9))
    mark_fired(conn, [fid], at(ON, 9))
    snooze_follow_up(conn, fid, hl01, parse_when("+1h", at(ON, 9, 2)), FixedClock(at(ON, 9, 2)))
    assert due_reminders(conn, at(ON, 10, 1), hl01) == []
    assert ids(due_reminders(conn, at(ON, 10, 2), hl01)) == [fid]


# -- quiet hours -------------------------------------------------------------------------------


def test_a_19_00_reminder_is_held_to_07_00_next_working_day(conn, hl01):
    fid = add(conn, hl01, at(ON, 19))
    assert due_reminders(conn, at(ON, 19, 30), hl01) == []
    assert due_reminders(conn, at(ON + timedelta(days=1), 6, 59), hl01) == []
    [reminder] = due_reminders(conn, at(ON + timedelta(days=1), 7), hl01)
    assert reminder.follow_up_id == fid and reminder.show_at == at(ON + timedelta(days=1), 7)
    assert next_wakeup(conn, at(ON, 19, 30), hl01) == at(ON + timedelta(days=1), 7)


def test_friday_evening_and_christmas_are_held(conn, hl01):
    assert next_allowed_time(at(date(2026, 11, 27), 19)) == at(date(2026, 11, 30), 7)
    assert next_allowed_time(at(date(2026, 12, 23), 19)) == at(date(2026, 12, 28), 7)
    add(conn, hl01, at(date(2026, 12, 23), 19))
    assert due_reminders(conn, at(date(2026, 12, 27), 12), hl01) == []
    assert len(due_reminders(conn, at(date(2026, 12, 28), 7), hl01)) == 1


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (at(ON, 10), at(ON, 10)),  # inside working hours
        (at(ON, 7), at(ON, 7)),  # the start is inside
        (at(ON, 6, 30), at(ON, 7)),  # before the start: the same morning
        (at(ON, 18), at(ON + timedelta(days=1), 7)),  # the end is outside
        (at(date(2026, 11, 28), 10), at(date(2026, 11, 30), 7)),  # Saturday
        (at(date(2026, 3, 27), 20), at(date(2026, 3, 30), 7)),  # over the spring change
    ],
)
def test_next_allowed_time(moment: datetime, expected: datetime):
    got = next_allowed_time(moment)
    assert got == expected and got.tzinfo is STOCKHOLM
    assert is_quiet(moment) == (got != moment)


def test_next_allowed_time_accepts_utc_and_setting_dicts():
    moment = at(ON, 19).astimezone(UTC)
    assert next_allowed_time(moment, {"start": "08:30", "end": "16:00"}) == at(
        ON + timedelta(days=1), 8, 30
    )


def test_working_hours_from_settings(conn, hl01):
    assert working_hours(conn, hl01) == WorkingHours(time(7), time(18))
    with transaction(conn):
        put_setting(conn, "reminders.working_hours", {"start": "08:00", "end": "16:00"})
    assert working_hours(conn, hl01) == WorkingHours(time(8), time(16))
    set_working_hours(conn, "06:30", "15:00", hl01)  # the caseworker's own hours win
    assert working_hours(conn, hl01) == WorkingHours(time(6, 30), time(15))
    fid = add(conn, hl01, at(ON, 15, 30))
    assert due_reminders(conn, at(ON, 15, 45), hl01) == []
    assert ids(due_reminders(conn, at(ON + timedelta(days=1), 6, 30), hl01)) == [fid]


def test_bad_working_hours_are_refused_and_a_bad_stored_value_falls_back(conn, hl01):
    from app.base.errors import InvalidInputError

    with pytest.raises(InvalidInputError):
        set_working_hours(conn, "18:00", "07:00")
    with pytest.raises(InvalidInputError):
        set_working_hours(conn, "sju", "18:00")
    with transaction(conn):
        put_setting(conn, "reminders.working_hours", {"start": "x", "end": "y"})
    assert working_hours(conn, hl01) == WorkingHours()


def test_deleted_done_and_closed_case_follow_ups_do_not_remind(conn, stock, hl01):
    from app.followups.store import delete_follow_up

    clock = FixedClock(at(ON, 7))
    deleted = add(conn, hl01, at(ON, 9))
    delete_follow_up(conn, deleted, hl01, clock)
    done = add(conn, hl01, at(ON, 9))
    done_follow_up(conn, done, hl01, clock)
    closing = add(conn, hl01, at(ON, 9), case="SP-2")
    conn.execute("UPDATE cases SET status = 'closed' WHERE case_ref = 'SP-2'")
    assert closing and due_reminders(conn, at(ON, 10), hl01) == []


def test_next_daily_run():
    assert next_daily_run(at(ON, 10)) == at(ON + timedelta(days=1), 0, 5)
    assert next_daily_run(at(ON, 0, 1)) == at(ON, 0, 5)
    # Over the autumn change the run is still 00:05 local.
    assert next_daily_run(at(date(2026, 10, 24), 23)) == at(date(2026, 10, 25), 0, 5)
