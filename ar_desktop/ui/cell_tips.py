"""Tooltips for table cells whose text is cut off: the full text, then the column's own tip.

``show_cut_off_text(view)`` answers the tooltip events of the view's cells, so
"Last step", "Promise" or a long customer name can always be read by hovering over it, at any
window width.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtWidgets import (QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem,
                               QTableView, QToolTip, QTreeView, QWidget)


def is_cut_off(view: QAbstractItemView, index: QModelIndex) -> bool:
    """Does the cell show less than its whole text?"""
    text = index.data(Qt.ItemDataRole.DisplayRole)
    if text in (None, ""):
        return False
    option = QStyleOptionViewItem()
    delegate = view.itemDelegateForIndex(index)
    if not isinstance(delegate, QStyledItemDelegate):  # a delegate of one's own: measure as a plain one
        delegate = QStyledItemDelegate()
    delegate.initStyleOption(option, index)
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


class _CutOffTips(QObject):
    """Answers the tooltip events of a view's viewport before its delegate does, so a view keeps
    its own delegate (an editor, a check box) and still explains its cut-off cells."""

    def __init__(self, view: QAbstractItemView):
        super().__init__(view)
        self.view = view

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.ToolTip:
            return False
        index = self.view.indexAt(event.pos())
        if not index.isValid():
            return False
        tip = cell_tooltip(self.view, index)
        if tip:
            QToolTip.showText(event.globalPos(), tip, self.view, self.view.visualRect(index))
        else:
            QToolTip.hideText()
            event.ignore()
        return True


def show_cut_off_text(view: QAbstractItemView) -> QAbstractItemView:
    """Hovering over a cell whose text is cut off shows all of it (once per view)."""
    if not has_cut_off_tips(view):
        view.viewport().installEventFilter(_CutOffTips(view))
    return view


def has_cut_off_tips(view: QAbstractItemView) -> bool:
    return view.findChild(_CutOffTips) is not None


def explain_cut_off_cells(root: QWidget) -> None:
    """``show_cut_off_text`` for every table and tree inside ``root`` (a dialog, a tab)."""
    for view in root.findChildren(QTableView) + root.findChildren(QTreeView):
        show_cut_off_text(view)
