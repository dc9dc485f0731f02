"""What every ``overblick`` command shares: the database path, the clock, dates and JSON."""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from app.base.clock import STOCKHOLM, Clock, FixedClock, local_today
from app.base.i18n import _, install_click_language
from db import refuse_folder

# Click's own texts (usage, errors, --help) in the chosen language, before any command is
# declared: every command module imports this one first.
install_click_language()

DB_ENV = "OVERBLICK_DB"


class Command(click.Command):
    """A command whose usage line speaks the chosen language ("[FLAGGOR]")."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", _("[FLAGGOR]"))
        super().__init__(*args, **kwargs)


class Group(click.Group):
    """A command group in the chosen language; its commands and groups are too."""

    command_class = Command
    group_class = type  # sub-groups are Groups

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", _("[FLAGGOR]"))
        if kwargs.get("invoke_without_command"):
            kwargs.setdefault("subcommand_metavar", _("[KOMMANDO] [ARGUMENT]..."))
        else:
            kwargs.setdefault("subcommand_metavar", _("KOMMANDO [ARGUMENT]..."))
        super().__init__(*args, **kwargs)


def group(*args: Any, **kwargs: Any) -> Any:
    """``click.group`` in the chosen language (use instead of it)."""
    return click.group(*args, cls=Group, **kwargs)


def command(*args: Any, **kwargs: Any) -> Any:
    """``click.command`` in the chosen language (use instead of it)."""
    return click.command(*args, cls=Command, **kwargs)


class DateType(click.ParamType):
    name = _("ÅÅÅÅ-MM-DD")

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value).strip())
        except ValueError:
            self.fail(
                _("'{value}' är inget giltigt datum; skriv det som ÅÅÅÅ-MM-DD").format(value=value),
                param,
                ctx,
            )


DATE = DateType()


class MomentType(click.ParamType):
    """A Stockholm wall-clock minute, 'ÅÅÅÅ-MM-DD HH:MM', for the global ``--now``."""

    name = _("'ÅÅÅÅ-MM-DD HH:MM'")

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> datetime:
        if isinstance(value, datetime):
            return value
        text = " ".join(str(value).split())
        for layout in ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M"):
            try:
                return datetime.strptime(text, layout).replace(tzinfo=STOCKHOLM)
            except ValueError:
                continue
        self.fail(
            _(
                "'{value}' är ingen giltig tidpunkt; skriv den som ÅÅÅÅ-MM-DD HH:MM (svensk tid)"
            ).format(value=value),
            param,
            ctx,
        )


MOMENT = MomentType()


class IdType(click.ParamType):
    """A numeric id as a list shows it: '85' or '#85'."""

    name = "ID"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        text = str(value).strip().removeprefix("#").strip()
        if text.isascii() and text.isdigit():
            return int(text)
        self.fail(
            _("'{value}' är inget id; skriv det som listan visar det, t.ex. #85").format(
                value=value
            ),
            param,
            ctx,
        )


ID = IdType()


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
                from app.safety.backups import daily_backup_if_due
                from app.safety.integrity import open_checked

                self._conn = open_checked(self.db_path, create=create)
                daily_backup_if_due(self._conn, self.db_path, self.clock)
            else:
                from db import open_db

                self._conn = open_db(self.db_path, create=create)
        return self._conn

    # Set by the global --now: the clock then stands at that minute, and --on is refused.
    fixed_now = False

    def on(self, value: date | None) -> date:
        self._refuse_both(value)
        return value or local_today(self.clock)

    def clock_on(self, value: date | None) -> Clock:
        """A clock standing at the start of working hours on ``--on``, or the command's own
        (the global ``--now``, else the real one)."""
        self._refuse_both(value)
        if value is None:
            return self.clock
        from datetime import time

        return FixedClock(datetime.combine(value, time(8), tzinfo=STOCKHOLM))

    def _refuse_both(self, value: date | None) -> None:
        if value is not None and self.fixed_now:
            raise click.UsageError(
                _(
                    "Ange antingen --now (dag och klockslag) eller --on (dagen, kl. 08:00), "
                    "inte båda."
                )
            )


pass_ctx = click.make_pass_decorator(Context)


def emit_json(data: Any) -> None:
    """One JSON document on stdout: indented for a person at a terminal, compact in a pipe."""
    indent = 2 if sys.stdout.isatty() else None
    click.echo(json.dumps(data, ensure_ascii=False, indent=indent))


def on_option(f: Any) -> Any:
    return click.option(
        "--on", "on", type=DATE, default=None, help=_("Datum att räkna på (standard: i dag).")
    )(f)


def as_option(f: Any) -> Any:
    return click.option(
        "--as",
        "as_",
        metavar=_("SIGNATUR"),
        default=None,
        help=_("Handläggare (standard: profilen)."),
    )(f)


def json_option(f: Any) -> Any:
    return click.option("--json", "as_json", is_flag=True, help=_("Skriv ett JSON-dokument."))(f)


def caseworker_of(ctx: Context, as_: str | None, *, check: bool = True) -> Any:
    """The caseworker ``--as`` names (default: the stored profile), in the database."""
    from app.priority.profile import resolve_caseworker

    return resolve_caseworker(ctx.conn(check=check), as_)
