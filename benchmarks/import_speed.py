"""How fast `ar-desktop import` is: prints timings (not a test).

    .venv/bin/python benchmarks/import_speed.py [--invoices 100000] [--customers 5000] [--payments 60000]

Writes three CSV files (customers, invoices, payments) to a temporary folder, creates an empty
company file with `ar-desktop init`, then times each `ar-desktop --db FILE import KIND CSV` as a
separate process, the way a bookkeeper (or a script) runs it: wall time including the Python
start, reading and checking every row, and the one transaction that stores them. About half of
the payments name the invoice they pay, the others are allocated oldest due first by the importer.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_SCRIPT = Path(sys.executable).with_name("ar-desktop")  # the installed console script, as users run it
CLI = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "ar_desktop"]


def write_csvs(folder: Path, n_customers: int, n_invoices: int, n_payments: int, today: dt.date,
               seed: int = 11) -> tuple[Path, Path, Path]:
    rng = random.Random(seed)
    customers = folder / "customers.csv"
    with customers.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["code", "name", "contact", "address", "postcode", "city", "country", "email", "credit_limit",
                    "credit_class", "terms_days", "currency", "language"])
        for i in range(1, n_customers + 1):
            w.writerow([f"K{i:05d}", f"Kunde {i} Handels GmbH", "Frau Meier", f"Hauptstraße {i % 200 + 1}",
                        "10115", "Berlin", "DE", f"ap{i}@example.com", rng.choice(["", "50000.00", "250000"]),
                        rng.choice("ABC"), rng.choice([14, 30, 30, 60]), "EUR", "en"])
    invoices = folder / "invoices.csv"
    start = today - dt.timedelta(days=730)
    issued: list[tuple[str, str, dt.date, int]] = []  # number, customer, issue date, cents
    with invoices.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["number", "customer_code", "issue_date", "due_date", "amount", "currency", "reference",
                    "description"])
        for i in range(1, n_invoices + 1):
            issue = start + dt.timedelta(days=rng.randrange(720))
            cust = f"K{rng.randint(1, n_customers):05d}"
            cents = rng.randint(1_000, 5_000_000)
            due = "" if i % 2 else (issue + dt.timedelta(days=30)).isoformat()  # half take the customer's terms
            w.writerow([f"R{i:07d}", cust, issue.isoformat(), due, f"{cents // 100}.{cents % 100:02d}", "",
                        f"PO {i}", "Goods delivered"])
            issued.append((f"R{i:07d}", cust, issue, cents))
    payments = folder / "payments.csv"
    with payments.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["date", "customer_code", "amount", "invoice_number", "reference", "method"])
        for k, (number, cust, issue, cents) in enumerate(rng.sample(issued, n_payments)):
            paid_on = min(issue + dt.timedelta(days=rng.randint(5, 60)), today)
            # Customers with an odd code number name the invoice; the others leave allocation to the
            # importer (so an allocated payment never takes an invoice another row names).
            named = int(cust[1:]) % 2 == 1
            w.writerow([paid_on.isoformat(), cust, f"{cents // 100}.{cents % 100:02d}", number if named else "",
                        f"BANK {k}", "bank transfer"])
    return customers, invoices, payments


def run(args: list[str]) -> float:
    t = time.perf_counter()
    done = subprocess.run(CLI + args, cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - t
    if done.returncode != 0:
        raise SystemExit(f"ar-desktop {' '.join(args)} failed ({done.returncode}): {done.stderr.strip()[:2000]}")
    return seconds


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--customers", type=int, default=5_000)
    p.add_argument("--invoices", type=int, default=100_000)
    p.add_argument("--payments", type=int, default=60_000)
    p.add_argument("--keep", action="store_true", help="keep the folder with the CSV files and the company file")
    args = p.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="ar-import-bench-"))
    try:
        t = time.perf_counter()
        customers, invoices, payments = write_csvs(folder, args.customers, args.invoices, args.payments,
                                                   dt.date.today())
        print(f"wrote CSV files to {folder} in {time.perf_counter() - t:.1f} s", flush=True)
        db = folder / "import.ardb"
        rows = [("ar-desktop init", run(["--db", str(db), "init", "--company", "Import Bench GmbH"]), "")]
        for kind, path, n in (("customers", customers, args.customers), ("invoices", invoices, args.invoices),
                              ("payments", payments, args.payments)):
            seconds = run(["--db", str(db), "import", kind, str(path)])
            rows.append((f"ar-desktop import {kind}", seconds, f"{n:,} rows, {n / seconds:,.0f} rows/s"))
        print(f"  {'command':<32} {'wall time':>10}")
        for label, seconds, text in rows:
            print(f"  {label:<32} {seconds:>9.1f}s  {text}")
        print(f"  {'(Python start + imports alone)':<32} {run(['--version']):>9.1f}s")
    finally:
        if args.keep:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
