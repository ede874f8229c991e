"""Collections use cases: the worklist, logging what was done, promises, disputes, holds, the
customer's history, ladder and credit settings, credit checks and the reminder e-mail.

The next step is always decided by :func:`ar_desktop.domain.next_step.collection_status`
(docs/collections-rule.md); this module only gathers its inputs and records what happened.
Every use case is one transaction. History is append-only: corrections add events.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ar_desktop.domain.credit import CreditSettings, exceeds_limit, needs_credit_review, suggest_from_behaviour
from ar_desktop.domain.errors import UserError
from ar_desktop.domain.ladder import (CREDIT_CLASSES, Ladder, Step, default_ladder, ladder_in_force, ladder_from_data,
                                      ladder_to_data, step_name_text, validate_ladder)
from ar_desktop.domain.money import format_amount, from_minor, parse_amount, quantum, to_minor
from ar_desktop.domain.next_step import (DEFAULT_GRACE_DAYS, CollectionStatus, status_of,
                                         reached_step_for_invoice, urgency_key)
from ar_desktop.domain.payment_kinds import (CREDIT_NOTE, DISCOUNT, PAYMENT, RECOVERY, REVERSAL, VOID_REVERSAL,
                                            WRITE_OFF, reference_text)
from ar_desktop.domain.payment_plan import (BROKEN, HOLDING, MAX_EVERY_DAYS, MAX_INSTALMENTS, MIN_EVERY_DAYS, OPEN,
                                            missed_instalment, plan_instalments, plan_state, schedule_text)
from ar_desktop.domain.records import PAYMENT_METHODS, CustomerData, parse_date
from ar_desktop.domain.text import (Amount, Template, Text, from_stored, is_stored, name_text, stored, translate,
                                    verbatim)
from ar_desktop.domain.working_days import DayCount
from ar_desktop.services import ladder_days
from ar_desktop.services.context import Books
from ar_desktop.services.setting_keys import GRACE_KEY, LADDER_KEY, WORKING_DAYS_KEY
from ar_desktop.storage import collections_repo, company_repo, customers_repo, invoices_repo
from ar_desktop.storage.collections_repo import CustomerInputs, PlanInputs

CALL_OUTCOMES = ("reached", "no_answer", "promised", "disputed", "refused")
PLAN_STATUS_NAMES = {"open": translate("Messages", "open"), "kept": translate("Messages", "kept"),
                     "broken": translate("Messages", "broken"), "cancelled": translate("Messages", "cancelled")}
MAX_GRACE_DAYS = 90
MAX_NOTE = 4000

REVIEW_PERCENT_KEY = "credit.review_percent"
CREDIT_KEYS = {"a_max_avg_days_late": "credit.a_max_avg_days_late", "a_max_late_share": "credit.a_max_late_share",
               "c_min_avg_days_late": "credit.c_min_avg_days_late", "c_min_late_share": "credit.c_min_late_share"}


# --- results -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class PromiseInfo:
    id: int
    made_on: dt.date
    promised_date: dt.date
    amount: Decimal
    paid_since: Decimal
    status: str  # open | kept | broken (as of the worklist date)


@dataclass(frozen=True)
class PaymentPlanInfo:
    id: int
    starts_on: dt.date
    ends_on: dt.date
    status: str                     # open | kept | broken | cancelled
    note: str
    invoice_numbers: tuple[str, ...]
    instalments: tuple[tuple[dt.date, Decimal], ...]
    total: Decimal
    paid_since: Decimal             # paid to the covered invoices since the start, up to today


@dataclass(frozen=True)
class WorklistRow:
    """One customer needing attention as of a date (see docs/collections-rule.md)."""

    customer_id: int
    customer_code: str
    customer_name: str
    credit_class: str
    currency: str
    overdue_amount: Decimal
    oldest_days_overdue: int
    reached_step: str | None
    reached_step_name: str
    next_step: str | None
    next_step_name: str
    next_step_date: dt.date | None
    state: str                      # action_due | waiting | promised | disputed | on_hold
    last_step: str | None
    last_step_date: dt.date | None
    promise: PromiseInfo | None     # the latest promise made on or before the date
    broken_promise: bool
    hold_until: dt.date | None
    hold_reason: str
    credit_review: bool             # overdue >= review % of the limit, not yet reviewed this episode
    credit_limit: Decimal | None
    suggested_class: str | None     # from invoices paid in the last 12 months
    chased_invoices: tuple[str, ...]
    episode_start: dt.date | None
    status: CollectionStatus = field(repr=False, compare=False)


@dataclass(frozen=True)
class InvoiceWorkRow:
    """One open invoice as of a date (the worklist --by invoice)."""

    invoice_number: str
    customer_code: str
    customer_name: str
    due_date: dt.date
    days_overdue: int               # date - due date; negative before the due date
    open_amount: Decimal
    currency: str
    reached_step: str | None        # the step this invoice reached by its own age
    disputed: bool
    disputed_amount: Decimal = Decimal(0)   # the contested part of the open amount


@dataclass(frozen=True)
class HistoryEntry:
    """One line of a customer's timeline. ``kind`` is an event kind (collection_event.kind),
    'invoice', 'payment', or whatever a registered history source adds (e.g. 'letter')."""

    date: dt.date
    kind: str
    text: str | Text                # what happened, in the reader's language (``str()`` is English)
    amount: Decimal | None = None
    invoice_number: str | None = None
    source: str = "event"           # event | ledger | the name of a registered source
    order: int = 0                  # tie-break within a day (events keep their entry order)
    recorded_at: dt.datetime | None = None  # when it was entered: one day's entries in that order (None: last)


@dataclass(frozen=True)
class CollectionSettings:
    grace_days: int = DEFAULT_GRACE_DAYS
    credit: CreditSettings = CreditSettings()
    working_days: bool = False   # ladder thresholds and waits in working days of the company's country


# --- extension point: more history ----------------------------------------------------------------

# A history source gets the open session and the customer id and returns HistoryEntry items.
# The letters module registers one at import time, e.g.
#     register_history_source("letters", lambda s, customer_id: letters_history(s, customer_id))
HistorySource = Callable[[Any, int], Iterable[HistoryEntry]]
_HISTORY_SOURCES: dict[str, HistorySource] = {}


def register_history_source(name: str, source: HistorySource) -> None:
    """Add entries (e.g. letters sent) to every customer's history; re-registering replaces."""
    _HISTORY_SOURCES[name] = source


# --- helpers -------------------------------------------------------------------------------------

def _customer(s, code: str) -> tuple[int, CustomerData]:
    code = (code or "").strip()
    cid = customers_repo.id_by_code(s, code) if code else None
    if cid is None:
        raise UserError(Text(translate("Messages", "There is no customer with code '{code}'. Check the code in the "
                                                   "customer list."), code=code))
    return cid, customers_repo.get(s, cid)


def _day(books: Books, value: dt.date | str | None, what: str, *, default_today: bool = True,
         allow_future: bool = False) -> dt.date:
    if value is None or value == "":
        if default_today:
            return books.today()
        raise UserError(Text(translate("Messages", "The {what} is empty. Enter a date as YYYY-MM-DD."),
                             what=name_text(what)))
    day = parse_date(value, what)
    if not allow_future and day > books.today():
        raise UserError(Text(translate("Messages", "The {what} {day} is in the future (today is {today}). Enter "
                                                   "the day it happened."),
                             what=name_text(what), day=day.isoformat(), today=books.today().isoformat()))
    return day


def _text(value: str | None, what: str, *, required: bool = False) -> str:
    if is_stored(value):  # a sentence the program wrote (its marker is not space to strip)
        return value
    text = (value or "").strip()
    if required and not text:
        raise UserError(Text(translate("Messages", "The {what} is empty. Type a few words so the history says why."),
                             what=name_text(what)))
    if len(text) > MAX_NOTE:
        raise UserError(Text(translate("Messages", "The {what} is longer than {max_note} characters. Shorten it."),
                             what=name_text(what), max_note=MAX_NOTE))
    return text


def _amount(value: Decimal | str | int, currency: str, what: str) -> Decimal:
    try:
        return parse_amount(value, currency, allow_zero=False)
    except UserError as e:
        raise UserError(Text(translate("Messages", "The {what}: {problem}"), what=name_text(what), problem=e.message)) from None


def _settings(s) -> CollectionSettings:
    """The collection settings, read in one query (the worklist asks once per run)."""
    credit_keys = {"review_percent": REVIEW_PERCENT_KEY, **CREDIT_KEYS}
    stored = company_repo.get_settings(s, [GRACE_KEY, WORKING_DAYS_KEY, *credit_keys.values()])
    base = CreditSettings()
    credit = CreditSettings(**{name: Decimal(str(stored[key])) if stored.get(key) is not None else getattr(base, name)
                               for name, key in credit_keys.items()})
    return CollectionSettings(int(stored.get(GRACE_KEY, DEFAULT_GRACE_DAYS)), credit,
                              bool(stored.get(WORKING_DAYS_KEY, False)))


def _class_ladder(s, credit_class: str) -> Ladder:
    return ladder_in_force(credit_class, None, company_repo.get_setting(s, LADDER_KEY.format(cls=credit_class), None))


def _ladder_of(s, customer_id: int, credit_class: str) -> Ladder:
    own = collections_repo.customer_ladder(s, customer_id)
    return ladder_in_force(credit_class, own) if own is not None else _class_ladder(s, credit_class)


def _check_class(credit_class: str) -> str:
    cls = (credit_class or "").strip().upper()
    if cls not in CREDIT_CLASSES:
        raise UserError(Text(translate("Messages", "'{credit_class}' is not a credit class. Use A, B or C."),
                             credit_class=credit_class))
    return cls


def _steps(steps: Ladder | Iterable[Step | dict]) -> Ladder:
    if isinstance(steps, Ladder):
        return validate_ladder(steps.steps)
    items = list(steps)
    if items and all(isinstance(x, dict) for x in items):
        return ladder_from_data(items)
    return validate_ladder(items)


# --- the worklist --------------------------------------------------------------------------------

def worklist(books: Books, as_of: dt.date) -> list[WorklistRow]:
    """Every customer needing attention as of ``as_of``, most urgent first (urgency_key).

    Only reads: a promise or plan kept or broken by ``as_of`` shows so whether or not its outcome
    is recorded yet (``record_outcomes`` records it)."""
    with books.db.session() as s:
        settings = _settings(s)
        class_ladders = {c: _class_ladder(s, c) for c in CREDIT_CLASSES}
        days = ladder_days.day_count(s, settings.working_days)
        inputs = collections_repo.collection_inputs(s, as_of, grace_days=settings.grace_days)
        rows = []
        for ci in inputs.values():
            row = _row(s, ci, as_of, settings, class_ladders, days, record=False)
            if row is not None:
                rows.append(row)
    rows.sort(key=lambda r: (urgency_key(r.status), r.customer_code))
    return rows


def customer_status(books: Books, code: str, as_of: dt.date) -> WorklistRow | None:
    """The worklist row of one customer (None when it needs no attention on that date). Only reads."""
    with books.db.session() as s:
        cid, _data = _customer(s, code)
        settings = _settings(s)
        class_ladders = {c: _class_ladder(s, c) for c in CREDIT_CLASSES}
        inputs = collections_repo.collection_inputs(s, as_of, [cid], grace_days=settings.grace_days)
        return _row(s, inputs[cid], as_of, settings, class_ladders, ladder_days.day_count(s, settings.working_days),
                    record=False)


def record_outcomes(books: Books, customer_ids: list[int] | None = None) -> bool:
    """Record what today's books say became of the open promises and payment plans (all, or those of
    ``customer_ids``): a broken promise gets status 'broken' and one promise_broken event dated the day
    after its grace period, a kept one status 'kept' and a promise_kept event; a broken plan is ended
    (plan_broken), a plan paid in full is kept (plan_kept).

    The one place these records are written, run on opening a company file and after each payment;
    idempotent, and it writes nothing when nothing is due. Queries never record. Returns whether it wrote."""
    before = books.db.writes
    with books.db.session() as s:
        record_outcomes_in(s, books.today(), customer_ids)
    return books.db.writes != before


def record_outcomes_in(s, today: dt.date, customer_ids: list[int] | None = None) -> None:
    """``record_outcomes`` inside a transaction a use case already holds (e.g. the payment's own)."""
    _reopen_promises(s, today, customer_ids)
    waiting = set(collections_repo.customers_with_open_commitments(s))
    scope = sorted(waiting if customer_ids is None else waiting & set(customer_ids))
    if not scope:
        return
    settings = _settings(s)
    class_ladders = {c: _class_ladder(s, c) for c in CREDIT_CLASSES}
    days = ladder_days.day_count(s, settings.working_days)
    for ci in collections_repo.collection_inputs(s, today, scope, grace_days=settings.grace_days).values():
        _row(s, ci, today, settings, class_ladders, days, record=True)
    for cid in scope:  # paid in full, also after the plan's last day (no longer active, so not seen above)
        for row in collections_repo.open_plans_paid_in_full(s, today, cid):
            _record_plan_kept(s, row, today)


def _row(s, ci: CustomerInputs, as_of: dt.date, settings: CollectionSettings, class_ladders: dict[str, Ladder],
         days: DayCount, record: bool) -> WorklistRow | None:
    ladder = ladder_from_data(ci.ladder_data) if ci.ladder_data is not None else class_ladders[ci.credit_class]
    promises = [ci.promise] if ci.promise is not None else []
    _check_plans(s, ci, as_of, settings.grace_days, record)
    st = status_of(ladder, ci.summary_as_of(as_of), ci.history, as_of, promises, ci.hold, settings.grace_days,
                   plans=ci.plans, days=days)
    if st is None:
        return None
    promise = None
    if ci.promise is not None:
        p = ci.promise
        if p.kept():
            status = "kept"
        elif st.broken_promise is not None or as_of > p.deadline(settings.grace_days):
            status = "broken"
        else:
            status = "open"
        if record and status != "open" and ci.promise_status != status:
            _record_promise_outcome(s, ci, status, as_of, settings.grace_days)
        promise = PromiseInfo(int(p.ref), p.made_on, p.promised_date, p.amount, p.paid_since, status)
    review = False
    if ci.credit_limit is not None and ci.credit_limit > 0:
        review = needs_credit_review(st.overdue_amount, ci.credit_limit, settings.credit.review_percent)
        if review and ci.last_credit_review is not None and st.episode_start is not None \
                and ci.last_credit_review >= st.episode_start:
            review = False
    return WorklistRow(
        customer_id=ci.customer_id, customer_code=ci.code, customer_name=ci.name, credit_class=ci.credit_class,
        currency=ci.currency, overdue_amount=st.overdue_amount, oldest_days_overdue=st.oldest_days_overdue,
        reached_step=st.reached_step.key if st.reached_step else None,
        reached_step_name=st.reached_step.name if st.reached_step else "",
        next_step=st.next_step.key if st.next_step else None,
        next_step_name=st.next_step.name if st.next_step else "", next_step_date=st.next_step_date,
        state=st.state, last_step=st.last_step, last_step_date=st.last_step_date, promise=promise,
        broken_promise=st.broken_promise is not None,
        hold_until=ci.hold.until if ci.hold else None, hold_reason=ci.hold.reason if ci.hold else "",
        credit_review=review, credit_limit=ci.credit_limit,
        suggested_class=suggest_from_behaviour(ci.behaviour, settings.credit),
        chased_invoices=st.chased_invoices, episode_start=st.episode_start, status=st)


def _record_promise_outcome(s, ci: CustomerInputs, status: str, as_of: dt.date, grace_days: int) -> None:
    p = ci.promise
    row = collections_repo.get_promise(s, int(p.ref))
    if row is None or row.status == status:
        return
    units = to_minor(p.amount, ci.currency)
    if status == "broken":
        when = p.deadline(grace_days) + dt.timedelta(days=1)
        row.status, row.broken_recorded_on = "broken", as_of
        note = stored(Text(translate("Messages", "Paid {paid} of {amount} by {date}."), paid=Amount(p.paid_since),
                           amount=Amount(p.amount), date=p.deadline(grace_days).isoformat()))
        collections_repo.add_event(s, customer_id=ci.customer_id, kind="promise_broken", date=when, note=note,
                                   amount=units, promise_id=row.id)
    else:
        row.status = "kept"
        collections_repo.add_event(s, customer_id=ci.customer_id, kind="promise_kept", date=as_of,
                                   note=stored(Text(translate("Messages", "Paid {paid} since {date}."),
                                                    paid=Amount(p.paid_since), date=p.made_on.isoformat())),
                                   amount=units,
                                   promise_id=row.id)
    ci.promise_status = status


def _reopen_promises(s, today: dt.date, customer_ids: list[int] | None) -> None:
    """A promise recorded as kept by a payment that was reversed since is kept no longer: a note says so
    (on the day of the reversal), and it is open again, or broken (promise_broken on that day, never
    before it) when its grace period is over."""
    grace = int(company_repo.get_setting(s, GRACE_KEY, DEFAULT_GRACE_DAYS))
    for row, received, taken_back_on in collections_repo.kept_promises_no_longer_kept(s, today, grace,
                                                                                     customer_ids):
        currency = customers_repo.get(s, row.customer_id).currency
        paid, amount = from_minor(received, currency), from_minor(row.amount, currency)
        deadline = row.promised_date + dt.timedelta(days=grace)
        collections_repo.add_event(s, customer_id=row.customer_id, kind="note", date=taken_back_on,
                                   note=stored(Text(translate(
                                       "Messages", "Promise to pay {amount} by {date} no longer kept: a payment it "
                                                   "counted was reversed; {paid} received."),
                                       amount=Amount(amount), date=row.promised_date.isoformat(), paid=Amount(paid))),
                                   amount=row.amount, promise_id=row.id)
        if today > deadline:
            row.status, row.broken_recorded_on = "broken", today
            collections_repo.add_event(s, customer_id=row.customer_id, kind="promise_broken",
                                       date=max(taken_back_on, deadline + dt.timedelta(days=1)),
                                       note=stored(Text(translate("Messages", "Paid {paid} of {amount} by {date}."),
                                                        paid=Amount(paid), amount=Amount(amount),
                                                        date=deadline.isoformat())),
                                       amount=row.amount, promise_id=row.id)
        else:
            row.status = "open"


def _check_plans(s, ci: CustomerInputs, as_of: dt.date, grace_days: int, record: bool) -> None:
    """Leave in ``ci.plans`` only the plans holding on D (domain.payment_plan.plan_state): those broken by
    D (a missed instalment) or ended give their invoices back to the ladder. When ``record``, a broken
    plan is ended (status broken, ends_on = the last day of the grace of the missed instalment) with one
    plan_broken event dated the day it broke, and an open plan whose invoices are all paid is marked
    kept (plan_kept event)."""
    if not ci.plan_inputs:
        ci.plans = []
        return
    holding: list[PlanInputs] = []
    open_numbers = {i.number for i in ci.invoices if i.open_amount > 0 and i.settled_on is None}
    for p in ci.plan_inputs:
        state, broke = plan_state(p.status, p.starts_on, p.ends_on, p.instalments, p.paid, as_of, grace_days)
        if state == BROKEN:
            if record:
                _record_plan_broken(s, ci, p, broke, grace_days)
            continue
        if state == HOLDING:
            holding.append(p)
        if record and p.status == OPEN and not p.invoice_numbers & open_numbers:
            row = collections_repo.get_payment_plan(s, p.id)
            if row is not None:
                _record_plan_kept(s, row, as_of)
                p.status = "kept"
    ci.plan_inputs = holding
    ci.plans = [p.plan() for p in holding]


def _record_plan_broken(s, ci: CustomerInputs, p: PlanInputs, broke: dt.date, grace_days: int) -> None:
    row = collections_repo.get_payment_plan(s, p.id)
    missed = missed_instalment(p.instalments, p.paid, broke, grace_days, p.ends_on)
    if row is None or row.status != OPEN or missed is None:
        return
    row.status, row.ends_on = "broken", broke - dt.timedelta(days=1)
    note = stored(Text(translate("Messages", "Paid {paid} of {amount} due by {date}."), paid=Amount(missed.paid),
                       amount=Amount(missed.due_so_far), date=missed.due_on.isoformat()))
    collections_repo.add_event(s, customer_id=ci.customer_id, kind="plan_broken", date=broke, note=note,
                               amount=to_minor(missed.due_so_far - missed.paid, ci.currency))


def _record_plan_kept(s, row, as_of: dt.date) -> None:
    """The plan's invoices are all paid as of D: it is kept (one plan_kept event)."""
    if row.status != "open":
        return
    row.status = "kept"
    numbers = ", ".join(collections_repo.plan_invoice_numbers(s, row.id))
    collections_repo.add_event(s, customer_id=row.customer_id, kind="plan_kept", date=as_of,
                               note=stored(Text(translate("Messages", "Invoices {numbers} paid in full."),
                                                numbers=numbers)) if numbers else "")


def invoice_rows(books: Books, as_of: dt.date) -> list[InvoiceWorkRow]:
    """Every invoice open as of ``as_of``, by customer code then invoice number."""
    with books.db.session() as s:
        class_ladders = {c: _class_ladder(s, c) for c in CREDIT_CLASSES}
        settings = _settings(s)
        days = ladder_days.day_count(s, settings.working_days)
        inputs = collections_repo.collection_inputs(s, as_of, grace_days=settings.grace_days, invoice_states=True)
    out = []
    for ci in inputs.values():
        ladder = ladder_from_data(ci.ladder_data) if ci.ladder_data is not None else class_ladders[ci.credit_class]
        for inv in ci.invoices:
            if inv.open_amount <= 0 or inv.settled_on is not None:
                continue
            step = reached_step_for_invoice(ladder, inv.due_date, as_of, days)
            out.append(InvoiceWorkRow(inv.number, ci.code, ci.name, inv.due_date, (as_of - inv.due_date).days,
                                      inv.open_amount, ci.currency, step.key if step else None, inv.disputed,
                                      inv.disputed_part))
    out.sort(key=lambda r: (r.customer_code, r.invoice_number))
    return out


# --- logging what was done ---------------------------------------------------------------------------

def log_step(books: Books, code: str, step_key: str, date: dt.date | str, note: str = "", skipped: bool = False,
             reason: str = "") -> int:
    """Record that a ladder step was done (or deliberately skipped, with a reason) on ``date``."""
    with books.db.session() as s:
        return _log_step(books, s, code, step_key, date, note, skipped, reason)


def _log_step(books: Books, s, code: str, step_key: str, date, note: str, skipped: bool, reason: str) -> int:
    cid, data = _customer(s, code)
    day = _day(books, date, translate("Messages", "date of the step"), default_today=False)
    ladder = _ladder_of(s, cid, data.credit_class)
    key = (step_key or "").strip()
    if ladder.get(key) is None:
        raise UserError(Text(translate("Messages", "'{key}' is not a step of {name}'s collection ladder. Use one "
                                                   "of: {keys}."),
                             key=key, name=data.name, keys=', '.join(ladder.keys)))
    note = _text(note, translate("Messages", "note"))
    if skipped:
        reason = _text(reason, translate("Messages", "reason for skipping the step"), required=True)
        note = f"{reason} - {note}" if note else reason
    return collections_repo.add_event(s, customer_id=cid, kind="step_skipped" if skipped else "step_done",
                                      date=day, step_key=key, note=note)


def add_note(books: Books, code: str, date: dt.date | str | None, text: str | Text) -> int:
    """A note in the collection file: what the user typed, or a ``Text`` the program wrote (kept as a sentence
    with its parameters, so that it reads in the language of whoever opens the file)."""
    note = stored(text) if isinstance(text, Text) else _text(text, translate("Messages", "note"), required=True)
    with books.db.session() as s:
        cid, _data = _customer(s, code)
        return collections_repo.add_event(s, customer_id=cid, kind="note", date=_day(books, date, translate("Messages", "date of the note")),
                                          note=note)


def log_call(books: Books, code: str, date: dt.date | str, outcome: str, note: str = "", *,
             promised_date: dt.date | str | None = None, amount: Decimal | str | None = None,
             invoice_number: str | None = None, dispute_reason: str = "", step_key: str | None = None) -> int:
    """Record a phone call. Outcome 'promised' needs ``promised_date`` and ``amount`` (the promise
    is recorded too); 'disputed' needs the ``invoice_number`` (the invoice is marked disputed,
    the reason is ``dispute_reason`` or the note). ``step_key`` also logs that ladder step as done."""
    outcome = (outcome or "").strip()
    if outcome not in CALL_OUTCOMES:
        raise UserError(Text(translate("Messages", "'{outcome}' is not a call outcome. Use one of: {call_outcomes}."),
                             outcome=outcome, call_outcomes=', '.join(CALL_OUTCOMES)))
    with books.db.session() as s:
        cid, data = _customer(s, code)
        day = _day(books, date, translate("Messages", "date of the call"), default_today=False)
        note = _text(note, translate("Messages", "note"))
        promise_id = invoice_id = None
        if outcome == "promised":
            if promised_date in (None, "") or amount in (None, ""):
                raise UserError(Text(translate("Messages", "The customer promised to pay: enter the promised date "
                                                           "and amount.")))
            promise_id = _record_promise(books, s, cid, data, promised_date, amount, day)
        elif outcome == "disputed":
            if not (invoice_number or "").strip():
                raise UserError(Text(translate("Messages", "The customer disputes an invoice: enter the invoice "
                                                           "number.")))
            invoice_id = _mark_dispute(books, s, invoice_number, dispute_reason or note, None, day, cid)
        if step_key:
            _log_step(books, s, code, step_key, day, note, False, "")
        return collections_repo.add_event(s, customer_id=cid, kind="call", date=day, outcome=outcome, note=note,
                                          promise_id=promise_id, invoice_id=invoice_id)


def record_promise(books: Books, code: str, date: dt.date | str, amount: Decimal | str,
                   made_on: dt.date | str | None = None) -> int:
    """Record a promise to pay ``amount`` by ``date`` made on ``made_on`` (default today).
    A new promise replaces the earlier ones for the next-step rule. Returns the promise id."""
    with books.db.session() as s:
        cid, data = _customer(s, code)
        return _record_promise(books, s, cid, data, date, amount, _day(books, made_on, translate("Messages", "date the promise was made")))


def _record_promise(books: Books, s, cid: int, data: CustomerData, date, amount, made_on: dt.date) -> int:
    promised = _day(books, date, translate("Messages", "promised date"), default_today=False, allow_future=True)
    if promised < made_on:
        raise UserError(Text(translate("Messages", "The promised date {promised} is before the day the promise was "
                                                   "made ({made_on}). Enter a date on or after it."),
                             promised=promised.isoformat(), made_on=made_on.isoformat()))
    value = _amount(amount, data.currency, translate("Messages", "promised amount"))
    open_units = collections_repo.open_units_as_of(s, cid, made_on)
    units = to_minor(value, data.currency)
    if open_units <= 0:
        raise UserError(Text(translate("Messages", "{name} owes nothing on {made_on}, so there is nothing to "
                                                   "promise."), name=data.name, made_on=made_on.isoformat()))
    if units > open_units:
        raise UserError(Text(translate("Messages", "The promised amount {value:.2f} is more than {name} owes on "
                                                   "{made_on} ({open_units:.2f}). Enter at most the open balance."),
                             value=value, name=data.name, made_on=made_on.isoformat(),
                             open_units=from_minor(open_units, data.currency)))
    pid = collections_repo.add_promise(s, customer_id=cid, made_on=made_on, promised_date=promised, amount=units)
    collections_repo.add_event(s, customer_id=cid, kind="promise", date=made_on, amount=units, promise_id=pid,
                               note="")  # the promise's amount and date are its own columns
    return pid


# --- payment plans ------------------------------------------------------------------------------------

def create_payment_plan(books: Books, code: str, invoice_numbers: Iterable[str], instalments_count: int,
                        first_due: dt.date | str, every_days: int, note: str = "",
                        starts_on: dt.date | str | None = None) -> int:
    """Agree a payment plan with the customer: the open amount of ``invoice_numbers`` (as the plan
    starts) is split into ``instalments_count`` instalments, the first due on ``first_due``, then
    every ``every_days`` days. The invoices leave the ladder while the plan holds (to the last
    instalment plus the grace days); a missed instalment breaks it. Returns the plan id."""
    count, every = _whole(instalments_count, translate("Messages", "number of instalments"), 1, MAX_INSTALMENTS), \
        _whole(every_days, translate("Messages", "days between instalments"), MIN_EVERY_DAYS, MAX_EVERY_DAYS)
    with books.db.session() as s:
        cid, data = _customer(s, code)
        start = _day(books, starts_on, translate("Messages", "date the plan starts"))
        first = _day(books, first_due, translate("Messages", "first instalment date"), default_today=False, allow_future=True)
        if first < start:
            raise UserError(Text(translate("Messages", "The first instalment ({first}) is before the plan starts "
                                                       "({start}). Enter a later date."),
                                 first=first.isoformat(), start=start.isoformat()))
        if first > start + dt.timedelta(days=MAX_EVERY_DAYS):
            raise UserError(Text(translate("Messages", "The first instalment ({first}) is more than "
                                                       "{max_every_days} days after the plan starts ({start}). Enter "
                                                       "an earlier date."),
                                 first=first.isoformat(), max_every_days=MAX_EVERY_DAYS, start=start.isoformat()))
        numbers = sorted({(n or "").strip() for n in invoice_numbers} - {""})
        if not numbers:
            raise UserError(Text(translate("Messages", "Choose at least one invoice for the payment plan.")))
        invs = [_invoice(s, n) for n in numbers]
        for inv in invs:
            if inv.customer_id != cid:
                raise UserError(Text(translate("Messages", "Invoice {number} belongs to another customer. Check "
                                                           "the invoice number."), number=inv.number))
            if inv.voided:
                raise UserError(Text(translate("Messages", "Invoice {number} is void; it cannot be in a payment "
                                                           "plan."), number=inv.number))
            if inv.paid >= inv.amount:
                raise UserError(Text(translate("Messages", "Invoice {number} is paid in full; there is nothing to "
                                                           "pay in instalments."), number=inv.number))
            if inv.disputed:
                raise UserError(Text(translate("Messages", "Invoice {number} is disputed. Resolve the dispute "
                                                           "before agreeing a plan."), number=inv.number))
            if inv.issue_date > start:
                raise UserError(Text(translate("Messages", "Invoice {number} was issued on {issue_date}, after the "
                                                           "plan starts ({start})."),
                                     number=inv.number, issue_date=inv.issue_date.isoformat(),
                                     start=start.isoformat()))
        ids = [inv.id for inv in invs]
        taken = collections_repo.invoices_in_open_plans(s, ids, start)
        if taken:
            names = ", ".join(inv.number for inv in invs if inv.id in taken)
            raise UserError(Text(translate("Messages", "Invoice {names} is already in a payment plan. Cancel that "
                                                       "plan first."), names=names))
        units = sum(collections_repo.open_units_before(s, ids, start).values())
        total = from_minor(units, data.currency)
        schedule = plan_instalments(total, count, first, every, quantum(data.currency))
        settings = _settings(s)
        ends = schedule[-1][0] + dt.timedelta(days=settings.grace_days)
        note = _text(note, translate("Messages", "note"))
        pid = collections_repo.add_payment_plan(
            s, customer_id=cid, starts_on=start, ends_on=ends, note=note, invoice_ids=ids,
            instalments=[(d, to_minor(a, data.currency)) for d, a in schedule])
        text = Text(translate("Messages", "{schedule} (invoices {numbers})"), schedule=schedule_text(schedule, every),
                    numbers=", ".join(numbers))
        if note:
            text = Text(translate("Messages", "{what}. {note}"), what=text, note=note)
        collections_repo.add_event(s, customer_id=cid, kind="plan", date=start, amount=units, note=stored(text))
        return pid


@dataclass(frozen=True)
class PlanCandidate:
    """An open invoice that a new payment plan may cover (not disputed, not in a running plan)."""

    number: str
    due_date: dt.date
    open_amount: Decimal


def plan_candidates(books: Books, code: str) -> list[PlanCandidate]:
    """The customer's open invoices a new payment plan may cover, oldest due first."""
    with books.db.session() as s:
        cid, data = _customer(s, code)
        rows = [r for r in collections_repo.open_invoices_of(s, cid) if not r[3]]
        ids = {invoices_repo.id_by_number(s, n): n for n, *_rest in rows}
        taken = {ids[i] for i in collections_repo.invoices_in_open_plans(s, list(ids), books.today())}
        return [PlanCandidate(n, due, from_minor(units, data.currency)) for n, due, units, _d in rows
                if n not in taken]


def _whole(value, what: str, lo: int, hi: int) -> int:
    text = str(value).strip()
    n = int(text) if not isinstance(value, bool) and text.isdigit() else None
    if n is None or not lo <= n <= hi:
        raise UserError(Text(translate("Messages", "The {what} '{value}' must be a whole number from {lo} to {hi}."),
                             what=name_text(what), value=value, lo=lo, hi=hi))
    return n


def cancel_payment_plan(books: Books, plan_id: int, reason: str, on: dt.date | str | None = None) -> None:
    """Call off an open plan from ``on`` (default today): its invoices come back to the ladder that day."""
    with books.db.session() as s:
        row = collections_repo.get_payment_plan(s, int(plan_id))
        if row is None:
            raise UserError(Text(translate("Messages", "There is no payment plan {plan_id}."),
                                 plan_id=plan_id))
        if row.status != "open":
            raise UserError(Text(translate("Messages", "Payment plan {plan_id} is already {status}; only an open "
                                                       "plan can be cancelled."),
                                 plan_id=plan_id, status=Text(PLAN_STATUS_NAMES.get(row.status, row.status))))
        day = _day(books, on, translate("Messages", "date the plan is cancelled"))
        reason = _text(reason, translate("Messages", "reason for cancelling the plan"), required=True)
        if day < row.starts_on:
            raise UserError(Text(translate("Messages", "The plan starts on {starts_on}; it cannot be cancelled "
                                                       "before that."), starts_on=row.starts_on.isoformat()))
        row.status, row.ends_on = "cancelled", min(row.ends_on, day - dt.timedelta(days=1))
        collections_repo.add_event(s, customer_id=row.customer_id, kind="plan_cancelled", date=day, note=reason)


def payment_plans(books: Books, code: str) -> list[PaymentPlanInfo]:
    """The customer's payment plans, oldest first, with what was paid to them up to today (their status
    as recorded: see record_outcomes)."""
    with books.db.session() as s:
        cid, data = _customer(s, code)
        out = []
        for row in collections_repo.payment_plans_of(s, cid):
            schedule = tuple((d, from_minor(u, data.currency)) for d, u in collections_repo.plan_schedule(s, row.id))
            paid = from_minor(collections_repo.plan_paid_since(s, row.id, books.today()), data.currency)
            out.append(PaymentPlanInfo(row.id, row.starts_on, row.ends_on, row.status, row.note,
                                       tuple(collections_repo.plan_invoice_numbers(s, row.id)), schedule,
                                       sum((a for _d, a in schedule), Decimal(0)), paid))
        return out


# --- disputes ---------------------------------------------------------------------------------------

def mark_dispute(books: Books, invoice_number: str, reason: str, amount: Decimal | str | None = None,
                 on: dt.date | str | None = None) -> None:
    """The customer contests an invoice (``amount`` = the contested part, default all that is
    open). Only the contested part leaves the claim, the charges and the ladder until the dispute
    is resolved; the rest is claimed and chased as before."""
    with books.db.session() as s:
        _mark_dispute(books, s, invoice_number, reason, amount, _day(books, on, translate("Messages", "date of the dispute")), None)


def _mark_dispute(books: Books, s, number: str, reason: str, amount, day: dt.date, customer_id: int | None) -> int:
    inv = _invoice(s, number)
    if customer_id is not None and inv.customer_id != customer_id:
        raise UserError(Text(translate("Messages", "Invoice {number} belongs to another customer. Check the "
                                                   "invoice number."), number=inv.number))
    reason = _text(reason, translate("Messages", "reason of the dispute (what the customer contests)"), required=True)
    if inv.voided:
        raise UserError(Text(translate("Messages", "Invoice {number} is void; there is nothing to dispute."),
                             number=inv.number))
    if inv.disputed:
        raise UserError(Text(translate("Messages", "Invoice {number} is already disputed ({dispute_reason}). "
                                                   "Resolve that dispute first."),
                             number=inv.number, dispute_reason=inv.dispute_reason))
    if inv.paid >= inv.amount:
        raise UserError(Text(translate("Messages", "Invoice {number} is paid in full; there is nothing to dispute."),
                             number=inv.number))
    if day < inv.issue_date:
        raise UserError(Text(translate("Messages", "Invoice {number} was issued on {issue_date}; it cannot be "
                                                   "disputed on {day}. Enter a later date."),
                             number=inv.number, issue_date=inv.issue_date.isoformat(), day=day.isoformat()))
    open_units = inv.amount - inv.paid
    units = open_units if amount in (None, "") else to_minor(_amount(amount, inv.currency, translate("Messages", "disputed amount")),
                                                             inv.currency)
    if units > open_units:
        raise UserError(Text(translate("Messages", "The disputed amount {units:.2f} is more than is open on "
                                                   "invoice {number} ({open_units:.2f})."),
                             units=from_minor(units, inv.currency), number=inv.number,
                             open_units=from_minor(open_units, inv.currency)))
    invoices_repo.set_disputed(inv, True, reason[:500], units)
    collections_repo.add_event(s, customer_id=inv.customer_id, kind="dispute", date=day, note=reason, amount=units,
                               invoice_id=inv.id)
    return inv.id


def resolve_dispute(books: Books, invoice_number: str, note: str = "", on: dt.date | str | None = None) -> None:
    """The dispute is settled: the contested part comes back to the claim and the ladder from
    ``on`` (default today)."""
    with books.db.session() as s:
        inv = _invoice(s, invoice_number)
        if not inv.disputed:
            raise UserError(Text(translate("Messages", "Invoice {number} is not disputed."),
                                 number=inv.number))
        day = _day(books, on, translate("Messages", "date the dispute was resolved"))
        invoices_repo.set_disputed(inv, False, "")
        collections_repo.add_event(s, customer_id=inv.customer_id, kind="dispute_resolved", date=day,
                                   note=_text(note, translate("Messages", "note")), invoice_id=inv.id)


@dataclass(frozen=True)
class DisputeInfo:
    number: str
    currency: str
    open_amount: Decimal
    disputed: bool
    disputed_amount: Decimal        # the contested part of the open amount (0 when not disputed)
    reason: str


def invoice_dispute(books: Books, invoice_number: str) -> DisputeInfo:
    """The dispute state of an invoice now: what is open and which part of it is contested."""
    with books.db.session() as s:
        row = invoices_repo.rows(s, [_invoice(s, invoice_number).id])[0]
    return DisputeInfo(row.number, row.currency, row.open_amount, row.disputed, row.disputed_amount,
                       row.dispute_reason)


def _invoice(s, number: str):
    number = (number or "").strip()
    iid = invoices_repo.id_by_number(s, number) if number else None
    if iid is None:
        raise UserError(Text(translate("Messages", "There is no invoice number '{number}'. Check the number in the "
                                                   "invoice list."), number=number))
    return invoices_repo.get(s, iid)


# --- holds ---------------------------------------------------------------------------------------------

def put_on_hold(books: Books, code: str, until: dt.date | str, reason: str, on: dt.date | str | None = None) -> int:
    """Pause collections for the customer from ``on`` (default today) to ``until`` inclusive.
    A hold already running is replaced. Returns the hold id."""
    with books.db.session() as s:
        cid, _data = _customer(s, code)
        day = _day(books, on, translate("Messages", "date the hold starts"))
        end = _day(books, until, translate("Messages", "hold end date"), default_today=False, allow_future=True)
        if end < day:
            raise UserError(Text(translate("Messages", "The hold would end on {end}, before it starts ({day}). "
                                                       "Enter a later end date."),
                                 end=end.isoformat(), day=day.isoformat()))
        reason = _text(reason, translate("Messages", "reason for the hold"), required=True)
        for old in collections_repo.active_holds(s, cid, day):
            old.released_on = day
        hid = collections_repo.add_hold(s, customer_id=cid, set_on=day, until=end, reason=reason)
        collections_repo.add_event(s, customer_id=cid, kind="hold", date=day, note=reason, hold_id=hid)
        return hid


def release_hold(books: Books, code: str, on: dt.date | str | None = None, note: str = "") -> None:
    """End the customer's hold early: collections resume on ``on`` (default today)."""
    with books.db.session() as s:
        cid, data = _customer(s, code)
        day = _day(books, on, translate("Messages", "date the hold is released"))
        holds = [h for h in collections_repo.active_holds(s, cid, day) if h.set_on <= day]
        if not holds:
            raise UserError(Text(translate("Messages", "{name} is not on hold on {day}."),
                                 name=data.name, day=day.isoformat()))
        for h in holds:
            h.released_on = day
            collections_repo.add_event(s, customer_id=cid, kind="hold_released", date=day,
                                       note=_text(note, translate("Messages", "note")), hold_id=h.id)


# --- history -------------------------------------------------------------------------------------------

def history(books: Books, code: str) -> list[HistoryEntry]:
    """The customer's timeline, oldest first (one day's entries in the order they were entered): collection
    events, invoices issued, payments received, and whatever registered sources add (letters)."""
    from ar_desktop.services import credit_history, letters  # noqa: F401  (register their history sources)

    with books.db.session() as s:
        cid, data = _customer(s, code)
        ladder = _ladder_of(s, cid, data.credit_class)
        out: list[HistoryEntry] = []
        for r in collections_repo.ledger(s, cid):
            if r.kind == "invoice":
                text = Text(translate("Messages", "Invoice {number} issued, due {date} (void)") if r.voided
                            else translate("Messages", "Invoice {number} issued, due {date}"),
                            number=r.number, date=r.due_date.isoformat())
                out.append(HistoryEntry(r.date, "invoice", text, r.amount, r.number, "ledger", 0, r.created_at))
            else:  # a correction (discount, write-off, credit note…) is never shown as money received
                kind = "payment" if r.entry_kind == PAYMENT.key else r.entry_kind
                out.append(HistoryEntry(r.date, kind, _ledger_text(r), r.amount, None, "ledger", 1, r.created_at))
        for e in collections_repo.events(s, cid):
            out.append(HistoryEntry(e.date, e.kind, _event_text(e, ladder), e.amount, e.invoice_number, "event",
                                    2 + e.id, e.created_at))
        for name, source in _HISTORY_SOURCES.items():
            out.extend(HistoryEntry(x.date, x.kind, x.text, x.amount, x.invoice_number, name, x.order, x.recorded_at)
                       for x in source(s, cid))
    # One day's entries in the order they were entered (a reversal after the "promise kept" it undid), the
    # same instant (one bulk import) by kind and entry number.
    out.sort(key=lambda x: (x.date, x.recorded_at is None, x.recorded_at or dt.datetime.min, x.order))
    return out


def _method_text(method: str | None) -> Text:
    """A payment method: one of the listed methods in the reader's language, else as typed."""
    if method in PAYMENT_METHODS:
        t = Template(method)
        t.context = "PaymentDialog"  # where the window declares the methods for translation
        return Text(t)
    return verbatim(method or "")


def _ledger_text(r) -> Text:
    ref, number = r.number or "", r.number or ""
    method = _method_text(r.method)
    if r.entry_kind == REVERSAL.key:
        if ref:
            return Text(translate("Messages", "Payment reversed ({method}, ref. {ref}): {note}"),
                        method=method, ref=ref, note=r.note)
        return Text(translate("Messages", "Payment reversed ({method}): {note}"), method=method, note=r.note)
    if r.entry_kind == WRITE_OFF.key:
        return Text(translate("Messages", "Written off: {number}"), number=number)
    if r.entry_kind == CREDIT_NOTE.key:
        return Text(translate("Messages", "Credit note: {number}"), number=number)
    if r.entry_kind == VOID_REVERSAL.key:
        return Text(translate("Messages", "Credit kept for the customer ({number})"), number=number)
    if r.entry_kind == DISCOUNT.key:
        told = reference_text(DISCOUNT.key, number)
        return told if isinstance(told, Text) else Text(translate("Messages", "Early-payment discount: {number}"),
                                                         number=number)
    if r.entry_kind == RECOVERY.key:
        return Text(translate("Messages", "Recovery of a written-off debt ({number})"),
                    number=reference_text(RECOVERY.key, number))
    if ref:
        return Text(translate("Messages", "Payment received ({method}, ref. {ref})"), method=method, ref=ref)
    return Text(translate("Messages", "Payment received ({method})"), method=method)


# How a call ended, as the history reads it (keys of CALL_OUTCOMES).
OUTCOME_NAMES = {"reached": translate("Messages", "reached"), "no_answer": translate("Messages", "no answer"),
                 "promised": translate("Messages", "promised to pay"),
                 "disputed": translate("Messages", "disputes an invoice"),
                 "refused": translate("Messages", "refused to pay")}
_EVENT_NAMES = {
    "hold_released": translate("Messages", "Hold released"),
    "credit_review": translate("Messages", "Credit reviewed"),
    "plan": translate("Messages", "Payment plan"),
    "plan_broken": translate("Messages", "Payment plan broken"),
    "plan_kept": translate("Messages", "Payment plan kept"),
    "plan_cancelled": translate("Messages", "Payment plan cancelled"),
}


def _event_text(e, ladder: Ladder) -> Text:
    step = ladder.get(e.step_key)
    name = step_name_text(e.step_key, step.name if step else None)
    amount = Amount(e.amount) if e.amount is not None else ""  # in the reader's amount style
    by = e.promise_date.isoformat() if e.promise_date else "?"
    kind = e.kind
    if kind == "note":  # the timeline names the kind beside it ("note"): the note alone, never "Note: …" again
        note = from_stored(e.note)
        return note if isinstance(note, Text) else verbatim(note)
    if kind == "step_done":
        text = Text(translate("Messages", "Step done: {step}"), step=name)
    elif kind == "step_skipped":
        text = Text(translate("Messages", "Step skipped: {step}"), step=name)
    elif kind == "call":
        outcome = OUTCOME_NAMES.get(e.outcome)
        text = Text(translate("Messages", "Phone call: {outcome}"),
                    outcome=Text(outcome) if outcome else (e.outcome or ""))
    elif kind == "promise":
        text = Text(translate("Messages", "Promise to pay {amount} by {date}"), amount=amount, date=by)
    elif kind == "promise_broken":
        text = Text(translate("Messages", "Promise to pay {amount} by {date} broken"), amount=amount, date=by)
    elif kind == "promise_kept":
        text = Text(translate("Messages", "Promise to pay {amount} kept"), amount=amount)
    elif kind == "dispute":
        text = Text(translate("Messages", "Invoice {number} disputed ({amount})"), number=e.invoice_number,
                    amount=amount)
    elif kind == "dispute_resolved":
        text = Text(translate("Messages", "Dispute on invoice {number} resolved"), number=e.invoice_number)
    elif kind == "hold":
        text = Text(translate("Messages", "Collections on hold until {date}"),
                    date=e.hold_until.isoformat() if e.hold_until else "?")
    elif kind == "credit_override":
        text = (Text(translate("Messages", "Credit limit overridden for invoice {number}"), number=e.invoice_number)
                if e.invoice_number else Text(translate("Messages", "Credit limit overridden")))
    elif kind in _EVENT_NAMES:
        text = Text(_EVENT_NAMES[kind])
    else:
        text = verbatim(kind)
    note = from_stored(e.note) if kind != "promise" else ""
    return Text(translate("Messages", "{what}: {note}"), what=text, note=note) if note else text


# --- ladders and settings -------------------------------------------------------------------------------

def class_ladder(books: Books, credit_class: str) -> Ladder:
    """The ladder of a credit class (the shipped default until it is changed)."""
    cls = _check_class(credit_class)
    with books.db.session() as s:
        return _class_ladder(s, cls)


def set_class_ladder(books: Books, credit_class: str, steps: Ladder | Iterable[Step | dict]) -> Ladder:
    """Validate and store the ladder of a credit class; raises UserError naming the wrong step."""
    cls = _check_class(credit_class)
    ladder = _steps(steps)
    with books.db.session() as s:
        company_repo.set_setting(s, LADDER_KEY.format(cls=cls), ladder_to_data(ladder))
    return ladder


def reset_class_ladder(books: Books, credit_class: str) -> Ladder:
    return set_class_ladder(books, credit_class, default_ladder(_check_class(credit_class)))


def customer_ladder(books: Books, code: str) -> Ladder | None:
    """The customer's own ladder, or None when it follows its credit class."""
    with books.db.session() as s:
        cid, _data = _customer(s, code)
        data = collections_repo.customer_ladder(s, cid)
        return None if data is None else ladder_from_data(data)


def set_customer_ladder(books: Books, code: str, steps: Ladder | Iterable[Step | dict] | None) -> Ladder | None:
    """Give the customer its own ladder (validated), or None to follow its credit class again."""
    ladder = None if steps is None else _steps(steps)
    with books.db.session() as s:
        cid, _data = _customer(s, code)
        collections_repo.set_customer_ladder(s, cid, None if ladder is None else ladder_to_data(ladder))
    return ladder


def effective_ladder(books: Books, code: str) -> Ladder:
    with books.db.session() as s:
        cid, data = _customer(s, code)
        return _ladder_of(s, cid, data.credit_class)


def collection_settings(books: Books) -> CollectionSettings:
    with books.db.session() as s:
        return _settings(s)


def set_collection_settings(books: Books, settings: CollectionSettings) -> None:
    grace = settings.grace_days
    if isinstance(grace, bool) or not isinstance(grace, int) or not 0 <= grace <= MAX_GRACE_DAYS:
        raise UserError(Text(translate("Messages", "The promise grace period '{grace}' must be a whole number of "
                                                   "days from 0 to {max_grace_days}."),
                             grace=grace, max_grace_days=MAX_GRACE_DAYS))
    credit = CreditSettings(**{k: getattr(settings.credit, k) for k in ("review_percent", *CREDIT_KEYS)})
    with books.db.session() as s:
        company_repo.set_setting(s, GRACE_KEY, grace)
        company_repo.set_setting(s, WORKING_DAYS_KEY, bool(settings.working_days))
        company_repo.set_setting(s, REVIEW_PERCENT_KEY, str(credit.review_percent))
        for name, key in CREDIT_KEYS.items():
            company_repo.set_setting(s, key, str(getattr(credit, name)))


# --- credit --------------------------------------------------------------------------------------------

def credit_check_for_new_invoice(books: Books, customer_code: str, amount: Decimal | str) -> Text | None:
    """A warning to show before a new invoice is saved (over the credit limit, or the customer is
    on credit hold); None when all is well. The user may go on and record an override."""
    with books.db.session() as s:
        cid, data = _customer(s, customer_code)
        value = _amount(amount, data.currency, translate("Messages", "invoice amount"))
        open_units = collections_repo.open_units_now(s, cid)
    problems = []
    if data.on_hold:
        problems.append(Text(translate("Messages", "{name} is on credit hold: agree with the person responsible "
                                                   "before invoicing more on credit."), name=data.name))
    open_balance = from_minor(open_units, data.currency)
    if data.credit_limit is not None and data.credit_limit > 0 \
            and exceeds_limit(open_balance, value, data.credit_limit):
        after = open_balance + value
        problems.append(Text(translate("Messages", "This invoice would take {name}'s open balance to {after}, "
                                                   "above the credit limit of {limit} (by {excess})."),
                             name=data.name, after=format_amount(after, data.currency),
                             limit=format_amount(data.credit_limit, data.currency),
                             excess=format_amount(after - data.credit_limit, data.currency)))
    if len(problems) == 2:
        return Text(translate("Messages", "{first} {second}"), first=problems[0], second=problems[1])
    return problems[0] if problems else None


def record_credit_override(books: Books, code: str, invoice_number: str, note: str,
                           on: dt.date | str | None = None) -> int:
    """Record that an invoice was issued despite the credit warning, and why."""
    with books.db.session() as s:
        cid, _data = _customer(s, code)
        note = _text(note, translate("Messages", "reason for the override"), required=True)
        number = (invoice_number or "").strip()
        iid = invoices_repo.id_by_number(s, number) if number else None
        if iid is not None and invoices_repo.get(s, iid).customer_id != cid:
            raise UserError(Text(translate("Messages", "Invoice {number} belongs to another customer. Check the "
                                                       "invoice number."), number=number))
        if iid is None and number:
            note = stored(Text(translate("Messages", "Invoice {number}: {note}"), number=number, note=note))
        return collections_repo.add_event(s, customer_id=cid, kind="credit_override",
                                          date=_day(books, on, translate("Messages", "date of the override")),
                                          note=note, invoice_id=iid)


def mark_credit_reviewed(books: Books, code: str, on: dt.date | str | None = None, note: str = "") -> int:
    """The credit review was done: the flag disappears until the next collection episode."""
    with books.db.session() as s:
        cid, _data = _customer(s, code)
        return collections_repo.add_event(s, customer_id=cid, kind="credit_review",
                                          date=_day(books, on, translate("Messages", "date of the review")),
                                          note=_text(note, translate("Messages", "note")))


def suggested_credit_class(books: Books, code: str, as_of: dt.date) -> str | None:
    """'A', 'B' or 'C' from the invoices paid in the 12 months before ``as_of``; None without data."""
    with books.db.session() as s:
        cid, _data = _customer(s, code)
        settings = _settings(s)
        ci = collections_repo.collection_inputs(s, as_of, [cid], grace_days=settings.grace_days)[cid]
    return suggest_from_behaviour(ci.behaviour, settings.credit)


__all__ = [
    "CALL_OUTCOMES", "CollectionSettings", "HistoryEntry", "InvoiceWorkRow", "PaymentPlanInfo", "PlanCandidate", "PromiseInfo",
    "WorklistRow", "add_note", "cancel_payment_plan", "class_ladder", "create_payment_plan", "collection_settings", "credit_check_for_new_invoice", "customer_ladder",
    "customer_status", "effective_ladder", "history", "invoice_rows", "log_call", "log_step", "mark_credit_reviewed",
    "DisputeInfo", "invoice_dispute", "mark_dispute", "payment_plans", "plan_candidates", "put_on_hold", "record_credit_override", "record_promise", "register_history_source",
    "release_hold", "reset_class_ladder", "resolve_dispute", "set_class_ladder",
    "set_collection_settings", "set_customer_ladder", "suggested_credit_class", "worklist",
]
