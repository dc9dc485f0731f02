"""The impulse inbox engine: listing, certificate changes, read marks and outcomes."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from app.base.clock import STOCKHOLM, FixedClock
from app.base.errors import InvalidInputError
from app.case.inbox import certificate_change, inbox_items, mark_read, record_outcome, unread_count
from app.priority.profile import resolve_caseworker

ON = date(2026, 11, 23)
CLOCK = FixedClock(datetime.combine(ON, time(10), tzinfo=STOCKHOLM))


@pytest.fixture
def inbox(stock):
    stock.caseworker("hl01")
    stock.caseworker("hl02")
    a = stock.case("SP-A", start=ON - timedelta(days=50))
    b = stock.case("SP-B", start=ON - timedelta(days=20))
    other = stock.case("SP-X", start=ON - timedelta(days=20), caseworker="hl02")
    stock.certificate(a, ON - timedelta(days=50), ON - timedelta(days=1), extent=50)
    stock.certificate(a, ON, ON + timedelta(days=29), extent=75)
    ids = {
        "a_cert": stock.impulse(a, ON - timedelta(days=1), "cert_rehab_need"),
        "a_old": stock.impulse(a, ON - timedelta(days=40), "other", read=True),
        "b": stock.impulse(b, ON - timedelta(days=3), "workplace_problem"),
        "done": stock.impulse(b, ON - timedelta(days=9), "other", outcome="acted"),
        "other": stock.impulse(other, ON, "other"),
    }
    return stock, ids, resolve_caseworker(stock.conn, "hl01")


def test_lists_only_my_open_impulses_grouped_by_case(inbox):
    stock, ids, me = inbox
    items = inbox_items(stock.conn, me, on=ON)
    assert [i.case_ref for i in items] == ["SP-A", "SP-A", "SP-B"]
    assert {i.id for i in items} == {ids["a_cert"], ids["a_old"], ids["b"]}


def test_filters_by_type_and_age(inbox):
    stock, ids, me = inbox
    assert [i.id for i in inbox_items(stock.conn, me, on=ON, types=["other"])] == [ids["a_old"]]
    recent = inbox_items(stock.conn, me, on=ON, max_age_days=7)
    assert ids["a_old"] not in {i.id for i in recent}


def test_certificate_impulse_says_what_changed(inbox):
    stock, ids, me = inbox
    cert = next(i for i in inbox_items(stock.conn, me, on=ON) if i.id == ids["a_cert"])
    assert cert.change == "slutdatum +30 dagar, 50 % → 75 %"


def test_certificate_change_of_a_first_certificate():
    latest = {"to_date": "2026-12-01", "extent": 100, "from_date": "2026-11-01"}
    assert certificate_change(None, latest) == "nytt intyg till 2026-12-01, 100 %"


def test_reading_is_not_handling(inbox):
    stock, ids, me = inbox
    assert unread_count(stock.conn, me) == 2
    mark_read(stock.conn, [ids["b"]], me, CLOCK)
    assert unread_count(stock.conn, me) == 1
    assert ids["b"] in {i.id for i in inbox_items(stock.conn, me, on=ON)}


def test_outcome_removes_impulses_and_writes_one_event_each(inbox):
    stock, ids, me = inbox
    n = record_outcome(stock.conn, [ids["a_cert"], ids["a_old"]], "not_relevant", "Dubblettintyg",
                       me, CLOCK)  # fmt: skip
    assert n == 2
    assert [i.id for i in inbox_items(stock.conn, me, on=ON)] == [ids["b"]]
    rows = stock.conn.execute(
        "SELECT outcome, outcome_note, outcome_by FROM impulses WHERE id = ?", (ids["a_cert"],)
    ).fetchone()
    assert tuple(rows) == ("not_relevant", "Dubblettintyg", "hl01")
    kinds = [r[0] for r in stock.conn.execute("SELECT kind FROM events")]
    assert kinds == ["impulse.outcome", "impulse.outcome"]


def test_not_relevant_needs_a_reason_and_changes_nothing(inbox):
    stock, ids, me = inbox
    with pytest.raises(InvalidInputError, match="varför"):
        record_outcome(stock.conn, [ids["b"]], "not_relevant", "  ", me, CLOCK)
    assert stock.conn.execute("SELECT count(*) FROM events").fetchone()[0] == 0


def test_unknown_outcome_is_refused(inbox):
    stock, ids, me = inbox
    with pytest.raises(InvalidInputError, match="Okänt utfall"):
        record_outcome(stock.conn, [ids["b"]], "maybe", "x", me, CLOCK)
