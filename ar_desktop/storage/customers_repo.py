"""Customers: lookups, writes and the list query (balances computed in SQL)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import case, false, func, or_, select
from sqlalchemy.orm import Session

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.money import from_minor
from ar_desktop.domain.records import CustomerData
from ar_desktop.storage.convert import customer_columns, customer_data
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
        raise UserError(f"A customer with code '{data.code}' already exists. Choose another code.")
    c = Customer(**customer_columns(data))
    s.add(c)
    s.flush()
    return c.id


def update(s: Session, customer_id: int, data: CustomerData) -> None:
    c = s.get(Customer, customer_id)
    if c is None:
        raise UserError("That customer no longer exists.")
    clash = s.scalar(select(Customer.id).where(Customer.code == data.code, Customer.id != customer_id))
    if clash is not None:
        raise UserError(f"A customer with code '{data.code}' already exists. Choose another code.")
    if data.currency != c.currency and s.scalar(select(func.count()).where(Invoice.customer_id == customer_id)):
        raise UserError(f"{c.name} already has invoices in {c.currency}; its currency cannot be changed.")
    for k, v in customer_columns(data).items():
        setattr(c, k, v)


def get(s: Session, customer_id: int) -> CustomerData:
    c = s.get(Customer, customer_id)
    if c is None:
        raise UserError("That customer no longer exists.")
    return customer_data(c)


def id_by_code(s: Session, code: str) -> int | None:
    return s.scalar(select(Customer.id).where(Customer.code == code))


def ids_by_code(s: Session) -> dict[str, int]:
    return dict(s.execute(select(Customer.code, Customer.id)).tuples().all())


def terms_by_code(s: Session) -> dict[str, tuple[int, int, str]]:
    """code -> (id, terms days, currency), for imports."""
    rows = s.execute(select(Customer.code, Customer.id, Customer.terms_days, Customer.currency))
    return {code: (cid, terms, cur) for code, cid, terms, cur in rows}


def _balances(as_of: dt.date):
    """Per customer: open balance, overdue amount and oldest overdue due date (open invoices only)."""
    open_amt = Invoice.amount - Invoice.paid
    overdue = Invoice.due_date < as_of
    return (
        select(
            Invoice.customer_id.label("cid"),
            func.sum(open_amt).label("open"),
            func.sum(case((overdue, open_amt), else_=0)).label("overdue"),
            func.min(case((overdue, Invoice.due_date), else_=None)).label("oldest_due"),
        )
        # "voided = 0", not "IS 0": SQLite uses the partial index ix_invoice_open only when the query
        # repeats its WHERE terms as written; a full scan of a million invoices takes seconds.
        .where(Invoice.paid < Invoice.amount, Invoice.voided == false())
        .group_by(Invoice.customer_id)
        .subquery()
    )


SORT_KEYS = ("code", "name", "credit_class", "city", "open_balance", "overdue_amount", "oldest_days_overdue",
             "credit_limit", "currency")


def list_ids(s: Session, as_of: dt.date, *, search: str = "", sort: str = "code", descending: bool = False,
             only_overdue: bool = False) -> list[int]:
    b = _balances(as_of)
    columns = {
        "code": Customer.code, "name": func.lower(Customer.name), "credit_class": Customer.credit_class,
        "city": Customer.city, "open_balance": func.coalesce(b.c.open, 0),
        "overdue_amount": func.coalesce(b.c.overdue, 0),
        # oldest overdue means smallest due date
        "oldest_days_overdue": b.c.oldest_due, "credit_limit": Customer.credit_limit,
        "currency": Customer.currency,
    }
    col = columns[sort]
    if sort == "oldest_days_overdue":
        descending = not descending
    q = select(Customer.id).outerjoin(b, b.c.cid == Customer.id)
    if search.strip():
        pattern = f"%{_escape_like(search.strip())}%"
        q = q.where(or_(Customer.code.ilike(pattern, escape="\\"), Customer.name.ilike(pattern, escape="\\"),
                        Customer.city.ilike(pattern, escape="\\"), Customer.contact.ilike(pattern, escape="\\")))
    if only_overdue:
        q = q.where(b.c.overdue > 0)
    # customers with nothing overdue sort last in either direction
    first = [b.c.oldest_due.is_(None)] if sort == "oldest_days_overdue" else []
    q = q.order_by(*first, col.desc() if descending else col.asc(), Customer.code.asc())
    return list(s.scalars(q))


def rows(s: Session, ids: list[int], as_of: dt.date) -> list[CustomerRow]:
    if not ids:
        return []
    b = _balances(as_of)
    q = (select(Customer, b.c.open, b.c.overdue, b.c.oldest_due)
         .outerjoin(b, b.c.cid == Customer.id).where(Customer.id.in_(ids)))
    out = {}
    for c, open_, overdue, oldest in s.execute(q):
        oldest_days = (as_of - _as_date(oldest)).days if oldest else None
        out[c.id] = CustomerRow(
            c.id, c.code, c.name, c.credit_class, c.currency, c.city, c.country,
            from_minor(open_ or 0, c.currency), from_minor(overdue or 0, c.currency), oldest_days,
            None if c.credit_limit is None else from_minor(c.credit_limit, c.currency), c.on_hold)
    return [out[i] for i in ids if i in out]


def count(s: Session) -> int:
    return s.scalar(select(func.count()).select_from(Customer)) or 0


def unapplied_credit(s: Session, customer_id: int) -> int:
    paid = s.scalar(select(func.coalesce(func.sum(Payment.amount), 0)).where(Payment.customer_id == customer_id,
                                                                              Payment.method != "recovery"))
    applied = s.scalar(select(func.coalesce(func.sum(Allocation.amount), 0)).join(Payment)
                       .where(Payment.customer_id == customer_id))
    return int(paid) - int(applied)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _as_date(v) -> dt.date:
    return v if isinstance(v, dt.date) else dt.date.fromisoformat(str(v))




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
