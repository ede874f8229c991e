from decimal import Decimal

import pytest

from ar_desktop.domain.chinese_amount import chinese_amount
from ar_desktop.domain.errors import UserError

CASES = [
    ("1234.56", "壹仟贰佰叁拾肆元伍角陆分"),
    ("100", "壹佰元整"),
    ("100.00", "壹佰元整"),
    ("10005.00", "壹万零伍元整"),
    ("0.05", "伍分"),
    ("0.50", "伍角"),
    ("0.56", "伍角陆分"),
    ("0", "零元整"),
    ("1", "壹元整"),
    ("10", "壹拾元整"),
    ("15", "壹拾伍元整"),
    ("101", "壹佰零壹元整"),
    ("110", "壹佰壹拾元整"),
    ("1001", "壹仟零壹元整"),
    ("1010", "壹仟零壹拾元整"),
    ("1100", "壹仟壹佰元整"),
    ("1.05", "壹元零伍分"),
    ("1.50", "壹元伍角"),
    ("1680.32", "壹仟陆佰捌拾元叁角贰分"),
    ("10000", "壹万元整"),
    ("10010", "壹万零壹拾元整"),
    ("11000", "壹万壹仟元整"),
    ("100000", "壹拾万元整"),
    ("105000", "壹拾万伍仟元整"),
    ("1000000", "壹佰万元整"),
    ("1004000", "壹佰万肆仟元整"),
    ("10000000", "壹仟万元整"),
    ("100000000", "壹亿元整"),
    ("100000001", "壹亿零壹元整"),
    ("100010000", "壹亿零壹万元整"),
    ("110000000", "壹亿壹仟万元整"),
    ("123456789.01", "壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元零壹分"),
    ("200003000.10", "贰亿零叁仟元壹角"),
    ("4459.44", "肆仟肆佰伍拾玖元肆角肆分"),
    ("30002.05", "叁万零贰元零伍分"),
    ("999999999999.99", "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
    ("1000000000000", "壹万亿元整"),
]


@pytest.mark.parametrize(("amount", "expected"), CASES)
def test_known_cases(amount, expected):
    assert chinese_amount(Decimal(amount)) == expected


def test_accepts_int_and_str():
    assert chinese_amount(100) == "壹佰元整"
    assert chinese_amount("1234.56") == "壹仟贰佰叁拾肆元伍角陆分"


def test_rounds_half_up_to_fen():
    assert chinese_amount(Decimal("0.055")) == "陆分"
    assert chinese_amount(Decimal("9.995")) == "壹拾元整"


def test_negative_amount_is_prefixed():
    assert chinese_amount(Decimal("-3.20")) == "负叁元贰角"


def test_never_two_zeros_in_a_row_and_never_trailing_zero():
    for n in [1, 10, 101, 1001, 10001, 100001, 1000001, 10000001, 100000001, 100100100, 1010101010]:
        text = chinese_amount(Decimal(n))
        assert "零零" not in text
        assert not text.replace("元整", "").endswith("零")


@pytest.mark.parametrize("bad", ["abc", "NaN", "Infinity", "1e30"])
def test_refuses_non_amounts(bad):
    with pytest.raises(UserError):
        chinese_amount(bad)
