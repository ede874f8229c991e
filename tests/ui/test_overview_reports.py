"""Printing reports and recording the quarterly review from the Overview tab."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from ar_desktop.services.collection_history import history
from ar_desktop.services.customers import find_customer
from ar_desktop.ui.dialogs.review_dialog import ReviewDialog
from ar_desktop.ui.pdf_preview import PdfPreview
from ar_desktop.ui.report_actions import ReportOptionsDialog


def loaded(qtbot, window):
    o = window.overview
    qtbot.waitUntil(lambda: o._generation > 0 and not o._pending, timeout=30_000)
    return o


def _visible(kind) -> list:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def shown(qtbot, kind, before=()):
    """The window of ``kind`` that appeared since ``before`` (another test's preview may still be open)."""
    def new():
        return [w for w in _visible(kind) if w not in before]

    qtbot.waitUntil(lambda: bool(new()), timeout=30_000)
    return new()[-1]


def test_kpi_and_forecast_reports_preview_and_save(qtbot, window, tmp_path, monkeypatch):
    o = loaded(qtbot, window)
    for kind in ("kpi", "forecast"):
        before = _visible(PdfPreview)
        task = o.reports.open(kind)
        qtbot.waitUntil(task.finished.is_set, timeout=60_000)
        preview = shown(qtbot, PdfPreview, before)
        assert preview.pages and preview.windowTitle().endswith(window.books.today().isoformat())
        target = tmp_path / f"{kind}.pdf"
        assert preview.print_button is not None  # the one preview: Print…, Save as PDF…, Close
        monkeypatch.setattr("ar_desktop.ui.pdf_preview.QFileDialog.getSaveFileName",
                            lambda *a, **k: (str(target), ""))
        assert preview.save_document() is not None
        assert target.read_bytes() == task.result
        preview.close()


def test_aging_report_asks_for_its_filters(qtbot, window, when_dialog_opens):
    o = loaded(qtbot, window)

    def choose(dialog: ReportOptionsDialog):
        dialog.overdue_only.setChecked(True)
        dialog.detail.setChecked(True)
        assert dialog.customer.count() > 1
        dialog.accept()

    when_dialog_opens(choose, ReportOptionsDialog)
    before = _visible(PdfPreview)
    task = o.reports.open("aging")
    qtbot.waitUntil(task.finished.is_set, timeout=60_000)
    preview = shown(qtbot, PdfPreview, before)
    assert len(preview.pages) >= 2
    preview.close()


def test_quarterly_review_records_the_decision_in_the_collection_file(qtbot, window):
    o = loaded(qtbot, window)
    dialog = o.reports.open_review_dialog()
    assert isinstance(dialog, ReviewDialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=60_000)
    quarter = dialog.quarter.currentData()
    first = dialog.model.rows[0]
    _cid, before = find_customer(window.books, first.code)
    dialog.table.selectRow(0)
    dialog.buttons["change_class"].setChecked(True)
    new = "A" if before.credit_class != "A" else "C"
    dialog.new_class.setCurrentText(new)
    dialog.note.setText("Pays on time all year")
    with qtbot.waitSignal(dialog.recorded, timeout=10_000):
        assert dialog.record_decision()
    _cid, after = find_customer(window.books, first.code)
    assert after.credit_class == new
    entry = [h for h in history(window.books, first.code) if h.kind == "credit_review"][-1]
    assert f"Quarterly review {quarter}: credit class changed from {before.credit_class} to {new}" in str(entry.text)
    assert "Pays on time all year" in str(entry.text)
    qtbot.waitUntil(lambda: dialog.model.rows and dialog.model.rows[0].decision is not None, timeout=60_000)
    assert dialog.model.rows[0].decision.new_class == new
    dialog.close()


def test_reports_follow_the_interface_language(qapp):
    from ar_desktop.ui.i18n import install_translator, remove_translator
    from ar_desktop.ui.report_actions import report_language

    assert report_language() == "en"
    translator = install_translator(qapp, "zh_CN")
    try:
        assert report_language() == "zh"
    finally:
        remove_translator(qapp, translator)
    assert report_language() == "en"


def test_exports_suggest_a_file_name_with_the_as_of_date(window, monkeypatch):
    import datetime as dt

    from ar_desktop.ui.data_actions import export_data

    seen = {}

    def save_as(_parent, _caption, suggested, _filter):
        seen["name"] = suggested
        return "", ""

    monkeypatch.setattr("ar_desktop.ui.data_actions.QFileDialog.getSaveFileName", save_as)
    assert export_data(window, "aging", ".xlsx", as_of=dt.date(2026, 3, 15)) is None
    assert seen["name"].endswith("company-aging-2026-03-15.xlsx")
    export_data(window, "customers", ".csv")
    assert seen["name"].endswith(f"company-customers-{window.books.today().isoformat()}.csv")
