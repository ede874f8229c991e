"""The small things a bookkeeper trips over: recent files when no company is open, a new invoice
that names its customer on purpose and suggests its number, a duplicate number shown beside the
field, a date filter that looks off when it is off, the e-mail reminder that logs itself (and
offers its text when no mail program answers), and calendars for every date."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from ar_desktop.services import collection_history
from ar_desktop.services.invoicing import next_invoice_number
from ar_desktop.services.reminder_mail import reminder_mail
from ar_desktop.ui.dialogs.date_dialog import DateDialog
from ar_desktop.ui.dialogs.invoice_dialog import InvoiceDialog
from ar_desktop.ui.dialogs.mail_text_dialog import MailTextDialog

UI_TODAY = dt.date(2026, 3, 31)


def _save(dialog, qtbot):
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def test_no_company_screen_lists_the_recent_files(window, qtbot, tmp_path):
    path = window.books.db.path
    window.settings.setValue("files/recent", [str(path), str(tmp_path / "gone.ardb")])
    window.close_file()
    buttons = window.recent_buttons
    assert [b.text() for b in buttons] == [path.stem, "gone"]
    assert buttons[0].isEnabled() and not buttons[1].isEnabled()
    assert "not found" in buttons[1].description()
    buttons[0].click()
    assert window.books is not None and window.books.db.path == path


def test_a_new_invoice_names_its_customer_and_suggests_the_next_number(window, qtbot):
    dialog = InvoiceDialog(window, window.books)
    qtbot.addWidget(dialog)
    assert dialog.customer.currentIndex() == -1 and dialog.customer.placeholderText() == "Choose the customer…"
    assert dialog.currency.currentData() == "EUR"  # the company's currency until a customer is chosen
    suggested = dialog.fields["number"].text()
    assert suggested == next_invoice_number(window.books) and suggested
    dialog.fields["amount"].setText("100.00")
    _save(dialog, qtbot)
    assert dialog.isVisible() or dialog.result() != dialog.DialogCode.Accepted
    assert dialog._errors["customer_code"].isVisibleTo(dialog)  # beside the field, not a pop-up
    dialog.customer.setCurrentIndex(dialog.customer.findData("ALP01"))
    _save(dialog, qtbot)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert next_invoice_number(window.books) != suggested  # the next suggestion moved on


def test_a_duplicate_invoice_number_is_a_message_beside_the_field(window, qtbot, monkeypatch):
    popups = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: popups.append(a))
    # a credit warning, if this customer draws one, is confirmed: the number is still refused
    monkeypatch.setattr("ar_desktop.ui.dialogs.invoice_dialog.confirm", lambda *a, **k: True)
    taken = window.invoices.model.row_at(0).number
    dialog = InvoiceDialog(window, window.books, customer_id=window.invoices.model.row_at(0).customer_id)
    qtbot.addWidget(dialog)
    dialog.fields["number"].setText(taken)
    dialog.fields["amount"].setText("100.00")
    _save(dialog, qtbot)
    error = dialog._errors["number"]
    assert error.isVisibleTo(dialog) and f"Invoice number {taken} is already used" in error.text()
    assert "the next free one is" in error.text() and popups == []


def test_the_issue_date_filter_looks_off_while_unticked(window):
    tab = window.invoices
    assert not tab.use_dates.isChecked()
    assert not tab.date_from.isEnabled() and not tab.date_to.isEnabled()
    tab.use_dates.setChecked(True)
    assert tab.date_from.isEnabled() and tab.date_to.isEnabled()


def _row_with_email(window):
    tab = window.collections
    tab.reload()
    for i, r in enumerate(tab.model.rows):
        if r.overdue_amount > 0 and reminder_mail(window.books, r.customer_code, UI_TODAY):
            tab.table.selectRow(i)
            return tab, r
    raise AssertionError("no account to remind")


def _notes(window, code):
    return [str(e.text) for e in collection_history.history(window.books, code) if e.kind == "note"]


def test_the_email_reminder_is_logged_when_the_mail_program_opens(window, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    tab, row = _row_with_email(window)
    tab.buttons["mail"].click()
    assert opened and opened[0].scheme() == "mailto"
    assert any(n.startswith("E-mail reminder opened in the mail program, to ") for n in _notes(window, row.customer_code))


def test_without_a_mail_program_the_text_is_offered_to_copy_and_logged(window, qtbot, monkeypatch,
                                                                       when_dialog_opens):
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    tab, row = _row_with_email(window)
    _to, _subject, body = reminder_mail(window.books, row.customer_code, UI_TODAY)
    when_dialog_opens(lambda d: d.copy_button.click(), MailTextDialog)
    tab.buttons["mail"].click()
    assert QGuiApplication.clipboard().text() == body
    assert any("E-mail reminder copied to send by webmail" in n for n in _notes(window, row.customer_code))


def test_closing_the_mail_text_without_copying_logs_nothing(window, monkeypatch, when_dialog_opens):
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    tab, row = _row_with_email(window)
    before = _notes(window, row.customer_code)
    when_dialog_opens(lambda d: d.reject(), MailTextDialog)
    tab.buttons["mail"].click()
    assert _notes(window, row.customer_code) == before


def test_export_asks_for_the_as_of_date_with_a_calendar(window, qtbot, tmp_path, when_dialog_opens):
    from ar_desktop.ui.data_actions import export_data

    def pick(dialog):
        assert dialog.date.calendarPopup()
        dialog.date.setDate(dialog.date.date().addDays(-31))  # 2026-02-28
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    when_dialog_opens(pick, DateDialog)
    task = export_data(window, "aging", ".csv", str(tmp_path / "aging.csv"))
    qtbot.waitUntil(lambda: task.finished.is_set(), timeout=20000)
    assert task.error is None and (tmp_path / "aging.csv").exists()
    from ar_desktop.services.aging import aging_report

    expected = sum(b.total.total for b in aging_report(window.books, dt.date(2026, 2, 28)))
    text = (tmp_path / "aging.csv").read_text(encoding="utf-8-sig")
    assert f"{expected:.2f}" in text


def test_the_register_correction_date_is_a_calendar_that_may_stay_unchanged(window, qtbot):
    from dialog_catalogue import CATALOGUE

    dialog = CATALOGUE["correction"](window, None)
    qtbot.addWidget(dialog)
    field = dialog.fields["date"]
    assert field.calendarPopup() and field.text() == "unchanged"
    assert dialog.values()["date"] == ""
    field.setDate(field.date().addDays(400))
    assert dialog.values()["date"] == field.date().toString("yyyy-MM-dd")
