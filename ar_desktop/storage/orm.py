"""Tables of a company file. Money is stored as integer minor units, dates as ISO text."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (Boolean, text, CheckConstraint, Date, DateTime, ForeignKey, Index, Integer, String, Text,
                        UniqueConstraint)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


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
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    language: Mapped[str] = mapped_column(String(2), default="en")
    notes: Mapped[str] = mapped_column(Text, default="")
    on_hold: Mapped[bool] = mapped_column(Boolean, default=False)
    late_charge_rule: Mapped[str] = mapped_column(String(20), default="")
    late_charge_rate: Mapped[str] = mapped_column(String(20), default="")  # exact decimal text
    limitation: Mapped[str] = mapped_column(String(4), default="")  # '' = from the company's country
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    __table_args__ = (CheckConstraint("credit_class IN ('A','B','C')", name="ck_customer_class"),)


class Invoice(Base):
    __tablename__ = "invoice"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))
    issue_date: Mapped[dt.date] = mapped_column(Date)
    due_date: Mapped[dt.date] = mapped_column(Date)
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
    voided_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    # Paid so far, kept equal to the sum of its allocations by the storage layer so that
    # lists can filter and sort on the open amount in SQL without a join per row.
    paid: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    __table_args__ = (
        CheckConstraint("amount > 0", name="ck_invoice_amount"),
        CheckConstraint("due_date >= issue_date", name="ck_invoice_due"),
        Index("ix_invoice_aging", "customer_id", "issue_date", "due_date", "amount"),
        Index("ix_invoice_due", "due_date"),
        Index("ix_invoice_issue", "issue_date"),
        # Lists and balances mostly look at what is still open: keep that small set indexed.
        Index("ix_invoice_open", "customer_id", "due_date", sqlite_where=text("paid < amount AND voided = 0")),
    )


class Payment(Base):
    __tablename__ = "payment"
    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), index=True)
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    amount: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3))
    method: Mapped[str] = mapped_column(String(40), default="")
    reference: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    # an import asks which payments a customer made on a day (import_repo.payments_on)
    __table_args__ = (CheckConstraint("amount > 0", name="ck_payment_amount"),
                      Index("ix_payment_customer_date", "customer_id", "date"))


class Allocation(Base):
    """Part of a payment applied to an invoice on a date (the payment date, or later for credit)."""

    __tablename__ = "allocation"
    id: Mapped[int] = mapped_column(primary_key=True)
    payment_id: Mapped[int] = mapped_column(ForeignKey("payment.id"), index=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoice.id"))
    date: Mapped[dt.date] = mapped_column(Date)
    amount: Mapped[int] = mapped_column(Integer)
    __table_args__ = (
        CheckConstraint("amount > 0", name="ck_allocation_amount"),
        Index("ix_allocation_aging", "invoice_id", "date", "amount"),
    )


class Setting(Base):
    """Small per-company settings as key → JSON text."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


__all__ = ["Base", "Company", "Customer", "Invoice", "Payment", "Allocation", "Setting", "UniqueConstraint"]
