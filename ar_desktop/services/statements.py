"""A statement of account on its own: every open item with its aging, addressed for the window."""

from __future__ import annotations

from ar_desktop.domain.letters import DiscountOffer, LetterInvoiceLine, build_statement
from ar_desktop.services.context import Books
from ar_desktop.services.customers import find_customer
from ar_desktop.services.invoicing import invoice_ids, invoice_rows
from ar_desktop.services.letters import company_party, recipient_party, letter_settings, pdf_layout
from ar_desktop.storage.invoices_repo import InvoiceFilter


def statement_pdf(books: Books, code: str, layout: str | None = None, extra_pages=()) -> bytes:
    """The customer's open items as of today, with the aging buckets, in the customer's language
    (``extra_pages``: pages that go with it, see ``pdf.statement.render_statement``)."""
    from ar_desktop.pdf.statement import render_statement

    today = books.today()
    customer_id, customer = find_customer(books, code)
    rows = invoice_rows(books, invoice_ids(books, InvoiceFilter(status="open", customer_id=customer_id)))
    items = [LetterInvoiceLine(r.number, r.issue_date, r.due_date, (today - r.due_date).days, r.amount, r.paid,
                               r.open_amount) for r in rows]
    discounts = tuple(DiscountOffer(r.number, r.discount_until, r.open_amount - to_pay, to_pay)
                      for r in rows if (to_pay := r.discount_open_on(today)) is not None)
    settings = letter_settings(books)
    with books.db.session() as s:
        company = company_party(s)
    doc = build_statement(company, recipient_party(customer), customer.language, today, customer.currency, items,
                          reference=f"ST-{customer.code}-{today.isoformat()}", customer_number=customer.code,
                          discounts=discounts)
    return render_statement(doc, pdf_layout(layout or settings.layout),
                            (settings.offset_dx_mm, settings.offset_dy_mm), extra_pages)
