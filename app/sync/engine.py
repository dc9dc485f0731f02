"""``join``, ``sync`` and ``status``: one push of the outbox, then one pull applied locally.

Nothing local is written before the server has answered who we are (reachable, the right
password, a schema this program knows, a member of the team): a sync that cannot use the
server leaves the local database as it was.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from app.base.clock import Clock, utc_iso
from app.base.errors import InvalidInputError, OverblickError
from app.base.i18n import _
from app.sync import local
from app.sync.apply import apply_rows, drop_cases
from app.sync.hlc import Hlc
from app.sync.push import push
from db import queries, transaction


class NotJoinedError(OverblickError):
    """The database has not joined a team server."""


@dataclass
class SyncResult:
    pushed: int
    pulled: int
    refused: int
    conflicts: int
    cursor: int

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def _pull_and_apply(
    conn: sqlite3.Connection, server_conn: Any, clock: Clock, again: list[str]
) -> tuple[int, int]:
    """(rows applied, new cursor). Changes written here while the sync ran (the window
    goes on working) are kept: their fields are not overwritten and their cases not
    dropped; they go with the next push."""
    from db.teamserver import server

    st = local.state(conn)
    assert st is not None
    known = {r[0] for r in conn.execute("SELECT gid FROM cases WHERE gid IS NOT NULL")}
    pulled = server.pull(server_conn, st.cursor, known, again)
    seen = max((r[8] for r in pulled.rows if r[8]), default="")
    with transaction(conn):
        conn.execute("UPDATE sync_state SET applying = 1 WHERE id = 1")
        held = local.pending_fields(conn)
        gone = known - pulled.visible - local.pending_case_gids(conn)
        changed = drop_cases(conn, gone)
        changed += apply_rows(conn, pulled.rows, held)
        current = conn.execute("SELECT hlc FROM sync_state WHERE id = 1").fetchone()[0]
        hlc = str(Hlc.parse(current, st.node).receive(seen)) if seen else current
        conn.execute(
            "UPDATE sync_state SET applying = 0, cursor = ?, hlc = ?, last_sync_at = ? "
            "WHERE id = 1",
            (pulled.cursor, hlc, utc_iso(clock.now())),
        )
    return changed, pulled.cursor


def sync(
    conn: sqlite3.Connection, clock: Clock, ready: Callable[[], None] | None = None
) -> SyncResult:
    """Push the outbox, then pull and apply. Raises db.teamserver.ServerError (exit 2)
    when the server cannot be used; nothing local has changed then. ``ready`` runs once
    the server has answered, before the first local write (the CLI's daily backup)."""
    from db.teamserver import server

    st = local.state(conn)
    if st is None:
        raise NotJoinedError(
            _("Databasen är inte ansluten till någon teamserver; anslut med 'overblick join URL'.")
        )
    with server.connect(st.server) as server_conn:
        server.whoami(server_conn)
        if ready is not None:
            ready()
        with transaction(conn):  # a program update may replicate more than at join
            local.upgrade(conn)
        try:
            pushed = push(conn, server_conn, st.node, st.hlc)
            pulled, cursor = _pull_and_apply(conn, server_conn, clock, pushed.again)
        except _broken() as exc:
            raise _lost(st.server) from exc
    return SyncResult(pushed.pushed, pulled, pushed.refused, pushed.conflicts, cursor)


def _broken() -> type[Exception]:
    import psycopg

    return psycopg.OperationalError


def _lost(where: str) -> Exception:
    from db.teamserver.errors import ServerUnreachableError

    return ServerUnreachableError(
        _(
            "Förbindelsen med teamservern {where} bröts mitt i synkningen. Det som inte hann "
            "fram skickas vid nästa synkning; inget lokalt har gått förlorat."
        ).format(where=where)
    )


def join(
    conn: sqlite3.Connection, url: str, clock: Clock, *, push_local: bool = False
) -> tuple[SyncResult, str]:
    """Link this database to the team server at ``url`` as the URL's role, then sync:
    (the first sync's result, the signature joined as). A database already holding a stock
    is refused unless ``push_local`` (then its rows are pushed as the person's changes)."""
    from db.teamserver import server

    where = server.safe_url(url)
    st = local.state(conn)
    if st is not None:
        if st.server != where:
            raise InvalidInputError(
                _(
                    "Databasen är redan ansluten till {server}; en databas hör till en teamserver."
                ).format(server=st.server)
            )
        return sync(conn, clock), st.signature
    with server.connect(url) as server_conn:
        person = server.whoami(server_conn)
    has_stock = conn.execute("SELECT 1 FROM cases LIMIT 1").fetchone() is not None
    if has_stock and not push_local:
        raise InvalidInputError(
            _(
                "Den lokala databasen har redan en ärendestock. Anslut en tom databas, eller "
                "lägg till --push-local för att skicka stocken till teamservern."
            )
        )
    with transaction(conn):
        local.install(conn)
        local.new_state(conn, where, person.login, person.signature, person.role,
                        utc_iso(clock.now()))  # fmt: skip
        if push_local:
            local.enqueue_existing(conn, people=person.role == "lead")
    result = sync(conn, clock)
    no_profile = queries.get_setting(conn, "profile.caseworker") is None
    if no_profile and queries.caseworker_by_ext_id(conn, person.signature) is not None:
        with transaction(conn):
            queries.put_setting(conn, "profile.caseworker", person.signature)
    return result, person.signature


def status(conn: sqlite3.Connection) -> dict[str, Any]:
    """Server, role, last sync, changes waiting, refused changes (no server contact)."""
    st = local.state(conn)
    if st is None:
        return {"joined": False, "server": None}
    counts = local.outbox_counts(conn)
    return {
        "joined": True,
        "server": st.server,
        "signature": st.signature,
        "role": st.role,
        "last_sync_at": st.last_sync_at,
        "cursor": st.cursor,
        "pending": counts.get("pending", 0),
        "refused": counts.get("refused", 0),
        "refused_changes": local.refused_changes(conn),
    }
