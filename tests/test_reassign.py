"""Reassignment (events, inherited follow-ups, plans, reminders) and the balancing proposal."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime, time, timedelta

import pytest

from app.base.clock import STOCKHOLM, FixedClock, utc_iso
from app.base.errors import InvalidInputError, NotFoundError
from app.followups.reminders import due_reminders
from app.followups.store import list_follow_ups
from app.priority.profile import resolve_caseworker
from app.team.cover import mark_absent
from app.team.reassign import apply_moves, propose_balance, reassign, reassign_stock
from db import transaction
from tests.builders import StockBuilder

ON = date(2026, 11, 23)
CLOCK = FixedClock(datetime.combine(ON, time(9), tzinfo=STOCKHOLM))
NOW = CLOCK.now()


def cw(conn: sqlite3.Connection, ext_id: str):
    return resolve_caseworker(conn, ext_id)


def owned_follow_up(
    conn: sqlite3.Connection,
    case_id: int,
    owner: int | None,
    due: date,
    *,
    origin: str = "personal",
    state: str = "open",
    **extra: object,
) -> int:
    cols = {
        "case_id": case_id, "owner_id": owner, "kind": "insured", "origin": origin,
        "state": state, "due_at": utc_iso(datetime.combine(due, time(8), tzinfo=STOCKHOLM)),
        **extra,
    }  # fmt: skip
    marks = ", ".join("?" for _ in cols)
    with transaction(conn):
        return conn.execute(
            f"INSERT INTO follow_ups({', '.join(cols)}) VALUES ({marks})", tuple(cols.values())
        ).lastrowid


@pytest.fixture
def two(conn: sqlite3.Connection, stock: StockBuilder) -> dict[str, int]:
    stock.caseworker("hl01", "Anna Andersson")
    stock.caseworker("hl02", "Bo Berg")
    stock.caseworker("lead01", "Lena Ledare", role="lead")
    anna = stock.caseworkers["hl01"]
    ids = {
        "c1": stock.case("A1", start=ON - timedelta(days=80), caseworker="hl01"),
        "c2": stock.case("A2", start=ON - timedelta(days=170), caseworker="hl01"),
        "c3": stock.case("A3", start=ON - timedelta(days=20), caseworker="hl01"),
    }
    ids["fu_open"] = owned_follow_up(conn, ids["c1"], anna, ON - timedelta(days=1))
    ids["fu_done"] = owned_follow_up(conn, ids["c1"], anna, ON - timedelta(days=9), state="done")
    ids["fu_deleted"] = owned_follow_up(
        conn, ids["c1"], anna, ON, state="dismissed", deleted_at=utc_iso(NOW)
    )
    ids["fu_standard"] = owned_follow_up(
        conn, ids["c2"], None, ON - timedelta(days=1), origin="standard", milestone_key="day_180",
        lead_days=14,
    )  # fmt: skip
    with transaction(conn):  # Anna's reminder already showed
        conn.execute(
            "UPDATE follow_ups SET fired_at = ? WHERE id = ?", (utc_iso(NOW), ids["fu_open"])
        )
    stock.plan(ids["c1"], ON + timedelta(days=1), caseworker="hl01")
    return ids


def test_reassign_moves_cases_follow_ups_and_plans(
    conn: sqlite3.Connection, two: dict[str, int]
) -> None:
    lead, anna, bo = cw(conn, "lead01"), cw(conn, "hl01"), cw(conn, "hl02")
    assert [r.follow_up_id for r in due_reminders(conn, NOW, anna)] != []
    moved = reassign(conn, ["A1", "A2"], "hl02", "Anna går ner i tid", lead, CLOCK)
    assert moved == 2
    owners = dict(conn.execute("SELECT case_ref, caseworker_id FROM cases").fetchall())
    assert owners == {"A1": bo.id, "A2": bo.id, "A3": anna.id}
    follow = {
        r[0]: (r[1], r[2], r[3])
        for r in conn.execute("SELECT id, owner_id, inherited, fired_at FROM follow_ups")
    }
    assert follow[two["fu_open"]] == (bo.id, 1, None)  # inherited, reminder unfired again
    assert follow[two["fu_done"]] == (anna.id, 0, None)  # history stays as it was
    assert follow[two["fu_deleted"]][:2] == (anna.id, 0)
    assert follow[two["fu_standard"]][:2] == (None, 0)  # follows the case by itself
    assert conn.execute("SELECT count(*) FROM planned_dates").fetchone()[0] == 0
    events = conn.execute(
        "SELECT case_id, actor, detail FROM events WHERE kind = 'case.reassigned' ORDER BY id"
    ).fetchall()
    assert [(e[0], e[1]) for e in events] == [(two["c1"], "lead01"), (two["c2"], "lead01")]
    first = json.loads(events[0][2])
    assert first == {
        "from": "hl01", "to": "hl02", "reason": "Anna går ner i tid",
        "follow_ups_moved": [two["fu_open"]],
        "plan_removed": (ON + timedelta(days=1)).isoformat(),
        "handover_id": first["handover_id"], "from_unit": None, "to_unit": None,
    }  # fmt: skip
    assert first["handover_id"] is not None
    # Reminders are selected by owner: Anna no longer gets them, Bo does.
    assert due_reminders(conn, NOW, anna) == []
    assert {r.follow_up_id for r in due_reminders(conn, NOW, bo)} == {
        two["fu_open"], two["fu_standard"]
    }  # fmt: skip
    assert {f.id for f in list_follow_ups(conn, bo, NOW)} == {
        two["fu_open"], two["fu_standard"]
    }  # fmt: skip


def test_reassign_to_the_current_caseworker_changes_nothing(
    conn: sqlite3.Connection, two: dict[str, int]
) -> None:
    assert reassign(conn, ["A1", "A1"], "hl01", "Kontroll", cw(conn, "lead01"), CLOCK) == 0
    assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == 0


def test_reassign_is_all_or_nothing(conn: sqlite3.Connection, two: dict[str, int]) -> None:
    with pytest.raises(NotFoundError, match="X9"):
        reassign(conn, ["A1", "X9"], "hl02", "Skäl", cw(conn, "lead01"), CLOCK)
    assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == 0
    anna = cw(conn, "hl01").id
    assert (
        conn.execute("SELECT caseworker_id FROM cases WHERE case_ref = 'A1'").fetchone()[0] == anna
    )


def test_reassign_refusals(conn: sqlite3.Connection, stock: StockBuilder, two) -> None:
    lead = cw(conn, "lead01")
    with pytest.raises(InvalidInputError, match="gruppchefen"):
        reassign(conn, ["A1"], "hl02", "Skäl", cw(conn, "hl01"), CLOCK)
    with pytest.raises(InvalidInputError, match="skäl"):
        reassign(conn, ["A1"], "hl02", "  ", lead, CLOCK)
    with pytest.raises(InvalidInputError, match="tar inte emot"):
        reassign(conn, ["A1"], "lead01", "Skäl", lead, CLOCK)
    with pytest.raises(NotFoundError):
        reassign(conn, ["A1"], "hl99", "Skäl", lead, CLOCK)
    stock.case("Z1", start=ON - timedelta(days=5), caseworker="hl01", status="closed")
    with pytest.raises(InvalidInputError, match="avslutat"):
        reassign(conn, ["Z1"], "hl02", "Skäl", lead, CLOCK)


def test_reassign_whole_stock(conn: sqlite3.Connection, two: dict[str, int]) -> None:
    assert reassign_stock(conn, "hl01", "hl02", "Slutar", cw(conn, "lead01"), CLOCK) == 3
    details = [
        json.loads(r[0])
        for r in conn.execute("SELECT detail FROM events WHERE kind = 'case.reassigned'")
    ]
    assert len(details) == 3 and all(d["whole_stock"] for d in details)
    assert reassign_stock(conn, "hl01", "hl02", "Slutar", cw(conn, "lead01"), CLOCK) == 0


# -- balancing -------------------------------------------------------------------------------


def uneven(stock: StockBuilder, conn: sqlite3.Connection) -> dict[str, int]:
    """hl01 carries many cases with milestones ahead, hl02 a few, hl03 none."""
    for ext, name in (("hl01", "Anna"), ("hl02", "Bo"), ("hl03", "Cilla")):
        stock.caseworker(ext, name)
    stock.caseworker("lead01", "Lena", role="lead")
    ids = {}
    for n in range(8):  # day 80 + n: day_90 within 28 days (load 1 + 2 = 3 each)
        ids[f"A{n}"] = stock.case(f"A{n}", start=ON - timedelta(days=79 + n), caseworker="hl01")
    ids["B0"] = stock.case("B0", start=ON - timedelta(days=80), caseworker="hl02")
    # Three of Anna's milestone cases must never be proposed:
    ids["P"] = stock.case("P", start=ON - timedelta(days=85), caseworker="hl01")
    stock.plan(ids["P"], ON + timedelta(days=3), caseworker="hl01")
    ids["F"] = stock.case("F", start=ON - timedelta(days=85), caseworker="hl01")
    owned_follow_up(conn, ids["F"], stock.caseworkers["hl01"], ON + timedelta(days=6))
    ids["R"] = stock.case(
        "R", start=ON - timedelta(days=85), caseworker="hl01",
        recovery_until=(ON + timedelta(days=20)).isoformat(),
    )  # fmt: skip
    # and one without milestone work is not worth moving.
    ids["Q"] = stock.case("Q", start=ON - timedelta(days=300), caseworker="hl01", os_position="os")
    return ids


def test_balance_proposal_evens_out_and_spares_planned_cases(
    conn: sqlite3.Connection, stock: StockBuilder
) -> None:
    uneven(stock, conn)
    proposal = propose_balance(conn, ON)
    assert proposal.before == {"hl01": 34.2, "hl02": 3.0, "hl03": 0.0}  # 11 × 3 + 1.2
    assert proposal.moves
    moved = {m.case_ref for m in proposal.moves}
    assert not moved & {"P", "F", "R", "Q"}
    assert all(m.from_caseworker == "hl01" for m in proposal.moves)
    assert proposal.spread_after < proposal.spread_before
    assert proposal.stdev_after < proposal.stdev_before
    assert proposal.spread_after <= 3.0 + 1e-9
    assert sum(proposal.after.values()) == pytest.approx(sum(proposal.before.values()))
    # A proposal moves nothing.
    anna = stock.caseworkers["hl01"]
    assert (
        conn.execute("SELECT count(*) FROM cases WHERE caseworker_id = ?", (anna,)).fetchone()[0]
        == 12
    )
    assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == 0
    assert proposal.moves[0].milestones == ("day_90",)


def test_balance_respects_max_moves_and_absent_receivers(
    conn: sqlite3.Connection, stock: StockBuilder
) -> None:
    uneven(stock, conn)
    assert len(propose_balance(conn, ON, max_moves=2).moves) == 2
    lead = resolve_caseworker(conn, "lead01")
    mark_absent(conn, "hl03", "hl02", ON + timedelta(days=10), ON + timedelta(days=12), lead,
                CLOCK)  # fmt: skip
    proposal = propose_balance(conn, ON)
    assert proposal.moves
    assert {m.to_caseworker for m in proposal.moves} == {"hl02"}


def test_apply_moves_only_when_confirmed_and_current(
    conn: sqlite3.Connection, stock: StockBuilder
) -> None:
    uneven(stock, conn)
    lead = resolve_caseworker(conn, "lead01")
    proposal = propose_balance(conn, ON)
    with pytest.raises(InvalidInputError, match="gruppchefen"):
        apply_moves(conn, proposal.moves, "Jämna ut", resolve_caseworker(conn, "hl01"), CLOCK)
    first = proposal.moves[0]
    reassign(conn, [first.case_ref], "hl03", "Redan flyttat", lead, CLOCK)
    with pytest.raises(InvalidInputError, match="inaktuellt"):
        apply_moves(conn, proposal.moves, "Jämna ut", lead, CLOCK)
    assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == 1
    fresh = propose_balance(conn, ON)
    assert apply_moves(conn, fresh.moves, "Jämna ut", lead, CLOCK) == len(fresh.moves)
    details = [
        json.loads(r[0])
        for r in conn.execute("SELECT detail FROM events WHERE kind = 'case.reassigned'")
    ]
    assert sum(1 for d in details if d.get("balancing")) == len(fresh.moves)
    again = propose_balance(conn, ON)
    assert again.spread_before == pytest.approx(fresh.spread_after)


def test_balance_on_a_demo_team_never_moves_planned_cases(conn: sqlite3.Connection) -> None:
    from app.demo.generator import build_demo

    build_demo(conn, caseworkers=4, cases_per_caseworker=40, seed=3, today=ON)
    planned = {r[0] for r in conn.execute("SELECT case_id FROM planned_dates")}
    assert planned
    proposal = propose_balance(conn, ON, max_moves=50)
    assert not {m.case_id for m in proposal.moves} & planned
    assert proposal.stdev_after <= proposal.stdev_before
    if proposal.moves:
        assert proposal.stdev_after < proposal.stdev_before


# -- the command line ------------------------------------------------------------------------


def test_cli_reassign_json_and_refusal(run_cli, two: dict[str, int]) -> None:
    result = run_cli(
        "reassign", "A1", "A3", "--to", "hl02", "--reason", "Semester", "--as", "lead01",
        "--on", ON.isoformat(), "--json",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.json() == {"to": "hl02", "moved": 2, "requested": 2}
    refused = run_cli("reassign", "A2", "--to", "hl02", "--reason", "x", "--as", "hl01")
    assert refused.exit_code == 2
    assert "gruppchefen" in refused.stderr and refused.stderr.count("\n") == 1
    usage = run_cli("reassign", "--to", "hl02", "--reason", "x", "--as", "lead01")
    assert usage.exit_code == 2


def test_cli_balance_json_and_apply(run_cli, stock: StockBuilder, conn) -> None:
    uneven(stock, conn)
    data = run_cli("balance", "--on", ON.isoformat(), "--json").json()
    assert data["applied"] is False and data["moved"] is None
    assert data["loads_before"]["hl01"] == 34.2
    assert data["spread_after"] < data["spread_before"]
    assert {"case_id", "from", "to", "load", "milestones", "milestone_labels"} == set(
        data["moves"][0]
    )
    assert run_cli("balance", "--on", ON.isoformat(), "--apply").exit_code == 2  # no reason
    applied = run_cli(
        "balance", "--on", ON.isoformat(), "--apply", "--reason", "Jämna ut", "--as", "lead01",
        "--json",
    ).json()  # fmt: skip
    assert applied["moved"] == len(data["moves"])
