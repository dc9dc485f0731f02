"""The window syncs by itself with the team server, and says where things stand.

When the database has joined a team server (docs/team-server.md) the status bar shows
"Synkad 10:42", "3 ändringar väntar (offline)" or "Servern nekade 1 ändring – Visa", and the
window syncs on start, a few seconds after each local change and every minute. A sync runs
on a thread of its own with its own connection, never on the GUI thread and never on the
task runner's (a slow network must not hold up the screens). Offline is normal: a line in
the status bar, never a dialog. A database that never joined shows nothing and syncs
nothing.
"""

from __future__ import annotations

import contextlib
import threading
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QWidget

from app.base.clock import STOCKHOLM
from ui.widgets.link_button import link_button

SYNC_EVERY_MS = 60_000
AFTER_CHANGE_MS = 5_000


class SyncStatus(QWidget):
    """The team server's state in the status bar, and the window's own syncing."""

    finished = Signal(object)  # from the sync thread: (kind, detail, status)
    synced = Signal()  # a sync has ended, and the text says how

    def __init__(
        self,
        ctx: Any,
        parent: QWidget | None = None,
        *,
        every_ms: int = SYNC_EVERY_MS,
        after_change_ms: int = AFTER_CHANGE_MS,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.joined = False
        self.refused: list[dict[str, Any]] = []
        self._running = False
        self._closed = False
        self.text = QLabel()
        self.text.setAccessibleName(self.tr("Teamservern"))
        self.link = link_button(self.tr("Visa"), self.tr("Visa de nekade ändringarna"))
        self.link.clicked.connect(self.show_refused)
        self.link.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)
        layout.addWidget(self.link)
        self._every = QTimer(self)
        self._every.setInterval(every_ms)
        self._every.timeout.connect(self.sync_now)
        self._after_change = QTimer(self)
        self._after_change.setSingleShot(True)
        self._after_change.setInterval(after_change_ms)
        self._after_change.timeout.connect(self._sync_if_waiting)
        self.finished.connect(self._done)
        self.hide()

    def start(self) -> None:
        """Find out whether the database has joined a server; if so, show the state and
        sync now, after local changes and every minute."""
        from app.sync import status

        self.ctx.tasks.run(status, self._started)

    def _started(self, info: dict[str, Any]) -> None:
        if not info.get("joined") or self._closed:
            return
        self.joined = True
        self._show(None, info)
        self.show()
        self.ctx.data_changed.connect(self._after_change.start)
        self._every.start()
        self.sync_now()

    def shutdown(self) -> None:
        """The window closes: no more syncs start (one running finishes on its own)."""
        self._closed = True
        self._every.stop()
        self._after_change.stop()

    def _sync_if_waiting(self) -> None:
        from app.sync.local import outbox_counts

        def waiting(conn: Any) -> int:
            return outbox_counts(conn)["pending"]

        self.ctx.tasks.run(waiting, lambda n: n and self.sync_now())

    def sync_now(self) -> None:
        """One sync on a thread of its own (none if one is running)."""
        if self._running or self._closed or not self.joined:
            return
        self._running = True
        self.text.setText(self.tr("Synkar…"))
        threading.Thread(target=self._work, name="overblick-sync", daemon=True).start()

    def _work(self) -> None:
        from app.sync import status, sync
        from db import open_db
        from db.teamserver import ServerError

        outcome: tuple[str, Any, dict[str, Any]]
        conn = None
        try:
            conn = open_db(self.ctx.db_path)
            try:
                result = sync(conn, self.ctx.clock)
                outcome = ("done", result, status(conn))
            except ServerError as exc:
                outcome = ("offline", str(exc), status(conn))
        except Exception as exc:  # shown as offline; the log has it through the crash handler
            outcome = ("offline", str(exc), {"pending": 0, "refused": 0, "refused_changes": []})
        finally:
            if conn is not None:
                conn.close()
        with contextlib.suppress(RuntimeError):  # the window has closed meanwhile
            self.finished.emit(outcome)

    def _done(self, outcome: tuple[str, Any, dict[str, Any]]) -> None:
        self._running = False
        kind, detail, info = outcome
        self._show(kind, info)
        if kind == "offline":
            self.text.setToolTip(str(detail))
        self.synced.emit()

    def _show(self, kind: str | None, info: dict[str, Any]) -> None:
        refused = int(info.get("refused") or 0)
        pending = int(info.get("pending") or 0)
        self.refused = list(info.get("refused_changes") or [])
        self.link.setVisible(refused > 0)
        self.text.setToolTip(str(info.get("server") or ""))
        if refused:
            text = (
                self.tr("Servern nekade 1 ändring –")
                if refused == 1
                else self.tr("Servern nekade {n} ändringar –").format(n=refused)
            )
        elif kind == "offline" or (kind is None and pending):
            if pending == 1:
                text = self.tr("1 ändring väntar (offline)")
            elif pending:
                text = self.tr("{n} ändringar väntar (offline)").format(n=pending)
            else:
                text = self.tr("Offline: servern svarar inte")
        else:
            when = self.ctx.clock.now().astimezone(STOCKHOLM).strftime("%H:%M")
            last = info.get("last_sync_at")
            if kind is None and last:
                from datetime import datetime

                when = datetime.fromisoformat(last).astimezone(STOCKHOLM).strftime("%H:%M")
            text = (
                self.tr("Synkad {when}").format(when=when)
                if kind or last
                else self.tr("Inte synkad än")
            )
        self.text.setText(text)

    def show_refused(self) -> None:
        lines = "\n".join(
            f"• {c.get('table')} ({c.get('op')}): {c.get('reason')}" for c in self.refused
        )
        QMessageBox.information(
            self,
            self.tr("Nekade ändringar"),
            self.tr(
                "Servern nekade de här ändringarna. De finns kvar på den här datorn men "
                "skickas inte igen:"
            )
            + "\n\n"
            + lines,
        )
