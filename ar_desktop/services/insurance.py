"""Credit insurance use cases: policies, insured limits (every decision kept), insurer events,
the insurance report as of a date and the warnings before a new invoice (docs/credit-risk.md)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ar_desktop.domain import insurance as ins
from ar_desktop.domain.errors import UserError
from ar_desktop.domain.insurance import InsurancePosition, InsuredLimit, InsurerEvent, Policy
from ar_desktop.domain.money import from_minor, parse_amount, to_minor
from ar_desktop.domain.records import parse_date
from ar_desktop.domain.text import Text, translate
from ar_desktop.services.collection_input import customer_by_code
from ar_desktop.services.context import Books
from ar_desktop.storage import company_repo, credit_repo
from ar_desktop.storage.credit_repo import LimitRecord

MAX_NOTE = 2000


@dataclass(frozen=True)
class PolicyInfo:
    id: int
    policy: Policy


@dataclass(frozen=True)
class InsuranceRow:
    """One customer with an insured limit ever, or an open balance, as of a date."""

    customer_id: int
    customer_code: str
    customer_name: str
    currency: str
    policy_number: str
    insurer: str
    reference: str
    position: InsurancePosition
    claim_filed_on: dt.date | None
    indemnified: Decimal | None


@dataclass(frozen=True)
class LimitHistoryRow:
    id: int
    policy_number: str
    decision: InsuredLimit


# --- parsing -----------------------------------------------------------------------------------------

def _days(value, what: Text, *, optional: bool = False) -> int | None:
    text = str(value if value is not None else "").strip()
    if optional and text == "":
        return None
    if not text.isdigit():
        raise UserError(Text(translate("Messages", "The {what} '{value}' must be a whole number of days, e.g. 60."),
                             what=what, value=value))
    return int(text)


def _percent(value) -> Decimal:
    text = str(value if value is not None else "").strip().rstrip("%").strip()
    try:
        pct = Decimal(text)
    except InvalidOperation:
        raise UserError(Text(translate("Messages", "The indemnity percentage '{value}' is not a number. Type it "
                                                   "as on the policy, e.g. 90."), value=value)) from None
    if not pct.is_finite():
        raise UserError(Text(translate("Messages", "The indemnity percentage '{value}' is not a number. Type it "
                                                   "as on the policy, e.g. 90."), value=value))
    return pct


def _day(books: Books, value, what: Text, *, allow_future: bool = False) -> dt.date:
    day = parse_date(value, str(what))
    if not allow_future and day > books.today():
        raise UserError(Text(translate("Messages", "The {what} {date} is in the future (today is {today}). Enter "
                                                   "the day it happened."),
                             what=what, date=day.isoformat(), today=books.today().isoformat()))
    return day


def make_policy(insurer: str, number: str, indemnity, max_extension, notify_within, transfer_within,
                max_credit_days=None, discretionary=None, currency: str = "EUR") -> Policy:
    return Policy(
        insurer=(insurer or "").strip(), number=(number or "").strip(), indemnity_percent=_percent(indemnity),
        max_extension_days=_days(max_extension, Text(translate("Messages", "maximum extension period"))),
        notify_within_days=_days(notify_within, Text(translate("Messages", "notification period"))),
        transfer_within_days=_days(transfer_within, Text(translate("Messages", "transfer-of-collection period"))),
        max_credit_days=_days(max_credit_days, Text(translate("Messages", "maximum credit period")), optional=True),
        discretionary_limit=None if discretionary in (None, "") else parse_amount(discretionary, currency))


# --- policies ----------------------------------------------------------------------------------------

def add_policy(books: Books, insurer: str, number: str, indemnity, max_extension, notify_within, transfer_within,
               max_credit_days=None, discretionary=None) -> int:
    with books.db.session() as s:
        currency = company_repo.get(s).currency
        policy = make_policy(insurer, number, indemnity, max_extension, notify_within, transfer_within,
                             max_credit_days, discretionary, currency)
        if credit_repo.policy_id_by_number(s, policy.number) is not None:
            raise UserError(Text(translate("Messages", "Policy {number} is already recorded. Edit it instead of "
                                                       "adding it again."), number=policy.number))
        return credit_repo.add_policy(s, policy, currency)


def update_policy(books: Books, policy_id: int, insurer: str, number: str, indemnity, max_extension, notify_within,
                  transfer_within, max_credit_days=None, discretionary=None) -> None:
    with books.db.session() as s:
        currency = company_repo.get(s).currency
        policy = make_policy(insurer, number, indemnity, max_extension, notify_within, transfer_within,
                             max_credit_days, discretionary, currency)
        clash = credit_repo.policy_id_by_number(s, policy.number)
        if clash is not None and clash != policy_id:
            raise UserError(Text(translate("Messages", "Policy {number} is already recorded. Edit it instead of "
                                                       "adding it again."), number=policy.number))
        credit_repo.update_policy(s, policy_id, policy, currency)


def policies(books: Books) -> list[PolicyInfo]:
    with books.db.session() as s:
        return [PolicyInfo(i, p) for i, p in credit_repo.policies(s, company_repo.get(s).currency).items()]


def _pick_policy(s, number: str | None) -> tuple[int, Policy]:
    all_policies = credit_repo.policies(s, company_repo.get(s).currency)
    if not all_policies:
        raise UserError(Text(translate("Messages", "No credit insurance policy is recorded. Add the policy first "
                                                   "(insurer, number, indemnity and periods).")))
    if number:
        for pid, p in all_policies.items():
            if p.number == number.strip():
                return pid, p
        raise UserError(Text(translate("Messages", "There is no policy number {number}. Use one of: {numbers}."),
                             number=number, numbers=", ".join(p.number for p in all_policies.values())))
    if len(all_policies) > 1:
        raise UserError(Text(translate("Messages", "This file holds several policies: say which one covers the "
                                                   "customer ({numbers})."),
                             numbers=", ".join(p.number for p in all_policies.values())))
    return next(iter(all_policies.items()))



# --- insured limits ------------------------------------------------------------------------------------

def insure(books: Books, code: str, limit, valid_from, valid_until=None, reference: str = "",
           policy_number: str | None = None) -> int:
    """Record the insurer's decision on a customer's limit (0 withdraws the cover). A new decision
    replaces the earlier ones from its date; the history keeps them all."""
    with books.db.session() as s:
        cid, data = customer_by_code(s, code)
        pid, policy = _pick_policy(s, policy_number)
        amount = parse_amount(limit, data.currency)
        start = _day(books, valid_from, Text(translate("Messages", "decision date")), allow_future=True)
        until = None if valid_until in (None, "") else \
            _day(books, valid_until, Text(translate("Messages", "end of the limit")), allow_future=True)
        decision = InsuredLimit(amount, start, until, (reference or "").strip())
        ins.check_limit(decision, policy)
        return credit_repo.add_limit(s, customer_id=cid, policy_id=pid, amount=to_minor(amount, data.currency),
                                     valid_from=start, valid_until=until, reference=decision.reference)


def limit_history(books: Books, code: str) -> list[LimitHistoryRow]:
    with books.db.session() as s:
        cid, _data = customer_by_code(s, code)
        numbers = {pid: p.number for pid, p in credit_repo.policies(s, company_repo.get(s).currency).items()}
        return [LimitHistoryRow(r.id, numbers.get(r.policy_id, ""), r.decision)
                for r in credit_repo.limits(s, [cid]).get(cid, [])]


# --- insurer events ------------------------------------------------------------------------------------

def record_insurer_event(books: Books, code: str, kind: str, date, amount=None, note: str = "") -> int:
    kind = (kind or "").strip()
    if kind not in ins.EVENT_KINDS:
        raise UserError(Text(translate("Messages", "'{kind}' is not an insurer event. Use notified, transferred, "
                                                   "claim_filed or indemnified."), kind=kind))
    note = (note or "").strip()
    if len(note) > MAX_NOTE:
        raise UserError(Text(translate("Messages", "The note is longer than {most} characters. Shorten it."),
                             most=MAX_NOTE))
    with books.db.session() as s:
        cid, data = customer_by_code(s, code)
        day = _day(books, date, Text(translate("Messages", "date of the event")))
        records = credit_repo.limits(s, [cid]).get(cid, [])
        if not records:
            raise UserError(Text(translate("Messages", "{name} has no insured limit; there is nothing to report to "
                                                       "an insurer. Record the insured limit first."),
                                 name=data.name))
        if kind in ins.EVENTS_WITH_AMOUNT and amount in (None, ""):
            raise UserError(Text(translate("Messages", "Enter the amount of the claim or of the indemnity "
                                                       "received.")))
        value = None if amount in (None, "") else parse_amount(amount, data.currency, allow_zero=False)
        policy_id = _record_in_force(records, day).policy_id
        return credit_repo.add_insurer_event(s, customer_id=cid, policy_id=policy_id, kind=kind, date=day,
                                             amount=None if value is None else to_minor(value, data.currency),
                                             note=note)


def _record_in_force(records: list[LimitRecord], day: dt.date) -> LimitRecord:
    decided = [r for r in records if r.decision.valid_from <= day] or records
    return max(decided, key=lambda r: (r.decision.valid_from, r.id))


# --- the report --------------------------------------------------------------------------------------------

def _positions(s, as_of: dt.date, customer_ids=None) -> list[InsuranceRow]:
    currency = company_repo.get(s).currency
    pols = credit_repo.policies(s, currency)
    all_limits = credit_repo.limits(s, customer_ids)
    open_units: dict[int, int] = {}
    oldest: dict[int, dt.date] = {}
    for item in credit_repo.open_items(s, as_of, customer_ids):
        open_units[item.customer_id] = open_units.get(item.customer_id, 0) + item.open_units
        if item.customer_id not in oldest or item.due_date < oldest[item.customer_id]:
            oldest[item.customer_id] = item.due_date
    ids = set(all_limits) | set(open_units)
    infos = credit_repo.customer_infos(s, ids)
    events = credit_repo.insurer_events(s, ids)
    out = []
    for cid in ids:
        info = infos[cid]
        records = all_limits.get(cid, [])
        in_force = ins.limit_on([r.decision for r in records], as_of)
        rec = next((r for r in records if r.decision is in_force), None)
        policy = pols.get(rec.policy_id) if rec else None
        evs = [e for _i, e, _n in events.get(cid, [])]
        exposure = from_minor(open_units.get(cid, 0), info.currency)
        position = ins.insurance_position(policy, in_force, exposure, oldest.get(cid), evs, as_of, info.currency)
        case = [e for e in evs if e.date <= as_of and (position.oldest_unpaid_due is None
                                                       or e.date >= position.oldest_unpaid_due)]
        claim = min((e.date for e in case if e.kind == ins.CLAIM_FILED), default=None)
        paid = [e.amount for e in case if e.kind == ins.INDEMNIFIED and e.amount is not None]
        shown = rec or (records[-1] if records else None)
        shown_policy = pols.get(shown.policy_id) if shown else None
        out.append(InsuranceRow(cid, info.code, info.name, info.currency, shown_policy.number if shown_policy else "",
                                shown_policy.insurer if shown_policy else "", shown.decision.reference if shown else "",
                                position, claim, sum(paid, Decimal(0)) if paid else None))
    out.sort(key=lambda r: r.customer_code)
    return out


def insurance_report(books: Books, as_of: dt.date) -> list[InsuranceRow]:
    """Every customer with an insured limit ever or an open balance as of ``as_of``, by code."""
    with books.db.session() as s:
        return _positions(s, as_of)


def insurance_of(books: Books, code: str, as_of: dt.date) -> InsuranceRow | None:
    with books.db.session() as s:
        cid, _data = customer_by_code(s, code)
        rows = _positions(s, as_of, [cid])
    return rows[0] if rows else None


def insurer_events(books: Books, code: str) -> list[tuple[int, InsurerEvent, str]]:
    with books.db.session() as s:
        cid, _data = customer_by_code(s, code)
        return credit_repo.insurer_events(s, [cid]).get(cid, [])


def new_invoice_warnings(books: Books, code: str, amount, issue_date: dt.date | None = None,
                         due_date: dt.date | None = None) -> list[Text]:
    """Warnings before a new invoice to an insured customer: deliveries no longer covered (an
    invoice unpaid beyond the maximum extension period), the exposure going over the insured
    limit, or credit terms longer than the policy covers."""
    with books.db.session() as s:
        cid, data = customer_by_code(s, code)
        value = parse_amount(amount, data.currency, allow_zero=False)
        day = issue_date or books.today()
        rows = _positions(s, day, [cid])
        if not rows:
            return []
        row = rows[0]
        pols = credit_repo.policies(s, company_repo.get(s).currency)
        policy = next((p for p in pols.values() if p.number == row.policy_number), None)
    terms = (due_date - day).days if due_date is not None else data.terms_days
    return ins.new_invoice_warnings(row.position, day, value, terms, policy, data.currency)
