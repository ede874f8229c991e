"""The ladder in working days of the company's country (a collection setting), on real company files
and the public holidays of the maintained `holidays` calendar."""

from __future__ import annotations

import datetime as dt

import pytest

from ar_desktop.clock import FixedClock
from ar_desktop.domain.credit import CreditSettings
from ar_desktop.services import collection_log, collection_settings, worklist
from ar_desktop.services import customers, invoicing
from ar_desktop.services.company_file import create_company
from ar_desktop.services.ladder_days import working_days_of

d = dt.date


def company(tmp_path, country: str):
    b = create_company(tmp_path / f"{country}.ardb", "Test Trading Ltd", "EUR", country, clock=FixedClock(d(2027, 1, 31)))
    customers.add_customer(b, {"code": "C1", "name": "C1 Ltd", "credit_class": "B"})   # reminder 3 days after due
    return b


def brief(b, as_of):
    r = next(r for r in worklist.worklist(b, as_of) if r.customer_code == "C1")
    return r.state, r.reached_step, r.next_step, r.next_step_date


@pytest.fixture
def german(tmp_path):
    b = company(tmp_path, "DE")
    invoicing.add_invoice(b, {"number": "R-1", "customer_code": "C1", "issue_date": "2026-11-22",
                              "due_date": "2026-12-22", "amount": "100.00"})   # due on a Tuesday
    yield b
    b.close()


def test_a_step_that_falls_over_a_weekend_and_holidays_moves_to_the_next_working_day(german):
    b = german
    # calendar days: the reminder is due on 25 December (Christmas Day)
    assert brief(b, d(2026, 12, 25)) == ("action_due", "reminder", "reminder", d(2026, 12, 25))
    collection_settings.set_collection_settings(b, collection_settings.CollectionSettings(credit=CreditSettings(),
                                                                                        working_days=True))
    assert collection_settings.collection_settings(b).working_days
    # working days: Wed 23, Thu 24, then Fri 25 and Sat 26 (Christmas holidays) and Sun 27 are skipped
    assert brief(b, d(2026, 12, 27)) == ("action_due", "courtesy_reminder", "courtesy_reminder", d(2026, 12, 17))
    assert brief(b, d(2026, 12, 28)) == ("action_due", "reminder", "reminder", d(2026, 12, 28))
    # the invoice list's step agrees
    rows = {r.invoice_number: r.reached_step for r in worklist.invoice_rows(b, d(2026, 12, 27))}
    assert rows == {"R-1": "courtesy_reminder"}
    collection_log.log_step(b, "C1", "reminder", d(2026, 12, 28))
    # the next step (phone call, 7 working days) skips New Year's Day and two weekends
    assert brief(b, d(2026, 12, 29))[2:] == ("phone_call", d(2027, 1, 4))


def test_china_counts_its_working_weekends_and_golden_week(tmp_path):
    cn = working_days_of("CN")
    # 30 September + 3 working days: 1-7 October are holidays, Thu 8, Fri 9 and Saturday 10 October
    # (a working day made up for the holidays: 调休)
    assert cn.add(d(2026, 9, 30), 3) == d(2026, 10, 10)
    assert working_days_of("DE").add(d(2026, 9, 30), 3) == d(2026, 10, 5)   # Thu 1, Fri 2, (3-4 weekend) Mon 5
    assert working_days_of("ZZ").add(d(2026, 12, 24), 1) == d(2026, 12, 25)  # unknown country: weekends only
