"""The forecast's weeks summed by SQLite (``forecast_from`` with receipts read later: the window's and the
`forecast` command's) equal the weeks of every open amount placed in Python (the printed report's, whose
receipts are made at once) to the cent, after random histories written through the program's own write paths
(test_open_set's payments, credits, write-offs, bulk payments, amount changes, voids, discounts, reversals,
changes of split and disputes, with promises, payment plans and legal steps added here), on any day, in both
currencies and for 1 to 13 weeks; and the year of clearings they are placed by, read as one query
(``clearing_summary.history_sql``), equals ``clearing_summary.counts``."""

from __future__ import annotations

import datetime as dt
import sqlite3
from decimal import Decimal

from hypothesis import example, given
from hypothesis import strategies as st

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.forecast import LATE_HISTORY_DAYS
from ar_desktop.services.forecast import forecast_from
from ar_desktop.storage import clearing_summary
from test_open_set import (SETTINGS, _ledger, day, dispute_st, entered_dispute_st, invoice_st,  # noqa: F401
                           op_st, template)

_ = template

# a promise (customer, made on, days to the promised date, amount in tenths), a legal or agency step
# (customer, day), a plan over the customer's first two invoices (customer, start, instalments)
rule_st = st.one_of(
    st.tuples(st.just("promise"), st.sampled_from("AB"), st.integers(0, 700), st.integers(0, 40), st.integers(1, 900)),
    st.tuples(st.just("step"), st.sampled_from("AB"), st.integers(0, 700), st.sampled_from(["legal_action", "agency"]),
              st.just(0)),
    st.tuples(st.just("plan"), st.sampled_from("AB"), st.integers(0, 700), st.integers(1, 4), st.integers(7, 30)),
)


def _add_rule(books, invoices, rule) -> None:
    from ar_desktop.services.collection_log import log_step, record_promise
    from ar_desktop.services.payment_plans import create_payment_plan

    kind, code, when, a, b = rule
    try:
        if kind == "promise":
            record_promise(books, code, (day(when) + dt.timedelta(days=a)).isoformat(), str(Decimal(b) / 10),
                           made_on=day(when).isoformat())
        elif kind == "step":
            log_step(books, code, a, day(when).isoformat())
        else:
            numbers = [f"I{n}" for n, inv in enumerate(invoices) if inv[0] == code][:2]
            if numbers:
                create_payment_plan(books, code, numbers, a, (day(when) + dt.timedelta(days=5)).isoformat(), b,
                                    starts_on=day(when).isoformat())
    except UserError:
        pass   # nothing open to promise or plan on that day, a step the ladder has not


@SETTINGS
@given(invoices=st.lists(invoice_st, min_size=1, max_size=8),
       ops=st.lists(st.one_of(op_st, dispute_st, entered_dispute_st), max_size=25),
       rules=st.lists(rule_st, max_size=4),
       dates=st.lists(st.integers(-10, 900), min_size=1, max_size=3), weeks=st.sampled_from([1, 4, 13]))
# days late 15 and 16 (15.5, rounded half up: 16) move the open invoice (due on day 130) across a week's start
@example(invoices=[("A", 0, 30, 500), ("A", 0, 30, 500), ("A", 100, 30, 300)],
         ops=[("pay", 0, 45, 100), ("pay", 1, 46, 100)], rules=[], dates=[138], weeks=13)
# a promise made on day 10 for day 14 takes the invoice due on day 30 two weeks earlier; a legal step after it
# was due makes another uncertain; a plan spreads a third; an invoice entered as disputed is uncertain
@example(invoices=[("A", 0, 30, 500), ("B", 0, 20, 400), ("B", 0, 25, 300), ("A", 0, 40, 200)],
         ops=[("entered", 3, 0, 0)], rules=[("promise", "A", 10, 4, 30), ("step", "B", 22, "legal_action", 0),
                                             ("plan", "A", 10, 2, 20)], dates=[12], weeks=4)
# written off: in a whole month of the year (day 45) and in the part-month at its end (day 120 = D)
@example(invoices=[("A", 0, 30, 500), ("A", 100, 10, 300), ("A", 110, 30, 300)],
         ops=[("write_off", 0, 45, 100), ("write_off", 1, 20, 100)], rules=[], dates=[120], weeks=13)
def test_the_weeks_summed_in_sql_equal_every_amount_placed_in_python(template, tmp_path_factory, invoices, ops, rules,
                                                                     dates, weeks):
    with _ledger(template, tmp_path_factory, invoices, ops) as (books, path):
        for rule in rules:
            _add_rule(books, invoices, rule)
        con = sqlite3.connect(path)
        try:
            for n in [*dates, *(r[2] + 2 for r in rules)]:   # some days the rules bear on
                for currency in ("EUR", "USD"):
                    placed = forecast_from(con, day(n), weeks, currency)
                    summed = forecast_from(con, day(n), weeks, currency, receipts=lambda: ())
                    assert summed.week_starts == placed.week_starts
                    assert (summed.per_week, summed.uncertain, summed.later) == \
                        (placed.per_week, placed.uncertain, placed.later), (n, currency)
                    assert summed.total == sum((r.amount for r in placed.receipts), Decimal(0))
                    assert not con.in_transaction   # a reader's read stays one that can be interrupted
                # the days late the weeks are placed by: the year's clearings as ``counts`` reads them
                start = day(n) - dt.timedelta(days=LATE_HISTORY_DAYS)
                sql, args = clearing_summary.history_sql(start, day(n))
                assert {cid: (k, late) for cid, k, late in con.execute(sql, args)} == \
                    {cid: (c.invoices, c.days_late) for cid, c in
                     clearing_summary.counts(con, start, day(n), [1, 2], adjusted=False).items()}, n
        finally:
            con.close()
