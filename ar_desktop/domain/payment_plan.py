"""Payment plans: splitting an amount into instalments and telling when a plan is broken.

Pure functions of their inputs (stdlib only); see docs/collections-rule.md, "Payment plans".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from decimal import ROUND_DOWN, Decimal
from typing import NamedTuple

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.text import Amount, Text, translate

MAX_INSTALMENTS = 60
MIN_EVERY_DAYS = 7
MAX_EVERY_DAYS = 92
CENT = Decimal("0.01")

Instalment = tuple[date, Decimal]


def plan_instalments(total: Decimal, count: int, first_due: date, every_days: int,
                     quantum: Decimal = CENT) -> list[Instalment]:
    """``count`` instalments of ``total``: the first due on ``first_due``, then every ``every_days``
    days. Every instalment is total / count rounded down to ``quantum`` (the currency's minor unit);
    the last takes the remainder, so the instalments always add up to ``total`` exactly."""
    total = Decimal(total)
    if isinstance(count, bool) or not isinstance(count, int) or count < 1:
        raise UserError(Text(translate("Messages", "The number of instalments '{count}' must be a whole "
                                                   "number, 1 or more."), count=count))
    if isinstance(every_days, bool) or not isinstance(every_days, int) or every_days < 1:
        raise UserError(Text(translate("Messages", "The days between instalments '{every_days}' must be a "
                                                   "whole number, 1 or more."), every_days=every_days))
    if total <= 0:
        raise UserError(Text(translate("Messages", "The amount of the plan {total} must be greater than "
                                                   "zero."), total=total))
    if total != total.quantize(quantum):
        raise UserError(Text(translate("Messages", "The amount of the plan {total} has more decimals than "
                                                   "the currency."), total=total))
    each = (total / count).quantize(quantum, rounding=ROUND_DOWN)
    if each <= 0:
        raise UserError(Text(translate("Messages", "{total} cannot be split into {count} instalments; use "
                                                   "fewer instalments."), total=total, count=count))
    step = timedelta(days=every_days)
    out = [(first_due + step * k, each) for k in range(count - 1)]
    out.append((first_due + step * (count - 1), total - each * (count - 1)))
    return out


Paid = Iterable[tuple[date, Decimal]]   # what was paid to the plan's invoices since its start, by day


class Missed(NamedTuple):
    due_on: date         # the instalment missed
    due_so_far: Decimal  # the instalments due up to and including it
    paid: Decimal        # what was paid by its deadline
    broke_on: date       # the day after its deadline: the day the plan broke


def missed_instalment(instalments: Iterable[Instalment], paid: Paid, as_of: date, grace_days: int,
                      ends_on: date | None = None) -> Missed | None:
    """The first instalment missed by ``as_of``, or None while the plan holds.

    An instalment is missed when what was paid since the plan started up to its deadline - its due date
    plus ``grace_days``, but no later than the plan's last day ``ends_on`` - is below the instalments due
    up to and including it; the plan breaks the day after that deadline (when that day is on or before
    ``as_of``). Money paid after a deadline does not mend what broke on it, however late one looks; the
    last instalment, unpaid, breaks the plan the day after the plan's last day."""
    paid = sorted(paid)
    due_so_far = Decimal(0)
    for due_on, amount in sorted(instalments):
        due_so_far += amount
        deadline = due_on + timedelta(days=grace_days)
        if ends_on is not None:
            deadline = min(deadline, ends_on)
        if deadline >= as_of:
            return None
        by_then = sum((a for day, a in paid if day <= deadline), Decimal(0))
        if by_then < due_so_far:
            return Missed(due_on, due_so_far, by_then, deadline + timedelta(days=1))
    return None


def plan_broken_on(instalments: Iterable[Instalment], paid: Paid, as_of: date,
                   grace_days: int, ends_on: date | None = None) -> date | None:
    """The day the plan broke (see missed_instalment), or None while it holds as of ``as_of``."""
    missed = missed_instalment(instalments, paid, as_of, grace_days, ends_on)
    return None if missed is None else missed.broke_on


def plan_broken(instalments: Iterable[Instalment], paid: Paid, as_of: date, grace_days: int) -> bool:
    """True when, by some instalment's due date plus the grace days (before ``as_of``), the
    cumulative paid by then is below the cumulative due."""
    return plan_broken_on(instalments, paid, as_of, grace_days) is not None


OPEN = "open"          # a plan's status until its outcome is recorded (then kept, broken or cancelled)
HOLDING = "holding"    # on D: in its dates and not broken - its invoices are off the ladder
BROKEN = "broken"      # on D: an instalment was missed; its invoices are back on the ladder
ENDED = "ended"        # on D: outside its dates (not started, or over) and not broken


def plan_state(status: str, starts_on: date, ends_on: date, instalments: Iterable[Instalment],
               paid: Paid, as_of: date, grace_days: int) -> tuple[str, date | None]:
    """What a payment plan is on ``as_of``: (HOLDING | ENDED, None) or (BROKEN, the day it broke).

    The one rule for the worklist, the outcome step and the forecast. An open plan (outcome not recorded
    yet) is judged on every day from its start, also after its last day: a plan whose last instalment
    went unpaid broke the day after its last day, whenever somebody looks. A plan whose outcome is
    recorded (kept, broken, cancelled) held from its start to its recorded end."""
    if status == OPEN and as_of >= starts_on:
        broke = plan_broken_on(instalments, paid, as_of, grace_days, ends_on)
        if broke is not None:
            return BROKEN, broke
    return (HOLDING if starts_on <= as_of <= ends_on else ENDED), None


def schedule_text(instalments: Sequence[Instalment], every_days: int) -> Text:
    """E.g. '3 instalments of 400.00 from 2026-04-15 every 30 days' (the last one named when it differs)."""
    first_due, each = instalments[0]
    last = instalments[-1][1]
    n = len(instalments)
    if n == 1:
        return Text(translate("Messages", "1 instalment of {amount} on {date}"), amount=Amount(each),
                    date=first_due.isoformat())
    if last != each:
        return Text(translate("Messages", "{count} instalments of {amount} (last {last}) from {date} every {days} days"),
                    count=n, amount=Amount(each), last=Amount(last), date=first_due.isoformat(), days=every_days)
    return Text(translate("Messages", "{count} instalments of {amount} from {date} every {days} days"),
                count=n, amount=Amount(each), date=first_due.isoformat(), days=every_days)
