"""What a letter may say about the past, taken from the record on the letter's date.

A collection letter is evidence: every sentence about earlier steps, charges and mailings must be
true of the books on its date. :class:`LetterFacts` holds those facts (built by the letters
service from the collection history, the letters issued and the registered-mail log);
:func:`fact_values` turns them, with the letter's figures, into the values of the wording's facts
(``domain.letter_template``), formatted in the letter's language and conventions. A fact the
record lacks has no value, and the wording leaves out what depends on it.

Standard library only. Extend by adding a field here, its value in :func:`fact_values` and its
name in ``letter_template.OPTIONAL`` (with what a guard on it vouches for).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ar_desktop.domain.chinese_amount import chinese_amount
from ar_desktop.domain.money import format_amount

# The action kinds of the ladder (domain.ladder.ActionKind values) a letter may refer back to.
COURTESY, REMINDER, CALL, DEMAND, FINAL = "courtesy_reminder", "reminder", "phone_call", "demand_letter", "final_notice"
WRITTEN = frozenset({COURTESY, REMINDER, DEMAND, FINAL, "legal_action", "agency"})

ZH_CURRENCY = {"CNY": "人民币", "USD": "美元", "EUR": "欧元", "HKD": "港币", "GBP": "英镑", "JPY": "日元",
               "TWD": "新台币", "SGD": "新加坡元", "AUD": "澳元", "CAD": "加元", "CHF": "瑞士法郎"}


@dataclass(frozen=True)
class StepTaken:
    """A ladder step done (not skipped) in this collection episode before the letter.

    ``letter_ref`` is set when the step was a letter issued by the program; ``posted_on``,
    ``service`` and ``tracking`` when its posting by registered mail is in the mail log."""

    key: str
    action: str
    on: date
    letter_ref: str = ""
    posted_on: date | None = None
    service: str = ""
    tracking: str = ""

    @property
    def registered(self) -> bool:
        return self.posted_on is not None and bool(self.tracking)


@dataclass(frozen=True)
class LetterFacts:
    """The record behind one letter (see the module doc)."""

    steps: tuple[StepTaken, ...] = ()           # oldest first
    pre_due: bool = False                       # nothing is overdue: a courtesy note
    falling_due: date | None = None             # the first due date of the invoices listed (pre_due)
    interest_per_day: Decimal | None = None     # interest runs on by this much a day after the letter date
    legal_bases: tuple[str, ...] = ()           # late-charge rule keys of the charges claimed
    next_action: str | None = None              # what follows if unpaid (an ActionKind value)

    def last(self, *actions: str) -> StepTaken | None:
        found = [s for s in self.steps if s.action in actions]
        return found[-1] if found else None

    @property
    def letters_before(self) -> int:
        """Earlier written steps of this episode (letters issued, or reminders logged as done)."""
        return sum(1 for s in self.steps if s.action in WRITTEN)


def long_date(value: date, language: str, us: bool = False) -> str:
    """'4 March 2026', US style 'March 4, 2026', Chinese '2026年3月4日'."""
    if language == "zh":
        return f"{value.year}年{value.month}月{value.day}日"
    if us:
        return f"{value.strftime('%B')} {value.day}, {value.year}"
    return f"{value.day} {value.strftime('%B')} {value.year}"


def short_date(value: date, language: str, us: bool = False) -> str:
    """A table's date: '09 Feb 2026', US letters 'Feb 9, 2026', Chinese '2026-02-09'."""
    if language == "zh":
        return value.isoformat()
    return f"{value.strftime('%b')} {value.day}, {value.year}" if us else value.strftime("%d %b %Y")


def money_text(value: Decimal, currency: str, language: str) -> str:
    """The one amount style of a letter: 'EUR 1,234.50'; Chinese '人民币1,234.50元' / '1,234.50欧元'."""
    figure = format_amount(value, currency).rsplit(" ", 1)[0]
    if language == "zh":
        name = ZH_CURRENCY.get(currency)
        if currency == "CNY":
            return f"人民币{figure}元"
        return f"{figure}{name}" if name else f"{currency} {figure}"
    return f"{currency} {figure}"


def words_text(value: Decimal, currency: str) -> str:
    """The amount in Chinese capitals with its currency: '人民币捌万…元整', '欧元壹仟元整'."""
    return f"{ZH_CURRENCY.get(currency, currency)}{chinese_amount(value)}"


def fact_values(doc, facts: LetterFacts | None = None) -> dict[str, str | None]:
    """The values of the wording's facts for ``doc`` (a LetterDocument); None = absent."""
    facts = facts if facts is not None else (doc.facts or LetterFacts())
    lang, cur = doc.language, doc.currency
    us = getattr(doc, "date_style", "") == "us"
    r, c = doc.recipient, doc.company

    def day(value: date | None) -> str | None:
        return long_date(value, lang, us) if value else None

    def amount(value: Decimal) -> str:
        return money_text(value, cur, lang)

    bare = lambda v: format_amount(v, cur).rsplit(" ", 1)[0]  # noqa: E731
    reminder = facts.last(REMINDER)
    courtesy = facts.last(COURTESY)
    call = facts.last(CALL)
    demand = facts.last(DEMAND)
    final = facts.last(FINAL)
    oldest = min((i.due_date for i in doc.invoices), default=doc.letter_date)
    overdue = any(i.days_overdue > 0 for i in doc.invoices)
    disputed = doc.disputed_total
    values: dict[str, str | None] = {
        "customer_name": r.legal_name,
        "customer_contact": r.contact_person or r.legal_name,
        "company_name": c.legal_name,
        "total": bare(doc.total_claimed),
        "total_amount": amount(doc.total_claimed),
        "total_words": words_text(doc.total_claimed, cur) if lang == "zh" else chinese_amount(doc.total_claimed),
        "invoices_open": bare(doc.invoices_open),
        "currency": cur,
        "deadline": day(doc.deadline),
        "letter_date": day(doc.letter_date),
        "reference": doc.reference,
        "invoice_count": str(len(doc.invoices)),
        "contract_ref": doc.contract_ref,
        "next_step": doc.next_step,
        "subject": doc.subject,
        "oldest_due_date": day(oldest),
        "courtesy_date": day(courtesy.on) if courtesy else None,
        "reminder_date": day(reminder.on) if reminder else None,
        "reminder_ref": (reminder.letter_ref or None) if reminder else None,
        "call_date": day(call.on) if call else None,
        "demand_date": day(demand.on) if demand else None,
        "demand_ref": (demand.letter_ref or None) if demand else None,
        "demand_registered": "yes" if demand and demand.registered else None,
        "demand_service": (demand.service or None) if demand and demand.registered else None,
        "demand_tracking": demand.tracking if demand and demand.registered else None,
        "demand_posted": day(demand.posted_on) if demand and demand.registered else None,
        "final_notice_date": day(final.on) if final else None,
        "final_notice_ref": (final.letter_ref or None) if final else None,
        "letters_before": str(facts.letters_before) if facts.letters_before >= 2 else None,
        "charges": "yes" if doc.charges_total > 0 else None,
        "charges_total": amount(doc.charges_total) if doc.charges_total > 0 else None,
        "interest_per_day": amount(facts.interest_per_day) if facts.interest_per_day else None,
        "disputed": "yes" if disputed > 0 else None,
        "disputed_total": amount(disputed) if disputed > 0 else None,
        "overdue": "yes" if overdue else None,
        "pre_due": "yes" if facts.pre_due else None,
        "falling_due_date": day(facts.falling_due) if facts.pre_due and facts.falling_due else None,
        "contact_person": (c.contact_person or c.signer_name) or None,
        "company_phone": c.phone or None,
        "company_email": c.email or None,
        "signer_name": c.signer_name or None,
        "signer_title": c.signer_title or None,
        "bank_account": "yes" if c.iban else None,
        "iban": c.iban or None,
        "bank_name": (c.bank_name or None) if c.iban else None,
        "bic": (c.bic or None) if c.iban else None,
    }
    return values
