"""Overdue at a glance, not all red: three shades and a sign by days overdue (light and dark
themes), a mark for over the credit limit and for credit review, tooltips for cut-off cells and
for "B → C", and "Due since" never a date in the future."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QHeaderView

from ar_desktop.domain.aging import MILD, SERIOUS, SEVERE, overdue_severity
from ar_desktop.services.customers import add_customer
from ar_desktop.services.invoicing import add_invoice
from ar_desktop.ui import palette
from ar_desktop.ui.cell_tips import cell_tooltip
from ar_desktop.ui.table_models import RawRole, SeverityRole
from ar_desktop.ui.worklist_model import COLUMN_KEYS

UI_TODAY = dt.date(2026, 3, 31)


def _col(model, key):
    return [c.key for c in model.columns].index(key)


def test_days_overdue_carry_a_sign_and_a_shade_by_severity(window):
    model = window.customers.model
    days_col = _col(model, "days")
    seen = {}
    for r in range(model.rowCount()):
        days = model.data(model.index(r, days_col), RawRole)
        severity = overdue_severity(days) if model.row_at(r).overdue_amount > 0 else None
        assert model.data(model.index(r, 0), SeverityRole) == severity
        text = model.data(model.index(r, days_col))
        if severity is None:
            assert text == ""
            continue
        assert text == f"{palette.SEVERITY_SIGN[severity]} {days}"  # readable without colour
        assert model.data(model.index(r, days_col), Qt.ItemDataRole.ToolTipRole).startswith("Overdue ")
        font = model.data(model.index(r, 0), Qt.ItemDataRole.FontRole)
        assert (font is not None and font.bold()) == (severity == SEVERE)
        seen[severity] = model.data(model.index(r, 0), Qt.ItemDataRole.ForegroundRole)
    assert set(seen) == {MILD, SERIOUS, SEVERE}, "the sample company has accounts of each severity"
    assert len({c.name() for c in seen.values()}) == 3  # three different shades of red


def test_the_shades_stay_readable_on_a_dark_theme(qtbot):
    app = QApplication.instance()
    light = palette.severity_color(MILD)
    saved = app.palette()
    dark = QPalette(saved)
    dark.setColor(QPalette.ColorRole.Window, QColor("#2a2a2a"))
    dark.setColor(QPalette.ColorRole.Base, QColor("#2a2a2a"))
    app.setPalette(dark)
    try:
        shades = [palette.severity_color(s) for s in (MILD, SERIOUS, SEVERE)]
        assert shades[0] != light and len({c.name() for c in shades}) == 3
        assert all(c.lightness() > QColor("#2a2a2a").lightness() + 80 for c in shades)
        # ... and the mildest is still plainly red on a dark list, not a near-white pink read as "not overdue"
        assert shades[0].hslSaturationF() > 0.6 and shades[0].lightnessF() < 0.85, shades[0].name()
    finally:
        app.setPalette(saved)


def test_a_customer_over_the_credit_limit_is_marked(window):
    add_customer(window.books, dict(code="LIM01", name="Limited Ltd", credit_limit="6000"))
    for n, amount in ((1, "8000.00"), (2, "6513.67")):
        add_invoice(window.books, dict(number=f"LIM-{n}", customer_code="LIM01", issue_date="2026-03-01",
                                       amount=amount))
    tab = window.customers
    tab.search.setText("LIM01")
    tab.reload()
    cell = tab.model.index(0, _col(tab.model, "limit"))
    assert cell.data() == "⚠ 6.000,00"  # a German company
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == \
        "Over the credit limit: 14.513,67 EUR owed on a limit of 6.000,00 EUR."
    tab.search.setText("ALP01")
    tab.reload()
    assert not tab.model.index(0, _col(tab.model, "limit")).data().startswith("⚠")


def test_worklist_explains_b_to_c_marks_review_and_never_shows_a_future_due_date(window, qtbot):
    tab = window.collections
    tab.reload()
    row = tab.model.rows[0]
    changed = dataclasses.replace(row, credit_class="B", suggested_class="C", credit_review=True,
                                  next_step_date=UI_TODAY + dt.timedelta(days=5))
    tab.model.set_rows([changed], UI_TODAY)
    class_cell = tab.model.index(0, COLUMN_KEYS.index("class"))
    assert class_cell.data() == "B → C ⟳"
    tip = class_cell.data(Qt.ItemDataRole.ToolTipRole)
    assert "credit class B today" in tip and "suggests class C" in tip and "credit review due" in tip
    since = tab.model.index(0, COLUMN_KEYS.index("since"))
    assert since.data() == "in 5 days" and since.data(Qt.ItemDataRole.ToolTipRole) == "Due from 2026-04-05"
    tab.model.set_rows([dataclasses.replace(changed, next_step_date=UI_TODAY - dt.timedelta(days=3))], UI_TODAY)
    assert tab.model.index(0, COLUMN_KEYS.index("since")).data() == "2026-03-28"


def test_a_cut_off_cell_shows_its_whole_text_on_hover(window, qtbot):
    tab = window.collections
    window.tabs.setCurrentWidget(tab)
    tab.reload()
    table = tab.table
    last = COLUMN_KEYS.index("last")
    row = next(i for i, r in enumerate(tab.model.rows) if r.last_step)
    index = tab.model.index(row, last)
    table.horizontalHeader().setSectionResizeMode(last, QHeaderView.ResizeMode.Interactive)  # it stretches
    table.horizontalHeader().resizeSection(last, 40)
    assert cell_tooltip(table, index) == index.data()
    table.horizontalHeader().resizeSection(last, 600)
    assert cell_tooltip(table, index) == ""  # nothing cut off, no tooltip of its own
    customers = window.customers
    window.tabs.setCurrentWidget(customers)
    name = _col(customers.model, "name")
    customers.table.horizontalHeader().resizeSection(name, 30)
    cell = customers.model.index(0, name)
    assert cell_tooltip(customers.table, cell) == cell.data()
