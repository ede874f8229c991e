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
from enum import StrEnum

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.money import ZERO, format_amount, normalize_currency, parse_amount, round_money
from ar_desktop.domain.reference_rates import (
    BOE_BANK_RATE,
    DE_BASISZINS,
    ECB_MRO,
    TABLE_DESCRIPTIONS,
    MissingRate,
    RateBook,
)
from ar_desktop.domain.text import Text, name_text, translate

# Working precision for the unrounded period amounts (far beyond any currency's minor unit).
_PRECISION = 40
_HUNDRED = Decimal(100)

# A contractual rate above these is surely a typo (e.g. 18 typed as a daily rate).
MAX_DAILY_RATE = Decimal("1")
MAX_ANNUAL_RATE = Decimal("100")
MAX_TIERS = 10


class RuleKind(StrEnum):
    """How late charges are computed. The values are a stable CLI/CSV contract."""

    NONE = "none"
    CONTRACT_DAILY = "contract_daily"
    CONTRACT_ANNUAL = "contract_annual"
    CONTRACT_TIERED = "contract_tiered"  # % a day rising with lateness (阶梯式滞纳金)
    STATUTORY_EU = "statutory_eu"
    STATUTORY_DE = "statutory_de"
    STATUTORY_UK = "statutory_uk"


class DayCount(StrEnum):
    """Divisor of an annual rate: actual days / 365, actual days / 360, or each day divided by the
    length of its own year (365 or 366)."""

    D365 = "365"
    D360 = "360"
    ACTUAL = "actual"


CONTRACT_KINDS = frozenset({RuleKind.CONTRACT_DAILY, RuleKind.CONTRACT_ANNUAL, RuleKind.CONTRACT_TIERED})
DAILY_KINDS = frozenset({RuleKind.CONTRACT_DAILY, RuleKind.CONTRACT_TIERED})  # rates in % a day, no day count
STATUTORY_KINDS = frozenset({RuleKind.STATUTORY_EU, RuleKind.STATUTORY_DE, RuleKind.STATUTORY_UK})

_DAY_COUNT_ALIASES = {
    "365": DayCount.D365, "act/365": DayCount.D365, "actual/365": DayCount.D365,
    "360": DayCount.D360, "act/360": DayCount.D360, "actual/360": DayCount.D360,
    "actual": DayCount.ACTUAL, "act/act": DayCount.ACTUAL, "actual/actual": DayCount.ACTUAL,
}


@dataclass(frozen=True)
class _Statutory:
    table: str
    margin: Decimal
    currency: str
    label: str
    fixed_label: str


_STATUTORY = {
    RuleKind.STATUTORY_EU: _Statutory(
        ECB_MRO, Decimal("8"), "EUR",
        "EU statutory interest (ECB main refinancing rate + 8 points)",
        "EU late payment directive"),
    RuleKind.STATUTORY_DE: _Statutory(
        DE_BASISZINS, Decimal("9"), "EUR",
        "German statutory interest between businesses, §288 BGB (base rate + 9 points)",
        "§288 (5) BGB"),
    RuleKind.STATUTORY_UK: _Statutory(
        BOE_BANK_RATE, Decimal("8"), "GBP",
        "UK statutory interest, Late Payment of Commercial Debts (Interest) Act 1998 "
        "(Bank Rate + 8 %)",
        "Late Payment Act 1998, by size of the debt"),
}

# UK fixed sums: (debt from, sum). The highest threshold not above the gross amount applies.
UK_FIXED_SUMS: tuple[tuple[Decimal, Decimal], ...] = (
    (Decimal("10000.00"), Decimal("100.00")),
    (Decimal("1000.00"), Decimal("70.00")),
    (Decimal("0"), Decimal("40.00")),
)
EU_FIXED_SUM = Decimal("40.00")


# What the user reads for each rule (the values of RuleKind are keys).
RULE_NAMES: dict[RuleKind, str] = {
    RuleKind.NONE: translate("LateCharges", "No late charges"),
    RuleKind.CONTRACT_DAILY: translate("LateCharges", "Contractual interest, % per day"),
    RuleKind.CONTRACT_ANNUAL: translate("LateCharges", "Contractual interest, % per year"),
    RuleKind.CONTRACT_TIERED: translate("LateCharges", "Contractual interest, % per day in tiers"),
    RuleKind.STATUTORY_EU: translate("LateCharges", "EU statutory interest (ECB rate + 8 points)"),
    RuleKind.STATUTORY_DE: translate("LateCharges", "Germany, §288 BGB (base rate + 9 points)"),
    RuleKind.STATUTORY_UK: translate("LateCharges", "UK Late Payment Act (Bank Rate + 8 points)"),
}


def rule_name(kind: RuleKind) -> Text:
    return Text(RULE_NAMES[kind])


def rule_kind_keys() -> tuple[str, ...]:
    """'none', 'contract_daily', 'contract_annual', 'contract_tiered', 'statutory_eu', 'statutory_de',
    'statutory_uk'."""
    return tuple(k.value for k in RuleKind)


def parse_rule_kind(text: str | RuleKind) -> RuleKind:
    if isinstance(text, RuleKind):
        return text
    key = (text or "").strip().lower()
    try:
        return RuleKind(key)
    except ValueError:
        raise UserError(
            Text(translate("Messages", "'{text}' is not a late-charge rule. Use one of: {rule_kind_keys}."),
                 text=text, rule_kind_keys=', '.join(rule_kind_keys()))
        ) from None


def day_count_keys() -> tuple[str, ...]:
    """'365', '360', 'actual'."""
    return tuple(d.value for d in DayCount)


def parse_day_count(text: str | DayCount) -> DayCount:
    if isinstance(text, DayCount):
        return text
    key = (text or "").strip().lower()
    if key not in _DAY_COUNT_ALIASES:
        raise UserError(
            Text(translate("Messages", "'{text}' is not a day count. Use 365 (days/365), 360 (days/360) or actual "
                                       "(each day divided by the length of its year)."), text=text)
        )
    return _DAY_COUNT_ALIASES[key]


def _pct(value: Decimal) -> str:
    """4.5 -> '4.50', 0.05 -> '0.05', 0.005 -> '0.005'."""
    if value == value.quantize(Decimal("0.01")):
        return f"{value:.2f}"
    return format(value.normalize(), "f")


@dataclass(frozen=True)
class Tier:
    """A daily rate for the days of lateness up to ``last_day`` (None: every day after the tier before)."""

    rate_percent: Decimal
    last_day: int | None


def parse_tiers(text: str | Decimal) -> tuple[Tier, ...]:
    """Read '0.05/30;0.08/60;0.1': 0.05 % a day for days 1-30 of lateness, 0.08 % for days 31-60,
    0.1 % from day 61. Each tier but the last names its last day, in rising order."""
    raw = str(text or "").strip()
    if not raw:
        raise UserError(Text(translate("Messages", "The rule contract_tiered needs its tiers: the daily rates "
                                                   "with the last day of each, e.g. 0.05/30;0.08/60;0.1.")))
    parts = [p.strip() for p in raw.split(";")]
    if len(raw) > 100 or len(parts) > MAX_TIERS:
        raise UserError(Text(translate("Messages", "At most {most} tiers, written like 0.05/30;0.08/60;0.1."),
                             most=MAX_TIERS))
    tiers: list[Tier] = []
    for k, part in enumerate(parts):
        last = k == len(parts) - 1
        rate_text, _, day_text = part.partition("/")
        try:
            rate = Decimal(rate_text.strip())
        except ArithmeticError:
            rate = None
        if rate is None or not rate.is_finite() or rate <= 0 or rate > MAX_DAILY_RATE:
            raise UserError(Text(translate("Messages", "Tier {tier} ({text}): the daily rate must be a number above "
                                                       "0 and at most {most} %, e.g. 0.05/30;0.08/60;0.1."),
                                 tier=k + 1, text=part[:20], most=MAX_DAILY_RATE))
        if last and day_text.strip():
            raise UserError(Text(translate("Messages", "The last tier ({text}) applies to every later day and takes "
                                                       "no last day, e.g. 0.05/30;0.08/60;0.1."), text=part[:20]))
        day = None
        if not last:
            if not day_text.strip().isdigit() or len(day_text.strip()) > 5:
                raise UserError(Text(translate("Messages", "Tier {tier} ({text}) needs the last day of lateness it "
                                                           "covers, e.g. 0.05/30;0.08/60;0.1."),
                                     tier=k + 1, text=part[:20]))
            day = int(day_text)
            before = tiers[-1].last_day if tiers else 0
            if day <= before:
                raise UserError(Text(translate("Messages", "Tier {tier} ends on day {day}, not after the tier before "
                                                           "it (day {before})."), tier=k + 1, day=day, before=before))
        tiers.append(Tier(rate, day))
    return tuple(tiers)


def tiers_text(tiers: tuple[Tier, ...]) -> str:
    """The tiers as written in files: '0.05/30;0.08/60;0.1'."""
    return ";".join(_pct(t.rate_percent) if t.last_day is None else f"{_pct(t.rate_percent)}/{t.last_day}"
                    for t in tiers)


@dataclass(frozen=True)
class ChargeRule:
    """A customer's (or the company's default) late-charge rule.

    ``rate_percent``: contractual rate, percent per day (contract_daily) or per year
    (contract_annual); for contract_tiered its tiers as text ('0.05/30;0.08/60;0.1'), kept in
    ``tiers`` (``rate_percent`` is then None); must be empty for the other rules.
    ``fixed_fee``: optional fixed amount per late invoice for the contractual rules, in the
    invoice's currency; the statutory rules have the amount set by law.
    """

    kind: RuleKind
    rate_percent: Decimal | None = None
    day_count: DayCount = DayCount.D365
    fixed_fee: Decimal | None = None
    tiers: tuple[Tier, ...] = ()

    def __post_init__(self) -> None:
        kind = parse_rule_kind(self.kind)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "day_count", parse_day_count(self.day_count))
        rate = self.rate_percent
        if kind is RuleKind.CONTRACT_TIERED:
            if not self.tiers:
                object.__setattr__(self, "tiers", parse_tiers(rate))
            object.__setattr__(self, "rate_percent", None)
        elif self.tiers:
            raise UserError(f"The rule {kind.value} has one rate; only contract_tiered takes tiers.")
        elif kind in CONTRACT_KINDS:
            if rate is None:
                raise UserError(Text(translate("Messages", "The rule '{kind}' needs the agreed interest rate in "
                                                           "percent ({example})."),
                                     kind=rule_name(kind),
                                     example=Text(translate("Messages", "per day, e.g. 0.05"))
                                     if kind is RuleKind.CONTRACT_DAILY
                                     else Text(translate("Messages", "per year, e.g. 18"))))
            rate = _decimal(rate, translate("Messages", "The interest rate"))
            limit = MAX_DAILY_RATE if kind is RuleKind.CONTRACT_DAILY else MAX_ANNUAL_RATE
            unit = (Text(translate("Messages", "a day")) if kind is RuleKind.CONTRACT_DAILY
                    else Text(translate("Messages", "a year")))
            if rate <= 0:
                raise UserError(Text(translate("Messages", "The interest rate {rate} % must be greater than zero. "
                                                           "For no interest, choose the rule 'none'."), rate=rate))
            if rate > limit:
                raise UserError(Text(translate("Messages", "The interest rate {rate} % {unit} is above {limit} % "
                                                           "{unit}. Write the rate in percent (e.g. 0.05 for 0.05 % "
                                                           "a day, 18 for 18 % a year)."),
                                     rate=rate, unit=unit, limit=limit))
            object.__setattr__(self, "rate_percent", rate)
        elif rate is not None:
            raise UserError(Text(translate("Messages", "The rule '{kind}' takes no interest rate of its own "
                                                       "(statutory rules use the published reference rate). Leave "
                                                       "the rate empty."), kind=rule_name(kind)))
        fee = self.fixed_fee
        if fee is not None:
            if kind not in CONTRACT_KINDS:
                why = (Text(translate("Messages", "the law sets it")) if kind in STATUTORY_KINDS
                       else Text(translate("Messages", "it charges nothing")))
                raise UserError(Text(translate("Messages", "The rule '{kind}' takes no fixed amount of its own "
                                                           "({why}). Leave the fixed amount empty."),
                                     kind=rule_name(kind), why=why))
            fee = _decimal(fee, translate("Messages", "The fixed amount"))
            if fee < 0:
                raise UserError(Text(translate("Messages", "The fixed amount {fee} is negative. Enter zero or a "
                                                           "positive amount."), fee=fee))
            object.__setattr__(self, "fixed_fee", fee)

    @property
    def key(self) -> str:
        return self.kind.value

    @property
    def rate_text(self) -> str | None:
        """The rate as stored and written in files: a number, or the tiers."""
        if self.tiers:
            return tiers_text(self.tiers)
        return None if self.rate_percent is None else str(self.rate_percent)

    def tier_on(self, day_of_lateness: int) -> Tier:
        return next(t for t in self.tiers if t.last_day is None or day_of_lateness <= t.last_day)

    def describe(self) -> str:
        kind = self.kind
        if kind is RuleKind.NONE:
            return "No late charges"
        if kind is RuleKind.CONTRACT_TIERED:
            parts, first = [], 1
            for t in self.tiers:
                days = f"from day {first}" if t.last_day is None else f"for days {first}-{t.last_day}"
                parts.append(f"{_pct(t.rate_percent)} % a day {days}")
                first = (t.last_day or 0) + 1
            return "Contractual tiered interest: " + ", ".join(parts) + " of lateness"
        if kind is RuleKind.CONTRACT_DAILY:
            text = f"Contractual interest {_pct(self.rate_percent)} % a day"
        elif kind is RuleKind.CONTRACT_ANNUAL:
            text = f"Contractual interest {_pct(self.rate_percent)} % a year"
        else:
            text = _STATUTORY[kind].label
        if kind not in DAILY_KINDS:
            text += f", {_day_count_text(self.day_count)}"
        return text


def _day_count_text(day_count: DayCount) -> str:
    return {DayCount.D365: "days/365", DayCount.D360: "days/360",
            DayCount.ACTUAL: "days/actual days in the year"}[day_count]


def _decimal(value: object, what: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, Decimal | int | str):
        raise TypeError(f"{what} must be a Decimal, got {type(value).__name__}")
    try:
        result = Decimal(value) if not isinstance(value, Decimal) else value
    except ArithmeticError:
        raise UserError(Text(translate("Messages", "{what} '{value}' is not a number. Write digits with '.' as "
                                                   "decimal point."), what=name_text(what), value=value)) from None
    if not result.is_finite():
        raise UserError(Text(translate("Messages", "{what} '{value}' is not a number. Write digits with '.' as "
                                                   "decimal point."), what=name_text(what), value=value))
    return result


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
    gross = parse_amount(_decimal(invoice.gross, f"The amount of invoice {number}"), currency)
    by_day: dict[dt.date, Decimal] = {}
    for entry in invoice.payments:
        if len(entry) != 2:
            raise TypeError("each payment must be a (date, amount) pair")
        day = _check_date(entry[0], "A payment date")
        amount = _decimal(entry[1], f"A payment on invoice {number}")
        if amount == 0:
            raise UserError(Text(translate("Messages", "The payment of {amount} on {day} for invoice {number} is "
                                                       "zero. Leave it out."),
                                 amount=amount, day=day.isoformat(), number=number))
        # negative: a reversal or a changed split taking back what was applied
        amount = parse_amount(amount, currency, allow_negative=True)
        if day <= as_of:
            by_day[day] = by_day.get(day, ZERO) + amount

    if rule.kind in _STATUTORY:
        needed = _STATUTORY[rule.kind].currency
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
    stat = _STATUTORY.get(kind)
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
            formula = f"{money(p.balance)} x {_pct(p.rate_percent)} % x {p.days} days"
        else:
            formula = f"{money(p.balance)} x {_pct(p.rate_percent)} % x {p.days} / {p.day_basis}"
        line = f"{p.start.isoformat()} to {p.end.isoformat()}: {formula} = {money(p.interest_display)}"
        if p.reference_table is not None:
            line += (f" ({TABLE_DESCRIPTIONS[p.reference_table]} {_pct(p.reference_rate_percent)} % "
                     f"on {p.reference_date.isoformat()} + {_pct(p.margin_percent)} points)")
        lines.append(line + ".")
    if rule.kind is RuleKind.STATUTORY_UK and periods:
        lines.append("The UK reference rate is fixed for the whole debt at the rate in force on "
                     f"{periods[0].reference_date.isoformat()}.")
    if len(periods) > 1:
        lines.append(f"Interest: {money(interest)} (the periods are added unrounded, then rounded once).")
    else:
        lines.append(f"Interest: {money(interest)}.")
    if rule.kind in _STATUTORY:
        lines.append(f"Fixed compensation: {money(fixed)} ({_STATUTORY[rule.kind].fixed_label}).")
    elif fixed:
        lines.append(f"Fixed compensation: {money(fixed)} (agreed amount per late invoice).")
    lines.append(f"Total: {money(interest + fixed)}.")
    return lines
