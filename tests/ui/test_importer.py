"""Imports from the window: files with a progress bar, the watched inbox folder, export."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import openpyxl
from PySide6.QtWidgets import QWidget

from db import open_db
from resources import resource_path
from ui.importer import Importer

SAMPLE = resource_path("sample")


def _importer(qtbot, ctx) -> Importer:
    window = QWidget()
    qtbot.addWidget(window)
    return Importer(ctx, window)


def _count(ctx, sql: str) -> int:
    conn = open_db(ctx.db_path)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def test_importing_files_adds_cases_and_tells_the_views(qtbot, ctx):
    importer = _importer(qtbot, ctx)
    before = _count(ctx, "SELECT count(*) FROM cases")
    with (
        qtbot.waitSignal(ctx.data_changed, timeout=20_000),
        qtbot.waitSignal(importer.finished, timeout=20_000) as finished,
    ):
        importer.import_files([SAMPLE / "caseworkers.csv", SAMPLE / "cases.csv"], show_result=False)
    results = finished.args[0]
    assert [r.status for r in results] == ["ok", "ok"]
    assert _count(ctx, "SELECT count(*) FROM cases") == before + results[1].created
    assert _count(ctx, "SELECT count(*) FROM import_runs WHERE source = 'window'") == 2


def test_an_unreadable_file_is_reported_and_changes_nothing(qtbot, ctx, tmp_path: Path):
    importer = _importer(qtbot, ctx)
    bad = tmp_path / "bilder.csv"
    bad.write_bytes(b"\x00\x01\x02 not a table \xff\xfe")
    before = _count(ctx, "SELECT count(*) FROM cases")
    with qtbot.waitSignal(importer.finished, timeout=20_000) as finished:
        importer.import_files([bad], show_result=False)
    assert finished.args[0][0].status == "failed"
    assert _count(ctx, "SELECT count(*) FROM cases") == before


def test_a_file_dropped_in_the_inbox_is_imported_once_and_moved(qtbot, ctx, tmp_path: Path):
    from app.exchange.folder import set_inbox_folder

    inbox = tmp_path / "inkorg"
    conn = open_db(ctx.db_path)
    set_inbox_folder(conn, inbox)
    conn.close()
    importer = _importer(qtbot, ctx)
    with qtbot.waitSignal(ctx.data_changed, timeout=10_000, raising=False):
        importer.watch_inbox()
    qtbot.waitUntil(lambda: importer._inbox is not None, timeout=10_000)
    for name in ("caseworkers.csv", "cases.csv"):
        target = inbox / name
        shutil.copy(SAMPLE / name, target)
        old = time.time() - 60  # completely written a minute ago
        os.utime(target, (old, old))
    with qtbot.waitSignal(importer.inbox_imported, timeout=20_000) as imported:
        importer.check_inbox()
    assert {Path(r.file).name for r in imported.args[0]} == {"caseworkers.csv", "cases.csv"}
    assert (inbox / "processed" / "cases.csv").exists()
    assert not (inbox / "cases.csv").exists()
    # The same content dropped again is not imported twice.
    again = inbox / "cases-igen.csv"
    shutil.copy(SAMPLE / "cases.csv", again)
    os.utime(again, (time.time() - 60, time.time() - 60))
    with qtbot.waitSignal(importer.inbox_imported, timeout=20_000) as second:
        importer.check_inbox()
    assert second.args[0][0].status == "skipped"


def test_export_masks_personal_identity_numbers(qtbot, ctx, tmp_path: Path):
    importer = _importer(qtbot, ctx)
    target = tmp_path / "stock.xlsx"
    with qtbot.waitSignal(ctx.status_message, timeout=20_000):
        importer.export_to(target)
    book = openpyxl.load_workbook(target, read_only=True)
    rows = list(book.active.iter_rows(values_only=True))
    book.close()
    pin_column = rows[0].index("Personnummer")
    assert len(rows) > 10
    assert all(str(r[pin_column]).endswith("-****") for r in rows[1:] if r[pin_column])
