"""One amount style for the whole window: every amount shown (lists, totals, dialogs, Overview, tooltips) and
every amount typed goes through here, written and read as the open company's country writes numbers (CLDR via
Babel: a German company "12.000,50", an English or Chinese one "12,000.50"). The currency, where it is shown,
always follows the figure: "12.000,50 EUR"."""

from __future__ import annotations

import re
from decimal import Decimal

from ar_desktop.domain.chart_scale import compact
from ar_desktop.domain.errors import UserError
from ar_desktop.domain.money import DEFAULT_FORMAT, PLAIN, NumberFormat, exponent, parse_amount, read_number, round_money, write_number
from ar_desktop.domain.text import Text, translate
from ar_desktop.services.number_styles import number_format_for_country

_style: NumberFormat = DEFAULT_FORMAT
_POINT_DECIMALS = re.compile(r"-?[0-9]+\.[0-9]{1,2}", re.ASCII)


def use_company(country: str) -> NumberFormat:
    """The company file just opened (or its profile changed) is kept in ``country``: amounts follow it."""
    global _style
    _style = number_format_for_country(country)
    return _style


def style() -> NumberFormat:
    return _style


def money(value: Decimal | int | None, currency: str | None = None) -> str:
    """'12.000,50' (German company), '12,000.50' (English); with ``currency``, '12.000,50 EUR'. None: ''."""
    if value is None:
        return ""
    cur = currency or "EUR"
    text = write_number(round_money(Decimal(value), cur), _style, exponent(cur))
    return f"{text} {currency}" if currency else text


def number(value: Decimal | int | float, places: int = 1) -> str:
    """A figure that is not money (days, a ratio) in the same style: '12.345,6'."""
    exact = Decimal(value) if isinstance(value, Decimal | int) else Decimal(repr(float(value)))
    return write_number(exact, _style, places)


def short(value: Decimal | float | None) -> str:
    """A chart's axis or bar label, '12,3k' in a German company (domain.chart_scale.compact, in the style)."""
    text = compact(value)
    return text.replace(".", _style.decimal) if _style.decimal != "." else text


def edit_text(value: Decimal | None, currency: str = "EUR") -> str:
    """An amount put into a field for the user to change: written as the user types it."""
    return "" if value is None else write_number(round_money(Decimal(value), currency), _style, exponent(currency))


def _format_of(text: str) -> NumberFormat:
    """The company's style; in a style with a decimal comma, "1500.50" too (a point followed by one or two digits
    cannot be a grouping point there, so it can only be the point many type for decimals). "1.500" stays 1500."""
    if _style.decimal == "," and _POINT_DECIMALS.fullmatch((text or "").strip()):
        return PLAIN
    return _style


def parse(text: str, currency: str = "EUR", **kw) -> Decimal:
    """An amount typed in the window, read in the company's style (see ``domain.money.parse_amount``)."""
    return parse_amount(text, currency, fmt=_format_of(str(text)), **kw)


def plain(text: str) -> str:
    """An amount typed in the window as the services read it ('12.000,50' -> '12000.50'); empty stays empty.
    Refuses what is not an amount in the company's style, saying how to write one."""
    shown = (text or "").strip()
    if not shown:
        return ""
    value = read_number(shown, _format_of(shown))
    if value is None:
        raise UserError(Text(translate("Messages", "'{text}' is not an amount. Type digits 0-9 with '{decimal}' as "
                                                   "decimal separator, e.g. {example}."),
                             text=shown[:40], decimal=_style.decimal, example=money(Decimal("1250"))))
    return str(value)


__all__ = ["edit_text", "money", "number", "parse", "plain", "short", "style", "use_company"]
