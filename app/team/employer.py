"""Every open case of one employer across the team, with what each needs."""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.base.errors import NotFoundError
from app.base.i18n import _, label
from app.base.model import PLAN_STATUS_SV
from app.chain.state import milestone_label

# The rule behind case_states()["waiting_for_coordination"], asked alone: case_states would
# also work out the overdue and milestone states, which the team pass does its own way.
from app.team.digest import scan_team

# -- the employer view -----------------------------------------------------------------------

PLAN_MISSING = ("none", "unknown")
PLAN_DUE_DAY = 30


@dataclass(frozen=True, slots=True)
class EmployerCase:
    case_id: int
    case_ref: str
    caseworker: str | None
    caseworker_name: str | None
    day: int
    phase: str | None
    plan_status: str
    next_milestone_key: str | None
    next_milestone_date: date | None
    next_milestone_days_left: int | None
    open_impulses: int
    waiting_for_coordination: bool
    past_181_without_os: bool

    @property
    def missing_plan(self) -> bool:
        """No written or oral plan although the chain is past day 30 (the plan's due day)."""
        return self.plan_status in PLAN_MISSING and self.day > PLAN_DUE_DAY

    def as_json(self) -> dict[str, Any]:
        return {
            "case_id": self.case_ref,
            "caseworker": self.caseworker,
            "day": self.day,
            "phase": self.phase,
            "plan_status": self.plan_status,
            "plan_status_label": label(PLAN_STATUS_SV, self.plan_status),
            "missing_plan": self.missing_plan,
            "next_milestone": None
            if self.next_milestone_key is None
            else {
                "key": self.next_milestone_key,
                "label": milestone_label(self.next_milestone_key),
                "date": self.next_milestone_date.isoformat() if self.next_milestone_date else None,
                "days_left": self.next_milestone_days_left,
            },
            "open_impulses": self.open_impulses,
            "waiting_for_coordination": self.waiting_for_coordination,
            "past_181_without_os": self.past_181_without_os,
        }


@dataclass(frozen=True, slots=True)
class EmployerView:
    employer: str
    on: date
    cases: list[EmployerCase]

    def summary(self) -> dict[str, Any]:
        cases = self.cases
        return {
            "cases": len(cases),
            "caseworkers": len({c.caseworker for c in cases if c.caseworker}),
            "missing_plan": sum(c.missing_plan for c in cases),
            "plan_status": dict(Counter(c.plan_status for c in cases)),
            "phases": dict(Counter(c.phase or "none" for c in cases)),
            "open_impulses": sum(c.open_impulses for c in cases),
            "waiting_for_coordination": sum(c.waiting_for_coordination for c in cases),
            "past_181_without_os": sum(c.past_181_without_os for c in cases),
        }

    def as_json(self) -> dict[str, Any]:
        return {
            "employer": self.employer,
            "on": self.on.isoformat(),
            "summary": self.summary(),
            "cases": [c.as_json() for c in self.cases],
        }


def _employer_names(conn: sqlite3.Connection, name: str) -> list[str]:
    """The stored spellings that match ``name`` (case and surrounding spaces ignored)."""
    wanted = " ".join(name.split()).casefold()
    stored = [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT employer FROM cases WHERE employer IS NOT NULL AND status = 'open'"
        )
    ]
    exact = [s for s in stored if " ".join(s.split()).casefold() == wanted]
    if exact:
        return exact
    near = sorted(s for s in stored if wanted and wanted in s.casefold())
    if near:
        shown = ", ".join(near[:5]) + (" …" if len(near) > 5 else "")
        raise NotFoundError(
            _("Ingen arbetsgivare heter '{name}'. Menade du: {shown}?").format(
                name=name, shown=shown
            )
        )
    raise NotFoundError(_("Inget öppet ärende har arbetsgivaren '{name}'.").format(name=name))


def employer_cases(conn: sqlite3.Connection, employer: str, on: date) -> EmployerView:
    """Every open case of one employer across the team, by caseworker then case id, with
    its chain day, phase, plan status, next milestone and open impulses, and a summary."""
    names = _employer_names(conn, employer)
    marks = ",".join("?" for _ in names)
    rows = conn.execute(
        f"SELECT c.id, c.plan_status, w.ext_id, w.name FROM cases c "
        f"LEFT JOIN caseworkers w ON w.id = c.caseworker_id "
        f"WHERE c.status = 'open' AND c.employer IN ({marks})",
        names,
    ).fetchall()
    info = {r[0]: (r[1], r[2], r[3]) for r in rows}
    scan = scan_team(conn, on, case_ids=list(info))
    out = []
    for f, c in zip(scan.facts, scan.loads, strict=True):
        plan, signature, cw_name = info[f.id]
        nxt = f.chain.next_milestone
        out.append(
            EmployerCase(
                f.id, f.case_ref, signature, cw_name, f.chain.day, f.chain.phase,
                plan or "unknown", nxt.key if nxt else None, nxt.date if nxt else None,
                nxt.days_left if nxt else None, c.unhandled_impulses,
                c.waiting_for_coordination, c.past_181_without_os,
            )
        )  # fmt: skip
    out.sort(key=lambda e: (e.caseworker or "", e.case_ref))
    return EmployerView(names[0], on, out)
