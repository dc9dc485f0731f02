"""Reminders: which follow-ups should show now, which were missed while the app was closed.

Pure logic over the ``follow_ups`` table (the single truth); no Qt and no scheduler here.
The window asks ``due_reminders`` on a timer and on a periodic reconcile, so a timer that
a clock change made miss still shows its reminder, and ``mark_fired`` records that it
showed. A reminder fires once per due time: ``fired_at`` is compared with the time the
reminder is due (the due time, or the end of a snooze past it), so asking twice, or a
clock that jumps back, never shows it twice. Due times are stored in UTC from the local
wall-clock time asked for, so 08:00 stays 08:00 across a daylight-saving change.

Quiet hours: outside the working hours in the settings (``reminders.working_hours``,
default 07:00-18:00) and on days that are not Swedish working days, a reminder is held
and shown at the next start of working hours.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Any

from app.base.clock import STOCKHOLM, utc_iso
from app.base.errors import InvalidInputError, NotFoundError
from app.base.i18n import _, label, ngettext
from app.base.model import FOLLOW_UP_KIND_SV
from app.followups.when import at_local, is_working_day, next_working_day
from app.priority.profile import Caseworker
from db import queries, transaction

SETTING_KEY = "reminders.working_hours"
LAST_SEEN_KEY = "reminders.last_seen"
DEFAULT_START = time(7, 0)
DEFAULT_END = time(18, 0)
# On start, unfired reminders are listed as missed if they came due after the app was
# last seen, or within this many days before now (whichever reaches further back).
MISSED_LOOKBACK_DAYS = 14
# The daily job (standard follow-ups for the new day) runs at this local time.
DAILY_JOB_TIME = time(0, 5)

# When a follow-up's reminder is due: its due time, or the end of a snooze past it.
FIRE_AT = "max(f.due_at, coalesce(f.snoozed_until, f.due_at))"


@dataclass(frozen=True, slots=True)
class WorkingHours:
    """The caseworker's working hours on a working day; outside them reminders wait."""

    start: time = DEFAULT_START
    end: time = DEFAULT_END

    def as_json(self) -> dict[str, str]:
        return {"start": self.start.strftime("%H:%M"), "end": self.end.strftime("%H:%M")}

    @classmethod
    def from_value(cls, value: Any) -> WorkingHours:
        """From the stored setting ``{"start": "07:00", "end": "18:00"}``; raises
        InvalidInputError for a malformed one."""
        if value is None:
            return cls()
        if isinstance(value, WorkingHours):
            return value
        if not isinstance(value, Mapping):
            raise InvalidInputError(
                _("Arbetstiden ska anges som start och slut, t.ex. 07:00–18:00.")
            )
        try:
            start = time.fromisoformat(str(value.get("start", "07:00")))
            end = time.fromisoformat(str(value.get("end", "18:00")))
        except ValueError:
            raise InvalidInputError(
                _("Arbetstiden ska anges som HH:MM, t.ex. 07:00–18:00.")
            ) from None
        if end <= start:
            raise InvalidInputError(_("Arbetstiden måste sluta efter att den börjar."))
        return cls(start, end)


def working_hours(conn: sqlite3.Connection, caseworker: Caseworker | None = None) -> WorkingHours:
    """The caseworker's own working hours, else the database's, else 07:00-18:00.

    A malformed stored value falls back to the default rather than silencing reminders.
    """
    for scope in ([caseworker.ext_id] if caseworker else []) + [""]:
        value = queries.get_setting(conn, SETTING_KEY, scope=scope)
        if value is not None:
            try:
                return WorkingHours.from_value(value)
            except InvalidInputError:
                return WorkingHours()
    return WorkingHours()


def set_working_hours(
    conn: sqlite3.Connection,
    start: time | str,
    end: time | str,
    caseworker: Caseworker | None = None,
) -> WorkingHours:
    """Store working hours for the caseworker (or, with None, for the database)."""
    hours = WorkingHours.from_value(
        {
            "start": start.strftime("%H:%M") if isinstance(start, time) else start,
            "end": end.strftime("%H:%M") if isinstance(end, time) else end,
        }
    )
    with transaction(conn):
        queries.put_setting(
            conn, SETTING_KEY, hours.as_json(), scope=caseworker.ext_id if caseworker else ""
        )
    return hours


def _hours(settings: WorkingHours | Mapping[str, Any] | None) -> WorkingHours:
    return WorkingHours.from_value(settings)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=STOCKHOLM)


def is_quiet(moment: datetime, settings: WorkingHours | Mapping[str, Any] | None = None) -> bool:
    """Whether ``moment`` lies outside working hours (or on a day that is not a working day)."""
    return next_allowed_time(moment, settings) != _aware(moment).astimezone(STOCKHOLM)


def next_allowed_time(
    moment: datetime, settings: WorkingHours | Mapping[str, Any] | None = None
) -> datetime:
    """``moment`` itself inside working hours on a working day, else the next start of
    working hours (Stockholm time; Swedish working days)."""
    hours = _hours(settings)
    local = _aware(moment).astimezone(STOCKHOLM)
    day = local.date()
    if is_working_day(day):
        start, end = at_local(day, hours.start), at_local(day, hours.end)
        if start <= local < end:
            return local
        if local < start:
            return start
    return at_local(next_working_day(day), hours.start)


@dataclass(frozen=True, slots=True)
class Reminder:
    """A follow-up whose reminder should show."""

    follow_up_id: int
    case_id: int
    case_ref: str
    kind: str
    origin: str
    note: str | None
    due_at: datetime  # the follow-up's due time (UTC)
    fire_at: datetime  # when its reminder came due: due time or end of snooze (UTC)
    show_at: datetime  # fire_at, held past quiet hours (Stockholm)
    snoozed: bool  # the reminder is the end of a snooze
    recurring: bool

    @property
    def kind_sv(self) -> str:
        return label(FOLLOW_UP_KIND_SV, self.kind)

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.follow_up_id,
            "case_id": self.case_ref,
            "kind": self.kind,
            "kind_label": self.kind_sv,
            "origin": self.origin,
            "note": self.note,
            "due_at": utc_iso(self.due_at),
            "fire_at": utc_iso(self.fire_at),
            "show_at": utc_iso(self.show_at),
            "snoozed": self.snoozed,
            "recurring": self.recurring,
        }


def _ts(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _unfired(
    conn: sqlite3.Connection,
    caseworker: Caseworker | None,
    hours: WorkingHours,
    *,
    up_to: datetime | None,
) -> list[Reminder]:
    """Open follow-ups whose reminder has not fired for its current due time (those due by
    ``up_to``, or all), with the moment each may show."""
    where = [
        "f.state = 'open'",
        "f.deleted_at IS NULL",
        "c.status = 'open'",
        f"(f.fired_at IS NULL OR f.fired_at < {FIRE_AT})",
    ]
    params: list[Any] = []
    if up_to is not None:
        up_to_text = utc_iso(up_to)
        where += ["f.due_at <= ?", f"{FIRE_AT} <= ?"]
        params += [up_to_text, up_to_text]
    if caseworker is not None:
        where.append("coalesce(f.owner_id, c.caseworker_id) = ?")
        params.append(caseworker.id)
    rows = conn.execute(
        f"SELECT f.id, f.case_id, c.case_ref, f.kind, f.origin, f.note, f.due_at, "
        f"f.snoozed_until, f.recurrence, {FIRE_AT} AS fire_at "
        f"FROM follow_ups f JOIN cases c ON c.id = f.case_id WHERE {' AND '.join(where)}",
        params,
    ).fetchall()
    out = []
    for r in rows:
        fire_at = _ts(r["fire_at"])
        due_at = _ts(r["due_at"])
        out.append(
            Reminder(
                follow_up_id=r["id"],
                case_id=r["case_id"],
                case_ref=r["case_ref"],
                kind=r["kind"],
                origin=r["origin"],
                note=r["note"],
                due_at=due_at,
                fire_at=fire_at,
                show_at=next_allowed_time(fire_at, hours),
                snoozed=fire_at > due_at,
                recurring=bool(r["recurrence"]),
            )
        )
    out.sort(key=lambda m: (m.show_at, m.fire_at, m.follow_up_id))
    return out


def _showable(
    conn: sqlite3.Connection,
    now: datetime,
    caseworker: Caseworker | None,
    hours: WorkingHours | None,
    cutoff: datetime,
) -> list[Reminder]:
    hours = hours or working_hours(conn, caseworker)
    return [
        r
        for r in _unfired(conn, caseworker, hours, up_to=now)
        if r.show_at <= now and r.fire_at > cutoff
    ]


def due_reminders(
    conn: sqlite3.Connection,
    now: datetime,
    caseworker: Caseworker | None,
    *,
    hours: WorkingHours | None = None,
) -> list[Reminder]:
    """Follow-ups whose reminder should show at ``now``: due (or snooze ended), not yet
    fired for that time, and not held by quiet hours. Call it from timers and from a
    periodic reconcile; it reads the table, so missed timers cannot lose a reminder.

    A reminder that came due more than MISSED_LOOKBACK_DAYS ago and never showed is left
    to ``missed_on_start`` (the follow-up itself stays overdue in the lists and the
    priority), so old imported follow-ups do not pop up one by one."""
    now = _aware(now)
    return _showable(conn, now, caseworker, hours, now - timedelta(days=MISSED_LOOKBACK_DAYS))


def missed_on_start(
    conn: sqlite3.Connection,
    now: datetime,
    last_seen: datetime | None,
    caseworker: Caseworker | None,
    *,
    hours: WorkingHours | None = None,
) -> list[Reminder]:
    """Reminders that came due while the app was closed (or that it was killed before
    showing): unfired, showable at ``now``, due after ``last_seen`` or within
    MISSED_LOOKBACK_DAYS, whichever reaches further back. Shown on start as
    "N missade påminnelser"; the window then calls ``mark_fired`` for them."""
    now = _aware(now)
    cutoff = now - timedelta(days=MISSED_LOOKBACK_DAYS)
    if last_seen is not None:
        cutoff = min(cutoff, _aware(last_seen))
    return _showable(conn, now, caseworker, hours, cutoff)


def missed_label(count: int) -> str:
    """'1 missad påminnelse', '3 missade påminnelser' (the window's banner, the CLI)."""
    return ngettext("{n} missad påminnelse", "{n} missade påminnelser", count).format(n=count)


def due_label(count: int) -> str:
    """'1 påminnelse', '2 påminnelser'."""
    return ngettext("{n} påminnelse", "{n} påminnelser", count).format(n=count)


def mark_fired(conn: sqlite3.Connection, ids: Iterable[int], now: datetime) -> int:
    """Record that these reminders showed; returns how many were newly marked.

    Only a reminder already due at ``now`` and not yet fired for its due time is marked,
    so marking twice (or from a clock that jumped back) changes nothing.
    """
    id_list = sorted({int(i) for i in ids})
    if not id_list:
        return 0
    now_text = utc_iso(_aware(now))
    marks = ",".join("?" for _ in id_list)
    fire = FIRE_AT.replace("f.", "")
    with transaction(conn):
        cur = conn.execute(
            f"UPDATE follow_ups SET fired_at = max(?, {fire}) "
            f"WHERE id IN ({marks}) AND state = 'open' AND deleted_at IS NULL "
            f"AND {fire} <= ? AND (fired_at IS NULL OR fired_at < {fire})",
            (now_text, *id_list, now_text),
        )
    return cur.rowcount


@dataclass(frozen=True, slots=True)
class Acknowledged:
    """What ``acknowledge`` did: newly marked as seen, and those already seen before."""

    marked: tuple[int, ...]
    already: tuple[int, ...]


def acknowledge(
    conn: sqlite3.Connection, ids: Iterable[int], now: datetime, caseworker: Caseworker
) -> Acknowledged:
    """Mark the caseworker's due reminders as seen, as the window does when it shows them
    (``mark_fired``), so the window will not pop them up again.

    All or none: every id must be an open follow-up of the caseworker whose reminder has
    come due by ``now``; otherwise InvalidInputError (NotFoundError for an unknown id)
    names the first one that is not, and nothing is marked. One already seen for its
    current due time is left as it is (``already``).
    """
    now = _aware(now)
    wanted = sorted({int(i) for i in ids})
    marks = ",".join("?" for _ in wanted)
    rows = {
        r["id"]: r
        for r in conn.execute(
            f"SELECT f.id, f.state, f.deleted_at, c.status AS case_status, f.fired_at, "
            f"coalesce(f.owner_id, c.caseworker_id) AS owner, {FIRE_AT} AS fire_at "
            f"FROM follow_ups f JOIN cases c ON c.id = f.case_id WHERE f.id IN ({marks})",
            wanted,
        )
    }
    due, already = [], []
    for follow_up_id in wanted:
        row = rows.get(follow_up_id)
        if row is None:
            raise NotFoundError(
                _("Det finns ingen bevakning med nummer {follow_up_id}.").format(
                    follow_up_id=follow_up_id
                )
            )
        if row["state"] != "open" or row["deleted_at"] or row["case_status"] != "open":
            raise InvalidInputError(
                _("Bevakning {follow_up_id} är inte öppen och har ingen påminnelse.").format(
                    follow_up_id=follow_up_id
                )
            )
        if row["owner"] != caseworker.id:
            raise InvalidInputError(
                _("Bevakning {follow_up_id} hör till en annan handläggare än {ext_id}.").format(
                    follow_up_id=follow_up_id, ext_id=caseworker.ext_id
                )
            )
        fire_at = _ts(row["fire_at"])
        if fire_at > now:
            when = fire_at.astimezone(STOCKHOLM).strftime("%Y-%m-%d %H:%M")
            raise InvalidInputError(
                _(
                    "Påminnelsen för bevakning {follow_up_id} har inte kommit än (den kommer "
                    "{when})."
                ).format(follow_up_id=follow_up_id, when=when)
            )
        if row["fired_at"] and _ts(row["fired_at"]) >= fire_at:
            already.append(follow_up_id)
        else:
            due.append(follow_up_id)
    mark_fired(conn, due, now)
    return Acknowledged(tuple(due), tuple(already))


def next_wakeup(
    conn: sqlite3.Connection,
    now: datetime,
    caseworker: Caseworker | None,
    *,
    hours: WorkingHours | None = None,
) -> datetime | None:
    """When the next reminder will show (for a one-shot timer); None when none waits."""
    now = _aware(now)
    hours = hours or working_hours(conn, caseworker)
    later = [r.show_at for r in _unfired(conn, caseworker, hours, up_to=None) if r.show_at > now]
    return min(later, default=None)


def next_daily_run(now: datetime) -> datetime:
    """The next run of the daily job (just after local midnight)."""
    local = _aware(now).astimezone(STOCKHOLM)
    today_run = at_local(local.date(), DAILY_JOB_TIME)
    return today_run if today_run > local else at_local(local.date() + timedelta(1), DAILY_JOB_TIME)


def last_seen(conn: sqlite3.Connection, caseworker: Caseworker) -> datetime | None:
    """When the app last ran for this caseworker (see ``touch_last_seen``)."""
    value = queries.get_setting(conn, LAST_SEEN_KEY, scope=caseworker.ext_id)
    return _ts(value) if value else None


def touch_last_seen(conn: sqlite3.Connection, caseworker: Caseworker, now: datetime) -> None:
    """Record that the app is running now (call on each reconcile and on close)."""
    with transaction(conn):
        queries.put_setting(conn, LAST_SEEN_KEY, utc_iso(_aware(now)), scope=caseworker.ext_id)
