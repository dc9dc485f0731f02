"""Import idempotence, updates and their events, atomicity, and what the caseworker owns."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from app.base.clock import FixedClock
from app.exchange.apply import Applier
from app.exchange.importer import import_file, import_history
from app.safety.pin import make_pin

ROOT = Path(__file__).resolve().parents[1]
CLOCK = FixedClock(datetime(2026, 11, 23, 9, 0))
PIN_A = make_pin(date(1984, 3, 12), 982, True)
PIN_B = make_pin(date(1971, 11, 2), 983, False)
HEADER = (
    "Ärende;Namn;Personnummer;Anställning;Omfattning;Status;Handläggare;Beslut väntar;"
    "Samordning behövs;Sjukperiod från;Sjukperiod till"
)
ROWS = [
    f"A1;Anna Andersson;{PIN_A};anställd;50;öppen;hl01;nej;ja;2026-08-18;",
    f"A2;Björn Öberg;{PIN_B};arbetslös;100;öppen;hl01;ja;nej;2026-10-06;",
    f"A3;Åsa Ek;{PIN_A};anställd;25;öppen;hl02;nej;nej;2026-03-16;",
]


def write(path: Path, header: str, rows: list[str]) -> Path:
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8-sig")
    return path


def run(conn: sqlite3.Connection, path: Path, **kw: object):
    return import_file(conn, path, clock=CLOCK, actor="hl01", **kw)


def dump(conn: sqlite3.Connection, *, skip: tuple[str, ...] = ()) -> dict[str, list[tuple]]:
    """Every row of every table (and the schema), to compare a database before and after."""
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%_fts%' "
            "AND name NOT LIKE 'sqlite_%'"
        )
        if r[0] not in skip
    ]
    out = {t: [tuple(r) for r in conn.execute(f"SELECT * FROM {t} ORDER BY 1")] for t in tables}
    out["schema"] = [tuple(r) for r in conn.execute("SELECT * FROM sqlite_master ORDER BY name")]
    return out


@pytest.fixture
def workers(stock):
    stock.caseworker("hl01")
    stock.caseworker("hl02", name="Johan Berg")
    return stock


def test_importing_the_same_file_twice_changes_nothing(conn, workers, tmp_path):
    path = write(tmp_path / "c.csv", HEADER, ROWS)
    first = run(conn, path)
    assert (first.created, first.updated, first.unchanged, first.rejected) == (3, 0, 0, 0)
    before = dump(conn, skip=("import_runs",))
    second = run(conn, path)
    assert (second.created, second.updated, second.unchanged, second.rejected) == (0, 0, 3, 0)
    assert dump(conn, skip=("import_runs",)) == before
    assert [r.status for r in import_history(conn, 5)] == ["ok", "ok"]


def test_a_changed_row_updates_and_writes_an_event_without_names_or_pins(conn, workers, tmp_path):
    run(conn, write(tmp_path / "c.csv", HEADER, ROWS))
    changed = [
        f"A1;Anna Nyberg;{PIN_B};anställd;75;öppen;hl02;nej;ja;2026-08-18;2026-11-30",
        *ROWS[1:],
    ]
    result = run(conn, write(tmp_path / "c.csv", HEADER, changed))
    assert (result.created, result.updated, result.unchanged) == (0, 1, 2)
    case = conn.execute("SELECT * FROM cases WHERE case_ref = 'A1'").fetchone()
    assert (case["person_name"], case["pin"], case["extent"]) == ("Anna Nyberg", PIN_B, 75)
    assert case["birth_date"] == "1971-11-02"
    events = conn.execute(
        "SELECT kind, actor, detail FROM events WHERE case_id = ? ORDER BY id", (case["id"],)
    ).fetchall()
    assert [e["kind"] for e in events] == ["import.updated", "import.updated"]
    detail = json.loads(events[0]["detail"])
    assert detail["entity"] == "case" and detail["id"] == "A1"
    assert set(detail["fields"]) == {
        "person_name", "pin", "birth_date", "extent", "caseworker"
    }  # fmt: skip
    assert detail["changes"] == {"extent": [50, 75], "caseworker": ["hl01", "hl02"]}
    for secret in ("Anna", "Nyberg", PIN_A, PIN_B, PIN_A[:8], "1984-03-12"):
        assert secret not in events[0]["detail"]
    period = json.loads(events[1]["detail"])
    assert period["entity"] == "sick_period"
    assert period["changes"] == {"end": [None, "2026-11-30"], "extent": [50, 75]}
    assert conn.execute("SELECT end FROM sick_periods WHERE ext_id = 'A1/2026-08-18'").fetchone()[
        0
    ] == ("2026-11-30")


def test_a_new_sick_period_on_a_case_row_counts_as_an_update(conn, workers, tmp_path):
    run(conn, write(tmp_path / "c.csv", HEADER, ROWS[:1]))
    later = [f"A1;Anna Andersson;{PIN_A};anställd;50;öppen;hl01;nej;ja;2026-12-01;"]
    result = run(conn, write(tmp_path / "c.csv", HEADER, later))
    assert (result.created, result.updated, result.unchanged) == (0, 1, 0)
    starts = [r[0] for r in conn.execute("SELECT start FROM sick_periods ORDER BY start")]
    assert starts == ["2026-08-18", "2026-12-01"]


def test_missing_columns_are_left_alone_and_empty_cells_clear(conn, workers, tmp_path):
    run(conn, write(tmp_path / "c.csv", f"{HEADER};Arbetsgivare", [ROWS[0] + ";Bolaget AB"]))
    result = run(conn, write(tmp_path / "s.csv", "Ärende;Status;Omfattning", ["A1;;"]))
    assert result.unchanged == 1  # empty status and extent keep their values
    result = run(conn, write(tmp_path / "e.csv", "Ärende;Arbetsgivare", ["A1;"]))
    assert result.updated == 1
    row = conn.execute("SELECT employer, status, extent, pin FROM cases").fetchone()
    assert tuple(row) == (None, "open", 50, PIN_A)


def test_a_failure_mid_file_leaves_the_database_exactly_as_before(
    conn, workers, tmp_path, monkeypatch
):
    run(conn, write(tmp_path / "first.csv", HEADER, ROWS[:1]))
    before = dump(conn)
    # write each row at once (and fill the full-text index in bulk) so rows 1-2 are in the
    # database when the third fails
    monkeypatch.setattr("app.exchange.apply.BATCH", 1)
    monkeypatch.setattr("app.exchange.apply.DEFER_FTS_FROM", 1)
    calls = {"n": 0}
    real_add = Applier.add

    def failing_add(self, record):
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("simulated crash on the third row")
        real_add(self, record)

    monkeypatch.setattr(Applier, "add", failing_add)
    rows = [
        ROWS[0].replace("Anna Andersson", "Anna Ändrad"),
        f"X1;Bad;{PIN_A[:-1]}0;anställd;50;öppen;hl01;nej;nej;2026-08-18;",  # rejected
        ROWS[1],
        ROWS[2],
        f"A4;Ny Person;{PIN_B};anställd;50;öppen;hl01;nej;nej;2026-09-01;",
    ]
    path = write(tmp_path / "c.csv", HEADER, rows)
    with pytest.raises(RuntimeError):
        run(conn, path)
    assert calls["n"] == 3
    assert dump(conn) == before
    assert not (tmp_path / "c.avvisade.csv").exists()
    assert not list(tmp_path.glob(".c.avvisade.csv*"))
    assert not conn.in_transaction


def test_a_killed_import_leaves_the_database_as_before(db_path, tmp_path):
    script = f"""
import os, sys
sys.path.insert(0, {str(ROOT)!r})
from datetime import datetime
import app.exchange.importer as importing
import app.exchange.apply as apply
from app.base.clock import FixedClock
from db import open_db
apply.BATCH = 50
apply.DEFER_FTS_FROM = 1  # the full-text trigger is dropped inside the transaction
importing.PROGRESS_EVERY = 120
conn = open_db({str(db_path)!r})
def die(done, total):
    os._exit(9)  # like a kill: no rollback, no clean-up
importing.import_file(conn, {str(tmp_path / "big.csv")!r}, clock=FixedClock(datetime(2026, 11, 23)),
                      actor=None, progress=die)
"""
    rows = [f"K{n};Person {n};{PIN_A if n % 2 else PIN_B}" for n in range(400)]
    write(tmp_path / "big.csv", "Ärende;Namn;Personnummer", rows)
    from db import open_db

    conn = open_db(db_path)
    before = dump(conn)
    conn.close()
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert proc.returncode == 9, proc.stderr
    conn = open_db(db_path)
    try:
        assert dump(conn) == before
        assert conn.execute("SELECT count(*) FROM cases").fetchone()[0] == 0
    finally:
        conn.close()


def test_full_text_search_sees_bulk_imported_and_updated_rows(conn, workers, tmp_path, monkeypatch):
    monkeypatch.setattr("app.exchange.apply.DEFER_FTS_FROM", 1)
    run(conn, write(tmp_path / "c.csv", HEADER, ROWS))
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'cases_ai'").fetchone()
    found = conn.execute("SELECT rowid FROM cases_fts WHERE cases_fts MATCH 'Öberg'").fetchall()
    assert len(found) == 1
    run(conn, write(tmp_path / "c.csv", HEADER, [ROWS[1].replace("Öberg", "Lindgren")]))
    assert not conn.execute("SELECT 1 FROM cases_fts WHERE cases_fts MATCH 'Öberg'").fetchall()
    assert conn.execute("SELECT 1 FROM cases_fts WHERE cases_fts MATCH 'Lindgren'").fetchall()


IMPULSES = "Id;Ärende;Impulstyp;Dokumenttyp;Inkommen;Text"


def test_recorded_outcomes_and_read_marks_survive_a_reimport(conn, workers, tmp_path):
    run(conn, write(tmp_path / "c.csv", HEADER, ROWS))
    path = write(tmp_path / "i.csv", IMPULSES, ["I1;A1;1;läkarintyg;2026-11-20 09:00;Intyg"])
    first = run(conn, path)
    assert len(first.new_impulse_ids) == 1
    conn.execute(
        "UPDATE impulses SET read_at = '2026-11-21T08:00:00+00:00', outcome = 'acted', "
        "outcome_note = 'Ringt', outcome_by = 'hl01', outcome_at = '2026-11-21T08:05:00+00:00'"
    )
    again = run(
        conn, write(tmp_path / "i.csv", IMPULSES, ["I1;A1;2;läkarintyg;2026-11-20 09:00;Nytt"])
    )
    assert (again.updated, again.new_impulse_ids) == (1, [])
    row = conn.execute("SELECT type, text, read_at, outcome, outcome_note FROM impulses").fetchone()
    assert tuple(row) == ("coordinator_contact", "Nytt", "2026-11-21T08:00:00+00:00", "acted",
                          "Ringt")  # fmt: skip


def test_what_the_caseworker_recorded_on_a_case_survives(conn, workers, tmp_path):
    run(conn, write(tmp_path / "c.csv", HEADER, ROWS))
    case_id = conn.execute("SELECT id FROM cases WHERE case_ref = 'A1'").fetchone()[0]
    own = {
        "runs_itself": 1, "no_follow_up": 1, "no_follow_up_reason": "palliativ vård",
        "recovery_until": "2027-01-10", "plan_status": "written", "os_position": "os",
        "os_position_on": "2026-11-01", "check_phone": 1, "check_employer": 1,
        "last_action_at": "2026-11-22T10:00:00+00:00", "awaiting_actor": "vården",
    }  # fmt: skip
    conn.execute(
        f"UPDATE cases SET {', '.join(f'{k} = ?' for k in own)} WHERE id = ?",
        (*own.values(), case_id),
    )
    conn.execute(
        "INSERT INTO follow_ups (case_id, due_at, kind, origin, state, note) "
        "VALUES (?, '2026-12-01T08:00:00+00:00', 'insured', 'personal', 'open', 'Egen')",
        (case_id,),
    )
    workers.plan(case_id, date(2026, 11, 24))
    conn.execute(
        "INSERT INTO case_notes (case_id, at, author, text) VALUES (?, '2026-11-22', 'hl01', 'x')",
        (case_id,),
    )
    follow_ups = [tuple(r) for r in conn.execute("SELECT * FROM follow_ups")]
    changed = [ROWS[0].replace(";50;", ";100;"), *ROWS[1:]]
    result = run(conn, write(tmp_path / "c.csv", HEADER, changed))
    assert result.updated == 1
    row = conn.execute("SELECT * FROM cases WHERE id = ?", (case_id,)).fetchone()
    assert {k: row[k] for k in own} == own
    assert row["extent"] == 100
    assert [tuple(r) for r in conn.execute("SELECT * FROM follow_ups")] == follow_ups
    assert conn.execute("SELECT count(*) FROM planned_dates").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM case_notes").fetchone()[0] == 1


FOLLOW_UPS = "Id;Ärende;Datum;Bevakningstyp;Anteckning"


def test_imported_follow_ups_update_until_the_caseworker_closes_them(conn, workers, tmp_path):
    run(conn, write(tmp_path / "c.csv", HEADER, ROWS))
    run(conn, write(tmp_path / "f.csv", FOLLOW_UPS, ["F1;A1;2026-12-01;arbetsgivaren;Plan"]))
    moved = run(
        conn, write(tmp_path / "f.csv", FOLLOW_UPS, ["F1;A1;2026-12-05;arbetsgivaren;Plan"])
    )
    assert moved.updated == 1
    conn.execute(
        "UPDATE follow_ups SET state = 'done', closed_at = '2026-12-06' WHERE ext_id = 'F1'"
    )
    again = run(conn, write(tmp_path / "f.csv", FOLLOW_UPS, ["F1;A1;2026-12-24;vården;Ny"]))
    assert (again.updated, again.unchanged) == (0, 1)
    row = conn.execute("SELECT due_at, kind, state FROM follow_ups").fetchone()
    assert tuple(row) == ("2026-12-04T23:00:00+00:00", "employer", "done")


CONTACTS = "Id;Ärende;Roll;Namn;Samtycke"


def test_consent_recorded_in_the_app_is_never_overwritten(conn, workers, tmp_path):
    from app.case.casework import set_consent
    from app.priority.profile import resolve_caseworker

    run(conn, write(tmp_path / "c.csv", HEADER, ROWS))
    run(
        conn, write(tmp_path / "k.csv", CONTACTS, ["K1;A1;arbetsgivare;Per;", "K2;A1;läkare;Sara;"])
    )
    changed = run(
        conn,
        write(tmp_path / "k.csv", CONTACTS, ["K1;A1;arbetsgivare;Per;ja", "K2;A1;läkare;Sara;"]),
    )
    assert changed.updated == 1  # consent not recorded by anyone yet: the file may set it
    k2 = conn.execute("SELECT id FROM contacts WHERE ext_id = 'K2'").fetchone()[0]
    set_consent(conn, k2, False, resolve_caseworker(conn, "hl01"), CLOCK)
    result = run(
        conn,
        write(tmp_path / "k.csv", CONTACTS, ["K1;A1;arbetsgivare;Per;nej", "K2;A1;läkare;Sara;ja"]),
    )
    assert (result.updated, result.unchanged) == (1, 1)
    consent = dict(conn.execute("SELECT ext_id, consent FROM contacts").fetchall())
    assert consent == {"K1": 0, "K2": 0}


def test_an_undone_consent_no_longer_blocks_the_import(conn, workers, tmp_path):
    from app.case.casework import set_consent, undo_edit
    from app.priority.profile import resolve_caseworker

    run(conn, write(tmp_path / "c.csv", HEADER, ROWS))
    run(
        conn, write(tmp_path / "k.csv", CONTACTS, ["K1;A1;arbetsgivare;Per;", "K2;A1;läkare;Sara;"])
    )
    k1, k2 = (r[0] for r in conn.execute("SELECT id FROM contacts ORDER BY ext_id"))
    me = resolve_caseworker(conn, "hl01")
    set_consent(conn, k1, True, me, CLOCK)
    undo_edit(conn, set_consent(conn, k2, True, me, CLOCK).event_id, me, CLOCK)  # by mistake
    run(
        conn,
        write(
            tmp_path / "k.csv", CONTACTS, ["K1;A1;arbetsgivare;Per;nej", "K2;A1;läkare;Sara;nej"]
        ),
    )
    consent = dict(conn.execute("SELECT ext_id, consent FROM contacts").fetchall())
    assert consent == {"K1": 1, "K2": 0}  # the one kept stands; the undone one is the file's


def test_a_new_impulse_wakes_a_follow_up_snoozed_until_a_document_arrives(conn, workers, tmp_path):
    pytest.importorskip("app.followups.store")
    run(conn, write(tmp_path / "c.csv", HEADER, ROWS))
    case_id = conn.execute("SELECT id FROM cases WHERE case_ref = 'A1'").fetchone()[0]
    conn.execute(
        "INSERT INTO follow_ups (case_id, due_at, kind, origin, state, snoozed_until, wake_on) "
        "VALUES (?, '2026-11-20T08:00:00+00:00', 'insured', 'personal', 'open', "
        "'2026-12-20T08:00:00+00:00', 'certificate')",
        (case_id,),
    )
    run(conn, write(tmp_path / "i.csv", IMPULSES, ["I1;A1;1;meddelande;2026-11-22 09:00;x"]))
    assert conn.execute("SELECT snoozed_until FROM follow_ups").fetchone()[0] is not None
    run(conn, write(tmp_path / "i.csv", IMPULSES, ["I2;A1;1;läkarintyg;2026-11-23 09:00;x"]))
    assert conn.execute("SELECT snoozed_until, wake_on FROM follow_ups").fetchone()[:] == (
        None,
        None,
    )


def test_every_import_is_in_the_history(conn, workers, tmp_path):
    run(conn, write(tmp_path / "ok.csv", HEADER, ROWS))
    partial = run(conn, write(tmp_path / "partial.csv", HEADER, ["A9;;;;;;;;;;"]))
    assert partial.status == "partial"
    history = import_history(conn, 10)
    assert [(h.file_name, h.status, h.created, h.rejected) for h in history] == [
        ("partial.csv", "partial", 0, 1),
        ("ok.csv", "ok", 3, 0),
    ]
    assert history[0].reject_file == str(tmp_path / "partial.avvisade.csv")
    assert history[1].format == "csv" and len(history[1].file_sha256) == 64
    assert history[0].finished_at is not None


def test_the_reject_file_can_be_chosen_and_reimported_once_fixed(conn, workers, tmp_path):
    target = tmp_path / "ut" / "fel.csv"
    rows = [ROWS[0], f"A5;Bo;{PIN_A[:-1]}0;anställd;50;öppen;hl01;nej;nej;2026-09-01;"]
    result = run(conn, write(tmp_path / "c.csv", HEADER, rows), reject_file=target)
    assert result.reject_file == target and result.rejected == 1
    lines = target.read_bytes().decode("utf-8-sig").splitlines()
    assert lines[0] == "fil;rad;fält;orsak;" + HEADER
    assert lines[1].startswith("c.csv;3;Personnummer;")
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    target.write_text(
        target.read_text(encoding="utf-8-sig").replace(PIN_A[:-1] + "0", PIN_A),
        encoding="utf-8-sig",
    )
    fixed = run(conn, target, reject_file=tmp_path / "fel2.csv")
    assert (fixed.created, fixed.rejected) == (1, 0)
    assert not (tmp_path / "fel2.csv").exists()


def test_progress_is_reported(conn, workers, tmp_path, monkeypatch):
    monkeypatch.setattr("app.exchange.importer.PROGRESS_EVERY", 1)
    seen: list[tuple[int, int]] = []
    run(conn, write(tmp_path / "c.csv", HEADER, ROWS), progress=lambda d, t: seen.append((d, t)))
    assert seen and seen[-1][0] == seen[-1][1] > 0
    assert os.path.getsize(tmp_path / "c.csv") == seen[-1][1]
