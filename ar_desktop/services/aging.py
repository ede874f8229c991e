"""The aging report as of a date, per customer and in total, one block per currency."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ar_desktop.domain.aging import AgingRow, total_row
from ar_desktop.services.context import Books
from ar_desktop.storage import aging_repo


@dataclass(frozen=True)
class AgingBlock:
    currency: str
    rows: tuple[AgingRow, ...]
    total: AgingRow


def aging_report(books: Books, as_of: dt.date) -> list[AgingBlock]:
    with books.db.reader() as con:
        rows = aging_repo.aging(con, as_of)
    blocks = []
    for currency in sorted({r.currency for r in rows}):
        mine = tuple(sorted((r for r in rows if r.currency == currency), key=lambda r: r.customer_code))
        blocks.append(AgingBlock(currency, mine, total_row(list(mine), currency)))
    return blocks
