"""The collections worklist: who needs attention as of a date and what the next step is, and the one place
the outcomes of promises and payment plans are recorded.

The next step is always decided by :func:`ar_desktop.domain.next_step.status_of`
(docs/collections-rule.md); this module only gathers its inputs and records what happened.

Reading is plain SQL (storage.collections_repo on ``Database.reader``): today's collection actions on the
Overview load no SQLAlchemy. Recording writes rows through the ORM, imported where it records.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from ar_desktop.domain.credit import needs_credit_review, suggest_from_behaviour
from ar_desktop.domain.frozen import maker
from ar_desktop.domain.ladder import CREDIT_CLASSES, Ladder, ladder_from_data, ladder_in_force
from ar_desktop.domain.money import from_minor, to_minor
from ar_desktop.domain.next_step import (CollectionStatus, DEFAULT_GRACE_DAYS, reached_step_for_invoice, status_of,
                                         urgency_key)
from ar_desktop.domain.payment_plan import BROKEN, HOLDING, OPEN, missed_instalment, plan_state
from ar_desktop.domain.text import Amount, Text, stored, translate
from ar_desktop.domain.working_days import DayCount
from ar_desktop.services import ladder_days
from ar_desktop.services.collection_settings import SETTING_KEYS, CollectionSettings, settings_from
from ar_desktop.services.collector import collector_paused
from ar_desktop.services.context import Books
from ar_desktop.services.setting_keys import GRACE_KEY, LADDER_KEY
from ar_desktop.storage import collections_repo, company_row
from ar_desktop.storage.collections_repo import CustomerInputs, PlanInputs

_LADDER_KEYS = {c: LADDER_KEY.format(cls=c) for c in CREDIT_CLASSES}   # each credit class's stored ladder


@dataclass(frozen=True)
class PromiseInfo:
    id: int
    made_on: dt.date
    promised_date: dt.date
    amount: Decimal
    paid_since: Decimal
    status: str  # open | kept | broken (as of the worklist date)


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


_worklist_row = maker(WorklistRow)   # one per customer needing attention


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


def worklist(books: Books, as_of: dt.date) -> list[WorklistRow]:
    """Every customer needing attention as of ``as_of``, most urgent first (urgency_key).

    Only reads: a promise or plan kept or broken by ``as_of`` shows so whether or not its outcome
    is recorded yet (``record_outcomes`` records it)."""
    with collector_paused():
        with books.db.reader() as con:
            settings, class_ladders, days = _rule_settings(con)
            inputs = collections_repo.collection_inputs(con, as_of, grace_days=settings.grace_days)
        rows = []
        for ci in inputs.values():
            judged = _judge(None, ci, as_of, settings, class_ladders, days, record=False)
            if judged is not None:
                rows.append(_row(ci, judged, suggest_from_behaviour(ci.behaviour, settings.credit)))
        rows.sort(key=lambda r: (urgency_key(r.status), r.customer_code))
    return rows


class Judged(NamedTuple):
    """What the rule says of one customer needing attention on D, with the standing of its latest promise and
    whether its credit needs a review: a worklist row is made of these (``_row``)."""

    status: CollectionStatus
    promise: PromiseInfo | None
    credit_review: bool


class Attention(NamedTuple):
    """One customer needing attention on D as today's actions count it (``attention``)."""

    inputs: CustomerInputs
    judged: Judged
    suggested_class: str | None   # only for a customer whose credit needs a review (None otherwise)


def attention(books: Books, as_of: dt.date) -> list[Attention]:
    """Every customer needing attention on D, judged as ``worklist`` judges it, without a row each nor their
    order: what today's actions on the Overview count (services.overview.overview_actions). The payment
    behaviour (the suggested class) is read only for the customers whose credit needs a review.

    Call it inside ``collector_paused`` and keep only what is counted: the thousands of objects then go
    before the collector resumes."""
    with books.db.reader() as con:
        settings, class_ladders, days = _rule_settings(con)
        inputs = collections_repo.collection_inputs(con, as_of, grace_days=settings.grace_days, behaviour=False,
                                                    brief=True)
        judged = [(ci, j) for ci in inputs.values()
                  if (j := _judge(None, ci, as_of, settings, class_ladders, days, record=False)) is not None]
        behaviours = collections_repo.behaviours(con, as_of, [ci.customer_id for ci, j in judged if j.credit_review])
    return [Attention(ci, j, suggest_from_behaviour(behaviours.get(ci.customer_id), settings.credit)
                      if j.credit_review else None) for ci, j in judged]


def _rule_settings(s) -> tuple[CollectionSettings, dict[str, Ladder], DayCount]:
    """The collection settings, each credit class's ladder (services.collection_ladders.class_ladder_in) and
    the days the ladder counts, the settings in one plain query (``s``: a DB-API connection or a session)."""
    con = collections_repo.connection(s)
    stored = company_row.read_settings(con, [*SETTING_KEYS, *_LADDER_KEYS.values()])
    settings = settings_from(stored)
    ladders = {c: ladder_in_force(c, None, stored.get(key)) for c, key in _LADDER_KEYS.items()}
    return settings, ladders, ladder_days.day_count(con, settings.working_days)


def customer_status(books: Books, code: str, as_of: dt.date) -> WorklistRow | None:
    """The worklist row of one customer (None when it needs no attention on that date). Only reads."""
    from ar_desktop.services.collection_input import customer_by_code

    with books.db.session() as s:
        cid, _data = customer_by_code(s, code)
        settings, class_ladders, days = _rule_settings(s)
        ci = collections_repo.collection_inputs(s, as_of, [cid], grace_days=settings.grace_days)[cid]
    judged = _judge(None, ci, as_of, settings, class_ladders, days, record=False)
    return None if judged is None else _row(ci, judged, suggest_from_behaviour(ci.behaviour, settings.credit))


def invoice_rows(books: Books, as_of: dt.date) -> list[InvoiceWorkRow]:
    """Every invoice open as of ``as_of``, by customer code then invoice number."""
    with collector_paused():
        with books.db.reader() as con:
            settings, class_ladders, days = _rule_settings(con)
            inputs = collections_repo.collection_inputs(con, as_of, grace_days=settings.grace_days,
                                                        invoice_states=True)
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
    from ar_desktop.storage import collection_records

    _reopen_promises(s, today, customer_ids)
    waiting = set(collection_records.customers_with_open_commitments(s))
    scope = sorted(waiting if customer_ids is None else waiting & set(customer_ids))
    if not scope:
        return
    settings, class_ladders, days = _rule_settings(s)
    for ci in collections_repo.collection_inputs(s, today, scope, grace_days=settings.grace_days).values():
        _judge(s, ci, today, settings, class_ladders, days, record=True)
    for cid in scope:  # paid in full, also after the plan's last day (no longer active, so not seen above)
        for row in collection_records.open_plans_paid_in_full(s, today, cid):
            _record_plan_kept(s, row, today)


def _judge(s, ci: CustomerInputs, as_of: dt.date, settings: CollectionSettings, class_ladders: dict[str, Ladder],
           days: DayCount, record: bool) -> Judged | None:
    """The rule's status of the customer on D (None: it needs no attention), its latest promise's standing and
    whether its credit needs a review; ``record``: record what became of its promise and plans."""
    ladder = class_ladders[ci.credit_class] if ci.ladder_data is None else ladder_from_data(ci.ladder_data)
    if ci.plan_inputs:   # (none: ``plans`` is empty too)
        _check_plans(s, ci, as_of, settings.grace_days, record)
    st = status_of(ladder, ci.summary_as_of(as_of), ci.history, as_of, () if ci.promise is None else (ci.promise,),
                   ci.hold, settings.grace_days, ci.plans, days)
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
    return Judged(st, promise, review)


def _row(ci: CustomerInputs, judged: Judged, suggested_class: str | None) -> WorklistRow:
    st, promise, review = judged
    return _worklist_row(
        customer_id=ci.customer_id, customer_code=ci.code, customer_name=ci.name, credit_class=ci.credit_class,
        currency=ci.currency, overdue_amount=st.overdue_amount, oldest_days_overdue=st.oldest_days_overdue,
        reached_step=st.reached_step.key if st.reached_step else None,
        reached_step_name=st.reached_step.name if st.reached_step else "",
        next_step=st.next_step.key if st.next_step else None,
        next_step_name=st.next_step.name if st.next_step else "", next_step_date=st.next_step_date,
        state=st.state, last_step=st.last_step, last_step_date=st.last_step_date, promise=promise,
        broken_promise=st.broken_promise is not None,
        hold_until=ci.hold.until if ci.hold else None, hold_reason=ci.hold.reason if ci.hold else "",
        credit_review=review, credit_limit=ci.credit_limit, suggested_class=suggested_class,
        chased_invoices=st.chased_invoices, episode_start=st.episode_start, status=st)


def _record_promise_outcome(s, ci: CustomerInputs, status: str, as_of: dt.date, grace_days: int) -> None:
    from ar_desktop.storage import collection_records

    p = ci.promise
    row = collection_records.get_promise(s, int(p.ref))
    if row is None or row.status == status:
        return
    units = to_minor(p.amount, ci.currency)
    if status == "broken":
        when = p.deadline(grace_days) + dt.timedelta(days=1)
        row.status, row.broken_recorded_on = "broken", as_of
        note = stored(Text(translate("Messages", "Paid {paid} of {amount} by {date}."), paid=Amount(p.paid_since),
                           amount=Amount(p.amount), date=p.deadline(grace_days).isoformat()))
        collection_records.add_event(s, customer_id=ci.customer_id, kind="promise_broken", date=when, note=note,
                                   amount=units, promise_id=row.id)
    else:
        row.status = "kept"
        collection_records.add_event(s, customer_id=ci.customer_id, kind="promise_kept", date=as_of,
                                   note=stored(Text(translate("Messages", "Paid {paid} since {date}."),
                                                    paid=Amount(p.paid_since), date=p.made_on.isoformat())),
                                   amount=units,
                                   promise_id=row.id)
    ci.promise_status = status


def _reopen_promises(s, today: dt.date, customer_ids: list[int] | None) -> None:
    """A promise recorded as kept by a payment that was reversed since is kept no longer: a note says so
    (on the day of the reversal), and it is open again, or broken (promise_broken on that day, never
    before it) when its grace period is over."""
    from ar_desktop.storage import collection_records, company_repo, customers_repo

    grace = int(company_repo.get_setting(s, GRACE_KEY, DEFAULT_GRACE_DAYS))
    for row, received, taken_back_on in collection_records.kept_promises_no_longer_kept(s, today, grace,
                                                                                      customer_ids):
        currency = customers_repo.get(s, row.customer_id).currency
        paid, amount = from_minor(received, currency), from_minor(row.amount, currency)
        deadline = row.promised_date + dt.timedelta(days=grace)
        collection_records.add_event(s, customer_id=row.customer_id, kind="note", date=taken_back_on,
                                   note=stored(Text(translate(
                                       "Messages", "Promise to pay {amount} by {date} no longer kept: a payment it "
                                                   "counted was reversed; {paid} received."),
                                       amount=Amount(amount), date=row.promised_date.isoformat(), paid=Amount(paid))),
                                   amount=row.amount, promise_id=row.id)
        if today > deadline:
            row.status, row.broken_recorded_on = "broken", today
            collection_records.add_event(s, customer_id=row.customer_id, kind="promise_broken",
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
            from ar_desktop.storage import collection_records

            row = collection_records.get_payment_plan(s, p.id)
            if row is not None:
                _record_plan_kept(s, row, as_of)
                p.status = "kept"
    ci.plan_inputs = holding
    ci.plans = [p.plan() for p in holding]


def _record_plan_broken(s, ci: CustomerInputs, p: PlanInputs, broke: dt.date, grace_days: int) -> None:
    from ar_desktop.storage import collection_records

    row = collection_records.get_payment_plan(s, p.id)
    missed = missed_instalment(p.instalments, p.paid, broke, grace_days, p.ends_on)
    if row is None or row.status != OPEN or missed is None:
        return
    row.status, row.ends_on = "broken", broke - dt.timedelta(days=1)
    note = stored(Text(translate("Messages", "Paid {paid} of {amount} due by {date}."), paid=Amount(missed.paid),
                       amount=Amount(missed.due_so_far), date=missed.due_on.isoformat()))
    collection_records.add_event(s, customer_id=ci.customer_id, kind="plan_broken", date=broke, note=note,
                               amount=to_minor(missed.due_so_far - missed.paid, ci.currency))


def _record_plan_kept(s, row, as_of: dt.date) -> None:
    """The plan's invoices are all paid as of D: it is kept (one plan_kept event)."""
    from ar_desktop.storage import collection_records

    if row.status != "open":
        return
    row.status = "kept"
    numbers = ", ".join(collection_records.plan_invoice_numbers(s, row.id))
    collection_records.add_event(s, customer_id=row.customer_id, kind="plan_kept", date=as_of,
                               note=stored(Text(translate("Messages", "Invoices {numbers} paid in full."),
                                                numbers=numbers)) if numbers else "")
