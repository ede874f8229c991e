"""The filters every list in SQL shares: one customer, and a period on the list's own date column."""

from __future__ import annotations

import datetime as dt

from ar_desktop.storage.days import day

__all__ = ["customer_and_period"]


def customer_and_period(alias: str, date_column: str, customer_id: int | None,
                        date_from: dt.date | None, date_to: dt.date | None) -> tuple[list[str], dict]:
    """The WHERE terms (to be joined with AND) and their parameters keeping one customer's rows of the table
    named ``alias`` and the rows whose ``date_column`` falls in the period (either end may be open)."""
    terms, p = [], {}
    if customer_id is not None:
        terms.append(f"{alias}.customer_id = :customer_id")
        p["customer_id"] = customer_id
    if date_from is not None:
        terms.append(f"{alias}.{date_column} >= :date_from")
        p["date_from"] = day(date_from)   # a day number (storage.days)
    if date_to is not None:
        terms.append(f"{alias}.{date_column} <= :date_to")
        p["date_to"] = day(date_to)
    return terms, p
