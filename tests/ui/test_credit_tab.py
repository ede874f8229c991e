"""The Credit tab: insurance view, limitation warnings, credit actions and the credit dialogs,
clicked on the sample company (today 2026-03-31)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from ar_desktop.services import credit_checks, customers, insurance, invoicing, limitation
from ar_desktop.services.credit_settings import CreditRiskSettings, set_credit_risk_settings
from ar_desktop.ui.dialogs.credit_dialogs import (AcknowledgementDialog, CreditCheckDialog, InsuredLimitDialog,
                                                  InsurerEventDialog)
from ar_desktop.ui.table_models import StatusRole
from ar_desktop.ui import amounts, palette


def _old_chinese_claim(window):
    cid, data = customers.find_customer(window.books, "DRA04")
    customers.update_customer(window.books, cid, {**data.__dict__, "limitation": "cn",
                                                  "credit_limit": str(data.credit_limit)})
    invoicing.add_invoice(window.books, {"number": "2023-00412", "customer_code": "DRA04",
                                         "issue_date": "2023-03-15", "due_date": "2023-05-14", "amount": "4860.00"})


def test_insurance_view_shows_each_insured_customer_with_its_deadlines(window):
    window.tabs.setCurrentWidget(window.credit)
    window.credit.reload()
    rows = {r.customer_code: r for r in window.credit.insurance.rows}
    assert rows["BAL02"].policy_number == "EH-2025-0147"
    assert rows["ALP01"].position.status == "not_insured"
    model = window.credit.insurance
    status_col = model.columnCount() - 1
    for i, r in enumerate(model.rows):
        text = model.index(i, status_col).data()
        assert "_" not in text  # a label, never a raw key
        if r.position.status in ("notification_late", "transfer_late"):
            assert model.index(i, 0).data(StatusRole) == palette.OVERDUE
    assert model.headerData(7, Qt.Orientation.Horizontal) == "Expected indemnity"


def test_limitation_warning_with_its_sentence(window, qtbot):
    _old_chinese_claim(window)
    window.tabs.setCurrentWidget(window.credit)
    window.credit.reload()
    window.credit.pages.setCurrentIndex(2)
    [row] = window.credit.clocks.rows  # only those within the warning period
    assert (row.invoice_number, row.expires_on, row.days_left) == ("2023-00412", dt.date(2026, 5, 14), 44)
    assert window.credit.clocks.index(0, 0).data(StatusRole) == palette.DUE_SOON
    assert window.credit.explanation.text().startswith("China: the claim is time-barred 3 years after the due date.")
    window.credit.only_warned.setChecked(False)
    assert len(window.credit.clocks.rows) > 1
    # the worklist shows it too, with its date
    window.tabs.setCurrentWidget(window.collections)
    window.collections.reload()
    kinds = {(a.kind, a.date) for a in window.collections.credit_actions.model.rows}
    assert ("limitation", dt.date(2026, 5, 14)) in kinds


def test_acknowledgement_dialog_restarts_the_clock(window, qtbot):
    _old_chinese_claim(window)
    d = AcknowledgementDialog(window, window.books, "2023-00412", "cn")
    qtbot.addWidget(d)
    assert "China" in d.findChild(type(d.layout().itemAt(0).widget()), "limitation_explanation").text()
    d.fields["date"].setDate(dt.date(2026, 3, 20))
    d.fields["note"].setPlainText("Signed statement of account")
    d._on_save()
    assert d.result() == d.DialogCode.Accepted
    [row] = [r for r in limitation.limitation_report(window.books, dt.date(2026, 3, 31))
             if r.invoice_number == "2023-00412"]
    assert (row.restarted_by, row.expires_on) == ("acknowledgement", dt.date(2029, 3, 20))


def _dismiss(when_dialog_opens, seen: list):
    def close(box):
        seen.append(box.text())
        box.accept()

    when_dialog_opens(close, QMessageBox)


def test_credit_check_dialog_shows_the_suggestion_and_records_the_check(window, qtbot, when_dialog_opens):
    d = CreditCheckDialog(window, window.books, "KAS11", "Kastanie Möbelbau OHG")
    qtbot.addWidget(d)
    suggested = credit_checks.suggested_limit(window.books, "KAS11")
    assert amounts.money(suggested.limit) in d.findChild(type(d.layout().itemAt(1).widget()), "suggested_limit").text()
    seen: list[str] = []
    _dismiss(when_dialog_opens, seen)
    d._on_save()  # nothing ticked: the problem is shown, the dialog stays open
    assert d.result() != d.DialogCode.Accepted and "at least one source" in seen[0]
    d.sources["credit_report"].setChecked(True)
    d.sources["bank"].setChecked(True)
    d.fields["findings"].setPlainText("Score improved; bank confirms the account is in good standing")
    d.use_suggested.click()
    assert d.fields["limit_granted"].text() == amounts.edit_text(suggested.limit)  # the company's style
    d._on_save()
    assert d.result() == d.DialogCode.Accepted
    assert customers.find_customer(window.books, "KAS11")[1].credit_limit == suggested.limit
    assert credit_checks.credit_checks(window.books, "KAS11")[-1].check.sources == ("credit_report", "bank")


def test_insured_limit_and_insurer_event_dialogs(window, qtbot, when_dialog_opens):
    d = InsuredLimitDialog(window, window.books, "ALP01", "Alpenblick Feinkost AG")
    qtbot.addWidget(d)
    d.fields["limit"].setText("50000")
    seen: list[str] = []
    _dismiss(when_dialog_opens, seen)
    d._on_save()  # above the discretionary limit without a reference
    assert d.result() != d.DialogCode.Accepted and "discretionary limit" in seen[0]
    d.fields["reference"].setText("EH-90001")
    d._on_save()
    assert d.result() == d.DialogCode.Accepted
    row = insurance.insurance_of(window.books, "ALP01", dt.date(2026, 3, 31))
    assert row.position.insured_limit == Decimal("50000.00")
    e = InsurerEventDialog(window, window.books, "BAL02", "Baltic Marine Supplies Ltd", "notified")
    qtbot.addWidget(e)
    e._on_save()
    assert e.result() == e.DialogCode.Accepted
    assert insurance.insurance_of(window.books, "BAL02", dt.date(2026, 3, 31)).position.status == "notified"


def test_small_balance_write_off_in_one_click(window, qtbot, when_dialog_opens):
    set_credit_risk_settings(window.books, CreditRiskSettings(step_cost=Decimal("100000")))
    window.tabs.setCurrentWidget(window.collections)
    window.collections.reload()
    view = window.collections.credit_actions
    rows = [i for i, a in enumerate(view.model.rows) if a.kind == "write_off"]
    assert rows, "OST15 had its demand letter: a small balance below the (high) cost of a step"
    view.table.selectRow(rows[0])
    code = view.current().customer_code

    def yes(box):
        box.button(QMessageBox.StandardButton.Yes).click()

    when_dialog_opens(yes, QMessageBox)
    view.do_action()
    qtbot.waitUntil(lambda: customers.customer_rows(window.books, [customers.find_customer(window.books, code)[0]])[0]
                    .overdue_amount == 0, timeout=5000)


def test_notification_and_claim_file_are_saved_as_pdf(window, tmp_path):
    window.tabs.setCurrentWidget(window.credit)
    window.credit.reload()
    window.credit.pages.setCurrentIndex(1)
    row = [i for i, r in enumerate(window.credit.insurance.rows) if r.customer_code == "BAL02"][0]
    window.credit.insurance_table.selectRow(row)
    notice = window.credit.notification_pdf(str(tmp_path / "n.pdf"))
    claim = window.credit.claim_file_pdf(str(tmp_path / "c.pdf"))
    from pathlib import Path

    assert Path(notice).read_bytes()[:5] == b"%PDF-" and Path(claim).read_bytes()[:5] == b"%PDF-"


def test_balance_confirmation_sent_and_returned(window, qtbot):
    from ar_desktop.services import confirmations
    from ar_desktop.ui.dialogs.confirmation_dialogs import ConfirmationRequestDialog, SlipReturnedDialog

    d = ConfirmationRequestDialog(window, window.books, "ALP01", "Alpenblick Feinkost AG")
    qtbot.addWidget(d)
    d._on_save()
    assert d.result() == d.DialogCode.Accepted and d.pdf.startswith(b"%PDF-")
    r = SlipReturnedDialog(window, window.books, "ALP01", "Alpenblick Feinkost AG")
    qtbot.addWidget(r)
    r._on_save()
    assert r.result() == r.DialogCode.Accepted
    [c] = confirmations.confirmations(window.books, "ALP01")
    assert c.returned_on == dt.date(2026, 3, 31) and c.agreed
