from datetime import date
from decimal import Decimal

import pytest

from ar_desktop.domain.errors import UserError
from ar_desktop.services.customers import add_customer
from ar_desktop.services.importing import ImportRefused, import_file
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
    return sorted({p.row for p in err.errors})


def _count(kind):
    def run(books, path, **kw):
        return import_file(books, kind, path, **kw).new
    return run


import_customers, import_invoices, import_payments = _count("customers"), _count("invoices"), _count("payments")


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
    assert msg.startswith(f"{path.name}: 4 problem(s), nothing was imported")
    assert "row 3, column code: customer OLD already exists; choose 'skip' or 'update'" in msg
    assert "row 4, column code: customer A is also on row 2" in msg
    assert "row 5, column code: The customer code is empty; it is required." in msg
    assert "row 6, column email: 'nope' is not an e-mail address" in msg


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
    for part in ["row 3, column customer_code: unknown customer 'NOBODY'; add it first",
                 "row 4, column number: invoice OK-1 is also on row 2",
                 "row 5, column number: invoice STORED already exists; choose 'skip' or 'update'",
                 "row 6, column issue_date: '2026-02-30' is not a valid issue date",
                 "row 7, column amount: The amount -10.00 is negative",
                 "row 8, column due_date: The due date 2026-03-01 is before the issue date 2026-03-10",
                 "row 9, column amount: 10.001 has more than 2 decimals",
                 "row 10, column amount: 10.5 has more than 0 decimals, which JPY does not have"]:   # as typed
        assert part in msg


def test_every_bad_line_is_named_even_with_wrong_cell_counts(two_customers, csv_file):
    path = csv_file(["number,customer_code,issue_date,amount",
                     "A,ACME,2026-03-01,1.00",
                     "B,ACME,2026-03-01",                   # 3 too few cells
                     "C,ACME,not-a-date,1.00",              # 4 bad date
                     "D,ACME,2026-03-01,1.00,extra"])       # 5 too many cells
    err = refused(import_invoices, two_customers, path)
    assert lines_of(err) == [3, 4, 5]
    assert "row 3: has 3 cells but the header has 4" in str(err)
    assert "row 5: has 5 cells but the header has 4" in str(err)


@pytest.mark.parametrize("header, message", [
    ("number,customer_code,issue_date,amount,colour", "unknown column(s) colour; the columns of invoices are number"),
    ("number,customer_code,amount", "Map a column to: issue_date (required for invoices)"),
    ("number,number,customer_code,issue_date,amount", "column(s) number appear twice in the header"),
])
def test_import_header_errors(two_customers, csv_file, header, message):
    before = counts(two_customers)
    with pytest.raises(UserError) as e:
        import_invoices(two_customers, csv_file([header, "1,2,3,4,5"]))
    assert message in str(e.value)
    assert counts(two_customers) == before


def test_exports_derived_columns_are_accepted_and_ignored(two_customers, csv_file):
    path = csv_file(["number,customer_code,customer_name,issue_date,amount,paid,open_amount,currency",
                     "N1,ACME,Not the name in the books,2026-03-01,2.00,1.00,1.00,EUR"])
    assert import_invoices(two_customers, path) == 1
    assert invoices(two_customers)["N1"].paid == Decimal("0.00")


def test_header_is_case_and_space_insensitive(two_customers, csv_file):
    path = csv_file([" Number , CUSTOMER_CODE,Issue_Date,Amount", "N1,ACME,2026-03-01,2.00"])
    assert import_invoices(two_customers, path) == 1


def test_quoted_multiline_cell_keeps_line_numbers(two_customers, csv_file):
    path = csv_file(["number,customer_code,issue_date,amount,description",
                     'A,ACME,2026-03-01,1.00,"two\nlines"',
                     "B,ACME,bad,1.00,"])
    err = refused(import_invoices, two_customers, path)
    assert lines_of(err) == [3]  # rows count records, as a spreadsheet shows them


@pytest.mark.parametrize("content, message", [
    ("", "is empty. Choose a file with a header row"),
    ("  \n\n", "is empty"),
    ("number,customer_code,issue_date,amount\n", "has a header but no data rows; there is nothing to import"),
    ("number,customer_code,issue_date,amount\n,,,\n\n", "has a header but no data rows"),
    ('number,customer_code,issue_date,amount\n"A,ACME,2026-03-01,1.00\n', "the CSV is malformed"),
])
def test_file_level_errors(two_customers, csv_file, content, message):
    before = counts(two_customers)
    with pytest.raises(UserError) as e:
        import_invoices(two_customers, csv_file(content))
    assert message in str(e.value)
    assert counts(two_customers) == before


def test_semicolons_and_windows_1252_are_read_as_the_wizard_reads_them(two_customers, csv_file):
    path = csv_file(["number;customer_code;issue_date;amount;description", "A;ACME;2026-03-01;1.00;Müller"],
                    encoding="cp1252")
    report = import_file(two_customers, "invoices", path)
    assert report.new == 1 and "read as Windows-1252" in str(report.notice)
    assert invoices(two_customers)["A"].description == "Müller"


def test_pdf_renamed_to_csv(two_customers, tmp_path):
    path = tmp_path / "invoices.csv"
    path.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n")
    with pytest.raises(UserError, match="invoices.csv is not a CSV file: it is a PDF document"):
        import_invoices(two_customers, path)


def test_missing_file_and_folder(books, tmp_path):
    with pytest.raises(UserError, match="There is no file"):
        import_invoices(books, tmp_path / "nope.csv")
    with pytest.raises(UserError, match="is a folder, not a file to import"):
        import_invoices(books, tmp_path)
    (tmp_path / "x.csv").write_text("code,name\nA,B\n")
    with pytest.raises(UserError, match="Cannot import 'things'"):
        import_file(books, "things", tmp_path / "x.csv")


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
                     "2026-03-25,ACME,11.00,I-NONE",        # 6 unknown invoice
                     "2026-03-01,ACME,10.00,I-NEW",         # 7 invoice issued after the payment
                     "2026-03-25,JP,1.5,"])                 # 8 decimals in JPY
    err = refused(import_payments, b, path)
    assert lines_of(err) == [3, 4, 5, 6, 7, 8]
    msg = str(err)
    for part in ["row 3, column customer_code: unknown customer 'NOBODY'",
                 "row 4, column date: the payment date 2026-04-01 is in the future",
                 "row 5, column amount: The amount -1 is negative",
                 "row 6, column invoice_number: there is no invoice I-NONE in the books",
                 "row 7, column invoice_number: invoice I-NEW was issued on 2026-03-20; nothing can be applied to it "
                 "on 2026-03-01",
                 "row 8, column amount: 1.5 has more than 0 decimals, which JPY does not have"]:
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


def test_reimporting_a_payments_file_is_detected(open_items, csv_file):
    b = open_items
    path = csv_file(["date,customer_code,amount,reference", "2026-03-25,ACME,10.00,bank 1",
                     "2026-03-26,ACME,12.00,bank 2"])
    assert import_payments(b, path) == 2
    err = refused(import_payments, b, path)
    assert lines_of(err) == [2, 3] and "is already recorded; choose 'skip'" in str(err)
    report = import_file(b, "payments", path, mode="skip")
    assert (report.new, report.skipped_count) == (0, 2)
    twice = csv_file(["date,customer_code,amount,reference", "2026-03-27,ACME,5.00,x", "2026-03-27,ACME,5.00,x"])
    assert "is also on row 2" in str(refused(import_payments, b, twice))


def test_payments_cannot_forge_corrections(open_items, csv_file):
    b = open_items
    forged = csv_file(["date,customer_code,amount,method,invoice_number", "2026-03-25,ACME,10.00,write-off,I-OLD"])
    assert "is a correction, not a payment method" in str(refused(import_payments, b, forged))
    no_reason = csv_file(["date,customer_code,amount,kind,invoice_number", "2026-03-25,ACME,10.00,write-off,I-OLD"])
    assert "a write-off needs its reason in the reference column" in str(refused(import_payments, b, no_reason))
    too_much = csv_file(["date,customer_code,amount,kind,reference,invoice_number",
                         "2026-03-25,ACME,60.00,credit note,returned,I-OLD"])
    assert "invoice I-OLD has only 50.00 open" in str(refused(import_payments, b, too_much))
    ok = csv_file(["date,customer_code,amount,kind,reference,invoice_number",
                   "2026-03-25,ACME,20.00,write-off,uncollectable,I-OLD"])
    assert import_payments(b, ok) == 1
    assert invoices(b)["I-OLD"].paid == Decimal("20.00")
    assert [p.method for p in payment_rows(b)] == ["write-off"]


def test_allocations_column_is_applied_exactly(open_items, csv_file):
    b = open_items
    path = csv_file(["date,customer_code,amount,allocations,applied,unapplied",
                     '2026-03-25,ACME,100.00,"I-NEW: 30.00; I-MID: 20.00 on 2026-03-28",50.00,50.00'])
    assert import_payments(b, path) == 1
    got = invoices(b)
    assert (got["I-OLD"].paid, got["I-MID"].paid, got["I-NEW"].paid) == (
        Decimal("0.00"), Decimal("20.00"), Decimal("30.00"))
    bad = csv_file(["date,customer_code,amount,allocations,applied",
                    '2026-03-26,ACME,10.00,"I-OLD: 5.00",6.00'])
    assert "says 6.00 but the allocations make 5.00" in str(refused(import_payments, b, bad))


def test_every_kind_of_correction_round_trips(open_items, csv_file, tmp_path):
    from ar_desktop.services.exports import export

    b = open_items
    add_customer(b, {"code": "QUICK", "name": "Quick Payer", "terms": "2/10 net 30"})   # a discount is earned
    add_invoice(b, {"number": "I-DSC", "customer_code": "QUICK", "issue_date": "2026-03-20", "amount": "100.00"})
    path = csv_file(["date,customer_code,amount,kind,reference,allocations",
                     "2026-03-25,QUICK,98.00,payment,bank,I-DSC: 98.00",
                     "2026-03-25,QUICK,2.00,discount,2/10 net 30,I-DSC: 2.00",
                     "2026-03-26,ACME,3.00,recovery,after write-off,",
                     "2026-03-27,ACME,4.00,credit note,CN-1 returned,I-MID: 4.00"])
    assert import_payments(b, path) == 4
    assert sorted(p.method for p in payment_rows(b) if p.reference != "bank") == ["credit note", "discount",
                                                                                  "recovery"]
    export(b, "payments", tmp_path / "back.csv")
    text = (tmp_path / "back.csv").read_text(encoding="utf-8-sig")
    assert ",discount,,2/10 net 30,I-DSC: 2.00" in text and ",recovery,,after write-off," in text
    bad = csv_file(["date,customer_code,amount,kind,reference,allocations",
                    "2026-03-28,ACME,3.00,recovery,after write-off,I-NEW: 3.00"])
    assert "a recovery is not applied to invoices" in str(refused(import_payments, b, bad))


def test_imported_payments_recover_written_off_debts_as_record_payment_does(open_items, csv_file):
    """What a payment leaves over after its invoices, up to what was written off, is a recovery (not
    credit); a payment on a written-off invoice recovers it; importing the file again stores nothing."""
    from ar_desktop.services import recoveries
    from ar_desktop.services.adjustments import write_off

    b = open_items
    write_off(b, "I-OLD", None, "Customer insolvent", "2026-02-20")  # 50.00 written off
    path = csv_file(["date,customer_code,amount,reference,invoice_number",
                     "2026-03-25,ACME,200.00,bank 1,",        # MID 70, NEW 100, the rest (30) recovers I-OLD
                     "2026-03-26,ACME,40.00,bank 2,I-OLD"])   # 20 left to recover; 20 is credit
    assert import_payments(b, path) == 2
    cid = invoices(b)["I-OLD"].customer_id
    got = [(r.amount, r.reference) for r in recoveries.recoveries(b, date(2026, 1, 1), date(2026, 3, 31))]
    assert got == [(Decimal("30.00"), "Recovery of written-off debt. bank 1"),
                   (Decimal("20.00"), "Recovery of written-off debt. bank 2")]
    assert customer_credit(b, cid) == Decimal("20.00")
    assert (invoices(b)["I-MID"].paid, invoices(b)["I-NEW"].paid) == (Decimal("70.00"), Decimal("100.00"))
    before = counts(b)
    err = refused(import_payments, b, path)
    assert lines_of(err) == [2, 3] and "is already recorded" in str(err)
    report = import_file(b, "payments", path, mode="skip")
    assert (report.new, report.skipped_count, counts(b)) == (0, 2, before)
    # a write-off and a payment in one file: the payment recovers what the file wrote off
    add_invoice(b, {"number": "I-4", "customer_code": "ACME", "issue_date": "2026-03-01", "amount": "90.00"})
    more = csv_file(["date,customer_code,amount,kind,reference,invoice_number",
                     "2026-03-27,ACME,30.00,write-off,bad debt,I-4",
                     "2026-03-28,ACME,100.00,payment,bank 3,"])   # I-4's 60 paid, 30 recovered, 10 credit
    assert import_payments(b, more) == 2
    assert recoveries.recoveries(b, date(2026, 3, 28), date(2026, 3, 28))[0].amount == Decimal("30.00")
    assert customer_credit(b, cid) == Decimal("30.00")
    assert invoices(b)["I-4"].paid == Decimal("90.00")


def test_an_amount_read_before_its_currency_is_known_is_held_to_the_customers_limit(two_customers, csv_file):
    """With no currency column an invoice's amount is read before its customer's currency is known: 123456789 is
    within EUR's limit, not within BHD's (three decimals: 99,999,999.999). Refused, by the dialog's service and
    by the import, in a small file and among thousands of plain rows (the quick lane leaves it to the checks)."""
    add_customer(two_customers, {"code": "BH", "name": "Manama Trading", "currency": "BHD", "terms_days": "30"})
    with pytest.raises(UserError, match=r"too large: the largest amount the program stores is 99,999,999\.999 BHD"):
        add_invoice(two_customers, {"number": "BIG", "customer_code": "BH", "issue_date": "2026-03-01",
                                    "amount": "123456789"})
    add_invoice(two_customers, {"number": "FITS", "customer_code": "BH", "issue_date": "2026-03-01",
                                "amount": "99999999"})
    plain = [f"P-{k},ACME,2026-03-01,{k % 900 + 1}.50" for k in range(3_000)]
    for rows, line in (([], 2), (plain, 3_002)):
        path = csv_file(["number,customer_code,issue_date,amount", *rows, "X-BIG,BH,2026-03-01,123456789",
                         "X-OK,BH,2026-03-01,99999999"])
        err = refused(import_invoices, two_customers, path)
        assert lines_of(err) == [line]
        assert (f"row {line}, column amount: The amount 123456789 is too large: the largest amount the program "
                "stores is 99,999,999.999 BHD") in str(err)
