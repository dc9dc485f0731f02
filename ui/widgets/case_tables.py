"""The case view's lists as table models: impulses, follow-ups, contacts and the event history."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from app.base.model import FOLLOW_UP_KIND_SV, IMPULSE_TYPE_SV
from app.case.inbox import DOC_KIND_SV, OUTCOME_SV
from ui.style import ACCENT
from ui.widgets.case_texts import (
    FOLLOW_UP_ORIGIN_SV,
    FOLLOW_UP_STATE_SV,
    consent_sv,
    describe_event,
    local_day,
    local_time,
    role_sv,
    tr,
)

Row = dict[str, Any]
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """A column: its header, the cell text, and an optional 'is this cell alarming' test."""

    header: str
    text: Callable[[Row], str]
    alarm: Callable[[Row], bool] | None = None
    stretch: bool = False


class RowsModel(QAbstractTableModel):
    """Read-only rows of plain dicts shown through column definitions."""

    def __init__(self, columns: Sequence[Column], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Row] = []

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, index: int) -> Row | None:
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row, column = self.rows[index.row()], self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.text(row)
        alarm = column.alarm is not None and column.alarm(row)
        if role == Qt.ItemDataRole.ForegroundRole and alarm:
            return QBrush(QColor(ACCENT))
        if role == Qt.ItemDataRole.FontRole and alarm:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return self.columns[section].header
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.rows):
            return str(section + 1)
        return None


class FitTable(QTableView):
    """A table as tall as its rows (inside the page's scroll area), up to ``max_rows``."""

    key_pressed = Signal(int)

    def __init__(
        self, model: RowsModel, name: str, max_rows: int | None = None, empty: str = ""
    ) -> None:
        super().__init__()
        self.setModel(model)
        self.max_rows = max_rows
        self.empty_text = empty
        self.setAccessibleName(name)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.horizontalHeader()
        for i, column in enumerate(model.columns):
            mode = (
                QHeaderView.ResizeMode.Stretch
                if column.stretch
                else QHeaderView.ResizeMode.ResizeToContents
            )
            header.setSectionResizeMode(i, mode)
        model.modelReset.connect(self.fit)

    def fit(self) -> None:
        self.resizeRowsToContents()
        rows = self.model().rowCount()
        shown = rows if self.max_rows is None else min(rows, self.max_rows)
        height = self.horizontalHeader().height() + 2 * self.frameWidth() + 2
        height += sum(self.rowHeight(i) for i in range(shown))
        if rows == 0:
            height += self.verticalHeader().defaultSectionSize()
        self.setFixedHeight(height)
        wrap = self.max_rows is not None and rows > self.max_rows
        self.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAsNeeded if wrap else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.model().rowCount() == 0 and self.empty_text:
            # Say that the list is empty rather than show a blank box.
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                self.viewport().rect().adjusted(6, 0, 0, 0),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                self.empty_text,
            )
            painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit()  # wrapped text needs new row heights at a new width

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.key_pressed.emit(event.key())
        super().keyPressEvent(event)

    def current_row(self) -> Row | None:
        index = self.currentIndex()
        model = self.model()
        assert isinstance(model, RowsModel)
        return model.row_at(index.row()) if index.isValid() else None


def _open(row: Row) -> bool:
    return row.get("outcome") is None


def impulse_columns() -> list[Column]:
    def outcome(row: Row) -> str:
        if _open(row):
            return tr("Saknar utfall")
        text = tr(OUTCOME_SV.get(row["outcome"], row["outcome"]))
        note = (row.get("outcome_note") or "").strip()
        by = f" ({row.get('outcome_by') or ''}, {local_time(row.get('outcome_at'))[:10]})"
        return f"{text}: {note}{by}" if note else f"{text}{by}"

    def received(row: Row) -> str:
        text = str(local_day(row["received_at"]) or "")
        return text + (" · " + tr("oläst") if not row.get("read_at") and _open(row) else "")

    return [
        Column(tr("Inkom"), received),
        Column(tr("Typ"), lambda r: tr(IMPULSE_TYPE_SV.get(r["type"], r["type"]))),
        Column(
            tr("Text"),
            lambda r: " – ".join(
                t for t in (tr(DOC_KIND_SV.get(r.get("doc_kind") or "", "")), r.get("text")) if t
            ),
            stretch=True,
        ),
        Column(tr("Utfall"), outcome, alarm=_open, stretch=True),
    ]


def follow_up_columns(today: date) -> list[Column]:
    def due(row: Row) -> date | None:
        return local_day(row["due_at"])

    def late(row: Row) -> bool:
        day = due(row)
        return row["state"] == "open" and day is not None and day < today

    def state(row: Row) -> str:
        text = tr(FOLLOW_UP_STATE_SV.get(row["state"], row["state"]))
        if late(row):
            day = due(row)
            assert day is not None
            text += " · " + tr("försenad {n} d").format(n=(today - day).days)
        if row["state"] == "open" and row.get("snoozed_until"):
            text += " · " + tr("vilar till {day}").format(day=local_day(row["snoozed_until"]))
        if row.get("closed_at"):
            text += f" {local_time(row['closed_at'])[:10]}"
        return text

    return [
        Column(tr("Förfaller"), lambda r: str(due(r) or "")),
        Column(tr("Med"), lambda r: tr(FOLLOW_UP_KIND_SV.get(r["kind"], r["kind"]))),
        Column(tr("Ursprung"), lambda r: tr(FOLLOW_UP_ORIGIN_SV.get(r["origin"], r["origin"]))),
        Column(tr("Anteckning"), lambda r: r.get("note") or "", stretch=True),
        Column(tr("Läge"), state, alarm=late),
    ]


def contact_columns() -> list[Column]:
    return [
        # Consent first: read before the phone number.
        Column(
            tr("Samtycke"),
            lambda r: consent_sv(r.get("consent")),
            alarm=lambda r: r.get("consent") == 0,
        ),
        Column(tr("Roll"), lambda r: role_sv(r["role"])),
        Column(tr("Namn"), lambda r: r.get("name") or ""),
        Column(tr("Organisation"), lambda r: r.get("organisation") or "", stretch=True),
        Column(tr("Telefon"), lambda r: r.get("phone") or ""),
        Column(tr("E-post"), lambda r: r.get("email") or ""),
    ]


def event_columns() -> list[Column]:
    return [
        Column(tr("Tid"), lambda r: local_time(r["at"])),
        Column(tr("Av"), lambda r: r.get("actor") or ""),
        Column(
            tr("Händelse"), lambda r: describe_event(r["kind"], r.get("detail") or {}), stretch=True
        ),
    ]
