from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ar_desktop.domain.allocation import (Allocation, OpenInvoice, check_allocation, oldest_due_first,
                                          suggest_allocation)
from ar_desktop.domain.errors import UserError

D = date(2026, 1, 1)


def inv(iid: int, due_offset: int, amount: str, issue_offset: int = -30, number: str | None = None) -> OpenInvoice:
    return OpenInvoice(iid, number or f"INV-{iid}", D + timedelta(days=issue_offset), D + timedelta(days=due_offset),
                       Decimal(amount))


INVOICES = [inv(1, 20, "300.00"), inv(2, 0, "100.00"), inv(3, 10, "200.00")]


def test_oldest_due_first_with_ties():
    ties = [inv(5, 0, "1", number="B"), inv(4, 0, "1", number="A"), inv(6, 0, "1", issue_offset=-40, number="Z")]
    assert [i.invoice_id for i in oldest_due_first(ties)] == [6, 4, 5]


def test_pays_oldest_due_first_and_partially():
    plan = suggest_allocation(Decimal("250.00"), INVOICES)
    assert plan.allocations == (Allocation(2, Decimal("100.00")), Allocation(3, Decimal("150.00")))
    assert plan.applied == Decimal("250.00")
    assert plan.unapplied == Decimal("0.00")


def test_due_date_not_issue_date_decides():
    """Issued first but due last (90-day terms) is paid after one issued later on 10-day terms."""
    long_terms = inv(1, 60, "500.00", issue_offset=-30, number="LONG")   # issued 2 Dec, due 2 Mar
    short_terms = inv(2, 5, "200.00", issue_offset=-5, number="SHORT")   # issued 27 Dec, due 6 Jan
    assert [i.number for i in oldest_due_first([long_terms, short_terms])] == ["SHORT", "LONG"]
    plan = suggest_allocation(Decimal("250.00"), [long_terms, short_terms])
    assert plan.allocations == (Allocation(2, Decimal("200.00")), Allocation(1, Decimal("50.00")))


def test_leftover_becomes_credit():
    plan = suggest_allocation(Decimal("650.00"), INVOICES)
    assert [a.invoice_id for a in plan.allocations] == [2, 3, 1]
    assert plan.applied == Decimal("600.00")
    assert plan.unapplied == Decimal("50.00")


def test_no_open_invoices_everything_is_credit():
    plan = suggest_allocation(Decimal("10.00"), [])
    assert plan.allocations == ()
    assert plan.unapplied == Decimal("10.00")


def test_skips_fully_paid():
    plan = suggest_allocation(Decimal("10.00"), [inv(1, 0, "0.00"), inv(2, 5, "20.00")])
    assert plan.allocations == (Allocation(2, Decimal("10.00")),)


@pytest.mark.parametrize("amount", ["0", "-1.00"])
def test_payment_must_be_positive(amount):
    with pytest.raises(UserError, match="A payment must be greater than zero"):
        suggest_allocation(Decimal(amount), INVOICES)


def test_check_allocation_accepts_user_choice():
    plan = check_allocation(Decimal("500.00"), [Allocation(1, Decimal("300.00")), Allocation(3, Decimal("0")),
                                                Allocation(2, Decimal("50.00"))], INVOICES)
    assert plan.allocations == (Allocation(1, Decimal("300.00")), Allocation(2, Decimal("50.00")))
    assert plan.unapplied == Decimal("150.00")


def test_check_allocation_refusals():
    with pytest.raises(UserError, match=r"Invoice INV-2 has only 100.00 open; you allocated 100.01"):
        check_allocation(Decimal("500.00"), [Allocation(2, Decimal("100.01"))], INVOICES)
    with pytest.raises(UserError, match=r"Invoice INV-2 has only 100.00 open; you allocated 120.00"):
        check_allocation(Decimal("500.00"), [Allocation(2, Decimal("60.00")), Allocation(2, Decimal("60.00"))],
                         INVOICES)
    with pytest.raises(UserError, match=r"You allocated 400.00 but the payment is only 350.00"):
        check_allocation(Decimal("350.00"), [Allocation(1, Decimal("300.00")), Allocation(2, Decimal("100.00"))],
                         INVOICES)
    with pytest.raises(UserError, match="cannot be negative"):
        check_allocation(Decimal("10.00"), [Allocation(1, Decimal("-1.00"))], INVOICES)
    with pytest.raises(UserError, match="only be allocated to an open invoice of the same customer"):
        check_allocation(Decimal("10.00"), [Allocation(99, Decimal("1.00"))], INVOICES)


cents = st.integers(min_value=1, max_value=10**8).map(lambda u: Decimal(u).scaleb(-2))
open_invoices = st.lists(
    st.tuples(st.integers(min_value=-100, max_value=100), st.integers(min_value=0, max_value=10**7)),
    max_size=20,
).map(lambda xs: [inv(k, d, str(Decimal(u).scaleb(-2))) for k, (d, u) in enumerate(xs)])


@given(cents, open_invoices)
def test_allocation_never_creates_or_loses_a_cent(amount, invoices):
    plan = suggest_allocation(amount, invoices)
    assert plan.applied + plan.unapplied == amount
    assert plan.unapplied >= 0
    by_id = {i.invoice_id: i for i in invoices}
    assert len({a.invoice_id for a in plan.allocations}) == len(plan.allocations)
    for a in plan.allocations:
        assert 0 < a.amount <= by_id[a.invoice_id].open_amount
    # credit is left only when every open invoice is paid in full
    if plan.unapplied > 0:
        assert plan.applied == sum((i.open_amount for i in invoices), Decimal(0))
    # the check of a user allocation accepts what was suggested
    assert check_allocation(amount, list(plan.allocations), invoices) == plan


# --- early-payment discounts ("2/10 net 30") -------------------------------------------------------------

ISSUED = date(2026, 3, 1)
UNTIL = date(2026, 3, 11)  # issue date + 10 days


def offered(number: str, invoice_id: int, open_amount: str, discount: str = "20.00", due_days: int = 30):
    return OpenInvoice(invoice_id, number, ISSUED, ISSUED + timedelta(days=due_days), Decimal(open_amount),
                       Decimal(discount), UNTIL)


def test_a_payment_on_the_last_day_that_covers_the_invoice_less_the_discount_settles_it():
    plan = suggest_allocation(Decimal("980.00"), [offered("D-1", 1, "1000.00")], UNTIL)
    assert plan.allocations == (Allocation(1, Decimal("980.00")),)
    assert plan.discounts == (Allocation(1, Decimal("20.00")),)
    assert plan.unapplied == Decimal("0")


def test_the_day_after_the_last_day_the_difference_stays_open():
    plan = suggest_allocation(Decimal("980.00"), [offered("D-1", 1, "1000.00")], UNTIL + timedelta(days=1))
    assert plan.allocations == (Allocation(1, Decimal("980.00")),)
    assert plan.discounts == ()


def test_less_than_the_discounted_amount_is_a_part_payment_without_discount():
    plan = suggest_allocation(Decimal("979.99"), [offered("D-1", 1, "1000.00")], UNTIL)
    assert plan.allocations == (Allocation(1, Decimal("979.99")),) and plan.discounts == ()


def test_paying_in_full_takes_no_discount_and_paying_between_takes_only_the_rest():
    assert suggest_allocation(Decimal("1000.00"), [offered("D-1", 1, "1000.00")], ISSUED).discounts == ()
    plan = suggest_allocation(Decimal("990.00"), [offered("D-1", 1, "1000.00")], ISSUED)
    assert plan.allocations == (Allocation(1, Decimal("990.00")),)
    assert plan.discounts == (Allocation(1, Decimal("10.00")),)


def test_a_payment_for_two_discounted_invoices_settles_both_and_the_surplus_pays_the_oldest_in_full():
    invoices = [offered("D-1", 1, "1000.00", due_days=30), offered("D-2", 2, "500.00", "10.00", due_days=31)]
    plan = suggest_allocation(Decimal("1470.00"), invoices, UNTIL)
    assert plan.allocations == (Allocation(1, Decimal("980.00")), Allocation(2, Decimal("490.00")))
    assert plan.discounts == (Allocation(1, Decimal("20.00")), Allocation(2, Decimal("10.00")))
    plan = suggest_allocation(Decimal("1480.00"), invoices, UNTIL)  # 10 more: the oldest is paid in full
    assert plan.allocations == (Allocation(1, Decimal("990.00")), Allocation(2, Decimal("490.00")))
    assert plan.discounts == (Allocation(1, Decimal("10.00")), Allocation(2, Decimal("10.00")))
    plan = suggest_allocation(Decimal("1600.00"), invoices, UNTIL)
    assert plan.discounts == () and plan.unapplied == Decimal("100.00")


def test_an_edited_allocation_earns_the_discount_of_the_invoices_it_covers():
    invoices = [offered("D-1", 1, "1000.00"), offered("D-2", 2, "500.00", "10.00")]
    plan = check_allocation(Decimal("1000.00"), [Allocation(2, Decimal("490.00")), Allocation(1, Decimal("510.00"))],
                            invoices, UNTIL)
    assert plan.discounts == (Allocation(2, Decimal("10.00")),)
    assert check_allocation(Decimal("490.00"), [Allocation(2, Decimal("490.00"))], invoices,
                            UNTIL + timedelta(days=1)).discounts == ()
    assert check_allocation(Decimal("490.00"), [Allocation(2, Decimal("490.00"))], invoices).discounts == ()


@given(st.integers(min_value=1, max_value=400_000), st.integers(min_value=0, max_value=12))
def test_discounts_never_create_or_lose_a_cent(cents, day):
    invoices = [offered("D-1", 1, "1000.00"), offered("D-2", 2, "500.00", "10.00"),
                OpenInvoice(3, "X-3", ISSUED, ISSUED + timedelta(days=5), Decimal("250.00"))]
    amount = Decimal(cents) / 100
    plan = suggest_allocation(amount, invoices, ISSUED + timedelta(days=day))
    assert plan.applied + plan.unapplied == amount
    by_id = {i.invoice_id: i for i in invoices}
    for d in plan.discounts:
        paid = sum(a.amount for a in plan.allocations if a.invoice_id == d.invoice_id)
        assert paid + d.amount == by_id[d.invoice_id].open_amount  # settled exactly
        assert d.amount <= by_id[d.invoice_id].discount
    assert not plan.discounts or day <= 10


def test_no_discount_when_what_is_open_is_no_more_than_the_discount():
    plan = suggest_allocation(Decimal("10.00"), [offered("D-1", 1, "10.00", "20.00")], UNTIL)
    assert plan.allocations == (Allocation(1, Decimal("10.00")),) and plan.discounts == ()
