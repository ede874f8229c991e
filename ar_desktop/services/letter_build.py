"""Building a collection letter from the books: the invoices it claims, the charges on them, the
facts of the record it may mention (earlier steps, registered mailings, charges), the subject and
the wording. Nothing is stored here; :mod:`services.letter_issue` issues what this builds.

A customer the program cannot write to is not an error of the whole batch: :class:`SkipLetter`
says why (nothing to claim, no postal address, a missing reference rate, a character the letter
fonts cannot print), and the batch goes on with the others.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal

from ar_desktop.domain import letters as L
from ar_desktop.domain.errors import UserError
from ar_desktop.domain.ladder import ActionKind, Ladder, Step
from ar_desktop.domain.charge_rules import ChargeRule, RuleKind
from ar_desktop.domain.late_charges import ChargeResult
from ar_desktop.domain.epc_qr import epc_payload
from ar_desktop.domain.letter_facts import LetterFacts, StepTaken, fact_values, money_text, short_date
from ar_desktop.domain.letter_template import render as render_wording
from ar_desktop.domain.letters import ChargeLine, LetterDocument, LetterInvoiceLine, Party, build_statement
from ar_desktop.domain.money import ZERO, round_money
from ar_desktop.domain.next_step import collection_status
from ar_desktop.domain.records import parse_date
from ar_desktop.domain.reference_rates import MissingRate
from ar_desktop.domain.text import Text, translate
from ar_desktop.services import collection_input, collection_ladders, collection_settings, worklist
from ar_desktop.services import ladder_days
from ar_desktop.services.context import Books
from ar_desktop.services.late_charges import _company_rule, _rates, _rule_for, charge_for
from ar_desktop.services.letter_parties import company_party, recipient_party
from ar_desktop.services.letter_settings import (_check_wording, _layout_key, _settings, _template_text, next_action_text,
                                                 pdf_layout, subject_for, template_version)
from ar_desktop.storage import collections_repo, letters_repo
from ar_desktop.storage.letters_repo import ChargeInvoice

_ZH_RULES = {
    RuleKind.CONTRACT_DAILY: "约定逾期利息，每日{rate}%",
    RuleKind.CONTRACT_ANNUAL: "约定逾期利息，年利率{rate}%",
    RuleKind.CONTRACT_TIERED: "约定阶梯式滞纳金：{rate}",
    RuleKind.STATUTORY_EU: "欧盟法定逾期利息（欧洲央行主要再融资利率加8个百分点）",
    RuleKind.STATUTORY_DE: "德国法定逾期利息（基准利率加9个百分点，《德国民法典》第288条）",
    RuleKind.STATUTORY_UK: "英国法定逾期利息（英格兰银行基准利率加8个百分点）",
}
# Skip codes (stable: the window and the command line show the reason, tests look at the code).
NOTHING_TO_CLAIM, NO_ADDRESS, MISSING_RATE, CHARGE_RULE, UNPRINTABLE = (
    "nothing_to_claim", "no_address", "missing_rate", "charge_rule", "unprintable")


class SkipLetter(UserError):
    """This customer gets no letter now; ``code`` says why (the message says what to do)."""

    def __init__(self, code: str, message: Text | str):
        self.code = code
        super().__init__(message)


@dataclass(frozen=True)
class Built:
    doc: LetterDocument
    customer_id: int
    step: Step
    layout: str                                     # din-a | din-b | us-10 | plain
    template_version: str
    text: str                                       # the template wording used
    items: tuple[tuple[ChargeInvoice, ChargeResult | None], ...]


def next_step_text(ladder: Ladder, step: Step, language: str) -> str:
    """What happens if the letter is not paid: the ladder step after ``step`` in words (a notice
    before legal action or before the hand-over to an agency announces its own step)."""
    return next_action_text(_next_action(ladder, step), language)


def _next_action(ladder: Ladder, step: Step) -> ActionKind | None:
    if step.template in ("legal_notice", "agency_notice"):
        return step.action
    after = ladder.after(step)
    return after[0].action if after else None


def letter_step(ladder: Ladder, key: str, name: str) -> Step:
    step = ladder.get(key)
    if step is None:
        raise UserError(Text(translate("Messages", "'{key}' is not a step of {name}'s collection ladder. Use one "
                                                   "of: {keys}."), key=key, name=name, keys=', '.join(ladder.keys)))
    if not step.is_letter:
        letters = [s.key for s in ladder if s.is_letter]
        raise UserError(Text(translate("Messages", "The step '{key}' of {name}'s ladder sends no letter. Choose a "
                                                   "letter step: {letters}."),
                             key=key, name=name, letters=', '.join(letters)))
    return step


def _zh_tiers(rule) -> str:
    """'逾期第1至30天每日0.05%，第31至60天每日0.08%，第61天起每日0.1%'."""
    parts, first = [], 1
    for t in rule.tiers:
        days = f"第{first}天起" if t.last_day is None else f"第{first}至{t.last_day}天"
        parts.append(f"{days}每日{t.rate_percent.normalize():f}%")
        first = (t.last_day or 0) + 1
    return "逾期" + "，".join(parts)


def _charge_line(inv: ChargeInvoice, r: ChargeResult, language: str, us: bool) -> ChargeLine:
    """The rule and the arithmetic of one invoice's charges, in the letter's one amount style and
    its date style ('EUR 1,234.50', '1,234.50欧元'; '10 Feb 2026', US 'Feb 10, 2026')."""
    def amount(value: Decimal) -> str:
        return money_text(value, r.currency, language)

    def day(value: dt.date) -> str:
        return short_date(value, language, us)

    lines = []
    for p in r.periods:
        rate = f"{p.rate_percent.normalize():f}"
        if language == "zh":
            unit = f"{p.days}天" if p.rate_unit == "day" else f"{p.days}/{p.day_basis}"
            lines.append(f"{day(p.start)}至{day(p.end)}：{amount(p.balance)} × {rate}% × {unit} = "
                         f"{amount(p.interest_display)}")
        else:
            unit = f"{p.days} days" if p.rate_unit == "day" else f"{p.days} / {p.day_basis}"
            lines.append(f"{day(p.start)} to {day(p.end)}: {amount(p.balance)} x {rate} % x {unit} = "
                         f"{amount(p.interest_display)}")
    if language == "zh":
        rule = r.rule
        desc = _ZH_RULES[rule.kind].format(rate=_zh_tiers(rule) if rule.tiers else
                                           rule.rate_percent.normalize() if rule.rate_percent else "")
    else:
        desc = r.rule.describe()
    return ChargeLine(inv.number, desc, tuple(lines), r.interest, r.fixed_compensation)


def _per_day(results: list[ChargeResult], as_of: dt.date, currency: str) -> Decimal | None:
    """The interest one more day adds on the invoices still open on the letter date."""
    total = ZERO
    for r in results:
        if not r.periods or r.cleared_on is not None or r.periods[-1].end != as_of:
            continue
        p = r.periods[-1]
        total += p.balance * p.rate_percent / Decimal(100) / (p.day_basis or 1)
    value = round_money(total, currency)
    return value if value > 0 else None


def _steps_taken(s, cid: int, ladder: Ladder, history, since: dt.date | None, as_of: dt.date) -> tuple[StepTaken, ...]:
    """The ladder steps done (not skipped) in this episode up to the letter date, with the letters
    the program issued for them and their posting by registered mail when the mail log has it."""
    from ar_desktop.services.registered_mail import _status   # registered_mail imports this module's callers

    if since is None:
        return ()
    issued = {}
    for rec in letters_repo.for_customer(s, cid):
        if since <= rec.letter_date <= as_of:
            issued[(rec.step_key, rec.letter_date)] = rec
    out = []
    for r in sorted(history, key=lambda r: r.done_on):
        step = ladder.get(r.step_key)
        if r.skipped or step is None or not since <= r.done_on <= as_of:
            continue
        rec = issued.get((r.step_key, r.done_on))
        posted_on, service, tracking = None, "", ""
        if rec is not None:
            st = _status(s, rec.id)
            if st.posted_on is not None and st.tracking_number:
                posted_on, tracking = st.posted_on, st.tracking_number
                service = " ".join(x for x in (st.carrier, st.service) if x)
        out.append(StepTaken(r.step_key, step.action.value, r.done_on, rec.reference if rec else "", posted_on,
                             service, tracking))
    return tuple(out)


def _check_address(recipient: Party) -> None:
    if not recipient.address_lines and not recipient.city:
        raise SkipLetter(NO_ADDRESS, Text(translate(
            "Messages", "{name} has no postal address. Add the street and city in the customer's details."),
            name=recipient.legal_name))


def _check_printable(doc: LetterDocument) -> None:
    from ar_desktop.pdf.fonts import undrawable

    fields = {"customer": (doc.recipient.legal_name, doc.recipient.contact_person, *doc.recipient.address_lines,
                           doc.recipient.city, doc.recipient.postcode),
              "company": (doc.company.legal_name, *doc.company.address_lines, doc.company.city,
                          doc.company.signer_name, doc.company.signer_title, doc.company.bank_name),
              "wording": doc.paragraphs,
              "invoices": tuple(i.number for i in doc.invoices) + (doc.contract_ref,)}
    for where, texts in fields.items():
        bad = sorted({ch for t in texts if t for ch in undrawable(t, doc.language)})
        if bad:
            shown = " ".join(f"'{ch}' (U+{ord(ch):04X})" for ch in bad[:5])
            raise SkipLetter(UNPRINTABLE, Text(translate(
                "Messages", "The letter to {name} would contain characters the letter fonts cannot print: {chars} "
                            "(in the {where} details). Replace them, e.g. remove emoji, and build the letter again."),
                name=doc.recipient.legal_name, chars=shown, where=where))


def build(s, books: Books, code: str, as_of: dt.date, step_key: str, layout: str | None, reference: str,
          rates=None) -> Built:
    """The letter of ``step_key`` to customer ``code`` dated ``as_of`` (inside a session);
    SkipLetter when the program cannot write it."""
    cid, data = collection_input.customer_by_code(s, code)
    settings = _settings(s)
    layout = _layout_key(layout or settings.layout)
    ladder = collection_ladders.ladder_of(s, cid, data.credit_class)
    step = letter_step(ladder, step_key, data.name)
    language = data.language if data.language in L.LANGUAGES else "en"
    recipient = recipient_party(data)
    _check_address(recipient)
    rates = rates if rates is not None else _rates(s)
    currency = data.currency
    all_invoices = [i for i in letters_repo.charge_invoices(s, as_of, [cid], only_due_before=False)
                    if i.currency == currency and i.open_amount > 0]
    by_due = sorted(all_invoices, key=lambda i: (i.due_date, i.number))
    overdue = [i for i in by_due if i.due_date < as_of]
    claimable = [i for i in overdue if i.claimable > 0]
    template = step.template
    pre_due = False
    if not claimable:
        window = ladder.pre_due_days
        coming = [i for i in by_due if as_of <= i.due_date <= as_of + dt.timedelta(days=window) and i.claimable > 0]
        if step.action is ActionKind.COURTESY_REMINDER and coming:
            pre_due, template, claimable = True, "courtesy_reminder", coming
        else:
            raise SkipLetter(NOTHING_TO_CLAIM, Text(translate(
                "Messages", "{name} has no overdue, undisputed open invoice in {currency} on {date}: there is "
                            "nothing to claim in a letter."), name=data.name, currency=currency,
                date=as_of.isoformat()))
    elif template == "courtesy_reminder":
        template = "reminder"        # something is overdue already: a reminder, not a friendly note
    wholly = tuple(LetterInvoiceLine(i.number, i.issue_date, i.due_date, (as_of - i.due_date).days, i.gross, i.paid,
                                     i.open_amount, i.disputed_part, i.dispute_reason)
                   for i in overdue if i.claimable <= 0)

    us = _layout_key(layout) == "us-10" and language == "en"
    default_rule = _company_rule(s)
    cache: dict = {}
    items, lines, charges, results = [], [], [], []
    for inv in claimable:
        result = None
        if not pre_due:
            try:
                rule: ChargeRule = _rule_for(default_rule, inv, cache)
                result = charge_for(inv, rule, as_of, rates) if rule.kind is not RuleKind.NONE else None
            except MissingRate as e:
                raise SkipLetter(MISSING_RATE, e.message) from None
            except UserError as e:
                raise SkipLetter(CHARGE_RULE, e.message) from None
        items.append((inv, result))
        lines.append(LetterInvoiceLine(inv.number, inv.issue_date, inv.due_date, (as_of - inv.due_date).days,
                                       inv.gross, inv.paid, inv.open_amount, inv.disputed_part, inv.dispute_reason))
        if result is not None and result.total > 0:
            charges.append(_charge_line(inv, result, language, us))
            results.append(result)
    total = round_money(sum((x.claimed for x in lines), ZERO) + sum((c.total for c in charges), ZERO), currency)
    refs = sorted({i.reference for i in claimable if i.reference})
    contract_ref = ", ".join(refs) if refs else ", ".join(i.number for i in claimable)

    ci = collections_repo.collection_inputs(s, as_of, [cid])[cid]
    status = collection_status(ladder, ci.invoices, ci.history, as_of,
                               days=ladder_days.day_count(s, collection_settings.settings_in(s).working_days))
    since = status.steps_from if status is not None else None
    action = _next_action(ladder, step)
    facts = LetterFacts(
        steps=_steps_taken(s, cid, ladder, ci.history, since, as_of), pre_due=pre_due,
        falling_due=claimable[0].due_date if pre_due else None,
        interest_per_day=_per_day(results, as_of, currency),
        legal_bases=tuple(sorted({r.rule.kind.value for r in results})),
        next_action=action.value if action else None)
    text = _template_text(s, language, template)
    company = company_party(s)
    doc = LetterDocument(
        company=company, recipient=recipient, language=language, template=template, letter_date=as_of,
        reference=reference, subject=subject_for(template, action, language), contract_ref=contract_ref,
        invoices=tuple(lines), total_claimed=total, currency=currency,
        deadline=as_of + dt.timedelta(days=settings.deadline_days), next_step=next_action_text(action, language),
        charges=tuple(charges), registered_mail=step.registered_mail and not pre_due,
        statement_attached=settings.statement_attached, wholly_disputed=wholly, facts=facts,
        date_style="us" if us else "", endorsement=_endorsement(company.country, language))
    if settings.statement_attached:
        doc = replace(doc, statement=build_statement(
            company, recipient, language, as_of, currency,
            [LetterInvoiceLine(i.number, i.issue_date, i.due_date, (as_of - i.due_date).days, i.gross, i.paid,
                               i.open_amount) for i in by_due], reference=reference, customer_number=data.code))
    doc = with_wording(replace(doc, retention_of_title=tuple(i.number for i in claimable if i.retention_of_title)),
                       text)
    _check_printable(doc)
    doc = replace(doc, payment_qr=payment_qr(doc))
    return Built(doc, cid, step, layout, template_version(text), text, tuple(items))


def _with_retention_of_title(doc: LetterDocument) -> LetterDocument:
    """The notices before legal action and before the hand-over to an agency remind the customer
    that goods delivered under retention of title remain the creditor's and may be reclaimed (a
    paragraph of its own, after the template's wording, so an edited template cannot lose it)."""
    numbers = doc.retention_of_title
    if doc.template not in ("legal_notice", "agency_notice") or not numbers:
        return doc
    if doc.language == "zh":
        text = (f"发票{'、'.join(numbers)}项下货物系在保留所有权条件下交付：在货款全部付清之前，该等货物仍归我司所有，"
                "我司有权取回。")
    else:
        which = f"invoice {numbers[0]}" if len(numbers) == 1 else f"invoices {', '.join(numbers)}"
        text = (f"The goods delivered under {which} were supplied under retention of title: they remain our "
                "property until paid in full, and we may reclaim them.")
    return replace(doc, paragraphs=(*doc.paragraphs, text))


def payment_qr(doc: LetterDocument) -> str:
    """The EPC QR payload for a EUR letter from a company with a valid IBAN (python-stdnum checks
    it); empty otherwise, and for a courtesy note (nothing is claimed)."""
    from stdnum import iban as iban_number

    if doc.currency != "EUR" or doc.template == "courtesy_reminder" or not iban_number.is_valid(doc.company.iban or ""):
        return ""
    text = f"{doc.reference} {doc.contract_ref}".strip()
    return epc_payload(doc.company.account_holder or doc.company.legal_name, doc.company.iban, doc.company.bic,
                       doc.total_claimed, text) or ""


def _endorsement(country: str, language: str) -> str:
    from ar_desktop.services.registered_mail import endorsement_for   # it imports this module's callers

    return endorsement_for(country, language)


def with_wording(doc: LetterDocument, text: str) -> LetterDocument:
    """The document with its paragraphs worded from ``text`` and the document's facts."""
    return _with_retention_of_title(replace(doc, paragraphs=L.split_paragraphs(render_wording(text, fact_values(doc)))))


def step_key_for(books: Books, code: str, as_of: dt.date, step_key: str | None) -> str:
    if step_key:
        return step_key.strip()
    row = worklist.customer_status(books, code, as_of)
    if row is None or row.next_step is None:
        raise UserError(Text(translate("Messages", "Customer {code} needs no collection step on {as_of}. Choose "
                                                   "the letter step to send (e.g. reminder or demand_letter)."),
                             code=code, as_of=as_of.isoformat()))
    return row.next_step


def draft_reference(s, code: str) -> str:
    _cid, data = collection_input.customer_by_code(s, code)
    return "草稿" if data.language == "zh" else "DRAFT"


def build_letter(books: Books, customer_code: str, as_of: dt.date, step_key: str | None = None,
                 layout: str | None = None) -> LetterDocument:
    """The letter for ``customer_code`` dated ``as_of``: its overdue undisputed open invoices (or,
    for a courtesy note, the invoices falling due), the late charges on them, the payment deadline,
    what happens next and the facts of the record it mentions. ``step_key`` None = the customer's
    next ladder step (which must be a letter step). The reference reads 'DRAFT' until issued."""
    as_of = parse_date(as_of, "letter date")
    key = step_key_for(books, customer_code, as_of, step_key)
    with books.db.session() as s:
        return build(s, books, customer_code, as_of, key, layout, draft_reference(s, customer_code)).doc


def preview_letter(books: Books, customer_code: str, as_of: dt.date, step_key: str | None = None,
                   layout: str | None = None, offset: tuple[float, float] | None = None) -> bytes:
    """The PDF of the letter, rendered without storing anything."""
    from ar_desktop.pdf.letters import render_letter

    as_of = parse_date(as_of, "letter date")
    key = step_key_for(books, customer_code, as_of, step_key)
    with books.db.session() as s:
        built = build(s, books, customer_code, as_of, key, layout, draft_reference(s, customer_code))
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
    pre_due: bool = False            # a courtesy note: nothing is overdue yet
    disputed_amount: Decimal = ZERO


def letter_candidates(books: Books, as_of: dt.date) -> list[LetterCandidate]:
    """Customers whose next step, due on ``as_of``, is a letter (from the collections worklist)."""
    as_of = parse_date(as_of, "letter date")
    rows = [r for r in worklist.worklist(books, as_of) if r.state == "action_due" and r.status.next_step is not None
                 and r.status.next_step.is_letter]
    out = [LetterCandidate(r.customer_code, r.customer_name, r.next_step, r.next_step_name,
                           r.status.next_step.template, r.status.next_step.registered_mail, r.overdue_amount,
                           r.currency, r.state, pre_due=r.overdue_amount <= 0,
                           disputed_amount=r.status.disputed_amount) for r in rows]
    out.sort(key=lambda c: c.customer_code)
    return out


__all__ = ["Built", "LetterCandidate", "SkipLetter", "address_lines", "build", "build_letter", "company_party",
           "letter_candidates", "letter_step", "next_step_text", "preview_letter", "recipient_party",
           "with_wording", "SUBJECTS"]


_SAMPLE_RECIPIENT = {
    "en": Party("Sample Customer Ltd", ("1 Example Street",), "AB1 2CD", "Sampletown", "GB",
                contact_person="Alex Example"),
    "zh": Party("示例客户有限公司", ("示例路1号",), "200000", "上海", "CN", contact_person="张三"),
}


def preview_template(books: Books, language: str, template: str, text: str | None = None,
                     layout: str | None = None) -> bytes:
    """A sample letter worded with ``text`` (default: the wording in use): the company's own
    letterhead, a made-up customer with two overdue invoices, dated today. Nothing is stored;
    the wording is checked as by :func:`set_template_text`."""
    from ar_desktop.pdf.letters import render_letter

    L.template_path(language, template)
    if text is not None:
        _check_wording(text)
    today = books.today()
    with books.db.session() as s:
        settings = _settings(s)
        company = company_party(s)
        wording = text if text is not None else _template_text(s, language, template)
    currency = "CNY" if language == "zh" else "EUR"
    pre_due = template == "courtesy_reminder"
    ages = ((-3, "1200.00"), (-10, "850.50")) if pre_due else ((45, "1200.00"), (21, "850.50"))
    invoices = tuple(LetterInvoiceLine(f"SAMPLE-{1001 + n}", today - dt.timedelta(days=age + 30),
                                       today - dt.timedelta(days=age), age, Decimal(amount))
                     for n, (age, amount) in enumerate(ages))
    following = {"courtesy_reminder": ActionKind.REMINDER, "reminder": ActionKind.DEMAND_LETTER,
                 "demand_letter": ActionKind.FINAL_NOTICE, "final_notice": ActionKind.LEGAL_ACTION,
                 "legal_notice": ActionKind.LEGAL_ACTION, "agency_notice": ActionKind.AGENCY}[template]
    doc = LetterDocument(
        company=company, recipient=_SAMPLE_RECIPIENT[language], language=language, template=template,
        letter_date=today, reference="草稿" if language == "zh" else "DRAFT",
        subject=subject_for(template, following, language), contract_ref="PO-4711", invoices=invoices,
        total_claimed=sum((i.open_amount for i in invoices), ZERO), currency=currency,
        deadline=today + dt.timedelta(days=settings.deadline_days), next_step=next_action_text(following, language),
        registered_mail=template not in ("reminder", "courtesy_reminder"),
        facts=LetterFacts(pre_due=pre_due, falling_due=min(i.due_date for i in invoices) if pre_due else None,
                          next_action=following.value))
    return render_letter(with_wording(doc, wording), pdf_layout(layout or settings.layout))
