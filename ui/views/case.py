"""The full case ("Ärende"): chain, gaps, consent, checklist, impulses, follow-ups, history.

Read with app.casework.case_detail on the database thread; every edit goes through the
engine (edit_case, set_consent, add_note, record_outcome), which writes it as an event,
then ``ctx.changed()`` makes every view, this one included, reload.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from itertools import pairwise
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.base.errors import OverblickError
from app.case.casework import CaseDetail, add_note, case_detail, edit_case, set_consent
from app.case.inbox import record_outcome
from ui.context import AppContext
from ui.dialogs.outcome import OutcomeDialog
from ui.undo import EditUndo
from ui.views.base import View
from ui.widgets.case_edits import ChecklistBox, FlagsBox
from ui.widgets.case_sections import (
    CaseHeader,
    ConsentBox,
    GapsBox,
    NotesBox,
    error_label,
    show_error,
)
from ui.widgets.case_tables import (
    FitTable,
    RowsModel,
    contact_columns,
    event_columns,
    follow_up_columns,
    impulse_columns,
)
from ui.widgets.case_texts import day_text, tr
from ui.widgets.timeline import TimelineWidget

log = logging.getLogger(__name__)
HISTORY_ROWS = 12


def _message(exc: BaseException, fallback: str = "Det gick inte att spara. Försök igen.") -> str:
    if isinstance(exc, OverblickError):
        return str(exc)
    log.error("case view task failed: %s", type(exc).__name__)
    return tr(fallback)


def _section(title: str, *widgets: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    box.setAccessibleName(title)
    layout = QVBoxLayout(box)
    for widget in widgets:
        layout.addWidget(widget)
    return box


class CaseView(View):
    """One case, whole. ``open_case`` loads it; ``back_requested`` asks to go back (Esc)."""

    back_requested = Signal()
    follow_up_requested = Signal(str)  # case reference: 'Ny bevakning…' (F)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.case_ref: str | None = None
        self.detail: CaseDetail | None = None
        self.outcome_dialog: OutcomeDialog | None = None
        self.undo = EditUndo(ctx, self)  # the last legal-fact edit: Ctrl+Z, "Ångra"
        self._token = 0
        self._build()

    # --- construction -------------------------------------------------------------------

    def _build(self) -> None:
        self.header = CaseHeader()
        self.header.back_clicked.connect(self.back_requested)
        self.header.reveal_clicked.connect(self.reveal_pin)
        self.gaps = GapsBox()
        self.timeline = TimelineWidget()
        self.chain_text = QLabel()
        self.chain_text.setWordWrap(True)
        self.chain_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.periods_text = QLabel()
        self.periods_text.setWordWrap(True)
        self.periods_text.setStyleSheet("color: palette(placeholder-text);")
        chain_box = _section(
            self.tr("Rehabiliteringskedjan"), self.timeline, self.chain_text, self.periods_text
        )
        self.checklist = ChecklistBox()
        self.checklist.edit_requested.connect(lambda c: self.edit(c, self.checklist.error))
        self.consent = ConsentBox()
        self.consent.consent_changed.connect(self.change_consent)
        self.flags = FlagsBox()
        self.flags.edit_requested.connect(lambda c: self.edit(c, self.flags.error))

        self.impulse_model = RowsModel(impulse_columns(), self)
        self.impulses_table = FitTable(
            self.impulse_model, self.tr("Impulser i ärendet"), empty=self.tr("Inga impulser.")
        )
        self.impulses_table.key_pressed.connect(self._impulse_key)
        self.impulses_table.doubleClicked.connect(lambda _i: self.ask_outcome())
        self.outcome_button = QPushButton(self.tr("Registrera utfall… (O)"))
        self.outcome_button.setAccessibleName(self.tr("Registrera utfall för vald impuls"))
        self.outcome_button.clicked.connect(self.ask_outcome)
        self.impulses_error = error_label()
        self.impulses_table.selectionModel().currentRowChanged.connect(
            lambda *_: self._sync_outcome_button()
        )
        outcome_row = QWidget()
        row_layout = QHBoxLayout(outcome_row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.outcome_button)
        row_layout.addStretch(1)
        self.impulses_box = _section(
            self.tr("Impulser"), self.impulses_table, outcome_row, self.impulses_error
        )

        self.follow_up_model = RowsModel(follow_up_columns(self.ctx.today), self)
        self.follow_ups_table = FitTable(
            self.follow_up_model,
            self.tr("Bevakningar i ärendet"),
            empty=self.tr("Inga bevakningar."),
        )
        self.planned_text = QLabel()
        self.planned_text.setWordWrap(True)
        self.follow_up_button = QPushButton(self.tr("Ny bevakning… (F)"))
        self.follow_up_button.setAccessibleName(self.tr("Ny bevakning på ärendet"))
        self.follow_up_button.clicked.connect(
            lambda: self.case_ref and self.follow_up_requested.emit(self.case_ref)
        )
        follow_up_row = QWidget()
        follow_up_layout = QHBoxLayout(follow_up_row)
        follow_up_layout.setContentsMargins(0, 0, 0, 0)
        follow_up_layout.addWidget(self.follow_up_button)
        follow_up_layout.addStretch(1)
        follow_ups_box = _section(
            self.tr("Bevakningar och planerat"),
            self.follow_ups_table,
            follow_up_row,
            self.planned_text,
        )
        self.contact_model = RowsModel(contact_columns(), self)
        self.contacts_table = FitTable(
            self.contact_model, self.tr("Kontakter i ärendet"), empty=self.tr("Inga kontakter.")
        )
        contacts_box = _section(self.tr("Kontakter"), self.contacts_table)
        self.notes = NotesBox()
        self.notes.save_requested.connect(self.save_note)
        self.event_model = RowsModel(event_columns(), self)
        self.events_table = FitTable(
            self.event_model, self.tr("Händelser"), HISTORY_ROWS, self.tr("Inga händelser ännu.")
        )
        history_box = _section(self.tr("Historik (senaste först)"), self.events_table)

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.addWidget(self.gaps)
        layout.addWidget(chain_box)
        pair = QHBoxLayout()
        pair.addWidget(self.checklist, 1)
        pair.addWidget(self.consent, 1)
        layout.addLayout(pair)
        layout.addWidget(self.flags)
        for widget in (self.impulses_box, follow_ups_box, contacts_box, self.notes, history_box):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setWidget(page)
        self.scroll.setAccessibleName(self.tr("Ärendets innehåll"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 6, 4, 4)
        outer.addWidget(self.header)
        outer.addWidget(self.scroll, 1)
        self.scroll.hide()

    # --- loading ------------------------------------------------------------------------

    def reveal_pin(self) -> None:
        """Show the whole personal identity number: a deliberate act, written as an event."""
        case_ref, caseworker, clock = self.case_ref, self.ctx.caseworker, self.ctx.clock
        if case_ref is None:
            return

        def work(conn: Any) -> str:
            from app.safety.privacy import reveal_pin

            return reveal_pin(conn, case_ref, caseworker, clock)

        def done(pin: str) -> None:
            if self.case_ref == case_ref:
                self.header.revealed_pin = pin
                self.ctx.changed()

        self.ctx.tasks.run(work, done, lambda exc: show_error(self.flags.error, str(exc)))

    def open_case(self, case_ref: str) -> None:
        """Show ``case_ref`` (from Enter or double-click in another view)."""
        if case_ref != self.case_ref:
            self.case_ref = case_ref
            self.detail = None
            self.undo.forget()  # Ctrl+Z only ever changes the case on screen
            self.gaps.forget()
            for label in (self.checklist.error, self.consent.error, self.flags.error,
                          self.impulses_error, self.notes.error):  # fmt: skip
                show_error(label, None)
            self.notes.editor.clear()
            self.header.revealed_pin = None  # masked again for every case opened
            self.scroll.hide()  # never the previous person's details under a new header
            self.scroll.verticalScrollBar().setValue(0)
            self.header.set_message(case_ref)
        self._load()

    def refresh(self) -> None:
        if self.case_ref is not None:
            self._load()

    def _load(self) -> None:
        self._token += 1
        token, ref = self._token, self.case_ref
        on, caseworker = self.ctx.today, self.ctx.caseworker
        assert ref is not None

        def work(conn: Any) -> CaseDetail:
            return case_detail(conn, ref, on, caseworker)

        def done(detail: CaseDetail) -> None:
            if token == self._token:  # a newer load (another case) wins
                self._show(detail, on)

        def failed(exc: BaseException) -> None:
            if token == self._token:
                self.detail = None
                self.header.set_message(_message(exc, "Ärendet kunde inte läsas."))
                self.scroll.hide()
                self.loaded.emit()

        self.ctx.tasks.load(work, done, failed)

    def _show(self, detail: CaseDetail, today: date) -> None:
        bar = self.scroll.verticalScrollBar()
        keep = bar.value() if self.detail is not None else 0
        self.detail = detail
        self._apply(detail, today)
        self.scroll.show()
        # The page's new height is laid out on the next turn of the event loop.
        self.scroll.widget().adjustSize()
        bar.setValue(keep)
        if keep:
            QTimer.singleShot(0, lambda: bar.setValue(keep))
        self.loaded.emit()

    def _apply(self, detail: CaseDetail, today: date) -> None:
        """Fill every control from ``detail`` (also how a refused edit is undone)."""
        closed = detail.row["status"] != "open"
        chain = detail.facts.chain if detail.facts else None
        self.header.set_detail(detail)
        self.gaps.set_gaps(detail.gaps)
        self.timeline.set_chain(chain, closed)
        self.chain_text.setText(self.timeline.summary())
        self.periods_text.setText(self._periods_text(detail))
        self.checklist.set_detail(detail, today)
        before = tuple(self.consent.combos)
        self.consent.set_contacts(detail.contacts, editable=not closed)
        if tuple(self.consent.combos) != before:
            self._order_consent_focus()
        self.flags.set_detail(detail, today)
        self._set_impulses(detail.impulses)
        self.outcome_button.setEnabled(not closed)
        self.follow_up_button.setEnabled(not closed)
        self.follow_up_model.columns = follow_up_columns(today)
        self.follow_up_model.set_rows(detail.follow_ups)
        self.planned_text.setText(self._planned_text(detail, today))
        self.contact_model.set_rows(detail.contacts)
        self.notes.set_notes(detail.notes)
        self.notes.setEnabled(True)
        self.event_model.set_rows(detail.events)

    def _order_consent_focus(self) -> None:
        # Consent rows are built after the rest, so put them back in reading order.
        chain = [self.checklist.os, *self.consent.combos.values(), self.flags.runs_itself]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _periods_text(self, detail: CaseDetail) -> str:
        periods = [
            f"{p['start']} – {p['end'] or self.tr('pågår')} ({p.get('extent') or 100} %)"
            for p in detail.sick_periods
        ]
        text = self.tr("Sjukperioder: {list}").format(list="; ".join(periods) or self.tr("inga"))
        if detail.certificates:
            last = detail.certificates[-1]
            text += "\n" + self.tr("Senaste läkarintyg: {start} – {end} ({extent} %)").format(
                start=last["from_date"], end=last["to_date"], extent=last.get("extent") or 100
            )
        if detail.score is not None and detail.score.top_reason is not None:
            text += "\n" + self.tr("Högst i prioriteten: {why}").format(
                why=detail.score.top_reason.text
            )
        return text

    def _planned_text(self, detail: CaseDetail, today: date) -> str:
        if not detail.planned:
            return self.tr("Inte planerat till någon dag.")
        days = [
            f"{day_text(date.fromisoformat(p['on_date']), today)} ({p['caseworker']})"
            for p in detail.planned
        ]
        return self.tr("Planerat: {days}").format(days=", ".join(days))

    # --- impulses -----------------------------------------------------------------------

    def _set_impulses(self, impulses: list[dict[str, Any]]) -> None:
        current = self.impulses_table.current_row()
        keep = current["id"] if current else None
        self.impulse_model.set_rows(impulses)
        ids = [i["id"] for i in impulses]
        open_ids = [i["id"] for i in impulses if i["outcome"] is None]
        # Keep the selected impulse; otherwise start on the first one still owing an outcome.
        target = keep if keep in ids else (open_ids[0] if open_ids else None)
        if target is not None:
            self.impulses_table.selectRow(ids.index(target))
        self._sync_outcome_button()

    def _sync_outcome_button(self) -> None:
        row = self.impulses_table.current_row()
        is_open = row is not None and row["outcome"] is None
        closed = self.detail is None or self.detail.row["status"] != "open"
        self.outcome_button.setEnabled(is_open and not closed)

    def _impulse_key(self, key: int) -> None:
        if key == Qt.Key.Key_O:
            self.ask_outcome()

    def ask_outcome(self) -> OutcomeDialog | None:
        """Open 'Registrera utfall…' for the selected impulse if it still owes an outcome."""
        if self.outcome_dialog is not None:  # already asking
            return self.outcome_dialog
        row = self.impulses_table.current_row()
        if row is None or row["outcome"] is not None or not self.outcome_button.isEnabled():
            show_error(self.impulses_error, self.tr("Välj en impuls som saknar utfall."))
            return None
        show_error(self.impulses_error, None)
        dialog = OutcomeDialog(row, self)
        dialog.submitted.connect(lambda outcome, note: self._record(dialog, outcome, note))
        dialog.finished.connect(lambda _r: self._dialog_closed(dialog))
        self.outcome_dialog = dialog
        dialog.open()
        return dialog

    def _dialog_closed(self, dialog: OutcomeDialog) -> None:
        if self.outcome_dialog is dialog:
            self.outcome_dialog = None
        dialog.deleteLater()

    def _record(self, dialog: OutcomeDialog, outcome: str, note: str) -> None:
        impulse_id = dialog.impulse["id"]
        caseworker, clock = self.ctx.caseworker, self.ctx.clock

        def done(_count: int) -> None:
            self.ctx.changed()  # written: every view shows it, even if the dialog is gone
            if shiboken6.isValid(dialog):
                dialog.done_ok()

        def failed(exc: BaseException) -> None:
            if shiboken6.isValid(dialog):
                dialog.failed(_message(exc))
            else:  # closed meanwhile: the error still reaches the status bar
                self.ctx.tasks.failed.emit(_message(exc))

        self.ctx.tasks.run(
            lambda conn: record_outcome(conn, [impulse_id], outcome, note, caseworker, clock),
            done,
            failed,
        )

    # --- edits --------------------------------------------------------------------------

    def _write(
        self, work: Callable[[Any], Any], errors: QLabel, done: Callable[[Any], None] | None = None
    ) -> None:
        def on_done(result: Any) -> None:
            show_error(errors, None)
            if done is not None:
                done(result)
            self.ctx.changed()

        def on_error(exc: BaseException) -> None:
            show_error(errors, _message(exc))
            if self.detail is not None:  # the control goes back to what is stored
                self._apply(self.detail, self.ctx.today)

        self.ctx.tasks.run(work, on_done, on_error)

    def edit(self, changes: dict[str, Any], errors: QLabel) -> None:
        """Write case fields through edit_case (one 'case.updated' event); undoable."""
        ref, caseworker, clock = self.case_ref, self.ctx.caseworker, self.ctx.clock
        if ref is None:
            return
        self._write(
            lambda conn: edit_case(conn, ref, changes, caseworker, clock),
            errors,
            lambda edit: self._offer_undo(edit, ref),
        )

    def change_consent(self, contact_id: int, consent: bool | None) -> None:
        ref, caseworker, clock = self.case_ref, self.ctx.caseworker, self.ctx.clock
        if ref is None:
            return
        self._write(
            lambda conn: set_consent(conn, contact_id, consent, caseworker, clock),
            self.consent.error,
            lambda edit: self._offer_undo(edit, ref),
        )

    def _offer_undo(self, edit: Any, ref: str) -> None:
        # Written after the case was left: Ctrl+Z must not reach a case that is not on screen.
        if self.case_ref == ref and self.isVisible():
            self.undo.offer(edit, ref)

    def save_note(self, text: str) -> None:
        ref, caseworker, clock = self.case_ref, self.ctx.caseworker, self.ctx.clock
        if ref is None:
            return
        self._write(
            lambda conn: add_note(conn, ref, text, caseworker, clock),
            self.notes.error,
            lambda _id: self.notes.editor.clear(),
        )

    def hideEvent(self, event: QHideEvent) -> None:
        if not event.spontaneous():  # left for another view (not a minimised window)
            self.undo.forget()
        super().hideEvent(event)

    # --- keys ---------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_O and not event.modifiers():
            self.ask_outcome()
            return
        super().keyPressEvent(event)
