"""Ärendestock: the overview strip, the two backlogs, and a searchable table of every case."""

from __future__ import annotations

import sqlite3
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QByteArray,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.stock.overview import stock_counts, stock_rows
from app.stock.search import fts_query, search_case_ids
from app.stock.views import ViewSpec, list_views, save_view
from ui.context import AppContext
from ui.models.stock_model import (
    CASE,
    CHAIN,
    FOLLOW_UP,
    IMPULSES,
    LAST_ACTION,
    MILESTONE,
    NAME,
    NO_PHASE,
    PIN,
    SCORE,
    CaseRefRole,
    StockModel,
    counts_from_rows,
)
from ui.style import phase_label
from ui.views.base import View
from ui.widgets.keyed_table import KeyedTable, is_plain
from ui.widgets.overview_strip import OverviewStrip

SEARCH_DEBOUNCE_MS = 150
HEADER_KEY = "stock/header"
COLUMN_WIDTHS = {
    CASE: 118,
    NAME: 150,
    PIN: 110,
    CHAIN: 130,
    MILESTONE: 120,
    IMPULSES: 70,
    FOLLOW_UP: 110,
    LAST_ACTION: 100,
    SCORE: 60,
}
# How the count line names the active state ("Visar 37 av 200 ärenden · öppna impulser").
STATE_NAMES = {
    "open_impulses": QT_TRANSLATE_NOOP("StockView", "öppna impulser"),
    "overdue_follow_ups": QT_TRANSLATE_NOOP("StockView", "försenad bevakning"),
    "milestone_within_14_days": QT_TRANSLATE_NOOP("StockView", "milstolpe inom 14 dagar"),
    "waiting_for_coordination": QT_TRANSLATE_NOOP("StockView", "väntar på samordning"),
    "benefit_decision": QT_TRANSLATE_NOOP("StockView", "väntar på beslut om rätt till ersättning"),
    "past_181_without_os_position": QT_TRANSLATE_NOOP(
        "StockView", "passerat dag 181 utan ÖS-ställningstagande"
    ),
}


class StockTable(KeyedTable):
    """The table, with the keyboard of the whole window: J/K move, Enter opens.

    J/K step through ``move_current`` so that moving past the loaded rows fetches more.
    """

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if is_plain(event) and event.key() in (Qt.Key.Key_J, Qt.Key.Key_K):
            self.move_current(1 if event.key() == Qt.Key.Key_J else -1)
            return
        super().keyPressEvent(event)

    def move_current(self, step: int) -> None:
        model = self.model()
        current = self.currentIndex().row()
        row = 0 if current < 0 else current + step
        if row >= model.rowCount() and model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())
        if not 0 <= row < model.rowCount():
            return
        index = model.index(row, max(self.currentIndex().column(), 0))
        self.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.scrollTo(index)


class StockView(View):
    """Every open case: the strip filters, live search, saved views, sort by any column."""

    filtered = Signal()  # the table shows a new filter, sort or search result

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        # A team lead follows the whole team's workload; a caseworker sees their own stock.
        self._lead = ctx.caseworker.role == "lead"
        self._loading = False
        self._dirty = False
        self._search_generation = 0
        self._applied_search = ""
        self._current_ref: str | None = None
        self._views: dict[str, ViewSpec] = {}
        self._chosen_view: str | None = None

        self.strip = OverviewStrip()
        self.strip.filter_requested.connect(self._on_strip_filter)

        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("Sök namn, ärende, arbetsgivare eller impulstext (/)")
        )
        self.search.setAccessibleName(self.tr("Sök i ärendestocken"))
        self.search.setClearButtonEnabled(True)
        self.search.textEdited.connect(self._on_search_edited)
        self.search.installEventFilter(self)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.run_search)

        self.views_box = QComboBox()
        self.views_box.setAccessibleName(self.tr("Sparade vyer"))
        self.views_box.setMinimumContentsLength(16)
        self.views_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.views_box.activated.connect(self._on_view_chosen)
        views_label = QLabel(self.tr("Sparade &vyer:"))
        views_label.setBuddy(self.views_box)
        self.save_view_button = QPushButton(self.tr("Spara vy…"))
        self.save_view_button.setAccessibleName(self.tr("Spara nuvarande filter som vy"))
        self.save_view_button.clicked.connect(self._ask_and_save_view)

        self.count_label = QLabel()
        self.count_label.setAccessibleName(self.tr("Antal ärenden som visas"))
        # A long filter description must never widen the view (it would push the splitter).
        self.count_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        self.model = StockModel(self)
        self.table = StockTable()
        self.table.setAccessibleName(self.tr("Ärendestock"))
        self.table.setModel(self.model)
        self._setup_table(settings or QSettings())
        self.model.modelReset.connect(self._after_reset)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.table.doubleClicked.connect(lambda _index: self._open_current())
        self.table.open_current.connect(self._open_current)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(views_label)
        bar.addWidget(self.views_box)
        bar.addWidget(self.save_view_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.strip)
        layout.addLayout(bar)
        layout.addWidget(self.count_label)
        layout.addWidget(self.table, 1)

        # Reading order: the strip (in its own order), search, saved views, the table.
        QWidget.setTabOrder(self.strip.cell(None, "waiting_for_coordination"), self.search)
        QWidget.setTabOrder(self.search, self.views_box)
        QWidget.setTabOrder(self.views_box, self.save_view_button)
        QWidget.setTabOrder(self.save_view_button, self.table)

        self._fill_views_box({})
        self._update_count()

    def _setup_table(self, settings: QSettings) -> None:
        table = self.table
        table.setAlternatingRowColors(True)
        table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # Fixed row heights: the view never measures rows, so 100,000 of them scroll smoothly.
        vertical = table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        for column, width in COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        header.setSortIndicator(SCORE, Qt.SortOrder.DescendingOrder)
        state = settings.value(HEADER_KEY)
        self._fit_columns = not isinstance(state, QByteArray)
        if isinstance(state, QByteArray):
            header.restoreState(state)
        # Turning sorting on sorts the model by the (restored) indicator.
        table.setSortingEnabled(True)

    def save_state(self, settings: QSettings) -> None:
        """Column widths, order and sort survive a restart (the main window calls this)."""
        settings.setValue(HEADER_KEY, self.table.horizontalHeader().saveState())

    # --- loading ------------------------------------------------------------------------

    def refresh(self) -> None:
        # A lead's whole team can take seconds to load: while one load runs, later change
        # news only marks the view dirty, and one more load follows (never a queue of them).
        if self._loading:
            self._dirty = True
            return
        self._loading = True
        caseworker = self.ctx.caseworker
        lead = self._lead
        on = self.ctx.today
        text = self._applied_search

        def work(conn: sqlite3.Connection) -> dict[str, Any]:
            rows = stock_rows(conn, None if lead else caseworker, on)
            counts = counts_from_rows(rows) if lead else stock_counts(conn, caseworker, on)
            return {
                "rows": rows,
                "counts": counts,
                "views": list_views(conn, caseworker),
                "search": text,
                "ids": search_case_ids(conn, text, None if lead else caseworker.id),
            }

        self.ctx.tasks.load(work, self._loaded, self._load_failed)

    def _load_failed(self, error: BaseException) -> None:
        self._loading = False
        self.ctx.tasks.failed.emit(str(error))

    def _loaded(self, result: dict[str, Any]) -> None:
        self._loading = False
        if result["search"] == self._applied_search:
            self.model.set_rows(result["rows"], self.ctx.today, result["ids"], replace_ids=True)
        else:
            self.model.set_rows(result["rows"], self.ctx.today)
        self.strip.set_counts(result["counts"])
        if self._fit_columns and self.model.rowCount():
            # First run: fit the columns to the first rows once (only the fetched chunk is
            # measured); after that the user's widths rule and are saved.
            self._fit_columns = False
            self.table.resizeColumnsToContents()
        self._fill_views_box(result["views"])
        self.loaded.emit()
        if self._dirty:
            self._dirty = False
            self.refresh()  # something changed while this load ran

    # --- filters ------------------------------------------------------------------------

    def set_filter(self, phase: str | None, state: str | None) -> None:
        """Show only cases in ``phase`` (or NO_PHASE) with ``state``; None for either = any."""
        self.strip.set_active(phase, state)
        self.model.set_filter(phase, state)
        self._chosen_view = None
        self._sync_views_box()
        self._update_count()

    def _on_strip_filter(self, phase: str | None, state: str | None) -> None:
        self.set_filter(phase, state)

    def _on_search_edited(self, _text: str) -> None:
        self._debounce.start()

    def run_search(self) -> None:
        """Search now (the debounce timer calls this 150 ms after the last keystroke)."""
        self._debounce.stop()
        text = self.search.text().strip()
        self._search_generation += 1
        generation = self._search_generation
        if fts_query(text) is None:
            self._search_done(generation, "", None)
            return
        scope = None if self._lead else self.ctx.caseworker.id

        def work(conn: sqlite3.Connection) -> set[int] | None:
            return search_case_ids(conn, text, scope)

        self.ctx.tasks.load(work, lambda ids: self._search_done(generation, text, ids))

    def _search_done(self, generation: int, text: str, ids: set[int] | None) -> None:
        if generation != self._search_generation:
            return  # the user typed on; a newer search is coming
        self._applied_search = text
        self.model.set_search_ids(ids)
        self._sync_views_box()
        self._update_count()

    def current_spec(self) -> ViewSpec:
        phase = self.model.phase_filter
        return ViewSpec(
            phase=None if phase == NO_PHASE else phase,
            state=self.model.state_filter,
            search=self.search.text().strip(),
        )

    # --- saved views --------------------------------------------------------------------

    def _fill_views_box(self, views: dict[str, ViewSpec]) -> None:
        self._views = dict(views)
        box = self.views_box
        box.blockSignals(True)
        box.clear()
        box.addItem(self.tr("Välj vy…"), None)
        for name in self._views:
            box.addItem(name, name)
        box.blockSignals(False)
        self._sync_views_box()

    def _sync_views_box(self) -> None:
        """Show the saved view that matches the current filter, or none."""
        spec = self.current_spec()
        name = self._chosen_view
        if name is None or self._views.get(name) != spec:
            name = next((n for n, s in self._views.items() if s == spec), None)
            if spec == ViewSpec():
                name = None
        index = self.views_box.findData(name) if name else 0
        self.views_box.setCurrentIndex(max(index, 0))

    def _on_view_chosen(self, index: int) -> None:
        name = self.views_box.itemData(index)
        if name:
            self.apply_view(name)

    def apply_view(self, name: str) -> None:
        """Apply a saved view's phase, state and search text."""
        spec = self._views[name]
        self.set_filter(spec.phase, spec.state)
        self._chosen_view = name
        self.search.setText(spec.search)
        self.run_search()
        self._sync_views_box()

    def _ask_and_save_view(self) -> None:
        name, ok = QInputDialog.getText(
            self,
            self.tr("Spara vy"),
            self.tr("Namn på vyn (fas, läge och sökning sparas):"),
            text=self._chosen_view or "",
        )
        if ok and name.strip():
            self.save_current_view(name.strip())

    def save_current_view(self, name: str) -> None:
        """Store the current phase, state and search as a named view, then refresh."""
        if self.model.phase_filter == NO_PHASE:
            self.ctx.status_message.emit(
                self.tr("Fasen 'ingen kedja' kan inte sparas i en vy; vyn sparas utan fas.")
            )
        spec = self.current_spec()
        caseworker, clock = self.ctx.caseworker, self.ctx.clock

        def work(conn: sqlite3.Connection) -> None:
            save_view(conn, caseworker, name, spec, clock)

        def done(_result: None) -> None:
            self._chosen_view = name
            self.ctx.changed()

        self.ctx.tasks.run(work, done)

    # --- selection ----------------------------------------------------------------------

    def _after_reset(self) -> None:
        """Keep the selected case selected across a filter, a sort or a refresh."""
        if self._current_ref is not None:
            row = self.model.row_of(self._current_ref)
            if row >= 0:
                index = self.model.index(row, 0)
                self.table.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.table.scrollTo(index)
        self._update_count()
        self.filtered.emit()

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        ref = current.data(CaseRefRole) if current.isValid() else None
        if ref and ref != self._current_ref:
            self._current_ref = ref
            self.case_selected.emit(ref)

    def _open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.case_opened.emit(index.data(CaseRefRole))

    def select_case(self, case_ref: str) -> bool:
        """Select a case in the table (it is previewed); False when it is filtered out."""
        row = self.model.row_of(case_ref)
        if row < 0:
            return False
        self.table.selectRow(row)
        return True

    def current_case(self) -> str | None:
        return self._current_ref

    # --- keyboard and text --------------------------------------------------------------

    def focus_search(self) -> bool:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # From the search field, Down or Enter goes to the results.
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._debounce.isActive():
                    self.run_search()
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)
                if not self.table.currentIndex().isValid():
                    self.table.move_current(1)
                return True
        return super().eventFilter(watched, event)

    def _update_count(self) -> None:
        shown, total = self.model.visible_count(), self.model.total_count()
        where = self.tr("i teamet") if self._lead else ""
        text = self.tr("Visar {shown} av {total} ärenden").format(shown=shown, total=total)
        parts = [f"{text} {where}".strip()]
        phase, state = self.model.phase_filter, self.model.state_filter
        if phase == NO_PHASE:
            parts.append(self.tr("ingen pågående kedja"))
        elif phase:
            parts.append(self.tr("dag {phase}").format(phase=phase_label(phase)))
        if state:
            parts.append(self.tr(STATE_NAMES[state]))
        if self._applied_search:
            parts.append(self.tr("sökning ”{text}”").format(text=self._applied_search))
        self.count_label.setText(" · ".join(parts))
