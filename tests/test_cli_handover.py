"""The command line of issue #14: handover, intake, caseworker, units, benefits, case,
referral, method, assessment, on-time and export methods (JSON keys in English, one
Swedish line and exit 2 on a refusal, 130 on a declined confirmation)."""

from __future__ import annotations

import io
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from db import transaction
from tests.builders import StockBuilder

ON = date(2026, 11, 23)
NOW = ("--now", "2026-11-23 09:00")


@pytest.fixture
def team(conn: sqlite3.Connection, stock: StockBuilder) -> dict[str, int]:
    stock.caseworker("hl01", "Anna Andersson")
    stock.caseworker("hl02", "Bo Berg")
    stock.caseworker("lead01", "Lena Ledare", role="lead")
    with transaction(conn):
        conn.execute("UPDATE caseworkers SET unit = 'Fördjupad utredning' WHERE role != 'lead'")
    ids = {
        "a1": stock.case("A1", start=ON - timedelta(days=200), caseworker="hl01"),
        "a2": stock.case("A2", start=ON - timedelta(days=40), caseworker="hl01"),
    }
    ids["imp"] = stock.impulse(ids["a1"], ON - timedelta(days=3), "workplace_problem")
    return ids


def test_reassign_with_a_note_then_intake_carry_and_done(run_cli, team) -> None:
    moved = run_cli(*NOW, "reassign", "A1", "--to", "hl02", "--reason", "Semester",
                    "--note", "Ring HR", "--as", "lead01", "--json")  # fmt: skip
    assert moved.exit_code == 0, moved.stderr
    listed = run_cli(*NOW, "intake", "--as", "hl02", "--json").json()
    [review] = listed["reviews"]
    assert review["case_id"] == "A1" and review["remaining"] == 1
    assert review["handover"]["note"] == "Ring HR" and review["handover"]["from"] == "hl01"
    today = run_cli(*NOW, "today", "--as", "hl02", "--json").json()
    assert [i["case_id"] for i in today["intake"]] == ["A1"]
    refused = run_cli(*NOW, "intake", "done", "A1", "--as", "hl02")
    assert refused.exit_code == 2 and f"#{team['imp']}" in refused.stderr
    assert refused.stderr.count("\n") == 1
    carried = run_cli(*NOW, "intake", "carry", "A1", str(team["imp"]), "--note", "Väntar",
                      "--as", "hl02")  # fmt: skip
    assert carried.exit_code == 0 and "1 impuls förd över" in carried.stdout
    assert run_cli(*NOW, "intake", "done", "A1", "--as", "hl02").exit_code == 0
    shown = run_cli(*NOW, "intake", "show", "A1", "--json").json()
    assert shown["state"] == "done" and shown["impulses"][0]["carried_over"] is True
    notes = run_cli(*NOW, "handover", "note", "A1", "--json").json()
    assert notes["handovers"][0]["to"] == "hl02" and "summary_now" in notes


def test_handover_stock_asks_before_moving_and_moves_on_yes(
    run_cli, conn, team, monkeypatch
) -> None:
    plan = run_cli(*NOW, "handover", "stock", "hl01", "--to", "hl02", "--reason", "Slutar",
                   "--as", "lead01", "--json").json()  # fmt: skip
    assert plan["applied"] is False and {m["case_id"] for m in plan["moves"]} == {"A1", "A2"}
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))
    declined = run_cli(*NOW, "handover", "stock", "hl01", "--to", "hl02", "--reason", "Slutar",
                       "--as", "lead01")  # fmt: skip
    assert declined.exit_code == 130
    assert conn.execute("SELECT count(*) FROM handovers").fetchone()[0] == 0
    done = run_cli(*NOW, "handover", "stock", "hl01", "--to", "hl02", "--assign", "A2=hl02",
                   "--reason", "Slutar", "--as", "lead01", "--yes", "--json").json()  # fmt: skip
    assert done["applied"] is True and done["moved"] == 2
    bad = run_cli(*NOW, "handover", "stock", "hl02", "--to", "hl01", "--assign", "A1",
                  "--reason", "x", "--as", "lead01", "--yes")  # fmt: skip
    assert bad.exit_code == 2


def test_caseworker_units_colleagues_cover_and_reach(run_cli, team) -> None:
    set_unit = run_cli("caseworker", "hl02", "--unit", "VO 3", "--phone", "010-2",
                       "--as", "lead01", "--json")  # fmt: skip
    assert set_unit.json()["unit_key"] == "return_support"
    own = run_cli("caseworker", "hl01", "--unit", "VO 1", "--as", "hl01")
    assert own.exit_code == 2  # a caseworker does not change units
    units = run_cli("units", "--json").json()
    assert "Trygghet vid sjukdom" in units["units"][1]["aliases"]
    found = run_cli(*NOW, "handover", "colleagues", "A1", "--json").json()
    assert found["unit"] == "Fördjupad utredning"
    assert [(c["caseworker"], c["same_unit"]) for c in found["colleagues"]] == [("hl02", False)]
    args = ("cover", "hl01", "--by", "hl02", "--from", "2026-11-23", "--to", "2026-11-27",
            "--as", "lead01")  # fmt: skip
    assert run_cli(*args).exit_code == 2  # another unit needs a reason
    assert run_cli(*args, "--reason", "Ingen annan i tjänst").exit_code == 0
    reach = run_cli("case", "reach", "A1", "--on", "2026-11-24", "--json").json()
    assert reach == {"case_id": "A1", "caseworker": "hl01", "away_until": "2026-11-27",
                     "covered_by": "hl02", "reach": "hl02", "phone": "010-2",
                     "email": None}  # fmt: skip
    text = run_cli("case", "reach", "A1", "--on", "2026-11-24").stdout
    assert "hl02" in text and "010-2" in text


def test_nfa_refusal_af_offer_and_close(run_cli, team) -> None:
    refused = run_cli(*NOW, "case", "nfa-refusal", "A1", "--as", "hl01", "--json").json()
    assert refused["nfa_refusal_on"] == "2026-11-23"
    # The work-injury hint (the workplace impulse also raises the employer's grant).
    assert "work_injury_annuity" in {r["benefit"] for r in refused["raised"]}
    explained = run_cli(*NOW, "explain", "A1", "--as", "hl01", "--json").json()
    assert "af_offer.missing" in {r["key"] for r in explained["reasons"]}
    closing = run_cli(*NOW, "case", "close", "A1", "--as", "hl01")
    assert closing.exit_code == 2 and "Arbetsförmedlingen" in closing.stderr
    no_info = run_cli(*NOW, "case", "af-offer", "A1", "declined", "--as", "hl01")
    assert no_info.exit_code == 2
    offered = run_cli(*NOW, "case", "af-offer", "A1", "accepted", "--as", "hl01", "--json")
    assert offered.json()["af_offer"] == "accepted"
    assert run_cli(*NOW, "case", "close", "A1", "--as", "hl01").exit_code == 0


def test_benefits_marks_outcomes_and_listing(run_cli, team) -> None:
    marked = run_cli(*NOW, "benefits", "marks", "A2", "--add", "work_injury", "--as", "hl01",
                     "--json").json()  # fmt: skip
    assert marked["marks"] == ["work_injury"] and "pregnant" in marked["known"]
    hints = run_cli(*NOW, "benefits", "--as", "hl01", "--json").json()["hints"]
    [hint] = [h for h in hints if h["case_id"] == "A2"]
    assert hint["benefit"] == "work_injury_annuity" and hint["outcome"] is None
    assert "003:" in hint["source"] and hint["reason"]
    bad = run_cli(*NOW, "benefits", "informed", str(hint["id"]), "--on", "2026-11-23",
                  "--channel", "pigeon", "--as", "hl01")  # fmt: skip
    assert bad.exit_code == 2
    done = run_cli(*NOW, "benefits", "informed", str(hint["id"]), "--on", "2026-11-22",
                   "--channel", "phone", "--as", "hl01", "--json").json()  # fmt: skip
    assert (done["outcome"], done["informed_on"], done["channel"]) == (
        "informed", "2026-11-22", "phone",
    )  # fmt: skip
    scanned = run_cli(*NOW, "benefits", "scan", "--json").json()
    assert scanned["cases"] == 2


def test_referral_method_assessment_on_time_and_export(run_cli, team, tmp_path: Path) -> None:
    referral = run_cli(*NOW, "referral", "add", "A2", "--to", "af", "--on", "2026-11-20",
                       "--as", "hl01", "--json").json()  # fmt: skip
    assert referral["actor"] == "af" and referral["follow_up_state"] == "open"
    assert (
        run_cli(*NOW, "referral", "list", "A2", "--json").json()["referrals"][0]["id"]
        == (referral["id"])
    )
    meeting = run_cli(*NOW, "method", "add", "A2", "avstamningsmote", "--as", "hl01")
    assert meeting.exit_code == 0 and "sparat som kontakt" in meeting.stdout
    real = run_cli(*NOW, "method", "add", "A2", "avstamningsmote", "--party", "employer",
                   "--as", "hl01", "--json").json()  # fmt: skip
    assert (real["kind"], real["chain_day"], real["held_on"]) == ("avstamningsmote", 41,
                                                                   "2026-11-23")  # fmt: skip
    listed = run_cli("method", "list", "--as", "hl01", "--json").json()["method_events"]
    assert [e["kind"] for e in listed] == ["contact", "avstamningsmote"]
    assessed = run_cli(*NOW, "assessment", "add", "A1", "day_180", "--on", "2026-11-01",
                       "--as", "hl01", "--json").json()  # fmt: skip
    assert assessed["chain_day"] == 179
    report = run_cli(*NOW, "on-time", "--as", "lead01", "--cases", "--json").json()
    row = {r["caseworker"]: r for r in report["caseworkers"]}["hl01"]
    assert row["checkpoints"]["day_180"]["cases_on_time"] == ["A1"]
    assert row["checkpoints"]["day_90"]["cases_missed"] == ["A1"]
    text = run_cli(*NOW, "on-time", "--as", "hl01", "--cases").stdout
    assert "dag 180" in text and "100 % (1/1)" in text and "dag_90" not in text
    target = tmp_path / "metoder.xlsx"
    exported = run_cli(*NOW, "export", "methods", str(target), "--as", "hl01")
    assert exported.exit_code == 0 and target.is_file() and "2 metodhändelser" in exported.stdout
