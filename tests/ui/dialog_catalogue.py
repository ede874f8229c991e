"""Every dialog of the window, opened on the sample company as a user would see it (fields filled,
errors showing where they can): the laptop-fit test walks it, scripts/screenshots.py photographs it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

Factory = Callable[[object, Path], QWidget]


def _worklist_row(window, code: str | None = None):
    from ar_desktop.services import worklist

    rows = worklist.worklist(window.books, window.books.today())
    return next((r for r in rows if r.customer_code == code), rows[0]) if code else rows[0]


def _invoice_row(window):
    from ar_desktop.services.invoicing import invoice_ids, invoice_rows
    from ar_desktop.storage.invoices_repo import InvoiceFilter

    return invoice_rows(window.books, invoice_ids(window.books, InvoiceFilter(status="overdue"))[:1])[0]


def _posted_letter(window):
    """A registered letter issued and posted (once per company file)."""
    from ar_desktop.domain.tracking import s10_check_digit
    from ar_desktop.services import letters, registered_mail
    from ar_desktop.services.letter_register import letter_register

    rows = [r for r in letter_register(window.books) if r.mail.posted_on]
    if rows:
        return rows[0]
    today = window.books.today()
    candidates = [c for c in letters.letter_candidates(window.books, today) if c.registered_mail]
    issued = letters.issue_letters(window.books, today, [candidates[0].customer_code])[0]
    serial = "40871235"
    registered_mail.record_posting(window.books, issued.letter_id, "Deutsche Post", "Einschreiben Rückschein",
                                   f"RR{serial}{s10_check_digit(serial)}DE", today)
    return [r for r in letter_register(window.books) if r.mail.posted_on][0]


def _customer_with_errors(window, _tmp):
    from ar_desktop.ui.dialogs.customer_dialog import CustomerDialog

    d = CustomerDialog(window, window.books)
    for key, text in (("code", "bad code!"), ("name", ""), ("email", "not-an-email"), ("country", "Germany"),
                      ("credit_limit", "-5"), ("terms", "abc")):
        d.fields[key].setText(text)
    d._on_save()  # errors appear beside their fields (the dialog must not grow off the screen)
    return d


def _invoice_with_errors(window, _tmp):
    from ar_desktop.ui.dialogs.invoice_dialog import InvoiceDialog

    d = InvoiceDialog(window, window.books)
    d.fields["amount"].setText("12.345,678 EUR")
    d._on_save()
    return d


def _payment(window, _tmp):
    from ar_desktop.ui.dialogs.payment_dialog import PaymentDialog

    d = PaymentDialog(window, window.books, _invoice_row(window).customer_id)
    d.amount.setText("1000.00")
    return d


def _payment_entry(window, _tmp):
    from ar_desktop.services.payments import payment_ids
    from ar_desktop.storage.payments_repo import PaymentFilter
    from ar_desktop.ui.dialogs.payment_entry_dialog import PaymentEntryDialog

    return PaymentEntryDialog(window, window.books, payment_ids(window.books, PaymentFilter())[0])


def _reverse(window, _tmp):
    from ar_desktop.services.payments import payment_detail, payment_ids
    from ar_desktop.storage.payments_repo import PaymentFilter
    from ar_desktop.ui.dialogs.payment_entry_dialog import ReverseDialog

    return ReverseDialog(window, window.books, payment_detail(window.books,
                                                              payment_ids(window.books, PaymentFilter())[0]))


def _restore(window, tmp):
    from ar_desktop.services.backups import back_up
    from ar_desktop.ui.dialogs.restore_dialog import RestoreDialog

    backup = tmp / "sample-backup.ardb"
    if not backup.exists():
        back_up(window.books, backup)
    return RestoreDialog(window, window.books.db.path, backup)


def _preview(window, _tmp):
    from ar_desktop.services.statements import statement_pdf
    from ar_desktop.ui.pdf_preview import PdfPreview

    from PySide6.QtCore import QCoreApplication

    code = _invoice_row(window).customer_code
    title = QCoreApplication.translate("CustomersTab", "Statement of account — {0}").format(code)
    return PdfPreview(window, statement_pdf(window.books, code), title)


def _mailing_book(window, _tmp):
    from ar_desktop.services import registered_mail
    from ar_desktop.ui.pdf_preview import PdfPreview

    row = _posted_letter(window)
    from PySide6.QtCore import QCoreApplication

    return PdfPreview(window, registered_mail.mailing_book_pdf(window.books, [row.letter.id], row.mail.posted_on),
                      QCoreApplication.translate("MailRegisterDialog", "Mailing book"))


def _result(window, _tmp):
    """What the window says after a print: the documents sent and what was left out."""
    from PySide6.QtCore import QCoreApplication

    from ar_desktop.ui.result_dialog import ResultDialog, ResultLine

    def tr(text):
        return QCoreApplication.translate("PdfPreview", text)

    title = QCoreApplication.translate("CustomersTab", "Statement of account — {0}")
    lines = [ResultLine.done(title.format(f"C{i:03d}"), tr("print job: {0}").format(f"PDF-{i}")) for i in range(1, 12)]
    lines.append(ResultLine.skipped(title.format("KAS11"), QCoreApplication.translate("Messages", "Cancelled; "
                                                                                                 "nothing was changed.")))
    return ResultDialog(window, tr("Printed"), tr("{0} ({1} page(s)) was sent to {2}.").format(title.format("C001"), 12,
                                                                                             "PDF"), lines,
                        note=tr("If nothing comes out, look at the printer's queue in the system settings; the "
                                "document is unchanged."))


def _customer_name(window, code: str) -> str:
    from ar_desktop.services.customers import find_customer

    return find_customer(window.books, code)[1].name


def _credit(cls: str, code: str, *extra) -> Factory:
    """A dialog of the Credit tab about one customer: ``cls(window, books, code, name, *extra)``."""
    def make(window, _tmp):
        from ar_desktop.ui.dialogs import credit_dialogs

        return getattr(credit_dialogs, cls)(window, window.books, code, _customer_name(window, code), *extra)
    return make


def _confirmation(cls: str) -> Factory:
    """The balance confirmation: the request, and the slip coming back (one request waiting)."""
    def make(window, _tmp):
        from ar_desktop.services import confirmations
        from ar_desktop.ui.dialogs import confirmation_dialogs

        code = "ALP01"
        if cls == "SlipReturnedDialog" and not any(c.returned_on is None
                                                   for c in confirmations.confirmations(window.books, code)):
            confirmations.request_confirmation(window.books, code, window.books.today() + dt.timedelta(days=14))
        return getattr(confirmation_dialogs, cls)(window, window.books, code, _customer_name(window, code))
    return make


def _acknowledgement(window, _tmp):
    from ar_desktop.ui.dialogs.credit_dialogs import AcknowledgementDialog

    return AcknowledgementDialog(window, window.books, _invoice_row(window).number, "de")


def _import_refused(window, tmp):
    """What an import with mistakes says: every problem by row, column and what to do."""
    from ar_desktop.services.importing import ImportRefused, import_file
    from ar_desktop.ui.dialogs.import_result_dialog import ImportResultDialog

    path = tmp / "invoices-with-mistakes.csv"
    path.write_text("number,customer_code,issue_date,due_date,amount\n"
                    "2026-09001,ALP01,2026-03-02,2026-04-01,1250.00\n"
                    "2026-09002,ZX9,2026-03-02,2026-04-01,980.00\n"
                    "2026-09003,BAL02,31.02.2026,2026-04-01,12.5.0\n"
                    "2026-09004,CAN03,2026-03-05,2026-02-01,-40\n", encoding="utf-8")
    try:
        import_file(window.books, "invoices", path)
    except ImportRefused as refused:
        return ImportResultDialog(window, refused.report)
    raise AssertionError("the file with mistakes was imported")


def _letters_issued(window, _tmp):
    """The result of a batch of letters: those issued, and those skipped with why."""
    from ar_desktop.services.letter_issue import issue_batch
    from ar_desktop.ui.dialogs.letters_dialog import BatchResultDialog

    return BatchResultDialog(window, issue_batch(window.books, window.books.today(), ["ALP01", "NOR14", "ELB05"]))


def _figure_list(window, _tmp):
    """The list behind a figure of the Overview (here: what is overdue): FigureListDialog(…)."""
    dialog = window.overview.open_invoices("overdue", QCoreApplication.translate("Kpi", "Overdue"))
    dialog.close()  # opened by the Overview; shown again by whoever asked for it
    return dialog


def _d(module: str, cls: str, *args_of) -> Factory:
    """A dialog built as ``cls(window, window.books, *(f(window) for f in args_of))``."""
    def make(window, _tmp):
        import importlib

        klass = getattr(importlib.import_module(f"ar_desktop.ui.dialogs.{module}"), cls)
        return klass(window, window.books, *(f(window) for f in args_of))
    return make


CATALOGUE: dict[str, Factory] = {
    "customer-dialog-errors": _customer_with_errors,
    "invoice-dialog-errors": _invoice_with_errors,
    "payment-dialog": _payment,
    "payment-entry": _payment_entry,
    "reverse-payment": _reverse,
    "adjustment": _d("adjustment_dialog", "AdjustmentDialog", _invoice_row),
    "call": _d("call_dialog", "CallDialog", _worklist_row),
    "promise": _d("promise_dialog", "PromiseDialog", _worklist_row),
    "plan": _d("plan_dialog", "PlanDialog", _worklist_row),
    "dispute": _d("dispute_dialog", "DisputeDialog", _worklist_row),
    "hold": _d("hold_dialog", "HoldDialog", _worklist_row),
    "step": _d("step_dialog", "StepDialog", _worklist_row),
    "history": _d("history_dialog", "HistoryDialog", lambda w: _worklist_row(w).customer_code,
                  lambda w: _worklist_row(w).customer_name),
    "company": lambda w, _t: __import__("ar_desktop.ui.dialogs.company_dialog", fromlist=["CompanyDialog"])
    .CompanyDialog(w, w.books, __import__("ar_desktop.services.company_file", fromlist=["company_profile"])
                   .company_profile(w.books)),
    "collection-settings": _d("collection_settings_dialog", "CollectionSettingsDialog"),
    "ladder": _d("ladder_dialog", "LadderDialog"),
    "late-charges": _d("late_charges_dialog", "LateChargesDialog"),
    "letter-settings": _d("letter_settings_dialog", "LetterSettingsDialog"),
    "rates": _d("rates_dialog", "RatesDialog"),
    "rate-row": _d("rates_dialog", "RateRowDialog", lambda w: "ecb_mro"),
    "template": _d("template_dialog", "TemplateDialog"),
    "letters": _d("letters_dialog", "LettersDialog", lambda w: w.books.today()),
    "registered-mail": _d("mail_register_dialog", "MailRegisterDialog"),
    "posting": _d("mail_register_dialog", "PostingDialog", _posted_letter),
    "delivery": _d("mail_register_dialog", "DeliveryDialog", _posted_letter),
    "correction": _d("mail_register_dialog", "CorrectionDialog", _posted_letter),
    "audit": _d("audit_dialog", "AuditDialog", lambda w: "invoice", lambda w: _invoice_row(w).id,
                lambda w: _invoice_row(w).number),
    "import-wizard": lambda w, _t: __import__("ar_desktop.ui.dialogs.import_wizard", fromlist=["ImportWizard"])
    .ImportWizard(w, w.books),
    "restore": _restore,
    "statement-preview": _preview,
    "mailing-book-preview": _mailing_book,
    "result": _result,
    "mail-text": lambda w, _t: __import__("ar_desktop.ui.dialogs.mail_text_dialog", fromlist=["MailTextDialog"])
    .MailTextDialog(w, "ap@example.com", "Payment reminder: 2 overdue invoices (EUR 4,030.00)",
                    "Dear Ms Huber,\n\nAccording to our records ...\n" * 6),
    "date": lambda w, _t: __import__("ar_desktop.ui.dialogs.date_dialog", fromlist=["DateDialog"])
    .DateDialog(w, *(QCoreApplication.translate("DataActions", t) for t in ("Report as of", "As of")),
                dt.date(2026, 3, 31), QCoreApplication.translate(
                    "DataActions", "The report shows the books as they were at the end of this day.")),
    "report-options": lambda w, _t: __import__("ar_desktop.ui.report_actions", fromlist=["ReportOptionsDialog"])
    .ReportOptionsDialog(w, w.books, "aging", w.books.today()),
    "review": lambda w, _t: __import__("ar_desktop.ui.dialogs.review_dialog", fromlist=["ReviewDialog"])
    .ReviewDialog(w, w.books, lambda *_a, **_k: None),
    "policies": _d("credit_dialogs", "PoliciesDialog"),
    "policy": _d("credit_dialogs", "PolicyDialog"),
    "insured-limit": _credit("InsuredLimitDialog", "BAL02"),
    "insurer-event": _credit("InsurerEventDialog", "BAL02", "notified"),
    "acknowledgement": _acknowledgement,
    "credit-check": _credit("CreditCheckDialog", "KAS11"),
    "credit-settings": _d("credit_dialogs", "CreditSettingsDialog"),
    "confirmation-request": _confirmation("ConfirmationRequestDialog"),
    "confirmation-returned": _confirmation("SlipReturnedDialog"),
    "import-refused": _import_refused,
    "letters-issued": _letters_issued,
    "figure-list": _figure_list,
    "shortcuts": lambda w, _t: __import__("ar_desktop.ui.help", fromlist=["ShortcutsDialog"]).ShortcutsDialog(w),
    "user-guide": lambda w, _t: __import__("ar_desktop.ui.help", fromlist=["UserGuide"]).UserGuide(w),
}
