"""The aging report as one GROUP BY over the invoices open on the day, its buckets built from the
domain's bucket definitions.

Plain SQL on the DB-API connection (a session's or ``Database.reader``'s): the `aging` command then
loads no SQLAlchemy, and nothing is compiled per call."""

from __future__ import annotations

import datetime as dt

from ar_desktop.domain.aging import BUCKETS, AgingRow
from ar_desktop.domain.money import from_minor
from ar_desktop.storage.kpi_sql import bucket_sums, dbapi
from ar_desktop.storage.spans import open_sql, paid_on_sql


def aging(s, as_of: dt.date, customer_id: int | None = None) -> list[AgingRow]:
    """Open amount per customer and currency as of ``as_of``: the invoices open on that day
    (storage.spans.open_sql: issued by then, neither cleared nor voided by then), less what was applied
    to them by then. Only those invoices and their later allocations are read, not the history.
    ``s``: a session or a DB-API connection."""
    paid, paid_args = paid_on_sql(as_of)
    where, params = ("customer_id = ?", (customer_id,)) if customer_id is not None else ("", ())
    rows, args = open_sql(as_of, f"customer_id, currency, due_date, amount - {paid} AS units", where, params,
                          paid_args)
    sums, sum_args = bucket_sums(as_of)
    # grouped before the customer is joined: one customer lookup per row of the report, not per invoice
    q = (f"SELECT c.code, c.name, o.currency, {', '.join('o.' + b.key for b in BUCKETS)} "
         f"FROM (SELECT customer_id, currency, {sums} FROM ({rows}) "
         "GROUP BY customer_id, currency HAVING sum(units) != 0) AS o JOIN customer c ON c.id = o.customer_id "
         "ORDER BY o.currency, c.code")
    # thousands of rows: straight from the cursor, each bucket's Decimal made once
    return [AgingRow(code, name, currency, {b.key: from_minor(units or 0, currency)
                                            for b, units in zip(BUCKETS, amounts, strict=True)})
            for code, name, currency, *amounts in dbapi(s).execute(q, [*sum_args, *args])]
