"""The watched inbox folder: a file dropped there is imported once it is completely written.

Pure Python; the window calls :func:`process_inbox` from a timer (or a
``QFileSystemWatcher`` signal) on its worker thread. A file counts as completely
written when its size and modification time are the same as at the previous call, or
when it was last modified at least two seconds ago; temporary and lock files (``~$x.xlsx``,
``.~lock.x#``, ``*.part``, ``*.tmp``, hidden files) are never touched, nor a file that
Excel or LibreOffice still holds open.

After the import the file moves to ``processed/`` (all rows accepted, or some rows
rejected: then the reject report lies in ``rejected/``), or to ``rejected/`` with a
``.fel.txt`` beside it when it could not be read at all. A file whose content (SHA-256)
was already imported successfully is not imported again: it moves to ``processed/``
with a ``.redan-importerad.txt`` note.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from pathlib import Path

from app.base.clock import STOCKHOLM, Clock, utc_iso
from app.base.i18n import _
from app.exchange.importer import (
    FAILED,
    SKIPPED,
    ImportResult,
    ImportRun,
    UnreadableFileError,
    already_imported,
    import_file,
)
from app.exchange.order import dependency_order
from app.exchange.readers import inspect_file
from db import DatabaseBusyError, queries, transaction

SETTING_KEY = "import.inbox_folder"
FOLDER_NAME = "Överblick inkorg"
PROCESSED, REJECTED = "processed", "rejected"
SETTLE_SECONDS = 2.0
TEMP_PREFIXES = ("~$", ".~lock.", ".")
TEMP_SUFFIXES = (".part", ".partial", ".tmp", ".temp", ".crdownload", ".download", "~", ".swp")
IGNORED_NAMES = frozenset({"desktop.ini", "thumbs.db"})


def default_inbox_folder() -> Path:
    """'Överblick inkorg' in the user's documents folder."""
    from platformdirs import user_documents_dir

    return Path(user_documents_dir()) / FOLDER_NAME


def inbox_folder(conn: sqlite3.Connection) -> Path:
    """The watched folder: the setting ``import.inbox_folder``, else the default."""
    stored = queries.get_setting(conn, SETTING_KEY)
    return Path(stored).expanduser() if stored else default_inbox_folder()


def set_inbox_folder(conn: sqlite3.Connection, folder: str | os.PathLike[str] | None) -> Path:
    """Store the watched folder (None: back to the default); returns the folder in force."""
    with transaction(conn):
        if folder is None:
            queries.delete_setting(conn, SETTING_KEY)
        else:
            queries.put_setting(conn, SETTING_KEY, str(Path(folder).expanduser()))
    return inbox_folder(conn)


def is_temporary(path: Path) -> bool:
    """A file that is still being written or belongs to another program."""
    name = path.name
    lower = name.lower()
    return (
        name.startswith(TEMP_PREFIXES)
        or lower.endswith(TEMP_SUFFIXES)
        or lower in IGNORED_NAMES
        or (path.parent / f"~${name}").exists()  # open in Excel
        or (path.parent / f".~lock.{name}#").exists()  # open in LibreOffice
    )


def _unique(target: Path) -> Path:
    """``target``, or 'name (2).csv', 'name (3).csv', ... when it is taken."""
    if not target.exists():
        return target
    for n in range(2, 10_000):
        candidate = target.with_name(f"{target.stem} ({n}){target.suffix}")
        if not candidate.exists():
            return candidate
    raise FileExistsError(target)


def _move(path: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = _unique(folder / path.name)
    try:
        os.replace(path, target)
    except OSError:
        shutil.move(str(path), str(target))
    return target


def _local(stamp: str) -> str:
    from datetime import datetime

    return datetime.fromisoformat(stamp).astimezone(STOCKHOLM).strftime("%Y-%m-%d %H:%M")


class InboxWatcher:
    """Remembers what one folder looked like at the previous call."""

    def __init__(self, folder: str | os.PathLike[str], settle_seconds: float = SETTLE_SECONDS):
        self.folder = Path(folder)
        self.settle_seconds = settle_seconds
        self._seen: dict[str, tuple[int, float]] = {}

    def ready_files(self, now: float | None = None) -> list[Path]:
        """The files that are completely written, in dependency order (caseworkers before
        cases, ...), oldest first within a kind. While any file is still being written none
        is ready, so that files dropped together are taken together, in order."""
        now = time.time() if now is None else now
        found: list[tuple[float, str, Path]] = []
        current: dict[str, tuple[int, float]] = {}
        waiting = False
        try:
            entries = list(os.scandir(self.folder))
        except FileNotFoundError:
            return []
        for entry in entries:
            if not entry.is_file():
                continue
            path = Path(entry.path)
            if is_temporary(path):
                continue
            try:
                stat = entry.stat()
            except OSError:
                continue
            state = (stat.st_size, stat.st_mtime)
            current[entry.name] = state
            settled = self._seen.get(entry.name) == state
            if settled or now - stat.st_mtime >= self.settle_seconds:
                found.append((stat.st_mtime, entry.name, path))
            else:
                waiting = True
        self._seen = current
        if waiting:
            return []
        return dependency_order([path for _, _, path in sorted(found)])

    def process(
        self, conn: sqlite3.Connection, *, clock: Clock, actor: str | None
    ) -> list[ImportResult]:
        """Import every completely written file and move it; one result per file."""
        self.folder.mkdir(parents=True, exist_ok=True)
        return [self._one(conn, path, clock, actor) for path in self.ready_files()]

    def _one(
        self, conn: sqlite3.Connection, path: Path, clock: Clock, actor: str | None
    ) -> ImportResult:
        processed, rejected = self.folder / PROCESSED, self.folder / REJECTED
        try:
            info = inspect_file(path)
            earlier = already_imported(conn, info.sha256)
            if earlier is not None:
                return self._skip(conn, path, info.sha256, info.format, earlier, clock)
            report = _unique(rejected / f"{path.stem}.avvisade.csv")
            result = import_file(
                conn, path, clock=clock, actor=actor, reject_file=report, source="inbox",
                info=info,
            )  # fmt: skip
        except UnreadableFileError as exc:
            result = exc.result or ImportResult(file=str(path), format=None, status=FAILED)
            result.message = str(exc)
            result.moved_to = _move(path, rejected)
            _note(result.moved_to, ".fel.txt", f"{exc}\n")
            return result
        except DatabaseBusyError:
            raise  # try again at the next call; the file stays where it is
        except Exception as exc:  # a broken file must not block the folder forever
            message = _(
                "{name}: importen avbröts ({error}); databasen är oförändrad. Filen har "
                "flyttats till rejected/."
            ).format(name=path.name, error=type(exc).__name__)
            result = ImportResult(file=str(path), format=None, status=FAILED, message=message)
            result.moved_to = _move(path, rejected)
            _note(result.moved_to, ".fel.txt", message + "\n")
            return result
        result.moved_to = _move(path, processed)
        return result

    def _skip(
        self,
        conn: sqlite3.Connection,
        path: Path,
        sha256: str,
        fmt: str,
        earlier: ImportRun,
        clock: Clock,
    ) -> ImportResult:
        when = _local(earlier.started_at)
        first = earlier.file_name
        message = _(
            "{name}: samma innehåll som {first}, importerad {when}; filen "
            "importerades inte igen och har flyttats till processed/."
        ).format(name=path.name, first=first, when=when)
        now = utc_iso(clock.now())
        with transaction(conn):
            run_id = conn.execute(
                "INSERT INTO import_runs (started_at, finished_at, file_name, file_sha256, "
                "format, source, status) VALUES (?, ?, ?, ?, ?, 'inbox', ?)",
                (now, now, path.name, sha256, fmt, SKIPPED),
            ).lastrowid
        result = ImportResult(
            file=str(path), format=fmt, status=SKIPPED, run_id=run_id, sha256=sha256,
            message=message,
        )  # fmt: skip
        result.moved_to = _move(path, self.folder / PROCESSED)
        _note(result.moved_to, ".redan-importerad.txt", message + "\n")
        return result


def _note(beside: Path, suffix: str, text: str) -> None:
    note = _unique(beside.with_name(beside.name + suffix))
    note.write_text(text, encoding="utf-8")


_WATCHERS: dict[Path, InboxWatcher] = {}


def process_inbox(
    conn: sqlite3.Connection,
    folder: str | os.PathLike[str],
    *,
    clock: Clock,
    actor: str | None,
) -> list[ImportResult]:
    """Import the completely written files in ``folder`` and move them; one result per file.

    The sizes seen are remembered per folder between calls (a file still growing waits
    for the next call); a long-lived caller may keep its own :class:`InboxWatcher`.
    """
    key = Path(folder).expanduser().resolve()
    watcher = _WATCHERS.get(key)
    if watcher is None:
        watcher = _WATCHERS[key] = InboxWatcher(key)
    return watcher.process(conn, clock=clock, actor=actor)
