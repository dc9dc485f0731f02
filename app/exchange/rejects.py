"""The reject report: a CSV Excel opens as it is (';', UTF-8 with BOM), one line per rejected row.

Columns: ``fil``, ``rad``, ``fält``, ``orsak``, then the row's original values under the
file's own column names (for JSON Lines: the original line in ``post``). The reasons
never repeat a value; the original values are here because this is the user's own file,
written next to the input (or where they chose), and because it lets them fix the rows
and import the report again: the four leading columns are ignored by the importer.

The report is written to a temporary file beside its target as rows are rejected, and
moved into place only when the import commits, so a failed import leaves no report.
"""

from __future__ import annotations

import contextlib
import csv
import os
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO

from app.base.errors import OverblickError
from app.base.i18n import _
from app.exchange.cells import neutral

REJECT_COLUMNS = ("fil", "rad", "fält", "orsak")
KEPT_IN_MEMORY = 1000  # ImportResult.rejects holds the first rejects; the file holds them all


@dataclass(frozen=True, slots=True)
class Reject:
    """One rejected row: where it is and what to do about it."""

    file: str
    line: int
    field: str
    reason: str

    def as_json(self) -> dict[str, object]:
        return {"file": self.file, "line": self.line, "field": self.field, "reason": self.reason}


def default_reject_path(path: Path) -> Path:
    """'SP-fil.csv' → 'SP-fil.avvisade.csv' beside it."""
    return path.with_name(f"{path.stem}.avvisade.csv")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes" if not value.second else "seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, str):
        return neutral(value)
    return str(value)


class RejectWriter:
    """Collects rejects: the first ones in memory, all of them in the report file."""

    def __init__(self, target: Path, columns: list[str]) -> None:
        self.target = target
        self.columns = columns
        self._index = {c: i for i, c in enumerate(columns)}
        self.count = 0
        self.kept: list[Reject] = []
        self._tmp: Path | None = None
        self._fh: TextIO | None = None
        self._writer: Any = None

    def _open(self) -> None:
        self._tmp = self.target.with_name(f".{self.target.name}.{os.getpid()}.tmp")
        try:
            self.target.parent.mkdir(parents=True, exist_ok=True)
            self._fh = self._tmp.open("w", encoding="utf-8-sig", newline="")
        except OSError as exc:
            raise OverblickError(
                _(
                    "Kan inte skriva avvisningsfilen {target} ({strerror}); välj en annan "
                    "plats (--reject-file)."
                ).format(target=self.target, strerror=exc.strerror)
            ) from None
        self._writer = csv.writer(self._fh, delimiter=";", lineterminator="\r\n")
        self._writer.writerow([*REJECT_COLUMNS, *map(neutral, self.columns)])

    def add(self, reject: Reject, original: list[Any] | dict[str, Any] | str) -> None:
        self.count += 1
        if len(self.kept) < KEPT_IN_MEMORY:
            self.kept.append(reject)
        if self._writer is None:
            self._open()
        if isinstance(original, str):
            values = [neutral(original)]
        elif isinstance(original, dict):
            values = [""] * len(self.columns)
            for column, value in original.items():
                index = self._index.get(column)
                if index is not None:
                    values[index] = _cell(value)
        else:
            values = [_cell(v) for v in original]
        row = [neutral(reject.file), reject.line, neutral(reject.field), reject.reason, *values]
        self._writer.writerow(row)

    def commit(self) -> Path | None:
        """Move the report into place; None when nothing was rejected."""
        if self._fh is None or self._tmp is None:
            return None
        self._fh.close()
        self._fh = None
        try:
            os.replace(self._tmp, self.target)
        except OSError as exc:
            raise OverblickError(
                _(
                    "Kan inte skriva avvisningsfilen {target} ({strerror}); välj en annan "
                    "plats (--reject-file)."
                ).format(target=self.target, strerror=exc.strerror)
            ) from None
        self._tmp = None
        return self.target

    def discard(self, *, committed: bool = False) -> None:
        """Remove the report (the import did not commit)."""
        if self._fh is not None:
            self._fh.close()
            self._fh = None
        if self._tmp is not None:
            with contextlib.suppress(OSError):
                self._tmp.unlink()
            self._tmp = None
        if committed:
            with contextlib.suppress(OSError):
                self.target.unlink()
