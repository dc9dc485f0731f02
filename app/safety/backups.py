"""Backups: taken on demand, before every import and upgrade, and daily; listed, resolved by
name and restored after a verified integrity check. Settings: ``backup.keep`` (backups
kept, default 14), ``backup.last_daily`` (the local date of the last daily backup).
Nothing here logs a name or a personal identity number: the log gets counts only.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from pathlib import Path

from app.base.clock import STOCKHOLM, Clock, local_today
from app.base.errors import InvalidInputError, NotFoundError
from app.base.i18n import _
from db import backup as storage
from db import queries, transaction
from db.backup import BackupInfo, RestoreResult

log = logging.getLogger("overblick.safety")
if not log.handlers:  # the command line prints one line, not log records
    log.addHandler(logging.NullHandler())


DEFAULT_KEEP = storage.DEFAULT_KEEP
KEEP_KEY = "backup.keep"
LAST_DAILY_KEY = "backup.last_daily"


# --- backups -----------------------------------------------------------------------------


def backups_folder(db_path: str | os.PathLike[str]) -> Path:
    """The ``backups/`` folder beside the database."""
    return storage.backups_folder(db_path)


def keep_count(conn: sqlite3.Connection) -> int:
    """How many backups to keep: settings 'backup.keep', default 14."""
    return storage.keep_setting(conn)


def _keep_for_path(db_path: Path) -> int:
    if not db_path.is_file():
        return DEFAULT_KEEP
    try:
        conn = sqlite3.connect(db_path.resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error:
        return DEFAULT_KEEP
    try:
        return storage.keep_setting(conn)
    finally:
        conn.close()


def take_backup(
    db_path_or_conn: sqlite3.Connection | str | os.PathLike[str], reason: str, clock: Clock
) -> Path:
    """An online backup into ``backups/`` named by the clock's local time; then prune.

    Given a connection, the backup is taken through it (call it outside a transaction);
    given a path, the file is read through a read-only connection.
    """
    if reason not in storage.REASONS:
        raise InvalidInputError(
            _("Okänd anledning till säkerhetskopia '{reason}'; välj en av {REASONS}.").format(
                reason=reason, REASONS=", ".join(storage.REASONS)
            )
        )
    now = clock.now().astimezone(STOCKHOLM).replace(tzinfo=None)
    if isinstance(db_path_or_conn, sqlite3.Connection):
        db_path = storage.db_file_of(db_path_or_conn)
        keep = keep_count(db_path_or_conn)
    else:
        db_path = Path(db_path_or_conn).expanduser()
        from db import NotADatabaseError, inspect_file

        with contextlib.suppress(NotADatabaseError):  # a damaged database is backed up too
            inspect_file(db_path)  # no backups/ folder beside another program's file
        keep = _keep_for_path(db_path)
    dest = storage.backup_into_folder(
        db_path_or_conn, backups_folder(db_path), reason, now=now, keep=keep
    )
    log.info("Säkerhetskopia tagen (%s): %s", reason, dest.name)
    return dest


def _has_data(conn: sqlite3.Connection) -> bool:
    try:
        return (
            conn.execute(
                "SELECT EXISTS(SELECT 1 FROM cases) OR EXISTS(SELECT 1 FROM caseworkers)"
            ).fetchone()[0]
            == 1
        )
    except sqlite3.OperationalError:  # no schema yet
        return False


def backup_before_import(conn: sqlite3.Connection, clock: Clock) -> Path | None:
    """A ``pre-import`` backup, unless the database is still empty (nothing to lose).

    Call it before the import's transaction. Inside a caller's transaction it does
    nothing (a backup through that connection would hold its uncommitted changes).
    """
    if conn.in_transaction or not _has_data(conn):
        return None
    return take_backup(conn, "pre-import", clock)


def daily_backup_if_due(
    conn: sqlite3.Connection, db_path: str | os.PathLike[str], clock: Clock
) -> Path | None:
    """The day's ``daily`` backup, if none was taken today (settings 'backup.last_daily').

    Cheap when not due (one settings read). An empty database is not backed up.
    """
    today = local_today(clock).isoformat()
    if queries.get_setting(conn, LAST_DAILY_KEY) == today or not _has_data(conn):
        return None
    if Path(db_path).expanduser().resolve() != storage.db_file_of(conn).resolve():
        raise InvalidInputError(_("Anslutningen och databasfilen hör inte ihop."))
    dest = take_backup(conn, "daily", clock)
    with transaction(conn):
        queries.put_setting(conn, LAST_DAILY_KEY, today)
    return dest


def list_backups(db_path: str | os.PathLike[str]) -> list[BackupInfo]:
    """The database's backups, newest first."""
    return storage.list_backups(backups_folder(db_path))


def resolve_backup(db_path: str | os.PathLike[str], text: str | os.PathLike[str]) -> Path:
    """A backup named by path, or by its file name in the database's ``backups/`` folder."""
    path = Path(text).expanduser()
    if path.is_file():
        return path
    beside = backups_folder(db_path) / path.name
    if beside.is_file():
        return beside
    raise NotFoundError(
        _("Säkerhetskopian {text} finns inte (varken som sökväg eller i {db_path}).").format(
            text=text, db_path=backups_folder(db_path)
        )
    )


def restore_backup(
    db_path: str | os.PathLike[str], backup: str | os.PathLike[str], clock: Clock
) -> RestoreResult:
    """Restore the database from ``backup`` (see db.backup.restore); logs file names only.

    Raises db.backup.BackupDamagedError (a StorageError, exit code 2) for a damaged backup.
    """
    db_path = Path(db_path).expanduser()
    now = clock.now().astimezone(STOCKHOLM).replace(tzinfo=None)
    keep = _keep_for_path(db_path)
    result = storage.restore(backup, db_path, now=now, keep=keep)
    log.info(
        "Databasen återställd från %s (föregående läge sparat i %s).",
        result.restored_from.name,
        result.pre_restore.name if result.pre_restore else "-",
    )
    return result
