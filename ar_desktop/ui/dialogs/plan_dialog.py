"""Agree a payment plan: the chosen invoices leave the ladder while the instalments are paid."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QSpinBox, QWidget

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.money import quantum
from ar_desktop.domain.payment_plan import MAX_EVERY_DAYS, MAX_INSTALMENTS, MIN_EVERY_DAYS, plan_instalments
from ar_desktop.services import collection_input, payment_plans, worklist
from ar_desktop.services.context import Books
from ar_desktop.ui.dialogs.form import FormDialog, date_edit, line
from ar_desktop.ui import amounts
from ar_desktop.ui.i18n import error_text

FIRST_DUE_DAYS = 14
EVERY_DAYS = 30


def _spin(lo: int, hi: int, value: int) -> QSpinBox:
    w = QSpinBox()
    w.setRange(lo, hi)
    w.setValue(value)
    return w


class PlanDialog(FormDialog):
    def __init__(self, parent: QWidget | None, books: Books, row: worklist.WorklistRow):
        super().__init__(parent, self.tr("Payment plan — {0}").format(row.customer_name))
        self.currency = row.currency
        today = books.today()
        self.invoices = QListWidget()
        for c in payment_plans.plan_candidates(books, row.customer_code):
            item = QListWidgetItem(self.tr("{0}  due {1}  open {2}").format(
                c.number, c.due_date.isoformat(), amounts.money(c.open_amount)))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setData(Qt.ItemDataRole.UserRole, (c.number, c.open_amount))
            self.invoices.addItem(item)
        self.add("invoices", self.tr("Invoices to cover"), self.invoices)
        self.count = self.add("count", self.tr("Number of instalments"), _spin(1, MAX_INSTALMENTS, 3))
        self.first_due = self.add("first_due", self.tr("First instalment due"),
                                  date_edit(today.fromordinal(today.toordinal() + FIRST_DUE_DAYS)))
        self.every = self.add("every", self.tr("Every N days"), _spin(MIN_EVERY_DAYS, MAX_EVERY_DAYS, EVERY_DAYS))
        self.note = self.add("note", self.tr("Note"), line("", collection_input.MAX_NOTE))
        self.schedule = QLabel()
        self.schedule.setObjectName("schedule")
        self.schedule.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form.addRow(self.tr("Schedule"), self.schedule)
        self.invoices.itemChanged.connect(self.update_schedule)
        self.count.valueChanged.connect(self.update_schedule)
        self.every.valueChanged.connect(self.update_schedule)
        self.first_due.dateChanged.connect(self.update_schedule)
        self.update_schedule()
        self.on_save(lambda raw: payment_plans.create_payment_plan(
              books, row.customer_code, self.chosen(), self.count.value(), raw["first_due"], self.every.value(),
              raw["note"]))

    def chosen(self) -> list[str]:
        return [self.invoices.item(i).data(Qt.ItemDataRole.UserRole)[0] for i in range(self.invoices.count())
                if self.invoices.item(i).checkState() == Qt.CheckState.Checked]

    def total(self) -> Decimal:
        return sum((self.invoices.item(i).data(Qt.ItemDataRole.UserRole)[1] for i in range(self.invoices.count())
                    if self.invoices.item(i).checkState() == Qt.CheckState.Checked), Decimal(0))

    def update_schedule(self, *_args) -> None:
        total = self.total()
        if total <= 0:
            self.schedule.setText(self.tr("Choose the invoices the plan covers."))
            return
        try:
            plan = plan_instalments(total, self.count.value(), self.first_due.date().toPython(), self.every.value(),
                                    quantum(self.currency))
        except UserError as e:
            self.schedule.setText(error_text(e))
            return
        lines = [self.tr("{0} in {1} instalments:").format(amounts.money(total, self.currency), len(plan))]
        lines += [f"{due.isoformat()}  {amounts.money(amount)}" for due, amount in plan]
        self.schedule.setText("\n".join(lines))
