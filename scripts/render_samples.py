#!/usr/bin/env python
"""Regenerate the sample letters in docs/letters/ from a real company file (needs pdftoppm):
every layout, both languages, with and without late charges, with one and with eight invoices.

    .venv/bin/python scripts/render_samples.py
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "pdf"))  # the sample creditor the letter tests read back

from pdftext import SAMPLE_DEBTORS, add_overdue_debtor, northwind_books  # noqa: E402

from ar_desktop.services import letters  # noqa: E402

OUT = ROOT / "docs" / "letters"
TODAY = dt.date(2026, 3, 31)
LAYOUTS = ("din-a", "din-b", "us-10", "plain")


def build(folder: Path):
    """The sample creditor's company file (the one the letter tests read back), with its two debtors in
    four variants each: without and with late charges, owing one and eight invoices."""
    b = northwind_books(folder / "samples.ardb", TODAY)
    for lang, person in SAMPLE_DEBTORS.items():
        for charges in (False, True):
            for n in (1, 8):
                rule = {"late_charge_rule": "statutory_de"} if charges and lang == "en" else (
                    {"late_charge_rule": "contract_daily", "late_charge_rate": "0.05"} if charges else {})
                add_overdue_debtor(b, f"{lang.upper()}-{'C' if charges else 'N'}{n}",
                                   {**person, **rule, "currency": "EUR" if lang == "en" else "CNY"}, n)
    return b


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        b = build(Path(tmp))
        try:
            for lang in ("en", "zh"):
                for charges in ("N", "C"):
                    for n in (1, 8):
                        code = f"{lang.upper()}-{charges}{n}"
                        for layout in LAYOUTS:
                            pdf = letters.preview_letter(b, code, TODAY, "demand_letter", layout)
                            name = f"{lang}-{layout}-{'charges' if charges == 'C' else 'no-charges'}-{n}"
                            subprocess.run(["pdftoppm", "-r", "60", "-png", "-", str(OUT / name)], input=pdf,
                                           check=True)
            courtesy_due = dt.date(2026, 1, 18)
            for lang in ("en", "zh"):
                code = f"{lang.upper()}-N1"
                pdf = letters.preview_letter(b, code, courtesy_due, "courtesy_reminder", "din-a")
                subprocess.run(["pdftoppm", "-r", "60", "-png", "-", str(OUT / f"{lang}-courtesy-note")],
                               input=pdf, check=True)
        finally:
            b.close()
    print(f"wrote {len(list(OUT.glob('*.png')))} pages to {OUT}")


if __name__ == "__main__":
    main()
