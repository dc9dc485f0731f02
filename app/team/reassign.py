"""Moving cases between caseworkers: reassignment with a reason, and the balancing proposal.

Reassignment (``reassign``, ``reassign_stock``) is a team lead's act and runs in one
transaction for the whole selection. For each case that changes hands:

- ``cases.caseworker_id`` is set to the new caseworker;
- every open personal follow-up on the case (not deleted) that the new caseworker does not
  already own moves to them with ``inherited = 1`` and its reminder made unfired again, so
  the new owner is reminded and the old owner is not (reminders are selected by owner);
  standard follow-ups have no owner and follow the case by themselves;
- the old caseworker's planned date for the case is removed;
- one ``case.reassigned`` event records from, to, the reason, the follow-ups moved and the
  plan removed, so the reason travels with the case;
- a handover note (app.case.handover) is written: the case's summary at that moment and the
  note in the giver's words, required when the case moves between units (the old owner's
  unit, else the case's, and the new owner's, read through resources/rules/units.toml;
  the case then takes the new owner's unit); the new owner gets an intake review at the
  top of their Idag.

The balancing proposal (``propose_balance``) evens out the next ``weeks`` weeks (rule file
resources/rules/team.toml, default 4) of load between the active caseworkers. A case's load
is the team load (app.team.table) with its milestone term counted over the next ``weeks × 7``
days (the same as the team table's at 4 weeks). Greedy: repeatedly take the most loaded
caseworker who has a movable case and the least loaded one who may receive, and move the
case whose load is closest to half their gap (a move is only made when its load is smaller
than the gap, so every move lowers the spread of load). It stops after ``max_moves`` moves
or when no move helps.

Movable are only cases with milestone work in the horizon, and never a case

- with a planned date (anyone's, past or future): someone has planned to work it;
- with an open personal follow-up due within ``protect_follow_up_days`` (7) days, overdue
  ones included: its caseworker is in the middle of it;
- in a recovery phase (``recovery_until`` after the day): a deliberate pause stays with
  the caseworker who chose it.

A caseworker who is away on any day of the horizon receives nothing, and a case is only
proposed to a colleague of its caseworker's unit (when both units are known): moving to
another unit needs a note of one's own. Nothing moves until
the lead confirms: ``apply_moves`` re-checks that each case is still where the proposal
found it and then reassigns them all in one transaction.
"""

from __future__ import annotations

import sqlite3
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from app.base.clock import Clock, local_today, start_of_day_utc, utc_iso
from app.base.errors import InvalidInputError, NotFoundError
from app.base.i18n import _
from app.case.handover import require_note_between_units, write_handover
from app.chain.state import milestone_label
from app.priority.profile import Caseworker
from app.team.colleagues import handover_units, unit_key_of
from app.team.digest import milestones_of, team_loads
from app.team.rules import team_rules
from db import queries, transaction

MAX_REASON_LENGTH = 1000


def require_lead(actor: Caseworker) -> None:
    if actor.role != "lead":
        raise InvalidInputError(
            _(
                "{ext_id} är handläggare; bara gruppchefen kan flytta ärenden (ange --as "
                "med gruppchefens signatur)."
            ).format(ext_id=actor.ext_id)
        )


def _reason(reason: str) -> str:
    text = (reason or "").strip()
    if not text:
        raise InvalidInputError(_("Skriv ett skäl till omfördelningen (--reason)."))
    if len(text) > MAX_REASON_LENGTH:
        raise InvalidInputError(
            _("Skälet får vara högst {MAX_REASON_LENGTH} tecken.").format(
                MAX_REASON_LENGTH=MAX_REASON_LENGTH
            )
        )
    return text


def _target(conn: sqlite3.Connection, who: Caseworker | str) -> Caseworker:
    ext_id = who.ext_id if isinstance(who, Caseworker) else who
    row = conn.execute(
        "SELECT id, ext_id, name, role, team, active, unit FROM caseworkers WHERE ext_id = ?",
        (ext_id,),
    ).fetchone()
    if row is None:
        raise NotFoundError(
            _("Det finns ingen handläggare med signaturen '{ext_id}'.").format(ext_id=ext_id)
        )
    if row["role"] == "lead":
        raise InvalidInputError(
            _("{ext_id} är gruppchef och tar inte emot ärenden.").format(ext_id=ext_id)
        )
    if not row["active"]:
        raise InvalidInputError(
            _("{ext_id} är inte längre aktiv och kan inte ta emot ärenden.").format(ext_id=ext_id)
        )
    return Caseworker(row["id"], row["ext_id"], row["name"], row["role"], row["team"])


def _move_case(
    conn: sqlite3.Connection,
    row: sqlite3.Row,
    target: Caseworker,
    reason: str,
    actor: Caseworker,
    now: str,
    extra: dict[str, Any],
    note: str | None = None,
    on: date | None = None,
) -> None:
    case_id, old = row["id"], row["caseworker_id"]
    units = handover_units(conn, row, target.id)
    text = require_note_between_units(row["case_ref"], *units, note)
    between = bool(units[0] and units[1] and units[0] != units[1])
    handover_id = write_handover(
        conn, case_id, old, target, units, reason, text, actor, now,
        on or date.fromisoformat(now[:10]),
    )  # fmt: skip
    moved = [
        r[0]
        for r in conn.execute(
            "SELECT id FROM follow_ups WHERE case_id = ? AND origin = 'personal' "
            "AND state = 'open' AND deleted_at IS NULL AND coalesce(owner_id, ?) != ?",
            (case_id, old, target.id),
        ).fetchall()
    ]
    if moved:
        conn.execute(
            f"UPDATE follow_ups SET owner_id = ?, inherited = 1, fired_at = NULL "
            f"WHERE id IN ({','.join(str(i) for i in moved)})",
            (target.id,),
        )
    plans = [
        r[0]
        for r in conn.execute(
            "SELECT on_date FROM planned_dates WHERE case_id = ? AND caseworker_id = ?",
            (case_id, old),
        ).fetchall()
    ]
    if plans:
        conn.execute(
            "DELETE FROM planned_dates WHERE case_id = ? AND caseworker_id = ?", (case_id, old)
        )
    conn.execute(
        "UPDATE cases SET caseworker_id = ?, updated_at = ? WHERE id = ?",
        (target.id, now, case_id),
    )
    if between:
        conn.execute("UPDATE cases SET unit = ? WHERE id = ?", (units[1], case_id))
    from_ext = None
    if old is not None:
        found = conn.execute("SELECT ext_id FROM caseworkers WHERE id = ?", (old,)).fetchone()
        from_ext = found[0] if found else None
    queries.append_event(
        conn, case_id=case_id, at=now, actor=actor.ext_id, kind="case.reassigned",
        detail={"from": from_ext, "to": target.ext_id, "reason": reason,
                "follow_ups_moved": moved, "plan_removed": plans[0] if plans else None,
                "handover_id": handover_id, "from_unit": units[0], "to_unit": units[1],
                **extra},
    )  # fmt: skip


def _reassign(
    conn: sqlite3.Connection,
    case_refs: Sequence[str],
    to_caseworker: Caseworker | str,
    reason: str,
    actor: Caseworker,
    clock: Clock,
    extra: dict[str, Any],
    note: str | None = None,
) -> int:
    require_lead(actor)
    text = _reason(reason)
    refs = list(dict.fromkeys(r.strip() for r in case_refs if r.strip()))
    if not refs:
        raise InvalidInputError(_("Ange minst ett ärende att flytta."))
    now = utc_iso(clock.now())
    on = local_today(clock)
    moved = 0
    with transaction(conn):
        target = _target(conn, to_caseworker)
        for ref in refs:
            row = queries.case_by_ref(conn, ref)
            if row is None:
                raise NotFoundError(_("Ärendet '{ref}' finns inte i databasen.").format(ref=ref))
            if row["status"] != "open":
                raise InvalidInputError(
                    _("Ärendet {ref} är avslutat och kan inte flyttas.").format(ref=ref)
                )
            if row["caseworker_id"] == target.id:
                continue
            _move_case(conn, row, target, text, actor, now, extra, note, on)
            moved += 1
    return moved


def reassign(
    conn: sqlite3.Connection,
    case_refs: Sequence[str],
    to_caseworker: Caseworker | str,
    reason: str,
    actor: Caseworker,
    clock: Clock,
    *,
    note: str | None = None,
) -> int:
    """Move the cases (by case reference) to ``to_caseworker`` with a reason, all or
    nothing; returns how many changed hands (a case already with them is left alone).
    ``note``: the handover note in the giver's words (required between units)."""
    return _reassign(conn, case_refs, to_caseworker, reason, actor, clock, {}, note)


def reassign_stock(
    conn: sqlite3.Connection,
    from_caseworker: Caseworker | str,
    to_caseworker: Caseworker | str,
    reason: str,
    actor: Caseworker,
    clock: Clock,
    *,
    note: str | None = None,
) -> int:
    """Move every open case of ``from_caseworker`` to ``to_caseworker``."""
    ext_id = from_caseworker.ext_id if isinstance(from_caseworker, Caseworker) else from_caseworker
    row = queries.caseworker_by_ext_id(conn, ext_id)
    if row is None:
        raise NotFoundError(
            _("Det finns ingen handläggare med signaturen '{ext_id}'.").format(ext_id=ext_id)
        )
    refs = [
        r[0]
        for r in conn.execute(
            "SELECT case_ref FROM cases WHERE status = 'open' AND caseworker_id = ? "
            "ORDER BY case_ref",
            (row["id"],),
        ).fetchall()
    ]
    if not refs:
        return 0
    return _reassign(conn, refs, to_caseworker, reason, actor, clock, {"whole_stock": True}, note)


# -- the balancing proposal ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Move:
    """One proposed move: the case, from whom, to whom, and the load it carries."""

    case_id: int
    case_ref: str
    from_id: int
    from_caseworker: str
    to_id: int
    to_caseworker: str
    load: float
    milestones: tuple[str, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "case_id": self.case_ref,
            "from": self.from_caseworker,
            "to": self.to_caseworker,
            "load": round(self.load, 1),
            "milestones": list(self.milestones),
            "milestone_labels": [milestone_label(k) for k in self.milestones],
        }


@dataclass(frozen=True, slots=True)
class BalanceProposal:
    """The moves proposed, and each caseworker's load before and after them."""

    on: date
    weeks: int
    moves: list[Move]
    before: dict[str, float]
    after: dict[str, float]

    @staticmethod
    def _spread(loads: dict[str, float]) -> float:
        return max(loads.values()) - min(loads.values()) if loads else 0.0

    @property
    def spread_before(self) -> float:
        """Highest minus lowest load before the moves."""
        return self._spread(self.before)

    @property
    def spread_after(self) -> float:
        return self._spread(self.after)

    @property
    def stdev_before(self) -> float:
        return statistics.pstdev(self.before.values()) if self.before else 0.0

    @property
    def stdev_after(self) -> float:
        return statistics.pstdev(self.after.values()) if self.after else 0.0

    def as_json(self) -> dict[str, Any]:
        return {
            "on": self.on.isoformat(),
            "weeks": self.weeks,
            "moves": [m.as_json() for m in self.moves],
            "loads_before": {k: round(v, 1) for k, v in self.before.items()},
            "loads_after": {k: round(v, 1) for k, v in self.after.items()},
            "spread_before": round(self.spread_before, 1),
            "spread_after": round(self.spread_after, 1),
        }


def _protected_by_follow_up(conn: sqlite3.Connection, on: date, days: int) -> set[int]:
    """Cases with an open personal follow-up due before the end of ``on + days``."""
    limit = utc_iso(start_of_day_utc(on + timedelta(days=days + 1)))
    return {
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT case_id FROM follow_ups WHERE origin = 'personal' "
            "AND state = 'open' AND deleted_at IS NULL AND due_at < ?",
            (limit,),
        ).fetchall()
    }


def _recovering(conn: sqlite3.Connection, on: date) -> set[int]:
    """Open cases whose recovery time (återhämtning) runs past ``on``."""
    return {
        r[0]
        for r in conn.execute(
            "SELECT id FROM cases WHERE status = 'open' AND recovery_until > ?",
            (on.isoformat(),),
        ).fetchall()
    }


def _away_during(conn: sqlite3.Connection, first: date, last: date) -> set[int]:
    return {
        r[0]
        for r in conn.execute(
            "SELECT caseworker_id FROM absences WHERE from_date <= ? AND to_date >= ?",
            (last.isoformat(), first.isoformat()),
        ).fetchall()
    }


def propose_balance(
    conn: sqlite3.Connection,
    on: date,
    *,
    weeks: int | None = None,
    max_moves: int | None = None,
    caseworker_ids: Iterable[int] | None = None,
    store: bool = True,
) -> BalanceProposal:
    """Propose moves that even out the next ``weeks`` weeks of load (see the module
    docstring for the rules). Nothing moves until ``apply_moves``; the only write is the
    team's case digests (``store=False`` keeps another day's from replacing today's)."""
    rules = team_rules()
    weeks = rules.balance_weeks if weeks is None else weeks
    max_moves = rules.balance_max_moves if max_moves is None else max_moves
    if weeks < 1 or weeks > 12:
        raise InvalidInputError(_("Antalet veckor ska vara mellan 1 och 12."))
    if max_moves < 0:
        raise InvalidInputError(_("Antalet flyttar får inte vara negativt."))
    horizon = 7 * weeks
    wanted = None if caseworker_ids is None else set(caseworker_ids)
    staff = [
        r
        for r in conn.execute(
            "SELECT id, ext_id, unit FROM caseworkers WHERE active = 1 AND role != 'lead' "
            "ORDER BY ext_id"
        ).fetchall()
        if wanted is None or r[0] in wanted
    ]
    pool = {r[0]: r[1] for r in staff}
    units = {r[0]: unit_key_of(r[2]) for r in staff}
    # The stored case digests give each case's load and milestones ahead (app.team.digest).
    case_loads, ahead = team_loads(
        conn, on, caseworker_ids=None if wanted is None else list(pool), ahead_days=horizon,
        store=store,
    )  # fmt: skip
    ahead_of = {case_id: (keys, ords) for case_id, _cw, keys, ords in ahead}
    planned = {case_id for case_id, day in queries.plans_for(conn, None) if day}
    recovering = _recovering(conn, on)
    protected = _protected_by_follow_up(conn, on, rules.protect_follow_up_days)
    away = _away_during(conn, on, on + timedelta(days=horizon))
    on_ord = on.toordinal()
    loads: dict[int, float] = dict.fromkeys(pool, 0.0)
    movable: dict[int, list[tuple[float, str, int, tuple[str, ...]]]] = {cw: [] for cw in pool}
    for c in case_loads:
        cw = c.caseworker_id
        if cw is None or cw not in pool:
            continue
        keys = tuple(
            key
            for key, ordinal in milestones_of(*ahead_of.get(c.case_id, (None, None)))
            if 0 <= ordinal - on_ord <= horizon
        )
        count = len(keys)
        load = c.load + rules.milestone * (count - c.milestones_28)
        loads[cw] += load
        if (
            count
            and c.case_id not in planned
            and c.case_id not in protected
            and c.case_id not in recovering
        ):
            movable[cw].append((load, c.case_ref, c.case_id, keys))
    before = {pool[cw]: round(v, 6) for cw, v in loads.items()}
    moves: list[Move] = []
    while len(moves) < max_moves:
        move = _best_move(loads, movable, away, units)
        if move is None:
            break
        donor, receiver, index = move
        load, ref, case_id, keys = movable[donor].pop(index)
        loads[donor] -= load
        loads[receiver] += load
        moves.append(Move(case_id, ref, donor, pool[donor], receiver, pool[receiver], load, keys))
    after = {pool[cw]: round(v, 6) for cw, v in loads.items()}
    return BalanceProposal(on, weeks, moves, before, after)


def _best_move(
    loads: dict[int, float],
    movable: dict[int, list[tuple[float, str, int, tuple[str, ...]]]],
    away: set[int],
    units: dict[int, str | None] | None = None,
) -> tuple[int, int, int] | None:
    """The most loaded donor and least loaded receiver of the same unit (or either unit
    unknown) with a case whose load is below their gap, choosing the case closest to half
    the gap; None when no move helps."""
    units = units or {}
    donors = sorted((cw for cw in loads if movable[cw]), key=lambda cw: (-loads[cw], cw))
    receivers = sorted((cw for cw in loads if cw not in away), key=lambda cw: (loads[cw], cw))
    for donor in donors:
        for receiver in receivers:
            gap = loads[donor] - loads[receiver]
            if receiver == donor or gap <= 1e-9:
                break
            ours, theirs = units.get(donor), units.get(receiver)
            if ours and theirs and ours != theirs:
                continue
            best = None
            for i, (load, ref, _id, _keys) in enumerate(movable[donor]):
                if 0 < load < gap - 1e-9:
                    key = (abs(load - gap / 2), ref)
                    if best is None or key < best[0]:
                        best = (key, i)
            if best is not None:
                return donor, receiver, best[1]
    return None


def apply_moves(
    conn: sqlite3.Connection,
    moves: Sequence[Move],
    reason: str,
    actor: Caseworker,
    clock: Clock,
) -> int:
    """Carry out confirmed moves in one transaction; refused as a whole when a case is no
    longer with the caseworker the proposal found it with. Returns the cases moved."""
    require_lead(actor)
    text = _reason(reason)
    if not moves:
        return 0
    moved = 0
    with transaction(conn):
        for m in moves:
            row = conn.execute(
                "SELECT caseworker_id, status FROM cases WHERE id = ?", (m.case_id,)
            ).fetchone()
            if row is None or row["caseworker_id"] != m.from_id or row["status"] != "open":
                raise InvalidInputError(
                    _(
                        "Förslaget är inaktuellt: ärende {case_ref} har ändrats sedan förslaget "
                        "gjordes. Gör ett nytt förslag."
                    ).format(case_ref=m.case_ref)
                )
        by_target: dict[str, list[str]] = {}
        for m in moves:
            by_target.setdefault(m.to_caseworker, []).append(m.case_ref)
        for target, refs in by_target.items():
            moved += _reassign(conn, refs, target, text, actor, clock, {"balancing": True})
    return moved
