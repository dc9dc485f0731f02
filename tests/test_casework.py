"""Case edits are validated and written as events; gaps are derived from the case."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta

import pytest

from app.base.clock import STOCKHOLM, FixedClock
from app.base.errors import InvalidInputError, NotFoundError
from app.case.casework import add_note, case_detail, set_consent, update_case
from app.priority.profile import resolve_caseworker

ON = date(2026, 11, 23)
CLOCK = FixedClock(datetime.combine(ON, time(10), tzinfo=STOCKHOLM))


@pytest.fixture
def me(stock):
    stock.caseworker("hl01")
    return resolve_caseworker(stock.conn, "hl01")


def events(conn):
    return [(r[0], json.loads(r[1])) for r in conn.execute("SELECT kind, detail FROM events")]


def test_update_writes_before_and_after_as_one_event(stock, me):
    stock.case("SP-1", start=ON - timedelta(days=100))
    diff = update_case(stock.conn, "SP-1", {"check_phone": True, "runs_itself": 1}, me, CLOCK)
    assert diff == {"check_phone": [0, 1], "runs_itself": [0, 1]}
    assert events(stock.conn) == [("case.updated", diff)]
    assert update_case(stock.conn, "SP-1", {"check_phone": 1}, me, CLOCK) == {}
    assert len(events(stock.conn)) == 1  # no change, no event


def test_no_follow_up_needs_a_reason(stock, me):
    stock.case("SP-1", start=ON - timedelta(days=100))
    with pytest.raises(InvalidInputError, match="skälet"):
        update_case(stock.conn, "SP-1", {"no_follow_up": 1}, me, CLOCK)
    update_case(
        stock.conn, "SP-1", {"no_follow_up": 1, "no_follow_up_reason": "palliativ vård"}, me, CLOCK
    )
    assert stock.conn.execute("SELECT no_follow_up FROM cases").fetchone()[0] == 1


@pytest.mark.parametrize(
    "changes",
    [{"os_position": "maybe"}, {"recovery_until": "13/45"}, {"pin": "1"}, {"runs_itself": 7}],
)
def test_bad_edits_are_refused_and_change_nothing(stock, me, changes):
    stock.case("SP-1", start=ON - timedelta(days=100))
    with pytest.raises(InvalidInputError):
        update_case(stock.conn, "SP-1", changes, me, CLOCK)
    assert events(stock.conn) == []


def test_os_position_gets_todays_date(stock, me):
    stock.case("SP-1", start=ON - timedelta(days=200))
    update_case(stock.conn, "SP-1", {"os_position": "os"}, me, CLOCK)
    row = stock.conn.execute("SELECT os_position, os_position_on FROM cases").fetchone()
    assert tuple(row) == ("os", "2026-11-23")


def test_note_and_consent_are_events(stock, me):
    case_id = stock.case("SP-1", start=ON - timedelta(days=10))
    contact = stock.conn.execute(
        "INSERT INTO contacts(case_id, role, name) VALUES (?, 'employer', 'HR')", (case_id,)
    ).lastrowid
    add_note(stock.conn, "SP-1", "Ringde, inget svar", me, CLOCK)
    set_consent(stock.conn, contact, True, me, CLOCK)
    assert [k for k, _ in events(stock.conn)] == ["note.added", "contact.consent"]
    detail = case_detail(stock.conn, "SP-1", ON, me)
    assert detail.notes[0]["text"] == "Ringde, inget svar"
    assert detail.contacts[0]["consent"] == 1
    with pytest.raises(InvalidInputError):
        add_note(stock.conn, "SP-1", "   ", me, CLOCK)


def test_unknown_case_is_a_clear_error(stock, me):
    with pytest.raises(NotFoundError, match="SP-404"):
        update_case(stock.conn, "SP-404", {"runs_itself": 1}, me, CLOCK)


def test_gaps_of_the_four_types(stock, me):
    case_id = stock.case("SP-1", start=ON - timedelta(days=200))
    stock.certificate(case_id, ON - timedelta(days=200), ON - timedelta(days=5))
    stock.impulse(case_id, ON - timedelta(days=20), "inconsistent_info")
    gaps = {g.type for g in case_detail(stock.conn, "SP-1", ON, me).gaps}
    assert gaps == {"employer_options", "missing_information", "contradiction", "chain_decision"}
    update_case(
        stock.conn, "SP-1",
        {"check_employer": 1, "plan_status": "written", "os_position": "os"}, me, CLOCK,
    )  # fmt: skip
    stock.certificate(case_id, ON - timedelta(days=4), ON + timedelta(days=30))
    gaps = {g.type for g in case_detail(stock.conn, "SP-1", ON, me).gaps}
    assert gaps == {"contradiction"}
