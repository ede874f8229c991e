"""Never trust what a file says about itself: only regular files, cells read by their references,
every limit refused with a plain message before memory grows, and in bounded time."""

from __future__ import annotations

import datetime as dt
import os
import time
import zipfile
from decimal import Decimal

import openpyxl
import pytest

from ar_desktop.domain.errors import UserError
from ar_desktop.services.customers import add_customer
from ar_desktop.services.importing import import_file
from ar_desktop.services.report_formats import neutralise, restore_neutralised
from ar_desktop.services.source_files import open_source


def _xlsx(path, rows, sheet_xml=None):
    wb = openpyxl.Workbook()
    for r in rows:
        wb.active.append(r)
    wb.save(path)
    if sheet_xml is not None:  # rewrite the sheet part as a hostile file would have it
        with zipfile.ZipFile(path) as z:
            parts = {n: z.read(n) for n in z.namelist()}
        parts["xl/worksheets/sheet1.xml"] = sheet_xml(parts["xl/worksheets/sheet1.xml"])
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            for n, data in parts.items():
                z.writestr(n, data)
    return path


def test_a_sheet_is_read_by_its_cells_not_its_declared_dimension(books, tmp_path):
    add_customer(books, {"code": "ACME", "name": "Acme"})
    rows = [["number", "customer_code", "issue_date", "amount"]] + [
        [f"D-{k}", "ACME", dt.date(2026, 1, k + 1), Decimal("10.50")] for k in range(10)]
    lie = _xlsx(tmp_path / "lie.xlsx", rows, lambda xml: xml.replace(b'<dimension ref="A1:D11"', b'<dimension ref="A1:B3"'))
    assert b'A1:B3' in zipfile.ZipFile(lie).read("xl/worksheets/sheet1.xml")
    assert import_file(books, "invoices", lie).new == 10
    huge = _xlsx(tmp_path / "huge.xlsx", [["code", "name"], ["A", "Alpha"]],
                 lambda xml: xml.replace(b'<dimension ref="A1:B2"', b'<dimension ref="A1:XFD1048576"'))
    start = time.perf_counter()
    assert list(open_source(huge).rows()) == [(2, ["A", "Alpha"])]
    assert time.perf_counter() - start < 2


def test_a_huge_cell_is_refused_before_it_is_held(tmp_path):
    big = "x" * 300_000
    path = _xlsx(tmp_path / "cell.xlsx", [["code", "name"], ["A", "placeholder"]],
                 lambda xml: xml.replace(b"</sheetData>", b'<row r="3"><c r="A3" t="inlineStr"><is><t>'
                                         + big.encode() + b"</t></is></c></row></sheetData>"))
    with pytest.raises(UserError, match="is longer than 100,000 characters"):
        list(open_source(path).rows())
    csv_path = tmp_path / "cell.csv"
    csv_path.write_text("code,name\nA," + big + "\n")
    with pytest.raises(UserError, match="a cell is longer than 100,000 characters"):
        list(open_source(csv_path).rows())


def test_a_zip_bomb_is_refused_by_its_ratio(tmp_path):
    path = tmp_path / "bomb.xlsx"
    _xlsx(path, [["code", "name"], ["A", "B"]],
          lambda xml: xml.replace(b"</sheetData>", b"<row><c><v>0</v></c></row>" * 400_000 + b"</sheetData>"))
    assert path.stat().st_size < 200_000
    with pytest.raises(UserError, match="zip bomb"):
        list(open_source(path).rows())


def test_a_document_type_is_refused(tmp_path):
    path = _xlsx(tmp_path / "dtd.xlsx", [["code", "name"], ["A", "B"]],
                 lambda xml: b'<!DOCTYPE x [<!ENTITY a "aaaa">]>' + xml.split(b"?>", 1)[-1])
    with pytest.raises(UserError, match="declares a document type"):
        list(open_source(path).rows())


def test_too_many_columns_are_refused_quickly(tmp_path):
    path = tmp_path / "wide.csv"
    path.write_text(",".join(f"c{k}" for k in range(100_000)) + "\n" + "1," * 99_999 + "1\n")
    start = time.perf_counter()
    with pytest.raises(UserError, match="has 100,000 columns; at most 1,000 are read"):
        open_source(path)
    assert time.perf_counter() - start < 2  # linear, not quadratic
    xlsx = _xlsx(tmp_path / "wide.xlsx", [["code", "name"], ["A", "B"]],
                 lambda xml: xml.replace(b'<c r="B2"', b'<c r="ZZZ2" t="inlineStr"><is><t>far</t></is></c><c r="B2"'))
    with pytest.raises(UserError, match="has a value in column ZZZ2; at most 1,000 columns"):
        list(open_source(xlsx).rows())


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_only_regular_files_are_read(books, tmp_path):
    for path in ("/dev/zero", "/dev/null"):
        with pytest.raises(UserError, match="is not a regular file"):
            import_file(books, "customers", path)
    with pytest.raises(UserError, match="is a folder"):
        import_file(books, "customers", tmp_path)
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    start = time.perf_counter()
    with pytest.raises(UserError, match="is not a regular file"):
        import_file(books, "customers", fifo)
    assert time.perf_counter() - start < 2  # no hang waiting for a writer


def test_neutralised_cells_come_back_as_they_were(books, tmp_path):
    for text in ("+49 30 1234", "=SUM(A1)", "-x", "@home", "'quoted", "'=kept", "plain", ""):
        assert restore_neutralised(neutralise(text)) == text
    path = tmp_path / "c.csv"
    path.write_text("code,name,phone\nA,Acme,'+49 30 1234\n", encoding="utf-8")
    import_file(books, "customers", path)
    from ar_desktop.services.customers import find_customer

    assert find_customer(books, "A")[1].phone == "+49 30 1234"


def test_amounts_and_dates_in_files_mean_what_they_say(books, tmp_path):
    add_customer(books, {"code": "ACME", "name": "Acme"})
    path = tmp_path / "i.csv"
    path.write_text("number,customer_code,issue_date,amount\nA,ACME,2026-01-05,1_000\nB,ACME,2026-W02-1,5\n"
                    "C,ACME,2026-01-05,１２\nD,ACME,2026-01-05,1 000.00\nE,ACME,2026-01-05,1000000000\n",
                    encoding="utf-8")
    with pytest.raises(UserError) as e:
        import_file(books, "invoices", path)
    errors = {(p.row, p.column) for p in e.value.report.errors}
    assert errors == {(2, "amount"), (3, "issue_date"), (4, "amount"), (5, "amount"), (6, "amount")}
    assert "the largest amount the program stores is 999,999,999.99 EUR" in str(e.value)
    german = tmp_path / "de.csv"
    german.write_text("number;customer_code;issue_date;amount\nG;ACME;5.1.2026;12.000,50\n", encoding="utf-8")
    report = import_file(books, "invoices", german, date_format="D.M.YYYY", number_format="comma-point")
    assert report.new == 1


def test_every_figure_over_100000_invoices_at_the_largest_amount(books):
    """Issue 9, item 5: no sum overflows SQLite's 64-bit integers or loses a cent - aging, the invoice list's
    totals, KPIs, forecast, Overview, worklist, credit position and exports - over 100,000 invoices of the
    largest amount, half of them paid by payments of the largest amount (1e16 minor units in all)."""
    from ar_desktop.services.aging import aging_report
    from ar_desktop.services.worklist import worklist
    from ar_desktop.services.credit_checks import credit_position
    from ar_desktop.services.exports import csv_bytes, sheet_for
    from ar_desktop.services.forecast import cash_forecast
    from ar_desktop.services.invoicing import invoice_totals
    from ar_desktop.services.kpis import kpis
    from ar_desktop.services.overview import overview_figures
    from ar_desktop.storage.bulk_repo import BulkSource, BulkWriter
    from ar_desktop.storage.import_repo import customers_by_code
    from ar_desktop.storage.invoices_repo import InvoiceFilter

    n, largest = 100_000, 99_999_999_999   # minor units of 999,999,999.99
    add_customer(books, {"code": "BIG", "name": "Big spender"})
    with books.db.session() as s:
        cid = customers_by_code(s)["BIG"][0]
        writer = BulkWriter(s, BulkSource("generated"))
        for start in range(0, n, 20_000):
            writer.invoices([dict(id=k + 1, number=f"M{k:06d}", customer_id=cid,
                                  issue_date=dt.date(2025, 1, 1), due_date=dt.date(2025, 1, 31),
                                  amount=largest, currency="EUR", paid=0)
                             for k in range(start, start + 20_000)])
        for start in range(0, n, 20_000):   # the even invoices paid in full on 2025-06-01
            paid = range(start, start + 20_000, 2)
            writer.payments([dict(id=k // 2 + 1, customer_id=cid, date=dt.date(2025, 6, 1), amount=largest,
                                  currency="EUR", method="bank transfer", reference=f"P{k}") for k in paid],
                            [dict(payment_id=k // 2 + 1, invoice_id=k + 1, date=dt.date(2025, 6, 1),
                                  amount=largest) for k in paid])
    day = dt.date(2026, 3, 31)
    each = Decimal(largest) / 100
    issued, still_open = each * n, each * (n // 2)
    assert aging_report(books, day)[0].total.total == still_open
    totals = invoice_totals(books, InvoiceFilter())
    assert (totals.count, totals.amount, totals.open_amount) == (n, issued, still_open)
    k = kpis(books, day, days=365)
    assert (k.total_ar, k.overdue_ar) == (still_open, still_open)
    assert cash_forecast(books, day).total == still_open
    figures = overview_figures(books, day)
    assert sum(figures.buckets.values()) == still_open and figures.largest_overdue[0].overdue == still_open
    (row,) = worklist(books, day)
    assert row.overdue_amount == still_open
    credit_position(books, "BIG", day)
    aging_csv = csv_bytes(sheet_for(books, "aging", day)).decode("utf-8-sig")
    assert f"{still_open}" in aging_csv or f"{still_open:.2f}" in aging_csv, aging_csv[:400]
