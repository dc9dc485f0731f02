"""One language for everything a person reads outside Qt: the command line, exports, reports.

Swedish is the source language: the code's strings are Swedish and pass through ``_`` (or
``ngettext`` where a count meets a noun). English comes from a gettext catalogue,
``resources/locale/en/LC_MESSAGES/overblick.po``; click's own texts ("Usage:", "No such
option…") come in Swedish from ``resources/locale/sv/LC_MESSAGES/click.po``. The catalogues
are managed with Babel (``scripts/i18n.sh``: extract, update, compile); the compiled ``.mo``
is read when it is there and not older than its ``.po``, otherwise the ``.po`` is read
directly, so a checkout without the compile step still speaks both languages.

The language is ``OVERBLICK_LANG`` (``sv`` or ``en``; Swedish when unset or unknown), read
once per process. Nothing here imports Qt.
"""

from __future__ import annotations

import gettext as _gettext
import io
import os
from collections.abc import Mapping
from functools import cache
from typing import Any

import db.text
from resources import resource_path

LANG_ENV = "OVERBLICK_LANG"
LANGUAGES = ("sv", "en")
SOURCE_LANGUAGE = "sv"
DOMAIN = "overblick"

_chosen: str | None = None


def language() -> str:
    """The language everything speaks in this process: ``"sv"`` (default) or ``"en"``."""
    global _chosen
    if _chosen is None:
        _chosen = normalise(os.environ.get(LANG_ENV, ""))
    return _chosen


def normalise(value: str) -> str:
    """``"en"``, ``"en_GB.UTF-8"`` or ``"English"`` → ``"en"``; anything else → ``"sv"``."""
    code = value.strip().lower().replace("-", "_").split(".")[0].split("_")[0]
    if code in ("en", "english", "engelska"):
        return "en"
    return SOURCE_LANGUAGE


def set_language(code: str) -> None:
    """Switch this process's language (the window's settings, and tests)."""
    global _chosen
    _chosen = normalise(code)


def _(message: str) -> str:
    """``message`` (Swedish source text) in the chosen language."""
    if language() == SOURCE_LANGUAGE:
        return message
    return catalogue(DOMAIN, language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for ``n``, in the chosen language. The caller formats
    the count in: ``ngettext("{n} impuls", "{n} impulser", n).format(n=n)``."""
    if language() == SOURCE_LANGUAGE:
        return singular if n == 1 else plural
    return catalogue(DOMAIN, language()).ngettext(singular, plural, n)


def decimal(value: float, digits: int = 1) -> str:
    """A number as a reader writes it: '1,5' in Swedish, '1.5' in English."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if language() == SOURCE_LANGUAGE else text


def N_(message: str) -> str:
    """Marks a string for extraction where it is defined; translate it with ``_`` where it
    is shown (module-level tables, which are built before the language is known)."""
    return message


def label(table: Mapping[str, str], key: str) -> str:
    """The translated text ``table`` (marked with ``N_``) holds for ``key``; the key itself
    when the table has none."""
    text = table.get(key)
    return key if text is None else _(text)


@cache
def catalogue(domain: str, lang: str) -> _gettext.NullTranslations:
    """The compiled catalogue for ``domain`` in ``lang``; an empty one if there is none."""
    folder = resource_path("locale", lang, "LC_MESSAGES")
    po, mo = folder / f"{domain}.po", folder / f"{domain}.mo"
    try:
        if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime):
            with mo.open("rb") as handle:
                return _gettext.GNUTranslations(handle)
        if po.is_file():
            return _gettext.GNUTranslations(io.BytesIO(compile_po(po.read_bytes())))
    except (OSError, ValueError):
        pass
    return _gettext.NullTranslations()


def compile_po(data: bytes) -> bytes:
    """A ``.po`` catalogue compiled to ``.mo`` bytes (Babel; fuzzy entries are left out)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    out = io.BytesIO()
    write_mo(out, read_po(io.BytesIO(data)))
    return out.getvalue()


# Click's parameter types name themselves in help ("INTEGER RANGE") and errors ("not a valid
# integer"); in Swedish they get Swedish names.
_CLICK_TYPE_NAMES_SV = {
    "IntParamType": "heltal",
    "FloatParamType": "tal",
    "BoolParamType": "ja/nej",
    "StringParamType": "text",
    "IntRange": "heltal",
    "FloatRange": "tal",
    "Path": "sökväg",
    "File": "fil",
    "Choice": "val",
    "DateTime": "tidpunkt",
    "UUIDParameterType": "uuid",
}


def install_click_language() -> None:
    """Make click speak this process's language: its own texts through our catalogue.

    Click translates through names bound in its modules (``from gettext import gettext as
    _``); in Swedish those names are pointed at the Swedish click catalogue. Call it before
    the commands are declared, since some texts are taken when a decorator runs.
    """
    if language() != "sv":
        return
    import importlib

    import click.types

    translations = catalogue("click", "sv")
    for name in (
        "core",
        "decorators",
        "exceptions",
        "formatting",
        "parser",
        "termui",
        "types",
        "utils",
        "_termui_impl",
        "shell_completion",
    ):
        try:
            module: Any = importlib.import_module(f"click.{name}")
        except ImportError:  # pragma: no cover - a click without that module
            continue
        if hasattr(module, "_"):
            module._ = translations.gettext
        if hasattr(module, "ngettext"):
            module.ngettext = translations.ngettext
    for type_name, swedish in _CLICK_TYPE_NAMES_SV.items():
        kind = getattr(click.types, type_name, None)
        if kind is not None:
            kind.name = swedish


# The storage layer (db/, below the engine) speaks through the same catalogue.
db.text.set_translator(_)
