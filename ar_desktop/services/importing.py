"""The one importer of customers, invoices and payments: the wizard and the command line use it alike.

A file is read as a stream (``source_files``), each row's cells are taken by the mapping
(header → column key; the command line's mapping is fixed: each column by its own name), checked
and stored in batches inside ONE transaction, in one pass: memory stays flat however long the
file. Every problem is listed by row and column; if there is any, the transaction is rolled back
and nothing is stored. A check (the wizard's "Check" page) is the same run, always rolled back.

What each kind does with a row is in ``import_customers``, ``import_invoices`` and
``import_payments``; the columns are ``record_columns``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field, replace
from decimal import Decimal
from operator import itemgetter
from pathlib import Path
from typing import Any

from ar_desktop.domain.dates import DATE_FORMATS, ISO
from ar_desktop.domain.errors import UserError
from ar_desktop.domain.money import DEFAULT_FORMAT, NUMBER_FORMATS, NumberFormat
from ar_desktop.domain.text import Text, english, joined, translate
from ar_desktop.services.context import Books
from ar_desktop.services.progress import NO_PROGRESS, Progress
from ar_desktop.services.record_columns import KINDS, Column, by_key, columns_for
from ar_desktop.services.report_formats import cell_text, neutralise
from ar_desktop.services.source_files import SourceTable, open_source
from ar_desktop.storage.bulk_audit import BulkSource

MODES = ("refuse", "skip", "update")
KIND_NAMES = {"customers": translate("Messages", "customers"), "invoices": translate("Messages", "invoices"),
              "payments": translate("Messages", "payments")}
BATCH = 2_000
KEEP_ERRORS = 10_000  # problems listed (all are counted)


@dataclass(frozen=True)
class ImportOptions:
    kind: str
    mapping: dict[str, str | None]  # source header -> column key (None: not imported)
    date_format: str = ISO
    number_format: str = DEFAULT_FORMAT.key
    mode: str = "refuse"  # refuse | skip | update: what to do with numbers / codes already in the books
    create_customers: bool = False  # invoices: create customers the file names but the books do not have

    @property
    def numbers(self) -> NumberFormat:
        return NUMBER_FORMATS[self.number_format]


@dataclass(frozen=True)
class RowError:
    row: int  # row number in the file, the header being row 1
    column: str  # the file's own header, or "" for the whole row
    value: str
    message: str | Text

    def text(self) -> str | Text:
        """The problem with its row and column, in the reader's language."""
        if not self.row:
            return self.message
        if self.column:
            return Text(translate("Messages", "row {row}, column {column}: {message}"), row=self.row,
                        column=self.column, message=self.message)
        return Text(translate("Messages", "row {row}: {message}"), row=self.row, message=self.message)

    def __str__(self) -> str:
        return english(self.text())


@dataclass
class ImportReport:
    """What an import did (or, for a check, would do): rows new, updated, skipped, and every problem."""

    kind: str
    name: str = ""
    rows: int = 0
    new: int = 0
    updated: int = 0
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (row, number or code): already there
    skipped_count: int = 0
    new_customers: list[str] = field(default_factory=list)  # created, or (when not allowed) unknown
    customers_created: int = 0
    payments: int = 0  # payments made from settlement dates (invoices)
    errors: list[RowError] = field(default_factory=list)
    error_count: int = 0
    preview: list[dict[str, str]] = field(default_factory=list)
    stopped_early: bool = False  # a preview of the first rows only
    notice: Text | None = None  # what the reader decided that the user should check (an encoding guess)

    @property
    def ok(self) -> bool:
        return self.error_count == 0

    def error(self, row: int, column: str, value: Any, message: str | Text) -> None:
        self.error_count += 1
        if len(self.errors) < KEEP_ERRORS:
            self.errors.append(RowError(row, column, cell_text(value)[:200], message))

    def skip(self, row: int, what: str) -> None:
        self.skipped_count += 1
        if len(self.skipped) < KEEP_ERRORS:
            self.skipped.append((row, what))

    def summary(self) -> str:
        return ", ".join(english(t) for t in self.summary_parts()) + "."

    def summary_parts(self) -> list[Text]:
        parts = [Text(translate("Messages", "{count} {kind} imported"), count=self.new, kind=Text(KIND_NAMES[self.kind]))]
        if self.updated:
            parts.append(Text(translate("Messages", "{count} updated"), count=self.updated))
        if self.skipped_count:
            parts.append(Text(translate("Messages", "{count} already there and skipped"), count=self.skipped_count))
        if self.customers_created:
            parts.append(Text(translate("Messages", "{count} new customers"), count=self.customers_created))
        if self.payments:
            parts.append(Text(translate("Messages", "{count} payments from settlement dates"), count=self.payments))
        return parts


class ImportRefused(UserError):
    """Nothing was stored; ``report.errors`` lists the problems (``report.error_count`` counts all)."""

    def __init__(self, report: ImportReport):
        self.report = report
        self.errors = report.errors
        shown = joined([e.text() for e in report.errors[:20]], "; ")
        more = report.error_count - min(len(report.errors), 20)
        super().__init__(Text(translate("Messages", "{name}: {count} problem(s), nothing was imported. Fix them (the "
                                                    "wizard saves the list as CSV) and import again: {shown}{more}"),
                              name=report.name, count=report.error_count, shown=shown,
                              more=Text(translate("Messages", "; and {count} more"), count=more) if more > 0 else ""))


# ---- options --------------------------------------------------------------------------------

def check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise UserError(Text(translate("Messages", "Cannot import '{kind}'; choose customers, invoices or payments."),
                             kind=kind))


def check_options(options: ImportOptions, table: SourceTable) -> None:
    check_kind(options.kind)
    if options.mode not in MODES:
        raise UserError(Text(translate("Messages", "Unknown import mode '{mode}'; choose refuse, skip or update."),
                             mode=options.mode))
    if options.date_format not in DATE_FORMATS:
        raise UserError(Text(translate("Messages", "Unknown date format '{format}'; choose one of {choices}."),
                             format=options.date_format, choices=", ".join(DATE_FORMATS)))
    if options.number_format not in NUMBER_FORMATS:
        raise UserError(Text(translate("Messages", "Unknown number format '{key}'; choose one of {choices}."),
                             key=options.number_format, choices=", ".join(NUMBER_FORMATS)))
    columns = by_key(options.kind)
    chosen = [f for h, f in options.mapping.items() if f and h in table.header]
    unknown = sorted({f for f in chosen if f not in columns})
    if unknown:
        raise UserError(Text(translate("Messages", "Unknown field(s) {fields} for {kind}."), fields=", ".join(unknown),
                             kind=options.kind))
    seen: set[str] = set()
    twice = sorted({f for f in chosen if f in seen or seen.add(f)})
    if twice:
        raise UserError(Text(translate("Messages", "More than one column is mapped to {fields}. Map each field to one "
                                                   "column."), fields=", ".join(twice)))
    missing = [c.key for c in columns.values() if c.required and c.key not in seen]
    if missing:
        raise UserError(Text(translate("Messages", "Map a column to: {fields} (required for {kind})."),
                             fields=", ".join(missing), kind=options.kind))


def fixed_options(kind: str, table: SourceTable, **overrides: Any) -> ImportOptions:
    """The command line's mapping: every column by its own name (case and spaces ignored), as the
    program's exports write them. A column that is no field is refused (a typo must not be lost);
    derived columns of exports (names, paid, open, applied…) are accepted and ignored or checked."""
    check_kind(kind)
    keys = {c.key for c in columns_for(kind)}
    mapping: dict[str, str | None] = {}
    unknown = []
    for h in table.header:
        key = "_".join(h.strip().lower().split())
        if key in keys:
            mapping[h] = key
        else:
            unknown.append(h)
    if unknown:
        raise UserError(Text(translate("Messages", "{name}: unknown column(s) {columns}; the columns of {kind} are "
                                                   "{allowed}."), name=table.name, columns=", ".join(unknown[:20]),
                             kind=kind, allowed=", ".join(c.key for c in columns_for(kind))))
    return ImportOptions(kind, mapping, **overrides)


# ---- running --------------------------------------------------------------------------------

class _RollBack(Exception):
    pass


@dataclass
class Batch:
    """Rows of one batch: (row number, values by column key), with where each key came from."""

    rows: list[tuple[int, dict[str, Any]]]
    where: dict[str, str]  # column key -> the file's header

    def column(self, key: str) -> str:
        return self.where.get(key, "")


def run_import(books: Books, table: SourceTable, options: ImportOptions, progress: Progress = NO_PROGRESS, *,
               remember: bool = True, audit_as: str = "import") -> ImportReport:
    """Check and store every row in one transaction, or nothing (ImportRefused lists every problem).
    The audit trail gets ONE entry for it (``audit_as``: what imported the file), with the file's SHA-256."""
    report = _run(books, table, options, progress, write=True, remember=remember, audit_as=audit_as)
    if not report.ok:
        raise ImportRefused(report)
    return report


def check(books: Books, table: SourceTable, options: ImportOptions, progress: Progress = NO_PROGRESS, *,
          preview_rows: int = 0, first_rows: int | None = None) -> ImportReport:
    """What the import would do (all of the file, or its ``first_rows``), and every problem. Nothing is kept."""
    return _run(books, table, options, progress, write=False, preview_rows=preview_rows, first_rows=first_rows)


def import_file(books: Books, kind: str, path: str | Path, *, sheet: str | None = None,
                progress: Progress = NO_PROGRESS, **overrides: Any) -> ImportReport:
    """The command line: read the file (.csv or .xlsx, by its content), map its columns by name, import."""
    table = open_source(path, sheet=sheet)
    return run_import(books, table, fixed_options(kind, table, **overrides), progress, remember=False)


def _run(books: Books, table: SourceTable, options: ImportOptions, progress: Progress, *, write: bool,
         preview_rows: int = 0, first_rows: int | None = None, remember: bool = False,
         audit_as: str = "import") -> ImportReport:
    check_options(options, table)
    if (write and options.kind == "invoices" and table.kind_of_file == "csv" and not preview_rows
            and first_rows is None and not remember):
        # a CSV file of plain invoices is stored without SQLAlchemy; any other is imported again below
        from ar_desktop.services.invoice_lane import plain_import

        report = plain_import(books, table, options, progress, audit_as)
        if report is not None:
            return report
    from ar_desktop.storage import import_repo
    from ar_desktop.storage.bulk_repo import BulkWriter

    report, where, keys, estimate = start(table, options)
    # the kind's own module only (the others' loading was ~20 ms of every import)
    if options.kind == "invoices":
        from ar_desktop.services.import_invoices import InvoiceRows as handler_class
    elif options.kind == "payments":
        from ar_desktop.services.import_payments import PaymentRows as handler_class
    else:
        from ar_desktop.services.import_customers import CustomerRows as handler_class
    changed_before = books.db.changed
    source = BulkSource(table.name, table.sha256() if write else "", audit_as)
    try:
        with books.db.session() as s, import_repo.import_cache(s):
            # a payments file paying much of the file has the invoice indexes that follow paid deferred at once;
            # an invoices file adding much to the file, all the invoice indexes
            writer = BulkWriter(s, source, paying=estimate if options.kind == "payments" and write else 0,
                                adding=estimate if options.kind == "invoices" else 0)
            handler = handler_class(s, books, options, report, preview_rows, writer)
            # A kind with a quick lane takes a CSV file's cells as they come (text) and checks them in SQL
            # (storage.invoice_staging); what SQL does not store goes through the kind's own checks.
            cells_only = (table.kind_of_file == "csv" and first_rows is None
                          and getattr(handler, "quick_lane", lambda *_a: False)([k for _i, k in keys], where))
            read_rows(table, handler, report, keys, where, cells_only, progress, estimate, first_rows)
            if not write or not report.ok:
                raise _RollBack
            progress.step(report.rows, report.rows, Text(translate("Messages", "Saving")))
            if remember:
                from ar_desktop.services.import_mapping import remember_options_in

                remember_options_in(s, table, options)
    except _RollBack:
        books.db.changed = changed_before  # nothing was kept: no automatic backup for it
    except BaseException:
        books.db.changed = changed_before
        raise
    return report


def start(table: SourceTable, options: ImportOptions) -> tuple[ImportReport, dict[str, str], list[tuple[int, str]],
                                                                 int]:
    """An import's empty report, where each column key comes from, (cell index, key) of the columns taken, and the
    file's rows as its size estimates them."""
    report = ImportReport(options.kind, table.name, notice=table.notice)
    columns = by_key(options.kind)
    take = [(i, h, columns[k]) for i, h in enumerate(table.header)
            if (k := options.mapping.get(h)) and columns[k].imported]
    return report, {c.key: h for _i, h, c in take}, [(i, c.key) for i, _h, c in take], _estimate_rows(table)


def read_rows(table: SourceTable, handler, report: ImportReport, keys: list[tuple[int, str]], where: dict[str, str],
              cells_only: bool, progress: Progress, estimate: int, first_rows: int | None = None) -> None:
    """Every row of the file (or its ``first_rows``) to ``handler`` in batches: as cells (``add_cells``) when
    ``cells_only``, else as values by key (``add``); then ``handler.finish()``. A file without rows is refused."""
    rows: list[tuple[int, Any]] = []
    width = len(table.header)
    take_at = [i for i, _k in keys]
    # a CSV row's taken cells, stripped (a whole row at a time when every column is taken, in order)
    pick = (None if take_at == list(range(width)) else itemgetter(*take_at) if len(take_at) > 1
            else lambda c, i=take_at[0]: (c[i],))
    strip = str.strip
    for n, cells in table.rows():
        if len(cells) != width and not _ragged_ok(table, cells, width):
            report.rows += 1
            report.error(n, "", "", Text(translate("Messages", "has {cells} cells but the header has "
                                                               "{columns}; check the separators and quotes "
                                                               "on that row"),
                                         cells=len(cells), columns=width))
            continue
        if cells_only:   # a CSV row has every cell, each a text
            values = list(map(strip, cells)) if pick is None else list(map(strip, pick(cells)))
            if not any(values):
                continue
            report.rows += 1
            rows.append((n, values))
            if len(rows) >= BATCH:
                handler.add_cells(rows, where)
                rows = []
                progress.step(report.rows, max(estimate, report.rows + 1),
                              Text(translate("Messages", "Checking row {row}"), row=n))
            continue
        if len(cells) >= width:
            values = {k: (v.strip() if isinstance(v := cells[i], str) else v) for i, k in keys}
        else:
            values = {k: ((v.strip() if isinstance(v := cells[i], str) else v) if i < len(cells) else "")
                      for i, k in keys}
        if not any(v != "" and v is not None for v in values.values()):
            continue
        report.rows += 1
        rows.append((n, values))
        if len(rows) >= BATCH:
            handler.add(Batch(rows, where))
            rows = []
            progress.step(report.rows, max(estimate, report.rows + 1),
                          Text(translate("Messages", "Checking row {row}"), row=n))
        if first_rows is not None and report.rows >= first_rows:
            report.stopped_early = True
            break
    if rows:
        handler.add_cells(rows, where) if cells_only else handler.add(Batch(rows, where))
    handler.finish()
    if report.rows == 0 and report.ok:
        raise UserError(Text(translate("Messages", "{name} has no data rows in the mapped columns; there is "
                                                   "nothing to import."), name=table.name))


def _ragged_ok(table: SourceTable, cells: list, width: int) -> bool:
    """A spreadsheet row may stop before its last empty columns; values beyond the header are refused."""
    return table.kind_of_file == "xlsx" and all(c in ("", None) for c in cells[width:])


def _estimate_rows(table: SourceTable) -> int:
    samples = table.samples(200)
    if not samples or not table.size:
        return 0
    avg = sum(len(",".join(cell_text(c) for c in cells)) + 2 for _n, cells in samples) / len(samples)
    return int(table.size / max(avg, 1))


# ---- shared by the kinds --------------------------------------------------------------------

def raw_text(value: Any) -> str:
    """A cell as text, as a field expects it (a typed number cell as its exact digits)."""
    if isinstance(value, Decimal):
        return format(value, "f")
    return cell_text(value)


def typed_or_text(value: Any) -> Any:
    """Typed cells (dates, numbers, booleans) are kept: they need no format; text stays text."""
    return value if isinstance(value, dt.date | Decimal | bool) else ("" if value is None else str(value))


def problems_of(report: ImportReport, n: int, batch: Batch, values: dict[str, Any], problems: dict) -> None:
    for key, message in problems.items():
        report.error(n, batch.column(key), values.get(key, ""), message)


def refusal_report(kind: str, name: str, error: UserError) -> ImportReport:
    """A refused import as a report, so that every refusal is shown the same way: the problems of
    its rows, or the one problem that stopped it before any row (the file cannot be read, a column
    is unknown…) as a problem of the whole file (row 0)."""
    if isinstance(error, ImportRefused):
        return error.report
    report = ImportReport(kind, name)
    report.error(0, "", "", error.message)
    return report


def save_errors_csv(errors: list[RowError], path: str | Path) -> Path:
    """The problems as a CSV (row, column, value, problem) to work through before importing again."""
    path = Path(path)
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(["row", "column", "value", "problem"])
    for e in errors:
        w.writerow([e.row or "", neutralise(e.column), neutralise(e.value), neutralise(english(e.message))])
    try:
        path.write_text(out.getvalue(), encoding="utf-8-sig")
    except OSError as e:
        raise UserError(Text(translate("Messages", "Cannot write {path}: {reason}. Choose another folder."),
                             path=str(path), reason=e.strerror or type(e).__name__)) from None
    return path


__all__ = ["BATCH", "Batch", "Column", "ImportOptions", "ImportRefused", "ImportReport", "MODES", "RowError", "check",
           "check_kind", "check_options", "fixed_options", "import_file", "problems_of", "raw_text", "read_rows",
           "refusal_report", "replace", "run_import", "save_errors_csv", "start", "typed_or_text"]
