"""Credit: the insurance view, the limitation clocks and the credit actions, as of a date.

The three lists read the whole ledger, so like the worklist they are computed when the tab is
looked at (off the GUI thread) and never record anything.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Signal
from PySide6.QtWidgets import QCheckBox, QFileDialog, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from ar_desktop.domain import insurance as ins
from ar_desktop.domain import limitation as lim
from ar_desktop.ui import palette
from ar_desktop.ui.credit_actions_view import CreditActionsView, list_table
from ar_desktop.ui.rows_model import RowColumn, RowsModel
from ar_desktop.ui.dialogs.form import date_edit
from ar_desktop.ui.i18n import name_of, render
from ar_desktop.ui.messages import run_action
from ar_desktop.ui.table_models import money_text
from ar_desktop.ui.refresh_on_show import RefreshWhenShown
from ar_desktop.ui.tasks import BackgroundTask


def _services():
    """The credit services, imported when first computed (off the window's start-up)."""
    from ar_desktop.services import credit_actions, credit_settings, insurance, limitation

    return SimpleNamespace(credit_actions=credit_actions, credit_settings=credit_settings, insurance=insurance,
                           limitation=limitation)


STATUS_TONE = {ins.NOTIFY_NOW: palette.DUE_SOON, ins.NOTIFIED: palette.DUE_SOON,
               ins.NOTIFICATION_LATE: palette.OVERDUE, ins.TRANSFER_LATE: palette.OVERDUE,
               ins.TRANSFERRED: palette.WAITING, ins.NOT_INSURED: palette.VOID}


def insurance_model(parent) -> RowsModel:
    return RowsModel([
        RowColumn(QT_TRANSLATE_NOOP("CreditTab", "Code"), lambda r: r.customer_code, context="CreditTab"),
        RowColumn(QT_TRANSLATE_NOOP("CreditTab", "Customer"), lambda r: r.customer_name, context="CreditTab"),
        RowColumn(QT_TRANSLATE_NOOP("CreditTab", "Policy"), lambda r: r.policy_number, context="CreditTab"),
        RowColumn(QT_TRANSLATE_NOOP("CreditTab", "Insured limit"), lambda r: r.position.insured_limit, "money", "CreditTab"),
        RowColumn(QT_TRANSLATE_NOOP("CreditTab", "Exposure"), lambda r: r.position.exposure, "money", "CreditTab"),
        RowColumn(QT_TRANSLATE_NOOP("CreditTab", "Insured"), lambda r: r.position.insured_exposure, "money", "CreditTab"),
        RowColumn(QT_TRANSLATE_NOOP("CreditTab", "Uninsured"), lambda r: r.position.uninsured_exposure, "money", "CreditTab"),
        RowColumn(QT_TRANSLATE_NOOP("CreditTab", "Expected indemnity"), lambda r: r.position.expected_indemnity, "money", "CreditTab"),
        RowColumn(QT_TRANSLATE_NOOP("CreditTab", "Oldest unpaid due"), lambda r: r.position.oldest_unpaid_due, "date", "CreditTab"),
        RowColumn(QT_TRANSLATE_NOOP("CreditTab", "Notify by"), lambda r: r.position.notify_by, "date", "CreditTab"),
        RowColumn(QT_TRANSLATE_NOOP("CreditTab", "Transfer by"), lambda r: r.position.transfer_by, "date", "CreditTab"),
        RowColumn(QT_TRANSLATE_NOOP("CreditTab", "Status"), lambda r: r.position.status, context="CreditTab",
                  text=lambda r: name_of(ins.STATUS_NAMES[r.position.status])),
    ], tone=lambda r: STATUS_TONE.get(r.position.status), parent=parent)


class CreditTab(RefreshWhenShown, QWidget):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.books = None
        self.warn_days = lim.DEFAULT_WARN_DAYS
        self._clocks: list = []  # services.limitation.LimitationRow
        self.as_of = date_edit()
        self.as_of.dateChanged.connect(self.refresh)
        self.count = QLabel()
        top = QHBoxLayout()
        title = QLabel(self.tr("Credit risk as of"))
        title.setStyleSheet("font-weight: bold;")
        for w in (title, self.as_of, self.count):
            top.addWidget(w)
        top.addStretch(1)

        # insurance
        self.insurance = insurance_model(self)
        self.insurance_table = list_table(self.insurance, {1: 140})
        self.insurance_table.doubleClicked.connect(lambda _i: self.insured_limit())
        ins_buttons = self._buttons((("policies", self.tr("Policies…"), self.edit_policies),
                                     ("limit", self.tr("Insured limit…"), self.insured_limit),
                                     ("event", self.tr("Insurer event…"), self.insurer_event),
                                     ("check", self.tr("Credit check…"), self.credit_check),
                                     ("notice", self.tr("Notification PDF…"), self.notification_pdf),
                                     ("claim", self.tr("Claim file PDF…"), self.claim_file_pdf)))
        insurance_page = self._page(self.insurance_table, ins_buttons)

        # limitation
        self.clocks = RowsModel([
            RowColumn(QT_TRANSLATE_NOOP("CreditTab", "Invoice"), lambda r: r.invoice_number, context="CreditTab"),
            RowColumn(QT_TRANSLATE_NOOP("CreditTab", "Code"), lambda r: r.customer_code, context="CreditTab"),
            RowColumn(QT_TRANSLATE_NOOP("CreditTab", "Customer"), lambda r: r.customer_name, context="CreditTab"),
            RowColumn(QT_TRANSLATE_NOOP("CreditTab", "Law"), lambda r: r.jurisdiction, context="CreditTab",
                      text=lambda r: name_of(lim.JURISDICTION_NAMES[r.jurisdiction])),
            RowColumn(QT_TRANSLATE_NOOP("CreditTab", "Due date"), lambda r: r.due_date, "date", "CreditTab"),
            RowColumn(QT_TRANSLATE_NOOP("CreditTab", "Open"), lambda r: r.open_amount_units, "money", "CreditTab",
                      text=self._open_text),
            RowColumn(QT_TRANSLATE_NOOP("CreditTab", "Time-barred on"), lambda r: r.expires_on, "date", "CreditTab"),
            RowColumn(QT_TRANSLATE_NOOP("CreditTab", "Days left"), lambda r: r.days_left, "int", "CreditTab"),
            RowColumn(QT_TRANSLATE_NOOP("CreditTab", "Restarted by"), lambda r: r.restarted_by or "", context="CreditTab",
                      text=lambda r: name_of(lim.EVENT_NAMES[r.restarted_by]) if r.restarted_by else ""),
            RowColumn(QT_TRANSLATE_NOOP("CreditTab", "Restarted on"), lambda r: r.restarted_on, "date", "CreditTab"),
        ], tone=self._clock_tone, parent=self)
        self.clock_table = list_table(self.clocks, {2: 140})
        self.clock_table.selectionModel().currentRowChanged.connect(lambda *_: self._explain())
        self.only_warned = QCheckBox()
        self.only_warned.setChecked(True)
        self.only_warned.toggled.connect(self._show_clocks)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setObjectName("limitation_explanation")
        lim_buttons = self._buttons((("ack", self.tr("Acknowledgement…"), self.acknowledge),))
        lim_buttons.insertWidget(0, self.only_warned)
        limitation_page = self._page(self.clock_table, lim_buttons, self.explanation)

        # actions
        self.actions_view = CreditActionsView(self)
        self.actions_view.changed.connect(self._changed)
        actions_page = QWidget()
        QVBoxLayout(actions_page).addWidget(self.actions_view)

        self.pages = QTabWidget()
        self.pages.addTab(actions_page, self.tr("Credit actions"))
        self.pages.addTab(insurance_page, self.tr("Insurance"))
        self.pages.addTab(limitation_page, self.tr("Limitation"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.pages)
        self._update_buttons()

    # -- building ---------------------------------------------------------------------------------
    def _buttons(self, specs) -> QHBoxLayout:
        row = QHBoxLayout()
        if not hasattr(self, "button"):
            self.button: dict[str, QPushButton] = {}
        for key, label, slot in specs:
            b = QPushButton(label)
            b.setObjectName(f"credit_{key}")
            b.clicked.connect(slot)
            self.button[key] = b
            row.addWidget(b)
        row.addStretch(1)
        return row

    @staticmethod
    def _page(table, buttons, below=None) -> QWidget:
        w = QWidget()
        layout = QVBoxLayout(w)
        layout.addWidget(table)
        if below is not None:
            layout.addWidget(below)
        layout.addLayout(buttons)
        return w

    # -- data -------------------------------------------------------------------------------------
    def set_books(self, books) -> None:
        self.books = books
        today = books.today()
        self.as_of.blockSignals(True)
        self.as_of.setDate(QDate(today.year, today.month, today.day))
        self.as_of.blockSignals(False)
        self.mark_stale()

    def as_of_date(self) -> dt.date:
        return self.as_of.date().toPython()

    @staticmethod
    def compute(books, as_of: dt.date):
        services = _services()
        return (services.credit_actions.credit_actions(books, as_of), services.insurance.insurance_report(books, as_of),
                services.limitation.limitation_report(books, as_of),
                services.credit_settings.credit_risk_settings(books).warn_days)

    def refresh(self) -> BackgroundTask | None:
        if self.books is None:
            return None
        self._generation += 1
        generation, books, as_of = self._generation, self.books, self.as_of_date()
        self.count.setText(self.tr("Computing…"))
        return BackgroundTask(self, self.tr("Computing…"), lambda _p: self.compute(books, as_of),
                              lambda result: self._arrived(generation, result), quiet=True).start()

    def reload(self) -> None:
        """Compute now (callers that need the lists at once)."""
        if self.books is not None:
            self._generation += 1
            self._show(self.compute(self.books, self.as_of_date()))

    def _arrived(self, generation: int, result) -> None:
        if generation == self._generation and self.books is not None:
            self._show(result)

    def _show(self, result) -> None:
        self._stale = False
        actions, positions, clocks, warn_days = result
        self.warn_days = warn_days
        self.actions_view.set_rows(actions)
        self.insurance.set_rows(positions)
        self._clocks = clocks
        self.only_warned.setText(self.tr("Only those that run out within {0} days").format(warn_days))
        self._show_clocks()
        late = sum(1 for a in actions if a.late)
        self.count.setText(self.tr("{0} actions ({1} overdue) · {2} customers insured or owing · {3} open "
                                   "invoices with a limitation clock").format(len(actions), late, len(positions),
                                                                              len(clocks)))
        for table in (self.insurance_table, self.clock_table):
            if table.model().rowCount() and not table.selectionModel().hasSelection():
                table.selectRow(0)
        self._update_buttons()

    def _show_clocks(self) -> None:
        rows = [r for r in self._clocks if not self.only_warned.isChecked() or r.days_left <= self.warn_days]
        self.clocks.set_rows(rows)
        if rows:
            self.clock_table.selectRow(0)
        self._explain()

    def _clock_tone(self, r) -> str | None:
        if r.days_left < 0:
            return palette.OVERDUE
        return palette.DUE_SOON if r.days_left <= self.warn_days else None

    @staticmethod
    def _open_text(r) -> str:
        from ar_desktop.domain.money import from_minor

        return money_text(from_minor(r.open_amount_units, r.currency))

    def _explain(self) -> None:
        r = self._current(self.clock_table, self.clocks)
        self.explanation.setText(render(_services().limitation.explanation(self.books, r.jurisdiction))
                                 if r is not None and self.books is not None else "")
        self._update_buttons()

    @staticmethod
    def _current(table, model):
        idx = table.currentIndex()
        return model.rows[idx.row()] if idx.isValid() and idx.row() < len(model.rows) else None

    def _update_buttons(self) -> None:
        if not hasattr(self, "button"):
            return
        pos = self._current(self.insurance_table, self.insurance)
        for key in ("limit", "event", "check", "notice", "claim"):
            self.button[key].setEnabled(pos is not None)
        self.button["ack"].setEnabled(self._current(self.clock_table, self.clocks) is not None)

    # -- actions ---------------------------------------------------------------------------------
    def _changed(self) -> None:
        self.refresh()
        self.changed.emit()

    def _after(self, dialog) -> bool:
        if dialog.exec():
            self._changed()
            return True
        return False

    def edit_policies(self) -> None:
        from ar_desktop.ui.dialogs.credit_dialogs import PoliciesDialog

        PoliciesDialog(self, self.books).exec()
        self.refresh()

    def insured_limit(self) -> None:
        from ar_desktop.ui.dialogs.credit_dialogs import InsuredLimitDialog

        r = self._current(self.insurance_table, self.insurance)
        if r:
            self._after(InsuredLimitDialog(self, self.books, r.customer_code, r.customer_name))

    def insurer_event(self, kind: str | None = None, code: str | None = None, name: str = "") -> None:
        from ar_desktop.ui.dialogs.credit_dialogs import InsurerEventDialog

        r = self._current(self.insurance_table, self.insurance)
        if code is None and r is not None:
            code, name = r.customer_code, r.customer_name
        if code:
            self._after(InsurerEventDialog(self, self.books, code, name, kind))

    def credit_check(self, code: str | None = None, name: str = "") -> None:
        from ar_desktop.ui.dialogs.credit_dialogs import CreditCheckDialog

        r = self._current(self.insurance_table, self.insurance)
        if code is None and r is not None:
            code, name = r.customer_code, r.customer_name
        if code:
            self._after(CreditCheckDialog(self, self.books, code, name))

    def acknowledge(self, number: str | None = None) -> None:
        from ar_desktop.ui.dialogs.credit_dialogs import AcknowledgementDialog

        r = self._current(self.clock_table, self.clocks)
        if number is not None:
            r = next((c for c in self._clocks if c.invoice_number == number), r)
        if r:
            self._after(AcknowledgementDialog(self, self.books, r.invoice_number, r.jurisdiction))

    def notification_pdf(self, path: str | None = None) -> str | None:
        """The insurer's notification of the selected overdue account, saved as PDF."""
        from ar_desktop.services import insurer_documents

        return self._save_pdf(insurer_documents.notification_pdf, self.tr("Notification"), path)

    def claim_file_pdf(self, path: str | None = None) -> str | None:
        """The claim file (collection file, invoices, letters, proof of posting), saved as PDF."""
        from ar_desktop.services import insurer_documents

        return self._save_pdf(insurer_documents.claim_file_pdf, self.tr("Claim file"), path)

    def _save_pdf(self, make, what: str, path: str | None) -> str | None:
        from ar_desktop.ui.printing import save_from

        r = self._current(self.insurance_table, self.insurance)
        if r is None:
            return None
        if path is None:
            default = Path.home() / f"{what} {r.customer_code} {self.as_of_date().isoformat()}.pdf"
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save as PDF"), str(default), "PDF (*.pdf)")
        if not path:
            return None
        ok, data = run_action(self, make, self.books, r.customer_code, self.as_of_date())
        if not ok:
            return None
        ok, _ = run_action(self, save_from, self, path, data)
        return path if ok else None
