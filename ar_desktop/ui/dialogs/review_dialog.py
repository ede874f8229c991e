"""The quarterly credit review in the window: the customers of the quarter's pack, the decision box
for the selected one (recorded in its collection file), and the pack itself to preview and print."""

from __future__ import annotations

from decimal import Decimal

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QRadioButton,
                               QSplitter, QTableView, QVBoxLayout, QWidget)

from ar_desktop.domain.kpi import quarter_of
from ar_desktop.domain.review import DECISION_LABELS, DECISIONS
from ar_desktop.services import review
from ar_desktop.domain.text import Text
from ar_desktop.ui.i18n import render
from ar_desktop.ui.messages import run_action
from ar_desktop.ui.rows_model import RowColumn, RowsModel
from ar_desktop.ui.tasks import BackgroundTask
from ar_desktop.ui.screen import keep_on_screen
from ar_desktop.ui import amounts

QUARTERS_SHOWN = 8


def _quarters(today: dt.date) -> list[str]:
    out, y, q = [], today.year, (today.month - 1) // 3 + 1
    for _ in range(QUARTERS_SHOWN):
        out.append(f"{y}Q{q}")
        y, q = (y, q - 1) if q > 1 else (y - 1, 4)
    return out


def _decision_text(c: review.ReviewCandidate) -> str:
    return "" if c.decision is None else render(Text(DECISION_LABELS[c.decision.decision]))


class ReviewDialog(QDialog):
    recorded = Signal()

    def __init__(self, parent: QWidget, books, preview):
        """``preview(quarter)`` builds and shows the pack (the Overview's report actions)."""
        super().__init__(parent)
        keep_on_screen(self)  # fits the screen; cut-off cells readable on hover
        self.books, self._preview = books, preview
        self.setWindowTitle(self.tr("Quarterly credit review"))
        self.quarter = QComboBox()
        today = books.today()
        quarters = _quarters(today)
        for q in quarters:
            self.quarter.addItem(q, q)
        # the quarter just ended is the one usually reviewed
        self.quarter.setCurrentIndex(1 if quarter_of(today) == quarters[0] else 0)
        self.quarter.currentIndexChanged.connect(self.reload)
        self.status = QLabel()
        self.model = RowsModel([
            RowColumn(QT_TRANSLATE_NOOP("Review", "Customer"), lambda c: f"{c.code} – {c.name}", context="Review"),
            RowColumn(QT_TRANSLATE_NOOP("Review", "Balance"), lambda c: c.balance, "money", context="Review"),
            RowColumn(QT_TRANSLATE_NOOP("Review", "Overdue"), lambda c: c.overdue, "money", context="Review"),
            RowColumn(QT_TRANSLATE_NOOP("Review", "Limit"), lambda c: c.credit_limit, "money", context="Review"),
            RowColumn(QT_TRANSLATE_NOOP("Review", "Class"), lambda c: c.credit_class if not c.suggested_class
                      or c.suggested_class == c.credit_class else f"{c.credit_class} → {c.suggested_class}",
                      context="Review"),
            RowColumn(QT_TRANSLATE_NOOP("Review", "Decision"), _decision_text, context="Review")], self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())

        self.box = QGroupBox(self.tr("Decision"))
        self.choices = QButtonGroup(self)
        box_layout = QVBoxLayout(self.box)
        self.buttons: dict[str, QRadioButton] = {}
        self.new_limit = QLineEdit()
        self.new_limit.setPlaceholderText(self.tr("new limit, e.g. {0}").format(amounts.edit_text(Decimal("20000"))))
        self.new_class = QComboBox()
        self.new_class.addItems(["A", "B", "C"])
        for key in DECISIONS:
            b = QRadioButton(render(Text(DECISION_LABELS[key])))
            b.setObjectName(f"decision_{key}")
            self.choices.addButton(b)
            self.buttons[key] = b
            row = QHBoxLayout()
            row.addWidget(b)
            if key == "change_limit":
                row.addWidget(self.new_limit)
            elif key == "change_class":
                row.addWidget(self.new_class)
            row.addStretch(1)
            box_layout.addLayout(row)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("why (kept in the collection file)"))
        form = QFormLayout()
        form.addRow(self.tr("Note"), self.note)
        box_layout.addLayout(form)
        self.effect = QLabel(self.tr("A new limit or class is set on the customer at once; stopping supplies puts the "
                                     "account on hold. The decision is written in the customer's collection file."))
        self.effect.setWordWrap(True)
        box_layout.addWidget(self.effect)
        self.record = QPushButton(self.tr("Record decision"))
        self.record.setObjectName("record_decision")
        self.record.clicked.connect(self.record_decision)
        box_layout.addWidget(self.record, alignment=Qt.AlignmentFlag.AlignRight)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Quarter")))
        top.addWidget(self.quarter)
        top.addWidget(self.status, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([640, 420])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.pack = buttons.addButton(self.tr("Preview the pack…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.pack.clicked.connect(lambda: self._preview(self.quarter.currentData()))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        screen = self.screen().availableGeometry() if self.screen() else None
        self.resize(min(1100, screen.width() - 40) if screen else 1100, min(640, screen.height() - 80) if screen else 640)
        self.task: BackgroundTask | None = None
        self.reload()

    def reload(self) -> BackgroundTask:
        quarter, books = self.quarter.currentData(), self.books
        self.status.setText(self.tr("Reading the quarter…"))
        self.box.setEnabled(False)
        self.task = BackgroundTask(self, self.tr("Reading the quarter…"),
                                   lambda _p: review.review_candidates(books, quarter),
                                   lambda rows, q=quarter: self._arrived(q, rows))
        return self.task.start()

    def _arrived(self, quarter: str, rows: list[review.ReviewCandidate]) -> None:
        if quarter != self.quarter.currentData():
            return
        current = self.selected()
        self.model.set_rows(rows)
        decided = sum(1 for r in rows if r.decision is not None)
        self.status.setText(self.tr("{0} customers with a balance or sales in {1}; {2} decided.").format(
            len(rows), quarter, decided))
        codes = [r.code for r in rows]
        index = codes.index(current.code) if current is not None and current.code in codes else 0
        if rows:
            self.table.selectRow(index)
        self._show_selected()

    def selected(self) -> review.ReviewCandidate | None:
        idx = self.table.currentIndex()
        return self.model.row_at(idx.row()) if idx.isValid() else None

    def _show_selected(self) -> None:
        c = self.selected()
        self.box.setEnabled(c is not None)
        if c is None:
            return
        self.box.setTitle(self.tr("Decision for {0}").format(c.name))
        d = c.decision
        key = d.decision if d else "keep"
        self.buttons[key].setChecked(True)
        self.new_limit.setText("" if not (d and d.new_limit) else amounts.edit_text(d.new_limit))
        self.new_class.setCurrentText(d.new_class if d and d.new_class else (c.suggested_class or c.credit_class))
        self.note.setText(d.note if d else "")

    def chosen(self) -> str:
        return next(k for k, b in self.buttons.items() if b.isChecked())

    def record_decision(self) -> bool:
        c = self.selected()
        if c is None:
            return False
        ok, _d = run_action(self, lambda: review.record_decision(
            self.books, self.quarter.currentData(), c.code, self.chosen(),
            new_limit=amounts.plain(self.new_limit.text()) or None, new_class=self.new_class.currentText(),
            note=self.note.text()))
        if ok:
            self.recorded.emit()
            self.reload()
        return ok

