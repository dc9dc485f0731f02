"""The contract every view of the main window keeps."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from ui.context import AppContext


class View(QWidget):
    """A view in the middle of the window.

    ``case_selected`` previews a case (single click, arrow keys); ``case_opened`` opens
    it (Enter, double-click); ``loaded`` is emitted each time fresh data is on screen.
    """

    case_selected = Signal(str)
    case_opened = Signal(str)
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        ctx.data_changed.connect(self.refresh)

    def refresh(self) -> None:
        """Reload the view's data off the GUI thread, keeping the selection."""
        raise NotImplementedError

    def focus_search(self) -> bool:
        """Put the focus in the view's search field; False when it has none."""
        return False
