import csv
import io
from datetime import date, timedelta
from decimal import Decimal

from aging_oracle import oracle_aging
from ar_desktop.domain.aging import BUCKET_KEYS
from ar_desktop.services.aging import aging_report
from ar_desktop.services.customers import add_customer
from ar_desktop.services.invoicing import add_invoice, invoice_ids, invoice_rows, void_invoice
from ar_desktop.services.payments import record_payment
from ar_desktop.services.report_formats import aging_csv, aging_table
from ar_desktop.storage.invoices_repo import InvoiceFilter

TODAY = date(2026, 3, 31)
AS_OF = date(2026, 3, 15)


def day(n: int) -> str:
    return (AS_OF - timedelta(days=n)).isoformat()


def inv(books, number, code, due_ago, amount, issue_ago=None):
    issue_ago = due_ago + 10 if issue_ago is None else issue_ago
    return add_invoice(books, {"number": number, "customer_code": code, "issue_date": day(issue_ago),
                               "due_date": day(due_ago), "amount": amount})


def build(books):
    add_customer(books, {"code": "B2", "name": "Beta, Inc."})
    add_customer(books, {"code": "A1", "name": "Alpha"})
    add_customer(books, {"code": "C3", "name": "Gamma"})
    add_customer(books, {"code": "Z9", "name": "Paid Up"})
    inv(books, "A-0", "A1", 0, "1000.00")       # due on the as-of date: current
    inv(books, "A-1", "A1", 1, "10.00")         # 1-30
    inv(books, "A-30", "A1", 30, "20.00")
    inv(books, "A-31", "A1", 31, "40.00")       # 31-60
    inv(books, "A-61", "A1", 61, "80.00")       # 61-90
    inv(books, "A-91", "A1", 91, "160.00")      # over 90
    inv(books, "B-60", "B2", 60, "1234567.89")
    inv(books, "B-90", "B2", 90, "5.00")
    inv(books, "B-late", "B2", -20, "999.00", issue_ago=-1)  # issued after the as-of date: not counted
    inv(books, "C-void-later", "C3", 5, "300.00")
    inv(books, "C-void-before", "C3", 5, "700.00")
    inv(books, "Z-1", "Z9", 10, "50.00")
    # paid before the as-of date: subtracted; paid after: still open as of then
    record_payment(books, {"date": day(2), "customer_code": "A1", "amount": "4.00", "invoice_number": "A-1"})
    record_payment(books, {"date": day(-3), "customer_code": "A1", "amount": "160.00", "invoice_number": "A-91"})
    record_payment(books, {"date": day(1), "customer_code": "Z9", "amount": "50.00"})
    ids = {r.number: r.id for r in invoice_rows(books, invoice_ids(books, InvoiceFilter()))}
    void_invoice(books, ids["C-void-later"], "cancelled", on=AS_OF + timedelta(days=1))
    void_invoice(books, ids["C-void-before"], "cancelled", on=AS_OF)


def plain_recomputation(books, as_of):
    """Aging by hand from the invoice list and the payment dates known to the test."""
    rows = invoice_rows(books, invoice_ids(books, InvoiceFilter()))
    paid_by_then = {"A-1": Decimal("4.00"), "Z-1": Decimal("50.00")}
    voided_on = {"C-void-later": AS_OF + timedelta(days=1), "C-void-before": AS_OF}
    out = {}
    for r in rows:
        if r.issue_date > as_of or (r.number in voided_on and voided_on[r.number] <= as_of):
            continue
        out.setdefault(r.customer_code, []).append((r.due_date, r.amount - paid_by_then.get(r.number, Decimal(0))))
    return {code: oracle_aging(items, as_of) for code, items in out.items() if sum(a for _, a in items) != 0}


def test_aging_matches_plain_recomputation(books):
    build(books)
    (block,) = aging_report(books, AS_OF)
    assert block.currency == "EUR"
    expected = plain_recomputation(books, AS_OF)
    assert [r.customer_code for r in block.rows] == ["A1", "B2", "C3"] == sorted(expected)
    for r in block.rows:
        assert r.buckets == expected[r.customer_code], r.customer_code
    a1 = block.rows[0].buckets
    assert a1 == {"current": Decimal("1000.00"), "d1_30": Decimal("26.00"), "d31_60": Decimal("40.00"),
                  "d61_90": Decimal("80.00"), "over_90": Decimal("160.00")}
    assert block.rows[1].buckets["d31_60"] == Decimal("1234567.89")
    assert block.rows[1].buckets["d61_90"] == Decimal("5.00")
    assert block.rows[2].buckets["d1_30"] == Decimal("300.00")  # voided after the as-of date: still counted
    for k in BUCKET_KEYS:
        assert block.total.buckets[k] == sum(r.buckets[k] for r in block.rows)
    assert block.total.total == Decimal("1236178.89")


def test_aging_as_of_today_after_payments_and_voids(books):
    build(books)
    (block,) = aging_report(books, TODAY)
    codes = {r.customer_code: r for r in block.rows}
    assert "C3" not in codes and "Z9" not in codes
    assert codes["A1"].total == Decimal("1146.00")
    assert codes["B2"].total == Decimal("1235571.89")


def test_aging_csv_contract(books):
    build(books)
    text = aging_csv(aging_report(books, AS_OF))
    assert text == (
        "customer_code,customer_name,current,d1_30,d31_60,d61_90,over_90,total\n"
        "A1,Alpha,1000.00,26.00,40.00,80.00,160.00,1306.00\n"
        'B2,"Beta, Inc.",0.00,0.00,1234567.89,5.00,0.00,1234572.89\n'
        "C3,Gamma,0.00,300.00,0.00,0.00,0.00,300.00\n"
        "TOTAL,Total,1000.00,326.00,1234607.89,85.00,160.00,1236178.89\n"
    )
    rows = list(csv.DictReader(io.StringIO(text)))
    assert sum(Decimal(r["total"]) for r in rows[:-1]) == Decimal(rows[-1]["total"])


def test_aging_csv_empty_and_table(books):
    assert aging_csv(aging_report(books, AS_OF)) == (
        "customer_code,customer_name,current,d1_30,d31_60,d61_90,over_90,total\nTOTAL,Total,0.00,0.00,0.00,0.00,0.00,0.00\n")
    assert aging_table(aging_report(books, AS_OF)) == "No open invoices.\n"
    build(books)
    table = aging_table(aging_report(books, AS_OF))
    lines = table.splitlines()
    assert lines[0] == "Currency: EUR"
    assert lines[1].split() == ["Code", "Customer", "Not", "yet", "due", "1–30", "31–60", "61–90", "Over", "90", "Total"]
    assert lines[-1].split() == ["TOTAL", "Total", "1,000.00", "326.00", "1,234,607.89", "85.00", "160.00",
                                 "1,236,178.89"]


def test_aging_several_currencies(books):
    add_customer(books, {"code": "US1", "name": "Yankee", "currency": "USD"})
    add_customer(books, {"code": "EU1", "name": "Euro"})
    add_customer(books, {"code": "JP1", "name": "Nippon", "currency": "JPY"})
    inv(books, "U1", "US1", 3, "10.50")
    inv(books, "E1", "EU1", 45, "7.25")
    inv(books, "J1", "JP1", -5, "15000")
    blocks = aging_report(books, AS_OF)
    assert [b.currency for b in blocks] == ["EUR", "JPY", "USD"]
    assert aging_csv(blocks) == (
        "customer_code,customer_name,current,d1_30,d31_60,d61_90,over_90,total,currency\n"
        "EU1,Euro,0.00,0.00,7.25,0.00,0.00,7.25,EUR\n"
        "TOTAL,Total,0.00,0.00,7.25,0.00,0.00,7.25,EUR\n"
        "customer_code,customer_name,current,d1_30,d31_60,d61_90,over_90,total,currency\n"
        "JP1,Nippon,15000.00,0.00,0.00,0.00,0.00,15000.00,JPY\n"
        "TOTAL,Total,15000.00,0.00,0.00,0.00,0.00,15000.00,JPY\n"
        "customer_code,customer_name,current,d1_30,d31_60,d61_90,over_90,total,currency\n"
        "US1,Yankee,0.00,10.50,0.00,0.00,0.00,10.50,USD\n"
        "TOTAL,Total,0.00,10.50,0.00,0.00,0.00,10.50,USD\n"
    )
