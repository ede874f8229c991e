"""The payments importer's quick lane (plain rows naming one invoice, checked and applied in SQL:
storage.payment_staging) against its Python checks alone: the same random bank files, imported both ways
into copies of the same books, store the same payments and allocations, leave every invoice with the same
paid total and derived columns and the same summary of clearings, and name the same problems (row, column,
value, message, in the same order), whatever the mix of plain rows (naming their invoice, or spread oldest
due first with credit left over), rows the Python checks apply (discounts, recoveries, a customer's rows
after one of those) and rows with problems."""

from __future__ import annotations

import datetime as dt
import random
import shutil
import sqlite3
from pathlib import Path

import pytest

from ar_desktop.clock import FixedClock
from ar_desktop.domain.text import english
from ar_desktop.services import import_payments, importing
from ar_desktop.services.adjustments import write_off
from ar_desktop.services.backups import check_path
from ar_desktop.services.company_file import open_company
from ar_desktop.services.customers import add_customer
from ar_desktop.services.importing import ImportRefused, import_file
from ar_desktop.services.invoicing import add_invoice, void_invoice
from ar_desktop.services.payments import record_payment
from ar_desktop.storage.payment_staging import PaymentStaging

TODAY = dt.date(2026, 3, 31)   # the books fixture's
HEADER = ["date", "customer_code", "amount", "currency", "method", "reference", "invoice_number"]
CODES = ["ACME", "JP", "PROMPT", "BH", "WO", *(f"C{k}" for k in range(8))]
STORED_BY_SQL: list[int] = []
SPREAD_BY_SQL: list[int] = []   # of those, the rows naming no invoice
INVOICES = {code: [f"{code}-{k}" for k in range(40)] for code in CODES}


@pytest.fixture
def base(books) -> Path:
    add_customer(books, {"code": "ACME", "name": "Acme", "terms_days": "30"})
    add_customer(books, {"code": "JP", "name": "Nippon", "currency": "JPY", "terms_days": "10"})
    add_customer(books, {"code": "PROMPT", "name": "Prompt", "terms": "2/10 net 30"})   # discounts
    add_customer(books, {"code": "BH", "name": "Bahrain", "currency": "BHD"})
    add_customer(books, {"code": "WO", "name": "Written off"})
    for code in CODES[5:]:
        add_customer(books, {"code": code, "name": f"Customer {code}"})
    rng = random.Random(5)
    ids = {}
    for code, numbers in INVOICES.items():
        for k, number in enumerate(numbers):
            amount = str(rng.randint(100, 5000)) if code == "JP" else f"{rng.randint(100, 5000)}.{k:02d}"
            fields = {"number": number, "customer_code": code, "amount": amount,
                      "issue_date": f"2025-05-{1 + k % 27:02d}"}
            if code in ("PROMPT", "C5", "C6", "C7"):   # issued over the months of the payments: not all open then
                fields["issue_date"] = (dt.date(2025, 5, 1) + dt.timedelta(days=rng.randint(0, 300))).isoformat()
            if code == "C6" and k % 3 == 0:  # due dates of their own: oldest due first is not oldest issued
                fields["due_date"] = max(fields["issue_date"], rng.choice(["2025-09-30", "2026-01-15"]))
            ids[number] = add_invoice(books, fields)
    void_invoice(books, ids["ACME-3"], "cancelled", on=dt.date(2026, 3, 20))
    record_payment(books, {"date": "2026-03-02", "customer_code": "ACME", "amount": "50.00",
                           "invoice_number": "ACME-4", "reference": "early"})
    write_off(books, "WO-0", None, "insolvent", date=dt.date(2026, 2, 10))
    path = Path(books.db.path)
    books.close()
    return path


def _row(rng: random.Random, n: int, odd: float, earlier: list[dict[str, str]], spread: float) -> dict[str, str]:
    code = rng.choice(CODES)
    day = dt.date(2025, 6, 1) + dt.timedelta(days=rng.randint(0, 303))   # to TODAY
    row = {"date": day.isoformat(), "customer_code": code,
           "amount": str(rng.randint(1, 400)) if code == "JP" else f"{rng.randint(1, 400)}.{rng.randint(0, 99):02d}",
           "currency": "", "method": rng.choice(["", "", "bank transfer", "cheque"]), "reference": f"BANK {n}",
           "invoice_number": rng.choice(INVOICES[code])}
    if rng.random() < spread:   # no invoice named: spread oldest due first, from part of one to many, or credit
        row["invoice_number"] = ""
        top = rng.choice([500, 3000, 20000])
        row["amount"] = str(rng.randint(1, top)) if code == "JP" else f"{rng.randint(1, top)}.{rng.randint(0, 99):02d}"
    if rng.random() < odd:
        key = rng.choice(["date", "customer_code", "amount", "currency", "method", "reference", "invoice_number",
                          "auto", "twice", "big", "again", "booked"])
        if key == "again" and earlier:   # a row of the file again (the same batch or another)
            return dict(rng.choice(earlier[-80:]))
        if key == "booked":   # a payment in the books already
            return row | {"date": "2026-03-02", "customer_code": "ACME", "amount": "50.00", "reference": "early",
                          "currency": "", "method": "", "invoice_number": rng.choice(["ACME-4", "ACME-5"])}
        if key == "auto":   # allocated oldest due first: it may pay what a plain row of the batch names
            row["invoice_number"] = ""
            row["amount"] = str(rng.randint(100, 3000)) if code == "JP" else f"{rng.randint(100, 3000)}.00"
        elif key == "twice":
            row["reference"] = "BANK 0"
            row["date"] = "2026-03-01"
        elif key == "big":
            row["amount"] = "4999.00"
        else:
            row[key] = rng.choice({
                "date": ["2026-02-30", "2026-04-15", "2026-3-01", "", "01.03.2026", "1989-01-01"],
                "customer_code": ["NOBODY", "acme", ""],
                "amount": ["0", "-5", "10.001", "1,5", "12.", "", "99999999999", "7"],
                "currency": ["EUR", "JPY", "eur", "XXX"],
                "method": ["wire", "cash", "Cheque"],
                "reference": ["\u202eevil", "x" * 101, "上海", ""],
                "invoice_number": ["ACME-1", "JP-2", "NONE-1", "ACME-3", "C1-1", "WO-0", "PROMPT-2"],
            }[key])
    return row


def _file(folder: Path, seed: int, rows: int, odd: float, spread: float = 0.0) -> Path:
    rng = random.Random(seed)
    header = HEADER if rng.random() < 0.7 else [k for k in HEADER if k not in ("currency", "method")]
    lines = [",".join(header)]
    earlier: list[dict[str, str]] = []
    for n in range(rows):
        cells = _row(rng, n, odd, earlier, spread)
        earlier.append(cells)
        lines.append(",".join('"' + cells[k].replace('"', '""') + '"' for k in header))
    path = folder / f"p{seed}.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _import(base: Path, folder: Path, name: str, path: Path, quick: bool, monkeypatch, cells: int = 37, **options):
    db = folder / f"{name}.ardb"
    shutil.copyfile(base, db)
    monkeypatch.setattr(importing, "BATCH", 37)   # many batches: states carried from batch to batch
    # the rows the quick lane applies at a time (those it leaves, read back for the Python checks 37 at a time)
    monkeypatch.setattr(import_payments.PaymentRows, "cells_batch", cells)
    if quick:
        store = PaymentStaging.store_plain

        def counted(self, *a):
            stored = store(self, *a)
            STORED_BY_SQL.append(len(stored[0]))
            rows = set(stored[0])   # ... those naming no invoice
            SPREAD_BY_SQL.append(sum(1 for n, cells in zip(self._ns, self._cells) if n in rows and not (
                cells.split("\x1f") if isinstance(cells, str) else cells)[self._number_at]))
            return stored
        STORED_BY_SQL.clear()
        SPREAD_BY_SQL.clear()
        monkeypatch.setattr(PaymentStaging, "store_plain", counted)
    else:
        monkeypatch.setattr(import_payments.PaymentRows, "quick_lane", lambda *_a: False)
    books = open_company(db, clock=FixedClock(TODAY))
    try:
        try:
            report = import_file(books, "payments", path, **options)
        except ImportRefused as e:
            report = e.report
    finally:
        books.close()
        monkeypatch.undo()
    assert check_path(db).ok
    con = sqlite3.connect(db)
    try:
        key = "p.customer_id, p.date, p.amount, p.currency, p.method, p.reference, p.note"
        payments = sorted(con.execute(
            f"SELECT {key}, p.reverses_id IS NULL, e.reference, e.amount FROM payment p "
            "LEFT JOIN payment e ON e.id = p.earned_by_id"))
        allocations = sorted(con.execute(
            f"SELECT {key}, i.number, a.date, a.amount FROM allocation a JOIN payment p ON p.id = a.payment_id "
            "JOIN invoice i ON i.id = a.invoice_id"))
        invoices = sorted(con.execute("SELECT number, paid, last_paid_on, cleared_on, closed_on, span_class "
                                      "FROM invoice"))
        summary = sorted(con.execute("SELECT * FROM clearing_month"))
        order = [r[0] for r in con.execute("SELECT reference FROM payment WHERE id > 2 ORDER BY id")]
    finally:
        con.close()
    problems = [(e.row, e.column, e.value, english(e.message)) for e in report.errors]
    counts = (report.rows, report.new, report.skipped_count, report.error_count)
    return payments, allocations, invoices, summary, problems, counts, order


@pytest.mark.parametrize("seed, odd, options", [
    (1, 0.0, {}), (2, 0.1, {}), (3, 0.3, {"mode": "skip"}), (4, 0.15, {"mode": "skip"}), (5, 0.05, {}),
])
def test_the_quick_lane_stores_and_refuses_exactly_what_the_python_checks_do(base, tmp_path, monkeypatch, seed, odd,
                                                                            options):
    path = _file(tmp_path, seed, 300, odd)
    python = _import(base, tmp_path, "python", path, False, monkeypatch, **options)
    quick = _import(base, tmp_path, "quick", path, True, monkeypatch, **options)
    assert quick[4] == python[4]            # the same problems, in the same order
    assert quick[5] == python[5]            # the same counts
    assert quick[:4] == python[:4]          # the same payments, allocations, invoices and summary
    assert sum(STORED_BY_SQL) > 20          # the quick lane took rows
    assert python[5][1] - sum(STORED_BY_SQL) > 10   # and the Python checks others
    if options.get("mode") != "skip" and not python[4]:
        assert python[5][1] == 300


@pytest.mark.parametrize("seed, odd, spread, options", [
    (11, 0.0, 0.6, {}), (12, 0.1, 0.5, {"mode": "skip"}), (13, 0.0, 0.9, {}), (14, 0.2, 0.7, {"mode": "skip"}),
    (15, 0.05, 1.0, {}),
])
def test_rows_spread_oldest_due_first_in_sql_are_stored_as_the_python_checks_store_them(
        base, tmp_path, monkeypatch, seed, odd, spread, options):
    """Most rows name no invoice: several of a customer in one batch (one round per rank), invoices issued
    after a payment's day, due dates out of the order of issue, payments of part of an invoice, of many and
    with credit left over, a customer with discounts and one with a write-off (the Python checks')."""
    path = _file(tmp_path, seed, 400, odd, spread)
    python = _import(base, tmp_path, "python", path, False, monkeypatch, **options)
    quick = _import(base, tmp_path, "quick", path, True, monkeypatch, **options)
    assert quick[4] == python[4]
    assert quick[5] == python[5]
    assert quick[:4] == python[:4]
    assert sum(SPREAD_BY_SQL) > 100 * spread       # SQL spread rows
    assert python[5][1] - sum(STORED_BY_SQL) > 10  # and the Python checks took others (discounts, write-offs)


@pytest.mark.parametrize("seed, cells", [(31, 37), (32, 100), (33, 400)])
def test_files_of_rows_naming_no_invoice_are_stored_and_summed_as_the_python_checks_store_them(
        base, tmp_path, monkeypatch, seed, cells):
    """Every row spread oldest due first and none refused, so both imports commit: the same payments, allocations,
    invoices and summary of clearings, and ``check`` sound on both (the summary of balances, whose sums the lane
    puts in batch by batch, and the runs of late payments against their recomputation). The customers' queues
    are carried from batch to batch (37 or 100 rows a batch) or walked in one (400); the Python checks take the
    rows of the customers with discounts or a write-off between the lane's, and their queues are read again."""
    path = _file(tmp_path, seed, 400, 0.0, 1.0)
    python = _import(base, tmp_path, "python", path, False, monkeypatch)
    quick = _import(base, tmp_path, "quick", path, True, monkeypatch, cells=cells)
    assert not python[4] and python[5] == (400, 400, 0, 0)   # committed
    assert quick[4:6] == python[4:6] and quick[:4] == python[:4]
    assert sum(SPREAD_BY_SQL) > 250 and sum(STORED_BY_SQL) < 400   # SQL spread most, the Python checks the rest


def test_a_customer_paid_by_a_named_row_has_its_open_invoices_read_again_for_its_next_spread_row(
        base, tmp_path, monkeypatch):
    """The lane keeps a customer's open invoices from batch to batch while only its spread rows pay them: C1's
    first row pays part of its oldest invoice; a row of the next batch names its second oldest (paid in SQL by
    number); a row of the third pays everything open, and so what is left of both and no more."""
    rows = ["2025-07-01,C1,1.00,,first", *(f"2025-07-01,C2,1.{k:02d},,fill {k}" for k in range(36)),
            "2025-07-02,C1,10.00,C1-27,named", *(f"2025-07-02,C2,2.{k:02d},,fill {k}" for k in range(36)),
            "2025-12-01,C1,60000.00,,all"]
    path = tmp_path / "named.csv"
    path.write_text("date,customer_code,amount,invoice_number,reference\n" + "\n".join(rows) + "\n", encoding="utf-8")
    python = _import(base, tmp_path, "python", path, False, monkeypatch)
    quick = _import(base, tmp_path, "quick", path, True, monkeypatch)
    assert not python[4] and python[5][1] == len(rows)
    assert quick[4:6] == python[4:6] and quick[:4] == python[:4]
    assert STORED_BY_SQL[:3] == [37, 37, 1] and SPREAD_BY_SQL[:3] == [37, 36, 1]


def test_a_file_the_lane_cannot_read_goes_to_the_python_checks(base, tmp_path, monkeypatch):
    """A kind column (corrections), or no invoice numbers: no row is applied in SQL."""
    path = tmp_path / "kinds.csv"
    path.write_text("date,customer_code,amount,invoice_number,kind,reference\n"
                    "2026-03-03,ACME,10.00,ACME-1,payment,one\n", encoding="utf-8")
    _payments, _allocations, _invoices, _summary, problems, counts, _order = _import(
        base, tmp_path, "kinds", path, True, monkeypatch)
    assert not problems and counts[1] == 1 and STORED_BY_SQL == []


def test_a_plain_row_after_one_allocated_oldest_due_first_in_its_batch_waits_for_it(base, tmp_path, monkeypatch):
    """A payment allocated oldest due first may pay the invoice a plain row further down names: that row is
    then refused ("already paid") or pays less, exactly as the Python checks alone decide."""
    path = tmp_path / "order.csv"
    rows = ["2025-07-01,C1,60000.00,,all of them", *(f"2025-07-{2 + k:02d},C1,10.00,C1-{k},one" for k in range(20)),
            "2025-07-01,C2,10.00,C2-0,plain"]
    path.write_text("date,customer_code,amount,invoice_number,reference\n" + "\n".join(rows) + "\n", encoding="utf-8")
    python = _import(base, tmp_path, "python", path, False, monkeypatch, mode="skip")
    quick = _import(base, tmp_path, "quick", path, True, monkeypatch, mode="skip")
    assert python[4] and quick[4] == python[4]   # "already paid" on the plain rows after the first
    assert quick[:4] == python[:4]
    assert sum(STORED_BY_SQL) == 2               # C2's row, and C1's first row, spread oldest due first
    assert sum(SPREAD_BY_SQL) == 1


def test_discounts_and_recoveries_of_rows_naming_no_invoice_are_left_to_the_python_checks(books, tmp_path,
                                                                                         monkeypatch):
    """Spread oldest due first, 98.00 paid in time on an invoice of 100.00 under 2/10 net 30 settles it with a
    discount of 2.00 (its own entry), and what a payment leaves over is a recovery for a customer with a
    write-off not recovered yet: the Python checks book those; a customer's rows after them wait for them."""
    add_customer(books, {"code": "DISC", "name": "Discounts", "terms": "2/10 net 30"})
    add_customer(books, {"code": "WOFF", "name": "Written off"})
    add_customer(books, {"code": "PLAIN", "name": "Plain"})
    for number, code in (("D-1", "DISC"), ("D-2", "DISC"), ("W-1", "WOFF"), ("W-2", "WOFF"), ("P-1", "PLAIN")):
        add_invoice(books, {"number": number, "customer_code": code, "amount": "100.00", "issue_date": "2026-03-01"})
    write_off(books, "W-1", None, "insolvent", date=dt.date(2026, 3, 10))
    path = Path(books.db.path)
    books.close()
    csv = tmp_path / "discount.csv"
    csv.write_text("date,customer_code,amount,invoice_number,reference\n"
                   "2026-03-05,DISC,98.00,,in time\n2026-03-20,DISC,50.00,,late\n2026-03-20,WOFF,150.00,,more\n"
                   "2026-03-05,PLAIN,30.00,,part\n", encoding="utf-8")
    python = _import(path, tmp_path, "python", csv, False, monkeypatch)
    quick = _import(path, tmp_path, "quick", csv, True, monkeypatch)
    assert quick[:6] == python[:6]
    assert [p[2] for p in python[0] if p[4] == "discount"] == [200]   # the discount entry
    assert [p[2] for p in python[0] if p[4] == "recovery"] == [5000]  # and the recovery
    assert SPREAD_BY_SQL == [1]   # PLAIN's row alone


def test_payments_of_a_customer_on_one_day_are_applied_in_sql_unless_they_may_be_the_same_payment(
        base, tmp_path, monkeypatch):
    """The Python checks refuse a payment of the same day, customer, amount and reference as one in the books or
    above it in the file. The lane leaves to them the rows with the reference of another payment of the customer
    that day (and every row of a customer with a recovery that day); a customer's other payments of the day,
    named or spread, are its own."""
    rows = ["2026-03-02,ACME,20.00,ACME-6,another",   # ACME paid 50.00 "early" that day: another payment
            "2025-07-01,C1,10.00,C1-1,a", "2025-07-01,C1,11.00,C1-2,b",        # two of one day, their own references
            "2025-07-01,C2,10.00,C2-1,same", "2025-07-01,C2,12.00,C2-2,same",  # one reference, two amounts
            "2025-07-01,C3,10.00,,x", "2025-07-01,C3,10.00,,y",                # spread oldest due first
            "2025-08-01,C4,60000.00,,many"]   # clears C4's oldest invoices: the summary of clearings held, then checked
    path = tmp_path / "days.csv"
    path.write_text("date,customer_code,amount,invoice_number,reference\n" + "\n".join(rows) + "\n", encoding="utf-8")
    python = _import(base, tmp_path, "python", path, False, monkeypatch)
    quick = _import(base, tmp_path, "quick", path, True, monkeypatch, cells=100)
    assert quick[4:6] == python[4:6] and quick[:4] == python[:4]
    assert python[5][1:] == (8, 0, 0)   # all stored
    assert len(python[3]) > 1           # C4's clearings in the summary (as `check` recomputes it: in _import)
    assert sum(STORED_BY_SQL) == 6      # but C2's two, by the Python checks
    assert sum(SPREAD_BY_SQL) == 3


@pytest.mark.parametrize("seed, odd, spread", [(21, 0.0, 0.5), (22, 0.1, 0.7)])
def test_the_lane_in_batches_larger_than_the_python_checks_stores_what_they_store(base, tmp_path, monkeypatch, seed,
                                                                                 odd, spread):
    """The lane applies 111 rows at a time (the importer's batches of 37, three by three); the rows it leaves are
    read back from its TEMP table for the Python checks batch by batch, in row order: the same problems in the
    same order (a batch's problems of reading come before those of applying)."""
    path = _file(tmp_path, seed, 400, odd, spread)
    python = _import(base, tmp_path, "python", path, False, monkeypatch, mode="skip")
    quick = _import(base, tmp_path, "quick", path, True, monkeypatch, cells=100, mode="skip")
    assert quick[4:6] == python[4:6] and quick[:4] == python[:4]
    assert sum(STORED_BY_SQL) > 20 and python[5][1] - sum(STORED_BY_SQL) > 10


@pytest.mark.parametrize("with_currency", [False, True])
def test_amounts_are_read_in_the_currency_of_their_row_by_both_lanes(base, tmp_path, monkeypatch, with_currency):
    """Without a currency column a BHD customer's 1.234 is an amount and a JPY customer's 1.5 is refused naming
    JPY; with one, the amount is read in the currency the row names, so a row in the wrong currency is refused
    for its currency (not for decimals its customer's currency has); the same in both lanes."""
    rows = [("BH", "1.234", "BH-1", ""), ("BH", "1.2345", "BH-2", ""), ("BH", "0.5", "BH-3", ""),
            ("JP", "1.5", "JP-1", ""), ("JP", "12", "JP-2", ""), ("JP", "12.50", "JP-3", ""),
            ("ACME", "1.234", "ACME-5", ""), ("ACME", "1.23", "ACME-6", ""), ("NOBODY", "1.234", "", ""),
            ("BH", "2.345", "", "")]
    if with_currency:
        rows = [(c, a, i, {"BH": "BHD", "JP": "JPY"}.get(c, "")) for c, a, i, _cur in rows] + [
            ("ACME", "1.234", "ACME-7", "BHD"), ("NOBODY", "1.234", "", "BHD"), ("BH", "1.234", "BH-4", "EUR"),
            ("JP", "7", "JP-4", "eur")]
    header = "date,customer_code,amount,invoice_number,reference" + (",currency" if with_currency else "")
    lines = [header] + [f"2026-03-03,{code},{amount},{number},R{n}" + (f",{cur}" if with_currency else "")
                        for n, (code, amount, number, cur) in enumerate(rows)]
    path = tmp_path / "currencies.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    python = _import(base, tmp_path, "python", path, False, monkeypatch)
    quick = _import(base, tmp_path, "quick", path, True, monkeypatch)
    assert quick[4] == python[4] and quick[5] == python[5]   # the same problems in the same order
    refused = {row: message for row, _column, _value, message in python[4]}
    assert refused[3] == "1.2345 has more than 3 decimals, which BHD does not have. Round it to 3 decimals."
    assert refused[5] == "1.5 has more than 0 decimals, which JPY does not have. Round it to 0 decimals."
    assert refused[7] == "12.50 has more than 0 decimals, which JPY does not have. Round it to 0 decimals."
    assert refused[8] == "1.234 has more than 2 decimals, which EUR does not have. Round it to 2 decimals."
    assert not any(("EUR" in refused.get(row, "")) for row in (2, 3, 4, 5, 6, 7, 11))
    if with_currency:
        assert refused[12] == "customer ACME is kept in EUR, not BHD"
        assert refused[13] == "unknown customer 'NOBODY'"
        assert refused[14] == "1.234 has more than 2 decimals, which EUR does not have. Round it to 2 decimals."
        assert refused[15] == "customer JP is kept in JPY, not EUR"
    # the rows without a problem: stored, the same either way, in the customer's minor units
    path.write_text("\n".join(line for n, line in enumerate(lines, 1) if n not in refused) + "\n", encoding="utf-8")
    python = _import(base, tmp_path, "python", path, False, monkeypatch)
    quick = _import(base, tmp_path, "quick", path, True, monkeypatch)
    assert not python[4] and quick[4:6] == python[4:6] and quick[:4] == python[:4]
    assert python[5][1] == 5 and sum(STORED_BY_SQL) >= 2   # the lane took rows (a customer's rows after one it
    # leaves are the Python checks')
    paid = {reference: amount for _c, _d, amount, _cur, _m, reference, *_rest in python[0]}
    assert (paid["R0"], paid["R2"], paid["R4"], paid["R7"], paid["R9"]) == (1234, 500, 12, 123, 2345)


@pytest.mark.parametrize("again", ["file", "books"])
def test_with_the_payments_lookups_away_the_lane_finds_the_same_payment_in_an_earlier_batch_or_the_books(
        base, tmp_path, monkeypatch, again):
    """A big import into a file with few payments builds the payments' index by customer and day and the
    allocations' by invoice at its end (BulkWriter.defer_lookups); meanwhile the lane's duplicate check reads a
    TEMP table of the payments' days, brought up to date before each batch: a payment stored by an earlier batch
    of the lane, or in the books before the import, comes again further down and the Python checks name it
    exactly as they do alone (and have the indexes built again before they read them)."""
    rows = [f"2025-{7 + k % 5:02d}-{1 + k % 28:02d},C{k % 5},{10 + k}.00,,R{k}" for k in range(240)]   # spread
    if again == "file":
        rows[200] = rows[10]    # a payment the lane's first batch stored, again in its second
    else:
        rows[200] = "2026-03-02,ACME,50.00,,early"   # the books' payment of that day
    path = tmp_path / "again.csv"
    path.write_text("date,customer_code,amount,invoice_number,reference\n" + "\n".join(rows) + "\n", encoding="utf-8")
    deferred = []
    defer = import_payments.BulkWriter.defer_lookups

    def noted(self):
        deferred.append(defer(self))
        return deferred[-1]
    monkeypatch.setattr(import_payments.BulkWriter, "defer_lookups", noted)
    python = _import(base, tmp_path, "python", path, False, monkeypatch, cells=100, mode="skip")
    monkeypatch.setattr(import_payments.BulkWriter, "defer_lookups", noted)
    quick = _import(base, tmp_path, "quick", path, True, monkeypatch, cells=100, mode="skip")
    assert quick[4:6] == python[4:6] and quick[:4] == python[:4]
    assert deferred[:2] == [True, True]   # the lane's first two batches (111 rows each), with the indexes away
    assert STORED_BY_SQL[0] == 111 and 0 < STORED_BY_SQL[1] < 111   # the row again: the Python checks'
    if again == "file":
        assert [message for _r, _c, _v, message in python[4]] == [
            "the same payment (date, customer, amount, reference) is also on row 12"]
    else:
        assert not python[4] and python[5][1:3] == (239, 1)   # stored but the one skipped
    con = sqlite3.connect(tmp_path / "quick.ardb")
    try:
        names = {n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    finally:
        con.close()
    assert {"ix_payment_customer_date", "ix_allocation_aging", "ix_payment_date"} <= names


def test_the_lane_reads_an_amount_as_quick_units_does(books):
    """PaymentStaging._units, quick_rows.quick_units by string methods: the same minor units, or None, for amount
    cells of every shape (digits, separators, signs, spaces, other digits, too long, too many decimals)."""
    from ar_desktop.domain.money import NumberFormat
    from ar_desktop.domain.quick_rows import quick_units

    rng = random.Random(3)
    alphabet = "0123456789.,-+ e١²"
    texts = ["", "0", "0.00", "1", "1.", ".5", "12.5", "12.50", "12.505", "1.234", "1.2345", "999999999999",
             "9999999999999", "999999999999.99", "1,5", "1.000", "00012.30", "1.2.3", "١٢", "1²"]
    texts += ["".join(rng.choice(alphabet) for _k in range(rng.randint(0, 16))) for _n in range(3000)]
    texts += [f"{rng.randint(0, 10 ** rng.randint(1, 13))}{rng.choice(['', '.', ','])}{rng.randint(0, 9999)}"
              for _n in range(3000)]
    with books.db.session() as s:
        for decimal in ".,":
            numbers = NumberFormat(decimal=decimal, group="")
            staging = PaymentStaging(s, HEADER, numbers, TODAY, "write-off", "recovery")
            for currency in ("EUR", "JPY", "BHD"):
                assert [staging._units(t, currency) for t in texts] == [quick_units(t, currency, numbers)
                                                                        for t in texts]
            staging.close()


def test_the_lanes_hashes_of_the_books_hold_exactly_what_was_added():
    """payment_staging._Hashes (the books' payments while their index is away: sorted arrays by the low bits of
    each hash, split in four as they fill): what was added is found, through each split, and nothing else is;
    a value added twice is still found."""
    from ar_desktop.storage.payment_staging import _Hashes

    rng = random.Random(8)
    added: set[int] = set()
    hashes = _Hashes()
    for count in (1, 200, 70_000, 200_000):   # past the first splits (256 a list on average)
        while len(added) < count:
            h = rng.randrange(-(1 << 63), 1 << 63)
            added.add(h)
            hashes.add(h)
        assert all(h in hashes for h in added)
        assert not any(h in hashes for h in (rng.randrange(-(1 << 63), 1 << 63) for _k in range(20_000))
                       if h not in added)
    assert hashes.bits > 8 and all(list(a) == sorted(a) for a in hashes.arrays)
    one = next(iter(added))
    hashes.add(one)
    assert one in hashes and -1 not in hashes and (one + 1 in hashes) == (one + 1 in added)


@pytest.mark.parametrize("indexed", [False, True])   # the books' hashes (lookups away), or the payments' index
def test_a_recovery_of_that_day_in_the_books_sends_the_row_to_the_python_checks(books, tmp_path, monkeypatch,
                                                                             indexed):
    """The lane's "no recovery of that customer that day" rule (found untested by session 12's review): WOFF paid
    30.00 "R" on W-1, which was written off: booked as a recovery alone (reference 'recovery ...').
    The same payment again in a bank file, now naming the open W-2, is a duplicate for the Python checks (a
    payment stored as the recovery split from it): skipped. The lane must not store it."""
    add_customer(books, {"code": "WOFF", "name": "Written off"})
    add_customer(books, {"code": "PLAIN", "name": "Plain"})
    for number, code in (("W-1", "WOFF"), ("W-2", "WOFF"), ("P-1", "PLAIN")):
        add_invoice(books, {"number": number, "customer_code": code, "amount": "100.00", "issue_date": "2026-03-01"})
    write_off(books, "W-1", None, "insolvent", date=dt.date(2026, 3, 10))
    first = tmp_path / "first.csv"
    first.write_text("date,customer_code,amount,invoice_number,reference\n2026-03-12,WOFF,30.00,W-1,R\n",
                     encoding="utf-8")
    report = import_file(books, "payments", first)
    assert report.new == 1
    path = Path(books.db.path)
    books.close()
    check = open_company(path, clock=FixedClock(TODAY))
    try:
        with check.db.session() as s:
            assert [tuple(r) for r in s.connection().exec_driver_sql(
                "SELECT method, amount FROM payment WHERE reference LIKE '%R%'")] == [("recovery", 3000)]
    finally:
        check.close()
    csv = tmp_path / "again.csv"
    csv.write_text("date,customer_code,amount,invoice_number,reference\n"
                   "2026-03-12,WOFF,30.00,W-2,R\n2026-03-12,PLAIN,10.00,P-1,x\n", encoding="utf-8")
    python = _import(path, tmp_path, "python", csv, False, monkeypatch, mode="skip")
    if indexed:
        monkeypatch.setattr(import_payments.BulkWriter, "defer_lookups", lambda _self: False)
    quick = _import(path, tmp_path, "quick", csv, True, monkeypatch, mode="skip")
    assert python[5][1:3] == (1, 1)          # PLAIN's stored, WOFF's skipped as the same payment
    assert quick[:6] == python[:6]
    assert sum(STORED_BY_SQL) == 1           # the lane stored PLAIN's row only
