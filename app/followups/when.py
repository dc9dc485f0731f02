"""Parse WHEN: the Swedish (and English) ways a caseworker says when a follow-up is due.

Every form is computed from a passed-in ``now`` and returns an aware datetime in
Europe/Stockholm. Forms that name a day and no time land at 08:00 local time (the wall
clock, so a date across a daylight-saving change still means 08:00). Working days follow
the Swedish calendar: weekdays that are neither public holidays nor the de-facto holidays
(midsommarafton, julafton, nyårsafton), from the ``holidays`` package (imported lazily).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache

from app.base.clock import STOCKHOLM
from app.base.errors import InvalidInputError
from app.base.i18n import _

DEFAULT_TIME = time(8, 0)

ACCEPTED_FORMS = (
    "i morgon",
    "i morgon 08:00",
    "i dag 14:00",
    "nästa arbetsdag",
    "om en vecka",
    "om 3 dagar",
    "måndag (mån … sön)",
    "fre 10:00",
    "14:00",
    "+3d",
    "+2w",
    "+4h",
    "+30min",
    "2026-12-01",
    "2026-12-01 10:30",
    "23/11/2026",
    "23/11/2026 10:30",
    "tomorrow",
    "next-working-day",
)

WEEKDAYS: dict[str, int] = {
    "mån": 0, "måndag": 0, "mon": 0, "monday": 0,
    "tis": 1, "tisdag": 1, "tue": 1, "tuesday": 1,
    "ons": 2, "onsdag": 2, "wed": 2, "wednesday": 2,
    "tor": 3, "tors": 3, "torsdag": 3, "thu": 3, "thursday": 3,
    "fre": 4, "fredag": 4, "fri": 4, "friday": 4,
    "lör": 5, "lördag": 5, "sat": 5, "saturday": 5,
    "sön": 6, "söndag": 6, "sun": 6, "sunday": 6,
}  # fmt: skip

TODAY_WORDS = {"i dag", "idag", "today"}
TOMORROW_WORDS = {"i morgon", "imorgon", "tomorrow"}
NEXT_WORKING_DAY_WORDS = {
    "nästa arbetsdag", "next-working-day", "next working day", "next workday",
}  # fmt: skip
NUMBER_WORDS = {"en": 1, "ett": 1, "a": 1, "an": 1, "one": 1, "två": 2, "two": 2, "tre": 3}
DAY_UNITS = {"dag": 1, "dagar": 1, "day": 1, "days": 1, "vecka": 7, "veckor": 7, "week": 7,
             "weeks": 7}  # fmt: skip
HOUR_UNITS = {"timme", "timmar", "hour", "hours"}

_TIME_SUFFIX = re.compile(r"^(?P<rest>.*?)\s*(?:kl\.?\s*)?(?P<h>\d{1,2})[:.](?P<m>\d{2})$")
_KL_HOUR = re.compile(r"^(?P<rest>.*?)\s*kl\.?\s*(?P<h>\d{1,2})$")
_RELATIVE = re.compile(r"^\+\s*(?P<n>\d{1,4})\s*(?P<unit>d|w|v|h|t|min)$")
_ISO_DATE = re.compile(r"^(?P<y>\d{4})-(?P<mo>\d{1,2})-(?P<d>\d{1,2})$")
_SLASH_DATE = re.compile(r"^(?P<d>\d{1,2})/(?P<mo>\d{1,2})(?:/(?P<y>\d{4}))?$")
_IN_N = re.compile(r"^(?:om|in)\s+(?P<n>\d{1,3}|\w+)\s+(?P<unit>\w+)$")
_EVERY = re.compile(
    r"^(?P<n>\d{1,3})\s*(?P<unit>d|dag|dagar|w|v|vecka|veckor|weeks?|days?"
    r"|m|mån|månad|månader|months?)$"
)


def accepted_forms_text() -> str:
    """The accepted forms as one Swedish sentence fragment, for messages and --help."""
    return ", ".join(ACCEPTED_FORMS)


def _bad(text: str, why: str | None = None) -> InvalidInputError:
    reason = f" ({why})" if why else ""
    return InvalidInputError(
        _(
            "'{text}' går inte att tolka som en tidpunkt{reason}. Godkända former: "
            "{accepted_forms_text}."
        ).format(text=text, reason=reason, accepted_forms_text=accepted_forms_text())
    )


@lru_cache(maxsize=64)
def _holidays_for(year: int) -> dict[date, str]:
    import holidays  # imported lazily: ~50 ms, and only needed for working days

    # Public holidays plus the de facto days off (midsommarafton, julafton, nyårsafton).
    found = holidays.country_holidays(
        "SE", years=year, language="sv", categories=("public", "de_facto")
    )
    return dict(found.items())


def holiday_name(day: date) -> str | None:
    """The Swedish name of the holiday on ``day`` ("Juldagen"), else None."""
    return _holidays_for(day.year).get(day)


def is_working_day(day: date) -> bool:
    """Monday to Friday and not a Swedish public or de-facto holiday."""
    return day.weekday() < 5 and day not in _holidays_for(day.year)


def next_working_day(day: date) -> date:
    """The first working day strictly after ``day``."""
    candidate = day + timedelta(days=1)
    while not is_working_day(candidate):
        candidate += timedelta(days=1)
    return candidate


def working_day_on_or_after(day: date) -> date:
    """``day`` itself when it is a working day, else the next one."""
    return day if is_working_day(day) else next_working_day(day)


def at_local(day: date, at: time) -> datetime:
    """The Stockholm wall-clock ``at`` on ``day`` (a time skipped by DST moves forward)."""
    # A wall time inside the spring-forward gap does not exist: normalising through UTC
    # moves it forward by the hour skipped (02:30 becomes 03:30).
    return _normalise(datetime.combine(day, at, tzinfo=STOCKHOLM))


def _normalise(moment: datetime) -> datetime:
    return moment.astimezone(UTC).astimezone(STOCKHOLM)


def _after(now: datetime, delta: timedelta) -> datetime:
    """``delta`` of elapsed time after ``now`` (counted in UTC, so an hour over the DST
    change is an hour), to the minute."""
    moment = now.astimezone(UTC).replace(second=0, microsecond=0) + delta
    return moment.astimezone(STOCKHOLM)


def _local(now: datetime) -> datetime:
    if now.tzinfo is None:
        now = now.replace(tzinfo=STOCKHOLM)
    return now.astimezone(STOCKHOLM)


def _time(text: str, h: str, m: str = "0") -> time:
    hour, minute = int(h), int(m)
    if hour > 23 or minute > 59:
        raise _bad(text, "klockslaget finns inte")
    return time(hour, minute)


def _make_date(text: str, y: int, mo: int, d: int) -> date:
    try:
        day = date(y, mo, d)
    except ValueError:
        raise _bad(text, "datumet finns inte") from None
    if not 2000 <= day.year <= 2100:
        raise _bad(text, "året ligger utanför 2000–2100")
    return day


def _split_time(text: str, body: str) -> tuple[str, time | None]:
    """Separate a trailing clock time ('10:30', '10.30', 'kl 10') from the day words."""
    match = _TIME_SUFFIX.match(body)
    if match and not _ISO_DATE.match(body) and not _SLASH_DATE.match(body):
        return match["rest"].strip(), _time(text, match["h"], match["m"])
    match = _KL_HOUR.match(body)
    if match:
        return match["rest"].strip(), _time(text, match["h"])
    return body, None


def _count(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def _day_of(text: str, words: str, today: date) -> date | None:
    """The calendar day named by ``words`` (no clock time), or None for an unknown form."""
    if words in TODAY_WORDS:
        return today
    if words in TOMORROW_WORDS:
        return today + timedelta(days=1)
    if words in NEXT_WORKING_DAY_WORDS:
        return next_working_day(today)
    if words in WEEKDAYS:
        ahead = (WEEKDAYS[words] - today.weekday() - 1) % 7 + 1  # next such day, 1..7 ahead
        return today + timedelta(days=ahead)
    match = _ISO_DATE.match(words)
    if match:
        return _make_date(text, int(match["y"]), int(match["mo"]), int(match["d"]))
    match = _SLASH_DATE.match(words)
    if match:
        if match["y"]:
            return _make_date(text, int(match["y"]), int(match["mo"]), int(match["d"]))
        day = _make_date(text, today.year, int(match["mo"]), int(match["d"]))
        if day < today:
            day = _make_date(text, today.year + 1, int(match["mo"]), int(match["d"]))
        return day
    match = _IN_N.match(words)
    if match and match["unit"] in DAY_UNITS:
        n = _count(match["n"])
        if n is None:
            return None
        return today + timedelta(days=n * DAY_UNITS[match["unit"]])
    match = _RELATIVE.match(words)
    if match and match["unit"] in ("d", "w", "v"):
        n = int(match["n"])
        return today + timedelta(days=n * (1 if match["unit"] == "d" else 7))
    return None


def parse_when(text: str, now: datetime, *, default_time: time = DEFAULT_TIME) -> datetime:
    """The moment ``text`` names, as an aware datetime in Europe/Stockholm.

    Day forms without a time land at ``default_time`` (08:00) local. ``+4h``, ``+30min``,
    ``om 2 timmar`` count from ``now`` (to the minute). A bare ``14:00`` is the next such
    time (today, else tomorrow). Raises InvalidInputError listing the accepted forms.
    """
    if not isinstance(text, str) or not text.strip():
        raise _bad(str(text or ""), "tom")
    now_local = _local(now)
    body = " ".join(text.strip().lower().split())

    match = _RELATIVE.match(body)
    if match and match["unit"] in ("h", "t", "min"):
        n = int(match["n"])
        delta = timedelta(hours=n) if match["unit"] in ("h", "t") else timedelta(minutes=n)
        return _after(now_local, delta)
    match = _IN_N.match(body)
    if match and match["unit"] in HOUR_UNITS:
        n = _count(match["n"])
        if n is not None:
            return _after(now_local, timedelta(hours=n))

    # ISO with a 'T' between date and time.
    if "t" in body and _ISO_DATE.match(body.split("t", 1)[0]):
        body = body.replace("t", " ", 1)
    words, at = _split_time(text, body)
    if not words:
        if at is None:
            raise _bad(text)
        candidate = at_local(now_local.date(), at)
        if candidate <= now_local:
            candidate = at_local(now_local.date() + timedelta(days=1), at)
        return candidate
    day = _day_of(text, words, now_local.date())
    if day is None:
        raise _bad(text)
    return at_local(day, at or default_time)


def parse_day(text: str, now: datetime) -> date:
    """A calendar day in any WHEN form (its local date); for ``--until``."""
    return parse_when(text, now).date()


def parse_every(text: str) -> tuple[int, str]:
    """A recurrence interval: ``3d``, ``2w`` (``2v``), ``1m``, ``3 dagar``, ``2 veckor``,
    ``1 månad``.

    Returns ``(n, "days" | "weeks" | "months")``.
    """
    body = " ".join(str(text).strip().lower().split())
    match = _EVERY.match(body)
    if not match or int(match["n"]) < 1:
        raise InvalidInputError(
            _(
                "'{text}' går inte att tolka som ett intervall. Godkända former: 3d, 2w "
                "(eller 2v), 1m, 3 dagar, 2 veckor, 1 månad."
            ).format(text=text)
        )
    unit = {"d": "days", "m": "months"}.get(match["unit"][0], "weeks")
    return int(match["n"]), unit
