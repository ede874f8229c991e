"""The fixed words of letters and statements of account in English and Chinese, and the amounts
as they print them."""

from __future__ import annotations

from decimal import Decimal

from ar_desktop.domain.letter_facts import money_text, words_text
from ar_desktop.domain.money import format_amount


TEXT = {
    "en": {
        "registered": "By registered mail", "tracking": "Tracking no.", "date": "Date", "reference": "Our ref.",
        "contract": "Contract / order", "contact": "Contact", "phone": "Phone", "email": "Email",
        "page": "Page {x} of {y}", "regno": "Reg. no.", "taxid": "Tax ID", "bank": "Bank", "iban": "IBAN / Account",
        "bic": "BIC / SWIFT", "holder": "Account holder", "payref": "Payment reference", "web": "Web",
        "debt": "Debt relationship: contract / order {ref}",
        "inv_head": ("Invoice", "Issue date", "Due date", "Days overdue", "Amount", "Paid", "Open"),
        "overdue_title": "Overdue invoices",
        "in_dispute": "In dispute", "claimed": "Claimed", "due_in": "Due in (days)",
        "dispute_note": "Not claimed while in dispute: {items}. We will come back to it once the dispute is settled.",
        "dispute_item": "invoice {number} {amount}",
        "charges_title": "Late-payment charges",
        "claim_head": ("Invoice", "Due date", "Days overdue", "Amount", "Paid", "Claimed", "Interest",
                       "Fixed compensation", "Total"),
        "claim_title": "Overdue invoices and late-payment charges",
        "total": "Total", "invoices_open": "Open invoice amounts", "charges_total": "Late-payment charges",
        "total_claimed": "Total claimed",
        "pay": "Total claimed: <b>{total}</b>, to be received no later than <b>{deadline}</b>.",
        "bank_line": "Pay to {holder}, {bank}, IBAN <b>{iban}</b>{bic}, payment reference <b>{ref}</b>.",
        "next": "<b>If payment is not received by {deadline}:</b> {text}",
        "contact_line": "Questions: {who}",
        "enclosure": "Enclosure: statement of account of {date}",
        "closing": "Yours faithfully,", "closing_us": "Sincerely,", "scan": "Scan to pay (EPC QR)",
        "debtor_tax": "Debtor: {name}, tax / VAT ID {id}",
        "due_title": "Invoices falling due",
        "pay_due": "Each invoice is payable by its due date.",
        "amount_due": "Amount falling due",
        "attn": "Attn. ", "later": "{ref} · {name}",
    },
    "zh": {
        "registered": "挂号信", "tracking": "邮件号码：", "date": "日期", "reference": "编号",
        "contract": "合同/订单", "contact": "联系人", "phone": "电话", "email": "邮箱",
        "page": "第 {x} 页，共 {y} 页", "regno": "统一社会信用代码", "taxid": "税号", "bank": "开户银行",
        "iban": "账号", "bic": "SWIFT", "holder": "户名", "payref": "付款附言", "web": "网址",
        "debt": "债务依据：合同/订单编号 {ref}",
        "inv_head": ("发票号", "开票日期", "到期日", "逾期天数", "金额", "已付", "未付"),
        "overdue_title": "逾期发票明细",
        "in_dispute": "争议金额", "claimed": "本函主张", "due_in": "距到期（天）",
        "dispute_note": "以下争议部分在争议解决前不在本函主张范围内：{items}。争议解决后我司将另行处理。",
        "dispute_item": "发票{number}争议金额{amount}",
        "charges_title": "逾期费用明细",
        "claim_head": ("发票号", "到期日", "逾期天数", "金额", "已付", "本函主张", "逾期利息", "固定补偿", "合计"),
        "claim_title": "逾期发票及逾期费用明细",
        "total": "合计", "invoices_open": "未付发票金额", "charges_total": "逾期费用",
        "total_claimed": "主张金额合计",
        "words": "大写金额",
        "pay": "请于<b>{deadline}</b>前将<b>{total}</b>付至我司账户（以到账日期为准）。",
        "bank_line": "户名：{holder}；开户银行：{bank}；账号：<b>{iban}</b>{bic}；付款附言：<b>{ref}</b>。",
        "next": "<b>如贵司逾期仍未付款：</b>{text}",
        "contact_line": "联系方式：{who}",
        "enclosure": "附件：截至{date}的对账单",
        "closing": "特此函告。", "scan": "扫码付款（EPC二维码）",
        "debtor_tax": "债务人：{name}，税号／统一社会信用代码 {id}",
        "due_title": "即将到期发票明细",
        "pay_due": "请于各发票到期日前付款。",
        "amount_due": "即将到期金额",
        "attn": "收件人：", "later": "{ref} · {name}",
        "seal": "（盖章）", "signer": "授权代表（签字）：",
    },
}


def money(value: Decimal, currency: str) -> str:
    return format_amount(value, currency).rsplit(" ", 1)[0]


def money_cur(value: Decimal, currency: str, language: str) -> str:
    """The letter's one amount style: 'EUR 1,234.50', '人民币1,234.50元' (domain.letter_facts)."""
    return money_text(value, currency, language)


def words_amount(value: Decimal, currency: str) -> str:
    return words_text(value, currency)


# The legal basis of late-payment charges, by the rule that computed them (domain.late_charges)
LEGAL_BASIS = {
    "en": {
        "statutory_de": "Legal basis: interest of 9 percentage points above the base rate (§247 BGB) under §288 (2) "
                        "BGB; fixed compensation of EUR 40.00 per invoice under §288 (5) BGB.",
        "statutory_eu": "Legal basis: Directive 2011/7/EU on combating late payment in commercial transactions "
                        "(Art. 3, 4 and 6) as implemented by national law: ECB main refinancing rate plus 8 points; "
                        "EUR 40.00 fixed compensation per invoice.",
        "statutory_uk": "Legal basis: Late Payment of Commercial Debts (Interest) Act 1998 (ss. 1, 4, 5A and 6): "
                        "Bank Rate on the reference day plus 8 %; a fixed sum of GBP 40.00, 70.00 or 100.00 per "
                        "invoice by its size.",
        "contract_daily": "Legal basis: the interest rate agreed in our contract and terms of payment ({ref}).",
        "contract_annual": "Legal basis: the interest rate agreed in our contract and terms of payment ({ref}).",
        "accrues": "Interest keeps accruing after the date of this letter, currently {amount} a day, until payment.",
    },
    "zh": {
        "statutory_de": "逾期利息依据《德国民法典》第288条第2款（企业之间，按第247条基准利率加9个百分点）计算，"
                        "每张发票40.00欧元固定补偿依据该条第5款主张。",
        "statutory_eu": "逾期利息（欧洲央行主要再融资利率加8个百分点）及每张发票40.00欧元固定补偿依据欧盟"
                        "《关于打击商业交易中延迟付款的第2011/7/EU号指令》（第3、4、6条）及相应的国内法主张。",
        "statutory_uk": "逾期利息（英格兰银行基准利率加8%，按参考日利率固定）及每张发票按债务金额计的固定款项"
                        "（40.00、70.00或100.00英镑）依据英国《1998年商业债务逾期付款（利息）法》"
                        "（第1、4、5A、6条）主张。",
        "contract_daily": "逾期利息依据双方合同及付款条件（{ref}）约定的利率计算。",
        "contract_annual": "逾期利息依据双方合同及付款条件（{ref}）约定的利率计算。",
        "accrues": "本函日期之后，未付款项将继续计收逾期利息，目前每日{amount}，直至款项付清为止。",
    },
}
