"""Collection letters read back with pdftotext: every required element is there, in both languages."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from pdftext import MM, compact, page_texts, sample_letter, sample_recipient, text, words

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.letter_facts import fact_values
from ar_desktop.domain.letter_template import render as fill_facts
from ar_desktop.domain.letters import LETTERS_DIR, TEMPLATE_KEYS, Party, load_template, split_paragraphs
from ar_desktop.pdf.letters import render_letter, render_letters
from ar_desktop.pdf.statement import render_statement


@pytest.fixture(scope="module")
def en_pdf():
    return render_letter(sample_letter("en", tracking="RR123456785DE"), "din-a")


@pytest.fixture(scope="module")
def zh_pdf():
    return render_letter(sample_letter("zh", tracking="RR123456785CN"), "plain")


def test_output_is_pdf_bytes(en_pdf):
    assert isinstance(en_pdf, bytes) and en_pdf.startswith(b"%PDF")


def test_english_letter_has_every_required_element(en_pdf):
    body = text(en_pdf)
    flat = " ".join(body.split())
    for needle in [
        "Northwind Components GmbH", "Hafenstrasse 12", "HRB 123456", "+49 40 1234560", "ar@northwind.example",
        "Acme Widgets Ltd", "Unit 4 Riverside Estate", "Manchester M4 5JD", "UNITED KINGDOM",
        "By registered mail", "RR123456785DE",
        "6 May 2024", "DL-2024-0017", "Formal demand for payment", "PO-77812",
        "Invoice", "Due date", "Days", "overdue", "Amount (EUR)", "Paid", "Claimed", "Interest", "Fixed",
        "compensation",
        "INV-1000", "04 Feb 2024", "95", "1,000.00", "INV-1002", "1,002.00",
        "Default interest", "9.0% p.a. on 1,000.00 for 60 days", "14.79", "40.00",
        "Total claimed: EUR 2,957.79", "20 May 2024",
        "Hamburger Sparkasse", "DE89370400440532013000", "HASPDEHHXXX",
        "we will start court proceedings without further notice.",
        "Anna Becker", "Thomas Vogel", "Head of Finance", "Page 1 of",
    ]:
        assert needle in flat, needle


def test_total_claimed_is_open_amounts_plus_charges(en_pdf):
    # 1000 + 901 + 1002 open + 54.79 charges = 2957.79
    assert "2,903.00" in text(en_pdf)
    assert "54.79" in text(en_pdf)


def test_chinese_letter_has_every_required_element(zh_pdf):
    flat = compact(text(zh_pdf))
    for needle in [
        "上海明远贸易有限公司", "91310115MA1K4XXXXX", "深圳市华强电子科技有限公司", "南山区高新南一道8号", "518057深圳市",
        "挂号信", "RR123456785CN", "2024年5月6日", "DL-2024-0017", "催款函", "购销合同MY-2023-088",
        "发票号", "到期日", "逾期天数", "INV-1000",
        "逾期利息", "按年利率3.45%计算60天", "人民币2,957.79元",
        "2024年5月20日", "中国工商银行上海浦东分行", "1001234567890123456", "我司将通过诉讼途径追讨欠款。",
        "王丽", "张伟", "（盖章）", "第1页，共",
    ]:
        assert needle in flat, needle


def test_chinese_letter_states_amount_in_capitals(zh_pdf):
    flat = compact(text(zh_pdf))
    assert "大写" in flat
    assert "人民币贰仟玖佰伍拾柒元柒角玖分" in flat


def test_chinese_letter_leaves_room_for_the_seal(zh_pdf):
    ws = words(zh_pdf)
    last = max(w.page for w in ws)
    seal_line = [w for w in ws if w.page == last and "（盖章）" in w.text]
    assert seal_line, "company name with seal note missing"
    line = seal_line[0]
    centre = (line.x0 + line.x1) / 2
    side = 42 * MM    # a company seal (about 42 mm) is stamped over the company name and the date below it
    area = (centre - side / 2, line.y0 - side / 2, centre + side / 2, line.y0 - 0.5)   # its upper half is free
    intruders = [w.text for w in ws if w.page == last and not (
        w.x1 <= area[0] or w.x0 >= area[2] or w.y1 <= area[1] or w.y0 >= area[3])]
    assert intruders == []
    # the letter date sits under the seal area too
    assert any(w.page == last and w.text == "2024年5月6日" and w.y0 > line.y0 for w in ws)


def test_long_letter_breaks_table_with_repeated_header():
    pdf = render_letter(sample_letter("en", n_invoices=45), "din-a")
    pages = page_texts(pdf)
    assert len(pages) >= 2
    n = len(pages)
    assert "Page 1 of %d" % n in pages[0]
    assert "Page %d of %d" % (n, n) in pages[-1]
    assert "Page 1 of 2" in pages[0] or n != 2
    assert "Due date" in pages[1]             # repeated header
    assert "INV-1044" in text(pdf)
    assert "Thomas Vogel" in pages[-1]


def test_page_one_of_two_on_a_two_page_letter():
    for n in range(8, 40):
        pdf = render_letter(sample_letter("en", n_invoices=n), "din-b")
        if len(page_texts(pdf)) == 2:
            assert "Page 1 of 2" in page_texts(pdf)[0]
            assert "Page 2 of 2" in page_texts(pdf)[1]
            return
    pytest.fail("no invoice count produced a two-page letter")


def test_english_letter_with_chinese_recipient_renders_cjk():
    doc = sample_letter("en", recipient=sample_recipient("zh"))
    pdf = render_letter(doc, "din-a")
    flat = compact(text(pdf))
    assert "深圳市华强电子科技有限公司" in flat
    assert "南山区高新南一道8号" in flat


def test_chinese_long_letter_numbers_pages_in_chinese():
    pdf = render_letter(sample_letter("zh", n_invoices=50), "din-a")
    pages = page_texts(pdf)
    n = len(pages)
    assert n >= 2
    assert f"第1页，共{n}页" in compact(pages[0])
    assert "到期日" in compact(pages[1])             # the table header repeats


def test_tracking_number_only_when_known():
    pdf = render_letter(sample_letter("en"), "din-a")
    assert "By registered mail" in text(pdf)
    assert "Tracking no." not in text(pdf)
    unregistered = render_letter(replace(sample_letter("en"), registered_mail=False), "din-a")
    assert "By registered mail" not in text(unregistered)


def test_batch_pdf_numbers_pages_per_letter():
    docs = [sample_letter("en"), sample_letter("zh"), sample_letter("en", n_invoices=45)]
    pdf = render_letters(docs, "din-a")
    pages = page_texts(pdf)
    singles = [render_letter(d, "din-a") for d in docs]
    assert len(pages) == sum(len(page_texts(s)) for s in singles)
    flat = compact(text(pdf))
    firsts = flat.count("Page1of") + flat.count("第1页")
    assert firsts == 3
    assert "深圳市华强电子科技有限公司" in flat and "AcmeWidgetsLtd" in flat


def test_batch_of_nothing_is_refused():
    with pytest.raises(UserError):
        render_letters([], "din-a")


def test_statement_appended_to_letter():
    doc = sample_letter("en", statement=True)
    pdf = render_letter(doc, "din-a")
    pages = page_texts(pdf)
    assert "Statement of account" in pages[-1]
    for label in ("Not yet due", "1–30 days", "61–90 days", "Over 90 days", "Total open"):
        assert label in pages[-1], label
    assert "Enclosure: statement of account" in text(pdf)
    assert f"Page {len(pages)} of {len(pages)}" in pages[-1]


def test_standalone_statement_in_chinese():
    doc = sample_letter("zh", statement=True).statement
    pdf = render_statement(doc, "din-b")
    flat = compact(text(pdf))
    assert "对账单" in flat and "账龄分析" in flat and "超过90天" in flat and "深圳市华强电子科技有限公司" in flat
    assert "2,903.00" in flat.replace("CNY", "")


def test_total_mismatch_is_refused():
    doc = replace(sample_letter("en"), total_claimed=Decimal("1.00"))
    with pytest.raises(UserError, match="differs"):
        render_letter(doc)


def test_deadline_before_letter_date_is_refused():
    with pytest.raises(UserError, match="deadline"):
        replace(sample_letter("en"), deadline=date(2024, 1, 1))


def test_unknown_layout_is_refused():
    with pytest.raises(UserError, match="layout"):
        render_letter(sample_letter("en"), "a5-sideways")


def test_logo_is_drawn(tmp_path):
    """The logo's own colour appears on the rendered page, top right, where the letterhead puts it; not without."""
    import pypdfium2 as pdfium
    from PIL import Image

    logo = tmp_path / "logo.png"
    blue = (20, 60, 160)
    Image.new("RGB", (200, 80), blue).save(logo)
    doc = sample_letter("en")

    def blue_pixels(d):
        page = pdfium.PdfDocument(render_letter(d))[0].render(scale=1).to_pil().convert("RGB")
        w, h = page.size
        near = [(x, y) for x in range(0, w, 2) for y in range(0, h // 4, 2)
                if all(abs(a - b) <= 6 for a, b in zip(page.getpixel((x, y)), blue))]
        return near, w

    assert blue_pixels(doc)[0] == []
    near, width = blue_pixels(replace(doc, company=replace(doc.company, logo_path=str(logo))))
    assert len(near) > 200  # a visible block of the logo's colour ...
    assert min(x for x, _ in near) > width // 2  # ... in the top right corner, in the letterhead


# --------------------------------------------------------------------------- templates

@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("key", TEMPLATE_KEYS)
def test_shipped_templates_fill_completely(language, key):
    assert (LETTERS_DIR / language / f"{key}.txt").is_file()
    doc = sample_letter(language, template=key, fill=False)
    filled = fill_facts(load_template(language, key), fact_values(doc))
    assert "$" not in filled and "{" not in filled
    assert len(split_paragraphs(filled)) >= 3


def test_chinese_templates_carry_amount_in_capitals_with_currency():
    doc = sample_letter("zh", fill=False)
    for key in TEMPLATE_KEYS:
        if key == "courtesy_reminder":
            continue   # a friendly note claims nothing
        filled = fill_facts(load_template("zh", key), fact_values(doc))
        assert "贰仟玖佰伍拾柒元柒角玖分" in filled, key
        assert "，" in filled and "," not in filled.replace("2,957.79", ""), key   # Chinese punctuation


def test_party_helpers():
    p = Party("X", ("Street 1",), "12345", "Town", "Land")
    assert p.city_line() == "12345 Town"
    assert p.one_line_address() == "Street 1, 12345 Town, Land"
