"""Firm mailing book for accountable mail, in the style of USPS PS Form 3877: one line per
registered piece (line number, tracking number, addressee and address, service, postage, fee),
totals, the sender block and the receipt fields for the post office."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Frame, KeepTogether, PageTemplate, Spacer, Table, TableStyle

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.letters import MailingBook, format_date
from ar_desktop.pdf.fonts import CJK, LATIN
from ar_desktop.pdf.letter_words import money
from ar_desktop.pdf.page_style import (FOOTER_SIZE, HEADER_BG, RULE, NumberedCanvas, Styles, draw_text,
                                       table_style)

PAGE = landscape(A4)
MARGIN = 12.0          # mm all round
HEADER_H = 30.0        # mm for title and sender block
FOOTER_H = 10.0        # mm for "Page x of y"
COLS = (0.045, 0.14, 0.39, 0.1, 0.075, 0.075, 0.075, 0.1)

TEXT = {
    "en": {
        "title": "Firm Mailing Book for Accountable Mail",
        "sender": "Name and address of sender", "date": "Mailing date", "office": "Post office",
        "head": ("Line", "Article number", "Addressee name, street and post office address", "Service",
                 "Postage", "Fee", "Total", "Reference"),
        "total": "Totals",
        "listed": "Total number of pieces listed by sender", "received": "Total number of pieces received at post office",
        "postmaster": "Postmaster, per (name of receiving employee)", "postmark": "Postmark and date",
        "pieces": "{n} pieces", "piece": "1 piece",
    },
    "zh": {
        "title": "挂号邮件交寄清单",
        "sender": "寄件人名称及地址", "date": "交寄日期", "office": "收寄邮局",
        "head": ("序号", "邮件号码", "收件人名称及地址", "业务种类", "邮费", "附加费", "合计", "备注"),
        "total": "合计",
        "listed": "寄件人列明件数", "received": "邮局实收件数",
        "postmaster": "收寄人员（签名）", "postmark": "邮戳及日期",
        "pieces": "{n} 件", "piece": "1 件",
    },
}


def render_mailing_book(book: MailingBook) -> bytes:
    if not book.entries:
        raise UserError("The mailing book has no entries. Add at least one registered letter.")
    lang, t, cur = book.language, TEXT[book.language], book.currency
    st = Styles(lang)
    page_w, page_h = PAGE
    width = page_w - 2 * MARGIN * mm
    sender = book.sender

    def on_page(c, _doc):
        c.saveState()
        c.ar_group = 0
        top = page_h - MARGIN * mm
        draw_text(c, MARGIN * mm, top - 14, t["title"], 14, language=lang, bold=True)
        meta = f"{t['date']}: {format_date(book.mailing_date, lang)}"
        if book.post_office:
            meta += f"   ·   {t['office']}: {book.post_office}"
        draw_text(c, MARGIN * mm, top - 28, meta, 9, language=lang, max_width=width * 0.6)
        # sender block, boxed, top right
        bx, bw = page_w - MARGIN * mm - 95 * mm, 95 * mm
        lines = [sender.legal_name, *sender.address_lines, sender.city_line(), sender.country]
        lines = [x for x in lines if x][:4]
        c.setStrokeColor(colors.black)
        c.setLineWidth(0.6)
        c.rect(bx, top - HEADER_H * mm + 4 * mm, bw, HEADER_H * mm - 4 * mm)
        draw_text(c, bx + 2 * mm, top - 9, t["sender"], 6.5, language=lang, color=colors.grey)
        y = top - 19
        for i, line in enumerate(lines):
            draw_text(c, bx + 2 * mm, y, line, 9, language=lang, bold=i == 0, max_width=bw - 4 * mm)
            y -= 11
        c.setStrokeColor(RULE)
        c.line(MARGIN * mm, MARGIN * mm + FOOTER_H * mm - 4 * mm, page_w - MARGIN * mm, MARGIN * mm + FOOTER_H * mm - 4 * mm)
        draw_text(c, MARGIN * mm, MARGIN * mm, sender.legal_name, FOOTER_SIZE, language=lang, color=colors.grey)
        c.ar_label = (lang, page_w - MARGIN * mm, MARGIN * mm, CJK if lang == "zh" else LATIN)
        c.restoreState()

    frame = Frame(MARGIN * mm, (MARGIN + FOOTER_H) * mm, width, page_h - (2 * MARGIN + HEADER_H + FOOTER_H) * mm,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    right = {4, 5, 6}
    rows = [[st.para(h, st.cell_right_bold if i in right else st.cell_bold) for i, h in enumerate(t["head"])]]
    for n, e in enumerate(book.entries, 1):
        rows.append([st.para(str(n), st.cell), st.para(e.tracking_number, st.cell_bold),
                     st.para("<br/>".join([f"<b>{escape(e.addressee)}</b>", *(escape(a) for a in e.address_lines)]),
                             st.cell, markup=True),
                     st.para(e.service, st.cell), st.para(money(e.postage, cur), st.cell_right),
                     st.para(money(e.fee, cur), st.cell_right), st.para(money(e.total, cur), st.cell_right),
                     st.para(e.reference, st.cell)])
    rows.append([st.para(t["total"], st.cell_bold), "", st.para(t["piece"] if len(book.entries) == 1 else t["pieces"].format(n=len(book.entries)), st.cell_bold),
                 st.para(cur, st.cell_bold),
                 st.para(money(book.total_postage, cur), st.cell_right_bold),
                 st.para(money(book.total_fees, cur), st.cell_right_bold),
                 st.para(money(book.total_postage + book.total_fees, cur), st.cell_right_bold), ""])
    table = Table(rows, colWidths=[r * width for r in COLS], repeatRows=1)
    style = table_style(1, 1)
    style.add("GRID", (0, 0), (-1, -1), 0.25, RULE)
    table.setStyle(style)

    receipt = Table(
        [[st.para(t["listed"], st.small), st.para(t["received"], st.small), st.para(t["postmaster"], st.small),
          st.para(t["postmark"], st.small)],
         [st.para(str(len(book.entries)), st.cell_bold), "", "", ""]],
        colWidths=[0.22 * width, 0.22 * width, 0.31 * width, 0.25 * width], rowHeights=[None, 16 * mm])
    receipt.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                 ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG)]))
    story = [table, Spacer(1, 5 * mm), KeepTogether([receipt])]
    for note in book.entries_extra:
        story.append(st.para(note, st.small))
    buf = io.BytesIO()
    doc = BaseDocTemplate(buf, pagesize=PAGE, pageTemplates=[PageTemplate(id="book", frames=[frame], onPage=on_page)],
                          title=t["title"], author=sender.legal_name, creator="AR Desktop")
    doc.build(story, canvasmaker=NumberedCanvas)
    return buf.getvalue()

