"""The actor page, the actors list, the journal, follow-ups, possible duplicates and the map
speak the chosen language: every word of their own is translated (the pseudo-language
brackets each translated word, so an unbracketed one was never marked), counts take the
language's plural forms, and in French and Arabic (a third longer, or mirrored) the main
window still fits a 1024-pixel screen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from contactkeeper import i18n
from contactkeeper.gui import translation
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.main_window import MainWindow
from contactkeeper.gui.views.actor_page import ActorPage
from contactkeeper.gui.views.network_map import MapView
from contactkeeper.records import actors
from contactkeeper.records.actors import ActorFilter, NewActor
from contactkeeper.vault import Vault
from tests.conftest import FakeClock
from tests.gui.shell_helpers import make_window

SMALL_SCREEN_WIDTH = 1024


Speak = Callable[[str], None]


@pytest.fixture
def speak(qapp: QApplication) -> Iterator[Speak]:
    """Switch the desktop's language for one test (the tests speak English otherwise)."""

    def switch(code: str) -> None:
        translation.install(qapp, code)

    yield switch
    translation.install(qapp, i18n.ENGLISH)


def _views(window: MainWindow) -> list[QWidget]:
    workspace = window.workspace
    return [
        workspace.actor_page,
        workspace.actors,
        workspace.journal,
        workspace.follow_ups,
        workspace.duplicates,
        workspace.map,
    ]


# Widgets of other parts of the program shown inside these views: their own modules
# translate them.
FOREIGN = (
    "ActorForm",
    "ActorStanding",
    "ActorRoles",
    "RemindersButton",
    "PathsPanel",
    "WarmthBadge",
)


def _own_widgets(widget: QWidget, skip: set[QWidget]) -> Iterator[QWidget]:
    yield widget
    for child in widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
        if type(child).__name__ not in FOREIGN and child not in skip:
            yield from _own_widgets(child, skip)


def _others_words(window: MainWindow) -> set[QWidget]:
    """The widgets of these views that show another module's words: the lines for errors
    (``presentation.error_label``), the warmth explained in the actor's summary line."""
    views = _views(window)
    lines = {getattr(view, "message", None) for view in views}
    return {window.workspace.actor_page.facts_label, *(w for w in lines if isinstance(w, QLabel))}


def _own_words(view: QWidget, skip: set[QWidget]) -> Iterator[tuple[str, str]]:
    """The words a view says of its own (never a record's): its buttons, the headers of its
    tables, the first choice of its filters, its placeholders, tooltips and names for screen
    readers; with where each was found."""
    for widget in _own_widgets(view, skip):
        where = f"{type(widget).__name__} {widget.objectName()}"
        if widget.accessibleName():
            yield where, widget.accessibleName()
        if widget.toolTip():
            yield where, widget.toolTip()
        if isinstance(widget, QAbstractButton) and widget.text() and widget.isVisible():
            yield where, widget.text()
        if isinstance(widget, QLineEdit) and widget.placeholderText():
            yield where, widget.placeholderText()
        if isinstance(widget, QComboBox) and widget.count():
            yield where, widget.itemText(0)
        if isinstance(widget, QTableView) and widget.model() is not None:
            model = widget.model()
            for column in range(model.columnCount()):
                header = model.headerData(column, Qt.Orientation.Horizontal)
                yield where, str(header)


def _open_layla(window: MainWindow, context: AppContext) -> None:
    layla = actors.list_actors(context.vault, context.now(), filters=ActorFilter(text="layla"))
    window.workspace.show_actor(layla[0].id)


def test_every_word_of_the_views_is_marked_for_translation(
    speak: Speak, qtbot: QtBot, tmp_path: Path, clock: FakeClock, demo_vault: Vault
) -> None:
    speak("x-pseudo")
    window, context, _settings = make_window(qtbot, tmp_path, clock)
    context.open(demo_vault)
    _open_layla(window, context)
    others = _others_words(window)
    unmarked = {
        (where, text)
        for view in _views(window)
        for where, text in _own_words(view, others)
        if i18n.PSEUDO_OPEN not in text
    }
    assert not unmarked, sorted(unmarked)
    page = window.workspace.actor_page
    assert all(i18n.PSEUDO_OPEN in page.tabs.tabText(i) for i in range(page.tabs.count()))


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_the_window_fits_a_small_screen_in_every_language(
    language: str,
    speak: Speak,
    qtbot: QtBot,
    tmp_path: Path,
    clock: FakeClock,
    demo_vault: Vault,
) -> None:
    speak(language)
    window, context, _settings = make_window(qtbot, tmp_path, clock)
    context.open(demo_vault)
    workspace = window.workspace
    for view in _views(window):  # each shown once: a combo box sizes itself when first shown
        if view is workspace.actor_page:
            _open_layla(window, context)
        else:
            workspace.show_section(workspace.views.indexOf(view))
        qtbot.wait(10)
        width = window.minimumSizeHint().width()
        assert width <= SMALL_SCREEN_WIDTH, (type(view).__name__, width)


def test_in_arabic_the_actor_page_mirrors_and_the_map_card_reads_right_to_left(
    speak: Speak, qtbot: QtBot, context: AppContext
) -> None:
    # The card's first line is a name in the Latin script: without a mark, it would set the
    # whole card left to right in an Arabic window.
    actors.create_actor(
        context.vault, NewActor("Karim Nassar", codename="SILVER HERON"), context.now()
    )
    speak("ar")
    page = ActorPage(context)
    view = MapView(context)
    qtbot.addWidget(page)
    qtbot.addWidget(view)
    assert page.layoutDirection() == Qt.LayoutDirection.RightToLeft
    with qtbot.waitSignal(view.laid_out, timeout=10_000):
        view.reload()
    (node,) = (item.node for item in view.items.values() if item.node.kind == "actor")
    view.show_card(node)
    assert view.card.text().startswith("\u200f<b>")  # a right-to-left mark
    speak("en")
    view.show_card(node)
    assert view.card.text().startswith("\u200e<b>")  # and left to right in English
