"""Killing the process (SIGKILL) at a random moment never breaks the database.

Each test runs a real Python subprocess that repeats one operation in a loop (an import, a
burst of outcomes, a reassignment, a backup, a restore) and kills it at a random point,
a bounded number of times. After every kill the database must pass
``PRAGMA integrity_check`` and hold either all or none of every operation.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from app.demo.generator import build_demo
from db import open_db
from db.backup import backup_into_folder, integrity, list_backups
from tests.builders import StockBuilder

pytestmark = pytest.mark.skipif(sys.platform.startswith("win"), reason="SIGKILL is POSIX")

ROOT = Path(__file__).resolve().parent.parent
SEED = int(os.environ.get("OVERBLICK_KILL_SEED", "20261123"))
IMPORT_KILLS, OUTCOME_KILLS, REASSIGN_KILLS, BACKUP_KILLS, RESTORE_KILLS = 25, 15, 10, 10, 8
IMPORT_ROWS = 2000
TODAY = date(2026, 11, 23)


def _spawn(script: str, *args: object) -> subprocess.Popen[str]:
    """Start ``script`` in a fresh interpreter and wait until it says 'ready'."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-u", "-c", script, *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if line.startswith("no-api"):
        proc.communicate(timeout=30)
        pytest.skip(
            "app.team.reassign has no reassign_cases(conn, case_refs, to, actor, clock); "
            f"adapt REASSIGN_WORKER to its API ({line.strip()})"
        )
    if line.strip() != "ready":
        proc.kill()
        _out, err = proc.communicate(timeout=30)
        pytest.fail(f"the worker did not start: {line!r} {err}")
    return proc


def _kill_after(proc: subprocess.Popen[str], delay: float) -> list[str]:
    """SIGKILL the worker after ``delay`` seconds; return what it printed."""
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL, f"the worker ended by itself: {err}"
    return out.splitlines()


def _killed_mid_operation(lines: list[str]) -> bool:
    return bool(lines) and lines[-1].startswith("begin")


def _check(db: Path) -> sqlite3.Connection:
    """Open the database as the next start would (WAL recovery) and check it whole."""
    conn = sqlite3.connect(db, isolation_level=None)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    return conn


# --- import --------------------------------------------------------------------------------

IMPORT_WORKER = """
import sys
from datetime import date, timedelta
from pathlib import Path
from app.base.clock import SystemClock
from app.exchange.importer import import_file
from app.safety.pin import make_pin
from db import open_db

db, folder, rows = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
conn = open_db(db)
pins = [make_pin(date(1960, 1, 1) + timedelta(days=7 * i), i % 900 + 1, i % 2 == 0)
        for i in range(rows)]
header = "Ärende;Namn;Personnummer;Anställning;Handläggare;Sjukperiod från"
print("ready")
k = conn.execute("SELECT count(*) FROM import_runs").fetchone()[0]
while True:
    path = folder / f"batch-{k:04d}.csv"
    lines = [header] + [f"KILL-{k:04d}-{i:05d};Försäkrad {i};{pins[i]};anställd;hl01;2026-10-01"
                        for i in range(rows)]
    path.write_text("\\n".join(lines) + "\\n", encoding="utf-8")
    print("begin", k)
    import_file(conn, path, clock=SystemClock(), actor="hl01", source="kill-test")
    print("end", k)
    k += 1
"""


def test_kill_during_imports_leaves_all_or_none_of_each_file(tmp_path: Path):
    db = tmp_path / "overblick.db"
    conn = open_db(db)
    StockBuilder(conn).caseworker("hl01")
    conn.close()
    rng = random.Random(SEED)
    mid = 0
    for _ in range(IMPORT_KILLS):
        proc = _spawn(IMPORT_WORKER, db, tmp_path, IMPORT_ROWS)
        lines = _kill_after(proc, rng.uniform(0.0, 0.5))
        mid += _killed_mid_operation(lines)
        check = _check(db)
        runs = check.execute(
            "SELECT file_name, status, created, rejected FROM import_runs"
        ).fetchall()
        assert all(r[1:] == ("ok", IMPORT_ROWS, 0) for r in runs), runs
        per_batch = dict(
            check.execute(
                "SELECT substr(case_ref, 6, 4), count(*) FROM cases WHERE case_ref LIKE 'KILL-%' "
                "GROUP BY 1"
            ).fetchall()
        )
        committed = {r[0][len("batch-") : len("batch-") + 4] for r in runs}
        assert set(per_batch) == committed  # no case without its import run, and vice versa
        assert set(per_batch.values()) <= {IMPORT_ROWS}  # each file wholly or not at all
        cases, periods = check.execute(
            "SELECT (SELECT count(*) FROM cases), (SELECT count(*) FROM sick_periods)"
        ).fetchone()
        assert cases == periods == len(runs) * IMPORT_ROWS
        check.close()
    assert mid > 0, "no kill landed inside an import; the test proves nothing"


# --- a burst of outcome edits ------------------------------------------------------------

OUTCOME_WORKER = """
import sys
from app.base.clock import SystemClock
from app.case.inbox import record_outcome
from app.priority.profile import resolve_caseworker
from db import open_db

db, run = sys.argv[1], sys.argv[2]
conn = open_db(db)
me = resolve_caseworker(conn, "hl01")
by_case = {}
for impulse_id, case_id in conn.execute("SELECT id, case_id FROM impulses ORDER BY id"):
    by_case.setdefault(case_id, []).append(impulse_id)
cases = sorted(by_case)
clock = SystemClock()
print("ready")
k = 0
while True:
    case = cases[k % len(cases)]
    print("begin", k)
    record_outcome(conn, by_case[case], "acted", f"r{run}-k{k}", me, clock)
    print("end", k)
    k += 1
"""


def test_kill_during_a_burst_of_outcomes_keeps_each_selection_whole(tmp_path: Path):
    db = tmp_path / "overblick.db"
    conn = open_db(db)
    stock = StockBuilder(conn)
    per_case = 8
    for n in range(30):
        case_id = stock.case(f"SP-{n:03d}", start=date(2026, 9, 1))
        for _ in range(per_case):
            stock.impulse(case_id, date(2026, 11, 2))
    conn.close()
    rng = random.Random(SEED + 1)
    mid = 0
    for run in range(OUTCOME_KILLS):
        proc = _spawn(OUTCOME_WORKER, db, run)
        lines = _kill_after(proc, rng.uniform(0.0, 0.4))
        mid += _killed_mid_operation(lines)
        check = _check(db)
        notes = check.execute(
            "SELECT json_extract(detail, '$.note'), count(*) FROM events "
            "WHERE kind = 'impulse.outcome' GROUP BY 1"
        ).fetchall()
        assert {n for _, n in notes} <= {per_case}, notes  # every selection's events, or none
        for case_id, distinct, latest in check.execute(
            "SELECT case_id, count(DISTINCT coalesce(outcome_note, '')), max(outcome_note) "
            "FROM impulses GROUP BY case_id"
        ).fetchall():
            assert distinct == 1  # the case's impulses got the same (last) selection
            if latest is not None:
                last_event = check.execute(
                    "SELECT json_extract(detail, '$.note') FROM events WHERE case_id = ? "
                    "AND kind = 'impulse.outcome' ORDER BY id DESC LIMIT 1",
                    (case_id,),
                ).fetchone()[0]
                assert last_event == latest
        check.close()
    assert mid > 0


# --- reassignment ----------------------------------------------------------------------------

REASSIGN_WORKER = """
import inspect, sys
from app.base.clock import SystemClock
from app.priority.profile import resolve_caseworker
from db import open_db
import app.team.reassign as reassign_module

fn = getattr(reassign_module, "reassign", None)
wanted = ["conn", "case_refs", "to_caseworker", "reason", "actor", "clock"]
if fn is None or list(inspect.signature(fn).parameters)[:6] != wanted:
    print("no-api")
    sys.exit(3)
db = sys.argv[1]
conn = open_db(db)
refs = [r[0] for r in conn.execute("SELECT case_ref FROM cases ORDER BY case_ref")]
lead = resolve_caseworker(conn, "lead01")
people = [resolve_caseworker(conn, "hl01"), resolve_caseworker(conn, "hl02")]
clock = SystemClock()
print("ready")
k = 0
while True:
    owner = conn.execute("SELECT caseworker_id FROM cases LIMIT 1").fetchone()[0]
    target = people[1] if owner == people[0].id else people[0]
    print("begin", k)
    fn(conn, refs, target, f"omfördelning {k}", lead, clock)
    print("end", k)
    k += 1
"""


def test_kill_during_reassignment_moves_all_cases_or_none(tmp_path: Path):
    pytest.importorskip("app.team.reassign")
    db = tmp_path / "overblick.db"
    conn = open_db(db)
    stock = StockBuilder(conn)
    first = stock.caseworker("hl01")
    stock.caseworker("hl02", "Andra Handläggaren")
    stock.caseworker("lead01", "Gruppchefen", role="lead")
    n_cases = 200
    for n in range(n_cases):
        case_id = stock.case(f"SP-{n:03d}", start=date(2026, 9, 1))
        follow_up = stock.follow_up(case_id, date(2026, 12, 1))
        conn.execute("UPDATE follow_ups SET owner_id = ? WHERE id = ?", (first, follow_up))
        stock.plan(case_id, date(2026, 11, 30))
    conn.close()
    rng = random.Random(SEED + 2)
    mid = 0
    for _ in range(REASSIGN_KILLS):
        proc = _spawn(REASSIGN_WORKER, db)
        mid += _killed_mid_operation(_kill_after(proc, rng.uniform(0.0, 0.4)))
        check = _check(db)
        owners = check.execute("SELECT count(DISTINCT caseworker_id) FROM cases").fetchone()[0]
        assert owners == 1  # every case moved, or none
        stray = check.execute(
            "SELECT count(*) FROM follow_ups f JOIN cases c ON c.id = f.case_id "
            "WHERE f.owner_id IS NOT c.caseworker_id"
        ).fetchone()[0]
        assert stray == 0  # the follow-ups moved with their cases
        moves = check.execute(
            "SELECT count(*) FROM events WHERE kind = 'case.reassigned'"
        ).fetchone()[0]
        assert moves % n_cases == 0
        plans = check.execute("SELECT count(*) FROM planned_dates").fetchone()[0]
        assert plans == (n_cases if moves == 0 else 0)
        check.close()
    assert mid > 0


# --- backup and restore ----------------------------------------------------------------------

BACKUP_WORKER = """
import sys
from db.backup import backup_into_folder

db, folder = sys.argv[1], sys.argv[2]
print("ready")
k = 0
while True:
    print("begin", k)
    backup_into_folder(db, folder, "manual", keep=4)
    print("end", k)
    k += 1
"""

RESTORE_WORKER = """
import sys
from db.backup import restore

db, first, second = sys.argv[1], sys.argv[2], sys.argv[3]
print("ready")
k = 0
while True:
    print("begin", k)
    restore(first if k % 2 == 0 else second, db, keep=4)
    print("end", k)
    k += 1
"""


def _demo_db(db: Path) -> None:
    conn = open_db(db)
    build_demo(conn, caseworkers=2, cases_per_caseworker=150, seed=3, today=TODAY)
    conn.close()


def _case_count(path: Path) -> int:
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM cases").fetchone()[0])
    finally:
        conn.close()


def test_kill_during_backups_leaves_only_whole_backups(tmp_path: Path):
    db = tmp_path / "overblick.db"
    _demo_db(db)
    folder = tmp_path / "backups"
    expected = _case_count(db)
    rng = random.Random(SEED + 3)
    mid = 0
    for _ in range(BACKUP_KILLS):
        proc = _spawn(BACKUP_WORKER, db, folder)
        mid += _killed_mid_operation(_kill_after(proc, rng.uniform(0.0, 0.3)))
        _check(db).close()
        for info in list_backups(folder):  # half-written files never carry a backup's name
            assert integrity(info.path, quick=False) == []
            assert _case_count(info.path) == expected
            assert info.path.stat().st_mode & 0o777 == 0o600
    leftovers = [p.name for p in folder.iterdir() if p.name.startswith(".")]
    assert all(".tmp" in name for name in leftovers)
    assert mid > 0


def test_kill_during_restore_leaves_the_old_or_the_new_content(tmp_path: Path):
    db = tmp_path / "overblick.db"
    _demo_db(db)
    elsewhere = tmp_path / "kept"
    first = backup_into_folder(db, elsewhere, "manual")
    conn = open_db(db)
    stock = StockBuilder(conn)
    for n in range(7):
        stock.case(f"EXTRA-{n}", start=date(2026, 9, 1), caseworker="kx01")
    conn.close()
    second = backup_into_folder(db, elsewhere, "manual")
    counts = {_case_count(first), _case_count(second)}
    assert len(counts) == 2
    rng = random.Random(SEED + 4)
    mid = 0
    for _ in range(RESTORE_KILLS):
        proc = _spawn(RESTORE_WORKER, db, first, second)
        mid += _killed_mid_operation(_kill_after(proc, rng.uniform(0.0, 0.4)))
        _check(db).close()
        assert _case_count(db) in counts
        for info in list_backups(tmp_path / "backups"):
            assert integrity(info.path) == []
    assert mid > 0
