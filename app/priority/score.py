"""The explainable priority: a case's score is a sum of named contributions, each with a reason.

Weights come from a profile: the team standard in resources/rules/priority.toml, overlaid
with the caseworker's own adjustments. Planned cases are not scored higher; they form a
lane of their own (see app.today).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from app.base.bulk import paused_gc
from app.base.model import FOLLOW_UP_KIND_SV, IMPULSE_TYPE_SV
from app.chain.rules import Weights
from app.chain.state import DUE_SOON, PASSED, TODAY, ChainState

WEEKDAYS_SV = ("mån", "tis", "ons", "tors", "fre", "lör", "sön")
MONTHS_SV = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def short_date_sv(day: date) -> str:
    """A date the way a Swedish caseworker reads it: 'mån 23 nov'."""
    return f"{WEEKDAYS_SV[day.weekday()]} {day.day} {MONTHS_SV[day.month - 1]}"


def _days(n: int) -> str:
    return "1 dag" if n == 1 else f"{n} dagar"


class Contribution(NamedTuple):
    """Points and the sentence that explains them."""

    key: str
    points: float
    text: str

    def as_json(self) -> dict[str, object]:
        return {"key": self.key, "points": round(self.points, 1), "text": self.text}


def _shown(key: str, points: float, text: str) -> Contribution:
    """A contribution with its points rounded as they are shown (one decimal)."""
    return Contribution(key, round(points, 1), text)


@dataclass(slots=True)
class OpenImpulse:
    type: str
    received: date
    unread: bool


@dataclass(slots=True)
class OpenFollowUp:
    due: date
    kind: str
    snoozed_until: date | None = None


@dataclass(slots=True)
class CaseFacts:
    """What scoring needs to know about one case, loaded in bulk by app.stock."""

    id: int
    case_ref: str
    chain: ChainState
    impulses: list[OpenImpulse] = field(default_factory=list)
    follow_ups: list[OpenFollowUp] = field(default_factory=list)
    last_certificate_end: date | None = None
    runs_itself: bool = False
    no_follow_up: bool = False
    recovery_until: date | None = None
    benefit_decision_pending: bool = False
    coordination_needed: bool = False
    last_coordination_on: date | None = None
    chain_start: date | None = None
    awaiting_actor: str | None = None
    awaiting_until: date | None = None
    os_position: str | None = None
    checklist_done: bool = False
    planned_on: date | None = None
    # Issue #14: an NFA refusal waits for the meeting with Arbetsförmedlingen to be offered.
    af_offer_missing: bool = False


@dataclass(frozen=True, slots=True)
class Score:
    total: float
    contributions: tuple[Contribution, ...]

    @property
    def top_reason(self) -> Contribution | None:
        positive = [c for c in self.contributions if c.points > 0]
        return max(positive, key=lambda c: c.points) if positive else None


def _impulses(facts: CaseFacts, on: date, w: Weights) -> list[Contribution]:
    by_type: dict[str, list[OpenImpulse]] = {}
    for impulse in facts.impulses:
        by_type.setdefault(impulse.type, []).append(impulse)
    out = []
    per_day, max_days, unread_bonus = (
        w["impulse.per_day"],
        w["impulse.max_days"],
        w["impulse.unread_bonus"],
    )
    for kind in sorted(by_type):
        group = by_type[kind]
        base = w.get(f"impulse.{kind}", w.get("impulse.other", 0.0))
        points = 0.0
        oldest = 0
        unread = 0
        for impulse in group:
            age = max(0, (on - impulse.received).days)
            oldest = max(oldest, age)
            unread += impulse.unread
            points += base + per_day * min(age, max_days) + (unread_bonus if impulse.unread else 0)
        label = IMPULSE_TYPE_SV.get(kind, kind)
        count = f"{len(group)} obehandlade impulser" if len(group) > 1 else "Obehandlad impuls"
        text = f"{count}: {label}, äldsta {_days(oldest)} gammal"
        if unread:
            text += f" ({unread} oläst{'a' if unread > 1 else ''})"
        out.append(_shown(f"impulse.{kind}", points, text))
    return out


def _follow_ups(facts: CaseFacts, on: date, w: Weights) -> list[Contribution]:
    due_today = []
    overdue = []
    for follow_up in facts.follow_ups:
        if follow_up.snoozed_until and follow_up.snoozed_until > on:
            continue
        if follow_up.due == on:
            due_today.append(follow_up)
        elif follow_up.due < on:
            overdue.append(follow_up)
    out = []
    if overdue:
        max_late = int(w["follow_up.overdue_max_days"])
        lates = [(on - f.due).days for f in overdue]
        points = sum(
            w["follow_up.overdue"] + w["follow_up.overdue_per_day"] * min(late, max_late)
            for late in lates
        )
        worst = overdue[lates.index(max(lates))]
        who = FOLLOW_UP_KIND_SV.get(worst.kind, worst.kind)
        head = f"{len(overdue)} bevakningar försenade" if len(overdue) > 1 else "Bevakning försenad"
        out.append(
            _shown("follow_up.overdue", points, f"{head}, upp till {_days(max(lates))} ({who})")
        )
    if due_today:
        who = ", ".join(sorted({FOLLOW_UP_KIND_SV.get(f.kind, f.kind) for f in due_today}))
        head = f"{len(due_today)} bevakningar" if len(due_today) > 1 else "Bevakning"
        out.append(
            _shown(
                "follow_up.due_today",
                w["follow_up.due_today"] * len(due_today),
                f"{head} ska göras i dag ({who})",
            )
        )
    return out


def requirement_met(facts: CaseFacts, requires: str | None) -> bool:
    if requires == "checklist":
        # The checklist prepares the day-181 position; once that is taken it is moot.
        return facts.checklist_done or facts.os_position is not None
    if requires == "os_position":
        return facts.os_position is not None
    return False


def _milestones(facts: CaseFacts, on: date, w: Weights) -> list[Contribution]:
    out = []
    chain = facts.chain
    for milestone in chain.relevant_milestones(lambda needs: requirement_met(facts, needs)):
        if milestone.status == PASSED:
            if milestone.requires and not requirement_met(facts, milestone.requires):
                late = -milestone.days_left
                points = w["milestone.missing_position"] + w[
                    "milestone.missing_position_per_day"
                ] * min(late, w["milestone.missing_position_max_days"])
                what = (
                    "utredningen är inte klar (checklistan före dag 180)"
                    if milestone.requires == "checklist"
                    else "ställningstagande till övervägande skäl saknas"
                )
                out.append(
                    _shown(
                        f"milestone.{milestone.key}.missing",
                        points,
                        f"Dag {milestone.day} passerades för {_days(late)} sedan: {what}",
                    )
                )
            continue
        if not chain.active or milestone.status not in (DUE_SOON, TODAY):
            continue
        if milestone.requires and requirement_met(facts, milestone.requires):
            continue
        lead = max(milestone.lead_days)
        share = (lead - milestone.days_left + 1) / (lead + 1)
        when = "i dag" if milestone.status == TODAY else f"om {_days(milestone.days_left)}"
        out.append(
            _shown(
                f"milestone.{milestone.key}",
                w["milestone.full"] * share,
                f"{milestone.label_sv} {when} ({short_date_sv(milestone.date)})",
            )
        )
    return out


def _coordination(facts: CaseFacts, on: date, w: Weights) -> list[Contribution]:
    if not facts.coordination_needed:
        return []
    since = facts.last_coordination_on or facts.chain_start
    if since is None:
        return []
    waited = (on - since).days
    after = int(w["coordination.after_days"])
    if waited < after:
        return []
    points = min(
        w["coordination.base"] + w["coordination.per_day"] * (waited - after), w["coordination.max"]
    )
    what = "sedan senaste samordningsåtgärd" if facts.last_coordination_on else "utan samordning"
    return [
        _shown(
            "coordination.waiting",
            points,
            f"Väntar på samordning: {_days(waited)} {what}",
        )
    ]


def _certificate(facts: CaseFacts, on: date, w: Weights) -> list[Contribution]:
    end = facts.last_certificate_end
    if end is None or not facts.chain.active:
        return []
    left = (end - on).days
    if 0 <= left <= w["certificate.within_days"]:
        when = "i dag" if left == 0 else f"om {_days(left)}"
        text = f"Läkarintyget går ut {when} och ingen förlängning har kommit"
    elif left < 0:
        text = f"Läkarintyget gick ut för {_days(-left)} sedan och ingen förlängning har kommit"
    else:
        return []
    return [_shown("certificate.ending", w["certificate.ending"], text)]


def _awaiting(facts: CaseFacts, on: date, w: Weights) -> list[Contribution]:
    if not facts.awaiting_until or facts.awaiting_until >= on:
        return []
    over = (on - facts.awaiting_until).days
    points = w["awaiting.base"] + w["awaiting.per_day"] * min(over, w["awaiting.max_days"])
    who = facts.awaiting_actor or "en aktör"
    return [
        _shown(
            "awaiting.overdue",
            points,
            f"Väntar på {who}: utlovat till {short_date_sv(facts.awaiting_until)}, "
            f"{_days(over)} sedan",
        )
    ]


def _benefit(facts: CaseFacts, on: date, w: Weights) -> list[Contribution]:
    if not facts.benefit_decision_pending:
        return []
    return [
        _shown(
            "benefit.decision_pending",
            w["benefit.decision_pending"],
            "Beslut om rätt till ersättning väntar",
        )
    ]


def _recovery(facts: CaseFacts, on: date, w: Weights) -> list[Contribution]:
    if facts.recovery_until is None or facts.recovery_until > on:
        return []
    return [
        _shown(
            "recovery.look_again",
            w["recovery.look_again"],
            f"Återhämtningsfasen slutade {short_date_sv(facts.recovery_until)}: "
            "dags att titta igen",
        )
    ]


def _missed_plan(facts: CaseFacts, on: date, w: Weights) -> list[Contribution]:
    if facts.planned_on is None or facts.planned_on >= on:
        return []
    late = (on - facts.planned_on).days
    points = w["plan.missed"] + w["plan.missed_per_day"] * min(late, w["plan.missed_max_days"])
    return [
        _shown(
            "plan.missed",
            points,
            f"Planerad till {short_date_sv(facts.planned_on)} men inte omplanerad eller klar",
        )
    ]


def _af_offer(facts: CaseFacts, on: date, w: Weights) -> list[Contribution]:
    """Issue #14: an NFA refusal may not leave the desk before a meeting with
    Arbetsförmedlingen has been offered (003:143–154)."""
    return [
        _shown(
            "af_offer.missing",
            w["af_offer.missing"],
            "NFA-avslag: mötet med Arbetsförmedlingen är inte erbjudet (eller skriftlig "
            "information inte skickad)",
        )
    ]


def _dampening(facts: CaseFacts, on: date, positive: float, w: Weights) -> list[Contribution]:
    flags = []
    if facts.runs_itself:
        flags.append(("dampen.runs_itself", "Flaggat som 'sköter sig självt'"))
    if facts.no_follow_up:
        flags.append(("dampen.no_follow_up", "Flaggat som 'ingen uppföljning behövs'"))
    if facts.recovery_until and facts.recovery_until > on:
        flags.append(
            (
                "dampen.recovery_phase",
                f"Återhämtningsfas till {short_date_sv(facts.recovery_until)}",
            )
        )
    out = []
    remaining = positive
    for key, text in flags:
        cut = round(remaining * w[key], 1)
        remaining -= cut
        share = round(w[key] * 100)
        out.append(Contribution(key, -cut, f"{text}: poängen dämpas med {share} %"))
    return out


def score_case(facts: CaseFacts, on: date, weights: Weights) -> Score:
    """Every contribution to a case's priority on ``on`` (each rounded to one decimal), and
    their sum (never below zero)."""
    contributions: list[Contribution] = []
    # Each rule is asked only when the case has what it looks at (this runs 100,000 times).
    if facts.impulses:
        contributions += _impulses(facts, on, weights)
    if facts.follow_ups:
        contributions += _follow_ups(facts, on, weights)
    if facts.chain.intervals:
        contributions += _milestones(facts, on, weights)
    if facts.coordination_needed:
        contributions += _coordination(facts, on, weights)
    if facts.last_certificate_end:
        contributions += _certificate(facts, on, weights)
    if facts.awaiting_until:
        contributions += _awaiting(facts, on, weights)
    if facts.benefit_decision_pending:
        contributions += _benefit(facts, on, weights)
    if facts.recovery_until:
        contributions += _recovery(facts, on, weights)
    if facts.planned_on:
        contributions += _missed_plan(facts, on, weights)
    if facts.af_offer_missing:
        contributions += _af_offer(facts, on, weights)
    if not contributions:
        return _ZERO
    # Each contribution is rounded as it is shown (_shown), and the score is the sum of the
    # rounded ones, so the reasons a reader sees add up to the score exactly.
    positive = sum(c.points for c in contributions)
    if facts.runs_itself or facts.no_follow_up or facts.recovery_until:
        contributions.extend(_dampening(facts, on, positive, weights))
    total = max(0.0, round(sum(c.points for c in contributions), 1))
    if len(contributions) > 1:
        contributions.sort(key=_by_points)
    return Score(total, tuple(contributions))


_ZERO = Score(0.0, ())


def _by_points(c: Contribution) -> tuple[float, str]:
    return (-c.points, c.key)


def rank(facts: list[CaseFacts], on: date, weights: Weights) -> list[tuple[CaseFacts, Score]]:
    """Cases with their scores, highest first; ties broken by case id so the order is stable."""
    with paused_gc():
        scored = [(f, score_case(f, on, weights)) for f in facts]
        scored.sort(key=lambda pair: rank_key(pair[1].total, pair[0].case_ref))
    return scored


def rank_key(total: float, case_ref: str) -> tuple[float, str]:
    """The ranking order: the highest score first, ties by case reference."""
    return -total, case_ref
