"""The main window shell: views, navigation, and state that survives a restart."""

from __future__ import annotations

from tests.ui.helpers import action_for
from ui.main_window import FOLLOW_UPS, STOCK, TODAY, MainWindow


def test_window_opens_on_today_and_shows_data(qtbot, ctx, settings):
    window = MainWindow(ctx, settings)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_data_shown, timeout=10_000):
        window.show()
        window.start()
    assert window.stack.currentWidget() is window.today_view


def test_ctrl_number_switches_views(qtbot, ctx, settings):
    # The offscreen platform has no focus window, so trigger the bound actions directly.
    window = MainWindow(ctx, settings)
    qtbot.addWidget(window)
    window.show()
    action_for(window, "Ctrl+3").trigger()
    assert window.stack.currentWidget() is window.stock_view
    action_for(window, "Ctrl+2").trigger()
    assert window.stack.currentWidget() is window.inbox_view
    action_for(window, "Ctrl+1").trigger()
    assert window.stack.currentWidget() is window.today_view


def test_last_view_and_splitter_survive_a_restart(qtbot, ctx, settings):
    window = MainWindow(ctx, settings)
    qtbot.addWidget(window)
    window.show()
    window.resize(780, 700)  # inside the offscreen screen, so the geometry restores as is
    window.show_view(STOCK)
    qtbot.waitExposed(window)
    window.splitter.setSizes([150, 700, 300])
    sizes = window.splitter.sizes()
    window.close()
    again = MainWindow(ctx, settings)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.stack.currentWidget() is again.stock_view
    assert again.splitter.sizes() == sizes
    again.show_view(TODAY)


def test_dropping_a_file_on_the_window_imports_it(qtbot, ctx, settings):
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    from resources import resource_path

    window = MainWindow(ctx, settings)
    qtbot.addWidget(window)
    window.show()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(resource_path("sample", "caseworkers.csv")))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.importer.finished.connect(lambda results: None)
    with qtbot.waitSignal(window.importer.finished, timeout=20_000) as done:
        window.importer.import_files = _no_dialog(window.importer.import_files)
        window.dropEvent(event)
    assert [r.status for r in done.args[0]] == ["ok"]


def _no_dialog(import_files):
    return lambda paths, show_result=True: import_files(paths, show_result=False)


def test_new_impulses_from_the_inbox_folder_raise_a_notification(qtbot, ctx, settings):
    from types import SimpleNamespace

    window = MainWindow(ctx, settings)
    qtbot.addWidget(window)
    window._announce_inbox_import([SimpleNamespace(new_impulse_ids=[1, 2])])
    assert window.tray.last_message is not None
    title, body = window.tray.last_message
    assert title == "Nya impulser" and "2" in body


def test_only_the_view_on_screen_steers_the_preview(qtbot, ctx, settings):
    window = MainWindow(ctx, settings)
    qtbot.addWidget(window)
    window.show()
    window.show_view(TODAY)
    shown: list[str] = []
    window.preview.show_case = shown.append
    window.stock_view.case_selected.emit("SP-FROM-STOCK")
    window.today_view.case_selected.emit("SP-FROM-TODAY")
    assert shown == ["SP-FROM-TODAY"]


def test_switching_views_previews_that_views_own_selection(qtbot, ctx, settings):
    window = MainWindow(ctx, settings)
    qtbot.addWidget(window)
    window.show()
    window.show_view(TODAY)
    shown: list[str] = []

    def show_case(ref: str) -> None:
        shown.append(ref)
        window.preview.case_ref = ref or None

    window.preview.show_case = show_case
    window.today_view.case_selected.emit("SP-FROM-TODAY")
    window.stock_view.case_selected.emit("SP-FROM-STOCK")  # off screen: kept for later
    window.show_view(STOCK)
    window.show_view(FOLLOW_UPS)  # nothing selected there yet: an empty preview
    window.show_view(TODAY)
    assert shown == ["SP-FROM-TODAY", "SP-FROM-STOCK", "", "SP-FROM-TODAY"]


def test_back_from_a_case_opened_from_a_case_returns_to_the_list(qtbot, ctx, settings):
    window = MainWindow(ctx, settings)
    qtbot.addWidget(window)
    window.show()
    window.show_view(STOCK)
    window.open_case("SP-2026-000001")
    window.open_case("SP-2026-000002")  # e.g. from a reminder while the first was open
    window.go_back()
    assert window.stack.currentWidget() is window.stock_view
