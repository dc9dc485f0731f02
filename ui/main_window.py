"""The main window: navigation rail, the current view, and the case preview on the right."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QMimeData, QSettings, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.followups.reminders import Reminder
from ui.context import AppContext
from ui.follow_up_actions import FollowUpActions, Target
from ui.help import ShortcutHelp
from ui.importer import Importer
from ui.preview import PreviewPane
from ui.reminders import ReminderBanner, TrayNotifier
from ui.scheduler import ReminderScheduler
from ui.style import date_sv
from ui.sync_status import SyncStatus
from ui.undo import UndoNotice
from ui.views.base import View
from ui.views.case import CaseView
from ui.views.follow_ups import FollowUpsView
from ui.views.inbox import InboxView
from ui.views.stock import StockView
from ui.views.team import TeamView
from ui.views.today import TodayView

TODAY, INBOX, STOCK, FOLLOW_UPS, TEAM = range(5)


class MainWindow(QMainWindow):
    """Idag, Impulser, Ärendestock, Bevakningar (and Team for leads), with a preview pane.

    Reminders of due follow-ups show in a banner above the views (and the system tray).
    """

    first_data_shown = Signal()

    def __init__(self, ctx: AppContext, settings: QSettings | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.settings = settings or QSettings()
        self._first_shown = False
        self.setWindowTitle(self.tr("Överblick"))
        self.setMinimumSize(1000, 600)

        self.today_view = TodayView(ctx)
        self.inbox_view = InboxView(ctx)
        self.stock_view = StockView(ctx)
        self.case_view = CaseView(ctx)
        self.actions = FollowUpActions(ctx, self)
        self.follow_ups_view = FollowUpsView(ctx, self.actions)
        self.views: list[View] = [
            self.today_view,
            self.inbox_view,
            self.stock_view,
            self.follow_ups_view,
        ]
        self.team_view: TeamView | None = None
        if ctx.caseworker.role == "lead":
            self.team_view = TeamView(ctx)
            self.views.append(self.team_view)  # index TEAM, behind the rail's "Team" (Ctrl+5)
        self.scheduler = ReminderScheduler(ctx, self)
        self.tray = TrayNotifier(self)

        self.rail = QListWidget()
        self.rail.setObjectName("rail")
        self.rail.setAccessibleName(self.tr("Navigering"))
        self.rail.setFixedWidth(150)
        # Roomy, clearly marked navigation; the palette keeps it readable in dark themes.
        self.rail.setStyleSheet(
            "QListWidget#rail { border: none; background: palette(window); font-size: 11pt; }"
            "QListWidget#rail::item { padding: 10px 12px; }"
            "QListWidget#rail::item:selected { background: palette(highlight); "
            "color: palette(highlighted-text); font-weight: bold; }"
        )
        for title in (
            self.tr("Idag"),
            self.tr("Impulser"),
            self.tr("Ärendestock"),
            self.tr("Bevakningar"),
        ):
            self.rail.addItem(QListWidgetItem(title))
        if ctx.caseworker.role == "lead":
            self.rail.addItem(QListWidgetItem(self.tr("Team")))

        self.stack = QStackedWidget()
        for view in (*self.views, self.case_view):
            self.stack.addWidget(view)
        self.preview = PreviewPane(ctx)
        self.preview.setAccessibleName(self.tr("Förhandsvisning av ärende"))

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.rail)
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setCollapsible(1, False)
        # The reminder banner sits above everything else in the central area.
        self.banner = ReminderBanner(ctx)
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.banner)
        central_layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.importer = Importer(ctx, self)
        self.importer.inbox_imported.connect(self._announce_inbox_import)
        self.setAcceptDrops(True)
        self._build_status_bar()
        self._build_menus()
        self._connect()
        self._restore_state()

    # --- construction -------------------------------------------------------------------

    def _build_status_bar(self) -> None:
        cw = self.ctx.caseworker
        self.who = QLabel(f"{cw.name} ({cw.ext_id}) · {date_sv(self.ctx.today)}")
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setAccessibleName(self.tr("Arbetar"))
        self.busy.hide()
        self.statusBar().addWidget(self.who)
        # "Ångra" for a few seconds after each edit of a legal fact in the case view.
        self.undo_notice = UndoNotice(self.case_view.undo)
        self.statusBar().addPermanentWidget(self.undo_notice)
        # The team server's state, when the database has joined one (ui/sync_status.py).
        self.sync_status = SyncStatus(self.ctx)
        self.statusBar().addPermanentWidget(self.sync_status)
        self.statusBar().addPermanentWidget(self.busy)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Arkiv"))
        for text, keys, slot in (
            (self.tr("&Importera…"), "Ctrl+I", self.importer.choose_and_import),
            (self.tr("Import&historik…"), None, self.importer.show_history),
            (self.tr("&Exportera ärendestock…"), "Ctrl+E", self.importer.export_stock),
            (self.tr("&Säkerhetskopior…"), None, self.show_backups),
        ):
            action = QAction(text, self)
            if keys:
                action.setShortcut(QKeySequence(keys))
            action.triggered.connect(slot)
            file_menu.addAction(action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Avsluta"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        edit_menu = self.menuBar().addMenu(self.tr("&Redigera"))
        # Ctrl+Z: the last legal-fact edit of the open case. A focused text field keeps its
        # own Ctrl+Z (it claims the key first); Bevakningar has its own while it is shown.
        self.undo_action = QAction(self.tr("&Ångra"), self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setEnabled(False)
        self.undo_action.triggered.connect(self.case_view.undo.undo)
        edit_menu.addAction(self.undo_action)
        self.addAction(self.undo_action)

        view_menu = self.menuBar().addMenu(self.tr("&Visa"))
        for index in range(self.rail.count()):
            action = QAction(self.rail.item(index).text(), self)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _=False, i=index: self.show_view(i))
            view_menu.addAction(action)
        refresh = QAction(self.tr("&Uppdatera"), self)
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh.triggered.connect(self.ctx.changed)
        view_menu.addAction(refresh)

        follow_up_menu = self.menuBar().addMenu(self.tr("&Bevakning"))
        self.new_follow_up_action = QAction(self.tr("&Ny bevakning…"), self)
        self.new_follow_up_action.setShortcut(QKeySequence(Qt.Key.Key_F))
        self.new_follow_up_action.triggered.connect(lambda: self.new_follow_up())
        follow_up_menu.addAction(self.new_follow_up_action)
        self.addAction(self.new_follow_up_action)

        help_menu = self.menuBar().addMenu(self.tr("&Hjälp"))
        shortcuts = QAction(self.tr("&Kortkommandon"), self)
        shortcuts.setShortcuts([QKeySequence(Qt.Key.Key_F1), QKeySequence("?")])
        shortcuts.triggered.connect(self.show_shortcuts)
        help_menu.addAction(shortcuts)
        self.addAction(shortcuts)

        QShortcut(QKeySequence("/"), self, self.focus_search)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.go_back)

    def _connect(self) -> None:
        self.rail.currentRowChanged.connect(self._on_rail)
        self._selected: dict[View, str] = {}
        self.stack.currentChanged.connect(self._on_view_changed)
        for view in self.views:
            view.case_selected.connect(lambda ref, v=view: self._preview_from(v, ref))
            view.case_opened.connect(self.open_case)
            view.loaded.connect(self._on_loaded)
        self.case_view.back_requested.connect(self.go_back)
        undo = self.case_view.undo
        undo.changed.connect(self._sync_undo)
        undo.undone.connect(lambda text: self.statusBar().showMessage(text, 5000))
        undo.failed.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        self.preview.open_requested.connect(self.open_case)
        self.ctx.tasks.busy_changed.connect(self.busy.setVisible)
        self.ctx.tasks.failed.connect(self._show_error)
        self.ctx.status_message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        if hasattr(self.inbox_view, "unread_count_changed"):
            self.inbox_view.unread_count_changed.connect(self._set_unread_badge)
        self.follow_ups_view.new_requested.connect(self.new_follow_up)
        self.case_view.follow_up_requested.connect(self.new_follow_up)
        self.scheduler.reminders_due.connect(self._show_reminders)
        self.scheduler.missed_found.connect(lambda found: self._show_reminders(found, True))
        self.banner.open_requested.connect(self.open_case)
        self.banner.snooze_requested.connect(
            lambda r: self.actions.ask_snooze(
                Target.of(r), self, lambda: self.banner.remove(r.follow_up_id)
            )
        )
        self.banner.done_requested.connect(
            lambda r: self.actions.done(
                Target.of(r), on_ok=lambda: self.banner.remove(r.follow_up_id)
            )
        )
        self.tray.clicked.connect(self._bring_to_front)

    def _restore_state(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1366, 768)
        splitter = self.settings.value("window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        else:
            self.splitter.setSizes([150, 846, 370])
        last = int(self.settings.value("window/view", TODAY))
        self.show_view(last if 0 <= last < self.rail.count() else TODAY)

    # --- behaviour ----------------------------------------------------------------------

    def start(self) -> None:
        """Load every view and begin watching for changes made by other programs."""
        for view in self.views:
            view.refresh()
        self.ctx.start_watching()
        self.scheduler.start()
        self.importer.watch_inbox()
        self.sync_status.start()

    def show_view(self, index: int) -> None:
        if index >= len(self.views):
            return
        if self.rail.currentRow() != index:
            self.rail.setCurrentRow(index)
        self.stack.setCurrentWidget(self.views[index])

    def _on_rail(self, index: int) -> None:
        if 0 <= index < len(self.views):
            self.stack.setCurrentWidget(self.views[index])
            self.preview.show()

    def current_view(self) -> View:
        widget = self.stack.currentWidget()
        assert isinstance(widget, View)
        return widget

    def open_case(self, case_ref: str) -> None:
        if self.stack.currentWidget() is not self.case_view:  # back leads to the list, not
            self._return_to = self.stack.currentWidget()  # to the case shown before this one
        self.case_view.open_case(case_ref)
        self.stack.setCurrentWidget(self.case_view)
        self.preview.hide()  # the whole case is on screen; give it the room

    def go_back(self) -> None:
        if self.stack.currentWidget() is self.case_view:
            target = getattr(self, "_return_to", None) or self.today_view
            self.stack.setCurrentWidget(target)
            self.preview.show()
            target.setFocus()

    def current_case_ref(self) -> str | None:
        """The open case, else the last case shown in the preview."""
        if self.stack.currentWidget() is self.case_view and self.case_view.case_ref:
            return self.case_view.case_ref
        return self.preview.case_ref

    def new_follow_up(self, case_ref: str | None = None) -> None:
        """'Ny bevakning…' (F) on ``case_ref`` or the current case."""
        ref = case_ref or self.current_case_ref()
        if not ref:
            self.statusBar().showMessage(self.tr("Välj ett ärende först."), 5000)
            return
        self.actions.ask_new(ref, self)

    def _sync_undo(self) -> None:
        undo = self.case_view.undo
        self.undo_action.setEnabled(undo.available)
        what = undo.description
        self.undo_action.setText(
            self.tr("&Ångra: {what}").format(what=what) if what else self.tr("&Ångra")
        )

    def _show_reminders(self, reminders: list[Reminder], missed: bool = False) -> None:
        self.banner.add(reminders, missed=missed)
        self.tray.notify(reminders, missed=missed)
        self.follow_ups_view.refresh()  # what was upcoming is now due there too

    def _bring_to_front(self) -> None:
        if self.isMinimized():
            self.showNormal()
        self.raise_()
        self.activateWindow()

    def focus_search(self) -> None:
        if not self.current_view().focus_search():
            self.show_view(STOCK)
            self.stock_view.focus_search()

    def _announce_inbox_import(self, results: list) -> None:
        """Files from the watched folder: new impulses are news worth a tray message."""
        new = sum(len(r.new_impulse_ids) for r in results)
        if new:
            self.tray.message(
                self.tr("Nya impulser"),
                self.tr("%n nya impulser från inkorgsmappen", "", new),
            )

    def _preview_from(self, view: View, case_ref: str) -> None:
        """Only the view on screen steers the preview (the others select rows as they load);
        each view's last selection is kept for when it comes back on screen."""
        self._selected[view] = case_ref
        if self.stack.currentWidget() is view:
            self.preview.show_case(case_ref)

    def _on_view_changed(self, _index: int) -> None:
        """Another view on screen: the preview shows its selected case, or none."""
        widget = self.stack.currentWidget()
        if widget is self.case_view or not isinstance(widget, View):
            return
        case_ref = self._selected.get(widget, "")
        if case_ref != (self.preview.case_ref or ""):
            self.preview.show_case(case_ref)

    def show_backups(self) -> None:
        from ui.dialogs.backups import BackupsDialog

        BackupsDialog(self.ctx, self).exec()

    def show_shortcuts(self) -> None:
        ShortcutHelp(self).exec()

    def _set_unread_badge(self, count: int) -> None:
        title = self.tr("Impulser")
        item = self.rail.item(INBOX)
        item.setText(f"{title}  ({count})" if count else title)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, self.tr("%n olästa impulser", "", count))

    def _on_loaded(self) -> None:
        if not self._first_shown:
            self._first_shown = True
            self.first_data_shown.emit()

    def _show_error(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Något gick fel"), message)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._dropped_files(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.importer.import_files(paths)

    def _dropped_files(self, mime: QMimeData) -> list[Path]:
        if not mime.hasUrls():
            return []
        return Importer.importable([Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()])

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("window/view", self.rail.currentRow())
        for view in (*self.views, self.case_view):
            save = getattr(view, "save_state", None)
            if save is not None:
                save(self.settings)
        self.settings.sync()
        self.scheduler.stop()
        self.sync_status.shutdown()
        super().closeEvent(event)
