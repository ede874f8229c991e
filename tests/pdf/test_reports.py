"""The printed reports read back: every figure, row and total the services compute is on the page,
with the letters' letterhead and page numbers."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from pdftext import compact, page_texts, text

from ar_desktop.clock import FixedClock
from ar_desktop.domain.errors import UserError
from ar_desktop.services.aging import aging_report
from ar_desktop.services.company_file import create_company
from ar_desktop.services.customers import add_customer
from ar_desktop.services.forecast import cash_forecast
from ar_desktop.services.invoicing import add_invoice
from ar_desktop.services.kpis import kpis_with_previous
from ar_desktop.services.payments import record_payment
from ar_desktop.services.reports import aging_pdf, forecast_pdf, kpi_pdf, save_pdf, statement_list_pdf

TODAY = dt.date(2026, 3, 31)


def day(n: int) -> str:
    return (TODAY + dt.timedelta(days=n)).isoformat()


@pytest.fixture(scope="module")
def books(tmp_path_factory):
    b = create_company(tmp_path_factory.mktemp("reports") / "r.ardb", "Northwind Components GmbH", "EUR", "DE",
                       clock=FixedClock(TODAY))
    for code, name, cls, lang in (("ACME", "Acme Widgets Ltd", "A", "en"), ("BETA", "Beta Trading", "C", "en"),
                                  ("HUAQ", "深圳市华强电子科技有限公司", "B", "zh")):
        add_customer(b, {"code": code, "name": name, "credit_class": cls, "language": lang})
    for n, (code, issued, due, amount) in enumerate((("ACME", -100, -70, "1200.00"), ("ACME", -20, 10, "300.00"),
                                                     ("BETA", -50, -20, "900.00"), ("BETA", -45, -5, "120.50"),
                                                     ("HUAQ", -200, -150, "7500.00"), ("HUAQ", -10, 20, "60.00"))):
        add_invoice(b, {"number": f"R-{n:03d}", "customer_code": code, "issue_date": day(issued),
                        "due_date": day(due), "amount": amount})
    record_payment(b, {"date": day(-3), "customer_code": "ACME", "amount": "200.00", "invoice_number": "R-000"})
    yield b
    b.close()


def amounts(s: str) -> list[str]:
    return re.findall(r"\d{1,3}(?:,\d{3})*\.\d{2}", s)


def test_aging_summary_has_every_row_and_the_total(books):
    pdf = aging_pdf(books, TODAY)
    pages = page_texts(pdf)
    assert "Northwind Components GmbH" in pages[0] and "Aging report as of 2026-03-31" in pages[0]
    assert "All customers" in pages[0] and f"Page 1 of {len(pages)}" in pages[-1]
    (block,) = aging_report(books, TODAY)
    body = text(pdf)
    for r in block.rows:
        assert r.customer_code in body and f"{r.total:,.2f}" in body
    assert f"{block.total.total:,.2f}" in body


def test_aging_detail_lists_every_open_invoice_with_subtotals(books):
    body = text(aging_pdf(books, TODAY, detail=True))
    assert "Aging report by invoice as of 2026-03-31" in body
    for number in ("R-000", "R-001", "R-002", "R-003", "R-004", "R-005"):
        assert number in body
    assert "Total ACME" in body and "1,300.00" in body      # 1,000.00 + 300.00


def test_aging_filters_are_applied_and_printed(books):
    body = text(aging_pdf(books, TODAY, credit_class="C", detail=True))
    assert "Credit class C" in body and "BETA" in body and "ACME" not in body
    body = text(aging_pdf(books, TODAY, customer="ACME"))
    assert "Customer: ACME – Acme Widgets Ltd" in body and "BETA" not in body
    with pytest.raises(UserError, match="no customer with code 'NOPE'"):
        aging_pdf(books, TODAY, customer="NOPE")
    with pytest.raises(UserError, match="not a credit class"):
        aging_pdf(books, TODAY, credit_class="Z")


def test_kpi_page_shows_every_figure_and_the_previous_period(books):
    pdf = kpi_pdf(books, TODAY)
    body = text(pdf)
    now, before = kpis_with_previous(books, TODAY)
    assert "Receivables figures as of 2026-03-31" in body and "Previous period" in body
    assert f"{now.total_ar:,.2f}" in body and f"{before.total_ar:,.2f}" in body
    assert f"{now.dso:,.1f} days" in body and f"{now.overdue_percent:,.1f} %" in body
    assert "DSO and overdue share at month-ends" in body


def test_forecast_rows_add_up_to_what_is_owed(books):
    body = text(forecast_pdf(books, TODAY, weeks=4))
    f = cash_forecast(books, TODAY, 4)
    assert "Cash forecast as of 2026-03-31" in body and "2026-04-01 – 2026-04-07" in body
    assert "Total (= everything owed)" in body and f"{f.total:,.2f}" in body
    assert f"{f.later:,.2f}" in body
    for r in f.receipts:
        assert r.invoice_number in body


def test_statement_list_has_a_cover_and_one_statement_per_customer(books):
    pdf = statement_list_pdf(books, TODAY)
    pages = page_texts(pdf)
    assert "Statement list as of 2026-03-31" in pages[0] and "Statements of account that follow: 3" in pages[0]
    assert pages[0].count("Page 1 of 1") == 1
    rest = "\f".join(pages[1:])
    assert "Statement of account as of" in rest and "Acme Widgets Ltd" in rest
    assert "对账单" in compact(rest)     # the Chinese customer's statement is in Chinese
    only = page_texts(statement_list_pdf(books, TODAY, overdue_only=True, credit_class="A"))
    assert "Statements of account that follow: 1" in only[0] and "ACME" in only[0] and "BETA" not in only[0]


def test_chinese_reports(books):
    for pdf, title in ((aging_pdf(books, TODAY, language="zh"), "应收账款账龄分析表"),
                       (kpi_pdf(books, TODAY, language="zh"), "应收账款指标"),
                       (forecast_pdf(books, TODAY, language="zh"), "现金回款预测")):
        body = compact(text(pdf))
        assert title in body and "第1页" in body


def test_save_pdf_refuses_a_wrong_name_and_writes_whole_files(books, tmp_path):
    with pytest.raises(UserError, match="ending in .pdf"):
        save_pdf(tmp_path / "aging.txt", b"%PDF")
    with pytest.raises(UserError, match="does not exist"):
        save_pdf(tmp_path / "missing" / "aging.pdf", b"%PDF")
    target = save_pdf(tmp_path / "aging.pdf", aging_pdf(books, TODAY))
    assert target.read_bytes().startswith(b"%PDF") and not list(tmp_path.glob("*.part"))


def test_a_printed_list_cuts_a_cell_too_wide_for_its_column_with_an_ellipsis():
    """A cell wider than its column is cut to it, an ellipsis where it was cut (the window shows it whole); a
    short column's heading, bold, is not (it read "Co…": the column was as wide as the word in the regular face)."""
    import datetime as dt

    from pdftext import page_sizes, words

    from ar_desktop.domain.list_document import ListDocument
    from ar_desktop.pdf.list_report import render_list

    long = "Long Name Trading and Manufacturing Company " * 6
    doc = ListDocument("Customers", "Test Trading Ltd", dt.date(2026, 3, 31), ("Code", "Name", "City"),
                       tuple((f"C{n}", long, "Hamburg") for n in range(3)))
    pdf = render_list(doc)
    width = page_sizes(pdf)[0][0]
    ws = words(pdf)
    assert max(w.x1 for w in ws) < width - 20
    cut = [w for w in ws if w.text.endswith("…")]
    assert len(cut) == 3 and all(w.x1 < min(c.x0 for c in ws if c.text == "Hamburg") for w in cut), cut
    head = min(w.y0 for w in ws if w.text.startswith("Co"))
    assert [w.text for w in ws if w.y0 == head] == ["Code", "Name", "City"]   # the headings whole
    assert render_list(ListDocument("Customers", "Test Trading Ltd", dt.date(2026, 3, 31), ("Code",), ()))
