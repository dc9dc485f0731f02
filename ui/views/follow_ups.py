"""'Bevakningar': the caseworker's open follow-ups, own and standard apart, with their actions."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.followups.store import FollowUp
from ui.context import AppContext
from ui.dialogs.follow_up import FollowUpDialog, SnoozeDialog, TextDialog
from ui.follow_up_actions import FollowUpActions, Target
from ui.models.follow_up_model import (
    CASE,
    DUE,
    KIND,
    NOTE,
    STATE,
    FollowUpModel,
    FollowUpsData,
    detail_html,
    hidden_text,
    load_follow_ups,
)
from ui.style import date_sv
from ui.views.base import View
from ui.widgets.keyed_table import KeyedTable

UNDO_MS = 10_000


class FollowUpTable(KeyedTable):
    """J/K move, Enter opens the case, Delete removes an own follow-up."""

    delete_current = Signal()

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.keys = {Qt.Key.Key_Delete: self.delete_current.emit}


class UndoBar(QFrame):
    """'Bevakningen på SP-… är borttagen. [Ångra]' for ten seconds after a delete."""

    undo_requested = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("undoBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "QFrame#undoBar { background: palette(alternate-base); border-radius: 4px; }"
        )
        self.text = QLabel()
        self.button = QPushButton(self.tr("&Ångra"))
        self.button.setAccessibleName(self.tr("Ångra borttagningen"))
        self.button.clicked.connect(self.undo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(UNDO_MS)
        self.timer.timeout.connect(self.hide)
        self.follow_up_id: int | None = None
        self.case_ref = ""
        self.hide()

    def offer(self, follow_up_id: int, case_ref: str) -> None:
        self.follow_up_id, self.case_ref = follow_up_id, case_ref
        self.text.setText(self.tr("Bevakningen på %1 är borttagen.").replace("%1", case_ref))
        self.show()
        self.timer.start()

    def undo(self) -> None:
        if self.follow_up_id is not None and not self.isHidden():
            self.undo_requested.emit(self.follow_up_id, self.case_ref)
        self.timer.stop()
        self.follow_up_id = None
        self.hide()


class FollowUpsView(View):
    """Due time, case, with whom, note and state; Klar, Snooza, Flytta, Ta bort, Avfärda."""

    new_requested = Signal(str)  # case reference: the window's 'Ny bevakning…' (F)

    def __init__(
        self, ctx: AppContext, actions: FollowUpActions | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.actions = actions or FollowUpActions(ctx, self)
        self._generation = 0
        self._current_id: int | None = None
        self._current_ref: str | None = None
        self._first_load = True

        self.title = QLabel()
        self.floor = QLabel()
        self.floor.setObjectName("floorSummary")
        self.floor.setWordWrap(True)
        self.floor.setAccessibleName(self.tr("Dolda ärenden"))
        self.message = QLabel()
        self.message.setObjectName("followUpMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        # The selected follow-up in full: the columns elide, this wraps.
        self.detail = QLabel()
        self.detail.setObjectName("followUpDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setAccessibleName(self.tr("Vald bevakning"))
        self.undo_bar = UndoBar()
        self.undo_bar.undo_requested.connect(self.actions.undo)
        self.actions.deleted.connect(self.undo_bar.offer)
        self.actions.notice.connect(self.show_message)

        self.new_button = self._button(self.tr("&Ny bevakning… (F)"), self.tr("Ny bevakning"))
        self.done_button = self._button(self.tr("&Klar…"), self.tr("Markera som klar"))
        self.snooze_button = self._button(self.tr("&Snooza…"), self.tr("Snooza bevakningen"))
        self.move_button = self._button(self.tr("F&lytta…"), self.tr("Flytta bevakningen"))
        self.delete_button = self._button(self.tr("&Ta bort"), self.tr("Ta bort bevakningen"))
        self.dismiss_button = self._button(
            self.tr("A&vfärda…"), self.tr("Avfärda standardbevakningen")
        )
        self.new_button.clicked.connect(self.ask_new)
        self.done_button.clicked.connect(self.ask_done)
        self.snooze_button.clicked.connect(self.ask_snooze)
        self.move_button.clicked.connect(self.ask_reschedule)
        self.delete_button.clicked.connect(self.delete_selected)
        self.dismiss_button.clicked.connect(self.ask_dismiss)
        self.delete_button.setToolTip(self.tr("Bara egna bevakningar; kan ångras (Delete)"))
        self.dismiss_button.setToolTip(self.tr("Bara standardbevakningar; skäl krävs"))

        self.model = FollowUpModel(self)
        self.table = FollowUpTable()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Mina bevakningar"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NOTE, QHeaderView.ResizeMode.Stretch)
        metrics = self.table.fontMetrics()
        # The note gets what is left; longer texts elide and show whole as a tooltip.
        for column, sample in (
            (DUE, "tors 24 nov 08:00"),
            (CASE, "SP-2026-000000 · Förnamn Efternam"),
            (KIND, "Den försäkrade"),
            (STATE, "Snoozad till mån 30 nov"),
        ):
            title = header.sectionSizeFromContents(column).width()
            header.resizeSection(column, max(title, metrics.horizontalAdvance(sample) + 16))
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.table.open_current.connect(self.open_selected)
        self.table.delete_current.connect(self.delete_selected)
        undo = QShortcut(QKeySequence.StandardKey.Undo, self, self.undo_bar.undo)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)  # only in this view

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.new_button, self.done_button, self.snooze_button,
                       self.move_button, self.delete_button, self.dismiss_button):  # fmt: skip
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.floor)
        layout.addLayout(buttons)
        layout.addWidget(self.undo_bar)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        self.setFocusProxy(self.table)
        # Reading order: the actions above the list, then the list.
        QWidget.setTabOrder(self.dismiss_button, self.table)
        self._set_title(None)
        self._update_buttons()

    def _button(self, text: str, accessible: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(accessible)
        return button

    # --- loading ------------------------------------------------------------------------

    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation
        caseworker, now = self.ctx.caseworker, self.ctx.clock.now()

        def work(conn) -> FollowUpsData:
            return load_follow_ups(conn, caseworker, now)

        def done(data: FollowUpsData) -> None:
            if generation == self._generation:
                self._show(data)

        def failed(error: BaseException) -> None:
            self.show_message(
                self.tr("Bevakningarna kunde inte läsas: %1").replace("%1", str(error))
            )

        self.ctx.tasks.load(work, done, failed)

    def _show(self, data: FollowUpsData) -> None:
        keep_id, keep_ref = self._current_id, self._current_ref
        old_row = self.table.currentIndex().row()
        self.model.set_data(data)
        self.table.clearSpans()
        for row in self.model.spanning_rows():
            self.table.setSpan(row, 0, 1, self.model.columnCount())
        self._set_title(data)
        self.floor.setText(hidden_text(data.hidden))
        self._restore_selection(keep_id, keep_ref, old_row)
        self._update_buttons()
        self._show_detail()
        self.loaded.emit()

    def _restore_selection(self, keep_id: int | None, keep_ref: str | None, old_row: int) -> None:
        rows = self.model.entry_rows()
        target = self.model.row_of(keep_id) if keep_id is not None else None
        if target is None and keep_ref:
            # The follow-up left the list (done, deleted): stay on its case if it has another.
            same_case = self.model.rows_of_case(keep_ref)
            target = same_case[0] if same_case else None
        if target is None and rows:
            if self._first_load or old_row < 0:
                target = rows[0]
            else:
                target = min(rows, key=lambda r: (abs(r - old_row), r))
        self._first_load = False
        if target is None:
            self._current_id = None
            self._current_ref = None
            return
        self.table.setCurrentIndex(self.model.index(target, DUE))
        self.table.scrollTo(self.model.index(target, DUE))

    def _set_title(self, data: FollowUpsData | None) -> None:
        count = len(data.items) if data else 0
        due = 0
        if data is not None:
            due = sum(1 for f in data.items if not f.is_snoozed(data.now) and f.fire_at <= data.now)
        text = f"<b style='font-size:large'>{self.tr('Bevakningar')}</b>&nbsp;&nbsp;"
        text += date_sv(self.ctx.today)
        if data is not None:
            summary = self.tr("%1 öppna, %2 förfallna").replace("%1", str(count))
            text += " · " + summary.replace("%2", str(due))
        self.title.setText(text)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # --- selection ----------------------------------------------------------------------

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item = self.model.item(current.row()) if current.isValid() else None
        self._update_buttons()
        self._show_detail()
        if item is None:
            return
        self._current_id = item.id
        if item.case_ref != self._current_ref:
            self._current_ref = item.case_ref
            self.case_selected.emit(item.case_ref)

    def _show_detail(self) -> None:
        item, now = self.selected(), self.model.now
        text = detail_html(item, now, self.model.name_of(item.case_ref)) if item and now else ""
        self.detail.setText(text)
        self.detail.setVisible(bool(text))

    def selected(self) -> FollowUp | None:
        index = self.table.currentIndex()
        return self.model.item(index.row()) if index.isValid() else None

    def select_follow_up(self, follow_up_id: int) -> bool:
        row = self.model.row_of(follow_up_id)
        if row is None:
            return False
        self.table.setCurrentIndex(self.model.index(row, DUE))
        return True

    def _update_buttons(self) -> None:
        item = self.selected()
        has = item is not None
        personal = has and item.origin != "standard"
        for button in (self.done_button, self.snooze_button):
            button.setEnabled(has)
        self.move_button.setEnabled(personal)
        self.delete_button.setEnabled(personal)
        self.dismiss_button.setEnabled(has and not personal)
        self.new_button.setEnabled(has)

    # --- actions ------------------------------------------------------------------------

    def _target(self) -> Target | None:
        item = self.selected()
        return Target.of(item) if item is not None else None

    def open_selected(self) -> None:
        item = self.selected()
        if item is not None:
            self.case_opened.emit(item.case_ref)

    def ask_new(self) -> None:
        item = self.selected()
        if item is not None:
            self.new_requested.emit(item.case_ref)

    def ask_done(self) -> TextDialog | None:
        target = self._target()
        return self.actions.ask_done(target, self) if target else None

    def ask_snooze(self) -> SnoozeDialog | None:
        target = self._target()
        return self.actions.ask_snooze(target, self) if target else None

    def ask_reschedule(self) -> FollowUpDialog | None:
        target = self._target()
        if target is None or target.origin == "standard":
            return None
        return self.actions.ask_reschedule(target, self)

    def ask_dismiss(self) -> TextDialog | None:
        target = self._target()
        if target is None or target.origin != "standard":
            return None
        return self.actions.ask_dismiss(target, self)

    def delete_selected(self) -> None:
        target = self._target()
        if target is None:
            return
        if target.origin == "standard":
            self.show_message(
                self.tr("En standardbevakning kan inte tas bort; avfärda den med ett skäl.")
            )
            return
        self.actions.delete(target)
