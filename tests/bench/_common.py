"""What the benchmark scripts share: the demo day, the cached demo databases, timing and the
printed line. Benchmarks run on demand (``python tests/bench/bench_*.py``), never in the suite."""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

ON = date(2026, 11, 23)  # the demo stock's day: a Monday
WORKDIR = Path(tempfile.gettempdir()) / "overblick-bench"  # cached demo databases


def ensure_demo(path: Path, caseworkers: int = 500, cases: int = 200) -> None:
    """Build the demo database at ``path`` once (seed 7, on ``ON``); kept between runs."""
    if path.exists():
        return
    from app.demo.generator import build_demo
    from db import open_db

    started = time.perf_counter()
    conn = open_db(path)
    build_demo(conn, caseworkers=caseworkers, cases_per_caseworker=cases, seed=7, today=ON)
    conn.close()
    print(f"built {path.name}: {caseworkers} x {cases} in {time.perf_counter() - started:.1f} s")


def ms(fn: Callable[[], object]) -> tuple[float, object]:
    """One timed run: milliseconds and the result."""
    started = time.perf_counter()
    result = fn()
    return (time.perf_counter() - started) * 1000, result


def timings_ms(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median and best of ``repeat`` runs after one warm-up run (page cache, imports): the
    machine may be shared, so medians, not single runs."""
    fn()
    times = [ms(fn)[0] for _ in range(repeat)]
    return statistics.median(times), min(times)


def report(label: str, value: float | tuple[float, float], target: float | None = None) -> None:
    """Print one line: the time (median, and the best run when given a pair) and the verdict
    against ``target`` (milliseconds) when there is one."""
    median, best = value if isinstance(value, tuple) else (value, None)
    line = f"{label:60} {median:8.1f} ms"
    if best is not None:
        line += f" (best {best:7.1f})"
    if target is not None:
        line += f"   target {target:g} ms: {'ok' if median <= target else 'OVER TARGET'}"
    print(line)
