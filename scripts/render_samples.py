#!/usr/bin/env python
"""Regenerate the sample letter images in docs/letters/ (needs pdftoppm from poppler-utils).

    .venv/bin/python scripts/render_samples.py [--keep-pdf]
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal as D
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ar_desktop.domain.letters import (ChargeLine, Company, LetterDocument, LetterInvoiceLine,  # noqa: E402
                                       MailingBook, MailingBookEntry, Party, build_statement, with_template_body)
from ar_desktop.pdf.calibration import render_calibration  # noqa: E402
from ar_desktop.pdf.letters import render_letter  # noqa: E402
from ar_desktop.pdf.mailing_book import render_mailing_book  # noqa: E402

OUT = ROOT / "docs" / "letters"
LETTER_DATE = date(2024, 5, 6)


def company(language: str) -> Company:
    if language == "zh":
        return Company(legal_name="上海明远贸易有限公司", address_lines=("浦东新区世纪大道100号 18楼",), postcode="200120",
                       city="上海市", country="中国", registration_id="91310115MA1K4XXXXX", tax_id="",
                       phone="+86 21 5888 0000", email="ar@mingyuan.example.cn", contact_person="王丽",
                       bank_name="中国工商银行上海浦东分行", iban="1001 2345 6789 0123 456", bic="ICBKCNBJSHI",
                       signer_name="张伟", signer_title="财务总监")
    return Company(legal_name="Northwind Components GmbH", address_lines=("Hafenstraße 12",), postcode="20457",
                   city="Hamburg", country="Germany", registration_id="HRB 123456 Hamburg", tax_id="DE 123 456 789",
                   phone="+49 40 1234 560", email="receivables@northwind.example", contact_person="Anna Becker",
                   bank_name="Hamburger Sparkasse", iban="DE89 3704 0044 0532 0130 00", bic="HASPDEHHXXX",
                   signer_name="Dr. Thomas Vogel", signer_title="Head of Finance", website="northwind.example")


def recipient(language: str) -> Party:
    if language == "zh":
        return Party(legal_name="深圳市华强电子科技有限公司", address_lines=("南山区科技园南区高新南一道8号",),
                     postcode="518057", city="深圳市", country="中国", contact_person="李明（财务部）",
                     phone="+86 755 8600 0000")
    return Party(legal_name="Acme Widgets Ltd.", address_lines=("Unit 4, Riverside Trading Estate", "Mill Lane"),
                 postcode="M4 5JD", city="Manchester", country="United Kingdom", contact_person="Accounts Payable")


def invoices(n: int = 3) -> tuple[LetterInvoiceLine, ...]:
    out = []
    for i in range(n):
        issue = LETTER_DATE - timedelta(days=120 - i * 7)
        due = issue + timedelta(days=30)
        amount = D("1250.00") + D(i * 317) + D("0.45")
        paid = D("250.00") if i == 1 else D("0")
        out.append(LetterInvoiceLine(f"INV-2024-{1040 + i}", issue, due, (LETTER_DATE - due).days, amount, paid))
    return tuple(out)


def letter(language: str, template: str = "demand_letter", n_invoices: int = 3, tracking: str | None = None,
           statement: bool = False) -> LetterDocument:
    inv = invoices(n_invoices)
    charges = (
        ChargeLine(inv[0].number, "Statutory default interest" if language == "en" else "逾期利息",
                   ("9.0 % p.a. on 1,250.45 EUR for 60 days = 18.50",) if language == "en"
                   else ("按年利率 3.45% 计算，本金 1,250.45，逾期 60 天 = 7.09",),
                   D("18.50") if language == "en" else D("7.09"), D("40.00") if language == "en" else D("0")),
    )
    currency = "EUR" if language == "en" else "CNY"
    total = sum((i.open_amount for i in inv), D(0)) + sum((c.total for c in charges), D(0))
    subject = {"en": {"reminder": "Payment reminder", "demand_letter": "Formal demand for payment",
                      "final_notice": "Final notice before further action"},
               "zh": {"reminder": "付款提醒函", "demand_letter": "催款函", "final_notice": "最后催款通知函"}}
    next_step = ("we will hand the claim to our lawyers for court proceedings without further notice."
                 if language == "en" else "我司将委托律师通过诉讼等法律途径追讨欠款，由此产生的费用由贵司承担。")
    doc = LetterDocument(
        company=company(language), recipient=recipient(language), language=language, template=template,
        letter_date=LETTER_DATE, reference="DL-2024-0017", subject=subject[language][template],
        contract_ref="Framework agreement FA-2023-08 / order PO 77812" if language == "en" else "购销合同 MY-2023-088",
        invoices=inv, charges=charges, total_claimed=total, currency=currency,
        deadline=LETTER_DATE + timedelta(days=14), next_step=next_step, registered_mail=True,
        tracking_number=tracking, statement_attached=statement,
    )
    if statement:
        doc = replace(doc, statement=build_statement(doc.company, doc.recipient, language, LETTER_DATE, currency,
                                                     inv, reference="ST-2024-05"))
    return with_template_body(doc)


def mailing_book() -> MailingBook:
    entries = tuple(
        MailingBookEntry(t, name, addr, "Registered", D("2.65"), D("2.65"), ref)
        for t, name, addr, ref in [
            ("RR123456785DE", "Acme Widgets Ltd.", ("Unit 4, Riverside Trading Estate", "Mill Lane", "Manchester M4 5JD",
                                                   "United Kingdom"), "DL-2024-0017"),
            ("RR000000015DE", "Bolt & Nut SARL", ("12 rue de la Paix", "75002 Paris", "France"), "DL-2024-0018"),
            ("RR987654325DE", "深圳市华强电子科技有限公司", ("南山区科技园南区高新南一道8号", "518057 深圳市", "中国"), "DL-2024-0019"),
        ])
    return MailingBook(sender=company("en"), mailing_date=LETTER_DATE, entries=entries, currency="EUR",
                       post_office="Deutsche Post, Filiale Hamburg-Altstadt")


def to_png(pdf: bytes, stem: str, dpi: int = 60) -> list[Path]:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.pdf"
        src.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(src), str(OUT / stem)], check=True)
    # pdftoppm names pages stem-1.png, or stem-01.png for 10+ pages
    return sorted(OUT.glob(f"{stem}-*.png"))


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.png"):
        old.unlink()
    keep = "--keep-pdf" in sys.argv
    jobs = []
    for lang in ("en", "zh"):
        for layout in ("din-a", "din-b", "us10", "plain"):
            doc = letter(lang, tracking="RR123456785DE" if layout == "din-a" else None)
            jobs.append((f"{lang}-{layout}", render_letter(doc, layout)))
    jobs.append(("en-din-b-final-with-statement", render_letter(letter("en", "final_notice", 22, statement=True),
                                                                  "din-b")))
    jobs.append(("zh-plain-reminder", render_letter(letter("zh", "reminder"), "plain")))
    for layout in ("din-a", "us10"):
        jobs.append((f"calibration-{layout}", render_calibration(layout)))
    jobs.append(("mailing-book", render_mailing_book(mailing_book())))
    for stem, pdf in jobs:
        if keep:
            (OUT / f"{stem}.pdf").write_bytes(pdf)
        for png in to_png(pdf, stem):
            print(png.relative_to(ROOT), f"{png.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
