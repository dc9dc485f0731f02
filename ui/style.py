"""Shared look: phase colours (always paired with text), date formats, small helpers."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from app.priority import MONTHS_SV, WEEKDAYS_SV

# Phase colours chosen to stay readable on light and dark backgrounds; never the only
# signal: every phase chip also carries its text ("dag 183 · 181–365").
PHASE_COLOURS = {
    "1-90": "#2e7d32",
    "91-180": "#1565c0",
    "181-365": "#ef6c00",
    "366+": "#6a1b9a",
}
NO_PHASE_COLOUR = "#757575"
ACCENT = "#d32f2f"  # new impulses, gaps, overdue items
PHASE_LABELS = {"1-90": "1–90", "91-180": "91–180", "181-365": "181–365", "366+": "366+"}


def phase_colour(phase: str | None) -> QColor:
    return QColor(PHASE_COLOURS.get(phase or "", NO_PHASE_COLOUR))


def _tr(text: str) -> str:
    """The shared formats translate in context Format (see resources/translations)."""
    return QCoreApplication.translate("Format", text)


def phase_label(phase: str | None) -> str:
    return PHASE_LABELS.get(phase or "") or _tr("ingen kedja")


def chain_text(day: int, phase: str | None) -> str:
    """'dag 183 · 181–365' (text that carries the phase as well as the colour)."""
    if not phase:
        return _tr("ingen pågående kedja")
    return _tr("dag %1 · %2").replace("%1", str(day)).replace("%2", phase_label(phase))


def date_sv(day: date | None) -> str:
    """'mån 23 nov' for a date (in the interface language: 'Mon 23 Nov'); empty for none."""
    if day is None:
        return ""
    weekday, month = _tr(WEEKDAYS_SV[day.weekday()]), _tr(MONTHS_SV[day.month - 1])
    return f"{weekday} {day.day} {month}"


def days_left_text(days: int | None) -> str:
    if days is None:
        return ""
    if days == 0:
        return _tr("i dag")
    if days < 0:
        return _tr("för %1 d sedan").replace("%1", str(-days))
    return _tr("om %1 d").replace("%1", str(days))


def decimal(value: float, *, whole_if_integral: bool = False) -> str:
    """'57,3' in Swedish, '57.3' in English: one decimal with the interface language's
    decimal separator (a translatable string in context Format, so the .ts decides);
    with ``whole_if_integral`` '280' rather than '280,0'."""
    if whole_if_integral and value == int(value):
        return str(int(value))
    return f"{value:.1f}".replace(".", QCoreApplication.translate("Format", ","))


def week_label(week: int) -> str:
    """'v48' in Swedish, 'W48' in English: an ISO week number as a short label."""
    return QCoreApplication.translate("Format", "v%1").replace("%1", str(week))


def is_dark_theme() -> bool:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return False
    return app.palette().color(QPalette.ColorRole.Window).lightness() < 128
