"""The quarterly review: who is in the pack, what each page says, and the decision recorded in the
collection file."""

from __future__ import annotations

import datetime as dt
import sys
from decimal import Decimal
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "pdf"))
from pdftext import compact, page_texts  # noqa: E402

from ar_desktop.clock import FixedClock  # noqa: E402
from ar_desktop.domain.errors import UserError  # noqa: E402
from ar_desktop.services.adjustments import write_off  # noqa: E402
from ar_desktop.services.collection_history import history  # noqa: E402
from ar_desktop.services.collection_log import log_call, log_step
from ar_desktop.services.disputes import mark_dispute
from ar_desktop.services.company_file import create_company  # noqa: E402
from ar_desktop.services.customers import add_customer, find_customer  # noqa: E402
from ar_desktop.services.invoicing import add_invoice  # noqa: E402
from ar_desktop.services.kpis import kpis  # noqa: E402
from ar_desktop.services.payments import record_payment  # noqa: E402
from ar_desktop.services.review import record_decision, review_candidates, review_document, review_pdf  # noqa: E402

TODAY = dt.date(2026, 4, 10)


def inv(b, number, code, issued, due, amount):
    add_invoice(b, {"number": number, "customer_code": code, "issue_date": issued, "due_date": due, "amount": amount})


@pytest.fixture
def books(tmp_path):
    b = create_company(tmp_path / "q.ardb", "Northwind Components GmbH", "EUR", "DE", clock=FixedClock(TODAY))
    add_customer(b, {"code": "ACME", "name": "Acme Widgets Ltd", "credit_limit": "1000.00", "credit_class": "B"})
    add_customer(b, {"code": "BETA", "name": "Beta Trading"})
    add_customer(b, {"code": "IDLE", "name": "Idle Ltd"})           # nothing owed, nothing sold: no page
    add_customer(b, {"code": "OLD", "name": "Old Debts Ltd"})        # owes from last year: a page
    inv(b, "A-1", "ACME", "2026-01-10", "2026-02-09", "800.00")
    inv(b, "A-2", "ACME", "2026-02-15", "2026-03-17", "500.00")
    inv(b, "A-3", "ACME", "2026-03-20", "2026-04-19", "200.00")
    record_payment(b, {"date": "2026-02-20", "customer_code": "ACME", "amount": "800.00", "invoice_number": "A-1"})
    inv(b, "B-1", "BETA", "2026-01-05", "2026-01-20", "300.00")
    write_off(b, "B-1", None, "insolvent", date="2026-03-15")
    inv(b, "I-0", "IDLE", "2025-06-01", "2025-07-01", "50.00")
    record_payment(b, {"date": "2025-07-01", "customer_code": "IDLE", "amount": "50.00", "invoice_number": "I-0"})
    inv(b, "O-1", "OLD", "2025-09-01", "2025-10-01", "400.00")
    mark_dispute(b, "O-1", "wrong goods", "150.00", on="2026-02-01")
    log_call(b, "OLD", "2026-02-10", "promised", promised_date="2026-02-20", amount="100.00")
    log_step(b, "OLD", "demand_letter", "2026-03-01")
    return b


def test_who_is_in_the_pack_and_what_their_pages_say(books):
    doc = review_document(books, "2026q1")
    assert (doc.quarter, doc.first_day, doc.last_day, doc.as_of) == ("2026Q1", dt.date(2026, 1, 1),
                                                                    dt.date(2026, 3, 31), dt.date(2026, 3, 31))
    assert [c.code for c in doc.customers] == ["ACME", "BETA", "OLD"]
    acme, beta, old = doc.customers
    assert [(m.month.month, m.sales, m.payments, m.adjustments) for m in acme.months] == [
        (1, Decimal("800.00"), Decimal("0.00"), Decimal("0.00")), (2, Decimal("500.00"), Decimal("800.00"),
                                                                   Decimal("0.00")),
        (3, Decimal("200.00"), Decimal("0.00"), Decimal("0.00"))]
    assert acme.balance == Decimal("700.00") and acme.overdue == Decimal("500.00")
    assert acme.limit_use == Decimal("70.0") and not acme.over_limit
    assert acme.payment_trend[-1].invoices == 1 and acme.payment_trend[-1].days_to_pay == Decimal("41.0")
    assert acme.payment_trend[-1].days_late == Decimal("11.0")
    assert beta.months[2].adjustments == Decimal("300.00") and beta.balance == 0
    assert beta.payment_trend[-1].invoices == 0    # written off: not a payment
    assert old.disputed_open == Decimal("150.00") and [d[1] for d in old.disputes] == ["dispute"]
    assert old.promises == (1, 0, 0)
    assert [(s[0], s[1]) for s in old.steps] == [(dt.date(2026, 3, 1), "demand_letter")]
    assert [w.invoice_number for w in doc.written_off] == ["B-1"] and doc.written_off_total("EUR") == Decimal("300.00")
    assert doc.kpis == kpis(books, dt.date(2026, 3, 31), 90)
    assert [e.code for e in doc.largest] == ["ACME", "OLD"]


def test_a_decision_is_recorded_in_the_collection_file_and_changes_the_customer(books):
    d = record_decision(books, "2026Q1", "ACME", "change_limit", new_limit="1500.00", note="Pays, a bit late.")
    assert (d.old_limit, d.new_limit) == (Decimal("1000.00"), Decimal("1500.00"))
    assert find_customer(books, "ACME")[1].credit_limit == Decimal("1500.00")
    entry = [h for h in history(books, "ACME") if h.kind == "credit_review"][-1]
    assert entry.date == TODAY
    assert "Quarterly review 2026Q1: credit limit changed from 1,000.00 to 1,500.00. Pays, a bit late." in str(entry.text)
    record_decision(books, "2026Q1", "OLD", "stop_supplying")
    assert find_customer(books, "OLD")[1].on_hold
    record_decision(books, "2026Q1", "BETA", "change_class", new_class="c")
    assert find_customer(books, "BETA")[1].credit_class == "C"
    decided = {c.code: c.decision.decision for c in review_candidates(books, "2026Q1") if c.decision}
    assert decided == {"ACME": "change_limit", "OLD": "stop_supplying", "BETA": "change_class"}
    # the latest decision of the quarter counts
    record_decision(books, "2026Q1", "ACME", "keep")
    assert review_document(books, "2026Q1", customer="ACME").customers[0].decision.decision == "keep"


@pytest.mark.parametrize("kind,kw,message", [
    ("change_limit", {}, "new credit limit"),
    ("change_limit", {"new_limit": "1000.00"}, "same as the current one"),
    ("change_class", {"new_class": "B"}, "already in class B"),
    ("change_class", {"new_class": "X"}, "A, B or C"),
    ("promote", {}, "not a review decision"),
])
def test_bad_decisions_are_refused_and_nothing_is_written(books, kind, kw, message):
    with pytest.raises(UserError, match=message):
        record_decision(books, "2026Q1", "ACME", kind, **kw)
    assert not [h for h in history(books, "ACME") if h.kind == "credit_review"]
    assert find_customer(books, "ACME")[1].credit_limit == Decimal("1000.00")


def test_a_quarter_not_begun_is_refused(books):
    with pytest.raises(UserError, match="has not begun"):
        review_document(books, "2026Q3")
    doc = review_document(books, "2026Q2")        # running: figures as of today
    assert doc.as_of == TODAY


def test_the_pack_prints_the_portfolio_then_one_page_per_customer(books):
    record_decision(books, "2026Q1", "ACME", "change_limit", new_limit="1500.00")
    pages = page_texts(review_pdf(books, "2026Q1"))
    assert "Quarterly credit review 2026Q1" in pages[0] and "Largest exposures" in pages[0]
    assert "Bad debts written off in the quarter" in "".join(pages[:2])
    customer_pages = [p for p in pages if "Decision" in p]
    assert len(customer_pages) == 3
    assert "Change the credit limit to 1,500.00 EUR" in customer_pages[0] and "Recorded on 2026-04-10" in customer_pages[0]
    assert "Date and signature" in customer_pages[1]
    zh = compact("".join(page_texts(review_pdf(books, "2026Q1", customer="OLD", language="zh"))))
    assert "季度信用复核2026Q1" in zh and "正式催款函（挂号信）" in zh and "停止赊销" in zh


def test_the_chinese_pack_names_steps_as_the_window_does(books):
    """The pack kept its own Chinese copy of the shipped step names; it reads them from the window's translations."""
    from PySide6.QtCore import QTranslator

    from ar_desktop.domain.ladder import step_name_text
    from ar_desktop.paths import TRANSLATIONS

    for key, day in (("reminder", "2026-02-01"), ("phone_call", "2026-02-05"), ("agency", "2026-03-20")):
        log_step(books, "OLD", key, day)
    window = QTranslator()
    assert window.load(str(TRANSLATIONS / "ar_desktop_zh_CN.qm"))
    [page] = review_document(books, "2026Q1", customer="OLD", language="zh").customers
    keys = [key for _d, key, _name in page.steps]
    assert keys == ["reminder", "phone_call", "demand_letter", "agency"]
    names = [step_name_text(key).render(lambda c, s: window.translate(c, s) or s) for key in keys]
    assert [name for _d, _key, name in page.steps] == names
    zh = compact("".join(page_texts(review_pdf(books, "2026Q1", customer="OLD", language="zh"))))
    assert all(compact(name) in zh for name in names) and "移交催收机构" in zh, (names, zh)
    english = review_document(books, "2026Q1", customer="OLD").customers[0].steps
    assert [name for _d, _key, name in english] == ["Reminder", "Phone call", "Formal demand letter (registered mail)",
                                                     "Hand over to a collection agency"]
