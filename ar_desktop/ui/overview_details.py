"""The lists behind the Overview's figures, bars and rows that no other tab shows as such, each in a dialog
with its rows and their total: the invoices open on a date (all, current, overdue, disputed or one aging
bucket), the receipts expected in a week, the invoices paid in the period, one customer's overdue invoices on
a past date, and the arithmetic of DSO, best possible DSO, average days delinquent and CEI."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from ar_desktop.domain.forecast import DISPUTED, DUE, LEGAL, PLAN, PROMISE, ExpectedReceipt, Forecast
from ar_desktop.domain.kpi import LABELS, Kpis
from ar_desktop.services import kpis as kpi_service
from ar_desktop.ui import amounts, palette
from ar_desktop.ui.figure_card import figure_text
from ar_desktop.ui.rows_model import RowColumn
from ar_desktop.ui.table_models import money_text

if TYPE_CHECKING:  # for annotations only: imported where used (not on the way to the first screen)
    from ar_desktop.ui.dialogs.figure_list_dialog import FigureListDialog

BASIS_TEXT = {PLAN: QT_TRANSLATE_NOOP("Overview", "payment plan"), PROMISE: QT_TRANSLATE_NOOP("Overview", "promise"),
              DUE: QT_TRANSLATE_NOOP("Overview", "due date + days late"),
              DISPUTED: QT_TRANSLATE_NOOP("Overview", "disputed"),
              LEGAL: QT_TRANSLATE_NOOP("Overview", "legal action / agency")}


class OverviewDetails(QObject):
    """Opens each list as a dialog of ``parent``; the caller says what to list (books, date, currency)."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self._window = parent

    def _show(self, *args, **kwargs) -> FigureListDialog:
        from ar_desktop.ui.dialogs.figure_list_dialog import FigureListDialog

        d = FigureListDialog(self._window, *args, **kwargs)
        d.open()
        return d

    def invoices(self, books, as_of: dt.date, which: str, title: str, currency: str | None) -> FigureListDialog:
        """The invoices open on ``as_of``: all | current | overdue | disputed | an aging bucket's key."""
        from ar_desktop.services.overview import OpenInvoice, open_invoices  # on first use

        rows = open_invoices(books, as_of, which, currency)
        total = sum((r.disputed_amount if which == "disputed" else r.open_amount for r in rows), start=0)
        columns = [RowColumn(QT_TRANSLATE_NOOP("Overview", "Invoice"), lambda r: r.number),
                   RowColumn(QT_TRANSLATE_NOOP("Overview", "Customer"), lambda r: r.customer_name),
                   RowColumn(QT_TRANSLATE_NOOP("Overview", "Issued"), lambda r: r.issue_date, "date"),
                   RowColumn(QT_TRANSLATE_NOOP("Overview", "Due"), lambda r: r.due_date, "date"),
                   RowColumn(QT_TRANSLATE_NOOP("Overview", "Days overdue"),
                             lambda r: r.days_overdue if r.days_overdue > 0 else None, "int"),
                   RowColumn(QT_TRANSLATE_NOOP("Overview", "Amount"), lambda r: r.amount, "money"),
                   RowColumn(QT_TRANSLATE_NOOP("Overview", "Open"), lambda r: r.open_amount, "money"),
                   RowColumn(QT_TRANSLATE_NOOP("Overview", "Disputed"), lambda r: r.disputed_amount or None, "money")]
        total_row = OpenInvoice(self.tr("Total"), "", "", 0, None, None, 0, None, total if which != "disputed" else None,
                                total if which == "disputed" else 0, "")
        # the count as the tables write it (61.035); of the disputed ones the total is their disputed parts
        sentence = (self.tr("{0} invoices open on {1} with a dispute, {2} disputed in all.") if which == "disputed"
                    else self.tr("{0} invoices open on {1}, {2} in all."))
        subtitle = sentence.format(amounts.number(len(rows), 0), as_of.isoformat(), money_text(total))
        return self._show(title, subtitle, columns, rows, total_row,
                          tone=lambda r: palette.OVERDUE if r.days_overdue > 0 else None)

    def receipts(self, fc: Forecast, index: int) -> FigureListDialog:
        """The receipts of a forecast bar: a week's, those expected later, or the uncertain ones (read here when
        ``fc.receipts_by_bar`` was not yet: the Overview reads it off the GUI thread first)."""
        rows = fc.receipts_by_bar[index]
        if index < len(fc.week_starts):
            title = self.tr("Expected in the week from {0}").format(fc.week_starts[index].isoformat())
        elif index == len(fc.week_starts):
            title = self.tr("Expected after {0}").format(fc.last_day.isoformat())
        else:
            title = self.tr("Uncertain receipts")
        columns = [RowColumn(QT_TRANSLATE_NOOP("Overview", "Invoice"), lambda r: r.invoice_number),
                   RowColumn(QT_TRANSLATE_NOOP("Overview", "Customer"), lambda r: r.customer_code),
                   RowColumn(QT_TRANSLATE_NOOP("Overview", "Expected on"), lambda r: r.expected_on, "date"),
                   RowColumn(QT_TRANSLATE_NOOP("Overview", "Why then"),
                             lambda r: QCoreApplication.translate("Overview", BASIS_TEXT[r.basis])
                             if r.basis in BASIS_TEXT else ""),
                   RowColumn(QT_TRANSLATE_NOOP("Overview", "Amount"), lambda r: r.amount, "money")]
        total = sum((r.amount for r in rows), start=0)
        subtitle = self.tr("{0} amounts, {1} in all.").format(amounts.number(len(rows), 0), money_text(total))
        # the total in bold under the amounts, as the other lists and the printed forecast have it
        return self._show(title, subtitle, columns, rows, ExpectedReceipt(self.tr("Total"), "", total, None, ""),
                          buttons=())

    def cleared(self, books, k: Kpis, currency: str | None) -> FigureListDialog:
        """The invoices paid in full in the period, and whether each counts in the average days to pay."""
        rows = kpi_service.cleared_invoices(books, k.period.as_of, k.period.days, currency)
        columns = [RowColumn(QT_TRANSLATE_NOOP("Overview", "Invoice"), lambda r: r.number),
                   RowColumn(QT_TRANSLATE_NOOP("Overview", "Issued"), lambda r: r.invoice.issue_date, "date"),
                   RowColumn(QT_TRANSLATE_NOOP("Overview", "Due"), lambda r: r.invoice.due_date, "date"),
                   RowColumn(QT_TRANSLATE_NOOP("Overview", "Paid in full on"), lambda r: r.invoice.cleared_on, "date"),
                   RowColumn(QT_TRANSLATE_NOOP("Overview", "Days to pay"),
                             lambda r: (r.invoice.cleared_on - r.invoice.issue_date).days, "int"),
                   RowColumn(QT_TRANSLATE_NOOP("Overview", "Days late"),
                             lambda r: max(0, (r.invoice.cleared_on - r.invoice.due_date).days), "int"),
                   RowColumn(QT_TRANSLATE_NOOP("Overview", "Counted"),
                             lambda r: self.tr("no: written off or credited") if r.invoice.by_adjustment
                             else self.tr("yes"))]
        subtitle = self.tr("Invoices paid in full from {0} to {1}: {2} counted; on average {3} to pay, "
                           "{4} late.").format(k.period.first_day.isoformat(), k.period.as_of.isoformat(),
                                               amounts.number(k.cleared_count, 0),
                                               figure_text("x", k.average_days_to_pay),
                                               figure_text("x", k.average_days_late))
        return self._show(self.tr("Invoices paid in the period"), subtitle, columns, rows)

    def overdue_of(self, books, as_of: dt.date, currency: str | None, c) -> FigureListDialog:
        """One customer's overdue invoices on ``as_of`` (``c``: a row of the largest overdue balances)."""
        from ar_desktop.services.overview import open_invoices

        rows = open_invoices(books, as_of, "overdue", currency, customer_id=c.customer_id)
        return self._show(f"{c.code} – {c.name}", self.tr("Overdue on {0}: {1}").format(
            as_of.isoformat(), money_text(c.overdue)),
            [RowColumn(QT_TRANSLATE_NOOP("Overview", "Invoice"), lambda r: r.number),
             RowColumn(QT_TRANSLATE_NOOP("Overview", "Due"), lambda r: r.due_date, "date"),
             RowColumn(QT_TRANSLATE_NOOP("Overview", "Days overdue"), lambda r: r.days_overdue, "int"),
             RowColumn(QT_TRANSLATE_NOOP("Overview", "Open"), lambda r: r.open_amount, "money")], rows)

    def arithmetic(self, k: Kpis, metric: str, open_figure: Callable[[str], object]) -> QMessageBox:
        """How a ratio was computed from the amounts, with buttons to the invoices owed and those of the period
        (``open_figure("total_ar")``, ``open_figure("sales")``)."""
        p = k.period
        m = money_text
        lines = [self.tr("As of {0}, period of {1} days from {2}:").format(p.as_of.isoformat(), p.days,
                                                                         p.first_day.isoformat()),
                 self.tr("owed {0}, of which not yet due {1} and overdue {2};").format(m(k.total_ar), m(k.current_ar),
                                                                                      m(k.overdue_ar)),
                 self.tr("sales in the period {0}; owed at its start ({1}) {2}.").format(
                     m(k.sales), p.start.isoformat(), m(k.ar_start)), ""]
        if metric == "cei":
            lines.append(self.tr("CEI = 100 × (owed at the start + sales − owed) ÷ (owed at the start + sales − not "
                                 "yet due) = {0}").format(figure_text(metric, k.cei)))
        else:
            formula = {"dso": self.tr("DSO = owed ÷ sales × days = {0}"),
                       "best_possible_dso": self.tr("Best possible DSO = not yet due ÷ sales × days = {0}"),
                       "average_days_delinquent": self.tr("Average days delinquent = overdue ÷ sales × days = {0}")}
            lines.append(formula[metric].format(figure_text(metric, k.value(metric))))
        if k.sales == 0 and metric != "cei":
            lines.append(self.tr("There were no sales in the period, so the figure is left empty."))
        box = QMessageBox(QMessageBox.Icon.Information, QCoreApplication.translate("Kpi", LABELS[metric]),
                          "\n".join(lines), QMessageBox.StandardButton.Close, self._window)
        owed = box.addButton(self.tr("Invoices owed…"), QMessageBox.ButtonRole.ActionRole)
        sold = box.addButton(self.tr("Invoices of the period…"), QMessageBox.ButtonRole.ActionRole)
        owed.clicked.connect(lambda: open_figure("total_ar"))
        sold.clicked.connect(lambda: open_figure("sales"))
        box.open()
        return box
