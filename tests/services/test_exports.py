"""Exports: CSV and real .xlsx with typed cells, and no formula injection."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import openpyxl
import pytest

from ar_desktop.domain.errors import UserError
from ar_desktop.services.customers import add_customer
from ar_desktop.services.exports import export, neutralise, read_back_csv
from ar_desktop.services.invoicing import add_invoice
from ar_desktop.services.payments import record_payment


@pytest.fixture
def filled(books):
    add_customer(books, {"code": "ACME", "name": "=HYPERLINK(\"http://evil\")", "city": "+Leeds",
                         "notes": "@SUM(A1)", "credit_limit": "5000"})
    add_customer(books, {"code": "JP", "name": "Nippon", "currency": "JPY"})
    add_invoice(books, {"number": "I-1", "customer_code": "ACME", "issue_date": "2026-01-01", "amount": "1234.56",
                        "reference": "-1+2", "description": "=cmd|' /C calc'!A0"})
    add_invoice(books, {"number": "I-2", "customer_code": "JP", "issue_date": "2026-02-01", "amount": "5000"})
    record_payment(books, {"date": "2026-02-01", "customer_code": "ACME", "amount": "234.56"})
    return books


def test_neutralise():
    assert [neutralise(x) for x in ("=1", "+1", "-1", "@a", "\tx", "\rx", "ok", "")] == [
        "'=1", "'+1", "'-1", "'@a", "'\tx", "'\rx", "ok", ""]


@pytest.mark.parametrize("what,rows", [("customers", 2), ("invoices", 2), ("payments", 1), ("aging", 4)])
def test_csv_exports(filled, tmp_path, what, rows):
    path = tmp_path / f"{what}.csv"
    assert export(filled, what, path, dt.date(2026, 3, 31)) == rows
    data = read_back_csv(path)
    assert len(data) == rows + 1
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")


def test_csv_neutralises_formulas(filled, tmp_path):
    export(filled, "customers", tmp_path / "c.csv")
    header, acme, _jp = read_back_csv(tmp_path / "c.csv")
    row = dict(zip(header, acme, strict=True))
    assert row["name"].startswith("'=") and row["city"] == "'+Leeds" and row["notes"] == "'@SUM(A1)"
    assert row["credit_limit"] == "5000.00"
    export(filled, "invoices", tmp_path / "i.csv")
    header, first, _ = read_back_csv(tmp_path / "i.csv")
    row = dict(zip(header, first, strict=True))
    assert row["reference"] == "'-1+2" and row["description"] == "'=cmd|' /C calc'!A0"
    assert (row["amount"], row["paid"], row["open_amount"]) == ("1234.56", "234.56", "1000.00")


def test_xlsx_is_typed_and_safe(filled, tmp_path):
    path = tmp_path / "i.xlsx"
    export(filled, "invoices", path)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    assert ws.freeze_panes == "A2"
    assert ws["A1"].font.bold
    header = [c.value for c in ws[1]]
    row = {h: c for h, c in zip(header, ws[2], strict=True)}
    assert row["issue_date"].is_date and row["issue_date"].value.date() == dt.date(2026, 1, 1)
    assert row["issue_date"].number_format == "yyyy-mm-dd"
    assert row["amount"].data_type == "n" and Decimal(str(row["amount"].value)) == Decimal("1234.56")
    assert row["amount"].number_format == "#,##0.00"
    assert row["reference"].data_type == "s" and row["reference"].value == "-1+2"
    jp = {h: c for h, c in zip(header, ws[3], strict=True)}
    assert jp["amount"].number_format == "#,##0"
    assert ws.column_dimensions["C"].width > 20
    path = tmp_path / "c.xlsx"
    export(filled, "customers", path)
    ws = openpyxl.load_workbook(path).active
    names = [c.value for c in ws["B"]]
    assert names[1].startswith("=HYPERLINK") and ws["B2"].data_type == "s"  # text, not a formula


def test_aging_xlsx(filled, tmp_path):
    path = tmp_path / "a.xlsx"
    assert export(filled, "aging", path, dt.date(2026, 3, 31)) == 4  # two currencies, each with a total
    ws = openpyxl.load_workbook(path).active
    assert ws.title == "Aging 2026-03-31"
    # a report: its title row above the header, which stays frozen with it
    assert ws["A1"].value == "Aging report as of 2026-03-31" and ws["A1"].font.bold
    assert [c.value for c in ws[2]][0] == "customer_code" and ws.freeze_panes == "A3"


def test_export_refuses_unknown_format_and_folder(filled, tmp_path):
    with pytest.raises(UserError, match=".csv or .xlsx"):
        export(filled, "invoices", tmp_path / "x.pdf")
    with pytest.raises(UserError, match="does not exist"):
        export(filled, "invoices", tmp_path / "nope" / "x.csv")
    with pytest.raises(UserError, match="choose one of: customers, invoices, payments, aging, collections, charges"):
        export(filled, "letters", tmp_path / "x.csv")


def test_collections_worklist_and_late_charges_export(filled, tmp_path):
    from ar_desktop.services.worklist import worklist
    from ar_desktop.services.late_charges import charges_report

    as_of = dt.date(2026, 3, 31)
    n = export(filled, "collections", tmp_path / "work.xlsx", as_of)
    expected = worklist(filled, as_of)
    assert n == len(expected) >= 1
    ws = openpyxl.load_workbook(tmp_path / "work.xlsx").active
    assert ws["A1"].value == "Collections worklist as of 2026-03-31"
    header = [c.value for c in ws[2]]
    assert header[:4] == ["customer_code", "customer_name", "credit_class", "overdue_amount"]
    first = [c.value for c in ws[3]]
    assert first[0] == expected[0].customer_code
    assert Decimal(str(first[3])) == expected[0].overdue_amount  # a number cell, not text
    assert isinstance(first[3], float | int)
    n = export(filled, "charges", tmp_path / "charges.csv", as_of)
    rows = read_back_csv(tmp_path / "charges.csv")
    assert n == len(charges_report(filled, as_of)) == len(rows) - 1
    assert rows[0][:4] == ["invoice_number", "customer_code", "currency", "days_late"]
