"""Online backups, integrity checks and restore of the Överblick database (storage level).

Public API::

    backup_to(conn_or_path, dest_path, *, pages_per_step=-1, progress=None) -> Path
    backup_into_folder(conn_or_path, folder, reason, *, now=None, keep=None) -> Path
    integrity(path, quick=True) -> list[str]          # [] = ok
    list_backups(folder) -> list[BackupInfo]          # newest first
    prune(folder, keep) -> list[Path]                 # the files removed
    restore(backup_path, db_path, *, now=None, keep=None) -> RestoreResult
    backup_before_migration(conn_or_path) -> Path | None

How the files are made:

- A backup is always taken with SQLite's online backup API from a connection (never a
  file copy of a live database), so it is a consistent snapshot even while other
  programs write. It is written to a hidden temporary file beside its final name,
  switched to rollback-journal mode (a standalone file with no -wal beside it), fsynced,
  and only then renamed into place with ``os.replace``: a backup file under its final name
  is always complete, whatever moment the process is killed at. The directory is fsynced
  after the rename.
- Backup files are created with mode 0600 (owner only) and the ``backups/`` folder 0700.
- Names: ``overblick-2026-11-23T101500-<reason>.db`` (local time), with ``-2``, ``-3`` ...
  after the reason when two are taken in the same second. Reasons: manual, daily,
  pre-migration, pre-import, pre-restore.
- Checking never writes: :func:`integrity` uses a read-only URI connection
  (``file:...?mode=ro``). On a database in WAL mode SQLite may still create empty
  ``-wal``/``-shm`` side files for the read-only reader; the database file is not touched.

Restore (:func:`restore`) refuses a backup that fails ``PRAGMA integrity_check`` (or is
from a newer version), then takes a ``pre-restore`` backup of the current database, then
copies the backup *into the live database file with the backup API*. This is one write
transaction on the live database, under its normal locks: connections that are open in
this process or in other processes (the window while the command line restores, or the
other way round) keep working and simply see the restored content at their next read,
and a kill during the copy leaves the old content (the transaction rolls back). Replacing
the file instead would leave open connections writing into the old, unlinked file, and
their next commit would be lost or would mix with the new file's -wal. The file is
replaced atomically (temporary file + ``os.replace``, after removing stale -wal/-shm
files) only when there is no usable live database to copy into: the file does not exist,
or it is so damaged that SQLite cannot write to it. In that case no program can have it
open for writing (a damaged database is never opened for writing, see app.safety.integrity).

Longer than 500 lines on purpose: backup, prune and restore share the file-level
safety rules (temporary names, fsync, permissions, integrity before use); restore
builds on the same copy path as backup.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import sqlite3
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from db.errors import NewerSchemaError, StorageError
from db.text import _

__all__ = [
    "BACKUPS_DIR_NAME",
    "DEFAULT_KEEP",
    "REASONS",
    "BackupDamagedError",
    "BackupError",
    "BackupInfo",
    "RestoreResult",
    "backup_before_migration",
    "backup_into_folder",
    "backup_name",
    "backup_to",
    "backups_folder",
    "db_file_of",
    "integrity",
    "keep_setting",
    "list_backups",
    "newest_good_backup",
    "prune",
    "restore",
]

BACKUPS_DIR_NAME = "backups"
DEFAULT_KEEP = 14
KEEP_SETTING = "backup.keep"
REASONS = ("manual", "daily", "pre-migration", "pre-import", "pre-restore")
NAME_RE = re.compile(
    r"^overblick-(?P<stamp>\d{4}-\d{2}-\d{2}T\d{6})-(?P<reason>[a-z]+(?:-[a-z]+)*)"
    r"(?:-(?P<n>\d+))?\.db$"
)
STAMP_FORMAT = "%Y-%m-%dT%H%M%S"
TEMP_PREFIX = ".overblick-"  # temporary backup files: ".overblick-...db.<pid>.tmp"
TEMP_MARK = ".tmp"
STALE_TEMP_SECONDS = 3600
BUSY_TIMEOUT_S = 10.0
RESTORE_WAIT_S = 30.0
SQLITE_BUSY, SQLITE_LOCKED = 5, 6
MAX_PROBLEMS = 20
SQLITE_HEADER = b"SQLite format 3\x00"

Progress = Callable[[int, int], None]


class BackupError(StorageError):
    """A backup could not be taken or restored (disk full, unreadable file, ...)."""


class BackupDamagedError(BackupError):
    """The backup fails its integrity check (or is no Överblick database): not restored."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup file in a backups folder."""

    path: Path
    taken_at: datetime  # local time, from the name
    reason: str
    size: int

    @property
    def name(self) -> str:
        return self.path.name

    def as_json(self) -> dict[str, object]:
        return {
            "file": self.path.name,
            "path": str(self.path),
            "taken_at": self.taken_at.isoformat(),
            "reason": self.reason,
            "size": self.size,
        }


@dataclass(frozen=True, slots=True)
class RestoreResult:
    """What :func:`restore` did."""

    restored_from: Path
    pre_restore: Path | None  # the backup of the state before, None when there was none
    method: str  # "backup-api" (copied into the live file) or "replace" (file replaced)


# --- helpers -----------------------------------------------------------------------------


def backups_folder(db_path: str | os.PathLike[str]) -> Path:
    """Where the backups of ``db_path`` are kept: a ``backups/`` folder beside it."""
    return Path(db_path).expanduser().parent / BACKUPS_DIR_NAME


def db_file_of(conn: sqlite3.Connection) -> Path:
    """The file behind a connection's main database."""
    for row in conn.execute("PRAGMA database_list").fetchall():
        if row[1] == "main" and row[2]:
            return Path(row[2])
    raise BackupError(_("Databasen ligger inte i en fil och kan inte säkerhetskopieras."))


def _ro_uri(path: Path) -> str:
    return Path(path).expanduser().resolve().as_uri() + "?mode=ro"


def _connect_ro(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(_ro_uri(path), uri=True, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    return conn


def _is_sqlite_file(path: Path) -> bool:
    with path.open("rb") as fh:
        header = fh.read(len(SQLITE_HEADER))
    return header == SQLITE_HEADER or header == b""


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    if sys.platform.startswith("win"):
        return  # directories cannot be opened for fsync on Windows; NTFS journals renames
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _make_folder(folder: Path) -> None:
    try:
        existed = folder.is_dir()
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not existed:
            with contextlib.suppress(OSError):
                os.chmod(folder, 0o700)
    except OSError as exc:
        raise BackupError(
            _("Kan inte skapa mappen {folder}: {strerror}.").format(
                folder=folder, strerror=exc.strerror
            )
        ) from exc


def _create_private(path: Path) -> None:
    """Create an empty file readable by the owner only (it must not exist)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    os.close(fd)
    with contextlib.suppress(OSError):
        os.chmod(path, 0o600)  # in case the umask or platform widened it


def _temp_beside(final: Path) -> Path:
    """A hidden temporary name beside ``final``, unique to this process."""
    return final.with_name(f".{final.name}.{os.getpid()}{TEMP_MARK}")


def _remove_temp(temp: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            Path(f"{temp}{suffix}").unlink()


def _describe(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc)


# --- backup ------------------------------------------------------------------------------


def backup_to(
    conn_or_path: sqlite3.Connection | str | os.PathLike[str],
    dest_path: str | os.PathLike[str],
    *,
    pages_per_step: int = -1,
    progress: Progress | None = None,
) -> Path:
    """Write an online backup of a database to ``dest_path`` (replaced atomically).

    ``conn_or_path`` is an open connection (used as it is; it must not be inside a
    transaction, or the backup would hold its uncommitted changes) or the database file
    (opened read-only). ``pages_per_step=-1`` copies everything in one step under one read
    transaction: a consistent snapshot that, in WAL mode, does not block writers. A
    positive value copies in steps (for ``progress(done_pages, total_pages)``), but a write
    by another connection between steps makes SQLite restart the copy.
    """
    dest = Path(dest_path)
    own_source = not isinstance(conn_or_path, sqlite3.Connection)
    if isinstance(conn_or_path, sqlite3.Connection):
        source = conn_or_path
        if source.in_transaction:
            raise RuntimeError("backup_to needs a connection outside a transaction")
    else:
        src_path = Path(conn_or_path).expanduser()
        if not src_path.is_file():
            raise BackupError(
                _("Det finns ingen databas att säkerhetskopiera i {src_path}.").format(
                    src_path=src_path
                )
            )
        if not _is_sqlite_file(src_path):
            raise BackupError(
                _("{src_path} är ingen SQLite-databas och kan inte säkerhetskopieras.").format(
                    src_path=src_path
                )
            )
        try:
            source = _connect_ro(src_path)
        except sqlite3.Error as exc:
            raise BackupError(
                _("Kan inte öppna {src_path} för säkerhetskopiering: {exc}.").format(
                    src_path=src_path, exc=exc
                )
            ) from exc
    _make_folder(dest.parent)
    temp = _temp_beside(dest)
    _remove_temp(temp)

    def step(_status: int, remaining: int, total: int) -> None:
        if progress is not None:
            progress(total - remaining, total)

    try:
        _create_private(temp)
        target = sqlite3.connect(temp, isolation_level=None)
        try:
            source.backup(target, pages=pages_per_step, progress=step)
            # A standalone file: rollback journal, so no -wal/-shm beside the backup.
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
        _fsync_file(temp)
        os.replace(temp, dest)
    except (sqlite3.Error, OSError) as exc:
        _remove_temp(temp)
        raise BackupError(
            _("Säkerhetskopian {name} kunde inte skrivas: {exc}.").format(
                name=dest.name, exc=_describe(exc)
            )
        ) from exc
    except BaseException:
        _remove_temp(temp)
        raise
    finally:
        if own_source:
            source.close()
    with contextlib.suppress(OSError):
        os.chmod(dest, 0o600)
    _fsync_dir(dest.parent)
    return dest


def backup_name(reason: str, now: datetime | None = None, n: int = 1) -> str:
    """``overblick-2026-11-23T101500-manual.db`` (``-2`` etc. after the reason when n > 1)."""
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    moment = now if now is not None else datetime.now().astimezone()
    suffix = f"-{n}" if n > 1 else ""
    return f"overblick-{moment.strftime(STAMP_FORMAT)}-{reason}{suffix}.db"


def _free_name(folder: Path, reason: str, now: datetime | None) -> Path:
    for n in range(1, 1000):
        candidate = folder / backup_name(reason, now, n)
        if not candidate.exists():
            return candidate
    raise BackupError(
        _("För många säkerhetskopior med samma tid i {folder}.").format(folder=folder)
    )


def backup_into_folder(
    conn_or_path: sqlite3.Connection | str | os.PathLike[str],
    folder: str | os.PathLike[str],
    reason: str,
    *,
    now: datetime | None = None,
    keep: int | None = None,
) -> Path:
    """Back up into ``folder`` under a dated name, then keep only the newest ``keep``."""
    folder = Path(folder)
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    _make_folder(folder)
    dest = backup_to(conn_or_path, _free_name(folder, reason, now))
    if keep is not None:
        prune(folder, keep)
    return dest


def keep_setting(conn: sqlite3.Connection) -> int:
    """The number of backups to keep: settings 'backup.keep' (default 14, at least 1)."""
    try:
        row = conn.execute(
            "SELECT value FROM settings WHERE scope = '' AND key = ?", (KEEP_SETTING,)
        ).fetchone()
    except sqlite3.Error:
        return DEFAULT_KEEP
    if row is None:
        return DEFAULT_KEEP
    try:
        value = int(json.loads(row[0]))
    except (TypeError, ValueError):
        return DEFAULT_KEEP
    return max(1, value)


def backup_before_migration(
    conn_or_path: sqlite3.Connection | str | os.PathLike[str],
) -> Path | None:
    """A ``pre-migration`` backup when the database already holds data; else None.

    Call it right before migrating (the connection outside a transaction). A database at
    schema version 0 (new and empty) is not backed up. A database at the latest version
    is backed up too: the caller decides that a migration is due.
    """
    if isinstance(conn_or_path, sqlite3.Connection):
        conn = conn_or_path
        path = db_file_of(conn)
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if version == 0:
            return None
        keep = keep_setting(conn)
        return backup_into_folder(conn, backups_folder(path), "pre-migration", keep=keep)
    path = Path(conn_or_path).expanduser()
    if not path.is_file() or path.stat().st_size == 0:
        return None
    source = _connect_ro(path)
    try:
        version = int(source.execute("PRAGMA user_version").fetchone()[0])
        if version == 0:
            return None
        keep = keep_setting(source)
        return backup_into_folder(source, backups_folder(path), "pre-migration", keep=keep)
    except sqlite3.Error as exc:
        raise BackupError(
            _("Kan inte säkerhetskopiera {path} före uppgraderingen: {exc}.").format(
                path=path, exc=exc
            )
        ) from exc
    finally:
        source.close()


# --- listing and pruning -------------------------------------------------------------------


def list_backups(folder: str | os.PathLike[str]) -> list[BackupInfo]:
    """The backups in ``folder`` (files named like a backup), newest first."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    found: list[tuple[tuple[str, int, float], BackupInfo]] = []
    for entry in folder.iterdir():
        match = NAME_RE.match(entry.name)
        if match is None or not entry.is_file():
            continue
        try:
            taken = datetime.strptime(match["stamp"], STAMP_FORMAT)
            stat = entry.stat()
        except (ValueError, OSError):
            continue
        info = BackupInfo(entry, taken, match["reason"], stat.st_size)
        found.append(((match["stamp"], int(match["n"] or 1), stat.st_mtime), info))
    found.sort(key=lambda item: item[0], reverse=True)
    return [info for _, info in found]


def _remove_stale_temps(folder: Path) -> None:
    """Temporary files left by a killed backup (older than an hour, so not in progress)."""
    cutoff = time.time() - STALE_TEMP_SECONDS
    for entry in folder.iterdir():
        if entry.name.startswith(TEMP_PREFIX) and TEMP_MARK in entry.name:
            with contextlib.suppress(OSError):
                if entry.stat().st_mtime < cutoff:
                    entry.unlink()


def prune(folder: str | os.PathLike[str], keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` backups; return the files removed.

    The newest ``daily`` backup is always kept, even when ``keep`` newer backups exist (a
    day with many imports must not leave only backups taken that same day).
    """
    folder = Path(folder)
    keep = max(1, int(keep))
    backups = list_backups(folder)
    newest_daily = next((b.path for b in backups if b.reason == "daily"), None)
    removed = []
    for info in backups[keep:]:
        if info.path == newest_daily:
            continue
        with contextlib.suppress(FileNotFoundError):
            info.path.unlink()
            removed.append(info.path)
        with contextlib.suppress(FileNotFoundError):
            Path(f"{info.path}-wal").unlink()  # beside a byte copy of a damaged database
    if folder.is_dir():
        _remove_stale_temps(folder)
    return removed


# --- integrity -----------------------------------------------------------------------------


def integrity(path: str | os.PathLike[str], quick: bool = True) -> list[str]:
    """Problems ``PRAGMA quick_check`` (or ``integrity_check``) finds; empty means ok.

    The file is opened read-only, so checking never writes to it.
    """
    path = Path(path).expanduser()
    if not path.exists():
        return [f"filen {path.name} finns inte"]
    if not path.is_file():
        return [f"{path.name} är ingen fil"]
    try:
        if not _is_sqlite_file(path):
            return ["filen är ingen SQLite-databas (filhuvudet saknas eller är skadat)"]
    except OSError as exc:
        return [f"filen kan inte läsas: {_describe(exc)}"]
    pragma = "quick_check" if quick else "integrity_check"
    try:
        conn = _connect_ro(path)
    except sqlite3.Error as exc:
        return [f"filen kan inte öppnas: {exc}"]
    try:
        rows = conn.execute(f"PRAGMA {pragma}({MAX_PROBLEMS})").fetchall()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        conn.close()
    # One problem per line: SQLite may report one over several lines ("*** in database main
    # ***\nPage 5: ..."), and a message built from it must stay one line.
    problems = [" ".join(str(r[0]).split()) for r in rows]
    return [] if problems == ["ok"] else problems


def newest_good_backup(folder: str | os.PathLike[str], *, quick: bool = True) -> Path | None:
    """The newest backup in ``folder`` that passes its integrity check, if any."""
    for info in list_backups(folder):
        if not integrity(info.path, quick=quick):
            return info.path
    return None


# --- restore -------------------------------------------------------------------------------


def _user_version(path: Path) -> int:
    conn = _connect_ro(path)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def _check_restorable(backup: Path) -> None:
    from db.version import LATEST_VERSION

    if not backup.is_file():
        raise BackupError(_("Säkerhetskopian {backup} finns inte.").format(backup=backup))
    problems = integrity(backup, quick=False)
    if problems:
        raise BackupDamagedError(
            _(
                "Säkerhetskopian {name} är skadad (integrity_check: {problems}) och "
                "återställs inte. Databasen har inte ändrats; välj en annan "
                "säkerhetskopia."
            ).format(name=backup.name, problems=problems[0]),
            problems,
        )
    from db import FileKind, ForeignDatabaseError, inspect_file

    try:
        ours = inspect_file(backup) in (FileKind.OURS, FileKind.UNSTAMPED)
    except ForeignDatabaseError:
        ours = False
    version = _user_version(backup)
    if version == 0 or not ours:
        raise BackupDamagedError(
            _(
                "{name} är ingen Överblick-databas (tom, utan schema eller ett annat "
                "programs) och återställs inte. Databasen har inte ändrats."
            ).format(name=backup.name)
        )
    if version > LATEST_VERSION:
        raise NewerSchemaError(
            _(
                "Säkerhetskopian {name} är gjord av en nyare version av Överblick "
                "(schemaversion {version}, den här versionen känner till "
                "{known}). Uppdatera Överblick; databasen har inte ändrats."
            ).format(name=backup.name, version=version, known=LATEST_VERSION)
        )


def _raw_copy_of_damaged(db_path: Path, dest: Path) -> Path:
    """A byte copy of a database SQLite cannot read: kept for IT, never for a live file.

    Only used for the pre-restore copy of a damaged database, which nothing has open for
    writing (a damaged database is never opened for writing). Its -wal goes beside it.
    """
    temp = _temp_beside(dest)
    _remove_temp(temp)
    try:
        _create_private(temp)
        shutil.copyfile(db_path, temp)
        wal = Path(f"{db_path}-wal")
        if wal.is_file() and wal.stat().st_size:
            _create_private(Path(f"{dest}-wal"))
            shutil.copyfile(wal, Path(f"{dest}-wal"))
        _fsync_file(temp)
        os.replace(temp, dest)
    except OSError as exc:
        _remove_temp(temp)
        raise BackupError(
            _("Kan inte spara en kopia av {name}: {exc}.").format(
                name=db_path.name, exc=_describe(exc)
            )
        ) from exc
    _fsync_dir(dest.parent)
    return dest


def _pre_restore_backup(db_path: Path, folder: Path, now: datetime | None) -> Path | None:
    if not db_path.is_file() or db_path.stat().st_size == 0:
        return None
    try:
        return backup_into_folder(db_path, folder, "pre-restore", now=now)
    except BackupError:
        if not integrity(db_path):
            raise  # the database is fine: the backup failed for another reason (disk full?)
        return _raw_copy_of_damaged(db_path, _free_name(folder, "pre-restore", now))


def _replace_file(backup: Path, db_path: Path) -> None:
    """Put a copy of ``backup`` in place of ``db_path`` atomically (no live connections)."""
    temp = db_path.with_name(f".{db_path.name}.restore")
    backup_to(backup, temp)  # written as a temporary file itself, renamed when complete
    for suffix in ("-wal", "-shm", "-journal"):
        # A stale -wal would be replayed onto the new file and corrupt it.
        with contextlib.suppress(FileNotFoundError):
            Path(f"{db_path}{suffix}").unlink()
    try:
        os.replace(temp, db_path)
    except OSError as exc:
        _remove_temp(temp)
        raise BackupError(
            _("Kan inte ersätta {db_path}: {exc}.").format(db_path=db_path, exc=_describe(exc))
        ) from exc
    with contextlib.suppress(OSError):
        os.chmod(db_path, 0o600)
    _fsync_dir(db_path.parent)


class _StillBusy(Exception):
    pass


def _copy_into_live(backup: Path, db_path: Path) -> None:
    """Copy ``backup`` into the live file in one write transaction (the backup API).

    SQLite waits for another program's write (busy timeout) and Python then retries for
    ever; the progress callback gives up after :data:`RESTORE_WAIT_S`.
    """
    deadline = time.monotonic() + RESTORE_WAIT_S

    def watch(status: int, _remaining: int, _total: int) -> None:
        if status in (SQLITE_BUSY, SQLITE_LOCKED) and time.monotonic() > deadline:
            raise _StillBusy

    source = _connect_ro(backup)
    try:
        target = sqlite3.connect(db_path, isolation_level=None, timeout=BUSY_TIMEOUT_S)
        try:
            source.backup(target, progress=watch, sleep=0.05)
        finally:
            target.close()
    except _StillBusy:
        raise BackupError(
            _(
                "Databasen {db_path} är upptagen av ett annat program; återställningen "
                "gjordes inte. Försök igen om en stund."
            ).format(db_path=db_path)
        ) from None
    finally:
        source.close()


def restore(
    backup_path: str | os.PathLike[str],
    db_path: str | os.PathLike[str],
    *,
    now: datetime | None = None,
    keep: int | None = None,
) -> RestoreResult:
    """Restore ``db_path`` from ``backup_path`` (see the module docstring for how).

    Refuses (:class:`BackupDamagedError`, nothing changed) a backup that fails
    ``integrity_check``. Takes a ``pre-restore`` backup of the current database first
    (a byte copy when the current database is too damaged for the backup API). ``keep``
    prunes the backups folder afterwards.
    """
    backup = Path(backup_path).expanduser()
    db_path = Path(db_path).expanduser()
    if backup.exists() and db_path.exists() and backup.resolve() == db_path.resolve():
        raise BackupError(_("Säkerhetskopian och databasen är samma fil."))
    _check_restorable(backup)
    from db import NotADatabaseError, inspect_file

    with contextlib.suppress(NotADatabaseError):  # a damaged database is what restore is for
        inspect_file(db_path)  # another program's file is never written into
    folder = backups_folder(db_path)
    pre = _pre_restore_backup(db_path, folder, now)
    method = "backup-api"
    if not db_path.is_file() or db_path.stat().st_size == 0:
        db_path.parent.mkdir(parents=True, exist_ok=True)
        _replace_file(backup, db_path)
        method = "replace"
    else:
        try:
            _copy_into_live(backup, db_path)
        except sqlite3.DatabaseError as exc:
            text = str(exc)
            if "locked" in text or "busy" in text:
                raise BackupError(
                    _(
                        "Databasen {db_path} är upptagen av ett annat program; återställningen "
                        "gjordes inte. Försök igen om en stund."
                    ).format(db_path=db_path)
                ) from exc
            if not integrity(db_path):
                raise BackupError(
                    _("Återställningen misslyckades: {exc}.").format(exc=exc)
                ) from exc
            _replace_file(backup, db_path)  # too damaged to write into: replace the file
            method = "replace"
    if keep is not None:
        prune(folder, keep)
    return RestoreResult(backup, pre, method)
