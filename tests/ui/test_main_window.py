"""The bookkeeper's everyday path through the window, clicked with qtbot on a real company file."""

from __future__ import annotations

import sys
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from ar_desktop.domain.aging import overdue_severity
from ar_desktop.services.customers import customer_ids, customer_rows
from ar_desktop.services.invoicing import invoice_ids, invoice_rows
from ar_desktop.storage.invoices_repo import InvoiceFilter
from ar_desktop.ui import palette
from ar_desktop.ui.table_models import RawRole, StatusRole

UI_TODAY = __import__("datetime").date(2026, 3, 31)


def _type(dialog, key: str, text: str, qtbot) -> None:
    field = dialog.fields[key]
    field.clear()
    qtbot.keyClicks(field, text)


def _save(dialog, qtbot) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def _column(model, key: str) -> int:
    return [c.key for c in model.columns].index(key)


def test_pyside_does_not_leak_none_references(qtbot):
    # PySide6 6.12.0 drops a reference to None on every void call and aborts after a few thousand.
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(100):
        label.setText("a")
    assert sys.getrefcount(None) >= before - 5


def test_add_customer_through_the_dialog(window, qtbot, when_dialog_opens):
    tab = window.customers

    def fill(dialog):
        _type(dialog, "code", "ZED99", qtbot)
        _type(dialog, "name", "Zeppelin Parts GmbH", qtbot)
        _type(dialog, "credit_limit", "5000", qtbot)
        _type(dialog, "terms", "14", qtbot)
        _save(dialog, qtbot)

    when_dialog_opens(fill)
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    rows = customer_rows(window.books, customer_ids(window.books, search="ZED99"))
    assert [(r.code, r.name, r.credit_limit) for r in rows] == [("ZED99", "Zeppelin Parts GmbH", Decimal("5000.00"))]
    # the new customer is selected in the list
    assert tab.model.data(tab.table.currentIndex().siblingAtColumn(0)) == "ZED99"


def test_customer_dialog_names_every_wrong_field_and_keeps_the_dialog(window, qtbot, when_dialog_opens):
    seen = {}

    def fill(dialog):
        _type(dialog, "code", "ALP01", qtbot)  # already used by the sample
        _type(dialog, "name", "", qtbot)
        _type(dialog, "email", "not-an-address", qtbot)
        _save(dialog, qtbot)
        seen["visible"] = dialog.isVisible()
        seen["errors"] = {k: dialog.findChild(QLabel, f"error_{k}").text() for k in ("name", "email")}
        dialog.reject()

    when_dialog_opens(fill)
    qtbot.mouseClick(window.customers.new_button, Qt.MouseButton.LeftButton)
    assert seen["visible"] is True
    assert "required" in seen["errors"]["name"]
    assert "e-mail" in seen["errors"]["email"]


def test_add_invoice_gets_due_date_from_terms(window, qtbot, when_dialog_opens):
    tab = window.invoices
    window.tabs.setCurrentWidget(tab)

    def fill(dialog):
        dialog.customer.setCurrentIndex(dialog.customer.findData("ELB05"))  # 14 days' terms
        _type(dialog, "number", "T-0001", qtbot)
        _type(dialog, "amount", "1234.50", qtbot)
        _save(dialog, qtbot)

    when_dialog_opens(fill)
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    [row] = invoice_rows(window.books, invoice_ids(window.books, InvoiceFilter(search="T-0001")))
    assert row.amount == Decimal("1234.50")
    assert (row.due_date - row.issue_date).days == 14


def test_partial_payment_then_status_and_totals(window, qtbot, when_dialog_opens):
    tab = window.invoices
    tab.search.setText("T-0002")
    from ar_desktop.services.invoicing import add_invoice

    add_invoice(window.books, dict(number="T-0002", customer_code="ELB05", issue_date="2026-03-01",
                                   due_date="2026-03-31", amount="1000.00"))
    tab.reload()
    assert tab.model.rowCount() == 1
    tab.table.selectRow(0)

    def pay(dialog):
        dialog.customer.setCurrentIndex(dialog.customer.findData("ELB05"))
        # apply only to T-0002: clear the suggestion, then type the amount in its row
        _type(dialog, "amount", "400", qtbot)
        model = dialog.model
        for r in range(model.rowCount()):
            model.setData(model.index(r, 3), "0")
        row = [i.number for i in model.invoices].index("T-0002")
        model.setData(model.index(row, 3), "400")
        _save(dialog, qtbot)

    when_dialog_opens(pay)
    qtbot.mouseClick(tab.pay_button, Qt.MouseButton.LeftButton)
    tab.reload()
    status_col = _column(tab.model, "status")
    assert tab.model.data(tab.model.index(0, status_col)).startswith("Partly paid")
    assert tab.model.data(tab.model.index(0, _column(tab.model, "open"))) == "600,00"  # a German company
    assert "open 600,00" in tab.totals.text()


def test_overdue_rows_are_red_and_current_rows_are_not(window):
    model = window.invoices.model
    window.invoices.status.setCurrentIndex(window.invoices.status.findData("all"))
    tones = {}
    for r in range(model.rowCount()):
        status = model.data(model.index(r, _column(model, "status")), RawRole)
        tones.setdefault(status, set()).add(model.data(model.index(r, 0), StatusRole))
    assert tones["overdue"] == {palette.OVERDUE}
    assert palette.OVERDUE not in tones.get("open", set()) | tones.get("paid", set())
    overdue_row = next(r for r in range(model.rowCount())
                       if model.data(model.index(r, _column(model, "status")), RawRole) == "overdue")
    days = model.data(model.index(overdue_row, _column(model, "days")), RawRole)
    assert model.data(model.index(overdue_row, 0), Qt.ItemDataRole.ForegroundRole) == \
        palette.severity_color(overdue_severity(days))  # red, in the shade of how late it is
    customers = window.customers.model
    for r in range(customers.rowCount()):
        overdue = customers.data(customers.index(r, _column(customers, "overdue")), RawRole)
        days = customers.data(customers.index(r, _column(customers, "days")), RawRole)
        expected = palette.severity_color(overdue_severity(days)) if overdue > 0 else None
        assert customers.data(customers.index(r, 0), Qt.ItemDataRole.ForegroundRole) == expected


def test_due_soon_is_marked(window):
    from ar_desktop.services.invoicing import add_invoice

    add_invoice(window.books, dict(number="SOON-1", customer_code="ALP01", issue_date="2026-03-20",
                                   due_date="2026-04-03", amount="10.00"))
    tab = window.invoices
    tab.search.setText("SOON-1")
    tab.reload()
    assert "Due soon" in tab.model.data(tab.model.index(0, _column(tab.model, "status")))
    assert tab.model.data(tab.model.index(0, 0), StatusRole) == palette.DUE_SOON


def test_filter_overdue_and_by_customer(window, qtbot):
    tab = window.invoices
    tab.status.setCurrentIndex(tab.status.findData("overdue"))
    assert tab.model.rowCount() > 0
    for r in range(tab.model.rowCount()):
        assert tab.model.data(tab.model.index(r, _column(tab.model, "status")), RawRole) == "overdue"
    tab.status.setCurrentIndex(tab.status.findData("all"))
    all_count = tab.model.rowCount()
    tab.customer.setCurrentIndex(tab.customer.findText("KAS11", Qt.MatchFlag.MatchStartsWith))
    codes = {tab.model.row_at(r).customer_code for r in range(tab.model.rowCount())}
    assert codes == {"KAS11"} and tab.model.rowCount() < all_count


def test_search_as_you_type_filters_customers(window, qtbot):
    tab = window.customers
    qtbot.keyClicks(tab.search, "hamburg")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=2000)
    assert tab.model.row_at(0).code == "ELB05"


def test_sorting_by_clicking_headers_sorts_in_sql(window, qtbot):
    tab = window.customers
    col = _column(tab.model, "open")
    header = tab.table.horizontalHeader()
    header.setSortIndicator(col, Qt.SortOrder.DescendingOrder)
    values = [tab.model.data(tab.model.index(r, col), RawRole) for r in range(tab.model.rowCount())]
    assert values == sorted(values, reverse=True) and len(set(values)) > 3
    inv = window.invoices
    amount_col = _column(inv.model, "amount")
    inv.table.horizontalHeader().setSortIndicator(amount_col, Qt.SortOrder.AscendingOrder)
    amounts = [inv.model.data(inv.model.index(r, amount_col), RawRole) for r in range(inv.model.rowCount())]
    assert amounts == sorted(amounts)


def test_aging_tab_as_of_a_past_date(window):
    window.tabs.setCurrentWidget(window.collections)  # computed when looked at
    view = window.collections.aging
    window.collections.lower.setCurrentWidget(view)
    model = view.model
    total = model.rows[-1][1]
    assert model.rows[-1][2] is True and total.customer_code == "TOTAL"
    assert total.total == sum(r.total for _c, r, is_total in model.rows if not is_total)
    view.as_of.setDate(view.as_of.date().addDays(-400))  # before any sample invoice
    assert model.rowCount() == 0


def test_second_window_on_same_file_is_refused(window, settings, qtbot, when_dialog_opens):
    from ar_desktop.ui.main_window import MainWindow

    shown = []

    def read_and_close(box):
        shown.append(box.text())
        box.accept()

    other = MainWindow(settings)
    qtbot.addWidget(other)
    when_dialog_opens(read_and_close)
    assert other.open_file(window.books.db.path) is False
    assert "already open" in shown[0]
    assert other.books is None


def test_write_off_is_a_new_entry_and_shows_in_the_changes(window, qtbot, when_dialog_opens):
    from ar_desktop.services.audit import audit_for
    from ar_desktop.services.invoicing import add_invoice

    invoice_id = add_invoice(window.books, dict(number="WO-1", customer_code="ALP01", issue_date="2026-01-10",
                                                due_date="2026-02-10", amount="300.00"))
    tab = window.invoices
    tab.search.setText("WO-1")
    tab.reload()
    tab.table.selectRow(0)

    def fill(dialog):
        dialog.fields["amount"].setText("120.00")
        dialog.fields["reason"].setText("Damaged goods, agreed with the customer")
        _save(dialog, qtbot)

    when_dialog_opens(fill)
    tab.more_actions["write_off"].trigger()
    tab.reload()
    assert tab.model.data(tab.model.index(0, _column(tab.model, "open"))) == "180,00"
    # the invoice itself still says 300.00: the write-off is a new entry, not an edit
    assert tab.model.data(tab.model.index(0, _column(tab.model, "amount"))) == "300,00"
    changes = audit_for(window.books, "invoice", invoice_id)
    assert changes[0].action == "create"
    seen = {}

    def read(dialog):
        seen["rows"] = dialog.model.rowCount()
        dialog.reject()

    when_dialog_opens(read)
    tab.more_actions["changes"].trigger()
    assert seen["rows"] == len(changes) >= 2


def test_damaged_file_offers_the_latest_good_backup(qtbot, settings, tmp_path, when_dialog_opens):
    from PySide6.QtWidgets import QMessageBox

    from ar_desktop.clock import FixedClock
    from ar_desktop.services.company_file import create_company
    from ar_desktop.services.customers import add_customer, customer_ids
    from ar_desktop.ui.dialogs.restore_dialog import RestoreDialog
    from ar_desktop.ui.main_window import MainWindow

    path = tmp_path / "damaged.ardb"
    books = create_company(path, "Damaged Ltd", clock=FixedClock(UI_TODAY))
    add_customer(books, dict(code="KEEP1", name="Kept Customer"))
    books.close()  # the automatic backup on close is the good copy
    data = bytearray(path.read_bytes())
    for i in range(4096, min(len(data), 4096 * 6)):
        data[i] = 0xA5  # scribble over pages of the file
    path.write_bytes(bytes(data))

    window = MainWindow(settings, FixedClock(UI_TODAY))
    qtbot.addWidget(window)
    asked = []

    def yes(box):
        asked.append(box.text())
        when_dialog_opens(lambda restore_dialog: restore_dialog.accept(), RestoreDialog)
        box.button(QMessageBox.StandardButton.Yes).click()

    when_dialog_opens(yes)
    assert window.open_file(path)
    assert "backup" in asked[0].lower()
    assert window.books is not None
    assert customer_ids(window.books, search="KEEP1")
    window.close_file()


def test_void_paid_invoice_then_apply_the_credit(window, qtbot, when_dialog_opens):
    from PySide6.QtWidgets import QMessageBox

    from ar_desktop.services.invoicing import add_invoice
    from ar_desktop.services.payments import customer_credit, record_payment

    add_invoice(window.books, dict(number="V-1", customer_code="JUR10", issue_date="2026-03-01",
                                   due_date="2026-03-31", amount="250.00"))
    add_invoice(window.books, dict(number="V-2", customer_code="JUR10", issue_date="2026-03-02",
                                   due_date="2026-04-30", amount="100.00"))
    record_payment(window.books, dict(date="2026-03-10", customer_code="JUR10", amount="50.00",
                                      invoice_number="V-1"))
    inv = window.invoices
    inv.search.setText("V-1")
    inv.reload()
    inv.table.selectRow(0)
    said = []

    def reason(box):
        box.setTextValue("Entered for the wrong customer")

        def info(message):
            said.append(message.text())
            message.accept()

        when_dialog_opens(info, QMessageBox)
        box.accept()

    when_dialog_opens(reason)
    inv.more_actions["void"].trigger()
    assert "50,00 EUR" in said[0] and "customer credit" in said[0]
    customers = window.customers
    customers.search.setText("JUR10")
    customers.reload()
    customers.table.selectRow(0)
    cid = customers.current_id()
    assert customer_credit(window.books, cid) == Decimal("50.00")
    [before] = customer_rows(window.books, [cid])
    when_dialog_opens(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    customers.more_actions["credit"].trigger()
    assert customer_credit(window.books, cid) == Decimal("0.00")
    [after] = customer_rows(window.books, [cid])
    assert before.open_balance - after.open_balance == Decimal("50.00")  # applied oldest due first


def test_statement_of_account_on_its_own(window, qtbot):
    import subprocess

    from ar_desktop.services.statements import statement_pdf

    customers = window.customers
    customers.search.setText("KAS11")
    customers.reload()
    customers.table.selectRow(0)
    preview = customers.show_statement()
    assert preview is not None and preview.page_label.text().startswith("Page 1 of")
    preview.close()
    data = statement_pdf(window.books, "KAS11")
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True,
                          check=True).stdout.decode()
    open_numbers = [customers.model.row_at(0).code]
    assert "Kastanie Möbelbau OHG" in text and open_numbers[0] in text
    from ar_desktop.services.payments import open_invoices

    for inv in open_invoices(window.books, customers.current_id()):
        assert inv.number in text


def test_damage_found_after_opening_closes_the_file_and_offers_the_backup(qtbot, settings, tmp_path, when_dialog_opens):
    """A cleanly closed file opens without waiting; the background check finds damage a failing disk made
    behind our back (size and time unchanged), and the window says so and offers the latest good backup."""
    import os
    import sqlite3

    from PySide6.QtWidgets import QMessageBox

    from ar_desktop.clock import FixedClock
    from ar_desktop.services.company_file import create_company
    from ar_desktop.services.customers import add_customer
    from ar_desktop.ui.main_window import MainWindow

    path = tmp_path / "quiet.ardb"
    books = create_company(path, "Quiet Damage Ltd", clock=FixedClock(UI_TODAY))
    for i in range(300):
        add_customer(books, dict(code=f"Q{i:04d}", name=f"Customer {i}", notes="n" * 300))
    books.close()
    st = os.stat(path)
    con = sqlite3.connect(path)  # damage pages of the audit trail, which the first screen does not read
    pages = [p for (p,) in con.execute("SELECT pageno FROM dbstat WHERE name = 'audit_entry' AND pagetype = 'leaf'")]
    con.close()
    with path.open("r+b") as f:
        for page in pages[len(pages) // 2:]:
            f.seek(4096 * (page - 1) + 8)
            f.write(b"\xa5" * 2000)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    before = path.read_bytes()

    window = MainWindow(settings, FixedClock(UI_TODAY))
    qtbot.addWidget(window)
    asked = []

    def no(box):
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.No).click()

    when_dialog_opens(no, QMessageBox)  # before opening: the check may finish at once, and only the question
    assert window.open_file(path)  # opens at once
    qtbot.waitUntil(lambda: bool(asked), timeout=30000)
    assert "damaged" in asked[0] and "backup" in asked[0].lower()
    assert window.books is None  # closed, nothing written
    assert path.read_bytes() == before
