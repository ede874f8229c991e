"""The Payments tab: every money entry, its split changed and a payment reversed and entered again,
clicked with qtbot on a real company file."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from ar_desktop.services.aging import aging_report
from ar_desktop.services.payments import payment_detail, payment_ids, payment_rows_of, record_payment
from ar_desktop.storage.payments_repo import PaymentFilter
from ar_desktop.ui import palette
from ar_desktop.ui.dialogs import payment_entry_dialog
from ar_desktop.ui.dialogs.payment_dialog import PaymentDialog
from ar_desktop.ui.dialogs.payment_entry_dialog import PaymentEntryDialog, ReverseDialog
from ar_desktop.ui.table_models import StatusRole

UI_TODAY = dt.date(2026, 3, 31)


def _column(model, key: str) -> int:
    return [c.key for c in model.columns].index(key)


def _fresh(window, code="PAY01"):
    """A customer with two invoices and one payment of 500.00 applied to the older one."""
    from ar_desktop.services.customers import add_customer
    from ar_desktop.services.invoicing import add_invoice

    add_customer(window.books, dict(code=code, name="Paymaster Handels GmbH", terms_days="30"))
    add_invoice(window.books, dict(number=f"{code}-1", customer_code=code, issue_date="2026-01-05",
                                   amount="800.00"))
    add_invoice(window.books, dict(number=f"{code}-2", customer_code=code, issue_date="2026-02-05",
                                   amount="600.00"))
    pid = record_payment(window.books, dict(customer_code=code, date="2026-03-02", amount="500.00",
                                            method="cheque", reference="CHQ 4711"))
    window.data_changed()
    return pid


def test_the_tab_lists_every_entry_newest_first_and_filters_in_sql(window, qtbot):
    pid = _fresh(window)
    tab = window.payments
    window.tabs.setCurrentWidget(tab)
    model = tab.model
    assert model.rowCount() == len(payment_ids(window.books, PaymentFilter()))
    dates = [model.row_at(r).date for r in range(model.rowCount())]
    assert dates == sorted(dates, reverse=True)
    qtbot.keyClicks(tab.search, "CHQ 4711")
    tab.reload()
    assert [model.id_at(r) for r in range(model.rowCount())] == [pid]
    assert model.index(0, _column(model, "unapplied")).data() == "0,00"
    assert "1 entries" in tab.totals.text()
    tab.search.clear()
    tab.kind.setCurrentIndex(tab.kind.findData("reversal"))
    assert model.rowCount() == 0
    # the period applies only when ticked, and looks inactive while it is not
    assert not tab.date_from.isEnabled() and not tab.date_to.isEnabled()
    tab.use_dates.setChecked(True)
    assert tab.date_from.isEnabled() and tab.date_to.isEnabled()


def test_open_an_entry_change_its_split_and_keep_the_old_aging(window, qtbot):
    pid = _fresh(window)
    before = {r.customer_code: r.total for b in aging_report(window.books, dt.date(2026, 3, 15)) for r in b.rows}
    dialog = PaymentEntryDialog(window, window.books, pid)
    qtbot.addWidget(dialog)
    numbers = [i.number for i in dialog.model.invoices]
    assert numbers == ["PAY01-1", "PAY01-2"]
    assert dialog.model.amounts == [Decimal("500.00"), Decimal("0.00")]
    assert not dialog.save_button.isEnabled()  # nothing changed yet
    model = dialog.model
    assert model.setData(model.index(0, 3), "200.00")
    assert model.setData(model.index(1, 3), "300.00")
    assert dialog.save_button.isEnabled()
    dialog.effective.setDate(dialog.effective.date().addDays(-10))  # 2026-03-21
    dialog.save_button.click()
    detail = payment_detail(window.books, pid)
    assert {ln.number: ln.applied for ln in detail.lines} == {"PAY01-1": Decimal("200.00"),
                                                             "PAY01-2": Decimal("300.00")}
    assert dialog.changed_books
    after = {r.customer_code: r.total for b in aging_report(window.books, dt.date(2026, 3, 15)) for r in b.rows}
    assert after == before  # a report of a day before the change is what it was


def test_reverse_from_the_tab_then_enter_the_payment_again(window, qtbot, when_dialog_opens, monkeypatch):
    pid = _fresh(window)
    tab = window.payments
    window.tabs.setCurrentWidget(tab)
    tab.search.setText("CHQ 4711")
    tab.reload()
    tab.table.selectRow(0)
    monkeypatch.setattr(payment_entry_dialog, "confirm", lambda *_a: True)  # "Enter it again?" Yes
    seen = {}

    def reverse(dialog):
        assert isinstance(dialog, ReverseDialog)
        qtbot.keyClicks(dialog.fields["reason"], "Cheque bounced")
        when_dialog_opens(enter_again, PaymentDialog)
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)

    def enter_again(dialog):
        seen["amount"] = dialog.amount.text()
        seen["date"] = dialog.fields["date"].date().toPython()
        seen["reference"] = dialog.fields["reference"].text()
        dialog.amount.setText("50.00")  # the amount was mistyped: 50.00, not 500.00
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)

    when_dialog_opens(reverse, ReverseDialog)
    tab.reverse_button.click()
    assert seen == {"amount": "500.00", "date": dt.date(2026, 3, 2), "reference": "CHQ 4711"}
    original = payment_rows_of(window.books, [pid])[0]
    assert original.reversed_by is not None
    reversal = payment_rows_of(window.books, [original.reversed_by])[0]
    assert (reversal.kind, reversal.amount, reversal.date, reversal.note) == (
        "reversal", Decimal("-500.00"), UI_TODAY, "Cheque bounced")
    assert tab.model.rowCount() == 3  # payment, its reversal and the payment entered again
    rows = {tab.model.id_at(r): r for r in range(tab.model.rowCount())}
    for ident in (pid, reversal.id):
        assert tab.model.data(tab.model.index(rows[ident], 0), StatusRole) == palette.VOID
    again = [r for r in payment_rows_of(window.books, list(rows)) if r.id not in (pid, reversal.id)]
    assert [(r.amount, r.date, r.reference) for r in again] == [(Decimal("50.00"), dt.date(2026, 3, 2), "CHQ 4711")]


def test_enter_opens_the_selected_payment(window, qtbot, when_dialog_opens):
    pid = _fresh(window)
    tab = window.payments
    window.tabs.setCurrentWidget(tab)
    tab.search.setText("CHQ 4711")
    tab.reload()
    tab.table.selectRow(0)
    tab.table.setFocus()
    opened = []
    when_dialog_opens(lambda d: (opened.append((type(d), d.payment_id)), d.reject()), PaymentEntryDialog)
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    assert opened == [(PaymentEntryDialog, pid)]


def test_a_long_lists_totals_are_summed_off_the_gui_thread_once_the_tab_is_shown(window, qtbot, monkeypatch):
    """Over TOTALS_AT_ONCE entries (a big file), the totals wait until the tab is shown, then arrive from a
    background task; they are the same figures the short list shows at once."""
    from ar_desktop.services import payments as payment_service
    from ar_desktop.ui import payments_tab

    summed = []
    sum_up = payment_service.payment_totals
    monkeypatch.setattr(payment_service, "payment_totals", lambda *a: summed.append(a) or sum_up(*a))
    tab = window.payments
    window.tabs.setCurrentWidget(tab)
    at_once = tab.totals.text()
    assert "net" in at_once
    window.tabs.setCurrentWidget(window.invoices)
    monkeypatch.setattr(payments_tab, "TOTALS_AT_ONCE", 0)
    summed.clear()
    tab.reload()  # hidden: nothing is summed yet
    assert tab.totals.text().endswith(" · …") and summed == []
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.totals.text() == at_once, timeout=10_000)
    tab.kind.setCurrentIndex(tab.kind.findData("reversal"))  # shown: summed at once in the background
    qtbot.waitUntil(lambda: "0 entries" in tab.totals.text() and "…" not in tab.totals.text(), timeout=10_000)
