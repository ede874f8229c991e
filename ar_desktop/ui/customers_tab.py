"""Customers: search as you type, balances at a glance, overdue accounts in red."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QLineEdit, QMessageBox, QPushButton

from ar_desktop.services.company_file import company_profile
from ar_desktop.ui.columns import customer_columns, customer_severity, customer_tone
from ar_desktop.ui.list_tab import ListTab
from ar_desktop.ui.messages import confirm, run_action
from ar_desktop.ui.table_models import PagedTableModel, money_text

if TYPE_CHECKING:  # for annotations only: imported where used
    from ar_desktop.ui.pdf_preview import PdfPreview


def _service():
    """services.customers, imported when the file is open (off the window's start-up)."""
    from ar_desktop.services import customers

    return customers


class CustomersTab(ListTab):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search code, name, city or contact…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.reload_soon)
        self.only_overdue = QCheckBox(self.tr("Overdue only"))
        self.only_overdue.toggled.connect(self.reload)
        self.new_button = QPushButton(self.tr("New customer…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.pay_button = QPushButton(self.tr("Record payment…"))
        self.statement_button = QPushButton(self.tr("Statement…"))
        self.new_button.clicked.connect(self.new_customer)
        self.edit_button.clicked.connect(self.edit_selected)
        self.pay_button.clicked.connect(self.record_payment)
        self.statement_button.clicked.connect(self.show_statement)
        for w in (self.search, self.only_overdue):
            self.toolbar.addWidget(w)
        self.toolbar.addStretch(1)
        for w in (self.new_button, self.edit_button, self.pay_button, self.statement_button):
            self.toolbar.addWidget(w)
        self.more_actions = self.add_more_menu((
            ("credit", self.tr("Apply credit…"), self.apply_credit),
            ("file", self.tr("Collection file…"), self.show_history),
            ("ladder", self.tr("Ladder…"), self.edit_ladder),
            ("confirm", self.tr("Balance confirmation…"), self.balance_confirmation),
            ("returned", self.tr("Confirmation returned…"), self.confirmation_returned),
            ("changes", self.tr("Changes…"), self.show_changes),
            ("delete", self.tr("Delete customer…"), self.delete_selected)))
        self.search.setMinimumWidth(280)

    def set_books(self, books) -> None:
        self.books = books
        service = _service()
        model = PagedTableModel(
            customer_columns(),
            lambda sort, desc: service.customer_ids(books, search=self.search.text(), sort=sort, descending=desc,
                                                    only_overdue=self.only_overdue.isChecked()),
            lambda ids: service.customer_rows(books, ids), customer_tone, "code", self,
            row_severity=customer_severity)
        self.attach_model(model, {"code": 80, "name": 280, "class": 50, "city": 140, "currency": 50, "open": 110,
                                  "overdue": 110, "days": 100, "limit": 110})
        self.reload()

    def list_title(self) -> str:
        return self.tr("Customers")

    def filter_text(self) -> str:
        parts = [self.tr("Overdue only")] if self.only_overdue.isChecked() else [self.tr("All customers")]
        if self.search.text().strip():
            parts.append(self.tr("search: {0}").format(self.search.text().strip()))
        return " · ".join(parts)

    def new_customer(self) -> None:
        from ar_desktop.ui.dialogs.customer_dialog import CustomerDialog

        dialog = CustomerDialog(self, self.books, default_currency=company_profile(self.books).currency)
        if dialog.exec():
            self.reload()
            self.select_ids([dialog.result_value])
            self.changed.emit()

    def edit_selected(self) -> None:
        from ar_desktop.ui.dialogs.customer_dialog import CustomerDialog

        cid = self.current_id()
        if cid is None:
            return
        dialog = CustomerDialog(self, self.books, cid, _service().get_customer(self.books, cid))
        if dialog.exec():
            self.reload()
            self.changed.emit()

    def record_payment(self) -> None:
        from ar_desktop.ui.dialogs.payment_dialog import PaymentDialog

        if PaymentDialog(self, self.books, self.current_id()).exec():
            self.reload()
            self.changed.emit()

    def _current_code(self) -> tuple[str, str] | None:
        cid = self.current_id()
        if cid is None:
            return None
        row = _service().customer_rows(self.books, [cid])[0]
        return row.code, row.name

    def show_history(self) -> None:
        from ar_desktop.ui.dialogs.history_dialog import HistoryDialog

        current = self._current_code()
        if current:
            HistoryDialog(self, self.books, *current).exec()

    def edit_ladder(self) -> None:
        from ar_desktop.ui.dialogs.ladder_dialog import LadderDialog

        current = self._current_code()
        if current and LadderDialog(self, self.books, current[0]).exec():
            self.changed.emit()

    def balance_confirmation(self) -> None:
        """A statement with a confirmation slip (对账确认函) for the customer to sign and return."""
        from ar_desktop.ui.dialogs.confirmation_dialogs import ConfirmationRequestDialog

        current = self._current_code()
        if current:
            dialog = ConfirmationRequestDialog(self, self.books, *current)
            if dialog.exec():
                dialog.preview()
                self.changed.emit()

    def confirmation_returned(self) -> None:
        from ar_desktop.ui.dialogs.confirmation_dialogs import SlipReturnedDialog

        current = self._current_code()
        if current and SlipReturnedDialog(self, self.books, *current).exec():
            self.changed.emit()

    def show_changes(self) -> None:
        from ar_desktop.ui.dialogs.audit_dialog import AuditDialog

        cid = self.current_id()
        current = self._current_code()
        if cid is not None and current:
            AuditDialog(self, self.books, "customer", cid, f"{current[0]} – {current[1]}").exec()

    def delete_selected(self) -> bool:
        """Delete a customer entered by mistake (one with records is refused, with the reason)."""
        cid = self.current_id()
        current = self._current_code()
        if cid is None or not current:
            return False
        if not confirm(self, self.tr("Delete customer"), self.tr("Delete customer {0} – {1}?").format(*current)):
            return False
        ok, _ = run_action(self, _service().delete_customer, self.books, cid)
        if ok:
            self.reload()
            self.changed.emit()
        return ok

    def apply_credit(self) -> None:
        cid = self.current_id()
        if cid is None:
            return
        from ar_desktop.services.payments import apply_credit, customer_credit

        ok, credit = run_action(self, customer_credit, self.books, cid)
        if not ok:
            return
        if not credit:
            QMessageBox.information(self, self.tr("Apply credit"), self.tr("This customer has no unapplied credit."))
            return
        if confirm(self, self.tr("Apply credit"), self.tr("Apply the customer's credit of {0} to its open invoices, "
                                                          "oldest due first?").format(money_text(credit))):
            ok, applied = run_action(self, apply_credit, self.books, cid)
            if ok:
                self.reload()
                self.changed.emit()

    def show_statement(self) -> PdfPreview | None:
        """The statement of account, previewed; print it or save it from the preview."""
        from ar_desktop.services.statements import statement_pdf
        from ar_desktop.ui.pdf_preview import PdfPreview

        current = self._current_code()
        if not current:
            return None
        ok, data = run_action(self, statement_pdf, self.books, current[0])
        if not ok:
            return None
        preview = PdfPreview(self, data, self.tr("Statement of account — {0}").format(current[1]),
                             file_name=f"Statement {current[0]} {self.books.today().isoformat()}.pdf")
        preview.open()
        return preview
