"""The synthetic demo stock: counts, determinism, realism of the shares, refusal to overwrite."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest

import db
from app.base.errors import ExistingDataError
from app.base.model import (
    OTHER_BENEFIT_IMPULSE,
    DocumentKind,
    FollowUpKind,
    ImpulseOutcome,
    ImpulseType,
)
from app.chain.state import ChainState, chain_on
from app.demo.generator import DemoSummary, build_demo
from app.safety.pin import birth_date_of, is_valid_pin

TODAY = date(2026, 11, 23)
SNAPSHOT_UTC = "2026-11-23T06:30:00+00:00"  # 07:30 in Stockholm
ROOT = Path(__file__).resolve().parent.parent


def _build(path: Path, caseworkers: int, cases: int, seed: int = 1) -> DemoSummary:
    conn = db.open_db(path)
    try:
        return build_demo(
            conn, caseworkers=caseworkers, cases_per_caseworker=cases, seed=seed, today=TODAY
        )
    finally:
        conn.close()


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DemoSummary]:
    path = tmp_path_factory.mktemp("small") / "demo.db"
    return path, _build(path, 3, 50)


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    path = tmp_path_factory.mktemp("big") / "demo.db"
    _build(path, 2, 400)
    conn = db.open_db(path)
    yield conn
    conn.close()


@pytest.fixture
def small_conn(small: tuple[Path, DemoSummary]) -> Iterator[sqlite3.Connection]:
    conn = db.open_db(small[0])
    yield conn
    conn.close()


def _one(conn: sqlite3.Connection, sql: str) -> int | str | None:
    return conn.execute(sql).fetchone()[0]


def _rows(conn: sqlite3.Connection, sql: str) -> list[tuple[object, ...]]:
    return [tuple(row) for row in conn.execute(sql)]


def _periods(conn: sqlite3.Connection) -> dict[int, list[tuple[date, date | None]]]:
    periods: dict[int, list[tuple[date, date | None]]] = defaultdict(list)
    for case_id, start, end in conn.execute('SELECT case_id, start, "end" FROM sick_periods'):
        periods[case_id].append(
            (date.fromisoformat(start), date.fromisoformat(end) if end else None)
        )
    return periods


def _chains(conn: sqlite3.Connection) -> dict[int, ChainState]:
    periods = _periods(conn)
    return {
        case_id: chain_on(
            periods[case_id], TODAY, employment=employment, birth_date=date.fromisoformat(birth)
        )
        for case_id, employment, birth in conn.execute(
            "SELECT id, employment, birth_date FROM cases"
        )
    }


def _share(conn: sqlite3.Connection, where: str) -> float:
    return 100.0 * conn.execute(f"SELECT AVG({where}) FROM cases").fetchone()[0]


# -- counts -------------------------------------------------------------------------------------


def test_small_build_counts(
    small: tuple[Path, DemoSummary], small_conn: sqlite3.Connection
) -> None:
    _, summary = small
    assert summary.caseworkers == 3
    assert summary.leads == 1
    assert summary.cases == 150
    assert _one(small_conn, "SELECT COUNT(*) FROM caseworkers") == 4
    assert _one(small_conn, "SELECT COUNT(*) FROM cases") == 150
    for table in ("sick_periods", "certificates", "impulses", "follow_ups", "contacts"):
        assert _one(small_conn, f"SELECT COUNT(*) FROM {table}") == getattr(summary, table)
    assert _one(small_conn, "SELECT COUNT(*) FROM planned_dates") == summary.planned_dates
    assert summary.sick_periods >= 150
    assert summary.certificates >= summary.sick_periods


def test_caseworkers_and_the_lead(small_conn: sqlite3.Connection) -> None:
    rows = _rows(small_conn, "SELECT ext_id, role, team FROM caseworkers ORDER BY id")
    assert [r[0] for r in rows] == ["hl01", "hl02", "hl03", "lead01"]
    assert [r[1] for r in rows] == ["caseworker"] * 3 + ["lead"]
    assert {r[2] for r in rows} == {"Team Syd"}
    per_caseworker = _rows(
        small_conn,
        "SELECT w.ext_id, COUNT(c.id) FROM caseworkers w "
        "LEFT JOIN cases c ON c.caseworker_id = w.id GROUP BY w.id ORDER BY w.id",
    )
    assert per_caseworker == [("hl01", 50), ("hl02", 50), ("hl03", 50), ("lead01", 0)]


def test_settings(small_conn: sqlite3.Connection) -> None:
    settings = dict(_rows(small_conn, "SELECT key, value FROM settings WHERE scope = ''"))
    assert settings["profile.caseworker"] == '"hl01"'
    assert settings["demo.today"] == '"2026-11-23"'


def test_no_dangling_references(small_conn: sqlite3.Connection) -> None:
    assert _rows(small_conn, "PRAGMA foreign_key_check") == []
    assert _one(small_conn, "SELECT COUNT(DISTINCT case_ref) FROM cases") == 150


# -- determinism --------------------------------------------------------------------------------


def _digest(path: Path) -> str:
    conn = db.open_db(path)
    try:
        digest = hashlib.sha256()
        for table in ("cases", "sick_periods", "certificates", "impulses", "follow_ups",
                      "contacts", "planned_dates", "caseworkers"):  # fmt: skip
            for row in conn.execute(f"SELECT * FROM {table} ORDER BY id"):
                digest.update(repr(tuple(row)).encode())
        return digest.hexdigest()
    finally:
        conn.close()


def test_same_seed_and_today_give_identical_rows(
    tmp_path: Path, small: tuple[Path, DemoSummary]
) -> None:
    _build(tmp_path / "again.db", 3, 50)
    assert _digest(tmp_path / "again.db") == _digest(small[0])


def test_another_seed_gives_another_stock(tmp_path: Path, small: tuple[Path, DemoSummary]) -> None:
    _build(tmp_path / "other.db", 3, 50, seed=2)
    assert _digest(tmp_path / "other.db") != _digest(small[0])


def test_progress_is_reported_up_to_the_total(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    conn = db.open_db(tmp_path / "demo.db")
    build_demo(
        conn,
        caseworkers=3,
        cases_per_caseworker=700,
        today=TODAY,
        progress=lambda done, total: calls.append((done, total)),
    )
    conn.close()
    assert len(calls) >= 2
    assert calls[-1] == (2100, 2100)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


# -- people -------------------------------------------------------------------------------------


def test_every_pin_is_valid_and_matches_the_birth_date(small_conn: sqlite3.Connection) -> None:
    for pin, birth in small_conn.execute("SELECT pin, birth_date FROM cases"):
        assert is_valid_pin(pin, today=TODAY)
        assert birth_date_of(pin).isoformat() == birth


def test_ages_are_20_to_66_with_some_63_and_older(big: sqlite3.Connection) -> None:
    births = [date.fromisoformat(b) for (b,) in big.execute("SELECT birth_date FROM cases")]
    ages = [TODAY.year - b.year - ((TODAY.month, TODAY.day) < (b.month, b.day)) for b in births]
    assert min(ages) >= 20
    assert max(ages) <= 66
    assert sum(age >= 63 for age in ages) > 0


def test_pins_are_unique(big: sqlite3.Connection) -> None:
    assert _one(big, "SELECT COUNT(DISTINCT pin) FROM cases") == 800


# -- shares -------------------------------------------------------------------------------------


def test_diagnosis_shares(big: sqlite3.Connection) -> None:
    assert 40 <= _share(big, "diagnosis_group = 'F'") <= 58
    assert 12 <= _share(big, "diagnosis_group = 'M'") <= 25


def test_employment_mix(big: sqlite3.Connection) -> None:
    assert 78 <= _share(big, "employment = 'employed'") <= 92
    assert 5 <= _share(big, "employment = 'unemployed'") <= 15
    assert _one(big, "SELECT COUNT(*) FROM cases WHERE employment = 'unemployed' "
                     "AND employer IS NOT NULL") == 0  # fmt: skip


def test_impulse_share_is_near_37_percent(big: sqlite3.Connection) -> None:
    share = _share(big, "EXISTS (SELECT 1 FROM impulses i WHERE i.case_id = cases.id)")
    assert 30 <= share <= 44


def test_k3_share(big: sqlite3.Connection) -> None:
    assert 18 <= _share(big, "flow = 'K3'") <= 32


def test_employers_recur(big: sqlite3.Connection) -> None:
    top = _one(
        big,
        "SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM cases WHERE employer IS NOT NULL "
        "GROUP BY employer)",
    )
    assert isinstance(top, int) and top >= 10
    assert _one(big, "SELECT COUNT(*) FROM (SELECT employer FROM cases WHERE employer IS NOT NULL "
                     "GROUP BY employer HAVING COUNT(*) > 1)") >= 20  # fmt: skip


# -- the chain ----------------------------------------------------------------------------------


def test_all_four_phases_are_present(big: sqlite3.Connection) -> None:
    phases = Counter(chain.phase for chain in _chains(big).values())
    for phase in ("1-90", "91-180", "181-365", "366+"):
        assert phases[phase] >= 40, phases


def test_part_time_past_day_180_is_near_59_percent(big: sqlite3.Connection) -> None:
    chains = _chains(big)
    extents = [
        extent
        for case_id, extent in big.execute("SELECT id, extent FROM cases")
        if chains[case_id].day > 180
    ]
    part_time = 100 * sum(e < 100 for e in extents) / len(extents)
    assert 48 <= part_time <= 70
    assert set(extents) <= {25, 50, 75, 100}


def test_some_cases_past_day_181_lack_an_os_position(big: sqlite3.Connection) -> None:
    chains = _chains(big)
    rows = _rows(big, "SELECT id, os_position FROM cases WHERE employment = 'employed'")
    past = [pos for case_id, pos in rows if chains[case_id].day > 181]
    assert past.count(None) >= 1
    assert past.count("os") > past.count("nfa") > past.count(None)


def test_linked_earlier_periods_exist_and_link(big: sqlite3.Connection) -> None:
    periods = _periods(big)
    linked = 0
    for spans in periods.values():
        ordered = sorted(spans)
        for (_, end), (start, _) in pairwise(ordered):
            assert end is not None and end < start
            linked += (start - end).days - 1 < 90
    assert linked >= 20


def test_open_cases_have_a_running_period(big: sqlite3.Connection) -> None:
    chains = _chains(big)
    for case_id, status, closed_on in big.execute("SELECT id, status, closed_on FROM cases"):
        assert chains[case_id].active == (status == "open")
        assert (closed_on is None) == (status == "open")


def test_certificates_are_consecutive_and_about_10_percent_end_this_week(
    big: sqlite3.Connection,
) -> None:
    last_ends = _rows(
        big,
        "SELECT MAX(k.to_date) FROM certificates k JOIN cases c ON c.id = k.case_id "
        "WHERE c.status = 'open' GROUP BY k.case_id",
    )
    this_week = sum("2026-11-23" <= end <= "2026-11-30" for (end,) in last_ends)
    assert 5 <= 100 * this_week / len(last_ends) <= 16
    gaps = _one(
        big,
        "SELECT COUNT(*) FROM certificates a JOIN certificates b "
        "ON b.sick_period_id = a.sick_period_id AND b.from_date > a.from_date "
        "WHERE NOT EXISTS (SELECT 1 FROM certificates x WHERE x.sick_period_id = a.sick_period_id "
        "AND x.from_date > a.from_date AND x.from_date < b.from_date) "
        "AND julianday(b.from_date) - julianday(a.to_date) != 1",
    )
    assert gaps == 0
    assert _one(big, f"SELECT COUNT(*) FROM certificates WHERE received_at > '{SNAPSHOT_UTC}'") == 0


# -- impulses, follow-ups, contacts, plans ------------------------------------------------------


def test_impulses_use_the_enums_and_record_outcomes(big: sqlite3.Connection) -> None:
    rows = _rows(
        big,
        "SELECT type, doc_kind, received_at, read_at, outcome, outcome_note, outcome_by, "
        "outcome_at FROM impulses",
    )
    # The eight types of the case-file study, and the showcase's other-benefit hints.
    assert {r[0] for r in rows} == {t.value for t in ImpulseType} | {OTHER_BENEFIT_IMPULSE}
    rows = [r for r in rows if r[0] != OTHER_BENEFIT_IMPULSE]
    assert {r[1] for r in rows} <= {k.value for k in DocumentKind}
    assert {r[4] for r in rows} - {None} == {o.value for o in ImpulseOutcome}
    for _, _, received, read, outcome, note, by, at in rows:
        assert received <= SNAPSHOT_UTC
        if outcome is not None:
            assert note and by and at and read
            assert received <= read <= at <= SNAPSHOT_UTC
    assert any(r[4] is None and r[3] is None for r in rows)  # some unread
    assert any(r[4] is None and r[3] is not None for r in rows)  # some read, not handled


def test_follow_ups(big: sqlite3.Connection) -> None:
    rows = _rows(
        big,
        "SELECT f.kind, f.state, f.due_at, f.origin, f.owner_id = c.caseworker_id "
        "FROM follow_ups f JOIN cases c ON c.id = f.case_id",
    )
    assert {r[0] for r in rows} <= {k.value for k in FollowUpKind}
    # Open ones are the case's caseworker's; a done one stays with whoever did it (the
    # showcase's reassigned cases keep their history).
    assert all(r[3] == "personal" and (r[4] or r[1] != "open") for r in rows)
    open_due = [r[2] for r in rows if r[1] == "open"]
    assert any(due < "2026-11-22T23:00:00+00:00" for due in open_due)  # overdue
    assert "2026-11-23T08:00:00+00:00" in open_due  # due today (09:00 local)
    assert {r[1] for r in rows} == {"open", "done"}
    insured = _share(
        big, "EXISTS (SELECT 1 FROM follow_ups f WHERE f.case_id = cases.id AND kind = 'insured')"
    )
    employer = _share(
        big, "EXISTS (SELECT 1 FROM follow_ups f WHERE f.case_id = cases.id AND kind = 'employer')"
    )
    assert 70 <= insured <= 90
    assert 8 <= employer <= 24


def test_contacts(big: sqlite3.Connection) -> None:
    roles = Counter(role for (role,) in big.execute("SELECT role FROM contacts"))
    assert roles["employer"] > 0 and roles["doctor"] > 0
    assert roles["occupational_health"] > 0 and roles["rehab_coordinator"] > 0
    assert (
        _one(
            big,
            "SELECT COUNT(*) FROM contacts k JOIN cases c ON c.id = k.case_id "
            "WHERE k.role = 'employer' AND k.organisation IS NOT c.employer",
        )
        == 0
    )
    consents = {c for (c,) in big.execute("SELECT consent FROM contacts")}
    assert consents == {0, 1, None}
    reached = _share(big, "last_contact_on IS NOT NULL")
    assert 30 <= reached <= 65


def test_planned_dates(small_conn: sqlite3.Connection) -> None:
    rows = _rows(
        small_conn,
        "SELECT p.caseworker_id, p.on_date, c.status, c.caseworker_id FROM planned_dates p "
        "JOIN cases c ON c.id = p.case_id",
    )
    by_worker: dict[int, Counter[str]] = defaultdict(Counter)
    for worker, on_date, status, owner in rows:
        assert status == "open" and worker == owner
        by_worker[worker][on_date] += 1
    assert len(by_worker) == 3
    for days in by_worker.values():
        assert days["2026-11-23"] >= 3
        assert days["2026-11-24"] >= 2
        assert sum(n for d, n in days.items() if d < "2026-11-23") == 2


def test_case_flags_are_present(big: sqlite3.Connection) -> None:
    assert 8 <= _share(big, "benefit_decision_pending") <= 22
    assert 22 <= _share(big, "coordination_needed") <= 38
    assert _one(big, "SELECT COUNT(*) FROM cases WHERE no_follow_up AND "
                     "no_follow_up_reason IS NULL") == 0  # fmt: skip
    assert _one(big, "SELECT COUNT(*) FROM cases WHERE awaiting_until < '2026-11-23'") > 0
    assert _one(big, "SELECT COUNT(*) FROM cases WHERE recovery_until IS NOT NULL "
                     "AND diagnosis_group != 'F'") == 0  # fmt: skip
    assert 1 <= _share(big, "status = 'closed'") <= 6


# -- safety -------------------------------------------------------------------------------------


def test_refuses_a_database_that_already_has_cases(tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    _build(path, 1, 20)
    before = _digest(path)
    conn = db.open_db(path)
    try:
        with pytest.raises(ExistingDataError, match="redan ärenden"):
            build_demo(conn, caseworkers=2, cases_per_caseworker=5, seed=9, today=TODAY)
        assert not conn.in_transaction
    finally:
        conn.close()
    assert _digest(path) == before


def test_refuses_a_database_that_already_has_caseworkers(tmp_path: Path) -> None:
    conn = db.open_db(tmp_path / "demo.db")
    try:
        with db.transaction(conn):
            conn.execute("INSERT INTO caseworkers (ext_id, name) VALUES ('hl01', 'Befintlig')")
        with pytest.raises(ExistingDataError, match="redan handläggare"):
            build_demo(conn, caseworkers=1, cases_per_caseworker=5, today=TODAY)
        assert _rows(conn, "SELECT ext_id, name FROM caseworkers") == [("hl01", "Befintlig")]
        assert _one(conn, "SELECT COUNT(*) FROM settings") == 0
    finally:
        conn.close()


def test_module_imports_without_faker() -> None:
    code = "import sys, app.demo.generator; print('faker' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


# -- issue #14: what the demo shows of handover and service duty -------------------------------


def test_the_demo_shows_an_nfa_refusal_an_intake_review_and_a_work_injury_hint(
    small_conn: sqlite3.Connection,
) -> None:
    from app.case.closing import af_offer_missing
    from app.case.handover import open_reviews
    from app.priority.profile import resolve_caseworker
    from app.stock.today import today_list
    from app.team.on_time import on_time_report

    first = resolve_caseworker(small_conn, "hl01")
    waiting = [
        r["case_ref"]
        for r in small_conn.execute("SELECT * FROM cases WHERE caseworker_id = ?", (first.id,))
        if af_offer_missing(r)
    ]
    assert len(waiting) == 1  # an NFA refusal awaiting the meeting with Arbetsförmedlingen
    hints = _rows(
        small_conn,
        "SELECT c.case_ref, h.benefit FROM benefit_hints h JOIN cases c ON c.id = h.case_id "
        "WHERE h.outcome IS NULL",
    )
    injured = {ref for ref, benefit in hints if benefit == "work_injury_annuity"}
    assert waiting[0] in injured and len(injured) == 2  # the refusal's, and a marked case
    [review] = open_reviews(small_conn, first)
    assert review.handover is not None and review.handover.note
    today = today_list(small_conn, first, TODAY)
    assert [i.facts.case_ref for i in today.intake] == [review.case_ref]
    assert "af_offer.missing" in {
        c.key for i in today.ranked + today.planned for c in i.score.contributions
    }
    units = {r[0] for r in small_conn.execute("SELECT unit FROM caseworkers WHERE role != 'lead'")}
    assert units == {"Fördjupad utredning"}
    assert _one(small_conn, "SELECT count(*) FROM caseworkers WHERE phone IS NULL") == 1  # lead
    figure = on_time_report(small_conn, TODAY).team.figures["day_90"]
    assert figure.reached and 0 < len(figure.on_time) < figure.reached
    kinds = {r[0] for r in small_conn.execute("SELECT kind FROM method_events")}
    assert kinds == {"avstamningsmote", "contact"}
