"""Covering an absent colleague: their new impulses and due work show up, tagged."""

from __future__ import annotations

from datetime import timedelta

from app.priority.profile import resolve_caseworker
from app.team.cover import mark_absent
from db import open_db
from tests.ui.conftest import ON
from ui.views.inbox import InboxView
from ui.views.today import TodayView


def _cover_hl02_by_me(ctx) -> None:
    conn = open_db(ctx.db_path)
    lead = resolve_caseworker(conn, "lead01")
    mark_absent(conn, "hl02", ctx.caseworker.ext_id, ON - timedelta(days=30),
                ON + timedelta(days=5), lead, ctx.clock)  # fmt: skip
    conn.close()


def _texts(model) -> str:
    from PySide6.QtCore import QModelIndex, Qt

    out = []

    def walk(parent: QModelIndex) -> None:
        for row in range(model.rowCount(parent)):
            for column in range(model.columnCount(parent)):
                index = model.index(row, column, parent)
                out.append(str(model.data(index, Qt.ItemDataRole.DisplayRole) or ""))
            walk(model.index(row, 0, parent))

    walk(QModelIndex())
    return "\n".join(out)


def test_the_coverer_sees_the_absent_colleagues_impulses_tagged(qtbot, ctx):
    _cover_hl02_by_me(ctx)
    view = InboxView(ctx)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.refresh()
    assert "Täcker för" in _texts(view.model)


def test_the_coverer_sees_the_absent_colleagues_cases_in_idag(qtbot, ctx):
    _cover_hl02_by_me(ctx)
    view = TodayView(ctx)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.refresh()
    assert "Täcker för" in _texts(view.model)


def test_on_return_the_absent_caseworker_gets_one_summary(qtbot, ctx):
    from ui.scheduler import ReminderScheduler

    conn = open_db(ctx.db_path)
    lead = resolve_caseworker(conn, "lead01")
    mark_absent(conn, ctx.caseworker.ext_id, "hl02", ON - timedelta(days=20),
                ON - timedelta(days=1), lead, ctx.clock)  # fmt: skip
    conn.close()
    scheduler = ReminderScheduler(ctx)
    messages: list[str] = []
    ctx.status_message.connect(messages.append)
    with qtbot.waitSignal(ctx.status_message, timeout=10_000):
        scheduler.check_missed()
    assert messages[0].startswith("Välkommen tillbaka")
    scheduler.stop()
