"""Interface language and the Chinese-capable font the program ships."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, Qt, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.text import Text
from ar_desktop.paths import CJK_FONT, TRANSLATIONS

LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
SETTING = "ui/language"


def install_font(app: QApplication) -> str | None:
    """Register the bundled CJK font and use it as fallback, so Chinese never shows as boxes."""
    font_id = QFontDatabase.addApplicationFont(str(CJK_FONT))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return None
    font = QFont(app.font())
    # The resolved family (e.g. "DejaVu Sans"), not an alias like "Sans Serif" that would let
    # the CJK face take over Latin text and punctuation too.
    font.setFamilies([QFontInfo(app.font()).family(), families[0]])
    app.setFont(font)
    return families[0]


def chosen_language(settings: QSettings) -> str:
    lang = settings.value(SETTING, "")
    if lang in LANGUAGES:
        return lang
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def install_translator(app: QApplication, language: str) -> QTranslator | None:
    if language == "en":
        return None
    translator = QTranslator(app)
    if translator.load(str(TRANSLATIONS / f"ar_desktop_{language}.qm")):
        # Qt's own strings (Save, Cancel, Yes, No in standard buttons and dialogs), when shipped.
        qt = QTranslator(translator)
        if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
        app.installTranslator(translator)
        return translator
    return None


def switch_language(app: QApplication, language: str) -> QTranslator | None:
    """Replace the program's translators by those of ``language`` (English: none); widgets built
    afterwards speak it (MainWindow.set_language builds its menus and tabs again)."""
    for old in app.findChildren(QTranslator, options=Qt.FindChildOption.FindDirectChildrenOnly):
        remove_translator(app, old)
        old.deleteLater()
    return install_translator(app, language)


def remove_translator(app: QApplication, translator: QTranslator | None) -> None:
    """Undo ``install_translator`` (the program's messages and Qt's own)."""
    if translator is None:
        return
    for qt in translator.findChildren(QTranslator):
        app.removeTranslator(qt)
    app.removeTranslator(translator)


def render(message: str | Text) -> str:
    """A message from the domain or a service, in the interface language."""
    if isinstance(message, Text):
        return message.render(QCoreApplication.translate)
    return message


def error_text(error: BaseException) -> str:
    """What to show the user for an error: its ``Text`` translated, else its English."""
    if isinstance(error, UserError):
        return render(error.message)
    return str(error)
