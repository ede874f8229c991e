"""Payment plans over calendar time, on real company files (ladder B, grace 3 days)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ar_desktop.clock import FixedClock
from ar_desktop.domain.errors import UserError
from ar_desktop.services import collection_history, collection_settings, payment_plans, worklist
from ar_desktop.services import customers, invoicing, payments
from ar_desktop.services.company_file import create_company, record_outcomes_on_open

DUE = dt.date(2026, 3, 1)


def d(n: int) -> dt.date:
    return DUE + dt.timedelta(days=n)


@pytest.fixture
def clock():
    return FixedClock(d(20))


@pytest.fixture
def bk(tmp_path, clock):
    b = create_company(tmp_path / "co.ardb", "Test Trading Ltd", "EUR", "DE", clock=clock)
    try:
        customers.add_customer(b, {"code": "C1", "name": "C1 Ltd", "credit_class": "B"})
        customers.add_customer(b, {"code": "C2", "name": "C2 Ltd", "credit_class": "B"})
        for number, code in (("I1", "C1"), ("I2", "C1"), ("J1", "C2")):
            invoicing.add_invoice(b, {"number": number, "customer_code": code,
                                      "issue_date": (DUE - dt.timedelta(days=30)).isoformat(),
                                      "due_date": DUE.isoformat(), "amount": "300.00"})
        yield b
    finally:
        b.close()


def pay(b, clock, n, amount, code="C1"):
    clock.day = d(n)
    payments.record_payment(b, {"customer_code": code, "date": d(n).isoformat(), "amount": amount,
                                "invoice_number": ""})


def row(b, n, code="C1"):
    rows = [r for r in worklist.worklist(b, d(n)) if r.customer_code == code]
    return rows[0] if rows else None


def plan(b, numbers=("I1", "I2"), count=3, first=30, every=30, **kw):
    return payment_plans.create_payment_plan(b, "C1", list(numbers), count, d(first), every, **kw)


def kinds(b, code="C1"):
    return [e.kind for e in collection_history.history(b, code) if e.source == "event"]


def test_plan_covering_everything_overdue_pauses_the_ladder(bk):
    assert row(bk, 20).state == "action_due"
    pid = plan(bk, note="agreed on the phone")
    r = row(bk, 20)
    assert r.state == "promised"
    assert r.next_step_date == d(94)          # last instalment d(90) + 3 grace days, then the next day
    (info,) = payment_plans.payment_plans(bk, "C1")
    assert info.id == pid and info.status == "open" and info.invoice_numbers == ("I1", "I2")
    assert info.instalments == ((d(30), Decimal("200.00")), (d(60), Decimal("200.00")), (d(90), Decimal("200.00")))
    assert info.total == Decimal("600.00") and info.starts_on == d(20) and info.ends_on == d(93)
    (entry,) = [e for e in collection_history.history(bk, "C1") if e.kind == "plan"]
    assert str(entry.text) == ("3 instalments of 200.00 from 2026-03-31 every 30 days "   # beside "payment plan"
                               "(invoices I1, I2). agreed on the phone")
    assert entry.amount == Decimal("600.00")


def test_instalments_paid_on_time_keep_the_plan(bk, clock):
    plan(bk)
    pay(bk, clock, 29, "200.00")
    assert row(bk, 29).state == "promised"
    pay(bk, clock, 62, "200.00")   # within the grace of the second instalment
    assert row(bk, 62).state == "promised"
    pay(bk, clock, 90, "200.00")
    assert row(bk, 90) is None     # nothing open any more
    (info,) = payment_plans.payment_plans(bk, "C1")
    assert info.status == "kept" and info.paid_since == Decimal("600.00")
    assert kinds(bk).count("plan_kept") == 1
    worklist.worklist(bk, d(90))
    assert kinds(bk).count("plan_kept") == 1 and "plan_broken" not in kinds(bk)


def test_missed_instalment_breaks_the_plan_once_and_the_ladder_resumes(bk, clock):
    plan(bk)
    pay(bk, clock, 29, "200.00")
    clock.day = d(63)
    assert row(bk, 63).state == "promised"   # second instalment due d(60), grace to d(63)
    assert "plan_broken" not in kinds(bk)
    clock.day = d(70)
    r = row(bk, 70)
    assert r.state == "action_due"
    assert r.chased_invoices == ("I1", "I2") or r.chased_invoices == ("I2",)
    assert "plan_broken" not in kinds(bk)  # the worklist only reads ...
    worklist.record_outcomes(bk)                  # ... the opening step (or a payment) records the break, once
    worklist.record_outcomes(bk)
    assert kinds(bk).count("plan_broken") == 1
    (entry,) = [e for e in collection_history.history(bk, "C1") if e.kind == "plan_broken"]
    assert entry.date == d(64)
    assert str(entry.text) == "Paid 200.00 of 400.00 due by 2026-04-30."
    (info,) = payment_plans.payment_plans(bk, "C1")
    assert info.status == "broken" and info.ends_on == d(63)
    assert row(bk, 63).state == "promised"   # looking back: the plan still held that day
    # a late payment does not mend it
    pay(bk, clock, 71, "200.00")
    assert row(bk, 71).state == "action_due" and kinds(bk).count("plan_broken") == 1


def test_plan_on_some_invoices_leaves_the_rest_on_the_ladder(bk):
    plan(bk, numbers=("I1",))
    r = row(bk, 20)
    assert r.state == "action_due" and r.chased_invoices == ("I2",)
    assert r.overdue_amount == Decimal("600.00")


def test_cancelled_plan_returns_the_invoices_to_the_ladder(bk, clock):
    pid = plan(bk)
    clock.day = d(25)
    payment_plans.cancel_payment_plan(bk, pid, "customer changed its mind")
    assert row(bk, 25).state == "action_due"
    assert row(bk, 24).state == "promised"
    assert payment_plans.payment_plans(bk, "C1")[0].status == "cancelled"
    assert "plan_cancelled" in kinds(bk)
    with pytest.raises(UserError, match="already cancelled"):
        payment_plans.cancel_payment_plan(bk, pid, "again")
    plan(bk, first=30)   # the invoices are free again


@pytest.mark.parametrize("kw,message", [
    (dict(count=0), "number of instalments"), (dict(count=61), "number of instalments"),
    (dict(every=6), "days between"), (dict(every=93), "days between"),
    (dict(numbers=()), "at least one invoice"), (dict(numbers=("J1",)), "another customer"),
    (dict(numbers=("NOPE",)), "no invoice"), (dict(first=10), "before the plan starts"),
])
def test_wrong_plans_are_refused(bk, kw, message):
    with pytest.raises(UserError, match=message):
        plan(bk, **kw)
    assert payment_plans.payment_plans(bk, "C1") == []


def test_an_invoice_is_in_one_plan_at_a_time(bk):
    plan(bk, numbers=("I1",))
    with pytest.raises(UserError, match="already in a payment plan"):
        plan(bk, numbers=("I1", "I2"))


def test_paid_invoice_cannot_be_planned(bk, clock):
    pay(bk, clock, 20, "300.00")
    with pytest.raises(UserError, match="paid in full"):
        plan(bk, numbers=("I1",))


def test_plan_paid_off_is_kept_while_the_rest_stays_on_the_ladder(bk, clock):
    plan(bk, numbers=("I1",), count=1)
    clock.day = d(29)
    payments.record_payment(bk, {"customer_code": "C1", "date": d(29).isoformat(), "amount": "300.00",
                                 "invoice_number": "I1"})
    r = row(bk, 29)
    assert r.state == "action_due" and r.chased_invoices == ("I2",)
    assert kinds(bk).count("plan_kept") == 1
    row(bk, 30)
    (info,) = payment_plans.payment_plans(bk, "C1")
    assert info.status == "kept" and kinds(bk).count("plan_kept") == 1


# ---- the plan's last days (instalments d(30), d(60), d(90) of 200.00; grace 3: the plan runs to d(93)) ----

def reopen(b, clock, n):
    """The bookkeeper opens the company file on d(n): the opening step records what became of the plan."""
    clock.day = d(n)
    record_outcomes_on_open(b)


def plan_row(b):
    (info,) = payment_plans.payment_plans(b, "C1")
    return info.status, info.ends_on


def test_last_instalment_unpaid_breaks_the_plan_the_day_after_its_last_day(bk, clock):
    plan(bk)
    pay(bk, clock, 29, "200.00")
    pay(bk, clock, 59, "200.00")
    for day in (90, 93):                 # the last instalment's day, the last day of its grace (the plan's end)
        reopen(bk, clock, day)
        assert row(bk, day).state == "promised" and plan_row(bk) == ("open", d(93))
    assert "plan_broken" not in kinds(bk)
    assert row(bk, 94).state == "action_due"   # the day after: the invoices are back on the ladder ...
    reopen(bk, clock, 120)                       # ... and the first opening after it records the break, dated then
    (entry,) = [e for e in collection_history.history(bk, "C1") if e.kind == "plan_broken"]
    assert entry.date == d(94) and str(entry.text) == "Paid 400.00 of 600.00 due by 2026-05-30."
    assert plan_row(bk) == ("broken", d(93))
    reopen(bk, clock, 121)
    assert kinds(bk).count("plan_broken") == 1 and row(bk, 93).state == "promised"  # looking back: it held


@pytest.mark.parametrize("last_paid", [90, 93])   # on the last instalment's day; on the plan's last day
def test_a_plan_paid_in_full_by_its_last_day_is_kept_not_broken(bk, clock, last_paid):
    plan(bk)
    pay(bk, clock, 29, "200.00")
    pay(bk, clock, 59, "200.00")
    pay(bk, clock, last_paid, "200.00")
    assert plan_row(bk) == ("kept", d(93)) and kinds(bk).count("plan_kept") == 1
    reopen(bk, clock, 94)
    reopen(bk, clock, 200)
    assert row(bk, 94) is None and "plan_broken" not in kinds(bk) and kinds(bk).count("plan_kept") == 1


def test_a_longer_grace_set_later_does_not_stretch_a_plan_past_its_last_day(bk, clock):
    plan(bk)                         # made with grace 3: runs to d(93)
    pay(bk, clock, 29, "200.00")
    pay(bk, clock, 59, "200.00")
    credit = collection_settings.collection_settings(bk).credit
    collection_settings.set_collection_settings(bk, collection_settings.CollectionSettings(grace_days=10, credit=credit))
    assert row(bk, 94).state != "promised"
    reopen(bk, clock, 94)
    assert plan_row(bk) == ("broken", d(93))
    (entry,) = [e for e in collection_history.history(bk, "C1") if e.kind == "plan_broken"]
    assert entry.date == d(94)


def test_a_late_instalment_broke_the_plan_even_if_nobody_looked_in_time(bk, clock):
    """The first instalment (d(30), grace to d(33)) paid on d(40), the file not opened in between: the plan
    broke on d(34) and the books say so - the late money does not mend it (it used to)."""
    plan(bk)
    assert row(bk, 33).state == "promised"
    pay(bk, clock, 40, "200.00")   # the outcome step runs with the payment
    (entry,) = [e for e in collection_history.history(bk, "C1") if e.kind == "plan_broken"]
    assert entry.date == d(34) and str(entry.text) == "Paid 0.00 of 200.00 due by 2026-03-31."
    assert plan_row(bk) == ("broken", d(33)) and row(bk, 45).state == "action_due"
    reopen(bk, clock, 45)
    assert kinds(bk).count("plan_broken") == 1
