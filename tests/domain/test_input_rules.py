"""Input that means what it says: dates in the chosen format only, no invisible characters in names."""

from datetime import date

import pytest

from ar_desktop.domain.dates import DATE_FORMATS, guess_date_format, parse_date_as, read_date
from ar_desktop.domain.errors import UserError, ValidationError
from ar_desktop.domain.records import parse_company, parse_customer, parse_date, parse_invoice, parse_payment


@pytest.mark.parametrize("text", ["2026-W01-1", "2026W011", "20260105", "2026-1-5", "２０２６-01-05",
                                  "\u0662\u0660\u0662\u0666-01-05", "2026-01-05T00:00", " 2026-02-30"])
def test_only_plain_iso_dates(text):
    with pytest.raises(UserError, match="is not a valid"):
        parse_date(text)


@pytest.mark.parametrize("text, fmt, expected", [
    ("5/1/2026", "D/M/YYYY", date(2026, 1, 5)), ("5/1/2026", "M/D/YYYY", date(2026, 5, 1)),
    ("05.01.2026", "D.M.YYYY", date(2026, 1, 5)), ("2026-01-05", "YYYY-MM-DD", date(2026, 1, 5)),
])
def test_dates_in_the_chosen_format(text, fmt, expected):
    assert parse_date_as(text, fmt) == expected


@pytest.mark.parametrize("text, fmt", [("2026-01-05", "D/M/YYYY"), ("5.1.2026", "D/M/YYYY"),
                                       ("5/1/26", "D/M/YYYY"), ("31/2/2026", "D/M/YYYY"), ("13/13/2026", "M/D/YYYY"),
                                       ("５/1/2026", "D/M/YYYY")])
def test_other_spellings_are_refused(text, fmt):
    assert read_date(text, fmt) is None
    with pytest.raises(UserError, match=f"in the format {fmt}"):
        parse_date_as(text, fmt)


def test_guess_date_format():
    assert guess_date_format(["2026-01-05"]) == "YYYY-MM-DD"
    assert guess_date_format(["1/13/2026", "2/3/2026"]) == "M/D/YYYY"
    assert guess_date_format(["13/1/2026"]) == "D/M/YYYY"
    assert guess_date_format(["13.1.2026"]) == "D.M.YYYY"
    assert set(DATE_FORMATS) >= {"YYYY-MM-DD", "D/M/YYYY", "M/D/YYYY", "D.M.YYYY"}


@pytest.mark.parametrize("field", ["name", "address", "city", "contact", "notes"])
@pytest.mark.parametrize("char", ["\u202e", "\u2066", "\x07", "\x1b", "\u0085", "\u2028"])
def test_control_and_direction_characters_are_refused_with_the_field_named(field, char):
    raw = {"code": "C1", "name": "Acme", field: f"Acme{char}Ltd"}
    with pytest.raises(ValidationError) as e:
        parse_customer(raw)
    assert set(e.value.problems) == {field}
    assert f"U+{ord(char):04X}" in str(e.value)


def test_line_breaks_only_in_multi_line_fields():
    c = parse_customer({"code": "C1", "name": "Acme", "address": "Street 1\r\n10115 Berlin", "notes": "a\n\tb"})
    assert c.address == "Street 1\n10115 Berlin"
    with pytest.raises(ValidationError, match="U\\+000A"):
        parse_customer({"code": "C1", "name": "Acme\nLtd"})
    with pytest.raises(ValidationError, match="U\\+202D"):
        parse_company({"legal_name": "Ours\u202d GmbH"})
    assert parse_customer({"code": "C1", "name": "北京贸易有限公司 ✓"}).name == "北京贸易有限公司 ✓"


@pytest.mark.parametrize("method", ["write-off", "Write off", "credit note", "CREDIT-NOTE", "void reversal",
                                    "writeoff"])
def test_payments_cannot_claim_a_correction_as_method(method):
    with pytest.raises(ValidationError) as e:
        parse_payment({"date": "2026-03-01", "customer_code": "C1", "amount": "5", "method": method})
    assert set(e.value.problems) == {"method"}
    assert "is a correction, not a payment method" in str(e.value)


def test_parse_functions_take_the_files_formats():
    from ar_desktop.domain.money import NUMBER_FORMATS

    german = NUMBER_FORMATS["comma-point"]
    inv = parse_invoice({"number": "R1", "customer_code": "C", "issue_date": "5.1.2026", "amount": "12.000,50"},
                        numbers=german, dates="D.M.YYYY")
    assert (inv.issue_date, str(inv.amount)) == (date(2026, 1, 5), "12000.50")
    with pytest.raises(ValidationError, match="'12,000.50' is not an amount"):
        parse_invoice({"number": "R1", "customer_code": "C", "issue_date": "5.1.2026", "amount": "12,000.50"},
                      numbers=german, dates="D.M.YYYY")
