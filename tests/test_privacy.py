"""Privacy: masked personal identity numbers, deliberate reveals as events, logs without
personal data, and retention (purging closed cases with a preview)."""

from __future__ import annotations

import csv
import json
import logging
import sqlite3
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from app.base.clock import STOCKHOLM, FixedClock
from app.base.errors import InvalidInputError, NotFoundError
from app.safety.backups import take_backup
from app.safety.pin import format_pin, make_pin, mask_pin
from app.safety.privacy import reveal_pin
from app.safety.retention import purge, purge_preview
from db import open_db, queries, transaction
from tests.builders import StockBuilder

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "sample"
TODAY = date(2026, 11, 23)
CLOCK = FixedClock(datetime(2026, 11, 23, 9, 0, tzinfo=STOCKHOLM))

PEOPLE = {
    "SP-001": ("Ingrid Qvarnström", make_pin(date(1981, 4, 14), 238, True)),
    "SP-002": ("Olof Wahlbeck", make_pin(date(1975, 9, 2), 411, False)),
}


def _pin_forms(pin12: str) -> list[str]:
    return [pin12, format_pin(pin12), pin12[2:], f"{pin12[2:8]}-{pin12[8:]}"]


@pytest.fixture
def people(stock: StockBuilder) -> StockBuilder:
    for ref, (name, pin) in PEOPLE.items():
        stock.case(ref, start=date(2026, 9, 1), person_name=name, pin=pin)
    return stock


# --- masking in every view and export -------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_stock_export_masks_pins_unless_unmasked(people, run_cli, tmp_path: Path, fmt: str):
    masked_file = tmp_path / f"stock.{fmt}"
    result = run_cli("export", "stock", str(masked_file), "--as", "hl01", "--on", "2026-11-23")
    assert result.exit_code == 0, result.stderr
    text = _export_text(masked_file)
    for _name, pin in PEOPLE.values():
        assert mask_pin(pin) in text
        assert not any(form in text for form in _pin_forms(pin))

    full_file = tmp_path / f"full.{fmt}"
    result = run_cli(
        "export", "stock", str(full_file), "--as", "hl01", "--on", "2026-11-23", "--unmasked"
    )
    assert result.exit_code == 0, result.stderr
    full = _export_text(full_file)
    assert all(format_pin(pin) in full for _name, pin in PEOPLE.values())


def _export_text(path: Path) -> str:
    if path.suffix == ".csv":
        return path.read_text(encoding="utf-8-sig")
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    try:
        return "\n".join(
            " ".join("" if v is None else str(v) for v in row)
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
        )
    finally:
        book.close()


def test_command_line_views_show_masked_pins(people, run_cli):
    outputs = [
        run_cli("today", "--as", "hl01", "--on", "2026-11-23", "--json"),
        run_cli("today", "--as", "hl01", "--on", "2026-11-23"),
        run_cli("explain", "SP-001", "--as", "hl01", "--on", "2026-11-23", "--json"),
        run_cli("explain", "SP-001", "--as", "hl01", "--on", "2026-11-23"),
        run_cli("stock", "--as", "hl01", "--on", "2026-11-23", "--json"),
    ]
    for out in outputs:
        assert out.exit_code == 0, out.stderr
        for _name, pin in PEOPLE.values():
            assert not any(form in out.stdout for form in _pin_forms(pin))
    assert mask_pin(PEOPLE["SP-001"][1]) in outputs[2].stdout


# --- revealing -------------------------------------------------------------------------------


def test_reveal_writes_an_event_without_the_number(people, conn: sqlite3.Connection):
    pin = PEOPLE["SP-001"][1]
    assert reveal_pin(conn, "SP-001", "hl01", CLOCK) == format_pin(pin)
    rows = conn.execute(
        "SELECT e.case_id, e.actor, e.at, e.detail, c.case_ref FROM events e "
        "JOIN cases c ON c.id = e.case_id WHERE e.kind = 'pin.revealed'"
    ).fetchall()
    assert len(rows) == 1
    _case_id, actor, at, detail, ref = rows[0]
    assert (ref, actor, at) == ("SP-001", "hl01", "2026-11-23T08:00:00+00:00")
    assert json.loads(detail) == {}
    stored = json.dumps([tuple(r) for r in conn.execute("SELECT * FROM events")])
    assert not any(form in stored for form in _pin_forms(pin))
    assert PEOPLE["SP-001"][0] not in stored


def test_reveal_of_an_unknown_case_or_a_case_without_number(people, conn: sqlite3.Connection):
    with pytest.raises(NotFoundError):
        reveal_pin(conn, "SP-999", "hl01", CLOCK)
    people.case("SP-003", start=date(2026, 9, 1), pin=None)
    with pytest.raises(InvalidInputError):
        reveal_pin(conn, "SP-003", "hl01", CLOCK)
    assert (
        conn.execute("SELECT count(*) FROM events WHERE kind = 'pin.revealed'").fetchone()[0] == 0
    )


# --- logs ------------------------------------------------------------------------------------


def _sample_people() -> tuple[list[str], list[str]]:
    with (SAMPLE / "cases.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter=";"))
    names = [r["Namn"] for r in rows if r["Namn"]]
    pins = [r["Personnummer"].replace("-", "") for r in rows if r["Personnummer"]]
    return names, pins


def test_logs_never_hold_a_pin_or_a_name(
    run_cli, db_path: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
):
    names, pins = _sample_people()
    caplog.set_level(logging.DEBUG)
    assert run_cli(
        "import", str(SAMPLE / "caseworkers.csv"), str(SAMPLE / "cases.csv")
    ).exit_code in (0, 1)
    assert (
        run_cli("export", "stock", str(tmp_path / "s.csv"), "--as", "hl01", "--unmasked").exit_code
        == 0
    )
    conn = open_db(db_path)
    ref = conn.execute("SELECT case_ref FROM cases WHERE pin IS NOT NULL LIMIT 1").fetchone()[0]
    reveal_pin(conn, ref, "hl01", CLOCK)
    saved = take_backup(conn, "manual", CLOCK)
    with transaction(conn):
        conn.execute("UPDATE cases SET status = 'closed', closed_on = '2026-01-01'")
    purged = purge(conn, TODAY, "hl01", CLOCK)
    conn.close()
    assert purged > 0
    assert run_cli("backup", "restore", str(saved), "--yes").exit_code == 0
    assert run_cli("retention", "purge", "--on", "2027-06-01", "--yes").exit_code == 0

    assert caplog.records, "nothing was logged: the test proves nothing"
    logged = "\n".join(
        f"{r.name} {r.getMessage()} {r.args!r} {r.exc_text or ''}" for r in caplog.records
    )
    assert f"{purged} avslutade ärenden" in logged
    for name in names:
        assert name not in logged
        assert name.split()[-1] not in logged
    for pin in pins:
        assert not any(form in logged for form in _pin_forms(pin))


# --- retention -------------------------------------------------------------------------------


def _case_with_everything(
    stock: StockBuilder, ref: str, name: str, closed_on: date | None, status: str = "closed"
) -> int:
    conn = stock.conn
    case_id = stock.case(
        ref,
        start=date(2026, 1, 5),
        end=closed_on,
        person_name=name,
        pin=make_pin(date(1970, 1, 1), 100 + case_id_seed(ref), True),
        status=status,
        closed_on=closed_on.isoformat() if closed_on else None,
    )
    stock.certificate(case_id, date(2026, 1, 5), date(2026, 2, 5))
    stock.impulse(case_id, date(2026, 1, 20), text=f"Intyg för {name}")
    stock.follow_up(case_id, date(2026, 3, 1))
    stock.plan(case_id, date(2026, 3, 2))
    with transaction(conn):
        conn.execute(
            "INSERT INTO contacts(case_id, role, name, ext_id) VALUES (?, 'employer', ?, ?)",
            (case_id, f"Chef för {ref}", f"KON-{ref}"),
        )
        conn.execute(
            "INSERT INTO case_notes(case_id, at, author, text) VALUES (?, ?, 'hl01', ?)",
            (case_id, "2026-02-01T09:00:00+00:00", f"Ringde {name}"),
        )
        queries.append_event(
            conn, case_id=case_id, at="2026-02-01T09:00:00+00:00", actor="hl01",
            kind="case.edited", detail={"field": "employer"},
        )  # fmt: skip
    return case_id


def case_id_seed(ref: str) -> int:
    return sum(map(ord, ref)) % 800


CHILD_TABLES = ("sick_periods", "certificates", "impulses", "follow_ups", "planned_dates",
                "contacts", "case_notes", "events")  # fmt: skip


@pytest.fixture
def aged(stock: StockBuilder) -> dict[str, int]:
    cutoff = TODAY - timedelta(days=90)  # 2026-08-25
    return {
        "OLD-1": _case_with_everything(stock, "OLD-1", "Gammal Avslutadsson", date(2026, 8, 1)),
        "OLD-2": _case_with_everything(stock, "OLD-2", "Exakt Nittiodagsson", cutoff),
        "RECENT": _case_with_everything(
            stock, "RECENT", "Nyligen Avslutadsson", cutoff + timedelta(days=1)
        ),
        "OPEN": _case_with_everything(stock, "OPEN", "Pågående Öppensson", None, "open"),
        "UNDATED": _case_with_everything(stock, "UNDATED", "Utan Datumsson", None),
    }


def test_purge_preview_lists_exactly_the_old_closed_cases(aged, conn: sqlite3.Connection):
    preview = purge_preview(conn, TODAY)
    assert preview.case_refs == ["OLD-1", "OLD-2"]
    assert preview.days == 90 and preview.closed_before == date(2026, 8, 25)
    assert preview.closed_without_date == 1
    assert preview.counts["cases"] == 2
    for table in CHILD_TABLES:
        assert preview.counts[table] == 2, table
    assert preview.as_json()["cases"] == 2
    assert conn.execute("SELECT count(*) FROM cases").fetchone()[0] == 5  # nothing changed


def test_retention_days_come_from_the_settings(aged, conn: sqlite3.Connection):
    with transaction(conn):
        queries.put_setting(conn, "retention.days", 30)
    assert purge_preview(conn, TODAY).case_refs == ["OLD-1", "OLD-2", "RECENT"]
    assert purge_preview(conn, TODAY, days=200).case_refs == []


def test_purge_removes_the_cases_and_all_their_rows_and_logs_only_the_count(
    aged, conn: sqlite3.Connection, caplog: pytest.LogCaptureFixture
):
    caplog.set_level(logging.INFO)
    before = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in CHILD_TABLES}
    assert purge(conn, TODAY, "hl01", CLOCK) == 2

    gone = (aged["OLD-1"], aged["OLD-2"])
    refs = [r[0] for r in conn.execute("SELECT case_ref FROM cases ORDER BY case_ref")]
    assert refs == ["OPEN", "RECENT", "UNDATED"]
    for table in CHILD_TABLES:
        left = conn.execute(
            f"SELECT count(*) FROM {table} WHERE case_id IN (?, ?)", gone
        ).fetchone()[0]
        assert left == 0, table
        after = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        expected = before[table] - 2 + (1 if table == "events" else 0)  # + retention.purged
        assert after == expected, table
    assert (
        conn.execute(
            "SELECT count(*) FROM cases_fts WHERE cases_fts MATCH 'Nittiodagsson'"
        ).fetchone()[0]
        == 0
    )
    assert (
        conn.execute("SELECT count(*) FROM cases_fts WHERE cases_fts MATCH 'Nyligen'").fetchone()[0]
        == 1
    )
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1  # switched back on

    event = conn.execute(
        "SELECT case_id, actor, detail FROM events WHERE kind = 'retention.purged'"
    ).fetchone()
    assert event[0] is None and event[1] == "hl01"
    detail = json.loads(event[2])
    assert detail["cases"] == 2 and detail["rows"] == 2 + 2 * len(CHILD_TABLES)
    assert "OLD" not in event[2]

    messages = [r.getMessage() for r in caplog.records if r.name.startswith("overblick")]
    assert any("2 avslutade ärenden" in m for m in messages)
    logged = "\n".join(messages)
    for word in ("OLD-1", "OLD-2", "Gammal", "Nittiodagsson"):
        assert word not in logged

    assert purge(conn, TODAY, "hl01", CLOCK) == 0  # nothing more to purge


def test_retention_commands(aged, run_cli, db_path: Path):
    preview = run_cli("retention", "preview", "--on", "2026-11-23", "--json")
    assert preview.exit_code == 0, preview.stderr
    assert preview.json()["case_refs"] == ["OLD-1", "OLD-2"]
    text = run_cli("retention", "preview", "--on", "2026-11-23")
    assert "2 avslutade ärenden" in text.stdout and "OLD-1" in text.stdout

    declined = subprocess.run(
        [sys.executable, "-m", "app", "--db", str(db_path), "retention", "purge",
         "--on", "2026-11-23"],
        input="n\n", capture_output=True, text=True, cwd=ROOT, timeout=60,
    )  # fmt: skip
    assert declined.returncode == 130
    check = sqlite3.connect(db_path)
    assert check.execute("SELECT count(*) FROM cases").fetchone()[0] == 5
    check.close()

    done = run_cli("retention", "purge", "--on", "2026-11-23", "--yes")
    assert done.exit_code == 0, done.stderr
    assert "Gallrade 2" in done.stdout
    assert run_cli("retention", "purge", "--on", "2026-11-23", "--yes").stdout.startswith(
        "Inget att gallra"
    )
