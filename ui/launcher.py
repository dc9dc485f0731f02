"""The ``overblick`` entry point: the engine's command line, with the window as its front end.

Importing this module does not import Qt; that happens only when the window opens.
"""

from __future__ import annotations

from pathlib import Path

from app.cli import main as cli_main


def open_window(db_path: Path, exit_when_ready: bool, started: float) -> int:
    try:
        from ui.app import run_window
    except ImportError as exc:
        from app.errors import OverblickError

        raise OverblickError(
            "Fönstret behöver PySide6 (pip install 'overblick[gui]'); "
            f"kommandona fungerar utan ({exc.name} saknas)."
        ) from exc
    return run_window(db_path, exit_when_ready=exit_when_ready, started=started)


def main() -> None:
    cli_main(window=open_window)


if __name__ == "__main__":
    main()
