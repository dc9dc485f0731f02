"""`overblick import` and `overblick export stock`: summaries, exit codes, history, JSON."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.safety.pin import make_pin

PIN = make_pin(date(1984, 3, 12), 982, True)
SAMPLE = Path(__file__).resolve().parents[1] / "resources" / "sample"


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8-sig")
    return path


def test_all_rows_accepted_exits_0_with_a_swedish_summary(run_cli, tmp_path):
    path = write(tmp_path / "SP-fil.csv", f"Ärende;Namn;Personnummer\nA1;Anna;{PIN}\n")
    result = run_cli("import", str(path))
    assert result.exit_code == 0
    assert result.stdout.strip() == "SP-fil.csv: 1 nya, 0 uppdaterade, 0 oförändrade, 0 avvisade"
    again = run_cli("import", str(path))
    assert again.stdout.strip() == "SP-fil.csv: 0 nya, 0 uppdaterade, 1 oförändrade, 0 avvisade"


def test_some_rows_rejected_exits_1_and_names_the_reject_file(run_cli, tmp_path):
    path = write(tmp_path / "SP-fil.csv", f"Ärende;Namn;Personnummer\nA1;Anna;{PIN}\nA2;Bo;1\n")
    result = run_cli("import", str(path))
    assert result.exit_code == 1
    assert result.stdout.strip() == (
        "SP-fil.csv: 1 nya, 0 uppdaterade, 0 oförändrade, 1 avvisade (se SP-fil.avvisade.csv)"
    )
    assert (tmp_path / "SP-fil.avvisade.csv").exists()
    assert result.stderr == ""


def test_an_unreadable_file_exits_2_with_one_line_on_stderr(run_cli, tmp_path):
    empty = write(tmp_path / "tom.csv", "")
    result = run_cli("import", str(empty))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("overblick: tom.csv: filen är tom.")
    binary = tmp_path / "bild.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert run_cli("import", str(binary)).exit_code == 2


def test_several_files_each_in_its_own_transaction(run_cli, tmp_path):
    good = write(tmp_path / "a.csv", f"Ärende;Namn;Personnummer\nA1;Anna;{PIN}\n")
    bad = write(tmp_path / "b.csv", "okänd\n1\n")
    partial = write(tmp_path / "c.csv", f"Ärende;Namn;Personnummer\nA2;Bo;{PIN}\nA3;;\n")
    folder = tmp_path / "avvisat"
    folder.mkdir()
    result = run_cli("import", str(good), str(bad), str(partial), "--reject-file", str(folder))
    assert result.exit_code == 2
    assert result.stdout.splitlines() == [
        "a.csv: 1 nya, 0 uppdaterade, 0 oförändrade, 0 avvisade",
        "c.csv: 1 nya, 0 uppdaterade, 0 oförändrade, 1 avvisade (se c.avvisade.csv)",
    ]
    assert (folder / "c.avvisade.csv").exists()
    assert "b.csv" in result.stderr


def test_json_output_and_history(run_cli, tmp_path):
    path = write(tmp_path / "a.csv", f"Ärende;Namn;Personnummer\nA1;Anna;{PIN}\nA2;;{PIN}\n")
    result = run_cli("import", str(path), "--json")
    assert result.exit_code == 1
    data = result.json()
    assert data["exit_code"] == 1
    (one,) = data["files"]
    assert (one["created"], one["rejected"], one["status"]) == (1, 1, "partial")
    assert one["rejects"][0] == {
        "file": "a.csv", "line": 3, "field": "Namn",
        "reason": "Namn saknas; det behövs för att skapa ett nytt ärende.",
    }  # fmt: skip
    history = run_cli("import", "--history", "--json").json()
    assert [(h["file"], h["status"], h["source"]) for h in history] == [("a.csv", "partial", "cli")]
    text = run_cli("import", "--history")
    assert "a.csv" in text.stdout and "delvis" in text.stdout


def test_import_without_files_is_a_usage_error(run_cli):
    result = run_cli("import")
    assert result.exit_code == 2
    assert "Ange minst en fil" in result.stderr


def test_export_stock_masks_unless_told(run_cli, tmp_path):
    for name in ("caseworkers.csv", "cases.csv"):
        assert run_cli("import", str(SAMPLE / name)).exit_code == 0
    out = tmp_path / "stock.csv"
    result = run_cli("export", "stock", str(out), "--as", "hl01", "--on", "2026-11-23")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Exporterade 3 ärenden för hl01")
    assert "-****" in out.read_text(encoding="utf-8-sig")
    full = tmp_path / "hel.xlsx"
    result = run_cli("export", "stock", str(full), "--as", "hl01", "--unmasked")
    assert "hela personnummer" in result.stdout
    assert run_cli("export", "stock", str(out), "--on", "igår").exit_code == 2
