"""Late-charge rules: what a customer (or the company) agreed or the law sets, as the program keeps it.

The kinds of rule (statutory EU, German, UK; contractual daily, annual, tiered; none), their names, day
counts, the statutory rules' reference rates and fixed sums, tiers, and ``ChargeRule`` checked as typed.
What a rule charges on an invoice: domain.late_charges. See docs/late-charges.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.reference_rates import BOE_BANK_RATE, DE_BASISZINS, ECB_MRO
from ar_desktop.domain.text import Text, name_text, translate

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


STATUTORY_RULES = {
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


def percent_text(value: Decimal) -> str:
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
    return ";".join(percent_text(t.rate_percent) if t.last_day is None else f"{percent_text(t.rate_percent)}/{t.last_day}"
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
            rate = decimal_of(rate, translate("Messages", "The interest rate"))
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
            fee = decimal_of(fee, translate("Messages", "The fixed amount"))
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
                parts.append(f"{percent_text(t.rate_percent)} % a day {days}")
                first = (t.last_day or 0) + 1
            return "Contractual tiered interest: " + ", ".join(parts) + " of lateness"
        if kind is RuleKind.CONTRACT_DAILY:
            text = f"Contractual interest {percent_text(self.rate_percent)} % a day"
        elif kind is RuleKind.CONTRACT_ANNUAL:
            text = f"Contractual interest {percent_text(self.rate_percent)} % a year"
        else:
            text = STATUTORY_RULES[kind].label
        if kind not in DAILY_KINDS:
            text += f", {_day_count_text(self.day_count)}"
        return text


def _day_count_text(day_count: DayCount) -> str:
    return {DayCount.D365: "days/365", DayCount.D360: "days/360",
            DayCount.ACTUAL: "days/actual days in the year"}[day_count]


def decimal_of(value: object, what: str) -> Decimal:
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
