"""The handover note that travels with a reassigned case, and the new owner's intake review.

A handover (app.team.reassign moves the case) writes one ``handovers`` row per case: who
gave it, who got it, their units, the reason, a **summary** worked out at that moment
(chain day and phase, the next milestone, the impulses without an outcome, the open
follow-ups, consent per actor, the last coordination action, the NFA refusal and the
meeting with Arbetsförmedlingen) and the **note** in the giver's own words. The note is
required when the case moves between units (004:4383–4391: impulses are missed before a
handover); within a unit the summary alone may travel.

The new owner gets an **intake review** of the case (``intake_reviews``, state ``open``):
it sits at the top of their Idag until done (app.stock.today), lists the impulses
without an outcome and the open follow-ups first, and is done only when every impulse
without an outcome is either given one or explicitly carried over (``intake_carried``).
A review of a case that moves on again before it is done is superseded: the next owner
gets their own, and the one who gave the case away is never reminded of it.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.base.clock import Clock, local_date_of, local_today, utc_iso
from app.base.errors import InvalidInputError, NotFoundError
from app.base.i18n import _, label
from app.base.model import ACTOR_SV, FOLLOW_UP_KIND_SV, IMPULSE_TYPE_SV
from app.priority.profile import Caseworker
from app.stock.facts import case_row, load_facts
from db import queries, transaction

MAX_NOTE_LENGTH = 4000
OPEN, DONE, SUPERSEDED = "open", "done", "superseded"


# -- the summary ---------------------------------------------------------------------------


def case_summary(conn: sqlite3.Connection, case_id: int, on: date) -> dict[str, Any]:
    """What a handover note carries about the case on ``on`` (JSON-ready, English keys)."""
    row = conn.execute("SELECT * FROM cases WHERE id = ?", (case_id,)).fetchone()
    facts = load_facts(conn, on, case_ids=[case_id])
    chain = facts[0].chain if facts else None
    nxt = chain.next_milestone if chain else None
    impulses = [
        {
            "id": r["id"],
            "type": r["type"],
            "received_on": local_date_of(r["received_at"]).isoformat(),
        }
        for r in conn.execute(
            "SELECT id, type, received_at FROM impulses WHERE case_id = ? AND outcome IS NULL "
            "ORDER BY received_at, id",
            (case_id,),
        )
    ]
    follow_ups = [
        {"id": r["id"], "kind": r["kind"], "origin": r["origin"],
         "due_on": local_date_of(r["due_at"]).isoformat()}
        for r in conn.execute(
            "SELECT id, kind, origin, due_at FROM follow_ups WHERE case_id = ? AND state = 'open' "
            "AND deleted_at IS NULL ORDER BY due_at, id",
            (case_id,),
        )
    ]  # fmt: skip
    consent = [
        {"role": r["role"], "consent": None if r["consent"] is None else bool(r["consent"])}
        for r in conn.execute(
            "SELECT role, consent FROM contacts WHERE case_id = ? AND role != 'insured' "
            "ORDER BY role, id",
            (case_id,),
        )
    ]
    return {
        "on": on.isoformat(),
        "day": chain.day if chain else 0,
        "phase": chain.phase if chain else None,
        "next_milestone": None
        if nxt is None
        else {"key": nxt.key, "label": nxt.label_sv, "date": nxt.date.isoformat()},
        "open_impulses": impulses,
        "open_follow_ups": follow_ups,
        "consent": consent,
        "last_coordination_on": row["last_coordination_on"],
        "nfa_refusal_on": row["nfa_refusal_on"],
        "af_offer": row["af_offer"],
    }


def summary_lines(summary: dict[str, Any]) -> list[str]:
    """The summary as a reader sees it, one line per fact (Swedish, or English)."""
    lines = []
    if summary.get("phase"):
        lines.append(
            _("Dag {day} i rehabiliteringskedjan ({phase}).").format(
                day=summary["day"], phase=summary["phase"]
            )
        )
    else:
        lines.append(_("Ingen pågående rehabiliteringskedja."))
    nxt = summary.get("next_milestone")
    if nxt:
        lines.append(
            _("Nästa milstolpe: {label} ({date}).").format(label=nxt["label"], date=nxt["date"])
        )
    impulses = summary.get("open_impulses") or []
    if impulses:
        kinds = ", ".join(label(IMPULSE_TYPE_SV, i["type"]) for i in impulses)
        lines.append(_("Impulser utan utfall ({n}): {kinds}.").format(n=len(impulses), kinds=kinds))
    else:
        lines.append(_("Inga impulser utan utfall."))
    follow_ups = summary.get("open_follow_ups") or []
    if follow_ups:
        first = follow_ups[0]
        lines.append(
            _("Öppna bevakningar ({n}), nästa {due} ({kind}).").format(
                n=len(follow_ups), due=first["due_on"], kind=label(FOLLOW_UP_KIND_SV, first["kind"])
            )
        )
    else:
        lines.append(_("Inga öppna bevakningar."))
    consent = summary.get("consent") or []
    if consent:
        parts = []
        for c in consent:
            given = {True: _("ja"), False: _("nej"), None: _("okänt")}[c["consent"]]
            parts.append(f"{label(ACTOR_SV, c['role'])}: {given}")
        lines.append(_("Samtycke: {parts}.").format(parts="; ".join(parts)))
    else:
        lines.append(_("Inget samtycke registrerat för någon aktör."))
    last = summary.get("last_coordination_on")
    lines.append(
        _("Senaste samordningsåtgärd: {date}.").format(date=last)
        if last
        else _("Ingen samordningsåtgärd registrerad.")
    )
    if summary.get("nfa_refusal_on") and not summary.get("af_offer"):
        lines.append(
            _("NFA-avslag {date}: mötet med Arbetsförmedlingen är inte erbjudet än.").format(
                date=summary["nfa_refusal_on"]
            )
        )
    return lines


def _note_text(note: str | None) -> str:
    text = (note or "").strip()
    if len(text) > MAX_NOTE_LENGTH:
        raise InvalidInputError(
            _("Överlämningsanteckningen får vara högst {n} tecken.").format(n=MAX_NOTE_LENGTH)
        )
    return text


def require_note_between_units(
    case_ref: str, from_unit: str | None, to_unit: str | None, note: str | None
) -> str:
    """The note, checked: required (own words, not empty) when the units differ."""
    text = _note_text(note)
    if from_unit and to_unit and from_unit != to_unit and not text:
        raise InvalidInputError(
            _(
                "Ärendet {case_ref} byter enhet ({source} → {target}): skriv en "
                "överlämningsanteckning (--note) med det som inte syns i ärendet."
            ).format(case_ref=case_ref, source=from_unit, target=to_unit)
        )
    return text


# -- writing a handover (inside the reassignment's transaction) ------------------------------


def write_handover(
    conn: sqlite3.Connection,
    case_id: int,
    from_id: int | None,
    target: Caseworker,
    units: tuple[str | None, str | None],
    reason: str,
    note: str,
    actor: Caseworker,
    now: str,
    on: date,
) -> int:
    """Write the handover of one case and open the new owner's intake review (superseding
    any review still open on the case); the handover's id. Call inside a transaction."""
    summary = case_summary(conn, case_id, on)
    handover_id = conn.execute(
        "INSERT INTO handovers(case_id, from_id, to_id, from_unit, to_unit, at, by, reason, "
        "summary, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (case_id, from_id, target.id, units[0], units[1], now, actor.ext_id, reason,
         json.dumps(summary, ensure_ascii=False), note or None),
    ).lastrowid  # fmt: skip
    conn.execute(
        "UPDATE intake_reviews SET state = ?, done_at = ?, done_by = ? "
        "WHERE case_id = ? AND state = ?",
        (SUPERSEDED, now, actor.ext_id, case_id, OPEN),
    )
    conn.execute(
        "INSERT INTO intake_reviews(case_id, handover_id, owner_id, state, created_at) "
        "VALUES (?, ?, ?, ?, ?)",
        (case_id, handover_id, target.id, OPEN, now),
    )
    return int(handover_id or 0)


# -- reading ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HandoverNote:
    id: int
    case_ref: str
    at: str
    by: str | None
    from_caseworker: str | None
    to_caseworker: str | None
    from_unit: str | None
    to_unit: str | None
    reason: str | None
    summary: dict[str, Any]
    note: str | None

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "case_id": self.case_ref,
            "at": self.at,
            "by": self.by,
            "from": self.from_caseworker,
            "to": self.to_caseworker,
            "from_unit": self.from_unit,
            "to_unit": self.to_unit,
            "reason": self.reason,
            "summary": self.summary,
            "summary_text": summary_lines(self.summary),
            "note": self.note,
        }


_NOTE_SELECT = (
    "SELECT h.id, c.case_ref, h.at, h.by, f.ext_id, t.ext_id, h.from_unit, h.to_unit, h.reason, "
    "h.summary, h.note FROM handovers h JOIN cases c ON c.id = h.case_id "
    "LEFT JOIN caseworkers f ON f.id = h.from_id LEFT JOIN caseworkers t ON t.id = h.to_id"
)


def _note(row: Any) -> HandoverNote:
    return HandoverNote(*row[:9], json.loads(row[9] or "{}"), row[10])  # type: ignore[misc]


def handover_notes(conn: sqlite3.Connection, case_ref: str) -> list[HandoverNote]:
    """Every handover of a case, newest first."""
    row = case_row(conn, case_ref)
    rows = conn.execute(
        f"{_NOTE_SELECT} WHERE h.case_id = ? ORDER BY h.at DESC, h.id DESC", (row["id"],)
    ).fetchall()
    return [_note(r) for r in rows]


@dataclass(frozen=True, slots=True)
class IntakeReview:
    """One received case to go through: the impulses without an outcome (each with whether
    it is carried over) and the open follow-ups first, then the handover note."""

    id: int
    case_id: int
    case_ref: str
    owner: str
    state: str
    created_at: str
    done_at: str | None
    impulses: list[dict[str, Any]]
    follow_ups: list[dict[str, Any]]
    handover: HandoverNote | None

    @property
    def remaining(self) -> list[dict[str, Any]]:
        """The impulses that still keep the review open: no outcome and not carried over."""
        return [i for i in self.impulses if not i["carried_over"]]

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "case_id": self.case_ref,
            "owner": self.owner,
            "state": self.state,
            "created_at": self.created_at,
            "done_at": self.done_at,
            "impulses": self.impulses,
            "follow_ups": self.follow_ups,
            "remaining": len(self.remaining),
            "handover": self.handover.as_json() if self.handover else None,
        }


_REVIEW_SELECT = (
    "SELECT r.id, r.case_id, c.case_ref, w.ext_id, r.state, r.created_at, r.done_at, "
    "r.handover_id FROM intake_reviews r JOIN cases c ON c.id = r.case_id "
    "JOIN caseworkers w ON w.id = r.owner_id"
)


def _review(conn: sqlite3.Connection, row: Any) -> IntakeReview:
    review_id, case_id = row[0], row[1]
    carried = {
        r[0]: r[1]
        for r in conn.execute(
            "SELECT impulse_id, note FROM intake_carried WHERE review_id = ?", (review_id,)
        )
    }
    impulses = [
        {"id": r[0], "type": r[1], "type_label": label(IMPULSE_TYPE_SV, r[1]),
         "received_at": r[2], "text": r[3] or "", "carried_over": r[0] in carried,
         "carry_note": carried.get(r[0])}
        for r in conn.execute(
            "SELECT id, type, received_at, text FROM impulses WHERE case_id = ? "
            "AND outcome IS NULL ORDER BY received_at, id",
            (case_id,),
        )
    ]  # fmt: skip
    follow_ups = [
        {"id": r[0], "kind": r[1], "kind_label": label(FOLLOW_UP_KIND_SV, r[1]), "origin": r[2],
         "due_at": r[3], "note": r[4]}
        for r in conn.execute(
            "SELECT id, kind, origin, due_at, note FROM follow_ups WHERE case_id = ? "
            "AND state = 'open' AND deleted_at IS NULL ORDER BY due_at, id",
            (case_id,),
        )
    ]  # fmt: skip
    note = None
    if row[7] is not None:
        found = conn.execute(f"{_NOTE_SELECT} WHERE h.id = ?", (row[7],)).fetchone()
        note = _note(found) if found else None
    return IntakeReview(*row[:7], impulses, follow_ups, note)  # type: ignore[arg-type]


def open_reviews(conn: sqlite3.Connection, caseworker: Caseworker) -> list[IntakeReview]:
    """The caseworker's intake reviews still to do, oldest first: only of open cases they
    still own (a case that left them takes its review with it)."""
    rows = conn.execute(
        f"{_REVIEW_SELECT} WHERE r.owner_id = ? AND r.state = ? AND c.status = 'open' "
        "AND c.caseworker_id = r.owner_id ORDER BY r.created_at, r.id",
        (caseworker.id, OPEN),
    ).fetchall()
    return [_review(conn, r) for r in rows]


def review_of(conn: sqlite3.Connection, case_ref: str) -> IntakeReview:
    """The case's latest intake review (open or not); NotFoundError when it has none."""
    row = case_row(conn, case_ref)
    found = conn.execute(
        f"{_REVIEW_SELECT} WHERE r.case_id = ? ORDER BY r.id DESC LIMIT 1", (row["id"],)
    ).fetchone()
    if found is None:
        raise NotFoundError(
            _("Ärendet {case_ref} har ingen genomgång av mottaget ärende.").format(
                case_ref=case_ref
            )
        )
    return _review(conn, found)


def _open_review_for(conn: sqlite3.Connection, case_ref: str, caseworker: Caseworker) -> Any:
    row = case_row(conn, case_ref)
    found = conn.execute(
        "SELECT id, owner_id FROM intake_reviews WHERE case_id = ? AND state = ? "
        "ORDER BY id DESC LIMIT 1",
        (row["id"], OPEN),
    ).fetchone()
    if found is None:
        raise InvalidInputError(
            _("Ärendet {case_ref} har ingen öppen genomgång av mottaget ärende.").format(
                case_ref=case_ref
            )
        )
    if found["owner_id"] != caseworker.id or row["caseworker_id"] != caseworker.id:
        raise InvalidInputError(
            _(
                "Genomgången av {case_ref} är den nya handläggarens; ange --as med dennes signatur."
            ).format(case_ref=case_ref)
        )
    return row, found["id"]


def carry_over(
    conn: sqlite3.Connection,
    case_ref: str,
    impulse_ids: list[int],
    note: str,
    caseworker: Caseworker,
    clock: Clock,
) -> int:
    """Explicitly carry impulses over in the case's open intake review: the new owner has
    seen them and keeps them open. All or nothing; how many were newly carried over."""
    text = (note or "").strip()
    if not impulse_ids:
        raise InvalidInputError(_("Ange minst en impuls att föra över."))
    now = utc_iso(clock.now())
    with transaction(conn):
        row, review_id = _open_review_for(conn, case_ref, caseworker)
        marks = ",".join("?" for _ in impulse_ids)
        found = {
            r[0]: r[1]
            for r in conn.execute(
                f"SELECT id, outcome FROM impulses WHERE case_id = ? AND id IN ({marks})",
                (row["id"], *impulse_ids),
            )
        }
        wrong = sorted(set(impulse_ids) - set(found))
        if wrong:
            raise NotFoundError(
                _("Impulserna hör inte till ärendet {case_ref}: {ids}.").format(
                    case_ref=case_ref, ids=", ".join(f"#{i}" for i in wrong)
                )
            )
        handled = sorted(i for i, outcome in found.items() if outcome is not None)
        if handled:
            raise InvalidInputError(
                _("Impulser som redan har ett utfall behöver inte föras över: {ids}.").format(
                    ids=", ".join(f"#{i}" for i in handled)
                )
            )
        already = {
            r[0]
            for r in conn.execute(
                "SELECT impulse_id FROM intake_carried WHERE review_id = ?", (review_id,)
            )
        }
        new = [i for i in dict.fromkeys(impulse_ids) if i not in already]
        conn.executemany(
            "INSERT INTO intake_carried(case_id, review_id, impulse_id, note, at, by) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(row["id"], review_id, i, text or None, now, caseworker.ext_id) for i in new],
        )
        if new:
            queries.append_event(
                conn, case_id=row["id"], at=now, actor=caseworker.ext_id,
                kind="intake.carried_over",
                detail={"review_id": review_id, "impulses": new, "note": text or None},
            )  # fmt: skip
    return len(new)


def complete_review(
    conn: sqlite3.Connection, case_ref: str, caseworker: Caseworker, clock: Clock
) -> IntakeReview:
    """Mark the case's intake review done: refused, naming them, while an impulse has
    neither an outcome nor been carried over."""
    now = utc_iso(clock.now())
    with transaction(conn):
        row, review_id = _open_review_for(conn, case_ref, caseworker)
        review = _review(
            conn, conn.execute(f"{_REVIEW_SELECT} WHERE r.id = ?", (review_id,)).fetchone()
        )
        if review.remaining:
            ids = ", ".join(f"#{i['id']}" for i in review.remaining)
            raise InvalidInputError(
                _(
                    "Genomgången av {case_ref} är inte klar: ge impulserna {ids} ett utfall "
                    "eller för över dem (intake carry)."
                ).format(case_ref=case_ref, ids=ids)
            )
        conn.execute(
            "UPDATE intake_reviews SET state = ?, done_at = ?, done_by = ? WHERE id = ?",
            (DONE, now, caseworker.ext_id, review_id),
        )
        queries.append_event(
            conn, case_id=row["id"], at=now, actor=caseworker.ext_id, kind="intake.done",
            detail={"review_id": review_id,
                    "carried_over": [i["id"] for i in review.impulses if i["carried_over"]]},
        )  # fmt: skip
    return review_of(conn, case_ref)


def preview_summary(conn: sqlite3.Connection, case_ref: str, clock: Clock) -> dict[str, Any]:
    """The summary a handover of the case would carry today (for the note's prefill)."""
    row = case_row(conn, case_ref)
    return case_summary(conn, row["id"], local_today(clock))
