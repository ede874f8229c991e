"""The invoices importer's quick lane (services.import_invoices): a CSV file's rows staged as cells in SQL and the
plain ones stored there (storage.invoice_staging); and a file whose every row is plain, imported on a plain
sqlite3 connection without SQLAlchemy (``plain_import``, storage.plain_invoices)."""

from __future__ import annotations

from array import array

from ar_desktop.domain.dates import ISO
from ar_desktop.domain.text import Text, translate
from ar_desktop.services.context import Books
from ar_desktop.services.importing import ImportOptions, ImportReport, read_rows, start
from ar_desktop.services.progress import Progress
from ar_desktop.services.source_files import SourceTable
from ar_desktop.storage import plain_invoices
from ar_desktop.storage.bulk_audit import BulkSource
from ar_desktop.storage.bulk_holds import BulkHolds
from ar_desktop.storage.invoice_staging import Staging
from ar_desktop.storage.plain_invoices import NeedsChecks, PlainInvoiceWriter

__all__ = ["QuickInvoices", "plain_import"]


class QuickInvoices:
    """Invoices stored by the quick lane; the rows it leaves go to ``checks_rest`` (import_invoices.InvoiceRows:
    its Python checks); without it (``plain_import``), the first such row raises ``NeedsChecks``, before anything
    of its batch is written when the row pattern refused it (a problem, a void or settled invoice…)."""

    checks_rest = None

    def __init__(self, writer: BulkHolds, books: Books, options: ImportOptions, report: ImportReport,
                 preview_rows: int, company_currency: str, customers: dict, first_id: int):
        self.writer, self.books, self.options, self.report = writer, books, options, report
        self.preview_rows, self.company_currency, self.customers = preview_rows, company_currency, customers
        self.today = books.today()
        self.first_id = self.next_id = first_id
        self.rows_of_new = array("q")  # file row of each invoice this import added, by id - first_id
        self.staging: Staging | None = None   # the quick lane's TEMP tables, when it is taken

    def quick_lane(self, keys: list[str], where: dict[str, str]) -> bool:
        """Take the rows as cells (``add_cells``) when SQL can check them: ISO dates, no preview."""
        if self.preview_rows or self.options.date_format != ISO or self.options.numbers.decimal not in ".,":
            return False
        self.keys = keys
        self.staging = Staging(self.writer, keys, self.options.numbers.decimal,
                               "discount" in where or "discount_until" in where)
        self.staging.customers(self.customers)
        return True

    def add_cells(self, rows: list[tuple[int, list[str]]], where: dict[str, str]) -> None:
        """A batch of rows as the file's cells (in ``keys`` order): the plain ones stored in SQL, the
        others through ``_rest``, in row order, so that every problem reads as before."""
        self.writer.read(len(rows))
        if self.staging.stage(rows) < len(rows) and self.checks_rest is None:
            raise NeedsChecks(f"a row of {rows[0][0]}..{rows[-1][0]}")   # before any of them is written
        marks = self.staging.store_plain(self.next_id)
        if len(marks) != len(rows):
            raise ValueError(f"staged {len(marks)} of {len(rows)} rows")
        rest = []
        if sum(stored for _n, stored in marks) == len(rows):
            self.rows_of_new.extend(n for n, _stored in marks)
        else:
            for (n, stored), (_n, values) in zip(marks, rows):
                if stored:
                    self.rows_of_new.append(n)
                else:
                    rest.append((n, dict(zip(self.keys, values))))
        added = len(rows) - len(rest)
        self.next_id += added
        self.report.new += added
        if rest:
            if self.checks_rest is None:
                raise NeedsChecks(f"row {rest[0][0]}")
            self.checks_rest(rest, where)

    def finish(self) -> None:
        if self.staging is not None:
            self.staging.close()


def plain_import(books: Books, table: SourceTable, options: ImportOptions, progress: Progress,
                 audit_as: str) -> ImportReport | None:
    """``importing.run_import`` of a CSV file of invoices on a plain connection; None (nothing kept) when a row
    needs the Python checks or the file has a problem: the caller imports it through the ORM, which says what."""
    report, where, keys, estimate = start(table, options)
    try:
        with books.db.plain_write() as con:
            with plain_invoices.import_cache(con):
                currency = plain_invoices.company_currency(con)
                if currency is None:
                    return None
                writer = PlainInvoiceWriter(con, BulkSource(table.name, table.sha256(), audit_as), adding=estimate)
                handler = QuickInvoices(writer, books, options, report, 0, currency,
                                        plain_invoices.customers_by_code(con), plain_invoices.next_invoice_id(con))
                if not handler.quick_lane([k for _i, k in keys], where):
                    return None
                read_rows(table, handler, report, keys, where, True, progress, estimate)
                if not report.ok:
                    return None
            progress.step(report.rows, report.rows, Text(translate("Messages", "Saving")))
            # the held work with the cache put back, as the ORM path's (the session's commit): the index builds'
            # sorts are not faster with 64 MB (a million invoices: 26 s CPU against 35 s inside the raised cache);
            # the pages changed stay in memory up to the import cache's size until the commit writes them
            plain_invoices.spill_above_import_cache(con)
            writer.commit()
    except NeedsChecks:
        return None
    return report
