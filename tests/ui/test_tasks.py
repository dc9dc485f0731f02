"""The database thread: at close, a write still runs; a read that only fills the screen and
has not started is dropped, so closing does not wait for views nobody will see."""

from __future__ import annotations

import threading
from pathlib import Path

from db import open_db
from ui.tasks import TaskRunner


def test_closing_runs_queued_writes_and_drops_queued_loads(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "tasks.db"
    open_db(path).close()
    runner = TaskRunner(path)
    release = threading.Event()
    ran: list[str] = []
    runner.run(lambda conn: release.wait())  # the worker is busy with something
    loaded = runner.load(lambda conn: ran.append("load"))
    runner.run(lambda conn: ran.append("write"))
    closing = threading.Thread(target=runner.shutdown)
    closing.start()
    qtbot.waitUntil(lambda: loaded is not None and loaded.cancelled(), timeout=5000)
    release.set()
    closing.join(timeout=10)
    assert not closing.is_alive()
    assert ran == ["write"]
    assert runner.run(lambda conn: ran.append("late")) is None  # closed: nothing more runs
