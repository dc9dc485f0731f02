"""The injectable "now": every rule takes a date or a Clock, never the system time itself."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

STOCKHOLM = ZoneInfo("Europe/Stockholm")


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant, timezone-aware."""
        ...


class SystemClock:
    """The real clock."""

    def now(self) -> datetime:
        return datetime.now(UTC)


class FixedClock:
    """A clock that stands still until moved; for tests and for ``--on``."""

    def __init__(self, now: datetime) -> None:
        if now.tzinfo is None:
            now = now.replace(tzinfo=STOCKHOLM)
        self._now = now

    def now(self) -> datetime:
        return self._now

    def set(self, now: datetime) -> None:
        self._now = now if now.tzinfo else now.replace(tzinfo=STOCKHOLM)

    def advance(self, delta: timedelta) -> None:
        self._now = self._now + delta


def local_today(clock: Clock) -> date:
    """Today's date in Stockholm."""
    return clock.now().astimezone(STOCKHOLM).date()


def start_of_day_utc(day: date) -> datetime:
    """Midnight in Stockholm at the start of ``day``, as a UTC instant."""
    return datetime.combine(day, time(0), tzinfo=STOCKHOLM).astimezone(UTC)


def utc_iso(moment: datetime) -> str:
    """A timestamp as stored: ISO-8601 in UTC, seconds precision."""
    return moment.astimezone(UTC).replace(microsecond=0).isoformat()


def local_date_of(stored: str) -> date:
    """The Stockholm calendar date of a stored timestamp (or plain ISO date)."""
    if len(stored) == 10:
        return date.fromisoformat(stored)
    if stored.endswith("+00:00") and stored[10] == "T" and stored[11:13] < "22":
        # Stockholm is UTC+1 or UTC+2: before 22:00 UTC the local date is the UTC date.
        return date.fromisoformat(stored[:10])
    moment = datetime.fromisoformat(stored)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(STOCKHOLM).date()
