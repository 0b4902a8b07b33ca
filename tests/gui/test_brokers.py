"""Whom you depend on: brokers on the process page, a broker going cold on Today, and the
walk from that warning to a path and a contact logged along it."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from contactkeeper.gui.context import AppContext
from contactkeeper.gui.main_window import Workspace
from contactkeeper.gui.views.network_map import MapView
from contactkeeper.gui.views.process_page import ProcessPage
from contactkeeper.i18n import isolate
from contactkeeper.records import actors, channels, interactions, processes, relationships
from contactkeeper.records.actors import NewActor
from contactkeeper.records.network_map import actor_key
from contactkeeper.vault.model import (
    ChannelKind,
    InteractionKind,
    ParticipationRole,
    RelationshipKind,
)
from tests.conftest import FakeClock
from tests.gui.shown_text import visible
from tests.gui.window_helpers import show_active


def _verenia(context: AppContext, pavel_met_days_ago: int = 5) -> dict[str, int]:
    """Verenia talks: you reach Fr. Pavel directly, and only through him two of the three
    participants; the third (Anna) you reach yourself."""
    vault, now = context.vault, context.now()
    ids = {
        name: actors.create_actor(vault, NewActor(name, cadence_days=30), now).id
        for name in ("Fr. Pavel", "Bishop Nikolai", "Dmitri Sokolov", "Anna Petrova")
    }
    talks = processes.create_process(vault, "Verenia talks").id
    ids["talks"] = talks
    for name in ("Bishop Nikolai", "Dmitri Sokolov", "Anna Petrova"):
        processes.add_participant(vault, talks, ids[name], ParticipationRole.PARTY)
    for name in ("Fr. Pavel", "Anna Petrova"):
        channels.add_channel(vault, ids[name], now, kind=ChannelKind.PHONE, trust=4)
        interactions.log_interaction(
            vault,
            occurred_at=now - timedelta(days=5 if name == "Anna Petrova" else pavel_met_days_ago),
            kind=InteractionKind.MEETING,
            participants=[ids[name]],
        )
    for a, b in (("Fr. Pavel", "Bishop Nikolai"), ("Bishop Nikolai", "Dmitri Sokolov")):
        relationships.add_relationship(
            vault, ids[a], ids[b], RelationshipKind.CAN_INTRODUCE, strength=4, confidence=4
        )
    return ids


def test_the_process_page_says_whom_you_depend_on(context: AppContext, qtbot: QtBot) -> None:
    ids = _verenia(context)
    page = ProcessPage(context)
    qtbot.addWidget(page)
    page.resize(1000, 650)
    show_active(qtbot, page)
    page.show_process(ids["talks"])
    qtbot.waitUntil(lambda: not page.brokers_busy)  # the first question builds the web
    lines = [visible(page.brokers.item(i).text()) for i in range(page.brokers.count())]
    assert lines[0] == "Only Fr. Pavel reaches 2 of the 3 participants"
    assert "Bishop Nikolai, Dmitri Sokolov" in visible(page.brokers.item(0).toolTip())
    # A new way to the bishop, and Fr. Pavel is no longer the only one (the page follows).
    with context.writing():
        relationships.add_relationship(
            context.vault,
            ids["Anna Petrova"],
            ids["Bishop Nikolai"],
            RelationshipKind.FAMILY,
            strength=5,
            confidence=5,
        )
    qtbot.waitUntil(lambda: not page.brokers_busy)  # a new tie: the web is rebuilt
    lines = [visible(page.brokers.item(i).text()) for i in range(page.brokers.count())]
    assert "Only Fr. Pavel reaches 2 of the 3 participants" not in lines
    context.set_privacy(True)
    qtbot.waitUntil(lambda: not page.brokers_busy)
    assert all("Fr. Pavel" not in page.brokers.item(i).text() for i in range(page.brokers.count()))


def test_from_todays_cold_broker_to_a_contact_logged_along_the_path(
    context: AppContext, qtbot: QtBot, clock: FakeClock
) -> None:
    ids = _verenia(context, pavel_met_days_ago=80)  # Fr. Pavel has gone cold
    workspace = Workspace(context)
    qtbot.addWidget(workspace)
    workspace.resize(1180, 760)
    show_active(qtbot, workspace)
    today = workspace.today
    # Brokers are worked out off the UI thread, after the rest of Today is on screen.
    with qtbot.waitSignal(today.insights_ready, timeout=10_000):
        workspace.refresh()
    brokers = today.brokers
    assert brokers.model.rowCount() == 1
    assert brokers.model.index(0, 0).data() == "Fr. Pavel"
    assert brokers.model.index(0, 2).data() == "2 of 3"
    assert "only they reach 2 of the 3 participants of Verenia talks" in visible(
        str(brokers.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole))
    )
    # One click on the warning opens the broker's page, where Ways in lists whom he carries
    # you to; opening Dmitri shows the path through him.
    table = brokers.table
    qtbot.mouseClick(
        table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=table.visualRect(brokers.model.index(0, 0)).center(),
    )
    page = workspace.actor_page
    assert workspace.current_view() is page
    assert page.actor_id == ids["Fr. Pavel"]
    page.tabs.setCurrentWidget(page.paths)
    qtbot.waitUntil(lambda: not page.paths.busy)
    reached = page.paths.reached_list
    names = {reached.item(i).text(): reached.item(i) for i in range(reached.count())}
    assert set(names) == {"Bishop Nikolai", "Dmitri Sokolov"}
    reached.itemActivated.emit(names["Dmitri Sokolov"])
    assert page.actor_id == ids["Dmitri Sokolov"]
    page.tabs.setCurrentWidget(page.paths)
    qtbot.waitUntil(lambda: not page.paths.busy)
    chain = page.paths.path_list.item(0).text()
    names = ("Fr. Pavel", "Bishop Nikolai", "Dmitri Sokolov")
    assert chain == "you -> {} (cold) -> {} -> {}".format(*map(isolate, names))
    page.paths.log_button.click()
    dialog = page.paths.dialog
    assert dialog is not None
    assert dialog.participants() == [ids["Fr. Pavel"]]
    dialog.ui.kindCombo.setCurrentIndex(dialog.ui.kindCombo.findData(InteractionKind.MEETING))
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()
    # Fr. Pavel is warm again: Today no longer warns, and the path says so.
    assert today.brokers.model.rowCount() == 0 or today.refresh.stale
    with qtbot.waitSignal(today.insights_ready, timeout=10_000):
        workspace.show_section(0)
    assert today.brokers.model.rowCount() == 0
    assert today.brokers.placeholder.isVisibleTo(today)


def test_a_broker_s_card_on_the_map_names_whom_only_they_reach(
    context: AppContext, qtbot: QtBot
) -> None:
    ids = _verenia(context)
    view = MapView(context)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.laid_out, timeout=10_000):
        view.reload()
    view.items[actor_key(ids["Fr. Pavel"])].setSelected(True)
    # Each name isolated, so that Latin names keep their order in an Arabic sentence.
    reached = f"{isolate('Bishop Nikolai')}, {isolate('Dmitri Sokolov')}"
    assert f"only through them:</b> {reached}" in view.card.text()
    view.scene.clearSelection()
    view.items[actor_key(ids["Anna Petrova"])].setSelected(True)
    assert "only through them" not in view.card.text()
    context.set_privacy(True)
    with qtbot.waitSignal(view.laid_out, timeout=10_000):
        pass  # privacy mode redraws the map with codenames
    view.items[actor_key(ids["Fr. Pavel"])].setSelected(True)
    assert "Bishop Nikolai" not in view.card.text()
    assert "Fr. Pavel" not in view.card.text()
