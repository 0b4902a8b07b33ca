"""The actor page: the chain to reach someone, their timeline, and edits saved at once."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QPlainTextEdit
from pytestqt.qtbot import QtBot

from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.records import AffiliationDialog, ChannelDialog, FollowUpDialog
from contactkeeper.gui.presentation import short_date
from contactkeeper.gui.undo import UndoController
from contactkeeper.gui.views.actor_page import ActorPage
from contactkeeper.records import actors, channels, interactions, relationships
from contactkeeper.records.actors import NewActor
from contactkeeper.records.channels import Hop
from contactkeeper.vault.model import ChannelKind, InteractionKind, RelationshipKind, Sensitivity
from tests.conftest import FakeClock
from tests.gui.shown_text import visible
from tests.gui.window_helpers import show_active


def _cell(model: object, row: int, column: int) -> str:
    return visible(str(model.index(row, column).data()))  # type: ignore[attr-defined]


def _page(context: AppContext, qtbot: QtBot, actor_id: int) -> ActorPage:
    page = ActorPage(context)
    qtbot.addWidget(page)
    page.resize(900, 600)
    show_active(qtbot, page)
    page.show_actor(actor_id)
    return page


def test_an_actor_reached_through_an_intermediary_reads_as_a_chain(
    context: AppContext, qtbot: QtBot
) -> None:
    now = context.now()
    karim = actors.create_actor(context.vault, NewActor("Karim N."), now)
    layla = actors.create_actor(context.vault, NewActor("Layla H.", codename="SILVER HERON"), now)
    channels.add_channel(
        context.vault, layla.id, now, kind=ChannelKind.INDIRECT, hops=[Hop(karim.id)]
    )
    page = _page(context, qtbot, layla.id)
    assert page.name_label.text() == "Layla H."
    assert page.codename_label.text() == "SILVER HERON"
    assert _cell(page.channels, 0, 0) == "you -> Karim N. -> Layla H."
    assert page.badge.text() == "cold"
    assert not page.sensitivity_chip.isVisible()  # a normal actor carries no warning
    with context.writing():
        actors.update_actor(context.vault, layla.id, now, sensitivity=Sensitivity.HIGH_RISK)
    assert page.sensitivity_chip.isVisible()
    assert page.sensitivity_chip.text() == "high-risk"


def test_the_timeline_shows_the_newest_contact_first_and_the_badge_turns_warm(
    context: AppContext, qtbot: QtBot, clock: FakeClock
) -> None:
    now = clock()
    layla = actors.create_actor(context.vault, NewActor("Layla Haddad"), now)
    omar = actors.create_actor(context.vault, NewActor("Omar Saleh"), now)
    page = _page(context, qtbot, layla.id)
    for days_ago, summary in ((20, "First coffee"), (2, "Dinner with Omar")):
        with context.writing():
            interactions.log_interaction(
                context.vault,
                occurred_at=now - timedelta(days=days_ago),
                kind=InteractionKind.SOCIAL,
                participants=[layla.id, omar.id],
                summary=summary,
            )
    assert page.timeline.rowCount() == 2
    assert _cell(page.timeline, 0, 5) == "Dinner with Omar"
    assert _cell(page.timeline, 0, 3) == "Omar Saleh"
    assert _cell(page.timeline, 1, 5) == "First coffee"
    assert page.badge.text() == "warm"


def test_editing_the_profile_saves_at_once(context: AppContext, qtbot: QtBot) -> None:
    layla = actors.create_actor(
        context.vault, NewActor("Layla Haddad", cadence_days=30), context.now()
    )
    page = _page(context, qtbot, layla.id)
    page.tabs.setCurrentIndex(page.tabs.indexOf(page.form.parentWidget()))
    ui = page.form.ui
    ui.cadenceSpin.setFocus()
    ui.cadenceSpin.selectAll()
    qtbot.keyClicks(ui.cadenceSpin, "14")
    qtbot.keyClick(ui.cadenceSpin, Qt.Key.Key_Tab)
    ui.tagsEdit.setFocus()
    qtbot.keyClicks(ui.tagsEdit, "coast, clerics")
    qtbot.keyClick(ui.tagsEdit, Qt.Key.Key_Return)
    ui.variantEdit.setFocus()
    ui.variantEdit.insert("ليلى حداد")  # as an input method would; QTest types Latin keys only
    qtbot.keyClick(ui.variantEdit, Qt.Key.Key_Return)

    saved = actors.get_actor(context.vault, layla.id, context.now())
    assert saved.cadence_days == 14
    assert saved.tags == ("clerics", "coast")
    assert [v.name for v in saved.name_variants] == ["ليلى حداد"]
    assert "every 14 days" in page.facts_label.text()


def test_a_codename_already_in_use_is_explained_and_kept_in_the_field(
    context: AppContext, qtbot: QtBot
) -> None:
    now = context.now()
    actors.create_actor(context.vault, NewActor("Karim Nasser", codename="AMBER CRANE"), now)
    layla = actors.create_actor(
        context.vault, NewActor("Layla Haddad", codename="SILVER HERON"), now
    )
    page = _page(context, qtbot, layla.id)
    page.tabs.setCurrentIndex(page.tabs.indexOf(page.form.parentWidget()))
    edit = page.form.ui.codenameEdit
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "amber crane")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert "already used" in page.form.ui.errorLabel.text()
    assert edit.text() == "amber crane"
    assert actors.get_actor(context.vault, layla.id, now).codename == "SILVER HERON"


def test_notes_are_saved_when_the_user_leaves_them(context: AppContext, qtbot: QtBot) -> None:
    layla = actors.create_actor(context.vault, NewActor("Layla Haddad"), context.now())
    page = _page(context, qtbot, layla.id)
    page.tabs.setCurrentWidget(page.notes)
    page.notes.setFocus()
    qtbot.keyClicks(page.notes, "Prefers meetings after Friday prayers")
    qtbot.keyClick(page.notes, Qt.Key.Key_Tab)
    notes = actors.get_actor(context.vault, layla.id, context.now()).notes
    assert notes == "Prefers meetings after Friday prayers"


def test_relationships_open_the_other_actor_and_log_a_contact_asks_for_the_dialog(
    context: AppContext, qtbot: QtBot
) -> None:
    now = context.now()
    layla = actors.create_actor(context.vault, NewActor("Layla Haddad"), now)
    karim = actors.create_actor(context.vault, NewActor("Karim Nasser"), now)
    relationships.add_relationship(
        context.vault, karim.id, layla.id, RelationshipKind.CAN_INTRODUCE
    )
    page = _page(context, qtbot, layla.id)
    assert _cell(page.relationships, 0, 0) == "Karim Nasser"
    assert _cell(page.relationships, 0, 1) == "Karim Nasser can introduce Layla Haddad"
    with qtbot.waitSignal(context.open_actor) as opened:  # a double-click on the name
        page.relationship_table.activated.emit(page.relationships.index(0, 0))
    assert opened.args == [karim.id]
    with qtbot.waitSignal(context.log_contact) as asked:
        qtbot.mouseClick(page.log_button, Qt.MouseButton.LeftButton)
    assert asked.args == [[layla.id]]


def test_adding_a_channel_through_two_intermediaries(context: AppContext, qtbot: QtBot) -> None:
    now = context.now()
    layla = actors.create_actor(context.vault, NewActor("Layla Haddad"), now)
    karim = actors.create_actor(context.vault, NewActor("Karim Nasser"), now)
    aunt = actors.create_actor(context.vault, NewActor("Samira Haddad"), now)
    page = _page(context, qtbot, layla.id)
    qtbot.mouseClick(page.channel_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, ChannelDialog)
    assert dialog.isVisible()
    dialog.add_hop(karim.id, "Karim Nasser")
    dialog.add_hop(aunt.id, "Samira Haddad")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert _cell(page.channels, 0, 0) == "you -> Karim Nasser -> Samira Haddad -> Layla Haddad"

    # Later Samira drops out and Karim reaches Layla himself: edit the channel.
    page.channel_table.activated.emit(page.channels.index(0, 0))  # a double-click or Enter
    edit = page.dialog
    assert isinstance(edit, ChannelDialog)
    assert edit.windowTitle() == "Edit a channel"
    edit.hops.setCurrentRow(1)
    qtbot.keyClick(edit.hops, Qt.Key.Key_Delete)
    edit.trust.setValue(5)
    qtbot.mouseClick(edit.save_button, Qt.MouseButton.LeftButton)
    assert page.channels.rowCount() == 1
    assert _cell(page.channels, 0, 0) == "you -> Karim Nasser -> Layla Haddad"
    assert _cell(page.channels, 0, 2) == "5 · full"


def test_deleting_the_actor_asks_first_and_ctrl_z_brings_the_page_back(
    context: AppContext, qtbot: QtBot
) -> None:
    layla = actors.create_actor(context.vault, NewActor("Layla Haddad"), context.now())
    page = _page(context, qtbot, layla.id)
    undo = UndoController.for_context(context)
    questions: list[str] = []
    undo.confirm = lambda parent, title, text: bool(questions.append(text)) or True
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert "Layla Haddad" in questions[0]
    assert page.name_label.text() == ""
    assert "no longer in the vault" in page.message.text()
    undo.undo()
    assert page.name_label.text() == "Layla Haddad"


def test_locking_leaves_no_record_text_in_the_page(context: AppContext, qtbot: QtBot) -> None:
    now = context.now()
    layla = actors.create_actor(context.vault, NewActor("Layla Haddad", notes="CANARY-NOTE"), now)
    interactions.log_interaction(
        context.vault,
        occurred_at=now,
        kind=InteractionKind.CALL,
        participants=[layla.id],
        summary="CANARY-SUMMARY",
    )
    karim = actors.create_actor(context.vault, NewActor("Karim CANARY-HOP"), now)
    page = _page(context, qtbot, layla.id)
    qtbot.mouseClick(page.channel_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, ChannelDialog)
    dialog.add_hop(karim.id, "Karim CANARY-HOP")
    dialog.label.setText("CANARY-LABEL")
    context.lock()
    texts = [w.text() for w in page.findChildren(QLabel) + page.findChildren(QLineEdit)]
    texts += [w.toPlainText() for w in page.findChildren(QPlainTextEdit)]
    for listing in page.findChildren(QListWidget):
        texts += [listing.item(i).text() for i in range(listing.count())]
    assert not any("Layla" in t or "CANARY" in t for t in texts)
    assert not dialog.isVisible()
    assert page.timeline.rowCount() == 0
    assert page.channels.rowCount() == 0


def test_affiliations_over_time_are_added_with_a_new_organization_and_removed(
    context: AppContext, qtbot: QtBot
) -> None:
    layla = actors.create_actor(context.vault, NewActor("Layla Haddad"), context.now())
    page = _page(context, qtbot, layla.id)
    qtbot.mouseClick(page.affiliation_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, AffiliationDialog)
    dialog.organization.setEditText("Ministry of Ports")
    qtbot.keyClicks(dialog.role, "deputy minister")
    dialog.started.setDate(QDate(2024, 3, 1))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert _cell(page.affiliations, 0, 0) == "Ministry of Ports"
    assert _cell(page.affiliations, 0, 1) == "deputy minister"
    assert _cell(page.affiliations, 0, 2) == short_date(date(2024, 3, 1)) == "1 Mar 2024"
    assert _cell(page.affiliations, 0, 3) == "now"

    UndoController.for_context(context).confirm = lambda parent, title, text: True
    page.tabs.setCurrentIndex(page.tabs.indexOf(page.form.parentWidget()))
    page.affiliation_table.setFocus()
    page.affiliation_table.selectRow(0)
    qtbot.keyClick(page.affiliation_table, Qt.Key.Key_Delete)
    assert page.affiliations.rowCount() == 0
    assert actors.get_actor(context.vault, layla.id, context.now()).affiliations == ()


def test_a_follow_up_is_added_from_the_page_without_a_contact(
    context: AppContext, qtbot: QtBot
) -> None:
    layla = actors.create_actor(context.vault, NewActor("Layla Haddad"), context.now())
    page = _page(context, qtbot, layla.id)
    qtbot.mouseClick(page.follow_up_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, FollowUpDialog)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Follow-up" in dialog.message.text()  # a task needs words; nothing was saved
    qtbot.keyClicks(dialog.title, "Send her the workshop report")
    qtbot.keyClick(dialog.title, Qt.Key.Key_Return)
    assert _cell(page.follow_ups, 0, 1) == "Send her the workshop report"
    assert _cell(page.follow_ups, 0, 2) == "open"
    assert page.tabs.tabText(page.tabs.indexOf(page.follow_up_table)) == "F&ollow-ups (1)"
