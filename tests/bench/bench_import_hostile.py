"""Hostile import files (issue 11): time and peak memory of `overblick import` on each.

    .venv/bin/python tests/bench/bench_import_hostile.py [--workdir DIR] [--only NAME] [--root DIR]

Builds the files once in the work folder (a 400 MB sheet takes a few seconds to deflate),
then imports each into a fresh database in a child process and prints its exit code,
wall time, peak resident memory (the child's ru_maxrss) and the first line it printed.
Targets (not asserted): every hostile workbook answers within 3 s and under 200 MB.
Run on demand, never in the suite.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests import hostile  # noqa: E402

CASES: dict[str, tuple[str, Callable[[Path], Path]]] = {
    "long-header": ("lang-rubrik.csv", lambda p: hostile.long_header_csv(p, kib=200)),
    "big-cell": ("stor-cell.csv", lambda p: hostile.oversized_cell_csv(p, kib=130)),
    "nul": ("nul.csv", hostile.nul_after_head_csv),
    "dimension": ("dimension.xlsx", lambda p: hostile.huge_dimension_workbook(p, rows=3)),
    "dimension-far": (
        "dimension-sista.xlsx",
        lambda p: hostile.huge_dimension_workbook(p, 3, last=True),
    ),
    "empty-rows": ("tomma-rader.xlsx", lambda p: hostile.empty_rows_workbook(p, 100_000)),
    "inflate": ("uppblast.xlsx", lambda p: hostile.inflating_workbook(p, 400, shape="blocks")),
    "inflate-wide": (
        "uppblast-bred.xlsx",
        lambda p: hostile.inflating_workbook(p, 400, shape="wide"),
    ),
    "strings": ("texter.xlsx", lambda p: hostile.many_strings_workbook(p, 3_000_000)),
    "strings-count": ("texter-antal.xlsx", lambda p: hostile.many_strings_workbook(p, 2_500_000)),
    # Within every limit: slower, but memory stays flat.
    "under-limit": (
        "under-gransen.xlsx",
        lambda p: hostile.inflating_workbook(p, 125, shape="blocks"),
    ),
}
TIME_LIMIT_S = 3.0
MEMORY_LIMIT_MB = 200.0
CHILD = (
    "import sys; from app.cli.main import main; "
    "sys.exit(main(['--db', sys.argv[1], 'import', sys.argv[2]]))"
)


def measure(
    path: Path, workdir: Path, timeout: float, root: Path = ROOT
) -> tuple[int | None, float, float, str]:
    """(exit code or None when killed, seconds, peak RSS in MB, first line printed)."""
    db = workdir / f"{path.stem}.db"
    for leftover in workdir.glob(f"{path.stem}.db*"):
        leftover.unlink()
    for report in workdir.glob(f"{path.stem}.avvisade*.csv"):
        report.unlink()
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db), str(path)],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    deadline = started + timeout
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            child.kill()
            pid, status, usage = os.wait4(child.pid, 0)
            break
        time.sleep(0.02)
    seconds = time.perf_counter() - started
    output = child.stdout.read().decode("utf-8", "replace") if child.stdout else ""
    child.returncode = os.waitstatus_to_exitcode(status)
    code = None if os.WIFSIGNALED(status) else child.returncode
    first = next((line for line in output.splitlines() if line.strip()), "")
    return code, seconds, usage.ru_maxrss / 1024, first[:110]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "ob-hostile")
    parser.add_argument("--only", choices=sorted(CASES), action="append")
    parser.add_argument("--timeout", type=float, default=180.0)
    parser.add_argument(
        "--root", type=Path, default=ROOT, help="the source tree to import with (e.g. an older one)"
    )
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    for key in args.only or CASES:
        name, build = CASES[key]
        path = args.workdir / name
        if not path.exists():
            build(path)
        code, seconds, peak, first = measure(path, args.workdir, args.timeout, args.root)
        slow = seconds > TIME_LIMIT_S or peak > MEMORY_LIMIT_MB
        verdict = "OVER TARGET" if slow and name.endswith(".xlsx") else "ok"
        shown = "killed" if code is None else str(code)
        print(
            f"{key:13} {path.stat().st_size / 1000:9.0f} kB  exit {shown:6} {seconds:6.2f} s "
            f"{peak:7.0f} MB  {verdict:11} {first}"
        )


if __name__ == "__main__":
    main()
