"""The main window: assembles the tabs and the File menu; every action forwards to a service."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QApplication, QCommandLinkButton, QFileDialog, QHBoxLayout, QInputDialog, QLabel,
                               QMainWindow, QMenu, QMenuBar, QMessageBox, QPushButton, QTabWidget, QVBoxLayout,
                               QWidget)

from ar_desktop import __version__
from ar_desktop.clock import Clock, SystemClock
from ar_desktop.services.company_file import (FILE_SUFFIX, company_profile, create_company, open_company,
                                               record_outcomes_on_open)
from ar_desktop.services.context import Books
from ar_desktop.ui import amounts
from ar_desktop.ui.cell_tips import explain_cut_off_cells
from ar_desktop.ui.collections_tab import CollectionsTab
from ar_desktop.ui.credit_tab import CreditTab
from ar_desktop.ui.data_actions import install_data_actions, restore_backup
from ar_desktop.ui.customer_picker import CustomerChoices, read_choices
from ar_desktop.ui.customers_tab import CustomersTab
from ar_desktop.ui.i18n import LANGUAGES, SETTING, chosen_language, error_text, render, switch_language
from ar_desktop.ui.invoices_tab import InvoicesTab
from ar_desktop.ui.letter_settings_actions import install_letter_settings_actions
from ar_desktop.ui.overview_tab import Navigate, OverviewTab
from ar_desktop.ui.messages import confirm, run_action, show_error
from ar_desktop.ui import tasks
from ar_desktop.ui.payments_tab import PaymentsTab
from ar_desktop.ui.screen import resize_to_fit
from ar_desktop.ui.tasks import BackgroundTask
from ar_desktop.ui.window_actions import install_work_actions

if TYPE_CHECKING:  # for annotations only: imported where used
    from ar_desktop.services.backups import DamagedFile

RECENT_KEY = "files/recent"
MAX_RECENT = 8
FILE_FILTER = QT_TRANSLATE_NOOP("MainWindow", "AR Desktop company (*.ardb);;All files (*)")
# What the tabs read the company file with (SQLAlchemy, the ORM, the repositories: a quarter to half a
# second of imports): loaded off the GUI thread while the window first shows, see MainWindow._use
TAB_SERVICES = ("ar_desktop.services.customers", "ar_desktop.services.invoicing", "ar_desktop.services.payments")


def _load_tab_services() -> None:
    from ar_desktop.services import customers, invoicing, payments  # noqa: F401  (TAB_SERVICES)


IMPORT_KINDS = {"customers": QT_TRANSLATE_NOOP("MainWindow", "customers"),
                "invoices": QT_TRANSLATE_NOOP("MainWindow", "invoices"),
                "payments": QT_TRANSLATE_NOOP("MainWindow", "payments")}


class MainWindow(QMainWindow):
    def __init__(self, settings: QSettings, clock: Clock | None = None):
        super().__init__()
        self.settings = settings
        self.clock = clock or SystemClock()
        self.books: Books | None = None
        self._opening: Books | None = None  # open, shown by name, its tabs not yet filled (see _use)
        self._opening_task: BackgroundTask | None = None  # imports the tab services, started after the first paint
        self._opening_waits = False  # ... or once the whole Overview is in (_overview_ahead)
        self._opening_long: BackgroundTask | None = None  # a big file's full check or upgrade (_open_in_background)
        self.import_result = None  # the dialog of the last import started from the menu (it stays open)
        self.language = chosen_language(settings)
        self.setWindowTitle("AR Desktop")
        self._build_tabs()
        self.empty = self._empty_state()
        self.setCentralWidget(self.empty)
        self.company_label = QLabel()
        self.statusBar().addPermanentWidget(self.company_label)
        self._build_menus()
        resize_to_fit(self, 1280, 760)  # a 1366×768 laptop included

    def _build_tabs(self) -> None:
        self.tabs = QTabWidget()
        self.overview = OverviewTab()
        self.customers = CustomersTab()
        self.customer_choices = CustomerChoices(self.tabs)  # one reading for both lists' customer filter
        self.invoices = InvoicesTab(choices=self.customer_choices)
        self.payments = PaymentsTab(choices=self.customer_choices)
        self.collections = CollectionsTab()
        self.credit = CreditTab()
        self.tabs.addTab(self.overview, self.tr("Overview"))
        self.tabs.addTab(self.customers, self.tr("Customers"))
        self.tabs.addTab(self.invoices, self.tr("Invoices"))
        self.tabs.addTab(self.payments, self.tr("Payments"))
        self.tabs.addTab(self.collections, self.tr("Collections"))
        self.tabs.addTab(self.credit, self.tr("Credit"))
        for tab in self._tab_pages():
            tab.changed.connect(lambda t=tab: self.data_changed(source=t))
        self.overview.navigate.connect(self.go_to)
        self.overview.ahead.connect(self._overview_ahead)

    def _tab_pages(self) -> tuple:
        return (self.overview, self.customers, self.invoices, self.payments, self.collections, self.credit)

    # -- menus --------------------------------------------------------------------------------
    def _action(self, menu, text: str, slot, shortcut=None, needs_file: bool = False) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        if needs_file:
            self._file_actions.append(action)
        return action

    def _build_menus(self) -> None:
        self._file_actions: list[QAction] = []
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        # Ctrl+N makes a new entry in the list in front (Entries menu), or a company when none is open
        self._action(file_menu, self.tr("&New company…"), self.new_file)
        self._action(file_menu, self.tr("&Open…"), self.open_dialog, QKeySequence.StandardKey.Open)
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        profile = self._action(file_menu, self.tr("Company &profile…"), self.edit_company, needs_file=True)
        imports = file_menu.addMenu(self.tr("&Import CSV"))
        for kind, label in (("customers", self.tr("Customers…")), ("invoices", self.tr("Invoices…")),
                            ("payments", self.tr("Payments…"))):
            self._action(imports, label, lambda _=False, k=kind: self.import_file(k), needs_file=True)
        file_menu.addSeparator()
        close_action = self._action(file_menu, self.tr("&Close company"), self.close_file,
                                    QKeySequence.StandardKey.Close, needs_file=True)
        self._action(file_menu, self.tr("&Quit"), self.close, QKeySequence("Ctrl+Q"))
        self._file_actions.extend(install_data_actions(self, file_menu, close_action).values())
        settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
        self._action(settings_menu, self.tr("Collection &ladder…"), self.edit_ladder, needs_file=True)
        self._action(settings_menu, self.tr("&Collections and credit…"), self.edit_collection_settings,
                     needs_file=True)
        self._action(settings_menu, self.tr("Credit &insurance policies…"), self.edit_policies, needs_file=True)
        self._action(settings_menu, self.tr("Credit &risk…"), self.edit_credit_settings, needs_file=True)
        install_letter_settings_actions(self, settings_menu)
        view = self.menuBar().addMenu(self.tr("&View"))
        self._action(view, self.tr("&Refresh"), self.data_changed, QKeySequence.StandardKey.Refresh, needs_file=True)
        lang = view.addMenu(self.tr("&Language"))
        for key, label in LANGUAGES.items():
            action = self._action(lang, label, lambda _=False, k=key: self.set_language(k))
            action.setCheckable(True)
            action.setChecked(key == self.language)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        install_work_actions(self, file_menu, view, help_menu, print_before=profile,
                             entries_before=settings_menu.menuAction())
        self._action(help_menu, self.tr("&About AR Desktop"), self.about)
        self._update_actions()

    def _update_actions(self) -> None:
        for a in self._file_actions:
            a.setEnabled(self.books is not None and self._opening is None)

    def _empty_state(self) -> QWidget:
        w = QWidget()
        layout = QVBoxLayout(w)
        layout.addStretch(1)
        text = QLabel(self.tr("No company file is open.\nCreate one for each company whose books you keep."))
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(text)
        row = QHBoxLayout()
        row.addStretch(1)
        for label, slot in ((self.tr("New company…"), self.new_file), (self.tr("Open…"), self.open_dialog)):
            b = QPushButton(label)
            b.clicked.connect(slot)
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)
        recent = self.recent_files()
        if recent:
            title = QLabel(self.tr("Recent company files"))
            title.setAlignment(Qt.AlignmentFlag.AlignCenter)
            title.setStyleSheet("font-weight: bold; margin-top: 18px;")
            layout.addWidget(title)
            self.recent_buttons = []
            for f in recent:
                path = Path(f)
                b = QCommandLinkButton(path.stem, str(path.parent))
                b.setObjectName("recent_file")
                b.setMaximumWidth(560)
                if path.exists():
                    b.clicked.connect(lambda _=False, p=f: self.open_file(p))
                else:
                    b.setEnabled(False)
                    b.setDescription(self.tr("{0} — not found (moved or on a drive not connected)").format(
                        str(path.parent)))
                line = QHBoxLayout()
                line.addStretch(1)
                line.addWidget(b)
                line.addStretch(1)
                layout.addLayout(line)
                self.recent_buttons.append(b)
        layout.addStretch(2)
        return w

    # -- company files ------------------------------------------------------------------------
    def recent_files(self) -> list[str]:
        value = self.settings.value(RECENT_KEY, [])
        return [value] if isinstance(value, str) else list(value or [])

    def _remember(self, path: Path) -> None:
        files = [str(path)] + [f for f in self.recent_files() if f != str(path)]
        self.settings.setValue(RECENT_KEY, files[:MAX_RECENT])

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for f in self.recent_files():
            action = self.recent_menu.addAction(f)
            action.triggered.connect(lambda _=False, p=f: self.open_file(p))
        if not self.recent_files():
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    def new_file(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New company"), self.tr("Company's legal name:"))
        if not ok or not name.strip():
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the new company file"),
                                              str(Path.home() / f"{name.strip()}{FILE_SUFFIX}"), self.tr(FILE_FILTER))
        if path:
            if not path.endswith(FILE_SUFFIX):
                path += FILE_SUFFIX
            ok, books = run_action(self, create_company, path, name.strip(), clock=self.clock)
            if ok:
                self._use(books)

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open company file"), str(Path.home()),
                                              self.tr(FILE_FILTER))
        if path:
            self.open_file(path)

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
                self.statusBar().showMessage(self.tr("Opening {0} was cancelled; the file was not changed.")
                                             .format(path.name))
            else:
                self.close_file()
                self._use(result)

        title = (self.tr("Checking {0}") if work == "check" else self.tr("Upgrading {0}")).format(path.name)
        self._opening_long = BackgroundTask(self, title, job, done, on_cancel=watch.cancel).start()

    def _offer_recovery(self, path: Path, error: DamagedFile) -> bool:
        """A damaged file is never written to; offer the latest good backup in its place."""
        if error.backup is None:
            show_error(self, error)
            return False
        if not confirm(self, self.tr("Damaged company file"),
                       self.tr("{0}\n\nRestore the latest good backup now? The damaged file is kept beside it.")
                       .format(error_text(error))):
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
        self.statusBar().showMessage(self.tr("Opening {0}…").format(profile.legal_name))

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

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self._opening_task is not None and not self._opening_waits:
            QTimer.singleShot(0, self._start_opening_task)  # once this paint pass has ended

    def _overview_ahead(self) -> None:
        if self._opening_task is not None and self._opening_waits:
            self._opening_waits = False
            QTimer.singleShot(0, self._start_opening_task)  # after the paint of what just arrived

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

    def edit_company(self) -> None:
        from ar_desktop.ui.dialogs.company_dialog import CompanyDialog

        if CompanyDialog(self, self.books, company_profile(self.books)).exec():
            profile = company_profile(self.books)
            self.setWindowTitle(f"{profile.legal_name} — AR Desktop")
            if amounts.style() != amounts.use_company(profile.country):
                self.data_changed()  # the lists again, in the new amount style

    def edit_ladder(self) -> None:
        from ar_desktop.ui.dialogs.ladder_dialog import LadderDialog

        if LadderDialog(self, self.books).exec():
            self.data_changed()

    def edit_policies(self) -> None:
        from ar_desktop.ui.dialogs.credit_dialogs import PoliciesDialog

        PoliciesDialog(self, self.books).exec()
        self.data_changed()

    def edit_credit_settings(self) -> None:
        from ar_desktop.ui.dialogs.credit_dialogs import CreditSettingsDialog

        if CreditSettingsDialog(self, self.books).exec():
            self.data_changed()

    def edit_collection_settings(self) -> None:
        from ar_desktop.ui.dialogs.collection_settings_dialog import CollectionSettingsDialog

        if CollectionSettingsDialog(self, self.books).exec():
            self.data_changed()

    def import_file(self, kind: str) -> BackgroundTask | None:
        what = self.tr(IMPORT_KINDS[kind])
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import {0} from CSV").format(what), str(Path.home()),
                                              self.tr("CSV or Excel (*.csv *.xlsx);;All files (*)"))
        return self.start_import(kind, path) if path else None

    def start_import(self, kind: str, path: str) -> BackgroundTask:
        """Import in the background; the result dialog shows what was imported, or why nothing was."""
        from ar_desktop.services.importing import import_file as import_records
        from ar_desktop.ui.dialogs.import_result_dialog import ImportResultDialog, reporting

        books = self.books

        def done(report) -> None:
            if report.ok:
                self.data_changed()
            self.import_result = ImportResultDialog(self, report)
            self.import_result.open()

        return BackgroundTask(self, self.tr("Importing {0}…").format(self.tr(IMPORT_KINDS[kind])),
                              reporting(kind, Path(path).name,
                                        lambda progress: import_records(books, kind, path, progress=progress)),
                              done).start()

    def data_changed(self, source=None) -> None:
        """Something was written: refresh the views (a tab that saved refreshes itself)."""
        if self.books is None:
            return
        if source is not self.customers:
            self.customers.reload()
        self.customer_choices.load(self.books)
        if source is not self.invoices:
            self.invoices.reload()
        if source is not self.payments:
            self.payments.reload()
        if source is not self.collections:
            self.collections.mark_stale()
        if source is not self.credit:
            self.credit.mark_stale()
        self.overview.mark_stale()

    def go_to(self, where: Navigate) -> None:
        """Show the list behind a figure of the Overview in its own tab (not yet while the tabs are filled)."""
        if self.books is None or self._opening is not None:
            return
        if where.tab == "invoices":
            self.invoices.show_filter(where.status, where.customer_id, where.issued_from, where.issued_to)
            self.tabs.setCurrentWidget(self.invoices)
        elif where.tab == "collections":
            self.tabs.setCurrentWidget(self.collections)
            self.collections.show_filter({"promises": "promised"}.get(where.filter_key, where.filter_key),
                                         where.customer_code or None)
        elif where.tab == "rates":
            from ar_desktop.ui.dialogs.rates_dialog import RatesDialog

            if RatesDialog(self, self.books).exec():
                self.data_changed()

    def set_language(self, key: str) -> None:
        """Switch the interface language at once, without a restart: the translator is replaced and
        the menus and tabs are built again (every label, menu and header is made by ``tr()`` as it is
        built), on the same company file and tab. Nothing is closed or saved."""
        self.settings.setValue(SETTING, key)
        self.language = key
        switch_language(QApplication.instance(), key)
        books, index = self.books, self.tabs.currentIndex()
        if books is not None:
            self._stop_work()
        old_tabs = self.tabs
        if self.centralWidget() is old_tabs:
            self.takeCentralWidget()
        old_tabs.deleteLater()
        self._build_tabs()
        # the menus and their actions, built again in the new language (setMenuBar deletes the old bar)
        for child in (*self.findChildren(QAction, options=Qt.FindChildOption.FindDirectChildrenOnly),
                      *self.findChildren(QMenu, options=Qt.FindChildOption.FindDirectChildrenOnly)):
            child.deleteLater()
        self.setMenuBar(QMenuBar())
        self._build_menus()
        if books is None:
            self.empty = self._empty_state()
            self.setCentralWidget(self.empty)
        else:
            self.books = None
            self._use(books)
            self.tabs.setCurrentIndex(index)

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About AR Desktop"),
                          self.tr("AR Desktop {0}\nReceivables and collections for bookkeepers.").format(__version__))

    def closeEvent(self, event) -> None:
        self.close_file()
        super().closeEvent(event)
