"""The shipped samples import cleanly and describe one stock in every format."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from app.base.clock import FixedClock
from app.exchange.importer import import_file
from app.safety.pin import is_valid_pin

SAMPLE = Path(__file__).resolve().parents[1] / "resources" / "sample"
CLOCK = FixedClock(datetime(2026, 11, 23, 9, 0))


@pytest.mark.parametrize(
    "name", ["cases.csv", "cases-windows-1252.csv", "stock.xlsx", "events.jsonl"]
)
def test_each_sample_imports_without_rejects(conn, name):
    if name.startswith("cases"):
        import_file(conn, SAMPLE / "caseworkers.csv", clock=CLOCK, actor=None)
    result = import_file(conn, SAMPLE / name, clock=CLOCK, actor=None)
    assert result.rejected == 0, result.rejects
    assert result.created > 0
    assert not (SAMPLE / f"{Path(name).stem}.avvisade.csv").exists()


def test_the_samples_describe_the_same_stock(conn):
    first = import_file(conn, SAMPLE / "events.jsonl", clock=CLOCK, actor=None)
    assert set(first.by_type) == {
        "caseworker", "case", "sick_period", "certificate", "impulse", "follow_up", "contact"
    }  # fmt: skip
    for name in ("caseworkers.csv", "cases.csv", "cases-windows-1252.csv", "stock.xlsx"):
        again = import_file(conn, SAMPLE / name, clock=CLOCK, actor=None)
        assert (again.created, again.updated, again.rejected) == (0, 0, 0), name


def test_sample_files_are_in_the_promised_encodings():
    assert (SAMPLE / "cases.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    raw = (SAMPLE / "cases-windows-1252.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert "Öberg" in raw.decode("cp1252")


def test_sample_pins_are_synthetic_test_series(conn):
    import_file(conn, SAMPLE / "events.jsonl", clock=CLOCK, actor=None)
    pins = [r[0] for r in conn.execute("SELECT pin FROM cases")]
    assert pins and all(is_valid_pin(p) and 980 <= int(p[8:11]) <= 999 for p in pins)
