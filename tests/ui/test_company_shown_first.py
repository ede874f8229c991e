"""Opening a company file shows the company at once, then fills the tabs: at the program's start the
storage layer (SQLAlchemy and the repositories) is imported off the GUI thread meanwhile. In this test
process it is loaded already, so each test marks one of the tab services as not yet loaded to take the
window's path of a cold start; tests/ui/test_first_screen.py runs the real one in a fresh process."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QThreadPool
from PySide6.QtWidgets import QMessageBox

from ar_desktop.clock import FixedClock
from ar_desktop.domain.errors import UserError
from ar_desktop.domain.text import Text, translate
from ar_desktop.services.company_file import open_company
from ar_desktop.storage import engine
from ar_desktop.ui import overview_tab, window_opening
from ar_desktop.ui.customers_tab import CustomersTab
from ar_desktop.ui.main_window import MainWindow
from tests.ui.conftest import UI_TODAY


@pytest.fixture
def cold(monkeypatch):
    """The window believes the tab services are not loaded yet: it imports them in a background task."""
    monkeypatch.setattr(window_opening, "TAB_SERVICES", (*window_opening.TAB_SERVICES, "ar_desktop.not_loaded_yet"))


@pytest.fixture
def company(demo_template, copy_company_file, tmp_path):
    return copy_company_file(demo_template, tmp_path / "company.ardb")


def _window(qtbot, settings) -> MainWindow:
    w = MainWindow(settings, FixedClock(UI_TODAY))
    qtbot.addWidget(w)
    return w


def _filled(w: MainWindow) -> bool:
    return w.customers.model is not None and w.customers.model.rowCount() > 0


def test_the_company_shows_first_then_its_tabs_fill(cold, qtbot, settings, company, monkeypatch):
    open_company(company, record_outcomes=False).close()  # closed cleanly: the next opening checks it in the background
    checks = []
    real_check = engine.BackgroundCheck
    monkeypatch.setattr(engine, "BackgroundCheck", lambda path: checks.append(path) or real_check(path))
    w = _window(qtbot, settings)
    assert w.open_file(company)
    # before the window is painted: the company by name, the Overview ready to compute, the other tabs greyed
    # out under "Opening …"
    assert w.windowTitle() == "Harbour Line Trading GmbH — AR Desktop"
    assert [w.tabs.isTabEnabled(i) for i in range(w.tabs.count())] == [True, False, False, False, False, False]
    assert w.overview.books is w.books
    assert w.statusBar().currentMessage() == "Opening Harbour Line Trading GmbH…"
    assert w.customers.model is None and w.invoices.model is None
    assert not w.findChild(type(w._file_actions[0]), "action_new_invoice").isEnabled()
    # the whole Overview comes first, today's actions and the credit reviews included: the storage layer's
    # import, the other tabs' lists and the file's integrity check wait for it
    ahead = []
    w.overview.ahead.connect(lambda: ahead.append((w.overview.figures is not None, w.overview.forecast is not None,
                                                   len(w.overview.trend), w.overview.actions is not None,
                                                   w.customers.model, len(checks), w.books.db.check_result())))
    w.show()
    qtbot.waitUntil(lambda: _filled(w), timeout=60_000)
    assert ahead == [(True, True, 12, True, None, 0, None)]
    assert w.tabs.isEnabled() and w.statusBar().currentMessage() == ""
    assert all(w.tabs.isTabEnabled(i) for i in range(w.tabs.count()))
    assert w.invoices.model.rowCount() > 0 and w.payments.model.rowCount() > 0
    assert all(a.isEnabled() for a in w._file_actions)
    assert checks == [w.books.db.path]
    qtbot.waitUntil(lambda: w.books.db.check_result() == [], timeout=60_000)
    w.close_file()


def test_the_other_tabs_load_once_the_whole_overview_is_painted(cold, qtbot, settings, company, monkeypatch):
    """The storage layer's import for the other tabs holds the GIL: it starts once the part of the Overview that
    arrived last is painted (a 0 ms timer fired before Qt's paint, and the import slowed the paint down)."""
    from PySide6.QtCore import QEvent, QObject

    paints: list[int] = []
    at: dict[str, int] = {}

    class Paints(QObject):
        def eventFilter(self, _obj, e):
            if e.type() == QEvent.Type.UpdateRequest:   # a paint of the window begins
                paints.append(1)
            return False

    real = window_opening._load_tab_services
    monkeypatch.setattr(window_opening, "_load_tab_services", lambda: (at.setdefault("load", len(paints)), real()))
    w = _window(qtbot, settings)
    counter = Paints(w)
    w.installEventFilter(counter)
    assert w.open_file(company)
    w.overview.ahead.connect(lambda: at.setdefault("ahead", len(paints)))
    w.show()
    qtbot.waitUntil(lambda: _filled(w), timeout=60_000)
    assert at["load"] > at["ahead"]
    w.close_file()


def test_the_overview_computes_its_figures_first_and_alone(qtbot, settings, company, monkeypatch):
    running, seen = set(), []
    real = overview_tab._figures

    def figures(*args):
        seen.append(set(running))
        running.add("figures")
        try:
            return real(*args)
        finally:
            running.discard("figures")

    def others(name, fn):
        def run(*args):
            seen.append((name, set(running)))
            running.add(name)
            try:
                return fn(*args)
            finally:
                running.discard(name)
        return run

    pool = QThreadPool.globalInstance()
    monkeypatch.setattr(overview_tab, "_figures", figures)
    monkeypatch.setattr(overview_tab, "_forecast", others("forecast", overview_tab._forecast))
    monkeypatch.setattr(overview_tab, "_actions", others("actions", overview_tab._actions))
    monkeypatch.setattr(overview_tab.kpi_service, "trend", others("trend", overview_tab.kpi_service.trend))
    threads = pool.maxThreadCount()
    pool.setMaxThreadCount(2)   # the 2 cores the program is measured on
    try:
        w = _window(qtbot, settings)
        w.show()
        assert w.open_file(company)
        o = w.overview
        qtbot.waitUntil(lambda: o.actions is not None and o.forecast is not None and len(o.trend) == 12,
                        timeout=60_000)
    finally:
        pool.setMaxThreadCount(threads)
    assert seen[0] == set()  # the figures first, nothing else of the Overview running
    assert all("figures" not in s for _name, s in seen[1:])
    names = [name for name, _s in seen[1:]]
    assert sorted(names) == ["actions", "forecast", "trend"]
    # the worklist, the longest, is not queued behind a chart: it starts with the trend, the forecast after one of
    # them ends (a pool thread notes its part as it begins: one that ended quickly may have started the forecast
    # before the other thread noted the trend, so the order of the notes alone proves nothing)
    running_at = dict(seen[1:])
    assert names.index("actions") < names.index("forecast")
    assert "forecast" not in running_at["actions"] | running_at["trend"]
    w.close_file()


def test_the_tabs_are_filled_once(cold, qtbot, settings, company, monkeypatch):
    reads, set_books = [], CustomersTab.set_books
    monkeypatch.setattr(CustomersTab, "set_books", lambda self, books: (reads.append(books), set_books(self, books)))
    w = _window(qtbot, settings)
    assert w.open_file(company)
    assert w.open_file(company)  # asked again while opening: the same file, not opened twice
    w.show()
    qtbot.waitUntil(lambda: _filled(w), timeout=60_000)
    qtbot.wait(300)
    assert reads == [w.books]
    w.close_file()


def test_the_status_line_says_the_overview_is_ready_while_the_other_tabs_load(cold, qtbot, settings, company,
                                                                            monkeypatch):
    """"Opening …" until the Overview is on screen; then, while the other tabs still load, that it is ready (in
    the window's language), and nothing once they are filled."""
    loading = []
    real_start = window_opening.CompanyOpening._start_opening_task
    monkeypatch.setattr(window_opening.CompanyOpening, "_start_opening_task",
                        lambda self: (loading.append(self.statusBar().currentMessage()), real_start(self)))
    w = _window(qtbot, settings)
    w.set_language("zh_CN")
    try:
        assert w.open_file(company)
        opening = w.statusBar().currentMessage()
        said = QCoreApplication.translate("MainWindow", "Opening {0}…").format("Harbour Line Trading GmbH")
        assert opening == said != "Opening Harbour Line Trading GmbH…"
        shown = []
        w.overview.ahead.connect(lambda: shown.append(w.statusBar().currentMessage()))
        w.show()
        qtbot.waitUntil(lambda: _filled(w), timeout=60_000)
        ready = QCoreApplication.translate("MainWindow", "{0}: the Overview is ready; the other tabs are still "
                                                         "loading…").format("Harbour Line Trading GmbH")
        assert ready.startswith("Harbour Line Trading GmbH") and "Overview" not in ready   # said in Chinese
        assert shown == [ready] and loading[-1] == ready
        assert w.statusBar().currentMessage() == ""
    finally:
        w.set_language("en")
        w.close_file()


def test_closing_while_opening_leaves_the_tabs_empty(cold, qtbot, settings, company):
    w = _window(qtbot, settings)
    assert w.open_file(company)
    w.show()
    w.close_file()  # before the tab services arrived (closing waits for the import, then drops it)
    qtbot.wait(200)
    assert w.books is None and w.customers.model is None
    assert w.windowTitle() == "AR Desktop" and w.statusBar().currentMessage() == ""
    assert w.tabs.isEnabled()
    assert w.open_file(company)  # and the file opens again, filled
    qtbot.waitUntil(lambda: _filled(w), timeout=60_000)
    w.close_file()


def test_another_language_while_opening(cold, qtbot, settings, company):
    w = _window(qtbot, settings)
    assert w.open_file(company)
    w.show()
    w.set_language("zh_CN")
    try:
        qtbot.waitUntil(lambda: _filled(w), timeout=60_000)
        assert w.tabs.tabText(1) == "客户" and w.tabs.isEnabled()
    finally:
        w.set_language("en")
        w.close_file()


def _answer(when_dialog_opens, seen: list) -> None:
    def handle(box):
        seen.append((box.windowTitle(), box.text()))
        box.button(QMessageBox.StandardButton.Ok).click()
    when_dialog_opens(handle, QMessageBox)


def test_a_file_that_cannot_be_opened_says_why_as_before(cold, qtbot, settings, tmp_path, when_dialog_opens):
    not_a_company = tmp_path / "notes.ardb"
    not_a_company.write_text("these are notes, not books " * 100)
    seen: list = []
    _answer(when_dialog_opens, seen)
    w = _window(qtbot, settings)
    w.show()
    assert not w.open_file(not_a_company)
    assert seen and seen[0][0] == "Cannot do that"
    assert w.books is None and w.windowTitle() == "AR Desktop"


def test_a_read_refused_while_filling_the_tabs_is_said(cold, qtbot, settings, company, monkeypatch,
                                                       when_dialog_opens):
    def refused(self, books):
        raise UserError(Text(translate("Messages", "The disk is full. Free some space, then do it again.")))

    monkeypatch.setattr(CustomersTab, "set_books", refused)
    seen: list = []
    _answer(when_dialog_opens, seen)
    w = _window(qtbot, settings)
    assert w.open_file(company)
    w.show()
    qtbot.waitUntil(lambda: bool(seen), timeout=60_000)
    assert seen[0] == ("Cannot do that", "The disk is full. Free some space, then do it again.")
    w.close_file()
