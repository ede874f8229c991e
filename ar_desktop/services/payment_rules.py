"""What one payment row may apply, checked for the payments importer (services.import_payments): the problems of
an allocation and of a discount row, and the text of allocations as exports write it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ar_desktop.domain.allocation import OpenInvoice
from ar_desktop.domain.money import from_minor
from ar_desktop.domain.payment_kinds import DISCOUNT, METHOD_KINDS
from ar_desktop.domain.text import Text, translate
from ar_desktop.services.importing import raw_text
from ar_desktop.storage.import_repo import InvoiceState

__all__ = ["allocation_problem", "allocations_text", "discount_problem", "int_cell", "link_discounts", "open_invoice"]


def open_invoice(inv) -> OpenInvoice:
    """An invoice as the allocation rule sees it, in minor units (the importer counts in units)."""
    return OpenInvoice(inv.id, inv.number, inv.issue_date, inv.due_date, Decimal(inv.open), Decimal(inv.discount),
                       inv.discount_until)


def allocations_text(parts: list[tuple[str, Decimal, dt.date | None]]) -> str:
    """What exports write: "R-1: 100.00; R-2: 50.00 on 2026-04-01" (a date only when it differs)."""
    return "; ".join(f"{num}: {amount}" + (f" on {on.isoformat()}" if on else "") for num, amount, on in parts)


def link_discounts(payments: list[dict], allocations: list[dict]) -> None:
    """A file's own discount rows (an export's) do not name their payment: each is linked to the
    payment of the same customer and day before it in the file that was applied to its invoice, as
    migration 0017 linked the discounts booked before the link existed."""
    invoices_of: dict[int, set[int]] = {}
    for a in allocations:
        invoices_of.setdefault(a["payment_id"], set()).add(a["invoice_id"])
    latest: dict[tuple, int] = {}
    for row in payments:
        if row["reverses_id"] is not None:
            continue
        keys = [(row["customer_id"], row["date"], i) for i in sorted(invoices_of.get(row["id"], ()))]
        if row["method"] == DISCOUNT.key:
            if row["earned_by_id"] is None:
                row["earned_by_id"] = next((latest[k] for k in keys if k in latest), None)
        elif row["method"] not in METHOD_KINDS:
            latest.update((k, row["id"]) for k in keys)


def int_cell(value) -> int:
    try:
        return int(raw_text(value)) if value not in ("", None) else 0
    except ValueError:
        return 0


def discount_problem(inv: InvoiceState, units: int, on: dt.date) -> tuple[str, Text] | None:
    """(column, why) when a discount row was not earned under the invoice's terms (domain.allocation:
    a payment on or before the last day that covers the invoice less its discount settles it, the
    rest being the discount, dated the payment's day), else None."""
    if inv.discount <= 0 or inv.discount_until is None:
        return "invoice_number", Text(translate(
            "Messages", "invoice {number} offers no early-payment discount (its terms had none when it was "
                        "entered); book the difference as a credit note, or leave it open"), number=inv.number)
    if on > inv.discount_until:
        return "date", Text(translate(
            "Messages", "the early-payment discount of invoice {number} could be taken until {until}; a discount "
                        "dated {date} was not earned"), number=inv.number, until=inv.discount_until.isoformat(),
            date=on.isoformat())
    if units > inv.discount:
        return "amount", Text(translate(
            "Messages", "a discount of {amount} is more than the {offered} invoice {number} offers"),
            amount=from_minor(units, inv.currency), offered=from_minor(inv.discount, inv.currency),
            number=inv.number)
    open_units = inv.amount - inv.paid
    if units != open_units:
        return "amount", Text(translate(
            "Messages", "a discount of {amount} does not settle invoice {number}: {open} is open on it. A discount "
                        "is what a payment in time leaves open; list that payment before its discount"),
            amount=from_minor(units, inv.currency), number=inv.number,
            open=from_minor(open_units, inv.currency))
    if inv.last_paid_on is not None and inv.last_paid_on > on:
        return "date", Text(translate(
            "Messages", "invoice {number} was paid on {paid}, after the discount's date {date}: a discount is "
                        "earned by a payment on or before {until} and dated on that payment's day"),
            number=inv.number, paid=inv.last_paid_on.isoformat(), date=on.isoformat(),
            until=inv.discount_until.isoformat())
    return None


def allocation_problem(inv: InvoiceState | None, number: str, p: dict, units: int, on: dt.date) -> Text | None:
    if inv is None:
        return Text(translate("Messages", "there is no invoice {number} in the books"), number=number)
    if inv.customer_id != p["cid"]:
        return Text(translate("Messages", "invoice {number} belongs to another customer, not {code}"),
                    number=number, code=p["code"])
    if on < p["data"].date:
        return Text(translate("Messages", "applied to invoice {number} on {date}, before the payment date"),
                    number=number, date=on.isoformat())
    if on < inv.issue_date:
        return Text(translate("Messages", "invoice {number} was issued on {issue}; nothing can be applied to it on "
                                          "{date}"), number=number, issue=inv.issue_date.isoformat(),
                    date=on.isoformat())
    if inv.voided and (inv.voided_on is None or on > inv.voided_on):
        return Text(translate("Messages", "invoice {number} was void from {date}"), number=number,
                    date=inv.voided_on.isoformat() if inv.voided_on else "?")
    if units > inv.amount - inv.paid:
        return Text(translate("Messages", "invoice {number} has only {open} open; {amount} cannot be applied"),
                    number=number, open=from_minor(inv.amount - inv.paid, inv.currency),
                    amount=from_minor(units, inv.currency))
    return None
