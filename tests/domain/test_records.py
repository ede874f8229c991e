from datetime import date
from decimal import Decimal

import pytest

from ar_desktop.domain.errors import UserError, ValidationError
from ar_desktop.domain.records import (CustomerData, parse_bool, parse_company, parse_customer, parse_date,
                                       parse_invoice, parse_payment)


def problems(fn, raw, *args, **kw) -> dict[str, str]:
    """The problems in English (the window shows them translated)."""
    with pytest.raises(ValidationError) as e:
        fn(raw, *args, **kw)
    return {k: str(v) for k, v in e.value.problems.items()}


def test_customer_defaults():
    c = parse_customer({"code": " ACME ", "name": " Acme Ltd "}, "GBP")
    assert c == CustomerData(code="ACME", name="Acme Ltd", currency="GBP", terms_days=30, credit_class="B",
                             language="en")


def test_customer_full():
    c = parse_customer({"code": "A-1/x", "name": "A", "email": "ap@acme.example", "country": "de",
                        "credit_limit": "1,000.50", "credit_class": "a", "terms_days": "14", "currency": "usd",
                        "language": "ZH", "on_hold": "yes", "late_charge_rate": "8"})
    assert (c.country, c.credit_limit, c.credit_class, c.terms_days, c.currency, c.language, c.on_hold,
            c.late_charge_rate) == ("DE", Decimal("1000.50"), "A", 14, "USD", "zh", True, Decimal("8"))


def test_customer_every_problem_named_at_once():
    p = problems(parse_customer, {"code": "", "name": "", "email": "bob", "country": "DEU", "credit_class": "Z",
                                  "terms_days": "x", "currency": "ABC", "language": "fr", "on_hold": "maybe",
                                  "late_charge_rate": "200"})
    assert p == {
        "code": "The customer code is empty; it is required.",
        "name": "The customer name is empty; it is required.",
        "email": "'bob' is not an e-mail address (expected name@example.com).",
        "country": "The country must be a two-letter ISO code such as DE, GB, US or CN.",
        "currency": "'ABC' is not a known currency code. Use a three-letter ISO code such as EUR, USD or CNY.",
        "credit_class": "Credit class 'Z' is unknown. Use A, B or C.",
        "terms_days": "'x' is not a whole number of days for the payment terms (days).",
        "language": "Letter language 'fr' is unknown. Use en (English) or zh (Chinese).",
        "on_hold": "'maybe' is not a valid on hold flag. Write yes or no.",
        "late_charge_rate": "The late-charge rate 200 % is out of range; enter a percentage such as 0.05 or 8.",
    }


@pytest.mark.parametrize("field, value, message", [
    ("code", "A B", "The customer code 'A B' may only contain letters, digits and . _ / - (no spaces)"),
    ("code", "-AB", "must start with a letter or digit"),
    ("code", "X" * 33, "The customer code is too long (33 characters; at most 32)."),
    ("name", "N" * 201, "The customer name is too long (201 characters; at most 200)."),
    ("notes", "n" * 4001, "The notes is too long (4001 characters; at most 4000)."),
    ("email", "a@b", "'a@b' is not an e-mail address"),
    ("email", "a b@c.de", "is not an e-mail address"),
    ("country", "1A", "two-letter ISO code"),
    ("terms_days", "400", "Payment terms of 400 days are out of range. Use 0 to 365 days."),
    ("terms_days", "-1", "Payment terms of -1 days are out of range."),
    ("credit_limit", "-5", "The amount -5 is negative."),
    ("credit_limit", "1.005", "has more than 2 decimals"),
])
def test_customer_field_messages(field, value, message):
    raw = {"code": "C1", "name": "Customer", field: value}
    p = problems(parse_customer, raw)
    assert list(p) == [field]
    assert message in p[field]


def test_customer_terms_zero_is_allowed():
    assert parse_customer({"code": "C", "name": "N", "terms_days": "0"}).terms_days == 0


def test_company_profile():
    assert parse_company({"legal_name": "X GmbH", "country": "de"}).country == "DE"
    p = problems(parse_company, {"legal_name": " ", "email": "nope", "currency": "EURO"})
    assert p["legal_name"] == "The company's legal name is empty; it is required."
    assert set(p) == {"legal_name", "email", "currency"}


def test_invoice_ok():
    i = parse_invoice({"number": "2026-001", "customer_code": "C1", "issue_date": "2026-03-01", "amount": "99.90"})
    assert (i.number, i.issue_date, i.due_date, i.amount, i.currency, i.disputed) == (
        "2026-001", date(2026, 3, 1), None, Decimal("99.90"), None, False)
    j = parse_invoice({"number": "A1", "customer_code": "C1", "issue_date": "2026-03-01", "due_date": "2026-03-01",
                       "amount": "5", "currency": "jpy", "disputed": "y"})
    assert (j.due_date, j.currency, j.amount, j.disputed) == (date(2026, 3, 1), "JPY", Decimal("5"), True)


def test_invoice_due_before_issue():
    p = problems(parse_invoice, {"number": "1", "customer_code": "C", "issue_date": "2026-03-10",
                                 "due_date": "2026-03-09", "amount": "1"})
    assert p == {"due_date": "The due date 2026-03-09 is before the issue date 2026-03-10. "
                             "An invoice cannot fall due before it is issued."}


def test_invoice_every_problem():
    p = problems(parse_invoice, {"number": "", "customer_code": "", "issue_date": "31/03/2026",
                                 "due_date": "2026-02-30", "amount": "0", "currency": "XYZ", "disputed": "?",
                                 "reference": "r" * 101})
    assert p == {
        "number": "The invoice number is empty; it is required.",
        "customer_code": "The customer code is empty; it is required.",
        "issue_date": "'31/03/2026' is not a valid issue date. Enter it as YYYY-MM-DD, e.g. 2026-03-31.",
        "due_date": "'2026-02-30' is not a valid due date. Enter it as YYYY-MM-DD, e.g. 2026-03-31.",
        "currency": "'XYZ' is not a known currency code. Use a three-letter ISO code such as EUR, USD or CNY.",
        "amount": "The amount is zero. Enter an amount greater than zero.",
        "disputed": "'?' is not a valid disputed flag. Write yes or no.",
        "reference": "The order / contract reference is too long (101 characters; at most 100).",
    }


def test_invoice_amount_decimals_follow_its_currency():
    p = problems(parse_invoice, {"number": "1", "customer_code": "C", "issue_date": "2026-03-10", "amount": "10.5",
                                 "currency": "JPY"})
    assert p == {"amount": "10.5 has more than 0 decimals, which JPY does not have. Round it to 0 decimals."}


def test_an_amount_without_a_currency_column_is_read_in_the_customers_currency():
    row = {"number": "1", "customer_code": "C", "issue_date": "2026-03-10", "amount": "1.234"}
    assert parse_invoice(row, currency="BHD").amount == Decimal("1.234")
    assert problems(parse_invoice, {**row, "amount": "1.2345"}, currency="BHD") == {
        "amount": "1.2345 has more than 3 decimals, which BHD does not have. Round it to 3 decimals."}
    assert problems(parse_invoice, {**row, "amount": "1.5"}, currency="JPY") == {
        "amount": "1.5 has more than 0 decimals, which JPY does not have. Round it to 0 decimals."}
    # the row's own currency comes first: the customer's is checked against it afterwards (invoice_currency)
    assert problems(parse_invoice, {**row, "currency": "EUR"}, currency="BHD") == {
        "amount": "1.234 has more than 2 decimals, which EUR does not have. Round it to 2 decimals."}


def test_payment():
    pay = parse_payment({"date": "2026-03-31", "customer_code": "C1", "amount": "10.00", "invoice_number": " X1 "})
    assert (pay.date, pay.amount, pay.method, pay.invoice_number) == (date(2026, 3, 31), Decimal("10.00"),
                                                                      "bank transfer", "X1")
    p = problems(parse_payment, {"date": "yesterday", "customer_code": "", "amount": "-3"})
    assert p == {"date": "'yesterday' is not a valid payment date. Enter it as YYYY-MM-DD, e.g. 2026-03-31.",
                 "customer_code": "The customer code is empty; it is required.",
                 "amount": "The amount -3 is negative. Enter a positive amount."}


@pytest.mark.parametrize("text, message", [
    ("", "The date is empty. Enter a date as YYYY-MM-DD."),
    ("2026-13-01", "'2026-13-01' is not a valid date."),
    ("2026-3-1", "'2026-3-1' is not a valid date."),
    ("20260301", "'20260301' is not a valid date."),
    ("1989-12-31", "The date 1989-12-31 is out of range (1990–2099)."),
    ("2100-01-01", "The date 2100-01-01 is out of range (1990–2099)."),
])
def test_bad_dates(text, message):
    with pytest.raises(UserError) as e:
        parse_date(text)
    assert str(e.value).startswith(message)


def test_dates_and_flags():
    assert parse_date(" 2028-02-29 ") == date(2028, 2, 29)
    assert parse_date(date(2026, 1, 1)) == date(2026, 1, 1)
    assert [parse_bool(x, "f") for x in ("", "No", "0", "yes", "Y", "TRUE", True)] == [
        False, False, False, True, True, True, True]
