"""Payments naming no invoice spread over their customer's open invoices oldest due first: the payments importer's
quick lane (storage.payment_staging) walks each customer's queue once per batch, in Python.

A customer's open invoices are read once per import into a queue (``domain.allocation.oldest_due_first``: due
date, issue date, number, id; their open amounts), kept here in step with what the lane applies, and read again
when the Python checks or a row naming an invoice touched the customer (``forget``). Each of the batch's rows,
in row order, takes in queue order the open invoices issued by its day until it is paid; what is left over is
credit: the Python checks' ``suggest_allocation`` over the open invoices a payment of that day may pay.

Why Python: the walk of one customer's rows depends on what its earlier rows took, and an invoice issued after
one row's day stays open for the next. In SQL that was one recursive statement and three statements of queue
upkeep per rank of a customer's rows in the batch (its 1st rows, its 2nd…: ~23 ranks a batch of 100,000 at a
million invoices, ~13 s of 950,000 payments); here it is one pass over the batch's rows, a step per invoice
visited. A row stops at the first invoice from which on all are issued after its day (``floor``: the latest
issue day from there on is not needed, the earliest is), so a row dated before its customer's open invoices
visits none.

The queue holds per invoice what the lane writes with its allocations: its id, issue and due days, currency
(for the summary of balances' sums, storage.balance_summary.put_held) and whether it offers an early-payment
discount (the row then goes to the Python checks). About 40 bytes an open invoice (arrays of machine integers):
~20 MB for the open invoices of half a million-invoice file's customers.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from itertools import accumulate, compress, groupby
from operator import itemgetter

from ar_desktop.storage.balance_summary import OVERDUE, PAID
from ar_desktop.storage.days import LAST

__all__ = ["OpenQueues", "counted_from"]

LOAD = "temp.payment_load"   # the customers whose open invoices are read next (``OpenQueues.load``)
_first = itemgetter(0)


def counted_from(day: int, issue: int, due: int) -> tuple[int, int]:
    """The days from which an amount paid on ``day`` to an invoice issued on ``issue``, due on ``due``, counts in the
    summary of balances (storage.balance_summary: its PAID and OVERDUE kinds): from the payment's day, not before the
    invoice was issued, nor, as no longer overdue, before it was overdue. The lane's two kinds of rows sum by it
    (``OpenQueues.spread``, storage.payment_staging); balance_summary._paid_rows is its SQL twin."""
    return (day if day > issue else issue), (day if day > due else due + 1)


class _Queue:
    """One customer's open invoices oldest due first, and what the lane took from them so far."""

    __slots__ = ("ids", "issue", "due", "open", "floor", "currency", "discount", "start")

    def __init__(self, currency: str):
        self.ids, self.issue, self.due, self.open = array("q"), array("q"), array("q"), array("q")
        self.floor = array("q")            # per position: the earliest issue day from it to the end
        self.currency: str | list[str] = currency   # one for all (nearly always), else per position
        self.discount: set[int] | None = None       # the positions of invoices offering a discount
        self.start = 0                     # the invoices before it are paid


class OpenQueues:
    """The customers' queues of one payments import (``raw``: its DB-API connection)."""

    def __init__(self, raw):
        self.raw = raw
        self._queues: dict[int, _Queue] = {}
        raw.execute(f"DROP TABLE IF EXISTS {LOAD}")
        raw.execute(f"CREATE TABLE {LOAD} (customer_id INTEGER PRIMARY KEY)")

    def forget(self, customer_ids: Iterable[int]) -> None:
        """These customers' open invoices are read again when next needed (something else paid them)."""
        for c in customer_ids:
            self._queues.pop(c, None)

    def load(self, customer_ids: Iterable[int]) -> None:
        """Read the open invoices of those of ``customer_ids`` not queued yet: by the partial index of open invoices
        (by all of the customer's while a payments import defers it, storage.bulk_repo), or, for the customers of
        a sixth of the file or more (a first batch), in one pass over the table, which costs less than a seek of
        each of their invoices."""
        raw, queues = self.raw, self._queues
        missing = [(c,) for c in set(customer_ids) if c not in queues]
        if not missing:
            return
        raw.execute(f"DELETE FROM {LOAD}")
        raw.executemany(f"INSERT INTO {LOAD} (customer_id) VALUES (?)", missing)
        theirs, top = raw.execute(
            f"SELECT (SELECT count(*) FROM {LOAD} k CROSS JOIN main.invoice i INDEXED BY ix_invoice_aging "
            "WHERE i.customer_id = k.customer_id), (SELECT coalesce(max(id), 0) FROM main.invoice)").fetchone()
        if theirs * 6 >= top:
            source = (f"main.invoice i NOT INDEXED WHERE i.customer_id IN (SELECT customer_id FROM {LOAD}) AND ")
        else:
            owed = raw.execute("SELECT 1 FROM main.sqlite_master WHERE type = 'index' AND name = 'ix_invoice_owed'"
                               ).fetchone()
            source = (f"{LOAD} k CROSS JOIN main.invoice i INDEXED BY {'ix_invoice_owed' if owed else 'ix_invoice_aging'}"
                      " WHERE i.customer_id = k.customer_id AND ")
        # the customers' most common currency read as NULL (no text per invoice), a discount as a flag; an
        # invoice's number is unique, so oldest_due_first's last key (the id) never decides and is left out of
        # the sort (~0.15 s of ~1.4 s for half a million open invoices)
        home = raw.execute("SELECT currency FROM main.customer GROUP BY currency ORDER BY count(*) DESC LIMIT 1"
                           ).fetchone()
        home = home[0] if home else ""
        rows = raw.execute(
            "SELECT i.customer_id, i.id, i.issue_date, i.due_date, i.amount - i.paid, nullif(i.currency, ?), "
            f"i.discount != 0 FROM {source} i.paid < i.amount AND i.voided = 0 "
            "ORDER BY i.customer_id, i.due_date, i.issue_date, i.number", (home,))
        # a customer's rows at a time, taken apart into columns in C: no Python step per invoice
        for cid, theirs in groupby(rows, _first):
            _c, ids, issue, due, units, currency, discount = zip(*theirs)
            queues[cid] = _queue(ids, issue, due, units, currency, discount, home)
        for (c,) in missing:   # a customer with nothing open: an empty queue (every row of theirs is credit)
            if c not in queues:
                queues[c] = _Queue("")

    def spread(self, rows: Iterable[tuple[int, int, int, int]], picks: tuple[array, array, array], sums: dict
               ) -> set[int]:
        """The rows (n, customer id, day, units; in row order, their customers ``load``-ed) spread: each row's
        allocations appended to ``picks`` (arrays of each one's row n, invoice id and units: ~24 bytes, not a tuple), in
        queue order, and their sums for the
        summary of balances added to ``sums`` ((currency, kind, day, until) -> units, storage.balance_summary).
        A row that would take from an invoice offering an early-payment discount is not applied, nor any later row
        of its customer: their rows are returned (the Python checks take them, in row order)."""
        queues, cut = self._queues, set()
        stopped: set[int] = set()   # customers whose rows stopped at one that takes a discount
        get = sums.get
        pick_row, pick_invoice, pick_units = (a.append for a in picks)
        for n, cid, d, units in rows:
            if cid in stopped:
                cut.add(n)
                continue
            q = queues[cid]
            ids, issue, opened, floor = q.ids, q.issue, q.open, q.floor
            left, i, end, took = units, q.start, len(ids), []
            while left > 0 and i < end and floor[i] <= d:
                o = opened[i]
                if o > 0 and issue[i] <= d:
                    take = o if o < left else left
                    took.append((i, take))
                    left -= take
                i += 1
            if not took:
                continue
            if q.discount is not None and any(i in q.discount for i, _t in took):
                stopped.add(cid)
                cut.add(n)
                continue
            due, currency = q.due, q.currency
            one = isinstance(currency, str)
            for i, take in took:
                opened[i] -= take
                pick_row(n)
                pick_invoice(ids[i])
                pick_units(take)
                c = currency if one else currency[i]
                paid_from, overdue_from = counted_from(d, issue[i], due[i])
                key = (c, OVERDUE, overdue_from, LAST)
                sums[key] = get(key, 0) - take
                if not one:
                    key = (c, PAID, paid_from, LAST)
                    sums[key] = get(key, 0) - take
            if one:   # each invoice taken is issued by the row's day: PAID counts from that day for all
                key = (currency, PAID, d, LAST)
                sums[key] = get(key, 0) - (units - left)
            s = q.start
            while s < end and opened[s] == 0:
                s += 1
            q.start = s
        return cut

    def close(self) -> None:
        self._queues.clear()
        self.raw.execute(f"DROP TABLE IF EXISTS {LOAD}")


def _queue(ids: tuple, issue: tuple, due: tuple, units: tuple, currency: tuple, discount: tuple, home: str) -> _Queue:
    """One customer's queue from its open invoices' columns in queue order (``currency``: None for ``home``;
    ``discount``: 1 where the invoice offers one)."""
    q = _Queue(home)
    q.ids, q.issue, q.due, q.open = array("q", ids), array("q", issue), array("q", due), array("q", units)
    floor = array("q", accumulate(reversed(issue), min))   # the earliest issue day from each position on
    floor.reverse()
    q.floor = floor
    if currency.count(None) != len(currency):   # another currency than the customers' most common one
        named = [home if c is None else c for c in currency]
        q.currency = named[0] if named.count(named[0]) == len(named) else named
    if any(discount):
        q.discount = set(compress(range(len(discount)), discount))
    return q
