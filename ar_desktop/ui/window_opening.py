"""Opening a company file in the main window, and closing it (MainWindow's part that does it, a mixin).

The window shows the company at once and its Overview first: the file is opened without waiting for its
integrity check (held until the other tabs are filled: ``Database.hold_check``), the Overview computes on
the plain SQL connection (no SQLAlchemy), and only once the whole Overview is painted does a background task
import the storage layer and read the customer filter for the other tabs, which are greyed out meanwhile.
A big file that must be checked fully or upgraded first opens behind a progress dialog with Cancel; a
damaged one is never written to, and the latest good backup is offered in its place.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer

from ar_desktop.services.company_file import company_profile, open_company, record_outcomes_on_open
from ar_desktop.services.context import Books
from ar_desktop.ui import amounts, tasks
from ar_desktop.ui.cell_tips import explain_cut_off_cells
from ar_desktop.ui.customer_picker import read_choices
from ar_desktop.ui.data_actions import restore_backup
from ar_desktop.ui.i18n import error_text
from ar_desktop.ui.messages import confirm, show_error
from ar_desktop.ui.tasks import BackgroundTask

if TYPE_CHECKING:  # for annotations only: imported where used
    from ar_desktop.services.backups import DamagedFile

translate = QCoreApplication.translate   # the window's strings keep its context, "MainWindow"
# What the tabs read the company file with (SQLAlchemy, the ORM, the repositories: a quarter to half a
# second of imports): loaded off the GUI thread once the Overview is on screen, see CompanyOpening._use
TAB_SERVICES = ("ar_desktop.services.customers", "ar_desktop.services.invoicing", "ar_desktop.services.payments")
# when the whole Overview is in but no paint follows (the window hidden), the tab services' import starts anyway
_UNPAINTED_MS = 200


def _load_tab_services() -> None:
    from ar_desktop.services import customers, invoicing, payments  # noqa: F401  (TAB_SERVICES)


class CompanyOpening:
    """MainWindow's opening and closing of company files: ``open_file``, ``close_file`` and what the window
    does meanwhile (its tabs, status bar, actions and settings are the window's)."""

    def _init_opening(self) -> None:
        self._opening: Books | None = None  # open, shown by name, its tabs not yet filled (see _use)
        self._opening_name = ""  # its company's name, for the status line meanwhile
        self._opening_task: BackgroundTask | None = None  # imports the tab services, started after the first paint
        self._opening_waits = False  # ... or once the whole Overview is painted (_overview_ahead)
        self._opening_long: BackgroundTask | None = None  # a big file's full check or upgrade (_open_in_background)

    def open_file(self, path: str | Path) -> bool:
        """Open ``path`` and show it; False when it could not be opened (said to the user). A big file that
        must be checked fully or upgraded first opens behind a progress dialog with Cancel: True then means
        the opening has started (``self.books`` is set when it is done)."""
        from ar_desktop.services.backups import DamagedFile

        if self.books is not None and Path(path).resolve() == self.books.db.path:
            return True
        if self._opening_long is not None:
            return False
        from ar_desktop.storage.opening import long_opening

        work = long_opening(path)
        if work is not None:
            self._open_in_background(Path(path), work)
            return True
        try:
            # the outcomes are recorded once checked, the check started when the tabs are filled (_fill_tabs):
            # at the program's start its thread would take turns with the window's first paint
            books = open_company(path, clock=self.clock, record_outcomes=False, reading=True)
        except DamagedFile as e:
            return self._offer_recovery(Path(path), e)
        except Exception as e:  # noqa: BLE001 - every failure to open is shown
            show_error(self, e)
            return False
        self.close_file()
        self._use(books)
        return True

    def _open_in_background(self, path: Path, work: str) -> None:
        """The full check (a file not closed cleanly) or the upgrade of a big file, off the GUI thread: its
        steps in a progress dialog, Cancel leaving the file as it was (storage.opening)."""
        from ar_desktop.services.backups import DamagedFile
        from ar_desktop.storage.opening import OpeningCancelled, OpeningWatch

        watch = OpeningWatch()

        def job(progress) -> object:
            watch.report = lambda text, done, total: progress.report(done, total, text)
            try:
                return open_company(path, clock=self.clock, record_outcomes=False, reading=True, watch=watch)
            except DamagedFile as e:
                return e
            except OpeningCancelled:
                return watch

        def done(result: object) -> None:
            self._opening_long = None
            if isinstance(result, DamagedFile):
                self._offer_recovery(path, result)
            elif result is watch:
                self.statusBar().showMessage(translate("MainWindow",
                                                       "Opening {0} was cancelled; the file was not changed.")
                                             .format(path.name))
            else:
                self.close_file()
                self._use(result)

        title = translate("MainWindow", "Checking {0}") if work == "check" else translate("MainWindow", "Upgrading {0}")
        title = title.format(path.name)
        self._opening_long = BackgroundTask(self, title, job, done, on_cancel=watch.cancel).start()

    def _offer_recovery(self, path: Path, error: DamagedFile) -> bool:
        """A damaged file is never written to; offer the latest good backup in its place."""
        if error.backup is None:
            show_error(self, error)
            return False
        question = translate("MainWindow",
                             "{0}\n\nRestore the latest good backup now? The damaged file is kept beside it.")
        if not confirm(self, translate("MainWindow", "Damaged company file"), question.format(error_text(error))):
            return False
        return restore_backup(self, error.backup, target=path.expanduser().resolve())

    def _use(self, books: Books) -> None:
        """Show the open file: its name in the title at once (read in plain SQL), the Overview computing (it
        needs no SQLAlchemy), the other tabs filled with their lists once the storage layer is loaded. At the
        program's start that import (SQLAlchemy and the repositories) runs off the GUI thread after the whole
        Overview is on screen, today's actions included (it would hold the GIL against them), so the window shows
        the company first, the other tabs greyed out under "Opening …", and stays painted and responsive
        meanwhile. The file's integrity check (which holds writes back) starts with the other tabs."""
        self.books = books
        tasks.interrupt_reads_with(books.db.interrupt_reads)   # cancelling a task stops its reads at once
        self._remember(books.db.path)
        self.settings.setValue("files/last", str(books.db.path))
        self.setCentralWidget(self.tabs) if self.centralWidget() is not self.tabs else None
        profile = company_profile(books)
        self.setWindowTitle(f"{profile.legal_name} — AR Desktop")
        self.company_label.setText(str(books.db.path))
        self._opening = books
        books.db.hold_check()  # started when the tabs are filled (_fill_tabs), not by the Overview's worklist
        self._watch_integrity_check(books)
        amounts.use_company(profile.country)  # before the tabs read: every amount in the company's style
        self.overview.set_books(books)  # computes when shown: now, or at the window's first show
        if set(TAB_SERVICES) <= sys.modules.keys():
            self._fill_tabs(books)
            return
        self._update_actions()
        for i in range(self.tabs.count()):
            self.tabs.setTabEnabled(i, self.tabs.widget(i) is self.overview)
        self.setCursor(Qt.CursorShape.BusyCursor)
        self._opening_name = profile.legal_name
        self.statusBar().showMessage(translate("MainWindow", "Opening {0}…").format(profile.legal_name))

        def loaded(choices: list | None) -> None:
            try:
                self._fill_tabs(books, choices)
            except Exception as e:  # noqa: BLE001 - a read the disk refused: said as when opening
                show_error(self, e)

        def load(_progress) -> list | None:
            _load_tab_services()
            try:  # the customer filter's 10,000 entries: 0.3 s the GUI thread need not wait
                return read_choices(books)
            except Exception:  # noqa: BLE001 - read again when the tabs are filled, which says why it failed
                return None

        self._opening_task = BackgroundTask(self, "", load, loaded, quiet=True)
        # started once the whole Overview is in (_overview_ahead); when another tab is in front,
        # after the window's first paint (paintEvent): an import meanwhile would hold the GIL against it
        self._opening_waits = self.tabs.currentWidget() is self.overview
        if self.isVisible() and not self._opening_waits:
            self._start_opening_task()

    def event(self, e) -> bool:
        handled = super().event(e)
        if e.type() == QEvent.Type.UpdateRequest:   # a paint of the window's widgets has ended
            self._painted()
        return handled

    def paintEvent(self, event) -> None:   # the first paint comes by the window's exposure, not an UpdateRequest
        super().paintEvent(event)
        self._painted()

    def _painted(self) -> None:
        if self._opening_task is not None and not self._opening_waits:
            QTimer.singleShot(0, self._start_opening_task)  # once this paint pass has ended

    def _overview_ahead(self) -> None:
        """The whole Overview is in: the tab services' import starts once it is painted (the next paint: a
        timer of 0 ms fires before Qt paints, and the import would hold the GIL against the paint), or in a
        moment if no paint comes (the window hidden)."""
        if self._opening is not None and self._opening is self.books:   # usable now: say so, not "Opening …"
            self.statusBar().showMessage(translate("MainWindow", "{0}: the Overview is ready; the other tabs are "
                                                                 "still loading…").format(self._opening_name))
        task = self._opening_task
        if task is not None and self._opening_waits:
            self._opening_waits = False
            # (that task only: a file opened again meanwhile, as by a switch of language, waits for its own Overview)
            QTimer.singleShot(_UNPAINTED_MS, self,
                              lambda: self._start_opening_task() if self._opening_task is task else None)

    def _start_opening_task(self) -> None:
        task, self._opening_task = self._opening_task, None
        if task is not None:
            task.start()

    def _fill_tabs(self, books: Books, choices: list | None = None) -> None:
        """The other tabs' lists, with the customer filter's ``choices`` when they were read already."""
        if self._opening is not books:  # closed (or another file opened) meanwhile
            return
        self._end_opening()
        books.db.start_check()
        self.customer_choices.show_choices(read_choices(books) if choices is None else choices)
        for tab in self._tab_pages():
            if tab is not self.overview:  # given the file in _use
                tab.set_books(books)
        explain_cut_off_cells(self.tabs)  # every list, the Overview's and the Credit tab's included
        self._update_actions()

    def _end_opening(self) -> None:
        self._opening_task = None
        if self._opening is not None:
            self._opening = None
            for i in range(self.tabs.count()):
                self.tabs.setTabEnabled(i, True)
            self.unsetCursor()
            self.statusBar().clearMessage()

    def _watch_integrity_check(self, books: Books) -> None:
        """A file opened without waiting is checked in the background; if that finds damage, say so at once
        (writes are already held) and offer the latest good backup. Once it passes, the opening step records
        what became of promises and plans (here, so that opening never waits for the check)."""
        timer = QTimer(self)
        timer.setInterval(200)

        def poll() -> None:
            if self._opening is books:  # the outcomes are recorded on filled tabs
                return
            from ar_desktop.services.backups import DamagedFile, latest_good_backup

            result = books.db.check_result() if self.books is books else []
            if result is None:
                return
            timer.stop()
            timer.deleteLater()
            if not result and self.books is books and record_outcomes_on_open(books):
                self.collections._show_history()  # the new events; every list already shows the outcomes
            if result:
                path = books.db.path
                self.close_file()
                self._offer_recovery(path, DamagedFile(path, result, latest_good_backup(path)))

        timer.timeout.connect(poll)
        timer.start()

    def close_file(self) -> None:
        if self.books is None:
            return
        self._stop_work()
        tasks.interrupt_reads_with(None)
        self.books.close()
        self.books = None
        amounts.use_company("")  # no company file: the plain style
        self.takeCentralWidget()
        self.empty = self._empty_state()
        self.setCentralWidget(self.empty)
        self.setWindowTitle("AR Desktop")
        self.company_label.clear()
        self._update_actions()

    def _stop_work(self) -> None:
        """The tabs stop their background work on the open file (it is closed, or handed to tabs
        built again, next)."""
        self._end_opening()  # tabs not yet filled stay empty
        self.collections.detach()
        self.overview.detach()
        self.credit.detach()
        # The workers may still be reading this file (a restore replaces it next): their reads are
        # interrupted (SQLite's interrupt, reads only), so closing a big file does not wait for them
        tasks.cancel_all()
        tasks.wait_idle()
