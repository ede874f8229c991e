from datetime import date
from decimal import Decimal

import pytest

from ar_desktop.domain.errors import UserError
from ar_desktop.services.csv_reading import ImportRefused
from ar_desktop.services.customers import add_customer
from ar_desktop.services.imports import import_csv, import_customers, import_invoices, import_payments
from ar_desktop.services.invoicing import add_invoice, invoice_ids, invoice_rows
from ar_desktop.services.payments import customer_credit, payment_rows
from ar_desktop.storage import customers_repo, invoices_repo, payments_repo
from ar_desktop.storage.invoices_repo import InvoiceFilter


def counts(books):
    with books.db.session() as s:
        return customers_repo.count(s), invoices_repo.count(s), payments_repo.count(s)


def refused(fn, books, path) -> ImportRefused:
    before = counts(books)
    with pytest.raises(ImportRefused) as e:
        fn(books, path)
    assert counts(books) == before  # all or nothing
    return e.value


def lines_of(err: ImportRefused) -> list[int]:
    return [p.line for p in err.problems]


@pytest.fixture
def two_customers(books):
    add_customer(books, {"code": "ACME", "name": "Acme", "terms_days": "30"})
    add_customer(books, {"code": "JP", "name": "Nippon", "currency": "JPY", "terms_days": "10"})
    return books


def invoices(books):
    return {r.number: r for r in invoice_rows(books, invoice_ids(books, InvoiceFilter()))}


# ---- customers ----------------------------------------------------------------------------

def test_import_customers(books, csv_file):
    path = csv_file(["name,code,city,terms_days,currency", "Acme Ltd,ACME,Leeds,14,", "Beta,BETA,,,usd"])
    assert import_customers(books, path) == 2
    rows = customers_repo
    with books.db.session() as s:
        assert rows.get(s, rows.id_by_code(s, "ACME")).terms_days == 14
        assert rows.get(s, rows.id_by_code(s, "BETA")).currency == "USD"


def test_import_customers_every_error(books, csv_file):
    add_customer(books, {"code": "OLD", "name": "Old"})
    path = csv_file(["code,name,email", "A,Alpha,", "OLD,Again,", "A,Alpha twice,", ",No code,", "B,Beta,nope"])
    err = refused(import_customers, books, path)
    assert lines_of(err) == [3, 4, 5, 6]
    msg = str(err)
    assert msg.startswith(f"{path.name}: 4 problem(s), nothing was imported: ")
    assert "line 3, column code: customer OLD already exists in this file" in msg
    assert "line 4, column code: customer A is also on line 2" in msg
    assert "line 5, column code: The customer code is empty; it is required." in msg
    assert "line 6, column email: 'nope' is not an e-mail address" in msg


# ---- invoices -----------------------------------------------------------------------------

def test_import_invoices(two_customers, csv_file):
    path = csv_file(["amount,issue_date,customer_code,number,due_date,reference",
                     "1234.50,2026-03-01,ACME,I-1,,PO 1",
                     '"1,000.00",2026-03-01,ACME,I-2,2026-03-05,',
                     "1500,2026-03-01,JP,I-3,,"], bom=True)
    assert import_invoices(two_customers, path) == 3
    got = invoices(two_customers)
    assert (got["I-1"].amount, got["I-1"].due_date, got["I-1"].reference) == (Decimal("1234.50"), date(2026, 3, 31),
                                                                             "PO 1")
    assert (got["I-2"].amount, got["I-2"].due_date) == (Decimal("1000.00"), date(2026, 3, 5))
    assert (got["I-3"].amount, got["I-3"].currency, got["I-3"].due_date) == (Decimal("1500"), "JPY",
                                                                            date(2026, 3, 11))


def test_import_invoices_every_row_error(two_customers, csv_file):
    add_invoice(two_customers, {"number": "STORED", "customer_code": "ACME", "issue_date": "2026-01-01",
                                "amount": "1"})
    path = csv_file([
        "number,customer_code,issue_date,amount,due_date",
        "OK-1,ACME,2026-03-01,10.00,",             # 2 fine
        "X-1,NOBODY,2026-03-01,10.00,",            # 3 unknown customer
        "OK-1,ACME,2026-03-01,10.00,",             # 4 duplicate in file
        "STORED,ACME,2026-03-01,10.00,",           # 5 already stored
        "X-2,ACME,2026-02-30,10.00,",              # 6 bad date
        "X-3,ACME,2026-03-01,-10.00,",             # 7 negative
        "X-4,ACME,2026-03-10,10.00,2026-03-01",    # 8 due before issue
        "X-5,ACME,2026-03-01,10.001,",             # 9 too many decimals
        "X-6,JP,2026-03-01,10.5,",                 # 10 too many decimals for the customer's JPY
        "OK-2,ACME,2026-03-01,5.00,",              # 11 fine
    ])
    err = refused(import_invoices, two_customers, path)
    assert lines_of(err) == [3, 4, 5, 6, 7, 8, 9, 10]
    msg = str(err)
    for part in ["line 3, column customer_code: unknown customer 'NOBODY'",
                 "line 4, column number: invoice OK-1 is also on line 2",
                 "line 5, column number: invoice STORED already exists in this file",
                 "line 6, column issue_date: '2026-02-30' is not a valid issue date",
                 "line 7, column amount: The amount -10.00 is negative",
                 "line 8, column due_date: The due date 2026-03-01 is before the issue date 2026-03-10",
                 "line 9, column amount: 10.001 has more than 2 decimals",
                 "line 10, column amount: 10.50 has more decimals than JPY allows (0)"]:
        assert part in msg


def test_every_bad_line_is_named_even_with_wrong_cell_counts(two_customers, csv_file):
    path = csv_file(["number,customer_code,issue_date,amount",
                     "A,ACME,2026-03-01,1.00",
                     "B,ACME,2026-03-01",                   # 3 too few cells
                     "C,ACME,not-a-date,1.00",              # 4 bad date
                     "D,ACME,2026-03-01,1.00,extra"])       # 5 too many cells
    err = refused(import_invoices, two_customers, path)
    assert lines_of(err) == [3, 4, 5]
    assert "line 3: has 3 cells but the header has 4" in str(err)
    assert "line 5: has 5 cells but the header has 4" in str(err)


@pytest.mark.parametrize("header, message", [
    ("number,customer_code,issue_date,amount,colour", "line 1: unknown column(s) colour; allowed are"),
    ("number,customer_code,amount", "line 1: required column(s) missing: issue_date"),
    ("number,number,customer_code,issue_date,amount", "line 1: column(s) appear twice: number"),
])
def test_import_header_errors(two_customers, csv_file, header, message):
    err = refused(import_invoices, two_customers, csv_file([header, "1,2,3,4,5"]))
    assert message in str(err)


def test_header_is_case_and_space_insensitive(two_customers, csv_file):
    path = csv_file([" Number , CUSTOMER_CODE,Issue_Date,Amount", "N1,ACME,2026-03-01,2.00"])
    assert import_invoices(two_customers, path) == 1


def test_quoted_multiline_cell_keeps_line_numbers(two_customers, csv_file):
    path = csv_file(["number,customer_code,issue_date,amount,description",
                     'A,ACME,2026-03-01,1.00,"two\nlines"',
                     "B,ACME,bad,1.00,"])
    err = refused(import_invoices, two_customers, path)
    assert lines_of(err) == [4]


@pytest.mark.parametrize("content, message", [
    ("", "is empty. It needs a header row"),
    ("  \n\n", "is empty"),
    ("number,customer_code,issue_date,amount\n", "has a header but no data rows; there is nothing to import"),
    ("number,customer_code,issue_date,amount\n,,,\n\n", "has a header but no data rows"),
    ("number;customer_code;issue_date;amount\nA;ACME;2026-03-01;1.00\n", "uses semicolons (;) between columns"),
    ('number,customer_code,issue_date,amount\n"A,ACME,2026-03-01,1.00\n', "the CSV is malformed"),
])
def test_file_level_errors(two_customers, csv_file, content, message):
    before = counts(two_customers)
    with pytest.raises(UserError) as e:
        import_invoices(two_customers, csv_file(content))
    assert message in str(e.value)
    assert counts(two_customers) == before


def test_non_utf8_file(two_customers, csv_file):
    path = csv_file(["number,customer_code,issue_date,amount,description", "A,ACME,2026-03-01,1.00,Müller"],
                    encoding="latin-1")
    with pytest.raises(UserError, match=r"is not UTF-8 text \(byte 76 cannot be read\).*Save as CSV UTF-8"):
        import_invoices(two_customers, path)
    assert counts(two_customers)[1] == 0


def test_pdf_renamed_to_csv(two_customers, tmp_path):
    path = tmp_path / "invoices.csv"
    path.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n")
    with pytest.raises(UserError, match="invoices.csv is not a CSV text file \\(it looks like a binary document"):
        import_invoices(two_customers, path)


def test_missing_file_and_folder(books, tmp_path):
    with pytest.raises(UserError, match="There is no file"):
        import_invoices(books, tmp_path / "nope.csv")
    with pytest.raises(UserError, match="is a folder, not a CSV file"):
        import_invoices(books, tmp_path)
    with pytest.raises(UserError, match="Cannot import 'things'"):
        import_csv(books, "things", tmp_path / "x.csv")


# ---- payments -----------------------------------------------------------------------------

@pytest.fixture
def open_items(two_customers):
    b = two_customers
    for number, issue, due, amount in [("I-NEW", "2026-03-20", "2026-04-19", "100.00"),
                                       ("I-OLD", "2026-01-10", "2026-02-09", "50.00"),
                                       ("I-MID", "2026-02-01", "2026-03-03", "70.00")]:
        add_invoice(b, {"number": number, "customer_code": "ACME", "issue_date": issue, "due_date": due,
                        "amount": amount})
    return b


def test_import_payments_oldest_due_first_and_credit(open_items, csv_file):
    b = open_items
    path = csv_file(["date,customer_code,amount,reference",
                     "2026-03-25,ACME,60.00,first",     # OLD 50, MID 10
                     "2026-03-01,ACME,5.00,earliest",   # applied first (by date): OLD 5
                     "2026-03-30,ACME,200.00,big"])     # rest: MID 55, NEW 100, credit 45
    assert import_payments(b, path) == 3
    got = invoices(b)
    assert (got["I-OLD"].paid, got["I-MID"].paid, got["I-NEW"].paid) == (
        Decimal("50.00"), Decimal("70.00"), Decimal("100.00"))
    cid = got["I-OLD"].customer_id
    assert customer_credit(b, cid) == Decimal("45.00")
    applied = {p.reference: p.applied for p in payment_rows(b, cid)}
    assert applied == {"earliest": Decimal("5.00"), "first": Decimal("60.00"), "big": Decimal("155.00")}


def test_import_payments_not_before_issue(open_items, csv_file):
    b = open_items
    path = csv_file(["date,customer_code,amount", "2026-03-15,ACME,500.00"])
    import_payments(b, path)
    got = invoices(b)
    assert (got["I-OLD"].paid, got["I-MID"].paid, got["I-NEW"].paid) == (
        Decimal("50.00"), Decimal("70.00"), Decimal("0.00"))  # I-NEW was issued after the payment
    assert customer_credit(b, got["I-OLD"].customer_id) == Decimal("380.00")


def test_import_payments_with_invoice_number(open_items, csv_file):
    b = open_items
    path = csv_file(["date,customer_code,amount,invoice_number,method",
                     "2026-03-25,ACME,30.00,I-NEW,cheque",
                     "2026-03-26,ACME,120.00,I-MID,"])  # MID 70, rest is credit
    assert import_payments(b, path) == 2
    got = invoices(b)
    assert (got["I-OLD"].paid, got["I-MID"].paid, got["I-NEW"].paid) == (
        Decimal("0.00"), Decimal("70.00"), Decimal("30.00"))
    assert customer_credit(b, got["I-OLD"].customer_id) == Decimal("50.00")
    assert {p.method for p in payment_rows(b)} == {"cheque", "bank transfer"}


def test_import_payments_errors(open_items, csv_file):
    b = open_items
    path = csv_file(["date,customer_code,amount,invoice_number",
                     "2026-03-25,ACME,10.00,",              # 2 fine
                     "2026-03-25,NOBODY,10.00,",            # 3 unknown customer
                     "2026-04-01,ACME,10.00,",              # 4 in the future (today is 2026-03-31)
                     "2026-03-25,ACME,-1,",                 # 5 negative
                     "2026-03-25,ACME,10.00,I-NONE",        # 6 unknown invoice
                     "2026-03-01,ACME,10.00,I-NEW",         # 7 invoice issued after the payment
                     "2026-03-25,JP,1.5,"])                 # 8 decimals in JPY
    err = refused(import_payments, b, path)
    assert lines_of(err) == [3, 4, 5, 6, 7, 8]
    msg = str(err)
    for part in ["line 3, column customer_code: unknown customer 'NOBODY'",
                 "line 4, column date: the payment date 2026-04-01 is in the future",
                 "line 5, column amount: The amount -1 is negative",
                 "line 6, column invoice_number: invoice I-NONE is not an open invoice of ACME",
                 "line 7, column invoice_number: invoice I-NEW is not an open invoice of ACME issued on or before "
                 "2026-03-01",
                 "line 8, column amount: 1.5 has more than 0 decimals, which JPY does not have"]:
        assert part in msg
    assert all(i.paid == 0 for i in invoices(b).values())


def test_import_20000_invoices_in_one_go(two_customers, tmp_path):
    """A large file imports whole (its speed is measured in benchmarks/, not asserted here)."""
    lines = ["number,customer_code,issue_date,amount"] + [
        f"P-{k:05d},ACME,2026-0{1 + k % 3}-{1 + k % 28:02d},{k % 5000 + 1}.{k % 100:02d}" for k in range(20_000)]
    path = tmp_path / "big.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert import_invoices(two_customers, path) == 20_000
    assert counts(two_customers)[1] == 20_000
