"""Where the program's shipped resources are, in a checkout and in a bundled installation."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)  # set by the PyInstaller bundle
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


RESOURCES = resources_dir()
CJK_FONT = RESOURCES / "fonts" / "wqy-microhei.ttc"
TRANSLATIONS = RESOURCES / "i18n"
