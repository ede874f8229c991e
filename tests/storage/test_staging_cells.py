"""How the quick lanes read an amount cell (storage.invoice_staging: the invoices' lane by its
row pattern, then ``taken_amount`` and ``minor_units``): never a cell the parser refuses, and exactly the
parser's amount for every cell they take; a NUL, where SQLite's GLOB and length() stop reading, is refused by its
bytes."""

from __future__ import annotations

import random
import re
import sqlite3
from decimal import Decimal

import pytest

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.money import MAX_UNITS, NUMBER_FORMATS, parse_amount, to_minor
from ar_desktop.services.importing import ImportRefused, import_file
from ar_desktop.services.customers import add_customer
from ar_desktop.storage.invoice_staging import _cell_patterns, minor_units, no_nul, taken_amount


CURRENCIES = {"JPY": 0, "EUR": 2, "BHD": 3}


def _cells(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    fixed = ["", ".", ",", "0", "1", "1.", ".5", "1.5", "1,5", "1.50", "1.500", "0.00", "00.01", "1..2", "1.2.3",
             "999999999999", "9999999999999", "999999999999.99", "99999999999", "1e3", " 1", "+1", "-1", "١٢",
             "12\x00", "1.2\x00", "\x001", "1\x00.5"]
    alphabet = "0123456789.,0123456789 -+e\u0661\x00"
    return fixed + ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16))) for _ in range(n)]


def test_a_cell_with_a_nul_is_refused_by_its_bytes():
    con = sqlite3.connect(":memory:")
    try:
        for cell, expected in (("R1", 1), ("R1\x00x", 0), ("", 1), ("\x00", 0)):
            assert con.execute(f"SELECT {no_nul('?1')}", (cell,)).fetchone()[0] == expected
    finally:
        con.close()


def test_an_invoice_file_with_a_nul_in_a_number_or_an_amount_is_refused_as_the_parser_refuses_it(books, csv_file):
    add_customer(books, {"code": "ACME", "name": "Acme"})
    # past the first 8 KB, which the reader looks at for binary data (a NUL there refuses the whole file)
    plain = [f"N-{k},ACME,2026-03-01,100.00" for k in range(400)]
    path = csv_file(["number,customer_code,issue_date,amount", *plain,
                     "N-x\x00x,ACME,2026-03-01,100.00", "N-y,ACME,2026-03-01,12.5\x00"], "nul.csv")
    with pytest.raises(ImportRefused) as e:
        import_file(books, "invoices", path)
    rows = sorted((p.row, p.column) for p in e.value.report.errors)
    assert rows == [(402, "number"), (403, "amount")]


def test_a_nul_in_a_reference_or_a_payments_amount_is_refused_as_the_parser_refuses_it(books, csv_file):
    """GLOB and length() stop at a NUL: the lanes' text and the payments' amount checks read the bytes too."""
    add_customer(books, {"code": "ACME", "name": "Acme"})
    plain = [f"N-{k},ACME,2026-03-01,100.00,ref {k}" for k in range(400)]
    path = csv_file(["number,customer_code,issue_date,amount,reference", *plain,
                     "N-x,ACME,2026-03-01,100.00,PO\x00\x07"], "nul-ref.csv")
    with pytest.raises(ImportRefused) as e:
        import_file(books, "invoices", path)
    assert sorted((p.row, p.column) for p in e.value.report.errors) == [(402, "reference")]
    import_file(books, "invoices", csv_file(["number,customer_code,issue_date,amount",
                                             *(f"P-{k},ACME,2026-03-01,100.00" for k in range(400))], "ok.csv"))
    pays = [f"2026-03-0{1 + k % 9},ACME,{1 + k}.00,P-{k},bank {k}" for k in range(380)]
    path = csv_file(["date,customer_code,amount,invoice_number,reference", *pays,
                     "2026-03-10,ACME,5.0\x00,P-390,x", "2026-03-11,ACME,6.00,P-391,Q\x00\x07"], "nul-pay.csv")
    with pytest.raises(ImportRefused) as e:
        import_file(books, "payments", path)
    assert sorted((p.row, p.column) for p in e.value.report.errors) == [(382, "amount"), (383, "reference")]


@pytest.mark.parametrize("number_format", ["point", "comma"])
def test_an_amount_the_row_pattern_and_sql_take_is_the_parsers_amount(number_format):
    """The invoices' lane: the row pattern's amount cell (storage.invoice_staging._cell_patterns), then SQL's
    decimals and units checks (``taken_amount``), then its units (``minor_units``)."""
    fmt = NUMBER_FORMATS[number_format]
    d = fmt.decimal
    pattern = re.compile(_cell_patterns(d)["amount"])
    long = ["99999999", "100000000", "123456789", "99999999.999", "99999999.99", "999999999.99", "999999999.999",
            "1000000000.00", "99999999999", "12345678.1"]
    con = sqlite3.connect(":memory:")
    taken = 0
    try:
        for currency, exp in CURRENCIES.items():
            checks = " AND ".join(f"({c})" for c in taken_amount("?1", d, str(exp)))
            sql = f"SELECT ({checks}) IS 1, {minor_units('?1', d, str(exp))}"
            for cell in [*_cells(8, 4000), *(c.replace(".", d) for c in long)]:
                if not pattern.fullmatch(cell):
                    continue
                ok, units = con.execute(sql, (cell,)).fetchone()
                if not ok:
                    continue
                taken += 1
                try:
                    amount = parse_amount(cell, currency, fmt=fmt)
                except UserError:
                    pytest.fail(f"the lane took {cell!r} ({currency}), the parser refuses it")
                assert amount > Decimal(0) and to_minor(amount, currency) == units <= MAX_UNITS, (cell, currency)
    finally:
        con.close()
    assert taken > 300


def test_the_invoices_lane_inserts_without_a_scratch_copy_and_leaves_a_number_in_the_books(books):
    """``store_plain`` takes a row whose number is in the books off the stage before its INSERT ... SELECT, which
    then reads no table it writes: SQLite inserts each row as it is selected, not after copying every row into a
    scratch table (~0.7 us a row); the row is left to the Python checks, the others stored."""
    from ar_desktop.storage.bulk_audit import BulkSource
    from ar_desktop.storage.invoice_staging import Staging
    from ar_desktop.storage.plain_invoices import PlainInvoiceWriter, customers_by_code, next_invoice_id

    class Recording(PlainInvoiceWriter):   # the real writer, its statements kept to be explained
        def execute(self, sql, params=()):
            self.statements.append((sql, params))
            return super().execute(sql, params)

    add_customer(books, {"code": "ACME", "name": "Acme"})
    keys = ["number", "customer_code", "issue_date", "amount"]
    with books.db.plain_write() as con:
        writer = Recording(con, BulkSource("x.csv", "0" * 64, "import"))
        writer.statements = []
        staging = Staging(writer, keys, ".", False)
        staging.customers(customers_by_code(con))
        staging.stage([(2, ["A-1", "ACME", "2026-03-01", "10.00"])])
        assert staging.store_plain(next_invoice_id(con)) == [(2, 1)]
        staging.stage([(3, ["A-2", "ACME", "2026-03-02", "20.00"]), (4, ["A-1", "ACME", "2026-03-03", "30.00"]),
                       (5, ["A-3", "ACME", "2026-03-04", "40.00"])])
        writer.statements.clear()
        assert staging.store_plain(next_invoice_id(con)) == [(3, 1), (4, 0), (5, 1)]
        insert, params = next((sql, p) for sql, p in writer.statements if sql.startswith("INSERT INTO invoice "))
        plan = con.execute(f"EXPLAIN {insert}", params).fetchall()
        # an ephemeral table (no key info: p4 NULL) holds the copy; those with key info are the IN lists' values
        assert not [op for op in plan if op[1] == "OpenEphemeral" and op[5] is None]
        assert [r for r in con.execute("SELECT number, amount FROM invoice ORDER BY id")] == [
            ("A-1", 1000), ("A-2", 2000), ("A-3", 4000)]
        con.rollback()
