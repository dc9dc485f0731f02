"""Ärendestock: the overview strip filters, the backlogs, live search, sort and saved views."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QInputDialog

from app.priority.profile import resolve_caseworker
from app.stock.facts import PHASES
from app.stock.overview import STATES, stock_counts, stock_rows
from app.stock.views import ViewSpec, list_views
from db import open_db
from tests.ui.helpers import loaded_view
from ui.models import stock_model
from ui.models.stock_model import NAME, SCORE, StockModel, sv_key
from ui.views.stock import StockView

ON = date(2026, 11, 23)


@pytest.fixture
def view(qtbot, ctx, settings):
    return loaded_view(qtbot, StockView(ctx, settings=settings))


def engine_counts(ctx) -> dict:
    conn = open_db(ctx.db_path)
    try:
        return stock_counts(conn, ctx.caseworker, ON)
    finally:
        conn.close()


def shown_rows(view: StockView) -> list:
    model = view.model
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    return [model.row_at(i) for i in range(model.rowCount())]


def test_strip_shows_the_engines_counts(view, ctx):
    counts = engine_counts(ctx)
    assert counts["cases"] > 0
    for phase in PHASES:
        cell = counts["phases"].get(phase, {"cases": 0, **dict.fromkeys(STATES, 0)})
        assert view.strip.cell(phase, None).text() == str(cell["cases"])
        for state in STATES:
            assert view.strip.cell(phase, state).text() == str(cell[state])
    assert view.strip.cell(None, None).text() == str(counts["totals"]["cases"])
    for state in STATES:
        assert view.strip.cell(None, state).text() == str(counts["totals"][state])
    assert view.model.total_count() == counts["cases"]
    assert view.count_label.text().startswith(f"Visar {counts['cases']} av {counts['cases']}")


def test_clicking_a_cell_filters_the_table_to_that_phase_and_state(view):
    total = view.model.rowCount()
    tried = 0
    for phase in (*PHASES, None):
        for state in (None, *STATES):
            button = view.strip.cell(phase, state)
            expected = int(button.text())
            button.click()
            assert view.model.rowCount() == expected, (phase, state)
            rows = shown_rows(view)
            assert all(phase is None or r.phase == phase for r in rows)
            assert all(state is None or state in r.states for r in rows)
            if (phase, state) != (None, None):
                assert button.isChecked() and button.font().bold()
                assert view.strip.show_all.isEnabled()
                tried += expected > 0
    assert tried > 5
    view.strip.cell("1-90", None).click()
    assert view.model.rowCount() < total
    assert "dag 1–90" in view.count_label.text()
    view.strip.show_all.click()
    assert view.model.rowCount() == total
    assert not any(view.strip.cell(p, None).isChecked() for p in PHASES)
    assert not view.strip.show_all.isEnabled()


def test_clicking_the_active_cell_again_clears_the_filter(view):
    total = view.model.rowCount()
    cell = view.strip.cell("91-180", None)
    cell.click()
    assert view.model.rowCount() == int(cell.text()) < total
    cell.click()
    assert view.model.rowCount() == total
    assert not cell.isChecked()


def test_the_two_backlogs_show_the_engines_numbers_side_by_side(view, ctx):
    counts = engine_counts(ctx)
    benefit = view.strip.backlog_button("benefit_decision")
    coordination = view.strip.backlog_button("waiting_for_coordination")
    missing_os = view.strip.backlog_button("past_181_without_os_position")
    assert benefit.text().endswith(f": {counts['backlogs']['benefit_decision']}")
    assert coordination.text().endswith(f": {counts['backlogs']['coordination']}")
    assert missing_os.text().endswith(f": {counts['past_181_without_os_position']}")
    assert "rätt till ersättning" in benefit.accessibleName()
    # Same size and weight: the money never visually crowds out coordination.
    assert benefit.height() == coordination.height()
    assert abs(benefit.width() - coordination.width()) <= 1  # an odd pixel goes somewhere
    assert benefit.font().bold() == coordination.font().bold()
    for button, number in (
        (benefit, counts["backlogs"]["benefit_decision"]),
        (coordination, counts["backlogs"]["coordination"]),
        (missing_os, counts["past_181_without_os_position"]),
    ):
        button.click()
        assert button.isChecked()
        assert view.model.rowCount() == number


def test_typing_a_case_id_or_a_name_filters_and_clearing_restores(qtbot, view):
    total = view.model.rowCount()
    target = view.model.row_at(5)
    qtbot.keyClicks(view.search, target.case_ref)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=5_000)
    assert view.model.row_at(0).case_ref == target.case_ref
    assert "Visar 1 av" in view.count_label.text()

    surname = target.person_name.split()[-1]
    view.search.clear()
    qtbot.keyClicks(view.search, surname)
    qtbot.waitUntil(lambda: 0 < view.model.rowCount() < total, timeout=5_000)
    assert target.case_ref in {r.case_ref for r in shown_rows(view)}

    view.search.clear()
    qtbot.keyClicks(view.search, "zzqxy")
    qtbot.waitUntil(lambda: view.model.rowCount() == 0, timeout=5_000)

    view.search.selectAll()
    qtbot.keyClick(view.search, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: view.model.rowCount() == total, timeout=5_000)


def test_search_and_strip_filter_combine(qtbot, view):
    view.strip.cell("1-90", None).click()
    in_phase = view.model.rowCount()
    target = view.model.row_at(0)
    qtbot.keyClicks(view.search, target.case_ref)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=5_000)
    view.strip.cell("366+", None).click()
    assert view.model.rowCount() == 0
    view.strip.cell("1-90", None).click()
    assert view.model.rowCount() == 1
    view.search.clear()
    view.run_search()
    assert view.model.rowCount() == in_phase


def test_sorting_by_a_column_orders_the_rows(view):
    view.table.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
    names = [sv_key(r.person_name) for r in shown_rows(view)]
    assert names == sorted(names)
    view.table.sortByColumn(SCORE, Qt.SortOrder.AscendingOrder)
    scores = [r.score for r in shown_rows(view)]
    assert scores == sorted(scores)
    view.table.sortByColumn(SCORE, Qt.SortOrder.DescendingOrder)
    scores = [r.score for r in shown_rows(view)]
    assert scores == sorted(scores, reverse=True)


def test_swedish_names_sort_with_a_ring_before_a_umlaut_before_o_umlaut():
    words = ["Örjan", "Åsa", "Ärla", "Zäta", "Adam"]
    assert sorted(words, key=sv_key) == ["Adam", "Zäta", "Åsa", "Ärla", "Örjan"]


def test_a_saved_view_is_stored_and_reapplies_its_filter(qtbot, view, ctx, monkeypatch):
    view.strip.cell(None, "open_impulses").click()
    expected = view.model.rowCount()
    assert expected > 0
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Mina impulser", True))
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.save_view_button.click()

    conn = open_db(ctx.db_path)
    try:
        saved = list_views(conn, ctx.caseworker)
    finally:
        conn.close()
    assert saved["Mina impulser"] == ViewSpec(state="open_impulses")
    assert view.views_box.currentText() == "Mina impulser"

    view.strip.show_all.click()
    assert view.views_box.currentIndex() == 0
    index = view.views_box.findText("Mina impulser")
    view.views_box.setCurrentIndex(index)
    view.views_box.activated.emit(index)
    assert view.model.rowCount() == expected
    assert view.strip.cell(None, "open_impulses").isChecked()


def test_the_built_in_181_view_filters_to_cases_past_181_without_position(view, ctx):
    index = view.views_box.findText("Mina 181-utan-ÖS")
    assert index > 0
    view.views_box.setCurrentIndex(index)
    view.views_box.activated.emit(index)
    expected = engine_counts(ctx)["past_181_without_os_position"]
    assert view.model.rowCount() == expected
    assert all("past_181_without_os_position" in r.states for r in shown_rows(view))


def test_a_saved_view_with_search_text_searches_again(qtbot, view, ctx):
    target = view.model.row_at(3)
    view.search.setText(target.case_ref)
    view.run_search()
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=5_000)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.save_current_view("Ett ärende")
    view.search.clear()
    view.run_search()
    assert view.model.rowCount() > 1
    index = view.views_box.findText("Ett ärende")
    view.views_box.activated.emit(index)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=5_000)
    assert view.search.text() == target.case_ref


def test_selecting_a_row_previews_and_enter_opens(qtbot, view):
    second = view.model.row_at(1).case_ref
    with qtbot.waitSignal(view.case_selected, timeout=1_000) as selected:
        view.table.selectRow(1)
    assert selected.args == [second]

    third = view.model.row_at(2).case_ref
    with qtbot.waitSignal(view.case_selected, timeout=1_000) as selected:
        view.table.keyPressEvent(
            QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_J, Qt.KeyboardModifier.NoModifier)
        )
    assert selected.args == [third]
    with qtbot.waitSignal(view.case_selected, timeout=1_000) as selected:
        view.table.keyPressEvent(
            QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_K, Qt.KeyboardModifier.NoModifier)
        )
    assert selected.args == [second]

    with qtbot.waitSignal(view.case_opened, timeout=1_000) as opened:
        view.table.keyPressEvent(
            QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
        )
    assert opened.args == [second]

    rect = view.table.visualRect(view.model.index(2, 1))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(view.case_opened, timeout=1_000) as opened:
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [third]


def test_selection_survives_sort_filter_and_refresh(qtbot, view, ctx):
    target = next(r for r in view.model.visible_rows() if r.phase == "1-90")
    assert view.select_case(target.case_ref)
    view.table.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
    assert view.table.currentIndex().row() == view.model.row_of(target.case_ref)
    view.strip.cell("1-90", None).click()
    assert view.model.row_at(view.table.currentIndex().row()).case_ref == target.case_ref
    with (
        qtbot.assertNotEmitted(view.case_selected),
        qtbot.waitSignal(view.loaded, timeout=10_000),
    ):
        ctx.changed()
    assert view.model.row_at(view.table.currentIndex().row()).case_ref == target.case_ref
    assert view.current_case() == target.case_ref


def test_down_from_search_goes_to_the_first_result(qtbot, view):
    view.focus_search()
    with qtbot.waitSignal(view.case_selected, timeout=1_000) as selected:
        view.eventFilter(
            view.search,
            QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier),
        )
    assert selected.args == [view.model.row_at(0).case_ref]
    assert view.focus_search() is True


def test_header_state_survives_a_restart(qtbot, view, ctx, settings):
    view.table.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
    view.table.horizontalHeader().resizeSection(NAME, 211)
    view.save_state(settings)
    again = StockView(ctx, settings=settings)
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.loaded, timeout=10_000):
        again.refresh()
    header = again.table.horizontalHeader()
    assert header.sortIndicatorSection() == NAME
    assert header.sectionSize(NAME) == 211
    names = [sv_key(r.person_name) for r in shown_rows(again)]
    assert names == sorted(names)


def test_a_team_lead_sees_every_open_case(qtbot, ctx, demo_db, settings):
    from ui.context import AppContext

    conn = open_db(demo_db)
    lead = resolve_caseworker(conn, "lead01")
    open_cases = conn.execute("SELECT count(*) FROM cases WHERE status = 'open'").fetchone()[0]
    conn.close()
    lead_ctx = AppContext(demo_db, lead, ctx.clock)
    try:
        widget = StockView(lead_ctx, settings=settings)
        qtbot.addWidget(widget)
        with qtbot.waitSignal(widget.loaded, timeout=10_000):
            widget.refresh()
        assert widget.model.total_count() == open_cases
        assert widget.strip.cell(None, None).text() == str(open_cases)
        assert "i teamet" in widget.count_label.text()
    finally:
        lead_ctx.shutdown()


def test_model_passes_qtmodeltester_and_fetches_lazily(qtmodeltester, ctx, monkeypatch):
    monkeypatch.setattr(stock_model, "CHUNK", 7)
    conn = open_db(ctx.db_path)
    rows = stock_rows(conn, ctx.caseworker, ON)
    conn.close()
    model = StockModel()
    model.set_rows(rows, ON)
    assert model.rowCount() == 7
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 14
    qtmodeltester.check(model)
    model.set_filter(None, "open_impulses")
    qtmodeltester.check(model)
    model.sort(NAME, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == model.visible_count()
    assert model.row_of(model.row_at(model.rowCount() - 1).case_ref) == model.rowCount() - 1


def test_changes_during_a_load_cause_exactly_one_more_load(qtbot, view):
    loads = []
    view.loaded.connect(lambda: loads.append(view.model.total_count()))
    view.refresh()
    view.refresh()
    view.refresh()
    qtbot.waitUntil(lambda: len(loads) == 2, timeout=10_000)
    # The database thread runs tasks in order: once this marker is back, a third load
    # (had one been started) would have been delivered too.
    marker = []
    view.ctx.tasks.run(lambda conn: None, marker.append)
    qtbot.waitUntil(lambda: bool(marker), timeout=10_000)
    assert len(loads) == 2
    assert loads[-1] == view.model.total_count() > 0
