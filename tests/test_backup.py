"""Backups: online copies beside the database, pruning, daily and pre-operation backups, restore."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from app.base.clock import STOCKHOLM, FixedClock
from app.safety.backups import (
    backup_before_import,
    backups_folder,
    daily_backup_if_due,
    list_backups,
    restore_backup,
    take_backup,
)
from db import open_db, transaction
from db import queries as q
from db.backup import (
    BackupDamagedError,
    backup_before_migration,
    backup_into_folder,
    backup_name,
    backup_to,
    integrity,
    prune,
    restore,
)
from db.backup import list_backups as backups_in
from db.errors import NewerSchemaError, StorageError
from tests.builders import StockBuilder

ROOT = Path(__file__).resolve().parent.parent
POSIX = not sys.platform.startswith("win")


def _clock(day: int = 23, hour: int = 10, minute: int = 15) -> FixedClock:
    return FixedClock(datetime(2026, 11, day, hour, minute, tzinfo=STOCKHOLM))


def _cases(path: Path) -> int:
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM cases").fetchone()[0])
    finally:
        conn.close()


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _fill(conn: sqlite3.Connection, n: int = 3, prefix: str = "SP", cw: str = "hl01") -> None:
    stock = StockBuilder(conn)
    if cw != "hl01" or q.caseworker_by_ext_id(conn, "hl01") is None:
        stock.caseworker(cw)
    else:
        stock.caseworkers[cw] = q.caseworker_by_ext_id(conn, cw)["id"]
    for i in range(n):
        stock.case(f"{prefix}-{i:03d}", start=date(2026, 9, 1), caseworker=cw)


def _corrupt_middle(path: Path, pages: int = 3) -> None:
    import random

    size = path.stat().st_size
    page = 4096
    rng = random.Random(7)
    with path.open("r+b") as fh:
        first = (size // page) // 2
        for n in range(first, first + pages):
            fh.seek(n * page)
            fh.write(rng.randbytes(page))


# --- taking backups ----------------------------------------------------------------------


def test_backup_round_trip(conn: sqlite3.Connection, db_path: Path):
    _fill(conn, 3)
    saved = take_backup(db_path, "manual", _clock())
    assert saved.parent == db_path.parent / "backups" == backups_folder(db_path)
    assert saved.name == "overblick-2026-11-23T101500-manual.db"
    _fill(conn, 2, prefix="NEW", cw="hl02")
    assert _cases(db_path) == 5

    result = restore_backup(db_path, saved, _clock(minute=20))
    assert result.method == "backup-api"
    assert _cases(db_path) == 3
    assert conn.execute("SELECT count(*) FROM cases").fetchone()[0] == 3  # open connection
    assert result.pre_restore is not None
    assert result.pre_restore.name == "overblick-2026-11-23T102000-pre-restore.db"
    assert _cases(result.pre_restore) == 5  # what was there before is not lost
    assert integrity(db_path, quick=False) == []


@pytest.mark.skipif(not POSIX, reason="POSIX file modes")
def test_backup_files_and_folder_are_owner_only(conn: sqlite3.Connection, db_path: Path):
    _fill(conn)
    saved = take_backup(conn, "manual", _clock())
    assert saved.stat().st_mode & 0o777 == 0o600
    assert saved.parent.stat().st_mode & 0o777 == 0o700
    assert db_path.stat().st_mode & 0o777 == 0o600
    restored = restore_backup(db_path, saved, _clock(minute=16))
    assert restored.pre_restore is not None
    assert restored.pre_restore.stat().st_mode & 0o777 == 0o600
    assert db_path.stat().st_mode & 0o777 == 0o600


def test_a_backup_is_a_standalone_file_without_wal(conn: sqlite3.Connection, db_path: Path):
    _fill(conn)
    saved = take_backup(conn, "manual", _clock())
    assert integrity(saved) == []
    with saved.open("rb") as fh:
        header = fh.read(20)
    assert header[18:20] == b"\x01\x01"  # rollback journal, not WAL
    assert sorted(p.name for p in saved.parent.iterdir()) == [saved.name]


def test_backup_is_a_snapshot_that_skips_uncommitted_writes(
    conn: sqlite3.Connection, db_path: Path, tmp_path: Path
):
    _fill(conn, 3)
    writer = open_db(db_path)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE cases SET employer = 'Ej sparat AB'")
    try:
        copy = backup_to(db_path, tmp_path / "copy.db")  # not blocked by the writer
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    check = sqlite3.connect(copy)
    assert (
        check.execute("SELECT count(*) FROM cases WHERE employer = 'Ej sparat AB'").fetchone()[0]
        == 0
    )
    check.close()


def test_backup_refuses_a_connection_inside_a_transaction(conn: sqlite3.Connection, tmp_path: Path):
    conn.execute("BEGIN")
    try:
        with pytest.raises(RuntimeError):
            backup_to(conn, tmp_path / "x.db")
    finally:
        conn.execute("ROLLBACK")


def test_backup_of_a_missing_or_foreign_file_is_refused(tmp_path: Path):
    with pytest.raises(StorageError, match="ingen databas"):
        backup_to(tmp_path / "missing.db", tmp_path / "b.db")
    text = tmp_path / "notes.db"
    text.write_text("inte en databas", encoding="utf-8")
    with pytest.raises(StorageError, match="ingen SQLite-databas"):
        backup_to(text, tmp_path / "b.db")
    assert not (tmp_path / "b.db").exists()


# --- names, listing, pruning --------------------------------------------------------------


def test_names_list_newest_first_and_same_second_gets_a_number(
    conn: sqlite3.Connection, db_path: Path
):
    _fill(conn)
    a = take_backup(conn, "daily", _clock(day=21))
    b = take_backup(conn, "pre-import", _clock(day=22))
    c = take_backup(conn, "pre-import", _clock(day=22))
    folder = backups_folder(db_path)
    (folder / "notes.txt").write_text("x", encoding="utf-8")
    (folder / ".overblick-2026-11-23T101500-manual.db.123.tmp").write_bytes(b"half")
    assert c.name == "overblick-2026-11-22T101500-pre-import-2.db"
    listed = list_backups(db_path)
    assert [i.path for i in listed] == [c, b, a]
    assert [i.reason for i in listed] == ["pre-import", "pre-import", "daily"]
    assert listed[-1].taken_at == datetime(2026, 11, 21, 10, 15)
    assert listed[0].as_json()["file"] == c.name
    with pytest.raises(ValueError):
        backup_name("whenever")


def test_prune_keeps_the_newest_and_the_latest_daily(tmp_path: Path, conn: sqlite3.Connection):
    _fill(conn)
    folder = tmp_path / "many"
    start = datetime(2026, 11, 1, 8, 0)
    daily = backup_into_folder(conn, folder, "daily", now=start)
    for n in range(1, 20):
        backup_into_folder(conn, folder, "pre-import", now=start + timedelta(hours=n))
    removed = prune(folder, 5)
    kept = [i.path for i in backups_in(folder)]
    assert len(removed) == 14
    assert len(kept) == 6 and daily in kept  # five newest, and the newest daily backup
    assert all(not p.exists() for p in removed)


def test_keep_count_comes_from_the_settings(conn: sqlite3.Connection, db_path: Path):
    _fill(conn)
    with transaction(conn):
        q.put_setting(conn, "backup.keep", 3)
    for minute in range(6):
        take_backup(conn, "manual", _clock(minute=minute))
    assert len(list_backups(db_path)) == 3
    for minute in range(10, 12):
        take_backup(db_path, "manual", _clock(minute=minute))  # by path: read-only source
    assert len(list_backups(db_path)) == 3


def test_default_keep_is_fourteen(conn: sqlite3.Connection, db_path: Path):
    _fill(conn)
    for minute in range(16):
        take_backup(conn, "manual", _clock(minute=minute))
    assert len(list_backups(db_path)) == 14


# --- daily, pre-import, pre-migration ----------------------------------------------------------


def test_daily_backup_once_a_day(conn: sqlite3.Connection, db_path: Path):
    assert daily_backup_if_due(conn, db_path, _clock()) is None  # empty: nothing to keep
    _fill(conn)
    first = daily_backup_if_due(conn, db_path, _clock(hour=8))
    assert first is not None and first.name.endswith("-daily.db")
    assert daily_backup_if_due(conn, db_path, _clock(hour=17)) is None
    assert q.get_setting(conn, "backup.last_daily") == "2026-11-23"
    nxt = daily_backup_if_due(conn, db_path, _clock(day=24, hour=8))
    assert nxt is not None and nxt != first
    assert len(list_backups(db_path)) == 2


def test_backup_before_import_skips_an_empty_database(conn: sqlite3.Connection, db_path: Path):
    assert backup_before_import(conn, _clock()) is None
    _fill(conn)
    saved = backup_before_import(conn, _clock())
    assert saved is not None and saved.name.endswith("-pre-import.db")
    assert _cases(saved) == 3
    conn.execute("BEGIN")
    try:
        assert backup_before_import(conn, _clock(minute=30)) is None  # inside a transaction
    finally:
        conn.execute("ROLLBACK")


def test_backup_before_migration(tmp_path: Path, conn: sqlite3.Connection, db_path: Path):
    assert backup_before_migration(tmp_path / "nothing.db") is None
    fresh = sqlite3.connect(tmp_path / "fresh.db")
    fresh.close()
    assert backup_before_migration(tmp_path / "fresh.db") is None  # version 0: no data yet
    _fill(conn)
    by_path = backup_before_migration(db_path)
    by_conn = backup_before_migration(conn)
    assert by_path is not None and by_path.name.endswith("-pre-migration.db")
    assert by_conn is not None and by_conn.parent == by_path.parent == backups_folder(db_path)
    assert _cases(by_path) == _cases(by_conn) == 3


# --- restore -----------------------------------------------------------------------------


def test_restore_refuses_a_damaged_backup_and_changes_nothing(tmp_path: Path, db_path: Path):
    from app.demo.generator import build_demo

    conn = open_db(db_path)
    build_demo(conn, caseworkers=2, cases_per_caseworker=60, seed=1, today=date(2026, 11, 23))
    saved = take_backup(conn, "manual", _clock())
    conn.close()
    _corrupt_middle(saved)
    before = _sha(db_path)
    with pytest.raises(BackupDamagedError, match="skadad") as caught:
        restore(saved, db_path)
    assert caught.value.problems
    assert isinstance(caught.value, StorageError)
    assert _sha(db_path) == before
    assert [i.path for i in list_backups(db_path)] == [saved]  # no pre-restore either


def test_restore_refuses_a_backup_from_a_newer_version(conn: sqlite3.Connection, db_path: Path):
    _fill(conn)
    saved = take_backup(conn, "manual", _clock())
    raw = sqlite3.connect(saved)
    raw.execute("PRAGMA user_version = 999")
    raw.close()
    with pytest.raises(NewerSchemaError):
        restore(saved, db_path)


def test_restore_into_a_missing_database_replaces_the_file(
    conn: sqlite3.Connection, db_path: Path, tmp_path: Path
):
    _fill(conn)
    saved = backup_into_folder(conn, tmp_path / "kept", "manual")
    target = tmp_path / "elsewhere" / "overblick.db"
    result = restore(saved, target)
    assert result.method == "replace" and result.pre_restore is None
    assert _cases(target) == 3
    if POSIX:
        assert target.stat().st_mode & 0o777 == 0o600
    reopened = open_db(target)
    assert reopened.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    reopened.close()


def test_restore_over_a_damaged_database(db_path: Path, tmp_path: Path):
    from app.demo.generator import build_demo

    conn = open_db(db_path)
    build_demo(conn, caseworkers=2, cases_per_caseworker=60, seed=1, today=date(2026, 11, 23))
    expected = conn.execute("SELECT count(*) FROM cases").fetchone()[0]
    saved = take_backup(conn, "manual", _clock())
    conn.close()

    _corrupt_middle(db_path)  # pages in the middle: SQLite can still write into the file
    assert integrity(db_path)
    result = restore(saved, db_path)
    assert result.method == "backup-api"
    assert integrity(db_path, quick=False) == [] and _cases(db_path) == expected
    assert result.pre_restore is not None and integrity(result.pre_restore)  # kept, damaged

    with db_path.open("r+b") as fh:  # the header too: only replacing the file helps
        fh.write(os.urandom(100))
    result = restore(saved, db_path)
    assert result.method == "replace"
    assert integrity(db_path, quick=False) == [] and _cases(db_path) == expected
    assert result.pre_restore is not None and result.pre_restore.exists()


def test_restore_refuses_the_database_itself(conn: sqlite3.Connection, db_path: Path):
    _fill(conn)
    with pytest.raises(StorageError, match="samma fil"):
        restore(db_path, db_path)


# --- the command line ----------------------------------------------------------------------


def test_cli_backup_now_list_restore(run_cli, conn: sqlite3.Connection, db_path: Path):
    _fill(conn, 4)
    made = run_cli("backup", "now", "--json")
    assert made.exit_code == 0, made.stderr
    path = Path(made.json()["backup"])
    assert path.exists() and made.json()["ok"] is True
    listed = run_cli("backup", "list", "--json", "--check")
    assert [r["file"] for r in listed.json()] == [path.name]
    assert listed.json()[0]["ok"] is True and listed.json()[0]["reason"] == "manual"
    text = run_cli("backup", "list")
    assert "manuell" in text.stdout and path.name in text.stdout

    _fill(conn, 2, prefix="NEW", cw="hl02")
    restored = run_cli("backup", "restore", path.name, "--yes")  # a name in backups/ is enough
    assert restored.exit_code == 0, restored.stderr
    assert "återställd" in restored.stdout
    assert conn.execute("SELECT count(*) FROM cases").fetchone()[0] == 4
    reasons = sorted(i.reason for i in list_backups(db_path))
    assert reasons == ["manual", "pre-restore"]


def test_cli_restore_of_an_unknown_or_damaged_backup_exits_2(
    run_cli, db_path: Path, tmp_path: Path
):
    from app.demo.generator import build_demo

    conn = open_db(db_path)
    build_demo(conn, caseworkers=2, cases_per_caseworker=60, seed=1, today=date(2026, 11, 23))
    saved = take_backup(conn, "manual", _clock())
    conn.close()
    missing = run_cli("backup", "restore", "overblick-nej.db", "--yes")
    assert missing.exit_code == 2 and "finns inte" in missing.stderr
    _corrupt_middle(saved)
    before = _sha(db_path)
    damaged = run_cli("backup", "restore", str(saved), "--yes")
    assert damaged.exit_code == 2
    assert "skadad" in damaged.stderr and len(damaged.stderr.strip().splitlines()) == 1
    assert _sha(db_path) == before


def test_cli_restore_asks_first_and_a_no_changes_nothing(conn: sqlite3.Connection, db_path: Path):
    _fill(conn, 2)
    saved = take_backup(conn, "manual", _clock())
    _fill(conn, 3, prefix="NEW", cw="hl02")
    proc = subprocess.run(
        [sys.executable, "-m", "app", "--db", str(db_path), "backup", "restore", str(saved)],
        input="n\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert proc.returncode == 130
    assert "Återställa" in proc.stderr
    assert _cases(db_path) == 5
    assert [i.path for i in list_backups(db_path)] == [saved]
    proc = subprocess.run(
        [sys.executable, "-m", "app", "--db", str(db_path), "backup", "restore", str(saved)],
        input="j\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert _cases(db_path) == 2


def test_cli_backup_without_a_database_exits_2(run_cli, tmp_path: Path):
    result = (
        run_cli("backup", "now", db=None)
        if False
        else run_cli("--db", str(tmp_path / "none.db"), "backup", "now", db=None)
    )
    assert result.exit_code == 2 and "ingen databas" in result.stderr
