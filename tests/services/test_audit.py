"""The audit trail is written by storage for every write; adjustments correct by new entries."""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import json
from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import select

from ar_desktop.domain.errors import UserError
from ar_desktop.services.adjustments import credit_note, write_off
from ar_desktop.services.aging import aging_report
from ar_desktop.services.audit import audit_for, imports, recent_changes
from ar_desktop.services.backups import check
from ar_desktop.services.customers import add_customer, update_customer
from ar_desktop.services.import_mapping import suggest_options
from ar_desktop.services.importing import run_import
from ar_desktop.services.source_files import open_source
from ar_desktop.services.invoicing import add_invoice, delete_invoice, void_invoice
from ar_desktop.services.payments import record_payment
from ar_desktop.storage import invoices_repo
from ar_desktop.storage.orm_audit import AuditEntry


def _invoice_id(books, number):
    with books.db.session() as s:
        return invoices_repo.id_by_number(s, number)


@pytest.fixture
def acme(books):
    cid = add_customer(books, {"code": "ACME", "name": "Acme", "city": "Leeds"})
    add_invoice(books, {"number": "I-1", "customer_code": "ACME", "issue_date": "2026-01-01",
                        "due_date": "2026-01-31", "amount": "100.00"})
    return books, cid


def test_create_and_change_are_recorded(acme):
    books, cid = acme
    update_customer(books, cid, {"code": "ACME", "name": "Acme Ltd", "city": "York"})
    entries = audit_for(books, "customer", cid)
    assert entries[0].action == "create" and json.loads(entries[0].new_value)["name"] == "Acme"
    changes = {(e.field, e.old_value, e.new_value) for e in entries if e.action == "change"}
    assert ("name", "Acme", "Acme Ltd") in changes and ("city", "Leeds", "York") in changes


def test_void_and_delete_are_recorded(acme):
    books, _ = acme
    iid = _invoice_id(books, "I-1")
    void_invoice(books, iid, "issued twice", dt.date(2026, 2, 1))
    voids = [e for e in audit_for(books, "invoice", iid) if e.action == "void"]
    assert voids and voids[0].note == "issued twice"
    add_invoice(books, {"number": "I-2", "customer_code": "ACME", "issue_date": "2026-01-01", "amount": "5.00"})
    i2 = _invoice_id(books, "I-2")
    delete_invoice(books, i2)
    deleted = [e for e in audit_for(books, "invoice", i2) if e.action == "delete"]
    assert json.loads(deleted[0].old_value)["number"] == "I-2"


def test_payment_and_its_allocation_are_recorded_not_the_derived_paid_total(acme):
    books, _ = acme
    pid = record_payment(books, {"date": "2026-02-01", "customer_code": "ACME", "amount": "40.00"})
    assert audit_for(books, "payment", pid)[0].action == "create"
    iid = _invoice_id(books, "I-1")
    allocations = [json.loads(e.new_value) for e in recent_changes(books, 50) if e.entity == "allocation"]
    assert allocations == [{"amount": "4000", "date": "2026-02-01", "invoice_id": str(iid), "payment_id": str(pid)}]
    # paid follows from the allocations: not copied into the trail
    assert not [e for e in audit_for(books, "invoice", iid) if e.field in ("paid", "last_paid_on")]


def test_one_entry_per_change_keeps_old_and_new_values(acme):
    books, cid = acme
    n = len(recent_changes(books, 10_000))
    update_customer(books, cid, {"code": "ACME", "name": "Acme Ltd", "city": "York"})
    with books.db.session() as s:
        entries = s.scalars(select(AuditEntry).where(AuditEntry.entity == "customer").order_by(AuditEntry.id)).all()
    assert len(entries) == 2 and entries[-1].action == "change"
    assert json.loads(entries[-1].old_value) == {"name": "Acme", "city": "Leeds"}
    assert json.loads(entries[-1].new_value) == {"name": "Acme Ltd", "city": "York"}
    assert len(recent_changes(books, 10_000)) == n + 2   # read back as one row per field


def test_rolled_back_writes_leave_no_entry(acme):
    books, _ = acme
    n = len(recent_changes(books, 10_000))
    with pytest.raises(UserError):
        add_customer(books, {"code": "ACME", "name": "Again"})
    assert len(recent_changes(books, 10_000)) == n


def _import_invoices(books, path):
    table = open_source(path)
    return run_import(books, table, replace(suggest_options(books, table, "invoices"), create_customers=True))


def test_a_bulk_import_is_one_entry_with_file_hash_counts_and_id_ranges(books, csv_file):
    path = csv_file(["customerID,invoiceNumber,InvoiceDate,InvoiceAmount,SettledDate",
                     "NEW1,B-1,2026-01-05,10.00,2026-01-10", "NEW1,B-2,2026-01-06,20.00,"])
    before = len(recent_changes(books, 10_000))
    _import_invoices(books, path)
    now = recent_changes(books, 10_000)
    added = now[:len(now) - before]   # newest first
    # the import itself, and the column mapping the wizard remembers (a setting)
    assert [(e.entity, e.action) for e in added if e.entity != "setting"] == [("import", "import")]
    entry = next(e for e in added if e.entity == "import")
    details = json.loads(entry.new_value)
    assert details["file"] == path.name
    assert details["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    b1, b2 = _invoice_id(books, "B-1"), _invoice_id(books, "B-2")
    assert details["rows"]["invoice"] == {"count": 2, "first_id": min(b1, b2), "last_id": max(b1, b2)}
    assert details["rows"]["customer"]["count"] == 1
    assert details["rows"]["payment"]["count"] == details["rows"]["allocation"]["count"] == 1
    assert entry.who == getpass.getuser()
    # each imported record's history starts with the import that wrote it
    assert [e.action for e in audit_for(books, "invoice", b2)] == ["import"]
    assert audit_for(books, "invoice", b1)[0].note.endswith(path.name)
    assert imports(books)[-1].id == entry.id


def test_a_refused_import_leaves_no_entry(books, csv_file):
    path = csv_file(["customerID,invoiceNumber,InvoiceDate,InvoiceAmount", "NEW1,B-1,2026-01-05,ten"])
    with pytest.raises(UserError):
        _import_invoices(books, path)
    assert imports(books) == []


def test_write_off_corrects_by_a_new_entry_and_keeps_past_aging(acme):
    books, _ = acme
    record_payment(books, {"date": "2026-02-01", "customer_code": "ACME", "amount": "40.00"})
    before = aging_report(books, dt.date(2026, 2, 28))[0].total.total
    write_off(books, "I-1", None, "customer insolvent", dt.date(2026, 3, 1))
    assert aging_report(books, dt.date(2026, 2, 28))[0].total.total == before == Decimal("60.00")
    assert aging_report(books, dt.date(2026, 3, 1)) == []
    with books.db.session() as s:
        inv = invoices_repo.get(s, _invoice_id(books, "I-1"))
        assert (inv.amount, inv.paid) == (10000, 10000)  # the invoice itself is not overwritten
    offs = [e for e in recent_changes(books, 50) if e.action == "write_off"]
    assert offs and offs[0].note == "customer insolvent"
    assert check(books).ok


def test_credit_note_partial_and_limits(acme):
    books, _ = acme
    credit_note(books, "I-1", "25.00", "damaged goods", "2026-02-10", number="CN-7")
    assert aging_report(books, dt.date(2026, 2, 10))[0].total.total == Decimal("75.00")
    assert any(e.action == "credit_note" and e.note.startswith("CN-7") for e in recent_changes(books, 50))
    with pytest.raises(UserError, match="only 75.00"):
        write_off(books, "I-1", "80.00", "too much", "2026-02-11")
    with pytest.raises(UserError, match="reason"):
        write_off(books, "I-1", "1.00", " ", "2026-02-11")
    with pytest.raises(UserError, match="before"):
        write_off(books, "I-1", "1.00", "early", "2025-12-31")
    with pytest.raises(UserError, match="no invoice"):
        credit_note(books, "NOPE", "1.00", "x")
