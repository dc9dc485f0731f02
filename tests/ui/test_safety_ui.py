"""One window per database, unexpected errors logged without personal data, backups dialog."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.safety.log import scrub
from ui.crash import CrashHandler
from ui.single_instance import SingleInstance


def test_a_second_start_hands_over_to_the_first(qtbot, tmp_path: Path):
    first = SingleInstance(tmp_path / "a.db")
    assert first.claim()
    second = SingleInstance(tmp_path / "a.db")
    with qtbot.waitSignal(first.activation_requested, timeout=5000):
        assert not second.claim()
    other_db = SingleInstance(tmp_path / "b.db")
    assert other_db.claim()  # another database may have its own window
    first.release()
    other_db.release()


def test_a_second_process_hands_over_too(qtbot, tmp_path: Path):
    first = SingleInstance(tmp_path / "a.db")
    assert first.claim()
    script = (
        "import sys; from PySide6.QtCore import QCoreApplication; "
        "from ui.single_instance import SingleInstance; app = QCoreApplication([]); "
        f"print(SingleInstance(__import__('pathlib').Path({str(tmp_path / 'a.db')!r})).claim())"
    )
    with qtbot.waitSignal(first.activation_requested, timeout=15_000):
        proc = subprocess.Popen(
            [sys.executable, "-c", script],
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
        qtbot.waitUntil(lambda: proc.poll() is not None, timeout=15_000)
    out, _ = proc.communicate()
    assert out.strip() == "False"
    first.release()


def test_a_killed_window_leaves_no_lock_behind(tmp_path: Path):
    from PySide6.QtCore import QDir

    guard = SingleInstance(tmp_path / "a.db")
    stale = Path(QDir.tempPath()) / guard.name
    stale.write_text("")  # what a killed window leaves: its socket's name, nobody listening
    try:
        assert guard.claim()
    finally:
        guard.release()


def test_scrub_masks_personal_identity_numbers():
    assert scrub("pnr 19850312-1234 och 8503121234 ok") == "pnr 19850312-**** och 850312-**** ok"
    assert scrub("SP-2026-000123") == "SP-2026-000123"


def test_unexpected_error_is_logged_scrubbed_and_the_window_goes_on(qtbot, tmp_path, monkeypatch):
    from app.safety.log import setup_logging

    monkeypatch.setenv("OVERBLICK_LOG_DIR", str(tmp_path / "log"))
    log_path = setup_logging()
    file_handler = next(h for h in logging.getLogger().handlers if getattr(h, "overblick", 0))
    handler = CrashHandler(log_path, show_dialog=False)
    try:
        try:
            raise ValueError("kunde inte läsa 19850312-1234")
        except ValueError as exc:
            with qtbot.waitSignal(handler.error, timeout=2000) as signal:
                handler.handle(type(exc), exc, exc.__traceback__)
        file_handler.flush()
    finally:
        logging.getLogger().removeHandler(file_handler)
        file_handler.close()
    assert signal.args == ["ValueError"]
    assert handler.count == 1
    text = log_path.read_text(encoding="utf-8")
    assert "ValueError" in text
    assert "19850312-****" in text
    assert "19850312-1234" not in text


@pytest.fixture
def backups_dialog(qtbot, ctx):
    from ui.dialogs.backups import BackupsDialog

    dialog = BackupsDialog(ctx)
    qtbot.addWidget(dialog)
    return dialog


def test_backups_dialog_takes_and_restores(qtbot, ctx, backups_dialog):
    from db import open_db

    backups_dialog.take_now()
    qtbot.waitUntil(lambda: len(backups_dialog.backups) == 1, timeout=10_000)
    conn = open_db(ctx.db_path)
    before = conn.execute("SELECT count(*) FROM case_notes").fetchone()[0]
    conn.execute(
        "INSERT INTO case_notes(case_id, at, author, text) "
        "VALUES (1, '2026-11-23T09:00:00+00:00', 'hl01', 'efter kopian')"
    )
    conn.close()
    with qtbot.waitSignal(ctx.data_changed, timeout=15_000):
        backups_dialog.restore_from(backups_dialog.backups[0].path)
    conn = open_db(ctx.db_path)
    assert conn.execute("SELECT count(*) FROM case_notes").fetchone()[0] == before
    conn.close()
    qtbot.waitUntil(lambda: len(backups_dialog.backups) == 2, timeout=10_000)  # + pre-restore


def test_a_damaged_database_is_explained_and_the_newest_good_backup_offered(
    qtbot, ctx, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    from app.base.clock import SystemClock
    from app.safety.backups import take_backup
    from app.safety.integrity import DatabaseDamagedError, check_on_start
    from ui.app import offer_restore

    backup = take_backup(ctx.db_path, "manual", SystemClock())
    data = bytearray(ctx.db_path.read_bytes())
    for offset in range(8192, min(len(data), 40_960), 97):
        data[offset] = 0xFF  # trample pages in the middle, never the header
    ctx.db_path.write_bytes(bytes(data))
    report = check_on_start(ctx.db_path)
    assert not report.ok and report.newest_good_backup == backup

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    monkeypatch.setattr(QMessageBox, "clickedButton", lambda box: box.buttons()[0])
    assert offer_restore(DatabaseDamagedError(report), ctx.db_path)
    assert shown and backup.name in shown[0]
    assert check_on_start(ctx.db_path).ok


def test_the_window_takes_the_days_backup_on_start(qtbot, ctx, settings):
    from ui.main_window import MainWindow

    window = MainWindow(ctx, settings)
    qtbot.addWidget(window)
    window.show()
    window.start()
    backups = ctx.db_path.parent / "backups"
    qtbot.waitUntil(lambda: any(backups.glob("*daily*.db")), timeout=15_000)
