"""One figure of the Overview: its name, its value, and how it moved since the previous period."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

from ar_desktop.domain.kpi import AMOUNTS, Change
from ar_desktop.ui import palette
from ar_desktop.ui.table_models import money_text
from ar_desktop.ui import amounts

# Units after a figure (translated in the "Overview" context).
UNITS = {"overdue_percent": "%", "cei": "%"}


def figure_text(metric: str, value: Decimal | None) -> str:
    if value is None:
        return "–"
    if metric in AMOUNTS:
        return money_text(value)
    unit = UNITS.get(metric)
    return f"{amounts.number(value)} %" if unit else QCoreApplication.translate("Overview", "{0} days").format(
        amounts.number(value))


def _plain(metric: str, value: Decimal) -> str:
    return money_text(value) if metric in AMOUNTS else amounts.number(value)


class FigureCard(QFrame):
    """Click (or Enter/Space when focused) emits ``clicked``: the window opens the list behind it."""

    clicked = Signal()

    def __init__(self, metric: str, title: str, tooltip: str, parent=None):
        super().__init__(parent)
        self.key = metric
        self.setObjectName(f"figure_{metric}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolTip(tooltip)
        self.setAccessibleName(title)
        self.title = QLabel(title)
        self.title.setWordWrap(True)
        self.value = QLabel("…")
        font = QFont(self.value.font())
        font.setPointSizeF(font.pointSizeF() * 1.45)
        font.setBold(True)
        self.value.setFont(font)
        self.change = QLabel(" ")
        self.change.setWordWrap(True)   # a big file's amounts and the previous period's do not fit one line
        small = QFont(self.change.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.9))
        self.change.setFont(small)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(0)
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        layout.addWidget(self.change)

    def show_value(self, value: Decimal | None, previous: Decimal | None, change: Change) -> None:
        self.value.setText(figure_text(self.key, value))
        if change.direction is None:
            text = QCoreApplication.translate("Overview", "previous period: {0}").format(
                figure_text(self.key, previous))
            tone = None
        elif change.direction == "same":
            text = QCoreApplication.translate("Overview", "= unchanged since the previous period")
            tone = None
        else:
            arrow = "▲" if change.direction == "up" else "▼"
            sign = "+" if change.difference > 0 else "−"
            text = QCoreApplication.translate("Overview", "{0} {1} (was {2})").format(
                arrow, sign + _plain(self.key, abs(change.difference)), figure_text(self.key, previous))
            tone = None if change.better is None else palette.BETTER if change.better else palette.WORSE
            if tone:
                text += " · " + (QCoreApplication.translate("Overview", "better") if change.better else
                                 QCoreApplication.translate("Overview", "worse"))
        self.change.setText(text)
        color = palette.chart_color(tone) if tone else None
        self.change.setStyleSheet(f"color: {color.name()};" if color else "")
        self.setAccessibleDescription(f"{self.value.text()}; {text}")

    def show_pending(self) -> None:
        self.value.setText("…")
        self.change.setText(" ")
        self.change.setStyleSheet("")

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
        else:
            super().keyPressEvent(event)
