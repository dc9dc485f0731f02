"""A table with the window's keys: J/K move like the arrows, Enter opens, and per-view keys."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)


def is_plain(event: QKeyEvent) -> bool:
    """No modifier held (a keypad key counts as plain)."""
    return event.modifiers() in PLAIN


def jk_as_arrow(event: QKeyEvent) -> QKeyEvent | None:
    """J and K as Down and Up, so they move (and preview) exactly like the arrows."""
    if is_plain(event) and event.key() in (Qt.Key.Key_J, Qt.Key.Key_K):
        arrow = Qt.Key.Key_Down if event.key() == Qt.Key.Key_J else Qt.Key.Key_Up
        return QKeyEvent(QEvent.Type.KeyPress, arrow, Qt.KeyboardModifier.NoModifier)
    return None


class KeyedTable(QTableView):
    """J/K move, Enter emits ``open_current``; ``keys`` maps further plain keys to actions."""

    open_current = Signal()

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.keys: dict[Qt.Key, Callable[[], None]] = {}
        # A list of cases, one row each: read-only, whole rows, roomy, no grid.
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.setShowGrid(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        arrow = jk_as_arrow(event)
        if arrow is not None:
            super().keyPressEvent(arrow)
            return
        if is_plain(event):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_current.emit()
                return
            action = self.keys.get(Qt.Key(event.key()))
            if action is not None:
                action()
                return
        super().keyPressEvent(event)
