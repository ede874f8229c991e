"""The insurer's notification, the claim file and the balance confirmation, read back from the PDFs."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "pdf"))
from pdftext import text  # noqa: E402

from ar_desktop.clock import FixedClock  # noqa: E402
from ar_desktop.domain.errors import UserError  # noqa: E402
from ar_desktop.services import collection_history, collection_log  # noqa: E402
from ar_desktop.services import confirmations, customers, insurance, insurer_documents, invoicing, letters  # noqa: E402
from ar_desktop.services import limitation  # noqa: E402
from ar_desktop.services import registered_mail as rm  # noqa: E402
from ar_desktop.services.company_file import create_company  # noqa: E402

D = dt.date


@pytest.fixture
def clock():
    return FixedClock(D(2025, 7, 10))


@pytest.fixture
def bk(tmp_path, clock):
    b = create_company(tmp_path / "co.ardb", "Northwind GmbH", "EUR", "DE", clock=clock)
    customers.add_customer(b, {"code": "ACME", "name": "Acme Ltd", "address": "Mill Lane 4", "city": "Leeds",
                               "tax_id": "GB123456789"})
    invoicing.add_invoice(b, {"number": "I-1", "customer_code": "ACME", "issue_date": "2025-03-01",
                              "due_date": "2025-04-01", "amount": "4000.00"})
    invoicing.add_invoice(b, {"number": "I-2", "customer_code": "ACME", "issue_date": "2025-06-01",
                              "due_date": "2025-07-01", "amount": "3000.00"})
    insurance.add_policy(b, "Allianz Trade", "P-100", "90", "60", "30", "90")
    insurance.insure(b, "ACME", "5000", "2025-01-01", reference="EH-1")
    try:
        yield b
    finally:
        b.close()


def test_notification_lists_the_unpaid_invoices_and_the_deadlines(bk):
    collection_log.log_step(bk, "ACME", "reminder", "2025-04-20", "Reminder by e-mail")
    pdf = insurer_documents.notification_pdf(bk, "ACME", D(2025, 7, 10))
    t = text(pdf)
    for part in ("Notification of an overdue account", "To Allianz Trade — policy P-100", "Acme Ltd (ACME)",
                 "GB123456789", "EH-1", "5,000.00 EUR", "7,000.00 EUR", "2025-05-31", "2025-06-30", "2025-08-29",
                 "I-1", "I-2", "Reminder by e-mail"):
        assert part in t, part


def test_claim_file_appends_the_archived_letters(bk, clock):
    [x] = letters.issue_letters(bk, D(2025, 7, 10), ["ACME"])
    clock.day = D(2025, 8, 1)
    rm.record_posting(bk, x.letter_id, "Deutsche Post", "Einschreiben", "RR123456785DE", "2025-07-11")
    rm.record_delivery(bk, x.letter_id, "2025-07-14", "J. Smith")
    pdf = insurer_documents.claim_file_pdf(bk, "ACME", D(2025, 8, 1))
    t = text(pdf)
    for part in ("Claim file", "Expected indemnity: 4,500.00 EUR", "Letters sent and proof of posting",
                 "RR123456785DE", "2025-07-14 J.", "Collection file: Acme Ltd"):
        assert part in t, part
    letter_text = text(letters.archived_bytes(bk, x.letter_id))
    assert letter_text.strip().splitlines()[0] in t  # the letter itself is appended


def test_notification_needs_an_insured_customer(bk):
    customers.add_customer(bk, {"code": "BETA", "name": "Beta"})
    with pytest.raises(UserError, match="no insured limit"):
        insurer_documents.notification_pdf(bk, "BETA", D(2025, 7, 10))


def test_returned_confirmation_acknowledges_the_open_invoices(bk, clock):
    cid, pdf = confirmations.request_confirmation(bk, "ACME", "2025-07-31")
    t = text(pdf)
    assert "Balance confirmation" in t and "we owed Northwind GmbH 7,000.00 EUR" in t
    assert "return this slip by 31 July 2025" in t and "Statement of account" in t
    clock.day = D(2025, 7, 25)
    with pytest.raises(UserError, match="note the amount"):
        confirmations.record_returned_slip(bk, cid, "2025-07-20", agreed=False)
    assert confirmations.record_returned_slip(bk, cid, "2025-07-20", agreed=True) == 2
    rows = {r.invoice_number: r for r in limitation.limitation_report(bk, D(2025, 7, 25))}
    assert rows["I-1"].restarted_by == "confirmation" and rows["I-1"].expires_on == D(2028, 7, 20)
    with pytest.raises(UserError, match="already recorded as returned"):
        confirmations.record_returned_slip(bk, cid, "2025-07-21", agreed=True)
    assert "confirmation_returned" in {h.kind for h in collection_history.history(bk, "ACME")}


def test_the_slip_prints_after_the_statement_in_the_customers_language(bk):
    """The statement of account comes first, the slip on a page of its own after it (to be signed,
    stamped and sent back), in the customer's language, with both answers to tick."""
    from pdftext import compact, page_texts

    pages = page_texts(confirmations.request_confirmation(bk, "ACME", "2025-07-31")[1])
    assert "Statement of account" in pages[0] and "Balance confirmation" not in pages[0]
    slip = pages[-1]
    for part in ("Balance confirmation", "Confirmation no. BC000001", "[ ] We agree: this balance is correct.",
                 "[ ] We do not agree. Our records show:", "Signature:", "Company seal:", "Date:",
                 "Customer: Acme Ltd"):
        assert part in slip, part
    customers.add_customer(bk, {"code": "HUA", "name": "华南纺织品进出口有限公司", "language": "zh"})
    invoicing.add_invoice(bk, {"number": "H-1", "customer_code": "HUA", "issue_date": "2025-06-01",
                               "amount": "1234.50"})
    pages = page_texts(confirmations.request_confirmation(bk, "HUA", "2025-07-31")[1])
    slip = compact(pages[-1])
    for part in ("对账确认函", "我方尚欠NorthwindGmbH款项EUR1,234.50（大写：壹仟贰佰叁拾肆元伍角）", "我方确认上述金额无误。",
                 "我方不同意上述金额。", "请于2025年7月31日前签字盖章后寄回。", "签字：", "公章：", "日期："):
        assert part in slip, part
    n = len(pages)
    assert n >= 2 and [compact(p).count(f"第{k}页，共{n}页") for k, p in enumerate(pages, 1)] == [1] * n


def test_the_page_numbers_of_a_statement_with_its_slip_count_the_slip(bk):
    """"Page x of y" counts every page the customer receives: the slip is the last page of the set,
    also when the statement itself runs to several pages."""
    from pdftext import page_texts

    for n in range(60):   # enough open items for a statement of more than one page
        invoicing.add_invoice(bk, {"number": f"M-{n:03d}", "customer_code": "ACME", "issue_date": "2025-06-01",
                                   "amount": "10.00"})
    pages = page_texts(confirmations.request_confirmation(bk, "ACME", "2025-07-31")[1])
    n = len(pages)
    assert n >= 3 and "Balance confirmation" in pages[-1]
    for k, page in enumerate(pages, 1):
        assert f"Page {k} of {n}" in page and f"of {n - 1}" not in page, (k, page[-200:])
