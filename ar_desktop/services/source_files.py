"""Opening a file to import: only a regular file, its kind told by its bytes, read as a stream.

``open_source(path)`` checks what the file is (never trusting its name or what it says about
itself), decides the CSV encoding and separator from its bytes, and returns a ``SourceTable``:
the header and a way to stream the data rows as often as needed (``rows()``), so that no import
ever holds a whole file in memory. Every limit is refused with a plain message as soon as it is
passed: file size, line length, cell length, number of columns and of rows (and, for .xlsx, what
``xlsx_reading`` checks).
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import os
import stat
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.text import Text, translate
from ar_desktop.services.report_formats import restore_neutralised

if TYPE_CHECKING:   # an .xlsx file's reader is loaded for one only (~10 ms of every CSV import)
    from ar_desktop.services.xlsx_reading import Cell

MAX_BYTES = 512 * 1024 * 1024
MAX_CELL = 100_000
MAX_COLUMNS = 1_000
MAX_ROWS = 2_000_000
MAX_HEADER = 200  # characters of one column name
MAX_LINE = 4 * 1024 * 1024  # characters of one physical CSV line
_SNIFF = 64 * 1024

_BINARY_SIGNATURES = {b"%PDF": translate("Messages", "a PDF document"),
                      b"\xd0\xcf\x11\xe0": translate("Messages", "an old Excel (.xls) or Word file"),
                      b"\x89PNG": translate("Messages", "a PNG image"), b"\xff\xd8\xff": translate("Messages", "a JPEG image"),
                      b"GIF8": translate("Messages", "a GIF image"),
                      b"SQLite format 3": translate("Messages", "a database (perhaps a company file)")}


def _error(template: str, **params) -> UserError:
    return UserError(Text(template, **params))


@dataclass
class SourceTable:
    """A file's header and a stream of its data rows (row number in the file, cells).

    Row numbers count records from the header (row 1) for CSV, and are the sheet's own row numbers
    for .xlsx: what the user sees in a spreadsheet.
    """

    name: str
    path: Path
    header: list[str]
    kind_of_file: str  # csv | xlsx
    encoding: str = ""
    separator: str = ""
    sheet: str = ""
    sheets: tuple[str, ...] = ()
    notice: Text | None = None  # what the reader decided that the user should check
    size: int = 0
    cell_limit: int = MAX_CELL
    _samples: list[tuple[int, list[Cell]]] = field(default_factory=list)

    def rows(self) -> Iterator[tuple[int, list[Cell]]]:
        """Every data row that holds a value, streamed from the file."""
        # the reader's own generator, not one around it: a big file has millions of rows
        return _xlsx_rows(self) if self.kind_of_file == "xlsx" else _csv_records(self, data=True)

    def samples(self, n: int = 500) -> list[tuple[int, list[Cell]]]:
        """The first ``n`` data rows (for guessing formats and showing examples)."""
        if len(self._samples) < n:
            out = []
            for k, row in enumerate(self.rows()):
                if k >= n:
                    break
                out.append(row)
            self._samples = out
        return self._samples[:n]

    def column(self, header: str, n: int = 500) -> list[Cell]:
        i = self.header.index(header)
        return [cells[i] if i < len(cells) else "" for _, cells in self.samples(n)]

    def sha256(self) -> str:
        """The SHA-256 of the file's bytes, for the audit trail (read again, as a regular file)."""
        digest = hashlib.sha256()
        f, _size = _open_regular(self.path)
        with f:
            while block := f.read(1 << 20):
                digest.update(block)
        return digest.hexdigest()


# ---- the file itself ----------------------------------------------------------------------

def _open_regular(path: Path) -> tuple[io.BufferedReader, int]:
    """Open ``path`` for reading only if it is a regular file: a device, a pipe, a socket or a
    folder is refused before anything is read (so /dev/zero or a named pipe never hangs)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise _error(translate("Messages", "There is no file {path}. Check the name and folder."), path=str(path)) \
            from None
    except PermissionError:
        raise _error(translate("Messages", "You may not read {path}. Check the file's permissions."),
                     path=str(path)) from None
    except OSError as e:
        raise _error(translate("Messages", "{path} cannot be read ({reason})."), path=str(path),
                     reason=e.strerror or type(e).__name__) from None
    if stat.S_ISDIR(st.st_mode):
        raise _error(translate("Messages", "{path} is a folder, not a file to import. Choose a CSV or .xlsx file."),
                     path=str(path))
    if not stat.S_ISREG(st.st_mode):
        raise _error(translate("Messages", "{path} is not a regular file (it is a device, a pipe or a socket). "
                                           "Only files saved on a disk can be imported."), path=str(path))
    try:
        # O_NONBLOCK: should the path be swapped for a pipe after the check, opening it cannot hang
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except PermissionError:
        raise _error(translate("Messages", "You may not read {path}. Check the file's permissions."),
                     path=str(path)) from None
    except OSError as e:
        raise _error(translate("Messages", "{path} cannot be read ({reason})."), path=str(path),
                     reason=e.strerror or type(e).__name__) from None
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        raise _error(translate("Messages", "{path} is not a regular file (it is a device, a pipe or a socket). "
                                           "Only files saved on a disk can be imported."), path=str(path))
    if st.st_size > MAX_BYTES:
        os.close(fd)
        raise _error(translate("Messages", "{name} is {mb} MB; files over {limit} MB are refused. Split it into "
                                           "smaller files."), name=path.name, mb=st.st_size // 2**20,
                     limit=MAX_BYTES // 2**20)
    if hasattr(os, "set_blocking"):
        os.set_blocking(fd, True)
    return open(fd, "rb", closefd=True), st.st_size  # noqa: SIM115 - returned to the caller, who closes it


def open_source(path: str | Path, *, sheet: str | None = None, encoding: str | None = None,
                separator: str | None = None, cell_limit: int = MAX_CELL) -> SourceTable:
    """Read the header of a CSV (, ; or tab; UTF-8 with or without BOM, UTF-16, else GB18030 or
    cp1252 with a notice) or of a .xlsx sheet, and check the file as far as that can be done
    without reading it all."""
    path = Path(path)
    f, size = _open_regular(path)
    try:
        head = f.read(_SNIFF)
    except OSError as e:
        f.close()
        raise _error(translate("Messages", "{path} cannot be read ({reason})."), path=str(path),
                     reason=e.strerror or type(e).__name__) from None
    if not head.strip():
        f.close()
        raise _error(translate("Messages", "{name} is empty. Choose a file with a header row and data rows."),
                     name=path.name)
    if head[:4] == b"PK\x03\x04":
        f.close()
        return _xlsx_table(path, sheet, size)
    try:
        enc, notice = _encoding(f, head, path.name, encoding)
    finally:
        f.close()
    table = SourceTable(path.name, path, [], "csv", encoding=enc, separator="", notice=notice, size=size,
                        cell_limit=cell_limit)
    text_head = head.decode(enc, errors="ignore") if not enc.startswith("utf-16") else head.decode(
        "utf-16", errors="ignore")
    table.separator = separator or _sniff_separator(text_head)
    if table.separator not in (",", ";", "\t"):
        raise _error(translate("Messages", "The separator must be a comma, a semicolon or a tab."))
    return _headed(table, next((cells for _n, cells in _csv_records(table)), None), str)


def _headed(table: SourceTable, first: list | None, text) -> SourceTable:
    """The table with its header, from the file's first row (each cell made ``text``); refused when the file
    has no row, or a header and no data row."""
    if first is None:
        raise _error(translate("Messages", "{name} is empty. Choose a file with a header row and data rows."),
                     name=table.name)
    table.header = _header(table.name, [text(c) for c in first])
    if not table.samples(1):
        raise _error(translate("Messages", "{name} has a header but no data rows; there is nothing to import."),
                     name=table.name)
    return table


def _encoding(f, head: bytes, name: str, wanted: str | None) -> tuple[str, Text | None]:
    """The encoding to read the file with, decided from all of its bytes (streamed), and a notice
    when it is a guess the user should check."""
    if wanted:
        try:
            codecs.lookup(wanted)
        except LookupError:
            raise _error(translate("Messages", "Unknown encoding '{encoding}'."), encoding=wanted) from None
        if not _decodes(f, wanted):
            raise _error(translate("Messages", "{name} cannot be read as {encoding}. Choose another encoding, or "
                                               "save the file as CSV UTF-8."), name=name, encoding=wanted)
        return wanted, None
    if head.startswith(b"\xef\xbb\xbf"):
        if not _decodes(f, "utf-8-sig"):
            raise _error(translate("Messages", "{name} says it is UTF-8 but is not. Save it again as CSV UTF-8."),
                         name=name)
        return "utf-8-sig", None
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        if not _decodes(f, "utf-16"):
            raise _error(translate("Messages", "{name} is damaged UTF-16 text. Save it again as CSV UTF-8."),
                         name=name)
        return "utf-16", None
    for sig, what in _BINARY_SIGNATURES.items():
        if head.startswith(sig):
            raise _error(translate("Messages", "{name} is not a CSV file: it is {what}. Choose a CSV or .xlsx file, "
                                               "or save the data from its program as CSV UTF-8."),
                         name=name, what=Text(what))
    if b"\x00" in head[:8192]:
        raise _error(translate("Messages", "{name} is not a CSV text file (it contains binary data). Save it as CSV "
                                           "UTF-8 and import that file."), name=name)
    if _decodes(f, "utf-8"):
        return "utf-8", None
    if _decodes(f, "gb18030") and _looks_like_gb(head):
        return "gb18030", Text(translate("Messages", "{name} is not UTF-8; it was read as Chinese GB18030. Check the "
                                                     "preview; if the text looks wrong, save the file as CSV UTF-8."),
                               name=name)
    return "cp1252", Text(translate("Messages", "{name} is not UTF-8; it was read as Windows-1252 (Western European). "
                                                "Check accented letters in the preview; if they look wrong, save the "
                                                "file as CSV UTF-8."), name=name)


def _decodes(f, encoding: str) -> bool:
    f.seek(0)
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        while chunk := f.read(1024 * 1024):
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    except OSError:
        return False
    return True


def _looks_like_gb(data: bytes) -> bool:
    """Chinese text is mostly pairs of high bytes (GB2312 range); Western text has single high bytes."""
    pairs = singles = 0
    i, n = 0, len(data)
    while i < n:
        b = data[i]
        if b < 0x80:
            i += 1
        elif b >= 0xA1 and i + 1 < n and data[i + 1] >= 0xA1:
            pairs += 1
            i += 2
        else:
            singles += 1
            i += 1
    return pairs > 0 and pairs >= 9 * singles


def _sniff_separator(text: str) -> str:
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    counts = {sep: _count_outside_quotes(first, sep) for sep in (",", ";", "\t")}
    best = max(counts, key=lambda k: (counts[k], k == ","))
    return best if counts[best] else ","


def _count_outside_quotes(line: str, sep: str) -> int:
    n, quoted = 0, False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif ch == sep and not quoted:
            n += 1
    return n


def _header(name: str, cells: list[str]) -> list[str]:
    """The column names, checked in one linear pass."""
    if len(cells) > MAX_COLUMNS:
        raise _error(translate("Messages", "{name} has {count} columns; at most {limit} are read. Is this the right "
                                           "file?"), name=name, count=f"{len(cells):,}", limit=f"{MAX_COLUMNS:,}")
    header = [h.strip() for h in cells]
    while header and not header[-1]:
        header.pop()
    if not header:
        raise _error(translate("Messages", "{name} has no header row. The first row must name the columns."), name=name)
    for i, h in enumerate(header):
        if len(h) > MAX_HEADER:
            raise _error(translate("Messages", "{name}: the header of column {column} is {length} characters long; "
                                               "the first row must hold short column names. Is this the right "
                                               "file?"), name=name, column=i + 1, length=len(h))
        if not h:
            header[i] = f"Column {i + 1}"
    twice = sorted(h for h, n in Counter(header).items() if n > 1)
    if twice:
        raise _error(translate("Messages", "{name}: column(s) {columns} appear twice in the header. Rename one of "
                                           "them."), name=name, columns=", ".join(twice[:10]))
    return header


# ---- CSV ------------------------------------------------------------------------------------

def _lines(text: io.TextIOBase, name: str, limit: int = MAX_LINE) -> Iterator[str]:
    """Physical lines of the text, each at most ``limit`` characters (a generator: a big file has millions)."""
    readline, number = text.readline, 0
    while line := readline(limit + 1):
        number += 1
        if len(line) > limit:
            raise _error(translate("Messages", "{name}, line {line}: the line is longer than {limit} characters. Is "
                                               "this the right file?"), name=name, line=number, limit=f"{limit:,}")
        yield line


def _csv_records(table: SourceTable, data: bool = False) -> Iterator[tuple[int, list[Cell]]]:
    """(record number counting from 1, cells) of every record, blank ones included; ``data``: of the data rows
    that hold a value (the header and blank rows left out, neutralised cells restored), in the same loop (one
    generator a row, not three)."""
    f, _size = _open_regular(table.path)
    csv.field_size_limit(table.cell_limit)
    with f, io.TextIOWrapper(f, encoding=table.encoding, newline="") as text:
        # reader.line_num: the physical lines read so far, for the messages
        reader = csv.reader(_lines(text, table.name, max(MAX_LINE, 2 * table.cell_limit)), delimiter=table.separator,
                            strict=True)
        try:
            for rec in reader:
                if rec and rec[0].startswith("\ufeff"):
                    rec[0] = rec[0][1:]
                if not data:
                    yield 1, rec
                break
            last = MAX_ROWS + 1
            for n, rec in enumerate(reader, 2):
                if n > last:
                    raise _error(translate("Messages", "{name} has more than {rows} rows. Split it into smaller "
                                                       "files."), name=table.name, rows=f"{MAX_ROWS:,}")
                if data:
                    joined = "".join(rec)   # (one call per row: a big file has millions of cells)
                    if not joined.strip():
                        continue
                    if len(rec) > MAX_COLUMNS:
                        raise _error(translate("Messages", "{name}, row {row} has {count} cells; at most {limit} "
                                                           "columns are read."),
                                     name=table.name, row=n, count=f"{len(rec):,}", limit=f"{MAX_COLUMNS:,}")
                    if "'" in joined:
                        rec = [restore_neutralised(c) if c[:1] == "'" else c for c in rec]
                yield n, rec
        except csv.Error as e:
            if "field larger than field limit" in str(e):
                raise _error(translate("Messages", "{name}, line {line}: a cell is longer than {limit} characters. "
                                                   "A field this long is not a customer, invoice or payment field; "
                                                   "check the quotes on that line."),
                             name=table.name, line=reader.line_num, limit=f"{table.cell_limit:,}") from None
            raise _error(translate("Messages", "{name}, line {line}: the CSV is malformed ({reason}). Check the quotes "
                                               "on that line, or that the file really is a CSV."),
                         name=table.name, line=reader.line_num, reason=str(e)) from None
        except UnicodeDecodeError:
            raise _error(translate("Messages", "{name} changed while it was read (line {line} is not {encoding}). "
                                               "Import it again."),
                         name=table.name, line=reader.line_num, encoding=table.encoding) from None


# ---- xlsx -----------------------------------------------------------------------------------

def _xlsx_book(path: Path, name: str):
    from ar_desktop.services.xlsx_reading import XlsxBook, XlsxLimits

    return XlsxBook(path, name, XlsxLimits(rows=MAX_ROWS, columns=MAX_COLUMNS, cell_chars=MAX_CELL))


def _xlsx_table(path: Path, sheet: str | None, size: int) -> SourceTable:
    with _xlsx_book(path, path.name) as book:
        name, _part = book.sheet_part(sheet)
        table = SourceTable(path.name, path, [], "xlsx", sheet=name, sheets=tuple(n for n, _ in book.sheets),
                            size=size)
        first = next((cells for _n, cells in book.rows(name)), None)
    return _headed(table, first, _text)


def _xlsx_rows(table: SourceTable) -> Iterator[tuple[int, list[Cell]]]:
    f, _size = _open_regular(table.path)  # the same checks again: the file may have been swapped
    f.close()
    with _xlsx_book(table.path, table.name) as book:
        rows = book.rows(table.sheet)
        for _n, _cells in rows:  # the header
            break
        yield from rows


def _text(value: Cell) -> str:
    from ar_desktop.services.report_formats import cell_text

    return cell_text(value)
