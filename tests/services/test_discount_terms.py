"""Early-payment discounts ("2/10 net 30"): the customer's terms, what an invoice offers, the
discount entry a payment in time earns, the statement, and files."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from ar_desktop.domain.errors import ValidationError
from ar_desktop.domain.payment_kinds import kind_of
from ar_desktop.services.audit import audit_for
from ar_desktop.services.customers import add_customer, get_customer, update_customer
from ar_desktop.services.exports import export
from ar_desktop.services.importing import import_file
from ar_desktop.services.invoicing import add_invoice, invoice_ids, invoice_rows, update_invoice
from ar_desktop.services.payments import payment_rows, record_payment
from ar_desktop.services.statements import statement_pdf
from ar_desktop.storage.days import iso_sql
from ar_desktop.storage.invoices_repo import InvoiceFilter
from tests.pdf.pdftext import page_texts

ISSUED = "2026-03-01"
LAST_DAY = "2026-03-11"
DAY_AFTER = "2026-03-12"


@pytest.fixture
def prompt(books):
    cid = add_customer(books, {"code": "PROMPT", "name": "Prompt Payer Ltd", "terms": "2/10 net 30"})
    add_invoice(books, {"number": "D-1", "customer_code": "PROMPT", "issue_date": ISSUED, "amount": "1000.00"})
    return books, cid


def row(books, number):
    return {r.number: r for r in invoice_rows(books, invoice_ids(books, InvoiceFilter()))}[number]


def test_terms_with_a_discount_are_kept_on_the_customer_and_offered_by_each_invoice(prompt):
    books, cid = prompt
    c = get_customer(books, cid)
    assert (c.terms, c.terms_days, c.discount_percent, c.discount_days) == ("2/10 net 30", 30, Decimal("2"), 10)
    r = row(books, "D-1")
    assert (r.due_date, r.discount, r.discount_until) == (date(2026, 3, 31), Decimal("20.00"), date(2026, 3, 11))
    assert r.discount_open_on(date(2026, 3, 11)) == Decimal("980.00")
    assert r.discount_open_on(date(2026, 3, 12)) is None
    # later terms never change what an invoice already offered
    update_customer(books, cid, {"code": "PROMPT", "name": "Prompt Payer Ltd", "terms": "net 45"})
    assert row(books, "D-1").discount == Decimal("20.00")
    add_invoice(books, {"number": "D-2", "customer_code": "PROMPT", "issue_date": ISSUED, "amount": "50.00"})
    assert (row(books, "D-2").discount, row(books, "D-2").discount_until) == (Decimal("0.00"), None)


def test_a_payment_on_the_last_day_settles_the_invoice_with_a_discount_entry(prompt):
    books, cid = prompt
    pid = record_payment(books, {"date": LAST_DAY, "customer_code": "PROMPT", "amount": "980.00"})
    r = row(books, "D-1")
    assert (r.paid, r.open_amount) == (Decimal("1000.00"), Decimal("0.00"))
    entries = payment_rows(books, cid)
    payment = next(p for p in entries if p.id == pid)
    discount = next(p for p in entries if p.id != pid)
    assert (payment.amount, payment.applied, kind_of(payment.method).key) == (Decimal("980.00"), Decimal("980.00"),
                                                                              "payment")
    assert (discount.amount, discount.date, kind_of(discount.method).key) == (Decimal("20.00"), date(2026, 3, 11),
                                                                              "discount")
    assert "D-1" in discount.reference
    assert [e.action for e in audit_for(books, "payment", discount.id)] == ["create"]


def test_a_payment_the_day_after_earns_nothing_and_the_difference_stays_open(prompt):
    books, cid = prompt
    record_payment(books, {"date": DAY_AFTER, "customer_code": "PROMPT", "amount": "980.00"})
    r = row(books, "D-1")
    assert (r.paid, r.open_amount) == (Decimal("980.00"), Decimal("20.00"))
    assert [kind_of(p.method).key for p in payment_rows(books, cid)] == ["payment"]


def test_a_payment_named_for_the_invoice_and_one_allocated_by_hand_take_the_discount(prompt):
    books, cid = prompt
    from ar_desktop.domain.allocation import Allocation

    add_invoice(books, {"number": "D-2", "customer_code": "PROMPT", "issue_date": "2026-03-02", "amount": "500.00"})
    record_payment(books, {"date": "2026-03-05", "customer_code": "PROMPT", "amount": "490.00",
                           "invoice_number": "D-2"})
    assert row(books, "D-2").open_amount == Decimal("0.00")
    d1 = row(books, "D-1").id
    record_payment(books, {"date": "2026-03-05", "customer_code": "PROMPT", "amount": "985.00"},
                   [Allocation(d1, Decimal("985.00"))])
    assert row(books, "D-1").open_amount == Decimal("0.00")
    assert sorted(p.amount for p in payment_rows(books, cid) if kind_of(p.method).key == "discount") == [
        Decimal("10.00"), Decimal("15.00")]


def test_editing_an_unpaid_invoice_recomputes_its_discount(prompt):
    books, _cid = prompt
    update_invoice(books, row(books, "D-1").id, {"number": "D-1", "customer_code": "PROMPT", "issue_date": "2026-03-03",
                                                 "amount": "2000.00"})
    r = row(books, "D-1")
    assert (r.discount, r.discount_until) == (Decimal("40.00"), date(2026, 3, 13))


def test_terms_are_checked_and_terms_take_precedence_over_terms_days(books):
    with pytest.raises(ValidationError, match="discount period \\(40 days\\) cannot be longer"):
        add_customer(books, {"code": "X", "name": "X", "terms": "2/40 net 30"})
    cid = add_customer(books, {"code": "Y", "name": "Y", "terms": "net 14", "terms_days": "60"})
    assert get_customer(books, cid).terms_days == 14


def test_the_statement_shows_the_discount_while_it_is_available(prompt):
    books, _cid = prompt
    books.clock.day = date(2026, 3, 11)  # the last day
    text = "\n".join(page_texts(statement_pdf(books, "PROMPT")))
    assert "Early-payment discounts still available" in text
    assert "980.00" in text and "20.00" in text
    books.clock.day = date(2026, 3, 12)
    assert "Early-payment discount" not in "\n".join(page_texts(statement_pdf(books, "PROMPT")))


def test_customer_terms_and_invoice_discounts_go_through_csv_files(prompt, tmp_path, csv_file):
    books, _cid = prompt
    export(books, "customers", tmp_path / "customers.csv")
    export(books, "invoices", tmp_path / "invoices.csv")
    header = (tmp_path / "customers.csv").read_text(encoding="utf-8-sig").splitlines()[0].split(",")
    assert "terms" in header and "terms_days" in header
    lines = (tmp_path / "invoices.csv").read_text(encoding="utf-8-sig").splitlines()
    head = lines[0].split(",")
    values = dict(zip(head, lines[1].split(","), strict=False))
    assert (values["discount"], values["discount_until"]) == ("20.00", "2026-03-11")
    # an invoice file without the discount columns: the customer's terms decide
    import_file(books, "customers", csv_file(["code,name,terms", "NEW,New Buyer,1.5/14 net 60"]))
    import_file(books, "invoices", csv_file(["number,customer_code,issue_date,amount",
                                             "N-1,NEW,2026-03-01,200.00"]))
    r = row(books, "N-1")
    assert (r.due_date, r.discount, r.discount_until) == (date(2026, 4, 30), Decimal("3.00"), date(2026, 3, 15))
    # with the columns: the file decides, and a discount without its date is refused
    import_file(books, "invoices", csv_file(["number,customer_code,issue_date,amount,discount,discount_until",
                                             "N-2,NEW,2026-03-01,200.00,,"]))
    assert row(books, "N-2").discount == Decimal("0.00")
    from ar_desktop.services.importing import ImportRefused

    with pytest.raises(ImportRefused) as refused:
        import_file(books, "invoices", csv_file(["number,customer_code,issue_date,amount,discount,discount_until",
                                                 "N-3,NEW,2026-03-01,200.00,5.00,"]))
    assert "needs both its amount and the last day" in str(refused.value.report.errors[0])


def test_the_collection_file_shows_the_discount_as_a_discount_not_as_money_received(prompt):
    from ar_desktop.services.collection_history import history

    books, _cid = prompt
    record_payment(books, {"date": LAST_DAY, "customer_code": "PROMPT", "amount": "980.00", "reference": "bank"})
    entries = [(e.kind, str(e.text), e.amount) for e in history(books, "PROMPT") if e.date == date(2026, 3, 11)]
    assert ("payment", "bank transfer, ref. bank", Decimal("980.00")) in entries
    assert ("discount", "invoice D-1", Decimal("20.00")) in entries   # beside "discount": the invoice


def test_an_imported_bank_payment_takes_the_discount_as_an_entered_one_does(prompt, csv_file):
    books, cid = prompt
    add_invoice(books, {"number": "D-2", "customer_code": "PROMPT", "issue_date": "2026-03-02", "amount": "500.00"})
    import_file(books, "payments", csv_file(["date,customer_code,amount,reference",
                                             f"{LAST_DAY},PROMPT,980.00,transfer 1",      # D-1 less 20.00
                                             "2026-03-13,PROMPT,490.00,transfer 2"]))     # a day late for D-2
    assert row(books, "D-1").open_amount == Decimal("0.00")
    assert row(books, "D-2").open_amount == Decimal("10.00")
    import_file(books, "payments", csv_file(["date,customer_code,amount,invoice_number",
                                             "2026-03-12,PROMPT,10.00,D-2"]))
    assert row(books, "D-2").open_amount == Decimal("0.00")  # 10 open, 10 discount: the payment pays it
    kinds = sorted((kind_of(p.method).key, p.amount) for p in payment_rows(books, cid))
    assert kinds == [("discount", Decimal("20.00")), ("payment", Decimal("10.00")), ("payment", Decimal("490.00")),
                     ("payment", Decimal("980.00"))]
    earner = next(p.id for p in payment_rows(books, cid) if p.amount == Decimal("980.00"))
    assert _discounts(books, cid) == [("D-1", 2000, earner, 0)]   # linked to the payment that earned it
    add_invoice(books, {"number": "D-3", "customer_code": "PROMPT", "issue_date": "2026-03-05", "amount": "100.00"})
    import_file(books, "payments", csv_file(["date,customer_code,amount,invoice_number",
                                             "2026-03-15,PROMPT,98.00,D-3"]))
    assert row(books, "D-3").open_amount == Decimal("0.00")


def test_discounts_keep_the_derived_columns_and_count_the_invoice_as_paid_on_the_payment_day(prompt, csv_file):
    """Entered, hand-split, named and imported payments that earn a discount: the discount entry goes
    through the one allocation writer, so ``check`` finds no derived column out of step; the invoice
    was cleared (and last paid) on the payment's day; the figures count it as paid then (a payment
    cleared it) while the quarterly review counts the discount with the write-offs, not as received."""
    import sqlite3

    from ar_desktop.domain.allocation import Allocation
    from ar_desktop.domain.kpi import Period
    from ar_desktop.services.file_check import check
    from ar_desktop.storage import kpi_repo, open_set, review_repo

    books, cid = prompt
    for n, issued in ((2, "2026-03-02"), (3, "2026-03-03"), (4, "2026-03-04"), (5, "2026-03-05")):
        add_invoice(books, {"number": f"D-{n}", "customer_code": "PROMPT", "issue_date": issued, "amount": "500.00"})
    record_payment(books, {"date": "2026-03-06", "customer_code": "PROMPT", "amount": "980.00"})        # D-1, entered
    record_payment(books, {"date": "2026-03-07", "customer_code": "PROMPT", "amount": "495.00"},        # D-2, by hand
                   [Allocation(row(books, "D-2").id, Decimal("495.00"))])
    record_payment(books, {"date": "2026-03-08", "customer_code": "PROMPT", "amount": "490.00",         # D-3, named
                           "invoice_number": "D-3"})
    import_file(books, "payments", csv_file(["date,customer_code,amount,reference",                     # D-4, a bank file
                                             "2026-03-09,PROMPT,490.00,transfer 9"]))
    import_file(books, "payments", csv_file(["date,customer_code,amount,invoice_number",                # D-5, too late
                                             "2026-03-20,PROMPT,490.00,D-5"]))
    report = check(books)
    assert report.ok, report.text()
    con = sqlite3.connect(books.db.path)
    try:
        assert open_set.derived_mismatches(con) == []
        got = {n: (paid, last, cleared) for n, paid, last, cleared in con.execute(
            f"SELECT number, paid, {iso_sql('last_paid_on')}, {iso_sql('cleared_on')} FROM invoice")}
        discounts = sorted(con.execute(f"SELECT i.number, {iso_sql('a.date')}, a.amount FROM allocation a JOIN payment p "
                                       "ON p.id = a.payment_id JOIN invoice i ON i.id = a.invoice_id "
                                       "WHERE p.method = 'discount'"))
    finally:
        con.close()
    assert got == {"D-1": (100000, "2026-03-06", "2026-03-06"), "D-2": (50000, "2026-03-07", "2026-03-07"),
                   "D-3": (50000, "2026-03-08", "2026-03-08"), "D-4": (50000, "2026-03-09", "2026-03-09"),
                   "D-5": (49000, "2026-03-20", None)}
    assert discounts == [("D-1", "2026-03-06", 2000), ("D-2", "2026-03-07", 500), ("D-3", "2026-03-08", 1000),
                         ("D-4", "2026-03-09", 1000)]
    period = Period(date(2026, 3, 31), 30)
    with books.db.session() as s:
        cleared = {r.number: r.invoice for r in kpi_repo.cleared_invoices(s, period, "EUR")}
        stats = kpi_repo.clearing_stats(s, period, "EUR")
        month = review_repo.monthly_payments(s, date(2026, 3, 1), date(2026, 3, 31), [cid])
    assert sorted(cleared) == ["D-1", "D-2", "D-3", "D-4"]
    assert not any(c.by_adjustment for c in cleared.values())
    assert (stats.count, stats.days_to_pay, stats.days_late) == (4, 5 + 5 + 5 + 5, 0)
    assert month == {(cid, "2026-03", False): 98000 + 49500 + 49000 + 49000 + 49000,
                     (cid, "2026-03", True): 2000 + 500 + 1000 + 1000}


def test_imported_discount_rows_are_checked_against_the_invoice_terms(prompt, csv_file):
    """A file's `discount` rows must be discounts the invoice's terms gave: offered, dated by its last
    day, on or after the payment that earned it, and exactly what that payment left open (at most the
    discount offered). Anything else is refused, naming the row and the column, and nothing is stored."""
    from ar_desktop.services.importing import ImportRefused

    books, cid = prompt
    add_invoice(books, {"number": "D-2", "customer_code": "PROMPT", "issue_date": ISSUED, "amount": "500.00"})
    add_customer(books, {"code": "PLAIN", "name": "Plain Terms Ltd", "terms": "net 30"})
    add_invoice(books, {"number": "P-1", "customer_code": "PLAIN", "issue_date": ISSUED, "amount": "100.00"})
    head = "date,customer_code,amount,kind,reference,invoice_number"

    def refused(*rows: str) -> str:
        before = len(payment_rows(books, cid))
        with pytest.raises(ImportRefused) as e:
            import_file(books, "payments", csv_file([head, *rows]))
        assert len(payment_rows(books, cid)) == before   # nothing stored
        return "\n".join(str(x) for x in e.value.report.errors)

    pay = "2026-03-10,PROMPT,980.00,payment,bank 1,D-1"
    assert refused(pay, "2026-03-12,PROMPT,20.00,discount,early payment,D-1") == (
        "row 3, column date: the early-payment discount of invoice D-1 could be taken until 2026-03-11; "
        "a discount dated 2026-03-12 was not earned")
    assert refused("2026-03-10,PROMPT,975.00,payment,bank 1,D-1",
                   "2026-03-10,PROMPT,25.00,discount,early payment,D-1") == (
        "row 3, column amount: a discount of 25.00 is more than the 20.00 invoice D-1 offers")
    assert refused("2026-03-10,PROMPT,20.00,discount,early payment,D-1", pay) == (
        "row 2, column amount: a discount of 20.00 does not settle invoice D-1: 1000.00 is open on it. A discount "
        "is what a payment in time leaves open; list that payment before its discount")
    assert refused("2026-03-11,PROMPT,985.00,payment,bank 1,D-1",
                   "2026-03-10,PROMPT,15.00,discount,early payment,D-1") == (
        "row 3, column date: invoice D-1 was paid on 2026-03-11, after the discount's date 2026-03-10: a discount "
        "is earned by a payment on or before 2026-03-11 and dated on that payment's day")
    assert refused("2026-03-10,PLAIN,98.00,payment,bank 2,P-1", "2026-03-10,PLAIN,2.00,discount,early,P-1") == (
        "row 3, column invoice_number: invoice P-1 offers no early-payment discount (its terms had none when it "
        "was entered); book the difference as a credit note, or leave it open")
    # earned: a payment in time and the rest of the invoice as its discount (here a partial one)
    import_file(books, "payments", csv_file([head, "2026-03-10,PROMPT,985.00,payment,bank 1,D-1",
                                             "2026-03-10,PROMPT,15.00,discount,early payment,D-1",
                                             "2026-03-05,PROMPT,490.00,payment,bank 3,D-2",
                                             "2026-03-06,PROMPT,10.00,discount,early payment,D-2"]))
    assert (row(books, "D-1").open_amount, row(books, "D-2").open_amount) == (Decimal("0.00"), Decimal("0.00"))
    assert sorted(p.amount for p in payment_rows(books, cid) if kind_of(p.method).key == "discount") == [
        Decimal("10.00"), Decimal("15.00")]


def _discounts(books, cid):
    """(invoice number, amount, earned by, reversed) of each discount entry, read from the file."""
    from sqlalchemy import text

    with books.db.session() as s:
        return s.execute(text(
            "SELECT i.number, p.amount, p.earned_by_id, EXISTS (SELECT 1 FROM payment r WHERE r.reverses_id = p.id) "
            "FROM payment p JOIN allocation a ON a.payment_id = p.id JOIN invoice i ON i.id = a.invoice_id "
            "WHERE p.customer_id = :c AND p.method = 'discount' AND p.reverses_id IS NULL ORDER BY p.id"),
            {"c": cid}).all()


def test_a_reversal_undoes_the_discount_of_the_payment_that_earned_it_and_no_other(prompt):
    """Two payments of the same customer on the same day pay D-1: the second pays the rest less the
    discount and earns it (the discount entry names it). Reversing the first leaves the discount;
    reversing the second takes it back with it."""
    from ar_desktop.services.payments import reverse_payment

    books, cid = prompt
    first = record_payment(books, {"date": LAST_DAY, "customer_code": "PROMPT", "amount": "500.00",
                                   "invoice_number": "D-1"})
    second = record_payment(books, {"date": LAST_DAY, "customer_code": "PROMPT", "amount": "480.00"})
    assert _discounts(books, cid) == [("D-1", 2000, second, 0)]
    reverse_payment(books, first, DAY_AFTER, "cheque bounced")
    assert _discounts(books, cid) == [("D-1", 2000, second, 0)]
    assert row(books, "D-1").open_amount == Decimal("500.00")
    reverse_payment(books, second, DAY_AFTER, "cheque bounced")
    assert _discounts(books, cid) == [("D-1", 2000, second, 1)]
    assert row(books, "D-1").open_amount == Decimal("1000.00")


def test_a_change_of_split_moves_the_discount_with_the_money(prompt):
    """A payment in time took D-1's discount; moved to D-2 (same terms), the discount of D-1 is reversed
    on the day of the change and D-2 earns its own; split so that it pays neither in full less the
    discount, it earns none. Discounts and open amounts stay true of the record."""
    from ar_desktop.domain.allocation import Allocation
    from ar_desktop.services.payments import change_split

    books, cid = prompt
    add_invoice(books, {"number": "D-2", "customer_code": "PROMPT", "issue_date": ISSUED, "amount": "1000.00"})
    ids = {r.number: r.id for r in invoice_rows(books, invoice_ids(books, InvoiceFilter()))}
    pid = record_payment(books, {"date": LAST_DAY, "customer_code": "PROMPT", "amount": "980.00",
                                 "invoice_number": "D-1"})
    assert _discounts(books, cid) == [("D-1", 2000, pid, 0)]
    change_split(books, pid, [Allocation(ids["D-2"], Decimal("980.00"))], DAY_AFTER)
    assert _discounts(books, cid) == [("D-1", 2000, pid, 1), ("D-2", 2000, pid, 0)]
    assert (row(books, "D-1").open_amount, row(books, "D-2").open_amount) == (Decimal("1000.00"), Decimal("0.00"))
    change_split(books, pid, [Allocation(ids["D-1"], Decimal("480.00")), Allocation(ids["D-2"], Decimal("500.00"))],
                 DAY_AFTER)
    assert [d for d in _discounts(books, cid) if not d[3]] == []
    assert (row(books, "D-1").open_amount, row(books, "D-2").open_amount) == (Decimal("520.00"), Decimal("500.00"))
    change_split(books, pid, [Allocation(ids["D-1"], Decimal("980.00"))], DAY_AFTER)   # back as it was entered
    assert [d[:2] for d in _discounts(books, cid) if not d[3]] == [("D-1", 2000)]
    assert (row(books, "D-1").open_amount, row(books, "D-2").open_amount) == (Decimal("0.00"), Decimal("1000.00"))


def test_a_files_own_discount_rows_are_linked_to_the_payment_before_them(prompt, csv_file):
    """An export's discount rows name no payment: imported, each is linked to the payment of that
    customer and day applied to its invoice, so reversing that payment takes its discount back."""
    from ar_desktop.services.payments import reverse_payment

    books, cid = prompt
    import_file(books, "payments", csv_file(["date,customer_code,amount,kind,reference,invoice_number",
                                             "2026-03-10,PROMPT,980.00,payment,bank 1,D-1",
                                             "2026-03-10,PROMPT,20.00,discount,early payment,D-1"]))
    pid = next(p.id for p in payment_rows(books, cid) if p.amount == Decimal("980.00"))
    assert _discounts(books, cid) == [("D-1", 2000, pid, 0)]
    reverse_payment(books, pid, DAY_AFTER, "returned by the bank")
    assert _discounts(books, cid) == [("D-1", 2000, pid, 1)] and row(books, "D-1").open_amount == Decimal("1000.00")
