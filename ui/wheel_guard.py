"""No value changes under a passing mouse wheel: one application-wide event filter.

Combo boxes, date and number fields and sliders take the wheel only when they have keyboard
focus. Unfocused, the wheel goes on to the scroll area around them, so a long page still
scrolls. They also lose Qt's wheel focus policy (a wheel turn would otherwise focus them
first and then change them). The filter sits on the application, so it covers the case
view, the dialogs and the stock view, and widgets created later (the consent rows).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollBar,
    QWidget,
)

# What a wheel turn would change: QAbstractSpinBox covers the spin boxes and the date and
# time fields. Scroll bars are sliders too, but turning them is what scrolling is.
GUARDED = (QComboBox, QAbstractSpinBox, QAbstractSlider)


def is_guarded(widget: QObject) -> bool:
    return isinstance(widget, GUARDED) and not isinstance(widget, QScrollBar)


def _has_focus(widget: QWidget) -> bool:
    focus = QApplication.focusWidget()
    return widget.hasFocus() or (focus is not None and widget.isAncestorOf(focus))


def _scroll_area_of(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not widget.isWindow():
        if isinstance(parent, QAbstractScrollArea) and parent.viewport().isAncestorOf(widget):
            return parent
        widget, parent = parent, parent.parentWidget()
    return None


class WheelGuard(QObject):
    """The filter; ``install`` puts one on the application."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Polish and is_guarded(watched):
            assert isinstance(watched, QWidget)
            self.calm(watched)
        elif kind == QEvent.Type.Wheel and is_guarded(watched):
            assert isinstance(watched, QWidget) and isinstance(event, QWheelEvent)
            if not _has_focus(watched):
                self.calm(watched)  # also a widget polished before the guard was installed
                self.pass_on(watched, event)
                return True
        return False

    @staticmethod
    def calm(widget: QWidget) -> None:
        if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    @staticmethod
    def pass_on(widget: QWidget, event: QWheelEvent) -> None:
        """Scroll the surrounding scroll area instead; the widget never sees the wheel."""
        area = _scroll_area_of(widget)
        if area is None:
            event.ignore()  # a real wheel event goes on to the parents, which do not edit
            return
        viewport = area.viewport()
        at = widget.mapTo(viewport, event.position().toPoint())
        copy = QWheelEvent(
            at.toPointF(),
            event.globalPosition(),
            event.pixelDelta(),
            event.angleDelta(),
            event.buttons(),
            event.modifiers(),
            event.phase(),
            event.inverted(),
            event.source(),
        )
        QApplication.sendEvent(viewport, copy)
        event.accept()  # handled here: Qt stops passing it to the parents


_guard: WheelGuard | None = None


def install(app: QApplication | None = None) -> WheelGuard:
    """Put the guard on the application, once (every AppContext and the launcher call this)."""
    global _guard
    app = app or QApplication.instance()  # type: ignore[assignment]
    assert isinstance(app, QApplication)
    if _guard is None or not shiboken6.isValid(_guard) or _guard.parent() is not app:
        _guard = WheelGuard(app)
        app.installEventFilter(_guard)
    return _guard
