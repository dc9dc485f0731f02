"""File import into the stock (CSV, XLSX, JSON Lines): one file is one transaction; history.

Public API::

    result = import_file(conn, path, clock=clock, actor="hl01")
    result.created, result.updated, result.unchanged, result.rejected
    result.rejects          # the first 1,000 Reject(file, line, field, reason)
    result.reject_file      # the reject report (CSV), or None when nothing was rejected
    result.new_impulse_ids  # impulses.id of the impulses this import created
    import_history(conn, limit=20)

``import_file`` raises :class:`UnreadableFileError` (exit code 2) when the file cannot be
read at all; a 'failed' run is recorded first and the exception's ``result`` holds it.
``progress(done, total)`` is called every few thousand rows; raising from it cancels
the import, which then leaves the database as it was.

The window part (File → Importera…, drag and drop, the watched folder's timer) calls
these functions on a worker thread with its own connection; see also
:mod:`app.exchange.folder` and :mod:`app.exchange.export`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from app.base.clock import Clock, local_today, utc_iso
from app.base.errors import InvalidInputError
from app.base.i18n import _
from app.exchange.apply import CREATED, REJECTED, UNCHANGED, UPDATED, Applier, RowError, Validator
from app.exchange.readers import FileInfo, SourceRow, UnreadableFileError, inspect_file, open_source
from app.exchange.rejects import Reject, RejectWriter, default_reject_path
from db import queries, transaction

__all__ = [
    "FAILED",
    "OK",
    "PARTIAL",
    "SKIPPED",
    "ImportResult",
    "ImportRun",
    "Reject",
    "UnreadableFileError",
    "already_imported",
    "default_reject_path",
    "import_file",
    "import_history",
]

Progress = Callable[[int, int], None]
PROGRESS_EVERY = 2000
OK, PARTIAL, FAILED, SKIPPED = "ok", "partial", "failed", "skipped"


@dataclass
class ImportResult:
    """What importing one file did."""

    file: str
    format: str | None
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    rejects: list[Reject] = field(default_factory=list)
    reject_file: Path | None = None
    new_impulse_ids: list[int] = field(default_factory=list)
    status: str = OK  # ok, partial, failed (unreadable), skipped (already imported)
    run_id: int | None = None
    sha256: str | None = None
    by_type: dict[str, dict[str, int]] = field(default_factory=dict)
    ignored_columns: list[str] = field(default_factory=list)
    message: str | None = None  # why a file failed or was skipped
    moved_to: Path | None = None  # where the watched folder moved the file

    @property
    def name(self) -> str:
        return Path(self.file).name

    @property
    def exit_code(self) -> int:
        """0 all rows accepted, 1 some rejected, 2 unreadable."""
        if self.status == FAILED:
            return 2
        return 1 if self.rejected else 0

    def summary_sv(self) -> str:
        """'SP.csv: 120 nya, 3 uppdaterade, 0 oförändrade, 2 avvisade (se SP.avvisade.csv)'."""
        if self.status == FAILED:
            return self.message or _("{name}: filen kunde inte läsas.").format(name=self.name)
        if self.status == SKIPPED:
            return self.message or _("{name}: redan importerad, hoppades över.").format(
                name=self.name
            )
        text = _(
            "{name}: {created} nya, {updated} uppdaterade, {unchanged} oförändrade, "
            "{rejected} avvisade"
        ).format(
            name=self.name,
            created=self.created,
            updated=self.updated,
            unchanged=self.unchanged,
            rejected=self.rejected,
        )
        if self.reject_file is not None:
            text += f" (se {self.reject_file.name})"
        return text

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "format": self.format,
            "status": self.status,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": self.rejected,
            "reject_file": str(self.reject_file) if self.reject_file else None,
            "rejects": [r.as_json() for r in self.rejects],
            "new_impulses": len(self.new_impulse_ids),
            "by_type": self.by_type,
            "ignored_columns": self.ignored_columns,
            "message": self.message,
            "run_id": self.run_id,
            "moved_to": str(self.moved_to) if self.moved_to else None,
        }


@dataclass(frozen=True, slots=True)
class ImportRun:
    """One line of the import history."""

    id: int
    started_at: str
    finished_at: str | None
    file_name: str
    file_sha256: str | None
    format: str | None
    source: str | None
    created: int
    updated: int
    unchanged: int
    rejected: int
    status: str
    reject_file: str | None
    message: str | None = None  # a failed run: why the file could not be read

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "started_at": self.started_at,
            "finished_at": self.finished_at,
            "file": self.file_name,
            "format": self.format,
            "source": self.source,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": self.rejected,
            "status": self.status,
            "reject_file": self.reject_file,
            "message": self.message,
        }


def import_history(conn: sqlite3.Connection, limit: int = 20) -> list[ImportRun]:
    """The latest imports, newest first; a failed one with the reason it was refused."""
    rows = conn.execute(
        "SELECT id, started_at, finished_at, file_name, file_sha256, format, source, created, "
        "updated, unchanged, rejected, status, reject_file FROM import_runs "
        "ORDER BY started_at DESC, id DESC LIMIT ?",
        (max(0, int(limit)),),
    ).fetchall()
    runs = [ImportRun(*tuple(r)) for r in rows]
    failed = {r.finished_at for r in runs if r.status == FAILED and r.finished_at}
    if not failed:
        return runs
    # The reason is in the run's import.failed event, written at the run's finishing time.
    reasons = dict(
        conn.execute(
            "SELECT json_extract(detail, '$.import_run'), json_extract(detail, '$.reason') "
            "FROM events WHERE case_id IS NULL AND at IN (SELECT value FROM json_each(?)) "
            "AND kind = 'import.failed'",
            (json.dumps(sorted(failed)),),
        ).fetchall()
    )
    return [replace(r, message=reasons.get(r.id)) if r.status == FAILED else r for r in runs]


def already_imported(conn: sqlite3.Connection, sha256: str) -> ImportRun | None:
    """The latest successful (ok or partial) import of a file with this content, if any."""
    row = conn.execute(
        "SELECT id, started_at, finished_at, file_name, file_sha256, format, source, created, "
        "updated, unchanged, rejected, status, reject_file FROM import_runs "
        "WHERE file_sha256 = ? AND status IN ('ok', 'partial') ORDER BY id DESC LIMIT 1",
        (sha256,),
    ).fetchone()
    return None if row is None else ImportRun(*tuple(row))


def import_file(
    conn: sqlite3.Connection,
    path: str | Path,
    *,
    clock: Clock,
    actor: str | None,
    reject_file: str | Path | None = None,
    progress: Progress | None = None,
    source: str = "file",
    info: FileInfo | None = None,
) -> ImportResult:
    """Import one file in one transaction; rejected rows go to the reject report.

    ``source`` is recorded in the history ('cli', 'window', 'inbox', ...); ``info`` is the
    result of :func:`readers.inspect_file` when the caller has already hashed the file.
    """
    path = Path(path)
    started = utc_iso(clock.now())
    target = Path(reject_file) if reject_file is not None else default_reject_path(path)
    if target.expanduser().resolve() == path.expanduser().resolve():
        raise InvalidInputError(
            _("Avvisningsfilen får inte vara samma fil som den som importeras.")
        )
    try:
        info = info or inspect_file(path)
        from app.safety.backups import backup_before_import

        backup_before_import(conn, clock)
        with open_source(info) as src:
            return _run(conn, src, info, target, started, clock, actor, progress, source)
    except UnreadableFileError as exc:
        exc.result = _record_failed(conn, path, info, started, clock, source, str(exc))
        raise


def _run(
    conn: sqlite3.Connection,
    src: Any,
    info: FileInfo,
    target: Path,
    started: str,
    clock: Clock,
    actor: str | None,
    progress: Progress | None,
    source: str,
) -> ImportResult:
    writer = RejectWriter(target, src.columns)
    committed = False

    def on_reject(row: SourceRow, field_name: str, reason: str) -> None:
        writer.add(Reject(row.label, row.line, field_name, reason), row.original)

    try:
        with transaction(conn):
            run_id = int(
                conn.execute(
                    "INSERT INTO import_runs (started_at, file_name, file_sha256, format, source, "
                    "status) VALUES (?, ?, ?, ?, ?, 'running')",
                    (started, info.path.name, info.sha256, info.format, source),
                ).lastrowid
                or 0
            )
            applier = Applier(
                conn, now=started, actor=actor, run_id=run_id, mixed=src.mixed, on_reject=on_reject
            )
            validator = Validator(local_today(clock))
            validate, add, reject = validator.validate, applier.add, applier.reject_row
            for count, row in enumerate(src.rows(), start=1):
                try:
                    record = validate(row)
                except RowError as exc:
                    reject(row, exc.field, exc.reason)
                else:
                    add(record)
                if progress is not None and count % PROGRESS_EVERY == 0:
                    progress(*src.position())
            applier.finish()
            if applier.impulse_doc_kinds:
                _wake_snoozed(conn, applier.impulse_doc_kinds, clock)
            totals = applier.totals()
            status = PARTIAL if totals[REJECTED] else OK
            reject_path = writer.commit()
            committed = reject_path is not None
            conn.execute(
                "UPDATE import_runs SET finished_at = ?, created = ?, updated = ?, "
                "unchanged = ?, rejected = ?, status = ?, reject_file = ? WHERE id = ?",
                (
                    utc_iso(clock.now()),
                    totals[CREATED],
                    totals[UPDATED],
                    totals[UNCHANGED],
                    totals[REJECTED],
                    status,
                    str(reject_path) if reject_path else None,
                    run_id,
                ),
            )
    except BaseException:
        writer.discard(committed=committed)
        raise
    if progress is not None:
        done = src.position()
        progress(done[1], done[1])
    return ImportResult(
        file=str(info.path),
        format=info.format,
        created=totals[CREATED],
        updated=totals[UPDATED],
        unchanged=totals[UNCHANGED],
        rejected=totals[REJECTED],
        rejects=list(writer.kept),
        reject_file=reject_path,
        new_impulse_ids=applier.new_impulse_ids,
        status=status,
        run_id=run_id,
        sha256=info.sha256,
        by_type={k: dict(v) for k, v in applier.counts.items()},
        ignored_columns=list(src.ignored_columns),
    )


def _record_failed(
    conn: sqlite3.Connection,
    path: Path,
    info: FileInfo | None,
    started: str,
    clock: Clock,
    source: str,
    message: str,
) -> ImportResult:
    """A 'failed' run in its own small transaction, and an event saying why."""
    now = utc_iso(clock.now())
    with transaction(conn):
        run_id = conn.execute(
            "INSERT INTO import_runs (started_at, finished_at, file_name, file_sha256, format, "
            "source, status) VALUES (?, ?, ?, ?, ?, ?, 'failed')",
            (
                started,
                now,
                path.name,
                info.sha256 if info else None,
                info.format if info else None,
                source,
            ),
        ).lastrowid
        queries.append_event(
            conn,
            case_id=None,
            at=now,
            actor=None,
            kind="import.failed",
            detail={"import_run": run_id, "reason": message},
        )
    return ImportResult(
        file=str(path),
        format=info.format if info else None,
        status=FAILED,
        run_id=run_id,
        sha256=info.sha256 if info else None,
        message=message,
    )


def _wake_snoozed(conn: sqlite3.Connection, doc_kinds: dict[int, str | None], clock: Clock) -> None:
    """Wake follow-ups snoozed "until a new document arrives" on cases with a new impulse."""
    try:
        from app.followups.store import wake_snoozed
    except ImportError:  # the follow-up engine is not there (yet)
        return
    now = utc_iso(clock.now())
    waiting = [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT case_id FROM follow_ups WHERE state = 'open' AND deleted_at IS NULL "
            "AND snoozed_until > ? AND wake_on IN ('any_impulse', 'certificate')",
            (now,),
        )
        if r[0] in doc_kinds
    ]
    for case_id in waiting:
        wake_snoozed(conn, case_id, doc_kinds[case_id], clock)
