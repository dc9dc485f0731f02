"""Start the window: Qt application, translations, the profile, and the ready signal."""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QSettings, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.base import i18n
from app.base.clock import Clock
from app.base.errors import OverblickError
from app.safety.integrity import open_checked
from db.errors import StorageError
from resources import resource_path

log = logging.getLogger(__name__)


def _install_translations(app: QApplication) -> None:
    """Swedish is the source language; English (or another) comes from a .qm file."""
    language = i18n.language()  # OVERBLICK_LANG; Swedish by default, as the command line
    if language == "sv":
        return
    translator = QTranslator(app)
    if translator.load(str(resource_path("translations", f"overblick_{language}.qm"))):
        app.installTranslator(translator)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName("Overblick")
    app.setApplicationName("Overblick")
    app.setApplicationDisplayName("Överblick")
    _install_translations(app)
    from ui import wheel_guard

    wheel_guard.install(app)  # before any window: a passing wheel edits nothing
    return app


def run_window(
    db_path: Path,
    *,
    exit_when_ready: bool = False,
    clock: Clock | None = None,
    started: float | None = None,
) -> int:
    """Open the main window on ``db_path``; return the process exit code."""
    from app.priority.profile import resolve_caseworker
    from ui.context import AppContext
    from ui.main_window import MainWindow

    started = started if started is not None else time.perf_counter()
    app = make_application()
    from app.safety.log import setup_logging
    from ui.crash import CrashHandler
    from ui.single_instance import SingleInstance

    crash = CrashHandler(setup_logging(), show_dialog=not exit_when_ready)
    crash.install()
    instance = SingleInstance(db_path)
    if not instance.claim():
        print("Överblick är redan öppet för den här databasen; det fönstret visas nu.")
        return 0
    try:
        # Integrity first: a damaged database is never opened for writing (app.safety.integrity).
        conn = open_checked(db_path)
        try:
            caseworker = resolve_caseworker(conn, None)
        finally:
            conn.close()
    except (OverblickError, StorageError) as exc:
        if exit_when_ready:
            print(f"overblick: {exc}", file=sys.stderr)
        elif offer_restore(exc, db_path):
            instance.release()  # the restored database opens in this same process
            return run_window(db_path, clock=clock, started=started)
        else:
            QMessageBox.critical(None, "Överblick", str(exc))
        return 2

    ctx = AppContext(db_path, caseworker, clock)
    window = MainWindow(ctx, QSettings())
    instance.activation_requested.connect(lambda: bring_to_front(window))
    if exit_when_ready:

        def ready() -> None:
            print(f"ready in {(time.perf_counter() - started) * 1000:.0f} ms", flush=True)
            QTimer.singleShot(0, window.close)

        window.first_data_shown.connect(ready)
    window.show()
    window.start()
    code = app.exec()
    ctx.shutdown()
    instance.release()
    return code


def offer_restore(exc: BaseException, db_path: Path) -> bool:
    """A damaged database: explain, and offer the newest backup that passes its check.

    True when the caseworker chose to restore and the restore succeeded.
    """
    report = getattr(exc, "report", None)
    backup = getattr(report, "newest_good_backup", None)
    if backup is None:
        return False
    box = QMessageBox(QMessageBox.Icon.Critical, "Överblick", str(exc))
    restore = box.addButton(
        QApplication.translate("Startup", "Återställ %1").replace("%1", backup.name),
        QMessageBox.ButtonRole.AcceptRole,
    )
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is not restore:
        return False
    from app.base.clock import SystemClock
    from app.safety.backups import restore_backup

    try:
        restore_backup(db_path, backup, SystemClock())
    except (OverblickError, StorageError) as failure:
        QMessageBox.critical(None, "Överblick", str(failure))
        return False
    return True


def bring_to_front(window: QWidget) -> None:
    """A second start asked for this window: show it, restored and on top."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
