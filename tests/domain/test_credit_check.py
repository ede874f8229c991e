"""Credit checks, the suggested limit and the new-customer cap; small balances."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ar_desktop.domain.credit_check import (CreditCheck, NewCustomerCap, months_between, parse_sources,
                                            round_down_to_step, suggest_limit)
from ar_desktop.domain.errors import UserError
from ar_desktop.domain.ladder import default_ladder
from ar_desktop.domain.small_balances import last_letter_step, suggest_write_off

D = dt.date


def test_round_down_to_two_significant_figures():
    assert round_down_to_step(Decimal("14166.67")) == 14000
    assert round_down_to_step(Decimal("876.5")) == 870
    assert round_down_to_step(Decimal("1234567")) == 1200000
    assert round_down_to_step(Decimal("99.99")) == 99
    assert round_down_to_step(Decimal("9.99")) == 9


def test_suggested_limit_arithmetic():
    s = suggest_limit(Decimal("120000"), D(2024, 1, 1), D(2026, 3, 31), 30, Decimal("12.5"), "B")
    # 120000 / 12 = 10000 a month × (30 + 12.5) / 30 = 14166.67 × 1 -> 14000
    assert (s.months, s.sales_per_month, s.exact, s.limit) == (12, Decimal("10000.00"), Decimal("14166.67"), 14000)
    assert "rounded down to 14,000" in str(s.arithmetic())
    a = suggest_limit(Decimal("120000"), D(2024, 1, 1), D(2026, 3, 31), 30, Decimal("0"), "A")
    assert a.limit == 12000  # 10000 × 30/30 × 1.25 = 12500 -> 12000
    c = suggest_limit(Decimal("120000"), D(2024, 1, 1), D(2026, 3, 31), 30, Decimal("0"), "C")
    assert c.limit == 5000


def test_a_new_customer_spreads_its_sales_over_the_months_it_has():
    s = suggest_limit(Decimal("30000"), D(2026, 1, 1), D(2026, 3, 31), 30, Decimal("0"), "B")
    assert s.months == 2 and s.limit == 15000
    one = suggest_limit(Decimal("3000"), D(2026, 3, 20), D(2026, 3, 31), 30, Decimal("0"), "B")
    assert one.months == 1 and one.limit == 3000
    assert suggest_limit(Decimal("0"), D(2026, 1, 1), D(2026, 3, 31), 30, Decimal("0"), "B") is None


def test_months_between():
    assert months_between(D(2026, 1, 31), D(2026, 2, 28)) == 0
    assert months_between(D(2026, 1, 31), D(2026, 3, 1)) == 1
    assert months_between(D(2025, 3, 31), D(2026, 3, 31)) == 12


def test_new_customer_cap():
    cap = NewCustomerCap(Decimal("5000"), 6)
    first = D(2026, 1, 15)
    assert cap.capped_until(first, D(2026, 7, 14)) == D(2026, 7, 15)
    assert cap.capped_until(first, D(2026, 7, 15)) is None
    assert cap.effective_limit(Decimal("20000"), first, D(2026, 7, 14)) == Decimal("5000")
    assert cap.effective_limit(Decimal("20000"), first, D(2026, 7, 15)) == Decimal("20000")
    assert cap.effective_limit(Decimal("3000"), first, D(2026, 2, 1)) == Decimal("3000")
    assert cap.effective_limit(None, None, D(2026, 2, 1)) == Decimal("5000")  # no invoice yet: capped
    assert NewCustomerCap().effective_limit(Decimal("20000"), None, D(2026, 2, 1)) == Decimal("20000")
    assert NewCustomerCap(Decimal("5000"), 6).capped_until(D(2025, 8, 31), D(2026, 2, 27)) == D(2026, 2, 28)


def test_credit_check_record():
    ok = CreditCheck(D(2026, 3, 1), ("registry", "bank"), "Solid", "approved", Decimal("5000"), D(2027, 3, 1))
    assert ok.limit_granted == 5000
    with pytest.raises(UserError, match="at least one source"):
        CreditCheck(D(2026, 3, 1), (), "x", "approved", Decimal("1"), None)
    with pytest.raises(UserError, match="findings"):
        CreditCheck(D(2026, 3, 1), ("bank",), " ", "approved", Decimal("1"), None)
    with pytest.raises(UserError, match="refused"):
        CreditCheck(D(2026, 3, 1), ("bank",), "x", "declined", Decimal("1"), None)
    with pytest.raises(UserError, match="limit granted"):
        CreditCheck(D(2026, 3, 1), ("bank",), "x", "approved", None, None)
    with pytest.raises(UserError, match="must come after"):
        CreditCheck(D(2026, 3, 1), ("bank",), "x", "approved", Decimal("1"), D(2026, 3, 1))
    assert parse_sources("bank; Registry") == ("registry", "bank")
    with pytest.raises(UserError, match="not a source"):
        parse_sources("horoscope")


def test_small_balance_write_off_suggestion():
    ladder = default_ladder("B")
    key = last_letter_step(ladder)
    assert key == "demand_letter"
    due = D(2026, 1, 10)
    assert suggest_write_off(Decimal("49.99"), Decimal("50"), ladder, due, {key: D(2026, 3, 1)}).last_letter_step == key
    assert suggest_write_off(Decimal("50"), Decimal("50"), ladder, due, {key: D(2026, 3, 1)}) is None
    assert suggest_write_off(Decimal("10"), Decimal("50"), ladder, due, {}) is None           # letters not tried
    assert suggest_write_off(Decimal("10"), Decimal("50"), ladder, due, {key: D(2025, 12, 1)}) is None  # older case
    assert suggest_write_off(Decimal("10"), None, ladder, due, {key: D(2026, 3, 1)}) is None
