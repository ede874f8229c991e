"""A letter to a customer whose letter language is Chinese has no English sentence, whatever it holds: every
late-charge rule (statutory EU, German and UK rates, contractual daily, annual and tiered rates), early-payment
discount terms, goods under retention of title, a part payment, a dispute and a payment plan. Read back from the
PDF; what is English there is the creditor's own data (its name, address, bank, signer's title) and names that
are the same in both languages (IBAN, SWIFT, the German registered-mail service)."""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "pdf"))
from pdftext import northwind_books, text  # noqa: E402

from ar_desktop.services import disputes, payment_plans  # noqa: E402
from ar_desktop.services import customers, invoicing, letters, payments  # noqa: E402

TODAY = dt.date(2026, 3, 31)
RULES = {"EU": ("statutory_eu", None, "EUR"), "DE": ("statutory_de", None, "EUR"), "UK": ("statutory_uk", None, "GBP"),
         "DY": ("contract_daily", "0.05", "CNY"), "AN": ("contract_annual", "8", "USD"),
         "TR": ("contract_tiered", "0.05/30;0.08/60;0.1", "EUR")}
# The creditor's data and names alike in both languages
SAME = re.compile(r"Northwind Components GmbH|Hafenstraße|Hamburger Sparkasse|Hamburg|Dr\. Thomas Vogel|Head of Finance|"
                  r"receivables@northwind\.example|COBADEFFXXX|HRB|SWIFT|IBAN|BIC|EPC|QR|Einschreiben|Rückschein|CHINA|"
                  r"[A-Z]{2}\d[\w-]*|[A-Z]{2,3}-\w+")
ENGLISH = re.compile(r"[A-Za-z]{3,}")


@pytest.fixture(scope="module")
def bk(tmp_path_factory):
    b = northwind_books(tmp_path_factory.mktemp("zh-letters") / "z.ardb", TODAY)
    for code, (rule, rate, currency) in RULES.items():
        customers.add_customer(b, {"code": f"Z{code}", "name": f"上海明远贸易有限公司{code}", "address": "浦东新区世纪大道100号",
                                   "postcode": "200120", "city": "上海市", "country": "CN", "language": "zh",
                                   "currency": currency, "late_charge_rule": rule, "late_charge_rate": rate or "",
                                   "terms": "2/10 net 30", "retention_of_title": "yes", "contact": "李明"})
        for k in range(4):
            invoicing.add_invoice(b, {"number": f"Z{code}-{k}", "customer_code": f"Z{code}", "issue_date": "2025-12-10",
                                      "amount": f"{1000 + k * 100}.50"})
        payments.record_payment(b, {"date": "2026-02-20", "customer_code": f"Z{code}", "amount": "300.00",
                                    "invoice_number": f"Z{code}-0"})
        disputes.mark_dispute(b, f"Z{code}-1", "货物有瑕疵", on="2026-02-25")
        payment_plans.create_payment_plan(b, f"Z{code}", [f"Z{code}-3"], 2, "2026-02-15", 14, starts_on="2026-01-20")
    yield b
    b.close()


def _english_left(pdf_text: str) -> list[str]:
    return [line for line in pdf_text.splitlines() if ENGLISH.search(SAME.sub(" ", line))]


@pytest.mark.parametrize("code", sorted(RULES))
@pytest.mark.parametrize("step", ["reminder", "demand_letter", "legal_action", "agency"])
def test_a_chinese_letter_has_no_english_sentence(bk, code, step):
    body = text(letters.preview_letter(bk, f"Z{code}", TODAY, step))
    assert "逾期利息" in body.replace("\n", "") or "滞纳金" in body.replace("\n", "")  # the charges are there
    assert _english_left(body) == []


def test_the_chinese_notices_keep_title_and_state_the_tiers_in_chinese(bk):
    body = "".join(text(letters.preview_letter(bk, "ZTR", TODAY, "legal_action")).split())
    assert "保留所有权" in body
    assert "约定阶梯式滞纳金：逾期第1至30天每日0.05%，第31至60天每日0.08%，第61天起每日0.1%" in body
