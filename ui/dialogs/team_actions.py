"""The team lead's dialogs: the cases behind a figure, absence and cover, reassignment,
the balancing proposal (nothing moves before Confirm), and the employer view."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.stock.facts import load_facts
from app.team.cover import mark_absent
from app.team.employer import employer_cases
from app.team.reassign import BalanceProposal, apply_moves, propose_balance, reassign
from ui.context import AppContext
from ui.style import ACCENT, chain_text, date_sv, decimal

Caseworkers = list[tuple[str, str]]  # (signature, name) of the active caseworkers
RefRole = Qt.ItemDataRole.UserRole + 1


def _fill_caseworkers(box: QComboBox, caseworkers: Caseworkers) -> None:
    for ext_id, name in caseworkers:
        box.addItem(f"{ext_id} · {name}", ext_id)


class _TaskDialog(QDialog):
    """A dialog whose OK runs one database write; an error stays in the dialog."""

    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ACCENT};")
        self.error.setAccessibleName(self.tr("Felmeddelande"))
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Avbryt"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._busy = False

    def show_error(self, error: BaseException | str) -> None:
        self._busy = False
        self.error.setText(str(error))
        self.error.show()

    def submit(self, work: Callable[[sqlite3.Connection], Any], message: str) -> None:
        if self._busy:
            return
        self._busy = True

        def done(_result: Any) -> None:
            self._busy = False
            self.ctx.status_message.emit(message)
            self.ctx.changed()
            QDialog.accept(self)

        self.ctx.tasks.run(work, done, self.show_error)


class AbsenceDialog(_TaskDialog):
    """Mark a caseworker absent from–to and name who covers (mark_absent)."""

    def __init__(
        self, ctx: AppContext, caseworkers: Caseworkers, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, self.tr("Markera frånvaro"), parent)
        self.absent = QComboBox()
        self.absent.setAccessibleName(self.tr("Frånvarande handläggare"))
        self.cover = QComboBox()
        self.cover.setAccessibleName(self.tr("Täcks av"))
        _fill_caseworkers(self.absent, caseworkers)
        _fill_caseworkers(self.cover, caseworkers)
        if self.cover.count() > 1:
            self.cover.setCurrentIndex(1)
        today = QDate(ctx.today)
        self.from_date = QDateEdit(today)
        self.to_date = QDateEdit(today.addDays(4))
        for edit, name in ((self.from_date, "Från och med"), (self.to_date, "Till och med")):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(self.tr(name))
        form = QFormLayout()
        form.addRow(self.tr("&Handläggare:"), self.absent)
        form.addRow(self.tr("&Täcks av:"), self.cover)
        form.addRow(self.tr("&Från och med:"), self.from_date)
        form.addRow(self.tr("T&ill och med:"), self.to_date)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def accept(self) -> None:
        absent, cover = self.absent.currentData(), self.cover.currentData()
        first, last = self.from_date.date().toPython(), self.to_date.date().toPython()
        actor, clock = self.ctx.caseworker, self.ctx.clock
        self.submit(
            lambda conn: mark_absent(conn, absent, cover, first, last, actor, clock),
            self.tr("{who} är markerad frånvarande, {cover} täcker.").format(
                who=absent, cover=cover
            ),
        )


class ReassignDialog(_TaskDialog):
    """Move the chosen cases to another caseworker, with a reason (reassign)."""

    def __init__(
        self,
        ctx: AppContext,
        case_refs: list[str],
        caseworkers: Caseworkers,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, self.tr("Flytta ärenden"), parent)
        self.case_refs = list(case_refs)
        what = QLabel(
            (self.tr("Flytta ett ärende: {refs}") if len(self.case_refs) == 1
             else self.tr("Flytta {n} ärenden: {refs}")).format(
                n=len(self.case_refs), refs=", ".join(self.case_refs[:6])
                + (" …" if len(self.case_refs) > 6 else "")
            )
        )  # fmt: skip
        what.setWordWrap(True)
        self.target = QComboBox()
        self.target.setAccessibleName(self.tr("Till handläggare"))
        _fill_caseworkers(self.target, caseworkers)
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Skäl"))
        self.reason.setPlaceholderText(self.tr("Till exempel: jämnare belastning"))
        form = QFormLayout()
        form.addRow(self.tr("&Till:"), self.target)
        form.addRow(self.tr("&Skäl:"), self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def accept(self) -> None:
        refs, target, reason = self.case_refs, self.target.currentData(), self.reason.text()
        actor, clock = self.ctx.caseworker, self.ctx.clock
        self.submit(
            lambda conn: reassign(conn, refs, target, reason, actor, clock),
            self.tr("Ärendena är flyttade till {who}.").format(who=target),
        )


class BalanceDialog(_TaskDialog):
    """The balancing proposal: the moves and each caseworker's load before and after.
    Only Confirm (with a reason) moves anything, through apply_moves."""

    proposal_shown = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Förslag på jämnare fördelning"), parent)
        self.proposal: BalanceProposal | None = None
        self.summary = QLabel(self.tr("Räknar fram ett förslag…"))
        self.summary.setWordWrap(True)
        self.moves = QListWidget()
        self.moves.setAccessibleName(self.tr("Föreslagna flyttar"))
        self.loads = QListWidget()
        self.loads.setAccessibleName(self.tr("Belastning före och efter"))
        self.loads.setMaximumHeight(110)
        self.reason = QLineEdit(self.tr("Jämnare belastning"))
        self.reason.setAccessibleName(self.tr("Skäl"))
        self.confirm = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.confirm.setText(self.tr("&Bekräfta flyttarna"))
        self.confirm.setAccessibleName(self.tr("Bekräfta flyttarna"))
        self.confirm.setEnabled(False)
        form = QFormLayout()
        form.addRow(self.tr("&Skäl:"), self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(self.tr("Flyttar:")))
        layout.addWidget(self.moves, 1)
        layout.addWidget(QLabel(self.tr("Belastning (nästa 4 veckor) före → efter:")))
        layout.addWidget(self.loads)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(520, 440)
        on = ctx.today
        ctx.tasks.run(lambda conn: propose_balance(conn, on), self._show, self.show_error)

    def _show(self, proposal: BalanceProposal) -> None:
        self.proposal = proposal
        for m in proposal.moves:
            text = self.tr("{ref}: {src} → {dst}, belastning {load}").format(
                ref=m.case_ref, src=m.from_caseworker, dst=m.to_caseworker,
                load=decimal(m.load),
            )  # fmt: skip
            self.moves.addItem(text)
        for who, before in proposal.before.items():
            after = proposal.after.get(who, before)
            self.loads.addItem(f"{who}: {decimal(before)} → {decimal(after)}")
        spread = self.tr("Spridning (högst − lägst) {a} → {b}.").format(
            a=decimal(proposal.spread_before), b=decimal(proposal.spread_after)
        )
        if proposal.moves:
            self.summary.setText(
                self.tr("{n} flyttar föreslås. ").format(n=len(proposal.moves)) + spread
            )
        else:
            self.summary.setText(self.tr("Ingen flytt gör fördelningen jämnare. ") + spread)
        self.confirm.setEnabled(bool(proposal.moves))
        self.proposal_shown.emit()

    def accept(self) -> None:
        if self.proposal is None or not self.proposal.moves:
            return
        moves, reason = list(self.proposal.moves), self.reason.text()
        actor, clock = self.ctx.caseworker, self.ctx.clock
        done = (
            self.tr("Ett ärende är flyttat.")
            if len(moves) == 1
            else self.tr("{n} ärenden är flyttade.")
        )
        self.submit(
            lambda conn: apply_moves(conn, moves, reason, actor, clock),
            done.format(n=len(moves)),
        )


class _CaseList(QListWidget):
    """Enter opens the current case (double-click does too, through itemActivated)."""

    open_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_requested.emit()
            return
        super().keyPressEvent(event)


class CasesDialog(QDialog):
    """The cases behind one figure: case reference, chain day and phase; a click previews,
    Enter or a double-click opens; a lead can move the selected cases from here."""

    case_selected = Signal(str)
    case_opened = Signal(str)
    loaded = Signal()

    def __init__(
        self,
        ctx: AppContext,
        title: str,
        case_ids: list[int],
        caseworkers: Caseworkers,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.caseworkers = caseworkers
        self.setWindowTitle(title)
        self.list = _CaseList()
        self.list.setAccessibleName(title)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.currentItemChanged.connect(self._on_current)
        self.list.itemActivated.connect(lambda _item: self._open())
        self.list.open_requested.connect(self._open)
        self.move_button = QPushButton(self.tr("&Flytta markerade…"))
        self.move_button.setAccessibleName(self.tr("Flytta markerade ärenden"))
        self.move_button.clicked.connect(self.ask_reassign)
        self.move_button.setVisible(ctx.caseworker.role == "lead")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Stäng"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        count = self.tr("Ett ärende") if len(case_ids) == 1 else self.tr("{n} ärenden")
        layout.addWidget(QLabel(count.format(n=len(case_ids))))
        layout.addWidget(self.list, 1)
        layout.addWidget(self.move_button)
        layout.addWidget(close)
        self.resize(380, 420)
        on, ids = ctx.today, list(case_ids)

        def work(conn: sqlite3.Connection) -> list[tuple[str, str]]:
            facts = {f.id: f for f in load_facts(conn, on, case_ids=ids)} if ids else {}
            return [
                (facts[i].case_ref, chain_text(facts[i].chain.day, facts[i].chain.phase))
                for i in ids
                if i in facts
            ]

        ctx.tasks.run(work, self._fill, lambda e: ctx.tasks.failed.emit(str(e)))

    def _fill(self, rows: list[tuple[str, str]]) -> None:
        for ref, chain in rows:
            item = QListWidgetItem(f"{ref}  ·  {chain}")
            item.setData(RefRole, ref)
            self.list.addItem(item)
        self.loaded.emit()

    def refs(self) -> list[str]:
        return [self.list.item(i).data(RefRole) for i in range(self.list.count())]

    def selected_refs(self) -> list[str]:
        return [item.data(RefRole) for item in self.list.selectedItems()]

    def _on_current(self, item: QListWidgetItem | None, _previous: Any = None) -> None:
        if item is not None:
            self.case_selected.emit(item.data(RefRole))

    def _open(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            ref = item.data(RefRole)
            self.accept()
            self.case_opened.emit(ref)

    def ask_reassign(self) -> ReassignDialog | None:
        refs = self.selected_refs()
        if not refs:
            return None
        dialog = ReassignDialog(self.ctx, refs, self.caseworkers, self)
        dialog.accepted.connect(self.accept)
        dialog.open()
        return dialog


class EmployerDialog(CasesDialog):
    """Every open case of one employer across the team (employer_cases)."""

    def __init__(
        self,
        ctx: AppContext,
        employer: str,
        caseworkers: Caseworkers,
        parent: QWidget | None = None,
    ) -> None:
        QDialog.__init__(self, parent)
        self.ctx = ctx
        self.caseworkers = caseworkers
        self.setWindowTitle(self.tr("Arbetsgivare: {name}").format(name=employer))
        self.heading = QLabel(self.tr("Söker…"))
        self.heading.setWordWrap(True)
        self.list = _CaseList()
        self.list.setAccessibleName(self.tr("Arbetsgivarens ärenden"))
        self.list.currentItemChanged.connect(self._on_current)
        self.list.itemActivated.connect(lambda _item: self._open())
        self.list.open_requested.connect(self._open)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Stäng"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(close)
        self.resize(560, 420)
        on = ctx.today
        ctx.tasks.run(lambda conn: employer_cases(conn, employer, on), self._show, self._failed)

    def _failed(self, error: BaseException) -> None:
        self.heading.setText(str(error))
        self.loaded.emit()

    def _show(self, view: Any) -> None:
        s = view.summary()
        self.heading.setText(
            self.tr("{name}: {n} öppna ärenden hos {cw} handläggare, {imp} öppna impulser, "
                    "{plan} saknar plan.").format(
                name=view.employer, n=s["cases"], cw=s["caseworkers"],
                imp=s["open_impulses"], plan=s["missing_plan"])
        )  # fmt: skip
        for c in view.cases:
            nxt = ""
            if c.next_milestone_date is not None:
                nxt = self.tr(", nästa milstolpe {d}").format(d=date_sv(c.next_milestone_date))
            item = QListWidgetItem(
                f"{c.case_ref}  ·  {c.caseworker or '–'}  ·  {chain_text(c.day, c.phase)}"
                f"  ·  {c.open_impulses} imp.{nxt}"
            )
            item.setData(RefRole, c.case_ref)
            self.list.addItem(item)
        self.loaded.emit()
