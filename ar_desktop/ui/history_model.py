"""A customer's collection file: every step, call, letter, promise, dispute and payment."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from ar_desktop.services.collections import HistoryEntry
from ar_desktop.ui.i18n import render
from ar_desktop.ui.table_models import RawRole, money_text

HEADERS = (QT_TRANSLATE_NOOP("History", "Date"), QT_TRANSLATE_NOOP("History", "What"),
           QT_TRANSLATE_NOOP("History", "Details"), QT_TRANSLATE_NOOP("History", "Invoice"),
           QT_TRANSLATE_NOOP("History", "Amount"))
# The entry kinds the services write (collection events, ledger, letters), for the "What" column.
KIND_TEXT = {
    "invoice": QT_TRANSLATE_NOOP("History", "invoice"),
    "payment": QT_TRANSLATE_NOOP("History", "payment"),
    "discount": QT_TRANSLATE_NOOP("History", "discount"),
    "write-off": QT_TRANSLATE_NOOP("History", "write-off"),
    "credit note": QT_TRANSLATE_NOOP("History", "credit note"),
    "void reversal": QT_TRANSLATE_NOOP("History", "credit from a void"),
    "recovery": QT_TRANSLATE_NOOP("History", "recovery"),
    "reversal": QT_TRANSLATE_NOOP("History", "reversal"),
    "step_done": QT_TRANSLATE_NOOP("History", "step done"),
    "step_skipped": QT_TRANSLATE_NOOP("History", "step skipped"),
    "call": QT_TRANSLATE_NOOP("History", "call"),
    "promise": QT_TRANSLATE_NOOP("History", "promise"),
    "promise_broken": QT_TRANSLATE_NOOP("History", "promise broken"),
    "promise_kept": QT_TRANSLATE_NOOP("History", "promise kept"),
    "dispute": QT_TRANSLATE_NOOP("History", "dispute"),
    "dispute_resolved": QT_TRANSLATE_NOOP("History", "dispute resolved"),
    "hold": QT_TRANSLATE_NOOP("History", "hold"),
    "hold_released": QT_TRANSLATE_NOOP("History", "hold released"),
    "note": QT_TRANSLATE_NOOP("History", "note"),
    "credit_override": QT_TRANSLATE_NOOP("History", "credit override"),
    "credit_review": QT_TRANSLATE_NOOP("History", "credit review"),
    "letter": QT_TRANSLATE_NOOP("History", "letter"),
    "mail_posted": QT_TRANSLATE_NOOP("History", "mail posted"),
    "mail_delivered": QT_TRANSLATE_NOOP("History", "mail delivered"),
    "mail_returned": QT_TRANSLATE_NOOP("History", "mail returned"),
    "mail_receipt": QT_TRANSLATE_NOOP("History", "mail receipt"),
    "mail_correction": QT_TRANSLATE_NOOP("History", "mail correction"),
    "plan": QT_TRANSLATE_NOOP("History", "payment plan"),
    "plan_broken": QT_TRANSLATE_NOOP("History", "plan broken"),
    "plan_kept": QT_TRANSLATE_NOOP("History", "plan kept"),
    "plan_cancelled": QT_TRANSLATE_NOOP("History", "plan cancelled"),
    "insured_limit": QT_TRANSLATE_NOOP("History", "insured limit"),
    "insurer_notified": QT_TRANSLATE_NOOP("History", "insurer notified"),
    "insurer_transferred": QT_TRANSLATE_NOOP("History", "transferred to insurer"),
    "insurer_claim_filed": QT_TRANSLATE_NOOP("History", "insurance claim"),
    "insurer_indemnified": QT_TRANSLATE_NOOP("History", "indemnity"),
    "acknowledgement": QT_TRANSLATE_NOOP("History", "acknowledgement"),
    "credit_check": QT_TRANSLATE_NOOP("History", "credit check"),
    "confirmation_sent": QT_TRANSLATE_NOOP("History", "confirmation sent"),
    "confirmation_returned": QT_TRANSLATE_NOOP("History", "confirmation returned"),
}


def kind_text(kind: str) -> str:
    return QCoreApplication.translate("History", KIND_TEXT.get(kind, kind.replace("_", " ")))


class HistoryModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.entries: list[HistoryEntry] = []

    def set_entries(self, entries: list[HistoryEntry]) -> None:
        self.beginResetModel()
        self.entries = list(reversed(entries))  # newest first: what happened last matters most
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("History", HEADERS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        e = self.entries[index.row()]
        values = (e.date, kind_text(e.kind), render(e.text), e.invoice_number or "", e.amount)
        if role == Qt.ItemDataRole.DisplayRole:
            v = values[index.column()]
            if index.column() == 0:
                return v.isoformat()
            if index.column() == 4:
                return money_text(v)
            return v
        if role == RawRole:
            return values[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2:
            return values[2]
        return None
