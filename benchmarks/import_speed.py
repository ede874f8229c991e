"""How fast `ar-desktop import` is, before and after a change: prints both, side by side (not a test).

    .venv/bin/python benchmarks/import_speed.py [--before main] [--invoices 100000] [--customers 5000]
                                                [--payments 60000] [--folder DIR]

Writes three CSV files (customers, invoices, payments) to a temporary folder once, then for each
version of the program (``--before``: a git revision, checked out in a temporary worktree by
``sides.before_tree``; "after": this working tree) creates an empty company file with `ar-desktop init`
and times each `ar-desktop --db FILE import KIND CSV` as a separate process, the way a bookkeeper
(or a script) runs it: wall time including the Python start, reading and checking every row, and
the one transaction that stores them, and the peak memory (RSS) of that process. About half of the
payments name the invoice they pay, the others are allocated oldest due first by the importer.
``--payments-only`` imports the customers and invoices once and times only the payments, each side into a copy.
For the payments also the system CPU and the peak anonymous memory (RssAnon, sampled: peak RSS also counts
file pages mapped in, which are the OS's cache).
Issue #10's targets: 100,000 invoices in under 3 s; 1,000,000 invoices and their ~950,000
payments in under 40 s each, with flat memory (``--invoices 1000000 --customers 10000
--payments 950000``).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import multiprocessing
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from array import array
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sides import ROOT, before_tree, revision, run_command  # noqa: E402


def write_csvs(folder: Path, n_customers: int, n_invoices: int, n_payments: int, today: dt.date,
               seed: int = 11) -> tuple[Path, Path, Path]:
    """The three CSV files in ``folder``. Lines are written as text (no cell needs quoting) and the random
    figures drawn with ``random()`` over precomputed day strings: a million invoices in seconds, not minutes."""
    customers, invoices, payments = folder / "customers.csv", folder / "invoices.csv", folder / "payments.csv"
    rng = random.Random(seed)
    rand = rng.random
    with customers.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["code", "name", "contact", "address", "postcode", "city", "country", "email", "credit_limit",
                    "credit_class", "terms_days", "currency", "language"])
        for i in range(1, n_customers + 1):
            w.writerow([f"K{i:05d}", f"Kunde {i} Handels GmbH", "Frau Meier", f"Hauptstraße {i % 200 + 1}",
                        "10115", "Berlin", "DE", f"ap{i}@example.com", rng.choice(["", "50000.00", "250000"]),
                        rng.choice("ABC"), rng.choice([14, 30, 30, 60]), "EUR", "en"])
    start = today - dt.timedelta(days=730)
    day = [(start + dt.timedelta(days=d)).isoformat() for d in range(730 + 61)]
    # per invoice (index i - 1): its issue day (days after start), customer number and amount in cents
    issue_at, customer_of, cents_of = array("H"), array("H"), array("q")
    with invoices.open("w", newline="", encoding="utf-8") as fh:
        fh.write("number,customer_code,issue_date,due_date,amount,currency,reference,description\n")
        lines = []
        for i in range(1, n_invoices + 1):
            d, c, cents = int(rand() * 720), 1 + int(rand() * n_customers), 1_000 + int(rand() * 4_999_001)
            issue_at.append(d)
            customer_of.append(c)
            cents_of.append(cents)
            due = "" if i % 2 else day[d + 30]   # half take the customer's terms
            lines.append(f"R{i:07d},K{c:05d},{day[d]},{due},{cents // 100}.{cents % 100:02d},,PO {i},"
                         "Goods delivered\n")
            if len(lines) == 10_000:
                fh.writelines(lines)
                lines.clear()
        fh.writelines(lines)
    last = (today - start).days
    with payments.open("w", newline="", encoding="utf-8") as fh:
        fh.write("date,customer_code,amount,invoice_number,reference,method\n")
        lines = []
        for k, j in enumerate(rng.sample(range(n_invoices), n_payments)):
            c, cents = customer_of[j], cents_of[j]
            paid_on = day[min(issue_at[j] + 5 + int(rand() * 56), last)]
            # Customers with an odd code number name the invoice; the others leave allocation to the
            # importer (so an allocated payment never takes an invoice another row names).
            number = f"R{j + 1:07d}" if c % 2 == 1 else ""
            lines.append(f"{paid_on},K{c:05d},{cents // 100}.{cents % 100:02d},{number},BANK {k},bank transfer\n")
            if len(lines) == 10_000:
                fh.writelines(lines)
                lines.clear()
        fh.writelines(lines)
    return customers, invoices, payments


def run_sampled(src: Path, args: list[str]) -> tuple[float, float, int, float, int]:
    """``run_command``'s figures, and the system CPU seconds and the peak anonymous memory (MB, RssAnon sampled
    every 0.1 s): peak RSS also counts file pages SQLite maps or the kernel maps in, which are the OS's cache;
    the anonymous part is the process's own (Python's objects, SQLite's caches and sorts)."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    t, anon = time.perf_counter(), 0
    with tempfile.TemporaryFile("w+") as err:
        child = subprocess.Popen([sys.executable, "-m", "ar_desktop", *args], cwd=src, env=env,
                                 stdout=subprocess.DEVNULL, stderr=err, text=True)
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            try:
                with open(f"/proc/{child.pid}/status", encoding="ascii") as fh:
                    anon = max(anon, next((int(line.split()[1]) for line in fh if line.startswith("RssAnon:")), 0))
            except OSError:   # no /proc (not Linux): the peak RSS only
                pass
            time.sleep(0.1)
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            err.seek(0)
            raise SystemExit(f"ar-desktop {' '.join(args)} failed in {src}: {err.read().strip()[:2000]}")
    return (time.perf_counter() - t, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024, usage.ru_stime,
            anon // 1024)


def books_file(version: Path, folder: Path, files: dict[str, Path]) -> Path:
    """``--payments-only``: a company file with the customers and invoices imported (by ``version``), made once in
    ``folder`` (reused when it is there) and copied for each side."""
    db = folder / "books.ardb"
    if not db.exists():
        part = folder / "books.part.ardb"
        for old in (part, *(Path(f"{part}{side}") for side in ("-wal", "-shm"))):
            old.unlink(missing_ok=True)
        run_command(version, ["--db", str(part), "init", "--company", "Import Bench GmbH"])
        for kind in ("customers", "invoices"):
            run_command(version, ["--db", str(part), "import", kind, str(files[kind])])
        run_command(version, ["--db", str(part), "check"])   # folds the log into the file
        shutil.rmtree(folder / "books.part.backups", ignore_errors=True)
        part.rename(db)
    return db


def time_version(label: str, version: Path, folder: Path, files: dict[str, Path],
                 books: Path | None = None) -> dict[str, tuple]:
    # compiled first, as an installed program is: with PYTHONDONTWRITEBYTECODE set, every command would
    # otherwise compile the package's sources again (~0.3 s of each figure)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(version / "ar_desktop")], check=True,
                   stdout=subprocess.DEVNULL)

    db = folder / f"{label}.ardb"
    for old in (db, *(Path(f"{db}{side}") for side in ("-wal", "-shm"))):
        old.unlink(missing_ok=True)   # a folder reused (--folder): a new company file each time
    shutil.rmtree(folder / f"{label}.backups", ignore_errors=True)
    if books is None:
        out = {"init": run_command(version, ["--db", str(db), "init", "--company", "Import Bench GmbH"])}
    else:   # the customers and invoices as imported once; checked as the commands before would have left it
        shutil.copy(books, db)
        out = {"init": run_command(version, ["--db", str(db), "check"])}
        files = {"payments": files["payments"]}
    for kind, path in files.items():
        if kind == "existing":   # invoices already in the file (--existing), imported before the timed ones
            out[kind] = run_command(version, ["--db", str(db), "import", "invoices", str(path)])
            continue
        run = run_sampled if kind == "payments" else run_command
        out[kind] = run(version, ["--db", str(db), "import", kind, str(path)])
        print(f"  {label:>6}: import {kind}: {out[kind][0]:.1f} s ({out[kind][1]:.1f} s CPU), {out[kind][2]} MB",
              flush=True)
    out["start"] = run_command(version, ["--version"])
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--before", default="main", help="git revision to compare with (default: main)")
    p.add_argument("--after", help="git revision to measure (default: this working tree)")
    p.add_argument("--customers", type=int, default=5_000)
    p.add_argument("--invoices", type=int, default=100_000)
    p.add_argument("--payments", type=int, default=60_000)
    p.add_argument("--existing", type=int, default=0,
                   help="invoices the file holds before the timed import of --invoices (the first rows of the same "
                        "file, numbered apart): an import into a file that is not new")
    p.add_argument("--keep", action="store_true", help="keep the folder with the CSV files and the company files")
    p.add_argument("--folder", type=Path, help="write the CSV files there once, and reuse them when they are "
                                               "there (same counts); the company files are written there too")
    p.add_argument("--payments-only", action="store_true",
                   help="import the customers and invoices once (by --before's version, into the folder) and time "
                        "only each side's import of the payments into a copy of that file")
    args = p.parse_args(argv)
    folder = args.folder or Path(tempfile.mkdtemp(prefix="ar-import-bench-"))
    try:
        t = time.perf_counter()
        names = [folder / f"{kind}.csv" for kind in ("customers", "invoices", "payments")]
        if args.folder and all(f.exists() for f in names):
            customers, invoices, payments = names
            print(f"reusing the CSV files in {folder}", flush=True)
        else:
            folder.mkdir(parents=True, exist_ok=True)
            # in a process of its own: the rows it keeps (a million at 1M) must not be in this process when it
            # starts the timed ones, whose peak RSS would then include them (a started child begins as its copy)
            with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
                customers, invoices, payments = pool.submit(write_csvs, folder, args.customers, args.invoices,
                                                            args.payments, dt.date.today()).result()
            print(f"wrote CSV files to {folder} in {time.perf_counter() - t:.1f} s", flush=True)
        files = {"customers": customers, "invoices": invoices, "payments": payments}
        if args.existing:
            existing = folder / f"existing-{args.existing}.csv"
            if not existing.exists():   # the invoices file's first rows, their numbers R... made E...
                with invoices.open(encoding="utf-8") as src, existing.open("w", encoding="utf-8") as out:
                    out.write(next(src))
                    out.writelines("E" + line[1:] for line, _k in zip(src, range(args.existing)))
            files = {"customers": customers, "existing": existing, **{k: v for k, v in files.items() if k != "customers"}}
        if not args.payments:   # --payments 0: the invoices alone
            del files["payments"]
        before = before_tree(args.before)
        rev = revision(args.before)
        after = before_tree(args.after) if args.after else ROOT
        books = books_file(before, folder, files) if args.payments_only else None
        figures = {"before": time_version("before", before, folder, files, books),
                   "after": time_version("after", after, folder, files, books)}
        counts = {"customers": args.customers, "invoices": args.invoices, "payments": args.payments}
        if args.existing:
            print(f"the timed invoices go into a file already holding {args.existing:,} invoices")
        load = os.getloadavg()[0]
        print(f"\nbefore: {args.before} ({rev}); after: {args.after or 'this working tree'}. Each command is one "
              f"process (Python start included): wall time, CPU time (user + system) and peak RSS. Load average "
              f"at the end: {load:.1f} on {os.cpu_count()} cores.\n")
        print("| command | rows | wall before | wall after | CPU before | CPU after | after, rows/CPU s "
              "| peak RSS before / after |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        for kind, n in counts.items():
            if kind not in files or (args.payments_only and kind != "payments"):
                continue
            (b, bc, bm, *bx), (a, ac, am, *ax) = figures["before"][kind], figures["after"][kind]
            print(f"| import {kind} | {n:,} | {b:.1f} s | {a:.1f} s | {bc:.1f} s | {ac:.1f} s | {n / ac:,.0f} "
                  f"| {bm} / {am} MB |")
            if bx:   # run_sampled's figures
                print(f"| ... of which system CPU; peak anonymous memory | | | | {bx[0]:.1f} s | {ax[0]:.1f} s | "
                      f"| {bx[1]} / {ax[1]} MB |")
        (b, bc, _), (a, ac, _) = figures["before"]["start"], figures["after"]["start"]
        print(f"| (Python start: ar-desktop --version) | | {b:.1f} s | {a:.1f} s | {bc:.1f} s | {ac:.1f} s | | |")
    finally:
        if args.keep or args.folder:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
