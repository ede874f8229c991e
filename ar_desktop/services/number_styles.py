"""How each country writes amounts, from CLDR (Babel): the window's one amount style follows the company's
country (ui.amounts). Babel's data is already shipped for letters' country names; reading a locale's two
symbols costs about a millisecond once per country."""

from __future__ import annotations

import re

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.money import DEFAULT_FORMAT, NumberFormat

_SPACES = (" ", "\u00a0", "\u202f")

_COUNTRY_FORMATS: dict[str, NumberFormat] = {}


def number_format_for_country(country: str) -> NumberFormat:
    """How amounts are written where ``country`` (ISO 3166 alpha-2) keeps its books: the decimal and grouping
    symbols of its main language in CLDR (Babel), e.g. Germany "12.000,50", France "12 000,50", Switzerland
    "12'000.50", China, the UK and the US "12,000.50". Unknown or empty: DEFAULT_FORMAT."""
    code = (country or "").strip().upper()
    if code not in _COUNTRY_FORMATS:
        _COUNTRY_FORMATS[code] = _cldr_format(code)
    return _COUNTRY_FORMATS[code]


def _cldr_format(code: str) -> NumberFormat:
    if not re.fullmatch("[A-Z]{2}", code):
        return DEFAULT_FORMAT
    from babel import Locale, UnknownLocaleError
    from babel.numbers import get_decimal_symbol, get_group_symbol

    try:
        locale = Locale.parse(f"und_{code}")
    except (UnknownLocaleError, ValueError):
        return DEFAULT_FORMAT
    decimal, group = get_decimal_symbol(locale), get_group_symbol(locale)
    group = " " if group in _SPACES else "'" if group in ("'", "\u2019") else group
    try:
        return NumberFormat(decimal, group)
    except UserError:  # a symbol the program does not read (e.g. Arabic digits' separators)
        return DEFAULT_FORMAT


__all__ = ["number_format_for_country"]
