"""Credit risk on real company files: insurance, the limitation clock, credit checks, small balances
and the worklist's credit actions (which record nothing)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ar_desktop.clock import FixedClock
from ar_desktop.domain.errors import UserError
from ar_desktop.services import collection_history, collection_log
from ar_desktop.services import credit_actions, credit_checks, customers, insurance, invoicing, letters, limitation
from ar_desktop.services import payments, small_balances
from ar_desktop.services import registered_mail as rm
from ar_desktop.services.audit import recent_changes
from ar_desktop.services.company_file import create_company
from ar_desktop.services.credit_settings import CreditRiskSettings, credit_risk_settings, set_credit_risk_settings
from ar_desktop.domain.credit_check import NewCustomerCap

D = dt.date


@pytest.fixture
def clock():
    return FixedClock(D(2026, 6, 30))


def company(tmp_path, clock, country="DE"):
    return create_company(tmp_path / f"co-{country}.ardb", "Northwind", "EUR", country, clock=clock)


@pytest.fixture
def bk(tmp_path, clock):
    b = company(tmp_path, clock)
    try:
        yield b
    finally:
        b.close()


def customer(b, code="C1", **kw):
    customers.add_customer(b, {"code": code, "name": f"{code} Ltd", "address": "Mill Lane 4", "city": "Leeds", **kw})


def invoice(b, number, due, amount="1000.00", code="C1", issue=None):
    invoicing.add_invoice(b, {"number": number, "customer_code": code,
                              "issue_date": (issue or due - dt.timedelta(days=30)).isoformat(),
                              "due_date": due.isoformat(), "amount": amount})


def pay(b, day, amount, code="C1", number=""):
    payments.record_payment(b, {"customer_code": code, "date": day.isoformat(), "amount": amount,
                                "invoice_number": number})


# --- insurance ------------------------------------------------------------------------------------

def insured(b):
    insurance.add_policy(b, "Allianz Trade", "P-100", "90", "60", "30", "90", "120", "20000")
    customer(b)
    insurance.insure(b, "C1", "5000", "2026-01-01", reference="EH-1")


def test_insurance_report_and_events(bk):
    insured(bk)
    customer(bk, "C2")
    invoice(bk, "I-1", D(2026, 2, 1), "4000.00")
    invoice(bk, "I-2", D(2026, 3, 1), "3000.00")
    invoice(bk, "I-3", D(2026, 3, 1), "10.00", code="C2")
    # d = 2026-02-01, M = 60 -> covered until 2026-04-02, notify by 2026-05-02, transfer by 2026-07-01
    rows = {r.customer_code: r for r in insurance.insurance_report(bk, D(2026, 4, 2))}
    p = rows["C1"].position
    assert (p.status, p.exposure, p.insured_exposure, p.uninsured_exposure, p.expected_indemnity) == \
        ("ok", Decimal("7000.00"), Decimal("5000.00"), Decimal("2000.00"), Decimal("4500.00"))
    assert (p.notify_by, p.transfer_by) == (D(2026, 5, 2), D(2026, 7, 1))
    assert rows["C2"].position.status == "not_insured" and rows["C2"].position.insured_limit is None
    assert insurance.insurance_of(bk, "C1", D(2026, 4, 3)).position.status == "notify_now"
    assert insurance.insurance_of(bk, "C1", D(2026, 5, 3)).position.status == "notification_late"
    insurance.record_insurer_event(bk, "C1", "notified", "2026-04-20", note="form sent by e-mail")
    assert insurance.insurance_of(bk, "C1", D(2026, 5, 3)).position.status == "notified"
    assert insurance.insurance_of(bk, "C1", D(2026, 7, 2)).position.status == "transfer_late"
    insurance.record_insurer_event(bk, "C1", "transferred", "2026-06-15")
    insurance.record_insurer_event(bk, "C1", "claim_filed", "2026-06-20", "7000")
    row = insurance.insurance_of(bk, "C1", D(2026, 6, 30))
    assert row.position.status == "transferred" and row.claim_filed_on == D(2026, 6, 20)
    lines = {h.kind: str(h.text) for h in collection_history.history(bk, "C1")}
    assert {"insured_limit", "insurer_notified", "insurer_transferred", "insurer_claim_filed"} <= set(lines)
    # beside "insurer notified", "transferred to insurer": the note alone (the kind is not said again)
    assert (lines["insurer_notified"], lines["insurer_transferred"]) == ("form sent by e-mail", "")
    # paid in full: the case is over
    pay(bk, D(2026, 6, 30), "7000.00")
    assert insurance.insurance_of(bk, "C1", D(2026, 6, 30)).position.status == "ok"


def test_insured_limits_keep_their_history_and_need_a_reference_above_the_discretionary_limit(bk):
    insured(bk)
    with pytest.raises(UserError, match="discretionary limit"):
        insurance.insure(bk, "C1", "25000", "2026-02-01")
    insurance.insure(bk, "C1", "15000", "2026-02-01")               # within the discretionary limit
    insurance.insure(bk, "C1", "0", "2026-05-01", reference="withdrawn")
    history = insurance.limit_history(bk, "C1")
    assert [h.decision.limit for h in history] == [Decimal("5000.00"), Decimal("15000.00"), Decimal("0.00")]
    assert insurance.insurance_of(bk, "C1", D(2026, 4, 30)).position.insured_limit == Decimal("15000.00")
    assert insurance.insurance_of(bk, "C1", D(2026, 5, 1)).position.status == "not_insured"
    changes = recent_changes(bk)
    assert [c.entity for c in changes].count("insured_limit") == 3


def test_insurance_errors(bk):
    customer(bk)
    with pytest.raises(UserError, match="No credit insurance policy"):
        insurance.insure(bk, "C1", "5000", "2026-01-01", reference="R")
    insurance.add_policy(bk, "A", "P-1", "90", "60", "30", "90")
    insurance.add_policy(bk, "B", "P-2", "85", "90", "30", "60")
    with pytest.raises(UserError, match="several policies"):
        insurance.insure(bk, "C1", "5000", "2026-01-01", reference="R")
    with pytest.raises(UserError, match="already recorded"):
        insurance.add_policy(bk, "A", "P-1", "90", "60", "30", "90")
    with pytest.raises(UserError, match="whole number of days"):
        insurance.add_policy(bk, "A", "P-3", "90", "sixty", "30", "90")
    with pytest.raises(UserError, match="has no insured limit"):
        insurance.record_insurer_event(bk, "C1", "notified", "2026-04-01")
    insurance.insure(bk, "C1", "5000", "2026-01-01", reference="R", policy_number="P-2")
    with pytest.raises(UserError, match="amount of the claim"):
        insurance.record_insurer_event(bk, "C1", "indemnified", "2026-04-01")
    with pytest.raises(UserError, match="in the future"):
        insurance.record_insurer_event(bk, "C1", "notified", "2026-07-01")


def test_new_invoice_warnings(bk):
    insured(bk)
    invoice(bk, "I-1", D(2026, 4, 1), "4500.00")
    # as of today (2026-06-30): I-1 is unpaid beyond 2026-05-31 and the new invoice goes over the limit too
    texts = [str(t) for t in insurance.new_invoice_warnings(bk, "C1", "1000", D(2026, 6, 30), D(2026, 7, 30))]
    assert any("no longer covered" in t for t in texts) and any("would not be insured" in t for t in texts)
    early = [str(t) for t in insurance.new_invoice_warnings(bk, "C1", "100", D(2026, 5, 1), D(2026, 10, 1))]
    assert early == ["The invoice gives 153 days to pay, more than the 120 days the policy covers: it is not "
                     "insured."]


# --- the limitation clock ---------------------------------------------------------------------------

def test_limitation_follows_the_company_country_and_the_customer(tmp_path, clock):
    b = company(tmp_path, clock, "GB")
    try:
        customer(b, "UK1")
        customer(b, "DE1", limitation="de")
        customer(b, "NO1", limitation="none")
        invoice(b, "U-1", D(2023, 5, 10), code="UK1")
        invoice(b, "G-1", D(2023, 5, 10), code="DE1")
        invoice(b, "N-1", D(2023, 5, 10), code="NO1")
        rows = limitation.limitation_report(b, D(2026, 6, 30))
        assert [(r.invoice_number, r.jurisdiction, r.expires_on, r.days_left) for r in rows] == \
            [("G-1", "de", D(2026, 12, 31), 184), ("U-1", "uk", D(2029, 5, 10), 1045)]
        assert [r.invoice_number for r in limitation.limitation_report(b, D(2026, 6, 30), within=184)] == ["G-1"]
        assert limitation.limitation_report(b, D(2026, 6, 30), within=183) == []
    finally:
        b.close()


def test_part_payments_and_acknowledgements_restart_the_clock(bk):
    customer(bk)
    invoice(bk, "I-1", D(2023, 5, 10))
    invoice(bk, "I-2", D(2023, 5, 10))
    pay(bk, D(2024, 2, 29), "100.00", number="I-1")
    limitation.acknowledge(bk, "I-2", "2024-06-01", "signed statement", written=False)
    payments.record_payment(bk, {"customer_code": "C1", "date": "2024-03-01", "amount": "1.00",
                                 "invoice_number": "I-2"})
    rows = {r.invoice_number: r for r in limitation.limitation_report(bk, D(2026, 6, 30))}
    assert (rows["I-1"].expires_on, rows["I-1"].restarted_by, rows["I-1"].restarted_on) == \
        (D(2027, 2, 28), "part_payment", D(2024, 2, 29))
    assert (rows["I-2"].expires_on, rows["I-2"].restarted_by) == (D(2027, 6, 1), "oral_acknowledgement")
    # a write-off is no payment by the customer: it does not restart anything
    from ar_desktop.services.adjustments import write_off

    write_off(bk, "I-1", "10.00", "rounding", "2025-01-01")
    assert {r.invoice_number: r for r in limitation.limitation_report(bk, D(2026, 6, 30))}["I-1"].restarted_on == \
        D(2024, 2, 29)


def test_acknowledge_errors(bk):
    customer(bk)
    invoice(bk, "I-1", D(2025, 5, 10))
    with pytest.raises(UserError, match="not in the books"):
        limitation.acknowledge(bk, "NOPE", "2026-01-01")
    with pytest.raises(UserError, match="in the future"):
        limitation.acknowledge(bk, "I-1", "2026-07-01")
    with pytest.raises(UserError, match="was issued on"):
        limitation.acknowledge(bk, "I-1", "2025-01-01")
    pay(bk, D(2025, 6, 1), "1000.00")
    with pytest.raises(UserError, match="fully paid"):
        limitation.acknowledge(bk, "I-1", "2025-07-01")
    limitation.acknowledge(bk, "I-1", "2025-05-20")  # it was open then


def test_a_delivered_demand_letter_restarts_the_chinese_clock(tmp_path, clock):
    clock.day = D(2025, 7, 10)
    b = company(tmp_path, clock, "CN")
    try:
        customer(b, "CN1")
        invoice(b, "I-1", D(2025, 3, 1), code="CN1")
        [x] = letters.issue_letters(b, D(2025, 7, 10), ["CN1"])
        clock.day = D(2025, 8, 1)
        [row] = limitation.limitation_report(b, D(2025, 8, 1))
        assert row.restarted_by is None and row.expires_on == D(2028, 3, 1)
        rm.record_posting(b, x.letter_id, "China Post", "EMS", "EE123456785CN", "2025-07-11")
        [row] = limitation.limitation_report(b, D(2025, 8, 1))
        assert row.restarted_by is None  # posted is not delivered
        delivered = rm.record_delivery(b, x.letter_id, "2025-07-15", "Wang")
        [row] = limitation.limitation_report(b, D(2025, 8, 1))
        assert (row.expires_on, row.restarted_by, row.restarted_on) == (D(2028, 7, 15), "demand_delivered",
                                                                       D(2025, 7, 15))
        rm.correct_entry(b, delivered, "wrong day", date="2025-07-16")
        [row] = limitation.limitation_report(b, D(2025, 8, 1))
        assert row.restarted_on == D(2025, 7, 16)
    finally:
        b.close()


# --- credit checks, suggested limit, cap ----------------------------------------------------------------

def test_credit_check_applies_the_limit_and_shows_the_review(bk):
    customer(bk)
    credit_checks.record_credit_check(bk, "C1", "2026-01-15", "registry, credit_report", "Clean registry, "
                                      "score 2/6", "approved", "8000", "2026-06-30")
    assert customers.find_customer(bk, "C1")[1].credit_limit == Decimal("8000.00")
    [c] = credit_checks.credit_checks(bk, "C1")
    assert c.check.sources == ("registry", "credit_report") and c.check.next_review == D(2026, 6, 30)
    actions = [a for a in credit_actions.credit_actions(bk, D(2026, 6, 30)) if a.kind == "review"]
    assert [(a.customer_code, a.date) for a in actions] == [("C1", D(2026, 6, 30))]
    assert [a for a in credit_actions.credit_actions(bk, D(2026, 6, 29)) if a.kind == "review"] == []
    credit_checks.record_credit_check(bk, "C1", "2026-06-30", "bank", "Bank says no", "declined")
    data = customers.find_customer(bk, "C1")[1]
    assert data.on_hold and data.credit_limit == Decimal("8000.00")
    assert "credit_check" in {h.kind for h in collection_history.history(bk, "C1")}


def test_suggested_limit_from_the_last_12_months(bk):
    customer(bk, terms_days="30")
    for m in range(1, 13):  # 1,000 a month from July 2025, each paid 15 days late
        issue = D(2025 + (6 + m - 1) // 12, (6 + m - 1) % 12 + 1, 1)
        invoice(bk, f"I-{m}", issue + dt.timedelta(days=30), issue=issue)
        if issue + dt.timedelta(days=45) <= D(2026, 6, 30):
            pay(bk, issue + dt.timedelta(days=45), "1000.00")
    s = credit_checks.suggested_limit(bk, "C1", D(2026, 6, 30))
    assert (s.sales_12_months, s.months, s.terms_days) == (Decimal("12000.00"), 11, 30)
    assert s.average_days_late == 15 and s.limit == 1600  # 1090.91 × 45/30 = 1636.36
    assert customers.find_customer(bk, "C1")[1].credit_limit is None  # never applied silently
    assert credit_checks.apply_suggested_limit(bk, "C1", D(2026, 6, 30)) == 1600
    assert customers.find_customer(bk, "C1")[1].credit_limit == Decimal("1600")


def test_new_customer_cap(bk):
    set_credit_risk_settings(bk, CreditRiskSettings(cap=NewCustomerCap(Decimal("2000"), 6)))
    assert credit_risk_settings(bk).cap.cap == Decimal("2000")
    customer(bk, credit_limit="10000")
    invoice(bk, "I-1", D(2026, 6, 1), "1500.00", issue=D(2026, 5, 1))
    pos = credit_checks.credit_position(bk, "C1")
    assert (pos.credit_limit, pos.effective_limit, pos.capped_until) == \
        (Decimal("10000.00"), Decimal("2000"), D(2026, 11, 1))
    assert credit_checks.new_customer_cap_warning(bk, "C1", "500") is None
    assert "at most 2,000.00 EUR (2026-11-01)" in str(credit_checks.new_customer_cap_warning(bk, "C1", "500.01"))


# --- small balances --------------------------------------------------------------------------------------

def test_small_balance_is_suggested_and_written_off_in_one_click(bk):
    set_credit_risk_settings(bk, CreditRiskSettings(step_cost=Decimal("80")))
    customer(bk)
    invoice(bk, "I-1", D(2026, 3, 1), "30.00")
    invoice(bk, "I-2", D(2026, 4, 1), "45.00")
    invoice(bk, "I-3", D(2026, 8, 1), "500.00", issue=D(2026, 6, 1))   # not due: not written off
    assert small_balances.write_off_suggestions(bk, D(2026, 6, 30)) == []  # letters not tried yet
    collection_log.log_step(bk, "C1", "demand_letter", "2026-05-20")
    [sb] = small_balances.write_off_suggestions(bk, D(2026, 6, 30))
    assert (sb.suggestion.overdue, sb.invoice_numbers) == (Decimal("75.00"), ("I-1", "I-2"))
    [a] = [a for a in credit_actions.credit_actions(bk, D(2026, 6, 30)) if a.kind == "write_off"]
    assert a.customer_code == "C1"
    assert small_balances.write_off_small_balance(bk, "C1") == ("I-1", "I-2")
    rows = {r.number: r for r in invoicing.invoice_rows(bk, invoicing.invoice_ids(
        bk, invoicing.InvoiceFilter(customer_id=customers.find_customer(bk, "C1")[0])))}
    assert rows["I-1"].open_amount == 0 and rows["I-2"].open_amount == 0 and rows["I-3"].open_amount == 500
    assert any("Small balance" in str(h.text) for h in collection_history.history(bk, "C1"))
    with pytest.raises(UserError, match="not suggested"):
        small_balances.write_off_small_balance(bk, "C1")


# --- the credit actions are read only -------------------------------------------------------------------

def test_credit_actions_record_nothing(bk):
    insured(bk)
    invoice(bk, "I-1", D(2022, 5, 10))   # DE: time-barred end of 2025
    invoice(bk, "I-2", D(2023, 5, 10))   # DE: 2026-12-31, within 90 days on 2026-10-15
    before = len(audit_entries_all(bk))
    acts = credit_actions.credit_actions(bk, D(2026, 10, 15))
    assert len(audit_entries_all(bk)) == before
    kinds = [(a.kind, a.invoice_number, a.late) for a in acts]
    assert ("limitation", "I-1", True) in kinds and ("limitation", "I-2", False) in kinds
    assert any(k == "insurer_notify" for k, _n, _l in kinds)


def audit_entries_all(b):
    with b.db.session() as s:
        from sqlalchemy import text

        return s.execute(text("SELECT id FROM audit_entry")).all()


# --- recoveries ------------------------------------------------------------------------------------------

def test_a_payment_after_a_write_off_is_a_recovery_not_credit(bk):
    from ar_desktop.services import recoveries
    from ar_desktop.services.adjustments import write_off

    customer(bk)
    invoice(bk, "I-1", D(2026, 1, 10), "300.00")
    invoice(bk, "I-2", D(2026, 6, 10), "100.00")
    write_off(bk, "I-1", None, "Customer insolvent", "2026-03-01")
    cid = customers.find_customer(bk, "C1")[0]
    pay(bk, D(2026, 6, 20), "250.00")          # pays I-2 (100), the rest recovers I-1
    assert payments.customer_credit(bk, cid) == 0
    [r] = recoveries.recoveries(bk, D(2026, 4, 1), D(2026, 6, 30))
    assert (r.amount, r.method, r.date) == (Decimal("150.00"), "recovery", D(2026, 6, 20))
    pay(bk, D(2026, 6, 25), "200.00", number="I-1")  # on the written-off invoice: 150 left to recover
    assert sum(x.amount for x in recoveries.recoveries(bk, D(2026, 1, 1), D(2026, 6, 30))) == Decimal("300.00")
    assert payments.customer_credit(bk, cid) == Decimal("50.00")  # beyond what was written off: credit
    assert [w.amount for w in recoveries.write_offs(bk, D(2026, 1, 1), D(2026, 6, 30))] == [Decimal("300.00")]
    with pytest.raises(UserError, match="not an open invoice"):
        pay(bk, D(2026, 6, 25), "10.00", number="I-2")  # paid, never written off
