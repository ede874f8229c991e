"""Calibration page: prints the window outline, fold marks and millimetre rulers of a layout,
so the user can hold the printout against an envelope and measure the printer's shift."""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.units import mm

from ar_desktop.pdf.layouts import Geometry, Layout, get_layout
from ar_desktop.pdf.letter_page import draw_marks
from ar_desktop.pdf.page_style import NumberedCanvas, draw_text, wrap_line
from ar_desktop.pdf.fonts import font_for, register_fonts

RULER_MARGIN = 10.0     # rulers start/stop this far from the paper edges (printers cannot print at the edge)
H_RULER_TOP = 12.0      # horizontal ruler: distance of its base line from the top edge
V_RULER_RIGHT = 12.0    # vertical ruler: distance of its base line from the right edge
TICK_MM, TICK_5, TICK_10 = 1.5, 2.5, 4.0
LABEL_SIZE = 6.0

TEXT = {
    "en": {
        "title": "Printer calibration – {title}",
        "window": "Address window {w:g} × {h:g} mm",
        "endorsement": "Return line / By registered mail",
        "recipient": "Recipient",
        "offset": "Printer offset in use: {dx:+.1f} mm right, {dy:+.1f} mm down",
        "steps": [
            "1. Print this page at 100 % (switch off 'fit to page' / 'scale to fit').",
            "2. With a ruler, measure from the LEFT paper edge to the line marked X ({x:g} mm expected) and from the "
            "TOP paper edge to the line marked Y ({y:g} mm expected).",
            "3. Enter the printer offset as expected minus measured (e.g. X measured at 21.5 mm → offset −1.5 mm).",
            "4. Print again: the tick labelled 50 must lie 50 mm from the left edge, and the outline must sit inside "
            "the envelope window when the sheet is folded at the fold marks.",
        ],
    },
    "zh": {
        "title": "打印机校准页 – {title}",
        "window": "地址窗 {w:g} × {h:g} 毫米",
        "endorsement": "寄件人行 / 挂号信",
        "recipient": "收件人",
        "offset": "当前打印偏移：向右 {dx:+.1f} 毫米，向下 {dy:+.1f} 毫米",
        "steps": [
            "1. 按 100% 比例打印本页（关闭“适合页面大小”）。",
            "2. 用尺子测量纸张左边缘到 X 线的距离（应为 {x:g} 毫米），以及纸张上边缘到 Y 线的距离（应为 {y:g} 毫米）。",
            "3. 将“应为值减实测值”作为打印偏移输入（例如 X 实测 21.5 毫米 → 偏移 −1.5 毫米）。",
            "4. 重新打印核对：标有 50 的刻度应距左边缘 50 毫米，折叠后外框应位于信封窗口内。",
        ],
    },
}


def _rulers(c, geo: Geometry, layout: Layout) -> None:
    w_mm, h_mm = layout.page_mm
    c.setStrokeColor(colors.black)
    c.setLineWidth(0.25)
    # horizontal ruler, ticks hanging down from its base line; labels = distance from the left edge
    c.line(geo.x(RULER_MARGIN), geo.y(H_RULER_TOP), geo.x(w_mm - RULER_MARGIN), geo.y(H_RULER_TOP))
    for x in range(int(RULER_MARGIN), int(w_mm - RULER_MARGIN) + 1):
        length = TICK_10 if x % 10 == 0 else TICK_5 if x % 5 == 0 else TICK_MM
        c.line(geo.x(x), geo.y(H_RULER_TOP), geo.x(x), geo.y(H_RULER_TOP + length))
        if x % 10 == 0:
            c.setFont("Helvetica", LABEL_SIZE)
            c.drawCentredString(geo.x(x), geo.y(H_RULER_TOP - 1.2), str(x))
    # vertical ruler near the right edge; labels = distance from the top edge
    vx = w_mm - V_RULER_RIGHT
    c.line(geo.x(vx), geo.y(RULER_MARGIN + 8), geo.x(vx), geo.y(h_mm - RULER_MARGIN))
    for y in range(int(RULER_MARGIN + 8), int(h_mm - RULER_MARGIN) + 1):
        length = TICK_10 if y % 10 == 0 else TICK_5 if y % 5 == 0 else TICK_MM
        c.line(geo.x(vx - length), geo.y(y), geo.x(vx), geo.y(y))
        if y % 10 == 0:
            c.setFont("Helvetica", LABEL_SIZE)
            c.drawString(geo.x(vx + 1.0), geo.y(y) - LABEL_SIZE / 3, str(y))


def render_calibration(layout: str = "din-a", offset: tuple[float, float] = (0, 0), language: str = "en") -> bytes:
    """One page with the chosen layout's window outline, fold marks and rulers, printer offset applied."""
    register_fonts()
    lay = get_layout(layout)
    geo = Geometry(lay, offset)
    t = TEXT["zh" if language == "zh" else "en"]
    lang = "zh" if language == "zh" else "en"
    buf = io.BytesIO()
    c = NumberedCanvas(buf, pagesize=lay.page_size)
    c.setTitle(t["title"].format(title=lay.title))
    field = lay.address_field
    # window outline
    c.setStrokeColor(colors.black)
    c.setLineWidth(0.6)
    c.setDash(3, 2)
    c.rect(*geo.rect(field), stroke=1, fill=0)
    c.setDash()
    # endorsement / recipient split
    c.setLineWidth(0.3)
    c.setStrokeColor(colors.grey)
    c.line(geo.x(field.x), geo.y(lay.recipient.y), geo.x(field.right), geo.y(lay.recipient.y))
    if lay.endorsement.y < field.y:  # endorsement sits above the window (US #10)
        c.rect(*geo.rect(lay.endorsement), stroke=1, fill=0)
    draw_text(c, geo.x(lay.endorsement.x + 1), geo.y(lay.endorsement.y + 4), t["endorsement"], 7, language=lang,
              color=colors.grey)
    draw_text(c, geo.x(lay.recipient.x + 1), geo.y(lay.recipient.y + 5), t["recipient"], 9, language=lang)
    draw_text(c, geo.x(field.x), geo.y(field.bottom + 4),
              t["window"].format(w=round(field.w, 1), h=round(field.h, 1)), 7, language=lang, color=colors.grey)
    # X / Y reference lines through the window's left and top edges
    c.setStrokeColor(colors.red)
    c.setLineWidth(0.3)
    c.line(geo.x(field.x), geo.y(field.y - 6), geo.x(field.x), geo.y(field.bottom + 12))
    c.line(geo.x(field.x - 8), geo.y(field.y), geo.x(field.right + 6), geo.y(field.y))
    draw_text(c, geo.x(field.x) - 1.5 * mm, geo.y(field.bottom + 12) - 8, "X", 8, language=lang, color=colors.red)
    draw_text(c, geo.x(field.x - 8) - 6, geo.y(field.y) - 2.5, "Y", 8, language=lang, color=colors.red)
    draw_marks(c, geo, lay)
    _rulers(c, geo, lay)
    # instructions
    x0 = geo.x(lay.margin_left)
    width = (lay.page_mm[0] - lay.margin_left - lay.margin_right - 10) * mm
    y = geo.y(max(field.bottom + 25, lay.body_top + 10))
    size = 13
    draw_text(c, x0, y, t["title"].format(title=lay.title), size, language=lang, bold=True)
    y -= 20
    draw_text(c, x0, y, t["offset"].format(dx=geo.dx, dy=geo.dy), 9.5, language=lang)
    y -= 18
    for step in t["steps"]:
        step = step.format(x=round(field.x, 1), y=round(field.y, 1))
        for line in wrap_line(step, font_for(step, lang), 9.5, width):
            draw_text(c, x0, y, line, 9.5, language=lang)
            y -= 13
        y -= 4
    c.showPage()
    c.save()
    return buf.getvalue()
