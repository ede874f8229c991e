"""The import wizard's logic: reading, mapping, formats, modes, errors by row and column, the IBM file."""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from ar_desktop.clock import FixedClock
from ar_desktop.domain.aging import OpenItem, age_items
from ar_desktop.domain.errors import UserError
from ar_desktop.services.aging import aging_report
from ar_desktop.services.company_file import create_company
from ar_desktop.services.customers import add_customer
from ar_desktop.domain.dates import guess_date_format, parse_date_as
from ar_desktop.services.import_mapping import auto_mapping, remember_options, suggest_options
from ar_desktop.services.importing import ImportRefused as MappedImportRefused
from ar_desktop.services.importing import check, run_import, save_errors_csv
from ar_desktop.services.source_files import open_source as read_source
from ar_desktop.storage import customers_repo, invoices_repo, payments_repo

IBM = Path(__file__).parent.parent / "data" / "ibm-accounts-receivable.csv"


def import_file(books, path, kind, **overrides):
    """The wizard with its automatic (or remembered) mapping."""
    table = read_source(path)
    return run_import(books, table, replace(suggest_options(books, table, kind), **overrides))


def validate(books, table, options):
    return check(books, table, options)


def preview(books, table, options, limit=50):
    report = check(books, table, options, preview_rows=limit, first_rows=limit)
    return report.preview, report


def counts(books):
    with books.db.session() as s:
        return customers_repo.count(s), invoices_repo.count(s), payments_repo.count(s)


@pytest.fixture(scope="module")
def ibm_books(tmp_path_factory):
    path = tmp_path_factory.mktemp("ibm") / "ibm.ardb"
    books = create_company(path, "IBM sample", "USD", clock=FixedClock(dt.date(2026, 3, 31)))
    table = read_source(IBM)
    opts = suggest_options(books, table, "invoices")
    assert not opts.create_customers  # never by default: a typo must not become a customer
    result = run_import(books, table, replace(opts, create_customers=True))
    yield books, result
    books.close()


def test_ibm_mapping_is_automatic():
    table = read_source(IBM)
    m = auto_mapping("invoices", table)
    assert m["customerID"] == "customer_code"
    assert m["invoiceNumber"] == "number"
    assert m["InvoiceDate"] == "issue_date"
    assert m["DueDate"] == "due_date"
    assert m["InvoiceAmount"] == "amount"
    assert m["Disputed"] == "disputed"
    assert m["SettledDate"] == "settled_date"
    assert m["countryCode"] == "customer_notes"  # 391, 406 ... are not ISO country codes
    assert m["DaysLate"] is None
    assert guess_date_format(table.column("InvoiceDate")) == "M/D/YYYY"


def test_ibm_imports_customers_invoices_and_settlements(ibm_books):
    books, result = ibm_books
    assert (result.new, result.customers_created, result.payments) == (2466, 100, 2466)
    assert counts(books) == (100, 2466, 2466)
    with books.db.session() as s:
        c = customers_repo.get(s, customers_repo.id_by_code(s, "0379-NEVHP"))
    assert c.notes.startswith("countryCode: ")


def _raw_aging(as_of: dt.date) -> dict[str, dict[str, Decimal]]:
    per_customer: dict[str, list[OpenItem]] = {}
    with IBM.open(newline="") as f:
        for r in csv.DictReader(f):
            p = lambda s: dt.datetime.strptime(s, "%m/%d/%Y").date()  # noqa: E731
            if p(r["InvoiceDate"]) <= as_of < p(r["SettledDate"]):
                per_customer.setdefault(r["customerID"], []).append(
                    OpenItem(p(r["DueDate"]), Decimal(r["InvoiceAmount"])))
    return {c: age_items(items, as_of) for c, items in per_customer.items()}


@pytest.mark.parametrize("as_of", [dt.date(2012, 6, 30), dt.date(2013, 3, 31), dt.date(2013, 12, 31),
                                   dt.date(2012, 1, 15), dt.date(2014, 1, 8)])
def test_ibm_aging_matches_a_plain_recomputation(ibm_books, as_of):
    books, _ = ibm_books
    expected = _raw_aging(as_of)
    blocks = aging_report(books, as_of)
    got = {r.customer_code: r.buckets for b in blocks for r in b.rows}
    assert set(got) == {c for c, b in expected.items() if sum(b.values())}
    for code, buckets in got.items():
        assert buckets == expected[code], code
    total = sum(sum(b.values()) for b in expected.values())
    assert sum((b.total.total for b in blocks), Decimal(0)) == total


def test_reimport_never_duplicates(ibm_books):
    books, _ = ibm_books
    table = read_source(IBM)
    before = counts(books)
    with pytest.raises(MappedImportRefused) as e:
        run_import(books, table, suggest_options(books, table, "invoices"))
    assert len(e.value.errors) == 2466 and "already exists" in str(e.value.errors[0].message)
    skipped = run_import(books, table, replace(suggest_options(books, table, "invoices"), mode="skip"))
    assert (skipped.new, skipped.skipped_count, skipped.payments) == (0, 2466, 0)
    updated = run_import(books, table, replace(suggest_options(books, table, "invoices"), mode="update"))
    assert (updated.updated, updated.payments) == (2466, 0)
    assert counts(books) == before


def test_mapping_is_remembered_per_header_set(books, csv_file):
    add_customer(books, {"code": "ACME", "name": "Acme"})
    path = csv_file(["Kunde;Beleg;Datum;Summe", "ACME;R-1;31.01.2026;1.234,50"])
    table = read_source(path)
    assert table.separator == ";"
    opts = suggest_options(books, table, "invoices")
    assert opts.date_format == "D.M.YYYY" and opts.number_format == "comma-point"
    opts = replace(opts, mapping={"Kunde": "customer_code", "Beleg": "number", "Datum": "issue_date",
                                  "Summe": "amount"})
    assert run_import(books, table, opts).new == 1
    other = read_source(csv_file(["Summe;Kunde;Datum;Beleg", "10,00;ACME;01.02.2026;R-2"]))  # same names
    again = suggest_options(books, other, "invoices")
    assert again.mapping["Kunde"] == "customer_code" and again.mapping["Beleg"] == "number"
    assert run_import(books, other, again).new == 1
    with books.db.session() as s:
        inv = invoices_repo.get(s, invoices_repo.id_by_number(s, "R-1"))
        assert (inv.amount, inv.issue_date) == (123450, dt.date(2026, 1, 31))


@pytest.mark.parametrize("text,fmt,expected", [
    ("2026-03-01", "YYYY-MM-DD", dt.date(2026, 3, 1)),
    ("1/3/2026", "D/M/YYYY", dt.date(2026, 3, 1)),
    ("1/3/2026", "M/D/YYYY", dt.date(2026, 1, 3)),
    ("01.03.2026", "D.M.YYYY", dt.date(2026, 3, 1)),
])
def test_date_formats(text, fmt, expected):
    assert parse_date_as(text, fmt) == expected


@pytest.mark.parametrize("text,fmt", [("13/13/2026", "D/M/YYYY"), ("1/3/2026", "YYYY-MM-DD"), ("x", "D.M.YYYY"),
                                      ("2026-03-01", "D/M/YYYY"),  # only the chosen format
                                      ("31/2/2026", "D/M/YYYY"), ("1/1/1700", "D/M/YYYY")])
def test_bad_dates_are_user_errors(text, fmt):
    with pytest.raises(UserError):
        parse_date_as(text, fmt)


def test_errors_by_row_and_column_and_saved_as_csv(books, csv_file, tmp_path):
    add_customer(books, {"code": "ACME", "name": "Acme"})
    path = csv_file(["invoiceNumber,customerID,InvoiceDate,InvoiceAmount",
                     "A1,ACME,2026-01-05,10.00",
                     "A2,NOPE,2026-01-05,10.00",
                     "A3,ACME,2026-02-30,10.00",
                     "A4,ACME,2026-01-05,ten",
                     "A1,ACME,2026-01-05,=1+1"])
    table = read_source(path)
    opts = suggest_options(books, table, "invoices")
    opts = replace(opts, create_customers=False)
    check = validate(books, table, opts)
    assert [(e.row, e.column) for e in check.errors] == [
        (3, "customerID"), (4, "InvoiceDate"), (5, "InvoiceAmount"), (6, "InvoiceAmount")]
    before = counts(books)
    with pytest.raises(MappedImportRefused):
        run_import(books, table, opts)
    assert counts(books) == before
    out = save_errors_csv(check.errors, tmp_path / "errors.csv")
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == ["row", "column", "value", "problem"]
    assert rows[4][2] == "'=1+1"  # a formula stays text when the list is opened in a spreadsheet


def test_preview_shows_rows_as_stored(books, csv_file):
    add_customer(books, {"code": "ACME", "name": "Acme", "terms_days": "14"})
    path = csv_file(["number\tcustomer\tdate\tamount", "B1\tACME\t5/1/2026\t1,234.56"])
    table = read_source(path)
    assert table.separator == "\t"
    opts = suggest_options(books, table, "invoices")
    rows, check = preview(books, table, replace(opts, date_format="D/M/YYYY"))
    assert check.ok
    assert rows[0]["issue_date"] == "2026-01-05" and rows[0]["due_date"] == "2026-01-19"
    assert rows[0]["amount"] == "1234.56"


def test_customers_modes(books, csv_file):
    path = csv_file(["customerID,Name,City", "C1,One,Paris", "C2,Two,Rome"])
    assert import_file(books, path, "customers").new == 2
    path2 = csv_file(["customerID,Name,City", "C1,One,Lyon", "C3,Three,"])
    with pytest.raises(MappedImportRefused):
        import_file(books, path2, "customers")
    assert import_file(books, path2, "customers", mode="skip").new == 1
    r = import_file(books, path2, "customers", mode="update")
    assert r.updated == 2
    with books.db.session() as s:
        c = customers_repo.get(s, customers_repo.id_by_code(s, "C1"))
    assert (c.city, c.name) == ("Lyon", "One")


def test_payments_import_and_no_duplicates(books, csv_file):
    add_customer(books, {"code": "ACME", "name": "Acme"})
    import_file(books, csv_file(["number,customer_code,issue_date,amount", "P1,ACME,2026-01-01,100.00"]),
                "invoices")
    path = csv_file(["PaymentDate,customerID,Amount,Reference", "2026-02-01,ACME,60.00,tx1",
                     "2026-02-02,ACME,60.00,tx2"])
    assert import_file(books, path, "payments").new == 2
    with pytest.raises(MappedImportRefused):
        import_file(books, path, "payments")
    assert import_file(books, path, "payments", mode="skip").skipped_count == 2
    with books.db.session() as s:
        assert payments_repo.count(s) == 2
        inv = invoices_repo.get(s, invoices_repo.id_by_number(s, "P1"))
        assert inv.paid == 10000
        assert customers_repo.unapplied_credit(s, inv.customer_id) == 2000


def test_xlsx_first_or_chosen_sheet(books, tmp_path):
    add_customer(books, {"code": "ACME", "name": "Acme"})
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Notes"
    ws.append(["nothing here"])
    ws2 = wb.create_sheet("Invoices")
    ws2.append(["Invoice No", "Customer Code", "Invoice Date", "Amount", "Due Date"])
    ws2.append(["X1", "ACME", dt.datetime(2026, 1, 5), 99.5, dt.date(2026, 2, 1)])
    ws2.append(["X2", "ACME", dt.datetime(2026, 1, 6), 100, None])
    path = tmp_path / "book.xlsx"
    wb.save(path)
    table = read_source(path, sheet="Invoices")
    assert table.sheets == ("Notes", "Invoices")
    r = run_import(books, table, suggest_options(books, table, "invoices"))
    assert r.new == 2
    with books.db.session() as s:
        inv = invoices_repo.get(s, invoices_repo.id_by_number(s, "X1"))
        assert (inv.amount, inv.due_date) == (9950, dt.date(2026, 2, 1))
    with pytest.raises(UserError, match="no sheet"):
        read_source(path, sheet="Missing")


@pytest.mark.parametrize("data,match", [
    (b"", "empty"), (b"   \n\n", "empty"), (b"%PDF-1.7\n%\xe2\xe3\n1 0 obj", "PDF"),
    (b"PK\x03\x04garbage", "workbook"), (b"\x89PNG\r\n\x1a\n", "image"), (b"a,b\x00,c\n", "binary"),
    (b"number,customer_code\n", "no data rows"), (b'a,"b\n1,2\n', "malformed"),
])
def test_hostile_files(tmp_path, data, match):
    path = tmp_path / "bad.csv"
    path.write_bytes(data)
    with pytest.raises(UserError, match=match):
        read_source(path)


def test_xlsx_renamed_csv_is_read_as_workbook(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(["code", "name"])
    wb.active.append(["A", "Alpha"])
    path = tmp_path / "renamed.csv"
    wb.save(path)
    assert list(read_source(path).rows()) == [(2, ["A", "Alpha"])]


def test_encodings(tmp_path):
    (tmp_path / "w.csv").write_bytes("code;name\nA;Müller Straße\n".encode("cp1252"))
    t = read_source(tmp_path / "w.csv")
    assert t.encoding == "cp1252" and "Windows-1252" in str(t.notice) and list(t.rows())[0][1][1] == "Müller Straße"
    (tmp_path / "g.csv").write_bytes("code,name\nA,上海贸易有限公司\n".encode("gb18030"))
    t = read_source(tmp_path / "g.csv")
    assert t.encoding == "gb18030" and list(t.rows())[0][1][1] == "上海贸易有限公司"
    (tmp_path / "b.csv").write_bytes(b"\xef\xbb\xbfcode,name\nA,x\n")
    assert read_source(tmp_path / "b.csv").header == ["code", "name"]
    (tmp_path / "u16.csv").write_bytes("code\tname\nA\tx\n".encode("utf-16"))
    assert list(read_source(tmp_path / "u16.csv").rows()) == [(2, ["A", "x"])]


def test_fifty_megabyte_file_is_refused_quickly(tmp_path, books):
    path = tmp_path / "big.csv"
    with path.open("wb") as f:
        f.write(b"code,name\n")
        f.write(b'A,"' + b"x" * (50 * 2**20) + b'"\n')
    with pytest.raises(UserError):
        import_file(books, path, "customers")
    assert counts(books) == (0, 0, 0)
