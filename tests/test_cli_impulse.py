"""``overblick impulse list|outcome``: the Impulser view's list and its outcome rules (one
transaction, one event per impulse, all or none; "not relevant" needs a note)."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta

import pytest

from tests.builders import StockBuilder

ON = date(2026, 11, 23)
NOW = ("--now", "2026-11-23 10:00")


@pytest.fixture
def impulses(stock: StockBuilder) -> dict[str, int]:
    stock.caseworker("hl01", "Anna Andersson")
    a = stock.case("SP-1", start=ON - timedelta(days=40))
    b = stock.case("SP-2", start=ON - timedelta(days=40))
    theirs = stock.case("SP-9", start=ON - timedelta(days=40), caseworker="hl02")
    return {
        "a1": stock.impulse(a, ON - timedelta(days=3), "cert_rehab_need"),
        "a2": stock.impulse(a, ON - timedelta(days=1), "workplace_problem", read=True),
        "b1": stock.impulse(b, ON - timedelta(days=5), "other"),
        "done": stock.impulse(b, ON - timedelta(days=9), "other", outcome="acted"),
        "theirs": stock.impulse(theirs, ON, "other"),
    }


def events(conn: sqlite3.Connection) -> list[dict]:
    return [
        json.loads(r[0])
        for r in conn.execute("SELECT detail FROM events WHERE kind = 'impulse.outcome'")
    ]


def outcomes(conn: sqlite3.Connection) -> dict[int, str | None]:
    return dict(conn.execute("SELECT id, outcome FROM impulses").fetchall())


def test_list_shows_the_open_impulses_with_the_ids_outcome_takes(run_cli, impulses):
    result = run_cli(*NOW, "impulse", "list", "--as", "hl01", "--json")
    assert result.exit_code == 0, result.stderr
    data = result.json()
    assert [i["id"] for i in data["impulses"]] == [impulses["a2"], impulses["a1"], impulses["b1"]]
    first = data["impulses"][0]
    assert first["case_id"] == "SP-1" and first["type"] == "workplace_problem"
    assert first["type_label"] == "problem på arbetsplatsen" and first["unread"] is False
    assert first["age_days"] == 1 and first["received_on"] == "2026-11-22"
    text = run_cli(*NOW, "impulse", "list", "--as", "hl01")
    lines = text.stdout.splitlines()
    assert lines[0] == "3 obehandlade impulser i 2 ärenden för hl01."
    assert lines[1].startswith(f"#{impulses['a2']} ")
    one = run_cli(*NOW, "impulse", "list", "--as", "hl01", "--case", "SP-2")
    assert one.stdout.splitlines()[0] == "1 obehandlad impuls för hl01 i SP-2."


def test_list_of_another_caseworkers_case_says_whose_it_is(run_cli, impulses):
    result = run_cli(*NOW, "impulse", "list", "--as", "hl01", "--case", "SP-9")
    assert result.exit_code == 2
    assert "hl02" in result.stderr and result.stderr.count("\n") == 1
    unknown = run_cli(*NOW, "impulse", "list", "--as", "hl01", "--case", "SP-404")
    assert unknown.exit_code == 2


def test_outcome_for_several_ids_as_listed_writes_one_event_each(run_cli, impulses, conn):
    result = run_cli(
        *NOW, "impulse", "outcome", f"#{impulses['a1']}", str(impulses["b1"]), "--acted",
        "--note", "Ringde", "--as", "hl01",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "Utfall registrerat för 2 impulser: Åtgärdad.\n"
    assert outcomes(conn)[impulses["a1"]] == outcomes(conn)[impulses["b1"]] == "acted"
    assert [(e["outcome"], e["note"]) for e in events(conn)] == [("acted", "Ringde")] * 2


def test_other_actor_keeps_who_handles_it_in_the_note(run_cli, impulses, conn):
    result = run_cli(
        *NOW, "impulse", "outcome", str(impulses["a2"]), "--other-actor", "vården",
        "--note", "remiss skickad", "--as", "hl01", "--json",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.json() == {
        "outcome": "other_actor", "outcome_label": "Hanteras av annan aktör",
        "note": "vården: remiss skickad", "impulses": [impulses["a2"]], "recorded": 1,
    }  # fmt: skip
    row = conn.execute(
        "SELECT outcome_note FROM impulses WHERE id = ?", (impulses["a2"],)
    ).fetchone()
    assert row[0] == "vården: remiss skickad"
    one = run_cli(*NOW, "impulse", "outcome", str(impulses["a1"]), "--acted", "--as", "hl01")
    assert one.stdout == "Utfall registrerat för 1 impuls: Åtgärdad.\n"


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (("--not-relevant",), "Skriv varför impulsen inte är relevant."),
        (("--not-relevant", "--note", "  "), "Skriv varför impulsen inte är relevant."),
        ((), "Välj precis ett utfall"),
        (("--acted", "--not-relevant", "--note", "x"), "Välj precis ett utfall"),
        (("--other-actor", " "), "Skriv vilken aktör"),
    ],
)
def test_outcome_rules_refuse_with_one_line_and_write_nothing(
    run_cli, impulses, conn, flags: tuple[str, ...], message: str
):
    before = outcomes(conn)
    result = run_cli(*NOW, "impulse", "outcome", str(impulses["a1"]), *flags, "--as", "hl01")
    assert result.exit_code == 2
    assert message in result.stderr and result.stderr.count("\n") == 1
    assert outcomes(conn) == before and events(conn) == []


@pytest.mark.parametrize(("bad", "message"), [("999", "#999"), ("done", "redan")])
def test_one_unknown_or_handled_id_writes_none_of_the_selection(
    run_cli, impulses, conn, bad: str, message: str
):
    before = outcomes(conn)
    wrong = impulses.get(bad, bad)
    result = run_cli(
        *NOW, "impulse", "outcome", str(impulses["a1"]), str(wrong), "--acted", "--as", "hl01"
    )
    assert result.exit_code == 2
    assert message in result.stderr and result.stderr.count("\n") == 1
    assert outcomes(conn) == before and events(conn) == []


def test_a_malformed_id_is_a_usage_error(run_cli, impulses, conn):
    result = run_cli(*NOW, "impulse", "outcome", "#x1", "--acted", "--as", "hl01")
    assert result.exit_code == 2 and "#85" in result.stderr
    assert events(conn) == []
