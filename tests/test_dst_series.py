"""A repeating follow-up keeps its own wall-clock time over the daylight-saving changes.

Stockholm: summer time starts the last Sunday of March (02:00 -> 03:00) and ends the last
Sunday of October (03:00 -> 02:00). A series at 02:30 is at 03:30 on the spring night (02:30
does not exist) and back at 02:30 the next time; on the autumn night 02:30 happens twice
and the series takes the first (summer time). Daily, weekly and monthly, over the 2026 and
2027 changes.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from app.base.clock import STOCKHOLM, FixedClock
from app.followups.ics import export_ics, uid_of
from app.followups.recurrence import Recurrence, add_months
from app.followups.store import (
    create_follow_up,
    done_follow_up,
    get_follow_up,
    reschedule_follow_up,
)
from app.followups.when import parse_every
from app.priority.profile import Caseworker, resolve_caseworker
from db import open_db
from tests.builders import StockBuilder

SPRING = {date(2026, 3, 29), date(2027, 3, 28)}
AUTUMN = {date(2026, 10, 25), date(2027, 10, 31)}
CLOCK = FixedClock(datetime(2026, 1, 5, 9, tzinfo=STOCKHOLM))


def wall(d: date, hour: int, minute: int) -> datetime:
    """The wall-clock time as written, in Stockholm (fold=0: the first when it repeats)."""
    return datetime.combine(d, time(hour, minute), tzinfo=STOCKHOLM)


@pytest.fixture
def hl01(conn: sqlite3.Connection, stock: StockBuilder) -> Caseworker:
    stock.caseworker("hl01", "Anna Andersson")
    stock.case("SP-1", start=date(2025, 12, 1))
    return resolve_caseworker(conn, "hl01")


def run_series(conn, hl01, first: datetime, rec: Recurrence, n: int) -> list[datetime]:
    """Create the series, mark it done n-1 times: the n occurrences, in local time."""
    fu = create_follow_up(conn, "SP-1", hl01, first, CLOCK, recurrence=rec)
    seen = [fu.due_at.astimezone(STOCKHOLM)]
    for _ in range(n - 1):
        fu = done_follow_up(conn, fu.id, hl01, CLOCK)
        assert fu.state == "open"
        seen.append(fu.due_at.astimezone(STOCKHOLM))
    return seen


SERIES = [
    # (name, unit, first date, the dates expected, one a DST night)
    ("daily spring 2026", "days", date(2026, 3, 27), [date(2026, 3, d) for d in range(27, 32)]),
    ("daily autumn 2026", "days", date(2026, 10, 23), [date(2026, 10, d) for d in range(23, 28)]),
    ("daily spring 2027", "days", date(2027, 3, 26), [date(2027, 3, d) for d in range(26, 31)]),
    ("daily autumn 2027", "days", date(2027, 10, 29),
     [date(2027, 10, 29), date(2027, 10, 30), date(2027, 10, 31), date(2027, 11, 1),
      date(2027, 11, 2)]),
    ("weekly spring 2026", "weeks", date(2026, 3, 15),
     [date(2026, 3, 15) + timedelta(weeks=k) for k in range(5)]),
    ("weekly autumn 2026", "weeks", date(2026, 10, 11),
     [date(2026, 10, 11) + timedelta(weeks=k) for k in range(5)]),
    ("weekly spring 2027", "weeks", date(2027, 3, 14),
     [date(2027, 3, 14) + timedelta(weeks=k) for k in range(5)]),
    ("weekly autumn 2027", "weeks", date(2027, 10, 17),
     [date(2027, 10, 17) + timedelta(weeks=k) for k in range(5)]),
    # Monthly on the 29th: February has no 29th in 2026, so 28 Feb, then the 29th again.
    ("monthly spring 2026", "months", date(2026, 1, 29),
     [date(2026, 1, 29), date(2026, 2, 28), date(2026, 3, 29), date(2026, 4, 29),
      date(2026, 5, 29)]),
    ("monthly autumn 2026", "months", date(2026, 8, 25),
     [date(2026, 8, 25), date(2026, 9, 25), date(2026, 10, 25), date(2026, 11, 25),
      date(2026, 12, 25)]),
    ("monthly spring 2027", "months", date(2027, 1, 28),
     [date(2027, 1, 28), date(2027, 2, 28), date(2027, 3, 28), date(2027, 4, 28),
      date(2027, 5, 28)]),
    # On the 31st: the 30th in September and November, the 31st in October and December.
    ("monthly autumn 2027", "months", date(2027, 8, 31),
     [date(2027, 8, 31), date(2027, 9, 30), date(2027, 10, 31), date(2027, 11, 30),
      date(2027, 12, 31)]),
]  # fmt: skip


@pytest.mark.parametrize(("unit", "first", "dates"), [s[1:] for s in SERIES],
                         ids=[s[0] for s in SERIES])  # fmt: skip
def test_a_series_at_0230_keeps_its_hour_over_both_dst_nights(conn, hl01, unit, first, dates):
    seen = run_series(conn, hl01, wall(first, 2, 30), Recurrence(1, unit), len(dates))
    assert [s.date() for s in seen] == dates
    assert [s.strftime("%H:%M") for s in seen] == [
        "03:30" if d in SPRING else "02:30" for d in dates
    ]
    assert set(dates) & (SPRING | AUTUMN)  # each run goes over one of the nights
    for s in seen:
        if s.date() in SPRING:  # 02:30 does not exist: the gap's hour later, 01:30 UTC
            assert s.astimezone(UTC).strftime("%H:%M") == "01:30"
        if s.date() in AUTUMN:  # 02:30 happens twice: the first, in summer time
            assert s.utcoffset() == timedelta(hours=2)
            assert s.astimezone(UTC).strftime("%H:%M") == "00:30"


@pytest.mark.parametrize(("unit", "first", "dates"), [s[1:] for s in SERIES],
                         ids=[s[0] for s in SERIES])  # fmt: skip
def test_an_0800_series_stays_at_0800(conn, hl01, unit, first, dates):
    seen = run_series(conn, hl01, wall(first, 8, 0), Recurrence(1, unit), len(dates))
    assert [s.strftime("%H:%M") for s in seen] == ["08:00"] * len(dates)


def test_a_weekly_series_over_a_whole_year(conn, hl01):
    """53 Sundays from January 2026: both 2026 nights pass; the time never drifts."""
    first = wall(date(2026, 1, 4), 2, 30)  # a Sunday: the changes fall on Sundays
    seen = run_series(conn, hl01, first, Recurrence(1, "weeks"), 53)
    times = {s.strftime("%H:%M") for s in seen if s.date() not in SPRING}
    assert times == {"02:30"}
    assert [s.strftime("%H:%M") for s in seen if s.date() in SPRING] == ["03:30"]


def test_the_series_time_is_stored_with_it(conn, hl01):
    fu = create_follow_up(
        conn, "SP-1", hl01, wall(date(2026, 3, 22), 2, 30), CLOCK,
        recurrence=Recurrence(1, "weeks"),
    )  # fmt: skip
    stored = json.loads(
        conn.execute("SELECT recurrence FROM follow_ups WHERE id = ?", (fu.id,)).fetchone()[0]
    )
    assert stored["at"] == "02:30" and stored["day"] is None
    gap_night = done_follow_up(conn, fu.id, hl01, CLOCK)
    assert gap_night.due_at.astimezone(STOCKHOLM).strftime("%H:%M") == "03:30"
    assert gap_night.recurrence is not None and gap_night.recurrence.at == time(2, 30)


def test_a_rescheduled_series_goes_on_at_its_new_time_and_day(conn, hl01):
    fu = create_follow_up(
        conn, "SP-1", hl01, wall(date(2026, 1, 31), 2, 30), CLOCK,
        recurrence=Recurrence(1, "months"),
    )  # fmt: skip
    moved = reschedule_follow_up(conn, fu.id, hl01, wall(date(2026, 2, 15), 9, 15), CLOCK)
    assert moved.recurrence is not None
    assert (moved.recurrence.at, moved.recurrence.day) == (time(9, 15), 15)
    nxt = done_follow_up(conn, fu.id, hl01, CLOCK)
    assert nxt.due_at == wall(date(2026, 3, 15), 9, 15)


def test_add_months_keeps_the_day_or_takes_the_months_last():
    assert add_months(date(2026, 1, 31), 1, 31) == date(2026, 2, 28)
    assert add_months(date(2026, 2, 28), 1, 31) == date(2026, 3, 31)
    assert add_months(date(2027, 12, 31), 2, 31) == date(2028, 2, 29)  # leap year
    assert add_months(date(2026, 11, 15), 3, 15) == date(2027, 2, 15)


@pytest.mark.parametrize(("text", "expected"),
                         [("1m", (1, "months")), ("2 månader", (2, "months")),
                          ("1 månad", (1, "months")), ("3 months", (3, "months")),
                          ("2w", (2, "weeks")), ("3d", (3, "days"))])  # fmt: skip
def test_every_reads_months(text, expected):
    assert parse_every(text) == expected


def test_cli_adds_a_monthly_series(run_cli, hl01):
    result = run_cli("follow-up", "add", "SP-1", "--at", "2026-01-31 09:00", "--every", "1m",
                     "--count", "3", "--as", "hl01", "--json")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.json()["follow_up"]["recurrence"] == {
        "every": 1, "unit": "months", "until": None, "count": 3, "at": "09:00", "day": 31,
    }  # fmt: skip
    text = run_cli("follow-up", "list", "--as", "hl01", "--on", "2026-01-05")
    assert "återkommer var månad, 3 gånger" in text.stdout


# --- the iCalendar export ---------------------------------------------------------------------


def test_ics_series_start_at_its_own_time_and_monthly_rule(conn, hl01, tmp_path: Path):
    weekly = create_follow_up(
        conn, "SP-1", hl01, wall(date(2026, 3, 22), 2, 30), CLOCK,
        recurrence=Recurrence(1, "weeks"),
    )  # fmt: skip
    done_follow_up(conn, weekly.id, hl01, CLOCK)  # now on the spring night: 03:30 that day
    monthly = create_follow_up(
        conn, "SP-1", hl01, wall(date(2026, 1, 31), 9, 0), CLOCK,
        recurrence=Recurrence(1, "months", count=4),
    )  # fmt: skip
    path = tmp_path / "b.ics"
    export_ics(conn, path, hl01, CLOCK.now())
    events = {str(e["UID"]): e for e in Calendar.from_ical(path.read_bytes()).walk("VEVENT")}
    weekly_event = events[uid_of(weekly.id)]
    # The series' 02:30, written as asked with its TZID: calendars move it that night only.
    assert weekly_event["DTSTART"].to_ical() == b"20260329T023000"
    assert weekly_event["DTSTART"].params["TZID"] == "Europe/Stockholm"
    rule = events[uid_of(monthly.id)]["RRULE"]
    assert rule["FREQ"] == ["MONTHLY"] and rule["COUNT"] == [4]
    assert rule["BYMONTHDAY"] == [28, 29, 30, 31] and rule["BYSETPOS"] == [-1]


# --- series stored before the time was ---------------------------------------------------------


def test_the_migration_gives_a_drifted_series_its_time_back(tmp_path: Path):
    """Schema 6 kept no time of day: a 02:30 series done on the spring night stayed at 03:30.
    Migration 7 takes the time the caseworker gave (the creation or last reschedule event)."""
    path = tmp_path / "old.db"
    conn = open_db(path)
    stock = StockBuilder(conn)
    stock.caseworker("hl01", "Anna Andersson")
    case_id = stock.case("SP-1", start=date(2025, 12, 1))
    old = json.dumps({"every": 1, "unit": "weeks", "until": None, "count": None})
    drifted_due = wall(date(2026, 4, 5), 3, 30).astimezone(UTC).isoformat()
    rows = {}
    for name, due in (("drifted", drifted_due), ("no events", drifted_due)):
        rows[name] = conn.execute(
            "INSERT INTO follow_ups(case_id, owner_id, due_at, kind, origin, state, recurrence, "
            "occurrences) VALUES (?, 1, ?, 'other', 'personal', 'open', ?, 2)",
            (case_id, due, old),
        ).lastrowid
    created = wall(date(2026, 3, 22), 2, 30).astimezone(UTC).isoformat()
    conn.execute(
        "INSERT INTO events(case_id, at, actor, kind, detail) VALUES (?, ?, 'hl01', "
        "'follow_up.created', ?)",
        (case_id, created, json.dumps({"follow_up_id": rows["drifted"], "due_at": created})),
    )
    conn.execute("PRAGMA user_version = 6")
    conn.close()

    conn = open_db(path)  # migrates
    hl01 = resolve_caseworker(conn, "hl01")
    fixed = get_follow_up(conn, rows["drifted"])
    assert fixed.recurrence is not None and fixed.recurrence.at == time(2, 30)
    nxt = done_follow_up(conn, fixed.id, hl01, CLOCK)
    assert nxt.due_at == wall(date(2026, 4, 12), 2, 30)  # back at 02:30
    # Without an event to tell, the series keeps the time it has now.
    kept = get_follow_up(conn, rows["no events"])
    assert kept.recurrence is not None and kept.recurrence.at == time(3, 30)
    conn.close()
