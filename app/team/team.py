"""The team lead's view: workload figures per caseworker, the charts' data and the employer view.

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

import hashlib
import logging
import sqlite3
import tomllib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from app.base.bulk import paused_gc
from app.base.clock import local_date_of, start_of_day_utc, utc_iso
from app.base.errors import NotFoundError, RuleTableError
from app.base.i18n import _, label
from app.base.model import PLAN_STATUS_SV
from app.chain.rules import chain_rules, flatten_weights, standard_weights
from app.chain.state import milestone_label
from app.priority.score import CaseFacts, requirement_met

# The rule behind case_states()["waiting_for_coordination"], asked alone: case_states would
# also work out the overdue and milestone states, which the team pass does its own way.
from app.stock.stock import date_of, load_facts, missing_os_position, waiting_for_coordination
from db import read_snapshot, transaction
from db.errors import DatabaseBusyError
from db.queries import get_setting, put_setting
from resources import resource_path

log = logging.getLogger(__name__)

NEAR_DAYS = 14
FAR_DAYS = 28
NO_CONTACT_DAYS = 60
PHASE_KEYS = ("1-90", "91-180", "181-365", "366+", "none")

FIGURES = (
    "active_cases",
    "unhandled_impulses",
    "overdue_follow_ups",
    "milestones_14",
    "milestones_28",
    "waiting_for_coordination",
    "no_contact_60",
    "past_181_without_os",
)

FIGURE_LABELS_SV = {
    "active_cases": "Aktiva ärenden",
    "weighted_load": "Viktad belastning",
    "unhandled_impulses": "Obehandlade impulser",
    "oldest_impulse_days": "Äldsta impuls (dagar)",
    "overdue_follow_ups": "Försenade bevakningar",
    "milestones_14": "Milstolpar 14 dagar",
    "milestones_28": "Milstolpar 28 dagar",
    "waiting_for_coordination": "Väntar på samordning",
    "no_contact_60": "Ingen kontakt 60+ dagar",
    "past_181_without_os": "Efter dag 181 utan ÖS",
}

PHASE_LABELS_SV = {
    "1-90": "Dag 1–90",
    "91-180": "Dag 91–180",
    "181-365": "Dag 181–365",
    "366+": "Dag 366+",
    "none": "Ingen pågående kedja",
}

UNASSIGNED_SV = "Utan handläggare"
TOTALS_SV = "Totalt"


# -- the rule file ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TeamRules:
    """The load weights and balancing knobs of resources/rules/team.toml."""

    version: str
    phase_weights: dict[str, float] = field(hash=False)
    open_impulse: float
    overdue_follow_up: float
    milestone: float
    missing_os_position: float
    waiting_for_coordination: float
    balance_weeks: int
    balance_max_moves: int
    protect_follow_up_days: int
    source: Path

    def as_json(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "phase": dict(self.phase_weights),
            "open_impulse": self.open_impulse,
            "overdue_follow_up": self.overdue_follow_up,
            "milestone_next_28_days": self.milestone,
            "missing_os_position": self.missing_os_position,
            "waiting_for_coordination": self.waiting_for_coordination,
        }


_LOAD_KEYS = (
    "open_impulse",
    "overdue_follow_up",
    "milestone",
    "missing_os_position",
    "waiting_for_coordination",
)


def _whole(flat: dict[str, float], key: str, low: int, high: int, path: Path) -> int:
    value = flat[key]
    if value != int(value) or not low <= value <= high:
        raise RuleTableError(
            _("{path}: {key} ska vara ett heltal mellan {low} och {high}.").format(
                path=path, key=key, low=low, high=high
            )
        )
    return int(value)


def parse_team_rules(data: dict[str, Any], path: Path) -> TeamRules:
    """Validate a parsed team table; errors name the file and the key."""
    flat = flatten_weights(data, path)
    phase_keys = [p.key for p in chain_rules().phases] + ["none"]
    required = [f"load.phase.{k}" for k in phase_keys]
    required += [f"load.{k}" for k in _LOAD_KEYS]
    required += ["balance.weeks", "balance.max_moves", "balance.protect_follow_up_days"]
    missing = [key for key in required if key not in flat]
    if missing:
        raise RuleTableError(
            _("{path}: vikter saknas: {missing}.").format(path=path, missing=", ".join(missing))
        )
    unknown = [key for key in flat if key not in required]
    if unknown:
        raise RuleTableError(
            _("{path}: okända nycklar: {unknown}.").format(
                path=path, unknown=", ".join(sorted(unknown))
            )
        )
    return TeamRules(
        version=str(data.get("version", "")),
        phase_weights={k: flat[f"load.phase.{k}"] for k in phase_keys},
        open_impulse=flat["load.open_impulse"],
        overdue_follow_up=flat["load.overdue_follow_up"],
        milestone=flat["load.milestone"],
        missing_os_position=flat["load.missing_os_position"],
        waiting_for_coordination=flat["load.waiting_for_coordination"],
        balance_weeks=_whole(flat, "balance.weeks", 1, 12, path),
        balance_max_moves=_whole(flat, "balance.max_moves", 1, 10_000, path),
        protect_follow_up_days=_whole(flat, "balance.protect_follow_up_days", 0, 365, path),
        source=path,
    )


@lru_cache(maxsize=4)
def team_rules(path: Path | None = None) -> TeamRules:
    """The team rule table, loaded once."""
    path = path or resource_path("rules", "team.toml")
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError as exc:
        raise RuleTableError(_("Regelfilen {path} saknas.").format(path=path)) from exc
    except tomllib.TOMLDecodeError as exc:
        raise RuleTableError(
            _("Regelfilen {path} går inte att läsa: {exc}.").format(path=path, exc=exc)
        ) from exc
    return parse_team_rules(data, path)


# -- one pass over the cases -----------------------------------------------------------------


class CaseLoad(NamedTuple):
    """The team figures of one open case on one date: what its caseworker's row adds up
    (a tuple: 100,000 of them are made in one pass)."""

    case_id: int
    case_ref: str
    caseworker_id: int | None
    phase: str
    unhandled_impulses: int
    oldest_impulse_days: int | None
    overdue_follow_ups: int
    milestones_14: int
    milestones_28: int
    waiting_for_coordination: bool
    no_contact_60: bool
    past_181_without_os: bool
    load: float


class CaseDigest(NamedTuple):
    """What a case's team figures are worked out from, in a form that stays true from the
    day it was worked out (``on_ord``) to ``until_ord``: the chain phase, the impulse count
    and the oldest one's date, the overdue follow-ups, every milestone ahead of a running
    chain whose required position is not recorded (key, date ordinal; in date order; the
    day asked picks those within 14 or 28 days, or the forecast's weeks) and the three
    flags. ``until_ord`` is the day before the first date on which time alone could change
    any of them (a phase boundary, day 182 for the ÖS position, a period starting or
    ending, a paused chain running out, a follow-up falling due or waking, a 30- or 60-day
    limit); a change to the case's data drops the stored digest (database triggers), so a
    stored digest is never read stale."""

    case_id: int
    case_ref: str
    caseworker_id: int | None
    phase: str
    impulses: int
    oldest_ord: int | None
    overdue: int
    milestone_keys: str  # "day_90;day_180": the milestones ahead, in date order
    milestone_ords: str  # their dates as 6-digit ordinals, end to end: "739578739668"
    waiting: bool
    no_contact: bool
    missing_os: bool
    on_ord: int
    until_ord: int


def milestones_of(keys: str | None, ords: str | None) -> list[tuple[str, int]]:
    """(key, date ordinal) of a digest's milestones ahead, from its stored keys and dates."""
    if not keys or not ords:
        return []
    return [(key, int(ords[6 * i : 6 * i + 6])) for i, key in enumerate(keys.split(";"))]


class _Day(NamedTuple):
    """The day asked, as the digest's ordinals compare: numbers and 6-digit text."""

    ordinal: int
    text: str
    near: str  # NEAR_DAYS later
    far: str  # FAR_DAYS later

    @classmethod
    def of(cls, on: date) -> _Day:
        o = on.toordinal()
        return cls(o, _ord6(o), _ord6(o + NEAR_DAYS), _ord6(o + FAR_DAYS))


def _ord6(ordinal: int) -> str:
    """A date ordinal as the 6 digits it always has between the years 274 and 2738."""
    return _ords6([ordinal])


def _ords6(ordinals: list[int]) -> str:
    text = "".join(map(str, ordinals))
    if len(text) != 6 * len(ordinals):
        raise ValueError(f"date ordinals out of range: {ordinals}")
    return text


def case_load(d: CaseDigest, day: _Day, rules: TeamRules) -> CaseLoad:
    """The figures and weighted load of a case on ``day`` (inside the digest's range)."""
    return _load(*d[:12], day, rules)  # type: ignore[call-arg]


def _load(
    case_id: int,
    case_ref: str,
    caseworker_id: int | None,
    phase: str,
    impulses: int,
    oldest_ord: int | None,
    overdue: int,
    _keys: str,
    ords: str,
    waiting: bool,
    no_contact: bool,
    missing_os: bool,
    day: _Day,
    rules: TeamRules,
) -> CaseLoad:
    m14 = m28 = 0
    if ords and ords[:6] <= day.far:
        # Date order: step past those already passed, then count those within 28 days.
        i, n = 0, len(ords)
        while i < n and ords[i : i + 6] < day.text:
            i += 6
        while i < n and ords[i : i + 6] <= day.far:
            m28 += 1
            m14 += ords[i : i + 6] <= day.near
            i += 6
    load = rules.phase_weights[phase]
    if impulses:
        load += rules.open_impulse * impulses
    if overdue:
        load += rules.overdue_follow_up * overdue
    if m28:
        load += rules.milestone * m28
    if waiting:
        load += rules.waiting_for_coordination
    if missing_os:
        load += rules.missing_os_position
    oldest = None if oldest_ord is None else max(0, day.ordinal - oldest_ord)
    return CaseLoad(
        case_id, case_ref, caseworker_id, phase, impulses, oldest, overdue, m14, m28,
        bool(waiting), bool(no_contact), bool(missing_os), load,
    )  # fmt: skip


@dataclass(slots=True)
class TeamScan:
    """Everything the team view computes from one load: facts and figures per open case."""

    on: date
    facts: list[CaseFacts]
    loads: list[CaseLoad]
    rules: TeamRules


@lru_cache(maxsize=65536)
def _next_threshold(employment: str, day: int) -> int | None:
    """The first chain day after ``day`` on which a running chain's digest changes: a new
    phase begins, or the day after a milestone that requires a recorded position (from
    then on it is missing: "past day 181 without an ÖS position")."""
    rules = chain_rules()
    days = [p.first_day for p in rules.phases if p.first_day > day]
    days += [r.day + 1 for r in rules.by_employment.get(employment, ()) if r.requires]
    return min((d for d in days if d > day), default=None)


class _Meta(NamedTuple):
    caseworker_id: int | None
    last_contact: str | None
    opened: str | None
    next_start: str | None  # the first sick period starting after the day
    next_end: str | None  # the first period end on or after the day


def _case_meta(
    conn: sqlite3.Connection, on: date, case_ids: Sequence[int] | None
) -> dict[int, _Meta]:
    cur = conn.cursor()
    cur.row_factory = None
    if case_ids is None:
        where = "status = 'open'"
    else:
        where = f"id IN ({','.join(str(int(i)) for i in case_ids) or 'NULL'})"
    day = on.isoformat()
    return {
        r[0]: _Meta(*r[1:])
        for r in cur.execute(
            "SELECT id, caseworker_id, last_contact_on, opened_on, "
            "(SELECT min(p.start) FROM sick_periods p WHERE p.case_id = c.id AND p.start > ?), "
            '(SELECT min(p."end") FROM sick_periods p WHERE p.case_id = c.id AND p."end" >= ?) '
            f"FROM cases c WHERE {where}",
            (day, day),
        )
    }


def _open_case_ids(conn: sqlite3.Connection, caseworker_ids: Iterable[int]) -> list[int]:
    ids = ",".join(str(int(i)) for i in caseworker_ids) or "NULL"
    return [
        r[0]
        for r in conn.execute(
            f"SELECT id FROM cases WHERE status = 'open' AND caseworker_id IN ({ids})"
        )
    ]


def scan_team(
    conn: sqlite3.Connection,
    on: date,
    *,
    caseworker_ids: Iterable[int] | None = None,
    case_ids: Iterable[int] | None = None,
) -> TeamScan:
    """Load the open cases (all, or those of ``caseworker_ids``, or ``case_ids``) and work out
    each case's figures and load in one pass (always fresh: nothing stored is read)."""
    with paused_gc():
        facts, digests = _scan(conn, on, caseworker_ids, case_ids)
        rules = team_rules()
        day = _Day.of(on)
        return TeamScan(on, facts, [case_load(d, day, rules) for d in digests], rules)


def _second(pair: tuple[str, int]) -> int:
    return pair[1]


def _scan(
    conn: sqlite3.Connection,
    on: date,
    caseworker_ids: Iterable[int] | None,
    case_ids: Iterable[int] | None,
) -> tuple[list[CaseFacts], list[CaseDigest]]:
    """The facts and the digest of each open case in scope, worked out fresh on ``on``."""
    if case_ids is not None:
        ids: list[int] | None = list(case_ids)
    elif caseworker_ids is not None:
        ids = _open_case_ids(conn, caseworker_ids)
    else:
        ids = None
    facts = load_facts(conn, on) if ids is None else load_facts(conn, on, case_ids=ids)
    meta = _case_meta(conn, on, ids)
    after_days = int(standard_weights()["coordination.after_days"])
    gap = chain_rules().link_gap_days
    on_ord = on.toordinal()
    no_meta = _Meta(None, None, None, None, None)
    digests = []
    for f in facts:
        chain = f.chain
        m = meta.get(f.id, no_meta)
        # The first date on which time alone could change a figure (kept as ordinals).
        change = _FOREVER
        n_imp = len(f.impulses)
        oldest = min(i.received for i in f.impulses).toordinal() if n_imp else None
        n_over = 0
        for fu in f.follow_ups:
            snoozed = fu.snoozed_until is not None and fu.snoozed_until > on
            if fu.due < on and not snoozed:
                n_over += 1
            due = fu.due.toordinal()
            if due >= on_ord:
                change = min(change, due + 1)
            if snoozed:
                change = min(change, fu.snoozed_until.toordinal())  # type: ignore[union-attr]
        keys = ords = ""
        if chain.active:
            found = [
                (rule.key, ordinal)
                for rule, ordinal in chain.ahead()
                if not (rule.requires and requirement_met(f, rule.requires))
            ]
            if found:
                found.sort(key=_second)
                keys = ";".join([key for key, _ in found])
                ords = _ords6([ordinal for _, ordinal in found])
            threshold = _next_threshold(chain.employment, chain.day)
            if threshold is not None:
                change = min(change, on_ord + threshold - chain.day)
        elif chain.intervals:  # paused: the chain ends once the gap reaches the link limit
            change = min(change, chain.intervals[-1][1] + gap + 1)
        if m.next_start:
            change = min(change, date.fromisoformat(m.next_start).toordinal())
        if m.next_end:
            change = min(change, date.fromisoformat(m.next_end).toordinal() + 1)
        waiting = False
        if f.coordination_needed:
            waiting = waiting_for_coordination(f, on, after_days)
            since = f.last_coordination_on or f.chain_start
            if since is not None and since.toordinal() + after_days > on_ord:
                change = min(change, since.toordinal() + after_days)
        missing_os = f.os_position is None and chain.day >= 181 and missing_os_position(f)
        # No contact for 60 days, counted from the last contact, else the chain's first day,
        # else the day the case was opened; a case with none of them is flagged.
        basis = date_of(m.last_contact) or f.chain_start or date_of(m.opened)
        no_contact = True
        if basis is not None:
            limit = basis.toordinal() + NO_CONTACT_DAYS
            no_contact = on_ord >= limit
            if not no_contact:
                change = min(change, limit)
        digests.append(
            CaseDigest(
                f.id, f.case_ref, m.caseworker_id, chain.phase or "none", n_imp, oldest,
                n_over, keys, ords, waiting, no_contact, missing_os, on_ord, change - 1,
            )
        )  # fmt: skip
    return facts, digests


# -- the stored digest -----------------------------------------------------------------------

_FOREVER = date.max.toordinal()
_DIGEST_FORMAT = 2
_DIGEST_SETTING = "team_digest.rules"
# What _load reads, in its order; the stored row adds the range it holds for.
_FIGURE_COLUMNS = (
    "case_id, case_ref, caseworker_id, phase, impulses, oldest_ord, overdue, milestone_keys, "
    "milestone_ords, waiting, no_contact, missing_os"
)
_DIGEST_COLUMNS = _FIGURE_COLUMNS + ", on_ord, until_ord"


@lru_cache(maxsize=1)
def _digest_fingerprint() -> str:
    """What stored digests were worked out under: the chain rules as this program parsed them
    (not the file, which an update may have replaced since), the coordination limit and the
    digest's own format. Any difference and every stored digest is redone."""
    chain = chain_rules()
    after = standard_weights()["coordination.after_days"]
    rules = (chain.version, chain.link_gap_days, chain.nfa_exempt_age, chain.phases,
             chain.milestones)  # fmt: skip
    text = f"{_DIGEST_FORMAT}|{NO_CONTACT_DAYS}|{after}|{rules!r}"
    return hashlib.sha256(text.encode()).hexdigest()[:16]


Ahead = tuple[int, int | None, str, str]  # case, caseworker, milestone keys and ordinals


def team_loads(
    conn: sqlite3.Connection,
    on: date,
    *,
    caseworker_ids: Iterable[int] | None = None,
    ahead_days: int = FAR_DAYS,
    store: bool = True,
) -> tuple[list[CaseLoad], list[Ahead]]:
    """The figures of every open case in scope on ``on`` in case id order, and the
    milestones ahead of the cases that have any within ``ahead_days`` (and perhaps of
    others: callers pick by date).

    Read from the stored digests that hold on ``on``; the cases without one are worked out
    now and their digests stored (unless ``store`` is false, or the database cannot be
    written just now: then they are simply not kept)."""
    ids = None if caseworker_ids is None else [int(i) for i in caseworker_ids]
    fingerprint = _digest_fingerprint()
    # Read before anything else: a commit by another program after this point means what
    # is worked out below may already be out of date, and it is then not stored.
    version = _data_version(conn)
    with paused_gc():
        with read_snapshot(conn):  # every read below sees the same state of the database
            loads, ahead, fresh, replace_all = _read_loads(conn, on, ids, ahead_days, fingerprint)
        if store and fresh:
            _store_digests(conn, fresh, fingerprint, version, replace_all=replace_all)
        return loads, ahead


def _read_loads(
    conn: sqlite3.Connection,
    on: date,
    ids: list[int] | None,
    ahead_days: int,
    fingerprint: str,
) -> tuple[list[CaseLoad], list[Ahead], list[CaseDigest], bool]:
    """The loads and milestones ahead in scope, and the digests worked out afresh (all of
    them, replacing every stored one, when those were made under other rules)."""
    on_ord = on.toordinal()
    rules = team_rules()
    if get_setting(conn, _DIGEST_SETTING) != fingerprint:
        _, digests = _scan(conn, on, ids, None)
        return (*_from_digests(digests, on, rules), digests, True)
    scope = ""
    if ids is not None:
        scope = f" AND caseworker_id IN ({','.join(map(str, ids)) or 'NULL'})"
    cur = conn.cursor()
    cur.row_factory = None
    open_ids = {r[0] for r in cur.execute(f"SELECT id FROM cases WHERE status = 'open'{scope}")}
    rows = cur.execute(
        f"SELECT {_FIGURE_COLUMNS} FROM team_digest WHERE on_ord <= ? AND until_ord >= ?"
        f"{scope} ORDER BY case_id",
        (on_ord, on_ord),
    ).fetchall()
    loads = []
    ahead: list[Ahead] = []
    load, day = _load, _Day.of(on)
    # The cases with milestones inside [on, on + ahead_days] go to the forecast.
    until = _ord6(on_ord + ahead_days)
    for r in rows:
        if r[0] not in open_ids:  # (the triggers keep digests to open cases; never trust it)
            continue
        ords = r[8]
        if ords and ords[:6] <= until and ords[-6:] >= day.text:
            ahead.append((r[0], r[2], r[7], ords))
        loads.append(
            load(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], ords, r[9], r[10], r[11],
                 day, rules)
        )  # fmt: skip
    del rows
    fresh: list[CaseDigest] = []
    if len(loads) < len(open_ids):
        stale = open_ids.difference(c.case_id for c in loads)
        _, fresh = _scan(conn, on, None, sorted(stale))
        more_loads, more_ahead = _from_digests(fresh, on, rules)
        loads.extend(more_loads)
        loads.sort(key=_by_case_id)
        ahead.extend(more_ahead)
        ahead.sort(key=_by_case_id)
    return loads, ahead, fresh, False


def _from_digests(
    digests: list[CaseDigest], on: date, rules: TeamRules
) -> tuple[list[CaseLoad], list[Ahead]]:
    day = _Day.of(on)
    loads = [case_load(d, day, rules) for d in digests]
    ahead = [
        (d.case_id, d.caseworker_id, d.milestone_keys, d.milestone_ords)
        for d in digests
        if d.milestone_ords
    ]
    return loads, ahead


def _data_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA data_version").fetchone()[0])


def _by_case_id(row: CaseLoad | Ahead) -> int:
    return row[0]


STORE_BUSY_MS = 250  # a stored digest is a convenience: never wait long for a lock


def _store_digests(
    conn: sqlite3.Connection,
    digests: list[CaseDigest],
    fingerprint: str,
    version: int,
    *,
    replace_all: bool,
) -> None:
    """Keep worked-out digests, unless another program committed since ``version`` was read
    (they might describe data that has changed since) or the database is busy or read-only."""
    rows = [
        (d.case_id, d.case_ref, d.caseworker_id, d.phase, d.impulses, d.oldest_ord, d.overdue,
         d.milestone_keys or None, d.milestone_ords or None, int(d.waiting), int(d.no_contact),
         int(d.missing_os), d.on_ord, d.until_ord)
        for d in digests
    ]  # fmt: skip
    timeout = int(conn.execute("PRAGMA busy_timeout").fetchone()[0])
    conn.execute(f"PRAGMA busy_timeout = {STORE_BUSY_MS}")
    try:
        with transaction(conn):
            if _data_version(conn) != version:
                log.info("Teamsammanställningen sparades inte: databasen ändrades under tiden.")
                return
            if replace_all:
                conn.execute("DELETE FROM team_digest")
                put_setting(conn, _DIGEST_SETTING, fingerprint)
            conn.executemany(
                f"INSERT OR REPLACE INTO team_digest ({_DIGEST_COLUMNS}) "
                f"VALUES ({', '.join('?' * len(CaseDigest._fields))})",
                rows,
            )
    except (sqlite3.OperationalError, DatabaseBusyError) as exc:  # locked, or read-only
        busy = isinstance(exc, DatabaseBusyError) or "locked" in str(exc) or "busy" in str(exc)
        (log.info if busy else log.warning)(
            "Teamsammanställningen sparades inte (%s); den räknas om nästa gång.", exc
        )
    finally:
        conn.execute(f"PRAGMA busy_timeout = {timeout}")


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


# -- charts ----------------------------------------------------------------------------------


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True, slots=True)
class MilestoneForecast:
    """Milestones per ISO week per caseworker, from the week of ``on`` (only dates from
    ``on`` on). ``counts[signature][i]`` is week ``weeks[i]``; ``cases`` has the case ids."""

    on: date
    weeks: list[tuple[int, int, date]]  # (ISO year, ISO week, Monday)
    counts: dict[str, list[int]]
    totals: list[int]
    by_key: dict[str, list[int]]
    cases: dict[tuple[str, int], list[int]]

    def as_json(self) -> dict[str, Any]:
        return {
            "on": self.on.isoformat(),
            "weeks": [
                {"year": y, "week": w, "monday": m.isoformat(), "label": f"v{w}"}
                for y, w, m in self.weeks
            ],
            "caseworkers": self.counts,
            "totals": self.totals,
            "by_milestone": self.by_key,
        }


def _forecast(
    conn: sqlite3.Connection, on: date, ahead: list[Ahead], weeks: int
) -> MilestoneForecast:
    """The milestone forecast from the cases' milestones ahead."""
    first = _monday(on)
    last = first + timedelta(days=7 * weeks - 1)
    on_ord, first_ord = on.toordinal(), first.toordinal()
    horizon = (last - on).days
    owners = _signatures(conn)
    counts: dict[str, list[int]] = {}
    by_key: dict[str, list[int]] = {}
    cases: dict[tuple[str, int], list[int]] = defaultdict(list)
    totals = [0] * weeks
    for case_id, caseworker_id, keys, ords in ahead:
        who = owners.get(caseworker_id, UNASSIGNED_SV)  # type: ignore[arg-type]
        for key, ordinal in milestones_of(keys, ords):
            if not 0 <= ordinal - on_ord <= horizon:
                continue
            week = (ordinal - first_ord) // 7
            row = counts.get(who)
            if row is None:
                row = counts[who] = [0] * weeks
            row[week] += 1
            totals[week] += 1
            key_row = by_key.get(key)
            if key_row is None:
                key_row = by_key[key] = [0] * weeks
            key_row[week] += 1
            ids = cases[(who, week)]
            if not ids or ids[-1] != case_id:
                ids.append(case_id)
    week_list = []
    for i in range(weeks):
        monday = first + timedelta(days=7 * i)
        year, number, _weekday = monday.isocalendar()
        week_list.append((year, number, monday))
    return MilestoneForecast(on, week_list, dict(sorted(counts.items())), totals,
                             by_key, dict(cases))  # fmt: skip


def _forecast_horizon(on: date, weeks: int) -> int:
    return (_monday(on) + timedelta(days=7 * weeks - 1) - on).days


def milestone_forecast(
    conn: sqlite3.Connection,
    on: date,
    weeks: int = 8,
    *,
    caseworker_ids: Iterable[int] | None = None,
) -> MilestoneForecast:
    """Per caseworker and ISO week, how many milestones (day 30/60/90/180/181/240/364/365/550,
    those of the chain that apply) fall due: the coming peaks of milestone work."""
    ids = None if caseworker_ids is None else list(caseworker_ids)
    horizon = _forecast_horizon(on, weeks)
    with paused_gc():
        ahead = team_loads(conn, on, caseworker_ids=ids, ahead_days=horizon)[1]
        return _forecast(conn, on, ahead, weeks)


def _signatures(conn: sqlite3.Connection) -> dict[int, str]:
    return {r[0]: r[1] for r in conn.execute("SELECT id, ext_id FROM caseworkers").fetchall()}


@dataclass(frozen=True, slots=True)
class ImpulseInflow:
    """Impulses received per day (Stockholm dates), oldest day first."""

    days: list[date]
    totals: list[int]
    by_caseworker: dict[str, list[int]]

    def as_json(self) -> dict[str, Any]:
        return {
            "days": [d.isoformat() for d in self.days],
            "totals": self.totals,
            "caseworkers": self.by_caseworker,
        }


def impulse_inflow(
    conn: sqlite3.Connection,
    on: date,
    days: int = 30,
    *,
    caseworker_ids: Iterable[int] | None = None,
) -> ImpulseInflow:
    """Impulses received on each of the ``days`` days ending with ``on`` (handled or not,
    on open or closed cases), in total and per the case's current caseworker."""
    first = on - timedelta(days=days - 1)
    wanted = None if caseworker_ids is None else set(caseworker_ids)
    owners = _signatures(conn)
    cur = conn.cursor()
    cur.row_factory = None
    rows = cur.execute(
        "SELECT i.received_at, c.caseworker_id FROM impulses i JOIN cases c ON c.id = i.case_id "
        "WHERE i.received_at >= ? AND i.received_at < ?",
        (utc_iso(start_of_day_utc(first)), utc_iso(start_of_day_utc(on + timedelta(days=1)))),
    ).fetchall()
    totals = [0] * days
    by_cw: dict[str, list[int]] = {}
    first_ord = first.toordinal()
    for received_at, cw_id in rows:
        if wanted is not None and cw_id not in wanted:
            continue
        index = local_date_of(received_at).toordinal() - first_ord
        if not 0 <= index < days:
            continue
        totals[index] += 1
        who = owners.get(cw_id, UNASSIGNED_SV)
        row = by_cw.get(who)
        if row is None:
            row = by_cw[who] = [0] * days
        row[index] += 1
    return ImpulseInflow(
        [first + timedelta(days=i) for i in range(days)], totals, dict(sorted(by_cw.items()))
    )


@dataclass(frozen=True, slots=True)
class TeamView:
    """What the Team tab shows, from one load: the table and the three charts' data."""

    table: TeamTable
    forecast: MilestoneForecast
    inflow: ImpulseInflow

    @property
    def phases(self) -> dict[str, dict[str, int]]:
        return phase_counts(self.table)


def team_view(
    conn: sqlite3.Connection,
    on: date,
    *,
    caseworker_ids: Iterable[int] | None = None,
    weeks: int = 8,
    inflow_days: int = 30,
    store: bool = True,
) -> TeamView:
    """The table, the phase chart, the milestone forecast and the impulse inflow in one go
    (one read of the case digests shared by the table and the forecast)."""
    ids = None if caseworker_ids is None else list(caseworker_ids)
    with paused_gc():
        horizon = _forecast_horizon(on, weeks)
        loads, ahead = team_loads(conn, on, caseworker_ids=ids, ahead_days=horizon, store=store)
        table = _table(conn, on, loads, team_rules(), ids)
        forecast = _forecast(conn, on, ahead, weeks)
        del loads, ahead  # freed before the collector runs again: little left for it to scan
        return TeamView(table, forecast, impulse_inflow(conn, on, inflow_days, caseworker_ids=ids))


# -- the employer view -----------------------------------------------------------------------

PLAN_MISSING = ("none", "unknown")
PLAN_DUE_DAY = 30


@dataclass(frozen=True, slots=True)
class EmployerCase:
    case_id: int
    case_ref: str
    caseworker: str | None
    caseworker_name: str | None
    day: int
    phase: str | None
    plan_status: str
    next_milestone_key: str | None
    next_milestone_date: date | None
    next_milestone_days_left: int | None
    open_impulses: int
    waiting_for_coordination: bool
    past_181_without_os: bool

    @property
    def missing_plan(self) -> bool:
        """No written or oral plan although the chain is past day 30 (the plan's due day)."""
        return self.plan_status in PLAN_MISSING and self.day > PLAN_DUE_DAY

    def as_json(self) -> dict[str, Any]:
        return {
            "case_id": self.case_ref,
            "caseworker": self.caseworker,
            "day": self.day,
            "phase": self.phase,
            "plan_status": self.plan_status,
            "plan_status_label": label(PLAN_STATUS_SV, self.plan_status),
            "missing_plan": self.missing_plan,
            "next_milestone": None
            if self.next_milestone_key is None
            else {
                "key": self.next_milestone_key,
                "label": milestone_label(self.next_milestone_key),
                "date": self.next_milestone_date.isoformat() if self.next_milestone_date else None,
                "days_left": self.next_milestone_days_left,
            },
            "open_impulses": self.open_impulses,
            "waiting_for_coordination": self.waiting_for_coordination,
            "past_181_without_os": self.past_181_without_os,
        }


@dataclass(frozen=True, slots=True)
class EmployerView:
    employer: str
    on: date
    cases: list[EmployerCase]

    def summary(self) -> dict[str, Any]:
        cases = self.cases
        return {
            "cases": len(cases),
            "caseworkers": len({c.caseworker for c in cases if c.caseworker}),
            "missing_plan": sum(c.missing_plan for c in cases),
            "plan_status": dict(Counter(c.plan_status for c in cases)),
            "phases": dict(Counter(c.phase or "none" for c in cases)),
            "open_impulses": sum(c.open_impulses for c in cases),
            "waiting_for_coordination": sum(c.waiting_for_coordination for c in cases),
            "past_181_without_os": sum(c.past_181_without_os for c in cases),
        }

    def as_json(self) -> dict[str, Any]:
        return {
            "employer": self.employer,
            "on": self.on.isoformat(),
            "summary": self.summary(),
            "cases": [c.as_json() for c in self.cases],
        }


def _employer_names(conn: sqlite3.Connection, name: str) -> list[str]:
    """The stored spellings that match ``name`` (case and surrounding spaces ignored)."""
    wanted = " ".join(name.split()).casefold()
    stored = [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT employer FROM cases WHERE employer IS NOT NULL AND status = 'open'"
        )
    ]
    exact = [s for s in stored if " ".join(s.split()).casefold() == wanted]
    if exact:
        return exact
    near = sorted(s for s in stored if wanted and wanted in s.casefold())
    if near:
        shown = ", ".join(near[:5]) + (" …" if len(near) > 5 else "")
        raise NotFoundError(
            _("Ingen arbetsgivare heter '{name}'. Menade du: {shown}?").format(
                name=name, shown=shown
            )
        )
    raise NotFoundError(_("Inget öppet ärende har arbetsgivaren '{name}'.").format(name=name))


def employer_cases(conn: sqlite3.Connection, employer: str, on: date) -> EmployerView:
    """Every open case of one employer across the team, by caseworker then case id, with
    its chain day, phase, plan status, next milestone and open impulses, and a summary."""
    names = _employer_names(conn, employer)
    marks = ",".join("?" for _ in names)
    rows = conn.execute(
        f"SELECT c.id, c.plan_status, w.ext_id, w.name FROM cases c "
        f"LEFT JOIN caseworkers w ON w.id = c.caseworker_id "
        f"WHERE c.status = 'open' AND c.employer IN ({marks})",
        names,
    ).fetchall()
    info = {r[0]: (r[1], r[2], r[3]) for r in rows}
    scan = scan_team(conn, on, case_ids=list(info))
    out = []
    for f, c in zip(scan.facts, scan.loads, strict=True):
        plan, signature, cw_name = info[f.id]
        nxt = f.chain.next_milestone
        out.append(
            EmployerCase(
                f.id, f.case_ref, signature, cw_name, f.chain.day, f.chain.phase,
                plan or "unknown", nxt.key if nxt else None, nxt.date if nxt else None,
                nxt.days_left if nxt else None, c.unhandled_impulses,
                c.waiting_for_coordination, c.past_181_without_os,
            )
        )  # fmt: skip
    out.sort(key=lambda e: (e.caseworker or "", e.case_ref))
    return EmployerView(names[0], on, out)
