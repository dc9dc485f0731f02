"""Hostile import files, written by hand: shared by tests/test_import_hostile.py and the
benchmark tests/bench/bench_import_hostile.py.

The workbooks are minimal XLSX packages written with :mod:`zipfile` (inline strings, no
styles), so a test controls exactly what the sheet XML says: its declared dimension, its
rows and how far it inflates.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from app.safety.pin import make_pin

PIN = make_pin(date(1984, 3, 12), 982, True)
CASE_HEADER = ("Ärende", "Namn", "Personnummer")

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
    'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="{title}" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/>{more}</Relationships>'
)
STRINGS_REL = (
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/sharedStrings" Target="sharedStrings.xml"/>'
)
STRINGS_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)
SHEET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{prolog}'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<dimension ref="{dimension}"/><sheetData>'
)
SHEET_TAIL = "</sheetData></worksheet>"


def column_letter(index: int) -> str:
    """1 -> 'A', 16384 -> 'XFD'."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def row_xml(number: int, values: Iterable[object]) -> str:
    """One <row> of inline strings (numbers as numbers)."""
    cells = []
    for col, value in enumerate(values, start=1):
        ref = f"{column_letter(col)}{number}"
        if isinstance(value, int | float):
            cells.append(f'<c r="{ref}"><v>{value}</v></c>')
        else:
            cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(value))}</t></is></c>')
    return f'<row r="{number}">{"".join(cells)}</row>'


def write_workbook(
    path: Path,
    chunks: Iterable[str],
    *,
    dimension: str = "A1:C3",
    title: str = "Ärenden",
    strings: Iterable[str] | None = None,
    prolog: str = "",
) -> Path:
    """A one-sheet workbook whose sheetData is ``chunks`` (written as they come), with a
    shared strings part of ``strings`` (XML of <si> elements) when given."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as book:
        book.writestr("[Content_Types].xml", CONTENT_TYPES)
        book.writestr("_rels/.rels", ROOT_RELS)
        book.writestr("xl/workbook.xml", WORKBOOK.format(title=escape(title)))
        more = STRINGS_REL if strings is not None else ""
        book.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.format(more=more))
        if strings is not None:
            with book.open("xl/sharedStrings.xml", "w", force_zip64=True) as part:
                part.write(STRINGS_HEAD.encode())
                for chunk in strings:
                    part.write(chunk.encode())
                part.write(b"</sst>")
        with book.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(SHEET_HEAD.format(dimension=dimension, prolog=prolog).encode())
            for chunk in chunks:
                sheet.write(chunk.encode())
            sheet.write(SHEET_TAIL.encode())
    return path


def case_rows(count: int, start: int = 2) -> list[str]:
    """``count`` valid case rows A1, A2, ... from sheet row ``start``."""
    return [row_xml(start + n, (f"A{n + 1}", f"Person {n + 1}", PIN)) for n in range(count)]


def huge_dimension_workbook(path: Path, rows: int = 3, *, last: bool = False) -> Path:
    """Declares A1:XFD1048576 (16,384 columns, a million rows) but holds a header and
    ``rows`` case rows; with ``last`` the final one is on Excel's last row."""
    chunks = [row_xml(1, CASE_HEADER), *case_rows(rows)]
    if last:
        chunks[-1] = row_xml(1_048_576, ("LAST", "Sista", PIN))
    return write_workbook(path, chunks, dimension="A1:XFD1048576")


def empty_rows_workbook(path: Path, empty: int = 100_000) -> Path:
    """A header, one case, then ``empty`` empty rows (each with an empty cell far right),
    under the declared dimension A1:XFD1048576."""

    def chunks() -> Iterable[str]:
        yield row_xml(1, CASE_HEADER)
        yield from case_rows(1)
        for n in range(3, 3 + empty):
            yield f'<row r="{n}"><c r="XFD{n}"/></row>'

    return write_workbook(path, chunks(), dimension="A1:XFD1048576")


def inflating_workbook(path: Path, megabytes: int = 400, *, shape: str = "blocks") -> Path:
    """A header, one case, then empty text cells until the sheet XML is about ``megabytes``
    MB (it compresses about 600 to 1): 16,000 cells to a row (``blocks``, within Excel's
    16,384 columns) or all in one row (``wide``)."""
    target = megabytes * 1_000_000
    cell = '<c t="inlineStr"><is><t></t></is></c>'

    def chunks() -> Iterable[str]:
        yield row_xml(1, CASE_HEADER)
        yield from case_rows(1)
        written = 0
        number = 3
        if shape == "wide":
            yield f'<row r="{number}">'
        while written < target:
            chunk = cell * 16_000 if shape == "wide" else f'<row r="{number}">{cell * 16_000}</row>'
            number += 1
            yield chunk
            written += len(chunk)
        if shape == "wide":
            yield "</row>"

    return write_workbook(path, chunks(), dimension="A1:C3")


def many_strings_workbook(path: Path, count: int = 3_000_000) -> Path:
    """A header and one case in shared strings, then ``count`` more distinct short strings
    that no cell uses."""

    def strings() -> Iterable[str]:
        yield "".join(f"<si><t>{escape(str(v))}</t></si>" for v in (*CASE_HEADER, "A1", "Anna"))
        for start in range(0, count, 10_000):
            stop = min(start + 10_000, count)
            yield "".join(f"<si><t>{n:x}</t></si>" for n in range(start, stop))

    cells = ['<row r="1">', *(f'<c t="s"><v>{i}</v></c>' for i in range(3)), "</row>"]
    cells += ['<row r="2"><c t="s"><v>3</v></c><c t="s"><v>4</v></c>', f"<c><v>{PIN}</v></c>"]
    cells.append("</row>")
    return write_workbook(path, ["".join(cells)], strings=strings())


def long_header_csv(path: Path, kib: int = 200) -> Path:
    """A header line of ``kib`` KiB (one enormous column name), then a good row."""
    path.write_text(
        f"Ärende;Namn;Personnummer;{'x' * (kib * 1024)}\nA1;Anna;{PIN};\n", encoding="utf-8"
    )
    return path


def oversized_cell_csv(path: Path, kib: int = 130, row: int = 5, rows: int = 8) -> Path:
    """``rows`` case rows; the name on file line ``row`` is ``kib`` KiB long."""
    lines = [";".join(CASE_HEADER)]
    for n in range(2, rows + 2):
        name = "N" * (kib * 1024) if n == row else f"Person {n}"
        lines.append(f"A{n};{name};{PIN}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def nul_after_head_csv(path: Path) -> Path:
    """Good rows past the first 8 KB, then a name with a NUL byte in it, then a good row."""
    lines = [";".join(CASE_HEADER)]
    n = 0
    while sum(len(line) + 1 for line in lines) < 9000:
        n += 1
        lines.append(f"A{n};Person {n};{PIN}")
    lines.append(f"NUL1;Anna\0Berg;{PIN}")
    lines.append(f"LAST;Sista;{PIN}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
