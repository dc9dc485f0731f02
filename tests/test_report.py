"""The one-page team report: the PDF and the XLSX are parsed back and checked."""

from __future__ import annotations

import base64
import re
import sqlite3
import zipfile
import zlib
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.base.errors import InvalidInputError
from app.team.report import PDF_MAX_ROWS, write_team_report
from tests.builders import StockBuilder
from tests.test_team import ON, build_team


def pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type /Page[^s]", data))


def pdf_text(data: bytes) -> str:
    """The text shown on the pages: reportlab's streams are ASCII85 + Flate encoded, and the
    strings WinAnsi with octal escapes."""
    shown = []
    for match in re.finditer(rb">>\s*stream\r?\n(.*?)endstream", data, re.S):
        raw = match.group(1).strip()
        try:
            if raw.endswith(b"~>"):
                raw = base64.a85decode(raw if raw.startswith(b"<~") else b"<~" + raw, adobe=True)
            raw = zlib.decompress(raw)
        except (ValueError, zlib.error):
            continue
        for text in re.findall(rb"\(((?:\\.|[^\\)])*)\) Tj", raw):
            unescaped = re.sub(rb"\\([0-7]{3})", lambda m: bytes([int(m.group(1), 8)]), text)
            unescaped = re.sub(rb"\\(.)", rb"\1", unescaped)
            shown.append(unescaped.decode("cp1252"))
    return "\n".join(shown)


@pytest.fixture
def team(stock: StockBuilder) -> dict[str, int]:
    return build_team(stock)


def test_pdf_is_one_page_with_chart_and_table(
    conn: sqlite3.Connection, team: dict[str, int], tmp_path: Path
) -> None:
    path = write_team_report(conn, ON, tmp_path / "team.pdf")
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    assert data.rstrip().endswith(b"%%EOF")
    assert pdf_pages(data) == 1
    text = pdf_text(data)
    assert f"Teamets arbetsbelastning {ON.isoformat()}" in text
    assert "Ärenden per handläggare och fas" in text  # the stacked chart
    assert "Dag 1–90" in text and "Dag 366+" in text  # its legend
    assert "Milstolpar per vecka (hela teamet)" in text
    for cell in ("hl01", "Anna Andersson", "hl02", "Bo Berg", "Totalt", "23,5", "11,0"):
        assert cell in text
    # Caseworkers and counts only: no insured person, no case reference.
    assert "Person" not in text
    assert not re.search(r"\bA1\b|\bB1\b", text)


def test_pdf_of_a_large_team_stays_on_one_page(
    conn: sqlite3.Connection, stock: StockBuilder, tmp_path: Path
) -> None:
    for n in range(PDF_MAX_ROWS + 6):
        ext = f"hl{n:02d}"
        stock.caseworker(ext, f"Handläggare {n}")
        for k in range(n % 4 + 1):
            stock.case(f"C{n}-{k}", start=ON - timedelta(days=10 + 40 * k), caseworker=ext)
    data = write_team_report(conn, ON, tmp_path / "big.pdf").read_bytes()
    assert pdf_pages(data) == 1
    text = pdf_text(data)
    assert f"Visar de {PDF_MAX_ROWS} mest belastade" in text
    assert "6 till finns" in text


def test_xlsx_holds_the_table_and_a_stacked_chart(
    conn: sqlite3.Connection, team: dict[str, int], tmp_path: Path
) -> None:
    path = write_team_report(conn, ON, tmp_path / "team.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames == ["Team", "Faser", "Milstolpar per vecka", "Impulser per dag"]
    ws = wb["Team"]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    assert rows[0][0] == f"Teamets arbetsbelastning {ON.isoformat()}"
    header = rows[3]
    assert header[:4] == ["Signatur", "Handläggare", "Aktiva ärenden", "Viktad belastning"]
    table = {r[0] or r[1]: dict(zip(header, r, strict=True)) for r in rows[4:7]}
    assert table["hl01"]["Aktiva ärenden"] == 4
    assert table["hl01"]["Viktad belastning"] == 11.0
    assert table["hl02"]["Milstolpar 14 dagar"] == 3
    assert table["hl03"]["Äldsta impuls (dagar)"] is None
    totals = dict(zip(header, rows[7], strict=True))
    assert totals["Handläggare"] == "Totalt"
    assert totals["Viktad belastning"] == 23.5
    assert totals["Ingen kontakt 60+ dagar"] == 3
    phases = [list(r) for r in wb["Faser"].iter_rows(values_only=True)]
    assert phases[0] == ["Handläggare", "Dag 1–90", "Dag 91–180", "Dag 181–365", "Dag 366+"]
    assert phases[1] == ["hl01", 2, 0, 1, 1]
    weeks = [list(r) for r in wb["Milstolpar per vecka"].iter_rows(values_only=True)]
    assert weeks[-1] == ["Totalt", 2, 2, 1, 0, 0, 2, 0, 1]
    inflow = [list(r) for r in wb["Impulser per dag"].iter_rows(values_only=True)]
    assert inflow[-1] == [ON.isoformat(), 1]
    with zipfile.ZipFile(path) as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
        assert len(charts) == 3
        xml = "".join(z.read(n).decode() for n in charts)
    assert 'grouping val="stacked"' in xml
    everything = " ".join(str(v) for s in wb for r in s.iter_rows(values_only=True) for v in r)
    assert "Person" not in everything
    assert not re.search(r"\bA1\b", everything)


def test_report_refuses_unknown_format(
    conn: sqlite3.Connection, team: dict[str, int], tmp_path: Path
) -> None:
    with pytest.raises(InvalidInputError, match="PDF eller XLSX"):
        write_team_report(conn, ON, tmp_path / "team.docx")
    with pytest.raises(InvalidInputError, match="finns inte"):
        write_team_report(conn, ON, tmp_path / "saknas" / "team.pdf")


def test_cli_report_team(run_cli, team: dict[str, int], tmp_path: Path) -> None:
    pdf = tmp_path / "t.pdf"
    result = run_cli("report", "team", "--on", ON.isoformat(), "--pdf", str(pdf), "--as", "lead01")
    assert result.exit_code == 0, result.stderr
    assert pdf_pages(pdf.read_bytes()) == 1
    xlsx = tmp_path / "t.xlsx"
    data = run_cli(
        "report", "team", "--on", ON.isoformat(), "--xlsx", str(xlsx), "--as", "lead01", "--json"
    ).json()
    assert data == {"file": str(xlsx), "format": "xlsx", "on": ON.isoformat()}
    assert load_workbook(xlsx)["Team"]["A5"].value == "hl01"
    both = run_cli("report", "team", "--pdf", str(pdf), "--xlsx", str(xlsx))
    assert both.exit_code == 2


def test_report_date_is_the_day_asked(conn: sqlite3.Connection, team, tmp_path: Path) -> None:
    other = date(2026, 12, 1)
    wb = load_workbook(write_team_report(conn, other, tmp_path / "x.xlsx"))
    assert wb["Team"]["A1"].value.endswith(other.isoformat())
