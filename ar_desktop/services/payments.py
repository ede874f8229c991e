"""Recording payments, applying customer credit, and the list of every money entry: open one to
change its split, or reverse it (a new entry, so reports of earlier days are unchanged)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from dataclasses import dataclass

from ar_desktop.domain.allocation import (Allocation, AllocationPlan, OpenInvoice, check_allocation,
                                          earned_discounts, suggest_allocation)
from ar_desktop.domain.errors import UserError
from ar_desktop.domain.money import from_minor, to_minor
from ar_desktop.domain.payment_kinds import DISCOUNT, discount_reference
from ar_desktop.domain.payments import EntryState, check_reversal, reversing_allocations, split_changes
from ar_desktop.domain.records import parse_date, parse_payment
from ar_desktop.domain.text import Text, translate
from ar_desktop.services import recoveries
from ar_desktop.services.context import Books
from ar_desktop.storage import customers_repo, invoices_repo, payments_repo
from ar_desktop.storage.paging import PagedIds
from ar_desktop.storage.payments_repo import PaymentFilter, PaymentRow, PaymentTotals, SplitLine


def open_invoices(books: Books, customer_id: int) -> list[OpenInvoice]:
    with books.db.session() as s:
        return invoices_repo.open_invoices(s, customer_id)


def suggest(books: Books, customer_id: int, amount: Decimal) -> AllocationPlan:
    return suggest_allocation(amount, open_invoices(books, customer_id))


def record_payment(books: Books, raw: dict, allocations: list[Allocation] | None = None) -> int:
    """Record a payment; allocations as edited by the user, else oldest due first. The rest is credit."""
    with books.db.session() as s:
        cid = customers_repo.id_by_code(s, str(raw.get("customer_code") or "").strip())
        if cid is None:
            raise UserError(Text(translate("Messages", "There is no customer with code '{code}'."),
                                 code=raw.get("customer_code")))
        customer = customers_repo.get(s, cid)
        data = parse_payment(raw, customer.currency)
        if data.date > books.today():
            raise UserError(Text(translate("Messages", "The payment date {date} is in the future. Enter "
                                                       "the date the money arrived."),
                                 date=data.date.isoformat()))
        invoices = [i for i in invoices_repo.open_invoices(s, cid) if i.issue_date <= data.date]
        if data.invoice_number:
            target = [i for i in invoices if i.number == data.invoice_number]
            if not target and _written_off(s, cid, data.invoice_number, customer.currency):
                target = []  # paid on a written-off invoice: all of it is a recovery
            elif not target:
                raise UserError(Text(translate("Messages", "Invoice {invoice_number} is not an open "
                                                           "invoice of {name} on {date}."),
                                     invoice_number=data.invoice_number, name=customer.name,
                                     date=data.date.isoformat()))
            plan = suggest_allocation(data.amount, target, data.date)
        elif allocations is None:
            plan = suggest_allocation(data.amount, invoices, data.date)
        else:
            plan = check_allocation(data.amount, allocations, invoices, data.date)
        # What is left after the open invoices, up to the debts written off, is a recovery.
        recovered = recoveries.split_recovery(s, customer_id=cid, date=data.date,
                                              left_over=data.amount - plan.applied, currency=customer.currency,
                                              reference=data.reference)
        if recovered and recovered == data.amount:
            payment_id = payments_repo.last_id(s, cid)
        else:
            payment_id = payments_repo.add(s, customer_id=cid, date=data.date, amount=data.amount - recovered,
                                           currency=customer.currency, method=data.method,
                                           reference=data.reference, allocations=plan.allocations)
            _book_discounts(s, payment_id, data.date, plan.discounts)
        _record_outcomes(s, books, cid)
        return payment_id


def _book_discounts(s, payment_id: int, date: dt.date, discounts) -> None:
    """Each early-payment discount the payment earned, as its own entry that settles the invoice
    (kind "discount": in the invoice's history, exports and the audit trail, never a payment),
    linked to the payment so that it stands or falls with the payment's split."""
    payment = payments_repo.get(s, payment_id)
    for d in discounts:
        number = invoices_repo.get(s, d.invoice_id).number
        payments_repo.add(s, customer_id=payment.customer_id, date=date, amount=d.amount, currency=payment.currency,
                          method=DISCOUNT.key, allocations=[d], earned_by_id=payment_id,
                          reference=discount_reference(number))


def _redo_discounts(s, payment_id: int, day: dt.date, note: str) -> None:
    """After a change of split (dated ``day``): the discounts the payment earned follow its new split.
    An invoice it now pays in time less its discount gets the discount; one it no longer pays so has
    its discount reversed; each invoice is judged as the payment found it (open now, plus what the
    payment and its discount hold of it), on the payment's date."""
    payment = payments_repo.get(s, payment_id)
    applied = payments_repo.entry_state(s, payment_id).applied
    held: dict[int, list[tuple[int, int]]] = {}
    for entry_id, invoice_id, units in payments_repo.discounts_earned_by(s, payment_id):
        held.setdefault(invoice_id, []).append((entry_id, units))
    found = []
    for invoice_id in sorted(set(applied) | set(held)):
        inv = invoices_repo.get(s, invoice_id)
        discount_units = sum(u for _e, u in held.get(invoice_id, []))
        open_units = inv.amount - inv.paid + to_minor(applied.get(invoice_id, 0), inv.currency) + discount_units
        found.append(OpenInvoice(inv.id, inv.number, inv.issue_date, inv.due_date, from_minor(open_units, inv.currency),
                                 from_minor(inv.discount or 0, inv.currency), inv.discount_until))
    mine = tuple(Allocation(i, a) for i, a in applied.items() if a > 0)
    earned = {d.invoice_id: d for d in earned_discounts(mine, found, payment.date)}
    for invoice_id in sorted(set(held) | set(earned)):
        old = held.get(invoice_id, [])
        if sum(u for _e, u in old) == (to_minor(earned[invoice_id].amount, payment.currency)
                                       if invoice_id in earned else 0):
            continue   # the split change left this discount as it was
        for entry_id, _units in old:
            _reverse_entry(s, entry_id, day, note)
        if invoice_id in earned:
            _book_discounts(s, payment_id, day, [earned[invoice_id]])


def _written_off(s, customer_id: int, number: str, currency: str) -> bool:
    iid = invoices_repo.id_by_number(s, number)
    return iid is not None and recoveries.written_off_on(s, customer_id, iid, currency) > 0


def customer_credit(books: Books, customer_id: int) -> Decimal:
    with books.db.session() as s:
        return from_minor(customers_repo.unapplied_credit(s, customer_id), customers_repo.get(s, customer_id).currency)


def apply_credit(books: Books, customer_id: int, on: dt.date | None = None) -> Decimal:
    """Apply unapplied payments (oldest first) to open invoices (oldest due first); returns what was applied."""
    on = on or books.today()
    with books.db.session() as s:
        currency = customers_repo.get(s, customer_id).currency
        invoices = [i for i in invoices_repo.open_invoices(s, customer_id) if i.issue_date <= on]
        applied = Decimal(0)
        for payment, rest_units in payments_repo.unapplied_payments(s, customer_id):
            if not invoices:
                break
            plan = suggest_allocation(from_minor(rest_units, currency), invoices)
            payments_repo.allocate(s, payment, max(on, payment.date), plan.allocations)
            applied += plan.applied
            invoices = [i for i in invoices_repo.open_invoices(s, customer_id) if i.issue_date <= on]
        if applied == 0:
            raise UserError(Text(translate("Messages", "There is no credit to apply, or no open invoice to "
                                                       "apply it to.")))
        _record_outcomes(s, books, customer_id)
        return applied


def _record_outcomes(s, books: Books, customer_id: int) -> None:
    """A payment (or a change of split, a reversal, an import) may keep a promise or a plan, or leave
    it to be judged: record what it became with the entry, in its transaction (worklist.record_outcomes)."""
    from ar_desktop.services.worklist import record_outcomes_in

    s.flush()
    record_outcomes_in(s, books.today(), [customer_id])


def payment_rows(books: Books, customer_id: int | None = None) -> list[PaymentRow]:
    with books.db.session() as s:
        return payments_repo.list_for_customer(s, customer_id)


# -- the list of every entry ------------------------------------------------------------------------

def payment_ids(books: Books, f: PaymentFilter, *, sort: str = "date", descending: bool = True) -> list[int]:
    with books.db.session() as s:
        return list(payments_repo.list_ids(s, f, sort=sort, descending=descending))


def payment_list(books: Books, f: PaymentFilter, *, sort: str = "date", descending: bool = True) -> Sequence[int]:
    """The ids the filter keeps, in order, for the window: read a page at a time where an index gives the
    order, else all at once into an ``array('q')`` (storage.payment_list)."""
    query = payments_repo.list_query(f, sort=sort, descending=descending)
    if query.paged:
        return PagedIds(books.db.session, query)
    with books.db.session() as s:
        return query.all_ids(s)


def payment_totals(books: Books, f: PaymentFilter) -> list[PaymentTotals]:
    with books.db.session() as s:
        return payments_repo.totals(s, f)


def payment_rows_of(books: Books, ids: Sequence[int]) -> list[PaymentRow]:
    with books.db.session() as s:
        return payments_repo.rows(s, ids)


def payments_between(books: Books, customer_code: str | None = None, date_from: dt.date | str | None = None,
                     date_to: dt.date | str | None = None) -> list[PaymentRow]:
    """Every entry of the period (of one customer, or all), oldest first: the command line's list."""
    start = parse_date(date_from, "start date") if date_from else None
    end = parse_date(date_to, "end date") if date_to else None
    if start and end and end < start:
        raise UserError(Text(translate("Messages", "The period ends ({end}) before it starts ({start}). Swap the "
                                                   "dates."), start=start.isoformat(), end=end.isoformat()))
    with books.db.session() as s:
        cid = None
        if customer_code:
            cid = customers_repo.id_by_code(s, customer_code.strip())
            if cid is None:
                raise UserError(Text(translate("Messages", "There is no customer with code {code}. Check the "
                                                           "code in the Customers list."), code=customer_code))
        f = PaymentFilter(customer_id=cid, date_from=start, date_to=end)
        return payments_repo.rows(s, payments_repo.list_ids(s, f, sort="date", descending=False))


# -- one entry: its split, a change of split, a reversal ---------------------------------------------

@dataclass(frozen=True)
class PaymentDetail:
    row: PaymentRow
    lines: list[SplitLine]          # invoices it applies to, and the customer's other open invoices
    reverses: PaymentRow | None     # the entry a reversal reverses
    reversal: PaymentRow | None     # the reversal of this entry, when it was reversed


def payment_detail(books: Books, payment_id: int) -> PaymentDetail:
    with books.db.session() as s:
        p = payments_repo.get(s, payment_id)
        (row,) = payments_repo.rows(s, [p.id])
        lines = payments_repo.split_lines(s, p)
        reverses = payments_repo.rows(s, [p.reverses_id])[0] if p.reverses_id else None
        reversal = payments_repo.rows(s, [row.reversed_by])[0] if row.reversed_by else None
        return PaymentDetail(row, lines, reverses, reversal)


def change_split(books: Books, payment_id: int, allocations: list[Allocation], on: dt.date | str | None = None) -> int:
    """Apply the payment as ``allocations`` from ``on`` (default today) on: what changes is added as
    allocations dated that day, so reports of earlier days keep the old split. Returns how many
    invoices changed."""
    day = books.today() if on is None else parse_date(on, "date of the change")
    with books.db.session() as s:
        entry = payments_repo.entry_state(s, payment_id)
        payment = payments_repo.get(s, payment_id)
        changes = split_changes(entry, allocations, invoices_repo.open_invoices(s, payment.customer_id), day,
                                books.today())
        voided = payments_repo.voided_targets(s, payment_id)
        touched = [voided[c.invoice_id] for c in changes if c.invoice_id in voided]
        if touched:
            raise UserError(Text(translate("Messages", "Invoice {number} was voided; what this payment paid on it "
                                                       "became the customer's credit. Leave its amount as it is."),
                                 number=", ".join(touched)))
        payments_repo.allocate(s, payment, day, changes)
        s.flush()
        _redo_discounts(s, payment_id, day, f"The split of payment {payment_id} changed on {day.isoformat()}.")
        _record_outcomes(s, books, payment.customer_id)
        return len(changes)


def reverse_payment(books: Books, payment_id: int, on: dt.date | str, reason: str) -> int:
    """Reverse an entry on ``on``: a new entry of the opposite amount takes back what it applied to
    each invoice from that day. The entry itself and every report of an earlier day stay as they
    were. Returns the id of the reversing entry."""
    day = parse_date(on, "reversal date")
    with books.db.session() as s:
        entry = payments_repo.entry_state(s, payment_id)
        why = check_reversal(entry, day, reason, books.today())
        voided = payments_repo.voided_targets(s, payment_id)
        if voided:
            raise UserError(Text(translate("Messages", "Payment {id} paid invoice {number}, which was voided "
                                                       "since; what it paid became the customer's credit. Use "
                                                       "that credit, or write to the customer, instead of "
                                                       "reversing."), id=payment_id,
                                 number=", ".join(voided.values())))
        original = payments_repo.get(s, payment_id)
        # the discounts the payment earned and the recovery split from it fall with it
        with_it = [payments_repo.entry_state(s, i) for i in payments_repo.booked_with(s, original)]
        rid = 0
        for e in (entry, *with_it):
            new = _reverse_entry(s, e.id, day, why, e)
            rid = rid or new
        _record_outcomes(s, books, original.customer_id)
        return rid


def _reverse_entry(s, entry_id: int, day: dt.date, why: str, entry: EntryState | None = None) -> int:
    """A new entry of the opposite amount that takes back what ``entry_id`` applied, dated ``day``."""
    e = entry or payments_repo.entry_state(s, entry_id)
    p = payments_repo.get(s, entry_id)
    return payments_repo.add(s, customer_id=p.customer_id, date=day, amount=-e.amount, currency=p.currency,
                             method=p.method, reference=p.reference, allocations=reversing_allocations(e),
                             reverses_id=p.id, note=why)
