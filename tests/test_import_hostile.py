"""Odd and hostile import files (issue 11): each gets one clear answer, the good rows are
kept, nothing odd is stored, and a refused file is in the history. The files are built in
tmp_path by tests/hostile.py."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from app.base.clock import FixedClock
from app.exchange.importer import import_file
from app.exchange.readers import cell_too_long, has_nul, row_too_long
from tests import hostile
from tests.hostile import PIN

CLOCK = FixedClock(datetime(2026, 11, 23, 9, 0))


def cases_with_nul(conn) -> int:
    return conn.execute(
        "SELECT count(*) FROM cases WHERE instr(person_name, char(0)) OR instr(case_ref, char(0))"
    ).fetchone()[0]


def history(run_cli) -> list[dict]:
    return run_cli("import", "--history", "--json").json()


def test_a_header_line_over_the_limit_exits_2_in_one_line_and_is_in_the_history(run_cli, tmp_path):
    path = hostile.long_header_csv(tmp_path / "lång.csv", kib=200)
    result = run_cli("import", str(path))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("overblick: lång.csv: rubrikraden är längre än 65 536 tecken")
    (run,) = history(run_cli)
    assert (run["file"], run["status"], run["source"]) == ("lång.csv", "failed", "cli")
    assert run["message"] == result.stderr.removeprefix("overblick: ").strip()
    text = run_cli("import", "--history").stdout.splitlines()
    assert "lång.csv" in text[0] and "misslyckad" in text[0]
    assert text[1].strip().startswith("lång.csv: rubrikraden är längre än 65 536 tecken")


def test_an_oversized_cell_rejects_its_row_and_keeps_the_rest(conn, tmp_path):
    path = hostile.oversized_cell_csv(tmp_path / "stor.csv", kib=130, row=5, rows=8)
    result = import_file(conn, path, clock=CLOCK, actor=None)
    assert (result.created, result.rejected, result.exit_code) == (7, 1, 1)
    (reject,) = result.rejects
    assert (reject.line, reject.field, reject.reason) == (5, "Namn", cell_too_long())
    assert "citattecken" in reject.reason  # the likely cause, after the limit
    refs = {r[0] for r in conn.execute("SELECT case_ref FROM cases")}
    assert "A5" not in refs and {"A2", "A4", "A6", "A9"} <= refs
    at_limit = tmp_path / "lagom.csv"
    at_limit.write_text(f"Ärende;Namn;Personnummer\nB1;{'n' * 65_536};{PIN}\n", encoding="utf-8")
    assert import_file(conn, at_limit, clock=CLOCK, actor=None).created == 1


def test_a_row_over_the_row_limit_is_rejected_and_the_next_rows_are_read(conn, tmp_path):
    path = tmp_path / "rad.csv"
    path.write_text(
        f"Ärende;Namn;Personnummer\nA1;Anna;{PIN}\nA2;{'x' * 1_100_000};{PIN}\nA3;Bo;{PIN}\n",
        encoding="utf-8",
    )
    result = import_file(conn, path, clock=CLOCK, actor=None)
    assert (result.created, result.rejected) == (2, 1)
    assert (result.rejects[0].line, result.rejects[0].reason) == (3, row_too_long())
    assert {r[0] for r in conn.execute("SELECT case_ref FROM cases")} == {"A1", "A3"}


def test_a_nul_after_the_first_8_kb_rejects_its_row_and_is_never_stored(conn, tmp_path):
    path = hostile.nul_after_head_csv(tmp_path / "nul.csv")
    result = import_file(conn, path, clock=CLOCK, actor=None)
    assert result.rejected == 1 and result.created > 300
    (reject,) = result.rejects
    assert (reject.field, reject.reason) == ("Namn", has_nul())
    assert cases_with_nul(conn) == 0
    assert conn.execute("SELECT count(*) FROM cases WHERE case_ref = 'LAST'").fetchone()[0] == 1
    report = result.reject_file.read_text(encoding="utf-8-sig")
    assert "\0" not in report and "Anna\ufffdBerg" in report


def test_a_nul_in_an_early_row_gets_the_same_answer_only_the_header_refuses_the_file(
    run_cli, conn, tmp_path
):
    path = tmp_path / "tidig.csv"
    path.write_bytes(f"Ärende;Namn;Personnummer\nA1;Anna\0Berg;{PIN}\nA2;Bo;{PIN}\n".encode())
    result = run_cli("import", str(path), "--json")
    assert result.exit_code == 1
    (one,) = result.json()["files"]
    assert (one["created"], one["rejected"]) == (1, 1)
    assert (one["rejects"][0]["line"], one["rejects"][0]["reason"]) == (2, has_nul())
    assert cases_with_nul(conn) == 0
    header = tmp_path / "rubrik.csv"
    header.write_bytes(f"Ärende;Na\0mn;Personnummer\nA1;Anna;{PIN}\n".encode())
    refused = run_cli("import", str(header))
    assert refused.exit_code == 2 and "ingen textfil" in refused.stderr
    binary = tmp_path / "data.bin"
    binary.write_bytes(bytes(range(256)) * 8)
    assert run_cli("import", str(binary)).exit_code == 2


def test_a_header_wider_than_the_limit_is_refused(run_cli, tmp_path):
    path = tmp_path / "bred.csv"
    names = ";".join(f"k{n}" for n in range(1_200))
    path.write_text(f"Ärende;Namn;Personnummer;{names}\nA1;Anna;{PIN}\n", encoding="utf-8")
    result = run_cli("import", str(path))
    assert result.exit_code == 2
    assert "rubrikraden har 1 203 kolumner; Överblick läser högst 1 000" in result.stderr


def test_jsonl_values_with_nul_or_over_the_limit_reject_their_line(conn, tmp_path):
    good = {"type": "case", "case_ref": "A1", "name": "Anna", "pin": PIN}
    lines = [
        json.dumps(good),
        json.dumps({**good, "case_ref": "A2", "name": "Anna\0Berg"}),  # written \u0000
        json.dumps({**good, "case_ref": "A3", "name": "N" * 70_000}),
        json.dumps({**good, "case_ref": "A4"}).replace("Anna", "An\0na"),  # a raw NUL
        json.dumps({**good, "case_ref": "A5", "name": "x" * 1_100_000}),
        json.dumps({**good, "case_ref": "A6"}),
    ]
    path = tmp_path / "poster.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = import_file(conn, path, clock=CLOCK, actor=None)
    assert (result.created, result.rejected) == (2, 4)
    assert [(r.line, r.reason) for r in result.rejects] == [
        (2, has_nul()), (3, cell_too_long()), (4, has_nul()), (5, row_too_long())
    ]  # fmt: skip
    assert [r.field for r in result.rejects[:2]] == ["name", "name"]
    assert cases_with_nul(conn) == 0
    assert "\0" not in Path(result.reject_file).read_text(encoding="utf-8-sig")


# --- XLSX ----------------------------------------------------------------------------------


def test_the_declared_dimension_is_never_trusted(conn, tmp_path):
    rows = [hostile.row_xml(1, hostile.CASE_HEADER), *hostile.case_rows(6)]
    rows[1] = rows[1].replace("</row>", '<c r="D2" t="s"/><c r="E2"><v/></c></row>')  # no values
    too_small = hostile.write_workbook(
        tmp_path / "liten.xlsx",
        rows,
        dimension="A1:C3",  # says three rows; there are seven
    )
    result = import_file(conn, too_small, clock=CLOCK, actor=None)
    assert (result.created, result.rejected) == (6, 0)
    huge = hostile.huge_dimension_workbook(tmp_path / "stor.xlsx", rows=3)
    assert import_file(conn, huge, clock=CLOCK, actor=None).unchanged == 3
    empty = hostile.empty_rows_workbook(tmp_path / "tomma.xlsx", empty=2_000)
    result = import_file(conn, empty, clock=CLOCK, actor=None)
    assert (result.unchanged, result.rejected) == (1, 0)


def test_a_sheet_that_inflates_past_the_limit_exits_2_before_reading(
    run_cli, tmp_path, monkeypatch
):
    from app.exchange import xlsx_package as xlsx

    monkeypatch.setattr(xlsx, "MAX_SHEET_BYTES", 1_000_000)
    path = hostile.inflating_workbook(tmp_path / "uppblåst.xlsx", megabytes=2)
    assert path.stat().st_size < 20_000
    result = run_cli("import", str(path))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "bladet 'Ärenden' är 2 MB uppackat; Överblick läser högst 1 MB" in result.stderr
    (run,) = history(run_cli)
    assert (run["file"], run["status"]) == ("uppblåst.xlsx", "failed")
    assert "är 2 MB uppackat" in run["message"]


def test_a_row_wider_than_excel_is_refused(run_cli, tmp_path):
    path = hostile.write_workbook(
        tmp_path / "bred.xlsx",
        [
            hostile.row_xml(1, hostile.CASE_HEADER),
            *hostile.case_rows(1),
            '<row r="3">' + "<c/>" * 17_000 + "</row>",
        ],
    )
    result = run_cli("import", str(path))
    assert result.exit_code == 2
    assert "arbetsboken är skadad (rad 3 i bladet 'Ärenden' har celler bortom" in result.stderr
    assert history(run_cli)[0]["status"] == "failed"


def test_a_header_wider_than_the_limit_in_a_workbook_is_refused(run_cli, tmp_path):
    header = hostile.row_xml(1, hostile.CASE_HEADER)[:-6] + '<c r="BGG1"><v>1</v></c></row>'
    path = hostile.write_workbook(tmp_path / "bred.xlsx", [header, *hostile.case_rows(1)])
    result = run_cli("import", str(path))
    assert result.exit_code == 2
    assert "bred.xlsx [Ärenden]: rubrikraden har 1 541 kolumner" in result.stderr


def test_an_oversized_workbook_cell_rejects_its_row(conn, tmp_path):
    rows = [hostile.row_xml(1, hostile.CASE_HEADER), *hostile.case_rows(4)]
    rows[2] = hostile.row_xml(3, ("A2", "N" * 70_000, PIN))
    path = hostile.write_workbook(tmp_path / "cell.xlsx", rows)
    result = import_file(conn, path, clock=CLOCK, actor=None)
    assert (result.created, result.rejected) == (3, 1)
    reject = result.rejects[0]
    assert (reject.line, reject.field, reject.reason) == (3, "Namn", cell_too_long())
    assert conn.execute("SELECT max(length(person_name)) FROM cases").fetchone()[0] < 100


def test_too_many_shared_strings_exit_2(run_cli, tmp_path, monkeypatch):
    from app.exchange import xlsx_package as xlsx

    monkeypatch.setattr(xlsx, "MAX_STRINGS", 1_000)
    path = hostile.many_strings_workbook(tmp_path / "texter.xlsx", count=5_000)
    result = run_cli("import", str(path))
    assert result.exit_code == 2
    assert "arbetsboken har fler än 1 000 olika texter" in result.stderr
    small = hostile.many_strings_workbook(tmp_path / "få.xlsx", count=10)
    assert run_cli("import", str(small)).exit_code == 0


def test_a_workbook_part_with_a_dtd_is_refused(run_cli, tmp_path):
    path = hostile.write_workbook(
        tmp_path / "dtd.xlsx",
        [hostile.row_xml(1, hostile.CASE_HEADER), *hostile.case_rows(1)],
        prolog='<!DOCTYPE worksheet [<!ENTITY a "aaaa">]>',
    )
    result = run_cli("import", str(path))
    assert result.exit_code == 2
    assert "arbetsboken är skadad" in result.stderr


def test_the_limits_are_the_documented_ones():
    from app.exchange import readers
    from app.exchange import xlsx_package as xlsx

    doc = (Path(__file__).resolve().parents[1] / "docs" / "import-format.md").read_text("utf-8")
    limits = doc[doc.index("## Limits") : doc.index("## Several files")]
    for value in (readers.MAX_CELL_CHARS, readers.MAX_ROW_CHARS, readers.MAX_COLUMNS,
                  xlsx.MAX_STRINGS, xlsx.MAX_ROWS, xlsx.MAX_CELLS_PER_ROW):  # fmt: skip
        assert f"{value:,}" in limits, value
    for size in (xlsx.MAX_SHEET_BYTES, xlsx.MAX_STRINGS_BYTES, xlsx.MAX_PART_BYTES):
        assert f"{size // 1_000_000} MB" in limits, size
