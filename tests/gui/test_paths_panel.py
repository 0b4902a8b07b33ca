"""The actor page's "Ways in": the best paths from you as chains, a contact logged along one,
a path kept as a channel, and whom an intermediary alone carries you to."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from contactkeeper.gui.context import AppContext
from contactkeeper.gui.views.actor_page import ActorPage
from contactkeeper.i18n import isolate
from contactkeeper.records import actors, channels, interactions, relationships
from contactkeeper.records.actors import NewActor
from contactkeeper.vault.model import (
    ChannelKind,
    InteractionKind,
    RelationshipKind,
    Sensitivity,
)
from tests.gui.window_helpers import show_active


def _web(context: AppContext) -> tuple[int, int, int]:
    """you -> Fr. Pavel (phone, met last week) -> Bishop Nikolai -> Dmitri Sokolov."""
    vault, now = context.vault, context.now()
    pavel = actors.create_actor(vault, NewActor("Fr. Pavel", codename="GREY OWL"), now).id
    nikolai = actors.create_actor(vault, NewActor("Bishop Nikolai"), now).id
    dmitri = actors.create_actor(
        vault,
        NewActor("Dmitri Sokolov", codename="RED FOX", sensitivity=Sensitivity.HIGH_RISK),
        now,
    ).id
    channels.add_channel(vault, pavel, now, kind=ChannelKind.PHONE, label="+7 900", trust=4)
    interactions.log_interaction(
        vault,
        occurred_at=now - timedelta(days=5),
        kind=InteractionKind.MEETING,
        participants=[pavel],
    )
    for a, b in ((pavel, nikolai), (nikolai, dmitri)):
        relationships.add_relationship(
            vault, a, b, RelationshipKind.CAN_INTRODUCE, strength=4, confidence=5
        )
    return pavel, nikolai, dmitri


def _page(context: AppContext, qtbot: QtBot, actor_id: int) -> ActorPage:
    page = ActorPage(context)
    qtbot.addWidget(page)
    page.resize(900, 600)
    show_active(qtbot, page)
    page.show_actor(actor_id)
    page.tabs.setCurrentWidget(page.paths)
    qtbot.waitUntil(lambda: not page.paths.busy)  # the first question builds the web
    return page


def test_the_best_path_reads_as_a_chain_with_its_reasons(context: AppContext, qtbot: QtBot) -> None:
    _, _, dmitri = _web(context)
    page = _page(context, qtbot, dmitri)
    panel = page.paths
    assert panel.path_list.count() == 1
    item = panel.path_list.item(0)
    # A high-risk actor goes by their codename here as everywhere.
    names = ("Fr. Pavel", "Bishop Nikolai", "RED FOX")
    assert item.text() == "you -> {} (warm) -> {} -> {}".format(*map(isolate, names))
    assert "weakest hop (4/5)" in item.toolTip()
    assert "+7 900" in item.toolTip()  # why the first hop scores what it does
    # The chosen path's reasons also read under the list, its weakest hop marked.
    assert panel.why_label.text().startswith("As good as its weakest hop (4/5):")
    assert "▶ " in panel.why_label.text()
    assert "Ways in (1)" in page.tabs.tabText(page.tabs.indexOf(panel))
    context.set_privacy(True)
    text, tip = panel.path_list.item(0).text(), panel.path_list.item(0).toolTip()
    assert text.startswith(f"you -> {isolate('GREY OWL')} (warm) -> ")
    assert text.endswith(f" -> {isolate('RED FOX')}")
    for shown in (text, tip, panel.why_label.text()):
        assert "Fr. Pavel" not in shown
        assert "Bishop Nikolai" not in shown
        assert "+7 900" not in shown


def test_an_actor_without_a_way_in_says_what_to_do(context: AppContext, qtbot: QtBot) -> None:
    lone = actors.create_actor(context.vault, NewActor("Anna Petrova"), context.now()).id
    page = _page(context, qtbot, lone)
    assert not page.paths.path_list.isVisible()
    assert page.paths.empty.isVisible()
    assert not page.paths.log_button.isEnabled()


def test_logging_along_a_path_fills_in_the_first_intermediary(
    context: AppContext, qtbot: QtBot
) -> None:
    pavel, _, dmitri = _web(context)
    page = _page(context, qtbot, dmitri)
    page.paths.log_button.click()
    dialog = page.paths.dialog
    assert dialog is not None
    assert dialog.participants() == [pavel]
    assert dialog.ui.kindCombo.currentData() == InteractionKind.VIA_INTERMEDIARY
    dialog.ui.summaryEdit.setPlainText("Asked Fr. Pavel to pass a word to the bishop")
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()
    logged = interactions.journal(context.vault, interactions.JournalFilter(actor_id=pavel))
    assert [i.kind for i in logged] == [InteractionKind.VIA_INTERMEDIARY, InteractionKind.MEETING]


def test_a_path_kept_as_a_channel_lists_its_intermediaries(
    context: AppContext, qtbot: QtBot
) -> None:
    pavel, nikolai, dmitri = _web(context)
    page = _page(context, qtbot, dmitri)
    page.paths.save_button.click()
    (kept,) = channels.list_channels(context.vault, dmitri, context.now())
    assert [h.actor_id for h in kept.hops] == [pavel, nikolai]
    assert kept.trust == 4
    # The page shows it at once among the channels.
    assert page.channels.rowCount() == 1


def test_an_intermediary_lists_whom_they_alone_carry_you_to(
    context: AppContext, qtbot: QtBot
) -> None:
    pavel, nikolai, dmitri = _web(context)
    page = _page(context, qtbot, pavel)
    reached = page.paths.reached_list
    assert sorted(reached.item(i).text() for i in range(reached.count())) == [
        "Bishop Nikolai",
        "RED FOX",
    ]
    with qtbot.waitSignal(context.open_actor) as opened:
        reached.itemActivated.emit(reached.item(0))
    assert opened.args[0] in (nikolai, dmitri)
