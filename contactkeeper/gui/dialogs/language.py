"""The Language setting: which language ContactKeeper speaks, for the desktop and the command
line alike.

A "Language" box in the Settings dialog offers "System default (…)", which follows the
system's locale, and each language the program speaks, in its own name ("Français",
"العربية"), so that a person who cannot read the current language still finds theirs. The
choice is saved (:func:`contactkeeper.i18n.save_choice`, one word in ContactKeeper's
configuration folder, read by the command line too) when the dialog is accepted. The
language is chosen once at start, so a new one is spoken after a restart: as soon as the
choice changes, the box says so, in the language chosen and in the one on screen, and says
it again once the dialog is closed.
"""

from __future__ import annotations

import gettext
import html
from functools import cache

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from contactkeeper import i18n
from contactkeeper.i18n import N_, _

# Said in two languages at once (the one on screen and the one chosen), so marked here and
# translated by each language's catalogue in turn.
RESTART_NOTICE = N_(
    "ContactKeeper will speak {language} the next time it starts. Close it and start it "
    "again to switch; the command line speaks it from now on."
)
SYSTEM_NOTICE = N_(
    "ContactKeeper will follow the system's language ({language}) the next time it starts. "
    "Close it and start it again to switch; the command line follows it from now on."
)


@cache
def _catalogue(code: str) -> gettext.NullTranslations:
    if code == i18n.PSEUDO:
        return i18n.PseudoTranslations()
    return gettext.translation(
        i18n.DOMAIN, localedir=i18n.LOCALE_DIR, languages=[code], fallback=True
    )


def notice(choice: str | None, language: str) -> str:
    """What a restart will change, for the choice ``choice`` (``None``: the system's), in
    ``language``."""
    spoken = i18n.system_language() if choice is None else choice
    text = _catalogue(language).gettext(SYSTEM_NOTICE if choice is None else RESTART_NOTICE)
    return text.format(language=i18n.LANGUAGES.get(spoken, spoken))


def notices(choice: str | None) -> list[str]:
    """The notice in the language chosen, then in the current one (once if they are the
    same)."""
    return list(dict.fromkeys(text for _language, text in _notices(choice)))


def _notices(choice: str | None) -> list[tuple[str, str]]:
    spoken = i18n.system_language() if choice is None else choice
    languages = dict.fromkeys((spoken, i18n.language()))
    return [(language, notice(choice, language)) for language in languages]


def notices_html(choice: str | None) -> str:
    """The notices as rich text, a paragraph each, each in its own direction (an Arabic one
    right to left in a French window, and the reverse)."""
    return "".join(
        f"<p dir='{'rtl' if language in i18n.RIGHT_TO_LEFT else 'ltr'}'>{html.escape(text)}</p>"
        for language, text in _notices(choice)
    )


class LanguageChoice(QGroupBox):
    """The Language box of the Settings dialog: added at the top of ``layout``, saved when
    ``dialog`` is accepted."""

    def __init__(self, dialog: QDialog, layout: QVBoxLayout) -> None:
        super().__init__(_("Language"))
        self.dialog = dialog
        self.saved = i18n.saved_choice()
        self.restart_notice: QMessageBox | None = None  # shown once a new choice is saved
        self.setObjectName("languageBox")
        self.combo = QComboBox()
        self.combo.setObjectName("languageCombo")
        self.combo.setAccessibleName(_("Language"))
        system = i18n.system_language()
        self.combo.addItem(
            _("System default ({language})").format(language=i18n.LANGUAGES[system]), None
        )
        for code, name in i18n.LANGUAGES.items():
            self.combo.addItem(name, code)
        self.combo.setCurrentIndex(max(0, self.combo.findData(self.saved)))
        label = QLabel(_("&Language:"))
        label.setBuddy(self.combo)
        self.note = QLabel()
        self.note.setObjectName("languageNote")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.RichText)
        self.note.setAccessibleName(_("Language after a restart"))
        self.note.setVisible(False)
        form = QFormLayout(self)
        form.addRow(label, self.combo)
        form.addRow(self.note)
        layout.insertWidget(0, self)
        self.combo.currentIndexChanged.connect(self._chosen)
        dialog.accepted.connect(self.save)

    def choice(self) -> str | None:
        """The language chosen in the box (``None``: the system's)."""
        data = self.combo.currentData()
        return data if isinstance(data, str) else None

    def _chosen(self) -> None:
        changed = self.choice() != self.saved
        self.note.setText(notices_html(self.choice()) if changed else "")
        self.note.setVisible(changed)

    def save(self) -> None:
        """Save the choice if it changed, and say that a restart brings it."""
        choice = self.choice()
        if choice == self.saved:
            return
        i18n.save_choice(choice)
        self.saved = choice
        self._chosen()
        parent = self.dialog.parentWidget()
        box = QMessageBox(
            QMessageBox.Icon.Information,
            _("Language"),
            notices_html(choice),
            QMessageBox.StandardButton.Ok,
            parent if isinstance(parent, QWidget) else self.dialog,
        )
        box.setObjectName("languageRestartNotice")
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setAccessibleName(_("Language after a restart"))
        self.restart_notice = box
        box.open()


def add_language_choice(dialog: QDialog, layout: QVBoxLayout) -> LanguageChoice:
    """Put the Language box at the top of ``layout`` in ``dialog``."""
    return LanguageChoice(dialog, layout)


class LanguageDialog(QDialog):
    """File > Language…: the same box on its own, for the start screen, where no vault is
    open yet and so no Settings dialog (a person whose system speaks English and who reads
    Arabic chooses before making their first vault)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("languageDialog")
        self.setWindowTitle(_("Language"))
        layout = QVBoxLayout(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.buttons = buttons
        self.language = add_language_choice(self, layout)
        self.setMinimumWidth(480)
        # The note under the box comes and goes with the choice: the dialog grows with it.
        self.language.combo.currentIndexChanged.connect(
            lambda _index: QTimer.singleShot(0, self.adjustSize)
        )


__all__ = [
    "LanguageChoice",
    "LanguageDialog",
    "add_language_choice",
    "notice",
    "notices",
    "notices_html",
]
