"""The invoices importer's quick lane (plain rows checked and stored in SQL, storage.invoice_staging)
against its Python checks alone: the same random files, imported both ways into copies of the same
books, store the same invoices (every column) and name the same problems (row, column, value,
message, in the same order), whatever the mix of plain rows and rows with problems."""

from __future__ import annotations

import random
import shutil
import sqlite3
from pathlib import Path

import pytest

import datetime as dt

from ar_desktop.clock import FixedClock
from ar_desktop.domain.text import english
from ar_desktop.services import import_invoices, importing, invoice_lane
from ar_desktop.services.company_file import open_company
from ar_desktop.services.customers import add_customer
from ar_desktop.services.importing import ImportRefused, import_file
from ar_desktop.services.invoicing import add_invoice
from ar_desktop.storage.invoice_staging import Staging

TODAY = dt.date(2026, 3, 31)   # the books fixture's

HEADER = ["number", "customer_code", "issue_date", "due_date", "amount", "currency", "reference", "description",
          "disputed", "dispute_reason", "retention_of_title", "voided", "void_date", "void_reason", "settled_date",
          "discount", "discount_until"]
STORED_BY_SQL: list[int] = []
CODES = ["ACME", "JP", "PROMPT", "BH", "KEEP", "NOBODY"]


@pytest.fixture
def base(books, tmp_path) -> Path:
    add_customer(books, {"code": "ACME", "name": "Acme", "terms_days": "30"})
    add_customer(books, {"code": "JP", "name": "Nippon", "currency": "JPY", "terms_days": "10"})
    add_customer(books, {"code": "PROMPT", "name": "Prompt", "terms": "2.5/10 net 30"})
    add_customer(books, {"code": "BH", "name": "Bahrain", "currency": "BHD", "terms": "3/7 net 14"})
    add_customer(books, {"code": "KEEP", "name": "Keeper", "retention_of_title": "yes"})
    for k in range(3):
        add_invoice(books, {"number": f"OLD-{k}", "customer_code": "ACME", "issue_date": "2026-01-05",
                           "amount": "100.00"})
    path = Path(books.db.path)
    books.close()
    return path


def _cell(rng: random.Random, key: str, n: int, odd_rate: float) -> str:
    """Mostly what a clean export holds, now and then something the checks must refuse or treat apart."""
    odd = rng.random() < odd_rate
    if key == "number":
        return rng.choice([f"N-{n}", f"N-{n - rng.randint(1, 40)}", "OLD-1", "", "N 1", "x" * 41, "Ä1", f"N-{n}.a"]) \
            if odd else f"N-{n}"
    if key == "customer_code":
        return rng.choice(CODES) if odd else rng.choice(CODES[:5])
    if key in ("issue_date", "due_date"):
        if odd:
            return rng.choice(["2026-02-30", "2026-13-01", "1989-12-31", "2100-01-01", "01.02.2026", "2026-1-5", "",
                               "2027-01-01", "２０２６-01-01"])
        return "" if key == "due_date" and rng.random() < 0.5 else f"2026-0{rng.randint(1, 3)}-{rng.randint(1, 28):02d}"
    if key == "amount":
        if odd:
            return rng.choice(["0", "-5", "10.001", "1,5", "1e3", "12.", ".5", "999999999999.99", "99999999999",
                               "0.00", "", "12.5", "7"])
        return f"{rng.randint(1, 10_000_000) / 100:.2f}" if rng.random() < 0.8 else str(rng.randint(1, 9999))
    if key == "currency":
        return rng.choice(["EUR", "JPY", "XXX", "eur", "BHD"]) if odd else ""
    if key in ("reference", "description", "dispute_reason"):
        if odd:
            return rng.choice(["\u202eevil", "a\x01b", "上海 Lieferung", "x" * 101, "x" * 501, "two\nlines", "é"])
        return rng.choice(["", f"PO {n}", "Goods delivered"])
    if key in ("disputed", "retention_of_title"):
        return rng.choice(["yes", "no", "maybe", "TRUE", "0", "n"]) if odd else ""
    if key == "voided":
        return rng.choice(["yes", "no", "x"]) if odd else ""
    if key == "void_date":
        return rng.choice(["2026-03-20", "2025-01-01", ""]) if odd else ""
    if key == "void_reason":
        return rng.choice(["cancelled", ""]) if odd else ""
    if key == "discount":
        return rng.choice(["1.00", "0", "x"]) if odd else ""
    if key == "discount_until":
        return rng.choice(["2026-03-30", ""]) if odd else ""
    if key == "settled_date":
        return rng.choice(["2026-03-25", "2030-01-01", "2025-01-01"]) if odd else ""
    raise AssertionError(key)


def _file(folder: Path, seed: int, rows: int, odd: bool) -> Path:
    rng = random.Random(seed)
    header = HEADER[:rng.randint(5, len(HEADER))] if odd else HEADER[:rng.choice([-2, len(HEADER)])]
    lines = [",".join(header)]
    for n in range(rows):
        cells = dict.fromkeys(header, "") | {k: _cell(rng, k, n, 0.08 if odd else 0) for k in header}
        if not odd:   # no problem, but voids, settlements, disputes and the file's own due dates now and then
            if rng.random() < 0.05 and "void_reason" in cells:
                cells.update(voided="yes", void_date="2026-03-28", void_reason="cancelled")
            elif rng.random() < 0.1 and "settled_date" in cells:
                cells["settled_date"] = "2026-03-29"
            if cells["due_date"]:   # never before the issue date
                cells["due_date"] = max(cells["due_date"], cells["issue_date"])
            if cells["customer_code"] == "JP":   # yen have no decimals
                cells["amount"] = str(rng.randint(1, 999_999))
            if rng.random() < 0.1 and "dispute_reason" in cells and "disputed" in cells:
                cells.update(disputed="yes", dispute_reason="price")
        cells = [cells[k] for k in header]
        lines.append(",".join('"' + c.replace('"', '""') + '"' for c in cells))
    path = folder / f"f{seed}.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _import(base: Path, folder: Path, name: str, path: Path, quick: bool, monkeypatch, **options):
    """(invoices by number, payments, search entries, problems, counts) of importing ``path`` into a copy
    of ``base``; with ``quick``, also how many rows SQL stored (``STORED_BY_SQL``: by the import that was kept, a file
    of plain rows on the plain path, services.invoice_lane, any other through the ORM)."""
    db = folder / f"{name}.ardb"
    shutil.copyfile(base, db)
    if quick:
        store = Staging.store_plain

        def counted(self, *a):
            marks = store(self, *a)
            if writer and writer[0] is not self.writer:   # the plain path rolled back: the ORM path's rows count
                STORED_BY_SQL.clear()
            writer[:] = [self.writer]
            STORED_BY_SQL.append(sum(ok for _n, ok in marks))
            return marks
        writer: list = []
        STORED_BY_SQL.clear()
        monkeypatch.setattr(Staging, "store_plain", counted)
    else:   # neither the quick lane nor the plain path (services.invoice_lane) that takes a file of plain rows
        monkeypatch.setattr(import_invoices.InvoiceRows, "quick_lane", lambda *_a: False)
        monkeypatch.setattr(invoice_lane, "plain_import", lambda *_a: None)
    books = open_company(db, clock=FixedClock(TODAY))
    try:
        try:
            report = import_file(books, "invoices", path, **options)
        except ImportRefused as e:
            report = e.report
    finally:
        books.close()
        monkeypatch.undo()
    con = sqlite3.connect(db)
    try:
        stored = {r[0]: r[1:] for r in con.execute(
            "SELECT number, customer_id, issue_date, due_date, amount, currency, reference, description, disputed, "
            "dispute_reason, voided, void_reason, voided_on, paid, disputed_amount, last_paid_on, cleared_on, "
            "closed_on, span_class, discount, discount_until, retention_of_title FROM invoice")}
        payments = sorted(con.execute("SELECT customer_id, date, amount, currency, method, reference FROM payment"))
        search = con.execute("SELECT count(*) FROM invoice_search").fetchone()[0]
    finally:
        con.close()
    problems = [(e.row, e.column, e.value, english(e.message)) for e in report.errors]
    counts = (report.rows, report.new, report.updated, report.skipped_count, report.error_count, report.payments,
              report.customers_created)
    return stored, payments, search, problems, counts


@pytest.mark.parametrize("seed, odd, options", [
    (1, False, {}), (2, False, {"mode": "update"}), (3, True, {}), (4, True, {"mode": "skip"}),
    (5, True, {"mode": "update", "create_customers": True}), (6, False, {"create_customers": True}),
])
def test_the_quick_lane_stores_and_refuses_exactly_what_the_python_checks_do(base, tmp_path, monkeypatch, seed, odd,
                                                                            options):
    monkeypatch.setattr(importing, "BATCH", 37)   # many batches: numbers met again in a later batch
    path = _file(tmp_path, seed, 400, odd)
    python = _import(base, tmp_path, "python", path, False, monkeypatch, **options)
    monkeypatch.setattr(importing, "BATCH", 37)
    quick = _import(base, tmp_path, "quick", path, True, monkeypatch, **options)
    assert quick[3] == python[3]            # the same problems, in the same order
    assert quick[4] == python[4]
    assert quick[0] == python[0]            # the same invoices, every column
    assert quick[1:3] == python[1:3]        # the same settlement payments and search entries
    assert sum(STORED_BY_SQL) > 100   # the quick lane took most rows
    if not odd:
        assert python[4][1] > 300 and not python[3]   # a clean file was imported
        assert python[4][1] - sum(STORED_BY_SQL) > 10   # and the Python checks some (voids, settlements)


def test_a_big_plain_batch_is_stored_by_sql_and_audited_once(base, tmp_path, monkeypatch):
    path = _file(tmp_path, 9, 3000, False)
    stored, _payments, search, problems, counts = _import(base, tmp_path, "quick", path, True, monkeypatch)
    assert not problems and counts[1] == 3000 and len(stored) == 3003 and search == 3003
    assert sum(STORED_BY_SQL) > 2000
    con = sqlite3.connect(tmp_path / "quick.ardb")
    try:
        entries = con.execute("SELECT new_value FROM audit_entry WHERE action = 'import'").fetchall()
    finally:
        con.close()
    assert len(entries) == 1 and '"count": 3000' in entries[0][0] and '"first_id": 4' in entries[0][0]


# Cells at the edges of what the quick lane's row pattern takes (storage.invoice_staging._row_pattern) and of
# what it leaves to SQL (days 29-31, decimals and units by the customer's currency, the currency itself).
EDGES = {
    "number": ["A" * 40, "A" * 41, "N_1", ".N1", "N-1.a/b", "Ñ1", "N 1", "1"],
    "issue_date": ["2024-02-29", "2026-02-29", "2026-04-31", "2026-03-31", "2026-01-30", "1990-01-01", "1989-12-31",
                   "2026-00-10", "2026-13-01", "2026-03-00", "2026-03-32", "2026-3-05", "２０２６-01-01", "2026-01-2x"],
    "due_date": ["", "2024-02-29", "2026-02-29", "2026-02-30", "2026-06-31", "2026-12-31", "2025-12-31", "2099-12-31",
                 "2100-01-01", "2026-1-31"],
    "amount": ["0", "0.00", "0.01", "00.01", "0.5", "7", "12345678", "99999999.99", "99999999.999", "123456789",
               "999999999.99", "999999999.999", "1000000000.00", "99999999999", "1.5", "1.505", "1.5050", "1.",
               ".5", "1,5", "1e3", "١٢", "1..5", "100000000", "100000000.000"],
    "currency": ["", "EUR", "JPY", "BHD", "eur", "XXX"],
    "reference": ["x" * 100, "x" * 101, "é" * 100, "é" * 101, "a\tb", "a\u2028b", "a\u00a0b", "a\u202ab", "a\x7fb",
                  "上海"],
    "description": ["x" * 500, "x" * 501, "two\nlines", "a\tb", "a\rb", "a\u2029b", "Grüße"],
    "disputed": ["", "yes", "TRUE", "n", "maybe", "Y", "no "],
    "retention_of_title": ["", "no", "1", "True", "nein"],
}
# amounts in the customer's currency named by the file: the parser's limit is then that currency's
AMOUNTS_IN = [(code, currency, amount) for code, currency in (("BH", "BHD"), ("JP", "JPY"), ("ACME", "EUR"))
              for amount in ("12345678", "99999999", "100000000", "123456789", "99999999.999", "99999999.99",
                             "999999999", "999999999.99", "99999999999")]


def test_cells_at_the_edges_of_the_row_pattern_are_stored_or_refused_as_the_python_checks_do(base, tmp_path,
                                                                                                monkeypatch):
    header = ["number", "customer_code", *list(EDGES)[1:], "dispute_reason"]
    rows = [(key, value, code) for key, values in EDGES.items() for value in values
            for code in (CODES[:1] if key == "number" else CODES[:5])]   # a number once
    lines = [",".join(header)]
    for n, (key, value, code) in enumerate([*rows, *(("amount", a, (c, cur)) for c, cur, a in AMOUNTS_IN)]):
        code, currency = code if isinstance(code, tuple) else (code, "")
        cells = {"number": f"E-{n}", "customer_code": code, "issue_date": "2026-01-15", "due_date": "",
                 "amount": "12" if code == "JP" else "12.50", "currency": currency, "reference": f"PO {n}",
                 "description": "", "disputed": "", "retention_of_title": "", "dispute_reason": "", key: value}
        lines.append(",".join('"' + cells[k].replace('"', '""') + '"' for k in header))
    # a number twice in one batch (the second row keeps both from SQL), and one given again in a later batch
    lines += ['"T-1","ACME","2026-01-15","","1.00","","","","","",""'] * 2 + ['"E-3","ACME","2026-01-15","","1.00","",'
                                                                              '"","","","",""']
    path = tmp_path / "edges.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(importing, "BATCH", 97)
    python = _import(base, tmp_path, "python", path, False, monkeypatch)
    monkeypatch.setattr(importing, "BATCH", 97)
    quick = _import(base, tmp_path, "quick", path, True, monkeypatch)
    assert quick[3] == python[3] and quick[4] == python[4]   # the same problems in the same order, the same counts
    assert quick[0] == python[0] and quick[1:3] == python[1:3]
    assert len(python[3]) > 150 and sum(STORED_BY_SQL) > 150   # cells refused, and cells taken by SQL
    # the rows without a problem alone: stored, with the same values either way
    refused = {row for row, *_rest in python[3]}
    path.write_text("\n".join(line for n, line in enumerate(lines, 1) if n not in refused) + "\n", encoding="utf-8")
    monkeypatch.setattr(importing, "BATCH", 97)
    python = _import(base, tmp_path, "python", path, False, monkeypatch)
    monkeypatch.setattr(importing, "BATCH", 97)
    quick = _import(base, tmp_path, "quick", path, True, monkeypatch)
    assert not python[3] and python[4][1] > 200 and sum(STORED_BY_SQL) > 150
    assert quick[3:] == python[3:] and quick[0] == python[0] and quick[1:3] == python[1:3]


def test_amounts_without_a_currency_column_are_read_in_the_customers_currency_by_both_lanes(base, tmp_path,
                                                                                             monkeypatch):
    """A file with no currency column: a BHD customer's 1.234 is an amount (it was refused as more decimals than
    EUR has), and an amount refused names the customer's currency, the same in both lanes."""
    amounts = ["1.234", "1.2345", "1.5", "12", "12.50", "99999999.999", "100000000.000", "999999999", "0.001"]
    lines = ["number,customer_code,issue_date,amount"] + [
        f"C-{n},{code},2026-01-15,{amount}" for n, (code, amount) in
        enumerate((code, amount) for code in ("BH", "JP", "ACME", "NOBODY") for amount in amounts)]
    path = tmp_path / "no-currency.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    python = _import(base, tmp_path, "python", path, False, monkeypatch)
    quick = _import(base, tmp_path, "quick", path, True, monkeypatch)
    assert quick[3] == python[3] and quick[4] == python[4]   # the same problems in the same order, the same counts
    assert quick[0] == python[0]
    refused = {(row, english_message) for row, _column, _value, english_message in python[3]}
    assert (3, "1.2345 has more than 3 decimals, which BHD does not have. Round it to 3 decimals.") in refused
    assert (13, "1.5 has more than 0 decimals, which JPY does not have. Round it to 0 decimals.") in refused
    assert (15, "12.50 has more than 0 decimals, which JPY does not have. Round it to 0 decimals.") in refused
    assert (20, "1.234 has more than 2 decimals, which EUR does not have. Round it to 2 decimals.") in refused
    assert not any("EUR" in message for row, message in refused if row <= 19)   # no BHD or JPY row speaks of EUR
    # the rows without a problem alone: stored, with the same values either way, in the customer's minor units
    path.write_text("\n".join(line for n, line in enumerate(lines, 1) if n not in {r for r, _m in refused})
                    + "\n", encoding="utf-8")
    python = _import(base, tmp_path, "python", path, False, monkeypatch)
    quick = _import(base, tmp_path, "quick", path, True, monkeypatch)
    assert not python[3] and quick[3:] == python[3:] and quick[0] == python[0]
    # stored by SQL but for 100000000.000 in JPY and EUR (zeros past the currency's decimals: the Python checks')
    assert python[4][1] == 14 and sum(STORED_BY_SQL) == 12
    amount = {number: row[3] for number, row in python[0].items()}
    assert (amount["C-0"], amount["C-3"], amount["C-5"], amount["C-8"], amount["C-12"], amount["C-21"]) == (
        1234, 12000, 99999999999, 1, 12, 1200)
