"""Cover for absent colleagues: who is away, who covers, what the coverer sees, and the
summary handed back when the absence ends.

An absence (table ``absences``) names the absent caseworker, who covers, and a date range
(both days included). It is *active* on a day inside that range, and nothing has to be
done to end it: on the day after ``to_date`` the routing stops by itself.

While it is active the coverer's Idag and Impulser include the absent person's

- impulses received from ``from_date`` on that have no outcome yet, and
- follow-ups (their personal ones and the standard ones of their cases) that are due,

each tagged "Täcker för <namn>" (``cover_items``, ``cover_today``). Outcomes and follow-ups
the coverer records are written with the coverer's signature (``app.inbox.record_outcome``
and ``app.followups.done_follow_up`` take the acting caseworker), so the file shows who did
what. Nothing is copied or moved: the cases stay with the absent caseworker.

``end_absences`` (run daily, and by ``overblick absences --close``) hands back what was
redirected: for every absence whose end date has passed it writes one ``cover.ended``
event with a summary of what happened meanwhile (impulses arrived and who handled them,
follow-ups done, events in the cases) and sets ``ended_at``. One summary, not a flood.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from app.base.clock import Clock, start_of_day_utc, utc_iso
from app.base.errors import InvalidInputError, NotFoundError
from app.base.i18n import _
from app.case.inbox import InboxItem, inbox_items
from app.chain.casework_rules import unit_rules
from app.followups.store import FollowUp, list_follow_ups
from app.followups.when import at_local
from app.priority.profile import Caseworker
from db import queries, transaction

SYSTEM_ACTOR = "system"
MAX_ABSENCE_DAYS = 366

_SELECT = (
    "SELECT a.id, a.caseworker_id, w.ext_id, w.name, a.covered_by_id, b.ext_id, b.name, "
    "a.from_date, a.to_date, a.created_at, a.created_by, a.ended_at, a.reason FROM absences a "
    "JOIN caseworkers w ON w.id = a.caseworker_id JOIN caseworkers b ON b.id = a.covered_by_id"
)


@dataclass(frozen=True, slots=True)
class Absence:
    id: int
    caseworker_id: int
    caseworker: str
    caseworker_name: str
    covered_by_id: int
    covered_by: str
    covered_by_name: str
    from_date: date
    to_date: date
    created_at: str | None
    created_by: str | None
    ended_at: str | None
    reason: str | None = None  # why a colleague of another unit covers

    def is_active(self, on: date) -> bool:
        return self.from_date <= on <= self.to_date

    @property
    def tag(self) -> str:
        """The label the coverer sees on the absent person's items."""
        return f"Täcker för {self.caseworker_name}"

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "caseworker": self.caseworker,
            "covered_by": self.covered_by,
            "from": self.from_date.isoformat(),
            "to": self.to_date.isoformat(),
            "ended_at": self.ended_at,
            "reason": self.reason,
        }


def _absence(row: Any) -> Absence:
    return Absence(
        row[0], row[1], row[2], row[3], row[4], row[5], row[6],
        date.fromisoformat(row[7]), date.fromisoformat(row[8]), row[9], row[10], row[11],
        row[12],
    )  # fmt: skip


def _caseworker(conn: sqlite3.Connection, who: Caseworker | str) -> Caseworker:
    if isinstance(who, Caseworker):
        return who
    row = queries.caseworker_by_ext_id(conn, who)
    if row is None:
        raise NotFoundError(
            _("Det finns ingen handläggare med signaturen '{who}'.").format(who=who)
        )
    return Caseworker(row["id"], row["ext_id"], row["name"], row["role"], row["team"])


def _is_active_caseworker(conn: sqlite3.Connection, caseworker_id: int) -> bool:
    row = conn.execute("SELECT active FROM caseworkers WHERE id = ?", (caseworker_id,)).fetchone()
    return bool(row and row[0])


def _overlapping(
    conn: sqlite3.Connection, column: str, caseworker_id: int, first: date, last: date
) -> list[Absence]:
    rows = conn.execute(
        f"{_SELECT} WHERE a.{column} = ? AND a.from_date <= ? AND a.to_date >= ?",
        (caseworker_id, last.isoformat(), first.isoformat()),
    ).fetchall()
    return [_absence(r) for r in rows]


def mark_absent(
    conn: sqlite3.Connection,
    caseworker: Caseworker | str,
    covered_by: Caseworker | str,
    from_date: date,
    to_date: date,
    actor: Caseworker,
    clock: Clock,
    *,
    reason: str | None = None,
) -> Absence:
    """Record that ``caseworker`` is away ``from_date``–``to_date`` (both included) and that
    ``covered_by`` covers. A team lead may record anyone's absence, a caseworker their own.
    A colleague of the absent one's unit is the first choice (app.team.colleagues); one of
    another unit (both units known) needs a ``reason``, kept with the absence.

    Refused: an end before the start, longer than a year, covering oneself, a team lead as
    the absent one (leads carry no cases), a period overlapping another absence of the same
    person, a coverer who is away then, and an absent person who covers someone else then.
    """
    absent = _caseworker(conn, caseworker)
    cover = _caseworker(conn, covered_by)
    if to_date < from_date:
        raise InvalidInputError(_("Frånvaron slutar före den börjar."))
    if (to_date - from_date).days >= MAX_ABSENCE_DAYS:
        raise InvalidInputError(_("En frånvaro kan vara högst ett år; dela upp den eller flytta "
                                "ärendena i stället (reassign)."))  # fmt: skip
    if absent.id == cover.id:
        raise InvalidInputError(_("Ingen kan täcka för sig själv; ange en kollega med --by."))
    if absent.role == "lead":
        raise InvalidInputError(
            _("{ext_id} är gruppchef och har inga ärenden att täcka.").format(ext_id=absent.ext_id)
        )
    if actor.role != "lead" and actor.id != absent.id:
        raise InvalidInputError(
            _("Bara gruppchefen, eller handläggaren själv, kan registrera en frånvaro.")
        )
    if not _is_active_caseworker(conn, cover.id):
        raise InvalidInputError(
            _("{ext_id} är inte längre aktiv och kan inte täcka.").format(ext_id=cover.ext_id)
        )
    why = (reason or "").strip() or None
    units = [
        unit_rules().key_of(r[0])
        for r in (
            conn.execute("SELECT unit FROM caseworkers WHERE id = ?", (i,)).fetchone()
            for i in (absent.id, cover.id)
        )
    ]
    if units[0] and units[1] and units[0] != units[1] and not why:
        raise InvalidInputError(
            _(
                "{ext_id} hör till en annan enhet än {absent}; välj en kollega på samma enhet "
                "eller skriv ett skäl (--reason)."
            ).format(ext_id=cover.ext_id, absent=absent.ext_id)
        )
    now = utc_iso(clock.now())
    with transaction(conn):
        if _overlapping(conn, "caseworker_id", absent.id, from_date, to_date):
            raise InvalidInputError(
                _("{ext_id} har redan en frånvaro som överlappar {isoformat}–{isoformat2}.").format(
                    ext_id=absent.ext_id,
                    isoformat=from_date.isoformat(),
                    isoformat2=to_date.isoformat(),
                )
            )
        if _overlapping(conn, "caseworker_id", cover.id, from_date, to_date):
            raise InvalidInputError(
                _("{ext_id} är själv frånvarande under perioden; välj någon annan.").format(
                    ext_id=cover.ext_id
                )
            )
        busy = _overlapping(conn, "covered_by_id", absent.id, from_date, to_date)
        if busy:
            raise InvalidInputError(
                _(
                    "{ext_id} täcker för {caseworker} under perioden; välj först någon annan "
                    "som täcker för den kollegan."
                ).format(ext_id=absent.ext_id, caseworker=busy[0].caseworker)
            )
        absence_id = conn.execute(
            "INSERT INTO absences(caseworker_id, covered_by_id, from_date, to_date, created_at, "
            "created_by, reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (absent.id, cover.id, from_date.isoformat(), to_date.isoformat(), now, actor.ext_id,
             why),
        ).lastrowid  # fmt: skip
        queries.append_event(
            conn, case_id=None, at=now, actor=actor.ext_id, kind="cover.started",
            detail={"absence_id": absence_id, "caseworker": absent.ext_id,
                    "covered_by": cover.ext_id, "from": from_date.isoformat(),
                    "to": to_date.isoformat(), "reason": why},
        )  # fmt: skip
    return get_absence(conn, int(absence_id))  # type: ignore[arg-type]


def get_absence(conn: sqlite3.Connection, absence_id: int) -> Absence:
    row = conn.execute(f"{_SELECT} WHERE a.id = ?", (absence_id,)).fetchone()
    if row is None:
        raise NotFoundError(
            _("Det finns ingen frånvaro med nummer {absence_id}.").format(absence_id=absence_id)
        )
    return _absence(row)


def absences_on(conn: sqlite3.Connection, on: date) -> list[Absence]:
    """The absences active on ``on``."""
    day = on.isoformat()
    rows = conn.execute(
        f"{_SELECT} WHERE a.from_date <= ? AND a.to_date >= ? ORDER BY w.ext_id", (day, day)
    ).fetchall()
    return [_absence(r) for r in rows]


def list_absences(conn: sqlite3.Connection, on: date) -> list[Absence]:
    """Absences active on ``on`` or ahead, and ended ones whose summary is not yet handed
    back, by start date."""
    rows = conn.execute(
        f"{_SELECT} WHERE a.to_date >= ? OR a.ended_at IS NULL ORDER BY a.from_date, w.ext_id",
        (on.isoformat(),),
    ).fetchall()
    return [_absence(r) for r in rows]


def active_cover(conn: sqlite3.Connection, on: date) -> dict[int, list[Absence]]:
    """Who covers for whom on ``on``: covering caseworker id → the absences they cover."""
    out: dict[int, list[Absence]] = {}
    for absence in absences_on(conn, on):
        out.setdefault(absence.covered_by_id, []).append(absence)
    return out


def covered_caseworker_ids(
    conn: sqlite3.Connection, caseworker: Caseworker | int, on: date
) -> list[int]:
    """The ids of the colleagues ``caseworker`` covers for on ``on``."""
    cw_id = caseworker if isinstance(caseworker, int) else caseworker.id
    return [a.caseworker_id for a in active_cover(conn, on).get(cw_id, [])]


# -- what the coverer sees -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CoverImpulse:
    item: InboxItem
    absence: Absence

    @property
    def tag(self) -> str:
        return self.absence.tag


@dataclass(frozen=True, slots=True)
class CoverFollowUp:
    follow_up: FollowUp
    absence: Absence

    @property
    def tag(self) -> str:
        return self.absence.tag


@dataclass(frozen=True, slots=True)
class CoverItems:
    """The absent colleagues' new impulses and due follow-ups, for the coverer."""

    on: date
    absences: list[Absence]
    impulses: list[CoverImpulse]
    follow_ups: list[CoverFollowUp]

    @property
    def case_ids(self) -> list[int]:
        seen: dict[int, None] = {}
        for i in self.impulses:
            seen[i.item.case_id] = None
        for f in self.follow_ups:
            seen[f.follow_up.case_id] = None
        return list(seen)

    def as_json(self, now: datetime | None = None) -> dict[str, Any]:
        return {
            "on": self.on.isoformat(),
            "covering": [a.as_json() for a in self.absences],
            "impulses": [
                {"id": i.item.id, "case_id": i.item.case_ref, "type": i.item.type,
                 "received_at": i.item.received_at, "covering_for": i.absence.caseworker,
                 "tag": i.tag}
                for i in self.impulses
            ],
            "follow_ups": [
                {**f.follow_up.as_json(now), "covering_for": f.absence.caseworker, "tag": f.tag}
                for f in self.follow_ups
            ],
        }  # fmt: skip


def cover_items(
    conn: sqlite3.Connection,
    caseworker: Caseworker,
    on: date,
    *,
    now: datetime | None = None,
) -> CoverItems:
    """What ``caseworker`` covers on ``on``: for each colleague they cover, the impulses
    received since the absence began that still have no outcome, and the follow-ups due by
    the end of ``on`` that are not snoozed past ``now`` (default 08:00 on ``on``)."""
    now = now or at_local(on, time(8))
    absences = active_cover(conn, on).get(caseworker.id, [])
    impulses: list[CoverImpulse] = []
    follow_ups: list[CoverFollowUp] = []
    for absence in absences:
        absent = _caseworker(conn, absence.caseworker)
        impulses += [
            CoverImpulse(item, absence)
            for item in inbox_items(conn, absent, on=on)
            if absence.from_date <= item.received_on <= on
        ]
        follow_ups += [
            CoverFollowUp(fu, absence) for fu in list_follow_ups(conn, absent, now, due_only=True)
        ]
    return CoverItems(on, absences, impulses, follow_ups)


def cover_today(
    conn: sqlite3.Connection, caseworker: Caseworker, on: date, *, items: CoverItems | None = None
) -> list[tuple[Any, Absence]]:
    """The covered cases that have something new or due, ranked with the coverer's own
    weights, as (``app.stock.TodayItem``, the absence it is covered under); for Idag."""
    from app.priority.profile import weights_for
    from app.priority.score import rank
    from app.stock.facts import load_facts
    from app.stock.today import TodayItem

    items = items or cover_items(conn, caseworker, on)
    if not items.case_ids:
        return []
    under: dict[int, Absence] = {}
    for i in items.impulses:
        under.setdefault(i.item.case_id, i.absence)
    for f in items.follow_ups:
        under.setdefault(f.follow_up.case_id, f.absence)
    facts = load_facts(conn, on, case_ids=items.case_ids)
    ranked = rank(facts, on, weights_for(conn, caseworker))
    return [(TodayItem(f, s), under[f.id]) for f, s in ranked]


# -- when the absence ends -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AbsenceSummary:
    """What happened in the absent caseworker's cases while they were away."""

    absence: Absence
    impulses_arrived: int
    impulses_handled_by: dict[str, int]
    impulses_still_open: int
    follow_ups_done_by: dict[str, int]
    events: int
    events_by: dict[str, int]

    @property
    def impulses_handled(self) -> int:
        return sum(self.impulses_handled_by.values())

    @property
    def follow_ups_done(self) -> int:
        return sum(self.follow_ups_done_by.values())

    def as_json(self) -> dict[str, Any]:
        return {
            "absence": self.absence.as_json(),
            "impulses_arrived": self.impulses_arrived,
            "impulses_handled": self.impulses_handled,
            "impulses_handled_by": self.impulses_handled_by,
            "impulses_still_open": self.impulses_still_open,
            "follow_ups_done": self.follow_ups_done,
            "follow_ups_done_by": self.follow_ups_done_by,
            "events": self.events,
            "events_by": self.events_by,
        }

    def text_sv(self) -> str:
        """One paragraph for the returning caseworker (signatures only, no names)."""
        a = self.absence

        def by(counts: dict[str, int]) -> str:
            if not counts:
                return ""
            parts = ", ".join(f"{who} {n}" for who, n in sorted(counts.items()))
            return f" ({parts})"

        return (
            f"Medan {a.caseworker} var borta {a.from_date.isoformat()}–{a.to_date.isoformat()} "
            f"(täckt av {a.covered_by}): "
            f"{_n(self.impulses_arrived, 'ny impuls', 'nya impulser')}, "
            f"{self.impulses_handled} hanterade{by(self.impulses_handled_by)}, "
            f"{self.impulses_still_open} av de nya väntar fortfarande; "
            f"{_n(self.follow_ups_done, 'bevakning klar', 'bevakningar klara')}"
            f"{by(self.follow_ups_done_by)}; "
            f"{_n(self.events, 'händelse', 'händelser')} i ärendena."
        )


def _n(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _summarise(conn: sqlite3.Connection, absence: Absence) -> AbsenceSummary:
    lo = utc_iso(start_of_day_utc(absence.from_date))
    hi = utc_iso(start_of_day_utc(absence.to_date + timedelta(days=1)))
    cases = "SELECT id FROM cases WHERE caseworker_id = ?"
    cw = absence.caseworker_id
    arrived, still_open = conn.execute(
        f"SELECT count(*), coalesce(sum(outcome IS NULL), 0) FROM impulses "
        f"WHERE case_id IN ({cases}) AND received_at >= ? AND received_at < ?",
        (cw, lo, hi),
    ).fetchone()
    handled = {
        who or "okänd": n
        for who, n in conn.execute(
            f"SELECT outcome_by, count(*) FROM impulses WHERE case_id IN ({cases}) "
            f"AND outcome_at >= ? AND outcome_at < ? GROUP BY outcome_by",
            (cw, lo, hi),
        ).fetchall()
    }
    events_by: Counter[str] = Counter()
    done_by: Counter[str] = Counter()
    for kind, who, n in conn.execute(
        f"SELECT kind, actor, count(*) FROM events WHERE case_id IN ({cases}) "
        f"AND at >= ? AND at < ? GROUP BY kind, actor",
        (cw, lo, hi),
    ).fetchall():
        events_by[who or "okänd"] += n
        if kind == "follow_up.done":
            done_by[who or "okänd"] += n
    return AbsenceSummary(
        absence, int(arrived), dict(sorted(handled.items())), int(still_open),
        dict(sorted(done_by.items())), sum(events_by.values()), dict(sorted(events_by.items())),
    )  # fmt: skip


def end_absences(conn: sqlite3.Connection, on: date, clock: Clock) -> list[AbsenceSummary]:
    """End every absence whose last day is before ``on`` and not yet handed back: write one
    ``cover.ended`` event with the summary and set ``ended_at``. Idempotent."""
    now = utc_iso(clock.now())
    summaries = []
    with transaction(conn):
        rows = conn.execute(
            f"{_SELECT} WHERE a.to_date < ? AND a.ended_at IS NULL ORDER BY a.to_date, a.id",
            (on.isoformat(),),
        ).fetchall()
        for row in rows:
            absence = _absence(row)
            summary = _summarise(conn, absence)
            conn.execute("UPDATE absences SET ended_at = ? WHERE id = ?", (now, absence.id))
            queries.append_event(
                conn, case_id=None, at=now, actor=SYSTEM_ACTOR, kind="cover.ended",
                detail={"absence_id": absence.id, **summary.as_json()},
            )  # fmt: skip
            summaries.append(summary)
    return summaries


def summaries_for(
    conn: sqlite3.Connection, caseworker: Caseworker, *, limit: int = 10
) -> list[dict[str, Any]]:
    """The summaries handed back to ``caseworker`` after their absences, newest first (the
    ``cover.ended`` events' details), for the window to show on their return."""
    rows = conn.execute(
        "SELECT at, detail FROM events WHERE case_id IS NULL AND kind = 'cover.ended' "
        "AND json_extract(detail, '$.absence.caseworker') = ? ORDER BY at DESC, id DESC LIMIT ?",
        (caseworker.ext_id, limit),
    ).fetchall()
    return [{"at": r[0], **json.loads(r[1])} for r in rows]
