"""The window's translations for what is printed without the window: a report in Chinese (the quarterly review
from the command line) reads a shipped name as the window does, from the same source
(resources/i18n/ar_desktop_zh_CN.ts, which the window's .qm is compiled from), without Qt."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import cache

from ar_desktop.domain.text import Translate
from ar_desktop.paths import TRANSLATIONS

_SOURCES = {"zh": "ar_desktop_zh_CN.ts"}  # a report's language (services.reports.LANGUAGES) -> its translations


@cache
def _messages(language: str) -> dict[tuple[str, str], str]:
    out = {}
    for context in ET.parse(TRANSLATIONS / _SOURCES[language]).getroot().iter("context"):
        name = context.findtext("name")
        for m in context.iter("message"):
            t = m.find("translation")
            if t is not None and t.text and t.get("type") is None:  # neither unfinished nor vanished
                out[(name, m.findtext("source"))] = t.text
    return out


def translator(language: str) -> Translate:
    """A report language's ``Translate`` (English, or a language without translations: the English itself)."""
    messages = _messages(language) if language in _SOURCES else {}
    return lambda context, source: messages.get((context, source), source)
