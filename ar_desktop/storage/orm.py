"""Tables of a company file. Money is stored as integer minor units; dates as day numbers in the tables with a
row per invoice or payment (storage.days), as ISO text in the others."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (Boolean, CheckConstraint, Date, DateTime, ForeignKey, Index, Integer, String, Text,
                        UniqueConstraint, event, text)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from ar_desktop.storage.day_columns import DayNumber, Stamp

from ar_desktop.storage.late_runs import VOIDED_LATE_SQL
from ar_desktop.storage.spans import SPAN_DAYS, SPAN_OPEN


class Base(DeclarativeBase):
    pass


def _now() -> dt.datetime:
    # to the microsecond: a customer's timeline orders one day's payments and events by when they were recorded
    return dt.datetime.now()


class Company(Base):
    """The one company this file keeps the books of (a single row, id 1)."""

    __tablename__ = "company"
    id: Mapped[int] = mapped_column(primary_key=True)
    legal_name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(Text, default="")
    postcode: Mapped[str] = mapped_column(String(20), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    country: Mapped[str] = mapped_column(String(2), default="")
    tax_id: Mapped[str] = mapped_column(String(50), default="")
    # commercial register number (e.g. HRB 12345) or Chinese 统一社会信用代码, printed on letters
    registration_id: Mapped[str] = mapped_column(String(60), default="", server_default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    bank_name: Mapped[str] = mapped_column(String(200), default="")
    bank_account: Mapped[str] = mapped_column(String(60), default="")
    bank_bic: Mapped[str] = mapped_column(String(20), default="")
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    signer_name: Mapped[str] = mapped_column(String(200), default="")
    signer_title: Mapped[str] = mapped_column(String(200), default="")


class Customer(Base):
    __tablename__ = "customer"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    contact: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    postcode: Mapped[str] = mapped_column(String(20), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    country: Mapped[str] = mapped_column(String(2), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    tax_id: Mapped[str] = mapped_column(String(50), default="")
    credit_limit: Mapped[int | None] = mapped_column(Integer, nullable=True)
    credit_class: Mapped[str] = mapped_column(String(1), default="B")
    terms_days: Mapped[int] = mapped_column(Integer, default=30)
    # early-payment discount of the terms ("2/10 net 30"): percent as exact decimal text ('' = none)
    discount_percent: Mapped[str] = mapped_column(String(10), default="")
    discount_days: Mapped[int] = mapped_column(Integer, default=0)
    retention_of_title: Mapped[bool] = mapped_column(Boolean, default=False)  # its invoices' default
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    language: Mapped[str] = mapped_column(String(2), default="en")
    notes: Mapped[str] = mapped_column(Text, default="")
    on_hold: Mapped[bool] = mapped_column(Boolean, default=False)
    late_charge_rule: Mapped[str] = mapped_column(String(20), default="")
    late_charge_rate: Mapped[str] = mapped_column(String(20), default="")  # exact decimal text, or tiers
    limitation: Mapped[str] = mapped_column(String(4), default="")  # '' = from the company's country
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    __table_args__ = (CheckConstraint("credit_class IN ('A','B','C')", name="ck_customer_class"),)


class Invoice(Base):
    __tablename__ = "invoice"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))
    issue_date: Mapped[dt.date] = mapped_column(DayNumber)
    due_date: Mapped[dt.date] = mapped_column(DayNumber)
    amount: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3))
    reference: Mapped[str] = mapped_column(String(100), default="")
    description: Mapped[str] = mapped_column(String(500), default="")
    disputed: Mapped[bool] = mapped_column(Boolean, default=False)
    dispute_reason: Mapped[str] = mapped_column(String(500), default="")
    # The contested part in minor units while disputed (0 when not disputed): only the rest is
    # claimed and chased. Never above the open amount when set; see storage.invoices_repo.
    disputed_amount: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    voided: Mapped[bool] = mapped_column(Boolean, default=False)
    void_reason: Mapped[str] = mapped_column(String(500), default="")
    voided_on: Mapped[dt.date | None] = mapped_column(DayNumber, nullable=True)
    # the early-payment discount its terms offered when it was entered, and the last day to take it
    discount: Mapped[int] = mapped_column(Integer, default=0)
    discount_until: Mapped[dt.date | None] = mapped_column(DayNumber, nullable=True)
    # goods delivered under retention of title: they remain ours until paid (letters say so)
    retention_of_title: Mapped[bool] = mapped_column(Boolean, default=False)
    # Derived columns (storage.open_set), never set by hand. Paid so far and the date of the last
    # allocation are kept equal to the allocations by the one place that writes them
    # (storage.payments_repo, storage.bulk_repo), and so is the date of the first (an invoice open on a past
    # day with nothing paid by then needs no allocation read: storage.open_set.paid_on); the day the allocations reached the amount, the
    # first day the invoice was no longer open (cleared or voided) and the class of how long it was
    # open follow from the row itself (``derived`` below, on every ORM write; bulk_repo in SQL). They
    # make "open on D" an index lookup and let lists filter and sort on the open amount in SQL.
    paid: Mapped[int] = mapped_column(Integer, default=0)
    last_paid_on: Mapped[dt.date | None] = mapped_column(DayNumber, nullable=True)
    first_paid_on: Mapped[dt.date | None] = mapped_column(DayNumber, nullable=True)
    cleared_on: Mapped[dt.date | None] = mapped_column(DayNumber, nullable=True)
    closed_on: Mapped[dt.date | None] = mapped_column(DayNumber, nullable=True)
    span_class: Mapped[int] = mapped_column(Integer, default=SPAN_OPEN)
    created_at: Mapped[dt.datetime] = mapped_column(Stamp, default=_now)
    __table_args__ = (
        CheckConstraint("amount > 0", name="ck_invoice_amount"),
        CheckConstraint("due_date >= issue_date", name="ck_invoice_due"),
        Index("ix_invoice_aging", "customer_id", "issue_date", "due_date", "amount"),
        Index("ix_invoice_due", "due_date"),
        Index("ix_invoice_issue", "issue_date"),
        # Lists and balances mostly look at what is still open: that small set is indexed, with what the
        # balances add up, by ix_invoice_owed (storage.list_schema; ix_invoice_open until migration 0017).
        # Open on D = issued by D and closed after D: per span class, a range of issue dates. It also
        # holds what as-of reports read (amounts, dates, void), so they never read the table (storage.open_set).
        Index("ix_invoice_span", "span_class", "issue_date", "closed_on", "customer_id", "due_date", "amount", "paid",
              "last_paid_on", "currency", "voided", "voided_on", "first_paid_on"),
        # The few flagged invoices, for the disputed part of the balance (storage.kpi_sql.disputed_units): with
        # what their open amount on a day needs, so those sums never read the table (migration 0033).
        Index("ix_invoice_disputed", "id", "disputed", "currency", "issue_date", "closed_on", "amount", "paid",
              "first_paid_on", "last_paid_on", sqlite_where=text("disputed = 1")),
        # The few invoices cleared two days or more after their due date (an overdue period) and voided since: the
        # runs of late payments leave them out (storage.late_runs). (The paid-late ones themselves had an index
        # until migration 0031; the worklist reads their runs, late_run, instead.)
        Index("ix_invoice_voided_late", "customer_id", "cleared_on", sqlite_where=text(VOIDED_LATE_SQL)),
    )


def derived(issue_date: dt.date, amount: int, paid: int, last_paid_on: dt.date | None, voided: bool,
            voided_on: dt.date | None) -> tuple[dt.date | None, dt.date | None, int]:
    """(cleared_on, closed_on, span_class) of an invoice. What is paid by any day never exceeds the
    amount (payments_repo.allocate), so an invoice paid in full was cleared by its last allocation.
    An invoice a reversal or a change of split reopened (a negative allocation) is open again, or
    cleared on the day it was paid in full again: closed_on is its last closing, and on the days
    between an earlier clearing and its reversal it is in the open set with nothing open on them
    (storage.open_set.paid_on). A void without a date (older files) closes it from the day it was
    issued: it was never open."""
    cleared = last_paid_on if paid >= amount else None
    closed = min(voided_on or issue_date, cleared or dt.date.max) if voided else cleared
    if closed is None:
        return cleared, None, SPAN_OPEN
    days = (closed - issue_date).days
    return cleared, closed, next((k for k, n in enumerate(SPAN_DAYS) if days <= n), len(SPAN_DAYS))


@event.listens_for(Invoice, "before_insert")
@event.listens_for(Invoice, "before_update")
def _keep_derived(_mapper, _connection, inv: Invoice) -> None:
    inv.cleared_on, inv.closed_on, inv.span_class = derived(inv.issue_date, inv.amount, inv.paid or 0,
                                                            inv.last_paid_on, bool(inv.voided), inv.voided_on)


class Payment(Base):
    """A money entry of a customer (domain/payment_kinds.py): a payment, or a correction named by
    its method, or the reversal of an entry (negative, pointing at the entry it reverses)."""

    __tablename__ = "payment"
    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))   # ix_payment_customer_date
    date: Mapped[dt.date] = mapped_column(DayNumber, index=True)
    amount: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3))
    method: Mapped[str] = mapped_column(String(40), default="")
    reference: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[dt.datetime] = mapped_column(Stamp, default=_now)
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("payment.id"), nullable=True)
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    # an early-payment discount: the payment that earned it (stands or falls with that payment's split)
    earned_by_id: Mapped[int | None] = mapped_column(ForeignKey("payment.id"), nullable=True)
    __table_args__ = (
        CheckConstraint("(reverses_id IS NULL AND amount > 0) OR (reverses_id IS NOT NULL AND amount < 0)",
                        name="ck_payment_amount"),
        # an entry is reversed at most once
        Index("ux_payment_reverses", "reverses_id", unique=True, sqlite_where=text("reverses_id IS NOT NULL")),
        # an import asks which payments a customer made on a day (import_repo.payments_on)
        Index("ix_payment_customer_date", "customer_id", "date"),
        # write-offs and credit notes: "was this clearing an adjustment?" (storage.kpi_repo)
        Index("ix_payment_adjustment", "id", sqlite_where=text("method IN ('write-off', 'credit note')")),
        Index("ix_payment_earned_by", "earned_by_id", sqlite_where=text("earned_by_id IS NOT NULL")),
    )


class Allocation(Base):
    """Part of a payment applied to an invoice on a date (the payment date, or later for credit)."""

    __tablename__ = "allocation"
    id: Mapped[int] = mapped_column(primary_key=True)
    payment_id: Mapped[int] = mapped_column(ForeignKey("payment.id"), index=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoice.id"))
    date: Mapped[dt.date] = mapped_column(DayNumber)
    amount: Mapped[int] = mapped_column(Integer)
    # Negative when a reversal or a change of split takes back what was applied (on its own date).
    __table_args__ = (
        CheckConstraint("amount <> 0", name="ck_allocation_amount"),
        Index("ix_allocation_aging", "invoice_id", "date", "amount"),
    )


class Setting(Base):
    """Small per-company settings as key → JSON text."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


__all__ = ["Base", "Company", "Customer", "Invoice", "Payment", "Allocation", "Setting", "UniqueConstraint"]
