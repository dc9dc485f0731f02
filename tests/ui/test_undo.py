"""Ångra in the window: Ctrl+Z and the status bar's link undo the last edit of a legal fact
in the open case, through the engine, and the undo is in the history (issue 11)."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from db import open_db
from tests.ui.case_edit_helpers import WAIT, editable_case, settle, snapshot
from tests.ui.helpers import action_for
from ui.main_window import MainWindow
from ui.undo import NOTICE_MS


@pytest.fixture
def window(qtbot, ctx, settings) -> MainWindow:
    main = MainWindow(ctx, settings)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    with qtbot.waitSignal(main.case_view.loaded, timeout=WAIT):
        main.open_case(editable_case(ctx))
    return main


def _activate(qtbot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT)


def _consent(ctx, contact_id: int) -> tuple:
    conn = open_db(ctx.db_path)
    row = conn.execute(
        "SELECT consent, consent_on FROM contacts WHERE id = ?", (contact_id,)
    ).fetchone()
    conn.close()
    return tuple(row)


def _undo_events(ctx) -> list[dict]:
    conn = open_db(ctx.db_path)
    rows = conn.execute("SELECT detail FROM events WHERE kind = 'case.undo' ORDER BY id")
    found = [json.loads(r[0]) for r in rows]
    conn.close()
    return found


def _change_consent(qtbot, window: MainWindow) -> tuple[int, int]:
    """Pick another consent in the first combo, as a person would; (contact id, old index)."""
    view = window.case_view
    contact_id, combo = next(iter(view.consent.combos.items()))
    old = combo.currentIndex()
    with qtbot.waitSignal(view.loaded, timeout=WAIT):
        combo.setCurrentIndex(1 if old != 1 else 2)  # Ja, or Nej when it already is Ja
    return contact_id, old


def test_ctrl_z_puts_the_old_consent_back_and_writes_an_undo_event(qtbot, ctx, window):
    view = window.case_view
    _activate(qtbot, window)
    contact_id, old_index = _change_consent(qtbot, window)
    before = _consent(ctx, contact_id)
    combo = view.consent.combos[contact_id]
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus, timeout=WAIT)
    assert window.undo_action.isEnabled()
    assert "Samtycke för" in window.undo_action.text()

    with qtbot.waitSignal(view.loaded, timeout=WAIT):
        qtbot.keyClick(combo, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    old_value = view.consent.CHOICES[old_index][0]
    assert _consent(ctx, contact_id)[0] == (None if old_value is None else int(old_value))
    assert _consent(ctx, contact_id) != before
    (undo,) = _undo_events(ctx)
    assert undo["undid"] == "contact.consent" and undo["contact"] == contact_id
    assert view.consent.combos[contact_id].currentIndex() == old_index
    history = [view.event_model.data(view.event_model.index(r, 2)) for r in range(2)]
    assert any(h.startswith("Ångrade samtycke för ") for h in history)
    assert not window.undo_action.isEnabled()  # undone once; nothing left to undo
    assert "Ångrat i" in window.statusBar().currentMessage()


def test_the_angra_link_undoes_a_checklist_tick_and_goes_after_ten_seconds(qtbot, ctx, window):
    view = window.case_view
    notice = window.undo_notice
    box = view.checklist.boxes["check_informed"]
    was = box.isChecked()
    with qtbot.waitSignal(view.loaded, timeout=WAIT):
        box.click()
    assert not notice.isHidden()
    assert "Den försäkrade informerad" in notice.text.text()
    assert notice.link.text() == "Ångra" and notice.link.accessibleName()
    assert notice.timer.isActive() and notice.timer.interval() == NOTICE_MS

    with qtbot.waitSignal(view.loaded, timeout=WAIT):
        notice.link.click()

    assert view.checklist.boxes["check_informed"].isChecked() == was
    assert _undo_events(ctx)[0]["changes"] == {"check_informed": [int(not was), int(was)]}
    assert notice.isHidden()
    history = [view.event_model.data(view.event_model.index(r, 2)) for r in range(2)]
    yes_no = ("ja", "nej") if not was else ("nej", "ja")
    sentence = "Ångrade ändringen: Den försäkrade informerad: {} → {}".format(*yes_no)
    assert sentence in history

    with qtbot.waitSignal(view.loaded, timeout=WAIT):
        view.checklist.boxes["check_informed"].click()
    notice.timer.timeout.emit()  # the ten seconds are up
    assert notice.isHidden()
    assert window.undo_action.isEnabled()  # Ctrl+Z still reaches it while the case is open


def test_the_day_181_position_is_undone_with_its_date(qtbot, ctx, window):
    view = window.case_view
    os_combo = view.checklist.os
    ref = view.case_ref
    conn = open_db(ctx.db_path)
    before = tuple(
        conn.execute(
            "SELECT os_position, os_position_on FROM cases WHERE case_ref = ?", (ref,)
        ).fetchone()
    )
    conn.close()
    with qtbot.waitSignal(view.loaded, timeout=WAIT):
        os_combo.setCurrentIndex(2 if os_combo.currentIndex() != 2 else 1)
    with qtbot.waitSignal(view.loaded, timeout=WAIT):
        action_for(window, "Ctrl+Z").trigger()
    conn = open_db(ctx.db_path)
    after = tuple(
        conn.execute(
            "SELECT os_position, os_position_on FROM cases WHERE case_ref = ?", (ref,)
        ).fetchone()
    )
    conn.close()
    assert after == before


def test_nothing_to_undo_does_nothing(qtbot, ctx, window):
    action = action_for(window, "Ctrl+Z")
    assert not action.isEnabled()
    before = snapshot(ctx)
    action.trigger()
    window.case_view.undo.undo()
    settle(qtbot, ctx)
    assert snapshot(ctx) == before
    assert window.undo_notice.isHidden()


def test_a_focused_text_field_keeps_its_own_ctrl_z(qtbot, ctx, window):
    view = window.case_view
    _activate(qtbot, window)
    contact_id, _old = _change_consent(qtbot, window)
    changed = _consent(ctx, contact_id)
    field = view.flags.awaiting_actor
    text = field.text()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=WAIT)
    qtbot.keyClicks(field, "FK")
    assert field.text() == text + "FK"

    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    assert field.text() == text  # the field's own undo took the typing back
    settle(qtbot, ctx)
    assert _consent(ctx, contact_id) == changed  # and the consent is untouched
    assert _undo_events(ctx) == []
    assert window.undo_action.isEnabled()


def test_leaving_the_case_forgets_the_undo(qtbot, ctx, window):
    view = window.case_view
    _change_consent(qtbot, window)
    assert window.undo_action.isEnabled()
    window.go_back()
    assert not window.undo_action.isEnabled()
    assert window.undo_notice.isHidden()
    before = snapshot(ctx)
    action_for(window, "Ctrl+Z").trigger()
    settle(qtbot, ctx)
    assert snapshot(ctx) == before
    assert view.undo.available is False
