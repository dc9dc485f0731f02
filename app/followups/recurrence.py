"""Repeating follow-ups: a series every N days, weeks or months that keeps its own
wall-clock time (docs/follow-ups.md, "Series").
"""

from __future__ import annotations

import calendar
import json
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from app.base.clock import STOCKHOLM
from app.base.errors import InvalidInputError
from app.base.i18n import _
from app.followups.when import at_local

UNITS = ("days", "weeks", "months")


def add_months(day: date, months: int, keep_day: int) -> date:
    """The date ``months`` calendar months after ``day``, on ``keep_day`` of that month (its
    last day when the month is shorter: 31 January + 1 month is 28 or 29 February)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(keep_day, calendar.monthrange(year, month + 1)[1]))


def _time_text(at: time) -> str:
    return at.isoformat(timespec="minutes" if not at.second else "seconds")


@dataclass(frozen=True, slots=True)
class Recurrence:
    """Every ``every`` days, weeks or months; ends after ``until`` (a local date) or
    ``count`` times.

    A series keeps its own wall-clock time ``at`` (and, monthly, its ``day`` of the month):
    each occurrence is that local time on its own date, so a time the spring change skips
    moves forward for that one night only, and the series is back the next time.
    """

    every: int
    unit: str  # "days" | "weeks" | "months"
    until: date | None = None
    count: int | None = None
    at: time | None = None  # local wall-clock time; set by anchored() when stored
    day: int | None = None  # months: the day of the month kept (the last day when shorter)

    def __post_init__(self) -> None:
        if self.unit not in UNITS:
            raise InvalidInputError(
                _("En återkommande bevakning upprepas i dagar, veckor eller månader.")
            )
        if self.every < 1:
            raise InvalidInputError(_("Intervallet ska vara minst 1."))
        if self.count is not None and self.count < 1:
            raise InvalidInputError(_("Antalet gånger ska vara minst 1."))

    def anchored(self, due: datetime) -> Recurrence:
        """This series with its wall-clock time (and day of the month) taken from ``due``."""
        local = due.astimezone(STOCKHOLM)
        return replace(
            self,
            at=local.time().replace(microsecond=0),
            day=local.day if self.unit == "months" else None,
        )

    def to_text(self) -> str:
        return json.dumps(self.as_json(), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_text(cls, text: str | None) -> Recurrence | None:
        if not text:
            return None
        data = json.loads(text)
        until, at = data.get("until"), data.get("at")
        return cls(
            int(data["every"]),
            str(data["unit"]),
            date.fromisoformat(until) if until else None,
            data.get("count"),
            time.fromisoformat(at) if at else None,
            data.get("day"),
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "every": self.every,
            "unit": self.unit,
            "until": self.until.isoformat() if self.until else None,
            "count": self.count,
            "at": _time_text(self.at) if self.at else None,
            "day": self.day,
        }

    def label_sv(self) -> str:
        unit = {"days": "dag", "weeks": "vecka", "months": "månad"}[self.unit]
        text = f"var {unit}" if self.every == 1 else f"var {self.every}:e {unit}"
        if self.until:
            text += f" till {self.until.isoformat()}"
        if self.count:
            text += f", {self.count} gånger"
        return text

    def next_day(self, day: date) -> date:
        """The local date of the occurrence after one on ``day``."""
        if self.unit == "months":
            return add_months(day, self.every, self.day or day.day)
        return day + timedelta(days=self.every * (7 if self.unit == "weeks" else 1))

    def next_due(self, due: datetime, occurrences_done: int) -> datetime | None:
        """The occurrence after ``due``, or None when the series ends (``occurrences_done``
        counts the one just done).

        Worked out on the calendar, never by adding hours to ``due``: the next local date,
        at the series' own wall-clock time, resolved to an instant for that date. A time
        the spring change skips (02:30 on its night) moves forward by the hour skipped
        (03:30); a time the autumn change repeats takes its first occurrence (summer time,
        fold=0).
        """
        if self.count is not None and occurrences_done >= self.count:
            return None
        local = due.astimezone(STOCKHOLM)
        following = at_local(self.next_day(local.date()), self.at or local.time())
        if self.until is not None and following.date() > self.until:
            return None
        return following
