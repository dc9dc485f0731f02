"""The overblick command: JSON shapes, exit codes and messages for bad input."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.builders import StockBuilder

ON = date(2026, 11, 23)


@pytest.fixture
def small_stock(stock: StockBuilder) -> StockBuilder:
    stock.caseworker("hl01", "Anna Andersson")
    stock.caseworker("hl02", "Bo Berg")
    urgent = stock.case("SP-1", start=ON - timedelta(days=199))  # day 200, no ÖS position
    stock.impulse(urgent, ON - timedelta(days=3), "cert_coordination_need")
    quiet = stock.case("SP-2", start=ON - timedelta(days=9))
    stock.plan(quiet, ON)
    stock.case("SP-3", start=ON - timedelta(days=40), benefit_decision_pending=1)
    stock.case("SP-9", start=ON - timedelta(days=40), caseworker="hl02")
    return stock


def test_chain_json_needs_no_database(run_cli, tmp_path: Path):
    result = run_cli(
        "chain", "--period", "2026-01-01:2026-01-31", "--period", "2026-03-01:",
        "--on", "2026-03-10", "--json", db=None,
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    data = result.json()
    assert set(data) >= {"on", "day", "phase", "employment", "milestones"}
    assert data["day"] == 41
    assert data["phase"] == "1-90"
    assert all(set(m) >= {"key", "day", "date", "status"} for m in data["milestones"])
    assert not list(tmp_path.glob("*.db"))


def test_chain_unemployed_has_no_employer_milestones(run_cli):
    result = run_cli(
        "chain", "--period", "2026-01-01:", "--employment", "unemployed", "--on", "2026-02-01",
        "--json", db=None,
    )  # fmt: skip
    keys = {m["key"] for m in result.json()["milestones"]}
    assert "day_90" not in keys and "day_181" not in keys
    assert {"phone_day_60", "day_180", "day_364"} <= keys


def test_today_json_shape_planned_lane_and_order(run_cli, small_stock):
    result = run_cli("today", "--as", "hl01", "--on", ON.isoformat(), "--json")
    assert result.exit_code == 0, result.stderr
    data = result.json()
    assert data["on"] == "2026-11-23" and data["caseworker"] == "hl01"
    assert [i["case_id"] for i in data["planned"]] == ["SP-2"]
    ranked = data["ranked"]
    assert [i["case_id"] for i in ranked] == ["SP-1", "SP-3"]
    assert ranked[0]["score"] >= ranked[1]["score"]
    item = ranked[0]
    assert set(item) == {"case_id", "score", "day", "phase", "next_milestone", "reasons"}
    assert item["day"] == 200 and item["phase"] == "181-365"
    assert set(item["next_milestone"]) == {"key", "label", "date", "days_left"}
    assert all(set(r) == {"key", "points", "text"} for r in item["reasons"])
    assert "SP-9" not in result.stdout  # another caseworker's case


def test_today_limit(run_cli, small_stock):
    data = run_cli("today", "--as", "hl01", "--on", "2026-11-23", "--limit", "1", "--json").json()
    assert len(data["ranked"]) == 1


def test_today_text_output_is_swedish(run_cli, small_stock):
    result = run_cli("today", "--as", "hl01", "--on", "2026-11-23")
    assert result.exit_code == 0
    assert "Planerat i dag" in result.stdout and "SP-1" in result.stdout


def test_plan_moves_a_case_into_that_days_lane_and_writes_an_event(run_cli, small_stock):
    plan = ("--now", "2026-11-23 10:00", "plan", "SP-1", "--date", "2026-11-24", "--as", "hl01")
    assert run_cli(*plan).exit_code == 0
    tomorrow = run_cli("today", "--as", "hl01", "--on", "2026-11-24", "--json").json()
    assert "SP-1" in [i["case_id"] for i in tomorrow["planned"]]
    today = run_cli("today", "--as", "hl01", "--on", "2026-11-23", "--json").json()
    assert "SP-1" not in [i["case_id"] for i in today["planned"]]
    events = small_stock.conn.execute("SELECT kind, actor FROM events").fetchall()
    assert [tuple(e) for e in events] == [("plan.set", "hl01")]
    assert run_cli("plan", "SP-1", "--clear", "--as", "hl01").exit_code == 0
    again = run_cli("today", "--as", "hl01", "--on", "2026-11-24", "--json").json()
    assert "SP-1" not in [i["case_id"] for i in again["planned"]]


def test_plan_needs_exactly_one_of_date_or_clear(run_cli, small_stock):
    result = run_cli("plan", "SP-1", "--as", "hl01")
    assert result.exit_code == 2
    assert "--date" in result.stderr


def test_explain_lists_every_contribution(run_cli, small_stock):
    data = run_cli("explain", "SP-1", "--as", "hl01", "--on", "2026-11-23", "--json").json()
    assert data["case"]["case_id"] == "SP-1"
    assert data["chain"]["day"] == 200
    keys = {r["key"] for r in data["reasons"]}
    assert "milestone.day_181.missing" in keys
    assert "impulse.cert_coordination_need" in keys
    assert data["score"] == pytest.approx(sum(r["points"] for r in data["reasons"]), abs=0.5)
    assert len(data["impulses"]) == 1
    assert "2388" not in data["case"]["pin"]  # masked


def test_stock_counts(run_cli, small_stock):
    data = run_cli("stock", "--as", "hl01", "--on", "2026-11-23", "--json").json()
    assert data["cases"] == 3
    assert data["phases"]["1-90"]["cases"] == 2
    assert data["phases"]["181-365"]["cases"] == 1
    assert data["totals"]["open_impulses"] == 1
    assert data["backlogs"]["benefit_decision"] == 1
    assert data["past_181_without_os_position"] == 1


def test_personal_weight_changes_the_ranking_at_once(run_cli, small_stock):
    before = run_cli("today", "--as", "hl01", "--on", "2026-11-23", "--json").json()
    assert before["ranked"][0]["case_id"] == "SP-1"
    for key in ("milestone.missing_position", "impulse.cert_coordination_need"):
        assert run_cli("weights", "--as", "hl01", "set", key, "0").exit_code == 0
    run_cli("weights", "--as", "hl01", "set", "milestone.missing_position_per_day", "0")
    run_cli("weights", "--as", "hl01", "set", "impulse.per_day", "0")
    after = run_cli("today", "--as", "hl01", "--on", "2026-11-23", "--json").json()
    assert after["ranked"][0]["case_id"] == "SP-3"
    other = run_cli("today", "--as", "hl02", "--on", "2026-11-23", "--json")
    assert other.exit_code == 0  # hl02 still on the team standard


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("explain", "SP-404", "--on", "2026-11-23"), "SP-404"),
        (("today", "--as", "hl01", "--on", "2026-13-45"), "ÅÅÅÅ-MM-DD"),
        (("today", "--as", "nobody", "--on", "2026-11-23"), "nobody"),
        (("chain", "--period", "2026-05-01:2026-04-01", "--json"), "slutar före"),
        (("plan", "SP-1", "--date", "igår", "--as", "hl01"), "ÅÅÅÅ-MM-DD"),
        (("weights", "--as", "hl01", "set", "no.such", "1"), "Okänd vikt"),
    ],
)
def test_bad_input_exits_2_with_one_line(run_cli, small_stock, args, message):
    result = run_cli(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_not_a_database_file_exits_2_and_is_untouched(run_cli, tmp_path: Path):
    bad = tmp_path / "notes.txt"
    bad.write_bytes(b"hello, not sqlite")
    result = run_cli("today", "--on", "2026-11-23", db=bad)
    assert result.exit_code == 2
    assert "ingen Överblick-databas" in result.stderr
    assert bad.read_bytes() == b"hello, not sqlite"


def test_who_am_i_must_be_given_when_the_team_has_several(run_cli, small_stock):
    result = run_cli("today", "--on", "2026-11-23")
    assert result.exit_code == 2
    assert "--as" in result.stderr
    assert run_cli("profile", "hl02").exit_code == 0
    assert run_cli("today", "--on", "2026-11-23", "--json").json()["caseworker"] == "hl02"


def test_whole_process_prints_no_traceback_on_bad_input(tmp_path: Path):
    from db import open_db

    open_db(tmp_path / "x.db").close()
    proc = subprocess.run(
        [sys.executable, "-m", "app", "--db", str(tmp_path / "x.db"), "explain", "NOPE"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert "NOPE" in proc.stderr and "Traceback" not in proc.stderr


def test_no_display_gives_a_clear_error_instead_of_a_qt_abort(tmp_path: Path):
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY",
                                                             "QT_QPA_PLATFORM")}  # fmt: skip
    proc = subprocess.run(
        [sys.executable, "-c", "from ui.launcher import main; main()", "--db",
         str(tmp_path / "x.db")],
        capture_output=True, text=True, timeout=60, env=env,
    )  # fmt: skip
    assert proc.returncode == 2
    assert "Ingen skärm" in proc.stderr and "Traceback" not in proc.stderr
