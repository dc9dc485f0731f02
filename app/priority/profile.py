"""Who is working: the local profile's caseworker, and their priority weight profile."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from app.base.errors import InvalidInputError, NotFoundError
from app.base.i18n import _
from app.chain.rules import Weights, standard_weights
from db import queries, transaction


@dataclass(frozen=True, slots=True)
class Caseworker:
    id: int
    ext_id: str
    name: str
    role: str
    team: str | None


def _from_row(row: sqlite3.Row) -> Caseworker:
    return Caseworker(row["id"], row["ext_id"], row["name"], row["role"], row["team"])


def resolve_caseworker(conn: sqlite3.Connection, ext_id: str | None) -> Caseworker:
    """The caseworker named by ``--as``, else the profile's, else the only one there is."""
    if ext_id:
        row = queries.caseworker_by_ext_id(conn, ext_id)
        if row is None:
            raise NotFoundError(
                _("Det finns ingen handläggare med signaturen '{ext_id}'.").format(ext_id=ext_id)
            )
        return _from_row(row)
    profile = queries.get_setting(conn, "profile.caseworker")
    if profile:
        row = queries.caseworker_by_ext_id(conn, profile)
        if row is not None:
            return _from_row(row)
    rows = queries.all_caseworkers(conn)
    if len(rows) == 1:
        return _from_row(rows[0])
    if not rows:
        raise NotFoundError(
            _(
                "Databasen har inga handläggare ännu. Skapa en demostock med 'overblick demo' "
                "eller importera en fil."
            )
        )
    raise InvalidInputError(
        _("Ange vilken handläggare du är med --as SIGNATUR (eller 'overblick profile SIGNATUR').")
    )


def set_profile(conn: sqlite3.Connection, ext_id: str) -> Caseworker:
    """Make ``ext_id`` the caseworker this database's window and commands act as."""
    caseworker = resolve_caseworker(conn, ext_id)
    with transaction(conn):
        queries.put_setting(conn, "profile.caseworker", caseworker.ext_id)
    return caseworker


def weights_for(conn: sqlite3.Connection, caseworker: Caseworker | None) -> Weights:
    """The team standard overlaid with the caseworker's own adjustments."""
    weights = dict(standard_weights())
    if caseworker is not None:
        own = queries.get_setting(conn, "weights", scope=caseworker.ext_id) or {}
        for key, value in own.items():
            if key in weights and isinstance(value, int | float):
                weights[key] = float(value)
    return weights


def own_weights(conn: sqlite3.Connection, caseworker: Caseworker) -> dict[str, float]:
    return dict(queries.get_setting(conn, "weights", scope=caseworker.ext_id) or {})


def set_weight(conn: sqlite3.Connection, caseworker: Caseworker, key: str, value: float) -> None:
    """Adjust one weight for this caseworker only; the ranking changes at once."""
    standard = standard_weights()
    if key not in standard:
        known = ", ".join(sorted(standard))
        raise InvalidInputError(
            _("Okänd vikt '{key}'. Kända vikter: {known}.").format(key=key, known=known)
        )
    if value < 0:
        raise InvalidInputError(_("En vikt får inte vara negativ."))
    if key.startswith("dampen.") and value > 1:
        raise InvalidInputError(_("{key} är en andel mellan 0 och 1.").format(key=key))
    with transaction(conn):
        own = own_weights(conn, caseworker)
        own[key] = value
        queries.put_setting(conn, "weights", own, scope=caseworker.ext_id)


def reset_weights(conn: sqlite3.Connection, caseworker: Caseworker) -> None:
    with transaction(conn):
        queries.delete_setting(conn, "weights", scope=caseworker.ext_id)
