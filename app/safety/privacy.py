"""Privacy: a full personal identity number is shown only on request, and every reveal is
written to the case's event log (``pin.revealed``).
"""

from __future__ import annotations

import sqlite3
from typing import Any

from app.base.clock import Clock, utc_iso
from app.base.errors import InvalidInputError, NotFoundError
from app.base.i18n import _
from app.safety.pin import format_pin
from db import queries, transaction

# --- privacy -----------------------------------------------------------------------------

PIN_REVEALED = "pin.revealed"


def _actor_id(actor: Any) -> str | None:
    if actor is None or isinstance(actor, str):
        return actor
    return str(actor.ext_id)


def reveal_pin(conn: sqlite3.Connection, case_ref: str, actor: Any, clock: Clock) -> str:
    """The case's whole personal identity number, after writing a 'pin.revealed' event.

    A deliberate action: the event names the case (its id) and who asked, never the number.
    ``actor`` is a signature or a Caseworker.
    """
    who = _actor_id(actor)
    with transaction(conn):
        row = conn.execute("SELECT id, pin FROM cases WHERE case_ref = ?", (case_ref,)).fetchone()
        if row is None:
            raise NotFoundError(_("Det finns inget ärende '{case_ref}'.").format(case_ref=case_ref))
        if not row[1]:
            raise InvalidInputError(
                _("Ärendet {case_ref} saknar personnummer.").format(case_ref=case_ref)
            )
        formatted = format_pin(row[1])
        queries.append_event(
            conn, case_id=row[0], at=utc_iso(clock.now()), actor=who, kind=PIN_REVEALED
        )
    return formatted
