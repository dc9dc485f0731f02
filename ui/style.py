"""Shared look: phase colours (always paired with text), date formats, small helpers."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

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


# The shared formats translate in context Format (resources/translations); written out so
# pyside6-lupdate finds every one.
WEEKDAYS = (
    QT_TRANSLATE_NOOP("Format", "mån"), QT_TRANSLATE_NOOP("Format", "tis"),
    QT_TRANSLATE_NOOP("Format", "ons"), QT_TRANSLATE_NOOP("Format", "tors"),
    QT_TRANSLATE_NOOP("Format", "fre"), QT_TRANSLATE_NOOP("Format", "lör"),
    QT_TRANSLATE_NOOP("Format", "sön"),
)  # fmt: skip
MONTHS = (
    QT_TRANSLATE_NOOP("Format", "jan"), QT_TRANSLATE_NOOP("Format", "feb"),
    QT_TRANSLATE_NOOP("Format", "mar"), QT_TRANSLATE_NOOP("Format", "apr"),
    QT_TRANSLATE_NOOP("Format", "maj"), QT_TRANSLATE_NOOP("Format", "jun"),
    QT_TRANSLATE_NOOP("Format", "jul"), QT_TRANSLATE_NOOP("Format", "aug"),
    QT_TRANSLATE_NOOP("Format", "sep"), QT_TRANSLATE_NOOP("Format", "okt"),
    QT_TRANSLATE_NOOP("Format", "nov"), QT_TRANSLATE_NOOP("Format", "dec"),
)  # fmt: skip
WEEKDAYS_LONG = (
    QT_TRANSLATE_NOOP("Format", "Måndag"), QT_TRANSLATE_NOOP("Format", "Tisdag"),
    QT_TRANSLATE_NOOP("Format", "Onsdag"), QT_TRANSLATE_NOOP("Format", "Torsdag"),
    QT_TRANSLATE_NOOP("Format", "Fredag"), QT_TRANSLATE_NOOP("Format", "Lördag"),
    QT_TRANSLATE_NOOP("Format", "Söndag"),
)  # fmt: skip


def _tr(text: str) -> str:
    return QCoreApplication.translate("Format", text)


def phase_label(phase: str | None) -> str:
    return PHASE_LABELS.get(phase or "") or QCoreApplication.translate("Format", "ingen kedja")


def chain_text(day: int, phase: str | None) -> str:
    """'dag 183 · 181–365' (text that carries the phase as well as the colour)."""
    if not phase:
        return QCoreApplication.translate("Format", "ingen pågående kedja")
    text = QCoreApplication.translate("Format", "dag %1 · %2")
    return text.replace("%1", str(day)).replace("%2", phase_label(phase))


def date_sv(day: date | None) -> str:
    """'mån 23 nov' for a date (in the interface language: 'Mon 23 Nov'); empty for none."""
    if day is None:
        return ""
    return f"{_tr(WEEKDAYS[day.weekday()])} {day.day} {_tr(MONTHS[day.month - 1])}"


def long_date(day: date) -> str:
    """'Måndag 30 nov' ('Monday 30 Nov'): a day to choose, as in the plan dialog."""
    return f"{_tr(WEEKDAYS_LONG[day.weekday()])} {day.day} {_tr(MONTHS[day.month - 1])}"


def days_left_text(days: int | None) -> str:
    if days is None:
        return ""
    if days == 0:
        return QCoreApplication.translate("Format", "i dag")
    if days < 0:
        return QCoreApplication.translate("Format", "för %1 d sedan").replace("%1", str(-days))
    return QCoreApplication.translate("Format", "om %1 d").replace("%1", str(days))


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
