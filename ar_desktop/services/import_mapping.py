"""The import wizard's logic: read a CSV or .xlsx, map its columns to fields, preview, validate, import.

Reading never guesses silently: the separator, encoding and sheet used are reported on the
table (``notice``), and every bad cell is reported by row and column. An import is one
transaction: every row is stored, or none.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from ar_desktop.domain.allocation import OpenInvoice, oldest_due_first, suggest_allocation
from ar_desktop.domain.errors import UserError, ValidationError
from ar_desktop.domain.money import NumberFormat, from_minor, parse_amount, to_minor
from ar_desktop.domain.records import invoice_currency, parse_customer, parse_date, parse_invoice, parse_payment
from ar_desktop.domain.terms import due_date_for
from ar_desktop.services.context import Books
from ar_desktop.services.progress import NO_PROGRESS, Progress
from ar_desktop.services.report_formats import cell_text
from ar_desktop.storage import bulk_repo, company_repo, import_repo
from ar_desktop.storage.convert import customer_columns, customer_data

MAX_BYTES = 512 * 1024 * 1024
MAX_CELL = 100_000
KINDS = ("customers", "invoices", "payments")
MODES = ("refuse", "skip", "update")
DATE_FORMATS = ("YYYY-MM-DD", "D/M/YYYY", "M/D/YYYY", "D.M.YYYY")
SETTING_PREFIX = "import.mapping."


# ---- fields and synonyms -------------------------------------------------------------------

@dataclass(frozen=True)
class Field:
    key: str
    label: str
    required: bool = False
    synonyms: tuple[str, ...] = ()


_CUSTOMER_FIELDS = (
    Field("code", "Customer code", True, ("code", "customercode", "customerid", "custid", "customerno",
                                          "customernumber", "clientid", "clientcode", "accountno", "debtorno",
                                          "kundennr", "kundennummer", "客户编号", "客户代码")),
    Field("name", "Name", True, ("name", "customername", "company", "companyname", "firma", "客户名称", "名称")),
    Field("contact", "Contact person", False, ("contact", "contactperson", "ansprechpartner", "联系人")),
    Field("address", "Address", False, ("address", "street", "adresse", "strasse", "地址")),
    Field("postcode", "Postcode", False, ("postcode", "zip", "zipcode", "postalcode", "plz", "邮编")),
    Field("city", "City", False, ("city", "town", "ort", "stadt", "城市")),
    Field("country", "Country (ISO code)", False, ("country", "countrycode", "land", "国家")),
    Field("email", "E-mail", False, ("email", "mail", "emailaddress", "邮箱")),
    Field("phone", "Phone", False, ("phone", "telephone", "tel", "telefon", "电话")),
    Field("tax_id", "Tax id", False, ("taxid", "vatid", "vatno", "ustid", "税号")),
    Field("credit_limit", "Credit limit", False, ("creditlimit", "limit", "kreditlimit", "信用额度")),
    Field("credit_class", "Credit class", False, ("creditclass", "class", "rating")),
    Field("terms_days", "Terms (days)", False, ("termsdays", "terms", "paymentterms", "zahlungsziel", "账期")),
    Field("currency", "Currency", False, ("currency", "cur", "ccy", "waehrung", "währung", "币种")),
    Field("language", "Letter language", False, ("language", "lang", "sprache")),
    Field("notes", "Notes", False, ("notes", "note", "remarks", "comment", "bemerkung", "备注")),
)
_INVOICE_FIELDS = (
    Field("number", "Invoice number", True, ("number", "invoicenumber", "invoiceno", "invoicenr", "invoice",
                                             "invno", "invoiceid", "rechnungsnummer", "rechnungsnr", "beleg", "belegnr", "发票号",
                                             "发票号码")),
    Field("customer_code", "Customer code", True, ("customercode", "customerid", "customer", "custid",
                                                   "customerno", "customernumber", "clientid", "kundennr",
                                                   "kundennummer", "kunde", "客户编号")),
    Field("issue_date", "Issue date", True, ("issuedate", "invoicedate", "date", "documentdate", "dateissued",
                                             "rechnungsdatum", "datum", "belegdatum", "开票日期", "发票日期")),
    Field("due_date", "Due date", False, ("duedate", "due", "paymentdue", "faelligkeit", "fälligkeit",
                                          "到期日")),
    Field("amount", "Amount", True, ("amount", "invoiceamount", "total", "totalamount", "gross", "betrag",
                                     "summe", "金额")),
    Field("currency", "Currency", False, ("currency", "cur", "ccy", "waehrung", "währung", "币种")),
    Field("reference", "Reference", False, ("reference", "ref", "ordernumber", "po", "ponumber", "referenz")),
    Field("description", "Description", False, ("description", "text", "memo", "beschreibung", "摘要")),
    Field("disputed", "Disputed", False, ("disputed", "dispute", "indispute", "strittig")),
    Field("dispute_reason", "Dispute reason", False, ("disputereason",)),
    Field("settled_date", "Settled on (paid in full)", False, ("settleddate", "settled", "paiddate", "datepaid",
                                                              "paidon", "closeddate", "bezahltam")),
    Field("customer_name", "Customer name (new customers)", False, ("customername", "client", "clientname")),
    Field("customer_country", "Customer country (new customers)", False, ("country", "countrycode", "land")),
    Field("customer_notes", "Customer notes (new customers)", False, ("customernotes",)),
)
_PAYMENT_FIELDS = (
    Field("date", "Payment date", True, ("date", "paymentdate", "valuedate", "paiddate", "datepaid", "bookingdate",
                                         "zahlungsdatum", "付款日期")),
    Field("customer_code", "Customer code", True, ("customercode", "customerid", "customer", "custid",
                                                   "customerno", "kundennr", "客户编号")),
    Field("amount", "Amount", True, ("amount", "paymentamount", "paid", "betrag", "金额")),
    Field("invoice_number", "Invoice number", False, ("invoicenumber", "invoiceno", "invoice", "invno",
                                                      "rechnungsnummer", "发票号")),
    Field("reference", "Reference", False, ("reference", "ref", "verwendungszweck", "remittance")),
    Field("method", "Method", False, ("method", "paymentmethod", "type", "zahlungsart")),
)
FIELDS: dict[str, tuple[Field, ...]] = {"customers": _CUSTOMER_FIELDS, "invoices": _INVOICE_FIELDS,
                                        "payments": _PAYMENT_FIELDS}


def fields_for(kind: str) -> tuple[Field, ...]:
    _check_kind(kind)
    return FIELDS[kind]


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise UserError(f"Cannot import '{kind}'; choose customers, invoices or payments.")


def _norm(header: str) -> str:
    return re.sub(r"[\W_]+", "", header.strip().lower())


# ---- reading files -------------------------------------------------------------------------

@dataclass(frozen=True)
class SourceTable:
    """The cells of a file as text: ``rows`` are (row number in the file, cells), the header being row 1."""

    name: str
    header: list[str]
    rows: list[tuple[int, list[str]]]
    kind_of_file: str  # csv | xlsx
    encoding: str = ""
    separator: str = ""
    sheet: str = ""
    sheets: tuple[str, ...] = ()
    notice: str = ""  # what the reader decided that the user should check (encoding fallback)

    def column(self, header: str) -> list[str]:
        i = self.header.index(header)
        return [cells[i] if i < len(cells) else "" for _, cells in self.rows]


def read_source(path: str | Path, *, sheet: str | None = None, encoding: str | None = None,
                separator: str | None = None) -> SourceTable:
    """Read a CSV (, ; or tab; UTF-8 with or without BOM, else cp1252 / GB18030) or a .xlsx sheet."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise UserError(f"{path} is a folder, not a file to import. Choose a CSV or .xlsx file.")
        if size > MAX_BYTES:
            raise UserError(f"{path.name} is {size // 2**20} MB; files over {MAX_BYTES // 2**20} MB are refused. "
                            "Split it into smaller files.")
        data = path.read_bytes()
    except FileNotFoundError:
        raise UserError(f"There is no file {path}. Check the name and folder.") from None
    except PermissionError:
        raise UserError(f"You may not read {path}. Check the file's permissions.") from None
    except OSError as e:
        raise UserError(f"{path.name} cannot be read ({e.strerror}). Copy it to a local folder and try again.") \
            from None
    if not data.strip():
        raise UserError(f"{path.name} is empty. Choose a file with a header row and data rows.")
    if data[:4] == b"PK\x03\x04":
        return _read_xlsx(data, path.name, sheet)
    return _read_csv(data, path.name, encoding, separator)


def sheet_names(path: str | Path) -> list[str]:
    return list(read_source(path).sheets)


_BINARY_SIGNATURES = {b"%PDF": "a PDF document", b"\xd0\xcf\x11\xe0": "an old Excel (.xls) or Word file",
                      b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image",
                      b"SQLite format 3": "a database (perhaps a company file)"}


def _decode(data: bytes, name: str, encoding: str | None) -> tuple[str, str, str]:
    """(text, encoding used, notice)."""
    if encoding:
        try:
            return data.decode(encoding), encoding, ""
        except (UnicodeDecodeError, LookupError):
            raise UserError(f"{name} cannot be read as {encoding}. Choose another encoding, or save the file as "
                            "CSV UTF-8.") from None
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig", ""
        except UnicodeDecodeError as e:
            raise UserError(f"{name} says it is UTF-8 but byte {e.start + 4} is not. Save it again as CSV UTF-8.") \
                from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16", ""
        except UnicodeDecodeError:
            raise UserError(f"{name} is damaged UTF-16 text. Save it again as CSV UTF-8.") from None
    for sig, what in _BINARY_SIGNATURES.items():
        if data.startswith(sig):
            raise UserError(f"{name} is not a CSV file: it is {what}. Choose a CSV or .xlsx file, or save the "
                            "data from its program as CSV UTF-8.")
    if b"\x00" in data[:8192]:
        raise UserError(f"{name} is not a CSV text file (it contains binary data). Save it as CSV UTF-8 and "
                        "import that file.")
    try:
        return data.decode("utf-8"), "utf-8", ""
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
        if _looks_like_gb(data):
            return text, "gb18030", (f"{name} is not UTF-8; it was read as Chinese GB18030. Check the preview; "
                                     "if the text looks wrong, save the file as CSV UTF-8.")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252", (f"{name} is not UTF-8; it was read as Windows-1252 (Western "
                                                 "European). Check accented letters in the preview; if they look "
                                                 "wrong, save the file as CSV UTF-8.")
    except UnicodeDecodeError:
        raise UserError(f"{name} is neither UTF-8, Windows-1252 nor GB18030 text. In your spreadsheet choose "
                        "'Save as CSV UTF-8' and import that file.") from None


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


def _read_csv(data: bytes, name: str, encoding: str | None, separator: str | None) -> SourceTable:
    text, used, notice = _decode(data, name, encoding)
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise UserError(f"{name} is empty. Choose a file with a header row and data rows.")
    sep = separator or _sniff_separator(text)
    if sep not in (",", ";", "\t"):
        raise UserError("The separator must be a comma, a semicolon or a tab.")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep, strict=True)
    records: list[tuple[int, list[str]]] = []
    prev = 0
    try:
        for rec in reader:
            records.append((prev + 1, rec))
            prev = reader.line_num
    except csv.Error as e:
        raise UserError(f"{name}, line {reader.line_num}: the CSV is malformed ({e}). Check the quotes on that "
                        "line, or that the file really is a CSV.") from None
    return _table(name, records, "csv", encoding=used, separator=sep, notice=notice)


def _cell_text(value: Any) -> str:
    """An Excel cell as text: Excel stores dates as datetimes and whole numbers as floats."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, float):
        return repr(value) if not value.is_integer() else str(int(value))
    return cell_text(value)


def _read_xlsx(data: bytes, name: str, sheet: str | None) -> SourceTable:
    import openpyxl

    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as e:
        raise UserError(f"{name} is not an Excel workbook that can be read (.xlsx expected; {type(e).__name__}). "
                        "Open it in your spreadsheet and save it as .xlsx or CSV UTF-8.") from None
    except Exception as e:  # openpyxl raises many kinds on damaged files
        raise UserError(f"{name} is a damaged or unsupported workbook ({type(e).__name__}). Save it again as "
                        ".xlsx or CSV UTF-8.") from None
    try:
        names = tuple(wb.sheetnames)
        if not names:
            raise UserError(f"{name} has no sheets.")
        if sheet is not None and sheet not in names:
            raise UserError(f"{name} has no sheet '{sheet}'. Its sheets are: {', '.join(names)}.")
        ws = wb[sheet or names[0]]
        records = []
        for n, row in enumerate(ws.iter_rows(values_only=True), start=1):
            records.append((n, [_cell_text(v) for v in row]))
    except UserError:
        raise
    except Exception as e:  # noqa: BLE001 - a damaged sheet is the user's to fix
        raise UserError(f"{name}: the sheet cannot be read ({type(e).__name__}). Save it again as .xlsx or CSV "
                        "UTF-8.") from None
    finally:
        wb.close()
    return _table(name, records, "xlsx", sheet=sheet or names[0], sheets=names)


def _table(name: str, records: list[tuple[int, list[str]]], kind: str, **kw) -> SourceTable:
    records = [(n, cells) for n, cells in records if any(str(c).strip() for c in cells)]
    if not records:
        raise UserError(f"{name} is empty. Choose a file with a header row and data rows.")
    header_row, header = records[0]
    while header and not header[-1].strip():
        header = header[:-1]
    header = [h.strip() for h in header]
    if not header:
        raise UserError(f"{name} has no header row. The first row must name the columns.")
    for i, h in enumerate(header):
        if not h:
            header[i] = f"Column {i + 1}"
        if len(h) > 200:
            raise UserError(f"{name}: the header of column {i + 1} is {len(h)} characters long; the first row "
                            "must hold short column names. Is this the right file?")
    dupes = sorted({h for h in header if header.count(h) > 1})
    if dupes:
        raise UserError(f"{name}: column(s) {', '.join(dupes)} appear twice in the header. Rename one of them.")
    rows = [(n, [str(c) for c in cells]) for n, cells in records[1:]]
    if not rows:
        raise UserError(f"{name} has a header but no data rows; there is nothing to import.")
    return SourceTable(name, header, rows, kind, **kw)


# ---- mapping and options -------------------------------------------------------------------

@dataclass(frozen=True)
class ImportOptions:
    kind: str
    mapping: dict[str, str | None]  # source header -> field key (None: not imported)
    date_format: str = "YYYY-MM-DD"
    decimal_sep: str = "."
    mode: str = "refuse"  # refuse | skip | update: what to do with numbers / codes already in the file
    create_customers: bool = False  # invoices: create customers the file names but the books do not have


def auto_mapping(kind: str, header: list[str], table: SourceTable | None = None) -> dict[str, str | None]:
    """Each header matched to a field by name or synonym; each field used at most once."""
    fields = fields_for(kind)
    out: dict[str, str | None] = {h: None for h in header}
    used: set[str] = set()
    for h in header:  # exact field names first, then synonyms in field order
        key = _norm(h)
        hit = next((f.key for f in fields if _norm(f.key) == key and f.key not in used), None)
        hit = hit or next((f.key for f in fields if key in f.synonyms and f.key not in used), None)
        if hit:
            out[h] = hit
            used.add(hit)
    for h, f in list(out.items()):  # a numeric or long "country" is not an ISO code: keep it as notes
        if f in ("customer_country", "country") and table is not None:
            values = [v.strip() for v in table.column(h)[:200] if v.strip()]
            if values and not all(len(v) == 2 and v.isalpha() for v in values):
                notes = "customer_notes" if kind == "invoices" else "notes"
                out[h] = notes if notes not in used else None
                used.add(notes)
    return out


def mapping_key(kind: str, header: list[str]) -> str:
    digest = hashlib.sha1("\x1f".join(sorted(h.strip().lower() for h in header)).encode()).hexdigest()[:20]
    return f"{SETTING_PREFIX}{kind}.{digest}"


_DATE_RES = {"iso": re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"),
             "dmy": re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")}


def guess_date_format(values: list[str]) -> str:
    """The format that reads every value; for D/M vs M/D, whichever a value proves (13 or more)."""
    values = [v.strip() for v in values if v and v.strip()]
    if not values or all(_DATE_RES["iso"].match(v.split(" ")[0]) for v in values):
        return "YYYY-MM-DD"
    if any("." in v for v in values) and not any("/" in v for v in values):
        return "D.M.YYYY"
    first_big = second_big = False
    for v in values:
        m = _DATE_RES["dmy"].match(v)
        if m:
            first_big |= int(m.group(1)) > 12
            second_big |= int(m.group(2)) > 12
    if second_big and not first_big:
        return "M/D/YYYY"
    return "D/M/YYYY"


def parse_date_as(text: str, fmt: str, what: str = "date") -> dt.date:
    """Read a date in ``fmt`` (ISO dates, as spreadsheets store them, are always accepted)."""
    raw = (text or "").strip()
    if not raw:
        raise UserError(f"The {what} is empty.")
    day_part = raw.split(" ")[0].split("T")[0]
    m = _DATE_RES["iso"].match(day_part)
    try:
        if m:
            value = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        else:
            m = _DATE_RES["dmy"].match(raw)
            if not m or fmt == "YYYY-MM-DD":
                raise ValueError
            a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
            value = dt.date(y, a, b) if fmt == "M/D/YYYY" else dt.date(y, b, a)
    except ValueError:
        raise UserError(f"'{raw}' is not a {what} in the format {fmt}. Choose the file's date format, or fix "
                        "the cell.") from None
    return parse_date(value, what)


def suggest_options(books: Books, table: SourceTable, kind: str) -> ImportOptions:
    """The remembered options for files with these headers, else an automatic mapping and formats."""
    _check_kind(kind)
    with books.db.session() as s:
        saved = company_repo.get_setting(s, mapping_key(kind, table.header))
    if isinstance(saved, dict):
        try:
            mapping = {h: saved["mapping"].get(h) for h in table.header}
            valid = {f.key for f in fields_for(kind)}
            mapping = {h: (f if f in valid else None) for h, f in mapping.items()}
            return ImportOptions(kind, mapping, saved.get("date_format", "YYYY-MM-DD"),
                                 saved.get("decimal_sep", "."), saved.get("mode", "refuse"),
                                 bool(saved.get("create_customers", False)))
        except (KeyError, AttributeError, TypeError):
            pass  # an unreadable remembered mapping is ignored
    mapping = auto_mapping(kind, table.header, table)
    dates = [v for h, f in mapping.items() if f in ("issue_date", "due_date", "date", "settled_date")
             for v in table.column(h)[:500]]
    amounts = [v for h, f in mapping.items() if f in ("amount", "credit_limit") for v in table.column(h)[:500]]
    return ImportOptions(kind, mapping, guess_date_format(dates), _guess_decimal(amounts), "refuse",
                         kind == "invoices" and "customer_code" in mapping.values())


def _guess_decimal(values: list[str]) -> str:
    comma = sum(bool(re.search(r",\d{1,2}$", v.strip())) for v in values)
    dot = sum(bool(re.search(r"\.\d{1,2}$", v.strip())) for v in values)
    return "," if comma > dot else "."


def remember_options(books: Books, table: SourceTable, options: ImportOptions) -> None:
    with books.db.session() as s:
        company_repo.set_setting(s, mapping_key(options.kind, table.header), {
            "header": table.header, "mapping": options.mapping, "date_format": options.date_format,
            "decimal_sep": options.decimal_sep, "mode": options.mode, "create_customers": options.create_customers})


def _check_options(options: ImportOptions, table: SourceTable) -> None:
    _check_kind(options.kind)
    if options.mode not in MODES:
        raise UserError(f"Unknown import mode '{options.mode}'; choose refuse, skip or update.")
    if options.date_format not in DATE_FORMATS:
        raise UserError(f"Unknown date format '{options.date_format}'; choose one of {', '.join(DATE_FORMATS)}.")
    if options.decimal_sep not in (".", ","):
        raise UserError("The decimal separator must be '.' or ','.")
    fields = {f.key: f for f in fields_for(options.kind)}
    chosen = [f for h, f in options.mapping.items() if f and h in table.header]
    unknown = sorted({f for f in chosen if f not in fields})
    if unknown:
        raise UserError(f"Unknown field(s) {', '.join(unknown)} for {options.kind}.")
    twice = sorted({fields[f].label for f in chosen if chosen.count(f) > 1})
    if twice:
        raise UserError(f"More than one column is mapped to {', '.join(twice)}. Map each field to one column.")
    missing = [f.label for f in fields.values() if f.required and f.key not in chosen]
    if missing:
        raise UserError(f"Map a column to: {', '.join(missing)} (required for {options.kind}).")


# ---- converting rows -----------------------------------------------------------------------

@dataclass(frozen=True)
class RowError:
    row: int  # row (line) number in the file, the header being 1
    column: str  # the source column's header, or "" for the whole row
    value: str
    message: str

    def __str__(self) -> str:
        where = f"row {self.row}" + (f", column {self.column}" if self.column else "")
        return f"{where}: {self.message}"


class MappedImportRefused(UserError):
    """Nothing was stored; ``errors`` lists every bad cell."""

    def __init__(self, name: str, errors: list[RowError]):
        self.errors = errors
        shown = "; ".join(str(e) for e in errors[:20])
        more = f"; and {len(errors) - 20} more" if len(errors) > 20 else ""
        super().__init__(f"{name}: {len(errors)} problem(s), nothing was imported. Fix them (save the list as "
                         f"CSV to work through it) and import again: {shown}{more}")


@dataclass
class CheckResult:
    """What an import would do: new, updated and skipped rows, customers to create, and every problem."""

    kind: str
    rows: int = 0
    new: int = 0
    updated: int = 0
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (row, number or code) already there
    new_customers: list[str] = field(default_factory=list)
    payments: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class ImportResult:
    kind: str
    created: int
    updated: int
    skipped: int
    customers_created: int
    payments_created: int

    def summary(self) -> str:
        parts = [f"{self.created} {self.kind} imported"]
        if self.updated:
            parts.append(f"{self.updated} updated")
        if self.skipped:
            parts.append(f"{self.skipped} already there and skipped")
        if self.customers_created:
            parts.append(f"{self.customers_created} new customers")
        if self.payments_created:
            parts.append(f"{self.payments_created} payments")
        return ", ".join(parts) + "."


def _raw_rows(table: SourceTable, options: ImportOptions) -> list[tuple[int, dict[str, str], dict[str, str]]]:
    """(row, field -> text, field -> source header)."""
    cols = [(i, h, options.mapping.get(h)) for i, h in enumerate(table.header) if options.mapping.get(h)]
    out = []
    for n, cells in table.rows:
        raw, where = {}, {}
        for i, h, f in cols:
            raw[f] = cells[i].strip() if i < len(cells) else ""
            where[f] = h
        out.append((n, raw, where))
    return out


def _err(n: int, where: dict[str, str], raw: dict[str, str], key: str, message: str) -> RowError:
    col = where.get(key, "")
    return RowError(n, col, raw.get(key, "")[:200], message)


def _normalise(n: int, raw: dict[str, str], where: dict[str, str], options: ImportOptions,
               date_fields: tuple[str, ...], amount_fields: tuple[str, ...], currency: str,
               errors: list[RowError]) -> dict[str, Any] | None:
    """Dates to ISO and amounts to Decimal text per the chosen formats; None if a cell cannot be read."""
    out: dict[str, Any] = dict(raw)
    bad = False
    for key, value in raw.items():
        if len(value) > MAX_CELL:
            errors.append(_err(n, where, raw, key, f"the cell is {len(value)} characters long"))
            bad = True
    if bad:
        return None
    for key in date_fields:
        if raw.get(key):
            try:
                out[key] = parse_date_as(raw[key], options.date_format, key.replace("_", " ")).isoformat()
            except UserError as e:
                errors.append(_err(n, where, raw, key, str(e)))
                bad = True
    for key in amount_fields:
        if raw.get(key):
            try:
                out[key] = str(parse_amount(raw[key], currency, fmt=NumberFormat(options.decimal_sep, "," if options.decimal_sep == "." else ".")))
            except UserError as e:
                errors.append(_err(n, where, raw, key, str(e)))
                bad = True
    return None if bad else out


def _problems(n: int, where: dict[str, str], raw: dict[str, str], e: ValidationError) -> list[RowError]:
    return [_err(n, where, raw, key, msg) for key, msg in e.problems.items()]


@dataclass
class _Plan:
    check: CheckResult
    customers: list[dict] = field(default_factory=list)  # new customer rows
    invoices: list[dict] = field(default_factory=list)
    updates: list[tuple[Any, dict]] = field(default_factory=list)  # (ORM row, new column values)
    settlements: list[tuple[int, str, dt.date]] = field(default_factory=list)  # (row, invoice number, date)
    payments: list[tuple[int, int, str, Any]] = field(default_factory=list)  # (row, customer id, currency, data)
    preview: list[dict[str, str]] = field(default_factory=list)


def _plan(s, books: Books, table: SourceTable, options: ImportOptions, progress: Progress,
          preview_rows: int = 0) -> _Plan:
    _check_options(options, table)
    plan = _Plan(CheckResult(options.kind, rows=len(table.rows)))
    rows = _raw_rows(table, options)
    company_currency = company_repo.get(s).currency
    {"customers": _plan_customers, "invoices": _plan_invoices, "payments": _plan_payments}[options.kind](
        s, books, rows, options, plan, progress, company_currency, preview_rows)
    plan.check.errors.sort(key=lambda e: (e.row, e.column))
    return plan


def _tick(progress: Progress, k: int, total: int, n: int) -> None:
    if k % 500 == 0:
        progress.step(k, total, f"Checking row {n}")


def _plan_customers(s, books, rows, options, plan, progress, currency, preview_rows) -> None:
    existing = import_repo.customers_by_code(s)
    seen: dict[str, int] = {}
    check = plan.check
    for k, (n, raw, where) in enumerate(rows):
        _tick(progress, k, len(rows), n)
        if not any(raw.values()):
            continue
        vals = _normalise(n, raw, where, options, (), ("credit_limit",), raw.get("currency") or currency,
                          check.errors)
        if vals is None:
            continue
        code = vals.get("code", "")
        if code in seen:
            check.errors.append(_err(n, where, raw, "code", f"customer {code} is also on row {seen[code]}"))
            continue
        seen[code] = n
        current = existing.get(code)
        if current is not None and options.mode != "update":
            if options.mode == "skip":
                check.skipped.append((n, code))
            else:
                check.errors.append(_err(n, where, raw, "code", f"customer {code} already exists; choose 'skip' "
                                                                "or 'update' to import the rest"))
            continue
        base: dict[str, Any] = {}
        if current is not None:
            row = import_repo.customer(s, current[0])
            old = customer_data(row)
            base = {k2: ("" if v is None else str(v)) for k2, v in old.__dict__.items()}
        try:
            data = parse_customer({**base, **vals}, currency)
        except ValidationError as e:
            check.errors.extend(_problems(n, where, raw, e))
            continue
        columns = customer_columns(data)
        if current is not None:
            if data.currency != base.get("currency") and import_repo.invoices_of_customer(s, current[0]):
                check.errors.append(_err(n, where, raw, "currency", f"customer {code} has invoices in "
                                                                    f"{base.get('currency')}; its currency "
                                                                    "cannot change"))
                continue
            plan.updates.append((row, columns))
            check.updated += 1
        else:
            plan.customers.append(columns)
            check.new += 1
        if len(plan.preview) < preview_rows:
            plan.preview.append({"row": str(n), "status": "update" if current else "new",
                                 **{k2: cell_text(v) for k2, v in columns.items()}})


def _plan_invoices(s, books, rows, options, plan, progress, company_currency, preview_rows) -> None:
    check = plan.check
    customers = import_repo.customers_by_code(s)
    numbers = [raw.get("number", "") for _, raw, _ in rows]
    existing = import_repo.invoices_by_number(s, [x for x in numbers if x])
    today = books.today()
    seen: dict[str, int] = {}
    new_customers: dict[str, tuple[int, dict]] = {}
    for k, (n, raw, where) in enumerate(rows):
        _tick(progress, k, len(rows), n)
        if not any(raw.values()):
            continue
        code = raw.get("customer_code", "")
        cust = customers.get(code)
        currency = raw.get("currency") or (cust[2] if cust else company_currency)
        vals = _normalise(n, raw, where, options, ("issue_date", "due_date", "settled_date"), ("amount",),
                          currency.upper() if len(currency) == 3 else company_currency, check.errors)
        if vals is None:
            continue
        try:
            data = parse_invoice(vals)
        except ValidationError as e:
            check.errors.extend(_problems(n, where, raw, e))
            continue
        if data.number in seen:
            check.errors.append(_err(n, where, raw, "number", f"invoice {data.number} is also on row "
                                                              f"{seen[data.number]}"))
            continue
        seen[data.number] = n
        settled = dt.date.fromisoformat(vals["settled_date"]) if vals.get("settled_date") else None
        if settled is not None and settled < data.issue_date:
            check.errors.append(_err(n, where, raw, "settled_date", f"settled on {settled.isoformat()}, before the "
                                                                    f"issue date {data.issue_date.isoformat()}"))
            continue
        if settled is not None and settled > today:
            check.errors.append(_err(n, where, raw, "settled_date", f"the settlement date {settled.isoformat()} is "
                                                                    "in the future"))
            continue
        if cust is None:
            if not options.create_customers:
                check.errors.append(_err(n, where, raw, "customer_code", f"unknown customer '{code}'; add it first "
                                                                         "or tick 'create unknown customers'"))
                continue
            if code not in new_customers:
                try:
                    cdata = parse_customer({"code": code, "name": vals.get("customer_name") or code,
                                            "country": vals.get("customer_country", ""),
                                            "notes": _notes(where, vals),
                                            "currency": data.currency or company_currency},
                                           company_currency)
                except ValidationError as e:
                    fieldmap = {"code": "customer_code", "name": "customer_name", "country": "customer_country",
                                "notes": "customer_notes"}
                    check.errors.extend(_err(n, where, raw, fieldmap.get(key, "customer_code"), f"new customer: {m}")
                                        for key, m in e.problems.items())
                    continue
                new_customers[code] = (n, customer_columns(cdata))
            terms, cust_currency = 30, new_customers[code][1]["currency"]
        else:
            terms, cust_currency = cust[1], cust[2]
        try:
            cur = invoice_currency(data.currency, code, cust_currency)
        except UserError as e:
            check.errors.append(_err(n, where, raw, "currency", str(e)))
            continue
        try:
            units = to_minor(data.amount, cur)
        except UserError as e:
            check.errors.append(_err(n, where, raw, "amount", str(e)))
            continue
        due = data.due_date or due_date_for(data.issue_date, terms)
        record = dict(number=data.number, customer_code=code, issue_date=data.issue_date, due_date=due,
                      amount=units, currency=cur, reference=data.reference, description=data.description,
                      disputed=data.disputed, dispute_reason=data.dispute_reason)
        old = existing.get(data.number)
        status = "new"
        if old is not None:
            if options.mode == "refuse":
                check.errors.append(_err(n, where, raw, "number", f"invoice {data.number} already exists; choose "
                                                                  "'skip' or 'update' to import the rest"))
                continue
            if options.mode == "skip":
                check.skipped.append((n, data.number))
                continue
            problem = _update_problem(old, record, cust)
            if problem:
                check.errors.append(_err(n, where, raw, problem[0], problem[1]))
                continue
            columns = {k2: v for k2, v in record.items() if k2 != "customer_code"}
            columns["customer_id"] = cust[0] if cust else None
            plan.updates.append((old, columns))
            check.updated += 1
            status = "update"
            if settled is not None and old.paid < units:
                plan.settlements.append((n, data.number, settled))
                check.payments += 1
        else:
            plan.invoices.append(record)
            check.new += 1
            if settled is not None:
                plan.settlements.append((n, data.number, settled))
                check.payments += 1
        if len(plan.preview) < preview_rows:
            plan.preview.append({"row": str(n), "status": status, "number": data.number, "customer_code": code,
                                 "customer": "new" if cust is None else "known",
                                 "issue_date": data.issue_date.isoformat(), "due_date": due.isoformat(),
                                 "amount": str(from_minor(units, cur)), "currency": cur,
                                 "disputed": "yes" if data.disputed else "no", "reference": data.reference,
                                 "description": data.description,
                                 "settled_date": settled.isoformat() if settled else ""})
    check.new_customers = sorted(new_customers)
    plan.customers = [cols for _, cols in sorted(new_customers.values(), key=lambda t: t[0])]


def _notes(where: dict[str, str], vals: dict[str, Any]) -> str:
    note = vals.get("customer_notes", "")
    return f"{where.get('customer_notes', 'notes')}: {note}" if note else ""


def _update_problem(old, record: dict, cust) -> tuple[str, str] | None:
    if old.voided:
        return "number", f"invoice {old.number} is void and cannot be updated"
    if old.paid and (cust is None or cust[0] != old.customer_id or record["currency"] != old.currency):
        return "customer_code", f"invoice {old.number} has payments; its customer and currency cannot change"
    if record["amount"] < old.paid:
        return "amount", (f"invoice {old.number} has {from_minor(old.paid, old.currency)} paid already; the "
                          "amount cannot be lower")
    if old.paid and record["issue_date"] > old.issue_date:
        return "issue_date", f"invoice {old.number} has payments; its issue date cannot move later"
    return None


def _plan_payments(s, books, rows, options, plan, progress, company_currency, preview_rows) -> None:
    check = plan.check
    customers = import_repo.customers_by_code(s)
    today = books.today()
    parsed = []
    for k, (n, raw, where) in enumerate(rows):
        _tick(progress, k, len(rows), n)
        if not any(raw.values()):
            continue
        cust = customers.get(raw.get("customer_code", ""))
        currency = cust[2] if cust else company_currency
        vals = _normalise(n, raw, where, options, ("date",), ("amount",), currency, check.errors)
        if vals is None:
            continue
        try:
            data = parse_payment(vals, currency)
        except ValidationError as e:
            check.errors.extend(_problems(n, where, raw, e))
            continue
        if cust is None:
            check.errors.append(_err(n, where, raw, "customer_code", f"unknown customer '{data.customer_code}'"))
            continue
        if data.date > today:
            check.errors.append(_err(n, where, raw, "date", f"the payment date {data.date.isoformat()} is in the "
                                                            "future"))
            continue
        parsed.append((n, raw, where, cust, data))
    known = import_repo.payment_keys(s, {c[0] for _, _, _, c, _ in parsed})
    in_file: dict[tuple, int] = {}
    for n, raw, where, cust, data in parsed:
        key = (cust[0], data.date, to_minor(data.amount, cust[2]), data.reference)
        if key in in_file:
            check.errors.append(_err(n, where, raw, "amount", f"the same payment (date, customer, amount, reference) "
                                                              f"is also on row {in_file[key]}"))
            continue
        in_file[key] = n
        if key in known:
            if options.mode == "refuse":
                check.errors.append(_err(n, where, raw, "amount", "this payment (same date, customer, amount and "
                                                                  "reference) is already recorded; choose 'skip' "
                                                                  "to import the rest"))
            else:  # a payment is never updated: the same payment again is skipped
                check.skipped.append((n, f"{data.customer_code} {data.date.isoformat()} {data.amount}"))
            continue
        plan.payments.append((n, cust[0], cust[2], data))
        check.new += 1
        if len(plan.preview) < preview_rows:
            plan.preview.append({"row": str(n), "status": "new", "date": data.date.isoformat(),
                                 "customer_code": data.customer_code, "amount": str(data.amount),
                                 "currency": cust[2], "invoice_number": data.invoice_number,
                                 "reference": data.reference, "method": data.method})


# ---- the use cases -------------------------------------------------------------------------

def preview(books: Books, table: SourceTable, options: ImportOptions, limit: int = 50) -> tuple[list[dict], CheckResult]:
    """The first ``limit`` rows as they will be stored, and the check of the whole file. Nothing is written."""
    with books.db.session() as s:
        plan = _plan(s, books, table, options, NO_PROGRESS, limit)
    return plan.preview, plan.check


def validate(books: Books, table: SourceTable, options: ImportOptions,
             progress: Progress = NO_PROGRESS) -> CheckResult:
    with books.db.session() as s:
        plan = _plan(s, books, table, options, progress)
    return plan.check


def run_import(books: Books, table: SourceTable, options: ImportOptions,
               progress: Progress = NO_PROGRESS, *, remember: bool = True) -> ImportResult:
    """Check everything, then store everything in one transaction (or nothing, with every problem listed)."""
    with books.db.session() as s:
        plan = _plan(s, books, table, options, progress)
        if plan.check.errors:
            raise MappedImportRefused(table.name, plan.check.errors)
        progress.step(0, 1, "Saving")
        payments = _write(s, books, plan, progress)
        if remember:
            company_repo.set_setting(s, mapping_key(options.kind, table.header), {
                "header": table.header, "mapping": options.mapping, "date_format": options.date_format,
                "decimal_sep": options.decimal_sep, "mode": options.mode,
                "create_customers": options.create_customers})
        progress.step(1, 1, "Saved")
    c = plan.check
    return ImportResult(options.kind, c.new, c.updated, len(c.skipped),
                        len(plan.customers) if options.kind == "invoices" else 0, payments)


def import_file(books: Books, path: str | Path, kind: str, *, options: ImportOptions | None = None,
                sheet: str | None = None, progress: Progress = NO_PROGRESS, **overrides: Any) -> ImportResult:
    """Read, map (remembered or automatic, with ``overrides`` such as mode=...) and import in one go."""
    table = read_source(path, sheet=sheet)
    opts = options or suggest_options(books, table, kind)
    if overrides:
        opts = replace(opts, **overrides)
    return run_import(books, table, opts, progress)


def _write(s, books: Books, plan: _Plan, progress: Progress) -> int:
    kind = plan.check.kind
    for row, columns in plan.updates:
        for k, v in columns.items():
            if v is not None and getattr(row, k) != v:
                setattr(row, k, v)
    if kind == "customers":
        bulk_repo.insert_customers(s, plan.customers)
        return 0
    if kind == "invoices":
        bulk_repo.insert_customers(s, plan.customers)
        ids = import_repo.customers_by_code(s)
        rows = []
        for r in plan.invoices:
            r = dict(r)
            r["customer_id"] = ids[r.pop("customer_code")][0]
            rows.append({**r, "voided": False, "void_reason": "", "paid": 0})
        bulk_repo.insert_invoices(s, rows)
        s.flush()
        return _settle(s, plan.settlements)
    return _pay(s, plan.payments)


def _settle(s, settlements: list[tuple[int, str, dt.date]]) -> int:
    """A payment of the whole open amount on the settlement date for each settled invoice."""
    if not settlements:
        return 0
    invoices = import_repo.invoices_by_number(s, [num for _, num, _ in settlements])
    payments, allocations = [], []
    next_id = bulk_repo.next_payment_id(s)
    for _n, number, date in settlements:
        inv = invoices[number]
        open_units = inv.amount - inv.paid
        if open_units <= 0:
            continue
        payments.append(dict(id=next_id, customer_id=inv.customer_id, date=date, amount=open_units,
                             currency=inv.currency, method="bank transfer", reference=f"settled {number}"))
        allocations.append(dict(payment_id=next_id, invoice_id=inv.id, date=date, amount=open_units))
        next_id += 1
    bulk_repo.insert_payments(s, payments, allocations)
    return len(payments)


def _pay(s, parsed: list[tuple[int, int, str, Any]]) -> int:
    """Payments applied to a named invoice, else oldest due first; the rest stays as credit."""
    open_by: dict[int, list[OpenInvoice]] = defaultdict(list)
    for iid, cid, number, issue, due, units, _currency in bulk_repo.open_invoices_of(s, {p[1] for p in parsed}):
        open_by[cid].append(OpenInvoice(iid, number, issue, due, Decimal(units)))
    for cid in open_by:
        open_by[cid] = oldest_due_first(open_by[cid])
    payments, allocations = [], []
    next_id = bulk_repo.next_payment_id(s)
    for _n, cid, currency, data in sorted(parsed, key=lambda p: (p[3].date, p[0])):
        units = to_minor(data.amount, currency)
        candidates = [i for i in open_by[cid] if i.issue_date <= data.date and i.open_amount > 0]
        if data.invoice_number:
            candidates = [i for i in candidates if i.number == data.invoice_number] or []
        planned = suggest_allocation(Decimal(units), candidates)
        payments.append(dict(id=next_id, customer_id=cid, date=data.date, amount=units, currency=currency,
                             method=data.method, reference=data.reference))
        applied = {a.invoice_id: int(a.amount) for a in planned.allocations}
        for iid, amount in applied.items():
            allocations.append(dict(payment_id=next_id, invoice_id=iid, date=data.date, amount=amount))
        open_by[cid] = [replace(i, open_amount=i.open_amount - applied.get(i.invoice_id, 0)) for i in open_by[cid]]
        next_id += 1
    bulk_repo.insert_payments(s, payments, allocations)
    return len(payments)


def save_errors_csv(errors: list[RowError], path: str | Path) -> Path:
    """The problems as a CSV (row, column, value, problem) to work through before importing again."""
    path = Path(path)
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(["row", "column", "value", "problem"])
    for e in errors:
        w.writerow([e.row, e.column, _safe(e.value), _safe(e.message)])
    try:
        path.write_text(out.getvalue(), encoding="utf-8-sig")
    except OSError as e:
        raise UserError(f"Cannot write {path}: {e.strerror}. Choose another folder.") from None
    return path


def _safe(text: str) -> str:
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
