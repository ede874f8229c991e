"""Columns of every list, declared once: header, raw value (for sorting in SQL), display text, tone."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ar_desktop.domain.invoice_status import InvoiceStatus, invoice_status, is_due_soon
from ar_desktop.storage.customers_repo import CustomerRow
from ar_desktop.storage.invoices_repo import InvoiceRow
from ar_desktop.ui import palette
from ar_desktop.ui.table_models import Column, money_text

STATUS_TEXT = {
    InvoiceStatus.OPEN: QT_TRANSLATE_NOOP("Columns", "Open"),
    InvoiceStatus.PARTLY_PAID: QT_TRANSLATE_NOOP("Columns", "Partly paid"),
    InvoiceStatus.PAID: QT_TRANSLATE_NOOP("Columns", "Paid"),
    InvoiceStatus.OVERDUE: QT_TRANSLATE_NOOP("Columns", "Overdue"),
    InvoiceStatus.VOID: QT_TRANSLATE_NOOP("Columns", "Void"),
}
DUE_SOON_TEXT = QT_TRANSLATE_NOOP("Columns", "Due soon")


def _days(value: int | None) -> str:
    return "" if value is None or value <= 0 else str(value)


def customer_columns() -> list[Column]:
    return [
        Column("code", QT_TRANSLATE_NOOP("Columns", "Code"), lambda r: r.code, "code"),
        Column("name", QT_TRANSLATE_NOOP("Columns", "Name"), lambda r: r.name, "name"),
        Column("class", QT_TRANSLATE_NOOP("Columns", "Class"), lambda r: r.credit_class, "credit_class"),
        Column("city", QT_TRANSLATE_NOOP("Columns", "City"), lambda r: r.city, "city"),
        Column("currency", QT_TRANSLATE_NOOP("Columns", "Cur."), lambda r: r.currency, "currency"),
        Column("open", QT_TRANSLATE_NOOP("Columns", "Open balance"), lambda r: r.open_balance, "open_balance",
               numeric=True),
        Column("overdue", QT_TRANSLATE_NOOP("Columns", "Overdue"), lambda r: r.overdue_amount, "overdue_amount",
               numeric=True),
        Column("days", QT_TRANSLATE_NOOP("Columns", "Days overdue"), lambda r: r.oldest_days_overdue,
               "oldest_days_overdue", text=lambda r: _days(r.oldest_days_overdue), numeric=True),
        Column("limit", QT_TRANSLATE_NOOP("Columns", "Credit limit"), lambda r: r.credit_limit, "credit_limit",
               numeric=True),
        Column("hold", QT_TRANSLATE_NOOP("Columns", "On hold"), lambda r: r.on_hold, None,
               text=lambda r: "●" if r.on_hold else ""),
    ]


def customer_tone(row: CustomerRow) -> str | None:
    return palette.OVERDUE if row.overdue_amount > 0 else None


class InvoiceColumns:
    """Invoice columns need "today" to derive the status."""

    def __init__(self, today):
        self.today = today

    def status(self, r: InvoiceRow) -> InvoiceStatus:
        return invoice_status(r.amount, r.paid, r.due_date, r.voided, self.today())

    def status_text(self, r: InvoiceRow) -> str:
        from PySide6.QtCore import QCoreApplication

        st = self.status(r)
        text = QCoreApplication.translate("Columns", STATUS_TEXT[st])
        if is_due_soon(st, r.due_date, self.today()):
            text += " · " + QCoreApplication.translate("Columns", DUE_SOON_TEXT)
        return text

    def discount_text(self, r: InvoiceRow) -> str:
        """While the early-payment discount is available: what settles the invoice, and by when."""
        from PySide6.QtCore import QCoreApplication

        to_pay = r.discount_open_on(self.today())
        if to_pay is None:
            return ""
        return QCoreApplication.translate("Columns", "{0} by {1}").format(money_text(to_pay),
                                                                           r.discount_until.isoformat())

    def discount_tip(self, r: InvoiceRow) -> str:
        from PySide6.QtCore import QCoreApplication

        if r.discount_open_on(self.today()) is None:
            return ""
        return QCoreApplication.translate("Columns", "Early-payment discount {0}: paying {1} on or before {2} "
                                                     "settles the invoice").format(
            money_text(r.discount), money_text(r.discount_open_on(self.today())), r.discount_until.isoformat())

    def tone(self, r: InvoiceRow) -> str | None:
        st = self.status(r)
        return palette.invoice_tone(st, is_due_soon(st, r.due_date, self.today()))

    def columns(self) -> list[Column]:
        return [
            Column("number", QT_TRANSLATE_NOOP("Columns", "Number"), lambda r: r.number, "number"),
            Column("customer", QT_TRANSLATE_NOOP("Columns", "Customer"), lambda r: r.customer_name, "customer",
                   tooltip=lambda r: r.customer_code),
            Column("issue", QT_TRANSLATE_NOOP("Columns", "Issued"), lambda r: r.issue_date, "issue_date"),
            Column("due", QT_TRANSLATE_NOOP("Columns", "Due"), lambda r: r.due_date, "due_date"),
            Column("amount", QT_TRANSLATE_NOOP("Columns", "Amount"), lambda r: r.amount, "amount", numeric=True),
            Column("paid", QT_TRANSLATE_NOOP("Columns", "Paid"), lambda r: r.paid, "paid", numeric=True),
            Column("open", QT_TRANSLATE_NOOP("Columns", "Open"), lambda r: r.open_amount, "open_amount",
                   numeric=True),
            Column("discount", QT_TRANSLATE_NOOP("Columns", "With discount"), lambda r: r.discount_open_on(self.today()),
                   None, text=self.discount_text, numeric=True, tooltip=self.discount_tip),
            Column("currency", QT_TRANSLATE_NOOP("Columns", "Cur."), lambda r: r.currency, "currency"),
            Column("status", QT_TRANSLATE_NOOP("Columns", "Status"), lambda r: self.status(r).value, "status",
                   text=self.status_text),
            Column("disputed", QT_TRANSLATE_NOOP("Columns", "Disputed"), lambda r: r.disputed, None,
                   text=lambda r: "⚑" if r.disputed else "", tooltip=lambda r: r.dispute_reason),
            Column("reference", QT_TRANSLATE_NOOP("Columns", "Reference"), lambda r: r.reference, None),
        ]


__all__ = ["customer_columns", "customer_tone", "InvoiceColumns", "money_text"]
