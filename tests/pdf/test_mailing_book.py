from datetime import date
from decimal import Decimal

import pytest
from pdftext import compact, page_texts, sample_company, text

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.letters import MailingBook, MailingBookEntry
from ar_desktop.pdf.mailing_book import render_mailing_book


def entries(n):
    out = []
    for i in range(n):
        out.append(MailingBookEntry(f"RR{i:08d}0DE", f"Customer {i} Ltd" if i % 3 else "深圳市华强电子科技有限公司",
                                    (f"{i} High Street", "M4 5JD Manchester", "United Kingdom"), "Registered",
                                    Decimal("2.65"), Decimal("2.50"), f"DL-{i}"))
    return tuple(out)


def book(n=3, language="en"):
    return MailingBook(sender=sample_company("en"), mailing_date=date(2024, 5, 6), entries=entries(n),
                       currency="EUR", language=language, post_office="Hamburg 1")


def test_mailing_book_contents():
    pdf = render_mailing_book(book(3))
    flat = " ".join(text(pdf).split())
    for needle in ["Firm Mailing Book for Accountable Mail", "Name and address of sender", "Northwind Components GmbH",
                   "Hafenstrasse 12", "6 May 2024", "Hamburg 1", "Line", "Article number", "RR000000000DE",
                   "RR000000020DE", "Customer 1 Ltd", "1 High Street", "Registered", "Postage", "Fee",
                   "3 pieces", "7.95", "7.50", "15.45", "Total number of pieces listed by sender",
                   "Total number of pieces received at post office", "Postmaster", "Postmark and date", "Page 1 of 1"]:
        assert needle in flat, needle
    assert "深圳市华强电子科技有限公司" in compact(text(pdf))


def test_long_mailing_book_spans_pages_with_header():
    pdf = render_mailing_book(book(60))
    pages = page_texts(pdf)
    n = len(pages)
    assert n >= 2
    assert f"Page 1 of {n}" in pages[0] and f"Page {n} of {n}" in pages[-1]
    assert "Article number" in pages[1] and "Northwind Components GmbH" in pages[1]
    assert "60 pieces" in " ".join(pages[-1].split())
    assert "159.00" in text(pdf)  # 60 × 2.65


def test_chinese_mailing_book():
    flat = compact(text(render_mailing_book(book(2, "zh"))))
    assert "挂号邮件交寄清单" in flat and "邮件号码" in flat and "邮戳及日期" in flat and "第1页，共1页" in flat


def test_empty_mailing_book_is_refused():
    with pytest.raises(UserError):
        render_mailing_book(MailingBook(sample_company("en"), date(2024, 5, 6), (), "EUR"))


def test_one_letter_is_one_piece():
    flat = " ".join(text(render_mailing_book(book(1))).split())
    assert "1 piece" in flat and "1 pieces" not in flat
