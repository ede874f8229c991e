"""Letters from the worklist: preview, issue in the background, save the batch, log the posting."""

from __future__ import annotations

import hashlib
import subprocess

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from ar_desktop.services import letters, registered_mail
from ar_desktop.services.letter_register import letter_register


def _pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_issue_selected_letters_and_save_the_batch(window, qtbot, tmp_path):
    tab = window.collections
    tab.filter.setCurrentIndex(tab.filter.findData("letters"))
    assert tab.model.rows, "the sample company has customers whose next step is a letter"
    codes = [r.customer_code for r in tab.model.rows[:2]]
    tab.table.clearSelection()
    for code in codes:
        row = [r.customer_code for r in tab.model.rows].index(code)
        tab.table.selectionModel().select(tab.model.index(row, 0),
                                          tab.table.selectionModel().SelectionFlag.Select
                                          | tab.table.selectionModel().SelectionFlag.Rows)
    dialog = tab.open_letters()
    assert [c.customer_code for c in dialog.model.candidates] == sorted(codes)
    # registered letters are a deliberate choice: not ticked until the user ticks them
    model = dialog.model
    assert model.checked == [not c.registered_mail for c in model.candidates]
    for row in range(len(model.candidates)):
        model.setData(model.index(row, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    preview = dialog.preview()
    assert preview is not None and preview.page_label.text().startswith("Page 1 of")
    preview.close()

    out = tmp_path / "batch.pdf"
    task = dialog.issue("save", destination=str(out))
    qtbot.waitUntil(task.finished.is_set, timeout=30000)
    assert task.error is None
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert sorted(x.customer_code for x in dialog.issued) == sorted(codes)
    assert dialog.result.isVisible()                      # the result stays until closed
    listed = dialog.result.text.toPlainText()
    assert "letter(s) issued" in listed and all(x.reference in listed for x in dialog.issued)
    dialog.result.close()
    text = _pdf_text(out)
    for issued in dialog.issued:
        assert issued.reference in text
        assert hashlib.sha256(issued.path.read_bytes()).hexdigest() == issued.sha256
    # issuing marked the ladder step done: these customers now wait
    tab.filter.setCurrentIndex(tab.filter.findData("all"))
    for code in codes:
        assert tab.select_customer(code)
        assert tab.current_row().state == "waiting"
        assert tab.current_row().last_step_date == window.books.today()


def test_register_records_posting_with_checked_tracking_number(window, qtbot, when_dialog_opens):
    issued = letters.issue_letters(window.books, window.books.today(),
                                   [letters.letter_candidates(window.books, window.books.today())[0].customer_code])
    dialog = window.collections.open_register()
    assert dialog.model.rows[0].letter.id == issued[0].letter_id
    seen = {}

    def post(form):
        form.fields["service"].setCurrentIndex(form.fields["service"].findData("de_einschreiben_rueckschein"))
        form.fields["tracking"].setText("RR123456784DE")  # wrong check digit (5 is right)
        form.fields["posted_on"].setDate(form.fields["posted_on"].date())

        def read_error(box):
            seen["error"] = box.text()
            box.accept()
            form.fields["tracking"].setText("RR123456785DE")
            qtbot.mouseClick(form.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)

        when_dialog_opens(read_error)
        qtbot.mouseClick(form.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)

    when_dialog_opens(post)
    qtbot.mouseClick(dialog.buttons["posted"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: letter_register(window.books)[0].mail.posted_on is not None, timeout=5000)
    assert "check digit" in seen["error"]
    status = registered_mail.mail_status(window.books, issued[0].letter_id)
    assert status.tracking_number == "RR123456785DE" and status.carrier == "Deutsche Post"
    assert dialog.model.rows[0].stage == "posted"


def test_a_customer_the_batch_cannot_write_to_is_listed_with_its_reason(window, qtbot, tmp_path):
    import dataclasses

    from ar_desktop.services import customers

    tab = window.collections
    tab.filter.setCurrentIndex(tab.filter.findData("letters"))
    good, bad = [r.customer_code for r in tab.model.rows[:2]]
    cid, data = customers.find_customer(window.books, bad)
    raw = {k: ("" if v is None else str(v)) for k, v in dataclasses.asdict(data).items()}
    customers.update_customer(window.books, cid, {**raw, "address": "", "postcode": "", "city": ""})
    tab.table.clearSelection()
    dialog = tab.open_letters()
    model = dialog.model
    for row in range(len(model.candidates)):
        wanted = model.candidates[row].customer_code in (good, bad)
        state = Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked
        model.setData(model.index(row, 0), state.value, Qt.ItemDataRole.CheckStateRole)
    task = dialog.issue("save", destination=str(tmp_path / "batch.pdf"))
    qtbot.waitUntil(task.finished.is_set, timeout=30000)
    assert task.error is None
    assert [x.customer_code for x in dialog.issued] == [good]
    listed = dialog.result.text.toPlainText()
    assert "1 letter(s) issued, 1 customer(s) skipped." in listed
    assert f"{bad} — {data.name}: {data.name} has no postal address. Add the street and city" in listed
    assert "no_address" not in listed                     # the reason in words, never its key
    dialog.result.close()
    tab.filter.setCurrentIndex(tab.filter.findData("all"))
    assert tab.select_customer(bad) and tab.current_row().state != "waiting"   # nothing logged for it
