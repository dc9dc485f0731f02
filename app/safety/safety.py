"""Keeping a caseworker's data safe: backups, the start-up integrity check, privacy, retention.

Public API (the window and the command line use the same functions)::

    backups_folder(db_path) -> Path                      # db_path.parent / "backups"
    take_backup(db_path_or_conn, reason, clock) -> Path  # manual, daily, pre-import, ...
    backup_before_import(conn, clock) -> Path | None
    daily_backup_if_due(conn, db_path, clock) -> Path | None
    list_backups(db_path) -> list[BackupInfo]            # newest first
    restore_backup(db_path, backup, clock) -> RestoreResult
    resolve_backup(db_path, text) -> Path                # a path, or a name in backups/
    check_on_start(db_path) -> IntegrityReport           # PRAGMA quick_check, read-only
    open_checked(db_path) -> sqlite3.Connection          # refuses a damaged database
    reveal_pin(conn, case_ref, actor, clock) -> str      # writes a 'pin.revealed' event
    purge_preview(conn, on, days=None) -> PurgePreview
    purge(conn, on, actor, clock, days=None) -> int

Settings (``settings`` table, scope ''): ``backup.keep`` (backups kept, default 14),
``backup.last_daily`` (the local date of the last daily backup), ``retention.days``
(days after closing before a closed case may be purged, default 90).

Nothing here logs a name or a personal identity number: the log gets counts only.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from app.base.clock import STOCKHOLM, Clock, local_today, utc_iso
from app.base.errors import InvalidInputError, NotFoundError, OverblickError
from app.base.i18n import _
from app.safety.pin import format_pin
from db import backup as storage
from db import queries, transaction
from db.backup import BackupInfo, RestoreResult

__all__ = [
    "DEFAULT_KEEP",
    "DEFAULT_RETENTION_DAYS",
    "BackupInfo",
    "DatabaseDamagedError",
    "IntegrityReport",
    "PurgePreview",
    "RestoreResult",
    "backup_before_import",
    "backups_folder",
    "check_on_start",
    "daily_backup_if_due",
    "keep_count",
    "list_backups",
    "open_checked",
    "purge",
    "purge_preview",
    "resolve_backup",
    "restore_backup",
    "retention_days",
    "reveal_pin",
    "take_backup",
]

log = logging.getLogger("overblick.safety")
log.addHandler(logging.NullHandler())  # the command line prints one line, not log records

DEFAULT_KEEP = storage.DEFAULT_KEEP
DEFAULT_RETENTION_DAYS = 90
KEEP_KEY = "backup.keep"
LAST_DAILY_KEY = "backup.last_daily"
RETENTION_KEY = "retention.days"
PIN_REVEALED = "pin.revealed"
RETENTION_PURGED = "retention.purged"


# --- backups -----------------------------------------------------------------------------


def backups_folder(db_path: str | os.PathLike[str]) -> Path:
    """The ``backups/`` folder beside the database."""
    return storage.backups_folder(db_path)


def keep_count(conn: sqlite3.Connection) -> int:
    """How many backups to keep: settings 'backup.keep', default 14."""
    return storage.keep_setting(conn)


def _keep_for_path(db_path: Path) -> int:
    if not db_path.is_file():
        return DEFAULT_KEEP
    try:
        conn = sqlite3.connect(db_path.resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error:
        return DEFAULT_KEEP
    try:
        return storage.keep_setting(conn)
    finally:
        conn.close()


def take_backup(
    db_path_or_conn: sqlite3.Connection | str | os.PathLike[str], reason: str, clock: Clock
) -> Path:
    """An online backup into ``backups/`` named by the clock's local time; then prune.

    Given a connection, the backup is taken through it (call it outside a transaction);
    given a path, the file is read through a read-only connection.
    """
    if reason not in storage.REASONS:
        raise InvalidInputError(
            _("Okänd anledning till säkerhetskopia '{reason}'; välj en av {REASONS}.").format(
                reason=reason, REASONS=", ".join(storage.REASONS)
            )
        )
    now = clock.now().astimezone(STOCKHOLM).replace(tzinfo=None)
    if isinstance(db_path_or_conn, sqlite3.Connection):
        db_path = storage.db_file_of(db_path_or_conn)
        keep = keep_count(db_path_or_conn)
    else:
        db_path = Path(db_path_or_conn).expanduser()
        from db import NotADatabaseError, inspect_file

        with contextlib.suppress(NotADatabaseError):  # a damaged database is backed up too
            inspect_file(db_path)  # no backups/ folder beside another program's file
        keep = _keep_for_path(db_path)
    dest = storage.backup_into_folder(
        db_path_or_conn, backups_folder(db_path), reason, now=now, keep=keep
    )
    log.info("Säkerhetskopia tagen (%s): %s", reason, dest.name)
    return dest


def _has_data(conn: sqlite3.Connection) -> bool:
    try:
        return (
            conn.execute(
                "SELECT EXISTS(SELECT 1 FROM cases) OR EXISTS(SELECT 1 FROM caseworkers)"
            ).fetchone()[0]
            == 1
        )
    except sqlite3.OperationalError:  # no schema yet
        return False


def backup_before_import(conn: sqlite3.Connection, clock: Clock) -> Path | None:
    """A ``pre-import`` backup, unless the database is still empty (nothing to lose).

    Call it before the import's transaction. Inside a caller's transaction it does
    nothing (a backup through that connection would hold its uncommitted changes).
    """
    if conn.in_transaction or not _has_data(conn):
        return None
    return take_backup(conn, "pre-import", clock)


def daily_backup_if_due(
    conn: sqlite3.Connection, db_path: str | os.PathLike[str], clock: Clock
) -> Path | None:
    """The day's ``daily`` backup, if none was taken today (settings 'backup.last_daily').

    Cheap when not due (one settings read). An empty database is not backed up.
    """
    today = local_today(clock).isoformat()
    if queries.get_setting(conn, LAST_DAILY_KEY) == today or not _has_data(conn):
        return None
    if Path(db_path).expanduser().resolve() != storage.db_file_of(conn).resolve():
        raise InvalidInputError(_("Anslutningen och databasfilen hör inte ihop."))
    dest = take_backup(conn, "daily", clock)
    with transaction(conn):
        queries.put_setting(conn, LAST_DAILY_KEY, today)
    return dest


def list_backups(db_path: str | os.PathLike[str]) -> list[BackupInfo]:
    """The database's backups, newest first."""
    return storage.list_backups(backups_folder(db_path))


def resolve_backup(db_path: str | os.PathLike[str], text: str | os.PathLike[str]) -> Path:
    """A backup named by path, or by its file name in the database's ``backups/`` folder."""
    path = Path(text).expanduser()
    if path.is_file():
        return path
    beside = backups_folder(db_path) / path.name
    if beside.is_file():
        return beside
    raise NotFoundError(
        _("Säkerhetskopian {text} finns inte (varken som sökväg eller i {db_path}).").format(
            text=text, db_path=backups_folder(db_path)
        )
    )


def restore_backup(
    db_path: str | os.PathLike[str], backup: str | os.PathLike[str], clock: Clock
) -> RestoreResult:
    """Restore the database from ``backup`` (see db.backup.restore); logs file names only.

    Raises db.backup.BackupDamagedError (a StorageError, exit code 2) for a damaged backup.
    """
    db_path = Path(db_path).expanduser()
    now = clock.now().astimezone(STOCKHOLM).replace(tzinfo=None)
    keep = _keep_for_path(db_path)
    result = storage.restore(backup, db_path, now=now, keep=keep)
    log.info(
        "Databasen återställd från %s (föregående läge sparat i %s).",
        result.restored_from.name,
        result.pre_restore.name if result.pre_restore else "-",
    )
    return result


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


# --- privacy -----------------------------------------------------------------------------


def _actor_id(actor: Any) -> str | None:
    if actor is None or isinstance(actor, str):
        return actor
    return str(actor.ext_id)


def reveal_pin(conn: sqlite3.Connection, case_ref: str, actor: Any, clock: Clock) -> str:
    """The case's whole personal identity number, after writing a 'pin.revealed' event.

    A deliberate action: the event names the case (its id) and who asked, never the number.
    ``actor`` is a signature or a Caseworker.
    """
    who = _actor_id(actor)
    with transaction(conn):
        row = conn.execute("SELECT id, pin FROM cases WHERE case_ref = ?", (case_ref,)).fetchone()
        if row is None:
            raise NotFoundError(_("Det finns inget ärende '{case_ref}'.").format(case_ref=case_ref))
        if not row[1]:
            raise InvalidInputError(
                _("Ärendet {case_ref} saknar personnummer.").format(case_ref=case_ref)
            )
        formatted = format_pin(row[1])
        queries.append_event(
            conn, case_id=row[0], at=utc_iso(clock.now()), actor=who, kind=PIN_REVEALED
        )
    return formatted


# --- retention ---------------------------------------------------------------------------


def retention_days(conn: sqlite3.Connection) -> int:
    """Days after closing before a closed case may be purged: 'retention.days', default 90."""
    value = queries.get_setting(conn, RETENTION_KEY)
    try:
        days = int(value) if value is not None else DEFAULT_RETENTION_DAYS
    except (TypeError, ValueError):
        days = DEFAULT_RETENTION_DAYS
    return max(0, days)


@dataclass(frozen=True)
class PurgePreview:
    """What a purge on ``on`` would remove (case references, row counts per table)."""

    on: date
    days: int
    closed_before: date  # cases closed on or before this date go
    case_refs: list[str]
    counts: dict[str, int]
    closed_without_date: int = 0  # closed cases with no closing date: kept

    @property
    def total_rows(self) -> int:
        return sum(self.counts.values())

    def as_json(self) -> dict[str, Any]:
        return {
            "on": self.on.isoformat(),
            "days": self.days,
            "closed_on_or_before": self.closed_before.isoformat(),
            "cases": len(self.case_refs),
            "case_refs": list(self.case_refs),
            "counts": dict(self.counts),
            "closed_without_date": self.closed_without_date,
        }


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _fk_edges(conn: sqlite3.Connection) -> list[tuple[str, str, str, str]]:
    """(child table, child column, parent table, parent column) for every foreign key."""
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'"
        )
    ]
    edges = []
    for table in tables:
        for fk in conn.execute(f"PRAGMA foreign_key_list({_quote(table)})").fetchall():
            # A key without a parent column points at the parent's rowid (left unquoted).
            edges.append((table, _quote(fk[3]), fk[2], _quote(fk[4]) if fk[4] else "rowid"))
    return edges


def _purge_plan(conn: sqlite3.Connection, cases_where: str) -> list[tuple[str, str]]:
    """(table, WHERE) for the purged cases and every row that depends on them, children first.

    Found through the foreign keys, so a table added by a later migration is included.
    """
    edges = _fk_edges(conn)
    conditions: dict[str, str] = {"cases": cases_where}

    def condition(table: str, visiting: frozenset[str]) -> str | None:
        if table in conditions:
            return conditions[table]
        parts = []
        for child, column, parent, parent_column in edges:
            if child != table or parent in visiting or parent == table:
                continue
            parent_where = condition(parent, visiting | {table})
            if parent_where is not None:
                parts.append(
                    f"{column} IN (SELECT {parent_column} FROM {_quote(parent)} "
                    f"WHERE {parent_where})"
                )
        if not parts:
            return None
        where = " OR ".join(f"({p})" for p in parts)
        conditions[table] = where
        return where

    for child, *_rest in edges:
        condition(child, frozenset())
    # Delete a table only after every table that references it.
    refs = {
        t: {c for c, _, p, _ in edges if p == t and c in conditions and c != t} for t in conditions
    }
    order: list[str] = []
    pending = set(conditions)
    while pending:
        ready = sorted(t for t in pending if not (refs[t] & pending))
        if not ready:  # a cycle: delete what is left in name order (foreign keys decide)
            ready = sorted(pending)
        order.extend(ready)
        pending -= set(ready)
    return [(t, conditions[t]) for t in order]


def _cases_where(cutoff: date) -> str:
    # The date is formatted by date.isoformat(), so it is safe to put into the SQL.
    return (
        "status = 'closed' AND closed_on IS NOT NULL AND closed_on <> '' "
        f"AND substr(closed_on, 1, 10) <= '{cutoff.isoformat()}'"
    )


def _cutoff(conn: sqlite3.Connection, on: date, days: int | None) -> tuple[int, date]:
    if days is None:
        days = retention_days(conn)
    if days < 0:
        raise InvalidInputError(_("Antalet dagar före gallring kan inte vara negativt."))
    return days, on - timedelta(days=days)


def _preview(conn: sqlite3.Connection, on: date, days: int | None) -> PurgePreview:
    days, cutoff = _cutoff(conn, on, days)
    where = _cases_where(cutoff)
    refs = [
        r[0] for r in conn.execute(f"SELECT case_ref FROM cases WHERE {where} ORDER BY case_ref")
    ]
    counts = {
        table: int(conn.execute(f"SELECT count(*) FROM {_quote(table)} WHERE {w}").fetchone()[0])
        for table, w in _purge_plan(conn, where)
    }
    undated = conn.execute(
        "SELECT count(*) FROM cases WHERE status = 'closed' "
        "AND (closed_on IS NULL OR closed_on = '')"
    ).fetchone()[0]
    return PurgePreview(on, days, cutoff, refs, dict(sorted(counts.items())), int(undated))


def purge_preview(conn: sqlite3.Connection, on: date, days: int | None = None) -> PurgePreview:
    """The closed cases a purge on ``on`` would remove, with all their rows, counted.

    A case goes when it is closed and its closing date is at least ``days`` (default:
    settings 'retention.days', 90) before ``on``. Closed cases without a closing date stay.
    """
    return _preview(conn, on, days)


def _fts_tables(conn: sqlite3.Connection, tables: list[str]) -> list[str]:
    found = []
    for table in tables:
        row = conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (f"{table}_fts",)
        ).fetchone()
        if row is not None and "fts5" in (row[0] or "").lower():
            found.append(f"{table}_fts")
    return found


def _fk_violations(conn: sqlite3.Connection, tables: list[str]) -> set[tuple[Any, ...]]:
    found: set[tuple[Any, ...]] = set()
    for table in tables:
        found |= {tuple(r) for r in conn.execute(f"PRAGMA foreign_key_check({_quote(table)})")}
    return found


def purge(
    conn: sqlite3.Connection, on: date, actor: Any, clock: Clock, days: int | None = None
) -> int:
    """Delete the cases :func:`purge_preview` lists, and every row of theirs; return how many.

    One transaction: all of it or none. Their events go too; a 'retention.purged' event
    with the counts only (no case ids) records that a purge happened. Deleted content is
    overwritten (``secure_delete``) and the search index is rebuilt without it. The log
    gets the count only.
    """
    who = _actor_id(actor)
    previous_secure = conn.execute("PRAGMA secure_delete").fetchone()[0]
    previous_fk = conn.execute("PRAGMA foreign_keys").fetchone()[0]
    conn.execute("PRAGMA secure_delete = ON")
    if not conn.in_transaction:
        # Deleting sick periods would make SQLite scan every certificate once per period
        # (no index on certificates.sick_period_id): the keys are checked once at the end.
        conn.execute("PRAGMA foreign_keys = OFF")
    try:
        with transaction(conn):
            days_used, cutoff = _cutoff(conn, on, days)
            where = _cases_where(cutoff)
            plan = _purge_plan(conn, where)
            before = _fk_violations(conn, [t for t, _ in plan])
            counts: dict[str, int] = {}
            for table, table_where in plan:
                cur = conn.execute(f"DELETE FROM {_quote(table)} WHERE {table_where}")
                counts[table] = max(0, cur.rowcount)
            if _fk_violations(conn, [t for t, _ in plan]) - before:
                raise RuntimeError("purge would leave rows pointing at deleted cases")
            purged = counts.get("cases", 0)
            if purged:
                for fts in _fts_tables(conn, [t for t, n in counts.items() if n]):
                    # Drop the deleted names' tokens from the index now, not at a later merge.
                    conn.execute(f"INSERT INTO {_quote(fts)}({_quote(fts)}) VALUES ('optimize')")
            queries.append_event(
                conn,
                case_id=None,
                at=utc_iso(clock.now()),
                actor=who,
                kind=RETENTION_PURGED,
                detail={
                    "cases": purged,
                    "rows": sum(counts.values()),
                    "days": days_used,
                    "closed_on_or_before": cutoff.isoformat(),
                },
            )
    finally:
        conn.execute(f"PRAGMA secure_delete = {int(previous_secure)}")
        conn.execute(f"PRAGMA foreign_keys = {int(previous_fk)}")
    log.info(
        "Gallring: %d avslutade ärenden och %d rader borttagna (avslutade senast %s).",
        purged,
        sum(counts.values()),
        cutoff.isoformat(),
    )
    return purged
