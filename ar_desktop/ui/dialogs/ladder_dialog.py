"""Settings ▸ Collection ladder: the steps per credit class, or one customer's own ladder."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QSpinBox, QStyledItemDelegate, QTableView, QVBoxLayout, QWidget)

from ar_desktop.domain.ladder import (CREDIT_CLASSES, LETTER_TEMPLATES, ActionKind, Step, action_name, class_explanation,
                                     ladder_from_data)
from ar_desktop.domain.errors import UserError
from ar_desktop.services import collection_ladders
from ar_desktop.services.context import Books
from ar_desktop.ui.worklist_model import step_text
from ar_desktop.ui.i18n import render
from ar_desktop.ui.messages import run_action
from ar_desktop.ui.screen import keep_on_screen, resize_to_table

# A step's key is its identity in the books (what 'requires' names, what history records): never shown,
# new steps get one of their own. Action and template read as labels in the interface language.
FIELDS = ("name", "threshold_days", "action", "requires", "wait_days", "template", "registered_mail")
HEADERS = (QT_TRANSLATE_NOOP("StepsModel", "Name"),
           QT_TRANSLATE_NOOP("StepsModel", "Days from due date"), QT_TRANSLATE_NOOP("StepsModel", "Action"),
           QT_TRANSLATE_NOOP("StepsModel", "Requires step"), QT_TRANSLATE_NOOP("StepsModel", "Wait (days)"),
           QT_TRANSLATE_NOOP("StepsModel", "Letter template"), QT_TRANSLATE_NOOP("StepsModel", "Registered mail"))


def action_label(key: str | None) -> str:
    """An action as the rest of the program names it (domain.ladder.ACTION_NAMES), in the interface language."""
    return render(action_name(key)) if key else ""


def template_label(key: str | None) -> str:
    from ar_desktop.ui.dialogs.template_dialog import TEMPLATE_LABELS

    return QCoreApplication.translate("TemplateDialog", TEMPLATE_LABELS[key]) if key in TEMPLATE_LABELS \
        else (key or "")


class StepsModel(QAbstractTableModel):
    """Steps as plain dicts while editing; the domain validates the whole ladder on save."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.steps: list[dict[str, Any]] = []

    def set_steps(self, steps) -> None:
        self.beginResetModel()
        self.steps = [s.to_dict() for s in steps]
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else len(self.steps)

    def columnCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else len(FIELDS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.tr(HEADERS[section]) if orientation == Qt.Orientation.Horizontal else str(section + 1)

    def flags(self, index):
        flags = super().flags(index) | Qt.ItemFlag.ItemIsEditable
        if FIELDS[index.column()] == "registered_mail":
            flags = (flags & ~Qt.ItemFlag.ItemIsEditable) | Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        field = FIELDS[index.column()]
        value = self.steps[index.row()][field]
        if field == "registered_mail":
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
            return None
        if role == Qt.ItemDataRole.DisplayRole and field in ("name", "requires") and value:
            # a shipped step reads in the interface language; what the user typed shows as typed
            step = self.steps[index.row()] if field == "name" else next(
                (s for s in self.steps if s["key"] == value), {"key": value, "name": value})
            return step_text(step["key"], step["name"])
        if role == Qt.ItemDataRole.DisplayRole and field == "action":
            return action_label(value)
        if role == Qt.ItemDataRole.DisplayRole and field == "template":
            return template_label(value)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return "" if value is None else value
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        field = FIELDS[index.column()]
        step = self.steps[index.row()]
        if field == "registered_mail" and role == Qt.ItemDataRole.CheckStateRole:
            step[field] = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role == Qt.ItemDataRole.EditRole:
            if field in ("threshold_days", "wait_days"):
                step[field] = int(value)
            elif field in ("requires", "template"):
                step[field] = value or None
            else:
                step[field] = str(value).strip()
            if field == "action":
                kind = ActionKind(step["action"])
                step["template"] = step["template"] or kind.default_template if kind.is_letter else None
        else:
            return False
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(FIELDS) - 1))
        return True

    def add_step(self) -> None:
        last = self.steps[-1]["threshold_days"] if self.steps else 0
        taken = {s["key"] for s in self.steps}
        key = next(f"step_{n}" for n in range(len(self.steps) + 1, len(self.steps) + 2 + len(taken))
                   if f"step_{n}" not in taken)
        self.beginInsertRows(QModelIndex(), len(self.steps), len(self.steps))
        self.steps.append(Step(key, self.tr("New step"), last + 7, ActionKind.REMINDER).to_dict())
        self.endInsertRows()

    def remove_step(self, row: int) -> None:
        if 0 <= row < len(self.steps):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.steps[row]
            self.endRemoveRows()


class ChoiceDelegate(QStyledItemDelegate):
    """Combo boxes for the columns whose values come from a list; spin boxes for day counts."""

    def __init__(self, model: StepsModel, parent=None):
        super().__init__(parent)
        self.model = model

    def createEditor(self, parent, option, index):
        field = FIELDS[index.column()]
        if field in ("threshold_days", "wait_days"):
            spin = QSpinBox(parent)
            spin.setRange(-60 if field == "threshold_days" else 0, 720)
            return spin
        if field in ("action", "requires", "template"):
            box = QComboBox(parent)   # labels shown, keys stored
            if field == "action":
                items = [(action_label(k.value), k.value) for k in ActionKind]
            elif field == "template":
                items = [("", ""), *((template_label(t), t) for t in LETTER_TEMPLATES)]
            else:
                items = [("", ""), *((step_text(s["key"], s["name"]), s["key"]) for s in self.model.steps[:index.row()])]
            for label, key in items:
                box.addItem(label, key)
            return box
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor, index):
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData("" if value is None else str(value)), 0))
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(value or 0))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index):
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        elif isinstance(editor, QSpinBox):
            model.setData(index, editor.value())
        else:
            super().setModelData(editor, model, index)


class LadderDialog(QDialog):
    """Edit the ladder of a credit class, or (with ``customer_code``) one customer's override."""

    def __init__(self, parent: QWidget | None, books: Books, customer_code: str | None = None):
        super().__init__(parent)
        keep_on_screen(self)  # fits the screen; cut-off cells readable on hover
        self.books = books
        self.customer_code = customer_code
        self.setWindowTitle(self.tr("Collection ladder") if customer_code is None
                            else self.tr("Collection ladder of {0}").format(customer_code))
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.credit_class = QComboBox()
        for cls in CREDIT_CLASSES:
            self.credit_class.addItem(self.tr("Class {0}").format(cls), cls)
        self.own = QCheckBox(self.tr("This customer has its own ladder"))
        if customer_code is None:
            top.addWidget(QLabel(self.tr("Ladder for")))
            top.addWidget(self.credit_class)
        else:
            top.addWidget(self.own)
        top.addStretch(1)
        layout.addLayout(top)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        layout.addWidget(self.explanation)
        self.model = StepsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegate(ChoiceDelegate(self.model, self.table))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add step"))
        self.remove_button = QPushButton(self.tr("Remove step"))
        self.reset_button = QPushButton(self.tr("Restore defaults"))
        self.add_button.clicked.connect(self.model.add_step)
        self.remove_button.clicked.connect(lambda: self.model.remove_step(self.table.currentIndex().row()))
        self.reset_button.clicked.connect(self.restore_defaults)
        for b in (self.add_button, self.remove_button, self.reset_button):
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.credit_class.currentIndexChanged.connect(self.load)
        self.model.dataChanged.connect(self._explain)
        self.model.rowsRemoved.connect(self._explain)
        self.own.toggled.connect(self._own_toggled)
        self.load()
        resize_to_table(self, self.table, 980, 440)  # every column whole where the screen allows

    def load(self) -> None:
        if self.customer_code is None:
            cls = self.credit_class.currentData()
            self.model.set_steps(collection_ladders.class_ladder(self.books, cls).steps)
            self._explain()
        else:
            own = collection_ladders.customer_ladder(self.books, self.customer_code)
            self.own.blockSignals(True)
            self.own.setChecked(own is not None)
            self.own.blockSignals(False)
            self.model.set_steps((own or collection_ladders.effective_ladder(self.books, self.customer_code)).steps)
            self._own_toggled(own is not None)

    def _own_toggled(self, own: bool) -> None:
        for w in (self.table, self.add_button, self.remove_button, self.reset_button):
            w.setEnabled(own or self.customer_code is None)
        if self.customer_code is not None:
            self.explanation.setText(self.tr("Steps for this customer only.") if own else
                                     self.tr("The customer follows the ladder of its credit class."))

    def _explain(self) -> None:
        """The class and what its ladder, as it stands in the table, does."""
        if self.customer_code is None:
            try:
                ladder = ladder_from_data(self.model.steps)
            except UserError:  # a step being edited is not whole yet: the save says what is wrong
                return
            self.explanation.setText(render(class_explanation(self.credit_class.currentData(), ladder)))

    def restore_defaults(self) -> None:
        from ar_desktop.domain.ladder import default_ladder

        cls = self.credit_class.currentData()
        self.model.set_steps(default_ladder(cls).steps)
        self._explain()

    def save(self) -> None:
        if self.customer_code is None:
            ok, _ = run_action(self, collection_ladders.set_class_ladder, self.books, self.credit_class.currentData(),
                                      self.model.steps)
        else:
            steps = self.model.steps if self.own.isChecked() else None
            ok, _ = run_action(self, collection_ladders.set_customer_ladder, self.books, self.customer_code, steps)
        if ok:
            self.accept()
