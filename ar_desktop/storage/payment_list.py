"""The Payments list in SQL: which entries a filter keeps, in a sort order, without ORM rows.

Two ways, chosen by what the file's indexes answer (storage.paging):
- newest or oldest first, by entry number, or by customer, over every entry or a period: a count and one
  index walk per page (ix_payment_date; the customers by ix_customer_lower_name, each one's entries by
  ix_payment_customer_date), so the window never reads more than a page of ids;
- any other order or filter (amount, applied, kind, method, reference; one customer, a kind, unapplied only,
  a search): one query whose ids go through the plain DB-API cursor into an ``array('q')`` (8 bytes an
  entry; no index holds those orders, so SQLite sorts once, and a page would cost that sort again).
"""

from __future__ import annotations

import sqlite3
from array import array
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from ar_desktop.domain.payment_kinds import METHOD_KINDS, PAYMENT, RECOVERY, REVERSAL
from ar_desktop.storage.list_filter import customer_and_period
from ar_desktop.storage.search import _escape_like

__all__ = ["SORT_KEYS", "PaymentList", "applied_sql", "kind_sql"]


def _quoted(values) -> str:
    return ", ".join("'" + v.replace("'", "''") + "'" for v in sorted(values))


applied_sql = "(SELECT coalesce(sum(a.amount), 0) FROM allocation a WHERE a.payment_id = p.id)"  # ix_allocation_payment_id
unapplied_sql = f"(CASE WHEN p.method = '{RECOVERY.key}' THEN 0 ELSE p.amount - {applied_sql} END)"
kind_sql = (f"(CASE WHEN p.reverses_id IS NOT NULL THEN '{REVERSAL.key}' "
            f"WHEN p.method IN ({_quoted(METHOD_KINDS)}) THEN p.method ELSE '{PAYMENT.key}' END)")
_REVERSED = "EXISTS (SELECT 1 FROM payment r WHERE r.reverses_id = p.id)"  # ux_payment_reverses

# sort key -> the SQL terms of the order (before the entry number)
_ORDER = {
    "id": (),
    "date": ("p.date",),
    "customer": ("lower(c.name)", "c.id", "p.date"),
    "amount": ("p.amount",),
    "applied": (applied_sql,),
    "unapplied": (unapplied_sql,),
    "kind": (kind_sql,),
    "method": ("lower(p.method)",),
    "reference": ("lower(p.reference)",),
}
SORT_KEYS = tuple(_ORDER)
_PAGED = ("id", "date", "customer")  # orders an index walk gives


@dataclass(frozen=True)
class PaymentList:
    """The entries a filter keeps (storage.payments_repo.PaymentFilter's fields), in one sort order."""

    customer_id: int | None = None
    date_from: object = None  # datetime.date
    date_to: object = None
    kind: str = "all"
    only_unapplied: bool = False
    search: str = ""
    sort: str = "date"
    descending: bool = True

    def __post_init__(self):
        if self.sort not in _ORDER:
            raise ValueError(f"unknown sort key {self.sort!r}")

    @classmethod
    def of(cls, f, sort: str = "date", descending: bool = True) -> PaymentList:
        return cls(f.customer_id, f.date_from, f.date_to, f.kind, f.only_unapplied, f.search, sort, descending)

    @property
    def paged(self) -> bool:
        """Whether a page is an index walk (else the ids are read once: ``all_ids``)."""
        return (self.sort in _PAGED and self.customer_id is None and (self.kind or "all") == "all"
                and not self.only_unapplied and not self.search.strip()
                and not (self.sort == "customer" and (self.date_from or self.date_to)))

    # -- the SQL ---------------------------------------------------------------------------------
    def _from(self, counting: bool = False) -> str:
        if self.sort == "customer" and not counting:
            # customers in name order, each one's entries from its index: a page reads only its own rows
            return "FROM customer c CROSS JOIN payment p ON p.customer_id = c.id"
        if self.search.strip():
            return "FROM payment p JOIN customer c ON c.id = p.customer_id"
        return "FROM payment p"

    def where(self) -> tuple[str, dict]:
        terms, p = customer_and_period("p", "date", self.customer_id, self.date_from, self.date_to)
        if self.kind and self.kind != "all":
            terms.append(f"{kind_sql} = :kind")
            p["kind"] = self.kind
        if self.only_unapplied:
            terms.append(f"{unapplied_sql} > 0 AND NOT {_REVERSED}")
        text = self.search.strip()
        if text:
            # LIKE ignores the case of ASCII letters, as before (lower() on both sides)
            like = " OR ".join(f"{col} LIKE :pattern ESCAPE '\\'" for col in
                               ("p.reference", "p.method", "p.note", "c.code", "c.name"))
            p["pattern"] = f"%{_escape_like(text)}%"
            if text.isdigit():
                like += " OR p.id = :entry"
                p["entry"] = int(text)
            terms.append(f"({like})")
        return " WHERE " + " AND ".join(terms) if terms else " WHERE 1", p

    def _keys(self) -> tuple[str, ...]:
        return (*_ORDER[self.sort], "p.id")

    def _order_by(self) -> str:
        way = " DESC" if self.descending else ""
        return " ORDER BY " + ", ".join(k + way for k in self._keys())

    def _select_ids(self) -> tuple[str, dict]:
        where, p = self.where()
        return f"SELECT p.id {self._from()}{where}{self._order_by()}", p

    # -- what the list asks (storage.paging.ListQuery) -------------------------------------------
    def count(self, s: Session) -> int:
        where, p = self.where()
        return _driver(s).execute(f"SELECT count(*) {self._from(counting=True)}{where}", p).fetchone()[0]

    def ids(self, s: Session, offset: int, limit: int) -> list[int]:
        sql, p = self._select_ids()
        return _column(_driver(s), f"{sql} LIMIT :limit OFFSET :offset", {**p, "limit": limit, "offset": offset})

    def position(self, s: Session, payment_id: int) -> int | None:
        """Where the entry stands in the order (0 = first), or None when the filter does not keep it."""
        where, p = self.where()
        keys = self._keys()
        con = _driver(s)
        row = con.execute(f"SELECT {', '.join(keys)} {self._from()}{where} AND p.id = :ident",
                          {**p, "ident": payment_id}).fetchone()
        if row is None:
            return None
        before = (f" AND ({', '.join(keys)}) {'>' if self.descending else '<'} "
                  f"({', '.join(f':k{n}' for n in range(len(keys)))})")
        return con.execute(f"SELECT count(*) {self._from()}{where}{before}",
                           {**p, **{f"k{n}": v for n, v in enumerate(row)}}).fetchone()[0]

    def all_ids(self, s: Session) -> Sequence[int]:
        """Every id the filter keeps, in order, as an ``array('q')`` (never a list of ORM rows)."""
        sql, p = self._select_ids()
        cur = _driver(s).cursor()
        cur.row_factory = lambda _cur, row: row[0]
        return array("q", cur.execute(sql, p).fetchall())

    def totals(self, s: Session) -> list[tuple[str, int, int, int, int]]:
        """Per currency: entries kept, their net amount, the part that may be customer credit (all but
        recoveries, which are income) and what they apply, in minor units; two aggregates, not one per row."""
        where, p = self.where()
        con = _driver(s)
        found = con.execute(
            f"SELECT p.currency, count(*), sum(p.amount), "
            f"sum(CASE WHEN p.method = '{RECOVERY.key}' THEN 0 ELSE p.amount END) "
            f"{self._from(counting=True)}{where} GROUP BY p.currency", p).fetchall()
        customer = " JOIN customer c ON c.id = p.customer_id" if self.search.strip() else ""
        applied = dict(con.execute(
            f"SELECT p.currency, sum(a.amount) FROM allocation a JOIN payment p ON p.id = a.payment_id{customer}"
            f"{where} GROUP BY p.currency", p).fetchall())
        return [(cur, n, int(units or 0), int(credit or 0), int(applied.get(cur) or 0))
                for cur, n, units, credit in sorted(found)]

    def plan(self, s: Session) -> list[str]:
        """SQLite's plan for a page (for tests and benchmarks: which index answers)."""
        sql, p = self._select_ids()
        return [r[3] for r in _driver(s).execute(f"EXPLAIN QUERY PLAN {sql} LIMIT 200", p)]


def _driver(s: Session) -> sqlite3.Connection:
    return s.connection().connection.driver_connection


def _column(con: sqlite3.Connection, sql: str, params: dict) -> list[int]:
    cur = con.cursor()
    cur.row_factory = lambda _cur, row: row[0]
    return cur.execute(sql, params).fetchall()
