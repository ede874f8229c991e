"""Money typed means money stored: the payment dialog reads amounts with the domain's parser, in the company's
amount style (the demo company is German: "1.500,00"; a point before one or two digits is a decimal point too)."""

from __future__ import annotations

from decimal import Decimal

from ar_desktop.services.payments import payment_rows
from ar_desktop.ui.dialogs.payment_dialog import PaymentDialog


def _dialog(window, qtbot) -> PaymentDialog:
    dialog = PaymentDialog(window, window.books)
    qtbot.addWidget(dialog)
    dialog.customer.setCurrentIndex(dialog.customer.findData("ELB05"))
    assert dialog.model.rowCount() > 0
    return dialog


def test_a_comma_is_never_dropped_from_the_amount(window, qtbot):
    dialog = _dialog(window, qtbot)
    before = len(payment_rows(window.books))
    for text in ("1.5.0", "12,34,56", "1 000,00", "１５", "1,500.00"):
        dialog.fields["amount"].setText(text)
        assert dialog._amount() is None
        dialog._on_save()
        assert dialog.fields["amount"].text() == text  # the dialog stays, nothing stored
        assert not dialog.result_value
    assert len(payment_rows(window.books)) == before
    for text, value in (("1.500,00", "1500.00"), ("1,5", "1.50"), ("1500.00", "1500.00"), ("1.500", "1500.00")):
        dialog.fields["amount"].setText(text)
        assert dialog._amount() == Decimal(value), text


def test_an_applied_amount_is_refused_not_changed(window, qtbot):
    dialog = _dialog(window, qtbot)
    model = dialog.model
    index = model.index(0, 3)
    open_amount = model.invoices[0].open_amount
    messages: list[str] = []
    model.refused.connect(messages.append)
    assert not model.setData(index, "1,5.0")
    assert "'1,5.0' is not an amount" in messages[-1]
    assert dialog.credit_label.text() == messages[-1]
    assert not model.setData(index, str(open_amount + Decimal("0.01")))
    assert f"Invoice {model.invoices[0].number} has only" in messages[-1]
    assert model.amounts[0] == Decimal(0)  # not quietly capped at the open amount
    assert model.setData(index, "1,50")
    assert model.amounts[0] == Decimal("1.50")
