"""The sums behind the receivables figures (domain/kpi.py) in plain SQL on the DB-API connection.

One place for them, whoever asks: the window and the reports pass their session (``dbapi``
takes its connection, in the session's transaction), the `kpi` command a plain connection of
``Database.reader`` so that it never imports SQLAlchemy (half of a whole command's time on a big
file went to importing it and compiling these statements). Every question is one set of index
ranges of ``storage.spans`` (``open_set``'s, written out), summed by SQLite in integer minor units.

Open amounts as of D are those of the aging report: invoices issued by D and neither cleared nor
voided by D, less the allocations dated after D.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Mapping
from typing import NamedTuple

from ar_desktop.domain.aging import BUCKETS
from ar_desktop.domain.disputes import DISPUTE_KINDS, disputed_part
from ar_desktop.domain.kpi import ClearingStats, Period
from ar_desktop.storage import balance_summary, sales_summary
from ar_desktop.storage.days import date_of, day
from ar_desktop.storage.spans import cleared_sql, open_sql, paid_on_sql

# Payments that correct an invoice rather than pay it (services/adjustments.py). Written literally
# (not as parameters): SQLite uses a partial index only for a query that repeats its WHERE term,
# here ix_payment_adjustment's (migration 0015).
ADJUSTMENT_METHODS = ("write-off", "credit note")
ADJUSTMENT_SQL = f"payment.method IN ({', '.join(repr(m) for m in ADJUSTMENT_METHODS)})"  # as ix_payment_adjustment reads
_KINDS = ", ".join(f"'{k}'" for k in DISPUTE_KINDS)
# the setting of the company's late-charge rule (services.late_charges.RULE_KEY)
CHARGE_RULE_KEY = "late_charges.rule"


def dbapi(source) -> sqlite3.Connection:
    """The DB-API connection of a plain connection (itself) or of a SQLAlchemy session (the one its
    transaction holds)."""
    if isinstance(source, sqlite3.Connection):
        return source
    return source.connection().connection.dbapi_connection


def _one(con: sqlite3.Connection, sql: str, args=()) -> tuple:
    return con.execute(sql, list(args)).fetchone()


def company_currency(con: sqlite3.Connection) -> str:
    row = _one(con, "SELECT currency FROM company WHERE id = 1")
    if row is None:
        from ar_desktop.domain.errors import UserError
        from ar_desktop.domain.text import Text, translate

        raise UserError(Text(translate("Messages", "This company file has no company profile yet. Fill it in under "
                                                   "File ▸ Company profile.")))
    return row[0]


def uses_currency(con: sqlite3.Connection, currency: str) -> bool:
    """Whether any invoice is in the currency (stops at the first one): whether a customer in the currency has an
    invoice (as ``currencies_in_use``; no index holds the invoices' currency: migration 0031)."""
    return bool(_one(con, "SELECT EXISTS (SELECT 1 FROM customer WHERE customer.currency = ? AND EXISTS "
                          "(SELECT 1 FROM invoice WHERE invoice.customer_id = customer.id))", (currency,))[0])


def charge_rules(con: sqlite3.Connection) -> set[str]:
    """The late-charge rules the file names, as stored: the company's setting (``CHARGE_RULE_KEY``; absent:
    none) and the customers' own ('' = the company's). The Overview reads the rate tables only when
    one of them may use a reference rate."""
    import json

    row = _one(con, "SELECT value FROM setting WHERE key = ?", (CHARGE_RULE_KEY,))
    company = json.loads(row[0]) if row is not None else None
    return {str(company or ""), *(r[0] or "" for r in con.execute("SELECT DISTINCT late_charge_rule FROM customer"))}


def currencies_in_use(con: sqlite3.Connection) -> list[str]:
    """The currencies invoices are in. An invoice is in its customer's currency, which cannot change
    once it has invoices (domain.records.invoice_currency, customers_repo.update): so the currencies
    of the customers with an invoice, one index seek per customer instead of reading every invoice."""
    return [r[0] for r in con.execute(
        "SELECT DISTINCT customer.currency FROM customer WHERE EXISTS "
        "(SELECT 1 FROM invoice WHERE invoice.customer_id = customer.id) ORDER BY customer.currency")]


def open_totals(con: sqlite3.Connection, days, currency: str) -> dict[dt.date, tuple[int, int]]:
    """Per day D of ``days``: (open balance, its not-yet-due part: due on or after D) in minor units, the sums
    of the aging's open amounts on D, from the summaries of sales and balances (storage.balance_summary: a few
    thousand rows a day instead of the invoices open on D)."""
    return balance_summary.open_totals(con, days, currency)


def dispute_events(con: sqlite3.Connection, invoice_ids) -> dict[int, list[tuple[dt.date, str, int | None]]]:
    """(date, kind, disputed units) of the dispute events of the given invoices, oldest first (all of
    them: the state before the first event is the opposite of it)."""
    out: dict[int, list[tuple[dt.date, str, int | None]]] = {}
    wanted = set(invoice_ids)
    if not wanted:
        return out
    day = dt.date.fromisoformat
    for inv_id, date, kind, units in con.execute(
            f"SELECT invoice_id, date, kind, amount FROM collection_event WHERE kind IN ({_KINDS}) "
            "AND invoice_id IS NOT NULL ORDER BY date, id"):
        if inv_id in wanted:
            out.setdefault(inv_id, []).append((day(str(date)[:10]), kind, units))
    return out


_EVENTS = f"SELECT invoice_id AS id FROM collection_event WHERE kind IN ({_KINDS}) AND invoice_id IS NOT NULL"


def dispute_events_of_all(con: sqlite3.Connection) -> dict[int, list[tuple[dt.date, str, int | None]]]:
    """``dispute_events`` of every invoice that has one (few)."""
    return dispute_events(con, [i for (i,) in con.execute(f"SELECT DISTINCT id FROM ({_EVENTS})")])


def disputed_by_invoice_on(con: sqlite3.Connection, days, currency: str,
                           with_events_only: bool = False) -> dict[dt.date, dict[int, int]]:
    """Per day of ``days``, invoice id -> the disputed part (units > 0) of its open amount on that day: read
    from the few invoices that may be disputed on some day (flagged now, ix_invoice_disputed's partial index,
    or with a dispute event; ``with_events_only``: those with a dispute event), each checked for being open
    on the day; the candidates' rows are read once, not once a day."""
    days = sorted(set(days))
    opens, args = [], []
    for d in days:
        paid, paid_args = paid_on_sql(d)
        opens.append(f"invoice.amount - {paid}")
        args += paid_args
    candidates = _EVENTS if with_events_only else f"SELECT id FROM invoice WHERE disputed = 1 UNION {_EVENTS}"
    q = (f"SELECT invoice.id, invoice.disputed, invoice.issue_date, invoice.closed_on, {', '.join(opens)} FROM "
         f"({candidates}) AS c JOIN invoice ON invoice.id = c.id "
         "WHERE invoice.issue_date <= ? AND (invoice.closed_on IS NULL OR invoice.closed_on > ?) "
         "AND invoice.currency = ?")
    numbers = [day(d) for d in days]
    rows = con.execute(q, [*args, numbers[-1], numbers[0], currency]).fetchall()
    per_day: list[list[tuple[int, int, int]]] = [[] for _ in days]
    for i, flag, issued, closed, *units in rows:
        for k, n in enumerate(numbers):   # open on that day: issued by it, not closed by it, something open
            if issued <= n and (closed is None or closed > n) and units[k] > 0:
                per_day[k].append((i, flag, int(units[k])))
    events = dispute_events(con, {r[0] for kept in per_day for r in kept})
    out: dict[dt.date, dict[int, int]] = {}
    for d, kept in zip(days, per_day):
        parts = out[d] = {}
        for i, flag, units in kept:
            part = disputed_part(events.get(i), bool(flag), units, d)
            if part:
                parts[i] = part
    return out


def disputed_among(con: sqlite3.Connection, as_of: dt.date, open_units: Mapping[int, int],
                   events: Mapping[int, list] | None = None) -> dict[int, int]:
    """``disputed_by_invoice_on`` for invoices whose open units on D are known (``open_units``: the whole open
    set, or the part of it asked about): the candidates are the flagged ones (ix_invoice_disputed alone, ids
    only) and those with a dispute event (``events``: ``dispute_events`` of them or more, when read already),
    and no invoice row is read."""
    flagged = {i for (i,) in con.execute("SELECT id FROM invoice WHERE disputed = 1")}
    events = dispute_events(con, open_units) if events is None else {i: events[i] for i in open_units if i in events}
    out = {}
    for i in flagged - events.keys():   # no event: disputed for all that is open (domain.disputes.disputed_part),
        units = open_units.get(i)       # without a call of the rule for each (8,243 on the million-invoice file)
        if units and units > 0:
            out[i] = units
    for i, mine in events.items():
        units = open_units.get(i)
        if units:
            part = disputed_part(mine, i in flagged, units, as_of)
            if part:
                out[i] = part
    return out


def disputed_units(con: sqlite3.Connection, days, currency: str) -> dict[dt.date, int]:
    """The disputed part of the open balance on each of ``days``, from one reading of the candidates. An
    invoice flagged disputed with no dispute event is disputed for all that is open on it
    (domain.disputes.disputed_part): those, most of the disputed ones, are summed by SQLite, one sum per
    day; the rule decides for the few with events."""
    days = sorted(set(days))
    sums, args = [], []
    for d in days:
        paid, paid_args = paid_on_sql(d)
        sums.append("coalesce(sum(CASE WHEN invoice.issue_date <= ? AND (invoice.closed_on IS NULL OR "
                    f"invoice.closed_on > ?) THEN max(invoice.amount - {paid}, 0) ELSE 0 END), 0)")
        args += [day(d), day(d), *paid_args]
    # from ix_invoice_disputed alone (a partial index: "disputed = 1" written as its WHERE; it holds every column
    # these sums read, so no invoice row is read: migration 0033), named, since left to itself SQLite may take
    # another index of the invoices (it read every invoice in the currency through ix_invoice_currency once)
    flagged = _one(con, f"SELECT {', '.join(sums)} FROM invoice INDEXED BY ix_invoice_disputed WHERE disputed = 1 "
                        f"AND id NOT IN ({_EVENTS}) AND invoice.issue_date <= ? "
                        "AND (invoice.closed_on IS NULL OR invoice.closed_on > ?) AND invoice.currency = ?",
                   [*args, day(days[-1]), day(days[0]), currency])
    events = disputed_by_invoice_on(con, days, currency, with_events_only=True)
    return {d: int(units) + sum(events[d].values()) for d, units in zip(days, flagged, strict=True)}


def open_amounts(con: sqlite3.Connection, as_of: dt.date, currency: str) -> list[tuple[int, int, str, int]]:
    """(invoice id, customer id, due date as stored (a day number: storage.days), open units) of every invoice with something open as of D,
    read from ix_invoice_span alone (no number, no customer: the forecast's weekly totals need none)."""
    paid, paid_args = paid_on_sql(as_of)
    rows, args = open_sql(as_of, f"id, customer_id, due_date, amount - {paid} AS units", "currency = ?", (currency,),
                          paid_args)
    return con.execute(f"SELECT * FROM ({rows}) WHERE units > 0", args).fetchall()


def sales_units(con: sqlite3.Connection, period: Period, currency: str) -> int:
    """Gross amount of the invoices issued in the period, voided ones (by D) excluded: from the summary of
    sales per day (storage.sales_summary), ~``days`` rows."""
    return sales_summary.sales(con, period.start, period.as_of, currency)


def cleared_sql_in(period: Period, columns: str, where: str = "", params: tuple = (),
                   windows: list[tuple[dt.date, dt.date]] | None = None) -> tuple[str, list]:
    """The invoices fully paid as of D whose clearing day (the allocation that reached the amount) falls
    in the period, with ``columns`` and ``adjusted``: whether a write-off or credit note is among that
    day's allocations (read once, not per invoice: adjustments are few). Those still closed on D are
    ``cleared_sql``'s (the clearing day is their ``closed_on``), read for the ``windows`` (a, b] of the
    period only when given (the rest then comes from the summary of clearings); those reopened after D (a
    reversal or a change of split, then perhaps paid again) are in D's open set with nothing open on D,
    and their clearing day is their last allocation by D (kpi_repo._cleared says the same with SQLAlchemy)."""
    d = day(period.as_of)
    arms, args = [], []
    for a, b in [(period.start, period.as_of)] if windows is None else windows:
        closed, closed_args = cleared_sql(a, b, f"id, closed_on AS cleared, {columns}", where, params,
                                          as_of=period.as_of)
        arms.append(closed)
        args += closed_args
    paid, paid_args = paid_on_sql(period.as_of)
    last = "(SELECT max(a.date) FROM allocation a WHERE a.invoice_id = invoice.id AND a.date <= ?)"
    reopened_sql, reopened_args = open_sql(
        period.as_of, f"id, {last} AS cleared, {columns}",
        f"last_paid_on > ? AND amount - {paid} <= 0 AND (voided IS 0 OR voided_on > ?)" + (f" AND ({where})" if where else ""),
        (d, *paid_args, d, *params), [d])
    adjustments = ("SELECT allocation.invoice_id, allocation.date FROM allocation WHERE allocation.payment_id IN "
                   f"(SELECT payment.id FROM payment WHERE {ADJUSTMENT_SQL})")
    rows = " UNION ALL ".join([*arms, f"SELECT * FROM ({reopened_sql}) WHERE cleared > ?"])
    return (f"SELECT c.*, (c.id, c.cleared) IN ({adjustments}) AS adjusted FROM ({rows}) AS c",
            [*args, *reopened_args, day(period.start)])


def clearing_stats(con: sqlite3.Connection, period: Period, currency: str) -> ClearingStats:
    """Count, days to pay and days late summed over the invoices paid in full in the period,
    those cleared by a write-off or credit note left out. The whole months inside the period come from
    the monthly summary of clearings (storage.clearing_summary: its rows of the currency's customers, an
    invoice being in its customer's currency), less the few invoices an adjustment cleared in them; the
    part-months at the period's ends and the invoices reopened after D from the invoices."""
    from ar_desktop.storage import clearing_summary   # (which reads this module's helpers)

    parts, months = clearing_summary.split_period(period.start, period.as_of)
    # the invoices reopened after D are always looked for in D's open set (~13 ms on the million-invoice file):
    # the summary of balances cannot say that none was (a day whose allocations net to 0, as a change of split
    # or a bounced cheque paid again the same day, leaves no row there)
    rows, args = cleared_sql_in(period, "issue_date, due_date", "currency = ?", (currency,), windows=parts)
    n, to_pay, late = _one(con, "SELECT count(*), coalesce(sum(cleared - issue_date), 0), "
                                "coalesce(sum(max(cleared - due_date, 0)), 0) "
                                f"FROM ({rows}) WHERE adjusted IS 0", args)
    if months is not None:
        d = day(period.as_of)
        whole = _one(con, f"SELECT coalesce(sum(invoices), 0), coalesce(sum(days_to_pay), 0), "
                          f"coalesce(sum(days_late), 0) FROM {clearing_summary.TABLE} WHERE customer_id IN "
                          "(SELECT id FROM customer WHERE currency = ?) AND month BETWEEN ? AND ? AND since <= ? "
                          "AND until > ?", (currency, months[0], months[1], d, d))
        first, after = clearing_summary.month_days(months)
        # the adjusted clearings of those months: as the summary counts them (closed on D by their last
        # allocation, issued by D, not voided by D), one of their allocations that day an adjustment's
        adjusted = _one(con, "SELECT count(*), coalesce(sum(c.closed_on - c.issue_date), 0), "
                             "coalesce(sum(max(c.closed_on - c.due_date, 0)), 0) FROM (SELECT DISTINCT "
                             "allocation.invoice_id, allocation.date FROM allocation WHERE allocation.payment_id IN "
                             f"(SELECT payment.id FROM payment WHERE {ADJUSTMENT_SQL}) AND allocation.date >= ? "
                             "AND allocation.date < ?) AS adj CROSS JOIN invoice c ON c.id = adj.invoice_id "   # the few adjustments first
                             "WHERE c.closed_on = adj.date AND c.paid >= c.amount AND c.last_paid_on = c.closed_on "
                             "AND c.issue_date <= ? AND (c.voided IS 0 OR c.voided_on > ?) AND c.currency = ?",
                        (first, after, d, d, currency))
        n, to_pay, late = (n + whole[0] - adjusted[0], to_pay + whole[1] - adjusted[1],
                           late + whole[2] - adjusted[2])
    return ClearingStats(int(n), int(round(to_pay)), int(round(late)))


def issued(con: sqlite3.Connection, first: dt.date, last: dt.date,
           currency: str) -> tuple[dict[dt.date, int], list[tuple[dt.date, dt.date, int]]]:
    """Invoices issued from ``first`` to ``last``: the gross amount per issue day of those never voided,
    and (issue date, voided on, amount) of those voided on a known day (they count before that day),
    from the summary of sales (a row per day, not the ~320,000 invoices of the trend's fifteen months)."""
    return sales_summary.daily(con, first, last, currency)


class CustomerOpen(NamedTuple):
    """One customer's open balance as of D in minor units: per aging bucket (``BUCKETS``' order), the
    overdue part and the due date of its oldest overdue invoice with something open (None: nothing
    overdue)."""

    customer_id: int
    code: str
    name: str
    buckets: tuple[int, ...]
    overdue: int
    oldest_due: dt.date | None


class OpenSummary(NamedTuple):
    """The open balance as of D in minor units per aging bucket (``BUCKETS``' order), and the customers with the
    most overdue, most first (ties by code, then id)."""

    buckets: tuple[int, ...]
    largest: list[CustomerOpen]


def open_summary(con: sqlite3.Connection, as_of: dt.date, currency: str, largest: int) -> OpenSummary:
    """The open units per aging bucket and the ``largest`` customers by overdue units, from one pass over the
    open set summed per customer by SQLite: its totals and those few customers come to Python (on the
    million-invoice file 11 rows instead of 8,400, each made a tuple and handed over the GIL, 0.06 s of
    the Overview's first figures), and only those few are joined to their customer row."""
    paid, paid_args = paid_on_sql(as_of)
    rows, args = open_sql(as_of, f"customer_id, amount - {paid} AS units, due_date", "currency = ?", (currency,),
                          paid_args)
    sums, sum_args = bucket_sums(as_of)
    keys = [b.key for b in BUCKETS]
    d = day(as_of)
    q = (f"WITH o AS MATERIALIZED (SELECT customer_id, {sums}, "
         "sum(CASE WHEN due_date < ? THEN units ELSE 0 END) AS overdue, "
         "min(CASE WHEN due_date < ? AND units > 0 THEN due_date END) AS oldest "
         f"FROM ({rows}) GROUP BY customer_id) "
         f"SELECT NULL, NULL, NULL, {', '.join(f'coalesce(sum({k}), 0)' for k in keys)}, NULL, NULL FROM o "
         f"UNION ALL SELECT * FROM (SELECT c.id, c.code, c.name, {', '.join(f'o.{k}' for k in keys)}, o.overdue, "
         "o.oldest FROM o JOIN customer c ON c.id = o.customer_id WHERE o.oldest IS NOT NULL "
         "ORDER BY o.overdue DESC, c.code, c.id LIMIT ?)")
    totals, most, n = (0,) * len(keys), [], len(keys)
    for cid, code, name, *rest in con.execute(q, [*sum_args, d, d, *args, largest]):
        if cid is None:
            totals = tuple(int(u) for u in rest[:n])
        else:
            most.append(CustomerOpen(cid, code, name, tuple(int(u) for u in rest[:n]), int(rest[n]),
                                     date_of(rest[n + 1])))
    most.sort(key=lambda c: (-c.overdue, c.code, c.customer_id))   # a compound SELECT keeps no order of its own
    return OpenSummary(totals, most)


def bucket_sums(as_of: dt.date) -> tuple[str, list]:
    """The open units per aging bucket as of D, summed over rows with ``units`` and ``due_date``: one column
    per bucket, named by its key (the aging report's and the Overview's per-customer buckets)."""
    sums, args = [], []
    for bucket in BUCKETS:
        cond, cond_args = bucket_range(bucket, as_of)
        sums.append(f"sum(CASE WHEN {cond} THEN units ELSE 0 END) AS {bucket.key}")
        args += cond_args
    return ", ".join(sums), args


def bucket_range(bucket, as_of: dt.date) -> tuple[str, list]:
    """An aging bucket's condition on ``due_date`` (days past due = D - due date), as the aging report's."""
    cond, args = [], []
    if bucket.low is not None:
        cond.append("due_date <= ?")
        args.append(day(as_of - dt.timedelta(days=bucket.low)))
    if bucket.high is not None:
        cond.append("due_date >= ?")
        args.append(day(as_of - dt.timedelta(days=bucket.high)))
    return " AND ".join(cond) or "1", args
