"""An NFA refusal, the meeting with Arbetsförmedlingen offered before it, and closing a case.

Everyone at risk of losing sickness benefit because they are judged able to do work
normally found on the labour market (NFA) "ska erbjudas ett kontakt- eller
omställningsmöte med Arbetsförmedlingen"; whoever declines gets written information
instead (003:143–154). So:

- ``record_nfa_refusal`` records the refusal's date on the case (an undoable edit) and
  raises the hints it calls for (work-injury annuity: 003:166–182);
- ``record_af_offer`` records the offer: ``accepted`` (and the date), or ``declined`` (the
  date, and the date the written information was sent);
- until then the case scores the contribution ``af_offer.missing`` (app.priority.score),
  and ``close_case`` refuses to close it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from datetime import date
from typing import Any

from app.base.clock import Clock, local_today, utc_iso
from app.base.errors import InvalidInputError
from app.base.i18n import _
from app.base.model import AfOffer
from app.case.benefits import ScanResult, scan
from app.case.casework import Edit, edit_case
from app.priority.profile import Caseworker
from app.stock.facts import case_row
from db import queries, transaction


def af_offer_missing(row: Mapping[str, Any] | sqlite3.Row) -> bool:
    """Whether the case (its row, or the import's columns of it) has an NFA refusal
    recorded without the meeting offered (accepted, or declined with the written
    information sent)."""
    if not row["nfa_refusal_on"]:
        return False
    if row["af_offer"] == AfOffer.ACCEPTED:
        return False
    return not (row["af_offer"] == AfOffer.DECLINED and row["af_written_info_on"])


def _not_ahead(day: date, clock: Clock, what: str) -> None:
    if day > local_today(clock):
        raise InvalidInputError(
            _("{what} ligger i framtiden ({date}).").format(what=what, date=day.isoformat())
        )


def record_nfa_refusal(
    conn: sqlite3.Connection,
    case_ref: str,
    refused_on: date | None,
    caseworker: Caseworker,
    clock: Clock,
) -> tuple[Edit | None, ScanResult | None]:
    """Record (or with None clear) the NFA refusal's date; then raise the hints it calls
    for. The refusal cannot leave the desk (``close_case``) before the AF offer."""
    row = case_row(conn, case_ref)
    if row["status"] != "open":
        raise InvalidInputError(_("Ärendet {case_ref} är avslutat.").format(case_ref=case_ref))
    if refused_on is not None:
        _not_ahead(refused_on, clock, _("Avslagsdagen"))
    edit = edit_case(
        conn, case_ref,
        {"nfa_refusal_on": refused_on.isoformat() if refused_on else None}, caseworker, clock,
    )  # fmt: skip
    found = scan(conn, local_today(clock), clock, case_ids=[row["id"]]) if refused_on else None
    return edit, found


def record_af_offer(
    conn: sqlite3.Connection,
    case_ref: str,
    answer: str,
    offered_on: date,
    caseworker: Caseworker,
    clock: Clock,
    *,
    written_info_on: date | None = None,
) -> Edit | None:
    """Record the meeting with Arbetsförmedlingen offered on ``offered_on``: ``accepted``,
    or ``declined`` with ``written_info_on`` (the day the written information was sent)."""
    try:
        answer = AfOffer(answer).value
    except ValueError:
        raise InvalidInputError(
            _("Svaret är accepted (mötet accepterat) eller declined (avböjt).")
        ) from None
    _not_ahead(offered_on, clock, _("Dagen då mötet erbjöds"))
    if written_info_on is not None:
        _not_ahead(written_info_on, clock, _("Dagen då informationen skickades"))
    return edit_case(
        conn, case_ref,
        {"af_offer": answer, "af_offer_on": offered_on.isoformat(),
         "af_written_info_on": written_info_on.isoformat() if written_info_on else None},
        caseworker, clock,
    )  # fmt: skip


def close_case(
    conn: sqlite3.Connection,
    case_ref: str,
    closed_on: date,
    caseworker: Caseworker,
    clock: Clock,
) -> None:
    """Close an open case on ``closed_on``; refused while an NFA refusal waits for the
    meeting with Arbetsförmedlingen to be offered."""
    now = utc_iso(clock.now())
    _not_ahead(closed_on, clock, _("Avslutsdagen"))
    with transaction(conn):
        row = case_row(conn, case_ref)
        if row["status"] != "open":
            raise InvalidInputError(
                _("Ärendet {case_ref} är redan avslutat.").format(case_ref=case_ref)
            )
        if af_offer_missing(row):
            raise InvalidInputError(
                _(
                    "Ärendet {case_ref} har ett NFA-avslag ({date}) men mötet med "
                    "Arbetsförmedlingen är inte erbjudet: registrera erbjudandet (accepterat, "
                    "eller avböjt med skriftlig information) innan ärendet avslutas."
                ).format(case_ref=case_ref, date=row["nfa_refusal_on"])
            )
        if row["opened_on"] and closed_on.isoformat() < row["opened_on"][:10]:
            raise InvalidInputError(_("Avslutsdagen ligger före dagen då ärendet öppnades."))
        conn.execute(
            "UPDATE cases SET status = 'closed', closed_on = ?, updated_at = ?, "
            "last_action_at = ? WHERE id = ?",
            (closed_on.isoformat(), now, now, row["id"]),
        )
        conn.execute("DELETE FROM planned_dates WHERE case_id = ?", (row["id"],))
        queries.append_event(
            conn, case_id=row["id"], at=now, actor=caseworker.ext_id, kind="case.closed",
            detail={"closed_on": closed_on.isoformat()},
        )  # fmt: skip
