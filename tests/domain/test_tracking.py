import pytest

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.tracking import is_s10, s10_check_digit, validate_tracking


@pytest.mark.parametrize(("serial", "check"), [
    ("12345678", 5),   # RR123456785CN: sum 204, 11 - 6 = 5
    ("00000000", 5),   # sum 0 → 11 → 5
    ("00000001", 4),   # 7 → 11 - 7 = 4
    ("00000008", 0),   # sum 56 = 5·11 + 1 → 10 → 0
])
def test_check_digit(serial, check):
    assert s10_check_digit(serial) == check


def test_valid_number_is_normalised():
    assert validate_tracking("  rr123456785cn ") == "RR123456785CN"
    assert validate_tracking("RR 123 456 785 CN") == "RR123456785CN"
    assert validate_tracking("EE000000080CN") == "EE000000080CN"


def test_wrong_check_digit_is_explained():
    with pytest.raises(UserError) as err:
        validate_tracking("RR123456784CN")
    msg = str(err.value)
    assert "RR123456784CN" in msg and "check digit" in msg and "5" in msg


def test_s10_with_wrong_number_of_digits():
    with pytest.raises(UserError, match="9"):
        validate_tracking("RR12345678CN")


def test_free_text_is_accepted():
    assert validate_tracking("9400 1000 0000 0000 0000 00") == "9400 1000 0000 0000 0000 00"
    assert validate_tracking("sf1234567890") == "SF1234567890"
    assert validate_tracking("") == ""


def test_is_s10():
    assert is_s10("RR123456785CN")
    assert is_s10("rr 123456785 cn")
    assert not is_s10("1Z999AA10123456784")
    assert not is_s10("RR12345678CN")
