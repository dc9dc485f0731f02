"""Undoing the last edit of a legal fact: the old value back, through the same writes, and an
event that says so (issue 11)."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta

import pytest

from app.base.clock import STOCKHOLM, FixedClock
from app.base.errors import InvalidInputError, NotFoundError
from app.case.casework import edit_case, set_consent, undo_edit, update_case
from app.priority.profile import resolve_caseworker

ON = date(2026, 11, 23)
CLOCK = FixedClock(datetime.combine(ON, time(10), tzinfo=STOCKHOLM))
LATER = FixedClock(datetime.combine(ON, time(10, 5), tzinfo=STOCKHOLM))


@pytest.fixture
def me(stock):
    stock.caseworker("hl01")
    return resolve_caseworker(stock.conn, "hl01")


def events(conn, kind: str) -> list[dict]:
    rows = conn.execute("SELECT detail FROM events WHERE kind = ? ORDER BY id", (kind,))
    return [json.loads(r[0]) for r in rows]


def case(conn) -> dict:
    return dict(conn.execute("SELECT * FROM cases WHERE case_ref = 'SP-1'").fetchone())


def test_undoing_a_case_edit_puts_every_field_back_and_says_so(stock, me):
    stock.case("SP-1", start=ON - timedelta(days=200))
    edit = edit_case(stock.conn, "SP-1", {"os_position": "os", "check_phone": 1}, me, CLOCK)
    assert edit is not None and edit.kind == "case.updated"
    assert case(stock.conn)["os_position_on"] == ON.isoformat()

    undo = undo_edit(stock.conn, edit.event_id, me, LATER)

    row = case(stock.conn)
    assert (row["os_position"], row["os_position_on"], row["check_phone"]) == (None, None, 0)
    assert undo.kind == "case.undo"
    assert events(stock.conn, "case.undo") == [
        {
            "event": edit.event_id,
            "undid": "case.updated",
            "changes": {
                "os_position": ["os", None],
                "os_position_on": [ON.isoformat(), None],
                "check_phone": [1, 0],
            },
        }
    ]


def test_undoing_a_consent_puts_back_the_consent_and_its_date(stock, me):
    case_id = stock.case("SP-1", start=ON - timedelta(days=10))
    contact = stock.conn.execute(
        "INSERT INTO contacts(case_id, role, name, consent, consent_on) "
        "VALUES (?, 'doctor', 'Dr', 0, '2026-10-01')",
        (case_id,),
    ).lastrowid
    edit = set_consent(stock.conn, contact, True, me, CLOCK)
    assert edit.detail["consent"] == [0, 1]

    undo_edit(stock.conn, edit.event_id, me, LATER)

    row = stock.conn.execute("SELECT consent, consent_on FROM contacts").fetchone()
    assert tuple(row) == (0, "2026-10-01")
    (undo,) = events(stock.conn, "case.undo")
    assert undo["undid"] == "contact.consent" and undo["role"] == "doctor"
    assert undo["consent"] == [1, 0]


def test_an_edit_is_undone_once(stock, me):
    stock.case("SP-1", start=ON - timedelta(days=100))
    edit = edit_case(stock.conn, "SP-1", {"runs_itself": 1}, me, CLOCK)
    undo_edit(stock.conn, edit.event_id, me, LATER)
    with pytest.raises(InvalidInputError, match="redan ångrad"):
        undo_edit(stock.conn, edit.event_id, me, LATER)
    assert len(events(stock.conn, "case.undo")) == 1


def test_a_value_changed_since_is_not_overwritten(stock, me):
    stock.case("SP-1", start=ON - timedelta(days=100))
    edit = edit_case(stock.conn, "SP-1", {"plan_status": "oral"}, me, CLOCK)
    update_case(stock.conn, "SP-1", {"plan_status": "written"}, me, CLOCK)
    with pytest.raises(InvalidInputError, match="ändrats sedan dess"):
        undo_edit(stock.conn, edit.event_id, me, LATER)
    assert case(stock.conn)["plan_status"] == "written"
    assert events(stock.conn, "case.undo") == []


def test_only_ones_own_legal_edits_are_undone(stock, me):
    stock.case("SP-1", start=ON - timedelta(days=100))
    stock.caseworker("hl02")
    other = resolve_caseworker(stock.conn, "hl02")
    edit = edit_case(stock.conn, "SP-1", {"runs_itself": 1}, other, CLOCK)
    with pytest.raises(InvalidInputError, match="Bara den som"):
        undo_edit(stock.conn, edit.event_id, me, LATER)
    note = stock.conn.execute(
        "INSERT INTO events(case_id, at, actor, kind, detail) "
        "VALUES (1, '2026-11-23T09:00:00+00:00', 'hl01', 'note.added', '{}')"
    ).lastrowid
    with pytest.raises(NotFoundError):
        undo_edit(stock.conn, note, me, LATER)
    assert case(stock.conn)["runs_itself"] == 1
