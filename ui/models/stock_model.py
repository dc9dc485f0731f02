"""The stock table model: every open case in memory, filtered and sorted in place, shown lazily."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from operator import attrgetter
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from app.base.clock import local_date_of
from app.stock.facts import PHASES
from app.stock.overview import STATES, StockRow
from ui.style import ACCENT, chain_text, date_sv, days_left_text, decimal, phase_colour

# Rows handed to the view per fetchMore: the view asks for more as the user scrolls, so
# a 100,000-row stock never makes the view lay out more than it shows.
CHUNK = 500

# The filter key for cases with no running chain (stock_counts calls that phase "none").
NO_PHASE = "none"

CASE, NAME, PIN, CHAIN, MILESTONE, IMPULSES, FOLLOW_UP, LAST_ACTION, SCORE = range(9)
HEADERS = (
    QT_TRANSLATE_NOOP("StockModel", "Ärende"),
    QT_TRANSLATE_NOOP("StockModel", "Namn"),
    QT_TRANSLATE_NOOP("StockModel", "Personnummer"),
    QT_TRANSLATE_NOOP("StockModel", "Dag/fas"),
    QT_TRANSLATE_NOOP("StockModel", "Nästa milstolpe"),
    QT_TRANSLATE_NOOP("StockModel", "Impulser"),
    QT_TRANSLATE_NOOP("StockModel", "Nästa bevakning"),
    QT_TRANSLATE_NOOP("StockModel", "Senaste åtgärd"),
    QT_TRANSLATE_NOOP("StockModel", "Poäng"),
)
RIGHT_ALIGNED = {IMPULSES, SCORE}

# The whole row, for views and tests that need more than the text of a cell.
RowRole = Qt.ItemDataRole.UserRole + 1
CaseRefRole = Qt.ItemDataRole.UserRole

_DISPLAY = Qt.ItemDataRole.DisplayRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_DECORATION = Qt.ItemDataRole.DecorationRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_FONT = Qt.ItemDataRole.FontRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_UNUSED_ROLES = frozenset(
    {
        Qt.ItemDataRole.CheckStateRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.SizeHintRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.StatusTipRole,
        Qt.ItemDataRole.WhatsThisRole,
    }
)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def sv_key(text: str) -> str:
    """Swedish alphabetical order: å, ä, ö after z (code points would give ä before å).

    The characters after "z" in ASCII stand in for them; str.replace is several times
    faster than str.translate, which counts when 100,000 names are sorted.
    """
    key = text.casefold()
    if key.isascii():
        return key
    return (
        key.replace("å", "{")
        .replace("ä", "|")
        .replace("ö", "}")
        .replace("é", "e")
        .replace("ü", "y")
    )


# Sort keys per column; None values always sort last, whichever the direction.
_SORT_KEYS: dict[int, Callable[[StockRow], Any]] = {
    CASE: attrgetter("case_ref"),
    NAME: lambda r: sv_key(r.person_name),
    PIN: lambda r: r.masked_pin or None,
    CHAIN: lambda r: r.day if r.phase else None,
    MILESTONE: attrgetter("days_left"),
    IMPULSES: lambda r: (r.open_impulses, r.unread_impulses),
    FOLLOW_UP: attrgetter("next_follow_up"),
    LAST_ACTION: attrgetter("last_action_at"),
    SCORE: attrgetter("score"),
}


def score_text(score: float) -> str:
    """'280' or '270,5' (a decimal only where there is one)."""
    return decimal(score, whole_if_integral=True)


def milestone_text(row: StockRow) -> str:
    """'Dag 180 · om 7 d'."""
    if row.next_milestone_day is None:
        return ""
    return QCoreApplication.translate("StockModel", "Dag {day} · {left}").format(
        day=row.next_milestone_day, left=days_left_text(row.days_left)
    )


def impulses_text(row: StockRow) -> str:
    """'2 (1 ny)'; empty when the case has no open impulse."""
    if not row.open_impulses:
        return ""
    if row.unread_impulses:
        return QCoreApplication.translate("StockModel", "{count} ({new} ny)").format(
            count=row.open_impulses, new=row.unread_impulses
        )
    return str(row.open_impulses)


def counts_from_rows(rows: Iterable[StockRow]) -> dict[str, Any]:
    """The overview counts (stock_counts' shape) from table rows, for a lead's whole stock."""
    empty = {"cases": 0, **dict.fromkeys(STATES, 0)}
    phases: dict[str, dict[str, int]] = {p: dict(empty) for p in (*PHASES, NO_PHASE)}
    totals = dict(empty)
    benefit = missing_os = 0
    for row in rows:
        cell = phases[row.phase or NO_PHASE]
        cell["cases"] += 1
        totals["cases"] += 1
        for state in row.states:
            if state in cell:
                cell[state] += 1
                totals[state] += 1
        benefit += "benefit_decision" in row.states
        missing_os += "past_181_without_os_position" in row.states
    if not phases[NO_PHASE]["cases"]:
        del phases[NO_PHASE]
    return {
        "cases": totals["cases"],
        "phases": phases,
        "totals": totals,
        "backlogs": {
            "benefit_decision": benefit,
            "coordination": totals["waiting_for_coordination"],
        },
        "past_181_without_os_position": missing_os,
    }


_chips: dict[str | None, QIcon] = {}


def phase_chip(phase: str | None) -> QIcon:
    """A small rounded square in the phase colour (made once per phase, on the GUI thread)."""
    icon = _chips.get(phase)
    if icon is None:
        pixmap = QPixmap(12, 12)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(phase_colour(phase))
        painter.drawRoundedRect(0, 0, 12, 12, 3, 3)
        painter.end()
        icon = QIcon(pixmap)
        # The same colour in a selected row: the chip must not blend into the highlight.
        icon.addPixmap(pixmap, QIcon.Mode.Selected)
        _chips[phase] = icon
    return icon


class StockModel(QAbstractTableModel):
    """All open cases of the stock; a filter (phase, state, search ids) and a sort in place.

    The full list stays in memory (rows are small); ``_visible`` is the filtered, sorted
    list and ``_shown`` how much of it the view has fetched so far.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[StockRow] = []
        self._visible: list[StockRow] = []
        self._shown = 0
        self._on = date.min  # set with the rows
        self._phase: str | None = None
        self._state: str | None = None
        self._ids: set[int] | frozenset[int] | None = None
        self._sort_column = SCORE
        self._sort_order = Qt.SortOrder.DescendingOrder
        self._bold = QFont()
        self._bold.setBold(True)
        self._accent = QColor(ACCENT)

    # --- data in ------------------------------------------------------------------------

    def set_rows(
        self,
        rows: list[StockRow],
        on: date,
        search_ids: set[int] | frozenset[int] | None = None,
        *,
        replace_ids: bool = False,
    ) -> None:
        """Replace every row (a refresh, ranked as stock_rows ranks); filter and sort stay.

        With ``replace_ids`` the search result is replaced too, in the same single pass.
        """
        self._rows = list(rows)
        self._on = on
        if replace_ids:
            self._ids = search_ids
        # The engine hands the rows ranked by score, so the default order needs no sort.
        if (self._sort_column, self._sort_order) != (SCORE, Qt.SortOrder.DescendingOrder):
            self._sort_rows()
        self._refilter()

    def set_filter(self, phase: str | None, state: str | None) -> None:
        """Phase key (or NO_PHASE) and state key; None for either means no limit."""
        if (phase, state) == (self._phase, self._state):
            return
        self._phase, self._state = phase, state
        self._refilter()

    def set_search_ids(self, ids: set[int] | frozenset[int] | None) -> None:
        """Case ids that match the search; None when nothing is searched."""
        self._ids = ids
        self._refilter()

    @property
    def phase_filter(self) -> str | None:
        return self._phase

    @property
    def state_filter(self) -> str | None:
        return self._state

    def total_count(self) -> int:
        return len(self._rows)

    def visible_count(self) -> int:
        """Rows that pass the filter (rowCount is only what the view has fetched so far)."""
        return len(self._visible)

    def row_at(self, row: int) -> StockRow | None:
        return self._visible[row] if 0 <= row < self._shown else None

    def visible_rows(self) -> list[StockRow]:
        return list(self._visible)

    def row_of(self, case_ref: str) -> int:
        """The row of a case among the filtered rows, fetching up to it; -1 when filtered out."""
        for i, row in enumerate(self._visible):
            if row.case_ref == case_ref:
                if i >= self._shown:
                    self._fetch_to(i + 1)
                return i
        return -1

    def _refilter(self) -> None:
        rows = self._rows
        if self._phase is not None:
            wanted = None if self._phase == NO_PHASE else self._phase
            rows = [r for r in rows if r.phase == wanted]
        if self._state is not None:
            state = self._state
            rows = [r for r in rows if state in r.states]
        if self._ids is not None:
            ids = self._ids
            rows = [r for r in rows if r.id in ids]
        self.beginResetModel()
        self._visible = rows if rows is not self._rows else list(rows)
        self._shown = min(CHUNK, len(self._visible))
        self.endResetModel()

    def _sort_rows(self) -> None:
        key = _SORT_KEYS.get(self._sort_column)
        if key is None:
            return
        # One key per row, computed once; sorting is stable, so ties keep the engine's rank
        # order (score, then case id), and rows without a value go last either way.
        rows = self._rows
        keys = list(map(key, rows))
        order = [i for i, k in enumerate(keys) if k is not None]
        order.sort(key=keys.__getitem__, reverse=self._sort_order == Qt.SortOrder.DescendingOrder)
        self._rows = [rows[i] for i in order]
        if len(order) < len(rows):
            self._rows += [r for r, k in zip(rows, keys, strict=True) if k is None]

    # --- lazy fetching ------------------------------------------------------------------

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._shown < len(self._visible)

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        self._fetch_to(self._shown + CHUNK)

    def _fetch_to(self, count: int) -> None:
        count = min(count, len(self._visible))
        if count <= self._shown:
            return
        self.beginInsertRows(QModelIndex(), self._shown, count - 1)
        self._shown = count
        self.endInsertRows()

    # --- Qt model interface -------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr(HEADERS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole and section in RIGHT_ALIGNED:
            return _RIGHT
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        # Called about ten times per painted cell: constants, not enum lookups, and the
        # roles that most often answer nothing are turned away first.
        if role in _UNUSED_ROLES:
            return None
        r = index.row()
        if not 0 <= r < self._shown or not index.isValid():
            return None
        row = self._visible[r]
        column = index.column()
        if role == _DISPLAY:
            return self._text(row, column)
        if role == _ALIGN:
            return _RIGHT if column in RIGHT_ALIGNED else _LEFT
        if role == _DECORATION:
            return phase_chip(row.phase) if column == CHAIN else None
        if role == _FOREGROUND:
            if (column == IMPULSES and row.unread_impulses) or (
                column == FOLLOW_UP and self._overdue(row)
            ):
                return self._accent
            return None
        if role == _FONT:
            return self._bold if column == IMPULSES and row.unread_impulses else None
        if role == _TOOLTIP:
            if column == SCORE and row.top_reason:
                return row.top_reason
            if column == CASE and row.employer:
                return row.employer
            return None
        if role == CaseRefRole:
            return row.case_ref
        if role == RowRole:
            return row
        return None

    def _overdue(self, row: StockRow) -> bool:
        return (
            row.next_follow_up is not None
            and row.next_follow_up < self._on
            and "overdue_follow_ups" in row.states
        )

    def _text(self, row: StockRow, column: int) -> str:
        if column == CASE:
            return row.case_ref
        if column == NAME:
            return row.person_name
        if column == PIN:
            return row.masked_pin
        if column == CHAIN:
            return chain_text(row.day, row.phase)
        if column == MILESTONE:
            return milestone_text(row)
        if column == IMPULSES:
            return impulses_text(row)
        if column == FOLLOW_UP:
            if row.next_follow_up is None:
                return ""
            text = self._date_text(row.next_follow_up)
            # The accent colour is never the only sign that a follow-up is late.
            return self.tr("{date} (försenad)").format(date=text) if self._overdue(row) else text
        if column == LAST_ACTION:
            return self._date_text(local_date_of(row.last_action_at)) if row.last_action_at else ""
        if column == SCORE:
            return score_text(row.score)
        return ""

    def _date_text(self, day: date) -> str:
        # 'mån 23 nov' reads best; another year needs the year, so ISO there.
        return date_sv(day) if day.year == self._on.year else day.isoformat()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column not in _SORT_KEYS:
            return
        self._sort_column, self._sort_order = column, order
        self._sort_rows()
        self._refilter()
