"""The lead's team figures on their replica equal those of one database holding everything
(app/team/table.py's table is the oracle): every impulse outcome, follow-up and absence made on a
caseworker's desk reaches the lead."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from app.case.inbox import record_outcome
from app.followups.store import create_follow_up, done_follow_up
from app.priority.profile import resolve_caseworker
from app.team.cover import mark_absent
from app.team.table import team_table
from db import open_db
from tests.teamserver.team import CLOCK, fill_stock, make_team

ON = date(2026, 11, 23)


def _work(conn, who: str, me, suffix: str) -> None:
    """The same day's work, done on a desk (or on the oracle)."""
    impulses = [r[0] for r in conn.execute(
        "SELECT i.id FROM impulses i JOIN cases c ON c.id = i.case_id WHERE c.case_ref IN (?, ?) "
        "ORDER BY c.case_ref", (f"{who}0-{suffix}", f"{who}1-{suffix}"))]  # fmt: skip
    record_outcome(conn, impulses, "acted", "ringt", me, CLOCK)
    overdue = create_follow_up(conn, f"{who}2-{suffix}", me, datetime(2026, 11, 10, 8, tzinfo=UTC),
                               CLOCK, note="försenad")  # fmt: skip
    if who == "B":
        done_follow_up(conn, overdue.id, me, CLOCK, "klart")


def _figures(conn) -> dict:
    table = team_table(conn, ON, store=False)
    out = {}
    for row in [*table.rows, table.totals]:
        refs = {k: sorted(table.case_refs[i] for i in ids) for k, ids in row.cases.items()}
        absent = None if row.absent is None else (row.absent.until, row.absent.covered_by)
        out[row.ext_id] = (row.figures(), dict(row.phases), refs, absent)
    return out


def test_the_leads_replica_shows_the_figures_of_one_database_holding_everything(
    pg_db, tmp_path: Path
) -> None:
    team = make_team(pg_db, tmp_path, cases_each=6)
    oracle = open_db(tmp_path / "oracle.db")
    fill_stock(oracle, team, 6)
    for who in "AB":
        _work(team.conn(who), who, team.me(who), pg_db.suffix)
        _work(oracle, who, resolve_caseworker(oracle, team.sig(who)), pg_db.suffix)
        assert team.sync(who).refused == 0
    for conn in (team.conn("L"), oracle):
        lead = resolve_caseworker(conn, team.sig("L"))
        mark_absent(conn, team.sig("B"), team.sig("A"), date(2026, 11, 20), date(2026, 11, 30),
                    lead, CLOCK)  # fmt: skip
    assert team.sync("L").refused == 0
    assert _figures(team.conn("L")) == _figures(oracle)
    # and the absence reached the caseworkers' desks too
    team.sync("A")
    assert team.conn("A").execute("SELECT count(*) FROM absences").fetchone()[0] == 1
    oracle.close()
    team.close()
