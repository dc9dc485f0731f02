"""The rehabilitation-chain clock: day counting, phases and milestones, with exceptions.

Counting follows docs/domain.md: calendar days of reduced work capacity from day 1 of the
sick period, days 1-14 included. Periods are linked (counted as one chain) when fewer
than ``link_gap_days`` calendar days lie *between* them, i.e. strictly after the end of
one and before the start of the next. Overlapping periods are merged; no day counts twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from typing import NamedTuple

from app.base.model import Employment, SickPeriod
from app.chain.rules import ChainRules, MilestoneRule, chain_rules

UPCOMING = "upcoming"
DUE_SOON = "due-soon"
TODAY = "today"
PASSED = "passed"

Interval = tuple[int, int]  # (first ordinal, last ordinal), inclusive


class Milestone(NamedTuple):
    key: str
    day: int
    date: date
    status: str
    days_left: int
    label_sv: str
    label_en: str
    lead_days: tuple[int, ...]
    requires: str | None

    def as_json(self) -> dict[str, object]:
        return {
            "key": self.key,
            "day": self.day,
            "date": self.date.isoformat(),
            "status": self.status,
            "days_left": self.days_left,
            "label": self.label_sv,
        }


class ChainState:
    """Where a case stands in the chain on a given date.

    Milestones are worked out only when asked for: ranking a whole stock needs just the
    few inside their lead time (``relevant_milestones``), not every milestone of every case.
    """

    __slots__ = (
        "_computed", "_milestones", "_rules", "active", "birth_date", "day", "employment",
        "intervals", "on", "phase",
    )  # fmt: skip

    def __init__(
        self,
        on: date,
        day: int,
        phase: str | None,
        active: bool,
        employment: str,
        intervals: tuple[Interval, ...],
        birth_date: date | None,
        rules: ChainRules,
    ) -> None:
        self.on = on
        self.day = day
        self.phase = phase
        self.active = active
        self.employment = employment
        self.intervals = intervals
        self.birth_date = birth_date
        self._rules = rules
        self._milestones: tuple[Milestone, ...] | None = None
        self._computed: dict[int, Milestone | None] | None = None

    @property
    def milestones(self) -> tuple[Milestone, ...]:
        """Every milestone that applies to this case, in day order, with its status."""
        if self._milestones is None:
            self._milestones = tuple(
                m for rule in self._applicable() if (m := self.milestone(rule)) is not None
            )
        return self._milestones

    def relevant_milestones(
        self, requirement_met: Callable[[str], bool] | None = None
    ) -> list[Milestone]:
        """Milestones inside their lead time, today, or passed with a required position
        (skipping those whose requirement ``requirement_met`` says is already met)."""
        if not self.intervals:
            return []
        out = []
        for rule in self._rules.candidates(self.employment, self.day):
            if rule.day < self.day and requirement_met and requirement_met(rule.requires):
                continue
            milestone = self.milestone(rule)
            if milestone is not None:
                out.append(milestone)
        return out

    @property
    def next_milestone(self) -> Milestone | None:
        """The first milestone not yet passed."""
        day = self.day
        for rule in self._applicable():
            if rule.day >= day:
                milestone = self.milestone(rule)
                if milestone is not None and milestone.status != PASSED:
                    return milestone
        return None

    def date_of_day(self, n: int) -> date | None:
        """The calendar date the chain reaches day ``n`` if the current period continues."""
        ordinal = _ordinal_of_day(self.intervals, n, self.on.toordinal(), self.active)
        return None if ordinal is None else date.fromordinal(ordinal)

    def _applicable(self) -> tuple[MilestoneRule, ...]:
        if not self.intervals:
            return ()
        return self._rules.by_employment.get(self.employment, ())

    def milestone(self, rule: MilestoneRule) -> Milestone | None:
        """The milestone under ``rule``, or None (not in force, or age-exempt); worked out once
        per case and kept, since scoring, the stock states and the team table all ask."""
        computed = self._computed
        if computed is None:
            computed = self._computed = {}
        key = id(rule)
        if key not in computed:
            computed[key] = self._compute(rule)
        return computed[key]

    def _compute(self, rule: MilestoneRule) -> Milestone | None:
        """The milestone under one rule version, or None when it is not in force on its date
        or the person's age exempts them (versions of one milestone never overlap)."""
        n = rule.day
        if n > self.day:
            # Ahead of today: the current period continues (or, paused, resumes tomorrow).
            when = date.fromordinal(self.on.toordinal() + n - self.day)
        else:
            ordinal = _ordinal_of_day(self.intervals, n, self.on.toordinal(), self.active)
            if ordinal is None:
                return None
            when = date.fromordinal(ordinal)
        if not self._applies(rule, when):
            return None
        return _make_milestone(rule, when, self.on)

    def _applies(self, rule: MilestoneRule, when: date) -> bool:
        """Whether the rule is in force on the milestone's date and the person's age does
        not exempt them from it."""
        if not rule.in_force_on(when):
            return False
        return not (
            rule.nfa
            and self.birth_date is not None
            and when >= age_reached_on(self.birth_date, self._rules.nfa_exempt_age)
        )

    def ahead(self) -> list[tuple[MilestoneRule, int]]:
        """The milestones from today on of a running chain, as (rule, date ordinal) in day
        order: the same dates ``milestone`` works out, without making a Milestone of each
        (the team digest keeps every one of 100,000 cases)."""
        if not self.active or not self.intervals:
            return []
        day, on_ord = self.day, self.on.toordinal()
        out = []
        for rule in self._applicable():
            if rule.day >= day:
                ordinal = on_ord + rule.day - day
                if self._applies(rule, date.fromordinal(ordinal)):
                    out.append((rule, ordinal))
        return out

    def as_json(self) -> dict[str, object]:
        return {
            "on": self.on.isoformat(),
            "day": self.day,
            "phase": self.phase,
            "active": self.active,
            "employment": self.employment,
            "milestones": [m.as_json() for m in self.milestones],
        }


def current_chain(
    periods: Iterable[SickPeriod | tuple[date, date | None]], on: date, link_gap_days: int
) -> tuple[tuple[Interval, ...], bool]:
    """The merged intervals of the chain running on ``on``, and whether ``on`` lies inside one.

    Returns no intervals when no period has started by ``on`` or the last one ended
    ``link_gap_days`` or more days before it (the chain is over).
    """
    on_ord = on.toordinal()
    if isinstance(periods, list) and len(periods) == 1 and isinstance(periods[0], tuple):
        # The common case (one sick period), without the merging machinery.
        start, end = periods[0]
        first = start.toordinal()
        if first > on_ord:
            return (), False
        last = on_ord if end is None else min(end.toordinal(), on_ord)
        if last < first or on_ord - last - 1 >= link_gap_days:
            return (), False
        return ((first, last),), last == on_ord
    raw: list[Interval] = []
    for period in periods:
        start, end = (period.start, period.end) if isinstance(period, SickPeriod) else period
        first = start.toordinal()
        if first > on_ord:
            continue
        last = on_ord if end is None else min(end.toordinal(), on_ord)
        if last >= first:
            raw.append((first, last))
    if not raw:
        return (), False
    raw.sort()
    merged: list[list[int]] = [list(raw[0])]
    for first, last in raw[1:]:
        if first <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], last)
        else:
            merged.append([first, last])
    # Walk back from the latest interval while the gap to the previous one is short enough.
    if on_ord - merged[-1][1] - 1 >= link_gap_days:
        return (), False
    chain = [merged[-1]]
    for interval in reversed(merged[:-1]):
        gap = chain[0][0] - interval[1] - 1
        if gap >= link_gap_days:
            break
        chain.insert(0, interval)
    return tuple((a, b) for a, b in chain), chain[-1][1] == on_ord


def _counted_days(intervals: Sequence[Interval]) -> int:
    if len(intervals) == 1:
        return intervals[0][1] - intervals[0][0] + 1
    return sum(last - first + 1 for first, last in intervals)


def _ordinal_of_day(intervals: Sequence[Interval], n: int, on_ord: int, active: bool) -> int | None:
    if not intervals or n < 1:
        return None
    counted = 0
    for first, last in intervals:
        length = last - first + 1
        if n <= counted + length:
            return first + (n - counted - 1)
        counted += length
    if active:
        # The current period continues: project forward from its start.
        first = intervals[-1][0]
        return first + (n - (counted - (intervals[-1][1] - first + 1)) - 1)
    # A paused chain (the person is back at work): project as if it resumed tomorrow.
    return on_ord + (n - counted)


def phase_of(day: int, rules: ChainRules | None = None) -> str | None:
    """The phase key (``1-90``, ``91-180``, ``181-365``, ``366+``) for a day in chain."""
    rules = rules or chain_rules()
    if day < 1:
        return None
    for phase in rules.phases:
        if day >= phase.first_day and (phase.last_day is None or day <= phase.last_day):
            return phase.key
    return None


def age_reached_on(birth_date: date, years: int) -> date:
    """The date a person born on ``birth_date`` turns ``years`` (29 Feb counts from 1 Mar)."""
    try:
        return birth_date.replace(year=birth_date.year + years)
    except ValueError:
        return date(birth_date.year + years, 3, 1)


def milestone_status(milestone_date: date, on: date, max_lead: int) -> str:
    delta = (milestone_date - on).days
    if delta < 0:
        return PASSED
    if delta == 0:
        return TODAY
    return DUE_SOON if delta <= max_lead else UPCOMING


def _make_milestone(rule: MilestoneRule, when: date, on: date) -> Milestone:
    return Milestone(
        key=rule.key,
        day=rule.day,
        date=when,
        status=milestone_status(when, on, rule.max_lead),
        days_left=(when - on).days,
        label_sv=rule.label_sv,
        label_en=rule.label_en,
        lead_days=rule.lead_days,
        requires=rule.requires,
    )


def chain_on(
    periods: Iterable[SickPeriod | tuple[date, date | None]],
    on: date,
    *,
    employment: str | Employment = Employment.EMPLOYED,
    birth_date: date | None = None,
    rules: ChainRules | None = None,
) -> ChainState:
    """The chain state of a case on ``on``: day, phase and milestones with their status."""
    rules = rules or chain_rules()
    if employment not in rules.by_employment:
        employment = Employment(employment).value  # raises for an unknown value
    intervals, active = current_chain(periods, on, rules.link_gap_days)
    day = _counted_days(intervals)
    return ChainState(
        on, day, phase_of(day, rules), active, employment, intervals, birth_date, rules
    )


def day_on(periods: Iterable[SickPeriod | tuple[date, date | None]], on: date) -> int:
    """Day in chain on ``on`` (0 when no chain is running)."""
    return _counted_days(current_chain(periods, on, chain_rules().link_gap_days)[0])


def date_of_day(
    periods: Iterable[SickPeriod | tuple[date, date | None]], n: int, on: date
) -> date | None:
    """The date the chain running on ``on`` reaches day ``n`` if the current period continues."""
    return chain_on(periods, on).date_of_day(n)


def milestone_rule(key: str, rules: ChainRules | None = None) -> MilestoneRule | None:
    """The rule behind a stored milestone key (its day and Swedish label), the latest
    version when the key has several; None for a key the rule table does not know."""
    found = None
    for rule in (rules or chain_rules()).milestones:
        if rule.key == key:
            found = rule
    return found


def milestone_label(key: str) -> str:
    """A stored milestone key's Swedish label ('Dag 364: normalnivån upphör, …')."""
    rule = milestone_rule(key)
    return rule.label_sv if rule else key


def milestone_day_text(key: str) -> str:
    """A stored milestone key as a reader says it: 'day_364' → 'dag 364'."""
    rule = milestone_rule(key)
    return f"dag {rule.day}" if rule else key


def add_days(day: date, n: int) -> date:
    return day + timedelta(days=n)
