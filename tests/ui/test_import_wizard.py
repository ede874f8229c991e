"""The import wizard, export, backup and restore actions, driven as a user would."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox, QWizard

from ar_desktop.services.backups import describe_backup
from ar_desktop.storage import invoices_repo, payments_repo
from ar_desktop.ui.data_actions import (back_up_file, export_data, open_import_wizard,
                                        restore_backup)

IBM = Path(__file__).parent.parent / "data" / "ibm-accounts-receivable.csv"


def counts(window):
    with window.books.db.session() as s:
        return invoices_repo.count(s), payments_repo.count(s)


def test_menu_actions_installed(window):
    actions = window.data_actions  # the main window installs them once
    texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert sum("wizard" in t for t in texts) == 1
    assert {"import_wizard", "backup", "restore", "export_aging_xlsx", "export_invoices_csv"} <= set(actions)
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    assert any("wizard" in t for t in texts) and any("Export" in t for t in texts)
    assert all(a.isEnabled() for a in actions.values())
    window.close_file()
    file_menu.aboutToShow.emit()
    assert not actions["backup"].isEnabled()


def test_wizard_imports_the_ibm_file(window, qtbot, tmp_path):
    shutil.copy(IBM, tmp_path / "ibm.csv")
    before = counts(window)
    wizard = open_import_wizard(window)
    qtbot.addWidget(wizard)
    wizard.file_page.path_edit.setText(str(tmp_path / "ibm.csv"))
    wizard.file_page.kind_combo.setCurrentIndex(wizard.file_page.kind_combo.findData("invoices"))
    wizard.next()
    mp = wizard.mapping_page
    assert wizard.currentPage() is mp
    assert mp.combos["customerID"].currentData() == "customer_code"
    assert mp.combos["InvoiceDate"].currentData() == "issue_date"
    assert mp.combos["SettledDate"].currentData() == "settled_date"
    assert mp.combos["countryCode"].currentData() == "customer_notes"
    assert mp.date_format.currentText() == "M/D/YYYY"
    assert not mp.create_customers.isChecked()  # a typo must not become a customer
    wizard.next()
    wizard.next()
    vp = wizard.validate_page
    assert not vp.isComplete()
    assert "100 customers are not in the books: " in vp.summary.text() and "0379-NEVHP" in vp.summary.text()
    wizard.back()
    wizard.back()
    mp.create_customers.setChecked(True)
    wizard.next()
    assert wizard.currentPage() is wizard.preview_page
    model = wizard.preview_page.model
    assert model.rowCount() == 50
    first = {model.columns[c]: model.index(0, c).data() for c in range(model.columnCount())}
    assert first["number"] == "0000611365" and first["issue_date"] == "2013-01-02"
    assert first["amount"] == "55.94" and first["settled_date"] == "2013-01-15"
    wizard.next()
    vp = wizard.validate_page
    assert wizard.currentPage() is vp and vp.isComplete() and vp.errors.model().rowCount() == 0
    assert "These 100 customers will be created: " in vp.summary.text() and "0379-NEVHP" in vp.summary.text()
    wizard.accept()
    qtbot.waitUntil(lambda: wizard.task is not None and wizard.task.finished.is_set(), timeout=20000)
    assert wizard.task.error is None
    assert wizard.result_value.new == 2466 and wizard.result_value.customers_created == 100
    assert counts(window) == (before[0] + 2466, before[1] + 2466)
    assert "2466 invoices imported" in window.statusBar().currentMessage()
    result = wizard.result_dialog  # stays until closed
    assert result.isVisible() and "2466 invoices imported" in result.summary.text()
    assert "Customers created: " in result.summary.text() and "0379-NEVHP" in result.summary.text()
    result.close()


def test_a_mapping_made_by_hand_is_remembered_after_a_refused_attempt(window, qtbot, tmp_path):
    path = tmp_path / "odd.csv"
    path.write_text("Ref;Who;When;How much\nQ-1;ELB05;31.01.2026;10,00\nQ-2;ELB05;31.02.2026;5,00\n",
                    encoding="utf-8")
    wizard = open_import_wizard(window)
    qtbot.addWidget(wizard)
    wizard.file_page.path_edit.setText(str(path))
    wizard.file_page.kind_combo.setCurrentIndex(wizard.file_page.kind_combo.findData("invoices"))
    wizard.next()
    mp = wizard.mapping_page
    for header, key in (("Ref", "number"), ("Who", "customer_code"), ("When", "issue_date"),
                        ("How much", "amount")):
        mp.set_field(header, key)
    wizard.next()
    wizard.next()
    assert not wizard.validate_page.isComplete()  # 31.02.2026 is no date
    wizard.reject()
    again = open_import_wizard(window)
    qtbot.addWidget(again)
    again.file_page.path_edit.setText(str(path))
    again.file_page.kind_combo.setCurrentIndex(again.file_page.kind_combo.findData("invoices"))
    again.next()
    assert {h: c.currentData() for h, c in again.mapping_page.combos.items()} == {
        "Ref": "number", "Who": "customer_code", "When": "issue_date", "How much": "amount"}


def test_wizard_lists_errors_and_saves_them(window, qtbot, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("Beleg;Kunde;Datum;Summe\nX-1;NOBODY;31.01.2026;10,00\nX-2;;32.01.2026;abc\n",
                    encoding="utf-8")
    wizard = open_import_wizard(window)
    qtbot.addWidget(wizard)
    wizard.file_page.path_edit.setText(str(path))
    wizard.file_page.kind_combo.setCurrentIndex(wizard.file_page.kind_combo.findData("invoices"))
    wizard.next()
    wizard.mapping_page.create_customers.setChecked(False)
    wizard.next()
    wizard.next()
    vp = wizard.validate_page
    assert not vp.isComplete()
    model = vp.errors.model()
    rows = [(model.index(r, 0).data(), model.index(r, 1).data()) for r in range(model.rowCount())]
    assert ("2", "Kunde") in rows and ("3", "Datum") in rows and ("3", "Summe") in rows
    saved = vp.save_errors(str(tmp_path / "errors.csv"))
    assert saved.read_text(encoding="utf-8-sig").startswith("row,column,value,problem")
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()


def test_export_backup_restore(window, qtbot, tmp_path, when_dialog_opens):
    def finished(task):
        qtbot.waitUntil(task.finished.is_set, timeout=30000)
        assert task.error is None
        return task.result

    assert finished(export_data(window, "invoices", ".xlsx", str(tmp_path / "inv.xlsx"))) > 0
    assert finished(export_data(window, "aging", ".csv", str(tmp_path / "aging.csv"), window.books.today())) > 0
    dest = finished(back_up_file(window, str(tmp_path / "copy.ardb")))
    assert describe_backup(dest).ok
    before = counts(window)
    wizard = open_import_wizard(window)
    qtbot.addWidget(wizard)
    wizard.file_page.path_edit.setText(str(IBM))
    wizard.file_page.kind_combo.setCurrentIndex(wizard.file_page.kind_combo.findData("invoices"))
    wizard.next()
    wizard.mapping_page.create_customers.setChecked(True)
    wizard.next()
    wizard.next()
    wizard.accept()
    qtbot.waitUntil(lambda: wizard.task is not None and wizard.task.finished.is_set(), timeout=20000)
    wizard.result_dialog.close()
    assert counts(window) != before
    seen = {}

    def confirm(dialog):
        seen["text"] = dialog.description.text()
        dialog.restore_button.click()

    when_dialog_opens(confirm)
    assert restore_backup(window, dest)
    assert "Harbour Line" in seen["text"]
    assert window.books is not None and counts(window) == before


def _no_message_box(monkeypatch):
    """An error box instead of the result dialog fails the test (and never blocks it)."""
    boxes = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: boxes.append(a))
    return boxes


def _rows(dialog):
    m = dialog.model
    return [[m.index(r, c).data() for c in range(m.columnCount())] for r in range(m.rowCount())]


def test_a_refused_import_from_the_menu_shows_the_result_dialog(window, qtbot, tmp_path, monkeypatch):
    boxes = _no_message_box(monkeypatch)
    before = counts(window)
    bad = tmp_path / "bad.csv"
    bad.write_text("number,customer_code,issue_date,amount\nZ-1,NOBODY,2026-01-31,10.00\nZ-2,ELB05,2026-02-31,5.00\n",
                   encoding="utf-8")
    task = window.start_import("invoices", str(bad))
    qtbot.waitUntil(lambda: task.finished.is_set() and window.import_result is not None, timeout=20000)
    dialog = window.import_result
    assert dialog.isVisible() and dialog.windowTitle() == "Import refused" and not boxes
    assert "bad.csv: nothing was imported. 2 problem(s)" in dialog.summary.text()
    assert [r[:2] for r in _rows(dialog)] == [["2", "Customer code"], ["3", "Issue date"]]  # by label, never the key
    assert dialog.save_errors(str(tmp_path / "e.csv")).read_text(encoding="utf-8-sig").count("\n") == 3
    assert counts(window) == before
    dialog.close()
    # refused before any row (an unknown column): a problem of the whole file, in the same dialog
    odd = tmp_path / "odd.csv"
    odd.write_text("number,customer_code,issue_date,amount,colour\nZ-3,ELB05,2026-01-31,10.00,red\n",
                   encoding="utf-8")
    task = window.start_import("invoices", str(odd))
    qtbot.waitUntil(lambda: task.finished.is_set() and window.import_result is not dialog, timeout=20000)
    [row] = _rows(window.import_result)
    assert row[0] == "file" and "unknown column(s) colour" in row[3] and not boxes
    window.import_result.close()
    good = tmp_path / "good.csv"
    good.write_text("number,customer_code,issue_date,amount\nZ-4,ELB05,2026-01-31,10.00\n", encoding="utf-8")
    task = window.start_import("invoices", str(good))
    qtbot.waitUntil(lambda: task.finished.is_set() and window.import_result.report.name == "good.csv", timeout=20000)
    assert window.import_result.windowTitle() == "Import finished" and counts(window)[0] == before[0] + 1
    window.import_result.close()


def test_a_file_changed_after_the_check_is_refused_in_the_result_dialog(window, qtbot, tmp_path, monkeypatch):
    boxes = _no_message_box(monkeypatch)
    path = tmp_path / "late.csv"
    path.write_text("number,customer_code,issue_date,amount\nL-1,ELB05,2026-01-31,10.00\n", encoding="utf-8")
    wizard = open_import_wizard(window)
    qtbot.addWidget(wizard)
    wizard.file_page.path_edit.setText(str(path))
    wizard.file_page.kind_combo.setCurrentIndex(wizard.file_page.kind_combo.findData("invoices"))
    wizard.next()
    wizard.next()
    wizard.next()
    assert wizard.validate_page.isComplete()
    before = counts(window)
    path.write_text("number,customer_code,issue_date,amount\nL-1,ELB05,2026-01-31,10.00\nL-2,NOBODY,2026-01-31,1\n",
                    encoding="utf-8")
    wizard.accept()
    qtbot.waitUntil(lambda: wizard.task.finished.is_set() and wizard.result_dialog is not None, timeout=20000)
    assert wizard.isVisible() and not wizard.validate_page.isComplete() and not boxes
    assert wizard.result_dialog.isVisible() and wizard.result_dialog.windowTitle() == "Import refused"
    assert [r[:2] for r in _rows(wizard.result_dialog)] == [["3", "Customer code"]]  # by label
    assert wizard.validate_page.errors.model().rowCount() == 1 and counts(window) == before
    wizard.result_dialog.close()
    QApplication.processEvents()
