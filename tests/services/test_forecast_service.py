"""The cash forecast on a real company file: promises, plans, disputes, a legal step, days late."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ar_desktop.domain.forecast import DISPUTED, DUE, LEGAL, PLAN, PROMISE
from ar_desktop.services.collection_log import log_step, record_promise
from ar_desktop.services.disputes import mark_dispute
from ar_desktop.services.payment_plans import create_payment_plan
from ar_desktop.services.customers import add_customer
from ar_desktop.services.forecast import cash_forecast
from ar_desktop.services.invoicing import add_invoice
from ar_desktop.services.kpis import kpis
from ar_desktop.services.payments import record_payment, reverse_payment

TODAY = dt.date(2026, 3, 31)
D = TODAY


def day(n: int) -> str:
    return (D + dt.timedelta(days=n)).isoformat()


def inv(books, number, code, issued, due, amount):
    add_invoice(books, {"number": number, "customer_code": code, "issue_date": day(issued), "due_date": day(due),
                        "amount": amount})


@pytest.fixture
def ledger(books):
    for code in ("LATE", "PROM", "PLAN", "DISP", "LAW", "USD"):
        add_customer(books, {"code": code, "name": f"Customer {code}", "currency": "USD" if code == "USD" else "EUR"})
    # LATE pays 10 days late on average: two invoices paid 7 and 13 days late in the last 365 days
    inv(books, "L-OLD1", "LATE", -100, -70, "100.00")
    inv(books, "L-OLD2", "LATE", -90, -60, "100.00")
    record_payment(books, {"date": day(-63), "customer_code": "LATE", "amount": "100.00", "invoice_number": "L-OLD1"})
    record_payment(books, {"date": day(-47), "customer_code": "LATE", "amount": "100.00", "invoice_number": "L-OLD2"})
    inv(books, "L-1", "LATE", -5, 20, "300.00")          # due + 10 days late
    inv(books, "L-2", "LATE", -40, -10, "50.00")          # overdue: never before tomorrow
    # PROM promised 250.00 by D + 9: taken from its oldest invoices
    inv(books, "P-1", "PROM", -50, -20, "200.00")
    inv(books, "P-2", "PROM", -20, 10, "200.00")
    record_promise(books, "PROM", day(9), "250.00", made_on=day(-2))
    # PLAN: 2 instalments of 300.00 on its two invoices
    inv(books, "PL-1", "PLAN", -80, -50, "400.00")
    inv(books, "PL-2", "PLAN", -70, -40, "200.00")
    create_payment_plan(books, "PLAN", ["PL-1", "PL-2"], 2, day(14), 30, starts_on=day(-1))
    # DISP: 60.00 of 160.00 contested
    inv(books, "D-1", "DISP", -10, 20, "160.00")
    mark_dispute(books, "D-1", "damaged", "60.00", on=day(-3))
    # LAW: a legal step taken after its first invoice was due; the later invoice is not concerned
    inv(books, "LW-1", "LAW", -200, -170, "700.00")
    log_step(books, "LAW", "demand_letter", day(-120))
    log_step(books, "LAW", "legal_action", day(-90))
    inv(books, "LW-2", "LAW", -30, 0, "80.00")
    inv(books, "U-1", "USD", -10, 20, "999.00")          # another currency: not in the EUR forecast
    return books


def where(f, number):
    return sorted(((r.expected_on, r.amount, r.basis) for r in f.receipts if r.invoice_number == number),
                  key=lambda x: (x[0] or dt.date.max, x[1]))


def test_each_rule_places_its_amounts(ledger):
    f = cash_forecast(ledger, D)
    d = lambda n: D + dt.timedelta(days=n)  # noqa: E731
    assert where(f, "L-1") == [(d(30), Decimal("300.00"), DUE)]
    assert where(f, "L-2") == [(d(1), Decimal("50.00"), DUE)]
    assert where(f, "P-1") == [(d(9), Decimal("200.00"), PROMISE)]
    assert where(f, "P-2") == [(d(9), Decimal("50.00"), PROMISE), (d(10), Decimal("150.00"), DUE)]
    assert where(f, "PL-1") == [(d(14), Decimal("300.00"), PLAN), (d(44), Decimal("100.00"), PLAN)]
    assert where(f, "PL-2") == [(d(44), Decimal("200.00"), PLAN)]
    assert where(f, "D-1") == [(d(20), Decimal("100.00"), DUE), (None, Decimal("60.00"), DISPUTED)]
    assert where(f, "LW-1") == [(None, Decimal("700.00"), LEGAL)]
    assert where(f, "LW-2") == [(d(1), Decimal("80.00"), DUE)]
    assert not where(f, "U-1")
    assert f.uncertain == Decimal("760.00")


def test_an_invoice_entered_as_disputed_is_uncertain_in_full(ledger):
    """Flagged disputed with no dispute event (entered or imported so): all that is open is uncertain."""
    inv_args = {"customer_code": "DISP", "issue_date": day(-10), "due_date": day(20)}
    add_invoice(ledger, {**inv_args, "number": "D-2", "amount": "120.00", "disputed": "yes"})
    add_invoice(ledger, {**inv_args, "number": "D-3", "amount": "80.00", "disputed": "yes"})
    record_payment(ledger, {"date": day(-1), "customer_code": "DISP", "amount": "30.00", "invoice_number": "D-3"})
    f = cash_forecast(ledger, D)
    assert where(f, "D-2") == [(None, Decimal("120.00"), DISPUTED)]
    assert where(f, "D-3") == [(None, Decimal("50.00"), DISPUTED)]
    assert where(f, "D-1") == [(D + dt.timedelta(days=20), Decimal("100.00"), DUE), (None, Decimal("60.00"), DISPUTED)]
    assert f.uncertain == Decimal("930.00")


def test_rows_add_up_to_total_owed_to_the_cent(ledger):
    for as_of in (D, D - dt.timedelta(days=1), D - dt.timedelta(days=45), D - dt.timedelta(days=95)):
        f = cash_forecast(ledger, as_of)
        assert f.total == kpis(ledger, as_of).total_ar
        assert cash_forecast(ledger, as_of, currency="USD").total == kpis(ledger, as_of, currency="USD").total_ar


def test_a_broken_promise_no_longer_counts(ledger):
    later = D + dt.timedelta(days=20)            # promised date + 3 grace days have passed, nothing paid
    f = cash_forecast(ledger, later)
    assert all(r.basis != PROMISE for r in f.receipts)


def test_the_plain_reads_of_promises_plans_and_steps_equal_the_orms(ledger):
    """storage.forecast_sql reads promises, plans and steps without SQLAlchemy (for the forecast and the
    worklist): the same answers as the same questions asked through the ORM (below), for promises partly paid,
    paid by a payment reversed later, broken, and plans holding, paid and ended."""
    from sqlalchemy import select

    from ar_desktop.storage import collections_repo, forecast_sql
    from ar_desktop.storage.orm_collections import CollectionEvent
    from ar_desktop.storage.kpi_sql import dbapi

    pay = record_payment(ledger, {"date": day(-1), "customer_code": "PROM", "amount": "120.00", "invoice_number": "P-1"})
    reverse_payment(ledger, pay, day(0), "cheque bounced")
    record_payment(ledger, {"date": day(0), "customer_code": "PLAN", "amount": "300.00", "invoice_number": "PL-1"})
    record_promise(ledger, "LATE", day(-12), "30.00", made_on=day(-30))
    record_payment(ledger, {"date": day(-20), "customer_code": "LATE", "amount": "10.00", "invoice_number": "L-2"})
    with ledger.db.session() as s:
        con = dbapi(s)
        ids = [i for (i,) in con.execute("SELECT id FROM customer")]
        number = dict(con.execute("SELECT id, number FROM invoice"))
        for n in (-100, -30, -20, -12, -9, -8, -2, -1, 0, 2, 9, 12, 13, 15, 20, 40, 44, 45, 75, 200):
            d = D + dt.timedelta(days=n)
            for grace in (0, 3):
                plain = {p.customer_id: (p.id, p.made_on, p.promised_date, p.amount, p.received, p.status)
                         for p in forecast_sql.latest_promises(con, d, ids, grace)}
                orm = {cid: (p.ref, p.made_on, p.promised_date, int(p.amount * 100), int(p.paid_since * 100), status)
                       for cid, (p, status) in _orm_latest_promises(s, d, ids, grace).items()}
                assert plain == orm, (d, grace)
            plain = [(p.id, p.status, p.starts_on, p.ends_on, frozenset(number[i] for i in p.invoice_ids),
                      [(x, u) for x, u in p.instalments], sorted(p.paid)) for p in forecast_sql.plans_on(con, d, ids)]
            orm = [(p.id, p.status, p.starts_on, p.ends_on, p.invoice_numbers,
                    [(x, int(a * 100)) for x, a in p.instalments], sorted((x, int(a * 100)) for x, a in p.paid))
                   for plans in _orm_plans_on(s, d, ids).values() for p in plans]
            assert sorted(plain) == sorted(orm), d
            steps = s.execute(select(CollectionEvent.customer_id, CollectionEvent.step_key, CollectionEvent.date)
                              .where(CollectionEvent.kind == "step_done", CollectionEvent.date <= d)
                              .order_by(CollectionEvent.date, CollectionEvent.id)).all()
            assert forecast_sql.steps_done(con, d, ids) == [tuple(r) for r in steps], d


# The worklist read these through SQLAlchemy until it took the forecast's plain reader (storage.forecast_sql): kept
# here as the reference that reader is held equal to, written apart from it.

from sqlalchemy import func, or_, select  # noqa: E402

from ar_desktop.domain.money import from_minor  # noqa: E402
from ar_desktop.domain.next_step import Promise  # noqa: E402
from ar_desktop.storage import collection_records, collections_repo  # noqa: E402
from ar_desktop.storage.day_columns import day_of_iso  # noqa: E402
from ar_desktop.storage.orm import Allocation, Customer, Invoice  # noqa: E402
from ar_desktop.storage.orm_collections import (PaymentPlanInstalment, PaymentPlanInvoice,  # noqa: E402
                                                PaymentPlanRow, PromiseRow)

def _orm_latest_promises(s, as_of: dt.date, scope, grace_days: int) -> dict:
    """Per customer in ``scope``: the latest promise made on or before D (ref = its id) with the money
    received from the day it was made up to min(D, promised date + grace) (no correction: NOT_MONEY;
    nothing reversed by D), and its stored status."""
    ranked = (select(PromiseRow.id, func.row_number().over(
        partition_by=PromiseRow.customer_id,
        order_by=(PromiseRow.made_on.desc(), PromiseRow.promised_date.desc(), PromiseRow.id.desc())).label("rn"))
        .where(PromiseRow.customer_id.in_(scope), PromiseRow.made_on <= as_of).subquery())
    received = collection_records._received(grace_days, as_of)
    q = (select(PromiseRow, received, Customer.currency).join(ranked, ranked.c.id == PromiseRow.id)
         .join(Customer, Customer.id == PromiseRow.customer_id).where(ranked.c.rn == 1))
    return {p.customer_id: (Promise(p.made_on, p.promised_date, from_minor(p.amount, currency),
                                    paid_since=from_minor(int(units), currency), ref=p.id), p.status)
            for p, units, currency in s.execute(q)}


def _orm_plans_on(s, as_of: dt.date, scope) -> dict:
    """Per customer in ``scope`` (ids, or a subquery of ids): the plans that bear on D, with their
    instalments and the payments to their invoices since the start - those started by D that are still
    open (also past their last day: domain.payment_plan.plan_state judges them) or whose recorded dates
    include D (a broken or cancelled plan ended the day before). Four set-based queries whatever the
    number of customers."""
    plans = {p.id: p for p in s.scalars(
        select(PaymentPlanRow).where(PaymentPlanRow.customer_id.in_(scope), PaymentPlanRow.starts_on <= as_of,
                                     or_(PaymentPlanRow.ends_on >= as_of, PaymentPlanRow.status == "open"))
        .order_by(PaymentPlanRow.starts_on, PaymentPlanRow.id))}
    if not plans:
        return {}
    ids = list(plans)
    currency = dict(s.execute(select(Customer.id, Customer.currency).where(
        Customer.id.in_({p.customer_id for p in plans.values()}))).all())
    numbers: dict[int, set[str]] = {}
    for pid, number in s.execute(select(PaymentPlanInvoice.plan_id, Invoice.number)
                                 .join(Invoice, Invoice.id == PaymentPlanInvoice.invoice_id)
                                 .where(PaymentPlanInvoice.plan_id.in_(ids))):
        numbers.setdefault(pid, set()).add(number)
    schedule: dict[int, list[tuple[dt.date, Decimal]]] = {}
    for pid, due_on, units in s.execute(select(PaymentPlanInstalment.plan_id, PaymentPlanInstalment.due_on,
                                               PaymentPlanInstalment.amount)
                                        .where(PaymentPlanInstalment.plan_id.in_(ids))
                                        .order_by(PaymentPlanInstalment.plan_id, PaymentPlanInstalment.due_on)):
        schedule.setdefault(pid, []).append((due_on, from_minor(units, currency[plans[pid].customer_id])))
    paid: dict[int, list[tuple[dt.date, Decimal]]] = {}
    for pid, day, units in s.execute(
            select(PaymentPlanInvoice.plan_id, Allocation.date, func.sum(Allocation.amount))
            .join(PaymentPlanRow, PaymentPlanRow.id == PaymentPlanInvoice.plan_id)
            .join(Allocation, Allocation.invoice_id == PaymentPlanInvoice.invoice_id)
            .where(PaymentPlanInvoice.plan_id.in_(ids), Allocation.date >= day_of_iso(PaymentPlanRow.starts_on),
                   Allocation.date <= as_of)
            .group_by(PaymentPlanInvoice.plan_id, Allocation.date)):
        paid.setdefault(pid, []).append((day, from_minor(int(units), currency[plans[pid].customer_id])))
    out: dict[int, list[PlanInputs]] = {}
    for pid, p in plans.items():
        out.setdefault(p.customer_id, []).append(collections_repo.PlanInputs(
            pid, p.status, p.starts_on, p.ends_on, frozenset(numbers.get(pid, ())), schedule.get(pid, []),
            paid.get(pid, [])))
    return out




def test_the_weekly_totals_are_the_receipts_summed_per_week(ledger):
    """The amounts placed on their due day plus days late are summed per week without a receipt each (the
    receipts are made when listed): the totals equal the receipts summed per week, and the receipts' total
    what is owed."""
    for k in range(12):   # more of LATE's invoices, due in the past and over the next weeks: placed by due day
        inv(ledger, f"L-W{k}", "LATE", -60 + 7 * k, -40 + 9 * k, f"{10 + k}.00")
    for as_of in (D, D - dt.timedelta(days=3), D + dt.timedelta(days=10)):
        f = cash_forecast(ledger, as_of, weeks=4)
        weeks = [sum((r.amount for r in f.receipts_by_bar[k]), Decimal(0)) for k in range(4)]
        assert list(f.per_week) == weeks, as_of
        assert f.later == sum((r.amount for r in f.receipts_by_bar[-2]), Decimal(0))
        assert f.uncertain == sum((r.amount for r in f.receipts_by_bar[-1]), Decimal(0))
        assert f.total == sum((r.amount for r in f.receipts), Decimal(0)) == kpis(ledger, as_of).total_ar
