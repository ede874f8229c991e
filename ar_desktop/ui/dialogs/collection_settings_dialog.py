"""Settings ▸ Collections: promise grace days, the ladder's days (calendar or working days), credit
review threshold, class suggestion thresholds."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtWidgets import QCheckBox, QWidget

from ar_desktop.domain.credit import CreditSettings
from ar_desktop.domain.errors import ValidationError
from ar_desktop.services import collection_settings
from ar_desktop.services.context import Books
from ar_desktop.ui.dialogs.form import FormDialog, line

PERCENT_FIELDS = ("a_max_late_share", "c_min_late_share")  # stored as fractions, shown as percent


class CollectionSettingsDialog(FormDialog):
    def __init__(self, parent: QWidget | None, books: Books):
        super().__init__(parent, self.tr("Collection settings"))
        current = collection_settings.collection_settings(books)
        c = current.credit
        self.add("grace_days", self.tr("Grace after a promised date (days)"), line(str(current.grace_days), 3))
        working = QCheckBox(self.tr("Count the ladder's days as working days"))
        working.setChecked(current.working_days)
        self.add("working_days", self.tr("Ladder days"), working,
                 self.tr("Thresholds and waits skip weekends and the company country's public holidays."))
        self.add("review_percent", self.tr("Credit review when overdue reaches (% of limit)"),
                 line(str(c.review_percent), 6))
        self.add("a_max_avg_days_late", self.tr("Suggest class A up to (average days late)"),
                 line(str(c.a_max_avg_days_late), 6))
        self.add("a_max_late_share", self.tr("… and at most (% of invoices paid late)"),
                 line(str(c.a_max_late_share * 100), 6))
        self.add("c_min_avg_days_late", self.tr("Suggest class C above (average days late)"),
                 line(str(c.c_min_avg_days_late), 6))
        self.add("c_min_late_share", self.tr("… or above (% of invoices paid late)"),
                 line(str(c.c_min_late_share * 100), 6))

        def save(raw):
            problems, numbers = {}, {}
            for key in ("review_percent", "a_max_avg_days_late", "a_max_late_share", "c_min_avg_days_late",
                        "c_min_late_share"):
                try:
                    value = Decimal(raw[key].strip())
                    numbers[key] = value / 100 if key in PERCENT_FIELDS else value
                except InvalidOperation:
                    problems[key] = self.tr("'{0}' is not a number.").format(raw[key])
            if not raw["grace_days"].strip().isdigit():
                problems["grace_days"] = self.tr("Enter a whole number of days, e.g. 3.")
            if problems:
                raise ValidationError(problems)
            settings = collection_settings.CollectionSettings(int(raw["grace_days"]), CreditSettings(**numbers),
                                                              bool(raw["working_days"]))
            collection_settings.set_collection_settings(books, settings)

        self.on_save(save)
