"""The team table, its click-through, the charts' data and the employer view, on a small
hand-built team whose right answers are counted in the comments."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from app.base.errors import NotFoundError, RuleTableError
from app.chain.rules import standard_weights
from app.stock.facts import load_facts
from app.stock.overview import case_states
from app.team.charts import impulse_inflow, milestone_forecast, team_view
from app.team.employer import employer_cases
from app.team.rules import FIGURES, parse_team_rules, team_rules
from app.team.table import phase_counts, team_table, weighted_load
from db import transaction
from tests.builders import StockBuilder

ON = date(2026, 11, 23)  # a Monday, ISO week 48


def ago(n: int) -> date:
    return ON - timedelta(days=n)


def build_team(stock: StockBuilder) -> dict[str, int]:
    """hl01 Anna: A1-A4; hl02 Bo: B1, B2, B3, B5 (+ closed B4); hl03 Cilla: nothing; a lead."""
    stock.caseworker("hl01", "Anna Andersson")
    stock.caseworker("hl02", "Bo Berg")
    stock.caseworker("hl03", "Cilla Carlsson")
    stock.caseworker("lead01", "Lena Ledare", role="lead")
    ids: dict[str, int] = {}
    # A1: day 10 (1-90). plan_day_30 in 20 days (28 only). Two open impulses (3 and 5 days
    # old) and a handled one. No contact recorded, chain 10 days old: not flagged.
    ids["A1"] = stock.case("A1", start=ago(9), caseworker="hl01")
    stock.impulse(ids["A1"], ago(3))
    stock.impulse(ids["A1"], ago(5))
    stock.impulse(ids["A1"], ago(3), outcome="acted")
    # A2: day 85 (1-90). day_90 in 5 days (14 and 28). Contact 61 days ago: flagged.
    # Coordination needed, last 40 days ago: waiting. Follow-ups: one overdue, one overdue but
    # snoozed past today, one due today, one done: 1 overdue.
    ids["A2"] = stock.case(
        "A2", start=ago(84), caseworker="hl01", last_contact_on=ago(61).isoformat(),
        coordination_needed=1, last_coordination_on=ago(40).isoformat(), plan_status="written",
    )  # fmt: skip
    stock.follow_up(ids["A2"], ago(2))
    stock.follow_up(ids["A2"], ago(3), snoozed_until=ON + timedelta(days=1))
    stock.follow_up(ids["A2"], ON)
    stock.follow_up(ids["A2"], ago(4), state="done")
    # A3: day 200 (181-365), no ÖS position: past 181 without ÖS. day_240 in 40 days.
    # Coordination needed but done 10 days ago: not waiting.
    ids["A3"] = stock.case(
        "A3", start=ago(199), caseworker="hl01", last_contact_on=ago(10).isoformat(),
        coordination_needed=1, last_coordination_on=ago(10).isoformat(),
    )  # fmt: skip
    # A4: day 400 (366+), ÖS taken. No contact ever, chain 400 days old: flagged.
    ids["A4"] = stock.case("A4", start=ago(399), caseworker="hl01", os_position="os")
    # B1: day 170 (91-180). day_180 in 10, day_181 in 11 days: 2 milestones (14 and 28).
    # Coordination needed and never done, chain 170 days old: waiting.
    ids["B1"] = stock.case(
        "B1", start=ago(169), caseworker="hl02", last_contact_on=ago(5).isoformat(),
        coordination_needed=1,
    )  # fmt: skip
    # B2: unemployed, day 20 (1-90); phone_day_60 in 40 days. One open impulse, 1 day old.
    ids["B2"] = stock.case("B2", start=ago(19), caseworker="hl02", employment="unemployed")
    stock.impulse(ids["B2"], ago(1))
    # B3: back at work 10 days ago at day 91 (91-180): paused chain, no milestones counted.
    # Contact 70 days ago: flagged.
    ids["B3"] = stock.case(
        "B3", start=ago(100), end=ago(10), caseworker="hl02",
        last_contact_on=ago(70).isoformat(),
    )  # fmt: skip
    # B4: closed: counted nowhere (but its impulse is in the inflow).
    ids["B4"] = stock.case("B4", start=ago(50), caseworker="hl02", status="closed")
    stock.impulse(ids["B4"], ON)
    # B5: day 175 (91-180), checklist done so day_180 is no work; day_181 in 6 days counts.
    ids["B5"] = stock.case(
        "B5", start=ago(174), caseworker="hl02", last_contact_on=ago(1).isoformat(),
        check_phone=1, check_employer=1, check_plan=1, check_informed=1, employer="Annat AB",
    )  # fmt: skip
    return ids


@pytest.fixture
def team(stock: StockBuilder) -> dict[str, int]:
    return build_team(stock)


def test_each_figure_per_caseworker(conn: sqlite3.Connection, team: dict[str, int]) -> None:
    table = team_table(conn, ON)
    assert [r.ext_id for r in table.rows] == ["hl01", "hl02", "hl03"]  # no lead row
    hl01, hl02, hl03 = table.rows
    assert hl01.figures() == {
        "active_cases": 4,
        "weighted_load": 11.0,  # phases 1+1+1.2+0.8 + 2×0.5 imp + 0.5 overdue + 2×2 milestones
        "unhandled_impulses": 2,  # + 0.5 waiting + 1 missing ÖS
        "oldest_impulse_days": 5,
        "overdue_follow_ups": 1,
        "milestones_14": 1,
        "milestones_28": 2,
        "waiting_for_coordination": 1,
        "no_contact_60": 2,
        "past_181_without_os": 1,
    }
    assert hl01.phases == {"1-90": 2, "91-180": 0, "181-365": 1, "366+": 1, "none": 0}
    assert hl02.figures() == {
        "active_cases": 4,
        "weighted_load": 12.5,  # phases 3×1.5 + 1 + 0.5 impulse + 3×2 milestones + 0.5 waiting
        "unhandled_impulses": 1,
        "oldest_impulse_days": 1,
        "overdue_follow_ups": 0,
        "milestones_14": 3,
        "milestones_28": 3,
        "waiting_for_coordination": 1,
        "no_contact_60": 1,
        "past_181_without_os": 0,
    }
    assert hl03.figures()["active_cases"] == 0
    assert hl03.oldest_impulse_days is None
    assert table.totals.figures() == {
        "active_cases": 8,
        "weighted_load": 23.5,
        "unhandled_impulses": 3,
        "oldest_impulse_days": 5,
        "overdue_follow_ups": 1,
        "milestones_14": 4,
        "milestones_28": 5,
        "waiting_for_coordination": 2,
        "no_contact_60": 3,
        "past_181_without_os": 1,
    }


def test_every_number_clicks_through_to_its_cases(
    conn: sqlite3.Connection, team: dict[str, int]
) -> None:
    table = team_table(conn, ON)
    hl01, hl02 = table.row("hl01"), table.row("hl02")

    def refs(row, figure):
        return sorted(table.case_refs[i] for i in row.cases[figure])

    assert refs(hl01, "active_cases") == ["A1", "A2", "A3", "A4"]
    assert refs(hl01, "unhandled_impulses") == ["A1"]
    assert refs(hl01, "overdue_follow_ups") == ["A2"]
    assert refs(hl01, "milestones_14") == ["A2"]
    assert refs(hl01, "milestones_28") == ["A1", "A2"]
    assert refs(hl01, "waiting_for_coordination") == ["A2"]
    assert refs(hl01, "no_contact_60") == ["A2", "A4"]
    assert refs(hl01, "past_181_without_os") == ["A3"]
    assert refs(hl02, "milestones_14") == ["B1", "B5"]  # B1 counts twice, listed once
    assert refs(hl02, "no_contact_60") == ["B3"]
    assert refs(hl02, "waiting_for_coordination") == ["B1"]
    assert set(FIGURES) == set(hl01.cases)
    # The totals' lists are the rows' lists together.
    assert sorted(table.totals.cases["active_cases"]) == sorted(
        hl01.cases["active_cases"] + hl02.cases["active_cases"]
    )


def test_load_is_the_documented_sum_of_the_row_figures(
    conn: sqlite3.Connection, team: dict[str, int]
) -> None:
    rules = team_rules()
    for row in team_table(conn, ON).rows:
        expected = (
            sum(rules.phase_weights[k] * n for k, n in row.phases.items())
            + rules.open_impulse * row.unhandled_impulses
            + rules.overdue_follow_up * row.overdue_follow_ups
            + rules.milestone * row.milestones_28
            + rules.missing_os_position * row.past_181_without_os
            + rules.waiting_for_coordination * row.waiting_for_coordination
        )
        assert row.weighted_load == pytest.approx(expected)
        assert weighted_load(row) == pytest.approx(expected)


def test_waiting_for_coordination_agrees_with_the_stock_states(
    conn: sqlite3.Connection, team: dict[str, int]
) -> None:
    weights = standard_weights()
    facts = load_facts(conn, ON)
    expected = {f.id for f in facts if case_states(f, ON, weights)["waiting_for_coordination"]}
    assert set(team_table(conn, ON).totals.cases["waiting_for_coordination"]) == expected


def test_no_contact_boundary_and_null(conn: sqlite3.Connection, stock: StockBuilder) -> None:
    stock.caseworker("hl01", "Anna Andersson")
    stock.case("X59", start=ago(100), last_contact_on=ago(59).isoformat())
    stock.case("X60", start=ago(100), last_contact_on=ago(60).isoformat())
    stock.case("N59", start=ago(58))  # never contacted, chain on its 59th day
    stock.case("N60", start=ago(60))  # never contacted, 60 days since the chain began
    table = team_table(conn, ON)
    flagged = sorted(table.case_refs[i] for i in table.totals.cases["no_contact_60"])
    assert flagged == ["N60", "X60"]


def test_only_some_caseworkers(conn: sqlite3.Connection, team: dict[str, int]) -> None:
    hl02 = conn.execute("SELECT id FROM caseworkers WHERE ext_id = 'hl02'").fetchone()[0]
    table = team_table(conn, ON, caseworker_ids=[hl02])
    assert [r.ext_id for r in table.rows] == ["hl02"]
    assert table.totals.figures() == table.rows[0].figures()


def test_unassigned_and_inactive_holders_are_not_lost(
    conn: sqlite3.Connection, stock: StockBuilder
) -> None:
    stock.caseworker("hl01", "Anna Andersson")
    stock.caseworker("hl09", "Slutat Nu")
    stock.case("U1", start=ago(10), caseworker="hl01", caseworker_id=None)
    stock.case("I1", start=ago(10), caseworker="hl09")
    with transaction(conn):
        conn.execute("UPDATE caseworkers SET active = 0 WHERE ext_id = 'hl09'")
    table = team_table(conn, ON)
    assert [(r.ext_id, r.active, r.active_cases) for r in table.rows] == [
        ("hl01", True, 0),
        ("hl09", False, 1),
        ("", True, 1),
    ]
    assert table.rows[-1].name == "Utan handläggare"
    assert table.totals.active_cases == 2


def test_phase_counts_for_the_stacked_chart(conn: sqlite3.Connection, team: dict[str, int]) -> None:
    counts = phase_counts(team_table(conn, ON))
    assert counts["hl01"] == {"1-90": 2, "91-180": 0, "181-365": 1, "366+": 1}
    assert counts["hl02"] == {"1-90": 1, "91-180": 3, "181-365": 0, "366+": 0}
    assert counts["hl03"] == {"1-90": 0, "91-180": 0, "181-365": 0, "366+": 0}


def test_milestone_forecast_per_week(conn: sqlite3.Connection, team: dict[str, int]) -> None:
    forecast = milestone_forecast(conn, ON, weeks=8)
    assert [w for _y, w, _m in forecast.weeks] == [48, 49, 50, 51, 52, 53, 1, 2]
    assert forecast.weeks[0][2] == ON
    # hl01: A2 day_90 (+5), A1 plan_day_30 (+20), A3 day_240 (+40), A1 phone_day_60 (+50)
    assert forecast.counts["hl01"] == [1, 0, 1, 0, 0, 1, 0, 1]
    # hl02: B5 day_181 (+6), B1 day_180 and day_181 (+10, +11), B2 phone_day_60 (+40)
    assert forecast.counts["hl02"] == [1, 2, 0, 0, 0, 1, 0, 0]
    assert "hl03" not in forecast.counts
    assert forecast.totals == [2, 2, 1, 0, 0, 2, 0, 1]
    assert forecast.by_key["day_181"] == [1, 1, 0, 0, 0, 0, 0, 0]
    assert sorted(forecast.cases[("hl02", 1)]) == [team["B1"]]


def test_forecast_starts_mid_week_without_passed_days(
    conn: sqlite3.Connection, stock: StockBuilder
) -> None:
    stock.caseworker("hl01", "Anna Andersson")
    wednesday = ON + timedelta(days=2)
    stock.case("Y1", start=wednesday - timedelta(days=88))  # day 89 on Wednesday: day_90 Thu
    stock.case("Y2", start=wednesday - timedelta(days=90))  # day 91: day_90 was yesterday
    forecast = milestone_forecast(conn, wednesday, weeks=2)
    assert forecast.weeks[0][2] == ON  # the week of the day, from its Monday
    assert forecast.counts["hl01"][0] == 1


def test_impulse_inflow_per_day(conn: sqlite3.Connection, team: dict[str, int]) -> None:
    inflow = impulse_inflow(conn, ON, days=30)
    assert len(inflow.days) == 30
    assert inflow.days[0] == ago(29)
    assert inflow.days[-1] == ON
    by_day = {d: n for d, n in zip(inflow.days, inflow.totals, strict=True) if n}
    # Handled or not, open or closed case: A1 ×2 and A1 handled, A1 5 days ago, B2, B4.
    assert by_day == {ago(5): 1, ago(3): 2, ago(1): 1, ON: 1}
    assert sum(inflow.by_caseworker["hl01"]) == 3
    assert sum(inflow.by_caseworker["hl02"]) == 2


def test_team_view_shares_one_load(conn: sqlite3.Connection, team: dict[str, int]) -> None:
    view = team_view(conn, ON)
    assert view.table.totals.figures() == team_table(conn, ON).totals.figures()
    assert view.forecast.totals == milestone_forecast(conn, ON).totals
    assert view.inflow.totals == impulse_inflow(conn, ON).totals
    assert view.phases["hl01"]["1-90"] == 2


def test_employer_view(conn: sqlite3.Connection, team: dict[str, int]) -> None:
    view = employer_cases(conn, "  testbolaget ab ", ON)
    assert view.employer == "Testbolaget AB"
    assert [(c.case_ref, c.caseworker) for c in view.cases] == [
        ("A1", "hl01"), ("A2", "hl01"), ("A3", "hl01"), ("A4", "hl01"),
        ("B1", "hl02"), ("B3", "hl02"),
    ]  # fmt: skip
    a2 = view.cases[1]
    assert (a2.day, a2.phase, a2.plan_status, a2.next_milestone_key) == (85, "1-90", "written",
                                                                         "day_90")  # fmt: skip
    assert a2.next_milestone_days_left == 5
    assert view.cases[0].open_impulses == 2
    summary = view.summary()
    assert summary["cases"] == 6
    assert summary["caseworkers"] == 2
    # No written or oral plan past day 30: A3, A4, B1, B3 (A1 is on day 10, A2 has one).
    assert summary["missing_plan"] == 4
    assert summary["waiting_for_coordination"] == 2
    assert summary["past_181_without_os"] == 1
    data = view.as_json()
    assert "person" not in str(data).lower()


def test_employer_not_found_suggests(conn: sqlite3.Connection, team: dict[str, int]) -> None:
    with pytest.raises(NotFoundError, match="Menade du: Testbolaget AB"):
        employer_cases(conn, "testbol", ON)
    with pytest.raises(NotFoundError):
        employer_cases(conn, "Finns Inte AB", ON)


def test_rule_file_is_validated(tmp_path: Path) -> None:
    good = team_rules()
    assert good.phase_weights["91-180"] == 1.5
    assert good.milestone == 2.0
    base = {
        "load": {
            "phase": {"1-90": 1, "91-180": 1.5, "181-365": 1.2, "366+": 0.8, "none": 0.5},
            "open_impulse": 0.5, "overdue_follow_up": 0.5, "milestone": 2,
            "missing_os_position": 1, "waiting_for_coordination": 0.5,
        },
        "balance": {"weeks": 4, "max_moves": 20, "protect_follow_up_days": 7},
    }  # fmt: skip
    path = tmp_path / "team.toml"
    assert parse_team_rules(base, path).phase_weights == good.phase_weights
    missing = {**base, "load": {k: v for k, v in base["load"].items() if k != "milestone"}}
    with pytest.raises(RuleTableError, match=r"load\.milestone"):
        parse_team_rules(missing, path)
    unknown = {**base, "extra": {"x": 1}}
    with pytest.raises(RuleTableError, match="okända"):
        parse_team_rules(unknown, path)
    negative = {**base, "load": {**base["load"], "open_impulse": -1}}
    with pytest.raises(RuleTableError, match="negativ"):
        parse_team_rules(negative, path)
    bad_weeks = {**base, "balance": {**base["balance"], "weeks": 2.5}}
    with pytest.raises(RuleTableError, match=r"balance\.weeks"):
        parse_team_rules(bad_weeks, path)


# -- the command line ------------------------------------------------------------------------


def test_cli_team_json(run_cli, team: dict[str, int]) -> None:
    result = run_cli("team", "--on", ON.isoformat(), "--as", "lead01", "--json")
    assert result.exit_code == 0, result.stderr
    data = result.json()
    assert data["on"] == ON.isoformat()
    assert [r["caseworker"] for r in data["caseworkers"]] == ["hl01", "hl02", "hl03"]
    hl01 = data["caseworkers"][0]
    assert hl01["active_cases"] == 4
    assert hl01["weighted_load"] == 11.0
    assert hl01["oldest_impulse_days"] == 5
    assert hl01["phases"] == {"1-90": 2, "91-180": 0, "181-365": 1, "366+": 1}
    assert "cases" not in hl01
    assert data["totals"]["milestones_28"] == 5
    assert data["totals"]["caseworker"] is None
    assert data["load_weights"]["milestone_next_28_days"] == 2.0


def test_cli_team_json_with_cases(run_cli, team: dict[str, int]) -> None:
    data = run_cli("team", "--on", ON.isoformat(), "--as", "lead01", "--json", "--cases").json()
    assert data["caseworkers"][0]["cases"]["milestones_28"] == ["A1", "A2"]
    assert sorted(data["totals"]["cases"]["no_contact_60"]) == ["A2", "A4", "B3"]


def test_cli_team_caseworker_sees_own_row(run_cli, team: dict[str, int]) -> None:
    data = run_cli("team", "--on", ON.isoformat(), "--as", "hl02", "--json").json()
    assert [r["caseworker"] for r in data["caseworkers"]] == ["hl02"]


def test_cli_team_text(run_cli, team: dict[str, int]) -> None:
    result = run_cli("team", "--on", ON.isoformat(), "--as", "lead01")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == f"Teamet {ON.isoformat()}"
    assert lines[2].split()[:3] == ["hl01", "4", "11,0"]
    assert lines[-1].startswith("Totalt")


def test_cli_employer_json(run_cli, team: dict[str, int]) -> None:
    data = run_cli("employer", "Testbolaget AB", "--on", ON.isoformat(), "--json").json()
    assert data["summary"]["cases"] == 6
    assert data["cases"][1]["next_milestone"] == {
        "key": "day_90", "label": "Dag 90: prövning mot annat arbete hos arbetsgivaren",
        "date": (ON + timedelta(days=5)).isoformat(), "days_left": 5,
    }  # fmt: skip
    missing = run_cli("employer", "Ingen Sådan", "--on", ON.isoformat())
    assert missing.exit_code == 2
    assert missing.stderr.count("\n") == 1
