"""One line of a customer's timeline, and the sources that add lines to every customer's (letters, credit
documents) without the timeline importing them first: they register here, the timeline reads here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ar_desktop.domain.text import Text


@dataclass(frozen=True)
class HistoryEntry:
    """One line of a customer's timeline. ``kind`` is an event kind (collection_event.kind),
    'invoice', 'payment', or whatever a registered history source adds (e.g. 'letter')."""

    date: dt.date
    kind: str
    text: str | Text                # what happened, in the reader's language (``str()`` is English)
    amount: Decimal | None = None
    invoice_number: str | None = None
    source: str = "event"           # event | ledger | the name of a registered source
    order: int = 0                  # tie-break within a day (events keep their entry order)
    recorded_at: dt.datetime | None = None  # when it was entered: one day's entries in that order (None: last)


# A history source gets the open session and the customer id and returns HistoryEntry items.
# The letters module registers one at import time, e.g.
#     register_history_source("letters", lambda s, customer_id: letters_history(s, customer_id))
HistorySource = Callable[[Any, int], Iterable[HistoryEntry]]
_HISTORY_SOURCES: dict[str, HistorySource] = {}


def register_history_source(name: str, source: HistorySource) -> None:
    """Add entries (e.g. letters sent) to every customer's history; re-registering replaces."""
    _HISTORY_SOURCES[name] = source
