"""Team tab (leads): the table equals team_view, figures click through, charts paint with
their numbers, and absence, reassignment and balancing go through their dialogs."""

from __future__ import annotations

import json
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QDialog

from app.priority.profile import resolve_caseworker
from app.team.charts import team_view
from app.team.cover import list_absences
from db import open_db
from tests.ui.helpers import loaded_view
from ui.main_window import TEAM, MainWindow
from ui.models.team_model import COLUMNS, FIGURE_COLUMNS, TeamModel
from ui.views.team import TeamView

ON = date(2026, 11, 23)


@pytest.fixture
def lead_ctx(qapp, demo_db, clock):
    from ui.context import AppContext

    conn = open_db(demo_db)
    lead = resolve_caseworker(conn, "lead01")
    conn.close()
    assert lead.role == "lead"
    context = AppContext(demo_db, lead, clock)
    yield context
    context.shutdown()


@pytest.fixture
def view(qtbot, lead_ctx):
    return loaded_view(qtbot, TeamView(lead_ctx))


def engine_view(ctx):
    conn = open_db(ctx.db_path)
    try:
        return team_view(conn, ON)
    finally:
        conn.close()


def events(ctx, kind: str) -> list[dict]:
    conn = open_db(ctx.db_path)
    try:
        rows = conn.execute("SELECT detail FROM events WHERE kind = ?", (kind,)).fetchall()
        return [json.loads(r[0]) if r[0] else {} for r in rows]
    finally:
        conn.close()


def test_table_shows_one_row_per_caseworker_and_totals_equal_to_the_engine(view, qtmodeltester):
    qtmodeltester.check(view.model)
    data = engine_view(view.ctx)
    rows = [*data.table.rows, data.table.totals]
    assert view.model.rowCount() == len(data.table.rows) + 1 == 3
    for r, expected in enumerate(rows):
        figures = expected.figures()
        for name, column in FIGURE_COLUMNS.items():
            text = view.model.index(r, column).data()
            if name == "name":
                assert expected.ext_id in text or expected.name in text
            elif name == "weighted_load":
                assert text == f"{figures[name]:.1f}".replace(".", ",")
            elif name in figures:
                assert text == str(figures[name]), (r, name)
    assert view.model.index(2, 0).data() == "Totalt"


def test_clicking_a_figure_lists_exactly_its_cases(qtbot, view):
    data = engine_view(view.ctx)
    row = data.table.rows[1]
    column = FIGURE_COLUMNS["milestones_14"]
    index = view.model.index(1, column)
    view.table.setCurrentIndex(index)
    view.table.keyPressEvent(
        QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
    )
    dialog = view.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.list.count() > 0, timeout=10_000)
    expected = [data.table.case_refs[i] for i in row.cases["milestones_14"]]
    assert dialog.refs() == expected
    assert "dag " in dialog.list.item(0).text()
    dialog.list.setCurrentRow(-1)
    with qtbot.waitSignal(view.case_selected) as selected:
        dialog.list.setCurrentRow(0)
    assert selected.args == [expected[0]]
    with qtbot.waitSignal(view.case_opened) as opened:
        dialog.list.itemActivated.emit(dialog.list.item(0))
    assert opened.args == [expected[0]]


def test_totals_figure_lists_every_caseworkers_cases(qtbot, view):
    data = engine_view(view.ctx)
    dialog = view.show_cases(view.model.index(2, FIGURE_COLUMNS["past_181_without_os"]))
    qtbot.waitUntil(lambda: dialog.list.count() > 0, timeout=10_000)
    refs = [data.table.case_refs[i] for i in data.table.totals.cases["past_181_without_os"]]
    assert dialog.refs() == refs
    assert view.show_cases(view.model.index(0, 0)) is None  # a name is not a figure


def test_charts_paint_and_describe_their_numbers(view):
    data = engine_view(view.ctx)
    for chart in (view.phase_chart, view.forecast_chart, view.inflow_chart):
        image = chart.grab().toImage()
        assert not image.isNull() and image.width() > 100
    phases = view.phase_chart.accessibleDescription()
    for who, counts in data.phases.items():
        assert f"{who}: {sum(counts.values())} ärenden" in phases
    forecast = view.forecast_chart.accessibleDescription()
    for (_y, week, _m), n in zip(data.forecast.weeks, data.forecast.totals, strict=True):
        assert f"v{week}: {n}" in forecast
    view.table.setCurrentIndex(view.model.index(0, 1))
    own = data.forecast.counts.get("hl01", [0] * 8)
    assert f"(hl01 {own[0]})" in view.forecast_chart.accessibleDescription()
    inflow = view.inflow_chart.accessibleDescription()
    assert f"totalt {sum(data.inflow.totals)}" in inflow
    assert f"{data.inflow.days[-1].isoformat()}: {data.inflow.totals[-1]}" in inflow


def test_mark_absent_through_the_dialog_stores_an_absence(qtbot, view):
    dialog = view.ask_absence()
    dialog.absent.setCurrentIndex(dialog.absent.findData("hl01"))
    dialog.cover.setCurrentIndex(dialog.cover.findData("hl02"))
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    conn = open_db(view.ctx.db_path)
    absences = list_absences(conn, ON)
    conn.close()
    assert [(a.caseworker, a.covered_by) for a in absences] == [("hl01", "hl02")]
    absent_col = FIGURE_COLUMNS["absent"]
    assert "hl02" in view.model.index(0, absent_col).data()


def test_mark_absent_refusal_stays_in_the_dialog(qtbot, view):
    dialog = view.ask_absence()
    dialog.cover.setCurrentIndex(dialog.absent.currentIndex())  # covering oneself
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.error.isVisibleTo(dialog), timeout=10_000)
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_reassigning_cases_through_the_dialog_writes_an_event(qtbot, view):
    data = engine_view(view.ctx)
    dialog = view.show_cases(view.model.index(1, FIGURE_COLUMNS["active_cases"]))
    qtbot.waitUntil(lambda: dialog.list.count() > 0, timeout=10_000)
    dialog.list.item(0).setSelected(True)
    ref = dialog.list.item(0).data(Qt.ItemDataRole.UserRole + 1)
    move = dialog.ask_reassign()
    move.target.setCurrentIndex(move.target.findData("hl01"))
    move.reason.setText("Jämnare belastning")
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        move.accept()
    reassigned = events(view.ctx, "case.reassigned")
    assert len(reassigned) == 1
    assert reassigned[0]["to"] == "hl01" and reassigned[0]["from"] == "hl02"
    active = FIGURE_COLUMNS["active_cases"]
    before = data.table.rows[0].active_cases
    assert view.model.index(0, active).data() == str(before + 1)
    assert ref in [
        view.data.table.case_refs[i] for i in view.data.table.rows[0].cases["active_cases"]
    ]


def test_balancing_moves_only_after_confirm(qtbot, view):
    dialog = view.ask_balance()
    qtbot.waitUntil(lambda: dialog.proposal is not None, timeout=10_000)
    moves = dialog.proposal.moves
    assert moves and dialog.moves.count() == len(moves)
    assert "→" in dialog.loads.item(0).text()
    assert events(view.ctx, "case.reassigned") == []
    dialog.reject()
    assert events(view.ctx, "case.reassigned") == []
    dialog = view.ask_balance()
    qtbot.waitUntil(lambda: dialog.confirm.isEnabled(), timeout=10_000)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        dialog.confirm.click()
    written = events(view.ctx, "case.reassigned")
    assert len(written) == len(moves) and all(e.get("balancing") for e in written)


def test_employer_search_lists_the_employers_cases(qtbot, view):
    conn = open_db(view.ctx.db_path)
    employer = conn.execute(
        "SELECT employer FROM cases WHERE status = 'open' AND employer IS NOT NULL LIMIT 1"
    ).fetchone()[0]
    conn.close()
    view.employer.setText(employer)
    view.employer.returnPressed.emit()
    dialog = view.dialog
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        pass
    assert dialog.list.count() > 0
    assert employer in dialog.heading.text()


def test_model_on_its_own(qtmodeltester, lead_ctx):
    model = TeamModel()
    model.set_table(engine_view(lead_ctx).table)
    qtmodeltester.check(model)
    assert model.columnCount() == len(COLUMNS)


def test_lead_window_has_team_on_ctrl_5(qtbot, lead_ctx, settings):
    window = MainWindow(lead_ctx, settings)
    qtbot.addWidget(window)
    window.show()
    assert window.team_view is not None and window.views[TEAM] is window.team_view
    assert window.rail.item(TEAM).text() == "Team"
    with qtbot.waitSignal(window.team_view.loaded, timeout=10_000):
        window.team_view.refresh()
    action = next(
        a for a in window.findChildren(QAction) if QKeySequence("Ctrl+5") in a.shortcuts()
    )
    action.trigger()
    assert window.stack.currentWidget() is window.team_view


def test_caseworker_window_has_no_team_view(qtbot, ctx, settings):
    assert ctx.caseworker.role != "lead"
    window = MainWindow(ctx, settings)
    qtbot.addWidget(window)
    assert window.team_view is None
    assert not any(isinstance(v, TeamView) for v in window.views)
    assert all(window.rail.item(i).text() != "Team" for i in range(window.rail.count()))
