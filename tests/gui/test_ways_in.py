"""Which relationships count as a way in, chosen in the desktop: each choice read as a
sentence, the paths on the actor page following it, Ctrl+Z putting it back."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.ways_in import WaysInDialog, meaning
from contactkeeper.gui.undo import UndoController
from contactkeeper.gui.views.actor_page import ActorPage
from contactkeeper.gui.views.network_map import MapView
from contactkeeper.records import actors, channels, interactions, network, relationships
from contactkeeper.records.actors import NewActor
from contactkeeper.records.network import WayIn
from contactkeeper.vault.model import ChannelKind, InteractionKind, RelationshipKind
from tests.gui.window_helpers import show_active
from tests.helpers.text import plain


def _web(context: AppContext) -> dict[str, int]:
    """You reach Anna by phone; Anna knows Dmitri."""
    vault, now = context.vault, context.now()
    ids = {
        name: actors.create_actor(vault, NewActor(name), now).id
        for name in ("Anna Petrova", "Dmitri Sokolov", "Boris Ivanov")
    }
    channels.add_channel(vault, ids["Anna Petrova"], now, kind=ChannelKind.PHONE, trust=4)
    interactions.log_interaction(
        vault,
        occurred_at=now - timedelta(days=2),
        kind=InteractionKind.MEETING,
        participants=[ids["Anna Petrova"]],
    )
    relationships.add_relationship(
        vault, ids["Anna Petrova"], ids["Dmitri Sokolov"], RelationshipKind.KNOWS, strength=4
    )
    return ids


# The chain as the panel shows it, as the eye reads it (each name is isolated on screen).
ANNA_TO_DMITRI = "you -> Anna Petrova (warm) -> Dmitri Sokolov"


def _paths(page: ActorPage, qtbot: QtBot) -> list[str]:
    """The paths shown, once the panel has its answer (a changed setting rebuilds the web
    in the background)."""
    qtbot.waitUntil(lambda: not page.paths.busy)
    listing = page.paths.path_list
    return (
        [plain(listing.item(i).text()) for i in range(listing.count())]
        if listing.isVisible()
        else []
    )


def test_choosing_that_knowing_someone_is_no_way_in_changes_the_paths_shown(
    qtbot: QtBot, context: AppContext
) -> None:
    ids = _web(context)
    page = ActorPage(context)
    qtbot.addWidget(page)
    page.resize(1000, 650)
    show_active(qtbot, page)
    page.show_actor(ids["Dmitri Sokolov"])
    page.tabs.setCurrentWidget(page.paths)
    assert _paths(page, qtbot) == [ANNA_TO_DMITRI]

    page.paths.ways_button.click()
    dialog = page.paths.dialog
    assert isinstance(dialog, WaysInDialog)
    knows = dialog.meanings[RelationshipKind.KNOWS]
    assert plain(knows.text()) == "When A knows B, either can pass you on to the other."
    dialog.choose(RelationshipKind.KNOWS, WayIn.NONE)
    assert plain(knows.text()) == "When A knows B, neither passes you on to the other."
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    assert network.ways_in(context.vault)[RelationshipKind.KNOWS] is WayIn.NONE
    assert _paths(page, qtbot) == []
    assert page.paths.empty.isVisibleTo(page)
    # Ctrl+Z: knowing someone is a way in again, and the path is back.
    UndoController.for_context(context).undo()
    assert _paths(page, qtbot) == [ANNA_TO_DMITRI]


def test_a_direction_is_explained_and_followed(qtbot: QtBot, context: AppContext) -> None:
    ids = _web(context)
    # Anna trusts Boris: by default Boris can vouch for you with Anna, not the reverse.
    relationships.add_relationship(
        context.vault,
        ids["Anna Petrova"],
        ids["Boris Ivanov"],
        RelationshipKind.TRUSTS,
        strength=5,
        confidence=5,
    )
    assert network.paths_to(context.vault, ids["Boris Ivanov"], context.now()) == []
    assert plain(meaning(RelationshipKind.TRUSTS, WayIn.BACKWARD)) == (
        "When A trusts B, B can pass you on to A."
    )
    view = MapView(context)
    qtbot.addWidget(view)
    dialog = view.choose_ways_in()
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.choose(RelationshipKind.TRUSTS, WayIn.BOTH)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    (path,) = network.paths_to(context.vault, ids["Boris Ivanov"], context.now())
    assert plain(path.chain()) == "you -> Anna Petrova (warm) -> Boris Ivanov"
    # Restore defaults puts every kind back as it came.
    again = view.choose_ways_in()
    assert again is not None
    qtbot.addWidget(again)
    again.restore_defaults()
    assert again.chosen() == dict(network.DEFAULT_WAYS_IN)
