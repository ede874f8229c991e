"""Collection letters (reminder, demand letter, final notice) as PDF bytes.

A frozen LetterDocument becomes a story of platypus flowables; the letterhead, the address
window (return line, "By registered mail", tracking number, recipient), the date/reference
block, fold and hole marks, the footer with company and bank details and "Page x of y" are
drawn by page-template callbacks.  Several letters can go into one PDF for batch printing;
page numbers then count per letter.
"""

from __future__ import annotations

import io
import os
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import getAscent, getDescent, stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (BaseDocTemplate, CondPageBreak, Flowable, Frame, KeepTogether, NextPageTemplate,
                                PageBreak, PageTemplate, Paragraph, Spacer, Table, TableStyle)

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.letter_facts import long_date, money_text, short_date, words_text
from ar_desktop.domain.letters import Company, LetterDocument, LetterInvoiceLine, Party, format_date
from ar_desktop.domain.money import format_amount
from ar_desktop.pdf.fonts import CJK, LATIN, base_fonts, font_for, needs_wide_font, register_fonts
from reportlab.platypus import paragraph as _rl_paragraph

from ar_desktop.pdf.layouts import FOOTER_HEIGHT, LATER_PAGE_TOP, Geometry, Layout, Rect, get_layout

# Chinese punctuation never starts a line: ReportLab's CJK line breaker keeps the characters of this
# list with the one before them, and its list lacks the full-width comma, semicolon, colon, ! and ?.
_rl_paragraph.ALL_CANNOT_START += "，；：！？》〉"

# ----------------------------------------------------------------------------- constants (mm / pt)

BODY_SIZE = 9.0
BODY_LEADING = 11.2
SMALL_SIZE = 8.0
TABLE_SIZE = 8.5
RETURN_LINE_SIZE = 7.0
ENDORSEMENT_SIZE = 8.5
RECIPIENT_MAX_SIZE = 10.0
RECIPIENT_MIN_SIZE = 6.5
INFO_SIZE = 8.5
INFO_LABEL_WIDTH = 24.0
FOOTER_SIZE = 6.8
PAGE_LABEL_SIZE = 8.0
PAGE_LABEL_GAP = 4.0          # page label baseline above the footer rule
FRAME_BOTTOM_GAP = 7.0        # frame bottom above the footer rule
LOGO_MAX_W = 42.0
LOGO_MAX_H = 16.0
SEAL_AREA_W = 60.0            # blank area for the company seal (zh), ≥ 45 mm square
SEAL_AREA_H = 20.0           # a 42 mm seal is stamped over the company name and date below it
SIGNATURE_SPACE = 8.0
GREY = colors.HexColor("#555555")
RULE = colors.HexColor("#999999")
HEADER_BG = colors.HexColor("#E8E8E8")

from ar_desktop.domain.letter_facts import ZH_CURRENCY  # noqa: E402,F401  (re-exported)

TEXT = {
    "en": {
        "registered": "By registered mail", "tracking": "Tracking no.", "date": "Date", "reference": "Our ref.",
        "contract": "Contract / order", "contact": "Contact", "phone": "Phone", "email": "Email",
        "page": "Page {x} of {y}", "regno": "Reg. no.", "taxid": "Tax ID", "bank": "Bank", "iban": "IBAN / Account",
        "bic": "BIC / SWIFT", "holder": "Account holder", "payref": "Payment reference", "web": "Web",
        "debt": "Debt relationship: contract / order {ref}",
        "inv_head": ("Invoice", "Issue date", "Due date", "Days overdue", "Amount", "Paid", "Open"),
        "overdue_title": "Overdue invoices",
        "in_dispute": "In dispute", "claimed": "Claimed", "due_in": "Due in (days)",
        "dispute_note": "Not claimed while in dispute: {items}. We will come back to it once the dispute is settled.",
        "dispute_item": "invoice {number} {amount}",
        "charges_title": "Late-payment charges",
        "claim_head": ("Invoice", "Due date", "Days overdue", "Amount", "Paid", "Claimed", "Interest",
                       "Fixed compensation", "Total"),
        "claim_title": "Overdue invoices and late-payment charges",
        "total": "Total", "invoices_open": "Open invoice amounts", "charges_total": "Late-payment charges",
        "total_claimed": "Total claimed",
        "pay": "Total claimed: <b>{total}</b>, to be received no later than <b>{deadline}</b>.",
        "bank_line": "Pay to {holder}, {bank}, IBAN <b>{iban}</b>{bic}, payment reference <b>{ref}</b>.",
        "next": "<b>If payment is not received by {deadline}:</b> {text}",
        "contact_line": "Questions: {who}",
        "enclosure": "Enclosure: statement of account of {date}",
        "closing": "Yours faithfully,", "closing_us": "Sincerely,", "scan": "Scan to pay (EPC QR)",
        "debtor_tax": "Debtor: {name}, tax / VAT ID {id}",
        "due_title": "Invoices falling due",
        "pay_due": "Each invoice is payable by its due date.",
        "amount_due": "Amount falling due",
        "attn": "Attn. ", "later": "{ref} · {name}",
    },
    "zh": {
        "registered": "挂号信", "tracking": "邮件号码：", "date": "日期", "reference": "编号",
        "contract": "合同/订单", "contact": "联系人", "phone": "电话", "email": "邮箱",
        "page": "第 {x} 页，共 {y} 页", "regno": "统一社会信用代码", "taxid": "税号", "bank": "开户银行",
        "iban": "账号", "bic": "SWIFT", "holder": "户名", "payref": "付款附言", "web": "网址",
        "debt": "债务依据：合同/订单编号 {ref}",
        "inv_head": ("发票号", "开票日期", "到期日", "逾期天数", "金额", "已付", "未付"),
        "overdue_title": "逾期发票明细",
        "in_dispute": "争议金额", "claimed": "本函主张", "due_in": "距到期（天）",
        "dispute_note": "以下争议部分在争议解决前不在本函主张范围内：{items}。争议解决后我司将另行处理。",
        "dispute_item": "发票{number}争议金额{amount}",
        "charges_title": "逾期费用明细",
        "claim_head": ("发票号", "到期日", "逾期天数", "金额", "已付", "本函主张", "逾期利息", "固定补偿", "合计"),
        "claim_title": "逾期发票及逾期费用明细",
        "total": "合计", "invoices_open": "未付发票金额", "charges_total": "逾期费用",
        "total_claimed": "主张金额合计",
        "words": "大写金额",
        "pay": "请于<b>{deadline}</b>前将<b>{total}</b>付至我司账户（以到账日期为准）。",
        "bank_line": "户名：{holder}；开户银行：{bank}；账号：<b>{iban}</b>{bic}；付款附言：<b>{ref}</b>。",
        "next": "<b>如贵司逾期仍未付款：</b>{text}",
        "contact_line": "联系方式：{who}",
        "enclosure": "附件：截至{date}的对账单",
        "closing": "特此函告。", "scan": "扫码付款（EPC二维码）",
        "debtor_tax": "债务人：{name}，税号／统一社会信用代码 {id}",
        "due_title": "即将到期发票明细",
        "pay_due": "请于各发票到期日前付款。",
        "amount_due": "即将到期金额",
        "attn": "收件人：", "later": "{ref} · {name}",
        "seal": "（盖章）", "signer": "授权代表（签字）：",
    },
}


def _t(language: str, key: str) -> str | tuple:
    return TEXT[language][key]


def money(value: Decimal, currency: str) -> str:
    return format_amount(value, currency).rsplit(" ", 1)[0]


def money_cur(value: Decimal, currency: str, language: str) -> str:
    """The letter's one amount style: 'EUR 1,234.50', '人民币1,234.50元' (domain.letter_facts)."""
    return money_text(value, currency, language)


def words_amount(value: Decimal, currency: str) -> str:
    return words_text(value, currency)


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


# ----------------------------------------------------------------------------- page decoration

@dataclass(frozen=True)
class PageHead:
    """What the page callbacks of one letter/statement need to know."""

    company: Company
    recipient: Party
    language: str
    date: date
    reference: str
    contract_ref: str = ""
    registered_mail: bool = False
    tracking_number: str | None = None
    extra_info: tuple[tuple[str, str], ...] = ()
    endorsement: str = ""            # the mail service in the window, e.g. "Einschreiben Rückschein"
    date_style: str = ""             # "us": "January 10, 2026"


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


def country_name(code: str, language: str) -> str:
    """'Germany' / '德国' for 'DE' (a name that is not a code is kept as written)."""
    from babel import Locale

    key = (code or "").strip()
    if len(key) != 2:
        return key
    return Locale("zh" if language == "zh" else "en").territories.get(key.upper(), key)


def country_line(code: str, language: str) -> str:
    """The destination country of a letter abroad, in capitals: 'GERMANY'; in Chinese letters
    the Chinese name first for the sending post office: '德国 GERMANY'."""
    from babel import Locale   # CLDR country names (docs/architecture.md)

    key = (code or "").strip().upper()
    english = Locale("en").territories.get(key, key)
    if language == "zh":
        chinese = Locale("zh").territories.get(key, "")
        return f"{chinese} {english.upper()}".strip()
    return english.upper()


def recipient_lines(party: Party, language: str, sender_country: str = "") -> list[str]:
    """The address block: no country line for a letter within the sender's country; the
    destination country in capitals as the last line of a letter abroad."""
    lines = [party.legal_name]
    if party.contact_person:
        lines.append(TEXT[language]["attn"] + party.contact_person)
    lines.extend(a for a in party.address_lines if a)
    lines.extend(party.locality_lines())
    if party.country and party.country.strip().upper() != (sender_country or "").strip().upper():
        lines.append(country_line(party.country, language))
    return lines


def draw_block_in_rect(c: Canvas, geo: Geometry, rect: Rect, lines: Sequence[str], language: str,
                       *, max_size: float = RECIPIENT_MAX_SIZE, first_bold: bool = False) -> None:
    """Draw lines top-down inside ``rect`` (mm, from top), wrapping and shrinking until they fit."""
    pad = 1.0 * mm
    width = rect.w * mm - 2 * pad
    height = rect.h * mm - 2 * pad
    size = max_size
    while True:
        wrapped: list[tuple[str, bool]] = []
        for i, line in enumerate(lines):
            bold = first_bold and i == 0
            for part in wrap_line(line, font_for(line, language, bold), size, width):
                wrapped.append((part, bold))
        leading = size * 1.18
        ascent = max(getAscent(font_for(t, language, b), size) for t, b in wrapped) if wrapped else size
        descent = max(-getDescent(font_for(t, language, b), size) for t, b in wrapped) if wrapped else 0
        needed = ascent + (len(wrapped) - 1) * leading + descent
        if needed <= height or size <= RECIPIENT_MIN_SIZE:
            break
        size -= 0.25
    if needed > height:
        # Still too much text: drop trailing lines rather than print outside the window.
        keep = max(1, int((height - ascent - descent) // leading) + 1)
        wrapped = wrapped[:keep]
    y = geo.y(rect.y) - pad - ascent
    for text, bold in wrapped:
        draw_text(c, geo.x(rect.x) + pad, y, text, size, language=language, bold=bold)
        y -= leading


def draw_endorsement(c: Canvas, geo: Geometry, layout: Layout, head: PageHead) -> None:
    """Return line at the top of the zone; registered-mail endorsement and tracking at its bottom."""
    zone = layout.endorsement
    pad = 1.0 * mm
    lang = head.language
    co = head.company
    x = geo.x(zone.x) + pad
    width = zone.w * mm - 2 * pad
    endorse: list[tuple[str, bool]] = []
    if head.registered_mail:
        endorse.append((head.endorsement or TEXT[lang]["registered"], True))
        if head.tracking_number:
            endorse.append((f"{TEXT[lang]['tracking']} {head.tracking_number}", False))
    if layout.key != "us10":  # the US return address is on the envelope / letterhead, not in the window
        ret = " · ".join(p for p in (co.legal_name, *co.address_lines, co.city_line(),
                                     country_name(co.country, lang)) if p)
        y = geo.y(zone.y) - pad - RETURN_LINE_SIZE * 0.9
        if zone.h * mm >= 3 * ENDORSEMENT_SIZE * 1.2 or not endorse:
            used = draw_text(c, x, y, ret, RETURN_LINE_SIZE, language=lang, max_width=width, color=GREY)
            c.setStrokeColor(GREY)
            c.setLineWidth(0.3)
            c.line(x, y - 1.2, x + min(width, stringWidth(ret, font_for(ret, lang), used)), y - 1.2)
    y = geo.y(zone.bottom) + pad + 0.5  # bottom line's baseline
    for text, bold in reversed(endorse):
        draw_text(c, x, y, text, ENDORSEMENT_SIZE, language=lang, bold=bold, max_width=width)
        y += ENDORSEMENT_SIZE * 1.2


def draw_info_block(c: Canvas, geo: Geometry, layout: Layout, head: PageHead) -> None:
    lang, co = head.language, head.company
    rows: list[tuple[str, str]] = [(TEXT[lang]["date"], long_date(head.date, lang, head.date_style == "us")),
                                   (TEXT[lang]["reference"], head.reference)]
    rows.extend(head.extra_info)  # the contract / order reference is printed under the subject
    contact = co.contact_person or co.signer_name
    if contact:
        rows.append((TEXT[lang]["contact"], contact))
    if co.phone:
        rows.append((TEXT[lang]["phone"], co.phone))
    if co.email:
        rows.append((TEXT[lang]["email"], co.email))
    info = layout.info
    x = geo.x(info.x)
    label_w = INFO_LABEL_WIDTH * mm if lang == "en" else 16 * mm
    y = geo.y(info.y) - INFO_SIZE
    for label, value in rows:
        draw_text(c, x, y, label, INFO_SIZE - 0.5, language=lang, color=GREY)
        draw_text(c, x + label_w, y, value, INFO_SIZE, language=lang, max_width=info.w * mm - label_w)
        y -= INFO_SIZE * 1.45


def registration_label(co: Company, language: str) -> str:
    """统一社会信用代码 is a Chinese company's register number; others have a commercial register."""
    if language == "zh":
        return "统一社会信用代码" if (co.country or "").upper() in ("CN", "中国") else "商业登记号"
    return TEXT[language]["regno"]


def draw_letterhead(c: Canvas, geo: Geometry, layout: Layout, head: PageHead, *, compact: bool = False) -> None:
    co, lang = head.company, head.language
    left = geo.x(layout.margin_left)
    right = geo.x(layout.page_mm[0] - layout.margin_right)
    logo_w = 0.0
    if co.logo_path and os.path.isfile(co.logo_path):
        try:
            from reportlab.lib.utils import ImageReader
            img = ImageReader(co.logo_path)
            iw, ih = img.getSize()
            max_h = (LOGO_MAX_H if not compact else 9.0) * mm
            scale = min(LOGO_MAX_W * mm / iw, max_h / ih)
            logo_w = iw * scale
            c.drawImage(img, right - iw * scale, geo.y(8.0) - ih * scale, iw * scale, ih * scale, mask="auto")
            logo_w += 4 * mm
        except Exception as exc:  # an unreadable logo must not stop the letter
            raise UserError(f"The logo file {co.logo_path} cannot be read ({exc}). Choose a PNG or JPEG file.") from None
    width = right - left - logo_w
    if compact:
        draw_text(c, left, geo.y(13.0), co.legal_name, 10, language=lang, bold=True, max_width=width)
        return
    name_y = min(layout.letterhead_height - 10.0, 15.0)
    draw_text(c, left, geo.y(name_y), co.legal_name, 15, language=lang, bold=True, max_width=width)
    address = ", ".join(p for p in (*co.address_lines, co.city_line(), country_name(co.country, lang)) if p)
    line = " · ".join(p for p in (address, co.phone, co.email, co.website) if p)
    draw_text(c, left, geo.y(name_y + 5.0), line, SMALL_SIZE, language=lang, max_width=width, color=GREY)
    ids = " · ".join(p for p in (
        f"{registration_label(co, lang)} {co.registration_id}" if co.registration_id else "",
        f"{TEXT[lang]['taxid']} {co.tax_id}" if co.tax_id else "") if p)
    if ids:
        draw_text(c, left, geo.y(name_y + 9.0), ids, SMALL_SIZE, language=lang, max_width=width, color=GREY)
    c.setStrokeColor(RULE)
    c.setLineWidth(0.5)
    rule_y = geo.y(min(name_y + 11.5, layout.letterhead_height + 0.5))
    c.line(left, rule_y, right, rule_y)


def draw_marks(c: Canvas, geo: Geometry, layout: Layout) -> None:
    c.setStrokeColor(colors.black)
    c.setLineWidth(0.4)
    for y in layout.fold_marks:
        c.line(geo.x(3.0), geo.y(y), geo.x(3.0 + 5.0), geo.y(y))
    if layout.hole_mark is not None:
        c.line(geo.x(3.0), geo.y(layout.hole_mark), geo.x(3.0 + 8.0), geo.y(layout.hole_mark))


def draw_footer(c: Canvas, geo: Geometry, layout: Layout, head: PageHead) -> None:
    co, lang = head.company, head.language
    left = geo.x(layout.margin_left)
    right = geo.x(layout.page_mm[0] - layout.margin_right)
    rule_y = geo.y(layout.page_mm[1] - FOOTER_HEIGHT)
    c.setStrokeColor(RULE)
    c.setLineWidth(0.5)
    c.line(left, rule_y, right, rule_y)
    t = TEXT[lang]
    colon = "：" if lang == "zh" else ": "
    regno = registration_label(co, lang)
    cols = [
        [co.legal_name, *co.address_lines, co.city_line(), country_name(co.country, lang)],
        [f"{regno}{colon}{co.registration_id}" if co.registration_id else "",
         f"{t['taxid']}{colon}{co.tax_id}" if co.tax_id else "",
         f"{t['phone']}{colon}{co.phone}" if co.phone else "",
         f"{t['email']}{colon}{co.email}" if co.email else "",
         f"{t['web']}{colon}{co.website}" if co.website else ""],
        [f"{t['holder']}{colon}{co.account_holder or co.legal_name}",
         f"{t['bank']}{colon}{co.bank_name}" if co.bank_name else "",
         f"{t['iban']}{colon}{co.iban}" if co.iban else "",
         f"{t['bic']}{colon}{co.bic}" if co.bic else ""],
    ]
    col_w = (right - left) / 3
    for i, col in enumerate(cols):
        y = rule_y - FOOTER_SIZE - 2.5
        for line in [x for x in col if x][:5]:
            draw_text(c, left + i * col_w, y, line, FOOTER_SIZE, language=lang, max_width=col_w - 3 * mm, color=GREY)
            y -= FOOTER_SIZE * 1.3
    # "Page x of y" is written by NumberedCanvas once the page count is known.
    c.ar_label = (lang, right, rule_y + PAGE_LABEL_GAP * mm - PAGE_LABEL_SIZE,
                  CJK if lang == "zh" else LATIN)


def draw_later_header(c: Canvas, geo: Geometry, layout: Layout, head: PageHead) -> None:
    draw_letterhead(c, geo, layout, head, compact=True)
    right = geo.x(layout.page_mm[0] - layout.margin_right)
    left = geo.x(layout.margin_left)
    text = TEXT[head.language]["later"].format(ref=head.reference, name=head.recipient.legal_name)
    draw_text(c, right, geo.y(19.0), text, SMALL_SIZE, language=head.language, align="right",
              max_width=right - left, color=GREY)
    c.setStrokeColor(RULE)
    c.setLineWidth(0.5)
    c.line(left, geo.y(21.5), right, geo.y(21.5))


def make_templates(group: int, head: PageHead, layout: Layout, geo: Geometry,
                   first_page: Callable[[Canvas], None] | None = None) -> list[PageTemplate]:
    """first-<group> (letterhead, window, info block, marks) and later-<group> page templates."""
    frame_w = (layout.page_mm[0] - layout.margin_left - layout.margin_right) * mm
    bottom = geo.y(layout.page_mm[1] - FOOTER_HEIGHT) + FRAME_BOTTOM_GAP * mm

    def frame(fid: str, top_mm: float) -> Frame:
        top = geo.y(top_mm)
        return Frame(geo.x(layout.margin_left), bottom, frame_w, top - bottom, id=fid,
                     leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)

    def on_first(c: Canvas, _doc) -> None:
        c.saveState()
        c.ar_group = group
        draw_letterhead(c, geo, layout, head)
        draw_endorsement(c, geo, layout, head)
        draw_block_in_rect(c, geo, layout.recipient,
                           recipient_lines(head.recipient, head.language, head.company.country), head.language)
        draw_info_block(c, geo, layout, head)
        draw_marks(c, geo, layout)
        draw_footer(c, geo, layout, head)
        if first_page:
            first_page(c)
        c.restoreState()

    def on_later(c: Canvas, _doc) -> None:
        c.saveState()
        c.ar_group = group
        draw_later_header(c, geo, layout, head)
        draw_marks(c, geo, layout)
        draw_footer(c, geo, layout, head)
        c.restoreState()

    return [
        PageTemplate(id=f"first-{group}", frames=[frame(f"f{group}", layout.body_top)], onPage=on_first,
                     pagesize=layout.page_size, autoNextPageTemplate=f"later-{group}"),
        PageTemplate(id=f"later-{group}", frames=[frame(f"l{group}", LATER_PAGE_TOP)], onPage=on_later,
                     pagesize=layout.page_size),
    ]


def build_pdf(layout: Layout, templates: list[PageTemplate], story: list, *, title: str, author: str,
              lang: str = "en") -> bytes:
    buf = io.BytesIO()
    doc = BaseDocTemplate(buf, pagesize=layout.page_size, pageTemplates=templates, title=title, author=author,
                          creator="AR Desktop", lang="zh-CN" if lang == "zh" else "en",
                          leftMargin=0, rightMargin=0, topMargin=0, bottomMargin=0)
    doc.build(story, canvasmaker=NumberedCanvas)
    return buf.getvalue()


# ----------------------------------------------------------------------------- the letter story

class SealArea(Flowable):
    """A blank area reserved for the company seal (nothing is drawn)."""

    def __init__(self, width_mm: float = SEAL_AREA_W, height_mm: float = SEAL_AREA_H):
        super().__init__()
        self.width, self.height = width_mm * mm, height_mm * mm

    def draw(self):  # pragma: no cover - intentionally blank
        pass


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


def invoice_table(st: Styles, invoices: Sequence[LetterInvoiceLine], currency: str, width: float,
                  *, totals: bool = True, extra_col: Callable[[LetterInvoiceLine], str] | None = None,
                  extra_head: str = "", courtesy: bool = False) -> Table:
    """Invoices with amount, paid and open; with a dispute among them, the part in dispute and the
    part claimed instead of the open amount. ``courtesy``: invoices not yet due (days until due)."""
    lang = st.language
    disputes = any(i.disputed for i in invoices)
    head = list(TEXT[lang]["inv_head"])
    head[4] = f"{head[4]} ({currency})" if lang == "en" else f"{head[4]}（{ZH_CURRENCY.get(currency, currency)}）"
    if courtesy:
        head[3] = TEXT[lang]["due_in"]
    ratios = [0.19, 0.13, 0.13, 0.1, 0.15, 0.15, 0.15]
    if disputes:
        head[6:] = [TEXT[lang]["in_dispute"], TEXT[lang]["claimed"]]
        ratios = [0.16, 0.12, 0.12, 0.09, 0.13, 0.12, 0.13, 0.13]
    if extra_col:
        head.append(extra_head)
        ratios = [0.14, 0.125, 0.125, 0.085, 0.125, 0.1, 0.125, 0.175]
    right_cols = set(range(3, len(head) - (1 if extra_col else 0)))

    def amounts(items) -> list[str]:
        out = [money(sum((i.amount for i in items), Decimal(0)), currency),
               money(sum((i.paid for i in items), Decimal(0)), currency)]
        if disputes:
            out += [money(sum((i.disputed for i in items), Decimal(0)), currency),
                    money(sum((i.claimed for i in items), Decimal(0)), currency)]
        else:
            out.append(money(sum((i.open_amount for i in items), Decimal(0)), currency))
        return out

    rows = [[st.para(h, st.cell_right_bold if i in right_cols else st.cell_bold) for i, h in enumerate(head)]]
    for inv in invoices:
        days = -inv.days_overdue if courtesy else inv.days_overdue
        cells = [inv.number, short_date(inv.issue_date, lang, st.us), short_date(inv.due_date, lang, st.us), str(days),
                 *amounts([inv])]
        if extra_col:
            cells.append(extra_col(inv))
        rows.append([st.para(v, st.cell_right if i in right_cols else st.cell) for i, v in enumerate(cells)])
    if totals:
        tot = [TEXT[lang]["total"], "", "", "", *amounts(invoices)]
        if extra_col:
            tot.append("")
        rows.append([st.para(v, st.cell_right_bold if i in right_cols else st.cell_bold) for i, v in enumerate(tot)])
    wrap = {len(head) - 1} if extra_col else set()
    table = Table(rows, colWidths=fit_widths(rows, ratios, width, wrap), repeatRows=1, hAlign="LEFT")
    table.setStyle(table_style(1, 1 if totals else 0))
    return table


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


def _short_calc(line: str) -> str:
    """'2026-01-21 to 2026-03-31: 1,250.45 EUR x 10.27 % x 70 / 365 = 24.63 EUR (German base rate ...)'
    without the parenthesis naming the reference rate (the legal basis under the table names it)."""
    return line.split(" (", 1)[0].rstrip(".")


def claim_table(st: Styles, doc: LetterDocument, width: float) -> Table:
    """The invoices claimed with their late charges in one table (so that a letter of up to three
    invoices with charges fits on one page); under each invoice, in small print, how its charges
    were computed. The header repeats on every page the table runs onto."""
    lang, cur = st.language, doc.currency
    t = TEXT[lang]
    disputes = any(i.disputed for i in doc.invoices)
    head = list(t["claim_head"])          # invoice, due, days, amount, paid, claimed, interest, fixed, total
    head[3] = f"{head[3]} ({cur})" if lang == "en" else f"{head[3]}（{ZH_CURRENCY.get(cur, cur)}）"
    ratios = [0.14, 0.11, 0.075, 0.115, 0.1, 0.115, 0.1, 0.12, 0.125]
    if disputes:
        head.insert(5, t["in_dispute"])
        ratios = [0.125, 0.1, 0.065, 0.105, 0.085, 0.1, 0.105, 0.095, 0.11, 0.11]
    right = set(range(2, len(head)))
    rows = [[st.para(h, st.cell_right_bold if k in right else st.cell_bold) for k, h in enumerate(head)]]
    note = ParagraphStyle("calc", parent=st.cell, fontSize=6.8, leading=8.4, textColor=GREY)
    spans = []
    by_number = {c.invoice_number: c for c in doc.charges}
    zero = Decimal(0)
    for inv in doc.invoices:
        ch = by_number.get(inv.number)
        cells = [inv.number, short_date(inv.due_date, lang, st.us), str(inv.days_overdue), money(inv.amount, cur),
                 money(inv.paid, cur)]
        if disputes:
            cells.append(money(inv.disputed, cur))
        cells += [money(inv.claimed, cur), money(ch.interest if ch else zero, cur),
                  money(ch.fixed_compensation if ch else zero, cur), money(inv.claimed + (ch.total if ch else zero), cur)]
        rows.append([st.para(v, st.cell_right if k in right else st.cell) for k, v in enumerate(cells)])
        if ch is not None:   # the rule and the arithmetic (the reference rate is named in the legal basis)
            sep = "；" if lang == "zh" else "; "
            calc = sep.join(_short_calc(x) for x in ch.explanation)
            text = ch.description + ("：" if lang == "zh" else ": ") + calc if calc else ch.description
            rows.append([st.para(text, note)] + [""] * (len(head) - 1))
            spans.append(len(rows) - 1)
    totals = [t["total"], "", "", money(sum((i.amount for i in doc.invoices), zero), cur),
              money(sum((i.paid for i in doc.invoices), zero), cur)]
    if disputes:
        totals.append(money(sum((i.disputed for i in doc.invoices), zero), cur))
    totals += [money(doc.invoices_open, cur), money(sum((c.interest for c in doc.charges), zero), cur),
               money(sum((c.fixed_compensation for c in doc.charges), zero), cur),
               money(doc.invoices_open + doc.charges_total, cur)]
    rows.append([st.para(v, st.cell_right_bold if k in right else st.cell_bold) for k, v in enumerate(totals)])
    table = Table(rows, colWidths=fit_widths([r for k, r in enumerate(rows) if k not in spans], ratios, width),
                  repeatRows=1, hAlign="LEFT")
    style = table_style(1, 1)
    for r in spans:
        style.add("SPAN", (0, r), (-1, r))
        style.add("TOPPADDING", (0, r), (-1, r), 0)
        style.add("LINEABOVE", (0, r), (-1, r), 0, colors.white)
    table.setStyle(style)
    return table


def totals_block(st: Styles, doc: LetterDocument, width: float) -> Table:
    lang, cur = st.language, doc.currency
    if doc.template == "courtesy_reminder":
        rows = [[st.para(TEXT[lang]["amount_due"], st.cell_bold),
                 st.para(money_cur(doc.invoices_open, cur, lang), st.cell_right_bold)]]
        lined = 0
    else:
        rows = []   # the table above has the invoices and the charges; here the sum to pay
        lined = 0
        rows.append([st.para(TEXT[lang]["total_claimed"], st.cell_bold),
                     st.para(money_cur(doc.total_claimed, cur, lang), st.cell_right_bold)])
        if lang == "zh":
            rows.append([st.para(TEXT[lang]["words"], st.cell_bold),
                         st.para(words_amount(doc.total_claimed, cur), st.cell_right_bold)])
    table = Table(rows, colWidths=[0.45 * width, 0.55 * width], hAlign="RIGHT")
    cmds = [("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]
    if lined:
        cmds.append(("LINEABOVE", (0, lined), (-1, lined), 0.8, colors.black))
    table.setStyle(TableStyle(cmds))
    return table


def bank_table(st: Styles, doc: LetterDocument, width: float) -> Table:
    """Account holder, bank, IBAN, BIC and payment reference, two pairs a row."""
    t, co = TEXT[st.language], doc.company
    pairs = [(k, v) for k, v in ((t["holder"], co.account_holder or co.legal_name), (t["bank"], co.bank_name),
                                 (t["iban"], co.iban), (t["bic"], co.bic), (t["payref"], doc.reference)) if v]
    data = []
    for k in range(0, len(pairs), 2):
        row = []
        for label, value in pairs[k:k + 2]:
            row += [st.para(label, st.cell), st.para(value, st.cell_bold)]
        data.append(row + [""] * (4 - len(row)))
    table = Table(data, colWidths=fit_widths([[None] * 4, *data], [0.2, 0.37, 0.13, 0.3], width), hAlign="LEFT")
    table.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 0.6, colors.black),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 4), ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return table


QR_SIZE = 20.0   # mm: the EPC guidelines ask for at least 2 x 2 cm


class PaymentQr(Flowable):
    """The EPC "SEPA credit transfer" QR code (ReportLab's own QR encoder, error level M, UTF-8)."""

    def __init__(self, payload: str, size_mm: float = QR_SIZE):
        super().__init__()
        self.payload = payload
        self.width = self.height = size_mm * mm

    def draw(self):
        from reportlab.graphics import renderPDF
        from reportlab.graphics.barcode.qr import QrCodeWidget
        from reportlab.graphics.shapes import Drawing

        widget = QrCodeWidget(self.payload, barLevel="M")
        x0, y0, x1, y1 = widget.getBounds()
        drawing = Drawing(self.width, self.height,
                          transform=[self.width / (x1 - x0), 0, 0, self.height / (y1 - y0), 0, 0])
        drawing.add(widget)
        renderPDF.draw(drawing, self.canv, 0, 0)


class QrRight(Flowable):
    """The payment QR code at the right margin (Chinese letters: the seal block takes the bottom)."""

    def __init__(self, payload: str, width: float, caption: str, st: Styles):
        super().__init__()
        self.qr = PaymentQr(payload)
        self.width, self.height = width, QR_SIZE * mm

    def draw(self):
        self.canv.saveState()
        self.canv.translate(self.width - QR_SIZE * mm, 0)
        self.qr.canv = self.canv
        self.qr.draw()
        self.canv.restoreState()


def bank_line(doc: LetterDocument, lang: str) -> str:
    """The account to pay to, in one sentence (markup; the footer repeats it on every page)."""
    co = doc.company
    bic = (f"；SWIFT：{escape(co.bic)}" if lang == "zh" else f", BIC {escape(co.bic)}") if co.bic else ""
    return TEXT[lang]["bank_line"].format(holder=escape(co.account_holder or co.legal_name),
                                          bank=escape(co.bank_name or "-"), iban=escape(co.iban or "-"), bic=bic,
                                          ref=escape(doc.reference))


def bank_block(st: Styles, doc: LetterDocument, width: float):
    """The bank details to pay to; beside them, for a EUR letter from a company with an IBAN, the
    EPC QR code a banking app scans to pay without typing."""
    if not doc.payment_qr:
        return bank_table(st, doc, width)
    qr_w = QR_SIZE * mm
    caption = st.para(TEXT[st.language]["scan"], ParagraphStyle("qrc", parent=st.small, alignment=TA_CENTER,
                                                               fontSize=6.5, leading=8))
    table = Table([[bank_table(st, doc, width - qr_w - 8 * mm), [PaymentQr(doc.payment_qr), caption]]],
                  colWidths=[width - qr_w - 6 * mm, qr_w + 6 * mm], hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 0), ("ALIGN", (1, 0), (1, 0), "RIGHT")]))
    return table


def signature_block(st: Styles, doc: LetterDocument, width: float) -> list:
    """The closing and the signature, as one block (never split from each other)."""
    co, lang = doc.company, st.language
    if lang == "zh":
        right_w = SEAL_AREA_W * mm
        signer = " ".join(p for p in (co.signer_name, co.signer_title) if p)
        right = [SealArea(), st.para(co.legal_name + TEXT["zh"]["seal"], ParagraphStyle("sr", parent=st.body,
                                                                                       alignment=TA_CENTER)),
                 st.para(format_date(doc.letter_date, "zh"), ParagraphStyle("sd", parent=st.body, alignment=TA_CENTER))]
        # a ruled blank line to sign on, the signer's name under it
        left = [Spacer(1, SEAL_AREA_H * mm - 16 * mm),
                st.para(TEXT["zh"]["signer"], st.body), SignLine(0.5 * (width - right_w)),
                st.para(signer, st.small)]
        table = Table([[left, right]], colWidths=[width - right_w, right_w], hAlign="LEFT")
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        return [st.para(TEXT["zh"]["closing"], st.body_indent), table]
    closing = TEXT["en"]["closing_us" if doc.date_style == "us" else "closing"]
    parts = [st.para(closing), st.para(co.legal_name), Spacer(1, SIGNATURE_SPACE * mm)]
    signer = ", ".join(p for p in (co.signer_name, co.signer_title) if p)
    if signer:
        parts.append(st.para(signer, ParagraphStyle("sig", parent=st.body, spaceAfter=0)))
    return parts


class SignLine(Flowable):
    """A ruled line to sign on."""

    def __init__(self, width: float):
        super().__init__()
        self.width, self.height = width, 9 * mm

    def draw(self):
        self.canv.setLineWidth(0.5)
        self.canv.line(0, 2, self.width, 2)


def _first_rows_height(heading: Paragraph, table: Table, width: float, rows: int = 3) -> float:
    """Height of a heading with the first ``rows`` rows of its table (header included)."""
    _w, h = heading.wrap(width, 10_000)
    first = Table(table._cellvalues[:rows], colWidths=table._colWidths)
    first.setStyle(table_style(1, 0))
    _w, h2 = first.wrap(width, 10_000)
    return h + h2 + heading.getSpaceBefore() + heading.getSpaceAfter() + 2


def _with_heading(st: Styles, title: str, table: Table, width: float) -> list:
    """A heading never stays alone at the foot of a page: it moves on with its table's first rows
    (the table's header repeats on every page it runs onto)."""
    heading = st.para(title, st.heading)
    return [CondPageBreak(_first_rows_height(heading, table, width)), heading, table]


LEGAL_BASIS = {
    "en": {
        "statutory_de": "Legal basis: interest of 9 percentage points above the base rate (§247 BGB) under §288 (2) "
                        "BGB; fixed compensation of EUR 40.00 per invoice under §288 (5) BGB.",
        "statutory_eu": "Legal basis: Directive 2011/7/EU on combating late payment in commercial transactions "
                        "(Art. 3, 4 and 6) as implemented by national law: ECB main refinancing rate plus 8 points; "
                        "EUR 40.00 fixed compensation per invoice.",
        "statutory_uk": "Legal basis: Late Payment of Commercial Debts (Interest) Act 1998 (ss. 1, 4, 5A and 6): "
                        "Bank Rate on the reference day plus 8 %; a fixed sum of GBP 40.00, 70.00 or 100.00 per "
                        "invoice by its size.",
        "contract_daily": "Legal basis: the interest rate agreed in our contract and terms of payment ({ref}).",
        "contract_annual": "Legal basis: the interest rate agreed in our contract and terms of payment ({ref}).",
        "accrues": "Interest keeps accruing after the date of this letter, currently {amount} a day, until payment.",
    },
    "zh": {
        "statutory_de": "逾期利息依据《德国民法典》第288条第2款（企业之间，按第247条基准利率加9个百分点）计算，"
                        "每张发票40.00欧元固定补偿依据该条第5款主张。",
        "statutory_eu": "逾期利息（欧洲央行主要再融资利率加8个百分点）及每张发票40.00欧元固定补偿依据欧盟"
                        "《关于打击商业交易中延迟付款的第2011/7/EU号指令》（第3、4、6条）及相应的国内法主张。",
        "statutory_uk": "逾期利息（英格兰银行基准利率加8%，按参考日利率固定）及每张发票按债务金额计的固定款项"
                        "（40.00、70.00或100.00英镑）依据英国《1998年商业债务逾期付款（利息）法》"
                        "（第1、4、5A、6条）主张。",
        "contract_daily": "逾期利息依据双方合同及付款条件（{ref}）约定的利率计算。",
        "contract_annual": "逾期利息依据双方合同及付款条件（{ref}）约定的利率计算。",
        "accrues": "本函日期之后，未付款项将继续计收逾期利息，目前每日{amount}，直至款项付清为止。",
    },
}


def legal_basis(st: Styles, doc: LetterDocument) -> list:
    """The legal basis of the charges claimed, and that interest keeps running (and by how much)."""
    facts = doc.facts
    if facts is None or not doc.charges:
        return []
    texts = LEGAL_BASIS[st.language]
    out = []
    for key in dict.fromkeys(b for b in facts.legal_bases if b in texts):
        out.append(st.para(texts[key].format(ref=doc.contract_ref), st.small))
    if facts.interest_per_day:
        out.append(st.para(texts["accrues"].format(amount=money_cur(facts.interest_per_day, doc.currency,
                                                                    st.language)), st.small))
    return out


def letter_story(doc: LetterDocument, layout: Layout) -> list:
    us = doc.date_style == "us"
    st = Styles(doc.language, us)
    lang, t = doc.language, TEXT[doc.language]
    courtesy = doc.template == "courtesy_reminder"
    width = (layout.page_mm[0] - layout.margin_left - layout.margin_right) * mm
    story: list = [st.para(doc.subject, st.subject)]
    debt = [t["debt"].format(ref=doc.contract_ref)] if doc.contract_ref else []
    if doc.recipient.tax_id:
        debt.append(t["debtor_tax"].format(name=doc.recipient.legal_name, id=doc.recipient.tax_id))
    if debt:
        story.append(st.para(("；" if lang == "zh" else " · ").join(debt), st.small))
    story.append(Spacer(1, 1.5 * mm))
    for i, text in enumerate(doc.paragraphs):
        is_salutation = i == 0 and (text.endswith("：") or text.endswith(",") or text.endswith(":"))
        story.append(st.para(text, st.body if is_salutation else st.body_indent))
    if doc.invoices and doc.charges:
        story += _with_heading(st, t["claim_title"], claim_table(st, doc, width), width)
    elif doc.invoices:
        title = t["due_title"] if courtesy else t["overdue_title"]
        story += _with_heading(st, title, invoice_table(st, doc.invoices, doc.currency, width, courtesy=courtesy),
                               width)
    if doc.invoices:
        disputed = [i for i in (*doc.invoices, *doc.wholly_disputed) if i.disputed]
        if disputed:
            sep = "；" if lang == "zh" else "; "
            items = sep.join(t["dispute_item"].format(number=i.number, amount=money_cur(i.disputed, doc.currency, lang))
                             for i in disputed)
            story.append(st.para(t["dispute_note"].format(items=items), st.small))
    if doc.charges:
        story += legal_basis(st, doc)
    if courtesy:   # a friendly note sums what falls due; letters state the total claimed in the pay line
        story += [Spacer(1, 1 * mm), KeepTogether([totals_block(st, doc, 0.62 * width)]), Spacer(1, 1 * mm)]
    else:
        story.append(Spacer(1, 2 * mm))
    total_txt = escape(money_cur(doc.total_claimed, doc.currency, lang))
    deadline = escape(long_date(doc.deadline, lang, us))
    if courtesy:
        pay = t["pay_due"]
    else:
        pay = t["pay"].format(total=total_txt, deadline=deadline)
    if doc.company.iban or doc.company.bank_name:
        story.append(st.para(pay + " " + bank_line(doc, lang), st.body, markup=True))
    announces = doc.template in ("legal_notice", "agency_notice")   # their wording states the step itself
    if not courtesy and not announces and doc.next_step and not any(doc.next_step in p for p in doc.paragraphs):
        story.append(st.para(t["next"].format(deadline=deadline, text=escape(doc.next_step)), st.body, markup=True))
    tail: list = []   # whom to ask is in the information block beside the address
    if doc.statement_attached or doc.statement is not None:
        sdate = doc.statement.statement_date if doc.statement else doc.letter_date
        tail.append(st.para(t["enclosure"].format(date=long_date(sdate, lang, us)), st.small))
    tail.append(Spacer(1, 2 * mm))
    # the closing and signature never stand alone on a page: the last lines before them go along
    last = [story.pop()] if story else []
    if last and isinstance(last[0], KeepTogether):
        last = list(last[0]._content)   # one level: ReportLab measures a nested KeepTogether badly
    closing = signature_block(st, doc, width)
    if doc.payment_qr and lang == "en":   # the pay-by-scan code beside the signature
        qr = [PaymentQr(doc.payment_qr), st.para(TEXT[lang]["scan"], ParagraphStyle(
            "qrc", parent=st.small, alignment=TA_CENTER, fontSize=6.5, leading=8))]
        qr_w = QR_SIZE * mm + 6 * mm
        side = Table([[closing, qr]], colWidths=[width - qr_w, qr_w], hAlign="LEFT")
        side.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                  ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                                  ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
        closing = [side]
    elif doc.payment_qr:
        closing = [*closing[:1], QrRight(doc.payment_qr, width, TEXT[lang]["scan"], st), *closing[1:]]
    story.append(KeepTogether([*last, *tail, *closing]))
    return story


def _check_totals(doc: LetterDocument) -> None:
    expected = doc.invoices_open + doc.charges_total
    if doc.total_claimed != expected:
        raise UserError(
            f"The total claimed ({format_amount(doc.total_claimed, doc.currency)}) differs from the open invoice "
            f"amounts plus charges ({format_amount(expected, doc.currency)}). Recalculate the letter before printing."
        )


def _letter_head(doc: LetterDocument) -> PageHead:
    return PageHead(doc.company, doc.recipient, doc.language, doc.letter_date, doc.reference, doc.contract_ref,
                    doc.registered_mail, doc.tracking_number, endorsement=doc.endorsement, date_style=doc.date_style)


def render_letters(docs: Sequence[LetterDocument], layout: str = "din-a",
                   offset: tuple[float, float] = (0, 0)) -> bytes:
    """Many letters (each with its optional statement) in one PDF, for batch printing.
    Every letter starts on a new page; "Page x of y" counts the pages of each letter."""
    if not docs:
        raise UserError("There are no letters to print. Select at least one letter.")
    lay = get_layout(layout)
    geo = Geometry(lay, offset)
    templates: list[PageTemplate] = []
    story: list = []
    for i, doc in enumerate(docs):
        _check_totals(doc)
        head = _letter_head(doc)
        templates += make_templates(i, head, lay, geo)
        if i:
            story += [NextPageTemplate(f"first-{i}"), PageBreak()]
        story += letter_story(doc, lay)
        if doc.statement is not None:
            from ar_desktop.pdf.statement import statement_story
            story += [NextPageTemplate(f"later-{i}"), PageBreak()]
            story += statement_story(doc.statement, lay)
    # The first template in the list starts the document.
    first = docs[0]
    return build_pdf(lay, templates, story, title=first.subject if len(docs) == 1 else "Collection letters",
                     author=first.company.legal_name, lang=first.language)


def render_letter(doc: LetterDocument, layout: str = "din-a", offset: tuple[float, float] = (0, 0)) -> bytes:
    """One letter (plus its statement of account when ``doc.statement`` is set) as PDF bytes."""
    return render_letters([doc], layout, offset)
