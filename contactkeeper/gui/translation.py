"""The desktop in the chosen language: one catalogue for all, Qt's own words, right to left.

The program's words come from its gettext catalogue (:mod:`contactkeeper.i18n`), the same
for the core, the command line and the desktop. Qt asks its installed translators for the
words of the Designer forms (``QCoreApplication.translate`` in ``gui/forms``) and for its
own (standard buttons, file dialogs, the context menu of a text box): :class:`Catalogue`
answers from the gettext catalogue (``None``, Qt's null string, when it has no answer),
and Qt's shipped ``qtbase_<language>.qm`` answers for
Qt's words. In Arabic the whole layout mirrors (``Qt.RightToLeft``) and QLocale's default
is the locale's, so calendars start the week on the locale's first day.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from contactkeeper import i18n

_kept: list[QTranslator] = []


class Catalogue(QTranslator):
    """A QTranslator answering from the program's gettext catalogue. No answer (``None``:
    a null string, not an empty one) tells Qt to ask the next translator (Qt's own), or keep
    its English."""

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        if not source_text:
            return None
        if i18n.language() == i18n.PSEUDO:
            return i18n.pseudo(source_text)
        translated = i18n._(source_text)
        return None if translated == source_text else translated

    def isEmpty(self) -> bool:
        return False


def qt_translations() -> str:
    """The folder holding Qt's own ``.qm`` translations (shipped in PySide6's wheel)."""
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def install(app: QApplication, language: str | None = None) -> list[QTranslator]:
    """Speak ``language`` (or the chosen one) in ``app``: the catalogue, Qt's words, the
    direction of the layout and QLocale's default. Returns the translators installed (keep
    them: a translator collected by Python stops answering; they are kept here too)."""
    code = i18n.set_language(language)
    installed: list[QTranslator] = []
    for translator in app.findChildren(QTranslator):
        app.removeTranslator(translator)
    if code not in (i18n.ENGLISH, i18n.PSEUDO):
        qt_own = QTranslator(app)
        if qt_own.load(f"qtbase_{code}", qt_translations()):
            app.installTranslator(qt_own)
            installed.append(qt_own)
    ours = Catalogue(app)
    app.installTranslator(ours)  # installed last, asked first
    installed.append(ours)
    _kept[:] = installed
    app.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft if i18n.right_to_left() else Qt.LayoutDirection.LeftToRight
    )
    QLocale.setDefault(QLocale(i18n.formats_locale_name()))
    return installed
