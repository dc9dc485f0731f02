"""Swedish personal identity numbers (personnummer and samordningsnummer).

Stored form: 12 digits, ``YYYYMMDDNNNC``. Error messages never repeat the number, and
nothing here logs: a personal identity number is sensitive data.
"""

from __future__ import annotations

from datetime import date

from app.base.clock import SystemClock, local_today
from app.base.errors import InvalidInputError
from app.base.i18n import _

COORDINATION_DAY_OFFSET = 60  # samordningsnummer: the day of birth plus 60
SEPARATORS = ("-", "+")
FORMAT_HINT = "ÅÅMMDD-NNNN eller ÅÅÅÅMMDD-NNNN"


def luhn_check_digit(nine_digits: str) -> int:
    """The Luhn (modulus 10) check digit for the nine digits YYMMDDNNN."""
    if len(nine_digits) != 9 or not nine_digits.isdigit():
        raise InvalidInputError(_("Kontrollsiffran räknas på exakt nio siffror (ÅÅMMDDNNN)."))
    total = 0
    for index, char in enumerate(nine_digits):
        product = int(char) * (2 if index % 2 == 0 else 1)
        total += product - 9 if product > 9 else product
    return (10 - total % 10) % 10


def _split(text: str) -> tuple[str, str]:
    """The digits and the separator ('' when none) of a typed number."""
    body = text.strip()
    if not body:
        raise InvalidInputError(
            _("Inget personnummer angivet ({FORMAT_HINT}).").format(FORMAT_HINT=FORMAT_HINT)
        )
    separator = ""
    if len(body) > 4 and body[-5] in SEPARATORS:
        separator = body[-5]
        body = body[:-5] + body[-4:]
    if not body.isdigit():
        raise InvalidInputError(
            _(
                "Personnumret får bara innehålla siffror och ett bindestreck eller "
                "plustecken före de fyra sista siffrorna ({FORMAT_HINT})."
            ).format(FORMAT_HINT=FORMAT_HINT)
        )
    if len(body) not in (10, 12):
        raise InvalidInputError(
            _("Personnumret ska ha 10 eller 12 siffror ({FORMAT_HINT}), inte {n}.").format(
                FORMAT_HINT=FORMAT_HINT, n=len(body)
            )
        )
    return body, separator


def _century_year(yy: int, month: int, day: int, plus: bool, today: date) -> int:
    """The full birth year of a 10-digit number: under 100 years old, or 100+ with '+'."""
    year = today.year - (today.year - yy) % 100
    if (month, day) > (today.month, today.day) and year == today.year:
        year -= 100
    return year - 100 if plus else year


def _birth_date(year: int, month: int, day: int) -> date:
    """The date of birth, allowing for the samordningsnummer day offset."""
    if day > COORDINATION_DAY_OFFSET:
        day -= COORDINATION_DAY_OFFSET
    try:
        return date(year, month, day)
    except ValueError:
        raise InvalidInputError(
            _(
                "Personnumret innehåller inget giltigt födelsedatum (månaden eller dagen "
                "stämmer inte)."
            )
        ) from None


def normalise_pin(text: str, *, today: date | None = None) -> str:
    """A typed personnummer (10 or 12 digits, '-', '+' or no separator) as ``YYYYMMDDNNNC``."""
    digits, separator = _split(text)
    today = today or local_today(SystemClock())
    if len(digits) == 10:
        yy, month, day = int(digits[0:2]), int(digits[2:4]), int(digits[4:6])
        plain_day = day - COORDINATION_DAY_OFFSET if day > COORDINATION_DAY_OFFSET else day
        year = _century_year(yy, month, plain_day, separator == "+", today)
        digits = f"{year:04d}{digits[2:]}"
    born = _birth_date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    if born > today:
        raise InvalidInputError(_("Personnumrets födelsedatum ligger i framtiden."))
    if digits[8:11] == "000":
        raise InvalidInputError(_("Födelsenumret 000 används inte i personnummer."))
    if luhn_check_digit(digits[2:11]) != int(digits[11]):
        raise InvalidInputError(
            _("Kontrollsiffran i personnumret stämmer inte; kontrollera att alla siffror är rätt.")
        )
    return digits


def is_valid_pin(text: str, *, today: date | None = None) -> bool:
    """Whether ``text`` is a well-formed personnummer with a correct check digit."""
    try:
        normalise_pin(text, today=today)
    except InvalidInputError:
        return False
    return True


def _twelve(pin12: str) -> str:
    """The stored 12-digit form, or an error that does not repeat the value."""
    if len(pin12) != 12 or not pin12.isdigit():
        raise InvalidInputError(_("Ett lagrat personnummer ska ha 12 siffror (ÅÅÅÅMMDDNNNN)."))
    return pin12


def mask_pin(pin12: str) -> str:
    """The number with its last four digits hidden: '19850312-****'."""
    if len(pin12) != 12 or not pin12.isdigit():
        return "********-****"
    return f"{pin12[:8]}-****"


def format_pin(pin12: str) -> str:
    """The 12-digit number as people write it: '19850312-1234'."""
    digits = _twelve(pin12)
    return f"{digits[:8]}-{digits[8:]}"


def birth_date_of(pin12: str) -> date:
    """The date of birth in a 12-digit number (samordningsnummer: day minus 60)."""
    digits = _twelve(pin12)
    return _birth_date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))


def make_pin(birth: date, serial: int, female: bool, *, coordination: bool = False) -> str:
    """A valid 12-digit number; birth number ``serial`` (1-999) nudged to even (f) or odd (m)."""
    if not 1 <= serial <= 999:
        raise InvalidInputError(_("Födelsenumret ska vara mellan 1 och 999."))
    if serial % 2 != (0 if female else 1):
        serial = serial + 1 if serial < 999 else serial - 1
    day = birth.day + (COORDINATION_DAY_OFFSET if coordination else 0)
    nine = f"{birth.year % 100:02d}{birth.month:02d}{day:02d}{serial:03d}"
    return f"{birth.year:04d}{nine[2:]}{luhn_check_digit(nine)}"
