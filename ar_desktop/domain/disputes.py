"""Whether an invoice was disputed on a day D, from its dispute events (pure rule, no storage)."""

from __future__ import annotations

import datetime as dt

DISPUTE_KINDS = ("dispute", "dispute_resolved")


def dispute_as_of(events: list[tuple[dt.date, str, int | None]] | None, flag: bool, flag_units: int,
                  as_of: dt.date) -> tuple[bool, int | None]:
    """(disputed on D, the contested minor units or None for all of the open amount). The latest
    dispute event on or before D decides (its amount is the contested part); before the first
    event the invoice was in the opposite state; without events the invoice's own columns (set on
    entry or import)."""
    if not events:
        return bool(flag), (int(flag_units) or None) if flag else None
    before = [(k, u) for d, k, u in events if d <= as_of]
    if before:
        kind, units = before[-1]
        return (True, int(units) if units else None) if kind == "dispute" else (False, None)
    return events[0][1] == "dispute_resolved", None


def disputed_as_of(events: list[tuple[dt.date, str]] | None, flag: bool, as_of: dt.date) -> bool:
    """Disputed on D (see :func:`dispute_as_of`)."""
    return dispute_as_of([(d, k, None) for d, k in events] if events else None, flag, 0, as_of)[0]


def disputed_part(events: list[tuple[dt.date, str, int | None]] | None, flag: bool, open_units: int,
                  as_of: dt.date) -> int:
    """The disputed units of an invoice on D: nothing unless it is disputed on D (``disputed_as_of``);
    then the amount of the latest dispute on or before D (all that is open when the dispute named no
    amount or predates the events), never more than is open."""
    if not events:   # the invoice's flag decides, for all that is open (most invoices: no event at all)
        return max(0, open_units) if flag else 0
    if not disputed_as_of([(d, k) for d, k, _u in events or ()], flag, as_of):
        return 0
    named = [u for d, k, u in events or () if d <= as_of and k == "dispute"]
    part = named[-1] if named and named[-1] is not None else open_units
    return max(0, min(part, open_units))
