"""The English translation: every message is translated and the key strings load in Qt.

Swedish is the source language; English comes from resources/translations/overblick_en.ts,
compiled here to a temporary .qm with pyside6-lrelease (the committed .ts is the source of
truth; the .qm is a build product).
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from app.base import i18n
from resources import resource_path

TS = resource_path("translations", "overblick_en.ts")


def _lrelease() -> Path | None:
    folder = Path(sys.executable).parent
    for name in ("pyside6-lrelease", "pyside6-lrelease.exe"):
        if (folder / name).exists():
            return folder / name
    return None


@pytest.fixture
def english(qapp, tmp_path: Path) -> Iterator[QTranslator]:
    lrelease = _lrelease()
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed next to the Python interpreter")
    qm = tmp_path / "overblick_en.qm"
    done = subprocess.run(
        [str(lrelease), str(TS), "-qm", str(qm)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    translator = QTranslator()
    assert translator.load(str(qm)), f"could not load {qm}"
    QCoreApplication.installTranslator(translator)
    i18n.set_language("en")  # the engine's texts in the window follow the same choice
    try:
        yield translator
    finally:
        QCoreApplication.removeTranslator(translator)
        i18n.set_language("sv")


@pytest.mark.parametrize(
    ("context", "source", "expected"),
    [
        ("MainWindow", "Idag", "Today"),
        ("MainWindow", "Impulser", "Impulses"),
        ("MainWindow", "Ärendestock", "Caseload"),
        ("MainWindow", "Bevakningar", "Follow-ups"),
        ("MainWindow", "&Arkiv", "&File"),
        ("TodayModel", "Nästa milstolpe", "Next milestone"),
        # Looked up through the tr() helpers in ui/models/follow_up_model.py and
        # ui/widgets/case_texts.py, which translate in these contexts at runtime.
        ("FollowUpModel", "Klar", "Done"),
        ("CaseView", "Förfaller", "Due"),
        # Numbers and week labels follow the language: ui/style.py decimal() and week_label().
        ("Format", ",", "."),
        ("Format", "v%1", "W%1"),
        # The Team tab; "Totalt" is the totals row's name from app/team/rules.py, which
        # ui/models/team_model.py translates in the TeamModel context.
        ("TeamView", "Räknar fram teamets läge…", "Working out the team's status…"),
        ("TeamModel", "Ej kontakt\n60+ d", "No contact\n60+ d"),
        ("TeamModel", "Totalt", "Total"),
        # Undo in the window (ui/undo.py) and its line in a case's history.
        ("MainWindow", "&Ångra", "&Undo"),
        ("UndoNotice", "Ångra", "Undo"),
        ("CaseView", "Ångrade ändringen:", "Undid the change:"),
        # The team server's state in the status bar (ui/sync_status.py).
        ("SyncStatus", "Synkad {when}", "Synced {when}"),
        ("SyncStatus", "{n} ändringar väntar (offline)", "{n} changes waiting (offline)"),
    ],
)
def test_key_strings_translate(english, context: str, source: str, expected: str) -> None:
    translated = QCoreApplication.translate(context, source)
    assert translated == expected, (
        f"{context}: {source!r} gave {translated!r}; run pyside6-lupdate and translate "
        "resources/translations/overblick_en.ts"
    )


def test_plural_forms(english) -> None:
    def unread(n: int) -> str:
        return QCoreApplication.translate("MainWindow", "%n olästa impulser", None, n)

    assert unread(1) == "1 unread impulse"
    assert unread(3) == "3 unread impulses"


def test_no_unfinished_messages() -> None:
    root = ET.parse(TS).getroot()
    unfinished = [
        f"{context.findtext('name') or '(no context)'}: {message.findtext('source')!r}"
        for context in root.iter("context")
        for message in context.iter("message")
        if message.find("translation").get("type") == "unfinished"
    ]
    assert not unfinished, "untranslated messages:\n" + "\n".join(unfinished)


def test_numbers_use_the_languages_decimal_separator(english) -> None:
    from ui.style import decimal, week_label

    assert decimal(57.25) == "57.2" and decimal(280, whole_if_integral=True) == "280"
    assert week_label(48) == "W48"


def test_dates_and_chain_texts_follow_the_language(english) -> None:
    from datetime import date

    from ui.style import chain_text, date_sv, days_left_text

    assert date_sv(date(2026, 11, 23)) == "Mon 23 Nov"
    assert chain_text(183, "181-365") == "day 183 · 181–365"
    assert [days_left_text(n) for n in (0, 3, -2)] == ["today", "in 3 d", "2 d ago"]


def test_swedish_numbers_keep_the_decimal_comma(qapp) -> None:
    from ui.style import decimal, week_label

    assert decimal(57.3) == "57,3" and week_label(48) == "v48"


def test_swedish_dates_and_chain_texts(qapp) -> None:
    from datetime import date

    from ui.style import chain_text, date_sv, days_left_text

    assert date_sv(date(2026, 11, 23)) == "mån 23 nov"
    assert chain_text(183, "181-365") == "dag 183 · 181–365"
    assert days_left_text(-2) == "för 2 d sedan"
