"""Reference-rate tables in the company file (rate_percent kept as exact decimal text)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ar_desktop.domain.reference_rates import KNOWN_TABLES, RateBook, RateRow
from ar_desktop.storage.orm_letters import ReferenceRate


def _row(r: ReferenceRate) -> RateRow:
    return RateRow(r.rate_table, r.effective_from, Decimal(r.rate_percent), r.note)


def count(s: Session) -> int:
    return s.scalar(select(func.count()).select_from(ReferenceRate)) or 0


def all_rows(s: Session, table: str | None = None) -> list[RateRow]:
    """Every row (or one table's), by table key order then date."""
    q = select(ReferenceRate)
    if table is not None:
        q = q.where(ReferenceRate.rate_table == table)
    rows = [_row(r) for r in s.scalars(q)]
    order = {k: i for i, k in enumerate(KNOWN_TABLES)}
    rows.sort(key=lambda r: (order.get(r.table, len(order)), r.table, r.effective_from))
    return rows


def rate_book(s: Session) -> RateBook:
    return RateBook.from_rows(all_rows(s))


def find(s: Session, table: str, effective_from: dt.date) -> ReferenceRate | None:
    return s.scalar(select(ReferenceRate).where(ReferenceRate.rate_table == table,
                                                ReferenceRate.effective_from == effective_from))


def add(s: Session, row: RateRow) -> None:
    s.add(ReferenceRate(rate_table=row.table, effective_from=row.effective_from, rate_percent=str(row.rate_percent),
                        note=row.note))
    s.flush()


def add_many(s: Session, rows: Iterable[RateRow]) -> int:
    n = 0
    for row in rows:
        s.add(ReferenceRate(rate_table=row.table, effective_from=row.effective_from,
                            rate_percent=str(row.rate_percent), note=row.note))
        n += 1
    s.flush()
    return n


def update(s: Session, table: str, effective_from: dt.date, rate_percent: Decimal, note: str) -> None:
    r = find(s, table, effective_from)
    if r is not None:
        r.rate_percent, r.note = str(rate_percent), note


def delete(s: Session, table: str, effective_from: dt.date) -> bool:
    r = find(s, table, effective_from)
    if r is None:
        return False
    s.delete(r)
    s.flush()
    return True
