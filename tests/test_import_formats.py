"""Import formats: CSV dialects and encodings, XLSX sheets, JSON Lines, unreadable files."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest

from app.base.clock import FixedClock
from app.exchange.importer import UnreadableFileError, import_file
from app.safety.pin import make_pin

CLOCK = FixedClock(datetime(2026, 11, 23, 9, 0))
PIN_A = make_pin(date(1984, 3, 12), 982, True)
PIN_B = make_pin(date(1971, 11, 2), 983, False)
CASE_HEADER = "Ärende;Namn;Personnummer;Anställning;Arbetsgivare;Sjukperiod från;Omfattning"


def write(path: Path, text: str, encoding: str = "utf-8-sig") -> Path:
    path.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    return path


def run(conn: sqlite3.Connection, path: Path, **kw: object):
    return import_file(conn, path, clock=CLOCK, actor="hl01", **kw)


def names(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT case_ref, person_name FROM cases").fetchall())


def cases_text(sep: str = ";") -> str:
    return (
        f"{CASE_HEADER.replace(';', sep)}\n"
        f"A1{sep}Åsa Öberg{sep}{PIN_A}{sep}anställd{sep}Gävle kommun{sep}2026-08-18{sep}50\n"
        f"A2{sep}Märta Ängström{sep}{PIN_B}{sep}arbetslös{sep}{sep}2026-10-06{sep}100\n"
    )


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "cp1252", "utf-16"])
def test_csv_in_each_encoding_keeps_swedish_letters(conn, tmp_path, encoding):
    result = run(conn, write(tmp_path / "ärenden.csv", cases_text(), encoding))
    assert (result.created, result.rejected, result.format) == (2, 0, "csv")
    assert names(conn) == {"A1": "Åsa Öberg", "A2": "Märta Ängström"}
    assert conn.execute("SELECT employment FROM cases WHERE case_ref = 'A1'").fetchone()[0] == (
        "employed"
    )


def test_comma_separated_csv_is_detected_from_the_header(conn, tmp_path):
    result = run(conn, write(tmp_path / "c.csv", cases_text(","), "utf-8"))
    assert (result.created, result.rejected) == (2, 0)


def test_tab_separated_and_excel_sep_line(conn, tmp_path):
    text = "sep=|\n" + cases_text("|")
    result = run(conn, write(tmp_path / "c.csv", text, "utf-8"))
    assert (result.created, result.rejected) == (2, 0)
    result = run(conn, write(tmp_path / "t.csv", cases_text("\t"), "utf-8"))
    assert result.unchanged == 2


def test_quoted_fields_hold_separators_quotes_and_newlines(conn, stock, tmp_path):
    case_id = stock.case("A1", start=date(2026, 8, 1))
    text = (
        "Id;Ärende;Impulstyp;Inkommen;Text\n"
        'I1;A1;1;2026-11-20 09:30;"Rad ett; med semikolon\n'
        'rad två med ""citat"""\n'
        "I2;A1;2;2026-11-21;kort\n"
        "I3;A1;okänd typ;2026-11-21;fel\n"
    )
    result = run(conn, write(tmp_path / "i.csv", text))
    assert (result.created, result.rejected) == (2, 1)
    stored = conn.execute("SELECT text FROM impulses WHERE ext_id = 'I1'").fetchone()[0]
    assert stored == 'Rad ett; med semikolon\nrad två med "citat"'
    # the rejected row is reported at the line where it starts in the file
    assert result.rejects[0].line == 5
    assert case_id


def test_a_row_with_more_fields_than_the_header_is_rejected(conn, tmp_path):
    text = f"{CASE_HEADER}\nA1;Anna;{PIN_A};anställd;Bolag;2026-08-18;50;extra;fält\n"
    result = run(conn, write(tmp_path / "c.csv", text))
    assert result.rejected == 1
    assert "fler fält än rubrikraden" in result.rejects[0].reason


def test_short_rows_and_blank_lines_are_fine(conn, tmp_path):
    text = f"\n{CASE_HEADER}\nA1;Anna;{PIN_A}\n;;;;;;\n\n"
    result = run(conn, write(tmp_path / "c.csv", text))
    assert (result.created, result.rejected) == (1, 0)


def test_english_headers_and_values(conn, tmp_path):
    text = (
        "case_ref;name;pin;employment;diagnosis_group;status;opened_on\n"
        f"A1;Anna;{PIN_A};self-employed;psychiatric;open;2026-09-01\n"
    )
    result = run(conn, write(tmp_path / "c.csv", text, "utf-8"))
    assert result.created == 1
    row = conn.execute("SELECT employment, diagnosis_group, status FROM cases").fetchone()
    assert tuple(row) == ("self_employed", "F", "open")


def test_mixed_csv_with_a_record_type_column(conn, tmp_path):
    text = (
        "Posttyp;Ärende;Id;Namn;Personnummer;Impulstyp;Inkommen\n"
        "impuls;A1;I1;;;rehab_need;2026-11-20\n"  # refers forward to the case below
        f"ärende;A1;;Anna;{PIN_A};;\n"
        "okänt;A1;;;;;\n"
    )
    result = run(conn, write(tmp_path / "mixed.csv", text))
    assert (result.created, result.rejected) == (2, 1)
    assert result.rejects[0].field == "Posttyp"
    assert conn.execute("SELECT count(*) FROM impulses").fetchone()[0] == 1


def _workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    first = True
    for title, rows in sheets.items():
        ws = book.active if first else book.create_sheet(title)
        ws.title = title
        first = False
        for row in rows:
            ws.append(row)
    book.save(path)
    return path


def test_xlsx_with_a_sheet_per_entity_in_any_order(conn, tmp_path):
    path = _workbook(
        tmp_path / "stock.xlsx",
        {
            "Impulser": [
                ["Id", "Ärende", "Impulstyp", "Inkommen", "Text"],
                ["I1", "A1", "behov av rehabilitering", datetime(2026, 11, 20, 9, 30), "Intyg"],
            ],
            "Anteckningar": [["vad som helst"]],
            "Ärenden": [
                ["Ärende", "Namn", "Personnummer", "Öppnat", "Omfattning", "Handläggare"],
                ["A1", "Åsa", int(PIN_A), date(2026, 9, 1), 50, "hl01"],
            ],
            "Handläggare": [["Signatur", "Namn", "Roll"], ["hl01", "Karin", "gruppchef"]],
        },
    )
    result = run(conn, path)
    assert (result.created, result.rejected, result.format) == (3, 0, "xlsx")
    case = conn.execute("SELECT pin, opened_on, extent, caseworker_id FROM cases").fetchone()
    assert tuple(case)[:3] == (PIN_A, "2026-09-01", 50)
    assert conn.execute("SELECT role FROM caseworkers").fetchone()[0] == "lead"
    assert conn.execute("SELECT received_at FROM impulses").fetchone()[0] == (
        "2026-11-20T08:30:00+00:00"
    )
    assert len(result.new_impulse_ids) == 1


def test_xlsx_without_entity_sheets_reads_the_first_sheet(conn, tmp_path):
    pin = make_pin(date(2003, 4, 5), 981, False)  # '0304...' loses its leading zero in Excel
    path = _workbook(
        tmp_path / "export.xlsx",
        {
            "Blad1": [["Ärende", "Namn", "Personnummer"], ["A1", "Anna", int(pin[2:])]],
            "Blad2": [["x"]],
        },
    )
    result = run(conn, path)
    assert (result.created, result.rejected) == (1, 0)
    assert conn.execute("SELECT pin FROM cases").fetchone()[0] == pin


def test_xlsx_rejects_name_the_sheet_and_excel_row(conn, tmp_path):
    path = _workbook(
        tmp_path / "s.xlsx",
        {"Ärenden": [["Ärende", "Namn", "Personnummer"], [None], ["A1", "Anna", "123"]]},
    )
    result = run(conn, path)
    assert result.rejected == 1
    reject = result.rejects[0]
    assert (reject.file, reject.line, reject.field) == ("s.xlsx [Ärenden]", 3, "Personnummer")


def test_jsonl_with_every_record_type(conn, tmp_path):
    records = [
        {"type": "caseworker", "id": "hl01", "name": "Karin", "role": "caseworker"},
        {"type": "case", "case_ref": "A1", "name": "Anna", "pin": PIN_A, "caseworker": "hl01",
         "benefit_decision_pending": True},
        {"type": "sick_period", "case_ref": "A1", "start": "2026-08-18", "end": None},
        {"type": "certificate", "id": "C1", "case_ref": "A1", "from": "2026-11-01",
         "to": "2026-11-30", "extent": 50},
        {"type": "impulse", "id": "I1", "case_ref": "A1", "impulse_type": "other",
         "doc_kind": "certificate", "received_at": "2026-11-20T08:00:00Z"},
        {"type": "follow_up", "id": "F1", "case_ref": "A1", "due_at": "2026-12-01",
         "kind": "employer", "owner": "hl01"},
        {"type": "contact", "id": "K1", "case_ref": "A1", "role": "employer", "consent": True},
    ]  # fmt: skip
    path = tmp_path / "events.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n\n", encoding="utf-8")
    result = run(conn, path)
    assert (result.created, result.rejected, result.format) == (7, 0, "jsonl")
    assert set(result.by_type) == {
        "caseworker", "case", "sick_period", "certificate", "impulse", "follow_up", "contact"
    }  # fmt: skip
    follow_up = conn.execute("SELECT origin, state, kind, ext_id FROM follow_ups").fetchone()
    assert tuple(follow_up) == ("personal", "open", "employer", "F1")
    assert conn.execute("SELECT received_at FROM impulses").fetchone()[0] == (
        "2026-11-20T08:00:00+00:00"
    )


def test_jsonl_bad_lines_are_rejected_alone(conn, tmp_path):
    path = tmp_path / "e.jsonl"
    lines = [
        json.dumps({"type": "case", "case_ref": "A1", "name": "Anna", "pin": PIN_A}),
        "{not json",
        json.dumps([1, 2]),
        json.dumps({"type": "spaceship", "id": "x"}),
        json.dumps({"case_ref": "A2"}),
        json.dumps({"type": "case", "case_ref": "A3", "name": {"nested": 1}, "pin": PIN_B}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run(conn, path)
    assert (result.created, result.rejected) == (1, 5)
    assert [r.line for r in result.rejects] == [2, 3, 4, 5, 6]
    assert "giltig JSON" in result.rejects[0].reason
    assert "posttyp" in result.rejects[2].reason.lower()
    report = result.reject_file.read_text(encoding="utf-8-sig").splitlines()
    assert report[0] == "fil;rad;fält;orsak;post"
    assert "{not json" in report[1]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "tom"),
        (b"  \r\n\r\n", "tom"),
        (b"\x00\x01\x02binary\x00", "ingen textfil"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1old excel", ".xls"),
        (b"%PDF-1.7 ...", "PDF"),
        (b'[{"type": "case"}]', "JSON-lista"),
        (b"{this is not json\n", "JSON Lines"),
        (b"PK\x03\x04 not really a workbook", "Excel-arbetsbok"),
        (b"kolumn;annan\n1;2\n", "känner igen"),
        ("Id;Ärende;Text\nI1;A1;hej\n".encode(), "'Impulstyp'"),
    ],
)
def test_unreadable_files_fail_whole_and_are_recorded(conn, tmp_path, content, message):
    path = tmp_path / "fil.csv"
    path.write_bytes(content)
    with pytest.raises(UnreadableFileError) as caught:
        run(conn, path)
    assert message in str(caught.value)
    assert caught.value.exit_code == 2
    assert caught.value.result.status == "failed"
    run_row = conn.execute("SELECT status, file_name FROM import_runs").fetchone()
    assert tuple(run_row) == ("failed", "fil.csv")
    assert conn.execute("SELECT count(*) FROM cases").fetchone()[0] == 0
    assert not (tmp_path / "fil.avvisade.csv").exists()


def test_a_missing_file_is_unreadable(conn, tmp_path):
    with pytest.raises(UnreadableFileError, match="finns inte"):
        run(conn, tmp_path / "saknas.csv")


def test_unknown_columns_are_ignored_and_listed(conn, tmp_path):
    text = f"Ärende;Namn;Personnummer;Skostorlek\nA1;Anna;{PIN_A};42\n"
    result = run(conn, write(tmp_path / "c.csv", text))
    assert result.created == 1
    assert result.ignored_columns == ["Skostorlek"]
