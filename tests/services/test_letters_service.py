"""Letters over the books: build, issue (archive, SHA-256, items, step done), verify, print again,
and the PDF read back: every required element, figures equal to the late-charge engine's, the
recipient inside the window of every layout."""

from __future__ import annotations

import datetime as dt
import hashlib
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import text as sql

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "pdf"))
from pdftext import compact, find_words, page_sizes, text, words  # noqa: E402

from ar_desktop.clock import FixedClock  # noqa: E402
from ar_desktop.domain.errors import UserError  # noqa: E402
from ar_desktop.domain.letters import load_template  # noqa: E402
from ar_desktop.pdf.layouts import LAYOUTS  # noqa: E402
from ar_desktop.pdf.letters import recipient_lines  # noqa: E402
from ar_desktop.services import collection_history, disputes, worklist  # noqa: E402
from ar_desktop.services import customers, invoicing, late_charges, letters, payments  # noqa: E402
from ar_desktop.services.company_file import create_company, save_company_profile  # noqa: E402

TODAY = dt.date(2025, 7, 10)


@pytest.fixture
def bk(tmp_path):
    b = create_company(tmp_path / "acme-books.ardb", "Northwind Components GmbH", "EUR", "DE", clock=FixedClock(TODAY))
    save_company_profile(b, {"legal_name": "Northwind Components GmbH", "address": "Hafenstrasse 12",
                             "postcode": "20457", "city": "Hamburg", "country": "DE", "phone": "+49 40 1234560",
                             "email": "ar@northwind.example", "bank_name": "Hamburger Sparkasse",
                             "bank_account": "DE89370400440532013000", "bank_bic": "HASPDEHHXXX",
                             "signer_name": "Thomas Vogel", "signer_title": "Head of Finance", "currency": "EUR"})
    customers.add_customer(b, {"code": "ACME", "name": "Acme Widgets Ltd", "contact": "Accounts Payable",
                               "address": "Unit 4 Riverside Estate\nMill Lane", "postcode": "M4 5JD",
                               "city": "Manchester", "country": "GB", "late_charge_rule": "statutory_eu"})
    customers.add_customer(b, {"code": "HQ", "name": "深圳市华强电子科技有限公司", "contact": "李明",
                               "address": "南山区高新南一道8号", "postcode": "518057", "city": "深圳市", "country": "CN",
                               "language": "zh", "currency": "CNY", "late_charge_rule": "contract_daily",
                               "late_charge_rate": "0.05"})
    inv(b, "I-1", "ACME", dt.date(2025, 6, 20), "10000.00", reference="PO-77812")
    inv(b, "I-2", "ACME", dt.date(2025, 6, 25), "1200.00")
    payments.record_payment(b, {"customer_code": "ACME", "date": "2025-07-01", "amount": "200.00",
                                "invoice_number": "I-2"})
    inv(b, "I-3", "ACME", dt.date(2025, 6, 22), "50.00")
    invoicing.set_dispute(b, invoicing_id(b, "I-3"), True, "wrong quantity")
    inv(b, "Z-1", "HQ", dt.date(2025, 6, 1), "5000.00")
    try:
        yield b
    finally:
        b.close()


def inv(b, number, code, due, amount, reference=""):
    invoicing.add_invoice(b, {"number": number, "customer_code": code, "reference": reference,
                              "issue_date": (due - dt.timedelta(days=30)).isoformat(), "due_date": due.isoformat(),
                              "amount": amount})


def invoicing_id(b, number):
    with b.db.session() as s:
        return s.execute(sql("SELECT id FROM invoice WHERE number = :n"), {"n": number}).scalar()


def count(b, table, where="1=1"):
    with b.db.session() as s:
        return s.execute(sql(f"SELECT count(*) FROM {table} WHERE {where}")).scalar()


def archive_files(b):
    folder = letters.archive_dir(b)
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


# --- building --------------------------------------------------------------------------------------

def test_build_letter_lists_overdue_undisputed_invoices_with_engine_charges(bk):
    doc = letters.build_letter(bk, "ACME", TODAY)
    assert [i.number for i in doc.invoices] == ["I-1", "I-2"]           # I-3 disputed, left out
    assert [i.open_amount for i in doc.invoices] == [Decimal("10000.00"), Decimal("1000.00")]
    report = {r.invoice_number: r for r in late_charges.charges_report(bk, TODAY)}
    for ch in doc.charges:
        assert (ch.interest, ch.fixed_compensation) == (report[ch.invoice_number].interest,
                                                        report[ch.invoice_number].fixed_compensation)
    assert doc.charges[0].interest == Decimal("58.36") and doc.charges[0].fixed_compensation == Decimal("40.00")
    assert doc.total_claimed == doc.invoices_open + doc.charges_total
    assert doc.template == "demand_letter" and doc.registered_mail and doc.language == "en"
    assert doc.deadline == TODAY + dt.timedelta(days=14)
    assert doc.next_step.startswith("we will take legal action")          # the step after demand_letter
    assert doc.reference == "DRAFT" and doc.contract_ref == "PO-77812"


def test_settings_deadline_statement_and_template_override(bk):
    letters.set_letter_settings(bk, letters.LetterSettings(deadline_days=21, layout="us-10", statement_attached=True))
    own = "Dear $customer_contact,\n\nPay $total $currency by $deadline, ref. $reference.\n"
    letters.set_template_text(bk, "en", "demand_letter", own)
    doc = letters.build_letter(bk, "ACME", TODAY)
    assert doc.deadline == dt.date(2025, 7, 31)
    assert doc.statement is not None and [i.number for i in doc.statement.items] == ["I-1", "I-3", "I-2"]
    assert doc.paragraphs[1] == "Pay 11,143.03 EUR by July 31, 2025, ref. DRAFT."     # US #10: US dates
    [issued] = letters.issue_letters(bk, TODAY, ["ACME"])
    assert issued.layout == "us-10"
    rec = letters.get_letter(bk, issued.letter_id)
    assert rec.template_version == hashlib.sha256(own.encode()).hexdigest()
    assert "ref. L000001." in text(issued.path.read_bytes())
    assert page_sizes(issued.path.read_bytes())[0] == pytest.approx((612, 792), abs=0.1)
    with pytest.raises(UserError, match="unknown placeholder \\$amount"):
        letters.set_template_text(bk, "en", "reminder", "Pay $amount now.")
    letters.set_template_text(bk, "en", "demand_letter", None)
    assert letters.template_text(bk, "en", "demand_letter") == load_template("en", "demand_letter")


def test_build_refuses_what_cannot_be_a_letter(bk):
    with pytest.raises(UserError, match="sends no letter"):
        letters.build_letter(bk, "ACME", TODAY, "phone_call")
    with pytest.raises(UserError, match="is not a step of"):
        letters.build_letter(bk, "ACME", TODAY, "lawsuit")
    with pytest.raises(UserError, match="no overdue, undisputed open invoice"):
        letters.build_letter(bk, "ACME", dt.date(2025, 6, 1), "reminder")
    with pytest.raises(UserError, match="Unknown letter layout 'a5'"):
        letters.build_letter(bk, "ACME", TODAY, layout="a5")


def test_candidates_are_customers_whose_next_step_is_a_letter(bk):
    got = [(c.customer_code, c.step_key, c.template) for c in letters.letter_candidates(bk, TODAY)]
    assert got == [("ACME", "demand_letter", "demand_letter"), ("HQ", "demand_letter", "demand_letter")]
    # 4 days after I-1 fell due the ladder wants a reminder letter; 8 days after, a phone call (no letter)
    assert [c.step_key for c in letters.letter_candidates(bk, dt.date(2025, 6, 24))
            if c.customer_code == "ACME"] == ["reminder"]
    assert all(c.customer_code != "ACME" for c in letters.letter_candidates(bk, dt.date(2025, 6, 28)))


# --- issuing -----------------------------------------------------------------------------------------

def test_issue_archives_exact_bytes_with_stored_fingerprint(bk, tmp_path):
    issued = letters.issue_letters(bk, TODAY)
    assert [(x.customer_code, x.reference) for x in issued] == [("ACME", "L000001"), ("HQ", "L000002")]
    folder = tmp_path / "acme-books.letters"
    assert letters.archive_dir(bk) == folder
    assert archive_files(bk) == [folder / "2025/2025-07-10_ACME_demand_letter_L000001.pdf",
                                 folder / "2025/2025-07-10_HQ_demand_letter_L000002.pdf"]
    for x in issued:
        data = x.path.read_bytes()
        rec = letters.get_letter(bk, x.letter_id)
        assert hashlib.sha256(data).hexdigest() == rec.sha256 == x.sha256
        assert rec.size == len(data) and rec.archive_path == x.archive_path
        assert letters.verify_letter(bk, x.letter_id).ok
        assert letters.archived_bytes(bk, x.letter_id) == data
    acme = letters.get_letter(bk, 1)
    assert (acme.step_key, acme.template, acme.language, acme.layout, acme.total_claimed, acme.currency) == \
        ("demand_letter", "demand_letter", "en", "din-a", Decimal("11143.03"), "EUR")
    assert acme.template_version == hashlib.sha256(load_template("en", "demand_letter").encode()).hexdigest()
    items = letters.letter_items(bk, 1)
    assert [(i.invoice_number, i.open_amount, i.interest, i.fixed_compensation, i.rule) for i in items] == [
        ("I-1", Decimal("10000.00"), Decimal("58.36"), Decimal("40.00"), "statutory_eu"),
        ("I-2", Decimal("1000.00"), Decimal("4.67"), Decimal("40.00"), "statutory_eu")]
    assert "ECB main refinancing" in items[0].explanation


def test_verify_detects_a_changed_or_missing_file(bk):
    [x] = letters.issue_letters(bk, TODAY, ["ACME"])
    data = bytearray(x.path.read_bytes())
    data[-10] ^= 1
    x.path.write_bytes(bytes(data))
    check = letters.verify_letter(bk, x.letter_id)
    assert not check.ok and "was changed after it was issued" in str(check.message)
    with pytest.raises(UserError, match="was changed"):
        letters.archived_bytes(bk, x.letter_id)
    x.path.unlink()
    check = letters.verify_letter(bk, x.letter_id)
    assert not check.ok and check.actual_sha256 is None and "missing" in str(check.message)


def test_issuing_marks_the_step_done_and_records_the_claim(bk):
    before = {r.customer_code: r.state for r in worklist.worklist(bk, TODAY)}
    assert before["ACME"] == "action_due"
    letters.issue_letters(bk, TODAY, ["ACME"])
    row = next(r for r in worklist.worklist(bk, TODAY) if r.customer_code == "ACME")
    assert (row.state, row.last_step, row.last_step_date) == ("waiting", "demand_letter", TODAY)
    assert letters.letter_candidates(bk, TODAY)[0].customer_code == "HQ"
    hist = collection_history.history(bk, "ACME")
    step = [h for h in hist if h.kind == "step_done"]
    assert len(step) == 1 and step[0].date == TODAY
    assert "Letter L000001 (Formal demand letter) claims 11,143.03 EUR" in str(step[0].text)
    assert "invoices 11,000.00 EUR, interest 63.03 EUR, fixed compensation 80.00 EUR" in str(step[0].text)
    letter = [h for h in hist if h.kind == "letter"]
    assert len(letter) == 1 and letter[0].source == "letters" and letter[0].amount == Decimal("11143.03")
    # beside "letter": which, and what it claims (not "letter | Letter L000001 issued…")
    assert str(letter[0].text).startswith("L000001 (Formal demand letter): claimed 11,143.03 EUR, pay by ")


def test_failing_batch_leaves_no_files_and_no_rows(bk, monkeypatch):
    import ar_desktop.pdf.letters as pdf_letters

    real = pdf_letters.render_letter
    calls = []

    def flaky(doc, layout="din-a", offset=(0, 0)):
        calls.append(doc.recipient.legal_name)
        if len(calls) == 2:
            raise RuntimeError("printer driver exploded")
        return real(doc, layout, offset)

    monkeypatch.setattr(pdf_letters, "render_letter", flaky)
    with pytest.raises(RuntimeError, match="exploded"):
        letters.issue_letters(bk, TODAY)
    assert len(calls) == 2
    assert archive_files(bk) == []                      # neither the first letter nor any temp file
    assert count(bk, "letter") == 0 and count(bk, "letter_item") == 0
    assert count(bk, "collection_event", "kind = 'step_done'") == 0
    monkeypatch.setattr(pdf_letters, "render_letter", real)
    assert len(letters.issue_letters(bk, TODAY)) == 2   # and it can be done again


def test_failing_batch_on_user_error_rolls_back(bk, tmp_path):
    customers.add_customer(bk, {"code": "ZZ", "name": "Zed", "address": "1 Road", "city": "Leeds",
                                "late_charge_rule": "statutory_uk"})
    inv(bk, "Q-1", "ZZ", dt.date(2025, 6, 1), "100.00")     # EUR invoice under the UK (GBP) rule
    with pytest.raises(UserError, match="Invoice Q-1 is in EUR"):
        letters.issue_letters(bk, TODAY, ["ACME", "ZZ"], "demand_letter")
    assert archive_files(bk) == [] and count(bk, "letter") == 0


def test_preview_stores_nothing(bk):
    pdf = letters.preview_letter(bk, "ACME", TODAY)
    assert pdf.startswith(b"%PDF") and "DRAFT" in text(pdf)
    assert count(bk, "letter") == 0 and archive_files(bk) == []


def test_nothing_to_issue(bk):
    assert letters.issue_letters(bk, dt.date(2025, 5, 20)) == []
    with pytest.raises(UserError, match="needs no collection step"):
        letters.issue_letters(bk, dt.date(2025, 4, 1), ["ACME"])


def test_render_batch_pdf_for_printing(bk):
    issued = letters.issue_letters(bk, TODAY)
    pdf = letters.render_batch_pdf(bk, [x.letter_id for x in issued])
    body = compact(text(pdf))
    assert "L000001" in body and "L000002" in body and "AcmeWidgetsLtd" in body and "深圳市华强电子科技有限公司" in body
    single = letters.render_batch_pdf(bk, [issued[0].letter_id])
    assert compact(text(single)) == compact(text(issued[0].path.read_bytes()))   # same content as the archive
    letters.issue_letters(bk, TODAY, ["ACME"], "reminder", layout="plain")
    with pytest.raises(UserError, match="different layouts"):
        letters.render_batch_pdf(bk, [1, 3])
    with pytest.raises(UserError, match="no letter with id 99"):
        letters.render_batch_pdf(bk, [99])


# --- the PDF read back ----------------------------------------------------------------------------

def test_english_letter_has_every_required_element(bk):
    [x] = letters.issue_letters(bk, TODAY, ["ACME"])
    pdf = x.path.read_bytes()
    body = " ".join(text(pdf).split())
    report = {r.invoice_number: r for r in late_charges.charges_report(bk, TODAY)}
    for needed in ("Northwind Components GmbH", "Hafenstrasse 12", "Acme Widgets Ltd", "Unit 4 Riverside Estate",
                   "Manchester", "10 July 2025", "L000001", "Formal demand for payment", "PO-77812",
                   "I-1", "I-2", "10,000.00", "1,000.00", "Einschreiben Rückschein", "24 July 2025",
                   "we will take legal action", "DE89370400440532013000", "HASPDEHHXXX", "Thomas Vogel",
                   "11,143.03"):
        assert needed in body, needed
    for r in (report["I-1"], report["I-2"]):
        assert f"{r.interest:,.2f}" in body and f"{r.fixed_compensation:,.2f}" in body
    # I-3 is wholly disputed: named as not claimed, never in the claim
    assert "Not claimed while in dispute: invoice I-3 EUR 50.00" in body
    assert "50.00" not in body.replace("invoice I-3 EUR 50.00", "")


def test_chinese_letter_has_every_required_element(bk):
    [x] = letters.issue_letters(bk, TODAY, ["HQ"])
    body = compact(text(x.path.read_bytes()))
    r = {r.invoice_number: r for r in late_charges.charges_report(bk, TODAY)}["Z-1"]
    assert r.interest == Decimal("97.50")
    assert x.reference == "L000001"
    for needed in ("催款函", "深圳市华强电子科技有限公司", "南山区高新南一道8号", "2025年7月10日", "L000001", "Z-1",
                   "5,000.00", "97.50", "5,097.50", "伍仟零玖拾柒元伍角", "2025年7月24日", "EinschreibenRückschein",
                   "我司将通过诉讼途径追讨欠款", "DE89370400440532013000", "约定逾期利息，每日0.05%"):
        assert needed in body, needed


@pytest.mark.parametrize("layout", ["din-a", "din-b", "us-10", "plain"])
@pytest.mark.parametrize("code", ["ACME", "HQ"])
def test_recipient_block_inside_the_window(bk, layout, code):
    [x] = letters.issue_letters(bk, TODAY, [code], layout=layout)
    pdf = x.path.read_bytes()
    rec = letters.get_letter(bk, x.letter_id)
    stored = letters.document_from_json(rec.document_json)
    lay = LAYOUTS[letters.pdf_layout(layout)]
    ws = [w for w in words(pdf) if w.page == 1]
    start = 0
    for line in recipient_lines(stored.recipient, stored.language):
        hit = find_words(ws[start:], line)
        assert hit, f"recipient line {line!r} not found"
        start = ws.index(hit[-1]) + 1
        for w in hit:
            assert w.inside(lay.recipient.to_points()), (w, lay.recipient)
            if lay.window is not None:
                assert w.inside(lay.window.to_points())


def test_document_json_round_trip(bk):
    doc = letters.build_letter(bk, "HQ", TODAY)
    assert letters.document_from_json(letters.document_to_json(doc)) == doc


def test_partial_dispute_claims_exactly_the_undisputed_part(bk):
    from ar_desktop.domain.late_charges import ChargeRule, InvoiceForCharges, compute_charges

    disputes.mark_dispute(bk, "I-1", "1,000.00 of the goods were damaged", amount="1000.00", on=TODAY)
    doc = letters.build_letter(bk, "ACME", TODAY)
    i1 = next(i for i in doc.invoices if i.number == "I-1")
    assert (i1.open_amount, i1.disputed, i1.claimed) == (Decimal("10000.00"), Decimal("1000.00"), Decimal("9000.00"))
    rates = late_charges.rate_book(bk)
    on_rest = compute_charges(InvoiceForCharges("I-1", "EUR", Decimal("9000.00"), dt.date(2025, 6, 20)),
                              ChargeRule("statutory_eu"), TODAY, rates)
    ch = next(c for c in doc.charges if c.invoice_number == "I-1")
    assert ch.interest == on_rest.interest
    i2_charges = next(c for c in doc.charges if c.invoice_number == "I-2").total
    assert doc.total_claimed == Decimal("9000.00") + Decimal("1000.00") + on_rest.total + i2_charges
    [x] = letters.issue_letters(bk, TODAY, ["ACME"])
    body = " ".join(text(x.path.read_bytes()).split())
    assert "In dispute" in body and "Claimed" in body
    assert "invoice I-1 EUR 1,000.00" in body and "invoice I-3 EUR 50.00" in body
    assert f"{doc.total_claimed:,.2f}" in body
    assert count(bk, "letter_item", "open_amount = 900000") == 1


@pytest.mark.parametrize("language, basis", [
    ("en", ["Contractual tiered interest: 0.05 % a day for days 1-30, 0.08 % a day from day 31 of lateness",
            "EUR 5,000.00 x 0.05 % x 30 days = EUR 75.00", "EUR 5,000.00 x 0.08 % x 10 days = EUR 40.00"]),
    ("zh", ["约定阶梯式滞纳金：逾期第1至30天每日0.05%，第31天起每日0.08%", "5,000.00欧元×0.05%×30天=75.00欧元",
            "5,000.00欧元×0.08%×10天=40.00欧元"])])
def test_a_tiered_rule_is_shown_in_the_letter_with_its_basis(bk, language, basis):
    customers.add_customer(bk, {"code": "TIER", "name": "Tiered Trading Co", "address": "1 Main St", "city": "Leeds",
                                "country": "GB", "language": language, "late_charge_rule": "contract_tiered",
                                "late_charge_rate": "0.05/30;0.08"})
    inv(bk, "T-1", "TIER", dt.date(2025, 5, 31), "5000.00")  # 40 days late on 10 July
    [x] = letters.issue_letters(bk, TODAY, ["TIER"])
    body = compact(text(x.path.read_bytes())) if language == "zh" else " ".join(text(x.path.read_bytes()).split())
    for needed in basis:
        assert (compact(needed) if language == "zh" else needed) in body, needed
    assert "115.00" in body                                    # 75.00 + 40.00


@pytest.mark.parametrize("language, sentence", [
    ("en", "The goods delivered under invoice R-1 were supplied under retention of title: they remain our property "
           "until paid in full, and we may reclaim them."),
    ("zh", "发票R-1项下货物系在保留所有权条件下交付：在货款全部付清之前，该等货物仍归我司所有，我司有权取回。")])
def test_the_legal_and_agency_notices_mention_retention_of_title(bk, language, sentence):
    customers.add_customer(bk, {"code": "ROT", "name": "Reserved Goods Co", "address": "1 Main St", "city": "Leeds",
                                "country": "GB", "language": language, "retention_of_title": "yes"})
    inv(bk, "R-1", "ROT", dt.date(2025, 5, 31), "800.00")
    invoicing.add_invoice(bk, {"number": "R-2", "customer_code": "ROT", "issue_date": "2025-05-01",
                               "due_date": "2025-05-31", "amount": "200.00", "retention_of_title": "no"})
    for step in ("legal_action", "agency"):
        doc = letters.build_letter(bk, "ROT", TODAY, step)
        assert doc.paragraphs[-1] == sentence and "R-2" not in doc.paragraphs[-1]
    assert sentence not in letters.build_letter(bk, "ROT", TODAY, "demand_letter").paragraphs
    [x] = letters.issue_letters(bk, TODAY, ["ROT"], "legal_action")
    body = compact(text(x.path.read_bytes())) if language == "zh" else " ".join(text(x.path.read_bytes()).split())
    assert (compact(sentence) if language == "zh" else sentence) in body
