"""Columns of every list, declared once: header, raw value (for sorting in SQL), display text, tone."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ar_desktop.domain.aging import overdue_severity
from ar_desktop.domain.invoice_status import InvoiceStatus, invoice_status, is_due_soon
from ar_desktop.domain.payment_kinds import KINDS, PAYMENT, REVERSAL, reference_text
from ar_desktop.domain.text import Text
from ar_desktop.ui import palette
from ar_desktop.ui.i18n import render
from ar_desktop.ui.table_models import Column, money_text

if TYPE_CHECKING:  # for annotations only
    from ar_desktop.storage.customers_repo import CustomerRow
    from ar_desktop.storage.invoices_repo import InvoiceRow
    from ar_desktop.storage.payments_repo import PaymentRow

STATUS_TEXT = {
    InvoiceStatus.OPEN: QT_TRANSLATE_NOOP("Columns", "Open"),
    InvoiceStatus.PARTLY_PAID: QT_TRANSLATE_NOOP("Columns", "Partly paid"),
    InvoiceStatus.PAID: QT_TRANSLATE_NOOP("Columns", "Paid"),
    InvoiceStatus.OVERDUE: QT_TRANSLATE_NOOP("Columns", "Overdue"),
    InvoiceStatus.VOID: QT_TRANSLATE_NOOP("Columns", "Void"),
}
DUE_SOON_TEXT = QT_TRANSLATE_NOOP("Columns", "Due soon")


def _days(value: int | None) -> str:
    """Days overdue with the sign of their severity ("◑ 45"); blank when not overdue."""
    return palette.severity_days(value, overdue_severity(value))


def _days_tip(value: int | None) -> str:
    return palette.severity_tip(overdue_severity(value))


OVER_LIMIT_TEXT = QT_TRANSLATE_NOOP("Columns", "Over the credit limit: {0} owed on a limit of {1}.")


def _over_limit(r: CustomerRow) -> bool:
    return r.credit_limit is not None and r.open_balance > r.credit_limit


def _limit_text(r: CustomerRow) -> str:
    if r.credit_limit is None:
        return ""
    return ("⚠ " if _over_limit(r) else "") + money_text(r.credit_limit)


def _limit_tip(r: CustomerRow) -> str:
    if not _over_limit(r):
        return ""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("Columns", OVER_LIMIT_TEXT).format(
        f"{money_text(r.open_balance)} {r.currency}", f"{money_text(r.credit_limit)} {r.currency}")


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
               "oldest_days_overdue", text=lambda r: _days(r.oldest_days_overdue), numeric=True,
               tooltip=lambda r: _days_tip(r.oldest_days_overdue)),
        Column("limit", QT_TRANSLATE_NOOP("Columns", "Credit limit"), lambda r: r.credit_limit, "credit_limit",
               text=_limit_text, numeric=True, tooltip=_limit_tip),
        Column("hold", QT_TRANSLATE_NOOP("Columns", "On hold"), lambda r: r.on_hold, None,
               text=lambda r: "●" if r.on_hold else ""),
    ]


def customer_tone(row: CustomerRow) -> str | None:
    return palette.OVERDUE if row.overdue_amount > 0 else None


def customer_severity(row: CustomerRow) -> str | None:
    """How late the oldest overdue invoice is: the shade of the row."""
    return overdue_severity(row.oldest_days_overdue) if row.overdue_amount > 0 else None


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

    def days_overdue(self, r: InvoiceRow) -> int | None:
        """Days past due of an invoice still open and overdue; None otherwise."""
        if self.status(r) is not InvoiceStatus.OVERDUE:
            return None
        return (self.today() - r.due_date).days

    def severity(self, r: InvoiceRow) -> str | None:
        return overdue_severity(self.days_overdue(r))

    def columns(self) -> list[Column]:
        return [
            Column("number", QT_TRANSLATE_NOOP("Columns", "Number"), lambda r: r.number, "number"),
            Column("customer", QT_TRANSLATE_NOOP("Columns", "Customer"), lambda r: r.customer_name, "customer",
                   tooltip=lambda r: r.customer_code),
            Column("issue", QT_TRANSLATE_NOOP("Columns", "Issued"), lambda r: r.issue_date, "issue_date"),
            Column("due", QT_TRANSLATE_NOOP("Columns", "Due"), lambda r: r.due_date, "due_date"),
            # sorted by the due date: the earliest due is the most overdue
            Column("days", QT_TRANSLATE_NOOP("Columns", "Days overdue"), self.days_overdue, "due_date",
                   text=lambda r: _days(self.days_overdue(r)), numeric=True,
                   tooltip=lambda r: _days_tip(self.days_overdue(r))),
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


REVERSED_BY_TEXT = QT_TRANSLATE_NOOP("Columns", "reversed by no. {0}")
REVERSES_TEXT = QT_TRANSLATE_NOOP("Columns", "reverses no. {0}")


def _tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("Columns", text)


def payment_kind_text(kind: str) -> str:
    """The label of a kind of entry (domain/payment_kinds.py), in the reader's language."""
    from ar_desktop.ui.i18n import render

    found = KINDS.get(kind)
    return render(Text(found.label)) if found is not None else kind


def _method_text(r: PaymentRow) -> str:
    from PySide6.QtCore import QCoreApplication

    # write-offs, credit notes and credits say what they are in the Kind column
    return QCoreApplication.translate("PaymentDialog", r.method) if r.kind in (PAYMENT.key, REVERSAL.key) else ""


def _reference_text(r: PaymentRow) -> str:
    """A reference the program wrote (a discount's, a recovery's) in the interface language; a typed one as is."""
    return render(reference_text(r.kind, r.reference or ""))


def _reversal_text(r: PaymentRow) -> str:
    if r.reversed_by:
        return _tr(REVERSED_BY_TEXT).format(r.reversed_by)
    if r.reverses_id:
        return _tr(REVERSES_TEXT).format(r.reverses_id)
    return ""


def payment_columns() -> list[Column]:
    return [
        Column("id", QT_TRANSLATE_NOOP("Columns", "No."), lambda r: r.id, "id", numeric=True),
        Column("date", QT_TRANSLATE_NOOP("Columns", "Date"), lambda r: r.date, "date"),
        Column("customer", QT_TRANSLATE_NOOP("Columns", "Customer"), lambda r: r.customer_name, "customer",
               tooltip=lambda r: f"{r.customer_code} – {r.customer_name}"),
        Column("kind", QT_TRANSLATE_NOOP("Columns", "Kind"), lambda r: r.kind, "kind",
               text=lambda r: payment_kind_text(r.kind)),
        Column("amount", QT_TRANSLATE_NOOP("Columns", "Amount"), lambda r: r.amount, "amount", numeric=True),
        Column("applied", QT_TRANSLATE_NOOP("Columns", "Applied"), lambda r: r.applied, "applied", numeric=True),
        Column("unapplied", QT_TRANSLATE_NOOP("Columns", "Unapplied"), lambda r: r.unapplied, "unapplied",
               numeric=True),
        Column("currency", QT_TRANSLATE_NOOP("Columns", "Cur."), lambda r: r.currency, None),
        Column("method", QT_TRANSLATE_NOOP("Columns", "Method"), lambda r: r.method, "method", text=_method_text),
        Column("reference", QT_TRANSLATE_NOOP("Columns", "Reference"), lambda r: r.reference, "reference",
               text=_reference_text, tooltip=_reference_text),
        Column("reversal", QT_TRANSLATE_NOOP("Columns", "Reversal"), lambda r: r.reversed_by or r.reverses_id, None,
               text=_reversal_text, tooltip=lambda r: r.note),
    ]


def payment_tone(row: PaymentRow) -> str | None:
    """A reversed entry and its reversal cancel out: both are shown greyed."""
    return palette.VOID if row.reversed_by or row.reverses_id else None


__all__ = ["customer_columns", "customer_tone", "customer_severity", "InvoiceColumns", "money_text", "payment_columns", "payment_tone"]
