"""Editable parts of a case: the checklist before day 180, the day-181 position, and the flags.

Each box emits ``edit_requested(changes)`` with fields for app.casework.update_case; the
view writes them and reloads. ``set_detail`` fills the controls without emitting, which is
also how a refused edit is reverted.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.case.casework import CHECKLIST, CaseDetail
from app.chain.state import PASSED
from ui.style import ACCENT, days_left_text
from ui.widgets.case_sections import error_label
from ui.widgets.case_texts import OS_POSITION_SV, PLAN_STATUS_SV, day_text, tr

NO_FOLLOW_UP_REASONS = (
    "Palliativ vård",
    "Väntar på operation",
    "Långa intyg vid svår diagnos",
    "Nära pension",
)
EMPLOYER_CHECKS = {"check_employer", "check_plan"}


def _set_checked(box: QCheckBox, value: bool) -> None:
    box.blockSignals(True)
    box.setChecked(value)
    box.blockSignals(False)


def _set_index(combo: QComboBox, index: int) -> None:
    combo.blockSignals(True)
    combo.setCurrentIndex(max(0, index))
    combo.blockSignals(False)


class DateField(QWidget):
    """An optional date: a check box that turns it on, the date, and a clear button."""

    committed = Signal(object)  # ISO date text, or None when cleared

    def __init__(self, label: str, default_days: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.default_days = default_days
        self.today = date.today()
        self._value: date | None = None
        self.check = QCheckBox(label)
        self.check.setAccessibleName(label)
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setAccessibleName(tr("{what}, datum").format(what=label))
        self.clear = QToolButton()
        self.clear.setText(tr("Rensa"))
        self.clear.setAccessibleName(tr("Rensa {what}").format(what=label.lower()))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit)
        layout.addWidget(self.clear)
        layout.addStretch(1)
        self.check.toggled.connect(self._toggled)
        self.edit.editingFinished.connect(self.commit)
        # A pick in the calendar popup is a finished edit too.
        self.edit.calendarWidget().clicked.connect(lambda _d: QTimer.singleShot(0, self.commit))
        self.clear.clicked.connect(lambda: self.check.setChecked(False))
        self._sync_enabled()

    def value(self) -> date | None:
        return self._value

    def set_value(self, value: date | None, today: date) -> None:
        self.today = today
        self._value = value
        _set_checked(self.check, value is not None)
        self.edit.blockSignals(True)
        self.edit.setDate(QDate(value or today))
        self.edit.blockSignals(False)
        self._sync_enabled()

    def _sync_enabled(self) -> None:
        on = self.check.isChecked()
        self.edit.setEnabled(on)
        self.clear.setEnabled(on)

    def _toggled(self, on: bool) -> None:
        if on:
            self.edit.blockSignals(True)
            self.edit.setDate(QDate(self.today + timedelta(days=self.default_days)))
            self.edit.blockSignals(False)
        self._sync_enabled()
        self.commit()

    def commit(self) -> None:
        value = self.edit.date().toPython() if self.check.isChecked() else None
        if value != self._value:
            self._value = value
            self.committed.emit(value.isoformat() if value else None)


class ChecklistBox(QGroupBox):
    """The four checks before day 180, the return-to-work plan, and the day-181 position."""

    edit_requested = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Före dag 180 · dag 181"), parent)
        self.setAccessibleName(self.tr("Checklista före dag 180 och ställningstagande dag 181"))
        self.when_180 = QLabel()
        self.when_180.setWordWrap(True)
        self.boxes: dict[str, QCheckBox] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self.when_180)
        for key, label in CHECKLIST.items():
            box = QCheckBox(self.tr(label))
            box.setAccessibleName(self.tr(label))
            box.toggled.connect(lambda on, k=key: self.edit_requested.emit({k: int(on)}))
            self.boxes[key] = box
            layout.addWidget(box)
        self.progress = QLabel()
        layout.addWidget(self.progress)

        self.plan = QComboBox()
        for text in PLAN_STATUS_SV.values():
            self.plan.addItem(self.tr(text))
        self.plan.setAccessibleName(self.tr("Plan för återgång i arbete"))
        self.plan.currentIndexChanged.connect(
            lambda i: self.edit_requested.emit({"plan_status": list(PLAN_STATUS_SV)[i]})
        )
        self.os = QComboBox()
        for text in OS_POSITION_SV.values():
            self.os.addItem(self.tr(text))
        self.os.setAccessibleName(self.tr("Ställningstagande dag 181"))
        self.os.currentIndexChanged.connect(self._os_changed)
        self.when_181 = QLabel()
        self.when_181.setWordWrap(True)
        grid = QGridLayout()
        plan_label = QLabel(self.tr("Plan för återgång:"))
        plan_label.setBuddy(self.plan)
        os_label = QLabel(self.tr("Dag 181:"))
        os_label.setBuddy(self.os)
        grid.addWidget(plan_label, 0, 0)
        grid.addWidget(self.plan, 0, 1)
        grid.addWidget(os_label, 1, 0)
        grid.addWidget(self.os, 1, 1)
        grid.setColumnStretch(2, 1)
        layout.addLayout(grid)
        layout.addWidget(self.when_181)
        self.error = error_label()
        layout.addWidget(self.error)

    def _os_changed(self, index: int) -> None:
        value = list(OS_POSITION_SV)[index] or None
        # Clearing the position clears its date; setting one dates it today (the engine).
        self.edit_requested.emit(
            {"os_position": value} if value else {"os_position": None, "os_position_on": None}
        )

    def set_detail(self, detail: CaseDetail, today: date) -> None:
        row = detail.row
        employed = row["employment"] == "employed"
        open_case = row["status"] == "open"
        done = 0
        needed = 0
        for key, (label, checked) in detail.checklist.items():
            box = self.boxes[key]
            _set_checked(box, checked)
            box.setEnabled(open_case)
            required = employed or key not in EMPLOYER_CHECKS
            box.setText(
                self.tr(label)
                if required
                else self.tr("{label} (krävs för anställda)").format(label=self.tr(label))
            )
            needed += required
            done += required and checked
        self.progress.setText(
            self.tr("Klart: {done} av {needed}").format(done=done, needed=needed)
            + ("  ✓" if done == needed else "")
        )
        _set_index(self.plan, list(PLAN_STATUS_SV).index(row.get("plan_status") or "unknown"))
        _set_index(self.os, list(OS_POSITION_SV).index(row.get("os_position") or ""))
        self.plan.setEnabled(open_case)
        self.os.setEnabled(open_case)
        milestones = {m.key: m for m in detail.facts.chain.milestones} if detail.facts else {}
        no_chain = self.tr("Ingen pågående kedja.")
        day_180 = milestones.get("day_180")
        self.when_180.setText(
            self._when(day_180, self.tr("Dag 180"), today) if day_180 else no_chain
        )
        parts = []
        if "day_181" in milestones:
            parts.append(self._when(milestones["day_181"], self.tr("Dag 181"), today))
        elif detail.facts is not None and not employed:
            parts.append(self.tr("Dag 181: ingen prövning mot arbetsgivaren (gäller anställda)."))
        if row.get("os_position"):
            parts.append(
                self.tr("Ställningstagande taget {day}.").format(
                    day=row.get("os_position_on") or ""
                )
            )
        self.when_181.setText(" ".join(parts))
        self.when_181.setVisible(bool(parts))
        passed_181 = milestones.get("day_181")
        missing = (
            passed_181 is not None and passed_181.status == PASSED and not row.get("os_position")
        )
        self.when_181.setStyleSheet(f"color: {ACCENT}; font-weight: bold;" if missing else "")

    def _when(self, milestone: Any, name: str, today: date) -> str:
        rel = days_left_text(milestone.days_left)
        return f"{name}: {day_text(milestone.date, today)} ({rel})"


class FlagsBox(QGroupBox):
    """How the case is handled right now: runs itself, no follow-up, waiting, recovery."""

    edit_requested = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Läge"), parent)
        self.setAccessibleName(self.tr("Ärendets läge och flaggor"))
        self._reason = ""
        self._actor = ""

        def box(field: str, text: str) -> QCheckBox:
            check = QCheckBox(self.tr(text))
            check.setAccessibleName(self.tr(text))
            check.toggled.connect(lambda on: self.edit_requested.emit({field: int(on)}))
            return check

        self.runs_itself = box("runs_itself", "Sköter sig självt")
        self.no_follow_up = QCheckBox(self.tr("Ingen uppföljning behövs"))
        self.no_follow_up.setAccessibleName(self.tr("Ingen uppföljning behövs"))
        self.no_follow_up.toggled.connect(self._no_follow_up_toggled)
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.addItems(["", *(self.tr(r) for r in NO_FOLLOW_UP_REASONS)])
        self.reason.lineEdit().setPlaceholderText(self.tr("Skäl, t.ex. palliativ vård"))
        self.reason.setAccessibleName(self.tr("Skäl till att ingen uppföljning behövs"))
        self.reason.setMinimumContentsLength(18)
        self.reason.activated.connect(lambda _i: self._reason_finished())
        self.reason.lineEdit().editingFinished.connect(self._reason_finished)
        self.benefit = box("benefit_decision_pending", "Beslut om rätt till ersättning väntar")
        self.coordination = box("coordination_needed", "Samordning behövs")
        self.last_coordination = DateField(self.tr("Senaste samordningsåtgärd"))
        self.last_coordination.committed.connect(
            lambda v: self.edit_requested.emit({"last_coordination_on": v})
        )
        self.recovery = DateField(self.tr("Återhämtningsfas till"), default_days=28)
        self.recovery.committed.connect(lambda v: self.edit_requested.emit({"recovery_until": v}))
        self.recovery_state = QLabel()
        self.recovery_state.setWordWrap(True)
        self.awaiting_actor = QLineEdit()
        self.awaiting_actor.setPlaceholderText(self.tr("Väntar på (aktör)"))
        self.awaiting_actor.setAccessibleName(self.tr("Väntar på aktör"))
        self.awaiting_actor.editingFinished.connect(self._actor_finished)
        self.awaiting_until = DateField(self.tr("utlovat till"), default_days=7)
        self.awaiting_until.committed.connect(
            lambda v: self.edit_requested.emit({"awaiting_until": v})
        )
        self.error = error_label()

        grid = QGridLayout(self)
        grid.addWidget(self.runs_itself, 0, 0, 1, 2)
        grid.addWidget(self.no_follow_up, 1, 0)
        grid.addWidget(self.reason, 1, 1)
        grid.addWidget(self.benefit, 2, 0, 1, 2)
        grid.addWidget(self.coordination, 3, 0)
        grid.addWidget(self.last_coordination, 3, 1)
        grid.addWidget(self.recovery, 4, 0, 1, 2)
        grid.addWidget(self.recovery_state, 5, 0, 1, 2)
        grid.addWidget(self.awaiting_actor, 6, 0)
        grid.addWidget(self.awaiting_until, 6, 1)
        grid.addWidget(self.error, 7, 0, 1, 2)
        grid.setColumnStretch(1, 1)

    def _no_follow_up_toggled(self, on: bool) -> None:
        changes: dict[str, Any] = {"no_follow_up": int(on)}
        reason = self.reason.currentText().strip()
        if on and reason:
            changes["no_follow_up_reason"] = reason
            self._reason = reason
        self.edit_requested.emit(changes)

    def _reason_finished(self) -> None:
        reason = self.reason.currentText().strip()
        if reason != self._reason:
            self._reason = reason
            self.edit_requested.emit({"no_follow_up_reason": reason or None})

    def _actor_finished(self) -> None:
        actor = self.awaiting_actor.text().strip()
        if actor != self._actor:
            self._actor = actor
            self.edit_requested.emit({"awaiting_actor": actor or None})

    def set_detail(self, detail: CaseDetail, today: date) -> None:
        row = detail.row
        _set_checked(self.runs_itself, bool(row.get("runs_itself")))
        _set_checked(self.no_follow_up, bool(row.get("no_follow_up")))
        _set_checked(self.benefit, bool(row.get("benefit_decision_pending")))
        _set_checked(self.coordination, bool(row.get("coordination_needed")))
        # A refresh (another view's write) must not wipe out what is being typed.
        if not self.reason.hasFocus():
            self._reason = row.get("no_follow_up_reason") or ""
            self.reason.blockSignals(True)
            self.reason.setEditText(self._reason)
            self.reason.blockSignals(False)
        if not self.awaiting_actor.hasFocus():
            self._actor = row.get("awaiting_actor") or ""
            self.awaiting_actor.setText(self._actor)

        def as_date(field: str) -> date | None:
            value = row.get(field)
            return date.fromisoformat(value) if value else None

        self.last_coordination.set_value(as_date("last_coordination_on"), today)
        self.recovery.set_value(as_date("recovery_until"), today)
        self.awaiting_until.set_value(as_date("awaiting_until"), today)
        recovery = as_date("recovery_until")
        if recovery is None:
            self.recovery_state.setText(
                self.tr("Ingen återhämtningsfas. Sätt ett datum när fallet först behöver vila.")
            )
            self.recovery_state.setStyleSheet("color: palette(placeholder-text);")
        elif recovery > today:
            self.recovery_state.setText(
                self.tr("Återhämtningsfas: titta igen {day} ({rel}).").format(
                    day=day_text(recovery, today), rel=days_left_text((recovery - today).days)
                )
            )
            self.recovery_state.setStyleSheet("")
        else:
            self.recovery_state.setText(
                self.tr("Återhämtningsfasen slutade {day}: dags att titta igen.").format(
                    day=day_text(recovery, today)
                )
            )
            self.recovery_state.setStyleSheet(f"color: {ACCENT}; font-weight: bold;")
        self.setEnabled(row["status"] == "open")
