"""What every ``overblick`` command shares: the database path, the clock, dates and JSON."""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from datetime import date
from pathlib import Path
from typing import Any

import click

from app.clock import Clock, FixedClock, local_today
from app.i18n import install_click_language
from db import refuse_folder

# Click's own texts (usage, errors, --help) in the chosen language, before any command is
# declared: every command module imports this one first.
install_click_language()

DB_ENV = "OVERBLICK_DB"


class DateType(click.ParamType):
    name = "ÅÅÅÅ-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value).strip())
        except ValueError:
            self.fail(f"'{value}' är inget giltigt datum; skriv det som ÅÅÅÅ-MM-DD", param, ctx)


DATE = DateType()


def default_db_path() -> Path:
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("Overblick", appauthor=False)) / "overblick.db"


# The commands whose purpose is to put data into a store: only these create a database
# (and its folders) where there is none. Every other command refuses a missing or empty
# database with exit code 2 and says how to make one; nothing is created.
CREATING_COMMANDS = frozenset({"demo", "import", "join"})


def _running_creating_command() -> bool:
    click_ctx = click.get_current_context(silent=True)
    return click_ctx is not None and click_ctx.find_root().invoked_subcommand in CREATING_COMMANDS


class Context:
    """What every command shares: where the database is, and the clock."""

    def __init__(self, db_path: Path | None, clock: Clock) -> None:
        self.db_path = db_path or default_db_path()
        refuse_folder(self.db_path)
        self.clock = clock
        self._conn: sqlite3.Connection | None = None

    def conn(self, *, check: bool = True, create: bool | None = None) -> sqlite3.Connection:
        """The database. Commands that write pass the integrity check first (and take the
        day's backup); read-only listings skip the check to start fast, since SQLite itself
        refuses damaged pages they would read.

        ``create``: make the database if there is none; by default only the commands in
        ``CREATING_COMMANDS`` do."""
        if create is None:
            create = _running_creating_command()
        if self._conn is None:
            if check:
                from app.safety import daily_backup_if_due, open_checked

                self._conn = open_checked(self.db_path, create=create)
                daily_backup_if_due(self._conn, self.db_path, self.clock)
            else:
                from db import open_db

                self._conn = open_db(self.db_path, create=create)
        return self._conn

    def on(self, value: date | None) -> date:
        return value or local_today(self.clock)

    def clock_on(self, value: date | None) -> Clock:
        """A clock standing at the start of working hours on ``--on``, or the real one."""
        if value is None:
            return self.clock
        from datetime import datetime, time

        from app.clock import STOCKHOLM

        return FixedClock(datetime.combine(value, time(8), tzinfo=STOCKHOLM))


pass_ctx = click.make_pass_decorator(Context)


def emit_json(data: Any) -> None:
    """One JSON document on stdout: indented for a person at a terminal, compact in a pipe."""
    indent = 2 if sys.stdout.isatty() else None
    click.echo(json.dumps(data, ensure_ascii=False, indent=indent))


def on_option(f: Any) -> Any:
    return click.option(
        "--on", "on", type=DATE, default=None, help="Datum att räkna på (standard: i dag)."
    )(f)


def as_option(f: Any) -> Any:
    return click.option(
        "--as", "as_", metavar="SIGNATUR", default=None, help="Handläggare (standard: profilen)."
    )(f)


def json_option(f: Any) -> Any:
    return click.option("--json", "as_json", is_flag=True, help="Skriv ett JSON-dokument.")(f)
