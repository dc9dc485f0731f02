"""Files dropped on the window together are imported in dependency order, whatever order
the drop gives them (issue 11)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from tests.test_import_order import small_stock
from ui.importer import Importer


def test_dropped_files_are_imported_caseworkers_first(qtbot, ctx, tmp_path: Path):
    window = QWidget()
    qtbot.addWidget(window)
    importer = Importer(ctx, window)
    stock = small_stock(tmp_path / "släppt")
    dropped = [stock["impulses"], stock["cases"], stock["caseworkers"]]
    with qtbot.waitSignal(importer.finished, timeout=20_000) as finished:
        importer.import_files(dropped, show_result=False)
    results = finished.args[0]
    assert [(r.name, r.status, r.rejected) for r in results] == [
        ("c-handläggare.csv", "ok", 0), ("b-ärenden.csv", "ok", 0), ("a-impulser.csv", "ok", 0)
    ]  # fmt: skip
