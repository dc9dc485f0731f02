""" "Andra förmåner": hints that another benefit may apply, each an impulse until its outcome.

The rules are data (resources/rules/benefits.toml, app.chain.casework_rules): each entry
names its source, its reference and the date from which it applies, and the conditions
under which it applies (an NFA refusal, a mark the caseworker set, an age band, the chain
day, the employment, an impulse type). ``scan`` looks at open cases and raises a hint for
each entry that applies and has not been raised on the case before: one ``benefit_hints``
row and one impulse of type ``other_benefit`` whose text is the reason, so the hint shows
in Impulser and weighs in the priority like any impulse (003:20–24, 003:330–338: "en
avisering i sitt ärende").

A hint stays until its outcome is recorded (``record_hint_outcome``): **informed** (the
date and the channel), or **not relevant** (the reason). The impulse then gets its outcome
too. A hint that has an outcome is never raised again on the same case.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.base.clock import Clock, local_today, utc_iso
from app.base.errors import InvalidInputError, NotFoundError
from app.base.i18n import N_, _, label
from app.base.model import OTHER_BENEFIT_IMPULSE
from app.chain.casework_rules import BenefitRule, Condition, benefit_rules
from app.chain.rules import chain_rules
from app.priority.profile import Caseworker
from app.stock.facts import case_row, chain_of_row
from db import queries, transaction

INFORMED, NOT_RELEVANT = "informed", "not_relevant"
CHANNELS = ("phone", "letter", "meeting", "digital", "sms")
CHANNEL_SV = {
    "phone": N_("telefon"),
    "letter": N_("brev"),
    "meeting": N_("möte"),
    "digital": N_("digitalt (Mina sidor, e-tjänst)"),
    "sms": N_("sms"),
}
OUTCOME_SV = {INFORMED: N_("informerad"), NOT_RELEVANT: N_("inte relevant")}
HINT_PREFIX = "hint:"  # the impulse's ext_id: hint:<case_ref>:<benefit>


def marks_of(text: str | None) -> list[str]:
    """The marks stored on a case ('pregnant;work_injury')."""
    return sorted({m for m in (text or "").split(";") if m})


def _age_on(birth: date, on: date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


@dataclass(frozen=True, slots=True)
class _CaseView:
    """What the conditions look at."""

    nfa_refusal: bool
    marks: frozenset[str]
    age: int | None
    chain_day: int
    employment: str
    impulse_types: frozenset[str]


def _holds(c: Condition, case: _CaseView) -> bool:
    if c.nfa_refusal and not case.nfa_refusal:
        return False
    if c.marks and not (set(c.marks) & case.marks):
        return False
    if c.min_age is not None and (case.age is None or case.age < c.min_age):
        return False
    if c.max_age is not None and (case.age is None or case.age > c.max_age):
        return False
    if c.min_chain_day is not None and case.chain_day < c.min_chain_day:
        return False
    if c.employment and case.employment not in c.employment:
        return False
    return not (c.impulse_types and not (set(c.impulse_types) & case.impulse_types))


def applies(rule: BenefitRule, case: _CaseView, on: date) -> bool:
    return rule.in_force_on(on) and any(_holds(c, case) for c in rule.when)


@dataclass(frozen=True, slots=True)
class ScanResult:
    on: date
    cases: int
    raised: list[dict[str, Any]]

    def as_json(self) -> dict[str, Any]:
        return {"on": self.on.isoformat(), "cases": self.cases, "raised": self.raised}


def scan(
    conn: sqlite3.Connection,
    on: date,
    clock: Clock,
    *,
    caseworker_id: int | None = None,
    case_ids: Iterable[int] | None = None,
) -> ScanResult:
    """Raise the hints that apply on ``on`` and were never raised on the case (all open
    cases, one caseworker's, or the given ones). Idempotent."""
    rules = benefit_rules()
    in_force = [b for b in rules.benefits if b.in_force_on(on)]
    now = utc_iso(clock.now())
    chain_table = chain_rules()
    raised: list[dict[str, Any]] = []
    with transaction(conn):
        rows, where, params = queries.open_case_rows(conn, caseworker_id, case_ids)
        if not rows:
            return ScanResult(on, 0, [])
        extra = {
            r[0]: r[1:]
            for r in conn.execute(
                f"SELECT c.id, c.case_ref, c.nfa_refusal_on, c.benefit_marks FROM cases c "
                f"WHERE {where}",
                params,
            )
        }
        types: dict[int, set[str]] = defaultdict(set)
        for case_id, kind in conn.execute(
            f"SELECT DISTINCT i.case_id, i.type FROM impulses i JOIN cases c ON c.id = i.case_id "
            f"WHERE {where}",
            params,
        ):
            types[case_id].add(kind)
        had: dict[int, set[str]] = defaultdict(set)
        for case_id, benefit in conn.execute(
            f"SELECT h.case_id, h.benefit FROM benefit_hints h JOIN cases c ON c.id = h.case_id "
            f"WHERE {where}",
            params,
        ):
            had[case_id].add(benefit)
        for row in rows:
            case_id, employment, birth, packed = row[0], row[2], row[3], row[17]
            case_ref, nfa_on, marks = extra[case_id]
            chain = chain_of_row(packed, employment, birth, on, chain_table)
            view = _CaseView(
                nfa_refusal=bool(nfa_on),
                marks=frozenset(marks_of(marks)),
                age=_age_on(date.fromisoformat(birth), on) if birth else None,
                chain_day=chain.day,
                employment=employment,
                impulse_types=frozenset(types.get(case_id, ())),
            )
            for rule in in_force:
                if rule.key in had[case_id] or not applies(rule, view, on):
                    continue
                raised.append(_raise(conn, case_id, case_ref, rule, rules.version, now))
    return ScanResult(on, len(rows), raised)


def _raise(
    conn: sqlite3.Connection,
    case_id: int,
    case_ref: str,
    rule: BenefitRule,
    version: str,
    now: str,
) -> dict[str, Any]:
    impulse_id = conn.execute(
        "INSERT INTO impulses(ext_id, case_id, type, doc_kind, received_at, text) "
        "VALUES (?, ?, ?, NULL, ?, ?)",
        (f"{HINT_PREFIX}{case_ref}:{rule.key}", case_id, OTHER_BENEFIT_IMPULSE, now,
         f"{rule.label_sv}: {rule.reason_sv}"),
    ).lastrowid  # fmt: skip
    hint_id = conn.execute(
        "INSERT INTO benefit_hints(case_id, benefit, rule_version, reason, source, raised_at, "
        "impulse_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (case_id, rule.key, version, rule.reason_sv, f"{rule.reference}; {rule.source}", now,
         impulse_id),
    ).lastrowid  # fmt: skip
    queries.append_event(
        conn, case_id=case_id, at=now, actor="system", kind="benefit.hint",
        detail={"hint_id": hint_id, "benefit": rule.key, "impulse_id": impulse_id,
                "rule_version": version, "source": rule.source},
    )  # fmt: skip
    return {"hint_id": hint_id, "case_id": case_ref, "benefit": rule.key, "impulse_id": impulse_id}


# -- reading ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Hint:
    id: int
    case_ref: str
    benefit: str
    reason: str
    source: str
    raised_at: str
    impulse_id: int | None
    outcome: str | None
    informed_on: str | None
    channel: str | None
    outcome_note: str | None
    outcome_by: str | None

    @property
    def label(self) -> str:
        rule = benefit_rules().by_key(self.benefit)
        return rule.label if rule else self.benefit

    @property
    def reason_text(self) -> str:
        rule = benefit_rules().by_key(self.benefit)
        return rule.reason if rule else self.reason

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "case_id": self.case_ref,
            "benefit": self.benefit,
            "benefit_label": self.label,
            "reason": self.reason_text,
            "source": self.source,
            "raised_at": self.raised_at,
            "impulse_id": self.impulse_id,
            "outcome": self.outcome,
            "outcome_label": label(OUTCOME_SV, self.outcome) if self.outcome else None,
            "informed_on": self.informed_on,
            "channel": self.channel,
            "channel_label": label(CHANNEL_SV, self.channel) if self.channel else None,
            "reason_not_relevant": self.outcome_note if self.outcome == NOT_RELEVANT else None,
            "outcome_by": self.outcome_by,
        }


_SELECT = (
    "SELECT h.id, c.case_ref, h.benefit, h.reason, h.source, h.raised_at, h.impulse_id, "
    "h.outcome, h.informed_on, h.channel, h.outcome_note, h.outcome_by FROM benefit_hints h "
    "JOIN cases c ON c.id = h.case_id"
)


def hints_for(conn: sqlite3.Connection, case_ref: str) -> list[Hint]:
    """The case's "Andra förmåner": every hint, open ones first."""
    row = case_row(conn, case_ref)
    rows = conn.execute(
        f"{_SELECT} WHERE h.case_id = ? ORDER BY h.outcome IS NOT NULL, h.raised_at, h.id",
        (row["id"],),
    ).fetchall()
    return [Hint(*r) for r in rows]


def open_hints(conn: sqlite3.Connection, caseworker: Caseworker | None) -> list[Hint]:
    """Hints without an outcome on open cases (the caseworker's, or everyone's)."""
    sql = f"{_SELECT} WHERE h.outcome IS NULL AND c.status = 'open'"
    params: tuple[Any, ...] = ()
    if caseworker is not None:
        sql += " AND c.caseworker_id = ?"
        params = (caseworker.id,)
    return [Hint(*r) for r in conn.execute(sql + " ORDER BY c.case_ref, h.id", params)]


def get_hint(conn: sqlite3.Connection, hint_id: int) -> Hint:
    row = conn.execute(f"{_SELECT} WHERE h.id = ?", (int(hint_id),)).fetchone()
    if row is None:
        raise NotFoundError(_("Det finns ingen förmånssignal med nummer {id}.").format(id=hint_id))
    return Hint(*row)


# -- outcomes and marks ----------------------------------------------------------------------


def record_hint_outcome(
    conn: sqlite3.Connection,
    hint_id: int,
    outcome: str,
    caseworker: Caseworker,
    clock: Clock,
    *,
    informed_on: date | None = None,
    channel: str | None = None,
    reason: str | None = None,
) -> Hint:
    """Record a hint's outcome: ``informed`` needs the date and the channel, ``not_relevant``
    the reason. The hint's impulse gets its outcome in the same transaction."""
    from app.case.inbox import record_outcome

    text = (reason or "").strip()
    if outcome == INFORMED:
        if informed_on is None:
            raise InvalidInputError(_("Ange vilken dag den försäkrade informerades (--on)."))
        if channel not in CHANNELS:
            raise InvalidInputError(_("Ange kanalen: {known}.").format(known=", ".join(CHANNELS)))
        if informed_on > local_today(clock):
            raise InvalidInputError(_("Dagen då den försäkrade informerades ligger i framtiden."))
    elif outcome == NOT_RELEVANT:
        if not text:
            raise InvalidInputError(_("Skriv varför förmånen inte är aktuell (--reason)."))
    else:
        raise InvalidInputError(
            _("Okänt utfall '{outcome}': informed eller not_relevant.").format(outcome=outcome)
        )
    now = utc_iso(clock.now())
    with transaction(conn):
        hint = get_hint(conn, hint_id)
        if hint.outcome is not None:
            raise InvalidInputError(
                _("Förmånssignal {id} har redan ett utfall.").format(id=hint_id)
            )
        if outcome == INFORMED:
            assert informed_on is not None and channel is not None
            note = _("Informerad om {benefit} {date} via {channel}.").format(
                benefit=hint.label, date=informed_on.isoformat(), channel=label(CHANNEL_SV, channel)
            )
        else:
            note = text
        conn.execute(
            "UPDATE benefit_hints SET outcome = ?, informed_on = ?, channel = ?, "
            "outcome_note = ?, outcome_by = ?, outcome_at = ? WHERE id = ?",
            (outcome, informed_on.isoformat() if informed_on else None,
             channel if outcome == INFORMED else None, text or None, caseworker.ext_id, now,
             hint_id),
        )  # fmt: skip
        if hint.impulse_id is not None:
            open_impulse = conn.execute(
                "SELECT 1 FROM impulses WHERE id = ? AND outcome IS NULL", (hint.impulse_id,)
            ).fetchone()
            if open_impulse:
                record_outcome(
                    conn, [hint.impulse_id], "acted" if outcome == INFORMED else "not_relevant",
                    note, caseworker, clock, hint_outcome=True,
                )  # fmt: skip
        case_id = conn.execute(
            "SELECT case_id FROM benefit_hints WHERE id = ?", (hint_id,)
        ).fetchone()[0]
        queries.append_event(
            conn, case_id=case_id, at=now, actor=caseworker.ext_id, kind="benefit.outcome",
            detail={"hint_id": hint_id, "benefit": hint.benefit, "outcome": outcome,
                    "informed_on": informed_on.isoformat() if informed_on else None,
                    "channel": channel if outcome == INFORMED else None, "note": text or None},
        )  # fmt: skip
    return get_hint(conn, hint_id)


def set_marks(
    conn: sqlite3.Connection,
    case_ref: str,
    add: Iterable[str],
    remove: Iterable[str],
    caseworker: Caseworker,
    clock: Clock,
) -> tuple[list[str], ScanResult]:
    """Add or remove marks on a case (an undoable edit), then raise the hints they call for;
    the marks after, and what the scan raised."""
    from app.case.casework import edit_case

    known = benefit_rules().marks
    wanted = [*add, *remove]
    unknown = sorted(set(wanted) - set(known))
    if unknown:
        raise InvalidInputError(
            _("Okänd markering: {unknown}. Välj bland: {known}.").format(
                unknown=", ".join(unknown), known=", ".join(known)
            )
        )
    row = case_row(conn, case_ref)
    marks = (set(marks_of(row["benefit_marks"])) | set(add)) - set(remove)
    text = ";".join(sorted(marks)) or None
    edit_case(conn, case_ref, {"benefit_marks": text}, caseworker, clock)
    result = scan(conn, local_today(clock), clock, case_ids=[row["id"]])
    return sorted(marks), result
