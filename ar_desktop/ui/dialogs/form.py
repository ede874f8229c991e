"""A form dialog that hands raw text to a service and shows each problem beside its field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QLineEdit, QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

from ar_desktop.domain.errors import UserError, ValidationError
from ar_desktop.domain.records import EARLIEST_DATE
from ar_desktop.domain.text import Text
from ar_desktop.ui import amounts
from ar_desktop.ui.i18n import render
from ar_desktop.ui.messages import show_error
from ar_desktop.ui.screen import FitScrollArea, fit_size, keep_on_screen

AMOUNT = "amount_field"  # the property that marks an amount field
ERROR_STYLE = "color: palette(bright-text); background: #c62828; padding: 2px 4px; border-radius: 3px;"


def qdate(d) -> QDate:
    return QDate(d.year, d.month, d.day)


def iso(edit: QDateEdit) -> str:
    return edit.date().toString("yyyy-MM-dd")


def date_edit(value=None) -> QDateEdit:
    w = QDateEdit()
    w.setCalendarPopup(True)
    w.setDisplayFormat("yyyy-MM-dd")
    if value is not None:
        w.setDate(qdate(value))
    return w


class OptionalDateEdit(QDateEdit):
    """A date picker that may be left empty: ``empty_text`` shows until a date is picked (its lowest
    date stands for "no date"); ``value_text()`` is "" then, else the date as YYYY-MM-DD."""

    def __init__(self, empty_text: str, start=None):
        super().__init__()
        self._start = start or dt.date.today()
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(qdate(EARLIEST_DATE - dt.timedelta(days=1)))
        self.setSpecialValueText(empty_text)
        self.clear_value()

    def clear_value(self) -> None:
        self.setDate(self.minimumDate())

    def is_empty(self) -> bool:
        return self.date() == self.minimumDate()

    def value_text(self) -> str:
        return "" if self.is_empty() else iso(self)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.is_empty():  # the calendar opens on a sensible month, not on the "empty" date
            self.setDate(qdate(self._start))
        super().mousePressEvent(event)


class KeepOpen(Exception):  # noqa: N818 - a signal, not an error
    """Raised by a save function when the user chose not to go on: the dialog stays as it is."""


class FormDialog(QDialog):
    """Fields are added with ``add``; ``values()`` gives raw text by key; ``submit`` calls the service."""

    def __init__(self, parent: QWidget | None, title: str):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.fields: dict[str, QWidget] = {}
        self._errors: dict[str, QLabel] = {}
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        # The fields scroll when they (and their error messages) need more height than the screen
        # has: the buttons stay on screen below them.
        self.body = QWidget()
        self.body.setLayout(self.form)
        self.scroll = FitScrollArea(self.body)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.buttons)
        keep_on_screen(self)
        self._save: Callable[[dict[str, Any]], Any] | None = None
        self.result_value: Any = None

    def add(self, key: str, label: str, widget: QWidget, hint: str = "") -> QWidget:
        self.fields[key] = widget
        error = QLabel()
        error.setObjectName(f"error_{key}")
        error.setWordWrap(True)
        error.setStyleSheet(ERROR_STYLE)
        error.hide()
        self._errors[key] = error
        box = QWidget()
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(2)
        if widget.sizePolicy().horizontalPolicy() in (QSizePolicy.Policy.Expanding, QSizePolicy.Policy.MinimumExpanding,
                                                      QSizePolicy.Policy.Ignored):
            inner.addWidget(widget)
        else:  # a date or a choice keeps its own width, hint or not (two dates of a form look alike)
            inner.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)
        if hint:
            h = QLabel(hint)
            h.setEnabled(False)
            inner.addWidget(h)
        inner.addWidget(error)
        self.form.addRow(label, box)
        widget.setObjectName(key)
        return widget

    def values(self) -> dict[str, Any]:
        """What the fields hold, as the services read it: an amount field's text in the plain form
        ('12.000,50' in a German company -> '12000.50'); ValidationError if one is no amount."""
        out: dict[str, Any] = {}
        bad: dict[str, str | Text] = {}
        for key, w in self.fields.items():
            if isinstance(w, QLineEdit) and w.property(AMOUNT):
                try:
                    out[key] = amounts.plain(w.text())
                except UserError as e:
                    bad[key] = e.message
            elif isinstance(w, QLineEdit):
                out[key] = w.text()
            elif isinstance(w, QPlainTextEdit):
                out[key] = w.toPlainText()
            elif isinstance(w, QComboBox):
                data = w.currentData()
                out[key] = w.currentText() if data is None else data
            elif isinstance(w, QCheckBox):
                out[key] = w.isChecked()
            elif isinstance(w, OptionalDateEdit):
                out[key] = w.value_text()
            elif isinstance(w, QDateEdit):
                out[key] = iso(w)
        if bad:
            raise ValidationError(bad)
        return out

    def on_save(self, fn: Callable[[dict[str, Any]], Any]) -> None:
        self._save = fn

    def show_problems(self, problems: dict[str, str | Text]) -> None:
        for key, label in self._errors.items():
            msg = problems.get(key)
            label.setText(render(msg) if msg else "")
            label.setVisible(bool(msg))
        first = next((k for k in problems if k in self.fields), None)
        if first:
            self.fields[first].setFocus(Qt.FocusReason.OtherFocusReason)
            self.grow_to_content()

    def grow_to_content(self) -> None:
        """Taller by what the messages need, as far as the screen allows (beyond that the fields
        scroll); never smaller, so the dialog does not jump while the user corrects it."""
        self.form.invalidate()
        self.layout().activate()
        width = self.scroll.viewport().width()
        needed = self.body.heightForWidth(width) if self.body.hasHeightForWidth() else -1
        needed = needed if needed > 0 else self.body.sizeHint().height()
        extra = needed - self.scroll.viewport().height()
        if extra > 0:
            self.resize(self.width(), fit_size(self, self.width(), self.height() + extra).height())

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.grow_to_content()

    def _on_save(self) -> None:
        try:
            self.result_value = self._save(self.values()) if self._save else None
        except KeepOpen:
            return
        except ValidationError as e:
            unplaced = {k: v for k, v in e.problems.items() if k not in self.fields}
            self.show_problems(e.problems)
            if unplaced:
                show_error(self, ValidationError(unplaced))
            return
        except UserError as e:
            self.show_problems({})
            show_error(self, e)
            return
        except Exception as e:  # noqa: BLE001 - a bug: the transaction rolled back; say so, keep the dialog
            show_error(self, e)
            return
        self.accept()


def line(text: str = "", max_length: int = 0, placeholder: str = "") -> QLineEdit:
    w = QLineEdit(text)
    if max_length:
        w.setMaxLength(max_length + 1)  # one over, so the validation message (not a silent cut) explains it
    if placeholder:
        w.setPlaceholderText(placeholder)
    return w


def amount_line(value: Decimal | None = None, placeholder: str = "", currency: str = "EUR") -> QLineEdit:
    """A field for an amount, shown and read in the company's style (ui.amounts)."""
    w = line(amounts.edit_text(value, currency), 0, placeholder)
    w.setProperty(AMOUNT, True)
    return w


def combo(items: list[tuple[str, Any]], current: Any = None) -> QComboBox:
    w = QComboBox()
    for label, data in items:
        w.addItem(label, data)
    if current is not None:
        idx = w.findData(current)
        if idx >= 0:
            w.setCurrentIndex(idx)
    return w
