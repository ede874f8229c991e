"""Numbers on chart axes and bars, the same on screen and on paper (ui/charts.py, pdf/report_charts.py)."""

from __future__ import annotations

import math
from decimal import Decimal


def compact(value: Decimal | float | None) -> str:
    """1234567 -> '1.2M', 12345 -> '12.3k', 950 -> '950' (axis and bar labels; tooltips and tables are exact)."""
    if value is None:
        return "–"
    v = float(value)
    for size, suffix in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
        if abs(v) >= size:
            return f"{v / size:.1f}{suffix}".replace(".0" + suffix, suffix)
    return f"{v:.0f}"


def nice_ceiling(value: float) -> float:
    """The smallest 1, 2, 2.5 or 5 × 10^n at or above ``value`` (1 for nothing to show)."""
    if value <= 0:
        return 1.0
    exp = 10 ** int(f"{value:e}".split("e")[1])
    for step in (1, 2, 2.5, 5, 10):
        if step * exp >= value:
            return step * exp
    return 10 * exp


def steps(top: float) -> int:
    """How many equal steps mark an axis from 0 to ``top`` (a ``nice_ceiling``) at round values: five of a 2.5 or
    5 × 10^n (0.5, 1 × 10^n: quarters would read 0.625 or 1.25, shown as '6,2M' or '1,2k'), four of the others."""
    if top <= 0:
        return 4
    lead = top / 10 ** math.floor(math.log10(top))
    return 5 if round(lead, 6) in (2.5, 5.0) else 4
