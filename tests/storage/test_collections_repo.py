"""Collections storage: the rule's inputs as of a date, set-based, and migration 0001 -> 0002."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from decimal import Decimal

import pytest
from sqlalchemy import event, text

from ar_desktop.clock import FixedClock
from ar_desktop.domain.disputes import disputed_as_of
from ar_desktop.domain.ladder import ActionKind, Ladder, Step, default_ladder, ladder_from_data
from ar_desktop.domain.next_step import (Hold, InvoiceState, OpenSummary, StepRecord, collection_status, episode_start,
                                         overdue_periods, status_of, summarize)
from ar_desktop.services import collections as col
from ar_desktop.services import customers, invoicing, payments
from ar_desktop.services.company_file import create_company, open_company
from ar_desktop.storage import collections_repo, invoices_repo
from ar_desktop.storage.engine import open_database
from ar_desktop.storage.upgrade import known_revisions
from old_files import file_at_revision, invoice_sql

DUE = dt.date(2026, 3, 1)


def d(n: int) -> dt.date:
    return DUE + dt.timedelta(days=n)


@pytest.fixture
def bk(tmp_path):
    b = create_company(tmp_path / "co.ardb", "Test Trading Ltd", "EUR", "DE", clock=FixedClock(dt.date(2026, 6, 30)))
    try:
        yield b
    finally:
        b.close()


def add(b, code, *invoices):
    customers.add_customer(b, {"code": code, "name": f"{code} Ltd"})
    for number, due, amount in invoices:
        invoicing.add_invoice(b, {"number": number, "customer_code": code, "issue_date": (due - dt.timedelta(30)).isoformat(),
                                  "due_date": due.isoformat(), "amount": amount})


def pay(b, code, date, amount, number=""):
    payments.record_payment(b, {"customer_code": code, "date": date.isoformat(), "amount": amount,
                                "invoice_number": number})


def inputs(b, as_of, ids=None, grace=3):
    with b.db.session() as s:
        out = collections_repo.collection_inputs(s, as_of, ids, grace_days=grace)
    return {ci.code: ci for ci in out.values()}


def test_invoice_state_as_of_a_date(bk):
    add(bk, "C1", ("I1", d(0), "100.00"), ("I2", d(10), "50.00"))
    pay(bk, "C1", d(5), "40.00", "I1")
    pay(bk, "C1", d(12), "60.00", "I1")
    assert inputs(bk, d(4), [1])["C1"].invoices == [
        InvoiceState("I1", d(0), Decimal("100.00"), issue_date=d(-30)),
        InvoiceState("I2", d(10), Decimal("50.00"), issue_date=d(-20))]
    assert inputs(bk, d(6), [1])["C1"].invoices[0].open_amount == Decimal("60.00")
    later = inputs(bk, d(20), [1])["C1"].invoices     # asked for the customer: every invoice
    assert later[0] == InvoiceState("I1", d(0), Decimal("0.00"), settled_on=d(12), issue_date=d(-30))
    assert later[1].settled_on is None and later[1].open_amount == Decimal("50.00")
    # the worklist: the open invoices summed from the index (nothing disputed, no plan), the one settled by
    # D as the overdue period the rule needs
    assert inputs(bk, d(6))["C1"].summary == OpenSummary([(d(0), "I1"), (d(10), "I2")], Decimal("60.00"), d(0),
                                                        Decimal(0), False, [(d(1), d(6))])
    worklist = inputs(bk, d(20))["C1"]
    assert worklist.invoices == [] and worklist.settled_periods == [(d(1), d(11))]
    assert worklist.summary == OpenSummary([(d(10), "I2")], Decimal("50.00"), d(10), Decimal(0), False,
                                           [(d(11), d(20)), (d(1), d(11))])
    _same_open(worklist.summary, summarize(later, d(20)))
    assert overdue_periods((), d(20), worklist.summary.periods) == overdue_periods(later, d(20))


def test_only_customers_with_something_open_unless_asked(bk):
    add(bk, "C1", ("I1", d(0), "100.00"))
    add(bk, "C2", ("I2", d(0), "100.00"))
    add(bk, "C3")
    pay(bk, "C2", d(1), "100.00")
    assert set(inputs(bk, d(5))) == {"C1"}
    assert set(inputs(bk, d(0))) == {"C1", "C2"}
    every = [cid for cid, _code, _name in customers.customer_choices(bk)]
    got = inputs(bk, d(5), every)
    assert set(got) == {"C1", "C2", "C3"} and got["C2"].invoices[0].settled_on == d(1)


def test_voided_and_future_invoices(bk):
    add(bk, "C1", ("I1", d(0), "100.00"), ("I2", d(0), "30.00"), ("I3", d(60), "5.00"))
    with bk.db.session() as s:
        iid = invoices_repo.id_by_number(s, "I2")
    invoicing.void_invoice(bk, iid, "wrong customer", on=d(20))
    for ids in (None, [1]):   # the worklist's summary from the index, and every invoice as InvoiceState
        assert [n for _due, n in inputs(bk, d(10), ids)["C1"].summary_as_of(d(10)).considered] == ["I1", "I2"]
        assert [n for _due, n in inputs(bk, d(40), ids)["C1"].summary_as_of(d(40)).considered] == ["I1", "I3"]
    assert [i.number for i in inputs(bk, d(10), [1])["C1"].invoices] == ["I1", "I2"]   # I3 not issued yet
    assert [i.number for i in inputs(bk, d(40), [1])["C1"].invoices] == ["I1", "I3"]   # I2 void by then


def test_history_promise_hold_and_disputes(bk):
    add(bk, "C1", ("I1", d(0), "100.00"))
    col.log_step(bk, "C1", "reminder", d(3))
    col.log_step(bk, "C1", "phone_call", d(8), skipped=True, reason="no number")
    col.log_step(bk, "C1", "demand_letter", d(30))
    col.record_promise(bk, "C1", d(10), "60.00", made_on=d(4))
    col.record_promise(bk, "C1", d(20), "80.00", made_on=d(9))
    pay(bk, "C1", d(9), "10.00")
    pay(bk, "C1", d(23), "15.00")     # the last day of the grace period
    pay(bk, "C1", d(24), "20.00")     # too late for the promise
    col.put_on_hold(bk, "C1", d(50), "holiday", on=d(40))
    col.mark_dispute(bk, "I1", "price", on=d(45))
    ci = inputs(bk, d(29))["C1"]
    assert ci.history == [StepRecord("reminder", d(3)), StepRecord("phone_call", d(8), skipped=True)]
    assert (ci.promise.made_on, ci.promise.amount, ci.promise.paid_since) == (d(9), Decimal("80.00"),
                                                                             Decimal("25.00"))
    assert inputs(bk, d(21))["C1"].promise.paid_since == Decimal("10.00")
    assert inputs(bk, d(8))["C1"].promise.amount == Decimal("60.00")
    assert ci.hold is None and not inputs(bk, d(29), [1])["C1"].invoices[0].disputed
    assert (ci.summary.considered, ci.summary.disputed_amount) == ([(d(0), "I1")], 0)   # the worklist's
    later = inputs(bk, d(45))["C1"]
    assert later.hold == Hold(d(50), "holiday") and inputs(bk, d(45), [1])["C1"].invoices[0].disputed
    assert (later.summary.considered, str(later.summary.disputed_amount)) == ([], "55.00")   # all of it contested
    assert len(later.history) == 3


def test_disputed_as_of():
    events = [(d(5), "dispute"), (d(9), "dispute_resolved")]
    assert [disputed_as_of(events, False, d(n)) for n in (4, 5, 8, 9)] == [False, True, True, False]
    assert disputed_as_of([(d(5), "dispute_resolved")], False, d(1)) is True
    assert disputed_as_of(None, True, d(1)) is True


def test_worklist_uses_a_fixed_number_of_queries(bk):
    for i in range(300):
        add(bk, f"K{i:04d}", (f"N{i:04d}", d(i % 40), "10.00"))
        if i % 3 == 0:
            col.log_step(bk, f"K{i:04d}", "reminder", d(i % 40 + 3))
    statements = []

    def count(*_a):
        statements.append(1)

    event.listen(bk.db.engine, "before_cursor_execute", count)
    try:
        rows = col.worklist(bk, d(45))
    finally:
        event.remove(bk.db.engine, "before_cursor_execute", count)
    assert len(rows) == 300
    assert len(statements) < 20   # a fixed number, whatever the number of customers (300 here); 14 today


# --- migration ----------------------------------------------------------------------------------------

def test_migration_0001_to_0002_keeps_the_data(tmp_path):
    path = file_at_revision(tmp_path / "old.ardb", "0001", invoice_sql(1, "2026-02-01", "2026-03-01", 12345),
                            "INSERT INTO setting (key, value) VALUES ('kept', '\"yes\"')")
    assert sqlite3.connect(path).execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)

    db = open_database(path)
    db.close()
    con = sqlite3.connect(path)
    try:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (known_revisions()[1],)
        assert con.execute("SELECT number, amount FROM invoice").fetchall() == [("OLD-1", 12345)]
        assert con.execute("SELECT value FROM setting WHERE key='kept'").fetchone() == ('"yes"',)
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"collection_event", "promise", "hold", "customer_ladder"} <= tables
    finally:
        con.close()
    backups = list(tmp_path.glob("old.before-upgrade-*.ardb.bak"))
    assert len(backups) == 1
    con = sqlite3.connect(backups[0])
    try:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert con.execute("SELECT code FROM customer").fetchall() == [("C1",)]
    finally:
        con.close()

    books = open_company(path, clock=FixedClock(dt.date(2026, 6, 30)))
    try:
        rows = col.worklist(books, dt.date(2026, 3, 20))
        assert [(r.customer_code, r.overdue_amount, r.next_step) for r in rows] == [
            ("C1", Decimal("123.45"), "demand_letter")]
    finally:
        books.close()


# --- the worklist loads only the invoices that matter: same answers as with every invoice ----------------

def _random_books(b, rng: random.Random, n_customers: int) -> None:
    """Customers with random histories: chains of overlapping overdue periods, gaps, invoices paid
    before, on and just after the due date, partial and split payments, disputes, voids, own
    ladders starting up to 90 days before the due date."""
    today = b.today()
    for c in range(n_customers):
        code = f"R{c:03d}"
        customers.add_customer(b, {"code": code, "name": f"{code} Ltd"})
        if rng.random() < 0.3:
            first = rng.choice([-90, -40, -1, 0, 6])
            steps = [Step("pre", "Pre", first, ActionKind.COURTESY_REMINDER, template="reminder"),
                     Step("late", "Late", first + 20, ActionKind.REMINDER, template="reminder")]
            col.set_customer_ladder(b, code, steps)
        due = d(-230 + rng.randint(0, 60))
        for k in range(rng.randint(1, 16)):
            due += dt.timedelta(days=rng.choice([0, 1, 3, 7, 15, 30, 70]))
            if due > today:
                break
            issue = due - dt.timedelta(days=rng.randint(0, 45))
            number = f"{code}-{k:02d}"
            invoicing.add_invoice(b, {"number": number, "customer_code": code, "issue_date": issue.isoformat(),
                                      "due_date": due.isoformat(), "amount": "100.00"})
            fate = rng.random()
            if fate < 0.06:
                with b.db.session() as s:
                    iid = invoices_repo.id_by_number(s, number)
                voided_on = max(issue, due + dt.timedelta(days=rng.randint(-20, 40)))  # never before issue
                invoicing.void_invoice(b, iid, "wrong", on=min(today, voided_on))
                continue
            if fate < 0.12:
                col.mark_dispute(b, number, "price", on=min(today, issue + dt.timedelta(days=rng.randint(0, 60))))
            if fate < 0.3:
                continue      # still open
            late = rng.choice([-5, 0, 0, 1, 2, 3, 10, 25, 40, 80, 150])
            paid_on = max(issue, due + dt.timedelta(days=late))
            if paid_on > today:
                continue
            if rng.random() < 0.25:   # in two parts
                first_on = max(issue, paid_on - dt.timedelta(days=rng.randint(0, 30)))
                pay(b, code, first_on, "40.00", number)
                pay(b, code, paid_on, "60.00" if rng.random() < 0.8 else "30.00", number)
            else:
                pay(b, code, paid_on, "100.00", number)


def _same_open(sub: OpenSummary, whole: OpenSummary) -> None:
    """The worklist's summary of the open invoices is the one of every invoice but for the overdue periods
    of settled invoices (only those that bear on the rule are read; the statuses compared show it)."""
    assert (sub.considered, sub.overdue_amount, sub.oldest_overdue, sub.disputed_amount, sub.excluded_claimable) \
        == (whole.considered, whole.overdue_amount, whole.oldest_overdue, whole.disputed_amount,
            whole.excluded_claimable)
    assert str(sub.overdue_amount) == str(whole.overdue_amount)   # the same Decimal, digits included


def _ladders(ci) -> list:
    own = [ladder_from_data(ci.ladder_data)] if ci.ladder_data is not None else []
    return own + [default_ladder(c) for c in "ABC"] + [
        Ladder((Step("pre", "Pre", -90, ActionKind.COURTESY_REMINDER, template="reminder"),
                Step("r", "R", 1, ActionKind.REMINDER, template="reminder"))),
        Ladder((Step("r", "R", 10, ActionKind.REMINDER, template="reminder"),
                Step("p", "P", 40, ActionKind.PHONE_CALL)))]


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_worklist_subset_gives_the_same_status_as_every_invoice(bk, seed):
    rng = random.Random(seed)
    _random_books(bk, rng, 30)
    every = [cid for cid, _code, _name in customers.customer_choices(bk)]
    keys = ["pre", "late", "r", "p", "courtesy_reminder", "reminder", "phone_call", "demand_letter"]
    checked = 0
    for back in (0, 1, 2, 17, 45, 80, 120, 170, 240):
        as_of = bk.today() - dt.timedelta(days=back)
        with bk.db.session() as s:
            sub = collections_repo.collection_inputs(s, as_of)
            full = collections_repo.collection_inputs(s, as_of, every)
        open_in_full = {cid for cid, ci in full.items()
                        if any(i.settled_on is None and i.open_amount > 0 for i in ci.invoices)}
        assert set(sub) == open_in_full
        for cid, ci in sub.items():
            whole = full[cid]
            assert set(ci.invoices) <= set(whole.invoices)
            assert [i for i in ci.invoices if i.settled_on is None] in \
                ([], [i for i in whole.invoices if i.settled_on is None])   # [] when summed from the index
            _same_open(ci.summary_as_of(as_of), summarize(whole.invoices, as_of))
            assert ci.behaviour == whole.behaviour       # SQL counts == payment_behaviour over every invoice
            # steps logged every few days, so the start of the steps that count shows in last_step
            history = [StepRecord(rng.choice(keys), as_of - dt.timedelta(days=n), skipped=rng.random() < 0.2)
                       for n in range(0, 400, rng.choice([2, 3, 5]))]
            for ladder in _ladders(whole):
                assert status_of(ladder, ci.summary_as_of(as_of), history, as_of) \
                    == collection_status(ladder, whole.invoices, history, as_of)
                checked += 1
            assert (ci.history, ci.promise, ci.hold, ci.last_credit_review) == \
                (whole.history, whole.promise, whole.hold, whole.last_credit_review)
    assert checked > 100


def test_worklist_chain_of_overlapping_periods_and_the_period_before(bk):
    """I1..I3 overlap back to d(1): one run of late payments; I0 ended before, within the 3 pre-due days of
    ladder B that bound the steps that count; I9 paid long ago does not matter and is not read."""
    add(bk, "C1", ("I9", d(-200), "10.00"), ("I0", d(-10), "10.00"), ("I1", d(0), "10.00"),
        ("I2", d(10), "10.00"), ("I3", d(20), "10.00"))
    pay(bk, "C1", d(-150), "10.00", "I9")
    pay(bk, "C1", d(-2), "10.00", "I0")      # overdue d(-9)..d(-3)
    pay(bk, "C1", d(12), "10.00", "I1")      # overdue d(1)..d(11)
    pay(bk, "C1", d(25), "10.00", "I2")      # overdue d(11)..d(24); I3 open, overdue from d(21)
    ci = inputs(bk, d(30))["C1"]
    assert ci.summary.considered == [(d(20), "I3")]     # the open one; I0..I2 as their runs of overdue days
    assert ci.settled_periods == [(d(1), d(24)), (d(-9), d(-3))]
    assert overdue_periods((), d(30), ci.summary.periods)[-1] == (d(1), d(30))
    assert (ci.behaviour.invoices, ci.behaviour.late_invoices, ci.behaviour.average_days_late) == \
        (4, 4, Decimal("21.25"))     # 50, 8, 12 and 15 days late
    col.log_step(bk, "C1", "reminder", d(-1))   # after the period before: counts in this episode
    assert col.customer_status(bk, "C1", d(30)) == [r for r in col.worklist(bk, d(30)) if r.customer_code == "C1"][0]


def test_worklist_run_that_reaches_far_back(bk):
    """I1's period reaches I0's, which reaches back 200 days before D: the run is one row, and IE's run (the
    one before) another."""
    add(bk, "C1", ("IE", d(-120), "10.00"), ("I0", d(-80), "10.00"), ("I1", d(10), "10.00"),
        ("I2", d(110), "10.00"))
    pay(bk, "C1", d(-85), "10.00", "IE")     # overdue d(-119)..d(-86)
    pay(bk, "C1", d(15), "10.00", "I0")      # overdue d(-79)..d(14)
    pay(bk, "C1", d(115), "10.00", "I1")     # overdue d(11)..d(114); I2 open, overdue from d(111)
    ci = inputs(bk, d(120))["C1"]
    assert ci.summary.considered == [(d(110), "I2")]
    assert ci.settled_periods == [(d(-79), d(114)), (d(-119), d(-86))]
    assert overdue_periods((), d(120), ci.summary.periods)[-1] == (d(-79), d(120))


def test_worklist_invoice_settled_on_the_day_and_reopened_after_it(bk):
    """I1 was paid late (overdue d(1)..d(11)) and the cheque bounced on d(40): as of d(30) it was settled,
    but it has no clearing day any more, so the runs of late payments cannot tell: the worklist gives the rule
    every invoice of the customer, which counts I1's overdue period in the run that reaches d(30) from I2
    (open, overdue from d(11)), and I0's period before it."""
    add(bk, "C1", ("I0", d(-20), "10.00"), ("I1", d(0), "10.00"), ("I2", d(10), "10.00"))
    pay(bk, "C1", d(-5), "10.00", "I0")     # overdue d(-19)..d(-6)
    pid = payments.record_payment(bk, {"customer_code": "C1", "date": d(12).isoformat(), "amount": "10.00",
                                       "invoice_number": "I1"})
    payments.reverse_payment(bk, pid, d(40), "cheque bounced")
    with bk.db.session() as s:
        assert s.execute(text("SELECT cleared_on FROM invoice WHERE number = 'I1'")).scalar() is None
    ci = inputs(bk, d(30))["C1"]
    # I1 is in the open set of d(30) (reopened after it) with nothing open: every invoice, I1 settled on d(12)
    assert ci.summary is None and ci.settled_periods == []
    assert [(i.number, i.settled_on) for i in ci.invoices] == [("I0", d(-5)), ("I1", d(12)), ("I2", None)]
    assert episode_start(ci.invoices, d(30)) == d(1)
    col.log_step(bk, "C1", "reminder", d(-3))   # after I0's period: counts in this episode
    assert col.customer_status(bk, "C1", d(30)) == [r for r in col.worklist(bk, d(30)) if r.customer_code == "C1"][0]
