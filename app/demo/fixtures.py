"""The demo's names and texts: trades, impulse texts, outcome and follow-up notes, and the
seeded pools of Swedish names, companies and clinics (Faker, sv_SE). Synthetic only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from app.demo.assumptions import CLINIC_POOL, COMPANY_POOL, NAME_POOL, PUBLIC_EMPLOYERS

SELF_EMPLOYED_TRADES = ("Bygg", "Måleri", "Konsult", "Frisörsalong", "Redovisning", "Åkeri",
                        "Trädgård", "Städ", "El", "Design")  # fmt: skip
IMPULSE_TEMPLATES: dict[str, tuple[tuple[str, str], ...]] = {
    "rehab_need": (
        ("insured_message", "Den försäkrade behöver stöd för att komma tillbaka till arbetet"),
        ("occupational_health", "FHV-rapport: behov av arbetslivsinriktad rehabilitering"),
        ("capacity_assessment", "Arbetsförmågeutredning: behov av rehabiliteringsinsatser"),
    ),
    "coordinator_contact": (
        ("af_or_healthcare", "Rehabkoordinatorn på vårdcentralen vill ha kontakt"),
        ("af_or_healthcare", "Rehabkoordinatorn önskar avstämning om arbetsträning"),
    ),
    "cert_rehab_need": (
        (
            "certificate",
            "Nytt läkarintyg: förlängning {days} dagar, {extent} %, anger behov av rehabilitering",
        ),
    ),
    "cert_coordination_need": (
        (
            "certificate",
            "Läkarintyg {days} dagar, {extent} %: läkaren ser behov av "
            "samordning med arbetsgivaren",
        ),
    ),
    "workplace_problem": (
        ("insured_message", "Den försäkrade beskriver en konflikt med närmaste chef"),
        ("employer_plan", "Plan för återgång: inga anpassade arbetsuppgifter kan erbjudas"),
        ("reassignment_review", "Omplaceringsutredning: ingen ledig tjänst hos arbetsgivaren"),
        ("checkin_minutes", "Protokoll från avstämningsmöte: oklart stöd på arbetsplatsen"),
    ),
    "inconsistent_info": (
        ("supplement_reply", "Kompletteringssvaret stämmer inte med tidigare intyg"),
        ("certificate", "Nytt läkarintyg {extent} %, men den försäkrade uppger heltidsarbete"),
        ("capacity_assessment", "Arbetsförmågeutredning och läkarintyg anger olika begränsningar"),
    ),
    "other_work_help": (
        ("insured_message", "Den försäkrade vill ha hjälp att hitta ett annat arbete"),
        ("af_or_healthcare", "Arbetsförmedlingen: den försäkrade vill byta yrke"),
    ),
    "other": (
        ("certificate", "Nytt läkarintyg: förlängning {days} dagar, {extent} %"),
        ("employer_plan", "Arbetsgivarens plan för återgång i arbete har kommit in"),
        ("checkin_minutes", "Protokoll från avstämningsmöte"),
        ("insured_message", "Meddelande från den försäkrade om ändrad behandling"),
        ("supplement_reply", "Svar på begäran om komplettering"),
    ),
}
OUTCOME_NOTES = {
    "acted": ("Ringt den försäkrade och stämt av", "Bokat avstämningsmöte",
              "Begärt komplettering från läkaren", "Kontaktat arbetsgivaren om anpassning"),
    "other_actor": ("Rehabkoordinatorn hanterar kontakten", "Företagshälsovården följer upp",
                    "Arbetsgivaren tar det i sin plan", "Arbetsförmedlingen har ärendet"),
    "not_relevant": ("Ingen ny information jämfört med tidigare intyg",
                     "Redan hanterat i senaste beslutet", "Gäller en avslutad period"),
}  # fmt: skip
FOLLOW_UP_NOTES = {
    "insured": ("Stäm av hur återgången går", "Följ upp att behandlingen har kommit igång",
                "Ring och hör hur arbetsträningen fungerar"),
    "employer": ("Saknar plan för återgång: påminn arbetsgivaren",
                 "Kontrollera att anpassningen på arbetsplatsen har startat"),
    "healthcare": ("Fråga vården om väntetiden till behandling",
                   "Stäm av med läkaren inför nästa intyg"),
    "af": ("Stäm av insatserna med Arbetsförmedlingen",),
}  # fmt: skip
CLOSE_NOTES = ("Pratat med den försäkrade", "Klart, inget nytt", "Ny bevakning vid nästa intyg")


@dataclass(frozen=True, slots=True)
class _Pools:
    female: list[str]
    male: list[str]
    last: list[str]
    companies: list[str]
    clinics: list[str]
    fhv: list[str]


def _unique(make: Callable[[], str], wanted: int) -> list[str]:
    """Up to ``wanted`` distinct values of ``make()``, in first-seen order."""
    seen: dict[str, None] = {}
    for _n in range(wanted * 10):
        seen.setdefault(make(), None)
        if len(seen) >= wanted:
            break
    return list(seen)


def _municipality(town: str) -> str:
    """'Varberg' -> 'Varbergs kommun', 'Umeå' -> 'Umeå kommun'."""
    genitive = "" if town[-1].lower() in "aeiouyåäösxz" else "s"
    return f"{town}{genitive} kommun"


def _make_pools(seed: int) -> _Pools:
    """Names and organisations drawn once from Faker; the build combines them with Random."""
    from faker import Faker

    fake = Faker("sv_SE")
    fake.seed_instance(seed)
    cities = _unique(fake.city, CLINIC_POOL // 2)
    municipalities = [_municipality(c) for c in cities[:PUBLIC_EMPLOYERS]]
    clinics = [f"Vårdcentralen {c}" for c in cities] + [
        f"Psykiatrimottagningen {c}" for c in cities
    ]
    return _Pools(
        female=[fake.first_name_female() for _ in range(NAME_POOL)],
        male=[fake.first_name_male() for _ in range(NAME_POOL)],
        last=[fake.last_name() for _ in range(NAME_POOL)],
        companies=municipalities + _unique(fake.company, COMPANY_POOL),
        clinics=clinics,
        fhv=[f"Företagshälsan {c}" for c in cities[:20]],
    )


def _years_before(day: date, years: int) -> date:
    """The same calendar day ``years`` earlier (29 Feb becomes 28 Feb)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)
