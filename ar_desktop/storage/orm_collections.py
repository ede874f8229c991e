"""Tables of the collections work: the customer's history (append-only), promises, holds and
per-customer ladders. Money is integer minor units, dates ISO text (as in orm.py)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ar_desktop.storage.orm import Base

EVENT_KINDS = ("step_done", "step_skipped", "call", "promise", "promise_broken", "promise_kept", "dispute",
               "dispute_resolved", "hold", "hold_released", "note", "credit_override", "credit_review",
               "plan", "plan_broken", "plan_kept", "plan_cancelled")
CALL_OUTCOMES = ("reached", "no_answer", "promised", "disputed", "refused")
PROMISE_STATUSES = ("open", "kept", "broken")
PLAN_STATUSES = ("open", "kept", "broken", "cancelled")


def _now() -> dt.datetime:
    # to the microsecond: a customer's timeline orders one day's payments and events by when they were recorded
    return dt.datetime.now()


def _in(values: tuple[str, ...]) -> str:
    return ", ".join(f"'{v}'" for v in values)


class CollectionEvent(Base):
    """One thing that happened in collecting from a customer. Rows are only ever added: a
    correction is a new event (e.g. dispute_resolved after dispute, promise_kept after a
    promise_broken that a late-entered payment mended)."""

    __tablename__ = "collection_event"
    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))
    kind: Mapped[str] = mapped_column(String(20))
    date: Mapped[dt.date] = mapped_column(Date)
    step_key: Mapped[str] = mapped_column(String(40), default="")
    outcome: Mapped[str] = mapped_column(String(20), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    amount: Mapped[int | None] = mapped_column(Integer, nullable=True)
    invoice_id: Mapped[int | None] = mapped_column(ForeignKey("invoice.id"), nullable=True)
    promise_id: Mapped[int | None] = mapped_column(ForeignKey("promise.id"), nullable=True)
    hold_id: Mapped[int | None] = mapped_column(ForeignKey("hold.id"), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    __table_args__ = (
        CheckConstraint(f"kind IN ({_in(EVENT_KINDS)})", name="ck_collection_event_kind"),
        CheckConstraint(f"outcome = '' OR outcome IN ({_in(CALL_OUTCOMES)})", name="ck_collection_event_outcome"),
        Index("ix_collection_event_customer", "customer_id", "date"),
        Index("ix_collection_event_kind", "kind", "customer_id", "date"),
        Index("ix_collection_event_invoice", "invoice_id"),
    )


class PromiseRow(Base):
    """A promise to pay ``amount`` by ``promised_date``, made on ``made_on``."""

    __tablename__ = "promise"
    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))
    made_on: Mapped[dt.date] = mapped_column(Date)
    promised_date: Mapped[dt.date] = mapped_column(Date)
    amount: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(10), default="open")
    broken_recorded_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    __table_args__ = (
        CheckConstraint("amount > 0", name="ck_promise_amount"),
        CheckConstraint("promised_date >= made_on", name="ck_promise_dates"),
        CheckConstraint(f"status IN ({_in(PROMISE_STATUSES)})", name="ck_promise_status"),
        Index("ix_promise_customer", "customer_id", "made_on"),
    )


class HoldRow(Base):
    """A manual collections hold: the customer is paused from set_on up to until (inclusive),
    unless released earlier (not on hold from released_on)."""

    __tablename__ = "hold"
    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))
    until: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(500))
    set_on: Mapped[dt.date] = mapped_column(Date)
    released_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    __table_args__ = (
        CheckConstraint("until >= set_on", name="ck_hold_dates"),
        Index("ix_hold_customer", "customer_id", "set_on"),
    )


class PaymentPlanRow(Base):
    """A payment plan: its invoices leave the ladder from starts_on to ends_on (inclusive). A broken
    plan ends the day before it broke, a cancelled one the day before it was cancelled."""

    __tablename__ = "payment_plan"
    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))
    starts_on: Mapped[dt.date] = mapped_column(Date)
    ends_on: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(10), default="open")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    __table_args__ = (
        CheckConstraint(f"status IN ({_in(PLAN_STATUSES)})", name="ck_payment_plan_status"),
        Index("ix_payment_plan_customer", "customer_id", "starts_on"),
    )


class PaymentPlanInvoice(Base):
    """An invoice covered by a payment plan."""

    __tablename__ = "payment_plan_invoice"
    plan_id: Mapped[int] = mapped_column(ForeignKey("payment_plan.id"), primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoice.id"), primary_key=True)
    __table_args__ = (Index("ix_payment_plan_invoice_invoice", "invoice_id"),)


class PaymentPlanInstalment(Base):
    """One instalment of a payment plan: ``amount`` minor units due on ``due_on``."""

    __tablename__ = "payment_plan_instalment"
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("payment_plan.id"))
    due_on: Mapped[dt.date] = mapped_column(Date)
    amount: Mapped[int] = mapped_column(Integer)
    __table_args__ = (
        CheckConstraint("amount > 0", name="ck_payment_plan_instalment_amount"),
        Index("ix_payment_plan_instalment_plan", "plan_id", "due_on"),
    )


class CustomerLadder(Base):
    """A customer's own ladder (JSON list of steps, see domain.ladder.ladder_to_data)."""

    __tablename__ = "customer_ladder"
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), primary_key=True)
    ladder_json: Mapped[str] = mapped_column(Text)


__all__ = ["CollectionEvent", "PromiseRow", "HoldRow", "CustomerLadder", "PaymentPlanRow", "PaymentPlanInvoice",
           "PaymentPlanInstalment", "EVENT_KINDS", "CALL_OUTCOMES", "PROMISE_STATUSES", "PLAN_STATUSES"]
