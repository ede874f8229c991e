"""The collections commands, run as a real program (exact CSV formats, one-line errors)."""

from __future__ import annotations

import pytest

from clirun import ok, error

from ar_desktop.services import collection_log, disputes
from ar_desktop.services import payments

BY_CUSTOMER = ("customer_code,customer_name,overdue_amount,oldest_days_overdue,reached_step,next_step,"
               "next_step_date,state,last_step,last_step_date")
BY_INVOICE = "invoice_number,customer_code,due_date,days_overdue,open_amount,reached_step,disputed"


@pytest.fixture
def db(make_db) -> str:
    """Three customers on ladder B, dates in March 2026 (in the past for the real clock)."""
    def then(b):
        payments.record_payment(b, {"customer_code": "GAMMA", "date": "2026-02-20", "amount": "40.00"})
        collection_log.log_step(b, "ACME", "reminder", "2026-03-04")
        disputes.mark_dispute(b, "B-1", "wrong quantity", on="2026-03-24")

    return make_db([{"code": "ACME", "name": "Acme, Inc."}, {"code": "BETA", "name": "Beta GmbH", "credit_class": "C"},
                    {"code": "GAMMA", "name": "Gamma Ltd"}],
                   [("A-2", "ACME", "2026-03-01", "1234.50"), ("A-1", "ACME", "2026-03-10", "100.00"),
                    ("B-1", "BETA", "2026-03-25", "75.00"), ("G-1", "GAMMA", "2026-02-01", "40.00"),
                    ("G-2", "GAMMA", "2026-04-30", "10.00")],
                   issued="2026-01-15", then=then)


def test_by_customer_csv(db):
    out = ok("--db", db, "collections", "--as-of", "2026-03-21", "--format", "csv")
    assert out.splitlines() == [
        BY_CUSTOMER,
        'ACME,"Acme, Inc.",1334.50,20,demand_letter,demand_letter,2026-03-16,action_due,'
        'reminder,2026-03-04',
        "BETA,Beta GmbH,0.00,0,courtesy_reminder,courtesy_reminder,2026-03-20,action_due,,",
    ]


def test_by_customer_csv_disputed_and_empty(db):
    out = ok("--db", db, "collections", "--as-of", "2026-03-27", "--by", "customer", "--format", "csv")
    assert out.splitlines()[2] == "BETA,Beta GmbH,75.00,2,,,,disputed,,"
    assert ok("--db", db, "collections", "--as-of", "2026-01-20", "--format", "csv") == BY_CUSTOMER + "\n"


def test_by_invoice_csv(db):
    out = ok("--db", db, "collections", "--as-of", "2026-03-27", "--by", "invoice", "--format", "csv")
    assert out.splitlines() == [
        BY_INVOICE,
        "A-1,ACME,2026-03-10,17,100.00,demand_letter,no",
        "A-2,ACME,2026-03-01,26,1234.50,demand_letter,no",
        "B-1,BETA,2026-03-25,2,75.00,reminder,yes",
        "G-2,GAMMA,2026-04-30,-34,10.00,,no",
    ]


def test_table_format(db):
    out = ok("--db", db, "collections", "--as-of", "2026-03-21")
    lines = out.splitlines()
    assert lines[0].split() == BY_CUSTOMER.split(",")
    assert set(lines[1]) <= {"-", " "}
    assert lines[2].split()[:3] == ["ACME", "Acme,", "Inc."]
    assert "1334.50" in lines[2] and lines[2].endswith("reminder   2026-03-04")
    assert ok("--db", db, "collections", "--as-of", "2026-01-20") == "Nothing to chase on 2026-01-20.\n"


def test_log_and_promise(db):
    assert ok("--db", db, "log", "ACME", "--step", "demand_letter", "--date", "2026-03-22", "--note",
              "registered mail RR123") == "logged demand_letter done for ACME on 2026-03-22\n"
    out = ok("--db", db, "collections", "--as-of", "2026-03-23", "--format", "csv")
    assert out.splitlines()[1] == ('ACME,"Acme, Inc.",1334.50,22,demand_letter,legal_action,2026-04-05,waiting,'
                                   "demand_letter,2026-03-22")
    assert ok("--db", db, "promise", "ACME", "--date", "2026-04-05", "--amount", "500.00", "--made-on",
              "2026-03-24") == "recorded promise of ACME to pay 500.00 by 2026-04-05\n"
    out = ok("--db", db, "collections", "--as-of", "2026-03-25", "--format", "csv")
    assert ",promised," in out.splitlines()[1] and out.splitlines()[1].count("2026-04-09") == 1


@pytest.mark.parametrize("args, message", [
    (("log", "NOPE", "--step", "reminder", "--date", "2026-03-22"), "no customer with code 'NOPE'"),
    (("log", "ACME", "--step", "letter", "--date", "2026-03-22"), "'letter' is not a step"),
    (("log", "ACME", "--step", "reminder", "--date", "2099-03-22"), "in the future"),
    (("log", "ACME", "--step", "reminder", "--date", "22.03.2026"), "YYYY-MM-DD"),
    (("promise", "ACME", "--date", "2026-04-05", "--amount", "0", "--made-on", "2026-03-24"), "greater than zero"),
    (("promise", "ACME", "--date", "2026-04-05", "--amount", "99999", "--made-on", "2026-03-24"), "more than"),
    (("promise", "ACME", "--date", "2026-03-01", "--amount", "10", "--made-on", "2026-03-24"), "before the day"),
    (("collections", "--as-of", "2026-03-21", "--by", "region"), "invalid choice"),
])
def test_errors_are_one_line(db, args, message):
    assert message in error("--db", db, *args)


def test_dispute_part_of_an_invoice_and_resolve_it(db):
    out = ok("--db", db, "dispute", "A-2", "--reason", "234.50 of it was never delivered", "--amount", "234.50",
             "--date", "2026-03-20")
    assert out.strip() == "invoice A-2: 234.50 EUR of 1,234.50 open disputed; 1,000.00 still claimed"
    # the undisputed 1,000.00 is still chased: ACME stays on the ladder with the same step
    rows = ok("--db", db, "collections", "--as-of", "2026-03-21", "--format", "csv").splitlines()
    assert rows[1].startswith('ACME,"Acme, Inc.",1334.50,20,demand_letter,demand_letter,')
    assert "A-2" in error("--db", db, "dispute", "A-2", "--reason", "again")        # already disputed
    assert "more than is open" in error("--db", db, "dispute", "A-1", "--reason", "x", "--amount", "100.01")
    assert "is empty" in error("--db", db, "dispute", "A-1", "--reason", " ")
    assert ok("--db", db, "resolve", "A-2", "--date", "2026-03-25", "--note", "credit note").strip() \
        == "invoice A-2: dispute resolved"
    assert "not disputed" in error("--db", db, "resolve", "A-2")
    assert "no invoice number 'NOPE'" in error("--db", db, "dispute", "NOPE", "--reason", "x")
