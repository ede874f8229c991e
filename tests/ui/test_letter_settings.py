"""Settings ▸ letters and printing, late charges, reference rates, letter wording; customer late-charge fields."""

from __future__ import annotations

import datetime as dt
import time
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QMessageBox

from ar_desktop.domain.late_charges import ChargeRule, DayCount, RuleKind
from ar_desktop.domain.letters import load_template
from ar_desktop.services import customers, late_charges, letters
from ar_desktop.ui import pdf_preview
from ar_desktop.ui.dialogs.customer_dialog import CustomerDialog
from ar_desktop.ui.dialogs.late_charges_dialog import LateChargesDialog
from ar_desktop.ui.dialogs.letter_settings_dialog import LetterSettingsDialog
from ar_desktop.ui.dialogs.rates_dialog import RateRowDialog, RatesDialog
from ar_desktop.ui.dialogs.template_dialog import TemplateDialog
from ar_desktop.ui.letter_settings_actions import install_letter_settings_actions
from ar_desktop.ui.pdf_preview import PdfPreview


@pytest.fixture
def when_modal(qtbot):
    """``when_modal(cls, handle)``: call ``handle(widget)`` once a modal ``cls`` is showing (nested
    dialogs included). A dialog that never shows fails the test instead of hanging it."""
    failures: list[str] = []

    def schedule(cls, handle, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout

        def poll():
            w = QApplication.activeModalWidget()
            if isinstance(w, cls) and w.isVisible():
                handle(w)
            elif time.monotonic() > deadline:
                failures.append(f"no {cls.__name__} appeared (active modal: {type(w).__name__})")
                if isinstance(w, QDialog):
                    w.reject()
            else:
                QTimer.singleShot(20, poll)

        QTimer.singleShot(0, poll)

    yield schedule
    assert not failures, failures


def _click(qtbot, dialog, which=QDialogButtonBox.StandardButton.Save):
    qtbot.mouseClick(dialog.buttons.button(which), Qt.MouseButton.LeftButton)


def _answer(box: QMessageBox, seen: list[str], button=QMessageBox.StandardButton.Ok) -> None:
    seen.append(box.text())
    (box.button(button) or box.defaultButton()).click()


def _settings_menu(window):
    return next(a.menu() for a in window.menuBar().actions() if a.menu() and "Settings" in a.text())


# --- menu --------------------------------------------------------------------------------------------

def test_menu_entries_open_each_dialog_and_need_a_file(window, when_modal):
    actions = install_letter_settings_actions(window, _settings_menu(window))
    expected = {"letters": LetterSettingsDialog, "late_charges": LateChargesDialog, "rates": RatesDialog,
                "wording": TemplateDialog}
    assert set(actions) == set(expected)
    for key, cls in expected.items():
        seen = []
        when_modal(cls, lambda d, seen=seen: (seen.append(d.windowTitle()), d.reject()))
        actions[key].trigger()
        assert seen, f"{key} opened no {cls.__name__}"
    window.close_file()
    assert not any(a.isEnabled() for a in actions.values())


# --- letters and printing -----------------------------------------------------------------------------

def test_layout_offset_deadline_and_statement_are_saved(window, qtbot, when_modal):
    actions = install_letter_settings_actions(window, _settings_menu(window))
    assert letters.letter_settings(window.books) == letters.LetterSettings()

    def fill(d: LetterSettingsDialog):
        d.layout_box.setCurrentIndex(d.layout_box.findData("us-10"))
        assert "#10" in d.layout_hint.text()
        d.deadline.setValue(21)
        d.dx.setValue(1.5)
        d.dy.setValue(-2.0)
        d.fields["statement_attached"].setChecked(True)
        _click(qtbot, d)

    when_modal(LetterSettingsDialog, fill)
    actions["letters"].trigger()
    assert letters.letter_settings(window.books) == letters.LetterSettings(21, "us-10", 1.5, -2.0, True)


def test_offset_is_limited_to_15_mm(window, qtbot):
    d = LetterSettingsDialog(window, window.books)
    qtbot.addWidget(d)
    d.dx.setValue(40)
    d.dy.setValue(-40)
    assert (d.dx.value(), d.dy.value()) == (15.0, -15.0)


def test_calibration_preview_uses_the_unsaved_layout_and_offset(window, qtbot, when_modal, monkeypatch):
    calls = []
    real = letters.calibration_pdf

    def spy(books, layout=None, offset=None, language="en"):
        calls.append((layout, offset))
        return real(books, layout, offset, language)

    monkeypatch.setattr(letters, "calibration_pdf", spy)
    d = LetterSettingsDialog(window, window.books)
    qtbot.addWidget(d)
    d.layout_box.setCurrentIndex(d.layout_box.findData("din-b"))
    d.dx.setValue(3.0)
    pages = []
    when_modal(PdfPreview, lambda p: (pages.append(len(p.pages)), p.reject()))
    d.preview_button.click()
    assert pages == [1]
    assert calls == [("din-b", (3.0, 0.0))]
    assert letters.letter_settings(window.books) == letters.LetterSettings()  # nothing stored


def test_print_calibration_page_to_a_file(window, qtbot, tmp_path, monkeypatch):
    out = tmp_path / "calibration.pdf"

    def to_file(parent, title):
        printer = QPrinter()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return printer

    monkeypatch.setattr(pdf_preview, "choose_printer", to_file)
    d = LetterSettingsDialog(window, window.books)
    qtbot.addWidget(d)
    d.print_button.click()
    assert out.read_bytes().startswith(b"%PDF")


# --- late charges --------------------------------------------------------------------------------------

def test_company_rule_contract_daily(window, qtbot):
    assert late_charges.company_rule(window.books).kind is RuleKind.NONE
    d = LateChargesDialog(window, window.books)
    qtbot.addWidget(d)
    assert not d.rate.isEnabled() and not d.fee.isEnabled()
    d.kind.setCurrentIndex(d.kind.findData("contract_daily"))
    assert d.rate.isEnabled() and d.fee.isEnabled() and not d.day_count.isEnabled()
    assert "per day" in d.explanation.text()
    qtbot.keyClicks(d.rate, "0.05")
    qtbot.keyClicks(d.fee, "5")
    _click(qtbot, d)
    assert d.result() == QDialog.DialogCode.Accepted
    assert late_charges.company_rule(window.books) == ChargeRule(RuleKind.CONTRACT_DAILY, Decimal("0.05"),
                                                                 DayCount.D365, Decimal("5"))


def test_statutory_rule_takes_no_rate_and_a_bad_rate_is_shown_beside_the_field(window, qtbot):
    d = LateChargesDialog(window, window.books)
    qtbot.addWidget(d)
    d.show()
    d.kind.setCurrentIndex(d.kind.findData("contract_annual"))
    qtbot.keyClicks(d.rate, "abc")
    _click(qtbot, d)
    error = d.findChild(QLabel, "error_rate_percent")
    assert d.isVisible() and error.isVisible() and "abc" in error.text()
    assert late_charges.company_rule(window.books).kind is RuleKind.NONE
    d.kind.setCurrentIndex(d.kind.findData("statutory_de"))
    assert not d.rate.isEnabled() and d.day_count.isEnabled()
    assert "BGB" in d.explanation.text()
    d.day_count.setCurrentIndex(d.day_count.findData("actual"))
    _click(qtbot, d)
    assert late_charges.company_rule(window.books) == ChargeRule(RuleKind.STATUTORY_DE, None, DayCount.ACTUAL)


# --- reference rates -------------------------------------------------------------------------------------

def test_add_correct_and_remove_a_rate(window, qtbot, when_modal):
    books = window.books
    d = RatesDialog(window, books)
    qtbot.addWidget(d)
    d.select_table("de_basiszins")
    before = late_charges.list_rates(books, "de_basiszins")
    assert len(d.model.rows) == len(before)
    day = dt.date(2026, 7, 1)

    def add(r: RateRowDialog):
        r.date.setDate(r.date.date().fromString(day.isoformat(), "yyyy-MM-dd"))
        qtbot.keyClicks(r.rate, "1.27")
        qtbot.keyClicks(r.note, "Bundesbank press release")
        _click(qtbot, r)

    when_modal(RateRowDialog, add)
    d.add_button.click()
    rows = {r.effective_from: r for r in late_charges.list_rates(books, "de_basiszins")}
    assert rows[day].rate_percent == Decimal("1.27") and rows[day].note == "Bundesbank press release"
    assert d.selected().effective_from == day and d.model.rows[0].effective_from == day
    assert d.model.index(0, 1).data() == "1,27"

    def correct(r: RateRowDialog):
        assert not r.date.isEnabled()
        assert r.rate.text() == "1,27"  # as the company writes numbers
        r.rate.setText("1,50")
        _click(qtbot, r)

    when_modal(RateRowDialog, correct)
    d.correct_button.click()
    rows = {r.effective_from: r for r in late_charges.list_rates(books, "de_basiszins")}
    assert rows[day].rate_percent == Decimal("1.50") and len(rows) == len(before) + 1

    asked = []
    when_modal(QMessageBox, lambda box: _answer(box, asked, QMessageBox.StandardButton.Yes))
    d.remove_button.click()
    assert asked and "1,50 %" in asked[0]  # the demo company is German: its numbers are written 1,50
    assert late_charges.list_rates(books, "de_basiszins") == before
    assert len(d.model.rows) == len(before)


def test_a_bad_rate_shows_a_message_and_changes_nothing(window, qtbot, when_modal):
    books = window.books
    before = late_charges.list_rates(books)
    d = RatesDialog(window, books)
    qtbot.addWidget(d)
    messages, still_open = [], []

    def add(r: RateRowDialog):
        r.rate.setText("abc")
        when_modal(QMessageBox, lambda box: _answer(box, messages))
        _click(qtbot, r)
        still_open.append(r.isVisible())
        r.reject()

    when_modal(RateRowDialog, add)
    d.add_button.click()
    assert still_open == [True]
    assert len(messages) == 1 and "'abc' is not a rate" in messages[0]
    assert late_charges.list_rates(books) == before


def test_import_csv_adds_new_rates_and_refuses_a_bad_file(window, qtbot, when_modal, tmp_path):
    books = window.books
    d = RatesDialog(window, books)
    qtbot.addWidget(d)
    good = tmp_path / "rates.csv"
    good.write_text("table,effective_from,rate_percent,note\nboe_bank_rate,2026-08-06,3.75,MPC\n", encoding="utf-8")
    info = []
    when_modal(QMessageBox, lambda box: _answer(box, info))
    assert d.import_csv(str(good)) == 1
    assert "1 new rates" in info[0]
    assert any(r.effective_from == dt.date(2026, 8, 6) for r in late_charges.list_rates(books, "boe_bank_rate"))

    before = late_charges.list_rates(books)
    bad = tmp_path / "bad.csv"
    bad.write_text("table,effective_from,rate_percent,note\nboe_bank_rate,2026-09-01,x,\n", encoding="utf-8")
    errors = []
    when_modal(QMessageBox, lambda box: _answer(box, errors))
    assert d.import_csv(str(bad)) is None
    assert errors and "Line 2" in errors[0]
    assert late_charges.list_rates(books) == before


# --- letter wording --------------------------------------------------------------------------------------

def test_wording_with_an_unknown_placeholder_is_refused(window, qtbot, when_modal):
    books = window.books
    d = TemplateDialog(window, books, "en", "demand_letter")
    qtbot.addWidget(d)
    shipped = load_template("en", "demand_letter")
    assert d.text() == shipped and not d.restore_button.isEnabled()
    names = [d.placeholders.item(i).text() for i in range(d.placeholders.count())]
    assert any(n.startswith("$customer_name") for n in names)
    d.editor.setPlainText("Dear $customer_contact,\n\nPlease pay $amount_due by $deadline.")
    messages = []
    when_modal(QMessageBox, lambda box: _answer(box, messages))
    assert not d.save()
    assert messages and "$amount_due" in messages[0]
    assert letters.template_text(books, "en", "demand_letter") == shipped


def test_wording_saved_previewed_and_restored(window, qtbot, when_modal):
    books = window.books
    d = TemplateDialog(window, books, "en", "reminder")
    qtbot.addWidget(d)
    text = "Dear $customer_contact,\n\nPlease pay $total $currency by $deadline.\n\nThank you."
    d.editor.setPlainText(text)
    pages = []
    when_modal(PdfPreview, lambda p: (pages.append(len(p.pages)), p.reject()))
    d.preview_button.click()
    assert pages and pages[0] >= 1
    assert d.save()
    assert letters.template_text(books, "en", "reminder") == text
    assert d.restore_button.isEnabled() and not d.is_modified()

    d.language_box.setCurrentIndex(d.language_box.findData("zh"))  # no changes: switches without asking
    assert d.text() == load_template("zh", "reminder")
    d.language_box.setCurrentIndex(d.language_box.findData("en"))
    assert d.text() == text
    asked = []
    when_modal(QMessageBox, lambda box: _answer(box, asked, QMessageBox.StandardButton.Yes))
    d.restore_button.click()
    assert asked
    assert letters.template_text(books, "en", "reminder") == load_template("en", "reminder") == d.text()


# --- customer late-charge fields ---------------------------------------------------------------------------

def test_customer_late_charge_rule_is_saved(window, qtbot):
    books = window.books
    cid = customers.customer_ids(books)[0]
    data = customers.get_customer(books, cid)
    assert data.late_charge_rule == ""
    d = CustomerDialog(window, books, cid, data)
    qtbot.addWidget(d)
    rule, rate = d.fields["late_charge_rule"], d.fields["late_charge_rate"]
    assert rule.currentData() == "" and rule.currentText() == "Company default"
    rule.setCurrentIndex(rule.findData("contract_annual"))
    rate.setText("9")
    _click(qtbot, d)
    saved = customers.get_customer(books, cid)
    assert (saved.late_charge_rule, saved.late_charge_rate) == ("contract_annual", Decimal("9"))
    assert saved.name == data.name  # the rest unchanged

    d = CustomerDialog(window, books, cid, saved)
    qtbot.addWidget(d)
    rule, rate = d.fields["late_charge_rule"], d.fields["late_charge_rate"]
    assert rule.currentData() == "contract_annual" and rate.text() == "9"
    rule.setCurrentIndex(rule.findData("statutory_uk"))
    assert not rate.isEnabled()
    _click(qtbot, d)
    saved = customers.get_customer(books, cid)
    assert (saved.late_charge_rule, saved.late_charge_rate) == ("statutory_uk", None)


# --- every dialog renders ------------------------------------------------------------------------------------

def test_each_dialog_renders(window, qtbot, tmp_path):
    books = window.books
    for i, d in enumerate((LetterSettingsDialog(window, books), LateChargesDialog(window, books),
                           RatesDialog(window, books), RateRowDialog(window, books, "ecb_mro"),
                           TemplateDialog(window, books, "zh", "final_notice"))):
        qtbot.addWidget(d)
        d.show()
        image = d.grab()
        assert not image.isNull() and image.width() >= 400
        assert image.save(str(tmp_path / f"dialog{i}.png"))
        d.done(0)


def test_rates_dialog_and_worklist_show_an_out_of_date_table(window, qtbot):
    from PySide6.QtCore import QDate

    from ar_desktop.services import late_charges
    from ar_desktop.ui.dialogs.rates_dialog import RatesDialog

    tab = window.collections
    tab.reload()
    assert tab.rates_warning.isHidden()               # on 31 March 2026 the shipped tables reach far enough
    tab.as_of.setDate(QDate(2026, 7, 20))
    tab.reload()
    assert not tab.rates_warning.isHidden()
    assert "enter the German base rate valid from 2026-07-01 under Settings ▸ Reference rates" in \
        tab.rates_warning.text()
    dialog = RatesDialog(window, window.books)
    qtbot.addWidget(dialog)
    dialog.select_table("de_basiszins")
    assert dialog.stale.isHidden()                    # the dialog looks at today (31 March 2026)
    late_charges.remove_rate(window.books, "de_basiszins", "2026-01-01")
    dialog.reload()
    assert not dialog.stale.isHidden() and "2026-01-01" in dialog.stale.text()
