"""Render the program icon (resources/icons/ar-desktop.svg) to the PNG sizes desktops use and to the
Windows .ico. Run after changing the SVG: .venv/bin/python installer/make_icons.py"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "ar-desktop.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    return image


def main() -> int:
    QGuiApplication(sys.argv[:1])
    out = ROOT / "resources" / "icons" / "png"
    out.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        render(size).save(str(out / f"ar-desktop-{size}.png"))
    render(256).save(str(ROOT / "installer" / "windows" / "ar-desktop.ico"))
    print(f"{len(SIZES)} PNG sizes in {out}, and installer/windows/ar-desktop.ico")
    return 0


if __name__ == "__main__":
    sys.exit(main())
