"""Referrals (hänvisningar) to another actor, each with the follow-up that checks the contact.

A referral records that the insured person was referred to another actor (Arbetsförmedlingen,
healthcare, occupational health, the employer, social services, a rehabilitation
coordinator) on a date, with the chain day of that date. It makes a personal follow-up for
the caseworker, due ``check_after_days`` later (resources/rules/casework.toml, 14 by
default) at 08:00, to check that the contact happened: a referral is not a handled matter
until someone knows it led somewhere (003:48–62; 001:4969: whoever sent an impulse seldom
hears back).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import Any

from app.base.clock import Clock, local_today, utc_iso
from app.base.errors import InvalidInputError
from app.base.i18n import _, label
from app.base.model import ACTOR_SV
from app.chain.casework_rules import casework_rules
from app.followups.store import create_follow_up
from app.followups.when import at_local
from app.priority.profile import Caseworker
from app.stock.facts import case_row, chain_day_on
from db import queries, transaction

CHECK_TIME = time(8, 0)
# The follow-up's kind by the actor referred to.
FOLLOW_UP_KIND = {
    "af": "af",
    "employer": "employer",
    "healthcare": "healthcare",
    "occupational_health": "healthcare",
    "rehab_coordinator": "healthcare",
}


@dataclass(frozen=True, slots=True)
class Referral:
    id: int
    case_ref: str
    actor: str
    referred_on: str
    chain_day: int | None
    note: str | None
    follow_up_id: int | None
    follow_up_state: str | None
    created_by: str | None

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "case_id": self.case_ref,
            "actor": self.actor,
            "actor_label": label(ACTOR_SV, self.actor),
            "referred_on": self.referred_on,
            "chain_day": self.chain_day,
            "note": self.note,
            "follow_up_id": self.follow_up_id,
            "follow_up_state": self.follow_up_state,
            "created_by": self.created_by,
        }


_SELECT = (
    "SELECT r.id, c.case_ref, r.actor, r.referred_on, r.chain_day, r.note, r.follow_up_id, "
    "f.state, r.created_by FROM referrals r JOIN cases c ON c.id = r.case_id "
    "LEFT JOIN follow_ups f ON f.id = r.follow_up_id"
)


def refer(
    conn: sqlite3.Connection,
    case_ref: str,
    actor: str,
    referred_on: date,
    caseworker: Caseworker,
    clock: Clock,
    *,
    note: str | None = None,
    check_after_days: int | None = None,
) -> Referral:
    """Record a referral and make its check-up follow-up, in one transaction."""
    rules = casework_rules()
    if actor not in rules.referral_actors:
        raise InvalidInputError(
            _("Okänd aktör '{actor}'. Välj en av: {known}.").format(
                actor=actor, known=", ".join(rules.referral_actors)
            )
        )
    if referred_on > local_today(clock):
        raise InvalidInputError(_("Hänvisningen kan inte ligga i framtiden."))
    days = rules.referral_check_days if check_after_days is None else check_after_days
    if not 1 <= days <= 365:
        raise InvalidInputError(_("Kontrollen ska ligga 1–365 dagar efter hänvisningen."))
    text = (note or "").strip() or None
    now = utc_iso(clock.now())
    with transaction(conn):
        row = case_row(conn, case_ref)
        due = at_local(referred_on + timedelta(days=days), CHECK_TIME)
        follow_up = create_follow_up(
            conn, row["id"], caseworker, due, clock, kind=FOLLOW_UP_KIND.get(actor, "other"),
            note=_("Kontrollera att kontakten med {actor} blev av (hänvisad {date}).").format(
                actor=label(ACTOR_SV, actor), date=referred_on.isoformat()
            ),
        )  # fmt: skip
        referral_id = conn.execute(
            "INSERT INTO referrals(case_id, actor, referred_on, chain_day, note, follow_up_id, "
            "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (row["id"], actor, referred_on.isoformat(), chain_day_on(conn, row["id"], referred_on),
             text, follow_up.id, caseworker.ext_id, now),
        ).lastrowid  # fmt: skip
        queries.append_event(
            conn, case_id=row["id"], at=now, actor=caseworker.ext_id, kind="referral.created",
            detail={"referral_id": referral_id, "actor": actor,
                    "referred_on": referred_on.isoformat(), "follow_up_id": follow_up.id,
                    "note": text},
        )  # fmt: skip
    return get_referral(conn, int(referral_id or 0))


def get_referral(conn: sqlite3.Connection, referral_id: int) -> Referral:
    return Referral(*conn.execute(f"{_SELECT} WHERE r.id = ?", (referral_id,)).fetchone())


def referrals_for(conn: sqlite3.Connection, case_ref: str) -> list[Referral]:
    """A case's referrals, newest first."""
    row = case_row(conn, case_ref)
    rows = conn.execute(
        f"{_SELECT} WHERE r.case_id = ? ORDER BY r.referred_on DESC, r.id DESC", (row["id"],)
    ).fetchall()
    return [Referral(*r) for r in rows]
