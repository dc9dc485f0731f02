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

from app.base import i18n

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
    # click builds "required" from a variable, so the source scan cannot see it.
    assert translations.gettext("required") == "krävs"
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


KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "counted": (2, 3)}


def _engine_messages() -> set[str]:
    """Every text of app/ and db/ marked for translation, as scripts/i18n.sh extracts it."""
    from babel.messages.extract import extract_from_dir

    found: set[str] = set()
    for folder in ("app", "db"):
        for _file, _line, message, _comments, _context in extract_from_dir(
            ROOT / folder, keywords=KEYWORDS, comment_tags=()
        ):
            found.add(message[0] if isinstance(message, tuple) else message)
    return found


def test_every_engine_and_command_line_text_has_english() -> None:
    messages = _engine_messages()
    assert len(messages) > 300  # the extraction found the texts
    from babel.messages.pofile import read_po

    po = ROOT / "resources" / "locale" / "en" / "LC_MESSAGES" / "overblick.po"
    with po.open("rb") as handle:
        catalogue = read_po(handle)
    translated = set()
    for entry in catalogue:
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        if entry.id and all(strings):
            translated.add(entry.id[0] if isinstance(entry.id, tuple) else entry.id)
    missing = sorted(messages - translated)
    assert missing == [], (
        "texts without English (run bash scripts/i18n.sh extract, then translate "
        f"resources/locale/en/LC_MESSAGES/overblick.po): {missing[:20]}"
    )


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("lang") / "demo.db"
    built = _run("--db", str(path), "demo", "--caseworkers", "2", "--cases", "20", lang=None)
    assert built.returncode == 0, built.stderr
    return path


@pytest.mark.parametrize(
    "args",
    [
        ("today", "--limit", "5"),
        ("stock",),
        ("follow-up", "list"),
        ("team", "--as", "lead01"),
        ("impulse", "list"),
        ("today", "--help"),
        ("import", "--help"),
    ],
    ids=lambda a: " ".join(a),
)
def test_the_command_line_speaks_english_when_asked(demo_db: Path, args: tuple[str, ...]) -> None:
    english = _run("--db", str(demo_db), *args, lang="en")
    swedish = _run("--db", str(demo_db), *args, lang=None)
    assert english.returncode == swedish.returncode == 0, english.stderr + swedish.stderr
    assert english.stdout != swedish.stdout
    for word in ("Användning", "Flaggor", "ärenden", "Planerat", "bevakningar", "Teamet"):
        assert word not in english.stdout, f"{word!r} in English output of {' '.join(args)}"


def test_errors_are_english_when_asked(tmp_path: Path) -> None:
    missing = _run("--db", str(tmp_path / "none.db"), "today", lang="en")
    assert missing.returncode == 2
    assert "does not exist" in missing.stderr and "finns inte" not in missing.stderr
    folder = _run("--db", str(tmp_path), "today", lang="en")
    assert folder.returncode == 2
    assert "mapp" not in folder.stderr


# Words of the team server's Swedish messages that must not show through in English.
SWEDISH_SERVER_WORDS = ("Databasen", "databasen", "servern", "kan inte", "ansluten", "Inget")


def test_the_team_server_commands_speak_english_when_asked(demo_db: Path) -> None:
    never_joined = _run("--db", str(demo_db), "sync", lang="en")
    assert never_joined.returncode == 2 and never_joined.stdout == ""
    assert "has not joined a team server" in never_joined.stderr
    status = _run("--db", str(demo_db), "sync", "status", lang="en")
    assert status.returncode == 0 and status.stdout.startswith("Not joined")
    unreachable = _run("server", "init", "postgresql://nobody@127.0.0.1:1/none", lang="en")
    assert unreachable.returncode == 2 and unreachable.stdout == ""
    assert "does not answer" in unreachable.stderr
    assert len(unreachable.stderr.strip().splitlines()) == 1
    for shown in (never_joined.stderr, status.stdout, unreachable.stderr):
        for word in SWEDISH_SERVER_WORDS:
            assert word not in shown, f"{word!r} in {shown!r}"
    helped = _run("server", "add-user", "--help", lang="en")
    assert helped.returncode == 0, helped.stderr
    assert "URL SIGNATURE" in helped.stdout and "--name NAME" in helped.stdout
    assert "--password-file FILE" in helped.stdout and "person's name" in helped.stdout
    for command in (("server",), ("sync",), ("join",), ("sync", "status")):
        shown = _run(*command, "--help", lang="en").stdout
        assert "team server" in shown or "Server, role" in shown, shown
        assert not any(word in shown for word in ("teamserver", "ändring", "Skicka")), shown


def test_the_team_server_commands_stay_swedish_by_default(demo_db: Path) -> None:
    never_joined = _run("--db", str(demo_db), "sync", lang=None)
    assert never_joined.returncode == 2
    assert "Databasen är inte ansluten till någon teamserver" in never_joined.stderr
    unreachable = _run("server", "init", "postgresql://nobody@127.0.0.1:1/none", lang=None)
    assert unreachable.returncode == 2 and "svarar inte" in unreachable.stderr
    helped = _run("server", "add-user", "--help", lang=None)
    assert "URL SIGNATUR" in helped.stdout and "--name NAMN" in helped.stdout
