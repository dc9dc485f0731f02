"""Window start-up and memory (issue 3), measured and printed; run on demand.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/bench_window.py [--workdir DIR]

Uses the demo databases that tests/bench/bench_engine.py builds (10,000 cases for one
caseworker; 100,000 cases for 500). Prints `overblick --exit-when-ready` as reported by the
window ("ready in N ms"), the whole-process wall time, and the peak resident memory.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from _common import WORKDIR, ensure_demo


def start_window(db: Path, runs: int = 5) -> tuple[float, float, float]:
    exe = Path(sys.executable).with_name("overblick")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    ready, wall = [], []
    for _ in range(runs):
        started = time.perf_counter()
        out = subprocess.run(
            [str(exe), "--db", str(db), "--exit-when-ready"],
            check=True,
            capture_output=True,
            text=True,
            env=env,
        ).stdout
        wall.append((time.perf_counter() - started) * 1000)
        ready.append(float(out.split("ready in ")[1].split()[0]))
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return statistics.median(ready), statistics.median(wall), peak_mb


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", type=Path, default=WORKDIR)
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    for name, caseworkers, cases, target in (
        ("demo-1x10000.db", 1, 10_000, 1500),
        ("demo-500x200.db", 500, 200, 3000),
    ):
        pristine = args.workdir / name
        ensure_demo(pristine, caseworkers, cases)
        # The window writes (standard follow-ups, backups): measure on a copy, so the engine
        # benchmark keeps its own data.
        db = args.workdir / f"window-{name}"
        shutil.copyfile(pristine, db)
        ready, wall, peak = start_window(db)
        print(
            f"{name:18} ready {ready:7.0f} ms   whole process {wall:7.0f} ms "
            f"(target {target} ms)   peak RSS so far {peak:5.0f} MB (target 400 MB)"
        )


if __name__ == "__main__":
    main()
