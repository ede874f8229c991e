"""An invoices import's quick lane on a plain sqlite3 connection: no SQLAlchemy loaded (its modules and the
ORM's classes were ~0.35-0.45 s of a 100,000-invoice command's ~3.5 s).

The importer (services.importing) takes this path for a CSV file whose every row the quick lane stores
(storage.invoice_staging); the first row it leaves to the Python checks (a problem, a void or settled invoice,
a number in the books, an unknown customer…) rolls the transaction back and the file is imported again through
the ORM (``NeedsChecks``). What it writes is what that path writes for the same rows: the same writer's holds,
deferred indexes and catch-ups (storage.bulk_holds), the same ONE audit entry (storage.bulk_audit), in one
transaction on ``Database.plain_write``'s connection (the file's write guards, the automatic backup on closing).
tests/storage/test_plain_invoices.py compares the files both paths leave."""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections.abc import Iterator
from decimal import Decimal

from ar_desktop.domain.terms import PaymentTerms
from ar_desktop.storage.bulk_audit import ENTRY_COLUMNS, BulkBatch, BulkSource, now
from ar_desktop.storage.bulk_holds import BulkHolds
from ar_desktop.storage.days import stamp
from ar_desktop.storage.spans import SPAN_OPEN

__all__ = ["INVOICE_DEFAULTS", "PlainInvoiceWriter", "company_currency", "customer_terms", "customers_by_code",
           "import_cache", "next_invoice_id", "spill_above_import_cache"]

IMPORT_CACHE_MIB = 64
# The invoice columns' Python-side defaults as the ORM stores them (storage.orm.Invoice; created_at: the time
# of the statement), for those a row leaves out (tests/storage/test_plain_invoices.py: equal to the ORM's)
INVOICE_DEFAULTS = {"reference": "", "description": "", "disputed": 0, "dispute_reason": "", "disputed_amount": 0,
                    "voided": 0, "void_reason": "", "discount": 0, "retention_of_title": 0, "paid": 0,
                    "span_class": SPAN_OPEN, "created_at": None}


class NeedsChecks(Exception):
    """A row the quick lane does not store: the import is rolled back and done again through the ORM."""


class PlainInvoiceWriter(BulkHolds):
    """Invoices from the quick lane's SELECT (``invoices_from``) on ``con``, audited as one batch at ``commit``."""

    def __init__(self, con: sqlite3.Connection, source: BulkSource, adding: int = 0):
        super().__init__(BulkBatch(source), adding)
        self.con = con

    def execute(self, sql: str, params=()):
        return self.con.execute(sql, params)

    def dbapi(self) -> sqlite3.Connection:
        return self.con

    def _defaults(self, table: str, columns: list[str]) -> dict[str, object]:
        if table != "invoice":
            raise ValueError(f"the plain writer adds invoices only, not {table}")
        return {k: stamp(dt.datetime.now()) if k == "created_at" else v
                for k, v in INVOICE_DEFAULTS.items() if k not in columns}

    def commit(self) -> None:
        """What was held back (``finish``), the audit entry, and the commit: the rows and their entry together."""
        self.finish()
        entry = self.batch.entry(now())
        if entry is not None:
            entry["at"] = entry["at"].strftime("%Y-%m-%d %H:%M:%S.%f")   # SQLAlchemy's DATETIME text, as the ORM's
            self.con.execute(f"INSERT INTO audit_entry ({', '.join(ENTRY_COLUMNS)}) "
                             f"VALUES ({', '.join('?' * len(ENTRY_COLUMNS))})", [entry[k] for k in ENTRY_COLUMNS])
        self.con.commit()


# ---- what the importer reads first --------------------------------------------------------------

@contextlib.contextmanager
def import_cache(con: sqlite3.Connection) -> Iterator[None]:
    """SQLite's page cache raised for one import (storage.import_repo.import_cache's counterpart)."""
    before = con.execute("PRAGMA cache_size").fetchone()[0]
    con.execute(f"PRAGMA cache_size=-{IMPORT_CACHE_MIB * 1024}")
    try:
        yield
    finally:
        with contextlib.suppress(sqlite3.Error):   # a broken connection reports its own error
            con.execute(f"PRAGMA cache_size={int(before)}")


def spill_above_import_cache(con: sqlite3.Connection) -> None:
    """Until ``con`` closes, SQLite writes a transaction's changed pages out before its commit only once they pass
    the import cache's size (``PRAGMA cache_spill``), not the smaller page cache put back after the rows went in.

    The held work (storage.bulk_holds: the index builds, the search, the summaries) runs with the cache put back
    (inside the raised cache a million invoices took 35 s CPU against 26 s, s11-invoices). With 2 MB of cache, the pages the rows and the builds changed were written to the log
    while the builds ran and read back from it for the next build (the log is as long either way): 100,000
    invoices, ~0.1 s of the commit's CPU, most of it the system's. The memory stays within the import cache's
    bound."""
    page = con.execute("PRAGMA page_size").fetchone()[0]
    con.execute(f"PRAGMA cache_spill={IMPORT_CACHE_MIB * 2**20 // page}")


def company_currency(con: sqlite3.Connection) -> str | None:
    row = con.execute("SELECT currency FROM company WHERE id = 1").fetchone()
    return None if row is None else row[0]


CUSTOMER_COLUMNS = ("code", "id", "terms_days", "discount_percent", "discount_days", "currency", "retention_of_title")


def customer_terms(rows) -> dict[str, tuple[int, PaymentTerms, str, bool]]:
    """code -> (id, payment terms, currency, retention of title), from rows of ``CUSTOMER_COLUMNS``."""
    return {code: (cid, PaymentTerms(net, Decimal(pct) if pct else Decimal(0), days or 0), cur, bool(rot))
            for code, cid, net, pct, days, cur, rot in rows}


def customers_by_code(con: sqlite3.Connection) -> dict[str, tuple[int, PaymentTerms, str, bool]]:
    return customer_terms(con.execute(f"SELECT {', '.join(CUSTOMER_COLUMNS)} FROM customer"))


def next_invoice_id(con: sqlite3.Connection) -> int:
    return (con.execute("SELECT max(id) FROM invoice").fetchone()[0] or 0) + 1
