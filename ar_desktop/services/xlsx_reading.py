"""Reading an Excel .xlsx sheet by its cells, with limits, never trusting what the file declares.

A workbook is a zip of XML parts. This reader streams the sheet's XML through the C parser in
small chunks and counts as it goes: bytes unpacked (and their ratio to the packed size), rows,
columns and the length of every cell are refused with a plain message as soon as a limit is
passed, before memory grows. The sheet's declared ``<dimension>`` is ignored: rows and cells are
placed by their own references. No DTD is accepted (so no entity expansion), no formula is
evaluated (the cached value is read), and nothing outside the zip is opened.

Cells arrive typed: text (``str``), numbers as exact ``Decimal`` (Excel keeps 15 significant
digits; more is float noise and is rounded away), date cells (number cells with a date format)
as ``datetime.date``, booleans as ``bool``. Empty cells are ``""``.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import IO
from xml.etree.ElementTree import ParseError, XMLPullParser

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.text import Text, translate

Cell = str | Decimal | dt.date | bool


@dataclass(frozen=True)
class XlsxLimits:
    rows: int = 2_000_000
    columns: int = 1_000
    cell_chars: int = 100_000
    unpacked_bytes: int = 2 * 1024**3  # all parts read, together
    part_bytes: int = 64 * 1024**2  # a workbook, relations, styles part
    ratio: int = 100  # unpacked / packed, checked once a part has unpacked 1 MB (real sheets: 5-30)
    shared_strings: int = 5_000_000


LIMITS = XlsxLimits()
_CHUNK = 64 * 1024
_RATIO_FROM = 1024**2
_MAIN = ("http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main")
_REL = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "http://purl.oclc.org/ooxml/officeDocument/relationships")
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
# Built-in number formats that show dates (ECMA-376 18.8.30, with the East Asian ones)
_DATE_FORMAT_IDS = frozenset((*range(14, 23), *range(27, 37), *range(45, 48), *range(50, 59)))


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _refused(template: str, **params) -> UserError:
    return UserError(Text(template, **params))


class _Budget:
    """Bytes unpacked so far from the whole workbook."""

    def __init__(self, limits: XlsxLimits):
        self.limits = limits
        self.used = 0


class _PartReader:
    """Unpacks one zip part in chunks, enforcing the total, the part's own limit and the ratio."""

    def __init__(self, name: str, zf: zipfile.ZipFile, info: zipfile.ZipInfo, budget: _Budget, limit: int):
        self.file_name, self.info, self.budget, self.limit = name, info, budget, limit
        self.stream: IO[bytes] = zf.open(info)
        self.unpacked = 0

    def chunks(self) -> Iterator[bytes]:
        tail = b""
        try:
            while True:
                chunk = self.stream.read(_CHUNK)
                if not chunk:
                    return
                self.unpacked += len(chunk)
                self.budget.used += len(chunk)
                self._check()
                # An OOXML part never has a DTD; refusing one rules out entity expansion ("billion laughs")
                if b"<!DOCTYPE" in (tail + chunk).upper() or b"<!ENTITY" in (tail + chunk).upper():
                    raise _refused(translate("Messages", "{name} is not a plain workbook (it declares a document "
                                                        "type). Open it in your spreadsheet and save it again as "
                                                        ".xlsx."), name=self.file_name)
                tail = chunk[-16:]
                yield chunk
        finally:
            self.stream.close()

    def _check(self) -> None:
        limits = self.budget.limits
        if self.unpacked > self.limit or self.budget.used > limits.unpacked_bytes:
            raise _refused(translate("Messages", "{name} unpacks to more than {mb} MB. Split the data into smaller "
                                                 "workbooks or save it as CSV."),
                           name=self.file_name, mb=min(self.limit, limits.unpacked_bytes) // 2**20)
        if self.unpacked > _RATIO_FROM and self.unpacked > limits.ratio * max(self.info.compress_size, 1):
            raise _refused(translate("Messages", "{name} unpacks to more than {ratio} times its size, as no real "
                                                 "spreadsheet does (a \"zip bomb\"). It was not read."),
                           name=self.file_name, ratio=limits.ratio)


class XlsxBook:
    """An open workbook: its sheet names, shared strings and date styles; ``rows(sheet)`` streams a sheet."""

    def __init__(self, path, name: str, limits: XlsxLimits = LIMITS):
        self.name, self.limits = name, limits
        self.budget = _Budget(limits)
        try:
            self.zf = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            raise self._damaged() from None
        try:
            self._parts = {i.filename: i for i in self.zf.infolist()}
            self._load()
        except BaseException:
            self.zf.close()
            raise

    def close(self) -> None:
        self.zf.close()

    def __enter__(self) -> XlsxBook:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _damaged(self) -> UserError:
        return _refused(translate("Messages", "{name} is not an Excel workbook that can be read (.xlsx expected). "
                                              "Open it in your spreadsheet and save it as .xlsx or CSV UTF-8."),
                        name=self.name)

    # ---- the small parts ----------------------------------------------------------------

    def _events(self, part: str, limit: int, events=("end",)) -> Iterator[tuple[str, object]]:
        info = self._parts.get(part)
        if info is None:
            raise self._damaged()
        parser = XMLPullParser(events=events)
        try:
            for chunk in _PartReader(self.name, self.zf, info, self.budget, limit).chunks():
                parser.feed(chunk)
                yield from parser.read_events()
            parser.close()
            yield from parser.read_events()
        except (ParseError, zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError):
            raise _refused(translate("Messages", "{name} is a damaged workbook (part {part} cannot be read). Save it "
                                                 "again as .xlsx or CSV UTF-8."), name=self.name, part=part) from None

    def _rels(self, part: str) -> dict[str, str]:
        folder, base = posixpath.split(part)
        rels_part = posixpath.join(folder, "_rels", base + ".rels")
        if rels_part not in self._parts:
            return {}
        out = {}
        for _ev, el in self._events(rels_part, self.limits.part_bytes):
            if _local(el.tag) == "Relationship":
                target = el.get("Target", "")
                target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                    posixpath.join(folder, target))
                out[el.get("Id", "")] = (el.get("Type", ""), target)
        return out

    def _load(self) -> None:
        root_rels = self._rels("")
        workbook = next((t for typ, t in root_rels.values() if typ.endswith("/officeDocument")), "xl/workbook.xml")
        rels = self._rels(workbook)
        self.sheets: list[tuple[str, str]] = []  # (name, part)
        self.date1904 = False
        for _ev, el in self._events(workbook, self.limits.part_bytes):
            tag = _local(el.tag)
            if tag == "workbookPr":
                self.date1904 = el.get("date1904", "0").lower() in ("1", "true")
            elif tag == "sheet":
                rid = next((el.get(f"{{{ns}}}id") for ns in _REL if el.get(f"{{{ns}}}id")), None)
                typ, target = rels.get(rid or "", ("", ""))
                if typ.endswith("/worksheet") and target in self._parts:
                    self.sheets.append((el.get("name", "") or f"Sheet{len(self.sheets) + 1}", target))
        if not self.sheets:
            raise _refused(translate("Messages", "{name} has no worksheet to import."), name=self.name)
        by_type = {typ.rsplit("/", 1)[-1]: t for typ, t in rels.values()}
        self.date_styles = self._date_styles(by_type.get("styles"))
        self.strings = self._shared_strings(by_type.get("sharedStrings"))

    def _date_styles(self, part: str | None) -> frozenset[int]:
        if not part or part not in self._parts:
            return frozenset()
        custom: dict[int, str] = {}
        styles: list[int] = []
        in_xfs = False
        for ev, el in self._events(part, self.limits.part_bytes, ("start", "end")):
            tag = _local(el.tag)
            if tag == "cellXfs":
                in_xfs = ev == "start"
            elif ev == "end" and tag == "numFmt":
                custom[_int(el.get("numFmtId"))] = el.get("formatCode", "")
            elif ev == "end" and tag == "xf" and in_xfs:
                styles.append(_int(el.get("numFmtId")))
        return frozenset(i for i, fmt in enumerate(styles)
                         if fmt in _DATE_FORMAT_IDS or (fmt in custom and _is_date_format(custom[fmt])))

    def _shared_strings(self, part: str | None) -> list[str]:
        if not part or part not in self._parts:
            return []
        out: list[str] = []
        texts: list[str] = []
        size = 0
        phonetic = 0  # inside <rPh>: the reading guide of East Asian text, not part of the value
        for ev, el in self._events(part, self.limits.unpacked_bytes, ("start", "end")):
            tag = _local(el.tag)
            if tag == "rPh":
                phonetic += 1 if ev == "start" else -1
            elif ev == "start":
                if tag == "si":
                    texts, size = [], 0
            elif tag == "t" and not phonetic:
                texts.append(el.text or "")
                size += len(el.text or "")
                if size > self.limits.cell_chars:
                    raise self._cell_too_long(f"shared string {len(out) + 1}")
            elif tag == "si":
                out.append("".join(texts))
                el.clear()
                if len(out) > self.limits.shared_strings:
                    raise _refused(translate("Messages", "{name} has more than {count} different texts. Split it "
                                                         "into smaller workbooks or save it as CSV."),
                                   name=self.name, count=f"{self.limits.shared_strings:,}")
        return out

    def _cell_too_long(self, where: str) -> UserError:
        return _refused(translate("Messages", "{name}: {where} is longer than {limit} characters. A cell this long is "
                                              "not a customer, invoice or payment field; check the file."),
                        name=self.name, where=where, limit=f"{self.limits.cell_chars:,}")

    # ---- a sheet --------------------------------------------------------------------------

    def sheet_part(self, sheet: str | None) -> tuple[str, str]:
        if sheet is None:
            return self.sheets[0]
        for name, part in self.sheets:
            if name == sheet:
                return name, part
        raise _refused(translate("Messages", "{name} has no sheet '{sheet}'. Its sheets are: {sheets}."),
                       name=self.name, sheet=sheet, sheets=", ".join(n for n, _ in self.sheets))

    def rows(self, sheet: str | None = None) -> Iterator[tuple[int, list[Cell]]]:
        """(row number, cells) of every row holding a value, in file order; cells placed by reference."""
        _name, part = self.sheet_part(sheet)
        info = self._parts[part]
        limits = self.limits
        parser = XMLPullParser(events=("start", "end"))
        reader = _PartReader(self.name, self.zf, info, self.budget, limits.unpacked_bytes)
        sheet_data = None
        row_no = rows_read = 0
        cells: dict[int, Cell] = {}
        col = 0
        pending = 0  # bytes fed since the last cell ended: bounds a single cell's size before it is parsed
        max_pending = limits.cell_chars * 8 + _CHUNK
        try:
            for chunk in reader.chunks():
                parser.feed(chunk)
                pending += len(chunk)
                for ev, el in parser.read_events():
                    tag = el.tag
                    if ev == "start":
                        if tag.endswith("}sheetData"):
                            sheet_data = el
                        elif tag.endswith("}row"):
                            r = el.get("r")
                            row_no = _int(r) if r else row_no + 1
                            if row_no < 1 or row_no > limits.rows + 1:
                                raise _refused(translate("Messages", "{name} has more than {rows} rows. Split it into "
                                                                     "smaller workbooks or save it as CSV."),
                                               name=self.name, rows=f"{limits.rows:,}")
                            cells, col = {}, 0
                            rows_read += 1
                            if rows_read > limits.rows + 1:
                                raise _refused(translate("Messages", "{name} has more than {rows} rows. Split it into "
                                                                     "smaller workbooks or save it as CSV."),
                                               name=self.name, rows=f"{limits.rows:,}")
                        continue
                    if tag.endswith("}c"):
                        ref = el.get("r")
                        col = _column(ref) if ref else col + 1
                        if col < 1 or col > limits.columns:
                            raise _refused(translate("Messages", "{name} has a value in column {column}; at most "
                                                                 "{limit} columns are read. Remove the columns that "
                                                                 "are not needed."),
                                           name=self.name, column=ref or col, limit=f"{limits.columns:,}")
                        value = self._value(el, row_no, col)
                        if value != "":
                            cells[col] = value
                        pending = 0
                        el.clear()
                    elif tag.endswith("}row"):
                        if cells:
                            out: list[Cell] = [""] * max(cells)
                            for c, v in cells.items():
                                out[c - 1] = v
                            yield row_no, out
                        if sheet_data is not None:
                            sheet_data.clear()  # rows already read are not kept
                if pending > max_pending:
                    raise self._cell_too_long(f"the cell after {_ref(row_no, col)}" if row_no else "the start of the sheet")
            parser.close()
        except (ParseError, zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError):
            raise _refused(translate("Messages", "{name} is a damaged workbook (the sheet cannot be read after row "
                                                 "{row}). Save it again as .xlsx or CSV UTF-8."),
                           name=self.name, row=row_no) from None

    def _value(self, el, row: int, col: int) -> Cell:
        t = el.get("t", "n")
        if t == "inlineStr":
            text = "".join(x.text or "" for x in el.iter() if _local(x.tag) == "t")
        else:
            v = next((x.text for x in el if _local(x.tag) == "v"), None)
            if v is None:
                return ""
            if t == "s":
                k = _int(v)
                if not 0 <= k < len(self.strings):
                    raise _refused(translate("Messages", "{name} is a damaged workbook (cell {cell} names a text "
                                                         "that is not there)."), name=self.name, cell=_ref(row, col))
                return self.strings[k]
            if t == "b":
                return v.strip() in ("1", "true")
            if t in ("str", "e"):
                text = v
            elif t == "d":
                try:
                    return dt.date.fromisoformat(v.strip()[:10])
                except ValueError:
                    return v.strip()
            else:
                return self._number(v, _int(el.get("s", "0")), row, col)
        if len(text) > self.limits.cell_chars:
            raise self._cell_too_long(f"cell {_ref(row, col)}")
        return text

    def _number(self, v: str, style: int, row: int, col: int) -> Cell:
        try:
            d = Decimal(v.strip())
        except InvalidOperation:
            return v.strip()[:100]
        if not d.is_finite():
            return v.strip()[:100]
        if style in self.date_styles and 0 <= d < 2_958_466:
            base = dt.date(1904, 1, 1) if self.date1904 else dt.date(1899, 12, 30)
            days = int(d)
            if not self.date1904 and days < 61:  # Excel's fictitious 1900-02-29
                days += 1
            return base + dt.timedelta(days=days)
        if len(d.as_tuple().digits) > 15:  # beyond a double's precision: float noise
            d = Decimal(f"{d:.15g}")
        return Decimal(format(d, "f"))


def _int(text: str | None) -> int:
    try:
        return int(text or 0)
    except ValueError:
        return -1


_COL_RE = re.compile(r"([A-Za-z]{1,7})[0-9]*")


def _column(ref: str) -> int:
    m = _COL_RE.match(ref)
    if not m:
        return -1
    n = 0
    for ch in m.group(1).upper():
        n = n * 26 + ord(ch) - 64
    return n


def _ref(row: int, col: int) -> str:
    letters = ""
    while col > 0:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{row}"


def _is_date_format(code: str) -> bool:
    code = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", code)
    return bool(re.search(r"[dDyY]", code) or (re.search(r"[mM]", code) and not re.search(r"[hHsS]", code)))
