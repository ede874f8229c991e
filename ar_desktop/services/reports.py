"""Printed reports as PDF bytes, for the window and the command line: the aging report (summary and
detail by invoice), the statement list, the KPI page and the cash forecast."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ar_desktop.domain.aging import BUCKET_KEYS, bucket_for, days_past_due, total_row
from ar_desktop.domain.errors import UserError
from ar_desktop.domain.forecast import DEFAULT_WEEKS
from ar_desktop.domain.kpi import DEFAULT_DAYS, Period, compute_kpis
from ar_desktop.domain.letters import LetterInvoiceLine, build_statement
from ar_desktop.domain.money import ZERO, from_minor
from ar_desktop.domain.report_documents import (LANGUAGES, AgingBlock, AgingItem, AgingReportDocument,
                                                ForecastReportDocument, KpiReportDocument, ReportFilters,
                                                StatementLine, StatementListDocument)
from ar_desktop.domain.text import Text, translate
from ar_desktop.services.context import Books
from ar_desktop.services.forecast import forecast_from
from ar_desktop.services.kpis import _currency, check_as_of, kpi_inputs, trend
from ar_desktop.storage import aging_repo, customers_repo, forecast_sql, kpi_repo

REPORTS = ("aging", "statements", "kpi", "forecast")


def check_language(language: str) -> str:
    if language not in LANGUAGES:
        raise UserError(Text(translate("Messages", "Reports are printed in English (en) or Chinese (zh), not "
                                       "'{language}'."), language=language))
    return language


def _company(s):
    from ar_desktop.services.letters import company_party

    return company_party(s)


def _customer_filter(s, code: str | None) -> tuple[int | None, str]:
    if not code:
        return None, ""
    cid = customers_repo.id_by_code(s, code.strip())
    if cid is None:
        raise UserError(Text(translate("Messages", "There is no customer with code '{code}'. Check the code in the "
                                       "customer list."), code=code))
    data = customers_repo.get(s, cid)
    return cid, f"{data.code} – {data.name}"


def _check_class(credit_class: str | None) -> str:
    cls = (credit_class or "").strip().upper()
    if cls and cls not in ("A", "B", "C"):
        raise UserError(Text(translate("Messages", "'{value}' is not a credit class. Use A, B or C."), value=credit_class))
    return cls


def aging_document(books: Books, as_of: dt.date, *, detail: bool = False, customer: str | None = None,
                   credit_class: str | None = None, overdue_only: bool = False,
                   language: str = "en") -> AgingReportDocument:
    """The aging report as the ``aging`` command computes it, restricted by the filters; with
    ``detail`` the invoices open as of D behind every row."""
    check_as_of(as_of)
    check_language(language)
    cls = _check_class(credit_class)
    with books.db.session() as s:
        cid, shown = _customer_filter(s, customer)
        rows = aging_repo.aging(s, as_of, customer_id=cid)
        classes = dict(customers_repo.classes_by_code(s)) if cls else {}
        if cls:
            rows = [r for r in rows if classes.get(r.customer_code) == cls]
        if overdue_only:
            rows = [r for r in rows if r.total - r.buckets["current"] > 0]
        items = kpi_repo.open_items(s, as_of, customer_id=cid) if detail else []
        company = _company(s)
    kept = {(r.customer_code, r.currency) for r in rows}
    blocks = []
    for currency in sorted({r.currency for r in rows}):
        mine = tuple(sorted((r for r in rows if r.currency == currency), key=lambda r: r.customer_code))
        its = tuple(_item(i, as_of) for i in items if (i.customer_code, i.currency) in kept and i.currency == currency)
        blocks.append(AgingBlock(currency, mine, total_row(list(mine), currency), its))
    return AgingReportDocument(company, language, as_of, books.today(), tuple(blocks), detail,
                               ReportFilters(shown, cls, overdue_only))


def _item(i: kpi_repo.OpenItem, as_of: dt.date) -> AgingItem:
    days = days_past_due(i.due_date, as_of)
    return AgingItem(i.customer_code, i.number, i.issue_date, i.due_date, days, from_minor(i.amount, i.currency),
                     from_minor(i.open_units, i.currency), from_minor(i.disputed_units, i.currency),
                     bucket_for(days).key)


def aging_pdf(books: Books, as_of: dt.date, **options) -> bytes:
    from ar_desktop.pdf.reports import render_aging_report

    return render_aging_report(aging_document(books, as_of, **options))


def kpi_document(books: Books, as_of: dt.date, days: int = DEFAULT_DAYS, currency: str | None = None,
                 language: str = "en") -> KpiReportDocument:
    period = Period(check_as_of(as_of), days)
    check_language(language)
    with books.db.session() as s:
        code = _currency(s, currency)
        totals = {}
        k = compute_kpis(kpi_inputs(s, period, code, totals))
        previous = compute_kpis(kpi_inputs(s, period.previous(), code, totals))
        items = kpi_repo.open_items(s, as_of, currency=code)
        company = _company(s)
    buckets = {key: ZERO for key in BUCKET_KEYS}
    for i in items:
        buckets[bucket_for(days_past_due(i.due_date, as_of)).key] += from_minor(i.open_units, i.currency)
    return KpiReportDocument(company, language, books.today(), k, previous, buckets,
                             tuple(trend(books, as_of, days, code)))


def kpi_pdf(books: Books, as_of: dt.date, **options) -> bytes:
    from ar_desktop.pdf.reports import render_kpi_report

    return render_kpi_report(kpi_document(books, as_of, **options))


def forecast_document(books: Books, as_of: dt.date, weeks: int = DEFAULT_WEEKS, currency: str | None = None,
                      language: str = "en") -> ForecastReportDocument:
    check_as_of(as_of)
    check_language(language)
    with books.db.session() as s:
        code = _currency(s, currency)
        f = forecast_from(s, as_of, weeks, code)
        names = forecast_sql.customer_names(s)
        company = _company(s)
    return ForecastReportDocument(company, language, books.today(), code, f, names)


def forecast_pdf(books: Books, as_of: dt.date, **options) -> bytes:
    from ar_desktop.pdf.reports import render_forecast_report

    return render_forecast_report(forecast_document(books, as_of, **options))


def statement_list_document(books: Books, as_of: dt.date, *, customer: str | None = None,
                            credit_class: str | None = None, overdue_only: bool = False,
                            language: str = "en") -> StatementListDocument:
    """Every customer with something open as of D (or those the filters keep): a line on the cover
    list and a statement of account in the customer's language."""
    from ar_desktop.services.letters import recipient_party

    check_as_of(as_of)
    check_language(language)
    cls = _check_class(credit_class)
    with books.db.session() as s:
        cid, shown = _customer_filter(s, customer)
        items = kpi_repo.open_items(s, as_of, customer_id=cid)
        company = _company(s)
        customers = {i.customer_id: customers_repo.get(s, i.customer_id) for i in items}
    lines, statements = [], []
    for customer_id in sorted(customers, key=lambda c: customers[c].code):
        data = customers[customer_id]
        mine = [i for i in items if i.customer_id == customer_id]
        if cls and data.credit_class != cls:
            continue
        invoice_lines = [LetterInvoiceLine(i.number, i.issue_date, i.due_date, days_past_due(i.due_date, as_of),
                                           from_minor(i.amount, i.currency),
                                           from_minor(i.amount - i.open_units, i.currency),
                                           from_minor(i.open_units, i.currency)) for i in mine]
        overdue = sum((x.open_amount for x in invoice_lines if x.days_overdue > 0), ZERO)
        if overdue_only and not overdue:
            continue
        lang = data.language if data.language in LANGUAGES else "en"
        doc = build_statement(company, recipient_party(data), lang, as_of, data.currency, invoice_lines,
                              reference=f"ST-{data.code}-{as_of.isoformat()}", customer_number=data.code)
        statements.append(doc)
        lines.append(StatementLine(data.code, data.name, data.currency, doc.total_open, overdue, lang))
    return StatementListDocument(company, language, as_of, books.today(), tuple(lines), tuple(statements),
                                 ReportFilters(shown, cls, overdue_only))


def statement_list_pdf(books: Books, as_of: dt.date, **options) -> bytes:
    from ar_desktop.pdf.reports import render_statement_list
    from ar_desktop.services.letters import letter_settings, pdf_layout

    settings = letter_settings(books)
    return render_statement_list(statement_list_document(books, as_of, **options), pdf_layout(settings.layout),
                                 (settings.offset_dx_mm, settings.offset_dy_mm))


def check_pdf_path(path: str | Path) -> Path:
    """Where a report may be saved: a .pdf name in an existing folder."""
    target = Path(path)
    if target.suffix.lower() != ".pdf":
        raise UserError(Text(translate("Messages", "{name}: save the report to a file ending in .pdf."),
                             name=target.name))
    if not target.parent.is_dir():
        raise UserError(Text(translate("Messages", "The folder {folder} does not exist. Choose an existing folder."),
                             folder=str(target.parent)))
    return target


def save_pdf(path: str | Path, data: bytes, company: Path | None = None) -> Path:
    """Write the PDF whole or not at all (see ``save_file``), to a .pdf name in an existing folder."""
    target = check_pdf_path(path)
    save_file(target, data, company)
    return target


def save_file(path: str | Path, data: bytes, company: Path | None = None) -> Path:
    """Write a file the user saves whole or not at all, as exports are written: a temporary file
    in the same folder, flushed to the disk, renamed over ``path``; an earlier file of that name is
    intact until then. With ``company`` (the open company file) the temporary file is noted, so the
    next open tidies it away if the program is killed meanwhile."""
    from ar_desktop.services.exports import _write_atomically

    target = Path(path)
    _write_atomically(target, data, company)
    return target
