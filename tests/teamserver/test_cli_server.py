"""The command line of the team server: server init/add-user, join, sync, sync status."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from db import open_db
from tests.builders import StockBuilder
from tests.conftest import CliResult
from tests.teamserver.team import make_team


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):
    from app.cli.main import main

    def run(*args: str) -> CliResult:
        code = 0
        try:
            main(list(args))
        except SystemExit as exc:
            code = int(exc.code or 0)
        out, err = capsys.readouterr()
        return CliResult(code, out, err)

    return run


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_server_init_add_user_and_join_from_the_command_line(cli, pg_db, tmp_path) -> None:
    made = cli("server", "init", pg_db.admin_url, "--team", "Team Norr")
    assert made.exit_code == 0 and "Team Norr" in made.stdout and "uppsatt" in made.stdout
    again = cli("server", "init", pg_db.admin_url)
    assert again.exit_code == 0 and "inget ändrades" in again.stdout
    secret = tmp_path / "pw.txt"
    secret.write_text("hemligt-lösen\n", encoding="utf-8")
    signature = pg_db.signature("HK")
    added = cli("server", "add-user", pg_db.admin_url, signature, "--name", "Hanna",
                "--role", "caseworker", "--password-file", str(secret))  # fmt: skip
    assert added.exit_code == 0, added.stderr
    assert signature.lower() in added.stdout and "hemligt" not in added.stdout + added.stderr
    missing = cli("server", "add-user", pg_db.admin_url, signature, "--name", "H",
                  "--role", "lead", "--password-file", str(tmp_path / "nej.txt"))  # fmt: skip
    assert missing.exit_code == 2 and len(missing.stderr.strip().splitlines()) == 1
    local = tmp_path / "ny" / "hanna.db"  # join makes the local database
    with_password = pg_db.url(f"{signature.lower()}:hemligt-i-url")  # trust: accepted here
    joined = cli("--db", str(local), "join", with_password, "--json")
    assert joined.exit_code == 0, joined.stderr
    assert b"hemligt" not in local.read_bytes()  # the URL is kept without its password
    assert set(joined.json()) == {"pushed", "pulled", "refused", "conflicts", "cursor"}
    conn = open_db(local)
    assert conn.execute("SELECT ext_id FROM caseworkers").fetchall()[0][0] == signature
    conn.close()
    status = cli("--db", str(local), "sync", "status", "--json")
    assert status.exit_code == 0 and status.json()["signature"] == signature
    assert "hemligt" not in status.stdout and "password" not in status.json()["server"]


def test_init_refuses_a_foreign_database_with_one_line(cli, pg_db) -> None:
    with pg_db.connect() as conn:
        conn.execute("CREATE TABLE public.other (id int)")
    refused = cli("server", "init", pg_db.admin_url)
    assert refused.exit_code == 2 and len(refused.stderr.strip().splitlines()) == 1
    assert "innehåller redan annat" in refused.stderr


def test_join_refuses_a_local_stock_without_push_local(cli, pg_db, tmp_path) -> None:
    from db.teamserver import server

    server.init(pg_db.admin_url)
    login = server.add_user(pg_db.admin_url, pg_db.signature("hk"), "Hanna", "caseworker")
    local = tmp_path / "stock.db"
    conn = open_db(local)
    StockBuilder(conn).case("EGEN-1", start=date(2026, 9, 1), caseworker=pg_db.signature("hk"))
    conn.close()
    before = _sha(local)
    refused = cli("--db", str(local), "join", pg_db.url(login))
    assert refused.exit_code == 2 and "--push-local" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1 and _sha(local) == before
    pushed = cli("--db", str(local), "join", pg_db.url(login), "--push-local", "--json")
    assert pushed.exit_code == 0, pushed.stderr
    assert pushed.json()["pushed"] == 2  # the case and its sick period (people: a lead's)
    with pg_db.connect(login) as server_conn:
        refs = server_conn.execute("SELECT data->>'case_ref' FROM overblick.cases").fetchall()
    assert refs == [("EGEN-1",)]


def test_sync_json_exit_codes_and_status(cli, pg_db, tmp_path) -> None:
    team = make_team(pg_db, tmp_path, cases_each=1)
    a = team.conn("A")
    b_id = a.execute("SELECT id FROM caseworkers WHERE ext_id = ?", (team.sig("B"),)).fetchone()
    a.execute("UPDATE cases SET caseworker_id = ?", (b_id[0],))  # only a lead may
    a.execute("UPDATE impulses SET outcome = 'acted'")
    team.close()
    db = str(team.path("A"))
    first = cli("--db", db, "sync", "--json")
    assert first.exit_code == 1
    assert first.json() | {"cursor": 0} == {"pushed": 1, "pulled": first.json()["pulled"],
                                             "refused": 1, "conflicts": 0, "cursor": 0}  # fmt: skip
    status = cli("--db", db, "sync", "status")
    assert status.exit_code == 0 and "Nekade ändringar: 1" in status.stdout
    assert "gruppchefen" in status.stdout
    second = cli("--db", db, "sync", "--json")
    assert second.exit_code == 0 and second.json()["refused"] == 0
    text = cli("--db", db, "sync")
    assert text.exit_code == 0 and text.stdout.startswith("Skickade 0, hämtade")


def _run_in(lang: str, *args: str) -> subprocess.CompletedProcess[str]:
    """The command in a process of its own speaking ``lang`` (read once per process)."""
    env = {**os.environ, "OVERBLICK_LANG": lang}
    root = Path(__file__).resolve().parents[2]
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=root,
    )


def test_a_refused_change_is_reported_in_english_when_asked(pg_db, tmp_path) -> None:
    team = make_team(pg_db, tmp_path, cases_each=1)
    a = team.conn("A")
    b_id = a.execute("SELECT id FROM caseworkers WHERE ext_id = ?", (team.sig("B"),)).fetchone()
    a.execute("UPDATE cases SET caseworker_id = ?", (b_id[0],))  # only a lead may
    team.close()
    db = str(team.path("A"))
    synced = _run_in("en", "--db", db, "sync")
    assert synced.returncode == 1, synced.stderr
    assert synced.stdout.startswith("Sent 0, fetched ")
    assert synced.stderr.strip() == "The server refused 1 change; see 'overblick sync status'."
    status = _run_in("en", "--db", db, "sync", "status")
    assert status.returncode == 0, status.stderr
    assert "Refused changes: 1" in status.stdout and "(caseworker)" in status.stdout
    assert "only the team lead can move a case to another caseworker" in status.stdout
    for word in ("nekade", "gruppchef", "Skickade", "aldrig", "Inloggad"):
        assert word not in synced.stdout + synced.stderr + status.stdout, word


def test_a_database_that_never_joined_is_told_how(cli, tmp_path) -> None:
    local = tmp_path / "alone.db"
    conn = open_db(local)
    StockBuilder(conn).case("ENSAM-1", start=date(2026, 9, 1))
    conn.close()
    before = _sha(local)
    result = cli("--db", str(local), "sync")
    assert result.exit_code == 2 and "overblick join" in result.stderr
    assert cli("--db", str(local), "sync", "status").stdout.startswith("Inte ansluten")
    assert _sha(local) == before
    assert cli("--db", str(tmp_path / "none.db"), "sync").exit_code == 2
    assert not (tmp_path / "none.db").exists()


@pytest.mark.parametrize("breakage", ["unreachable", "newer_schema", "not_member"])
def test_a_server_that_cannot_be_used_is_one_line_exit_2_and_the_replica_unchanged(
    cli, pg_db, tmp_path, breakage
) -> None:
    team = make_team(pg_db, tmp_path, cases_each=1)
    team.conn("A").execute("UPDATE impulses SET outcome = 'acted'")  # waiting to be pushed
    team.close()
    if breakage == "unreachable":
        conn = open_db(team.path("A"))
        conn.execute("UPDATE sync_state SET server = 'postgresql://x@127.0.0.1:1/none'")
        conn.close()
    elif breakage == "newer_schema":
        with pg_db.connect() as conn:
            conn.execute("UPDATE overblick.schema_version SET version = version + 1")
    else:
        with pg_db.connect() as conn:
            conn.execute(f'REVOKE "ovb_{pg_db.name}_cw" FROM "{team.logins["A"]}"')
    before = _sha(team.path("A"))
    result = cli("--db", str(team.path("A")), "sync", "--json")
    assert result.exit_code == 2 and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert _sha(team.path("A")) == before
    conn = open_db(team.path("A"))  # and it keeps working
    assert conn.execute("SELECT count(*) FROM sync_outbox WHERE status = 'pending'").fetchone()[0]
    conn.close()
