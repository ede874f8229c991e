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


def _latin_can_draw(ch: str) -> bool:
    """Helvetica (a standard PDF font) draws what its WinAnsi encoding holds."""
    try:
        ch.encode("cp1252")
        return True
    except UnicodeEncodeError:
        return False


def needs_wide_font(text: str | None) -> bool:
    """Text Helvetica cannot draw whole (CJK, or e.g. 'ł', 'ő', Cyrillic): the embedded CJK face,
    which covers Latin, Greek and Cyrillic too, draws it."""
    return bool(text) and (has_cjk(text) or not all(_latin_can_draw(ch) for ch in text))


def _cjk_face():
    register_fonts()
    return pdfmetrics.getFont(CJK).face


def undrawable(text: str | None, language: str = "en") -> list[str]:
    """The characters of ``text`` no letter font can draw (emoji, rare symbols): printed, they
    would come out as empty boxes, so a letter containing one is refused before it is made.
    Line breaks and tabs are layout, not glyphs."""
    if not text:
        return []
    face = _cjk_face()
    out = []
    for ch in text:
        if ch in "\n\r\t" or (language != "zh" and not has_cjk(text) and _latin_can_draw(ch)):
            continue
        if ord(ch) not in face.charToGlyph and not _latin_can_draw(ch):
            out.append(ch)
        elif ord(ch) not in face.charToGlyph and needs_wide_font(text):
            out.append(ch)   # drawn with the CJK face (the text needs it), which lacks this one
    return out


def font_for(text: str | None, language: str = "en", bold: bool = False) -> str:
    """The face that can show ``text``: CJK for Chinese letters or any text Helvetica cannot draw."""
    register_fonts()
    if language == "zh" or needs_wide_font(text):
        return CJK_BOLD if bold else CJK
    return LATIN_BOLD if bold else LATIN


def cut_to_width(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut to ``width`` points in ``font`` at ``size``, with an ellipsis where it was cut."""
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def base_fonts(language: str) -> tuple[str, str]:
    """(regular, bold) face names for the body of a document in ``language``."""
    register_fonts()
    return (CJK, CJK_BOLD) if language == "zh" else (LATIN, LATIN_BOLD)
