"""A payment plan agreed in the Collections tab pauses the account; a missed instalment ends it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox

from ar_desktop.services import payment_plans
from ar_desktop.services.customers import add_customer
from ar_desktop.services.invoicing import add_invoice
from ar_desktop.ui import amounts
from ar_desktop.ui.dialogs.plan_dialog import PlanDialog

UI_TODAY = dt.date(2026, 3, 31)  # the fixed "today" of the window fixture


def _customer(window, code="PLAN1"):
    add_customer(window.books, dict(code=code, name="Planwerk GmbH", credit_class="B"))
    for n, days in ((1, 40), (2, 25)):
        due = UI_TODAY - dt.timedelta(days=days)
        add_invoice(window.books, dict(number=f"{code}-{n}", customer_code=code,
                                       issue_date=(due - dt.timedelta(days=30)).isoformat(),
                                       due_date=due.isoformat(), amount="600.00"))
    window.collections.reload()


def _row(tab, code="PLAN1"):
    assert tab.select_customer(code), f"{code} not in the worklist"
    return tab.current_row()


def test_plan_through_the_dialog_then_a_missed_instalment(window, qtbot, when_dialog_opens):
    _customer(window)
    tab = window.collections
    window.tabs.setCurrentWidget(tab)
    assert _row(tab).state == "action_due"
    seen = {}

    def fill(dialog):
        assert isinstance(dialog, PlanDialog)
        assert dialog.invoices.count() == 2 and dialog.chosen() == ["PLAN1-1", "PLAN1-2"]
        dialog.count.setValue(4)
        dialog.every.setValue(30)
        dialog.first_due.setDate(QDate(2026, 4, 15))
        seen["schedule"] = dialog.schedule.text()
        dialog.note.setText("agreed with the owner")
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)

    when_dialog_opens(fill)
    qtbot.mouseClick(tab.buttons["plan"], Qt.MouseButton.LeftButton)
    each = amounts.money(Decimal("300"))  # the company's style (the demo company is German: 300,00)
    assert f"2026-04-15  {each}" in seen["schedule"] and f"2026-07-14  {each}" in seen["schedule"]
    assert _row(tab).state == "promised"
    assert "plan" in [e.kind for e in tab.history.entries]
    (plan,) = payment_plans.payment_plans(window.books, "PLAN1")
    assert plan.status == "open" and len(plan.instalments) == 4

    # nothing paid: the first instalment (2026-04-15) plus the grace days has passed on 2026-04-20
    window.books.clock.day = dt.date(2026, 4, 20)
    tab.as_of.setDate(QDate(2026, 4, 20))
    after = _row(tab)
    assert after.state == "action_due"  # shown at once; looking records nothing ...
    assert not [e for e in tab.history.entries if e.kind == "plan_broken"]
    assert payment_plans.payment_plans(window.books, "PLAN1")[0].status == "open"
    # ... opening the file records it, once its check has passed
    path = window.books.db.path
    window.close_file()
    assert window.open_file(path)
    qtbot.waitUntil(lambda: payment_plans.payment_plans(window.books, "PLAN1")[0].status == "broken", timeout=10000)
    window.collections.as_of.setDate(QDate(2026, 4, 20))
    _row(window.collections)
    texts = [str(e.text) for e in window.collections.history.entries if e.kind == "plan_broken"]
    assert texts == ["Paid 0.00 of 300.00 due by 2026-04-15."]


def test_schedule_follows_the_choices(window, qtbot):
    _customer(window, "PLAN2")
    row = _row(window.collections, "PLAN2")
    dialog = PlanDialog(window, window.books, row)
    qtbot.addWidget(dialog)
    dialog.count.setValue(3)
    dialog.invoices.item(1).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.chosen() == ["PLAN2-1"]
    each = amounts.money(Decimal("200"))
    assert dialog.schedule.text().splitlines()[1:] == [
        f"2026-04-14  {each}", f"2026-05-14  {each}", f"2026-06-13  {each}"]
    dialog.invoices.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.schedule.text() == "Choose the invoices the plan covers."
