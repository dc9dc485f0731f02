"""The window open while the command line writes: no "database is locked" reaches the user.

A second connection stands in for the window (its worker holds read transactions and short
write transactions); the commands run as real subprocesses (``python -m app``).
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from db import BUSY_TIMEOUT_MS, open_db
from tests.builders import StockBuilder

ROOT = Path(__file__).resolve().parent.parent
CASES_CSV = (
    "Ärende;Namn;Personnummer;Anställning;Handläggare;Sjukperiod från\n"
    "SP-2026-000901;Anna Andersson;19840312-9821;anställd;hl01;2026-10-01\n"
    "SP-2026-000902;Björn Öberg;19711102-9836;anställd;hl01;2026-10-06\n"
)
LOCKED_WORDS = ("locked", "låst", "upptagen", "busy")


@pytest.fixture
def shared_db(db_path: Path) -> Iterator[Path]:
    conn = open_db(db_path)
    stock = StockBuilder(conn)
    stock.case("SP-001", start=date(2026, 9, 1))
    conn.close()
    yield db_path


def _cmd(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "app", "--db", str(db), *args]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def _run(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        _cmd(db, *args), capture_output=True, text=True, cwd=ROOT, env=_env(), timeout=60
    )


def _start(db: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        _cmd(db, *args),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=_env(),
    )


def _assert_clean(code: int, stderr: str) -> None:
    assert code == 0, stderr
    assert not any(word in stderr.lower() for word in LOCKED_WORDS), stderr


def _add_follow_up(note: str) -> list[str]:
    return ["follow-up", "add", "SP-001", "--at", "2026-12-01 10:30", "--as", "hl01",
            "--note", note]  # fmt: skip


def _count(conn: sqlite3.Connection, table: str) -> int:
    return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_follow_up_add_while_the_window_holds_a_read_transaction(shared_db: Path):
    window = open_db(shared_db)
    version = window.execute("PRAGMA data_version").fetchone()[0]
    window.execute("BEGIN")
    before = _count(window, "follow_ups")
    proc = _run(shared_db, *_add_follow_up("från terminalen"))
    _assert_clean(proc.returncode, proc.stderr)
    assert _count(window, "follow_ups") == before  # its snapshot, until it ends
    window.execute("COMMIT")
    assert _count(window, "follow_ups") == before + 1
    # What the window polls to notice other programs' commits:
    assert window.execute("PRAGMA data_version").fetchone()[0] != version
    window.close()


def test_import_while_the_window_holds_a_read_transaction(shared_db: Path, tmp_path: Path):
    source = tmp_path / "nya.csv"
    source.write_text(CASES_CSV, encoding="utf-8")
    window = open_db(shared_db)
    window.execute("BEGIN")
    assert _count(window, "cases") == 1
    proc = _run(shared_db, "import", str(source))
    _assert_clean(proc.returncode, proc.stderr)
    assert "2 nya" in proc.stdout
    assert _count(window, "cases") == 1
    window.execute("COMMIT")
    assert _count(window, "cases") == 3
    window.close()


@pytest.mark.parametrize("command", ["follow-up", "import"])
def test_a_write_lock_held_for_a_second_only_delays_the_command(
    shared_db: Path, tmp_path: Path, command: str
):
    assert BUSY_TIMEOUT_MS >= 5000
    source = tmp_path / "nya.csv"
    source.write_text(CASES_CSV, encoding="utf-8")
    args = _add_follow_up("väntar") if command == "follow-up" else ["import", str(source)]
    window = open_db(shared_db)
    window.execute("BEGIN IMMEDIATE")  # the window's worker in the middle of a write
    window.execute(
        "INSERT INTO case_notes(case_id, at, text) VALUES (1, '2026-11-23T09:00:00+00:00', 'x')"
    )
    started = time.monotonic()
    proc = _start(shared_db, *args)
    time.sleep(1.0)
    assert proc.poll() is None  # waiting for the lock, not failing
    window.execute("COMMIT")
    _out, err = proc.communicate(timeout=60)
    _assert_clean(proc.returncode, err)
    assert time.monotonic() - started >= 1.0
    assert _count(window, "case_notes") == 1
    if command == "follow-up":
        assert _count(window, "follow_ups") == 1
    else:
        assert _count(window, "cases") == 3
    window.close()


def test_backup_is_not_blocked_by_a_writer(shared_db: Path):
    window = open_db(shared_db)
    window.execute("BEGIN IMMEDIATE")
    window.execute("UPDATE cases SET employer = 'Osparat AB'")
    try:
        proc = _run(shared_db, "backup", "now", "--json")
    finally:
        window.execute("ROLLBACK")
    _assert_clean(proc.returncode, proc.stderr)
    copy = Path(json.loads(proc.stdout)["backup"])
    check = sqlite3.connect(copy)
    assert (
        check.execute("SELECT count(*) FROM cases WHERE employer = 'Osparat AB'").fetchone()[0] == 0
    )
    check.close()
    window.close()


def test_many_commands_at_once_while_the_window_reads(shared_db: Path, tmp_path: Path):
    window = open_db(shared_db)
    window.execute("BEGIN")
    _count(window, "cases")
    procs = []
    for n in range(3):
        procs.append(_start(shared_db, *_add_follow_up(f"parallell {n}")))
    for n in range(2):
        source = tmp_path / f"fil{n}.csv"
        source.write_text(CASES_CSV.replace("SP-2026-0009", f"SP-2026-00{n}9"), encoding="utf-8")
        procs.append(_start(shared_db, "import", str(source)))
    procs.append(_start(shared_db, "backup", "now"))
    for proc in procs:
        _out, err = proc.communicate(timeout=60)
        _assert_clean(proc.returncode, err)
    window.execute("COMMIT")
    assert _count(window, "follow_ups") == 3
    assert _count(window, "cases") == 5
    assert window.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    window.close()
