"""The outcome panel: acted on / another actor / not relevant, a note, and Registrera; and
the dialog around it that the case view opens for one impulse."""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.base.model import IMPULSE_TYPE_SV
from ui.style import ACCENT
from ui.widgets.case_texts import local_day

ACTED, OTHER_ACTOR, NOT_RELEVANT = "acted", "other_actor", "not_relevant"
OUTCOMES = (ACTED, OTHER_ACTOR, NOT_RELEVANT)
OUTCOME_KEYS = {Qt.Key.Key_1: ACTED, Qt.Key.Key_2: OTHER_ACTOR, Qt.Key.Key_3: NOT_RELEVANT}
QUICK_NOTES = ("Dubblettintyg", "Redan hanterat", "Ingen ny information")


def _plain(event: QKeyEvent) -> bool:
    """No modifier but the keypad's: 1/2/3 on the number pad choose as well."""
    return not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)


class OutcomePanel(QFrame):
    """Pick an outcome (1/2/3), write a note, confirm with Enter.

    The panel only collects the choice; whoever owns it does the recording and calls
    ``show_error`` (the typed note stays) or ``reset`` afterwards.
    """

    confirm_requested = Signal()
    cancelled = Signal()
    outcome_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Registrera utfall"))
        self._placeholders = {
            ACTED: self.tr("Vad gjordes? (t.ex. ringde den försäkrade)"),
            OTHER_ACTOR: self.tr("Vem hanterar? (t.ex. vården, Arbetsförmedlingen)"),
            NOT_RELEVANT: self.tr("Varför inte relevant? (krävs)"),
        }

        self.target_label = QLabel()
        self.target_label.setWordWrap(True)
        bold = self.target_label.font()
        bold.setBold(True)
        self.target_label.setFont(bold)

        labels = {
            ACTED: self.tr("Åtgärdad (1)"),
            OTHER_ACTOR: self.tr("Annan aktör (2)"),
            NOT_RELEVANT: self.tr("Inte relevant (3)"),
        }
        accessible = {
            ACTED: self.tr("Åtgärdad, tangent 1"),
            OTHER_ACTOR: self.tr("Hanteras av annan aktör, tangent 2"),
            NOT_RELEVANT: self.tr("Inte relevant, tangent 3"),
        }
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        choices = QHBoxLayout()
        choices.setSpacing(16)
        for outcome in OUTCOMES:
            button = QRadioButton(labels[outcome])
            button.setAccessibleName(accessible[outcome])
            self.group.addButton(button)
            self.buttons[outcome] = button
            button.toggled.connect(lambda on, o=outcome: on and self._on_picked(o))
            choices.addWidget(button)
        choices.addStretch(1)

        self.note_edit = QLineEdit()
        self.note_edit.setAccessibleName(self.tr("Anteckning om utfallet"))
        self.note_edit.setPlaceholderText(
            self.tr("Anteckning (välj först utfall med 1, 2 eller 3)")
        )
        self.note_edit.setClearButtonEnabled(True)
        note_label = QLabel(self.tr("&Anteckning:"))
        note_label.setBuddy(self.note_edit)

        self.confirm_button = QPushButton(self.tr("Registrera (Enter)"))
        self.confirm_button.setAccessibleName(self.tr("Registrera utfallet"))
        self.confirm_button.clicked.connect(self.confirm_requested)

        quick = QHBoxLayout()
        quick.setSpacing(6)
        quick_label = QLabel(self.tr("Snabbval, inte relevant:"))
        quick.addWidget(quick_label)
        self.quick_buttons: list[QPushButton] = []
        for text in QUICK_NOTES:
            button = QPushButton(self.tr(text))
            button.setAccessibleName(self.tr("Inte relevant: %1").replace("%1", button.text()))
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            label = button.text()
            button.clicked.connect(lambda _=False, t=label: self.use_quick_note(t))
            quick.addWidget(button)
            self.quick_buttons.append(button)
        quick.addStretch(1)

        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {ACCENT};")
        self.error_label.setAccessibleName(self.tr("Felmeddelande"))
        self.error_label.hide()

        grid = QGridLayout(self)
        grid.setContentsMargins(10, 8, 10, 8)
        grid.setVerticalSpacing(6)
        grid.addWidget(self.target_label, 0, 0, 1, 3)
        grid.addLayout(choices, 1, 0, 1, 3)
        grid.addWidget(note_label, 2, 0)
        grid.addWidget(self.note_edit, 2, 1)
        grid.addWidget(self.confirm_button, 2, 2)
        grid.addLayout(quick, 3, 0, 1, 3)
        grid.addWidget(self.error_label, 4, 0, 1, 3)
        grid.setColumnStretch(1, 1)

        # Reading order: choices, note, Registrera, quick notes.
        order = [*self.buttons.values(), self.note_edit, self.confirm_button, *self.quick_buttons]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)
        self.set_target(0)

    # --- state --------------------------------------------------------------------------

    def outcome(self) -> str | None:
        for outcome, button in self.buttons.items():
            if button.isChecked():
                return outcome
        return None

    def set_outcome(self, outcome: str | None) -> None:
        if outcome is None:
            # An exclusive group will not uncheck its last button; lift that for a moment.
            self.group.setExclusive(False)
            for button in self.buttons.values():
                button.setChecked(False)
            self.group.setExclusive(True)
            self.note_edit.setPlaceholderText(
                self.tr("Anteckning (välj först utfall med 1, 2 eller 3)")
            )
            return
        self.buttons[outcome].setChecked(True)

    def note(self) -> str:
        return self.note_edit.text()

    def use_quick_note(self, text: str) -> None:
        self.set_outcome(NOT_RELEVANT)
        self.note_edit.setText(text)
        self.note_edit.setFocus()

    def set_target(self, impulses: int, cases: int = 0, case_ref: str | None = None) -> None:
        """Say what Registrera applies to, so a bulk outcome is never a surprise."""
        if impulses == 0:
            text = self.tr("Markera impulser i listan för att registrera utfall.")
        elif impulses == 1:
            text = self.tr("Utfall för impulsen i %1").replace("%1", case_ref or "")
        else:
            where = (
                self.tr("1 ärende")
                if cases == 1
                else self.tr("%1 ärenden").replace("%1", str(cases))
            )
            text = (
                self.tr("Utfall för %1 markerade impulser i %2")
                .replace("%1", str(impulses))
                .replace("%2", where)
            )
        self.target_label.setText(text)
        self.confirm_button.setEnabled(impulses > 0)

    def show_error(self, message: str) -> None:
        self.error_label.setText(f"⚠ {message}")
        self.error_label.show()

    def clear_error(self) -> None:
        self.error_label.clear()
        self.error_label.hide()

    def error_text(self) -> str:
        return self.error_label.text() if self.error_label.isVisible() else ""

    def set_busy(self, busy: bool) -> None:
        self.confirm_button.setEnabled(not busy)

    def reset(self) -> None:
        """After a recorded outcome: nothing chosen, empty note, no error."""
        self.set_outcome(None)
        self.note_edit.clear()
        self.clear_error()

    def focus_choices(self) -> None:
        chosen = self.outcome()
        self.buttons[chosen or ACTED].setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _on_picked(self, outcome: str) -> None:
        self.note_edit.setPlaceholderText(self._placeholders[outcome])
        self.clear_error()
        self.outcome_changed.emit(outcome)

    # --- keyboard -----------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        # Esc here clears the choice instead of triggering the window's "back" shortcut.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Keys the focused child did not use (a line edit types digits itself).
        key = Qt.Key(event.key())
        if key in OUTCOME_KEYS and _plain(event):
            self.set_outcome(OUTCOME_KEYS[key])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.confirm_requested.emit()
        elif key == Qt.Key.Key_Escape:
            self.set_outcome(None)
            self.clear_error()
            self.cancelled.emit()
        else:
            super().keyPressEvent(event)


class OutcomeDialog(QDialog):
    """'Registrera utfall…' for one impulse, from the case view: the inbox's outcome panel in
    a dialog. It stays open until the caller says the outcome was recorded (``done_ok``) or
    shows why not (``failed``; the typed note stays)."""

    submitted = Signal(str, str)  # outcome, note

    def __init__(self, impulse: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.impulse = impulse
        self._writing = False
        self.setWindowTitle(self.tr("Registrera utfall"))
        self.setMinimumWidth(640)
        self.panel = OutcomePanel(self)
        what = self.tr(IMPULSE_TYPE_SV.get(impulse["type"], impulse["type"]))
        self.panel.target_label.setText(
            f"{local_day(impulse['received_at'])} · {what}\n{impulse.get('text') or ''}"
        )
        self.panel.confirm_button.hide()  # the dialog's own Registrera does it
        self.panel.confirm_requested.connect(self._submit)
        self.panel.cancelled.connect(self.reject)
        self.panel.set_outcome(ACTED)
        self.note = self.panel.note_edit
        self.error = self.panel.error_label
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Registrera"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Avbryt"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        layout.addWidget(self.buttons)
        self.panel.focus_choices()

    def choose(self, number: int) -> None:
        """Pick outcome 1, 2 or 3."""
        self.panel.set_outcome(OUTCOMES[number - 1])

    def outcome(self) -> str | None:
        return self.panel.outcome()

    def _submit(self) -> None:
        if self._writing:  # Enter pressed again while the outcome is being written
            return
        outcome = self.panel.outcome()
        if outcome is None:
            self.panel.show_error(
                self.tr("Välj utfall: 1 Åtgärdad, 2 Annan aktör eller 3 Inte relevant.")
            )
            return
        self.panel.clear_error()
        self._writing = True  # one write at a time
        self.buttons.setEnabled(False)
        self.submitted.emit(outcome, self.panel.note())

    def done_ok(self) -> None:
        self.accept()

    def failed(self, message: str) -> None:
        self._writing = False
        self.buttons.setEnabled(True)
        self.panel.show_error(message)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # 1/2/3 choose the outcome, except while typing the note (the panel sees the keys
        # its children do not use; this is for keys sent to the dialog itself).
        key = Qt.Key(event.key())
        if key in OUTCOME_KEYS and _plain(event) and not self.note.hasFocus():
            self.panel.set_outcome(OUTCOME_KEYS[key])
            return
        super().keyPressEvent(event)
