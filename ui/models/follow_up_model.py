"""Table model of the Bevakningar view: own follow-ups and the chain's standard ones, apart."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from html import escape

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette

from app.base.clock import STOCKHOLM
from app.base.model import FOLLOW_UP_KIND_SV
from app.followups.floor import HiddenSummary, legal_floor
from app.followups.store import FollowUp, list_follow_ups
from app.priority.profile import Caseworker
from ui.style import ACCENT, date_sv

Index = QModelIndex | QPersistentModelIndex

DUE, CASE, KIND, NOTE, STATE = range(5)
HEADERS = (
    QT_TRANSLATE_NOOP("FollowUpModel", "Förfaller"),
    QT_TRANSLATE_NOOP("FollowUpModel", "Ärende"),
    QT_TRANSLATE_NOOP("FollowUpModel", "Med"),
    QT_TRANSLATE_NOOP("FollowUpModel", "Anteckning"),
    QT_TRANSLATE_NOOP("FollowUpModel", "Läge"),
)

FollowUpRole = Qt.ItemDataRole.UserRole + 1
CaseRefRole = Qt.ItemDataRole.UserRole + 2
KindRole = Qt.ItemDataRole.UserRole + 3

SECTION, HINT, ENTRY = "section", "hint", "entry"
SECTION_BACKGROUND = QColor(127, 127, 127, 48)

# The kinds in the order the dialog offers them, with the capitalised label it shows.
KIND_CHOICES = (
    ("insured", QT_TRANSLATE_NOOP("FollowUpModel", "Den försäkrade")),
    ("employer", QT_TRANSLATE_NOOP("FollowUpModel", "Arbetsgivaren")),
    ("healthcare", QT_TRANSLATE_NOOP("FollowUpModel", "Vården")),
    ("af", QT_TRANSLATE_NOOP("FollowUpModel", "Arbetsförmedlingen")),
    ("other", QT_TRANSLATE_NOOP("FollowUpModel", "Annan")),
)
WAKE_CHOICES = (
    ("any_impulse", QT_TRANSLATE_NOOP("FollowUpModel", "Alla nya impulser")),
    ("certificate", QT_TRANSLATE_NOOP("FollowUpModel", "Bara nya läkarintyg")),
    ("none", QT_TRANSLATE_NOOP("FollowUpModel", "Inget – vänta till tiden")),
)
WAKE_TEXT = {
    "any_impulse": QT_TRANSLATE_NOOP("FollowUpModel", "väcks av nya impulser"),
    "certificate": QT_TRANSLATE_NOOP("FollowUpModel", "väcks av nya intyg"),
    "none": QT_TRANSLATE_NOOP("FollowUpModel", "väcks inte i förväg"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate("FollowUpModel", text)


def when_sv(moment: datetime | None) -> str:
    """'tis 24 nov 08:00' in Stockholm time; empty for none."""
    if moment is None:
        return ""
    local = moment.astimezone(STOCKHOLM)
    return f"{date_sv(local.date())} {local:%H:%M}"


def kind_label(kind: str) -> str:
    for key, label in KIND_CHOICES:
        if key == kind:
            return tr(label)
    return FOLLOW_UP_KIND_SV.get(kind, kind)


def state_text(fu: FollowUp, now: datetime) -> str:
    """'Snoozad till mån 30 nov 08:00 · väcks av nya intyg', 'Försenad 3 d', 'Förfallen'."""
    parts = []
    if fu.is_snoozed(now):
        assert fu.snoozed_until is not None
        parts.append(tr("Snoozad till %1").replace("%1", when_sv(fu.snoozed_until)))
        if fu.wake_on in WAKE_TEXT:
            parts.append(tr(WAKE_TEXT[fu.wake_on]))
    elif fu.fire_at <= now:
        days = (now.astimezone(STOCKHOLM).date() - fu.due_at.astimezone(STOCKHOLM).date()).days
        parts.append(tr("Försenad %1 d").replace("%1", str(days)) if days > 0 else tr("Förfallen"))
    if fu.recurrence is not None:
        parts.append(tr("upprepas %1").replace("%1", fu.recurrence.label_sv()))
    return " · ".join(parts)


def is_late(fu: FollowUp, now: datetime) -> bool:
    return not fu.is_snoozed(now) and fu.fire_at <= now


@dataclass(frozen=True, slots=True)
class FollowUpsData:
    """What the view shows, read on the database thread."""

    now: datetime
    items: list[FollowUp]
    names: dict[str, str]
    hidden: HiddenSummary


def load_follow_ups(
    conn: sqlite3.Connection, caseworker: Caseworker, now: datetime
) -> FollowUpsData:
    """The caseworker's open follow-ups (own and standard) and the legal-floor summary."""
    items = list_follow_ups(conn, caseworker, now)
    refs = sorted({f.case_ref for f in items})
    names: dict[str, str] = {}
    if refs:
        marks = ",".join("?" for _ in refs)
        names = {
            ref: name or ""
            for ref, name in conn.execute(
                f"SELECT case_ref, person_name FROM cases WHERE case_ref IN ({marks})", refs
            )
        }
    return FollowUpsData(now, items, names, legal_floor(conn, caseworker, now))


@dataclass(frozen=True, slots=True)
class _Row:
    kind: str
    text: str = ""
    item: FollowUp | None = None


_FONTS: dict[str, QFont] = {}


def _font(kind: str) -> QFont:
    font = _FONTS.get(kind)
    if font is None:
        font = _FONTS[kind] = QFont()
        font.setBold(kind in (SECTION, "late"))
        font.setItalic(kind == HINT)
    return font


class FollowUpModel(QAbstractTableModel):
    """'Personliga bevakningar (N)' and its rows, then 'Standardbevakningar från kedjan (N)'."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []
        self._data: FollowUpsData | None = None

    def set_data(self, data: FollowUpsData) -> None:
        own = [f for f in data.items if f.origin != "standard"]
        standard = [f for f in data.items if f.origin == "standard"]
        rows = [_Row(SECTION, tr("Personliga bevakningar (%1)").replace("%1", str(len(own))))]
        rows += [_Row(ENTRY, item=f) for f in own]
        if not own:
            rows.append(_Row(HINT, tr("Inga personliga bevakningar – tryck F på ett ärende.")))
        title = tr("Standardbevakningar från kedjan (%1)").replace("%1", str(len(standard)))
        rows.append(_Row(SECTION, title))
        rows += [_Row(ENTRY, item=f) for f in standard]
        if not standard:
            rows.append(_Row(HINT, tr("Inga standardbevakningar just nu.")))
        self.beginResetModel()
        self._data = data
        self._rows = rows
        self.endResetModel()

    # --- lookups for the view -----------------------------------------------------------

    @property
    def now(self) -> datetime | None:
        return self._data.now if self._data else None

    def item(self, row: int) -> FollowUp | None:
        return self._rows[row].item if 0 <= row < len(self._rows) else None

    def row_of(self, follow_up_id: int) -> int | None:
        for row, r in enumerate(self._rows):
            if r.item is not None and r.item.id == follow_up_id:
                return row
        return None

    def rows_of_case(self, case_ref: str) -> list[int]:
        return [r for r, x in enumerate(self._rows) if x.item and x.item.case_ref == case_ref]

    def entry_rows(self) -> list[int]:
        return [row for row, r in enumerate(self._rows) if r.kind == ENTRY]

    def spanning_rows(self) -> list[int]:
        return [row for row, r in enumerate(self._rows) if r.kind != ENTRY]

    def name_of(self, case_ref: str) -> str:
        return self._data.names.get(case_ref, "") if self._data else ""

    def items(self) -> list[FollowUp]:
        return [r.item for r in self._rows if r.item is not None]

    # --- the Qt model -------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(HEADERS):
            return tr(HEADERS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()].kind == ENTRY:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return Qt.ItemFlag.NoItemFlags  # arrow keys step over section rows

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        if role == KindRole:
            return row.kind
        if row.item is None:
            return self._spanning(row, index.column(), role)
        fu, column = row.item, index.column()
        now = self._data.now if self._data else fu.fire_at
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(fu, column, now)
        if role == FollowUpRole:
            return fu
        if role == CaseRefRole:
            return fu.case_ref
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._text(fu, column, now)  # whole, where the column elides it
        late = is_late(fu, now)
        if role == Qt.ItemDataRole.ForegroundRole and late and column in (DUE, STATE):
            return QColor(ACCENT)  # the 'Försenad' text says it too
        if role == Qt.ItemDataRole.FontRole and late and column == STATE:
            return _font("late")
        return None

    def _spanning(self, row: _Row, column: int, role: int):
        if column != DUE:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return row.text
        if role == Qt.ItemDataRole.FontRole:
            return _font(row.kind)
        if role == Qt.ItemDataRole.BackgroundRole and row.kind == SECTION:
            return SECTION_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole:
            # Not enabled (arrow keys skip them) but must not look greyed out.
            return QGuiApplication.palette().color(
                QPalette.ColorGroup.Active, QPalette.ColorRole.Text
            )
        return None

    def _text(self, fu: FollowUp, column: int, now: datetime) -> str:
        if column == DUE:
            return when_sv(fu.due_at)
        if column == CASE:
            name = self._data.names.get(fu.case_ref, "") if self._data else ""
            return f"{fu.case_ref} · {name}" if name else fu.case_ref
        if column == KIND:
            return kind_label(fu.kind)
        if column == NOTE:
            return " ".join((fu.note or "").split())
        if column == STATE:
            return state_text(fu, now)
        return ""


def detail_html(fu: FollowUp, now: datetime, name: str = "") -> str:
    """The selected follow-up in full: case, origin and kind, times and state, the note."""
    case = escape(f"{fu.case_ref} · {name}" if name else fu.case_ref)
    origin = tr("Standardbevakning") if fu.origin == "standard" else tr("Personlig bevakning")
    head = f"<b>{case}</b> – {origin} " + tr("med %1").replace(
        "%1", escape(FOLLOW_UP_KIND_SV.get(fu.kind, fu.kind))
    )
    word = tr("Förföll") if fu.due_at <= now else tr("Förfaller")
    times = [f"{word} {when_sv(fu.due_at)}", state_text(fu, now)]
    lines = [head, escape(" · ".join(t for t in times if t))]
    if fu.note:
        lines.append(escape(fu.note))
    return "<br>".join(lines)


def hidden_text(hidden: HiddenSummary) -> str:
    """'2 ärenden är dolda av snooze eller planering, som längst till mån 30 nov 08:00.'"""
    if hidden.count == 0:
        return tr("Inga ärenden är dolda av snooze eller planering.")
    capped = sum(1 for h in hidden.cases if h.capped)
    text = (
        tr("1 ärende är dolt av snooze eller planering till %2.")
        if hidden.count == 1
        else tr("%1 ärenden är dolda av snooze eller planering, som längst till %2.")
    )
    text = text.replace("%1", str(hidden.count)).replace("%2", when_sv(hidden.until))
    if capped:
        text += " " + tr(
            "%1 av dem kommer tillbaka tidigare än begärt: ingen snooze eller planering "
            "döljer ett ärende förbi nästa kontrollpunkt i kedjan."
        ).replace("%1", str(capped))
    return text
