"""Engine speed targets (issue 2), measured and printed; run on demand, never in the suite.

    .venv/bin/python tests/bench/bench_engine.py [--workdir DIR]

Builds (once, cached in DIR) a 100,000-case demo database (500 caseworkers x 200) and a
one-caseworker stock of 10,000 cases, then prints the median of repeated runs for:
today for one caseworker in-process, scoring and ranking all cases, and the whole
`overblick today --json` process on both databases.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from _common import ON, WORKDIR, ensure_demo, report, timings_ms

from app.priority.profile import resolve_caseworker, weights_for
from app.priority.score import rank
from app.stock.facts import load_facts
from app.stock.today import today_list
from db import open_db


def first_caseworker(path: Path) -> str:
    conn = open_db(path)
    row = conn.execute(
        "SELECT ext_id FROM caseworkers WHERE role = 'caseworker' ORDER BY ext_id LIMIT 1"
    ).fetchone()
    conn.close()
    return row[0]


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    return timings_ms(fn, repeat)[0]


def whole_process_ms(db: Path, caseworker: str, repeat: int = 7) -> float:
    exe = Path(sys.executable).with_name("overblick")
    cmd = [str(exe), "--db", str(db), "today", "--as", caseworker, "--on", ON.isoformat(), "--json"]

    def run() -> None:
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)

    return median_ms(run, repeat)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", type=Path, default=WORKDIR)
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    big = args.workdir / "demo-500x200.db"
    single = args.workdir / "demo-1x10000.db"
    ensure_demo(big, 500, 200)
    ensure_demo(single, 1, 10_000)

    conn = open_db(big)
    caseworker = resolve_caseworker(conn, first_caseworker(big))
    weights = weights_for(conn, caseworker)
    report(
        "today, one caseworker (200 cases), in-process",
        median_ms(lambda: today_list(conn, caseworker, ON, weights=weights), 20),
        50,
    )
    report(
        "load + score + rank all 100,000 cases, in-process",
        median_ms(lambda: rank(load_facts(conn, ON), ON, weights), 3),
        1000,
    )
    conn.close()
    report(
        "overblick today --json, whole process, 100,000-case db",
        whole_process_ms(big, first_caseworker(big)),
        1000,
    )
    report(
        "overblick today --json, whole process, 1 x 10,000 cases",
        whole_process_ms(single, first_caseworker(single)),
        250,
    )


if __name__ == "__main__":
    main()
