"""Settings ▸ Late charges: the company's default late-charge rule (customers may have their own)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QSizePolicy, QWidget

from ar_desktop.domain.errors import UserError, ValidationError
from ar_desktop.domain.charge_rules import CONTRACT_KINDS, DAILY_KINDS, ChargeRule, DayCount, RuleKind
from ar_desktop.services import late_charges
from ar_desktop.services.context import Books
from ar_desktop.ui.dialogs.form import FormDialog, amount_line, combo, line

RULE_LABELS = {
    RuleKind.NONE: QT_TRANSLATE_NOOP("LateCharges", "No late charges"),
    RuleKind.CONTRACT_DAILY: QT_TRANSLATE_NOOP("LateCharges", "Contractual interest, % per day"),
    RuleKind.CONTRACT_ANNUAL: QT_TRANSLATE_NOOP("LateCharges", "Contractual interest, % per year"),
    RuleKind.CONTRACT_TIERED: QT_TRANSLATE_NOOP("LateCharges", "Contractual interest, % per day in tiers"),
    RuleKind.STATUTORY_EU: QT_TRANSLATE_NOOP("LateCharges", "EU statutory interest (ECB rate + 8 points)"),
    RuleKind.STATUTORY_DE: QT_TRANSLATE_NOOP("LateCharges", "Germany, §288 BGB (base rate + 9 points)"),
    RuleKind.STATUTORY_UK: QT_TRANSLATE_NOOP("LateCharges", "UK Late Payment Act (Bank Rate + 8 points)"),
}
RULE_EXPLANATIONS = {
    RuleKind.NONE: QT_TRANSLATE_NOOP(
        "LateCharges", "Letters claim only the open invoice amounts; no interest and no fixed fee are added."),
    RuleKind.CONTRACT_DAILY: QT_TRANSLATE_NOOP(
        "LateCharges", "The rate agreed in your contracts, in percent per day (e.g. 0.05 for 0.05 % a day), "
        "on the open amount from the day after the due date until payment. An optional fixed fee is added "
        "once per late invoice."),
    RuleKind.CONTRACT_ANNUAL: QT_TRANSLATE_NOOP(
        "LateCharges", "The rate agreed in your contracts, in percent per year (e.g. 8), on the open amount "
        "from the day after the due date until payment, spread over the days by the day count. An optional "
        "fixed fee is added once per late invoice."),
    RuleKind.CONTRACT_TIERED: QT_TRANSLATE_NOOP(
        "LateCharges", "Rates in percent per day that rise with lateness (阶梯式滞纳金), written 0.05/30;0.08/60;0.1: "
        "0.05 % a day for days 1-30, 0.08 % for days 31-60, 0.1 % from day 61, on the open amount of each day. "
        "An optional fixed fee is added once per late invoice."),
    RuleKind.STATUTORY_EU: QT_TRANSLATE_NOOP(
        "LateCharges", "EU Late Payment Directive, between businesses: the ECB main refinancing rate plus 8 "
        "points, taken from the reference-rate table, plus a fixed EUR 40 per late invoice."),
    RuleKind.STATUTORY_DE: QT_TRANSLATE_NOOP(
        "LateCharges", "German statutory interest between businesses (§288 (2) BGB): the base rate "
        "(Basiszinssatz) plus 9 points, taken from the reference-rate table, plus EUR 40 per late invoice "
        "(§288 (5) BGB)."),
    RuleKind.STATUTORY_UK: QT_TRANSLATE_NOOP(
        "LateCharges", "Late Payment of Commercial Debts (Interest) Act 1998: Bank of England Bank Rate plus 8 "
        "points, taken from the reference-rate table, plus a fixed sum of GBP 40, 70 or 100 by size of the debt."),
}
DAY_COUNT_LABELS = {
    DayCount.D365: QT_TRANSLATE_NOOP("LateCharges", "Days / 365"),
    DayCount.D360: QT_TRANSLATE_NOOP("LateCharges", "Days / 360"),
    DayCount.ACTUAL: QT_TRANSLATE_NOOP("LateCharges", "Days / actual days in the year (365 or 366)"),
}

# Customer rule keys under which the customer's own rate applies ('' = the company default, when contractual).
RATE_RULE_KEYS = frozenset({"", *(k.value for k in CONTRACT_KINDS)})


class WrapLabel(QLabel):
    """A word-wrapped label as tall as its text needs at its current width (a plain QLabel asks
    for the height of a narrow guess, leaving gaps in a form)."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        if self.width() > hint.width():
            return QSize(hint.width(), self.heightForWidth(self.width()))
        return hint

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        if self.width() > 1:
            return QSize(hint.width(), self.heightForWidth(max(self.width(), 1)))
        return hint

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()


def note(text: str = "", dim: bool = True) -> QLabel:
    """A wrapped explanation that takes the full width of the field column."""
    w = WrapLabel(text)
    w.setWordWrap(True)
    w.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    w.setEnabled(not dim)
    w.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    return w


def fit_height(dialog: QWidget, width: int | None = None, shrink: bool = False) -> None:
    """Give the dialog the height its wrapped texts need at ``width`` (default: its width): grow
    when a text got longer so nothing is cut off; with ``shrink`` also drop spare height."""
    width = width or dialog.width()
    layout = dialog.layout()
    layout.activate()
    need = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.sizeHint().height()
    if need > 0 and (dialog.height() < need or shrink):
        dialog.resize(width, need)


def rule_items(with_default: bool = False) -> list[tuple[str, str]]:
    """(label, key) pairs for a rule combo; with_default puts "Company default" ('') first."""
    items = [(QCoreApplication.translate("LateCharges", label), kind.value) for kind, label in RULE_LABELS.items()]
    if with_default:
        items.insert(0, (QCoreApplication.translate("LateCharges", "Company default"), ""))
    return items


class LateChargesDialog(FormDialog):
    def __init__(self, parent: QWidget | None, books: Books):
        super().__init__(parent, self.tr("Late charges"))
        current = late_charges.company_rule(books)
        self.kind: QComboBox = self.add("kind", self.tr("Default rule"), combo(rule_items(), current.kind.value))
        self.explanation = note(dim=False)
        self.explanation.setObjectName("rule_explanation")
        self.form.addRow("", self.explanation)
        self.rate = self.add("rate_percent", self.tr("Interest rate (%)"),
                             line(current.rate_text or "", 40),
                             self.tr("Contractual rules only; statutory rules use the reference rates."))
        self.day_count = self.add("day_count", self.tr("Day count"),
                                  combo([(QCoreApplication.translate("LateCharges", label), dc.value) for dc, label in DAY_COUNT_LABELS.items()],
                                        current.day_count.value),
                                  self.tr("How a yearly rate is divided over the days."))
        self.fee = self.add("fixed_fee", self.tr("Fixed fee per late invoice"),
                            amount_line(current.fixed_fee, self.tr("empty = none")),
                            self.tr("Contractual rules only, in the invoice's currency."))
        self.form.addRow("", note(self.tr("Customers with a rule of their own (customer dialog) keep it; all "
                                          "others use this default.")))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.on_save(lambda raw: late_charges.set_company_rule(books, self.rule_from(raw)))
        fit_height(self, 620, shrink=True)

    def _kind_changed(self) -> None:
        kind = RuleKind(self.kind.currentData())
        contract = kind in CONTRACT_KINDS
        self.explanation.setText(QCoreApplication.translate("LateCharges", RULE_EXPLANATIONS[kind]))
        self.rate.setEnabled(contract)
        self.fee.setEnabled(contract)
        self.rate.setPlaceholderText(self.tr("e.g. 0.05 (% a day)") if kind is RuleKind.CONTRACT_DAILY
                                     else self.tr("e.g. 0.05/30;0.08/60;0.1") if kind is RuleKind.CONTRACT_TIERED
                                     else self.tr("e.g. 8 (% a year)") if contract else "")
        self.day_count.setEnabled(kind not in (RuleKind.NONE, *DAILY_KINDS))
        fit_height(self)

    def rule_from(self, raw: dict) -> ChargeRule:
        """The rule of the form; each problem is shown beside its field."""
        kind = RuleKind(raw["kind"])
        contract = kind in CONTRACT_KINDS
        rate = (raw["rate_percent"].strip() or None) if contract else None
        fee = (raw["fixed_fee"].strip() or None) if contract else None
        try:
            ChargeRule(kind, rate, raw["day_count"])
        except UserError as e:
            raise ValidationError({"rate_percent": e.message}) from None
        try:
            return ChargeRule(kind, rate, raw["day_count"], fee)
        except UserError as e:
            raise ValidationError({"fixed_fee": e.message}) from None
