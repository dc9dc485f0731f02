"""What the team figures are called and the team rule file (resources/rules/team.toml):
the load weights, the phase keys, the figures' Swedish names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from app.base.errors import RuleTableError
from app.base.i18n import _
from app.chain.rules import chain_rules, flatten_weights, load_rule_file

# The rule behind case_states()["waiting_for_coordination"], asked alone: case_states would
# also work out the overdue and milestone states, which the team pass does its own way.
from resources import resource_path

NEAR_DAYS = 14
FAR_DAYS = 28
NO_CONTACT_DAYS = 60
PHASE_KEYS = ("1-90", "91-180", "181-365", "366+", "none")

FIGURES = (
    "active_cases",
    "unhandled_impulses",
    "overdue_follow_ups",
    "milestones_14",
    "milestones_28",
    "waiting_for_coordination",
    "no_contact_60",
    "past_181_without_os",
)

FIGURE_LABELS_SV = {
    "active_cases": "Aktiva ärenden",
    "weighted_load": "Viktad belastning",
    "unhandled_impulses": "Obehandlade impulser",
    "oldest_impulse_days": "Äldsta impuls (dagar)",
    "overdue_follow_ups": "Försenade bevakningar",
    "milestones_14": "Milstolpar 14 dagar",
    "milestones_28": "Milstolpar 28 dagar",
    "waiting_for_coordination": "Väntar på samordning",
    "no_contact_60": "Ingen kontakt 60+ dagar",
    "past_181_without_os": "Efter dag 181 utan ÖS",
}

PHASE_LABELS_SV = {
    "1-90": "Dag 1–90",
    "91-180": "Dag 91–180",
    "181-365": "Dag 181–365",
    "366+": "Dag 366+",
    "none": "Ingen pågående kedja",
}

UNASSIGNED_SV = "Utan handläggare"
TOTALS_SV = "Totalt"


# -- the rule file ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TeamRules:
    """The load weights and balancing knobs of resources/rules/team.toml."""

    version: str
    phase_weights: dict[str, float] = field(hash=False)
    open_impulse: float
    overdue_follow_up: float
    milestone: float
    missing_os_position: float
    waiting_for_coordination: float
    balance_weeks: int
    balance_max_moves: int
    protect_follow_up_days: int
    source: Path

    def as_json(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "phase": dict(self.phase_weights),
            "open_impulse": self.open_impulse,
            "overdue_follow_up": self.overdue_follow_up,
            "milestone_next_28_days": self.milestone,
            "missing_os_position": self.missing_os_position,
            "waiting_for_coordination": self.waiting_for_coordination,
        }


_LOAD_KEYS = (
    "open_impulse",
    "overdue_follow_up",
    "milestone",
    "missing_os_position",
    "waiting_for_coordination",
)


def _whole(flat: dict[str, float], key: str, low: int, high: int, path: Path) -> int:
    value = flat[key]
    if value != int(value) or not low <= value <= high:
        raise RuleTableError(
            _("{path}: {key} ska vara ett heltal mellan {low} och {high}.").format(
                path=path, key=key, low=low, high=high
            )
        )
    return int(value)


def parse_team_rules(data: dict[str, Any], path: Path) -> TeamRules:
    """Validate a parsed team table; errors name the file and the key."""
    flat = flatten_weights(data, path)
    phase_keys = [p.key for p in chain_rules().phases] + ["none"]
    required = [f"load.phase.{k}" for k in phase_keys]
    required += [f"load.{k}" for k in _LOAD_KEYS]
    required += ["balance.weeks", "balance.max_moves", "balance.protect_follow_up_days"]
    missing = [key for key in required if key not in flat]
    if missing:
        raise RuleTableError(
            _("{path}: vikter saknas: {missing}.").format(path=path, missing=", ".join(missing))
        )
    unknown = [key for key in flat if key not in required]
    if unknown:
        raise RuleTableError(
            _("{path}: okända nycklar: {unknown}.").format(
                path=path, unknown=", ".join(sorted(unknown))
            )
        )
    return TeamRules(
        version=str(data.get("version", "")),
        phase_weights={k: flat[f"load.phase.{k}"] for k in phase_keys},
        open_impulse=flat["load.open_impulse"],
        overdue_follow_up=flat["load.overdue_follow_up"],
        milestone=flat["load.milestone"],
        missing_os_position=flat["load.missing_os_position"],
        waiting_for_coordination=flat["load.waiting_for_coordination"],
        balance_weeks=_whole(flat, "balance.weeks", 1, 12, path),
        balance_max_moves=_whole(flat, "balance.max_moves", 1, 10_000, path),
        protect_follow_up_days=_whole(flat, "balance.protect_follow_up_days", 0, 365, path),
        source=path,
    )


@lru_cache(maxsize=4)
def team_rules(path: Path | None = None) -> TeamRules:
    """The team rule table, loaded once."""
    path = path or resource_path("rules", "team.toml")
    return parse_team_rules(load_rule_file(path), path)
