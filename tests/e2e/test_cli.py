"""The command line, run as a real program in a subprocess."""

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest

from clirun import run, ok, one_line_error

HEADER = "customer_code,customer_name,current,d1_30,d31_60,d61_90,over_90,total"








@pytest.fixture
def files(tmp_path):
    (tmp_path / "customers.csv").write_text("code,name,terms_days\nACME,Acme Ltd,30\nBETA,\"Beta, Inc.\",14\n",
                                            encoding="utf-8")
    (tmp_path / "invoices.csv").write_text(
        "number,customer_code,issue_date,amount\n"
        "I-1,ACME,2026-01-01,100.00\n"      # due 2026-01-31
        "I-2,ACME,2026-03-20,250.50\n"      # due 2026-04-19
        "I-3,BETA,2025-11-01,75.25\n",      # due 2025-11-15
        encoding="utf-8")
    today = dt.date.today().isoformat()
    (tmp_path / "payments.csv").write_text(f"date,customer_code,amount\n{today},ACME,40.00\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("module", [False, True])
def test_init_import_aging(files, module):
    db = files / "co.ardb"
    assert ok("--db", str(db), "init", "--company", "Test GmbH", "--country", "DE", module=module).strip() \
        == f"created {db}"
    assert ok("--db", str(db), "import", "customers", str(files / "customers.csv"), module=module).strip() \
        == "2 customers imported."
    assert ok("--db", str(db), "import", "invoices", str(files / "invoices.csv"), module=module).strip() \
        == "3 invoices imported."
    assert ok("--db", str(db), "import", "payments", str(files / "payments.csv"), module=module).strip() \
        == "1 payments imported."
    # as of 2026-03-15 the payment (dated today, later) is not yet subtracted
    out = ok("--db", str(db), "aging", "--as-of", "2026-03-15", "--format", "csv", module=module)
    assert out == (f"{HEADER}\n"
                   "ACME,Acme Ltd,0.00,0.00,100.00,0.00,0.00,100.00\n"
                   'BETA,"Beta, Inc.",0.00,0.00,0.00,0.00,75.25,75.25\n'
                   "TOTAL,Total,0.00,0.00,100.00,0.00,75.25,175.25\n")
    table = ok("--db", str(db), "aging", "--as-of", "2026-03-15", module=module)
    assert table.splitlines()[0] == "Currency: EUR"
    assert table.splitlines()[-1].split() == ["TOTAL", "Total", "0.00", "0.00", "100.00", "0.00", "75.25", "175.25"]


def test_errors_are_one_line(files):
    db = files / "co.ardb"
    ok("--db", str(db), "init", "--company", "Test GmbH")
    ok("--db", str(db), "import", "customers", str(files / "customers.csv"))

    assert "needs the company file" in one_line_error(run("aging", "--as-of", "2026-03-15"))
    assert "2026-02-30" in one_line_error(run("--db", str(db), "aging", "--as-of", "2026-02-30"))
    assert "not a valid as-of date" in one_line_error(run("--db", str(db), "aging", "--as-of", "15.03.2026",
                                                          module=True))
    assert "There is no company file" in one_line_error(run("--db", str(files / "none.ardb"), "aging", "--as-of",
                                                            "2026-03-15"))
    assert "There is no file" in one_line_error(run("--db", str(db), "import", "invoices", str(files / "nope.csv")))
    (files / "bad.csv").write_text("number,customer_code,issue_date,amount\nX,NOBODY,2026-01-01,1\n"
                                   "Y,ACME,2026-01-01,-1\n", encoding="utf-8")
    r = run("--db", str(db), "import", "invoices", str(files / "bad.csv"))
    assert r.returncode == 1
    line = one_line_error(r)
    assert "nothing was imported" in line and "row 2" in line and "row 3" in line
    out = ok("--db", str(db), "aging", "--as-of", "2026-03-15", "--format", "csv")
    assert out == f"{HEADER}\nTOTAL,Total,0.00,0.00,0.00,0.00,0.00,0.00\n"  # the refused import stored nothing
    assert "already exists" in one_line_error(run("--db", str(db), "init", "--company", "Again"))


def test_demo_has_overdue_invoices_in_every_bucket(tmp_path):
    db = tmp_path / "demo.ardb"
    assert ok("--db", str(db), "demo").strip() == f"created sample company in {db}"
    out = ok("--db", str(db), "aging", "--as-of", dt.date.today().isoformat(), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    total = rows[-1]
    assert total["customer_code"] == "TOTAL"
    for key in ("current", "d1_30", "d31_60", "d61_90", "over_90"):
        assert Decimal(total[key]) > 0, key
    assert sum(Decimal(r["total"]) for r in rows[:-1]) == Decimal(total["total"])
