"""The rehabilitation-chain clock (app/chain/state.py) and its rule table (app/chain/rules.py).

Dates and day numbers follow docs/domain.md, "The rehabilitation chain".
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta
from typing import Any

import pytest

from app.base.errors import RuleTableError
from app.base.model import Employment, SickPeriod
from app.chain.rules import chain_rules, parse_chain_rules
from app.chain.state import (
    DUE_SOON,
    PASSED,
    TODAY,
    UPCOMING,
    age_reached_on,
    chain_on,
    current_chain,
    date_of_day,
    day_on,
    milestone_status,
    phase_of,
)

D = date
JAN_31 = D(2026, 1, 31)
JAN = (D(2026, 1, 1), JAN_31)
OPEN_2026 = [(D(2026, 1, 1), None)]
# The worked example: a January period, a break over February, an open period from March.
WORKED = [JAN, (D(2026, 3, 1), None)]


def keys(periods, on: date, **kwargs) -> set[str]:
    return {m.key for m in chain_on(periods, on, **kwargs).milestones}


def milestone(periods, on: date, key: str, **kwargs):
    return next(m for m in chain_on(periods, on, **kwargs).milestones if m.key == key)


# --- the worked example and the date of day N -------------------------------------------


def test_worked_example_is_day_41_on_10_march():
    state = chain_on(WORKED, D(2026, 3, 10))
    assert (state.day, state.phase, state.active) == (41, "1-90", True)
    assert day_on(WORKED, D(2026, 3, 10)) == 41
    assert day_on([SickPeriod(*JAN), SickPeriod(D(2026, 3, 1))], D(2026, 3, 10)) == 41


@pytest.mark.parametrize(
    ("periods", "n", "expected"),
    [
        (OPEN_2026, 1, D(2026, 1, 1)),
        (OPEN_2026, 90, D(2026, 3, 31)),
        (OPEN_2026, 180, D(2026, 6, 29)),
        # Linked periods: the 31 January days count first, so day N lands 28 days
        # (the February gap) later than in the unbroken chain.
        (WORKED, 10, D(2026, 1, 10)),
        (WORKED, 32, D(2026, 3, 1)),
        (WORKED, 90, D(2026, 3, 31) + timedelta(days=28)),
        (WORKED, 180, D(2026, 6, 29) + timedelta(days=28)),
        # Across a leap day: 29 February is a day in chain like any other.
        ([(D(2024, 2, 1), None)], 29, D(2024, 2, 29)),
        ([(D(2024, 2, 1), None)], 30, D(2024, 3, 1)),
        ([(D(2023, 2, 1), None)], 30, D(2023, 3, 2)),
        ([(D(2024, 1, 1), None)], 90, D(2024, 3, 30)),  # one day earlier than in 2026
    ],
)
def test_date_of_day_n_counts_earlier_linked_days_and_leap_days(periods, n, expected):
    on = periods[-1][0]  # the first day of the current period
    assert date_of_day(periods, n, on) == expected


def test_paused_chain_projects_as_if_resuming_the_next_day():
    state = chain_on([JAN], D(2026, 2, 10))
    assert (state.day, state.active) == (31, False)
    assert state.date_of_day(32) == D(2026, 2, 11)
    assert state.date_of_day(90) == D(2026, 2, 10) + timedelta(days=59)


# --- linking ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("second_start", "gap", "day"),
    [
        (D(2026, 5, 1), 89, 32),  # Feb 28 + Mar 31 + Apr 30 = 89 days between: linked
        (D(2026, 5, 2), 90, 1),  # 90 days between: a new chain at day 1
    ],
)
def test_periods_89_days_apart_are_linked_and_90_days_apart_are_not(second_start, gap, day):
    assert (second_start - JAN_31).days - 1 == gap
    assert chain_rules().link_gap_days == 90
    assert day_on([JAN, (second_start, None)], second_start) == day


SEP = (D(2025, 9, 1), D(2025, 9, 30))  # ends 92 days before January starts: not linked
DAY_IN_CHAIN = {  # name: (periods, on, day in chain)
    "three-periods-only-last-two-link": ([SEP, *WORKED], D(2026, 3, 10), 41),
    "overlapping": ([(D(2026, 1, 1), D(2026, 1, 20)), (D(2026, 1, 10), JAN_31)], JAN_31, 31),
    "nested": ([JAN, (D(2026, 1, 5), D(2026, 1, 10))], JAN_31, 31),
    "duplicate": ([JAN, JAN], JAN_31, 31),
    "adjacent-unsorted": ([(D(2026, 1, 16), JAN_31), (D(2026, 1, 1), D(2026, 1, 15))], JAN_31, 31),
    "period-starting-after-on-ignored": (WORKED, D(2026, 2, 15), 31),
    "ended-89-days-ago": ([JAN], D(2026, 5, 1), 31),
    "ended-90-days-ago": ([JAN], D(2026, 5, 2), 0),
    "across-29-feb-2024": ([(D(2024, 2, 1), D(2024, 3, 31))], D(2024, 3, 31), 60),
    "february-2023": ([(D(2023, 2, 1), D(2023, 3, 31))], D(2023, 3, 31), 59),
}


@pytest.mark.parametrize(("periods", "on", "day"), DAY_IN_CHAIN.values(), ids=DAY_IN_CHAIN.keys())
def test_day_in_chain_counts_each_calendar_day_once(periods, on, day):
    assert day_on(periods, on) == day


def test_adjacent_and_overlapping_periods_merge_into_one_interval():
    periods = [
        (D(2026, 1, 1), D(2026, 1, 9)),
        (D(2026, 1, 10), D(2026, 1, 20)),
        (D(2026, 1, 15), None),
    ]
    assert current_chain(periods, JAN_31, 90) == (((JAN[0].toordinal(), JAN_31.toordinal()),), True)


@pytest.mark.parametrize(
    "on", [D(2025, 12, 31), D(2026, 5, 2)], ids=["before-any-period", "ended-90-ago"]
)
def test_no_running_chain_is_day_0_without_phase_or_milestones(on):
    state = chain_on([JAN], on)
    assert (state.day, state.phase, state.milestones) == (0, None, ())
    assert state.date_of_day(90) is None


# --- leap years -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("born", "years", "expected"),
    [
        (D(1960, 2, 29), 63, D(2023, 3, 1)),  # non-leap year: from 1 March
        (D(1960, 2, 29), 64, D(2024, 2, 29)),  # leap year: on the day
        (D(1963, 6, 15), 63, D(2026, 6, 15)),
    ],
)
def test_age_reached_on_moves_29_february_to_1_march(born, years, expected):
    assert age_reached_on(born, years) == expected


# --- phases -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "phase"),
    [
        (0, None),
        (1, "1-90"),
        (90, "1-90"),
        (91, "91-180"),
        (180, "91-180"),
        (181, "181-365"),
        (365, "181-365"),
        (366, "366+"),
        (1000, "366+"),
    ],
)
def test_phase_boundaries(day, phase):
    assert phase_of(day) == phase
    if day:
        assert chain_on(OPEN_2026, D(2026, 1, 1) + timedelta(days=day - 1)).phase == phase


# --- milestone status -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("days_ahead", "status"),
    [(31, UPCOMING), (30, DUE_SOON), (1, DUE_SOON), (0, TODAY), (-1, PASSED)],
)
def test_milestone_status_uses_the_largest_lead_time(days_ahead, status):
    on = D(2026, 3, 1)
    assert milestone_status(on + timedelta(days=days_ahead), on, 30) == status
    # day_90 (2026-03-31) has lead times [30, 14]: due-soon from 30 days before.
    m = milestone(OPEN_2026, D(2026, 3, 31) - timedelta(days=days_ahead), "day_90")
    assert (m.date, m.status, m.days_left) == (D(2026, 3, 31), status, days_ahead)


def test_milestones_of_an_unbroken_chain_fall_on_their_day():
    for m in chain_on(OPEN_2026, D(2026, 1, 1)).milestones:
        assert m.date == D(2026, 1, 1) + timedelta(days=m.day - 1), m.key
    assert milestone(OPEN_2026, D(2026, 1, 1), "day_181").date == D(2026, 6, 30)


# --- employment and age -----------------------------------------------------------------

COMMON = {"phone_day_60", "day_180", "day_240", "day_364"}
EMPLOYER = {"plan_day_30", "day_90", "day_181", "day_365", "day_550"}


@pytest.mark.parametrize(
    ("employment", "expected"),
    [
        (Employment.EMPLOYED, COMMON | EMPLOYER),
        ("employed", COMMON | EMPLOYER),
        (Employment.UNEMPLOYED, COMMON),
        ("self_employed", COMMON),
    ],
)
def test_only_the_employed_get_employer_milestones(employment, expected):
    assert keys(OPEN_2026, D(2026, 1, 1), employment=employment) == expected


# Day 181 of OPEN_2026 is 2026-06-30 and day 550 is 2027-07-04.
@pytest.mark.parametrize(
    ("born", "nfa_milestones"),
    [
        (None, {"day_181", "day_550"}),
        (D(1950, 1, 1), set()),  # long past 63
        (D(1963, 6, 30), set()),  # 63 on day 181's date
        (D(1963, 7, 1), {"day_181"}),  # turns 63 between day 181 and day 550
        (D(1964, 7, 4), {"day_181"}),  # 63 on day 550's date
        (D(1964, 7, 5), {"day_181", "day_550"}),
        (D(1964, 2, 29), {"day_181"}),  # 63 on 2027-03-01, before day 550
    ],
)
def test_people_63_or_older_on_the_date_get_no_nfa_milestones(born, nfa_milestones):
    got = keys(OPEN_2026, D(2026, 1, 1), birth_date=born)
    assert got & {"day_181", "day_550"} == nfa_milestones
    assert {"day_180", "day_365"} <= got  # not NFA milestones


# --- rule versions by date --------------------------------------------------------------

OLD_181 = "Dag 181: ställningstagande till övervägande skäl före NFA"
NEW_181 = "Dag 181: ställningstagande till övervägande skäl, ange yrkesgrupp för NFA"


@pytest.mark.parametrize(
    ("day_181", "label"),
    [
        (D(2020, 11, 28), None),
        (D(2021, 3, 14), None),  # before ÖS (2021-03-15)
        (D(2021, 3, 15), OLD_181),
        (D(2022, 8, 31), OLD_181),
        (D(2022, 9, 1), NEW_181),  # occupational group from 2022-09-01
        (D(2026, 6, 30), NEW_181),
    ],
)
def test_day_181_rule_version_follows_the_date_of_day_181(day_181, label):
    start = day_181 - timedelta(days=180)
    got = [m for m in chain_on([(start, None)], start).milestones if m.key == "day_181"]
    assert [(m.date, m.label_sv) for m in got] == ([(day_181, label)] if label else [])


@pytest.mark.parametrize(
    ("day_550", "exists"),
    [(D(2022, 1, 31), False), (D(2022, 2, 1), True), (D(2027, 7, 4), True)],
)
def test_day_550_exists_only_from_2022_02_01(day_550, exists):
    start = day_550 - timedelta(days=549)
    assert ("day_550" in keys([(start, None)], start)) is exists
    assert date_of_day([(start, None)], 550, start) == day_550


# --- the rule table ---------------------------------------------------------------------


def table() -> dict[str, Any]:
    """A small valid chain table, as tomllib would return it."""
    milestone = {"key": "day_90", "day": 90, "label_sv": "Dag 90", "label_en": "Day 90"}
    milestone |= {"lead_days": [14, 30], "employment": ["employed"], "valid_from": "2021-03-15"}
    phases = [{"key": "1-90", "from": 1, "to": 90}, {"key": "91+", "from": 91}]
    return {"link_gap_days": 90, "nfa_exempt_age": 63, "phases": phases, "milestones": [milestone]}


MISSING = object()


def bad_table(section: str | None, key: str, value: Any) -> dict[str, Any]:
    data = table()
    target = data[section][0] if section else data
    if value is MISSING:
        del target[key]
    else:
        target[key] = value
    return data


def test_a_valid_table_parses(tmp_path):
    rules = parse_chain_rules(table(), tmp_path / "chain.toml")
    (rule,) = rules.milestones
    assert (rules.link_gap_days, rules.nfa_exempt_age, len(rules.phases)) == (90, 63, 2)
    assert (rule.lead_days, rule.max_lead, rule.valid_from) == ((30, 14), 30, D(2021, 3, 15))
    assert chain_rules().source.name == "chain.toml"


@pytest.mark.parametrize(
    ("section", "key", "value"),
    [
        (None, "link_gap_days", MISSING),
        (None, "link_gap_days", "90"),
        (None, "nfa_exempt_age", True),
        (None, "phases", MISSING),
        ("phases", "from", MISSING),
        ("phases", "key", 1),
        ("phases", "to", "90"),
        ("milestones", "label_sv", MISSING),
        ("milestones", "day", 0),
        ("milestones", "employment", ["retired"]),
        ("milestones", "employment", "employed"),
        ("milestones", "lead_days", [0]),
        ("milestones", "requires", "signature"),
        ("milestones", "valid_from", "15 mars 2021"),
    ],
)
def test_bad_rule_table_names_the_file_and_the_key(tmp_path, section, key, value):
    assert_rule_table_error(tmp_path, section, key, value)


def assert_rule_table_error(tmp_path, section: str | None, key: str, value: Any) -> None:
    path = tmp_path / "chain.toml"
    with pytest.raises(RuleTableError) as err:
        parse_chain_rules(bad_table(section, key, value), path)
    message = str(err.value)
    assert str(path) in message
    assert re.search(rf"\b{key}\b", message.replace(str(path), ""))


# Values of the wrong type must be refused by name, not crash later or be read wrongly
# (e.g. nfa = "false" must not count as true; a TOML date-time is not a date).
@pytest.mark.parametrize(
    ("section", "key", "value"),
    [
        ("milestones", "employment", ["employed", 1]),
        ("milestones", "requires", ["checklist"]),
        ("milestones", "nfa", "false"),
        ("milestones", "valid_from", datetime(2021, 3, 15, 8, 0)),
        (None, "phases", ["x"]),
    ],
)
def test_malformed_rule_values_raise_rule_table_error(tmp_path, section, key, value):
    assert_rule_table_error(tmp_path, section, key, value)


@pytest.mark.parametrize("content", [None, "link_gap_days = \n", "[[phases]\n"])
def test_unreadable_rule_file_names_the_file(tmp_path, content):
    path = tmp_path / "chain.toml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(RuleTableError, match="Regelfilen") as err:
        chain_rules(path)
    assert str(path) in str(err.value)


# --- JSON shape -------------------------------------------------------------------------


def test_chain_state_as_json_shape():
    data = chain_on(WORKED, D(2026, 3, 10), employment="unemployed").as_json()
    assert json.loads(json.dumps(data)) == data
    assert {"on", "day", "phase", "employment", "milestones"} <= data.keys()
    assert (data["on"], data["day"], data["phase"]) == ("2026-03-10", 41, "1-90")
    assert data["employment"] == "unemployed"
    order = ["phone_day_60", "day_180", "day_240", "day_364"]
    assert [m["key"] for m in data["milestones"]] == order
    first = data["milestones"][0]
    assert {"key", "day", "date", "status"} <= first.keys()
    assert (first["key"], first["day"], first["date"]) == ("phone_day_60", 60, "2026-03-29")
    assert first["status"] == UPCOMING


# --- the milestones ahead, as the team digest keeps them ----------------------------------


@pytest.mark.parametrize("on", [D(2026, 1, 1), D(2026, 6, 30), D(2026, 7, 1), D(2027, 3, 1)])
@pytest.mark.parametrize("born", [None, D(1963, 7, 1), D(1990, 5, 5)])
@pytest.mark.parametrize("employment", ["employed", "unemployed"])
def test_ahead_gives_the_dates_milestone_gives_from_today_on(on, born, employment):
    chain = chain_on([(D(2026, 1, 1), None)], on, employment=employment, birth_date=born)
    expected = [(m.key, m.date.toordinal()) for m in chain.milestones if m.days_left >= 0]
    assert [(rule.key, ordinal) for rule, ordinal in chain.ahead()] == expected


def test_a_paused_chain_has_nothing_ahead():
    chain = chain_on([(D(2026, 1, 1), D(2026, 3, 1))], D(2026, 3, 20))
    assert chain.day > 0 and not chain.active
    assert chain.ahead() == []
