"""The documents an insurer asks for: the notification of an overdue account and the claim file
(collection file + invoices + letters + proof of posting), as PDF."""

from __future__ import annotations

import datetime as dt

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.insurer_documents import ClaimFile, ClaimLetter, InsurerNotice
from ar_desktop.domain.text import Text, translate
from ar_desktop.services import insurance
from ar_desktop.services.collection_file import collection_file
from ar_desktop.services.context import Books
from ar_desktop.services.customers import find_customer

# What counts as a collection measure in the notification (not invoices and payments).
_LEDGER = ("invoice", "payment")


def notice(books: Books, code: str, as_of: dt.date) -> InsurerNotice:
    row = insurance.insurance_of(books, code, as_of)
    if row is None or not row.policy_number:
        raise UserError(Text(translate("Messages", "{code} has no insured limit; there is nothing to notify an "
                                                   "insurer of."), code=code))
    _cid, customer = find_customer(books, code)
    doc = collection_file(books, code, as_of)
    p = row.position
    company = doc.company_name
    from ar_desktop.services.company_file import company_profile

    profile = company_profile(books)
    signer = ", ".join(x for x in (profile.signer_name, profile.signer_title) if x)
    return InsurerNotice(
        company_name=company, company_address=doc.company_address, signer=signer, insurer=row.insurer,
        policy_number=row.policy_number, insurer_reference=row.reference, customer_code=customer.code,
        customer_name=customer.name, customer_address=doc.customer_address, customer_tax_id=customer.tax_id,
        currency=customer.currency, as_of=as_of, insured_limit=p.insured_limit, exposure=p.exposure,
        oldest_unpaid_due=p.oldest_unpaid_due, covered_until=p.covered_until, notify_by=p.notify_by,
        transfer_by=p.transfer_by, status=p.status, items=doc.open_items,
        measures=tuple(e for e in doc.entries if e.kind not in _LEDGER))


def notification_pdf(books: Books, code: str, as_of: dt.date) -> bytes:
    from ar_desktop.pdf.insurer import render_notice

    return render_notice(notice(books, code, as_of))


def claim_file(books: Books, code: str, as_of: dt.date) -> tuple[ClaimFile, list[bytes]]:
    """The claim file's content, and the archived letters and PDF receipt scans to append (each
    letter verified against its SHA-256 first)."""
    from ar_desktop.services import letters, registered_mail

    n = notice(books, code, as_of)
    row = insurance.insurance_of(books, code, as_of)
    doc = collection_file(books, code, as_of)
    out, attachments = [], []
    folder = letters.archive_dir(books)
    for rec in letters.customer_letters(books, code):
        if rec.letter_date > as_of:
            continue
        st = registered_mail.mail_status(books, rec.id)
        out.append(ClaimLetter(rec.reference, rec.letter_date, rec.step_key, rec.total_claimed, st.posted_on,
                               st.tracking_number, st.delivered_on, st.signed_by, st.returned_on, rec.sha256,
                               st.receipts))
        attachments.append(letters.archived_bytes(books, rec.id))
        for receipt in st.receipts:
            path = folder / receipt
            if path.suffix.lower() == ".pdf" and path.is_file():
                attachments.append(path.read_bytes())
    return ClaimFile(n, doc, tuple(out), row.position.expected_indemnity), attachments


def claim_file_pdf(books: Books, code: str, as_of: dt.date) -> bytes:
    from ar_desktop.pdf.insurer import render_claim_file

    content, attachments = claim_file(books, code, as_of)
    return render_claim_file(content, attachments)
