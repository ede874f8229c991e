"""The payments import's queues of open invoices (storage.payment_spread.OpenQueues.load) hold what a plain reading
in Python says: per customer its open invoices oldest due first (due day, issue day, number, id), their open
amounts, the earliest issue day from each position on, their currency (one, or one per position when they differ)
and the positions offering a discount; a customer with nothing open gets an empty queue. Read in one pass over
the table (the customers of a sixth of the file or more) and by index (a few, with ``ix_invoice_owed`` there or
deferred)."""

from __future__ import annotations

import sqlite3

from hypothesis import given, settings
from hypothesis import strategies as st

from ar_desktop.storage.payment_spread import OpenQueues

CUSTOMERS = 6


def _file(invoices: list[tuple], owed: bool) -> sqlite3.Connection:
    """The invoice columns the queues read, with the indexes they are read by."""
    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE customer (id INTEGER PRIMARY KEY, currency TEXT NOT NULL)")
    con.executemany("INSERT INTO customer VALUES (?, ?)", [(c, "JPY" if c == 5 else "EUR")
                                                           for c in range(1, CUSTOMERS + 1)])
    con.execute("CREATE TABLE invoice (id INTEGER PRIMARY KEY, number TEXT NOT NULL UNIQUE, customer_id INTEGER NOT "
                "NULL, issue_date INTEGER NOT NULL, due_date INTEGER NOT NULL, amount INTEGER NOT NULL, paid INTEGER "
                "NOT NULL, voided INTEGER NOT NULL, discount INTEGER NOT NULL, currency TEXT NOT NULL)")
    con.execute("CREATE INDEX ix_invoice_aging ON invoice (customer_id, issue_date, due_date, amount)")
    if owed:
        con.execute("CREATE INDEX ix_invoice_owed ON invoice (customer_id, due_date, amount, paid, voided) "
                    "WHERE paid < amount AND voided = 0")
    con.executemany("INSERT INTO invoice VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", invoices)
    return con


def _expected(con: sqlite3.Connection, customers: set[int]) -> dict[int, tuple]:
    out = {}
    for c in customers:
        rows = sorted((due, issue, number, iid, amount - paid, discount, currency)
                      for iid, number, cid, issue, due, amount, paid, voided, discount, currency
                      in con.execute("SELECT * FROM invoice WHERE customer_id = ?", (c,))
                      if paid < amount and not voided)
        issue = [r[1] for r in rows]
        currencies = [r[6] for r in rows]
        out[c] = ([r[3] for r in rows], issue, [r[0] for r in rows], [r[4] for r in rows],
                  [min(issue[k:]) for k in range(len(issue))],
                  (currencies[0] if len(set(currencies)) == 1 else currencies) if rows else "",
                  {k for k, r in enumerate(rows) if r[5]} or None, 0)
    return out


def _held(queues: OpenQueues) -> dict[int, tuple]:
    return {c: (list(q.ids), list(q.issue), list(q.due), list(q.open), list(q.floor), q.currency, q.discount, q.start)
            for c, q in queues._queues.items()}


invoice_st = st.tuples(st.integers(1, CUSTOMERS), st.integers(0, 6), st.integers(0, 4), st.integers(1, 900),
                       st.sampled_from([0, 0, 0, 1, 50, 900]), st.sampled_from([0, 0, 0, 0, 1]),
                       st.sampled_from([0, 0, 0, 0, 20]), st.sampled_from(["EUR", "EUR", "EUR", "JPY", "USD"]),
                       st.sampled_from(["A", "B", "C"]))


@settings(max_examples=150, deadline=None)
@given(st.lists(invoice_st, max_size=60), st.integers(0, 200), st.booleans(),
       st.sets(st.integers(1, CUSTOMERS + 1), max_size=3))
def test_the_queues_hold_each_customers_open_invoices_oldest_due_first(drawn, paid_up, owed, few):
    # numbers drawn apart from ids, so that a tie of due and issue day is broken by the number, not the id
    invoices = [(k + 1, f"{prefix}{(k * 7) % 61:03d}", cid, issue, issue + days, amount,
                 min(paid, amount), voided, discount, currency)
                for k, (cid, issue, days, amount, paid, voided, discount, currency, prefix) in enumerate(drawn)]
    # the last customer's paid invoices: the others' are then few enough to be read by index
    invoices += [(len(drawn) + k + 1, f"P{k:04d}", CUSTOMERS, 3, 9, 100, 100, 0, 0, "EUR") for k in range(paid_up)]
    con = _file(invoices, owed)
    everyone = set(range(1, CUSTOMERS + 1))
    queues = OpenQueues(con)
    queues.load(everyone)            # a first batch: one pass over the table
    assert _held(queues) == _expected(con, everyone)
    queues.forget(few)
    queues.load(few)                 # a later batch: a few customers read again, by index
    assert _held(queues) == _expected(con, everyone | few)
    fresh = OpenQueues(con)
    fresh.load(few)
    assert _held(fresh) == _expected(con, few)
    queues.close()
    fresh.close()
