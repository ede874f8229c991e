"""Build a big company file for the benchmarks: N invoices, ~10,000 customers, ~600,000 payments.

    .venv/bin/python benchmarks/build_big_file.py [--invoices 1000000] [--out /tmp/ar-bench/big-1000000.ardb]

The file is made by ``services.company_file.create_company`` (so it has the real schema, migrations
and application id) and filled through the storage layer's one bulk-insert path (``storage.bulk_repo.BulkWriter``),
in chunks, one transaction per chunk. Data are random but shaped like a real ledger and
reproducible (fixed seed):

* invoices spread over the 3 years up to today, numbered in issue order, issued to customers of
  very unequal size (a few large accounts, a long tail of small ones), terms 14-60 days;
* nearly everything older than four months is paid, about half of the last month is not; payments
  come a little before or after the due date, one payment settles 1-3 invoices of a customer;
  some open invoices carry a partial payment;
* a few invoices are disputed or voided; a few customers bill in USD or GBP.

Prints how long generating and each insert took.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import itertools
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ar_desktop.services.company_file import create_company  # noqa: E402
from ar_desktop.storage.bulk_repo import BulkSource, BulkWriter  # noqa: E402

DEFAULT_INVOICES = 1_000_000
DEFAULT_DIR = Path("/tmp/ar-bench")
CHUNK = 50_000
SEED = 20240601

_FIRST = ("Alpen", "Baltic", "Nord", "Rhein", "Sonnen", "Berg", "Hanse", "Elb", "Main", "Isar", "Atlas", "Delta",
          "Orion", "Polar", "Linden", "Eichen", "Falken", "Kristall", "Silber", "Golden", "Blue", "Green", "Red",
          "Oak", "Pine", "River", "Harbor", "Summit", "Pioneer", "Union", "Royal", "Metro", "Global", "Smith",
          "Müller", "Schmidt", "Weber", "Becker", "Hoffmann", "Schulz", "Koch", "Richter", "Wolf", "Neumann",
          "Zhang", "Wang", "Li", "Chen", "Dubois", "Martin", "Rossi", "Bianchi", "García", "López", "Novak")
_SECOND = ("Bau", "Logistik", "Technik", "Handel", "Druck", "Metall", "Elektro", "Foods", "Textil", "Software",
           "Medien", "Papier", "Holz", "Glas", "Chemie", "Transport", "Systems", "Trading", "Supply", "Energy",
           "Werkzeug", "Optik", "Pharma", "Möbel", "Garten", "Solar", "Marine", "Consulting", "Services", "Parts")
_FORM = ("GmbH", "AG", "KG", "GmbH & Co. KG", "e.K.", "Ltd", "Inc.", "S.A.", "S.r.l.", "SARL", "B.V.", "Co., Ltd.")
_CITIES = (("Berlin", "10115", "DE"), ("Hamburg", "20095", "DE"), ("München", "80331", "DE"),
           ("Köln", "50667", "DE"), ("Frankfurt am Main", "60311", "DE"), ("Stuttgart", "70173", "DE"),
           ("Leipzig", "04109", "DE"), ("Dresden", "01067", "DE"), ("Hannover", "30159", "DE"),
           ("Nürnberg", "90402", "DE"), ("Wien", "1010", "AT"), ("Zürich", "8001", "CH"), ("Paris", "75001", "FR"),
           ("Lyon", "69001", "FR"), ("Milano", "20121", "IT"), ("Madrid", "28001", "ES"),
           ("Amsterdam", "1012", "NL"), ("London", "EC1A", "GB"), ("Manchester", "M1", "GB"),
           ("New York", "10001", "US"), ("Chicago", "60601", "US"), ("Shanghai", "200000", "CN"))
_STREETS = ("Hauptstraße", "Bahnhofstraße", "Industriestraße", "Gartenweg", "Marktplatz", "Hafenstraße",
            "High Street", "Main Street", "Rue de la Paix", "Via Roma")
_METHODS = ("transfer", "transfer", "transfer", "direct debit", "cheque", "card")


def default_path(invoices: int) -> Path:
    return DEFAULT_DIR / f"big-{invoices}.ardb"


def _customers(rng: random.Random, n: int, now: dt.datetime) -> list[dict]:
    out = []
    for i in range(1, n + 1):
        city, postcode, country = rng.choice(_CITIES)
        currency = "USD" if country == "US" else "GBP" if country == "GB" else "EUR"
        if currency == "EUR" and rng.random() < 0.01:
            currency = "USD"
        name = f"{rng.choice(_FIRST)} {rng.choice(_SECOND)} {rng.choice(_FORM)}"
        if rng.random() < 0.3:
            name = f"{rng.choice(_FIRST)}-{name}"
        limit = rng.choice((None, None, 500_000, 1_000_000, 2_500_000, 5_000_000, 10_000_000))
        out.append(dict(
            id=i, code=f"C{i:05d}", name=name, contact=f"{rng.choice(('Anna', 'Ben', 'Clara', 'David', 'Eva'))} "
            f"{rng.choice(_FIRST)}", address=f"{rng.choice(_STREETS)} {rng.randint(1, 180)}", postcode=postcode,
            city=city, country=country, email=f"ap{i}@example.com", phone=f"+49 30 {rng.randint(100000, 999999)}",
            tax_id="", credit_limit=limit, credit_class=rng.choices("ABC", (3, 6, 1))[0],
            terms_days=rng.choice((14, 30, 30, 30, 45, 60)), currency=currency,
            language="de" if country in ("DE", "AT", "CH") else "zh" if country == "CN" else "en", notes="",
            on_hold=rng.random() < 0.01, late_charge_rule="", late_charge_rate="", created_at=now))
    return out


def _pay_probability(age_days: int) -> float:
    """Chance that an invoice issued ``age_days`` ago is (fully) paid by today."""
    if age_days > 120:
        return 0.985
    if age_days > 60:
        return 0.9
    if age_days > 30:
        return 0.75
    return 0.45


def generate(n_invoices: int, n_customers: int, today: dt.date, seed: int = SEED):
    """(customers, invoices, payments, allocations) as lists of column dicts, ids assigned."""
    rng = random.Random(seed)
    now = dt.datetime.combine(today, dt.time(9, 0))
    customers = _customers(rng, n_customers, now)
    # Unequal customer sizes: Pareto weights, so the biggest accounts have thousands of invoices.
    weights = list(itertools.accumulate(rng.paretovariate(1.2) for _ in customers))
    total_w = weights[-1]
    start = today - dt.timedelta(days=3 * 365)
    span = (today - start).days
    issue_offsets = sorted(rng.randrange(span + 1) for _ in range(n_invoices))

    invoices: list[dict] = []
    by_customer: dict[int, list[int]] = defaultdict(list)  # customer id -> invoice positions (issue order)
    for k, off in enumerate(issue_offsets):
        c = customers[bisect.bisect_left(weights, rng.random() * total_w)]
        issue = start + dt.timedelta(days=off)
        due = issue + dt.timedelta(days=c["terms_days"])
        amount = max(100, int(rng.lognormvariate(11.0, 1.1)))  # minor units: median ~600.00
        disputed = rng.random() < 0.01
        invoices.append(dict(
            id=k + 1, number=f"INV-{issue.year}-{k + 1:07d}", customer_id=c["id"], issue_date=issue, due_date=due,
            amount=amount, currency=c["currency"], reference=f"PO-{rng.randint(10000, 99999)}",
            description=rng.choice(("Goods", "Services", "Spare parts", "Maintenance", "Consulting", "Freight")),
            disputed=disputed, dispute_reason="quantity short" if disputed else "", voided=False, void_reason="",
            voided_on=None, created_at=now))
        by_customer[c["id"]].append(k)

    payments: list[tuple] = []  # (date, customer id, currency, [(invoice position, units)])
    for cid, positions in by_customer.items():
        pending: list[tuple[int, dt.date]] = []  # fully paid invoices waiting to be grouped into one payment
        for k in positions:
            inv = invoices[k]
            age = (today - inv["issue_date"]).days
            if not inv["disputed"] and rng.random() < 0.004 and age > 5:
                inv.update(voided=True, void_reason="issued twice", voided_on=inv["issue_date"] + dt.timedelta(
                    days=min(age, rng.randint(1, 20))))
                continue
            if not inv["disputed"] and rng.random() < _pay_probability(age):
                when = inv["due_date"] + dt.timedelta(days=int(rng.gauss(5, 12)))
                when = min(max(when, inv["issue_date"] + dt.timedelta(days=1)), today)
                pending.append((k, when))
                if len(pending) >= rng.choice((1, 1, 1, 2, 3)):
                    date = max(d for _, d in pending)
                    payments.append((date, cid, inv["currency"], [(p, invoices[p]["amount"]) for p, _ in pending]))
                    pending = []
            elif age > 30 and rng.random() < 0.08:  # a partial payment on an open invoice
                units = max(1, inv["amount"] * rng.choice((25, 40, 50)) // 100)
                date = min(inv["issue_date"] + dt.timedelta(days=rng.randint(10, 40)), today)
                payments.append((date, cid, inv["currency"], [(k, units)]))
        if pending:
            payments.append((max(d for _, d in pending), cid, invoices[pending[0][0]]["currency"],
                             [(p, invoices[p]["amount"]) for p, _ in pending]))

    payments.sort(key=lambda p: (p[0], p[1]))
    payment_rows, allocation_rows = [], []
    for pid, (date, cid, currency, parts) in enumerate(payments, start=1):
        payment_rows.append(dict(id=pid, customer_id=cid, date=date, amount=sum(u for _, u in parts),
                                 currency=currency, method=rng.choice(_METHODS), reference=f"BANK-{pid:08d}",
                                 created_at=now))
        for k, units in parts:
            allocation_rows.append(dict(payment_id=pid, invoice_id=k + 1, date=date, amount=units))
    return customers, invoices, payment_rows, allocation_rows


def build(path: Path, invoices: int = DEFAULT_INVOICES, customers: int = 10_000, *, quiet: bool = False) -> float:
    """Create the file at ``path`` (which must not exist); returns the seconds it took."""
    def say(text: str) -> None:
        if not quiet:
            print(text, flush=True)

    t0 = time.perf_counter()
    path.parent.mkdir(parents=True, exist_ok=True)
    today = dt.date.today()
    cust, invs, pays, allocs = generate(invoices, customers, today)
    t_gen = time.perf_counter() - t0
    say(f"generated {len(cust):,} customers, {len(invs):,} invoices, {len(pays):,} payments, "
        f"{len(allocs):,} allocations in {t_gen:.1f} s")
    books = create_company(path, "Benchmark Trading GmbH", "EUR", "DE")
    try:
        timings = {}
        source = BulkSource(f"{Path(__file__).name} --invoices {invoices} (generated, seed {SEED})", kind="generated")
        for label, rows, insert in (
                ("customers", cust, lambda w, chunk: w.customers(chunk)),
                ("invoices", invs, lambda w, chunk: w.invoices(chunk)),
                ("payments", pays, lambda w, chunk: w.payments(chunk, [])),
                # the invoices' paid totals and last payment dates follow from the allocations
                ("allocations", allocs, lambda w, chunk: w.payments([], chunk))):
            t = time.perf_counter()
            for i in range(0, len(rows), CHUNK):
                with books.db.session() as s:
                    insert(BulkWriter(s, source), rows[i:i + CHUNK])
            timings[label] = time.perf_counter() - t
            say(f"  inserted {len(rows):>9,} {label:<11} in {timings[label]:6.1f} s")
        del cust, invs, pays, allocs
        t = time.perf_counter()
        with books.db.engine.connect() as con:
            # No ANALYZE: the program never runs it, so the query plans measured are the ones users get.
            con.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        say(f"  checkpoint in {time.perf_counter() - t:.1f} s")
    finally:
        books.close()
    total = time.perf_counter() - t0
    say(f"built {path} ({path.stat().st_size / 2**20:,.0f} MB) in {total:.1f} s")
    return total


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--invoices", type=int, default=DEFAULT_INVOICES)
    p.add_argument("--customers", type=int, default=10_000)
    p.add_argument("--out", type=Path, help="the file to create (default /tmp/ar-bench/big-N.ardb)")
    p.add_argument("--force", action="store_true", help="replace the file if it exists")
    args = p.parse_args(argv)
    path = (args.out or default_path(args.invoices)).resolve()
    if path.exists():
        if not args.force:
            p.error(f"{path} exists; use --force to replace it")
        for extra in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            extra.unlink(missing_ok=True)
    build(path, args.invoices, args.customers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
