"""The Overview's twelve figures, each a card with its value, the previous period's and a tooltip that says
what it counts; a click asks for the list behind it (``opened``)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QWidget

from ar_desktop.domain.kpi import LABELS, METRICS, Kpis, change
from ar_desktop.ui.figure_card import FigureCard

TIPS = {
    "total_ar": QT_TRANSLATE_NOOP("Overview", "Everything owed on the date, as in the aging report."
                                   " Click for the invoices."),
    "current_ar": QT_TRANSLATE_NOOP("Overview", "The part not yet due (due on the date or later)."
                                     " Click for the invoices."),
    "overdue_ar": QT_TRANSLATE_NOOP("Overview", "Owed and past its due date. Click for the overdue invoices."),
    "overdue_percent": QT_TRANSLATE_NOOP("Overview", "Overdue as a share of everything owed."
                                          " Click for the overdue invoices."),
    "disputed_ar": QT_TRANSLATE_NOOP("Overview", "The disputed part of what is owed. Click for the disputed invoices."),
    "sales": QT_TRANSLATE_NOOP("Overview", "Invoiced in the period (voided invoices left out)."
                                " Click for the invoices."),
    "dso": QT_TRANSLATE_NOOP("Overview", "Days sales outstanding: owed ÷ sales of the period × its days."
                              " Click for the arithmetic."),
    "best_possible_dso": QT_TRANSLATE_NOOP("Overview", "DSO if nothing were overdue: not yet due ÷ sales × days."
                                            " Click for the arithmetic."),
    "average_days_delinquent": QT_TRANSLATE_NOOP("Overview", "DSO minus best possible DSO: the days customers add by paying late."
                                                  " Click for the arithmetic."),
    "cei": QT_TRANSLATE_NOOP("Overview", "Collection effectiveness: the share of what could be collected in the period that was."
                              " Click for the arithmetic."),
    "average_days_to_pay": QT_TRANSLATE_NOOP("Overview", "Mean days from issue to full payment of the invoices paid in the period."
                                              " Click for them."),
    "average_days_late": QT_TRANSLATE_NOOP("Overview", "Mean days after the due date of the invoices paid in the period."
                                            " Click for them."),
}


class FigureGrid(QWidget):
    """The figures in rows of six."""

    opened = Signal(str)  # the metric clicked

    def __init__(self, parent=None):
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        self.cards: dict[str, FigureCard] = {}
        for i, m in enumerate(METRICS):
            card = FigureCard(m, QCoreApplication.translate("Kpi", LABELS[m]),
                              QCoreApplication.translate("Overview", TIPS[m]))
            card.clicked.connect(lambda m=m: self.opened.emit(m))
            card.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self.cards[m] = card
            grid.addWidget(card, i // 6, i % 6)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)  # the cards' height, no more

    def show_pending(self) -> None:
        for card in self.cards.values():
            card.show_pending()

    def show_values(self, now: Kpis, before: Kpis) -> None:
        for m, card in self.cards.items():
            a, b = now.value(m), before.value(m)
            card.show_value(a, b, change(m, a, b))
