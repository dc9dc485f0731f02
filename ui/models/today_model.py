"""Table model of the Today view: the planned lane, then the ranked list, under header rows."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter, QPalette, QPixmap

from app.priority.profile import Caseworker
from app.priority.score import Score
from app.stock.today import today_list
from ui.style import chain_text, date_sv, days_left_text, decimal, phase_colour

Index = QModelIndex | QPersistentModelIndex


CASE, CHAIN, MILESTONE, SCORE, REASON = range(5)
HEADERS = (
    QT_TRANSLATE_NOOP("TodayModel", "Ärende"),
    QT_TRANSLATE_NOOP("TodayModel", "Kedjan"),
    QT_TRANSLATE_NOOP("TodayModel", "Nästa milstolpe"),
    QT_TRANSLATE_NOOP("TodayModel", "Poäng"),
    QT_TRANSLATE_NOOP("TodayModel", "Främsta skäl"),
)

CaseRefRole = Qt.ItemDataRole.UserRole + 1
KindRole = Qt.ItemDataRole.UserRole + 2
PhaseRole = Qt.ItemDataRole.UserRole + 3

# Row kinds: a section header, the hint shown in an empty planned lane, or a case.
SECTION, HINT, CASE_ROW = "section", "hint", "case"
PLANNED, RANKED = "planned", "ranked"

# Neutral tint, readable on light and dark palettes alike.
SECTION_BACKGROUND = QColor(127, 127, 127, 48)


_DOTS: dict[str, QPixmap] = {}
_TINTS: dict[str, QColor] = {}


def phase_dot(phase: str | None) -> QPixmap:
    """A round dot in the phase colour, drawn once per phase (the text beside it names it)."""
    key = phase or ""
    dot = _DOTS.get(key)
    if dot is None:
        dot = QPixmap(12, 12)
        dot.fill(Qt.GlobalColor.transparent)
        painter = QPainter(dot)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(phase_colour(phase))
        painter.drawEllipse(1, 1, 10, 10)
        painter.end()
        _DOTS[key] = dot
    return dot


_FONTS: dict[bool, QFont] = {}


def _font(*, bold: bool) -> QFont:
    """Bold for section headers, italic for the hint; made once, since data() runs per paint."""
    font = _FONTS.get(bold)
    if font is None:
        font = _FONTS[bold] = QFont()
        font.setBold(bold)
        font.setItalic(not bold)
    return font


def phase_tint(phase: str | None) -> QColor:
    """The phase colour, faint, as the cell's background: a chip behind the chain text."""
    key = phase or ""
    tint = _TINTS.get(key)
    if tint is None:
        tint = QColor(phase_colour(phase))
        tint.setAlpha(40)
        _TINTS[key] = tint
    return tint


@dataclass(frozen=True, slots=True)
class TodayEntry:
    """One case as the Today view shows it (plain data, built on the database thread)."""

    case_ref: str
    name: str
    day: int
    phase: str | None
    milestone_day: int | None
    milestone_label: str | None
    milestone_date: date | None
    days_left: int | None
    score: Score
    planned_on: date | None

    @property
    def top_reason(self) -> str:
        top = self.score.top_reason
        return top.text if top else ""


@dataclass(frozen=True, slots=True)
class TodayData:
    on: date
    planned: list[TodayEntry]
    ranked: list[TodayEntry]
    open_cases: int


def _person_names(conn: sqlite3.Connection, caseworker_id: int) -> dict[str, str]:
    # TodayItem carries no name; one small read on the database thread fills it in.
    return {
        ref: name or ""
        for ref, name in conn.execute(
            "SELECT case_ref, person_name FROM cases WHERE caseworker_id = ? AND status = 'open'",
            (caseworker_id,),
        )
    }


def load_today(conn: sqlite3.Connection, caseworker: Caseworker, on: date) -> TodayData:
    """The caseworker's whole Today list on ``on`` (runs on the database thread)."""
    from app.team.cover import cover_today

    result = today_list(conn, caseworker, on, limit=None)
    names = _person_names(conn, caseworker.id)
    # Colleagues this caseworker covers: their cases with something new or due, tagged.
    covered = cover_today(conn, caseworker, on)
    for item, absence in covered:
        ref = item.facts.case_ref
        row = conn.execute("SELECT person_name FROM cases WHERE case_ref = ?", (ref,)).fetchone()
        names[ref] = f"{(row[0] if row else '') or ''} · {absence.tag}"

    def entry(item) -> TodayEntry:
        facts = item.facts
        nxt = facts.chain.next_milestone
        return TodayEntry(
            case_ref=facts.case_ref,
            name=names.get(facts.case_ref, ""),
            day=facts.chain.day,
            phase=facts.chain.phase,
            milestone_day=nxt.day if nxt else None,
            milestone_label=nxt.label_sv if nxt else None,
            milestone_date=nxt.date if nxt else None,
            days_left=nxt.days_left if nxt else None,
            score=item.score,
            planned_on=facts.planned_on,
        )

    return TodayData(
        on=on,
        planned=[entry(i) for i in result.planned],
        ranked=sorted(
            [entry(i) for i in result.ranked] + [entry(item) for item, _ in covered],
            key=lambda e: (-e.score.total, e.case_ref),
        ),
        open_cases=result.open_cases,
    )


@dataclass(frozen=True, slots=True)
class _Row:
    kind: str
    text: str = ""
    entry: TodayEntry | None = None
    lane: str = RANKED


def milestone_text(entry: TodayEntry) -> str:
    """'Dag 180 om 7 d'."""
    if entry.milestone_day is None:
        return "–"  # no milestone left in the chain; a dash reads better than a blank
    return f"Dag {entry.milestone_day} {days_left_text(entry.days_left)}"


class TodayModel(QAbstractTableModel):
    """Header row 'Planerat i dag (N)', the planned cases (or a hint), then 'Prioriterat'."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []
        self._data: TodayData | None = None

    # --- loading ------------------------------------------------------------------------

    def set_today(self, data: TodayData) -> None:
        translate = QCoreApplication.translate
        planned_title = translate("TodayModel", "Planerat i dag (%1)")
        ranked_title = translate("TodayModel", "Prioriterat (%1 av %2 öppna ärenden)")
        hint = translate(
            "TodayModel", "Inget planerat i dag – tryck P på ett ärende för att planera det."
        )
        rows = [_Row(SECTION, planned_title.replace("%1", str(len(data.planned))))]
        rows += [_Row(CASE_ROW, entry=e, lane=PLANNED) for e in data.planned]
        if not data.planned:
            rows.append(_Row(HINT, hint))
        ranked_title = ranked_title.replace("%1", str(len(data.ranked)))
        rows.append(_Row(SECTION, ranked_title.replace("%2", str(data.open_cases))))
        rows += [_Row(CASE_ROW, entry=e, lane=RANKED) for e in data.ranked]
        self.beginResetModel()
        self._data = data
        self._rows = rows
        self.endResetModel()

    # --- lookups for the view -----------------------------------------------------------

    @property
    def today(self) -> TodayData | None:
        return self._data

    def entry(self, row: int) -> TodayEntry | None:
        return self._rows[row].entry if 0 <= row < len(self._rows) else None

    def lane(self, row: int) -> str | None:
        r = self._rows[row] if 0 <= row < len(self._rows) else None
        return r.lane if r and r.kind == CASE_ROW else None

    def case_ref(self, row: int) -> str | None:
        entry = self.entry(row)
        return entry.case_ref if entry else None

    def row_of(self, case_ref: str) -> int | None:
        for row, r in enumerate(self._rows):
            if r.entry is not None and r.entry.case_ref == case_ref:
                return row
        return None

    def case_rows(self) -> list[int]:
        return [row for row, r in enumerate(self._rows) if r.kind == CASE_ROW]

    def spanning_rows(self) -> list[int]:
        """Header and hint rows, which span every column."""
        return [row for row, r in enumerate(self._rows) if r.kind != CASE_ROW]

    # --- the Qt model -------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(HEADERS):
            return QCoreApplication.translate("TodayModel", HEADERS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()].kind == CASE_ROW:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        # Not enabled, so arrow keys step over header rows onto the next case.
        return Qt.ItemFlag.NoItemFlags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        if role == KindRole:
            return row.kind
        if row.kind != CASE_ROW:
            return self._spanning_data(row, index.column(), role)
        entry = row.entry
        assert entry is not None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(entry, column)
        if role == CaseRefRole:
            return entry.case_ref
        if role == PhaseRole:
            return entry.phase or ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(entry, column, row.lane)
        if column == CHAIN and role == Qt.ItemDataRole.DecorationRole:
            return phase_dot(entry.phase)
        if column == CHAIN and role == Qt.ItemDataRole.BackgroundRole:
            return phase_tint(entry.phase)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == SCORE:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def _spanning_data(self, row: _Row, column: int, role: int):
        if column != CASE:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return row.text
        if role == Qt.ItemDataRole.FontRole:
            return _font(bold=row.kind == SECTION)
        if role == Qt.ItemDataRole.BackgroundRole and row.kind == SECTION:
            return SECTION_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole:
            # These rows are not enabled (arrow keys skip them) but must not look greyed out.
            return QGuiApplication.palette().color(
                QPalette.ColorGroup.Active, QPalette.ColorRole.Text
            )
        return None

    @staticmethod
    def _text(entry: TodayEntry, column: int) -> str:
        if column == CASE:
            return f"{entry.case_ref} · {entry.name}" if entry.name else entry.case_ref
        if column == CHAIN:
            return chain_text(entry.day, entry.phase)
        if column == MILESTONE:
            return milestone_text(entry)
        if column == SCORE:
            return decimal(entry.score.total)
        if column == REASON:
            return entry.top_reason
        return ""

    @staticmethod
    def _tooltip(entry: TodayEntry, column: int, lane: str) -> str:
        if column == MILESTONE:
            if entry.milestone_label:
                return f"{entry.milestone_label}: {date_sv(entry.milestone_date)}"
            return QCoreApplication.translate("TodayModel", "Inga fler milstolpar i kedjan")
        if column == REASON:
            return entry.top_reason
        if column == CASE and entry.planned_on is not None and lane == RANKED:
            return QCoreApplication.translate("TodayModel", "Planerat till %1").replace(
                "%1", date_sv(entry.planned_on)
            )
        if column == SCORE:
            return QCoreApplication.translate(
                "TodayModel", "Tryck W för att se alla bidrag till poängen"
            )
        return ""
