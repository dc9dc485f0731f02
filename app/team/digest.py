"""One pass over a team's open cases, and the stored per-case digest that lets the next
run redo only the cases whose figures may have changed (docs/team.md, "Speed").
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from app.base.bulk import paused_gc
from app.chain.rules import chain_rules, standard_weights
from app.priority.score import CaseFacts, requirement_met

# The rule behind case_states()["waiting_for_coordination"], asked alone: case_states would
# also work out the overdue and milestone states, which the team pass does its own way.
from app.stock.facts import date_of, load_facts
from app.stock.overview import missing_os_position, waiting_for_coordination
from app.team.rules import FAR_DAYS, NEAR_DAYS, NO_CONTACT_DAYS, TeamRules, team_rules
from db import read_snapshot, transaction
from db.errors import DatabaseBusyError
from db.queries import get_setting, put_setting

log = logging.getLogger(__name__)

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
