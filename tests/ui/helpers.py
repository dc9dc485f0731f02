"""Small helpers the window tests share."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

LOAD_WAIT_MS = 10_000


def loaded_view(qtbot, widget: QWidget) -> QWidget:
    """Show a view at a usual size and wait until its first refresh has loaded."""
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    with qtbot.waitSignal(widget.loaded, timeout=LOAD_WAIT_MS):
        widget.refresh()
    return widget


def action_for(window: QWidget, keys: str) -> QAction:
    """The window's action bound to ``keys`` (the offscreen platform has no focus window,
    so tests trigger bound actions directly)."""
    wanted = QKeySequence(keys)
    for action in window.findChildren(QAction):
        if wanted in action.shortcuts():
            return action
    raise AssertionError(f"no action bound to {keys}")
