"""Tooltips for table cells whose text is cut off: the full text, then the column's own tip.

``show_cut_off_text(view)`` installs a delegate that answers the view's tooltip events, so
"Last step", "Promise" or a long customer name can always be read by hovering over it, at any
window width.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QToolTip


def is_cut_off(view: QAbstractItemView, index: QModelIndex) -> bool:
    """Does the cell show less than its whole text?"""
    text = index.data(Qt.ItemDataRole.DisplayRole)
    if text in (None, ""):
        return False
    option = QStyleOptionViewItem()
    view.itemDelegateForIndex(index).initStyleOption(option, index)
    option.rect = view.visualRect(index)
    style = view.style()
    room = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view).width()
    margin = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
    needed = max(option.fontMetrics.horizontalAdvance(line) for line in str(text).splitlines() or [""])
    return needed + margin > room


def cell_tooltip(view: QAbstractItemView, index: QModelIndex) -> str:
    """What hovering over the cell shows: its full text when cut off, and the model's tooltip."""
    tip = index.data(Qt.ItemDataRole.ToolTipRole) or ""
    if is_cut_off(view, index):
        text = str(index.data(Qt.ItemDataRole.DisplayRole))
        return text if not tip or tip == text else f"{text}\n{tip}"
    return str(tip)


class CutOffTextDelegate(QStyledItemDelegate):
    def helpEvent(self, event, view, option, index) -> bool:  # noqa: N802 - Qt override
        if event is None or event.type() != QEvent.Type.ToolTip or not index.isValid():
            return super().helpEvent(event, view, option, index)
        tip = cell_tooltip(view, index)
        if tip:
            QToolTip.showText(event.globalPos(), tip, view, view.visualRect(index))
        else:
            QToolTip.hideText()
            event.ignore()
        return True


def show_cut_off_text(view: QAbstractItemView) -> QAbstractItemView:
    view.setItemDelegate(CutOffTextDelegate(view))
    return view
