"""Settings menu entries for letters and late charges (issue 4): installed by the main window."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow, QMenu

from ar_desktop.ui.dialogs.late_charges_dialog import LateChargesDialog
from ar_desktop.ui.dialogs.letter_settings_dialog import LetterSettingsDialog
from ar_desktop.ui.dialogs.rates_dialog import RatesDialog
from ar_desktop.ui.dialogs.template_dialog import TemplateDialog


def _tr(text: str) -> str:
    return QCoreApplication.translate("LetterSettingsActions", text)


def install_letter_settings_actions(window: QMainWindow, menu: QMenu) -> dict:
    """Add the four entries to ``menu`` (enabled only while a company file is open); returns them by key."""

    def opener(dialog_class, refresh: bool):
        def open_dialog(_checked: bool = False):
            if window.books is None:
                return None
            dialog = dialog_class(window, window.books)
            if dialog.exec() and refresh:
                window.data_changed()
            return dialog
        return open_dialog

    menu.addSeparator()
    actions = {
        "letters": window._action(menu, _tr("Letters and &printing…"), opener(LetterSettingsDialog, False),
                                  needs_file=True),
        "late_charges": window._action(menu, _tr("Late c&harges…"), opener(LateChargesDialog, True),
                                       needs_file=True),
        "rates": window._action(menu, _tr("Reference &rates…"), opener(RatesDialog, True), needs_file=True),
        "wording": window._action(menu, _tr("Letter &wording…"), opener(TemplateDialog, False), needs_file=True),
    }
    window._update_actions()  # enabled only while a file is open, also when installed after the menus
    return actions
