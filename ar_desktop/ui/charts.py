"""Small charts painted with QPainter (no chart library: see docs/architecture.md, "Charts").

Each chart knows only labels, values and semantic tones; ``palette.chart_color`` turns a tone into
a colour for the current (light or dark) theme. Meaning never rests on colour alone: bars carry
their label and value, the uncertain forecast bar is hatched, the two trend lines differ in marker
and dash. Every bar and point is a click target (``activated``), reachable with the keyboard
(arrows, Enter), and has a tooltip with its exact number; the panel around a chart offers the
same numbers as a table (``ChartPanel``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QStackedWidget, QTableView,
                               QToolButton, QToolTip, QVBoxLayout, QWidget)

from ar_desktop.domain.chart_scale import nice_ceiling, steps
from ar_desktop.ui import amounts, palette

MARGIN = 6


class _Chart(QWidget):
    """Common behaviour: a current item (keyboard), hover, click → ``activated(index)``."""

    activated = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(QSize(220, 150))
        self._hover = -1
        self._current = -1

    # subclasses: item count, hit rectangles and tooltip text
    def count(self) -> int:
        return 0

    def hit_rects(self) -> list[QRectF]:
        return []

    def tooltip(self, index: int) -> str:
        return ""

    def _index_at(self, pos) -> int:
        for i, r in enumerate(self.hit_rects()):
            if r.contains(QPointF(pos)):
                return i
        return -1

    def mouseMoveEvent(self, event) -> None:
        i = self._index_at(event.position().toPoint())
        if i != self._hover:
            self._hover = i
            self.setCursor(Qt.CursorShape.PointingHandCursor if i >= 0 else Qt.CursorShape.ArrowCursor)
            self.update()
        if i >= 0:
            QToolTip.showText(event.globalPosition().toPoint(), self.tooltip(i), self)
        else:
            QToolTip.hideText()

    def leaveEvent(self, event) -> None:
        self._hover = -1
        self.update()
        super().leaveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            i = self._index_at(event.position().toPoint())
            if i >= 0:
                self._current = i
                self.update()
                self.activated.emit(i)

    def keyPressEvent(self, event) -> None:
        n = self.count()
        key = event.key()
        if n and key in (Qt.Key.Key_Right, Qt.Key.Key_Left):
            step = 1 if key == Qt.Key.Key_Right else -1
            self._current = (max(self._current, 0 if step > 0 else n) + step) % n if self._current >= 0 else 0
            self.update()
            r = self.hit_rects()[self._current]
            QToolTip.showText(self.mapToGlobal(r.center().toPoint()), self.tooltip(self._current), self)
        elif n and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self._current >= 0:
            self.activated.emit(self._current)
        else:
            super().keyPressEvent(event)

    def _text_color(self) -> QColor:
        return self.palette().color(self.foregroundRole())

    def _grid_color(self) -> QColor:
        c = QColor(self._text_color())
        c.setAlpha(50)
        return c

    def _small_font(self) -> QFont:
        f = QFont(self.font())
        f.setPointSizeF(max(7.0, f.pointSizeF() * 0.85))
        return f


@dataclass(frozen=True)
class Bar:
    label: str
    value: Decimal
    tone: str
    tooltip: str = ""
    hatched: bool = False
    weight: float = 1.0         # width of its slot relative to the others (a wider label)


class BarChart(_Chart):
    """Vertical bars with their value above, the label below and a light grid."""

    def __init__(self, parent=None, *, value_text: Callable[[Decimal], str] = amounts.short):
        super().__init__(parent)
        self.bars: list[Bar] = []
        self.value_text = value_text

    def set_bars(self, bars: Sequence[Bar]) -> None:
        self.bars = list(bars)
        self._current = min(self._current, len(self.bars) - 1)
        self.setAccessibleDescription("; ".join(f"{b.label}: {b.tooltip or b.value}" for b in self.bars))
        self.update()

    def count(self) -> int:
        return len(self.bars)

    def tooltip(self, index: int) -> str:
        b = self.bars[index]
        return b.tooltip or f"{b.label}: {amounts.money(b.value)}"

    def _geometry(self):
        fm = QFontMetrics(self._small_font())
        axis_w = fm.horizontalAdvance("000.0M") + 4
        top = fm.height() + MARGIN
        bottom = self.height() - 2 * fm.height() - MARGIN
        left, right = axis_w + MARGIN, self.width() - MARGIN
        return fm, QRectF(left, top, max(right - left, 10), max(bottom - top, 10))

    def _slots(self, plot: QRectF) -> list[tuple[float, float]]:
        """(left, width) of each bar's slot."""
        total = sum(b.weight for b in self.bars) or 1.0
        out, x = [], plot.left()
        for b in self.bars:
            w = plot.width() * b.weight / total
            out.append((x, w))
            x += w
        return out

    def hit_rects(self) -> list[QRectF]:
        fm, plot = self._geometry()
        return [QRectF(x, plot.top(), w, plot.height() + 2 * fm.height()) for x, w in self._slots(plot)]

    def value_labels(self) -> list[str]:
        """The value written above each bar; none where it is wider than the bar's slot (thirteen weeks of a
        big forecast: '728,3k' ran into '636,7k'). The tooltip and the chart's data keep every value."""
        fm, plot = self._geometry()
        texts = [self.value_text(b.value) for b in self.bars]
        return [t if fm.horizontalAdvance(t) <= w else "" for t, (_x, w) in zip(texts, self._slots(plot), strict=True)]

    def axis_values(self) -> list[float]:
        """The values the axis marks, 0 to the top, in round steps (chart_scale.steps)."""
        top = nice_ceiling(max((float(b.value) for b in self.bars), default=0.0))
        n = steps(top)
        return [top * k / n for k in range(n + 1)]

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setFont(self._small_font())
        fm, plot = self._geometry()
        text = self._text_color()
        marks = self.axis_values()
        top_value = marks[-1]
        for value in marks:
            y = plot.bottom() - plot.height() * value / top_value
            p.setPen(QPen(self._grid_color(), 1))
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.setPen(text)
            p.drawText(QRectF(0, y - fm.height() / 2, plot.left() - 4, fm.height()),
                       int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), amounts.short(value))
        unit = plot.width() / (sum(b.weight for b in self.bars) or 1.0)
        width = min(unit * 0.7, 64)
        values = self.value_labels()
        for i, (b, (left, slot)) in enumerate(zip(self.bars, self._slots(plot), strict=True)):
            h = plot.height() * max(float(b.value), 0.0) / top_value
            x = left + (slot - width) / 2
            rect = QRectF(x, plot.bottom() - h, width, h)
            color = palette.chart_color(b.tone)
            if i in (self._hover, self._current):
                color = color.lighter(115) if not palette.is_dark() else color.darker(115)
            p.setPen(QPen(color.darker(130), 1))
            p.setBrush(QBrush(color, Qt.BrushStyle.BDiagPattern) if b.hatched else QBrush(color))
            p.drawRect(rect)
            if b.hatched:   # a hatched bar keeps an outline and a faint fill so it reads as a bar
                fill = QColor(color)
                fill.setAlpha(60)
                p.fillRect(rect, fill)
            if i == self._current and self.hasFocus():
                p.setPen(QPen(text, 1, Qt.PenStyle.DotLine))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRect(rect.adjusted(-2, -2, 2, 2))
            p.setPen(text)
            p.drawText(QRectF(left, rect.top() - fm.height(), slot, fm.height()),
                       int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom), values[i])
            # two lines for a label ("Not yet due"), elided only if even that is too narrow
            label = b.label if fm.horizontalAdvance(b.label) <= 2 * slot - 4 else \
                fm.elidedText(b.label, Qt.TextElideMode.ElideRight, int(slot) - 2)
            p.drawText(QRectF(left, plot.bottom() + 2, slot, fm.height() * 2),
                       int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
                       label)
        p.end()


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[Decimal | None, ...]
    tone: str
    axis: str = "left"          # left | right
    unit: str = ""
    dashed: bool = False
    marker: str = "circle"      # circle | square


class LineChart(_Chart):
    """Lines over a few x labels; a left and a right axis; a legend on top."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.labels: list[str] = []
        self.series: list[Series] = []
        self.tooltips: list[str] = []

    def set_data(self, labels: Sequence[str], series: Sequence[Series], tooltips: Sequence[str] = ()) -> None:
        self.labels, self.series, self.tooltips = list(labels), list(series), list(tooltips)
        self._current = min(self._current, len(self.labels) - 1)
        self.setAccessibleDescription("; ".join(self.tooltips))
        self.update()

    def count(self) -> int:
        return len(self.labels)

    def tooltip(self, index: int) -> str:
        if index < len(self.tooltips):
            return self.tooltips[index]
        return self.labels[index]

    def _geometry(self):
        fm = QFontMetrics(self._small_font())
        axis_w = fm.horizontalAdvance("000.0 %") + 4
        top = fm.height() * 1.6 + MARGIN
        bottom = self.height() - fm.height() - MARGIN - 2
        return fm, QRectF(axis_w, top, max(self.width() - 2 * axis_w, 10), max(bottom - top, 10))

    def _x(self, plot: QRectF, i: int) -> float:
        n = max(len(self.labels), 1)
        return plot.left() + plot.width() * (i + 0.5) / n

    def hit_rects(self) -> list[QRectF]:
        _fm, plot = self._geometry()
        n = max(len(self.labels), 1)
        w = plot.width() / n
        return [QRectF(plot.left() + i * w, plot.top(), w, plot.height() + _fm.height()) for i in range(n)
                if i < len(self.labels)]

    def _scale(self, axis: str) -> float:
        values = [float(v) for s in self.series if s.axis == axis for v in s.values if v is not None]
        return nice_ceiling(max(values, default=0.0))

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setFont(self._small_font())
        fm, plot = self._geometry()
        text = self._text_color()
        scales = {"left": self._scale("left"), "right": self._scale("right")}
        units = {s.axis: s.unit for s in self.series}
        for k in range(5):
            y = plot.bottom() - plot.height() * k / 4
            p.setPen(QPen(self._grid_color(), 1))
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.setPen(text)
            for axis, rect, align in (("left", QRectF(0, y - fm.height() / 2, plot.left() - 4, fm.height()),
                                       Qt.AlignmentFlag.AlignRight),
                                      ("right", QRectF(plot.right() + 4, y - fm.height() / 2, plot.left(), fm.height()),
                                       Qt.AlignmentFlag.AlignLeft)):
                if axis in units:
                    value = scales[axis] * k / 4
                    p.drawText(rect, int(align | Qt.AlignmentFlag.AlignVCenter),
                               f"{value:.0f}{units[axis]}")
        step = max(1, len(self.labels) // 12)
        for i, label in enumerate(self.labels):
            if i % step == 0:
                x = self._x(plot, i)
                p.drawText(QRectF(x - 30, plot.bottom() + 2, 60, fm.height()), int(Qt.AlignmentFlag.AlignHCenter),
                           label)
        if 0 <= self._hover < len(self.labels) or (self.hasFocus() and self._current >= 0):
            i = self._hover if self._hover >= 0 else self._current
            x = self._x(plot, i)
            p.setPen(QPen(self._grid_color().darker(150) if not palette.is_dark() else text, 1, Qt.PenStyle.DotLine))
            p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
        legend_x = plot.left()
        for s in self.series:
            color = palette.chart_color(s.tone)
            pen = QPen(color, 2, Qt.PenStyle.DashLine if s.dashed else Qt.PenStyle.SolidLine)
            points = [(self._x(plot, i), plot.bottom() - plot.height() * float(v) / scales[s.axis])
                      for i, v in enumerate(s.values) if v is not None]
            path = QPainterPath()
            for j, (x, y) in enumerate(points):
                path.lineTo(x, y) if j else path.moveTo(x, y)
            p.setPen(pen)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPath(path)
            p.setBrush(QBrush(color))
            p.setPen(QPen(color, 1))
            for x, y in points:
                self._marker(p, s.marker, x, y)
            # legend: marker, dash sample, name
            y = fm.height() * 0.8 + 2
            p.setPen(pen)
            p.drawLine(QPointF(legend_x, y), QPointF(legend_x + 22, y))
            p.setPen(QPen(color, 1))
            self._marker(p, s.marker, legend_x + 11, y)
            p.setPen(text)
            p.drawText(QPointF(legend_x + 28, y + fm.ascent() / 2 - 1), s.name)
            legend_x += 40 + fm.horizontalAdvance(s.name)
        p.end()

    @staticmethod
    def _marker(p: QPainter, kind: str, x: float, y: float) -> None:
        if kind == "square":
            p.drawRect(QRectF(x - 3.5, y - 3.5, 7, 7))
        else:
            p.drawEllipse(QPointF(x, y), 3.5, 3.5)


class ChartPanel(QWidget):
    """A titled chart with a "Numbers" button that shows the same data as a table."""

    def __init__(self, title: str, chart: _Chart, model, parent=None):
        super().__init__(parent)
        self.chart, self.model = chart, model
        self.title = QLabel(title)
        self.title.setStyleSheet("font-weight: bold;")
        self.numbers = QToolButton()
        self.numbers.setText(self.tr("Numbers"))
        self.numbers.setCheckable(True)
        self.numbers.setToolTip(self.tr("Show the numbers of the chart as a table"))
        self.numbers.toggled.connect(self._toggle)
        self.table = QTableView()
        self.table.setModel(model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.stack = QStackedWidget()
        self.stack.addWidget(chart)
        self.stack.addWidget(self.table)
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.title, 1)
        head.addWidget(self.numbers)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(head)
        layout.addWidget(self.stack, 1)

    def _toggle(self, on: bool) -> None:
        self.stack.setCurrentIndex(1 if on else 0)
        self.numbers.setText(self.tr("Chart") if on else self.tr("Numbers"))
