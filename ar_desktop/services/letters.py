"""Collection letters: build one from the books, preview it, issue a batch (archived PDF, SHA-256,
items claimed, ladder step done - one transaction), verify an archived letter, print again.

Archive: a folder ``<company file stem>.letters/`` beside the company file; each letter is
``YYYY/YYYY-MM-DD_<customer code>_<template>_L000123.pdf`` (see docs/letters.md). The archived
PDF is rendered without printer offset; printing again (``render_batch_pdf``) renders the same
frozen document, kept as JSON with the letter, with the printer offset of the settings.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields, is_dataclass, replace
from decimal import Decimal
from pathlib import Path

from ar_desktop.domain import letters as L
from ar_desktop.domain.errors import UserError
from ar_desktop.domain.ladder import ActionKind, Ladder, Step
from ar_desktop.domain.late_charges import ChargeResult, ChargeRule, RuleKind
from ar_desktop.domain.letters import (ChargeLine, Company, LetterDocument, LetterInvoiceLine, Party, build_statement,
                                       fill_template, letter_values, load_template, split_paragraphs)
from ar_desktop.domain.money import ZERO, format_amount, round_money, to_minor
from ar_desktop.domain.records import parse_date
from ar_desktop.pdf.letters import render_letter, render_letters
from ar_desktop.services import collections as col
from ar_desktop.services.context import Books
from ar_desktop.services.late_charges import _company_rule, _rates, _rule_for, charge_for
from ar_desktop.services.progress import NO_PROGRESS, Progress
from ar_desktop.storage import company_repo, letters_repo
from ar_desktop.storage.letters_repo import ChargeInvoice, LetterRecord, letter_reference

# Layout keys of the command line and the settings -> keys of ar_desktop.pdf.layouts.
LAYOUT_KEYS = ("din-a", "din-b", "us-10", "plain")
_PDF_LAYOUTS = {"din-a": "din-a", "din-b": "din-b", "us-10": "us10", "us10": "us10", "plain": "plain"}

# Setting keys (JSON values in the `setting` table).
DEADLINE_DAYS_KEY = "letters.deadline_days"
LAYOUT_KEY = "letters.layout"
OFFSET_DX_KEY = "letters.offset_dx_mm"
OFFSET_DY_KEY = "letters.offset_dy_mm"
STATEMENT_KEY = "letters.statement_attached"
TEMPLATE_KEY = "letters.template.{language}.{template}"   # edited wording; absent = the shipped text

DEFAULT_DEADLINE_DAYS = 14
MAX_DEADLINE_DAYS = 90
MAX_TEMPLATE_CHARS = 20_000

SUBJECTS = {
    "en": {"reminder": "Payment reminder", "demand_letter": "Formal demand for payment",
           "final_notice": "Final notice before legal action"},
    "zh": {"reminder": "付款提醒函", "demand_letter": "催款函", "final_notice": "最后催告函"},
}
# "What happens if unpaid": the action of the ladder step after the letter step.
NEXT_STEP_TEXT = {
    "en": {
        ActionKind.COURTESY_REMINDER: "we will send you a further reminder.",
        ActionKind.REMINDER: "we will send you a further reminder.",
        ActionKind.PHONE_CALL: "we will contact you by telephone to settle the matter.",
        ActionKind.DEMAND_LETTER: "we will send you a formal demand for payment by registered mail.",
        ActionKind.FINAL_NOTICE: "we will send you a final notice before legal action.",
        ActionKind.LEGAL_ACTION: "we will take legal action to recover the debt without further notice; "
                                 "the costs will be charged to you.",
        ActionKind.AGENCY: "we will hand the claim over to a debt collection agency without further notice; "
                           "their costs will be charged to you.",
        ActionKind.CREDIT_HOLD: "we will stop all further deliveries on credit.",
        None: "we will take further steps to recover the debt.",
    },
    "zh": {
        ActionKind.COURTESY_REMINDER: "我司将再次向贵司发出付款提醒。",
        ActionKind.REMINDER: "我司将再次向贵司发出付款提醒。",
        ActionKind.PHONE_CALL: "我司将通过电话与贵司联系解决。",
        ActionKind.DEMAND_LETTER: "我司将以挂号信方式向贵司发出正式催款函。",
        ActionKind.FINAL_NOTICE: "我司将向贵司发出最后催告函。",
        ActionKind.LEGAL_ACTION: "我司将通过诉讼途径追讨欠款，由此产生的费用由贵司承担，恕不另行通知。",
        ActionKind.AGENCY: "我司将委托专业催收机构追讨欠款，由此产生的费用由贵司承担，恕不另行通知。",
        ActionKind.CREDIT_HOLD: "我司将停止对贵司的一切赊销供货。",
        None: "我司将采取进一步措施追讨欠款。",
    },
}
_ZH_RULES = {
    RuleKind.CONTRACT_DAILY: "约定逾期利息，每日{rate}%",
    RuleKind.CONTRACT_ANNUAL: "约定逾期利息，年利率{rate}%",
    RuleKind.STATUTORY_EU: "欧盟法定逾期利息（欧洲央行主要再融资利率加8个百分点）",
    RuleKind.STATUTORY_DE: "德国法定逾期利息（基准利率加9个百分点，《德国民法典》第288条）",
    RuleKind.STATUTORY_UK: "英国法定逾期利息（英格兰银行基准利率加8个百分点）",
}


# --- settings ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class LetterSettings:
    deadline_days: int = DEFAULT_DEADLINE_DAYS
    layout: str = "din-a"                 # din-a | din-b | us-10 | plain
    offset_dx_mm: float = 0.0             # printer offset (calibration page), positive = right
    offset_dy_mm: float = 0.0             # positive = down
    statement_attached: bool = False


def pdf_layout(key: str) -> str:
    """The pdf layout key of a letter layout key ('us-10' -> 'us10')."""
    k = (key or "").strip().lower()
    if k not in _PDF_LAYOUTS:
        raise UserError(f"Unknown letter layout '{key}'. Choose one of: {', '.join(LAYOUT_KEYS)}.")
    return _PDF_LAYOUTS[k]


def _layout_key(key: str) -> str:
    pdf = pdf_layout(key)
    return "us-10" if pdf == "us10" else pdf


def _settings(s) -> LetterSettings:
    return LetterSettings(
        int(company_repo.get_setting(s, DEADLINE_DAYS_KEY, DEFAULT_DEADLINE_DAYS)),
        str(company_repo.get_setting(s, LAYOUT_KEY, "din-a")),
        float(company_repo.get_setting(s, OFFSET_DX_KEY, 0.0)), float(company_repo.get_setting(s, OFFSET_DY_KEY, 0.0)),
        bool(company_repo.get_setting(s, STATEMENT_KEY, False)))


def letter_settings(books: Books) -> LetterSettings:
    with books.db.session() as s:
        return _settings(s)


def set_letter_settings(books: Books, settings: LetterSettings) -> LetterSettings:
    days = settings.deadline_days
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_DEADLINE_DAYS:
        raise UserError(f"The payment deadline '{days}' must be a whole number of days from 1 to {MAX_DEADLINE_DAYS} "
                        "after the letter date.")
    layout = _layout_key(settings.layout)
    from ar_desktop.pdf.layouts import check_offset

    dx, dy = check_offset((settings.offset_dx_mm, settings.offset_dy_mm))
    out = LetterSettings(days, layout, dx, dy, bool(settings.statement_attached))
    with books.db.session() as s:
        company_repo.set_setting(s, DEADLINE_DAYS_KEY, out.deadline_days)
        company_repo.set_setting(s, LAYOUT_KEY, out.layout)
        company_repo.set_setting(s, OFFSET_DX_KEY, out.offset_dx_mm)
        company_repo.set_setting(s, OFFSET_DY_KEY, out.offset_dy_mm)
        company_repo.set_setting(s, STATEMENT_KEY, out.statement_attached)
    return out


def _template_text(s, language: str, template: str) -> str:
    own = company_repo.get_setting(s, TEMPLATE_KEY.format(language=language, template=template), None)
    return own if own is not None else load_template(language, template)


def template_text(books: Books, language: str, template: str) -> str:
    """The wording used for a template: the edited text, or the shipped one."""
    L.template_path(language, template)  # validates both keys
    with books.db.session() as s:
        return _template_text(s, language, template)


def template_version(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def set_template_text(books: Books, language: str, template: str, text: str | None) -> None:
    """Store edited wording (checked: every placeholder must be known); None restores the shipped text."""
    L.template_path(language, template)
    key = TEMPLATE_KEY.format(language=language, template=template)
    if text is not None:
        if not text.strip():
            raise UserError("The letter text is empty. Write the letter, or restore the shipped text.")
        if len(text) > MAX_TEMPLATE_CHARS:
            raise UserError(f"The letter text is longer than {MAX_TEMPLATE_CHARS} characters. Shorten it.")
        fill_template(text, letter_values(_sample_doc(language)))
    with books.db.session() as s:
        if text is None:
            company_repo.set_setting(s, key, None)
        else:
            company_repo.set_setting(s, key, text)


def _sample_doc(language: str) -> LetterDocument:
    day = dt.date(2000, 1, 1)
    return LetterDocument(Company("x"), Party("x"), language, "reminder", day, "x", "x", "x", (), ZERO, "EUR", day, "x")


# --- settings dialogs: calibration page, sample letter ------------------------------------------------

def calibration_pdf(books: Books, layout: str | None = None, offset: tuple[float, float] | None = None,
                    language: str = "en") -> bytes:
    """The printer calibration page of ``layout`` with the printer ``offset`` (each default: the
    settings), so values can be checked on paper before they are stored."""
    from ar_desktop.pdf.calibration import render_calibration
    from ar_desktop.pdf.layouts import check_offset

    settings = letter_settings(books)
    key = pdf_layout(layout or settings.layout)
    off = check_offset(offset if offset is not None else (settings.offset_dx_mm, settings.offset_dy_mm))
    return render_calibration(key, off, "zh" if language == "zh" else "en")


def template_placeholders(language: str = "en") -> tuple[str, ...]:
    """The ``$names`` a letter text may use, sorted."""
    return tuple(sorted(letter_values(_sample_doc(language))))


_SAMPLE_RECIPIENT = {
    "en": Party("Sample Customer Ltd", ("1 Example Street",), "AB1 2CD", "Sampletown", "GB",
                contact_person="Alex Example"),
    "zh": Party("示例客户有限公司", ("示例路1号",), "200000", "上海", "CN", contact_person="张三"),
}


def preview_template(books: Books, language: str, template: str, text: str | None = None,
                     layout: str | None = None) -> bytes:
    """A sample letter worded with ``text`` (default: the wording in use): the company's own
    letterhead, a made-up customer with two overdue invoices, dated today. Nothing is stored;
    unknown placeholders are refused as by :func:`set_template_text`."""
    L.template_path(language, template)
    if text is not None and not text.strip():
        raise UserError("The letter text is empty. Write the letter, or restore the shipped text.")
    today = books.today()
    with books.db.session() as s:
        settings = _settings(s)
        company = company_party(s)
        wording = text if text is not None else _template_text(s, language, template)
    currency = "CNY" if language == "zh" else "EUR"
    invoices = tuple(LetterInvoiceLine(number, today - dt.timedelta(days=age + 30), today - dt.timedelta(days=age),
                                       age, Decimal(amount)) for number, age, amount in
                     (("SAMPLE-1001", 45, "1200.00"), ("SAMPLE-1002", 21, "850.50")))
    following = {"reminder": ActionKind.DEMAND_LETTER, "demand_letter": ActionKind.FINAL_NOTICE,
                 "final_notice": ActionKind.LEGAL_ACTION}[template]
    doc = LetterDocument(
        company=company, recipient=_SAMPLE_RECIPIENT[language], language=language, template=template,
        letter_date=today, reference="草稿" if language == "zh" else "DRAFT", subject=SUBJECTS[language][template],
        contract_ref="PO-4711", invoices=invoices, total_claimed=sum((i.open_amount for i in invoices), ZERO),
        currency=currency, deadline=today + dt.timedelta(days=settings.deadline_days),
        next_step=NEXT_STEP_TEXT[language][following], registered_mail=template != "reminder")
    doc = replace(doc, paragraphs=split_paragraphs(fill_template(wording, letter_values(doc))))
    return render_letter(doc, pdf_layout(layout or settings.layout))


# --- building a letter ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Built:
    doc: LetterDocument
    customer_id: int
    step: Step
    layout: str                                     # din-a | din-b | us-10 | plain
    template_version: str
    text: str                                       # the template wording used
    items: tuple[tuple[ChargeInvoice, ChargeResult | None], ...]


def company_party(s) -> Company:
    """The letterhead: the company profile as the PDF code wants it (inside a session)."""
    p = company_repo.get(s)
    return Company(legal_name=p.legal_name, address_lines=address_lines(p.address), postcode=p.postcode, city=p.city,
                   country=p.country, tax_id=p.tax_id, phone=p.phone, email=p.email, bank_name=p.bank_name,
                   iban=p.bank_account, bic=p.bank_bic, signer_name=p.signer_name, signer_title=p.signer_title)


def address_lines(text: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in (text or "").splitlines() if x.strip())


def recipient_party(data) -> Party:
    """A customer as the addressee of a letter or statement."""
    return Party(legal_name=data.name, address_lines=address_lines(data.address), postcode=data.postcode, city=data.city,
                 country=data.country, tax_id=data.tax_id, phone=data.phone, email=data.email,
                 contact_person=data.contact)


def next_step_text(ladder: Ladder, step: Step, language: str) -> str:
    """What happens if the letter is not paid: the ladder step after ``step``, in words."""
    after = ladder.after(step)
    return NEXT_STEP_TEXT[language][after[0].action if after else None]


def _letter_step(ladder: Ladder, key: str, name: str) -> Step:
    step = ladder.get(key)
    if step is None:
        raise UserError(f"'{key}' is not a step of {name}'s collection ladder. Use one of: {', '.join(ladder.keys)}.")
    if not step.is_letter:
        letters = [s.key for s in ladder if s.is_letter]
        raise UserError(f"The step '{key}' of {name}'s ladder sends no letter. "
                        f"Choose a letter step: {', '.join(letters)}.")
    return step


def _charge_line(inv: ChargeInvoice, r: ChargeResult, language: str) -> ChargeLine:
    if language == "zh":
        rule = r.rule
        desc = _ZH_RULES[rule.kind].format(rate=rule.rate_percent.normalize() if rule.rate_percent else "")
        lines = []
        for p in r.periods:
            unit = f"{p.days}天" if p.rate_unit == "day" else f"{p.days}/{p.day_basis}"
            lines.append(f"{p.start.isoformat()}至{p.end.isoformat()}：{format_amount(p.balance, r.currency)} × "
                         f"{p.rate_percent.normalize():f}% × {unit} = {format_amount(p.interest_display, r.currency)}")
    else:
        desc = r.rule.describe()
        lines = [x for x in r.explanation if x[:4].isdigit()]
    return ChargeLine(inv.number, desc, tuple(lines), r.interest, r.fixed_compensation)


def _build(s, books: Books, code: str, as_of: dt.date, step_key: str, layout: str | None, reference: str,
           rates=None) -> _Built:
    cid, data = col._customer(s, code)
    settings = _settings(s)
    layout = _layout_key(layout or settings.layout)
    ladder = col._ladder_of(s, cid, data.credit_class)
    step = _letter_step(ladder, step_key, data.name)
    language = data.language if data.language in L.LANGUAGES else "en"
    rates = rates if rates is not None else _rates(s)
    default_rule = _company_rule(s)
    currency = data.currency
    all_invoices = [i for i in letters_repo.charge_invoices(s, as_of, [cid], only_due_before=False)
                    if i.currency == currency and i.open_amount > 0]
    overdue = sorted((i for i in all_invoices if i.due_date < as_of), key=lambda i: (i.due_date, i.number))
    if not any(i.claimable > 0 for i in overdue):
        raise UserError(f"{data.name} has no overdue, undisputed open invoice in {currency} on {as_of.isoformat()}; "
                        "there is nothing to claim in a letter.")
    cache: dict = {}
    items, lines, charges = [], [], []
    wholly = tuple(LetterInvoiceLine(i.number, i.issue_date, i.due_date, (as_of - i.due_date).days, i.gross, i.paid,
                                     i.open_amount, i.disputed_part, i.dispute_reason)
                   for i in overdue if i.claimable <= 0)
    overdue = [i for i in overdue if i.claimable > 0]
    for inv in overdue:
        rule: ChargeRule = _rule_for(default_rule, inv, cache)
        result = charge_for(inv, rule, as_of, rates) if rule.kind is not RuleKind.NONE else None
        items.append((inv, result))
        lines.append(LetterInvoiceLine(inv.number, inv.issue_date, inv.due_date, (as_of - inv.due_date).days,
                                       inv.gross, inv.paid, inv.open_amount, inv.disputed_part, inv.dispute_reason))
        if result is not None and result.total > 0:
            charges.append(_charge_line(inv, result, language))
    total = round_money(sum((x.claimed for x in lines), ZERO) + sum((c.total for c in charges), ZERO), currency)
    refs = sorted({i.reference for i in overdue if i.reference})
    contract_ref = ", ".join(refs) if refs else ", ".join(i.number for i in overdue)
    text = _template_text(s, language, step.template)
    company = company_party(s)
    recipient = recipient_party(data)
    doc = LetterDocument(
        company=company, recipient=recipient, language=language, template=step.template, letter_date=as_of,
        reference=reference, subject=SUBJECTS[language][step.template], contract_ref=contract_ref,
        invoices=tuple(lines), total_claimed=total, currency=currency,
        deadline=as_of + dt.timedelta(days=settings.deadline_days), next_step=next_step_text(ladder, step, language),
        charges=tuple(charges), registered_mail=step.registered_mail, statement_attached=settings.statement_attached,
        wholly_disputed=wholly)
    if settings.statement_attached:
        open_items = sorted(all_invoices, key=lambda i: (i.due_date, i.number))
        doc = replace(doc, statement=build_statement(
            company, recipient, language, as_of, currency,
            [LetterInvoiceLine(i.number, i.issue_date, i.due_date, (as_of - i.due_date).days, i.gross, i.paid,
                               i.open_amount) for i in open_items], reference=reference, customer_number=data.code))
    doc = replace(doc, paragraphs=split_paragraphs(fill_template(text, letter_values(doc))))
    return _Built(doc, cid, step, layout, template_version(text), text, tuple(items))


def _step_key_for(books: Books, code: str, as_of: dt.date, step_key: str | None) -> str:
    if step_key:
        return step_key.strip()
    row = col.customer_status(books, code, as_of)
    if row is None or row.next_step is None:
        raise UserError(f"Customer {code} needs no collection step on {as_of.isoformat()}. "
                        "Choose the letter step to send (e.g. reminder or demand_letter).")
    return row.next_step


def build_letter(books: Books, customer_code: str, as_of: dt.date, step_key: str | None = None,
                 layout: str | None = None) -> LetterDocument:
    """The letter for ``customer_code`` dated ``as_of``: its overdue undisputed open invoices, the
    late charges on them, the payment deadline and what happens next. ``step_key`` None = the
    customer's next ladder step (which must be a letter step). The reference reads 'DRAFT' until
    the letter is issued."""
    as_of = parse_date(as_of, "letter date")
    key = _step_key_for(books, customer_code, as_of, step_key)
    with books.db.session() as s:
        return _build(s, books, customer_code, as_of, key, layout, _draft(s, customer_code)).doc


def _draft(s, code: str) -> str:
    cid, data = col._customer(s, code)
    return "草稿" if data.language == "zh" else "DRAFT"


def preview_letter(books: Books, customer_code: str, as_of: dt.date, step_key: str | None = None,
                   layout: str | None = None, offset: tuple[float, float] | None = None) -> bytes:
    """The PDF of the letter, rendered without storing anything."""
    as_of = parse_date(as_of, "letter date")
    key = _step_key_for(books, customer_code, as_of, step_key)
    with books.db.session() as s:
        built = _build(s, books, customer_code, as_of, key, layout, _draft(s, customer_code))
    return render_letter(built.doc, pdf_layout(built.layout), offset or (0, 0))


@dataclass(frozen=True)
class LetterCandidate:
    customer_code: str
    customer_name: str
    step_key: str
    step_name: str
    template: str
    registered_mail: bool
    overdue_amount: Decimal
    currency: str
    state: str


def letter_candidates(books: Books, as_of: dt.date) -> list[LetterCandidate]:
    """Customers whose next step, due on ``as_of``, is a letter (from the collections worklist)."""
    as_of = parse_date(as_of, "letter date")
    rows = [r for r in col.worklist(books, as_of) if r.state == "action_due" and r.status.next_step is not None
            and r.status.next_step.is_letter]
    out = [LetterCandidate(r.customer_code, r.customer_name, r.next_step, r.next_step_name,
                           r.status.next_step.template, r.status.next_step.registered_mail, r.overdue_amount,
                           r.currency, r.state) for r in rows]
    out.sort(key=lambda c: c.customer_code)
    return out


# --- issuing ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class IssuedLetter:
    letter_id: int
    reference: str
    customer_code: str
    customer_name: str
    step_key: str
    template: str
    language: str
    layout: str
    letter_date: dt.date
    deadline: dt.date
    currency: str
    total_claimed: Decimal
    interest: Decimal
    fixed_compensation: Decimal
    path: Path              # absolute path of the archived PDF
    archive_path: str       # relative to the archive folder
    sha256: str
    size: int
    registered_mail: bool


def archive_dir(books: Books) -> Path:
    """``<company file stem>.letters/`` beside the company file."""
    p = Path(books.db.path)
    return p.parent / f"{p.stem}.letters"


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def archive_name(letter_date: dt.date, customer_code: str, template: str, letter_id: int) -> str:
    """'2026/2026-11-27_CUST01_demand_letter_L000123.pdf' (relative, '/' separated)."""
    code = _UNSAFE.sub("-", customer_code).strip("-") or "customer"
    return f"{letter_date.year}/{letter_date.isoformat()}_{code}_{template}_{letter_reference(letter_id)}.pdf"


def _write_temp(final: Path, data: bytes) -> Path:
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = final.parent / f".{final.name}.{uuid.uuid4().hex}.tmp"
    with open(tmp, "xb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    return tmp


def _history_note(ref: str, built: _Built) -> str:
    doc = built.doc
    cur = doc.currency
    interest = sum((c.interest for c in doc.charges), ZERO)
    fixed = sum((c.fixed_compensation for c in doc.charges), ZERO)
    text = (f"Letter {ref} ({doc.template}) claims {format_amount(doc.total_claimed, cur)}: "
            f"invoices {format_amount(doc.invoices_open, cur)}")
    if doc.charges:
        text += f", interest {format_amount(interest, cur)}, fixed compensation {format_amount(fixed, cur)}"
    return text + f"; pay by {doc.deadline.isoformat()}."


def issue_letters(books: Books, as_of: dt.date, customer_codes: Sequence[str] | None = None,
                  step_key: str | None = None, layout: str | None = None,
                  progress: Progress = NO_PROGRESS) -> list[IssuedLetter]:
    """Issue letters dated ``as_of``: to the given customers, or to every letter candidate (only
    those whose next step is ``step_key`` when given). Per letter: render the PDF, archive the
    exact bytes, store SHA-256, template version, items and amounts claimed, and log the ladder
    step as done on ``as_of`` with the amounts in the note. One transaction for the batch: the
    files are written under temporary names and renamed after the commit; if anything fails,
    nothing is kept (no file, no row)."""
    as_of = parse_date(as_of, "letter date")
    if customer_codes is None:
        plan = [(c.customer_code, c.step_key) for c in letter_candidates(books, as_of)
                if step_key is None or c.step_key == step_key.strip()]
    else:
        codes = list(dict.fromkeys(c.strip() for c in customer_codes if c and c.strip()))
        plan = [(code, _step_key_for(books, code, as_of, step_key)) for code in codes]
    if not plan:
        return []
    if layout is not None:
        layout = _layout_key(layout)
    folder = archive_dir(books)
    temps: list[tuple[Path, Path]] = []
    issued: list[IssuedLetter] = []
    total = len(plan)
    try:
        with books.db.session() as s:
            rates = _rates(s)
            for n, (code, key) in enumerate(plan):
                progress.step(n, total, f"Letter to {code}")
                built = _build(s, books, code, as_of, key, layout, "", rates)
                doc = built.doc
                cur = doc.currency
                lid = letters_repo.add_letter(
                    s, customer_id=built.customer_id, step_key=built.step.key, template=doc.template,
                    template_version=built.template_version, language=doc.language, layout=built.layout,
                    letter_date=as_of, deadline=doc.deadline, currency=cur,
                    total_claimed=to_minor(doc.total_claimed, cur))
                ref = letter_reference(lid)
                doc = _with_reference(doc, built.text, ref)
                pdf = render_letter(doc, pdf_layout(built.layout))
                rel = archive_name(as_of, code, doc.template, lid)
                final = folder / rel
                if final.exists():
                    raise UserError(f"The letter archive already holds {final}. Move that file away: archived "
                                    "letters are never overwritten.")
                temps.append((_write_temp(final, pdf), final))
                digest = hashlib.sha256(pdf).hexdigest()
                letters_repo.set_archive(s, lid, archive_path=rel, sha256=digest, size=len(pdf),
                                         document_json=document_to_json(doc))
                interest = fixed = ZERO
                for inv, result in built.items:
                    i_int = result.interest if result else ZERO
                    i_fix = result.fixed_compensation if result else ZERO
                    interest, fixed = interest + i_int, fixed + i_fix
                    letters_repo.add_item(
                        s, letter_id=lid, invoice_id=inv.invoice_id, open_amount=to_minor(inv.claimable, cur),
                        interest=to_minor(i_int, cur), fixed_compensation=to_minor(i_fix, cur),
                        rule=result.rule_name if result else RuleKind.NONE.value,
                        explanation="\n".join(result.explanation) if result else "")
                col._log_step(books, s, code, built.step.key, as_of, _history_note(ref, built), False, "")
                issued.append(IssuedLetter(
                    lid, ref, code, doc.recipient.legal_name, built.step.key, doc.template, doc.language, built.layout,
                    as_of, doc.deadline, cur, doc.total_claimed, interest, fixed, final, rel, digest, len(pdf),
                    doc.registered_mail))
            progress.step(total, total, "Saving")
    except BaseException:
        for tmp, _final in temps:
            tmp.unlink(missing_ok=True)
        raise
    for tmp, final in temps:
        os.replace(tmp, final)
    return issued


def _with_reference(doc: LetterDocument, text: str, ref: str) -> LetterDocument:
    """The document with its final reference, the wording filled again ($reference may be used)."""
    out = replace(doc, reference=ref)
    if out.statement is not None:
        out = replace(out, statement=replace(out.statement, reference=ref))
    return replace(out, paragraphs=split_paragraphs(fill_template(text, letter_values(out))))


# --- archive: look up, verify, print again ------------------------------------------------------------

@dataclass(frozen=True)
class LetterCheck:
    letter_id: int
    reference: str
    path: Path
    ok: bool
    expected_sha256: str
    actual_sha256: str | None       # None when the file is missing
    message: str


def letter_record(s, letter_id: int) -> LetterRecord:
    rec = letters_repo.get(s, int(letter_id))
    if rec is None:
        raise UserError(f"There is no letter with id {letter_id}. Check the id in the customer's history.")
    return rec


def get_letter(books: Books, letter_id: int) -> LetterRecord:
    with books.db.session() as s:
        return letter_record(s, letter_id)


def letter_items(books: Books, letter_id: int) -> list[letters_repo.LetterItemRecord]:
    with books.db.session() as s:
        letter_record(s, letter_id)
        return letters_repo.items(s, int(letter_id))


def customer_letters(books: Books, code: str) -> list[LetterRecord]:
    with books.db.session() as s:
        cid, _data = col._customer(s, code)
        return letters_repo.for_customer(s, cid)


def letter_path(books: Books, letter_id: int) -> Path:
    with books.db.session() as s:
        rec = letter_record(s, letter_id)
    return archive_dir(books) / rec.archive_path


def verify_letter(books: Books, letter_id: int) -> LetterCheck:
    """Hash the archived file again and compare with the SHA-256 stored when it was issued."""
    with books.db.session() as s:
        rec = letter_record(s, letter_id)
    path = archive_dir(books) / rec.archive_path
    try:
        actual = _sha256_file(path)
    except FileNotFoundError:
        return LetterCheck(rec.id, rec.reference, path, False, rec.sha256, None,
                           f"Letter {rec.reference}: the archived file {path} is missing. Restore it from a backup.")
    if actual == rec.sha256:
        return LetterCheck(rec.id, rec.reference, path, True, rec.sha256, actual,
                           f"Letter {rec.reference} is unchanged (SHA-256 {actual}).")
    return LetterCheck(rec.id, rec.reference, path, False, rec.sha256, actual,
                       f"Letter {rec.reference}: the archived file {path} was changed after it was issued "
                       f"(SHA-256 {actual}, expected {rec.sha256}). Restore the original from a backup.")


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 16), b""):
            h.update(block)
    return h.hexdigest()


def archived_bytes(books: Books, letter_id: int) -> bytes:
    """The exact archived PDF; refuses a file whose SHA-256 no longer matches."""
    check = verify_letter(books, letter_id)
    if not check.ok:
        raise UserError(check.message)
    return check.path.read_bytes()


def render_batch_pdf(books: Books, letter_ids: Iterable[int], offset: tuple[float, float] | None = None) -> bytes:
    """The issued letters in one PDF for printing, each starting on a new page, rendered from the
    frozen documents stored with them (same content as the archive) with the printer offset of the
    settings (or ``offset``). All letters must have the same layout."""
    ids = list(dict.fromkeys(int(i) for i in letter_ids))
    if not ids:
        raise UserError("There are no letters to print. Select at least one letter.")
    with books.db.session() as s:
        recs = [letter_record(s, i) for i in ids]
        settings = _settings(s)
    layouts = sorted({r.layout for r in recs})
    if len(layouts) > 1:
        raise UserError(f"The selected letters use different layouts ({', '.join(layouts)}). "
                        "Print the letters of one layout at a time.")
    docs = [document_from_json(r.document_json) for r in recs]
    off = offset if offset is not None else (settings.offset_dx_mm, settings.offset_dy_mm)
    return render_letters(docs, pdf_layout(layouts[0]), off)


# --- the frozen document as JSON ----------------------------------------------------------------------

_TYPES = {t.__name__: t for t in (L.Party, L.Company, L.LetterInvoiceLine, L.ChargeLine, L.AgingBucket,
                                  L.StatementDocument, L.LetterDocument)}


def _enc(v):
    if is_dataclass(v):
        return {"$t": type(v).__name__, **{f.name: _enc(getattr(v, f.name)) for f in fields(v)}}
    if isinstance(v, Decimal):
        return {"$d": str(v)}
    if isinstance(v, dt.date):
        return {"$date": v.isoformat()}
    if isinstance(v, tuple | list):
        return [_enc(x) for x in v]
    return v


def _dec(v):
    if isinstance(v, list):
        return tuple(_dec(x) for x in v)
    if isinstance(v, dict):
        if "$d" in v:
            return Decimal(v["$d"])
        if "$date" in v:
            return dt.date.fromisoformat(v["$date"])
        cls = _TYPES[v["$t"]]
        return cls(**{k: _dec(x) for k, x in v.items() if k != "$t"})
    return v


def document_to_json(doc: LetterDocument) -> str:
    return json.dumps(_enc(doc), ensure_ascii=False, sort_keys=True)


def document_from_json(text: str) -> LetterDocument:
    if not text:
        raise UserError("This letter was stored without its document; print its archived PDF instead.")
    return _dec(json.loads(text))


# --- history ------------------------------------------------------------------------------------------

def _letters_history(s, customer_id: int) -> list[col.HistoryEntry]:
    out = []
    recs = letters_repo.for_customer(s, customer_id)
    by_id = {r.id: r for r in recs}
    for r in recs:
        what = SUBJECTS["en"].get(r.template, r.template)
        out.append(col.HistoryEntry(r.letter_date, "letter",
                                    f"Letter {r.reference} issued ({what}, {r.template}): claimed "
                                    f"{format_amount(r.total_claimed, r.currency)}, pay by {r.deadline.isoformat()}",
                                    r.total_claimed, None, "letters", 1_000_000 + r.id))
    for e in letters_repo.mail_entries(s, list(by_id)):
        ref = by_id[e.letter_id].reference
        out.append(col.HistoryEntry(e.date, f"mail_{e.kind}", _mail_text(ref, e), None, None, "letters",
                                    2_000_000 + e.id))
    return out


def _mail_text(ref: str, e) -> str:
    via = ", ".join(x for x in (e.carrier, e.service) if x)
    if e.kind == "posted":
        return f"Letter {ref} posted" + (f" ({via})" if via else "") + f", tracking {e.tracking_number}"
    if e.kind == "delivered":
        return f"Letter {ref} delivered" + (f", signed by {e.signed_by}" if e.signed_by else "")
    if e.kind == "returned":
        return f"Letter {ref} returned undelivered" + (f": {e.note}" if e.note else "")
    if e.kind == "receipt":
        return f"Letter {ref}: receipt scan attached ({e.note or 'receipt'})"
    return f"Letter {ref}: correction of entry {e.corrects_id}" + (f": {e.note}" if e.note else "")


col.register_history_source("letters", _letters_history)


__all__ = ["DEADLINE_DAYS_KEY", "IssuedLetter", "LAYOUT_KEY", "LAYOUT_KEYS", "LetterCandidate", "LetterCheck",
           "LetterSettings", "OFFSET_DX_KEY", "OFFSET_DY_KEY", "STATEMENT_KEY", "TEMPLATE_KEY", "archive_dir",
           "archive_name", "archived_bytes", "build_letter", "calibration_pdf", "customer_letters",
           "document_from_json", "document_to_json", "get_letter", "issue_letters", "letter_candidates",
           "letter_items", "letter_path", "letter_settings", "next_step_text", "pdf_layout", "preview_letter",
           "preview_template", "render_batch_pdf", "set_letter_settings", "set_template_text",
           "template_placeholders", "template_text", "template_version", "verify_letter"]
