"""Customers: lookups, writes and the list query (balances computed in SQL)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.money import from_minor
from ar_desktop.domain.records import CustomerData
from ar_desktop.domain.text import Text, translate
from ar_desktop.storage.days import as_date, day
from ar_desktop.storage.convert import customer_columns, customer_data
from ar_desktop.storage.customer_list import SORT_KEYS, CustomerList, balances_sql
from ar_desktop.storage.orm import Allocation, Customer, Invoice, Payment


@dataclass(frozen=True)
class CustomerRow:
    id: int
    code: str
    name: str
    credit_class: str
    currency: str
    city: str
    country: str
    open_balance: Decimal
    overdue_amount: Decimal
    oldest_days_overdue: int | None
    credit_limit: Decimal | None
    on_hold: bool


def add(s: Session, data: CustomerData) -> int:
    if s.scalar(select(Customer.id).where(Customer.code == data.code)) is not None:
        raise UserError(Text(translate("Messages", "A customer with code '{code}' already exists. Choose another "
                                                   "code."), code=data.code))
    c = Customer(**customer_columns(data))
    s.add(c)
    s.flush()
    return c.id


def update(s: Session, customer_id: int, data: CustomerData) -> None:
    c = s.get(Customer, customer_id)
    if c is None:
        raise UserError(Text(translate("Messages", "That customer no longer exists.")))
    clash = s.scalar(select(Customer.id).where(Customer.code == data.code, Customer.id != customer_id))
    if clash is not None:
        raise UserError(Text(translate("Messages", "A customer with code '{code}' already exists. Choose another "
                                                   "code."), code=data.code))
    if data.currency != c.currency and s.scalar(select(func.count()).where(Invoice.customer_id == customer_id)):
        raise UserError(Text(translate("Messages", "{name} already has invoices in {currency}; its currency cannot "
                                                   "be changed."), name=c.name, currency=c.currency))
    for k, v in customer_columns(data).items():
        setattr(c, k, v)


def get(s: Session, customer_id: int) -> CustomerData:
    c = s.get(Customer, customer_id)
    if c is None:
        raise UserError(Text(translate("Messages", "That customer no longer exists.")))
    return customer_data(c)


def id_by_code(s: Session, code: str) -> int | None:
    return s.scalar(select(Customer.id).where(Customer.code == code))


def ids_by_code(s: Session) -> dict[str, int]:
    return dict(s.execute(select(Customer.code, Customer.id)).tuples().all())


def terms_by_code(s: Session) -> dict[str, tuple[int, int, str]]:
    """code -> (id, terms days, currency), for imports."""
    rows = s.execute(select(Customer.code, Customer.id, Customer.terms_days, Customer.currency))
    return {code: (cid, terms, cur) for code, cid, terms, cur in rows}


def customer_list(as_of: dt.date, *, search: str = "", sort: str = "code", descending: bool = False,
                  only_overdue: bool = False) -> CustomerList:
    """The list query (sorted and paged in SQL: storage.customer_list)."""
    return CustomerList(as_of, search=search, only_overdue=only_overdue, sort=sort, descending=descending)


def rows(s: Session, ids: Sequence[int], as_of: dt.date) -> list[CustomerRow]:
    ids = list(ids)
    if not ids:
        return []
    balances = {}
    for part in range(0, len(ids), 900):  # SQLite caps the number of bound parameters
        chunk = ids[part:part + 900]
        marks = ", ".join(f":c{n}" for n in range(len(chunk)))
        sql = balances_sql(f" AND customer_id IN ({marks})")
        params = {"as_of": day(as_of), **{f"c{n}": cid for n, cid in enumerate(chunk)}}
        balances.update({r.cid: r for r in s.execute(text(sql), params)})
    out = {}
    for c in s.scalars(select(Customer).where(Customer.id.in_(ids))):
        b = balances.get(c.id)
        open_, overdue, oldest = (b.open, b.overdue, b.oldest_due) if b else (0, 0, None)
        out[c.id] = CustomerRow(
            c.id, c.code, c.name, c.credit_class, c.currency, c.city, c.country,
            from_minor(open_, c.currency), from_minor(overdue, c.currency),
            (as_of - _as_date(oldest)).days if oldest else None,
            None if c.credit_limit is None else from_minor(c.credit_limit, c.currency), c.on_hold)
    return [out[i] for i in ids if i in out]


class CustomerChoice(NamedTuple):
    """A customer as a picker shows it: code, name and what it owes now (minor units until asked). A plain
    tuple: ten thousand of them are made on every reading of the picker."""

    id: int
    code: str
    name: str
    currency: str
    open_units: int
    overdue_units: int

    @property
    def open_balance(self) -> Decimal:
        return from_minor(self.open_units, self.currency)

    @property
    def overdue_amount(self) -> Decimal:
        return from_minor(self.overdue_units, self.currency)


_BY_CODE = "SELECT id, code, name, currency FROM customer ORDER BY code"


def choices(con: sqlite3.Connection, as_of: dt.date) -> list[CustomerChoice]:
    """Every customer by code with its balances: the customers by their code's index and the sums from the
    open invoices' index, two plain queries joined here (SQLite would build a temporary index to join them),
    read on the DB-API connection (ten thousand rows: SQLAlchemy's row handling would double the time)."""
    owed = {cid: (open_, overdue) for cid, open_, overdue in con.execute(
        balances_sql(oldest=False).replace(":as_of", "?"), (day(as_of),))}
    nothing = (0, 0)
    return [CustomerChoice(cid, code, name, cur, *owed.get(cid, nothing))
            for cid, code, name, cur in con.execute(_BY_CODE)]


def codes_and_names(con: sqlite3.Connection) -> list[tuple[int, str, str]]:
    """(id, code, name) of every customer, by code: a picker without balances."""
    return con.execute("SELECT id, code, name FROM customer ORDER BY code").fetchall()


def count(s: Session) -> int:
    return s.scalar(select(func.count()).select_from(Customer)) or 0


def unapplied_credit(s: Session, customer_id: int) -> int:
    paid = s.scalar(select(func.coalesce(func.sum(Payment.amount), 0)).where(Payment.customer_id == customer_id,
                                                                              Payment.method != "recovery"))
    applied = s.scalar(select(func.coalesce(func.sum(Allocation.amount), 0)).join(Payment)
                       .where(Payment.customer_id == customer_id))
    return int(paid) - int(applied)


_as_date = as_date


def classes_by_code(s: Session) -> list[tuple[str, str]]:
    """(code, credit class) of every customer."""
    return list(s.execute(select(Customer.code, Customer.credit_class)).tuples())


def records_of(s: Session, customer_id: int) -> dict[str, int]:
    """How many rows of each table refer to the customer (a table that only configures it, such as
    its own ladder, is not counted: it goes with the customer)."""
    from sqlalchemy import Table

    from ar_desktop.storage.schema import metadata

    out: dict[str, int] = {}
    for table in metadata.sorted_tables:
        assert isinstance(table, Table)
        for column in table.columns:
            if any(fk.column.table.name == "customer" for fk in column.foreign_keys) and table.name not in OWNED:
                n = s.scalar(select(func.count()).select_from(table).where(column == customer_id)) or 0
                if n:
                    out[table.name] = n
    return out


OWNED = ("customer_ladder",)


def delete(s: Session, customer_id: int) -> None:
    from sqlalchemy import delete as sql_delete

    from ar_desktop.storage.schema import metadata

    for name in OWNED:
        table = metadata.tables[name]
        s.execute(sql_delete(table).where(table.c.customer_id == customer_id))
    s.delete(s.get(Customer, customer_id))
