"""Team server sync speed, measured and printed; run on demand, never in the suite.

    .venv/bin/python tests/bench/bench_sync.py [--workdir DIR] [--replicas N] [--keep]

Needs the PostgreSQL server at 127.0.0.1:5432 (trust, superuser postgres; or
OVERBLICK_BENCH_PG). Builds (once per run) a team server from the 100,000-case demo
database (500 caseworkers x 200 cases, cached in DIR): the demo database joins as the
schema's owner with --push-local semantics, through the same push function every replica
uses. Then it measures, against the targets of docs/team-server.md:

- a caseworker's first join (200 cases) from the 100,000-case server: target 2 s;
- a sync with 100 local and 100 remote changes: target 300 ms (median of 5);
- a lead's first join of a 2,400-case team (12 x 200, its own server database): 5 s;
- N replicas (default 50) syncing at once against one server: no error, p50/p95/max.

The databases and login roles it makes are dropped at the end (unless --keep).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import shutil
import statistics
import time
import uuid
from pathlib import Path

from _common import WORKDIR, ensure_demo, ms, report

from app.base.clock import SystemClock
from app.sync import join, local, sync
from app.sync.hlc import Hlc, now_ms
from app.sync.push import push
from db import open_db, transaction
from db.teamserver import server

ADMIN = os.environ.get("OVERBLICK_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
CLOCK = SystemClock()


def _url(dbname: str, role: str = "postgres") -> str:
    return ADMIN.rsplit("/", 1)[0].replace("postgres@", f"{role}@", 1) + f"/{dbname}"


def _admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(ADMIN, autocommit=True) as conn:
        conn.execute(sql)


def build_server(dbname: str, demo: Path, workdir: Path, caseworkers: list[str]) -> None:
    """A team server holding the demo stock, pushed by the schema's owner in batches."""
    _admin(f'CREATE DATABASE "{dbname}"')
    url = _url(dbname)
    server.init(url, "Teambänk")
    server.add_user(url, "lead01", "Gruppchef", "lead")
    for signature in caseworkers:
        server.add_user(url, signature, f"Handläggare {signature}", "caseworker")
    source = workdir / f"{dbname}-source.db"
    shutil.copy(demo, source)
    conn = open_db(source)
    started = time.perf_counter()
    with transaction(conn):
        local.install(conn)
        local.new_state(conn, server.safe_url(url), "postgres", "lead01", "lead", "bench")
        changes = local.enqueue_existing(conn, people=True)
    staged = time.perf_counter()
    with server.connect(url) as server_conn:
        st = local.state(conn)
        result = push(conn, server_conn, st.node, st.hlc)
    done = time.perf_counter()
    conn.close()
    source.unlink()
    print(f"built {dbname}: {changes} changes from {demo.name}: gids and outbox "
          f"{staged - started:.1f} s, push {done - staged:.1f} s "
          f"({changes / (done - staged):.0f} changes/s, {result.refused} refused)")  # fmt: skip


def first_join(workdir: Path, dbname: str, login: str) -> tuple[float, object, Path]:
    path = workdir / f"replica-{login}-{uuid.uuid4().hex[:6]}.db"
    conn = open_db(path)
    elapsed, (result, _sig) = ms(lambda: join(conn, _url(dbname, login), CLOCK))
    conn.close()
    return elapsed, result, path


def remote_changes(dbname: str, case_gids: list[str], stamp: str) -> None:
    """100 changes made elsewhere (by the lead) to cases the caseworker holds."""
    changes = [
        {"id": uuid.uuid4().hex, "t": "cases", "gid": gid, "op": "upsert", "hlc": stamp,
         "data": {"awaiting_actor": f"läkare {stamp[-6:]}"}}
        for gid in case_gids
    ]  # fmt: skip
    with server.connect(_url(dbname, "lead01")) as conn:
        server.push(conn, changes)


def local_changes(conn, n: int, tag: str) -> None:
    """n edits on this desk: the last n cases get a new "waiting for" text."""
    ids = [r[0] for r in conn.execute("SELECT id FROM cases ORDER BY id DESC LIMIT ?", (n,))]
    with transaction(conn):
        for i in ids:
            conn.execute("UPDATE cases SET awaiting_until = ? WHERE id = ?", (tag, i))


def sync_100_100(dbname: str, path: Path, repeat: int = 5) -> list[float]:
    conn = open_db(path)
    gids = [r[0] for r in conn.execute("SELECT gid FROM cases ORDER BY id LIMIT 100")]
    times = []
    for n in range(repeat + 1):
        local_changes(conn, 100, f"2026-12-{n + 1:02d}")
        remote_changes(dbname, gids, str(Hlc(now_ms(), 0, "remote")))
        elapsed, result = ms(lambda: sync(conn, CLOCK))
        assert result.pushed == 100 and result.pulled >= 100, result
        if n:  # the first is the warm-up
            times.append(elapsed)
    conn.close()
    return times


def _one_sync(path: str, barrier, queue) -> None:
    conn = open_db(path)
    local_changes(conn, 5, "2026-12-24")
    barrier.wait()
    started = time.perf_counter()
    try:
        sync(conn, CLOCK)
        queue.put(((time.perf_counter() - started) * 1000, None))
    except Exception as exc:  # reported, not raised: the benchmark counts errors
        queue.put(((time.perf_counter() - started) * 1000, repr(exc)))
    finally:
        conn.close()


def many_at_once(paths: list[Path]) -> tuple[list[float], list[str]]:
    ctx = multiprocessing.get_context("fork")
    barrier = ctx.Barrier(len(paths))
    queue = ctx.Queue()
    procs = [ctx.Process(target=_one_sync, args=(str(p), barrier, queue)) for p in paths]
    for p in procs:
        p.start()
    results = [queue.get(timeout=300) for _ in procs]
    for p in procs:
        p.join()
    return [r[0] for r in results], [r[1] for r in results if r[1]]


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workdir", type=Path, default=WORKDIR)
    parser.add_argument("--replicas", type=int, default=50)
    parser.add_argument("--keep", action="store_true", help="keep the server databases")
    parser.add_argument("--reuse", metavar="DBNAME", default=None,
                        help="a kept 100,000-case server database (from --keep)")  # fmt: skip
    args = parser.parse_args()
    workdir = args.workdir
    workdir.mkdir(parents=True, exist_ok=True)
    big_demo, team_demo = workdir / "demo-500x200.db", workdir / "demo-12x200.db"
    ensure_demo(big_demo)
    ensure_demo(team_demo, caseworkers=12, cases=200)
    width = max(2, len(str(500)))
    caseworkers = [f"hl{n:0{width}d}" for n in range(1, args.replicas + 1)]
    big = args.reuse or f"overblick_bench_{uuid.uuid4().hex[:6]}"
    team = f"overblick_bench_{uuid.uuid4().hex[:6]}"
    replicas: list[Path] = []
    try:
        if args.reuse is None:
            build_server(big, big_demo, workdir, caseworkers)
        else:
            for signature in caseworkers:
                server.add_user(_url(big), signature, f"Handläggare {signature}", "caseworker")
        elapsed, result, path = first_join(workdir, big, caseworkers[0])
        replicas.append(path)
        report(f"caseworker's first join, {result.pulled} rows (200 cases of 100,000)",
               elapsed, 2000)  # fmt: skip
        times = sync_100_100(big, path)
        report("sync: 100 local + 100 remote changes", (statistics.median(times), min(times)), 300)
        build_server(team, team_demo, workdir, [])
        elapsed, result, lead_path = first_join(workdir, team, "lead01")
        replicas.append(lead_path)
        report(f"lead's first join of a 2,400-case team, {result.pulled} rows", elapsed, 5000)
        joined = time.perf_counter()
        for signature in caseworkers[1:]:
            replicas.append(first_join(workdir, big, signature)[2])
        print(
            f"joined {len(caseworkers) - 1} more replicas in {time.perf_counter() - joined:.1f} s"
        )
        fleet = [p for p in replicas if p != lead_path]
        durations, errors = many_at_once(fleet)
        print(f"{len(fleet)} replicas syncing at once: {len(errors)} errors; "
              f"p50 {statistics.median(durations):.0f} ms, p95 {p95(durations):.0f} ms, "
              f"max {max(durations):.0f} ms")  # fmt: skip
        for error in errors[:5]:
            print("  error:", error)
    finally:
        for path in replicas:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        if args.keep:
            print(f"kept {big} (use --reuse {big}) and {team}")
        else:
            for name in (big, team):
                _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            for role in ["lead01", *caseworkers]:
                _admin(f'DROP ROLE IF EXISTS "{role}"')
            for name in (big, team):
                for group in server.group_names(name):
                    _admin(f'DROP ROLE IF EXISTS "{group}"')


if __name__ == "__main__":
    main()
