"""A list as it is printed: the rows a window list shows, with its title, filters and totals."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class ListDocument:
    title: str                        # e.g. "Invoices"
    company: str                      # the company whose books these are
    printed_on: dt.date
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: frozenset[int] = frozenset()  # columns aligned right
    subtitle: str = ""                # the filters in force, in words
    totals: str = ""                  # the line under the list
    note: str = ""                    # e.g. "The first 5,000 of 12,345 rows"
    language: str = "en"              # "en" or "zh": page labels and fonts
