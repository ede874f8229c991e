"""The credit-risk commands, run as a real program (exact CSV headers, one-line errors)."""

from __future__ import annotations

import pytest

from clirun import error, ok

INSURANCE = ("customer_code,insured_limit,exposure,insured_exposure,uninsured_exposure,expected_indemnity,"
             "oldest_unpaid_due,notify_by,transfer_by,status")
LIMITATION = "invoice_number,customer_code,jurisdiction,expires_on,days_left,restarted_by,restarted_on"


@pytest.fixture
def db(make_db) -> str:
    return make_db([{"code": "ACME", "name": "Acme, Inc."}, {"code": "UKCO", "name": "UK Co", "limitation": "uk"},
                    {"code": "NONE", "name": "No Clock", "limitation": "none"}],
                   [("A-1", "ACME", "2023-03-01", "4000.00"), ("A-2", "ACME", "2026-03-01", "3000.00"),
                    ("U-1", "UKCO", "2022-01-31", "50.00"), ("N-1", "NONE", "2020-01-01", "10.00")],
                   issued="2020-01-01")


def test_policy_insure_events_and_the_insurance_csv(db):
    ok("--db", db, "policy", "add", "--insurer", "Allianz Trade", "--number", "P-100", "--indemnity", "90",
       "--max-extension", "60", "--notify-within", "30", "--transfer-within", "90", "--discretionary", "20000")
    assert "P-100  Allianz Trade  indemnity 90%" in ok("--db", db, "policy", "list")
    ok("--db", db, "insure", "ACME", "--limit", "5000", "--from", "2023-01-01", "--ref", "EH-1")
    ok("--db", db, "insurer-event", "ACME", "notified", "--date", "2023-05-15")
    out = ok("--db", db, "insurance", "--as-of", "2023-05-20", "--format", "csv").splitlines()
    assert out == [INSURANCE,
                   "ACME,5000.00,7000.00,5000.00,2000.00,4500.00,2023-03-01,2023-05-30,2023-07-29,notified",
                   "NONE,,10.00,,,,2020-01-01,,,not_insured",
                   "UKCO,,50.00,,,,2022-01-31,,,not_insured"]
    out = ok("--db", db, "insurance", "--as-of", "2026-06-30", "--format", "csv").splitlines()
    assert out[1] == "ACME,5000.00,7000.00,5000.00,2000.00,4500.00,2023-03-01,2023-05-30,2023-07-29,transfer_late"
    assert "transfer_late" in ok("--db", db, "insurance", "--as-of", "2026-06-30")


def test_acknowledge_and_the_limitation_csv(db):
    ok("--db", db, "acknowledge", "U-1", "--date", "2024-02-29", "--note", "signed letter")
    out = ok("--db", db, "limitation", "--as-of", "2026-06-30", "--format", "csv").splitlines()
    assert out == [LIMITATION,
                   "A-1,ACME,de,2026-12-31,184,,",
                   "A-2,ACME,de,2029-12-31,1280,,",
                   "U-1,UKCO,uk,2030-02-28,1339,acknowledgement,2024-02-29"]
    within = ok("--db", db, "limitation", "--as-of", "2026-06-30", "--within", "184", "--format", "csv")
    assert within.splitlines() == [LIMITATION, "A-1,ACME,de,2026-12-31,184,,"]
    assert "A-1" in ok("--db", db, "limitation", "--as-of", "2026-06-30", "--within", "200")


def test_one_line_errors(db):
    assert "policy add needs --insurer" in error("--db", db, "policy", "add", "--number", "X")
    assert "No credit insurance policy" in error("--db", db, "insure", "ACME", "--limit", "5", "--from",
                                                 "2026-01-01")
    assert "not in the books" in error("--db", db, "acknowledge", "NOPE", "--date", "2026-01-01")
    assert "has no insured limit" in error("--db", db, "insurer-event", "ACME", "notified", "--date", "2026-01-01")
    assert "whole number of days" in error("--db", db, "limitation", "--as-of", "2026-06-30", "--within", "-3")
