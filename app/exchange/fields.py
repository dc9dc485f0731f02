"""Import column maps (Swedish and English names to canonical fields) and the value parsers.

Every importable entity has a table of fields: the canonical name used in code, the
Swedish column name shown in docs and samples, the other names a file may use, the parser
for its values and whether it is required. Column names are compared *folded*: lower
case, å/ä → a, ö → o, and every run of other characters as one ``_``, so "Ärende-id",
"ärende id" and "arende_id" are the same column.

Parsers take the raw cell (``str`` from CSV and JSON, or ``int``/``float``/``bool``/
``datetime`` from XLSX and JSON) and return the value as stored, or raise
:class:`FieldError` with a Swedish reason that never repeats the value itself (it may be
a name or a personal identity number in the wrong column).

Longer than 500 lines on purpose: the field map is data (every column of every record
type with its names in both languages) and the parsers it names; importers reach both
through one ``F.`` namespace, and the map reads best as one table.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

from app.base.clock import STOCKHOLM
from app.base.errors import InvalidInputError
from app.base.i18n import N_, _
from app.base.model import (
    FOLLOW_UP_KIND_SV,
    IMPULSE_TYPE_SV,
    DocumentKind,
    FollowUpKind,
    ImpulseType,
)
from app.safety.pin import normalise_pin

# The entities, in the order their batches are written: a record may refer to the ones before.
CASEWORKER, CASE, SICK_PERIOD, CERTIFICATE, IMPULSE, FOLLOW_UP, CONTACT = (
    "caseworker", "case", "sick_period", "certificate", "impulse", "follow_up", "contact",
)  # fmt: skip
ENTITY_ORDER = (CASEWORKER, CASE, SICK_PERIOD, CERTIFICATE, IMPULSE, FOLLOW_UP, CONTACT)

ENTITY_SV = {
    CASEWORKER: N_("handläggare"),
    CASE: N_("ärende"),
    SICK_PERIOD: N_("sjukperiod"),
    CERTIFICATE: N_("intyg"),
    IMPULSE: N_("impuls"),
    FOLLOW_UP: N_("bevakning"),
    CONTACT: N_("kontakt"),
}
ENTITY_SV_PLURAL = {
    CASEWORKER: N_("handläggare"),
    CASE: N_("ärenden"),
    SICK_PERIOD: N_("sjukperioder"),
    CERTIFICATE: N_("intyg"),
    IMPULSE: N_("impulser"),
    FOLLOW_UP: N_("bevakningar"),
    CONTACT: N_("kontakter"),
}


class FieldError(ValueError):
    """A value that cannot be used; the message is the reason shown to the user."""


_FOLD_CHARS = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u", "æ": "a", "ø": "o"})
_NON_WORD = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """The comparable form of a column name or enum value: 'Ärende-id ' → 'arende_id'."""
    folded = text.replace("\ufeff", "").strip().casefold().translate(_FOLD_CHARS)
    return _NON_WORD.sub("_", folded).strip("_")


def is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# ---------------------------------------------------------------------------------------------
# Value parsers
# ---------------------------------------------------------------------------------------------
MIN_YEAR, MAX_YEAR = 1900, 2100
DATE_HINT = N_("skriv det som 2026-11-23 eller 23/11/2026")
_DMY = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_DATETIME = re.compile(
    r"^(?P<date>[^\sT]+)[\sT]+(?P<h>\d{1,2})[:.](?P<m>\d{2})(?:[:.](?P<s>\d{2})(?:[.,]\d+)?)?"
    r"\s*(?P<tz>Z|[+-]\d{2}:?\d{2})?$"
)


def _make_date(year: int, month: int, day: int) -> date:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise FieldError(
            _("Året ligger utanför {MIN_YEAR}–{MAX_YEAR}; {DATE_HINT}.").format(
                MIN_YEAR=MIN_YEAR, MAX_YEAR=MAX_YEAR, DATE_HINT=_(DATE_HINT)
            )
        )
    try:
        return date(year, month, day)
    except ValueError:
        raise FieldError(
            _(
                "Datumet finns inte i kalendern; kontrollera dag och månad "
                "(datum skrivs 2026-11-23 eller 23/11/2026)."
            )
        ) from None


def _date_from_text(text: str) -> date:
    if m := _ISO_DATE.match(text):
        return _make_date(int(m[1]), int(m[2]), int(m[3]))
    if m := _DMY.match(text):
        return _make_date(int(m[3]), int(m[2]), int(m[1]))
    if m := _COMPACT.match(text):
        return _make_date(int(m[1]), int(m[2]), int(m[3]))
    raise FieldError(_("Datumet kan inte läsas; {DATE_HINT}.").format(DATE_HINT=_(DATE_HINT)))


def parse_date(value: Any) -> str:
    """An ISO date from '2026-11-23', '23/11/2026', '2026-11-23 09:30' or an Excel date."""
    if isinstance(value, datetime):
        return _make_date(value.year, value.month, value.day).isoformat()
    if isinstance(value, date):
        return _make_date(value.year, value.month, value.day).isoformat()
    if isinstance(value, bool | int | float):
        raise FieldError(
            _("Datumet är ett tal, inte ett datum; {DATE_HINT}.").format(DATE_HINT=_(DATE_HINT))
        )
    text = str(value).strip()
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        try:
            day = date.fromisoformat(text)
        except ValueError:
            return _date_from_text(text)
        if not MIN_YEAR <= day.year <= MAX_YEAR:
            raise FieldError(
                _("Året ligger utanför {MIN_YEAR}–{MAX_YEAR}; {DATE_HINT}.").format(
                    MIN_YEAR=MIN_YEAR, MAX_YEAR=MAX_YEAR, DATE_HINT=_(DATE_HINT)
                )
            )
        return text
    if m := _DATETIME.match(text):
        return _date_from_text(m["date"]).isoformat()
    return _date_from_text(text).isoformat()


def _utc_text(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=STOCKHOLM)
    return moment.astimezone(UTC).replace(microsecond=0).isoformat()


def parse_datetime(value: Any) -> str:
    """A UTC ISO timestamp; times without a zone are Stockholm time, a date alone is midnight."""
    if isinstance(value, datetime):
        _make_date(value.year, value.month, value.day)
        return _utc_text(value)
    if isinstance(value, date):
        return _utc_text(datetime.combine(_make_date(value.year, value.month, value.day), time()))
    if isinstance(value, bool | int | float):
        raise FieldError(
            _("Tidpunkten är ett tal, inte ett datum; {DATE_HINT} (ev. 09:30).").format(
                DATE_HINT=_(DATE_HINT)
            )
        )
    text = str(value).strip()
    if len(text) in (16, 19) and text[4] == "-" and text[10] in " T":
        try:
            moment = datetime.fromisoformat(text)  # the common '2026-11-23 09:30'
        except ValueError:
            pass
        else:
            if MIN_YEAR <= moment.year <= MAX_YEAR:
                return _utc_text(moment)
    if m := _DATETIME.match(text):
        day = _date_from_text(m["date"])
        hour, minute, second = int(m["h"]), int(m["m"]), int(m["s"] or 0)
        if hour > 23 or minute > 59 or second > 59:
            raise FieldError(_("Klockslaget finns inte; skriv det som 09:30."))
        moment = datetime.combine(day, time(hour, minute, second))
        if m["tz"]:
            tz = m["tz"]
            moment = datetime.fromisoformat(
                f"{moment.isoformat()}{'+00:00' if tz == 'Z' else tz[:3] + ':' + tz[-2:]}"
            )
        return _utc_text(moment)
    day = _date_from_text(text)
    return _utc_text(datetime.combine(day, time()))


_EXTENTS = (25, 50, 75, 100)


def parse_extent(value: Any) -> int:
    """The sick-leave extent in percent: 25, 50, 75 or 100 ('50 %' and 50.0 are fine)."""
    number: float
    if isinstance(value, bool):
        raise FieldError(_("Omfattningen ska vara 25, 50, 75 eller 100 (procent)."))
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = str(value).strip().rstrip("%").strip().replace(",", ".")
        try:
            number = float(text)
        except ValueError:
            raise FieldError(_("Omfattningen ska vara 25, 50, 75 eller 100 (procent).")) from None
    if 0 < number <= 1 and number in (0.25, 0.5, 0.75, 1.0):
        number *= 100  # a share, as a spreadsheet formatted in percent gives it
    if number not in _EXTENTS:
        raise FieldError(_("Omfattningen ska vara 25, 50, 75 eller 100 (procent)."))
    return int(number)


_TRUE = frozenset({"ja", "j", "yes", "y", "1", "true", "sant", "x"})
_FALSE = frozenset({"nej", "n", "no", "0", "false", "falskt"})
_BOOL_TEXT = {
    variant: value
    for words, value in ((_TRUE, 1), (_FALSE, 0))
    for word in words
    for variant in (word, word.upper(), word.capitalize())
}


def parse_bool(value: Any) -> int:
    """1 or 0 from ja/nej, yes/no, 1/0, true/false (or an Excel boolean)."""
    if value.__class__ is str:
        found = _BOOL_TEXT.get(value)
        if found is not None:
            return found
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | float) and value in (0, 1):
        return int(value)
    text = fold(str(value))
    if text in _TRUE:
        return 1
    if text in _FALSE:
        return 0
    raise FieldError(_("Värdet ska vara ja eller nej (yes/no, 1/0)."))


def parse_text(value: Any) -> str | None:
    """Text with surrounding spaces removed and Windows line ends made plain."""
    if value.__class__ is str:
        if "\r" in value:
            value = value.replace("\r\n", "\n").replace("\r", "\n")
        return value.strip() or None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime | date):
        value = value.isoformat()
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").strip()
    return text or None


def parse_id(value: Any) -> str:
    """An external id: text without surrounding spaces; a whole number from Excel as digits."""
    if value.__class__ is str and len(value) <= 100 and "\n" not in value and "\r" not in value:
        return value.strip()
    if isinstance(value, bool):
        raise FieldError(_("Id:t ska vara text eller ett nummer, inte ja/nej."))
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if "\n" in text or "\r" in text:
        raise FieldError(_("Id:t får inte innehålla radbrytningar."))
    if len(text) > 100:
        raise FieldError(_("Id:t är längre än 100 tecken."))
    return text


def make_pin_parser(today: date) -> Callable[[Any], str]:
    def parse_pin(value: Any) -> str:
        if isinstance(value, bool):
            raise FieldError(_("Personnumret ska vara siffror (ÅÅÅÅMMDD-NNNN)."))
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        text = str(value).strip()
        if isinstance(value, int) and len(text) == 9:
            text = "0" + text  # Excel drops the leading zero of a 10-digit number born 2000-09
        try:
            return normalise_pin(text, today=today)
        except InvalidInputError as exc:
            raise FieldError(str(exc)) from None

    return parse_pin


def enum_parser(
    name_sv: str, values: dict[str, Iterable[str]], shown: Iterable[str]
) -> Callable[[Any], str]:
    """A parser for a closed set: ``values`` maps each stored value to its accepted names."""
    lookup: dict[str, str] = {}
    for stored, names in values.items():
        lookup[fold(stored)] = stored
        for name in names:
            lookup[fold(name)] = stored
    allowed = ", ".join(shown)
    seen: dict[str, str] = {}  # the texts met so far, as written: most files repeat a few

    def parse(value: Any) -> str:
        if value.__class__ is str:
            found = seen.get(value)
            if found is not None:
                return found
        elif isinstance(value, float) and value.is_integer():
            value = int(value)
        text = str(value)
        found = lookup.get(fold(text))
        if found is None:
            raise FieldError(
                _("Okänd {name_sv}; tillåtna värden: {allowed}.").format(
                    name_sv=_(name_sv), allowed=allowed
                )
            )
        if len(seen) < 1000:
            seen[text] = found
        return found

    return parse


EMPLOYMENT_NAMES = {
    "employed": ("anställd", "anställning", "arbetstagare", "tillsvidare"),
    "unemployed": ("arbetslös", "arbetssökande", "inskriven på Arbetsförmedlingen"),
    "self_employed": ("egenföretagare", "egen företagare", "företagare", "self-employed"),
}
DIAGNOSIS_NAMES = {
    "F": ("psykiatrisk", "psykisk", "psykiatri", "psykisk ohälsa", "psychiatric", "mental"),
    "M": ("muskuloskeletal", "rörelseorganen", "sjukdom i rörelseorganen", "musculoskeletal"),
    "other": ("övrig", "övriga", "annan", "andra"),
}
_ICD = re.compile(r"^([A-Za-z])\d{2}")


def parse_diagnosis_group(value: Any) -> str:
    """F, M or other; an ICD-10 code ('F43.8', 'M54') gives its chapter."""
    text = str(value).strip()
    if m := _ICD.match(text):
        letter = m[1].upper()
        return letter if letter in ("F", "M") else "other"
    return _diagnosis_enum(text)


_diagnosis_enum = enum_parser(
    N_("diagnosgrupp"), DIAGNOSIS_NAMES, ("F (psykiatrisk)", "M (muskuloskeletal)", "övrig")
)
STATUS_NAMES = {
    "open": ("öppen", "öppet", "pågående", "aktiv", "aktivt", "active", "ongoing"),
    "closed": ("avslutad", "avslutat", "stängd", "stängt", "closed", "ended"),
}
FLOW_NAMES = {"K2": ("k2",), "K3": ("k3",)}
IMPULSE_TYPE_NAMES: dict[str, tuple[str, ...]] = {
    "rehab_need": ("1", "behov av rehabilitering", "rehabiliteringsbehov", "rehabbehov"),
    "coordinator_contact": ("2", "rehabkoordinator vill ha kontakt", "rehabkoordinator",
                            "rehabiliteringskoordinator vill ha kontakt"),
    "cert_rehab_need": ("3", "intyget anger rehabiliteringsbehov", "intyg rehabbehov"),
    "cert_coordination_need": ("4", "intyget anger samordningsbehov", "intyg samordningsbehov"),
    "workplace_problem": ("5", "problem på arbetsplatsen", "problem hos arbetsgivaren",
                          "arbetsplatsproblem"),
    "inconsistent_info": ("6", "uppgifter som inte går ihop", "motstridiga uppgifter"),
    "other_work_help": ("7", "behov av hjälp till annat arbete", "annat arbete"),
    "other": ("8", "annan tydlig impuls", "annan", "övrig", "övrigt"),
}  # fmt: skip
DOC_KIND_NAMES: dict[str, tuple[str, ...]] = {
    "certificate": ("läkarintyg", "intyg", "nytt läkarintyg", "förlängt läkarintyg", "ag 1-14"),
    "supplement_reply": ("svar på komplettering", "komplettering", "kompletteringssvar"),
    "employer_plan": ("plan för återgång", "plan för återgång i arbete",
                      "plan för återgång (arbetsgivaren)", "påa", "plan"),
    "occupational_health": ("företagshälsovård", "fhv", "fhv-rapport"),
    "capacity_assessment": ("arbetsförmågeutredning",),
    "reassignment_review": ("omplaceringsutredning",),
    "checkin_minutes": ("avstämningsmöte", "protokoll från avstämningsmöte", "protokoll"),
    "insured_message": ("meddelande från den försäkrade", "meddelande", "den försäkrade"),
    "af_or_healthcare": ("arbetsförmedlingen/vården", "arbetsförmedlingen", "vården", "af"),
}  # fmt: skip
FOLLOW_UP_KIND_NAMES = {
    "insured": ("den försäkrade", "försäkrad", "försäkrade"),
    "employer": ("arbetsgivaren", "arbetsgivare"),
    "healthcare": ("vården", "vård", "läkaren"),
    "af": ("Arbetsförmedlingen", "arbetsförmedling"),
    "other": ("annan", "övrig", "övrigt"),
}
FOLLOW_UP_STATE_NAMES = {
    "open": ("öppen", "aktiv"),
    "done": ("klar", "utförd", "gjord", "avklarad"),
    "dismissed": ("avfärdad", "struken", "borttagen"),
}
CONTACT_ROLE_NAMES = {
    "employer": ("arbetsgivare", "arbetsgivaren", "chef", "närmaste chef", "hr"),
    "doctor": ("läkare", "intygsskrivande läkare", "läkaren"),
    "occupational_health": ("företagshälsovård", "företagshälsovården", "fhv"),
    "rehab_coordinator": ("rehabkoordinator", "rehabiliteringskoordinator"),
    "af": ("Arbetsförmedlingen", "arbetsförmedling"),
    "union": ("facket", "facklig företrädare", "fackligt ombud"),
    "fmr": ("försäkringsmedicinsk rådgivare",),
    "healthcare": ("vården", "vård", "vårdcentral"),
    "insured": ("den försäkrade", "försäkrad"),
}
CASEWORKER_ROLE_NAMES = {
    "caseworker": ("handläggare", "utredare"),
    "lead": ("gruppchef", "enhetschef", "chef", "team lead"),
}

parse_employment = enum_parser(
    N_("anställningsform"), EMPLOYMENT_NAMES, ("anställd", "arbetslös", "egenföretagare")
)
parse_status = enum_parser(N_("status"), STATUS_NAMES, ("öppen", "avslutad"))
parse_flow = enum_parser(N_("flöde"), FLOW_NAMES, ("K2", "K3"))
parse_impulse_type = enum_parser(
    N_("impulstyp"), IMPULSE_TYPE_NAMES, ("1–8", *(IMPULSE_TYPE_SV[t.value] for t in ImpulseType))
)
parse_doc_kind = enum_parser(
    N_("dokumenttyp"),
    DOC_KIND_NAMES,
    ("läkarintyg", "komplettering", "plan för återgång", "FHV", "arbetsförmågeutredning",
     "omplaceringsutredning", "avstämningsmöte", "meddelande", "Arbetsförmedlingen/vården"),
)  # fmt: skip
parse_follow_up_kind = enum_parser(
    N_("bevakningstyp"), FOLLOW_UP_KIND_NAMES, tuple(FOLLOW_UP_KIND_SV.values())
)
parse_follow_up_state = enum_parser(
    N_("status"), FOLLOW_UP_STATE_NAMES, ("öppen", "klar", "avfärdad")
)
parse_contact_role = enum_parser(
    N_("roll"),
    CONTACT_ROLE_NAMES,
    ("arbetsgivare", "läkare", "företagshälsovård", "rehabkoordinator", "Arbetsförmedlingen",
     "facket", "FMR", "vården", "den försäkrade"),
)  # fmt: skip
parse_caseworker_role = enum_parser(N_("roll"), CASEWORKER_ROLE_NAMES, ("handläggare", "gruppchef"))

assert set(IMPULSE_TYPE_NAMES) == {t.value for t in ImpulseType}
assert set(DOC_KIND_NAMES) == {k.value for k in DocumentKind}
assert set(FOLLOW_UP_KIND_NAMES) == {k.value for k in FollowUpKind}


# ---------------------------------------------------------------------------------------------
# Field tables
# ---------------------------------------------------------------------------------------------
PIN = "pin"  # the parser is made per import (it needs "today")


@dataclass(frozen=True)
class FieldSpec:
    """One importable field of an entity."""

    name: str  # canonical name, as in code and JSON
    column: str  # the Swedish column name (docs, samples, reasons)
    aliases: tuple[str, ...]  # other accepted column names (Swedish and English)
    parse: Callable[[Any], Any] | str
    db: str | None = None  # the table column it is stored in (None: same as name)
    required: bool = False  # must be given on every row
    on_create: bool = False  # must be given when the record is new
    keep_when_empty: bool = False  # an empty cell means "not given" (NOT NULL with a default)
    sensitive: bool = False  # events list the field name, never the values
    create_only: bool = False  # set when the record is created, never updated
    example: str = ""
    note: str = ""

    @property
    def db_column(self) -> str:
        return self.db or self.name


def _f(
    name: str, column: str, aliases: str, parse: Callable[[Any], Any] | str, **kw: Any
) -> FieldSpec:
    return FieldSpec(name, column, tuple(a for a in aliases.split("|") if a), parse, **kw)


CASE_REF_ALIASES = "ärendenummer|ärendenr|ärende-id|case_ref|case|case_id|case_number"
CASE_REF_CHILD = _f("case_ref", "Ärende", CASE_REF_ALIASES, parse_id, db="case_id", required=True,
                    example="SP-2026-000123", note="Ärendet som posten hör till.")  # fmt: skip


@dataclass(frozen=True)
class EntitySpec:
    """An importable entity: its table, key and fields."""

    name: str
    table: str
    key: str  # the canonical field holding the external id
    fields: tuple[FieldSpec, ...]
    names: tuple[str, ...]  # record-type and sheet names that mean this entity
    by_name: dict[str, FieldSpec] = field(default_factory=dict, compare=False)
    by_column: dict[str, FieldSpec] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        for spec in self.fields:
            self.by_name[spec.name] = spec
            for alias in (spec.column, spec.name, *spec.aliases):
                self.by_column.setdefault(fold(alias), spec)

    def spec_for(self, column: str) -> FieldSpec | None:
        return self.by_column.get(fold(column))

    @property
    def key_spec(self) -> FieldSpec:
        return self.by_name[self.key]


ENTITIES: dict[str, EntitySpec] = {}


def _entity(name: str, table: str, key: str, names: str, *fields: FieldSpec) -> None:
    ENTITIES[name] = EntitySpec(name, table, key, tuple(fields), tuple(names.split("|")))


_entity(
    CASEWORKER, "caseworkers", "ext_id",
    "handläggare|handläggarna|caseworker|caseworkers",
    _f("ext_id", "Signatur", "id|handläggare|handläggar-id|användarnamn|ext_id|signature|"
       "caseworker|caseworker_id|user", parse_id, required=True, example="hl01"),
    _f("name", "Namn", "name|handläggarens namn", parse_text, on_create=True, sensitive=True,
       example="Karin Lund"),
    _f("role", "Roll", "role", parse_caseworker_role, keep_when_empty=True,
       example="handläggare", note="handläggare eller gruppchef (caseworker, lead)."),
    _f("team", "Team", "grupp|arbetsgrupp|group", parse_text, example="Team Syd"),
    _f("active", "Aktiv", "active", parse_bool, keep_when_empty=True, example="ja"),
    _f("unit", "Enhet", "verksamhetsområde|unit", parse_text, example="Fördjupad utredning",
       note="Enhetens namn eller ett alias ur resources/rules/units.toml."),
    _f("phone", "Telefon", "telefonnummer|tel|phone", parse_text, example="010-111 00 01",
       note="Så når arbetsgivare och vård den som täcker under frånvaro."),
    _f("email", "E-post", "epost|mejl|email|e-mail", parse_text, example="hl01@example.se"),
)  # fmt: skip

_entity(
    CASE, "cases", "case_ref", "ärende|ärenden|case|cases",
    _f("case_ref", "Ärende", CASE_REF_ALIASES, parse_id, required=True, example="SP-2026-000123"),
    _f("person_name", "Namn", "försäkrad|den försäkrade|namn på den försäkrade|person|name|"
       "person_name|full_name|insured", parse_text, on_create=True, sensitive=True,
       example="Anna Andersson"),
    _f("pin", "Personnummer", "pnr|personnr|samordningsnummer|pin|personal_identity_number|"
       "personal_number|person_number", PIN, on_create=True, sensitive=True,
       example="19800505-2388",
       note="10 eller 12 siffror, med - eller + eller utan skiljetecken; kontrollsiffran prövas."),
    _f("birth_date", "Födelsedatum", "född|birth_date|date_of_birth|born", parse_date,
       sensitive=True, example="1980-05-05", note="Räknas fram ur personnumret när det saknas."),
    _f("employment", "Anställning", "anställningsform|sysselsättning|employment|"
       "employment_status", parse_employment, keep_when_empty=True, example="anställd"),
    _f("employer", "Arbetsgivare", "employer", parse_text, example="Malmö stad"),
    _f("diagnosis_group", "Diagnosgrupp", "diagnos|diagnosis_group|diagnosis",
       parse_diagnosis_group, example="F"),
    _f("flow", "Flöde", "flow", parse_flow, example="K2"),
    _f("unit", "Enhet", "avdelning|unit", parse_text, example="Fördjupad utredning"),
    _f("extent", "Omfattning", "sjukskrivningsgrad|grad|extent|sick_leave_extent", parse_extent,
       keep_when_empty=True, example="50"),
    _f("status", "Status", "ärendestatus|case_status|state", parse_status, keep_when_empty=True,
       example="öppen"),
    _f("opened_on", "Öppnat", "öppnad|öppnades|registrerat|startdatum|opened_on|opened|"
       "start_date", parse_date, example="2026-09-01"),
    _f("closed_on", "Avslutat", "avslutad|avslutsdatum|closed_on|closed|end_date", parse_date,
       example=""),
    _f("caseworker", "Handläggare", "handläggarsignatur|signatur|caseworker|caseworker_id|"
       "assigned_to", parse_id, db="caseworker_id", example="hl01",
       note="Handläggarens signatur; handläggaren ska finnas eller importeras i samma fil."),
    _f("benefit_decision_pending", "Beslut väntar", "ersättningsbeslut väntar|väntar på beslut|"
       "benefit_decision_pending", parse_bool, example="nej"),
    _f("coordination_needed", "Samordning behövs", "samordningsbehov|behov av samordning|"
       "coordination_needed", parse_bool, example="ja"),
    _f("period_id", "Sjukperiod-id", "sjukperiodid|period_id|sick_period_id", parse_id,
       example="SP-2026-000123/1"),
    _f("period_start", "Sjukperiod från", "sjukperiod start|sjukperiod fom|sjukskriven från|"
       "sjukskriven fom|sick_period_start|period_start|sick_from", parse_date,
       example="2026-08-18"),
    _f("period_end", "Sjukperiod till", "sjukperiod slut|sjukperiod tom|sjukskriven till|"
       "sjukskriven tom|sick_period_end|period_end|sick_to", parse_date, example=""),
    _f("period_extent", "Sjukperiod omfattning", "sick_period_extent|period_extent",
       parse_extent, example="50"),
)  # fmt: skip

_entity(
    SICK_PERIOD, "sick_periods", "ext_id",
    "sjukperiod|sjukperioder|sick_period|sick_periods|period",
    _f("ext_id", "Id", "sjukperiod-id|sjukperiodid|period_id|sick_period_id|ext_id", parse_id,
       example="SP-2026-000123/1",
       note="Får saknas: då blir id:t ärendet och startdatumet ('SP-2026-000123/2026-08-18')."),
    CASE_REF_CHILD,
    _f("start", "Från", "start|fom|från och med|sjukperiod från|sjukperiod start|from|"
       "start_date", parse_date, required=True, example="2026-08-18"),
    _f("end", "Till", "slut|tom|till och med|sjukperiod till|sjukperiod slut|to|end|end_date",
       parse_date, example="", note="Tomt = perioden pågår."),
    _f("extent", "Omfattning", "grad|sjukskrivningsgrad|extent", parse_extent, example="100"),
)  # fmt: skip

_entity(
    CERTIFICATE, "certificates", "ext_id", "intyg|läkarintyg|certificate|certificates",
    _f("ext_id", "Id", "intyg-id|intygsid|läkarintyg-id|certificate_id|ext_id", parse_id,
       required=True, example="LI-88812"),
    CASE_REF_CHILD,
    _f("sick_period", "Sjukperiod-id", "sjukperiod|sick_period|sick_period_id", parse_id,
       db="sick_period_id", example="SP-2026-000123/1"),
    _f("issued_on", "Utfärdat", "utfärdad|utfärdandedatum|intygsdatum|issued_on|issued",
       parse_date, example="2026-11-20"),
    _f("from_date", "Från", "fom|från och med|from|from_date|start", parse_date, required=True,
       example="2026-11-21"),
    _f("to_date", "Till", "tom|till och med|to|to_date|end|slut", parse_date, required=True,
       example="2026-12-31"),
    _f("extent", "Omfattning", "grad|sjukskrivningsgrad|extent", parse_extent, example="50"),
    _f("received_at", "Inkommen", "inkom|mottagen|received_at|received", parse_datetime,
       example="2026-11-21 10:15"),
)  # fmt: skip

_entity(
    IMPULSE, "impulses", "ext_id", "impuls|impulser|impulse|impulses",
    _f("ext_id", "Id", "impuls-id|impulsid|impulse_id|ext_id", parse_id, required=True,
       example="IMP-55501"),
    CASE_REF_CHILD,
    _f("impulse_type", "Impulstyp", "typ av impuls|typ|type|impulse_type", parse_impulse_type,
       db="type", required=True, example="behov av rehabilitering",
       note="En av de åtta typerna, som text eller nummer 1–8."),
    _f("doc_kind", "Dokumenttyp", "dokument|handlingstyp|handling|doc_kind|document_kind|"
       "document_type", parse_doc_kind, example="läkarintyg"),
    _f("received_at", "Inkommen", "inkom|mottagen|inkommen datum|received_at|received",
       parse_datetime, required=True, example="2026-11-23 09:30"),
    _f("text", "Text", "beskrivning|innehåll|sammanfattning|description|summary", parse_text,
       sensitive=True, example="Nytt läkarintyg: förlängning 30 dagar"),
)  # fmt: skip

_entity(
    FOLLOW_UP, "follow_ups", "ext_id", "bevakning|bevakningar|follow_up|follow_ups|followup",
    _f("ext_id", "Id", "bevakning-id|bevakningsid|follow_up_id|ext_id", parse_id, required=True,
       example="BEV-7001"),
    CASE_REF_CHILD,
    _f("due_at", "Datum", "bevakningsdatum|förfallodatum|förfaller|due|due_at|due_date|date",
       parse_datetime, required=True, example="2026-12-01 09:00"),
    _f("kind", "Bevakningstyp", "slag|mot|typ|type|kind|follow_up_kind", parse_follow_up_kind,
       keep_when_empty=True, example="arbetsgivaren"),
    _f("note", "Anteckning", "notering|text|beskrivning|note|description", parse_text,
       sensitive=True, example="Påminn om planen"),
    _f("owner", "Handläggare", "ägare|signatur|owner|caseworker", parse_id, db="owner_id",
       example="hl01"),
    _f("state", "Status", "state|status", parse_follow_up_state, keep_when_empty=True,
       create_only=True, example="öppen", note="Sätts bara när bevakningen skapas."),
)  # fmt: skip

_entity(
    CONTACT, "contacts", "ext_id", "kontakt|kontakter|contact|contacts",
    _f("ext_id", "Id", "kontakt-id|kontaktid|contact_id|ext_id", parse_id, required=True,
       example="KON-3001"),
    CASE_REF_CHILD,
    _f("role", "Roll", "kontakttyp|aktör|typ|type|role|contact_role", parse_contact_role,
       required=True, example="arbetsgivare"),
    _f("name", "Namn", "kontaktperson|name|contact_name", parse_text, sensitive=True,
       example="Per Berg"),
    _f("organisation", "Organisation", "företag|arbetsplats|mottagning|organization|company",
       parse_text, example="Malmö stad"),
    _f("phone", "Telefon", "telefonnummer|tel|phone|phone_number", parse_text, sensitive=True,
       example="070-174 06 12"),
    _f("email", "E-post", "epost|mejl|mail|email|e_mail", parse_text, sensitive=True,
       example="per.berg@example.se"),
    _f("consent", "Samtycke", "medgivande|consent", parse_bool, example="ja",
       note="Tomt = inte känt."),
    _f("consent_on", "Samtycke datum", "samtyckesdatum|samtycke den|consent_on|consent_date",
       parse_date, example="2026-10-02"),
)  # fmt: skip

# The column that names the entity of each row in a mixed CSV or XLSX sheet ("type" in JSONL).
RECORD_TYPE_COLUMNS = frozenset(fold(n) for n in ("posttyp", "record_type", "record type"))
JSONL_TYPE_KEYS = ("type", "posttyp", "record_type")

_ENTITY_BY_NAME = {fold(n): e.name for e in ENTITIES.values() for n in (e.name, *e.names)}


def entity_named(name: Any) -> str | None:
    """The entity a record type or sheet name means ('Impulser', 'impulse'), or None."""
    if not isinstance(name, str):
        return None
    return _ENTITY_BY_NAME.get(fold(name))


def header_score(entity: str, columns: Iterable[str]) -> tuple[int, list[FieldSpec]]:
    """How many columns the entity recognises, and which of its row-required fields lack one."""
    spec = ENTITIES[entity]
    seen = {s.name for c in columns if (s := spec.spec_for(c)) is not None}
    missing = [f for f in spec.fields if f.required and f.name not in seen]
    return len(seen), missing


def guess_entity(columns: list[str]) -> tuple[str | None, list[FieldSpec]]:
    """The entity a header row describes, and the required columns it lacks (if any)."""
    best: tuple[int, int] | None = None
    chosen: str | None = None
    chosen_missing: list[FieldSpec] = []
    for entity in PREFERENCE:
        score, missing = header_score(entity, columns)
        if score == 0:
            continue
        candidate = (score, 0 if missing else 1)  # most columns known; then complete
        if best is None or candidate > best:
            best, chosen, chosen_missing = candidate, entity, missing
    return chosen, chosen_missing


# On a tie the more specific entity wins (an impulse file also names a case).
PREFERENCE = (CASE, IMPULSE, CERTIFICATE, SICK_PERIOD, FOLLOW_UP, CONTACT, CASEWORKER)
