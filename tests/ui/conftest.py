"""Fixtures for window tests: a small demo stock in a real file, a fixed clock, a context."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.base.clock import STOCKHOLM, FixedClock
from app.demo.generator import build_demo
from app.priority.profile import resolve_caseworker
from db import open_db

ON = date(2026, 11, 23)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built once per test session; each test gets its own copy."""
    path = tmp_path_factory.mktemp("template") / "demo.db"
    conn = open_db(path)
    build_demo(conn, caseworkers=2, cases_per_caseworker=40, seed=3, today=ON, showcase=False)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    path.write_bytes(demo_template.read_bytes())
    # Keep the watched inbox folder inside the test's own directory.
    from app.exchange.folder import set_inbox_folder

    conn = open_db(path)
    set_inbox_folder(conn, tmp_path / "inkorg")
    conn.close()
    return path


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime.combine(ON, time(9), tzinfo=STOCKHOLM))


@pytest.fixture
def ctx(qapp, demo_db: Path, clock: FixedClock) -> Iterator[object]:
    from ui.context import AppContext

    conn = open_db(demo_db)
    caseworker = resolve_caseworker(conn, None)
    conn.close()
    context = AppContext(demo_db, caseworker, clock)
    yield context
    context.shutdown()


@pytest.fixture
def settings(tmp_path: Path):
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
