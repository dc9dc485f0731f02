"""The impulse inbox: open impulses, what a new certificate changed, and recorded outcomes."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from app.base.clock import Clock, local_date_of, utc_iso
from app.base.errors import InvalidInputError, NotFoundError
from app.base.i18n import N_, _, label
from app.base.model import IMPULSE_TYPE_SV, OTHER_BENEFIT_IMPULSE, ImpulseOutcome
from app.priority.profile import Caseworker
from db import queries, transaction

OUTCOME_SV = {
    "acted": N_("Åtgärdad"),
    "other_actor": N_("Hanteras av annan aktör"),
    "not_relevant": N_("Inte relevant"),
}

DOC_KIND_SV = {
    "certificate": N_("Läkarintyg"),
    "supplement_reply": N_("Svar på komplettering"),
    "employer_plan": N_("Plan för återgång (arbetsgivaren)"),
    "occupational_health": N_("Företagshälsovård"),
    "capacity_assessment": N_("Arbetsförmågeutredning"),
    "reassignment_review": N_("Omplaceringsutredning"),
    "checkin_minutes": N_("Avstämningsmöte"),
    "insured_message": N_("Meddelande från den försäkrade"),
    "af_or_healthcare": N_("Arbetsförmedlingen/vården"),
}


@dataclass(frozen=True, slots=True)
class InboxItem:
    id: int
    case_id: int
    case_ref: str
    person_name: str
    type: str
    doc_kind: str | None
    received_at: str
    received_on: date
    text: str
    unread: bool
    change: str | None

    @property
    def type_sv(self) -> str:
        return label(IMPULSE_TYPE_SV, self.type)

    @property
    def doc_kind_sv(self) -> str:
        return label(DOC_KIND_SV, self.doc_kind or "")

    def age_days(self, on: date) -> int:
        return max(0, (on - self.received_on).days)


def certificate_change(previous: sqlite3.Row | None, latest: sqlite3.Row) -> str | None:
    """What a new certificate changed, e.g. 'slutdatum +30 dagar, 50 % → 75 %'."""
    if previous is None:
        return f"nytt intyg till {latest['to_date']}, {latest['extent']} %"
    parts = []
    delta = (date.fromisoformat(latest["to_date"]) - date.fromisoformat(previous["to_date"])).days
    if delta:
        parts.append(f"slutdatum {delta:+d} dagar")
    if latest["extent"] != previous["extent"] and latest["extent"] and previous["extent"]:
        parts.append(f"{previous['extent']} % → {latest['extent']} %")
    return ", ".join(parts) or "oförändrat slutdatum och omfattning"


def _certificate_changes(conn: sqlite3.Connection, case_ids: Iterable[int]) -> dict[int, str]:
    """The change brought by each case's latest certificate."""
    ids = ",".join(str(int(i)) for i in set(case_ids))
    if not ids:
        return {}
    latest: dict[int, list[sqlite3.Row]] = {}
    for row in conn.execute(
        f"SELECT case_id, from_date, to_date, extent FROM certificates WHERE case_id IN ({ids}) "
        "ORDER BY case_id, to_date DESC, from_date DESC"
    ):
        rows = latest.setdefault(row["case_id"], [])
        if len(rows) < 2:
            rows.append(row)
    return {
        case_id: change
        for case_id, rows in latest.items()
        if (change := certificate_change(rows[1] if len(rows) > 1 else None, rows[0]))
    }


def inbox_items(
    conn: sqlite3.Connection,
    caseworker: Caseworker,
    *,
    on: date | None = None,
    types: Sequence[str] | None = None,
    max_age_days: int | None = None,
) -> list[InboxItem]:
    """Open impulses on the caseworker's open cases, newest first within each case."""
    sql = (
        "SELECT i.id, i.case_id, c.case_ref, c.person_name, i.type, i.doc_kind, i.received_at, "
        "i.text, i.read_at IS NULL AS unread FROM impulses i JOIN cases c ON c.id = i.case_id "
        "WHERE i.outcome IS NULL AND c.status = 'open' AND c.caseworker_id = ?"
    )
    params: list[object] = [caseworker.id]
    if types:
        sql += f" AND i.type IN ({','.join('?' for _ in types)})"
        params.extend(types)
    sql += " ORDER BY c.case_ref, i.received_at DESC"
    rows = conn.execute(sql, params).fetchall()
    certificate_case_ids = [r["case_id"] for r in rows if r["doc_kind"] == "certificate"]
    changes = _certificate_changes(conn, certificate_case_ids)
    items = []
    for r in rows:
        received_on = local_date_of(r["received_at"])
        if max_age_days is not None and on is not None and (on - received_on).days > max_age_days:
            continue
        items.append(
            InboxItem(
                id=r["id"],
                case_id=r["case_id"],
                case_ref=r["case_ref"],
                person_name=r["person_name"] or "",
                type=r["type"],
                doc_kind=r["doc_kind"],
                received_at=r["received_at"],
                received_on=received_on,
                text=r["text"] or "",
                unread=bool(r["unread"]),
                change=changes.get(r["case_id"]) if r["doc_kind"] == "certificate" else None,
            )
        )
    return items


def unread_count(conn: sqlite3.Connection, caseworker: Caseworker) -> int:
    return conn.execute(
        "SELECT count(*) FROM impulses i JOIN cases c ON c.id = i.case_id "
        "WHERE i.outcome IS NULL AND i.read_at IS NULL AND c.status = 'open' "
        "AND c.caseworker_id = ?",
        (caseworker.id,),
    ).fetchone()[0]


def mark_read(
    conn: sqlite3.Connection, impulse_ids: Sequence[int], caseworker: Caseworker, clock: Clock
) -> int:
    """Mark impulses as read (opening one is not handling it: the outcome is still owed)."""
    now = utc_iso(clock.now())
    with transaction(conn):
        cur = conn.executemany(
            "UPDATE impulses SET read_at = ? WHERE id = ? AND read_at IS NULL",
            [(now, i) for i in impulse_ids],
        )
    return cur.rowcount


def record_outcome(
    conn: sqlite3.Connection,
    impulse_ids: Sequence[int],
    outcome: str,
    note: str,
    caseworker: Caseworker,
    clock: Clock,
    *,
    only_open: bool = False,
    hint_outcome: bool = False,
) -> int:
    """Give impulses an outcome (acted / other actor / not relevant) with a note, as events.

    All or nothing: one transaction for the whole selection, one event per impulse. With
    ``only_open`` an impulse that already has an outcome (e.g. recorded meanwhile by
    another program) is refused by number inside that transaction, so none of the
    selection is written and no impulse gets a second outcome.

    An "Andra förmåner" hint's impulse (type ``other_benefit``, app.case.benefits) needs
    the date and channel the insured was informed on: here it may only be found not
    relevant (the note is the reason, and the hint gets the same outcome); "acted" is
    refused with where to record it. ``hint_outcome``: called by app.case.benefits.
    """
    try:
        outcome = ImpulseOutcome(outcome).value
    except ValueError:
        known = ", ".join(o.value for o in ImpulseOutcome)
        raise InvalidInputError(
            _("Okänt utfall '{outcome}'. Välj ett av: {known}.").format(
                outcome=outcome, known=known
            )
        ) from None
    note = note.strip()
    if outcome == ImpulseOutcome.NOT_RELEVANT and not note:
        raise InvalidInputError(_("Skriv varför impulsen inte är relevant."))
    if not impulse_ids:
        return 0
    now = utc_iso(clock.now())
    marks = ",".join("?" for _ in impulse_ids)
    with transaction(conn):
        rows = conn.execute(
            f"SELECT id, case_id, ext_id, type, outcome FROM impulses WHERE id IN ({marks})",
            tuple(impulse_ids),
        ).fetchall()
        if len(rows) != len(set(impulse_ids)):
            missing = sorted(set(impulse_ids) - {r["id"] for r in rows})
            shown = ", ".join(f"#{i}" for i in missing)
            raise NotFoundError(
                _("En eller flera impulser finns inte längre: {shown}.").format(shown=shown)
            )
        handled = sorted(r["id"] for r in rows if r["outcome"] is not None)
        if only_open and handled:
            shown = ", ".join(f"#{i}" for i in handled)
            raise InvalidInputError(
                _("Impulser som redan har ett registrerat utfall: {shown}.").format(shown=shown)
            )
        hints = [
            r["id"] for r in rows if r["type"] == OTHER_BENEFIT_IMPULSE and r["outcome"] is None
        ]
        if hints and not hint_outcome:
            if outcome != ImpulseOutcome.NOT_RELEVANT:
                shown = ", ".join(f"#{i}" for i in sorted(hints))
                raise InvalidInputError(
                    _(
                        "Impuls {shown} gäller en annan förmån: registrera att den försäkrade "
                        "informerades, med datum och kanal (overblick benefits informed), eller "
                        "att den inte är relevant."
                    ).format(shown=shown)
                )
            marks_ = ",".join("?" for _ in hints)
            conn.execute(
                "UPDATE benefit_hints SET outcome = 'not_relevant', outcome_note = ?, "
                "outcome_by = ?, outcome_at = ? WHERE outcome IS NULL "
                f"AND impulse_id IN ({marks_})",
                (note, caseworker.ext_id, now, *hints),
            )
        conn.executemany(
            "UPDATE impulses SET outcome = ?, outcome_note = ?, outcome_by = ?, outcome_at = ?, "
            "read_at = COALESCE(read_at, ?) WHERE id = ?",
            [(outcome, note, caseworker.ext_id, now, now, r["id"]) for r in rows],
        )
        for r in rows:
            queries.append_event(
                conn,
                case_id=r["case_id"],
                at=now,
                actor=caseworker.ext_id,
                kind="impulse.outcome",
                detail={"impulse": r["ext_id"], "type": r["type"], "outcome": outcome,
                        "note": note},
            )  # fmt: skip
            conn.execute("UPDATE cases SET last_action_at = ? WHERE id = ?", (now, r["case_id"]))
    return len(rows)
