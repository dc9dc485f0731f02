"""Follow-ups (bevakningar): personal ones the caseworker sets, standard ones from the chain.
The ``follow_ups`` table is the single truth; every change is written to the case's event
log (actor = the caseworker's signature, or ``system`` for what the engine does itself).

Rules this module keeps (see docs/follow-ups.md):

- A personal follow-up is never changed by the system, except that a snooze the
  caseworker asked to be woken by an impulse is woken (``wake_snoozed``).
- A standard follow-up (origin ``standard``) is created by
  ``app.followups.standard.ensure_standard_follow_ups``
  at each lead time of a milestone; it can be done, snoozed or dismissed with a reason,
  but not deleted or rescheduled (its time follows the chain).
- Delete is soft and undoable: the row is kept with ``deleted_at`` set and state
  ``dismissed`` (so every reader that looks at open follow-ups stops seeing it).
- The legal floor: no snooze hides a case past its next chain checkpoint (a milestone's
  date minus one of its lead times, or the milestone date itself) at 08:00; a later
  snooze is capped there.

A little over 500 lines: every write to a follow-up and its event lives here, so the
rules above are kept in one module.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any

from app.base.clock import STOCKHOLM, Clock, utc_iso
from app.base.errors import InvalidInputError, NotFoundError
from app.base.i18n import N_, _, label
from app.base.model import FOLLOW_UP_KIND_SV, FollowUpKind, FollowUpOrigin, FollowUpState
from app.followups.floor import (
    _OWNER,
    Floor,
    _aware,
    _local_text,
    _parse_ts,
    case_floor,
)
from app.followups.recurrence import Recurrence
from app.followups.when import at_local
from app.priority.profile import Caseworker
from db import queries, transaction

SYSTEM_ACTOR = "system"
MAX_NOTE_LENGTH = 2000

WAKE_ON = ("any_impulse", "certificate", "none")
WAKE_ON_SV = {
    "any_impulse": N_("ny impuls i ärendet"),
    "certificate": N_("nytt läkarintyg"),
    "none": N_("inget"),
}

_COLUMNS = (
    "f.id, f.case_id, c.case_ref, c.status AS case_status, f.owner_id, f.due_at, f.kind, "
    "f.origin, f.milestone_key, f.lead_days, f.note, f.state, f.snoozed_until, f.wake_on, "
    "f.recurrence, f.occurrences, f.created_at, f.closed_at, f.close_note, f.fired_at, "
    "f.deleted_at"
)


@dataclass(frozen=True, slots=True)
class FollowUp:
    """One follow-up as stored, with the case reference it belongs to."""

    id: int
    case_id: int
    case_ref: str
    case_open: bool
    owner_id: int | None
    due_at: datetime
    kind: str
    origin: str
    milestone_key: str | None
    lead_days: int | None
    note: str | None
    state: str
    snoozed_until: datetime | None
    wake_on: str | None
    recurrence: Recurrence | None
    occurrences: int
    created_at: datetime | None
    closed_at: datetime | None
    close_note: str | None
    fired_at: datetime | None
    deleted_at: datetime | None

    @property
    def fire_at(self) -> datetime:
        """When its reminder is due: the due time, or the end of a snooze past it."""
        if self.snoozed_until is not None and self.snoozed_until > self.due_at:
            return self.snoozed_until
        return self.due_at

    def is_snoozed(self, now: datetime) -> bool:
        return self.snoozed_until is not None and self.snoozed_until > now

    @property
    def kind_sv(self) -> str:
        return label(FOLLOW_UP_KIND_SV, self.kind)

    def as_json(self, now: datetime | None = None) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "case_id": self.case_ref,
            "kind": self.kind,
            "kind_label": self.kind_sv,
            "origin": self.origin,
            "milestone_key": self.milestone_key,
            "lead_days": self.lead_days,
            "note": self.note,
            "state": self.state,
            "due_at": utc_iso(self.due_at),
            "due_local": _local_text(self.due_at),
            "snoozed_until": utc_iso(self.snoozed_until) if self.snoozed_until else None,
            "wake_on": self.wake_on if self.snoozed_until else None,
            "recurrence": self.recurrence.as_json() if self.recurrence else None,
            "occurrences": self.occurrences,
            "fire_at": utc_iso(self.fire_at),
            "fired_at": utc_iso(self.fired_at) if self.fired_at else None,
            "closed_at": utc_iso(self.closed_at) if self.closed_at else None,
            "close_note": self.close_note,
            "deleted": self.deleted_at is not None,
        }
        if now is not None:
            data["snoozed"] = self.is_snoozed(now)
            data["due"] = self.state == FollowUpState.OPEN and self.fire_at <= now
        return data


def _from_row(row: sqlite3.Row) -> FollowUp:
    return FollowUp(
        id=row["id"],
        case_id=row["case_id"],
        case_ref=row["case_ref"],
        case_open=row["case_status"] == "open",
        owner_id=row["owner_id"],
        due_at=_parse_ts(row["due_at"]),  # type: ignore[arg-type]
        kind=row["kind"],
        origin=row["origin"],
        milestone_key=row["milestone_key"],
        lead_days=row["lead_days"],
        note=row["note"],
        state=row["state"],
        snoozed_until=_parse_ts(row["snoozed_until"]),
        wake_on=row["wake_on"],
        recurrence=Recurrence.from_text(row["recurrence"]),
        occurrences=row["occurrences"] or 0,
        created_at=_parse_ts(row["created_at"]),
        closed_at=_parse_ts(row["closed_at"]),
        close_note=row["close_note"],
        fired_at=_parse_ts(row["fired_at"]),
        deleted_at=_parse_ts(row["deleted_at"]),
    )


def get_follow_up(conn: sqlite3.Connection, follow_up_id: int) -> FollowUp:
    """One follow-up by id (deleted ones too); NotFoundError when there is none."""
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM follow_ups f JOIN cases c ON c.id = f.case_id WHERE f.id = ?",
        (int(follow_up_id),),
    ).fetchone()
    if row is None:
        raise NotFoundError(
            _("Det finns ingen bevakning med nummer {follow_up_id}.").format(
                follow_up_id=follow_up_id
            )
        )
    return _from_row(row)


def _case_row(conn: sqlite3.Connection, case: int | str) -> sqlite3.Row:
    if isinstance(case, int):
        row = conn.execute("SELECT * FROM cases WHERE id = ?", (case,)).fetchone()
    else:
        row = queries.case_by_ref(conn, case)
    if row is None:
        raise NotFoundError(_("Ärendet '{case}' finns inte i databasen.").format(case=case))
    return row


def _kind(kind: str | FollowUpKind) -> str:
    try:
        return FollowUpKind(str(kind).strip().lower()).value
    except ValueError:
        known = ", ".join(k.value for k in FollowUpKind)
        raise InvalidInputError(
            _("Okänd sorts bevakning '{kind}'. Välj en av: {known}.").format(kind=kind, known=known)
        ) from None


def _note(note: str | None) -> str | None:
    if note is None:
        return None
    text = note.strip()
    if len(text) > MAX_NOTE_LENGTH:
        raise InvalidInputError(
            _("Anteckningen får vara högst {MAX_NOTE_LENGTH} tecken.").format(
                MAX_NOTE_LENGTH=MAX_NOTE_LENGTH
            )
        )
    return text or None


def _event(
    conn: sqlite3.Connection,
    follow_up: FollowUp | int,
    case_id: int,
    at: str,
    actor: str,
    event_kind: str,
    /,
    **detail: Any,
) -> None:
    fid = follow_up if isinstance(follow_up, int) else follow_up.id
    queries.append_event(
        conn, case_id=case_id, at=at, actor=actor, kind=event_kind,
        detail={"follow_up_id": fid, **detail},
    )  # fmt: skip


# -- create and change -----------------------------------------------------------------------


def create_follow_up(
    conn: sqlite3.Connection,
    case: int | str,
    caseworker: Caseworker,
    due: datetime,
    clock: Clock,
    *,
    kind: str | FollowUpKind = FollowUpKind.OTHER,
    note: str | None = None,
    recurrence: Recurrence | None = None,
) -> FollowUp:
    """Create a personal follow-up on an open case (by id or case reference).

    A due time in the past is allowed (it is then due at once and shows as overdue); the
    caller may tell the caseworker so (``fu.fire_at <= clock.now()``).
    """
    kind_value = _kind(kind)
    text = _note(note)
    due = _aware(due)
    if recurrence is not None:
        recurrence = recurrence.anchored(due)
    if (
        recurrence is not None
        and recurrence.until is not None
        and recurrence.until < due.astimezone(STOCKHOLM).date()
    ):
        raise InvalidInputError(_("Slutdatumet för upprepningen ligger före första tillfället."))
    now = utc_iso(clock.now())
    with transaction(conn):
        row = _case_row(conn, case)
        if row["status"] != "open":
            raise InvalidInputError(
                _(
                    "Ärendet {case_ref} är avslutat; bevakningar kan bara sättas på öppna ärenden."
                ).format(case_ref=row["case_ref"])
            )
        follow_up_id = conn.execute(
            "INSERT INTO follow_ups(case_id, owner_id, due_at, kind, origin, note, state, "
            "recurrence, created_at, occurrences) VALUES (?, ?, ?, ?, 'personal', ?, 'open', ?, "
            "?, 0)",
            (
                row["id"], caseworker.id, utc_iso(due), kind_value, text,
                recurrence.to_text() if recurrence else None, now,
            ),
        ).lastrowid  # fmt: skip
        assert follow_up_id is not None
        _event(
            conn, follow_up_id, row["id"], now, caseworker.ext_id, "follow_up.created",
            due_at=utc_iso(due), kind=kind_value, origin="personal", note=text,
            recurrence=recurrence.as_json() if recurrence else None,
        )  # fmt: skip
    return get_follow_up(conn, follow_up_id)


def _open_follow_up(conn: sqlite3.Connection, follow_up_id: int) -> FollowUp:
    fu = get_follow_up(conn, follow_up_id)
    if fu.deleted_at is not None:
        raise InvalidInputError(
            _("Bevakning {id} är borttagen; ångra med 'follow-up undo {id}'.").format(id=fu.id)
        )
    if fu.state != FollowUpState.OPEN:
        if fu.state == FollowUpState.DONE:
            raise InvalidInputError(_("Bevakning {id} är redan klarmarkerad.").format(id=fu.id))
        raise InvalidInputError(_("Bevakning {id} är redan avfärdad.").format(id=fu.id))
    return fu


def done_follow_up(
    conn: sqlite3.Connection,
    follow_up_id: int,
    caseworker: Caseworker,
    clock: Clock,
    note: str | None = None,
) -> FollowUp:
    """Mark a follow-up done (event ``follow_up.done`` with the optional note).

    A recurring one advances exactly once, to its next occurrence at the same local time,
    and stays open; it closes when its until-date or count is reached.
    """
    text = _note(note)
    now = utc_iso(clock.now())
    with transaction(conn):
        fu = _open_follow_up(conn, follow_up_id)
        done_count = fu.occurrences + 1
        following = fu.recurrence.next_due(fu.due_at, done_count) if fu.recurrence else None
        if following is not None:
            conn.execute(
                "UPDATE follow_ups SET due_at = ?, occurrences = ?, snoozed_until = NULL, "
                "wake_on = NULL, fired_at = NULL WHERE id = ?",
                (utc_iso(following), done_count, fu.id),
            )
        else:
            conn.execute(
                "UPDATE follow_ups SET state = 'done', closed_at = ?, close_note = ?, "
                "occurrences = ? WHERE id = ?",
                (now, text, done_count, fu.id),
            )
        _event(
            conn, fu, fu.case_id, now, caseworker.ext_id, "follow_up.done",
            due_at=utc_iso(fu.due_at), note=text, occurrence=done_count,
            next_due_at=utc_iso(following) if following else None,
        )  # fmt: skip
        conn.execute("UPDATE cases SET last_action_at = ? WHERE id = ?", (now, fu.case_id))
    return get_follow_up(conn, fu.id)


@dataclass(frozen=True, slots=True)
class SnoozeResult:
    follow_up: FollowUp
    requested: datetime
    capped: bool
    floor: Floor | None

    def as_json(self, now: datetime | None = None) -> dict[str, Any]:
        return {
            "follow_up": self.follow_up.as_json(now),
            "requested_until": utc_iso(self.requested),
            "capped": self.capped,
            "floor": self.floor.as_json() if self.floor else None,
        }


def snooze_follow_up(
    conn: sqlite3.Connection,
    follow_up_id: int,
    caseworker: Caseworker,
    until: datetime,
    clock: Clock,
    *,
    wake_on: str = "any_impulse",
) -> SnoozeResult:
    """Snooze until ``until`` (capped at the case's legal floor), woken early by
    ``wake_on``: ``any_impulse``, ``certificate`` or ``none``."""
    if wake_on not in WAKE_ON:
        raise InvalidInputError(
            _("Okänt väckningsvillkor '{wake_on}'. Välj en av: {known}.").format(
                wake_on=wake_on, known=", ".join(WAKE_ON)
            )
        )
    until = _aware(until)
    now_dt = clock.now()
    if until <= now_dt:
        raise InvalidInputError(_("Tiden att skjuta upp till har redan passerat."))
    now = utc_iso(now_dt)
    with transaction(conn):
        fu = _open_follow_up(conn, follow_up_id)
        if until <= fu.due_at:
            raise InvalidInputError(
                _(
                    "Bevakning {id} är inte förfallen förrän {STOCKHOLM:%Y-%m-%d %H:%M}; "
                    "flytta den i stället (reschedule)."
                ).format(id=fu.id, STOCKHOLM=fu.due_at.astimezone(STOCKHOLM))
            )
        floor = case_floor(conn, fu.case_id, now_dt)
        capped = floor is not None and until > floor.at
        effective = floor.at if capped and floor is not None else until
        conn.execute(
            "UPDATE follow_ups SET snoozed_until = ?, wake_on = ?, fired_at = NULL WHERE id = ?",
            (utc_iso(effective), wake_on, fu.id),
        )
        _event(
            conn, fu, fu.case_id, now, caseworker.ext_id, "follow_up.snoozed",
            until=utc_iso(effective), wake_on=wake_on,
            requested_until=utc_iso(until) if capped else None,
            floor=floor.as_json() if capped and floor else None,
        )  # fmt: skip
    return SnoozeResult(get_follow_up(conn, fu.id), until, capped, floor if capped else None)


def reschedule_follow_up(
    conn: sqlite3.Connection,
    follow_up_id: int,
    caseworker: Caseworker,
    due: datetime,
    clock: Clock,
) -> FollowUp:
    """Move a personal follow-up to a new due time (clears any snooze)."""
    due = _aware(due)
    now = utc_iso(clock.now())
    with transaction(conn):
        fu = _open_follow_up(conn, follow_up_id)
        if fu.origin == FollowUpOrigin.STANDARD:
            raise InvalidInputError(
                _(
                    "En standardbevakning följer rehabiliteringskedjan och kan inte flyttas; "
                    "skjut upp den (snooze) eller avfärda den med ett skäl (dismiss)."
                )
            )
        # A series moves with it: its wall-clock time (and day of the month) become the
        # new one's, as the following occurrences are counted from it.
        recurrence = fu.recurrence.anchored(due) if fu.recurrence else None
        conn.execute(
            "UPDATE follow_ups SET due_at = ?, recurrence = ?, snoozed_until = NULL, "
            "wake_on = NULL, fired_at = NULL WHERE id = ?",
            (utc_iso(due), recurrence.to_text() if recurrence else None, fu.id),
        )
        _event(
            conn, fu, fu.case_id, now, caseworker.ext_id, "follow_up.rescheduled",
            from_due_at=utc_iso(fu.due_at), due_at=utc_iso(due),
        )  # fmt: skip
    return get_follow_up(conn, fu.id)


def delete_follow_up(
    conn: sqlite3.Connection, follow_up_id: int, caseworker: Caseworker, clock: Clock
) -> FollowUp:
    """Soft-delete an open personal follow-up (undo with ``undo_delete``)."""
    now = utc_iso(clock.now())
    with transaction(conn):
        fu = _open_follow_up(conn, follow_up_id)
        if fu.origin == FollowUpOrigin.STANDARD:
            raise InvalidInputError(
                _("En standardbevakning kan inte tas bort; avfärda den med ett skäl (dismiss).")
            )
        conn.execute(
            "UPDATE follow_ups SET deleted_at = ?, state = 'dismissed', closed_at = ? WHERE id = ?",
            (now, now, fu.id),
        )
        _event(conn, fu, fu.case_id, now, caseworker.ext_id, "follow_up.deleted")
    return get_follow_up(conn, fu.id)


def undo_delete(
    conn: sqlite3.Connection, follow_up_id: int, caseworker: Caseworker, clock: Clock
) -> FollowUp:
    """Bring back a deleted follow-up as it was (open, same due time and snooze)."""
    now = utc_iso(clock.now())
    with transaction(conn):
        fu = get_follow_up(conn, follow_up_id)
        if fu.deleted_at is None:
            raise InvalidInputError(_("Bevakning {id} är inte borttagen.").format(id=fu.id))
        conn.execute(
            "UPDATE follow_ups SET deleted_at = NULL, state = 'open', closed_at = NULL "
            "WHERE id = ?",
            (fu.id,),
        )
        _event(conn, fu, fu.case_id, now, caseworker.ext_id, "follow_up.restored")
    return get_follow_up(conn, fu.id)


def dismiss_follow_up(
    conn: sqlite3.Connection,
    follow_up_id: int,
    caseworker: Caseworker,
    reason: str,
    clock: Clock,
) -> FollowUp:
    """Dismiss a standard follow-up; the reason is required and kept (close_note, event)."""
    text = _note(reason)
    if not text:
        raise InvalidInputError(_("Skriv varför standardbevakningen avfärdas."))
    now = utc_iso(clock.now())
    with transaction(conn):
        fu = _open_follow_up(conn, follow_up_id)
        if fu.origin != FollowUpOrigin.STANDARD:
            raise InvalidInputError(
                _(
                    "Bara standardbevakningar avfärdas; en egen bevakning klarmarkeras (done) "
                    "eller tas bort (delete)."
                )
            )
        conn.execute(
            "UPDATE follow_ups SET state = 'dismissed', closed_at = ?, close_note = ? WHERE id = ?",
            (now, text, fu.id),
        )
        _event(
            conn, fu, fu.case_id, now, caseworker.ext_id, "follow_up.dismissed", reason=text,
            milestone_key=fu.milestone_key, lead_days=fu.lead_days,
        )  # fmt: skip
    return get_follow_up(conn, fu.id)


def wake_snoozed(
    conn: sqlite3.Connection, case_id: int, doc_kind: str | None, clock: Clock
) -> list[int]:
    """Wake the case's snoozed follow-ups whose condition a new impulse meets.

    ``any_impulse`` wakes on every document; ``certificate`` only on a medical certificate
    (``doc_kind == "certificate"``); ``none`` (and a snooze without a condition) never.
    A woken follow-up's snooze ends now; if it was already due its reminder shows again.
    Returns the ids woken.
    """
    now = utc_iso(clock.now())
    kinds = ("any_impulse", "certificate") if doc_kind == "certificate" else ("any_impulse",)
    marks = ",".join("?" for _ in kinds)
    with transaction(conn):
        rows = conn.execute(
            f"SELECT id, wake_on FROM follow_ups WHERE case_id = ? AND state = 'open' "
            f"AND deleted_at IS NULL AND snoozed_until > ? AND wake_on IN ({marks})",
            (case_id, now, *kinds),
        ).fetchall()
        for row in rows:
            conn.execute(
                "UPDATE follow_ups SET snoozed_until = NULL, wake_on = NULL, fired_at = NULL "
                "WHERE id = ?",
                (row["id"],),
            )
            _event(
                conn, row["id"], case_id, now, SYSTEM_ACTOR, "follow_up.woken",
                doc_kind=doc_kind, wake_on=row["wake_on"],
            )  # fmt: skip
    return [row["id"] for row in rows]


# -- reading -----------------------------------------------------------------------------------


def list_follow_ups(
    conn: sqlite3.Connection,
    caseworker: Caseworker | None,
    now: datetime,
    *,
    due_only: bool = False,
    case: int | str | None = None,
    origin: str | None = None,
) -> list[FollowUp]:
    """Open follow-ups on open cases, ordered by when their reminder is due.

    ``caseworker``: those they own (a standard follow-up belongs to the case's caseworker);
    None for everyone's. ``due_only``: due today or earlier and not snoozed past now.
    """
    where = ["f.state = 'open'", "f.deleted_at IS NULL", "c.status = 'open'"]
    params: list[Any] = []
    if caseworker is not None:
        where.append(f"{_OWNER} = ?")
        params.append(caseworker.id)
    if case is not None:
        row = _case_row(conn, case)
        where.append("f.case_id = ?")
        params.append(row["id"])
    if origin is not None:
        if origin not in {o.value for o in FollowUpOrigin}:
            raise InvalidInputError(
                _("Okänt ursprung '{origin}': personal eller standard.").format(origin=origin)
            )
        where.append("f.origin = ?")
        params.append(origin)
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM follow_ups f JOIN cases c ON c.id = f.case_id "
        f"WHERE {' AND '.join(where)}",
        params,
    ).fetchall()
    items = [_from_row(r) for r in rows]
    if due_only:
        now = _aware(now)
        end_of_day = at_local(now.astimezone(STOCKHOLM).date() + timedelta(days=1), time(0))
        items = [f for f in items if f.fire_at < end_of_day and not f.is_snoozed(now)]
    items.sort(key=lambda f: (f.fire_at, f.id))
    return items
