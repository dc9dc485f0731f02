"""The order to import several files in: by what they hold, so that what a row refers to is
there before it (caseworkers, cases, sick periods, certificates, impulses, follow-ups,
contacts), whatever order the files were named, dropped or written in.

Used by ``overblick import`` with several files, by the window's drop and Importera… and by
the watched inbox folder. Each file is judged by its content, as the import reads it: a
file's header (or an XLSX file's sheet names) tells its kind; a file of several kinds (JSON
Lines, a ``Posttyp`` column) is judged by its first rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from app.exchange import fields as F
from app.exchange.readers import UnreadableFileError, inspect_file, open_source

SAMPLE_ROWS = 1000  # rows looked at in a file of several kinds
UNKNOWN = len(F.ENTITY_ORDER)  # a file that cannot be read goes last (its import says why)


def kinds_in(path: Path) -> list[str]:
    """The kinds of record ``path`` holds, in dependency order; [] when it cannot be read."""
    found: set[str] = set()
    try:
        with open_source(inspect_file(path, head_only=True)) as src:
            found.update(src.entities)
            if not found:
                for count, row in enumerate(src.rows()):
                    if row.entity is not None:
                        found.add(row.entity)
                    if count >= SAMPLE_ROWS:
                        break
    except (UnreadableFileError, OSError):
        return []
    except Exception:  # a file that breaks the reader is the import's to report, not ours
        return []
    return [e for e in F.ENTITY_ORDER if e in found]


def dependency_order(paths: Sequence[Path]) -> list[Path]:
    """``paths`` in the order to import them: by the earliest kind each file holds (a file
    of caseworkers before one of cases), then by its latest kind (a caseworker file before a
    whole stock that also has caseworkers), then as given."""
    if len(paths) < 2:
        return list(paths)
    ranks = {}
    for position, path in enumerate(paths):
        kinds = [F.ENTITY_ORDER.index(k) for k in kinds_in(Path(path))]
        ranks[position] = (min(kinds), max(kinds)) if kinds else (UNKNOWN, UNKNOWN)
    order = sorted(range(len(paths)), key=lambda i: (*ranks[i], i))
    return [paths[i] for i in order]
