"""Credit insurance: the policy's terms, a customer's insured limit and the insurer's deadlines.

Stdlib only. For an insured customer as of D, with d the due date of its oldest unpaid invoice:
``notify_by`` = d + M + N and ``transfer_by`` = d + M + T (M: maximum extension period, N:
notification period, T: transfer-of-collection period, all in days after the policy's terms).
The status is decided by :func:`insurance_status` (docs/credit-risk.md).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.money import round_money
from ar_desktop.domain.text import Text, translate

OK = "ok"
NOTIFY_NOW = "notify_now"
NOTIFICATION_LATE = "notification_late"
NOTIFIED = "notified"
TRANSFER_LATE = "transfer_late"
TRANSFERRED = "transferred"
NOT_INSURED = "not_insured"
STATUSES = (OK, NOTIFY_NOW, NOTIFICATION_LATE, NOTIFIED, TRANSFER_LATE, TRANSFERRED, NOT_INSURED)

NOTIFIED_EVENT = "notified"
TRANSFERRED_EVENT = "transferred"
CLAIM_FILED = "claim_filed"
INDEMNIFIED = "indemnified"
EVENT_KINDS = (NOTIFIED_EVENT, TRANSFERRED_EVENT, CLAIM_FILED, INDEMNIFIED)
EVENTS_WITH_AMOUNT = (CLAIM_FILED, INDEMNIFIED)

STATUS_NAMES = {
    OK: translate("Messages", "covered"),
    NOTIFY_NOW: translate("Messages", "notify the insurer now"),
    NOTIFICATION_LATE: translate("Messages", "notification late"),
    NOTIFIED: translate("Messages", "notified"),
    TRANSFER_LATE: translate("Messages", "transfer of collection late"),
    TRANSFERRED: translate("Messages", "collection transferred"),
    NOT_INSURED: translate("Messages", "not insured"),
}
EVENT_NAMES = {
    NOTIFIED_EVENT: translate("Messages", "overdue account notified to the insurer"),
    TRANSFERRED_EVENT: translate("Messages", "collection transferred to the insurer"),
    CLAIM_FILED: translate("Messages", "claim filed with the insurer"),
    INDEMNIFIED: translate("Messages", "indemnity received"),
}

MAX_PERIOD_DAYS = 730
MAX_TEXT = 100


@dataclass(frozen=True)
class Policy:
    insurer: str
    number: str
    indemnity_percent: Decimal
    max_extension_days: int          # M
    notify_within_days: int          # N
    transfer_within_days: int        # T
    max_credit_days: int | None = None
    discretionary_limit: Decimal | None = None

    def __post_init__(self) -> None:
        if not self.insurer.strip():
            raise UserError(Text(translate("Messages", "The insurer's name is empty. Type it as on the policy.")))
        if not self.number.strip():
            raise UserError(Text(translate("Messages", "The policy number is empty. Copy it from the policy.")))
        for value in (self.insurer, self.number):
            if len(value) > MAX_TEXT:
                raise UserError(Text(translate("Messages", "'{value}' is longer than {most} characters. Shorten "
                                                           "it."), value=value[:40] + "…", most=MAX_TEXT))
        p = self.indemnity_percent
        if not isinstance(p, Decimal) or not p.is_finite() or not 0 < p <= 100:
            raise UserError(Text(translate("Messages", "The indemnity percentage {value} must be more than 0 and at "
                                                       "most 100, e.g. 90."), value=p))
        for value, what in ((self.max_extension_days, translate("Messages", "maximum extension period")),
                            (self.notify_within_days, translate("Messages", "notification period")),
                            (self.transfer_within_days, translate("Messages", "transfer-of-collection period")),
                            (self.max_credit_days, translate("Messages", "maximum credit period"))):
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_PERIOD_DAYS:
                raise UserError(Text(translate("Messages", "The {what} '{value}' must be a whole number of days "
                                                           "from 0 to {most}."), what=Text(what), value=value,
                                     most=MAX_PERIOD_DAYS))
        if self.transfer_within_days < self.notify_within_days:
            raise UserError(Text(translate("Messages", "The transfer of collection ({transfer} days) cannot be due "
                                                       "before the notification ({notify} days). Check the periods "
                                                       "on the policy."),
                                 transfer=self.transfer_within_days, notify=self.notify_within_days))
        if self.discretionary_limit is not None and self.discretionary_limit < 0:
            raise UserError(Text(translate("Messages", "The discretionary limit cannot be negative.")))


@dataclass(frozen=True)
class InsuredLimit:
    """One decision on a customer's insured limit (the history keeps every one)."""

    limit: Decimal                   # 0: cover withdrawn
    valid_from: dt.date              # the decision date
    valid_until: dt.date | None = None
    reference: str = ""
    order: int = 0                   # tie-break between decisions of one day (entry order)

    def valid_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)


def check_limit(limit: InsuredLimit, policy: Policy) -> None:
    if limit.limit < 0:
        raise UserError(Text(translate("Messages", "The insured limit cannot be negative. Enter 0 when the insurer "
                                                   "withdrew the cover.")))
    if limit.valid_until is not None and limit.valid_until < limit.valid_from:
        raise UserError(Text(translate("Messages", "The limit would end on {until}, before it starts ({start}). "
                                                   "Enter a later end date."),
                             until=limit.valid_until.isoformat(), start=limit.valid_from.isoformat()))
    if len(limit.reference) > MAX_TEXT:
        raise UserError(Text(translate("Messages", "The insurer's reference is longer than {most} characters."),
                             most=MAX_TEXT))
    d = policy.discretionary_limit
    if not limit.reference.strip() and limit.limit > 0 and (d is None or limit.limit > d):
        if d is None:
            raise UserError(Text(translate("Messages", "Policy {number} allows no limit you set yourself: enter the "
                                                       "insurer's reference of its credit-limit decision."),
                                 number=policy.number))
        raise UserError(Text(translate("Messages", "A limit above the discretionary limit of {most} needs the "
                                                   "insurer's decision: enter its reference."), most=d))


def limit_on(limits: Iterable[InsuredLimit], day: dt.date) -> InsuredLimit | None:
    """The decision in force on ``day``: the latest decided on or before it that is still valid; a
    later decision replaces an earlier one (a limit of 0 withdraws the cover)."""
    decided = [x for x in limits if x.valid_from <= day]
    if not decided:
        return None
    latest = max(decided, key=lambda x: (x.valid_from, x.order))
    return latest if latest.valid_on(day) and latest.limit > 0 else None


@dataclass(frozen=True)
class InsurerEvent:
    kind: str
    date: dt.date
    amount: Decimal | None = None


@dataclass(frozen=True)
class InsurancePosition:
    """One customer's insurance as of a date; dates None and amounts None where nothing applies."""

    status: str
    insured_limit: Decimal | None
    exposure: Decimal
    insured_exposure: Decimal | None
    uninsured_exposure: Decimal | None
    expected_indemnity: Decimal | None
    oldest_unpaid_due: dt.date | None
    notify_by: dt.date | None
    transfer_by: dt.date | None
    covered_until: dt.date | None    # d + M: past it, deliveries are no longer covered
    notified_on: dt.date | None = None
    transferred_on: dt.date | None = None

    @property
    def next_deadline(self) -> dt.date | None:
        """The insurer deadline to act on: the notification, then the transfer of collection."""
        if self.status in (NOTIFY_NOW, NOTIFICATION_LATE):
            return self.notify_by
        if self.status in (NOTIFIED, TRANSFER_LATE):
            return self.transfer_by
        return None


def _days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


def insurance_position(policy: Policy | None, limit: InsuredLimit | None, exposure: Decimal,
                       oldest_unpaid_due: dt.date | None, events: Iterable[InsurerEvent], as_of: dt.date,
                       currency: str = "EUR") -> InsurancePosition:
    """The status and figures of one customer as of ``as_of``.

    ``limit`` is the decision in force on the date (see limit_on); ``events`` the customer's
    recorded insurer events. Only events on or after the oldest unpaid due date and on or before
    ``as_of`` belong to the present case: an older notification was about debts since paid.
    """
    if policy is None or limit is None:
        return InsurancePosition(NOT_INSURED, None, exposure, None, None, None, oldest_unpaid_due, None, None, None)
    insured = min(exposure, limit.limit)
    uninsured = exposure - insured
    indemnity = round_money(insured * policy.indemnity_percent / 100, currency)
    d = oldest_unpaid_due
    if d is None:
        return InsurancePosition(OK, limit.limit, exposure, insured, uninsured, indemnity, None, None, None, None)
    covered_until = d + _days(policy.max_extension_days)
    notify_by = covered_until + _days(policy.notify_within_days)
    transfer_by = covered_until + _days(policy.transfer_within_days)
    case = [e for e in events if d <= e.date <= as_of]
    notified = min((e.date for e in case if e.kind == NOTIFIED_EVENT), default=None)
    transferred = min((e.date for e in case if e.kind == TRANSFERRED_EVENT), default=None)
    if transferred is not None:
        status = TRANSFERRED
    elif notified is not None:
        status = TRANSFER_LATE if as_of > transfer_by else NOTIFIED
    elif as_of <= covered_until:
        status = OK
    else:
        status = NOTIFY_NOW if as_of <= notify_by else NOTIFICATION_LATE
    return InsurancePosition(status, limit.limit, exposure, insured, uninsured, indemnity, d, notify_by,
                             transfer_by, covered_until, notified, transferred)


def new_invoice_warnings(position: InsurancePosition, as_of: dt.date, amount: Decimal, terms_days: int | None,
                         policy: Policy | None, currency: str) -> list[Text]:
    """What to warn about before a new invoice to an insured customer is saved."""
    from ar_desktop.domain.money import format_amount

    if position.status == NOT_INSURED or position.insured_limit is None:
        return []
    out: list[Text] = []
    if position.covered_until is not None and as_of > position.covered_until:
        out.append(Text(translate("Messages", "An invoice of this customer due on {due} is unpaid beyond the "
                                              "policy's maximum extension period (since {since}): new deliveries "
                                              "are no longer covered by the credit insurance."),
                        due=position.oldest_unpaid_due.isoformat(),
                        since=(position.covered_until + _days(1)).isoformat()))
    after = position.exposure + amount
    if after > position.insured_limit:
        uninsured = after - position.insured_limit
        out.append(Text(translate("Messages", "This invoice takes the exposure to {after}, above the insured limit "
                                              "of {limit}: {uninsured} would not be insured."),
                        after=format_amount(after, currency), limit=format_amount(position.insured_limit, currency),
                        uninsured=format_amount(min(uninsured, amount), currency)))
    if policy is not None and policy.max_credit_days is not None and terms_days is not None \
            and terms_days > policy.max_credit_days:
        out.append(Text(translate("Messages", "The invoice gives {days} days to pay, more than the {most} days the "
                                              "policy covers: it is not insured."),
                        days=terms_days, most=policy.max_credit_days))
    return out
