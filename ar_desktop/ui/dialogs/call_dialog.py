"""Log a phone call with its outcome; a promise or a dispute it brings is recorded with it."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QCheckBox, QPlainTextEdit, QWidget

from ar_desktop.services import collection_log, worklist
from ar_desktop.services.context import Books
from ar_desktop.services.payments import open_invoices
from ar_desktop.ui.dialogs.form import FormDialog, amount_line, combo, date_edit, line
from ar_desktop.ui import amounts


class CallDialog(FormDialog):
    OUTCOMES = (("reached", QT_TRANSLATE_NOOP("CallDialog", "Reached, will pay")),
                ("no_answer", QT_TRANSLATE_NOOP("CallDialog", "No answer")),
                ("promised", QT_TRANSLATE_NOOP("CallDialog", "Promised to pay")),
                ("disputed", QT_TRANSLATE_NOOP("CallDialog", "Disputes an invoice")),
                ("refused", QT_TRANSLATE_NOOP("CallDialog", "Refused to pay")))

    def __init__(self, parent: QWidget | None, books: Books, row: worklist.WorklistRow):
        super().__init__(parent, self.tr("Log call — {0}").format(row.customer_name))
        today = books.today()
        self.add("date", self.tr("Date"), date_edit(today))
        self.outcome = self.add("outcome", self.tr("Outcome"),
                                combo([(self.tr(label), key) for key, label in self.OUTCOMES]))
        note = QPlainTextEdit()
        note.setFixedHeight(70)
        self.add("note", self.tr("Note"), note)
        self.promised_date = self.add("promised_date", self.tr("Promised date"), date_edit(today))
        self.amount = self.add("amount", self.tr("Promised amount"), amount_line(row.overdue_amount, "", row.currency))
        invoices = open_invoices(books, row.customer_id)
        self.invoice = self.add("invoice_number", self.tr("Disputed invoice"),
                                combo([(f"{i.number} · {amounts.money(i.open_amount)}", i.number) for i in invoices]))
        self.reason = self.add("dispute_reason", self.tr("What is disputed"), line("", 500))
        self.step = QCheckBox(self.tr("This call was the ladder's phone-call step"))
        self.step.setChecked(row.next_step == "phone_call")
        self.step.setVisible(row.next_step is not None)
        self.add("step", "", self.step)
        self.outcome.currentIndexChanged.connect(self._outcome_changed)
        self._outcome_changed()

        def save(raw):
            outcome = raw["outcome"]
            return collection_log.log_call(
                   books, row.customer_code, raw["date"], outcome, raw["note"],
                   promised_date=raw["promised_date"] if outcome == "promised" else None,
                   amount=raw["amount"] if outcome == "promised" else None,
                   invoice_number=raw["invoice_number"] if outcome == "disputed" else None,
                   dispute_reason=raw["dispute_reason"], step_key=row.next_step if raw["step"] else None)

        self.on_save(save)
        self.resize(480, self.sizeHint().height())

    def _outcome_changed(self) -> None:
        outcome = self.outcome.currentData()
        for w, visible in ((self.promised_date, outcome == "promised"), (self.amount, outcome == "promised"),
                           (self.invoice, outcome == "disputed"), (self.reason, outcome == "disputed")):
            self.form.setRowVisible(w.parentWidget(), visible)
