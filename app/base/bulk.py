"""Bulk passes over many cases: the cyclic garbage collector pauses while they run."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector during a bulk pass: loading and scoring thousands of
    cases makes millions of objects without cycles, and the collector's repeated scans of
    them cost up to a third of the time. It runs again afterwards (unless the caller had it
    off); the objects are freed by reference counting as usual."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
