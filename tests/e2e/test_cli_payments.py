"""`payments` and `reverse-payment` on the command line, run as a real program."""

import csv
import datetime as dt
import io

from clirun import error, ok

HEADER = "payment_id,date,customer_code,amount,applied,unapplied,kind,method,reference,reversed_by"


def _company(tmp_path):
    db = tmp_path / "co.ardb"
    today = dt.date.today()
    (tmp_path / "customers.csv").write_text("code,name,terms_days\nACME,Acme Ltd,30\nBETA,Beta Inc,14\n",
                                            encoding="utf-8")
    (tmp_path / "invoices.csv").write_text(
        "number,customer_code,issue_date,amount\n"
        f"I-1,ACME,{(today - dt.timedelta(days=90)).isoformat()},100.00\n"
        f"I-2,BETA,{(today - dt.timedelta(days=60)).isoformat()},80.00\n", encoding="utf-8")
    (tmp_path / "payments.csv").write_text(
        "date,customer_code,amount,method,reference\n"
        f"{(today - dt.timedelta(days=10)).isoformat()},ACME,150.00,cheque,CHQ 7\n"
        f"{(today - dt.timedelta(days=5)).isoformat()},BETA,30.00,bank transfer,\"wire, part\"\n", encoding="utf-8")
    ok("--db", str(db), "init", "--company", "Test GmbH")
    for kind in ("customers", "invoices", "payments"):
        ok("--db", str(db), "import", kind, str(tmp_path / f"{kind}.csv"))
    return db


def _rows(db, *args):
    return list(csv.DictReader(io.StringIO(ok("--db", str(db), "payments", "--format", "csv", *args))))


def test_payments_lists_every_entry_with_the_contract_header(tmp_path):
    db = _company(tmp_path)
    out = ok("--db", str(db), "payments", "--format", "csv")
    assert out.splitlines()[0] == HEADER
    rows = _rows(db)
    assert [(r["customer_code"], r["amount"], r["applied"], r["unapplied"], r["kind"], r["method"], r["reference"],
             r["reversed_by"]) for r in rows] == [
        ("ACME", "150.00", "100.00", "50.00", "payment", "cheque", "CHQ 7", ""),
        ("BETA", "30.00", "30.00", "0.00", "payment", "bank transfer", "wire, part", "")]
    assert [r["customer_code"] for r in _rows(db, "--customer", "BETA")] == ["BETA"]
    since = (dt.date.today() - dt.timedelta(days=7)).isoformat()
    assert [r["customer_code"] for r in _rows(db, "--from", since)] == ["BETA"]
    assert _rows(db, "--to", (dt.date.today() - dt.timedelta(days=30)).isoformat()) == []
    table = ok("--db", str(db), "payments")
    assert "payment_id" in table.splitlines()[0] and "CHQ 7" in table
    assert "There is no customer with code NOPE" in error("--db", str(db), "payments", "--customer", "NOPE")
    assert "not a valid" in error("--db", str(db), "payments", "--from", "31.03.2026")


def test_reverse_payment_adds_an_entry_and_keeps_yesterdays_aging(tmp_path):
    db = _company(tmp_path)
    today = dt.date.today()
    yesterday = (today - dt.timedelta(days=1)).isoformat()
    aging_before = ok("--db", str(db), "aging", "--as-of", yesterday, "--format", "csv")
    pid = _rows(db, "--customer", "ACME")[0]["payment_id"]
    out = ok("--db", str(db), "reverse-payment", pid, "--date", today.isoformat(), "--reason", "cheque bounced")
    assert out.startswith(f"reversed payment {pid} on {today.isoformat()}: reversing entry ")
    rows = _rows(db, "--customer", "ACME")
    assert [(r["kind"], r["amount"], r["applied"], r["date"]) for r in rows] == [
        ("payment", "150.00", "100.00", (today - dt.timedelta(days=10)).isoformat()),
        ("reversal", "-150.00", "-100.00", today.isoformat())]
    assert rows[0]["reversed_by"] == rows[1]["payment_id"]
    assert ok("--db", str(db), "aging", "--as-of", yesterday, "--format", "csv") == aging_before
    acme_today = [r for r in csv.DictReader(io.StringIO(ok("--db", str(db), "aging", "--as-of", today.isoformat(),
                                                           "--format", "csv"))) if r["customer_code"] == "ACME"]
    assert acme_today[0]["total"] == "100.00"   # open again from the reversal on
    assert "already reversed" in error("--db", str(db), "reverse-payment", pid, "--date", today.isoformat(),
                                       "--reason", "again")
    beta = _rows(db, "--customer", "BETA")[0]["payment_id"]
    assert "Say why" in error("--db", str(db), "reverse-payment", beta, "--date", today.isoformat(), "--reason", " ")
    assert "There is no payment 999" in error("--db", str(db), "reverse-payment", "999", "--date",
                                              today.isoformat(), "--reason", "x")
