"""Help > Guide (F1) and Help > Keyboard shortcuts (Ctrl+/): one dialog with two tabs.

The guide is ``ui/guide.html``, with one translation per language beside it
(``ui/guide.fr.html``, ``ui/guide.ar.html``): the current language's is shown, else the
English one. It is shipped with the program and shown in a QTextBrowser that follows only
links within the page: nothing is fetched, no browser is opened, whatever the page holds.
The shortcuts sheet is made, each time it is shown, from the window's own actions (their
menus, their texts and their shortcuts), so it cannot drift from them.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMenu,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from contactkeeper import i18n
from contactkeeper.i18n import N_, _
from contactkeeper.vault.resources import ui_dir

GUIDE_FILE = "guide.html"
GUIDE_TAB, SHORTCUTS_TAB = 0, 1
ELSEWHERE = N_("Anywhere")  # the group of actions with keys but in no menu


def guide_file(language: str) -> str:
    """The file name of the guide in ``language``: ``guide.html`` for English, else
    ``guide.<language>.html``."""
    return GUIDE_FILE if language == i18n.ENGLISH else f"guide.{language}.html"


def guide_html(language: str | None = None) -> str:
    """The bundled guide in ``language`` (by default the current one), else in English, or a
    short note if this installation lacks it."""
    code = i18n.language() if language is None else language
    for name in dict.fromkeys((guide_file(code), GUIDE_FILE)):
        try:
            return (ui_dir() / name).read_text(encoding="utf-8")
        except OSError:
            continue
    return _(
        "<h1>The guide is missing</h1><p>This installation of ContactKeeper has no "
        "<code>{file}</code>. Reinstalling it brings the guide back.</p>"
    ).format(file=GUIDE_FILE)


@dataclass(frozen=True)
class Shortcut:
    group: str  # the menu, as its title reads
    command: str  # the action, as it reads in the menu
    keys: tuple[str, ...]  # each key sequence, as this system writes it


def _plain(text: str) -> str:
    """A menu text without its mnemonic ampersands ("&&" stays one "&")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _keys(action: QAction) -> tuple[str, ...]:
    return tuple(
        k.toString(QKeySequence.SequenceFormat.NativeText)
        for k in action.shortcuts()
        if not k.isEmpty()
    )


def _menu_actions(menu: QMenu) -> list[QAction]:
    found: list[QAction] = []
    for action in menu.actions():
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            found.extend(_menu_actions(submenu))
        elif not action.isSeparator():
            found.append(action)
    return found


def shortcuts(window: QMainWindow) -> list[Shortcut]:
    """Every action of ``window`` that has keys: by menu, in menu order, then those in no
    menu. Read from the actions themselves, so the sheet always says what the keys do."""
    rows: list[Shortcut] = []
    listed: set[int] = set()
    for top in window.menuBar().actions():
        menu = top.menu()
        if not isinstance(menu, QMenu):
            continue
        for action in _menu_actions(menu):
            keys = _keys(action)
            if keys and id(action) not in listed:
                listed.add(id(action))
                rows.append(Shortcut(_plain(menu.title()), _plain(action.text()), keys))
    for action in window.actions():
        keys = _keys(action)
        if keys and action.text() and id(action) not in listed:
            listed.add(id(action))
            rows.append(Shortcut(_(ELSEWHERE), _plain(action.text()), keys))
    return rows


def shortcuts_html(rows: list[Shortcut]) -> str:
    parts = [
        "<h2>" + html.escape(_("Keyboard shortcuts")) + "</h2>",
        "<table cellspacing='0' cellpadding='4'>",
    ]
    # Translators: between the keys of one command: "Ctrl+F or F3".
    either = _(" or ")
    group = None
    for row in rows:
        if row.group != group:
            group = row.group
            parts.append(f"<tr><th colspan='2' align='left'><br>{html.escape(group)}</th></tr>")
        keys = html.escape(either).join(f"<b>{html.escape(k)}</b>" for k in row.keys)
        parts.append(f"<tr><td>{keys}</td><td>{html.escape(row.command)}</td></tr>")
    parts.append("</table>")
    return "".join(parts)


class _LocalBrowser(QTextBrowser):
    """A text browser that follows links within its page and nothing else."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._follow)

    def _follow(self, url: QUrl) -> None:
        if url.isRelative() and not url.path() and url.fragment():
            self.scrollToAnchor(url.fragment())
        # Anything else (a web address, a file) is not followed: no network, no browser.


class HelpDialog(QDialog):
    """The guide and the keyboard shortcuts of ``window``."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(_("ContactKeeper help"))
        self.setAccessibleName(_("ContactKeeper help"))
        self.resize(760, 640)
        self.guide = _LocalBrowser(_("Guide"))
        self.guide.setHtml(guide_html())
        self.keys = _LocalBrowser(_("Keyboard shortcuts"))
        self.tabs = QTabWidget()
        self.tabs.addTab(self.guide, _("&Guide"))
        self.tabs.addTab(self.keys, _("&Keyboard shortcuts"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.tabs.currentChanged.connect(self._tab_shown)

    def show_tab(self, tab: int) -> None:
        """Show the guide or the shortcuts (made afresh from the window's actions)."""
        self.refresh_shortcuts()
        self.tabs.setCurrentIndex(tab)
        self.show()
        self.raise_()
        self.activateWindow()
        self.tabs.currentWidget().setFocus()

    def refresh_shortcuts(self) -> None:
        self.keys.setHtml(shortcuts_html(shortcuts(self.window_)))

    def _tab_shown(self, tab: int) -> None:
        if tab == SHORTCUTS_TAB:
            self.refresh_shortcuts()


__all__ = [
    "GUIDE_TAB",
    "SHORTCUTS_TAB",
    "HelpDialog",
    "Shortcut",
    "guide_file",
    "guide_html",
    "shortcuts",
]
