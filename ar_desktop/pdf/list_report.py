"""Any list of the window as a printed report: landscape A4, the company and the title on every
page, the filters in force, column headings repeated, "Page x of y"."""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Spacer, Table

from ar_desktop.domain.letters import format_date
from ar_desktop.domain.list_document import ListDocument
from ar_desktop.pdf.fonts import CJK, LATIN, LATIN_BOLD, cut_to_width, has_cjk, register_fonts
from ar_desktop.pdf.page_style import FOOTER_SIZE, RULE, NumberedCanvas, Styles, draw_text, table_style

PAGE = landscape(A4)
MARGIN = 12.0     # mm
HEADER_H = 18.0   # mm: title and company
FOOTER_H = 9.0    # mm: "Page x of y"
CELL_SIZE = 7.5
PRINTED = {"en": "Printed on {date}", "zh": "打印日期：{date}"}


def _fonts(doc: ListDocument) -> tuple[str, str]:
    register_fonts()
    cells = [doc.title, doc.subtitle, *doc.headers, *(c for row in doc.rows for c in row)]
    if doc.language == "zh" or any(has_cjk(c) for c in cells):
        return CJK, CJK
    return LATIN, LATIN_BOLD


def _fit(text: str, font: str, width: float) -> str:
    """Cut a cell to its column, with an ellipsis (the screen shows the full text)."""
    return cut_to_width(text, font, CELL_SIZE, width)


def _widths(doc: ListDocument, font: str, bold: str, total: float) -> list[float]:
    pad = 6.0
    natural = []
    for i, head in enumerate(doc.headers):   # the heading in its bold face: a short column's heading fits whole
        cells = (stringWidth(row[i], font, CELL_SIZE) for row in doc.rows[:500])
        natural.append(max([stringWidth(head, bold, CELL_SIZE), *cells]) + pad)
    if sum(natural) <= total:
        spare = total - sum(natural)
        return [w + spare * w / sum(natural) for w in natural]
    # too wide: numbers and short columns keep their width, the text columns share the rest
    fixed = {i for i, w in enumerate(natural) if i in doc.numeric or w <= 60}
    rest = total - sum(natural[i] for i in fixed)
    flexible = sum(w for i, w in enumerate(natural) if i not in fixed) or 1.0
    if rest <= 0:
        return [total * w / sum(natural) for w in natural]
    return [natural[i] if i in fixed else max(30.0, rest * natural[i] / flexible) for i in range(len(natural))]


def render_list(doc: ListDocument) -> bytes:
    lang = doc.language if doc.language in PRINTED else "en"
    regular, bold = _fonts(doc)
    st = Styles(lang)
    page_w, page_h = PAGE
    width = page_w - 2 * MARGIN * mm

    def on_page(c, _doc):
        c.saveState()
        c.ar_group = 0
        top = page_h - MARGIN * mm
        draw_text(c, MARGIN * mm, top - 12, doc.title, 13, language=lang, bold=True, max_width=width * 0.6)
        draw_text(c, page_w - MARGIN * mm, top - 12, doc.company, 9, language=lang, align="right",
                  max_width=width * 0.38)
        draw_text(c, page_w - MARGIN * mm, top - 24, PRINTED[lang].format(date=format_date(doc.printed_on, lang)),
                  8, language=lang, align="right", color=colors.grey)
        if doc.subtitle:
            draw_text(c, MARGIN * mm, top - 24, doc.subtitle, 8, language=lang, max_width=width * 0.6,
                      color=colors.grey)
        c.setStrokeColor(RULE)
        rule_y = MARGIN * mm + FOOTER_H * mm - 4 * mm
        c.line(MARGIN * mm, rule_y, page_w - MARGIN * mm, rule_y)
        draw_text(c, MARGIN * mm, MARGIN * mm, f"{doc.company} · {doc.title}", FOOTER_SIZE, language=lang,
                  color=colors.grey, max_width=width * 0.7)
        c.ar_label = (lang, page_w - MARGIN * mm, MARGIN * mm, CJK if lang == "zh" else LATIN)
        c.restoreState()

    widths = _widths(doc, regular, bold, width)
    data = [[_fit(h, bold, w - 6) for h, w in zip(doc.headers, widths, strict=True)]]
    data += [[_fit(c, regular, w - 6) for c, w in zip(row, widths, strict=True)] for row in doc.rows]
    table = Table(data, colWidths=widths, repeatRows=1)
    style = table_style(1)
    style.add("FONT", (0, 0), (-1, 0), bold, CELL_SIZE)
    style.add("FONT", (0, 1), (-1, -1), regular, CELL_SIZE)
    style.add("LEADING", (0, 0), (-1, -1), CELL_SIZE + 2)
    for i in doc.numeric:
        style.add("ALIGN", (i, 0), (i, -1), "RIGHT")
    table.setStyle(style)
    story: list = [table]
    if doc.totals:
        story += [Spacer(1, 3 * mm), st.para(doc.totals, st.cell_bold)]
    if doc.note:
        story += [Spacer(1, 2 * mm), st.para(doc.note, st.small)]
    frame = Frame(MARGIN * mm, (MARGIN + FOOTER_H) * mm, width, page_h - (2 * MARGIN + HEADER_H + FOOTER_H) * mm,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    buf = io.BytesIO()
    pdf = BaseDocTemplate(buf, pagesize=PAGE, pageTemplates=[PageTemplate(id="list", frames=[frame], onPage=on_page)],
                          title=doc.title, author=doc.company, creator="AR Desktop")
    pdf.build(story, canvasmaker=NumberedCanvas)
    return buf.getvalue()
