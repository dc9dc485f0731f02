"""Guard against a Qt binding that leaks references to None (PySide6 6.12.0 on Python 3.11).

Such a binding aborts the window after a few minutes of use ("deallocating None"), so the
installed PySide6 must keep None's reference count steady across ordinary calls.
"""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel


class _Emitter(QObject):
    ping = Signal(bool)


def _drift(call, times: int = 200) -> int:
    gc.collect()
    before = sys.getrefcount(None) + sys.getrefcount(True)
    for _ in range(times):
        call()
    gc.collect()
    return sys.getrefcount(None) + sys.getrefcount(True) - before


def test_void_calls_and_emits_keep_none_and_true_alive(qapp):
    label = QLabel()
    emitter = _Emitter()
    assert abs(_drift(lambda: label.setText("x"))) < 20
    assert abs(_drift(lambda: label.parent())) < 20
    assert abs(_drift(lambda: emitter.ping.emit(True))) < 20
