"""Statement of account: every open item of one customer with aging bucket totals.

Rendered on its own (with letterhead and address window) or appended to a letter."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (Frame, KeepTogether, NextPageTemplate, PageBreak, PageTemplate, Spacer, Table,
                                TableStyle)

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.letter_facts import short_date
from ar_desktop.domain.letters import StatementDocument, format_date
from ar_desktop.pdf.layouts import Geometry, Layout, get_layout
from ar_desktop.pdf.letter_blocks import invoice_table
from ar_desktop.pdf.letter_page import PageHead, draw_footer, make_templates
from ar_desktop.pdf.letter_words import money, money_cur
from ar_desktop.pdf.page_style import HEADER_BG, Styles, build_pdf, table_style

STATEMENT_TEXT = {
    "en": {"title": "Statement of account as of {date}", "intro": "Customer: {name}", "customer_no": "Customer no.",
           "bucket": "Aging", "aging_title": "Open items by age", "total_open": "Total open",
           "items_title": "Open items", "none": "There are no open items.",
           "discount_title": "Early-payment discounts still available",
           "discount_intro": "Paid by the date shown, the amount to pay settles the invoice in full.",
           "discount_head": ("Invoice", "Pay by", "Discount", "Amount to pay")},
    "zh": {"title": "对账单（截至{date}）", "intro": "客户：{name}", "customer_no": "客户编号",
           "bucket": "账龄", "aging_title": "账龄分析", "total_open": "未付合计",
           "items_title": "未结项目明细", "none": "无未结项目。",
           "discount_title": "尚可享受的提前付款折扣",
           "discount_intro": "在所列日期（含当日）前支付应付金额，即结清该发票全部款项。",
           "discount_head": ("发票号", "最迟付款日", "折扣", "应付金额")},
}


def _bucket_of(doc: StatementDocument, days: int) -> str:
    for b in doc.buckets:
        if (b.min_days is None or days >= b.min_days) and (b.max_days is None or days <= b.max_days):
            return b.label
    return ""


def statement_story(doc: StatementDocument, layout: Layout) -> list:
    st = Styles(doc.language)
    t = STATEMENT_TEXT[doc.language]
    width = (layout.page_mm[0] - layout.margin_left - layout.margin_right) * mm
    story: list = [st.para(t["title"].format(date=format_date(doc.statement_date, doc.language)), st.subject),
                   st.para(t["intro"].format(name=doc.recipient.legal_name)
                           + (f" · {t['customer_no']} {doc.customer_number}" if doc.customer_number else ""),
                           st.small),
                   Spacer(1, 3 * mm)]
    # Aging summary: one column per bucket plus the total.
    head = [st.para(b.label, st.cell_right_bold) for b in doc.buckets] + [st.para(t["total_open"], st.cell_right_bold)]
    vals = [st.para(money(b.total, doc.currency), st.cell_right) for b in doc.buckets]
    vals.append(st.para(money_cur(doc.total_open, doc.currency, doc.language), st.cell_right_bold))
    n = len(head)
    summary = Table([head, vals], colWidths=[width / n] * n, hAlign="LEFT")
    summary.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG), ("BOX", (0, 0), (-1, -1), 0.6, colors.black),
        ("INNERGRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#999999")),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    story += [KeepTogether([st.para(t["aging_title"], st.heading), summary]), Spacer(1, 5 * mm),
              st.para(t["items_title"], st.heading)]
    if doc.items:
        story.append(invoice_table(st, doc.items, doc.currency, width,
                                   extra_col=lambda inv: _bucket_of(doc, inv.days_overdue), extra_head=t["bucket"]))
    else:
        story.append(st.para(t["none"]))
    if doc.discounts:
        story += [Spacer(1, 5 * mm), KeepTogether([st.para(t["discount_title"], st.heading),
                                                   st.para(t["discount_intro"], st.small),
                                                   _discount_table(st, doc, t, width)])]
    return story


def _discount_table(st: Styles, doc: StatementDocument, t: dict, width: float) -> Table:
    head = list(t["discount_head"])
    head[3] = f"{head[3]} ({doc.currency})"
    rows = [[st.para(h, st.cell_right_bold if i >= 2 else st.cell_bold) for i, h in enumerate(head)]]
    for d in doc.discounts:
        rows.append([st.para(d.number, st.cell), st.para(short_date(d.pay_by, doc.language), st.cell),
                     st.para(money(d.discount, doc.currency), st.cell_right),
                     st.para(money(d.to_pay, doc.currency), st.cell_right)])
    table = Table(rows, colWidths=[w * width for w in (0.3, 0.2, 0.2, 0.3)], hAlign="LEFT", repeatRows=1)
    table.setStyle(table_style(1, 0))
    return table


def render_statement(doc: StatementDocument, layout: str = "din-a", offset: tuple[float, float] = (0, 0),
                     extra_pages: Sequence[Callable[[Canvas], None]] = ()) -> bytes:
    """A stand-alone statement of account, addressed for a window envelope. ``extra_pages`` draw pages
    that go with it (a confirmation slip): pages of the same document, so "Page x of y" counts them."""
    lay = get_layout(layout)
    geo = Geometry(lay, offset)
    extra = ((STATEMENT_TEXT[doc.language]["customer_no"], doc.customer_number),) if doc.customer_number else ()
    head = PageHead(doc.company, doc.recipient, doc.language, doc.statement_date, doc.reference or "-",
                    extra_info=extra)
    story = statement_story(doc, lay)
    total = sum((b.total for b in doc.buckets), Decimal(0))
    if doc.buckets and total != doc.total_open:
        raise UserError(f"The aging buckets add up to {total}, not to the total open {doc.total_open}. "
                        "Recalculate the statement before printing.")
    templates = make_templates(0, head, lay, geo)
    for n, draw in enumerate(extra_pages):
        templates.append(_extra_page(f"extra-{n}", draw, head, lay, geo))
        story += [NextPageTemplate(f"extra-{n}"), PageBreak(), Spacer(1, 1)]
    return build_pdf(lay, templates, story,
                     title=STATEMENT_TEXT[doc.language]["title"].format(date=doc.statement_date.isoformat()),
                     author=doc.company.legal_name, lang=doc.language)


def _extra_page(template_id: str, draw: Callable[[Canvas], None], head: PageHead, lay: Layout,
                geo: Geometry) -> PageTemplate:
    """A page drawn by ``draw`` with the statement's footer and its page number."""
    width, height = lay.page_size

    def on_page(c: Canvas, _doc) -> None:
        c.saveState()
        c.ar_group = 0
        draw(c)
        draw_footer(c, geo, lay, head)
        c.restoreState()

    return PageTemplate(id=template_id, frames=[Frame(0, 0, width, height, id=f"{template_id}-frame")],
                        onPage=on_page, pagesize=lay.page_size)
