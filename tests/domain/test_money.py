from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.money import (MAX_AMOUNT, MAX_UNITS, NUMBER_FORMATS, NumberFormat, exponent, format_amount,
                                     from_minor, max_amount, normalize_currency, parse_amount, round_money, to_minor)


@pytest.mark.parametrize("text, expected", [
    ("1250", Decimal("1250.00")),
    ("1250.5", Decimal("1250.50")),
    (" 0.01 ", Decimal("0.01")),
    ("1,234.56", Decimal("1234.56")),       # what format_amount prints is read back
    ("1,234,567.00", Decimal("1234567.00")),
    (Decimal("7.1"), Decimal("7.10")),
    (12, Decimal("12.00")),
])
def test_parse_amount_reads_exactly(text, expected):
    value = parse_amount(text)
    assert value == expected
    assert str(value) == str(expected)  # two decimals kept, no float noise


def test_parse_amount_currency_minor_units():
    assert str(parse_amount("1500", "JPY")) == "1500"
    assert str(parse_amount("1.234", "BHD")) == "1.234"
    with pytest.raises(UserError, match=r"100.5 has more than 0 decimals, which JPY does not have"):
        parse_amount("100.5", "JPY")


@pytest.mark.parametrize("text", ["0.125", "10.001", "1.999"])
def test_parse_amount_refuses_too_many_decimals(text):
    with pytest.raises(UserError, match=rf"{text} has more than 2 decimals, which EUR does not have. Round it to 2"):
        parse_amount(text)


def test_parse_amount_trailing_zeros_are_not_extra_decimals():
    assert parse_amount("3.1400") == Decimal("3.14")


def test_parse_amount_negative():
    with pytest.raises(UserError, match="The amount -5 is negative. Enter a positive amount."):
        parse_amount("-5")
    assert parse_amount("-5", allow_negative=True) == Decimal("-5.00")
    assert parse_amount("-1,234.50", allow_negative=True) == Decimal("-1234.50")


def test_parse_amount_zero():
    assert parse_amount("0") == Decimal("0.00")
    with pytest.raises(UserError, match="The amount is zero"):
        parse_amount("0.00", allow_zero=False)


def test_parse_amount_huge():
    assert parse_amount("999999999.99") == MAX_AMOUNT == max_amount("EUR")
    with pytest.raises(UserError, match="too large: the largest amount the program stores is 999,999,999.99 EUR"):
        parse_amount("1000000000")
    with pytest.raises(UserError, match="999,999,999,999.99 is too large"):
        parse_amount("999,999,999,999.99")
    assert parse_amount("99999999999", "JPY") == Decimal(MAX_UNITS)
    with pytest.raises(UserError, match="too large"):
        parse_amount("100000000.000", "BHD")
    with pytest.raises(UserError, match="is not an amount"):
        parse_amount("1e400")


@pytest.mark.parametrize("text", ["abc", "12..5", "1.2.3", "NaN", "Infinity", "12€", "1,5", "12,34,56", "1,2345.00",
                                  "1_000", "１２３", "\u0661\u0662\u0663", "1 000.00", "1\u00a0000.00", "+5", "--5",
                                  "5-", "1.000,00", "12 34", "\u0e51\u0e52"])
def test_parse_amount_refuses_non_numbers(text):
    with pytest.raises(UserError, match="is not an amount"):
        parse_amount(text)


def test_parse_amount_empty():
    with pytest.raises(UserError, match="The amount is empty"):
        parse_amount("  ")


def test_parse_amount_decimal_comma():
    german = NUMBER_FORMATS["comma-point"]
    assert parse_amount("1.234,56", fmt=german) == Decimal("1234.56")
    assert parse_amount("12.000,50", fmt=german) == Decimal("12000.50")
    assert parse_amount("12,5", fmt=german) == Decimal("12.50")
    # '1.5' in a decimal-comma locale is ambiguous, never silently 15.00
    for text in ("1.5", "1,234.56", "1.2345,00"):
        with pytest.raises(UserError, match="with ',' as decimal separator"):
            parse_amount(text, fmt=german)


def test_grouping_only_where_the_format_allows_it():
    assert parse_amount("1234.56", fmt=NUMBER_FORMATS["point"]) == Decimal("1234.56")
    with pytest.raises(UserError, match="is not an amount"):
        parse_amount("1,234.56", fmt=NUMBER_FORMATS["point"])
    space = NUMBER_FORMATS["comma-space"]
    for text in ("1 234,56", "1\u00a0234,56", "1\u202f234,56"):  # what CLDR writes for fr, ru…
        assert parse_amount(text, fmt=space) == Decimal("1234.56")
    assert parse_amount("1'234.50", fmt=NUMBER_FORMATS["point-apostrophe"]) == Decimal("1234.50")
    with pytest.raises(UserError, match="cannot be written with"):
        NumberFormat(",", ",")


def test_round_money_half_up():
    assert round_money(Decimal("0.125")) == Decimal("0.13")
    assert round_money(Decimal("0.124999")) == Decimal("0.12")
    assert round_money(Decimal("2.675")) == Decimal("2.68")
    assert round_money(Decimal("-0.125")) == Decimal("-0.13")  # half away from zero
    assert round_money(Decimal("0.5"), "JPY") == Decimal("1")
    assert round_money(Decimal("1.0005"), "KWD") == Decimal("1.001")


def test_minor_units():
    assert to_minor(Decimal("12.34")) == 1234
    assert to_minor(Decimal("1500"), "JPY") == 1500
    assert to_minor(Decimal("1.234"), "BHD") == 1234
    assert from_minor(1234) == Decimal("12.34")
    assert str(from_minor(5)) == "0.05"
    assert str(from_minor(1500, "JPY")) == "1500"
    assert str(from_minor(-250)) == "-2.50"
    assert exponent("eur") == 2 and exponent("jpy") == 0
    with pytest.raises(UserError, match="more decimals than EUR allows"):
        to_minor(Decimal("0.005"))


def test_currency_codes():
    assert normalize_currency(" usd ") == "USD"
    for bad in ("XXX", "EURO", "", "€"):
        with pytest.raises(UserError, match="is not a known currency code"):
            normalize_currency(bad)


def test_format_amount():
    assert format_amount(Decimal("1234.5")) == "1,234.50"
    assert format_amount(Decimal("1234.5"), "EUR") == "1,234.50 EUR"
    assert format_amount(Decimal("1234567.891"), grouping=False) == "1234567.89"
    assert format_amount(Decimal("1234"), "JPY") == "1,234 JPY"
    assert format_amount(Decimal("-0.005")) == "-0.01"


amounts = st.integers(min_value=-MAX_UNITS, max_value=MAX_UNITS).map(lambda u: from_minor(u))


@given(amounts, st.booleans())
def test_parse_format_round_trip(value, grouping):
    text = format_amount(value, grouping=grouping)
    assert parse_amount(text, allow_negative=True) == value


@given(st.integers(min_value=-10**12, max_value=10**12), st.sampled_from(["EUR", "JPY", "BHD"]))
def test_minor_units_round_trip(units, currency):
    assert to_minor(from_minor(units, currency), currency) == units


@pytest.mark.parametrize("text", ["1e3", "1E3", "NaN", "Infinity", "-inf"])
def test_scientific_and_special_values_are_not_amounts(text):
    with pytest.raises(UserError, match="is not an amount"):
        parse_amount(text, allow_negative=True)
