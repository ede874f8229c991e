"""The e-mail reminder: a plain text listing a customer's overdue invoices, written in the customer's
letter language (English or Chinese) like the letters, whatever language the window speaks."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.letter_facts import money_text
from ar_desktop.domain.text import Text, translate
from ar_desktop.services.collection_input import customer_by_code
from ar_desktop.services.collection_settings import settings_in
from ar_desktop.services.context import Books
from ar_desktop.storage import collections_repo, company_repo

# The wording in each letter language: the customer reads it, not the bookkeeper.
WORDING = {
    "en": {
        "greeting": "Dear {name},",
        "intro": "According to our records the following invoices were still open on {date}:",
        "line": "{number}  due {due}  {days:>4} days overdue  {amount:>20}",
        "disputed": "  (disputed)",
        "total": "Total overdue: {amount}",
        "pay": "Please transfer the amount at your earliest convenience{bank}.",
        "bank": " to {bank}, account {account}",
        "bic": ", BIC {bic}",
        "paid": "If you have paid in the meantime, please disregard this message.",
        "closing": "Kind regards,",
        "subject_one": "Payment reminder: 1 overdue invoice ({amount})",
        "subject": "Payment reminder: {count} overdue invoices ({amount})",
    },
    "zh": {
        "greeting": "尊敬的{name}：",
        "intro": "根据我方记录，截至{date}，以下发票尚未付清：",
        "line": "{number}  到期日 {due}  已逾期 {days:>4} 天  {amount:>20}",
        "disputed": "  （有争议）",
        "total": "逾期应收账款合计：{amount}",
        "pay": "请尽快将上述款项汇入{bank}。",
        "bank": "我方账户（开户行：{bank}，账号：{account}",
        "bic": "，BIC：{bic}",
        "paid": "如贵方已在此期间付款，请忽略本邮件。",
        "closing": "此致\n敬礼",
        "subject_one": "付款提醒：1张逾期发票（{amount}）",
        "subject": "付款提醒：{count}张逾期发票（{amount}）",
    },
}


def reminder_mail(books: Books, code: str, as_of: dt.date) -> tuple[str, str, str]:
    """(to, subject, body) of a plain reminder e-mail listing the customer's open overdue invoices
    as of ``as_of``, in the customer's letter language. The window opens it as a mailto: link."""
    with books.db.session() as s:
        cid, data = customer_by_code(s, code)
        company = company_repo.get(s)
        ci = collections_repo.collection_inputs(s, as_of, [cid], grace_days=settings_in(s).grace_days)[cid]
    if not data.email:
        raise UserError(Text(translate("Messages", "{name} has no e-mail address. Add it in the customer's details "
                                                   "first."), name=data.name))
    overdue = [i for i in ci.invoices if i.open_amount > 0 and i.settled_on is None and i.due_date < as_of]
    if not overdue:
        raise UserError(Text(translate("Messages", "{name} has no overdue invoice on {as_of}; there is nothing to "
                                                   "remind of."), name=data.name, as_of=as_of.isoformat()))
    lang = data.language if data.language in WORDING else "en"
    w = WORDING[lang]
    cur = data.currency
    total = money_text(sum((i.open_amount for i in overdue), Decimal(0)), cur, lang)
    lines = [w["greeting"].format(name=data.contact or data.name), "", w["intro"].format(date=as_of.isoformat()), ""]
    width = max(len(i.number) for i in overdue)
    for i in overdue:
        lines.append("  " + w["line"].format(number=i.number.ljust(width), due=i.due_date.isoformat(),
                                             days=(as_of - i.due_date).days,
                                             amount=money_text(i.open_amount, cur, lang))
                     + (w["disputed"] if i.disputed else ""))
    bank = ""
    if company.bank_account:
        bank = w["bank"].format(bank=company.bank_name, account=company.bank_account)
        bank += w["bic"].format(bic=company.bank_bic) if company.bank_bic else ""
        bank += "）" if lang == "zh" else ""
    elif lang == "zh":
        bank = "我方账户"
    lines += ["", w["total"].format(amount=total), "", w["pay"].format(bank=bank), w["paid"], "",
              *w["closing"].split("\n"), company.signer_name or company.legal_name]
    if company.signer_name:
        lines.append(company.legal_name)
    subject = (w["subject_one"] if len(overdue) == 1 else w["subject"]).format(count=len(overdue), amount=total)
    return data.email, subject, "\n".join(lines) + "\n"


__all__ = ["WORDING", "reminder_mail"]
