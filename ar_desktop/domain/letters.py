"""Frozen inputs of the collection documents (letters, statements, mailing book) and the
letter-template filler.  Standard library only: the PDF layer turns these into bytes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.letter_facts import LetterFacts
from ar_desktop.domain.money import ZERO
from ar_desktop.domain.text import Text, translate

LANGUAGES = ("en", "zh")
TEMPLATE_KEYS = ("courtesy_reminder", "reminder", "demand_letter", "final_notice", "legal_notice", "agency_notice")
LETTERS_DIR = Path(__file__).resolve().parents[2] / "resources" / "letters"
# Where the destination's post expects the postcode: after the town ("Chicago, IL 60601"), on a
# line of its own under the town (Royal Mail), or before the town (most of Europe, the default).
_TOWN_THEN_POSTCODE = {"US": ", ", "CA": " ", "AU": " "}
_POSTCODE_OWN_LINE = {"GB"}


@dataclass(frozen=True)
class Party:
    """A company or person with a postal address (the recipient, or the sender's base data)."""

    legal_name: str
    address_lines: tuple[str, ...] = ()
    postcode: str = ""
    city: str = ""
    country: str = ""
    registration_id: str = ""
    tax_id: str = ""
    phone: str = ""
    email: str = ""
    contact_person: str = ""

    def locality_lines(self) -> list[str]:
        """Town and postcode as the destination's post writes them."""
        country = (self.country or "").strip().upper()
        if country in _POSTCODE_OWN_LINE:
            return [p for p in (self.city, self.postcode) if p]
        if country in _TOWN_THEN_POSTCODE and self.city and self.postcode:
            return [f"{self.city}{_TOWN_THEN_POSTCODE[country]}{self.postcode}"]
        line = " ".join(p for p in (self.postcode, self.city) if p)
        return [line] if line else []

    def city_line(self) -> str:
        return " ".join(self.locality_lines())

    def one_line_address(self) -> str:
        """'Street 1, 12345 City, Country' for return lines and tables."""
        parts = [*self.address_lines, self.city_line(), self.country]
        return ", ".join(p for p in parts if p)


@dataclass(frozen=True)
class Company(Party):
    """The sender: a Party plus bank details, the signer and an optional logo."""

    bank_name: str = ""
    iban: str = ""          # IBAN or domestic account number
    bic: str = ""           # BIC / SWIFT
    account_holder: str = ""  # defaults to the legal name when empty
    signer_name: str = ""
    signer_title: str = ""
    logo_path: str | None = None
    website: str = ""


@dataclass(frozen=True)
class LetterInvoiceLine:
    """One overdue (or open) invoice as listed in a letter or statement."""

    number: str
    issue_date: date
    due_date: date
    days_overdue: int
    amount: Decimal
    paid: Decimal = ZERO
    open_amount: Decimal | None = None  # amount - paid when None
    disputed: Decimal = ZERO            # the part of the open amount in dispute: not claimed
    dispute_reason: str = ""

    def __post_init__(self):
        if self.open_amount is None:
            object.__setattr__(self, "open_amount", self.amount - self.paid)

    @property
    def claimed(self) -> Decimal:
        """The undisputed open amount (what a letter claims)."""
        return self.open_amount - self.disputed


@dataclass(frozen=True)
class ChargeLine:
    """Late charges on one invoice, with the lines explaining how they were computed."""

    invoice_number: str
    description: str
    explanation: tuple[str, ...] = ()
    interest: Decimal = ZERO
    fixed_compensation: Decimal = ZERO

    @property
    def total(self) -> Decimal:
        return self.interest + self.fixed_compensation


@dataclass(frozen=True)
class AgingBucket:
    """One aging column: label plus the open total of the items falling into it."""

    label: str
    total: Decimal
    min_days: int | None = None  # inclusive, None = no lower bound
    max_days: int | None = None  # inclusive, None = no upper bound


@dataclass(frozen=True)
class DiscountOffer:
    """An early-payment discount still available on the statement's date: paying ``to_pay`` by
    ``pay_by`` settles the invoice."""

    number: str
    pay_by: date
    discount: Decimal
    to_pay: Decimal


@dataclass(frozen=True)
class StatementDocument:
    """Statement of account: all open items of one customer with aging bucket totals."""

    company: Company
    recipient: Party
    language: str
    statement_date: date
    currency: str
    items: tuple[LetterInvoiceLine, ...]
    buckets: tuple[AgingBucket, ...]
    total_open: Decimal
    reference: str = ""
    customer_number: str = ""
    discounts: tuple[DiscountOffer, ...] = ()

    def __post_init__(self):
        _check_language(self.language)


@dataclass(frozen=True)
class LetterDocument:
    """Everything printed on one collection letter; body paragraphs arrive already filled."""

    company: Company
    recipient: Party
    language: str                     # 'en' | 'zh'
    template: str                     # 'reminder' | 'demand_letter' | 'final_notice'
    letter_date: date
    reference: str
    subject: str
    contract_ref: str
    invoices: tuple[LetterInvoiceLine, ...]
    total_claimed: Decimal
    currency: str
    deadline: date
    next_step: str
    charges: tuple[ChargeLine, ...] = ()
    registered_mail: bool = True
    tracking_number: str | None = None
    paragraphs: tuple[str, ...] = ()
    statement_attached: bool = False
    statement: StatementDocument | None = None  # appended after the letter when given
    wholly_disputed: tuple[LetterInvoiceLine, ...] = ()  # overdue but all in dispute: named, not claimed
    facts: LetterFacts | None = None  # the record behind the wording (domain.letter_facts)
    date_style: str = ""              # "us": "January 10, 2026" (US #10 letters in English)
    endorsement: str = ""             # the mail service named in the window, e.g. "Einschreiben Rückschein"
    payment_qr: str = ""              # EPC QR payload (EUR letters from a company with a valid IBAN)
    retention_of_title: tuple[str, ...] = ()  # the claimed invoices whose goods were delivered under it

    def __post_init__(self):
        _check_language(self.language)
        if self.template not in TEMPLATE_KEYS:
            raise UserError(Text(translate("Messages", "Unknown letter template '{template}'. Choose one of: "
                                                       "{template_keys}."),
                                 template=self.template, template_keys=', '.join(TEMPLATE_KEYS)))
        if self.deadline < self.letter_date:
            raise UserError(
                Text(translate("Messages", "The payment deadline {deadline} is before the letter date "
                                           "{letter_date}. Choose a deadline after the letter date."),
                     deadline=self.deadline.isoformat(), letter_date=self.letter_date.isoformat())
            )

    @property
    def invoices_open(self) -> Decimal:
        """The open amounts claimed: the invoices' undisputed parts."""
        return sum((i.claimed for i in self.invoices), ZERO)

    @property
    def disputed_total(self) -> Decimal:
        return sum((i.disputed for i in (*self.invoices, *self.wholly_disputed)), ZERO)

    @property
    def charges_total(self) -> Decimal:
        return sum((c.total for c in self.charges), ZERO)


@dataclass(frozen=True)
class MailingBookEntry:
    """One accountable mail piece in the firm mailing book (cf. USPS PS Form 3877)."""

    tracking_number: str
    addressee: str
    address_lines: tuple[str, ...]
    service: str = "Registered"
    postage: Decimal = ZERO
    fee: Decimal = ZERO
    reference: str = ""

    @property
    def total(self) -> Decimal:
        return self.postage + self.fee


@dataclass(frozen=True)
class MailingBook:
    """A firm mailing book: sender, date and the pieces handed to the post office."""

    sender: Party
    mailing_date: date
    entries: tuple[MailingBookEntry, ...]
    currency: str
    language: str = "en"
    post_office: str = ""
    entries_extra: tuple[str, ...] = field(default=())  # free notes printed under the table

    def __post_init__(self):
        _check_language(self.language)

    @property
    def total_postage(self) -> Decimal:
        return sum((e.postage for e in self.entries), ZERO)

    @property
    def total_fees(self) -> Decimal:
        return sum((e.fee for e in self.entries), ZERO)


def _check_language(language: str) -> None:
    if language not in LANGUAGES:
        raise UserError(Text(translate("Messages", "Unknown letter language '{language}'. Choose 'en' or 'zh'."),
                             language=language))


# --------------------------------------------------------------------------- dates / aging

def format_date(value: date, language: str) -> str:
    """'6 May 2024' in English, '2024年5月6日' in Chinese."""
    if language == "zh":
        return f"{value.year}年{value.month}月{value.day}日"
    return f"{value.day} {value.strftime('%B')} {value.year}"


DEFAULT_BUCKETS = ((None, 0), (1, 30), (31, 60), (61, 90), (91, None))
_BUCKET_LABELS = {
    "en": {(None, 0): "Not yet due", (91, None): "Over 90 days"},
    "zh": {(None, 0): "未到期", (91, None): "超过90天"},
}


def bucket_label(min_days: int | None, max_days: int | None, language: str) -> str:
    label = _BUCKET_LABELS[language].get((min_days, max_days))
    if label:
        return label
    if max_days is None:
        return f"Over {min_days - 1} days" if language == "en" else f"超过{min_days - 1}天"
    return f"{min_days}–{max_days} days" if language == "en" else f"{min_days}–{max_days}天"


def build_statement(company: Company, recipient: Party, language: str, statement_date: date,
                    currency: str, items: tuple[LetterInvoiceLine, ...] | list[LetterInvoiceLine], *,
                    reference: str = "", customer_number: str = "",
                    bounds: tuple[tuple[int | None, int | None], ...] = DEFAULT_BUCKETS,
                    discounts: tuple[DiscountOffer, ...] = ()) -> StatementDocument:
    """A StatementDocument with bucket totals computed from the items' days overdue."""
    _check_language(language)
    items = tuple(items)
    buckets = []
    for lo, hi in bounds:
        total = sum((i.open_amount for i in items
                     if (lo is None or i.days_overdue >= lo) and (hi is None or i.days_overdue <= hi)), ZERO)
        buckets.append(AgingBucket(bucket_label(lo, hi, language), total, lo, hi))
    return StatementDocument(company, recipient, language, statement_date, currency, items, tuple(buckets),
                             sum((i.open_amount for i in items), ZERO), reference, customer_number, tuple(discounts))


# --------------------------------------------------------------------------- templates

def template_path(language: str, key: str, base_dir: Path | None = None) -> Path:
    _check_language(language)
    if key not in TEMPLATE_KEYS:
        raise UserError(Text(translate("Messages", "Unknown letter template '{key}'. Choose one of: "
                                                   "{template_keys}."),
                             key=key, template_keys=', '.join(TEMPLATE_KEYS)))
    return (base_dir or LETTERS_DIR) / language / f"{key}.txt"


def load_template(language: str, key: str, base_dir: Path | None = None) -> str:
    path = template_path(language, key, base_dir)
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserError(Text(translate("Messages", "The letter template {path} is missing. Reinstall the program "
                                                   "or restore the file."), path=path)) from None


def split_paragraphs(text: str) -> tuple[str, ...]:
    """Paragraphs are separated by blank lines; single line breaks inside a paragraph are kept."""
    blocks = re.split(r"\n\s*\n", text.strip())
    return tuple(b.strip() for b in blocks if b.strip())


def with_template_body(doc: LetterDocument, text: str | None = None) -> LetterDocument:
    """The document with its paragraphs worded from ``text`` (or the shipped template) and the
    facts of the document (domain.letter_template, domain.letter_facts)."""
    from ar_desktop.domain.letter_facts import fact_values
    from ar_desktop.domain.letter_template import render

    raw = text if text is not None else load_template(doc.language, doc.template)
    return replace(doc, paragraphs=split_paragraphs(render(raw, fact_values(doc))))
