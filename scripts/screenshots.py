"""Regenerate the screenshots in docs/screenshots at the bookkeeper's screen size (1366×768):
each tab and every dialog of tests/ui/dialog_catalogue.py, in English and in Chinese (run headless
or under Xvfb), in 256 colours.

    .venv/bin/python scripts/screenshots.py          # English: customers.png, payments.png, dialog-*.png …
    .venv/bin/python scripts/screenshots.py zh_CN    # Chinese: zh-customers.png, zh-dialog-*.png …
    .venv/bin/python scripts/screenshots.py zh_CN --screen 1600x1000 --out /tmp/shots-1600
                                                     # the same on a larger screen, to look at (not in docs/)

The dialogs come from tests/ui/dialog_catalogue.py, the list the laptop-fit test checks.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCREEN = ROOT / "tests" / "ui" / "laptop-screen.json"


def _options(argv: list[str]) -> tuple[str, tuple[int, int], Path]:
    """The language, the screen size and the folder from the command line."""
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("language", nargs="?", default="en")
    parser.add_argument("--screen", default="1366x768", help="WIDTHxHEIGHT of the screen (default 1366x768)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    width, height = (int(n) for n in args.screen.lower().split("x"))
    return args.language, (width, height), args.out


LANGUAGE, SCREEN_SIZE, OUT = _options(sys.argv[1:])
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    if SCREEN_SIZE != (1366, 768):
        import json

        SCREEN = Path(tempfile.mkdtemp()) / "screen.json"
        SCREEN.write_text(json.dumps({"screens": [{"name": "screen", "x": 0, "y": 0, "width": SCREEN_SIZE[0],
                                                   "height": SCREEN_SIZE[1], "logicalDpi": 96,
                                                   "logicalBaseDpi": 96, "dpr": 1}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREEN}"
sys.path.insert(0, str(ROOT / "tests" / "ui"))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from ar_desktop.clock import FixedClock  # noqa: E402
from ar_desktop.services.demo import build_demo  # noqa: E402
from ar_desktop.ui import tasks  # noqa: E402
from ar_desktop.ui.i18n import install_font  # noqa: E402
from ar_desktop.ui.main_window import MainWindow  # noqa: E402

TODAY = dt.date(2026, 3, 31)  # a fixed day: the screenshots do not change with the calendar
TABS = ("customers", "invoices", "payments", "collections")  # the Overview and Credit tabs: _overview, _credit


def _settle(app) -> None:
    for _ in range(8):
        app.processEvents()


def _save(widget, app, name: str) -> None:
    _settle(app)
    _write(widget.grab(), OUT / f"{name}.png")


def _write(picture, path: Path) -> None:
    """A screenshot in 256 colours (a third of the size; text and lines stay sharp)."""
    from io import BytesIO

    from PIL import Image
    from PySide6.QtCore import QBuffer, QIODevice

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    picture.save(buffer, "PNG")
    image = Image.open(BytesIO(bytes(buffer.data()))).convert("RGB")
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)
    print(path)


def _collection_file(window: MainWindow, prefix: str) -> None:
    """The first page of a collection file as printed, in the interface's language."""
    from PySide6.QtCore import QCoreApplication

    from ar_desktop.services.collection_file import collection_file_pdf
    from ar_desktop.ui.printing import render_pages

    books = window.books
    page = render_pages(collection_file_pdf(books, "BAL02", books.today(), QCoreApplication.translate), 80)[0]
    _write(page, OUT / f"{prefix}collection-file.png")


def _documents(window: MainWindow, app: QApplication) -> None:
    """The letters dialog, a letter preview, the register."""
    from ar_desktop.services import letters, registered_mail

    books = window.books
    tab = window.collections
    dialog = tab.open_letters()
    _save(dialog, app, "letters-dialog")
    dialog.close()
    first = letters.letter_candidates(books, books.today())
    registered = [c.customer_code for c in first if c.registered_mail][:2]
    from ar_desktop.domain.tracking import s10_check_digit

    for i, issued in enumerate(letters.issue_letters(books, books.today(), registered)):
        serial = f"{40871235 + i:08d}"
        registered_mail.record_posting(books, issued.letter_id, "Deutsche Post", "Einschreiben Rückschein",
                                       f"RR{serial}{s10_check_digit(serial)}DE", books.today())
    register = tab.open_register()
    _save(register, app, "registered-mail")
    register.close()


def _wait(app, done, seconds: float = 120) -> None:
    import time

    end = time.monotonic() + seconds
    while not done() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)
    for _ in range(5):
        app.processEvents()


def _overview(window: MainWindow, app: QApplication, prefix: str) -> None:
    """The Overview at a laptop's 1366×768 and a 1600×1000 screen; the review dialog (English)."""
    o = window.overview
    window.tabs.setCurrentWidget(o)
    for size, suffix in (((1366, 768), ""), ((1600, 1000), "-1600")):
        window.resize(*size)
        o.refresh()
        _wait(app, lambda: not o._pending)
        _settle(app)
        _write(window.grab(), OUT / f"{prefix}overview{suffix}.png")
    if not prefix:
        dialog = o.reports.open_review_dialog()
        dialog.resize(1100, 640)
        _wait(app, lambda: dialog.model.rowCount() > 0)
        dialog.table.selectRow(1)
        _save(dialog, app, "review-dialog")
        dialog.close()


def _credit(window: MainWindow, app: QApplication, prefix: str) -> None:
    """The Credit tab (actions, insurance, limitation warnings) and the credit check dialog.

    An invoice of 2023 under Chinese law is added first, so that a limitation warning shows."""
    import datetime as dt

    from ar_desktop.domain.limitation import add_years
    from ar_desktop.services import customers, invoicing
    from ar_desktop.ui.dialogs.credit_dialogs import CreditCheckDialog

    books = window.books
    cid, data = customers.find_customer(books, "DRA04")
    customers.update_customer(books, cid, {**data.__dict__, "limitation": "cn", "credit_limit": str(data.credit_limit)})
    invoicing.add_invoice(books, {"number": "2023-00412", "customer_code": "DRA04", "issue_date": "2023-03-15",
                                  "due_date": (add_years(books.today(), -3) + dt.timedelta(days=44)).isoformat(),
                                  "amount": "4860.00"})
    window.tabs.setCurrentWidget(window.credit)
    window.credit.reload()
    for index, name in enumerate(("credit-actions", "credit-insurance", "credit-limitation")):
        window.credit.pages.setCurrentIndex(index)
        _save(window, app, f"{prefix}{name}")
    dialog = CreditCheckDialog(window, books, "KAS11", "Kastanie Möbelbau OHG")
    dialog.show()
    _save(dialog, app, f"{prefix}credit-check-dialog")
    dialog.close()


def main() -> int:
    language = LANGUAGE
    app = QApplication(sys.argv[:1])
    install_font(app)
    prefix = ""
    if language != "en":
        from ar_desktop.ui.i18n import install_translator

        install_translator(app, language)
        prefix = language.split("_")[0] + "-"
    from dialog_catalogue import CATALOGUE

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "Sample Company.ardb"
        clock = FixedClock(TODAY)
        build_demo(path, clock).close()
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings, clock)
        window.open_file(path)
        window.showMaximized()
        OUT.mkdir(parents=True, exist_ok=True)
        _overview(window, app, prefix)
        window.resize(*SCREEN_SIZE)  # the whole screen (a laptop's by default)
        _reverse_one_payment(window)
        for name in TABS:
            window.tabs.setCurrentWidget(getattr(window, name))
            if name == "collections":
                window.collections.reload()
            _save(window, app, f"{prefix}{name}")
        for name in sorted(CATALOGUE):  # every dialog of the window
            dialog = CATALOGUE[name](window, Path(tmp))
            dialog.show()
            tasks.wait_idle()  # a dialog that reads in the background (the review) shows what it read
            _save(dialog, app, f"{prefix}dialog-{name}")
            dialog.close()
        _collection_file(window, prefix)
        if not prefix:
            _documents(window, app)
        _credit(window, app, prefix)
        window.close()
    return 0


def _reverse_one_payment(window) -> None:
    """The Payments tab shows a reversal next to the payment it reverses."""
    from ar_desktop.services.payments import payment_ids, reverse_payment
    from ar_desktop.storage.payments_repo import PaymentFilter

    reverse_payment(window.books, payment_ids(window.books, PaymentFilter())[2], TODAY, "Cheque bounced")
    window.data_changed()


if __name__ == "__main__":
    sys.exit(main())
