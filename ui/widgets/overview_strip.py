"""The overview strip: cases per chain phase crossed with state, and the two backlogs."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from app.stock.facts import PHASES
from app.stock.overview import STATES
from ui.models.stock_model import NO_PHASE
from ui.style import PHASE_COLOURS, phase_label

BENEFIT = "benefit_decision"
COORDINATION = "waiting_for_coordination"
MISSING_OS = "past_181_without_os_position"

# Column key (None = all cases of the row) with the header split where it may wrap.
COLUMNS: tuple[tuple[str | None, str], ...] = (
    (None, QT_TRANSLATE_NOOP("OverviewStrip", "Ärenden")),
    ("open_impulses", QT_TRANSLATE_NOOP("OverviewStrip", "Öppna\nimpulser")),
    ("overdue_follow_ups", QT_TRANSLATE_NOOP("OverviewStrip", "Försenad\nbevakning")),
    ("milestone_within_14_days", QT_TRANSLATE_NOOP("OverviewStrip", "Milstolpe\ninom 14 d")),
    ("waiting_for_coordination", QT_TRANSLATE_NOOP("OverviewStrip", "Väntar på\nsamordning")),
)
assert {key for key, _ in COLUMNS if key} == set(STATES)

# Checked cells are filled with the highlight colour and set in bold, so the active filter
# shows by shape and weight as well as by colour.
_STYLE = """
QPushButton#cell, QPushButton#backlog {
    border: 1px solid palette(mid); border-radius: 3px; padding: 3px 8px;
    background: palette(base);
}
QPushButton#cell { text-align: right; min-width: 56px; }
QPushButton#cell:hover, QPushButton#backlog:hover { border-color: palette(highlight); }
QPushButton#cell:focus, QPushButton#backlog:focus { border: 2px solid palette(highlight); }
QPushButton#cell:checked, QPushButton#backlog:checked {
    background: palette(highlight); color: palette(highlighted-text);
    border: 2px solid palette(text);
}
"""


class _PhaseLabel(QWidget):
    """A phase colour chip followed by the phase in words (colour is never alone)."""

    def __init__(self, phase: str | None, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.setSpacing(6)
        chip = QLabel()
        chip.setFixedSize(12, 12)
        if phase is not None:
            colour = PHASE_COLOURS.get(phase, "#757575")
            chip.setStyleSheet(f"background: {colour}; border-radius: 3px;")
        layout.addWidget(chip)
        self.text = QLabel(text)
        if phase is None:
            font = self.text.font()
            font.setBold(True)
            self.text.setFont(font)
        layout.addWidget(self.text)
        layout.addStretch(1)


class OverviewStrip(QWidget):
    """Counts per phase x state; every count is a filter. Emits (phase, state), None = any."""

    filter_requested = Signal(object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(_STYLE)
        self._cells: dict[tuple[str | None, str | None], QPushButton] = {}
        self._backlogs: dict[str, QPushButton] = {}
        self._labels: dict[str, str] = {}
        self._phase_rows: dict[str, list[QWidget]] = {}
        self._active: tuple[str | None, str | None] = (None, None)
        self._counts: dict[str, Any] = {}

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self._build_grid(), 3)
        layout.addWidget(self._build_backlogs(), 2)
        self.set_active(None, None)

    # --- construction -------------------------------------------------------------------

    def _build_grid(self) -> QWidget:
        frame = QFrame()
        grid = QGridLayout(frame)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(4)
        grid.setVerticalSpacing(3)
        self.show_all = QPushButton(self.tr("Visa alla"))
        self.show_all.setAccessibleName(self.tr("Visa alla ärenden (ta bort filtret)"))
        self.show_all.setToolTip(self.tr("Ta bort fas- och lägesfiltret"))
        self.show_all.clicked.connect(lambda: self._request(None, None))
        grid.addWidget(self.show_all, 0, 0, Qt.AlignmentFlag.AlignBottom)
        for col, (_key, header) in enumerate(COLUMNS, start=1):
            label = QLabel(self.tr(header))
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
            grid.addWidget(label, 0, col)
        for row, phase in enumerate((*PHASES, NO_PHASE, None), start=1):
            name = self._phase_name(phase)
            label = _PhaseLabel(phase if phase != NO_PHASE else "", name)
            grid.addWidget(label, row, 0)
            widgets: list[QWidget] = [label]
            for col, (state, header) in enumerate(COLUMNS, start=1):
                button = self._make_cell(phase, state, name, self.tr(header).replace("\n", " "))
                grid.addWidget(button, row, col)
                widgets.append(button)
            if phase is not None:
                self._phase_rows[phase] = widgets
        for col in range(1, len(COLUMNS) + 1):
            grid.setColumnStretch(col, 1)
        self._set_row_visible(NO_PHASE, False)
        return frame

    def _make_cell(
        self, phase: str | None, state: str | None, phase_name: str, column: str
    ) -> QPushButton:
        button = QPushButton("0")
        button.setObjectName("cell")
        button.setCheckable(True)
        button.setFlat(True)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.setToolTip(self.tr("Visa bara de här ärendena i tabellen"))
        self._labels[self._key(phase, state)] = f"{phase_name}, {column}"
        button.setAccessibleName(self._labels[self._key(phase, state)])
        button.clicked.connect(lambda _=False, p=phase, s=state: self._clicked(p, s))
        self._cells[(phase, state)] = button
        return button

    def _build_backlogs(self) -> QWidget:
        box = QGroupBox(self.tr("Köer"))
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(8)
        specs = (
            (BENEFIT, self.tr("Väntar på beslut om\nrätt till ersättning"), 0, 0, 1),
            (COORDINATION, self.tr("Väntar på\nsamordning"), 0, 1, 1),
            (MISSING_OS, self.tr("Passerat dag 181 utan\nÖS-ställningstagande"), 1, 0, 2),
        )
        for key, text, row, col, span in specs:
            button = QPushButton()
            button.setObjectName("backlog")
            button.setCheckable(True)
            button.setFlat(True)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            self._labels[key] = text
            button.clicked.connect(lambda _=False, k=key: self._clicked(None, k))
            grid.addWidget(button, row, col, 1, span)
            self._backlogs[key] = button
        # The two queues get the same width and weight: money never crowds out coordination.
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 2)
        self._set_backlog(BENEFIT, 0)
        self._set_backlog(COORDINATION, 0)
        self._set_backlog(MISSING_OS, 0)
        return box

    def _phase_name(self, phase: str | None) -> str:
        if phase is None:
            return self.tr("Totalt")
        if phase == NO_PHASE:
            return self.tr("Ingen kedja")
        return self.tr("Dag {phase}").format(phase=phase_label(phase))

    @staticmethod
    def _key(phase: str | None, state: str | None) -> str:
        return f"{phase}|{state}"

    def _set_row_visible(self, phase: str, visible: bool) -> None:
        for widget in self._phase_rows[phase]:
            widget.setVisible(visible)

    def _set_backlog(self, key: str, count: int) -> None:
        button = self._backlogs[key]
        text = self._labels[key]
        button.setText(f"{text}: {count}")
        flat = text.replace("\n", " ")
        button.setAccessibleName(f"{flat}: {count}")
        button.setToolTip(self.tr("Visa bara de här ärendena i tabellen"))

    # --- public -------------------------------------------------------------------------

    def set_counts(self, counts: dict[str, Any]) -> None:
        """Show counts in stock_counts' shape (phases, totals, backlogs, past 181)."""
        self._counts = counts
        phases: dict[str, dict[str, int]] = counts.get("phases", {})
        totals: dict[str, int] = counts.get("totals", {})
        self._set_row_visible(NO_PHASE, bool(phases.get(NO_PHASE, {}).get("cases")))
        for (phase, state), button in self._cells.items():
            cell = totals if phase is None else phases.get(phase, {})
            value = int(cell.get(state or "cases", 0))
            button.setText(str(value))
            button.setAccessibleName(f"{self._labels[self._key(phase, state)]}: {value}")
        backlogs: dict[str, int] = counts.get("backlogs", {})
        self._set_backlog(BENEFIT, int(backlogs.get("benefit_decision", 0)))
        self._set_backlog(COORDINATION, int(backlogs.get("coordination", 0)))
        self._set_backlog(MISSING_OS, int(counts.get("past_181_without_os_position", 0)))

    def set_active(self, phase: str | None, state: str | None) -> None:
        """Mark the cell (and backlog) that is the table's filter; (None, None) marks none."""
        self._active = (phase, state)
        active = (phase, state) != (None, None)
        for key, button in self._cells.items():
            self._mark(button, active and key == (phase, state))
        for key, button in self._backlogs.items():
            self._mark(button, active and phase is None and key == state)
        self.show_all.setEnabled(active)

    def active(self) -> tuple[str | None, str | None]:
        return self._active

    def cell(self, phase: str | None, state: str | None) -> QPushButton:
        """The button for a phase (None = Totalt) and a state (None = all cases)."""
        return self._cells[(phase, state)]

    def backlog_button(self, key: str) -> QPushButton:
        """'benefit_decision', 'waiting_for_coordination' or 'past_181_without_os_position'."""
        return self._backlogs[key]

    # --- behaviour ----------------------------------------------------------------------

    @staticmethod
    def _mark(button: QPushButton, on: bool) -> None:
        button.setChecked(on)
        font = button.font()
        font.setBold(on)
        button.setFont(font)

    def _clicked(self, phase: str | None, state: str | None) -> None:
        # Clicking the active filter again takes it away, like a toggle.
        if (phase, state) == self._active:
            phase, state = None, None
        self._request(phase, state)

    def _request(self, phase: str | None, state: str | None) -> None:
        self.set_active(phase, state)
        self.filter_requested.emit(phase, state)
