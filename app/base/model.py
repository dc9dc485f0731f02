"""Domain values: closed sets as enums, records as frozen dataclasses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from app.base.i18n import N_


class Employment(StrEnum):
    EMPLOYED = "employed"
    UNEMPLOYED = "unemployed"
    SELF_EMPLOYED = "self_employed"


class DiagnosisGroup(StrEnum):
    PSYCHIATRIC = "F"
    MUSCULOSKELETAL = "M"
    OTHER = "other"


class CaseFlow(StrEnum):
    K2 = "K2"
    K3 = "K3"


class CaseStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class ImpulseType(StrEnum):
    """The eight impulse types of the case-file study (000:2021–2027)."""

    REHAB_NEED = "rehab_need"
    COORDINATOR_CONTACT = "coordinator_contact"
    CERT_REHAB_NEED = "cert_rehab_need"
    CERT_COORDINATION_NEED = "cert_coordination_need"
    WORKPLACE_PROBLEM = "workplace_problem"
    INCONSISTENT_INFO = "inconsistent_info"
    OTHER_WORK_HELP = "other_work_help"
    OTHER = "other"


class DocumentKind(StrEnum):
    CERTIFICATE = "certificate"
    SUPPLEMENT_REPLY = "supplement_reply"
    EMPLOYER_PLAN = "employer_plan"
    OCCUPATIONAL_HEALTH = "occupational_health"
    CAPACITY_ASSESSMENT = "capacity_assessment"
    REASSIGNMENT_REVIEW = "reassignment_review"
    CHECKIN_MINUTES = "checkin_minutes"
    INSURED_MESSAGE = "insured_message"
    AF_OR_HEALTHCARE = "af_or_healthcare"


class ImpulseOutcome(StrEnum):
    ACTED = "acted"
    OTHER_ACTOR = "other_actor"
    NOT_RELEVANT = "not_relevant"


class FollowUpKind(StrEnum):
    INSURED = "insured"
    EMPLOYER = "employer"
    HEALTHCARE = "healthcare"
    AF = "af"
    OTHER = "other"


class FollowUpOrigin(StrEnum):
    PERSONAL = "personal"
    STANDARD = "standard"


class FollowUpState(StrEnum):
    OPEN = "open"
    DONE = "done"
    DISMISSED = "dismissed"


class OsPosition(StrEnum):
    """The day-181 position: return to the employer expected (ÖS), or the NFA test."""

    OS = "os"
    NFA = "nfa"
    SPECIAL_REASONS = "special_reasons"
    NOT_APPLICABLE = "not_applicable"


class AfOffer(StrEnum):
    """The meeting with Arbetsförmedlingen offered before an NFA refusal (003:143–154)."""

    ACCEPTED = "accepted"
    DECLINED = "declined"


AF_OFFER_SV: dict[str, str] = {
    "accepted": N_("mötet accepterat"),
    "declined": N_("mötet avböjt, skriftlig information skickad"),
}


class PlanStatus(StrEnum):
    UNKNOWN = "unknown"
    NONE = "none"
    WRITTEN = "written"
    ORAL = "oral"


class Role(StrEnum):
    CASEWORKER = "caseworker"
    LEAD = "lead"


IMPULSE_TYPE_SV: dict[str, str] = {
    "rehab_need": N_("behov av rehabilitering"),
    "coordinator_contact": N_("rehabkoordinator vill ha kontakt"),
    "cert_rehab_need": N_("intyget anger rehabiliteringsbehov"),
    "cert_coordination_need": N_("intyget anger samordningsbehov"),
    "workplace_problem": N_("problem på arbetsplatsen"),
    "inconsistent_info": N_("uppgifter som inte går ihop"),
    "other_work_help": N_("behov av hjälp till annat arbete"),
    "other": N_("annan tydlig impuls"),
}

# The words a reader sees for stored codes (lower case, for use inside a sentence; the
# window's case view has the same words capitalised in ui/widgets/case_texts.py).
EMPLOYMENT_SV: dict[str, str] = {
    "employed": N_("anställd"),
    "unemployed": N_("arbetslös"),
    "self_employed": N_("egenföretagare"),
}

CASE_STATUS_SV: dict[str, str] = {"open": N_("öppen"), "closed": N_("avslutad")}

PLAN_STATUS_SV: dict[str, str] = {
    "unknown": N_("plan okänd"),
    "none": N_("ingen plan"),
    "written": N_("skriftlig plan"),
    "oral": N_("muntlig plan"),
}

FOLLOW_UP_KIND_SV: dict[str, str] = {
    "insured": N_("den försäkrade"),
    "employer": N_("arbetsgivaren"),
    "healthcare": N_("vården"),
    "af": N_("Arbetsförmedlingen"),
    "other": N_("annan"),
}

# The actors around a case (contacts' roles, referrals, the parties of a meeting).
ACTOR_SV: dict[str, str] = {
    "employer": N_("arbetsgivaren"),
    "doctor": N_("läkaren"),
    "healthcare": N_("vården"),
    "occupational_health": N_("företagshälsovården"),
    "rehab_coordinator": N_("rehabkoordinatorn"),
    "af": N_("Arbetsförmedlingen"),
    "union": N_("facket"),
    "fmr": N_("försäkringsmedicinsk rådgivare"),
    "social_services": N_("socialtjänsten"),
    "insured": N_("den försäkrade"),
    "other": N_("annan aktör"),
}

# An impulse Överblick raises itself when another benefit may apply (app.case.benefits);
# not one of the eight types of the case-file study, so not in ImpulseType.
OTHER_BENEFIT_IMPULSE = "other_benefit"
IMPULSE_TYPE_SV[OTHER_BENEFIT_IMPULSE] = N_("annan förmån kan vara aktuell")


@dataclass(frozen=True, slots=True)
class SickPeriod:
    """A stretch of reduced work capacity; ``end`` None means still open."""

    start: date
    end: date | None = None
