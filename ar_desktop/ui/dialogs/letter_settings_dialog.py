"""Settings ▸ Letters and printing: layout, payment deadline, printer offset, statement; calibration page."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (QAbstractSpinBox, QCheckBox, QDoubleSpinBox, QHBoxLayout, QPushButton, QSizePolicy,
                               QSpinBox, QWidget)

from ar_desktop.services import letters
from ar_desktop.services.context import Books
from ar_desktop.ui.dialogs.form import FormDialog, combo
from ar_desktop.ui.dialogs.late_charges_dialog import fit_height, note
from ar_desktop.ui.messages import run_action
from ar_desktop.ui.pdf_preview import PdfPreview, print_and_report

MAX_OFFSET_MM = 15.0  # the services refuse more (ar_desktop.pdf.layouts.MAX_OFFSET_MM)

# (layout key, label, explanation) in the order of letters.LAYOUT_KEYS
LAYOUTS = (
    ("din-a", QT_TRANSLATE_NOOP("LetterSettingsDialog", "DIN 5008 form A (A4, window envelope)"),
     QT_TRANSLATE_NOOP("LetterSettingsDialog",
                       "German standard letter with a short letterhead: the address sits 27 mm from the top edge, "
                       "fold marks at 87 and 192 mm. For DL or C5/6 window envelopes.")),
    ("din-b", QT_TRANSLATE_NOOP("LetterSettingsDialog", "DIN 5008 form B (A4, window envelope)"),
     QT_TRANSLATE_NOOP("LetterSettingsDialog",
                       "German standard letter with a taller letterhead: the address sits 45 mm from the top edge, "
                       "fold marks at 105 and 210 mm. For DL or C5/6 window envelopes.")),
    ("us-10", QT_TRANSLATE_NOOP("LetterSettingsDialog", "US #10 window envelope (US Letter)"),
     QT_TRANSLATE_NOOP("LetterSettingsDialog",
                       "US Letter paper folded in three for a #10 window envelope: the address sits about 52 mm "
                       "(2 1/16 in) from the top edge, ½ in from the left.")),
    ("plain", QT_TRANSLATE_NOOP("LetterSettingsDialog", "Plain A4 (no window envelope)"),
     QT_TRANSLATE_NOOP("LetterSettingsDialog",
                       "Plain A4 page without window positions, for envelopes addressed by hand or with a label.")),
)


def _spin(value: int) -> QSpinBox:
    w = QSpinBox()
    w.setRange(1, letters.MAX_DEADLINE_DAYS)
    w.setValue(max(1, min(int(value), letters.MAX_DEADLINE_DAYS)))
    w.setSuffix(QCoreApplication.translate("LetterSettingsDialog", " days"))
    return _fixed(w)


def _offset(value: float) -> QDoubleSpinBox:
    w = QDoubleSpinBox()
    w.setDecimals(1)
    w.setSingleStep(0.5)
    w.setRange(-MAX_OFFSET_MM, MAX_OFFSET_MM)
    w.setValue(float(value))
    w.setSuffix(QCoreApplication.translate("LetterSettingsDialog", " mm"))
    return _fixed(w)


def _fixed(w: QAbstractSpinBox) -> QAbstractSpinBox:
    w.setMinimumWidth(130)
    w.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    return w


class LetterSettingsDialog(FormDialog):
    def __init__(self, parent: QWidget | None, books: Books):
        super().__init__(parent, self.tr("Letters and printing"))
        self.books = books
        current = letters.letter_settings(books)
        layout = "us-10" if current.layout == "us10" else current.layout
        self.layout_box = combo([(self.tr(label), key) for key, label, _ in LAYOUTS], layout)
        for i, (_key, _label, explanation) in enumerate(LAYOUTS):
            self.layout_box.setItemData(i, self.tr(explanation), Qt.ItemDataRole.ToolTipRole)
        self.add("layout", self.tr("Letter layout"), self.layout_box)
        self.layout_hint = note()
        self.layout_hint.setObjectName("layout_hint")
        self.form.addRow("", self.layout_hint)
        self.layout_box.currentIndexChanged.connect(self._explain_layout)
        self._explain_layout()

        self.deadline = self.add("deadline_days", self.tr("Payment deadline"), _spin(current.deadline_days),
                                 self.tr("Days after the letter date the customer has to pay."))
        self.dx = self.add("offset_dx_mm", self.tr("Printer offset right"), _offset(current.offset_dx_mm),
                           self.tr("Positive moves the print to the right, negative to the left."))
        self.dy = self.add("offset_dy_mm", self.tr("Printer offset down"), _offset(current.offset_dy_mm),
                           self.tr("Positive moves the print down, negative up."))
        calibration = QWidget()
        row = QHBoxLayout(calibration)
        row.setContentsMargins(0, 0, 0, 0)
        self.preview_button = QPushButton(self.tr("Preview calibration page…"))
        self.print_button = QPushButton(self.tr("Print calibration page…"))
        self.preview_button.clicked.connect(self.preview_calibration)
        self.print_button.clicked.connect(self.print_calibration)
        row.addWidget(self.preview_button)
        row.addWidget(self.print_button)
        row.addStretch(1)
        self.form.addRow("", calibration)
        self.form.addRow("", note(self.tr("To find the offset, print the calibration page at 100 %, measure where "
                                          "the lines marked X and Y fall, and enter expected minus measured. The "
                                          "page uses the layout and offset shown here, even before you save.")))
        statement = QCheckBox(self.tr("Attach a statement of account (all open items) to each letter"))
        statement.setChecked(current.statement_attached)
        self.add("statement_attached", "", statement)

        self.on_save(lambda raw: letters.set_letter_settings(books, self.settings_from(raw)))
        fit_height(self, 600, shrink=True)

    def values(self) -> dict[str, Any]:
        out = super().values()
        for key, w in self.fields.items():
            if isinstance(w, QSpinBox | QDoubleSpinBox):
                out[key] = w.value()
        return out

    @staticmethod
    def settings_from(raw: dict[str, Any]) -> letters.LetterSettings:
        return letters.LetterSettings(int(raw["deadline_days"]), raw["layout"], float(raw["offset_dx_mm"]),
                                      float(raw["offset_dy_mm"]), bool(raw["statement_attached"]))

    def _explain_layout(self) -> None:
        key = self.layout_box.currentData()
        self.layout_hint.setText(next((self.tr(e) for k, _label, e in LAYOUTS if k == key), ""))
        fit_height(self)

    def _calibration(self) -> bytes | None:
        # The language of the printed instructions follows the interface (translated to "zh" in Chinese).
        language = self.tr("en", "language code of the printed calibration page: en or zh")
        ok, data = run_action(self, letters.calibration_pdf, self.books, self.layout_box.currentData(),
                              (self.dx.value(), self.dy.value()), language)
        return data if ok else None

    def preview_calibration(self) -> PdfPreview | None:
        data = self._calibration()
        if data is None:
            return None
        preview = PdfPreview(self, data, self.tr("Calibration page"), file_name="Calibration page.pdf")
        preview.exec()
        return preview

    def print_calibration(self) -> None:
        data = self._calibration()
        if data is not None:
            print_and_report(self, data, self.tr("Calibration page"))
