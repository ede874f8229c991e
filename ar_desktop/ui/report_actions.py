"""Printing the reports from the window: a Reports menu button; each report is built in the
background, then previewed with Print… and Save as PDF…."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QMenu, QToolButton,
                               QWidget)

from ar_desktop.ui.dialogs.form import date_edit
from ar_desktop.ui.tasks import BackgroundTask
from ar_desktop.ui.screen import keep_on_screen

if TYPE_CHECKING:  # for annotations only: imported where used
    from ar_desktop.ui.pdf_preview import PdfPreview

# Translated "zh" by the Chinese interface: reports follow the language the window speaks.
LANGUAGE_MARK = QT_TRANSLATE_NOOP("Reports", "en")
TITLES = {"aging": QT_TRANSLATE_NOOP("Reports", "Aging report"),
          "statements": QT_TRANSLATE_NOOP("Reports", "Statement list"),
          "kpi": QT_TRANSLATE_NOOP("Reports", "Receivables figures"),
          "forecast": QT_TRANSLATE_NOOP("Reports", "Cash forecast"),
          "review": QT_TRANSLATE_NOOP("Reports", "Quarterly credit review")}
MENU = (("aging", QT_TRANSLATE_NOOP("Reports", "Aging report…")),
        ("statements", QT_TRANSLATE_NOOP("Reports", "Statement list…")),
        ("kpi", QT_TRANSLATE_NOOP("Reports", "Receivables figures (KPI page)…")),
        ("forecast", QT_TRANSLATE_NOOP("Reports", "Cash forecast…")),
        ("review", QT_TRANSLATE_NOOP("Reports", "Quarterly credit review…")))


def tr(text: str) -> str:
    return QCoreApplication.translate("Reports", text)


def report_language() -> str:
    return "zh" if tr(LANGUAGE_MARK) == "zh" else "en"


class ReportOptionsDialog(QDialog):
    """Date and filters of the aging report or the statement list."""

    def __init__(self, parent: QWidget, books, kind: str, as_of):
        from ar_desktop.services.customers import customer_choices  # on first use: the window starts without it

        super().__init__(parent)
        keep_on_screen(self)  # fits the screen; cut-off cells readable on hover
        self.setWindowTitle(tr(TITLES[kind]))
        self.as_of = date_edit(as_of)
        self.customer = QComboBox()
        self.customer.addItem(self.tr("All customers"), None)
        for _cid, code, name in customer_choices(books):
            self.customer.addItem(f"{code} – {name}", code)
        self.customer.setMaximumWidth(420)
        self.credit_class = QComboBox()
        for label, key in ((self.tr("All classes"), None), ("A", "A"), ("B", "B"), ("C", "C")):
            self.credit_class.addItem(label, key)
        self.overdue_only = QCheckBox(self.tr("Only customers with overdue invoices"))
        self.detail = QCheckBox(self.tr("Every open invoice under its customer (detail)"))
        self.detail.setChecked(True)
        form = QFormLayout(self)
        form.addRow(self.tr("As of"), self.as_of)
        form.addRow(self.tr("Customer"), self.customer)
        form.addRow(self.tr("Credit class"), self.credit_class)
        form.addRow("", self.overdue_only)
        if kind == "aging":
            form.addRow("", self.detail)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Preview"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.kind = kind

    def options(self) -> dict:
        out = {"customer": self.customer.currentData(), "credit_class": self.credit_class.currentData(),
               "overdue_only": self.overdue_only.isChecked(), "language": report_language()}
        if self.kind == "aging":
            out["detail"] = self.detail.isChecked()
        return out


class ReportActions:
    """The Reports button of the Overview. ``state()`` gives (books, as_of, days, currency)."""

    def __init__(self, parent: QWidget, state: Callable[[], tuple], changed: Callable[[], None] = lambda: None):
        """``changed()``: a review decision was recorded (the customers' records changed)."""
        self.parent, self.state, self.changed = parent, state, changed
        self.button = QToolButton(parent)
        self.button.setObjectName("reports_button")
        self.button.setText(QCoreApplication.translate("Reports", "Print report"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(self.button)
        self.actions = {}
        for key, text in MENU:
            action = self.menu.addAction(tr(text))
            action.setObjectName(f"report_{key}")
            action.triggered.connect(lambda _=False, k=key: self.open(k))
            self.actions[key] = action
        self.button.setMenu(self.menu)
        self.last_preview: PdfPreview | None = None

    def open(self, kind: str, options: dict | None = None) -> BackgroundTask | None:
        books, as_of, days, currency = self.state()
        if books is None:
            return None
        if kind == "review":
            self.open_review_dialog()
            return None
        if kind in ("aging", "statements") and options is None:
            dialog = ReportOptionsDialog(self.parent, books, kind, as_of)
            if not dialog.exec():
                return None
            as_of, options = dialog.as_of.date().toPython(), dialog.options()
        options = options or {"language": report_language()}
        from ar_desktop.services import reports  # with ReportLab: on the first report, not at start-up

        build = {"aging": lambda: reports.aging_pdf(books, as_of, **options),
                 "statements": lambda: reports.statement_list_pdf(books, as_of, **options),
                 "kpi": lambda: reports.kpi_pdf(books, as_of, days=days, currency=currency, **options),
                 "forecast": lambda: reports.forecast_pdf(books, as_of, currency=currency, **options)}[kind]
        title = f"{tr(TITLES[kind])} {as_of.isoformat()}"
        return BackgroundTask(self.parent, QCoreApplication.translate("Reports", "Preparing the report…"), lambda _p: build(),
                              lambda data: self.preview(data, title)).start()

    def open_review_dialog(self):
        from ar_desktop.ui.dialogs.review_dialog import ReviewDialog

        books = self.state()[0]
        dialog = ReviewDialog(self.parent, books, self.open_review)
        dialog.recorded.connect(self.changed)
        dialog.open()
        self.review_dialog = dialog
        return dialog

    def open_review(self, quarter: str, customer: str | None = None) -> BackgroundTask | None:
        from ar_desktop.services.review import review_pdf

        books = self.state()[0]
        if books is None:
            return None
        language = report_language()
        title = f"{tr(TITLES['review'])} {quarter}"
        return BackgroundTask(self.parent, QCoreApplication.translate("Reports", "Preparing the report…"),
                              lambda _p: review_pdf(books, quarter, customer=customer, language=language),
                              lambda data: self.preview(data, title)).start()

    def preview(self, data: bytes, title: str) -> PdfPreview:
        """The report in the one preview of every document (Print…, Save as PDF…, Close)."""
        from ar_desktop.ui.pdf_preview import PdfPreview

        preview = PdfPreview(self.parent, data, title, file_name=f"{title}.pdf")
        preview.open()
        self.last_preview = preview
        return preview
