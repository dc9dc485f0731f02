"""Import validation and upsert: rows become records, records are written in batches.

Everything here runs inside the one transaction :func:`app.exchange.importer.import_file` opens
for a file. Rows are validated one by one; valid records are buffered per entity and
written in batches (``executemany``), parents before children, comparing each record with
the row already stored under its external id to tell *created*, *updated* and
*unchanged* apart. An update writes one ``import.updated`` event listing the changed
fields (values only for fields that are neither names, personal identity numbers nor
free text).

Ownership: an import writes only the fields listed in :mod:`app.exchange.fields`. What the
caseworker records in the app (impulse outcomes and read marks, personal follow-ups,
planned dates, notes, the case fields in ``app.casework.EDITABLE`` other than the two flags
the case system owns) has no column here and is never touched. Two rules protect the
rest: an imported follow-up that the caseworker has closed or deleted is left alone, and a
contact's consent that the caseworker recorded in the app (a ``contact.consent`` event that
was not undone) is never overwritten.

Longer than 500 lines on purpose: validation, reference lookups and the batched upserts
share one ``_Importer`` and its per-file state inside one transaction; keeping them
together keeps the order of writes (parents before children) in one place.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from typing import Any

from app.base.i18n import _, label
from app.case.closing import af_offer_missing
from app.exchange import fields as F
from app.exchange.readers import SourceRow

BATCH = 5000  # records buffered before a write
FTS_TABLES = ("cases", "impulses")  # tables with a full-text index fed by triggers
DEFER_FTS_FROM = 500  # new rows in one batch from which the index is filled in bulk
CHUNK = 5000  # keys per lookup query
MAX_PLANS = 1000  # cached ways of reading a row (one per header, or per JSON key set)
IN = "IN (SELECT value FROM json_each(?))"  # keys passed as one JSON list: no variable limit
CREATED, UPDATED, UNCHANGED, REJECTED = "created", "updated", "unchanged", "rejected"
PERIOD_FIELDS = ("period_id", "period_start", "period_end", "period_extent")
REF_TABLE = {"caseworker_id": "caseworker", "owner_id": "caseworker"}

RejectSink = Callable[[SourceRow, str, str], None]


def _chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _marks(n: int) -> str:
    return ",".join("?" * n)


class Record:
    """A validated row: its entity, external id and parsed values (None clears a field)."""

    __slots__ = ("columns", "entity", "key", "refs", "row", "values")

    def __init__(
        self, entity: str, key: str, values: dict[str, Any], row: SourceRow, columns: dict[str, str]
    ) -> None:
        self.entity = entity
        self.key = key
        self.values = values
        self.row = row
        self.columns = columns  # canonical field -> the file's column name
        self.refs: dict[str, Any] = {}  # db column -> resolved internal id

    def column(self, name: str) -> str:
        return self.columns.get(name) or F.ENTITIES[self.entity].by_name[name].column


class RowError(Exception):
    def __init__(self, field: str, reason: str) -> None:
        super().__init__(reason)
        self.field = field
        self.reason = reason


class _Plan:
    """How to read rows with one set of columns as one entity: worked out once per header."""

    __slots__ = ("columns", "keys", "required", "steps")

    def __init__(
        self, entity: str, keys: Sequence[Any], by_index: bool, pin: Callable[[Any], str]
    ) -> None:
        spec = F.ENTITIES[entity]
        self.keys = keys  # held, so that the id() a plan is found by is not reused
        self.columns: dict[str, str] = {}  # canonical field -> the file's column name
        # (where in the row, its column, the field, the parser, whether empty means "keep")
        self.steps: list[tuple[Any, str, str, Callable[[Any], Any], bool]] = []
        for index, column in enumerate(keys):
            fs = spec.spec_for(column) if isinstance(column, str) else None
            if fs is None or fs.name in self.columns:
                continue
            self.columns[fs.name] = column
            parse: Any = pin if fs.parse == F.PIN else fs.parse
            where = index if by_index else column
            self.steps.append((where, column, fs.name, parse, fs.keep_when_empty))
        self.required = [fs for fs in spec.fields if fs.required]


class Validator:
    """Turns a :class:`SourceRow` into a :class:`Record`, or raises :class:`RowError`."""

    def __init__(self, today: date) -> None:
        self.today = today
        self._pin = F.make_pin_parser(today)
        self._plans: dict[tuple[str, Any], _Plan] = {}

    def _plan(self, row: SourceRow, entity: str) -> _Plan:
        if row.keys is not None:  # a list of cells under the file's one header
            plan_key: tuple[str, Any] = (entity, id(row.keys))
        else:
            plan_key = (entity, tuple(row.fields))
        plan = self._plans.get(plan_key)
        if plan is None:
            if len(self._plans) > MAX_PLANS:  # JSON records with ever new key sets
                self._plans.clear()
            keys = row.keys if row.keys is not None else plan_key[1]
            plan = _Plan(entity, keys, row.keys is not None, self._pin)
            self._plans[plan_key] = plan
        return plan

    def validate(self, row: SourceRow) -> Record:
        entity = row.entity
        if row.error is not None or entity is None:
            raise RowError(row.error_field, row.error or _("Okänd posttyp."))
        plan = self._plan(row, entity)
        fields: Any = row.fields
        values: dict[str, Any] = {}
        errors: list[tuple[str, str]] = []
        for where, column, name, parse, keep_when_empty in plan.steps:
            raw = fields[where]
            if raw is None or (raw.__class__ is str and not raw.strip()):
                if not keep_when_empty:
                    values[name] = None
                continue
            if isinstance(raw, dict | list):
                errors.append((column, _("Värdet ska vara text, ett tal eller ett datum.")))
                continue
            try:
                values[name] = parse(raw)
            except F.FieldError as exc:
                errors.append((column, str(exc)))
        columns = plan.columns
        for fs in plan.required:
            if values.get(fs.name) is None and not _has_error(errors, columns, fs):
                errors.append((columns.get(fs.name, fs.column), _missing(entity, fs)))
        if not errors and entity in CROSS_CHECKED:
            errors.extend(_cross_checks(entity, values, columns))
        if errors:
            field, reason = errors[0]
            if len(errors) > 1:
                others = ", ".join(dict.fromkeys(f for f, _ in errors[1:] if f != field))
                if others:
                    reason = _("{reason} Fler fel på raden: {others}.").format(
                        reason=reason, others=others
                    )
            raise RowError(field, reason)
        key = values.get(KEY_FIELD[entity])
        if key is None:  # a sick period without an id: its case and start date name it
            key = values[KEY_FIELD[entity]] = f"{values['case_ref']}/{values['start']}"
        return Record(entity, key, values, row, columns)


def _has_error(errors: list[tuple[str, str]], columns: dict[str, str], fs: F.FieldSpec) -> bool:
    column = columns.get(fs.name)
    return column is not None and any(c == column for c, _ in errors)


KEY_FIELD = {e.name: e.key for e in F.ENTITIES.values()}
CROSS_CHECKED = frozenset({F.CASE, F.SICK_PERIOD, F.CERTIFICATE, F.CONTACT})


def _missing(entity: str, fs: F.FieldSpec) -> str:
    if fs.name == F.ENTITIES[entity].key and fs.name != "case_ref":
        return _("{column} saknas; varje rad behöver ett eget id från källsystemet.").format(
            column=fs.column
        )
    if fs.name == "case_ref" and entity != F.CASE:
        return _("{column} saknas; ange vilket ärende raden hör till.").format(column=fs.column)
    return _("{column} saknas; fältet måste fyllas i.").format(column=fs.column)


def _cross_checks(
    entity: str, values: dict[str, Any], columns: dict[str, str]
) -> list[tuple[str, str]]:
    """Rules between fields of one row; a case also gets its birth date from the pin."""
    found: list[tuple[str, str]] = []

    def col(name: str) -> str:
        return columns.get(name) or F.ENTITIES[entity].by_name[name].column

    if entity == F.CASE:
        pin = values.get("pin")
        if pin:
            day = int(pin[6:8])
            derived = f"{pin[:4]}-{pin[4:6]}-{day - 60 if day > 60 else day:02d}"
            if values.get("birth_date") is None:
                values["birth_date"] = derived
            elif values["birth_date"] != derived:
                found.append(
                    (col("birth_date"), _("Födelsedatumet stämmer inte med personnumret."))
                )
        if _before(values.get("closed_on"), values.get("opened_on")):
            found.append(
                (col("closed_on"), _("Avslutsdatumet ligger före datumet då ärendet öppnades."))
            )
        start = values.get("period_start")
        if start is None and any(values.get(f) is not None for f in PERIOD_FIELDS[1:]):
            found.append((col("period_start"), _("Sjukperiodens startdatum saknas.")))
        if _before(values.get("period_end"), start):
            found.append((col("period_end"), _("Sjukperioden slutar före den börjar.")))
    elif entity == F.SICK_PERIOD:
        if _before(values.get("end"), values.get("start")):
            found.append((col("end"), _("Sjukperioden slutar före den börjar.")))
    elif entity == F.CERTIFICATE:
        if _before(values.get("to_date"), values.get("from_date")):
            found.append((col("to_date"), _("Intyget slutar före det börjar.")))
    elif entity == F.CONTACT and values.get("consent_on") and values.get("consent") is None:
        found.append((col("consent_on"), _("Samtyckesdatum utan samtycke; ange ja eller nej.")))
    return found


def _before(later: str | None, earlier: str | None) -> bool:
    return later is not None and earlier is not None and later < earlier


class Item:
    """One row to write: its record, key and the database columns it sets."""

    __slots__ = ("case_id", "cols", "key", "outcome", "record", "row_id")

    def __init__(self, record: Record, key: str, cols: dict[str, Any]) -> None:
        self.record = record
        self.key = key
        self.cols = cols
        self.case_id: int | None = cols.get("case_id")
        self.outcome = ""
        self.row_id: int | None = None


def _owned_columns(entity: str) -> tuple[str, ...]:
    spec = F.ENTITIES[entity]
    return tuple(
        fs.db_column
        for fs in spec.fields
        if fs.name != spec.key and fs.name not in PERIOD_FIELDS and not fs.create_only
    )


OWNED = {e: _owned_columns(e) for e in F.ENTITY_ORDER}
KEY_COLUMN = {e: F.ENTITIES[e].key for e in F.ENTITY_ORDER}
# canonical field -> table column, for the fields written as they are (not the key or period)
DB_COLUMN = {
    e: {
        fs.name: fs.db_column
        for fs in F.ENTITIES[e].fields
        if fs.name != F.ENTITIES[e].key and fs.name not in PERIOD_FIELDS
    }
    for e in F.ENTITY_ORDER
}
SENSITIVE = {
    e: {fs.db_column for fs in F.ENTITIES[e].fields if fs.sensitive} for e in F.ENTITY_ORDER
}
CANONICAL = {e: {fs.db_column: fs.name for fs in F.ENTITIES[e].fields} for e in F.ENTITY_ORDER}
EXTRA_SELECT = {
    F.CONTACT: ("consent_on",),
    F.FOLLOW_UP: ("state", "deleted_at"),
    # An NFA refusal waiting for the AF offer keeps the case open (app.case.closing).
    F.CASE: ("nfa_refusal_on", "af_offer", "af_written_info_on"),
}


class DeferredFts:
    """Fill a full-text index in one statement instead of one trigger call per inserted row.

    The table's AFTER INSERT trigger that feeds ``<table>_fts`` is dropped for the duration
    of the import and created again from its own stored SQL at the end, after the new rows
    (every rowid above the largest one before the import) are indexed in one
    ``INSERT ... SELECT``. All of it happens inside the import's transaction, so a failure
    or a kill rolls the trigger back too. Three to four times faster for 100,000 rows.
    """

    def __init__(self, conn: sqlite3.Connection, table: str) -> None:
        self.conn = conn
        self.table = table
        self.fts = f"{table}_fts"
        self.trigger: tuple[str, str] | None = None
        row = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? "
            "AND name = ?",
            (table, f"{table}_ai"),
        ).fetchone()
        if row is None or self.fts not in row[1]:
            return
        self.columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{self.fts}")')]
        self.max_rowid = conn.execute(f"SELECT coalesce(max(rowid), 0) FROM {table}").fetchone()[0]
        conn.execute(f'DROP TRIGGER "{row[0]}"')
        self.trigger = (row[0], row[1])

    def finish(self) -> None:
        if self.trigger is None:
            return
        names = ", ".join(f'"{c}"' for c in self.columns)
        self.conn.execute(
            f'INSERT INTO "{self.fts}" (rowid, {names}) SELECT rowid, {names} FROM {self.table} '
            "WHERE rowid > ?",
            (self.max_rowid,),
        )
        self.conn.execute(self.trigger[1])
        self.trigger = None


class Applier:
    """Buffers records per entity and writes them in batches inside the caller's transaction."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        *,
        now: str,
        actor: str | None,
        run_id: int,
        mixed: bool,
        on_reject: RejectSink,
    ) -> None:
        self.conn = conn
        self.now = now
        self.actor = actor
        self.run_id = run_id
        self.mixed = mixed
        self.on_reject = on_reject
        self.buffers: dict[str, list[Record]] = {e: [] for e in F.ENTITY_ORDER}
        self.deferred: dict[str, list[Record]] = {e: [] for e in F.ENTITY_ORDER}
        self.pending = 0
        self.counts: dict[str, dict[str, int]] = defaultdict(
            lambda: {CREATED: 0, UPDATED: 0, UNCHANGED: 0, REJECTED: 0}
        )
        self.new_impulse_ids: list[int] = []
        # case id -> the kind of its new documents ("certificate" wins), for waking follow-ups
        self.impulse_doc_kinds: dict[int, str | None] = {}
        self._caseworkers: dict[str, int] | None = None
        self._caseworker_ext: dict[int, str] | None = None
        self._consent_locked: set[int] | None = None
        self._fts: dict[str, DeferredFts] = {}
        conn.execute(
            "CREATE TEMP TABLE IF NOT EXISTS import_seen (entity TEXT NOT NULL, "
            "ext_id TEXT NOT NULL, line INTEGER, PRIMARY KEY (entity, ext_id)) WITHOUT ROWID"
        )
        conn.execute("DELETE FROM temp.import_seen")

    # -- public ---------------------------------------------------------------------------
    def add(self, record: Record) -> None:
        self.buffers[record.entity].append(record)
        self.pending += 1
        if self.pending >= BATCH:
            self.flush()

    def reject_row(self, row: SourceRow, field: str, reason: str) -> None:
        self.counts[row.entity or "unknown"][REJECTED] += 1
        self.on_reject(row, field, reason)

    def flush(self) -> None:
        for entity in F.ENTITY_ORDER:
            batch = self.buffers[entity]
            if batch:
                self.buffers[entity] = []
                self._apply(entity, batch, final=False, check_duplicates=True)
        self.pending = 0

    def finish(self) -> None:
        self.flush()
        for entity in F.ENTITY_ORDER:
            batch = self.deferred[entity]
            if batch:
                self.deferred[entity] = []
                self._apply(entity, batch, final=True, check_duplicates=False)
        for fts in self._fts.values():
            fts.finish()
        self.conn.execute("DROP TABLE IF EXISTS temp.import_seen")

    def totals(self) -> dict[str, int]:
        total = {CREATED: 0, UPDATED: 0, UNCHANGED: 0, REJECTED: 0}
        for per in self.counts.values():
            for key, value in per.items():
                total[key] += value
        return total

    # -- batches --------------------------------------------------------------------------
    def _reject(self, record: Record, field: str, reason: str) -> None:
        self.reject_row(record.row, field, reason)

    def _count(self, record: Record, outcome: str) -> None:
        self.counts[record.entity][outcome] += 1

    def _apply(
        self, entity: str, records: list[Record], *, final: bool, check_duplicates: bool
    ) -> None:
        if check_duplicates:
            records = self._drop_duplicates(entity, records)
        records = self._resolve(entity, records, final)
        if not records:
            return
        if entity == F.CASE:
            self._apply_cases(records)
            return
        items = [Item(r, r.key, self._cols(r)) for r in records]
        self._upsert(entity, items)
        for item in items:
            if item.outcome != REJECTED:
                self._count(item.record, item.outcome)
        if entity == F.IMPULSE:
            self._collect_new_impulses(items)
        elif entity == F.CASEWORKER:
            self._caseworkers = None
            self._caseworker_ext = None

    def _drop_duplicates(self, entity: str, records: list[Record]) -> list[Record]:
        first: dict[str, Record] = {}
        for record in records:
            earlier = first.get(record.key)
            if earlier is not None:
                self._reject_duplicate(record, earlier.row.line)
            else:
                first[record.key] = record
        keys = list(first)
        seen: dict[str, int] = {}
        for chunk in _chunks(keys):
            seen.update(
                self.conn.execute(
                    f"SELECT ext_id, line FROM temp.import_seen WHERE entity = ? AND ext_id {IN}",
                    (entity, json.dumps(chunk)),
                ).fetchall()
            )
        kept = []
        for key, record in first.items():
            if key in seen:
                self._reject_duplicate(record, seen[key])
            else:
                kept.append(record)
        self.conn.executemany(
            "INSERT INTO temp.import_seen (entity, ext_id, line) VALUES (?, ?, ?)",
            [(entity, r.key, r.row.line) for r in kept],
        )
        return kept

    def _reject_duplicate(self, record: Record, line: int) -> None:
        spec = F.ENTITIES[record.entity]
        what = _("Ärendet") if record.entity == F.CASE else _("Id:t")
        self._reject(
            record,
            record.column(spec.key),
            _(
                "{what} förekommer redan på rad {line} i samma fil; bara den första "
                "raden importeras. Slå ihop raderna eller ge dem olika id."
            ).format(what=what, line=line),
        )

    # -- references -----------------------------------------------------------------------
    def _caseworker_map(self) -> dict[str, int]:
        if self._caseworkers is None:
            self._caseworkers = dict(
                self.conn.execute("SELECT ext_id, id FROM caseworkers").fetchall()
            )
        return self._caseworkers

    def _caseworker_ext_id(self, internal: int | None) -> str | None:
        if internal is None:
            return None
        if self._caseworker_ext is None:
            self._caseworker_ext = {v: k for k, v in self._caseworker_map().items()}
        return self._caseworker_ext.get(internal)

    def _lookup(
        self, table: str, key: str, keys: Iterable[str], select: str = "id"
    ) -> dict[str, Any]:
        """``key -> id`` (or ``key -> (selected, ...)``) for the keys that exist."""
        wanted = list(dict.fromkeys(keys))
        several = "," in select
        found: dict[str, Any] = {}
        cur = self.conn.cursor()
        cur.row_factory = None
        for chunk in _chunks(wanted):
            for row in cur.execute(
                f"SELECT {key}, {select} FROM {table} WHERE {key} {IN}", (json.dumps(chunk),)
            ):
                found[row[0]] = tuple(row[1:]) if several else row[1]
        return found

    def _resolve(self, entity: str, records: list[Record], final: bool) -> list[Record]:
        """Turn references (case, caseworker, sick period) into ids; defer or reject the rest."""
        spec = F.ENTITIES[entity]
        cases: dict[str, int] = {}
        if "case_ref" in spec.by_name and entity != F.CASE:
            cases = self._lookup("cases", "case_ref", (r.values["case_ref"] for r in records))
        periods: dict[str, Any] = {}
        if entity == F.CERTIFICATE:
            wanted = [r.values["sick_period"] for r in records if r.values.get("sick_period")]
            if wanted:
                periods = self._lookup("sick_periods", "ext_id", wanted, "id, case_id")
        workers = self._caseworker_map() if entity in (F.CASE, F.FOLLOW_UP) else {}
        kept = []
        for record in records:
            problem = None
            values = record.values
            if entity != F.CASE and "case_ref" in spec.by_name:
                case_id = cases.get(values["case_ref"])
                if case_id is None:
                    problem = (
                        "case_ref",
                        _(
                            "Ärendet finns inte i databasen och skapas inte av den här filen; "
                            "importera ärendet först (eller i samma fil)."
                        ),
                    )
                else:
                    record.refs["case_id"] = case_id
            for name, column in (("caseworker", "caseworker_id"), ("owner", "owner_id")):
                if problem is None and name in values:
                    ext = values[name]
                    if ext is None:
                        record.refs[column] = None
                    elif ext in workers:
                        record.refs[column] = workers[ext]
                    else:
                        problem = (
                            name,
                            _(
                                "Handläggaren finns inte i databasen; importera handläggarna först "
                                "(eller i samma fil)."
                            ),
                        )
            if problem is None and values.get("sick_period") is not None:
                found = periods.get(values["sick_period"])
                if found is None:
                    problem = ("sick_period", _("Sjukperioden finns inte i databasen."))
                elif found[1] != record.refs.get("case_id"):
                    problem = ("sick_period", _("Sjukperioden hör till ett annat ärende."))
                else:
                    record.refs["sick_period_id"] = found[0]
            elif problem is None and "sick_period" in values:
                record.refs["sick_period_id"] = None
            if problem is None:
                kept.append(record)
            elif self.mixed and not final:
                self.deferred[entity].append(record)
            else:
                self._reject(record, record.column(problem[0]), problem[1])
        return kept

    def _cols(self, record: Record) -> dict[str, Any]:
        to_db = DB_COLUMN[record.entity]
        cols = {to_db[n]: v for n, v in record.values.items() if n in to_db}
        if record.refs:
            cols.update(record.refs)
        return cols

    # -- cases ----------------------------------------------------------------------------
    def _apply_cases(self, records: list[Record]) -> None:
        with_period = [r for r in records if r.values.get("period_start") is not None]
        period_keys = {id(r): self._period_key(r) for r in with_period}
        cases = self._existing(F.CASE, [r.key for r in records])
        old_periods = self._existing(F.SICK_PERIOD, list(period_keys.values()))
        if old_periods:  # a period id that belongs to another case: reject before writing
            clean = []
            for record in records:
                key = period_keys.get(id(record))
                old = old_periods.get(key) if key else None
                case = cases.get(record.key)
                if old is not None and (case is None or case["id"] != old["case_id"]):
                    self._reject(
                        record,
                        record.column("period_id"),
                        _(
                            "Sjukperiodens id hör redan till ett annat ärende; ett id kan inte "
                            "flyttas mellan ärenden."
                        ),
                    )
                else:
                    clean.append(record)
            records = clean
        items = [Item(r, r.key, self._cols(r)) for r in records]
        self._upsert(F.CASE, items, cases)
        kept = [i for i in items if i.outcome != REJECTED]
        periods = []
        for item in kept:
            key = period_keys.get(id(item.record))
            if key is None:
                continue
            values = item.record.values
            cols: dict[str, Any] = {"case_id": item.row_id, "start": values["period_start"]}
            if "period_end" in values:
                cols["end"] = values["period_end"]
            extent = values.get("period_extent", values.get("extent"))
            if extent is not None or "period_extent" in values:
                cols["extent"] = extent
            periods.append(Item(item.record, key, cols))
        if periods:
            self._upsert(F.SICK_PERIOD, periods, old_periods)
        by_record = {id(p.record): p for p in periods}
        events = []
        for item in kept:
            period = by_record.get(id(item.record))
            outcome = item.outcome
            if period is not None and outcome != CREATED and period.outcome in (CREATED, UPDATED):
                outcome = UPDATED
                if period.outcome == CREATED:
                    events.append(
                        self._event(item.row_id, F.SICK_PERIOD, period.key, ["start"], {}, True)
                    )
            self._count(item.record, outcome)
        self._write_events(events)

    def _period_key(self, record: Record) -> str:
        given = record.values.get("period_id")
        return given if given else f"{record.key}/{record.values['period_start']}"

    # -- the upsert -----------------------------------------------------------------------
    def _existing(self, entity: str, keys: list[str]) -> dict[str, dict[str, Any]]:
        spec = F.ENTITIES[entity]
        key = KEY_COLUMN[entity]
        columns = ("id", key, *OWNED[entity], *EXTRA_SELECT.get(entity, ()))
        select = ", ".join(f'"{c}"' for c in columns)
        found: dict[str, dict[str, Any]] = {}
        cur = self.conn.cursor()
        cur.row_factory = None
        for chunk in _chunks(keys):
            for row in cur.execute(
                f"SELECT {select} FROM {spec.table} WHERE {key} {IN}", (json.dumps(chunk),)
            ):
                found[row[1]] = dict(zip(columns, row, strict=False))
        return found

    def _upsert(
        self, entity: str, items: list[Item], existing: dict[str, dict[str, Any]] | None = None
    ) -> None:
        spec = F.ENTITIES[entity]
        if existing is None:
            existing = self._existing(entity, [i.key for i in items])
        inserts: dict[tuple[str, ...], list[tuple[Any, ...]]] = defaultdict(list)
        updates: dict[tuple[str, ...], list[tuple[Any, ...]]] = defaultdict(list)
        events = []
        created: list[Item] = []
        for item in items:
            old = existing.get(item.key)
            if old is None:
                missing = [
                    fs
                    for fs in spec.fields
                    if fs.on_create and item.record.values.get(fs.name) is None
                ]
                if missing:
                    fs = missing[0]
                    self._reject(
                        item.record,
                        item.record.column(fs.name),
                        _("{column} saknas; det behövs för att skapa ett nytt {entity}.").format(
                            column=fs.column, entity=label(F.ENTITY_SV, entity)
                        ),
                    )
                    item.outcome = REJECTED
                    continue
                cols = self._insert_cols(entity, item)
                inserts[tuple(cols)].append(tuple(cols.values()))
                item.outcome = CREATED
                created.append(item)
                continue
            item.row_id = old["id"]
            if item.case_id is None and entity == F.CASE:
                item.case_id = old["id"]
            diff = self._diff(entity, item, old)
            if diff is None:
                item.outcome = REJECTED
                continue
            if not diff:
                item.outcome = UNCHANGED
                continue
            item.outcome = UPDATED
            columns = tuple(diff)
            params = [item.cols[c] for c in columns]
            if entity == F.CASE:
                columns = (*columns, "updated_at")
                params.append(self.now)
            updates[columns].append((*params, old["id"]))
            events.append(self._change_event(entity, item, old, diff))
        new_rows = sum(len(rows) for rows in inserts.values())
        if new_rows >= DEFER_FTS_FROM and spec.table in FTS_TABLES and spec.table not in self._fts:
            self._fts[spec.table] = DeferredFts(self.conn, spec.table)
        for columns, rows in inserts.items():
            names = ", ".join(f'"{c}"' for c in columns)
            self.conn.executemany(
                f"INSERT INTO {spec.table} ({names}) VALUES ({_marks(len(columns))})", rows
            )
        for columns, rows in updates.items():
            sets = ", ".join(f'"{c}" = ?' for c in columns)
            self.conn.executemany(f"UPDATE {spec.table} SET {sets} WHERE id = ?", rows)
        if created and entity in (F.CASE, F.IMPULSE):
            ids = self._lookup(spec.table, KEY_COLUMN[entity], [i.key for i in created])
            for item in created:
                item.row_id = ids.get(item.key)
                if entity == F.CASE:
                    item.case_id = item.row_id
        self._write_events(events)

    def _insert_cols(self, entity: str, item: Item) -> dict[str, Any]:
        cols = {KEY_COLUMN[entity]: item.key}
        cols.update(item.cols)
        if entity == F.CASE:
            cols["created_at"] = self.now
            cols["updated_at"] = self.now
        elif entity == F.FOLLOW_UP:
            cols["origin"] = "personal"
            cols["created_at"] = self.now
            state = item.record.values.get("state")
            if state:
                cols["state"] = state
                if state != "open":
                    cols["closed_at"] = self.now
        return cols

    def _diff(self, entity: str, item: Item, old: dict[str, Any]) -> dict[str, Any] | None:
        """The changed columns ({} = unchanged), or None when the row was rejected."""
        cols = item.cols
        if "case_id" in cols and old.get("case_id") != cols["case_id"]:
            self._reject(
                item.record,
                item.record.column(KEY_COLUMN[entity]),
                _(
                    "Id:t hör redan till ett annat ärende i databasen; ett id kan inte flyttas "
                    "mellan ärenden."
                ),
            )
            return None
        if entity == F.FOLLOW_UP and (old["state"] != "open" or old["deleted_at"]):
            return {}  # the caseworker closed or deleted it: theirs now
        diff = {c: v for c, v in cols.items() if c in old and old[c] != v}
        if entity == F.CASE and diff.get("status") == "closed" and af_offer_missing(old):
            self._reject(
                item.record,
                item.record.column("status"),
                _(
                    "Ärendet har ett NFA-avslag men mötet med Arbetsförmedlingen är inte "
                    "erbjudet; det avslutas inte förrän erbjudandet är registrerat i Överblick."
                ),
            )
            return None
        consent_changed = "consent" in diff or "consent_on" in diff
        if entity == F.CONTACT and consent_changed and old["id"] in self._consent_locks():
            diff.pop("consent", None)
            diff.pop("consent_on", None)
        return diff

    def _consent_locks(self) -> set[int]:
        """Contacts whose consent the caseworker recorded in the app (and did not undo)."""
        if self._consent_locked is None:
            self._consent_locked = {
                int(r[0])
                for r in self.conn.execute(
                    "SELECT DISTINCT json_extract(detail, '$.contact') FROM events "
                    "WHERE kind = 'contact.consent' AND id NOT IN ("
                    "SELECT json_extract(detail, '$.event') FROM events WHERE kind = 'case.undo')"
                )
                if r[0] is not None
            }
        return self._consent_locked

    # -- events ---------------------------------------------------------------------------
    def _change_event(
        self, entity: str, item: Item, old: dict[str, Any], diff: dict[str, Any]
    ) -> tuple[Any, ...]:
        sensitive = SENSITIVE[entity]
        names = CANONICAL[entity]
        fields = [names.get(c, c) for c in diff]
        changes: dict[str, list[Any]] = {}
        for column, new in diff.items():
            if column in sensitive:
                continue
            before = old[column]
            if column in REF_TABLE:
                before, new = self._caseworker_ext_id(before), self._caseworker_ext_id(new)
            elif column == "case_id" or column == "sick_period_id":
                continue
            changes[names.get(column, column)] = [before, new]
        case_id = item.case_id if entity != F.CASEWORKER else None
        return self._event(case_id, entity, item.key, fields, changes, False)

    def _event(
        self,
        case_id: int | None,
        entity: str,
        key: str,
        fields: list[str],
        changes: dict[str, list[Any]],
        created: bool,
    ) -> tuple[Any, ...]:
        detail: dict[str, Any] = {"entity": entity, "id": key, "fields": fields}
        if changes:
            detail["changes"] = changes
        if created:
            detail["created"] = True
        detail["import_run"] = self.run_id
        return (
            case_id,
            self.now,
            self.actor,
            "import.updated",
            json.dumps(detail, ensure_ascii=False),
        )

    def _write_events(self, events: list[tuple[Any, ...]]) -> None:
        if events:
            self.conn.executemany(
                "INSERT INTO events (case_id, at, actor, kind, detail) VALUES (?, ?, ?, ?, ?)",
                events,
            )

    def _collect_new_impulses(self, items: list[Item]) -> None:
        for item in items:
            if item.outcome == CREATED and item.row_id is not None:
                self.new_impulse_ids.append(item.row_id)
                if item.case_id is not None:
                    kinds = self.impulse_doc_kinds
                    if kinds.get(item.case_id) != "certificate":
                        kinds[item.case_id] = item.cols.get("doc_kind")
