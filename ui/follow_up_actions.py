"""What the window can do to a follow-up, shared by the list, the banner and the case view.

Each action opens its dialog (or acts at once), writes through app.followups.store on the
database thread (``ctx.tasks``), then calls ``ctx.changed()`` so every view, the reminder
scheduler included, reads the table again. Messages go to ``notice`` and the status bar.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QWidget

from app.base.errors import OverblickError
from app.followups.reminders import Reminder
from app.followups.store import (
    FollowUp,
    SnoozeResult,
    create_follow_up,
    delete_follow_up,
    dismiss_follow_up,
    done_follow_up,
    reschedule_follow_up,
    snooze_follow_up,
    undo_delete,
)
from ui.context import AppContext
from ui.dialogs.follow_up import (
    FollowUpDialog,
    FollowUpRequest,
    SnoozeDialog,
    SnoozeRequest,
    TextDialog,
    about_text,
)
from ui.models.follow_up_model import tr, when_sv

log = logging.getLogger(__name__)

Callback = Callable[[], None] | None


@dataclass(frozen=True, slots=True)
class Target:
    """The follow-up an action is about (from a list row or from a reminder)."""

    id: int
    case_ref: str
    origin: str
    note: str | None
    due_at: datetime

    @classmethod
    def of(cls, item: FollowUp | Reminder) -> Target:
        if isinstance(item, Reminder):
            return cls(item.follow_up_id, item.case_ref, item.origin, item.note, item.due_at)
        return cls(item.id, item.case_ref, item.origin, item.note, item.due_at)


def error_text(exc: BaseException) -> str:
    """The engine's own refusal, or a plain sentence (details only in the log)."""
    if isinstance(exc, OverblickError):
        return str(exc)
    log.error("follow-up action failed: %s", type(exc).__name__)
    return tr("Det gick inte att spara. Försök igen.")


def snooze_text(case_ref: str, result: SnoozeResult) -> str:
    """'Snoozad till mån 30 nov 08:00' and, when capped, why it is earlier than asked."""
    until = result.follow_up.snoozed_until
    text = tr("%1: snoozad till %2.").replace("%1", case_ref).replace("%2", when_sv(until))
    if result.capped and result.floor is not None:
        text += " " + (
            tr("Begränsad från %1 till nästa kontrollpunkt i kedjan (%2).")
            .replace("%1", when_sv(result.requested))
            .replace("%2", result.floor.label_sv)
        )
    return text


class FollowUpActions(QObject):
    """Create, done, snooze, move, delete and undo, dismiss: dialogs plus the writes."""

    notice = Signal(str)  # a sentence for the user (also sent to the status bar)
    deleted = Signal(int, str)  # follow-up id, case reference: offer 'Ångra'
    written = Signal(str)  # the action's name after a successful write (tests, banner)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: QDialog | None = None  # the one open now (tests reach it here)

    # --- dialogs ------------------------------------------------------------------------

    def _open(self, dialog: QDialog, then: Callable[[], None] | None = None) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog

        def closed(_result: int) -> None:
            if self.dialog is dialog:
                self.dialog = None
            if then is not None:
                then()

        dialog.finished.connect(closed)
        dialog.open()
        return dialog

    def ask_new(
        self, case_ref: str, parent: QWidget | None, then: Callable[[], None] | None = None
    ) -> FollowUpDialog:
        """'Ny bevakning…' on ``case_ref``."""
        dialog = FollowUpDialog(case_ref, self.ctx.clock, parent)
        dialog.submitted.connect(lambda request: self._create(dialog, request))
        self._open(dialog, then)
        return dialog

    def ask_reschedule(self, target: Target, parent: QWidget | None) -> FollowUpDialog:
        now_text = tr("Nu: %1").replace("%1", about_text(target.due_at, target.note))
        dialog = FollowUpDialog(
            target.case_ref, self.ctx.clock, parent, reschedule=True, current=now_text
        )
        dialog.submitted.connect(lambda request: self._reschedule(dialog, target, request))
        self._open(dialog)
        return dialog

    def ask_snooze(
        self, target: Target, parent: QWidget | None, on_ok: Callback = None
    ) -> SnoozeDialog:
        about = about_text(target.due_at, target.note, self.ctx.clock.now())
        dialog = SnoozeDialog(target.case_ref, about, self.ctx.clock, parent)
        dialog.submitted.connect(lambda request: self._snooze(dialog, target, request, on_ok))
        self._open(dialog)
        return dialog

    def ask_done(
        self, target: Target, parent: QWidget | None, on_ok: Callback = None
    ) -> TextDialog:
        dialog = TextDialog(
            tr("Klar – %1").replace("%1", target.case_ref),
            tr("&Anteckning (valfri):"),
            tr("Klar"),
            parent,
            about=about_text(target.due_at, target.note, self.ctx.clock.now()),
        )
        dialog.submitted.connect(lambda note: self.done(target, note, dialog=dialog, on_ok=on_ok))
        self._open(dialog)
        return dialog

    def ask_dismiss(self, target: Target, parent: QWidget | None) -> TextDialog:
        dialog = TextDialog(
            tr("Avfärda standardbevakning – %1").replace("%1", target.case_ref),
            tr("&Skäl (krävs):"),
            tr("Avfärda"),
            parent,
            required=True,
            about=about_text(target.due_at, target.note, self.ctx.clock.now()),
        )
        dialog.submitted.connect(lambda reason: self._dismiss(dialog, target, reason))
        self._open(dialog)
        return dialog

    # --- writes -------------------------------------------------------------------------

    def _write(
        self,
        name: str,
        work: Callable[[Any], Any],
        message: Callable[[Any], str],
        dialog: Any = None,
        on_ok: Callback = None,
    ) -> None:
        def done(result: Any) -> None:
            if dialog is not None:
                dialog.done_ok()
            text = message(result)
            if text:
                self.notice.emit(text)
                self.ctx.status_message.emit(text)
            if on_ok is not None:
                on_ok()
            self.written.emit(name)
            self.ctx.changed()

        def failed(exc: BaseException) -> None:
            text = error_text(exc)
            if dialog is not None:
                dialog.failed(text)
            else:
                self.notice.emit(text)
                self.ctx.status_message.emit(text)

        self.ctx.tasks.run(work, done, failed)

    def _create(self, dialog: FollowUpDialog, request: FollowUpRequest) -> None:
        case_ref, cw, clock = dialog.case_ref, self.ctx.caseworker, self.ctx.clock

        def work(conn: Any) -> FollowUp:
            return create_follow_up(
                conn, case_ref, cw, request.due, clock,
                kind=request.kind, note=request.note or None, recurrence=request.recurrence,
            )  # fmt: skip

        def message(fu: FollowUp) -> str:
            text = tr("Bevakning på %1: %2.").replace("%1", case_ref)
            text = text.replace("%2", when_sv(fu.due_at))
            if fu.fire_at <= clock.now():
                text += " " + tr("Obs: tidpunkten har redan passerat.")
            return text

        self._write("created", work, message, dialog)

    def _reschedule(self, dialog: FollowUpDialog, target: Target, request: FollowUpRequest) -> None:
        cw, clock = self.ctx.caseworker, self.ctx.clock
        self._write(
            "rescheduled",
            lambda conn: reschedule_follow_up(conn, target.id, cw, request.due, clock),
            lambda fu: (
                tr("%1: flyttad till %2.")
                .replace("%1", target.case_ref)
                .replace("%2", when_sv(fu.due_at))
            ),
            dialog,
        )

    def _snooze(
        self, dialog: SnoozeDialog, target: Target, request: SnoozeRequest, on_ok: Callback
    ) -> None:
        self.snooze(target, request.until, request.wake_on, dialog=dialog, on_ok=on_ok)

    def snooze(
        self,
        target: Target,
        until: datetime,
        wake_on: str = "any_impulse",
        *,
        dialog: Any = None,
        on_ok: Callback = None,
    ) -> None:
        cw, clock = self.ctx.caseworker, self.ctx.clock
        self._write(
            "snoozed",
            lambda conn: snooze_follow_up(conn, target.id, cw, until, clock, wake_on=wake_on),
            lambda result: snooze_text(target.case_ref, result),
            dialog,
            on_ok,
        )

    def done(
        self,
        target: Target,
        note: str | None = None,
        *,
        dialog: Any = None,
        on_ok: Callback = None,
    ) -> None:
        cw, clock = self.ctx.caseworker, self.ctx.clock

        def message(fu: FollowUp) -> str:
            if fu.state == "open":  # a recurring one moved on to its next occurrence
                return (
                    tr("%1: klar. Nästa gång %2.")
                    .replace("%1", target.case_ref)
                    .replace("%2", when_sv(fu.due_at))
                )
            return tr("%1: bevakningen är klar.").replace("%1", target.case_ref)

        self._write(
            "done",
            lambda conn: done_follow_up(conn, target.id, cw, clock, note or None),
            message,
            dialog,
            on_ok,
        )

    def delete(self, target: Target) -> None:
        cw, clock = self.ctx.caseworker, self.ctx.clock

        def deleted(_fu: FollowUp) -> str:
            self.deleted.emit(target.id, target.case_ref)
            return ""  # the undo bar says it, with its button

        self._write("deleted", lambda conn: delete_follow_up(conn, target.id, cw, clock), deleted)

    def undo(self, follow_up_id: int, case_ref: str = "") -> None:
        cw, clock = self.ctx.caseworker, self.ctx.clock
        self._write(
            "restored",
            lambda conn: undo_delete(conn, follow_up_id, cw, clock),
            lambda fu: tr("Bevakningen på %1 är tillbaka.").replace("%1", fu.case_ref),
        )

    def _dismiss(self, dialog: TextDialog, target: Target, reason: str) -> None:
        cw, clock = self.ctx.caseworker, self.ctx.clock
        self._write(
            "dismissed",
            lambda conn: dismiss_follow_up(conn, target.id, cw, reason, clock),
            lambda _fu: tr("%1: standardbevakningen är avfärdad.").replace("%1", target.case_ref),
            dialog,
        )
