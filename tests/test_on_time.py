"""What a lead may measure, and meetings as choices: assessments at the chain's times per
caseworker and team with the cases behind each figure, no ranking by counts of calls, SMS
or meetings; method events with date and chain day, exported with both; an avstämningsmöte
needs a third party; no standard follow-up books a meeting (issue #14; 004:1682–1698,
004:5366–5376, 004:5706–5712, 004:5742–5750, 002:229–238, 002:247–250)."""

from __future__ import annotations

import csv
import sqlite3
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from app.base.clock import STOCKHOLM, FixedClock
from app.base.errors import InvalidInputError, RuleTableError
from app.case.methods import method_events, record_assessment, record_method_event
from app.chain.rules import chain_rules, load_rule_file, parse_chain_rules
from app.chain.state import chain_on
from app.exchange.export import export_method_events
from app.followups.standard import standard_due_dates
from app.priority.profile import resolve_caseworker
from app.team.on_time import on_time_report
from app.team.reassign import reassign
from app.team.rules import FIGURES
from tests.builders import StockBuilder

ON = date(2026, 11, 23)
CLOCK = FixedClock(datetime.combine(ON, time(9), tzinfo=STOCKHOLM))


@pytest.fixture
def people(conn: sqlite3.Connection, stock: StockBuilder):
    for ext in ("hl01", "hl02"):
        stock.caseworker(ext)
    stock.caseworker("lead01", role="lead")
    return {e: resolve_caseworker(conn, e) for e in ("hl01", "hl02", "lead01")}


def test_on_time_assessments_per_caseworker_and_team_with_the_cases_behind(
    conn: sqlite3.Connection, stock: StockBuilder, people
) -> None:
    anna = people["hl01"]
    # Day 90 of each falls 30 days ago (ON - 119 + 89 = ON - 30).
    start = ON - timedelta(days=119)
    day_90 = start + timedelta(days=89)
    stock.case("T1", start=start, caseworker="hl01")
    stock.case("T2", start=start, caseworker="hl01")
    stock.case("T3", start=start, caseworker="hl01")
    stock.case("U1", start=start, caseworker="hl01", employment="unemployed")
    stock.case("S1", start=ON - timedelta(days=20), caseworker="hl02")  # not at day 90 yet
    record_assessment(conn, "T1", "day_90", day_90 - timedelta(days=10), anna, CLOCK)
    record_assessment(conn, "T2", "day_90", day_90 + timedelta(days=3), anna, CLOCK)  # late
    record_assessment(conn, "T3", "day_90", day_90 - timedelta(days=60), anna, CLOCK)  # too early
    report = on_time_report(conn, ON)
    rows = {r.caseworker: r for r in report.rows}
    figure = rows["hl01"].figures["day_90"]
    assert (figure.reached, len(figure.on_time), figure.share) == (3, 1, 33.3)
    assert figure.on_time == ["T1"] and sorted(figure.missed) == ["T2", "T3"]  # U1: no day 90
    assert rows["hl02"].figures["day_90"].reached == 0
    assert report.team.figures["day_90"].reached == 3
    data = report.as_json()
    assert data["team"]["checkpoints"]["day_90"]["cases_missed"] == ["T2", "T3"]
    assert [c["key"] for c in data["checkpoints"]] == ["day_90", "day_180", "day_365"]


def test_a_received_cases_earlier_days_count_for_the_one_who_had_it(
    conn: sqlite3.Connection, stock: StockBuilder, people
) -> None:
    stock.case("H1", start=ON - timedelta(days=119), caseworker="hl01")
    reassign(conn, ["H1"], "hl02", "Omfördelning", people["lead01"], CLOCK)
    rows = {r.caseworker: r for r in on_time_report(conn, ON).rows}
    assert rows["hl01"].figures["day_90"].missed == ["H1"]
    assert rows["hl02"].figures["day_90"].reached == 0


def test_the_day_181_position_counts_as_the_day_180_assessment(
    conn: sqlite3.Connection, stock: StockBuilder, people
) -> None:
    start = ON - timedelta(days=200)
    stock.case("P1", start=start, caseworker="hl01", os_position="os",
               os_position_on=(start + timedelta(days=175)).isoformat())  # fmt: skip
    stock.case("P2", start=start, caseworker="hl01")
    figure = {r.caseworker: r for r in on_time_report(conn, ON).rows}["hl01"].figures["day_180"]
    assert figure.on_time == ["P1"] and figure.missed == ["P2"]


def test_no_team_figure_counts_calls_sms_or_meetings() -> None:
    for name in FIGURES:
        assert not any(word in name for word in ("call", "sms", "meeting", "contact_count"))


def test_an_avstamningsmote_without_a_third_party_is_a_contact(
    conn: sqlite3.Connection, stock: StockBuilder, people
) -> None:
    stock.case("M1", start=ON - timedelta(days=100), caseworker="hl01")
    anna = people["hl01"]
    alone = record_method_event(conn, "M1", "avstamningsmote", ON - timedelta(days=1), anna, CLOCK)
    assert (alone.kind, alone.asked_kind, alone.demoted) == ("contact", "avstamningsmote", True)
    assert alone.chain_day == 100
    real = record_method_event(
        conn, "M1", "avstamningsmote", ON, anna, CLOCK, parties=["employer", "doctor"]
    )
    assert (real.kind, real.demoted, real.parties) == ("avstamningsmote", False,
                                                        ("employer", "doctor"))  # fmt: skip
    sassam = record_method_event(conn, "M1", "sassam", ON - timedelta(days=30), anna, CLOCK)
    assert sassam.kind == "sassam" and sassam.chain_day == 71
    with pytest.raises(InvalidInputError, match="framtiden"):
        record_method_event(conn, "M1", "fmr", ON + timedelta(days=1), anna, CLOCK)
    with pytest.raises(InvalidInputError, match="Okänd part"):
        record_method_event(conn, "M1", "afu", ON, anna, CLOCK, parties=["neighbour"])
    assert [e.held_on for e in method_events(conn, case_ref="M1")] == [
        "2026-10-24", "2026-11-22", "2026-11-23",
    ]  # fmt: skip


def test_method_events_are_exported_with_date_and_chain_day(
    conn: sqlite3.Connection, stock: StockBuilder, people, tmp_path: Path
) -> None:
    stock.case("M2", start=ON - timedelta(days=50), caseworker="hl01")
    anna = people["hl01"]
    record_method_event(conn, "M2", "afu", ON - timedelta(days=5), anna, CLOCK)
    record_method_event(conn, "M2", "avstamningsmote", ON, anna, CLOCK)
    target = tmp_path / "metoder.csv"
    assert export_method_events(conn, anna, target, None, clock=CLOCK) == 2
    with target.open(encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    assert rows[0] == ["Ärende", "Metod", "Begärd som", "Datum", "Dag i kedjan", "Parter"]
    assert rows[1][:5] == ["M2", "Aktivitetsförmågeutredning (AFU)", "", "2026-11-18", "46"]
    assert rows[2][:5] == ["M2", "Kontakt", "Avstämningsmöte", "2026-11-23", "51"]


def test_no_standard_follow_up_books_a_meeting(tmp_path: Path) -> None:
    chain = chain_on([(ON - timedelta(days=1), None)], ON)
    for day in range(0, 600, 7):
        later = chain_on([(ON - timedelta(days=1), None)], ON + timedelta(days=day))
        for _key, _lead, _due, note in standard_due_dates(later, later.on):
            assert "möte" not in note.lower()
    assert chain.day == 2
    path = chain_rules().source
    data = load_rule_file(path)
    data["milestones"].append({**data["milestones"][0], "key": "early_meeting",
                               "label_sv": "Avstämningsmöte dag 14", "day": 14})  # fmt: skip
    with pytest.raises(RuleTableError, match="möte"):
        parse_chain_rules(data, tmp_path / "chain.toml")
