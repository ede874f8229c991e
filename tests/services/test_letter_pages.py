"""One page where it fits: up to three invoices with their charges on one page in every layout and
both languages; longer letters keep headings with their first rows, repeat table headers, never
leave the closing and signature alone on a page; Chinese lines never start with punctuation."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "pdf"))
from pdftext import SAMPLE_DEBTORS, add_overdue_debtor, northwind_books, page_texts  # noqa: E402

from ar_desktop.services import letters  # noqa: E402

TODAY = dt.date(2026, 3, 31)
LAYOUTS = ("din-a", "din-b", "us-10", "plain")
PEOPLE = {
    "en": {**SAMPLE_DEBTORS["en"], "late_charge_rule": "statutory_de"},
    "zh": {**SAMPLE_DEBTORS["zh"], "currency": "CNY", "late_charge_rule": "contract_daily", "late_charge_rate": "0.05"},
}


@pytest.fixture(scope="module")
def bk(tmp_path_factory):
    b = northwind_books(tmp_path_factory.mktemp("pages") / "p.ardb", TODAY)
    for lang, person in PEOPLE.items():
        for n in (3, 8):
            add_overdue_debtor(b, f"{lang}{n}", person, n)
    yield b
    b.close()


def _pages(pdf: bytes) -> int:
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("layout", LAYOUTS)
def test_three_invoices_with_charges_fit_on_one_page(bk, layout, language):
    for step in ("demand_letter", "legal_action"):
        doc = letters.build_letter(bk, f"{language}3", TODAY, step, layout)
        assert len(doc.charges) == 3
        assert _pages(letters.preview_letter(bk, f"{language}3", TODAY, step, layout)) == 1, (layout, step)


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("layout", LAYOUTS)
def test_longer_letters_break_pages_where_a_reader_expects(bk, layout, language):
    pdf = letters.preview_letter(bk, f"{language}8", TODAY, "demand_letter", layout)
    pages = page_texts(pdf)
    assert len(pages) >= 2
    header = "Due date" if language == "en" else "到期日"
    heading = "Overdue invoices and late-payment charges" if language == "en" else "逾期发票及逾期费用明细"
    closing = ("Sincerely," if layout == "us-10" else "Yours faithfully,") if language == "en" else "特此函告。"
    for page in pages:
        lines = [x.strip() for x in page.splitlines() if x.strip()]
        # a heading never ends a page: its table's first rows follow it on the same page
        if heading in page:
            after = lines[lines.index(next(x for x in lines if heading in x)) + 1:]
            assert any(f"{language}8-1041" in x or header in x for x in after[:6]), page
        if language == "zh":
            assert not [x for x in lines if re.match(r"^[，。；：、！？）》]", x)], page
    # the table header repeats on each page the table runs onto
    rows_on = [i for i, p in enumerate(pages) if re.search(rf"{language}8-10\d\d", p)]
    assert all(header in pages[i] for i in rows_on)
    # closing and signature never alone: the page with the closing carries something before it
    last = pages[-1]
    before = last.split(closing)[0]
    assert closing in last and re.search(r"\d", before), last
