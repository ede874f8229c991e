"""What a printed collection file shows a lawyer or an agency: the account and every step taken."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ar_desktop.domain.money import DEFAULT_FORMAT, NumberFormat
from ar_desktop.domain.text import Amount, Text, translate, verbatim

# The entry kinds of a customer's timeline (collection events, ledger, letters) by their names: the window's
# collection file and the printed one say the same words.
KIND_NAMES = {
    "invoice": translate("History", "invoice"),
    "payment": translate("History", "payment"),
    "discount": translate("History", "discount"),
    "write-off": translate("History", "write-off"),
    "credit note": translate("History", "credit note"),
    "void reversal": translate("History", "credit from a void"),
    "recovery": translate("History", "recovery"),
    "reversal": translate("History", "reversal"),
    "step_done": translate("History", "step done"),
    "step_skipped": translate("History", "step skipped"),
    "call": translate("History", "call"),
    "promise": translate("History", "promise"),
    "promise_broken": translate("History", "promise broken"),
    "promise_kept": translate("History", "promise kept"),
    "dispute": translate("History", "dispute"),
    "dispute_resolved": translate("History", "dispute resolved"),
    "hold": translate("History", "hold"),
    "hold_released": translate("History", "hold released"),
    "note": translate("History", "note"),
    "credit_override": translate("History", "credit override"),
    "credit_review": translate("History", "credit review"),
    "letter": translate("History", "letter"),
    "mail_posted": translate("History", "mail posted"),
    "mail_delivered": translate("History", "mail delivered"),
    "mail_returned": translate("History", "mail returned"),
    "mail_receipt": translate("History", "mail receipt"),
    "mail_correction": translate("History", "mail correction"),
    "plan": translate("History", "payment plan"),
    "plan_broken": translate("History", "plan broken"),
    "plan_kept": translate("History", "plan kept"),
    "plan_cancelled": translate("History", "plan cancelled"),
    "insured_limit": translate("History", "insured limit"),
    "insurer_notified": translate("History", "insurer notified"),
    "insurer_transferred": translate("History", "transferred to insurer"),
    "insurer_claim_filed": translate("History", "insurance claim"),
    "insurer_indemnified": translate("History", "indemnity"),
    "acknowledgement": translate("History", "acknowledgement"),
    "credit_check": translate("History", "credit check"),
    "confirmation_sent": translate("History", "confirmation sent"),
    "confirmation_returned": translate("History", "confirmation returned"),
}

# An account's state and a promise's, by their names (the worklist's words).
STATE_NAMES = {
    "action_due": translate("Worklist", "Action due"),
    "waiting": translate("Worklist", "Waiting"),
    "promised": translate("Worklist", "Promised"),
    "disputed": translate("Worklist", "Disputed"),
    "on_hold": translate("Worklist", "On hold"),
}
PROMISE_STATUS_NAMES = {"open": translate("Worklist", "open"), "kept": translate("Worklist", "kept"),
                        "broken": translate("Worklist", "broken")}


def _named(names: dict[str, str], key: str) -> Text:
    """A key by its name; a key the program does not know (a newer file's) as words, never with underscores."""
    return Text(names[key]) if key in names else verbatim(key.replace("_", " "))


def kind_text(kind: str) -> Text:
    return _named(KIND_NAMES, kind)


def state_text(state: str) -> Text:
    return _named(STATE_NAMES, state)


def promise_status_text(status: str) -> Text:
    return _named(PROMISE_STATUS_NAMES, status)


@dataclass(frozen=True)
class FileEntry:
    date: dt.date
    kind: str
    text: str | Text
    invoice_number: str = ""
    amount: Decimal | None = None


@dataclass(frozen=True)
class FileOpenItem:
    number: str
    issue_date: dt.date
    due_date: dt.date
    days_overdue: int
    amount: Decimal
    open_amount: Decimal
    disputed: bool


@dataclass(frozen=True)
class CollectionFileDocument:
    company_name: str
    company_address: str
    customer_code: str
    customer_name: str
    customer_address: str
    customer_contact: str
    currency: str
    as_of: dt.date
    summary: tuple[tuple[Text, Text], ...]  # (label, value) lines: state, next step, promise...
    open_items: tuple[FileOpenItem, ...]
    entries: tuple[FileEntry, ...]  # oldest first
    number_format: NumberFormat = DEFAULT_FORMAT  # how the company writes amounts ("12.000,50" in Germany)

    @property
    def total_open(self) -> Decimal:
        return sum((i.open_amount for i in self.open_items), Decimal(0))

    @property
    def total_overdue(self) -> Decimal:
        return sum((i.open_amount for i in self.open_items if i.days_overdue > 0), Decimal(0))


# The printed file's own words, in the reader's language (the renderer is given the translator).
WORDS = {
    "title": translate("CollectionFile", "Collection file: {name}"),
    "header": translate("CollectionFile", "Collection file {code} — {name} — as of {date}"),
    "prepared": translate("CollectionFile", "Prepared by {company}, {address}"),
    "prepared_by": translate("CollectionFile", "Prepared by {company}"),   # a company without an address
    "page": translate("CollectionFile", "Page {page} of {pages}"),
    "customer": translate("CollectionFile", "Customer"),
    "contact": translate("CollectionFile", "Contact"),
    "open_balance": translate("CollectionFile", "Open balance"),
    "overdue": translate("CollectionFile", "Overdue"),
    "state": translate("CollectionFile", "State"),
    "last_step": translate("CollectionFile", "Last step"),
    "next_step": translate("CollectionFile", "Next step"),
    "promise": translate("CollectionFile", "Promise"),
    "open_invoices": translate("CollectionFile", "Open invoices"),
    "invoice": translate("CollectionFile", "Invoice"),
    "issued": translate("CollectionFile", "Issued"),
    "due": translate("CollectionFile", "Due"),
    "days_overdue": translate("CollectionFile", "Days overdue"),
    "amount": translate("CollectionFile", "Amount"),
    "open": translate("CollectionFile", "Open"),
    "disputed": translate("CollectionFile", "Disputed"),
    "yes": translate("CollectionFile", "yes"),
    "total": translate("CollectionFile", "Total"),
    "timeline": translate("CollectionFile", "Timeline (every step, call, letter, promise, dispute and payment)"),
    "date": translate("CollectionFile", "Date"),
    "what": translate("CollectionFile", "What"),
    "details": translate("CollectionFile", "Details"),
}


def step_on(step: Text, day: dt.date) -> Text:
    return Text(translate("CollectionFile", "{step} on {date}"), step=step, date=day.isoformat())


def next_step_line(step: Text, day: dt.date | None, as_of: dt.date) -> Text:
    """The next step and since when it is due; a step due later says when, never "due since" a future day."""
    if day is None:
        return step
    if day <= as_of:
        return Text(translate("CollectionFile", "{step} (due since {date})"), step=step, date=day.isoformat())
    return Text(translate("CollectionFile", "{step} (due on {date})"), step=step, date=day.isoformat())


def promise_line(amount: Decimal, by: dt.date, status: str) -> Text:
    return Text(translate("CollectionFile", "{amount} by {date} ({status})"), amount=Amount(amount),
                date=by.isoformat(), status=promise_status_text(status))
