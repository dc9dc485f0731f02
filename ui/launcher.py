"""The ``overblick`` entry point: the engine's command line, with the window as its front end.

Importing this module does not import Qt; that happens only when the window opens.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from app.cli.main import main as cli_main


def _no_display() -> bool:
    """On Linux, Qt aborts the process without a display; say so before it tries."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def open_window(db_path: Path, exit_when_ready: bool, started: float) -> int:
    if _no_display():
        from app.base.errors import OverblickError

        raise OverblickError(
            "Ingen skärm hittades (DISPLAY saknas), så fönstret kan inte öppnas. "
            "Kommandona fungerar ändå, t.ex. 'overblick today'; se 'overblick --help'."
        )
    try:
        from ui.app import run_window
    except ImportError as exc:
        from app.base.errors import OverblickError

        raise OverblickError(
            "Fönstret behöver PySide6 (pip install 'overblick[gui]'); "
            f"kommandona fungerar utan ({exc.name} saknas)."
        ) from exc
    return run_window(db_path, exit_when_ready=exit_when_ready, started=started)


def main() -> None:
    cli_main(window=open_window)


if __name__ == "__main__":
    main()
