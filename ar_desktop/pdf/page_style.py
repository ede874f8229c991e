"""The look every printed document shares (letters, statements, reports, lists, the mailing book):
sizes and colours, paragraph styles, "Page x of y", a line of text drawn in the face that shows it,
tables' style and column widths, and the PDF itself."""

from __future__ import annotations

import io
from collections import Counter
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, PageTemplate, Paragraph, TableStyle
from reportlab.platypus import paragraph as _rl_paragraph

from ar_desktop.pdf.fonts import CJK, base_fonts, font_for, needs_wide_font, register_fonts
from ar_desktop.pdf.layouts import Layout
from ar_desktop.pdf.letter_words import TEXT

# Chinese punctuation never starts a line: ReportLab's CJK line breaker keeps the characters of this
# list with the one before them, and its list lacks the full-width comma, semicolon, colon, ! and ?.
_rl_paragraph.ALL_CANNOT_START += "，；：！？》〉"


# ----------------------------------------------------------------------------- constants (mm / pt)

BODY_SIZE = 9.0
BODY_LEADING = 11.2
SMALL_SIZE = 8.0
TABLE_SIZE = 8.5
FOOTER_SIZE = 6.8
PAGE_LABEL_SIZE = 8.0
GREY = colors.HexColor("#555555")
RULE = colors.HexColor("#999999")
HEADER_BG = colors.HexColor("#E8E8E8")


# ----------------------------------------------------------------------------- paragraph styles

class Styles:
    """Paragraph styles for one language; ``for_text`` switches to the CJK face when needed."""

    def __init__(self, language: str, us: bool = False):
        register_fonts()
        self.us = us   # US conventions (dates "Feb 9, 2026") for a US #10 letter in English
        self.language = language
        regular, bold = base_fonts(language)
        wrap = "CJK" if language == "zh" else None
        self.body = ParagraphStyle("body", fontName=regular, fontSize=BODY_SIZE, leading=BODY_LEADING,
                                   spaceAfter=4, wordWrap=wrap)
        self.body_indent = ParagraphStyle("body_indent", parent=self.body,
                                          firstLineIndent=2 * BODY_SIZE if language == "zh" else 0)
        self.subject = ParagraphStyle("subject", parent=self.body, fontName=bold, fontSize=11.5, leading=15,
                                      spaceAfter=3, alignment=TA_CENTER if language == "zh" else TA_LEFT)
        if language == "zh":
            self.subject.fontSize, self.subject.leading = 14, 18
        self.small = ParagraphStyle("small", parent=self.body, fontSize=SMALL_SIZE, leading=10.5, spaceAfter=4,
                                    textColor=GREY)
        self.heading = ParagraphStyle("heading", parent=self.body, fontName=bold, fontSize=9.5, leading=12,
                                      spaceBefore=3, spaceAfter=2)
        self.cell = ParagraphStyle("cell", parent=self.body, fontSize=TABLE_SIZE, leading=10.5, spaceAfter=0)
        self.cell_bold = ParagraphStyle("cell_bold", parent=self.cell, fontName=bold)
        self.cell_right = ParagraphStyle("cell_right", parent=self.cell, alignment=TA_RIGHT)
        self.cell_right_bold = ParagraphStyle("cell_right_bold", parent=self.cell_right, fontName=bold)
        self.right = ParagraphStyle("right", parent=self.body, alignment=TA_RIGHT)

    def for_text(self, style: ParagraphStyle, text: str) -> ParagraphStyle:
        if self.language != "zh" and needs_wide_font(text) and style.fontName != CJK:
            return ParagraphStyle(style.name + "_cjk", parent=style, fontName=CJK)
        return style

    def para(self, text: str, style: ParagraphStyle | None = None, *, markup: bool = False) -> Paragraph:
        """A paragraph of user text (escaped unless ``markup``); line breaks kept."""
        style = style or self.body
        shown = text if markup else escape(text)
        shown = shown.replace("\n", "<br/>")
        return Paragraph(shown, self.for_text(style, text))


# ----------------------------------------------------------------------------- canvas with "Page x of y"

class NumberedCanvas(Canvas):
    """Defers page output so every page can say "Page x of y"; pages are counted per group
    (one letter and its appended statement form one group in a batch PDF)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._page_states: list[dict] = []
        self.ar_group = 0
        self.ar_label: tuple[str, float, float, str] | None = None  # (language, right x, baseline y, font)

    def showPage(self):
        self._page_states.append(dict(self.__dict__))
        self.ar_label = None
        self._startPage()

    def save(self):
        totals = Counter(s["ar_group"] for s in self._page_states)
        seen: Counter = Counter()
        for state in self._page_states:
            self.__dict__.update(state)
            seen[self.ar_group] += 1
            if self.ar_label:
                language, right, baseline, font = self.ar_label
                text = TEXT[language]["page"].format(x=seen[self.ar_group], y=totals[self.ar_group])
                self.setFont(font, PAGE_LABEL_SIZE)
                self.setFillColor(colors.black)
                self.drawRightString(right, baseline, text)
            super().showPage()
        super().save()


def draw_text(c: Canvas, x: float, y: float, text: str, size: float, *, language: str = "en", bold: bool = False,
              max_width: float | None = None, align: str = "left", color=colors.black) -> float:
    """Draw one line in the face that can show it, shrinking to ``max_width``; returns the size used."""
    font = font_for(text, language, bold)
    if max_width:
        while size > 5 and stringWidth(text, font, size) > max_width:
            size -= 0.25
    c.setFont(font, size)
    c.setFillColor(color)
    if align == "right":
        c.drawRightString(x, y, text)
    else:
        c.drawString(x, y, text)
    return size


def wrap_line(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy wrap at spaces; words (or CJK runs) longer than the width are split by character."""
    if stringWidth(text, font, size) <= width:
        return [text]
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if stringWidth(candidate, font, size) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
            current = ""
        while stringWidth(word, font, size) > width:
            cut = len(word)
            while cut > 1 and stringWidth(word[:cut], font, size) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    if current:
        lines.append(current)
    return lines


def table_style(header_rows: int = 1, total_rows: int = 0) -> TableStyle:
    cmds = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_BG),
        ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.6, colors.black),
        ("LINEBELOW", (0, header_rows), (-1, -1 - total_rows), 0.25, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if total_rows:
        cmds.append(("LINEABOVE", (0, -total_rows), (-1, -total_rows), 0.6, colors.black))
    return TableStyle(cmds)


def fit_widths(rows: list[list], ratios: list[float], width: float, wrap_cols: set[int] = frozenset()) -> list[float]:
    """Column widths that never break a header inside a word nor wrap a figure or a date: each
    column gets at least its longest header word and its longest cell (``wrap_cols`` may wrap),
    the rest of the width is shared by the ratios."""
    def text_width(cell, whole: bool) -> float:
        if not isinstance(cell, Paragraph):
            return 0.0
        style = cell.style
        plain = " ".join(str(f.text) for f in getattr(cell, "frags", []) if hasattr(f, "text"))
        parts = [plain] if whole else plain.split()
        return max((stringWidth(p, style.fontName, style.fontSize) for p in parts), default=0.0) + 12
    need = []
    for k in range(len(ratios)):
        header = text_width(rows[0][k], False)
        cells = [text_width(r[k], k not in wrap_cols) for r in rows[1:] if k < len(r) and isinstance(r[k], Paragraph)]
        need.append(max([header, *(c for c in cells if k not in wrap_cols)], default=header))
    total = sum(ratios)
    widths = [max(n, r * width / total) for n, r in zip(need, ratios, strict=True)]
    over = sum(widths) - width
    if over > 0:   # take it from the columns above their minimum, in proportion
        slack = [w - n for w, n in zip(widths, need, strict=True)]
        room = sum(slack)
        if room > 0:
            widths = [w - over * sl / room for w, sl in zip(widths, slack, strict=True)]
    return widths


def build_pdf(layout: Layout, templates: list[PageTemplate], story: list, *, title: str, author: str,
              lang: str = "en") -> bytes:
    buf = io.BytesIO()
    doc = BaseDocTemplate(buf, pagesize=layout.page_size, pageTemplates=templates, title=title, author=author,
                          creator="AR Desktop", lang="zh-CN" if lang == "zh" else "en",
                          leftMargin=0, rightMargin=0, topMargin=0, bottomMargin=0)
    doc.build(story, canvasmaker=NumberedCanvas)
    return buf.getvalue()
