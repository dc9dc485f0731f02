"""Export of the stock table, as shown, to CSV (';', UTF-8 with BOM) or XLSX, in Swedish.

Personal identity numbers are masked unless ``unmasked=True`` is asked for explicitly;
every export is written to the event log (who, when, how many rows, masked or not).
The file is written beside its target and moved into place when complete.
"""

from __future__ import annotations

import contextlib
import csv
import os
import re
import sqlite3
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from app.base.clock import STOCKHOLM, Clock, SystemClock, utc_iso
from app.base.errors import InvalidInputError, OverblickError
from app.base.i18n import _
from app.chain.rules import MilestoneRule, chain_rules
from app.exchange.cells import neutral, text_cell
from app.priority.profile import Caseworker
from app.safety.pin import format_pin
from app.stock.overview import StockRow, stock_rows
from db import queries, transaction

FORMATS = ("csv", "xlsx")
HEADERS = ("Ärende", "Namn", "Personnummer", "Dag", "Fas", "Nästa milstolpe", "Datum",
           "Dagar kvar", "Öppna impulser", "Nästa bevakning", "Senaste åtgärd",
           "Poäng")  # fmt: skip
COLUMN_WIDTHS = (16, 26, 16, 6, 9, 52, 11, 10, 14, 15, 17, 8)
SHEET_TITLE = "Ärendestock"
DAY_PREFIX = re.compile(r"^\s*Dag\s+\d+\s*:\s*", re.IGNORECASE)  # a label's own "Dag 180: "


def format_for(path: Path, fmt: str | None) -> str:
    """The format asked for, else the one the file name ends in, else csv."""
    if fmt:
        if fmt not in FORMATS:
            raise InvalidInputError(
                _("Okänt exportformat '{fmt}'; välj csv eller xlsx.").format(fmt=fmt)
            )
        return fmt
    return "xlsx" if path.suffix.lower() == ".xlsx" else "csv"


def _milestone_labels() -> dict[str, list[MilestoneRule]]:
    """The milestone rules by key (a key may have several versions, by date)."""
    labels: dict[str, list[MilestoneRule]] = {}
    for rule in chain_rules().milestones:
        labels.setdefault(rule.key, []).append(rule)
    return labels


def milestone_text(labels: dict[str, list[MilestoneRule]], row: StockRow) -> str:
    """'Dag 180: utredningen klar': the day once, then the label in force on the milestone's
    date (never the rule's internal key); 'Dag 180' when the rules have no label for it."""
    if row.next_milestone_day is None:
        return ""
    day = f"Dag {row.next_milestone_day}"
    rules = labels.get(row.next_milestone_key or "", [])
    when = row.next_milestone_date
    rule = next((r for r in rules if when is None or r.in_force_on(when)), None)
    rule = rule or (rules[0] if rules else None)
    label = DAY_PREFIX.sub("", rule.label_sv).strip() if rule else ""
    return f"{day}: {label}" if label else day


def _last_action(stamp: str | None) -> datetime | None:
    if not stamp:
        return None
    if len(stamp) == 10:
        return datetime.fromisoformat(stamp)
    moment = datetime.fromisoformat(stamp)
    return moment.astimezone(STOCKHOLM).replace(tzinfo=None, second=0, microsecond=0)


def _pins(conn: sqlite3.Connection, rows: Sequence[StockRow]) -> dict[int, str]:
    import json

    found = conn.execute(
        "SELECT id, pin FROM cases WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps([r.id for r in rows]),),
    ).fetchall()
    return {r[0]: format_pin(r[1]) for r in found if r[1]}


def table_rows(
    conn: sqlite3.Connection, rows: Sequence[StockRow], *, unmasked: bool = False
) -> list[list[Any]]:
    """The export's cells, one list per case, typed (dates as dates, numbers as numbers)."""
    labels = _milestone_labels()
    pins = _pins(conn, rows) if unmasked else {}
    out = []
    for r in rows:
        milestone = milestone_text(labels, r)
        out.append(
            [
                r.case_ref,
                r.person_name,
                pins.get(r.id, r.masked_pin) if unmasked else r.masked_pin,
                r.day if r.phase else None,
                r.phase,
                milestone,
                r.next_milestone_date,
                r.days_left,
                r.open_impulses,
                r.next_follow_up,
                _last_action(r.last_action_at),
                round(r.score, 1),
            ]
        )
    return out


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        text = f"{value:.1f}".replace(".", ",")  # Swedish Excel reads a decimal comma
        return text[:-2] if text.endswith(",0") else text
    return str(value)


def _write_csv(
    tmp: Path, cells: list[list[Any]], headers: Sequence[str] = HEADERS, _widths: Any = None
) -> None:
    with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=";", lineterminator="\r\n")
        writer.writerow(headers)
        for row in cells:
            writer.writerow([_csv_cell(neutral(v)) for v in row])


def _write_xlsx(
    tmp: Path,
    cells: list[list[Any]],
    headers: Sequence[str] = HEADERS,
    widths: tuple[Sequence[int], str] = (COLUMN_WIDTHS, SHEET_TITLE),
) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet(widths[1])
    for index, width in enumerate(widths[0], start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for title in headers:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in cells:
        out: list[Any] = []
        for value in row:
            if isinstance(value, datetime):
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = "yyyy-mm-dd hh:mm"
                out.append(cell)
            elif isinstance(value, date):
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = "yyyy-mm-dd"
                out.append(cell)
            else:
                out.append(text_cell(sheet, value))
        sheet.append(out)
    book.save(tmp)


def export_stock(
    conn: sqlite3.Connection,
    caseworker: Caseworker | None,
    on: date,
    path: str | os.PathLike[str],
    fmt: str,
    *,
    unmasked: bool = False,
    rows: Sequence[StockRow] | None = None,
    clock: Clock | None = None,
) -> int:
    """Write the stock table (the caseworker's, or everyone's for None) and return the rows.

    ``rows`` lets the window export the rows as currently filtered and sorted; without it
    the caseworker's open cases are exported in priority order.
    """
    path = Path(path).expanduser()
    fmt = format_for(path, fmt)
    if rows is None:
        rows = stock_rows(conn, caseworker, on)
    cells = table_rows(conn, rows, unmasked=unmasked)
    _write_file(path, fmt, cells, HEADERS, (COLUMN_WIDTHS, SHEET_TITLE))
    now = utc_iso((clock or SystemClock()).now())
    with transaction(conn):
        queries.append_event(
            conn,
            case_id=None,
            at=now,
            actor=caseworker.ext_id if caseworker else None,
            kind="export.stock",
            detail={"format": fmt, "rows": len(cells), "unmasked": unmasked, "on": on.isoformat()},
        )
    return len(cells)


def _write_file(
    path: Path,
    fmt: str,
    cells: list[list[Any]],
    headers: Sequence[str],
    layout: tuple[Sequence[int], str],
) -> None:
    """Write beside the target and move into place when complete."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        (_write_xlsx if fmt == "xlsx" else _write_csv)(tmp, cells, headers, layout)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise OverblickError(
            _("Kan inte skriva {path} ({value}).").format(path=path, value=exc.strerror or exc)
        ) from None


# -- method events ---------------------------------------------------------------------------

METHOD_HEADERS = ("Ärende", "Metod", "Begärd som", "Datum", "Dag i kedjan", "Parter")
METHOD_WIDTHS = (16, 40, 40, 11, 12, 48)
METHOD_SHEET = "Metodhändelser"


def export_method_events(
    conn: sqlite3.Connection,
    caseworker: Caseworker | None,
    path: str | os.PathLike[str],
    fmt: str | None,
    *,
    clock: Clock | None = None,
) -> int:
    """Write the method events (SASSAM, avstämningsmöte, FMR, AFU, contacts) of the
    caseworker's cases, or everyone's for None, each with its date and its chain day; no
    name or personal identity number. The rows written."""
    from app.base.i18n import label
    from app.base.model import ACTOR_SV
    from app.case.methods import method_events
    from app.chain.casework_rules import casework_rules

    path = Path(path).expanduser()
    fmt = format_for(path, fmt)
    rules = casework_rules()

    def kind_label(key: str | None) -> str:
        rule = rules.method(key or "")
        return rule.label_sv if rule else (key or "")

    events = method_events(conn, caseworker=caseworker)
    cells = [
        [e.case_ref, kind_label(e.kind), kind_label(e.asked_kind) if e.demoted else "",
         date.fromisoformat(e.held_on), e.chain_day,
         ", ".join(label(ACTOR_SV, p) for p in e.parties)]
        for e in events
    ]  # fmt: skip
    _write_file(path, fmt, cells, METHOD_HEADERS, (METHOD_WIDTHS, METHOD_SHEET))
    now = utc_iso((clock or SystemClock()).now())
    with transaction(conn):
        queries.append_event(
            conn, case_id=None, at=now, actor=caseworker.ext_id if caseworker else None,
            kind="export.methods", detail={"format": fmt, "rows": len(cells)},
        )  # fmt: skip
    return len(cells)
