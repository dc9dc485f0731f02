"""'Planera till…': put a case in the planned lane of another day, or take it out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.followups.when import holiday_name, next_working_day
from ui.style import date_sv, long_date

# What a choice does: plan for its date, pick a date in the date field, or clear the plan.
ON_DATE, PICK, CLEAR = "date", "pick", "clear"
ChoiceRole = Qt.ItemDataRole.UserRole + 1


def weekday_label(day: date) -> str:
    """'Måndag 30 nov' ('Monday 30 Nov' in English)."""
    return long_date(day)


def week_days(today: date) -> list[date]:
    """The weekdays after tomorrow in this week, then Monday to Friday of the coming week."""
    next_monday = today + timedelta(days=7 - today.weekday())
    this_week = [today + timedelta(days=n) for n in range(2, 7)]
    days = [d for d in this_week if d < next_monday and d.weekday() < 5]
    return days + [next_monday + timedelta(days=n) for n in range(5)]


@dataclass(frozen=True, slots=True)
class PlanChoice:
    kind: str
    on: date | None = None


class PlanDialog(QDialog):
    """Quick choices (tomorrow, next working day, the coming weekdays), a date, or clear."""

    def __init__(
        self,
        case_ref: str,
        today: date,
        planned_on: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.case_ref = case_ref
        self.today = today
        self.planned_on = planned_on
        self.setWindowTitle(self.tr("Planera till… – %1").replace("%1", case_ref))

        now = (
            self.tr("Planerat till %1.").replace("%1", date_sv(planned_on))
            if planned_on
            else self.tr("Inte planerat.")
        )
        self.intro = QLabel(
            self.tr("Välj dagen då %1 ska ligga i din planerade lista. %2")
            .replace("%1", case_ref)
            .replace("%2", now)
        )
        self.intro.setWordWrap(True)

        self.choices = QListWidget()
        self.choices.setAccessibleName(self.tr("Dag att planera till"))
        self._add_choices()
        self.choices.currentItemChanged.connect(self._on_current)
        self.choices.itemDoubleClicked.connect(lambda _item: self.accept())

        self.date_edit = QDateEdit()
        self.date_edit.setAccessibleName(self.tr("Välj datum"))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMinimumDate(QDate(today.year, today.month, today.day))
        start = next_working_day(today)
        self.date_edit.setDate(QDate(start.year, start.month, start.day))
        self.date_edit.setEnabled(False)
        self.date_label = QLabel(self.tr("&Datum:"))
        self.date_label.setBuddy(self.date_edit)
        date_row = QHBoxLayout()
        date_row.addWidget(self.date_label)
        date_row.addWidget(self.date_edit, 1)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Planera"))
        ok.setAccessibleName(self.tr("Planera"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Avbryt"))
        cancel.setAccessibleName(self.tr("Avbryt"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.choices, 1)
        layout.addLayout(date_row)
        layout.addWidget(self.buttons)
        self.resize(380, 460)
        self.choices.setCurrentRow(0)
        self.choices.setFocus()

    def _add(self, text: str, choice: PlanChoice, enabled: bool = True) -> None:
        item = QListWidgetItem(text)
        item.setData(ChoiceRole, choice)
        if not enabled:
            item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.choices.addItem(item)

    def _add_choices(self) -> None:
        tomorrow = self.today + timedelta(days=1)
        self._add(
            self.tr("I morgon (%1)").replace("%1", date_sv(tomorrow)), PlanChoice(ON_DATE, tomorrow)
        )
        working = next_working_day(self.today)
        self._add(
            self.tr("Nästa arbetsdag (%1)").replace("%1", date_sv(working)),
            PlanChoice(ON_DATE, working),
        )
        for day in week_days(self.today):
            holiday = holiday_name(day)
            if holiday:
                # Shown but not choosable, so the week still reads Monday to Friday.
                label = self.tr("%1 – %2 (helgdag)").replace("%1", weekday_label(day))
                self._add(label.replace("%2", holiday), PlanChoice(ON_DATE, day), enabled=False)
            else:
                self._add(weekday_label(day), PlanChoice(ON_DATE, day))
        self._add(self.tr("Välj datum…"), PlanChoice(PICK))
        if self.planned_on is not None:
            self._add(
                self.tr("Ta bort planering (nu %1)").replace("%1", date_sv(self.planned_on)),
                PlanChoice(CLEAR),
            )

    def _on_current(self, current: QListWidgetItem | None, _previous=None) -> None:
        picking = current is not None and current.data(ChoiceRole).kind == PICK
        self.date_edit.setEnabled(picking)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        clearing = current is not None and current.data(ChoiceRole).kind == CLEAR
        ok.setText(self.tr("Ta bort") if clearing else self.tr("Planera"))

    # --- the result ---------------------------------------------------------------------

    def choice(self) -> PlanChoice | None:
        item = self.choices.currentItem()
        return item.data(ChoiceRole) if item is not None else None

    def selected_date(self) -> date | None:
        """The day to plan for; None means take the plan away."""
        choice = self.choice()
        if choice is None or choice.kind == CLEAR:
            return None
        if choice.kind == PICK:
            return self.date_edit.date().toPython()
        return choice.on

    def select(self, kind: str, on: date | None = None) -> bool:
        """Make the choice of ``kind`` (and date) current; False when there is none."""
        for row in range(self.choices.count()):
            item = self.choices.item(row)
            choice: PlanChoice = item.data(ChoiceRole)
            if choice.kind == kind and (on is None or choice.on == on):
                if not item.flags() & Qt.ItemFlag.ItemIsEnabled:
                    return False
                self.choices.setCurrentRow(row)
                return True
        return False

    def pick_date(self, on: date) -> None:
        """Choose 'Välj datum…' with ``on`` in the date field (earlier than today is refused)."""
        self.select(PICK)
        self.date_edit.setDate(QDate(on.year, on.month, on.day))

    def accept(self) -> None:
        choice = self.choice()
        if choice is None:
            return
        if choice.kind == PICK and self.date_edit.date().toPython() < self.today:
            return  # the date field refuses it too; this guards a typed-in value
        super().accept()
