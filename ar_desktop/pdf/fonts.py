"""Font registration: Helvetica for Latin text, WenQuanYi Micro Hei (embedded) for CJK text."""

from __future__ import annotations

import re
import threading
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONTS_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
CJK_FONT_FILE = FONTS_DIR / "wqy-microhei.ttc"

LATIN = "Helvetica"
LATIN_BOLD = "Helvetica-Bold"
CJK = "WQYMicroHei"
CJK_BOLD = CJK  # the face has no bold cut; headings use size instead

_lock = threading.Lock()
_registered = False
# CJK ideographs, CJK punctuation, full-width forms, kana and hangul.
_CJK_RE = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0002fa1f]")


def register_fonts() -> None:
    """Register the CJK font once per process (thread-safe, idempotent)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        pdfmetrics.registerFont(TTFont(CJK, str(CJK_FONT_FILE), subfontIndex=0))
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(CJK, bold, italic, CJK)
        _registered = True


def has_cjk(text: str | None) -> bool:
    return bool(text) and bool(_CJK_RE.search(text))


def font_for(text: str | None, language: str = "en", bold: bool = False) -> str:
    """The face that can show ``text``: CJK for Chinese letters or any text containing CJK."""
    register_fonts()
    if language == "zh" or has_cjk(text):
        return CJK_BOLD if bold else CJK
    return LATIN_BOLD if bold else LATIN


def base_fonts(language: str) -> tuple[str, str]:
    """(regular, bold) face names for the body of a document in ``language``."""
    register_fonts()
    return (CJK, CJK_BOLD) if language == "zh" else (LATIN, LATIN_BOLD)
