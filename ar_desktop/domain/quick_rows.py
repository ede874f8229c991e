"""The plain rows of big files, read at a fraction of the cost of ``records.parse_*``.

An import of a million invoices spends most of its Python time checking fields one by one with
messages ready for every possible problem. Almost every row of such a file is plain: ISO dates,
amounts with digits and a decimal separator, short texts with ordinary characters. The functions
here take such a row and return exactly what ``parse_invoice`` / ``parse_payment`` return for it;
for any row they are not sure of they return None, and the caller reads it with ``parse_*``, which
names its problems. They never accept what ``parse_*`` refuses (tests/domain/test_quick_rows.py
compares both over random rows), so the rules stay those of ``records``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from ar_desktop.domain.dates import ISO
from ar_desktop.domain.money import KNOWN_CURRENCIES, MAX_UNITS, NumberFormat, exponent
from ar_desktop.domain.records import (_CODE_RE, EARLIEST_DATE, LATEST_DATE, LIMITS, PAYMENT_METHODS, InvoiceData,
                                       PaymentData, bad_character)

_AMOUNT = {".": re.compile(r"([0-9]{1,12})(?:\.([0-9]{1,6}))?", re.ASCII),
           ",": re.compile(r"([0-9]{1,12})(?:,([0-9]{1,6}))?", re.ASCII)}
_NO = frozenset({"", "no", "n", "false", "0", "No", "NO", "False", "FALSE"})
_YES = frozenset({"yes", "y", "true", "1", "Yes", "YES", "True", "TRUE"})
_METHODS = frozenset(PAYMENT_METHODS)
_EARLIEST, _LATEST = EARLIEST_DATE.toordinal(), LATEST_DATE.toordinal()
_SCALE = [10 ** k for k in range(7)]


def quick_units(text: str, currency: str, numbers: NumberFormat) -> int | None:
    """Minor units of a plain positive amount ("1234", "1234.5", "1234.50"; the format's decimal
    separator, no grouping, no sign), or None. Equal to ``to_minor(parse_amount(text, currency,
    fmt=numbers))`` for every text it takes."""
    m = _AMOUNT[numbers.decimal].fullmatch(text)
    if m is None:
        return None
    whole, frac = m.groups()
    exp = exponent(currency)
    if frac is None:
        units = int(whole) * _SCALE[exp]
    elif len(frac) <= exp:
        units = int(whole) * _SCALE[exp] + int(frac) * _SCALE[exp - len(frac)]
    else:
        return None  # "10.000" in EUR is 10.00 to parse_amount: let it decide
    return units if 0 < units <= MAX_UNITS else None


def quick_date(text: str) -> dt.date | None:
    """An ISO date (YYYY-MM-DD, digits 0-9) within the years the program keeps, or None."""
    if not (len(text) == 10 and text.isascii() and text[4] == "-" and text[7] == "-" and text[:4].isdigit()
            and text[5:7].isdigit() and text[8:].isdigit()):
        return None
    try:
        value = dt.date(int(text[:4]), int(text[5:7]), int(text[8:]))
    except ValueError:  # 2026-02-31
        return None
    return value if _EARLIEST <= value.toordinal() <= _LATEST else None


def _plain(value: Any, limit: int, multiline: bool = False) -> bool:
    """A text field parse_* would keep as it is: text, already stripped, short enough, no refused
    character, and (several lines long) no Windows line break to turn into one."""
    if value.__class__ is not str:
        return False
    if not value:
        return True
    return (len(value) <= limit and not value[0].isspace() and not value[-1].isspace()
            and bad_character(value, multiline) is None
            and (not multiline or "\r" not in value))


def quick_invoice(raw: Mapping[str, Any], numbers: NumberFormat, dates: str = ISO,
                  currency: str = "EUR") -> InvoiceData | None:
    """What ``parse_invoice(raw, currency=currency, numbers=numbers, dates=dates)`` returns, for a plain row;
    else None."""
    if dates != ISO:
        return None
    get = raw.get
    number, code = get("number", ""), get("customer_code", "")
    if (number.__class__ is not str or len(number) > LIMITS["number"] or not _CODE_RE.fullmatch(number)
            or not code or not _plain(code, LIMITS["customer_code"])):
        return None
    issue = get("issue_date", "")
    issue = quick_date(issue) if issue.__class__ is str else None
    if issue is None:
        return None
    due = get("due_date")
    if due in (None, ""):
        due = None
    else:
        due = quick_date(due) if due.__class__ is str else None
        if due is None or due < issue:
            return None
    listed = get("currency")
    if listed in (None, ""):
        listed = None
    elif listed not in KNOWN_CURRENCIES:
        return None
    amount = get("amount", "")
    units = quick_units(amount, listed or currency, numbers) if amount.__class__ is str else None
    if units is None:
        return None
    disputed = get("disputed")
    if disputed in (None, "") or disputed in _NO:
        disputed = False
    elif disputed in _YES:
        disputed = True
    else:
        return None
    retention = get("retention_of_title")
    if retention in (None, ""):
        retention = None
    elif retention in _NO:
        retention = False
    elif retention in _YES:
        retention = True
    else:
        return None
    reference, description, reason = get("reference", ""), get("description", ""), get("dispute_reason", "")
    if not (_plain(reference, LIMITS["reference"]) and _plain(description, LIMITS["description"], True)
            and _plain(reason, LIMITS["dispute_reason"], True)):
        return None
    return InvoiceData(number=number, customer_code=code, issue_date=issue, due_date=due,
                       amount=Decimal(units).scaleb(-exponent(listed or currency)), currency=listed,
                       reference=reference or "", description=description or "", disputed=disputed,
                       dispute_reason=reason or "", retention_of_title=retention)


def quick_payment(raw: Mapping[str, Any], currency: str, numbers: NumberFormat,
                  dates: str = ISO) -> PaymentData | None:
    """What ``parse_payment(raw, currency, numbers=numbers, dates=dates)`` returns, for a plain row
    (a method among the usual ones, or none); else None."""
    if dates != ISO:
        return None
    get = raw.get
    date = get("date", "")
    date = quick_date(date) if date.__class__ is str else None
    code = get("customer_code", "")
    if date is None or not code or not _plain(code, LIMITS["customer_code"]):
        return None
    amount = get("amount", "")
    units = quick_units(amount, currency, numbers) if amount.__class__ is str else None
    method = get("method") or "bank transfer"
    reference, invoice = get("reference", ""), get("invoice_number") or ""
    if (units is None or method not in _METHODS or not _plain(reference, LIMITS["reference"])
            or invoice.__class__ is not str or (invoice and (invoice[0].isspace() or invoice[-1].isspace()))):
        return None
    return PaymentData(date=date, customer_code=code, amount=Decimal(units).scaleb(-exponent(currency)),
                       method=method, reference=reference or "", invoice_number=invoice)
