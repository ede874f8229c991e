"""Starting the window: Qt application, font, language, last company file."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtCore import QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from ar_desktop.paths import RESOURCES
from ar_desktop.ui.i18n import chosen_language, install_font, install_translator
from ar_desktop.ui.main_window import MainWindow


def make_settings() -> QSettings:
    return QSettings("AR Desktop", "AR Desktop")


def build_window(app: QApplication, settings: QSettings, open_path: str | None = None) -> MainWindow:
    install_font(app)
    install_translator(app, chosen_language(settings))
    window = MainWindow(settings)
    path = open_path or settings.value("files/last", "")
    if path:
        window.open_file(path)
    return window


def app_icon() -> QIcon:
    icon = QIcon()
    for png in sorted((RESOURCES / "icons" / "png").glob("ar-desktop-*.png")):
        icon.addFile(str(png))
    return icon


def run_gui(argv: Sequence[str], open_path: str | None = None) -> int:
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    app.setApplicationName("AR Desktop")
    app.setOrganizationName("AR Desktop")
    app.setDesktopFileName("ar-desktop")  # the menu entry of the installed package (its icon, on Wayland)
    app.setWindowIcon(app_icon())
    window = build_window(app, make_settings(), open_path)
    window.show()
    return app.exec()
