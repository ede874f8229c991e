"""Small balances: stop chasing what costs more than it brings. Stdlib only.

An account is suggested for write-off when its whole overdue balance is below the cost of one
collection step (a company setting) and its ladder's last letter step has been taken (done or
skipped) since its oldest overdue invoice fell due: the letters were tried, what comes next
(a lawyer, an agency) costs more than the debt.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.ladder import Ladder
from ar_desktop.domain.text import Text, translate


def last_letter_step(ladder: Ladder) -> str | None:
    # a collection letter, not the notice a legal-action or agency step sends: that step is the costlier escalation
    letters = [s.key for s in ladder if s.action.is_letter]
    return letters[-1] if letters else None


@dataclass(frozen=True)
class WriteOffSuggestion:
    overdue: Decimal
    cost: Decimal
    last_letter_step: str
    taken_on: dt.date


def suggest_write_off(overdue: Decimal, cost: Decimal | None, ladder: Ladder, oldest_overdue_due: dt.date | None,
                      steps_taken: dict[str, dt.date]) -> WriteOffSuggestion | None:
    """``steps_taken``: step key -> the latest day it was done or skipped."""
    if cost is None or cost <= 0 or overdue <= 0 or overdue >= cost or oldest_overdue_due is None:
        return None
    key = last_letter_step(ladder)
    taken = steps_taken.get(key) if key else None
    if taken is None or taken < oldest_overdue_due:
        return None
    return WriteOffSuggestion(overdue, cost, key, taken)


def write_off_reason(s: WriteOffSuggestion, currency: str) -> Text:
    return Text(translate("Messages", "Small balance: {overdue} {currency} overdue is less than the cost of one "
                                      "collection step ({cost} {currency}); the last letter was sent on {date}."),
                overdue=f"{s.overdue:,.2f}", cost=f"{s.cost:,.2f}", currency=currency, date=s.taken_on.isoformat())


def check_cost(cost: Decimal | None) -> Decimal | None:
    if cost is not None and cost < 0:
        raise UserError(Text(translate("Messages", "The cost of one collection step cannot be negative. Leave it "
                                                   "empty to have no write-off suggestions.")))
    return cost
