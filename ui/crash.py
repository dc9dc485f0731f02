"""An unexpected error in a slot: log it (scrubbed), tell the caseworker, keep the window up."""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

log = logging.getLogger("overblick.crash")


class CrashHandler(QObject):
    """Installed as sys.excepthook; errors from other threads are handed to the GUI thread."""

    error = Signal(str)

    def __init__(self, log_path: Path, *, show_dialog: bool = True) -> None:
        super().__init__()
        self.log_path = log_path
        self.show_dialog = show_dialog
        self.count = 0
        self.error.connect(self._tell, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        sys.excepthook = self.handle
        threading.excepthook = lambda args: self.handle(
            args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback
        )

    def handle(
        self,
        kind: type[BaseException],
        value: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        self.count += 1
        log.error("unexpected %s", kind.__name__, exc_info=(kind, value, tb))
        self.error.emit(kind.__name__)

    def _tell(self, kind: str) -> None:
        if not self.show_dialog:
            return
        QMessageBox.warning(
            QApplication.activeWindow(),
            QApplication.translate("CrashHandler", "Ett oväntat fel"),
            QApplication.translate(
                "CrashHandler",
                "Något gick fel ({kind}). Det du redan sparat finns kvar, och Överblick "
                "fortsätter. Händer det igen: starta om programmet och skicka loggfilen till "
                "supporten:\n{log}",
            ).format(kind=kind, log=self.log_path),
        )
