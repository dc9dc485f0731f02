"""A small hand-built stock for tests whose right answers can be counted."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, time
from itertools import count

from app.base.clock import STOCKHOLM, utc_iso
from db import transaction

_ids = count(1)


class StockBuilder:
    """Insert caseworkers, cases and their items with sensible defaults."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.caseworkers: dict[str, int] = {}

    def caseworker(
        self, ext_id: str = "hl01", name: str = "Test Handläggare", role: str = "caseworker"
    ) -> int:
        with transaction(self.conn):
            cur = self.conn.execute(
                "INSERT INTO caseworkers(ext_id, name, role, team) VALUES (?, ?, ?, 'Team Test')",
                (ext_id, name, role),
            )
        self.caseworkers[ext_id] = cur.lastrowid
        return cur.lastrowid

    def case(
        self,
        case_ref: str,
        *,
        start: date,
        end: date | None = None,
        caseworker: str = "hl01",
        employment: str = "employed",
        birth_date: str = "1980-05-05",
        **fields: object,
    ) -> int:
        if caseworker not in self.caseworkers:
            self.caseworker(caseworker)
        columns = {
            "case_ref": case_ref,
            "person_name": f"Person {case_ref}",
            "pin": "198005052388",
            "birth_date": birth_date,
            "employment": employment,
            "employer": "Testbolaget AB" if employment == "employed" else None,
            "caseworker_id": self.caseworkers[caseworker],
            "status": "open",
            **fields,
        }
        names = ", ".join(columns)
        marks = ", ".join("?" for _ in columns)
        with transaction(self.conn):
            case_id = self.conn.execute(
                f"INSERT INTO cases({names}) VALUES ({marks})", tuple(columns.values())
            ).lastrowid
            self.period(case_id, start, end)
        return case_id

    def period(self, case_id: int, start: date, end: date | None = None) -> None:
        with transaction(self.conn):
            self.conn.execute(
                "INSERT INTO sick_periods(case_id, start, end, ext_id) VALUES (?, ?, ?, ?)",
                (case_id, start.isoformat(), end.isoformat() if end else None, f"p{next(_ids)}"),
            )

    def certificate(self, case_id: int, from_date: date, to_date: date, extent: int = 100) -> None:
        with transaction(self.conn):
            self.conn.execute(
                "INSERT INTO certificates(case_id, from_date, to_date, extent, ext_id) "
                "VALUES (?, ?, ?, ?, ?)",
                (case_id, from_date.isoformat(), to_date.isoformat(), extent, f"k{next(_ids)}"),
            )

    def impulse(
        self,
        case_id: int,
        received: date,
        type_: str = "rehab_need",
        *,
        read: bool = False,
        outcome: str | None = None,
        text: str = "Nytt läkarintyg",
    ) -> int:
        at = utc_iso(datetime.combine(received, time(9), tzinfo=STOCKHOLM))
        with transaction(self.conn):
            return self.conn.execute(
                "INSERT INTO impulses(ext_id, case_id, type, doc_kind, received_at, text, read_at, "
                "outcome) VALUES (?, ?, ?, 'certificate', ?, ?, ?, ?)",
                (f"i{next(_ids)}", case_id, type_, at, text, at if read else None, outcome),
            ).lastrowid

    def follow_up(
        self,
        case_id: int,
        due: date,
        kind: str = "insured",
        *,
        state: str = "open",
        snoozed_until: date | None = None,
        hour: int = 9,
    ) -> int:
        at = utc_iso(datetime.combine(due, time(hour), tzinfo=STOCKHOLM))
        snooze = (
            utc_iso(datetime.combine(snoozed_until, time(8), tzinfo=STOCKHOLM))
            if snoozed_until
            else None
        )
        with transaction(self.conn):
            return self.conn.execute(
                "INSERT INTO follow_ups(case_id, due_at, kind, origin, state, snoozed_until) "
                "VALUES (?, ?, ?, 'personal', ?, ?)",
                (case_id, at, kind, state, snooze),
            ).lastrowid

    def plan(self, case_id: int, on: date, caseworker: str = "hl01") -> None:
        with transaction(self.conn):
            self.conn.execute(
                "INSERT INTO planned_dates(case_id, caseworker_id, on_date) VALUES (?, ?, ?)",
                (case_id, self.caseworkers[caseworker], on.isoformat()),
            )
