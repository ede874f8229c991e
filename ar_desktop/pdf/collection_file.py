"""The printable collection file: account summary, open items and the full timeline."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from ar_desktop.domain.collection_file import CollectionFileDocument
from ar_desktop.pdf.fonts import LATIN, LATIN_BOLD, font_for, register_fonts

MARGIN = 18 * mm
BODY = 9.0
SMALL = 7.5


def _p(text: str, size: float = BODY, bold: bool = False) -> Paragraph:
    style = ParagraphStyle("p", fontName=font_for(text, bold=bold), fontSize=size, leading=size * 1.3)
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _money(v) -> str:
    return "" if v is None else f"{v:,.2f}"


class _NumberedDoc(SimpleDocTemplate):
    """Two passes so every page can say "Page x of y"."""

    def __init__(self, buf, title: str, **kw):
        super().__init__(buf, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN + 6 * mm,
                         bottomMargin=MARGIN, title=title, **kw)
        self.total_pages = 0
        self.header = title

    def footer(self, canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(font_for(self.header), SMALL)  # a Chinese customer's name too
        canvas.drawString(MARGIN, A4[1] - MARGIN, self.header)
        canvas.setFont(LATIN, SMALL)
        canvas.drawRightString(A4[0] - MARGIN, MARGIN / 2, f"Page {doc.page} of {self.total_pages or '?'}")
        canvas.restoreState()


def render_collection_file(doc: CollectionFileDocument) -> bytes:
    register_fonts()

    def build(total: int) -> tuple[bytes, int]:
        buf = io.BytesIO()
        pdf = _NumberedDoc(buf, f"Collection file {doc.customer_code} — {doc.customer_name} — as of "
                                f"{doc.as_of.isoformat()}")
        pdf.total_pages = total
        pdf.build(_story(doc), onFirstPage=pdf.footer, onLaterPages=pdf.footer)
        return buf.getvalue(), pdf.page

    data, pages = build(0)
    data, _ = build(pages)
    return data


def _story(doc: CollectionFileDocument) -> list:
    story = [_p(f"Collection file: {doc.customer_name}", 14, True), Spacer(1, 2 * mm),
             _p(f"Prepared by {doc.company_name}, {doc.company_address}", SMALL), Spacer(1, 4 * mm)]
    party = [[_p("Customer", bold=True), _p(f"{doc.customer_name} ({doc.customer_code})\n{doc.customer_address}")],
             [_p("Contact", bold=True), _p(doc.customer_contact or "—")],
             [_p("Open balance", bold=True), _p(f"{_money(doc.total_open)} {doc.currency}")],
             [_p("Overdue", bold=True), _p(f"{_money(doc.total_overdue)} {doc.currency}")]]
    party += [[_p(label, bold=True), _p(value)] for label, value in doc.summary]
    t = Table(party, colWidths=[40 * mm, None])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
    story += [t, Spacer(1, 5 * mm), _p("Open invoices", 11, True), Spacer(1, 2 * mm)]
    head = ["Invoice", "Issued", "Due", "Days overdue", "Amount", "Open", "Disputed"]
    rows = [head] + [[i.number, i.issue_date.isoformat(), i.due_date.isoformat(),
                      str(i.days_overdue) if i.days_overdue > 0 else "", _money(i.amount), _money(i.open_amount),
                      "yes" if i.disputed else ""] for i in doc.open_items]
    rows.append(["Total", "", "", "", "", _money(doc.total_open), ""])
    story += [_table(rows, [28 * mm, 22 * mm, 22 * mm, 22 * mm, 28 * mm, 28 * mm, 18 * mm], numeric=(3, 4, 5)),
              Spacer(1, 6 * mm), _p("Timeline (every step, call, letter, promise, dispute and payment)", 11, True),
              Spacer(1, 2 * mm)]
    rows = [["Date", "What", "Details", "Invoice", "Amount"]]
    rows += [[e.date.isoformat(), e.kind.replace("_", " "), _p(e.text, SMALL), e.invoice_number,
              _money(e.amount)] for e in doc.entries]
    story.append(_table(rows, [20 * mm, 24 * mm, None, 24 * mm, 24 * mm], numeric=(4,)))
    return story


def _table(rows: list[list], widths: list, numeric: tuple[int, ...]) -> Table:
    cells = [[_p(c, SMALL, bold=(r == 0)) if isinstance(c, str) else c for c in row] for r, row in enumerate(rows)]
    for row in cells:  # the heading of a column of figures stands over the figures
        for col in numeric:
            if isinstance(row[col], Paragraph):
                row[col].style = ParagraphStyle("n", parent=row[col].style, alignment=2)
    t = Table(cells, colWidths=widths, repeatRows=1)
    t.setStyle(TableStyle([
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f3f3f3")]),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, 0), LATIN_BOLD),
    ]))
    return t
