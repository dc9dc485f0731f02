"""One test per priority contribution, plus the rules that hold for every score."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from app.chain.rules import standard_weights
from app.chain.state import chain_on
from app.priority.score import CaseFacts, OpenFollowUp, OpenImpulse, rank, score_case

ON = date(2026, 11, 23)
W = standard_weights()


def facts(day_in_chain: int = 40, **kw: object) -> CaseFacts:
    """A case whose open period began so that ``ON`` is ``day_in_chain``."""
    start = ON - timedelta(days=day_in_chain - 1)
    employment = kw.pop("employment", "employed")
    chain = chain_on([(start, None)], ON, employment=employment)
    base = CaseFacts(id=1, case_ref=kw.pop("case_ref", "SP-1"), chain=chain, chain_start=start)
    return replace(base, **kw)


def points(f: CaseFacts, key_prefix: str) -> float:
    return sum(c.points for c in score_case(f, ON, W).contributions if c.key.startswith(key_prefix))


def reasons(f: CaseFacts) -> dict[str, str]:
    return {c.key: c.text for c in score_case(f, ON, W).contributions}


def test_a_quiet_case_scores_zero_with_no_reasons():
    score = score_case(facts(), ON, W)
    assert score.total == 0
    assert score.contributions == ()


def test_unhandled_impulse_scores_by_type_and_grows_with_age():
    fresh = facts(impulses=[OpenImpulse("cert_coordination_need", ON, unread=False)])
    old = facts(impulses=[OpenImpulse("cert_coordination_need", ON - timedelta(10), False)])
    other = facts(impulses=[OpenImpulse("other", ON, unread=False)])
    assert points(fresh, "impulse.") == W["impulse.cert_coordination_need"]
    assert (
        points(old, "impulse.") == W["impulse.cert_coordination_need"] + 10 * W["impulse.per_day"]
    )
    assert points(other, "impulse.") < points(fresh, "impulse.")
    assert "intyget anger samordningsbehov" in reasons(old)["impulse.cert_coordination_need"]
    assert "10 dagar" in reasons(old)["impulse.cert_coordination_need"]


def test_impulse_age_growth_is_capped():
    capped = facts(impulses=[OpenImpulse("other", ON - timedelta(400), False)])
    assert (
        points(capped, "impulse.")
        == W["impulse.other"] + W["impulse.max_days"] * W["impulse.per_day"]
    )


def test_unread_impulse_weighs_more_and_says_so():
    read = facts(impulses=[OpenImpulse("rehab_need", ON, unread=False)])
    unread = facts(impulses=[OpenImpulse("rehab_need", ON, unread=True)])
    assert points(unread, "impulse.") - points(read, "impulse.") == W["impulse.unread_bonus"]
    assert "oläst" in reasons(unread)["impulse.rehab_need"]


def test_follow_up_due_today_scores_and_names_the_actor():
    f = facts(follow_ups=[OpenFollowUp(ON, "employer")])
    assert points(f, "follow_up.due_today") == W["follow_up.due_today"]
    assert "arbetsgivaren" in reasons(f)["follow_up.due_today"]


def test_overdue_follow_up_grows_with_lateness():
    one = facts(follow_ups=[OpenFollowUp(ON - timedelta(1), "insured")])
    five = facts(follow_ups=[OpenFollowUp(ON - timedelta(5), "insured")])
    assert points(five, "follow_up.overdue") - points(one, "follow_up.overdue") == pytest.approx(
        4 * W["follow_up.overdue_per_day"]
    )
    assert "5 dagar" in reasons(five)["follow_up.overdue"]


def test_snoozed_follow_up_does_not_score_until_it_wakes():
    f = facts(follow_ups=[OpenFollowUp(ON - timedelta(3), "insured", ON + timedelta(1))])
    assert points(f, "follow_up") == 0


def test_future_follow_up_does_not_score():
    assert points(facts(follow_ups=[OpenFollowUp(ON + timedelta(2), "insured")]), "follow_up") == 0


def test_milestone_inside_lead_time_grows_to_full_weight_on_its_date():
    far = facts(day_in_chain=150)  # day 180 in 30 days: start of the lead time
    near = facts(day_in_chain=175)
    on_date = facts(day_in_chain=180)
    assert 0 < points(far, "milestone.day_180") < points(near, "milestone.day_180")
    assert points(on_date, "milestone.day_180") == pytest.approx(W["milestone.full"])
    assert "Dag 180" in reasons(near)["milestone.day_180"]


def test_milestone_outside_lead_time_does_not_score():
    assert points(facts(day_in_chain=100), "milestone.") == 0


def test_missing_os_position_after_day_181_is_large():
    missing = facts(day_in_chain=200, checklist_done=True)
    decided = facts(day_in_chain=200, checklist_done=True, os_position="os")
    assert points(missing, "milestone.day_181.missing") >= W["milestone.missing_position"]
    assert points(decided, "milestone.day_181") == 0
    assert "övervägande skäl saknas" in reasons(missing)["milestone.day_181.missing"]


def test_unfinished_checklist_after_day_180_is_flagged_until_the_os_position_is_taken():
    f = facts(day_in_chain=181, checklist_done=False)
    assert points(f, "milestone.day_180.missing") >= W["milestone.missing_position"]
    decided = facts(day_in_chain=185, os_position="nfa", checklist_done=False)
    assert points(decided, "milestone.day_180") == 0


def test_unemployed_case_has_no_day_181_position_to_miss():
    f = facts(day_in_chain=200, employment="unemployed", checklist_done=True)
    assert points(f, "milestone.day_181") == 0


def test_coordination_waiting_grows_slowly_and_is_capped():
    def waited(days: int) -> CaseFacts:
        return facts(
            day_in_chain=300, coordination_needed=True, last_coordination_on=ON - timedelta(days)
        )

    assert points(waited(10), "coordination") == 0
    assert points(waited(30), "coordination") == W["coordination.base"]
    assert points(waited(60), "coordination") > points(waited(30), "coordination")
    assert points(waited(2000), "coordination") == W["coordination.max"]
    assert "Väntar på samordning" in reasons(waited(60))["coordination.waiting"]


def test_certificate_ending_within_a_week_without_extension():
    ending = facts(last_certificate_end=ON + timedelta(3))
    later = facts(last_certificate_end=ON + timedelta(20))
    assert points(ending, "certificate") == W["certificate.ending"]
    assert points(later, "certificate") == 0
    assert "går ut om 3 dagar" in reasons(ending)["certificate.ending"]


def test_actor_past_promised_date():
    f = facts(awaiting_actor="arbetsgivaren", awaiting_until=ON - timedelta(4))
    not_yet = facts(awaiting_actor="arbetsgivaren", awaiting_until=ON + timedelta(4))
    assert points(f, "awaiting") == W["awaiting.base"] + 4 * W["awaiting.per_day"]
    assert points(not_yet, "awaiting") == 0
    assert "arbetsgivaren" in reasons(f)["awaiting.overdue"]


def test_pending_benefit_decision_scores():
    assert points(facts(benefit_decision_pending=True), "benefit") == W["benefit.decision_pending"]


def test_recovery_phase_dampens_until_its_look_again_date_then_scores():
    busy = [OpenImpulse("rehab_need", ON, False)]
    resting = facts(impulses=busy, recovery_until=ON + timedelta(10))
    due = facts(impulses=busy, recovery_until=ON)
    assert points(resting, "dampen.recovery_phase") < 0
    assert points(due, "recovery.look_again") == W["recovery.look_again"]


def test_missed_plan_scores_in_the_ranked_list():
    f = facts(planned_on=ON - timedelta(2))
    assert points(f, "plan.missed") == W["plan.missed"] + 2 * W["plan.missed_per_day"]


@pytest.mark.parametrize("flag", ["runs_itself", "no_follow_up"])
def test_flags_dampen_but_never_hide_or_go_below_zero(flag: str):
    busy = {"impulses": [OpenImpulse("rehab_need", ON - timedelta(5), True)]}
    plain = score_case(facts(**busy), ON, W)
    flagged = score_case(facts(**busy, **{flag: True}), ON, W)
    assert 0 < flagged.total < plain.total
    assert any(c.key == f"dampen.{flag}" and c.points < 0 for c in flagged.contributions)
    assert score_case(facts(**{flag: True}), ON, W).total == 0


def test_total_is_the_sum_of_the_contributions():
    f = facts(
        day_in_chain=175,
        impulses=[OpenImpulse("workplace_problem", ON - timedelta(3), True)],
        follow_ups=[OpenFollowUp(ON - timedelta(2), "employer")],
        runs_itself=True,
    )
    score = score_case(f, ON, W)
    assert score.total == pytest.approx(sum(c.points for c in score.contributions), abs=0.05)
    assert score.top_reason is not None and score.top_reason.points > 0


def test_ranking_is_deterministic_with_ties_broken_by_case_id():
    tied = [facts(case_ref=ref) for ref in ("SP-3", "SP-1", "SP-2")]
    assert [f.case_ref for f, _ in rank(tied, ON, W)] == ["SP-1", "SP-2", "SP-3"]


def test_a_changed_weight_changes_the_ranking():
    impulse_case = facts(case_ref="SP-A", impulses=[OpenImpulse("other", ON, False)])
    benefit_case = facts(case_ref="SP-B", benefit_decision_pending=True)
    assert rank([impulse_case, benefit_case], ON, W)[0][0].case_ref == "SP-B"
    mine = {**W, "benefit.decision_pending": 1.0}
    assert rank([impulse_case, benefit_case], ON, mine)[0][0].case_ref == "SP-A"
