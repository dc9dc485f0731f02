"""WHEN parsing: every accepted form, Swedish working days, DST and the error message."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from app.base.clock import STOCKHOLM
from app.base.errors import InvalidInputError
from app.followups.when import (
    ACCEPTED_FORMS,
    is_working_day,
    next_working_day,
    parse_day,
    parse_every,
    parse_when,
)

# Monday 23 November 2026, 10:15 in Stockholm.
NOW = datetime(2026, 11, 23, 10, 15, tzinfo=STOCKHOLM)


def local(y: int, mo: int, d: int, h: int = 8, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=STOCKHOLM)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i morgon", local(2026, 11, 24)),
        ("I morgon", local(2026, 11, 24)),
        ("imorgon", local(2026, 11, 24)),
        ("i morgon 08:00", local(2026, 11, 24)),
        ("i morgon 13:45", local(2026, 11, 24, 13, 45)),
        ("i morgon kl 9", local(2026, 11, 24, 9)),
        ("i morgon 9.30", local(2026, 11, 24, 9, 30)),
        ("i dag 14:00", local(2026, 11, 23, 14)),
        ("idag 16:30", local(2026, 11, 23, 16, 30)),
        ("nästa arbetsdag", local(2026, 11, 24)),
        ("nästa arbetsdag 10:00", local(2026, 11, 24, 10)),
        ("om en vecka", local(2026, 11, 30)),
        ("om 3 dagar", local(2026, 11, 26)),
        ("om 2 veckor", local(2026, 12, 7)),
        ("om 2 timmar", local(2026, 11, 23, 12, 15)),
        ("mån", local(2026, 11, 30)),  # the next Monday, never today
        ("måndag", local(2026, 11, 30)),
        ("tis", local(2026, 11, 24)),
        ("onsdag", local(2026, 11, 25)),
        ("tors 15:00", local(2026, 11, 26, 15)),
        ("fre 10:00", local(2026, 11, 27, 10)),
        ("fredag", local(2026, 11, 27)),
        ("fre kl 10", local(2026, 11, 27, 10)),
        ("lör", local(2026, 11, 28)),
        ("söndag 18:00", local(2026, 11, 29, 18)),
        ("14:00", local(2026, 11, 23, 14)),  # later today
        ("09:00", local(2026, 11, 24, 9)),  # already passed today: tomorrow
        ("+3d", local(2026, 11, 26)),
        ("+3d 10:00", local(2026, 11, 26, 10)),
        ("+2w", local(2026, 12, 7)),
        ("+2v", local(2026, 12, 7)),
        ("+4h", local(2026, 11, 23, 14, 15)),
        ("+4t", local(2026, 11, 23, 14, 15)),
        ("+30min", local(2026, 11, 23, 10, 45)),
        ("2026-12-01", local(2026, 12, 1)),
        ("2026-12-01 10:30", local(2026, 12, 1, 10, 30)),
        ("2026-12-01T10:30", local(2026, 12, 1, 10, 30)),
        ("23/11/2026", local(2026, 11, 23)),
        ("23/11/2026 10:30", local(2026, 11, 23, 10, 30)),
        ("1/12", local(2026, 12, 1)),
        ("20/11", local(2027, 11, 20)),  # passed this year: next year
        ("tomorrow", local(2026, 11, 24)),
        ("tomorrow 10:00", local(2026, 11, 24, 10)),
        ("today 17:00", local(2026, 11, 23, 17)),
        ("next-working-day", local(2026, 11, 24)),
        ("next working day", local(2026, 11, 24)),
        ("fri 10:00", local(2026, 11, 27, 10)),
        ("monday", local(2026, 11, 30)),
        ("  Fre   10:00 ", local(2026, 11, 27, 10)),
    ],
)
def test_every_form(text: str, expected: datetime):
    got = parse_when(text, NOW)
    assert got == expected
    assert got.tzinfo is STOCKHOLM


def test_result_is_in_stockholm_from_a_utc_now():
    got = parse_when("i morgon", NOW.astimezone(UTC))
    assert got.tzinfo is STOCKHOLM and got == local(2026, 11, 24)


def test_naive_now_is_taken_as_stockholm():
    assert parse_when("+1h", datetime(2026, 11, 23, 10, 15)) == local(2026, 11, 23, 11, 15)


def test_relative_hours_drop_seconds():
    now = datetime(2026, 11, 23, 10, 15, 42, 1234, tzinfo=STOCKHOLM)
    assert parse_when("+1h", now) == local(2026, 11, 23, 11, 15)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 12, 24), date(2026, 12, 28)),  # julafton, juldagen, annandag, weekend
        (date(2026, 11, 27), date(2026, 11, 30)),  # a plain Friday
        (date(2026, 6, 18), date(2026, 6, 22)),  # midsommarafton and midsommardagen
        (date(2026, 4, 2), date(2026, 4, 7)),  # långfredag, påsk, annandag påsk
        (date(2026, 12, 30), date(2027, 1, 4)),  # nyårsafton, nyårsdagen, weekend
        (date(2026, 5, 13), date(2026, 5, 15)),  # Kristi himmelsfärd on the 14th
    ],
)
def test_next_working_day_around_swedish_holidays(today: date, expected: date):
    assert next_working_day(today) == expected
    now = datetime.combine(today, datetime.min.time(), tzinfo=STOCKHOLM).replace(hour=9)
    assert parse_when("nästa arbetsdag", now) == datetime.combine(
        expected, datetime.min.time(), tzinfo=STOCKHOLM
    ).replace(hour=8)


def test_working_days():
    assert is_working_day(date(2026, 11, 23))
    assert not is_working_day(date(2026, 11, 28))  # Saturday
    assert not is_working_day(date(2026, 12, 25))  # juldagen
    assert not is_working_day(date(2026, 12, 24))  # julafton (de facto)
    assert not is_working_day(date(2026, 6, 19))  # midsommarafton (de facto)
    assert not is_working_day(date(2026, 1, 6))  # trettondedag jul
    # National day on a Sunday in 2027: the Monday after is an ordinary working day.
    assert is_working_day(date(2027, 6, 7))


def test_dst_autumn_wall_clock_is_kept():
    # Saturday 24 Oct 2026, CEST; the clocks go back on Sunday 25 Oct.
    now = datetime(2026, 10, 24, 16, 0, tzinfo=STOCKHOLM)
    got = parse_when("i morgon 08:00", now)
    assert got == local(2026, 10, 25)
    assert got.astimezone(UTC) == datetime(2026, 10, 25, 7, 0, tzinfo=UTC)  # CET: UTC+1
    assert parse_when("mån", now).astimezone(UTC) == datetime(2026, 10, 26, 7, 0, tzinfo=UTC)


def test_dst_spring_gap_moves_forward():
    got = parse_when("2026-03-29 02:30", NOW)
    assert got.astimezone(UTC) == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)
    assert (got.hour, got.minute) == (3, 30)


@pytest.mark.parametrize(
    "text",
    ["xyz", "", "   ", "2026-02-30", "25:00", "i morgon 24:10", "+3x", "fre 25:00",
     "i övermorgon", "om många dagar", "32/1/2026", "1899-01-01", "+4h 10:00"],
)  # fmt: skip
def test_bad_value_lists_the_accepted_forms(text: str):
    with pytest.raises(InvalidInputError) as info:
        parse_when(text, NOW)
    message = str(info.value)
    assert "Godkända former" in message
    for form in ("i morgon 08:00", "nästa arbetsdag", "om en vecka", "fre 10:00", "+3d",
                 "2026-12-01", "23/11/2026"):  # fmt: skip
        assert form in message
    assert "\n" not in message


def test_accepted_forms_all_parse():
    for form in ACCEPTED_FORMS:
        parse_when(form.split(" (")[0], NOW)


def test_parse_day():
    assert parse_day("2027-01-31", NOW) == date(2027, 1, 31)
    assert parse_day("+2w", NOW) == date(2026, 12, 7)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2w", (2, "weeks")), ("3d", (3, "days")), ("2v", (2, "weeks")), ("1 vecka", (1, "weeks")),
     ("3 dagar", (3, "days")), ("2 veckor", (2, "weeks")), ("10 days", (10, "days"))],
)  # fmt: skip
def test_parse_every(text: str, expected: tuple[int, str]):
    assert parse_every(text) == expected


@pytest.mark.parametrize("text", ["2x", "0d", "", "varannan vecka", "-1w"])
def test_parse_every_rejects(text: str):
    with pytest.raises(InvalidInputError, match="intervall"):
        parse_every(text)
