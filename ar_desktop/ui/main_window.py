"""The main window: assembles the tabs and the File menu; every action forwards to a service. Opening and closing
a company file is window_opening's."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QApplication, QCommandLinkButton, QFileDialog, QHBoxLayout, QInputDialog, QLabel,
                               QMainWindow, QMenu, QMenuBar, QMessageBox, QPushButton, QTabWidget, QVBoxLayout,
                               QWidget)

from ar_desktop import __version__
from ar_desktop.clock import Clock, SystemClock
from ar_desktop.services.company_file import FILE_SUFFIX, company_profile, create_company
from ar_desktop.services.context import Books
from ar_desktop.ui import amounts
from ar_desktop.ui.collections_tab import CollectionsTab
from ar_desktop.ui.credit_tab import CreditTab
from ar_desktop.ui.data_actions import install_data_actions
from ar_desktop.ui.customer_picker import CustomerChoices
from ar_desktop.ui.customers_tab import CustomersTab
from ar_desktop.ui.i18n import LANGUAGES, SETTING, chosen_language, switch_language
from ar_desktop.ui.invoices_tab import InvoicesTab
from ar_desktop.ui.letter_settings_actions import install_letter_settings_actions
from ar_desktop.ui.overview_tab import Navigate, OverviewTab
from ar_desktop.ui.messages import run_action
from ar_desktop.ui.payments_tab import PaymentsTab
from ar_desktop.ui.screen import resize_to_fit
from ar_desktop.ui.tasks import BackgroundTask
from ar_desktop.ui.window_actions import install_work_actions
from ar_desktop.ui.window_opening import CompanyOpening

RECENT_KEY = "files/recent"
MAX_RECENT = 8
FILE_FILTER = QT_TRANSLATE_NOOP("MainWindow", "AR Desktop company (*.ardb);;All files (*)")

IMPORT_KINDS = {"customers": QT_TRANSLATE_NOOP("MainWindow", "customers"),
                "invoices": QT_TRANSLATE_NOOP("MainWindow", "invoices"),
                "payments": QT_TRANSLATE_NOOP("MainWindow", "payments")}


class MainWindow(CompanyOpening, QMainWindow):
    def __init__(self, settings: QSettings, clock: Clock | None = None):
        super().__init__()
        self.settings = settings
        self.clock = clock or SystemClock()
        self.books: Books | None = None
        self._init_opening()
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
