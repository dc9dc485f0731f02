"""Getting files in from the window: Importera…, drag and drop, the watched inbox folder,
and exporting the stock. The engine (app.exchange.importer) does the work on the database thread."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QFileSystemWatcher, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from app.base.errors import OverblickError
from ui.context import AppContext
from ui.dialogs.import_result import ImportHistoryDialog, ImportResultDialog

log = logging.getLogger(__name__)

IMPORT_SUFFIXES = {".csv", ".txt", ".xlsx", ".jsonl", ".ndjson", ".json"}
INBOX_POLL_MS = 3000  # a dropped file is imported once it has stopped growing


class ImportCancelled(Exception):
    """The caseworker pressed Avbryt; the import rolls back."""


class Importer(QObject):
    """Runs imports with a progress bar and shows what happened."""

    progress = Signal(int, int)
    finished = Signal(list)  # the ImportResults of one run (for tests and notifications)
    inbox_imported = Signal(list)

    def __init__(self, ctx: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self._cancelled = False
        self._inbox = None
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._inbox_changed)
        self._poll = QTimer(self)
        self._poll.setInterval(INBOX_POLL_MS)
        self._poll.timeout.connect(self.check_inbox)

    # --- files chosen or dropped ---------------------------------------------------------

    @staticmethod
    def importable(paths: list[Path]) -> list[Path]:
        return [p for p in paths if p.is_file() and p.suffix.lower() in IMPORT_SUFFIXES]

    def choose_and_import(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self.window,
            self.tr("Importera filer"),
            "",
            self.tr("Importfiler (*.csv *.txt *.xlsx *.jsonl *.ndjson);;Alla filer (*)"),
        )
        if names:
            self.import_files([Path(n) for n in names])

    def import_files(self, paths: list[Path], *, show_result: bool = True) -> None:
        """Import each file as its own transaction, with a progress bar and a result dialog."""
        if not paths:
            return
        self._cancelled = False
        dialog = QProgressDialog(self.tr("Importerar…"), self.tr("Avbryt"), 0, 0, self.window)
        dialog.setWindowTitle(self.tr("Import"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAccessibleName(self.tr("Importförlopp"))
        dialog.canceled.connect(self._cancel)
        self.progress.connect(lambda done, total: self._show_progress(dialog, done, total))
        clock, actor = self.ctx.clock, self.ctx.caseworker.ext_id

        def report(done: int, total: int) -> None:  # runs on the database thread
            if self._cancelled:
                raise ImportCancelled
            self.progress.emit(done, total)

        def work(conn: Any) -> list[Any]:
            from app.exchange.importer import UnreadableFileError, import_file
            from app.exchange.order import dependency_order

            results = []
            for path in dependency_order(paths):  # caseworkers before cases, ...
                try:
                    results.append(import_file(conn, path, clock=clock, actor=actor,
                                               source="window", progress=report))  # fmt: skip
                except UnreadableFileError as exc:
                    results.append(exc.result or _failed(path, str(exc)))
                except ImportCancelled:
                    results.append(_failed(path, f"{path.name}: avbruten, inget ändrades."))
                    break
            return results

        def done(results: list[Any]) -> None:
            self.progress.disconnect()
            dialog.reset()
            dialog.deleteLater()
            self._after(results, show_result)

        def failed(exc: BaseException) -> None:
            self.progress.disconnect()
            dialog.reset()
            dialog.deleteLater()
            self._show_error(exc)

        self.ctx.tasks.run(work, done, failed)

    def _cancel(self) -> None:
        self._cancelled = True

    @staticmethod
    def _show_progress(dialog: QProgressDialog, done: int, total: int) -> None:
        if total and dialog.maximum() != total:
            dialog.setMaximum(total)
        dialog.setValue(min(done, total) if total else 0)

    def _after(self, results: list[Any], show_result: bool) -> None:
        self.ctx.changed()
        new = sum(len(r.new_impulse_ids) for r in results)
        text = "; ".join(r.summary_sv() for r in results)
        if new:
            text += " " + self.tr("%n nya impulser.", "", new)
        self.ctx.status_message.emit(text)
        self.finished.emit(results)
        if show_result:
            ImportResultDialog(results, self.window).exec()

    def _show_error(self, exc: BaseException) -> None:
        message = (
            str(exc)
            if isinstance(exc, OverblickError)
            else self.tr("Importen avbröts och databasen är oförändrad.")
        )
        log.error("import failed: %s", type(exc).__name__)
        QMessageBox.warning(self.window, self.tr("Importen misslyckades"), message)

    # --- the watched inbox folder ---------------------------------------------------------

    def watch_inbox(self) -> None:
        """Start watching the inbox folder named in the settings (created if missing)."""

        def find(conn: Any) -> Path:
            from app.exchange.folder import inbox_folder

            folder = inbox_folder(conn)
            folder.mkdir(parents=True, exist_ok=True)
            return folder

        def start(folder: Path) -> None:
            from app.exchange.folder import InboxWatcher

            self._inbox = InboxWatcher(folder)
            if str(folder) not in self._watcher.directories():
                self._watcher.addPath(str(folder))
            self.check_inbox()

        self.ctx.tasks.run(find, start, lambda exc: log.warning("inbox folder: %s", exc))

    def _inbox_changed(self, _path: str) -> None:
        self._poll.start()
        self.check_inbox()

    def check_inbox(self) -> None:
        inbox = self._inbox
        if inbox is None:
            return
        clock, actor = self.ctx.clock, self.ctx.caseworker.ext_id

        def work(conn: Any) -> tuple[list[Any], bool]:
            results = inbox.process(conn, clock=clock, actor=actor)
            waiting = any(inbox.folder.glob("*.*")) and not results
            return results, waiting

        def done(outcome: tuple[list[Any], bool]) -> None:
            results, waiting = outcome
            if not waiting and not results:
                self._poll.stop()
            if results:
                self.inbox_imported.emit(results)
                self._after(results, show_result=False)

        self.ctx.tasks.run(work, done, lambda exc: log.warning("inbox: %s", type(exc).__name__))

    def show_history(self) -> None:
        def work(conn: Any) -> list[Any]:
            from app.exchange.importer import import_history

            return import_history(conn, 100)

        self.ctx.tasks.run(work, lambda runs: ImportHistoryDialog(runs, self.window).exec())

    # --- export -----------------------------------------------------------------------------

    def export_stock(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Exportera ärendestock"),
            f"arendestock-{self.ctx.today.isoformat()}.xlsx",
            self.tr("Excel (*.xlsx);;CSV för Excel (*.csv)"),
        )
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path, rows: list[Any] | None = None) -> None:
        """Write the stock table (personal identity numbers masked) to ``path``."""
        caseworker, today, clock = self.ctx.caseworker, self.ctx.today, self.ctx.clock
        fmt = "csv" if path.suffix.lower() == ".csv" else "xlsx"

        def work(conn: Any) -> Any:
            from app.exchange.export import export_stock

            scope = None if caseworker.role == "lead" else caseworker
            return export_stock(conn, scope, today, path, fmt, rows=rows, clock=clock)

        def done(_result: Any) -> None:
            self.ctx.status_message.emit(self.tr("Ärendestocken exporterades till %1").replace(
                "%1", str(path)))  # fmt: skip

        self.ctx.tasks.run(work, done, self._show_error)


def _failed(path: Path, message: str) -> Any:
    from app.exchange.importer import FAILED, ImportResult

    return ImportResult(file=str(path), format=None, status=FAILED, message=message)
