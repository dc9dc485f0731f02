"""Crash safety and a server that goes away: the next sync completes and each change lands
exactly once; a wrong password is one line, exit 2, the replica unchanged."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
import uuid
from datetime import date
from pathlib import Path

import psycopg
import pytest

from app.sync import join, local, sync
from db import open_db
from db.teamserver import server
from db.teamserver.errors import ServerUnreachableError
from tests.builders import StockBuilder
from tests.pg import PgDatabase
from tests.teamserver.team import CLOCK, Team, fill_stock, make_team

REPO = Path(__file__).resolve().parents[2]


def _server_counts(pg_db: PgDatabase) -> tuple[int, int]:
    with pg_db.connect() as conn:
        cases = conn.execute("SELECT count(*) FROM overblick.cases").fetchone()[0]
        rows = conn.execute("SELECT count(*) FROM overblick.case_rows").fetchone()[0]
    return cases, rows


def _local_counts(conn) -> tuple[int, int]:
    cases = conn.execute("SELECT count(*) FROM cases").fetchone()[0]
    rows = sum(
        conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("sick_periods", "impulses", "follow_ups", "events", "certificates", "contacts")
    )
    return cases, rows


def _each_change_once(pg_db: PgDatabase, login: str) -> None:
    with pg_db.connect() as conn:
        results = dict(conn.execute(
            "SELECT result, count(*) FROM overblick.applied_changes WHERE login_role = %s "
            "GROUP BY result", (login,)).fetchall())  # fmt: skip
    assert set(results) == {"applied"}, results  # no change applied as a conflict with itself


def _big_lead_team(pg_db: PgDatabase, folder: Path, cases_each: int) -> Team:
    """A joined team whose lead has since added 2 × cases_each cases (each with a sick
    period, an impulse and a follow-up) that wait in the outbox."""
    team = make_team(pg_db, folder, cases_each=1, join_all=False)
    lead = team.conn("L")
    stock = StockBuilder(lead)
    stock.caseworkers = {r[0]: r[1] for r in lead.execute("SELECT ext_id, id FROM caseworkers")}
    for who in "AB":
        for n in range(cases_each):
            case_id = stock.case(f"X{who}{n}-{pg_db.suffix}", start=date(2026, 9, 1),
                                 caseworker=team.sig(who))  # fmt: skip
            stock.impulse(case_id, date(2026, 11, 2))
            stock.follow_up(case_id, date(2026, 11, 20))
    return team


@pytest.mark.slow
def test_sigkill_during_sync_at_random_points_loses_and_doubles_nothing(pg_db, tmp_path) -> None:
    team = _big_lead_team(pg_db, tmp_path, cases_each=1000)  # ~6,000 changes, 12 batches
    team.close()
    path = team.path("L")
    rng = random.Random(13)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    kills = 0
    for _ in range(30):  # kill at any point: staging, pushing, marking, pulling, applying
        proc = subprocess.Popen(
            [sys.executable, "-m", "app", "--db", str(path), "sync", "--json"],
            cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        time.sleep(rng.uniform(0.1, 0.8))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait()
    assert kills >= 10
    conn = open_db(path)
    result = sync(conn, CLOCK)
    assert result.refused == 0
    assert local.outbox_counts(conn) == {"pending": 0, "refused": 0, "sent": 0}
    assert _server_counts(pg_db) == _local_counts(conn)
    conn.close()
    _each_change_once(pg_db, team.logins["L"])


def test_a_connection_broken_mid_push_loses_and_doubles_nothing(pg_db, tmp_path, monkeypatch):
    team = _big_lead_team(pg_db, tmp_path, cases_each=300)  # several batches of 500
    real_push = server.push
    calls = []

    def push_then_break(conn, changes):
        calls.append(len(changes))
        if len(calls) == 2:  # the first batch is in; now the connection dies
            with pg_db.connect() as admin:
                admin.execute("SELECT pg_terminate_backend(%s)", (conn.info.backend_pid,))
        return real_push(conn, changes)

    monkeypatch.setattr(server, "push", push_then_break)
    with pytest.raises(ServerUnreachableError, match="bröts"):
        team.sync("L")
    monkeypatch.setattr(server, "push", real_push)
    lead = team.conn("L")
    assert local.outbox_counts(lead)["pending"] > 0
    result = team.sync("L")
    assert result.refused == 0 and local.outbox_counts(lead)["pending"] == 0
    assert _server_counts(pg_db) == _local_counts(lead)
    _each_change_once(pg_db, team.logins["L"])
    team.close()


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.slow
def test_wrong_password_and_a_server_stopped_mid_push(scram_cluster, tmp_path, monkeypatch):
    cluster = scram_cluster
    dbname = f"ovbs_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(cluster.admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{dbname}"')
    admin = cluster.url("postgres", dbname, cluster.password)
    login = None
    try:
        server.init(admin)
        pg = PgDatabase(dbname, dbname[-8:], "127.0.0.1", str(cluster.port))
        team = Team(pg, tmp_path)
        login = server.add_user(admin, team.sig("L"), "Lena", "lead", password="rätt-lösen")
        monkeypatch.setenv("PGPASSWORD", "rätt-lösen")
        fill_stock(team.conn("L"), team, 200)
        conn = team.conn("L")
        real_push = server.push
        calls = []

        def push_then_stop(server_conn, changes):
            calls.append(1)
            if len(calls) == 2:
                cluster.stop("fast")  # the server goes away between two batches
            return real_push(server_conn, changes)

        monkeypatch.setattr(server, "push", push_then_stop)
        with pytest.raises(ServerUnreachableError):
            join(conn, cluster.url(login, dbname), CLOCK, push_local=True)
        monkeypatch.setattr(server, "push", real_push)
        cluster.start()
        team.close()
        path = team.path("L")
        # a wrong password: one line, exit 2, the replica unchanged
        before = _sha(path)
        env = {**os.environ, "PYTHONPATH": str(REPO), "PGPASSWORD": "fel-lösen"}
        wrong = subprocess.run(
            [sys.executable, "-m", "app", "--db", str(path), "sync"],
            cwd=REPO, env=env, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        assert wrong.returncode == 2 and "nekade inloggningen" in wrong.stderr
        assert len(wrong.stderr.strip().splitlines()) == 1 and "fel-lösen" not in wrong.stderr
        assert _sha(path) == before
        conn = open_db(path)
        result = sync(conn, CLOCK)
        assert result.refused == 0 and local.outbox_counts(conn)["pending"] == 0
        with psycopg.connect(admin, autocommit=True) as server_conn:
            on_server = server_conn.execute("SELECT count(*) FROM overblick.cases").fetchone()[0]
            once = server_conn.execute(
                "SELECT DISTINCT result FROM overblick.applied_changes").fetchall()  # fmt: skip
        assert on_server == conn.execute("SELECT count(*) FROM cases").fetchone()[0] == 400
        assert once == [("applied",)]
        conn.close()
    finally:
        with psycopg.connect(cluster.admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')
            for role in conn.execute(
                "SELECT rolname FROM pg_roles WHERE rolname LIKE %s", (f"%{dbname[-8:]}%",)
            ).fetchall():
                conn.execute(f'DROP ROLE "{role[0]}"')
