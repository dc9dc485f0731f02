"""``overblick reminders`` and the global ``--now``: the command line shows exactly what the
window's scheduler would (same engine calls) and marks a reminder seen the way it does."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta

import pytest

from app.base.clock import STOCKHOLM, utc_iso
from app.followups.reminders import due_reminders, missed_on_start, touch_last_seen
from app.priority.profile import resolve_caseworker
from tests.builders import StockBuilder

ON = date(2026, 11, 23)  # Monday
NOW = "2026-11-23 10:00"


@pytest.fixture
def reminders(stock: StockBuilder) -> dict[str, int]:
    """hl01's follow-ups: due 09:00 today, due 11:00 today, due 20 days ago; one of hl02's."""
    stock.caseworker("hl01", "Anna Andersson")
    stock.caseworker("hl02", "Bo Berg")
    stock.caseworker("lead01", "Lea Ledare", role="lead")
    one = stock.case("SP-1", start=ON - timedelta(days=59))
    other = stock.case("SP-9", start=ON - timedelta(days=59), caseworker="hl02")
    return {
        "nine": stock.follow_up(one, ON, hour=9),
        "eleven": stock.follow_up(one, ON, hour=11),
        "old": stock.follow_up(one, ON - timedelta(days=20), hour=9),
        "theirs": stock.follow_up(other, ON, hour=9),
    }


def listed(result) -> list[int]:
    return [r["id"] for r in result.json()["reminders"]]


def test_due_is_what_the_window_would_show_at_the_given_minute(run_cli, reminders, conn):
    result = run_cli("--now", NOW, "reminders", "due", "--as", "hl01", "--json")
    assert result.exit_code == 0, result.stderr
    assert listed(result) == [reminders["nine"]]  # 11:00 not yet; the old one is past 14 days
    me = resolve_caseworker(conn, "hl01")
    moment = datetime(2026, 11, 23, 10, 0, tzinfo=STOCKHOLM)
    assert listed(result) == [r.follow_up_id for r in due_reminders(conn, moment, me)]
    item = result.json()["reminders"][0]
    assert item["case_id"] == "SP-1" and item["kind_label"] == "den försäkrade"
    assert result.json()["now"] == utc_iso(moment)
    later = run_cli("--now", "2026-11-23 11:00", "reminders", "due", "--as", "hl01", "--json")
    assert listed(later) == [reminders["nine"], reminders["eleven"]]


def test_on_alone_means_eight_o_clock_and_quiet_hours_hold_a_reminder(
    run_cli, reminders, stock: StockBuilder
):
    morning = run_cli("reminders", "due", "--as", "hl01", "--on", "2026-11-23", "--json")
    assert listed(morning) == []  # 08:00: the 09:00 reminder has not come
    evening = stock.follow_up(stock.conn.execute("SELECT id FROM cases").fetchone()[0], ON, hour=19)
    late = run_cli("--now", "2026-11-23 19:30", "reminders", "due", "--as", "hl01", "--json")
    assert evening not in listed(late)  # held by quiet hours, as the window holds it
    assert listed(late) == [reminders["nine"], reminders["eleven"]]
    next_morning = run_cli(
        "--now", "2026-11-24 07:00", "reminders", "due", "--as", "hl01", "--json"
    )
    assert evening in listed(next_morning)
    text = run_cli("--now", NOW, "reminders", "due", "--as", "hl01")
    assert text.exit_code == 0
    assert text.stdout.splitlines()[0] == "1 påminnelse för hl01 just nu."
    assert f"#{reminders['nine']}" in text.stdout and "SP-1" in text.stdout
    none = run_cli("--now", "2026-11-23 08:30", "reminders", "due", "--as", "hl01")
    assert none.stdout.splitlines()[0] == "Inga påminnelser för hl01 just nu."


def test_missed_reaches_back_to_the_last_seen_window(run_cli, reminders, conn):
    me = resolve_caseworker(conn, "hl01")
    touch_last_seen(conn, me, datetime(2026, 10, 30, 17, 0, tzinfo=STOCKHOLM))
    # Reached only through the last-seen time: 20 days back is past the 14-day lookback.
    result = run_cli("--now", NOW, "reminders", "missed", "--as", "hl01", "--json")
    assert result.exit_code == 0, result.stderr
    assert sorted(listed(result)) == sorted([reminders["old"], reminders["nine"]])
    moment = datetime(2026, 11, 23, 10, 0, tzinfo=STOCKHOLM)
    seen = datetime(2026, 10, 30, 17, 0, tzinfo=STOCKHOLM)
    assert listed(result) == [r.follow_up_id for r in missed_on_start(conn, moment, seen, me)]
    assert result.json()["last_seen"] == utc_iso(seen)
    text = run_cli("--now", NOW, "reminders", "missed", "--as", "hl01")
    assert text.stdout.startswith("2 missade påminnelser för hl01")
    assert fired(conn) == 0  # listing writes nothing: the window would still show them


def test_ack_marks_seen_like_the_window_and_takes_the_id_as_listed(run_cli, reminders, conn):
    nine = reminders["nine"]
    result = run_cli("--now", NOW, "reminders", "ack", f"#{nine}", "--as", "hl01")
    assert result.exit_code == 0, result.stderr
    assert f"#{nine}" in result.stdout
    assert listed(run_cli("--now", NOW, "reminders", "due", "--as", "hl01", "--json")) == []
    me = resolve_caseworker(conn, "hl01")
    assert due_reminders(conn, datetime(2026, 11, 23, 10, tzinfo=STOCKHOLM), me) == []
    again = run_cli("--now", NOW, "reminders", "ack", str(nine), "--as", "hl01", "--json")
    assert again.exit_code == 0
    assert again.json() == {"acknowledged": [], "already": [nine]}


def fired(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM follow_ups WHERE fired_at IS NOT NULL").fetchone()[0]


@pytest.mark.parametrize(
    ("which", "message"),
    [
        ("unknown", "ingen bevakning med nummer 999"),
        ("eleven", "har inte kommit än (den kommer 2026-11-23 11:00)"),
        ("theirs", "hör till en annan handläggare"),
    ],
)
def test_ack_refuses_all_when_one_cannot_be_acknowledged(
    run_cli, reminders, conn, which: str, message: str
):
    bad = "999" if which == "unknown" else str(reminders[which])
    result = run_cli("--now", NOW, "reminders", "ack", str(reminders["nine"]), bad, "--as", "hl01")
    assert result.exit_code == 2
    assert message in result.stderr and result.stderr.count("\n") == 1
    assert fired(conn) == 0  # all or none


def test_now_is_a_global_clock_for_every_command(run_cli, reminders):
    today = run_cli("--now", "2026-11-24 09:30", "today", "--as", "hl01", "--json").json()
    assert today["on"] == "2026-11-24"
    listing = run_cli("--now", NOW, "follow-up", "list", "--as", "hl01", "--json").json()
    assert listing["now"] == "2026-11-23T09:00:00+00:00"


@pytest.mark.parametrize("value", ["i morgon", "2026-11-23", "2026-13-01 10:00", "10:00"])
def test_a_bad_now_is_one_swedish_line_and_exit_2(run_cli, reminders, value: str):
    result = run_cli("--now", value, "reminders", "due", "--as", "hl01")
    assert result.exit_code == 2
    assert "ÅÅÅÅ-MM-DD HH:MM" in result.stderr and result.stderr.count("\n") == 1


def test_now_and_on_together_are_refused(run_cli, reminders, conn):
    result = run_cli("--now", NOW, "reminders", "ack", "1", "--on", "2026-11-23", "--as", "hl01")
    assert result.exit_code == 2
    assert "--now" in result.stderr and "--on" in result.stderr
    assert fired(conn) == 0
