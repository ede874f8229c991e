"""The quarterly credit review: the pack (portfolio page, then one page per customer with a balance
or sales in the quarter) and the decision recorded for each customer in its collection file."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal

from ar_desktop.domain.aging import BUCKET_KEYS, bucket_for, days_past_due
from ar_desktop.domain.credit import suggest_from_behaviour
from ar_desktop.domain.errors import UserError
from ar_desktop.domain.kpi import Period, compute_kpis, quarter_bounds, quarter_of, round_figure
from ar_desktop.domain.money import ZERO, from_minor, parse_amount, to_minor
from ar_desktop.domain.review import (CHANGE_CLASS, CHANGE_LIMIT, STOP_SUPPLYING, CustomerReview, Decision,
                                      Exposure, MonthActivity, QuarterPayment, ReviewDocument, WriteOff,
                                      check_decision)
from ar_desktop.domain.ladder import step_name_text
from ar_desktop.domain.text import Text, Translate, stored, translate
from ar_desktop.services.collection_input import customer_by_code, entered_text
from ar_desktop.services.collection_ladders import ladder_of
from ar_desktop.services.collection_settings import settings_in
from ar_desktop.services.context import Books
from ar_desktop.services.kpis import _currency, kpi_inputs, trend
from ar_desktop.services.reports import _company, check_language
from ar_desktop.services.shipped_translation import translator
from ar_desktop.storage import collection_records, collections_repo, customers_repo, kpi_repo, review_repo

LARGEST = 10
TREND_QUARTERS = 4


@dataclass(frozen=True)
class ReviewCandidate:
    """A customer of the quarter's review, as the window lists it for a decision."""

    code: str
    name: str
    currency: str
    balance: Decimal
    overdue: Decimal
    credit_limit: Decimal | None
    credit_class: str
    suggested_class: str | None
    decision: Decision | None


def _quarter(books: Books, quarter: str) -> tuple[str, dt.date, dt.date, dt.date]:
    first, last = quarter_bounds(quarter)
    if first > books.today():
        raise UserError(Text(translate("Messages", "The quarter {quarter} has not begun yet (today is {today}). "
                                       "Choose a quarter that has."), quarter=quarter.strip().upper(),
                             today=books.today().isoformat()))
    return quarter.strip().upper(), first, last, min(last, books.today())


def _quarter_periods(first: dt.date, as_of: dt.date, n: int) -> list[tuple[str, Period]]:
    """The ``n`` quarters up to the one starting on ``first`` (that one up to ``as_of``), oldest first."""
    out = []
    start, end = first, as_of
    for _ in range(n):
        out.append((quarter_of(start), Period(end, (end - start).days + 1)))
        end = start - dt.timedelta(days=1)
        start = _months_before(start, 3)
    return out[::-1]


def _months_before(day: dt.date, months: int) -> dt.date:
    """The first day of the month ``months`` before ``day``'s (negative: after)."""
    m = day.year * 12 + day.month - 1 - months
    return dt.date(m // 12, m % 12 + 1, 1)


def review_document(books: Books, quarter: str, *, customer: str | None = None,
                    language: str = "en") -> ReviewDocument:
    check_language(language)
    tr = translator(language)
    q, first, last, as_of = _quarter(books, quarter)
    with books.db.session() as s:
        code = _currency(s, None)
        only = customer_by_code(s, customer)[0] if customer else None
        period = Period(as_of, (as_of - first).days + 1)   # the quarter, or so much of it as has passed
        k = compute_kpis(kpi_inputs(s, period, code))
        before = first - dt.timedelta(days=1)
        previous = compute_kpis(kpi_inputs(s, Period(before, (before - _months_before(first, 3)).days + 1), code))
        items = kpi_repo.open_items(s, as_of, customer_id=only)
        ids = [only] if only else review_repo.customers_in_review(s, first, as_of, {i.customer_id for i in items})
        scope = review_repo.scope_of(ids)
        customers = {cid: customers_repo.get(s, cid) for cid in ids}
        sales = review_repo.monthly_sales(s, first, as_of, scope)
        paid = review_repo.monthly_payments(s, first, as_of, scope)
        events = review_repo.events(s, first, as_of, scope)
        pay_trend = {name: review_repo.payment_by_customer(s, p, scope)
                     for name, p in _quarter_periods(first, as_of, TREND_QUARTERS)}
        behaviours = collections_repo.behaviours(s, as_of, ids)
        credit = settings_in(s).credit
        decided = review_repo.decisions(s, q, scope)
        ladders = {cid: ladder_of(s, cid, customers[cid].credit_class) for cid in ids}
        written = review_repo.write_offs(s, first, as_of, scope if only else None)
        company = _company(s)
    by_customer: dict[int, list] = {}
    for i in items:
        by_customer.setdefault(i.customer_id, []).append(i)
    buckets = {key: ZERO for key in BUCKET_KEYS}
    for i in items:
        if i.currency == code:
            buckets[bucket_for(days_past_due(i.due_date, as_of)).key] += from_minor(i.open_units, i.currency)
    months = [_months_before(first, -n) for n in range(3)]
    pages = []
    for cid in sorted(ids, key=lambda c: customers[c].code):
        data, mine = customers[cid], by_customer.get(cid, [])
        cur = data.currency
        balance = from_minor(sum(i.open_units for i in mine), cur)
        overdue = from_minor(sum(i.open_units for i in mine if i.due_date < as_of), cur)
        activity = tuple(MonthActivity(m, from_minor(sales.get((cid, f"{m:%Y-%m}"), 0), cur),
                                       from_minor(paid.get((cid, f"{m:%Y-%m}", False), 0), cur),
                                       from_minor(paid.get((cid, f"{m:%Y-%m}", True), 0), cur))
                         for m in months if m <= as_of)
        trend_rows = tuple(_quarter_payment(name, stats.get(cid)) for name, stats in pay_trend.items())
        mine_events = [e for e in events if e[0] == cid]
        disputes = tuple((d, kind, number or "", None if units is None else from_minor(units, cur))
                         for _c, kind, d, _k, number, units in mine_events if kind.startswith("dispute"))
        counts = tuple(sum(1 for e in mine_events if e[1] == kind) for kind in ("promise", "promise_kept", "promise_broken"))
        steps = tuple((d, key, _step_name(ladders[cid], key, tr)) for _c, kind, d, key, _n, _u in mine_events
                      if kind == "step_done")
        pages.append(CustomerReview(
            data.code, data.name, cur, data.credit_class, suggest_from_behaviour(behaviours.get(cid), credit),
            data.credit_limit, balance, overdue, data.on_hold, activity, trend_rows, disputes,
            from_minor(sum(i.disputed_units for i in mine), cur), counts, steps, _decision(decided.get(cid), cur)))
    exposures = [Exposure(p.code, p.name, p.currency, p.balance, p.overdue, p.credit_limit) for p in pages]
    largest = sorted((e for e in exposures if e.balance > 0), key=lambda e: (-e.balance, e.code))[:LARGEST]
    over = sorted((e for e in exposures if e.credit_limit is not None and e.balance > e.credit_limit),
                  key=lambda e: (-(e.balance - e.credit_limit), e.code))
    write_offs = tuple(WriteOff(d, c, n, inv, from_minor(u, cur), cur, reason or "")
                       for d, c, n, inv, u, cur, reason in written)
    return ReviewDocument(company, language, q, first, last, as_of, books.today(), k, previous, buckets,
                          tuple(trend(books, as_of, 90, code)), tuple(largest), tuple(over), write_offs, tuple(pages))


def _quarter_payment(name: str, stats: tuple[int, int, int] | None) -> QuarterPayment:
    if not stats or not stats[0]:
        return QuarterPayment(name, 0, None, None)
    n, to_pay, late = stats
    return QuarterPayment(name, n, round_figure(Decimal(to_pay) / n), round_figure(Decimal(late) / n))


def _step_name(ladder, key: str, tr: Translate) -> str:
    """A step as the window names it: a shipped step in the report's language, one the user named as typed."""
    step = ladder.get(key)
    return step_name_text(key, step.name if step else None).render(tr)


def _decision(row, currency: str) -> Decision | None:
    if row is None:
        return None
    limit = lambda units: None if units is None else from_minor(units, currency)  # noqa: E731
    return Decision(row.quarter, row.decision, row.decided_on, limit(row.old_limit), limit(row.new_limit),
                    row.old_class, row.new_class, row.note)


def review_pdf(books: Books, quarter: str, **options) -> bytes:
    from ar_desktop.pdf.review import render_review

    return render_review(review_document(books, quarter, **options))


def review_candidates(books: Books, quarter: str) -> list[ReviewCandidate]:
    """The customers of the quarter's pack with what the decision needs, by code."""
    doc = review_document(books, quarter)
    return [ReviewCandidate(c.code, c.name, c.currency, c.balance, c.overdue, c.credit_limit, c.credit_class,
                            c.suggested_class, c.decision) for c in doc.customers]


def record_decision(books: Books, quarter: str, code: str, decision: str, *, new_limit: Decimal | str | None = None,
                    new_class: str | None = None, note: str = "", on: dt.date | None = None) -> Decision:
    """The bookkeeper's decision for one customer: recorded in its collection file (a credit review
    event with the decision in words) and in the review's decisions; a new limit or class is set on
    the customer, and "stop supplying" puts the account on hold (no new credit). One transaction."""
    q, _first, _last, _as_of = _quarter(books, quarter)
    day = on or books.today()
    with books.db.session() as s:
        cid, data = customer_by_code(s, code)
        cur = data.currency
        limit = None if new_limit in (None, "") else parse_amount(new_limit, cur, allow_zero=False)
        kept_limit, kept_class = check_decision(decision, new_limit=limit, new_class=new_class,
                                                old_limit=data.credit_limit, old_class=data.credit_class)
        note = entered_text(note, "note")
        d = Decision(q, decision, day, data.credit_limit, kept_limit if decision == CHANGE_LIMIT else None,
                     data.credit_class, kept_class if decision == CHANGE_CLASS else "", note)
        customers_repo.update(s, cid, replace(data, credit_limit=kept_limit, credit_class=kept_class,
                                              on_hold=data.on_hold or decision == STOP_SUPPLYING))
        text = stored(Text(translate("Messages", "{what} {note}"), what=d.describe(), note=note) if note
                      else d.describe())
        event = collection_records.add_event(s, customer_id=cid, kind="credit_review", date=day, note=text)
        review_repo.add_decision(s, customer_id=cid, quarter=q, decided_on=day, decision=decision,
                                 old_limit=None if data.credit_limit is None else to_minor(data.credit_limit, cur),
                                 new_limit=None if d.new_limit is None else to_minor(d.new_limit, cur),
                                 old_class=data.credit_class, new_class=d.new_class, note=note, event_id=event)
        return d
