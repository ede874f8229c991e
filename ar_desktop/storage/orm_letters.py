"""Tables of late charges and letters: reference rates, letters issued (with the invoices and
amounts they claimed) and the registered-mail log. Money is integer minor units, dates ISO text,
rates exact decimal text (as in orm.py)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (CheckConstraint, Date, DateTime, ForeignKey, Index, Integer, String, Text,
                        UniqueConstraint)
from sqlalchemy.orm import Mapped, mapped_column

from ar_desktop.storage.orm import Base

MAIL_KINDS = ("posted", "delivered", "returned", "receipt", "correction")


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class ReferenceRate(Base):
    """One change of a reference-rate table: from ``effective_from`` on, ``rate_percent`` applies."""

    __tablename__ = "reference_rate"
    id: Mapped[int] = mapped_column(primary_key=True)
    rate_table: Mapped[str] = mapped_column("table", String(30))
    effective_from: Mapped[dt.date] = mapped_column(Date)
    rate_percent: Mapped[str] = mapped_column(String(20))  # exact decimal text, e.g. "4.50"
    note: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (UniqueConstraint("table", "effective_from", name="uq_reference_rate"),)


class Letter(Base):
    """A collection letter as issued: the archived PDF (path relative to the letter archive
    folder, its SHA-256 and size), the template and its version, and what it claimed."""

    __tablename__ = "letter"
    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))
    step_key: Mapped[str] = mapped_column(String(40))
    template: Mapped[str] = mapped_column(String(20))
    template_version: Mapped[str] = mapped_column(String(64))  # sha256 of the template text used
    language: Mapped[str] = mapped_column(String(2))
    layout: Mapped[str] = mapped_column(String(10))
    letter_date: Mapped[dt.date] = mapped_column(Date)
    deadline: Mapped[dt.date] = mapped_column(Date)
    currency: Mapped[str] = mapped_column(String(3))
    total_claimed: Mapped[int] = mapped_column(Integer)
    archive_path: Mapped[str] = mapped_column(String(500), default="")
    sha256: Mapped[str] = mapped_column(String(64), default="")
    size: Mapped[int] = mapped_column(Integer, default=0)
    document_json: Mapped[str] = mapped_column(Text, default="")  # the frozen letter, to print again
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    __table_args__ = (
        CheckConstraint("total_claimed >= 0", name="ck_letter_total"),
        CheckConstraint("deadline >= letter_date", name="ck_letter_deadline"),
        Index("ix_letter_customer", "customer_id", "letter_date"),
    )


class LetterItem(Base):
    """One invoice listed in a letter with what was claimed on it."""

    __tablename__ = "letter_item"
    id: Mapped[int] = mapped_column(primary_key=True)
    letter_id: Mapped[int] = mapped_column(ForeignKey("letter.id"))
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoice.id"))
    open_amount: Mapped[int] = mapped_column(Integer)
    interest: Mapped[int] = mapped_column(Integer, default=0)
    fixed_compensation: Mapped[int] = mapped_column(Integer, default=0)
    rule: Mapped[str] = mapped_column(String(20), default="")
    explanation: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (Index("ix_letter_item_letter", "letter_id"),)


class MailEntry(Base):
    """One line of a letter's registered-mail log. Append-only: a correction is a new entry
    (kind 'correction', ``corrects_id`` = the entry it corrects, with the corrected values)."""

    __tablename__ = "mail_entry"
    id: Mapped[int] = mapped_column(primary_key=True)
    letter_id: Mapped[int] = mapped_column(ForeignKey("letter.id"))
    kind: Mapped[str] = mapped_column(String(12))
    carrier: Mapped[str] = mapped_column(String(60), default="")
    service: Mapped[str] = mapped_column(String(80), default="")
    tracking_number: Mapped[str] = mapped_column(String(40), default="")
    date: Mapped[dt.date] = mapped_column(Date)
    signed_by: Mapped[str] = mapped_column(String(200), default="")
    attachment_path: Mapped[str] = mapped_column(String(500), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    corrects_id: Mapped[int | None] = mapped_column(ForeignKey("mail_entry.id"), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    __table_args__ = (
        CheckConstraint("kind IN ('posted', 'delivered', 'returned', 'receipt', 'correction')",
                        name="ck_mail_entry_kind"),
        Index("ix_mail_entry_letter", "letter_id", "id"),
    )


__all__ = ["ReferenceRate", "Letter", "LetterItem", "MailEntry", "MAIL_KINDS"]
