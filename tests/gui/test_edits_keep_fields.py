"""Editing a record changes what the user changed and nothing else.

Each edit form is opened over a record holding values the form does not show, or cannot
hold, or holds differently (an intermediary's trust, a very long note, a moment to the
microsecond, a tag with a comma, a long description); one field is changed and saved, and
every other field must read back exactly as it was."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.log import LogDialog
from contactkeeper.gui.dialogs.records import ChannelDialog, RelationshipDialog
from contactkeeper.gui.views.actor_page import ActorPage
from contactkeeper.gui.views.process_page import ProcessPage
from contactkeeper.records import actors, channels, interactions, processes, relationships
from contactkeeper.records.actors import NewActor
from contactkeeper.records.channels import Hop
from contactkeeper.vault.model import ChannelKind, InteractionKind, RelationshipKind
from tests.gui.window_helpers import show_active

LONG = "Met through the port authority. " * 1500  # 48,000 characters: more than a line edit


def _actors(context: AppContext) -> tuple[int, int, int]:
    now = context.now()
    layla = actors.create_actor(context.vault, NewActor("Layla Haddad"), now).id
    karim = actors.create_actor(context.vault, NewActor("Karim Nassar"), now).id
    samira = actors.create_actor(context.vault, NewActor("Samira Haddad"), now).id
    return layla, karim, samira


def _type_into(qtbot: QtBot, edit: object, text: str) -> None:
    edit.setFocus()  # type: ignore[attr-defined]
    edit.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(edit, text)


def test_changing_a_channels_label_keeps_each_intermediarys_trust(
    context: AppContext, qtbot: QtBot
) -> None:
    layla, karim, samira = _actors(context)
    channel = channels.add_channel(
        context.vault,
        layla,
        context.now(),
        kind=ChannelKind.INDIRECT,
        label="through the family",
        hops=[Hop(karim, trust=4), Hop(samira, trust=1)],
        trust=2,
    )
    dialog = ChannelDialog.edit(context, channel)
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    _type_into(qtbot, dialog.label, "through Karim, then his aunt")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    saved = channels.get_channel(context.vault, channel.id, context.now())
    assert saved.label == "through Karim, then his aunt"
    assert [(h.actor_id, h.trust) for h in saved.hops] == [(karim, 4), (samira, 1)]
    assert (saved.trust, saved.kind, saved.sensitivity) == (2, channel.kind, channel.sensitivity)


def test_changing_a_channels_trust_keeps_a_note_longer_than_a_line_edit_holds(
    context: AppContext, qtbot: QtBot
) -> None:
    layla, _, _ = _actors(context)
    channel = channels.add_channel(
        context.vault, layla, context.now(), kind=ChannelKind.PHONE, notes=LONG.strip()
    )
    dialog = ChannelDialog.edit(context, channel)
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    dialog.trust.setValue(5)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    saved = channels.get_channel(context.vault, channel.id, context.now())
    assert saved.trust == 5
    assert saved.notes == LONG.strip()


def test_correcting_a_contacts_summary_keeps_its_moment_exactly(
    context: AppContext, qtbot: QtBot
) -> None:
    layla, _, _ = _actors(context)
    moment = context.now() - timedelta(days=1, seconds=17, microseconds=123_456)
    logged = interactions.log_interaction(
        context.vault,
        occurred_at=moment,
        kind=InteractionKind.CALL,
        participants=[layla],
        summary="Call about the port",
    )
    dialog = LogDialog.edit(context, logged.id)
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    dialog.ui.summaryEdit.setFocus()
    dialog.ui.summaryEdit.selectAll()
    qtbot.keyClicks(dialog.ui.summaryEdit, "Call about the port closure")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    saved = interactions.get_interaction(context.vault, logged.id)
    assert saved.summary == "Call about the port closure"
    assert saved.occurred_at == moment
    assert (saved.kind, saved.register, saved.channel_id) == (
        logged.kind,
        logged.register,
        None,
    )


def test_changing_a_relationships_source_keeps_its_dates_and_scores(
    context: AppContext, qtbot: QtBot
) -> None:
    layla, karim, _ = _actors(context)
    tie = relationships.add_relationship(
        context.vault,
        karim,
        layla,
        RelationshipKind.TRUSTS,
        strength=4,
        confidence=2,
        started_on=date(2019, 9, 1),
        source="her brother",
    )
    dialog = RelationshipDialog.edit(context, layla, tie)
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    _type_into(qtbot, dialog.source, "Karim himself")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    saved = relationships.get_relationship(context.vault, tie.id)
    assert saved.source == "Karim himself"
    assert (saved.from_actor_id, saved.to_actor_id, saved.kind) == (
        karim,
        layla,
        RelationshipKind.TRUSTS,
    )
    assert (saved.strength, saved.confidence, saved.started_on) == (4, 2, date(2019, 9, 1))


def test_passing_through_the_profile_keeps_a_tag_with_a_comma_in_it(
    context: AppContext, qtbot: QtBot
) -> None:
    """A label imported from an address book ("Friends, Beirut") stays one tag when the user
    only passes through the field; a tag typed there is saved as typed."""
    layla = actors.create_actor(
        context.vault, NewActor("Layla Haddad", tags=("Friends, Beirut",)), context.now()
    )
    page = ActorPage(context)
    qtbot.addWidget(page)
    page.resize(900, 600)
    show_active(qtbot, page)
    page.show_actor(layla.id)
    page.tabs.setCurrentIndex(page.tabs.indexOf(page.form.parentWidget()))
    ui = page.form.ui
    ui.tagsEdit.setFocus()
    qtbot.keyClick(ui.tagsEdit, Qt.Key.Key_Tab)  # through the tags, on to the next field
    ui.countryEdit.setFocus()
    qtbot.keyClicks(ui.countryEdit, "Lebanon")
    qtbot.keyClick(ui.countryEdit, Qt.Key.Key_Return)

    saved = actors.get_actor(context.vault, layla.id, context.now())
    assert saved.country == "Lebanon"
    assert saved.tags == ("Friends, Beirut",)


def test_renaming_a_process_keeps_a_description_longer_than_a_line_edit_holds(
    context: AppContext, qtbot: QtBot
) -> None:
    coast = processes.create_process(context.vault, "Coast", description=LONG.strip())
    page = ProcessPage(context)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    show_active(qtbot, page)
    page.show_process(coast.id)
    _type_into(qtbot, page.name_label, "Coastal dialogue")
    qtbot.keyClick(page.name_label, Qt.Key.Key_Return)

    saved = processes.get_process(context.vault, coast.id)
    assert saved.name == "Coastal dialogue"
    assert saved.description == LONG.strip()
