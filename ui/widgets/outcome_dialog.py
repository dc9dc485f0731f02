"""'Registrera utfall…': choose 1/2/3 and write a note; the caller records it and closes us."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.inbox import OUTCOME_SV
from app.model import IMPULSE_TYPE_SV
from ui.widgets.case_sections import error_label, show_error
from ui.widgets.case_texts import local_day

OUTCOMES = tuple(OUTCOME_SV)  # acted, other_actor, not_relevant: keys 1, 2, 3


class OutcomeDialog(QDialog):
    """Stays open until the caller says the outcome was recorded (``done_ok``) or shows why not."""

    submitted = Signal(str, str)  # outcome, note

    def __init__(self, impulse: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.impulse = impulse
        self.setWindowTitle(self.tr("Registrera utfall"))
        self.setMinimumWidth(420)
        what = self.tr(IMPULSE_TYPE_SV.get(impulse["type"], impulse["type"]))
        about = QLabel(f"{local_day(impulse['received_at'])} · {what}\n{impulse.get('text') or ''}")
        about.setWordWrap(True)
        self.group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        self.radios: list[QRadioButton] = []
        for number, key in enumerate(OUTCOMES, start=1):
            radio = QRadioButton(f"&{number}  {self.tr(OUTCOME_SV[key])}")
            radio.setAccessibleName(self.tr(OUTCOME_SV[key]))
            self.group.addButton(radio, number - 1)
            self.radios.append(radio)
            layout.addWidget(radio)
        self.radios[0].setChecked(True)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Vad gjordes, eller varför inte relevant"))
        self.note.setAccessibleName(self.tr("Anteckning om utfallet"))
        note_label = QLabel(self.tr("&Anteckning:"))
        note_label.setBuddy(self.note)
        layout.addWidget(note_label)
        layout.addWidget(self.note)
        self.error = error_label()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Registrera"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Avbryt"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.radios[0].setFocus()

    def choose(self, number: int) -> None:
        """Pick outcome 1, 2 or 3."""
        self.radios[number - 1].setChecked(True)

    def outcome(self) -> str:
        return OUTCOMES[max(0, self.group.checkedId())]

    def _submit(self) -> None:
        show_error(self.error, None)
        self.buttons.setEnabled(False)  # one write at a time
        self.submitted.emit(self.outcome(), self.note.text())

    def done_ok(self) -> None:
        self.accept()

    def failed(self, message: str) -> None:
        self.buttons.setEnabled(True)
        show_error(self.error, message)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # 1/2/3 choose the outcome, except while typing the note.
        number = int(event.key()) - Qt.Key.Key_1.value + 1
        if not self.note.hasFocus() and 1 <= number <= len(OUTCOMES):
            self.choose(number)
            return
        super().keyPressEvent(event)
