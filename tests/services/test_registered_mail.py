"""The registered-mail log: posting, delivery, return, receipts, append-only corrections, S10
check digits, the response deadline from delivery, the mailing book."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "pdf"))
from pdftext import compact, text  # noqa: E402

from ar_desktop.clock import FixedClock  # noqa: E402
from ar_desktop.domain.errors import UserError  # noqa: E402
from ar_desktop.services import collection_history  # noqa: E402
from ar_desktop.services import customers, invoicing, letters  # noqa: E402
from ar_desktop.services import registered_mail as rm  # noqa: E402
from ar_desktop.services.company_file import create_company  # noqa: E402

LETTER_DAY = dt.date(2025, 7, 10)


@pytest.fixture
def clock():
    return FixedClock(LETTER_DAY)


@pytest.fixture
def bk(tmp_path, clock):
    b = create_company(tmp_path / "co.ardb", "Northwind GmbH", "EUR", "DE", clock=clock)
    customers.add_customer(b, {"code": "ACME", "name": "Acme Ltd", "address": "Mill Lane 4", "city": "Manchester"})
    invoicing.add_invoice(b, {"number": "I-1", "customer_code": "ACME", "issue_date": "2025-05-01",
                              "due_date": "2025-06-01", "amount": "100.00"})
    try:
        yield b
    finally:
        b.close()


@pytest.fixture
def letter(bk, clock):
    [x] = letters.issue_letters(bk, LETTER_DAY, ["ACME"])
    clock.day = dt.date(2025, 8, 1)
    return x.letter_id


def test_posting_delivery_and_response_deadline(bk, letter):
    ems = rm.mail_service("cn_ems")
    rm.record_posting(bk, letter, ems.carrier, ems.service, "ee 123 456 785 cn", "2025-07-11")
    rm.record_delivery(bk, letter, "2025-07-15", "J. Smith")
    st = rm.mail_status(bk, letter)
    assert (st.posted_on, st.tracking_number, st.carrier, st.service) == \
        (dt.date(2025, 7, 11), "EE123456785CN", "China Post", "EMS")
    assert (st.delivered_on, st.signed_by) == (dt.date(2025, 7, 15), "J. Smith")
    assert st.response_deadline == dt.date(2025, 7, 29)      # delivery + the 14 days the letter gave
    assert [e.kind for e in rm.mail_log(bk, letter)] == ["posted", "delivered"]
    lines = {h.kind: str(h.text) for h in collection_history.history(bk, "ACME")}
    # beside "mail posted" / "mail delivered": the letter and what the entry adds, the kind said once
    assert lines["mail_posted"] == "letter L000001 (China Post, EMS), tracking EE123456785CN"
    assert lines["mail_delivered"] == "letter L000001, signed by J. Smith"


def test_s10_check_digit_errors(bk, letter):
    with pytest.raises(UserError, match="check digit .* is 4 where 5 was expected"):
        rm.record_posting(bk, letter, "Deutsche Post", "Einschreiben Rückschein", "RR123456784DE", "2025-07-11")
    with pytest.raises(UserError, match="has 8 digits"):
        rm.record_posting(bk, letter, "", "", "RR12345678DE", "2025-07-11")
    with pytest.raises(UserError, match="tracking number is empty"):
        rm.record_posting(bk, letter, "", "", "  ", "2025-07-11")
    assert rm.mail_log(bk, letter) == []
    # a USPS number is not S10: accepted as written
    rm.record_posting(bk, letter, "USPS", "Certified Mail", "9407 1000 0000 0000 0000 00", "2025-07-11")
    assert rm.mail_status(bk, letter).tracking_number == "9407 1000 0000 0000 0000 00"


def test_corrections_append_and_nothing_is_overwritten(bk, letter):
    first = rm.record_posting(bk, letter, "Deutsche Post", "Einschreiben Einwurf", "RR123456785DE", "2025-07-12")
    with pytest.raises(UserError, match="already recorded as posted on 2025-07-12"):
        rm.record_posting(bk, letter, "", "", "RR123456785DE", "2025-07-12")
    fix = rm.correct_entry(bk, first, "posted a day earlier; number mistyped", tracking="RR987654326DE",
                           date="2025-07-11")
    with pytest.raises(UserError, match="Say why"):
        rm.correct_entry(bk, first, " ", tracking="RR987654326DE")
    with pytest.raises(UserError, match="check digit"):
        rm.correct_entry(bk, first, "again", tracking="RR987654321DE")
    log = rm.mail_log(bk, letter)
    assert [(e.id, e.kind, e.tracking_number, e.date, e.corrects_id) for e in log] == [
        (first, "posted", "RR123456785DE", dt.date(2025, 7, 12), None),
        (fix, "correction", "RR987654326DE", dt.date(2025, 7, 11), first)]
    st = rm.mail_status(bk, letter)
    assert (st.posted_on, st.tracking_number, st.service) == (dt.date(2025, 7, 11), "RR987654326DE",
                                                              "Einschreiben Einwurf")
    delivered = rm.record_delivery(bk, letter, "2025-07-14")
    rm.correct_entry(bk, delivered, "the Rückschein says 15 July", date="2025-07-15", signed_by="Meier")
    st = rm.mail_status(bk, letter)
    assert (st.delivered_on, st.signed_by, st.response_deadline) == (dt.date(2025, 7, 15), "Meier",
                                                                     dt.date(2025, 7, 29))
    assert len(rm.mail_log(bk, letter)) == 4


def test_delivery_and_return_need_a_posting_and_sane_dates(bk, letter):
    with pytest.raises(UserError, match="has no posting recorded"):
        rm.record_delivery(bk, letter, "2025-07-15")
    with pytest.raises(UserError, match="cannot have been posted on 2025-07-09"):
        rm.record_posting(bk, letter, "", "", "RR123456785DE", "2025-07-09")
    with pytest.raises(UserError, match="is in the future"):
        rm.record_posting(bk, letter, "", "", "RR123456785DE", "2025-09-01")
    rm.record_posting(bk, letter, "", "", "RR123456785DE", "2025-07-11")
    with pytest.raises(UserError, match="cannot have been delivered on 2025-07-10"):
        rm.record_delivery(bk, letter, "2025-07-10")
    with pytest.raises(UserError, match="why the letter came back"):
        rm.record_return(bk, letter, "2025-07-20", "")
    rm.record_return(bk, letter, "2025-07-20", "addressee unknown")
    st = rm.mail_status(bk, letter)
    assert (st.returned_on, st.return_reason, st.delivered_on) == (dt.date(2025, 7, 20), "addressee unknown", None)
    with pytest.raises(UserError, match="no letter with id 77"):
        rm.record_delivery(bk, 77, "2025-07-15")


def test_attach_receipt_copies_the_scan_into_the_archive(bk, letter, tmp_path):
    scan = tmp_path / "rueckschein.pdf"
    scan.write_bytes(b"%PDF-1.4 scan")
    rm.attach_receipt(bk, letter, scan, "return_receipt", "2025-07-16")
    rm.attach_receipt(bk, letter, scan, "return_receipt", "2025-07-16")
    st = rm.mail_status(bk, letter)
    assert st.receipts == ("receipts/L000001_return_receipt_1.pdf", "receipts/L000001_return_receipt_2.pdf")
    for rel in st.receipts:
        assert (letters.archive_dir(bk) / rel).read_bytes() == b"%PDF-1.4 scan"
    with pytest.raises(UserError, match="not a kind of receipt"):
        rm.attach_receipt(bk, letter, scan, "selfie")
    with pytest.raises(UserError, match="There is no file"):
        rm.attach_receipt(bk, letter, tmp_path / "nope.pdf", "return_receipt")
    bad = tmp_path / "x.docx"
    bad.write_bytes(b"x")
    with pytest.raises(UserError, match="not a PDF or image"):
        rm.attach_receipt(bk, letter, bad, "return_receipt")


def test_service_list():
    labels = [m.label for m in rm.MAIL_SERVICES]
    for needed in ("China Post EMS", "China Post 挂号信 (registered letter)", "Royal Mail Signed For",
                   "Royal Mail Special Delivery Guaranteed", "USPS Certified Mail with Return Receipt",
                   "Deutsche Post Einschreiben Rückschein", "Deutsche Post Einschreiben Einwurf"):
        assert needed in labels
    with pytest.raises(UserError, match="not a known mail service"):
        rm.mail_service("pigeon")


def test_mailing_book(bk, letter):
    with pytest.raises(UserError, match="has no tracking number yet"):
        rm.mailing_book_pdf(bk, [letter], "2025-07-11", "Hamburg 1")
    rm.record_posting(bk, letter, "Deutsche Post", "Einschreiben Rückschein", "RR123456785DE", "2025-07-11")
    pdf = rm.mailing_book_pdf(bk, [letter], "2025-07-11", "Hamburg 1")
    body = compact(text(pdf))
    for needed in ("RR123456785DE", "AcmeLtd", "MillLane4", "EinschreibenRückschein", "L000001", "Hamburg1"):
        assert needed in body, needed


def test_carrier_list_starts_with_the_company_country_and_the_window_names_the_service():
    from ar_desktop.services.registered_mail import endorsement_for, mail_services_for

    assert [m.country for m in mail_services_for("DE")[:2]] == ["DE", "DE"]
    assert mail_services_for("US")[0].key == "us_certified_rr" and mail_services_for("US")[-1].key == "other"
    assert mail_services_for("CN")[0].key == "cn_ems"
    assert endorsement_for("DE", "en") == "Einschreiben Rückschein"
    assert endorsement_for("US", "en") == "Certified Mail – Return Receipt Requested"
    assert endorsement_for("FR", "en") == ""          # the generic "By registered mail"
