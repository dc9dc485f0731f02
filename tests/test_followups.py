"""Follow-ups: personal ones, recurrence, snooze and wake, the legal floor, standard ones,
and the ``overblick follow-up`` command."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, date, datetime, time, timedelta

import pytest

from app.base.clock import STOCKHOLM, FixedClock
from app.base.errors import InvalidInputError, NotFoundError
from app.chain.state import chain_on
from app.followups.floor import case_floor, floor_for_chain, legal_floor
from app.followups.recurrence import Recurrence
from app.followups.standard import ensure_standard_follow_ups
from app.followups.store import (
    create_follow_up,
    delete_follow_up,
    dismiss_follow_up,
    done_follow_up,
    get_follow_up,
    list_follow_ups,
    reschedule_follow_up,
    snooze_follow_up,
    undo_delete,
    wake_snoozed,
)
from app.priority.profile import Caseworker, resolve_caseworker
from app.stock.facts import load_facts
from tests.builders import StockBuilder

ON = date(2026, 11, 23)  # a Monday
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=STOCKHOLM)


def at(d: date, h: int = 8, m: int = 0) -> datetime:
    return datetime(d.year, d.month, d.day, h, m, tzinfo=STOCKHOLM)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def cases(stock: StockBuilder) -> dict[str, int]:
    stock.caseworker("hl01", "Anna Andersson")
    stock.caseworker("hl02", "Bo Berg")
    return {
        "SP-1": stock.case("SP-1", start=ON - timedelta(days=159)),  # day 160: day 180 ahead
        "SP-2": stock.case("SP-2", start=ON - timedelta(days=25)),  # day 26: plan due day 30
        "SP-9": stock.case("SP-9", start=ON - timedelta(days=40), caseworker="hl02"),
        "SP-X": stock.case("SP-X", start=ON - timedelta(days=40), status="closed"),
    }


@pytest.fixture
def hl01(conn: sqlite3.Connection, cases: dict[str, int]) -> Caseworker:
    return resolve_caseworker(conn, "hl01")


@pytest.fixture
def hl02(conn: sqlite3.Connection, cases: dict[str, int]) -> Caseworker:
    return resolve_caseworker(conn, "hl02")


def events(conn: sqlite3.Connection, kind_prefix: str = "follow_up.") -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT case_id, actor, kind, detail FROM events WHERE kind LIKE ? ORDER BY id",
        (kind_prefix + "%",),
    ).fetchall()


# -- create ----------------------------------------------------------------------------------


def test_create_personal_follow_up(conn, hl01, cases, clock):
    fu = create_follow_up(
        conn, "SP-1", hl01, at(ON + timedelta(days=1)), clock, kind="insured", note="  Ring  "
    )
    assert fu.case_ref == "SP-1" and fu.case_id == cases["SP-1"]
    assert fu.origin == "personal" and fu.state == "open" and fu.kind == "insured"
    assert fu.note == "Ring" and fu.owner_id == hl01.id
    assert fu.due_at == at(ON + timedelta(days=1))
    stored = conn.execute("SELECT due_at FROM follow_ups WHERE id = ?", (fu.id,)).fetchone()[0]
    assert stored == "2026-11-24T07:00:00+00:00"
    [event] = events(conn)
    assert event["kind"] == "follow_up.created" and event["actor"] == "hl01"
    assert event["case_id"] == cases["SP-1"]
    assert json.loads(event["detail"])["follow_up_id"] == fu.id


def test_create_by_case_id_and_in_the_past(conn, hl01, cases, clock):
    fu = create_follow_up(conn, cases["SP-2"], hl01, at(ON - timedelta(days=2)), clock)
    assert fu.kind == "other"
    assert fu.fire_at < clock.now()  # allowed: due at once
    assert [f.id for f in list_follow_ups(conn, hl01, NOW, due_only=True)] == [fu.id]


@pytest.mark.parametrize(
    ("case", "kind", "error", "match"),
    [
        ("NOPE", "other", NotFoundError, "finns inte"),
        ("SP-X", "other", InvalidInputError, "avslutat"),
        ("SP-1", "boss", InvalidInputError, "insured, employer, healthcare, af, other"),
    ],
)
def test_create_validation(conn, hl01, clock, case, kind, error, match):
    with pytest.raises(error, match=match):
        create_follow_up(conn, case, hl01, at(ON), clock, kind=kind)
    assert conn.execute("SELECT count(*) FROM follow_ups").fetchone()[0] == 0


def test_create_rejects_long_note_and_until_before_start(conn, hl01, clock):
    with pytest.raises(InvalidInputError, match="2000"):
        create_follow_up(conn, "SP-1", hl01, at(ON), clock, note="x" * 2001)
    with pytest.raises(InvalidInputError, match="före första"):
        create_follow_up(
            conn,
            "SP-1",
            hl01,
            at(ON),
            clock,
            recurrence=Recurrence(1, "weeks", until=ON - timedelta(1)),
        )


# -- list --------------------------------------------------------------------------------------


def test_list_by_owner_due_and_snoozed(conn, hl01, hl02, cases, clock):
    later = create_follow_up(conn, "SP-1", hl01, at(ON + timedelta(days=3)), clock)
    due = create_follow_up(conn, "SP-2", hl01, at(ON, 9), clock, kind="employer")
    snoozed = create_follow_up(conn, "SP-2", hl01, at(ON, 7), clock)
    snooze_follow_up(
        conn, snoozed.id, hl01, at(ON + timedelta(days=1)), clock, wake_on="certificate"
    )
    theirs = create_follow_up(conn, "SP-9", hl02, at(ON), clock)

    mine = list_follow_ups(conn, hl01, NOW)
    assert [f.id for f in mine] == [due.id, snoozed.id, later.id]  # by reminder time
    assert theirs.id not in [f.id for f in mine]
    assert [f.id for f in list_follow_ups(conn, hl01, NOW, due_only=True)] == [due.id]
    assert [f.id for f in list_follow_ups(conn, hl01, NOW, case="SP-1")] == [later.id]
    data = mine[1].as_json(NOW)
    assert data["snoozed"] is True and data["wake_on"] == "certificate"
    assert data["snoozed_until"] == "2026-11-24T07:00:00+00:00"
    assert mine[0].as_json(NOW)["due"] is True
    assert {f.id for f in list_follow_ups(conn, None, NOW)} == {
        later.id, due.id, snoozed.id, theirs.id,
    }  # fmt: skip


def test_standard_follow_ups_belong_to_the_case_caseworker(conn, hl01, hl02, clock):
    ensure_standard_follow_ups(conn, ON, clock)
    mine = list_follow_ups(conn, hl01, NOW, origin="standard")
    assert mine and {f.case_ref for f in mine} <= {"SP-1", "SP-2"}
    assert all(f.case_ref == "SP-9" for f in list_follow_ups(conn, hl02, NOW, origin="standard"))


# -- done and recurrence -----------------------------------------------------------------------


def test_done_with_note_is_an_event(conn, hl01, cases, clock):
    fu = create_follow_up(conn, "SP-1", hl01, at(ON), clock)
    closed = done_follow_up(conn, fu.id, hl01, clock, note="Pratat med försäkrad")
    assert closed.state == "done" and closed.close_note == "Pratat med försäkrad"
    assert closed.closed_at == NOW.astimezone(UTC)
    event = events(conn, "follow_up.done")[0]
    assert event["actor"] == "hl01"
    detail = json.loads(event["detail"])
    assert detail["note"] == "Pratat med försäkrad" and detail["next_due_at"] is None
    assert list_follow_ups(conn, hl01, NOW) == []
    with pytest.raises(InvalidInputError, match="redan klarmarkerad"):
        done_follow_up(conn, fu.id, hl01, clock)


def test_recurring_advances_exactly_once_per_done_and_ends_on_count(conn, hl01, clock):
    fu = create_follow_up(
        conn, "SP-1", hl01, at(ON, 9), clock, recurrence=Recurrence(2, "weeks", count=3)
    )
    first = done_follow_up(conn, fu.id, hl01, clock)
    assert first.state == "open" and first.occurrences == 1
    assert first.due_at == at(ON + timedelta(weeks=2), 9)
    second = done_follow_up(conn, fu.id, hl01, clock)
    assert second.state == "open" and second.occurrences == 2
    assert second.due_at == at(ON + timedelta(weeks=4), 9)
    third = done_follow_up(conn, fu.id, hl01, clock)
    assert third.state == "done" and third.occurrences == 3
    assert third.due_at == second.due_at
    assert len(events(conn, "follow_up.done")) == 3


def test_recurring_until_date_and_wall_clock_across_dst(conn, hl01, clock):
    start = date(2026, 10, 19)  # CEST; the series passes the change on 25 October
    fu = create_follow_up(
        conn, "SP-1", hl01, at(start, 8), clock,
        recurrence=Recurrence(1, "weeks", until=date(2026, 11, 2)),
    )  # fmt: skip
    nxt = done_follow_up(conn, fu.id, hl01, clock)
    assert nxt.due_at == at(date(2026, 10, 26), 8)  # still 08:00 local
    assert nxt.due_at.astimezone(UTC).hour == 7
    last = done_follow_up(conn, fu.id, hl01, clock)
    assert last.due_at == at(date(2026, 11, 2), 8) and last.state == "open"
    assert done_follow_up(conn, fu.id, hl01, clock).state == "done"


def test_recurrence_round_trip():
    rec = Recurrence(3, "days", until=date(2027, 1, 31), count=None)
    assert Recurrence.from_text(rec.to_text()) == rec
    assert rec.label_sv() == "var 3:e dag till 2027-01-31"
    monthly = Recurrence(1, "months", count=6, at=time(9, 30), day=31)
    assert Recurrence.from_text(monthly.to_text()) == monthly
    assert monthly.label_sv() == "var månad, 6 gånger"
    with pytest.raises(InvalidInputError):
        Recurrence(1, "years")


# -- snooze and wake ---------------------------------------------------------------------------


def test_snooze_records_wake_condition_and_event(conn, hl01, clock):
    fu = create_follow_up(conn, "SP-2", hl01, at(ON, 9), clock)
    result = snooze_follow_up(conn, fu.id, hl01, at(ON, 15), clock, wake_on="none")
    assert not result.capped
    assert result.follow_up.snoozed_until == at(ON, 15) and result.follow_up.wake_on == "none"
    assert result.follow_up.fire_at == at(ON, 15)
    detail = json.loads(events(conn, "follow_up.snoozed")[0]["detail"])
    assert detail["wake_on"] == "none" and detail["until"] == "2026-11-23T14:00:00+00:00"


def test_snooze_validation(conn, hl01, clock):
    fu = create_follow_up(conn, "SP-2", hl01, at(ON + timedelta(days=2)), clock)
    with pytest.raises(InvalidInputError, match="väckningsvillkor"):
        snooze_follow_up(conn, fu.id, hl01, at(ON, 15), clock, wake_on="sometimes")
    with pytest.raises(InvalidInputError, match="passerat"):
        snooze_follow_up(conn, fu.id, hl01, at(ON, 9), clock)
    with pytest.raises(InvalidInputError, match="reschedule"):
        snooze_follow_up(conn, fu.id, hl01, at(ON, 15), clock)  # before it is even due
    with pytest.raises(NotFoundError):
        snooze_follow_up(conn, 999, hl01, at(ON, 15), clock)


def test_wake_on_impulse_kinds(conn, hl01, cases, clock):
    due = at(ON, 9)
    until = at(ON + timedelta(days=3))  # before SP-1's floor (ON+6)
    ids = {}
    for wake in ("any_impulse", "certificate", "none"):
        fu = create_follow_up(conn, "SP-1", hl01, due, clock)
        snooze_follow_up(conn, fu.id, hl01, until, clock, wake_on=wake)
        ids[wake] = fu.id
    later = FixedClock(NOW + timedelta(hours=2))
    assert wake_snoozed(conn, cases["SP-1"], "insured_message", later) == [ids["any_impulse"]]
    assert wake_snoozed(conn, cases["SP-1"], "certificate", later) == [ids["certificate"]]
    assert wake_snoozed(conn, cases["SP-1"], "certificate", later) == []
    assert get_follow_up(conn, ids["none"]).snoozed_until == until
    woken = get_follow_up(conn, ids["certificate"])
    assert woken.snoozed_until is None and woken.fire_at == due
    ev = events(conn, "follow_up.woken")
    assert [e["actor"] for e in ev] == ["system", "system"]
    assert json.loads(ev[1]["detail"])["doc_kind"] == "certificate"


def test_wake_ignores_other_cases(conn, hl01, cases, clock):
    fu = create_follow_up(conn, "SP-1", hl01, at(ON, 9), clock)
    snooze_follow_up(conn, fu.id, hl01, at(ON, 16), clock)
    assert wake_snoozed(conn, cases["SP-2"], "certificate", clock) == []
    assert get_follow_up(conn, fu.id).snoozed_until == at(ON, 16)


# -- the legal floor ---------------------------------------------------------------------------


def test_floor_is_the_next_checkpoint(conn, cases):
    # SP-1 is on day 160: day 180 is ON+20 with leads 30 (passed) and 14 (ON+6).
    floor = case_floor(conn, cases["SP-1"], NOW)
    assert floor is not None
    assert floor.milestone_key == "day_180" and floor.lead_days == 14
    assert floor.at == at(ON + timedelta(days=6))
    # On the checkpoint day after 08:00 it moves on to the next one (day 181 minus 14).
    later = case_floor(conn, cases["SP-1"], at(ON + timedelta(days=6), 9))
    assert later is not None and later.milestone_key == "day_181" and later.lead_days == 14


def test_floor_without_a_chain_is_none():
    assert floor_for_chain(chain_on([], ON), NOW) is None


def test_legal_floor_caps_a_snooze(conn, hl01, clock):
    fu = create_follow_up(conn, "SP-1", hl01, at(ON, 9), clock)
    result = snooze_follow_up(conn, fu.id, hl01, at(ON + timedelta(weeks=2)), clock)
    assert result.capped
    assert result.requested == at(ON + timedelta(weeks=2))
    assert result.follow_up.snoozed_until == at(ON + timedelta(days=6))
    assert result.floor is not None and result.floor.milestone_key == "day_180"
    detail = json.loads(events(conn, "follow_up.snoozed")[0]["detail"])
    assert detail["requested_until"] == "2026-12-07T07:00:00+00:00"


def test_legal_floor_summary_counts_hidden_cases(conn, hl01, stock, cases, clock):
    fu = create_follow_up(conn, "SP-1", hl01, at(ON, 9), clock)
    snooze_follow_up(conn, fu.id, hl01, at(ON + timedelta(days=3)), clock)
    stock.plan(cases["SP-2"], ON + timedelta(days=10))  # SP-2's plan milestone is ON+4
    summary = legal_floor(conn, hl01, NOW)
    assert summary.count == 2
    by_case = {h.case_ref: h for h in summary.cases}
    assert by_case["SP-1"].by == "snooze" and not by_case["SP-1"].capped
    assert by_case["SP-2"].by == "plan" and by_case["SP-2"].capped
    assert by_case["SP-2"].until == at(ON + timedelta(days=4))
    assert summary.until == at(ON + timedelta(days=4))
    data = summary.as_json()
    assert set(data) == {"count", "until", "until_local", "cases"}
    assert legal_floor(conn, hl01, at(ON + timedelta(days=20))).count == 0


# -- reschedule, delete, undo, dismiss --------------------------------------------------------


def test_reschedule_clears_snooze(conn, hl01, clock):
    fu = create_follow_up(conn, "SP-2", hl01, at(ON, 9), clock)
    snooze_follow_up(conn, fu.id, hl01, at(ON, 15), clock)
    moved = reschedule_follow_up(conn, fu.id, hl01, at(ON + timedelta(days=2), 10), clock)
    assert moved.due_at == at(ON + timedelta(days=2), 10) and moved.snoozed_until is None
    detail = json.loads(events(conn, "follow_up.rescheduled")[0]["detail"])
    assert detail["from_due_at"] == "2026-11-23T08:00:00+00:00"


def test_delete_and_undo(conn, hl01, cases, clock):
    fu = create_follow_up(conn, "SP-1", hl01, at(ON - timedelta(days=1)), clock)
    assert load_facts(conn, ON, case_ids=[cases["SP-1"]])[0].follow_ups
    deleted = delete_follow_up(conn, fu.id, hl01, clock)
    assert deleted.deleted_at is not None
    assert list_follow_ups(conn, hl01, NOW) == []
    assert not load_facts(conn, ON, case_ids=[cases["SP-1"]])[0].follow_ups  # priority too
    with pytest.raises(InvalidInputError, match="undo"):
        done_follow_up(conn, fu.id, hl01, clock)
    restored = undo_delete(conn, fu.id, hl01, clock)
    assert restored.state == "open" and restored.deleted_at is None
    assert restored.due_at == fu.due_at
    assert [f.id for f in list_follow_ups(conn, hl01, NOW)] == [fu.id]
    with pytest.raises(InvalidInputError, match="inte borttagen"):
        undo_delete(conn, fu.id, hl01, clock)
    kinds = [e["kind"] for e in events(conn)]
    assert kinds == ["follow_up.created", "follow_up.deleted", "follow_up.restored"]


def test_standard_cannot_be_deleted_or_rescheduled_and_dismiss_needs_reason(conn, hl01, clock):
    ensure_standard_follow_ups(conn, ON, clock)
    std = list_follow_ups(conn, hl01, NOW, origin="standard")[0]
    with pytest.raises(InvalidInputError, match="avfärda"):
        delete_follow_up(conn, std.id, hl01, clock)
    with pytest.raises(InvalidInputError, match="kedjan"):
        reschedule_follow_up(conn, std.id, hl01, at(ON + timedelta(days=30)), clock)
    with pytest.raises(InvalidInputError, match="varför"):
        dismiss_follow_up(conn, std.id, hl01, "   ", clock)
    dismissed = dismiss_follow_up(conn, std.id, hl01, "Redan utrett i telefon", clock)
    assert dismissed.state == "dismissed" and dismissed.close_note == "Redan utrett i telefon"
    detail = json.loads(events(conn, "follow_up.dismissed")[0]["detail"])
    assert detail["reason"] == "Redan utrett i telefon"


def test_personal_cannot_be_dismissed(conn, hl01, clock):
    fu = create_follow_up(conn, "SP-1", hl01, at(ON), clock)
    with pytest.raises(InvalidInputError, match="Bara standardbevakningar"):
        dismiss_follow_up(conn, fu.id, hl01, "skäl", clock)


# -- standard follow-ups -----------------------------------------------------------------------


def standard_keys(conn: sqlite3.Connection, case_id: int) -> set[tuple[str, int, str]]:
    return {
        (r[0], r[1], r[2])
        for r in conn.execute(
            "SELECT milestone_key, lead_days, due_at FROM follow_ups "
            "WHERE origin = 'standard' AND case_id = ?",
            (case_id,),
        )
    }


def utc8(d: date) -> str:
    return at(d).astimezone(UTC).isoformat()


def test_standard_follow_ups_at_each_lead_time(conn, cases, clock):
    result = ensure_standard_follow_ups(conn, ON, clock)
    assert result.cases == 3  # open cases only
    # Day 160: day 180 (ON+20) and day 181 (ON+21) at T-14; T-30 passed 10/9 days ago
    # (beyond the grace); day 240's lead is beyond the horizon.
    assert standard_keys(conn, cases["SP-1"]) == {
        ("day_180", 14, utc8(ON + timedelta(days=6))),
        ("day_181", 14, utc8(ON + timedelta(days=7))),
    }
    # Day 26: plan day 30 (ON+4): T-7 passed 3 days ago (created, overdue), T-14 skipped.
    assert standard_keys(conn, cases["SP-2"]) == {
        ("plan_day_30", 7, utc8(ON - timedelta(days=3))),
        ("phone_day_60", 14, utc8(ON + timedelta(days=20))),
        ("day_90", 30, utc8(ON + timedelta(days=34))),
        ("day_90", 14, utc8(ON + timedelta(days=50))),
    }
    assert standard_keys(conn, cases["SP-X"]) == set()
    row = conn.execute(
        "SELECT kind, owner_id, note FROM follow_ups WHERE milestone_key = 'plan_day_30'"
    ).fetchone()
    assert row["kind"] == "employer" and row["owner_id"] is None
    assert row["note"].startswith("Plan för återgång i arbete")
    ev = events(conn, "follow_up.standard")
    assert len(ev) == 3 and all(e["actor"] == "system" for e in ev)  # one per case


def test_standard_is_idempotent_and_never_recreates_a_dismissed_one(conn, hl01, cases, clock):
    first = ensure_standard_follow_ups(conn, ON, clock)
    assert first.created > 0
    again = ensure_standard_follow_ups(conn, ON, clock)
    assert (again.created, again.moved) == (0, 0)
    std = list_follow_ups(conn, hl01, NOW, origin="standard")[0]
    dismiss_follow_up(conn, std.id, hl01, "Inte aktuellt", clock)
    assert ensure_standard_follow_ups(conn, ON, clock).created == 0
    assert get_follow_up(conn, std.id).state == "dismissed"
    # The next day creates only what the new day brings.
    count = conn.execute("SELECT count(*) FROM follow_ups").fetchone()[0]
    ensure_standard_follow_ups(conn, ON + timedelta(days=1), clock)
    ensure_standard_follow_ups(conn, ON + timedelta(days=1), clock)
    assert conn.execute("SELECT count(*) FROM follow_ups").fetchone()[0] >= count
    dupes = conn.execute(
        "SELECT count(*) FROM (SELECT 1 FROM follow_ups WHERE origin = 'standard' "
        "GROUP BY case_id, milestone_key, lead_days HAVING count(*) > 1)"
    ).fetchone()[0]
    assert dupes == 0


def test_standard_never_touches_personal_follow_ups(conn, hl01, cases, clock):
    fu = create_follow_up(conn, "SP-1", hl01, at(ON, 9), clock, note="Min egen")
    snooze_follow_up(conn, fu.id, hl01, at(ON + timedelta(days=2)), clock, wake_on="none")
    before = dict(conn.execute("SELECT * FROM follow_ups WHERE id = ?", (fu.id,)).fetchone())
    ensure_standard_follow_ups(conn, ON, clock)
    conn.execute("UPDATE sick_periods SET start = ? WHERE case_id = ?",
                 ((ON - timedelta(days=150)).isoformat(), cases["SP-1"]))  # fmt: skip
    ensure_standard_follow_ups(conn, ON + timedelta(days=1), clock)
    after = dict(conn.execute("SELECT * FROM follow_ups WHERE id = ?", (fu.id,)).fetchone())
    assert after == before


def test_standard_moves_with_the_chain(conn, cases, clock):
    ensure_standard_follow_ups(conn, ON, clock)
    conn.execute(
        "UPDATE sick_periods SET start = ? WHERE case_id = ?",
        ((ON - timedelta(days=157)).isoformat(), cases["SP-1"]),
    )  # the chain started two days later: day 180 is two days further away
    result = ensure_standard_follow_ups(conn, ON, clock)
    assert (result.moved, result.created) == (2, 1)
    assert standard_keys(conn, cases["SP-1"]) == {
        ("day_180", 14, utc8(ON + timedelta(days=8))),
        ("day_181", 14, utc8(ON + timedelta(days=9))),
        ("day_181", 30, utc8(ON - timedelta(days=7))),  # now inside the grace days
    }
    assert json.loads(events(conn, "follow_up.standard")[-1]["detail"])["moved"]


def test_a_new_chain_after_the_gap_gets_its_own_standard_follow_ups(conn, stock):
    # First chain: day 26 on ON, the plan (day 30) follow-up is made and done.
    case = stock.case("SP-N", start=ON - timedelta(days=25), end=ON + timedelta(days=10))
    ensure_standard_follow_ups(conn, ON, FixedClock(NOW))
    first = conn.execute(
        "SELECT id, chain_start FROM follow_ups WHERE case_id = ? AND milestone_key = ?",
        (case, "plan_day_30"),
    ).fetchall()
    assert [r[1] for r in first] == [(ON - timedelta(days=25)).isoformat()]
    conn.execute("UPDATE follow_ups SET state = 'done' WHERE case_id = ?", (case,))
    # The person is back at work for 120 days (more than the 90-day link), then sick again:
    # a new chain, whose day 30 needs its own follow-up.
    again = ON + timedelta(days=10 + 121)
    stock.period(case, again, None)
    later = again + timedelta(days=25)
    clock = FixedClock(datetime.combine(later, NOW.timetz()))
    assert ensure_standard_follow_ups(conn, later, clock).created > 0
    rows = conn.execute(
        "SELECT state, chain_start FROM follow_ups WHERE case_id = ? AND milestone_key = ? "
        "ORDER BY id",
        (case, "plan_day_30"),
    ).fetchall()
    assert [tuple(r) for r in rows] == [
        ("done", (ON - timedelta(days=25)).isoformat()),
        ("open", again.isoformat()),
    ]
    # And, as ever, the same chain never gets a second one.
    assert ensure_standard_follow_ups(conn, later, clock).created == 0


def test_an_open_standard_follow_up_goes_on_with_a_new_chain_never_doubled(conn, stock):
    # The first chain's reminders were never done; the person is sick again after the gap.
    case = stock.case("SP-O", start=ON - timedelta(days=25), end=ON + timedelta(days=10))
    ensure_standard_follow_ups(conn, ON, FixedClock(NOW))
    again = ON + timedelta(days=10 + 121)
    stock.period(case, again, None)
    later = again + timedelta(days=25)
    ensure_standard_follow_ups(conn, later, FixedClock(datetime.combine(later, NOW.timetz())))
    open_per_lead = conn.execute(
        "SELECT milestone_key, lead_days, count(*), max(chain_start) FROM follow_ups "
        "WHERE case_id = ? AND state = 'open' GROUP BY milestone_key, lead_days",
        (case,),
    ).fetchall()
    assert open_per_lead and all(r[2] == 1 for r in open_per_lead)
    assert {r[3] for r in open_per_lead} == {again.isoformat()}


def test_a_standard_follow_up_from_before_chains_were_labelled_is_kept(conn, stock, clock):
    # Rows made before the chain label existed (chain_start empty) count for the chain
    # running when they were made: nothing is created twice after the upgrade.
    case = stock.case("SP-L", start=ON - timedelta(days=25))
    ensure_standard_follow_ups(conn, ON, clock)
    conn.execute("UPDATE follow_ups SET chain_start = NULL WHERE case_id = ?", (case,))
    assert ensure_standard_follow_ups(conn, ON, clock).created == 0
    labels = {r[0] for r in conn.execute(
        "SELECT chain_start FROM follow_ups WHERE case_id = ?", (case,))}  # fmt: skip
    assert labels == {(ON - timedelta(days=25)).isoformat()}


def test_standard_skips_a_paused_chain(conn, stock, clock):
    case = stock.case("SP-P", start=ON - timedelta(days=100), end=ON - timedelta(days=5))
    ensure_standard_follow_ups(conn, ON, clock)
    assert standard_keys(conn, case) == set()


def test_standard_for_one_caseworker(conn, hl02, cases, clock):
    result = ensure_standard_follow_ups(conn, ON, clock, caseworker_id=hl02.id)
    assert result.cases == 1
    assert standard_keys(conn, cases["SP-1"]) == set()
    assert standard_keys(conn, cases["SP-9"])


# -- the command -------------------------------------------------------------------------------

FU_KEYS = {
    "id", "case_id", "kind", "kind_label", "origin", "milestone_key", "lead_days", "note",
    "state", "due_at", "due_local", "snoozed_until", "wake_on", "recurrence", "occurrences",
    "fire_at", "fired_at", "closed_at", "close_note", "deleted", "snoozed", "due",
}  # fmt: skip


def cli_add(run_cli, *extra: str):
    return run_cli("follow-up", "add", "SP-1", "--as", "hl01", "--on", ON.isoformat(), *extra)


def test_cli_add_json_shape(run_cli, cases):
    result = cli_add(run_cli, "--at", "i morgon", "--kind", "insured", "--note", "Ring", "--json")
    assert result.exit_code == 0, result.stderr
    data = result.json()
    assert set(data) == {"follow_up"}
    fu = data["follow_up"]
    assert set(fu) == FU_KEYS
    assert fu["case_id"] == "SP-1" and fu["kind"] == "insured" and fu["note"] == "Ring"
    assert fu["due_at"] == "2026-11-24T07:00:00+00:00"
    assert fu["due_local"] == "2026-11-24T08:00:00+01:00"
    assert fu["origin"] == "personal" and fu["recurrence"] is None


def test_cli_add_recurring(run_cli, cases):
    result = cli_add(run_cli, "--at", "fre 10:00", "--every", "2w", "--until", "2027-01-31",
                     "--json")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.json()["follow_up"]["recurrence"] == {
        "every": 2, "unit": "weeks", "until": "2027-01-31", "count": None, "at": "10:00",
        "day": None,
    }  # fmt: skip
    text = cli_add(run_cli, "--at", "+1d", "--every", "3d", "--count", "4")
    assert text.exit_code == 0 and "återkommer var 3:e dag, 4 gånger" in text.stdout


def test_cli_bad_when_exits_2_with_accepted_forms(run_cli, cases):
    result = cli_add(run_cli, "--at", "snart")
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("overblick: ")
    for form in ("Godkända former", "i morgon", "nästa arbetsdag", "+3d", "2026-12-01"):
        assert form in lines[0]


@pytest.mark.parametrize(
    "args",
    [
        ("--at", "i morgon", "--until", "2027-01-01"),  # --until without --every
        ("--at", "i morgon", "--every", "2x"),
        ("--at", "i morgon", "--kind", "boss"),
    ],
)
def test_cli_add_usage_errors(run_cli, cases, args):
    result = cli_add(run_cli, *args)
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1


def test_cli_unknown_case_and_id(run_cli, cases):
    result = run_cli("follow-up", "add", "NOPE", "--at", "i morgon", "--as", "hl01")
    assert result.exit_code == 2 and "NOPE" in result.stderr
    result = run_cli("follow-up", "done", "999", "--as", "hl01")
    assert result.exit_code == 2 and "999" in result.stderr


def test_cli_list_done_snooze_json(run_cli, cases):
    first = cli_add(run_cli, "--at", "2026-11-23 09:00", "--json").json()["follow_up"]["id"]
    second = cli_add(run_cli, "--at", "2026-11-23 09:00", "--json").json()["follow_up"]["id"]
    listed = run_cli("follow-up", "list", "--due", "--as", "hl01", "--on", "2026-11-23", "--json")
    assert listed.exit_code == 0, listed.stderr
    data = listed.json()
    assert set(data) == {"now", "caseworker", "due_only", "follow_ups", "hidden"}
    assert data["caseworker"] == "hl01" and data["due_only"] is True
    assert [f["id"] for f in data["follow_ups"]] == [first, second]
    assert all(set(f) == FU_KEYS for f in data["follow_ups"])

    snoozed = run_cli("follow-up", "snooze", str(first), "--until", "+2w", "--wake",
                      "certificate", "--as", "hl01", "--on", "2026-11-23", "--json")  # fmt: skip
    assert snoozed.exit_code == 0, snoozed.stderr
    s = snoozed.json()
    assert set(s) == {"follow_up", "requested_until", "capped", "floor"}
    assert s["capped"] is True and s["floor"]["milestone_key"] == "day_180"
    assert s["follow_up"]["wake_on"] == "certificate"
    assert s["follow_up"]["snoozed_until"] == "2026-11-29T07:00:00+00:00"

    done = run_cli("follow-up", "done", str(second), "--note", "Klart", "--as", "hl01", "--json")
    assert done.exit_code == 0, done.stderr
    assert done.json()["advanced"] is False
    assert done.json()["follow_up"]["state"] == "done"

    listed = run_cli("follow-up", "list", "--as", "hl01", "--on", "2026-11-23", "--json").json()
    assert [f["id"] for f in listed["follow_ups"]] == [first]
    assert listed["follow_ups"][0]["snoozed"] is True
    assert listed["hidden"]["count"] == 1
    assert listed["hidden"]["cases"][0]["case_id"] == "SP-1"


def test_cli_text_output_is_swedish(run_cli, cases):
    added = cli_add(run_cli, "--at", "2026-11-20 09:00", "--note", "Ring")
    assert added.exit_code == 0
    assert "Bevakning #1 skapad: SP-1, fre 20 nov 09:00" in added.stdout
    assert "redan passerat" in added.stdout
    snoozed = run_cli("follow-up", "snooze", "1", "--until", "i morgon", "--as", "hl01",
                      "--on", "2026-11-23")  # fmt: skip
    assert "uppskjuten till tis 24 nov 08:00" in snoozed.stdout
    assert "ny impuls" in snoozed.stdout
    listed = run_cli("follow-up", "list", "--as", "hl01", "--on", "2026-11-23")
    assert "SP-1" in listed.stdout and "väcks av: ny impuls i ärendet" in listed.stdout
    assert "Anna" not in listed.stdout


def test_cli_reschedule_delete_undo_dismiss_standard(run_cli, cases):
    fid = cli_add(run_cli, "--at", "i morgon", "--json").json()["follow_up"]["id"]
    moved = run_cli("follow-up", "reschedule", str(fid), "--at", "2026-12-01 10:30", "--as",
                    "hl01", "--on", "2026-11-23", "--json")  # fmt: skip
    assert moved.exit_code == 0 and moved.json()["follow_up"]["due_local"].startswith(
        "2026-12-01T10:30"
    )
    deleted = run_cli("follow-up", "delete", str(fid), "--as", "hl01")
    assert deleted.exit_code == 0 and f"follow-up undo {fid}" in deleted.stdout
    undone = run_cli("follow-up", "undo", str(fid), "--as", "hl01", "--json")
    assert undone.exit_code == 0 and undone.json()["follow_up"]["deleted"] is False

    std = run_cli("follow-up", "standard", "--on", "2026-11-23", "--json")
    assert std.exit_code == 0, std.stderr
    assert set(std.json()) == {"on", "cases", "created", "moved"}
    assert std.json()["created"] > 0
    listed = run_cli("follow-up", "list", "--as", "hl01", "--on", "2026-11-23", "--json").json()
    std_id = next(f["id"] for f in listed["follow_ups"] if f["origin"] == "standard")
    no_reason = run_cli("follow-up", "dismiss", str(std_id), "--as", "hl01")
    assert no_reason.exit_code == 2
    ok = run_cli("follow-up", "dismiss", str(std_id), "--reason", "Utrett", "--as", "hl01",
                 "--json")  # fmt: skip
    assert ok.exit_code == 0 and ok.json()["follow_up"]["state"] == "dismissed"
    personal = run_cli("follow-up", "dismiss", str(fid), "--reason", "x", "--as", "hl01")
    assert personal.exit_code == 2 and "Bara standardbevakningar" in personal.stderr
