"""Stock view speed over 100,000 cases, measured and printed; run on demand, never in the suite.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/bench_stock_view.py [--workdir DIR]

Reuses (or builds, about 20 s) DIR/demo-500x200.db, loads the table rows of ALL open
cases (a team lead's view) into StockModel with a QTableView attached, and prints: time
to set the rows, one search keystroke (search_case_ids + model filter, median over 10
terms), a strip-cell filter, sorting by score and by name, scrolling to the end through
the lazy chunks, the whole StockView refresh for a lead, and the resident memory.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _common import ON, WORKDIR, ensure_demo, ms, report
from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtWidgets import QApplication

from app.base.clock import STOCKHOLM, FixedClock
from app.demo.assumptions import LEAD_EXT_ID
from app.priority.profile import resolve_caseworker
from app.stock.overview import stock_rows
from app.stock.search import search_case_ids
from db import open_db
from ui.context import AppContext
from ui.models.stock_model import NAME, SCORE
from ui.views.stock import StockView

REPEAT = 5  # the machine may be shared: medians, not single runs
median = statistics.median


def rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux (bytes on macOS).
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", type=Path, default=WORKDIR)
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    db_path = args.workdir / "demo-500x200.db"
    ensure_demo(db_path)

    app = QApplication.instance() or QApplication([])
    print(f"resident memory at start (Qt loaded)                         {rss_mb():8.1f} MB")
    conn = open_db(db_path)
    lead = resolve_caseworker(conn, LEAD_EXT_ID)
    elapsed, rows = ms(lambda: stock_rows(conn, None, ON))
    report(f"engine: stock_rows for all {len(rows):,} cases (for reference)", elapsed)
    print(f"resident memory with the rows loaded                         {rss_mb():8.1f} MB")

    # The real view (a team lead's, so all cases), its model and its table as configured.
    clock = FixedClock(datetime(2026, 11, 23, 9, tzinfo=STOCKHOLM))
    ctx = AppContext(db_path, lead, clock)
    settings = QSettings(str(args.workdir / "bench-settings.ini"), QSettings.Format.IniFormat)
    settings.clear()
    view = StockView(ctx, settings=settings)
    view.resize(1000, 700)
    view.show()
    model, table = view.model, view.table
    app.processEvents()

    def settle(fn: Callable[[], object]) -> Callable[[], None]:
        def run() -> None:
            fn()
            app.processEvents()  # the view takes the reset and lays out what it shows

        return run

    elapsed, _ = ms(settle(lambda: model.set_rows(rows, ON)))
    report("set all rows into the model (re-sort by score + filter)", elapsed)

    # Ten realistic keystroke results: names, a case id, an employer, impulse words, prefixes.
    sample = rows[:: max(1, len(rows) // 7)]
    terms = [
        sample[0].person_name.split()[0],
        sample[1].person_name.split()[-1],
        sample[2].case_ref,
        sample[3].case_ref[:10],
        (sample[4].employer or "AB").split()[0],
        "rehab",
        "samordning",
        "an",
        "ka",
        "lä",
    ]
    keystrokes = []
    for term in terms:
        elapsed_search, ids = ms(lambda t=term: search_case_ids(conn, t, None))
        elapsed_filter, _ = ms(settle(lambda i=ids: model.set_search_ids(i)))
        keystrokes.append(elapsed_search + elapsed_filter)
        print(
            f"  search {len(term):2} chars: {len(ids or ()):6,} hits, "
            f"FTS {elapsed_search:6.1f} ms + model {elapsed_filter:5.1f} ms"
        )
    report(
        "search keystroke (FTS + model filter), median of 10",
        median(keystrokes),
        100,
    )
    report("  worst of the 10", max(keystrokes))

    # The same through the view: the text in the field, the search on the database thread,
    # the result back on the GUI thread and into the table (after the 150 ms debounce).
    via_view = []
    stamps: list[float] = []
    view.filtered.connect(lambda: stamps.append(time.perf_counter()))
    for term in terms:
        stamps.clear()
        view.search.setText(term)
        started = time.perf_counter()
        view.run_search()
        while not stamps:
            app.processEvents()
            time.sleep(0.0005)
        via_view.append((stamps[0] - started) * 1000)
    report("search keystroke through the view (thread + table), median", median(via_view), 100)
    report("  worst of the 10", max(via_view))
    view.search.clear()
    view.run_search()
    app.processEvents()

    on, off = [], []
    for _ in range(REPEAT):
        on.append(ms(settle(lambda: model.set_filter("181-365", "open_impulses")))[0])
        off.append(ms(settle(lambda: model.set_filter(None, None)))[0])
    model.set_filter("181-365", "open_impulses")
    shown = model.visible_count()
    model.set_filter(None, None)
    report(f"strip cell filter (181-365 x open impulses: {shown:,}), median", median(on))
    report("clear the strip filter, median", median(off))

    for label, column, order in (
        ("sort by score (ascending)", SCORE, Qt.SortOrder.AscendingOrder),
        ("sort by name (Swedish order)", NAME, Qt.SortOrder.AscendingOrder),
        ("sort back by score (descending)", SCORE, Qt.SortOrder.DescendingOrder),
    ):
        times = [ms(settle(lambda c=column, o=order: model.sort(c, o)))[0] for _ in range(REPEAT)]
        report(f"{label}, median of {REPEAT}", median(times))

    def scroll_to_end() -> int:
        steps = 0
        while model.canFetchMore(QModelIndex()):
            table.scrollToBottom()  # the view fetches the next chunk as it nears the end
            app.processEvents()
            steps += 1
        return steps

    elapsed, steps = ms(scroll_to_end)
    report(f"scroll to the end ({steps} lazy chunks, {model.rowCount():,} rows)", elapsed)
    frames = []
    bar = table.verticalScrollBar()
    for value in range(0, bar.maximum(), max(1, bar.maximum() // 50)):
        frame, _ = ms(settle(lambda v=value: (bar.setValue(v), table.viewport().repaint())))
        frames.append(frame)
    report("one scroll step + repaint anywhere in 100,000 rows, median", median(frames))
    frames.sort()
    report("  90th percentile scroll step", frames[len(frames) * 9 // 10], 16)
    report("  worst scroll step", frames[-1])
    conn.close()

    # The whole view as a team lead opens it: engine on the database thread, then the GUI.
    done: list[float] = []
    view.loaded.connect(lambda: done.append(time.perf_counter()))
    view.search.clear()
    started = time.perf_counter()
    view.refresh()
    while not done:
        app.processEvents()
        time.sleep(0.001)
    report("StockView.refresh() for the lead, to loaded (all cases)", (done[0] - started) * 1000)
    print(f"resident memory peak (maxrss)                                {rss_mb():8.1f} MB")
    # Tear the widgets down before the interpreter does (avoids a PySide6 exit-time crash).
    view.close()
    view.deleteLater()
    app.processEvents()
    ctx.shutdown()


if __name__ == "__main__":
    main()
