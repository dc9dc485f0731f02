"""Opening the database: creation, migrations, versions, bad files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

import db
import db.migrations
import db.version
from db import NewerSchemaError, NotADatabaseError, open_db, schema_version
from db.migrations import LATEST_VERSION, MIGRATIONS


def test_open_creates_file_and_folder_at_latest_version(tmp_path: Path):
    path = tmp_path / "nested" / "folder" / "o.db"
    conn = open_db(path)
    assert path.exists()
    assert schema_version(conn) == LATEST_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000


def test_database_file_is_readable_by_owner_only(tmp_path: Path):
    path = tmp_path / "o.db"
    open_db(path).close()
    assert path.stat().st_mode & 0o077 == 0


def test_reopening_is_idempotent(tmp_path: Path):
    path = tmp_path / "o.db"
    conn = open_db(path)
    conn.execute("INSERT INTO caseworkers(ext_id, name) VALUES ('hl01', 'A')")
    conn.close()
    conn = open_db(path)
    assert conn.execute("SELECT count(*) FROM caseworkers").fetchone()[0] == 1


@pytest.mark.parametrize("start_version", range(LATEST_VERSION))
def test_migrates_a_file_from_an_older_version_and_keeps_its_data(tmp_path: Path, start_version):
    path = tmp_path / "old.db"
    raw = sqlite3.connect(path, isolation_level=None)
    database = sqlite_utils.Database(raw)
    for number, migration in enumerate(MIGRATIONS[:start_version], start=1):
        migration(database)
        raw.execute(f"PRAGMA user_version = {number}")
    if start_version >= 1:
        raw.execute("INSERT INTO caseworkers(ext_id, name) VALUES ('hl01', 'Kvar')")
    raw.close()
    conn = open_db(path)
    assert schema_version(conn) == LATEST_VERSION
    if start_version >= 1:
        assert conn.execute("SELECT name FROM caseworkers").fetchone()[0] == "Kvar"


def test_a_failing_migration_leaves_the_file_at_its_old_version(tmp_path: Path, monkeypatch):
    path = tmp_path / "o.db"
    open_db(path).close()

    def broken(database) -> None:
        database.execute("CREATE TABLE half_done(x)")
        raise RuntimeError("boom")

    monkeypatch.setattr(db.migrations, "MIGRATIONS", [*MIGRATIONS, broken])
    monkeypatch.setattr(db.migrations, "LATEST_VERSION", LATEST_VERSION + 1)
    monkeypatch.setattr(db.version, "LATEST_VERSION", LATEST_VERSION + 1)
    with pytest.raises(RuntimeError):
        open_db(path)
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    assert (
        raw.execute("SELECT count(*) FROM sqlite_master WHERE name='half_done'").fetchone()[0] == 0
    )


def test_newer_schema_gives_a_clear_error_and_no_change(tmp_path: Path):
    path = tmp_path / "new.db"
    open_db(path).close()
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute(f"PRAGMA user_version = {LATEST_VERSION + 5}")
    raw.close()
    before = path.read_bytes()
    with pytest.raises(NewerSchemaError, match="nyare version"):
        open_db(path)
    assert path.read_bytes() == before


def test_a_file_that_is_not_sqlite_is_refused_and_left_untouched(tmp_path: Path):
    path = tmp_path / "notes.db"
    path.write_text("det här är en anteckning, ingen databas\n", encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(NotADatabaseError, match="ingen Överblick-databas"):
        open_db(path)
    assert path.read_bytes() == before
    assert not (tmp_path / "notes.db-wal").exists()


def test_events_are_append_only(conn: sqlite3.Connection):
    conn.execute("INSERT INTO events(at, kind) VALUES ('2026-11-23T08:00:00+00:00', 'x')")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("UPDATE events SET kind = 'y'")


def test_transaction_rolls_back_everything_on_error(conn: sqlite3.Connection):
    with pytest.raises(ValueError), db.transaction(conn):
        conn.execute("INSERT INTO caseworkers(ext_id, name) VALUES ('hl01', 'A')")
        raise ValueError("stop")
    assert conn.execute("SELECT count(*) FROM caseworkers").fetchone()[0] == 0


def test_a_commit_that_cannot_finish_is_undone_and_reported(tmp_path: Path):
    # Rollback-journal mode with another program reading: COMMIT is refused. The change is
    # undone and the caller told, and the connection is not left inside the transaction
    # (where every later write would silently be lost).
    from db import DatabaseBusyError, transaction

    path = tmp_path / "busy.db"
    conn = open_db(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA busy_timeout = 50")
    reader = sqlite3.connect(path, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM caseworkers").fetchone()  # holds a read lock
    try:
        with pytest.raises(DatabaseBusyError, match="sparades inte"), transaction(conn):
            conn.execute("INSERT INTO caseworkers(ext_id, name) VALUES ('x1', 'X')")
        assert not conn.in_transaction
    finally:
        reader.execute("COMMIT")
        reader.close()
    with transaction(conn):
        conn.execute("INSERT INTO caseworkers(ext_id, name) VALUES ('x2', 'Y')")
    conn.close()
    again = sqlite3.connect(path)
    assert [r[0] for r in again.execute("SELECT ext_id FROM caseworkers")] == ["x2"]
    again.close()
