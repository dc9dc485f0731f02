"""Tree model of the impulse inbox (one row per case, its impulses as children) and its cells."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.case.inbox import InboxItem
from ui.style import date_sv

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invisible root, as a default argument

RECEIVED, TYPE, DOCUMENT, TEXT = range(4)
HEADERS = ("Mottagen", "Typ", "Dokument", "Text")

ImpulseIdRole = Qt.ItemDataRole.UserRole + 1
CaseRefRole = Qt.ItemDataRole.UserRole + 2
UnreadRole = Qt.ItemDataRole.UserRole + 3
IsGroupRole = Qt.ItemDataRole.UserRole + 4
ChangeRole = Qt.ItemDataRole.UserRole + 5
PlainTextRole = Qt.ItemDataRole.UserRole + 6

UNREAD_MARK = "● Ny"

# Age filter keys, in the order the view offers them.
AGE_ALL, AGE_DAY, AGE_WEEK, AGE_OLDER_7, AGE_OLDER_30 = "all", "day", "week", "older7", "older30"


@dataclass
class CaseGroup:
    case_ref: str
    person_name: str
    items: list[InboxItem] = field(default_factory=list)

    @property
    def unread(self) -> int:
        return sum(1 for i in self.items if i.unread)

    @property
    def newest(self) -> str:
        return max(i.received_at for i in self.items)


def _received(item: InboxItem) -> datetime:
    moment = datetime.fromisoformat(item.received_at)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def filter_items(
    items: Iterable[InboxItem],
    *,
    now: datetime,
    on: date,
    impulse_type: str | None = None,
    age: str = AGE_ALL,
    unread_only: bool = False,
    keep_ids: frozenset[int] | set[int] = frozenset(),
) -> list[InboxItem]:
    """The items a filter shows; ``keep_ids`` stay under 'only unread' once read here,
    so an impulse does not vanish from under the cursor the moment it is read."""
    day_ago = now - timedelta(days=1)
    out = []
    for item in items:
        if impulse_type and item.type != impulse_type:
            continue
        days = item.age_days(on)
        if age == AGE_DAY and _received(item) < day_ago:
            continue
        if age == AGE_WEEK and days > 7:
            continue
        if age == AGE_OLDER_7 and days <= 7:
            continue
        if age == AGE_OLDER_30 and days <= 30:
            continue
        if unread_only and not item.unread and item.id not in keep_ids:
            continue
        out.append(item)
    return out


def group_items(items: Iterable[InboxItem]) -> list[CaseGroup]:
    """Groups by case, the case with the newest impulse first; newest first inside a case."""
    groups: dict[str, CaseGroup] = {}
    for item in items:
        group = groups.setdefault(item.case_ref, CaseGroup(item.case_ref, item.person_name))
        group.items.append(item)
    for group in groups.values():
        group.items.sort(key=lambda i: i.received_at, reverse=True)
    return sorted(groups.values(), key=lambda g: (g.newest, g.case_ref), reverse=True)


class InboxModel(QAbstractItemModel):
    """Case group rows (internal id 0) with impulse children (internal id = group row + 1)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._groups: list[CaseGroup] = []
        self._on = date.today()
        self._bold = QFont()
        self._bold.setBold(True)

    # --- loading ------------------------------------------------------------------------

    def set_items(self, items: Sequence[InboxItem], on: date) -> None:
        groups = group_items(items)
        same_shape = self._on == on and [[i.id for i in g.items] for g in groups] == [
            [i.id for i in g.items] for g in self._groups
        ]
        if same_shape:
            # Only read marks or texts changed: update in place so selection and scroll stay.
            self._groups = groups
            self._emit_all_changed()
            return
        self.beginResetModel()
        self._groups = groups
        self._on = on
        self.endResetModel()

    def set_read(self, impulse_ids: Iterable[int]) -> None:
        wanted = set(impulse_ids)
        for g_row, group in enumerate(self._groups):
            touched = False
            for row, item in enumerate(group.items):
                if item.id in wanted and item.unread:
                    group.items[row] = replace(item, unread=False)
                    first = self.index(row, 0, self.index(g_row, 0))
                    self.dataChanged.emit(first, first.siblingAtColumn(TEXT))
                    touched = True
            if touched:
                top = self.index(g_row, 0)
                self.dataChanged.emit(top, top.siblingAtColumn(TEXT))

    def _emit_all_changed(self) -> None:
        if not self._groups:
            return
        last = len(self._groups) - 1
        self.dataChanged.emit(self.index(0, 0), self.index(last, TEXT))
        for g_row, group in enumerate(self._groups):
            parent = self.index(g_row, 0)
            self.dataChanged.emit(
                self.index(0, 0, parent), self.index(len(group.items) - 1, TEXT, parent)
            )

    # --- lookups ------------------------------------------------------------------------

    @property
    def groups(self) -> list[CaseGroup]:
        return self._groups

    def impulse_count(self) -> int:
        return sum(len(g.items) for g in self._groups)

    def item(self, index: Index) -> InboxItem | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self._groups[index.internalId() - 1].items[index.row()]

    def case_ref(self, index: Index) -> str | None:
        if not index.isValid():
            return None
        g_row = index.row() if index.internalId() == 0 else index.internalId() - 1
        return self._groups[g_row].case_ref

    def is_group(self, index: Index) -> bool:
        return index.isValid() and index.internalId() == 0

    def index_for_impulse(self, impulse_id: int) -> QModelIndex:
        for g_row, group in enumerate(self._groups):
            for row, item in enumerate(group.items):
                if item.id == impulse_id:
                    return self.index(row, 0, self.index(g_row, 0))
        return QModelIndex()

    def index_for_case(self, case_ref: str) -> QModelIndex:
        for g_row, group in enumerate(self._groups):
            if group.case_ref == case_ref:
                return self.index(g_row, 0)
        return QModelIndex()

    def impulse_order(self) -> list[int]:
        """Every impulse id in display order."""
        return [i.id for g in self._groups for i in g.items]

    # --- QAbstractItemModel -------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        if column < 0 or column >= len(HEADERS) or row < 0:
            return QModelIndex()
        if not parent.isValid():
            if row >= len(self._groups):
                return QModelIndex()
            return self.createIndex(row, column, id=0)
        if parent.internalId() != 0 or parent.column() != 0:
            return QModelIndex()
        if parent.row() >= len(self._groups) or row >= len(self._groups[parent.row()].items):
            return QModelIndex()
        return self.createIndex(row, column, id=parent.row() + 1)

    def parent(self, index: Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, id=0)

    def rowCount(self, parent: Index = _ROOT) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._groups[parent.row()].items)
        return 0

    def columnCount(self, parent: Index = _ROOT) -> int:
        return len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(HEADERS):
            return HEADERS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._group_data(self._groups[index.row()], index.column(), role)
        item = self._groups[index.internalId() - 1].items[index.row()]
        return self._item_data(item, index.column(), role)

    def _group_data(self, group: CaseGroup, column: int, role: int):
        if role == IsGroupRole:
            return True
        if role == CaseRefRole:
            return group.case_ref
        if role == UnreadRole:
            return group.unread > 0
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column != 0:
                return None
            name = f" · {group.person_name}" if group.person_name else ""
            new = f", {group.unread} {'ny' if group.unread == 1 else 'nya'}" if group.unread else ""
            return f"{group.case_ref}{name} ({len(group.items)}{new})"
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        return None

    def _item_data(self, item: InboxItem, column: int, role: int):
        if role == IsGroupRole:
            return False
        if role == ImpulseIdRole:
            return item.id
        if role == CaseRefRole:
            return item.case_ref
        if role == UnreadRole:
            return item.unread
        if role == ChangeRole:
            return item.change if column == TEXT else None
        if role == PlainTextRole:
            return item.text if column == TEXT else None
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if item.unread else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = self._display(item, column)
            if column == RECEIVED:
                text = text.replace(UNREAD_MARK, "Ny impuls,")
            return text
        return None

    def _display(self, item: InboxItem, column: int) -> str:
        if column == RECEIVED:
            age = item.age_days(self._on)
            when = f"{date_sv(item.received_on)} · {age} d"
            return f"{UNREAD_MARK} {when}" if item.unread else when
        if column == TYPE:
            return item.type_sv
        if column == DOCUMENT:
            return item.doc_kind_sv
        if item.change:
            return f"{item.text} — {item.change}"
        return item.text

    def _tooltip(self, item: InboxItem, column: int) -> str:
        if column == RECEIVED:
            return self.tr("Mottagen %1").replace("%1", item.received_on.isoformat())
        if column == TEXT and item.change:
            return f"{item.text}\n" + self.tr("Intyget ändrade: %1").replace("%1", item.change)
        return self._display(item, column)


class ChangeDelegate(QStyledItemDelegate):
    """Draws the Text column as 'text — change' with the certificate change in bold,
    eliding the text first so what changed stays visible in a narrow column."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        change = index.data(ChangeRole)
        if not change:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget else None
        if style is None:
            super().paint(painter, option, index)
            return
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        rect = rect.adjusted(3, 0, -3, 0)  # the padding the style gives ordinary text
        base = QFont(opt.font)
        bold = QFont(base)
        bold.setBold(True)
        tail = f" — {change}"
        base_fm, bold_fm = QFontMetrics(base), QFontMetrics(bold)
        tail_w = min(bold_fm.horizontalAdvance(tail), rect.width())
        text = base_fm.elidedText(
            str(index.data(PlainTextRole) or ""), Qt.TextElideMode.ElideRight,
            rect.width() - tail_w,
        )  # fmt: skip
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = opt.palette.ColorRole.HighlightedText if selected else opt.palette.ColorRole.Text
        painter.save()
        painter.setPen(opt.palette.color(role))
        align = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        painter.setFont(base)
        painter.drawText(rect, align, text)
        left = rect.left() + base_fm.horizontalAdvance(text)
        painter.setFont(bold)
        tail_rect = QRect(left, rect.top(), rect.right() - left, rect.height())
        painter.drawText(
            tail_rect,
            align,
            bold_fm.elidedText(tail, Qt.TextElideMode.ElideRight, tail_rect.width()),
        )
        painter.restore()


def group_shade(options: QStyleOptionViewItem) -> QColor:
    """A tint of the text colour over the base, so group rows stand out in light and dark."""
    base, text = options.palette.base().color(), options.palette.text().color()
    mix = 0.1
    return QColor.fromRgbF(
        base.redF() * (1 - mix) + text.redF() * mix,
        base.greenF() * (1 - mix) + text.greenF() * mix,
        base.blueF() * (1 - mix) + text.blueF() * mix,
    )
