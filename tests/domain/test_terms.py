from datetime import date
from decimal import Decimal

import pytest

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.terms import PaymentTerms, due_date_for, parse_terms

ISSUE = date(2026, 1, 31)


@pytest.mark.parametrize("text, net", [("30", 30), ("net 30", 30), ("NET 14", 14), (" net45 ", 45), ("0", 0),
                                       ("365", 365)])
def test_plain_terms(text, net):
    t = parse_terms(text)
    assert t == PaymentTerms(net)
    assert t.label() == f"net {net}"
    assert t.discount_deadline(ISSUE) is None
    assert t.discount(Decimal("1000.00"), ISSUE, ISSUE) == Decimal("0")


def test_due_date_crosses_month_and_leap_day():
    assert parse_terms("net 30").due_date(ISSUE) == date(2026, 3, 2)
    assert due_date_for(date(2028, 2, 28), 1) == date(2028, 2, 29)
    assert due_date_for(date(2026, 12, 15), 30) == date(2027, 1, 14)
    assert due_date_for(ISSUE, 0) == ISSUE


def test_two_ten_net_thirty():
    t = parse_terms("2/10 net 30")
    assert t == PaymentTerms(30, Decimal("2"), 10)
    assert t.label() == "2/10 net 30"
    assert t.due_date(ISSUE) == date(2026, 3, 2)
    assert t.discount_deadline(ISSUE) == date(2026, 2, 10)
    assert t.discount(Decimal("1000.00"), ISSUE, date(2026, 2, 10)) == Decimal("20.00")  # last day still counts
    assert t.discount(Decimal("1000.00"), ISSUE, date(2026, 2, 11)) == Decimal("0")
    assert t.discount(Decimal("0.25"), ISSUE, ISSUE) == Decimal("0.01")  # 0.005 rounds half up
    assert parse_terms("1.5/14 net 60").discount(Decimal("200.00"), ISSUE, ISSUE) == Decimal("3.00")
    assert parse_terms("1.5/14 net 60").label() == "1.5/14 net 60"


@pytest.mark.parametrize("text, message", [
    ("thirty", "are not payment terms"),
    ("", "are not payment terms"),
    ("-5", "are not payment terms"),
    ("366", "out of range. Use 0 to 365 days"),
    ("net 400", "out of range"),
    ("0/10 net 30", "must be between 0 and 100"),
    ("100/10 net 30", "must be between 0 and 100"),
    ("2/40 net 30", r"discount period \(40 days\) cannot be longer than the net period \(30 days\)"),
])
def test_bad_terms(text, message):
    with pytest.raises(UserError, match=message):
        parse_terms(text)


def test_due_date_for_refuses_out_of_range_days():
    with pytest.raises(UserError, match="out of range"):
        due_date_for(ISSUE, -1)
