"""Settings ▸ Letter wording: the text of each letter template per language, with its placeholders."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QListWidget,
                               QListWidgetItem, QPlainTextEdit, QPushButton, QSplitter, QVBoxLayout, QWidget)

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.letters import load_template
from ar_desktop.services import letters
from ar_desktop.services.context import Books
from ar_desktop.ui.messages import confirm, run_action
from ar_desktop.ui.pdf_preview import PdfPreview
from ar_desktop.ui.screen import keep_on_screen

LANGUAGE_ITEMS = (("English", "en"), ("简体中文", "zh"))
TEMPLATE_LABELS = {
    "courtesy_reminder": QT_TRANSLATE_NOOP("TemplateDialog", "Courtesy note (before the due date)"),
    "reminder": QT_TRANSLATE_NOOP("TemplateDialog", "Reminder"),
    "demand_letter": QT_TRANSLATE_NOOP("TemplateDialog", "Demand letter"),
    "final_notice": QT_TRANSLATE_NOOP("TemplateDialog", "Final notice"),
    "legal_notice": QT_TRANSLATE_NOOP("TemplateDialog", "Notice before legal action"),
    "agency_notice": QT_TRANSLATE_NOOP("TemplateDialog", "Notice of hand-over to a collection agency"),
}
PLACEHOLDER_HELP = {
    "customer_name": QT_TRANSLATE_NOOP("TemplateDialog", "customer's legal name"),
    "customer_contact": QT_TRANSLATE_NOOP("TemplateDialog", "customer's contact person (or its name)"),
    "company_name": QT_TRANSLATE_NOOP("TemplateDialog", "your company's legal name"),
    "company_phone": QT_TRANSLATE_NOOP("TemplateDialog", "your phone number"),
    "company_email": QT_TRANSLATE_NOOP("TemplateDialog", "your e-mail address"),
    "contact_person": QT_TRANSLATE_NOOP("TemplateDialog", "your contact person"),
    "signer_name": QT_TRANSLATE_NOOP("TemplateDialog", "who signs the letter"),
    "signer_title": QT_TRANSLATE_NOOP("TemplateDialog", "the signer's position"),
    "total": QT_TRANSLATE_NOOP("TemplateDialog", "total claimed (invoices + charges)"),
    "total_words": QT_TRANSLATE_NOOP("TemplateDialog", "total claimed in Chinese capital numerals"),
    "invoices_open": QT_TRANSLATE_NOOP("TemplateDialog", "open invoice amounts"),
    "charges_total": QT_TRANSLATE_NOOP("TemplateDialog", "late charges (interest + fixed sums)"),
    "currency": QT_TRANSLATE_NOOP("TemplateDialog", "currency code, e.g. EUR"),
    "deadline": QT_TRANSLATE_NOOP("TemplateDialog", "payment deadline"),
    "letter_date": QT_TRANSLATE_NOOP("TemplateDialog", "date of the letter"),
    "next_step": QT_TRANSLATE_NOOP("TemplateDialog", "what happens if unpaid (from the ladder)"),
    "contract_ref": QT_TRANSLATE_NOOP("TemplateDialog", "contract / order references"),
    "reference": QT_TRANSLATE_NOOP("TemplateDialog", "letter reference"),
    "invoice_count": QT_TRANSLATE_NOOP("TemplateDialog", "number of overdue invoices"),
    "oldest_due_date": QT_TRANSLATE_NOOP("TemplateDialog", "due date of the oldest invoice"),
    "bank_name": QT_TRANSLATE_NOOP("TemplateDialog", "your bank"),
    "iban": QT_TRANSLATE_NOOP("TemplateDialog", "your IBAN / account number"),
    "bic": QT_TRANSLATE_NOOP("TemplateDialog", "your BIC / SWIFT"),
}
NAME_ROLE = Qt.ItemDataRole.UserRole


class TemplateDialog(QDialog):
    def __init__(self, parent: QWidget | None, books: Books, language: str = "en", template: str = "reminder"):
        super().__init__(parent)
        keep_on_screen(self)  # fits the screen; cut-off cells readable on hover
        self.books = books
        self.setWindowTitle(self.tr("Letter wording"))
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.language_box = QComboBox()
        for label, key in LANGUAGE_ITEMS:
            self.language_box.addItem(label, key)
        self.template_box = QComboBox()
        for key, label in TEMPLATE_LABELS.items():
            self.template_box.addItem(self.tr(label), key)
        top.addWidget(QLabel(self.tr("Language")))
        top.addWidget(self.language_box)
        top.addSpacing(12)
        top.addWidget(QLabel(self.tr("Letter")))
        top.addWidget(self.template_box)
        top.addStretch(1)
        self.state = QLabel()
        self.state.setObjectName("wording_state")
        top.addWidget(self.state)
        layout.addLayout(top)
        hint = QLabel(self.tr("Paragraphs are separated by a blank line. Placeholders such as $customer_name are "
                              "filled in for each letter; write $$ for a dollar sign. The invoice table, late "
                              "charges, bank details and signature are added below the text automatically."))
        hint.setWordWrap(True)
        hint.setEnabled(False)
        layout.addWidget(hint)
        splitter = QSplitter()
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("wording")
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        splitter.addWidget(self.editor)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(QLabel(self.tr("Placeholders (double-click to insert)")))
        self.placeholders = QListWidget()
        self.placeholders.itemDoubleClicked.connect(self._insert)
        side_layout.addWidget(self.placeholders)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([530, 390])
        layout.addWidget(splitter, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.restore_button = QPushButton(self.tr("Restore shipped wording"))
        self.preview_button = QPushButton(self.tr("Preview…"))
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).clicked.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore)
        self.preview_button.clicked.connect(self.preview)
        layout.addWidget(self.buttons)
        self._loaded = ""
        self._shown = (language, template)
        self.language_box.setCurrentIndex(max(self.language_box.findData(language), 0))
        self.template_box.setCurrentIndex(max(self.template_box.findData(template), 0))
        self.language_box.currentIndexChanged.connect(lambda _i: self._switch())
        self.template_box.currentIndexChanged.connect(lambda _i: self._switch())
        self.load()
        self.resize(940, 620)

    # -- what is shown ------------------------------------------------------------------------
    @property
    def language(self) -> str:
        return self.language_box.currentData()

    @property
    def template(self) -> str:
        return self.template_box.currentData()

    def text(self) -> str:
        return self.editor.toPlainText()

    def is_modified(self) -> bool:
        return self.text() != self._loaded

    def load(self) -> None:
        ok, text = run_action(self, letters.template_text, self.books, self.language, self.template)
        self._loaded = text if ok else ""
        self._shown = (self.language, self.template)
        self.editor.setPlainText(self._loaded)
        self._fill_placeholders()
        self._show_state()

    def _show_state(self) -> None:
        edited = self._is_edited()
        self.state.setText(self.tr("Your own wording") if edited else self.tr("Shipped wording"))
        self.restore_button.setEnabled(edited)

    def _is_edited(self) -> bool:
        """Whether the stored wording differs from the shipped text (then it can be restored)."""
        try:
            return self._loaded != load_template(self.language, self.template)
        except UserError:  # a missing shipped file only affects this label
            return True

    def _fill_placeholders(self) -> None:
        self.placeholders.clear()
        ok, names = run_action(self, letters.template_placeholders, self.language)
        for name in names if ok else ():
            help_text = PLACEHOLDER_HELP.get(name)
            item = QListWidgetItem(f"${name}" + (f" – {self.tr(help_text)}" if help_text else ""))
            item.setData(NAME_ROLE, name)
            self.placeholders.addItem(item)

    def _insert(self, item: QListWidgetItem) -> None:
        self.editor.insertPlainText(f"${{{item.data(NAME_ROLE)}}}")
        self.editor.setFocus()

    def _switch(self) -> None:
        if self.is_modified() and not confirm(self, self.tr("Unsaved wording"),
                                              self.tr("Discard the changes to the wording shown?")):
            for box, value in ((self.language_box, self._shown[0]), (self.template_box, self._shown[1])):
                box.blockSignals(True)
                box.setCurrentIndex(box.findData(value))
                box.blockSignals(False)
            return
        self.load()

    # -- actions --------------------------------------------------------------------------------
    def save(self) -> bool:
        ok, _ = run_action(self, letters.set_template_text, self.books, self.language, self.template, self.text())
        if ok:
            self._loaded = self.text()
            self._show_state()
        return ok

    def restore(self) -> bool:
        if not confirm(self, self.tr("Restore shipped wording"),
                       self.tr("Replace your wording of this letter with the text shipped with AR Desktop? "
                               "Letters already issued keep their text.")):
            return False
        ok, _ = run_action(self, letters.set_template_text, self.books, self.language, self.template, None)
        if ok:
            self.load()
        return ok

    def preview(self) -> PdfPreview | None:
        ok, data = run_action(self, letters.preview_template, self.books, self.language, self.template, self.text())
        if not ok:
            return None
        dialog = PdfPreview(self, data, self.tr("Sample letter – {0}").format(self.template_box.currentText()))
        dialog.exec()
        return dialog

    def reject(self) -> None:
        if self.is_modified() and not confirm(self, self.tr("Unsaved wording"),
                                              self.tr("Close without saving the changes to the wording?")):
            return
        super().reject()
