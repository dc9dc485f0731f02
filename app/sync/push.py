"""Push: the outbox in batches, each batch one server transaction.

A batch's payload (the changes as sent, with their change ids and clock readings) is
stored in the outbox before it is sent, and the entry deleted once the server has it;
after a crash the same payload goes again and the server answers "duplicate" for what it
already has, so each change lands exactly once.
A refused change stays in the outbox as refused, with the server's reason: counted,
shown, never sent again, never lost.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from app.base.i18n import N_, _
from app.sync.hlc import Hlc
from app.sync.tables import BY_TABLE, NOTE_KIND, NOTE_PREFIX, PRIVATE_EVENT_KEYS, Spec
from db import transaction

BATCH = 500

# The server's own reasons for refusing a change (RAISE in db/teamserver/schema/*.sql), in
# Swedish like every source text: shown in the chosen language.
SERVER_REASONS = frozenset(
    {
        N_("bara gruppchefen kan flytta ett ärende till en annan handläggare"),
        N_("ändringen saknar gid eller klocka"),
    }
)


@dataclass
class PushResult:
    pushed: int = 0
    refused: int = 0
    conflicts: int = 0
    # gids to fetch again: their change lost to a later write or was refused, so this
    # desk gets the server's values back
    again: list[str] = field(default_factory=list)


class _Lookup:
    """Local ids to gids and signatures, remembered for one batch."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._gids: dict[tuple[str, int], str | None] = {}
        self._people: dict[int, str | None] = {}

    def gid(self, table: str, row_id: Any) -> str | None:
        if row_id is None:
            return None
        key = (table, int(row_id))
        if key not in self._gids:
            found = self.conn.execute(f"SELECT gid FROM {table} WHERE id = ?", key[1:]).fetchone()
            self._gids[key] = found[0] if found else None
        return self._gids[key]

    def person(self, row_id: Any) -> str | None:
        if row_id is None:
            return None
        if row_id not in self._people:
            found = self.conn.execute(
                "SELECT lower(ext_id) FROM caseworkers WHERE id = ?", (row_id,)
            ).fetchone()
            self._people[row_id] = found[0] if found else None
        return self._people[row_id]


def _shared_detail(text: str | None) -> str | None:
    """An event's detail without a personal note's text (that stays on the author's desk)."""
    if not text:
        return text
    try:
        detail = json.loads(text)
    except ValueError:
        return text
    if not isinstance(detail, dict) or not any(k in detail for k in PRIVATE_EVENT_KEYS):
        return text
    kept = {k: v for k, v in detail.items() if k not in PRIVATE_EVENT_KEYS}
    return json.dumps(kept, ensure_ascii=False)


def _changes_for(
    conn: sqlite3.Connection, entry: sqlite3.Row, spec: Spec, look: _Lookup
) -> list[dict[str, Any]]:
    """The server changes one outbox entry stands for (none when its row is gone since:
    the later delete in the outbox says so)."""
    if entry["op"] == "delete":
        changes = [{"t": spec.server, "gid": entry["gid"], "kind": spec.table, "op": "delete"}]
        if spec.private:
            changes.append({"t": "private_rows", "gid": NOTE_PREFIX + entry["gid"],
                            "kind": NOTE_KIND, "op": "delete"})  # fmt: skip
        return changes
    row = conn.execute(f"SELECT * FROM {spec.table} WHERE rowid = ?", (entry["row_id"],)).fetchone()
    if row is None or row["gid"] is None:
        return []
    fields = spec.watched() if entry["op"] == "insert" else json.loads(entry["fields"] or "[]")
    data: dict[str, Any] = {}
    private: dict[str, Any] = {}
    for col in fields:
        if col in spec.columns:
            data[col] = row[col]
        elif col in spec.people:
            data[spec.people[col]] = look.person(row[col])
        elif col in spec.refs:
            key, table = spec.refs[col]
            data[key] = look.gid(table, row[col])
        elif col in spec.private:
            private[col] = row[col]
    if spec.table == "events" and "detail" in data:
        data["detail"] = _shared_detail(data["detail"])
    case_gid = look.gid("cases", row[spec.case_col]) if spec.case_col else None
    owner = None
    if spec.owner_sql:
        found = conn.execute(
            f"SELECT {spec.owner_sql.format(r=spec.table + '.')} FROM {spec.table} WHERE rowid = ?",
            (entry["row_id"],),
        ).fetchone()
        owner = found[0] if found else None
    base = {"gid": row["gid"], "case_gid": case_gid, "op": "upsert"}
    changes = []
    if data:
        changes.append({**base, "t": spec.server, "kind": spec.table, "data": data,
                        "owner": owner if spec.server == "private_rows" else None})  # fmt: skip
    if private and (entry["op"] == "update" or any(v is not None for v in private.values())):
        changes.append({**base, "t": "private_rows", "gid": NOTE_PREFIX + row["gid"],
                        "kind": NOTE_KIND, "owner": owner, "data": private})  # fmt: skip
    return changes


def _stage(conn: sqlite3.Connection, node: str, hlc_text: str) -> list[sqlite3.Row]:
    """The next batch of pending changes, each with its payload fixed (in one local
    transaction, together with the clock)."""
    with transaction(conn):
        entries = conn.execute(
            "SELECT id, change_id, tbl, row_id, gid, op, fields, at_ms, payload FROM sync_outbox "
            "WHERE status = 'pending' ORDER BY id LIMIT ?",
            (BATCH,),
        ).fetchall()
        if not entries:
            return []
        look = _Lookup(conn)
        clock = Hlc.parse(
            conn.execute("SELECT hlc FROM sync_state WHERE id = 1").fetchone()[0] or hlc_text,
            node,
        )
        for entry in entries:
            if entry["payload"] is not None:
                continue
            clock = clock.send(int(entry["at_ms"]))
            stamp = str(clock)
            changes = _changes_for(conn, entry, BY_TABLE[entry["tbl"]], look)
            for n, change in enumerate(changes):
                change["id"] = entry["change_id"] + ("" if n == 0 else f":{n}")
                change["hlc"] = stamp
            conn.execute(
                "UPDATE sync_outbox SET payload = ?, hlc = ? WHERE id = ?",
                (json.dumps(changes, ensure_ascii=False), stamp, entry["id"]),
            )
        conn.execute("UPDATE sync_state SET hlc = ? WHERE id = 1", (str(clock),))
        ids = ",".join(str(e["id"]) for e in entries)
        return conn.execute(
            f"SELECT id, payload FROM sync_outbox WHERE id IN ({ids}) ORDER BY id"
        ).fetchall()


def refusal_reason(result: dict[str, Any]) -> str:
    """The server's refusal in one line, in the language of the sync that met it (it is
    kept in the outbox as it was written then)."""
    reason = str(result.get("reason") or "")
    if reason in SERVER_REASONS:
        reason = _(reason)
    state = result.get("state")
    if state == "42501":
        if "row-level security" in reason or "permission denied" in reason:
            return _("Servern nekade: du har inte behörighet att ändra det här.")
        return _("Servern nekade: {reason}.").format(reason=reason)
    if state == "23505":
        return _("Servern nekade: raden finns men hör till ett ärende du inte har behörighet till.")
    return _("Servern nekade ändringen ({reason}).").format(reason=reason)


def push(conn: sqlite3.Connection, server_conn: Any, node: str, hlc_text: str) -> PushResult:
    """Send every pending change, batch by batch; mark each sent or refused."""
    from db.teamserver import server

    result = PushResult()
    while True:
        staged = _stage(conn, node, hlc_text)
        if not staged:
            return result
        payloads = [(row["id"], json.loads(row["payload"])) for row in staged]
        answers = server.push(server_conn, [c for _id, changes in payloads for c in changes])
        by_id = {a["id"]: a for a in answers}
        with transaction(conn):
            for entry_id, changes in payloads:
                no_answer = {"result": "refused", "reason": _("inget svar")}
                outcome = [by_id.get(c["id"], no_answer) for c in changes]
                refused = [a for a in outcome if a["result"] == "refused"]
                if refused:
                    result.refused += 1
                    result.again.extend(c["gid"] for c in changes)
                    conn.execute(
                        "UPDATE sync_outbox SET status = 'refused', reason = ?, "
                        "done_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?",
                        (refusal_reason(refused[0]), entry_id),
                    )
                    continue
                result.pushed += 1
                for change, answer in zip(changes, outcome, strict=True):
                    if answer["result"] == "conflict":
                        result.conflicts += 1
                        result.again.append(change["gid"])
                conn.execute("DELETE FROM sync_outbox WHERE id = ?", (entry_id,))
