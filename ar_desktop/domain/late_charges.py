"""Late charges: interest on overdue invoices plus a fixed compensation per invoice.

Simple interest on the open gross amount, day by day, from the day after the due date up to and
including the day of payment (or the as-of date for what is still open). A payment dated P
reduces the balance from P+1 on. The interest of every period is kept unrounded; the invoice's
total is rounded half-up once, to the currency's minor unit. See docs/late-charges.md.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, localcontext

from ar_desktop.domain.charge_rules import (CONTRACT_KINDS, DAILY_KINDS, EU_FIXED_SUM, STATUTORY_RULES, UK_FIXED_SUMS,
                                            ChargeRule, DayCount, RuleKind, decimal_of, percent_text, rule_name)
from ar_desktop.domain.errors import UserError
from ar_desktop.domain.money import ZERO, format_amount, normalize_currency, parse_amount, round_money
from ar_desktop.domain.reference_rates import BOE_BANK_RATE, DE_BASISZINS, TABLE_DESCRIPTIONS, MissingRate, RateBook
from ar_desktop.domain.text import Text, translate

# Working precision for the unrounded period amounts (far beyond any currency's minor unit).
_PRECISION = 40
_HUNDRED = Decimal(100)


def _check_date(value: object, what: str) -> dt.date:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise TypeError(f"{what} must be a datetime.date, got {type(value).__name__}")
    return value


@dataclass(frozen=True)
class InvoiceForCharges:
    """What the engine needs of an invoice. ``payments``: (date, amount) in the invoice currency."""

    number: str
    currency: str
    gross: Decimal
    due_date: dt.date
    payments: tuple[tuple[dt.date, Decimal], ...] = ()


@dataclass(frozen=True)
class ChargePeriod:
    """Days with one balance and one rate. ``end`` is inclusive.

    ``rate_unit`` is 'year' (annual rate, divided by ``day_basis``) or 'day' (contract_daily,
    ``day_basis`` None). For statutory rules ``rate_percent`` = ``reference_rate_percent`` +
    ``margin_percent``, the reference being the rate of ``reference_table`` on ``reference_date``.
    """

    start: dt.date
    end: dt.date
    days: int
    balance: Decimal
    rate_percent: Decimal
    rate_unit: str
    day_basis: int | None
    interest_unrounded: Decimal
    interest_display: Decimal
    reference_table: str | None = None
    reference_date: dt.date | None = None
    reference_rate_percent: Decimal | None = None
    margin_percent: Decimal | None = None


@dataclass(frozen=True)
class ChargeResult:
    invoice_number: str
    currency: str
    rule: ChargeRule
    as_of: dt.date
    days_late: int
    cleared_on: dt.date | None
    periods: tuple[ChargePeriod, ...]
    interest: Decimal
    fixed_compensation: Decimal
    explanation: tuple[str, ...]

    @property
    def rule_name(self) -> str:
        return self.rule.key

    @property
    def total(self) -> Decimal:
        return self.interest + self.fixed_compensation


def _half_year_start(day: dt.date) -> dt.date:
    return dt.date(day.year, 1 if day.month <= 6 else 7, 1)


def _next_half_year(day: dt.date) -> dt.date:
    return dt.date(day.year, 7, 1) if day.month <= 6 else dt.date(day.year + 1, 1, 1)


def _uk_reference_date(interest_start: dt.date) -> dt.date:
    """31 December before interest starting in January-June; 30 June before July-December."""
    if interest_start.month <= 6:
        return dt.date(interest_start.year - 1, 12, 31)
    return dt.date(interest_start.year, 6, 30)


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _balance_segments(start: dt.date, payments: list[tuple[dt.date, Decimal]], balance: Decimal,
                      as_of: dt.date) -> tuple[list[tuple[dt.date, dt.date, Decimal]], dt.date | None]:
    """Split [start, as_of] at each payment day + 1 where something is owed. ``payments`` are dated
    after the due date (start - 1), summed per day; a negative one (a reversed payment, a changed
    split) raises the balance again from its day on. Returns the segments and the day the balance
    was cleared for good (start - 1 when it was paid by the due date), or None while it is open."""
    segments: list[tuple[dt.date, dt.date, Decimal]] = []
    seg_start = start
    cleared_on = start - dt.timedelta(days=1) if balance <= 0 else None
    for day, amount in payments:
        if balance > 0:
            segments.append((seg_start, day, balance))
        balance -= amount
        seg_start = day + dt.timedelta(days=1)
        if balance > 0:
            cleared_on = None
        elif cleared_on is None:
            cleared_on = day
    if balance > 0 and seg_start <= as_of:
        segments.append((seg_start, as_of, balance))
    return segments, cleared_on


def compute_charges(invoice: InvoiceForCharges, rule: ChargeRule, as_of: dt.date,
                    rates: RateBook) -> ChargeResult:
    """Interest and fixed compensation owed on ``invoice`` as of ``as_of`` under ``rule``."""
    as_of = _check_date(as_of, "as_of")
    due = _check_date(invoice.due_date, "The due date")
    currency = normalize_currency(invoice.currency)
    number = invoice.number
    gross = parse_amount(decimal_of(invoice.gross, f"The amount of invoice {number}"), currency)
    by_day: dict[dt.date, Decimal] = {}
    for entry in invoice.payments:
        if len(entry) != 2:
            raise TypeError("each payment must be a (date, amount) pair")
        day = _check_date(entry[0], "A payment date")
        amount = decimal_of(entry[1], f"A payment on invoice {number}")
        if amount == 0:
            raise UserError(Text(translate("Messages", "The payment of {amount} on {day} for invoice {number} is "
                                                       "zero. Leave it out."),
                                 amount=amount, day=day.isoformat(), number=number))
        # negative: a reversal or a changed split taking back what was applied
        amount = parse_amount(amount, currency, allow_negative=True)
        if day <= as_of:
            by_day[day] = by_day.get(day, ZERO) + amount

    if rule.kind in STATUTORY_RULES:
        needed = STATUTORY_RULES[rule.kind].currency
        if currency != needed:
            raise UserError(
                Text(translate("Messages", "Invoice {number} is in {currency}, but the rule '{rule}' applies to "
                                           "{needed} debts only (its reference rate and fixed compensation are in "
                                           "{needed}). Use a contractual rule ('{annual}' or '{daily}') for this "
                                           "customer."),
                     number=number, currency=currency, rule=rule_name(rule.kind), needed=needed,
                     annual=rule_name(RuleKind.CONTRACT_ANNUAL), daily=rule_name(RuleKind.CONTRACT_DAILY))
            )

    balance = gross - sum((a for d, a in by_day.items() if d <= due), ZERO)
    late_payments = sorted((d, a) for d, a in by_day.items() if d > due)
    start = due + dt.timedelta(days=1)
    if as_of <= due:
        segments, cleared_on = [], None
        days_late = 0
    else:
        segments, cleared_on = _balance_segments(start, late_payments, balance, as_of)
        days_late = ((cleared_on or as_of) - due).days

    periods = _periods(segments, rule, rates, currency, start) if rule.kind is not RuleKind.NONE else []
    with localcontext() as ctx:
        ctx.prec = _PRECISION
        unrounded = sum((p.interest_unrounded for p in periods), ZERO)
    interest = round_money(unrounded, currency)
    fixed = _fixed_compensation(rule, gross, currency) if days_late > 0 else round_money(ZERO, currency)

    explanation = _explain(number, currency, gross, due, as_of, rule, days_late, cleared_on,
                           balance, periods, unrounded, interest, fixed)
    return ChargeResult(number, currency, rule, as_of, days_late, cleared_on, tuple(periods),
                        interest, fixed, tuple(explanation))


def _fixed_compensation(rule: ChargeRule, gross: Decimal, currency: str) -> Decimal:
    kind = rule.kind
    if kind in (RuleKind.STATUTORY_EU, RuleKind.STATUTORY_DE):
        return round_money(EU_FIXED_SUM, currency)
    if kind is RuleKind.STATUTORY_UK:
        for threshold, fixed in UK_FIXED_SUMS:
            if gross >= threshold:
                return round_money(fixed, currency)
    if kind in CONTRACT_KINDS and rule.fixed_fee is not None:
        return parse_amount(rule.fixed_fee, currency)
    return round_money(ZERO, currency)


def _periods(segments: list[tuple[dt.date, dt.date, Decimal]], rule: ChargeRule, rates: RateBook,
             currency: str, interest_start: dt.date) -> list[ChargePeriod]:
    kind = rule.kind
    stat = STATUTORY_RULES.get(kind)
    uk_reference = None
    if kind is RuleKind.STATUTORY_UK and segments:
        ref_day = _uk_reference_date(interest_start)
        uk_reference = (ref_day, rates.known_row_on(BOE_BANK_RATE, ref_day).rate_percent)

    def boundary_after(day: dt.date) -> dt.date | None:
        """First day after ``day`` where the rate or the day basis may change."""
        candidates = []
        if kind in (RuleKind.STATUTORY_EU, RuleKind.STATUTORY_DE):
            candidates.append(_next_half_year(day))
        if kind not in DAILY_KINDS and rule.day_count is DayCount.ACTUAL:
            candidates.append(dt.date(day.year + 1, 1, 1))
        if kind is RuleKind.CONTRACT_TIERED:  # the day after the last day of the tier ``day`` is in
            last = rule.tier_on((day - interest_start).days + 1).last_day
            if last is not None:
                candidates.append(interest_start + dt.timedelta(days=last))
        return min(candidates) if candidates else None

    out: list[ChargePeriod] = []
    with localcontext() as ctx:
        ctx.prec = _PRECISION
        for seg_start, seg_end, balance in segments:
            day = seg_start
            while day <= seg_end:
                nxt = boundary_after(day)
                end = seg_end if nxt is None or nxt > seg_end else nxt - dt.timedelta(days=1)
                days = (end - day).days + 1
                ref_table = ref_date = ref_rate = margin = None
                if kind in DAILY_KINDS:
                    rate = rule.rate_percent if kind is RuleKind.CONTRACT_DAILY else \
                        rule.tier_on((day - interest_start).days + 1).rate_percent
                    unit, basis = "day", None
                    amount = balance * rate * days / _HUNDRED
                else:
                    if kind is RuleKind.CONTRACT_ANNUAL:
                        rate = rule.rate_percent
                    else:
                        ref_table, margin = stat.table, stat.margin
                        if uk_reference is not None:
                            ref_date, ref_rate = uk_reference
                        else:
                            ref_date = _half_year_start(day)
                            row = rates.known_row_on(ref_table, ref_date)
                            if ref_table == DE_BASISZINS and row.effective_from != ref_date:
                                # set each 1 January and 1 July: a row for that very day, even unchanged
                                raise MissingRate(DE_BASISZINS, ref_date)
                            ref_rate = row.rate_percent
                        rate = ref_rate + margin
                    unit = "year"
                    if rule.day_count is DayCount.D360:
                        basis = 360
                    elif rule.day_count is DayCount.ACTUAL:
                        basis = 366 if _is_leap(day.year) else 365
                    else:
                        basis = 365
                    amount = balance * rate * days / (_HUNDRED * basis)
                if amount < 0:
                    amount = ZERO  # a negative reference rate never turns into a credit
                out.append(ChargePeriod(
                    start=day, end=end, days=days, balance=balance, rate_percent=rate,
                    rate_unit=unit, day_basis=basis, interest_unrounded=amount,
                    interest_display=round_money(amount, currency), reference_table=ref_table,
                    reference_date=ref_date, reference_rate_percent=ref_rate, margin_percent=margin,
                ))
                day = end + dt.timedelta(days=1)
    return out


def _explain(number: str, currency: str, gross: Decimal, due: dt.date, as_of: dt.date,
             rule: ChargeRule, days_late: int, cleared_on: dt.date | None, opening: Decimal,
             periods: list[ChargePeriod], unrounded: Decimal, interest: Decimal,
             fixed: Decimal) -> list[str]:
    def money(v: Decimal) -> str:
        return format_amount(v, currency)

    lines = [f"Invoice {number}: {money(gross)}, due {due.isoformat()}."]
    if days_late == 0:
        if as_of <= due:
            lines.append(f"Not late on {as_of.isoformat()}: nothing to charge.")
        else:
            lines.append("Paid by the due date: nothing to charge.")
        return lines
    if cleared_on is not None:
        lines.append(f"Paid in full on {cleared_on.isoformat()}: {days_late} days late.")
    else:
        lines.append(f"Still open on {as_of.isoformat()}: {days_late} days late.")
    lines.append(f"Rule: {rule.describe()}.")
    if rule.kind is RuleKind.NONE:
        lines.append("This customer's rule charges no interest and no fixed compensation.")
        return lines
    if opening != gross:
        lines.append(f"Paid by the due date: {money(gross - opening)}; interest runs on the rest.")
    for p in periods:
        if p.rate_unit == "day":
            formula = f"{money(p.balance)} x {percent_text(p.rate_percent)} % x {p.days} days"
        else:
            formula = f"{money(p.balance)} x {percent_text(p.rate_percent)} % x {p.days} / {p.day_basis}"
        line = f"{p.start.isoformat()} to {p.end.isoformat()}: {formula} = {money(p.interest_display)}"
        if p.reference_table is not None:
            line += (f" ({TABLE_DESCRIPTIONS[p.reference_table]} {percent_text(p.reference_rate_percent)} % "
                     f"on {p.reference_date.isoformat()} + {percent_text(p.margin_percent)} points)")
        lines.append(line + ".")
    if rule.kind is RuleKind.STATUTORY_UK and periods:
        lines.append("The UK reference rate is fixed for the whole debt at the rate in force on "
                     f"{periods[0].reference_date.isoformat()}.")
    if len(periods) > 1:
        lines.append(f"Interest: {money(interest)} (the periods are added unrounded, then rounded once).")
    else:
        lines.append(f"Interest: {money(interest)}.")
    if rule.kind in STATUTORY_RULES:
        lines.append(f"Fixed compensation: {money(fixed)} ({STATUTORY_RULES[rule.kind].fixed_label}).")
    elif fixed:
        lines.append(f"Fixed compensation: {money(fixed)} (agreed amount per late invoice).")
    lines.append(f"Total: {money(interest + fixed)}.")
    return lines
