"""The team table: one row per caseworker plus the totals row, every figure clickable."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtCore import QPersistentModelIndex as _PIndex
from PySide6.QtGui import QFont

from app.team.rules import TOTALS_SV, UNASSIGNED_SV
from app.team.table import TeamRow, TeamTable
from ui.style import date_sv, decimal

# (figure name, header, the figure whose case ids the cell lists when clicked)
COLUMNS: list[tuple[str, str, str | None]] = [
    ("name", QT_TRANSLATE_NOOP("TeamModel", "Sign."), None),
    ("active_cases", QT_TRANSLATE_NOOP("TeamModel", "Ärenden"), "active_cases"),
    ("weighted_load", QT_TRANSLATE_NOOP("TeamModel", "Belast-\nning"), "active_cases"),
    ("unhandled_impulses", QT_TRANSLATE_NOOP("TeamModel", "Impulser"), "unhandled_impulses"),
    ("oldest_impulse_days", QT_TRANSLATE_NOOP("TeamModel", "Äldsta\n(dagar)"),
     "unhandled_impulses"),
    ("overdue_follow_ups", QT_TRANSLATE_NOOP("TeamModel", "Försenade\nbev."), "overdue_follow_ups"),
    ("milestones_14", QT_TRANSLATE_NOOP("TeamModel", "Milst.\n14 d"), "milestones_14"),
    ("milestones_28", QT_TRANSLATE_NOOP("TeamModel", "Milst.\n28 d"), "milestones_28"),
    ("waiting_for_coordination", QT_TRANSLATE_NOOP("TeamModel", "Väntar\nsamordn."),
     "waiting_for_coordination"),
    ("no_contact_60", QT_TRANSLATE_NOOP("TeamModel", "Ej kontakt\n60+ d"), "no_contact_60"),
    ("past_181_without_os", QT_TRANSLATE_NOOP("TeamModel", "181 utan\nÖS"),
     "past_181_without_os"),
    ("absent", QT_TRANSLATE_NOOP("TeamModel", "Frånvaro"), None),
]  # fmt: skip
# The headers are short (two lines) to fit 1366x768; the tooltip has the full figure name.
TOOLTIPS = {
    "name": QT_TRANSLATE_NOOP("TeamModel", "Handläggarens signatur"),
    "active_cases": QT_TRANSLATE_NOOP("TeamModel", "Aktiva ärenden"),
    "weighted_load": QT_TRANSLATE_NOOP("TeamModel", "Viktad belastning"),
    "unhandled_impulses": QT_TRANSLATE_NOOP("TeamModel", "Obehandlade impulser"),
    "oldest_impulse_days": QT_TRANSLATE_NOOP("TeamModel", "Äldsta obehandlade impuls, dagar"),
    "overdue_follow_ups": QT_TRANSLATE_NOOP("TeamModel", "Försenade bevakningar"),
    "milestones_14": QT_TRANSLATE_NOOP("TeamModel", "Milstolpar inom 14 dagar"),
    "milestones_28": QT_TRANSLATE_NOOP("TeamModel", "Milstolpar inom 28 dagar"),
    "waiting_for_coordination": QT_TRANSLATE_NOOP("TeamModel", "Väntar på samordning"),
    "no_contact_60": QT_TRANSLATE_NOOP("TeamModel", "Ingen kontakt på 60 dagar eller mer"),
    "past_181_without_os": QT_TRANSLATE_NOOP(
        "TeamModel", "Efter dag 181 utan ÖS-ställningstagande"
    ),
    "absent": QT_TRANSLATE_NOOP("TeamModel", "Frånvarande till och med, täcks av"),
}
FIGURE_COLUMNS = {name: i for i, (name, _h, _f) in enumerate(COLUMNS)}
FigureRole = Qt.ItemDataRole.UserRole + 1  # the figure whose cases a cell lists
CaseIdsRole = Qt.ItemDataRole.UserRole + 2  # those case ids
RowRole = Qt.ItemDataRole.UserRole + 3
# app.team.rules (no Qt) names its two rows that are not a caseworker in Swedish; they are
# translated here in the fixed context TeamModel (hand-kept entries in the .ts file).
ROW_LABELS = (UNASSIGNED_SV, TOTALS_SV)


def row_name(row: TeamRow) -> str:
    """The row's full name: a caseworker's as is, the unassigned and totals rows translated."""
    if row.caseworker_id is None and row.name in ROW_LABELS:
        return QCoreApplication.translate("TeamModel", row.name)
    return row.name


class TeamModel(QAbstractTableModel):
    """The rows of a TeamTable and its totals row last (bold)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[TeamRow] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def set_table(self, table: TeamTable) -> None:
        self.beginResetModel()
        self._rows = [*table.rows, table.totals]
        self.endResetModel()

    def row_at(self, row: int) -> TeamRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def is_totals(self, row: int) -> bool:
        return bool(self._rows) and row == len(self._rows) - 1

    def rowCount(self, parent: QModelIndex | _PIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | _PIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        name = COLUMNS[section][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section][1])
        if role == Qt.ItemDataRole.ToolTipRole and name in TOOLTIPS:
            return self.tr(TOOLTIPS[name])
        return None

    def flags(self, index: QModelIndex | _PIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | _PIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        name, _header, figure = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, name)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if name == "name":
                return row_name(row)
            return f"{self.tr(TOOLTIPS[name])}: {self._text(row, name)}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if name in ("name", "absent"):
                return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.FontRole and self.is_totals(index.row()):
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            if name == "name":
                return row_name(row)
            return self.tr(TOOLTIPS[name]) if name in TOOLTIPS else None
        if role == FigureRole:
            return figure
        if role == CaseIdsRole:
            return list(row.cases.get(figure, [])) if figure else None
        if role == RowRole:
            return row
        return None

    def _text(self, row: TeamRow, name: str) -> str:
        if name == "name":
            return row.ext_id or row_name(row)  # the signature; the full name is the tooltip
        if name == "absent":
            if row.absent is None:
                return ""
            return self.tr("t.o.m. {day}, {who}").format(
                day=date_sv(row.absent.until), who=row.absent.covered_by
            )
        if name == "weighted_load":
            return decimal(row.weighted_load)
        value = row.figure(name)
        return "–" if value is None else str(value)
