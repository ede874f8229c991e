import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.forecast import (DISPUTED, DUE, LEGAL, PLAN, PROMISE, ForecastItem, ForecastPlan,
                                        ForecastPromise, forecast, whole_days)

D = dt.date(2026, 3, 31)


def day(n: int) -> dt.date:
    return D + dt.timedelta(days=n)


def item(number, due, amount, customer="A", disputed="0", legal=False):
    return ForecastItem(number, customer, due, Decimal(amount), Decimal(disputed), legal)


def where(f, number):
    return [(r.expected_on, r.amount, r.basis) for r in f.receipts if r.invoice_number == number]


def test_weeks_start_the_day_after_and_nothing_is_expected_before():
    f = forecast(D, [item("OLD", day(-40), "10"), item("W0", day(7), "20"), item("W1", day(8), "30"),
                     item("LAST", day(91), "40"), item("LATER", day(92), "50")], weeks=13)
    assert f.week_starts[0] == day(1) and f.week_starts[-1] == day(85) and f.last_day == day(91)
    assert where(f, "OLD") == [(day(1), Decimal("10"), DUE)]      # overdue: the day after D, not before
    assert f.per_week[0] == Decimal("30") and f.per_week[1] == Decimal("30") and f.per_week[12] == Decimal("40")
    assert f.later == Decimal("50") and f.uncertain == 0
    assert f.total == Decimal("150")
    assert [r.invoice_number for r in f.receipts_by_bar[0]] == ["OLD", "W0"]
    assert [r.invoice_number for r in f.receipts_by_bar[-2]] == ["LATER"]


def test_average_days_late_moves_the_due_date():
    f = forecast(D, [item("A1", day(10), "100"), item("B1", day(10), "100", customer="B")],
                 average_days_late={"A": 12})
    assert where(f, "A1") == [(day(22), Decimal("100"), DUE)]
    assert where(f, "B1") == [(day(10), Decimal("100"), DUE)]


def test_disputed_part_and_legal_steps_are_uncertain():
    f = forecast(D, [item("PART", day(5), "100", disputed="30"), item("ALL", day(5), "80", disputed="500"),
                     item("LAW", day(-60), "70", legal=True, disputed="10")])
    assert sorted(where(f, "PART"), key=str) == sorted([(day(5), Decimal("70"), DUE), (None, Decimal("30"), DISPUTED)],
                                                       key=str)
    assert where(f, "ALL") == [(None, Decimal("80"), DISPUTED)]
    assert where(f, "LAW") == [(None, Decimal("70"), LEGAL)]
    assert f.uncertain == Decimal("180") and f.total == Decimal("250")
    assert {r.invoice_number for r in f.receipts_by_bar[-1]} == {"PART", "ALL", "LAW"}


def test_a_promise_takes_the_oldest_invoices_first():
    items = [item("N2", day(20), "100"), item("N1", day(-10), "50"), item("N3", day(40), "100"),
             item("B1", day(-30), "999", customer="B")]
    f = forecast(D, items, promises=[ForecastPromise("A", day(3), Decimal("120"))], average_days_late={"A": 5})
    assert where(f, "N1") == [(day(3), Decimal("50"), PROMISE)]
    assert sorted(where(f, "N2"), key=str) == sorted([(day(3), Decimal("70"), PROMISE), (day(25), Decimal("30"), DUE)],
                                                     key=str)
    assert where(f, "N3") == [(day(45), Decimal("100"), DUE)]
    assert where(f, "B1") == [(day(1), Decimal("999"), DUE)]


def test_a_promise_dated_before_tomorrow_is_expected_tomorrow_and_never_more_than_is_open():
    f = forecast(D, [item("N1", day(-10), "50")], promises=[ForecastPromise("A", day(-1), Decimal("80"))])
    assert where(f, "N1") == [(day(1), Decimal("50"), PROMISE)]


def test_plan_instalments_take_the_plan_invoices_in_date_order():
    plan = ForecastPlan(frozenset({"P1", "P2"}), ((day(-5), Decimal("100")), (day(25), Decimal("100")),
                                                  (day(55), Decimal("100"))), paid_since=Decimal("100"))
    f = forecast(D, [item("P1", day(-60), "120"), item("P2", day(-50), "110"), item("X", day(10), "10")],
                 plans=[plan], promises=[ForecastPromise("A", day(2), Decimal("500"))])
    # the first instalment is paid; 200 fall on the next two dates, the 30 beyond them on the last
    assert where(f, "P1") == [(day(25), Decimal("100"), PLAN), (day(55), Decimal("20"), PLAN)]
    assert where(f, "P2") == [(day(55), Decimal("80"), PLAN), (day(55), Decimal("30"), PLAN)]
    assert where(f, "X") == [(day(2), Decimal("10"), PROMISE)]    # plans come before the promise
    assert f.total == Decimal("240")


def test_whole_days_and_weeks_checked():
    assert (whole_days(0, 0), whole_days(5, 2), whole_days(7, 2), whole_days(1, 3)) == (0, 3, 4, 0)
    with pytest.raises(UserError, match="1 to 104 weeks"):
        forecast(D, [], weeks=0)


amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999.99"), places=2)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(-400, 400), amounts, st.integers(0, 100), st.booleans(),
                          st.sampled_from("ABC")), max_size=25),
       st.lists(st.tuples(st.sampled_from("ABC"), st.integers(-10, 60), amounts), max_size=3),
       st.lists(st.tuples(st.lists(st.integers(0, 24), min_size=1, max_size=4),
                          st.lists(st.tuples(st.integers(-30, 200), amounts), max_size=4), amounts), max_size=2),
       st.dictionaries(st.sampled_from("ABC"), st.integers(0, 90)), st.integers(1, 20))
def test_every_open_cent_lands_in_exactly_one_row(raw_items, raw_promises, raw_plans, late, weeks):
    items = [ForecastItem(f"I{n}", cust, day(due), amount, (amount * share / 100).quantize(Decimal("0.01")),
                          legal and share > 90)
             for n, (due, amount, share, legal, cust) in enumerate(raw_items)]
    promises = [ForecastPromise(c, day(p), a) for c, p, a in raw_promises]
    plans = [ForecastPlan(frozenset(f"I{i}" for i in numbers), tuple((day(x), a) for x, a in inst), paid)
             for numbers, inst, paid in raw_plans]
    f = forecast(D, items, weeks=weeks, plans=plans, promises=promises, average_days_late=late)
    total = sum((i.open_amount for i in items), Decimal(0))
    assert f.total == total
    assert sum((r.amount for r in f.receipts), Decimal(0)) == total
    assert all(r.amount > 0 for r in f.receipts)
    assert all(r.expected_on is None or r.expected_on > D for r in f.receipts)
    for i in items:
        assert sum((r.amount for r in f.receipts if r.invoice_number == i.invoice_number), Decimal(0)) == i.open_amount
    assert len(f.per_week) == weeks
    # each bar's total (summed without the receipts) equals the receipts its drill-down lists
    assert [sum((r.amount for r in f.receipts_by_bar[k]), Decimal(0)) for k in range(weeks)] == list(f.per_week)
    assert sum((r.amount for r in f.receipts_by_bar[-2]), Decimal(0)) == f.later
    assert sum((r.amount for r in f.receipts_by_bar[-1]), Decimal(0)) == f.uncertain
