"""Three replicas (two caseworkers and a lead) edit offline and sync in every order: they
converge (same rows, same event history), nothing doubled, nothing lost."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from itertools import permutations
from pathlib import Path

import pytest

from app.case.casework import add_note, edit_case
from app.case.inbox import record_outcome
from app.followups.store import create_follow_up
from app.sync import local
from tests.pg import drop_everything, make_database, server_answers
from tests.teamserver.replicas import case_refs_of, snapshot
from tests.teamserver.team import CLOCK, Team, make_team


def _offline_edits(team: Team, round_: int) -> dict[str, str]:
    """Each desk works offline; A and the lead both change A0's plan status (the lead
    later, so the lead's value must win everywhere). What each desk's edits expect."""
    s = team.pg.suffix
    expected = {}
    for who in "AB":
        conn, me = team.conn(who), team.me(who)
        ref0, ref1, ref2 = (f"{who}{n}-{s}" for n in range(3))
        impulse = conn.execute(
            "SELECT i.id FROM impulses i JOIN cases c ON c.id = i.case_id "
            "WHERE c.case_ref = ? AND i.outcome IS NULL",
            (ref0,),
        ).fetchone()
        if impulse:
            record_outcome(conn, [impulse[0]], "acted", "ringt", me, CLOCK)
        edit_case(conn, ref0, {"plan_status": ["written", "oral"][round_]}, me, CLOCK)
        create_follow_up(conn, ref1, me, datetime(2026, 12, 1 + round_, 9, tzinfo=UTC), CLOCK,
                         note=f"privat {who}{round_}")  # fmt: skip
        add_note(conn, ref2, f"anteckning {who}{round_}", me, CLOCK)
    # The lead's edit comes later: at least a millisecond later, the clock's resolution
    # (at one and the same millisecond the node ids decide, the same way everywhere).
    time.sleep(0.002)
    lead, me = team.conn("L"), team.me("L")
    expected["plan"] = ["none", "written"][round_]
    edit_case(lead, f"A0-{s}", {"plan_status": expected["plan"]}, me, CLOCK)
    edit_case(lead, f"B1-{s}", {"coordination_needed": 1 - round_}, me, CLOCK)
    create_follow_up(lead, f"B2-{s}", me, datetime(2026, 12, 5, 9, tzinfo=UTC), CLOCK,
                     note="gruppchefens egen")  # fmt: skip
    return expected


def _pass(team: Team, order: tuple[str, ...]) -> None:
    for who in order:
        result = team.sync(who)
        assert result.refused == 0, (who, local.refused_changes(team.conn(who)))


def _check_converged(team: Team, expected: dict[str, str]) -> None:
    lead = team.conn("L")
    everything = snapshot(lead)
    for who in "AB":
        conn = team.conn(who)
        refs = case_refs_of(conn)
        assert refs == {f"{who}{n}-{team.pg.suffix}" for n in range(3)}
        assert snapshot(conn, refs) == snapshot(lead, refs)
        assert snapshot(conn)["team_events"] == everything["team_events"]
        assert local.outbox_counts(conn)["pending"] == 0
        # private texts stay with their owner: the lead has none of A's or B's
        notes = {r[0] for r in conn.execute("SELECT text FROM case_notes")}
        assert notes == {f"anteckning {who}0", f"anteckning {who}1"}
        mine = {r[0] for r in conn.execute("SELECT note FROM follow_ups WHERE note IS NOT NULL")}
        assert mine == {f"privat {who}0", f"privat {who}1"}
    assert lead.execute("SELECT count(*) FROM case_notes").fetchone()[0] == 0
    lead_notes = {r[0] for r in lead.execute("SELECT note FROM follow_ups WHERE note IS NOT NULL")}
    assert lead_notes == {"gruppchefens egen"}
    plan = lead.execute(
        "SELECT plan_status FROM cases WHERE case_ref = ?", (f"A0-{team.pg.suffix}",)
    ).fetchone()[0]
    assert plan == expected["plan"]  # the later write won, whatever the order
    # nothing doubled: one row per gid, as many follow-ups as were made
    counts = dict(lead.execute(
        "SELECT c.case_ref, count(*) FROM follow_ups f JOIN cases c ON c.id = f.case_id "
        "GROUP BY c.case_ref"))  # fmt: skip
    s = team.pg.suffix
    assert counts[f"A1-{s}"] == counts[f"B1-{s}"] == 3 and counts[f"B2-{s}"] == 3


@pytest.mark.slow
def test_three_replicas_converge_in_every_sync_order(tmp_path: Path) -> None:
    reason = server_answers()
    if reason:
        pytest.skip(reason)
    for n, order in enumerate(permutations("ABL")):
        pg = make_database()
        team = None
        try:
            team = make_team(pg, tmp_path / f"order{n}")
            expected = {}
            for round_ in range(2):
                expected = _offline_edits(team, round_)
                _pass(team, order)
            _pass(team, order)  # once more: the first in line gets what came after it
            _check_converged(team, expected)
        finally:
            if team is not None:
                team.close()
            drop_everything(pg.name, pg.suffix)
