"""Collections: what needs doing today for each account, logged in two clicks, with its history."""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QSplitter, QTableView, QTabWidget, QVBoxLayout, QWidget)

from ar_desktop.domain.ladder import ActionKind
from ar_desktop.domain.text import Text, translate
from ar_desktop.ui.aging_view import AgingView
from ar_desktop.ui.cell_tips import show_cut_off_text
from ar_desktop.ui.column_fit import keep_columns_fitted
from ar_desktop.ui.credit_actions_view import CreditActionsView
from ar_desktop.ui.dialogs.form import date_edit
from ar_desktop.ui.history_model import HistoryModel
from ar_desktop.ui.messages import confirm, run_action
from ar_desktop.ui.refresh_on_show import RefreshWhenShown
from ar_desktop.ui.tasks import BackgroundTask
from ar_desktop.ui.worklist_model import COLUMN_KEYS, WorklistModel

if TYPE_CHECKING:  # for annotations only: imported where used
    from ar_desktop.services.context import Books
    from ar_desktop.services.worklist import WorklistRow
    from ar_desktop.ui.dialogs.history_dialog import HistoryDialog
    from ar_desktop.ui.dialogs.letters_dialog import LettersDialog
    from ar_desktop.ui.dialogs.mail_register_dialog import MailRegisterDialog
    from ar_desktop.ui.result_dialog import ResultDialog

LETTER_STEPS = {k.value for k in ActionKind if k.is_letter}


def _worklist(books: Books, as_of: dt.date) -> list[WorklistRow]:
    """The worklist, its service imported when the worklist is first computed (off the window's start-up)."""
    from ar_desktop.services.worklist import worklist

    return worklist(books, as_of)


def mailto_url(to: str, subject: str, body: str) -> QUrl:
    return QUrl(f"mailto:{quote(to, safe='@')}?subject={quote(subject)}&body={quote(body)}", QUrl.ParsingMode.TolerantMode)


def _is_letter(row: WorklistRow) -> bool:
    return row.status.next_step is not None and row.status.next_step.action.is_letter


FILTERS = (
    ("all", QT_TRANSLATE_NOOP("CollectionsTab", "Everyone needing attention"), lambda r: True),
    ("action_due", QT_TRANSLATE_NOOP("CollectionsTab", "Action due today"), lambda r: r.state == "action_due"),
    ("calls", QT_TRANSLATE_NOOP("CollectionsTab", "Calls for today"),
     lambda r: r.state == "action_due" and r.status.next_step is not None
     and r.status.next_step.action == ActionKind.PHONE_CALL),
    ("letters", QT_TRANSLATE_NOOP("CollectionsTab", "Letters to print"),
     lambda r: r.state == "action_due" and _is_letter(r)),
    ("legal", QT_TRANSLATE_NOOP("CollectionsTab", "Legal action / agency"),
     lambda r: r.state == "action_due" and r.status.next_step is not None
     and r.status.next_step.action in (ActionKind.LEGAL_ACTION, ActionKind.AGENCY)),
    ("waiting", QT_TRANSLATE_NOOP("CollectionsTab", "Waiting"), lambda r: r.state == "waiting"),
    ("promised", QT_TRANSLATE_NOOP("CollectionsTab", "Promised"), lambda r: r.state == "promised"),
    ("disputed", QT_TRANSLATE_NOOP("CollectionsTab", "Disputed"), lambda r: r.state == "disputed"),
    ("on_hold", QT_TRANSLATE_NOOP("CollectionsTab", "On hold"), lambda r: r.state == "on_hold"),
    ("review", QT_TRANSLATE_NOOP("CollectionsTab", "Credit review"), lambda r: r.credit_review),
)


class CollectionsTab(RefreshWhenShown, QWidget):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.books = None
        self._rows: list[WorklistRow] = []
        self.as_of = date_edit()
        self.as_of.dateChanged.connect(self.refresh)
        self.filter = QComboBox()
        for key, label, _f in FILTERS:
            self.filter.addItem(self.tr(label), key)
        self.filter.currentIndexChanged.connect(self._apply_filter)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Customer code or name…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)
        self.search.textChanged.connect(self._apply_filter)
        self.count = QLabel()
        top = QHBoxLayout()
        title = QLabel(self.tr("Worklist as of"))
        title.setStyleSheet("font-weight: bold;")
        for w in (title, self.as_of, self.filter, self.search, self.count):
            top.addWidget(w)
        top.addStretch(1)

        self.model = WorklistModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(False)
        self.table.horizontalHeader().sectionClicked.connect(self._sort)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Each column as wide as its content. On a laptop the customer's name gives up room first, then the
        # next step (cut off, whole on hover), so the state, "Last step" and "Promise" stay whole.
        col = COLUMN_KEYS.index
        keep_columns_fitted(self.table, {col("customer"): 140}, {col("next"): 150})
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_history())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # Enter opens the account's collection file
            QShortcut(QKeySequence(key), self.table, self.open_file, context=Qt.ShortcutContext.WidgetShortcut)

        actions = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, label, slot in (
                ("call", self.tr("Log call…"), self.log_call),
                ("mail", self.tr("E-mail reminder…"), self.email_reminder),
                ("promise", self.tr("Promise…"), self.record_promise),
                ("plan", self.tr("Payment plan…"), self.payment_plan),
                ("dispute", self.tr("Dispute…"), self.mark_dispute),
                ("hold", self.tr("Hold…"), self.toggle_hold),
                ("done", self.tr("Step done…"), self.step_done),
                ("skip", self.tr("Skip step…"), self.step_skipped),
                ("review", self.tr("Credit reviewed"), self.credit_reviewed),
                ("print", self.tr("Print collection file…"), self.print_file),
                ("letters", self.tr("Letters…"), self.open_letters),
                ("register", self.tr("Registered mail…"), self.open_register)):
            b = QPushButton(label)
            b.setObjectName(f"collections_{key}")
            b.clicked.connect(slot)
            self.buttons[key] = b
            actions.addWidget(b)
        actions.addStretch(1)

        self.history = HistoryModel(self)
        self.history_table = QTableView()
        self.history_table.setModel(self.history)
        self.history_table.verticalHeader().hide()
        self.history_table.setAlternatingRowColors(True)
        self.history_table.setWordWrap(False)
        show_cut_off_text(self.history_table)
        header = self.history_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in enumerate((86, 110, 640, 110, 100)):
            header.resizeSection(col, width)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.history_title = QLabel()
        history_box = QWidget()
        hl = QVBoxLayout(history_box)
        hl.setContentsMargins(0, 0, 0, 0)
        hl.addWidget(self.history_title)
        hl.addWidget(self.history_table)

        self.aging = AgingView(self)
        self.lower = QTabWidget()
        self.lower.addTab(history_box, self.tr("Collection file"))
        self.lower.addTab(self.aging, self.tr("Aging"))
        # insurer deadlines, limitation warnings, reviews due, small balances: computed apart from
        # the worklist (read only), so the worklist stays as fast as it was
        self.credit_actions = CreditActionsView(self)
        self.credit_actions.changed.connect(lambda: (self.refresh(), self.changed.emit()))
        self.lower.addTab(self.credit_actions, self.tr("Credit actions"))

        upper = QWidget()
        ul = QVBoxLayout(upper)
        ul.setContentsMargins(0, 0, 0, 0)
        ul.addLayout(top)
        # reference-rate tables that do not reach the day late charges need: those letters are skipped
        self.rates_warning = QLabel()
        self.rates_warning.setWordWrap(True)
        self.rates_warning.setStyleSheet("color: #b26a00;")
        self.rates_warning.hide()
        ul.addWidget(self.rates_warning)
        ul.addWidget(self.table)
        ul.addLayout(actions)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(self.lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._update_buttons()

    # -- data ---------------------------------------------------------------------------------
    def set_books(self, books) -> None:
        self.books = books
        today = books.today()
        self.as_of.blockSignals(True)
        self.as_of.setDate(QDate(today.year, today.month, today.day))
        self.as_of.blockSignals(False)
        self.aging.attach(books)
        self.credit_actions.attach(books)
        self.mark_stale()

    def _ensure_loaded(self) -> None:
        if self._stale and self.books is not None:
            self.reload()

    def as_of_date(self) -> dt.date:
        return self.as_of.date().toPython()

    def detach(self) -> None:
        super().detach()
        self.aging.books = None
        self.credit_actions.attach(None)

    def refresh(self) -> BackgroundTask | None:
        """Compute the worklist in the background; the table updates when it is ready."""
        if self.books is None:
            return None
        self._stale = True
        self._generation += 1
        generation, books, as_of = self._generation, self.books, self.as_of_date()
        self.count.setText(self.tr("Computing the worklist…"))
        self.credit_actions.refresh(as_of)
        return BackgroundTask(self, self.tr("Computing the worklist…"),
                              lambda _progress: _worklist(books, as_of),
                              lambda rows: self._arrived(generation, rows), quiet=True).start()

    def _arrived(self, generation: int, rows: list[WorklistRow]) -> None:
        if generation == self._generation and self.books is not None:
            self._show_rows(rows)

    def reload(self) -> None:
        """Compute the worklist now (callers that need it at once)."""
        if self.books is None:
            return
        self._generation += 1
        self._show_rows(_worklist(self.books, self.as_of_date()))
        self.credit_actions.show_now(self.as_of_date())

    def _show_rows(self, rows: list[WorklistRow]) -> None:
        self._stale = False
        self._show_stale_rates()
        current = self.current_row() if self.model.rows else None
        self._rows = rows
        self._apply_filter()
        if current is not None:
            self.select_customer(current.customer_code)
        self._select_pending()
        self.aging.reload()

    def _show_stale_rates(self) -> None:
        from ar_desktop.services.late_charges import stale_rate_tables
        from ar_desktop.ui.i18n import render

        ok, stale = run_action(self, stale_rate_tables, self.books, self.as_of_date())
        texts = [render(t.message()) for t in stale] if ok else []
        self.rates_warning.setText(self.tr("Reference rates out of date: {0}").format(" ".join(texts)))
        self.rates_warning.setVisible(bool(texts))

    def _apply_filter(self) -> None:
        self._ensure_loaded()
        predicate = FILTERS[max(self.filter.currentIndex(), 0)][2]
        needle = self.search.text().strip().casefold()
        rows = [r for r in self._rows if predicate(r)
                and (not needle or needle in r.customer_code.casefold() or needle in r.customer_name.casefold())]
        self.model.set_rows(rows, self.as_of_date())
        self.count.setText(self.tr("{0} of {1} accounts").format(len(rows), len(self._rows)))
        if rows and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        self._show_history()

    def _sort(self, column: int) -> None:
        order = self.table.horizontalHeader().sortIndicatorOrder()
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.model.sort(column, order)

    def show_filter(self, key: str, customer_code: str | None = None) -> None:
        """Show one filter of the worklist (its key in FILTERS), and select a customer in it."""
        keys = [k for k, _label, _f in FILTERS]
        self.filter.blockSignals(True)
        self.filter.setCurrentIndex(keys.index(key) if key in keys else 0)
        self.filter.blockSignals(False)
        self._select_after = customer_code
        if not self._stale:   # else the worklist being computed shows it when it arrives
            self._apply_filter()
            self._select_pending()

    _select_after: str | None = None

    def _select_pending(self) -> None:
        code, self._select_after = self._select_after, None
        if code:
            self.select_customer(code)

    def current_row(self) -> WorklistRow | None:
        idx = self.table.currentIndex()
        return self.model.rows[idx.row()] if idx.isValid() and idx.row() < len(self.model.rows) else None

    def select_customer(self, code: str) -> bool:
        self._ensure_loaded()
        for i, r in enumerate(self.model.rows):
            if r.customer_code == code:
                self.table.selectRow(i)
                return True
        return False

    def _show_history(self) -> None:
        row = self.current_row()
        self._update_buttons()
        if row is None or self.books is None:
            self.history.set_entries([])
            self.history_title.setText(self.tr("Select an account to see its collection file."))
            return
        from ar_desktop.services.collection_history import history

        self.history.set_entries(history(self.books, row.customer_code))
        self.history_title.setText(self.tr("{0} — {1}: every step, call, letter, promise, dispute and payment")
                                   .format(row.customer_code, row.customer_name))

    def _update_buttons(self) -> None:
        row = self.current_row()
        for key, b in self.buttons.items():
            b.setEnabled(row is not None or key in ("letters", "register"))
        if row is not None:
            self.buttons["hold"].setText(self.tr("Release hold") if row.state == "on_hold" else self.tr("Hold…"))
            self.buttons["review"].setEnabled(row.credit_review)

    # -- actions ------------------------------------------------------------------------------
    def _after(self, dialog) -> None:
        if dialog.exec():
            self.refresh()
            self.changed.emit()

    def log_call(self) -> None:
        from ar_desktop.ui.dialogs.call_dialog import CallDialog

        row = self.current_row()
        if row:
            self._after(CallDialog(self, self.books, row))

    def record_promise(self) -> None:
        from ar_desktop.ui.dialogs.promise_dialog import PromiseDialog

        row = self.current_row()
        if row:
            self._after(PromiseDialog(self, self.books, row))

    def payment_plan(self) -> None:
        from ar_desktop.ui.dialogs.plan_dialog import PlanDialog

        row = self.current_row()
        if row:
            self._after(PlanDialog(self, self.books, row))

    def mark_dispute(self) -> None:
        from ar_desktop.ui.dialogs.dispute_dialog import DisputeDialog

        row = self.current_row()
        if row:
            self._after(DisputeDialog(self, self.books, row))

    def step_done(self) -> None:
        from ar_desktop.ui.dialogs.step_dialog import StepDialog

        row = self.current_row()
        if row:
            self._after(StepDialog(self, self.books, row))

    def step_skipped(self) -> None:
        from ar_desktop.ui.dialogs.step_dialog import StepDialog

        row = self.current_row()
        if row:
            self._after(StepDialog(self, self.books, row, skip=True))

    def toggle_hold(self) -> None:
        from ar_desktop.services.collection_holds import release_hold
        from ar_desktop.ui.dialogs.hold_dialog import HoldDialog

        row = self.current_row()
        if row is None:
            return
        if row.state == "on_hold":
            if confirm(self, self.tr("Release hold"), self.tr("Resume the ladder for {0}?").format(row.customer_name)):
                ok, _ = run_action(self, release_hold, self.books, row.customer_code)
                if ok:
                    self.refresh()
                    self.changed.emit()
        else:
            self._after(HoldDialog(self, self.books, row))

    def credit_reviewed(self) -> None:
        from ar_desktop.services.credit_limits import mark_credit_reviewed

        row = self.current_row()
        if row and run_action(self, mark_credit_reviewed, self.books, row.customer_code)[0]:
            self.refresh()

    def email_reminder(self) -> None:
        from ar_desktop.services.collection_log import add_note
        from ar_desktop.services.reminder_mail import reminder_mail
        from ar_desktop.ui.dialogs.mail_text_dialog import MailTextDialog

        row = self.current_row()
        if row is None:
            return
        ok, mail = run_action(self, reminder_mail, self.books, row.customer_code, self.as_of_date())
        if not ok:
            return
        to, subject, body = mail
        if QDesktopServices.openUrl(mailto_url(to, subject, body)):
            note = Text(translate("Messages", "E-mail reminder opened in the mail program, to {to}: {subject}"),
                        to=to, subject=subject)
        else:
            dialog = MailTextDialog(self, to, subject, body)
            if not dialog.exec():
                return
            note = Text(translate("Messages", "E-mail reminder copied to send by webmail, to {to}: {subject}"),
                        to=to, subject=subject)
        if run_action(self, add_note, self.books, row.customer_code, self.books.today(), note)[0]:
            self._show_history()
            self.changed.emit()

    def open_file(self) -> HistoryDialog | None:
        """The selected account's collection file in its own window (Enter)."""
        from ar_desktop.ui.dialogs.history_dialog import HistoryDialog

        row = self.current_row()
        if row is None or self.books is None:
            return None
        dialog = HistoryDialog(self, self.books, row.customer_code, row.customer_name)
        dialog.open()
        return dialog

    def print_list(self):
        """Preview the worklist as filtered, to print or save it (Ctrl+P)."""
        from ar_desktop.ui.list_printing import print_model

        if self.books is None:
            return None
        self._ensure_loaded()
        subtitle = self.tr("As of {0} · {1}").format(self.as_of_date().isoformat(), self.filter.currentText())
        if self.search.text().strip():
            subtitle += " · " + self.tr("search: {0}").format(self.search.text().strip())
        return print_model(self, self.books, self.model, self.tr("Collections worklist"), subtitle=subtitle,
                           totals=self.count.text())

    def print_file(self) -> ResultDialog | None:
        """Print the selected account's collection file as of the worklist date."""
        from ar_desktop.services.collection_file import collection_file_pdf
        from ar_desktop.ui.pdf_preview import print_and_report

        row = self.current_row()
        if row is None:
            return None
        ok, data = run_action(self, collection_file_pdf, self.books, row.customer_code, self.as_of_date(),
                              QCoreApplication.translate)  # in the interface's language
        if not ok:
            return None
        return print_and_report(self, data, self.tr("Collection file {0}").format(row.customer_code))

    def save_file_pdf(self, code: str, path: str) -> str | None:
        from ar_desktop.services.collection_file import collection_file_pdf
        from ar_desktop.ui.printing import save_from

        ok, data = run_action(self, collection_file_pdf, self.books, code, self.as_of_date(), QCoreApplication.translate)
        if not ok:
            return None
        ok, _ = run_action(self, save_from, self, path, data)
        return path if ok else None

    def selected_codes(self) -> list[str]:
        self._ensure_loaded()
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.rows[r].customer_code for r in rows if r < len(self.model.rows)]

    def open_letters(self) -> LettersDialog:
        from ar_desktop.ui.dialogs.letters_dialog import LettersDialog

        dialog = LettersDialog(self, self.books, self.as_of_date(), self.selected_codes() or None)
        dialog.finished.connect(lambda _result: self._after_letters(dialog))
        dialog.open()
        return dialog

    def _after_letters(self, dialog: LettersDialog) -> None:
        if dialog.issued:
            self.refresh()
            self.changed.emit()

    def open_register(self) -> MailRegisterDialog:
        from ar_desktop.ui.dialogs.mail_register_dialog import MailRegisterDialog

        dialog = MailRegisterDialog(self, self.books)
        dialog.open()
        return dialog
