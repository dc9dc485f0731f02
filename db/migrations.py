"""Numbered, forward-only schema migrations; ``PRAGMA user_version`` records the level reached."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import sqlite_utils

from db import version

Migration = Callable[[sqlite_utils.Database], None]


def _m001_initial(db: sqlite_utils.Database) -> None:
    db["caseworkers"].create(
        {
            "id": int,
            "ext_id": str,
            "name": str,
            "role": str,
            "team": str,
            "active": int,
        },
        pk="id",
        not_null={"ext_id", "name", "role"},
        defaults={"role": "caseworker", "active": 1},
    )
    db["caseworkers"].create_index(["ext_id"], unique=True)

    db["cases"].create(
        {
            "id": int,
            "case_ref": str,
            "person_name": str,
            "pin": str,
            "birth_date": str,
            "employment": str,
            "employer": str,
            "diagnosis_group": str,
            "flow": str,
            "unit": str,
            "extent": int,
            "status": str,
            "opened_on": str,
            "closed_on": str,
            "caseworker_id": int,
            "runs_itself": int,
            "no_follow_up": int,
            "no_follow_up_reason": str,
            "recovery_until": str,
            "benefit_decision_pending": int,
            "coordination_needed": int,
            "last_coordination_on": str,
            "awaiting_actor": str,
            "awaiting_until": str,
            "plan_status": str,
            "os_position": str,
            "os_position_on": str,
            "check_phone": int,
            "check_employer": int,
            "check_plan": int,
            "check_informed": int,
            "last_contact_on": str,
            "last_action_at": str,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"case_ref", "employment", "status"},
        defaults={
            "status": "open",
            "extent": 100,
            "employment": "employed",
            "runs_itself": 0,
            "no_follow_up": 0,
            "benefit_decision_pending": 0,
            "coordination_needed": 0,
            "plan_status": "unknown",
            "check_phone": 0,
            "check_employer": 0,
            "check_plan": 0,
            "check_informed": 0,
        },
        foreign_keys=[("caseworker_id", "caseworkers", "id")],
    )
    db["cases"].create_index(["case_ref"], unique=True)
    db["cases"].create_index(["caseworker_id", "status"])
    db["cases"].create_index(["employer"])

    db["sick_periods"].create(
        {"id": int, "case_id": int, "start": str, "end": str, "extent": int, "ext_id": str},
        pk="id",
        not_null={"case_id", "start"},
        foreign_keys=[("case_id", "cases", "id")],
    )
    db["sick_periods"].create_index(["case_id", "start"])
    db["sick_periods"].create_index(["ext_id"], unique=True)

    db["certificates"].create(
        {
            "id": int,
            "ext_id": str,
            "case_id": int,
            "sick_period_id": int,
            "issued_on": str,
            "from_date": str,
            "to_date": str,
            "extent": int,
            "received_at": str,
        },
        pk="id",
        not_null={"case_id", "from_date", "to_date"},
        foreign_keys=[("case_id", "cases", "id"), ("sick_period_id", "sick_periods", "id")],
    )
    db["certificates"].create_index(["case_id", "to_date"])
    db["certificates"].create_index(["ext_id"], unique=True)

    db["impulses"].create(
        {
            "id": int,
            "ext_id": str,
            "case_id": int,
            "type": str,
            "doc_kind": str,
            "received_at": str,
            "text": str,
            "read_at": str,
            "outcome": str,
            "outcome_note": str,
            "outcome_by": str,
            "outcome_at": str,
        },
        pk="id",
        not_null={"case_id", "type", "received_at"},
        foreign_keys=[("case_id", "cases", "id")],
    )
    db["impulses"].create_index(["case_id", "outcome"])
    db["impulses"].create_index(["ext_id"], unique=True)
    db.execute("CREATE INDEX idx_impulses_open ON impulses(case_id) WHERE outcome IS NULL")

    db["follow_ups"].create(
        {
            "id": int,
            "case_id": int,
            "owner_id": int,
            "due_at": str,
            "kind": str,
            "origin": str,
            "milestone_key": str,
            "note": str,
            "state": str,
            "snoozed_until": str,
            "wake_on": str,
            "recurrence": str,
            "inherited": int,
            "created_at": str,
            "closed_at": str,
            "close_note": str,
            "ext_id": str,
        },
        pk="id",
        not_null={"case_id", "due_at", "kind", "origin", "state"},
        defaults={"state": "open", "origin": "personal", "kind": "other", "inherited": 0},
        foreign_keys=[("case_id", "cases", "id"), ("owner_id", "caseworkers", "id")],
    )
    db["follow_ups"].create_index(["case_id", "state"])
    db["follow_ups"].create_index(["owner_id", "state", "due_at"])
    db["follow_ups"].create_index(["ext_id"], unique=True)

    db["contacts"].create(
        {
            "id": int,
            "ext_id": str,
            "case_id": int,
            "role": str,
            "name": str,
            "organisation": str,
            "phone": str,
            "email": str,
            "consent": int,
            "consent_on": str,
        },
        pk="id",
        not_null={"case_id", "role"},
        foreign_keys=[("case_id", "cases", "id")],
    )
    db["contacts"].create_index(["case_id"])
    db["contacts"].create_index(["ext_id"], unique=True)

    db["planned_dates"].create(
        {"id": int, "case_id": int, "caseworker_id": int, "on_date": str, "created_at": str},
        pk="id",
        not_null={"case_id", "caseworker_id", "on_date"},
        foreign_keys=[("case_id", "cases", "id"), ("caseworker_id", "caseworkers", "id")],
    )
    db["planned_dates"].create_index(["case_id", "caseworker_id"], unique=True)
    db["planned_dates"].create_index(["caseworker_id", "on_date"])

    db["events"].create(
        {"id": int, "case_id": int, "at": str, "actor": str, "kind": str, "detail": str},
        pk="id",
        not_null={"at", "kind"},
        foreign_keys=[("case_id", "cases", "id")],
    )
    db["events"].create_index(["case_id", "at"])
    # The event log is the audit trail: rows are only ever appended.
    db.execute(
        "CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events "
        "BEGIN SELECT RAISE(ABORT, 'events are append-only'); END"
    )

    db["settings"].create(
        {"scope": str, "key": str, "value": str},
        pk=("scope", "key"),
        not_null={"scope", "key"},
    )

    db["cases"].enable_fts(
        ["case_ref", "person_name", "employer"], create_triggers=True, tokenize="unicode61"
    )
    db["impulses"].enable_fts(["text"], create_triggers=True, tokenize="unicode61")


def _m002_saved_views(db: sqlite_utils.Database) -> None:
    db["saved_views"].create(
        {"id": int, "owner": str, "name": str, "spec": str, "created_at": str},
        pk="id",
        not_null={"owner", "name", "spec"},
    )
    db["saved_views"].create_index(["owner", "name"], unique=True)
    db["case_notes"].create(
        {"id": int, "case_id": int, "at": str, "author": str, "text": str},
        pk="id",
        not_null={"case_id", "at", "text"},
        foreign_keys=[("case_id", "cases", "id")],
    )
    db["case_notes"].create_index(["case_id", "at"])


def _m003_imports_and_reminders(db: sqlite_utils.Database) -> None:
    db["import_runs"].create(
        {
            "id": int,
            "started_at": str,
            "finished_at": str,
            "file_name": str,
            "file_sha256": str,
            "format": str,
            "source": str,
            "created": int,
            "updated": int,
            "unchanged": int,
            "rejected": int,
            "status": str,
            "reject_file": str,
        },
        pk="id",
        not_null={"started_at", "file_name", "status"},
        defaults={"created": 0, "updated": 0, "unchanged": 0, "rejected": 0},
    )
    db["import_runs"].create_index(["file_sha256"])
    follow_ups = db["follow_ups"]
    follow_ups.add_column("fired_at", str)  # when the reminder for the current due time showed
    follow_ups.add_column("deleted_at", str)  # soft delete, so "delete" can be undone
    follow_ups.add_column("occurrences", int, not_null_default=0)  # recurring: times done
    follow_ups.add_column("lead_days", int)  # standard: which lead time of its milestone
    db.execute(
        "CREATE UNIQUE INDEX idx_follow_ups_standard ON follow_ups(case_id, milestone_key, "
        "lead_days) WHERE origin = 'standard'"
    )
    db.execute("CREATE INDEX idx_follow_ups_due ON follow_ups(state, due_at)")


def _m004_team(db: sqlite_utils.Database) -> None:
    db["absences"].create(
        {
            "id": int,
            "caseworker_id": int,
            "covered_by_id": int,
            "from_date": str,
            "to_date": str,
            "created_at": str,
            "created_by": str,
            "ended_at": str,  # when the summary of what happened meanwhile was handed back
        },
        pk="id",
        not_null={"caseworker_id", "covered_by_id", "from_date", "to_date"},
        foreign_keys=[
            ("caseworker_id", "caseworkers", "id"),
            ("covered_by_id", "caseworkers", "id"),
        ],
    )
    db["absences"].create_index(["caseworker_id", "from_date"])
    db["absences"].create_index(["covered_by_id", "from_date"])


def _m005_team_digest(db: sqlite_utils.Database) -> None:
    """A stored digest of each open case's team figures (app.team.digest), valid for a date range;
    triggers drop a case's digest whenever anything it was worked out from changes, so a
    stale row can never be read, whichever program wrote."""
    db["team_digest"].create(
        {
            "case_id": int,
            "case_ref": str,
            "caseworker_id": int,
            "on_ord": int,  # the date it was worked out on (date ordinal)
            "until_ord": int,  # the last date it still holds on
            "phase": str,
            "impulses": int,
            "oldest_ord": int,
            "overdue": int,
            "milestone_keys": str,  # the milestones ahead: "day_90;day_180", in date order
            "milestone_ords": str,  # their dates, 6-digit date ordinals end to end
            "waiting": int,
            "no_contact": int,
            "missing_os": int,
        },
        pk="case_id",
        not_null={"case_ref", "on_ord", "until_ord", "phase"},
    )
    db["team_digest"].create_index(["caseworker_id"])
    drop = "DELETE FROM team_digest WHERE case_id = {row}.{col};"
    # A case row inserted under an id that had a digest (a replaced row) counts too.
    for event, row in (("INSERT", "new"), ("UPDATE", "old"), ("DELETE", "old")):
        db.execute(
            f"CREATE TRIGGER team_digest_cases_{event[0].lower()} AFTER {event} ON cases "
            f"BEGIN {drop.format(row=row, col='id')} END"
        )
    # The tables whose rows feed a case's team figures (case_id names the case).
    for table, col in (("sick_periods", "case_id"), ("impulses", "case_id"),
                       ("follow_ups", "case_id")):  # fmt: skip
        for event, rows in (("INSERT", ("new",)), ("UPDATE", ("old", "new")), ("DELETE", ("old",))):
            body = " ".join(drop.format(row=r, col=col) for r in rows)
            db.execute(
                f"CREATE TRIGGER team_digest_{table}_{event[0].lower()} AFTER {event} ON {table} "
                f"BEGIN {body} END"
            )


def _m006_standard_follow_ups_per_chain(db: sqlite_utils.Database) -> None:
    """A standard follow-up belongs to one rehabilitation chain (``chain_start``, its first
    day): a case whose chain ends and a new one starts after the 90-day gap gets the new
    chain's standard follow-ups, instead of being blocked by the old chain's."""
    db["follow_ups"].add_column("chain_start", str)
    db.execute("DROP INDEX idx_follow_ups_standard")
    db.execute(
        "CREATE UNIQUE INDEX idx_follow_ups_standard ON follow_ups(case_id, milestone_key, "
        "lead_days, chain_start) WHERE origin = 'standard'"
    )


def _series_anchor(conn: sqlite3.Connection, follow_up_id: int, case_id: int) -> str | None:
    """The due time the caseworker last gave a series: at creation or its last reschedule."""
    row = conn.execute(
        "SELECT json_extract(detail, '$.due_at') FROM events WHERE case_id = ? "
        "AND kind IN ('follow_up.created', 'follow_up.rescheduled') "
        "AND json_extract(detail, '$.follow_up_id') = ? ORDER BY id DESC LIMIT 1",
        (case_id, follow_up_id),
    ).fetchone()
    return row[0] if row and row[0] else None


def _m007_series_wall_clock(db: sqlite_utils.Database) -> None:
    """A recurring follow-up keeps its own wall-clock time: ``at`` ("02:30", local) in its
    ``recurrence``. Until now each occurrence took the previous one's local time, so a
    series at 02:30 that met the spring change (03:30 that night) stayed at 03:30. The time
    is taken from the due time the caseworker gave (the creation or last reschedule event),
    so such a series gets 02:30 back from its next occurrence on."""
    import json
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    stockholm = ZoneInfo("Europe/Stockholm")
    conn = db.conn
    rows = conn.execute(
        "SELECT id, case_id, due_at, recurrence FROM follow_ups "
        "WHERE recurrence IS NOT NULL AND recurrence != ''"
    ).fetchall()
    for follow_up_id, case_id, due_at, text in rows:
        data = json.loads(text)
        if data.get("at"):
            continue
        moment = datetime.fromisoformat(_series_anchor(conn, follow_up_id, case_id) or due_at)
        local = (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(stockholm)
        data["at"] = local.time().isoformat(timespec="minutes" if not local.second else "seconds")
        data.setdefault("day", None)
        conn.execute(
            "UPDATE follow_ups SET recurrence = ? WHERE id = ?",
            (json.dumps(data, ensure_ascii=False, sort_keys=True), follow_up_id),
        )


# The tables whose rows may replicate to a team server (app/sync/tables.py says how).
REPLICATED_TABLES = ("caseworkers", "cases", "sick_periods", "certificates", "impulses",
                     "contacts", "follow_ups", "events", "absences", "case_notes",
                     "planned_dates", "settings", "saved_views")  # fmt: skip


def _m008_team_server(db: sqlite_utils.Database) -> None:
    """Room for a team server (docs/team-server.md): a global id ``gid`` on every row that
    may replicate (NULL, and unused, until the database joins a server: only then are the
    triggers that fill it and record changes installed), the sync state and the outbox.
    The event log stays append-only; only an event's gid may be filled in afterwards."""
    conn = db.conn
    for table in REPLICATED_TABLES:  # idempotent: a test may set user_version back
        if "gid" not in {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}:
            conn.execute(f"ALTER TABLE {table} ADD COLUMN gid TEXT")
        conn.execute(f"CREATE UNIQUE INDEX IF NOT EXISTS idx_{table}_gid ON {table}(gid)")
    conn.execute("DROP TRIGGER events_append_only_update")
    conn.execute(
        "CREATE TRIGGER events_append_only_update BEFORE UPDATE OF id, case_id, at, actor, "
        "kind, detail ON events BEGIN SELECT RAISE(ABORT, 'events are append-only'); END"
    )
    conn.execute(
        "CREATE TABLE IF NOT EXISTS sync_state (id INTEGER PRIMARY KEY CHECK (id = 1), "
        "server TEXT NOT NULL, login TEXT NOT NULL, signature TEXT NOT NULL, "
        "role TEXT NOT NULL, node TEXT NOT NULL, "
        "cursor INTEGER NOT NULL DEFAULT 0, hlc TEXT NOT NULL DEFAULT '', joined_at TEXT, "
        "last_sync_at TEXT, applying INTEGER NOT NULL DEFAULT 0)"
    )
    conn.execute(
        "CREATE TABLE IF NOT EXISTS sync_outbox (id INTEGER PRIMARY KEY, "
        "change_id TEXT NOT NULL UNIQUE, tbl TEXT NOT NULL, row_id INTEGER, gid TEXT, "
        "op TEXT NOT NULL, fields TEXT, "
        "at_ms INTEGER NOT NULL, status TEXT NOT NULL DEFAULT 'pending', hlc TEXT, "
        "payload TEXT, reason TEXT, done_at TEXT)"
    )
    conn.execute("CREATE INDEX IF NOT EXISTS idx_sync_outbox_status ON sync_outbox(status, id)")


# The tables migration 9 adds; each may replicate to a team server (app/sync/tables.py).
HANDOVER_TABLES = ("handovers", "intake_reviews", "intake_carried", "benefit_hints",
                   "referrals", "method_events", "assessments")  # fmt: skip


def _add_columns(db: sqlite_utils.Database, table: str, columns: dict[str, type]) -> None:
    have = set(db[table].columns_dict)
    for name, kind in columns.items():
        if name not in have:
            db[table].add_column(name, kind)


def _m009_handover_and_service(db: sqlite_utils.Database) -> None:
    """Handover, service duty and on-time assessments (docs/handover.md, docs/service.md):

    - a caseworker's unit and how to reach them (``caseworkers.unit``, ``phone``, ``email``);
    - the NFA refusal and the meeting with Arbetsförmedlingen offered before it, and the
      marks that raise other-benefit hints (``cases.nfa_refusal_on``, ``af_offer``,
      ``af_offer_on``, ``af_written_info_on``, ``benefit_marks``);
    - why a colleague of another unit covers (``absences.reason``);
    - ``handovers`` (the note that travels with a reassigned case), ``intake_reviews`` and
      ``intake_carried`` (the new owner's review, and the impulses explicitly carried
      over), ``benefit_hints`` (an "Andra förmåner" hint, its impulse and its outcome),
      ``referrals`` (to another actor, with the follow-up that checks the contact),
      ``method_events`` (SASSAM, avstämningsmöte, FMR, AFU, or a contact, with date and
      chain day) and ``assessments`` (work capacity assessed at a chain checkpoint).

    Idempotent, like migration 8: a test may set user_version back."""
    _add_columns(db, "caseworkers", {"unit": str, "phone": str, "email": str})
    _add_columns(db, "cases", {"nfa_refusal_on": str, "af_offer": str, "af_offer_on": str,
                               "af_written_info_on": str, "benefit_marks": str})  # fmt: skip
    _add_columns(db, "absences", {"reason": str})
    existing = set(db.table_names())
    people = "caseworkers"
    specs: dict[str, tuple[dict[str, type], list[tuple[str, str, str]], set[str]]] = {
        "handovers": (
            {"id": int, "case_id": int, "from_id": int, "to_id": int, "from_unit": str,
             "to_unit": str, "at": str, "by": str, "reason": str, "summary": str, "note": str,
             "gid": str},
            [("case_id", "cases", "id"), ("from_id", people, "id"), ("to_id", people, "id")],
            {"case_id", "at", "summary"},
        ),
        "intake_reviews": (
            {"id": int, "case_id": int, "handover_id": int, "owner_id": int, "state": str,
             "created_at": str, "done_at": str, "done_by": str, "gid": str},
            [("case_id", "cases", "id"), ("handover_id", "handovers", "id"),
             ("owner_id", people, "id")],
            {"case_id", "owner_id", "state", "created_at"},
        ),
        "intake_carried": (
            {"id": int, "case_id": int, "review_id": int, "impulse_id": int, "note": str,
             "at": str, "by": str, "gid": str},
            [("case_id", "cases", "id"), ("review_id", "intake_reviews", "id"),
             ("impulse_id", "impulses", "id")],
            {"case_id", "review_id", "impulse_id", "at"},
        ),
        "benefit_hints": (
            {"id": int, "case_id": int, "benefit": str, "rule_version": str, "reason": str,
             "source": str, "raised_at": str, "impulse_id": int, "outcome": str,
             "informed_on": str, "channel": str, "outcome_note": str, "outcome_by": str,
             "outcome_at": str, "gid": str},
            [("case_id", "cases", "id"), ("impulse_id", "impulses", "id")],
            {"case_id", "benefit", "raised_at"},
        ),
        "referrals": (
            {"id": int, "case_id": int, "actor": str, "referred_on": str, "chain_day": int,
             "note": str, "follow_up_id": int, "created_by": str, "created_at": str,
             "gid": str},
            [("case_id", "cases", "id"), ("follow_up_id", "follow_ups", "id")],
            {"case_id", "actor", "referred_on"},
        ),
        "method_events": (
            {"id": int, "case_id": int, "kind": str, "asked_kind": str, "held_on": str,
             "chain_day": int, "parties": str, "note": str, "created_by": str,
             "created_at": str, "gid": str},
            [("case_id", "cases", "id")],
            {"case_id", "kind", "held_on", "chain_day"},
        ),
        "assessments": (
            {"id": int, "case_id": int, "checkpoint": str, "assessed_on": str,
             "chain_day": int, "note": str, "created_by": str, "created_at": str,
             "gid": str},
            [("case_id", "cases", "id")],
            {"case_id", "checkpoint", "assessed_on"},
        ),
    }  # fmt: skip
    for table, (columns, keys, required) in specs.items():
        if table in existing:
            continue
        db[table].create(columns, pk="id", not_null=required, foreign_keys=keys)
        db.execute(f"CREATE UNIQUE INDEX idx_{table}_gid ON {table}(gid)")
    conn = db.conn
    for statement in (
        "CREATE INDEX IF NOT EXISTS idx_handovers_case ON handovers(case_id, at)",
        "CREATE INDEX IF NOT EXISTS idx_intake_owner ON intake_reviews(owner_id, state)",
        "CREATE INDEX IF NOT EXISTS idx_intake_case ON intake_reviews(case_id, state)",
        "CREATE INDEX IF NOT EXISTS idx_intake_carried ON intake_carried(review_id)",
        "CREATE UNIQUE INDEX IF NOT EXISTS idx_benefit_hints_case ON benefit_hints(case_id, "
        "benefit)",
        "CREATE INDEX IF NOT EXISTS idx_benefit_hints_impulse ON benefit_hints(impulse_id)",
        "CREATE INDEX IF NOT EXISTS idx_referrals_case ON referrals(case_id, referred_on)",
        "CREATE INDEX IF NOT EXISTS idx_method_events_case ON method_events(case_id, held_on)",
        "CREATE INDEX IF NOT EXISTS idx_assessments_case ON assessments(case_id, checkpoint)",
    ):
        conn.execute(statement)
    _fts_updates_only_on_their_columns(conn)


# The full-text indexes and the columns they hold (migration 1).
FTS_COLUMNS = {"cases": ("case_ref", "person_name", "employer"), "impulses": ("text",)}


def _fts_updates_only_on_their_columns(conn: sqlite3.Connection) -> None:
    """The trigger that keeps a full-text index up to date on UPDATE fired on any column.
    On a desk joined to a team server, a new row's gid is set by an UPDATE inside the sync
    trigger, before the index has the row: the 'delete' for a row the index never held
    damaged the index ("database disk image is malformed" on a later write). It now fires
    only when an indexed column changes, and the indexes are rebuilt from their tables (a
    desk that joined before may already hold damage)."""
    for table, columns in FTS_COLUMNS.items():
        found = conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (f"{table}_au",)
        ).fetchone()
        plain = f'AFTER UPDATE ON "{table}"'
        if found is None or plain not in found[0]:
            continue
        only = ", ".join(f'"{c}"' for c in columns)
        conn.execute(f'DROP TRIGGER "{table}_au"')
        conn.execute(found[0].replace(plain, f'AFTER UPDATE OF {only} ON "{table}"'))
        conn.execute(f'INSERT INTO "{table}_fts"("{table}_fts") VALUES (\'rebuild\')')


MIGRATIONS: list[Migration] = [
    _m001_initial,
    _m002_saved_views,
    _m003_imports_and_reminders,
    _m004_team,
    _m005_team_digest,
    _m006_standard_follow_ups_per_chain,
    _m007_series_wall_clock,
    _m008_team_server,
    _m009_handover_and_service,
]
LATEST_VERSION = len(MIGRATIONS)
if LATEST_VERSION != version.LATEST_VERSION:
    raise RuntimeError("db/version.py LATEST_VERSION does not match db/migrations.py")


def migrate_to_latest(conn: sqlite3.Connection) -> int:
    """Apply every pending migration, each in its own transaction; return the new version."""
    db = sqlite_utils.Database(conn, execute_plugins=False)
    current = int(conn.execute("PRAGMA user_version").fetchone()[0])
    for number, migration in enumerate(MIGRATIONS[current:], start=current + 1):
        with db.atomic():
            migration(db)
            conn.execute(f"PRAGMA user_version = {number}")
    return LATEST_VERSION
