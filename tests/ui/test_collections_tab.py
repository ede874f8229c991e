"""The morning round in the Collections tab: pick an account, log what was done, see it change."""

from __future__ import annotations

import datetime as dt
from urllib.parse import unquote

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from ar_desktop.domain.aging import overdue_severity
from ar_desktop.services import collection_history, collection_ladders, collection_log
from ar_desktop.services.invoicing import add_invoice
from ar_desktop.services.reminder_mail import reminder_mail
from ar_desktop.ui import palette
from ar_desktop.ui.collections_tab import mailto_url
from ar_desktop.ui.table_models import StatusRole
from ar_desktop.ui.worklist_model import COLUMN_KEYS

UI_TODAY = dt.date(2026, 3, 31)  # the fixed "today" of the window fixture


def _save(dialog, qtbot):
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def _row(tab, code):
    assert tab.select_customer(code), f"{code} not in the worklist"
    return tab.current_row()


def _fresh_customer(window, code="NEW01", days_overdue=20):
    """A customer with one overdue invoice and nothing done yet."""
    from ar_desktop.services.customers import add_customer

    add_customer(window.books, dict(code=code, name="Neuland Handel GmbH", email="ap@neuland.example",
                                    credit_class="B"))
    due = UI_TODAY - dt.timedelta(days=days_overdue)
    add_invoice(window.books, dict(number=f"{code}-1", customer_code=code, issue_date=(due - dt.timedelta(
        days=30)).isoformat(), due_date=due.isoformat(), amount="900.00"))
    window.collections.reload()


def test_worklist_is_sorted_by_urgency_and_overdue_is_red(window, qtbot):
    tab = window.collections
    window.tabs.setCurrentWidget(tab)  # the worklist is computed in the background when shown
    assert tab.count.text() == "Computing the worklist…"  # the window did not wait for it
    qtbot.waitUntil(lambda: bool(tab.model.rows), timeout=10000)
    assert tab.count.text().endswith("accounts")
    rows = tab.model.rows
    assert rows, "the sample company has accounts needing attention"
    severities = [r.status.severity for r in rows]
    assert severities == sorted(severities, reverse=True)
    overdue_col = COLUMN_KEYS.index("overdue")
    for i, r in enumerate(rows):
        colour = tab.model.data(tab.model.index(i, overdue_col), Qt.ItemDataRole.ForegroundRole)
        shade = palette.severity_color(overdue_severity(r.oldest_days_overdue))
        assert (colour is not None and colour == shade) == (r.overdue_amount > 0)


def test_log_call_with_promise_changes_the_state_to_promised(window, qtbot, when_dialog_opens):
    _fresh_customer(window)
    tab = window.collections
    before = _row(tab, "NEW01")
    assert before.state == "action_due" and before.next_step == "demand_letter"

    def fill(dialog):
        dialog.outcome.setCurrentIndex(dialog.outcome.findData("promised"))
        dialog.promised_date.setDate(dialog.promised_date.date().addDays(5))
        dialog.amount.setText("900.00")
        qtbot.keyClicks(dialog.fields["note"], "Will pay on Friday")
        _save(dialog, qtbot)

    when_dialog_opens(fill)
    qtbot.mouseClick(tab.buttons["call"], Qt.MouseButton.LeftButton)
    after = _row(tab, "NEW01")
    assert after.state == "promised"
    assert after.promise.amount == 900 and after.promise.promised_date == UI_TODAY + dt.timedelta(days=5)
    assert tab.model.data(tab.model.index(tab.table.currentIndex().row(), 0), StatusRole) == palette.DUE_SOON
    kinds = [e.kind for e in tab.history.entries]
    assert "call" in kinds and "promise" in kinds


def test_mark_step_done_moves_the_customer_to_waiting(window, qtbot, when_dialog_opens):
    _fresh_customer(window, "NEW02", days_overdue=16)
    tab = window.collections
    assert _row(tab, "NEW02").next_step == "demand_letter"

    when_dialog_opens(lambda dialog: _save(dialog, qtbot))  # the next step is preselected
    qtbot.mouseClick(tab.buttons["done"], Qt.MouseButton.LeftButton)
    after = _row(tab, "NEW02")
    assert after.state == "waiting"
    assert after.last_step == "demand_letter" and after.last_step_date == UI_TODAY
    # the next step falls due when legal action's threshold (+30) is reached
    assert after.next_step == "legal_action"
    assert after.next_step_date == UI_TODAY - dt.timedelta(days=16) + dt.timedelta(days=30)


def test_hold_and_release(window, qtbot, when_dialog_opens):
    _fresh_customer(window, "NEW03")
    tab = window.collections
    _row(tab, "NEW03")

    def fill(dialog):
        dialog.fields["reason"].setText("Awaiting credit insurer's answer")
        _save(dialog, qtbot)

    when_dialog_opens(fill)
    qtbot.mouseClick(tab.buttons["hold"], Qt.MouseButton.LeftButton)
    assert _row(tab, "NEW03").state == "on_hold"
    assert tab.buttons["hold"].text() == "Release hold"
    when_dialog_opens(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    qtbot.mouseClick(tab.buttons["hold"], Qt.MouseButton.LeftButton)
    assert _row(tab, "NEW03").state == "action_due"


def test_filter_letters_to_print_only_shows_letter_steps(window):
    tab = window.collections
    tab.filter.setCurrentIndex(tab.filter.findData("letters"))
    assert tab.model.rows
    assert all(r.state == "action_due" and r.status.next_step.action.is_letter for r in tab.model.rows)
    tab.filter.setCurrentIndex(tab.filter.findData("calls"))
    assert all(r.next_step == "phone_call" for r in tab.model.rows)


def test_reminder_email_link_carries_the_text(window):
    _fresh_customer(window, "NEW04")
    to, subject, body = reminder_mail(window.books, "NEW04", UI_TODAY)
    url = mailto_url(to, subject, body).toString()
    assert url.startswith("mailto:ap@neuland.example?subject=")
    assert "NEW04-1" in unquote(url)


def test_collection_file_is_printed_to_pdf(window, tmp_path):
    import subprocess

    _fresh_customer(window, "NEW05")
    collection_log.log_step(window.books, "NEW05", "reminder", UI_TODAY - dt.timedelta(days=10), "Sent by e-mail")
    tab = window.collections
    tab.reload()
    _row(tab, "NEW05")
    out = tab.save_file_pdf("NEW05", str(tmp_path / "file.pdf"))
    text = subprocess.run(["pdftotext", "-layout", out, "-"], capture_output=True, text=True, check=True).stdout
    assert "Collection file: Neuland Handel GmbH" in text
    assert "NEW05-1" in text and "Sent by e-mail" in text
    assert "Page 1 of 1" in text


def test_invoice_over_credit_limit_asks_and_records_the_override(window, qtbot, when_dialog_opens):
    from ar_desktop.services.customers import add_customer

    add_customer(window.books, dict(code="LIM01", name="Limited Credit Ltd", credit_limit="1000"))
    tab = window.invoices
    asked = []

    def fill(dialog):
        dialog.customer.setCurrentIndex(dialog.customer.findData("LIM01"))
        dialog.fields["number"].setText("LIM-1")
        dialog.fields["amount"].setText("1500.00")

        def answer(box):
            asked.append(box.text())
            box.button(QMessageBox.StandardButton.Yes).click()

        when_dialog_opens(answer)
        _save(dialog, qtbot)

    when_dialog_opens(fill)
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    assert "above the credit limit" in asked[0]
    entries = collection_history.history(window.books, "LIM01")
    assert any(e.kind == "credit_override" and "LIM-1" in (e.invoice_number or str(e.text)) for e in entries)


def test_class_ladder_edit_is_validated_and_saved(window, qtbot, when_dialog_opens):
    from ar_desktop.ui.dialogs.ladder_dialog import FIELDS, LadderDialog

    dialog = LadderDialog(window, window.books)
    qtbot.addWidget(dialog)
    dialog.credit_class.setCurrentIndex(dialog.credit_class.findData("B"))
    model = dialog.model
    phone = [s["key"] for s in model.steps].index("phone_call")
    model.setData(model.index(phone, FIELDS.index("threshold_days")), 10)
    dialog.save()
    assert collection_ladders.class_ladder(window.books, "B").get("phone_call").threshold_days == 10
    # a threshold out of order is refused with a message naming the step; nothing is saved
    dialog = LadderDialog(window, window.books)
    qtbot.addWidget(dialog)
    dialog.credit_class.setCurrentIndex(dialog.credit_class.findData("B"))
    dialog.model.setData(dialog.model.index(phone, FIELDS.index("threshold_days")), 40)
    messages = []
    when_dialog_opens(lambda box: (messages.append(box.text()), box.accept()))
    dialog.save()
    # by the names the editor shows, never by a key
    assert messages and messages[0].startswith("Step 4 'Formal demand letter (registered mail)': its day threshold 15 "
                                               "must be greater than that of the step before it, 'Phone call' (40).")
    assert "phone_call" not in messages[0] and "demand_letter" not in messages[0]
    assert collection_ladders.class_ladder(window.books, "B").get("phone_call").threshold_days == 10


def test_the_ladder_editor_names_actions_as_its_messages_do(window, qtbot, when_dialog_opens):
    """The editor's Action column read "Hand over to a collection agency" and "Stop deliveries on credit" where
    the ladder's own messages say "Collection agency" and "Credit hold" (domain.ladder.ACTION_NAMES)."""
    from ar_desktop.ui.dialogs.ladder_dialog import FIELDS, LadderDialog

    dialog = LadderDialog(window, window.books)
    qtbot.addWidget(dialog)
    dialog.credit_class.setCurrentIndex(dialog.credit_class.findData("B"))
    model, row = dialog.model, len(dialog.model.steps) - 1
    shown = {}
    for kind in ("agency", "credit_hold"):
        model.setData(model.index(row, FIELDS.index("action")), kind)
        shown[kind] = model.index(row, FIELDS.index("action")).data()
        model.setData(model.index(row, FIELDS.index("registered_mail")), Qt.CheckState.Checked.value,
                      Qt.ItemDataRole.CheckStateRole)
        messages = []
        when_dialog_opens(lambda box: (messages.append(box.text()), box.accept()))
        dialog.save()  # refused: a step that sends no letter goes by no registered mail, the message names it
        assert messages and f"a '{shown[kind]}' step sends no letter" in messages[0], (shown, messages)
    assert shown == {"agency": "Collection agency", "credit_hold": "Credit hold"}


def test_a_failing_save_leaves_the_earlier_file_intact(window, tmp_path, monkeypatch, when_dialog_opens):
    """Files saved from the window are written as exports are: a temporary file beside the target, flushed
    and renamed. A write that fails half-way (here: the disk refuses the flush) leaves the file saved
    before as it was, no temporary file behind, and says so plainly."""
    import os

    from PySide6.QtWidgets import QMessageBox

    _fresh_customer(window, "NEW06")
    tab = window.collections
    tab.reload()
    folder = tmp_path / "saved"
    folder.mkdir()
    target = folder / "file.pdf"
    assert tab.save_file_pdf("NEW06", str(target)) == str(target)
    before = target.read_bytes()
    assert before.startswith(b"%PDF")

    def full_disk(_fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    shown = []
    when_dialog_opens(lambda box: (shown.append(box.text()), box.accept()), QMessageBox)
    assert tab.save_file_pdf("NEW06", str(target)) is None
    assert target.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["file.pdf"]
    assert shown and "No space left on device" in shown[0] and str(target) in shown[0]
    # while it is written, the temporary file is noted beside the company file (tidied after a crash)
    monkeypatch.undo()
    from ar_desktop.storage import scratch

    noted = []
    real = scratch.tracked
    monkeypatch.setattr(scratch, "tracked", lambda company, temp: (noted.append((company, temp)), real(company, temp))[1])
    tab.save_file_pdf("NEW06", str(target))
    assert noted == [(window.books.db.path, folder / "file.pdf.part")]
