"""Handover without lost impulses: the note that travels with a case, the new owner's intake
review at the top of Idag, no reminder for the one who gave the case away, a whole stock
spread over named colleagues, units as data, cover of the same unit first, and who answers
for an absent colleague's cases (issue #14; 004:3978–3988, 004:4383–4391, 004:4907–4911)."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime, time, timedelta

import pytest

from app.base.clock import STOCKHOLM, FixedClock, utc_iso
from app.base.errors import InvalidInputError
from app.case.handover import (
    carry_over,
    complete_review,
    handover_notes,
    open_reviews,
    review_of,
)
from app.case.inbox import record_outcome
from app.chain.casework_rules import unit_rules
from app.followups.reminders import due_reminders
from app.priority.profile import resolve_caseworker
from app.stock.today import today_list
from app.team.colleagues import colleagues_for, reach_case
from app.team.cover import mark_absent
from app.team.reassign import propose_balance, reassign
from app.team.spread import apply_spread, propose_spread
from db import transaction
from tests.builders import StockBuilder

ON = date(2026, 11, 23)
CLOCK = FixedClock(datetime.combine(ON, time(9), tzinfo=STOCKHOLM))
NOW = CLOCK.now()


def cw(conn: sqlite3.Connection, ext_id: str):
    return resolve_caseworker(conn, ext_id)


def set_unit(conn: sqlite3.Connection, ext_id: str, unit: str | None, phone: str | None = None):
    with transaction(conn):
        conn.execute(
            "UPDATE caseworkers SET unit = ?, phone = ? WHERE ext_id = ?", (unit, phone, ext_id)
        )


def personal_follow_up(conn: sqlite3.Connection, case_id: int, owner: int, due: date) -> int:
    with transaction(conn):
        return conn.execute(
            "INSERT INTO follow_ups(case_id, owner_id, due_at, kind, origin, state, created_at) "
            "VALUES (?, ?, ?, 'employer', 'personal', 'open', ?)",
            (case_id, owner, utc_iso(datetime.combine(due, time(8), tzinfo=STOCKHOLM)),
             utc_iso(NOW)),
        ).lastrowid  # fmt: skip


@pytest.fixture
def team(conn: sqlite3.Connection, stock: StockBuilder) -> dict[str, int]:
    stock.caseworker("hl01", "Anna Andersson")
    stock.caseworker("hl02", "Bo Berg")
    stock.caseworker("hl03", "Cia Carlsson")
    stock.caseworker("lead01", "Lena Ledare", role="lead")
    set_unit(conn, "hl01", "Första anspråk")
    set_unit(conn, "hl02", "Trygghet vid sjukdom", "010-222 00 02")  # the 2023 name
    set_unit(conn, "hl03", "Fördjupad utredning", "010-333 00 03")
    ids = {
        "a1": stock.case("A1", start=ON - timedelta(days=40), caseworker="hl01"),
        "a2": stock.case("A2", start=ON - timedelta(days=120), caseworker="hl01"),
        "a3": stock.case("A3", start=ON - timedelta(days=10), caseworker="hl01"),
        "b1": stock.case("B1", start=ON - timedelta(days=200), caseworker="hl02"),
    }
    ids["imp_old"] = stock.impulse(ids["a1"], ON - timedelta(days=5), "workplace_problem")
    ids["imp_new"] = stock.impulse(ids["a1"], ON - timedelta(days=1), "rehab_need")
    stock.impulse(ids["a1"], ON - timedelta(days=20), "other", outcome="acted")
    ids["fu"] = personal_follow_up(conn, ids["a1"], stock.caseworkers["hl01"], ON)
    return ids


def test_units_are_data_with_aliases() -> None:
    rules = unit_rules()
    assert rules.resolve("Trygghet vid sjukdom").key == "in_depth"  # 004:3820
    assert rules.resolve("  vo 2 ").name_sv == "Fördjupad utredning"
    assert rules.key_of("Fördjupad utredning") == rules.key_of("VO2") == "in_depth"
    assert {u.key for u in rules.units} == {"first_claims", "in_depth", "return_support"}
    assert all(u.source for u in rules.units)


def test_moving_between_units_needs_a_note_and_the_case_takes_the_new_unit(
    conn: sqlite3.Connection, team: dict[str, int]
) -> None:
    lead = cw(conn, "lead01")
    with pytest.raises(InvalidInputError, match="byter enhet"):
        reassign(conn, ["A1"], "hl02", "Första beslutet är fattat", lead, CLOCK)
    assert (
        conn.execute("SELECT caseworker_id FROM cases WHERE id = ?", (team["a1"],)).fetchone()[0]
        == cw(conn, "hl01").id
    )
    reassign(
        conn, ["A1"], "hl02", "Första beslutet är fattat", lead, CLOCK,
        note="Arbetsgivaren vill ha avstämning; ring HR före fredag.",
    )  # fmt: skip
    assert conn.execute("SELECT unit FROM cases WHERE id = ?", (team["a1"],)).fetchone()[0] == (
        "Fördjupad utredning"
    )
    [note] = handover_notes(conn, "A1")
    assert (note.from_caseworker, note.to_caseworker) == ("hl01", "hl02")
    assert (note.from_unit, note.to_unit) == ("Första anspråk", "Fördjupad utredning")
    assert note.note == "Arbetsgivaren vill ha avstämning; ring HR före fredag."
    assert note.reason == "Första beslutet är fattat"
    summary = note.summary
    assert summary["day"] == 41 and summary["phase"] == "1-90"
    assert summary["next_milestone"]["key"] == "phone_day_60"
    assert [i["id"] for i in summary["open_impulses"]] == [team["imp_old"], team["imp_new"]]
    assert [f["id"] for f in summary["open_follow_ups"]] == [team["fu"]]
    assert "last_coordination_on" in summary and "consent" in summary
    event = json.loads(
        conn.execute("SELECT detail FROM events WHERE kind = 'case.reassigned'").fetchone()[0]
    )
    assert event["handover_id"] == note.id and event["to_unit"] == "Fördjupad utredning"


def test_within_a_unit_the_summary_alone_may_travel(
    conn: sqlite3.Connection, team: dict[str, int]
) -> None:
    # Trygghet vid sjukdom and Fördjupad utredning are one unit: no note needed.
    reassign(conn, ["B1"], "hl03", "Jämnare belastning", cw(conn, "lead01"), CLOCK)
    [note] = handover_notes(conn, "B1")
    assert note.note is None and note.summary["day"] == 201


def test_the_new_owner_reviews_the_case_at_the_top_of_idag_until_done(
    conn: sqlite3.Connection, team: dict[str, int]
) -> None:
    anna, bo = cw(conn, "hl01"), cw(conn, "hl02")
    reassign(conn, ["A1"], "hl02", "Fortsättning", cw(conn, "lead01"), CLOCK, note="Se impulsen")
    before = today_list(conn, bo, ON)
    assert [i.facts.case_ref for i in before.intake] == ["A1"]
    assert "A1" not in {i.facts.case_ref for i in [*before.planned, *before.ranked]}
    [review] = open_reviews(conn, bo)
    # The impulses without an outcome and the open follow-ups come first.
    assert [i["id"] for i in review.impulses] == [team["imp_old"], team["imp_new"]]
    assert [f["id"] for f in review.follow_ups] == [team["fu"]]
    assert review.handover is not None and review.handover.note == "Se impulsen"
    with pytest.raises(InvalidInputError, match=f"#{team['imp_old']}"):
        complete_review(conn, "A1", bo, CLOCK)
    with pytest.raises(InvalidInputError, match="nya handläggarens"):
        carry_over(conn, "A1", [team["imp_old"]], "", anna, CLOCK)  # not Anna's any more
    assert carry_over(conn, "A1", [team["imp_old"]], "Väntar på FHV", bo, CLOCK) == 1
    with pytest.raises(InvalidInputError, match=f"#{team['imp_new']}"):
        complete_review(conn, "A1", bo, CLOCK)
    record_outcome(conn, [team["imp_new"]], "acted", "Ringt vården", bo, CLOCK)
    done = complete_review(conn, "A1", bo, CLOCK)
    assert done.state == "done" and done.done_at is not None
    assert open_reviews(conn, bo) == []
    after = today_list(conn, bo, ON)
    assert after.intake == [] and "A1" in {i.facts.case_ref for i in after.ranked}
    kinds = [r[0] for r in conn.execute("SELECT kind FROM events WHERE kind LIKE 'intake.%'")]
    assert kinds == ["intake.carried_over", "intake.done"]


def test_the_old_owner_gets_no_reminder_for_a_case_that_left(
    conn: sqlite3.Connection, team: dict[str, int]
) -> None:
    anna, bo = cw(conn, "hl01"), cw(conn, "hl02")
    assert [r.follow_up_id for r in due_reminders(conn, NOW, anna)] == [team["fu"]]
    reassign(conn, ["A1"], "hl02", "Fortsättning", cw(conn, "lead01"), CLOCK, note="Klart")
    assert due_reminders(conn, NOW, anna) == []
    assert open_reviews(conn, anna) == []
    assert "A1" not in {i.facts.case_ref for i in today_list(conn, anna, ON).ranked}
    assert [r.follow_up_id for r in due_reminders(conn, NOW, bo)] == [team["fu"]]


def test_a_review_left_undone_goes_with_the_case_to_its_next_owner(
    conn: sqlite3.Connection, team: dict[str, int]
) -> None:
    lead, bo, cia = cw(conn, "lead01"), cw(conn, "hl02"), cw(conn, "hl03")
    reassign(conn, ["A1"], "hl02", "Fortsättning", lead, CLOCK, note="Första")
    reassign(conn, ["A1"], "hl03", "Bo är sjuk", lead, CLOCK)  # same unit: no note needed
    assert open_reviews(conn, bo) == []
    assert [r.case_ref for r in open_reviews(conn, cia)] == ["A1"]
    states = [r[0] for r in conn.execute("SELECT state FROM intake_reviews ORDER BY id")]
    assert states == ["superseded", "open"]
    assert review_of(conn, "A1").handover.from_caseworker == "hl02"


def test_a_departing_caseworkers_stock_is_spread_over_named_colleagues(
    conn: sqlite3.Connection, team: dict[str, int]
) -> None:
    set_unit(conn, "hl01", "Fördjupad utredning")  # Anna now works where Bo and Cia do
    lead = cw(conn, "lead01")
    plan = propose_spread(conn, "hl01", ["hl02", "hl03"], ON, by_hand={"A3": "hl02"})
    assert sorted(m.case_ref for m in plan.moves) == ["A1", "A2", "A3"]
    placed = {m.case_ref: m for m in plan.moves}
    assert placed["A3"].to == "hl02" and placed["A3"].by_hand
    assert set(plan.counts()) == {"hl02", "hl03"} and not plan.needs_note
    assert conn.execute("SELECT count(*) FROM handovers").fetchone()[0] == 0  # nothing moved
    moved = apply_spread(conn, plan, "Anna slutar", lead, CLOCK, note="Se anteckningarna")
    assert moved == 3
    owners = dict(conn.execute("SELECT case_ref, caseworker_id FROM cases").fetchall())
    assert {owners[r] for r in ("A1", "A2", "A3")} <= {cw(conn, "hl02").id, cw(conn, "hl03").id}
    notes = conn.execute("SELECT case_id, note FROM handovers ORDER BY case_id").fetchall()
    assert [n[1] for n in notes] == ["Se anteckningarna"] * 3  # each case with its note
    reviews = conn.execute("SELECT count(*) FROM intake_reviews WHERE state = 'open'").fetchone()
    assert reviews[0] == 3
    # Stale: a case that moved meanwhile refuses the whole plan.
    plan = propose_spread(conn, "hl02", ["hl03"], ON)
    reassign(conn, [plan.moves[0].case_ref], "hl01", "Tillbaka", lead, CLOCK)
    with pytest.raises(InvalidInputError, match="inaktuellt"):
        apply_spread(conn, plan, "Bo slutar", lead, CLOCK)


def test_a_spread_offers_colleagues_of_the_cases_unit_first(
    conn: sqlite3.Connection, team: dict[str, int]
) -> None:
    set_unit(conn, "hl03", "Första anspråk")  # Cia shares Anna's unit, Bo does not
    plan = propose_spread(conn, "hl01", ["hl02", "hl03"], ON)
    assert {m.to for m in plan.moves} == {"hl03"} and not plan.needs_note
    by_hand = propose_spread(conn, "hl01", ["hl02", "hl03"], ON, by_hand={"A1": "hl02"})
    assert by_hand.needs_note and [m.case_ref for m in by_hand.moves if m.other_unit] == ["A1"]
    with pytest.raises(InvalidInputError, match="byter enhet"):
        apply_spread(conn, by_hand, "Anna slutar", cw(conn, "lead01"), CLOCK)


def test_balancing_proposes_moves_only_within_a_unit(
    conn: sqlite3.Connection, stock: StockBuilder
) -> None:
    for ext in ("hl01", "hl02"):
        stock.caseworker(ext)
    for n in range(6):  # hl01 carries six cases with a milestone close ahead, hl02 none
        stock.case(f"X{n}", start=ON - timedelta(days=80), caseworker="hl01")
    stock.case("Y0", start=ON - timedelta(days=5), caseworker="hl02")
    assert propose_balance(conn, ON, store=False).moves  # no units: moves as before
    set_unit(conn, "hl01", "Första anspråk")
    set_unit(conn, "hl02", "Stöd för återgång")
    assert propose_balance(conn, ON, store=False).moves == []


def test_colleagues_of_the_cases_unit_come_first_and_cover_elsewhere_needs_a_reason(
    conn: sqlite3.Connection, team: dict[str, int]
) -> None:
    set_unit(conn, "hl01", "Fördjupad utredning")
    unit, found = colleagues_for(conn, ON, case_ref="A1")
    assert unit == "Fördjupad utredning"
    assert [(c.ext_id, c.same_unit) for c in found] == [("hl02", True), ("hl03", True)]
    set_unit(conn, "hl01", "Stöd för återgång")
    lead = cw(conn, "lead01")
    with pytest.raises(InvalidInputError, match="annan enhet"):
        mark_absent(conn, "hl01", "hl02", ON, ON + timedelta(days=3), lead, CLOCK)
    absence = mark_absent(
        conn, "hl01", "hl02", ON, ON + timedelta(days=3), lead, CLOCK,
        reason="Ingen annan på Stöd för återgång är i tjänst",
    )  # fmt: skip
    assert absence.reason == "Ingen annan på Stöd för återgång är i tjänst"


def test_an_absent_caseworkers_cases_show_who_covers_and_how_to_reach_them(
    conn: sqlite3.Connection, team: dict[str, int]
) -> None:
    set_unit(conn, "hl01", "Fördjupad utredning")
    lead = cw(conn, "lead01")
    assert reach_case(conn, "A1", ON).covering is False
    mark_absent(conn, "hl01", "hl02", ON, ON + timedelta(days=3), lead, CLOCK)
    found = reach_case(conn, "A1", ON)
    assert found.covering and (found.caseworker, found.answers) == ("hl01", "hl02")
    assert found.phone == "010-222 00 02" and found.away_until == ON + timedelta(days=3)
    assert "hl02" in found.text_sv() and "010-222 00 02" in found.text_sv()
    after = reach_case(conn, "A1", ON + timedelta(days=4))
    assert not after.covering and after.answers == "hl01"
