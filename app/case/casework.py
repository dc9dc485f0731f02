"""Reading one case whole, and the edits a caseworker makes to it (each written as an event)."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.base.clock import Clock, utc_iso
from app.base.errors import InvalidInputError, NotFoundError
from app.base.i18n import _
from app.base.model import AfOffer, OsPosition, PlanStatus
from app.chain.state import PASSED, ChainState
from app.priority.profile import Caseworker, weights_for
from app.priority.score import CaseFacts, Score, requirement_met, score_case
from app.safety.pin import mask_pin
from app.stock.facts import case_row, load_facts
from db import queries, transaction

CHECKLIST = {
    "check_phone": "Telefonutredning gjord",
    "check_employer": "Arbetsgivaren kontaktad",
    "check_plan": "Planens status känd",
    "check_informed": "Den försäkrade informerad",
}

GAP_TYPES = {
    "employer_options": "Arbetsgivarens möjligheter är inte utredda",
    "missing_information": "Uppgifter som borde ha hämtats in saknas",
    "contradiction": "Motstridiga uppgifter har inte utretts",
    "chain_decision": "Beslut i rehabiliteringskedjan saknas",
}
CONTRADICTION_GRACE_DAYS = 14


def _bool(value: Any) -> int:
    if isinstance(value, bool | int) and value in (0, 1):
        return int(value)
    raise InvalidInputError(_("Värdet ska vara ja eller nej."))


def _opt_date(value: Any) -> str | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise InvalidInputError(
            _("'{value}' är inget datum (ÅÅÅÅ-MM-DD).").format(value=value)
        ) from None


def _opt_enum(enum: type) -> Any:
    def check(value: Any) -> str | None:
        if value in (None, ""):
            return None
        try:
            return enum(value).value
        except ValueError:
            known = ", ".join(e.value for e in enum)
            raise InvalidInputError(
                _("'{value}' är inget giltigt val ({known}).").format(value=value, known=known)
            ) from None

    return check


def _opt_text(value: Any) -> str | None:
    return str(value).strip() or None if value is not None else None


# The case fields a caseworker may edit, with their validator.
EDITABLE = {
    "runs_itself": _bool,
    "no_follow_up": _bool,
    "no_follow_up_reason": _opt_text,
    "benefit_decision_pending": _bool,
    "coordination_needed": _bool,
    "last_coordination_on": _opt_date,
    "recovery_until": _opt_date,
    "awaiting_actor": _opt_text,
    "awaiting_until": _opt_date,
    "plan_status": _opt_enum(PlanStatus),
    "os_position": _opt_enum(OsPosition),
    "os_position_on": _opt_date,
    **dict.fromkeys(CHECKLIST, _bool),
    # Issue #14 (app.case.closing, app.case.benefits): the NFA refusal, the meeting with
    # Arbetsförmedlingen offered before it, and the marks that raise other-benefit hints.
    "nfa_refusal_on": _opt_date,
    "af_offer": _opt_enum(AfOffer),
    "af_offer_on": _opt_date,
    "af_written_info_on": _opt_date,
    "benefit_marks": _opt_text,
}


def _check_af_offer(row: Any, clean: dict[str, Any]) -> None:
    """The meeting offered with Arbetsförmedlingen: a date, and when declined, the date the
    written information was sent (003:143–154)."""
    after = {f: clean.get(f, row[f]) for f in ("af_offer", "af_offer_on", "af_written_info_on")}
    if after["af_offer"] and not after["af_offer_on"]:
        raise InvalidInputError(_("Ange vilken dag mötet med Arbetsförmedlingen erbjöds."))
    if after["af_offer"] == AfOffer.DECLINED and not after["af_written_info_on"]:
        raise InvalidInputError(
            _(
                "Mötet med Arbetsförmedlingen avböjdes: ange vilken dag den skriftliga "
                "informationen skickades."
            )
        )


@dataclass(frozen=True, slots=True)
class Edit:
    """A written edit of a legal fact (the case's fields, a consent), named by its event so
    that it can be undone (``undo_edit``)."""

    event_id: int
    kind: str
    detail: dict[str, Any]


UNDOABLE = ("case.updated", "contact.consent")
UNDO_KIND = "case.undo"


def edit_case(
    conn: sqlite3.Connection,
    case_ref: str,
    changes: dict[str, Any],
    caseworker: Caseworker,
    clock: Clock,
) -> Edit | None:
    """Change editable fields of a case; one 'case.updated' event with every field's before
    and after. None when nothing changed (and nothing is written)."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise InvalidInputError(
            _("Fälten kan inte ändras här: {unknown}.").format(unknown=", ".join(sorted(unknown)))
        )
    clean = {field: EDITABLE[field](value) for field, value in changes.items()}
    if clean.get("no_follow_up") == 1 and not (
        clean.get("no_follow_up_reason")
        or queries.case_by_ref(conn, case_ref)["no_follow_up_reason"]
    ):
        raise InvalidInputError(_("Ange skälet till att ingen uppföljning behövs."))
    if clean.get("os_position") and "os_position_on" not in clean:
        from app.base.clock import local_today

        clean["os_position_on"] = local_today(clock).isoformat()
    now = utc_iso(clock.now())
    with transaction(conn):
        row = case_row(conn, case_ref)
        if {"af_offer", "af_offer_on", "af_written_info_on"} & set(clean):
            _check_af_offer(row, clean)
        diff = {f: [row[f], v] for f, v in clean.items() if row[f] != v}
        if not diff:
            return None
        return _write_case(conn, row["id"], diff, caseworker, now, "case.updated", diff)


def update_case(
    conn: sqlite3.Connection,
    case_ref: str,
    changes: dict[str, Any],
    caseworker: Caseworker,
    clock: Clock,
) -> dict[str, list[Any]]:
    """``edit_case``, answering with every changed field's [before, after] ({} = unchanged)."""
    edit = edit_case(conn, case_ref, changes, caseworker, clock)
    return edit.detail if edit is not None else {}


def _write_case(
    conn: sqlite3.Connection,
    case_id: int,
    diff: dict[str, list[Any]],
    caseworker: Caseworker,
    now: str,
    kind: str,
    detail: dict[str, Any],
) -> Edit:
    """Write each field's new value (``diff``: field -> [before, after]) and the event."""
    sets = ", ".join(f"{f} = ?" for f in diff)
    conn.execute(
        f"UPDATE cases SET {sets}, updated_at = ?, last_action_at = ? WHERE id = ?",
        (*[v[1] for v in diff.values()], now, now, case_id),
    )
    event_id = queries.append_event(
        conn, case_id=case_id, at=now, actor=caseworker.ext_id, kind=kind, detail=detail
    )
    return Edit(event_id, kind, detail)


def add_note(
    conn: sqlite3.Connection, case_ref: str, text: str, caseworker: Caseworker, clock: Clock
) -> int:
    """A personal note on the case; the event records that a note was written."""
    text = text.strip()
    if not text:
        raise InvalidInputError(_("Anteckningen är tom."))
    now = utc_iso(clock.now())
    with transaction(conn):
        row = case_row(conn, case_ref)
        note_id = conn.execute(
            "INSERT INTO case_notes(case_id, at, author, text) VALUES (?, ?, ?, ?)",
            (row["id"], now, caseworker.ext_id, text),
        ).lastrowid
        queries.append_event(
            conn, case_id=row["id"], at=now, actor=caseworker.ext_id, kind="note.added",
            detail={"note_id": note_id},
        )  # fmt: skip
    return int(note_id or 0)


def set_consent(
    conn: sqlite3.Connection,
    contact_id: int,
    consent: bool | None,
    caseworker: Caseworker,
    clock: Clock,
) -> Edit:
    """Record whether the insured person consents to contact with this actor (30 kap. 10 § SFB)."""
    now = utc_iso(clock.now())
    with transaction(conn):
        row = _contact(conn, contact_id)
        value = None if consent is None else int(consent)
        on = now[:10] if value is not None else None
        return _write_consent(
            conn, row, value, on, caseworker, now, "contact.consent",
            {"contact": contact_id, "role": row["role"]},
        )  # fmt: skip


def _contact(conn: sqlite3.Connection, contact_id: int) -> sqlite3.Row:
    row = conn.execute(
        "SELECT id, case_id, role, consent, consent_on FROM contacts WHERE id = ?", (contact_id,)
    ).fetchone()
    if row is None:
        raise NotFoundError(_("Kontakten finns inte längre."))
    return row


def _write_consent(
    conn: sqlite3.Connection,
    row: sqlite3.Row,
    value: int | None,
    on: str | None,
    caseworker: Caseworker,
    now: str,
    kind: str,
    detail: dict[str, Any],
) -> Edit:
    """Write a contact's consent and its date, and the event with both before and after."""
    conn.execute(
        "UPDATE contacts SET consent = ?, consent_on = ? WHERE id = ?", (value, on, row["id"])
    )
    detail = {**detail, "consent": [row["consent"], value], "consent_on": [row["consent_on"], on]}
    event_id = queries.append_event(
        conn, case_id=row["case_id"], at=now, actor=caseworker.ext_id, kind=kind, detail=detail
    )
    return Edit(event_id, kind, detail)


def undo_edit(
    conn: sqlite3.Connection, event_id: int, caseworker: Caseworker, clock: Clock
) -> Edit:
    """Put back what the edit ``event_id`` changed, through the same writes, with one
    'case.undo' event naming it. Refused when it is someone else's, already undone, or when
    something has changed the same values since (nothing is then overwritten)."""
    now = utc_iso(clock.now())
    with transaction(conn):
        event = conn.execute(
            "SELECT id, case_id, actor, kind, detail FROM events WHERE id = ?", (event_id,)
        ).fetchone()
        detail = json.loads(event["detail"] or "{}") if event is not None else {}
        if (
            event is None
            or event["kind"] not in UNDOABLE
            or (event["kind"] == "case.updated" and not set(detail) <= set(EDITABLE))
        ):
            raise NotFoundError(_("Det finns ingen ändring att ångra."))
        if event["actor"] != caseworker.ext_id:
            raise InvalidInputError(_("Bara den som gjorde ändringen kan ångra den."))
        undone = conn.execute(
            "SELECT 1 FROM events WHERE kind = ? AND json_extract(detail, '$.event') = ?",
            (UNDO_KIND, event_id),
        ).fetchone()
        if undone:
            raise InvalidInputError(_("Ändringen är redan ångrad."))
        undo = {"event": event_id, "undid": event["kind"]}
        if event["kind"] == "case.updated":
            row = conn.execute("SELECT * FROM cases WHERE id = ?", (event["case_id"],)).fetchone()
            _unchanged_since(row, {field: after for field, (_before, after) in detail.items()})
            back = {field: [after, before] for field, (before, after) in detail.items()}
            return _write_case(conn, row["id"], back, caseworker, now, UNDO_KIND,
                               {**undo, "changes": back})  # fmt: skip
        row = _contact(conn, detail["contact"])
        before, after = detail["consent"]
        # Events written before the date was recorded: the date goes with the consent.
        on_before, on_after = detail.get(
            "consent_on", [row["consent_on"] if before is not None else None, row["consent_on"]]
        )
        _unchanged_since(row, {"consent": after, "consent_on": on_after})
        return _write_consent(
            conn, row, before, on_before, caseworker, now, UNDO_KIND,
            {**undo, "contact": row["id"], "role": row["role"]},
        )  # fmt: skip


def _unchanged_since(row: sqlite3.Row, values: dict[str, Any]) -> None:
    if any(row[field] != value for field, value in values.items()):
        raise InvalidInputError(
            _(
                "Uppgiften har ändrats sedan dess, så ändringen ångras inte. Ändra den direkt i "
                "stället."
            )
        )


@dataclass(frozen=True, slots=True)
class Gap:
    type: str
    text: str

    @property
    def title(self) -> str:
        return GAP_TYPES[self.type]


def case_gaps(row: sqlite3.Row, facts: CaseFacts, on: date) -> list[Gap]:
    """The four gap types of the case-file study (000:4062-4069), derived from the case."""
    gaps = []
    chain: ChainState = facts.chain
    employed = row["employment"] == "employed"
    if employed and chain.day > 90 and not row["check_employer"]:
        gaps.append(Gap("employer_options", "Arbetsgivaren har inte kontaktats efter dag 90."))
    if employed and chain.day > 30 and row["plan_status"] == "unknown":
        gaps.append(Gap("missing_information", "Okänt om arbetsgivaren har en plan för återgång."))
    if chain.active and facts.last_certificate_end and facts.last_certificate_end < on:
        gaps.append(
            Gap("missing_information", f"Inget läkarintyg efter {facts.last_certificate_end}.")
        )
    stale = [
        i
        for i in facts.impulses
        if i.type == "inconsistent_info" and (on - i.received).days > CONTRADICTION_GRACE_DAYS
    ]
    if stale:
        gaps.append(
            Gap(
                "contradiction",
                f"Uppgifter som inte går ihop, obehandlade sedan {stale[0].received}.",
            )
        )
    for milestone in chain.milestones:
        needs = milestone.requires
        if milestone.status == PASSED and needs and not requirement_met(facts, needs):
            gaps.append(Gap("chain_decision", f"{milestone.label_sv}: saknas."))
    return gaps


@dataclass(frozen=True, slots=True)
class CaseDetail:
    row: dict[str, Any]
    caseworker: dict[str, Any] | None
    facts: CaseFacts | None
    score: Score | None
    sick_periods: list[dict[str, Any]]
    certificates: list[dict[str, Any]]
    impulses: list[dict[str, Any]]
    follow_ups: list[dict[str, Any]]
    planned: list[dict[str, Any]]
    contacts: list[dict[str, Any]]
    notes: list[dict[str, Any]]
    events: list[dict[str, Any]]
    gaps: list[Gap]

    @property
    def masked_pin(self) -> str:
        return mask_pin(self.row["pin"]) if self.row.get("pin") else ""

    @property
    def checklist(self) -> dict[str, tuple[str, bool]]:
        return {key: (label, bool(self.row[key])) for key, label in CHECKLIST.items()}


def _dicts(conn: sqlite3.Connection, sql: str, params: tuple[Any, ...]) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(sql, params)]


def case_detail(
    conn: sqlite3.Connection, case_ref: str, on: date, caseworker: Caseworker | None
) -> CaseDetail:
    """Everything the case view shows, read in one go."""
    row = case_row(conn, case_ref)
    case_id = row["id"]
    facts = score = None
    if row["status"] == "open":
        facts = load_facts(conn, on, case_ids=[case_id])[0]
        score = score_case(facts, on, weights_for(conn, caseworker))
    owner = conn.execute(
        "SELECT ext_id, name FROM caseworkers WHERE id = ?", (row["caseworker_id"],)
    ).fetchone()
    events = _dicts(
        conn,
        "SELECT at, actor, kind, detail FROM events WHERE case_id = ? ORDER BY at DESC, id DESC "
        "LIMIT 200",
        (case_id,),
    )
    for event in events:
        event["detail"] = json.loads(event["detail"] or "{}")
    return CaseDetail(
        row=dict(row),
        caseworker=dict(owner) if owner else None,
        facts=facts,
        score=score,
        sick_periods=_dicts(
            conn,
            "SELECT start, end, extent FROM sick_periods WHERE case_id = ? ORDER BY start",
            (case_id,),
        ),
        certificates=_dicts(
            conn,
            "SELECT from_date, to_date, extent, issued_on, received_at FROM certificates "
            "WHERE case_id = ? ORDER BY from_date",
            (case_id,),
        ),
        impulses=_dicts(
            conn,
            "SELECT id, ext_id, type, doc_kind, received_at, read_at, text, outcome, outcome_note, "
            "outcome_by, outcome_at FROM impulses WHERE case_id = ? ORDER BY received_at DESC",
            (case_id,),
        ),
        follow_ups=_dicts(
            conn,
            "SELECT id, due_at, kind, origin, note, state, snoozed_until, closed_at "
            "FROM follow_ups WHERE case_id = ? AND deleted_at IS NULL "
            "ORDER BY state = 'open' DESC, due_at",
            (case_id,),
        ),
        planned=_dicts(
            conn,
            "SELECT p.on_date, w.ext_id AS caseworker FROM planned_dates p "
            "JOIN caseworkers w ON w.id = p.caseworker_id WHERE p.case_id = ? ORDER BY p.on_date",
            (case_id,),
        ),
        contacts=_dicts(
            conn,
            "SELECT id, role, name, organisation, phone, email, consent, consent_on FROM contacts "
            "WHERE case_id = ? ORDER BY role, name",
            (case_id,),
        ),
        notes=_dicts(
            conn,
            "SELECT at, author, text FROM case_notes WHERE case_id = ? ORDER BY at DESC",
            (case_id,),
        ),
        events=events,
        gaps=case_gaps(row, facts, on) if facts else [],
    )
