"""Keeping every window on the screen it opens on, down to a 1366×768 laptop.

``keep_on_screen(dialog)`` watches a dialog: each time it is shown, if it is larger than the
screen it is shrunk to it, and it is moved so its title bar and buttons are visible (a filter on
the dialog alone: one on the whole application would run Python for every event of every widget). Dialogs whose content can grow
taller than a laptop screen put it in a ``FitScrollArea``, so shrinking scrolls the content and
never pushes the buttons off the bottom.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QStyle, QWidget

# Room the window manager takes around a window: the title bar above it, a border all round.
FRAME_TOP = 32
FRAME_SIDE = 4


def available(widget: QWidget | None = None) -> QRect:
    """The part of the screen ``widget`` is on (or the primary screen) that windows may use."""
    screen = None
    if widget is not None:
        anchor = widget.parentWidget().window() if widget.parentWidget() is not None else widget
        screen = anchor.screen()
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 768)


def usable_size(widget: QWidget | None = None) -> QSize:
    """The largest size a window's client area can have so that the window fits on the screen."""
    r = available(widget)
    return QSize(r.width() - 2 * FRAME_SIDE, r.height() - FRAME_TOP - FRAME_SIDE)


def fit_size(widget: QWidget, width: int, height: int) -> QSize:
    """``width`` × ``height`` made no larger than the screen allows."""
    return QSize(width, height).boundedTo(usable_size(widget))


def resize_to_fit(widget: QWidget, width: int, height: int) -> None:
    """Resize to the size wanted, or to the screen when it is smaller."""
    widget.resize(fit_size(widget, width, height))


def fit_on_screen(window: QWidget) -> None:
    """Shrink ``window`` to the screen if needed and move it so that all of it is visible."""
    room = available(window)
    size = window.size().boundedTo(usable_size(window))
    if size != window.size():
        window.resize(size)
    frame = window.frameGeometry()
    x = min(max(frame.x(), room.left()), max(room.left(), room.right() + 1 - frame.width()))
    y = min(max(frame.y(), room.top()), max(room.top(), room.bottom() + 1 - frame.height()))
    if (x, y) != (frame.x(), frame.y()):
        window.move(x, y)


class _KeepOnScreen(QObject):
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Show and isinstance(obj, QWidget) and obj.isWindow():
            fit_on_screen(obj)
            from ar_desktop.ui.cell_tips import explain_cut_off_cells

            explain_cut_off_cells(obj)
        return False


def keep_on_screen(window: QWidget) -> QWidget:
    """Fit ``window`` on the screen whenever it is shown, and let every cut-off cell of its tables be
    read by hovering over it; returns it."""
    if window.findChild(_KeepOnScreen) is None:
        window.installEventFilter(_KeepOnScreen(window))
    return window


class FitScrollArea(QScrollArea):
    """A frameless scroll area that asks for the full size of its content (a plain QScrollArea
    asks for at most 36 × 24 lines), so a dialog is as large as its content where the screen
    allows and scrolls only where it does not."""

    def __init__(self, content: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # forms scroll up and down only: their fields and messages wrap to the width
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def _bar(self) -> int:
        return self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        content = self.widget()
        if content is None:
            return super().sizeHint()
        hint = content.sizeHint()
        return QSize(hint.width() + self._bar(), hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """As wide as the content needs (no sideways scrolling), as low as a few lines."""
        content = self.widget()
        if content is None:
            return super().minimumSizeHint()
        return QSize(content.minimumSizeHint().width() + self._bar(), min(content.minimumSizeHint().height(), 120))


def table_width(view) -> int:
    """The width a table needs to show every column whole (heading and cells), scroll bar included."""
    header = view.horizontalHeader()
    columns = sum(max(header.sectionSizeHint(c), view.sizeHintForColumn(c))
                  for c in range(header.count()) if not header.isSectionHidden(c))
    side = view.verticalHeader().width() if view.verticalHeader().isVisible() else 0
    bar = view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
    return columns + side + bar + 2 * view.frameWidth() + 4


def resize_to_table(window: QWidget, view, width: int, height: int) -> None:
    """Resize ``window`` to ``width`` × ``height``, wider where its table needs it, never beyond the screen."""
    margins = window.layout().contentsMargins() if window.layout() is not None else None
    room = table_width(view) + (margins.left() + margins.right() if margins is not None else 0)
    resize_to_fit(window, max(width, room), height)
