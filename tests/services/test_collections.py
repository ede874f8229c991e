"""Collections use cases over calendar time, on real company files (ladder B unless said)."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

import pytest

from ar_desktop.clock import FixedClock
from ar_desktop.domain.credit import CreditSettings
from ar_desktop.domain.errors import UserError
from ar_desktop.domain.ladder import ActionKind, Step, default_ladder
from ar_desktop.services import (collection_history, collection_holds, collection_ladders, collection_log,
                                 collection_settings, credit_limits, disputes, worklist)
from ar_desktop.services import customers, invoicing, payments
from ar_desktop.services.company_file import create_company
from ar_desktop.services.reminder_mail import reminder_mail

DUE = dt.date(2026, 3, 1)
TODAY = dt.date(2026, 6, 30)


def d(n: int) -> dt.date:
    """n days after DUE (negative = before)."""
    return DUE + dt.timedelta(days=n)


@pytest.fixture
def clock():
    return FixedClock(TODAY)


@pytest.fixture
def bk(tmp_path, clock):
    b = create_company(tmp_path / "co.ardb", "Test Trading Ltd", "EUR", "DE", clock=clock)
    try:
        yield b
    finally:
        b.close()


def customer(b, code="C1", cls="B", **kw):
    customers.add_customer(b, {"code": code, "name": f"{code} Ltd", "credit_class": cls, **kw})


def invoice(b, number, code="C1", due=DUE, amount="100.00"):
    invoicing.add_invoice(b, {"number": number, "customer_code": code,
                              "issue_date": (due - dt.timedelta(days=30)).isoformat(),
                              "due_date": due.isoformat(), "amount": amount})


def pay(b, date, amount, code="C1", invoice_number=""):
    payments.record_payment(b, {"customer_code": code, "date": date.isoformat(), "amount": amount,
                                "invoice_number": invoice_number})


def row(b, as_of, code="C1"):
    rows = [r for r in worklist.worklist(b, as_of) if r.customer_code == code]
    return rows[0] if rows else None


def brief(r):
    return None if r is None else (r.state, r.reached_step, r.next_step, r.next_step_date)


@pytest.fixture
def one(bk):
    """Customer C1 (class B) with invoice INV-1 of 100.00 due 1 March."""
    customer(bk)
    invoice(bk, "INV-1")
    return bk


# --- scenarios over calendar time --------------------------------------------------------------------

def test_nothing_done_yet_the_ladder_catches_up(one):
    assert row(one, d(-5)) is None
    assert brief(row(one, d(-3))) == ("action_due", "courtesy_reminder", "courtesy_reminder", d(-3))
    assert brief(row(one, d(3))) == ("action_due", "reminder", "reminder", d(3))
    assert brief(row(one, d(20))) == ("action_due", "demand_letter", "demand_letter", d(15))
    r = row(one, d(30))
    assert brief(r) == ("action_due", "legal_action", "demand_letter", d(15))
    assert (r.overdue_amount, r.oldest_days_overdue, r.last_step) == (Decimal("100.00"), 30, None)


def test_steps_done_on_time(one):
    collection_log.log_step(one, "C1", "courtesy_reminder", d(-3))
    assert brief(row(one, d(-2))) == ("waiting", "courtesy_reminder", "reminder", d(3))
    assert brief(row(one, d(3))) == ("action_due", "reminder", "reminder", d(3))
    collection_log.log_step(one, "C1", "reminder", d(3), note="sent by post")
    assert brief(row(one, d(4))) == ("waiting", "reminder", "phone_call", d(7))
    collection_log.log_step(one, "C1", "phone_call", d(7))
    collection_log.log_step(one, "C1", "demand_letter", d(15))
    r = row(one, d(16))
    assert brief(r) == ("waiting", "demand_letter", "legal_action", d(30))
    assert (r.last_step, r.last_step_date) == ("demand_letter", d(15))
    assert brief(row(one, d(30))) == ("action_due", "legal_action", "legal_action", d(30))


def test_payment_midway(one):
    invoice(one, "INV-2", amount="50.00", due=d(5))
    collection_log.log_step(one, "C1", "reminder", d(3))
    pay(one, d(6), "100.00", invoice_number="INV-1")
    r = row(one, d(6))
    # INV-1 settled on +6: INV-2 (due +5) carries on in the same episode with the steps taken
    assert r.overdue_amount == Decimal("50.00")
    assert r.oldest_days_overdue == 1
    assert brief(r) == ("action_due", "courtesy_reminder", "courtesy_reminder", d(2))
    # as of +5 the payment had not arrived yet
    assert row(one, d(5)).overdue_amount == Decimal("100.00")
    pay(one, d(8), "50.00")
    assert row(one, d(8)) is None


def test_payment_in_full_before_any_step(one):
    pay(one, d(1), "100.00")
    assert row(one, d(2)) is None
    assert row(one, d(0)) is not None  # the as-of view of the past is unchanged


def test_dispute_leaves_the_invoice_out_until_resolved(one):
    disputes.mark_dispute(one, "INV-1", "goods damaged", on=d(10))
    assert brief(row(one, d(12))) == ("disputed", None, None, None)
    assert row(one, d(12)).overdue_amount == Decimal("100.00")
    # before the dispute the ladder was running
    assert brief(row(one, d(8))) == ("action_due", "phone_call", "phone_call", d(7))
    ir = {r.invoice_number: r for r in worklist.invoice_rows(one, d(12))}
    assert ir["INV-1"].disputed
    assert not {r.invoice_number: r for r in worklist.invoice_rows(one, d(8))}["INV-1"].disputed
    with pytest.raises(UserError, match="already disputed"):
        disputes.mark_dispute(one, "INV-1", "again", on=d(11))
    disputes.resolve_dispute(one, "INV-1", "credit note agreed", on=d(20))
    assert brief(row(one, d(21))) == ("action_due", "demand_letter", "demand_letter", d(15))
    kinds = [h.kind for h in collection_history.history(one, "C1")]
    assert kinds.count("dispute") == 1 and kinds.count("dispute_resolved") == 1
    with pytest.raises(UserError, match="not disputed"):
        disputes.resolve_dispute(one, "INV-1", on=d(22))


def test_partial_dispute_keeps_the_undisputed_part_on_the_ladder(bk):
    customer(bk)
    invoice(bk, "BIG", amount="70000.00")
    invoice(bk, "SMALL", amount="100.00", due=d(5))
    disputes.mark_dispute(bk, "BIG", "1,000.00 of damaged goods", amount="1000.00", on=d(10))
    r = row(bk, d(20))
    # the undisputed 69,000.00 is chased as before: the demand letter is due as if nothing were disputed
    assert brief(r) == ("action_due", "demand_letter", "demand_letter", d(15))
    assert r.overdue_amount == Decimal("70100.00") and r.status.disputed_amount == Decimal("1000.00")
    assert r.chased_invoices == ("BIG", "SMALL")
    info = disputes.invoice_dispute(bk, "BIG")
    assert (info.disputed, info.disputed_amount, info.open_amount) == (True, Decimal("1000.00"), Decimal("70000.00"))
    rows = {x.invoice_number: x for x in worklist.invoice_rows(bk, d(20))}
    assert rows["BIG"].disputed_amount == Decimal("1000.00") and rows["SMALL"].disputed_amount == 0
    # a payment of everything undisputed leaves only the disputed part: nothing left to chase on BIG
    pay(bk, d(21), "69000.00", invoice_number="BIG")
    r = row(bk, d(22))
    assert r.chased_invoices == ("SMALL",) and r.status.disputed_amount == Decimal("1000.00")
    disputes.resolve_dispute(bk, "BIG", "we were wrong", on=d(23))
    assert disputes.invoice_dispute(bk, "BIG").disputed_amount == 0
    assert row(bk, d(24)).chased_invoices == ("BIG", "SMALL")
    # the disputed part as of a past date comes from the history
    assert row(bk, d(20)).status.disputed_amount == Decimal("1000.00")
    with pytest.raises(UserError, match="more than is open"):
        disputes.mark_dispute(bk, "SMALL", "x", amount="100.01", on=d(24))


def test_disputed_part_is_a_stored_value_sql_can_sum(bk):
    from sqlalchemy import func, select

    from ar_desktop.storage.invoices_repo import disputed_open_units
    from ar_desktop.storage.orm import Invoice

    customer(bk)
    invoice(bk, "A", amount="500.00")
    invoice(bk, "B", amount="300.00")
    invoice(bk, "C", amount="200.00")
    disputes.mark_dispute(bk, "A", "price", amount="120.50", on=d(2))
    disputes.mark_dispute(bk, "B", "all of it", on=d(2))
    with bk.db.session() as s:
        assert s.scalar(select(func.sum(Invoice.disputed_amount))) == 12050 + 30000
        assert s.scalar(select(func.sum(disputed_open_units()))) == 12050 + 30000
    pay(bk, d(3), "250.00", invoice_number="A")       # 250.00 left on A, 120.50 of it in dispute
    pay(bk, d(3), "250.00", invoice_number="B")       # 50.00 left on B, all of it in dispute
    with bk.db.session() as s:
        assert s.scalar(select(func.sum(disputed_open_units()))) == 12050 + 5000


def test_dispute_on_a_call(one):
    collection_log.log_call(one, "C1", d(8), "disputed", "says the goods were late", invoice_number="INV-1")
    assert row(one, d(9)).state == "disputed"
    with pytest.raises(UserError, match="invoice number"):
        collection_log.log_call(one, "C1", d(8), "disputed", "x")


def test_kept_promise(one):
    invoice(one, "INV-2", amount="40.00", due=d(10))
    pid = collection_log.record_promise(one, "C1", d(12), "100.00", made_on=d(5))
    assert brief(row(one, d(6))) == ("promised", "reminder", "reminder", d(16))
    pay(one, d(11), "100.00", invoice_number="INV-1")
    r = row(one, d(12))
    assert r.promise.id == pid and r.promise.status == "kept" and not r.broken_promise
    assert r.state == "action_due"  # INV-2 is overdue; the ladder carries on
    row(one, d(12))
    kinds = [h.kind for h in collection_history.history(one, "C1")]
    assert kinds.count("promise_kept") == 1 and "promise_broken" not in kinds


def test_broken_promise_is_recorded_once(one):
    collection_log.log_call(one, "C1", d(5), "promised", "will pay next week", promised_date=d(12), amount="100.00")
    assert row(one, d(15)).state == "promised"          # promised date + 3 days grace
    pay(one, d(14), "30.00")
    r = row(one, d(16))
    assert r.broken_promise and r.promise.status == "broken" and r.promise.paid_since == Decimal("30.00")
    assert brief(r) == ("action_due", "demand_letter", "demand_letter", d(15))
    for n in (17, 18, 16):
        assert row(one, d(n)).broken_promise
    broken = [h for h in collection_history.history(one, "C1") if h.kind == "promise_broken"]
    assert len(broken) == 1 and broken[0].date == d(16) and broken[0].amount == Decimal("100.00")
    # a new promise replaces the broken one
    collection_log.record_promise(one, "C1", d(25), "70.00", made_on=d(18))
    r = row(one, d(19))
    assert r.state == "promised" and not r.broken_promise


def test_no_promise_outcome_recorded_for_a_future_date(one, clock):
    clock.day = d(10)
    collection_log.record_promise(one, "C1", d(12), "100.00", made_on=d(5))
    assert row(one, d(40)).broken_promise
    assert not [h for h in collection_history.history(one, "C1") if h.kind == "promise_broken"]


def test_prerequisite_wait(one):
    collection_log.log_step(one, "C1", "demand_letter", d(25))
    assert brief(row(one, d(30))) == ("waiting", "legal_action", "legal_action", d(39))
    assert brief(row(one, d(39))) == ("action_due", "legal_action", "legal_action", d(39))


def test_skipped_demand_letter_does_not_count_as_sent(one):
    collection_log.log_step(one, "C1", "demand_letter", d(16), skipped=True, reason="customer asked for a call")
    assert brief(row(one, d(30))) == ("action_due", "legal_action", "demand_letter", d(15))
    with pytest.raises(UserError, match="reason"):
        collection_log.log_step(one, "C1", "phone_call", d(16), skipped=True)


def test_new_episode_after_full_payment(one):
    collection_log.log_step(one, "C1", "courtesy_reminder", d(-3))
    collection_log.log_step(one, "C1", "reminder", d(3))
    collection_log.log_step(one, "C1", "phone_call", d(7))
    pay(one, d(10), "100.00")
    invoice(one, "INV-2", due=d(30))
    assert row(one, d(20)) is None
    assert brief(row(one, d(27))) == ("action_due", "courtesy_reminder", "courtesy_reminder", d(27))
    r = row(one, d(34))
    assert brief(r) == ("action_due", "reminder", "reminder", d(33)) and r.last_step is None


def test_account_imported_ninety_days_late(one):
    r = row(one, d(90))
    assert brief(r) == ("action_due", "agency", "demand_letter", d(15))
    collection_log.log_step(one, "C1", "demand_letter", d(90))
    assert brief(row(one, d(91))) == ("waiting", "agency", "agency", d(104))


def test_hold_and_release(one):
    collection_holds.put_on_hold(one, "C1", d(20), "director on holiday", on=d(5))
    assert brief(row(one, d(10))) == ("on_hold", "phone_call", "phone_call", d(21))
    assert row(one, d(10)).hold_reason == "director on holiday"
    collection_holds.release_hold(one, "C1", on=d(12))
    assert row(one, d(12)).state == "action_due"
    assert row(one, d(11)).state == "on_hold"
    with pytest.raises(UserError, match="not on hold"):
        collection_holds.release_hold(one, "C1", on=d(13))
    with pytest.raises(UserError, match="before it starts"):
        collection_holds.put_on_hold(one, "C1", d(1), "x", on=d(5))
    with pytest.raises(UserError, match="hold end date is empty"):   # an end is required, not today
        collection_holds.put_on_hold(one, "C1", "", "x", on=d(5))
    collection_holds.put_on_hold(one, "C1", d(13), "one day", on=d(13))   # ending the day it starts
    assert row(one, d(13)).state == "on_hold" and row(one, d(14)).state != "on_hold"


def test_worklist_is_sorted_by_urgency(bk):
    for code, due, amount in (("A1", d(0), "100.00"), ("B1", d(-20), "50.00"), ("C1", d(0), "300.00")):
        customer(bk, code)
        invoice(bk, f"INV-{code}", code=code, due=due, amount=amount)
    assert [r.customer_code for r in worklist.worklist(bk, d(10))] == ["B1", "C1", "A1"]


def test_customer_ladder_override_and_class_ladders(one):
    with pytest.raises(UserError, match="must be greater"):
        collection_ladders.set_class_ladder(one, "B", [Step("a", "A", 5, ActionKind.PHONE_CALL),
                                                       Step("b", "B", 5, ActionKind.PHONE_CALL)])
    mine = [Step("call", "Call", 1, ActionKind.PHONE_CALL),
            Step("lawyer", "Lawyer", 40, ActionKind.LEGAL_ACTION)]
    collection_ladders.set_customer_ladder(one, "C1", mine)
    assert brief(row(one, d(10))) == ("action_due", "call", "call", d(1))
    with pytest.raises(UserError, match="not a step"):
        collection_log.log_step(one, "C1", "reminder", d(10))
    collection_ladders.set_customer_ladder(one, "C1", None)
    assert collection_ladders.customer_ladder(one, "C1") is None
    strict = collection_ladders.set_class_ladder(one, "B", default_ladder("C").to_data())
    assert collection_ladders.class_ladder(one, "B") == strict
    assert brief(row(one, d(2))) == ("action_due", "reminder", "reminder", d(1))
    assert collection_ladders.reset_class_ladder(one, "B") == default_ladder("B")


def test_settings_grace_days(one):
    collection_settings.set_collection_settings(one, collection_settings.CollectionSettings(grace_days=0,
                                                                                          credit=CreditSettings()))
    collection_log.record_promise(one, "C1", d(12), "100.00", made_on=d(5))
    assert row(one, d(13)).broken_promise
    with pytest.raises(UserError, match="grace"):
        collection_settings.set_collection_settings(one, collection_settings.CollectionSettings(grace_days=-1))
    assert collection_settings.collection_settings(one).grace_days == 0


# --- validation --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("call, message", [
    (lambda b: collection_log.log_step(b, "NOPE", "reminder", d(3)), "no customer with code 'NOPE'"),
    (lambda b: collection_log.log_step(b, "C1", "letter", d(3)), "'letter' is not a step"),
    (lambda b: collection_log.log_step(b, "C1", "reminder", TODAY + dt.timedelta(days=1)), "in the future"),
    (lambda b: collection_log.log_step(b, "C1", "reminder", "3 March"), "YYYY-MM-DD"),
    (lambda b: collection_log.record_promise(b, "C1", d(12), "0", made_on=d(5)), "greater than zero"),
    (lambda b: collection_log.record_promise(b, "C1", d(12), "-5", made_on=d(5)), "negative"),
    (lambda b: collection_log.record_promise(b, "C1", d(12), "100.01", made_on=d(5)), "more than C1 Ltd owes"),
    (lambda b: collection_log.record_promise(b, "C1", d(4), "10", made_on=d(5)), "before the day the promise was made"),
    (lambda b: collection_log.record_promise(b, "C1", d(12), "10", made_on=TODAY + dt.timedelta(days=2)),
     "in the future"),
    (lambda b: collection_log.log_call(b, "C1", d(5), "maybe"), "not a call outcome"),
    (lambda b: collection_log.log_call(b, "C1", d(5), "promised"), "promised date and amount"),
    (lambda b: disputes.mark_dispute(b, "INV-9", "x"), "no invoice number 'INV-9'"),
    (lambda b: disputes.mark_dispute(b, "INV-1", " "), "reason of the dispute"),
    (lambda b: disputes.mark_dispute(b, "INV-1", "x", amount="150"), "more than is open"),
    (lambda b: collection_holds.put_on_hold(b, "C1", d(20), "", on=d(5)), "reason for the hold"),
    (lambda b: credit_limits.record_credit_override(b, "C1", "INV-1", ""), "reason for the override"),
    (lambda b: reminder_mail(b, "C1", d(10)), "no e-mail address"),
])
def test_validation(one, call, message):
    with pytest.raises(UserError, match=message):
        call(one)
    assert not [h for h in collection_history.history(one, "C1") if h.source == "event"]


def test_promise_on_an_account_with_nothing_open(one):
    pay(one, d(1), "100.00")
    with pytest.raises(UserError, match="owes nothing"):
        collection_log.record_promise(one, "C1", d(12), "10", made_on=d(5))


# --- credit -----------------------------------------------------------------------------------------------

def test_credit_check_for_new_invoice(bk):
    customer(bk, "C1", credit_limit="1000")
    invoice(bk, "INV-1", amount="800.00")
    assert credit_limits.credit_check_for_new_invoice(bk, "C1", "200.00") is None
    warning = str(credit_limits.credit_check_for_new_invoice(bk, "C1", "250.00"))
    assert "above the credit limit of 1,000.00 EUR (by 50.00 EUR)" in warning
    customer(bk, "C2", on_hold="yes")
    assert "credit hold" in str(credit_limits.credit_check_for_new_invoice(bk, "C2", "1"))
    customer(bk, "C3")
    assert credit_limits.credit_check_for_new_invoice(bk, "C3", "1000000") is None
    credit_limits.record_credit_override(bk, "C1", "INV-2", "agreed by the director", on=d(0))
    entry = [h for h in collection_history.history(bk, "C1") if h.kind == "credit_override"][0]
    assert str(entry.text) == "Invoice INV-2: agreed by the director"  # beside "credit override"


def test_credit_review_flag_until_reviewed(bk):
    customer(bk, "C1", credit_limit="1000")
    invoice(bk, "INV-1", amount="99.00")
    invoice(bk, "INV-2", amount="1.00", due=d(5))
    assert not row(bk, d(3)).credit_review           # 99.00 < 10 % of 1000
    assert row(bk, d(6)).credit_review               # 100.00 >= 10 %
    credit_limits.mark_credit_reviewed(bk, "C1", on=d(7), note="limit kept")
    assert not row(bk, d(8)).credit_review
    assert row(bk, d(6)).credit_review               # not reviewed yet on that day


def test_suggested_class_from_paid_invoices(bk):
    customer(bk, "C1")
    for i in range(4):
        invoice(bk, f"P{i}", due=d(i * 7), amount="10.00")
        pay(bk, d(i * 7 + 40), "10.00", invoice_number=f"P{i}")   # always 40 days late
    assert credit_limits.suggested_credit_class(bk, "C1", d(100)) == "C"
    assert credit_limits.suggested_credit_class(bk, "C1", d(20)) is None
    invoice(bk, "OPEN", due=d(95))
    assert row(bk, d(100)).suggested_class == "C"


# --- history and e-mail -------------------------------------------------------------------------------

def test_history_merges_events_invoices_and_payments(one):
    collection_log.log_step(one, "C1", "reminder", d(3), note="by e-mail")
    collection_log.log_call(one, "C1", d(8), "no_answer")
    collection_log.add_note(one, "C1", d(9), "left a voicemail")
    pay(one, d(9), "20.00")
    collection_holds.put_on_hold(one, "C1", d(20), "talks with the owner", on=d(10))
    hist = collection_history.history(one, "C1")
    assert [(h.date, h.kind) for h in hist] == [
        (d(-30), "invoice"), (d(3), "step_done"), (d(8), "call"), (d(9), "note"), (d(9), "payment"),
        (d(10), "hold")]  # one day's entries in the order they were entered (the note before the payment)
    assert str(hist[0].text) == "INV-1, due 2026-03-01" and hist[0].amount == Decimal("100.00")   # beside "invoice"
    assert str(hist[4].text) == "bank transfer"        # beside "payment"
    assert str(hist[1].text) == "Reminder: by e-mail"   # beside "step done"
    assert str(hist[2].text) == "no answer"             # beside "call"
    assert str(hist[5].text) == "until 2026-03-21: talks with the owner"   # beside "hold"


def test_history_says_a_ledger_entrys_kind_once(one):
    """The timeline names the kind beside the details ("payment | bank transfer, ref. BANK 7"): the details never
    repeat it ("payment | Payment received…")."""
    from ar_desktop.services.adjustments import credit_note, write_off

    invoice(one, "INV-2")
    invoicing.void_invoice(one, invoicing_id(one, "INV-2"), "typo", on=d(2))
    payments.record_payment(one, {"customer_code": "C1", "date": d(5).isoformat(), "amount": "10.00",
                                  "reference": "BANK 7", "method": "cheque"})
    credit_note(one, "INV-1", "5.00", "returned goods", date=d(6), number="CN-1")
    write_off(one, "INV-1", "1.00", "small remainder", date=d(7))
    lines = [(h.kind, str(h.text)) for h in collection_history.history(one, "C1") if h.source == "ledger"]
    assert lines == [("invoice", "INV-1, due 2026-03-01"), ("invoice", "INV-2, due 2026-03-01 (void)"),
                     ("payment", "cheque, ref. BANK 7"), ("credit note", "CN-1: returned goods"),
                     ("write-off", "small remainder")]


def invoicing_id(b, number: str) -> int:
    from ar_desktop.storage import invoices_repo

    with b.db.session() as s:
        return invoices_repo.id_by_number(s, number)


def test_history_extension_point(one):
    collection_history.register_history_source("letters_test", lambda s, cid: [
        collection_history.HistoryEntry(d(4), "letter", "Reminder letter sent", None, "INV-1")])
    try:
        hist = collection_history.history(one, "C1")
    finally:
        collection_history._HISTORY_SOURCES.pop("letters_test")
    assert [(h.kind, h.source) for h in hist][-1] == ("letter", "letters_test")


def test_reminder_mail(bk):
    customer(bk, "C1", email="ap@c1.example", contact="Ms Chen")
    invoice(bk, "INV-1", amount="1234.50")
    invoice(bk, "INV-2", amount="10.00", due=d(30))
    to, subject, body = reminder_mail(bk, "C1", d(10))
    assert to == "ap@c1.example"
    assert subject == "Payment reminder: 1 overdue invoice (EUR 1,234.50)"
    assert body.startswith("Dear Ms Chen,")
    assert "INV-1  due 2026-03-01    10 days overdue" in body and "INV-2" not in body
    with pytest.raises(UserError, match="no overdue invoice"):
        reminder_mail(bk, "C1", d(0))


# --- the suggested class: counted in SQL for the worklist, the same as from every paid invoice ----------

def test_worklist_suggested_class_equals_the_class_from_every_paid_invoice(bk):
    rng = random.Random(7)
    for c in range(25):
        code = f"S{c:02d}"
        customer(bk, code)
        due = d(-420 + rng.randint(0, 40))
        habits = rng.choice([(-10, -1, 0, 0), (0, 0, 0, 0, 6, 12), (6, 20, 45, 90, None),
                             (-10, -1, 0, 0, 1, 2, 6, 20, 45)])
        for k in range(rng.randint(2, 30)):
            due += dt.timedelta(days=rng.choice([1, 5, 12, 20]))
            if due > TODAY:
                break
            invoice(bk, f"{code}-{k:02d}", code, due)
            late = rng.choice(habits)
            on = due + dt.timedelta(days=late) if late is not None else None
            if on is not None and on <= TODAY:
                pay(bk, max(on, due - dt.timedelta(days=30)), "100.00", code, f"{code}-{k:02d}")
        invoice(bk, f"{code}-open", code, TODAY - dt.timedelta(days=rng.randint(-20, 40)))
    settings = [CreditSettings(), CreditSettings(a_max_avg_days_late=Decimal("1"), a_max_late_share=Decimal("0.3"),
                                                 c_min_avg_days_late=Decimal("8"), c_min_late_share=Decimal("0.4"))]
    seen = set()
    for credit in settings:
        collection_settings.set_collection_settings(bk, collection_settings.CollectionSettings(credit=credit))
        for back in (0, 30, 200):
            as_of = TODAY - dt.timedelta(days=back)
            rows = worklist.worklist(bk, as_of)
            assert rows
            for r in rows:
                assert r.suggested_class == credit_limits.suggested_credit_class(bk, r.customer_code, as_of)
                seen.add(r.suggested_class)
    assert {"A", "B", "C"} <= seen
