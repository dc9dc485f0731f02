"""Every figure the demo generator uses, here and nowhere else.

A figure marked DOMAIN is from the case-file study in docs/domain.md; every other figure is
an assumption, because the reports give no caseload, case duration, phase spread,
employment mix and the rest.
"""

from __future__ import annotations

TEAM_NAME = "Team Syd"
LEAD_EXT_ID = "lead01"
# Chain phases (key, first day, last day) and the share of a stock in each. The reports give
# neither case duration nor the share reaching day 180.
PHASES = (("1-90", 1, 90), ("91-180", 91, 180), ("181-365", 181, 365), ("366+", 366, 730))
PHASE_SHARES = (0.35, 0.25, 0.25, 0.15)
FIRST_FK_DAY_EMPLOYED = 15  # the employer pays days 1-14, so an employed case reaches FK later
EMPLOYMENT_SHARES = (("employed", 0.85), ("unemployed", 0.10), ("self_employed", 0.05))
EMPLOYED_SHARE = EMPLOYMENT_SHARES[0][1]
DIAGNOSIS_SHARES = (("F", 0.49), ("M", 0.18), ("other", 0.33))  # DOMAIN 48-51/18-19/31-33 %
FEMALE_SHARE = 0.62
AGE_BANDS = ((20, 29, 0.12), (30, 39, 0.22), (40, 49, 0.26), (50, 59, 0.26), (60, 62, 0.08),
             (63, 66, 0.06))  # fmt: skip
COORDINATION_NUMBER_SHARE = 0.01  # samordningsnummer (day of birth + 60)
# Birth numbers 980-999, the series of Skatteverket's published test numbers, so that demo
# numbers are unlikely to be a real person's (not checked against that list).
TEST_SERIALS = (980, 999)
K3_SHARE_BY_PHASE = (0.10, 0.25, 0.35, 0.45)  # about 25 % overall
UNIT_FIRST, UNIT_DEEP, UNIT_RETURN = "Första anspråk", "Fördjupad utredning", "Stöd för återgång"
UNIT_BY_PHASE = (
    ((UNIT_FIRST, 0.70), (UNIT_DEEP, 0.25), (UNIT_RETURN, 0.05)),
    ((UNIT_FIRST, 0.15), (UNIT_DEEP, 0.60), (UNIT_RETURN, 0.25)),
    ((UNIT_DEEP, 0.45), (UNIT_RETURN, 0.55)),
    ((UNIT_DEEP, 0.35), (UNIT_RETURN, 0.65)),
)
PART_TIME_BY_PHASE = (0.40, 0.50, 0.59, 0.59)  # DOMAIN 59 % at day 180; earlier phases assumed
PART_TIME_EXTENTS = ((25, 0.25), (50, 0.50), (75, 0.25))
CLOSED_SHARE = 0.03
CLOSED_MIN_DAY = 30
LINKED_EARLIER_SHARE = 0.08  # an earlier period ending < link_gap_days before this one
UNLINKED_OLDER_SHARE = 0.03  # an older period too far back to count
EARLIER_PERIOD_DAYS = (14, 120)
OLDER_PERIOD_MAX_EXTRA_GAP = 400  # the unlinked period ends 90..490 days before the chain
RETURN_DATE_KNOWN_SHARE = 0.08  # the current period has a known end (the last certificate's)
CERTIFICATE_DAYS = (14, 21, 28, 30, 30, 45, 60, 60, 90, 90)
CERT_MIN_DAYS = 14
EARLY_CERT_FULL_TIME = 0.5  # certificates before the latest two: full time this often
CERT_ENDING_SOON_SHARE = 0.10  # latest certificate ends within 7 days, no extension yet
CERT_LAPSED_SHARE = 0.03  # latest certificate ended 1-10 days ago, no extension yet
CERT_AHEAD_DAYS = (8, 67)  # otherwise the latest certificate runs this far ahead
CHECKLIST_COMPLETE_BY_PHASE = (0.05, 0.35, 0.74, 0.78)  # ~1 - DOMAIN's 26 % gap share late on
CHECK_ITEM_BY_PHASE = (0.15, 0.45, 0.60, 0.60)  # each check, when the list is incomplete
PLAN_BY_PHASE = (  # employed only; DOMAIN: written 16 %, oral 8 % at day 180
    (("written", 0.08), ("oral", 0.06), ("none", 0.20), ("unknown", 0.66)),
    (("written", 0.16), ("oral", 0.08), ("none", 0.46), ("unknown", 0.30)),
    (("written", 0.16), ("oral", 0.08), ("none", 0.46), ("unknown", 0.30)),
    (("written", 0.16), ("oral", 0.08), ("none", 0.46), ("unknown", 0.30)),
)
EMPLOYER_TRIED_BY_PHASE = (0.30, 0.61, 0.61, 0.65)  # DOMAIN 61 % by day 180
EMPLOYER_REACHED_IF_TRIED = 0.57 / 0.61  # DOMAIN reached 57 %
OS_POSITIONS = (("os", 0.51), ("nfa", 0.41), (None, 0.08))  # DOMAIN 2021: 51/37+4/6 %
BENEFIT_PENDING_BY_PHASE = (0.25, 0.15, 0.08, 0.05)  # about 15 % overall
COORDINATION_BY_PHASE = (0.15, 0.30, 0.40, 0.45)  # about 30 % overall
NEVER_COORDINATED_SHARE = 0.25
LAST_COORDINATION_MAX_DAYS = 120
AWAITING_SHARE = 0.05
AWAITING_ACTORS = ("arbetsgivaren", "vården", "företagshälsovården", "den försäkrade",
                   "Arbetsförmedlingen", "rehabkoordinatorn")  # fmt: skip
AWAITING_UNTIL_DAYS = (-10, 20)
RUNS_ITSELF_SHARE = 0.05
NO_FOLLOW_UP_SHARE = 0.03
NO_FOLLOW_UP_REASONS = ("palliativ vård", "väntar på operation",
                        "långa intyg vid allvarlig diagnos")  # fmt: skip
CLOSE_TO_PENSION = ("nära pension", 61, 0.5)  # reason, from this age, this often
RECOVERY_SHARE_OF_F = 0.08  # psychiatric cases in phases 1-2 with a recovery phase
IMPULSE_CASE_SHARE = 0.37  # DOMAIN
IMPULSES_PER_CASE = ((1, 0.60), (2, 0.28), (3, 0.12))
IMPULSE_MAX_AGE_DAYS = 40
IMPULSE_OLD_DAYS = 7
IMPULSE_HANDLED_OLD, IMPULSE_HANDLED_NEW = 0.50, 0.15
IMPULSE_READ_IF_OPEN = 0.60
IMPULSE_TYPES = (("rehab_need", 0.12), ("coordinator_contact", 0.08), ("cert_rehab_need", 0.15),
                 ("cert_coordination_need", 0.12), ("workplace_problem", 0.14),
                 ("inconsistent_info", 0.09), ("other_work_help", 0.08),
                 ("other", 0.22))  # fmt: skip
OUTCOMES = (("acted", 0.55), ("other_actor", 0.20), ("not_relevant", 0.25))
FOLLOW_UP_ANY = 0.86  # DOMAIN; the kinds below are DOMAIN shares of all cases
FOLLOW_UP_INSURED, FOLLOW_UP_EMPLOYER, FOLLOW_UP_HEALTHCARE = 0.85, 0.16, 0.06
FOLLOW_UP_AF_UNEMPLOYED, FOLLOW_UP_AF_OTHER = 0.03, 0.0  # DOMAIN ~0 %
FOLLOW_UP_OPEN_SHARE = 0.45
FOLLOW_UP_DUE_DAYS = (-10, 30)
CONTACT_SHARES = {"employer": 0.90, "doctor": 0.95, "occupational_health": 0.20,
                  "rehab_coordinator": 0.15}  # fmt: skip
CONSENT = {
    "employer": ((1, 0.55), (0, 0.12), (None, 0.33)),
    "doctor": ((1, 0.70), (0, 0.03), (None, 0.27)),
    "occupational_health": ((1, 0.60), (0, 0.05), (None, 0.35)),
    "rehab_coordinator": ((1, 0.75), (0, 0.02), (None, 0.23)),
}
# Number series PTS sets aside for use in fiction (070-1740605..699, 08-46500400..499,
# 031-3900600..699 as we understand them), so that no demo number rings anyone.
FICTION_PHONES = (("070-17 406 ", 5, 99), ("08-465 004 ", 0, 99), ("031-390 06 ", 0, 99))
PLANNED_TODAY, PLANNED_TOMORROW, PLANNED_EARLIER = (3, 6), (2, 5), 2
COMPANY_POOL = 300
PUBLIC_EMPLOYERS = 6  # municipalities at the head of the employer pool
EMPLOYER_SKEW = 1.8  # index = pool size * random ** skew: a few large employers, a long tail
NAME_POOL = 2000
CLINIC_POOL = 120
LAST_ACTION_MAX_DAYS = 60
SNAPSHOT_MINUTE = 7 * 60 + 30  # the demo is a snapshot taken at 07:30 on "today"
# Assessments at the chain's times (app.demo.showcase): every 4th case has none for a
# checkpoint it reached, every 7th a late one. Assumed: the reports give no such share.
ASSESSED_SKIPPED_EVERY = 4
ASSESSED_LATE_EVERY = 7
BATCH_CASES = 1000
