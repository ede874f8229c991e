"""Credit-risk actions for the worklist, as of a date: insurer deadlines, limitation clocks about
to run out, credit reviews due and small balances to write off.

Read only, like the worklist itself: nothing is recorded while they are computed. Each kind is
a few set-based queries over the whole file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ar_desktop.domain import insurance as ins
from ar_desktop.domain.money import from_minor
from ar_desktop.domain.text import Text, translate
from ar_desktop.services import credit_checks, insurance, limitation, small_balances
from ar_desktop.services.context import Books
from ar_desktop.services.credit_settings import read as read_settings

INSURER_NOTIFY = "insurer_notify"
INSURER_TRANSFER = "insurer_transfer"
LIMITATION = "limitation"
REVIEW = "review"
WRITE_OFF = "write_off"
KINDS = (INSURER_NOTIFY, INSURER_TRANSFER, LIMITATION, REVIEW, WRITE_OFF)
KIND_NAMES = {
    INSURER_NOTIFY: translate("Messages", "Notify the insurer"),
    INSURER_TRANSFER: translate("Messages", "Transfer collection to the insurer"),
    LIMITATION: translate("Messages", "Limitation runs out"),
    REVIEW: translate("Messages", "Credit review due"),
    WRITE_OFF: translate("Messages", "Write off small balance"),
}


@dataclass(frozen=True)
class CreditAction:
    kind: str
    customer_code: str
    customer_name: str
    date: dt.date                 # the deadline (or the day it fell due)
    text: Text
    late: bool                    # the date has passed
    invoice_number: str = ""
    amount: Decimal | None = None
    currency: str = ""
    jurisdiction: str = ""        # of a limitation action


def credit_actions(books: Books, as_of: dt.date) -> list[CreditAction]:
    """Everything credit risk asks of the bookkeeper on ``as_of``, soonest deadline first."""
    with books.db.session() as s:
        warn_days = read_settings(s).warn_days
        out: list[CreditAction] = []
        for r in insurance._positions(s, as_of):
            p = r.position
            if p.status in (ins.NOTIFY_NOW, ins.NOTIFICATION_LATE):
                out.append(CreditAction(
                    INSURER_NOTIFY, r.customer_code, r.customer_name, p.notify_by,
                    Text(translate("Messages", "Notify {insurer} of the overdue account (policy {policy}) by "
                                               "{date}: the invoice due on {due} is unpaid beyond the maximum "
                                               "extension period."),
                         insurer=r.insurer, policy=r.policy_number, date=p.notify_by.isoformat(),
                         due=p.oldest_unpaid_due.isoformat()),
                    p.status == ins.NOTIFICATION_LATE, amount=p.exposure, currency=r.currency))
            elif p.status in (ins.NOTIFIED, ins.TRANSFER_LATE):
                out.append(CreditAction(
                    INSURER_TRANSFER, r.customer_code, r.customer_name, p.transfer_by,
                    Text(translate("Messages", "Transfer the collection to {insurer} (policy {policy}) by {date} "
                                               "unless the customer pays."),
                         insurer=r.insurer, policy=r.policy_number, date=p.transfer_by.isoformat()),
                    p.status == ins.TRANSFER_LATE, amount=p.exposure, currency=r.currency))
        for c in limitation.clocks(s, as_of):
            if c.days_left > warn_days:
                continue
            text = Text(translate("Messages", "Invoice {number} becomes time-barred on {date}. Sue, or get a part "
                                              "payment or an acknowledgement, before then."),
                        number=c.invoice_number, date=c.expires_on.isoformat()) if c.days_left >= 0 else \
                Text(translate("Messages", "Invoice {number} has been time-barred since {date}."),
                     number=c.invoice_number, date=c.expires_on.isoformat())
            out.append(CreditAction(LIMITATION, c.customer_code, c.customer_name, c.expires_on, text, c.days_left < 0,
                                    c.invoice_number, from_minor(c.open_amount_units, c.currency), c.currency,
                                    c.jurisdiction))
        for cid, pos in credit_checks.positions(s, as_of).items():
            if pos.next_review is not None and pos.next_review <= as_of:
                out.append(CreditAction(
                    REVIEW, pos.customer_code, pos.customer_name, pos.next_review,
                    Text(translate("Messages", "The credit check of {date} asked for a review by {review}."),
                         date=pos.last_check.isoformat(), review=pos.next_review.isoformat()),
                    pos.next_review < as_of, currency=pos.currency))
        for sb in small_balances.suggestions(s, as_of):
            out.append(CreditAction(
                WRITE_OFF, sb.customer_code, sb.customer_name, as_of,
                Text(translate("Messages", "{overdue} overdue is less than one collection step costs ({cost}); the "
                                           "last letter went out on {date}. Write it off?"),
                     overdue=f"{sb.suggestion.overdue:,.2f} {sb.currency}",
                     cost=f"{sb.suggestion.cost:,.2f} {sb.currency}", date=sb.suggestion.taken_on.isoformat()),
                False, amount=sb.suggestion.overdue, currency=sb.currency))
    out.sort(key=lambda a: (a.date, KINDS.index(a.kind), a.customer_code, a.invoice_number))
    return out

