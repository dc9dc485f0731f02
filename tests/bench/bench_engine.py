"""Engine speed targets (issue 2), measured and printed; run on demand, never in the suite.

    .venv/bin/python tests/bench/bench_engine.py [--workdir DIR]

Builds (once, cached in DIR) a 100,000-case demo database (500 caseworkers x 200) and a
one-caseworker stock of 10,000 cases, then prints the median of repeated runs for:
today for one caseworker in-process, scoring and ranking all cases, and the whole
`overblick today --json` process on both databases.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from app.demo import build_demo  # noqa: E402

from app.priority import rank  # noqa: E402
from app.profile import resolve_caseworker, weights_for  # noqa: E402
from app.stock import load_facts, today_list  # noqa: E402
from db import open_db  # noqa: E402

ON = date(2026, 11, 23)


def ensure_demo(path: Path, caseworkers: int, cases: int) -> None:
    if path.exists():
        return
    started = time.perf_counter()
    conn = open_db(path)
    build_demo(conn, caseworkers=caseworkers, cases_per_caseworker=cases, seed=7, today=ON)
    conn.close()
    print(f"built {path.name}: {caseworkers} x {cases} in {time.perf_counter() - started:.1f} s")


def first_caseworker(path: Path) -> str:
    conn = open_db(path)
    row = conn.execute(
        "SELECT ext_id FROM caseworkers WHERE role = 'caseworker' ORDER BY ext_id LIMIT 1"
    ).fetchone()
    conn.close()
    return row[0]


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    fn()  # warm the page cache and module imports
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def whole_process_ms(db: Path, caseworker: str, repeat: int = 7) -> float:
    exe = Path(sys.executable).with_name("overblick")
    cmd = [str(exe), "--db", str(db), "today", "--as", caseworker, "--on", ON.isoformat(), "--json"]

    def run() -> None:
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)

    return median_ms(run, repeat)


def report(label: str, value: float, target: float) -> None:
    verdict = "ok" if value <= target else "OVER TARGET"
    print(f"{label:58} {value:8.1f} ms   (target {target:g} ms: {verdict})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--workdir", type=Path, default=Path(tempfile.gettempdir()) / "overblick-bench"
    )
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
