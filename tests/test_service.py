"""Service duty: "Andra förmåner" hints that stay until their outcome, the meeting with
Arbetsförmedlingen before an NFA refusal leaves the desk, and referrals that make a
follow-up (issue #14; 003:20–24, 003:143–154, 003:166–182, 003:198–207, 003:280–295)."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from app.base.clock import STOCKHOLM, FixedClock
from app.base.errors import InvalidInputError, RuleTableError
from app.case.benefits import hints_for, record_hint_outcome, scan, set_marks
from app.case.closing import close_case, record_af_offer, record_nfa_refusal
from app.case.inbox import record_outcome
from app.chain.casework_rules import benefit_rules, parse_benefit_rules
from app.chain.rules import standard_weights
from app.followups.referrals import refer, referrals_for
from app.followups.store import get_follow_up
from app.priority.profile import resolve_caseworker
from app.priority.score import score_case
from app.stock.facts import load_facts
from tests.builders import StockBuilder

ON = date(2026, 11, 23)
CLOCK = FixedClock(datetime.combine(ON, time(9), tzinfo=STOCKHOLM))


@pytest.fixture
def me(conn: sqlite3.Connection, stock: StockBuilder):
    stock.caseworker("hl01", "Anna Andersson")
    return resolve_caseworker(conn, "hl01")


def open_hint_impulses(conn: sqlite3.Connection, case_id: int) -> list[str]:
    return [
        r[0]
        for r in conn.execute(
            "SELECT text FROM impulses WHERE case_id = ? AND type = 'other_benefit' "
            "AND outcome IS NULL",
            (case_id,),
        )
    ]


def test_every_benefit_rule_names_its_source_reference_and_date() -> None:
    rules = benefit_rules()
    assert {b.key for b in rules.benefits} >= {
        "work_injury_annuity", "activity_compensation", "sickness_compensation",
        "preventive_sickness_benefit", "pregnancy_benefit", "high_risk_protection",
        "workplace_aids", "employer_rehab_grant",
    }  # fmt: skip
    for rule in rules.benefits:
        assert rule.source and rule.reference and rule.valid_from, rule.key


def test_a_benefit_rule_without_a_date_or_a_condition_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "benefits.toml"
    entry = {"key": "x", "label_sv": "X", "label_en": "X", "reason_sv": "r", "reason_en": "r",
             "reference": "SFB", "source": "003:1"}  # fmt: skip
    with pytest.raises(RuleTableError, match="valid_from"):
        parse_benefit_rules({"benefits": [{**entry, "min_age": 19}]}, path)
    with pytest.raises(RuleTableError, match="saknar villkor"):
        parse_benefit_rules({"benefits": [{**entry, "valid_from": "2022-07-01"}]}, path)


def test_an_nfa_refusal_raises_the_work_injury_hint_and_waits_for_the_af_offer(
    conn: sqlite3.Connection, stock: StockBuilder, me
) -> None:
    case_id = stock.case("N1", start=ON - timedelta(days=200), os_position="nfa")
    weights = standard_weights()
    before = score_case(load_facts(conn, ON, case_ids=[case_id])[0], ON, weights)
    record_nfa_refusal(conn, "N1", ON, me, CLOCK)
    [hint] = hints_for(conn, "N1")
    assert hint.benefit == "work_injury_annuity" and hint.outcome is None
    assert open_hint_impulses(conn, case_id)[0].startswith("Arbetsskadelivränta")
    # The priority shows the missing offer, with its reason.
    after = score_case(load_facts(conn, ON, case_ids=[case_id])[0], ON, weights)
    missing = [c for c in after.contributions if c.key == "af_offer.missing"]
    assert missing and missing[0].points == weights["af_offer.missing"]
    assert after.total > before.total
    # The case cannot be closed without the offer.
    with pytest.raises(InvalidInputError, match="Arbetsförmedlingen"):
        close_case(conn, "N1", ON, me, CLOCK)
    with pytest.raises(InvalidInputError, match="skriftliga"):
        record_af_offer(conn, "N1", "declined", ON, me, CLOCK)  # declined needs written info
    record_af_offer(conn, "N1", "declined", ON, me, CLOCK, written_info_on=ON)
    facts = load_facts(conn, ON, case_ids=[case_id])[0]
    assert not facts.af_offer_missing
    assert "af_offer.missing" not in {c.key for c in score_case(facts, ON, weights).contributions}
    close_case(conn, "N1", ON, me, CLOCK)
    assert conn.execute("SELECT status, closed_on FROM cases WHERE id = ?", (case_id,)).fetchone()[
        :
    ] == ("closed", ON.isoformat())


def test_an_import_does_not_close_a_case_waiting_for_the_af_offer(
    conn: sqlite3.Connection, stock: StockBuilder, me, tmp_path: Path
) -> None:
    from app.exchange.importer import import_file

    stock.case("N2", start=ON - timedelta(days=200))
    record_nfa_refusal(conn, "N2", ON, me, CLOCK)
    source = tmp_path / "cases.csv"
    source.write_text("Ärende;Status;Avslutat\nN2;avslutad;2026-11-23\n", encoding="utf-8")
    result = import_file(conn, source, clock=CLOCK, actor="hl01")
    assert result.rejected == 1
    assert conn.execute("SELECT status FROM cases WHERE case_ref = 'N2'").fetchone()[0] == "open"


def test_hints_by_age_band_and_chain_day_and_by_mark(
    conn: sqlite3.Connection, stock: StockBuilder, me
) -> None:
    young = stock.case("Y1", start=ON - timedelta(days=380), birth_date="2000-03-01")
    older = stock.case("O1", start=ON - timedelta(days=380), birth_date="1970-03-01")
    early = stock.case("E1", start=ON - timedelta(days=100), birth_date="2000-03-01")
    scan(conn, ON, CLOCK)
    assert {h.benefit for h in hints_for(conn, "Y1")} == {
        "activity_compensation", "sickness_compensation",
    }  # fmt: skip
    assert {h.benefit for h in hints_for(conn, "O1")} == {"sickness_compensation"}
    assert hints_for(conn, "E1") == []
    marks, found = set_marks(conn, "E1", ["pregnant", "workplace_aids"], [], me, CLOCK)
    assert marks == ["pregnant", "workplace_aids"]
    assert {r["benefit"] for r in found.raised} == {"pregnancy_benefit", "workplace_aids"}
    with pytest.raises(InvalidInputError, match="Okänd markering"):
        set_marks(conn, "E1", ["nonsense"], [], me, CLOCK)
    again = scan(conn, ON, CLOCK)  # idempotent: a hint is raised once per case
    assert again.raised == []
    assert young and older and early


def test_a_hint_stays_until_its_outcome_informed_with_date_and_channel_or_not_relevant(
    conn: sqlite3.Connection, stock: StockBuilder, me
) -> None:
    case_id = stock.case("W1", start=ON - timedelta(days=30))
    stock.impulse(case_id, ON - timedelta(days=2), "workplace_problem")
    set_marks(conn, "W1", ["work_injury"], [], me, CLOCK)
    hints = {h.benefit: h for h in hints_for(conn, "W1")}
    assert set(hints) == {"work_injury_annuity", "employer_rehab_grant"}
    injury, grant = hints["work_injury_annuity"], hints["employer_rehab_grant"]
    # The generic outcome cannot close a hint as handled: it needs the date and the channel.
    with pytest.raises(InvalidInputError, match="annan förmån"):
        record_outcome(conn, [injury.impulse_id], "acted", "Klart", me, CLOCK)
    with pytest.raises(InvalidInputError, match="kanal"):
        record_hint_outcome(conn, injury.id, "informed", me, CLOCK, informed_on=ON)
    with pytest.raises(InvalidInputError, match="varför"):
        record_hint_outcome(conn, grant.id, "not_relevant", me, CLOCK)
    assert len(open_hint_impulses(conn, case_id)) == 2  # both still there
    done = record_hint_outcome(
        conn, injury.id, "informed", me, CLOCK, informed_on=ON - timedelta(days=1),
        channel="phone",
    )  # fmt: skip
    assert (done.outcome, done.informed_on, done.channel) == (
        "informed", (ON - timedelta(days=1)).isoformat(), "phone",
    )  # fmt: skip
    # Not relevant through the inbox: the note is the reason, and the hint follows.
    record_outcome(conn, [grant.impulse_id], "not_relevant", "Egen firma, ingen arbetsgivare", me,
                   CLOCK)  # fmt: skip
    closed = {h.benefit: h for h in hints_for(conn, "W1")}["employer_rehab_grant"]
    assert closed.outcome == "not_relevant" and closed.outcome_note.startswith("Egen firma")
    assert open_hint_impulses(conn, case_id) == []
    with pytest.raises(InvalidInputError, match="redan ett utfall"):
        record_hint_outcome(conn, injury.id, "not_relevant", me, CLOCK, reason="x")
    scan(conn, ON, CLOCK)
    assert len(hints_for(conn, "W1")) == 2  # never raised again


def test_a_referral_makes_a_follow_up_to_check_the_contact(
    conn: sqlite3.Connection, stock: StockBuilder, me
) -> None:
    stock.case("R1", start=ON - timedelta(days=95))
    referral = refer(conn, "R1", "af", ON - timedelta(days=2), me, CLOCK, note="Kontaktmöte")
    assert referral.chain_day == 94 and referral.referred_on == "2026-11-21"
    follow_up = get_follow_up(conn, referral.follow_up_id)
    assert follow_up.kind == "af" and follow_up.origin == "personal"
    assert follow_up.owner_id == me.id and follow_up.state == "open"
    due = follow_up.due_at.astimezone(STOCKHOLM)
    assert (due.date(), due.time()) == (ON - timedelta(days=2) + timedelta(days=14), time(8))
    assert "Arbetsförmedlingen" in follow_up.note
    assert [r.id for r in referrals_for(conn, "R1")] == [referral.id]
    with pytest.raises(InvalidInputError, match="Okänd aktör"):
        refer(conn, "R1", "astrologer", ON, me, CLOCK)
    with pytest.raises(InvalidInputError, match="framtiden"):
        refer(conn, "R1", "healthcare", ON + timedelta(days=1), me, CLOCK)


def test_a_purged_case_takes_its_hints_referrals_methods_and_handovers_with_it(
    conn: sqlite3.Connection, stock: StockBuilder, me
) -> None:
    from app.case.methods import record_assessment, record_method_event
    from app.safety.retention import purge
    from app.team.reassign import reassign

    stock.caseworker("hl02")
    stock.caseworker("lead01", role="lead")
    stock.case("Z1", start=ON - timedelta(days=200), opened_on="2026-05-01")
    record_nfa_refusal(conn, "Z1", ON - timedelta(days=1), me, CLOCK)
    refer(conn, "Z1", "af", ON, me, CLOCK)
    record_method_event(conn, "Z1", "sassam", ON, me, CLOCK)
    record_assessment(conn, "Z1", "day_180", ON - timedelta(days=20), me, CLOCK)
    reassign(conn, ["Z1"], "hl02", "Test", resolve_caseworker(conn, "lead01"), CLOCK)
    bo = resolve_caseworker(conn, "hl02")
    record_af_offer(conn, "Z1", "accepted", ON, bo, CLOCK)
    close_case(conn, "Z1", ON, bo, CLOCK)
    assert purge(conn, ON + timedelta(days=200), bo, CLOCK, days=90) == 1
    for table in ("benefit_hints", "referrals", "method_events", "assessments", "handovers",
                  "intake_reviews", "impulses", "follow_ups"):  # fmt: skip
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table
