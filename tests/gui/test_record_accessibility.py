"""Every control on the record pages and dialogs has a name a screen reader can say."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.log import LogDialog
from contactkeeper.gui.dialogs.records import (
    AffiliationDialog,
    ChannelDialog,
    CueDialog,
    FollowUpDialog,
    ParticipantDialog,
    RelationshipDialog,
)
from contactkeeper.gui.dialogs.trash import TrashDialog
from contactkeeper.gui.views.actor_page import ActorPage
from contactkeeper.gui.views.followups import FollowUpsView
from contactkeeper.gui.views.journal import JournalView
from contactkeeper.gui.views.process_page import ProcessPage
from contactkeeper.gui.views.processes import ProcessesView
from contactkeeper.records import actors, processes
from contactkeeper.records.actors import NewActor

CONTROLS = (QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QAbstractItemView)


def _actor_page(context: AppContext) -> QWidget:
    page = ActorPage(context)
    page.show_actor(actors.create_actor(context.vault, NewActor("Layla"), context.now()).id)
    return page


def _process_page(context: AppContext) -> QWidget:
    page = ProcessPage(context)
    page.show_process(processes.create_process(context.vault, "Coast").id)
    return page


def _for_actor(dialog: type[QWidget]) -> Callable[[AppContext], QWidget]:
    def make(context: AppContext) -> QWidget:
        actor = actors.create_actor(context.vault, NewActor("Layla"), context.now())
        return dialog(context, actor.id)  # type: ignore[call-arg]

    return make


def _for_process(dialog: type[QWidget]) -> Callable[[AppContext], QWidget]:
    def make(context: AppContext) -> QWidget:
        return dialog(context, processes.create_process(context.vault, "Coast").id)  # type: ignore[call-arg]

    return make


SCREENS: dict[str, Callable[[AppContext], QWidget]] = {
    "log dialog": lambda context: LogDialog(context),
    "actor page": _actor_page,
    "process page": _process_page,
    "processes": ProcessesView,
    "journal": JournalView,
    "follow-ups": FollowUpsView,
    "trash": TrashDialog,
    "channel dialog": _for_actor(ChannelDialog),
    "relationship dialog": _for_actor(RelationshipDialog),
    "affiliation dialog": _for_actor(AffiliationDialog),
    "follow-up dialog": _for_actor(FollowUpDialog),
    "participant dialog": _for_process(ParticipantDialog),
    "cue dialog": _for_process(CueDialog),
}


def _named(widget: QWidget, buddies: set[int]) -> bool:
    if widget.accessibleName().strip() or id(widget) in buddies:
        return True
    return isinstance(widget, QAbstractButton) and bool(widget.text().strip())


@pytest.mark.parametrize("screen", SCREENS, ids=list(SCREENS))
def test_every_control_has_a_name_a_screen_reader_can_say(
    context: AppContext, qtbot: QtBot, screen: str
) -> None:
    widget = SCREENS[screen](context)
    qtbot.addWidget(widget)
    buddies = {id(label.buddy()) for label in widget.findChildren(QLabel) if label.buddy()}
    controls = [
        w
        for w in widget.findChildren(QWidget)
        if isinstance(w, (*CONTROLS, QAbstractButton))
        # Qt's own parts: spin box and combo box editors, clear buttons, tab scrollers,
        # table corners, and popups (completions, combo lists) which are windows of their own.
        and not isinstance(w.parent(), (QAbstractSpinBox, QComboBox, QLineEdit, QTabBar))
        and not w.objectName().startswith("qt_")
        and w.window() is widget.window()
        and not w.inherits("QHeaderView")
    ]
    unnamed = [f"{type(w).__name__} {w.objectName()!r}" for w in controls if not _named(w, buddies)]
    assert controls
    assert unnamed == []
