"""Interface language and the Chinese-capable font the program ships."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, Qt, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication

from ar_desktop.domain.errors import UserError
from ar_desktop.domain.text import Text, translate
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
        return message.render(QCoreApplication.translate, _amount)
    return message


def name_of(template: str) -> str:
    """A label the domain names (a status, a source), in the interface language."""
    return render(Text(template))


def _amount(value) -> str:
    """Money inside a sentence (``text.Amount``) in the window's one amount style."""
    from ar_desktop.ui import amounts

    return amounts.number(value, max(2, -value.as_tuple().exponent))


def error_text(error: BaseException) -> str:
    """What to show the user for an error: its ``Text`` translated; an error of the system or of SQLite as a
    sentence in the interface language with the system's own words after it; else its English."""
    if isinstance(error, UserError):
        return render(error.message)
    trouble = trouble_text(error)
    return trouble if trouble is not None else str(error)


def trouble_text(error: BaseException) -> str | None:
    """An error the system (OSError) or SQLite raised, as a sentence that says what happened and what to do,
    followed by the system's own words (which are English, or the system's language); None for other errors."""
    import errno
    import sqlite3

    if isinstance(error, sqlite3.Error):  # storage says what SQLite's error means (storage.safety)
        from ar_desktop.storage.safety import storage_error

        sentence = storage_error(error).message
    elif isinstance(error, OSError):
        code = error.errno
        if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
            sentence = Text(translate("Messages", "The disk is full. Free some space, then do it again."))
        elif code in (errno.EACCES, errno.EPERM) or isinstance(error, PermissionError):
            sentence = Text(translate("Messages", "AR Desktop may not use this file or folder. Check its "
                                                  "permissions, or choose another place, then do it again."))
        elif code == errno.EROFS:
            sentence = Text(translate("Messages", "The disk is read-only. Choose a place on a disk you may write to."))
        elif code == errno.ENOENT or isinstance(error, FileNotFoundError):
            sentence = Text(translate("Messages", "The file or folder is not there (any more). Check the name and "
                                                  "folder, then do it again."))
        else:
            sentence = Text(translate("Messages", "The system could not read or write a file. Check the disk and "
                                                  "the file, then do it again."))
    else:
        return None
    detail = f"{error.strerror}: {error.filename}" if isinstance(error, OSError) and error.strerror and \
        error.filename else str(error)
    return render(Text(translate("Messages", "{what} (System message: {detail})"), what=sentence, detail=detail))
