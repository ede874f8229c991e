"""Reports as CSV text and as a plain-text table (formats that are a stable contract)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from ar_desktop.domain.aging import BUCKET_KEYS, BUCKETS

if TYPE_CHECKING:
    from ar_desktop.services.aging import AgingBlock

AGING_HEADER = ["customer_code", "customer_name", *BUCKET_KEYS, "total"]


def plain_amount(value: Decimal) -> str:
    """Two decimals, no thousands separator: what CSV consumers expect."""
    return f"{value:.2f}"


def cell_text(value) -> str:
    """A value as a person reads it in a cell: yes/no, ISO dates, exact amounts, empty for none."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


# A text cell a spreadsheet would take for a formula. CSV exports write it with a leading
# apostrophe; a cell that already starts with apostrophes before such a character gets one more, so
# that reading back removes exactly one and every text comes back as it was.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """A text cell as CSV text that no spreadsheet runs as a formula."""
    return "'" + text if text.lstrip("'")[:1] in _FORMULA_START else text


def restore_neutralised(text: str) -> str:
    """The text a neutralised CSV cell stood for: ``'+49 30 1234`` is ``+49 30 1234``."""
    return text[1:] if text[:1] == "'" and text.lstrip("'")[:1] in _FORMULA_START else text


def aging_csv(blocks: Sequence[AgingBlock]) -> str:
    multi = len(blocks) > 1
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    if not blocks:
        w.writerow(AGING_HEADER)
        w.writerow(["TOTAL", "Total", *["0.00"] * (len(BUCKET_KEYS) + 1)])
    for block in blocks:
        w.writerow(AGING_HEADER + (["currency"] if multi else []))
        for r in (*block.rows, block.total):
            w.writerow([r.customer_code, r.customer_name, *(plain_amount(r.buckets[k]) for k in BUCKET_KEYS),
                        plain_amount(r.total)] + ([block.currency] if multi else []))
    return out.getvalue()


def table(header: Sequence[str], rows: Sequence[Sequence[str]], right: set[int]) -> str:
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows, strict=False)]
    def line(cells):
        return "  ".join(str(c).rjust(w) if i in right else str(c).ljust(w)
                         for i, (c, w) in enumerate(zip(cells, widths, strict=False))).rstrip()
    sep = "  ".join("-" * w for w in widths)
    return "\n".join([line(header), sep, *(line(r) for r in rows)]) + "\n"


def aging_table(blocks: Sequence[AgingBlock]) -> str:
    header = ["Code", "Customer", *(b.label for b in BUCKETS), "Total"]
    parts = []
    for block in blocks:
        rows = [[r.customer_code, r.customer_name[:32], *(f"{r.buckets[k]:,.2f}" for k in BUCKET_KEYS),
                 f"{r.total:,.2f}"] for r in (*block.rows, block.total)]
        parts.append(f"Currency: {block.currency}\n" + table(header, rows, set(range(2, len(header)))))
    return "\n".join(parts) if parts else "No open invoices.\n"
