"""A small button that looks like a link, for actions offered in the status bar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton, QWidget


def link_button(
    text: str, accessible_name: str, *, bold: bool = False, parent: QWidget | None = None
) -> QToolButton:
    """'Ångra', 'Visa': underlined in the palette's link colour, a pointing hand."""
    button = QToolButton(parent)
    button.setText(text)
    button.setAutoRaise(True)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    weight = " font-weight: bold;" if bold else ""
    button.setStyleSheet(
        "QToolButton { color: palette(link); text-decoration: underline; border: none;"
        f"{weight} padding: 0 4px; }}"
    )
    button.setAccessibleName(accessible_name)
    return button
