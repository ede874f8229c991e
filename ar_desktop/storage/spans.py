"""The span classes of ``storage.open_set`` without SQLAlchemy: what a plain-SQL reader (the figures of
``storage.kpi_sql``, which the command line answers without importing the ORM) needs to ask the same
index ranges as ``open_set.open_rows`` and ``cleared_rows``.

The range texts here are those functions' conditions written out; ``tests/storage/test_kpi_sql.py``
holds the two equal over random histories and dates.
"""

from __future__ import annotations

import datetime as dt

from ar_desktop.storage.days import day

# How long an invoice stayed open, in classes: class k < SPAN_OPEN means closed at most SPAN_DAYS[k]
# days after it was issued (the last class: any longer); SPAN_OPEN, not closed yet. An invoice of
# class k open on D was therefore issued after D - SPAN_DAYS[k] (see storage.open_set).
SPAN_DAYS = tuple(8 << k for k in range(11))   # 8, 16, ... 8192 days
SPAN_OPEN = len(SPAN_DAYS) + 1
EARLIEST = dt.date(1, 1, 1)


def class_ranges(as_of: dt.date) -> list[tuple[int, dt.date]]:
    """(span class, earliest issue date an invoice of that class open on D can have)."""
    out = []
    for k, days in enumerate(SPAN_DAYS):
        try:
            out.append((k, as_of - dt.timedelta(days=days)))
        except OverflowError:
            out.append((k, EARLIEST))
    return out + [(len(SPAN_DAYS), EARLIEST), (SPAN_OPEN, EARLIEST)]


def _union(arms: list[tuple[list[str], list]], columns: str, where: str, params: tuple,
           group_by: str = "") -> tuple[str, list]:
    """UNION ALL of SELECT ``columns`` FROM invoice, one arm per (conditions, their arguments), each
    with ``where`` and its ``params`` added (and grouped by ``group_by`` within the arm)."""
    parts, args = [], []
    for cond, a in arms:
        if where:
            cond, a = [*cond, f"({where})"], [*a, *params]
        parts.append(f"SELECT {columns} FROM invoice WHERE {' AND '.join(cond)}"
                     + (f" GROUP BY {group_by}" if group_by else ""))
        args += a
    return " UNION ALL ".join(parts), args


def open_sql(as_of: dt.date, columns: str, where: str = "", params: tuple = (),
             column_params: list | tuple = ()) -> tuple[str, list]:
    """``open_set.open_rows`` as text: SELECT ``columns`` (with their ``column_params``) FROM invoice of
    every invoice open on D (``where``: more conditions with their ``params``), one range of
    ix_invoice_span per class."""
    d = day(as_of)
    arms = []
    for k, earliest in class_ranges(as_of):
        cond, a = ["span_class = ?", "issue_date <= ?"], [*column_params, k, d]
        if earliest > EARLIEST:
            cond.append("issue_date >= ?")
            a.append(day(earliest))
        if k != SPAN_OPEN:   # open classes have no closing day yet
            cond.append("closed_on > ?")
            a.append(d)
        arms.append((cond, a))
    return _union(arms, columns, where, params)


def cleared_sql(start: dt.date, end: dt.date, columns: str, where: str = "", params: tuple = (),
                as_of: dt.date | None = None) -> tuple[str, list]:
    """``open_set.cleared_rows`` as text: the invoices their allocations cleared in (start, end] and
    not voided by ``as_of`` (default ``end``; closed then, by their allocations), one range per class."""
    cleared = "paid >= amount AND last_paid_on = closed_on AND (voided IS 0 OR voided_on > ?)"
    arms = []
    for k, earliest in class_ranges(start):
        if k == SPAN_OPEN:
            continue   # never closed
        cond = ["span_class = ?", "issue_date <= ?", "closed_on > ?", "closed_on <= ?"]
        a = [k, day(end), day(start), day(end)]
        if earliest > EARLIEST:
            cond.append("issue_date > ?")
            a.append(day(earliest))
        arms.append(([*cond, cleared], [*a, day(as_of or end)]))
    return _union(arms, columns, where, params)


def paid_on_sql(as_of: dt.date) -> tuple[str, list]:
    """``open_set.paid_on`` as text, for a query FROM invoice: the units allocated by D (none when the first
    allocation is after D, all when the last is by D: a seek in the allocations only for those between)."""
    d = day(as_of)
    return ("(CASE WHEN last_paid_on > ? THEN CASE WHEN first_paid_on > ? THEN 0 ELSE paid - (SELECT "
            "coalesce(sum(a.amount), 0) FROM allocation a WHERE a.invoice_id = invoice.id AND a.date > ?) END "
            "ELSE paid END)"), [d, d, d]
