"""`kpi` and `forecast` as real commands: the exact CSV contracts and plain errors."""

import csv
import io
from decimal import Decimal

import pytest

from clirun import error, ok

METRICS = ["total_ar", "current_ar", "overdue_ar", "overdue_percent", "disputed_ar", "sales", "dso",
           "best_possible_dso", "average_days_delinquent", "cei", "average_days_to_pay", "average_days_late"]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli")
    (folder / "customers.csv").write_text("code,name,terms_days\nACME,Acme Ltd,30\nBETA,Beta,14\n", encoding="utf-8")
    (folder / "invoices.csv").write_text(
        "number,customer_code,issue_date,amount\n"
        "I-1,ACME,2026-01-01,100.00\n"      # due 2026-01-31
        "I-2,ACME,2026-03-20,250.50\n"      # due 2026-04-19
        "I-3,BETA,2025-11-01,75.25\n",      # due 2025-11-15
        encoding="utf-8")
    (folder / "payments.csv").write_text("date,customer_code,amount,invoice_number\n2026-02-10,ACME,100.00,I-1\n",
                                         encoding="utf-8")
    path = folder / "co.ardb"
    ok("--db", str(path), "init", "--company", "Test GmbH")
    for kind in ("customers", "invoices", "payments"):
        ok("--db", str(path), "import", kind, str(folder / f"{kind}.csv"))
    return str(path)


def test_kpi_csv_contract(db):
    out = ok("--db", db, "kpi", "--as-of", "2026-03-31", "--format", "csv")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["metric", "value"]
    assert [r[0] for r in rows[1:]] == METRICS
    values = dict(rows[1:])
    # open: I-2 250.50 (not yet due), I-3 75.25 (overdue); sales of the 90 days: I-1 100.00 and I-2 250.50
    assert values["total_ar"] == "325.75" and values["current_ar"] == "250.50" and values["overdue_ar"] == "75.25"
    assert values["overdue_percent"] == "23.1" and values["disputed_ar"] == "0.00"
    assert values["sales"] == "350.50"
    assert values["dso"] == "83.6"                  # 325.75 / 350.50 x 90 = 83.64
    assert values["average_days_to_pay"] == "40.0"  # I-1: issued 01-01, paid 02-10
    assert values["average_days_late"] == "10.0"
    assert out.endswith("\n") and "\r" not in out


def test_kpi_csv_empty_values_where_undefined(db):
    out = ok("--db", db, "kpi", "--as-of", "2025-10-01", "--days", "30", "--format", "csv")
    assert out == "metric,value\n" + "".join(
        f"{m},{'0.00' if m in ('total_ar', 'current_ar', 'overdue_ar', 'disputed_ar', 'sales') else '0.0' if m == 'overdue_percent' else ''}\n"
        for m in METRICS)


def test_kpi_table_shows_the_previous_period(db):
    out = ok("--db", db, "kpi", "--as-of", "2026-03-31")
    assert "Previous period" in out.splitlines()[2]
    assert any(line.startswith("DSO (days)") for line in out.splitlines())


def test_forecast_csv_contract(db):
    out = ok("--db", db, "forecast", "--as-of", "2026-03-31", "--weeks", "4", "--format", "csv")
    rows = list(csv.reader(io.StringIO(out)))
    # I-3 is overdue: tomorrow; I-2 is due 04-19 and ACME paid 10 days late: 04-29, after the 4 weeks
    assert rows == [["week_start", "expected"], ["2026-04-01", "75.25"], ["2026-04-08", "0.00"],
                    ["2026-04-15", "0.00"], ["2026-04-22", "0.00"], ["UNCERTAIN", "0.00"], ["LATER", "250.50"],
                    ["TOTAL", "325.75"]]
    default = list(csv.reader(io.StringIO(ok("--db", db, "forecast", "--as-of", "2026-03-31", "--format", "csv"))))
    assert len(default) == 1 + 13 + 3
    assert sum(Decimal(r[1]) for r in default[1:-1]) == Decimal(default[-1][1])


def test_bad_arguments_are_one_line_errors(db):
    assert "1 to 3660 days" in error("--db", db, "kpi", "--as-of", "2026-03-31", "--days", "0")
    assert "1 to 104 weeks" in error("--db", db, "forecast", "--as-of", "2026-03-31", "--weeks", "500")
    assert "as-of" in error("--db", db, "kpi", "--as-of", "31.03.2026")
    assert "currency" in error("--db", db, "kpi", "--as-of", "2026-03-31", "--currency", "EURO")


@pytest.mark.parametrize("kind,extra", [("aging", ["--detail", "--overdue-only"]), ("statements", []),
                                        ("kpi", ["--days", "30"]), ("forecast", ["--weeks", "8"]),
                                        ("aging", ["--language", "zh", "--class", "A"])])
def test_report_writes_a_pdf(db, tmp_path, kind, extra):
    out = tmp_path / f"{kind}.pdf"
    assert ok("--db", db, "report", kind, "--as-of", "2026-03-31", "--out", str(out), *extra).strip() == f"wrote {out}"
    assert out.read_bytes().startswith(b"%PDF-")


def test_report_review_writes_the_quarter_pack(db, tmp_path):
    out = tmp_path / "review.pdf"
    ok("--db", db, "report", "review", "--quarter", "2026Q1", "--out", str(out), "--customer", "ACME")
    assert out.read_bytes().startswith(b"%PDF-")


def test_report_errors_are_one_line(db, tmp_path):
    assert "needs --as-of" in error("--db", db, "report", "aging", "--out", str(tmp_path / "a.pdf"))
    assert "needs --quarter" in error("--db", db, "report", "review", "--out", str(tmp_path / "a.pdf"))
    assert "ending in .pdf" in error("--db", db, "report", "kpi", "--as-of", "2026-03-31", "--out",
                                     str(tmp_path / "a.csv"))
    assert "does not exist" in error("--db", db, "report", "kpi", "--as-of", "2026-03-31", "--out",
                                     str(tmp_path / "nope" / "a.pdf"))
    assert "not a quarter" in error("--db", db, "report", "review", "--quarter", "2026-1", "--out",
                                    str(tmp_path / "a.pdf"))
    assert not list(tmp_path.glob("*.pdf"))


def _sha(path) -> str:
    import hashlib
    from pathlib import Path

    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@pytest.mark.parametrize("command, header, line", [
    ("kpi", "metric,value", "total_ar,325.75"),
    ("aging", "customer_code,customer_name,current,d1_30,d31_60,d61_90,over_90,total",
     "BETA,Beta,0.00,0.00,0.00,0.00,75.25,75.25")])
def test_figures_only_read_and_load_no_orm(db, tmp_path, command, header, line):
    """The figures and aging commands open the file as every command does, but write nothing and never
    load SQLAlchemy (half of their time on a big file went to that): the file is byte for byte the same,
    still marked closed cleanly (the next open is not slowed by a full check)."""
    import shutil
    import subprocess
    import sys

    from ar_desktop.storage import clean_close

    path = tmp_path / "copy.ardb"
    ok("--db", db, "kpi", "--as-of", "2026-03-31")   # leaves the original closed cleanly
    shutil.copy(db, path)
    clean_close.mark_clean(path)
    before = _sha(path)
    code = (f"import sys; from ar_desktop.app import main; rc = main(['--db', sys.argv[1], '{command}', '--as-of', "
            "'2026-03-31', '--format', 'csv']); print('orm' if 'sqlalchemy' in sys.modules else 'plain'); sys.exit(rc)")
    r = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[0] == header and r.stdout.splitlines()[-1] == "plain"
    assert line in r.stdout.splitlines()
    assert _sha(path) == before and clean_close.closed_cleanly(path)


def test_kpi_refuses_a_damaged_or_foreign_file_before_reading(db, tmp_path):
    import os
    import shutil
    import sqlite3

    damaged = tmp_path / "damaged.ardb"
    shutil.copy(db, damaged)
    with damaged.open("r+b") as f:     # table pages overwritten, as a failing disk would
        f.seek(4096 * 6)
        f.write(os.urandom(4096 * 8))
    assert "damaged" in error("--db", str(damaged), "kpi", "--as-of", "2026-03-31", "--format", "csv")
    foreign = tmp_path / "foreign.ardb"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE invoice (id INTEGER PRIMARY KEY)")
    con.commit()
    con.close()
    assert "AR Desktop" in error("--db", str(foreign), "kpi", "--as-of", "2026-03-31")


def test_kpi_upgrades_an_older_file_first(tmp_path):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parents[1] / "storage"))
    from old_files import file_at_revision, invoice_sql

    path = file_at_revision(tmp_path / "old.ardb", "0005", invoice_sql(1, "2026-03-01", "2026-03-31", 12345),
                            invoice_sql(2, "2026-03-10", "2026-04-09", 500))
    out = ok("--db", str(path), "kpi", "--as-of", "2026-04-05", "--format", "csv")
    assert "total_ar,128.45" in out and "overdue_ar,123.45" in out and "current_ar,5.00" in out
    assert [p for p in tmp_path.rglob("*before-upgrade*")]   # upgraded as any command upgrades it


def test_forecast_only_reads_and_loads_no_orm(db, tmp_path):
    """`forecast` reads as `kpi` does, also on a file with a promise, a dispute and legal steps (its plain
    reads of storage.forecast_sql): the same figures as the service in the window, no SQLAlchemy loaded, the
    file byte for byte the same."""
    import shutil
    import subprocess
    import sys

    from ar_desktop.storage import clean_close

    path = tmp_path / "steps.ardb"
    shutil.copy(db, path)
    ok("--db", str(path), "promise", "ACME", "--date", "2026-04-08", "--amount", "200.00", "--made-on", "2026-03-25")
    ok("--db", str(path), "dispute", "I-2", "--reason", "damaged", "--amount", "20.50", "--date", "2026-03-26")
    for step, on in (("reminder", "2025-11-20"), ("phone_call", "2025-12-01"), ("demand_letter", "2025-12-15"),
                     ("legal_action", "2026-02-01")):
        ok("--db", str(path), "log", "BETA", "--step", step, "--date", on)
    clean_close.mark_clean(path)
    before = _sha(path)
    code = ("import sys; from ar_desktop.app import main; rc = main(['--db', sys.argv[1], 'forecast', '--as-of', "
            "'2026-03-31', '--weeks', '4', '--format', 'csv']); "
            "print('orm' if 'sqlalchemy' in sys.modules else 'plain'); sys.exit(rc)")
    r = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    rows = dict(line.split(",") for line in r.stdout.splitlines()[1:-1])
    assert r.stdout.splitlines()[-1] == "plain"
    # ACME's promise takes 200.00 of I-2 (230.00 not in dispute) on 04-08 (week 2); the other 30.00 is due
    # 04-19 + ACME's 10 days late (I-1), after the 4 weeks; 20.50 disputed and BETA's I-3, under legal
    # action, are uncertain
    assert rows == {"2026-04-01": "0.00", "2026-04-08": "200.00", "2026-04-15": "0.00", "2026-04-22": "0.00",
                    "UNCERTAIN": "95.75", "LATER": "30.00", "TOTAL": "325.75"}
    assert _sha(path) == before and clean_close.closed_cleanly(path)


def test_other_commands_load_neither_the_figures_nor_the_forecast(db):
    """Only `kpi`, `forecast` and the reports import the figures' and the forecast's modules (10-40 ms a command
    that never uses them): the command line names their default lengths from domain.figure_periods."""
    import subprocess
    import sys

    code = ("import sys; from ar_desktop.app import main; rc = main(['--db', sys.argv[1], 'company']); "
            "print(sorted(m for m in ('ar_desktop.domain.kpi', 'ar_desktop.domain.forecast') if m in sys.modules)); "
            "sys.exit(rc)")
    r = subprocess.run([sys.executable, "-c", code, db], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[-1] == "[]"
