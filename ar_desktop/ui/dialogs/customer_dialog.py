"""Add or edit a customer."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QWidget

from ar_desktop.domain.money import KNOWN_CURRENCIES
from ar_desktop.domain import limitation as lim
from ar_desktop.domain.records import LIMITS, CustomerData
from ar_desktop.domain.text import Text
from ar_desktop.services.context import Books
from ar_desktop.services.credit_checks import suggested_limit
from ar_desktop.services.customers import add_customer, update_customer
from ar_desktop.ui.dialogs.form import FormDialog, amount_line, combo, line
from ar_desktop.ui.dialogs.late_charges_dialog import RATE_RULE_KEYS, rule_items
from ar_desktop.ui.i18n import render
from ar_desktop.ui import amounts


class CustomerDialog(FormDialog):
    def __init__(self, parent: QWidget | None, books: Books, customer_id: int | None = None,
                 data: CustomerData | None = None, default_currency: str = "EUR"):
        super().__init__(parent, self.tr("Edit customer") if customer_id else self.tr("New customer"))
        d = data or CustomerData(code="", name="", currency=default_currency)
        self.add("code", self.tr("Code"), line(d.code, LIMITS["code"], self.tr("e.g. ACME01")))
        self.add("name", self.tr("Legal name"), line(d.name, LIMITS["name"]))
        self.add("contact", self.tr("Contact person"), line(d.contact, LIMITS["contact"]))
        address = QPlainTextEdit(d.address)
        address.setFixedHeight(60)
        self.add("address", self.tr("Street address"), address, self.tr("One or more lines"))
        self.add("postcode", self.tr("Postcode"), line(d.postcode, LIMITS["postcode"]))
        self.add("city", self.tr("City"), line(d.city, LIMITS["city"]))
        self.add("country", self.tr("Country"), line(d.country, 2, self.tr("ISO code, e.g. DE, GB, CN")))
        self.add("email", self.tr("E-mail"), line(d.email, LIMITS["email"]))
        self.add("phone", self.tr("Phone"), line(d.phone, LIMITS["phone"]))
        self.add("tax_id", self.tr("Registration / tax id"), line(d.tax_id, LIMITS["tax_id"]))
        limit = self.add("credit_limit", self.tr("Credit limit"),
                         amount_line(d.credit_limit, self.tr("empty = no limit"), d.currency))
        if customer_id is not None:
            self._suggest(books, d.code, limit)
        self.add("credit_class", self.tr("Credit class"),
                 combo([(self.tr("A – reliable"), "A"), (self.tr("B – normal"), "B"), (self.tr("C – watch"), "C")],
                       d.credit_class))
        self.add("terms", self.tr("Payment terms"), line(d.terms if d.discount_percent else str(d.terms_days), 20,
                                                        self.tr("e.g. 30, or 2/10 net 30")),
                 self.tr("Days to pay; '2/10 net 30' also gives 2 % off for payment within 10 days"))
        self.add("currency", self.tr("Currency"), combo([(c, c) for c in sorted(KNOWN_CURRENCIES)], d.currency))
        self.add("language", self.tr("Letter language"),
                 combo([(self.tr("English"), "en"), (self.tr("Chinese (Simplified)"), "zh")], d.language))
        rule = self.add("late_charge_rule", self.tr("Late charges"),
                        combo(rule_items(with_default=True), d.late_charge_rule or ""),
                        self.tr("Company default = the rule under Settings ▸ Late charges"))
        rate = self.add("late_charge_rate", self.tr("Late-charge rate (%)"),
                        line("" if d.late_charge_rate is None else f"{d.late_charge_rate}", 40,
                             self.tr("empty = the company's rate")),
                        self.tr("Contractual rules only: % per day or % per year as agreed, or tiers such as "
                                "0.05/30;0.08/60;0.1"))
        rule.currentIndexChanged.connect(lambda _i: rate.setEnabled(rule.currentData() in RATE_RULE_KEYS))
        rate.setEnabled(rule.currentData() in RATE_RULE_KEYS)
        jurisdictions = [(self.tr("From the company's country"), "")] + \
            [(render(Text(lim.JURISDICTION_NAMES[j])), j) for j in lim.JURISDICTIONS]
        self.add("limitation", self.tr("Limitation law"), combo(jurisdictions, d.limitation),
                 self.tr("Which country's limitation clock the invoices follow"))
        notes = QPlainTextEdit(d.notes)
        notes.setFixedHeight(60)
        self.add("notes", self.tr("Notes"), notes)
        hold = QCheckBox(self.tr("On hold (no new deliveries on credit)"))
        hold.setChecked(d.on_hold)
        self.add("on_hold", "", hold)
        retention = QCheckBox(self.tr("Goods delivered under retention of title (new invoices)"))
        retention.setChecked(d.retention_of_title)
        self.add("retention_of_title", "", retention)
        if customer_id is None:
            self.on_save(lambda raw: add_customer(books, _late_charge_fields(raw)))
        else:
            self.on_save(lambda raw: update_customer(books, customer_id, _late_charge_fields(raw)))
        self.resize(560, self.sizeHint().height())

    def _suggest(self, books: Books, code: str, limit_field) -> None:
        """The suggested limit beside the limit, with its arithmetic; taken only by a click."""
        suggested = suggested_limit(books, code)
        if suggested is None:
            return
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        text = QLabel(self.tr("Suggested: {0}").format(amounts.money(suggested.limit)))
        text.setToolTip(render(suggested.arithmetic()))
        text.setObjectName("suggested_limit")
        take = QPushButton(self.tr("Use it"))
        take.setObjectName("use_suggested_limit")
        take.clicked.connect(lambda: limit_field.setText(amounts.edit_text(suggested.limit)))
        layout.addWidget(text)
        layout.addWidget(take)
        layout.addStretch(1)
        self.form.addRow("", row)


def _late_charge_fields(raw: dict) -> dict:
    """A rate is kept only where it applies: the contractual rules, or the company default."""
    if raw.get("late_charge_rule") not in RATE_RULE_KEYS:
        raw = {**raw, "late_charge_rate": ""}
    return raw
