"""The customer's collection file as a document (and as PDF bytes) for a lawyer or an agency."""

from __future__ import annotations

import datetime as dt

from ar_desktop.domain.collection_file import (WORDS, CollectionFileDocument, FileEntry, FileOpenItem, next_step_line,
                                               promise_line, state_text, step_on)
from ar_desktop.domain.ladder import step_name_text
from ar_desktop.domain.text import Text, Translate
from ar_desktop.services import collection_history, worklist
from ar_desktop.services.company_file import company_profile
from ar_desktop.services.context import Books
from ar_desktop.services.customers import find_customer
from ar_desktop.services.invoicing import invoice_ids, invoice_rows
from ar_desktop.services.number_styles import number_format_for_country
from ar_desktop.storage.invoices_repo import InvoiceFilter


def collection_file(books: Books, code: str, as_of: dt.date) -> CollectionFileDocument:
    entries = collection_history.history(books, code)
    status = worklist.customer_status(books, code, as_of)
    customer_id, customer = find_customer(books, code)
    company = company_profile(books)
    rows = invoice_rows(books, invoice_ids(books, InvoiceFilter(status="open", customer_id=customer_id)))
    summary: list[tuple[Text, Text]] = []
    if status is not None:
        summary.append((Text(WORDS["state"]), state_text(status.state)))
        if status.last_step:
            summary.append((Text(WORDS["last_step"]), step_on(step_name_text(status.last_step),
                                                               status.last_step_date)))
        if status.next_step:
            summary.append((Text(WORDS["next_step"]), next_step_line(
                step_name_text(status.next_step, status.next_step_name), status.next_step_date, as_of)))
        if status.promise:
            p = status.promise
            summary.append((Text(WORDS["promise"]), promise_line(p.amount, p.promised_date, p.status)))
    address = "\n".join(x for x in (customer.address, f"{customer.postcode} {customer.city}".strip(),
                                    customer.country) if x)
    return CollectionFileDocument(
        company_name=company.legal_name, company_address=", ".join(
            x for x in (company.address.replace("\n", ", "), f"{company.postcode} {company.city}".strip()) if x),
        customer_code=customer.code, customer_name=customer.name, customer_address=address,
        customer_contact=", ".join(x for x in (customer.contact, customer.phone, customer.email) if x),
        currency=customer.currency, as_of=as_of, summary=tuple(summary),
        open_items=tuple(FileOpenItem(r.number, r.issue_date, r.due_date, (as_of - r.due_date).days, r.amount,
                                      r.open_amount, r.disputed) for r in rows if r.issue_date <= as_of),
        entries=tuple(FileEntry(e.date, e.kind, e.text, e.invoice_number or "", e.amount)
                      for e in entries if e.date <= as_of),
        number_format=number_format_for_country(company.country))


def collection_file_pdf(books: Books, code: str, as_of: dt.date, tr: Translate | None = None) -> bytes:
    """The collection file as PDF, in the language of ``tr`` (the window's translator; English without),
    amounts as the company writes them."""
    from ar_desktop.pdf.collection_file import render_collection_file

    return render_collection_file(collection_file(books, code, as_of), tr)

