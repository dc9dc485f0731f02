"""The storage layer's messages in the chosen language, without importing the engine.

``db`` is the lowest layer and imports nothing of ``app``; the engine installs its
translation function here (``app.base.i18n`` does so when it is imported). Until then messages
stay in Swedish, the source language. ``scripts/i18n.sh`` extracts ``_("…")`` from db/ too.
"""

from __future__ import annotations

from collections.abc import Callable

_translate: Callable[[str], str] = str


def set_translator(translate: Callable[[str], str]) -> None:
    """Route every later message of the storage layer through ``translate``."""
    global _translate
    _translate = translate


def _(message: str) -> str:
    """``message`` (Swedish source text) in the chosen language."""
    return _translate(message)
