"""Överblick never writes into a file that is not its own, and reading never creates one.

Our databases carry PRAGMA application_id "OVBK"; another program's SQLite file is refused
untouched (same bytes, same mtime, no side files); databases from before the stamp are
recognised by their schema and stamped; read commands on a missing or empty database exit 2
and create nothing; only demo and import (and the window) create.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from app.base.clock import STOCKHOLM, FixedClock
from app.safety.backups import take_backup
from app.safety.integrity import open_checked
from app.safety.pin import make_pin
from db import (
    APPLICATION_ID,
    FileKind,
    ForeignDatabaseError,
    NoDatabaseError,
    inspect_file,
    open_db,
)
from db.backup import BackupDamagedError, restore

ROOT = Path(__file__).resolve().parent.parent
PIN = make_pin(date(1984, 3, 12), 982, True)


def _clock() -> FixedClock:
    return FixedClock(datetime(2026, 11, 23, 9, tzinfo=STOCKHOLM))


def _foreign(path: Path, *, wal: bool = False) -> Path:
    """Another program's database: a table, a row, closed cleanly."""
    conn = sqlite3.connect(path)
    if wal:
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes(body) VALUES ('inköpslista')")
    conn.commit()
    conn.close()
    return path


def _snapshot(path: Path) -> tuple[bytes, int, list[str], bool]:
    """The file's bytes, its mtime, its side files (-wal, -shm, -journal) and backups/."""
    beside = [p.name for p in path.parent.iterdir() if p.name.startswith(path.name)]
    return (
        path.read_bytes(),
        path.stat().st_mtime_ns,
        sorted(beside),
        (path.parent / "backups").exists(),
    )


def _tables(path: Path) -> list[str]:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM sqlite_master ORDER BY name")]
    finally:
        conn.close()


def _application_id(path: Path) -> int:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute("PRAGMA application_id").fetchone()[0])
    finally:
        conn.close()


# --- another program's file ------------------------------------------------------------------

FOREIGN_COMMANDS = [
    ("today",),
    ("stock",),
    ("explain", "SP-1"),
    ("demo", "--caseworkers", "1", "--cases", "3"),
    ("profile",),
    ("plan", "SP-1", "--clear"),
    ("follow-up", "list"),
    ("team",),
    ("import", "--history"),
]


@pytest.mark.parametrize("args", FOREIGN_COMMANDS, ids=lambda a: " ".join(a[:1]))
@pytest.mark.parametrize("wal", [False, True], ids=["rollback", "wal"])
def test_another_programs_database_is_refused_untouched(run_cli, tmp_path, args, wal):
    path = _foreign(tmp_path / "other-app.sqlite", wal=wal)
    before = _snapshot(path)
    result = run_cli(*args, db=path)
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "hör till ett annat program" in lines[0] and "lämnats orörd" in lines[0]
    assert _snapshot(path) == before  # same bytes, same mtime, no -wal/-shm/backups beside
    assert _tables(path) == ["notes"]


def test_import_into_another_programs_database_is_refused(run_cli, tmp_path):
    source = tmp_path / "cases.csv"
    source.write_text(f"Ärende;Namn;Personnummer\nA1;Anna;{PIN}\n", encoding="utf-8")
    path = _foreign(tmp_path / "other.sqlite")
    before = _snapshot(path)
    result = run_cli("import", str(source), db=path)
    assert result.exit_code == 2 and "annat program" in result.stderr
    assert _snapshot(path) == before


def test_a_file_marked_by_another_program_is_refused_even_without_tables(tmp_path):
    path = tmp_path / "marked.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 1196444487")  # 'GPKG': a GeoPackage
    conn.close()
    before = _snapshot(path)
    with pytest.raises(ForeignDatabaseError):
        open_db(path)
    assert _snapshot(path) == before


def test_the_window_path_refuses_it_too(tmp_path):
    """The window opens through app.safety.open_checked, which shows the error's text."""
    path = _foreign(tmp_path / "other.sqlite")
    before = _snapshot(path)
    with pytest.raises(ForeignDatabaseError, match="annat program"):
        open_checked(path)
    assert _snapshot(path) == before


def test_the_window_shows_one_line_and_exits_2(tmp_path):
    pytest.importorskip("PySide6")
    path = _foreign(tmp_path / "other.sqlite")
    before = _snapshot(path)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        **{k: str(tmp_path / k.lower()) for k in ("XDG_CONFIG_HOME", "XDG_DATA_HOME",
                                                   "XDG_STATE_HOME", "XDG_CACHE_HOME")},
    }  # fmt: skip
    proc = subprocess.run(
        [sys.executable, "-c", "from ui.launcher import main; main()", "--db", str(path),
         "--exit-when-ready"],
        capture_output=True, text=True, timeout=120, env=env, cwd=ROOT,
    )  # fmt: skip
    assert proc.returncode == 2, proc.stderr
    assert "annat program" in proc.stderr and "Traceback" not in proc.stderr
    assert _snapshot(path) == before


def test_backup_and_restore_leave_another_programs_file_alone(tmp_path):
    ours = tmp_path / "ours.db"
    open_db(ours).close()
    other = _foreign(tmp_path / "other.sqlite")
    before = _snapshot(other)
    with pytest.raises(ForeignDatabaseError):
        restore(ours, other)  # our backup over their file
    with pytest.raises(ForeignDatabaseError):
        take_backup(other, "manual", _clock())  # no backups/ folder beside their file
    assert _snapshot(other) == before
    with pytest.raises(BackupDamagedError, match="ingen Överblick-databas"):
        restore(other, ours)  # their file as our "backup"
    assert _application_id(ours) == APPLICATION_ID


# --- our own files ----------------------------------------------------------------------------


def test_a_new_database_is_stamped_with_our_application_id(run_cli, tmp_path):
    path = tmp_path / "new" / "overblick.db"
    assert run_cli("demo", "--caseworkers", "1", "--cases", "3", db=path).exit_code == 0
    assert _application_id(path) == APPLICATION_ID == 0x4F56424B
    plain = tmp_path / "plain.db"
    open_db(plain).close()  # closing checkpoints: the file's header says it
    assert plain.read_bytes()[68:72] == b"OVBK"
    assert inspect_file(plain) == FileKind.OURS


def test_a_database_from_before_the_stamp_is_recognised_and_stamped(run_cli, tmp_path):
    path = tmp_path / "old.db"
    conn = open_db(path)
    conn.execute("INSERT INTO caseworkers(ext_id, name) VALUES ('hl01', 'Anna Andersson')")
    conn.execute("PRAGMA application_id = 0")  # as every database made before the stamp
    conn.close()
    assert inspect_file(path) == FileKind.UNSTAMPED
    result = run_cli("profile", db=path)
    assert result.exit_code == 0, result.stderr
    assert "hl01" in result.stdout
    assert _application_id(path) == APPLICATION_ID


def test_an_empty_sqlite_file_becomes_our_database_for_a_creating_command(run_cli, tmp_path):
    path = tmp_path / "empty.db"
    sqlite3.connect(path).execute("VACUUM").connection.close()  # a header, no tables
    assert path.stat().st_size > 0
    assert run_cli("demo", "--caseworkers", "1", "--cases", "3", db=path).exit_code == 0
    assert _application_id(path) == APPLICATION_ID


# --- reading never creates --------------------------------------------------------------------

READ_COMMANDS = [
    ("today",),
    ("stock",),
    ("explain", "SP-1"),
    ("profile",),
    ("weights",),
    ("follow-up", "list"),
    ("follow-up", "add", "SP-1", "--at", "i morgon"),
    ("team",),
    ("employer", "Acme"),
    ("import", "--history"),
    ("retention", "preview"),
]


@pytest.mark.parametrize("args", READ_COMMANDS, ids=lambda a: " ".join(a))
def test_a_command_on_a_missing_database_creates_nothing(run_cli, tmp_path, args):
    path = tmp_path / "nowhere" / "deeper" / "x.db"
    result = run_cli(*args, db=path)
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"overblick: Databasen {path} finns inte. Skapa en med 'overblick demo' eller "
        "'overblick import FIL'."
    )
    assert not (tmp_path / "nowhere").exists()


def test_a_read_command_on_an_empty_file_leaves_it_empty(run_cli, tmp_path):
    path = tmp_path / "empty.db"
    path.touch()
    result = run_cli("today", db=path)
    assert result.exit_code == 2 and "är tom" in result.stderr
    assert path.stat().st_size == 0 and sorted(p.name for p in tmp_path.iterdir()) == ["empty.db"]


def test_open_db_without_create_refuses_a_missing_file(tmp_path):
    with pytest.raises(NoDatabaseError):
        open_db(tmp_path / "a" / "b.db", create=False)
    assert not (tmp_path / "a").exists()


def test_creating_commands_still_create_folders_and_database(run_cli, tmp_path):
    demo = tmp_path / "a" / "b" / "demo.db"
    assert run_cli("demo", "--caseworkers", "1", "--cases", "3", db=demo).exit_code == 0
    assert demo.is_file()
    source = tmp_path / "cases.csv"
    source.write_text(f"Ärende;Namn;Personnummer\nA1;Anna;{PIN}\n", encoding="utf-8")
    imported = tmp_path / "c" / "import.db"
    result = run_cli("import", str(source), db=imported)
    assert result.exit_code == 0, result.stderr
    assert _application_id(imported) == APPLICATION_ID


# --- --db naming a folder ---------------------------------------------------------------------


@pytest.mark.parametrize("args", [("today",), ("demo",), ("backup", "now")], ids=" ".join)
def test_db_naming_a_folder_gets_one_swedish_line(run_cli, tmp_path, args):
    result = run_cli(*args, db=tmp_path)
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"overblick: {tmp_path} är en mapp, inte en databasfil; ange en fil med --db.\n"
    )
    assert sorted(tmp_path.iterdir()) == []
