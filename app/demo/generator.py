"""The synthetic demo stock: caseworkers, cases and everything around them, from a seed.

The build is deterministic for a given seed and "today", and never touches the system
clock or the global random; the figures it assumes are in ``assumptions``, its names and
texts in ``fixtures``.

Longer than 500 lines on purpose: ``_Builder`` draws every value of a case from one seeded
random stream in a fixed order, and keeping the drawing in one class keeps that order
visible (moving a draw changes every later value of the stock).
"""

from __future__ import annotations

import json
import random
import sqlite3
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Generic, TypeVar

import db
from app.base.clock import STOCKHOLM, utc_iso
from app.base.errors import ExistingDataError
from app.base.i18n import _
from app.chain.rules import chain_rules
from app.chain.state import age_reached_on
from app.demo.assumptions import (
    AGE_BANDS,
    AWAITING_ACTORS,
    AWAITING_SHARE,
    AWAITING_UNTIL_DAYS,
    BATCH_CASES,
    BENEFIT_PENDING_BY_PHASE,
    CERT_AHEAD_DAYS,
    CERT_ENDING_SOON_SHARE,
    CERT_LAPSED_SHARE,
    CERT_MIN_DAYS,
    CERTIFICATE_DAYS,
    CHECK_ITEM_BY_PHASE,
    CHECKLIST_COMPLETE_BY_PHASE,
    CLOSE_TO_PENSION,
    CLOSED_MIN_DAY,
    CLOSED_SHARE,
    CONSENT,
    CONTACT_SHARES,
    COORDINATION_BY_PHASE,
    COORDINATION_NUMBER_SHARE,
    DIAGNOSIS_SHARES,
    EARLIER_PERIOD_DAYS,
    EARLY_CERT_FULL_TIME,
    EMPLOYED_SHARE,
    EMPLOYER_REACHED_IF_TRIED,
    EMPLOYER_SKEW,
    EMPLOYER_TRIED_BY_PHASE,
    EMPLOYMENT_SHARES,
    FEMALE_SHARE,
    FICTION_PHONES,
    FIRST_FK_DAY_EMPLOYED,
    FOLLOW_UP_AF_OTHER,
    FOLLOW_UP_AF_UNEMPLOYED,
    FOLLOW_UP_ANY,
    FOLLOW_UP_DUE_DAYS,
    FOLLOW_UP_EMPLOYER,
    FOLLOW_UP_HEALTHCARE,
    FOLLOW_UP_INSURED,
    FOLLOW_UP_OPEN_SHARE,
    IMPULSE_CASE_SHARE,
    IMPULSE_HANDLED_NEW,
    IMPULSE_HANDLED_OLD,
    IMPULSE_MAX_AGE_DAYS,
    IMPULSE_OLD_DAYS,
    IMPULSE_READ_IF_OPEN,
    IMPULSE_TYPES,
    IMPULSES_PER_CASE,
    K3_SHARE_BY_PHASE,
    LAST_ACTION_MAX_DAYS,
    LAST_COORDINATION_MAX_DAYS,
    LEAD_EXT_ID,
    LINKED_EARLIER_SHARE,
    NEVER_COORDINATED_SHARE,
    NO_FOLLOW_UP_REASONS,
    NO_FOLLOW_UP_SHARE,
    OLDER_PERIOD_MAX_EXTRA_GAP,
    OS_POSITIONS,
    OUTCOMES,
    PART_TIME_BY_PHASE,
    PART_TIME_EXTENTS,
    PHASE_SHARES,
    PHASES,
    PLAN_BY_PHASE,
    PLANNED_EARLIER,
    PLANNED_TODAY,
    PLANNED_TOMORROW,
    RECOVERY_SHARE_OF_F,
    RETURN_DATE_KNOWN_SHARE,
    RUNS_ITSELF_SHARE,
    SNAPSHOT_MINUTE,
    TEAM_NAME,
    TEST_SERIALS,
    UNIT_BY_PHASE,
    UNIT_RETURN,
    UNLINKED_OLDER_SHARE,
)
from app.demo.fixtures import (
    CLOSE_NOTES,
    FOLLOW_UP_NOTES,
    IMPULSE_TEMPLATES,
    OUTCOME_NOTES,
    SELF_EMPLOYED_TRADES,
    _make_pools,
    _Pools,
    _years_before,
)
from app.safety.pin import make_pin

CASE_COLUMNS = (
    "id", "case_ref", "person_name", "pin", "birth_date", "employment", "employer",
    "diagnosis_group", "flow", "unit", "extent", "status", "opened_on", "closed_on",
    "caseworker_id", "runs_itself", "no_follow_up", "no_follow_up_reason", "recovery_until",
    "benefit_decision_pending", "coordination_needed", "last_coordination_on", "awaiting_actor",
    "awaiting_until", "plan_status", "os_position", "os_position_on", "check_phone",
    "check_employer", "check_plan", "check_informed", "last_contact_on", "last_action_at",
    "created_at", "updated_at",
)  # fmt: skip
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "cases": CASE_COLUMNS,
    "sick_periods": ("id", "case_id", "start", "end", "extent"),
    "certificates": ("id", "case_id", "sick_period_id", "issued_on", "from_date", "to_date",
                     "extent", "received_at"),
    "impulses": ("id", "case_id", "type", "doc_kind", "received_at", "text", "read_at",
                 "outcome", "outcome_note", "outcome_by", "outcome_at"),
    "follow_ups": ("id", "case_id", "owner_id", "due_at", "kind", "origin", "note", "state",
                   "created_at", "closed_at", "close_note"),
    "contacts": ("id", "case_id", "role", "name", "organisation", "phone", "consent",
                 "consent_on"),
    "planned_dates": ("id", "case_id", "caseworker_id", "on_date", "created_at"),
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class DemoSummary:
    """What a demo build inserted."""

    caseworkers: int
    leads: int
    cases: int
    sick_periods: int
    certificates: int
    impulses: int
    follow_ups: int
    contacts: int
    planned_dates: int


T = TypeVar("T")


class _Choice(Generic[T]):
    """A weighted choice drawn with one random number."""

    def __init__(self, pairs: Sequence[tuple[T, float]]) -> None:
        self.values = [value for value, _ in pairs]
        self.cum: list[float] = []
        total = 0.0
        for _value, weight in pairs:
            total += weight
            self.cum.append(total)
        self.total = total

    def __call__(self, r: Callable[[], float]) -> T:
        index = bisect_right(self.cum, r() * self.total)
        return self.values[min(index, len(self.values) - 1)]


@dataclass(slots=True)
class _Case:
    """One case while it is being generated (ordinals for dates)."""

    id: int
    caseworker_id: int
    caseworker_ext: str
    phase: int
    day: int
    employment: str
    female: bool
    birth: date
    closed_o: int | None = None
    chain_start_o: int = 0
    current_start_o: int = 0
    earlier_days: int = 0
    last_action_ago: int = 1 << 20
    opened_o: int = 0
    extent: int = 100
    diagnosis: str = "other"
    employer: str | None = None


class _Builder:
    """Generates rows batch by batch and writes them with ``executemany``."""

    def __init__(self, conn: sqlite3.Connection, seed: int, today: date, pools: _Pools) -> None:
        self.conn = conn
        self.rng = random.Random(seed)
        self.r = self.rng.random
        self.today = today
        self.today_o = today.toordinal()
        self.pools = pools
        rules = chain_rules()
        self.link_gap = rules.link_gap_days
        self.nfa_exempt_age = rules.nfa_exempt_age
        self.rows: dict[str, list[tuple[object, ...]]] = {t: [] for t in TABLE_COLUMNS}
        self.counts: dict[str, int] = dict.fromkeys(TABLE_COLUMNS, 0)
        self.next_id = {t: self._first_id(t) for t in ("caseworkers", *TABLE_COLUMNS)}
        self.used_pins: set[str] = set()
        self._iso_cache: dict[int, str] = {}
        self._stamp_cache: dict[tuple[int, int], str] = {}
        self._due_cache: dict[int, str] = {}
        self._choices()

    def _choices(self) -> None:
        self.phase_choice = _Choice(list(enumerate(PHASE_SHARES)))
        self.employment_choice = _Choice(EMPLOYMENT_SHARES)
        self.age_choice = _Choice([((lo, hi), w) for lo, hi, w in AGE_BANDS])
        self.diagnosis_choice = _Choice(DIAGNOSIS_SHARES)
        self.unit_choices = [_Choice(pairs) for pairs in UNIT_BY_PHASE]
        self.part_time_choice = _Choice(PART_TIME_EXTENTS)
        self.plan_choices = [_Choice(pairs) for pairs in PLAN_BY_PHASE]
        self.os_choice = _Choice(OS_POSITIONS)
        self.impulse_count = _Choice(IMPULSES_PER_CASE)
        self.impulse_type = _Choice(IMPULSE_TYPES)
        self.outcome_choice = _Choice(OUTCOMES)
        self.consent_choices = {role: _Choice(pairs) for role, pairs in CONSENT.items()}

    def _first_id(self, table: str) -> int:
        return int(self.conn.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}").fetchone()[0])

    # -- small helpers --------------------------------------------------------------------

    def _int(self, n: int) -> int:
        """0 .. n-1."""
        return int(self.r() * n)

    def _between(self, lo: int, hi: int) -> int:
        """lo .. hi inclusive."""
        return lo + int(self.r() * (hi - lo + 1))

    def _of(self, values: Sequence[str]) -> str:
        return values[int(self.r() * len(values))]

    def _id(self, table: str) -> int:
        value = self.next_id[table]
        self.next_id[table] = value + 1
        return value

    def _add(self, table: str, row: tuple[object, ...]) -> None:
        self.rows[table].append(row)

    def iso(self, ordinal: int) -> str:
        text = self._iso_cache.get(ordinal)
        if text is None:
            text = self._iso_cache[ordinal] = date.fromordinal(ordinal).isoformat()
        return text

    def stamp(self, ago: int, minute: int) -> str:
        """UTC timestamp of local time ``minute`` on the day ``ago`` days before today."""
        key = (ago, minute)
        text = self._stamp_cache.get(key)
        if text is None:
            day = date.fromordinal(self.today_o - ago)
            moment = datetime.combine(day, time(minute // 60, minute % 60), tzinfo=STOCKHOLM)
            text = self._stamp_cache[key] = utc_iso(moment)
        return text

    def _minute(self, ago: int) -> int:
        """An office-hours minute, or one before the 07:30 snapshot when ``ago`` is 0."""
        if ago <= 0:
            return 6 * 60 + 5 * self._int((SNAPSHOT_MINUTE - 6 * 60) // 5 + 1)
        return 7 * 60 + 5 * self._int(120)

    def moment(self, ago: int) -> tuple[int, int]:
        return ago, self._minute(ago)

    def after(self, at: tuple[int, int], max_days: int) -> tuple[int, int]:
        """A moment no earlier than ``at`` and no later than the snapshot."""
        ago, minute = at
        later = max(0, ago - self._int(max_days + 1))
        if later != ago:
            return later, self._minute(later)
        limit = SNAPSHOT_MINUTE if ago == 0 else 17 * 60
        return ago, min(limit, minute + 5 * self._between(1, 12))

    def stamp_at(self, at: tuple[int, int]) -> str:
        return self.stamp(at[0], at[1])

    def name(self, female: bool) -> str:
        first = self._of(self.pools.female if female else self.pools.male)
        return f"{first} {self._of(self.pools.last)}"

    def phone(self) -> str:
        prefix, lo, hi = FICTION_PHONES[self._int(len(FICTION_PHONES))]
        return f"{prefix}{self._between(lo, hi):02d}"

    # -- flushing -------------------------------------------------------------------------

    def flush(self) -> None:
        """Write every pending row, parents first."""
        for table, columns in TABLE_COLUMNS.items():
            rows = self.rows[table]
            if not rows:
                continue
            names = ", ".join(f'"{c}"' for c in columns)
            marks = ", ".join("?" * len(columns))
            self.conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)
            self.counts[table] += len(rows)
            rows.clear()

    # -- caseworkers ----------------------------------------------------------------------

    def caseworkers(self, count: int) -> list[tuple[int, str]]:
        """Insert the caseworkers and the team lead; return (id, ext_id) of the caseworkers."""
        width = max(2, len(str(count)))
        staff = []
        rows = []
        for n in range(1, count + 1):
            cw_id = self._id("caseworkers")
            ext_id = f"hl{n:0{width}d}"
            staff.append((cw_id, ext_id))
            name = self.name(self.r() < FEMALE_SHARE)
            rows.append((cw_id, ext_id, name, "caseworker", TEAM_NAME))
        rows.append((self._id("caseworkers"), LEAD_EXT_ID, self.name(True), "lead", TEAM_NAME))
        self.conn.executemany(
            "INSERT INTO caseworkers (id, ext_id, name, role, team, active) "
            "VALUES (?, ?, ?, ?, ?, 1)",
            rows,
        )
        return staff

    # -- one case -------------------------------------------------------------------------

    def case(self, cw_id: int, cw_ext: str) -> _Case:
        """Generate one case with its periods, certificates, impulses, follow-ups, contacts."""
        phase = self.phase_choice(self.r)
        employment = self.employment_choice(self.r)
        first, last = PHASES[phase][1], PHASES[phase][2]
        if phase == 0 and employment == "employed":
            first = FIRST_FK_DAY_EMPLOYED
        female = self.r() < FEMALE_SHARE
        case = _Case(
            id=self._id("cases"),
            caseworker_id=cw_id,
            caseworker_ext=cw_ext,
            phase=phase,
            day=self._between(first, last),
            employment=employment,
            female=female,
            birth=self._birth(),
        )
        self._periods(case, closing=case.day >= CLOSED_MIN_DAY and self.r() < CLOSED_SHARE)
        row = self._case_row(case)
        self._contacts(case)
        self._impulses(case)
        if case.closed_o is None:
            self._follow_ups(case)
        row.update(self._timestamps(case, row))
        self._add("cases", tuple(row[c] for c in CASE_COLUMNS))
        return case

    def _birth(self) -> date:
        lo, hi = self.age_choice(self.r)
        oldest = _years_before(self.today, hi + 1) + timedelta(days=1)
        youngest = _years_before(self.today, lo)
        return date.fromordinal(self._between(oldest.toordinal(), youngest.toordinal()))

    def _pin(self, case: _Case) -> tuple[str, date]:
        """A unique valid number; the birth date is redrawn on a clash."""
        birth = case.birth
        coordination = self.r() < COORDINATION_NUMBER_SHARE
        for attempt in range(40):
            serial = self._between(*TEST_SERIALS) if attempt < 30 else self._between(1, 979)
            pin = make_pin(birth, serial, case.female, coordination=coordination)
            if pin not in self.used_pins:
                break
            birth = self._birth()
        self.used_pins.add(pin)
        return pin, birth

    # -- periods and certificates ---------------------------------------------------------

    def _periods(self, case: _Case, closing: bool) -> None:
        """Place the chain so that today is day ``case.day``, then write its periods."""
        earlier = 0
        if case.day >= 44 and self.r() < LINKED_EARLIER_SHARE:
            longest = min(EARLIER_PERIOD_DAYS[1], case.day - 30)
            earlier = self._between(EARLIER_PERIOD_DAYS[0], longest)
        start = self.today_o - (case.day - earlier - 1)
        case.chain_start_o = case.current_start_o = start
        case.earlier_days = earlier
        if closing:
            case.closed_o = self.today_o - self._between(1, min(60, self.today_o - start - 13))
        self._earlier_periods(case)
        self._current_period(case)

    def _earlier_periods(self, case: _Case) -> None:
        """A linked earlier period (counted in the chain) and an unlinked older one."""
        if case.earlier_days:
            end = case.current_start_o - self._between(5, self.link_gap - 1) - 1
            case.chain_start_o = end - case.earlier_days + 1
            self._period(case, case.chain_start_o, end, self._extent(case.phase), end)
        if self.r() < UNLINKED_OLDER_SHARE:
            end = case.chain_start_o - self.link_gap - 1 - self._int(OLDER_PERIOD_MAX_EXTRA_GAP)
            length = self._between(*EARLIER_PERIOD_DAYS)
            self._period(case, end - length + 1, end, self._extent(3), end)

    def _current_period(self, case: _Case) -> None:
        """The running (or, for a closed case, ended) period and its certificates."""
        case.extent = self._extent(case.phase)
        last_to = self._latest_to(case)
        end = case.closed_o
        if end is None and last_to >= self.today_o and self.r() < RETURN_DATE_KNOWN_SHARE:
            end = last_to
        self._period(case, case.current_start_o, end, case.extent, last_to)

    def _extent(self, phase: int) -> int:
        if self.r() < PART_TIME_BY_PHASE[phase]:
            return self.part_time_choice(self.r)
        return 100

    def _latest_to(self, case: _Case) -> int:
        """The last day of the latest certificate in the current period."""
        if case.closed_o is not None:
            return case.closed_o
        u = self.r()
        if u < CERT_ENDING_SOON_SHARE:
            return self.today_o + self._int(7)
        if u < CERT_ENDING_SOON_SHARE + CERT_LAPSED_SHARE and case.day > 30:
            return self.today_o - self._between(1, 10)
        return self.today_o + self._between(*CERT_AHEAD_DAYS)

    def _period(self, case: _Case, start: int, end: int | None, extent: int, last_to: int) -> None:
        period_id = self._id("sick_periods")
        self._add(
            "sick_periods",
            (period_id, case.id, self.iso(start), None if end is None else self.iso(end), extent),
        )
        spans = self._cert_spans(start, last_to)
        for index, (first, last) in enumerate(spans):
            latest = index >= len(spans) - 2
            cert_extent = extent if latest or self.r() >= EARLY_CERT_FULL_TIME else 100
            self._certificate(case.id, period_id, first, last, cert_extent)

    def _cert_spans(self, start: int, last_to: int) -> list[tuple[int, int]]:
        """Consecutive certificate spans from ``start`` to ``last_to``, walked backwards."""
        spans: list[tuple[int, int]] = []
        to = last_to
        shortest = max(CERT_MIN_DAYS, last_to - self.today_o + 1)  # latest one already issued
        length = max(shortest, self._of_int(CERTIFICATE_DAYS))
        while True:
            first = to - length + 1
            if first - start < CERT_MIN_DAYS:
                spans.append((start, to))
                break
            spans.append((first, to))
            to = first - 1
            length = self._of_int(CERTIFICATE_DAYS)
        spans.reverse()
        return spans

    def _of_int(self, values: Sequence[int]) -> int:
        return values[int(self.r() * len(values))]

    def _certificate(
        self, case_id: int, period_id: int, first: int, last: int, extent: int
    ) -> None:
        issued = min(self.today_o, first - 2 + self._int(5))
        received_ago = max(0, self.today_o - issued - self._int(4))
        self._add(
            "certificates",
            (
                self._id("certificates"), case_id, period_id, self.iso(issued), self.iso(first),
                self.iso(last), extent, self.stamp_at(self.moment(received_ago)),
            ),
        )  # fmt: skip

    # -- the case row ---------------------------------------------------------------------

    def _case_row(self, case: _Case) -> dict[str, object]:
        """The case's own columns, all but the timestamps."""
        pin, case.birth = self._pin(case)
        case.diagnosis = self.diagnosis_choice(self.r)
        case.employer = self._employer(case)
        offset = FIRST_FK_DAY_EMPLOYED - 1 if case.employment == "employed" else 1
        case.opened_o = min(self.today_o, case.chain_start_o + offset)
        row = {
            "id": case.id,
            "person_name": self.name(case.female),
            "pin": pin,
            "birth_date": case.birth.isoformat(),
            "employment": case.employment,
            "employer": case.employer,
            "diagnosis_group": case.diagnosis,
            "extent": case.extent,
            "status": "open" if case.closed_o is None else "closed",
            "opened_on": self.iso(case.opened_o),
            "closed_on": None if case.closed_o is None else self.iso(case.closed_o),
            "caseworker_id": case.caseworker_id,
        }
        row["case_ref"] = f"SP-{row['opened_on'][:4]}-{case.id:06d}"
        row.update(self._flow_and_unit(case))
        row.update(self._flags(case))
        row.update(self._checks(case))
        row.update(self._os_position(case))
        return row

    def _employer(self, case: _Case) -> str | None:
        if case.employment == "unemployed":
            return None
        if case.employment == "self_employed":
            return f"{self._of(self.pools.last)}s {self._of(SELF_EMPLOYED_TRADES)}"
        companies = self.pools.companies
        return companies[int(len(companies) * self.r() ** EMPLOYER_SKEW)]

    def _flow_and_unit(self, case: _Case) -> dict[str, object]:
        k3 = self.r() < K3_SHARE_BY_PHASE[case.phase]
        unit = self.unit_choices[case.phase](self.r)
        if k3 and case.phase > 0:
            unit = UNIT_RETURN
        return {"flow": "K3" if k3 else "K2", "unit": unit}

    def _flags(self, case: _Case) -> dict[str, object]:
        r, p, today = self.r, case.phase, self.today_o
        flags: dict[str, object] = {
            "benefit_decision_pending": int(r() < BENEFIT_PENDING_BY_PHASE[p]),
            "runs_itself": int(
                case.employment == "employed" and r() < RUNS_ITSELF_SHARE / EMPLOYED_SHARE
            ),
            "no_follow_up": 0,
            "no_follow_up_reason": None,
            "recovery_until": None,
            "awaiting_actor": None,
            "awaiting_until": None,
        }
        flags.update(self._coordination(case))
        if r() < NO_FOLLOW_UP_SHARE:
            flags["no_follow_up"] = 1
            flags["no_follow_up_reason"] = self._no_follow_up_reason(case)
        if case.diagnosis == "F" and p <= 1 and r() < RECOVERY_SHARE_OF_F:
            ahead = -self._between(1, 10) if r() < 0.15 else self._between(1, 60)
            flags["recovery_until"] = self.iso(today + ahead)
        if r() < AWAITING_SHARE:
            flags["awaiting_actor"] = self._of(AWAITING_ACTORS)
            flags["awaiting_until"] = self.iso(today + self._between(*AWAITING_UNTIL_DAYS))
        return flags

    def _coordination(self, case: _Case) -> dict[str, object]:
        needed = self.r() < COORDINATION_BY_PHASE[case.phase]
        last = None
        if needed and self.r() >= NEVER_COORDINATED_SHARE:
            ordinal = max(case.opened_o, self.today_o - self._int(LAST_COORDINATION_MAX_DAYS + 1))
            last = self.iso(ordinal)
        return {"coordination_needed": int(needed), "last_coordination_on": last}

    def _no_follow_up_reason(self, case: _Case) -> str:
        reason, from_age, share = CLOSE_TO_PENSION
        if _years_before(self.today, from_age) >= case.birth and self.r() < share:
            return reason
        return self._of(NO_FOLLOW_UP_REASONS)

    def _checks(self, case: _Case) -> dict[str, object]:
        """The four before-180 checks, the plan status and the employer contact."""
        r, p = self.r, case.phase
        employed = case.employment == "employed"
        plan = self.plan_choices[p](r) if employed else "none"
        tried = employed and r() < EMPLOYER_TRIED_BY_PHASE[p]
        reached = tried and r() < EMPLOYER_REACHED_IF_TRIED
        complete = r() < CHECKLIST_COMPLETE_BY_PHASE[p]
        if complete and plan == "unknown":
            plan = "none"
        item = CHECK_ITEM_BY_PHASE[p]
        contact = None
        if reached:
            contact = self.iso(max(case.opened_o, self.today_o - self._int(90)))
        return {
            "plan_status": plan,
            "check_phone": int(complete or r() < item),
            "check_employer": int(complete or reached or not employed),
            "check_plan": int(plan != "unknown"),
            "check_informed": int(complete or r() < item),
            "last_contact_on": contact,
        }

    def _os_position(self, case: _Case) -> dict[str, object]:
        """The day-181 position for cases past day 181 (about 8 % missing)."""
        if case.day <= 181:
            return {"os_position": None, "os_position_on": None}
        day_181 = self._date_of_day(case, 181)
        if (
            case.employment == "unemployed"
            or age_reached_on(case.birth, self.nfa_exempt_age) <= day_181
        ):
            position = "not_applicable"
        elif case.employment == "self_employed":
            position = "nfa"
        else:
            position = self.os_choice(self.r)
        if position is None:
            return {"os_position": None, "os_position_on": None}
        on = day_181.toordinal() + self._between(-25, 15)
        on = min(self.today_o, max(case.chain_start_o, on))
        return {"os_position": position, "os_position_on": self.iso(on)}

    def _date_of_day(self, case: _Case, n: int) -> date:
        """The calendar date of chain day ``n`` (the linked earlier period counts first)."""
        if n <= case.earlier_days:
            return date.fromordinal(case.chain_start_o + n - 1)
        return date.fromordinal(case.current_start_o + n - case.earlier_days - 1)

    def _timestamps(self, case: _Case, row: dict[str, object]) -> dict[str, object]:
        """Created when opened; last action no earlier than any recorded action."""
        opened_ago = self.today_o - case.opened_o
        created = self.moment(opened_ago)
        last_ago = min(case.last_action_ago, self._int(min(LAST_ACTION_MAX_DAYS, opened_ago) + 1))
        for key in ("last_contact_on", "last_coordination_on", "os_position_on"):
            value = row[key]
            if isinstance(value, str):
                last_ago = min(last_ago, self.today_o - date.fromisoformat(value).toordinal())
        last = created if last_ago >= opened_ago else self.moment(last_ago)
        return {
            "created_at": self.stamp_at(created),
            "last_action_at": self.stamp_at(last),
            "updated_at": self.stamp_at(last),
        }

    # -- contacts, impulses, follow-ups ----------------------------------------------------

    def _contacts(self, case: _Case) -> None:
        r = self.r
        for role, share in CONTACT_SHARES.items():
            if role in ("employer", "occupational_health") and case.employment != "employed":
                continue
            if r() >= share:
                continue
            consent = self.consent_choices[role](r)
            consent_on = None
            if consent is not None:
                consent_on = self.iso(self._between(case.opened_o, self.today_o))
            self._add(
                "contacts",
                (
                    self._id("contacts"), case.id, role, self.name(r() < FEMALE_SHARE),
                    self._organisation(case, role), self.phone(), consent, consent_on,
                ),
            )  # fmt: skip

    def _organisation(self, case: _Case, role: str) -> str | None:
        if role == "employer":
            return case.employer
        if role == "occupational_health":
            return self._of(self.pools.fhv)
        return self._of(self.pools.clinics)

    def _impulses(self, case: _Case) -> None:
        if self.r() >= IMPULSE_CASE_SHARE:
            return
        newest = 0 if case.closed_o is None else self.today_o - case.closed_o
        oldest = max(newest, min(IMPULSE_MAX_AGE_DAYS, self.today_o - case.opened_o))
        for _n in range(self.impulse_count(self.r)):
            self._impulse(case, self._between(newest, oldest))

    def _impulse(self, case: _Case, ago: int) -> None:
        kind = self.impulse_type(self.r)
        doc_kind, template = IMPULSE_TEMPLATES[kind][self._int(len(IMPULSE_TEMPLATES[kind]))]
        text = template.format(days=self._of_int(CERTIFICATE_DAYS), extent=case.extent)
        received = self.moment(ago)
        handled_share = IMPULSE_HANDLED_OLD if ago > IMPULSE_OLD_DAYS else IMPULSE_HANDLED_NEW
        handled = case.closed_o is not None or self.r() < handled_share
        read_at = outcome = note = by = outcome_at = None
        if handled or self.r() < IMPULSE_READ_IF_OPEN:
            read = self.after(received, 2)
            read_at = self.stamp_at(read)
            if handled:
                outcome = self.outcome_choice(self.r)
                note = self._of(OUTCOME_NOTES[outcome])
                by = case.caseworker_ext
                decided = self.after(read, 5)
                outcome_at = self.stamp_at(decided)
                case.last_action_ago = min(case.last_action_ago, decided[0])
        self._add(
            "impulses",
            (
                self._id("impulses"), case.id, kind, doc_kind, self.stamp_at(received), text,
                read_at, outcome, note, by, outcome_at,
            ),
        )  # fmt: skip

    def _follow_up_kinds(self, case: _Case) -> list[str]:
        """Kinds per DOMAIN's shares of cases, given that the case is followed up at all."""
        r = self.r
        kinds = []
        if r() < FOLLOW_UP_INSURED / FOLLOW_UP_ANY:
            kinds.append("insured")
        if case.employment == "employed" and r() < FOLLOW_UP_EMPLOYER / FOLLOW_UP_ANY / 0.85:
            kinds.append("employer")
        if r() < FOLLOW_UP_HEALTHCARE / FOLLOW_UP_ANY:
            kinds.append("healthcare")
        af = FOLLOW_UP_AF_UNEMPLOYED if case.employment == "unemployed" else FOLLOW_UP_AF_OTHER
        if r() < af:
            kinds.append("af")
        return kinds or ["insured"]

    def _follow_ups(self, case: _Case) -> None:
        if self.r() >= FOLLOW_UP_ANY:
            return
        since_opened = self.today_o - case.opened_o
        for kind in self._follow_up_kinds(case):
            if self.r() < FOLLOW_UP_OPEN_SHARE:
                self._open_follow_up(case, kind, since_opened)
            elif since_opened > 6:
                self._done_follow_up(case, kind, since_opened)

    def _open_follow_up(self, case: _Case, kind: str, since_opened: int) -> None:
        due = max(case.opened_o, self.today_o + self._between(*FOLLOW_UP_DUE_DAYS))
        created_ago = min(since_opened, max(0, self.today_o - due) + self._between(1, 20))
        self._follow_up(case, kind, due, self.moment(created_ago), None)

    def _done_follow_up(self, case: _Case, kind: str, since_opened: int) -> None:
        due_ago = self._between(5, min(90, since_opened - 1))
        created_ago = min(since_opened, due_ago + self._between(1, 20))
        closed = self.moment(max(0, due_ago - self._int(4)))
        case.last_action_ago = min(case.last_action_ago, closed[0])
        self._follow_up(case, kind, self.today_o - due_ago, self.moment(created_ago), closed)

    def _follow_up(
        self,
        case: _Case,
        kind: str,
        due: int,
        created: tuple[int, int],
        closed: tuple[int, int] | None,
    ) -> None:
        self._add(
            "follow_ups",
            (
                self._id("follow_ups"), case.id, case.caseworker_id, self.due_stamp(due), kind,
                "personal", self._of(FOLLOW_UP_NOTES[kind]), "open" if closed is None else "done",
                self.stamp_at(created), None if closed is None else self.stamp_at(closed),
                None if closed is None else self._of(CLOSE_NOTES),
            ),
        )  # fmt: skip

    def due_stamp(self, ordinal: int) -> str:
        """A due date stored as the UTC instant of 09:00 local time that day (assumption)."""
        text = self._due_cache.get(ordinal)
        if text is None:
            moment = datetime.combine(date.fromordinal(ordinal), time(9), tzinfo=STOCKHOLM)
            text = self._due_cache[ordinal] = utc_iso(moment)
        return text

    # -- planned dates --------------------------------------------------------------------

    def planned(self, cw_id: int, open_case_ids: list[int]) -> None:
        """A few of the caseworker's cases planned for today, tomorrow and an earlier day."""
        today_n = self._between(*PLANNED_TODAY)
        tomorrow_n = self._between(*PLANNED_TOMORROW)
        wanted = min(len(open_case_ids), today_n + tomorrow_n + PLANNED_EARLIER)
        chosen = self.rng.sample(open_case_ids, wanted)
        earlier = self.today_o - self._between(1, 4)
        for index, case_id in enumerate(chosen):
            if index < today_n:
                on = self.today_o
            elif index < today_n + tomorrow_n:
                on = self.today_o + 1
            else:
                on = earlier
            created_ago = max(0, self.today_o - on) + self._between(1, 3)
            self._add(
                "planned_dates",
                (self._id("planned_dates"), case_id, cw_id, self.iso(on),
                 self.stamp_at(self.moment(created_ago))),
            )  # fmt: skip


def refuse_existing(conn: sqlite3.Connection) -> None:
    """Raise if the database already holds cases or caseworkers."""
    if conn.execute("SELECT EXISTS (SELECT 1 FROM cases)").fetchone()[0]:
        raise ExistingDataError(
            _(
                "Databasen innehåller redan ärenden. En demostock byggs bara i en tom databas, "
                "så att inga uppgifter skrivs över."
            )
        )
    if conn.execute("SELECT EXISTS (SELECT 1 FROM caseworkers)").fetchone()[0]:
        raise ExistingDataError(
            _(
                "Databasen innehåller redan handläggare. En demostock byggs bara i en tom databas, "
                "så att inga uppgifter skrivs över."
            )
        )


def _put_settings(
    conn: sqlite3.Connection, profile: str, today: date, signatures: list[str]
) -> None:
    # As if every caseworker last had the app open at 07:00 on the demo's day: the first
    # start then lists only that morning's reminders as missed, not weeks of them.
    seen = json.dumps(utc_iso(datetime.combine(today, time(7), tzinfo=STOCKHOLM)))
    conn.executemany(
        "INSERT INTO settings (scope, key, value) VALUES (?, ?, ?) "
        "ON CONFLICT (scope, key) DO UPDATE SET value = excluded.value",
        [
            ("", "profile.caseworker", json.dumps(profile)),
            ("", "demo.today", json.dumps(today.isoformat())),
            *((signature, "reminders.last_seen", seen) for signature in signatures),
        ],
    )


def _build_stock(
    builder: _Builder,
    staff: list[tuple[int, str]],
    per_caseworker: int,
    progress: Callable[[int, int], None] | None,
) -> None:
    total = len(staff) * per_caseworker
    done = pending = 0
    for cw_id, ext_id in staff:
        open_ids = []
        for _n in range(per_caseworker):
            case = builder.case(cw_id, ext_id)
            if case.closed_o is None:
                open_ids.append(case.id)
            pending += 1
            if pending >= BATCH_CASES:
                builder.flush()
                done, pending = done + pending, 0
                if progress:
                    progress(done, total)
        builder.planned(cw_id, open_ids)
    builder.flush()
    if pending and progress:
        progress(done + pending, total)


def build_demo(
    conn: sqlite3.Connection,
    *,
    caseworkers: int = 12,
    cases_per_caseworker: int = 200,
    seed: int = 1,
    today: date,
    progress: Callable[[int, int], None] | None = None,
    showcase: bool = True,
) -> DemoSummary:
    """Fill an empty database with a synthetic stock; refuse if it already holds cases.
    ``showcase``: add the handover and service-duty examples (app.demo.showcase)."""
    pools = _make_pools(seed)
    with db.transaction(conn):
        refuse_existing(conn)
        builder = _Builder(conn, seed, today, pools)
        staff = builder.caseworkers(caseworkers)
        _build_stock(builder, staff, cases_per_caseworker, progress)
        _put_settings(conn, staff[0][1] if staff else LEAD_EXT_ID, today, [ext for _, ext in staff])
        if showcase:
            from app.demo.showcase import add_showcase

            add_showcase(conn, today, staff)
    counts = builder.counts
    for table in ("impulses", "follow_ups"):  # the showcase's hints and follow-ups count too
        counts[table] = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    return DemoSummary(
        caseworkers=len(staff),
        leads=1,
        cases=counts["cases"],
        sick_periods=counts["sick_periods"],
        certificates=counts["certificates"],
        impulses=counts["impulses"],
        follow_ups=counts["follow_ups"],
        contacts=counts["contacts"],
        planned_dates=counts["planned_dates"],
    )
