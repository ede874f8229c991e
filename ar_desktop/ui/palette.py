"""The one place that knows which colour a status is shown in (readable on light and dark themes)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette

from ar_desktop.domain.aging import MILD, SERIOUS, SEVERE
from ar_desktop.domain.invoice_status import InvoiceStatus

OVERDUE = "overdue"
DUE_SOON = "due_soon"
VOID = "void"
PAID = "paid"
DISPUTED = "disputed"
WAITING = "waiting"
ON_HOLD = "on_hold"

_LIGHT = {OVERDUE: "#c62828", DUE_SOON: "#b26a00", VOID: "#8a8a8a", PAID: "#2e7d32", DISPUTED: "#6a1b9a",
          WAITING: "#455a64", ON_HOLD: "#8a8a8a"}
_DARK = {OVERDUE: "#ff6b6b", DUE_SOON: "#ffb74d", VOID: "#9e9e9e", PAID: "#81c784", DISPUTED: "#ce93d8",
         WAITING: "#b0bec5", ON_HOLD: "#9e9e9e"}


def _is_dark() -> bool:
    app = QGuiApplication.instance()
    if app is None:
        return False
    return app.palette().color(QPalette.ColorRole.Window).lightness() < 128


# Overdue by severity: one red in three shades (all readable as text, 4.5:1 or more against the
# list background) and a sign, so the severity never rests on colour alone.
_SHADES_LIGHT = {MILD: "#d32f2f", SERIOUS: "#b71c1c", SEVERE: "#7a0000"}
_SHADES_DARK = {MILD: "#ff9e9e", SERIOUS: "#ff6b6b", SEVERE: "#ff4d4d"}  # the mildest still plainly red
SEVERITY_SIGN = {MILD: "◔", SERIOUS: "◑", SEVERE: "●"}
SEVERITY_TEXT = {MILD: QT_TRANSLATE_NOOP("Palette", "Overdue 1–30 days"),
                 SERIOUS: QT_TRANSLATE_NOOP("Palette", "Overdue 31–90 days"),
                 SEVERE: QT_TRANSLATE_NOOP("Palette", "Overdue more than 90 days")}


def severity_color(severity: str | None) -> QColor | None:
    if not severity:
        return None
    return QColor((_SHADES_DARK if _is_dark() else _SHADES_LIGHT)[severity])


def severity_font(severity: str | None) -> QFont | None:
    """The most overdue are bold as well (a second cue besides the shade)."""
    if severity != SEVERE:
        return None
    font = QFont()
    font.setBold(True)
    return font


def severity_days(days: int | None, severity: str | None) -> str:
    """Days overdue with the sign of their severity: "◑ 45"."""
    if not severity or days is None:
        return ""
    return f"{SEVERITY_SIGN[severity]} {days}"


def severity_tip(severity: str | None) -> str:
    return QCoreApplication.translate("Palette", SEVERITY_TEXT[severity]) if severity else ""


def color_for(status: str | None) -> QColor | None:
    if not status:
        return None
    table = _DARK if _is_dark() else _LIGHT
    hexcode = table.get(status)
    return QColor(hexcode) if hexcode else None


def invoice_tone(status: InvoiceStatus, due_soon: bool) -> str | None:
    if status is InvoiceStatus.OVERDUE:
        return OVERDUE
    if status is InvoiceStatus.VOID:
        return VOID
    if status is InvoiceStatus.PAID:
        return PAID
    return DUE_SOON if due_soon else None


# Charts and figure arrows. Colour-blind safe (ColorBrewer's YlOrRd ramp for the aging buckets,
# which also reads in grey by lightness; Okabe–Ito blue/orange/green/vermillion elsewhere); the dark
# theme gets lighter shades of the same hues. Meaning never rests on colour alone (labels, arrows,
# hatching, markers).
CHART_NOT_DUE = "chart_not_due"
CHART_D1_30 = "chart_d1_30"
CHART_D31_60 = "chart_d31_60"
CHART_D61_90 = "chart_d61_90"
CHART_OVER_90 = "chart_over_90"
CHART_EXPECTED = "chart_expected"
CHART_LATER = "chart_later"
CHART_UNCERTAIN = "chart_uncertain"
CHART_DSO = "chart_dso"
CHART_OVERDUE_SHARE = "chart_overdue_share"
BETTER = "better"
WORSE = "worse"

_CHART_LIGHT = {CHART_NOT_DUE: "#2c7fb8", CHART_D1_30: "#fecc5c", CHART_D31_60: "#fd8d3c",
                CHART_D61_90: "#e31a1c", CHART_OVER_90: "#800026", CHART_EXPECTED: "#0072b2",
                CHART_LATER: "#56b4e9", CHART_UNCERTAIN: "#7a7a7a", CHART_DSO: "#0072b2",
                CHART_OVERDUE_SHARE: "#d55e00", BETTER: "#007a5a", WORSE: "#c0392b"}
_CHART_DARK = {CHART_NOT_DUE: "#7fb8e6", CHART_D1_30: "#ffe699", CHART_D31_60: "#ffb366",
               CHART_D61_90: "#ff7a5c", CHART_OVER_90: "#ff4d8a", CHART_EXPECTED: "#56b4e9",
               CHART_LATER: "#9fd3f2", CHART_UNCERTAIN: "#b0b0b0", CHART_DSO: "#56b4e9",
               CHART_OVERDUE_SHARE: "#f0a050", BETTER: "#4cc9a0", WORSE: "#ff8a65"}
BUCKET_TONES = (CHART_NOT_DUE, CHART_D1_30, CHART_D31_60, CHART_D61_90, CHART_OVER_90)


def is_dark() -> bool:
    return _is_dark()


def chart_color(tone: str) -> QColor:
    return QColor((_CHART_DARK if _is_dark() else _CHART_LIGHT).get(tone, "#888888"))
