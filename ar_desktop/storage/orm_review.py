"""The decisions of the quarterly credit review (one row per decision; the latest for a customer
and quarter counts). Money is integer minor units, dates ISO text (as in orm.py)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ar_desktop.storage.orm import Base

DECISIONS = ("keep", "change_limit", "change_class", "stop_supplying")


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class ReviewDecision(Base):
    __tablename__ = "review_decision"
    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))
    quarter: Mapped[str] = mapped_column(String(6))          # e.g. 2026Q1
    decided_on: Mapped[dt.date] = mapped_column(Date)
    decision: Mapped[str] = mapped_column(String(20))
    old_limit: Mapped[int | None] = mapped_column(Integer, nullable=True)
    new_limit: Mapped[int | None] = mapped_column(Integer, nullable=True)
    old_class: Mapped[str] = mapped_column(String(1), default="")
    new_class: Mapped[str] = mapped_column(String(1), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    event_id: Mapped[int | None] = mapped_column(ForeignKey("collection_event.id"), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    __table_args__ = (
        CheckConstraint("decision IN ('keep', 'change_limit', 'change_class', 'stop_supplying')",
                        name="ck_review_decision_kind"),
        CheckConstraint("new_limit IS NULL OR new_limit > 0", name="ck_review_decision_limit"),
        Index("ix_review_decision_quarter", "quarter", "customer_id"),
    )


__all__ = ["ReviewDecision", "DECISIONS"]
