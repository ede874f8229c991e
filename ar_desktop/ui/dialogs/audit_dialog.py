"""The audit trail of one record: when, what, and the old and new values."""

from __future__ import annotations

import json

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from ar_desktop.domain.money import from_minor
from ar_desktop.services.audit import AuditRow, audit_for
from ar_desktop.services.context import Books
from ar_desktop.ui import amounts
from ar_desktop.ui.screen import keep_on_screen

HEADERS = (QT_TRANSLATE_NOOP("Audit", "When"), QT_TRANSLATE_NOOP("Audit", "Action"),
           QT_TRANSLATE_NOOP("Audit", "Field"), QT_TRANSLATE_NOOP("Audit", "Old value"),
           QT_TRANSLATE_NOOP("Audit", "New value"), QT_TRANSLATE_NOOP("Audit", "Note"))
ACTIONS = {"create": QT_TRANSLATE_NOOP("Audit", "created"), "change": QT_TRANSLATE_NOOP("Audit", "changed"),
           "void": QT_TRANSLATE_NOOP("Audit", "voided"), "write_off": QT_TRANSLATE_NOOP("Audit", "write-off"),
           "credit_note": QT_TRANSLATE_NOOP("Audit", "credit note"), "reversal": QT_TRANSLATE_NOOP("Audit", "reversal"),
           "delete": QT_TRANSLATE_NOOP("Audit", "deleted"), "import": QT_TRANSLATE_NOOP("Audit", "imported")}
# record columns whose name in files differs from the table's, and those files do not carry
_OTHER_FIELDS = {"customer_id": QT_TRANSLATE_NOOP("Audit", "Customer"),
                 "payment_id": QT_TRANSLATE_NOOP("Audit", "Payment"), "invoice_id": QT_TRANSLATE_NOOP("Audit", "Invoice"),
                 "voided_on": QT_TRANSLATE_NOOP("Audit", "Voided on"),
                 "disputed_amount": QT_TRANSLATE_NOOP("Audit", "Disputed amount"),
                 "reverses_id": QT_TRANSLATE_NOOP("Audit", "Reverses payment"), "note": QT_TRANSLATE_NOOP("Audit", "Note"),
                 "credit_limit": QT_TRANSLATE_NOOP("Audit", "Credit limit"), "date": QT_TRANSLATE_NOOP("Audit", "Date")}


def field_label(key: str) -> str:
    """A stored field by the name files and forms give it, in the interface language (never its key)."""
    from ar_desktop.services.record_columns import COLUMNS

    if key in _OTHER_FIELDS:
        return QCoreApplication.translate("Audit", _OTHER_FIELDS[key])
    for columns in COLUMNS.values():
        for c in columns:
            if c.key == key:
                return QCoreApplication.translate("Columns", c.label)
    return key.replace("_", " ")


# stored in minor units: shown as money in the window's amount style (never 1234500 for 12,345.00)
AMOUNT_FIELDS = frozenset({"amount", "paid", "credit_limit", "disputed_amount", "discount"})


def value_text(value: str | None, field: str | None = None, currency: str = "EUR",
               customers: dict[int, str] | None = None) -> str:
    """A value as stored (an amount as money, a customer by its code); a record written at once (JSON) as
    'field: value' pairs."""
    if not value or not value.startswith("{"):
        return _plain(value, field, currency, customers) if value else ""
    try:
        fields = json.loads(value)
    except ValueError:
        return value
    if not isinstance(fields, dict):
        return value
    currency = fields.get("currency") or currency
    return "; ".join(f"{field_label(k)}: {_plain(v, k, currency, customers)}" for k, v in fields.items() if k != "id")


def record_currency(rows: list[AuditRow], default: str = "EUR") -> str:
    """The currency of the record the entries are about, as its creation (or an import) wrote it."""
    for r in rows:
        for value in (r.new_value, r.old_value):
            if value and value.startswith("{"):
                try:
                    cur = json.loads(value).get("currency")
                except (ValueError, AttributeError):
                    continue
                if isinstance(cur, str) and len(cur) == 3:
                    return cur
    return default


def _plain(v, field: str | None = None, currency: str = "EUR", customers: dict[int, str] | None = None) -> str:
    if field in AMOUNT_FIELDS and v not in (None, ""):
        try:
            return amounts.money(from_minor(int(v), currency), currency)
        except (TypeError, ValueError):
            return str(v)
    if field == "customer_id" and customers and str(v).isdigit():
        return customers.get(int(v), str(v))
    if v in (True, "true"):
        return QCoreApplication.translate("Audit", "yes")
    if v in (False, "false"):
        return QCoreApplication.translate("Audit", "no")
    return "" if v is None else str(v)


class AuditModel(QAbstractTableModel):
    def __init__(self, rows: list[AuditRow], parent=None, currency: str = "EUR",
                 customers: dict[int, str] | None = None):
        super().__init__(parent)
        self.rows = list(reversed(rows))  # newest first
        self.currency = record_currency(rows, currency)
        self.customers = customers or {}

    def rowCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("Audit", HEADERS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        r = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            action = QCoreApplication.translate("Audit", ACTIONS[r.action]) if r.action in ACTIONS else r.action
            return [r.at.isoformat(sep=" ", timespec="seconds"), action, field_label(r.field) if r.field else "",
                    value_text(r.old_value, r.field, self.currency, self.customers),
                    value_text(r.new_value, r.field, self.currency, self.customers),
                    r.note][index.column()]
        return None


class AuditDialog(QDialog):
    def __init__(self, parent: QWidget | None, books: Books, entity: str, entity_id: int, title: str):
        super().__init__(parent)
        keep_on_screen(self)  # fits the screen; cut-off cells readable on hover
        self.setWindowTitle(self.tr("Changes — {0}").format(title))
        rows = audit_for(books, entity, entity_id)
        from ar_desktop.services.company_file import company_profile
        from ar_desktop.services.customers import customer_choices

        self.model = AuditModel(rows, self, company_profile(books).currency,
                                {cid: code for cid, code, _name in customer_choices(books)})
        table = QTableView()
        table.setModel(self.model)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.setAlternatingRowColors(True)
        table.setWordWrap(True)  # a record created at once lists all its fields: wrapped, never cut off
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (3, 4):  # old and new value share the width the others leave
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Every change to this record, newest first. Figures are corrected by new "
                                        "entries, never overwritten.")))
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(900, 420)
