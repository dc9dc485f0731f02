"""Export of the stock table to CSV and XLSX: columns, masking, the rows as shown, the log."""

from __future__ import annotations

import csv
import json
from datetime import date, datetime

import pytest

from app.base.clock import FixedClock
from app.exchange.export import HEADERS, export_stock, format_for
from app.priority.profile import resolve_caseworker
from app.stock.overview import stock_rows

ON = date(2026, 11, 23)
CLOCK = FixedClock(datetime(2026, 11, 23, 9, 0))


@pytest.fixture
def cases(stock, conn):
    first = stock.case("SP-1", start=date(2026, 5, 1), person_name="Åsa Öberg")
    stock.case("SP-2", start=date(2026, 10, 1))
    stock.impulse(first, date(2026, 11, 20))
    stock.follow_up(first, date(2026, 11, 30))
    conn.execute("UPDATE cases SET last_action_at = '2026-11-20T13:05:00+00:00' WHERE id = ?",
                 (first,))  # fmt: skip
    return resolve_caseworker(conn, "hl01")


def read_csv(path):
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))


def test_csv_export_has_swedish_headers_and_masked_pins(conn, cases, tmp_path):
    path = tmp_path / "stock.csv"
    assert export_stock(conn, cases, ON, path, "csv", clock=CLOCK) == 2
    rows = read_csv(path)
    assert tuple(rows[0]) == HEADERS
    by_case = {r[0]: dict(zip(HEADERS, r, strict=True)) for r in rows[1:]}
    first = by_case["SP-1"]
    assert first["Namn"] == "Åsa Öberg"
    assert first["Personnummer"] == "19800505-****"
    assert first["Dag"] == "207" and first["Fas"] == "181-365"
    assert first["Nästa milstolpe"].startswith("Dag ")
    assert first["Öppna impulser"] == "1"
    assert first["Nästa bevakning"] == "2026-11-30"
    assert first["Senaste åtgärd"] == "2026-11-20 14:05"
    assert "." not in first["Poäng"]  # decimal comma, for Swedish Excel
    assert "2388" not in path.read_text(encoding="utf-8-sig")


def test_unmasked_only_when_asked_and_logged(conn, cases, tmp_path):
    path = tmp_path / "hel.csv"
    export_stock(conn, cases, ON, path, "csv", unmasked=True, clock=CLOCK)
    assert {r[2] for r in read_csv(path)[1:]} == {"19800505-2388"}
    events = conn.execute("SELECT actor, detail FROM events WHERE kind = 'export.stock'").fetchall()
    assert events[0]["actor"] == "hl01"
    assert json.loads(events[0]["detail"]) == {
        "format": "csv", "rows": 2, "unmasked": True, "on": "2026-11-23"
    }  # fmt: skip


def test_xlsx_export_with_real_dates(conn, cases, tmp_path):
    import openpyxl

    path = tmp_path / "stock.xlsx"
    export_stock(conn, cases, ON, path, "xlsx", clock=CLOCK)
    sheet = openpyxl.load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == HEADERS
    assert sheet.title == "Ärendestock"
    first = next(r for r in rows[1:] if r[0] == "SP-1")
    assert first[2] == "19800505-****"
    assert isinstance(first[6], datetime) and isinstance(first[9], datetime)
    assert first[9].date() == date(2026, 11, 30)


def test_the_window_can_export_the_rows_as_filtered(conn, cases, tmp_path):
    rows = [r for r in stock_rows(conn, cases, ON) if r.case_ref == "SP-2"]
    path = tmp_path / "urval.csv"
    assert export_stock(conn, cases, ON, path, "csv", rows=rows, clock=CLOCK) == 1
    assert [r[0] for r in read_csv(path)[1:]] == ["SP-2"]


def test_format_from_the_file_name(tmp_path):
    assert format_for(tmp_path / "a.XLSX", None) == "xlsx"
    assert format_for(tmp_path / "a.txt", None) == "csv"
    assert format_for(tmp_path / "a.csv", "xlsx") == "xlsx"
