"""Import file readers: format, encoding and dialect detection, and streaming row readers.

A file is read twice, both times as a stream: once to take its SHA-256 and to find out
whether its text is UTF-8 (or else Windows-1252), and once to yield its rows. Nothing
ever holds a whole file in memory. Each reader yields :class:`SourceRow`: the line (or
sheet row) number, the entity the row describes, and the row's values under the file's
own column names.

Longer than 500 lines on purpose: CSV and JSON Lines share the detection, the limits and
the row shape, and each limit (cell, row, header, NUL) is enforced in the reader that
meets it; splitting by format would split those rules.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from app.base.errors import OverblickError
from app.base.i18n import N_, _, label
from app.exchange import fields as F
from app.exchange.cells import unquote

CHUNK = 1 << 16
SNIFF_BYTES = 8192
# Limits (docs/import-format.md, "Limits"): a row or cell over them is rejected by itself; a
# header over them makes the file unreadable.
MAX_CELL_CHARS = 65_536  # one value (CSV field, XLSX cell, JSON Lines value)
MAX_ROW_CHARS = 1_048_576  # one CSV record (all its lines) or JSON Lines line
MAX_HEADER_CHARS = 65_536  # the CSV header line
MAX_COLUMNS = 1_000  # columns in a header
CSV, XLSX, JSONL = "csv", "xlsx", "jsonl"
DELIMITERS = (";", ",", "\t")
DOC_HINT = N_("Se docs/import-format.md för vilka kolumner som finns.")


def _count(n: int) -> str:
    """65536 -> '65 536' (Swedish thousands)."""
    return f"{n:,}".replace(",", " ")


def cell_too_long() -> str:
    """The reject reason for a value over MAX_CELL_CHARS."""
    return _(
        "Värdet är längre än {limit} tecken (gränsen för ett fält); om det inte ska vara så "
        "långt saknas troligen ett avslutande citattecken."
    ).format(limit=_count(MAX_CELL_CHARS))


def row_too_long() -> str:
    """The reject reason for a row over MAX_ROW_CHARS."""
    return _(
        "Raden är längre än {limit} tecken (gränsen för en rad); kontrollera citattecken och "
        "radbrytningar."
    ).format(limit=_count(MAX_ROW_CHARS))


def has_nul() -> str:
    """The reject reason for a row holding a NUL character."""
    return _(
        "Raden innehåller ett NUL-tecken (binärt innehåll), som inte kan sparas; rätta värdet "
        "i källsystemet och importera raden igen."
    )


class UnreadableFileError(OverblickError):
    """The file cannot be imported at all: empty, binary, an unknown format or header."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.result: Any = None  # the failed ImportResult, set by import_file


@dataclass(frozen=True, slots=True)
class FileInfo:
    """What the first pass over a file found."""

    path: Path
    size: int
    sha256: str
    format: str
    encoding: str | None  # for csv: utf-8-sig, cp1252 or utf-16


TYPE_COLUMN = "Posttyp"  # the record-type column of a reject report from several sheets


@dataclass(slots=True)
class SourceRow:
    """One record of a file, before validation.

    ``fields`` is either a dict (JSON Lines: key -> value) or a list of cell values whose
    columns ``keys`` names (CSV, XLSX: one header tuple shared by every row of the file).
    """

    line: int
    entity: str | None
    fields: dict[str, Any] | list[Any]
    label: str
    keys: tuple[str | None, ...] | None = None
    error: str | None = None  # a problem found while reading (bad JSON, unknown record type)
    error_field: str = ""
    text: str | None = None  # JSON Lines: the line as read
    type_name: str | None = None  # a sheet of several: its entity, for the reject report
    aligned: bool = False  # the values line up with the reject report's columns (CSV)

    @property
    def original(self) -> list[Any] | dict[str, Any] | str:
        """The row's values for the reject report."""
        if self.text is not None:
            return self.text
        if isinstance(self.fields, dict):
            return dict(self.fields)
        if self.aligned or self.keys is None:
            return list(self.fields)
        values = {k: v for k, v in zip(self.keys, self.fields, strict=False) if k}
        if self.type_name:
            values[TYPE_COLUMN] = self.type_name
        return values


def inspect_file(path: Path, *, head_only: bool = False) -> FileInfo:
    """Hash the file and decide its format (and, for text, its encoding) from its content.

    ``head_only`` reads only the first 64 KiB (no hash; the encoding as the head shows it):
    enough to read the header, for :mod:`app.exchange.order`."""
    try:
        fh = path.open("rb")
    except FileNotFoundError:
        raise UnreadableFileError(_("{name}: filen finns inte.").format(name=path.name)) from None
    except IsADirectoryError:
        raise UnreadableFileError(
            _("{name}: är en mapp, inte en fil.").format(name=path.name)
        ) from None
    except OSError as exc:
        raise UnreadableFileError(
            _("{name}: filen kan inte öppnas ({strerror}).").format(
                name=path.name, strerror=exc.strerror
            )
        ) from None
    digest = hashlib.sha256()
    decoder = codecs.getincrementaldecoder("utf-8")()
    utf8 = True
    size = 0
    head = b""
    with fh:
        while chunk := fh.read(CHUNK):
            if size < SNIFF_BYTES:
                head += chunk[: SNIFF_BYTES - size]
            size += len(chunk)
            digest.update(chunk)
            if utf8:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    utf8 = False
            if head_only:
                break
        if utf8 and not head_only:
            try:
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                utf8 = False
    name = path.name
    if size == 0 or not head.strip(b" \t\r\n\xef\xbb\xbf"):
        raise UnreadableFileError(_("{name}: filen är tom.").format(name=name))
    sha = "" if head_only else digest.hexdigest()
    if head.startswith(b"PK\x03\x04"):
        return FileInfo(path, size, sha, XLSX, None)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnreadableFileError(
            _(
                "{name}: filen är i det gamla Excel-formatet (.xls) eller "
                "lösenordsskyddad; spara den som Excel-arbetsbok (.xlsx) eller CSV och "
                "importera igen."
            ).format(name=name)
        )
    if head.startswith(b"%PDF"):
        raise UnreadableFileError(
            _("{name}: filen är en PDF; importera CSV, XLSX eller JSON Lines.").format(name=name)
        )
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
        text_head = head.decode("utf-16", errors="ignore")
    else:
        if _looks_binary(head):
            raise UnreadableFileError(
                _(
                    "{name}: filen är ingen textfil (binärt innehåll); importera CSV, XLSX "
                    "eller JSON Lines."
                ).format(name=name)
            )
        encoding = "utf-8-sig" if utf8 else "cp1252"
        text_head = head.decode(encoding, errors="ignore")
    first = text_head.lstrip("\ufeff \t\r\n")[:1]
    if first == "[":
        raise UnreadableFileError(
            _(
                "{name}: filen är en JSON-lista; Överblick läser JSON Lines, ett objekt per rad."
            ).format(name=name)
        )
    if first == "{":
        return FileInfo(path, size, sha, JSONL, "utf-8")
    return FileInfo(path, size, sha, CSV, encoding)


CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\x0c\x1a")


def _looks_binary(head: bytes) -> bool:
    """Whether the first bytes of a file are not text: a NUL in its first line, or more
    control bytes than line breaks (a stray NUL in a row further down only rejects that row)."""
    first = head.lstrip(b"\xef\xbb\xbf \t\r\n").split(b"\n", 1)[0]
    if b"\x00" in first:
        return True
    controls = len(head) - len(head.translate(None, CONTROL_BYTES))
    return controls > head.count(b"\n")


class Source:
    """A streaming reader over one file."""

    format: str = ""

    def __init__(self, info: FileInfo) -> None:
        self.info = info
        self.name = info.path.name
        self.columns: list[str] = []  # the original columns, for the reject report
        self.mixed = False  # rows of several entities: references may point forward
        self.ignored_columns: list[str] = []
        self.entities: list[str] = []

    def rows(self) -> Iterator[SourceRow]:
        raise NotImplementedError

    def position(self) -> tuple[int, int]:
        """Progress as (done, total) in the reader's own unit."""
        return 0, 0

    def close(self) -> None:
        return None

    def __enter__(self) -> Source:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _header_names(cells: list[Any]) -> list[str]:
    return [("" if c is None else str(c)).replace("\ufeff", "").strip() for c in cells]


def _record_type_index(header: list[str]) -> int | None:
    for index, name in enumerate(header):
        if F.fold(name) in F.RECORD_TYPE_COLUMNS:
            return index
    return None


def _recognised(header: list[str]) -> int:
    """How many columns any entity (or the record-type column) knows."""
    count = 0
    for name in header:
        folded = F.fold(name)
        if folded in F.RECORD_TYPE_COLUMNS or any(
            e.by_column.get(folded) for e in F.ENTITIES.values()
        ):
            count += 1
    return count


def _plan_header(
    name: str, header: list[str], entity_hint: str | None
) -> tuple[str | None, int | None, list[str]]:
    """The entity of a single-entity header (or None with the record-type column's index)."""
    type_index = _record_type_index(header)
    present = [h for h in header if h]
    if type_index is not None:
        known = {h for h in present for e in F.ENTITIES.values() if e.spec_for(h) is not None} | {
            header[type_index]
        }
        return None, type_index, [h for h in present if h not in known]
    if entity_hint is not None:
        entity = entity_hint
        _score, missing = F.header_score(entity, present)
    else:
        entity, missing = F.guess_entity(present)
        if entity is None:
            raise UnreadableFileError(
                _(
                    "{name}: rubrikraden innehåller inga kolumner som Överblick känner igen "
                    "(till exempel Ärende, Personnummer, Impulstyp). {DOC_HINT}"
                ).format(name=name, DOC_HINT=_(DOC_HINT))
            )
    if missing:
        columns = ", ".join(f"'{m.column}'" for m in missing)
        what = label(F.ENTITY_SV_PLURAL, entity)
        raise UnreadableFileError(
            _("{name}: kolumnen {columns} saknas; den behövs för {what}. {DOC_HINT}").format(
                name=name, columns=columns, what=what, DOC_HINT=_(DOC_HINT)
            )
        )
    spec = F.ENTITIES[entity]
    ignored = [h for h in present if spec.spec_for(h) is None]
    return entity, None, ignored


# ---------------------------------------------------------------------------------------------
# CSV
# ---------------------------------------------------------------------------------------------
class RowTooLong(Exception):
    """A CSV record ran past MAX_ROW_CHARS; the rest of its line was skipped."""


class _Lines:
    """The physical lines of a CSV file, for :func:`csv.reader`, never longer than what is
    left of a row's MAX_ROW_CHARS. It counts the lines and notes, per row, how long the row
    is and whether it holds a NUL or a leading quote (cheap checks on whole lines)."""

    __slots__ = ("_readline", "count", "nul", "quote", "row_chars")

    def __init__(self, text: io.TextIOWrapper) -> None:
        self._readline = text.readline
        self.count = 0  # physical lines read
        self.new_row()

    def new_row(self) -> None:
        self.row_chars = 0
        self.nul = self.quote = False

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        budget = MAX_ROW_CHARS - self.row_chars
        line = self._readline(budget + 1)
        if not line:
            raise StopIteration
        self.count += 1
        if len(line) > budget:
            while line and not line.endswith(("\n", "\r")):  # skip the rest of the line
                line = self._readline(CHUNK)
            raise RowTooLong
        self.row_chars += len(line)
        if "\x00" in line:
            self.nul = True
        if "'" in line:
            self.quote = True
        return line


class CsvSource(Source):
    """CSV as Swedish Excel writes it: ';' (or ',' or tab, read from the header), any of
    UTF-8 with or without BOM, Windows-1252 or UTF-16; quoted fields may hold ';' and newlines."""

    format = CSV

    def __init__(self, info: FileInfo) -> None:
        super().__init__(info)
        if csv.field_size_limit() < MAX_ROW_CHARS:  # a long field is judged per row, below
            csv.field_size_limit(MAX_ROW_CHARS)
        self._binary: BinaryIO = info.path.open("rb")
        try:
            self._text = io.TextIOWrapper(
                self._binary, encoding=info.encoding or "utf-8-sig", errors="replace", newline=""
            )
            self._prepare()
        except BaseException:
            self._binary.close()
            raise

    def _prepare(self) -> None:
        line_no = 0
        line = ""
        forced: str | None = None
        while True:
            line = self._text.readline(MAX_HEADER_CHARS + 1)
            if not line:
                raise UnreadableFileError(
                    _("{name}: filen har ingen rubrikrad.").format(name=self.name)
                )
            line_no += 1
            if len(line) > MAX_HEADER_CHARS:
                raise UnreadableFileError(
                    _(
                        "{name}: rubrikraden är längre än {MAX_HEADER_CHARS} tecken; kontrollera "
                        "att första raden är kolumnernas namn. {DOC_HINT}"
                    ).format(
                        name=self.name,
                        MAX_HEADER_CHARS=_count(MAX_HEADER_CHARS),
                        DOC_HINT=_(DOC_HINT),
                    )
                )
            stripped = line.replace("\ufeff", "").strip()
            if not stripped:
                continue
            if stripped.lower().startswith("sep=") and len(stripped) == 5:
                forced = stripped[4]  # Excel's "sep=;" line names the separator
                continue
            break
        if "\x00" in line:
            raise UnreadableFileError(
                _(
                    "{name}: filen är ingen textfil (binärt innehåll); importera CSV, XLSX "
                    "eller JSON Lines."
                ).format(name=self.name)
            )
        candidates = (forced,) if forced else DELIMITERS
        best: tuple[int, int, str, list[str]] | None = None
        for rank, delimiter in enumerate(candidates):
            header = _header_names(next(csv.reader([line], delimiter=delimiter)))
            score = (_recognised(header), -rank)
            if best is None or score > best[:2]:
                best = (*score, delimiter, header)
        assert best is not None
        recognised, _rank, self.delimiter, header = best
        if recognised == 0:
            raise UnreadableFileError(
                _(
                    "{name}: rubrikraden innehåller inga kolumner som Överblick känner igen "
                    "(till exempel Ärende, Personnummer, Impulstyp). {DOC_HINT}"
                ).format(name=self.name, DOC_HINT=_(DOC_HINT))
            )
        _check_width(self.name, next((n for n in range(len(header), 0, -1) if header[n - 1]), 0))
        self.header = header
        self.columns = header
        self._offset = line_no
        self.entity, self.type_index, self.ignored_columns = _plan_header(self.name, header, None)
        self.mixed = self.type_index is not None
        self.entities = [self.entity] if self.entity else []
        self._keys = _keys(header)

    def rows(self) -> Iterator[SourceRow]:
        lines = _Lines(self._text)
        reader = csv.reader(lines, delimiter=self.delimiter)
        header = self.header
        keys = self._keys
        width = len(header)
        padding = [""] * width
        offset = self._offset
        name = self.name
        entity = self.entity
        type_index = self.type_index
        while True:
            start = offset + lines.count + 1
            lines.new_row()
            try:
                values = next(reader)
            except StopIteration:
                return
            except RowTooLong:
                yield SourceRow(start, entity, list(padding), name, keys, row_too_long(),
                                aligned=True)  # fmt: skip
                continue
            except csv.Error as exc:  # not expected with the limits above; one row, not the file
                reason = _("Raden kan inte läsas som CSV ({exc}); kontrollera citattecken.").format(
                    exc=exc
                )
                yield SourceRow(start, entity, list(padding), name, keys, reason, aligned=True)
                continue
            if not any(v.strip() for v in values):
                continue
            n = len(values)
            if n < width:
                values.extend(padding[n:])
            error = None
            error_field = ""
            if lines.nul:
                error, error_field = has_nul(), _column_of(header, values, _has_nul)
                values = [v.replace("\x00", "\ufffd") for v in values]
            elif lines.row_chars > MAX_CELL_CHARS and max(map(len, values)) > MAX_CELL_CHARS:
                error, error_field = cell_too_long(), _column_of(header, values, _too_long)
            elif n > width and any(v.strip() for v in values[width:]):
                error = _(
                    "Raden har fler fält än rubrikraden; kontrollera citattecken och avgränsare."
                )
            if lines.quote:
                values = [unquote(v) for v in values]
            row_entity = entity
            if type_index is not None:
                row_entity = F.entity_named(values[type_index])
                if row_entity is None and error is None:
                    error_field = header[type_index]
                    error = _unknown_type(values[type_index])
            yield SourceRow(start, row_entity, values, name, keys, error, error_field, aligned=True)

    def position(self) -> tuple[int, int]:
        try:
            return self._binary.tell(), self.info.size
        except (OSError, ValueError):
            return 0, self.info.size

    def close(self) -> None:
        self._text.close()


def _has_nul(value: str) -> bool:
    return "\x00" in value


def _too_long(value: str) -> bool:
    return len(value) > MAX_CELL_CHARS


def _column_of(header: list[str], values: list[str], test: Callable[[str], bool]) -> str:
    """The header name of the first cell that fails ``test`` ('' past the header)."""
    for index, value in enumerate(values):
        if test(value):
            return header[index] if index < len(header) else ""
    return ""


def _check_width(name: str, width: int) -> None:
    """Refuse a header with more than MAX_COLUMNS columns up to its last named one."""
    if width > MAX_COLUMNS:
        raise UnreadableFileError(
            _(
                "{name}: rubrikraden har {width} kolumner; Överblick läser högst "
                "{MAX_COLUMNS}. Ta bort tomma eller överflödiga kolumner och försök igen."
            ).format(name=name, width=_count(width), MAX_COLUMNS=_count(MAX_COLUMNS))
        )


def _keys(header: list[str]) -> tuple[str | None, ...]:
    """The header as row keys: an empty or repeated column name is None (not read)."""
    seen: set[str] = set()
    keys: list[str | None] = []
    for column in header:
        keys.append(column if column and column not in seen else None)
        seen.add(column)
    return tuple(keys)


def _unknown_type(kind: Any) -> str:
    if F.is_empty(kind):
        return _(
            "Posttypen saknas; ange ärende, sjukperiod, intyg, impuls, bevakning, kontakt "
            "eller handläggare."
        )
    return _(
        "Okänd posttyp; ange ärende, sjukperiod, intyg, impuls, bevakning, kontakt eller "
        "handläggare (case, sick_period, certificate, impulse, follow_up, contact, caseworker)."
    )


# ---------------------------------------------------------------------------------------------
# JSON Lines
# ---------------------------------------------------------------------------------------------
class JsonlSource(Source):
    """JSON Lines: one object per line, with a "type" naming the entity."""

    format = JSONL

    def __init__(self, info: FileInfo) -> None:
        super().__init__(info)
        self.columns = ["post"]
        self.mixed = True
        self._fh: BinaryIO = info.path.open("rb")

    def rows(self) -> Iterator[SourceRow]:
        name = self.name
        first = True
        entities: dict[str, str] = {}
        known: dict[tuple[str, str], bool] = {}  # (entity, key) -> whether a field has it
        for number, raw in enumerate(_byte_lines(self._fh), start=1):
            if raw is None:
                yield SourceRow(number, None, {}, name, error=row_too_long(), text="")
                continue
            if number == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
            if not raw.strip():
                continue
            if b"\x00" in raw:
                text = raw.replace(b"\x00", b"").decode("utf-8", "replace").rstrip("\r\n")
                yield SourceRow(number, None, {}, name, error=has_nul(), text=text)
                continue
            try:
                text = raw.decode("utf-8").rstrip("\r\n")
            except UnicodeDecodeError:
                if first:
                    raise UnreadableFileError(
                        _("{name}: filen är inte UTF-8-text.").format(name=name)
                    ) from None
                text = raw.decode("utf-8", "replace").rstrip("\r\n")
                reason = _("Raden är inte giltig UTF-8-text.")
                yield SourceRow(number, None, {}, name, error=reason, text=text)
                continue
            try:
                record = json.loads(text)
            except json.JSONDecodeError as exc:
                if first:
                    raise UnreadableFileError(
                        _(
                            "{name}: första raden är inte giltig JSON; Överblick läser JSON Lines, "
                            "ett objekt per rad."
                        ).format(name=name)
                    ) from None
                reason = _("Raden är inte giltig JSON (fel vid tecken {colno}).").format(
                    colno=exc.colno
                )
                yield SourceRow(number, None, {}, name, error=reason, text=text)
                continue
            if not isinstance(record, dict):
                if first:
                    raise UnreadableFileError(
                        _(
                            "{name}: första raden är inget JSON-objekt; Överblick läser JSON "
                            "Lines, ett objekt per rad."
                        ).format(name=name)
                    )
                reason = "Raden ska vara ett JSON-objekt ({...})."
                yield SourceRow(number, None, {}, name, error=reason, text=text)
                continue
            first = False
            type_key = "type" if "type" in record else _type_key(record)
            kind = record.pop(type_key) if type_key else None
            entity = entities.get(kind) if kind.__class__ is str else None
            if entity is None:
                entity = F.entity_named(kind)
                if entity is None:
                    reason = _unknown_type(kind)
                    yield SourceRow(number, None, record, name, None, reason, "type", text)
                    continue
                entities[kind] = entity
            for key in record:
                if (entity, key) not in known:
                    known[(entity, key)] = F.ENTITIES[entity].spec_for(key) is not None
            problem = _value_problem(record, text)
            if problem is not None:
                yield SourceRow(number, entity, record, name, None, problem[1], problem[0], text)
                continue
            yield SourceRow(number, entity, record, name, text=text)
        self.ignored_columns = sorted({key for (_, key), ok in known.items() if not ok})
        if first:
            raise UnreadableFileError(_("{name}: filen har inga poster.").format(name=name))

    def position(self) -> tuple[int, int]:
        try:
            return self._fh.tell(), self.info.size
        except (OSError, ValueError):
            return 0, self.info.size

    def close(self) -> None:
        self._fh.close()


def _byte_lines(fh: BinaryIO) -> Iterator[bytes | None]:
    """The lines of a binary file, each at most MAX_ROW_CHARS bytes: a longer line is
    skipped and given as None."""
    while line := fh.readline(MAX_ROW_CHARS + 1):
        if len(line) > MAX_ROW_CHARS and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = fh.readline(CHUNK)
            yield None
            continue
        yield line


def _value_problem(record: dict[str, Any], text: str) -> tuple[str, str] | None:
    """(key, reason) for a JSON value with a NUL (written \\u0000) or over MAX_CELL_CHARS."""
    nul = "\\u0000" in text
    if not nul and len(text) <= MAX_CELL_CHARS:
        return None
    for key, value in record.items():
        if isinstance(value, str):
            if "\x00" in value:
                return key, has_nul()
            if len(value) > MAX_CELL_CHARS:
                return key, cell_too_long()
    return None


def _type_key(record: dict[str, Any]) -> str | None:
    return next((k for k in F.JSONL_TYPE_KEYS if k in record), None)


def open_source(info: FileInfo) -> Source:
    """The streaming reader for the file's format; header problems raise UnreadableFileError."""
    try:
        if info.format == XLSX:
            from app.exchange.xlsx import XlsxSource

            return XlsxSource(info)
        if info.format == JSONL:
            return JsonlSource(info)
        return CsvSource(info)
    except OSError as exc:
        raise UnreadableFileError(
            _("{name}: filen kan inte läsas ({value}).").format(
                name=info.path.name, value=exc.strerror or exc
            )
        ) from None
