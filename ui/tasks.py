"""The one place that runs database work off the GUI thread and hands results back.

All work goes to a single worker thread with its own SQLite connection (a connection
belongs to the thread that opened it), so writes are serialised and the GUI never waits
on the disk. Results and errors come back through a queued signal on the GUI thread.

``run`` is for anything that must happen (every write): when the window closes it still
runs. ``load`` is for reads that only fill the screen: one that has not started when the
window closes is dropped, so closing does not wait for views nobody will see.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from db import open_db

log = logging.getLogger(__name__)

Work = Callable[[sqlite3.Connection], Any]
Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class TaskRunner(QObject):
    """Run ``work(conn)`` on the database thread; call ``on_done(result)`` on the GUI thread."""

    _finished = Signal(object)
    busy_changed = Signal(bool)
    failed = Signal(str)

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="overblick-db")
        self._local = threading.local()
        self._pending = 0
        self._closed = False
        self._loads: set[Future] = set()
        self._finished.connect(self._deliver)

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = open_db(self.db_path)
            self._local.conn = conn
        return conn

    def run(
        self, work: Work, on_done: Done | None = None, on_error: Failed | None = None
    ) -> Future | None:
        if self._closed:
            # The window is closing: late timers and watchers have nothing left to do.
            return None
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)

        def job() -> None:
            try:
                result = work(self._conn())
            except BaseException as exc:  # handed to the GUI thread, never lost
                self._finished.emit((on_error, exc, True))
            else:
                self._finished.emit((on_done, result, False))

        return self._executor.submit(job)

    def load(
        self, work: Work, on_done: Done | None = None, on_error: Failed | None = None
    ) -> Future | None:
        """Like ``run``, for a read that only fills the screen: dropped at close if not
        yet started."""
        future = self.run(work, on_done, on_error)
        if future is not None:
            self._loads.add(future)
            future.add_done_callback(self._loads.discard)
        return future

    @Slot(object)
    def _deliver(self, payload: tuple[Callable[[Any], None] | None, Any, bool]) -> None:
        callback, value, is_error = payload
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)
        if is_error:
            if callback is not None:
                callback(value)
            else:
                log.error("database task failed: %s", type(value).__name__)
                self.failed.emit(str(value))
            return
        if callback is not None:
            callback(value)

    def shutdown(self) -> None:
        if self._closed:
            return
        self._closed = True
        for future in list(self._loads):
            future.cancel()  # only those not started yet: nobody will see what they read

        def close() -> None:
            conn = getattr(self._local, "conn", None)
            if conn is not None:
                conn.close()
                self._local.conn = None

        self._executor.submit(close)
        self._executor.shutdown(wait=True)
