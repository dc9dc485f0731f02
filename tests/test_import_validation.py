"""Import validation: each rule with its message, values in Swedish and English, references."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest

from app.base.clock import FixedClock
from app.exchange import fields as F
from app.exchange.importer import import_file
from app.safety.pin import make_pin

CLOCK = FixedClock(datetime(2026, 11, 23, 9, 0))
PIN = make_pin(date(1984, 3, 12), 982, True)  # 198403129821 style: 12 digits
PIN10 = PIN[2:]
BAD_CHECK = PIN[:-1] + str((int(PIN[-1]) + 1) % 10)


def csv_file(path: Path, header: str, *rows: str) -> Path:
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8-sig")
    return path


def run(conn: sqlite3.Connection, path: Path):
    return import_file(conn, path, clock=CLOCK, actor="hl01")


def one_reject(conn: sqlite3.Connection, tmp_path: Path, header: str, row: str):
    result = run(conn, csv_file(tmp_path / "f.csv", header, row))
    assert result.rejected == 1, result.rejects
    return result.rejects[0]


CASE = "Ärende;Namn;Personnummer"


@pytest.mark.parametrize(
    "text", [PIN, PIN10, f"{PIN[:8]}-{PIN[8:]}", f"{PIN10[:6]}-{PIN10[6:]}", f" {PIN} "]
)
def test_pins_in_10_or_12_digits_with_or_without_separator(conn, tmp_path, text):
    result = run(conn, csv_file(tmp_path / "c.csv", CASE, f"A1;Anna;{text}"))
    assert result.created == 1
    assert conn.execute("SELECT pin, birth_date FROM cases").fetchone()[:] == (PIN, "1984-03-12")


def test_plus_marks_a_person_aged_100_or_more(conn, tmp_path):
    old = make_pin(date(1920, 5, 5), 981, False)
    result = run(conn, csv_file(tmp_path / "c.csv", CASE, f"A1;Anna;{old[2:8]}+{old[8:]}"))
    assert result.created == 1
    assert conn.execute("SELECT pin FROM cases").fetchone()[0] == old


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (BAD_CHECK, "Kontrollsiffran i personnumret stämmer inte"),
        ("198403129", "ska ha 10 eller 12 siffror"),
        ("19841312-9821", "inget giltigt födelsedatum"),
        ("1984O312-9821", "bara innehålla siffror"),
    ],
)
def test_bad_pins_are_rejected_without_repeating_the_number(conn, tmp_path, text, reason):
    reject = one_reject(conn, tmp_path, CASE, f"A1;Anna Svensson;{text}")
    assert reject.field == "Personnummer"
    assert reason in reject.reason
    assert text.strip()[:6] not in reject.reason and "Svensson" not in reject.reason
    report = (tmp_path / "f.avvisade.csv").read_text(encoding="utf-8-sig")
    assert text in report  # the original values are only in the user's own reject file


@pytest.mark.parametrize(
    ("value", "stored"),
    [
        ("2026-11-23", "2026-11-23"),
        ("23/11/2026", "2026-11-23"),
        ("3/2/2026", "2026-02-03"),
        ("23.11.2026", "2026-11-23"),
        ("20261123", "2026-11-23"),
        ("2026-11-23 09:30", "2026-11-23"),
        ("2026-11-23T09:30:15", "2026-11-23"),
    ],
)
def test_date_formats(conn, tmp_path, value, stored):
    run(conn, csv_file(tmp_path / "c.csv", f"{CASE};Öppnat", f"A1;Anna;{PIN};{value}"))
    assert conn.execute("SELECT opened_on FROM cases").fetchone()[0] == stored


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("2026-02-30", "finns inte i kalendern"),
        ("31/04/2026", "finns inte i kalendern"),
        ("nästa tisdag", "Datumet kan inte läsas"),
        ("1066-10-14", "utanför 1900–2100"),
    ],
)
def test_bad_dates(conn, tmp_path, value, reason):
    reject = one_reject(conn, tmp_path, f"{CASE};Öppnat", f"A1;Anna;{PIN};{value}")
    assert (reject.field, reject.line) == ("Öppnat", 2)
    assert reason in reject.reason


@pytest.mark.parametrize(
    ("value", "stored"),
    [
        ("2026-11-23 09:30", "2026-11-23T08:30:00+00:00"),  # winter: UTC+1
        ("2026-07-01 09:30", "2026-07-01T07:30:00+00:00"),  # summer: UTC+2
        ("23/11/2026 09:30", "2026-11-23T08:30:00+00:00"),
        ("2026-11-23", "2026-11-22T23:00:00+00:00"),
        ("2026-11-23T09:30:00Z", "2026-11-23T09:30:00+00:00"),
        ("2026-11-23T09:30:00+01:00", "2026-11-23T08:30:00+00:00"),
    ],
)
def test_timestamps_are_stockholm_time_stored_in_utc(conn, stock, tmp_path, value, stored):
    stock.case("A1", start=date(2026, 8, 1))
    run(conn, csv_file(tmp_path / "i.csv", "Id;Ärende;Impulstyp;Inkommen", f"I1;A1;1;{value}"))
    assert conn.execute("SELECT received_at FROM impulses").fetchone()[0] == stored


def test_a_time_that_does_not_exist(conn, stock, tmp_path):
    stock.case("A1", start=date(2026, 8, 1))
    reject = one_reject(conn, tmp_path, "Id;Ärende;Impulstyp;Inkommen", "I1;A1;1;2026-11-23 25:10")
    assert "Klockslaget finns inte" in reject.reason


@pytest.mark.parametrize(
    ("column", "value", "stored_column", "stored"),
    [
        ("Anställning", "Egenföretagare", "employment", "self_employed"),
        ("Anställning", "unemployed", "employment", "unemployed"),
        ("Diagnosgrupp", "psykiatrisk", "diagnosis_group", "F"),
        ("Diagnosgrupp", "M54.5", "diagnosis_group", "M"),
        ("Diagnosgrupp", "J45", "diagnosis_group", "other"),
        ("Status", "Avslutad", "status", "closed"),
        ("Status", "closed", "status", "closed"),
        ("Flöde", "k3", "flow", "K3"),
        ("Omfattning", "75 %", "extent", 75),
        ("Omfattning", "0,5", "extent", 50),
        ("Beslut väntar", "Ja", "benefit_decision_pending", 1),
        ("Beslut väntar", "no", "benefit_decision_pending", 0),
        ("Samordning behövs", "1", "coordination_needed", 1),
        ("Samordning behövs", "falskt", "coordination_needed", 0),
    ],
)
def test_values_in_swedish_or_english(conn, tmp_path, column, value, stored_column, stored):
    run(conn, csv_file(tmp_path / "c.csv", f"{CASE};{column}", f"A1;Anna;{PIN};{value}"))
    assert conn.execute(f"SELECT {stored_column} FROM cases").fetchone()[0] == stored


@pytest.mark.parametrize(
    ("column", "value", "reason"),
    [
        ("Anställning", "pensionär", "Okänd anställningsform; tillåtna värden: anställd"),
        ("Diagnosgrupp", "hjärta", "Okänd diagnosgrupp"),
        ("Status", "vilande", "Okänd status"),
        ("Flöde", "K1", "Okänd flöde"),
        ("Omfattning", "60", "Omfattningen ska vara 25, 50, 75 eller 100"),
        ("Beslut väntar", "kanske", "Värdet ska vara ja eller nej"),
    ],
)
def test_bad_values_name_what_is_allowed(conn, tmp_path, column, value, reason):
    reject = one_reject(conn, tmp_path, f"{CASE};{column}", f"A1;Anna;{PIN};{value}")
    assert reject.field == column
    assert reason in reject.reason
    assert value not in reject.reason


@pytest.mark.parametrize(
    ("value", "stored"),
    [("1", "rehab_need"), ("behov av rehabilitering", "rehab_need"), ("8", "other"),
     ("Problem på arbetsplatsen", "workplace_problem"), ("cert_rehab_need", "cert_rehab_need")],
)  # fmt: skip
def test_impulse_types_by_number_swedish_or_english(conn, stock, tmp_path, value, stored):
    stock.case("A1", start=date(2026, 8, 1))
    run(conn, csv_file(tmp_path / "i.csv", "Id;Ärende;Typ;Inkommen", f"I1;A1;{value};2026-11-20"))
    assert conn.execute("SELECT type FROM impulses").fetchone()[0] == stored


def test_required_fields(conn, tmp_path):
    header = f"{CASE};Anställning"
    result = run(
        conn,
        csv_file(tmp_path / "c.csv", header, f";Anna;{PIN};anställd", "A2;;;", f"A3;Bo;{PIN};"),
    )
    assert result.created == 1
    first, second = result.rejects
    assert (first.line, first.field) == (2, "Ärende")
    assert first.reason == "Ärende saknas; fältet måste fyllas i."
    assert (second.line, second.field) == (3, "Namn")
    assert second.reason == "Namn saknas; det behövs för att skapa ett nytt ärende."


def test_an_update_needs_only_the_id(conn, stock, tmp_path):
    stock.case("A1", start=date(2026, 8, 1))
    result = run(conn, csv_file(tmp_path / "c.csv", "Ärende;Status", "A1;avslutad"))
    assert (result.updated, result.rejected) == (1, 0)


def test_child_records_need_an_id_and_a_case(conn, tmp_path):
    result = run(
        conn,
        csv_file(tmp_path / "i.csv", "Id;Ärende;Impulstyp;Inkommen", ";A1;1;2026-11-20",
                 "I2;;1;2026-11-20", "I3;SAKNAS;1;2026-11-20"),
    )  # fmt: skip
    reasons = [(r.field, r.reason) for r in result.rejects]
    assert reasons[0] == ("Id", "Id saknas; varje rad behöver ett eget id från källsystemet.")
    assert reasons[1] == ("Ärende", "Ärende saknas; ange vilket ärende raden hör till.")
    assert reasons[2][0] == "Ärende"
    assert reasons[2][1].startswith("Ärendet finns inte i databasen och skapas inte av den här")


def test_several_problems_on_one_row_are_all_named(conn, tmp_path):
    reject = one_reject(conn, tmp_path, f"{CASE};Öppnat;Omfattning", f"A1;Anna;{BAD_CHECK};igår;33")
    assert reject.field == "Personnummer"
    assert reject.reason.endswith("Fler fel på raden: Öppnat, Omfattning.")


def test_ends_before_starts(conn, stock, tmp_path):
    stock.case("A1", start=date(2026, 8, 1))
    reject = one_reject(conn, tmp_path, "Ärende;Från;Till", "A1;2026-09-01;2026-08-01")
    assert (reject.field, reject.reason) == ("Till", "Sjukperioden slutar före den börjar.")
    reject = one_reject(conn, tmp_path, "Id;Ärende;Från;Till", "C1;A1;2026-09-01;2026-08-01")
    assert reject.reason == "Intyget slutar före det börjar."
    reject = one_reject(
        conn, tmp_path, f"{CASE};Öppnat;Avslutat", f"A2;Bo;{PIN};2026-09-01;2026-08-01"
    )
    assert reject.field == "Avslutat"


def test_birth_date_must_agree_with_the_pin(conn, tmp_path):
    reject = one_reject(conn, tmp_path, f"{CASE};Födelsedatum", f"A1;Anna;{PIN};1984-03-13")
    assert reject.reason == "Födelsedatumet stämmer inte med personnumret."


def test_coordination_number_gives_the_real_birth_date(conn, tmp_path):
    pin = make_pin(date(1990, 4, 7), 985, True, coordination=True)
    run(conn, csv_file(tmp_path / "c.csv", CASE, f"A1;Anna;{pin}"))
    assert conn.execute("SELECT birth_date FROM cases").fetchone()[0] == "1990-04-07"


def test_unknown_caseworker_is_a_reference_error(conn, tmp_path):
    reject = one_reject(conn, tmp_path, f"{CASE};Handläggare", f"A1;Anna;{PIN};hl99")
    assert reject.field == "Handläggare"
    assert reject.reason.startswith("Handläggaren finns inte i databasen")


def test_duplicate_ids_inside_one_file_keep_the_first(conn, tmp_path):
    rows = [f"A{n};Person {n};{PIN}" for n in range(1, 4)] + [f"A2;Dublett;{PIN}"]
    result = run(conn, csv_file(tmp_path / "c.csv", CASE, *rows))
    assert (result.created, result.rejected) == (3, 1)
    reject = result.rejects[0]
    assert (reject.line, reject.field) == (5, "Ärende")
    assert "förekommer redan på rad 3 i samma fil" in reject.reason
    assert conn.execute("SELECT person_name FROM cases WHERE case_ref = 'A2'").fetchone()[0] == (
        "Person 2"
    )


def test_duplicates_are_found_across_batches(conn, tmp_path, monkeypatch):
    monkeypatch.setattr("app.exchange.apply.BATCH", 2)
    rows = [f"A{n};Person {n};{PIN}" for n in range(1, 6)] + [f"A1;Igen;{PIN}"]
    result = run(conn, csv_file(tmp_path / "c.csv", CASE, *rows))
    assert (result.created, result.rejected) == (5, 1)
    assert "rad 2" in result.rejects[0].reason


def test_references_may_point_forward_in_a_file_of_several_kinds(conn, tmp_path):
    path = tmp_path / "e.jsonl"
    lines = [
        {"type": "impulse", "id": "I1", "case_ref": "A1", "impulse_type": 1,
         "received_at": "2026-11-20"},
        {"type": "case", "case_ref": "A1", "name": "Anna", "pin": PIN, "caseworker": "hl01"},
        {"type": "caseworker", "id": "hl01", "name": "Karin"},
        {"type": "impulse", "id": "I2", "case_ref": "A9", "impulse_type": 1,
         "received_at": "2026-11-20"},
    ]  # fmt: skip
    path.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    result = run(conn, path)
    assert (result.created, result.rejected) == (3, 1)
    assert result.rejects[0].line == 4
    assert (
        conn.execute(
            "SELECT c.case_ref FROM impulses i JOIN cases c ON c.id = i.case_id"
        ).fetchone()[0]
        == "A1"
    )


def test_a_child_cannot_move_to_another_case(conn, stock, tmp_path):
    stock.case("A1", start=date(2026, 8, 1))
    stock.case("A2", start=date(2026, 8, 1))
    header = "Id;Ärende;Impulstyp;Inkommen"
    run(conn, csv_file(tmp_path / "i.csv", header, "I1;A1;1;2026-11-20"))
    result = run(conn, csv_file(tmp_path / "i.csv", header, "I1;A2;1;2026-11-20"))
    assert result.rejected == 1
    assert "kan inte flyttas mellan ärenden" in result.rejects[0].reason


def test_a_certificate_period_must_belong_to_its_case(conn, stock, tmp_path):
    stock.case("A1", start=date(2026, 8, 1))
    stock.case("A2", start=date(2026, 8, 1))
    conn.execute("UPDATE sick_periods SET ext_id = 'P-A2' WHERE case_id = 2")
    header = "Id;Ärende;Sjukperiod-id;Från;Till"
    reject = one_reject(conn, tmp_path, header, "C1;A1;P-A2;2026-11-01;2026-11-30")
    assert reject.reason == "Sjukperioden hör till ett annat ärende."
    result = run(conn, csv_file(tmp_path / "k.csv", header, "C2;A2;P-A2;2026-11-01;2026-11-30"))
    assert result.created == 1


def test_consent_date_without_consent(conn, stock, tmp_path):
    stock.case("A1", start=date(2026, 8, 1))
    reject = one_reject(
        conn, tmp_path, "Id;Ärende;Roll;Samtycke;Samtycke datum", "K1;A1;läkare;;2026-10-01"
    )
    assert reject.field == "Samtycke datum"


def test_every_entity_documents_its_columns_in_docs():
    doc = (Path(__file__).resolve().parents[1] / "docs" / "import-format.md").read_text("utf-8")
    for entity in F.ENTITIES.values():
        for spec in entity.fields:
            assert f"| {spec.column} | `{spec.name}` |" in doc, (entity.name, spec.name)
