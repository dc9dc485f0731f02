"""Several files are imported in dependency order (caseworkers, cases, sick periods,
certificates, impulses, follow-ups, contacts) whatever order they come in: on the command
line and in the watched inbox folder (the window's drop: tests/ui/test_import_order_drop.py)."""

from __future__ import annotations

import json
import os
import shutil
import time
from datetime import datetime
from pathlib import Path

from app.base.clock import FixedClock
from app.exchange.folder import InboxWatcher
from app.exchange.order import dependency_order, kinds_in
from tests.hostile import PIN

SAMPLE = Path(__file__).resolve().parents[1] / "resources" / "sample"
CLOCK = FixedClock(datetime(2026, 11, 23, 9, 0))


def samples(folder: Path) -> list[Path]:
    """Copies of resources/sample/*, in the order a shell's * gives them."""
    folder.mkdir()
    for path in SAMPLE.iterdir():
        shutil.copy(path, folder / path.name)
    return sorted(folder.iterdir())


def write(path: Path, text: str, age: float = 10.0) -> Path:
    path.write_text(text, encoding="utf-8-sig")
    then = time.time() - age
    os.utime(path, (then, then))
    return path


def small_stock(folder: Path, age: float = 10.0) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return {
        "impulses": write(
            folder / "a-impulser.csv",
            "Id;Ärende;Impulstyp;Inkommen\nI1;SP-1;annan;2026-11-20 09:00\n",
            age=age + 3,
        ),
        "cases": write(
            folder / "b-ärenden.csv",
            f"Ärende;Namn;Personnummer;Handläggare\nSP-1;Anna;{PIN};zz01\n",
            age=age + 2,
        ),
        "caseworkers": write(
            folder / "c-handläggare.csv", "Signatur;Namn\nzz01;Karin\n", age=age + 1
        ),
    }


def test_import_of_every_sample_on_an_empty_database_exits_0_in_any_order(run_cli, tmp_path):
    files = samples(tmp_path / "sample")
    assert [p.name for p in files][:3] == ["cases-windows-1252.csv", "cases.csv", "caseworkers.csv"]
    result = run_cli("import", *map(str, files))
    assert result.exit_code == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[0].startswith("caseworkers.csv: 3 nya")
    again = run_cli("import", *map(str, reversed(files)), "--json", db=tmp_path / "b.db")
    assert again.exit_code == 0
    assert Path(again.json()["files"][0]["file"]).name == "caseworkers.csv"


def test_files_are_ordered_by_what_they_hold_not_by_name(tmp_path):
    stock = small_stock(tmp_path)
    mixed = tmp_path / "blandat.jsonl"
    mixed.write_text(
        json.dumps({"type": "follow_up", "id": "F1", "case_ref": "SP-1", "due_at": "2026-12-01"})
        + "\n"
        + json.dumps({"type": "contact", "id": "K1", "case_ref": "SP-1", "role": "employer"})
        + "\n",
        encoding="utf-8",
    )
    broken = tmp_path / "trasig.csv"
    broken.write_text("okänd;rubrik\n1;2\n", encoding="utf-8")
    given = [broken, mixed, stock["impulses"], stock["cases"], stock["caseworkers"]]
    assert kinds_in(mixed) == ["follow_up", "contact"]
    assert kinds_in(broken) == []
    assert dependency_order(given) == [
        stock["caseworkers"], stock["cases"], stock["impulses"], mixed, broken
    ]  # fmt: skip
    whole = samples(tmp_path / "sample")
    events = next(p for p in whole if p.suffix == ".jsonl")
    # A file of caseworkers goes before a whole stock that also has caseworkers.
    assert dependency_order([events, stock["caseworkers"]]) == [stock["caseworkers"], events]


def test_the_inbox_takes_files_dropped_together_in_dependency_order(conn, tmp_path):
    inbox = tmp_path / "inkorg"
    small_stock(inbox)  # the impulses are the oldest file, the caseworkers the newest
    results = InboxWatcher(inbox).process(conn, clock=CLOCK, actor=None)
    assert [(r.name, r.created, r.rejected) for r in results] == [
        ("c-handläggare.csv", 1, 0), ("b-ärenden.csv", 1, 0), ("a-impulser.csv", 1, 0)
    ]  # fmt: skip


def test_the_inbox_waits_while_one_of_the_files_is_still_being_written(conn, tmp_path):
    inbox = tmp_path / "inkorg"
    stock = small_stock(inbox)
    write(stock["caseworkers"], "Signatur;Namn\nzz01;Karin\n", age=0)  # just written
    watcher = InboxWatcher(inbox)
    assert watcher.process(conn, clock=CLOCK, actor=None) == []
    results = watcher.process(conn, clock=CLOCK, actor=None)  # unchanged since the last look
    assert [r.rejected for r in results] == [0, 0, 0]
    assert results[0].name == "c-handläggare.csv"
