"""The Overview's four short lists: the largest overdue balances, today's collection actions, the credit reviews
due and the reference-rate tables out of date. Each says so when it is empty; a row opened (Enter or a double
click) asks for what is behind it (``opened``)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QHeaderView, QLabel, QStackedWidget, QTableView, QVBoxLayout, QWidget

from ar_desktop.ui import palette
from ar_desktop.ui.column_fit import MEASURED_ROWS
from ar_desktop.ui.read_only_table import read_only_table
from ar_desktop.ui.rows_model import RowColumn, RowsModel

ACTION_TEXT = {"calls": QT_TRANSLATE_NOOP("Overview", "Calls to make"),
               "letters": QT_TRANSLATE_NOOP("Overview", "Letters to print"),
               "promises": QT_TRANSLATE_NOOP("Overview", "Promises falling due"),
               "legal": QT_TRANSLATE_NOOP("Overview", "Legal action / agency")}


def _table(model: RowsModel, rows_visible: int = 5, wrap: bool = False) -> QTableView:
    """``wrap``: the first column's text wraps onto more lines, its rows as high as it needs (a list of a few
    fixed rows: every row is measured)."""
    t = read_only_table(model)
    t.setWordWrap(wrap)
    h = t.horizontalHeader()
    h.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    # sized to the rows on screen and the nearest few (Qt's default, a thousand, took a second for the
    # 2,224 credit reviews of the million-invoice file); a wider cell further down shows whole on hover
    h.setResizeContentsPrecision(MEASURED_ROWS)
    h.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)   # names take what the numbers leave
    h.setStretchLastSection(False)
    t.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    t.verticalHeader().setDefaultSectionSize(t.fontMetrics().height() + 6)
    if wrap:
        t.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    t.setMinimumHeight(t.fontMetrics().height() * (rows_visible + 2))
    return t


class OverviewLists(QWidget):
    """The lists side by side, by key: largest, todo, reviews, rates."""

    opened = Signal(str, int)  # the list's key and the row

    def __init__(self, parent=None):
        super().__init__(parent)
        self.largest = RowsModel([RowColumn(QT_TRANSLATE_NOOP("Overview", "Customer"), lambda c: f"{c.code} – {c.name}"),
                                  RowColumn(QT_TRANSLATE_NOOP("Overview", "Overdue"), lambda c: c.overdue, "money"),
                                  RowColumn(QT_TRANSLATE_NOOP("Overview", "Days"), lambda c: c.oldest_days, "int")],
                                 self, tone=lambda c: palette.OVERDUE)
        self.todo = RowsModel([RowColumn(QT_TRANSLATE_NOOP("Overview", "Today"),
                                         lambda a: QCoreApplication.translate("Overview", ACTION_TEXT[a.key])),
                               RowColumn(QT_TRANSLATE_NOOP("Overview", "Accounts"), lambda a: a.count, "int"),
                               RowColumn(QT_TRANSLATE_NOOP("Overview", "Overdue"), lambda a: a.amount, "money")], self)
        self.reviews = RowsModel([RowColumn(QT_TRANSLATE_NOOP("Overview", "Customer"),
                                            lambda r: f"{r.customer_code} – {r.customer_name}"),
                                  RowColumn(QT_TRANSLATE_NOOP("Overview", "Overdue"), lambda r: r.overdue, "money"),
                                  RowColumn(QT_TRANSLATE_NOOP("Overview", "Limit"), lambda r: r.credit_limit, "money"),
                                  RowColumn(QT_TRANSLATE_NOOP("Overview", "Class"),
                                            lambda r: r.credit_class if not r.suggested_class
                                            or r.suggested_class == r.credit_class
                                            else f"{r.credit_class} → {r.suggested_class}")], self)
        self.rates = RowsModel([RowColumn(QT_TRANSLATE_NOOP("Overview", "Table"), lambda t: t.description),
                                RowColumn(QT_TRANSLATE_NOOP("Overview", "Latest rate from"), lambda t: t.last_from,
                                          "date")], self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.views: dict[str, QTableView] = {}
        self.stacks: dict[str, QStackedWidget] = {}
        for key, title, model, stretch, empty in (
                ("largest", self.tr("Largest overdue balances"), self.largest, 4, self.tr("Nothing is overdue.")),
                ("todo", self.tr("Today's collection actions"), self.todo, 3, self.tr("Nothing to do today.")),
                ("reviews", self.tr("Credit reviews due"), self.reviews, 4, self.tr("No credit review is due.")),
                ("rates", self.tr("Reference-rate tables out of date"), self.rates, 3,
                 self.tr("The rate tables your late-charge rules use are up to date."))):
            box = QGroupBox(title)
            # today's four actions wrap: at 1366x768 their box is ~270 px wide, and beside a money column of
            # tens of millions "Legal action / agency" was cut (the names of the other lists show whole on hover)
            view = _table(model, wrap=key == "todo")
            view.setObjectName(f"list_{key}")
            view.activated.connect(lambda index, k=key: self.opened.emit(k, index.row()))
            view.doubleClicked.connect(lambda index, k=key: self.opened.emit(k, index.row()))
            placeholder = QLabel(empty)
            placeholder.setWordWrap(True)
            placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
            stack = QStackedWidget()
            stack.addWidget(view)
            stack.addWidget(placeholder)
            model.modelReset.connect(lambda m=model, st=stack: st.setCurrentIndex(0 if m.rowCount() else 1))
            bl = QVBoxLayout(box)
            bl.setContentsMargins(4, 4, 4, 4)
            bl.addWidget(stack)
            self.views[key] = view
            self.stacks[key] = stack
            row.addWidget(box, stretch)
