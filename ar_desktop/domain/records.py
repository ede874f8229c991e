"""Customers, invoices and payments as typed, validated values.

Every entry point (dialogs, CSV import, command line) turns raw text into these through the
parse_* functions, so a field is checked the same way everywhere and every problem is named.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ar_desktop.domain.dates import ISO, parse_date_as, read_date
from ar_desktop.domain.errors import UserError, ValidationError
from ar_desktop.domain.limitation import parse_jurisdiction
from ar_desktop.domain.money import DEFAULT_FORMAT, NumberFormat, normalize_currency, parse_amount, read_number
from ar_desktop.domain.payment_kinds import is_correction_name
from ar_desktop.domain.terms import PaymentTerms, parse_terms, validate_terms_days
from ar_desktop.domain.text import Text, name_text, translate

CREDIT_CLASSES = ("A", "B", "C")
LANGUAGES = ("en", "zh")
PAYMENT_METHODS = ("bank transfer", "cheque", "cash", "card", "direct debit", "other")
EARLIEST_DATE = dt.date(1990, 1, 1)
LATEST_DATE = dt.date(2099, 12, 31)
_CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]*$")
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

LIMITS = {"customer_code": 32, "legal_name": 200, "bank_name": 200, "bank_account": 60, "bank_bic": 20, "signer_name": 200,
          "signer_title": 200, "code": 32, "number": 40, "name": 200, "contact": 200, "address": 500, "postcode": 20,
          "city": 100, "country": 2, "email": 200, "phone": 40, "tax_id": 50, "notes": 4000,
          "reference": 100, "description": 500, "dispute_reason": 500, "method": 40,
          "registration_id": 60}


@dataclass(frozen=True)
class CustomerData:
    code: str
    name: str
    contact: str = ""
    address: str = ""
    postcode: str = ""
    city: str = ""
    country: str = ""
    email: str = ""
    phone: str = ""
    tax_id: str = ""
    credit_limit: Decimal | None = None
    credit_class: str = "B"
    terms_days: int = 30
    currency: str = "EUR"
    language: str = "en"
    notes: str = ""
    on_hold: bool = False
    late_charge_rule: str = ""  # empty: the company's default rule
    late_charge_rate: Decimal | str | None = None  # str: contract_tiered's tiers ('0.05/30;0.08/60;0.1')
    limitation: str = ""  # cn | de | uk | us | none; empty: from the company's country
    discount_percent: Decimal | None = None  # early-payment discount of the terms ("2/10 net 30")
    discount_days: int = 0
    retention_of_title: bool = False  # goods delivered under retention of title (its invoices' default)

    @property
    def payment_terms(self) -> PaymentTerms:
        return PaymentTerms(self.terms_days, self.discount_percent or Decimal(0), self.discount_days)

    @property
    def terms(self) -> str:
        """The terms as written in files and the window: 'net 30' or '2/10 net 30'."""
        return self.payment_terms.label()


@dataclass(frozen=True)
class CompanyProfile:
    legal_name: str
    address: str = ""
    postcode: str = ""
    city: str = ""
    country: str = ""
    tax_id: str = ""
    phone: str = ""
    email: str = ""
    bank_name: str = ""
    bank_account: str = ""
    bank_bic: str = ""
    currency: str = "EUR"
    signer_name: str = ""
    signer_title: str = ""
    registration_id: str = ""   # commercial register number / 统一社会信用代码


@dataclass(frozen=True)
class InvoiceData:
    number: str
    customer_code: str
    issue_date: dt.date
    due_date: dt.date | None  # None: from the customer's terms
    amount: Decimal
    currency: str | None = None  # None: the customer's currency
    reference: str = ""
    description: str = ""
    disputed: bool = False
    dispute_reason: str = ""
    retention_of_title: bool | None = None  # goods delivered under retention of title; None: the customer's


@dataclass(frozen=True)
class PaymentData:
    date: dt.date
    customer_code: str
    amount: Decimal
    method: str = "bank transfer"
    reference: str = ""
    invoice_number: str = ""


# The names callers give the fields in messages ("The {what} is empty"), marked for translation:
# the window shows a name in the reader's language when it is listed here (domain/text.name_text).
FIELD_NAMES = (
    translate("Messages", "date"),
    translate("Messages", "letter date"),
    translate("Messages", "start date"),
    translate("Messages", "return date"),
    translate("Messages", "end date"),
    translate("Messages", "date the rate takes effect"),
    translate("Messages", "as-of date"),
    translate("Messages", "void date"),
    translate("Messages", "settlement date"),
    translate("Messages", "reversal date"),
    translate("Messages", "payment date"),
    translate("Messages", "next review date"),
    translate("Messages", "mailing date"),
    translate("Messages", "issue date"),
    translate("Messages", "due date"),
    translate("Messages", "date of the credit check"),
    translate("Messages", "date of the change"),
    translate("Messages", "date of the acknowledgement"),
    translate("Messages", "allocation date"),
    translate("Messages", "write-off date"),
    translate("Messages", "credit note date"),
    translate("Messages", "on hold"),
    translate("Messages", "disputed"),
    translate("Messages", "payment terms (days)"),
    translate("Messages", "void"),
    translate("Messages", "customer code"),
    translate("Messages", "customer name"),
    translate("Messages", "contact person"),
    translate("Messages", "address"),
    translate("Messages", "postcode"),
    translate("Messages", "city"),
    translate("Messages", "phone number"),
    translate("Messages", "registration / tax id"),
    translate("Messages", "notes"),
    translate("Messages", "company's legal name"),
    translate("Messages", "bank name"),
    translate("Messages", "bank account / IBAN"),
    translate("Messages", "BIC / SWIFT"),
    translate("Messages", "signer's name"),
    translate("Messages", "signer's title"),
    translate("Messages", "e-mail"),
    translate("Messages", "invoice number"),
    translate("Messages", "order / contract reference"),
    translate("Messages", "description"),
    translate("Messages", "dispute reason"),
    translate("Messages", "payment method"),
    translate("Messages", "reference"),
)


def parse_date(text: str | dt.date, what: str = "date") -> dt.date:
    """A date as the program writes it (YYYY-MM-DD, digits 0-9 only), within the years it keeps."""
    if isinstance(text, dt.date):
        value = text.date() if isinstance(text, dt.datetime) else text
    else:
        raw = (text or "").strip()
        if not raw:
            raise UserError(Text(translate("Messages", "The {what} is empty. Enter a date as YYYY-MM-DD."),
                                 what=name_text(what)))
        value = read_date(raw, ISO)
        if value is None:
            raise UserError(Text(translate("Messages", "'{raw}' is not a valid {what}. Enter it as "
                                                       "YYYY-MM-DD, e.g. 2026-03-31."),
                                 raw=raw[:40], what=name_text(what)))
    if not (EARLIEST_DATE <= value <= LATEST_DATE):
        raise UserError(Text(translate("Messages", "The {what} {value} is out of range ({first}–{last})."),
                             what=name_text(what), value=value.isoformat(), first=EARLIEST_DATE.year,
                             last=LATEST_DATE.year))
    return value


# Characters no name, address or note may hold: C0 and C1 controls (a line break is allowed in the
# fields that are several lines long) and the bidirectional embeddings, overrides and isolates,
# which make a name display differently from what it is ("Trojan Source").
_MULTILINE = frozenset({"address", "notes", "description", "dispute_reason", "note"})
_BAD_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
_BAD_MULTILINE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def bad_character(value: str, multiline: bool = False) -> str | None:
    """The first character of ``value`` that text fields refuse, or None."""
    m = (_BAD_MULTILINE if multiline else _BAD_LINE).search(value)
    return m.group() if m else None


def character_problem(label: str, ch: str) -> Text:
    return Text(translate("Messages", "The {field} contains an invisible control or text-direction character "
                                      "(U+{code}). Remove it and type the text again."),
                field=name_text(label), code=f"{ord(ch):04X}")


def parse_bool(text: str | bool, what: str) -> bool:
    if isinstance(text, bool):
        return text
    raw = (text or "").strip().lower()
    if raw in ("", "no", "n", "false", "0"):
        return False
    if raw in ("yes", "y", "true", "1"):
        return True
    raise UserError(Text(translate("Messages", "'{text}' is not a valid {what} flag. Write yes or no."),
                         text=text, what=name_text(what)))


class _Collector:
    """Runs each field check and keeps every problem, so one message names all of them."""

    def __init__(self, raw: Mapping[str, Any]):
        self.raw = raw
        self.problems: dict[str, str | Text] = {}

    def text(self, key: str, label: str, *, required: bool = False) -> str:
        value = str(self.raw.get(key) or "").strip()
        if key in _MULTILINE:
            value = value.replace("\r\n", "\n")
        if required and not value:
            self.problems[key] = Text(translate("Messages", "The {field} is empty; it is required."),
                                      field=name_text(label))
        elif len(value) > LIMITS[key]:
            self.problems[key] = Text(translate("Messages", "The {field} is too long ({length} characters; at most "
                                                            "{most})."),
                                      field=name_text(label), length=len(value), most=LIMITS[key])
        elif (ch := bad_character(value, key in _MULTILINE)) is not None:
            self.problems[key] = character_problem(label, ch)
        return value

    def check(self, key: str, fn: Callable[[], Any], default: Any = None) -> Any:
        try:
            return fn()
        except UserError as e:
            self.problems[key] = e.message
            return default

    def done(self) -> None:
        if self.problems:
            raise ValidationError(self.problems)


def _code(c: _Collector, key: str, label: str) -> str:
    value = c.text(key, label, required=True)
    if value and key not in c.problems and not _CODE_RE.match(value):
        c.problems[key] = Text(translate("Messages", "The {field} '{value}' may only contain letters, digits and "
                                                     ". _ / - (no spaces), and must start with a letter or digit."),
                               field=name_text(label), value=value)
    return value


def parse_customer(raw: Mapping[str, Any], default_currency: str = "EUR", *,
                   numbers: NumberFormat = DEFAULT_FORMAT) -> CustomerData:
    c = _Collector(raw)
    code = _code(c, "code", "customer code")
    name = c.text("name", "customer name", required=True)
    email = _email(c)
    country = _country(c, raw)
    limit_raw = _typed(raw.get("credit_limit"))
    currency = c.check("currency", lambda: normalize_currency(str(raw.get("currency") or default_currency)),
                       default_currency)
    credit_limit = c.check("credit_limit", lambda: parse_amount(limit_raw, currency, fmt=numbers)) \
        if limit_raw != "" else None
    credit_class = str(raw.get("credit_class") or "B").strip().upper()
    if credit_class not in CREDIT_CLASSES:
        c.problems["credit_class"] = Text(translate("Messages", "Credit class '{value}' is unknown. Use A, B or C."),
                                          value=credit_class)
    terms_text = str(raw.get("terms") or "").strip()
    if terms_text:  # "30", "net 30" or "2/10 net 30": takes precedence over terms_days
        payment_terms = c.check("terms", lambda: parse_terms(terms_text), PaymentTerms(30))
    else:
        terms_raw = str(raw.get("terms_days") if raw.get("terms_days") not in (None, "") else "30").strip()
        net = c.check("terms_days", lambda: _int(terms_raw, "payment terms (days)", validate_terms_days), 30)
        payment_terms = c.check("terms_days", lambda: _kept_discount(raw, net), PaymentTerms(net))
    terms = payment_terms.net_days
    language = str(raw.get("language") or "en").strip().lower()
    if language not in LANGUAGES:
        c.problems["language"] = Text(translate("Messages", "Letter language '{value}' is unknown. Use en (English) "
                                                            "or zh (Chinese)."), value=language)
    on_hold = c.check("on_hold", lambda: parse_bool(raw.get("on_hold") or "", "on hold"), False)
    retention = c.check("retention_of_title",
                        lambda: parse_bool(raw.get("retention_of_title") or "", "retention of title"), False)
    rule = str(raw.get("late_charge_rule") or "").strip()
    if rule:
        from ar_desktop.domain.charge_rules import parse_rule_kind  # charge_rules reads text, not records

        rule = c.check("late_charge_rule", lambda: str(parse_rule_kind(rule).value), rule)
    rate_raw = _typed(raw.get("late_charge_rate"))
    if rule == "contract_tiered":  # the tiers as text: '0.05/30;0.08/60;0.1'
        from ar_desktop.domain.charge_rules import parse_tiers, tiers_text

        rate = c.check("late_charge_rate", lambda: tiers_text(parse_tiers(str(rate_raw)))) if rate_raw != "" else None
    else:
        rate = c.check("late_charge_rate", lambda: _rate(rate_raw, numbers)) if rate_raw != "" else None
    limitation = c.check("limitation", lambda: parse_jurisdiction(str(raw.get("limitation") or "")), "")
    data = CustomerData(
        code=code, name=name, contact=c.text("contact", "contact person"), address=c.text("address", "address"),
        postcode=c.text("postcode", "postcode"), city=c.text("city", "city"), country=country, email=email,
        phone=c.text("phone", "phone number"), tax_id=c.text("tax_id", "registration / tax id"),
        credit_limit=credit_limit, credit_class=credit_class, terms_days=terms, currency=currency,
        language=language, notes=c.text("notes", "notes"), on_hold=on_hold,
        late_charge_rule=rule, late_charge_rate=rate, limitation=limitation,
        discount_percent=payment_terms.discount_percent or None, discount_days=payment_terms.discount_days,
        retention_of_title=retention,
    )
    c.done()
    return data


def _kept_discount(raw: Mapping[str, Any], net: int) -> PaymentTerms:
    """Terms given by their days only: the discount already stored (an update) stays with them."""
    pct, days = raw.get("discount_percent"), raw.get("discount_days")
    if pct in (None, "") or Decimal(str(pct)) == 0:
        return PaymentTerms(net)
    return parse_terms(f"{pct}/{int(days or 0)} net {net}")


def parse_company(raw: Mapping[str, Any]) -> CompanyProfile:
    c = _Collector(raw)
    name = c.text("legal_name", "company's legal name", required=True)
    country = _country(c, raw)
    email = _email(c)
    currency = c.check("currency", lambda: normalize_currency(str(raw.get("currency") or "EUR")), "EUR")
    data = CompanyProfile(
        legal_name=name, address=c.text("address", "address"), postcode=c.text("postcode", "postcode"),
        city=c.text("city", "city"), country=country, tax_id=c.text("tax_id", "registration / tax id"),
        phone=c.text("phone", "phone number"), email=email, bank_name=c.text("bank_name", "bank name"),
        bank_account=c.text("bank_account", "bank account / IBAN"), bank_bic=c.text("bank_bic", "BIC / SWIFT"),
        currency=currency, signer_name=c.text("signer_name", "signer's name"),
        signer_title=c.text("signer_title", "signer's title"),
        registration_id=c.text("registration_id", "register number"))
    c.done()
    return data


def _country(c: _Collector, raw: Mapping[str, Any]) -> str:
    value = str(raw.get("country") or "").strip().upper()
    if value and (len(value) != 2 or not value.isalpha()):
        c.problems["country"] = Text(translate("Messages", "The country must be a two-letter ISO code such as DE, GB, "
                                                           "US or CN."))
        return ""
    return value


def _email(c: _Collector) -> str:
    email = c.text("email", "e-mail")
    if email and "email" not in c.problems and not _EMAIL_RE.match(email):
        c.problems["email"] = Text(translate("Messages", "'{value}' is not an e-mail address (expected "
                                                         "name@example.com)."), value=email)
    return email


def parse_invoice(raw: Mapping[str, Any], *, currency: str = "EUR", numbers: NumberFormat = DEFAULT_FORMAT,
                  dates: str = ISO) -> InvoiceData:
    """``currency``: the customer's, where known; the amount is read in the row's currency (its currency
    column, else the customer's), so 1.234 is refused for EUR, kept for BHD, and 1.5 refused for JPY."""
    c = _Collector(raw)
    number = _code(c, "number", "invoice number")
    customer = c.text("customer_code", "customer code", required=True)
    issue = c.check("issue_date", lambda: parse_date_as(raw.get("issue_date") or "", dates, "issue date"))
    due_raw = raw.get("due_date")
    due = c.check("due_date", lambda: parse_date_as(due_raw, dates, "due date")) if due_raw not in (None, "") else None
    if issue and due and due < issue:
        c.problems["due_date"] = Text(translate("Messages", "The due date {due} is before the issue date {issue}. An "
                                                            "invoice cannot fall due before it is issued."),
                                      due=due.isoformat(), issue=issue.isoformat())
    cur_raw = str(raw.get("currency") or "").strip()
    listed = c.check("currency", lambda: normalize_currency(cur_raw)) if cur_raw else None
    amount = c.check("amount", lambda: parse_amount(raw.get("amount") or "", listed or currency, allow_zero=False,
                                                    fmt=numbers))
    disputed = c.check("disputed", lambda: parse_bool(raw.get("disputed") or "", "disputed"), False)
    retention_raw = raw.get("retention_of_title")
    retention = c.check("retention_of_title", lambda: parse_bool(retention_raw, "retention of title")) \
        if retention_raw not in (None, "") else None
    data = InvoiceData(number=number, customer_code=customer, issue_date=issue, due_date=due, amount=amount,
                       currency=listed, reference=c.text("reference", "order / contract reference"),
                       description=c.text("description", "description"), disputed=disputed,
                       dispute_reason=c.text("dispute_reason", "dispute reason"), retention_of_title=retention)
    c.done()
    return data


def invoice_currency(requested: str | None, customer_code: str, customer_currency: str) -> str:
    """An invoice is in its customer's currency: payments, credit and letters are kept per customer
    in one currency. A customer billed in two currencies gets a second account (code)."""
    if requested and requested != customer_currency:
        raise UserError(Text(translate("Messages", "Customer {customer_code} is kept in "
                                                   "{customer_currency}; an invoice in {requested} cannot "
                                                   "be added to it. Create a second customer account (e.g. "
                                                   "{customer_code}-{requested}) for business in "
                                                   "{requested}."),
                             customer_code=customer_code, customer_currency=customer_currency, requested=requested))
    return customer_currency


def parse_payment(raw: Mapping[str, Any], currency: str = "EUR", *, numbers: NumberFormat = DEFAULT_FORMAT,
                  dates: str = ISO) -> PaymentData:
    c = _Collector(raw)
    date = c.check("date", lambda: parse_date_as(raw.get("date") or "", dates, "payment date"))
    customer = c.text("customer_code", "customer code", required=True)
    amount = c.check("amount", lambda: parse_amount(raw.get("amount") or "", currency, allow_zero=False,
                                                    fmt=numbers))
    method = c.text("method", "payment method") or "bank transfer"
    if is_correction_name(method):
        # A write-off or credit note is a correction with its own rules, not a way of paying
        c.problems["method"] = Text(translate("Messages", "'{method}' is a correction, not a payment method. Record "
                                                          "write-offs and credit notes on the invoice, or import "
                                                          "them with the kind column."), method=method)
    data = PaymentData(date=date, customer_code=customer, amount=amount, method=method,
                       reference=c.text("reference", "reference"),
                       invoice_number=str(raw.get("invoice_number") or "").strip())
    c.done()
    return data


def _int(text: str, what: str, check: Callable[[int], int]) -> int:
    try:
        value = int(text)
    except ValueError:
        raise UserError(Text(translate("Messages", "'{text}' is not a whole number of days for the {what}."),
                             text=text, what=name_text(what))) from None
    return check(value)


def _typed(value: Any) -> Any:
    """A number typed in a spreadsheet cell stays a number; text is stripped ("" for nothing)."""
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        return value
    return str(value if value is not None else "").strip()


def _rate(text: str | Decimal, numbers: NumberFormat = DEFAULT_FORMAT) -> Decimal:
    value = text if isinstance(text, Decimal) else read_number(str(text), numbers)
    if value is None:
        raise UserError(Text(translate("Messages", "'{text}' is not a percentage; enter a number such as "
                                                   "0.05 or 8."), text=text))
    if not value.is_finite() or value <= 0 or value > 100:
        raise UserError(Text(translate("Messages", "The late-charge rate {text} % is out of range; enter a "
                                                   "percentage such as 0.05 or 8."), text=text))
    return value
