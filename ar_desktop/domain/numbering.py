"""Suggesting the next document number from the last one: "2026-01176" → "2026-01177"."""

from __future__ import annotations

import re

_LAST_DIGITS = re.compile(r"(\d+)(\D*)$")


def increment_number(number: str) -> str | None:
    """The number with its last run of digits increased by one, keeping its zero padding
    ("INV-0099" → "INV-0100", "A9" → "A10"); None when the number has no digits."""
    m = _LAST_DIGITS.search(number or "")
    if m is None:
        return None
    digits = m.group(1)
    bumped = str(int(digits) + 1).zfill(len(digits))
    return number[:m.start(1)] + bumped + m.group(2)


def first_number(year: int) -> str:
    """The suggestion for a company file without invoices yet."""
    return f"{year}-0001"
