"""The package of an Excel workbook (.xlsx), opened without trusting what it says about itself.

Before anything is inflated, the sizes the zip file declares for the parts Överblick reads
are checked against the limits below (a part cannot inflate past its declared size:
:mod:`zipfile` stops there and the CRC check fails). The relations, the workbook, the
shared strings and the styles are parsed with expat, with no DTDs or entities: a part with
a ``<!DOCTYPE`` is refused. The sheets themselves are streamed by :mod:`app.exchange.xlsx`.
"""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, Any
from xml.parsers import expat

from app.base.i18n import N_, _
from app.exchange.readers import MAX_CELL_CHARS, FileInfo, UnreadableFileError, _count

# Limits (docs/import-format.md, "Limits").
MAX_SHEET_BYTES = 128_000_000  # one sheet's XML, uncompressed (150,000 rows of 16 columns)
MAX_STRINGS_BYTES = 64_000_000  # the shared strings, uncompressed; they are held in memory
MAX_STRINGS = 1_000_000
MAX_PART_BYTES = 16_000_000  # the workbook, its relations and styles
MAX_ROWS = 1_048_576  # Excel's own limits
MAX_CELLS_PER_ROW = 16_384
READ = 1 << 16

SPLIT_HINT = N_("Dela upp arbetsboken i flera filer eller spara bladen som CSV.")

TOO_LONG = object()  # a shared string over MAX_CELL_CHARS


class Corrupt(Exception):
    """The workbook's XML breaks a rule; the message says which, for the caller's line."""


DIGITS = "0123456789"
LOCAL_NAMES: dict[str, str] = {}
COLUMNS: dict[str, int] = {}


def local_name(name: str) -> str:
    """'x:row' -> 'row'."""
    found = LOCAL_NAMES.get(name)
    if found is None:
        found = name.rpartition(":")[2]
        if len(LOCAL_NAMES) < 1_000:
            LOCAL_NAMES[name] = found
    return found


def column_index(ref: str) -> int:
    """'AB12' -> 28; 0 when the reference has no letters."""
    cache = COLUMNS
    letters = ref.rstrip(DIGITS)
    found = cache.get(letters)
    if found is None:
        found = 0
        for ch in letters.upper():
            if not "A" <= ch <= "Z":
                raise Corrupt(_("cellreferensen '{ref}' är ogiltig").format(ref=ref[:20]))
            found = found * 26 + ord(ch) - 64
        if len(cache) < 20_000:
            cache[letters] = found
    return found


def _refuse_dtd(*_args: Any) -> None:
    raise Corrupt(_("den innehåller en DTD, som en arbetsbok aldrig har"))


def xml_parser(
    start: Callable[[str, dict[str, str]], None],
    end: Callable[[str], None] | None = None,
    chars: Callable[[str], None] | None = None,
) -> Any:
    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.buffer_size = READ
    parser.StartDoctypeDeclHandler = _refuse_dtd
    parser.EntityDeclHandler = _refuse_dtd
    parser.StartElementHandler = start
    if end is not None:
        parser.EndElementHandler = end
    if chars is not None:
        parser.CharacterDataHandler = chars
    return parser


@dataclass(frozen=True, slots=True)
class SheetRef:
    title: str
    part: str
    size: int


class Package:
    """The zip file, its sheets, shared strings and date styles."""

    def __init__(self, info: FileInfo) -> None:
        self.name = info.path.name
        try:
            self._zip = zipfile.ZipFile(info.path)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
            raise self.unreadable() from None
        try:
            self._sizes = {i.filename: i.file_size for i in self._zip.infolist()}
            self._load()
        except BaseException:
            self._zip.close()
            raise

    def unreadable(self, why: str | None = None) -> UnreadableFileError:
        if why:
            return UnreadableFileError(
                _("{name}: arbetsboken är skadad ({why}).").format(name=self.name, why=why)
            )
        return UnreadableFileError(
            _("{name}: filen kan inte läsas som en Excel-arbetsbok (.xlsx).").format(name=self.name)
        )

    def close(self) -> None:
        self._zip.close()

    # --- the parts ------------------------------------------------------------------------

    def _open(self, part: str) -> IO[bytes]:
        try:
            return self._zip.open(part)
        except (KeyError, zipfile.BadZipFile, NotImplementedError, RuntimeError, ValueError):
            raise self.unreadable() from None

    def feed(self, part: str, parser: Any, progress: Callable[[int], None] | None = None) -> Any:
        """Parse ``part`` in chunks, yielding after each chunk (a generator)."""
        try:
            with self._open(part) as fh:
                while chunk := fh.read(READ):
                    parser.Parse(chunk, False)
                    if progress is not None:
                        progress(len(chunk))
                    yield
                parser.Parse(b"", True)
        except Corrupt as exc:
            raise self.unreadable(str(exc)) from None
        except (expat.ExpatError, zipfile.BadZipFile, zlib.error, EOFError, OSError):
            raise self.unreadable(_("delen {part} kan inte läsas").format(part=part)) from None
        yield

    def parse_all(self, part: str, parser: Any) -> None:
        for _step in self.feed(part, parser):
            pass

    def _size_ok(self, part: str, limit: int, what: str) -> None:
        size = self._sizes.get(part, 0)
        if size > limit:
            raise UnreadableFileError(
                _(
                    "{name}: {what} är {size} MB uppackat; Överblick läser högst {limit} MB. "
                    "{SPLIT_HINT}"
                ).format(
                    name=self.name,
                    what=what,
                    size=_mb(size),
                    limit=_mb(limit),
                    SPLIT_HINT=_(SPLIT_HINT),
                )
            )

    def _rels(self, part: str) -> dict[str, tuple[str, str]]:
        """Relationship id -> (type's last word, target part) for ``part``."""
        folder, base = posixpath.split(part)
        rels_part = posixpath.join(folder, "_rels", f"{base}.rels")
        found: dict[str, tuple[str, str]] = {}
        if rels_part not in self._sizes:
            return found
        self._size_ok(rels_part, MAX_PART_BYTES, _("arbetsbokens innehållsförteckning"))

        def start(name: str, attrs: dict[str, str]) -> None:
            if local_name(name) == "Relationship" and attrs.get("TargetMode") != "External":
                target = attrs.get("Target", "")
                target = target[1:] if target.startswith("/") else posixpath.join(folder, target)
                kind = attrs.get("Type", "").rpartition("/")[2]
                found[attrs.get("Id", "")] = (kind, posixpath.normpath(target))

        self.parse_all(rels_part, xml_parser(start))
        return found

    def _load(self) -> None:
        root = self._rels("")
        workbook = next((t for k, t in root.values() if k == "officeDocument"), "xl/workbook.xml")
        if workbook not in self._sizes:
            raise self.unreadable()
        self._size_ok(workbook, MAX_PART_BYTES, _("arbetsboken"))
        rels = self._rels(workbook)
        sheets: list[tuple[str, str]] = []
        self.epoch_1904 = False

        def start(name: str, attrs: dict[str, str]) -> None:
            tag = local_name(name)
            if tag == "sheet":
                rel = next((v for k, v in attrs.items() if local_name(k) == "id"), "")
                sheets.append((attrs.get("name", ""), rel))
            elif tag == "workbookPr":
                self.epoch_1904 = attrs.get("date1904", "").lower() in ("1", "true")

        self.parse_all(workbook, xml_parser(start))
        self.sheets = [
            SheetRef(title, rels[rel][1], self._sizes.get(rels[rel][1], 0))
            for title, rel in sheets
            if rel in rels and rels[rel][0] == "worksheet" and rels[rel][1] in self._sizes
        ]
        if not self.sheets:
            raise UnreadableFileError(
                _("{name}: arbetsboken har inga blad att importera.").format(name=self.name)
            )
        self._strings_part = next((t for k, t in rels.values() if k == "sharedStrings"), None)
        self._styles_part = next((t for k, t in rels.values() if k == "styles"), None)
        self._strings: list[Any] | None = None
        self.date_styles, self.timedelta_styles = self._styles()

    def check_sheet(self, sheet: SheetRef) -> None:
        self._size_ok(sheet.part, MAX_SHEET_BYTES, _("bladet '{title}'").format(title=sheet.title))

    # --- shared strings and styles --------------------------------------------------------

    @property
    def strings(self) -> list[Any]:
        if self._strings is None:
            self._strings = self._read_strings()
        return self._strings

    def _read_strings(self) -> list[Any]:
        part = self._strings_part
        if part is None or part not in self._sizes:
            return []
        self._size_ok(part, MAX_STRINGS_BYTES, _("arbetsbokens texttabell"))
        strings: list[Any] = []
        pieces: list[str] = []
        state = {"collect": False, "phonetic": False, "size": 0}

        def start(name: str, attrs: dict[str, str]) -> None:
            tag = local_name(name)
            if tag == "t":
                state["collect"] = not state["phonetic"]
            elif tag == "rPh":
                state["phonetic"] = True
            elif tag == "si":
                pieces.clear()
                state["size"] = 0

        def end(name: str) -> None:
            tag = local_name(name)
            if tag == "t":
                state["collect"] = False
            elif tag == "rPh":
                state["phonetic"] = False
            elif tag == "si":
                if len(strings) >= MAX_STRINGS:
                    raise UnreadableFileError(
                        _(
                            "{name}: arbetsboken har fler än {MAX_STRINGS} olika texter; Överblick "
                            "läser högst så många. {SPLIT_HINT}"
                        ).format(
                            name=self.name,
                            MAX_STRINGS=_count(MAX_STRINGS),
                            SPLIT_HINT=_(SPLIT_HINT),
                        )
                    )
                strings.append(TOO_LONG if state["size"] > MAX_CELL_CHARS else "".join(pieces))

        def chars(data: str) -> None:
            if state["collect"]:
                state["size"] += len(data)
                if state["size"] <= MAX_CELL_CHARS:
                    pieces.append(data)

        self.parse_all(part, xml_parser(start, end, chars))
        return strings

    def _styles(self) -> tuple[frozenset[int], frozenset[int]]:
        part = self._styles_part
        if part is None or part not in self._sizes:
            return frozenset(), frozenset()
        self._size_ok(part, MAX_PART_BYTES, _("arbetsbokens formatmallar"))
        custom: dict[int, str] = {}
        xfs: list[int] = []
        inside = [False]

        def start(name: str, attrs: dict[str, str]) -> None:
            tag = local_name(name)
            if tag == "numFmt":
                custom[to_int(attrs.get("numFmtId"))] = attrs.get("formatCode", "")
            elif tag == "cellXfs":
                inside[0] = True
            elif tag == "xf" and inside[0]:
                xfs.append(to_int(attrs.get("numFmtId")))

        def end(name: str) -> None:
            if local_name(name) == "cellXfs":
                inside[0] = False

        self.parse_all(part, xml_parser(start, end))
        from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format

        formats = [custom.get(f) or BUILTIN_FORMATS.get(f) for f in xfs]
        dates = frozenset(i for i, f in enumerate(formats) if is_date_format(f))
        spans = frozenset(i for i, f in enumerate(formats) if is_timedelta_format(f))
        return dates, spans


def to_int(text: str | None) -> int:
    try:
        return int(text or 0)
    except ValueError:
        return 0


def _mb(size: int) -> str:
    return _count(round(size / 1_000_000))
