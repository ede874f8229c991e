"""Read PDFs back for tests: words with their boxes (points, y from the top) via ``pdftotext -bbox``."""

from __future__ import annotations

import html
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

MM = 72 / 25.4  # points per millimetre

_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
_WORD = re.compile(r'<word xMin="([\d.\-]+)" yMin="([\d.\-]+)" xMax="([\d.\-]+)" yMax="([\d.\-]+)">(.*?)</word>', re.S)


@dataclass(frozen=True)
class Word:
    page: int          # 1-based
    x0: float
    y0: float          # top, points from the top of the page
    x1: float
    y1: float          # bottom
    text: str

    def inside(self, rect_pt: tuple[float, float, float, float], tol: float = 0.5) -> bool:
        x0, y0, x1, y1 = rect_pt
        return (self.x0 >= x0 - tol and self.y0 >= y0 - tol and self.x1 <= x1 + tol and self.y1 <= y1 + tol)


def _run(args: list[str], pdf: bytes) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "doc.pdf"
        src.write_bytes(pdf)
        out = subprocess.run([*args, str(src), "-"], check=True, capture_output=True)
    return out.stdout.decode("utf-8")


def words(pdf: bytes) -> list[Word]:
    """All words of the PDF with their bounding boxes."""
    out: list[Word] = []
    for n, (_w, _h, body) in enumerate(_PAGE.findall(_run(["pdftotext", "-bbox"], pdf)), 1):
        for x0, y0, x1, y1, text in _WORD.findall(body):
            out.append(Word(n, float(x0), float(y0), float(x1), float(y1), html.unescape(text)))
    return out


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    return [(float(w), float(h)) for w, h, _ in _PAGE.findall(_run(["pdftotext", "-bbox"], pdf))]


def text(pdf: bytes, *, layout: bool = False) -> str:
    """Plain text of all pages (pages separated by form feeds)."""
    return _run(["pdftotext", "-layout"] if layout else ["pdftotext"], pdf)


def page_texts(pdf: bytes) -> list[str]:
    return text(pdf).split("\f")[:-1] or [text(pdf)]


def compact(s: str) -> str:
    """Whitespace removed: CJK text comes back with arbitrary breaks."""
    return re.sub(r"\s+", "", s)


def find_words(ws: list[Word], phrase: str, page: int | None = None) -> list[Word]:
    """The consecutive words spelling ``phrase`` (first occurrence), or []."""
    target = phrase.split()
    pool = [w for w in ws if page is None or w.page == page]
    for i in range(len(pool) - len(target) + 1):
        if all(pool[i + k].text == target[k] for k in range(len(target))):
            return pool[i:i + len(target)]
    return []


# --------------------------------------------------------------------------- sample documents for the PDF tests

def northwind_books(path, today):
    """A real company file of the German sample creditor, its profile complete (bank, register number)."""
    from ar_desktop.clock import FixedClock
    from ar_desktop.services.company_file import create_company, save_company_profile

    b = create_company(path, "Northwind Components GmbH", "EUR", "DE", clock=FixedClock(today))
    save_company_profile(b, {"legal_name": "Northwind Components GmbH", "address": "Hafenstraße 12",
                             "postcode": "20457", "city": "Hamburg", "country": "DE", "tax_id": "DE331245682",
                             "registration_id": "HRB 123456 Hamburg", "phone": "+49 40 1234 560",
                             "email": "receivables@northwind.example", "bank_name": "Hamburger Sparkasse",
                             "bank_account": "DE89 3704 0044 0532 0130 00", "bank_bic": "COBADEFFXXX",
                             "signer_name": "Dr. Thomas Vogel", "signer_title": "Head of Finance", "currency": "EUR"})
    return b


# The sample creditor's two debtors (docs/letters and the letter-page tests): an English and a Chinese one
SAMPLE_DEBTORS = {
    "en": {"name": "Acme Widgets Ltd.", "contact": "Accounts Payable", "address": "Unit 4, Riverside Estate\nMill Lane",
           "postcode": "M4 5JD", "city": "Manchester", "country": "GB", "tax_id": "GB980780684"},
    "zh": {"name": "深圳市华强电子科技有限公司", "contact": "李明（财务部）", "address": "南山区科技园南区高新南一道8号",
           "postcode": "518057", "city": "深圳市", "country": "CN", "language": "zh", "tax_id": "91440300MA5DXXXX1X"},
}


def add_overdue_debtor(b, code: str, fields: dict, invoices: int) -> None:
    """Customer ``code`` with ``fields``, owing ``invoices`` invoices due every 4 days from 2026-01-20
    (1,250.45, 1,567.45, ...; order PO-2026-017), reminded on 2026-02-04."""
    import datetime as dt

    from ar_desktop.services import collection_log
    from ar_desktop.services import customers, invoicing

    customers.add_customer(b, {"code": code, **fields})
    for k in range(invoices):
        due = dt.date(2026, 1, 20) + dt.timedelta(days=4 * k)
        invoicing.add_invoice(b, {"number": f"{code}-{1041 + k}", "customer_code": code,
                                  "issue_date": (due - dt.timedelta(days=30)).isoformat(),
                                  "due_date": due.isoformat(), "reference": "PO-2026-017",
                                  "amount": f"{1250 + 317 * k}.45"})
    collection_log.log_step(b, code, "reminder", dt.date(2026, 2, 4))


def sample_company(language: str = "en"):
    from ar_desktop.domain.letters import Company
    if language == "zh":
        return Company(legal_name="上海明远贸易有限公司", address_lines=("浦东新区世纪大道100号",), postcode="200120",
                       city="上海市", country="CN", registration_id="91310115MA1K4XXXXX", phone="021-58880000",
                       email="ar@mingyuan.example.cn", contact_person="王丽", bank_name="中国工商银行上海浦东分行",
                       iban="1001234567890123456", bic="ICBKCNBJSHI", signer_name="张伟", signer_title="财务总监")
    return Company(legal_name="Northwind Components GmbH", address_lines=("Hafenstrasse 12",), postcode="20457",
                   city="Hamburg", country="DE", registration_id="HRB 123456", tax_id="DE123456789",
                   phone="+49 40 1234560", email="ar@northwind.example", contact_person="Anna Becker",
                   bank_name="Hamburger Sparkasse", iban="DE89370400440532013000", bic="HASPDEHHXXX",
                   signer_name="Thomas Vogel", signer_title="Head of Finance")


def sample_recipient(language: str = "en"):
    from ar_desktop.domain.letters import Party
    if language == "zh":
        return Party(legal_name="深圳市华强电子科技有限公司", address_lines=("南山区高新南一道8号",), postcode="518057",
                     city="深圳市", country="CN", contact_person="李明")
    return Party(legal_name="Acme Widgets Ltd", address_lines=("Unit 4 Riverside Estate", "Mill Lane"),
                 postcode="M4 5JD", city="Manchester", country="GB", contact_person="Accounts Payable")


def sample_invoices(n: int = 3, start=None):
    from datetime import date, timedelta
    from decimal import Decimal

    from ar_desktop.domain.letters import LetterInvoiceLine
    start = start or date(2024, 1, 5)
    return tuple(LetterInvoiceLine(f"INV-{1000 + i}", start + timedelta(days=i), start + timedelta(days=30 + i),
                                   95 - i, Decimal("1000.00") + Decimal(i), Decimal("100.00") if i == 1 else Decimal(0))
                 for i in range(n))


def sample_letter(language: str = "en", *, n_invoices: int = 3, template: str = "demand_letter",
                  tracking: str | None = None, recipient=None, statement: bool = False, fill: bool = True):
    from dataclasses import replace
    from datetime import date
    from decimal import Decimal

    from ar_desktop.domain.letters import ChargeLine, LetterDocument, build_statement, with_template_body
    inv = sample_invoices(n_invoices)
    charges = (ChargeLine(inv[0].number, "Default interest" if language == "en" else "逾期利息",
                          ("9.0% p.a. on 1,000.00 for 60 days",) if language == "en" else ("按年利率3.45%计算60天",),
                          Decimal("14.79"), Decimal("40.00")),)
    total = sum((i.open_amount for i in inv), Decimal(0)) + charges[0].total
    doc = LetterDocument(
        company=sample_company(language), recipient=recipient or sample_recipient(language), language=language,
        template=template, letter_date=date(2024, 5, 6), reference="DL-2024-0017",
        subject="Formal demand for payment" if language == "en" else "催款函",
        contract_ref="PO-77812" if language == "en" else "购销合同MY-2023-088", invoices=inv, charges=charges,
        total_claimed=total, currency="EUR" if language == "en" else "CNY", deadline=date(2024, 5, 20),
        next_step=("we will start court proceedings without further notice." if language == "en"
                   else "我司将通过诉讼途径追讨欠款。"),
        registered_mail=True, tracking_number=tracking, statement_attached=statement)
    if statement:
        doc = replace(doc, statement=build_statement(doc.company, doc.recipient, language, doc.letter_date,
                                                     doc.currency, inv, reference="ST-1"))
    return with_template_body(doc) if fill else doc
