"""Regenerate the README screenshots: the sample company in each tab (run headless or under Xvfb)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from ar_desktop.services.demo import build_demo  # noqa: E402
from ar_desktop.ui.i18n import install_font  # noqa: E402
from ar_desktop.ui.main_window import MainWindow  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def main() -> int:
    app = QApplication(sys.argv[:1])
    install_font(app)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "Sample Company.ardb"
        build_demo(path).close()
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings)
        window.open_file(path)
        window.resize(1280, 720)
        window.show()
        OUT.mkdir(parents=True, exist_ok=True)
        for index, name in enumerate(("customers", "invoices", "collections")):
            window.tabs.setCurrentIndex(index)
            for _ in range(5):
                app.processEvents()
            window.grab().save(str(OUT / f"{name}.png"))
            print(OUT / f"{name}.png")
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
