from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ar_desktop.domain.aging import (BUCKET_KEYS, AgingRow, OpenItem, age_items, bucket_for, days_past_due,
                                     is_overdue, total_row)

AS_OF = date(2026, 3, 31)


def due(days_past: int) -> date:
    return AS_OF - timedelta(days=days_past)


@pytest.mark.parametrize("days, bucket", [
    (-400, "current"), (-1, "current"),
    (0, "current"),  # due today: not yet due
    (1, "d1_30"), (30, "d1_30"),
    (31, "d31_60"), (60, "d31_60"),
    (61, "d61_90"), (90, "d61_90"),
    (91, "over_90"), (5000, "over_90"),
])
def test_bucket_boundaries(days, bucket):
    assert days_past_due(due(days), AS_OF) == days
    assert bucket_for(days).key == bucket
    assert is_overdue(due(days), AS_OF) is (days > 0)


def test_age_items_boundaries():
    items = [OpenItem(due(d), Decimal(a)) for d, a in
             [(0, "1.00"), (1, "2.00"), (30, "4.00"), (31, "8.00"), (60, "16.00"), (61, "32.00"), (90, "64.00"),
              (91, "128.00"), (-3, "0.50"), (45, "0")]]
    assert age_items(items, AS_OF) == {"current": Decimal("1.50"), "d1_30": Decimal("6.00"),
                                       "d31_60": Decimal("24.00"), "d61_90": Decimal("96.00"),
                                       "over_90": Decimal("128.00")}


def test_bucket_labels_and_order():
    assert BUCKET_KEYS == ("current", "d1_30", "d31_60", "d61_90", "over_90")


def test_aging_row_total_and_total_row():
    a = AgingRow("A", "Alpha", "EUR")
    a.add("current", Decimal("10.00"))
    a.add("over_90", Decimal("5.55"))
    b = AgingRow("B", "Beta", "EUR")
    b.add("d31_60", Decimal("0.45"))
    assert a.total == Decimal("15.55")
    t = total_row([a, b], "EUR")
    assert (t.customer_code, t.customer_name) == ("TOTAL", "Total")
    assert t.buckets == {"current": Decimal("10.00"), "d1_30": Decimal("0"), "d31_60": Decimal("0.45"),
                         "d61_90": Decimal("0"), "over_90": Decimal("5.55")}
    assert t.total == Decimal("16.00")


items_strategy = st.lists(st.builds(
    OpenItem,
    due_date=st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)),
    open_amount=st.integers(min_value=-10**9, max_value=10**9).map(lambda u: Decimal(u).scaleb(-2)),
), max_size=60)


@given(items_strategy, st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)))
def test_bucket_total_equals_open_balance(items, as_of):
    buckets = age_items(items, as_of)
    assert set(buckets) == set(BUCKET_KEYS)
    assert sum(buckets.values()) == sum((i.open_amount for i in items), Decimal(0))
    # nothing not yet due is ever aged as overdue, and vice versa
    assert buckets["current"] == sum((i.open_amount for i in items if i.due_date >= as_of), Decimal(0))
