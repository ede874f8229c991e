"""The window starts fast: the first screen (the window shown with a company file open) imports neither the
letters, the PDF preview and the reports nor ReportLab, Alembic or openpyxl; each comes with its first use.
The company is shown before the storage layer is loaded, and its tabs are filled once it is."""

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
import json, sys, threading, time
importers = {}
class Watch:  # the thread that imports each of these first
    def find_spec(self, name, path=None, target=None):
        if name in ("sqlalchemy", "ar_desktop.storage.orm") and name not in importers:
            importers[name] = "GUI" if threading.current_thread() is threading.main_thread() else "worker"
sys.meta_path.insert(0, Watch())
from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtWidgets import QApplication
from ar_desktop.ui.application import build_window
painted = {}
class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not painted and window.isVisible():
            painted.update(title=window.windowTitle(), tabs_enabled=[window.tabs.isTabEnabled(i) for i in range(6)],
                           message=window.statusBar().currentMessage(), filled=window.customers.model is not None)
        return False
app = QApplication([sys.argv[0]])
first_paint = FirstPaint()
app.installEventFilter(first_paint)
window = build_window(app, QSettings(sys.argv[2], QSettings.Format.IniFormat), sys.argv[1])
window.show()
app.processEvents()
shown = {m: m in sys.modules for m in json.loads(sys.argv[3])}
opened = window.books is not None
deadline = time.monotonic() + 60
while (window.customers.model is None or window.customers.model.rowCount() == 0) and time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.01)
filled = {"rows": window.customers.model.rowCount() if window.customers.model else 0,
          "tabs_enabled": [window.tabs.isTabEnabled(i) for i in range(6)],
          "message": window.statusBar().currentMessage(),
          "late": [m for m in json.loads(sys.argv[3]) if m in sys.modules]}
window.close()
print(json.dumps({"opened": opened, "shown": shown, "painted": painted, "filled": filled, "importers": importers}))
"""


def _first_screen(company, tmp_path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_LOGGING_RULES="qt.qpa.*=false")
    out = subprocess.run([sys.executable, "-c", CHILD, str(company), str(tmp_path / "settings.ini"), json.dumps(LATE)],
                         capture_output=True, text=True, env=env, timeout=120, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def test_the_first_screen_leaves_letters_pdf_and_reports_for_later(demo_template, copy_company_file, tmp_path):
    company = copy_company_file(demo_template, tmp_path / "company.ardb")
    result = _first_screen(company, tmp_path)
    assert result["opened"]
    assert [m for m, loaded in result["shown"].items() if loaded] == []
    assert result["filled"]["late"] == []  # nor once the tabs are filled


def test_the_company_is_shown_before_the_storage_layer_is_loaded(demo_template, copy_company_file, tmp_path):
    """The window's first paint already names the company, the Overview computing and the other tabs greyed
    out under "Opening …"; SQLAlchemy and the ORM are imported off the GUI thread, and the tabs are filled after."""
    company = copy_company_file(demo_template, tmp_path / "company.ardb")
    result = _first_screen(company, tmp_path)
    assert result["painted"] == {"title": "Harbour Line Trading GmbH — AR Desktop",
                                 "tabs_enabled": [True, False, False, False, False, False],
                                 "message": "Opening Harbour Line Trading GmbH…", "filled": False}
    assert result["importers"] == {"sqlalchemy": "worker", "ar_desktop.storage.orm": "worker"}
    assert result["filled"]["rows"] > 0 and all(result["filled"]["tabs_enabled"]) and result["filled"]["message"] == ""


def test_a_dialog_imported_on_first_use_still_opens(window):
    """The letters dialog, imported only when asked for, opens from the Collections tab."""
    from ar_desktop.ui.dialogs.letters_dialog import LettersDialog

    window.tabs.setCurrentWidget(window.collections)
    dialog = window.collections.open_letters()
    assert isinstance(dialog, LettersDialog)
    dialog.reject()
