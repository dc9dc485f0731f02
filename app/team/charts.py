"""The team tab's charts: cases per phase, the coming milestone weeks and impulse inflow."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from app.base.bulk import paused_gc
from app.base.clock import local_date_of, start_of_day_utc, utc_iso

# The rule behind case_states()["waiting_for_coordination"], asked alone: case_states would
# also work out the overdue and milestone states, which the team pass does its own way.
from app.team.digest import Ahead, milestones_of, team_loads
from app.team.rules import UNASSIGNED_SV, team_rules
from app.team.table import TeamTable, _table, phase_counts

# -- charts ----------------------------------------------------------------------------------


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True, slots=True)
class MilestoneForecast:
    """Milestones per ISO week per caseworker, from the week of ``on`` (only dates from
    ``on`` on). ``counts[signature][i]`` is week ``weeks[i]``; ``cases`` has the case ids."""

    on: date
    weeks: list[tuple[int, int, date]]  # (ISO year, ISO week, Monday)
    counts: dict[str, list[int]]
    totals: list[int]
    by_key: dict[str, list[int]]
    cases: dict[tuple[str, int], list[int]]

    def as_json(self) -> dict[str, Any]:
        return {
            "on": self.on.isoformat(),
            "weeks": [
                {"year": y, "week": w, "monday": m.isoformat(), "label": f"v{w}"}
                for y, w, m in self.weeks
            ],
            "caseworkers": self.counts,
            "totals": self.totals,
            "by_milestone": self.by_key,
        }


def _forecast(
    conn: sqlite3.Connection, on: date, ahead: list[Ahead], weeks: int
) -> MilestoneForecast:
    """The milestone forecast from the cases' milestones ahead."""
    first = _monday(on)
    last = first + timedelta(days=7 * weeks - 1)
    on_ord, first_ord = on.toordinal(), first.toordinal()
    horizon = (last - on).days
    owners = _signatures(conn)
    counts: dict[str, list[int]] = {}
    by_key: dict[str, list[int]] = {}
    cases: dict[tuple[str, int], list[int]] = defaultdict(list)
    totals = [0] * weeks
    for case_id, caseworker_id, keys, ords in ahead:
        who = owners.get(caseworker_id, UNASSIGNED_SV)  # type: ignore[arg-type]
        for key, ordinal in milestones_of(keys, ords):
            if not 0 <= ordinal - on_ord <= horizon:
                continue
            week = (ordinal - first_ord) // 7
            row = counts.get(who)
            if row is None:
                row = counts[who] = [0] * weeks
            row[week] += 1
            totals[week] += 1
            key_row = by_key.get(key)
            if key_row is None:
                key_row = by_key[key] = [0] * weeks
            key_row[week] += 1
            ids = cases[(who, week)]
            if not ids or ids[-1] != case_id:
                ids.append(case_id)
    week_list = []
    for i in range(weeks):
        monday = first + timedelta(days=7 * i)
        year, number, _weekday = monday.isocalendar()
        week_list.append((year, number, monday))
    return MilestoneForecast(on, week_list, dict(sorted(counts.items())), totals,
                             by_key, dict(cases))  # fmt: skip


def _forecast_horizon(on: date, weeks: int) -> int:
    return (_monday(on) + timedelta(days=7 * weeks - 1) - on).days


def milestone_forecast(
    conn: sqlite3.Connection,
    on: date,
    weeks: int = 8,
    *,
    caseworker_ids: Iterable[int] | None = None,
) -> MilestoneForecast:
    """Per caseworker and ISO week, how many milestones (day 30/60/90/180/181/240/364/365/550,
    those of the chain that apply) fall due: the coming peaks of milestone work."""
    ids = None if caseworker_ids is None else list(caseworker_ids)
    horizon = _forecast_horizon(on, weeks)
    with paused_gc():
        ahead = team_loads(conn, on, caseworker_ids=ids, ahead_days=horizon)[1]
        return _forecast(conn, on, ahead, weeks)


def _signatures(conn: sqlite3.Connection) -> dict[int, str]:
    return {r[0]: r[1] for r in conn.execute("SELECT id, ext_id FROM caseworkers").fetchall()}


@dataclass(frozen=True, slots=True)
class ImpulseInflow:
    """Impulses received per day (Stockholm dates), oldest day first."""

    days: list[date]
    totals: list[int]
    by_caseworker: dict[str, list[int]]

    def as_json(self) -> dict[str, Any]:
        return {
            "days": [d.isoformat() for d in self.days],
            "totals": self.totals,
            "caseworkers": self.by_caseworker,
        }


def impulse_inflow(
    conn: sqlite3.Connection,
    on: date,
    days: int = 30,
    *,
    caseworker_ids: Iterable[int] | None = None,
) -> ImpulseInflow:
    """Impulses received on each of the ``days`` days ending with ``on`` (handled or not,
    on open or closed cases), in total and per the case's current caseworker."""
    first = on - timedelta(days=days - 1)
    wanted = None if caseworker_ids is None else set(caseworker_ids)
    owners = _signatures(conn)
    cur = conn.cursor()
    cur.row_factory = None
    rows = cur.execute(
        "SELECT i.received_at, c.caseworker_id FROM impulses i JOIN cases c ON c.id = i.case_id "
        "WHERE i.received_at >= ? AND i.received_at < ?",
        (utc_iso(start_of_day_utc(first)), utc_iso(start_of_day_utc(on + timedelta(days=1)))),
    ).fetchall()
    totals = [0] * days
    by_cw: dict[str, list[int]] = {}
    first_ord = first.toordinal()
    for received_at, cw_id in rows:
        if wanted is not None and cw_id not in wanted:
            continue
        index = local_date_of(received_at).toordinal() - first_ord
        if not 0 <= index < days:
            continue
        totals[index] += 1
        who = owners.get(cw_id, UNASSIGNED_SV)
        row = by_cw.get(who)
        if row is None:
            row = by_cw[who] = [0] * days
        row[index] += 1
    return ImpulseInflow(
        [first + timedelta(days=i) for i in range(days)], totals, dict(sorted(by_cw.items()))
    )


@dataclass(frozen=True, slots=True)
class TeamView:
    """What the Team tab shows, from one load: the table and the three charts' data."""

    table: TeamTable
    forecast: MilestoneForecast
    inflow: ImpulseInflow

    @property
    def phases(self) -> dict[str, dict[str, int]]:
        return phase_counts(self.table)


def team_view(
    conn: sqlite3.Connection,
    on: date,
    *,
    caseworker_ids: Iterable[int] | None = None,
    weeks: int = 8,
    inflow_days: int = 30,
    store: bool = True,
) -> TeamView:
    """The table, the phase chart, the milestone forecast and the impulse inflow in one go
    (one read of the case digests shared by the table and the forecast)."""
    ids = None if caseworker_ids is None else list(caseworker_ids)
    with paused_gc():
        horizon = _forecast_horizon(on, weeks)
        loads, ahead = team_loads(conn, on, caseworker_ids=ids, ahead_days=horizon, store=store)
        table = _table(conn, on, loads, team_rules(), ids)
        forecast = _forecast(conn, on, ahead, weeks)
        del loads, ahead  # freed before the collector runs again: little left for it to scan
        return TeamView(table, forecast, impulse_inflow(conn, on, inflow_days, caseworker_ids=ids))
