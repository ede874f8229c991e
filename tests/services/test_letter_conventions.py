"""What a lawyer and a post office expect of a letter, read back from the PDF: the legal basis of
each charge rule and what one more day adds, the creditor's register number and the debtor's tax
id, addresses written as the destination's post writes them, US conventions on US #10 letters, one
amount style per letter, and a final notice whose subject and body name the same next step."""

from __future__ import annotations

import datetime as dt
import re
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "pdf"))
from pdftext import northwind_books, text  # noqa: E402

from ar_desktop.clock import FixedClock  # noqa: E402
from ar_desktop.domain.ladder import ActionKind, Step  # noqa: E402
from ar_desktop.services import collection_ladders, collection_log  # noqa: E402
from ar_desktop.services import customers, invoicing, letters  # noqa: E402
from ar_desktop.services.company_file import create_company, save_company_profile  # noqa: E402

TODAY = dt.date(2026, 3, 31)
CUSTOMERS = {
    "DE": {"name": "Berger Maschinenbau GmbH", "address": "Industriestraße 5", "postcode": "80331", "city": "München",
           "country": "DE", "tax_id": "DE129273398", "late_charge_rule": "statutory_de"},
    "FR": {"name": "Atelier Dupont SARL", "address": "12 rue de la Paix", "postcode": "75002", "city": "Paris",
           "country": "FR", "late_charge_rule": "statutory_eu"},
    "GB": {"name": "Acme Widgets Ltd.", "address": "Unit 4, Riverside Estate\nMill Lane", "postcode": "M4 5JD",
           "city": "Manchester", "country": "GB", "currency": "GBP", "late_charge_rule": "statutory_uk"},
    "US": {"name": "Lakeside Tools Inc.", "address": "100 Main Street", "postcode": "IL 60601", "city": "Chicago",
           "country": "US", "currency": "USD", "late_charge_rule": "contract_daily", "late_charge_rate": "0.05"},
    "YR": {"name": "Yearly Rate AG", "address": "Bahnhofstraße 1", "postcode": "8001", "city": "Zürich",
           "country": "CH", "late_charge_rule": "contract_annual", "late_charge_rate": "8"},
    "ZH": {"name": "深圳市华强电子科技有限公司", "address": "南山区高新南一道8号", "postcode": "518057", "city": "深圳市",
           "country": "CN", "language": "zh", "currency": "EUR", "late_charge_rule": "statutory_eu",
           "tax_id": "91110000600037341L"},
    "CN": {"name": "上海明远贸易有限公司", "address": "浦东新区世纪大道100号", "postcode": "200120", "city": "上海市",
           "country": "CN", "language": "zh", "currency": "CNY", "late_charge_rule": "contract_daily",
           "late_charge_rate": "0.05"},
    "NO": {"name": "Plain Kunde GmbH", "address": "Weg 1", "postcode": "20095", "city": "Hamburg", "country": "DE"},
}
AMOUNT = Decimal("1234.50")


@pytest.fixture(scope="module")
def bk(tmp_path_factory):
    b = northwind_books(tmp_path_factory.mktemp("conventions") / "c.ardb", TODAY)
    for code, data in CUSTOMERS.items():
        customers.add_customer(b, {"code": code, **data})
        invoicing.add_invoice(b, {"number": f"{code}-1", "customer_code": code, "issue_date": "2026-01-10",
                                  "due_date": "2026-02-09", "amount": str(AMOUNT)})
    yield b
    b.close()


def _letter(bk, code: str, layout: str | None = None, step: str = "demand_letter") -> str:
    return text(letters.preview_letter(bk, code, TODAY, step, layout))


def _flat(body: str) -> str:
    return " ".join(body.split())


@pytest.mark.parametrize("code, basis, currency", [
    ("DE", "under §288 (2) BGB; fixed compensation of EUR 40.00 per invoice under §288 (5) BGB", "EUR"),
    ("FR", "Directive 2011/7/EU on combating late payment in commercial transactions", "EUR"),
    ("GB", "Late Payment of Commercial Debts (Interest) Act 1998", "GBP"),
    ("US", "the interest rate agreed in our contract and terms of payment (US-1)", "USD"),
    ("YR", "the interest rate agreed in our contract and terms of payment (YR-1)", "EUR"),
])
def test_each_rule_states_its_legal_basis_and_what_one_more_day_adds(bk, code, basis, currency):
    body = _flat(_letter(bk, code))
    legal = body.split("Legal basis: ", 1)[1].split(" Interest keeps accruing")[0]
    assert basis in legal, legal
    # the rate printed in the calculation gives what one more day of interest adds
    m = re.search(r": \w+ 1,234\.50 x ([\d.]+) % x 50 (days|/ 365)", body)
    assert m, body
    rate = Decimal(m.group(1))
    per_day = AMOUNT * rate / 100 / (1 if m.group(2) == "days" else 365)
    figure = f"{currency} {per_day.quantize(Decimal('0.01'), ROUND_HALF_UP)}"
    assert f"Interest keeps accruing after the date of this letter, currently {figure} a day, until payment." in body


def test_a_letter_without_charges_states_no_legal_basis_and_no_accrual(bk):
    body = _flat(_letter(bk, "NO"))
    assert "Legal basis" not in body and "accruing" not in body and "charges" not in body.lower()


def test_chinese_letters_state_the_legal_basis_and_the_daily_interest_in_chinese(bk):
    body = "".join(_letter(bk, "ZH").split())
    assert "欧盟《关于打击商业交易中延迟付款的第2011/7/EU号指令》" in body
    m = re.search(r"1,234\.50欧元×([\d.]+)%×50/365", body)
    assert m, body
    per_day = (AMOUNT * Decimal(m.group(1)) / 100 / 365).quantize(Decimal("0.01"), ROUND_HALF_UP)
    assert f"本函日期之后，未付款项将继续计收逾期利息，目前每日{per_day}欧元，直至款项付清为止。" in body
    body = "".join(_letter(bk, "CN").split())
    assert "逾期利息依据双方合同及付款条件（CN-1）约定的利率计算。" in body
    assert "目前每日人民币0.62元" in body          # 1,234.50 x 0.05 % = 0.61725


def test_creditor_register_number_and_debtor_tax_id_where_known(bk):
    de = _flat(_letter(bk, "DE"))
    assert "Reg. no. HRB 123456 Hamburg" in de and "Tax ID DE331245682" in de
    assert "Debtor: Berger Maschinenbau GmbH, tax / VAT ID DE129273398" in de
    assert "Debtor:" not in _flat(_letter(bk, "FR"))            # no tax id on record: none stated
    zh = "".join(_letter(bk, "ZH").split())
    assert "商业登记号HRB123456Hamburg" in zh
    assert "债务人：深圳市华强电子科技有限公司，税号／统一社会信用代码91110000600037341L" in zh


def test_a_chinese_creditor_states_its_unified_social_credit_code(tmp_path):
    b = create_company(tmp_path / "cn.ardb", "上海明远贸易有限公司", "CNY", "CN", clock=FixedClock(TODAY))
    try:
        save_company_profile(b, {"legal_name": "上海明远贸易有限公司", "address": "浦东新区世纪大道100号",
                                 "city": "上海市", "country": "CN", "currency": "CNY",
                                 "registration_id": "91110000600037341L"})
        customers.add_customer(b, {"code": "HQ", "name": "深圳市华强电子科技有限公司", "address": "南山区高新南一道8号",
                                   "city": "深圳市", "country": "CN", "language": "zh", "currency": "CNY"})
        invoicing.add_invoice(b, {"number": "Z-1", "customer_code": "HQ", "issue_date": "2026-01-10",
                                  "due_date": "2026-02-09", "amount": "80229.05"})
        body = "".join(text(letters.preview_letter(b, "HQ", TODAY, "demand_letter")).split())
        assert "统一社会信用代码91110000600037341L" in body
        assert "CHINA" not in body                     # a domestic letter has no country line
    finally:
        b.close()


def _address_block(body: str, name: str) -> list[str]:
    """The recipient's lines as printed: from the name down to the first blank line."""
    lines = [x.split("   ")[0].strip() for x in body.splitlines()]
    start = lines.index(name)
    out = []
    for x in lines[start:]:
        if not x:
            break
        out.append(x)
    return out


@pytest.mark.parametrize("code, block", [
    ("DE", ["Berger Maschinenbau GmbH", "Industriestraße 5", "80331 München"]),
    ("FR", ["Atelier Dupont SARL", "12 rue de la Paix", "75002 Paris", "FRANCE"]),
    ("GB", ["Acme Widgets Ltd.", "Unit 4, Riverside Estate", "Mill Lane", "Manchester", "M4 5JD", "UNITED KINGDOM"]),
    ("US", ["Lakeside Tools Inc.", "100 Main Street", "Chicago, IL 60601", "UNITED STATES"]),
    ("ZH", ["深圳市华强电子科技有限公司", "南山区高新南一道8号", "518057 深圳市", "中国 CHINA"]),
])
def test_addresses_are_written_as_the_destination_post_expects(bk, code, block):
    body = _letter(bk, code)
    assert _address_block(body, block[0]) == block


def test_us_letters_follow_us_conventions_and_others_do_not(bk):
    us = _flat(_letter(bk, "US", "us-10"))
    for expected in ("March 31, 2026", "no later than April 14, 2026", "US-1 Feb 9, 2026",
                     "Feb 10, 2026 to Mar 31, 2026", "Sincerely,"):
        assert expected in us, expected
    assert not re.search(r"\b\d{1,2} (January|February|March|April) 2026|\d\d (Feb|Mar) 2026", us)
    assert "Yours faithfully" not in us
    eu = _flat(_letter(bk, "US", "din-a"))
    for expected in ("31 March 2026", "no later than 14 April 2026", "US-1 09 Feb 2026",
                     "10 Feb 2026 to 31 Mar 2026", "Yours faithfully,"):
        assert expected in eu, expected
    assert "Sincerely" not in eu and "March 31, 2026" not in eu
    zh = "".join(_letter(bk, "ZH", "us-10").split())
    assert "2026年3月31日" in zh and "Sincerely" not in zh and "March" not in zh


@pytest.mark.parametrize("code, currency", [("DE", "EUR"), ("GB", "GBP"), ("US", "USD")])
def test_one_amount_style_per_english_letter(bk, code, currency):
    body = _flat(_letter(bk, code))
    assert not re.search(rf"\d {currency}\b", body), "an amount written '1,234.50 {currency}'"
    styled = re.findall(rf"\b{currency} \d[\d,]*\.\d\d\b", body)
    assert len(styled) >= 4          # total, balance and interest in the calculation, a day's interest


@pytest.mark.parametrize("code, before, after, words", [("CN", "人民币", "元", "人民币壹仟贰佰陆拾伍元叁角陆分"),
                                                       ("ZH", "", "欧元", "欧元壹仟贰佰玖拾壹元陆角陆分")])
def test_one_amount_style_per_chinese_letter_with_the_currency_in_words(bk, code, before, after, words):
    body = _letter(bk, code)
    # the figures of the table sit under a header naming the currency; every other amount carries it
    prose = "".join(x for x in body.splitlines() if not re.match(rf"\s*({code}-1|合计)\s", x)).replace(" ", "")
    amounts = list(re.finditer(r"(?<![\d,.])\d[\d,]*\.\d\d(?![\d%])", prose))
    assert len(amounts) >= 5
    for m in amounts:
        assert prose[:m.start()].endswith(before) and prose[m.end():].startswith(after), prose[m.start() - 8:m.end() + 4]
    assert f"（大写：{words}）" in prose
    assert "EUR" not in prose and "CNY" not in prose


def test_a_final_notice_names_the_same_next_step_in_its_subject_and_its_body(bk):
    ladder = [Step("reminder", "Reminder", 3, ActionKind.REMINDER, template="reminder"),
              Step("final", "Final notice", 20, ActionKind.FINAL_NOTICE, template="final_notice",
                   registered_mail=True),
              Step("court", "Legal action", 40, ActionKind.LEGAL_ACTION, template="legal_notice",
                   registered_mail=True)]
    collection_ladders.set_customer_ladder(bk, "NO", ladder)
    collection_ladders.set_customer_ladder(bk, "CN", ladder)
    try:
        body = _flat(_letter(bk, "NO", step="final"))
        assert body.count("Final notice before legal action") == 2          # the subject, then the body
        assert "we will take legal action to recover the debt" in body
        assert "reminded you" not in body and "formally demanded" not in body and "several times" not in body
        collection_log.log_step(bk, "NO", "reminder", dt.date(2026, 2, 13))
        body = _flat(_letter(bk, "NO", step="final"))
        assert "On 13 February 2026 we reminded you of the invoices listed below" in body
        zh = "".join(_letter(bk, "CN", step="final").split())
        assert zh.count("诉前最后催告函") >= 1 and "诉讼" in zh
    finally:
        collection_ladders.set_customer_ladder(bk, "NO", None)
        collection_ladders.set_customer_ladder(bk, "CN", None)


@pytest.mark.parametrize("step, template", [("agency", "agency_notice"), ("legal_action", "legal_notice")])
def test_a_notice_names_the_demand_as_the_record_holds_it(bk, step, template):
    from ar_desktop.services import registered_mail as rm

    code = f"N{template[:2].upper()}"
    customers.add_customer(bk, {"code": code, **CUSTOMERS["NO"], "name": f"Notice {template} GmbH"})
    invoicing.add_invoice(bk, {"number": f"{code}-1", "customer_code": code, "issue_date": "2026-01-10",
                               "due_date": "2026-02-09", "amount": str(AMOUNT)})
    collection_log.log_step(bk, code, "demand_letter", dt.date(2026, 3, 2))
    body = _flat(_letter(bk, code, step=step))
    assert "Our formal demand of 2 March 2026 has not been answered by payment." in body
    [demand] = letters.issue_letters(bk, dt.date(2026, 3, 9), [code], "demand_letter")
    rm.record_posting(bk, demand.letter_id, "Deutsche Post", "Einschreiben Rückschein", "RR123456785DE",
                      dt.date(2026, 3, 10))
    body = _flat(_letter(bk, code, step=step))
    assert ("Our formal demand of 9 March 2026, sent by Deutsche Post Einschreiben Rückschein (tracking number "
            "RR123456785DE), has not been answered by payment.") in body
