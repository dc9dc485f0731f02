"""The window's own syncing and its words in the status bar (ui/sync_status.py), against a
real team server: synced, changes waiting while offline, refused changes with "Visa"."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.priority.profile import resolve_caseworker
from db import open_db
from tests.pg import pg_db  # noqa: F401  (the fixture)
from tests.teamserver.team import make_team


@pytest.fixture
def desk(qapp, pg_db, tmp_path: Path, clock):  # noqa: F811
    """Caseworker A's joined replica in a window context, with the status widget."""
    from ui.context import AppContext
    from ui.sync_status import SyncStatus

    team = make_team(pg_db, tmp_path, cases_each=1)
    team.close()
    conn = open_db(team.path("A"))
    me = resolve_caseworker(conn, team.sig("A"))
    conn.close()
    ctx = AppContext(team.path("A"), me, clock)
    widget = SyncStatus(ctx, after_change_ms=10)
    yield team, ctx, widget
    widget.shutdown()
    ctx.shutdown()


def test_a_database_that_never_joined_shows_and_syncs_nothing(qtbot, ctx) -> None:
    from ui.sync_status import SyncStatus

    widget = SyncStatus(ctx)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(ctx.tasks.busy_changed, timeout=5000):
        widget.start()
    qtbot.waitUntil(lambda: not ctx.tasks._pending, timeout=5000)
    assert not widget.joined and widget.isHidden() and not widget._every.isActive()


def test_the_window_syncs_on_start_and_after_a_local_change(qtbot, desk) -> None:
    team, ctx, widget = desk
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.synced, timeout=20_000):
        widget.start()
    assert widget.text.text() == "Synkad 09:00" and not widget.link.isVisible()
    conn = open_db(team.path("A"))
    conn.execute("UPDATE impulses SET outcome = 'acted'")
    conn.close()
    with qtbot.waitSignal(widget.synced, timeout=20_000):
        ctx.data_changed.emit()  # what the window does after its own write
    lead = team.conn("L")
    assert team.sync("L").refused == 0
    assert lead.execute(
        "SELECT count(*) FROM impulses i JOIN cases c ON c.id = i.case_id "
        "WHERE c.case_ref LIKE 'A%' AND i.outcome = 'acted'"
    ).fetchone()[0] == 1  # fmt: skip
    team.close()


def test_offline_is_a_line_and_refused_changes_offer_visa(qtbot, desk) -> None:
    team, _ctx, widget = desk
    qtbot.addWidget(widget)
    conn = open_db(team.path("A"))
    b_id = conn.execute("SELECT id FROM caseworkers WHERE ext_id = ?", (team.sig("B"),)).fetchone()
    conn.execute("UPDATE cases SET caseworker_id = ?", (b_id[0],))  # only a lead may
    conn.close()
    with qtbot.waitSignal(widget.synced, timeout=20_000):
        widget.start()
    assert widget.text.text() == "Servern nekade 1 ändring –"
    assert not widget.link.isHidden() and "gruppchefen" in widget.refused[0]["reason"]
    conn = open_db(team.path("A"))
    conn.execute("UPDATE sync_outbox SET status = 'pending' WHERE status = 'refused'")
    conn.execute("UPDATE sync_state SET server = 'postgresql://x@127.0.0.1:1/none'")
    conn.close()
    with qtbot.waitSignal(widget.synced, timeout=20_000):
        widget.sync_now()
    assert widget.text.text() == "1 ändring väntar (offline)"
    assert "svarar inte" in widget.text.toolTip() and widget.link.isHidden()
