"""Collection episodes and the next-step rule (see docs/collections-rule.md).

For one customer as of a date D (always passed in), :func:`collection_status` says which ladder
step the account has reached, which step to take next and since/until when, or why the customer
is paused. Pure function of its inputs; stdlib only.

Inputs
------
* ``invoices`` - every invoice of the customer the program knows, settled ones included (their
  overdue periods make up the episodes). ``open_amount`` is the open balance as of D;
  ``settled_on`` the date the open balance reached zero (None while open as of D).
* ``history`` - the ladder steps logged for the customer (done or skipped), any date.
* ``promises`` - promises to pay. ``paid_since`` = payments received from ``made_on`` up to
  ``min(D, promised_date + grace)`` (payments after the deadline do not mend a broken promise).
* ``hold`` - a manual hold, ``plans`` - payment plans covering some invoices.

The rule reads the invoices only through :func:`summarize` (an ``OpenSummary``: the open invoices on
the ladder by due date, the sums over the overdue ones, the overdue periods); :func:`status_of` is the
rule on such a summary, which the worklist makes for thousands of customers straight from its rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.frozen import maker
from ar_desktop.domain.ladder import Ladder, Step
from ar_desktop.domain.working_days import CALENDAR_DAYS, DayCount
from ar_desktop.domain.text import Text, translate

# States: stable contract strings.
ACTION_DUE = "action_due"
WAITING = "waiting"
PROMISED = "promised"
DISPUTED = "disputed"
ON_HOLD = "on_hold"
STATES = (ACTION_DUE, WAITING, PROMISED, DISPUTED, ON_HOLD)

DEFAULT_GRACE_DAYS = 3
_ZERO = Decimal("0")
_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class InvoiceState:
    """One invoice as the rule sees it as of D.

    ``open_amount`` is the open balance as of D. ``settled_on`` is the date the open balance
    reached zero (None when still open as of D). Voided invoices and invoices issued after D are
    ignored completely. A dispute covers ``disputed_amount`` of the open amount (None: all of
    it); only the undisputed part (``claimable``) is on the ladder.
    """

    number: str
    due_date: date
    open_amount: Decimal
    disputed: bool = False
    settled_on: date | None = None
    issue_date: date | None = None
    voided: bool = False
    disputed_amount: Decimal | None = None   # the contested part; None = all of it (when disputed)

    @property
    def disputed_part(self) -> Decimal:
        """The part of the open amount in dispute as of D (never more than is open)."""
        if not self.disputed or self.open_amount <= 0:
            return _ZERO
        if self.disputed_amount is None:
            return self.open_amount
        return max(_ZERO, min(self.disputed_amount, self.open_amount))

    @property
    def claimable(self) -> Decimal:
        """The undisputed part of the open amount: what is claimed and chased."""
        return self.open_amount - self.disputed_part


@dataclass(frozen=True)
class StepRecord:
    """A ladder step logged for the customer on ``done_on`` (``skipped`` = deliberately not taken)."""

    step_key: str
    done_on: date
    skipped: bool = False


@dataclass(frozen=True)
class Promise:
    """A promise to pay ``amount`` by ``promised_date``, made on ``made_on``.

    ``paid_since``: payments received from ``made_on`` up to min(D, promised_date + grace).
    ``ref`` is free for the caller (e.g. the database id) so a broken promise can be recorded.
    """

    made_on: date
    promised_date: date
    amount: Decimal
    paid_since: Decimal = _ZERO
    ref: int | str | None = None

    def __post_init__(self) -> None:
        if self.amount <= 0:
            raise UserError(Text(translate("Messages", "The promised amount {amount} must be greater than zero."),
                                 amount=self.amount))
        if self.promised_date < self.made_on:
            raise UserError(Text(translate("Messages", "The promised date {promised_date} is before the day the "
                                                       "promise was made ({made_on}). Enter a date on or after it."),
                                 promised_date=self.promised_date, made_on=self.made_on))

    def deadline(self, grace_days: int) -> date:
        """Last day of the pause: promised date plus the grace days."""
        return self.promised_date + timedelta(days=grace_days)

    def kept(self) -> bool:
        return self.paid_since >= self.amount


@dataclass(frozen=True)
class Hold:
    """A manual hold: the customer is paused while D <= until."""

    until: date
    reason: str


@dataclass(frozen=True)
class PaymentPlan:
    """A payment plan: its invoices are left out of the ladder while starts_on <= D <= ends_on.

    The rule does not check instalments; when the customer misses one, the service ends the plan
    (sets ``ends_on``) and the invoices come back to the ladder the next day.
    """

    invoice_numbers: frozenset[str]
    starts_on: date
    ends_on: date

    def __post_init__(self) -> None:
        object.__setattr__(self, "invoice_numbers", frozenset(self.invoice_numbers))

    def active(self, as_of: date) -> bool:
        return self.starts_on <= as_of <= self.ends_on


@dataclass(frozen=True)
class CollectionStatus:
    """Where a customer stands on the ladder as of a date.

    * ``age_days`` - max(D - due date), in the ladder's days, over the considered invoices (open, not disputed, not in an
      active payment plan); negative when none is overdue yet; None when none is considered.
    * ``overdue_amount`` / ``oldest_days_overdue`` - over ALL open overdue invoices (disputed and
      plan invoices included): the account as the bookkeeper sees it.
    * ``reached_step`` - most severe step with threshold <= age_days.
    * ``next_step`` / ``next_step_date`` - see docs/collections-rule.md: for ``action_due`` the day
      the step became due; for ``waiting`` the day the next step becomes due (None = nothing
      left); for ``promised``/``on_hold`` the first day the ladder may act again.
    * ``last_step`` / ``last_step_date`` - key and date of the latest step *done* (not skipped) in
      this episode.
    * ``severity`` - ladder index of ``reached_step`` (-1 when none): the first urgency criterion.
    * ``chased_invoices`` - numbers of the considered invoices inside the ladder (own age >= first
      threshold), oldest due first: the invoices a letter should list.
    * ``broken_promise`` - the latest promise, when it is broken as of D (record it).
    * ``disputed_amount`` - the disputed parts of the open overdue invoices (inside
      ``overdue_amount``); ``overdue_amount - disputed_amount`` is what can be claimed.
    * ``steps_from`` - the first day whose logged steps count in this episode (None when nothing
      is considered): the earlier steps a letter may mention are those from it up to D.
    """

    age_days: int | None
    overdue_amount: Decimal
    oldest_days_overdue: int
    reached_step: Step | None
    next_step: Step | None
    next_step_date: date | None
    state: str
    last_step: str | None
    last_step_date: date | None
    episode_start: date | None
    broken_promise: Promise | None
    severity: int = -1
    chased_invoices: tuple[str, ...] = ()
    disputed_amount: Decimal = _ZERO
    steps_from: date | None = None


_status = maker(CollectionStatus)   # status_of makes one per customer of the worklist


def reached_step_for_invoice(ladder: Ladder, due_date: date, as_of: date,
                             days: DayCount = CALENDAR_DAYS) -> Step | None:
    """The most severe step one invoice has reached by itself (ignores history and pauses)."""
    return ladder.reached(days.between(due_date, as_of))


def overdue_periods(invoices: Iterable[InvoiceState], as_of: date,
                    settled_periods: Iterable[tuple[date, date]] = ()) -> list[tuple[date, date]]:
    """Maximal runs of days (first, last) on which at least one invoice was overdue, up to D.

    Each invoice is overdue from due_date + 1 to settled_on - 1 (to D when still open); voided
    invoices and invoices issued after D are left out. Touching or overlapping periods merge.
    ``settled_periods``: the overdue periods (first, last day, before D) of invoices settled by D that
    ``invoices`` leaves out (such an invoice bears on the rule through its period alone).
    """
    return _merge(_spans(invoices, as_of) + list(settled_periods))


def _spans(invoices: Iterable[InvoiceState], as_of: date) -> list[tuple[date, date]]:
    """Each invoice's overdue period up to D (see overdue_periods), not merged."""
    one = _ONE_DAY
    spans = []
    for inv in invoices:
        if inv.voided or (inv.issue_date is not None and inv.issue_date > as_of):   # not in the books on D
            continue
        settled = inv.settled_on
        if settled is not None:
            # settled after D: it was still open on D
            end = settled - one if settled <= as_of else as_of
        elif inv.open_amount > 0:
            end = as_of
        else:
            continue  # nothing open and no settlement date: never overdue
        start = inv.due_date + one
        if start <= end:
            spans.append((start, end))
    return spans


def _merge(spans: list[tuple[date, date]]) -> list[tuple[date, date]]:
    one = _ONE_DAY
    spans.sort()
    runs: list[tuple[date, date]] = []
    for start, end in spans:
        if runs and start <= runs[-1][1] + one:
            if end > runs[-1][1]:
                runs[-1] = (runs[-1][0], end)
        else:
            runs.append((start, end))
    return runs


def episode_start(invoices: Iterable[InvoiceState], as_of: date,
                  settled_periods: Iterable[tuple[date, date]] = ()) -> date | None:
    """First day of the collection episode running on D (None when nothing is overdue on D)."""
    runs = overdue_periods(invoices, as_of, settled_periods)
    if runs and runs[-1][1] == as_of:
        return runs[-1][0]
    return None


@dataclass(frozen=True)
class OpenSummary:
    """All the rule reads of a customer's invoices as of D (``summarize`` makes it from InvoiceStates; a
    caller with thousands of customers may make it from its own rows, and must give what summarize gives).

    * ``considered`` - (due date, number) of the open invoices on the ladder (something claimable, not
      in a payment plan active on D), by due date then number;
    * ``overdue_amount`` / ``oldest_overdue`` - the open amount of every open overdue invoice (disputed
      and plan invoices included) and the earliest due date among them (None: none is overdue);
    * ``disputed_amount`` - the disputed parts of those;
    * ``excluded_claimable`` - an open overdue invoice off the ladder still has something claimable (it
      is in a plan);
    * ``periods`` - the overdue periods (first, last day) of every invoice up to D, in any order,
      overlapping or not (overdue_periods merges them).

    A caller that needs less of the status may read less (today's actions on the Overview, for thousands of
    customers): ``considered`` None and ``first_due`` the earliest due date of the considered invoices (None:
    none is) when it did not read their numbers (``chased_invoices`` is then empty); ``periods`` None when
    it did not read the runs of overdue days, for a customer with no step logged by D (the episode bounds only
    which steps count: ``episode_start`` and ``steps_from`` are then None).
    """

    considered: Sequence[tuple[date, str]] | None
    overdue_amount: Decimal
    oldest_overdue: date | None
    disputed_amount: Decimal
    excluded_claimable: bool
    periods: list[tuple[date, date]] | None
    first_due: date | None = None   # only with ``considered`` None (else it is considered[0][0])


def summarize(invoices: Iterable[InvoiceState], as_of: date, plans: Iterable[PaymentPlan] = (),
              settled_periods: Iterable[tuple[date, date]] = ()) -> OpenSummary:
    """The rule's view of the invoices as of D (``plans``: the customer's payment plans)."""
    invoices = tuple(invoices)
    # open on D: in the books (not voided, issued by D), not settled by D, something open; an
    # invoice not disputed has nothing but its open amount to claim
    overdue_open: list[InvoiceState] = []
    claimable: list[InvoiceState] = []
    for i in invoices:
        if i.voided or (i.issue_date is not None and i.issue_date > as_of) \
                or (i.settled_on is not None and i.settled_on <= as_of) or not i.open_amount > 0:
            continue
        if i.due_date < as_of:
            overdue_open.append(i)
        if not i.disputed or i.claimable > 0:
            claimable.append(i)
    covered: set[str] = set()
    for plan in plans:
        if plan.active(as_of):
            covered |= plan.invoice_numbers
    excluded_overdue = [i for i in overdue_open if (i.disputed and i.claimable <= 0) or i.number in covered]
    return OpenSummary(
        considered=sorted((i.due_date, i.number) for i in claimable if i.number not in covered),
        overdue_amount=sum((i.open_amount for i in overdue_open), _ZERO),
        oldest_overdue=min((i.due_date for i in overdue_open), default=None),
        disputed_amount=sum((i.disputed_part for i in overdue_open if i.disputed), _ZERO),
        excluded_claimable=any(i.claimable > 0 for i in excluded_overdue),
        periods=_spans(invoices, as_of) + list(settled_periods))


def collection_status(ladder: Ladder, invoices: Iterable[InvoiceState],
                      history: Iterable[StepRecord], as_of: date,
                      promises: Iterable[Promise] = (), hold: Hold | None = None,
                      grace_days: int = DEFAULT_GRACE_DAYS,
                      plans: Iterable[PaymentPlan] = (), days: DayCount = CALENDAR_DAYS,
                      settled_periods: Iterable[tuple[date, date]] = ()) -> CollectionStatus | None:
    """Apply the next-step rule for one customer as of ``as_of``; the ladder's thresholds and
    waiting periods are counted in ``days`` (calendar or working days, domain.working_days).
    ``settled_periods``: see overdue_periods.

    Returns None when the customer needs no attention: no open invoice is overdue and no
    considered invoice is inside the ladder's pre-due window.
    """
    plans = tuple(plans)
    return status_of(ladder, summarize(invoices, as_of, plans, settled_periods), history, as_of, promises, hold,
                     grace_days, plans, days)


def status_of(ladder: Ladder, invoices: OpenSummary, history: Iterable[StepRecord], as_of: date,
              promises: Iterable[Promise] = (), hold: Hold | None = None, grace_days: int = DEFAULT_GRACE_DAYS,
              plans: Iterable[PaymentPlan] = (), days: DayCount = CALENDAR_DAYS) -> CollectionStatus | None:
    """``collection_status`` of the invoices as ``summarize`` gives them."""
    if isinstance(grace_days, bool) or not isinstance(grace_days, int) or grace_days < 0:
        raise UserError(Text(translate("Messages", "The promise grace period '{grace_days}' must be a whole number "
                                                   "of days, 0 or more. Correct it in the settings."),
                             grace_days=grace_days))
    one = _ONE_DAY
    considered = invoices.considered
    if considered is None:   # the caller read the earliest due date alone (see OpenSummary)
        first_due = invoices.first_due
    else:
        first_due = considered[0][0] if considered else None
    # the days are counted from the due date: the oldest due date is the greatest age
    age = days.between(first_due, as_of) if first_due is not None else None
    severity = ladder.position(age) if age is not None else -1
    reached = ladder.steps[severity] if severity >= 0 else None
    considered_overdue = first_due is not None and first_due < as_of
    if reached is None and invoices.oldest_overdue is None:
        return None

    # --- the episode and the steps that count in it -----------------------------------------
    if invoices.periods is None:   # not read: no step logged by D may count (see OpenSummary)
        if history and any(r.done_on <= as_of for r in history):
            raise ValueError("the overdue periods are needed: steps were logged by D")
        active = lower = None
        records = []
    else:
        runs = _merge(list(invoices.periods))
        active = runs[-1] if runs and runs[-1][1] == as_of else None
        pre = min(0, ladder.first_threshold)
        if active is not None:
            lower = days.add(active[0] - one, pre)
        else:
            lower = days.add(first_due, pre)  # reached is set, so something is considered
        earlier = runs[:-1] if active is not None else runs
        if earlier:
            lower = max(lower, earlier[-1][1] + one)
        records = sorted((r for r in history if lower <= r.done_on <= as_of),
                         key=lambda r: (r.done_on, not r.skipped))
    logged: dict[str, StepRecord] = {}
    performed: dict[str, date] = {}
    last = None
    if records:
        for r in records:
            logged[r.step_key] = r
            if not r.skipped:
                performed[r.step_key] = r.done_on
        done_records = [r for r in records if not r.skipped]
        last = max(done_records, key=lambda r: (r.done_on, _idx(ladder, r.step_key)), default=None)

    # --- the ladder itself ----------------------------------------------------------------------
    state: str
    next_step: Step | None = None
    next_date: date | None = None
    if first_due is not None:
        oldest_due = first_due

        def ready_date(step: Step) -> date:
            when = days.add(oldest_due, step.threshold_days)
            if step.requires is not None and step.requires in performed:
                when = max(when, days.add(performed[step.requires], step.wait_days))
            return when

        def resolve(step: Step) -> tuple[str, Step, date]:
            while step.requires is not None and step.requires not in performed:   # its prerequisite first
                prerequisite = ladder.get(step.requires)
                assert prerequisite is not None  # guaranteed by Ladder validation
                step = prerequisite
            threshold_date = days.add(oldest_due, step.threshold_days)
            if step.requires is None:
                return ACTION_DUE, step, threshold_date
            ready = days.add(performed[step.requires], step.wait_days)
            if as_of < ready:
                return WAITING, step, ready
            return ACTION_DUE, step, max(threshold_date, ready)

        if reached is None:
            state, next_step = WAITING, ladder.steps[0]
            next_date = ready_date(next_step)
        elif reached.key not in logged:
            state, next_step, next_date = resolve(reached)
        else:
            state = WAITING
            following = [s for s in ladder.after(reached) if s.key not in logged]
            if following:
                next_step = following[0]
                next_date = ready_date(next_step)
    else:
        state = WAITING

    # --- pauses ---------------------------------------------------------------------------------
    broken: Promise | None = None
    promise_resume: date | None = None
    made = [p for p in promises if p.made_on <= as_of] if promises else ()
    if made:
        latest = max(made, key=lambda p: (p.made_on, p.promised_date))
        if not latest.kept():
            if as_of <= latest.deadline(grace_days):
                promise_resume = latest.deadline(grace_days) + one
            else:
                broken = latest

    if hold is not None and as_of <= hold.until:   # paused: the ladder acts again on the later of the two days
        resume = hold.until + one
        state, next_date = ON_HOLD, resume if next_date is None else max(resume, next_date)
    elif promise_resume is not None:
        state, next_date = PROMISED, promise_resume if next_date is None else max(promise_resume, next_date)
    elif reached is None and not considered_overdue:
        # Only disputed or plan-covered invoices are overdue: nothing on the ladder to do.
        if not invoices.excluded_claimable:
            state, next_step, next_date = DISPUTED, None, None
        else:
            ends = [p.ends_on for p in plans if p.active(as_of)]
            state, next_date = PROMISED, max(ends) + one

    return _status(
        age_days=age,
        overdue_amount=invoices.overdue_amount,
        oldest_days_overdue=(as_of - invoices.oldest_overdue).days if invoices.oldest_overdue is not None else 0,
        reached_step=reached,
        next_step=next_step,
        next_step_date=next_date,
        state=state,
        last_step=last.step_key if last else None,
        last_step_date=last.done_on if last else None,
        episode_start=active[0] if active else None,
        broken_promise=broken,
        severity=severity,
        chased_invoices=_chased(considered, as_of, ladder.first_threshold, days) if considered else (),
        disputed_amount=invoices.disputed_amount,
        steps_from=lower,
    )


def _chased(considered: Sequence[tuple[date, str]], as_of: date, first: int, days: DayCount) -> tuple[str, ...]:
    """The numbers of the considered invoices inside the ladder (own age >= its first threshold): the days
    from a due date to D never grow with the due date, so in ``considered``'s order (by due date) these are
    the invoices before the first one outside it, found by halving (a customer may have thousands)."""
    lo, hi = 0, len(considered)   # considered[:lo] are inside, considered[hi:] are not
    while lo < hi:
        mid = (lo + hi) // 2
        if days.between(considered[mid][0], as_of) >= first:
            lo = mid + 1
        else:
            hi = mid
    return tuple([number for _due, number in considered[:lo]])


def _idx(ladder: Ladder, key: str) -> int:
    try:
        return ladder.index(key)
    except KeyError:
        return -1


def urgency_key(status: CollectionStatus) -> tuple[int, Decimal, int]:
    """Sort key, most urgent first: most severe reached step, then largest overdue amount,
    then oldest overdue invoice. Use ``sorted(statuses, key=urgency_key)``."""
    return (-status.severity, -status.overdue_amount, -status.oldest_days_overdue)
