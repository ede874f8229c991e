"""The one place that knows which colour a status is shown in (readable on light and dark themes)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

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
