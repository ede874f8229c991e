"""Tables of credit risk: insurance policies, insured limits (every decision kept) and insurer
events, acknowledgements of debt, credit checks and balance confirmations. Money is integer
minor units, dates ISO text, percentages exact decimal text (as in orm.py). Rows are only added:
a new decision, event or check is a new row; the audit trail records each."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, CheckConstraint, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ar_desktop.storage.orm import Base

INSURER_EVENT_KINDS = ("notified", "transferred", "claim_filed", "indemnified")
ACK_KINDS = ("written", "oral", "confirmation")
DECISIONS = ("approved", "approved_with_conditions", "declined")


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def _in(values: tuple[str, ...]) -> str:
    return ", ".join(f"'{v}'" for v in values)


class InsurancePolicy(Base):
    __tablename__ = "insurance_policy"
    id: Mapped[int] = mapped_column(primary_key=True)
    insurer: Mapped[str] = mapped_column(String(100))
    number: Mapped[str] = mapped_column(String(100), unique=True)
    indemnity_percent: Mapped[str] = mapped_column(String(20))
    max_extension_days: Mapped[int] = mapped_column(Integer)
    notify_within_days: Mapped[int] = mapped_column(Integer)
    transfer_within_days: Mapped[int] = mapped_column(Integer)
    max_credit_days: Mapped[int | None] = mapped_column(Integer, nullable=True)
    discretionary_limit: Mapped[int | None] = mapped_column(Integer, nullable=True)  # company currency
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)


class InsuredLimitRow(Base):
    """One decision on a customer's insured limit (in the customer's currency); 0 = withdrawn."""

    __tablename__ = "insured_limit"
    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))
    policy_id: Mapped[int] = mapped_column(ForeignKey("insurance_policy.id"))
    amount: Mapped[int] = mapped_column(Integer)
    valid_from: Mapped[dt.date] = mapped_column(Date)
    valid_until: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    reference: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    __table_args__ = (
        CheckConstraint("amount >= 0", name="ck_insured_limit_amount"),
        CheckConstraint("valid_until IS NULL OR valid_until >= valid_from", name="ck_insured_limit_dates"),
        Index("ix_insured_limit_customer", "customer_id", "valid_from"),
    )


class InsurerEventRow(Base):
    __tablename__ = "insurer_event"
    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))
    policy_id: Mapped[int | None] = mapped_column(ForeignKey("insurance_policy.id"), nullable=True)
    kind: Mapped[str] = mapped_column(String(20))
    date: Mapped[dt.date] = mapped_column(Date)
    amount: Mapped[int | None] = mapped_column(Integer, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    __table_args__ = (
        CheckConstraint(f"kind IN ({_in(INSURER_EVENT_KINDS)})", name="ck_insurer_event_kind"),
        CheckConstraint("amount IS NULL OR amount >= 0", name="ck_insurer_event_amount"),
        Index("ix_insurer_event_customer", "customer_id", "date"),
    )


class Acknowledgement(Base):
    """The customer acknowledged owing an invoice on ``date`` (in writing, orally, or by
    returning a balance confirmation). It restarts the limitation clock where the law says so."""

    __tablename__ = "acknowledgement"
    id: Mapped[int] = mapped_column(primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoice.id"))
    date: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(12), default="written")
    confirmation_id: Mapped[int | None] = mapped_column(ForeignKey("balance_confirmation.id"), nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    __table_args__ = (
        CheckConstraint(f"kind IN ({_in(ACK_KINDS)})", name="ck_acknowledgement_kind"),
        Index("ix_acknowledgement_invoice", "invoice_id", "date"),
    )


class CreditCheckRow(Base):
    __tablename__ = "credit_check"
    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))
    date: Mapped[dt.date] = mapped_column(Date)
    sources: Mapped[str] = mapped_column(String(200))  # comma-separated keys
    findings: Mapped[str] = mapped_column(Text)
    decision: Mapped[str] = mapped_column(String(30))
    limit_granted: Mapped[int | None] = mapped_column(Integer, nullable=True)
    next_review: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    __table_args__ = (
        CheckConstraint(f"decision IN ({_in(DECISIONS)})", name="ck_credit_check_decision"),
        Index("ix_credit_check_customer", "customer_id", "date"),
    )


class BalanceConfirmation(Base):
    """A confirmation slip sent with a statement: 'we confirm we owe ``amount`` as of ``as_of``',
    to be returned by ``return_by``; ``returned_on`` when it came back (``agreed``: signed as sent)."""

    __tablename__ = "balance_confirmation"
    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))
    as_of: Mapped[dt.date] = mapped_column(Date)
    amount: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3))
    return_by: Mapped[dt.date] = mapped_column(Date)
    returned_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    agreed: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    __table_args__ = (
        CheckConstraint("return_by >= as_of", name="ck_balance_confirmation_dates"),
        Index("ix_balance_confirmation_customer", "customer_id", "as_of"),
    )


__all__ = ["InsurancePolicy", "InsuredLimitRow", "InsurerEventRow", "Acknowledgement", "CreditCheckRow",
           "BalanceConfirmation", "INSURER_EVENT_KINDS", "ACK_KINDS", "DECISIONS"]
