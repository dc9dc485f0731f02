"""The integrity check before a database is opened for writing: a damaged database is
refused with a report, never written into.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.base.errors import OverblickError
from app.safety.backups import backups_folder
from db import backup as storage

log = logging.getLogger("overblick.safety")
if not log.handlers:  # the command line prints one line, not log records
    log.addHandler(logging.NullHandler())


# --- integrity on start ------------------------------------------------------------------


@dataclass(frozen=True)
class IntegrityReport:
    """The start-up check: is the database whole, and which backup to offer if not."""

    db_path: Path
    ok: bool
    problems: list[str] = field(default_factory=list)
    newest_good_backup: Path | None = None

    def explanation_sv(self) -> str:
        """What the window shows and the command line prints when the check fails."""
        if self.ok:
            return f"Databasen {self.db_path} är hel."
        more = f" och {len(self.problems) - 1} fel till" if len(self.problems) > 1 else ""
        first = self.problems[0] if self.problems else "okänt fel"
        text = (
            f"Databasen {self.db_path} är skadad (quick_check: {first}{more}). "
            "Den har inte öppnats för skrivning och har inte ändrats."
        )
        if self.newest_good_backup is not None:
            return (
                f"{text} Den senaste säkerhetskopian som är hel är "
                f"{self.newest_good_backup.name}; återställ den med "
                f"'overblick backup restore {self.newest_good_backup}'."
            )
        return (
            f"{text} Det finns ingen hel säkerhetskopia i {backups_folder(self.db_path)}; "
            "kontakta IT-supporten och spara filen som den är."
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "db": str(self.db_path),
            "ok": self.ok,
            "problems": list(self.problems),
            "newest_good_backup": str(self.newest_good_backup) if self.newest_good_backup else None,
            "message": None if self.ok else self.explanation_sv(),
        }


class DatabaseDamagedError(OverblickError):
    """The database fails its integrity check; it is not opened (exit code 2)."""

    exit_code = 2

    def __init__(self, report: IntegrityReport) -> None:
        super().__init__(report.explanation_sv())
        self.report = report


def check_on_start(db_path: str | os.PathLike[str], *, quick: bool = True) -> IntegrityReport:
    """``PRAGMA quick_check`` through a read-only connection; a missing file is ok (new)."""
    db_path = Path(db_path).expanduser()
    if not db_path.exists() or (db_path.is_file() and db_path.stat().st_size == 0):
        return IntegrityReport(db_path, True)
    problems = storage.integrity(db_path, quick=quick)
    if not problems:
        return IntegrityReport(db_path, True)
    good = storage.newest_good_backup(backups_folder(db_path))
    log.warning("Integritetskontrollen hittade %d fel i databasen.", len(problems))
    return IntegrityReport(db_path, False, problems, good)


def open_checked(
    db_path: str | os.PathLike[str], *, migrate: bool = True, create: bool = True
) -> sqlite3.Connection:
    """Check the database (read-only) and only then open it for writing.

    Raises :class:`DatabaseDamagedError` (exit code 2) naming the newest backup that
    passes, so that a damaged database is never opened for writing. Another program's
    SQLite file, and (unless ``create``) a missing one, are refused before anything
    else reads it (db.inspect_file).
    """
    from db import NotADatabaseError, inspect_file, open_db

    with contextlib.suppress(NotADatabaseError):  # damage: the check below explains it
        inspect_file(db_path, create=create)
    report = check_on_start(db_path)
    if not report.ok and (report.newest_good_backup is not None or _has_sqlite_header(db_path)):
        raise DatabaseDamagedError(report)
    # A file that never was a database (no SQLite header, no backups beside it): open_db
    # refuses it with its own message and leaves it untouched.
    return open_db(db_path, migrate=migrate, create=create)


def _has_sqlite_header(db_path: str | os.PathLike[str]) -> bool:
    path = Path(db_path).expanduser()
    try:
        with path.open("rb") as fh:
            return fh.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False
