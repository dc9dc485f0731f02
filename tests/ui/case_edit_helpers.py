"""Helpers for the tests of edits in the case view: a case every control can edit, a
snapshot of what the edits write, and real wheel events."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollBar,
    QWidget,
)

from app.case.casework import case_detail, update_case
from app.priority.profile import resolve_caseworker
from db import open_db
from tests.ui.conftest import ON

WAIT = 10_000


def wheel(widget: QWidget, dy: int) -> QWheelEvent:
    """A real wheel event over the middle of ``widget``; returns it (accepted or not)."""
    pos = QPointF(widget.rect().center())
    event = QWheelEvent(
        pos,
        QPointF(widget.mapToGlobal(pos.toPoint())),
        QPoint(),
        QPoint(0, dy),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)
    return event


def wheel_sensitive(root: QWidget) -> list[QWidget]:
    """Every widget under ``root`` whose value a wheel turn changes."""
    kinds = (QComboBox, QAbstractSpinBox, QAbstractSlider)
    found = root.findChildren(QWidget)
    return [w for w in found if isinstance(w, kinds) and not isinstance(w, QScrollBar)]


def settle(qtbot, ctx) -> None:
    """Every write the wheel started has run (one worker, first in first out)."""
    for _ in range(2):  # the writes, then the reloads they ask for
        with qtbot.waitCallback(timeout=WAIT) as done:
            ctx.tasks.run(lambda _conn: None, done)


def snapshot(ctx) -> tuple:
    """Everything a case edit writes: the events, the cases and the contacts' consent."""
    conn = open_db(ctx.db_path)
    try:
        return (
            [tuple(r) for r in conn.execute("SELECT * FROM events ORDER BY id")],
            [tuple(r) for r in conn.execute("SELECT * FROM cases ORDER BY id")],
            [tuple(r) for r in conn.execute("SELECT * FROM contacts ORDER BY id")],
        )
    finally:
        conn.close()


def editable_case(ctx) -> str:
    """An open case of an employed person with contacts, its three dates set so that every
    date field is switched on."""
    conn = open_db(ctx.db_path)
    try:
        me = resolve_caseworker(conn, None)
        for (ref,) in conn.execute("SELECT case_ref FROM cases ORDER BY id").fetchall():
            detail = case_detail(conn, ref, ON, me)
            row = detail.row
            if row["status"] == "open" and row["employment"] == "employed" and detail.contacts:
                dates = {
                    "last_coordination_on": "2026-11-02",
                    "recovery_until": "2026-12-07",
                    "awaiting_until": "2026-11-30",
                }
                update_case(conn, ref, dates, me, ctx.clock)
                return ref
    finally:
        conn.close()
    pytest.skip("the demo stock has no open case with contacts")
