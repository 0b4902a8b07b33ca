"""Logging a contact through the dialog, from the keyboard, on a real vault."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.log import LogDialog
from contactkeeper.records import actors, channels, followups, interactions, processes, readiness
from contactkeeper.records.actors import NewActor
from contactkeeper.records.channels import Hop
from contactkeeper.vault.changes import Kind
from contactkeeper.vault.model import ActorStatus, ChannelKind, Direction, InteractionKind, Register
from tests.conftest import FakeClock
from tests.gui.shown_text import visible
from tests.gui.window_helpers import show_active


def _open(context: AppContext, qtbot: QtBot, actor_ids: list[int] | None = None) -> LogDialog:
    dialog = LogDialog(context, None, actor_ids or [])
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    return dialog


def _tab_to(qtbot: QtBot, dialog: LogDialog, target: object, limit: int = 20) -> None:
    for _ in range(limit):
        if dialog.focusWidget() is target:
            return
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target}")


def test_logging_a_social_dinner_from_the_keyboard_warms_the_actor(
    context: AppContext, qtbot: QtBot, clock: FakeClock
) -> None:
    start = clock()
    layla = actors.create_actor(context.vault, NewActor("Layla Haddad", cadence_days=30), start)
    assert layla.warmth.warmth == "cold"
    clock.advance(days=3)
    dialog = _open(context, qtbot)
    assert dialog.focusWidget() is dialog.ui.participantEdit
    # The date defaults to now, shown in local time.
    assert dialog.ui.occurredEdit.dateTime().toSecsSinceEpoch() == int(clock().timestamp())

    qtbot.keyClicks(dialog.ui.participantEdit, "Hadd")
    popup = dialog.picker.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    assert popup.model().index(0, 0).data().startswith("Layla Haddad")
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.participants() == [layla.id]
    assert dialog.ui.participantEdit.text() == ""

    _tab_to(qtbot, dialog, dialog.ui.kindCombo)
    qtbot.keyClicks(dialog.ui.kindCombo, "Social")
    assert dialog.ui.kindCombo.currentData() == InteractionKind.SOCIAL
    qtbot.keyClick(dialog.ui.kindCombo, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.ui.registerCombo, "Social")
    _tab_to(qtbot, dialog, dialog.ui.summaryEdit)
    qtbot.keyClicks(dialog.ui.summaryEdit, "Dinner at her cousin's; relaxed, asked about the talks")

    with qtbot.waitSignal(context.changed) as changed:
        qtbot.keyClick(
            dialog.ui.summaryEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
        )
    changes, initiator = changed.args
    assert initiator is dialog
    # The contact, and the actor it warmed (her last contact is kept on the actor).
    assert changes.kinds == {Kind.INTERACTION, Kind.ACTOR}
    assert changes.ids_of(Kind.ACTOR) == {layla.id}
    assert dialog.result() == LogDialog.DialogCode.Accepted

    logged = interactions.journal(context.vault)
    assert len(logged) == 1
    assert logged[0].kind is InteractionKind.SOCIAL
    assert logged[0].register is Register.SOCIAL
    assert logged[0].summary == "Dinner at her cousin's; relaxed, asked about the talks"
    assert logged[0].occurred_at == clock()
    assert actors.get_actor(context.vault, layla.id, clock()).warmth.warmth == "warm"


def test_enter_saves_from_a_field_and_the_channel_lists_the_intermediary_chain(
    context: AppContext, qtbot: QtBot
) -> None:
    now = context.now()
    karim = actors.create_actor(context.vault, NewActor("Karim Nasser"), now)
    layla = actors.create_actor(context.vault, NewActor("Layla Haddad"), now)
    via = channels.add_channel(
        context.vault, layla.id, now, kind=ChannelKind.INDIRECT, hops=[Hop(karim.id)]
    )
    dialog = _open(context, qtbot, [layla.id])
    combo = dialog.ui.channelCombo
    labels = [visible(combo.itemText(i)) for i in range(combo.count())]
    assert "you -> Karim Nasser -> Layla Haddad" in labels
    combo.setCurrentIndex(combo.findData(via.id))
    combo.activated.emit(combo.currentIndex())  # as when the user picks it
    assert dialog.ui.kindCombo.currentData() == InteractionKind.VIA_INTERMEDIARY
    dialog.ui.kindCombo.setFocus()
    qtbot.keyClick(dialog.ui.kindCombo, Qt.Key.Key_Return)

    logged = interactions.journal(context.vault)
    assert [i.channel_id for i in logged] == [via.id]
    assert [i.kind for i in logged] == [InteractionKind.VIA_INTERMEDIARY]
    assert channels.get_channel(context.vault, via.id, now).last_used_at == now


def test_a_new_actor_inline_warns_when_the_name_looks_like_an_existing_one(
    context: AppContext, qtbot: QtBot
) -> None:
    now = context.now()
    actors.create_actor(context.vault, NewActor("Layla Haddad", codename="SILVER HERON"), now)
    dialog = _open(context, qtbot)
    qtbot.keyClicks(dialog.ui.participantEdit, "Layla Hadad")
    dialog.picker.completer.popup().hide()  # the user dismisses the suggestions (Escape)
    qtbot.keyClick(dialog.ui.participantEdit, Qt.Key.Key_Return)

    assert dialog.participants() == [NewActor(display_name="Layla Hadad")]
    assert dialog.ui.similarLabel.isVisible()
    assert "Layla Haddad (SILVER HERON)" in dialog.ui.similarLabel.text()
    assert "(new actor)" in dialog.ui.participantList.item(0).text()

    qtbot.keyClick(dialog.ui.participantEdit, Qt.Key.Key_Return)  # empty field: Enter saves
    names = sorted(a.display_name for a in actors.list_actors(context.vault, now))
    assert names == ["Layla Hadad", "Layla Haddad"]


def test_a_mistaken_new_actor_can_be_removed_with_delete(context: AppContext, qtbot: QtBot) -> None:
    dialog = _open(context, qtbot)
    qtbot.keyClicks(dialog.ui.participantEdit, "Omar")
    qtbot.keyClick(dialog.ui.participantEdit, Qt.Key.Key_Return)
    assert len(dialog.participants()) == 1
    dialog.ui.participantList.setCurrentRow(0)
    qtbot.keyClick(dialog.ui.participantList, Qt.Key.Key_Delete)
    assert dialog.participants() == []


def test_a_follow_up_and_a_readiness_cue_are_saved_with_the_contact(
    context: AppContext, qtbot: QtBot, clock: FakeClock
) -> None:
    now = clock()
    tariq = actors.create_actor(context.vault, NewActor("Tariq al-Amin"), now)
    coast = processes.create_process(context.vault, "Coastal ceasefire talks")
    stalemate = next(k for k in readiness.cue_kinds(context.vault) if k.key == "hurting-stalemate")
    dialog = _open(context, qtbot, [tariq.id])
    ui = dialog.ui
    ui.processCombo.setCurrentIndex(ui.processCombo.findData(coast.id))
    ui.summaryEdit.setPlainText("Port closure is ruining everyone")
    ui.followUpBox.setChecked(True)
    qtbot.keyClicks(ui.followUpEdit, "Send the fisheries paper")
    ui.cueBox.setChecked(True)
    ui.cueKindCombo.setCurrentIndex(ui.cueKindCombo.findData(stalemate.id))
    ui.cueStrengthCombo.setValue(4)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    [follow_up] = followups.list_follow_ups(context.vault)
    assert follow_up.title == "Send the fisheries paper"
    assert follow_up.actor_id == tariq.id
    assert follow_up.due_on == now.astimezone().date() + timedelta(days=7)
    [cue] = readiness.list_cues(context.vault, process_id=coast.id)
    assert cue.kind_id == stalemate.id
    assert cue.direction is Direction.TOWARD
    assert cue.strength == 4
    assert cue.actor_id == tariq.id


def test_a_mistake_is_shown_in_place_and_nothing_typed_is_lost(
    context: AppContext, qtbot: QtBot
) -> None:
    dialog = _open(context, qtbot)
    dialog.ui.summaryEdit.setPlainText("Long notes I do not want to type again")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.ui.errorLabel.isVisible()
    assert "Participants" in dialog.ui.errorLabel.text()
    assert dialog.ui.summaryEdit.toPlainText() == "Long notes I do not want to type again"
    assert interactions.journal(context.vault) == []


def test_locking_closes_the_dialog_and_clears_what_was_typed(
    context: AppContext, qtbot: QtBot
) -> None:
    layla = actors.create_actor(context.vault, NewActor("Layla Haddad"), context.now())
    dialog = _open(context, qtbot, [layla.id])
    dialog.ui.summaryEdit.setPlainText("secret words")
    context.lock()
    assert not dialog.isVisible()
    assert dialog.ui.participantList.count() == 0
    assert dialog.ui.summaryEdit.toPlainText() == ""


def test_the_channel_used_last_is_chosen_for_the_next_contact(
    context: AppContext, qtbot: QtBot
) -> None:
    now = context.now()
    layla = actors.create_actor(context.vault, NewActor("Layla Haddad"), now)
    phone = channels.add_channel(context.vault, layla.id, now, kind=ChannelKind.PHONE)
    signal = channels.add_channel(context.vault, layla.id, now, kind=ChannelKind.MESSENGER)
    first = _open(context, qtbot, [layla.id])
    assert first.ui.channelCombo.currentData() is None  # never used: nothing assumed
    interactions.log_interaction(
        context.vault,
        occurred_at=now - timedelta(days=1),
        kind=InteractionKind.MESSAGE,
        participants=[layla.id],
        channel_id=signal.id,
    )
    second = _open(context, qtbot, [layla.id])
    assert second.ui.channelCombo.currentData() == signal.id
    assert phone.id != signal.id


def test_a_name_left_in_the_field_is_added_and_a_new_one_is_shown_before_saving(
    context: AppContext, qtbot: QtBot
) -> None:
    layla = actors.create_actor(context.vault, NewActor("Layla Haddad"), context.now())
    dialog = _open(context, qtbot)
    dialog.ui.participantEdit.setText("layla haddad")  # an exact name, never added with Enter
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert [i.participants[0].id for i in interactions.journal(context.vault)] == [layla.id]

    second = _open(context, qtbot)
    second.ui.participantEdit.setText("Omar Farouk")
    qtbot.mouseClick(second.save_button, Qt.MouseButton.LeftButton)
    assert second.isVisible()  # a new actor is shown first, not saved behind the user's back
    assert "new actor" in second.ui.errorLabel.text()
    assert second.participants() == [NewActor(display_name="Omar Farouk")]
    qtbot.mouseClick(second.save_button, Qt.MouseButton.LeftButton)
    assert not second.isVisible()
    assert interactions.count_journal(context.vault) == 2


def test_adding_a_do_not_contact_actor_shows_a_warning(context: AppContext, qtbot: QtBot) -> None:
    now = context.now()
    quiet = actors.create_actor(
        context.vault, NewActor("Viktor Morozov", status=ActorStatus.DO_NOT_CONTACT), now
    )
    dialog = _open(context, qtbot, [quiet.id])
    assert dialog.ui.similarLabel.isVisible()
    assert "do-not-contact" in dialog.ui.similarLabel.text()
