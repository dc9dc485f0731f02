"""Impulser: open impulses grouped by case, read marks, and an outcome for every impulse."""

from __future__ import annotations

import logging

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QRect,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.base.errors import OverblickError
from app.base.model import IMPULSE_TYPE_SV, ImpulseType
from app.case.inbox import inbox_items, mark_read, record_outcome, unread_count
from ui.context import AppContext
from ui.dialogs.outcome import OUTCOME_KEYS, OutcomePanel
from ui.models.inbox_model import (
    AGE_ALL,
    AGE_DAY,
    AGE_OLDER_7,
    AGE_OLDER_30,
    AGE_WEEK,
    DOCUMENT,
    RECEIVED,
    TEXT,
    TYPE,
    ChangeDelegate,
    InboxModel,
    IsGroupRole,
    UnreadRole,
    filter_items,
    group_shade,
)
from ui.style import ACCENT
from ui.views.base import View

log = logging.getLogger(__name__)

READ_DELAY_MS = 1000  # an impulse selected this long counts as read
BAR_WIDTH = 4


class InboxTree(QTreeView):
    """The impulse list; turns the inbox's keys into signals the view acts on."""

    outcome_key = Signal(str)
    confirm_key = Signal()
    outcome_focus_key = Signal()
    mark_read_key = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        plain = not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
        if key in OUTCOME_KEYS and plain:
            self.outcome_key.emit(OUTCOME_KEYS[key])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.confirm_key.emit()
        elif key == Qt.Key.Key_O and plain:
            self.outcome_focus_key.emit()
        elif key == Qt.Key.Key_Space and plain:
            self.mark_read_key.emit()
        elif key in (Qt.Key.Key_J, Qt.Key.Key_K) and plain:
            arrow = Qt.Key.Key_Down if key == Qt.Key.Key_J else Qt.Key.Key_Up
            super().keyPressEvent(QKeyEvent(event.type(), arrow, Qt.KeyboardModifier.NoModifier))
        else:
            super().keyPressEvent(event)

    def drawRow(self, painter: QPainter, options: QStyleOptionViewItem, index: QModelIndex) -> None:
        if index.data(IsGroupRole):
            painter.fillRect(options.rect, group_shade(options))
        super().drawRow(painter, options, index)
        if index.data(UnreadRole) and not index.data(IsGroupRole):
            # The accent bar sits in the indentation gap; "● Ny" and bold say the same in words.
            bar = QRect(options.rect.left() + 2, options.rect.top() + 1, BAR_WIDTH,
                        options.rect.height() - 2)  # fmt: skip
            painter.fillRect(bar, QColor(ACCENT))


class InboxView(View):
    """Every open impulse of the caseworker; each leaves only with a recorded outcome."""

    unread_count_changed = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._all: list = []
        self._loaded_once = False
        self._generation = 0
        self._read_here: set[int] = set()
        self._select_after: int | None = None
        self._recording = False
        self._restoring = False
        self._expanding = False

        self.model = InboxModel(self)
        self._build_filters()
        self._build_tree()
        self.panel = OutcomePanel()
        self.panel.confirm_requested.connect(self.record)
        self.panel.cancelled.connect(self.tree.setFocus)

        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAccessibleName(self.tr("Inga impulser"))
        self.pages = QStackedWidget()
        self.pages.addWidget(self.tree)
        self.pages.addWidget(self.empty_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(self.filters)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.panel)

        self._read_timer = QTimer(self)
        self._read_timer.setSingleShot(True)
        self._read_timer.setInterval(READ_DELAY_MS)
        self._read_timer.timeout.connect(self._mark_current_read)
        self.setFocusProxy(self.tree)

    # --- construction -------------------------------------------------------------------

    def _build_filters(self) -> None:
        self.type_combo = QComboBox()
        self.type_combo.setAccessibleName(self.tr("Filtrera på impulstyp"))
        self.type_combo.addItem(self.tr("Alla typer"), None)
        for impulse_type in ImpulseType:
            label = IMPULSE_TYPE_SV[impulse_type.value]  # the engine's Swedish name
            self.type_combo.addItem(label[:1].upper() + label[1:], impulse_type.value)
        self.age_combo = QComboBox()
        self.age_combo.setAccessibleName(self.tr("Filtrera på ålder"))
        for text, key in (
            (self.tr("Alla"), AGE_ALL),
            (self.tr("Senaste dygnet"), AGE_DAY),
            (self.tr("Senaste 7 dagarna"), AGE_WEEK),
            (self.tr("Äldre än 7 dagar"), AGE_OLDER_7),
            (self.tr("Äldre än 30 dagar"), AGE_OLDER_30),
        ):
            self.age_combo.addItem(text, key)
        self.unread_check = QCheckBox(self.tr("Bara olästa"))
        self.unread_check.setAccessibleName(self.tr("Visa bara olästa impulser"))
        self.count_label = QLabel()
        self.count_label.setAccessibleName(self.tr("Antal impulser"))

        type_label = QLabel(self.tr("&Typ:"))
        type_label.setBuddy(self.type_combo)
        age_label = QLabel(self.tr("Å&lder:"))
        age_label.setBuddy(self.age_combo)
        self.filters = QHBoxLayout()
        for widget in (type_label, self.type_combo, age_label, self.age_combo, self.unread_check):
            self.filters.addWidget(widget)
        self.filters.addStretch(1)
        self.filters.addWidget(self.count_label)
        self.type_combo.currentIndexChanged.connect(self._filters_changed)
        self.age_combo.currentIndexChanged.connect(self._filters_changed)
        self.unread_check.toggled.connect(self._filters_changed)

    def _build_tree(self) -> None:
        tree = InboxTree()
        tree.setAccessibleName(self.tr("Impulser grupperade per ärende"))
        tree.setModel(self.model)
        tree.setItemDelegateForColumn(TEXT, ChangeDelegate(tree))
        tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        tree.setRootIsDecorated(False)
        tree.setItemsExpandable(False)
        tree.setExpandsOnDoubleClick(False)
        tree.setIndentation(12)
        tree.setUniformRowHeights(True)
        tree.setAllColumnsShowFocus(True)
        tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        bold = QFont(tree.font())
        bold.setBold(True)
        widest = QFontMetrics(bold).horizontalAdvance("● Ny  tors 30 sep · 99 d")
        tree.setColumnWidth(RECEIVED, widest + tree.indentation() + 16)
        tree.setColumnWidth(TYPE, 170)
        tree.setColumnWidth(DOCUMENT, 140)
        tree.selectionModel().currentChanged.connect(self._on_current_changed)
        tree.selectionModel().selectionChanged.connect(self._on_selection_changed)
        tree.doubleClicked.connect(self._open_index)
        tree.outcome_key.connect(self._pick_outcome)
        tree.confirm_key.connect(self._on_enter)
        tree.outcome_focus_key.connect(self.panel_focus)
        tree.mark_read_key.connect(self.mark_selected_read)
        self.tree = tree

    # --- loading ------------------------------------------------------------------------

    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation
        caseworker, today = self.ctx.caseworker, self.ctx.today

        def work(conn):
            from dataclasses import replace

            from app.team.cover import cover_items

            items = inbox_items(conn, caseworker, on=today)
            # Colleagues this caseworker covers: their new impulses, tagged with whose they are.
            covered = [
                replace(c.item, person_name=f"{c.item.person_name} · {c.absence.tag}")
                for c in cover_items(conn, caseworker, today).impulses
            ]
            return items + covered, unread_count(conn, caseworker) + sum(c.unread for c in covered)

        self.ctx.tasks.load(work, lambda result: self._on_loaded(generation, result))

    def _on_loaded(self, generation: int, result: tuple[list, int]) -> None:
        if generation != self._generation:
            return  # a newer load is on its way
        items, unread = result
        self._all = items
        self._loaded_once = True
        self._apply_filter()
        self.unread_count_changed.emit(unread)
        self.loaded.emit()

    def _filters_changed(self) -> None:
        self._read_here.clear()
        self._apply_filter()

    def _apply_filter(self) -> None:
        current = self.tree.currentIndex()
        current_id = self._id_of(current)
        current_case = self.model.case_ref(current)
        selected = self.selected_ids()
        scroll = self.tree.verticalScrollBar().value()
        shown = filter_items(
            self._all,
            now=self.ctx.clock.now(),
            on=self.ctx.today,
            impulse_type=self.type_combo.currentData(),
            age=self.age_combo.currentData(),
            unread_only=self.unread_check.isChecked(),
            keep_ids=self._read_here,
        )
        moved = False
        self._restoring = True
        try:
            self.model.set_items(shown, self.ctx.today)
            for row in range(self.model.rowCount()):
                self.tree.setFirstColumnSpanned(row, QModelIndex(), True)
            self.tree.expandAll()
            moved = self._select_after is not None
            if moved:
                self._restore_selection([self._select_after], self._select_after, None)
                self._select_after = None
            else:
                self._restore_selection(selected, current_id, current_case)
                self.tree.verticalScrollBar().setValue(scroll)
        finally:
            self._restoring = False
        if moved and self.tree.currentIndex().isValid():
            # The user's own outcome moved the selection: preview where it landed.
            self._on_current_changed(self.tree.currentIndex(), QModelIndex())
        self._update_count_and_empty_state()
        self._update_panel_target()

    def _restore_selection(
        self, ids: list[int], current_id: int | None, current_case: str | None
    ) -> None:
        selection_model = self.tree.selectionModel()
        index = self.model.index_for_impulse(current_id) if current_id is not None else None
        if (index is None or not index.isValid()) and current_case:
            # The impulse is gone (handled elsewhere): stay on its case if the case remains.
            index = self.model.index_for_case(current_case)
        if index is None or not index.isValid():
            if self.tree.currentIndex().isValid():
                return
            first = self.model.index(0, 0)
            index = self.model.index(0, 0, first) if first.isValid() else QModelIndex()
        if not index.isValid():
            return
        flags = QItemSelectionModel.SelectionFlag
        selection_model.setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
        for impulse_id in ids:
            other = self.model.index_for_impulse(impulse_id)
            if other.isValid() and other != index:
                selection_model.select(other, flags.Select | flags.Rows)
        self.tree.scrollTo(index)

    def _update_count_and_empty_state(self) -> None:
        impulses = self.model.impulse_count()
        cases = self.model.rowCount()
        unread = sum(g.unread for g in self.model.groups)
        words = (
            self.tr("1 impuls")
            if impulses == 1
            else self.tr("%1 impulser").replace("%1", str(impulses))
        )
        where = (
            self.tr("1 ärende") if cases == 1 else self.tr("%1 ärenden").replace("%1", str(cases))
        )
        text = self.tr("%1 i %2").replace("%1", words).replace("%2", where)
        if impulses != len(self._all):
            text += self.tr(" (av %1)").replace("%1", str(len(self._all)))
        if unread:
            text += self.tr(" · %1 olästa").replace("%1", str(unread))
        self.count_label.setText(text)
        if not self._loaded_once or impulses:
            self.pages.setCurrentWidget(self.tree)
        else:
            if self._all:
                self.empty_label.setText(self.tr("Inga impulser matchar filtret."))
            else:
                self.empty_label.setText(self.tr("Inga obehandlade impulser. Bra jobbat!"))
            self.pages.setCurrentWidget(self.empty_label)
        self.panel.setEnabled(impulses > 0)

    # --- selection ----------------------------------------------------------------------

    def _id_of(self, index: QModelIndex) -> int | None:
        item = self.model.item(index.siblingAtColumn(0)) if index.isValid() else None
        return item.id if item else None

    def selected_ids(self) -> list[int]:
        """The chosen impulses in display order; a selected case stands for all of its own."""
        rows = {
            (self.model.case_ref(i), self._id_of(i))
            for i in self.tree.selectionModel().selectedRows(0)
        }
        whole_cases = {case for case, impulse in rows if impulse is None}
        picked = {impulse for _, impulse in rows if impulse is not None}
        return [
            item.id
            for group in self.model.groups
            for item in group.items
            if item.id in picked or group.case_ref in whole_cases
        ]

    def _on_selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        if not self._expanding:
            # Selecting a case group selects its impulses, so a bulk outcome is visible.
            groups = {i.siblingAtColumn(0) for i in selected.indexes() if self.model.is_group(i)}
            if groups:
                self._expanding = True
                try:
                    extra = QItemSelection()
                    for group in groups:
                        count = self.model.rowCount(group)
                        if count:
                            extra.select(
                                self.model.index(0, 0, group),
                                self.model.index(count - 1, TEXT, group),
                            )
                    flags = QItemSelectionModel.SelectionFlag
                    self.tree.selectionModel().select(extra, flags.Select | flags.Rows)
                finally:
                    self._expanding = False
        self._update_panel_target()

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._read_timer.stop()
        if self._restoring or not current.isValid():
            return
        case_ref = self.model.case_ref(current)
        if case_ref:
            self.case_selected.emit(case_ref)
        item = self.model.item(current.siblingAtColumn(0))
        if item is not None and item.unread:
            self._read_timer.start()

    def _update_panel_target(self) -> None:
        ids = set(self.selected_ids())
        cases = {g.case_ref for g in self.model.groups for i in g.items if i.id in ids}
        self.panel.set_target(len(ids), len(cases), next(iter(cases)) if len(cases) == 1 else None)

    def _open_index(self, index: QModelIndex) -> None:
        case_ref = self.model.case_ref(index)
        if case_ref:
            self.case_opened.emit(case_ref)

    # --- read marks ---------------------------------------------------------------------

    def _mark_current_read(self) -> None:
        item = self.model.item(self.tree.currentIndex().siblingAtColumn(0))
        if item is not None and item.unread and self.isVisible():
            self.mark_read([item.id])

    def mark_selected_read(self) -> None:
        """Space: the selected impulses (or the current one) are read now."""
        ids = set(self.selected_ids())
        current = self._id_of(self.tree.currentIndex())
        if not ids and current is not None:
            ids = {current}
        unread = [i.id for g in self.model.groups for i in g.items if i.id in ids and i.unread]
        if unread:
            self.mark_read(unread)

    def mark_read(self, ids: list[int]) -> None:
        caseworker, clock = self.ctx.caseworker, self.ctx.clock

        def done(_count: int) -> None:
            self._read_here.update(ids)
            self.model.set_read(ids)
            self._update_count_and_empty_state()
            self.ctx.changed()

        self.ctx.tasks.run(lambda conn: mark_read(conn, ids, caseworker, clock), done)

    # --- outcome ------------------------------------------------------------------------

    def panel_focus(self) -> None:
        """O: go to the outcome choices for the selected impulse(s)."""
        self.panel.focus_choices()

    def _pick_outcome(self, outcome: str) -> None:
        self.panel.set_outcome(outcome)
        # Straight on to the note; Enter there (or in the list) records.
        self.panel.note_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _on_enter(self) -> None:
        if self.panel.outcome() is not None:
            self.record()
            return
        self._open_index(self.tree.currentIndex())

    def record(self) -> None:
        """Record the panel's outcome and note for every selected impulse, in one call."""
        if self._recording:
            return
        outcome = self.panel.outcome()
        if outcome is None:
            self.panel.show_error(
                self.tr("Välj utfall: 1 Åtgärdad, 2 Annan aktör eller 3 Inte relevant.")
            )
            return
        ids = self.selected_ids()
        if not ids:
            self.panel.show_error(self.tr("Markera minst en impuls i listan."))
            return
        note = self.panel.note()
        following = self._next_after(ids)
        caseworker, clock = self.ctx.caseworker, self.ctx.clock
        self._recording = True
        self.panel.set_busy(True)

        def work(conn) -> int:
            return record_outcome(conn, ids, outcome, note, caseworker, clock)

        def done(count: int) -> None:
            self._recording = False
            self.panel.set_busy(False)
            self.panel.reset()
            self._select_after = following
            self.tree.setFocus()
            self.ctx.status_message.emit(
                self.tr("Utfall registrerat för %1 impulser.").replace("%1", str(count))
            )
            self.ctx.changed()

        def failed(exc: BaseException) -> None:
            self._recording = False
            self.panel.set_busy(False)
            if isinstance(exc, OverblickError):
                self.panel.show_error(str(exc))  # the engine speaks Swedish to the user
            else:
                log.error("recording an outcome failed: %s", type(exc).__name__)
                self.panel.show_error(self.tr("Utfallet kunde inte sparas. Försök igen."))
            self._update_panel_target()

        self.ctx.tasks.run(work, done, failed)

    def _next_after(self, ids: list[int]) -> int | None:
        """The impulse to land on once these leave the list: the next one, else the one before."""
        order = self.model.impulse_order()
        chosen = set(ids)
        positions = [n for n, i in enumerate(order) if i in chosen]
        if not positions:
            return None
        after = [i for i in order[positions[-1] + 1 :] if i not in chosen]
        if after:
            return after[0]
        before = [i for i in order[: positions[0]] if i not in chosen]
        return before[-1] if before else None
