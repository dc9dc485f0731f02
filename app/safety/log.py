"""The rotating log file, with a filter that keeps personal identity numbers out of it."""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
from pathlib import Path

# 10 or 12 digits with an optional - or + before the last four: anything shaped like a
# personal identity number is masked before a record reaches the file.
_PIN = re.compile(r"(?<!\d)(\d{6}|\d{8})[-+]?\d{4}(?!\d)")
LOG_ENV = "OVERBLICK_LOG_DIR"


def scrub(text: str) -> str:
    """Mask everything shaped like a personal identity number."""
    return _PIN.sub(lambda m: m.group(1) + "-****", text)


class ScrubFilter(logging.Filter):
    """Format the record's message once, masked; names are never passed to the log."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = scrub(record.getMessage())
        record.args = None
        if record.exc_info:
            # Another handler may have cached the text unmasked; always mask our own copy.
            record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
        if record.exc_text:
            record.exc_text = scrub(record.exc_text)
        if record.stack_info:
            record.stack_info = scrub(record.stack_info)
        return True


def log_dir() -> Path:
    env = os.environ.get(LOG_ENV)
    if env:
        return Path(env)
    from platformdirs import user_log_dir

    return Path(user_log_dir("Overblick", appauthor=False))


def setup_logging(level: int = logging.INFO) -> Path:
    """Log to a rotating file (1 MB x 5) in the platform's log folder; returns its path."""
    folder = log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "overblick.log"
    root = logging.getLogger()
    if any(getattr(h, "overblick", False) for h in root.handlers):
        return path
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
    handler.overblick = True  # type: ignore[attr-defined]
    handler.addFilter(ScrubFilter())
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    return path
