"""Every table of a company file as plain rows, for moving a company's books in plain files.

Customers, invoices, payments and allocations move as the importer's lists (their ids are the new
file's own); every other table moves here, generically from the schema, so that a table added
later moves too. A reference to a customer or an invoice is written as its code or number (the
new file numbers them anew); a reference to a payment is the exported ``payment_id``, which the
caller maps to the new id; every other id is kept as it is (the new file is empty).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator

from sqlalchemy import Boolean, Date, DateTime, Integer, Table, delete, insert, select
from sqlalchemy.orm import Session

from ar_desktop.storage.day_columns import DayNumber, Stamp
from ar_desktop.storage.orm import Customer, Invoice
from ar_desktop.storage.schema import metadata

LISTS = ("customer", "invoice", "payment", "allocation")  # moved by the importer
HISTORY_ONLY = ("audit_entry",)  # written for the record; the new file keeps its own trail
_NATURAL = {"customer": ("customer_code", Customer, "code"), "invoice": ("invoice_number", Invoice, "number")}


def tables() -> list[Table]:
    """The tables moved here, parents before children."""
    return [t for t in metadata.sorted_tables if t.name not in LISTS]


def header(table: Table) -> list[str]:
    return [_name(c) for c in table.columns]


def _name(column) -> str:
    target = _target(column)
    return _NATURAL[target][0] if target in _NATURAL else column.name


def _target(column) -> str | None:
    fks = list(column.foreign_keys)
    return fks[0].column.table.name if fks else None


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value)


def dump(s: Session, table: Table) -> Iterator[list[str]]:
    """The rows of ``table`` as text, references to customers and invoices by code and number."""
    codes = {}
    for target, (_n, cls, key) in _NATURAL.items():
        if any(_target(c) == target for c in table.columns):
            codes[target] = dict(s.execute(select(cls.id, getattr(cls, key))).tuples().all())
    pk = list(table.primary_key.columns)
    for row in s.execute(select(table).order_by(*pk)):
        out = []
        for c, v in zip(table.columns, row, strict=True):
            target = _target(c)
            out.append(_text(codes[target].get(v) if target in codes and v is not None else v))
        yield out


def clear(s: Session, skip: tuple[str, ...] = ()) -> None:
    """Empty the moved tables of a new file (its seeded defaults give way to the books moved in)."""
    for table in reversed(tables()):
        if table.name not in skip:
            s.execute(delete(table))


class LoadProblem(Exception):
    def __init__(self, column: str, value: str, what: str):
        self.column, self.value, self.what = column, value, what
        super().__init__(f"{column}: {what}")


def load(s: Session, table: Table, names: list[str], rows: Iterable[list[str]],
         payment_id: Callable[[int], int | None], on_row: Callable[[int], None] = lambda n: None) -> int:
    """Insert rows written by ``dump`` into ``table`` of an empty file; raises LoadProblem naming the cell."""
    by_name = {_name(c): c for c in table.columns}
    unknown = [n for n in names if n not in by_name]
    if unknown:
        raise LoadProblem(", ".join(unknown), "", "unknown column(s)")
    keys = {}
    for target, (_n, cls, key) in _NATURAL.items():
        if any(_target(c) == target for c in table.columns):
            keys[target] = dict(s.execute(select(getattr(cls, key), cls.id)).tuples().all())
    batch, count = [], 0
    for values in rows:
        record = {}
        for name, text in zip(names, values, strict=False):
            column = by_name[name]
            record[column.name] = _value(column, _target(column), name, text, keys, payment_id)
        batch.append(record)
        count += 1
        if len(batch) >= 2000:
            s.execute(insert(table), batch)
            batch = []
            on_row(count)
    if batch:
        s.execute(insert(table), batch)
    return count


def _value(column, target, name, text: str, keys, payment_id):
    if text == "" and column.nullable and not column.primary_key:
        return None if not _is_text(column) or target else ""
    if target in keys:
        found = keys[target].get(text)
        if found is None:
            raise LoadProblem(name, text, f"there is no {target} {text}")
        return found
    if target == "payment":
        found = payment_id(int(text)) if text.isdigit() else None
        if found is None:
            raise LoadProblem(name, text, "there is no such payment in payments.csv")
        return found
    kind = column.type
    try:
        if isinstance(kind, Boolean):
            if text not in ("yes", "no"):
                raise ValueError
            return text == "yes"
        if isinstance(kind, DateTime | Stamp):
            return dt.datetime.fromisoformat(text)
        if isinstance(kind, Date | DayNumber):
            return dt.date.fromisoformat(text)
        if isinstance(kind, Integer):
            return int(text)
    except ValueError:
        raise LoadProblem(name, text, f"not a {type(kind).__name__.lower()}") from None
    return text


def _is_text(column) -> bool:
    return not isinstance(column.type, Boolean | Date | DateTime | Integer | DayNumber | Stamp)
