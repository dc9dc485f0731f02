"""``python -m app``: the overblick command line (without the window)."""

from app.cli.main import main

main()
