"""Sync between local replicas and a real team server: the outbox, push, pull, apply."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.followups.store import create_follow_up
from app.sync import local
from app.sync.hlc import Hlc
from app.team.reassign import reassign
from db import open_db
from db.teamserver import server
from tests.teamserver.team import CLOCK, make_team


@pytest.fixture
def team(pg_db, tmp_path: Path):
    team = make_team(pg_db, tmp_path)
    yield team
    team.close()


def test_a_database_that_never_joined_has_no_sync_trigger_and_records_nothing(tmp_path) -> None:
    from datetime import date

    from tests.builders import StockBuilder

    conn = open_db(tmp_path / "alone.db")
    case_id = StockBuilder(conn).case("ENSAM-1", start=date(2026, 9, 1))
    conn.execute("UPDATE cases SET plan_status = 'written' WHERE id = ?", (case_id,))
    triggers = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync%'"
    ).fetchall()
    assert triggers == []
    assert conn.execute("SELECT count(*) FROM sync_outbox").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM cases WHERE gid IS NOT NULL").fetchone()[0] == 0
    assert local.state(conn) is None


def test_the_hybrid_clock_sorts_as_text_and_never_falls_behind_what_it_saw() -> None:
    clock = Hlc.parse("", "aa")
    first = clock.send(1_000)
    same_ms = first.send(1_000)
    assert str(first) < str(same_ms) < str(same_ms.send(999))  # the wall clock went back
    seen = Hlc(5_000, 7, "bb")
    caught_up = same_ms.receive(str(seen))
    assert str(caught_up.send(2_000)) > str(seen)
    assert Hlc.parse(str(caught_up)) == Hlc(5_000, 7, "aa")


def test_a_change_is_recorded_with_its_changed_columns_in_the_same_transaction(team) -> None:
    conn = team.conn("A")
    assert local.outbox_counts(conn)["pending"] == 0  # the pulled rows did not echo
    ref = f"A0-{team.pg.suffix}"
    conn.execute("BEGIN")
    conn.execute("UPDATE cases SET plan_status = 'written' WHERE case_ref = ?", (ref,))
    conn.execute("ROLLBACK")
    assert local.outbox_counts(conn)["pending"] == 0  # undone with the change
    conn.execute("UPDATE cases SET plan_status = 'written', extent = 50 WHERE case_ref = ?",
                 (ref,))  # fmt: skip
    row = conn.execute("SELECT tbl, op, fields, gid FROM sync_outbox").fetchone()
    assert (row[0], row[1], sorted(json.loads(row[2])), row[3]) == (
        "cases", "update", ["extent", "plan_status"], f"case:{ref}")  # fmt: skip


def test_an_edit_reaches_the_lead_and_back_without_echo(team) -> None:
    ref = f"A0-{team.pg.suffix}"
    team.conn("A").execute("UPDATE cases SET plan_status = 'written' WHERE case_ref = ?", (ref,))
    pushed = team.sync("A")
    assert (pushed.pushed, pushed.refused) == (1, 0)
    pulled = team.sync("L")
    assert pulled.pulled >= 1 and pulled.pushed == 0
    lead = team.conn("L")
    status = lead.execute("SELECT plan_status FROM cases WHERE case_ref = ?", (ref,)).fetchone()
    assert status[0] == "written"
    assert local.outbox_counts(lead)["pending"] == 0
    again = team.sync("A")
    assert again.pushed == 0 and again.refused == 0


def test_a_caseworker_gets_their_own_cases_only(team) -> None:
    a = team.conn("A")
    refs = {r[0] for r in a.execute("SELECT case_ref FROM cases")}
    assert refs == {f"A{n}-{team.pg.suffix}" for n in range(3)}
    assert a.execute("SELECT count(*) FROM impulses").fetchone()[0] == 3
    assert a.execute("SELECT count(*) FROM follow_ups").fetchone()[0] == 3
    assert a.execute("SELECT count(*) FROM caseworkers").fetchone()[0] == 3  # the team's people


def test_reassignment_moves_the_case_with_its_follow_ups_and_history(team) -> None:
    ref = f"A1-{team.pg.suffix}"
    a = team.conn("A")
    follow_up = create_follow_up(
        a, ref, team.me("A"), datetime(2026, 12, 10, 8, tzinfo=UTC), CLOCK, note="ring chefen"
    )
    assert team.sync("A").refused == 0
    a_gid = a.execute("SELECT gid FROM follow_ups WHERE id = ?", (follow_up.id,)).fetchone()[0]
    reassign(team.conn("L"), [ref], team.sig("B"), "Semester", team.me("L"), CLOCK)
    assert team.sync("L").refused == 0
    team.sync("A")
    assert a.execute("SELECT count(*) FROM cases WHERE case_ref = ?", (ref,)).fetchone()[0] == 0
    assert (
        a.execute(
            "SELECT count(*) FROM follow_ups f WHERE f.case_id NOT IN (SELECT id FROM cases)"
        ).fetchone()[0]
        == 0
    )  # no orphan left to fire a reminder
    assert a.execute("SELECT count(*) FROM follow_ups").fetchone()[0] == 2
    team.sync("B")
    b = team.conn("B")
    case_id = b.execute("SELECT id FROM cases WHERE case_ref = ?", (ref,)).fetchone()[0]
    kinds = {r[0] for r in b.execute("SELECT kind FROM events WHERE case_id = ?", (case_id,))}
    assert {"follow_up.created", "case.reassigned"} <= kinds
    moved = b.execute(
        "SELECT f.note, w.ext_id, f.inherited FROM follow_ups f "
        "JOIN caseworkers w ON w.id = f.owner_id WHERE f.case_id = ? AND f.id = ("
        "SELECT id FROM follow_ups WHERE gid = ?)",
        (case_id, a_gid),
    ).fetchall()
    # the personal follow-up went with the case, its note text to the new owner only
    assert [tuple(r) for r in moved] == [("ring chefen", team.sig("B"), 1)]
    assert local.outbox_counts(b)["pending"] == 0


def test_a_refused_change_is_kept_counted_shown_and_not_sent_again(team, pg_db) -> None:
    a = team.conn("A")
    ref = f"A2-{team.pg.suffix}"
    b_id = a.execute("SELECT id FROM caseworkers WHERE ext_id = ?", (team.sig("B"),)).fetchone()[0]
    a.execute("UPDATE cases SET caseworker_id = ? WHERE case_ref = ?", (b_id, ref))
    result = team.sync("A")
    assert (result.refused, result.pushed) == (1, 0)
    refused = local.refused_changes(a)
    assert len(refused) == 1 and "gruppchefen" in refused[0]["reason"]
    assert team.sync("A").refused == 0  # not sent again, and kept:
    assert local.outbox_counts(a)["refused"] == 1
    with pg_db.connect() as conn:
        owner = conn.execute(
            "SELECT owner FROM overblick.cases WHERE gid = %s", (f"case:{ref}",)
        ).fetchone()[0]
    assert owner == team.logins["A"]


def test_a_batch_sent_twice_after_a_crash_lands_once(team, pg_db, monkeypatch) -> None:
    from app.sync import push as push_module

    a = team.conn("A")
    a.execute("UPDATE impulses SET outcome = 'acted', outcome_note = 'ringt'")
    real_push = server.push

    def crash_after_the_server_committed(conn, changes):
        real_push(conn, changes)
        raise KeyboardInterrupt  # the process dies before the local mark

    monkeypatch.setattr(server, "push", crash_after_the_server_committed)
    with pytest.raises(KeyboardInterrupt):
        team.sync("A")
    monkeypatch.setattr(server, "push", real_push)
    assert local.outbox_counts(a)["pending"] == 3
    result = team.sync("A")
    assert (result.pushed, result.refused) == (3, 0)
    with pg_db.connect() as conn:
        applied = conn.execute(
            "SELECT result, count(*) FROM overblick.applied_changes WHERE login_role = %s "
            "GROUP BY result", (team.logins["A"],)).fetchall()  # fmt: skip
    assert applied == [("applied", 3)]
    assert push_module.BATCH > 3


def test_cover_brings_a_colleagues_cases_while_it_lasts_and_takes_them_away_after(team) -> None:
    from datetime import date, timedelta

    from app.team.cover import mark_absent

    today = date.today()  # the server decides what today is: its own clock
    lead = team.conn("L")
    mark_absent(lead, team.sig("B"), team.sig("A"), today - timedelta(days=1),
                today + timedelta(days=2), team.me("L"), CLOCK)  # fmt: skip
    assert team.sync("L").refused == 0
    team.sync("A")
    a = team.conn("A")
    refs = {r[0] for r in a.execute("SELECT case_ref FROM cases")}
    assert {f"B{n}-{team.pg.suffix}" for n in range(3)} <= refs
    assert a.execute(
        "SELECT count(*) FROM impulses i JOIN cases c ON c.id = i.case_id "
        "WHERE c.case_ref LIKE 'B%'"
    ).fetchone()[0] == 3  # fmt: skip
    lead.execute("UPDATE absences SET to_date = ?", ((today - timedelta(days=1)).isoformat(),))
    assert team.sync("L").refused == 0
    team.sync("A")
    refs = {r[0] for r in a.execute("SELECT case_ref FROM cases")}
    assert refs == {f"A{n}-{team.pg.suffix}" for n in range(3)}
    assert a.execute(
        "SELECT count(*) FROM follow_ups WHERE case_id NOT IN (SELECT id FROM cases)"
    ).fetchone()[0] == 0  # fmt: skip


def test_an_edit_made_while_a_sync_runs_is_neither_overwritten_nor_dropped(
    team, monkeypatch
) -> None:
    """The window goes on working during a sync: a field changed between the push and the
    apply keeps its value (and goes with the next push, where the later write wins), and
    a case made meanwhile is not dropped as "no longer visible"."""
    import time

    from tests.builders import StockBuilder

    ref = f"A0-{team.pg.suffix}"
    lead = team.conn("L")
    lead.execute("UPDATE cases SET plan_status = 'oral' WHERE case_ref = ?", (ref,))
    assert team.sync("L").refused == 0
    a = team.conn("A")
    real_pull = server.pull

    def desk_keeps_working(*args, **kwargs):
        time.sleep(0.002)  # this edit is later than the lead's, by the wall clock
        a.execute("UPDATE cases SET plan_status = 'written' WHERE case_ref = ?", (ref,))
        stock = StockBuilder(a)
        stock.caseworkers = {team.sig("A"): team.me("A").id}
        stock.case(f"A9-{team.pg.suffix}", start=datetime(2026, 9, 1).date(),
                   caseworker=team.sig("A"))  # fmt: skip
        return real_pull(*args, **kwargs)

    monkeypatch.setattr(server, "pull", desk_keeps_working)
    team.sync("A")
    monkeypatch.setattr(server, "pull", real_pull)
    row = a.execute("SELECT plan_status FROM cases WHERE case_ref = ?", (ref,)).fetchone()
    assert row[0] == "written"
    assert a.execute(
        "SELECT count(*) FROM cases WHERE case_ref = ?", (f"A9-{team.pg.suffix}",)
    ).fetchone()[0] == 1  # fmt: skip
    assert team.sync("A").refused == 0
    team.sync("L")
    row = lead.execute("SELECT plan_status FROM cases WHERE case_ref = ?", (ref,)).fetchone()
    assert row[0] == "written"
    assert lead.execute(
        "SELECT count(*) FROM cases WHERE case_ref = ?", (f"A9-{team.pg.suffix}",)
    ).fetchone()[0] == 1  # fmt: skip


def test_a_refused_or_losing_change_gets_the_servers_values_back(team) -> None:
    a = team.conn("A")
    ref = f"A2-{team.pg.suffix}"
    b_id = a.execute("SELECT id FROM caseworkers WHERE ext_id = ?", (team.sig("B"),)).fetchone()
    a.execute("UPDATE cases SET caseworker_id = ? WHERE case_ref = ?", (b_id[0], ref))
    assert team.sync("A").refused == 1
    owner = a.execute(
        "SELECT w.ext_id FROM cases c JOIN caseworkers w ON w.id = c.caseworker_id "
        "WHERE c.case_ref = ?", (ref,)).fetchone()[0]  # fmt: skip
    assert owner == team.sig("A")  # the desk shows the server's truth; the change is kept
    payload = a.execute("SELECT payload FROM sync_outbox WHERE status = 'refused'").fetchone()
    assert json.loads(payload[0])[0]["data"] == {"owner": team.sig("B").lower()}


def test_a_deletion_reaches_the_other_desks_and_loses_to_a_later_edit(team) -> None:
    import time

    s = team.pg.suffix
    lead, a = team.conn("L"), team.conn("A")

    def impulse_of(conn, ref: str) -> int | None:
        row = conn.execute(
            "SELECT i.id FROM impulses i JOIN cases c ON c.id = i.case_id WHERE c.case_ref = ?",
            (ref,),
        ).fetchone()
        return row[0] if row else None

    lead.execute("DELETE FROM impulses WHERE id = ?", (impulse_of(lead, f"A0-{s}"),))
    assert team.sync("L").refused == 0
    team.sync("A")
    assert impulse_of(a, f"A0-{s}") is None  # deleted on A's desk too
    # A deletes first, the lead edits the same impulse later: the later edit wins
    a.execute("DELETE FROM impulses WHERE id = ?", (impulse_of(a, f"A1-{s}"),))
    time.sleep(0.002)
    lead.execute(
        "UPDATE impulses SET outcome = 'acted' WHERE id = ?", (impulse_of(lead, f"A1-{s}"),)
    )
    assert team.sync("A").refused == 0
    assert team.sync("L").refused == 0
    team.sync("A")
    for conn in (a, lead):
        row = conn.execute(
            "SELECT outcome FROM impulses WHERE id = ?", (impulse_of(conn, f"A1-{s}"),)
        ).fetchone()
        assert row is not None and row[0] == "acted"


def _import(conn, folder: Path, name: str, rows: list[tuple[str, str]]) -> None:
    from datetime import date

    from app.exchange.importer import import_file
    from app.safety.pin import make_pin

    header = "Ärende;Namn;Personnummer;Anställning;Handläggare;Sjukperiod från"
    lines = [header] + [
        f"{ref};Försäkrad {n};{make_pin(date(1970, 1, 1 + n), n + 1, n % 2 == 0)};anställd;"
        f"{who};2026-10-01"
        for n, (ref, who) in enumerate(rows)
    ]
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = import_file(conn, path, clock=CLOCK, actor=None)
    assert result.rejected == 0, result


def test_imports_by_the_lead_and_by_a_caseworker_reach_whoever_may_see_them(team, tmp_path) -> None:
    s = team.pg.suffix
    _import(team.conn("L"), tmp_path, "kalla.csv",
            [(f"IMP-A-{s}", team.sig("A")), (f"IMP-B-{s}", team.sig("B"))])  # fmt: skip
    assert team.sync("L").refused == 0
    team.sync("A")
    team.sync("B")
    a_refs = {r[0] for r in team.conn("A").execute("SELECT case_ref FROM cases")}
    b_refs = {r[0] for r in team.conn("B").execute("SELECT case_ref FROM cases")}
    assert f"IMP-A-{s}" in a_refs and f"IMP-A-{s}" not in b_refs
    assert f"IMP-B-{s}" in b_refs and f"IMP-B-{s}" not in a_refs
    # A imports their own stock; the same file again on the lead's desk makes no second row
    _import(team.conn("A"), tmp_path, "egen.csv", [(f"EGEN-A-{s}", team.sig("A"))])
    assert team.sync("A").refused == 0
    _import(team.conn("L"), tmp_path, "samma.csv", [(f"EGEN-A-{s}", team.sig("A"))])
    assert team.sync("L").refused == 0
    team.sync("A")
    for who in "AL":
        count = (
            team.conn(who)
            .execute("SELECT count(*) FROM cases WHERE case_ref = ?", (f"EGEN-A-{s}",))
            .fetchone()[0]
        )
        assert count == 1
    periods = team.conn("L").execute(
        "SELECT count(*) FROM sick_periods p JOIN cases c ON c.id = p.case_id "
        "WHERE c.case_ref = ?", (f"EGEN-A-{s}",)).fetchone()[0]  # fmt: skip
    assert periods == 1
