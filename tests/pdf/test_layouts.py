"""Window-envelope geometry: the recipient block must lie inside the window of every layout."""


import pytest
from pdftext import MM, find_words, page_sizes, sample_letter, sample_recipient, text, words

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.letters import Party
from ar_desktop.pdf.calibration import render_calibration
from ar_desktop.pdf.layouts import LAYOUTS, Rect, get_layout
from ar_desktop.pdf.letters import recipient_lines, render_letter

LAYOUT_KEYS = ["din-a", "din-b", "us10", "plain"]


def test_din_geometry_constants():
    a, b = get_layout("din-a"), get_layout("din-b")
    assert a.window == Rect(20, 27, 85, 45) and b.window == Rect(20, 45, 85, 45)
    for lay in (a, b):
        assert lay.endorsement.h == pytest.approx(17.7) and lay.recipient.h == pytest.approx(27.3)
        assert lay.endorsement.y == lay.window.y
        assert lay.recipient.bottom == pytest.approx(lay.window.bottom)
        assert lay.hole_mark == 148.5
        assert lay.page_mm == (210, 297)
    assert a.fold_marks == (87, 192) and b.fold_marks == (105, 210)


def test_us10_geometry_in_inches():
    us = get_layout("us10")
    assert us.recipient.x == pytest.approx(0.5 * 25.4)
    assert us.recipient.y == pytest.approx(2.042 * 25.4)
    assert us.recipient.w == pytest.approx(3.5 * 25.4) and us.recipient.h == pytest.approx(0.875 * 25.4)
    assert us.page_mm == pytest.approx((215.9, 279.4))


def test_page_sizes():
    assert page_sizes(render_letter(sample_letter("en"), "din-a"))[0] == pytest.approx((595.28, 841.89), abs=0.1)
    assert page_sizes(render_letter(sample_letter("en"), "us10"))[0] == pytest.approx((612, 792), abs=0.1)


def _block_words(pdf, party, language, page=1, sender_country=""):
    ws = [w for w in words(pdf) if w.page == page]
    found = []
    start = 0  # the block's lines are searched in reading order, after the previous line
    for line in recipient_lines(party, language, sender_country):
        hit = find_words(ws[start:], line)
        assert hit, f"recipient line {line!r} not found"
        start = ws.index(hit[-1]) + 1
        found += hit
    return found


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("layout", LAYOUT_KEYS)
def test_recipient_inside_window(layout, language):
    doc = sample_letter(language, tracking="RR123456785CN")
    pdf = render_letter(doc, layout)
    lay = LAYOUTS[layout]
    for w in _block_words(pdf, doc.recipient, language, sender_country=doc.company.country):
        assert w.inside(lay.recipient.to_points()), (w, lay.recipient)
    # the endorsement and the tracking number are in the endorsement zone
    endorse = find_words(words(pdf), "By registered mail" if language == "en" else "挂号信")
    tracking = [w for w in words(pdf) if w.page == 1 and "RR123456785CN" in w.text]
    assert endorse and tracking
    for w in endorse + tracking:
        assert w.inside(lay.endorsement.to_points()), (w, lay.endorsement)


@pytest.mark.parametrize("layout", ["din-a", "din-b"])
def test_return_line_in_din_window(layout):
    pdf = render_letter(sample_letter("en"), layout)
    lay = LAYOUTS[layout]
    ws = [w for w in words(pdf) if w.page == 1]
    # the return line is the first line inside the endorsement zone
    in_zone = [w for w in ws if w.inside(lay.endorsement.to_points())]
    assert "Hafenstrasse" in " ".join(w.text for w in in_zone)
    # nothing else of the letter intrudes into the window
    for w in ws:
        overlaps = not (w.x1 <= lay.window.x * MM or w.x0 >= lay.window.right * MM
                        or w.y1 <= lay.window.y * MM or w.y0 >= lay.window.bottom * MM)
        if overlaps:
            assert w.inside(lay.window.to_points()), w


@pytest.mark.parametrize("layout", LAYOUT_KEYS)
def test_printer_offset_moves_everything(layout):
    doc = sample_letter("en")
    base = render_letter(doc, layout)
    moved = render_letter(doc, layout, offset=(3.0, -2.0))
    for phrase in ("Acme Widgets Ltd", "Northwind Components GmbH", "Formal demand for payment"):
        w0 = find_words(words(base), phrase)[0]
        w1 = find_words(words(moved), phrase)[0]
        assert w1.x0 - w0.x0 == pytest.approx(3 * MM, abs=0.2), phrase
        assert w1.y0 - w0.y0 == pytest.approx(-2 * MM, abs=0.2), phrase


def test_offset_out_of_range_is_refused():
    with pytest.raises(UserError, match="offset"):
        render_letter(sample_letter("en"), "din-a", offset=(40, 0))


@pytest.mark.parametrize("layout", LAYOUT_KEYS)
def test_long_address_is_shrunk_to_fit(layout):
    party = Party("Very Long Legal Name Manufacturing and Distribution Company Limited Partnership",
                  ("Building 7, Floor 12, Suite 1204", "Industrial Park North, Gate 3", "Some District"),
                  "12345-6789", "Springfield", "United States of America", contact_person="Accounts Payable Dept.")
    doc = sample_letter("en", recipient=party)
    pdf = render_letter(doc, layout)
    lay = LAYOUTS[layout]
    ws = [w for w in words(pdf) if w.page == 1 and w.y0 >= lay.recipient.y * MM - 1
          and w.y1 <= (lay.recipient.bottom + 8) * MM and w.x0 < lay.recipient.right * MM]
    name_words = [w for w in ws if w.text in ("Very", "Springfield", "Partnership")]
    assert name_words
    for w in ws:
        assert w.inside(lay.recipient.to_points()), w


def test_chinese_recipient_in_english_letter_inside_window():
    doc = sample_letter("en", recipient=sample_recipient("zh"))
    pdf = render_letter(doc, "din-b")
    for w in _block_words(pdf, doc.recipient, "en"):
        assert w.inside(LAYOUTS["din-b"].recipient.to_points())


@pytest.mark.parametrize("layout", LAYOUT_KEYS)
def test_calibration_page(layout):
    pdf = render_calibration(layout)
    body = text(pdf)
    assert "Printer calibration" in body and "100 %" in body
    lay = LAYOUTS[layout]
    ys = [w for w in words(pdf) if w.text == "Y"]
    assert ys and ys[0].y0 == pytest.approx(lay.address_field.y * MM, abs=8)
    moved = render_calibration(layout, offset=(2, 1.5))
    y1 = [w for w in words(moved) if w.text == "Y"][0]
    assert y1.x0 - ys[0].x0 == pytest.approx(2 * MM, abs=0.2)
    assert y1.y0 - ys[0].y0 == pytest.approx(1.5 * MM, abs=0.2)
    assert "+2.0 mm right" in text(moved)


def test_calibration_in_chinese():
    assert "打印机校准页" in text(render_calibration("plain", language="zh")).replace(" ", "")
