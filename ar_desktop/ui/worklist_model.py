"""The collections worklist: one row per customer needing attention, most urgent first.

It holds only customers that need attention (a small set next to the invoice table), so
sorting by a header sorts these rows in the model; the urgency order comes from the domain.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from ar_desktop.domain.aging import overdue_severity
from ar_desktop.domain.collection_file import promise_status_text, state_text
from ar_desktop.domain.ladder import step_name_text
from ar_desktop.ui import palette
from ar_desktop.ui.i18n import render
from ar_desktop.ui.table_models import IdRole, RawRole, StatusRole, money_text

if TYPE_CHECKING:  # for annotations only
    from ar_desktop.services.worklist import WorklistRow

STATE_TONE = {"action_due": palette.OVERDUE, "waiting": palette.WAITING, "promised": palette.DUE_SOON,
              "disputed": palette.DISPUTED, "on_hold": palette.ON_HOLD}


def step_text(key: str | None, name: str | None = None) -> str:
    """A step as the window shows it (domain.ladder.step_name_text, in the interface language)."""
    return render(step_name_text(key, name)) if key else ""


def _d(value) -> str:
    return value.isoformat() if value else ""


def _class(r: WorklistRow) -> str:
    text = r.credit_class
    if r.suggested_class and r.suggested_class != r.credit_class:
        text = f"{r.credit_class} → {r.suggested_class}"
    return f"{text} ⟳" if r.credit_review else text


def _class_tip(r: WorklistRow) -> str:
    tips = []
    if r.suggested_class and r.suggested_class != r.credit_class:
        tips.append(QCoreApplication.translate(
            "Worklist", "{0} → {1}: credit class {0} today; how the customer paid over the last 12 months "
            "suggests class {1}. Change the class in the customer's record if you agree.").format(
            r.credit_class, r.suggested_class))
    if r.credit_review:
        tips.append(QCoreApplication.translate(
            "Worklist", "⟳ credit review due: the overdue balance has reached the review share of the credit "
            "limit. Look at the limit, then press Credit reviewed."))
    return "\n".join(tips)


def _since(r: WorklistRow, as_of) -> str:
    """The day the next step became due; a step due later reads "in N days", never a future date."""
    if r.next_step_date is None:
        return ""
    if as_of is not None and r.next_step_date > as_of:
        days = (r.next_step_date - as_of).days
        if days == 1:
            return QCoreApplication.translate("Worklist", "tomorrow")
        return QCoreApplication.translate("Worklist", "in {0} days").format(days)
    return r.next_step_date.isoformat()


def _since_tip(r: WorklistRow, as_of) -> str:
    if r.next_step_date is not None and as_of is not None and r.next_step_date > as_of:
        return QCoreApplication.translate("Worklist", "Due from {0}").format(r.next_step_date.isoformat())
    return ""


def _promise(r: WorklistRow) -> str:
    if r.promise is None:
        return ""
    p = r.promise
    return QCoreApplication.translate("Worklist", "{0} by {1} ({2})").format(
        money_text(p.amount), p.promised_date.isoformat(),
        render(promise_status_text(p.status)))


def _state(r: WorklistRow) -> str:
    """The state alone: what else the state column once added (a broken promise, a credit review due) is in
    the row already, in its own column (the promise's "(broken)" in red, the class's ⟳), and on hover."""
    return render(state_text(r.state))


def _state_tip(r: WorklistRow) -> str:
    extras = []
    if r.broken_promise:
        extras.append(QCoreApplication.translate("Worklist", "promise broken"))
    if r.credit_review:
        extras.append(QCoreApplication.translate("Worklist", "credit review"))
    lines = [f"{_state(r)} · {', '.join(extras)}"] if extras else []
    if r.hold_reason:
        lines.append(r.hold_reason)
    return "\n".join(lines)


# key, header, raw value, display text, numeric
COLUMNS = [
    ("code", QT_TRANSLATE_NOOP("Worklist", "Code"), lambda r: r.customer_code, None, False),
    ("customer", QT_TRANSLATE_NOOP("Worklist", "Customer"), lambda r: r.customer_name, None, False),
    ("class", QT_TRANSLATE_NOOP("Worklist", "Class"), lambda r: r.credit_class, _class, False),
    ("overdue", QT_TRANSLATE_NOOP("Worklist", "Overdue"), lambda r: r.overdue_amount,
     lambda r: money_text(r.overdue_amount), True),
    ("days", QT_TRANSLATE_NOOP("Worklist", "Days"), lambda r: r.oldest_days_overdue,
     lambda r: palette.severity_days(r.oldest_days_overdue, overdue_severity(r.oldest_days_overdue)), True),
    ("state", QT_TRANSLATE_NOOP("Worklist", "State"), lambda r: r.state, _state, False),
    ("next", QT_TRANSLATE_NOOP("Worklist", "Next step"), lambda r: r.next_step or "",
     lambda r: step_text(r.next_step, r.next_step_name), False),
    ("since", QT_TRANSLATE_NOOP("Worklist", "Due since"), lambda r: r.next_step_date, None, False),
    ("last", QT_TRANSLATE_NOOP("Worklist", "Last step"), lambda r: r.last_step or "",
     lambda r: f"{step_text(r.last_step)} {_d(r.last_step_date)}".strip(), False),
    ("promise", QT_TRANSLATE_NOOP("Worklist", "Promise"), lambda r: r.promise.promised_date if r.promise else None,
     _promise, False),
]
COLUMN_KEYS = [c[0] for c in COLUMNS]


class WorklistModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[WorklistRow] = []
        self.as_of = None

    def set_rows(self, rows: list[WorklistRow], as_of=None) -> None:
        """``as_of``: the worklist's date (a next step due after it reads "in N days")."""
        self.beginResetModel()
        self.rows = list(rows)
        self.as_of = as_of
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("Worklist", COLUMNS[section][1])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        key, _h, raw, text, numeric = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "since":
                return _since(r, self.as_of)
            if text is not None:
                return text(r)
            value = raw(r)
            return "" if value is None else str(value)
        if role == RawRole:
            return raw(r)
        if role == IdRole:
            return r.customer_id
        if role == StatusRole:
            return STATE_TONE.get(r.state)
        if role == Qt.ItemDataRole.ForegroundRole:
            if key in ("overdue", "days") and r.overdue_amount > 0:
                return palette.severity_color(overdue_severity(r.oldest_days_overdue)) or \
                    palette.color_for(palette.OVERDUE)
            if key == "state":
                return palette.color_for(STATE_TONE.get(r.state))
            if key == "promise" and r.promise is not None and r.promise.status == "broken":
                return palette.color_for(palette.OVERDUE)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int((Qt.AlignmentFlag.AlignRight if numeric else Qt.AlignmentFlag.AlignLeft)
                       | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and key in ("overdue", "days") and r.overdue_amount > 0:
            return palette.severity_font(overdue_severity(r.oldest_days_overdue))
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "state":
                return _state_tip(r) or None
            if key == "class":
                return _class_tip(r) or None
            if key == "days":
                return palette.severity_tip(overdue_severity(r.oldest_days_overdue)) or None
            if key == "since":
                return _since_tip(r, self.as_of) or None
        return None

    def sort(self, column, order=Qt.SortOrder.AscendingOrder):
        raw = COLUMNS[column][2]
        self.layoutAboutToBeChanged.emit()
        present = [r for r in self.rows if raw(r) not in (None, "")]
        missing = [r for r in self.rows if raw(r) in (None, "")]
        present.sort(key=raw, reverse=order == Qt.SortOrder.DescendingOrder)
        self.rows = present + missing
        self.layoutChanged.emit()
