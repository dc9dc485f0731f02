"""Export follow-ups as an iCalendar file (RFC 5545) for Outlook or any calendar.

One VEVENT per open follow-up: UID ``followup-<id>@overblick`` (stable across exports, so
a new import updates the event), DTSTART with TZID Europe/Stockholm and its VTIMEZONE, a
display alarm at the start, an RRULE for a recurring one, SEQUENCE counting the changes
recorded in the event log. Privacy: the file names the case by its reference only; no
person name or personal identity number is written, and both are scrubbed from notes.
"""

from __future__ import annotations

import os
import re
import sqlite3
import tempfile
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from app.base.clock import STOCKHOLM
from app.base.errors import InvalidInputError
from app.base.i18n import _, label
from app.base.model import FOLLOW_UP_KIND_SV
from app.followups.store import FollowUp, list_follow_ups
from app.followups.when import at_local
from app.priority.profile import Caseworker

PRODID = "-//Försäkringskassan//Överblick bevakningar//SV"
EVENT_MINUTES = 15
PIN_PATTERN = re.compile(r"(?<!\d)(?:\d{2})?\d{6}[-+ ]?\d{4}(?!\d)")
PIN_MASK = "[personnummer]"
NAME_MASK = "[namn]"


def uid_of(follow_up_id: int) -> str:
    return f"followup-{follow_up_id}@overblick"


def summary_of(follow_up: FollowUp) -> str:
    kind = label(FOLLOW_UP_KIND_SV, follow_up.kind)
    return f"Bevakning: {follow_up.case_ref} ({kind})"


def scrub(text: str, names: Iterable[str] = ()) -> str:
    """``text`` without personal identity numbers and without the given person names (the
    whole name and each word of it of two letters or more)."""
    out = PIN_PATTERN.sub(PIN_MASK, text)
    words: set[str] = set()
    for name in names:
        if not name or not name.strip():
            continue
        words.add(name.strip())
        words |= {w for w in re.split(r"[\s,]+", name) if len(w) >= 2 and w.isalpha()}
    for word in sorted(words, key=len, reverse=True):
        out = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", NAME_MASK, out, flags=re.IGNORECASE)
    return out


def _sequences(conn: sqlite3.Connection, ids: list[int]) -> dict[int, int]:
    """Changes recorded per follow-up (creation excluded): the event's SEQUENCE."""
    if not ids:
        return {}
    counts: dict[int, int] = {}
    for fid, n in conn.execute(
        "SELECT fid, count(*) FROM ("
        "  SELECT json_extract(detail, '$.follow_up_id') AS fid FROM events "
        "  WHERE kind LIKE 'follow\\_up.%' ESCAPE '\\' AND kind != 'follow_up.standard' "
        "  UNION ALL"
        "  SELECT j.value FROM events e, json_each(e.detail, '$.follow_up_ids') j "
        "  WHERE e.kind = 'follow_up.standard'"
        ") WHERE fid IS NOT NULL GROUP BY fid"
    ).fetchall():
        if fid is not None:
            counts[int(fid)] = int(n)
    return {i: max(0, counts.get(i, 1) - 1) for i in ids}


def _names(conn: sqlite3.Connection, case_ids: set[int]) -> dict[int, str]:
    if not case_ids:
        return {}
    marks = ",".join("?" for _ in case_ids)
    return {
        r[0]: r[1] or ""
        for r in conn.execute(
            f"SELECT id, person_name FROM cases WHERE id IN ({marks})", tuple(case_ids)
        ).fetchall()
    }


FREQ = {"days": "daily", "weeks": "weekly", "months": "monthly"}


def _rrule(follow_up: FollowUp, start: datetime) -> dict[str, Any] | None:
    rec = follow_up.recurrence
    if rec is None:
        return None
    rule: dict[str, Any] = {"freq": FREQ[rec.unit], "interval": rec.every}
    if rec.unit == "months" and (rec.day or start.day) > 28:
        # The 31st in a shorter month is its last day: the latest of 28..31 that exists.
        rule["bymonthday"] = list(range(28, (rec.day or start.day) + 1))
        rule["bysetpos"] = -1
    if rec.count is not None:
        rule["count"] = max(1, rec.count - follow_up.occurrences)
    elif rec.until is not None:
        # With a TZID start, UNTIL is given in UTC (RFC 5545 3.3.10): the last allowed start.
        last = at_local(rec.until, rec.at or start.time())
        rule["until"] = last.astimezone(UTC)
    return rule


def _series_start(fu: FollowUp) -> datetime:
    """DTSTART of a recurring follow-up: its current date at the series' own wall-clock
    time (a time the spring change skips is written as asked; RFC 5545 moves it forward
    that night only, as Överblick does)."""
    local = fu.due_at.astimezone(STOCKHOLM)
    at = fu.recurrence.at if fu.recurrence and fu.recurrence.at else local.time()
    return datetime.combine(local.date(), at, tzinfo=STOCKHOLM)


def build_calendar(conn: sqlite3.Connection, caseworker: Caseworker | None, now: datetime) -> Any:
    """An ``icalendar.Calendar`` with the caseworker's open follow-ups (None: everyone's)."""
    from icalendar import Alarm, Calendar, Event

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Överblick: bevakningar")
    cal.add("x-wr-timezone", "Europe/Stockholm")
    items = list_follow_ups(conn, caseworker, now)
    sequences = _sequences(conn, [f.id for f in items])
    names = _names(conn, {f.case_id for f in items})
    stamp = now.astimezone(UTC).replace(microsecond=0)
    first: date | None = None
    for fu in items:
        # A recurring series is anchored at its due time; a single one at its reminder time.
        start = _series_start(fu) if fu.recurrence else fu.fire_at.astimezone(STOCKHOLM)
        first = min(first or start.date(), start.date())
        summary = summary_of(fu)
        event = Event()
        event.add("uid", uid_of(fu.id))
        event.add("dtstamp", stamp)
        event.add("sequence", sequences.get(fu.id, 0))
        event.add("dtstart", start)
        event.add("duration", timedelta(minutes=EVENT_MINUTES))
        event.add("summary", summary)
        if fu.note:
            event.add("description", scrub(fu.note, [names.get(fu.case_id, "")]))
        event.add(
            "categories", ["Överblick", "Standardbevakning" if fu.origin == "standard" else
                           "Egen bevakning"]
        )  # fmt: skip
        event.add("transp", "TRANSPARENT")
        rule = _rrule(fu, start)
        if rule:
            event.add("rrule", rule)
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", summary)
        alarm.add("trigger", timedelta(0))
        event.add_component(alarm)
        cal.add_component(event)
    if first is not None:
        cal.add_missing_timezones(first_date=date(first.year - 1, 1, 1))
    return cal


def export_ics(
    conn: sqlite3.Connection, path: str | os.PathLike[str], caseworker: Caseworker | None,
    now: datetime,
) -> int:  # fmt: skip
    """Write the caseworker's open follow-ups to ``path`` (replaced whole); returns the count."""
    cal = build_calendar(conn, caseworker, now)
    data = cal.to_ical()
    target = Path(path).expanduser()
    if target.is_dir():
        raise InvalidInputError(
            _("{target} är en mapp; ange ett filnamn, t.ex. bevakningar.ics.").format(target=target)
        )
    tmp: str | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".overblick-", suffix=".ics", dir=target.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except OSError as exc:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        raise InvalidInputError(
            _("Kan inte skriva {target}: {value}.").format(target=target, value=exc.strerror or exc)
        ) from exc
    return len(cal.walk("VEVENT"))
