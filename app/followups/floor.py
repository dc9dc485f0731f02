"""The legal floor: no snooze hides a case past its next chain checkpoint, and which cases a
caseworker's snoozes and plans hide now, and until when.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from app.base.clock import STOCKHOLM, utc_iso
from app.base.errors import NotFoundError
from app.base.i18n import _
from app.chain.rules import ChainRules, chain_rules
from app.chain.state import ChainState, chain_on
from app.followups.when import at_local
from app.priority.profile import Caseworker

# The legal floor's checkpoints are at this local time.
FLOOR_TIME = time(8, 0)

_OWNER = "coalesce(f.owner_id, c.caseworker_id)"


def _parse_ts(text: str | None) -> datetime | None:
    if not text:
        return None
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=STOCKHOLM)


def _local_text(moment: datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(STOCKHOLM).isoformat()


# -- the legal floor ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Floor:
    """The latest moment a snooze or plan may hide a case: a chain checkpoint."""

    at: datetime  # Stockholm time
    milestone_key: str
    milestone_date: date
    lead_days: int  # 0: the milestone's own date
    label_sv: str

    def as_json(self) -> dict[str, Any]:
        return {
            "at": utc_iso(self.at),
            "at_local": _local_text(self.at),
            "milestone_key": self.milestone_key,
            "milestone_date": self.milestone_date.isoformat(),
            "lead_days": self.lead_days,
            "label": self.label_sv,
        }


def floor_for_chain(chain: ChainState, now: datetime) -> Floor | None:
    """The first checkpoint after ``now``: for each milestone not passed, its date minus
    each lead time, and its date itself, at 08:00 local. None without a running chain."""
    now = _aware(now)
    today = now.astimezone(STOCKHOLM).date()
    best: Floor | None = None
    for milestone in chain.milestones:
        if milestone.date < today:
            continue
        for lead in (*milestone.lead_days, 0):
            moment = at_local(milestone.date - timedelta(days=lead), FLOOR_TIME)
            if moment > now and (best is None or moment < best.at):
                best = Floor(moment, milestone.key, milestone.date, lead, milestone.label_sv)
    return best


def _periods_of(conn: sqlite3.Connection, case_id: int) -> list[tuple[date, date | None]]:
    return [
        (date.fromisoformat(r[0]), date.fromisoformat(r[1]) if r[1] else None)
        for r in conn.execute(
            'SELECT start, "end" FROM sick_periods WHERE case_id = ?', (case_id,)
        ).fetchall()
    ]


def case_floor(
    conn: sqlite3.Connection, case_id: int, now: datetime, rules: ChainRules | None = None
) -> Floor | None:
    """The legal floor of one case at ``now`` (None when no milestone lies ahead)."""
    row = conn.execute(
        "SELECT employment, birth_date FROM cases WHERE id = ?", (case_id,)
    ).fetchone()
    if row is None:
        raise NotFoundError(_("Ärendet med id {case_id} finns inte.").format(case_id=case_id))
    chain = chain_on(
        _periods_of(conn, case_id),
        _aware(now).astimezone(STOCKHOLM).date(),
        employment=row["employment"],
        birth_date=date.fromisoformat(row["birth_date"]) if row["birth_date"] else None,
        rules=rules,
    )
    return floor_for_chain(chain, now)


@dataclass(frozen=True, slots=True)
class HiddenCase:
    case_ref: str
    by: str  # "snooze" | "plan"
    requested: datetime
    until: datetime  # requested, capped at the floor
    floor: Floor | None

    @property
    def capped(self) -> bool:
        return self.until < self.requested

    def as_json(self) -> dict[str, Any]:
        return {
            "case_id": self.case_ref,
            "by": self.by,
            "requested_until": utc_iso(self.requested),
            "until": utc_iso(self.until),
            "capped": self.capped,
            "floor": self.floor.as_json() if self.floor else None,
        }


@dataclass(frozen=True, slots=True)
class HiddenSummary:
    """How many of a caseworker's cases a snooze or a plan keeps out of sight, and until
    when (each capped at its legal floor)."""

    count: int
    until: datetime | None  # the latest moment any of them comes back
    cases: list[HiddenCase]

    def as_json(self) -> dict[str, Any]:
        return {
            "count": self.count,
            "until": utc_iso(self.until) if self.until else None,
            "until_local": _local_text(self.until),
            "cases": [c.as_json() for c in self.cases],
        }


def legal_floor(conn: sqlite3.Connection, caseworker: Caseworker, now: datetime) -> HiddenSummary:
    """The caseworker's cases hidden by a snoozed follow-up or a plan for a later day,
    with until-when, each capped at the case's legal floor."""
    now = _aware(now)
    now_text = utc_iso(now)
    today = now.astimezone(STOCKHOLM).date()
    requested: dict[int, tuple[str, str, datetime]] = {}
    for case_id, case_ref, until in conn.execute(
        f"SELECT f.case_id, c.case_ref, max(f.snoozed_until) FROM follow_ups f "
        f"JOIN cases c ON c.id = f.case_id WHERE f.state = 'open' AND f.deleted_at IS NULL "
        f"AND c.status = 'open' AND {_OWNER} = ? AND f.snoozed_until > ? GROUP BY f.case_id",
        (caseworker.id, now_text),
    ).fetchall():
        requested[case_id] = (case_ref, "snooze", _parse_ts(until))  # type: ignore[assignment]
    for case_id, case_ref, on_date in conn.execute(
        "SELECT p.case_id, c.case_ref, p.on_date FROM planned_dates p "
        "JOIN cases c ON c.id = p.case_id WHERE p.caseworker_id = ? AND c.status = 'open' "
        "AND p.on_date > ?",
        (caseworker.id, today.isoformat()),
    ).fetchall():
        moment = at_local(date.fromisoformat(on_date), FLOOR_TIME)
        if case_id not in requested or moment > requested[case_id][2]:
            requested[case_id] = (case_ref, "plan", moment)
    rules = chain_rules()
    hidden = []
    for case_id, (case_ref, by, until) in requested.items():
        floor = case_floor(conn, case_id, now, rules)
        capped = min(until, floor.at) if floor is not None else until
        hidden.append(HiddenCase(case_ref, by, until, capped, floor))
    hidden.sort(key=lambda h: (h.until, h.case_ref))
    latest = max((h.until for h in hidden), default=None)
    return HiddenSummary(len(hidden), latest, hidden)
