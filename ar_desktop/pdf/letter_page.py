"""A letter's pages: the letterhead, the address window (return line, registered-mail endorsement,
recipient), the information block, fold and hole marks, the footer with the company's and bank's
details, and the page templates that draw them (statements and reports use them too)."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import getAscent, getDescent, stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, PageTemplate

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.letter_facts import long_date
from ar_desktop.domain.letters import Company, Party
from ar_desktop.pdf.fonts import CJK, LATIN, font_for
from ar_desktop.pdf.layouts import FOOTER_HEIGHT, LATER_PAGE_TOP, Geometry, Layout, Rect
from ar_desktop.pdf.letter_words import TEXT
from ar_desktop.pdf.page_style import FOOTER_SIZE, GREY, PAGE_LABEL_SIZE, RULE, SMALL_SIZE, draw_text, wrap_line

# mm / pt
RETURN_LINE_SIZE = 7.0
ENDORSEMENT_SIZE = 8.5
RECIPIENT_MAX_SIZE = 10.0
RECIPIENT_MIN_SIZE = 6.5
INFO_SIZE = 8.5
INFO_LABEL_WIDTH = 24.0
PAGE_LABEL_GAP = 4.0          # page label baseline above the footer rule
FRAME_BOTTOM_GAP = 7.0        # frame bottom above the footer rule
LOGO_MAX_W = 42.0
LOGO_MAX_H = 16.0


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
