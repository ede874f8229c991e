"""Charts for the printed reports, drawn with ReportLab's own graphics (reportlab.graphics.charts):
no extra dependency. Colours are the window's light-theme chart colours (ui/palette.py): the aging
ramp reads by lightness when printed in grey; bars carry their values, lines differ in marker and
dash as well as colour."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import LineLegend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors

from ar_desktop.domain.chart_scale import compact, nice_ceiling, steps

AGING_COLORS = ("#2c7fb8", "#fecc5c", "#fd8d3c", "#e31a1c", "#800026")
EXPECTED, LATER, UNCERTAIN = colors.HexColor("#0072b2"), colors.HexColor("#56b4e9"), colors.HexColor("#b0b0b0")
DSO, OVERDUE_SHARE = colors.HexColor("#0072b2"), colors.HexColor("#d55e00")


def bar_chart(labels: Sequence[str], values: Sequence[Decimal], fills: Sequence, width: float, height: float,
              font: str, title: str = "") -> Drawing:
    """Vertical bars, one colour each, the value above each bar."""
    d = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 34, 26
    chart.width, chart.height = width - 44, height - 26 - (16 if title else 6)
    chart.data = [[float(v) for v in values]]
    top = nice_ceiling(max((float(v) for v in values), default=0.0))
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, top, top / steps(top)
    chart.valueAxis.labelTextFormat = compact
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 6.5
    chart.valueAxis.gridStrokeColor = colors.HexColor("#dddddd")
    chart.valueAxis.visibleGrid = True
    chart.categoryAxis.categoryNames = list(labels)
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 6.5
    chart.categoryAxis.labels.dy = -2
    chart.barSpacing = 2
    chart.bars.strokeColor = colors.HexColor("#555555")
    chart.bars.strokeWidth = 0.3
    for i, fill in enumerate(fills):
        chart.bars[(0, i)].fillColor = fill if not isinstance(fill, str) else colors.HexColor(fill)
    chart.barLabelFormat = lambda v: compact(v)
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 6
    chart.barLabels.nudge = 5
    d.add(chart)
    if title:
        d.add(String(0, height - 10, title, fontName=font, fontSize=8.5))
    return d


def trend_chart(labels: Sequence[str], dso: Sequence[Decimal | None], share: Sequence[Decimal], names: tuple[str, str],
                width: float, height: float, font: str, title: str = "") -> Drawing:
    """DSO (solid, circles) and the overdue share (dashed, squares) at month-ends; one scale (both are
    numbers of tens: days and per cent), labelled with both units."""
    d = Drawing(width, height)
    chart = HorizontalLineChart()
    chart.x, chart.y = 30, 24
    chart.width, chart.height = width - 40, height - 24 - (28 if title else 18)
    # ReportLab draws no line through missing points; None stays None
    chart.data = [[None if v is None else float(v) for v in dso], [float(v) for v in share]]
    values = [v for series in chart.data for v in series if v is not None]
    top = nice_ceiling(max(values, default=0.0))
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, top, top / steps(top)
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 6.5
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#dddddd")
    chart.categoryAxis.categoryNames = list(labels)
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 6.5
    chart.lines[0].strokeColor, chart.lines[1].strokeColor = DSO, OVERDUE_SHARE
    chart.lines[0].strokeWidth = chart.lines[1].strokeWidth = 1.4
    chart.lines[1].strokeDashArray = (3, 2)
    chart.lines[0].symbol = makeMarker("FilledCircle", size=4, fillColor=DSO, strokeColor=DSO)
    chart.lines[1].symbol = makeMarker("FilledSquare", size=4, fillColor=OVERDUE_SHARE, strokeColor=OVERDUE_SHARE)
    d.add(chart)
    legend = LineLegend()
    legend.x, legend.y = 34, height - (20 if title else 8)
    legend.fontName, legend.fontSize = font, 7
    legend.columnMaximum = 1
    legend.deltax = 120
    legend.dx, legend.dy = 14, 0
    legend.colorNamePairs = [(DSO, names[0]), (OVERDUE_SHARE, names[1])]
    legend.alignment = "right"
    d.add(legend)
    if title:
        d.add(String(0, height - 8, title, fontName=font, fontSize=8.5))
    return d
