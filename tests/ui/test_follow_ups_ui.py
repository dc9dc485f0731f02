"""Follow-ups in the window: the new-follow-up dialog, the Bevakningar list and its actions,
the reminder banner, and the window's 'Ny bevakning…' (F)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.followups.reminders import Reminder
from app.followups.store import get_follow_up
from db import open_db
from tests.ui.conftest import ON
from tests.ui.follow_up_helpers import (
    add_outside,
    add_standard,
    at,
    events_for,
    follow_up_count,
    follow_up_row,
    my_open_cases,
)
from tests.ui.helpers import action_for
from ui.dialogs.follow_up import FollowUpDialog, SnoozeDialog, TextDialog
from ui.follow_up_actions import FollowUpActions, Target
from ui.main_window import FOLLOW_UPS, MainWindow
from ui.models.follow_up_model import ENTRY, SECTION, KindRole
from ui.reminders import ReminderBanner, TrayNotifier
from ui.views.case import CaseView
from ui.views.follow_ups import FollowUpsView

WAIT = 10_000


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(microsecond=0).isoformat()


# -- the dialog ------------------------------------------------------------------------------


def test_new_follow_up_through_the_dialog_is_stored_with_an_event(qtbot, ctx):
    ref = my_open_cases(ctx)[0]
    actions = FollowUpActions(ctx)
    dialog = actions.ask_new(ref, None)
    qtbot.addWidget(dialog)
    dialog.when.edit.setText("fre 10:00")
    assert dialog.when.result.text() == "→ fre 27 nov 10:00"  # the parsed time, live
    dialog.kind.setCurrentIndex(dialog.kind.findData("employer"))
    dialog.note.setPlainText("Ring arbetsgivaren om planen")
    before = follow_up_count(ctx)
    with qtbot.waitSignal(actions.written, timeout=WAIT):
        dialog.accept()
    assert follow_up_count(ctx) == before + 1
    conn = open_db(ctx.db_path)
    row = conn.execute("SELECT * FROM follow_ups ORDER BY id DESC LIMIT 1").fetchone()
    conn.close()
    assert row["note"] == "Ring arbetsgivaren om planen"
    assert row["kind"] == "employer" and row["origin"] == "personal"
    assert row["due_at"] == _utc(at(ON + timedelta(days=4), 10))
    assert events_for(ctx, row["id"], "follow_up.created")


def test_quick_choice_and_recurrence_are_stored(qtbot, ctx):
    ref = my_open_cases(ctx)[1]
    actions = FollowUpActions(ctx)
    dialog = actions.ask_new(ref, None)
    qtbot.addWidget(dialog)
    dialog.when.quick_buttons[1].click()  # Nästa arbetsdag
    assert dialog.when.edit.text() == "nästa arbetsdag"
    assert "tis 24 nov 08:00" in dialog.when.result.text()
    dialog.repeat.setChecked(True)
    dialog.every.setValue(2)
    dialog.end_count.setChecked(True)
    dialog.count.setValue(3)
    with qtbot.waitSignal(actions.written, timeout=WAIT):
        dialog.accept()
    conn = open_db(ctx.db_path)
    row = conn.execute("SELECT * FROM follow_ups ORDER BY id DESC LIMIT 1").fetchone()
    conn.close()
    assert row["due_at"] == _utc(at(ON + timedelta(days=1)))
    assert '"count": 3' in row["recurrence"] and '"unit": "weeks"' in row["recurrence"]


def test_a_monthly_series_can_be_chosen(qtbot, ctx):
    dialog = FollowUpActions(ctx).ask_new(my_open_cases(ctx)[0], None)
    qtbot.addWidget(dialog)
    dialog.when.edit.setText("2026-12-31 09:00")
    dialog.repeat.setChecked(True)
    dialog.every.setValue(1)
    dialog.unit.setCurrentIndex(dialog.unit.findData("months"))
    assert dialog.unit.currentText() == "månader"
    recurrence = dialog.recurrence()
    assert recurrence is not None and (recurrence.every, recurrence.unit) == (1, "months")


def test_a_bad_when_shows_the_accepted_forms_and_stores_nothing(qtbot, ctx):
    actions = FollowUpActions(ctx)
    dialog = actions.ask_new(my_open_cases(ctx)[0], None)
    qtbot.addWidget(dialog)
    dialog.when.edit.setText("snart")
    assert "Godkända former" in dialog.when.result.text()
    assert "fre 10:00" in dialog.when.result.text()
    assert not dialog.ok_button.isEnabled()
    before = follow_up_count(ctx)
    dialog.accept()  # refused: the dialog stays, nothing is written
    assert dialog.isVisible()
    assert "Godkända former" in dialog.error.text()
    qtbot.wait(50)
    assert follow_up_count(ctx) == before


def test_a_past_time_is_allowed_and_said(qtbot, ctx):
    actions = FollowUpActions(ctx)
    dialog = actions.ask_new(my_open_cases(ctx)[0], None)
    qtbot.addWidget(dialog)
    dialog.when.edit.setText("i dag 08:00")
    assert "redan passerat" in dialog.when.result.text()
    assert dialog.ok_button.isEnabled()


# -- the list and its actions ----------------------------------------------------------------


@pytest.fixture
def view(qtbot, ctx):
    add_standard(ctx, ON, ctx.caseworker)
    view = FollowUpsView(ctx)
    qtbot.addWidget(view)
    view.resize(1000, 600)
    with qtbot.waitSignal(view.loaded, timeout=WAIT):
        view.refresh()
    return view


def _select_personal(view: FollowUpsView, follow_up_id: int | None = None) -> int:
    for row in view.model.entry_rows():
        item = view.model.item(row)
        if item.origin == "personal" and (follow_up_id is None or item.id == follow_up_id):
            view.table.setCurrentIndex(view.model.index(row, 0))
            return item.id
    raise AssertionError("no personal follow-up listed")


def test_list_shows_own_and_standard_apart(qtbot, qtmodeltester, view):
    qtmodeltester.check(view.model)
    model = view.model
    sections = [
        model.data(model.index(r, 0))
        for r in range(model.rowCount())
        if model.data(model.index(r, 0), KindRole) == SECTION
    ]
    assert sections[0].startswith("Personliga bevakningar (")
    assert sections[1].startswith("Standardbevakningar från kedjan (")
    origins = [model.item(r).origin for r in model.entry_rows()]
    assert "personal" in origins and "standard" in origins
    # Own ones first, then the standard ones: never mixed.
    assert origins == sorted(origins, key=lambda o: o != "personal")
    assert model.data(model.index(model.entry_rows()[0], 0), KindRole) == ENTRY
    assert "dolda" in view.floor.text() or "dolt" in view.floor.text()


def test_klar_with_a_note_closes_it_and_writes_the_event(qtbot, view):
    fid = _select_personal(view)
    dialog = view.ask_done()
    assert isinstance(dialog, TextDialog)
    dialog.text.setText("Pratat med arbetsgivaren")
    with qtbot.waitSignal(view.loaded, timeout=WAIT):
        dialog.accept()
    row = follow_up_row(view.ctx, fid)
    assert row["state"] == "done" and row["close_note"] == "Pratat med arbetsgivaren"
    assert events_for(view.ctx, fid, "follow_up.done")[0]["note"] == "Pratat med arbetsgivaren"
    assert view.model.row_of(fid) is None


def test_snooza_with_a_wake_condition_shows_it_in_the_list(qtbot, view):
    ctx = view.ctx
    fid = add_outside(ctx, at(ON, 8, 30), my_open_cases(ctx)[0], note="Snooza mig")
    with qtbot.waitSignal(view.loaded, timeout=WAIT):
        view.refresh()
    _select_personal(view, fid)
    dialog = view.ask_snooze()
    assert isinstance(dialog, SnoozeDialog)
    dialog.when.quick_buttons[0].click()  # 1 timme
    dialog.set_wake_on("certificate")
    with qtbot.waitSignal(view.loaded, timeout=WAIT):
        dialog.accept()
    row = follow_up_row(ctx, fid)
    assert row["snoozed_until"] == _utc(at(ON, 10)) and row["wake_on"] == "certificate"
    assert events_for(ctx, fid, "follow_up.snoozed")
    state = view.model.data(view.model.index(view.model.row_of(fid), 4))
    assert state == "Snoozad till mån 23 nov 10:00 · väcks av nya intyg"


def test_a_capped_snooze_says_so(qtbot, view):
    ctx = view.ctx
    fid = add_outside(ctx, at(ON, 8, 30), my_open_cases(ctx)[0])
    with qtbot.waitSignal(view.loaded, timeout=WAIT):
        view.refresh()
    _select_personal(view, fid)
    dialog = view.ask_snooze()
    dialog.when.edit.setText("2027-12-01")  # past every chain checkpoint
    with qtbot.waitSignal(view.actions.notice, timeout=WAIT) as notice:
        dialog.accept()
    assert "Begränsad" in notice.args[0]
    assert get_follow_up(open_db(ctx.db_path), fid).snoozed_until < at(ON + timedelta(400))


def test_ta_bort_then_angra_brings_it_back(qtbot, view):
    ctx = view.ctx
    fid = _select_personal(view)
    with qtbot.waitSignal(view.loaded, timeout=WAIT):
        view.delete_selected()
    assert follow_up_row(ctx, fid)["deleted_at"] is not None
    assert events_for(ctx, fid, "follow_up.deleted")
    assert not view.undo_bar.isHidden()
    assert "borttagen" in view.undo_bar.text.text()
    assert view.model.row_of(fid) is None
    with qtbot.waitSignal(view.loaded, timeout=WAIT):
        view.undo_bar.button.click()
    row = follow_up_row(ctx, fid)
    assert row["deleted_at"] is None and row["state"] == "open"
    assert events_for(ctx, fid, "follow_up.restored")
    assert view.model.row_of(fid) is not None
    assert view.undo_bar.isHidden()


def test_flytta_moves_a_personal_follow_up(qtbot, view):
    fid = _select_personal(view)
    dialog = view.ask_reschedule()
    assert isinstance(dialog, FollowUpDialog) and dialog.reschedule
    dialog.when.edit.setText("2026-12-01 10:30")
    with qtbot.waitSignal(view.loaded, timeout=WAIT):
        dialog.accept()
    assert follow_up_row(view.ctx, fid)["due_at"] == "2026-12-01T09:30:00+00:00"
    assert events_for(view.ctx, fid, "follow_up.rescheduled")


def test_avfarda_is_for_standard_ones_and_needs_a_reason(qtbot, view):
    rows = [r for r in view.model.entry_rows() if view.model.item(r).origin == "standard"]
    view.table.setCurrentIndex(view.model.index(rows[0], 0))
    fid = view.model.item(rows[0]).id
    assert not view.delete_button.isEnabled() and not view.move_button.isEnabled()
    dialog = view.ask_dismiss()
    assert not dialog.ok_button.isEnabled()  # the reason is required
    dialog.text.setText("Väntar på operation")
    with qtbot.waitSignal(view.loaded, timeout=WAIT):
        dialog.accept()
    row = follow_up_row(view.ctx, fid)
    assert row["state"] == "dismissed" and row["close_note"] == "Väntar på operation"


def test_enter_opens_the_case_and_selection_previews_it(qtbot, view):
    row = view.model.entry_rows()[1]
    ref = view.model.item(row).case_ref
    with qtbot.waitSignal(view.case_selected, timeout=WAIT):
        view.table.setCurrentIndex(view.model.index(row, 0))
    with qtbot.waitSignal(view.case_opened, timeout=WAIT) as opened:
        view.open_selected()
    assert opened.args == [ref]


# -- the banner ------------------------------------------------------------------------------


def _reminder(fid: int, ref: str, note: str | None, minute: int = 0) -> Reminder:
    due = at(ON, 9, minute)
    return Reminder(fid, 1, ref, "employer", "personal", note, due, due, due, False, False)


def test_banner_shows_case_and_note_and_opens_the_case(qtbot, ctx):
    banner = ReminderBanner(ctx)
    qtbot.addWidget(banner)
    banner.add([_reminder(7, "SP-2026-000123", "Ring arbetsgivaren")])
    assert not banner.isHidden()
    assert banner.title_text() == "Bevakning: SP-2026-000123 – Ring arbetsgivaren"
    assert "SP-2026-000123" in banner.rows[0].label.text()
    with qtbot.waitSignal(banner.open_requested, timeout=WAIT) as opened:
        banner.rows[0].open_button.click()
    assert opened.args == ["SP-2026-000123"]
    banner.add([_reminder(8, "SP-2026-000124", "Mejla vården")])
    assert banner.title_text() == "2 påminnelser" and len(banner.rows) == 2
    with qtbot.waitSignal(banner.done_requested, timeout=WAIT) as done:
        banner.rows[1].done_button.click()
    assert done.args[0].follow_up_id == 8
    banner.remove(7)
    banner.remove(8)
    assert banner.isHidden()


def test_banner_lists_many_and_shows_all_in_a_dialog(qtbot, ctx):
    banner = ReminderBanner(ctx)
    qtbot.addWidget(banner)
    banner.add([_reminder(i, f"SP-2026-00010{i}", f"Not {i}") for i in range(1, 6)], missed=True)
    assert banner.title_text() == "5 missade påminnelser"
    assert len(banner.rows) == 3 and not banner.more_button.isHidden()
    dialog = banner.show_all()
    qtbot.addWidget(dialog)
    assert len(dialog.rows) == 5
    banner.remove(1)
    assert len(dialog.rows) == 4  # the list follows the banner


def test_banner_forgets_a_reminder_the_table_no_longer_calls_due(qtbot, ctx):
    fid = add_outside(ctx, at(ON, 8, 30), my_open_cases(ctx)[0])
    banner = ReminderBanner(ctx)
    qtbot.addWidget(banner)
    banner.add([_reminder(fid, my_open_cases(ctx)[0], "Ring")])
    actions = FollowUpActions(ctx)
    with qtbot.waitSignal(banner.changed, timeout=WAIT):
        actions.done(Target(fid, my_open_cases(ctx)[0], "personal", "Ring", at(ON, 8, 30)))
    assert banner.entries == [] and banner.isHidden()


def test_without_a_system_tray_the_notifier_stays_silent(qtbot, ctx):
    banner = ReminderBanner(ctx)
    qtbot.addWidget(banner)
    notifier = TrayNotifier(banner)
    if notifier.available():
        pytest.skip("this platform has a system tray")
    assert notifier.notify([_reminder(1, "SP-2026-000123", "Ring")]) is False
    assert notifier.tray is None


# -- the main window -------------------------------------------------------------------------


def test_ctrl_4_shows_bevakningar(qtbot, ctx, settings):
    window = MainWindow(ctx, settings)
    qtbot.addWidget(window)
    window.show()
    action_for(window, "Ctrl+4").trigger()
    assert window.stack.currentWidget() is window.follow_ups_view
    assert window.rail.item(FOLLOW_UPS).text() == "Bevakningar"


def test_f_opens_a_new_follow_up_on_the_previewed_or_open_case(qtbot, ctx, settings):
    window = MainWindow(ctx, settings)
    qtbot.addWidget(window)
    window.show()
    first, second = my_open_cases(ctx)[:2]
    action_for(window, "F").trigger()
    assert window.actions.dialog is None  # no case yet: nothing to act on
    window.preview.show_case(first)
    action_for(window, "F").trigger()
    dialog = window.actions.dialog
    assert isinstance(dialog, FollowUpDialog) and dialog.case_ref == first
    dialog.reject()
    window.open_case(second)
    action_for(window, "F").trigger()
    assert window.actions.dialog.case_ref == second
    window.actions.dialog.reject()


def test_the_case_view_button_asks_for_a_follow_up(qtbot, ctx):
    view = CaseView(ctx)
    qtbot.addWidget(view)
    ref = my_open_cases(ctx)[0]
    with qtbot.waitSignal(view.loaded, timeout=WAIT):
        view.open_case(ref)
    assert view.follow_up_button.isEnabled()
    with qtbot.waitSignal(view.follow_up_requested, timeout=WAIT) as asked:
        view.follow_up_button.click()
    assert asked.args == [ref]


def test_a_reminder_in_the_window_banner_opens_its_case(qtbot, ctx, settings):
    window = MainWindow(ctx, settings)
    qtbot.addWidget(window)
    window.show()
    ref = my_open_cases(ctx)[2]
    window.scheduler.reminders_due.emit([_reminder(99, ref, "Ring arbetsgivaren")])
    assert not window.banner.isHidden()
    assert window.banner.title_text() == f"Bevakning: {ref} – Ring arbetsgivaren"
    window.banner.rows[0].open_button.click()
    assert window.stack.currentWidget() is window.case_view
    assert window.case_view.case_ref == ref
