"""Every dialog fits a 1366×768 laptop: opened on the test screen (tests/ui/laptop-screen.json,
1366×768), its window and every one of its buttons are on the screen, in English and in Chinese."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialogButtonBox, QWizard

from dialog_catalogue import CATALOGUE
from ar_desktop.ui.screen import FRAME_TOP


def _buttons(dialog) -> list[QAbstractButton]:
    boxes = dialog.findChildren(QDialogButtonBox)
    found = [b for box in boxes for b in box.buttons() if b.isVisibleTo(dialog)]
    if isinstance(dialog, QWizard):
        found += [dialog.button(w) for w in (QWizard.WizardButton.NextButton, QWizard.WizardButton.CancelButton)]
    return found


def _on_screen(widget, screen) -> bool:
    top_left = widget.mapToGlobal(widget.rect().topLeft())
    bottom_right = widget.mapToGlobal(widget.rect().bottomRight())
    return screen.contains(top_left) and screen.contains(bottom_right)


def check_fits(dialog, qtbot) -> None:
    dialog.show()
    qtbot.waitExposed(dialog)
    QApplication.processEvents()
    screen = dialog.screen().availableGeometry()
    assert (screen.width(), screen.height()) == (1366, 768), "the UI tests run on the laptop-sized screen"
    frame = dialog.frameGeometry()
    assert frame.height() + FRAME_TOP <= screen.height() and frame.width() <= screen.width(), frame
    assert screen.contains(frame.topLeft()) and screen.contains(frame.bottomRight()), frame
    buttons = _buttons(dialog)
    assert buttons, "a dialog without buttons"
    for b in buttons:
        assert _on_screen(b, screen), f"{b.text()!r} is off the screen"


@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_every_dialog_fits_a_laptop_screen(name, window, qtbot, tmp_path):
    dialog = CATALOGUE[name](window, tmp_path)
    qtbot.addWidget(dialog)
    check_fits(dialog, qtbot)


def test_a_form_with_every_error_showing_scrolls_and_keeps_its_buttons(window, qtbot, tmp_path):
    dialog = CATALOGUE["customer-dialog-errors"](window, tmp_path)
    qtbot.addWidget(dialog)
    check_fits(dialog, qtbot)
    shown = [k for k, label in dialog._errors.items() if label.isVisibleTo(dialog)]
    assert {"code", "name", "email", "country", "credit_limit", "terms"} <= set(shown)
    height = dialog.height()
    dialog._on_save()  # again: the dialog does not grow
    assert dialog.height() == height


def test_the_invoice_amount_error_is_shown_whole(window, qtbot, tmp_path):
    dialog = CATALOGUE["invoice-dialog-errors"](window, tmp_path)
    qtbot.addWidget(dialog)
    check_fits(dialog, qtbot)
    error = dialog._errors["amount"]
    assert error.isVisibleTo(dialog) and error.text()
    assert error.height() >= error.heightForWidth(error.width())  # not clipped
    assert dialog.scroll.verticalScrollBar().maximum() == 0  # there was room: it grew instead of scrolling


def test_the_main_window_fits_too(window, qtbot):
    screen = window.screen().availableGeometry()
    frame = window.frameGeometry()
    assert frame.height() + FRAME_TOP <= screen.height() and frame.width() <= screen.width()


def test_the_catalogue_holds_every_dialog_of_the_window():
    """A dialog added to ui/ and not to the catalogue would escape this test and the screenshots."""
    import importlib
    import inspect
    import pkgutil
    from pathlib import Path

    import ar_desktop.ui
    from PySide6.QtWidgets import QDialog

    from ar_desktop.ui.dialogs.form import FormDialog

    classes = set()
    for info in pkgutil.walk_packages(ar_desktop.ui.__path__, "ar_desktop.ui."):
        module = importlib.import_module(info.name)
        classes |= {c.__name__ for _n, c in inspect.getmembers(module, inspect.isclass)
                    if issubclass(c, QDialog) and c.__module__ == module.__name__ and c is not FormDialog}
    catalogue = Path(__file__).with_name("dialog_catalogue.py").read_text(encoding="utf-8")
    missing = sorted(c for c in classes if f"{c}(" not in catalogue and f'"{c}"' not in catalogue)
    assert not missing, f"dialogs missing from tests/ui/dialog_catalogue.py: {missing}"



def test_the_dates_of_a_form_are_alike_with_or_without_a_hint(window, qtbot, tmp_path):
    dialog = CATALOGUE["invoice-dialog-errors"](window, tmp_path)
    qtbot.addWidget(dialog)
    check_fits(dialog, qtbot)
    issue, due = dialog.fields["issue_date"], dialog.fields["due_date"]  # only the due date has a hint below
    assert issue.width() == due.width(), (issue.width(), due.width())
