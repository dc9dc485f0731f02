"""The iCalendar export, read back with a real iCalendar parser."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from app.base.clock import STOCKHOLM, FixedClock
from app.followups.ics import export_ics, scrub, uid_of
from app.followups.recurrence import Recurrence
from app.followups.standard import ensure_standard_follow_ups
from app.followups.store import create_follow_up, delete_follow_up, done_follow_up, snooze_follow_up
from app.priority.profile import Caseworker, resolve_caseworker
from tests.builders import StockBuilder

ON = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=STOCKHOLM)
NAME = "Karin Lindqvist"
PIN = "198005052388"


def at(d: date, h: int = 8, m: int = 0) -> datetime:
    return datetime(d.year, d.month, d.day, h, m, tzinfo=STOCKHOLM)


@pytest.fixture
def hl01(conn: sqlite3.Connection, stock: StockBuilder) -> Caseworker:
    stock.caseworker("hl01", "Anna Andersson")
    stock.case("SP-1", start=ON - timedelta(days=159), person_name=NAME, pin=PIN)
    stock.case("SP-2", start=ON - timedelta(days=59), person_name="Per Holm")
    return resolve_caseworker(conn, "hl01")


@pytest.fixture
def follow_ups(conn, hl01) -> dict[str, int]:
    clock = FixedClock(NOW)
    personal = create_follow_up(
        conn, "SP-1", hl01, at(ON + timedelta(days=1), 9), clock, kind="insured",
        note=f"Ring {NAME} ({PIN[2:8]}-{PIN[8:]}) om arbetsträningen",
    )  # fmt: skip
    recurring = create_follow_up(
        conn, "SP-2", hl01, at(ON + timedelta(days=2), 10), clock, kind="employer",
        recurrence=Recurrence(2, "weeks", count=4),
    )  # fmt: skip
    until = create_follow_up(
        conn, "SP-2", hl01, at(ON + timedelta(days=3), 8), clock,
        recurrence=Recurrence(1, "days", until=ON + timedelta(days=10)),
    )  # fmt: skip
    gone = create_follow_up(conn, "SP-2", hl01, at(ON), clock)
    delete_follow_up(conn, gone.id, hl01, clock)
    closed = create_follow_up(conn, "SP-2", hl01, at(ON), clock)
    done_follow_up(conn, closed.id, hl01, clock)
    ensure_standard_follow_ups(conn, ON, clock)
    return {"personal": personal.id, "recurring": recurring.id, "until": until.id,
            "deleted": gone.id, "done": closed.id}  # fmt: skip


def export(conn, hl01, path: Path, now: datetime = NOW) -> Calendar:
    export_ics(conn, path, hl01, now)
    return Calendar.from_ical(path.read_bytes())


def by_uid(cal: Calendar) -> dict[str, object]:
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def test_export_parses_with_stable_uids(conn, hl01, follow_ups, tmp_path):
    first = by_uid(export(conn, hl01, tmp_path / "a.ics"))
    second = by_uid(export(conn, hl01, tmp_path / "b.ics", NOW + timedelta(hours=3)))
    assert set(first) == set(second)
    for key in ("personal", "recurring", "until"):
        assert uid_of(follow_ups[key]) in first
    assert uid_of(follow_ups["deleted"]) not in first and uid_of(follow_ups["done"]) not in first
    assert uid_of(follow_ups["personal"]) == f"followup-{follow_ups['personal']}@overblick"
    standard = [e for e in first.values() if "Standardbevakning" in e.get("CATEGORIES").cats]
    assert standard  # the chain's follow-ups are exported too, marked apart


def test_event_time_zone_alarm_and_summary(conn, hl01, follow_ups, tmp_path):
    path = tmp_path / "bevakningar.ics"
    cal = export(conn, hl01, path)
    assert str(cal["VERSION"]) == "2.0" and "PRODID" in cal
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/Stockholm"]
    event = by_uid(cal)[uid_of(follow_ups["personal"])]
    assert event["DTSTART"].params["TZID"] == "Europe/Stockholm"
    start = event.decoded("DTSTART")
    assert start == at(ON + timedelta(days=1), 9)
    assert str(start.tzinfo) == "Europe/Stockholm"
    assert str(event["SUMMARY"]) == "Bevakning: SP-1 (den försäkrade)"
    [alarm] = event.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert alarm.decoded("TRIGGER") == timedelta(0)
    assert "DTSTAMP" in event and "RRULE" not in event
    assert "DTSTART;TZID=Europe/Stockholm:20261124T090000" in path.read_text(encoding="utf-8")


def test_recurring_events_carry_an_rrule(conn, hl01, follow_ups, tmp_path):
    events = by_uid(export(conn, hl01, tmp_path / "a.ics"))
    rule = events[uid_of(follow_ups["recurring"])]["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"] and rule["INTERVAL"] == [2] and rule["COUNT"] == [4]
    rule = events[uid_of(follow_ups["until"])]["RRULE"]
    assert rule["FREQ"] == ["DAILY"]
    assert rule["UNTIL"] == [datetime(2026, 12, 3, 7, 0, tzinfo=UTC)]  # 08:00 local, in UTC


def test_no_person_name_or_identity_number_in_the_file(conn, hl01, follow_ups, tmp_path):
    path = tmp_path / "a.ics"
    export(conn, hl01, path)
    text = path.read_bytes().decode("utf-8")
    unfolded = text.replace("\r\n ", "")
    for secret in (NAME, "Karin", "Lindqvist", "Per Holm", "Holm", PIN, PIN[2:8], "2388"):
        assert secret not in unfolded
    assert "Anna Andersson" not in unfolded  # nor the caseworker's name
    event = by_uid(Calendar.from_ical(text))[uid_of(follow_ups["personal"])]
    assert str(event["DESCRIPTION"]) == "Ring [namn] ([personnummer]) om arbetsträningen"


def test_a_change_raises_the_sequence_and_moves_the_start(conn, hl01, follow_ups, tmp_path):
    uid = uid_of(follow_ups["personal"])
    before = by_uid(export(conn, hl01, tmp_path / "a.ics"))[uid]
    snooze_follow_up(
        conn, follow_ups["personal"], hl01, at(ON + timedelta(days=2), 13), FixedClock(NOW)
    )
    after = by_uid(export(conn, hl01, tmp_path / "a.ics"))[uid]
    assert int(after["SEQUENCE"]) == int(before["SEQUENCE"]) + 1
    assert after.decoded("DTSTART") == at(ON + timedelta(days=2), 13)


def test_dst_wall_clock_in_the_file(conn, stock, hl01, tmp_path):
    stock.case("SP-3", start=date(2026, 10, 1))
    fu = create_follow_up(conn, "SP-3", hl01, at(date(2026, 10, 26), 8), FixedClock(NOW))
    event = by_uid(export(conn, hl01, tmp_path / "a.ics"))[uid_of(fu.id)]
    assert event.decoded("DTSTART").astimezone(UTC) == datetime(2026, 10, 26, 7, tzinfo=UTC)


def test_empty_export_is_a_valid_calendar(conn, hl01, tmp_path):
    path = tmp_path / "tom.ics"
    assert export_ics(conn, path, hl01, NOW) == 0
    cal = Calendar.from_ical(path.read_bytes())
    assert cal.walk("VEVENT") == []


def test_scrub():
    assert scrub("Ring Eva Ek, 19800505-2388", ["Eva Ek"]) == "Ring [namn], [personnummer]"
    assert scrub("800505-2388 och 8005052388", []) == "[personnummer] och [personnummer]"
    assert scrub("SP-1 kl 10:00, 2026-12-01", ["Person SP-1"]) == "SP-1 kl 10:00, 2026-12-01"


def test_cli_export(run_cli, conn, hl01, follow_ups, tmp_path):
    path = tmp_path / "ut" / "bevakningar.ics"
    result = run_cli("follow-up", "export", "--ics", str(path), "--as", "hl01", "--on",
                     "2026-11-23")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "exporterade till" in result.stdout
    cal = Calendar.from_ical(path.read_bytes())
    assert uid_of(follow_ups["personal"]) in by_uid(cal)
    as_json = run_cli("follow-up", "export", "--ics", str(path), "--as", "hl01", "--json")
    assert as_json.json() == {"file": str(path), "events": len(cal.walk("VEVENT"))}
    bad = run_cli("follow-up", "export", "--ics", str(tmp_path), "--as", "hl01")
    assert bad.exit_code == 2
