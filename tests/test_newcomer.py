"""The newcomer's path: the README's demo command without a display, and documentation that
never points outside the repository."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINK = re.compile(r"\]\(([^)\s]+)\)")


def _documents() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


@pytest.mark.parametrize("doc", _documents(), ids=lambda p: p.name)
def test_every_link_in_the_documentation_stays_inside_the_repository(doc: Path) -> None:
    broken = []
    for target in LINK.findall(doc.read_text(encoding="utf-8")):
        if target.startswith(("http://", "https://", "mailto:", "#")):
            continue
        path = (doc.parent / target.split("#", 1)[0]).resolve()
        if not path.is_relative_to(ROOT) or not path.exists():
            broken.append(target)
    assert broken == [], f"{doc.name} links outside the repository or to nothing: {broken}"


def test_no_document_names_the_shared_folder_beside_the_clone() -> None:
    for doc in _documents():
        assert "../shared" not in doc.read_text(encoding="utf-8"), doc.name


@pytest.mark.slow
@pytest.mark.skipif(not (ROOT / ".venv" / "bin" / "overblick").exists(), reason="no .venv")
@pytest.mark.skipif(sys.platform == "darwin", reason="macOS always opens the window")
def test_demo_script_without_a_display_prints_the_list_even_when_qt_is_told_offscreen(
    tmp_path: Path,
) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env |= {"QT_QPA_PLATFORM": "offscreen", "OVERBLICK_DEMO_DB": str(tmp_path / "demo.db")}
    done = subprocess.run(
        ["bash", "scripts/demo.sh", "--limit", "3"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "Ingen skärm hittades" in done.stderr
    assert "SP-" in done.stdout  # today's list, with case ids, not a silent invisible window
    assert (tmp_path / "demo.db").exists()
