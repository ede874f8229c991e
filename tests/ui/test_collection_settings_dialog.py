"""Settings ▸ Collections: the ladder's days (calendar or working days) ticked, saved and read back."""

from __future__ import annotations

from ar_desktop.services import collection_settings
from ar_desktop.ui.dialogs.collection_settings_dialog import CollectionSettingsDialog


def test_working_days_are_ticked_saved_and_shown_again(window, qtbot):
    d = CollectionSettingsDialog(window, window.books)
    qtbot.addWidget(d)
    box = d.fields["working_days"]
    assert not box.isChecked() and "working days" in box.text()
    box.setChecked(True)
    d._on_save()
    assert d.result() == d.DialogCode.Accepted
    assert collection_settings.collection_settings(window.books).working_days
    again = CollectionSettingsDialog(window, window.books)
    qtbot.addWidget(again)
    assert again.fields["working_days"].isChecked()
    # it fits the bookkeeper's 1366×768 screen
    assert again.sizeHint().width() <= 1366 and again.sizeHint().height() <= 740
