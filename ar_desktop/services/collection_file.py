"""The customer's collection file as a document (and as PDF bytes) for a lawyer or an agency."""

from __future__ import annotations

import datetime as dt

from ar_desktop.domain.collection_file import CollectionFileDocument, FileEntry, FileOpenItem
from ar_desktop.domain.ladder import step_name_text
from ar_desktop.domain.text import english
from ar_desktop.services import collections
from ar_desktop.services.company_file import company_profile
from ar_desktop.services.context import Books
from ar_desktop.services.customers import find_customer
from ar_desktop.services.invoicing import invoice_ids, invoice_rows
from ar_desktop.storage.invoices_repo import InvoiceFilter


def collection_file(books: Books, code: str, as_of: dt.date) -> CollectionFileDocument:
    entries = collections.history(books, code)
    status = collections.customer_status(books, code, as_of)
    customer_id, customer = find_customer(books, code)
    company = company_profile(books)
    rows = invoice_rows(books, invoice_ids(books, InvoiceFilter(status="open", customer_id=customer_id)))
    summary: list[tuple[str, str]] = []
    if status is not None:
        summary.append(("State", status.state.replace("_", " ")))
        if status.last_step:
            step = english(step_name_text(status.last_step))  # its name, never its key ("agency")
            summary.append(("Last step", f"{step} on {status.last_step_date.isoformat()}"))
        if status.next_step:
            when = f" (due since {status.next_step_date.isoformat()})" if status.next_step_date else ""
            summary.append(("Next step", f"{status.next_step_name}{when}"))
        if status.promise:
            p = status.promise
            summary.append(("Promise", f"{p.amount:,.2f} by {p.promised_date.isoformat()} ({p.status})"))
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
        entries=tuple(FileEntry(e.date, e.kind, english(e.text), e.invoice_number or "", e.amount)
                      for e in entries if e.date <= as_of))


def collection_file_pdf(books: Books, code: str, as_of: dt.date) -> bytes:
    from ar_desktop.pdf.collection_file import render_collection_file

    return render_collection_file(collection_file(books, code, as_of))

