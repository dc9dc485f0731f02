"""Excel workbooks (.xlsx): each sheet's XML streamed through expat one row at a time.

The sheet's declared ``<dimension>`` is never used. Only the cells under the header's
columns are kept (the header ends at its last non-empty cell), empty rows are never
materialised, and a cell's text stops being collected at the cell limit. The package
itself (sizes, relations, shared strings, date styles) is :mod:`app.exchange.xlsx_package`.

Cell values follow openpyxl's ``data_only`` reading: shared and inline strings, numbers (int
or float), dates by their number format (``datetime``), booleans, ISO dates, error texts;
a formula counts by its last computed value.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from app.base.i18n import _, label
from app.exchange import fields as F
from app.exchange.readers import (
    MAX_CELL_CHARS,
    TYPE_COLUMN,
    XLSX,
    FileInfo,
    Source,
    SourceRow,
    UnreadableFileError,
    _check_width,
    _count,
    _header_names,
    _keys,
    _plan_header,
    _unknown_type,
    cell_too_long,
)
from app.exchange.xlsx_package import (
    COLUMNS,
    DIGITS,
    LOCAL_NAMES,
    MAX_CELLS_PER_ROW,
    MAX_ROWS,
    TOO_LONG,
    Corrupt,
    Package,
    SheetRef,
    column_index,
    local_name,
    to_int,
    xml_parser,
)

HEADER_ROWS = 50  # the header is the first non-empty row among these


Row = tuple[int, dict[int, Any], tuple[int, str] | None]


class SheetRows:
    """The non-empty rows of one sheet as (row number, {column: value}, problem), where
    problem is None or (column, reason) for a row to reject by itself. Only the columns up
    to ``width`` are read (all of Excel's for None)."""

    def __init__(self, book: Package, sheet: SheetRef, width: int | None) -> None:
        self.book = book
        self.sheet = sheet
        self.limit = width if width is not None else MAX_CELLS_PER_ROW
        self.read = 0  # bytes of the sheet's XML read so far

    def __iter__(self) -> Iterator[Row]:
        out: list[Row] = []
        parser = xml_parser(*self._handlers(out))
        for _step in self.book.feed(self.sheet.part, parser, self._progress):
            if out:
                ready = out[:]
                out.clear()
                yield from ready

    def _progress(self, n: int) -> None:
        self.read += n

    def _handlers(self, out: list[Row]) -> tuple[Any, Any, Any]:
        """expat's start, end and text handlers, closures over the parse state (the
        handlers run for every element of the sheet, so they keep to local variables)."""
        title = self.sheet.title
        limit = self.limit
        convert = _Values(self.book)
        names = LOCAL_NAMES
        columns = COLUMNS
        is_empty = F.is_empty
        in_data = keep = collect = inline = phonetic = False
        row = col = count = size = 0
        kind = "n"
        style: str | None = None
        parts: list[str] = []
        cells: dict[int, Any] = {}
        problem: tuple[int, str] | None = None

        def start(name: str, attrs: dict[str, str]) -> None:
            nonlocal in_data, keep, collect, inline, phonetic, row, col, count, size
            nonlocal kind, style, parts
            tag = names.get(name) or local_name(name)
            if tag == "c":
                if not in_data:
                    return
                ref = attrs.get("r")
                if ref:
                    col = columns.get(ref.rstrip(DIGITS)) or column_index(ref)
                else:
                    col += 1
                count += 1
                if col > MAX_CELLS_PER_ROW or col < 1 or count > MAX_CELLS_PER_ROW:
                    raise Corrupt(
                        _(
                            "rad {row} i bladet '{title}' har celler bortom Excels "
                            "{MAX_CELLS_PER_ROW} kolumner"
                        ).format(row=row, title=title, MAX_CELLS_PER_ROW=_count(MAX_CELLS_PER_ROW))
                    )
                keep = col <= limit
                if keep:
                    kind = attrs.get("t", "n")
                    style = attrs.get("s")
                    parts = []
                    size = 0
            elif tag == "v":
                collect = keep
            elif tag == "t":
                collect = keep and inline and not phonetic
            elif tag == "is":
                inline = True
            elif tag == "row":
                if not in_data:
                    return
                ref = attrs.get("r")
                number = to_int(ref) if ref else row + 1
                if not 1 <= number <= MAX_ROWS:
                    raise Corrupt(
                        _(
                            "bladet '{title}' har en rad {number} bortom Excels {MAX_ROWS} rader"
                        ).format(title=title, number=number, MAX_ROWS=_count(MAX_ROWS))
                    )
                row = number
                col = count = 0
            elif tag == "rPh":
                phonetic = True
            elif tag == "sheetData":
                in_data = True

        def end(name: str) -> None:
            nonlocal in_data, keep, collect, inline, phonetic, cells, problem
            tag = names.get(name) or local_name(name)
            if tag == "c":
                if keep and in_data:
                    keep = False
                    value = convert(kind, style, parts, size)
                    if value is TOO_LONG:
                        if problem is None:
                            problem = (col, cell_too_long())
                    elif value is not None:
                        cells[col] = value
            elif tag == "v" or tag == "t":
                collect = False
            elif tag == "is":
                inline = False
            elif tag == "row":
                if problem is not None or any(not is_empty(v) for v in cells.values()):
                    out.append((row, cells, problem))
                if cells:
                    cells = {}
                problem = None
            elif tag == "rPh":
                phonetic = False
            elif tag == "sheetData":
                in_data = False

        def chars(data: str) -> None:
            nonlocal size
            if collect:
                size += len(data)
                if size <= MAX_CELL_CHARS:
                    parts.append(data)

        return start, end, chars


class _Values:
    """A cell's value from its type, style and text, as openpyxl's ``data_only`` reads it."""

    def __init__(self, book: Package) -> None:
        from openpyxl.utils.datetime import MAC_EPOCH, WINDOWS_EPOCH

        self.book = book
        self.epoch = MAC_EPOCH if book.epoch_1904 else WINDOWS_EPOCH

    def __call__(self, kind: str, style: str | None, parts: list[str], size: int) -> Any:
        if size > MAX_CELL_CHARS:
            return TOO_LONG
        if not parts:  # <c/>, <v/>: no value
            return None
        text = parts[0] if len(parts) == 1 else "".join(parts)
        if kind == "n":
            return self._number(text, style) if text else None
        if kind == "s":
            try:
                return self.book.strings[int(text)]
            except (ValueError, IndexError):
                raise Corrupt(_("en cell pekar på en text som saknas")) from None
        if kind == "inlineStr" or kind == "str" or kind == "e":
            return text
        if kind == "b":
            return text.strip() in ("1", "true") if text else None
        if kind == "d":
            from openpyxl.utils.datetime import from_ISO8601

            try:
                return from_ISO8601(text) if text else None
            except ValueError:
                return text
        return text

    def _number(self, text: str, style: str | None) -> Any:
        try:
            number: Any = float(text) if "." in text or "E" in text or "e" in text else int(text)
        except ValueError:
            return text
        if style is not None and style != "0" and to_int(style) in self.book.date_styles:
            from openpyxl.utils.datetime import from_excel

            spans = to_int(style) in self.book.timedelta_styles
            try:
                return from_excel(number, self.epoch, spans)
            except (OverflowError, ValueError):
                return "#VALUE!"
        return number


@dataclass
class _Sheet:
    ref: SheetRef
    entity: str | None
    type_index: int | None
    header: list[str]
    header_row: int
    keys: tuple[str | None, ...] = ()


class XlsxSource(Source):
    """An Excel workbook: one sheet per entity, named for it ('Ärenden', 'Impulser', ...),
    or else the first sheet."""

    format = XLSX

    def __init__(self, info: FileInfo) -> None:
        super().__init__(info)
        self._book = Package(info)
        try:
            self._prepare()
        except BaseException:
            self._book.close()
            raise
        self._done = 0

    def _prepare(self) -> None:
        book = self._book
        named = [(F.entity_named(s.title), s) for s in book.sheets]
        chosen = [(e, s) for e, s in named if e is not None]
        if chosen:
            chosen.sort(key=lambda pair: F.ENTITY_ORDER.index(pair[0]))
            self.ignored_sheets = [s.title for e, s in named if e is None]
        else:
            chosen = [(None, book.sheets[0])]
            self.ignored_sheets = [s.title for s in book.sheets[1:]]
        for _title, ref in chosen:
            book.check_sheet(ref)
        self._sheets: list[_Sheet] = []
        ignored: list[str] = []
        for hint, ref in chosen:
            found = self._header(ref)
            if found is None:
                continue
            header_row, header = found
            label = f"{self.name} [{ref.title}]"
            entity, type_index, unknown = _plan_header(label, header, hint)
            self._sheets.append(_Sheet(ref, entity, type_index, header, header_row, _keys(header)))
            ignored.extend(u for u in unknown if u not in ignored)
        if not self._sheets:
            raise UnreadableFileError(
                _("{name}: arbetsboken har inga rader att importera.").format(name=self.name)
            )
        self._total = sum(s.ref.size for s in self._sheets)
        self.ignored_columns = ignored
        self.entities = [s.entity for s in self._sheets if s.entity]
        self.mixed = len(self._sheets) > 1 or any(s.type_index is not None for s in self._sheets)
        if len(self._sheets) == 1 and self._sheets[0].type_index is None:
            self.columns = self._sheets[0].header
        else:
            columns = [] if any(s.type_index is not None for s in self._sheets) else [TYPE_COLUMN]
            for sheet in self._sheets:
                columns.extend(c for c in sheet.header if c and c not in columns)
            self.columns = columns

    def _header(self, ref: SheetRef) -> tuple[int, list[str]] | None:
        """The first non-empty row among the first HEADER_ROWS, up to its last non-empty
        cell; a header wider than MAXCOLUMNS refuses the file."""
        for number, cells, _rest in SheetRows(self._book, ref, None):
            if number > HEADER_ROWS:
                return None
            filled = [c for c, v in cells.items() if not F.is_empty(v)]
            if not filled:
                continue
            width = max(filled)
            _check_width(f"{self.name} [{ref.title}]", width)
            return number, _header_names([cells.get(c) for c in range(1, width + 1)])
        return None

    def rows(self) -> Iterator[SourceRow]:
        several = len(self._sheets) > 1
        done = 0
        for sheet in self._sheets:
            where = f"{self.name} [{sheet.ref.title}]"
            kind_sv = label(F.ENTITY_SV, sheet.entity) if several and sheet.entity else None
            keys = sheet.keys
            width = len(keys)
            columns = range(1, width + 1)
            source = SheetRows(self._book, sheet.ref, width)
            for number, cells, problem in source:
                self._done = done + source.read
                if number <= sheet.header_row:
                    continue
                values = [cells.get(c) for c in columns]
                entity = sheet.entity
                error = None
                error_field = ""
                if problem is not None:
                    error, error_field = problem[1], sheet.header[problem[0] - 1]
                elif sheet.type_index is not None:
                    kind = values[sheet.type_index]
                    entity = F.entity_named(kind)
                    if entity is None:
                        error, error_field = _unknown_type(kind), sheet.header[sheet.type_index]
                yield SourceRow(
                    number, entity, values, where, keys, error, error_field, type_name=kind_sv
                )
            done += sheet.ref.size
            self._done = done

    def position(self) -> tuple[int, int]:
        return self._done, max(self._total, self._done)

    def close(self) -> None:
        self._book.close()
