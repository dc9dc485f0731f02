"""What every view shares: the database runner, the clock, who is working, and change news."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from app.base.clock import Clock, SystemClock, local_today
from app.priority.profile import Caseworker
from ui import wheel_guard
from ui.tasks import TaskRunner

EXTERNAL_CHECK_MS = 2000


class AppContext(QObject):
    """Shared state of one window. Views read through ``tasks`` and refresh on ``data_changed``."""

    data_changed = Signal()
    status_message = Signal(str)

    def __init__(
        self,
        db_path: Path,
        caseworker: Caseworker,
        clock: Clock | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        wheel_guard.install()  # every window built on a context: no edits by a passing wheel
        self.db_path = db_path
        self.caseworker = caseworker
        self.clock = clock or SystemClock()
        self.tasks = TaskRunner(db_path, self)
        self._data_version: int | None = None
        self._watch = QTimer(self)
        self._watch.setInterval(EXTERNAL_CHECK_MS)
        self._watch.timeout.connect(self.check_external_changes)

    @property
    def today(self) -> date:
        return local_today(self.clock)

    def start_watching(self) -> None:
        """Notice commits by other programs (an import, the CLI) and tell the views."""
        self._watch.start()

    def check_external_changes(self) -> None:
        def version(conn) -> int:
            return int(conn.execute("PRAGMA data_version").fetchone()[0])

        def compare(value: int) -> None:
            changed = self._data_version is not None and value != self._data_version
            self._data_version = value
            if changed:
                self.data_changed.emit()

        self.tasks.run(version, compare)

    def changed(self) -> None:
        """Our own write finished: every view refreshes."""
        self.data_changed.emit()

    def shutdown(self) -> None:
        self._watch.stop()
        self.tasks.shutdown()
