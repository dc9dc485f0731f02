"""The team lead's table: workload figures per caseworker.

Needs, not quotas: every figure says where work piles up, and every figure keeps the ids of
the cases behind it (``TeamRow.cases``) so a number can be clicked through.

The figures of one caseworker's row, over their open cases on ``on``:

- ``active_cases``: open cases.
- ``unhandled_impulses``: impulses with no outcome (``outcome IS NULL``);
  ``oldest_impulse_days``: the age in days of the oldest of them (None when there is none).
- ``overdue_follow_ups``: open, not deleted follow-ups due before ``on`` and not snoozed past
  it (a snooze that ends on ``on`` brings the follow-up back that day), as in app.stock.
- ``milestones_14`` / ``milestones_28``: milestones of the running chain with
  ``0 <= days_left <= 14`` / ``28``, leaving out a milestone whose required position
  (checklist, ÖS position) is already recorded. A paused chain (the person is back at work)
  has none. Items are counted, so a case with day 180 and day 181 ahead counts twice; the
  click-through lists the case once.
- ``waiting_for_coordination``: cases where ``app.stock.case_states`` says
  ``waiting_for_coordination`` ("dåligt samvete": coordination needed and no coordination
  action for ``coordination.after_days`` days of the team-standard priority weights).
- ``no_contact_60``: cases whose ``last_contact_on`` is 60 or more days before ``on``. With
  no contact recorded at all (NULL) the count starts at the chain's first day (else the day
  the case was opened), so a case is flagged once it has run 60 days without any contact;
  a case with neither date is flagged.
- ``past_181_without_os``: ``app.stock.missing_os_position``.

The weighted load of a case (weights in resources/rules/team.toml)::

    load = phase weight (1-90: 1.0, 91-180: 1.5, 181-365: 1.2, 366+: 0.8, no chain: 0.5)
         + 0.5 × unhandled impulses
         + 0.5 × overdue follow-ups
         + 2.0 × milestones in the next 28 days
         + 1.0 if past day 181 without an ÖS position
         + 0.5 if waiting for coordination

and a caseworker's ``weighted_load`` is the sum over their open cases, so it can be
checked by hand from the same row: Σ phase weight × phase count + 0.5 × impulses + ...

Speed: a case's figures are kept between runs in ``team_digest`` (see ``CaseDigest``): a
digest holds for a range of dates, triggers drop it when the case's data changes, and a
run works out only the cases without one that holds, in one pass; no query per
caseworker. docs/team.md ("Speed") has the rules.
Team leads (role ``lead``) carry no cases and are not rows.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.base.bulk import paused_gc
from app.base.errors import NotFoundError
from app.base.i18n import _

# The rule behind case_states()["waiting_for_coordination"], asked alone: case_states would
# also work out the overdue and milestone states, which the team pass does its own way.
from app.team.digest import CaseLoad, team_loads
from app.team.rules import FIGURES, PHASE_KEYS, TOTALS_SV, UNASSIGNED_SV, TeamRules, team_rules

# -- the table -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AbsenceNote:
    """Shown on an absent caseworker's row: until when, and who covers."""

    until: date
    covered_by: str
    covered_by_name: str

    def as_json(self) -> dict[str, Any]:
        return {"until": self.until.isoformat(), "covered_by": self.covered_by}


@dataclass(slots=True)
class TeamRow:
    """One caseworker's figures, and for each figure the ids of the cases behind it."""

    caseworker_id: int | None
    ext_id: str
    name: str
    team: str | None = None
    active: bool = True
    absent: AbsenceNote | None = None
    active_cases: int = 0
    weighted_load: float = 0.0
    unhandled_impulses: int = 0
    oldest_impulse_days: int | None = None
    overdue_follow_ups: int = 0
    milestones_14: int = 0
    milestones_28: int = 0
    waiting_for_coordination: int = 0
    no_contact_60: int = 0
    past_181_without_os: int = 0
    phases: dict[str, int] = field(default_factory=lambda: dict.fromkeys(PHASE_KEYS, 0))
    cases: dict[str, list[int]] = field(default_factory=lambda: {k: [] for k in FIGURES})

    def add(self, c: CaseLoad) -> None:
        cases = self.cases
        self.active_cases += 1
        cases["active_cases"].append(c.case_id)
        self.phases[c.phase] += 1
        self.weighted_load += c.load
        if c.unhandled_impulses:
            self.unhandled_impulses += c.unhandled_impulses
            cases["unhandled_impulses"].append(c.case_id)
            if self.oldest_impulse_days is None or c.oldest_impulse_days > self.oldest_impulse_days:  # type: ignore[operator]
                self.oldest_impulse_days = c.oldest_impulse_days
        if c.overdue_follow_ups:
            self.overdue_follow_ups += c.overdue_follow_ups
            cases["overdue_follow_ups"].append(c.case_id)
        if c.milestones_28:
            self.milestones_28 += c.milestones_28
            cases["milestones_28"].append(c.case_id)
            if c.milestones_14:
                self.milestones_14 += c.milestones_14
                cases["milestones_14"].append(c.case_id)
        if c.waiting_for_coordination:
            self.waiting_for_coordination += 1
            cases["waiting_for_coordination"].append(c.case_id)
        if c.no_contact_60:
            self.no_contact_60 += 1
            cases["no_contact_60"].append(c.case_id)
        if c.past_181_without_os:
            self.past_181_without_os += 1
            cases["past_181_without_os"].append(c.case_id)

    def merge(self, other: TeamRow) -> None:
        """Add another row's figures (for the totals)."""
        for name in FIGURES:
            setattr(self, name, getattr(self, name) + getattr(other, name))
            self.cases[name].extend(other.cases[name])
        self.weighted_load += other.weighted_load
        if other.oldest_impulse_days is not None and (
            self.oldest_impulse_days is None or other.oldest_impulse_days > self.oldest_impulse_days
        ):
            self.oldest_impulse_days = other.oldest_impulse_days
        for key, n in other.phases.items():
            self.phases[key] += n

    def figure(self, name: str) -> Any:
        return getattr(self, name)

    def figures(self) -> dict[str, Any]:
        """The numbers of the row by figure name (weighted load rounded to one decimal)."""
        return {
            "active_cases": self.active_cases,
            "weighted_load": round(self.weighted_load, 1),
            "unhandled_impulses": self.unhandled_impulses,
            "oldest_impulse_days": self.oldest_impulse_days,
            "overdue_follow_ups": self.overdue_follow_ups,
            "milestones_14": self.milestones_14,
            "milestones_28": self.milestones_28,
            "waiting_for_coordination": self.waiting_for_coordination,
            "no_contact_60": self.no_contact_60,
            "past_181_without_os": self.past_181_without_os,
        }

    def as_json(self, refs: dict[int, str] | None = None) -> dict[str, Any]:
        """The row for ``--json``; with ``refs`` (case id → case reference) the click-through
        lists of case references per figure are included."""
        data: dict[str, Any] = {
            "caseworker": self.ext_id or None,
            "name": self.name,
            "active": self.active,
            "absent": self.absent.as_json() if self.absent else None,
            **self.figures(),
            "phases": {k: v for k, v in self.phases.items() if v or k != "none"},
        }
        if refs is not None:
            data["cases"] = {k: [refs[i] for i in ids] for k, ids in self.cases.items()}
        return data


@dataclass(frozen=True, slots=True)
class TeamTable:
    """One row per caseworker (leads excluded), the totals row, and case id → reference."""

    on: date
    rows: list[TeamRow]
    totals: TeamRow
    case_refs: dict[int, str]
    rules: TeamRules

    def row(self, ext_id: str) -> TeamRow:
        for r in self.rows:
            if r.ext_id == ext_id:
                return r
        raise NotFoundError(
            _("Handläggaren '{ext_id}' finns inte i teamtabellen.").format(ext_id=ext_id)
        )

    def as_json(self, *, with_cases: bool = False) -> dict[str, Any]:
        refs = self.case_refs if with_cases else None
        return {
            "on": self.on.isoformat(),
            "caseworkers": [r.as_json(refs) for r in self.rows],
            "totals": self.totals.as_json(refs),
            "load_weights": self.rules.as_json(),
        }


def _caseworker_rows(
    conn: sqlite3.Connection, on: date, caseworker_ids: set[int] | None, holders: set[int]
) -> dict[int, TeamRow]:
    """Rows for active caseworkers, and for inactive ones still holding open cases."""
    from app.team.cover import absences_on

    absent = {a.caseworker_id: a for a in absences_on(conn, on)}
    rows: dict[int, TeamRow] = {}
    for cw_id, ext_id, name, team, active, role in conn.execute(
        "SELECT id, ext_id, name, team, active, role FROM caseworkers ORDER BY ext_id"
    ).fetchall():
        if role == "lead" or (caseworker_ids is not None and cw_id not in caseworker_ids):
            continue
        if not active and cw_id not in holders:
            continue
        a = absent.get(cw_id)
        note = AbsenceNote(a.to_date, a.covered_by, a.covered_by_name) if a else None
        rows[cw_id] = TeamRow(cw_id, ext_id, name, team, bool(active), note)
    return rows


def _table(
    conn: sqlite3.Connection,
    on: date,
    loads: list[CaseLoad],
    rules: TeamRules,
    caseworker_ids: Iterable[int] | None = None,
) -> TeamTable:
    """Group the case figures into one row per caseworker plus totals."""
    wanted = None if caseworker_ids is None else set(caseworker_ids)
    holders = {c.caseworker_id for c in loads if c.caseworker_id is not None}
    rows = _caseworker_rows(conn, on, wanted, holders)
    unassigned = TeamRow(None, "", UNASSIGNED_SV)
    for c in loads:
        row = rows.get(c.caseworker_id)  # type: ignore[arg-type]
        if row is not None:
            row.add(c)
        elif wanted is None:
            unassigned.add(c)
    ordered = list(rows.values())
    if unassigned.active_cases:
        ordered.append(unassigned)
    totals = TeamRow(None, "", TOTALS_SV)
    for r in ordered:
        totals.merge(r)
    refs = {c.case_id: c.case_ref for c in loads}
    return TeamTable(on, ordered, totals, refs, rules)


def team_table(
    conn: sqlite3.Connection,
    on: date,
    *,
    caseworker_ids: Iterable[int] | None = None,
    store: bool = True,
) -> TeamTable:
    """The team table on ``on``: every caseworker (or those in ``caseworker_ids``), with
    the totals row. See the module docstring for each figure and the load formula.
    ``store=False`` keeps the case digests worked out for another day than today from
    replacing today's (see ``team_loads``)."""
    ids = None if caseworker_ids is None else list(caseworker_ids)
    with paused_gc():
        loads, _ahead = team_loads(conn, on, caseworker_ids=ids, store=store)
        return _table(conn, on, loads, team_rules(), ids)


def weighted_load(row: TeamRow, rules: TeamRules | None = None) -> float:
    """A row's weighted load worked out from its own figures (the formula of the module
    docstring and docs/team.md; weights from resources/rules/team.toml)::

        Σ phase weight × cases in the phase + open_impulse × unhandled_impulses
        + overdue_follow_up × overdue_follow_ups + milestone × milestones_28
        + missing_os_position × past_181_without_os
        + waiting_for_coordination × waiting_for_coordination

    Equal to ``row.weighted_load``, which the single pass adds up case by case."""
    rules = rules or team_rules()
    return (
        sum(rules.phase_weights[k] * n for k, n in row.phases.items())
        + rules.open_impulse * row.unhandled_impulses
        + rules.overdue_follow_up * row.overdue_follow_ups
        + rules.milestone * row.milestones_28
        + rules.missing_os_position * row.past_181_without_os
        + rules.waiting_for_coordination * row.waiting_for_coordination
    )


def phase_counts(table: TeamTable) -> dict[str, dict[str, int]]:
    """Cases per chain phase per caseworker (signature → phase → count), for the stacked
    bar chart; the phase ``none`` (no running chain) only where it occurs."""
    out = {}
    for r in table.rows:
        out[r.ext_id or UNASSIGNED_SV] = {k: v for k, v in r.phases.items() if k != "none" or v}
    return out


def visible_caseworker_ids(
    conn: sqlite3.Connection, viewer: Any | None, on: date
) -> list[int] | None:
    """Whose rows a profile sees: a team lead (or no profile) the whole team (None); a
    caseworker their own row and those of the colleagues they cover on ``on``."""
    if viewer is None or viewer.role == "lead":
        return None
    from app.team.cover import covered_caseworker_ids

    return [viewer.id, *covered_caseworker_ids(conn, viewer, on)]
