"""A departing caseworker's whole stock, spread over named colleagues in one confirmed act.

``propose_spread`` assigns every open case of the one leaving to one of the colleagues the
lead names: the cases the lead placed by hand go where they were placed, the rest by the
balancing measure (the team load of app.team.digest): heaviest case first, each to the
colleague with the least load so far (their own stock's load counted in). Colleagues of
the case's unit are offered first: when at least one named colleague shares it, the case
goes to one of them; otherwise it goes to another unit and then needs a note of one's
own. Nothing moves until ``apply_spread``, which re-checks that each case is still with
the one leaving and moves them all in one transaction, each case with its handover note
(app.case.handover) and the new owner's intake review.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.base.clock import Clock
from app.base.errors import InvalidInputError, NotFoundError
from app.base.i18n import _
from app.chain.casework_rules import unit_rules
from app.priority.profile import Caseworker
from app.team.colleagues import unit_of_caseworker
from app.team.digest import team_loads
from app.team.reassign import _reason, _reassign, _target, require_lead
from db import queries, transaction


@dataclass(frozen=True, slots=True)
class SpreadMove:
    case_id: int
    case_ref: str
    to: str
    load: float
    by_hand: bool
    other_unit: bool

    def as_json(self) -> dict[str, Any]:
        return {
            "case_id": self.case_ref,
            "to": self.to,
            "load": round(self.load, 1),
            "by_hand": self.by_hand,
            "other_unit": self.other_unit,
        }


@dataclass(frozen=True, slots=True)
class SpreadPlan:
    on: date
    from_caseworker: str
    from_id: int
    moves: list[SpreadMove]
    before: dict[str, float]
    after: dict[str, float]

    @property
    def needs_note(self) -> bool:
        """Whether a case goes to another unit (a note of one's own is then required)."""
        return any(m.other_unit for m in self.moves)

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(self.before, 0)
        for m in self.moves:
            out[m.to] += 1
        return out

    def as_json(self) -> dict[str, Any]:
        return {
            "on": self.on.isoformat(),
            "from": self.from_caseworker,
            "moves": [m.as_json() for m in self.moves],
            "cases_per_colleague": self.counts(),
            "loads_before": {k: round(v, 1) for k, v in self.before.items()},
            "loads_after": {k: round(v, 1) for k, v in self.after.items()},
            "needs_note": self.needs_note,
        }


def propose_spread(
    conn: sqlite3.Connection,
    from_caseworker: str,
    colleagues: Sequence[str],
    on: date,
    *,
    by_hand: Mapping[str, str] | None = None,
) -> SpreadPlan:
    """Where each open case of ``from_caseworker`` would go (see the module docstring)."""
    leaving = queries.caseworker_by_ext_id(conn, from_caseworker)
    if leaving is None:
        raise NotFoundError(
            _("Det finns ingen handläggare med signaturen '{ext_id}'.").format(
                ext_id=from_caseworker
            )
        )
    names = list(dict.fromkeys(c.strip() for c in colleagues if c.strip()))
    if not names:
        raise InvalidInputError(_("Ange minst en kollega som tar emot ärenden (--to)."))
    if from_caseworker in names:
        raise InvalidInputError(
            _("{ext_id} lämnar och kan inte ta emot sina egna ärenden.").format(
                ext_id=from_caseworker
            )
        )
    targets = [_target(conn, n) for n in names]
    by_hand = dict(by_hand or {})
    unknown = sorted(set(by_hand.values()) - set(names))
    if unknown:
        raise InvalidInputError(
            _("Ärenden kan bara läggas hos de namngivna kollegerna (--to): {names}.").format(
                names=", ".join(unknown)
            )
        )
    loads, _ahead = team_loads(conn, on, caseworker_ids=[leaving["id"], *(t.id for t in targets)],
                               store=False)  # fmt: skip
    current = {t.ext_id: 0.0 for t in targets}
    by_id = {t.id: t.ext_id for t in targets}
    stock: list[tuple[float, str, int]] = []
    for c in loads:
        if c.caseworker_id in by_id:
            current[by_id[c.caseworker_id]] += c.load
        elif c.caseworker_id == leaving["id"]:
            stock.append((c.load, c.case_ref, c.case_id))
    refs = {ref for _load, ref, _id in stock}
    strays = sorted(set(by_hand) - refs)
    if strays:
        raise InvalidInputError(
            _("Ärendena ligger inte öppna hos {ext_id}: {refs}.").format(
                ext_id=from_caseworker, refs=", ".join(strays)
            )
        )
    key_of = unit_rules().key_of
    case_units = {
        r[0]: key_of(unit_of_caseworker(conn, leaving["id"]) or r[1])
        for r in conn.execute(
            "SELECT id, unit FROM cases WHERE status = 'open' AND caseworker_id = ?",
            (leaving["id"],),
        )
    }
    target_units = {t.ext_id: key_of(unit_of_caseworker(conn, t.id)) for t in targets}

    def other_unit(case_id: int, to: str) -> bool:
        ours, theirs = case_units.get(case_id), target_units[to]
        return bool(ours and theirs and ours != theirs)

    before = dict(current)
    moves: list[SpreadMove] = []
    stock.sort(key=lambda item: (-item[0], item[1]))
    for load, ref, case_id in stock:
        if ref in by_hand:
            to, hand = by_hand[ref], True
        else:
            same = [n for n in names if not other_unit(case_id, n)]
            pool = same or names
            to, hand = min(pool, key=lambda n: (current[n], names.index(n))), False
        current[to] += load
        moves.append(SpreadMove(case_id, ref, to, load, hand, other_unit(case_id, to)))
    moves.sort(key=lambda m: m.case_ref)
    return SpreadPlan(on, from_caseworker, int(leaving["id"]), moves, before, current)


def apply_spread(
    conn: sqlite3.Connection,
    plan: SpreadPlan,
    reason: str,
    actor: Caseworker,
    clock: Clock,
    *,
    note: str | None = None,
) -> int:
    """Carry out a confirmed spread in one transaction; refused as a whole when a case is no
    longer with the one leaving. Each case gets its handover note; how many moved."""
    require_lead(actor)
    text = _reason(reason)
    if not plan.moves:
        return 0
    moved = 0
    with transaction(conn):
        for m in plan.moves:
            row = conn.execute(
                "SELECT caseworker_id, status FROM cases WHERE id = ?", (m.case_id,)
            ).fetchone()
            if row is None or row["caseworker_id"] != plan.from_id or row["status"] != "open":
                raise InvalidInputError(
                    _(
                        "Förslaget är inaktuellt: ärende {case_ref} har ändrats sedan förslaget "
                        "gjordes. Gör ett nytt förslag."
                    ).format(case_ref=m.case_ref)
                )
        by_target: dict[str, list[str]] = {}
        for m in plan.moves:
            by_target.setdefault(m.to, []).append(m.case_ref)
        extra = {"whole_stock": True, "spread": True}
        for target, refs in by_target.items():
            moved += _reassign(conn, refs, target, text, actor, clock, extra, note)
    return moved
