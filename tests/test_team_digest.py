"""The stored team digest: reading it gives exactly what a fresh pass over the cases gives,
day after day and after every kind of change, and a stale or foreign digest is never read."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from app.demo.generator import build_demo
from app.priority.score import requirement_met
from app.team.charts import milestone_forecast, team_view
from app.team.digest import scan_team, team_loads
from app.team.rules import FAR_DAYS, NEAR_DAYS
from app.team.table import team_table
from db import BUSY_TIMEOUT_MS, open_db, transaction

ON = date(2026, 11, 23)


def milestones_within(f, horizon: int) -> list:
    """The definition, asked of the chain directly: a running chain's milestones within
    ``horizon`` days whose required position is not recorded."""
    return [
        m
        for m in f.chain.milestones
        if f.chain.active
        and 0 <= m.days_left <= horizon
        and not (m.requires and requirement_met(f, m.requires))
    ]


def fresh_figures(conn: sqlite3.Connection, on: date) -> dict[int | None, tuple]:
    """Every row's numbers and click-through lists, from a pass that reads nothing stored."""
    scan = scan_team(conn, on)
    out: dict[int | None, tuple] = {}
    for f, c in zip(scan.facts, scan.loads, strict=True):
        # The digest's milestone counts agree with asking the chain directly.
        assert c.milestones_28 == len(milestones_within(f, FAR_DAYS))
        assert c.milestones_14 == len(milestones_within(f, NEAR_DAYS))
        out[c.case_id] = c
    return out


def table_figures(conn: sqlite3.Connection, on: date) -> dict[str, tuple]:
    table = team_table(conn, on)
    return {r.ext_id: (r.figures(), r.phases, r.cases) for r in [*table.rows, table.totals]}


def reference_table(conn: sqlite3.Connection, on: date) -> dict[str, tuple]:
    """The same table with every stored digest thrown away first (then worked out fresh)."""
    conn.execute("SAVEPOINT reference")
    conn.execute("DELETE FROM team_digest")
    try:
        return table_figures(conn, on)
    finally:
        conn.execute("ROLLBACK TO reference")
        conn.execute("RELEASE reference")


def stored(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM team_digest").fetchone()[0]


@pytest.fixture
def demo(tmp_path: Path) -> sqlite3.Connection:
    conn = open_db(tmp_path / "team.db")
    build_demo(conn, caseworkers=6, cases_per_caseworker=60, seed=11, today=ON)
    yield conn
    conn.close()


def test_stored_digests_match_a_fresh_pass_every_day_for_half_a_year(demo) -> None:
    # Worked out once and then kept: each day only the cases whose figures could have
    # changed are redone, and the table equals one computed from nothing stored.
    first = team_table(demo, ON)
    assert stored(demo) == first.totals.active_cases
    redone = []
    for offset in range(0, 190, 1):
        day = ON + timedelta(days=offset)
        before = {r[0]: r[1] for r in demo.execute("SELECT case_id, on_ord FROM team_digest")}
        assert table_figures(demo, day) == reference_table(demo, day), day
        after = {r[0]: r[1] for r in demo.execute("SELECT case_id, on_ord FROM team_digest")}
        redone.append(sum(after[k] != before.get(k) for k in after))
    # Most days most digests still hold: that is the point of keeping them.
    assert sorted(redone)[len(redone) // 2] < first.totals.active_cases // 5


def test_digests_from_one_day_hold_on_every_later_day_they_claim(demo) -> None:
    # Worked out on ON only (nothing stored later): every digest read on a later day inside
    # its range gives the figures a fresh pass gives that day.
    team_table(demo, ON)
    for offset in range(1, 200, 3):
        day = ON + timedelta(days=offset)
        loads, _ahead = team_loads(demo, day, store=False)
        assert {c.case_id: c for c in loads} == fresh_figures(demo, day), day
    held = demo.execute(
        "SELECT count(*) FROM team_digest WHERE until_ord >= ?", ((ON + timedelta(30)).toordinal(),)
    ).fetchone()[0]
    assert held > 0  # (some digests did hold a month: the loop above read them)


def test_per_case_figures_equal_the_fresh_pass(demo) -> None:
    team_table(demo, ON)
    day = ON + timedelta(days=10)
    fresh = fresh_figures(demo, day)
    loads, ahead = team_loads(demo, day)
    assert {c.case_id: c for c in loads} == fresh
    # Every case with a milestone within 28 days is among those handed to the forecast.
    near = {c.case_id for c in loads if c.milestones_28}
    assert near <= {case_id for case_id, *_ in ahead}


def test_forecast_from_stored_digests_equals_a_fresh_one(demo) -> None:
    team_view(demo, ON)
    day = ON + timedelta(days=17)
    from_store = milestone_forecast(demo, day)
    demo.execute("DELETE FROM team_digest")
    assert from_store == milestone_forecast(demo, day, weeks=8)
    # Looking further ahead than the digests keep works out the milestones for that call.
    far = milestone_forecast(demo, day, weeks=12)
    assert far.totals[:8] == from_store.totals


def _one_case(conn: sqlite3.Connection, having: str = "1") -> int:
    """An open case with a stored digest (and, with ``having``, something to change)."""
    return conn.execute(
        "SELECT c.id FROM cases c JOIN team_digest d ON d.case_id = c.id "
        f"WHERE c.status = 'open' AND {having} ORDER BY c.id LIMIT 1"
    ).fetchone()[0]


HAS = {
    "an impulse handled": "EXISTS (SELECT 1 FROM impulses i WHERE i.case_id = c.id "
    "AND i.outcome IS NULL)",
    "a follow-up removed": "EXISTS (SELECT 1 FROM follow_ups f WHERE f.case_id = c.id)",
    "a period changed": "EXISTS (SELECT 1 FROM sick_periods p WHERE p.case_id = c.id)",
}


CHANGES = {
    "a new impulse": "INSERT INTO impulses (case_id, type, received_at, text) "
    "VALUES (:id, 'message', '2026-11-20T08:00:00+00:00', 'x')",
    "an impulse handled": "UPDATE impulses SET outcome = 'acted' WHERE case_id = :id",
    "a follow-up": "INSERT INTO follow_ups (case_id, due_at, kind, state, origin, note) "
    "VALUES (:id, '2026-11-01T08:00:00+00:00', 'other', 'open', 'personal', 'x')",
    "a follow-up removed": "DELETE FROM follow_ups WHERE case_id = :id",
    "a sick period": 'INSERT INTO sick_periods (case_id, start, "end") '
    "VALUES (:id, '2026-12-01', NULL)",
    "a period changed": "UPDATE sick_periods SET \"end\" = '2026-11-24' WHERE case_id = :id",
    "the case edited": "UPDATE cases SET os_position = 'ÖS' WHERE id = :id",
    "the case reassigned": "UPDATE cases SET caseworker_id = "
    "(SELECT max(id) FROM caseworkers) WHERE id = :id",
}


@pytest.mark.parametrize("change", CHANGES)
def test_any_change_to_a_case_drops_its_digest(demo, change: str) -> None:
    team_table(demo, ON)
    case_id = _one_case(demo, HAS.get(change, "1"))
    with transaction(demo):
        assert demo.execute(CHANGES[change], {"id": case_id}).rowcount > 0
    assert (
        demo.execute("SELECT count(*) FROM team_digest WHERE case_id = ?", (case_id,)).fetchone()[0]
        == 0
    )
    assert table_figures(demo, ON) == reference_table(demo, ON)


def test_closed_or_deleted_cases_leave_the_table(demo) -> None:
    team_table(demo, ON)
    case_id = _one_case(demo)
    with transaction(demo):
        demo.execute("UPDATE cases SET status = 'closed' WHERE id = ?", (case_id,))
    table = team_table(demo, ON)
    assert case_id not in table.totals.cases["active_cases"]


def test_other_rules_mean_every_digest_is_redone(demo, monkeypatch) -> None:
    team_table(demo, ON)
    demo.execute("UPDATE team_digest SET impulses = impulses + 100")  # as if other rules
    import app.team.digest as team

    monkeypatch.setattr(team, "_digest_fingerprint", lambda: "other rules")
    assert table_figures(demo, ON) == reference_table(demo, ON)
    assert demo.execute("SELECT max(impulses) FROM team_digest").fetchone()[0] < 100


def test_a_clock_that_goes_back_is_worked_out_again(demo) -> None:
    later = ON + timedelta(days=40)
    team_table(demo, later)
    assert table_figures(demo, ON) == reference_table(demo, ON)


def test_a_locked_database_still_gives_the_table(demo, tmp_path: Path) -> None:
    # Another program holds the write lock: nothing is stored, the table is still right.
    other = sqlite3.connect(tmp_path / "team.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        table = team_table(demo, ON)
        assert stored(demo) == 0
    finally:
        other.execute("ROLLBACK")
        other.close()
    # The short wait for a lock was only for that store: the connection waits as before.
    assert demo.execute("PRAGMA busy_timeout").fetchone()[0] == BUSY_TIMEOUT_MS
    assert table_figures(demo, ON) == {
        r.ext_id: (r.figures(), r.phases, r.cases) for r in [*table.rows, table.totals]
    }
    assert stored(demo) == table.totals.active_cases


def test_a_refused_commit_of_the_digests_loses_nothing_later(demo, tmp_path: Path) -> None:
    # Rollback-journal mode and another program reading: storing the digests cannot
    # commit. The table is still right, and the next real edit is kept.
    demo.execute("PRAGMA journal_mode = DELETE")
    reader = sqlite3.connect(tmp_path / "team.db", isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM cases").fetchone()
    try:
        table = table_figures(demo, ON)
        assert not demo.in_transaction
    finally:
        reader.execute("COMMIT")
        reader.close()
    assert table == reference_table(demo, ON)
    case_id = demo.execute("SELECT min(id) FROM cases WHERE status = 'open'").fetchone()[0]
    with transaction(demo):
        demo.execute("UPDATE cases SET os_position = 'ÖS-test' WHERE id = ?", (case_id,))
    other = sqlite3.connect(tmp_path / "team.db")
    saved = other.execute("SELECT os_position FROM cases WHERE id = ?", (case_id,)).fetchone()[0]
    other.close()
    assert saved == "ÖS-test"


def test_a_case_row_replaced_under_its_id_drops_its_digest(demo) -> None:
    team_table(demo, ON)
    case_id = _one_case(demo)
    other = demo.execute(
        "SELECT id FROM caseworkers WHERE role != 'lead' AND id != "
        "(SELECT caseworker_id FROM cases WHERE id = ?) LIMIT 1",
        (case_id,),
    ).fetchone()[0]
    row = dict(demo.execute("SELECT * FROM cases WHERE id = ?", (case_id,)).fetchone())
    row["caseworker_id"] = other
    marks = ", ".join("?" * len(row))
    with transaction(demo):
        demo.execute(
            f"INSERT OR REPLACE INTO cases ({', '.join(row)}) VALUES ({marks})", list(row.values())
        )
    assert (
        demo.execute("SELECT count(*) FROM team_digest WHERE case_id = ?", (case_id,)).fetchone()[0]
        == 0
    )
    assert table_figures(demo, ON) == reference_table(demo, ON)


def test_a_report_for_another_day_keeps_todays_digests(demo, tmp_path: Path) -> None:
    from app.team.report import write_team_report

    team_table(demo, ON)
    before = demo.execute("SELECT count(*) FROM team_digest WHERE on_ord = ?",
                          (ON.toordinal(),)).fetchone()[0]  # fmt: skip
    write_team_report(demo, ON + timedelta(days=45), tmp_path / "r.xlsx", store=False)
    after = demo.execute("SELECT count(*) FROM team_digest WHERE on_ord = ?",
                         (ON.toordinal(),)).fetchone()[0]  # fmt: skip
    assert after == before > 0
