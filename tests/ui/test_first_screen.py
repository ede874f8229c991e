"""The window starts fast: the first screen (the window shown with a company file open) imports neither the
letters, the PDF preview and the reports nor ReportLab, Alembic or openpyxl; each comes with its first use."""

from __future__ import annotations

import json
import os
import subprocess
import sys

LATE = ("ar_desktop.ui.dialogs.letters_dialog", "ar_desktop.ui.dialogs.history_dialog", "ar_desktop.ui.pdf_preview",
        "ar_desktop.ui.dialogs.letter_settings_dialog", "ar_desktop.ui.dialogs.import_wizard",
        "ar_desktop.services.letters", "ar_desktop.services.reports", "ar_desktop.services.statements",
        "ar_desktop.services.collection_file", "ar_desktop.services.exports", "ar_desktop.pdf",
        "reportlab", "alembic", "openpyxl", "pypdfium2")

CHILD = r"""
import json, sys
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from ar_desktop.ui.application import build_window
app = QApplication([sys.argv[0]])
window = build_window(app, QSettings(sys.argv[2], QSettings.Format.IniFormat), sys.argv[1])
window.show()
app.processEvents()
shown = {m: m in sys.modules for m in json.loads(sys.argv[3])}
opened = window.books is not None
window.close()
print(json.dumps({"opened": opened, "shown": shown}))
"""


def test_the_first_screen_leaves_letters_pdf_and_reports_for_later(demo_template, copy_company_file, tmp_path):
    company = copy_company_file(demo_template, tmp_path / "company.ardb")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_LOGGING_RULES="qt.qpa.*=false")
    out = subprocess.run([sys.executable, "-c", CHILD, str(company), str(tmp_path / "settings.ini"), json.dumps(LATE)],
                         capture_output=True, text=True, env=env, timeout=120, check=True).stdout
    result = json.loads(out.strip().splitlines()[-1])
    assert result["opened"]
    assert [m for m, loaded in result["shown"].items() if loaded] == []


def test_a_dialog_imported_on_first_use_still_opens(window):
    """The letters dialog, imported only when asked for, opens from the Collections tab."""
    from ar_desktop.ui.dialogs.letters_dialog import LettersDialog

    window.tabs.setCurrentWidget(window.collections)
    dialog = window.collections.open_letters()
    assert isinstance(dialog, LettersDialog)
    dialog.reject()
