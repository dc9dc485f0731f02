"""The casework rule tables beside the chain's: the units (resources/rules/units.toml), the
other benefits to tell the insured about (benefits.toml), and referrals, method events and
the on-time checkpoints (casework.toml). Each is versioned and every entry names its
source; errors name the file and the key, like app.chain.rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from app.base.errors import RuleTableError
from app.base.i18n import _, language
from app.base.model import Employment
from app.chain.rules import _get, _opt_date, _require_table, load_rule_file
from resources import resource_path


def in_language(sv: str, en: str) -> str:
    """The Swedish text, or the English one when the chosen language is English."""
    return en if language() == "en" and en else sv


def _fold(text: str) -> str:
    """A name as compared: case and spacing do not matter ('vo  2' is 'VO 2')."""
    return " ".join(text.casefold().split())


def _in_force(valid_from: date | None, valid_to: date | None, on: date) -> bool:
    if valid_from and on < valid_from:
        return False
    return not (valid_to and on >= valid_to)


def _strings(raw: dict[str, Any], key: str, where: str, path: Path) -> tuple[str, ...]:
    values = raw.get(key, [])
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise RuleTableError(
            _("{path}: {where}.{key} ska vara en lista med text.").format(
                path=path, where=where, key=key
            )
        )
    return tuple(values)


def _entries(data: dict[str, Any], key: str, path: Path) -> list[tuple[str, dict[str, Any]]]:
    raw = data.get(key) or []
    if not isinstance(raw, list) or not raw:
        raise RuleTableError(_("{path}: inga poster under '{key}'.").format(path=path, key=key))
    out = []
    for i, entry in enumerate(raw):
        where = f"{key}[{i}]"
        _require_table(entry, where, path)
        out.append((where, entry))
    return out


def _unique(keys: list[str], what: str, path: Path) -> None:
    seen = set()
    for key in keys:
        if key in seen:
            raise RuleTableError(
                _("{path}: nyckeln '{key}' finns två gånger under '{what}'.").format(
                    path=path, key=key, what=what
                )
            )
        seen.add(key)


# -- units ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Unit:
    key: str
    name_sv: str
    name_en: str
    aliases: tuple[str, ...]
    valid_from: date | None
    valid_to: date | None
    source: str

    @property
    def name(self) -> str:
        return in_language(self.name_sv, self.name_en)

    def as_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "name": self.name_sv,
            "name_en": self.name_en,
            "aliases": list(self.aliases),
            "valid_from": self.valid_from.isoformat() if self.valid_from else None,
            "valid_to": self.valid_to.isoformat() if self.valid_to else None,
            "source": self.source,
        }


@dataclass(frozen=True, slots=True)
class UnitRules:
    version: str
    units: tuple[Unit, ...]
    source: Path

    def by_key(self, key: str) -> Unit | None:
        return next((u for u in self.units if u.key == key), None)

    def resolve(self, text: str | None) -> Unit | None:
        """The unit a stored text names (its key, its name in either language, or an
        alias); None for an empty or unknown text."""
        if not text or not text.strip():
            return None
        wanted = _fold(text)
        for unit in self.units:
            names = (unit.key, unit.name_sv, unit.name_en, *unit.aliases)
            if any(_fold(n) == wanted for n in names):
                return unit
        return None

    def key_of(self, text: str | None) -> str | None:
        """The unit key of a stored text; an unknown text is its own key (folded), so two
        spellings of one unknown unit still compare equal; None for no text."""
        unit = self.resolve(text)
        if unit is not None:
            return unit.key
        return _fold(text) if text and text.strip() else None


def parse_unit_rules(data: dict[str, Any], path: Path) -> UnitRules:
    units = []
    for where, raw in _entries(data, "units", path):
        units.append(
            Unit(
                key=_get(raw, "key", str, where, path),
                name_sv=_get(raw, "name_sv", str, where, path),
                name_en=_get(raw, "name_en", str, where, path),
                aliases=_strings(raw, "aliases", where, path),
                valid_from=_opt_date(raw, "valid_from", where, path),
                valid_to=_opt_date(raw, "valid_to", where, path),
                source=_get(raw, "source", str, where, path),
            )
        )
    _unique([u.key for u in units], "units", path)
    names: dict[str, str] = {}
    for unit in units:
        for name in (unit.key, unit.name_sv, unit.name_en, *unit.aliases):
            other = names.setdefault(_fold(name), unit.key)
            if other != unit.key:
                raise RuleTableError(
                    _("{path}: namnet '{name}' används av både '{one}' och '{two}'.").format(
                        path=path, name=name, one=other, two=unit.key
                    )
                )
    return UnitRules(str(data.get("version", "")), tuple(units), path)


@lru_cache(maxsize=4)
def unit_rules(path: Path | None = None) -> UnitRules:
    """The unit table, loaded once."""
    path = path or resource_path("rules", "units.toml")
    return parse_unit_rules(load_rule_file(path), path)


# -- other benefits ------------------------------------------------------------------------

CONDITION_KEYS = {"nfa_refusal", "marks", "min_age", "max_age", "min_chain_day", "employment",
                  "impulse_types"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Condition:
    """One set of conditions that must all hold (an entry's own, or one of its ``any_of``)."""

    nfa_refusal: bool = False
    marks: tuple[str, ...] = ()
    min_age: int | None = None
    max_age: int | None = None
    min_chain_day: int | None = None
    employment: tuple[str, ...] = ()
    impulse_types: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class BenefitRule:
    key: str
    label_sv: str
    label_en: str
    reason_sv: str
    reason_en: str
    reference: str
    source: str
    valid_from: date
    valid_to: date | None
    when: tuple[Condition, ...]

    @property
    def label(self) -> str:
        return in_language(self.label_sv, self.label_en)

    @property
    def reason(self) -> str:
        return in_language(self.reason_sv, self.reason_en)

    def in_force_on(self, on: date) -> bool:
        return _in_force(self.valid_from, self.valid_to, on)


@dataclass(frozen=True, slots=True)
class BenefitRules:
    version: str
    marks: dict[str, tuple[str, str]]  # key -> (sv, en)
    benefits: tuple[BenefitRule, ...]
    source: Path

    def mark_label(self, key: str) -> str:
        sv, en = self.marks.get(key, (key, key))
        return in_language(sv, en)

    def by_key(self, key: str) -> BenefitRule | None:
        return next((b for b in self.benefits if b.key == key), None)


def _condition(raw: dict[str, Any], where: str, path: Path, marks: set[str]) -> Condition:
    unknown = set(raw) - CONDITION_KEYS
    if unknown:
        raise RuleTableError(
            _("{path}: {where} har okända villkor: {unknown}.").format(
                path=path, where=where, unknown=", ".join(sorted(unknown))
            )
        )
    found = Condition(
        nfa_refusal=bool(_get({"nfa_refusal": False, **raw}, "nfa_refusal", bool, where, path)),
        marks=_strings(raw, "marks", where, path),
        min_age=raw.get("min_age"),
        max_age=raw.get("max_age"),
        min_chain_day=raw.get("min_chain_day"),
        employment=_strings(raw, "employment", where, path),
        impulse_types=_strings(raw, "impulse_types", where, path),
    )
    for name in ("min_age", "max_age", "min_chain_day"):
        value = getattr(found, name)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
            raise RuleTableError(
                _("{path}: {where}.{key} ska vara ett heltal.").format(
                    path=path, where=where, key=name
                )
            )
    bad = set(found.marks) - marks
    if bad:
        raise RuleTableError(
            _("{path}: {where}.marks har okända markeringar: {bad}.").format(
                path=path, where=where, bad=", ".join(sorted(bad))
            )
        )
    bad = set(found.employment) - {e.value for e in Employment}
    if bad:
        raise RuleTableError(
            _("{path}: {where}.employment har okända värden: {bad}.").format(
                path=path, where=where, bad=", ".join(sorted(bad))
            )
        )
    if found == Condition():
        raise RuleTableError(
            _("{path}: {where} saknar villkor; en förmån tas upp först när något gäller.").format(
                path=path, where=where
            )
        )
    return found


def parse_benefit_rules(data: dict[str, Any], path: Path) -> BenefitRules:
    raw_marks = data.get("marks") or {}
    _require_table(raw_marks, "marks", path)
    marks: dict[str, tuple[str, str]] = {}
    for key, raw in raw_marks.items():
        where = f"marks.{key}"
        _require_table(raw, where, path)
        marks[key] = (_get(raw, "sv", str, where, path), _get(raw, "en", str, where, path))
    benefits = []
    for where, raw in _entries(data, "benefits", path):
        own = {k: v for k, v in raw.items() if k in CONDITION_KEYS}
        alternatives = raw.get("any_of")
        when: list[Condition] = []
        if alternatives is not None:
            if own or not isinstance(alternatives, list) or not alternatives:
                raise RuleTableError(
                    _(
                        "{path}: {where}.any_of ska vara en lista med villkor, och då utan "
                        "egna villkor bredvid."
                    ).format(path=path, where=where)
                )
            for i, alternative in enumerate(alternatives):
                _require_table(alternative, f"{where}.any_of[{i}]", path)
                when.append(_condition(alternative, f"{where}.any_of[{i}]", path, set(marks)))
        else:
            when.append(_condition(own, where, path, set(marks)))
        valid_from = _opt_date(raw, "valid_from", where, path)
        if valid_from is None:
            raise RuleTableError(
                _("{path}: {where} saknar nyckeln 'valid_from'.").format(path=path, where=where)
            )
        benefits.append(
            BenefitRule(
                key=_get(raw, "key", str, where, path),
                label_sv=_get(raw, "label_sv", str, where, path),
                label_en=_get(raw, "label_en", str, where, path),
                reason_sv=_get(raw, "reason_sv", str, where, path),
                reason_en=_get(raw, "reason_en", str, where, path),
                reference=_get(raw, "reference", str, where, path),
                source=_get(raw, "source", str, where, path),
                valid_from=valid_from,
                valid_to=_opt_date(raw, "valid_to", where, path),
                when=tuple(when),
            )
        )
    _unique([b.key for b in benefits], "benefits", path)
    return BenefitRules(str(data.get("version", "")), marks, tuple(benefits), path)


@lru_cache(maxsize=4)
def benefit_rules(path: Path | None = None) -> BenefitRules:
    """The other-benefits table, loaded once."""
    path = path or resource_path("rules", "benefits.toml")
    return parse_benefit_rules(load_rule_file(path), path)


# -- referrals, method events, on-time checkpoints -------------------------------------------


@dataclass(frozen=True, slots=True)
class MethodRule:
    key: str
    label_sv: str
    label_en: str
    min_parties: int
    source: str

    @property
    def label(self) -> str:
        return in_language(self.label_sv, self.label_en)


@dataclass(frozen=True, slots=True)
class OnTimeRule:
    key: str
    day: int
    window_days: int
    employment: tuple[str, ...]
    also_met_by: str | None
    source: str


@dataclass(frozen=True, slots=True)
class CaseworkRules:
    version: str
    referral_check_days: int
    referral_actors: tuple[str, ...]
    methods: tuple[MethodRule, ...]
    on_time: tuple[OnTimeRule, ...]
    source: Path

    def method(self, key: str) -> MethodRule | None:
        return next((m for m in self.methods if m.key == key), None)

    def checkpoint(self, key: str) -> OnTimeRule | None:
        return next((c for c in self.on_time if c.key == key), None)


CONTACT_METHOD = "contact"


def parse_casework_rules(data: dict[str, Any], path: Path) -> CaseworkRules:
    referrals = data.get("referrals") or {}
    _require_table(referrals, "referrals", path)
    check_days = _get(referrals, "check_after_days", int, "referrals", path)
    if not 1 <= check_days <= 365:
        raise RuleTableError(
            _("{path}: referrals.check_after_days ska vara mellan 1 och 365.").format(path=path)
        )
    actors = _strings(referrals, "actors", "referrals", path)
    if not actors:
        raise RuleTableError(_("{path}: referrals.actors är tom.").format(path=path))
    methods = []
    for where, raw in _entries(data, "methods", path):
        min_parties = _get(raw, "min_parties", int, where, path)
        if min_parties < 0:
            raise RuleTableError(
                _("{path}: {where}.min_parties får inte vara negativ.").format(
                    path=path, where=where
                )
            )
        methods.append(
            MethodRule(
                key=_get(raw, "key", str, where, path),
                label_sv=_get(raw, "label_sv", str, where, path),
                label_en=_get(raw, "label_en", str, where, path),
                min_parties=min_parties,
                source=_get(raw, "source", str, where, path),
            )
        )
    _unique([m.key for m in methods], "methods", path)
    if CONTACT_METHOD not in {m.key for m in methods}:
        raise RuleTableError(
            _("{path}: methods saknar '{key}' (det som ett möte utan parter sparas som).").format(
                path=path, key=CONTACT_METHOD
            )
        )
    on_time = []
    for where, raw in _entries(data, "on_time", path):
        also = raw.get("also_met_by")
        if also not in (None, "os_position"):
            raise RuleTableError(
                _("{path}: {where}.also_met_by okänt: {value!r}.").format(
                    path=path, where=where, value=also
                )
            )
        on_time.append(
            OnTimeRule(
                key=_get(raw, "key", str, where, path),
                day=_get(raw, "day", int, where, path),
                window_days=_get(raw, "window_days", int, where, path),
                employment=_strings(raw, "employment", where, path),
                also_met_by=also,
                source=_get(raw, "source", str, where, path),
            )
        )
    _unique([c.key for c in on_time], "on_time", path)
    return CaseworkRules(
        version=str(data.get("version", "")),
        referral_check_days=check_days,
        referral_actors=actors,
        methods=tuple(methods),
        on_time=tuple(sorted(on_time, key=lambda c: c.day)),
        source=path,
    )


@lru_cache(maxsize=4)
def casework_rules(path: Path | None = None) -> CaseworkRules:
    """The casework table, loaded once."""
    path = path or resource_path("rules", "casework.toml")
    return parse_casework_rules(load_rule_file(path), path)
