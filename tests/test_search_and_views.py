"""Live search over the stock, saved views, and the stock table rows."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from app.base.clock import STOCKHOLM, FixedClock
from app.base.errors import InvalidInputError
from app.priority.profile import resolve_caseworker
from app.stock.overview import stock_rows
from app.stock.search import fts_query, search_case_ids
from app.stock.views import BUILT_IN, ViewSpec, delete_view, list_views, save_view

ON = date(2026, 11, 23)
CLOCK = FixedClock(datetime.combine(ON, time(10), tzinfo=STOCKHOLM))


@pytest.fixture
def cases(stock):
    stock.caseworker("hl01")
    a = stock.case("SP-2026-000001", start=ON - timedelta(days=200), person_name="Åsa Öberg",
                   employer="Ängsbo Åkeri AB")  # fmt: skip
    b = stock.case("SP-2026-000002", start=ON - timedelta(days=30), person_name="Bo Ek")
    stock.impulse(b, ON, "other", text="Arbetsgivaren ringde om omplacering")
    return stock, a, b


def test_fts_query_quotes_every_word_as_a_prefix():
    assert fts_query('åsa "ö') == '"åsa"* "ö"*'
    assert fts_query("  -- ") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("åsa", "a"), ("ÖBER", "a"), ("ängsbo", "a"), ("000002", "b"), ("omplac", "b"), ("zz", None)],
)
def test_search_finds_names_case_ids_employers_and_impulse_text(cases, text, expected):
    stock, a, b = cases
    found = search_case_ids(stock.conn, text)
    assert found == ({a} if expected == "a" else {b} if expected == "b" else set())


def test_empty_search_means_no_filter(cases):
    assert search_case_ids(cases[0].conn, "   ") is None


def test_stock_rows_carry_masked_pin_and_states(cases):
    stock = cases[0]
    me = resolve_caseworker(stock.conn, "hl01")
    rows = {r.case_ref: r for r in stock_rows(stock.conn, me, ON)}
    first = rows["SP-2026-000001"]
    assert first.masked_pin.endswith("-****")
    assert "past_181_without_os_position" in first.states
    assert rows["SP-2026-000002"].open_impulses == 1
    assert list(rows) == sorted(rows, key=lambda ref: -rows[ref].score)


def test_saved_views_round_trip_and_built_ins(cases):
    stock = cases[0]
    me = resolve_caseworker(stock.conn, "hl01")
    save_view(stock.conn, me, "Mina nya", ViewSpec(phase="181-365", search="åsa"), CLOCK)
    views = list_views(stock.conn, me)
    assert views["Mina nya"] == ViewSpec(phase="181-365", search="åsa")
    assert set(BUILT_IN) <= set(views)
    delete_view(stock.conn, me, "Mina nya")
    assert "Mina nya" not in list_views(stock.conn, me)


def test_view_spec_refuses_unknown_filters():
    with pytest.raises(InvalidInputError):
        ViewSpec(phase="2-3")


def test_a_team_stock_loaded_in_chunks_equals_one_pass(tmp_path, monkeypatch):
    # A lead's stock is loaded a few thousand cases at a time; chunk edges change nothing:
    # the same rows, in the order rank() gives over all the facts at once.
    import app.stock.overview as stock_module
    from app.chain.rules import standard_weights
    from app.demo.generator import build_demo
    from app.priority.score import rank
    from app.stock.facts import load_facts
    from db import open_db

    conn = open_db(tmp_path / "team.db")
    build_demo(conn, caseworkers=3, cases_per_caseworker=40, seed=3, today=ON)
    weights = standard_weights()
    monkeypatch.setattr(stock_module, "STOCK_CHUNK", 7)
    chunked = stock_rows(conn, None, ON, weights)
    monkeypatch.setattr(stock_module, "STOCK_CHUNK", 10**9)
    assert chunked == stock_rows(conn, None, ON, weights)
    ranked = [f.case_ref for f, _score in rank(load_facts(conn, ON), ON, weights)]
    assert [r.case_ref for r in chunked] == ranked
    conn.close()
