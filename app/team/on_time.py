"""The fair measure for a team lead: was work capacity assessed at the times the chain sets?

The 2023 review found that counting meetings or SMS misjudged caseworkers and is unsuitable
for steering (004:1682–1698, 004:5742–5750), while assessing work capacity at the chain's
times is a measure worth following (004:5366–5376, 004:5706–5712). So this is the one
quantitative measure of people's work Överblick offers, and no view ranks caseworkers by
counts of calls, SMS or meetings.

For each checkpoint of resources/rules/casework.toml (``[[on_time]]``: day 90, 180, 365)
a case **reached** it when its chain reached that day within the period asked (default:
the 365 days up to the day asked), and it counts as **on time** when an assessment for
the checkpoint (app.case.methods.record_assessment) was recorded from ``window_days``
before that day up to the day itself (for day 180 the day-181 ÖS/NFA position recorded
in that window counts too). The case counts for the caseworker who had it on that day
(the ``case.reassigned`` events say who), so a received case's earlier days are not the
new owner's. Every figure keeps its cases: those on time and those missed.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from app.base.clock import local_date_of
from app.base.errors import InvalidInputError
from app.base.i18n import _
from app.chain.casework_rules import OnTimeRule, casework_rules
from app.chain.rules import chain_rules
from app.stock.facts import chain_of_row

DEFAULT_PERIOD_DAYS = 365


@dataclass(slots=True)
class Figure:
    """One checkpoint's figure: the cases that reached it, and those of them on time."""

    on_time: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    @property
    def reached(self) -> int:
        return len(self.on_time) + len(self.missed)

    @property
    def share(self) -> float | None:
        return round(100 * len(self.on_time) / self.reached, 1) if self.reached else None

    def as_json(self, with_cases: bool) -> dict[str, Any]:
        data: dict[str, Any] = {
            "reached": self.reached,
            "on_time": len(self.on_time),
            "share_percent": self.share,
        }
        if with_cases:
            data["cases_on_time"] = sorted(self.on_time)
            data["cases_missed"] = sorted(self.missed)
        return data


@dataclass(slots=True)
class OnTimeRow:
    caseworker: str
    figures: dict[str, Figure]

    def as_json(self, with_cases: bool) -> dict[str, Any]:
        return {
            "caseworker": self.caseworker,
            "checkpoints": {k: f.as_json(with_cases) for k, f in self.figures.items()},
        }


@dataclass(frozen=True, slots=True)
class OnTimeReport:
    on: date
    since: date
    checkpoints: tuple[OnTimeRule, ...]
    rows: list[OnTimeRow]
    team: OnTimeRow

    def as_json(self, *, with_cases: bool = True) -> dict[str, Any]:
        return {
            "on": self.on.isoformat(),
            "since": self.since.isoformat(),
            "checkpoints": [
                {"key": c.key, "day": c.day, "window_days": c.window_days, "source": c.source}
                for c in self.checkpoints
            ],
            "caseworkers": [r.as_json(with_cases) for r in self.rows],
            "team": self.team.as_json(with_cases),
        }


def _owners_over_time(conn: sqlite3.Connection) -> dict[int, list[tuple[date, str | None]]]:
    """Per case, its reassignments in order: (the day it moved, who had it before)."""
    out: dict[int, list[tuple[date, str | None]]] = defaultdict(list)
    for case_id, at, detail in conn.execute(
        "SELECT case_id, at, detail FROM events WHERE kind = 'case.reassigned' "
        "ORDER BY case_id, at, id"
    ):
        out[case_id].append((local_date_of(at), json.loads(detail or "{}").get("from")))
    return out


def owner_on(moves: list[tuple[date, str | None]], current: str | None, day: date) -> str | None:
    """Who had a case at the end of ``day``: the giver of the first move after that day,
    else the case's owner now."""
    for moved_on, giver in moves:
        if moved_on > day:
            return giver
    return current


def on_time_report(
    conn: sqlite3.Connection,
    on: date,
    *,
    since: date | None = None,
    caseworker_ids: Iterable[int] | None = None,
) -> OnTimeReport:
    """The on-time measure for the period ``since``–``on`` (see the module docstring), per
    caseworker (all active caseworkers, or those with the ids given) and for the team."""
    since = since or on - timedelta(days=DEFAULT_PERIOD_DAYS)
    if since > on:
        raise InvalidInputError(_("Perioden börjar efter att den slutar."))
    rules = casework_rules()
    checkpoints = rules.on_time
    chain_table = chain_rules()
    wanted = None if caseworker_ids is None else set(caseworker_ids)
    people = {
        r[0]: r[1]
        for r in conn.execute(
            "SELECT id, ext_id FROM caseworkers WHERE role != 'lead' ORDER BY ext_id"
        )
    }
    shown = {
        r[0]
        for r in conn.execute("SELECT id FROM caseworkers WHERE role != 'lead' AND active = 1")
        if wanted is None or r[0] in wanted
    }
    shown_ext = {people[i] for i in shown if i in people}
    assessed: dict[tuple[int, str], list[date]] = defaultdict(list)
    for case_id, checkpoint, day in conn.execute(
        "SELECT case_id, checkpoint, assessed_on FROM assessments"
    ):
        assessed[(case_id, checkpoint)].append(date.fromisoformat(day))
    moves = _owners_over_time(conn)
    rows: dict[str, OnTimeRow] = {
        ext: OnTimeRow(ext, {c.key: Figure() for c in checkpoints}) for ext in sorted(shown_ext)
    }
    team = OnTimeRow("team", {c.key: Figure() for c in checkpoints})
    for (case_id, case_ref, employment, birth, status, closed_on, owner, os_position,
         os_on, packed) in conn.execute(
        "SELECT c.id, c.case_ref, c.employment, c.birth_date, c.status, c.closed_on, "
        "c.caseworker_id, c.os_position, c.os_position_on, "
        "(SELECT group_concat(p.start || ':' || coalesce(p.\"end\", ''), ',') "
        "FROM sick_periods p WHERE p.case_id = c.id) FROM cases c"
    ):  # fmt: skip
        if not packed:
            continue
        last = on
        if status == "closed" and closed_on:
            last = min(on, date.fromisoformat(closed_on[:10]))
        chain = chain_of_row(packed, employment, birth, last, chain_table)
        for rule in checkpoints:
            if (rule.employment and employment not in rule.employment) or chain.day < rule.day:
                continue
            reached = chain.date_of_day(rule.day)
            if reached is None or not since <= reached <= on:
                continue
            first = reached - timedelta(days=rule.window_days)
            days = assessed.get((case_id, rule.key), [])
            if rule.also_met_by == "os_position" and os_position and os_on:
                days = [*days, date.fromisoformat(os_on[:10])]
            timely = any(first <= d <= reached for d in days)
            who = owner_on(moves.get(case_id, []), people.get(owner), reached)
            for row in (rows.get(who or ""), team if who in shown_ext else None):
                if row is None:
                    continue
                figure = row.figures[rule.key]
                (figure.on_time if timely else figure.missed).append(case_ref)
    return OnTimeReport(on, since, checkpoints, list(rows.values()), team)
