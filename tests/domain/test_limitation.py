"""The limitation clock of each jurisdiction at its boundaries."""

from __future__ import annotations

import datetime as dt

import pytest

from ar_desktop.domain import limitation as lim
from ar_desktop.domain.errors import UserError
from ar_desktop.domain.limitation import ClockEvent, add_years, limitation_clock

D = dt.date


def clock(j, due, events=(), as_of=D(2030, 1, 1), us_years=4):
    return limitation_clock(j, due, [ClockEvent(k, d) for k, d in events], as_of, us_years)


def test_add_years_keeps_month_and_day_and_29_february_becomes_28():
    assert add_years(D(2024, 3, 15), 3) == D(2027, 3, 15)
    assert add_years(D(2024, 2, 29), 3) == D(2027, 2, 28)
    assert add_years(D(2024, 2, 29), 4) == D(2028, 2, 29)  # a leap year again keeps the 29th
    assert add_years(D(2024, 2, 29), 6) == D(2030, 2, 28)


@pytest.mark.parametrize("j, due, expires", [
    ("cn", D(2023, 5, 10), D(2026, 5, 10)),
    ("de", D(2023, 5, 10), D(2026, 12, 31)),
    ("de", D(2023, 12, 31), D(2026, 12, 31)),
    ("de", D(2024, 1, 1), D(2027, 12, 31)),
    ("uk", D(2023, 5, 10), D(2029, 5, 10)),
    ("us", D(2023, 5, 10), D(2027, 5, 10)),
    ("cn", D(2024, 2, 29), D(2027, 2, 28)),
    ("uk", D(2024, 2, 29), D(2030, 2, 28)),
    ("us", D(2024, 2, 29), D(2028, 2, 29)),
])
def test_without_a_restart(j, due, expires):
    c = clock(j, due)
    assert (c.expires_on, c.restarted_by, c.restarted_on) == (expires, None, None)


def test_us_years_is_a_setting():
    assert clock("us", D(2023, 5, 10), us_years=6).expires_on == D(2029, 5, 10)


def test_none_has_no_clock():
    assert clock("none", D(2023, 5, 10), [(lim.PART_PAYMENT, D(2024, 1, 1))]) is None


@pytest.mark.parametrize("j, kind, expires", [
    ("cn", lim.DEMAND_DELIVERED, D(2027, 6, 1)),
    ("cn", lim.PART_PAYMENT, D(2027, 6, 1)),
    ("cn", lim.ACKNOWLEDGEMENT, D(2027, 6, 1)),
    ("cn", lim.CONFIRMATION, D(2027, 6, 1)),
    ("de", lim.PART_PAYMENT, D(2027, 6, 1)),        # event + 3 years, no year-end
    ("de", lim.ACKNOWLEDGEMENT, D(2027, 6, 1)),
    ("de", lim.ORAL_ACKNOWLEDGEMENT, D(2027, 6, 1)),
    ("uk", lim.PART_PAYMENT, D(2030, 6, 1)),
    ("uk", lim.ACKNOWLEDGEMENT, D(2030, 6, 1)),
    ("uk", lim.CONFIRMATION, D(2030, 6, 1)),
    ("us", lim.PART_PAYMENT, D(2028, 6, 1)),
])
def test_each_restart_that_counts(j, kind, expires):
    c = clock(j, D(2023, 5, 10), [(kind, D(2024, 6, 1))])
    assert (c.expires_on, c.restarted_by, c.restarted_on) == (expires, kind, D(2024, 6, 1))


@pytest.mark.parametrize("j, kind", [
    ("de", lim.DEMAND_DELIVERED),        # letters do not restart in Germany
    ("uk", lim.DEMAND_DELIVERED),
    ("uk", lim.ORAL_ACKNOWLEDGEMENT),    # the UK wants it in writing
    ("us", lim.ACKNOWLEDGEMENT),
    ("us", lim.DEMAND_DELIVERED),
    ("us", lim.CONFIRMATION),
])
def test_events_that_do_not_restart(j, kind):
    c = clock(j, D(2023, 5, 10), [(kind, D(2024, 6, 1))])
    assert c.restarted_by is None and c.expires_on == lim.base_expiry(j, D(2023, 5, 10))


def test_restart_on_29_february():
    c = clock("cn", D(2023, 5, 10), [(lim.PART_PAYMENT, D(2024, 2, 29))])
    assert c.expires_on == D(2027, 2, 28)


def test_the_latest_of_several_events_counts_whatever_their_order():
    events = [(lim.ACKNOWLEDGEMENT, D(2025, 3, 1)), (lim.PART_PAYMENT, D(2024, 1, 5)),
              (lim.DEMAND_DELIVERED, D(2025, 9, 30)), (lim.PART_PAYMENT, D(2024, 11, 2))]
    c = clock("cn", D(2023, 5, 10), events)
    assert (c.expires_on, c.restarted_by, c.restarted_on) == (D(2028, 9, 30), lim.DEMAND_DELIVERED, D(2025, 9, 30))
    # in Germany the letter does not count: the acknowledgement is the latest that does
    c = clock("de", D(2023, 5, 10), events)
    assert (c.expires_on, c.restarted_by) == (D(2028, 3, 1), lim.ACKNOWLEDGEMENT)


def test_events_before_the_due_date_or_after_the_date_do_not_count():
    assert clock("cn", D(2023, 5, 10), [(lim.PART_PAYMENT, D(2023, 5, 9))]).restarted_by is None
    assert clock("cn", D(2023, 5, 10), [(lim.PART_PAYMENT, D(2023, 5, 10))]).expires_on == D(2026, 5, 10)
    later = clock("cn", D(2023, 5, 10), [(lim.PART_PAYMENT, D(2025, 1, 1))], as_of=D(2024, 12, 31))
    assert later.restarted_by is None


def test_an_event_after_the_claim_is_time_barred_does_not_revive_it():
    on_last_day = clock("cn", D(2020, 5, 10), [(lim.PART_PAYMENT, D(2023, 5, 10))])
    assert on_last_day.expires_on == D(2026, 5, 10)
    day_after = clock("cn", D(2020, 5, 10), [(lim.PART_PAYMENT, D(2023, 5, 11))])
    assert day_after.expires_on == D(2023, 5, 10) and day_after.restarted_by is None


def test_days_left():
    c = clock("cn", D(2023, 5, 10))
    assert c.days_left(D(2026, 5, 10)) == 0 and c.days_left(D(2026, 5, 11)) == -1
    assert c.days_left(D(2026, 2, 9)) == 90


def test_jurisdictions_from_the_country_and_parsing():
    assert [lim.default_jurisdiction(c) for c in ("CN", "de", "GB", "US", "FR", "")] == \
        ["cn", "de", "uk", "us", "none", "none"]
    assert lim.effective_jurisdiction("", "DE") == "de" and lim.effective_jurisdiction("uk", "DE") == "uk"
    assert lim.parse_jurisdiction(" UK ") == "uk" and lim.parse_jurisdiction("") == ""
    with pytest.raises(UserError, match="not a limitation jurisdiction"):
        lim.parse_jurisdiction("fr")


def test_each_jurisdiction_has_one_sentence():
    for j in lim.JURISDICTIONS:
        assert str(lim.explanation(j, 5)).count(".") >= 1
    assert "5 years" in str(lim.explanation("us", 5))
