"""Ångra: the last edit of a legal fact in the open case (consent, flags, the checklist, the
day-181 position) can be undone, with Ctrl+Z or the status bar's "Ångra" link.

The case view offers each edit it writes (``EditUndo.offer``); the window shows the notice
and owns the Ctrl+Z action. The undo goes through the engine (``app.casework.undo_edit``),
which puts the old values back through the same writes and records a 'case.undo' event. An
edit can be undone while its case stays open in the case view: leaving the case, or opening
another, forgets it, so Ctrl+Z never changes a case that is not on screen.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from app.base.errors import OverblickError
from app.case.casework import Edit, undo_edit
from ui.context import AppContext
from ui.widgets.case_texts import describe_event
from ui.widgets.link_button import link_button

log = logging.getLogger(__name__)

NOTICE_MS = 10_000  # how long the status bar offers "Ångra" after an edit


class EditUndo(QObject):
    """The last undoable edit of the case on screen; ``undo`` undoes it once."""

    changed = Signal()  # available or what it would undo changed
    offered = Signal(str)  # a new edit that can be undone, as a sentence
    undone = Signal(str)  # the undo is written: a sentence for the status bar
    failed = Signal(str)  # the engine refused (changed since, already undone): why

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._edit: Edit | None = None
        self.case_ref: str | None = None

    @property
    def available(self) -> bool:
        return self._edit is not None

    @property
    def description(self) -> str:
        """What an undo would take back: 'Samtycke för Arbetsgivaren: okänt → ja'."""
        return describe_event(self._edit.kind, self._edit.detail) if self._edit else ""

    def offer(self, edit: Edit | None, case_ref: str) -> None:
        if edit is None:  # nothing changed, nothing written
            return
        self._edit, self.case_ref = edit, case_ref
        self.changed.emit()
        self.offered.emit(self.description)

    def forget(self) -> None:
        if self._edit is not None:
            self._edit = None
            self.changed.emit()

    def undo(self) -> None:
        """Undo the edit on offer (nothing when there is none); once: the offer ends here."""
        edit, ref = self._edit, self.case_ref
        if edit is None:
            return
        what = self.description
        self.forget()
        caseworker, clock = self.ctx.caseworker, self.ctx.clock

        def done(_undo: Any) -> None:
            self.undone.emit(self.tr("Ångrat i {case}: {what}").format(case=ref, what=what))
            self.ctx.changed()

        def refused(exc: BaseException) -> None:
            if not isinstance(exc, OverblickError):
                log.error("undo failed: %s", type(exc).__name__)
            message = str(exc) if isinstance(exc, OverblickError) else ""
            self.failed.emit(message or self.tr("Det gick inte att ångra. Försök igen."))
            self.ctx.changed()  # show what is stored

        self.ctx.tasks.run(
            lambda conn: undo_edit(conn, edit.event_id, caseworker, clock), done, refused
        )


class UndoNotice(QWidget):
    """'Samtycke för Arbetsgivaren: okänt → ja  Ångra' in the status bar, for a few seconds
    after each edit of a legal fact."""

    def __init__(self, undo: EditUndo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.undo = undo
        self.text = QLabel()
        self.text.setAccessibleName(self.tr("Senaste ändringen"))
        self.link = link_button(self.tr("Ångra"), self.tr("Ångra senaste ändringen"), bold=True)
        self.link.clicked.connect(undo.undo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)
        layout.addWidget(self.link)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(NOTICE_MS)
        self.timer.timeout.connect(self.hide)
        undo.offered.connect(self.show_offer)
        undo.changed.connect(lambda: undo.available or self.end())
        self.hide()

    def show_offer(self, what: str) -> None:
        self.text.setText(what)
        self.link.setToolTip(self.tr("Ångra: {what} (Ctrl+Z)").format(what=what))
        self.link.setAccessibleDescription(what)
        self.show()
        self.timer.start()

    def end(self) -> None:
        self.timer.stop()
        self.hide()
