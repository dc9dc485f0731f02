"""Shared fixtures: a real SQLite file per test, a small stock builder, and the CLI runner."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from db import open_db
from tests.builders import StockBuilder


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "overblick.db"


@pytest.fixture
def conn(db_path: Path) -> Iterator[sqlite3.Connection]:
    connection = open_db(db_path)
    yield connection
    connection.close()


@pytest.fixture
def stock(conn: sqlite3.Connection) -> StockBuilder:
    return StockBuilder(conn)


@dataclass
class CliResult:
    exit_code: int
    stdout: str
    stderr: str

    def json(self) -> object:
        return json.loads(self.stdout)


@pytest.fixture
def run_cli(db_path: Path, capsys: pytest.CaptureFixture[str]):
    """Run ``overblick --db <test db> ARGS...`` in-process and capture what it prints."""
    from app.cli.main import main

    def run(*args: str, db: Path | None = db_path) -> CliResult:
        argv = (["--db", str(db)] if db is not None else []) + list(args)
        code = 0
        try:
            main(argv)
        except SystemExit as exc:
            code = int(exc.code or 0)
        out, err = capsys.readouterr()
        return CliResult(code, out, err)

    return run
