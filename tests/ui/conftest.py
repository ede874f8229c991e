"""GUI tests run headless on Qt's offscreen platform, on real company files, on a screen the
size of the bookkeeper's laptop (1366×768)."""

from __future__ import annotations

import os
from pathlib import Path

LAPTOP_SCREEN = Path(__file__).with_name("laptop-screen.json")
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={LAPTOP_SCREEN}"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

import datetime as dt  # noqa: E402
import gc  # noqa: E402
from collections.abc import Callable  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog  # noqa: E402

from ar_desktop.clock import FixedClock  # noqa: E402
from ar_desktop.services.demo import build_demo  # noqa: E402
from ar_desktop.ui import tasks  # noqa: E402
from ar_desktop.ui.main_window import MainWindow  # noqa: E402

UI_TODAY = dt.date(2026, 3, 31)


@pytest.fixture(autouse=True)
def no_task_outlives_its_test():
    """A worker still reading when the next test starts is how the suite once crashed."""
    yield
    assert tasks.wait_idle(), "a background task did not finish"
    gc.collect()  # the test's windows are freed here, on the GUI thread, not by a later worker


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    """The demo company, built once (about 3 s) and copied for each window test."""
    path = tmp_path_factory.mktemp("templates") / "demo.ardb"
    build_demo(path, FixedClock(UI_TODAY)).close()
    return path


@pytest.fixture
def window(qtbot, settings, tmp_path, demo_template, copy_company_file) -> MainWindow:
    path = copy_company_file(demo_template, tmp_path / "company.ardb")
    w = MainWindow(settings, FixedClock(UI_TODAY))
    qtbot.addWidget(w)
    assert w.open_file(path)
    w.show()
    yield w
    w.close_file()


@pytest.fixture
def when_dialog_opens(qtbot) -> Callable[[Callable[[QDialog], None]], None]:
    """Schedule ``handle(dialog)`` for the next modal dialog, then trigger what opens it."""

    def schedule(handle: Callable[[QDialog], None], kind: type | None = None) -> None:
        def poll():
            dialog = QApplication.activeModalWidget()
            if dialog is None or (kind is not None and not isinstance(dialog, kind)):
                QTimer.singleShot(20, poll)
                return
            handle(dialog)

        QTimer.singleShot(0, poll)

    return schedule
