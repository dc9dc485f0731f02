"""A passing mouse wheel changes nothing: combo boxes, dates and numbers take the wheel only
with keyboard focus; otherwise the page around them scrolls (issue 11)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QSlider,
    QWidget,
)

from db import open_db
from tests.ui.case_edit_helpers import (
    WAIT,
    editable_case,
    settle,
    snapshot,
    wheel,
    wheel_sensitive,
)
from tests.ui.helpers import loaded_view
from ui.views.case import CaseView

NOTCHES = (-120, -120, 120, -120)  # down, down, up, down: every direction, several times


@pytest.fixture
def case_view(qtbot, ctx) -> CaseView:
    view = CaseView(ctx)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    with qtbot.waitSignal(view.loaded, timeout=WAIT):
        view.open_case(editable_case(ctx))
    return view


def test_a_wheel_over_every_editable_widget_of_the_case_view_saves_nothing(qtbot, ctx, case_view):
    view = case_view
    widgets = wheel_sensitive(view)
    named = {view.checklist.plan, view.checklist.os, view.flags.reason,
             *view.consent.combos.values(), view.flags.last_coordination.edit,
             view.flags.recovery.edit, view.flags.awaiting_until.edit}  # fmt: skip
    assert named <= set(widgets)
    assert all(w.isEnabled() for w in named)  # each one would take a wheel if allowed to
    before = snapshot(ctx)
    shown = {w: w.currentIndex() if isinstance(w, QComboBox) else w.text() for w in widgets}

    for widget in widgets:
        for dy in NOTCHES:
            wheel(widget, dy)
    settle(qtbot, ctx)

    assert snapshot(ctx) == before
    after = {w: w.currentIndex() if isinstance(w, QComboBox) else w.text() for w in widgets}
    assert after == shown  # nor does any control show a value that was never saved


def test_editable_widgets_are_not_focused_by_the_wheel(case_view):
    for widget in wheel_sensitive(case_view):
        assert widget.focusPolicy() != Qt.FocusPolicy.WheelFocus, widget.accessibleName()


def test_the_wheel_over_an_unfocused_combo_scrolls_the_case_page(qtbot, case_view):
    view = case_view
    view.resize(900, 380)  # the page is longer than the view
    qtbot.waitUntil(lambda: view.scroll.verticalScrollBar().maximum() > 0, timeout=WAIT)
    bar = view.scroll.verticalScrollBar()
    bar.setValue(0)
    combo = view.checklist.plan
    index = combo.currentIndex()
    wheel(combo, -120)
    assert bar.value() > 0
    assert combo.currentIndex() == index


def test_a_focused_consent_combo_still_takes_the_wheel(qtbot, ctx, case_view):
    view = case_view
    contact_id, combo = next(iter(view.consent.combos.items()))
    window = view.window()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT)
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus, timeout=WAIT)
    index = combo.currentIndex()
    dy = -120 if index < combo.count() - 1 else 120
    with qtbot.waitSignal(view.loaded, timeout=WAIT):
        wheel(combo, dy)
    assert combo.currentIndex() == index + (1 if dy < 0 else -1)
    conn = open_db(ctx.db_path)
    stored = conn.execute("SELECT consent FROM contacts WHERE id = ?", (contact_id,)).fetchone()
    conn.close()
    assert stored[0] == view.consent.CHOICES[combo.currentIndex()][0]


def test_dialogs_and_the_stock_view_are_guarded_too(qtbot, ctx):
    from ui.follow_up_actions import FollowUpActions
    from ui.views.stock import StockView

    stock = loaded_view(qtbot, StockView(ctx))
    stock.views_box.addItem("andra")
    dialog = FollowUpActions(ctx).ask_new(_some_case(ctx), None)
    qtbot.addWidget(dialog)
    dialog.repeat.setChecked(True)
    slider = QSlider(Qt.Orientation.Horizontal, dialog)  # one made later, anywhere
    slider.setRange(0, 10)
    slider.show()
    widgets = [stock.views_box, *wheel_sensitive(dialog)]
    assert any(isinstance(w, QAbstractSpinBox) for w in widgets)
    values = [_value(w) for w in widgets]
    for widget in widgets:
        for dy in NOTCHES:
            wheel(widget, dy)
    assert [_value(w) for w in widgets] == values


def _value(widget: QWidget) -> object:
    if isinstance(widget, QComboBox):
        return widget.currentIndex()
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    assert isinstance(widget, QAbstractSlider)
    return widget.value()


def _some_case(ctx) -> str:
    conn = open_db(ctx.db_path)
    ref = conn.execute("SELECT case_ref FROM cases WHERE status = 'open' LIMIT 1").fetchone()[0]
    conn.close()
    return ref
