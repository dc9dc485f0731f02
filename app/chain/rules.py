"""Load and validate the rule tables under resources/rules/ (chain milestones, priority weights)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from app.base.errors import RuleTableError
from app.base.i18n import _
from app.base.model import Employment
from resources import resource_path


@dataclass(frozen=True, slots=True)
class Phase:
    key: str
    first_day: int
    last_day: int | None


@dataclass(frozen=True, slots=True)
class MilestoneRule:
    key: str
    day: int
    label_sv: str
    label_en: str
    lead_days: tuple[int, ...]
    employment: frozenset[str]
    nfa: bool
    requires: str | None
    valid_from: date | None
    valid_to: date | None
    source: str
    max_lead: int = 0

    def in_force_on(self, day: date) -> bool:
        if self.valid_from and day < self.valid_from:
            return False
        return not (self.valid_to and day >= self.valid_to)


@dataclass(frozen=True, slots=True)
class ChainRules:
    version: str
    link_gap_days: int
    nfa_exempt_age: int
    phases: tuple[Phase, ...]
    milestones: tuple[MilestoneRule, ...]
    source: Path
    by_employment: dict[str, tuple[MilestoneRule, ...]] = field(
        default_factory=dict, hash=False, compare=False
    )
    _candidates: dict[tuple[str, int], tuple[MilestoneRule, ...]] = field(
        default_factory=dict, hash=False, compare=False, repr=False
    )

    def candidates(self, employment: str, day: int) -> tuple[MilestoneRule, ...]:
        """Rules that matter for priority on chain day ``day``: inside their lead time or
        today, or passed with a required position. Memoised: ranking asks this per case."""
        key = (employment, day)
        found = self._candidates.get(key)
        if found is None:
            found = tuple(
                rule
                for rule in self.by_employment.get(employment, ())
                if (0 <= rule.day - day <= rule.max_lead) or (rule.day < day and rule.requires)
            )
            self._candidates[key] = found
        return found


REQUIREMENTS = {"checklist", "os_position"}
# A milestone makes standard follow-ups at its lead times: none of them may book a meeting
# from the chain day alone. Early meetings did not shorten sick leave and sometimes
# lengthened it (002:229–238, 002:268–272); a meeting is the caseworker's choice.
MEETING_WORDS = ("möte", "meeting", "sassam")


def load_rule_file(path: Path) -> dict[str, Any]:
    """A rule table read from TOML; a missing or unreadable file is one clear line."""
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError as exc:
        raise RuleTableError(_("Regelfilen {path} saknas.").format(path=path)) from exc
    except tomllib.TOMLDecodeError as exc:
        raise RuleTableError(
            _("Regelfilen {path} går inte att läsa: {exc}.").format(path=path, exc=exc)
        ) from exc


def _get(table: dict[str, Any], key: str, kind: type, where: str, path: Path) -> Any:
    if key not in table:
        raise RuleTableError(
            _("{path}: {where} saknar nyckeln '{key}'.").format(path=path, where=where, key=key)
        )
    value = table[key]
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise RuleTableError(
            _("{path}: {where}.{key} ska vara {name}, inte {value!r}.").format(
                path=path, where=where, key=key, name=kind.__name__, value=value
            )
        )
    return value


def _opt_date(table: dict[str, Any], key: str, where: str, path: Path) -> date | None:
    value = table.get(key)
    if value is None:
        return None
    if isinstance(value, datetime):
        raise RuleTableError(
            _("{path}: {where}.{key} ska vara ett datum utan klockslag.").format(
                path=path, where=where, key=key
            )
        )
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise RuleTableError(
            _("{path}: {where}.{key} är inget datum: {value!r}.").format(
                path=path, where=where, key=key, value=value
            )
        ) from exc


def _check_versions(milestones: list[MilestoneRule], path: Path) -> None:
    """Versions of one milestone share its day and their validity windows never overlap."""
    by_key: dict[str, list[MilestoneRule]] = {}
    for rule in milestones:
        by_key.setdefault(rule.key, []).append(rule)
    for key, versions in by_key.items():
        if len({v.day for v in versions}) > 1:
            raise RuleTableError(
                _("{path}: versionerna av milstolpen '{key}' har olika dag.").format(
                    path=path, key=key
                )
            )
        ordered = sorted(versions, key=lambda v: v.valid_from or date.min)
        for earlier, later in pairwise(ordered):
            if earlier.valid_to is None or (later.valid_from or date.min) < earlier.valid_to:
                raise RuleTableError(
                    _(
                        "{path}: versionerna av milstolpen '{key}' gäller samtidigt "
                        "(valid_from/valid_to överlappar)."
                    ).format(path=path, key=key)
                )


def _require_table(raw: object, where: str, path: Path) -> None:
    if not isinstance(raw, dict):
        raise RuleTableError(
            _("{path}: {where} ska vara en tabell, inte {raw!r}.").format(
                path=path, where=where, raw=raw
            )
        )


def parse_chain_rules(data: dict[str, Any], path: Path) -> ChainRules:
    """Validate a parsed chain table; errors name the file and the key."""
    phases = []
    for i, raw in enumerate(data.get("phases") or []):
        where = f"phases[{i}]"
        _require_table(raw, where, path)
        last = raw.get("to")
        if last is not None and not isinstance(last, int):
            raise RuleTableError(
                _("{path}: {where}.to ska vara ett heltal.").format(path=path, where=where)
            )
        phases.append(
            Phase(_get(raw, "key", str, where, path), _get(raw, "from", int, where, path), last)
        )
    if not phases:
        raise RuleTableError(_("{path}: inga faser ('phases') definierade.").format(path=path))
    milestones = []
    known_employment = {e.value for e in Employment}
    for i, raw in enumerate(data.get("milestones") or []):
        where = f"milestones[{i}]"
        _require_table(raw, where, path)
        employment_list = _get(raw, "employment", list, where, path)
        if not all(isinstance(v, str) for v in employment_list):
            raise RuleTableError(
                _("{path}: {where}.employment ska vara en lista med text.").format(
                    path=path, where=where
                )
            )
        employment = frozenset(employment_list)
        if not employment <= known_employment:
            bad = ", ".join(sorted(employment - known_employment))
            raise RuleTableError(
                _("{path}: {where}.employment har okända värden: {bad}.").format(
                    path=path, where=where, bad=bad
                )
            )
        requires = raw.get("requires")
        if requires is not None and (not isinstance(requires, str) or requires not in REQUIREMENTS):
            raise RuleTableError(
                _("{path}: {where}.requires okänt: {requires!r}.").format(
                    path=path, where=where, requires=requires
                )
            )
        lead = _get(raw, "lead_days", list, where, path)
        if not all(isinstance(v, int) and v > 0 for v in lead):
            raise RuleTableError(
                _("{path}: {where}.lead_days ska vara positiva heltal.").format(
                    path=path, where=where
                )
            )
        words = " ".join(str(raw.get(k, "")) for k in ("key", "label_sv", "label_en")).lower()
        if any(w in words for w in MEETING_WORDS):
            raise RuleTableError(
                _(
                    "{path}: {where} bokar ett möte utifrån sjukdagen; ett möte är ett val i "
                    "ärendet, inte en standardbevakning (002:229–238)."
                ).format(path=path, where=where)
            )
        day = _get(raw, "day", int, where, path)
        if day < 1:
            raise RuleTableError(
                _("{path}: {where}.day ska vara minst 1.").format(path=path, where=where)
            )
        milestones.append(
            MilestoneRule(
                key=_get(raw, "key", str, where, path),
                day=day,
                label_sv=_get(raw, "label_sv", str, where, path),
                label_en=_get(raw, "label_en", str, where, path),
                lead_days=tuple(sorted(lead, reverse=True)),
                employment=employment,
                nfa=_get({"nfa": False, **raw}, "nfa", bool, where, path),
                requires=requires,
                valid_from=_opt_date(raw, "valid_from", where, path),
                valid_to=_opt_date(raw, "valid_to", where, path),
                source=str(raw.get("source", "")),
                max_lead=max(lead, default=0),
            )
        )
    milestones.sort(key=lambda m: (m.day, m.key, m.valid_from or date.min))
    _check_versions(milestones, path)
    by_employment = {
        kind: tuple(m for m in milestones if kind in m.employment) for kind in known_employment
    }
    return ChainRules(
        version=str(data.get("version", "")),
        link_gap_days=_get(data, "link_gap_days", int, "tabellen", path),
        nfa_exempt_age=_get(data, "nfa_exempt_age", int, "tabellen", path),
        phases=tuple(phases),
        milestones=tuple(milestones),
        source=path,
        by_employment=by_employment,
    )


@lru_cache(maxsize=4)
def chain_rules(path: Path | None = None) -> ChainRules:
    """The chain rule table, loaded once."""
    path = path or resource_path("rules", "chain.toml")
    return parse_chain_rules(load_rule_file(path), path)


Weights = dict[str, float]


def flatten_weights(data: dict[str, Any], path: Path, prefix: str = "") -> Weights:
    """Turn nested tables into dotted keys, e.g. ``impulse.per_day``."""
    flat: Weights = {}
    for key, value in data.items():
        if key == "version" and not prefix:
            continue
        dotted = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten_weights(value, path, dotted + "."))
        elif isinstance(value, int | float) and not isinstance(value, bool):
            if value < 0:
                raise RuleTableError(
                    _("{path}: {dotted} får inte vara negativ.").format(path=path, dotted=dotted)
                )
            flat[dotted] = float(value)
        else:
            raise RuleTableError(
                _("{path}: {dotted} ska vara ett tal, inte {value!r}.").format(
                    path=path, dotted=dotted, value=value
                )
            )
    return flat


REQUIRED_WEIGHTS = (
    "impulse.per_day",
    "impulse.max_days",
    "impulse.unread_bonus",
    "follow_up.due_today",
    "follow_up.overdue",
    "follow_up.overdue_per_day",
    "follow_up.overdue_max_days",
    "milestone.full",
    "milestone.missing_position",
    "milestone.missing_position_per_day",
    "milestone.missing_position_max_days",
    "coordination.after_days",
    "coordination.base",
    "coordination.per_day",
    "coordination.max",
    "certificate.within_days",
    "certificate.ending",
    "awaiting.base",
    "awaiting.per_day",
    "awaiting.max_days",
    "benefit.decision_pending",
    "recovery.look_again",
    "plan.missed",
    "plan.missed_per_day",
    "plan.missed_max_days",
    "af_offer.missing",
    "dampen.runs_itself",
    "dampen.no_follow_up",
    "dampen.recovery_phase",
)


@lru_cache(maxsize=4)
def standard_weights(path: Path | None = None) -> Weights:
    """The team-standard weight profile shipped in resources/rules/priority.toml."""
    path = path or resource_path("rules", "priority.toml")
    flat = flatten_weights(load_rule_file(path), path)
    missing = [key for key in REQUIRED_WEIGHTS if key not in flat]
    if missing:
        raise RuleTableError(
            _("{path}: vikter saknas: {missing}.").format(path=path, missing=", ".join(missing))
        )
    for key in ("dampen.runs_itself", "dampen.no_follow_up", "dampen.recovery_phase"):
        if flat[key] > 1:
            raise RuleTableError(
                _("{path}: {key} är en andel och får vara högst 1.").format(path=path, key=key)
            )
    return flat
