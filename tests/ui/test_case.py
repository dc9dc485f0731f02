"""The full case view: header, chain timeline, gaps, and edits written as events."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.case.casework import case_detail
from app.priority.profile import resolve_caseworker
from db import open_db
from tests.ui.conftest import ON
from ui.views.case import CaseView
from ui.widgets.case_tables import (
    RowsModel,
    contact_columns,
    event_columns,
    follow_up_columns,
    impulse_columns,
)
from ui.widgets.case_texts import describe_event
from ui.widgets.timeline import TimelineWidget, chain_summary

WAIT = 10_000


def _details(ctx) -> list:
    conn = open_db(ctx.db_path)
    me = resolve_caseworker(conn, None)
    refs = [r[0] for r in conn.execute("SELECT case_ref FROM cases ORDER BY id")]
    details = [case_detail(conn, ref, ON, me) for ref in refs]
    conn.close()
    return details


def _find(ctx, test) -> object:
    for detail in _details(ctx):
        if test(detail):
            return detail
    pytest.skip("the demo stock has no such case")


def _events(ctx, ref: str, kind: str) -> list[dict]:
    conn = open_db(ctx.db_path)
    rows = conn.execute(
        "SELECT e.detail FROM events e JOIN cases c ON c.id = e.case_id "
        "WHERE c.case_ref = ? AND e.kind = ?",
        (ref, kind),
    ).fetchall()
    conn.close()
    return [json.loads(r[0]) for r in rows]


def _case_row(ctx, ref: str) -> dict:
    conn = open_db(ctx.db_path)
    row = dict(conn.execute("SELECT * FROM cases WHERE case_ref = ?", (ref,)).fetchone())
    conn.close()
    return row


@pytest.fixture
def view(qtbot, ctx):
    case_view = CaseView(ctx)
    qtbot.addWidget(case_view)
    case_view.resize(900, 700)
    case_view.show()
    return case_view


def _open(qtbot, view: CaseView, ref: str) -> None:
    with qtbot.waitSignal(view.loaded, timeout=WAIT):
        view.open_case(ref)


def _running(detail) -> bool:
    return detail.facts is not None and bool(detail.facts.chain.intervals)


def test_header_and_timeline_show_the_case(qtbot, ctx, view):
    detail = _find(ctx, _running)
    _open(qtbot, view, detail.row["case_ref"])
    title = view.header.title.text()
    assert detail.row["case_ref"] in title
    assert detail.row["person_name"] in title
    assert detail.row["pin"] not in title  # only the masked number
    day = detail.facts.chain.day
    assert f"Dag {day} av kedjan" in view.timeline.accessibleDescription()
    assert f"Dag {day} av kedjan" in view.chain_text.text()  # in words, not only drawn
    assert view.timeline.accessibleName()


def test_a_case_with_gaps_shows_them_prominently(qtbot, ctx, view):
    detail = _find(ctx, lambda d: any(g.type == "employer_options" for g in d.gaps))
    _open(qtbot, view, detail.row["case_ref"])
    assert not view.gaps.isHidden()
    assert f"Luckor ({len(detail.gaps)})" in view.gaps.title.text()
    for gap in detail.gaps:
        assert gap.title in view.gaps.body.text()
    assert view.gaps.pulsing
    for _ in range(10):  # the pulse ends by itself after about five seconds
        view.gaps._tick()
    assert not view.gaps.pulsing


def test_a_case_without_gaps_has_no_gaps_box(qtbot, ctx, view):
    detail = _find(ctx, lambda d: _running(d) and not d.gaps)
    _open(qtbot, view, detail.row["case_ref"])
    assert view.gaps.isHidden()


def test_ticking_a_checklist_box_writes_an_event_and_persists(qtbot, ctx, view):
    detail = _find(ctx, lambda d: d.row["status"] == "open" and not d.row["check_phone"])
    ref = detail.row["case_ref"]
    _open(qtbot, view, ref)
    with qtbot.waitSignal(view.loaded, timeout=WAIT):
        view.checklist.boxes["check_phone"].click()
    assert _case_row(ctx, ref)["check_phone"] == 1
    assert {"check_phone": [0, 1]} in _events(ctx, ref, "case.updated")
    assert view.checklist.boxes["check_phone"].isChecked()
    history = [view.event_model.data(view.event_model.index(r, 2)) for r in range(3)]
    assert "Ändrade Telefonutredning gjord: nej → ja" in history


def test_the_day_181_position_is_saved_with_its_date(qtbot, ctx, view):
    detail = _find(
        ctx,
        lambda d: _running(d) and d.row["employment"] == "employed" and not d.row["os_position"],
    )
    ref = detail.row["case_ref"]
    _open(qtbot, view, ref)
    with qtbot.waitSignal(view.loaded, timeout=WAIT):
        view.checklist.os.setCurrentIndex(view.checklist.os.findText("Övervägande skäl (ÖS)"))
    row = _case_row(ctx, ref)
    assert (row["os_position"], row["os_position_on"]) == ("os", ON.isoformat())
    assert "Ställningstagande taget" in view.checklist.when_181.text()
    with qtbot.waitSignal(view.loaded, timeout=WAIT):
        view.checklist.os.setCurrentIndex(view.checklist.os.findText("Ej taget"))
    assert _case_row(ctx, ref)["os_position"] is None


def test_no_follow_up_without_a_reason_is_refused_inline(qtbot, ctx, view):
    detail = _find(
        ctx,
        lambda d: (
            d.row["status"] == "open"
            and not d.row["no_follow_up"]
            and not d.row["no_follow_up_reason"]
        ),
    )
    ref = detail.row["case_ref"]
    _open(qtbot, view, ref)
    before = _case_row(ctx, ref)
    view.flags.no_follow_up.click()
    qtbot.waitUntil(lambda: not view.flags.error.isHidden(), timeout=WAIT)
    assert "Ange skälet" in view.flags.error.text()
    assert not view.flags.no_follow_up.isChecked()  # the control is reverted
    assert _case_row(ctx, ref) == before
    assert _events(ctx, ref, "case.updated") == []


def test_no_follow_up_with_a_reason_is_saved(qtbot, ctx, view):
    detail = _find(ctx, lambda d: d.row["status"] == "open" and not d.row["no_follow_up"])
    ref = detail.row["case_ref"]
    _open(qtbot, view, ref)
    view.flags.reason.setEditText("Palliativ vård")
    with qtbot.waitSignal(view.loaded, timeout=WAIT):
        view.flags.no_follow_up.click()
    row = _case_row(ctx, ref)
    assert (row["no_follow_up"], row["no_follow_up_reason"]) == (1, "Palliativ vård")
    assert view.flags.error.isHidden()


def test_recovery_phase_gets_a_look_again_date_and_can_be_cleared(qtbot, ctx, view):
    detail = _find(ctx, lambda d: d.row["status"] == "open" and not d.row["recovery_until"])
    ref = detail.row["case_ref"]
    _open(qtbot, view, ref)
    with qtbot.waitSignal(view.loaded, timeout=WAIT):
        view.flags.recovery.check.click()
    assert _case_row(ctx, ref)["recovery_until"] == (ON + timedelta(days=28)).isoformat()
    assert "titta igen" in view.flags.recovery_state.text()
    with qtbot.waitSignal(view.loaded, timeout=WAIT):
        view.flags.recovery.clear.click()
    assert _case_row(ctx, ref)["recovery_until"] is None


def test_adding_a_note_stores_it_and_an_event(qtbot, ctx, view):
    detail = _find(ctx, _running)
    ref = detail.row["case_ref"]
    _open(qtbot, view, ref)
    view.notes.editor.setPlainText("Ringde arbetsgivaren, återkommer fredag")
    with qtbot.waitSignal(view.loaded, timeout=WAIT):
        view.notes.save_button.click()
    conn = open_db(ctx.db_path)
    texts = [r[0] for r in conn.execute("SELECT text FROM case_notes")]
    conn.close()
    assert "Ringde arbetsgivaren, återkommer fredag" in texts
    assert len(_events(ctx, ref, "note.added")) == 1
    assert "återkommer fredag" in view.notes.list.text()
    assert view.notes.editor.toPlainText() == ""


def test_an_empty_note_is_refused(qtbot, ctx, view):
    detail = _find(ctx, _running)
    _open(qtbot, view, detail.row["case_ref"])
    view.notes.save_button.click()
    qtbot.waitUntil(lambda: not view.notes.error.isHidden(), timeout=WAIT)
    assert "tom" in view.notes.error.text()


def _saknar(view: CaseView, impulse_id: int) -> bool:
    model = view.impulse_model
    for r, row in enumerate(model.rows):
        if row["id"] == impulse_id:
            return model.data(model.index(r, 3)) == "Saknar utfall"
    raise AssertionError("impulse not shown")


def test_recording_an_outcome_removes_saknar_utfall(qtbot, ctx, view):
    detail = _find(
        ctx, lambda d: d.row["status"] == "open" and any(i["outcome"] is None for i in d.impulses)
    )
    ref = detail.row["case_ref"]
    impulse = next(i for i in detail.impulses if i["outcome"] is None)
    _open(qtbot, view, ref)
    assert _saknar(view, impulse["id"])
    view.impulses_table.selectRow([i["id"] for i in view.impulse_model.rows].index(impulse["id"]))
    qtbot.keyClick(view.impulses_table, Qt.Key.Key_O)  # O opens 'Registrera utfall…'
    dialog = view.outcome_dialog
    assert dialog is not None and dialog.impulse["id"] == impulse["id"]
    qtbot.keyClick(dialog, Qt.Key.Key_2)  # 2 = handled by another actor
    dialog.note.setText("Rehabkoordinatorn tar det")
    with qtbot.waitSignal(view.loaded, timeout=WAIT):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not _saknar(view, impulse["id"])
    conn = open_db(ctx.db_path)
    outcome = conn.execute("SELECT outcome FROM impulses WHERE id = ?", (impulse["id"],))
    assert outcome.fetchone()[0] == "other_actor"
    conn.close()
    assert len(_events(ctx, ref, "impulse.outcome")) == 1


def test_not_relevant_without_a_note_keeps_the_dialog_open(qtbot, ctx, view):
    detail = _find(
        ctx, lambda d: d.row["status"] == "open" and any(i["outcome"] is None for i in d.impulses)
    )
    _open(qtbot, view, detail.row["case_ref"])
    dialog = view.ask_outcome()
    assert dialog is not None
    dialog.choose(3)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not dialog.error.isHidden(), timeout=WAIT)
    assert "inte är relevant" in dialog.error.text()
    assert dialog.isVisible()
    dialog.reject()


def _asking(qtbot, ctx, view):
    detail = _find(
        ctx, lambda d: d.row["status"] == "open" and any(i["outcome"] is None for i in d.impulses)
    )
    impulse = next(i for i in detail.impulses if i["outcome"] is None)
    _open(qtbot, view, detail.row["case_ref"])
    view.impulses_table.selectRow([i["id"] for i in view.impulse_model.rows].index(impulse["id"]))
    dialog = view.ask_outcome()
    assert dialog is not None
    return detail.row["case_ref"], impulse, dialog


def test_a_quick_note_records_not_relevant_from_the_case(qtbot, ctx, view):
    # The case view's dialog is the inbox's outcome panel: the same quick notes work here.
    _ref, impulse, dialog = _asking(qtbot, ctx, view)
    dialog.panel.quick_buttons[0].click()  # "Dubblettintyg"
    with qtbot.waitSignal(view.loaded, timeout=WAIT):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    conn = open_db(ctx.db_path)
    row = conn.execute(
        "SELECT outcome, outcome_note FROM impulses WHERE id = ?", (impulse["id"],)
    ).fetchone()
    conn.close()
    assert tuple(row) == ("not_relevant", "Dubblettintyg")


def test_enter_twice_records_the_outcome_once(qtbot, ctx, view):
    ref, _impulse, dialog = _asking(qtbot, ctx, view)
    submitted: list[tuple[str, str]] = []
    dialog.submitted.connect(lambda outcome, note: submitted.append((outcome, note)))
    dialog.note.setText("ringde")
    with qtbot.waitSignal(view.loaded, timeout=WAIT):
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return)  # before the write came back
    assert submitted == [("acted", "ringde")]
    assert len(_events(ctx, ref, "impulse.outcome")) == 1


def test_the_number_pad_chooses_the_outcome_too(qtbot, ctx, view):
    _ref, _impulse, dialog = _asking(qtbot, ctx, view)
    qtbot.keyClick(dialog, Qt.Key.Key_2, Qt.KeyboardModifier.KeypadModifier)
    assert dialog.outcome() == "other_actor"
    dialog.reject()


def test_closing_the_dialog_while_it_records_still_refreshes(qtbot, ctx, view):
    ref, impulse, dialog = _asking(qtbot, ctx, view)
    dialog.note.setText("ringde")
    with qtbot.waitSignal(view.loaded, timeout=WAIT):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        dialog.reject()  # Esc before the write came back; the dialog is deleted
    assert not _saknar(view, impulse["id"])
    assert len(_events(ctx, ref, "impulse.outcome")) == 1


def test_changing_consent_writes_an_event(qtbot, ctx, view):
    detail = _find(ctx, lambda d: d.row["status"] == "open" and d.contacts)
    ref = detail.row["case_ref"]
    contact = detail.contacts[0]
    _open(qtbot, view, ref)
    combo = view.consent.combos[contact["id"]]
    target = 2 if contact["consent"] != 0 else 1  # Nej, or Ja if already Nej
    with qtbot.waitSignal(view.loaded, timeout=WAIT):
        combo.setCurrentIndex(target)
    events = _events(ctx, ref, "contact.consent")
    assert len(events) == 1 and events[0]["contact"] == contact["id"]
    assert events[0]["consent"][1] == (0 if target == 2 else 1)
    assert view.consent.combos[contact["id"]].currentIndex() == target


def test_the_scroll_position_survives_an_edit(qtbot, ctx, view):
    detail = _find(ctx, lambda d: d.row["status"] == "open" and not d.row["runs_itself"])
    _open(qtbot, view, detail.row["case_ref"])
    bar = view.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 200, timeout=WAIT)
    bar.setValue(150)
    with qtbot.waitSignal(view.loaded, timeout=WAIT):
        view.flags.runs_itself.click()
    qtbot.wait(50)  # let the deferred restore run once the page is laid out again
    assert bar.value() == 150


def test_back_button_asks_to_go_back(qtbot, ctx, view):
    detail = _find(ctx, _running)
    _open(qtbot, view, detail.row["case_ref"])
    with qtbot.waitSignal(view.back_requested, timeout=1000):
        view.header.back_button.click()


def test_timeline_paints_linked_periods_and_a_closed_case(qtbot, ctx, view):
    linked = _find(ctx, lambda d: _running(d) and len(d.facts.chain.intervals) > 1)
    _open(qtbot, view, linked.row["case_ref"])
    assert "sammanlänkade sjukperioder" in view.timeline.accessibleDescription()
    assert not view.timeline.grab().isNull()
    closed = _find(ctx, lambda d: d.row["status"] == "closed")
    _open(qtbot, view, closed.row["case_ref"])
    assert "Ingen pågående sjukperiod" in view.timeline.accessibleDescription()
    assert not view.timeline.grab().isNull()
    assert not view.checklist.boxes["check_phone"].isEnabled()


def test_timeline_without_a_chain(qtbot):
    timeline = TimelineWidget()
    qtbot.addWidget(timeline)
    timeline.resize(600, timeline.sizeHint().height())
    assert not timeline.grab().isNull()
    assert chain_summary(None) == "Ingen pågående sjukperiod."
    assert 60 <= timeline.sizeHint().height() <= 110


def test_events_read_as_swedish_sentences():
    assert describe_event("case.updated", {"runs_itself": [0, 1]}) == (
        "Ändrade Sköter sig självt: nej → ja"
    )
    consent = {"contact": 1, "role": "employer", "consent": [None, 1]}
    text = describe_event("contact.consent", consent)
    assert text == "Samtycke för Arbetsgivaren: okänt → ja"
    assert describe_event("case.updated", {"os_position": [None, "os"]}).endswith(
        "inget → Övervägande skäl (ÖS)"
    )


def test_table_models_pass_the_model_tester(qtbot, qtmodeltester, ctx):
    detail = _find(
        ctx, lambda d: d.impulses and d.follow_ups and d.contacts and d.row["status"] == "open"
    )
    for columns, rows in (
        (impulse_columns(), detail.impulses),
        (follow_up_columns(date(2026, 11, 23)), detail.follow_ups),
        (contact_columns(), detail.contacts),
        (event_columns(), [{"at": "2026-11-23T08:14:00+00:00", "actor": "hl01",
                            "kind": "note.added", "detail": {"note_id": 1}}]),
    ):  # fmt: skip
        model = RowsModel(columns)
        model.set_rows(rows)
        qtmodeltester.check(model)
        assert model.rowCount() == len(rows)


def test_revealing_the_personal_identity_number_is_deliberate_and_logged(qtbot, ctx):
    from ui.views.case import CaseView

    view = CaseView(ctx)
    qtbot.addWidget(view)
    conn = open_db(ctx.db_path)
    case_ref, pin = conn.execute("SELECT case_ref, pin FROM cases LIMIT 1").fetchone()
    conn.close()
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.open_case(case_ref)
    assert pin[-4:] not in view.header.title.text()
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.header.reveal_button.click()
    assert pin[-4:] in view.header.title.text()
    conn = open_db(ctx.db_path)
    kinds = [r[0] for r in conn.execute(
        "SELECT e.kind FROM events e JOIN cases c ON c.id = e.case_id WHERE c.case_ref = ?",
        (case_ref,),
    )]  # fmt: skip
    details = [r[0] for r in conn.execute("SELECT detail FROM events")]
    conn.close()
    assert "pin.revealed" in kinds
    assert not any(pin in d for d in details)
