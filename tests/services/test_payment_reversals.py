"""Every money entry in one list; reversing an entry and changing its split add new entries dated
the day they are made, so reports of earlier days stay exactly as they were."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from ar_desktop.domain.allocation import Allocation
from ar_desktop.domain.errors import UserError
from ar_desktop.services.adjustments import write_off
from ar_desktop.services.aging import aging_report
from ar_desktop.services.customers import add_customer
from ar_desktop.services.invoicing import add_invoice, invoice_ids, invoice_rows, void_invoice
from ar_desktop.services.late_charges import charges_report
from ar_desktop.services.payments import (apply_credit, change_split, customer_credit, payment_detail,
                                          payment_ids, payment_rows_of, payments_between, record_payment,
                                          reverse_payment)
from ar_desktop.storage.invoices_repo import InvoiceFilter
from ar_desktop.storage.payments_repo import PaymentFilter

D = Decimal


def buckets(books, as_of: date) -> dict[str, Decimal]:
    """The aging of customer ACME as of a day, bucket by bucket (what a printed report shows)."""
    rows = [r for block in aging_report(books, as_of) for r in block.rows if r.customer_code == "ACME"]
    return dict(rows[0].buckets) if rows else {}


def paid(books) -> dict[str, Decimal]:
    return {r.number: r.paid for r in invoice_rows(books, invoice_ids(books, InvoiceFilter()))}


@pytest.fixture
def acme(books):
    cid = add_customer(books, {"code": "ACME", "name": "Acme Ltd", "terms_days": "30",
                               "late_charge_rule": "contract_daily", "late_charge_rate": "0.05"})
    add_customer(books, {"code": "OTHER", "name": "Other Ltd"})
    add_invoice(books, {"number": "A-1", "customer_code": "ACME", "issue_date": "2026-01-01", "amount": "1000.00"})
    add_invoice(books, {"number": "A-2", "customer_code": "ACME", "issue_date": "2026-01-20", "amount": "500.00"})
    return books, cid


def test_a_reversal_keeps_past_aging(acme):
    books, cid = acme
    pid = record_payment(books, {"date": "2026-02-10", "customer_code": "ACME", "amount": "600.00",
                                 "reference": "cheque 1234", "method": "cheque"})
    as_printed = buckets(books, date(2026, 2, 20))
    assert sum(as_printed.values()) == D("900.00")   # 1,500 invoiced, 600 received
    rid = reverse_payment(books, pid, "2026-03-15", "Cheque bounced")
    assert buckets(books, date(2026, 2, 20)) == as_printed             # the past is unchanged
    assert buckets(books, date(2026, 3, 14)) == buckets(books, date(2026, 3, 14))
    assert sum(buckets(books, date(2026, 3, 15)).values()) == D("1500.00")  # from the reversal on
    assert paid(books) == {"A-1": D("0.00"), "A-2": D("0.00")}
    original, reversal = payment_rows_of(books, [pid, rid])
    assert (original.amount, original.applied, original.reversed_by) == (D("600.00"), D("600.00"), rid)
    assert (reversal.kind, reversal.amount, reversal.applied, reversal.reverses_id) == \
        ("reversal", D("-600.00"), D("-600.00"), pid)
    assert (reversal.date, reversal.note, reversal.method, reversal.reference) == \
        (date(2026, 3, 15), "Cheque bounced", "cheque", "cheque 1234")
    assert customer_credit(books, cid) == D("0.00")


def test_a_reversal_keeps_past_late_charges_and_charges_again_after_it(acme):
    books, _cid = acme
    pid = record_payment(books, {"date": "2026-02-10", "customer_code": "ACME", "amount": "1000.00",
                                 "invoice_number": "A-1"})
    before = {r.invoice_number: r.interest for r in charges_report(books, date(2026, 3, 1))}
    reverse_payment(books, pid, "2026-03-15", "Paid by the wrong customer")
    assert {r.invoice_number: r.interest for r in charges_report(books, date(2026, 3, 1))} == before
    after = {r.invoice_number: r for r in charges_report(books, date(2026, 3, 31))}
    # A-1 due 2026-01-31: late 2026-02-01..02-10 (10 days) and again 03-16..03-31 (16 days), 0.05 % a day
    assert after["A-1"].interest == D("13.00") and after["A-1"].days_late == 59


def test_reversing_twice_or_out_of_order_is_refused(acme):
    books, _cid = acme
    pid = record_payment(books, {"date": "2026-02-10", "customer_code": "ACME", "amount": "100.00"})
    with pytest.raises(UserError, match="Say why"):
        reverse_payment(books, pid, "2026-03-01", "  ")
    with pytest.raises(UserError, match="in the future"):
        reverse_payment(books, pid, "2026-04-01", "typo")
    with pytest.raises(UserError, match="was last applied on 2026-02-10"):
        reverse_payment(books, pid, "2026-02-09", "typo")
    rid = reverse_payment(books, pid, "2026-03-01", "typo")
    with pytest.raises(UserError, match=f"already reversed by entry {rid}"):
        reverse_payment(books, pid, "2026-03-02", "typo")
    with pytest.raises(UserError, match=r"\(Reversal\) cannot be reversed"):
        reverse_payment(books, rid, "2026-03-02", "typo")
    with pytest.raises(UserError, match="There is no payment 999"):
        reverse_payment(books, 999, "2026-03-02", "typo")


def test_an_unapplied_payment_reversed_leaves_no_credit_to_apply(acme):
    books, cid = acme
    pid = record_payment(books, {"date": "2026-02-10", "customer_code": "ACME", "amount": "2000.00"})
    assert customer_credit(books, cid) == D("500.00")
    reverse_payment(books, pid, "2026-02-11", "Entered for the wrong customer")
    assert customer_credit(books, cid) == D("0.00")
    with pytest.raises(UserError):
        apply_credit(books, cid)
    assert paid(books) == {"A-1": D("0.00"), "A-2": D("0.00")}


def test_reversing_a_write_off_opens_the_invoice_again(acme):
    books, _cid = acme
    wid = write_off(books, "A-2", None, "Customer insolvent", "2026-03-01")
    assert paid(books)["A-2"] == D("500.00")
    reverse_payment(books, wid, "2026-03-20", "Insolvency administrator paid the dividend")
    assert paid(books)["A-2"] == D("0.00")
    assert payment_rows_of(books, [wid])[0].kind == "write-off"


def test_a_payment_on_a_voided_invoice_is_not_reversed(acme):
    books, _cid = acme
    pid = record_payment(books, {"date": "2026-02-10", "customer_code": "ACME", "amount": "100.00",
                                 "invoice_number": "A-2"})
    a2 = [r for r in invoice_rows(books, invoice_ids(books, InvoiceFilter())) if r.number == "A-2"][0]
    void_invoice(books, a2.id, "Issued twice", date(2026, 2, 15))
    with pytest.raises(UserError, match="A-2, which was voided since"):
        reverse_payment(books, pid, "2026-03-01", "typo")


def test_changing_the_split_is_dated_and_keeps_earlier_reports(acme):
    books, _cid = acme
    ids = {r.number: r.id for r in invoice_rows(books, invoice_ids(books, InvoiceFilter()))}
    pid = record_payment(books, {"date": "2026-02-10", "customer_code": "ACME", "amount": "500.00"})
    assert paid(books) == {"A-1": D("500.00"), "A-2": D("0.00")}       # oldest due first
    feb = buckets(books, date(2026, 2, 20))
    assert change_split(books, pid, [Allocation(ids["A-2"], D("500.00"))], "2026-03-01") == 2
    assert paid(books) == {"A-1": D("0.00"), "A-2": D("500.00")}
    assert buckets(books, date(2026, 2, 20)) == feb
    detail = payment_detail(books, pid)
    assert {ln.number: ln.applied for ln in detail.lines} == {"A-1": D("0.00"), "A-2": D("500.00")}
    assert detail.row.applied == D("500.00") and detail.row.unapplied == D("0.00")
    # applying less leaves credit; applying more than the payment or than is open is refused
    change_split(books, pid, [Allocation(ids["A-2"], D("200.00"))], "2026-03-02")
    assert payment_detail(books, pid).row.unapplied == D("300.00")
    with pytest.raises(UserError, match="more than the payment"):
        change_split(books, pid, [Allocation(ids["A-1"], D("400.00")), Allocation(ids["A-2"], D("200.00"))])
    with pytest.raises(UserError, match="last applied on 2026-03-02"):
        change_split(books, pid, [Allocation(ids["A-1"], D("100.00"))], "2026-03-01")
    # reversing now takes back exactly what it applies now
    reverse_payment(books, pid, "2026-03-31", "Duplicate entry")
    assert paid(books) == {"A-1": D("0.00"), "A-2": D("0.00")}
    with pytest.raises(UserError, match="was reversed; its split can no longer be changed"):
        change_split(books, pid, [])


def test_the_list_filters_and_sorts_in_sql(acme):
    books, cid = acme
    p1 = record_payment(books, {"date": "2026-02-10", "customer_code": "ACME", "amount": "100.00",
                                "reference": "wire 77"})
    w = write_off(books, "A-2", "50.00", "Small balance", "2026-03-05")
    p2 = record_payment(books, {"date": "2026-03-10", "customer_code": "ACME", "amount": "2000.00"})
    r = reverse_payment(books, p1, "2026-03-25", "Wrong amount")
    # what p2 leaves over after the open invoices recovers the write-off first (services.recoveries)
    (rec,) = payment_ids(books, PaymentFilter(kind="recovery"))
    assert payment_ids(books, PaymentFilter()) == [r, p2, rec, w, p1]  # newest first
    assert payment_ids(books, PaymentFilter(kind="reversal")) == [r]
    assert payment_ids(books, PaymentFilter(kind="write-off")) == [w]
    assert payment_ids(books, PaymentFilter(kind="payment")) == [p2, p1]
    assert payment_ids(books, PaymentFilter(), sort="kind", descending=False) == [p1, p2, rec, r, w]
    assert payment_ids(books, PaymentFilter(search="wire 77")) == [r, p1]  # a reversal keeps the reference
    assert payment_ids(books, PaymentFilter(search=str(p2))) == [p2]
    assert payment_ids(books, PaymentFilter(only_unapplied=True)) == [p2]  # p1 was reversed
    assert payment_ids(books, PaymentFilter(date_from=date(2026, 3, 1), date_to=date(2026, 3, 20)),
                       descending=False) == [w, rec, p2]
    assert payment_ids(books, PaymentFilter(), sort="unapplied", descending=True)[0] == p2
    assert payment_ids(books, PaymentFilter(customer_id=cid + 1)) == []
    assert [p.id for p in payments_between(books, "ACME", "2026-03-01", "2026-03-31")] == [w, rec, p2, r]
    with pytest.raises(UserError, match="There is no customer with code NOPE"):
        payments_between(books, "NOPE")
    with pytest.raises(UserError, match="ends"):
        payments_between(books, None, "2026-03-31", "2026-03-01")


def test_one_list_of_kinds_from_the_list_to_export_and_import(acme, tmp_path):
    """The Payments list, the export and the import name kinds from domain/payment_kinds.py; a
    reversal exports as one and is refused by an import with a way forward."""
    import csv

    from ar_desktop.domain.payment_kinds import KINDS
    from ar_desktop.services.exports import export
    from ar_desktop.services.importing import ImportRefused, import_file

    books, _cid = acme
    p1 = record_payment(books, {"date": "2026-02-10", "customer_code": "ACME", "amount": "100.00",
                                "reference": "wire 77"})
    w = write_off(books, "A-2", "50.00", "Small balance", "2026-03-05")
    r = reverse_payment(books, p1, "2026-03-25", "Wrong amount")
    assert {row.id: row.kind for row in payment_rows_of(books, [p1, w, r])} == {
        p1: "payment", w: "write-off", r: "reversal"}
    assert all(row.kind in KINDS for row in payment_rows_of(books, payment_ids(books, PaymentFilter())))

    path = tmp_path / "payments.csv"
    export(books, "payments", path)
    with path.open(encoding="utf-8-sig", newline="") as f:
        exported = {int(row["payment_id"]): row for row in csv.DictReader(f)}
    assert (exported[p1]["kind"], exported[w]["kind"], exported[r]["kind"]) == ("payment", "write-off", "reversal")
    assert exported[r]["amount"] == "-100.00" and exported[r]["method"] == exported[p1]["method"]

    assert exported[r]["reverses"] == str(p1) and exported[r]["reason"] == "Wrong amount"

    # a reversal comes in only with the entry it reverses, above it in the same file
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write("date,customer_code,amount,kind,reference,reason\n2026-03-26,ACME,-100.00,reversal,wire 77,bounced\n")
    with pytest.raises(ImportRefused, match="names the payment_id of the entry it reverses") as refused:
        import_file(books, "payments", path)
    assert refused.value.report.new == 0 and len(payment_ids(books, PaymentFilter())) == 3
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write("payment_id,date,customer_code,amount,kind,reference,allocations,reverses,reason\n"
                "7,2026-03-26,ACME,100.00,payment,wire 78,A-1: 100.00,,\n"
                "8,2026-03-27,ACME,-100.00,reversal,wire 78,A-1: -90.00,7,bounced\n")
    with pytest.raises(ImportRefused, match="takes back exactly what its entry applies"):
        import_file(books, "payments", path)
    path.write_text(path.read_text(encoding="utf-8").replace("A-1: -90.00", "A-1: -100.00"), encoding="utf-8")
    import_file(books, "payments", path)
    rows = payment_rows_of(books, payment_ids(books, PaymentFilter(kind="reversal")))
    assert [(row.amount, row.applied, row.note) for row in rows if row.reference == "wire 78"] == [
        (D("-100.00"), D("-100.00"), "bounced")]
    derived(books)   # the derived columns and check agree after the import


# --- the derived invoice columns (storage.open_set) through reversals and changes of split ---------

def derived(books) -> dict[str, tuple]:
    """Each invoice's (paid, last_paid_on, cleared_on, closed_on, span_class), after asserting that
    check's recomputation of every derived column from the allocations finds no mismatch."""
    import sqlite3

    from ar_desktop.services.backups import check
    from ar_desktop.storage import open_set
    from ar_desktop.storage.days import iso_sql

    con = sqlite3.connect(books.db.path)
    try:
        assert open_set.derived_mismatches(con) == []
        rows = {n: row for n, *row in con.execute(
            f"SELECT number, paid, {iso_sql('last_paid_on')}, {iso_sql('cleared_on')}, {iso_sql('closed_on')}, "
            "span_class FROM invoice")}
    finally:
        con.close()
    assert check(books).ok
    return {n: tuple(r) for n, r in rows.items()}


def test_an_invoice_cleared_then_reopened_by_a_reversal(acme):
    """A-1 paid in full on 10 Feb, the cheque bounces on 15 Mar: cleared and closed on 10 Feb before,
    open again from 15 Mar; the aging of February still shows it paid, today's shows it open; paid
    again on 25 Mar, it is cleared on that day."""
    from ar_desktop.services.worklist import worklist
    from ar_desktop.storage.orm import SPAN_OPEN

    books, _cid = acme
    ids = {r.number: r.id for r in invoice_rows(books, invoice_ids(books, InvoiceFilter()))}
    pid = record_payment(books, {"date": "2026-02-10", "customer_code": "ACME", "amount": "1000.00"},
                         [Allocation(ids["A-1"], D("1000.00"))])
    assert derived(books)["A-1"][:4] == (100000, "2026-02-10", "2026-02-10", "2026-02-10")
    feb, mar = buckets(books, date(2026, 2, 20)), buckets(books, date(2026, 3, 14))
    assert sum(feb.values()) == sum(mar.values()) == D("500.00")          # A-2 only
    on_feb = {r.customer_code: r.overdue_amount for r in worklist(books, date(2026, 3, 14))}

    reverse_payment(books, pid, "2026-03-15", "Cheque bounced")
    assert derived(books)["A-1"] == (0, "2026-03-15", None, None, SPAN_OPEN)
    assert buckets(books, date(2026, 2, 20)) == feb and buckets(books, date(2026, 3, 14)) == mar  # the past
    today = buckets(books, date(2026, 3, 31))
    assert today["d31_60"] == D("1500.00")   # A-1 due 31 Jan, A-2 19 Feb
    assert {r.customer_code: r.overdue_amount for r in worklist(books, date(2026, 3, 14))} == on_feb
    assert {r.customer_code: r.overdue_amount for r in worklist(books, date(2026, 3, 31))}["ACME"] == \
        D("1500.00")

    record_payment(books, {"date": "2026-03-25", "customer_code": "ACME", "amount": "1000.00"},
                   [Allocation(ids["A-1"], D("1000.00"))])
    assert derived(books)["A-1"][:4] == (100000, "2026-03-25", "2026-03-25", "2026-03-25")
    assert buckets(books, date(2026, 2, 20)) == feb and sum(buckets(books, date(2026, 3, 20)).values()) == \
        D("1500.00")
    assert sum(buckets(books, date(2026, 3, 31)).values()) == D("500.00")


def test_the_figures_of_a_day_stand_after_a_later_reversal(acme):
    """A-1 paid in full on 10 Feb counts as cleared in the 30 days to 1 March; the cheque bouncing on 15 Mar
    reopens it after that day: the figures as of 1 March, its clearing among them, stay as they were (the
    invoice is then found in 1 March's open set, read only when something is allocated after the day)."""
    from ar_desktop.services.kpis import kpis

    books, _cid = acme
    ids = {r.number: r.id for r in invoice_rows(books, invoice_ids(books, InvoiceFilter()))}
    pid = record_payment(books, {"date": "2026-02-10", "customer_code": "ACME", "amount": "1000.00"},
                         [Allocation(ids["A-1"], D("1000.00"))])
    before = kpis(books, date(2026, 3, 1), 30)
    assert before.cleared_count == 1 and before.average_days_to_pay is not None
    reverse_payment(books, pid, "2026-03-15", "Cheque bounced")
    assert kpis(books, date(2026, 3, 1), 30) == before
    assert kpis(books, date(2026, 3, 31), 60).cleared_count == 0   # after the reversal: not cleared


@pytest.mark.parametrize("later", ["bounced and paid again the same day", "split changed to the other invoice"])
def test_the_figures_of_a_day_stand_after_a_later_day_whose_allocations_net_to_nothing(acme, later):
    """A-1 cleared on 10 Feb; on 15 Mar a change nets that day's allocations to 0 (the cheque bounces and is paid
    again, or the money moves to A-2 of the same currency): the summary of balances keeps no row for such a day
    once it is recomputed (as `check --repair`, an upgrade or an import's catch-up do), and the figures as of
    1 March must still count A-1's clearing."""
    import sqlite3

    from ar_desktop.services.kpis import kpis
    from ar_desktop.storage import balance_summary

    books, _cid = acme
    ids = {r.number: r.id for r in invoice_rows(books, invoice_ids(books, InvoiceFilter()))}
    add_invoice(books, {"number": "A-3", "customer_code": "ACME", "issue_date": "2026-01-25", "amount": "1000.00"})
    ids = {r.number: r.id for r in invoice_rows(books, invoice_ids(books, InvoiceFilter()))}
    pid = record_payment(books, {"date": "2026-02-10", "customer_code": "ACME", "amount": "1000.00"},
                         [Allocation(ids["A-1"], D("1000.00"))])
    before = kpis(books, date(2026, 3, 1), 30)
    assert before.cleared_count == 1 and before.average_days_to_pay is not None
    if later.startswith("bounced"):
        reverse_payment(books, pid, "2026-03-15", "Cheque bounced")
        record_payment(books, {"date": "2026-03-15", "customer_code": "ACME", "amount": "1000.00"},
                       [Allocation(ids["A-1"], D("1000.00"))])
    else:
        change_split(books, pid, [Allocation(ids["A-3"], D("1000.00"))], "2026-03-15")
    con = sqlite3.connect(books.db.path)
    try:
        balance_summary.rebuild(con)
        con.commit()
    finally:
        con.close()
    assert kpis(books, date(2026, 3, 1), 30) == before


def test_a_change_of_split_reopens_one_invoice_and_clears_another(acme):
    books, _cid = acme
    ids = {r.number: r.id for r in invoice_rows(books, invoice_ids(books, InvoiceFilter()))}
    pid = record_payment(books, {"date": "2026-02-10", "customer_code": "ACME", "amount": "500.00"},
                         [Allocation(ids["A-2"], D("500.00"))])
    assert derived(books)["A-2"][:4] == (50000, "2026-02-10", "2026-02-10", "2026-02-10")
    feb = buckets(books, date(2026, 2, 20))
    change_split(books, pid, [Allocation(ids["A-1"], D("500.00"))], "2026-03-01")
    got = derived(books)
    assert got["A-2"][:4] == (0, "2026-03-01", None, None)       # reopened on the day of the change
    assert got["A-1"][:4] == (50000, "2026-03-01", None, None)   # half paid
    assert buckets(books, date(2026, 2, 20)) == feb
    assert sum(buckets(books, date(2026, 3, 31)).values()) == D("1000.00")


def test_nothing_is_taken_back_or_applied_beyond_what_each_day_allows(acme):
    """A reversal takes back what its payment applied, never more; an amount applied before a later
    payment that already clears the invoice is refused (it would overpay it on those days), and
    so is lowering an invoice below what a reversed payment once paid on it."""
    from ar_desktop.services.invoicing import update_invoice

    books, _cid = acme
    ids = {r.number: r.id for r in invoice_rows(books, invoice_ids(books, InvoiceFilter()))}
    p1 = record_payment(books, {"date": "2026-02-10", "customer_code": "ACME", "amount": "500.00"},
                        [Allocation(ids["A-2"], D("500.00"))])
    reverse_payment(books, p1, "2026-03-01", "Wrong customer")
    with pytest.raises(UserError, match="A-2 would be overpaid on 2026-02-15.*on or after 2026-03-01"):
        record_payment(books, {"date": "2026-02-15", "customer_code": "ACME", "amount": "500.00"},
                       [Allocation(ids["A-2"], D("500.00"))])
    record_payment(books, {"date": "2026-03-01", "customer_code": "ACME", "amount": "500.00"},
                   [Allocation(ids["A-2"], D("500.00"))])          # paid again from the reversal on
    assert paid(books)["A-2"] == D("500.00")
    reverse_payment(books, p1 + 2, "2026-03-02", "Paid twice")
    with pytest.raises(UserError, match="cannot be lower"):
        update_invoice(books, ids["A-2"], {"number": "A-2", "customer_code": "ACME", "issue_date": "2026-01-20",
                                           "amount": "400.00"})
    derived(books)


def test_reversing_a_payment_undoes_the_discount_it_earned_and_the_recovery_split_from_it(books):
    """A payment in the discount period settles its invoice with a discount entry; a bounced payment
    leaves the whole invoice open again, so its reversal takes the discount back too (same day, same
    reason). Money a payment leaves over after a written-off debt is a recovery: reversed with it."""
    from ar_desktop.services.adjustments import write_off
    from ar_desktop.services.recoveries import recoveries

    add_customer(books, {"code": "PROMPT", "name": "Prompt Payer Ltd", "terms": "2/10 net 30"})
    add_invoice(books, {"number": "D-0", "customer_code": "PROMPT", "issue_date": "2026-01-02", "amount": "100.00"})
    add_invoice(books, {"number": "D-1", "customer_code": "PROMPT", "issue_date": "2026-03-01", "amount": "1000.00"})
    add_invoice(books, {"number": "D-2", "customer_code": "PROMPT", "issue_date": "2026-03-01", "amount": "20.00"})
    write_off(books, "D-0", None, "customer disappeared", "2026-02-20")
    prompt = record_payment(books, {"date": "2026-03-11", "customer_code": "PROMPT", "amount": "980.00",
                                    "invoice_number": "D-1", "reference": "bank 9"})
    more = record_payment(books, {"date": "2026-03-12", "customer_code": "PROMPT", "amount": "70.00",
                                  "invoice_number": "D-2", "reference": "bank 10"})
    assert paid(books) == {"D-0": D("100.00"), "D-1": D("1000.00"), "D-2": D("20.00")}   # 980 + a 20 discount
    kinds = {r.kind for r in payment_rows_of(books, payment_ids(books, PaymentFilter()))}
    assert {"discount", "recovery"} <= kinds               # and 50 of the 100 written off recovered
    assert [r.amount for r in recoveries(books, date(2026, 3, 1), date(2026, 3, 31))] == [D("50.00")]

    reverse_payment(books, prompt, "2026-03-20", "bounced")
    reverse_payment(books, more, "2026-03-20", "wrong customer")
    assert paid(books) == {"D-0": D("100.00"), "D-1": D("0.00"), "D-2": D("0.00")}   # all open again
    rows = payment_rows_of(books, payment_ids(books, PaymentFilter(kind="reversal")))
    assert sorted((r.amount, r.note) for r in rows) == [
        (D("-980.00"), "bounced"), (D("-50.00"), "wrong customer"), (D("-20.00"), "bounced"),
        (D("-20.00"), "wrong customer")]
    assert sum(r.amount for r in recoveries(books, date(2026, 3, 1), date(2026, 3, 31))) == D("0.00")
    assert buckets_of(books, "PROMPT", date(2026, 3, 15)) == {}   # settled on the 15th, as printed then
    assert sum(buckets_of(books, "PROMPT", date(2026, 3, 31)).values()) == D("1020.00")
    derived(books)


def buckets_of(books, code: str, as_of: date) -> dict[str, Decimal]:
    rows = [r for block in aging_report(books, as_of) for r in block.rows if r.customer_code == code]
    return {k: v for k, v in rows[0].buckets.items() if v} if rows else {}
