from ar_desktop.domain.numbering import first_number, increment_number


def test_the_last_run_of_digits_is_increased_keeping_its_padding():
    assert increment_number("2026-01176") == "2026-01177"
    assert increment_number("INV-0099") == "INV-0100"
    assert increment_number("A9") == "A10"
    assert increment_number("RE 2026/017 B") == "RE 2026/018 B"
    assert increment_number("999") == "1000"


def test_a_number_without_digits_gives_no_suggestion():
    assert increment_number("ABC") is None
    assert increment_number("") is None


def test_the_first_number_of_a_year():
    assert first_number(2026) == "2026-0001"
