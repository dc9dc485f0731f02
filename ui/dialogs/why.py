"""'Varför?': every contribution to a case's priority score, highest first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.priority.score import Contribution, Score
from ui.style import ACCENT, decimal

MINUS = "\u2212"  # a real minus sign: easier to see than a hyphen


def points_text(points: float) -> str:
    """'+12,5' or '−4,0': always signed, so dampening reads as a subtraction."""
    text = decimal(abs(points))
    return f"{MINUS}{text}" if points < 0 else f"+{text}"


def ordered(contributions: tuple[Contribution, ...] | list[Contribution]) -> list[Contribution]:
    """Highest points first; ties by key so the order never jumps."""
    return sorted(contributions, key=lambda c: (-c.points, c.key))


class WhyDialog(QDialog):
    """Shows the case id, the total and a table of every contribution."""

    def __init__(
        self, case_ref: str, score: Score, name: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.case_ref = case_ref
        self.score = score
        self.setWindowTitle(self.tr("Varför? – %1").replace("%1", case_ref))
        self.resize(620, 360)

        who = f"{case_ref} · {name}" if name else case_ref
        self.heading = QLabel(
            self.tr("<b>%1</b><br>Poäng i dag: <b>%2</b>")
            .replace("%1", who)
            .replace("%2", decimal(score.total))
        )
        self.heading.setTextFormat(Qt.TextFormat.RichText)

        self.table = QTableWidget(0, 2)
        self.table.setAccessibleName(self.tr("Bidrag till prioriteten"))
        self.table.setHorizontalHeaderLabels([self.tr("Poäng"), self.tr("Skäl")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # Long reasons wrap; row heights follow the width the dialog ends up with.
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self._fill(ordered(score.contributions))

        self.note = QLabel(self._note_text())
        self.note.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Stäng"))
        close.setAccessibleName(self.tr("Stäng"))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.table.setFocus()

    def _fill(self, contributions: list[Contribution]) -> None:
        self.table.setRowCount(len(contributions))
        negative = QColor(ACCENT)
        for row, c in enumerate(contributions):
            points = QTableWidgetItem(points_text(c.points))
            points.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            text = QTableWidgetItem(c.text)
            text.setToolTip(c.text)
            if c.points < 0:
                # Dampening: a minus sign, the word and a colour, never the colour alone.
                text.setText(self.tr("Dämpning: %1").replace("%1", c.text))
                font = QFont()
                font.setItalic(True)
                for item in (points, text):
                    item.setForeground(negative)
                    item.setFont(font)
            self.table.setItem(row, 0, points)
            self.table.setItem(row, 1, text)
        self.table.resizeRowsToContents()
        if contributions:
            self.table.selectRow(0)

    def _note_text(self) -> str:
        if not self.score.contributions:
            return self.tr("Inga bidrag: inget i ärendet kräver uppmärksamhet i dag.")
        raw = sum(c.points for c in self.score.contributions)
        if raw < 0:
            return self.tr("Summan av bidragen är negativ; poängen blir aldrig lägre än 0.")
        return self.tr("Poängen är summan av bidragen (avrundad).")

    def rows(self) -> list[tuple[str, str]]:
        """The table as (points, text) pairs, for tests and screen readers alike."""
        return [
            (self.table.item(r, 0).text(), self.table.item(r, 1).text())
            for r in range(self.table.rowCount())
        ]
