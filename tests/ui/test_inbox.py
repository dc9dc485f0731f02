"""The Impulser view: impulses grouped by case, read marks, filters, and recorded outcomes."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

import ui.views.inbox as inbox_module
from app.case.inbox import inbox_items, record_outcome, unread_count
from db import open_db
from tests.ui.helpers import loaded_view
from ui.dialogs.outcome import ACTED, NOT_RELEVANT, OTHER_ACTOR, OutcomePanel
from ui.models.inbox_model import (
    RECEIVED,
    TEXT,
    TYPE,
    ChangeRole,
    InboxModel,
    UnreadRole,
    filter_items,
)
from ui.views.inbox import InboxView


def engine_items(ctx, **kwargs):
    conn = open_db(ctx.db_path)
    try:
        return inbox_items(conn, ctx.caseworker, on=ctx.today, **kwargs)
    finally:
        conn.close()


def impulse_rows(ctx, ids):
    conn = open_db(ctx.db_path)
    try:
        marks = ",".join("?" for _ in ids)
        impulses = conn.execute(
            f"SELECT id, ext_id, outcome, outcome_note, outcome_by, read_at FROM impulses "
            f"WHERE id IN ({marks}) ORDER BY id",
            tuple(ids),
        ).fetchall()
        events = [
            json.loads(r["detail"])
            for r in conn.execute("SELECT detail FROM events WHERE kind = 'impulse.outcome'")
        ]
        return [dict(r) for r in impulses], events
    finally:
        conn.close()


@pytest.fixture
def view(qtbot, ctx):
    return loaded_view(qtbot, InboxView(ctx))


def shown_ids(view) -> list[int]:
    return view.model.impulse_order()


def select(view, ids: list[int]) -> None:
    selection = view.tree.selectionModel()
    flags = QItemSelectionModel.SelectionFlag
    selection.setCurrentIndex(
        view.model.index_for_impulse(ids[0]), flags.ClearAndSelect | flags.Rows
    )
    for impulse_id in ids[1:]:
        selection.select(view.model.index_for_impulse(impulse_id), flags.Select | flags.Rows)


def test_lists_open_impulses_grouped_by_case_with_unread_bold(view, ctx):
    expected = engine_items(ctx)
    assert expected, "the demo stock has open impulses"
    assert sorted(shown_ids(view)) == sorted(i.id for i in expected)
    assert view.model.rowCount() == len({i.case_ref for i in expected})
    for g_row in range(view.model.rowCount()):
        group = view.model.index(g_row, 0)
        case_ref = group.data()
        children = [view.model.item(view.model.index(r, 0, group)) for r in range(
            view.model.rowCount(group))]  # fmt: skip
        assert case_ref.startswith(children[0].case_ref)
        assert f"({len(children)}" in case_ref
        assert {c.case_ref for c in children} == {children[0].case_ref}
        received = [c.received_at for c in children]
        assert received == sorted(received, reverse=True), "newest first inside a case"
        for row, child in enumerate(children):
            index = view.model.index(row, RECEIVED, group)
            font = index.data(Qt.ItemDataRole.FontRole)
            if child.unread:
                assert font is not None and font.bold()
                assert index.data().startswith("● Ny"), "colour is never the only signal"
                assert index.data(UnreadRole) is True
            else:
                assert font is None or not font.bold()
                assert "Ny" not in index.data()
    unread = sum(1 for i in expected if i.unread)
    assert view.count_label.text().startswith(
        f"{len(expected)} impulser i {view.model.rowCount()} ärenden"
    )
    assert f"{unread} olästa" in view.count_label.text()


def test_certificate_impulse_shows_what_changed(view, ctx):
    with_change = [i for i in engine_items(ctx) if i.change]
    assert with_change
    index = view.model.index_for_impulse(with_change[0].id).siblingAtColumn(TEXT)
    assert index.data(ChangeRole) == with_change[0].change
    assert index.data().endswith(f"— {with_change[0].change}")


def test_filter_by_type_age_and_unread_narrows_the_rows(view, ctx):
    everything = len(shown_ids(view))
    view.type_combo.setCurrentIndex(view.type_combo.findData("cert_rehab_need"))
    wanted = {i.id for i in engine_items(ctx, types=["cert_rehab_need"])}
    assert 0 < len(wanted) < everything
    assert set(shown_ids(view)) == wanted
    assert all(
        view.model.index_for_impulse(i).siblingAtColumn(TYPE).data()
        == "intyget anger rehabiliteringsbehov"
        for i in shown_ids(view)
    )
    assert "(av " in view.count_label.text()

    view.type_combo.setCurrentIndex(0)
    view.age_combo.setCurrentIndex(view.age_combo.findData("week"))
    recent = {i.id for i in engine_items(ctx, max_age_days=7)}
    assert 0 < len(recent) < everything
    assert set(shown_ids(view)) == recent
    view.age_combo.setCurrentIndex(view.age_combo.findData("older7"))
    assert set(shown_ids(view)) == {i.id for i in engine_items(ctx)} - recent

    view.age_combo.setCurrentIndex(view.age_combo.findData("all"))
    view.unread_check.setChecked(True)
    assert set(shown_ids(view)) == {i.id for i in engine_items(ctx) if i.unread}


def test_last_day_filter_uses_the_clock(ctx):
    items = engine_items(ctx)
    now = ctx.clock.now()
    shown = filter_items(items, now=now, on=ctx.today, age="day")
    assert shown
    for item in items:
        assert (item in shown) == (now - item_time(item) <= timedelta(days=1))


def item_time(item):
    from datetime import datetime

    return datetime.fromisoformat(item.received_at)


def test_acted_with_a_note_removes_the_impulse_and_writes_an_event(qtbot, view, ctx):
    order = shown_ids(view)
    target, following = order[0], order[1]
    select(view, [target])
    qtbot.keyClick(view.tree, Qt.Key.Key_1)
    assert view.panel.outcome() == ACTED
    view.panel.note_edit.setText("Ringde den försäkrade")
    changed = qtbot.waitSignal(ctx.data_changed, timeout=10_000)
    previewed = qtbot.waitSignal(view.case_selected, timeout=10_000)
    with changed, previewed, qtbot.waitSignal(view.loaded, timeout=10_000):
        qtbot.keyClick(view.tree, Qt.Key.Key_Return)
    assert target not in shown_ids(view)
    landed = view.model.item(view.tree.currentIndex())
    assert landed.id == following, "the selection moves to the next impulse"
    assert previewed.args == [landed.case_ref]
    assert view.panel.outcome() is None and view.panel.note() == ""
    rows, events = impulse_rows(ctx, [target])
    assert rows[0]["outcome"] == "acted"
    assert rows[0]["outcome_note"] == "Ringde den försäkrade"
    assert rows[0]["outcome_by"] == ctx.caseworker.ext_id
    assert [e for e in events if e["impulse"] == rows[0]["ext_id"]] == [
        {
            "impulse": rows[0]["ext_id"],
            "type": engine_type(ctx, target),
            "outcome": "acted",
            "note": "Ringde den försäkrade",
        }
    ]


def engine_type(ctx, impulse_id):
    conn = open_db(ctx.db_path)
    try:
        return conn.execute("SELECT type FROM impulses WHERE id = ?", (impulse_id,)).fetchone()[0]
    finally:
        conn.close()


def test_bulk_not_relevant_duplicate_certificate(qtbot, view, ctx):
    groups = view.model.groups
    two = [groups[0].items[0].id, groups[1].items[0].id]
    select(view, two)
    assert "2 markerade impulser i 2 ärenden" in view.panel.target_label.text()
    qtbot.keyClick(view.tree, Qt.Key.Key_3)
    qtbot.mouseClick(view.panel.quick_buttons[0], Qt.MouseButton.LeftButton)
    assert view.panel.outcome() == NOT_RELEVANT
    assert view.panel.note() == "Dubblettintyg"
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        qtbot.mouseClick(view.panel.confirm_button, Qt.MouseButton.LeftButton)
    assert not set(two) & set(shown_ids(view))
    rows, events = impulse_rows(ctx, two)
    assert [(r["outcome"], r["outcome_note"]) for r in rows] == [
        ("not_relevant", "Dubblettintyg")
    ] * 2
    assert {e["impulse"] for e in events if e["note"] == "Dubblettintyg"} == {
        r["ext_id"] for r in rows
    }


def test_not_relevant_without_a_note_shows_the_error_and_keeps_the_impulse(qtbot, view, ctx):
    target = shown_ids(view)[0]
    select(view, [target])
    qtbot.keyClick(view.tree, Qt.Key.Key_3)
    view.panel.note_edit.setText("   ")
    qtbot.keyClick(view.tree, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.panel.error_text() != "", timeout=10_000)
    assert "Skriv varför impulsen inte är relevant" in view.panel.error_text()
    assert view.panel.error_label.isVisible()
    assert target in shown_ids(view)
    assert view.panel.outcome() == NOT_RELEVANT and view.panel.note() == "   "
    assert view.selected_ids() == [target]
    rows, _ = impulse_rows(ctx, [target])
    assert rows[0]["outcome"] is None
    # Fixing the note and confirming again works without reselecting anything.
    view.panel.note_edit.setText("Ingen ny information")
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        qtbot.keyClick(view.panel.note_edit, Qt.Key.Key_Return)
    assert target not in shown_ids(view)
    assert view.panel.error_text() == ""


def test_keys_1_2_3_pick_the_outcome_and_enter_without_one_opens_the_case(qtbot, view):
    select(view, [shown_ids(view)[0]])
    for key, outcome in (
        (Qt.Key.Key_2, OTHER_ACTOR),
        (Qt.Key.Key_3, NOT_RELEVANT),
        (Qt.Key.Key_1, ACTED),
    ):
        qtbot.keyClick(view.tree, key)
        assert view.panel.outcome() == outcome
        assert view.panel.buttons[outcome].isChecked()
    view.panel.reset()
    case_ref = view.model.case_ref(view.tree.currentIndex())
    with qtbot.waitSignal(view.case_opened) as opened:
        qtbot.keyClick(view.tree, Qt.Key.Key_Return)
    assert opened.args == [case_ref]


def test_selecting_previews_and_a_case_group_selects_its_impulses(qtbot, view):
    group = next(g_row for g_row, g in enumerate(view.model.groups) if len(g.items) > 1)
    index = view.model.index(group, 0)
    with qtbot.waitSignal(view.case_selected) as selected:
        view.tree.setCurrentIndex(index)
    assert selected.args == [view.model.groups[group].case_ref]
    assert view.selected_ids() == [i.id for i in view.model.groups[group].items]
    count = len(view.model.groups[group].items)
    assert f"{count} markerade impulser i 1 ärende" in view.panel.target_label.text()
    rows = {
        i.parent().row() for i in view.tree.selectionModel().selectedRows() if i.parent().isValid()
    }
    assert rows == {group}, "the impulses themselves show as selected"


def test_space_and_a_short_dwell_mark_impulses_read(qtbot, ctx, monkeypatch):
    monkeypatch.setattr(inbox_module, "READ_DELAY_MS", 50)
    widget = InboxView(ctx)
    qtbot.addWidget(widget)
    widget.show()
    with qtbot.waitSignal(widget.loaded, timeout=10_000):
        widget.refresh()
    current = widget.model.item(widget.tree.currentIndex())
    unread = [i.id for g in widget.model.groups for i in g.items if i.unread and i != current]
    assert len(unread) >= 2
    select(widget, [unread[0]])
    qtbot.waitUntil(lambda: not widget.model.item(widget.model.index_for_impulse(unread[0])).unread)
    qtbot.waitUntil(lambda: impulse_rows(ctx, [unread[0]])[0][0]["read_at"] is not None)

    widget._read_timer.setInterval(60_000)  # only Space now
    select(widget, [unread[1]])
    assert widget.model.item(widget.model.index_for_impulse(unread[1])).unread
    with qtbot.waitSignal(widget.unread_count_changed, timeout=10_000):
        qtbot.keyClick(widget.tree, Qt.Key.Key_Space)
    assert impulse_rows(ctx, [unread[1]])[0][0]["read_at"] is not None
    assert unread[1] in widget.model.impulse_order(), "read is not handled: it stays"


def test_unread_count_changed_emits_the_engines_count(qtbot, view, ctx):
    conn = open_db(ctx.db_path)
    expected = unread_count(conn, ctx.caseworker)
    conn.close()
    assert expected > 0
    with qtbot.waitSignal(view.unread_count_changed, timeout=10_000) as emitted:
        view.refresh()
    assert emitted.args == [expected]


def test_selection_survives_a_refresh(qtbot, view, ctx):
    middle = shown_ids(view)[3]
    select(view, [middle])
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        ctx.changed()
    assert view.model.item(view.tree.currentIndex()).id == middle


def test_empty_inbox_says_well_done(qtbot, ctx, clock):
    conn = open_db(ctx.db_path)
    ids = [i.id for i in inbox_items(conn, ctx.caseworker, on=ctx.today)]
    record_outcome(conn, ids, "acted", "klart", ctx.caseworker, clock)
    conn.close()
    widget = InboxView(ctx)
    qtbot.addWidget(widget)
    widget.show()
    with qtbot.waitSignal(widget.loaded, timeout=10_000):
        widget.refresh()
    assert widget.pages.currentWidget() is widget.empty_label
    assert widget.empty_label.text() == "Inga obehandlade impulser. Bra jobbat!"


def test_panel_keys_and_enter_in_the_note_confirm_once(qtbot):
    panel = OutcomePanel()
    qtbot.addWidget(panel)
    panel.set_target(1, 1, "SP-1")
    qtbot.keyClick(panel.buttons[ACTED], Qt.Key.Key_2)
    assert panel.outcome() == OTHER_ACTOR
    qtbot.keyClicks(panel.note_edit, "3 dagar")
    assert panel.outcome() == OTHER_ACTOR and panel.note() == "3 dagar"
    confirmations = []
    panel.confirm_requested.connect(lambda: confirmations.append(1))
    qtbot.keyClick(panel.note_edit, Qt.Key.Key_Return)
    assert confirmations == [1]
    qtbot.keyClick(panel.note_edit, Qt.Key.Key_Escape)
    assert panel.outcome() is None


def test_model_passes_the_model_tester(qtmodeltester, view):
    qtmodeltester.check(view.model)
    empty = InboxModel()
    qtmodeltester.check(empty)
    empty.set_items([i for g in view.model.groups for i in g.items][:3], view.ctx.today)
    qtmodeltester.check(empty)
