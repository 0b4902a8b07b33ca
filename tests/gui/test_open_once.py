"""A double-click on a row opens what it opens once: one dialog, one page, never two.

Each table is double-clicked the way a hand does it (a click, then the second press), on a
real, shown widget."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.log import LogDialog
from contactkeeper.gui.dialogs.records import ChannelDialog, RelationshipDialog
from contactkeeper.gui.views.actor_page import ActorPage
from contactkeeper.gui.views.actors import ActorsView
from contactkeeper.gui.views.journal import WHO_COLUMN, JournalView
from contactkeeper.gui.views.process_page import ProcessPage
from contactkeeper.gui.views.processes import ProcessesView
from contactkeeper.gui.views.today import TodayView
from contactkeeper.records import (
    actors,
    channels,
    interactions,
    processes,
    relationships,
)
from contactkeeper.records.actors import NewActor
from contactkeeper.vault.model import (
    ChannelKind,
    InteractionKind,
    ParticipationRole,
    RelationshipKind,
)
from tests.gui.window_helpers import double_click, show_active


@pytest.fixture
def cast(context: AppContext) -> tuple[int, int]:
    """Layla, met twice (and going cold), reached by phone; Karim can introduce her."""
    now = context.now()
    layla = actors.create_actor(context.vault, NewActor("Layla Haddad", cadence_days=7), now).id
    karim = actors.create_actor(context.vault, NewActor("Karim Nassar"), now).id
    channels.add_channel(context.vault, layla, now, kind=ChannelKind.PHONE, label="office")
    relationships.add_relationship(context.vault, karim, layla, RelationshipKind.CAN_INTRODUCE)
    for days in (40, 20):
        interactions.log_interaction(
            context.vault,
            occurred_at=now - timedelta(days=days),
            kind=InteractionKind.MEETING,
            participants=[layla],
            summary=f"Tea, {days} days ago",
        )
    return layla, karim


def _shown(qtbot: QtBot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(1100, 650)
    show_active(qtbot, widget)
    return widget


def _opened(context: AppContext) -> list[tuple[str, int]]:
    seen: list[tuple[str, int]] = []
    context.open_actor.connect(lambda actor_id: seen.append(("actor", actor_id)))
    context.open_process.connect(lambda process_id: seen.append(("process", process_id)))
    return seen


def _page(context: AppContext, qtbot: QtBot, actor_id: int) -> ActorPage:
    page = ActorPage(context)
    _shown(qtbot, page)
    page.show_actor(actor_id)
    return page


def test_double_clicking_a_contact_on_the_timeline_opens_one_edit_dialog(
    context: AppContext, qtbot: QtBot, cast: tuple[int, int]
) -> None:
    page = _page(context, qtbot, cast[0])
    page.tabs.setCurrentWidget(page.timeline_table)
    double_click(qtbot, page.timeline_table, page.timeline.index(0, 5))
    dialogs = [d for d in page.findChildren(LogDialog) if d.isVisible()]
    assert len(dialogs) == 1
    assert dialogs[0].windowTitle() == "Edit a contact"


def test_double_clicking_a_channel_opens_one_edit_dialog(
    context: AppContext, qtbot: QtBot, cast: tuple[int, int]
) -> None:
    page = _page(context, qtbot, cast[0])
    page.tabs.setCurrentWidget(page.channel_table)
    double_click(qtbot, page.channel_table, page.channels.index(0, 1))
    assert len([d for d in page.findChildren(ChannelDialog) if d.isVisible()]) == 1


def test_double_clicking_a_relationship_edits_it_or_opens_the_other_actor_once(
    context: AppContext, qtbot: QtBot, cast: tuple[int, int]
) -> None:
    layla, karim = cast
    page = _page(context, qtbot, layla)
    page.tabs.setCurrentWidget(page.relationship_table)
    seen = _opened(context)
    double_click(qtbot, page.relationship_table, page.relationships.index(0, 0))
    assert seen == [("actor", karim)]  # on the other actor's name: their page, once
    double_click(qtbot, page.relationship_table, page.relationships.index(0, 1))
    assert len([d for d in page.findChildren(RelationshipDialog) if d.isVisible()]) == 1


def test_double_clicking_an_actor_in_the_list_opens_their_page_once(
    context: AppContext, qtbot: QtBot, cast: tuple[int, int]
) -> None:
    layla, _ = cast
    seen = _opened(context)
    view = ActorsView(context)
    _shown(qtbot, view)
    view.reload()
    row = next(r for r in range(view.model.rowCount()) if view.model.row_at(r).id == layla)
    double_click(qtbot, view.table, view.model.index(row, 0))
    assert seen == [("actor", layla)]


def test_double_clicking_a_process_opens_its_page_once(
    context: AppContext, qtbot: QtBot, cast: tuple[int, int]
) -> None:
    coast = processes.create_process(context.vault, "Coastal dialogue").id
    seen = _opened(context)
    view = ProcessesView(context)
    _shown(qtbot, view)
    double_click(qtbot, view.table, view.model.index(0, 0))
    assert seen == [("process", coast)]


def test_double_clicking_a_participant_opens_their_page_once(
    context: AppContext, qtbot: QtBot, cast: tuple[int, int]
) -> None:
    layla, _ = cast
    coast = processes.create_process(context.vault, "Coastal dialogue").id
    processes.add_participant(context.vault, coast, layla, ParticipationRole.PARTY)
    seen = _opened(context)
    page = ProcessPage(context)
    _shown(qtbot, page)
    page.show_process(coast)
    tree = page.participants
    pos = tree.visualItemRect(tree.topLevelItem(0).child(0)).center()
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert seen == [("actor", layla)]


def test_double_clicking_a_row_of_today_opens_it_once(
    context: AppContext, qtbot: QtBot, cast: tuple[int, int]
) -> None:
    seen = _opened(context)
    today = TodayView(context)
    _shown(qtbot, today)
    today.reload()
    double_click(qtbot, today.going_cold.table, today.going_cold.model.index(0, 0))
    assert seen == [("actor", cast[0])]


def test_double_clicking_in_the_journal_opens_once(
    context: AppContext, qtbot: QtBot, cast: tuple[int, int]
) -> None:
    layla, _ = cast
    journal = JournalView(context)
    _shown(qtbot, journal)
    seen = _opened(context)
    double_click(qtbot, journal.table, journal.model.index(0, WHO_COLUMN))
    assert seen == [("actor", layla)]
    double_click(qtbot, journal.table, journal.model.index(0, WHO_COLUMN + 1))
    assert len([d for d in journal.findChildren(LogDialog) if d.isVisible()]) == 1


def test_enter_still_opens_a_row_of_today(
    context: AppContext, qtbot: QtBot, cast: tuple[int, int]
) -> None:
    today = TodayView(context)
    _shown(qtbot, today)
    today.reload()
    seen = _opened(context)
    table = today.going_cold.table
    table.setFocus()
    table.setCurrentIndex(today.going_cold.model.index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert seen == [("actor", cast[0])]
