"""Render every printed report of the sample company, English and Chinese, into docs/reports/ as
PNG pages (the first pages of each, which show every part), to look at and to show in the docs.

    .venv/bin/python scripts/render_reports.py
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ar_desktop.clock import FixedClock  # noqa: E402
from ar_desktop.services import reports, review  # noqa: E402
from ar_desktop.services.demo import build_demo  # noqa: E402

OUT = ROOT / "docs" / "reports"
AS_OF = dt.date(2026, 3, 31)


def to_png(pdf: bytes, stem: str, pages: tuple[int, int]) -> list[Path]:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "r.pdf"
        src.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", str(pages[0]), "-l", str(pages[1]), str(src),
                        str(OUT / stem)], check=True)
    return sorted(OUT.glob(f"{stem}-*.png"))


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        books = build_demo(Path(tmp) / "sample.ardb", FixedClock(AS_OF + dt.timedelta(days=10)))
        try:
            customers = review.review_candidates(books, "2026Q1")
            review.record_decision(books, "2026Q1", customers[1].code, "change_limit",
                                   new_limit=str((customers[1].credit_limit or 10000) + 5000),
                                   note="Pays reliably; more orders expected.")
            for lang in ("en", "zh"):
                jobs = {f"aging-{lang}": (reports.aging_pdf(books, AS_OF, language=lang), (1, 1)),
                        f"aging-detail-{lang}": (reports.aging_pdf(books, AS_OF, detail=True, language=lang), (1, 2)),
                        f"statements-{lang}": (reports.statement_list_pdf(books, AS_OF, overdue_only=True,
                                                                          language=lang), (1, 2)),
                        f"kpi-{lang}": (reports.kpi_pdf(books, AS_OF, language=lang), (1, 1)),
                        f"forecast-{lang}": (reports.forecast_pdf(books, AS_OF, language=lang), (1, 1)),
                        f"review-{lang}": (review.review_pdf(books, "2026Q1", language=lang), (1, 4))}
                for stem, (pdf, pages) in jobs.items():
                    for png in to_png(pdf, stem, pages):
                        print(png.relative_to(ROOT), f"{png.stat().st_size // 1024} KB")
        finally:
            books.close()


if __name__ == "__main__":
    main()
