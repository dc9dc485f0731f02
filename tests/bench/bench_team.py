"""Team view speed targets, measured and printed; run on demand, never in the suite.

    .venv/bin/python tests/bench/bench_team.py [--workdir DIR] [--repeat N]

Uses (building it once if missing) the 100,000-case demo database of 500 caseworkers x 200
cases in DIR (default /tmp/overblick-bench/demo-500x200.db) and prints the median of
repeated runs for: the team table (target 1 s) and everything the Team tab shows (table,
phase chart, 8-week milestone forecast, 30-day impulse inflow; the engine's share of the
2 s target), each as a lead meets it:

- *next day*: the stored case digests from the day before are read and the ~3 % whose
  figures may have changed overnight are worked out again (each run is one day later);
- *same day again*: every digest is stored and holds;
- *first run*: nothing stored (a new database, or the chain rules changed) - every case is
  worked out and its digest stored; once per database and rule change.

For reference: ``load_facts`` over all cases, the engine benchmark's load + score + rank
(to compare machines), the balancing proposal and the PDF and XLSX reports.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from _common import ON, WORKDIR, ensure_demo, report, timings_ms

from app.chain.rules import standard_weights
from app.priority.score import rank
from app.stock.facts import load_facts
from app.team.charts import team_view
from app.team.reassign import propose_balance
from app.team.report import write_team_report
from app.team.table import team_table
from db import open_db
from db.queries import delete_setting


def window_lines(path: Path, repeat: int) -> None:
    """The Team tab itself (offscreen): from refresh() to loaded, that is the engine on the
    database thread, then the table model and the three charts filled on the GUI thread."""
    import os
    from datetime import datetime

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from app.base.clock import STOCKHOLM, FixedClock
    from app.demo.assumptions import LEAD_EXT_ID
    from app.priority.profile import resolve_caseworker
    from ui.context import AppContext
    from ui.views.team import TeamView

    app = QApplication.instance() or QApplication([])
    conn = open_db(path)
    lead = resolve_caseworker(conn, LEAD_EXT_ID)
    conn.close()
    ctx = AppContext(path, lead, FixedClock(datetime(2026, 11, 23, 9, tzinfo=STOCKHOLM)))
    view = TeamView(ctx)
    view.resize(1300, 700)
    view.show()
    day = [ON + timedelta(days=5000)]

    def loaded_after(next_day: bool) -> None:
        if next_day:
            day[0] += timedelta(days=1)
        ctx.clock = FixedClock(datetime.combine(day[0], datetime.min.time().replace(hour=9),
                                                tzinfo=STOCKHOLM))  # fmt: skip
        loop = QEventLoop()  # waits as the window does, without spinning
        view.loaded.connect(loop.quit)
        view.refresh()
        loop.exec()
        view.loaded.disconnect(loop.quit)

    day[0] = ON + timedelta(days=200)  # past the engine lines' days: digests of its own
    report("Team tab in the window, next day: refresh to loaded",
           timings_ms(lambda: loaded_after(True), repeat), 2000)  # fmt: skip
    report("Team tab in the window, same day again",
           timings_ms(lambda: loaded_after(False), repeat), 2000)  # fmt: skip
    view.close()
    view.deleteLater()
    app.processEvents()
    ctx.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", type=Path, default=WORKDIR)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    path = args.workdir / "demo-500x200.db"
    ensure_demo(path)
    conn = open_db(path)
    cases = conn.execute("SELECT count(*) FROM cases WHERE status = 'open'").fetchone()[0]
    people = conn.execute("SELECT count(*) FROM caseworkers WHERE role != 'lead'").fetchone()[0]
    print(f"{cases} open cases, {people} caseworkers, on {ON.isoformat()}")
    repeat = args.repeat
    report("load_facts, all cases (reference: the floor)", timings_ms(
        lambda: load_facts(conn, ON), repeat))  # fmt: skip
    weights = standard_weights()
    report("load + score + rank (bench_engine's line, target 1 s there)", timings_ms(
        lambda: rank(load_facts(conn, ON), ON, weights), 3))  # fmt: skip
    days = iter(range(1, 10_000))

    def next_day(fn: Callable[..., object]) -> Callable[[], object]:
        return lambda: fn(conn, ON + timedelta(days=next(days)))

    def first_run() -> None:
        delete_setting(conn, "team_digest.rules")  # as after a change of the chain rules
        team_table(conn, ON)

    report("team_table, next day (~3 % redone)", timings_ms(next_day(team_table), repeat), 1000)
    report("team_table, same day again", timings_ms(lambda: team_table(conn, ON), repeat), 1000)
    report("team_view: table + charts, next day", timings_ms(next_day(team_view), repeat), 2000)
    report("team_view: table + charts, same day again",
           timings_ms(lambda: team_view(conn, ON), repeat), 2000)  # fmt: skip
    report("team_table, first run (every digest worked out, stored)", timings_ms(first_run, 3))
    window_lines(path, repeat)
    report("propose_balance, 4 weeks", timings_ms(lambda: propose_balance(conn, ON), 3))
    out = args.workdir / "team-report"
    report("report team --pdf (one page)", timings_ms(
        lambda: write_team_report(conn, ON, out.with_suffix(".pdf")), 3))  # fmt: skip
    report("report team --xlsx", timings_ms(
        lambda: write_team_report(conn, ON, out.with_suffix(".xlsx")), 3))  # fmt: skip
    conn.close()


if __name__ == "__main__":
    main()
