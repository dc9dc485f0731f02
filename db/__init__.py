"""Open the Överblick database: WAL, foreign keys, busy timeout and forward-only migrations.

Never writes into a file that is not ours: an Överblick database carries
``PRAGMA application_id = 1331053131`` (0x4F56424B, "OVBK" in ASCII). A file is looked at
without writing (:func:`inspect_file`) before it is opened for writing, and refused
untouched when it is another program's SQLite database. Databases made before the stamp
existed are recognised by their schema and stamped on their first open.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from enum import Enum
from pathlib import Path

from db.errors import (
    DatabaseBusyError,
    ForeignDatabaseError,
    NewerSchemaError,
    NoDatabaseError,
    NotADatabaseError,
    StorageError,
)
from db.text import _

__all__ = [
    "APPLICATION_ID",
    "DatabaseBusyError",
    "FileKind",
    "ForeignDatabaseError",
    "NewerSchemaError",
    "NoDatabaseError",
    "NotADatabaseError",
    "StorageError",
    "inspect_file",
    "open_db",
    "read_snapshot",
    "refuse_folder",
    "schema_version",
    "transaction",
]

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000
# PRAGMA application_id of every Överblick database: "OVBK" in ASCII (docs/data-safety.md).
APPLICATION_ID = 0x4F56424B
# Where the header keeps application_id (https://sqlite.org/fileformat.html).
_APPLICATION_ID_AT, _HEADER_SIZE = 68, 100
# Tables every Överblick schema has had since version 1: an unstamped file holding them
# (and a user_version) was made by Överblick before the stamp existed.
SCHEMA_TABLES = frozenset({"caseworkers", "cases", "sick_periods", "follow_ups", "events",
                           "settings"})  # fmt: skip


class FileKind(Enum):
    """What is at a database path, as far as Överblick is concerned."""

    NEW = "new"  # nothing there yet
    EMPTY = "empty"  # a zero-byte file, or an SQLite file without tables or markings
    OURS = "ours"  # stamped with APPLICATION_ID
    UNSTAMPED = "unstamped"  # an Överblick database from before the stamp


def _damaged(path: Path, exc: BaseException) -> NotADatabaseError:
    return NotADatabaseError(
        _("{path} är skadad eller ingen SQLite-databas ({exc}). Filen har lämnats orörd.").format(
            path=path, exc=exc
        )
    )


def _busy(path: Path) -> DatabaseBusyError:
    return DatabaseBusyError(
        _("Databasen {path} är låst av ett annat program. Försök igen om en stund.").format(
            path=path
        )
    )


def refuse_folder(path: str | os.PathLike[str]) -> None:
    """A database path naming a folder gets one line (NotADatabaseError), like other bad paths."""
    if Path(path).expanduser().is_dir():
        raise NotADatabaseError(
            _("{path} är en mapp, inte en databasfil; ange en fil med --db.").format(path=path)
        )


def _read_header(path: Path) -> bytes:
    """The file's first 100 bytes; refuses a folder or a file that is not SQLite."""
    refuse_folder(path)
    try:
        with path.open("rb") as fh:
            header = fh.read(_HEADER_SIZE)
    except OSError as exc:
        raise StorageError(
            _("Kan inte läsa {path}: {strerror}.").format(path=path, strerror=exc.strerror)
        ) from exc
    if header and not header.startswith(SQLITE_HEADER):
        raise NotADatabaseError(
            _(
                "{path} är ingen Överblick-databas (inte en SQLite-fil). Filen har "
                "lämnats orörd; ange en annan fil med --db."
            ).format(path=path)
        )
    return header


def _header_application_id(header: bytes) -> int:
    return int.from_bytes(header[_APPLICATION_ID_AT : _APPLICATION_ID_AT + 4], "big")


def _peek(path: Path) -> tuple[int, int, set[str]]:
    """application_id, user_version and table names, read without writing anything.

    Without a -wal file beside it the whole database is in the file: it is read as
    immutable, which takes no lock and leaves no side file. With one (the other program
    has it open, or crashed), through an ordinary read-only connection.
    """
    wal = path.with_name(path.name + "-wal")
    mode = "mode=ro" if wal.exists() else "immutable=1"
    try:
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?{mode}",
            uri=True,
            timeout=BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,
        )
    except sqlite3.Error as exc:
        raise StorageError(
            _("Kan inte öppna databasen {path}: {exc}.").format(path=path, exc=exc)
        ) from exc
    try:
        app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        tables = {
            str(r[0])
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not str(r[0]).startswith("sqlite_")
        }
    except sqlite3.DatabaseError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise _busy(path) from exc
        raise _damaged(path, exc) from exc
    finally:
        conn.close()
    return app_id, version, tables


def inspect_file(path: str | os.PathLike[str], *, create: bool = True) -> FileKind:
    """What is at ``path``, found without writing to it (no WAL switch, no migration).

    Raises :class:`ForeignDatabaseError` for another program's SQLite database (tables but
    neither our application_id nor our schema, or another program's application_id),
    :class:`NotADatabaseError` for a folder, a file that is not SQLite or one SQLite
    cannot read, and, unless ``create``, :class:`NoDatabaseError` when there is no
    database to read (no file, an empty one).
    """
    path = Path(path).expanduser()
    if not path.exists():
        kind = FileKind.NEW
    else:
        header = _read_header(path)
        if not header:
            kind = FileKind.EMPTY
        elif _header_application_id(header) == APPLICATION_ID:
            kind = FileKind.OURS  # the usual case: one read of the header, no connection
        else:
            kind = _kind_inside(path)
    if not create and kind in (FileKind.NEW, FileKind.EMPTY):
        if kind == FileKind.NEW:
            raise NoDatabaseError(
                _(
                    "Databasen {path} finns inte. Skapa en med 'overblick demo' eller "
                    "'overblick import FIL'."
                ).format(path=path)
            )
        raise NoDatabaseError(
            _(
                "Databasen {path} är tom. Fyll den med 'overblick demo' eller 'overblick "
                "import FIL'."
            ).format(path=path)
        )
    return kind


def _kind_inside(path: Path) -> FileKind:
    # The header in the file may lag behind a stamp still in the -wal: ask SQLite.
    app_id, version, tables = _peek(path)
    if app_id == APPLICATION_ID:
        return FileKind.OURS
    if app_id == 0 and not tables and version == 0:
        return FileKind.EMPTY
    if app_id == 0 and version > 0 and tables >= SCHEMA_TABLES:
        return FileKind.UNSTAMPED
    raise ForeignDatabaseError(
        _(
            "{path} är en SQLite-databas som hör till ett annat program, inte "
            "Överblick. Filen har lämnats orörd; ange en annan fil med --db."
        ).format(path=path)
    )


def schema_version(conn: sqlite3.Connection) -> int:
    """The migration level recorded in ``PRAGMA user_version``."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def open_db(
    path: str | os.PathLike[str], *, migrate: bool = True, create: bool = True
) -> sqlite3.Connection:
    """Open the database at ``path`` and bring its schema up to date.

    With ``create`` (the default) a missing or empty file becomes a new database (folders
    included); without it that is refused (:class:`NoDatabaseError`) and nothing is made.
    Another program's file is refused untouched (:func:`inspect_file`). The connection is
    in autocommit mode; group writes with :func:`transaction`.
    """
    from db.version import LATEST_VERSION

    path = Path(path).expanduser()
    kind = inspect_file(path, create=create)
    is_new = kind == FileKind.NEW
    if is_new:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(
                _("Kan inte skapa mappen {parent}: {strerror}.").format(
                    parent=path.parent, strerror=exc.strerror
                )
            ) from exc
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        raise StorageError(
            _("Kan inte öppna databasen {path}: {exc}.").format(path=path, exc=exc)
        ) from exc
    if is_new:
        with contextlib.suppress(OSError):
            os.chmod(path, 0o600)
    conn.row_factory = sqlite3.Row
    try:
        version = schema_version(conn)
        if version > LATEST_VERSION:
            raise NewerSchemaError(
                _(
                    "Databasen {path} är skapad av en nyare version av Överblick "
                    "(schemaversion {version}, den här versionen känner till "
                    "{known}). Uppdatera Överblick; databasen har inte ändrats."
                ).format(path=path, version=version, known=LATEST_VERSION)
            )
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        # A row replaced by INSERT OR REPLACE fires the delete triggers too (search index,
        # team digest), so no trigger-kept table misses the row that went away.
        conn.execute("PRAGMA recursive_triggers = ON")
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        if kind != FileKind.OURS:
            # A new or empty file before its first migration, or an Överblick database
            # from before the stamp: from now on it says whose it is.
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        if migrate and version < LATEST_VERSION:
            from db.backup import backup_before_migration
            from db.migrations import migrate_to_latest  # sqlite-utils: ~40 ms to import

            backup_before_migration(conn)  # nothing for a new file; raises if it cannot
            migrate_to_latest(conn)
    except sqlite3.DatabaseError as exc:
        conn.close()
        if "not a database" in str(exc) or "malformed" in str(exc):
            raise _damaged(path, exc) from exc
        if "locked" in str(exc) or "busy" in str(exc):
            raise _busy(path) from exc
        raise StorageError(
            _("Kan inte öppna databasen {path}: {exc}.").format(path=path, exc=exc)
        ) from exc
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
                _("Databasen är upptagen av ett annat program. Försök igen om en stund.")
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
                _(
                    "Databasen är upptagen av ett annat program; ändringen sparades inte. "
                    "Försök igen om en stund."
                )
            ) from exc
        raise
