"""The printed collection file read back: a Chinese customer's name in the page heading is text, not
boxes; the last step reads by its name, never its key; the headings of the columns of figures
stand over their figures."""

from __future__ import annotations

import datetime as dt

import pytest
from pdftext import find_words, text, words

from ar_desktop.clock import FixedClock
from ar_desktop.services import collections, letters
from ar_desktop.services.collection_file import collection_file_pdf
from ar_desktop.services.demo import build_demo

TODAY = dt.date(2026, 3, 31)


@pytest.fixture(scope="module")
def books(tmp_path_factory):
    b = build_demo(tmp_path_factory.mktemp("cfile") / "demo.ardb", FixedClock(TODAY))
    yield b
    b.close()


def test_a_chinese_name_in_the_page_heading_is_text(books):
    pdf = collection_file_pdf(books, "HUA08", TODAY)
    first_line = text(pdf).splitlines()[0]
    assert first_line.startswith("Collection file HUA08 — 华南纺织品进出口有限公司 — as of 2026-03-31"), first_line


def test_the_last_step_reads_by_its_name(books):
    code = "BAL02"
    letters.issue_letters(books, TODAY, [code])
    status = collections.customer_status(books, code, TODAY)
    assert status.last_step == "agency"
    body = " ".join(text(collection_file_pdf(books, code, TODAY)).split())
    assert "Last step Hand over to a collection agency on 2026-03-31" in body
    assert "agency on" not in body.replace("collection agency on", "")


def test_figures_stand_under_their_headings(books):
    pdf = collection_file_pdf(books, "HUA08", TODAY)
    ws = [w for w in words(pdf) if w.page == 1]
    for heading, figure in (("Amount", "1,801.64"), ("Open", "1,163.23")):
        value = find_words(ws, figure)[0]
        head = max((w for w in ws if w.text == heading and w.y0 < value.y0), key=lambda w: w.y0)  # just above
        assert abs(head.x1 - value.x1) < 2, (heading, head, value)  # right-aligned together
