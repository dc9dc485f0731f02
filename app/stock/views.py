"""Saved views of the stock table ("Mina 181-utan-ÖS", ...), stored per caseworker."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, dataclass

from app.base.clock import Clock, utc_iso
from app.base.errors import InvalidInputError
from app.base.i18n import _
from app.priority.profile import Caseworker
from app.stock.facts import PHASES
from app.stock.overview import STATES
from db import transaction

FILTER_STATES = (*STATES, "benefit_decision", "past_181_without_os_position")


@dataclass(frozen=True, slots=True)
class ViewSpec:
    """A filter over the stock table: phase, state and search text (all optional)."""

    phase: str | None = None
    state: str | None = None
    search: str = ""

    def __post_init__(self) -> None:
        if self.phase is not None and self.phase not in PHASES:
            raise InvalidInputError(_("Okänd fas '{phase}'.").format(phase=self.phase))
        if self.state is not None and self.state not in FILTER_STATES:
            raise InvalidInputError(_("Okänt läge '{state}'.").format(state=self.state))


# Offered to every caseworker until they save their own under the same name.
BUILT_IN = {
    "Mina 181-utan-ÖS": ViewSpec(state="past_181_without_os_position"),
    "Väntar på samordning": ViewSpec(state="waiting_for_coordination"),
    "Milstolpe inom 14 dagar": ViewSpec(state="milestone_within_14_days"),
}


def list_views(conn: sqlite3.Connection, caseworker: Caseworker) -> dict[str, ViewSpec]:
    views = dict(BUILT_IN)
    for name, spec in conn.execute(
        "SELECT name, spec FROM saved_views WHERE owner = ? ORDER BY name", (caseworker.ext_id,)
    ):
        views[name] = ViewSpec(**json.loads(spec))
    return views


def save_view(
    conn: sqlite3.Connection, caseworker: Caseworker, name: str, spec: ViewSpec, clock: Clock
) -> None:
    name = name.strip()
    if not name:
        raise InvalidInputError(_("Ge vyn ett namn."))
    with transaction(conn):
        conn.execute(
            "INSERT INTO saved_views(owner, name, spec, created_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(owner, name) DO UPDATE SET spec = excluded.spec",
            (caseworker.ext_id, name, json.dumps(asdict(spec)), utc_iso(clock.now())),
        )


def delete_view(conn: sqlite3.Connection, caseworker: Caseworker, name: str) -> None:
    with transaction(conn):
        conn.execute(
            "DELETE FROM saved_views WHERE owner = ? AND name = ?", (caseworker.ext_id, name)
        )
