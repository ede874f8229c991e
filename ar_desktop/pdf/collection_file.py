"""The printable collection file: account summary, open items and the full timeline."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from ar_desktop.domain.collection_file import WORDS, CollectionFileDocument, kind_text
from ar_desktop.domain.money import DEFAULT_FORMAT, NumberFormat, write_number
from ar_desktop.domain.text import Text, Translate
from ar_desktop.pdf.fonts import LATIN_BOLD, cut_to_width, font_for, register_fonts

MARGIN = 18 * mm
BODY = 9.0
SMALL = 7.5


def _p(text: str, size: float = BODY, bold: bool = False) -> Paragraph:
    style = ParagraphStyle("p", fontName=font_for(text, bold=bold), fontSize=size, leading=size * 1.3)
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _money(v, fmt: NumberFormat = DEFAULT_FORMAT) -> str:
    return "" if v is None else write_number(v, fmt, 2)


def _english(context: str, source: str) -> str:
    return source


class _Reader:
    """The file's words and sentences in the reader's language (``tr``), its amounts as the company writes them."""

    def __init__(self, tr: Translate | None, fmt: NumberFormat):
        self.tr, self.fmt = tr or _english, fmt

    def __call__(self, message: str | Text, **params) -> str:
        """A ``Text`` (a history entry, a summary line), or a key of ``WORDS`` with its parameters."""
        text = message if isinstance(message, Text) else Text(WORDS[message], **params)
        return text.render(self.tr, self.money)

    def money(self, v) -> str:
        return _money(v, self.fmt)


ENGLISH = _Reader(None, DEFAULT_FORMAT)


class _NumberedDoc(SimpleDocTemplate):
    """Two passes so every page can say "Page x of y"."""

    def __init__(self, buf, title: str, say: _Reader = ENGLISH, **kw):
        super().__init__(buf, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN + 6 * mm,
                         bottomMargin=MARGIN, title=title, **kw)
        self.total_pages = 0
        self.header = title
        self.say = say

    def footer(self, canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(font_for(self.header), SMALL)  # a Chinese customer's name too
        canvas.drawString(MARGIN, A4[1] - MARGIN, self.header)
        page = self.say("page", page=doc.page, pages=self.total_pages or "?")
        canvas.setFont(font_for(page), SMALL)
        canvas.drawRightString(A4[0] - MARGIN, MARGIN / 2, page)
        canvas.restoreState()


def render_collection_file(doc: CollectionFileDocument, tr: Translate | None = None) -> bytes:
    """The file in the language of ``tr`` (a translator like Qt's ``translate(context, source)``; English
    without), amounts in the company's style."""
    register_fonts()
    say = _Reader(tr, doc.number_format)

    def build(total: int) -> tuple[bytes, int]:
        buf = io.BytesIO()
        pdf = _NumberedDoc(buf, say("header", code=doc.customer_code, name=doc.customer_name,
                                    date=doc.as_of.isoformat()), say)
        pdf.header = _header(doc, say)
        pdf.total_pages = total
        pdf.build(_story(doc, say), onFirstPage=pdf.footer, onLaterPages=pdf.footer)
        return buf.getvalue(), pdf.page

    data, pages = build(0)
    data, _ = build(pages)
    return data


def _header(doc: CollectionFileDocument, say: _Reader) -> str:
    """The running heading, on one line across the page: a customer's long name cut to fit (the title says it
    whole)."""
    def header(name: str) -> str:
        return say("header", code=doc.customer_code, name=name, date=doc.as_of.isoformat())

    font = font_for(header(doc.customer_name))
    room = A4[0] - 2 * MARGIN - stringWidth(header(""), font, SMALL)
    return header(cut_to_width(doc.customer_name, font, SMALL, room))


def _story(doc: CollectionFileDocument, say: _Reader = ENGLISH) -> list:
    money = say.money
    story = [_p(say("title", name=doc.customer_name), 14, True), Spacer(1, 2 * mm),
             _p(say("prepared", company=doc.company_name, address=doc.company_address) if doc.company_address
                else say("prepared_by", company=doc.company_name), SMALL), Spacer(1, 4 * mm)]
    party = [[_p(say("customer"), bold=True), _p(f"{doc.customer_name} ({doc.customer_code})\n{doc.customer_address}")],
             [_p(say("contact"), bold=True), _p(doc.customer_contact or "—")],
             [_p(say("open_balance"), bold=True), _p(f"{money(doc.total_open)} {doc.currency}")],
             [_p(say("overdue"), bold=True), _p(f"{money(doc.total_overdue)} {doc.currency}")]]
    party += [[_p(say(label), bold=True), _p(say(value))] for label, value in doc.summary]
    t = Table(party, colWidths=[40 * mm, None])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
    story += [t, Spacer(1, 5 * mm), _p(say("open_invoices"), 11, True), Spacer(1, 2 * mm)]
    head = [say(k) for k in ("invoice", "issued", "due", "days_overdue", "amount", "open", "disputed")]
    rows = [head] + [[i.number, i.issue_date.isoformat(), i.due_date.isoformat(),
                      str(i.days_overdue) if i.days_overdue > 0 else "", money(i.amount), money(i.open_amount),
                      say("yes") if i.disputed else ""] for i in doc.open_items]
    rows.append([say("total"), "", "", "", "", money(doc.total_open), ""])
    story += [_table(rows, [28 * mm, 22 * mm, 22 * mm, 22 * mm, 28 * mm, 28 * mm, 18 * mm], numeric=(3, 4, 5)),
              Spacer(1, 6 * mm), _p(say("timeline"), 11, True), Spacer(1, 2 * mm)]
    rows = [[say(k) for k in ("date", "what", "details", "invoice", "amount")]]
    rows += [[e.date.isoformat(), say(kind_text(e.kind)), _p(say(e.text) if isinstance(e.text, Text) else e.text, SMALL),
              e.invoice_number, money(e.amount)] for e in doc.entries]
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
