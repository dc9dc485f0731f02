"""Open the Överblick database: WAL, foreign keys, busy timeout and forward-only migrations."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from db.errors import DatabaseBusyError, NewerSchemaError, NotADatabaseError, StorageError

__all__ = [
    "DatabaseBusyError",
    "NewerSchemaError",
    "NotADatabaseError",
    "StorageError",
    "open_db",
    "read_snapshot",
    "schema_version",
    "transaction",
]

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000


def _check_is_sqlite(path: Path) -> None:
    """Refuse a file that exists but is not SQLite, before SQLite touches it."""
    if not path.exists():
        return
    if path.is_dir():
        raise NotADatabaseError(f"{path} är en mapp, inte en databasfil.")
    with path.open("rb") as fh:
        header = fh.read(len(SQLITE_HEADER))
    if header and header != SQLITE_HEADER:
        raise NotADatabaseError(
            f"{path} är ingen Överblick-databas (inte en SQLite-fil). "
            "Filen har lämnats orörd; ange en annan fil med --db."
        )


def schema_version(conn: sqlite3.Connection) -> int:
    """The migration level recorded in ``PRAGMA user_version``."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def open_db(path: str | os.PathLike[str], *, migrate: bool = True) -> sqlite3.Connection:
    """Open (creating if needed) the database at ``path`` and bring its schema up to date.

    The connection is in autocommit mode; group writes with :func:`transaction`.
    """
    from db.version import LATEST_VERSION

    path = Path(path).expanduser()
    _check_is_sqlite(path)
    is_new = not path.exists()
    if is_new:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(f"Kan inte skapa mappen {path.parent}: {exc.strerror}.") from exc
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        raise StorageError(f"Kan inte öppna databasen {path}: {exc}.") from exc
    if is_new:
        with contextlib.suppress(OSError):
            os.chmod(path, 0o600)
    conn.row_factory = sqlite3.Row
    try:
        version = schema_version(conn)
        if version > LATEST_VERSION:
            raise NewerSchemaError(
                f"Databasen {path} är skapad av en nyare version av Överblick "
                f"(schemaversion {version}, den här versionen känner till {LATEST_VERSION}). "
                "Uppdatera Överblick; databasen har inte ändrats."
            )
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        # A row replaced by INSERT OR REPLACE fires the delete triggers too (search index,
        # team digest), so no trigger-kept table misses the row that went away.
        conn.execute("PRAGMA recursive_triggers = ON")
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        if migrate and version < LATEST_VERSION:
            from db.backup import backup_before_migration
            from db.migrations import migrate_to_latest  # sqlite-utils: ~40 ms to import

            backup_before_migration(conn)  # nothing for a new file; raises if it cannot
            migrate_to_latest(conn)
    except sqlite3.DatabaseError as exc:
        conn.close()
        if "not a database" in str(exc) or "malformed" in str(exc):
            raise NotADatabaseError(
                f"{path} är skadad eller ingen SQLite-databas ({exc}). Filen har lämnats orörd."
            ) from exc
        if "locked" in str(exc) or "busy" in str(exc):
            raise DatabaseBusyError(
                f"Databasen {path} är låst av ett annat program. Försök igen om en stund."
            ) from exc
        raise StorageError(f"Kan inte öppna databasen {path}: {exc}.") from exc
    except BaseException:
        conn.close()
        raise
    return conn


@contextlib.contextmanager
def read_snapshot(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Several reads in one read transaction, so they all see the same state of the
    database (unless the caller is in a transaction already); nothing may be written."""
    if conn.in_transaction:
        yield conn
        return
    conn.execute("BEGIN")
    try:
        yield conn
    finally:
        if conn.in_transaction:
            conn.execute("COMMIT")  # nothing was written: this only ends the read


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Run a block as one write transaction (``BEGIN IMMEDIATE``), nesting through savepoints."""
    if conn.in_transaction:
        conn.execute("SAVEPOINT nested")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK TO SAVEPOINT nested")
            conn.execute("RELEASE SAVEPOINT nested")
            raise
        conn.execute("RELEASE SAVEPOINT nested")
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise DatabaseBusyError(
                "Databasen är upptagen av ett annat program. Försök igen om en stund."
            ) from exc
        raise
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except sqlite3.OperationalError as exc:
        # Never leave the connection inside a transaction nobody will finish: every later
        # write would go into it and be lost. The change is undone and the caller told.
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if "locked" in str(exc) or "busy" in str(exc):
            raise DatabaseBusyError(
                "Databasen är upptagen av ett annat program; ändringen sparades inte. "
                "Försök igen om en stund."
            ) from exc
        raise
