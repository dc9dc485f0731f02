"""The watched inbox folder: import once completely written, move, never import twice."""

from __future__ import annotations

import os
import time
from datetime import date, datetime
from pathlib import Path

import pytest

from app.base.clock import FixedClock
from app.exchange.folder import (
    SETTING_KEY,
    InboxWatcher,
    default_inbox_folder,
    inbox_folder,
    is_temporary,
    process_inbox,
    set_inbox_folder,
)
from app.safety.pin import make_pin

CLOCK = FixedClock(datetime(2026, 11, 23, 9, 0))
PIN = make_pin(date(1984, 3, 12), 982, True)
GOOD = f"Ärende;Namn;Personnummer\nA1;Anna;{PIN}\nA2;Bo;{PIN}\n"


def drop(folder: Path, name: str, text: str, age: float = 10.0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8-sig")
    then = time.time() - age
    os.utime(path, (then, then))
    return path


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    return tmp_path / "inkorg"


def test_a_dropped_file_is_imported_once_and_moved(conn, inbox):
    drop(inbox, "sp.csv", GOOD)
    results = process_inbox(conn, inbox, clock=CLOCK, actor="hl01")
    assert [(r.name, r.created, r.status) for r in results] == [("sp.csv", 2, "ok")]
    assert results[0].moved_to == inbox / "processed" / "sp.csv"
    assert not (inbox / "sp.csv").exists()
    assert process_inbox(conn, inbox, clock=CLOCK, actor="hl01") == []
    history = conn.execute("SELECT source, status FROM import_runs").fetchall()
    assert [tuple(r) for r in history] == [("inbox", "ok")]


def test_the_same_file_dropped_twice_is_not_imported_twice(conn, inbox):
    drop(inbox, "sp.csv", GOOD)
    process_inbox(conn, inbox, clock=CLOCK, actor="hl01")
    conn.execute("UPDATE cases SET person_name = 'Ändrad i appen' WHERE case_ref = 'A1'")
    drop(inbox, "sp.csv", GOOD)
    (result,) = process_inbox(conn, inbox, clock=CLOCK, actor="hl01")
    assert result.status == "skipped"
    assert "importerades inte igen" in result.message
    assert result.moved_to == inbox / "processed" / "sp (2).csv"
    note = inbox / "processed" / "sp (2).csv.redan-importerad.txt"
    assert "samma innehåll som sp.csv" in note.read_text(encoding="utf-8")
    name = conn.execute("SELECT person_name FROM cases WHERE case_ref = 'A1'").fetchone()[0]
    assert name == "Ändrad i appen"
    statuses = [r[0] for r in conn.execute("SELECT status FROM import_runs ORDER BY id")]
    assert statuses == ["ok", "skipped"]


def test_a_file_still_being_written_waits_for_the_next_look(conn, inbox):
    watcher = InboxWatcher(inbox)
    path = drop(inbox, "ny.csv", GOOD, age=0)
    assert watcher.process(conn, clock=CLOCK, actor=None) == []  # first sight, just written
    with path.open("a", encoding="utf-8") as fh:
        fh.write(f"A3;Cia;{PIN}\n")  # still growing
    assert watcher.process(conn, clock=CLOCK, actor=None) == []
    (result,) = watcher.process(conn, clock=CLOCK, actor=None)  # unchanged since last look
    assert result.created == 3


def test_temporary_and_lock_files_are_left_alone(conn, inbox):
    drop(inbox, "~$stock.xlsx", "lås")
    drop(inbox, ".~lock.data.csv#", "lås")
    drop(inbox, "halv.csv.part", GOOD)
    drop(inbox, ".dold.csv", GOOD)
    drop(inbox, "öppen.csv", GOOD)
    drop(inbox, "~$öppen.csv", "Excel har filen öppen")
    assert process_inbox(conn, inbox, clock=CLOCK, actor=None) == []
    assert is_temporary(inbox / "x.tmp") and not is_temporary(inbox / "x.csv")
    assert sorted(p.name for p in inbox.iterdir()) == [
        ".dold.csv", ".~lock.data.csv#", "halv.csv.part", "~$stock.xlsx", "~$öppen.csv",
        "öppen.csv",
    ]  # fmt: skip


def test_rejected_rows_go_to_rejected_and_the_file_to_processed(conn, inbox):
    drop(inbox, "sp.csv", GOOD + "A3;Cia;123\n")
    (result,) = process_inbox(conn, inbox, clock=CLOCK, actor=None)
    assert (result.created, result.rejected, result.status) == (2, 1, "partial")
    assert result.moved_to == inbox / "processed" / "sp.csv"
    assert result.reject_file == inbox / "rejected" / "sp.avvisade.csv"
    assert "Personnummer" in result.reject_file.read_text(encoding="utf-8-sig")


def test_an_unreadable_file_goes_to_rejected_with_the_reason(conn, inbox):
    drop(inbox, "trasig.csv", "inget; känt\n1;2\n")
    (result,) = process_inbox(conn, inbox, clock=CLOCK, actor=None)
    assert result.status == "failed" and result.exit_code == 2
    assert result.moved_to == inbox / "rejected" / "trasig.csv"
    reason = (inbox / "rejected" / "trasig.csv.fel.txt").read_text(encoding="utf-8")
    assert "känner igen" in reason
    assert conn.execute("SELECT status FROM import_runs").fetchone()[0] == "failed"


def test_a_failed_file_dropped_again_is_tried_again(conn, inbox):
    drop(inbox, "sp.csv", "kolumn\n1\n")
    process_inbox(conn, inbox, clock=CLOCK, actor=None)
    drop(inbox, "sp.csv", "kolumn\n1\n")
    (result,) = process_inbox(conn, inbox, clock=CLOCK, actor=None)
    assert result.status == "failed"


def test_the_folder_is_a_setting_with_a_default_in_documents(conn, tmp_path):
    assert default_inbox_folder().name == "Överblick inkorg"
    assert inbox_folder(conn) == default_inbox_folder()
    assert set_inbox_folder(conn, tmp_path / "min") == tmp_path / "min"
    from db import queries

    assert queries.get_setting(conn, SETTING_KEY) == str(tmp_path / "min")
    assert set_inbox_folder(conn, None) == default_inbox_folder()


def test_files_are_taken_oldest_first(conn, inbox):
    drop(inbox, "b.csv", GOOD, age=20)
    drop(inbox, "a.csv", "Ärende;Status\nA1;avslutad\n", age=5)
    results = process_inbox(conn, inbox, clock=CLOCK, actor=None)
    assert [(r.name, r.created, r.updated) for r in results] == [("b.csv", 2, 0), ("a.csv", 0, 1)]
