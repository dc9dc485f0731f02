"""What a caseworker reads on the command line: scores that add up, Swedish words instead of
stored codes, counts in the right number, and one clear line for input it refuses."""

from __future__ import annotations

import json
import shlex
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from app.chain.rules import standard_weights
from app.chain.state import chain_on
from app.priority.score import CaseFacts, OpenImpulse, score_case
from tests.builders import StockBuilder
from tests.test_reassign import uneven

ON = date(2026, 11, 23)


# -- the score is the sum of its shown reasons -----------------------------------------------


def _adds_up(item: dict) -> bool:
    shown = sum((Decimal(str(r["points"])) for r in item["reasons"]), Decimal(0))
    return shown == Decimal(str(item["score"]))


def test_every_score_in_today_is_exactly_the_sum_of_its_reasons_on_the_demo(run_cli, conn):
    built = run_cli("demo", "--caseworkers", "3", "--cases", "100", "--today", ON.isoformat())
    assert built.exit_code == 0, built.stderr
    checked = 0
    for signature in ("hl01", "hl02", "hl03"):
        data = run_cli(
            "today", "--as", signature, "--on", ON.isoformat(), "--limit", "0", "--json"
        ).json()
        for item in data["intake"] + data["planned"] + data["ranked"]:
            assert _adds_up(item), item
            checked += 1
        for item in data["ranked"][:5]:  # explain (and the window's Varför?) say the same
            args = ("explain", item["case_id"], "--as", signature, "--on", ON.isoformat())
            explained = run_cli(*args, "--json").json()
            assert (explained["score"], explained["reasons"]) == (item["score"], item["reasons"])
            assert f"Poäng {item['score']:.1f}" in run_cli(*args).stdout
    assert checked == conn.execute("SELECT count(*) FROM cases WHERE status = 'open'").fetchone()[0]


def test_contributions_are_rounded_before_they_are_added():
    # Three impulse types of 1/3 point each: shown as 0.3 + 0.3 + 0.3, so the score is 0.9
    # (the unrounded sum, 1.0, was what the score said before).
    weights = dict(standard_weights())
    weights.update({"impulse.per_day": 0.0, "impulse.unread_bonus": 0.0})
    for kind in ("rehab_need", "workplace_problem", "other"):
        weights[f"impulse.{kind}"] = 1 / 3
    chain = chain_on([(ON - timedelta(days=10), None)], ON)
    impulses = [OpenImpulse(k, ON, False) for k in ("rehab_need", "workplace_problem", "other")]
    facts = CaseFacts(1, "SP-1", chain, impulses=impulses)
    score = score_case(facts, ON, weights)
    assert [c.points for c in score.contributions] == [0.3, 0.3, 0.3]
    assert score.total == 0.9


# -- no stored codes in the text ---------------------------------------------------------------


@pytest.fixture
def employer_stock(stock: StockBuilder) -> StockBuilder:
    stock.caseworker("hl01", "Anna Andersson")
    stock.caseworker("hl02", "Bo Berg")
    stock.caseworker("lead01", "Lea Ledare", role="lead")
    stock.case("SP-1", start=ON - timedelta(days=300), extent=75, plan_status="written")
    stock.case("SP-2", start=ON - timedelta(days=40), plan_status="none")
    stock.case("SP-3", start=ON - timedelta(days=50))
    return stock


CODES = ("day_", "employed", "open", "none", "unknown", "written", "plan_day", "phone_day")


def test_explain_text_uses_the_words_the_window_uses(run_cli, employer_stock):
    result = run_cli("explain", "SP-1", "--on", ON.isoformat(), "--as", "hl01")
    assert result.exit_code == 0, result.stderr
    assert "Testbolaget AB, anställd, 75 %, öppen, skriftlig plan" in result.stdout
    assert not [code for code in CODES if code in result.stdout]
    case = run_cli("explain", "SP-1", "--on", ON.isoformat(), "--json").json()["case"]
    assert case["employment"] == "employed" and case["employment_label"] == "anställd"
    assert case["status_label"] == "öppen" and case["plan_status_label"] == "skriftlig plan"


def test_employer_text_names_milestones_and_plans_in_swedish(run_cli, employer_stock):
    result = run_cli("employer", "Testbolaget AB", "--on", ON.isoformat())
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Testbolaget AB: 3 öppna ärenden hos 1 handläggare;")
    assert "skriftlig plan" in lines[1] and "nästa: dag 364 om 63 d" in lines[1]
    assert "ingen plan" in lines[2] and "plan okänd" in lines[3]
    assert "inga impulser" in lines[1]
    assert not [code for code in CODES if code in result.stdout]


def test_team_cases_lists_under_the_figures_swedish_names(run_cli, employer_stock):
    employer_stock.follow_up(1, ON - timedelta(days=3))
    result = run_cli("team", "--cases", "--as", "lead01", "--on", ON.isoformat())
    assert result.exit_code == 0, result.stderr
    assert "  Försenade bevakningar: SP-1" in result.stdout.splitlines()
    assert "overdue_follow_ups" not in result.stdout and "milestones_" not in result.stdout


def test_balance_text_names_milestones_by_day(run_cli, stock: StockBuilder, conn):
    uneven(stock, conn)
    result = run_cli("balance", "--on", ON.isoformat())
    assert result.exit_code == 0, result.stderr
    moves = [line for line in result.stdout.splitlines() if "→" in line and "belastning" in line]
    assert moves and all("(dag 90)" in line for line in moves)
    assert "day_" not in result.stdout
    data = run_cli("balance", "--on", ON.isoformat(), "--json").json()
    assert data["moves"][0]["milestone_labels"] == [
        "Dag 90: prövning mot annat arbete hos arbetsgivaren"
    ]


# -- Swedish number agreement --------------------------------------------------------------------


def test_count():
    from app.cli.output import counted

    assert counted(1, "{n} impuls", "{n} impulser") == "1 impuls"
    assert counted(2, "{n} impuls", "{n} impulser") == "2 impulser"
    assert counted(0, "{n} impuls", "{n} impulser") == "0 impulser"
    none = "inget öppet ärende"
    assert counted(0, "{n} öppet ärende", "{n} öppna ärenden", none=none) == none
    assert counted(1, "{n} öppet ärende", "{n} öppna ärenden", none=none) == "1 öppet ärende"
    assert counted(2, "{n} öppet ärende", "{n} öppna ärenden", none=none) == "2 öppna ärenden"


def test_one_case_moved_is_singular(run_cli, employer_stock):
    result = run_cli(
        "reassign", "SP-2", "--to", "hl02", "--reason", "Semester", "--as", "lead01",
        "--on", ON.isoformat(),
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "1 ärende flyttades till hl02.\n"


def test_standard_follow_ups_with_no_open_case(run_cli, stock: StockBuilder):
    stock.caseworker("hl01", "Anna Andersson")
    result = run_cli("follow-up", "standard", "--on", ON.isoformat())
    assert result.exit_code == 0, result.stderr
    assert (
        result.stdout == "Standardbevakningar 2026-11-23: 0 nya, 0 flyttade (inget öppet ärende).\n"
    )


def test_one_closed_case_to_purge_is_singular(run_cli, stock: StockBuilder):
    stock.caseworker("hl01", "Anna Andersson")
    stock.case(
        "OLD-1", start=date(2026, 1, 5), end=date(2026, 3, 1), status="closed",
        closed_on="2026-03-01",
    )  # fmt: skip
    preview = run_cli("retention", "preview", "--on", ON.isoformat())
    assert preview.stdout.startswith("Gallring 2026-11-23: 1 avslutat ärende (avslutade senast")
    done = run_cli("retention", "purge", "--on", ON.isoformat(), "--yes")
    assert done.stdout == "Gallrade 1 avslutat ärende.\n"


def test_one_follow_up_exported_is_singular(run_cli, employer_stock, tmp_path: Path):
    employer_stock.follow_up(1, ON + timedelta(days=2))
    result = run_cli(
        "follow-up", "export", "--ics", str(tmp_path / "b.ics"), "--as", "hl01",
        "--on", ON.isoformat(),
    )  # fmt: skip
    assert result.stdout.startswith("1 bevakning exporterad till ")


# -- refusals and hints ----------------------------------------------------------------------------


def test_demo_on_a_database_with_cases_refuses_before_any_progress(run_cli, employer_stock):
    result = run_cli("demo", "--caseworkers", "1", "--cases", "1")
    assert result.exit_code == 2
    assert "Bygger demostock" not in result.stderr
    assert result.stderr.count("\n") == 1 and "redan ärenden" in result.stderr
    assert result.stdout == ""


def test_a_negative_weight_gets_the_real_reason(run_cli, employer_stock):
    result = run_cli("weights", "--as", "hl01", "set", "impulse.other", "-5")
    assert result.exit_code == 2
    assert result.stderr == "overblick: En vikt får inte vara negativ.\n"
    fine = run_cli("weights", "--as", "hl01", "set", "impulse.other", "5")
    assert fine.exit_code == 0, fine.stderr


def test_plan_in_the_past_is_refused_unless_forced(run_cli, employer_stock, conn):
    now = ("--now", "2026-11-23 10:00")
    past = run_cli(*now, "plan", "SP-1", "--date", "2026-11-20", "--as", "hl01")
    assert past.exit_code == 2
    assert "2026-11-20 har redan passerat" in past.stderr and "--force" in past.stderr
    assert conn.execute("SELECT count(*) FROM planned_dates").fetchone()[0] == 0
    today = run_cli(*now, "plan", "SP-1", "--date", "2026-11-23", "--as", "hl01")
    assert today.exit_code == 0, today.stderr
    forced = run_cli(*now, "plan", "SP-2", "--date", "2026-11-20", "--force", "--as", "hl01")
    assert forced.exit_code == 0, forced.stderr


def test_team_for_a_caseworker_says_a_lead_sees_the_whole_team(run_cli, employer_stock):
    mine = run_cli("team", "--as", "hl01", "--on", ON.isoformat())
    assert mine.exit_code == 0, mine.stderr
    assert mine.stdout.splitlines()[-1] == (
        "Du ser din egen rad (hl01) och kollegor du täcker. "
        "En gruppchef ser hela teamet: overblick team --as lead01."
    )
    lead = run_cli("team", "--as", "lead01", "--on", ON.isoformat())
    assert "gruppchef" not in lead.stdout


def test_follow_up_done_takes_the_id_as_the_list_shows_it(run_cli, employer_stock):
    fu = employer_stock.follow_up(1, ON)
    listing = run_cli("follow-up", "list", "--as", "hl01", "--on", ON.isoformat())
    assert f"#{fu}" in listing.stdout
    done = run_cli("follow-up", "done", f"#{fu}", "--as", "hl01")
    assert done.exit_code == 0, done.stderr
    assert done.stdout == f"Bevakning #{fu} klarmarkerad.\n"


def test_the_chain_example_in_the_docs_is_what_the_command_prints(run_cli):
    doc = (Path(__file__).parent.parent / "docs" / "cli.md").read_text(encoding="utf-8")
    section = doc[doc.index("### `overblick chain") :]
    command = section[section.index("$ overblick ") + 2 : section.index("\n", section.index("$ "))]
    example = section[
        section.index("```json") + 7 : section.index("```", section.index("```json") + 7)
    ]
    documented = json.loads(example.replace(", ...]}", "]}"))
    result = run_cli(*shlex.split(command)[1:], db=None)
    assert result.exit_code == 0, result.stderr
    printed = result.json()
    printed["milestones"] = printed["milestones"][: len(documented["milestones"])]
    assert documented == printed
