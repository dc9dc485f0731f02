"""Cover for absent colleagues: routing to the coverer, attribution, the end date, and the
summary handed back when the absence ends."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime, time, timedelta

import pytest

from app.base.clock import STOCKHOLM, FixedClock
from app.base.errors import InvalidInputError
from app.case.inbox import record_outcome
from app.followups.store import done_follow_up
from app.priority.profile import resolve_caseworker
from app.team.cover import (
    absences_on,
    active_cover,
    cover_items,
    cover_today,
    covered_caseworker_ids,
    end_absences,
    mark_absent,
    summaries_for,
)
from app.team.table import team_table, visible_caseworker_ids
from tests.builders import StockBuilder

ON = date(2026, 11, 23)
FROM = ON - timedelta(days=2)
TO = ON + timedelta(days=2)


def at(day: date, hour: int = 10) -> FixedClock:
    return FixedClock(datetime.combine(day, time(hour), tzinfo=STOCKHOLM))


@pytest.fixture
def office(conn: sqlite3.Connection, stock: StockBuilder) -> dict[str, int]:
    """Anna (hl01) has two cases with impulses and follow-ups; Bo (hl02) covers for her."""
    stock.caseworker("hl01", "Anna Andersson")
    stock.caseworker("hl02", "Bo Berg")
    stock.caseworker("hl03", "Cilla Carlsson")
    stock.caseworker("lead01", "Lena Ledare", role="lead")
    ids: dict[str, int] = {}
    ids["c1"] = stock.case("A1", start=ON - timedelta(days=60), caseworker="hl01")
    ids["c2"] = stock.case("A2", start=ON - timedelta(days=20), caseworker="hl01")
    ids["b1"] = stock.case("B1", start=ON - timedelta(days=20), caseworker="hl02")
    ids["old"] = stock.impulse(ids["c1"], ON - timedelta(days=5))  # before the absence
    ids["new"] = stock.impulse(ids["c1"], ON - timedelta(days=1))  # during it
    ids["handled"] = stock.impulse(ids["c2"], ON - timedelta(days=1), outcome="acted")
    ids["bo_own"] = stock.impulse(ids["b1"], ON - timedelta(days=1))
    ids["fu_due"] = stock.follow_up(ids["c2"], ON - timedelta(days=1))
    ids["fu_later"] = stock.follow_up(ids["c2"], ON + timedelta(days=3))
    ids["fu_snoozed"] = stock.follow_up(
        ids["c1"], ON - timedelta(days=2), snoozed_until=ON + timedelta(days=1)
    )
    return ids


def cw(conn: sqlite3.Connection, ext_id: str):
    return resolve_caseworker(conn, ext_id)


def test_cover_routes_new_impulses_and_due_follow_ups(
    conn: sqlite3.Connection, office: dict[str, int]
) -> None:
    lead, bo = cw(conn, "lead01"), cw(conn, "hl02")
    absence = mark_absent(conn, "hl01", "hl02", FROM, TO, lead, at(FROM, 8))
    assert absence.tag == "Täcker för Anna Andersson"
    items = cover_items(conn, bo, ON)
    assert [i.item.id for i in items.impulses] == [office["new"]]  # not the older, not handled
    assert [f.follow_up.id for f in items.follow_ups] == [office["fu_due"]]
    assert {i.tag for i in items.impulses} | {f.tag for f in items.follow_ups} == {
        "Täcker för Anna Andersson"
    }
    assert items.case_ids == [office["c1"], office["c2"]]
    # Nothing moved: Anna still owns her cases, and Cilla covers nobody.
    assert cover_items(conn, cw(conn, "hl03"), ON).impulses == []
    owners = {
        r[0] for r in conn.execute("SELECT caseworker_id FROM cases WHERE case_ref LIKE 'A%'")
    }
    assert owners == {cw(conn, "hl01").id}


def test_cover_today_ranks_the_covered_cases(
    conn: sqlite3.Connection, office: dict[str, int]
) -> None:
    mark_absent(conn, "hl01", "hl02", FROM, TO, cw(conn, "lead01"), at(FROM, 8))
    ranked = cover_today(conn, cw(conn, "hl02"), ON)
    assert {item.facts.case_ref for item, _a in ranked} == {"A1", "A2"}
    assert all(a.caseworker == "hl01" for _i, a in ranked)
    scores = [item.score.total for item, _a in ranked]
    assert scores == sorted(scores, reverse=True)


def test_cover_ends_by_itself_at_the_end_date(
    conn: sqlite3.Connection, office: dict[str, int]
) -> None:
    mark_absent(conn, "hl01", "hl02", FROM, TO, cw(conn, "lead01"), at(FROM, 8))
    bo = cw(conn, "hl02")
    anna_id = cw(conn, "hl01").id
    assert covered_caseworker_ids(conn, bo, FROM - timedelta(days=1)) == []
    assert covered_caseworker_ids(conn, bo, FROM) == [anna_id]
    assert covered_caseworker_ids(conn, bo, TO) == [anna_id]
    assert covered_caseworker_ids(conn, bo, TO + timedelta(days=1)) == []
    assert list(active_cover(conn, ON)) == [bo.id]
    after = cover_items(conn, bo, TO + timedelta(days=1))
    assert after.impulses == [] and after.follow_ups == []
    assert absences_on(conn, TO + timedelta(days=1)) == []


def test_outcomes_recorded_by_the_coverer_are_theirs(
    conn: sqlite3.Connection, office: dict[str, int]
) -> None:
    mark_absent(conn, "hl01", "hl02", FROM, TO, cw(conn, "lead01"), at(FROM, 8))
    bo = cw(conn, "hl02")
    record_outcome(conn, [office["new"]], "acted", "Ringde vården", bo, at(ON))
    done_follow_up(conn, office["fu_due"], bo, at(ON, 11))
    assert (
        conn.execute("SELECT outcome_by FROM impulses WHERE id = ?", (office["new"],)).fetchone()[0]
        == "hl02"
    )
    actors = {
        (kind, actor)
        for kind, actor in conn.execute(
            "SELECT kind, actor FROM events WHERE kind IN ('impulse.outcome', 'follow_up.done')"
        )
    }
    assert actors == {("impulse.outcome", "hl02"), ("follow_up.done", "hl02")}
    # Handled items leave the coverer's list.
    items = cover_items(conn, bo, ON, now=at(ON, 12).now())
    assert items.impulses == [] and items.follow_ups == []


def test_end_absences_hands_back_one_summary(
    conn: sqlite3.Connection, stock: StockBuilder, office: dict[str, int]
) -> None:
    mark_absent(conn, "hl01", "hl02", FROM, TO, cw(conn, "lead01"), at(FROM, 8))
    bo = cw(conn, "hl02")
    record_outcome(conn, [office["new"]], "acted", "Ringde vården", bo, at(ON))
    done_follow_up(conn, office["fu_due"], bo, at(ON, 11))
    stock.impulse(office["c2"], TO)  # arrives on the last day, nobody handles it
    assert end_absences(conn, TO, at(TO)) == []  # not over yet
    summaries = end_absences(conn, TO + timedelta(days=1), at(TO + timedelta(days=1), 7))
    assert len(summaries) == 1
    s = summaries[0]
    # Arrived in the absence: "new" (handled by Bo), "handled" (stored with an outcome but no
    # outcome time), and the one on the last day (still open).
    assert s.impulses_arrived == 3
    assert s.impulses_handled_by == {"hl02": 1}
    assert s.impulses_still_open == 1
    assert s.follow_ups_done_by == {"hl02": 1}
    assert s.events == 2  # the outcome and the follow-up done
    assert s.events_by == {"hl02": 2}
    assert "hl01" in s.text_sv() and "Anna" not in s.text_sv()
    ended = conn.execute("SELECT ended_at FROM absences").fetchone()[0]
    assert ended is not None
    rows = conn.execute(
        "SELECT case_id, actor, detail FROM events WHERE kind = 'cover.ended'"
    ).fetchall()
    assert len(rows) == 1  # one event, not a flood
    assert rows[0][0] is None and rows[0][1] == "system"
    assert json.loads(rows[0][2])["impulses_arrived"] == 3
    # Idempotent, and readable for the returning caseworker.
    assert end_absences(conn, TO + timedelta(days=2), at(TO + timedelta(days=2))) == []
    back = summaries_for(conn, cw(conn, "hl01"))
    assert len(back) == 1 and back[0]["follow_ups_done"] == 1
    assert summaries_for(conn, bo) == []


def test_mark_absent_refuses_what_cannot_be(
    conn: sqlite3.Connection, office: dict[str, int]
) -> None:
    lead = cw(conn, "lead01")
    clock = at(FROM, 8)
    with pytest.raises(InvalidInputError, match="före"):
        mark_absent(conn, "hl01", "hl02", TO, FROM, lead, clock)
    with pytest.raises(InvalidInputError, match="sig själv"):
        mark_absent(conn, "hl01", "hl01", FROM, TO, lead, clock)
    with pytest.raises(InvalidInputError, match="gruppchef"):
        mark_absent(conn, "lead01", "hl02", FROM, TO, lead, clock)
    with pytest.raises(InvalidInputError, match="Bara gruppchefen"):
        mark_absent(conn, "hl01", "hl02", FROM, TO, cw(conn, "hl03"), clock)
    mark_absent(conn, "hl01", "hl02", FROM, TO, cw(conn, "hl01"), clock)  # one's own: fine
    with pytest.raises(InvalidInputError, match="överlappar"):
        mark_absent(conn, "hl01", "hl03", TO, TO + timedelta(days=3), lead, clock)
    with pytest.raises(InvalidInputError, match="själv frånvarande"):
        mark_absent(conn, "hl03", "hl01", ON, ON, lead, clock)
    with pytest.raises(InvalidInputError, match="täcker för hl01"):
        mark_absent(conn, "hl02", "hl03", ON, ON, lead, clock)
    assert conn.execute("SELECT count(*) FROM absences").fetchone()[0] == 1
    started = conn.execute("SELECT actor FROM events WHERE kind = 'cover.started'").fetchall()
    assert [r[0] for r in started] == ["hl01"]


def test_team_row_shows_the_absence_and_the_coverer_sees_both_rows(
    conn: sqlite3.Connection, office: dict[str, int]
) -> None:
    mark_absent(conn, "hl01", "hl02", FROM, TO, cw(conn, "lead01"), at(FROM, 8))
    row = team_table(conn, ON).row("hl01")
    assert row.absent is not None
    assert (row.absent.until, row.absent.covered_by) == (TO, "hl02")
    assert team_table(conn, ON).row("hl02").absent is None
    bo = cw(conn, "hl02")
    assert visible_caseworker_ids(conn, bo, ON) == [bo.id, cw(conn, "hl01").id]
    assert visible_caseworker_ids(conn, bo, TO + timedelta(days=1)) == [bo.id]
    assert visible_caseworker_ids(conn, cw(conn, "lead01"), ON) is None


def test_cli_cover_and_absences(run_cli, office: dict[str, int]) -> None:
    result = run_cli(
        "cover", "hl01", "--by", "hl02", "--from", FROM.isoformat(), "--to", TO.isoformat(),
        "--as", "lead01", "--json",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.json()["absence"] == {
        "id": 1, "caseworker": "hl01", "covered_by": "hl02", "from": FROM.isoformat(),
        "to": TO.isoformat(), "ended_at": None, "reason": None,
    }  # fmt: skip
    listed = run_cli("absences", "--on", ON.isoformat(), "--json").json()
    assert [a["active"] for a in listed["absences"]] == [True]
    closed = run_cli(
        "absences", "--on", (TO + timedelta(days=1)).isoformat(), "--close", "--json"
    ).json()
    assert len(closed["ended"]) == 1
    assert closed["absences"] == []
    refused = run_cli(
        "cover", "hl01", "--by", "hl01", "--from", FROM.isoformat(), "--to", TO.isoformat(),
        "--as", "lead01",
    )  # fmt: skip
    assert refused.exit_code == 2
    assert refused.stderr.startswith("overblick: ") and refused.stderr.count("\n") == 1
