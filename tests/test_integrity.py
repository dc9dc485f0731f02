"""Integrity on start: a damaged database is detected, never opened for writing, and the
newest backup that passes is offered (in the engine, the command line and its exit code)."""

from __future__ import annotations

import hashlib
import random
import shutil
import sqlite3
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from app.base.clock import STOCKHOLM, FixedClock
from app.base.errors import OverblickError
from app.demo.generator import build_demo
from app.safety.backups import take_backup
from app.safety.integrity import DatabaseDamagedError, check_on_start, open_checked
from db import open_db
from db.backup import integrity

ROOT = Path(__file__).resolve().parent.parent
PAGE = 4096


def _clock(day: int, hour: int = 9) -> FixedClock:
    return FixedClock(datetime(2026, 11, day, hour, 0, tzinfo=STOCKHOLM))


def corrupt(path: Path, *, pages: int = 3, seed: int = 1) -> None:
    """Random bytes over a few whole pages in the middle of the file (not the header)."""
    count = path.stat().st_size // PAGE
    assert count > 10, "too small a database to damage in the middle"
    rng = random.Random(seed)
    with path.open("r+b") as fh:
        for n in range(count // 2, count // 2 + pages):
            fh.seek(n * PAGE)
            fh.write(rng.randbytes(PAGE))


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def real_db(db_path: Path) -> Path:
    """A real database with a small demo stock, closed (so the file holds everything)."""
    conn = open_db(db_path)
    build_demo(conn, caseworkers=2, cases_per_caseworker=80, seed=2, today=date(2026, 11, 23))
    conn.close()
    return db_path


def test_a_whole_database_passes(real_db: Path):
    assert integrity(real_db) == []
    assert integrity(real_db, quick=False) == []
    report = check_on_start(real_db)
    assert report.ok and report.problems == [] and report.newest_good_backup is None


def test_a_missing_database_is_fine_on_start(tmp_path: Path):
    assert check_on_start(tmp_path / "new.db").ok
    conn = open_checked(tmp_path / "new.db")
    conn.close()


def test_overwritten_pages_are_detected_in_a_copy(real_db: Path, tmp_path: Path):
    damaged = tmp_path / "copy.db"
    shutil.copyfile(real_db, damaged)
    corrupt(damaged)
    before = _sha(damaged)
    assert integrity(damaged)
    assert integrity(damaged, quick=False)
    assert _sha(damaged) == before  # checking never writes
    assert integrity(real_db) == []  # the original is untouched


def test_files_that_are_no_database(tmp_path: Path):
    text = tmp_path / "notes.db"
    text.write_text("inte en databas", encoding="utf-8")
    assert "ingen SQLite-databas" in integrity(text)[0]
    assert "finns inte" in integrity(tmp_path / "missing.db")[0]
    header = tmp_path / "header.db"
    header.write_bytes(b"SQLite format 3\x00" + bytes(PAGE * 3))
    assert integrity(header)


def test_check_on_start_offers_the_newest_backup_that_passes(real_db: Path):
    conn = open_db(real_db)
    older = take_backup(conn, "daily", _clock(20))
    good = take_backup(conn, "daily", _clock(21))
    newest = take_backup(conn, "pre-import", _clock(22))
    conn.close()
    corrupt(newest, seed=5)  # the newest backup is damaged too: skipped
    corrupt(real_db)
    before = _sha(real_db)

    report = check_on_start(real_db)
    assert not report.ok and report.problems
    assert report.newest_good_backup == good != older
    text = report.explanation_sv()
    assert "är skadad (quick_check:" in text
    assert good.name in text and f"overblick backup restore {good}" in text
    assert report.as_json()["newest_good_backup"] == str(good)

    with pytest.raises(DatabaseDamagedError) as caught:
        open_checked(real_db)
    assert isinstance(caught.value, OverblickError) and caught.value.exit_code == 2
    assert str(caught.value) == text
    assert _sha(real_db) == before  # never opened for writing


def test_without_a_good_backup_the_message_says_so(real_db: Path):
    corrupt(real_db)
    report = check_on_start(real_db)
    assert report.newest_good_backup is None
    assert "ingen hel säkerhetskopia" in report.explanation_sv()
    with pytest.raises(DatabaseDamagedError):
        open_checked(real_db)


def test_a_destroyed_header_is_damage_when_backups_exist(real_db: Path, tmp_path: Path):
    from db.errors import NotADatabaseError

    conn = open_db(real_db)
    good = take_backup(conn, "daily", _clock(21))
    conn.close()
    with real_db.open("r+b") as fh:
        fh.write(bytes(100))
    with pytest.raises(DatabaseDamagedError) as caught:
        open_checked(real_db)
    assert caught.value.report.newest_good_backup == good
    stranger = tmp_path / "annan" / "anteckningar.txt"  # no database, no backups: open_db's
    stranger.parent.mkdir()  # own refusal
    stranger.write_bytes(b"hej, inte sqlite")
    with pytest.raises(NotADatabaseError, match="ingen Överblick-databas"):
        open_checked(stranger)
    assert stranger.read_bytes() == b"hej, inte sqlite"


def test_cli_check_exits_2_with_the_explanation_and_restore_repairs(real_db: Path, run_cli):
    conn = open_db(real_db)
    expected = conn.execute("SELECT count(*) FROM cases").fetchone()[0]
    good = take_backup(conn, "daily", _clock(21))
    conn.close()
    assert run_cli("backup", "check").exit_code == 0
    corrupt(real_db)

    proc = subprocess.run(
        [sys.executable, "-m", "app", "--db", str(real_db), "backup", "check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("overblick: Databasen")
    assert "skadad" in lines[0] and good.name in lines[0]
    assert "overblick backup restore" in lines[0]

    as_json = run_cli("backup", "check", "--json")
    assert as_json.exit_code == 2 and as_json.json()["ok"] is False

    restored = run_cli("backup", "restore", str(good), "--yes")
    assert restored.exit_code == 0, restored.stderr
    assert run_cli("backup", "check", "--full").exit_code == 0
    check = sqlite3.connect(real_db)
    assert check.execute("SELECT count(*) FROM cases").fetchone()[0] == expected
    check.close()
