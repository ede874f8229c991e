"""Exact money: Decimal in code, integer minor units in storage, round half-up once."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from ar_desktop.domain.errors import UserError

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
# Largest amount accepted anywhere: above this an entry is surely a typo.
MAX_AMOUNT = Decimal("999999999999.99")


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
            f"{value} has more decimals than {currency} allows ({exponent(currency)}). "
            "Round the amount to the smallest unit of the currency."
        )
    return int(scaled)


def from_minor(units: int, currency: str = "EUR") -> Decimal:
    return Decimal(int(units)).scaleb(-exponent(currency)).quantize(quantum(currency))


def normalize_currency(code: str) -> str:
    c = (code or "").strip().upper()
    if c not in KNOWN_CURRENCIES:
        raise UserError(f"'{code}' is not a known currency code. Use a three-letter ISO code such as EUR, USD or CNY.")
    return c


def _ungroup(raw: str, decimal_sep: str) -> str:
    """Drop thousands separators (',' in 1,234.56; '.' in 1.234,56) and make '.' the decimal point.

    A separator is only taken for grouping when it groups by three ('1,234.56'); anything else
    ('1,5' or, with a decimal comma, '1.5') is refused rather than misread.
    """
    group_sep = "," if decimal_sep == "." else "."
    if group_sep in raw:
        if not _GROUPED[decimal_sep].match(raw):
            raise UserError(f"'{raw}' is not an amount. Type digits with '{decimal_sep}' as decimal point, "
                            f"e.g. 1250{decimal_sep}00.")
        raw = raw.replace(group_sep, "")
    return raw.replace(decimal_sep, ".")


_GROUPED = {".": re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$"),
            ",": re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d*)?$")}


def parse_amount(text: str | Decimal | int, currency: str = "EUR", *, allow_negative: bool = False,
                 allow_zero: bool = True, decimal_sep: str = ".") -> Decimal:
    """Read a user-typed amount exactly; refuse anything ambiguous with a plain explanation."""
    if isinstance(text, Decimal | int):
        raw = str(text)
    else:
        raw = _ungroup((text or "").strip().replace("\u00a0", "").replace(" ", ""), decimal_sep)
    if raw == "":
        raise UserError("The amount is empty. Type a number such as 1250.00.")
    if not isinstance(text, Decimal | int) and any(c in raw for c in "eEnN"):
        # 1e3, NaN, Infinity: valid for Decimal, never an amount a bookkeeper types
        raise UserError(f"'{text}' is not an amount. Type digits with '.' as decimal point, e.g. 1250.00.")
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise UserError(f"'{text}' is not an amount. Type digits with '.' as decimal point, e.g. 1250.00.") from None
    if not value.is_finite():
        raise UserError(f"'{text}' is not an amount. Type digits with '.' as decimal point, e.g. 1250.00.")
    if value < 0 and not allow_negative:
        raise UserError(f"The amount {raw} is negative. Enter a positive amount.")
    if value == 0 and not allow_zero:
        raise UserError("The amount is zero. Enter an amount greater than zero.")
    if abs(value) > MAX_AMOUNT:
        raise UserError(f"The amount {raw} is too large (more than {MAX_AMOUNT:,}). Check the number of digits.")
    exp = exponent(currency)
    if value != value.quantize(quantum(currency), rounding=ROUND_HALF_UP):
        raise UserError(f"{raw} has more than {exp} decimals, which {currency} does not have. Round it to {exp} decimals.")
    return value.quantize(quantum(currency))


def format_amount(value: Decimal, currency: str | None = None, *, grouping: bool = True) -> str:
    """1234.5 -> '1,234.50' (with the currency code appended if given)."""
    cur = currency or "EUR"
    q = round_money(value, cur)
    text = f"{q:,.{exponent(cur)}f}" if grouping else f"{q:.{exponent(cur)}f}"
    return f"{text} {currency}" if currency else text
