"""An aging oracle that shares no code with the program: the buckets written out by hand, as a bookkeeper
would read them off a calendar (an invoice due on the as-of date is not yet due)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal


def oracle_aging(items: list[tuple[dt.date, Decimal]], as_of: dt.date) -> dict[str, Decimal]:
    """(due date, open amount) pairs -> the five buckets of the aging report."""
    out = {"current": Decimal(0), "d1_30": Decimal(0), "d31_60": Decimal(0), "d61_90": Decimal(0),
           "over_90": Decimal(0)}
    for due, amount in items:
        late = (as_of - due).days
        if late <= 0:
            out["current"] += amount
        elif late <= 30:
            out["d1_30"] += amount
        elif late <= 60:
            out["d31_60"] += amount
        elif late <= 90:
            out["d61_90"] += amount
        else:
            out["over_90"] += amount
    return out
