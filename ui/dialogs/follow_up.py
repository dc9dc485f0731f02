"""'Ny bevakning…', 'Flytta…', 'Snooza…' and the short note/reason prompts for follow-ups.

Every dialog stays open until the caller says the write succeeded (``done_ok``) or shows
the engine's refusal (``failed``), like the outcome dialog. WHEN is typed or picked and
parsed live with app.when.parse_when; a form it cannot read shows the accepted forms.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.base.clock import STOCKHOLM, Clock
from app.base.errors import InvalidInputError
from app.followups.recurrence import Recurrence
from app.followups.store import MAX_NOTE_LENGTH
from app.followups.when import parse_when
from ui.models.follow_up_model import KIND_CHOICES, WAKE_CHOICES, tr, when_sv
from ui.style import ACCENT

# Quick choices: the button's label (translated when shown) and the WHEN text it fills in.
NEW_CHOICES = (
    (QT_TRANSLATE_NOOP("FollowUpModel", "I morgon 08:00"), "i morgon"),
    (QT_TRANSLATE_NOOP("FollowUpModel", "Nästa arbetsdag"), "nästa arbetsdag"),
    (QT_TRANSLATE_NOOP("FollowUpModel", "Om en vecka"), "om en vecka"),
    (QT_TRANSLATE_NOOP("FollowUpModel", "Måndag"), "måndag"),
)
SNOOZE_CHOICES = (
    (QT_TRANSLATE_NOOP("FollowUpModel", "1 timme"), "+1h"),
    (QT_TRANSLATE_NOOP("FollowUpModel", "I morgon bitti"), "i morgon"),
    (QT_TRANSLATE_NOOP("FollowUpModel", "Nästa arbetsdag"), "nästa arbetsdag"),
)


class WhenField(QWidget):
    """A typed WHEN, quick choices that fill it, a date-time picker, and the parsed result."""

    changed = Signal()

    def __init__(
        self,
        clock: Clock,
        choices: tuple[tuple[str, str], ...],
        initial: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self.edit = QLineEdit(initial)
        self.edit.setAccessibleName(tr("När, skrivet"))
        self.edit.setPlaceholderText(tr("t.ex. i morgon, fre 10:00, +3d, 2026-12-01 10:30"))
        self.edit.setClearButtonEnabled(True)
        self.edit.textChanged.connect(self._update)

        quick = QHBoxLayout()
        quick.setContentsMargins(0, 0, 0, 0)
        self.quick_buttons: list[QPushButton] = []
        for source, text in choices:
            label = tr(source)
            button = QPushButton(label)
            button.setAccessibleName(label)
            button.setAutoDefault(False)
            button.setToolTip(text)
            button.clicked.connect(lambda _=False, t=text: self.set_text(t))
            quick.addWidget(button)
            self.quick_buttons.append(button)
        quick.addStretch(1)

        self.picker = QDateTimeEdit()
        self.picker.setAccessibleName(tr("Välj datum och tid"))
        self.picker.setCalendarPopup(True)
        self.picker.setDisplayFormat("yyyy-MM-dd HH:mm")
        start = clock.now().astimezone(STOCKHOLM) + timedelta(days=1)
        self.picker.setDateTime(QDateTime(QDate(start.year, start.month, start.day), QTime(8, 0)))
        self.picker.dateTimeChanged.connect(self._picked)
        pick_row = QHBoxLayout()
        pick_row.setContentsMargins(0, 0, 0, 0)
        pick_label = QLabel(tr("Eller &datum och tid:"))
        pick_label.setBuddy(self.picker)
        pick_row.addWidget(pick_label)
        pick_row.addWidget(self.picker)
        pick_row.addStretch(1)

        self.result = QLabel()
        self.result.setObjectName("whenResult")
        self.result.setWordWrap(True)
        self.result.setAccessibleName(tr("Tolkad tidpunkt"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addLayout(quick)
        layout.addLayout(pick_row)
        layout.addWidget(self.result)
        self.setFocusProxy(self.edit)
        self._value: datetime | None = None
        self._error: str | None = None
        self._update()

    def set_text(self, text: str) -> None:
        self.edit.setText(text)
        self.edit.setFocus()

    def _picked(self, value: QDateTime) -> None:
        self.edit.setText(value.toString("yyyy-MM-dd HH:mm"))

    def _update(self) -> None:
        now = self.clock.now()
        try:
            self._value = parse_when(self.edit.text(), now)
            self._error = None
        except InvalidInputError as exc:
            self._value, self._error = None, str(exc)
        if self._value is not None:
            text = "→ " + when_sv(self._value)
            if self._value <= now:
                text += "  " + tr("(har redan passerat – bevakningen blir förfallen direkt)")
            self.result.setText(text)
            self.result.setStyleSheet("font-weight: bold;")
        else:
            self.result.setText(self._error or "")
            self.result.setStyleSheet(f"color: {ACCENT};")
        self._fit_result()
        self.changed.emit()

    def _fit_result(self) -> None:
        # A wrapped label does not grow its dialog by itself; reserve the lines it needs.
        width = max(self.edit.width(), 360)
        rect = self.result.fontMetrics().boundingRect(
            0, 0, width, 10_000, Qt.TextFlag.TextWordWrap, self.result.text()
        )
        self.result.setMinimumHeight(rect.height() + 4)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_result()

    def value(self) -> datetime | None:
        """The parsed moment (Stockholm time), or None when the text cannot be read."""
        return self._value

    def error(self) -> str | None:
        return self._error


class _Dialog(QDialog):
    """The shared frame: an intro line, the body, an error line, OK and Cancel."""

    def __init__(self, title: str, ok_text: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.hide()
        self.error = QLabel()
        self.error.setObjectName("dialogError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ACCENT}; font-weight: bold;")
        self.error.setAccessibleName(tr("Felmeddelande"))
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.ok_button.setAccessibleName(ok_text)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(tr("Avbryt"))
        cancel.setAccessibleName(tr("Avbryt"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.body, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.busy = False

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.setVisible(bool(text))

    def show_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))

    def accept(self) -> None:
        """OK: check the input and hand it to the caller, who then calls done_ok or failed."""
        if self.busy:
            return
        if not self._submit():
            return
        self.busy = True
        self.buttons.setEnabled(False)  # one write at a time

    def _submit(self) -> bool:
        raise NotImplementedError

    def done_ok(self) -> None:
        self.busy = False
        super().accept()

    def failed(self, message: str) -> None:
        self.busy = False
        self.buttons.setEnabled(True)
        self.show_error(message)


@dataclass(frozen=True, slots=True)
class FollowUpRequest:
    due: datetime
    kind: str
    note: str
    recurrence: Recurrence | None


class FollowUpDialog(_Dialog):
    """A new follow-up on ``case_ref`` (when, kind, note, repeat), or ``reschedule`` one."""

    submitted = Signal(object)  # FollowUpRequest

    def __init__(
        self,
        case_ref: str,
        clock: Clock,
        parent: QWidget | None = None,
        *,
        reschedule: bool = False,
        current: str = "",
    ) -> None:
        title = tr("Flytta bevakning – %1") if reschedule else tr("Ny bevakning – %1")
        super().__init__(
            title.replace("%1", case_ref), tr("Flytta") if reschedule else tr("Spara"), parent
        )
        self.case_ref = case_ref
        self.reschedule = reschedule
        self.set_intro(current or tr("Ny bevakning på ärende %1.").replace("%1", case_ref))
        self.when = WhenField(clock, NEW_CHOICES, "nästa arbetsdag" if reschedule else "i morgon")
        self.when.changed.connect(self._sync)
        form = QFormLayout()
        when_label = QLabel(tr("&När:"))
        when_label.setBuddy(self.when.edit)
        form.addRow(when_label, self.when)

        self.kind = QComboBox()
        self.kind.setAccessibleName(tr("Med vem"))
        for key, label in KIND_CHOICES:
            self.kind.addItem(tr(label), key)
        self.note = QPlainTextEdit()
        self.note.setAccessibleName(tr("Anteckning"))
        self.note.setPlaceholderText(tr("Vad ska göras, t.ex. Ring arbetsgivaren om planen"))
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 16)
        self.repeat = self._repeat_box(clock)
        if not reschedule:
            kind_label = QLabel(tr("&Med:"))
            kind_label.setBuddy(self.kind)
            form.addRow(kind_label, self.kind)
            note_label = QLabel(tr("&Anteckning:"))
            note_label.setBuddy(self.note)
            form.addRow(note_label, self.note)
        self.body.addLayout(form)
        if not reschedule:
            self.body.addWidget(self.repeat)
        else:
            self.kind.hide()
            self.note.hide()
            self.repeat.hide()
        self.when.setFocus()
        self.when.edit.selectAll()
        self._sync()

    def _repeat_box(self, clock: Clock) -> QGroupBox:
        box = QGroupBox(tr("&Upprepa"))
        box.setAccessibleName(tr("Upprepa bevakningen"))
        box.setCheckable(True)
        box.setChecked(False)
        self.every = QSpinBox()
        self.every.setRange(1, 52)
        self.every.setValue(2)
        self.every.setAccessibleName(tr("Intervall"))
        self.unit = QComboBox()
        self.unit.setAccessibleName(tr("Enhet för intervallet"))
        self.unit.addItem(tr("veckor"), "weeks")
        self.unit.addItem(tr("dagar"), "days")
        self.unit.addItem(tr("månader"), "months")
        every_row = QHBoxLayout()
        every_row.addWidget(QLabel(tr("Var")))
        every_row.addWidget(self.every)
        every_row.addWidget(self.unit)
        every_row.addStretch(1)

        self.end_group = QButtonGroup(box)
        self.end_never = QRadioButton(tr("Tills vidare"))
        self.end_until = QRadioButton(tr("Till och med"))
        self.end_count = QRadioButton(tr("Antal gånger"))
        for number, radio in enumerate((self.end_never, self.end_until, self.end_count)):
            radio.setAccessibleName(radio.text())
            self.end_group.addButton(radio, number)
        self.end_never.setChecked(True)
        self.until = QDateEdit()
        self.until.setAccessibleName(tr("Sista datum för upprepningen"))
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("yyyy-MM-dd")
        last = clock.now().astimezone(STOCKHOLM).date() + timedelta(days=90)
        self.until.setDate(QDate(last.year, last.month, last.day))
        self.count = QSpinBox()
        self.count.setRange(1, 100)
        self.count.setValue(4)
        self.count.setAccessibleName(tr("Antal gånger i allt"))
        end_row = QGridLayout()
        end_row.addWidget(QLabel(tr("Slutar:")), 0, 0)
        end_row.addWidget(self.end_never, 0, 1)
        end_row.addWidget(self.end_until, 1, 1)
        end_row.addWidget(self.until, 1, 2)
        end_row.addWidget(self.end_count, 2, 1)
        end_row.addWidget(self.count, 2, 2)
        end_row.setColumnStretch(3, 1)
        self.end_group.idToggled.connect(lambda *_: self._sync())
        layout = QVBoxLayout(box)
        layout.addLayout(every_row)
        layout.addLayout(end_row)
        return box

    def _sync(self) -> None:
        self.until.setEnabled(self.end_until.isChecked())
        self.count.setEnabled(self.end_count.isChecked())
        self.ok_button.setEnabled(self.when.value() is not None and not self.busy)

    def recurrence(self) -> Recurrence | None:
        if self.reschedule or not self.repeat.isChecked():
            return None
        until: date | None = self.until.date().toPython() if self.end_until.isChecked() else None
        count = self.count.value() if self.end_count.isChecked() else None
        return Recurrence(self.every.value(), self.unit.currentData(), until, count)

    def request(self) -> FollowUpRequest | None:
        due = self.when.value()
        if due is None:
            return None
        return FollowUpRequest(
            due, self.kind.currentData(), self.note.toPlainText().strip(), self.recurrence()
        )

    def _submit(self) -> bool:
        request = self.request()
        if request is None:
            self.show_error(self.when.error())
            self.when.setFocus()
            return False
        if len(request.note) > MAX_NOTE_LENGTH:
            self.show_error(
                tr("Anteckningen får vara högst %1 tecken.").replace("%1", str(MAX_NOTE_LENGTH))
            )
            return False
        self.show_error(None)
        self.submitted.emit(request)
        return True


@dataclass(frozen=True, slots=True)
class SnoozeRequest:
    until: datetime
    wake_on: str


class SnoozeDialog(_Dialog):
    """Snooze until a chosen time; what may wake it early: any impulse, a certificate, nothing."""

    submitted = Signal(object)  # SnoozeRequest

    def __init__(
        self, case_ref: str, about: str, clock: Clock, parent: QWidget | None = None
    ) -> None:
        super().__init__(tr("Snooza bevakning – %1").replace("%1", case_ref), tr("Snooza"), parent)
        self.case_ref = case_ref
        self.set_intro(about)
        self.when = WhenField(clock, SNOOZE_CHOICES, "i morgon")
        self.when.changed.connect(self._sync)
        when_label = QLabel(tr("&Till:"))
        when_label.setBuddy(self.when.edit)
        form = QFormLayout()
        form.addRow(when_label, self.when)
        wake = QGroupBox(tr("Väcks tidigare av"))
        wake.setAccessibleName(tr("Väcks tidigare av"))
        self.wake_group = QButtonGroup(self)
        wake_layout = QVBoxLayout(wake)
        self.wake_radios: dict[str, QRadioButton] = {}
        for number, (key, label) in enumerate(WAKE_CHOICES):
            radio = QRadioButton(tr(label))
            radio.setAccessibleName(tr(label))
            self.wake_group.addButton(radio, number)
            self.wake_radios[key] = radio
            wake_layout.addWidget(radio)
        self.wake_radios["any_impulse"].setChecked(True)
        floor = QLabel(
            tr(
                "En snooze döljer aldrig ärendet förbi nästa kontrollpunkt i "
                "rehabiliteringskedjan; en senare tid begränsas dit."
            )
        )
        floor.setWordWrap(True)
        floor.setStyleSheet("color: palette(placeholder-text);")
        self.body.addLayout(form)
        self.body.addWidget(wake)
        self.body.addWidget(floor)
        self.when.setFocus()
        self.when.edit.selectAll()
        self._sync()

    def _sync(self) -> None:
        self.ok_button.setEnabled(self.when.value() is not None and not self.busy)

    def wake_on(self) -> str:
        for key, radio in self.wake_radios.items():
            if radio.isChecked():
                return key
        return "any_impulse"

    def set_wake_on(self, key: str) -> None:
        self.wake_radios[key].setChecked(True)

    def _submit(self) -> bool:
        until = self.when.value()
        if until is None:
            self.show_error(self.when.error())
            self.when.setFocus()
            return False
        self.show_error(None)
        self.submitted.emit(SnoozeRequest(until, self.wake_on()))
        return True


class TextDialog(_Dialog):
    """One line of text: the optional note for 'Klar', or the required reason for 'Avfärda'."""

    submitted = Signal(str)

    def __init__(
        self,
        title: str,
        prompt: str,
        ok_text: str,
        parent: QWidget | None = None,
        *,
        required: bool = False,
        about: str = "",
    ) -> None:
        super().__init__(title, ok_text, parent)
        self.required = required
        self.set_intro(about)
        self.text = QLineEdit()
        self.text.setAccessibleName(prompt)
        self.text.setMaxLength(MAX_NOTE_LENGTH)
        label = QLabel(prompt)
        label.setBuddy(self.text)
        self.body.addWidget(label)
        self.body.addWidget(self.text)
        self.text.textChanged.connect(lambda _t: self._sync())
        self.text.setFocus()
        self._sync()

    def _sync(self) -> None:
        self.ok_button.setEnabled(not self.required or bool(self.text.text().strip()))

    def _submit(self) -> bool:
        value = self.text.text().strip()
        if self.required and not value:
            self.show_error(tr("Skriv ett skäl."))
            return False
        self.submitted.emit(value)
        return True


def about_text(due_at: datetime, note: str | None, now: datetime | None = None) -> str:
    """'Förfaller tis 24 nov 08:00 · Ring arbetsgivaren' for a dialog's intro line."""
    word = tr("Förföll") if now is not None and due_at <= now else tr("Förfaller")
    text = f"{word} {when_sv(due_at)}"
    return f"{text} · {note}" if note else text
