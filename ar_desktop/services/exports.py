"""Exports of customers, invoices, payments and the aging report to CSV or a real .xlsx workbook.

A text cell that a spreadsheet would take for a formula (starting with = + - @, a tab or a
carriage return) is neutralised: a leading apostrophe in CSV, a plain string cell in .xlsx.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from ar_desktop.domain.aging import BUCKET_KEYS
from ar_desktop.domain.errors import UserError
from ar_desktop.domain.money import exponent, from_minor
from ar_desktop.domain.payment_kinds import PAYMENT, REVERSAL, kind_of
from ar_desktop.domain.text import Text, translate
from ar_desktop.services.aging import aging_report
from ar_desktop.services.context import Books
from ar_desktop.services.export_kinds import AS_OF_WHATS, WHATS
from ar_desktop.services.progress import NO_PROGRESS, Progress
from ar_desktop.services.payment_rules import allocations_text
from ar_desktop.services.record_columns import exported
from ar_desktop.services.report_formats import cell_text, neutralise
from ar_desktop.storage import export_repo

FORMATS = (".csv", ".xlsx")


@dataclass(frozen=True)
class Column:
    name: str
    kind: str = "text"  # text | date | money | int | bool
    width: int = 14


@dataclass(frozen=True)
class Sheet:
    title: str
    columns: tuple[Column, ...]
    rows: list[list[Any]]
    caption: str = ""   # a report's title row above the header in .xlsx (CSV keeps the bare table)


_CELL_KIND = {"date": "date", "money": "money", "int": "int", "bool": "bool"}  # rate, allocations: exact text


def _columns(kind: str) -> tuple[Column, ...]:
    """The export's columns: the ones ``record_columns`` marks exported, in its order."""
    return tuple(Column(c.key, _CELL_KIND.get(c.type, "text"), c.width) for c in exported(kind))


def customers_sheet(books: Books) -> Sheet:
    """Every customer with every field: what an import needs to rebuild it."""
    cols = _columns("customers")
    with books.db.session() as s:
        rows = [[getattr(data, c.name) for c in cols] for data in export_repo.customers(s)]
    return Sheet("Customers", cols, rows)


# Columns whose stored attribute has another name
_INVOICE_ATTRIBUTES = {"void_date": "voided_on"}


def invoices_sheet(books: Books) -> Sheet:
    """Every invoice with its dispute and void; paid and open are derived (an import ignores them).
    A column of ``record_columns`` is the invoice's attribute of the same name (money in minor units
    becomes an amount), so a new invoice field needs no code here."""
    cols = _columns("invoices")
    rows = []
    with books.db.session() as s:
        for inv, code, name in export_repo.invoices(s):
            derived = {"customer_code": code, "customer_name": name,
                       "open_amount": from_minor(0 if inv.voided else inv.amount - inv.paid, inv.currency)}
            row = []
            for c in cols:
                if c.name in derived:
                    row.append(derived[c.name])
                    continue
                value = getattr(inv, _INVOICE_ATTRIBUTES.get(c.name, c.name))
                row.append(from_minor(value, inv.currency) if c.kind == "money" and value is not None else value)
            rows.append(row)
    return Sheet("Invoices", cols, rows)


def payments_sheet(books: Books) -> Sheet:
    """Every payment and correction with its kind and what it was applied to (on which dates)."""
    cols = _columns("payments")
    rows = []
    with books.db.session() as s:
        for pid, date, code, name, units, cur, method, ref, reverses, note, parts in export_repo.payments(s):
            applied = sum(u for _n, u, _d in parts)
            kind = kind_of(method, reverses)
            values = {"payment_id": pid, "date": date, "customer_code": code, "customer_name": name,
                      "amount": from_minor(units, cur), "applied": from_minor(applied, cur),
                      "unapplied": from_minor(units - applied, cur), "currency": cur, "kind": kind.key,
                      "method": method if kind in (PAYMENT, REVERSAL) else "", "reference": ref,
                      "allocations": allocations_text([(n, from_minor(u, cur), None if d == date else d)
                                                       for n, u, d in parts]),
                      "reverses": reverses, "reason": note if reverses else ""}
            rows.append([values.get(c.name) for c in cols])
    return Sheet("Payments", cols, rows)


def aging_sheet(books: Books, as_of: dt.date) -> Sheet:
    cols = (Column("customer_code"), Column("customer_name", width=32),
            *(Column(k, "money") for k in BUCKET_KEYS), Column("total", "money"), Column("currency", width=9))
    rows = []
    for block in aging_report(books, as_of):
        for r in (*block.rows, block.total):
            rows.append([r.customer_code, r.customer_name, *(r.buckets[k] for k in BUCKET_KEYS), r.total,
                         block.currency])
    return Sheet(f"Aging {as_of.isoformat()}", cols, rows, f"Aging report as of {as_of.isoformat()}")


def collections_sheet(books: Books, as_of: dt.date) -> Sheet:
    """The collections worklist: who needs attention, what to do and since when."""
    from ar_desktop.services.worklist import worklist

    cols = (Column("customer_code"), Column("customer_name", width=32), Column("credit_class", width=6),
            Column("overdue_amount", "money"), Column("currency", width=9), Column("oldest_days_overdue", "int"),
            Column("state", width=12), Column("next_step", width=18), Column("next_step_date", "date"),
            Column("last_step", width=18), Column("last_step_date", "date"), Column("promised_date", "date"),
            Column("promised_amount", "money"), Column("credit_review", "bool", 8))
    rows = [[r.customer_code, r.customer_name, r.credit_class, r.overdue_amount, r.currency, r.oldest_days_overdue,
             r.state, r.next_step or "", r.next_step_date, r.last_step or "", r.last_step_date,
             r.promise.promised_date if r.promise else None, r.promise.amount if r.promise else None,
             r.credit_review] for r in worklist(books, as_of)]
    return Sheet(f"Collections {as_of.isoformat()}", cols, rows, f"Collections worklist as of {as_of.isoformat()}")


def charges_sheet(books: Books, as_of: dt.date) -> Sheet:
    """Late charges per invoice paid late or still overdue, with how each was computed."""
    from ar_desktop.services.late_charges import charges_report

    cols = (Column("invoice_number"), Column("customer_code"), Column("currency", width=9),
            Column("days_late", "int"), Column("interest", "money"), Column("fixed_compensation", "money"),
            Column("rule", width=16), Column("explanation", width=60))
    rows = [[r.invoice_number, r.customer_code, r.currency, r.days_late, r.interest, r.fixed_compensation, r.rule,
             " | ".join(r.result.explanation)] for r in charges_report(books, as_of)]
    return Sheet(f"Charges {as_of.isoformat()}", cols, rows, f"Late charges as of {as_of.isoformat()}")


def sheet_for(books: Books, what: str, as_of: dt.date | None = None) -> Sheet:
    if what not in WHATS:
        raise UserError(Text(translate("Messages", "Cannot export '{what}'; choose one of: {whats}."),
                             what=what, whats=', '.join(WHATS)))
    if what in AS_OF_WHATS:
        report = {"aging": aging_sheet, "collections": collections_sheet, "charges": charges_sheet}[what]
        return report(books, as_of or books.today())
    return {"customers": customers_sheet, "invoices": invoices_sheet, "payments": payments_sheet}[what](books)


def export(books: Books, what: str, path: str | Path, as_of: dt.date | None = None,
           progress: Progress = NO_PROGRESS) -> int:
    """Write ``what`` to ``path`` (.csv or .xlsx, by its extension); returns the number of data rows."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise UserError(Text(translate("Messages", "{name}: export to a file ending in .csv or .xlsx."),
                             name=path.name))
    if not path.parent.is_dir():
        raise UserError(Text(translate("Messages", "The folder {parent} does not exist. Choose an existing folder."),
                             parent=path.parent))
    progress.step(0, 3, Text(translate("Messages", "Reading the list…")))
    sheet = sheet_for(books, what, as_of)
    progress.step(1, 3, Text(translate("Messages", "Writing {rows} rows…"), rows=f"{len(sheet.rows):,}"))
    data = csv_bytes(sheet) if suffix == ".csv" else xlsx_bytes(sheet)
    progress.step(2, 3, Text(translate("Messages", "Saving {name}…"), name=path.name))
    _write_atomically(path, data, books.db.path)
    return len(sheet.rows)


def _write_atomically(path: Path, data: bytes, company: Path | None = None) -> None:
    """Write ``data`` to ``path`` through ``path.part``; with ``company``, the part is noted so that the next
    open of that company file removes it if a kill interrupts the write."""
    import contextlib

    from ar_desktop.storage import scratch

    tmp = path.with_name(path.name + ".part")
    try:
        with scratch.tracked(company, tmp) if company is not None else contextlib.nullcontext():
            try:
                with tmp.open("wb") as f:
                    f.write(data)
                    f.flush()
                    os.fsync(f.fileno())
                tmp.replace(path)
            except BaseException:
                tmp.unlink(missing_ok=True)
                raise
    except OSError as e:
        raise UserError(Text(translate("Messages", "Cannot write {path}: {e}. Check that the disk has room, that "
                                                   "the file is not open in another program, and that you may write "
                                                   "to the folder."), path=path, e=e.strerror)) from None


def _csv_cell(value: Any, col: Column) -> str:
    if value is None or isinstance(value, bool | dt.date | Decimal | int):
        return cell_text(value)
    return neutralise(str(value))


def csv_bytes(sheet: Sheet) -> bytes:
    """UTF-8 with BOM (so spreadsheets read accents), comma separated, ISO dates, '.' decimals."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow([c.name for c in sheet.columns])
    for row in sheet.rows:
        w.writerow([_csv_cell(v, c) for v, c in zip(row, sheet.columns, strict=True)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def xlsx_bytes(sheet: Sheet) -> bytes:
    """A real workbook: typed date and number cells with formats, bold frozen header, column widths."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(_sheet_title(sheet.title))
    ws.freeze_panes = "A3" if sheet.caption else "A2"
    for i, c in enumerate(sheet.columns, start=1):
        ws.column_dimensions[get_column_letter(i)].width = c.width
    bold = Font(bold=True)
    if sheet.caption:
        title = WriteOnlyCell(ws, value=sheet.caption)
        title.font = Font(bold=True, size=13)
        title.data_type = "s"
        ws.append([title])
    header = []
    for c in sheet.columns:
        cell = WriteOnlyCell(ws, value=c.name)
        cell.font = bold
        header.append(cell)
    ws.append(header)
    for row in sheet.rows:
        currency = _row_currency(sheet, row)
        ws.append([_xlsx_cell(ws, v, c, currency) for v, c in zip(row, sheet.columns, strict=True)])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _row_currency(sheet: Sheet, row: list[Any]) -> str:
    for v, c in zip(row, sheet.columns, strict=True):
        if c.name == "currency" and isinstance(v, str):
            return v
    return "EUR"


def _xlsx_cell(ws, value: Any, col: Column, currency: str):
    from openpyxl.cell import WriteOnlyCell

    if value is None:
        return None
    if col.kind == "date" and isinstance(value, dt.date):
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = "yyyy-mm-dd"
        return cell
    if col.kind == "money" and isinstance(value, Decimal):
        # Excel keeps numbers as binary floats; amounts up to 15 digits round-trip exactly.
        cell = WriteOnlyCell(ws, value=value)
        places = exponent(currency)
        cell.number_format = "#,##0" + ("." + "0" * places if places else "")
        return cell
    if col.kind == "int" and isinstance(value, int):
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = "0"
        return cell
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = str(value)
    cell = WriteOnlyCell(ws, value=text)
    cell.data_type = "s"  # never a formula, whatever the text starts with
    return cell


def _sheet_title(title: str) -> str:
    for ch in "[]:*?/\\":
        title = title.replace(ch, " ")
    return title[:31] or "Sheet"


def read_back_csv(path: str | Path) -> list[list[str]]:
    """The rows of an exported CSV (for checks and tests)."""
    with Path(path).open(encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))
