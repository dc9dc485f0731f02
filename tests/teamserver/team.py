"""A team on a real server for the sync tests: two caseworkers (A, B) and a lead (L), each
with a replica (a local SQLite file), and a stock the lead pushes when joining."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from app.base.clock import SystemClock
from app.priority.profile import resolve_caseworker
from app.sync import join, sync
from db import open_db
from db.teamserver import server
from tests.builders import StockBuilder
from tests.pg import PgDatabase

CLOCK = SystemClock()


@dataclass
class Team:
    pg: PgDatabase
    folder: Path
    logins: dict[str, str] = field(default_factory=dict)  # "A" -> login role
    conns: dict[str, sqlite3.Connection] = field(default_factory=dict)

    def sig(self, who: str) -> str:
        return self.pg.signature({"A": "hka", "B": "hkb", "L": "gc"}[who])

    def path(self, who: str) -> Path:
        return self.folder / f"{who}.db"

    def url(self, who: str) -> str:
        return self.pg.url(self.logins[who])

    def conn(self, who: str) -> sqlite3.Connection:
        if who not in self.conns:
            self.conns[who] = open_db(self.path(who))
        return self.conns[who]

    def me(self, who: str):
        return resolve_caseworker(self.conn(who), self.sig(who))

    def sync(self, who: str):
        return sync(self.conn(who), CLOCK)

    def close(self) -> None:
        for conn in self.conns.values():
            conn.close()
        self.conns.clear()

    def case_ids(self, who: str) -> dict[str, int]:
        return dict(self.conn(who).execute("SELECT case_ref, id FROM cases").fetchall())


def fill_stock(conn: sqlite3.Connection, team: Team, cases_each: int) -> None:
    """The team's stock: cases A0.. for A and B0.. for B, chains started 60 days apart,
    each with a sick period, an impulse and a follow-up."""
    stock = StockBuilder(conn)
    for who in "ABL":
        stock.caseworker(team.sig(who), f"Person {who}", "lead" if who == "L" else "caseworker")
    for who in "AB":
        for n in range(cases_each):
            start = date.fromordinal(date(2026, 9, 1).toordinal() - 60 * (n % 6))
            case_id = stock.case(f"{who}{n}-{team.pg.suffix}", start=start,
                                 caseworker=team.sig(who))  # fmt: skip
            stock.impulse(case_id, date(2026, 11, 2))
            stock.follow_up(case_id, date(2026, 11, 20))


def make_team(pg: PgDatabase, folder: Path, cases_each: int = 3, *, join_all: bool = True) -> Team:
    """A team server with A, B and L; L's replica holds the stock (cases A0.. for A, B0..
    for B, each with a sick period, an impulse and a follow-up) and joins with
    --push-local; A and B join with empty replicas."""
    server.init(pg.admin_url, "Team Test")
    team = Team(pg, folder)
    for who, role in (("A", "caseworker"), ("B", "caseworker"), ("L", "lead")):
        team.logins[who] = server.add_user(pg.admin_url, team.sig(who), f"Person {who}", role)
    fill_stock(team.conn("L"), team, cases_each)
    join(team.conn("L"), team.url("L"), CLOCK, push_local=True)
    if join_all:
        for who in "AB":
            join(team.conn(who), team.url(who), CLOCK)
    return team
