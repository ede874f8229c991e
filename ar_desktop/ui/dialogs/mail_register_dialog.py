"""The letters register and the registered-mail log: posting, delivery, return, receipts,
corrections (added, never overwritten), fingerprint check and the post-office mailing book."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QHeaderView,
                               QLabel, QMessageBox, QPushButton, QTableView, QVBoxLayout, QWidget)

from ar_desktop.domain.text import Text
from ar_desktop.services import letters, registered_mail
from ar_desktop.services.context import Books
from ar_desktop.services.letter_register import RegisterRow, letter_register
from ar_desktop.ui import palette
from ar_desktop.ui.dialogs.form import FormDialog, OptionalDateEdit, combo, date_edit, line
from ar_desktop.ui.i18n import render
from ar_desktop.ui.messages import run_action
from ar_desktop.ui.pdf_preview import PdfPreview
from ar_desktop.ui.table_models import money_text
from ar_desktop.ui.worklist_model import step_text
from ar_desktop.ui.screen import keep_on_screen, resize_to_table

STAGE_NAMES = {"issued": QT_TRANSLATE_NOOP("RegisterModel", "issued"),
               "posted": QT_TRANSLATE_NOOP("RegisterModel", "posted"),
               "delivered": QT_TRANSLATE_NOOP("RegisterModel", "delivered"),
               "returned": QT_TRANSLATE_NOOP("RegisterModel", "returned")}
# Mail services whose label is not a name the same in every language (the window's own words).
SERVICE_LABELS = (QT_TRANSLATE_NOOP("PostingDialog", "China Post 挂号信 (registered letter)"),
                  QT_TRANSLATE_NOOP("PostingDialog", "USPS Certified Mail with Return Receipt"),
                  QT_TRANSLATE_NOOP("PostingDialog", "Registered mail"))
STAGE_TONE = {"issued": palette.DUE_SOON, "returned": palette.OVERDUE, "delivered": palette.PAID}


def _d(v) -> str:
    return v.isoformat() if v else ""


class RegisterModel(QAbstractTableModel):
    HEADERS = (QT_TRANSLATE_NOOP("RegisterModel", "Letter"), QT_TRANSLATE_NOOP("RegisterModel", "Date"),
               QT_TRANSLATE_NOOP("RegisterModel", "Customer"), QT_TRANSLATE_NOOP("RegisterModel", "Step"),
               QT_TRANSLATE_NOOP("RegisterModel", "Claimed"), QT_TRANSLATE_NOOP("RegisterModel", "Stage"),
               QT_TRANSLATE_NOOP("RegisterModel", "Posted"), QT_TRANSLATE_NOOP("RegisterModel", "Carrier / service"),
               QT_TRANSLATE_NOOP("RegisterModel", "Tracking"),
               QT_TRANSLATE_NOOP("RegisterModel", "Delivered / returned"),
               QT_TRANSLATE_NOOP("RegisterModel", "Reply due"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[RegisterRow] = []

    def set_rows(self, rows: list[RegisterRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        r = self.rows[index.row()]
        x, m = r.letter, r.mail
        if role == Qt.ItemDataRole.DisplayRole:
            return [x.reference, _d(x.letter_date), f"{x.customer_code} – {x.customer_name}", step_text(x.step_key),
                    f"{money_text(x.total_claimed)} {x.currency}", self.tr(STAGE_NAMES[r.stage]), _d(m.posted_on),
                    f"{m.carrier} {m.service}".strip(), m.tracking_number, _d(m.delivered_on or m.returned_on),
                    _d(m.response_deadline)][index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 5:
            return palette.color_for(STAGE_TONE.get(r.stage))
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return f"SHA-256 {x.sha256}\n{x.archive_path}"
        return None


class PostingDialog(FormDialog):
    def __init__(self, parent: QWidget | None, books: Books, row: RegisterRow):
        super().__init__(parent, self.tr("Posted — {0}").format(row.letter.reference))
        self.add("service", self.tr("Carrier and service"),
                 combo([(self.tr(m.label.strip()), m.key) for m in registered_mail.services_for_books(books)]))
        self.add("tracking", self.tr("Tracking number"), line("", 40, "RR123456785CN"),
                 self.tr("UPU numbers (2 letters, 9 digits, country) are checked digit by digit"))
        self.add("posted_on", self.tr("Posted on"), date_edit(books.today()))

        def save(raw):
            service = registered_mail.mail_service(raw["service"])
            return registered_mail.record_posting(books, row.letter.id, service.carrier, service.service,
                                                  raw["tracking"], raw["posted_on"])

        self.on_save(save)


class DeliveryDialog(FormDialog):
    def __init__(self, parent: QWidget | None, books: Books, row: RegisterRow, returned: bool = False):
        super().__init__(parent, (self.tr("Returned undelivered — {0}") if returned
                                  else self.tr("Delivered — {0}")).format(row.letter.reference))
        self.add("date", self.tr("Date"), date_edit(books.today()))
        if returned:
            self.add("reason", self.tr("Reason given by the carrier"), line("", 500))
            self.on_save(lambda raw: registered_mail.record_return(books, row.letter.id, raw["date"], raw["reason"]))
        else:
            self.add("signed_by", self.tr("Signed by"), line("", 200))
            self.on_save(lambda raw: registered_mail.record_delivery(books, row.letter.id, raw["date"],
                                                                     raw["signed_by"]))


class CorrectionDialog(FormDialog):
    """Corrects the latest posting/delivery/return entry by adding a correction entry."""

    def __init__(self, parent: QWidget | None, books: Books, row: RegisterRow):
        super().__init__(parent, self.tr("Correct the log — {0}").format(row.letter.reference))
        entries = [e for e in registered_mail.mail_log(books, row.letter.id) if e.kind in
                   ("posted", "delivered", "returned", "correction")]
        kinds = registered_mail.ENTRY_KIND_NAMES
        self.add("entry", self.tr("Entry"), combo([
            (f"{render(Text(kinds.get(e.kind, e.kind)))} {e.date.isoformat()} {e.tracking_number}".strip(),
             e.corrects_id or e.id) for e in reversed(entries)]))
        self.add("tracking", self.tr("Correct tracking number"), line("", 40), self.tr("Empty: unchanged"))
        self.add("date", self.tr("Correct date"), OptionalDateEdit(self.tr("unchanged"), books.today()),
                 self.tr("Empty: unchanged"))
        self.add("signed_by", self.tr("Correct signed by"), line("", 200), self.tr("Empty: unchanged"))
        self.add("note", self.tr("Why the correction"), line("", 500))
        self.on_save(lambda raw: registered_mail.correct_entry(
            books, raw["entry"], raw["note"], tracking=raw["tracking"] or None, date=raw["date"] or None,
            signed_by=raw["signed_by"] or None))


class MailRegisterDialog(QDialog):
    def __init__(self, parent: QWidget | None, books: Books, customer_code: str | None = None):
        super().__init__(parent)
        keep_on_screen(self)  # fits the screen; cut-off cells readable on hover
        self.books, self.customer_code = books, customer_code
        self.setWindowTitle(self.tr("Letters and registered mail") + (f" — {customer_code}" if customer_code else ""))
        self.model = RegisterModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        actions = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (("open", self.tr("Open letter…"), self.open_letter),
                                ("verify", self.tr("Verify fingerprint"), self.verify),
                                ("posted", self.tr("Posted…"), lambda: self._entry(PostingDialog)),
                                ("delivered", self.tr("Delivered…"), lambda: self._entry(DeliveryDialog)),
                                ("returned", self.tr("Returned…"),
                                 lambda: self._entry(lambda p, b, r: DeliveryDialog(p, b, r, returned=True))),
                                ("receipt", self.tr("Attach receipt…"), self.attach_receipt),
                                ("correct", self.tr("Correct…"), lambda: self._entry(CorrectionDialog)),
                                ("book", self.tr("Mailing book…"), self.mailing_book)):
            b = QPushButton(text)
            b.clicked.connect(slot)
            self.buttons[key] = b
            actions.addWidget(b)
        actions.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Every issued letter, its fingerprint and its way through the post. "
                                        "Corrections are added to the log; nothing is overwritten.")))
        layout.addWidget(self.table)
        layout.addLayout(actions)
        layout.addWidget(close)
        self.reload()
        resize_to_table(self, self.table, 1180, 520)  # every column whole where the screen allows

    def reload(self) -> None:
        self.model.set_rows(letter_register(self.books, customer_code=self.customer_code))
        if self.model.rows:
            self.table.selectRow(0)

    def selected(self) -> list[RegisterRow]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.rows[r] for r in rows]

    def current(self) -> RegisterRow | None:
        rows = self.selected()
        return rows[0] if rows else None

    def _entry(self, factory) -> None:
        row = self.current()
        if row is not None and factory(self, self.books, row).exec():
            self.reload()

    def open_letter(self) -> None:
        row = self.current()
        if row is None:
            return
        ok, data = run_action(self, letters.archived_bytes, self.books, row.letter.id)
        if ok:
            PdfPreview(self, data, self.tr("{0} as issued").format(row.letter.reference),
                       file_name=f"{row.letter.reference}.pdf").open()

    def verify(self) -> None:
        row = self.current()
        if row is None:
            return
        ok, check = run_action(self, letters.verify_letter, self.books, row.letter.id)
        if ok:
            (QMessageBox.information if check.ok else QMessageBox.warning)(self, self.tr("Fingerprint"),
                                                                           render(check.message))

    def attach_receipt(self) -> None:
        row = self.current()
        if row is None:
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Scan of the receipt"), str(Path.home()),
                                              "PDF or image (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)")
        if path:
            kind = "return_receipt" if row.mail.posted_on else "posting_receipt"
            if run_action(self, registered_mail.attach_receipt, self.books, row.letter.id, path, kind)[0]:
                self.reload()

    def mailing_book(self) -> None:
        rows = [r for r in self.selected() if r.mail.posted_on]
        if not rows:
            QMessageBox.information(self, self.tr("Mailing book"),
                                    self.tr("Select letters already recorded as posted."))
            return
        ok, data = run_action(self, registered_mail.mailing_book_pdf, self.books, [r.letter.id for r in rows],
                              rows[0].mail.posted_on)
        if ok:
            PdfPreview(self, data, self.tr("Mailing book"),
                       file_name=f"Mailing book {rows[0].mail.posted_on.isoformat()}.pdf").open()
