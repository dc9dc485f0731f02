"""Cells a spreadsheet never runs: the one rule for every CSV and XLSX file Överblick writes
(the stock export, the reject reports, the team report).

A text that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return could be
taken for a formula (or a DDE command) by Excel or LibreOffice. OWASP's rule against CSV
injection: in CSV such a text gets a ``'`` in front; in XLSX it is written as a text cell,
never as a formula. Only texts are touched: a number (also a negative one) stays a number.

The importer reads the ``'`` back off (:func:`unquote`), so a corrected reject report
imports with the values as they were.
"""

from __future__ import annotations

from typing import Any, TypeVar

TRIGGERS = frozenset("=+-@\t\r")
QUOTE = "'"

T = TypeVar("T")


def looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet could run ``text`` as a formula or command."""
    return bool(text) and text[0] in TRIGGERS


def neutral(value: T) -> T:
    """For a CSV cell: a text that looks like a formula with ``'`` in front; every other
    value (numbers, dates, None, other texts) as it is."""
    if isinstance(value, str) and looks_like_formula(value):
        return QUOTE + value  # type: ignore[return-value]
    return value


def unquote(text: str) -> str:
    """The reverse of :func:`neutral`, for imported CSV text."""
    if len(text) > 1 and text[0] == QUOTE and text[1] in TRIGGERS:
        return text[1:]
    return text


def text_cell(sheet: Any, value: Any) -> Any:
    """For a write-only XLSX sheet: a text that looks like a formula as a text cell
    (openpyxl would otherwise write it as a formula); any other value as it is."""
    if isinstance(value, str) and looks_like_formula(value):
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell
    return value


def no_formulas(workbook: Any) -> None:
    """Before saving a (not write-only) workbook: every cell openpyxl would write as a
    formula is written as the text it holds."""
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"
