"""Issue #14 over a team server: the handover note and the intake review reach the new
owner, an other-benefit hint raised on two desks is one row, and a database that joined
before the program knew these tables starts replicating them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.case.benefits import hints_for, set_marks
from app.case.handover import open_reviews
from app.sync import local
from app.team.reassign import reassign
from tests.teamserver.team import CLOCK, make_team


@pytest.fixture
def team(pg_db, tmp_path: Path):
    team = make_team(pg_db, tmp_path)
    yield team
    team.close()


def test_the_handover_note_and_intake_review_reach_the_new_owner(team) -> None:
    ref = f"A1-{team.pg.suffix}"
    reassign(team.conn("L"), [ref], team.sig("B"), "Semester", team.me("L"), CLOCK,
             note="Ring arbetsgivaren före fredag")  # fmt: skip
    assert team.sync("L").refused == 0
    team.sync("B")
    b = team.conn("B")
    row = b.execute(
        "SELECT h.note, f.ext_id, t.ext_id, h.summary FROM handovers h "
        "JOIN cases c ON c.id = h.case_id LEFT JOIN caseworkers f ON f.id = h.from_id "
        "LEFT JOIN caseworkers t ON t.id = h.to_id WHERE c.case_ref = ?",
        (ref,),
    ).fetchone()
    assert tuple(row[:3]) == ("Ring arbetsgivaren före fredag", team.sig("A"), team.sig("B"))
    assert '"open_impulses"' in row[3]
    [review] = open_reviews(b, team.me("B"))
    assert review.case_ref == ref and review.handover.note == "Ring arbetsgivaren före fredag"
    team.sync("A")
    assert team.conn("A").execute("SELECT count(*) FROM handovers").fetchone()[0] == 0


def test_a_hint_raised_on_two_desks_is_one_row(team) -> None:
    ref = f"A1-{team.pg.suffix}"
    team.sync("A")
    set_marks(team.conn("A"), ref, ["pregnant"], [], team.me("A"), CLOCK)
    set_marks(team.conn("L"), ref, ["pregnant"], [], team.me("L"), CLOCK)
    for who in ("A", "L", "A", "L"):
        assert team.sync(who).refused == 0
    for who in ("A", "L"):
        hints = hints_for(team.conn(who), ref)
        assert [h.benefit for h in hints] == ["pregnancy_benefit"]
        impulses = (
            team.conn(who)
            .execute("SELECT count(*) FROM impulses WHERE type = 'other_benefit'")
            .fetchone()[0]
        )
        assert impulses == 1
        # A row written on a joined desk leaves the full-text index whole (migration 9).
        team.conn(who).execute("INSERT INTO impulses_fts(impulses_fts) VALUES ('integrity-check')")
        team.conn(who).execute("INSERT INTO cases_fts(cases_fts) VALUES ('integrity-check')")


def test_a_database_joined_before_these_tables_starts_replicating_them(team) -> None:
    a = team.conn("A")
    ref = f"A1-{team.pg.suffix}"
    team.sync("A")
    # As if joined by the previous version: no triggers for the new tables or columns.
    for table in ("method_events", "benefit_hints"):
        for op in ("insert", "update", "delete"):
            a.execute(f"DROP TRIGGER sync_{table}_{op}")
    from app.case.methods import record_method_event

    record_method_event(a, ref, "sassam", date(2026, 11, 2), team.me("A"), CLOCK)
    assert a.execute("SELECT gid FROM method_events").fetchone()[0] is None
    assert team.sync("A").refused == 0  # the upgrade records the row and pushes it
    assert local.outbox_counts(a)["pending"] == 0
    team.sync("L")
    kinds = team.conn("L").execute("SELECT kind, chain_day FROM method_events").fetchall()
    assert [tuple(k) for k in kinds] == [("sassam", 123)]
