"""``clearing_summary.counts`` answers a long part-month of a period as its month's row of the summary less the few
days of the month outside it (D on the 1st: one day read from the invoices instead of thirty). That is exact only
when no invoice of the month was cleared before its issue day (the summary counts such an invoice by its issue day,
the invoices' ranges by theirs): then the part is read as it is. Both against the plain question
(``open_set.cleared_rows`` over the whole period, test_clearing_summary's ``_plain_counts``)."""

from __future__ import annotations

import datetime as dt
import sqlite3

from ar_desktop.services import payments
from ar_desktop.services.customers import add_customer
from ar_desktop.services.invoicing import add_invoice
from ar_desktop.storage import clearing_summary
from ar_desktop.storage.days import day
from test_clearing_summary import _plain_counts

D = dt.date(2026, 12, 1)
START = D - dt.timedelta(days=365)   # 2025-12-01: the part (2025-12-01, 2025-12-31], one day outside it


def _paid(books, number: str, issued: str, due_days: int, paid_on: str, amount: str = "100.00") -> None:
    add_invoice(books, {"number": number, "customer_code": "A", "issue_date": issued, "amount": amount,
                        "due_date": (dt.date.fromisoformat(issued) + dt.timedelta(days=due_days)).isoformat()})
    payments.record_payment(books, {"customer_code": "A", "date": paid_on, "amount": amount}, None)


def _both(books) -> tuple[dict, dict]:
    with books.db.session() as s:
        got = {cid: tuple(c) for cid, c in clearing_summary.counts(s, START, D, [1, 2]).items()}
        return got, _plain_counts(s, START, D, adjusted=True)


def _from_month(books) -> bool:
    con = sqlite3.connect(books.db.path)
    try:
        return clearing_summary._from_month(con, START, dt.date(2025, 12, 31), day(D), "[1, 2]",
                                            lambda *_row: None, lambda *_args: None)
    finally:
        con.close()


def test_a_long_part_month_from_the_summary_less_the_days_outside_it(books):
    add_customer(books, {"code": "A", "name": "Alpha GmbH", "terms_days": "10"})
    _paid(books, "OUTSIDE", "2025-11-20", 5, "2025-12-01")    # cleared on the day outside the part, late
    _paid(books, "IN-1", "2025-12-03", 10, "2025-12-10")      # on time
    _paid(books, "IN-2", "2025-12-04", 3, "2025-12-30")       # 23 days late
    _paid(books, "LATER", "2026-03-01", 10, "2026-03-20")     # a whole month inside the period
    assert _from_month(books)
    got, plain = _both(books)
    assert got == plain == {1: (3, 2, 23 + 9)}   # IN-2 and LATER (9 days) late


def test_an_invoice_cleared_before_its_issue_day_has_the_part_read_as_it_is(books):
    """Paid on the day outside the part, then given a later issue day inside it (a correction written straight to
    the file, as an older import could leave it): the summary counts it in December by its issue day, the day
    outside the part by its clearing day does not find it. Read from the summary it would count in the period."""
    add_customer(books, {"code": "A", "name": "Alpha GmbH", "terms_days": "10"})
    _paid(books, "IN-1", "2025-12-03", 10, "2025-12-10")
    _paid(books, "MOVED", "2025-11-25", 10, "2025-12-01")
    con = sqlite3.connect(books.db.path)
    try:
        with con:
            con.execute("UPDATE invoice SET issue_date = ?, due_date = ? WHERE number = 'MOVED'",
                        (day(dt.date(2025, 12, 20)), day(dt.date(2025, 12, 30))))
        assert con.execute("SELECT count(*) FROM clearing_month WHERE since > ?",
                           (clearing_summary.NOT_AFTER,)).fetchone() == (1,)
    finally:
        con.close()
    got, plain = _both(books)
    assert got == plain == {1: (1, 0, 0)}
    assert not _from_month(books)
