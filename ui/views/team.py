"""Team (leads only): the team table with click-through figures, three charts, and the
lead's actions: absence and cover, reassignment, balancing, and the employer view."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.team.charts import TeamView as TeamData
from app.team.charts import team_view
from ui.context import AppContext
from ui.dialogs.team_actions import (
    AbsenceDialog,
    BalanceDialog,
    CasesDialog,
    Caseworkers,
    EmployerDialog,
)
from ui.models.team_model import (
    COLUMNS,
    TOOLTIPS,
    CaseIdsRole,
    FigureRole,
    TeamModel,
    row_name,
)
from ui.style import decimal
from ui.views.base import View
from ui.widgets.team_charts import ForecastChart, InflowChart, PhaseChart


class TeamTable(QTableView):
    """Enter on a figure lists the cases behind it (double-click does the same)."""

    open_requested = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_requested.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class TeamView(View):
    """The lead's overview of the team's needs (not quotas)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.data: TeamData | None = None
        self._loading = False
        self._dirty = False
        self.dialog: QWidget | None = None  # the last dialog opened (tests reach it here)

        self.heading = QLabel()
        self.heading.setAccessibleName(self.tr("Teamets läge"))
        self.absence_button = QPushButton(self.tr("Markera &frånvaro…"))
        self.absence_button.setAccessibleName(self.tr("Markera frånvaro och vem som täcker"))
        self.absence_button.clicked.connect(self.ask_absence)
        self.balance_button = QPushButton(self.tr("&Jämna ut…"))
        self.balance_button.setAccessibleName(self.tr("Förslag på jämnare fördelning"))
        self.balance_button.clicked.connect(self.ask_balance)
        self.employer = QLineEdit()
        self.employer.setPlaceholderText(self.tr("Arbetsgivare…"))
        self.employer.setAccessibleName(self.tr("Sök arbetsgivare"))
        self.employer.setClearButtonEnabled(True)
        self.employer.setMaximumWidth(220)
        self.employer.returnPressed.connect(lambda: self.show_employer(self.employer.text()))

        self.model = TeamModel(self)
        self.table = TeamTable()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Teamtabell"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        vertical = self.table.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.table.fontMetrics().height() + 6)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self.show_cases)
        self.table.open_requested.connect(self.show_cases)
        self.table.selectionModel().currentChanged.connect(self._on_current)

        self.phase_chart = PhaseChart()
        self.forecast_chart = ForecastChart()
        self.inflow_chart = InflowChart()
        charts = QWidget()
        row = QHBoxLayout(charts)
        row.setContentsMargins(0, 0, 0, 0)
        for chart in (self.phase_chart, self.forecast_chart, self.inflow_chart):
            row.addWidget(chart, 1)

        bar = QHBoxLayout()
        bar.addWidget(self.heading, 1)
        bar.addWidget(self.employer)
        bar.addWidget(self.absence_button)
        bar.addWidget(self.balance_button)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(charts)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        hint = QLabel(
            self.tr("Dubbelklicka eller tryck Enter på en siffra för att se ärendena bakom den.")
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        layout.addWidget(hint)
        # Reading order: the search and the actions on top, then the table, then the charts.
        QWidget.setTabOrder(self.employer, self.absence_button)
        QWidget.setTabOrder(self.absence_button, self.balance_button)
        QWidget.setTabOrder(self.balance_button, self.table)
        QWidget.setTabOrder(self.table, self.phase_chart)
        QWidget.setTabOrder(self.phase_chart, self.forecast_chart)
        QWidget.setTabOrder(self.forecast_chart, self.inflow_chart)

    # --- loading ------------------------------------------------------------------------

    def refresh(self) -> None:
        if self._loading:  # one load at a time; change news meanwhile gives one more
            self._dirty = True
            return
        self._loading = True
        if self.data is None:  # the first load of a database works out every case: say so
            self.heading.setText(self.tr("Räknar fram teamets läge…"))
        on = self.ctx.today

        def work(conn: sqlite3.Connection) -> TeamData:
            return team_view(conn, on)

        self.ctx.tasks.load(work, self._loaded, self._failed)

    def _failed(self, error: BaseException) -> None:
        self._loading = False
        self.ctx.tasks.failed.emit(str(error))

    def _loaded(self, data: TeamData) -> None:
        self._loading = False
        current = self.table.currentIndex()
        who = self._current_ext_id()
        self.data = data
        self.model.set_table(data.table)
        totals = data.table.totals
        self.heading.setText(
            self.tr("{n} handläggare · {c} öppna ärenden · belastning {w}").format(
                n=len(data.table.rows), c=totals.active_cases,
                w=decimal(totals.weighted_load))
        )  # fmt: skip
        self.phase_chart.set_counts(data.phases)
        self.inflow_chart.set_inflow(data.inflow.days, data.inflow.totals)
        # Keep the selection by caseworker across a refresh.
        row = next((i for i, r in enumerate(data.table.rows) if r.ext_id == who), None)
        if row is not None:
            self.table.setCurrentIndex(self.model.index(row, max(current.column(), 0)))
        self.forecast_chart.set_forecast(data.forecast, self._current_ext_id())
        self.loaded.emit()
        if self._dirty:
            self._dirty = False
            self.refresh()

    # --- behaviour ----------------------------------------------------------------------

    def _current_ext_id(self) -> str | None:
        row = self.model.row_at(self.table.currentIndex().row())
        return row.ext_id or None if row is not None else None

    def _on_current(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self.forecast_chart.set_selected(self._current_ext_id())

    def caseworkers(self) -> Caseworkers:
        """The active caseworkers of the table (those who can cover and receive cases)."""
        if self.data is None:
            return []
        return [(r.ext_id, r.name) for r in self.data.table.rows if r.ext_id and r.active]

    def show_cases(self, index: QModelIndex) -> CasesDialog | None:
        """List the cases behind the figure in ``index`` (nothing for a name cell)."""
        if not index.isValid():
            return None
        figure = index.data(FigureRole)
        ids = index.data(CaseIdsRole)
        if figure is None or not ids:
            return None
        row = self.model.row_at(index.row())
        name = COLUMNS[index.column()][0]
        title = f"{self.tr(TOOLTIPS[name])} – {row.ext_id or row_name(row)}" if row else ""
        dialog = CasesDialog(self.ctx, title, ids, self.caseworkers(), self)
        return self._open(dialog)

    def _open(self, dialog: CasesDialog) -> CasesDialog:
        dialog.case_selected.connect(self.case_selected)
        dialog.case_opened.connect(self.case_opened)
        self.dialog = dialog
        dialog.open()
        return dialog

    def show_employer(self, name: str) -> EmployerDialog | None:
        if not name.strip():
            return None
        dialog = EmployerDialog(self.ctx, name.strip(), self.caseworkers(), self)
        self._open(dialog)
        return dialog

    def ask_absence(self) -> AbsenceDialog:
        dialog = AbsenceDialog(self.ctx, self.caseworkers(), self)
        self.dialog = dialog
        dialog.open()
        return dialog

    def ask_balance(self) -> BalanceDialog:
        dialog = BalanceDialog(self.ctx, self)
        self.dialog = dialog
        dialog.open()
        return dialog

    def focus_search(self) -> bool:
        self.employer.setFocus()
        self.employer.selectAll()
        return True
