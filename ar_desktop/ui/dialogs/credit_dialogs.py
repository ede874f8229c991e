"""Dialogs of credit risk: policies, insured limits, insurer events, acknowledgements, credit
checks and the credit-risk settings. Each hands raw text to its service and shows problems."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QPlainTextEdit,
                               QPushButton, QTableView, QVBoxLayout, QWidget)

from ar_desktop.domain import insurance as ins
from ar_desktop.domain.credit_check import DECISION_NAMES, DECISIONS, SOURCE_NAMES, SOURCES, NewCustomerCap
from ar_desktop.domain.text import Text, translate
from ar_desktop.domain.errors import UserError
from ar_desktop.services import credit_checks, insurance, limitation
from ar_desktop.services.context import Books
from ar_desktop.services.credit_settings import CreditRiskSettings, credit_risk_settings, set_credit_risk_settings
from ar_desktop.ui.read_only_table import read_only_table
from ar_desktop.ui.rows_model import RowColumn, RowsModel
from ar_desktop.ui.dialogs.form import FormDialog, amount_line, combo, date_edit, line
from ar_desktop.ui.i18n import name_of, render
from ar_desktop.ui.table_models import money_text
from ar_desktop.ui.screen import keep_on_screen, resize_to_table
from ar_desktop.ui import amounts


def _d(value) -> str:
    return value.isoformat() if value else ""


def _optional_date(dialog: FormDialog, key: str, label: str, check_text: str, value: dt.date | None,
                   default: dt.date) -> None:
    """A date that may be left out: a tick box switches the date field on."""
    box = QCheckBox(check_text)
    box.setChecked(value is not None)
    dialog.add(f"has_{key}", label, box)
    edit = dialog.add(key, "", date_edit(value or default))
    edit.setEnabled(value is not None)
    box.toggled.connect(edit.setEnabled)


def _table(model) -> QTableView:
    t = read_only_table(model)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # headings whole
    t.horizontalHeader().setStretchLastSection(True)
    return t


# --- policies ------------------------------------------------------------------------------------------

class PolicyDialog(FormDialog):
    def __init__(self, parent: QWidget | None, books: Books, info: insurance.PolicyInfo | None = None):
        super().__init__(parent, self.tr("Edit policy") if info else self.tr("New credit insurance policy"))
        p = info.policy if info else None
        self.add("insurer", self.tr("Insurer"), line(p.insurer if p else "", 100, self.tr("e.g. Allianz Trade")))
        self.add("number", self.tr("Policy number"), line(p.number if p else "", 100))
        self.add("indemnity", self.tr("Indemnity (%)"), line(f"{p.indemnity_percent}" if p else "90", 8))
        self.add("max_extension", self.tr("Maximum extension period (days after due date)"),
                 line(str(p.max_extension_days) if p else "60", 4))
        self.add("notify_within", self.tr("Notify the insurer within (days after it)"),
                 line(str(p.notify_within_days) if p else "30", 4))
        self.add("transfer_within", self.tr("Transfer collection within (days after it)"),
                 line(str(p.transfer_within_days) if p else "90", 4))
        self.add("max_credit_days", self.tr("Maximum credit terms (days)"),
                 line("" if p is None or p.max_credit_days is None else str(p.max_credit_days), 4,
                      self.tr("empty = no maximum")))
        self.add("discretionary", self.tr("Discretionary limit"),
                 line("" if p is None or p.discretionary_limit is None else f"{p.discretionary_limit}", 0,
                      self.tr("the largest limit you may set yourself; empty = none")))
        fields = ("insurer", "number", "indemnity", "max_extension", "notify_within", "transfer_within",
                  "max_credit_days", "discretionary")
        if info is None:
            self.on_save(lambda raw: insurance.add_policy(books, *(raw[k] for k in fields)))
        else:
            self.on_save(lambda raw: insurance.update_policy(books, info.id, *(raw[k] for k in fields)))
        self.resize(560, self.sizeHint().height())


class PoliciesDialog(QDialog):
    def __init__(self, parent: QWidget | None, books: Books):
        super().__init__(parent)
        keep_on_screen(self)  # fits the screen; cut-off cells readable on hover
        self.books = books
        self.setWindowTitle(self.tr("Credit insurance policies"))
        self.model = RowsModel([
            RowColumn(QT_TRANSLATE_NOOP("PoliciesDialog", "Insurer"), lambda r: r.policy.insurer, context="PoliciesDialog"),
            RowColumn(QT_TRANSLATE_NOOP("PoliciesDialog", "Policy number"), lambda r: r.policy.number, context="PoliciesDialog"),
            RowColumn(QT_TRANSLATE_NOOP("PoliciesDialog", "Indemnity (%)"), lambda r: r.policy.indemnity_percent, "int", "PoliciesDialog"),
            RowColumn(QT_TRANSLATE_NOOP("PoliciesDialog", "Max. extension"), lambda r: r.policy.max_extension_days, "int", "PoliciesDialog"),
            RowColumn(QT_TRANSLATE_NOOP("PoliciesDialog", "Notify within"), lambda r: r.policy.notify_within_days, "int", "PoliciesDialog"),
            RowColumn(QT_TRANSLATE_NOOP("PoliciesDialog", "Transfer within"), lambda r: r.policy.transfer_within_days, "int", "PoliciesDialog"),
            RowColumn(QT_TRANSLATE_NOOP("PoliciesDialog", "Max. terms"), lambda r: r.policy.max_credit_days, "int", "PoliciesDialog"),
            RowColumn(QT_TRANSLATE_NOOP("PoliciesDialog", "Discretionary limit"), lambda r: r.policy.discretionary_limit, "money", "PoliciesDialog")], parent=self)
        self.table = _table(self.model)
        add, edit = QPushButton(self.tr("Add…")), QPushButton(self.tr("Edit…"))
        add.clicked.connect(self.add_policy)
        edit.clicked.connect(self.edit_policy)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.accept)
        row = QHBoxLayout()
        for b in (add, edit):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row)
        self.reload()
        resize_to_table(self, self.table, 900, 320)

    def reload(self) -> None:
        self.model.set_rows(insurance.policies(self.books))

    def add_policy(self) -> None:
        if PolicyDialog(self, self.books).exec():
            self.reload()

    def edit_policy(self) -> None:
        idx = self.table.currentIndex()
        if idx.isValid() and PolicyDialog(self, self.books, self.model.rows[idx.row()]).exec():
            self.reload()


# --- insured limits and insurer events --------------------------------------------------------------------

class InsuredLimitDialog(FormDialog):
    """The insurer's decision on a customer's limit, above the history of earlier decisions."""

    def __init__(self, parent: QWidget | None, books: Books, code: str, name: str):
        super().__init__(parent, self.tr("Insured limit — {0}").format(name))
        history = RowsModel([
            RowColumn(QT_TRANSLATE_NOOP("InsuredLimitDialog", "Decided"), lambda r: r.decision.valid_from, "date", "InsuredLimitDialog"),
            RowColumn(QT_TRANSLATE_NOOP("InsuredLimitDialog", "Limit"), lambda r: r.decision.limit, "money", "InsuredLimitDialog"),
            RowColumn(QT_TRANSLATE_NOOP("InsuredLimitDialog", "Until"), lambda r: r.decision.valid_until, "date", "InsuredLimitDialog"),
            RowColumn(QT_TRANSLATE_NOOP("InsuredLimitDialog", "Policy"), lambda r: r.policy_number, context="InsuredLimitDialog"),
            RowColumn(QT_TRANSLATE_NOOP("InsuredLimitDialog", "Insurer's reference"), lambda r: r.decision.reference, context="InsuredLimitDialog")], parent=self)
        history.set_rows(insurance.limit_history(books, code))
        table = _table(history)
        table.setFixedHeight(120)
        self.layout().insertWidget(0, QLabel(self.tr("Decisions so far (the latest in force counts):")))
        self.layout().insertWidget(1, table)
        policies = insurance.policies(books)
        self.add("policy", self.tr("Policy"), combo([(f"{p.policy.number} – {p.policy.insurer}", p.policy.number)
                                                    for p in policies]))
        self.add("limit", self.tr("Insured limit"), amount_line(None, self.tr("0 = the insurer withdrew the cover")))
        self.add("valid_from", self.tr("Decision date"), date_edit(books.today()))
        _optional_date(self, "until", self.tr("Limited in time"), self.tr("The limit ends on:"), None, books.today())
        self.add("reference", self.tr("Insurer's reference"),
                 line("", 100, self.tr("empty only for a limit within the discretionary limit")))
        self.on_save(lambda raw: insurance.insure(books, code, raw["limit"], raw["valid_from"],
                                                  raw["until"] if raw["has_until"] else None, raw["reference"],
                                                  raw["policy"] or None))
        self.resize(620, self.sizeHint().height())


class InsurerEventDialog(FormDialog):
    def __init__(self, parent: QWidget | None, books: Books, code: str, name: str, kind: str | None = None):
        super().__init__(parent, self.tr("Insurer event — {0}").format(name))
        self.add("kind", self.tr("What happened"),
                 combo([(name_of(ins.EVENT_NAMES[k]), k) for k in ins.EVENT_KINDS], kind))
        self.add("date", self.tr("Date"), date_edit(books.today()))
        self.add("amount", self.tr("Amount"), amount_line(None, self.tr("required for a claim or an indemnity")))
        note = QPlainTextEdit()
        note.setFixedHeight(60)
        self.add("note", self.tr("Note"), note)
        self.on_save(lambda raw: insurance.record_insurer_event(books, code, raw["kind"], raw["date"],
                                                                raw["amount"] or None, raw["note"]))
        self.resize(480, self.sizeHint().height())


# --- acknowledgements ------------------------------------------------------------------------------------

class AcknowledgementDialog(FormDialog):
    """The customer acknowledged owing an invoice: it restarts the limitation clock where the law says so."""

    def __init__(self, parent: QWidget | None, books: Books, invoice_number: str, jurisdiction: str):
        super().__init__(parent, self.tr("Acknowledgement of invoice {0}").format(invoice_number))
        why = QLabel(render(limitation.explanation(books, jurisdiction)))
        why.setWordWrap(True)
        why.setObjectName("limitation_explanation")
        self.layout().insertWidget(0, why)
        self.add("date", self.tr("Acknowledged on"), date_edit(books.today()))
        written = QCheckBox(self.tr("In writing, signed by the customer"))
        written.setChecked(True)
        self.add("written", "", written)
        note = QPlainTextEdit()
        note.setFixedHeight(60)
        self.add("note", self.tr("How (document, letter, e-mail…)"), note)
        self.on_save(lambda raw: limitation.acknowledge(books, invoice_number, raw["date"], raw["note"],
                                                        written=raw["written"]))
        self.resize(520, self.sizeHint().height())


# --- credit checks ---------------------------------------------------------------------------------------

class CreditCheckDialog(FormDialog):
    """A credit check: the sources, findings and decision, beside the customer's limit and what
    its last 12 months suggest (shown with its arithmetic, taken only by a click)."""

    def __init__(self, parent: QWidget | None, books: Books, code: str, name: str):
        super().__init__(parent, self.tr("Credit check — {0}").format(name))
        self.books, self.code = books, code
        pos = credit_checks.credit_position(books, code)
        balance = credit_checks.open_balance(books, code)
        lines = [self.tr("Credit limit: {0}   Open balance: {1} {2}").format(
            money_text(pos.credit_limit) if pos.credit_limit is not None else self.tr("none"), money_text(balance),
            pos.currency)]
        if pos.capped_until is not None:
            lines.append(self.tr("New customer: the limit counts as at most {0} until it has enough history.")
                         .format(money_text(pos.effective_limit)))
        if pos.last_check:
            lines.append(self.tr("Last check {0}; next review {1}.").format(_d(pos.last_check),
                                                                          _d(pos.next_review) or "–"))
        info = QLabel("\n".join(lines))
        info.setWordWrap(True)
        suggestion = QLabel(self.tr("Suggested limit: {0} ({1})").format(money_text(pos.suggested.limit),
                                                                          render(pos.suggested.arithmetic()))
                            if pos.suggested else self.tr("No suggested limit: no sales in the last 12 months."))
        suggestion.setWordWrap(True)
        suggestion.setObjectName("suggested_limit")
        self.use_suggested = QPushButton(self.tr("Use the suggested limit"))
        self.use_suggested.setEnabled(pos.suggested is not None)
        self.layout().insertWidget(0, info)
        self.layout().insertWidget(1, suggestion)
        row = QHBoxLayout()
        row.addWidget(self.use_suggested)
        row.addStretch(1)
        self.layout().insertLayout(2, row)
        self.add("date", self.tr("Date of the check"), date_edit(books.today()))
        sources = QWidget()
        grid = QHBoxLayout(sources)
        grid.setContentsMargins(0, 0, 0, 0)
        self.sources: dict[str, QCheckBox] = {}
        for key in SOURCES:
            box = QCheckBox(name_of(SOURCE_NAMES[key]))
            box.setObjectName(f"source_{key}")
            self.sources[key] = box
            grid.addWidget(box)
        grid.addStretch(1)
        self.form.addRow(self.tr("Sources consulted"), sources)
        findings = QPlainTextEdit()
        findings.setFixedHeight(70)
        self.add("findings", self.tr("Findings"), findings)
        self.add("decision", self.tr("Decision"), combo([(name_of(DECISION_NAMES[k]), k) for k in DECISIONS]))
        self.limit = self.add("limit_granted", self.tr("Limit granted"), amount_line(None, self.tr("empty when refused")))
        _optional_date(self, "next_review", self.tr("Next review"), self.tr("Review again on:"), None,
                       books.today() + dt.timedelta(days=365))
        apply = QCheckBox(self.tr("Make the limit granted the customer's credit limit (a refusal puts it on hold)"))
        apply.setChecked(True)
        self.add("apply", "", apply)
        if pos.suggested is not None:
            self.use_suggested.clicked.connect(lambda: self.limit.setText(amounts.edit_text(pos.suggested.limit)))
        self.on_save(self._save_check)
        self.resize(760, self.sizeHint().height())

    def _save_check(self, raw: dict):
        sources = tuple(k for k, box in self.sources.items() if box.isChecked())
        return credit_checks.record_credit_check(
            self.books, self.code, raw["date"], sources, raw["findings"], raw["decision"],
            raw["limit_granted"] or None, raw["next_review"] if raw["has_next_review"] else None,
            apply_limit=raw["apply"])


# --- settings ----------------------------------------------------------------------------------------------

class CreditSettingsDialog(FormDialog):
    def __init__(self, parent: QWidget | None, books: Books):
        super().__init__(parent, self.tr("Credit risk settings"))
        s = credit_risk_settings(books)
        self.add("warn_days", self.tr("Warn of the limitation (days before)"), line(str(s.warn_days), 4))
        self.add("us_years", self.tr("US limitation period (years)"), line(str(s.us_years), 2))
        self.add("step_cost", self.tr("Cost of one collection step"),
                 line(amounts.edit_text(s.step_cost), 0,
                      self.tr("in the company's currency; empty = no write-off suggestions")))
        self.add("cap", self.tr("Cap on a new customer's limit"),
                 line(amounts.edit_text(s.cap.cap), 0, self.tr("empty = no cap")))
        self.add("cap_months", self.tr("…until it has months of history"), line(str(s.cap.months), 2))
        self.on_save(lambda raw: set_credit_risk_settings(books, settings_from(raw)))
        self.resize(520, self.sizeHint().height())


def settings_from(raw: dict) -> CreditRiskSettings:
    from ar_desktop.domain.errors import ValidationError

    problems, values = {}, {}
    for key in ("warn_days", "us_years", "cap_months"):
        text = str(raw.get(key, "")).strip()
        if not text.isdigit():
            problems[key] = Text(translate("Messages", "Enter a whole number."))
        else:
            values[key] = int(text)
    for key in ("step_cost", "cap"):
        text = str(raw.get(key, "")).strip()
        try:
            values[key] = amounts.parse(text) if text else None
        except UserError as e:  # shown beside the field, in the interface language
            problems[key] = e.message
    if problems:
        raise ValidationError(problems)
    return CreditRiskSettings(values["us_years"], values["warn_days"], values["step_cost"],
                              NewCustomerCap(values["cap"], values["cap_months"]))
