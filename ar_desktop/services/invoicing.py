"""Use cases on invoices."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from ar_desktop.domain.errors import UserError, ValidationError
from ar_desktop.domain.money import check_storable, from_minor, to_minor
from ar_desktop.domain.numbering import first_number, increment_number
from ar_desktop.domain.payment_kinds import VOID_REVERSAL, void_credit_reference
from ar_desktop.domain.records import InvoiceData, invoice_currency, parse_date, parse_invoice
from ar_desktop.domain.terms import due_date_for
from ar_desktop.domain.text import Text, translate
from ar_desktop.services.context import Books
from ar_desktop.storage import company_repo, customers_repo, invoices_repo, payments_repo
from ar_desktop.storage.invoices_repo import InvoiceFilter, InvoiceRow, InvoiceTotals
from ar_desktop.storage.paging import PagedIds


def _customer_id(s, code: str) -> int:
    cid = customers_repo.id_by_code(s, code)
    if cid is None:
        raise UserError(Text(translate("Messages", "There is no customer with code '{code}'. Add the customer "
                                                   "first or check the code."), code=code))
    return cid


def default_due_date(books: Books, customer_id: int, issue_date: dt.date) -> dt.date:
    with books.db.session() as s:
        return due_date_for(issue_date, customers_repo.get(s, customer_id).terms_days)


def next_invoice_number(books: Books) -> str:
    """A free number to suggest for a new invoice: the last one entered, plus one."""
    with books.db.session() as s:
        return _next_free(s, books.today().year)


def _next_free(s, year: int) -> str:
    last = invoices_repo.last_number(s)
    candidate = increment_number(last) if last else first_number(year)
    for _ in range(1000):  # numbers entered out of order: step over those already used
        if candidate is None or invoices_repo.id_by_number(s, candidate) is None:
            break
        candidate = increment_number(candidate)
    return candidate or ""


def _check_number_free(s, number: str, invoice_id: int | None, year: int) -> None:
    """A number already used is a problem of the number field (shown beside it)."""
    other = invoices_repo.id_by_number(s, number)
    if other is not None and other != invoice_id:
        raise ValidationError({"number": Text(translate(
            "Messages", "Invoice number {number} is already used. Each invoice needs its own number; the next "
            "free one is {next}."), number=number, next=_next_free(s, year))})


def _parsed(s, raw: Mapping[str, Any], fallback: str | None) -> InvoiceData:
    """The invoice's fields, its amount read in its currency: the one it names, else its customer's (else
    ``fallback``): a BHD customer's 1.234 is three decimals of BHD, not too many for EUR."""
    cid = customers_repo.id_by_code(s, str(raw.get("customer_code") or "").strip())
    currency = customers_repo.get(s, cid).currency if cid is not None else fallback
    return parse_invoice(raw, currency=currency) if currency else parse_invoice(raw)


def add_invoice(books: Books, raw: Mapping[str, Any]) -> int:
    with books.db.session() as s:
        data = _parsed(s, raw, None)
        _check_number_free(s, data.number, None, books.today().year)
        cid = _customer_id(s, data.customer_code)
        customer = customers_repo.get(s, cid)
        due = data.due_date or due_date_for(data.issue_date, customer.terms_days)
        currency = invoice_currency(data.currency, customer.code, customer.currency)
        check_storable(data.amount, currency, raw.get("amount"))
        discount, until = customer.payment_terms.offer(data.amount, data.issue_date, currency)
        return invoices_repo.add(s, customer_id=cid, number=data.number, issue_date=data.issue_date, due_date=due,
                                 amount=data.amount, currency=currency, reference=data.reference,
                                 description=data.description, disputed=data.disputed,
                                 dispute_reason=data.dispute_reason, discount=discount, discount_until=until,
                                 retention_of_title=customer.retention_of_title if data.retention_of_title is None
                                 else data.retention_of_title)


def update_invoice(books: Books, invoice_id: int, raw: Mapping[str, Any]) -> None:
    with books.db.session() as s:
        inv = invoices_repo.get(s, invoice_id)
        data = _parsed(s, raw, inv.currency)
        if inv.voided:
            raise UserError(Text(translate("Messages", "Invoice {number} is void and can no longer be changed."),
                                 number=inv.number))
        cid = _customer_id(s, data.customer_code)
        _check_number_free(s, data.number, invoice_id, books.today().year)
        currency = invoice_currency(data.currency or inv.currency, data.customer_code,
                                    customers_repo.get(s, cid).currency)
        # a payment reversed since still paid it on the days before: those days' reports keep it
        peak, ever_paid = payments_repo.peak_paid(s, inv.id)
        if ever_paid and (cid != inv.customer_id or currency != inv.currency):
            raise UserError(Text(translate("Messages", "Invoice {number} has payments; its customer and currency "
                                                       "cannot change. Void it and enter a new invoice instead."),
                                 number=inv.number))
        check_storable(data.amount, currency, raw.get("amount"))
        amount = to_minor(data.amount, currency)
        if amount < max(inv.paid, peak):
            raise UserError(Text(translate("Messages", "Invoice {number} has {paid} paid already; the amount "
                                                       "cannot be lower than that."),
                                 number=inv.number, paid=from_minor(max(inv.paid, peak), currency)))
        if not inv.paid and (amount != inv.amount or data.issue_date != inv.issue_date or cid != inv.customer_id):
            # nothing paid yet: the discount follows the changed invoice and the customer's terms
            customer = customers_repo.get(s, cid)
            discount, inv.discount_until = customer.payment_terms.offer(data.amount, data.issue_date,
                                                                                    currency)
            inv.discount = to_minor(discount, currency)
        inv.number, inv.customer_id, inv.currency, inv.amount = data.number, cid, currency, amount
        inv.issue_date = data.issue_date
        inv.due_date = data.due_date or due_date_for(data.issue_date, customers_repo.get(s, cid).terms_days)
        inv.reference, inv.description = data.reference, data.description
        keep = inv.disputed_amount if data.disputed and inv.disputed and inv.disputed_amount > 0 else None
        invoices_repo.set_disputed(inv, data.disputed, data.dispute_reason, keep)
        if data.retention_of_title is not None:
            inv.retention_of_title = data.retention_of_title


def void_invoice(books: Books, invoice_id: int, reason: str, on: dt.date | None = None) -> Decimal:
    """Void an invoice (it stays on record). What was already paid on it becomes customer credit,
    as a new entry dated the void date, so reports for earlier dates still show the payments where
    they were. Returns the amount that became credit."""
    if not reason.strip():
        raise UserError(Text(translate("Messages", "Say why the invoice is voided; the reason stays on record.")))
    on = on or books.today()
    with books.db.session() as s:
        inv = invoices_repo.get(s, invoice_id)
        if inv.voided:
            raise UserError(Text(translate("Messages", "Invoice {number} is already void."),
                                 number=inv.number))
        if on < inv.issue_date:
            raise UserError(Text(translate("Messages", "Invoice {number} was issued on {issue_date}; it cannot be "
                                                       "voided before that."),
                                 number=inv.number, issue_date=inv.issue_date.isoformat()))
        if on < invoices_repo.last_allocation_date(s, invoice_id, on):
            raise UserError(Text(translate("Messages", "Invoice {number} received a payment after {on}; void it on "
                                                       "or after the date of its last payment."),
                                 number=inv.number, on=on.isoformat()))
        credit = from_minor(inv.paid, inv.currency)
        inv.voided, inv.void_reason, inv.voided_on = True, reason.strip(), on
        if credit:
            payments_repo.add(s, customer_id=inv.customer_id, date=on, amount=credit, currency=inv.currency,
                              method=VOID_REVERSAL.key, reference=void_credit_reference(inv.number),
                              allocations=())
        return credit


def delete_invoice(books: Books, invoice_id: int) -> None:
    with books.db.session() as s:
        inv = invoices_repo.get(s, invoice_id)
        if invoices_repo.has_allocations(s, invoice_id) or inv.voided:
            raise UserError(Text(translate("Messages", "Invoice {number} has payments or is void, so it stays on "
                                                       "record. Void it instead."), number=inv.number))
        s.delete(inv)


def set_dispute(books: Books, invoice_id: int, disputed: bool, reason: str = "") -> None:
    if disputed and not reason.strip():
        raise UserError(Text(translate("Messages", "Give the reason of the dispute (what the customer contests).")))
    with books.db.session() as s:
        inv = invoices_repo.get(s, invoice_id)
        was = inv.disputed
        invoices_repo.set_disputed(inv, disputed, reason.strip())
        if was != inv.disputed:  # the history (and the rule as of a date) sees the change too
            from ar_desktop.storage import collection_records

            collection_records.add_event(s, customer_id=inv.customer_id, kind="dispute" if disputed else
                                         "dispute_resolved", date=books.today(), note=reason.strip(),
                                         amount=inv.disputed_amount if disputed else None, invoice_id=inv.id)


def invoice_ids(books: Books, f: InvoiceFilter, *, sort: str = "due_date", descending: bool = False) -> PagedIds:
    """The ids the filter keeps, in order, read from the file a page at a time (never all at once)."""
    return PagedIds(books.db.session, invoices_repo.invoice_list(f, books.today(), sort=sort, descending=descending))


def invoice_rows(books: Books, ids: Sequence[int]) -> list[InvoiceRow]:
    with books.db.session() as s:
        return invoices_repo.rows(s, ids)


def invoice_totals(books: Books, f: InvoiceFilter) -> InvoiceTotals:
    with books.db.session() as s:
        return invoices_repo.totals(s, f, books.today(), company_repo.get(s).currency)


def parse_filter_dates(date_from: str, date_to: str) -> tuple[dt.date | None, dt.date | None]:
    a = parse_date(date_from, "start date") if date_from.strip() else None
    b = parse_date(date_to, "end date") if date_to.strip() else None
    if a and b and b < a:
        raise UserError(Text(translate("Messages", "The end date is before the start date. Swap them.")))
    return a, b
