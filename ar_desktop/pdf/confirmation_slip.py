"""The balance-confirmation slip (对账确认函) that goes with a statement of account: "we confirm
that we owe … as of …", room for signature and seal, to be returned by a date."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from ar_desktop.domain.chinese_amount import chinese_amount
from ar_desktop.domain.letters import format_date
from ar_desktop.pdf.fonts import font_for, register_fonts

TEXT = {
    "en": {"title": "Balance confirmation", "to": "To: {company}",
           "body": "We confirm that on {date} we owed {company} {amount} {currency}, as listed in the statement "
                   "of account {reference}.",
           "agrees": "We agree: this balance is correct.",
           "differs": "We do not agree. Our records show: ____________________ {currency}. Reason:",
           "return": "Please sign, stamp and return this slip by {date}.",
           "sign": "Customer: {name}", "signature": "Signature:", "seal": "Company seal:", "date": "Date:",
           "ref": "Confirmation no. {ref}"},
    "zh": {"title": "对账确认函", "to": "致：{company}",
           "body": "兹确认截至{date}，我方尚欠{company}款项 {currency} {amount}（大写：{capital}），"
                   "明细见对账单 {reference}。",
           "agrees": "我方确认上述金额无误。",
           "differs": "我方不同意上述金额。我方记录为：{currency} ____________________。原因：",
           "return": "请于{date}前签字盖章后寄回。",
           "sign": "客户：{name}", "signature": "签字：", "seal": "公章：", "date": "日期：",
           "ref": "确认函编号 {ref}"},
}


def slip_page(language: str, company: str, customer: str, amount, currency: str, as_of, return_by,
              reference: str, confirmation_ref: str) -> Callable[[Canvas], None]:
    """What draws the slip on a page of the statement it goes with (``pdf.statement.render_statement``'s
    ``extra_pages``), so that the statement's page numbers count it."""
    register_fonts()
    return lambda c: _draw_slip(c, language, company, customer, amount, currency, as_of, return_by, reference,
                                confirmation_ref)


def _draw_slip(c: Canvas, language: str, company: str, customer: str, amount, currency: str, as_of, return_by,
               reference: str, confirmation_ref: str) -> None:
    t = TEXT["zh" if language == "zh" else "en"]
    width, height = c._pagesize
    x, y = 25 * mm, height - 35 * mm

    def line(text: str, size: float = 10.5, bold: bool = False, gap: float = 7 * mm) -> None:
        nonlocal y
        c.setFont(font_for(text, bold=bold), size)
        words, current = list(text) if language == "zh" else text.split(" "), ""
        sep = "" if language == "zh" else " "
        for w in words:
            trial = f"{current}{sep}{w}" if current else w
            if c.stringWidth(trial, font_for(text, bold=bold), size) > width - 2 * x:
                c.drawString(x, y, current)
                y -= size * 1.5
                current = w
            else:
                current = trial
        c.drawString(x, y, current)
        y -= gap

    amount_text = f"{amount:,.2f}"
    line(t["title"], 16, True, 10 * mm)
    line(t["ref"].format(ref=confirmation_ref), 9)
    line(t["to"].format(company=company))
    capital = chinese_amount(amount) if language == "zh" else ""
    line(t["body"].format(date=format_date(as_of, language), company=company, amount=amount_text,
                          currency=currency, reference=reference, capital=capital))
    y -= 4 * mm
    line("[  ] " + t["agrees"])
    line("[  ] " + t["differs"].format(currency=currency))
    y -= 12 * mm
    line(t["return"].format(date=format_date(return_by, language)), gap=14 * mm)
    line(t["sign"].format(name=customer))
    y -= 6 * mm
    labels = (t["signature"], t["seal"], t["date"])
    start = x + max(c.stringWidth(label, font_for(label), 10.5) for label in labels) + 4 * mm
    for label in labels:
        c.setFont(font_for(label), 10.5)
        c.drawString(x, y, label)
        c.line(start, y - 1 * mm, start + 70 * mm, y - 1 * mm)
        y -= 14 * mm
