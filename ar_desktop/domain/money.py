"""Exact money: Decimal in code, integer minor units in storage, round half-up once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.text import Text, translate

# ISO 4217 minor-unit exponents that differ from the usual two decimals.
_EXPONENTS = {"JPY": 0, "KRW": 0, "VND": 0, "CLP": 0, "ISK": 0, "HUF": 2,
              "BHD": 3, "KWD": 3, "OMR": 3, "JOD": 3, "TND": 3}

# The currencies the program knows; a code outside this set is refused as unknown.
KNOWN_CURRENCIES = frozenset({
    "EUR", "USD", "GBP", "CNY", "CHF", "JPY", "HKD", "SGD", "AUD", "CAD", "NZD",
    "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "RON", "BGN", "TRY", "INR", "KRW",
    "TWD", "THB", "MYR", "IDR", "PHP", "VND", "AED", "SAR", "ZAR", "BRL", "MXN",
    "CLP", "ISK", "BHD", "KWD", "OMR", "JOD", "TND", "ILS", "EGP", "RUB",
})

ZERO = Decimal("0")
# The largest amount the program stores, in minor units (999,999,999.99 for a currency with two
# decimals). Every amount column is a 64-bit integer in SQLite, whose SUM raises an overflow above
# 9.2e18: with no single amount above 1e11 minor units, a sum over 92 million rows cannot overflow,
# so no report over any file the program can hold ever fails on its own arithmetic.
MAX_UNITS = 99_999_999_999
MAX_AMOUNT = Decimal("999999999.99")  # MAX_UNITS in a currency with two decimals


def exponent(currency: str) -> int:
    """Number of decimals of the currency's minor unit."""
    return _EXPONENTS.get(currency.upper(), 2)


def quantum(currency: str = "EUR") -> Decimal:
    return Decimal(1).scaleb(-exponent(currency))


def round_money(value: Decimal, currency: str = "EUR") -> Decimal:
    """Round half-up to the currency's minor unit (done once, at the end of a computation)."""
    return value.quantize(quantum(currency), rounding=ROUND_HALF_UP)


def to_minor(value: Decimal, currency: str = "EUR") -> int:
    """Decimal amount -> integer minor units; the value must already be exact to the unit."""
    scaled = value.scaleb(exponent(currency))
    if scaled != scaled.to_integral_value():
        raise UserError(
            Text(translate("Messages", "{value} has more decimals than {currency} allows ({places}). Round "
                                       "the amount to the smallest unit of the currency."),
                 value=value, currency=currency, places=exponent(currency))
        )
    return int(scaled)


def from_minor(units: int, currency: str = "EUR") -> Decimal:
    # An integer scaled by -e has exactly e decimals: no quantize needed. Called for every figure of
    # every list and report, so the exponent is looked up once per currency.
    e = _SCALE.get(currency)
    if e is None:
        e = _SCALE[currency] = -exponent(currency)
    return Decimal(int(units)).scaleb(e)


_SCALE: dict[str, int] = {}


def normalize_currency(code: str) -> str:
    c = (code or "").strip().upper()
    if c not in KNOWN_CURRENCIES:
        raise UserError(Text(translate("Messages", "'{code}' is not a known currency code. Use a "
                                                   "three-letter ISO code such as EUR, USD or CNY."), code=code))
    return c


def max_amount(currency: str = "EUR") -> Decimal:
    """The largest amount stored in ``currency`` (MAX_UNITS minor units)."""
    return from_minor(MAX_UNITS, currency)


@dataclass(frozen=True)
class NumberFormat:
    """How amounts are written: the decimal separator and the grouping separator ("" = none).

    A later locale setting (CLDR via Babel) maps a company's locale to one of these, e.g. German
    ``NumberFormat(",", ".")`` reads "12.000,50". A grouping separator " " also accepts the
    no-break spaces that CLDR formats put there.
    """

    decimal: str = "."
    group: str = ","

    def __post_init__(self) -> None:
        if self.decimal not in DECIMAL_SEPARATORS or self.group not in GROUP_SEPARATORS or self.decimal == self.group:
            raise UserError(Text(translate("Messages", "Amounts cannot be written with '{decimal}' as decimal "
                                                       "separator and '{group}' as grouping separator."),
                                 decimal=self.decimal, group=self.group))

    @property
    def example(self) -> str:
        return f"1250{self.decimal}00"

    @property
    def key(self) -> str:
        """A short name for settings and the command line: 'point', 'point-comma', 'comma-point', …"""
        return next(k for k, f in NUMBER_FORMATS.items() if f == self)


DECIMAL_SEPARATORS = (".", ",")
GROUP_SEPARATORS = ("", ",", ".", " ", "'")
_SPACES = (" ", "\u00a0", "\u202f")  # what CLDR puts between groups of digits for "space" locales
NUMBER_FORMATS = {
    "point": NumberFormat(".", ""), "point-comma": NumberFormat(".", ","), "point-space": NumberFormat(".", " "),
    "point-apostrophe": NumberFormat(".", "'"), "comma": NumberFormat(",", ""),
    "comma-point": NumberFormat(",", "."), "comma-space": NumberFormat(",", " "),
}
PLAIN = NUMBER_FORMATS["point"]
# What the program writes (exports, reports) and reads by default: '.' decimals, ',' groups allowed.
DEFAULT_FORMAT = NUMBER_FORMATS["point-comma"]
_PATTERNS: dict[NumberFormat, re.Pattern] = {}


def number_format(key: str) -> NumberFormat:
    try:
        return NUMBER_FORMATS[key]
    except KeyError:
        raise UserError(Text(translate("Messages", "Unknown number format '{key}'; choose one of {choices}."),
                             key=key, choices=", ".join(NUMBER_FORMATS))) from None


def _pattern(fmt: NumberFormat) -> re.Pattern:
    if fmt not in _PATTERNS:
        d = re.escape(fmt.decimal)
        whole = "[0-9]+"
        if fmt.group:
            g = "[ \u00a0\u202f]" if fmt.group == " " else re.escape(fmt.group)
            whole = f"(?:[0-9]+|[0-9]{{1,3}}(?:{g}[0-9]{{3}})+)"
        # ASCII digits only: re's \d would let full-width and Arabic-Indic digits through
        _PATTERNS[fmt] = re.compile(f"-?(?:{whole}(?:{d}[0-9]*)?|{d}[0-9]+)", re.ASCII)
    return _PATTERNS[fmt]


def _not_an_amount(text: str, fmt: NumberFormat) -> UserError:
    return UserError(Text(translate("Messages", "'{text}' is not an amount. Type digits 0-9 with '{decimal}' as "
                                                "decimal separator, e.g. {example}."),
                          text=text, decimal=fmt.decimal, example=fmt.example))


def read_number(text: str, fmt: NumberFormat = DEFAULT_FORMAT) -> Decimal | None:
    """The number ``text`` is when written in ``fmt`` (digits 0-9, the format's separators), else None."""
    shown = (text or "").strip()
    if not shown or len(shown) > 40 or not _pattern(fmt).fullmatch(shown):
        return None
    for sep in (_SPACES if fmt.group == " " else (fmt.group,) if fmt.group else ()):
        shown = shown.replace(sep, "")
    return Decimal(shown.replace(fmt.decimal, "."))


def parse_amount(text: str | Decimal | int, currency: str = "EUR", *, allow_negative: bool = False,
                 allow_zero: bool = True, fmt: NumberFormat = DEFAULT_FORMAT) -> Decimal:
    """Read an amount exactly as ``fmt`` writes it; refuse anything else with a plain explanation.

    Digits 0-9, at most one decimal separator, an optional leading minus, and grouping only with
    the format's grouping separator in groups of three. Never guesses: '1,5' with a decimal point
    is refused, not read as 15.
    """
    if isinstance(text, bool):
        raise _not_an_amount(str(text), fmt)
    if isinstance(text, Decimal | int):
        value = Decimal(text)
        shown = str(text)
        if not value.is_finite():
            raise _not_an_amount(shown, fmt)
    else:
        shown = (text or "").strip()
        if shown == "":
            raise UserError(Text(translate("Messages", "The amount is empty. Type a number such as {example}."),
                                 example=fmt.example))
        read = read_number(shown, fmt)
        if read is None:
            raise _not_an_amount(shown[:40], fmt)
        value = read
    if value < 0 and not allow_negative:
        raise UserError(Text(translate("Messages", "The amount {amount} is negative. Enter a positive amount."),
                             amount=shown))
    if value == 0 and not allow_zero:
        raise UserError(Text(translate("Messages", "The amount is zero. Enter an amount greater than zero.")))
    exp = exponent(currency)
    if value != value.quantize(quantum(currency), rounding=ROUND_HALF_UP):
        raise UserError(Text(translate("Messages", "{amount} has more than {decimals} decimals, which {currency} "
                                                   "does not have. Round it to {decimals} decimals."),
                             amount=shown, decimals=exp, currency=currency))
    check_storable(value, currency, shown)
    return value.quantize(quantum(currency))


def check_storable(value: Decimal, currency: str, shown: str | None = None) -> None:
    """Refuse an amount over the largest the program stores in ``currency``. Also for an amount read before its
    currency was known (an invoice's, in its customer's currency): 123456789 is within EUR's limit, not BHD's."""
    if abs(value) > max_amount(currency):
        raise UserError(Text(translate("Messages", "The amount {amount} is too large: the largest amount the "
                                                   "program stores is {limit} {currency}. Check the number of "
                                                   "digits."),
                             amount=shown if shown is not None else str(value),
                             limit=f"{max_amount(currency):,f}", currency=currency))   # its own decimals


def format_amount(value: Decimal, currency: str | None = None, *, grouping: bool = True) -> str:
    """1234.5 -> '1,234.50' (with the currency code appended if given)."""
    cur = currency or "EUR"
    q = round_money(value, cur)
    text = f"{q:,.{exponent(cur)}f}" if grouping else f"{q:.{exponent(cur)}f}"
    return f"{text} {currency}" if currency else text


def write_number(value: Decimal, fmt: NumberFormat = DEFAULT_FORMAT, places: int | None = None) -> str:
    """``value`` written in ``fmt`` with its own decimals (or ``places``): '12.000,50' in German."""
    text = f"{value:,.{places}f}" if places is not None else f"{value:,f}"
    group = "\u00a0" if fmt.group == " " else fmt.group  # never a line break inside an amount
    return text.replace(",", "\0").replace(".", fmt.decimal).replace("\0", group)
