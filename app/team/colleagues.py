"""Who can take a case, and who answers for it today.

``colleagues_for`` lists the colleagues a lead may hand a case (or an absent colleague's
work) to: those of the case's unit first (units read through resources/rules/units.toml,
so "Trygghet vid sjukdom" is "Fördjupad utredning"), the others after, each marked when
they are away; another unit needs a reason (cover) or a note of one's own (reassignment).

``reach`` answers, for each case, who an employer or a doctor who calls reaches today:
the caseworker, or, while they are away, the colleague who covers, with how to reach them
(004:4907–4911: healthcare and employers find it hard to reach the caseworker).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.base.errors import NotFoundError
from app.base.i18n import _
from app.chain.casework_rules import unit_rules
from app.stock.facts import case_row
from app.team.cover import absences_on
from db import queries


@dataclass(frozen=True, slots=True)
class Colleague:
    ext_id: str
    name: str
    unit: str | None
    same_unit: bool
    away: bool
    open_cases: int

    def as_json(self) -> dict[str, Any]:
        return {
            "caseworker": self.ext_id,
            "unit": self.unit,
            "same_unit": self.same_unit,
            "away": self.away,
            "open_cases": self.open_cases,
        }


def _unit_name(text: str | None, language: str | None = None) -> str | None:
    """A stored unit text as the unit's name (Swedish with ``"sv"``, else in the chosen
    language); an unknown text as written; None for none."""
    unit = unit_rules().resolve(text)
    if unit is None:
        return text.strip() if text and text.strip() else None
    return unit.name_sv if language == "sv" else unit.name


def unit_key_of(text: str | None) -> str | None:
    """The unit key a stored unit text names (resources/rules/units.toml)."""
    return unit_rules().key_of(text)


def unit_of_caseworker(conn: sqlite3.Connection, caseworker_id: int | None) -> str | None:
    """A caseworker's unit as stored (None when not known)."""
    if caseworker_id is None:
        return None
    found = conn.execute("SELECT unit FROM caseworkers WHERE id = ?", (caseworker_id,)).fetchone()
    return found[0] if found and found[0] else None


def handover_units(
    conn: sqlite3.Connection, row: sqlite3.Row, target_id: int
) -> tuple[str | None, str | None]:
    """The units a case moves between, as their names (resources/rules/units.toml): the old
    owner's (else the case's) and the new owner's; None where not known."""
    source = unit_of_caseworker(conn, row["caseworker_id"]) or row["unit"]
    return _unit_name(source, "sv"), _unit_name(unit_of_caseworker(conn, target_id), "sv")


def colleagues_for(
    conn: sqlite3.Connection,
    on: date,
    *,
    case_ref: str | None = None,
    caseworker: str | None = None,
) -> tuple[str | None, list[Colleague]]:
    """The unit that counts (the case's owner's, else the case's; or the caseworker's) and
    the active caseworkers who could take over: that unit's first, then the others, those
    away on ``on`` last within each, then by signature. The owner or the caseworker named
    is left out."""
    key_of = unit_rules().key_of
    skip: int | None = None
    if case_ref is not None:
        row = case_row(conn, case_ref)
        owner = conn.execute(
            "SELECT unit FROM caseworkers WHERE id = ?", (row["caseworker_id"],)
        ).fetchone()
        text = (owner[0] if owner and owner[0] else None) or row["unit"]
        skip = row["caseworker_id"]
    elif caseworker is not None:
        found = conn.execute(
            "SELECT id, unit FROM caseworkers WHERE ext_id = ?", (caseworker,)
        ).fetchone()
        if found is None:
            raise NotFoundError(
                _("Det finns ingen handläggare med signaturen '{ext_id}'.").format(
                    ext_id=caseworker
                )
            )
        text, skip = found["unit"], found["id"]
    else:
        text = None
    wanted = key_of(text)
    away = {a.caseworker_id for a in absences_on(conn, on)}
    counts = dict(
        conn.execute(
            "SELECT caseworker_id, count(*) FROM cases WHERE status = 'open' GROUP BY caseworker_id"
        ).fetchall()
    )
    found = []
    for r in conn.execute(
        "SELECT id, ext_id, name, unit FROM caseworkers WHERE active = 1 AND role != 'lead'"
    ).fetchall():
        if r["id"] == skip:
            continue
        theirs = key_of(r["unit"])
        found.append(
            Colleague(
                r["ext_id"], r["name"], _unit_name(r["unit"]),
                bool(wanted and theirs == wanted), r["id"] in away, int(counts.get(r["id"], 0)),
            )
        )  # fmt: skip
    found.sort(key=lambda c: (not c.same_unit, c.away, c.ext_id))
    return _unit_name(text), found


@dataclass(frozen=True, slots=True)
class Reach:
    """Who answers for a case on a day, and how to reach them."""

    case_ref: str
    caseworker: str | None
    away_until: date | None
    answers: str | None  # the caseworker, or the colleague covering
    name: str | None
    phone: str | None
    email: str | None
    covering: bool

    def as_json(self) -> dict[str, Any]:
        return {
            "case_id": self.case_ref,
            "caseworker": self.caseworker,
            "away_until": self.away_until.isoformat() if self.away_until else None,
            "covered_by": self.answers if self.covering else None,
            "reach": self.answers,
            "phone": self.phone,
            "email": self.email,
        }

    def text_sv(self) -> str:
        how = ", ".join(x for x in (self.phone, self.email) if x) or _("inga kontaktuppgifter")
        if self.covering:
            return _(
                "{case_ref}: {caseworker} är borta till {until}; {who} täcker ({how})."
            ).format(
                case_ref=self.case_ref, caseworker=self.caseworker,
                until=self.away_until.isoformat() if self.away_until else "?",
                who=self.answers, how=how,
            )  # fmt: skip
        if self.caseworker is None:
            return _("{case_ref}: ingen handläggare.").format(case_ref=self.case_ref)
        return _("{case_ref}: {who} ({how}).").format(
            case_ref=self.case_ref, who=self.caseworker, how=how
        )


def reach(conn: sqlite3.Connection, case_ids: Iterable[int], on: date) -> dict[int, Reach]:
    """For each case id: who answers for it on ``on`` (the covering colleague while its
    caseworker is away), with their phone and e-mail."""
    ids = [int(i) for i in case_ids]
    if not ids:
        return {}
    covering = {a.caseworker_id: a for a in absences_on(conn, on)}
    people = {
        r["id"]: r
        for r in conn.execute("SELECT id, ext_id, name, phone, email FROM caseworkers").fetchall()
    }
    out = {}
    marks = ",".join(str(i) for i in ids)
    for case_id, ref, owner in conn.execute(
        f"SELECT id, case_ref, caseworker_id FROM cases WHERE id IN ({marks})"
    ).fetchall():
        absence = covering.get(owner)
        who = people.get(absence.covered_by_id if absence else owner)
        out[case_id] = Reach(
            ref, people[owner]["ext_id"] if owner in people else None,
            absence.to_date if absence else None,
            who["ext_id"] if who else None, who["name"] if who else None,
            who["phone"] if who else None, who["email"] if who else None, absence is not None,
        )  # fmt: skip
    return out


def reach_case(conn: sqlite3.Connection, case_ref: str, on: date) -> Reach:
    """``reach`` for one case by its reference."""
    row = case_row(conn, case_ref)
    return reach(conn, [row["id"]], on)[row["id"]]


def set_contact_details(
    conn: sqlite3.Connection,
    ext_id: str,
    actor: Any,
    *,
    unit: str | None = None,
    phone: str | None = None,
    email: str | None = None,
) -> dict[str, Any]:
    """Set a caseworker's unit, phone or e-mail (an empty text clears it); their row after.
    A team lead sets anyone's; a caseworker their own phone and e-mail (not their unit)."""
    from app.base.errors import InvalidInputError
    from db import transaction

    if actor.role != "lead" and (actor.ext_id != ext_id or unit is not None):
        raise InvalidInputError(
            _(
                "Bara gruppchefen ändrar enhet och andras uppgifter; du kan ändra ditt eget "
                "telefonnummer och din e-post."
            )
        )
    changes = {k: (v.strip() or None) for k, v in
               (("unit", unit), ("phone", phone), ("email", email)) if v is not None}  # fmt: skip
    with transaction(conn):
        row = queries.caseworker_by_ext_id(conn, ext_id)
        if row is None:
            raise NotFoundError(
                _("Det finns ingen handläggare med signaturen '{ext_id}'.").format(ext_id=ext_id)
            )
        if changes:
            sets = ", ".join(f"{k} = ?" for k in changes)
            conn.execute(
                f"UPDATE caseworkers SET {sets} WHERE id = ?", (*changes.values(), row["id"])
            )
    found = conn.execute(
        "SELECT ext_id, name, role, unit, phone, email FROM caseworkers WHERE ext_id = ?", (ext_id,)
    ).fetchone()
    unit_found = unit_rules().resolve(found["unit"])
    return {
        "caseworker": found["ext_id"],
        "role": found["role"],
        "unit": found["unit"],
        "unit_key": unit_found.key if unit_found else None,
        "phone": found["phone"],
        "email": found["email"],
    }
