"""The 'Idag' view: today's planned lane first, then the whole stock ranked by priority."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.stock.today import plan_case
from ui.context import AppContext
from ui.dialogs.plan import PlanDialog
from ui.dialogs.why import WhyDialog
from ui.models.today_model import (
    CASE,
    CHAIN,
    MILESTONE,
    REASON,
    SCORE,
    TodayData,
    TodayEntry,
    TodayModel,
    load_today,
)
from ui.style import ACCENT, date_sv
from ui.views.base import View
from ui.widgets.keyed_table import KeyedTable


class TodayTable(KeyedTable):
    """The table with the view's keys: J/K move, Enter opens, W explains, P plans."""

    why_requested = Signal()
    plan_requested = Signal()

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.keys = {Qt.Key.Key_W: self.why_requested.emit, Qt.Key.Key_P: self.plan_requested.emit}


class TodayView(View):
    """Planned lane and ranked list in one table; 'Varför?' and 'Planera till…' act on the row."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._generation = 0
        self._current_ref: str | None = None
        self._first_load = True
        self.why_dialog: WhyDialog | None = None
        self.plan_dialog: PlanDialog | None = None

        self.title = QLabel()
        self.title.setObjectName("todayTitle")
        self.why_button = QPushButton(self.tr("Var&för?"))
        self.why_button.setAccessibleName(self.tr("Varför? Visa alla bidrag till prioriteten"))
        self.why_button.setToolTip(self.tr("Alla bidrag till ärendets poäng (W)"))
        self.why_button.clicked.connect(self.open_why)
        self.plan_button = QPushButton(self.tr("&Planera till…"))
        self.plan_button.setAccessibleName(self.tr("Planera ärendet till en annan dag"))
        self.plan_button.setToolTip(self.tr("Lägg ärendet i en annan dags planerade lista (P)"))
        self.plan_button.clicked.connect(self.open_plan)

        self.message = QLabel()
        self.message.setObjectName("todayMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {ACCENT}")
        self.message.hide()

        self.model = TodayModel(self)
        self.table = TodayTable()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Dagens ärenden: planerade och prioriterade"))
        self.table.setAlternatingRowColors(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(REASON, QHeaderView.ResizeMode.Stretch)
        metrics = self.table.fontMetrics()

        def fit(column: int, sample: str, extra: int) -> None:
            # Room for the widest value or the column title, whichever is wider.
            title = header.sectionSizeFromContents(column).width()
            header.resizeSection(column, max(title, metrics.horizontalAdvance(sample) + extra))

        fit(CASE, "SP-2026-000000 · Förnamn Efternamn", 12)
        fit(CHAIN, "dag 000 · 181–365", 36)
        fit(MILESTONE, "Dag 000 om 000 d", 16)
        fit(SCORE, "000,0", 16)

        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.open_current.connect(self.open_selected)
        self.table.why_requested.connect(self.open_why)
        self.table.plan_requested.connect(self.open_plan)

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.why_button)
        top.addWidget(self.plan_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        self.setFocusProxy(self.table)
        QWidget.setTabOrder(self.why_button, self.plan_button)
        QWidget.setTabOrder(self.plan_button, self.table)
        self._update_title(None)
        self._update_buttons()

    # --- loading ------------------------------------------------------------------------

    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation
        caseworker, on = self.ctx.caseworker, self.ctx.today

        def work(conn) -> TodayData:
            return load_today(conn, caseworker, on)

        def done(data: TodayData) -> None:
            if generation == self._generation:  # a newer refresh is on its way
                self._show(data)

        self.ctx.tasks.load(work, done, self._load_failed)

    def _show(self, data: TodayData) -> None:
        keep = self._current_ref
        old_row = self.table.currentIndex().row()
        self.model.set_today(data)
        self.table.clearSpans()
        for row in self.model.spanning_rows():
            self.table.setSpan(row, 0, 1, self.model.columnCount())
        self.message.hide()
        self._update_title(data)
        if self._first_load:
            self._fit_case_column(data)
        self._restore_selection(keep, old_row)
        self._update_buttons()
        self.loaded.emit()

    def _restore_selection(self, case_ref: str | None, old_row: int) -> None:
        rows = self.model.case_rows()
        target = self.model.row_of(case_ref) if case_ref else None
        if target is None and rows:
            if self._first_load or case_ref is None:
                target = rows[0]
            else:
                # The case left the list (closed, moved): stay where the cursor was.
                target = min(rows, key=lambda r: (abs(r - old_row), r))
        self._first_load = False
        if target is None:
            self._current_ref = None
            return
        self.table.setCurrentIndex(self.model.index(target, CASE))
        self.table.scrollTo(self.model.index(target, CASE))

    def _fit_case_column(self, data: TodayData) -> None:
        """Wide enough for the longest case and name, but leave the reason column room."""
        metrics = self.table.fontMetrics()
        texts = [self.model.data(self.model.index(r, CASE)) for r in self.model.case_rows()]
        widest = max((metrics.horizontalAdvance(t) for t in texts), default=0) + 16
        limit = max(200, self.table.viewport().width() // 3)
        self.table.horizontalHeader().resizeSection(CASE, max(160, min(widest, limit)))

    def _load_failed(self, error: BaseException) -> None:
        self.message.setText(self.tr("Dagens lista kunde inte läsas: %1").replace("%1", str(error)))
        self.message.show()

    def _update_title(self, data: TodayData | None) -> None:
        on = data.on if data else self.ctx.today
        self.title.setText(
            f"<b style='font-size:large'>{self.tr('Idag')}</b>&nbsp;&nbsp;{date_sv(on)}"
        )

    # --- selection ----------------------------------------------------------------------

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        ref = self.model.case_ref(current.row()) if current.isValid() else None
        self._update_buttons()
        if ref and ref != self._current_ref:
            self._current_ref = ref
            self.case_selected.emit(ref)

    def _update_buttons(self) -> None:
        has_case = self.selected_entry() is not None
        self.why_button.setEnabled(has_case)
        self.plan_button.setEnabled(has_case)

    def selected_entry(self) -> TodayEntry | None:
        index = self.table.currentIndex()
        return self.model.entry(index.row()) if index.isValid() else None

    def select_case(self, case_ref: str) -> bool:
        """Make ``case_ref`` the current row (it previews); False when it is not listed."""
        row = self.model.row_of(case_ref)
        if row is None:
            return False
        self.table.setCurrentIndex(self.model.index(row, CASE))
        return True

    def lane_of(self, case_ref: str) -> str | None:
        """'planned' or 'ranked' for a listed case, else None."""
        row = self.model.row_of(case_ref)
        return self.model.lane(row) if row is not None else None

    # --- actions ------------------------------------------------------------------------

    def open_selected(self) -> None:
        entry = self.selected_entry()
        if entry is not None:
            self.case_opened.emit(entry.case_ref)

    def open_why(self) -> WhyDialog | None:
        entry = self.selected_entry()
        if entry is None:
            return None
        dialog = WhyDialog(entry.case_ref, entry.score, entry.name, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self.table.setFocus)
        self.why_dialog = dialog
        dialog.open()
        return dialog

    def open_plan(self) -> PlanDialog | None:
        entry = self.selected_entry()
        if entry is None:
            return None
        dialog = PlanDialog(entry.case_ref, self.ctx.today, entry.planned_on, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.plan(dialog.case_ref, dialog.selected_date()))
        dialog.finished.connect(self.table.setFocus)
        self.plan_dialog = dialog
        dialog.open()
        return dialog

    def plan(self, case_ref: str, on: date | None) -> None:
        """Plan ``case_ref`` for ``on`` (None clears the plan); every view refreshes after."""
        caseworker, clock = self.ctx.caseworker, self.ctx.clock

        def work(conn) -> None:
            plan_case(conn, case_ref, caseworker, on, clock)

        def done(_result: None) -> None:
            if on is None:
                text = self.tr("Planeringen för %1 är borttagen.").replace("%1", case_ref)
            else:
                text = (
                    self.tr("%1 är planerat till %2.")
                    .replace("%1", case_ref)
                    .replace("%2", date_sv(on))
                )
            self.ctx.status_message.emit(text)
            self.ctx.changed()

        def failed(error: BaseException) -> None:
            self.message.setText(
                self.tr("Ärendet kunde inte planeras: %1").replace("%1", str(error))
            )
            self.message.show()

        self.ctx.tasks.run(work, done, failed)
