"""The fast reading of plain rows gives what parse_invoice / parse_payment give, or steps aside:
it never accepts a row they refuse, and never reads one differently."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ar_desktop.domain.dates import DATE_FORMATS
from ar_desktop.domain.errors import UserError
from ar_desktop.domain.money import NUMBER_FORMATS, parse_amount, to_minor
from ar_desktop.domain.quick_rows import quick_date, quick_invoice, quick_payment, quick_units
from ar_desktop.domain.records import parse_date, parse_invoice, parse_payment

FORMATS = st.sampled_from(sorted(NUMBER_FORMATS))
CURRENCIES = st.sampled_from(["EUR", "JPY", "BHD", "USD"])
amounts = st.one_of(
    st.from_regex(r"[0-9]{1,13}([.,][0-9]{0,7})?", fullmatch=True),
    st.sampled_from(["0", "0.00", "00012.50", "1,234.56", "1.234,56", "1 000", "-5", "12.", ".5", "１２", "٣", "1e3",
                     "99999999999", "999999999.99", "1000000000.00", "10.000", "12,5", "", " 12.50", "1_000"]))
dates = st.one_of(
    st.dates(dt.date(1980, 1, 1), dt.date(2110, 12, 31)).map(dt.date.isoformat),
    st.sampled_from(["2026-02-31", "2026-W01-1", "20260131", "2026-1-05", "２０２６-01-01", "2026-01-01 ", "",
                     "31.01.2026", "1/31/2026", "2026-13-01", "+026-01-01", "2026-0x-01", "2026-01-0٣"]))
texts = st.one_of(st.sampled_from(["", "PO 1", "Goods", "a\nb", "a\r\nb", "a\rb", " x", "x ", "\u202ex", "\x00",
                                   "上海", "ACME", "R-1", "R 1", "R1\n", "é", "\u2028", "\x85"]),
                  st.text(max_size=12), st.text(min_size=95, max_size=110, alphabet="ab"))
codes = st.one_of(st.sampled_from(["R-1", "INV/2026.001", "-R1", "R 1", "R1\n", "Ä1", "", "x" * 41]),
                  st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._/-]{0,39}", fullmatch=True))
flags = st.sampled_from(["", "yes", "no", "Yes", "YES", "y", "n", "true", "1", "0", "maybe", " yes"])

# Rows as a big exported file has them: every field plain
plain_dates = st.dates(dt.date(2000, 1, 1), dt.date(2090, 12, 31))
plain_amounts = st.integers(1, 99_999_999_999).map(lambda u: f"{u // 100}.{u % 100:02d}")
plain_texts = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9 ./-]{0,30}[A-Za-z0-9]|", fullmatch=True)


def _parsed(fn, *args, **kw):
    try:
        return fn(*args, **kw)
    except UserError:
        return None


@settings(max_examples=200, deadline=None)
@given(amounts, CURRENCIES, FORMATS)
def test_quick_units_agree_with_parse_amount(text, currency, fmt):
    quick = quick_units(text, currency, NUMBER_FORMATS[fmt])
    if quick is not None:
        assert quick == to_minor(parse_amount(text, currency, allow_zero=False, fmt=NUMBER_FORMATS[fmt]), currency)


@settings(max_examples=150, deadline=None)
@given(dates)
def test_quick_dates_agree_with_parse_date(text):
    quick = quick_date(text)
    if quick is not None:
        assert quick == parse_date(text)


PLAIN_INVOICE = {"number": "R-1", "customer_code": "K1", "issue_date": "2026-01-05", "due_date": "2026-02-04",
                 "amount": "1234.50", "currency": "", "reference": "PO 7", "description": "Goods", "disputed": "",
                 "dispute_reason": ""}
PLAIN_PAYMENT = {"date": "2026-01-05", "customer_code": "K1", "amount": "10.50", "reference": "BANK 1",
                 "method": "cheque", "invoice_number": "R-1"}
INVOICE_FIELDS = {"number": codes, "customer_code": codes, "issue_date": dates, "due_date": dates, "amount": amounts,
                  "currency": st.sampled_from(["", "EUR", "JPY", "BHD", "eur", "XXX", " EUR"]), "reference": texts,
                  "description": texts, "disputed": flags, "dispute_reason": texts}
PAYMENT_FIELDS = {"date": dates, "customer_code": codes, "amount": amounts, "reference": texts,
                  "method": st.sampled_from(["", "cheque", "write-off", "Cheque", "wire", "cash", " cash", "credit note"]),
                  "invoice_number": st.one_of(codes, texts)}


def _one_field_changed(plain: dict, fields: dict):
    """A plain row with one or two of its fields replaced by a hostile value: the rows the quick way
    might get wrong are those that are almost plain."""
    return st.lists(st.sampled_from(sorted(fields)), min_size=1, max_size=2, unique=True).flatmap(
        lambda keys: st.fixed_dictionaries({k: fields[k] for k in keys}).map(lambda changed: {**plain, **changed}))


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.fixed_dictionaries(INVOICE_FIELDS), _one_field_changed(PLAIN_INVOICE, INVOICE_FIELDS)),
       CURRENCIES, FORMATS)
def test_quick_invoices_agree_with_parse_invoice(raw, currency, fmt):
    """``currency``: the customer's, which an amount without a currency of its own is read in."""
    quick = quick_invoice(raw, NUMBER_FORMATS[fmt], currency=currency)
    if quick is not None:
        assert quick == parse_invoice(raw, currency=currency, numbers=NUMBER_FORMATS[fmt])


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.fixed_dictionaries(PAYMENT_FIELDS), _one_field_changed(PLAIN_PAYMENT, PAYMENT_FIELDS)),
       CURRENCIES, FORMATS)
def test_quick_payments_agree_with_parse_payment(raw, currency, fmt):
    quick = quick_payment(raw, currency, NUMBER_FORMATS[fmt])
    if quick is not None:
        assert quick == parse_payment(raw, currency, numbers=NUMBER_FORMATS[fmt])


@settings(max_examples=200, deadline=None)
@given(st.from_regex(r"[A-Z]{1,3}-?[0-9]{1,8}", fullmatch=True), st.from_regex(r"K[0-9]{1,6}", fullmatch=True),
       plain_dates, st.integers(0, 90), plain_amounts, st.sampled_from(["", "EUR", "USD"]), plain_texts, plain_texts,
       st.sampled_from(["", "no", "yes"]))
def test_plain_invoices_take_the_quick_way(number, code, issue, days, amount, currency, reference, description,
                                           disputed):
    """Rows of a big plain file are the ones it takes (else it saves nothing), read as parse_invoice reads them."""
    raw = {"number": number, "customer_code": code, "issue_date": issue.isoformat(),
           "due_date": (issue + dt.timedelta(days=days)).isoformat() if days else "", "amount": amount,
           "currency": currency, "reference": reference, "description": description, "disputed": disputed}
    quick = quick_invoice(raw, NUMBER_FORMATS["point-comma"])
    assert quick is not None
    assert quick == parse_invoice(raw)


@settings(max_examples=200, deadline=None)
@given(plain_dates, st.from_regex(r"K[0-9]{1,6}", fullmatch=True), plain_amounts, plain_texts,
       st.sampled_from(["", "bank transfer", "cheque", "card"]), st.sampled_from(["", "R-1", "INV/2026.7"]))
def test_plain_payments_take_the_quick_way(date, code, amount, reference, method, invoice):
    raw = {"date": date.isoformat(), "customer_code": code, "amount": amount, "reference": reference,
           "method": method, "invoice_number": invoice}
    quick = quick_payment(raw, "EUR", NUMBER_FORMATS["point"])
    assert quick is not None
    assert quick == parse_payment(raw, "EUR", numbers=NUMBER_FORMATS["point"])


@pytest.mark.parametrize("fmt", [f for f in DATE_FORMATS if f != "YYYY-MM-DD"])
def test_other_date_formats_are_left_to_the_parser(fmt):
    raw = {"number": "R-1", "customer_code": "K1", "issue_date": "2026-01-05", "amount": "10"}
    assert quick_invoice(raw, NUMBER_FORMATS["point"], fmt) is None
    assert quick_payment({"date": "2026-01-05", "customer_code": "K1", "amount": "10"}, "EUR",
                         NUMBER_FORMATS["point"], fmt) is None


TRICKY = [("number", "R 1"), ("number", "-R1"), ("number", "R1\n"), ("number", "x" * 41), ("customer_code", " K1"),
          ("customer_code", "K1 "), ("customer_code", ""), ("customer_code", "K\u202e1"), ("issue_date", "2026-02-31"),
          ("issue_date", "1989-12-31"), ("issue_date", "2100-01-01"), ("issue_date", "２０２６-01-05"),
          ("due_date", "2026-01-04"), ("amount", "10.000"), ("amount", "0.00"), ("amount", "1,234.50"),
          ("amount", "1000000000.00"), ("amount", "12.5 "), ("currency", "eur"), ("currency", "XXX"),
          ("reference", "x "), ("reference", " x"), ("reference", "a\nb"), ("reference", "x" * 101),
          ("description", "a\r\nb"), ("description", "a\rb"), ("description", "a\u2028b"), ("description", "a\x85b"),
          ("disputed", "maybe"), ("disputed", " yes"), ("dispute_reason", "why "), ("dispute_reason", "\x00")]


@pytest.mark.parametrize(("field", "value"), TRICKY)
def test_almost_plain_invoices(field, value):
    raw = {**PLAIN_INVOICE, field: value}
    quick = quick_invoice(raw, NUMBER_FORMATS["point"])
    assert quick is None  # each of these is refused or changed by parse_invoice: the quick way steps aside
