"""Queries do not write: what became of a promise or a payment plan is recorded by one explicit, idempotent
step (on opening the file, and with each payment), never as a side effect of showing the worklist."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from ar_desktop.clock import FixedClock
from ar_desktop.services import collection_history, collection_log, payment_plans, worklist
from ar_desktop.services import customers, invoicing, payments
from ar_desktop.services.company_file import create_company, open_company
from ar_desktop.services.importing import ImportRefused, import_file

DUE = dt.date(2026, 3, 1)


def d(n: int) -> dt.date:
    return DUE + dt.timedelta(days=n)


@pytest.fixture
def clock():
    return FixedClock(d(40))


@pytest.fixture
def path(tmp_path, clock) -> Path:
    """C1 promised 100.00 by d(12) (grace 3 days: broken from d(16)); C2 is in a plan whose first
    instalment (d(30)) was missed (broken from d(34)); nothing paid. Today is d(40)."""
    b = create_company(tmp_path / "co.ardb", "Test Trading Ltd", "EUR", "DE", clock=clock)
    try:
        for code in ("C1", "C2"):
            customers.add_customer(b, {"code": code, "name": f"{code} Ltd", "credit_class": "B"})
        for number, code in (("I1", "C1"), ("J1", "C2")):
            invoicing.add_invoice(b, {"number": number, "customer_code": code, "issue_date": "2026-01-30",
                                      "due_date": DUE.isoformat(), "amount": "300.00"})
        collection_log.record_promise(b, "C1", d(12), "100.00", made_on=d(5))
        clock.day = d(20)
        payment_plans.create_payment_plan(b, "C2", ["J1"], 2, d(30), 30)
        clock.day = d(40)
    finally:
        b.close()
    return tmp_path / "co.ardb"


def recorded(path: Path) -> tuple:
    """The rows the step writes, read straight from the file (not through the program)."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return (con.execute("SELECT id, status FROM promise ORDER BY id").fetchall(),
                con.execute("SELECT id, status, ends_on FROM payment_plan ORDER BY id").fetchall(),
                con.execute("SELECT kind, date, promise_id FROM collection_event ORDER BY id").fetchall())
    finally:
        con.close()


def kinds(path: Path) -> list[str]:
    return [k for k, _d, _p in recorded(path)[2]]


def test_looking_at_the_books_changes_nothing(path, clock):
    b = open_company(path, clock=clock, record_outcomes=False)
    try:
        before = recorded(path)
        for day in (d(10), d(16), d(35), d(40)):  # past dates, the day each broke, today
            rows = {r.customer_code: r for r in worklist.worklist(b, day)}
            worklist.customer_status(b, "C1", day)
            worklist.invoice_rows(b, day)
        assert rows["C1"].promise.status == "broken" and rows["C1"].state == "action_due"  # shown as broken ...
        assert rows["C2"].state == "action_due"  # ... and the broken plan no longer holds the ladder back
        payment_plans.payment_plans(b, "C2")
        collection_history.history(b, "C1")
        assert recorded(path) == before and b.db.writes == 0  # ... but nothing was written
    finally:
        b.close()


def test_opening_records_each_outcome_once(path, clock):
    open_company(path, clock=clock).close()
    (promises, plans, events) = recorded(path)
    assert promises == [(1, "broken")] and plans[0][1] == "broken"
    assert sorted(k for k, _d, _p in events if k.endswith("broken")) == ["plan_broken", "promise_broken"]
    assert ("promise_broken", d(16).isoformat(), 1) in events
    once = recorded(path)
    b = open_company(path, clock=clock)  # again: nothing new, and no write at all
    try:
        assert b.db.writes == 0
    finally:
        b.close()
    assert recorded(path) == once


def test_a_payment_entered_late_keeps_the_promise_it_kept(path, clock):
    """The bookkeeper looked at the worklist on d(40) before entering a payment that arrived on d(11):
    the promise was kept, and the books say so (the worklist used to record it broken for good)."""
    b = open_company(path, clock=clock, record_outcomes=False)
    try:
        assert worklist.customer_status(b, "C1", d(40)).promise.status == "broken"
        payments.record_payment(b, {"customer_code": "C1", "date": d(11).isoformat(), "amount": "100.00",
                                    "invoice_number": ""})
        assert worklist.customer_status(b, "C1", d(40)).promise.status == "kept"
    finally:
        b.close()
    assert recorded(path)[0] == [(1, "kept")]  # recorded with the payment, in its transaction
    assert "promise_kept" in kinds(path) and "promise_broken" not in kinds(path)


def test_a_promise_is_not_judged_before_its_day(path, clock):
    clock.day = d(14)  # within the grace days
    open_company(path, clock=clock).close()
    assert recorded(path)[0] == [(1, "open")] and "promise_broken" not in kinds(path)


def test_an_imported_payment_records_the_promise_it_kept(path, clock, tmp_path):
    """Payments from a file record what became of promises and plans at once, as one typed in does."""
    from ar_desktop.services.importing import import_file

    b = open_company(path, clock=clock, record_outcomes=False)
    try:
        source = tmp_path / "bank.csv"
        source.write_text(f"date,customer_code,amount,reference\n{d(11).isoformat()},C1,100.00,bank 1\n",
                          encoding="utf-8")
        import_file(b, "payments", source)
    finally:
        b.close()
    assert recorded(path)[0] == [(1, "kept")] and "promise_kept" in kinds(path)


def test_a_promise_kept_by_a_payment_reversed_after_the_promised_day_is_broken_from_the_reversal(path, clock):
    """The payment that kept C1's promise bounces on d(40), after the promised day: as of days before the
    reversal the promise was kept (reports of those days are unchanged); from the reversal on it is
    broken, recorded in the reversal's own transaction with a note saying why, never dated earlier."""
    b = open_company(path, clock=clock, record_outcomes=False)
    try:
        pid = payments.record_payment(b, {"customer_code": "C1", "date": d(11).isoformat(), "amount": "100.00"})
        assert recorded(path)[0] == [(1, "kept")]
        payments.reverse_payment(b, pid, d(40), "cheque bounced")
        assert worklist.customer_status(b, "C1", d(39)).promise.status == "kept"
        assert worklist.customer_status(b, "C1", d(40)).promise.status == "broken"
        history = [str(e.text) for e in collection_history.history(b, "C1")]
        payments.record_payment(b, {"customer_code": "C1", "date": d(40).isoformat(), "amount": "5.00"})
        assert recorded(path)[0] == [(1, "broken")]   # recorded once: the next payment adds nothing
    finally:
        b.close()
    (promises, _plans, events) = recorded(path)
    assert [(k, day) for k, day, p in events if p == 1][-3:] == \
        [("promise_kept", d(40).isoformat()), ("note", d(40).isoformat()), ("promise_broken", d(40).isoformat())]
    assert any("no longer kept: a payment it counted was reversed; 0.00 received" in line for line in history)


def test_the_timeline_lists_one_day_in_the_order_it_was_entered(path, clock):
    """The promise kept (recorded with the payment), then the reversal that undid it, then what the reversal
    recorded: never the reversal before the "promise kept" it undid, though ledger and events are two tables."""
    b = open_company(path, clock=clock, record_outcomes=False)
    try:
        pid = payments.record_payment(b, {"customer_code": "C1", "date": d(11).isoformat(), "amount": "100.00"})
        payments.reverse_payment(b, pid, d(40), "cheque bounced")
        day = [e.kind for e in collection_history.history(b, "C1") if e.date == d(40)]
    finally:
        b.close()
    assert day == ["promise_kept", "reversal", "note", "promise_broken"]


def test_a_promise_kept_by_a_payment_reversed_before_the_promised_day_is_open_again(path, clock):
    """Reversed while the promise still runs: it is open again (neither kept nor broken), and a new
    payment in time keeps it once more."""
    clock.day = d(8)
    b = open_company(path, clock=clock, record_outcomes=False)
    try:
        pid = payments.record_payment(b, {"customer_code": "C1", "date": d(7).isoformat(), "amount": "100.00"})
        assert recorded(path)[0] == [(1, "kept")]
        payments.reverse_payment(b, pid, d(8), "cheque bounced")
        assert recorded(path)[0] == [(1, "open")]
        assert worklist.customer_status(b, "C1", d(8)).promise.status == "open"
        clock.day = d(12)
        payments.record_payment(b, {"customer_code": "C1", "date": d(12).isoformat(), "amount": "100.00"})
        assert recorded(path)[0] == [(1, "kept")]
        assert worklist.customer_status(b, "C1", d(12)).promise.status == "kept"
    finally:
        b.close()
    kinds_of_promise = [k for k, _day, p in recorded(path)[2] if p == 1]
    assert kinds_of_promise == ["promise", "promise_kept", "note", "promise_kept"]


def test_imported_payments_record_what_they_kept_in_the_import_s_transaction(path, clock, tmp_path):
    """The same payments as above, imported (the command line's and the wizard's one importer): C1's
    promise and C2's plan are kept, recorded by the import itself, not left for the next opening."""
    good = tmp_path / "payments.csv"
    good.write_text("date,customer_code,amount,reference\n"
                    f"{d(11).isoformat()},C1,100.00,promised\n{d(29).isoformat()},C2,300.00,all of J1\n")
    bad = tmp_path / "bad.csv"
    bad.write_text(good.read_text() + f"{d(11).isoformat()},NOBODY,5.00,x\n")
    b = open_company(path, clock=clock, record_outcomes=False)
    try:
        with pytest.raises(ImportRefused):
            import_file(b, "payments", bad)
        assert recorded(path)[0] == [(1, "open")] and recorded(path)[1][0][1] == "open"  # refused: nothing
        import_file(b, "payments", good)
        # recorded before anything else is done: no opening, no payment entered, no worklist
        (promises, plans, events) = recorded(path)
        assert promises == [(1, "kept")] and plans[0][1] == "kept"
        assert {k for k, _d, _p in events} >= {"promise_kept", "plan_kept"}
        assert not {k for k, _d, _p in events} & {"promise_broken", "plan_broken"}
    finally:
        b.close()


def test_a_write_off_or_credit_note_keeps_no_promise_to_pay(path, clock):
    """C1 promised 100.00 by d(12); what the bookkeeper wrote off or credited meanwhile is no money received:
    the promise is broken, not kept (the record used to say 'kept')."""
    from ar_desktop.services import adjustments

    b = open_company(path, clock=clock, record_outcomes=False)
    try:
        invoicing.add_invoice(b, {"number": "I2", "customer_code": "C1", "issue_date": "2026-01-30",
                                  "due_date": DUE.isoformat(), "amount": "60.00"})
        clock.day = d(9)
        adjustments.write_off(b, "I2", None, "small balance", date=d(8))
        adjustments.credit_note(b, "I1", "40.00", "damaged goods", date=d(9))
        clock.day = d(40)
        assert worklist.customer_status(b, "C1", d(40)).promise.status == "broken"
        assert worklist.record_outcomes(b)
    finally:
        b.close()
    assert recorded(path)[0] == [(1, "broken")] and "promise_kept" not in kinds(path)
