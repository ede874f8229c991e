"""The company profile: what letterheads and letters are built from."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit, QWidget

from ar_desktop.domain.money import KNOWN_CURRENCIES
from ar_desktop.domain.records import LIMITS, CompanyProfile
from ar_desktop.services.company_file import save_company_profile
from ar_desktop.services.context import Books
from ar_desktop.ui.dialogs.form import FormDialog, combo, line


class CompanyDialog(FormDialog):
    def __init__(self, parent: QWidget | None, books: Books, profile: CompanyProfile):
        super().__init__(parent, self.tr("Company profile"))
        p = profile
        self.add("legal_name", self.tr("Legal name"), line(p.legal_name, LIMITS["legal_name"]))
        address = QPlainTextEdit(p.address)
        address.setFixedHeight(56)
        self.add("address", self.tr("Street address"), address)
        self.add("postcode", self.tr("Postcode"), line(p.postcode, LIMITS["postcode"]))
        self.add("city", self.tr("City"), line(p.city, LIMITS["city"]))
        self.add("country", self.tr("Country"), line(p.country, 2, "DE, GB, US, CN…"))
        self.add("tax_id", self.tr("Registration / tax id"), line(p.tax_id, LIMITS["tax_id"]))
        self.add("phone", self.tr("Phone"), line(p.phone, LIMITS["phone"]))
        self.add("email", self.tr("E-mail"), line(p.email, LIMITS["email"]))
        self.add("bank_name", self.tr("Bank"), line(p.bank_name, LIMITS["bank_name"]))
        self.add("bank_account", self.tr("Account / IBAN"), line(p.bank_account, LIMITS["bank_account"]))
        self.add("bank_bic", self.tr("BIC / SWIFT"), line(p.bank_bic, LIMITS["bank_bic"]))
        self.add("currency", self.tr("Default currency"), combo([(c, c) for c in sorted(KNOWN_CURRENCIES)], p.currency))
        self.add("signer_name", self.tr("Letters signed by"), line(p.signer_name, LIMITS["signer_name"]))
        self.add("signer_title", self.tr("Signer's title"), line(p.signer_title, LIMITS["signer_title"]))
        self.on_save(lambda raw: save_company_profile(books, raw))
        self.resize(520, self.sizeHint().height())
