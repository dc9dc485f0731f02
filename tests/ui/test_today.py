"""The Idag view, its Varför? and Planera till… dialogs, and the case preview pane."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from app.case.casework import case_detail
from app.priority.score import Contribution, Score
from app.stock.today import today_list
from db import open_db
from ui.dialogs.plan import CLEAR, ON_DATE, PICK, PlanDialog, next_working_day
from ui.dialogs.why import WhyDialog
from ui.models.today_model import CASE, PLANNED, RANKED, SCORE, TodayModel, load_today
from ui.preview import PreviewPane
from ui.views.today import TodayView

ON = date(2026, 11, 23)
TOMORROW = ON + timedelta(days=1)


@pytest.fixture
def view(qtbot, ctx):
    widget = TodayView(ctx)
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    with qtbot.waitSignal(widget.loaded, timeout=10_000):
        widget.refresh()
    return widget


def _today(ctx, on: date = ON):
    conn = open_db(ctx.db_path)
    try:
        return today_list(conn, ctx.caseworker, on)
    finally:
        conn.close()


def _listed(view: TodayView, lane: str) -> list[str]:
    model = view.model
    return [model.case_ref(r) for r in model.case_rows() if model.lane(r) == lane]


def test_shows_planned_lane_then_ranked_list(view, ctx):
    engine = _today(ctx)
    assert engine.planned, "the demo plans a few cases for today"
    assert _listed(view, PLANNED) == [i.facts.case_ref for i in engine.planned]
    assert _listed(view, RANKED) == [i.facts.case_ref for i in engine.ranked]
    scores = [view.model.entry(r).score.total for r in view.model.case_rows()]
    ranked_scores = scores[len(engine.planned) :]
    assert ranked_scores == sorted(ranked_scores, reverse=True)
    first_row = view.model.data(view.model.index(0, CASE))
    assert first_row == f"Planerat i dag ({len(engine.planned)})"
    ranked_header = view.model.data(view.model.index(len(engine.planned) + 1, CASE))
    assert ranked_header.startswith(f"Prioriterat ({len(engine.ranked)} av {engine.open_cases}")
    # Each row carries the case, its chain text, the next milestone and the top reason.
    top = engine.ranked[0]
    row = view.model.row_of(top.facts.case_ref)
    texts = [view.model.data(view.model.index(row, c)) for c in range(5)]
    assert texts[0].startswith(top.facts.case_ref)
    assert texts[1].startswith(f"dag {top.facts.chain.day}")
    assert texts[4] == top.score.top_reason.text
    assert view.why_button.isEnabled() and view.plan_button.isEnabled()


def test_selecting_a_row_previews_it_and_keys_flow_across_sections(qtbot, view):
    model = view.model
    planned = _listed(view, PLANNED)
    ranked = _listed(view, RANKED)
    target = ranked[3]
    with qtbot.waitSignal(view.case_selected, timeout=2000) as blocker:
        view.table.setCurrentIndex(model.index(model.row_of(target), CASE))
    assert blocker.args == [target]

    # From the last planned case, J (and the down arrow) steps over the section header.
    view.select_case(planned[-1])
    with qtbot.waitSignal(view.case_selected, timeout=2000) as blocker:
        qtbot.keyClick(view.table, Qt.Key.Key_J)
    assert blocker.args == [ranked[0]]
    with qtbot.waitSignal(view.case_selected, timeout=2000) as blocker:
        qtbot.keyClick(view.table, Qt.Key.Key_K)
    assert blocker.args == [planned[-1]]
    with qtbot.waitSignal(view.case_selected, timeout=2000) as blocker:
        qtbot.keyClick(view.table, Qt.Key.Key_Down)
    assert blocker.args == [ranked[0]]


def test_enter_opens_the_case(qtbot, view):
    ref = _listed(view, RANKED)[1]
    view.select_case(ref)
    with qtbot.waitSignal(view.case_opened, timeout=2000) as blocker:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert blocker.args == [ref]


def test_empty_planned_lane_shows_a_hint(qtbot, ctx):
    conn = open_db(ctx.db_path)
    data = load_today(conn, ctx.caseworker, ON + timedelta(days=30))
    conn.close()
    model = TodayModel()
    model.set_today(data)
    assert not data.planned
    hint = model.data(model.index(1, CASE))
    assert "tryck P" in hint
    assert not model.flags(model.index(1, CASE)) & Qt.ItemFlag.ItemIsSelectable


def test_planning_for_tomorrow_moves_the_case_to_tomorrows_lane(qtbot, view, ctx):
    ref = _listed(view, PLANNED)[0]
    view.select_case(ref)
    dialog = view.open_plan()
    assert dialog is not None and dialog.isVisible()
    assert dialog.select(ON_DATE, TOMORROW)
    assert dialog.selected_date() == TOMORROW
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        dialog.accept()

    # Out of today's lane, ranked normally today, still the selected row.
    assert ref not in _listed(view, PLANNED)
    assert ref in _listed(view, RANKED)
    assert view.selected_entry().case_ref == ref
    assert ref not in [i.facts.case_ref for i in _today(ctx).planned]
    assert ref in [i.facts.case_ref for i in _today(ctx, TOMORROW).planned]
    conn = open_db(ctx.db_path)
    events = conn.execute(
        "SELECT e.kind, e.detail, e.actor FROM events e JOIN cases c ON c.id = e.case_id "
        "WHERE c.case_ref = ? AND e.kind = 'plan.set'",
        (ref,),
    ).fetchall()
    conn.close()
    assert [json.loads(e[1])["on_date"] for e in events] == [TOMORROW.isoformat()]
    assert events[0][2] == ctx.caseworker.ext_id


def test_planning_a_ranked_case_for_today_and_clearing_it(qtbot, view, ctx):
    ref = _listed(view, RANKED)[5]
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.plan(ref, ON)
    assert view.lane_of(ref) == PLANNED
    view.select_case(ref)
    dialog = view.open_plan()
    assert dialog.select(CLEAR)
    assert dialog.selected_date() is None
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        dialog.accept()
    assert view.lane_of(ref) == RANKED
    assert ref not in [i.facts.case_ref for i in _today(ctx).planned]


def test_plan_dialog_offers_days_and_skips_weekends_and_holidays(qtbot):
    dialog = PlanDialog("SP-1", ON)
    qtbot.addWidget(dialog)
    texts = [dialog.choices.item(r).text() for r in range(dialog.choices.count())]
    assert texts[0] == "I morgon (tis 24 nov)"
    assert "Måndag 30 nov" in texts and "Fredag 4 dec" in texts
    assert "Välj datum…" in texts
    assert not any(t.startswith("Ta bort") for t in texts)  # only when the case is planned
    # Friday -> Monday; before Christmas -> past julafton, juldagen and the weekend.
    assert next_working_day(date(2026, 11, 27)) == date(2026, 11, 30)
    assert next_working_day(date(2026, 12, 23)) == date(2026, 12, 28)
    # The date field refuses days before today.
    dialog.pick_date(ON - timedelta(days=3))
    assert dialog.choice().kind == PICK
    assert dialog.selected_date() == ON
    dialog.pick_date(date(2027, 1, 12))
    assert dialog.selected_date() == date(2027, 1, 12)

    christmas = PlanDialog("SP-1", date(2026, 12, 17), planned_on=date(2026, 12, 18))
    qtbot.addWidget(christmas)
    texts = [christmas.choices.item(r).text() for r in range(christmas.choices.count())]
    assert any(t.startswith("Fredag 25 dec") and "Juldagen" in t for t in texts)
    assert not christmas.select(ON_DATE, date(2026, 12, 25))  # shown, not choosable
    assert christmas.select(CLEAR)


def test_why_lists_every_contribution(qtbot, view, ctx):
    engine = _today(ctx)
    item = max(engine.ranked, key=lambda i: len(i.score.contributions))
    assert len(item.score.contributions) >= 2
    view.select_case(item.facts.case_ref)
    qtbot.keyClick(view.table, Qt.Key.Key_W)
    dialog = view.why_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.case_ref == item.facts.case_ref
    assert item.facts.case_ref in dialog.heading.text()
    rows = dialog.rows()
    assert len(rows) == len(item.score.contributions)
    for (_points, text), contribution in zip(rows, item.score.contributions, strict=True):
        assert text.endswith(contribution.text)  # dampening rows are prefixed "Dämpning:"
    points = [float(p.replace(",", ".").replace("\u2212", "-")) for p, _text in rows]
    assert points == sorted(points, reverse=True)
    assert view.model.data(view.model.index(view.model.row_of(item.facts.case_ref), SCORE)) == (
        f"{item.score.total:.1f}".replace(".", ",")
    )
    dialog.reject()
    assert not dialog.isVisible()


def test_why_shows_dampening_as_negative(qtbot):
    score = Score(
        20.0,
        (
            Contribution("benefit.decision_pending", 40.0, "Beslut om rätt till ersättning väntar"),
            Contribution("dampen.runs_itself", -20.0, "Flaggat som 'sköter sig självt'"),
        ),
    )
    dialog = WhyDialog("SP-1", score)
    qtbot.addWidget(dialog)
    rows = dialog.rows()
    assert rows[0][0] == "+40,0"
    assert rows[1][0] == "\u221220,0"
    assert rows[1][1].startswith("Dämpning:")


def test_p_key_and_the_buttons_open_the_dialogs(qtbot, view):
    qtbot.keyClick(view.table, Qt.Key.Key_P)
    assert view.plan_dialog is not None and view.plan_dialog.isVisible()
    assert view.plan_dialog.case_ref == view.selected_entry().case_ref
    view.plan_dialog.reject()
    view.why_button.click()
    assert view.why_dialog is not None and view.why_dialog.isVisible()
    view.why_dialog.reject()


def test_selection_is_kept_across_refresh(qtbot, view, ctx):
    ref = _listed(view, RANKED)[7]
    view.select_case(ref)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        ctx.changed()
    assert view.selected_entry().case_ref == ref


def _case_with_gaps(ctx) -> tuple[str, str]:
    conn = open_db(ctx.db_path)
    try:
        refs = [i.facts.case_ref for i in today_list(conn, ctx.caseworker, ON).ranked]
        with_gaps = without = None
        for ref in refs:
            detail = case_detail(conn, ref, ON, ctx.caseworker)
            if detail.gaps and with_gaps is None:
                with_gaps = ref
            if not detail.gaps and without is None:
                without = ref
        assert with_gaps and without
        return with_gaps, without
    finally:
        conn.close()


def test_preview_shows_the_case_and_its_gaps(qtbot, ctx):
    pane = PreviewPane(ctx)
    qtbot.addWidget(pane)
    pane.resize(430, 700)
    pane.show()
    assert pane.stack.currentWidget() is pane.empty
    assert pane.empty.text() == "Välj ett ärende för att se det här."
    assert not pane.open_button.isEnabled()

    with_gaps, without = _case_with_gaps(ctx)
    with qtbot.waitSignal(pane.shown, timeout=10_000):
        pane.show_case(with_gaps)
    assert with_gaps in pane.header.text()
    assert pane.gaps_box.isVisible()
    assert "Luckor" in pane.gaps_title.text()
    assert pane.gaps_text.text()
    assert "Samtycke" in pane.consent.text()
    with qtbot.waitSignal(pane.open_requested, timeout=2000) as blocker:
        pane.open_button.click()
    assert blocker.args == [with_gaps]

    with qtbot.waitSignal(pane.shown, timeout=10_000):
        pane.show_case(without)
    assert without in pane.header.text()
    assert not pane.gaps_box.isVisible()


def test_today_model_passes_the_model_tester(qtmodeltester, ctx):
    conn = open_db(ctx.db_path)
    data = load_today(conn, ctx.caseworker, ON)
    conn.close()
    model = TodayModel()
    model.set_today(data)
    qtmodeltester.check(model)
    assert model.rowCount() == len(data.planned) + len(data.ranked) + 2
