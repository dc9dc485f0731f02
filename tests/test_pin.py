"""Swedish personal identity numbers: check digit, forms, century, dates, masking."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.base.errors import InvalidInputError
from app.safety.pin import (
    birth_date_of,
    format_pin,
    is_valid_pin,
    luhn_check_digit,
    make_pin,
    mask_pin,
    normalise_pin,
)

TODAY = date(2026, 11, 23)


def with_check(nine: str) -> str:
    """Nine digits YYMMDDNNN plus their correct check digit."""
    return nine + str(luhn_check_digit(nine))


def test_luhn_check_digit_of_the_textbook_example() -> None:
    assert luhn_check_digit("640823323") == 4
    assert luhn_check_digit("811218987") == 6


@pytest.mark.parametrize("bad", ["12345678", "1234567890", "64082332x"])
def test_luhn_check_digit_wants_nine_digits(bad: str) -> None:
    with pytest.raises(InvalidInputError):
        luhn_check_digit(bad)


@pytest.mark.parametrize(
    "typed",
    ["640823-3234", "6408233234", "196408233234", "19640823-3234", "  640823-3234 "],
)
def test_normalise_accepts_the_usual_forms(typed: str) -> None:
    assert normalise_pin(typed, today=TODAY) == "196408233234"


def test_ten_digits_mean_under_100_years_old() -> None:
    pin = with_check("121212121")
    assert normalise_pin(pin, today=TODAY) == "20" + pin
    assert normalise_pin(f"{pin[:6]}-{pin[6:]}", today=TODAY) == "20" + pin


def test_plus_means_100_or_older() -> None:
    pin = with_check("121212121")
    assert normalise_pin(f"{pin[:6]}+{pin[6:]}", today=TODAY) == "19" + pin


def test_a_birthday_later_this_year_is_a_century_back() -> None:
    later = with_check("261224123")  # 24 Dec 2026 has not happened on 23 Nov 2026
    earlier = with_check("261122123")
    assert normalise_pin(later, today=TODAY).startswith("1926")
    assert normalise_pin(earlier, today=TODAY).startswith("2026")


def test_samordningsnummer_day_plus_60() -> None:
    pin = with_check("850372988")  # born 12 March 1985
    assert normalise_pin(pin, today=TODAY) == "19" + pin
    assert birth_date_of("19" + pin) == date(1985, 3, 12)


@pytest.mark.parametrize("typed", ["64082332", "64082332345", "1964082332345"])
def test_wrong_length_is_named(typed: str) -> None:
    with pytest.raises(InvalidInputError, match="10 eller 12 siffror"):
        normalise_pin(typed, today=TODAY)


@pytest.mark.parametrize("typed", ["", "   "])
def test_nothing_typed(typed: str) -> None:
    with pytest.raises(InvalidInputError, match="Inget personnummer"):
        normalise_pin(typed, today=TODAY)


@pytest.mark.parametrize("typed", ["6408a3-3234", "640823/3234", "64-0823-3234", "640823--234"])
def test_stray_characters_are_refused(typed: str) -> None:
    with pytest.raises(InvalidInputError):
        normalise_pin(typed, today=TODAY)


@pytest.mark.parametrize("nine", ["641323323", "640230323", "640900323", "640832323"])
def test_impossible_dates_are_named(nine: str) -> None:
    with pytest.raises(InvalidInputError, match="födelsedatum"):
        normalise_pin(with_check(nine), today=TODAY)


def test_a_bad_check_digit_is_named_without_echoing_the_number() -> None:
    with pytest.raises(InvalidInputError, match="Kontrollsiffran") as caught:
        normalise_pin("640823-3235", today=TODAY)
    message = str(caught.value)
    assert "3235" not in message
    assert "640823" not in message


def test_errors_never_echo_the_number() -> None:
    for typed in ("19641323-3234", "640823-32345", "640823-3235", "640823-0005"):
        with pytest.raises(InvalidInputError) as caught:
            normalise_pin(typed, today=TODAY)
        assert typed.strip()[-4:] not in str(caught.value)


def test_birth_number_000_is_refused() -> None:
    with pytest.raises(InvalidInputError, match="000"):
        normalise_pin(with_check("640823000"), today=TODAY)


def test_a_twelve_digit_number_born_in_the_future_is_refused() -> None:
    with pytest.raises(InvalidInputError, match="framtiden"):
        normalise_pin("20" + with_check("280101123"), today=TODAY)  # 2028


def test_is_valid_pin() -> None:
    assert is_valid_pin("640823-3234", today=TODAY)
    assert is_valid_pin("196408233234", today=TODAY)
    assert not is_valid_pin("640823-3235", today=TODAY)
    assert not is_valid_pin("640823", today=TODAY)
    assert not is_valid_pin("not a number", today=TODAY)


def test_mask_and_format() -> None:
    assert mask_pin("198503129887") == "19850312-****"
    assert format_pin("198503129887") == "19850312-9887"


def test_mask_of_something_malformed_reveals_nothing() -> None:
    assert mask_pin("8503129887") == "********-****"
    assert "9887" not in mask_pin("19850312-9887")


def test_format_wants_the_stored_form() -> None:
    with pytest.raises(InvalidInputError):
        format_pin("850312-9887")


def test_birth_date_of() -> None:
    assert birth_date_of("196408233234") == date(1964, 8, 23)


@pytest.mark.parametrize("female", [True, False])
def test_make_pin_is_valid_and_encodes_sex(female: bool) -> None:
    day = date(1959, 1, 1)
    for step in range(0, 365 * 48, 37):
        birth = day + timedelta(days=step)
        for serial in (1, 2, 500, 980, 998, 999):
            pin = make_pin(birth, serial, female)
            assert len(pin) == 12
            assert is_valid_pin(pin, today=TODAY)
            assert birth_date_of(pin) == birth
            assert int(pin[10]) % 2 == (0 if female else 1)
            assert pin[8:11] != "000"


def test_make_pin_samordningsnummer() -> None:
    pin = make_pin(date(1990, 2, 28), 982, True, coordination=True)
    assert pin[6:8] == "88"
    assert is_valid_pin(pin, today=TODAY)
    assert birth_date_of(pin) == date(1990, 2, 28)


@pytest.mark.parametrize("serial", [0, 1000, -5])
def test_make_pin_refuses_serials_outside_1_to_999(serial: int) -> None:
    with pytest.raises(InvalidInputError):
        make_pin(date(1990, 1, 1), serial, False)
