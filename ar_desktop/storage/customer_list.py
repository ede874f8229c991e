"""The Customers list in SQL: count, a page of ids in a sort order, where one customer stands in it.

Balances come from the partial index of open invoices (a twentieth of the table), joined only when the sort
or the "overdue only" filter needs them. Search: storage.search.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from ar_desktop.storage.days import day
from ar_desktop.storage.search import SearchTerm, customer_condition

__all__ = ["SORT_KEYS", "CustomerList", "balances_sql"]

# sort key -> the SQL terms of the order (ties by code, which is unique)
_ORDER = {
    "code": ("c.code",),
    "name": ("lower(c.name)",),
    "credit_class": ("c.credit_class",),
    "city": ("c.city",),
    "currency": ("c.currency",),
    "open_balance": ("coalesce(b.open, 0)",),
    "overdue_amount": ("coalesce(b.overdue, 0)",),
    # the oldest overdue due date first; customers with nothing overdue last, either way
    "oldest_days_overdue": ("b.oldest_due IS NULL", "b.oldest_due"),
    "credit_limit": ("c.credit_limit",),
}
_BY_BALANCE = ("open_balance", "overdue_amount", "oldest_days_overdue")
SORT_KEYS = tuple(_ORDER)


def balances_sql(where: str = "", oldest: bool = True) -> str:
    """Per customer with open invoices: open balance, overdue amount, oldest overdue due date (:as_of;
    left out when not ``oldest``), from the partial index of open invoices that holds all it reads
    (ix_invoice_owed)."""
    oldest_due = ", min(CASE WHEN due_date < :as_of THEN due_date END) AS oldest_due" if oldest else ""
    return ("SELECT customer_id AS cid, sum(amount - paid) AS open, "
            f"sum(CASE WHEN due_date < :as_of THEN amount - paid ELSE 0 END) AS overdue{oldest_due} "
            "FROM invoice INDEXED BY ix_invoice_owed WHERE paid < amount AND voided = 0"
            f"{where} GROUP BY customer_id")


@dataclass(frozen=True)
class CustomerList:
    as_of: dt.date
    search: str = ""
    only_overdue: bool = False
    sort: str = "code"
    descending: bool = False

    def __post_init__(self):
        if self.sort not in _ORDER:
            raise ValueError(f"unknown sort key {self.sort!r}")

    def _with_balances(self, counting: bool) -> bool:
        return self.only_overdue or (not counting and self.sort in _BY_BALANCE)

    def _sql(self, what: str, counting: bool = False) -> tuple[str, dict]:
        p: dict = {"as_of": day(self.as_of)}
        source = "customer c"
        if self._with_balances(counting):
            source += f" LEFT JOIN ({balances_sql()}) b ON b.cid = c.id"
        terms = []
        term = SearchTerm.of(self.search)
        if term:
            sql, params = customer_condition(term)
            terms.append(sql)
            p.update(params)
        if self.only_overdue:
            terms.append("b.overdue > 0")
        where = " WHERE " + " AND ".join(terms) if terms else " WHERE 1"
        return f"SELECT {what} FROM {source}{where}", p

    def _order_by(self) -> str:
        way = " DESC" if self.descending else ""
        keys = _ORDER[self.sort]
        if self.sort == "oldest_days_overdue":  # nothing overdue stays last; most days overdue = oldest due date
            terms = [keys[0], keys[1] + ("" if self.descending else " DESC")]
        else:
            terms = [k + way for k in keys]
        return " ORDER BY " + ", ".join([*terms, "c.code"])  # ties by code, always A to Z

    def count(self, s: Session) -> int:
        sql, p = self._sql("count(*)", counting=True)
        return s.execute(text(sql), p).scalar_one()

    def ids(self, s: Session, offset: int, limit: int) -> list[int]:
        sql, p = self._sql("c.id")
        return list(s.execute(text(f"{sql}{self._order_by()} LIMIT :limit OFFSET :offset"),
                              {**p, "limit": limit, "offset": offset}).scalars())

    def position(self, s: Session, customer_id: int) -> int | None:
        # ten thousand customers: the ids in order are read once, never the rows
        sql, p = self._sql("c.id")
        for n, ident in enumerate(s.execute(text(sql + self._order_by()), p).scalars()):
            if ident == customer_id:
                return n
        return None
