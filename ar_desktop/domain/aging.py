"""Aging buckets: the one definition both Python and the SQL report are built from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from ar_desktop.domain.money import ZERO


@dataclass(frozen=True)
class Bucket:
    key: str
    label: str
    # days past due, inclusive; None = open-ended. "Not yet due" covers everything <= 0:
    # an invoice due on the as-of date is not yet due.
    low: int | None
    high: int | None

    def contains(self, days_past_due: int) -> bool:
        return (self.low is None or days_past_due >= self.low) and (self.high is None or days_past_due <= self.high)


BUCKETS: tuple[Bucket, ...] = (
    Bucket("current", "Not yet due", None, 0),
    Bucket("d1_30", "1–30", 1, 30),
    Bucket("d31_60", "31–60", 31, 60),
    Bucket("d61_90", "61–90", 61, 90),
    Bucket("over_90", "Over 90", 91, None),
)
BUCKET_KEYS = tuple(b.key for b in BUCKETS)


def days_past_due(due_date: dt.date, as_of: dt.date) -> int:
    """Calendar days from the due date; 0 on the due date itself, negative before it."""
    return (as_of - due_date).days


def bucket_for(days: int) -> Bucket:
    for b in BUCKETS:
        if b.contains(days):
            return b
    raise AssertionError(f"buckets do not cover {days} days")  # the buckets are contiguous


def is_overdue(due_date: dt.date, as_of: dt.date) -> bool:
    return days_past_due(due_date, as_of) > 0


# How bad an overdue account or invoice is, by days overdue: three steps, so that three days late
# does not look like three months late. The window shows each by a shade of red and a sign.
MILD, SERIOUS, SEVERE = "1_30", "31_90", "over_90"
SEVERITIES: tuple[tuple[str, int, int | None], ...] = ((MILD, 1, 30), (SERIOUS, 31, 90), (SEVERE, 91, None))


def overdue_severity(days_overdue: int | None) -> str | None:
    """MILD, SERIOUS or SEVERE for an account or invoice ``days_overdue`` late; None when not overdue."""
    if days_overdue is None or days_overdue <= 0:
        return None
    for key, low, high in SEVERITIES:
        if days_overdue >= low and (high is None or days_overdue <= high):
            return key
    raise AssertionError("the severities cover every positive number of days")


@dataclass
class AgingRow:
    customer_code: str
    customer_name: str
    currency: str
    buckets: dict[str, Decimal] = field(default_factory=lambda: {k: ZERO for k in BUCKET_KEYS})

    @property
    def total(self) -> Decimal:
        return sum(self.buckets.values(), ZERO)

    def add(self, bucket_key: str, amount: Decimal) -> None:
        self.buckets[bucket_key] += amount


@dataclass(frozen=True)
class OpenItem:
    """What aging needs of an invoice as of a date: its due date and what is still open."""

    due_date: dt.date
    open_amount: Decimal


def age_items(items: list[OpenItem], as_of: dt.date) -> dict[str, Decimal]:
    """Pure reference implementation of the report (the SQL version must agree with it)."""
    totals = {k: ZERO for k in BUCKET_KEYS}
    for it in items:
        if it.open_amount:
            totals[bucket_for(days_past_due(it.due_date, as_of)).key] += it.open_amount
    return totals


def total_row(rows: list[AgingRow], currency: str) -> AgingRow:
    total = AgingRow("TOTAL", "Total", currency)
    for r in rows:
        for k, v in r.buckets.items():
            total.add(k, v)
    return total
