"""Method events and assessments: dated casework, each stored with the day of the chain.

**Method events** (SASSAM, avstämningsmöte, FMR consultation, AFU, or a contact) are
choices, not reflexes: early meetings started measures sooner but did not shorten sick
leave, and early meetings even lowered the return to work (002:229–238, 002:268–272), so
nothing in Överblick books one from the sick day alone. A method event is recorded when
it has happened, with its date, its chain day and the parties besides Försäkringskassan
and the insured person. An avstämningsmöte has at least one such party (002:247–250);
one recorded without is stored as a contact (``asked_kind`` keeps what was asked), and
the caller is told so. The kinds and their minimum parties are in
resources/rules/casework.toml.

**Assessments** record that work capacity was assessed for a checkpoint of the chain
(day 90, 180, 365: ``[[on_time]]`` in casework.toml), on a date, with its chain day: what
the team's on-time measure counts (app.team.on_time; 004:5366–5376, 004:5706–5712).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.base.clock import Clock, local_today, utc_iso
from app.base.errors import InvalidInputError
from app.base.i18n import _, label
from app.base.model import ACTOR_SV
from app.chain.casework_rules import CONTACT_METHOD, casework_rules
from app.priority.profile import Caseworker
from app.stock.facts import case_row, chain_day_on
from db import queries, transaction

# The parties a meeting may have besides Försäkringskassan and the insured person.
PARTIES = tuple(k for k in ACTOR_SV if k != "insured")
MAX_NOTE_LENGTH = 2000


def _note(note: str | None) -> str | None:
    text = (note or "").strip()
    if len(text) > MAX_NOTE_LENGTH:
        raise InvalidInputError(
            _("Anteckningen får vara högst {n} tecken.").format(n=MAX_NOTE_LENGTH)
        )
    return text or None


def _past(day: date, clock: Clock) -> None:
    if day > local_today(clock):
        raise InvalidInputError(
            _("{date} ligger i framtiden; registrera det som har hänt.").format(
                date=day.isoformat()
            )
        )


@dataclass(frozen=True, slots=True)
class MethodEvent:
    id: int
    case_ref: str
    kind: str
    asked_kind: str | None
    held_on: str
    chain_day: int
    parties: tuple[str, ...]
    note: str | None
    created_by: str | None

    @property
    def demoted(self) -> bool:
        """Asked as a meeting but stored as a contact (too few parties)."""
        return self.asked_kind is not None and self.asked_kind != self.kind

    @property
    def kind_label(self) -> str:
        rule = casework_rules().method(self.kind)
        return rule.label if rule else self.kind

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "case_id": self.case_ref,
            "kind": self.kind,
            "kind_label": self.kind_label,
            "asked_kind": self.asked_kind,
            "stored_as_contact": self.demoted,
            "held_on": self.held_on,
            "chain_day": self.chain_day,
            "parties": list(self.parties),
            "party_labels": [label(ACTOR_SV, p) for p in self.parties],
            "note": self.note,
            "created_by": self.created_by,
        }


_METHOD_SELECT = (
    "SELECT m.id, c.case_ref, m.kind, m.asked_kind, m.held_on, m.chain_day, m.parties, m.note, "
    "m.created_by FROM method_events m JOIN cases c ON c.id = m.case_id"
)


def _method(row: Any) -> MethodEvent:
    return MethodEvent(*row[:6], tuple(json.loads(row[6] or "[]")), row[7], row[8])  # type: ignore[arg-type]


def record_method_event(
    conn: sqlite3.Connection,
    case_ref: str,
    kind: str,
    held_on: date,
    caseworker: Caseworker,
    clock: Clock,
    *,
    parties: Iterable[str] = (),
    note: str | None = None,
) -> MethodEvent:
    """Record a method event that took place on ``held_on`` (see the module docstring)."""
    rules = casework_rules()
    rule = rules.method(kind)
    if rule is None:
        raise InvalidInputError(
            _("Okänd metod '{kind}'. Välj en av: {known}.").format(
                kind=kind, known=", ".join(m.key for m in rules.methods)
            )
        )
    who = list(dict.fromkeys(p.strip() for p in parties if p.strip()))
    unknown = [p for p in who if p not in PARTIES]
    if unknown:
        raise InvalidInputError(
            _("Okänd part: {unknown}. Välj bland: {known}.").format(
                unknown=", ".join(unknown), known=", ".join(PARTIES)
            )
        )
    _past(held_on, clock)
    text = _note(note)
    stored = kind if len(who) >= rule.min_parties else CONTACT_METHOD
    now = utc_iso(clock.now())
    with transaction(conn):
        row = case_row(conn, case_ref)
        day = chain_day_on(conn, row["id"], held_on)
        event_id = conn.execute(
            "INSERT INTO method_events(case_id, kind, asked_kind, held_on, chain_day, parties, "
            "note, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (row["id"], stored, kind if stored != kind else None, held_on.isoformat(), day,
             json.dumps(who), text, caseworker.ext_id, now),
        ).lastrowid  # fmt: skip
        queries.append_event(
            conn, case_id=row["id"], at=now, actor=caseworker.ext_id, kind="method.recorded",
            detail={"method_event_id": event_id, "kind": stored, "asked_kind": kind,
                    "held_on": held_on.isoformat(), "chain_day": day, "parties": who,
                    "note": text},
        )  # fmt: skip
        conn.execute("UPDATE cases SET last_action_at = ? WHERE id = ?", (now, row["id"]))
    found = conn.execute(f"{_METHOD_SELECT} WHERE m.id = ?", (event_id,)).fetchone()
    return _method(found)


def method_events(
    conn: sqlite3.Connection,
    *,
    case_ref: str | None = None,
    caseworker: Caseworker | None = None,
) -> list[MethodEvent]:
    """Method events of one case, of one caseworker's cases, or of all, by date."""
    where, params = "1", ()
    if case_ref is not None:
        where, params = "m.case_id = ?", (case_row(conn, case_ref)["id"],)
    elif caseworker is not None:
        where, params = "c.caseworker_id = ?", (caseworker.id,)
    rows = conn.execute(
        f"{_METHOD_SELECT} WHERE {where} ORDER BY m.held_on, c.case_ref, m.id", params
    ).fetchall()
    return [_method(r) for r in rows]


# -- assessments -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Assessment:
    id: int
    case_ref: str
    checkpoint: str
    assessed_on: str
    chain_day: int
    note: str | None
    created_by: str | None

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "case_id": self.case_ref,
            "checkpoint": self.checkpoint,
            "assessed_on": self.assessed_on,
            "chain_day": self.chain_day,
            "note": self.note,
            "created_by": self.created_by,
        }


_ASSESSMENT_SELECT = (
    "SELECT a.id, c.case_ref, a.checkpoint, a.assessed_on, a.chain_day, a.note, a.created_by "
    "FROM assessments a JOIN cases c ON c.id = a.case_id"
)


def record_assessment(
    conn: sqlite3.Connection,
    case_ref: str,
    checkpoint: str,
    assessed_on: date,
    caseworker: Caseworker,
    clock: Clock,
    *,
    note: str | None = None,
) -> Assessment:
    """Record that work capacity was assessed for ``checkpoint`` (day_90, day_180, day_365)
    on ``assessed_on``; stored with the chain day of that date."""
    rules = casework_rules()
    if rules.checkpoint(checkpoint) is None:
        raise InvalidInputError(
            _("Okänd tidpunkt '{checkpoint}'. Välj en av: {known}.").format(
                checkpoint=checkpoint, known=", ".join(c.key for c in rules.on_time)
            )
        )
    _past(assessed_on, clock)
    text = _note(note)
    now = utc_iso(clock.now())
    with transaction(conn):
        row = case_row(conn, case_ref)
        day = chain_day_on(conn, row["id"], assessed_on)
        assessment_id = conn.execute(
            "INSERT INTO assessments(case_id, checkpoint, assessed_on, chain_day, note, "
            "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (row["id"], checkpoint, assessed_on.isoformat(), day, text, caseworker.ext_id, now),
        ).lastrowid
        queries.append_event(
            conn, case_id=row["id"], at=now, actor=caseworker.ext_id, kind="assessment.recorded",
            detail={"assessment_id": assessment_id, "checkpoint": checkpoint,
                    "assessed_on": assessed_on.isoformat(), "chain_day": day, "note": text},
        )  # fmt: skip
        conn.execute("UPDATE cases SET last_action_at = ? WHERE id = ?", (now, row["id"]))
    found = conn.execute(f"{_ASSESSMENT_SELECT} WHERE a.id = ?", (assessment_id,)).fetchone()
    return Assessment(*found)


def assessments_for(conn: sqlite3.Connection, case_ref: str) -> list[Assessment]:
    """A case's recorded assessments, by date."""
    row = case_row(conn, case_ref)
    rows = conn.execute(
        f"{_ASSESSMENT_SELECT} WHERE a.case_id = ? ORDER BY a.assessed_on, a.id", (row["id"],)
    ).fetchall()
    return [Assessment(*r) for r in rows]
