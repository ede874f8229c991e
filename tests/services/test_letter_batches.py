"""Whole batches: every letter that can be written is issued; the others are skipped with their
reason; dry runs store nothing; a courtesy note claims nothing; wording that could lie is refused."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from sqlalchemy import text as sql

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "pdf"))
from pdftext import text  # noqa: E402

from ar_desktop.clock import FixedClock  # noqa: E402
from ar_desktop.domain.errors import UserError  # noqa: E402
from ar_desktop.services import customers, invoicing, letters  # noqa: E402
from ar_desktop.services.company_file import create_company, save_company_profile  # noqa: E402

TODAY = dt.date(2026, 7, 20)


@pytest.fixture
def bk(tmp_path):
    b = create_company(tmp_path / "batch.ardb", "Batch GmbH", "EUR", "DE", clock=FixedClock(TODAY))
    save_company_profile(b, {"legal_name": "Batch GmbH", "address": "Ring 1", "postcode": "10115", "city": "Berlin",
                             "country": "DE", "bank_account": "DE89370400440532013000", "currency": "EUR"})
    for code, extra in (("OK", {}), ("NOADDR", {"address": "", "city": ""}),
                        ("RATE", {"late_charge_rule": "statutory_de"}), ("SOON", {}),
                        ("EMOJI", {"name": "Smiley 😀 GmbH"})):
        customers.add_customer(b, {"code": code, "name": f"{code} GmbH", "address": "Weg 1", "postcode": "20095",
                                   "city": "Hamburg", "country": "DE", **extra})
    for number, code, due in (("O-1", "OK", "2026-06-30"), ("N-1", "NOADDR", "2026-06-30"),
                              ("R-1", "RATE", "2026-06-20"), ("S-1", "SOON", "2026-07-22"),
                              ("E-1", "EMOJI", "2026-06-30")):
        invoicing.add_invoice(b, {"number": number, "customer_code": code, "issue_date": "2026-05-01",
                                  "due_date": due, "amount": "1000.00"})
    try:
        yield b
    finally:
        b.close()


def count(b, table):
    with b.db.session() as s:
        return s.execute(sql(f"SELECT count(*) FROM {table}")).scalar()


def test_a_batch_issues_what_it_can_and_says_why_it_skipped_the_rest(bk):
    batch = letters.issue_batch(bk, TODAY)
    assert sorted(x.customer_code for x in batch.issued) == ["OK", "SOON"]
    skipped = {s.customer_code: s for s in batch.skipped}
    assert {c: s.code for c, s in skipped.items()} == {"NOADDR": "no_address", "RATE": "missing_rate",
                                                      "EMOJI": "unprintable"}
    assert "enter the German base rate valid from 2026-07-01 under Settings ▸ Reference rates" in \
        str(skipped["RATE"].reason)
    assert skipped["NOADDR"].line().startswith("skipped NOADDR: NOADDR GmbH has no postal address.")
    assert "'😀' (U+1F600)" in str(skipped["EMOJI"].reason)
    assert count(bk, "letter") == 2


def test_each_issued_letter_is_the_stored_record_with_its_archived_file(bk):
    from ar_desktop.storage import letters_repo

    (ok, soon) = sorted(letters.issue_batch(bk, TODAY).issued, key=lambda x: x.customer_code)
    with bk.db.session() as s:
        stored = letters_repo.get(s, ok.letter_id)
    assert (ok.reference, ok.customer_name, ok.step_key, ok.letter_date, ok.total_claimed, ok.archive_path,
            ok.sha256, ok.size) == (stored.reference, "OK GmbH", stored.step_key, TODAY, stored.total_claimed,
                                    stored.archive_path, stored.sha256, stored.size)
    assert ok.path.read_bytes()[:5] == b"%PDF-" and ok.path.stat().st_size == ok.size > 0
    assert ok.total_claimed == ok.interest + ok.fixed_compensation + 1000


def test_a_courtesy_note_before_the_due_date_claims_nothing(bk):
    [note] = letters.issue_letters(bk, TODAY, ["SOON"])
    assert note.template == "courtesy_reminder" and not note.registered_mail
    body = " ".join(text(note.path.read_bytes()).split())
    assert "Friendly note: invoices falling due" in body and "nothing is overdue" in body
    assert "Amount falling due EUR 1,000.00" in body
    for claim in ("Total claimed", "overdue invoices", "demand", "legal action", "late-payment charges",
                  "remain unpaid"):
        assert claim.lower() not in body.lower(), claim


def test_a_dry_run_writes_the_same_letters_and_stores_nothing(bk):
    batch = letters.issue_batch(bk, TODAY, dry_run=True)
    assert sorted(d.customer_code for d in batch.drafts) == ["OK", "SOON"] and batch.issued == []
    assert len(batch.skipped) == 3
    assert all(d.pdf.startswith(b"%PDF") and "DRAFT" in text(d.pdf) for d in batch.drafts)
    assert count(bk, "letter") == 0 and count(bk, "collection_event") == 0
    assert not letters.archive_dir(bk).exists()


def test_all_or_nothing_issue_stops_on_the_first_customer_it_cannot_write_to(bk):
    with pytest.raises(UserError, match="no postal address"):
        letters.issue_letters(bk, TODAY, ["OK", "NOADDR"])
    assert count(bk, "letter") == 0


@pytest.mark.parametrize("wording, problem", [
    ("Dear $customer_contact,\n\nDespite our reminder of $reminder_date, pay $total_amount.\n",
     r"uses \$reminder_date on line 3 without a condition"),
    ("Dear $customer_contact,\n\n{if reminder_date}Our reminder of $reminder_date.\n", "never closed"),
    ("Dear $customer_contact,\n\n{if charges}x{end}{end}\n", "without an {if"),
    ("{if nonsense}x{end}", "unknown fact 'nonsense'"),
    ("Dear $customer_nmae,", r"unknown placeholder \$customer_nmae"),
    ("{ if reminder_date }x{end}", "is not a condition"),
])
def test_wording_that_could_claim_what_the_record_lacks_is_refused(bk, wording, problem):
    with pytest.raises(UserError, match=problem):
        letters.set_template_text(bk, "en", "demand_letter", wording)


def test_guarded_wording_is_accepted_and_says_only_what_holds(bk):
    own = ("Dear $customer_contact,\n\n{if reminder_date}Despite our reminder of $reminder_date, you{else}You{end} "
           "owe $total_amount.{if charges} This includes $charges_total of charges.{end}\n")
    letters.set_template_text(bk, "en", "demand_letter", own)
    doc = letters.build_letter(bk, "OK", TODAY, "demand_letter")
    assert doc.paragraphs[1] == "You owe EUR 1,000.00."


def test_sample_company_letters_today_issue_every_due_letter(tmp_path):
    from ar_desktop.services.demo import build_demo

    b = build_demo(tmp_path / "sample.ardb")
    try:
        due = letters.letter_candidates(b, b.today())
        batch = letters.issue_batch(b, b.today())
        assert batch.skipped == [] and len(batch.issued) == len(due) > 0
    finally:
        b.close()


def test_eur_letter_carries_an_epc_qr_code_a_banking_app_can_read(bk, tmp_path):
    import subprocess

    pdf = letters.preview_letter(bk, "OK", TODAY, "demand_letter")
    doc = letters.build_letter(bk, "OK", TODAY, "demand_letter")
    png = subprocess.run(["pdftoppm", "-r", "200", "-png", "-f", "1", "-l", "1", "-"], input=pdf,
                         capture_output=True, check=True).stdout
    (tmp_path / "p.png").write_bytes(png)
    decoded = subprocess.run(["zbarimg", "-q", "--raw", "-Sbinary", str(tmp_path / "p.png")],
                             capture_output=True, check=True).stdout.decode("utf-8")
    lines = decoded.rstrip("\n").split("\n")
    assert lines[:4] == ["BCD", "002", "1", "SCT"]
    assert lines[5:8] == ["Batch GmbH", "DE89370400440532013000", f"EUR{doc.total_claimed:.2f}"]
    assert lines[10].startswith("DRAFT")                      # the letter's payment reference
    assert "Scan to pay" in text(pdf)
