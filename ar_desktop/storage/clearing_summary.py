"""Per customer and month, the invoices cleared in it: what the payment behaviour (the worklist's
suggested class) and the forecast's days late sum over a year, read as ~12 rows per customer
instead of every invoice cleared in the year (~330,000 index entries on a million-invoice file).

The table ``clearing_month`` (migration 0020) holds, per (customer, month of the clearing day,
``since``, ``until``), the count of the invoices cleared that month, how many of them late, their
days late and their days to pay summed. An invoice counts exactly as ``open_set.cleared_rows`` counts
it for a period ending on D: paid in full, cleared by its last allocation (``last_paid_on =
closed_on``), issued by D and not voided by D. The last two depend on D, so they are in the key:
``since`` is the issue date when it is after the clearing day (the first day, 0001-01-01, otherwise,
nearly always) and ``until`` the void day (9999-12-31 when not voided), both day numbers
(storage.days); the invoice counts for D when ``since <= D < until``.

Kept in step by triggers on ``invoice`` (its derived columns change only where allocations and
voids are written: payments_repo, bulk_repo, the ORM's ``orm.derived``): every change of an invoice
row takes its old contribution out and puts its new one in, in the writer's own transaction, so
the summary and the allocations change together or not at all. ``rebuild`` recomputes it from the
invoices (the migration, and ``restore`` when a table rebuild dropped the triggers); ``problems``
tells ``check`` where it differs from that recomputation.

``counts`` answers a period (start, D]: the whole months inside it from the summary, the part-months
at its two ends from ``cleared_rows`` (the invoices themselves), so the answer is exact for any D; a part-month
longer than the rest of its month as the month's rows less that rest, read from the invoices (``_from_month``).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import operator
import sqlite3
from collections.abc import Collection
from typing import NamedTuple

from ar_desktop.domain.text import Text, translate
from ar_desktop.storage import derived_tables, kpi_sql
from ar_desktop.storage.days import FIRST, LAST, date_of, day, month_sql
from ar_desktop.storage.spans import cleared_sql

__all__ = ["TABLE", "ClearingCounts", "counts", "history_sql", "month_days", "problems", "put_rows", "rebuild",
           "restore", "returned_sql", "split_period", "sums"]

TABLE = "clearing_month"
NOT_VOIDED = LAST   # the day number of 9999-12-31
NOT_AFTER = FIRST   # of 0001-01-01


def _counts_sql(r: str) -> str:
    """Whether invoice row ``r`` (old / new / i) counts as cleared (open_set.cleared_rows)."""
    return (f"{r}.closed_on IS NOT NULL AND {r}.paid >= {r}.amount AND {r}.last_paid_on = {r}.closed_on "
            f"AND (NOT {r}.voided OR {r}.voided_on IS NOT NULL)")


def _key_parts(r: str) -> list[str]:
    return [f"{r}.customer_id", month_sql(f"{r}.closed_on"),
            f"CASE WHEN {r}.issue_date > {r}.closed_on THEN {r}.issue_date ELSE {NOT_AFTER} END",
            f"CASE WHEN {r}.voided THEN {r}.voided_on ELSE {NOT_VOIDED} END"]


def _key_sql(r: str) -> str:
    return ", ".join(_key_parts(r))


def _values_sql(r: str) -> str:
    return f"1, {r}.closed_on > {r}.due_date, max({r}.closed_on - {r}.due_date, 0), {r}.closed_on - {r}.issue_date"


_COLUMNS = "customer_id, month, since, until, invoices, late, days_late, days_to_pay"
_KEY_COLUMNS = ("customer_id", "month", "since", "until")


def _add(r: str) -> str:
    return (f"INSERT INTO {TABLE} ({_COLUMNS}) SELECT {_key_sql(r)}, {_values_sql(r)} WHERE {_counts_sql(r)} "
            "ON CONFLICT (customer_id, month, since, until) DO UPDATE SET invoices = invoices + excluded.invoices, "
            "late = late + excluded.late, days_late = days_late + excluded.days_late, "
            "days_to_pay = days_to_pay + excluded.days_to_pay;")


def _take(r: str) -> str:
    late = f"{r}.closed_on - {r}.due_date"
    to_pay = f"({r}.closed_on - {r}.issue_date)"
    key = " AND ".join(f"{name} = {sql}" for name, sql in zip(_KEY_COLUMNS, _key_parts(r)))
    return (f"UPDATE {TABLE} SET invoices = invoices - 1, late = late - ({r}.closed_on > {r}.due_date), "
            f"days_late = days_late - max({late}, 0), days_to_pay = days_to_pay - {to_pay} WHERE {key}; "
            f"DELETE FROM {TABLE} WHERE {key} AND invoices = 0;")


# The columns a contribution depends on: an update of any other column fires nothing.
_WATCHED = "customer_id, issue_date, due_date, amount, voided, voided_on, paid, last_paid_on, closed_on"


def statements() -> dict[str, str]:
    """object name -> CREATE statement (the table and its four triggers)."""
    return {
        TABLE: f"CREATE TABLE {TABLE} (customer_id INTEGER NOT NULL, month TEXT NOT NULL, since INTEGER NOT NULL, "
               "until INTEGER NOT NULL, invoices INTEGER NOT NULL, late INTEGER NOT NULL, days_late INTEGER NOT NULL, "
               "days_to_pay INTEGER NOT NULL, PRIMARY KEY (customer_id, month, since, until)) WITHOUT ROWID",
        f"{TABLE}_insert": f"CREATE TRIGGER {TABLE}_insert AFTER INSERT ON invoice WHEN {_counts_sql('new')} "
                           f"BEGIN {_add('new')} END",
        f"{TABLE}_delete": f"CREATE TRIGGER {TABLE}_delete AFTER DELETE ON invoice WHEN {_counts_sql('old')} "
                           f"BEGIN {_take('old')} END",
        # an update in two triggers, each firing only when its side counts: an invoice that clears (the
        # payments' case) runs one upsert, not a take that finds nothing (the two commute)
        f"{TABLE}_update_old": f"CREATE TRIGGER {TABLE}_update_old AFTER UPDATE OF {_WATCHED} ON invoice "
                               f"WHEN {_counts_sql('old')} BEGIN {_take('old')} END",
        f"{TABLE}_update_new": f"CREATE TRIGGER {TABLE}_update_new AFTER UPDATE OF {_WATCHED} ON invoice "
                               f"WHEN {_counts_sql('new')} BEGIN {_add('new')} END",
    }


def _recomputed(where: str = "", sign: str = "") -> str:
    key = ", ".join(f"{sql} AS {name}" for sql, name in zip(_key_parts("i"), _KEY_COLUMNS))
    return (f"SELECT {key}, {sign}count(*), {sign}sum(i.closed_on > i.due_date), "
            f"{sign}sum(max(i.closed_on - i.due_date, 0)), {sign}sum(i.closed_on - i.issue_date) FROM invoice i "
            f"WHERE {_counts_sql('i')}{where} GROUP BY 1, 2, 3, 4")


# A bulk writer that raises many invoices' paid totals (a payments import) holds the update triggers: it drops
# them inside its transaction and, around each batch's UPDATE, takes the old contributions of the invoices the
# batch's allocations pay out and puts their new ones in, one aggregate each; ``release`` creates the triggers
# again before it commits (a kill or a rollback brings them back with everything else). The new contributions come
# from what the UPDATE returned (``returned_sql``, ``put_rows``).
_UPDATE_TRIGGERS = (f"{TABLE}_update_old", f"{TABLE}_update_new")
_PAID_BY = " AND i.id IN (SELECT invoice_id FROM allocation WHERE id BETWEEN ? AND ?)"
_UPSERT = ("ON CONFLICT (customer_id, month, since, until) DO UPDATE SET invoices = invoices + excluded.invoices, "
           "late = late + excluded.late, days_late = days_late + excluded.days_late, "
           "days_to_pay = days_to_pay + excluded.days_to_pay")


def hold(con: sqlite3.Connection) -> list[str]:
    """Drop the update triggers (those the file has); returns their names, for ``release``."""
    return derived_tables.drop_triggers(con, _UPDATE_TRIGGERS)


def take_paid(con: sqlite3.Connection, lo: int, hi: int) -> None:
    """While held, before the invoices that allocations ``lo``..``hi`` pay change: their contributions out."""
    taken = con.execute(f"INSERT INTO {TABLE} ({_COLUMNS}) {_recomputed(_PAID_BY, '-')} {_UPSERT}", (lo, hi))
    if taken.rowcount:   # the months left with no invoice go, as the triggers delete them (a payment: none)
        con.execute(f"DELETE FROM {TABLE} WHERE invoices = 0 AND customer_id IN (SELECT customer_id FROM invoice "
                    "WHERE id IN (SELECT invoice_id FROM allocation WHERE id BETWEEN ? AND ?))", (lo, hi))


def returned_sql(r: str) -> str:
    """What an UPDATE of paid totals returns per invoice row ``r`` for ``put_rows`` (first, more columns may follow):
    its customer, issue and due days, its closing day when it counts (``_counts_sql``: the one condition, evaluated
    once), else NULL, whether it is voided and its void day. Plain columns: the key and the sums follow in Python
    (``sums``); as seven ``CASE`` columns each testing the condition again they were 2-4 us an invoice of the UPDATE."""
    return (f"{r}.customer_id, {r}.issue_date, {r}.due_date, CASE WHEN {_counts_sql(r)} THEN {r}.closed_on END, "
            f"{r}.voided, {r}.voided_on")


@functools.lru_cache(maxsize=4096)
def _month(d: int) -> str:
    """``month_sql`` in Python: the month 'YYYY-MM' of day number ``d`` (the year zero-padded, as SQLite's)."""
    x = date_of(d)
    return f"{x.year:04d}-{x.month:02d}"


def sums(rows) -> dict[tuple, list]:
    """Rows of ``returned_sql``'s columns summed as ``rebuild`` sums the invoices (``_recomputed``), in Python: key ->
    the table's row (the key's four columns, then invoices, late, days late, days to pay). The same rule as the SQL
    that ``rebuild`` and ``check`` use (tests/storage/test_clearing_summary.py proves them equal on random rows)."""
    out: dict[tuple, list] = {}
    months: dict[int, str] = {}
    for r in rows:
        closed = r[3]
        if closed is None:   # does not count
            continue
        month = months.get(closed)
        if month is None:
            month = months[closed] = _month(closed)
        issue, due = r[1], r[2]
        key = (r[0], month, issue if issue > closed else NOT_AFTER, r[5] if r[4] else NOT_VOIDED)
        got = out.get(key)
        if got is None:
            out[key] = [*key, 1, int(closed > due), max(closed - due, 0), closed - issue]
        else:
            got[4] += 1
            if closed > due:
                got[5] += 1
                got[6] += closed - due
            got[7] += closed - issue
    return out


def put_rows(con: sqlite3.Connection, rows) -> None:
    """... and after: their new contributions in, from the rows the UPDATE itself returned (``returned_sql``'s
    columns, one row per invoice it changed): the sums ``rebuild`` makes, without a second seek per invoice. Upserted
    in customer order, the table's first key column: the invoices come in id order, their customers at random, and
    each upsert then found its page anywhere in the table; a customer's months lie on a page or two, and sorting by
    the whole key (tuples of text and numbers compared in Python) cost more than the upserts it ordered."""
    con.executemany(f"INSERT INTO {TABLE} ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?) {_UPSERT}",
                    sorted(sums(rows).values(), key=operator.itemgetter(0)))


def release(con: sqlite3.Connection, held: list[str]) -> None:
    """The triggers ``hold`` dropped, created again."""
    made = statements()
    for name in held:
        con.execute(made[name])


def rebuild(con: sqlite3.Connection) -> None:
    """The summary recomputed from the invoices (one pass over the table)."""
    con.execute(f"DELETE FROM {TABLE}")
    con.execute(f"INSERT INTO {TABLE} ({_COLUMNS}) {_recomputed()}")


def restore(con: sqlite3.Connection) -> list[str]:
    """Create whatever of the table and its triggers is missing (a migration that rebuilds the invoice
    table drops its triggers) and recompute the summary then: writes may have gone by without them."""
    return derived_tables.restore(con, statements(), rebuild)


def problems(con: sqlite3.Connection, limit: int = 20) -> list[Text]:
    """What ``check`` reports: a missing table or trigger, and months that differ from a recomputation."""
    missing = derived_tables.missing(con, statements())
    out = [Text(translate("Messages", "the summary of clearings {name} is missing: the worklist and the forecast "
                                      "read wrong payment histories (the next upgrade of the file by a newer "
                                      "AR Desktop rebuilds it)"), name=n) for n in missing]
    if TABLE in missing:
        return out
    rows = derived_tables.differing(con, TABLE, _recomputed(), "customer_id, month", limit)
    code = derived_tables.customer_codes(con)
    out += [Text(translate("Messages", "the summary of clearings of customer {code} for {month} differs from its "
                                       "invoices: the worklist and the forecast read a wrong payment history there "
                                       "(the next upgrade of the file by a newer AR Desktop rebuilds it)"),
                 code=code.get(cid, str(cid)), month=month) for cid, month in rows]
    return out


class ClearingCounts(NamedTuple):
    """Per customer, the invoices cleared in a period: how many, how many late, days late summed."""

    invoices: int
    late: int
    days_late: int


def _month_start(d: dt.date) -> dt.date:
    return d.replace(day=1)


def _next_month(d: dt.date) -> dt.date:
    return (d.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def split_period(start: dt.date, end: dt.date) -> tuple[list[tuple[dt.date, dt.date]], tuple[str, str] | None]:
    """(start, end] as part-month ranges (a, b] to read from the invoices, and the whole months
    (first 'YYYY-MM', last 'YYYY-MM') inside it to read from the summary (None when there are none)."""
    try:
        first = _next_month(start)      # the first day of the first month that starts after ``start``
        last_plus = _next_month(end) if _next_month(end) - dt.timedelta(days=1) == end else _month_start(end)
    except OverflowError:               # December of the year 9999: no month after it
        return [(start, end)], None
    if first >= last_plus:
        return [(start, end)], None
    parts = []
    if first - dt.timedelta(days=1) > start:
        parts.append((start, first - dt.timedelta(days=1)))
    if end >= last_plus:
        parts.append((last_plus - dt.timedelta(days=1), end))
    last_month = last_plus - dt.timedelta(days=1)
    return parts, (first.strftime("%Y-%m"), last_month.strftime("%Y-%m"))


def month_days(months: tuple[str, str]) -> tuple[int, int]:
    """The day numbers of the first day of the first month ('YYYY-MM') and of the first day after the last."""
    return day(dt.date.fromisoformat(months[0] + "-01")), day(_next_month(dt.date.fromisoformat(months[1] + "-01")))


def counts(s, start: dt.date, end: dt.date, customer_ids: Collection[int], *,
           adjusted: bool = True) -> dict[int, ClearingCounts]:
    """Per customer of ``customer_ids``: the invoices cleared in (start, end] as
    ``open_set.cleared_rows`` finds them, counted; ``adjusted=False`` leaves out those an adjustment
    (write-off, credit note) cleared, as the KPIs and the forecast do. ``s``: a session or a DB-API
    connection (plain SQL: the `forecast` command reads this without importing SQLAlchemy)."""
    con = kpi_sql.dbapi(s)
    wanted = set(customer_ids)
    ids = json.dumps(sorted(wanted))
    parts, months = split_period(start, end)
    out: dict[int, list[int]] = {}
    d = day(end)

    def add(cid, n, late, days):
        row = out.setdefault(cid, [0, 0, 0])
        row[0] += int(n)
        row[1] += int(late or 0)
        row[2] += int(days or 0)

    # for many customers (the forecast, the worklist) every customer's rows, kept here: a scope in SQL
    # (json_each) costs more than the rows it saves; for a few (one customer's file) only theirs
    scope = ("customer_id IN (SELECT value FROM json_each(?))", (ids,)) if len(wanted) <= _SCOPED else ("", ())

    def cleared(a: dt.date, b: dt.date, sign: int) -> None:   # voided by D, not by b
        rows, args = cleared_sql(a, b, "customer_id, due_date, closed_on AS cleared", *scope, as_of=end)
        for cid, n, late, days in con.execute(f"SELECT customer_id, count(*), sum(cleared > due_date), {_LATE_DAYS} "
                                              f"FROM ({rows}) GROUP BY customer_id", args):
            if cid in wanted:
                add(cid, sign * n, sign * (late or 0), sign * (days or 0))

    for a, b in parts:
        if months is None or not _from_month(con, a, b, d, ids, add, cleared):
            cleared(a, b, 1)
        if not adjusted:
            for cid, n, late, days in _adjusted_counts(con, day(a) + 1, day(b) + 1, day(b), d, ids):
                add(cid, -n, -(late or 0), -(days or 0))
    if months is not None:
        q = (f"SELECT customer_id, sum(invoices), sum(late), sum(days_late) FROM {TABLE} "
             f"WHERE customer_id IN (SELECT value FROM json_each(?)) AND month BETWEEN ? AND ? "
             f"AND since <= ? AND until > ? GROUP BY customer_id")
        for row in con.execute(q, (ids, months[0], months[1], d, d)):
            add(*row)
        if not adjusted:
            first, after = month_days(months)
            for cid, n, late, days in _adjusted_counts(con, first, after, d, d, ids):
                add(cid, -n, -(late or 0), -(days or 0))
    return {cid: ClearingCounts(*v) for cid, v in out.items() if v[0]}


def _from_month(con: sqlite3.Connection, a: dt.date, b: dt.date, d: int, ids: str, add, cleared) -> bool:
    """``counts``' part-month (a, b] (at a period's start: b the month's last day; at its end: a the day before
    its first) as its month's rows of the summary less the days of the month outside it, read from the invoices,
    when those are fewer (D on the 1st: 1 day read instead of 30; each day read costs, over the span classes'
    ranges of issue days). Exact when every invoice of those rows was cleared on or after its issue day (``since``
    NOT_AFTER), as the invoices' own ranges, bounded by their issue days, then count the same ones; otherwise
    (an invoice cleared before it was issued) False: the part is read from the invoices as it is."""
    first = b.replace(day=1)
    last = _next_month(first) - dt.timedelta(days=1)
    before, after = (a - first).days + 1, (last - b).days
    if a < first - dt.timedelta(days=1) or before + after >= (b - a).days:
        return False
    rows = con.execute(f"SELECT customer_id, sum(invoices), sum(late), sum(days_late), max(since) FROM {TABLE} "
                       "WHERE customer_id IN (SELECT value FROM json_each(?)) AND month = ? AND until > ? "
                       "GROUP BY customer_id", (ids, first.strftime("%Y-%m"), d)).fetchall()
    if any(since != NOT_AFTER for *_sums, since in rows):
        return False
    for cid, n, late, days, _since in rows:
        add(cid, n, late, days)
    if before:
        cleared(first - dt.timedelta(days=1), a, -1)
    if after:
        cleared(b, last, -1)
    return True


_LATE_DAYS = "sum(max(cleared - due_date, 0))"
_SCOPED = 50   # up to this many customers asked for, the part-months read their clearings alone


def _adjusted_sql(scoped: bool) -> str:
    """Per customer: the invoices cleared on a day from ``first`` up to (not including) ``after`` (day
    numbers), issued by ``issued_by`` and not voided by ``as_of``, that an adjustment (write-off, credit
    note) cleared: one of their allocations on the clearing day is an adjustment's. Few: read from the
    adjustments' allocations (ix_payment_adjustment), then their invoices. Arguments: first, after,
    issued_by, (when ``scoped``: the customer ids as JSON), as_of."""
    return (f"SELECT c.customer_id AS customer_id, count(*) AS n, sum(c.cleared > c.due_date) AS late, "
            f"{_LATE_DAYS} AS days FROM (SELECT DISTINCT allocation.invoice_id, allocation.date FROM allocation "
            f"WHERE allocation.payment_id IN (SELECT payment.id FROM payment WHERE {kpi_sql.ADJUSTMENT_SQL}) "
            "AND allocation.date >= ? AND allocation.date < ?) AS adj JOIN (SELECT id, customer_id, due_date, "
            "closed_on AS cleared, paid, amount, "
            "last_paid_on, issue_date, voided, voided_on FROM invoice) AS c ON c.id = adj.invoice_id "
            "WHERE c.cleared = adj.date AND c.paid >= c.amount AND c.last_paid_on = c.cleared AND c.issue_date <= ? "
            + ("AND c.customer_id IN (SELECT value FROM json_each(?)) " if scoped else "")
            + "AND (c.voided IS 0 OR c.voided_on > ?) GROUP BY c.customer_id")


def _adjusted_counts(con: sqlite3.Connection, first: int, after: int, issued_by: int, as_of: int, ids: str):
    return con.execute(_adjusted_sql(True), (first, after, issued_by, ids, as_of))


def history_sql(start: dt.date, end: dt.date) -> tuple[str, list]:
    """``counts(start, end, every customer, adjusted=False)`` as one query for SQLite to go on with (the
    forecast's days late, summed beside the open amounts without a row per customer in Python): rows
    (customer id, invoices, days late) of the customers with an invoice cleared in (start, end]."""
    parts, months = split_period(start, end)
    d = day(end)
    arms, args = [], []
    for a, b in parts:   # voided by D, not by b
        rows, rows_args = cleared_sql(a, b, "customer_id, due_date, closed_on AS cleared", as_of=end)
        arms += [f"SELECT customer_id, count(*) AS n, {_LATE_DAYS} AS days FROM ({rows}) GROUP BY customer_id",
                 f"SELECT customer_id, -n AS n, -days AS days FROM ({_adjusted_sql(False)})"]
        args += [*rows_args, day(a) + 1, day(b) + 1, day(b), d]
    if months is not None:
        first, after = month_days(months)
        arms += [f"SELECT customer_id, sum(invoices) AS n, sum(days_late) AS days FROM {TABLE} "
                 "WHERE month BETWEEN ? AND ? AND since <= ? AND until > ? GROUP BY customer_id",
                 f"SELECT customer_id, -n AS n, -days AS days FROM ({_adjusted_sql(False)})"]
        args += [months[0], months[1], d, d, first, after, d, d]
    return (f"SELECT customer_id, sum(n) AS invoices, sum(days) AS days_late FROM "
            f"({' UNION ALL '.join(arms)}) GROUP BY customer_id HAVING sum(n) != 0", args)
