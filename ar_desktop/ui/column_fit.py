"""Columns as wide as what they show, within the width of the table.

A table with fixed widths cuts off whatever a language or a long name makes wider than the
width someone guessed (the worklist's "Last step" and "Promise", the Credit tab's customers, at
1366 px). ``fit_columns`` gives each column the width of its heading and of its cells (the rows
on screen and the ``MEASURED_ROWS`` nearest them: Qt's default of a thousand took over a second
on a long worklist); when they do not all fit, only the columns the caller names give up room, group
by group, each down to its floor, and their cut-off cells show their whole text on hover (``cell_tips``).
A column the user drags to a width of their own keeps it (until the file is closed): fitting works
around it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QTableView

from ar_desktop.ui.cell_tips import show_cut_off_text

MEASURED_ROWS = 60  # beyond those on screen: a wider cell further down is cut off, and whole on hover


def content_width(view: QTableView, column: int) -> int:
    """What the column needs to show its heading and its cells whole."""
    return max(view.horizontalHeader().sectionSizeHint(column), view.sizeHintForColumn(column))


def fitted_widths(needs: dict[int, int], room: int, *groups: dict[int, int]) -> dict[int, int]:
    """Each column's width: its need; when the needs pass ``room``, the columns of the first group give up
    the excess (each down to its floor, in proportion to what it has above it), then those of the next
    group. What no group can give up stays (the table scrolls)."""
    widths = dict(needs)
    for floors in groups:
        excess = sum(widths.values()) - room
        spare = {c: widths[c] - floor for c, floor in floors.items() if c in widths and widths[c] > floor}
        if excess <= 0 or not spare:
            continue
        total = sum(spare.values())
        for c, above in spare.items():
            widths[c] -= min(above, -(-excess * above // total))  # ceiling: the last pixel too
    return widths


def fit_columns(view: QTableView, *groups: dict[int, int], kept: dict[int, int] | None = None) -> None:
    """Size every shown column to its content within the view's width (see the module's doc); the columns
    in ``kept`` keep their width and the others share what is left."""
    model, header = view.model(), view.horizontalHeader()
    if model is None:
        return
    kept = kept or {}
    needs = {c: content_width(view, c) for c in range(model.columnCount())
             if not header.isSectionHidden(c) and c not in kept}
    room = view.viewport().width() - sum(kept.values())
    for c, width in fitted_widths(needs, room, *groups).items():
        header.resizeSection(c, width)


class _HeaderPress(QObject):
    """Tells whether a mouse button is down on a header: a section resized meanwhile is the user's drag.

    A filter of its own, on the header's viewport alone, that never calls into the view: a filter
    that asked the view for its header while the table was being destroyed crashed the process."""

    def __init__(self, header_viewport: QObject):
        super().__init__(header_viewport)
        self.down = False
        header_viewport.installEventFilter(self)

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress:
            self.down = True
        elif kind == QEvent.Type.MouseButtonRelease:
            self.down = False
        return False


class _Refit(QObject):
    """Fits the columns again when the rows change or the table is resized (once per turn of the loop),
    leaving the widths the user dragged as they were."""

    def __init__(self, view: QTableView, groups: tuple[dict[int, int], ...]):
        super().__init__(view)
        self.view, self.groups = view, groups
        self.user_widths: dict[int, int] = {}
        header = view.horizontalHeader()
        self.press = _HeaderPress(header.viewport())
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self.fit)
        model = view.model()
        model.modelReset.connect(self.timer.start)
        model.rowsInserted.connect(self.timer.start)
        header.sectionResized.connect(self._resized)
        view.installEventFilter(self)

    def fit(self) -> None:
        fit_columns(self.view, *self.groups, kept=self.user_widths)

    def _resized(self, column: int, _old: int, new: int) -> None:
        if self.press.down:
            self.user_widths[column] = new

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.LanguageChange):
            self.timer.start()
        return False


def keep_columns_fitted(view: QTableView, *groups: dict[int, int]) -> QTableView:
    """``fit_columns`` now and whenever the rows change or the table is resized. ``groups``: the columns
    that give up room when not all fit ({column: narrowest width}), the first group first; their cut-off
    cells are readable on hover."""
    show_cut_off_text(view)
    view.horizontalHeader().setResizeContentsPrecision(MEASURED_ROWS)
    _Refit(view, groups).fit()
    return view
