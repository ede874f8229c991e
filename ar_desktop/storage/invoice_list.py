"""The Invoices list in SQL: how many invoices a filter keeps, one page of their ids in a sort order, and
where one invoice stands in it. Nothing here reads more than a page of ids into Python.

Every sort order is an index walk (storage/list_schema.py): by number, issue date, due date, amount, paid, open
amount, status (void, settled, due date), customer (name, then the customer's invoices by issue date, through
ix_invoice_aging) and currency (then as by customer: an invoice is in its customer's currency, which cannot change
once it has invoices, so the customers in currency order walk the invoices in that order with no index of the
invoices' currency: 13.6 MB of a million-invoice file). Ties go by id, so the order is total and a page never
repeats a row.
The open and overdue filters read the small partial index of open invoices instead (a sort of at most the
open set). Search: storage.search.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from ar_desktop.storage.list_filter import customer_and_period
from ar_desktop.storage.orm import SPAN_OPEN
from ar_desktop.storage.search import SearchTerm, invoice_condition
from ar_desktop.storage.days import day

__all__ = ["SORT_KEYS", "InvoiceList"]

_OPEN = "i.paid < i.amount AND i.voided = 0"  # as in the open partial indexes' WHERE, so SQLite may use them
# sort key -> the SQL terms of the order (before the id), each matching an index's expression
_ORDER = {
    "number": ("i.number",),
    "issue_date": ("i.issue_date",),
    "due_date": ("i.due_date",),
    "amount": ("i.amount",),
    "paid": ("i.paid",),
    "open_amount": ("(CASE WHEN i.voided THEN 0 ELSE i.amount - i.paid END)",),
    # the customer's currency (domain.records.invoice_currency: the invoice's own), then as by customer
    "currency": ("c.currency", "lower(c.name)", "c.id", "i.issue_date", "i.due_date", "i.amount"),
    # void last, then settled, then open; open ones by due date, so the overdue come first
    "status": ("i.voided", "i.paid >= i.amount", "i.due_date"),
    "customer": ("lower(c.name)", "c.id", "i.issue_date", "i.due_date", "i.amount"),
}
SORT_KEYS = tuple(_ORDER)
_BY_CUSTOMER = ("customer", "currency")  # orders that walk the customers, then each one's invoices


@dataclass(frozen=True)
class InvoiceList:
    """The invoices a filter keeps (storage.invoices_repo.InvoiceFilter's fields), in one sort order."""

    status: str = "all"  # all | open | overdue
    customer_id: int | None = None
    date_from: dt.date | None = None  # on the issue date
    date_to: dt.date | None = None
    search: str = ""
    as_of: dt.date | None = None  # "overdue" means due before this day
    sort: str = "due_date"
    descending: bool = False

    def __post_init__(self):
        if self.sort not in _ORDER:
            raise ValueError(f"unknown sort key {self.sort!r}")
        if self.status not in ("all", "open", "overdue"):
            raise ValueError(f"unknown status filter {self.status!r}")

    # -- the SQL ---------------------------------------------------------------------------------
    def _index(self, counting: bool) -> str:
        """The index that answers the open and overdue filters. SQLite has no statistics in the file and would
        walk a whole-table index; the open invoices are a twentieth of the table, scattered over all of it."""
        if self.status == "all":
            return ""
        if counting or self.customer_id is not None or self.sort in _BY_CUSTOMER:
            return "ix_invoice_owed"  # small, by customer, and holds the columns the filters read
        if self.sort == "number":
            return "ix_invoice_open_number"  # in number order already
        return "ix_invoice_span"  # holds every other sort column: never reads the table

    def _from(self, counting: bool = False) -> str:
        index = self._index(counting)
        invoices = f"invoice i INDEXED BY {index}" if index else "invoice i"
        if self.sort in _BY_CUSTOMER and not counting:
            # customers in (currency and) name order (ix_customer_lower_name, ix_customer_currency_name), each
            # one's invoices from an index: a page needs only its own rows
            return f"FROM customer c CROSS JOIN {invoices} ON i.customer_id = c.id"
        return f"FROM {invoices}"

    def _where(self, counting: bool = False) -> tuple[str, dict]:
        terms, p = [], {}
        if self.status in ("open", "overdue"):
            terms.append(_OPEN)
            if self._index(counting) == "ix_invoice_span":
                terms.append(f"i.span_class = {SPAN_OPEN}")  # the open set's range of that index
        if self.status == "overdue":
            terms.append("i.due_date < :as_of")
            p["as_of"] = day(self.as_of or dt.date.today())
        shared, shared_p = customer_and_period("i", "issue_date", self.customer_id, self.date_from, self.date_to)
        terms += shared
        p.update(shared_p)
        term = SearchTerm.of(self.search)
        if term:
            sql, params = invoice_condition(term)
            terms.append(sql)
            p.update(params)
        return " WHERE " + " AND ".join(terms) if terms else " WHERE 1", p

    def _keys(self) -> tuple[str, ...]:
        return (*_ORDER[self.sort], "i.id")

    def _order_by(self) -> str:
        way = " DESC" if self.descending else ""
        return " ORDER BY " + ", ".join(k + way for k in self._keys())

    # -- what the list asks ---------------------------------------------------------------------
    def count(self, s: Session) -> int:
        where, p = self._where(counting=True)
        return s.execute(text(f"SELECT count(*) {self._from(counting=True)}{where}"), p).scalar_one()

    def ids(self, s: Session, offset: int, limit: int) -> list[int]:
        """The ids of rows ``offset`` to ``offset + limit - 1`` in the order."""
        where, p = self._where()
        sql = f"SELECT i.id {self._from()}{where}{self._order_by()} LIMIT :limit OFFSET :offset"
        return list(s.execute(text(sql), {**p, "limit": limit, "offset": offset}).scalars())

    def position(self, s: Session, invoice_id: int) -> int | None:
        """Where the invoice stands in the order (0 = first), or None when the filter does not keep it."""
        where, p = self._where()
        keys = self._keys()
        row = s.execute(text(f"SELECT {', '.join(keys)} {self._from()}{where} AND i.id = :ident"),
                        {**p, "ident": invoice_id}).first()
        if row is None:
            return None
        before = (f" AND ({', '.join(keys)}) {'>' if self.descending else '<'} "
                  f"({', '.join(f':k{n}' for n in range(len(keys)))})")
        return s.execute(text(f"SELECT count(*) {self._from()}{where}{before}"),
                         {**p, **{f"k{n}": v for n, v in enumerate(row)}}).scalar_one()

    def totals(self, s: Session) -> tuple[int, int, int, int]:
        """How many invoices the filter keeps, and in minor units their amount, open amount and overdue amount
        (void invoices count, with nothing owed)."""
        where, p = self._where(counting=True)
        p = {**p, "today": day(self.as_of or dt.date.today())}
        if where == " WHERE 1":  # the whole table: each sum from the narrowest index that holds it
            n = s.execute(text("SELECT count(*) FROM invoice")).scalar_one()
            amount = s.execute(text("SELECT sum(amount) FROM invoice INDEXED BY ix_invoice_amount")).scalar_one()
            void = s.execute(text("SELECT sum(amount) FROM invoice INDEXED BY ix_invoice_status WHERE voided = 1")
                             ).scalar_one()
            open_, over = s.execute(text(
                f"SELECT sum(amount - paid), sum(CASE WHEN due_date < :today THEN amount - paid ELSE 0 END) "
                f"FROM invoice INDEXED BY ix_invoice_owed WHERE {_OPEN.replace('i.', '')}"), p).one()
            return n, (amount or 0) - (void or 0), open_ or 0, over or 0
        # (open and overdue lists hold no void invoice: their index has no void column to read)
        live = "{}" if self.status != "all" else "CASE WHEN i.voided THEN 0 ELSE {} END"
        row = s.execute(text(
            f"SELECT count(*), sum({live.format('i.amount')}), sum({live.format('i.amount - i.paid')}), "
            f"sum(CASE WHEN i.due_date < :today THEN {live.format('i.amount - i.paid')} ELSE 0 END) "
            f"{self._from(counting=True)}{where}"), p).one()
        return row[0], row[1] or 0, row[2] or 0, row[3] or 0

    def plan(self, s: Session) -> list[str]:
        """SQLite's plan for a page (for tests and benchmarks: which index answers)."""
        where, p = self._where()
        sql = f"EXPLAIN QUERY PLAN SELECT i.id {self._from()}{where}{self._order_by()} LIMIT 200"
        return [r[3] for r in s.execute(text(sql), p)]
