"""Payment terms: due dates and early-payment discounts ("2/10 net 30")."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.money import ZERO, round_money
from ar_desktop.domain.text import Text, translate

MAX_TERMS_DAYS = 365


@dataclass(frozen=True)
class PaymentTerms:
    net_days: int
    discount_percent: Decimal = Decimal("0")
    discount_days: int = 0

    def due_date(self, issue_date: dt.date) -> dt.date:
        return issue_date + dt.timedelta(days=self.net_days)

    def discount_deadline(self, issue_date: dt.date) -> dt.date | None:
        return issue_date + dt.timedelta(days=self.discount_days) if self.discount_percent else None

    def discount(self, gross: Decimal, issue_date: dt.date, paid_on: dt.date, currency: str = "EUR") -> Decimal:
        """Early-payment discount earned by paying in full on ``paid_on`` (zero when too late)."""
        deadline = self.discount_deadline(issue_date)
        if deadline is None or paid_on > deadline:
            return Decimal("0")
        return round_money(gross * self.discount_percent / 100, currency)

    def offer(self, gross: Decimal, issue_date: dt.date, currency: str = "EUR") -> tuple[Decimal, dt.date | None]:
        """The discount an invoice of ``gross`` issued on ``issue_date`` offers, and its last day
        (issue date + discount days); (0, None) without a discount. Stored on the invoice when it is
        entered, so later changes to the customer's terms never change what was offered."""
        deadline = self.discount_deadline(issue_date)
        return (round_money(gross * self.discount_percent / 100, currency), deadline) if deadline else (ZERO, None)

    def label(self) -> str:
        if self.discount_percent:
            return f"{self.discount_percent.normalize()}/{self.discount_days} net {self.net_days}"
        return f"net {self.net_days}"


_TERMS_RE = re.compile(r"^\s*(?:(\d+(?:\.\d+)?)\s*/\s*(\d+)\s+)?net\s*(\d+)\s*$", re.IGNORECASE)


def parse_terms(text: str) -> PaymentTerms:
    """Read '30', 'net 30' or '2/10 net 30'."""
    raw = (text or "").strip()
    if raw.isdigit():
        return PaymentTerms(validate_terms_days(int(raw)))
    m = _TERMS_RE.match(raw)
    if not m:
        raise UserError(Text(translate("Messages", "'{text}' are not payment terms. Write the days, e.g. '30', "
                                                   "'net 30' or '2/10 net 30'."), text=str(text or "")[:40]))
    net = validate_terms_days(int(m.group(3)))
    if m.group(1) is None:
        return PaymentTerms(net)
    pct, days = Decimal(m.group(1)), int(m.group(2))
    if not (0 < pct < 100):
        raise UserError(Text(translate("Messages", "The discount {percent} % must be between 0 and 100."),
                             percent=pct))
    if days > net:
        raise UserError(Text(translate("Messages", "The discount period ({days} days) cannot be longer than the net "
                                                   "period ({net} days)."), days=days, net=net))
    return PaymentTerms(net, pct, days)


def validate_terms_days(days: int) -> int:
    if days < 0 or days > MAX_TERMS_DAYS:
        raise UserError(Text(translate("Messages", "Payment terms of {days} days are out of range. Use 0 to {most} "
                                                   "days."), days=days, most=MAX_TERMS_DAYS))
    return days


def due_date_for(issue_date: dt.date, terms_days: int) -> dt.date:
    return PaymentTerms(validate_terms_days(terms_days)).due_date(issue_date)
