"""Swedish words for a case's stored values, and event history written as sentences."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.base.clock import STOCKHOLM, local_date_of
from app.base.model import IMPULSE_TYPE_SV
from app.case.casework import CHECKLIST
from app.case.inbox import OUTCOME_SV
from ui.style import date_sv


def tr(text: str) -> str:
    """Translate outside a QObject (one context for the whole case view)."""
    return QCoreApplication.translate("CaseView", text)


EMPLOYMENT_SV = {
    "employed": "Anställd",
    "unemployed": "Arbetslös",
    "self_employed": "Egenföretagare",
}

ROLE_SV = {
    "employer": "Arbetsgivaren",
    "doctor": "Intygsskrivande läkare",
    "occupational_health": "Företagshälsovården",
    "rehab_coordinator": "Rehabiliteringskoordinator",
    "af": "Arbetsförmedlingen",
    "union": "Facklig företrädare",
    "fmr": "Försäkringsmedicinsk rådgivare",
    "healthcare": "Vården",
    "insured": "Den försäkrade",
}

# The day-181 position, in the order the combo shows it ("" = not yet taken).
OS_POSITION_SV = {
    "": "Ej taget",
    "os": "Övervägande skäl (ÖS)",
    "nfa": "NFA",
    "special_reasons": "Särskilda skäl",
    "not_applicable": "Ej tillämpligt",
}

PLAN_STATUS_SV = {
    "unknown": "Okänt",
    "none": "Ingen plan",
    "written": "Skriftlig plan",
    "oral": "Muntlig plan",
}

FOLLOW_UP_ORIGIN_SV = {"personal": "Personlig", "standard": "Standard"}
FOLLOW_UP_STATE_SV = {"open": "Öppen", "done": "Klar", "dismissed": "Avfärdad"}

FIELD_SV = {
    "runs_itself": "Sköter sig självt",
    "no_follow_up": "Ingen uppföljning behövs",
    "no_follow_up_reason": "Skäl till ingen uppföljning",
    "benefit_decision_pending": "Beslut om rätt till ersättning väntar",
    "coordination_needed": "Samordning behövs",
    "last_coordination_on": "Senaste samordningsåtgärd",
    "recovery_until": "Återhämtningsfas till",
    "awaiting_actor": "Väntar på",
    "awaiting_until": "Väntar till",
    "plan_status": "Plan för återgång",
    "os_position": "Ställningstagande dag 181",
    "os_position_on": "Datum för ställningstagande",
    **CHECKLIST,
}

_BOOL_FIELDS = {
    "runs_itself", "no_follow_up", "benefit_decision_pending", "coordination_needed", *CHECKLIST,
}  # fmt: skip


def role_sv(role: str) -> str:
    return tr(ROLE_SV.get(role, role))


def consent_sv(consent: int | None) -> str:
    if consent is None:
        return tr("Okänt")
    return tr("Ja") if consent else tr("Nej")


def local_time(stored: str | None) -> str:
    """A stored UTC timestamp as Stockholm wall time: '2026-11-23 09:14'."""
    if not stored:
        return ""
    if len(stored) == 10:
        return stored
    moment = datetime.fromisoformat(stored)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(STOCKHOLM).strftime("%Y-%m-%d %H:%M")


def local_day(stored: str | None) -> date | None:
    return local_date_of(stored) if stored else None


def day_text(day: date | None, today: date) -> str:
    """'mån 23 nov', with the year when it is not this year."""
    if day is None:
        return ""
    text = date_sv(day)
    return text if day.year == today.year else f"{text} {day.year}"


def _value_sv(field: str, value: Any) -> str:
    if value is None or value == "":
        return tr("inget") if field not in _BOOL_FIELDS else tr("nej")
    if field in _BOOL_FIELDS:
        return tr("ja") if value else tr("nej")
    if field == "os_position":
        return tr(OS_POSITION_SV.get(value, value))
    if field == "plan_status":
        return tr(PLAN_STATUS_SV.get(value, value))
    return str(value)


def _changes_sv(changes: dict[str, Any]) -> str:
    """'Sköter sig självt: nej → ja; Samordning behövs: ja → nej'."""
    parts = []
    for field, change in changes.items():
        before, after = [*change, None, None][:2] if isinstance(change, list) else (None, change)
        label = tr(FIELD_SV.get(field, field))
        parts.append(f"{label}: {_value_sv(field, before)} → {_value_sv(field, after)}")
    return "; ".join(parts)


def _consent_change_sv(detail: dict[str, Any]) -> tuple[str, str, str]:
    before, after = [*(detail.get("consent") or []), None, None][:2]
    who = role_sv(str(detail.get("role", "")))
    return who, consent_sv(before).lower(), consent_sv(after).lower()


def describe_event(kind: str, detail: dict[str, Any]) -> str:
    """One event as a Swedish sentence: 'Ändrade Sköter sig självt: nej → ja'."""
    if kind == "case.updated":
        return tr("Ändrade") + " " + _changes_sv(detail)
    if kind == "contact.consent":
        who, before, after = _consent_change_sv(detail)
        return tr("Samtycke för {who}: {before} → {after}").format(
            who=who, before=before, after=after
        )
    if kind == "case.undo":  # app.casework.undo_edit
        if detail.get("undid") == "contact.consent":
            who, before, after = _consent_change_sv(detail)
            return tr("Ångrade samtycke för {who}: {before} → {after}").format(
                who=who, before=before, after=after
            )
        return tr("Ångrade ändringen:") + " " + _changes_sv(detail.get("changes") or {})
    if kind == "impulse.outcome":
        outcome = tr(OUTCOME_SV.get(str(detail.get("outcome")), str(detail.get("outcome"))))
        kind_text = tr(IMPULSE_TYPE_SV.get(str(detail.get("type")), str(detail.get("type"))))
        text = tr("Utfall för impuls ({type}): {outcome}").format(type=kind_text, outcome=outcome)
        note = str(detail.get("note") or "").strip()
        return f"{text} – {note}" if note else text
    if kind == "note.added":
        return tr("Skrev en anteckning")
    # A kind this view does not know yet: show it plainly rather than hide it.
    extra = ", ".join(f"{k}: {v}" for k, v in detail.items())
    return f"{kind} ({extra})" if extra else kind
