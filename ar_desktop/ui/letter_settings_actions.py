"""Settings menu entries for letters and late charges (issue 4): installed by the main window."""

from __future__ import annotations

import importlib

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

# (key, menu text, dialog (module:class, imported when first opened: not at start-up), refresh the tabs after
# Save: late charges change what letters claim)
ENTRIES = (
    ("letters", QT_TRANSLATE_NOOP("LetterSettingsActions", "Letters and &printing…"),
     "letter_settings_dialog:LetterSettingsDialog", False),
    ("late_charges", QT_TRANSLATE_NOOP("LetterSettingsActions", "Late c&harges…"),
     "late_charges_dialog:LateChargesDialog", True),
    ("rates", QT_TRANSLATE_NOOP("LetterSettingsActions", "Reference &rates…"), "rates_dialog:RatesDialog", True),
    ("wording", QT_TRANSLATE_NOOP("LetterSettingsActions", "Letter &wording…"), "template_dialog:TemplateDialog",
     False),
)


def _dialog_class(where: str):
    module, name = where.split(":")
    return getattr(importlib.import_module(f"ar_desktop.ui.dialogs.{module}"), name)


def install_letter_settings_actions(window: QMainWindow, menu: QMenu) -> dict[str, QAction]:
    """Add the four entries to ``menu`` (enabled only while a company file is open); returns them by key."""

    def opener(dialog_class, refresh: bool):
        def open_dialog(_checked: bool = False):
            if window.books is None:
                return None
            dialog = _dialog_class(dialog_class)(window, window.books)
            if dialog.exec() and refresh:
                window.data_changed()
            return dialog
        return open_dialog

    menu.addSeparator()
    actions = {key: window._action(menu, QCoreApplication.translate("LetterSettingsActions", text),
                                   opener(dialog_class, refresh), needs_file=True)
               for key, text, dialog_class, refresh in ENTRIES}
    window._update_actions()  # enabled only while a file is open, also when installed after the menus
    return actions
