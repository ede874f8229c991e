from datetime import date, timedelta
from decimal import Decimal

import pytest

from ar_desktop.domain.credit import (
    CreditSettings,
    PaidInvoice,
    PaymentBehaviour,
    credit_limit_use,
    exceeds_limit,
    needs_credit_review,
    payment_behaviour,
    suggest_credit_class,
)
from ar_desktop.domain.errors import UserError

D = date(2024, 6, 30)


def test_credit_limit_use():
    assert credit_limit_use(Decimal("750.00"), Decimal("1000.00")) == Decimal("0.75")
    assert credit_limit_use(Decimal("1500"), Decimal("1000")) == Decimal("1.5")
    assert credit_limit_use(Decimal("0"), Decimal("1000")) == Decimal("0")
    assert credit_limit_use(Decimal("750.00"), None) is None
    with pytest.raises(UserError, match="must be greater than zero. Leave it empty"):
        credit_limit_use(Decimal("1"), Decimal("0"))


def test_exceeds_limit_allows_reaching_it_exactly():
    assert exceeds_limit(Decimal("800.00"), Decimal("200.00"), Decimal("1000.00")) is False
    assert exceeds_limit(Decimal("800.00"), Decimal("200.01"), Decimal("1000.00")) is True
    assert exceeds_limit(Decimal("1000000"), Decimal("1"), None) is False


def test_credit_review_at_ten_percent_of_the_limit():
    limit = Decimal("5000.00")
    assert needs_credit_review(Decimal("499.99"), limit) is False
    assert needs_credit_review(Decimal("500.00"), limit) is True
    assert needs_credit_review(Decimal("300.00"), limit, Decimal("6")) is True
    assert needs_credit_review(Decimal("299.99"), limit, Decimal("6")) is False
    assert needs_credit_review(Decimal("99999"), None) is False
    assert needs_credit_review(Decimal("0"), limit, Decimal("0")) is False


def paid(due_offset_days: int, late_days: int) -> PaidInvoice:
    due = D - timedelta(days=due_offset_days)
    return PaidInvoice(due, due + timedelta(days=late_days))


def test_payment_behaviour_counts_the_last_twelve_months_only():
    items = [paid(100, 0), paid(50, 10), paid(20, -5),
             PaidInvoice(date(2023, 5, 1), date(2023, 6, 30)),   # paid exactly a year before D: out
             PaidInvoice(date(2023, 6, 1), date(2023, 7, 1)),    # first day of the window: in
             PaidInvoice(date(2024, 6, 1), date(2024, 7, 1))]    # paid after D: out
    b = payment_behaviour(items, D)
    assert b == PaymentBehaviour(invoices=4, late_invoices=2,
                                 average_days_late=Decimal("10"), late_share=Decimal("0.5"))
    assert payment_behaviour([], D) is None
    assert suggest_credit_class([PaidInvoice(date(2022, 1, 1), date(2022, 1, 5))], D) is None


def test_suggested_class_thresholds():
    # A: average <= 5 days AND <= 10 % late
    on_time = [paid(200 - i, 0) for i in range(9)]
    assert suggest_credit_class(on_time + [paid(100, 50)], D) == "A"      # avg 5, 10 % late
    assert suggest_credit_class(on_time + [paid(100, 51)], D) == "B"      # avg 5.1
    eight = [paid(200 - i, 0) for i in range(8)]
    assert suggest_credit_class(eight + [paid(10, 1), paid(11, 1)], D) == "B"  # 20 % late
    # C: average > 30 days OR > 50 % late
    assert suggest_credit_class([paid(100, 60), paid(90, 0)], D) == "B"  # avg exactly 30, 50 % late
    assert suggest_credit_class([paid(100, 30), paid(90, 0)], D) == "B"  # 50 % late, avg 15
    assert suggest_credit_class([paid(100, 62), paid(90, 0)], D) == "C"  # avg 31
    assert suggest_credit_class([paid(100, 2), paid(90, 2), paid(80, 0)], D) == "C"  # 67 % late


def test_custom_settings_and_validation():
    strict = CreditSettings(a_max_avg_days_late=Decimal("0"), a_max_late_share=Decimal("0"),
                            c_min_avg_days_late=Decimal("3"), c_min_late_share=Decimal("0.2"))
    assert suggest_credit_class([paid(10, 0)], D, strict) == "A"
    assert suggest_credit_class([paid(10, 1), paid(20, 0)], D, strict) == "C"
    assert suggest_credit_class([paid(10, 1)] + [paid(20 + i, 0) for i in range(9)], D, strict) == "B"
    with pytest.raises(UserError, match="share from 0 to 1"):
        CreditSettings(a_max_late_share=Decimal("10"))
    with pytest.raises(UserError, match="class A limit for average days late"):
        CreditSettings(a_max_avg_days_late=Decimal("40"))
    with pytest.raises(UserError, match="review percentage"):
        CreditSettings(review_percent=Decimal("120"))
    with pytest.raises(UserError, match="0 or more"):
        CreditSettings(review_percent=Decimal("-1"))
