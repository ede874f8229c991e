"""Export -> import is a round trip: a file rebuilt from its exports has the same aging at every past
date and the same fields, per list (CSV and .xlsx) and with export-company / import-company."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from ar_desktop.clock import FixedClock
from ar_desktop.domain.allocation import Allocation
from ar_desktop.services import (collection_holds, collection_log, confirmations, credit_checks, insurance, limitation,
                                 payment_plans)
from ar_desktop.services.adjustments import credit_note, write_off
from ar_desktop.services.aging import aging_report
from ar_desktop.services.company_file import create_company, open_company
from ar_desktop.services.company_transfer import export_company, import_company
from ar_desktop.services.customers import add_customer
from ar_desktop.services.exports import export
from ar_desktop.services.importing import import_file
from ar_desktop.services.invoicing import add_invoice, set_dispute, void_invoice
from ar_desktop.services.payments import apply_credit, change_split, record_payment, reverse_payment
from ar_desktop.storage import export_repo
from ar_desktop.storage.orm import Customer, Invoice
from ar_desktop.storage.orm_collections import CollectionEvent, HoldRow, PaymentPlanRow, PromiseRow
from ar_desktop.storage.orm_credit import (Acknowledgement, BalanceConfirmation, CreditCheckRow, InsurancePolicy,
                                           InsuredLimitRow, InsurerEventRow)

TODAY = dt.date(2026, 3, 31)
DATES = [dt.date(2025, 10, 1) + dt.timedelta(days=16 * k) for k in range(12)] + [TODAY]


def _invoice_id(books, number: str) -> int:
    with books.db.session() as s:
        return s.scalar(select(Invoice.id).where(Invoice.number == number))


@pytest.fixture(scope="module")
def ledger(tmp_path_factory) -> Path:
    """A small ledger with every kind of record."""
    path = tmp_path_factory.mktemp("ledger") / "ledger.ardb"
    books = create_company(path, "Round Trip GmbH", "EUR", "DE", clock=FixedClock(TODAY))
    try:
        add_customer(books, {"code": "ACME", "name": "Acme Ltd", "contact": "Ms Meier", "address": "Street 1\nBerlin",
                             "postcode": "10115", "city": "Berlin", "country": "DE", "email": "ap@acme.example",
                             "phone": "+49 30 1234", "tax_id": "DE123456789", "credit_limit": "50000.00",
                             "credit_class": "A", "terms_days": "14", "currency": "EUR", "language": "en",
                             "notes": "=call before noon", "on_hold": "yes", "late_charge_rule": "contract_daily",
                             "late_charge_rate": "0.05", "limitation": "de"})
        add_customer(books, {"code": "BETA", "name": "Beta, \"Inc.\"", "credit_class": "C", "terms_days": "30",
                             "language": "zh", "notes": "北京 — 客户", "limitation": "cn"})
        add_customer(books, {"code": "JP", "name": "Nippon KK", "currency": "JPY", "terms_days": "60"})
        add_customer(books, {"code": "GONE", "name": "Gone Insolvent Ltd", "country": "GB", "limitation": "uk"})
        add_customer(books, {"code": "SKONTO", "name": "Prompt Payer AG", "terms": "2/10 net 30",
                             "retention_of_title": "yes"})
        for number, code, issue, amount in (("A-1", "ACME", "2025-09-01", "1000.00"),
                                            ("A-2", "ACME", "2025-10-15", "2500.50"),
                                            ("A-3", "ACME", "2025-11-20", "300.00"),
                                            ("A-4", "ACME", "2026-01-05", "99.99"),
                                            ("B-1", "BETA", "2025-08-01", "700.00"),
                                            ("B-2", "BETA", "2025-12-01", "450.00"),
                                            ("B-3", "BETA", "2026-02-01", "120.00"),
                                            ("J-1", "JP", "2025-10-01", "150000"),
                                            ("G-1", "GONE", "2025-09-15", "500.00"),
                                            ("S-1", "SKONTO", "2026-01-10", "1000.00"),
                                            ("S-2", "SKONTO", "2026-03-25", "400.00")):
            add_invoice(books, {"number": number, "customer_code": code, "issue_date": issue, "amount": amount,
                                "reference": f"PO {number}", "description": "-goods"})
        set_dispute(books, _invoice_id(books, "A-3"), True, "quality of delivery")
        # a partial payment, a payment over two invoices, a named one, and one leaving credit
        record_payment(books, {"date": "2025-10-10", "customer_code": "ACME", "amount": "400.00",
                               "reference": "bank 1"})
        record_payment(books, {"date": "2025-11-30", "customer_code": "ACME", "amount": "3100.50",
                               "reference": "bank 2", "method": "cheque"})
        record_payment(books, {"date": "2025-12-20", "customer_code": "BETA", "amount": "450.00",
                               "invoice_number": "B-2", "reference": "bank 3"})
        record_payment(books, {"date": "2026-01-10", "customer_code": "BETA", "amount": "900.00",
                               "reference": "bank 4"})
        record_payment(books, {"date": "2026-01-12", "customer_code": "JP", "amount": "50000",
                               "reference": "wire"})
        # an early-payment discount taken on its last day (S-2's is still offered)
        record_payment(books, {"date": "2026-01-20", "customer_code": "SKONTO", "amount": "980.00",
                               "reference": "bank 6"})
        # corrections
        write_off(books, "A-4", "49.99", "uncollectable remainder", "2026-02-10")
        credit_note(books, "J-1", "20000", "returned goods", "2026-02-11", number="CN-7")
        # a bad debt written off, then partly recovered (a recovery entry, never customer credit)
        write_off(books, "G-1", None, "customer insolvent", "2026-01-20")
        record_payment(books, {"date": "2026-03-10", "customer_code": "GONE", "amount": "120.00",
                               "reference": "administrator's first dividend"})
        # a void of an invoice that had a payment: its money becomes credit, applied later
        record_payment(books, {"date": "2026-02-02", "customer_code": "BETA", "amount": "100.00",
                               "invoice_number": "B-3", "reference": "bank 5"},)
        void_invoice(books, _invoice_id(books, "B-3"), "issued twice", dt.date(2026, 2, 20))
        add_invoice(books, {"number": "B-4", "customer_code": "BETA", "issue_date": "2026-02-25", "amount": "80.00"})
        apply_credit(books, _customer_id(books, "BETA"), dt.date(2026, 3, 1))
        # a change of split (A-4 cleared, then reopened as the money moves to A-3) and a reversal (A-3
        # cleared by a cheque that bounced): each dated, so the aging of earlier days is unchanged
        moved = record_payment(books, {"date": "2026-02-15", "customer_code": "ACME", "amount": "50.00",
                                       "invoice_number": "A-4", "reference": "bank 6"})
        change_split(books, moved, [Allocation(_invoice_id(books, "A-3"), Decimal("50.00"))], "2026-02-20")
        bounced = record_payment(books, {"date": "2026-02-25", "customer_code": "ACME", "amount": "250.00",
                                         "invoice_number": "A-3", "reference": "cheque 99", "method": "cheque"})
        reverse_payment(books, bounced, "2026-02-28", "cheque bounced")
        # collections history: a promise, a hold, a call, a plan
        collection_log.record_promise(books, "ACME", "2026-04-15", "200.00", made_on="2026-03-01")
        collection_holds.put_on_hold(books, "JP", "2026-04-30", "director on leave", on="2026-03-05")
        collection_log.log_call(books, "ACME", "2026-03-02", "reached", "will pay")
        payment_plans.create_payment_plan(books, "ACME", ["A-4"], 2, "2026-04-10", 30, note="two parts",
                                          starts_on="2026-03-10")
        # credit risk: an insured limit and an insurer event, a credit check, an acknowledgement of
        # debt (restarting the limitation clock) and a balance confirmation returned
        insurance.add_policy(books, "Allianz Trade", "EH-1", "90", "60", "30", "90", "120", "10000")
        insurance.insure(books, "ACME", "20000", "2025-09-01", reference="EH-88123")
        insurance.record_insurer_event(books, "ACME", "notified", "2026-03-03", note="overdue notification")
        credit_checks.record_credit_check(books, "BETA", "2026-01-15", "registry, credit_report", "clean",
                                          "approved", "5000", "2027-01-15")
        limitation.acknowledge(books, "A-3", "2026-02-01", "signed statement")
        rid, _pdf = confirmations.request_confirmation(books, "ACME", "2026-04-20")
        confirmations.record_returned_slip(books, rid, TODAY.isoformat(), True)
    finally:
        books.close()
    return path


def _customer_id(books, code: str) -> int:
    from ar_desktop.storage import customers_repo

    with books.db.session() as s:
        return customers_repo.id_by_code(s, code)


_CREDIT_TABLES = (InsurancePolicy, InsuredLimitRow, InsurerEventRow, CreditCheckRow, Acknowledgement,
                  BalanceConfirmation)


def _rows(s, table, customers_by_id: dict, invoices_by_id: dict) -> list[tuple]:
    """A table's rows with customers and invoices by code and number (ids differ between files) and
    without the time a row was written."""
    out = []
    for row in s.scalars(select(table)):
        values = []
        for column in table.__table__.columns:
            if column.name in ("id", "created_at"):
                continue
            value = getattr(row, column.key)
            if column.name == "customer_id":
                value = customers_by_id[value]
            elif column.name == "invoice_id":
                value = invoices_by_id[value]
            values.append((column.name, value))
        out.append(tuple(values))
    return sorted(out, key=repr)


def snapshot(path: Path) -> dict:
    """What a bookkeeper would compare: aging at every date, every field of every record."""
    books = open_company(path, FixedClock(TODAY))
    try:
        aging = {d: [(b.currency, [(r.customer_code, dict(r.buckets), r.total) for r in b.rows]) for b in
                     aging_report(books, d)] for d in DATES}
        with books.db.session() as s:
            customers_by_id = dict(s.execute(select(Customer.id, Customer.code)).tuples().all())
            invoices_by_id = dict(s.execute(select(Invoice.id, Invoice.number)).tuples().all())
            customers = list(export_repo.customers(s))
            invoices = [(inv.number, code, inv.issue_date, inv.due_date, inv.amount, inv.paid, inv.currency,
                         inv.reference, inv.description, inv.disputed, inv.dispute_reason, inv.voided,
                         inv.voided_on, inv.void_reason, inv.discount, inv.discount_until, inv.retention_of_title)
                        for inv, code, _name in export_repo.invoices(s)]
            payments = [(date, code, units, cur, method, ref, sorted(parts), rev is not None, note)
                        for _pid, date, code, _n, units, cur, method, ref, rev, note, parts in export_repo.payments(s)]
            history = {
                "events": sorted((e.kind, e.date, e.step_key, e.outcome, e.note, e.amount) for e in
                                 s.scalars(select(CollectionEvent))),
                "promises": sorted((p.made_on, p.promised_date, p.amount, p.status) for p in
                                   s.scalars(select(PromiseRow))),
                "holds": sorted((h.until, h.reason, h.set_on, h.released_on) for h in s.scalars(select(HoldRow))),
                "plans": sorted((p.starts_on, p.ends_on, p.status) for p in s.scalars(select(PaymentPlanRow))),
                "credit": [_rows(s, table, customers_by_id, invoices_by_id) for table in _CREDIT_TABLES]}
    finally:
        books.close()
    return {"aging": aging, "customers": customers, "invoices": invoices, "payments": payments, "history": history}


def test_the_ledger_has_every_kind_of_record(ledger):
    snap = snapshot(ledger)
    methods = {p[4] for p in snap["payments"]}
    assert {"write-off", "credit note", "void reversal", "cheque", "bank transfer", "recovery", "discount"} <= methods
    assert {(i[0], i[14], i[15]) for i in snap["invoices"] if i[14]} == {("S-1", 2000, dt.date(2026, 1, 20)),
                                                                         ("S-2", 800, dt.date(2026, 4, 4))}
    assert {i[0] for i in snap["invoices"] if i[16]} == {"S-1", "S-2"}  # retention of title
    assert {c.limitation for c in snap["customers"]} == {"de", "cn", "uk", ""}
    assert all(snap["history"]["credit"])  # a row in every credit-risk table
    assert any(len(p[6]) > 1 for p in snap["payments"])  # a payment over two invoices
    assert any(part[2] > p[0] for p in snap["payments"] for part in p[6])  # credit applied later
    assert any(p[7] and p[8] == "cheque bounced" for p in snap["payments"])  # a reversal, with its reason
    assert any(part[1] < 0 and not p[7] for p in snap["payments"] for part in p[6])  # a change of split
    assert any(i[11] for i in snap["invoices"]) and any(i[9] for i in snap["invoices"])
    assert len({str(v) for v in snap["aging"].values()}) > 6  # the dates tell the history apart


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_lists_round_trip(ledger, tmp_path, suffix):
    books = open_company(ledger, FixedClock(TODAY))
    try:
        for what in ("customers", "invoices", "payments"):
            export(books, what, tmp_path / f"{what}{suffix}")
    finally:
        books.close()
    rebuilt = tmp_path / "rebuilt.ardb"
    books = create_company(rebuilt, "Round Trip GmbH", "EUR", "DE", clock=FixedClock(TODAY))
    try:
        for what in ("customers", "invoices", "payments"):
            import_file(books, what, tmp_path / f"{what}{suffix}")
    finally:
        books.close()
    before, after = snapshot(ledger), snapshot(rebuilt)
    for date in DATES:
        assert after["aging"][date] == before["aging"][date], date
    for key in ("customers", "invoices", "payments"):
        assert after[key] == before[key]


def test_company_round_trip(ledger, tmp_path):
    books = open_company(ledger, FixedClock(TODAY))
    try:
        manifest = export_company(books, tmp_path / "export")
    finally:
        books.close()
    assert manifest["files"]["invoices.csv"]["rows"] == 12
    assert {"customers.csv", "collection_event.csv", "promise.csv", "setting.csv", "audit_entry.csv"} <= set(
        manifest["files"])
    counts = import_company(tmp_path / "export", tmp_path / "moved.ardb", FixedClock(TODAY))
    assert counts["invoices"] == 12
    assert snapshot(tmp_path / "moved.ardb") == snapshot(ledger)


def test_import_company_is_all_or_nothing(ledger, tmp_path):
    books = open_company(ledger, FixedClock(TODAY))
    try:
        export_company(books, tmp_path / "export")
    finally:
        books.close()
    promise = tmp_path / "export" / "promise.csv"
    promise.write_bytes(promise.read_bytes().replace(b"ACME", b"NOBODY"))
    with pytest.raises(Exception, match="changed after the export"):
        import_company(tmp_path / "export", tmp_path / "moved.ardb", FixedClock(TODAY))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export"]
    with pytest.raises(Exception, match="not an empty folder"):
        books = open_company(ledger, FixedClock(TODAY))
        try:
            export_company(books, tmp_path / "export")
        finally:
            books.close()


def test_a_payment_to_a_voided_invoice_is_kept_until_its_void_date(ledger):
    b3 = next(i for i in snapshot(ledger)["invoices"] if i[0] == "B-3")
    assert b3[11] and b3[12] == dt.date(2026, 2, 20) and b3[5] == 10000  # what was paid stays on the void invoice
