"""The reminder scheduler: rebuilt from the table, never doubling, never losing, quiet hours.

The clock is a FixedClock; reconcile is called directly and nothing sleeps. Where the real
APScheduler jobs run, the tests wait for the Qt signal they end in.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.followups.reminders import missed_label
from tests.ui.conftest import ON
from tests.ui.follow_up_helpers import add_outside, at, follow_up_row, my_open_cases
from ui.reminders import ReminderBanner
from ui.scheduler import JOB_DAILY, JOB_RECONCILE, JOB_WAKEUP, ReminderScheduler

WAIT = 10_000


@pytest.fixture
def sched(qtbot, ctx):
    scheduler = ReminderScheduler(ctx)
    shown: list[list] = []
    rounds: list[list] = []
    scheduler.reminders_due.connect(shown.append)
    scheduler.reconciled.connect(rounds.append)
    scheduler.shown, scheduler.rounds = shown, rounds  # type: ignore[attr-defined]
    yield scheduler
    scheduler.stop()


def _ids(batches: list[list]) -> list[int]:
    return [r.follow_up_id for batch in batches for r in batch]


def _reconcile(qtbot, sched, times: int = 1) -> None:
    """Reconcile ``times`` times and wait until each has been read and marked."""
    start = len(sched.rounds)
    for _ in range(times):
        sched.reconcile()
    qtbot.waitUntil(lambda: len(sched.rounds) == start + times, timeout=WAIT)
    qtbot.waitUntil(lambda: not sched._shown, timeout=WAIT)  # marks written


def test_apscheduler_picks_pyside6():
    import apscheduler.schedulers.qt as qt

    assert qt.QTimer.__module__ == "PySide6.QtCore"


def test_reconcile_twice_shows_a_due_reminder_exactly_once(qtbot, ctx, clock, sched):
    fid = add_outside(ctx, at(ON, 9, 30), my_open_cases(ctx)[0])
    clock.set(at(ON, 9, 45))
    _reconcile(qtbot, sched, times=2)
    assert _ids(sched.shown).count(fid) == 1
    assert follow_up_row(ctx, fid)["fired_at"] is not None
    _reconcile(qtbot, sched)  # and not again later
    assert _ids(sched.shown).count(fid) == 1


def test_two_reminders_at_the_same_minute_both_show(qtbot, ctx, clock, sched):
    first, second = my_open_cases(ctx)[:2]
    a = add_outside(ctx, at(ON, 10), first, note="Ring arbetsgivaren")
    b = add_outside(ctx, at(ON, 10), second, note="Ring vården")
    clock.set(at(ON, 10))
    _reconcile(qtbot, sched)
    batch = [r for r in sched.shown[-1] if r.follow_up_id in (a, b)]
    assert {r.follow_up_id for r in batch} == {a, b}
    banner = ReminderBanner(ctx)
    qtbot.addWidget(banner)
    banner.add(batch)
    assert banner.title_text() == "2 påminnelser"


def test_a_clock_set_back_and_forward_never_shows_twice(qtbot, ctx, clock, sched):
    fid = add_outside(ctx, at(ON, 10), my_open_cases(ctx)[0])
    clock.set(at(ON, 10, 5))
    _reconcile(qtbot, sched)
    assert _ids(sched.shown).count(fid) == 1
    clock.set(at(ON, 9))  # back an hour
    _reconcile(qtbot, sched)
    clock.set(at(ON, 10, 30))  # and forward again
    _reconcile(qtbot, sched)
    clock.set(at(ON + timedelta(days=1), 9))
    _reconcile(qtbot, sched)
    assert _ids(sched.shown).count(fid) == 1


def test_a_reminder_at_19_waits_until_7_the_next_working_day(qtbot, ctx, clock, sched):
    fid = add_outside(ctx, at(ON, 19), my_open_cases(ctx)[0])
    clock.set(at(ON, 19, 30))
    _reconcile(qtbot, sched)
    assert fid not in _ids(sched.shown)
    assert sched.next_wakeup == at(ON + timedelta(days=1), 7)  # the wakeup job's time
    clock.set(at(ON + timedelta(days=1), 6, 59))
    _reconcile(qtbot, sched)
    assert fid not in _ids(sched.shown)
    clock.set(at(ON + timedelta(days=1), 7))
    _reconcile(qtbot, sched)
    assert _ids(sched.shown).count(fid) == 1


def test_a_follow_up_made_by_another_program_is_picked_up(qtbot, ctx, clock, sched):
    with qtbot.waitSignal(sched.rebuilt, timeout=WAIT):
        sched.start()
    assert set(sched.job_ids()) == {JOB_DAILY, JOB_RECONCILE, JOB_WAKEUP}
    assert sched.next_daily == at(ON + timedelta(days=1), 0, 5)
    ctx.check_external_changes()  # the baseline data version
    qtbot.waitUntil(lambda: ctx._data_version is not None, timeout=WAIT)
    fid = add_outside(ctx, at(ON, 9, 5), my_open_cases(ctx)[0])
    with qtbot.waitSignal(sched.rebuilt, timeout=WAIT) as rebuilt:
        ctx.check_external_changes()
    assert rebuilt.args == [at(ON, 9, 5)]
    # The wakeup job runs five (real) minutes from now, as the clock says.
    run = sched.job_run_time(JOB_WAKEUP)
    expected = datetime.now(UTC) + timedelta(minutes=5)
    assert abs((run - expected).total_seconds()) < 30
    assert fid not in _ids(sched.shown)


def test_an_already_due_follow_up_from_outside_shows_through_the_job(qtbot, ctx, clock, sched):
    with qtbot.waitSignal(sched.rebuilt, timeout=WAIT):
        sched.start()
    ctx.check_external_changes()
    qtbot.waitUntil(lambda: ctx._data_version is not None, timeout=WAIT)
    clock.set(at(ON, 9, 20))
    fid = add_outside(ctx, at(ON, 9, 10), my_open_cases(ctx)[0], note="Ring nu")
    # The wakeup job runs at once on APScheduler's thread; its signal brings the reminder.
    with qtbot.waitSignal(
        sched.reminders_due,
        timeout=WAIT,
        check_params_cb=lambda found: fid in [r.follow_up_id for r in found],
    ):
        ctx.check_external_changes()
    assert _ids(sched.shown).count(fid) == 1


def test_missed_reminders_are_listed_on_start(qtbot, ctx, clock, sched):
    ref = my_open_cases(ctx)[0]
    fid = add_outside(ctx, at(ON, 8, 15), ref, note="Ring arbetsgivaren")
    with qtbot.waitSignal(sched.missed_found, timeout=WAIT) as found:
        sched.start()
    missed = found.args[0]
    assert fid in [r.follow_up_id for r in missed]
    banner = ReminderBanner(ctx)
    qtbot.addWidget(banner)
    banner.add(missed, missed=True)
    assert banner.title_text() == missed_label(len(missed))
    assert banner.title_text().endswith("missade påminnelser")
    qtbot.waitUntil(lambda: follow_up_row(ctx, fid)["fired_at"] is not None, timeout=WAIT)
    _reconcile(qtbot, sched)  # shown as missed, so not again as due
    assert fid not in _ids(sched.shown)


def test_last_seen_is_kept_so_the_next_start_finds_older_misses(qtbot, ctx, clock, sched):
    sched.reconcile()  # records last seen
    qtbot.waitUntil(lambda: len(sched.rounds) == 1, timeout=WAIT)
    # Closed for three weeks; a reminder from 20 days ago is still listed as missed.
    old = add_outside(ctx, at(ON + timedelta(days=1), 9), my_open_cases(ctx)[0])
    clock.set(at(ON + timedelta(days=21), 9))
    later = ReminderScheduler(ctx)
    with qtbot.waitSignal(later.missed_found, timeout=WAIT) as found:
        later.start()
    assert old in [r.follow_up_id for r in found.args[0]]
    later.stop()


def test_the_daily_job_creates_standard_follow_ups_and_is_scheduled_again(qtbot, ctx, clock, sched):
    clock.set(at(ON + timedelta(days=1), 0, 5))
    with qtbot.waitSignal(sched.daily_done, timeout=WAIT) as daily:
        sched.run_daily()
    assert daily.args[0].on == ON + timedelta(days=1)
    assert sched.next_daily == at(ON + timedelta(days=2), 0, 5)


def test_a_wall_clock_jump_rebuilds_the_jobs(qtbot, sched):
    with qtbot.waitSignal(sched.rebuilt, timeout=WAIT):
        sched.start()
    sched.check_clock(wall=1_000.0, mono=50.0)
    assert not sched.check_clock(wall=1_060.0, mono=110.0)  # a minute of both: no jump
    with qtbot.waitSignal(sched.rebuilt, timeout=WAIT):
        assert sched.check_clock(wall=1_060.0 - 3600, mono=170.0)  # set back an hour
    assert JOB_RECONCILE in sched.job_ids()


def test_stop_ends_the_jobs(qtbot, sched):
    with qtbot.waitSignal(sched.rebuilt, timeout=WAIT):
        sched.start()
    sched.stop()
    assert not sched.running and sched.job_ids() == []
