"""The reminder scheduler: APScheduler's QtScheduler wakes us; the follow-ups table decides.

Nothing lives only in memory. The jobs are rebuilt from the table on start and after
every change (``ctx.data_changed``):

- ``wakeup``: one date job at the next reminder (app.reminders.next_wakeup, which already
  holds reminders past quiet hours to the next start of working hours);
- ``reconcile``: every minute, asks app.reminders.due_reminders what should show now, so a
  missed timer, a suspend, a clock jump or a DST change neither loses a reminder nor (with
  ``mark_fired``) shows one twice; it also records that the app is running (last seen);
- ``daily``: just after midnight (app.reminders.next_daily_run), creates the new day's
  standard follow-ups (app.standard_follow_ups.ensure_standard_follow_ups).

A job runs on APScheduler's worker thread and only emits a Qt signal; the GUI thread then
reads and writes through ``ctx.tasks``. Times come from ``ctx.clock``; a job due at clock
time T is scheduled at real time now + (T - clock now), which is the same with the real
clock and lets tests run on a FixedClock (they call ``reconcile`` directly).

APScheduler's QtScheduler does pick PySide6, but PySide6's ``QTimer.singleShot`` returns
None, so the stock class can never stop a timer it started: each wakeup would add another
one, and one could fire after shutdown. ``_QtScheduler`` keeps a QTimer of its own. And
APScheduler's own times follow the wall clock, so a monotonic QTimer watches for a wall
clock that jumps (set back an hour, the periodic job would wait an hour) and rebuilds.
"""

from __future__ import annotations

import contextlib
import logging
import time as _time
from datetime import UTC, date, datetime, timedelta
from typing import Any

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.base import STATE_STOPPED
from apscheduler.schedulers.qt import QtScheduler
from apscheduler.triggers.date import DateTrigger
from apscheduler.triggers.interval import IntervalTrigger
from PySide6.QtCore import QObject, QTimer, Signal

from app.followups.reminders import (
    Reminder,
    due_reminders,
    last_seen,
    mark_fired,
    missed_on_start,
    next_daily_run,
    next_wakeup,
    touch_last_seen,
)
from app.followups.standard import ensure_standard_follow_ups
from app.safety.backups import daily_backup_if_due
from app.team.cover import end_absences
from ui.context import AppContext

log = logging.getLogger(__name__)


def welcome_back_text(summary: Any) -> str:
    """'Välkommen tillbaka: under frånvaron kom 12 impulser (9 hanterade, 3 öppna) …'."""
    return (
        f"Välkommen tillbaka: under frånvaron {summary.absence.from_date}–"
        f"{summary.absence.to_date} kom {summary.impulses_arrived} impulser "
        f"({summary.impulses_handled} hanterade, {summary.impulses_still_open} öppna) och "
        f"{summary.follow_ups_done} bevakningar klarades av "
        f"({summary.absence.covered_by_name} täckte)."
    )


JOB_WAKEUP, JOB_RECONCILE, JOB_DAILY = "wakeup", "reconcile", "daily"
RECONCILE_SECONDS = 60
WATCH_MS = 60_000
# Wall-clock time that ran this much faster or slower than monotonic time was a jump.
CLOCK_JUMP_SECONDS = 30.0


class _QtScheduler(QtScheduler):
    """QtScheduler with a QTimer it owns (see the module docstring). GUI thread only."""

    def __init__(self, owner: QObject, **options: Any) -> None:
        self._qtimer = QTimer(owner)
        self._qtimer.setSingleShot(True)
        self._qtimer.timeout.connect(self._process_jobs)
        super().__init__(**options)

    def _start_timer(self, wait_seconds: float | None) -> None:
        self._qtimer.stop()
        if wait_seconds is not None and self.state != STATE_STOPPED:
            self._qtimer.start(max(0, min(int(wait_seconds * 1000), 2_147_483_647)))

    def _stop_timer(self) -> None:
        self._qtimer.stop()


class ReminderScheduler(QObject):
    """Emits ``reminders_due`` when follow-ups come due and ``missed_found`` on start."""

    reminders_due = Signal(list)  # list[Reminder], each shown once
    missed_found = Signal(list)  # list[Reminder] that came due while the app was closed
    reconciled = Signal(list)  # after every reconcile: what it newly showed (maybe nothing)
    rebuilt = Signal(object)  # after every rebuild: the next wakeup (clock time) or None
    daily_done = Signal(object)  # after the daily job: app.standard_follow_ups.StandardResult
    _job_fired = Signal(str)  # from APScheduler's worker thread to the GUI thread

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.next_wakeup: datetime | None = None  # clock time of the wakeup job
        self.next_daily: datetime | None = None
        self._scheduler: _QtScheduler | None = None
        self._shown: set[tuple[int, datetime]] = set()  # (id, fire time) shown, not yet marked
        self._rebuild_generation = 0
        self._watch = QTimer(self)
        self._watch.setInterval(WATCH_MS)
        self._watch.timeout.connect(lambda: self.check_clock())
        self._last_clocks: tuple[float, float] | None = None
        self._stopped = False  # after stop() nothing more is shown or written
        self._job_fired.connect(self._on_job)  # queued: the receiver lives on the GUI thread

    # --- lifecycle ----------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._scheduler is not None

    def start(self) -> None:
        """Start the jobs, list reminders missed while closed, and follow the table."""
        if self.running:
            return
        self._stopped = False
        self._scheduler = _QtScheduler(
            self,
            timezone=UTC,
            executors={"default": ThreadPoolExecutor(1)},
            # Never skip a late run (after a suspend it is exactly what we need) and
            # never run two of the same job at once.
            job_defaults={"misfire_grace_time": None, "coalesce": True, "max_instances": 1},
        )
        self._add_reconcile_job()
        self._scheduler.start()
        self.ctx.data_changed.connect(self.rebuild)
        self._last_clocks = (_time.time(), _time.monotonic())
        self._watch.start()
        self.check_missed()

    def stop(self) -> None:
        """Stop the jobs and record when the app was last seen."""
        self._stopped = True
        if self._scheduler is None:
            return  # never started: it did not look, so it must not say it was seen
        self.ctx.data_changed.disconnect(self.rebuild)
        self._watch.stop()
        scheduler, self._scheduler = self._scheduler, None
        scheduler.shutdown(wait=True)  # a job only emits a signal; this is quick
        caseworker, now = self.ctx.caseworker, self.ctx.clock.now()
        # When the database thread is already gone there is nothing to record it with.
        with contextlib.suppress(RuntimeError):
            self.ctx.tasks.run(lambda conn: touch_last_seen(conn, caseworker, now))

    def job_ids(self) -> list[str]:
        return sorted(job.id for job in self._scheduler.get_jobs()) if self._scheduler else []

    def job_run_time(self, job_id: str) -> datetime | None:
        """When APScheduler will run ``job_id`` (real time), or None."""
        job = self._scheduler.get_job(job_id) if self._scheduler else None
        return job.next_run_time if job is not None else None

    # --- the jobs (worker thread) -------------------------------------------------------

    def _fire(self, job_id: str) -> None:
        """Runs on APScheduler's worker thread: only tell the GUI thread."""
        self._job_fired.emit(job_id)

    def _on_job(self, job_id: str) -> None:
        if not self.running:
            return
        if job_id == JOB_DAILY:
            self.run_daily()
        else:
            self.reconcile()

    def _add_reconcile_job(self) -> None:
        assert self._scheduler is not None
        self._scheduler.add_job(
            self._fire,
            IntervalTrigger(seconds=RECONCILE_SECONDS, timezone=UTC),
            args=[JOB_RECONCILE],
            id=JOB_RECONCILE,
            replace_existing=True,
        )

    def _schedule(self, job_id: str, at: datetime | None) -> None:
        """Run ``job_id`` at clock time ``at`` (now if past); None removes it."""
        if self._scheduler is None:
            return
        if at is None:
            if self._scheduler.get_job(job_id) is not None:
                self._scheduler.remove_job(job_id)
            return
        delay = max(at - self.ctx.clock.now(), timedelta(0))
        self._scheduler.add_job(
            self._fire,
            DateTrigger(run_date=datetime.now(UTC) + delay, timezone=UTC),
            args=[job_id],
            id=job_id,
            replace_existing=True,
        )

    # --- reading the table (GUI thread, work on the database thread) -------------------

    def check_missed(self) -> None:
        """On start: today's standard follow-ups, then the reminders missed while closed."""
        caseworker, clock, db_path = self.ctx.caseworker, self.ctx.clock, self.ctx.db_path
        now, on = clock.now(), self.ctx.today

        def work(conn: Any) -> tuple[int, list[Reminder], list[str]]:
            daily_backup_if_due(conn, db_path, clock)
            back = [
                welcome_back_text(s)
                for s in end_absences(conn, on, clock)
                if s.absence.caseworker_id == caseworker.id
            ]
            standard = ensure_standard_follow_ups(conn, on, clock, caseworker.id)
            missed = missed_on_start(conn, now, last_seen(conn, caseworker), caseworker)
            touch_last_seen(conn, caseworker, now)
            return standard.created + standard.moved, missed, back

        def done(result: tuple[int, list[Reminder], list[str]]) -> None:
            if self._stopped:
                return
            changed, missed, back = result
            for text in back:  # what happened while away: one summary, not a silent flood
                self.ctx.status_message.emit(text)
            self._show(missed, now, self.missed_found)
            if changed:
                self.ctx.changed()  # new standard follow-ups: the views and rebuild() follow
            else:
                self.rebuild()

        self.ctx.tasks.run(work, done, self._failed)

    def rebuild(self) -> None:
        """Recompute the wakeup and daily jobs from the table (after any change)."""
        self._rebuild_generation += 1
        generation = self._rebuild_generation
        caseworker, now = self.ctx.caseworker, self.ctx.clock.now()

        def work(conn: Any) -> tuple[bool, datetime | None]:
            return bool(due_reminders(conn, now, caseworker)), next_wakeup(conn, now, caseworker)

        def done(result: tuple[bool, datetime | None]) -> None:
            if generation != self._rebuild_generation or self._stopped:
                return
            due_now, following = result
            # Something already due (created in the past, or by another program) shows now.
            self._set_wakeup(now if due_now else following)
            self.next_daily = next_daily_run(self.ctx.clock.now())
            self._schedule(JOB_DAILY, self.next_daily if self.running else None)
            self.rebuilt.emit(self.next_wakeup)

        self.ctx.tasks.run(work, done, self._failed)

    def reconcile(self, now: datetime | None = None) -> None:
        """Show what is due at ``now`` (default: the clock) that has not shown yet."""
        caseworker = self.ctx.caseworker
        at = now or self.ctx.clock.now()

        def work(conn: Any) -> tuple[list[Reminder], datetime | None]:
            touch_last_seen(conn, caseworker, at)
            return due_reminders(conn, at, caseworker), next_wakeup(conn, at, caseworker)

        def done(result: tuple[list[Reminder], datetime | None]) -> None:
            if self._stopped:
                return
            due, following = result
            self._set_wakeup(following)
            self.reconciled.emit(self._show(due, at, self.reminders_due))

        self.ctx.tasks.run(work, done, self._failed)

    def run_daily(self, on: date | None = None) -> None:
        """The new day's standard follow-ups; then every view reads the new day."""
        caseworker, clock, db_path = self.ctx.caseworker, self.ctx.clock, self.ctx.db_path
        day = on or self.ctx.today

        def done(result: Any) -> None:
            if self._stopped:
                return
            self.next_daily = next_daily_run(clock.now())
            self._schedule(JOB_DAILY, self.next_daily if self.running else None)
            self.daily_done.emit(result)
            self.ctx.changed()  # a new day: Idag and the lists move on; rebuild() follows

        def work(conn: Any) -> Any:
            daily_backup_if_due(conn, db_path, clock)  # once a day, kept 14 (settings)
            end_absences(conn, day, clock)  # cover ends by itself after its last day
            return ensure_standard_follow_ups(conn, day, clock, caseworker.id)

        self.ctx.tasks.run(work, done, self._failed)

    def _show(self, found: list[Reminder], at: datetime, signal: Any) -> list[Reminder]:
        """Emit what has not shown yet in this run, then record it as shown (fired_at).

        Marked only once on screen: if the app dies in between it shows again on the next
        start, never lost. Until the mark is written, ``_shown`` keeps a second read that
        overlapped (a timer and the periodic reconcile) from showing it twice.
        """
        fresh = [r for r in found if (r.follow_up_id, r.fire_at) not in self._shown]
        if not fresh:
            return []
        keys = {(r.follow_up_id, r.fire_at) for r in fresh}
        self._shown |= keys
        signal.emit(fresh)
        ids = [r.follow_up_id for r in fresh]

        def marked(_count: int) -> None:
            # From here fired_at guards it; a later wake may bring the same time back.
            self._shown -= keys

        self.ctx.tasks.run(lambda conn: mark_fired(conn, ids, at), marked, self._failed)
        return fresh

    def _set_wakeup(self, at: datetime | None) -> None:
        self.next_wakeup = at
        self._schedule(JOB_WAKEUP, at)

    def _failed(self, exc: BaseException) -> None:
        # Reminders must not stop over one failed read; the next reconcile tries again.
        log.error("reminder scheduler: %s", type(exc).__name__)

    # --- wall-clock jumps ---------------------------------------------------------------

    def check_clock(self, wall: float | None = None, mono: float | None = None) -> bool:
        """Rebuild every job when the wall clock jumped; True when it did."""
        wall = _time.time() if wall is None else wall
        mono = _time.monotonic() if mono is None else mono
        previous, self._last_clocks = self._last_clocks, (wall, mono)
        if previous is None or self._scheduler is None:
            return False
        drift = (wall - previous[0]) - (mono - previous[1])
        if abs(drift) <= CLOCK_JUMP_SECONDS:
            return False
        log.info("wall clock jumped %.0f s; rebuilding the reminder jobs", drift)
        self._add_reconcile_job()  # its next run was computed on the old clock
        self.rebuild()
        self.reconcile()
        return True
