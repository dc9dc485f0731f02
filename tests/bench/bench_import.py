"""Import speed targets (issue 5), measured and printed; run on demand, never in the suite.

    .venv/bin/python tests/bench/bench_import.py [--rows N] [--workdir DIR]

Generates, in a temporary folder, a CSV of N cases (default 100,000) with their sick
periods (Swedish headers, ';', UTF-8 with BOM) and a JSON Lines file of N impulses on
those cases, then times, each in a fresh process-wide state but the same database:

- importing the cases CSV into an empty database (target 10 s),
- importing the impulses JSON Lines (target 5 s),
- importing the same cases CSV again, no changes (target 5 s),

and prints the peak Python memory (tracemalloc) of each import next to the file size,
to show that memory stays flat as files grow.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import tempfile
import time
import tracemalloc
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from app.base.clock import FixedClock  # noqa: E402
from app.exchange.importer import import_file  # noqa: E402
from app.safety.pin import make_pin  # noqa: E402
from db import open_db  # noqa: E402

TODAY = date(2026, 11, 23)
CASE_HEADER = ["Ärende", "Namn", "Personnummer", "Anställning", "Arbetsgivare", "Diagnosgrupp",
               "Flöde", "Enhet", "Omfattning", "Status", "Öppnat", "Handläggare",
               "Beslut väntar", "Samordning behövs", "Sjukperiod från",
               "Sjukperiod till"]  # fmt: skip
IMPULSE_TYPES = ["rehab_need", "coordinator_contact", "cert_rehab_need",
                 "cert_coordination_need", "workplace_problem", "inconsistent_info",
                 "other_work_help", "other"]  # fmt: skip


def write_cases(path: Path, rows: int, seed: int = 5, prefix: str = "SP") -> None:
    rnd = random.Random(seed)
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        out = csv.writer(fh, delimiter=";", lineterminator="\r\n")
        out.writerow(CASE_HEADER)
        for n in range(rows):
            born = date(1960, 1, 1) + timedelta(days=rnd.randrange(14000))
            start = TODAY - timedelta(days=rnd.randrange(1, 700))
            pin = make_pin(born, rnd.randrange(980, 999), n % 2 == 0)
            out.writerow([
                f"{prefix}-{n:07d}", f"Person {n}", pin,
                rnd.choice(("anställd", "arbetslös", "egenföretagare")), "Testbolaget AB",
                rnd.choice(("F", "M", "övrig")), rnd.choice(("K2", "K3")), "Fördjupad utredning",
                rnd.choice((25, 50, 75, 100)), "öppen", start.isoformat(), f"hl{n % 50:02d}",
                rnd.choice(("ja", "nej")), rnd.choice(("ja", "nej")), start.isoformat(), "",
            ])  # fmt: skip


def write_impulses(path: Path, rows: int, seed: int = 6) -> None:
    rnd = random.Random(seed)
    with path.open("w", encoding="utf-8") as fh:
        for n in range(rows):
            received = datetime(2026, 11, 1, 8) + timedelta(minutes=rnd.randrange(30000))
            record = {
                "type": "impulse", "id": f"IMP-{n:07d}", "case": f"SP-{rnd.randrange(rows):07d}",
                "impulse_type": rnd.choice(IMPULSE_TYPES), "doc_kind": "certificate",
                "received_at": received.strftime("%Y-%m-%d %H:%M"),
                "text": "Nytt läkarintyg: förlängning 30 dagar",
            }  # fmt: skip
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")


def write_caseworkers(path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        fh.write("Signatur;Namn;Roll;Team\n")
        for n in range(50):
            fh.write(f"hl{n:02d};Handläggare {n};handläggare;Team Syd\n")


def timed(label: str, conn, path: Path, target: float, clock) -> None:
    started = time.perf_counter()
    result = import_file(conn, path, clock=clock, actor="bench")
    elapsed = time.perf_counter() - started
    verdict = "ok" if elapsed <= target else "OVER TARGET"
    size = path.stat().st_size / 1e6
    print(
        f"{label:44} {elapsed:6.2f} s (target {target:g} s: {verdict})  "
        f"file {size:5.1f} MB  [{result.summary_sv()}]"
    )


def peak_mb(conn, path: Path, clock) -> float:
    """Peak Python memory (tracemalloc) while importing ``path``."""
    tracemalloc.start()
    import_file(conn, path, clock=clock, actor="bench")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.workdir or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        cases, impulses, workers = work / "cases.csv", work / "impulses.jsonl", work / "hl.csv"
        started = time.perf_counter()
        write_caseworkers(workers)
        write_cases(cases, args.rows)
        write_impulses(impulses, args.rows)
        print(
            f"generated {args.rows:,} cases and impulses in {time.perf_counter() - started:.1f} s"
        )
        db = work / "bench.db"
        db.unlink(missing_ok=True)
        conn = open_db(db)
        clock = FixedClock(datetime(2026, 11, 23, 8, 0))
        import_file(conn, workers, clock=clock, actor="bench")
        timed(f"{args.rows:,} cases + sick periods (CSV)", conn, cases, 10, clock)
        timed(f"{args.rows:,} impulses (JSON Lines)", conn, impulses, 5, clock)
        timed(f"{args.rows:,} cases again, unchanged (CSV)", conn, cases, 5, clock)
        small = work / "cases-small.csv"
        write_cases(small, max(1, args.rows // 10), seed=9, prefix="SM")
        import_file(conn, small, clock=clock, actor="bench")
        small_mb, large_mb = peak_mb(conn, small, clock), peak_mb(conn, cases, clock)
        small_size, large_size = small.stat().st_size / 1e6, cases.stat().st_size / 1e6
        print(
            f"peak Python memory re-importing {small_size:.1f} MB: {small_mb:.1f} MB; "
            f"re-importing {large_size:.1f} MB: {large_mb:.1f} MB"
        )
        conn.close()


if __name__ == "__main__":
    main()
