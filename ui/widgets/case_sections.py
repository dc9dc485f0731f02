"""The top of the case view: header, the gaps box, consent per actor, and notes."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.case.casework import CaseDetail, Gap
from ui.style import ACCENT, chain_text, is_dark_theme, phase_colour
from ui.widgets.case_texts import EMPLOYMENT_SV, local_time, role_sv, tr

PULSE_MS = 800
PULSE_FOR_MS = 5000
PULSE_SOFT = "#ef9a9a"


def error_label() -> QLabel:
    """A red line under a section for the engine's refusal; hidden until needed."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {ACCENT}; font-weight: bold;")
    label.setAccessibleName(tr("Felmeddelande"))
    label.hide()
    return label


def show_error(label: QLabel, message: str | None) -> None:
    label.setText(message or "")
    label.setVisible(bool(message))


class CaseHeader(QFrame):
    """Case id, name, masked number, employer, employment, extent, flow/unit, owner."""

    back_clicked = Signal()
    reveal_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.revealed_pin: str | None = None
        self.reveal_button = QPushButton(self.tr("Visa personnummer"))
        self.reveal_button.setAccessibleName(
            self.tr("Visa hela personnumret (registreras i ärendets historik)")
        )
        self.reveal_button.clicked.connect(self.reveal_clicked)
        self.back_button = QPushButton(self.tr("← Tillbaka (Esc)"))
        self.back_button.setAccessibleName(self.tr("Tillbaka till föregående vy"))
        self.back_button.clicked.connect(self.back_clicked)
        self.title = QLabel()
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        self.title.setFont(font)
        self.title.setAccessibleName(self.tr("Ärende"))
        self.chip = QLabel()
        self.chip.setAccessibleName(self.tr("Läge i kedjan"))
        self.details = QLabel()
        self.details.setTextFormat(Qt.TextFormat.PlainText)  # employer names carry "&"
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAccessibleName(self.tr("Uppgifter om ärendet"))

        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addSpacing(8)
        top.addWidget(self.title, 1)
        top.addWidget(self.reveal_button)
        top.addWidget(self.chip)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.addLayout(top)
        layout.addWidget(self.details)

    def set_message(self, text: str) -> None:
        self.title.setText(escape(text))
        self.chip.hide()
        self.details.clear()

    def set_detail(self, detail: CaseDetail) -> None:
        row = detail.row
        pin = self.revealed_pin or detail.masked_pin
        self.title.setText(
            f"<b>{escape(row['case_ref'])}</b> · {escape(row.get('person_name') or '')}"
            f" <span style='font-size:small'>{escape(pin)}</span>"
        )
        self.reveal_button.setVisible(bool(detail.masked_pin) and self.revealed_pin is None)
        parts = [
            self.tr("Arbetsgivare: {name}").format(name=row.get("employer") or self.tr("saknas")),
            self.tr(EMPLOYMENT_SV.get(row["employment"], row["employment"])),
            self.tr("Sjukskriven {extent} %").format(extent=row.get("extent") or 0),
            " / ".join(str(v) for v in (row.get("flow"), row.get("unit")) if v),
        ]
        owner = detail.caseworker
        if owner:
            parts.append(
                self.tr("Handläggare: {name} ({id})").format(name=owner["name"], id=owner["ext_id"])
            )
        if row["status"] != "open":
            parts.append(self.tr("Avslutat {day}").format(day=row.get("closed_on") or ""))
        self.details.setText(" · ".join(p for p in parts if p))
        chain = detail.facts.chain if detail.facts else None
        if chain is not None and chain.intervals:
            colour = phase_colour(chain.phase).name()
            self.chip.setText(chain_text(chain.day, chain.phase))
            self.chip.setStyleSheet(
                f"background: {colour}; color: white; padding: 2px 8px; border-radius: 8px;"
                "font-weight: bold;"
            )
        else:
            self.chip.setText(self.tr("ingen pågående kedja"))
            self.chip.setStyleSheet("padding: 2px 8px; border: 1px solid gray; border-radius: 8px;")
        self.chip.show()


class GapsBox(QFrame):
    """Gaps in red, in plain sight, with a short pulse when they first appear."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gapsBox")
        self.setAccessibleName(self.tr("Luckor i ärendet"))
        self.title = QLabel()
        font = QFont(self.title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.title.setFont(font)
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        self._shown: tuple[tuple[str, str], ...] = ()
        self._soft = False
        self._ticks = 0
        self.pulse_timer = QTimer(self)
        self.pulse_timer.setInterval(PULSE_MS)
        self.pulse_timer.timeout.connect(self._tick)
        self._paint_border()
        self.hide()

    def set_gaps(self, gaps: list[Gap]) -> None:
        key = tuple((g.type, g.text) for g in gaps)
        if not gaps:
            self.pulse_timer.stop()
            self._shown = ()
            self.hide()
            return
        self.title.setText(self.tr("⚠ Luckor ({n})").format(n=len(gaps)))
        self.body.setText(
            "".join(
                f"<p style='margin:2px 0'><b>{escape(self.tr(g.title))}</b><br>{escape(g.text)}</p>"
                for g in gaps
            )
        )
        self.setAccessibleDescription("; ".join(f"{self.tr(g.title)}: {g.text}" for g in gaps))
        self.show()
        if key != self._shown:  # only new gaps pulse, not every refresh of the same case
            self._shown = key
            self.pulse()

    def forget(self) -> None:
        """Another case is opened: its gaps are new news and pulse again."""
        self._shown = ()

    def pulse(self) -> None:
        # A few slow blinks, then steady: noticeable, but no lasting motion on screen.
        self._ticks = 0
        self._soft = False
        self.pulse_timer.start()

    @property
    def pulsing(self) -> bool:
        return self.pulse_timer.isActive()

    def _tick(self) -> None:
        self._ticks += 1
        self._soft = not self._soft
        if self._ticks * PULSE_MS >= PULSE_FOR_MS:
            self.pulse_timer.stop()
            self._soft = False
        self._paint_border()

    def _paint_border(self) -> None:
        dark = is_dark_theme()
        border = PULSE_SOFT if self._soft else ACCENT
        background = "#3b1a1a" if dark else "#fdecea"
        text = "#f5f5f5" if dark else "#1a1a1a"
        self.setStyleSheet(
            f"QFrame#gapsBox {{ border: 3px solid {border}; border-radius: 5px;"
            f" background: {background}; }}"
            f" QFrame#gapsBox QLabel {{ color: {text}; background: transparent; border: none; }}"
        )
        self.title.setStyleSheet(f"color: {'#ff8a80' if dark else ACCENT};")


class ConsentBox(QGroupBox):
    """Per actor: has the insured person consented to contact (30 kap. 10 § SFB)?"""

    consent_changed = Signal(int, object)  # contact id, True / False / None

    CHOICES = ((None, "Okänt"), (True, "Ja"), (False, "Nej"))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Samtycke"), parent)
        self.setAccessibleName(self.tr("Samtycke per aktör"))
        note = QLabel(
            self.tr(
                "Kontakt med arbetsgivare, vård och andra aktörer kräver den försäkrades samtycke."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(placeholder-text);")
        self.grid = QGridLayout()
        self.grid.setColumnStretch(0, 1)
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(self.grid)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.combos: dict[int, QComboBox] = {}
        self._dates: dict[int, QLabel] = {}
        self._ids: tuple[int, ...] = ()
        self._empty = QLabel(self.tr("Inga kontakter registrerade."))

    def set_contacts(self, contacts: list[dict[str, Any]], editable: bool = True) -> None:
        ids = tuple(c["id"] for c in contacts)
        if ids != self._ids:
            self._rebuild(contacts)
        for contact in contacts:
            combo = self.combos[contact["id"]]
            combo.setEnabled(editable)
            combo.blockSignals(True)
            combo.setCurrentIndex(self._index_of(contact["consent"]))
            combo.blockSignals(False)
            day = self._dates[contact["id"]]
            day.setText(contact["consent_on"] or "")
            if contact["consent"] == 0:
                day.setText(f"{contact['consent_on'] or ''}  {self.tr('ingen kontakt')}".strip())
                day.setStyleSheet(f"color: {ACCENT}; font-weight: bold;")
            else:
                day.setStyleSheet("")

    def _index_of(self, consent: int | None) -> int:
        return 0 if consent is None else (1 if consent else 2)

    def _rebuild(self, contacts: list[dict[str, Any]]) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget()
            if widget is not None and widget is not self._empty:
                widget.deleteLater()
        self.combos.clear()
        self._dates.clear()
        self._ids = tuple(c["id"] for c in contacts)
        if not contacts:
            self.grid.addWidget(self._empty, 0, 0)
            self._empty.show()
            return
        self._empty.hide()
        for row, contact in enumerate(contacts):
            who = role_sv(contact["role"])
            name = contact.get("name") or contact.get("organisation") or ""
            label = QLabel(f"{who}" + (f" ({name})" if name else ""))
            label.setWordWrap(True)
            combo = QComboBox()
            for _value, text in self.CHOICES:
                combo.addItem(self.tr(text))
            combo.setAccessibleName(self.tr("Samtycke för {who}").format(who=who))
            combo.currentIndexChanged.connect(
                lambda index, cid=contact["id"]: self.consent_changed.emit(
                    cid, self.CHOICES[index][0]
                )
            )
            label.setBuddy(combo)
            day = QLabel()
            day.setAccessibleName(self.tr("Datum för samtycke"))
            self.grid.addWidget(label, row, 0)
            self.grid.addWidget(combo, row, 1)
            self.grid.addWidget(day, row, 2)
            self.combos[contact["id"]] = combo
            self._dates[contact["id"]] = day


class NotesBox(QGroupBox):
    """Personal notes on the case, newest first, and a box to write a new one."""

    save_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Anteckningar"), parent)
        self.editor = QPlainTextEdit()
        self.editor.setPlaceholderText(self.tr("Ny anteckning…"))
        self.editor.setAccessibleName(self.tr("Ny anteckning"))
        self.editor.setTabChangesFocus(True)
        self.editor.setFixedHeight(64)
        self.save_button = QPushButton(self.tr("Spara anteckning"))
        self.save_button.setAccessibleName(self.tr("Spara anteckningen"))
        self.save_button.clicked.connect(self._save)
        self.error = error_label()
        self.list = QLabel()
        self.list.setWordWrap(True)
        self.list.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.list.setAccessibleName(self.tr("Tidigare anteckningar"))
        row = QHBoxLayout()
        row.addWidget(self.editor, 1)
        row.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(self.list)

    def _save(self) -> None:
        self.save_requested.emit(self.editor.toPlainText())

    def set_notes(self, notes: list[dict[str, Any]]) -> None:
        if not notes:
            self.list.setText(self.tr("Inga anteckningar ännu."))
            return
        self.list.setText(
            "".join(
                f"<p style='margin:4px 0'><b>{escape(local_time(n['at']))} · "
                f"{escape(n.get('author') or '')}</b><br>"
                f"{escape(n['text']).replace(chr(10), '<br>')}</p>"
                for n in notes
            )
        )
