"""The command line speaks one language: Swedish by default, click's own texts included, and
English with OVERBLICK_LANG=en."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest

from app import i18n

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str, lang: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != i18n.LANG_ENV}
    if lang is not None:
        env[i18n.LANG_ENV] = lang
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_click_speaks_swedish_by_default(run_cli) -> None:
    unknown = run_cli("nosuch")
    assert unknown.exit_code == 2
    assert "Kommandot 'nosuch' finns inte" in unknown.stderr
    assert "No such command" not in unknown.stderr

    bad = run_cli("today", "--limit", "x")
    assert bad.exit_code == 2
    assert "Ogiltigt värde för '--limit'" in bad.stderr
    assert "Invalid value" not in bad.stderr


def test_help_is_swedish_by_default(run_cli) -> None:
    shown = run_cli("--help", db=None)
    assert shown.exit_code == 0
    assert "Användning:" in shown.stdout
    assert "Visa den här hjälpen och avsluta." in shown.stdout
    for english in ("Usage:", "Show this message", "Options:", "Commands:"):
        assert english not in shown.stdout


def test_english_when_asked() -> None:
    shown = _run("--help", lang="en")
    assert shown.returncode == 0, shown.stderr
    assert "Usage:" in shown.stdout
    assert "Show this message and exit." in shown.stdout
    unknown = _run("nosuch", lang="en")
    assert unknown.returncode == 2
    assert "No such command 'nosuch'" in unknown.stderr


def test_language_names_are_normalised() -> None:
    assert i18n.normalise("en_GB.UTF-8") == "en"
    assert i18n.normalise("English") == "en"
    assert i18n.normalise("sv_SE") == "sv"
    assert i18n.normalise("") == "sv"
    assert i18n.normalise("fi") == "sv"  # unknown: the source language


def _click_messages() -> set[str]:
    """Every text click passes through gettext, read from the installed click's source."""
    found: set[str] = set()
    for path in Path(click.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("_", "ngettext")
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                found.add(node.args[0].value)
    return found


def test_every_click_text_has_a_swedish_translation() -> None:
    translations = i18n.catalogue("click", "sv")
    untranslated = sorted(m for m in _click_messages() if translations.gettext(m) == m)
    # A few are the same in both languages.
    assert set(untranslated) <= {"d", "%(prog)s, version %(version)s"}, (
        "click texts without Swedish (run bash scripts/i18n.sh update and translate "
        f"resources/locale/sv/LC_MESSAGES/click.po): {untranslated}"
    )


@pytest.mark.parametrize("domain, lang", [("click", "sv"), ("overblick", "en")])
def test_the_catalogue_reads_without_a_compiled_file(domain: str, lang: str, tmp_path) -> None:
    po = ROOT / "resources" / "locale" / lang / "LC_MESSAGES" / f"{domain}.po"
    if not po.exists():
        pytest.skip(f"no {po.name} yet")
    compiled = i18n.compile_po(po.read_bytes())
    assert compiled[:4] in (b"\xde\x12\x04\x95", b"\x95\x04\x12\xde")  # a gettext .mo
