"""Track two on screen: plan an event and its people, record its outcome, pass it to track
one and record what came of it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.track_two import (
    EventDialog,
    InviteDialog,
    OutcomeDialog,
    ResultDialog,
    TaskDialog,
    TransferDialog,
)
from contactkeeper.gui.views.track_two import TrackTwoView
from contactkeeper.i18n import isolate
from contactkeeper.records import actors, processes, standing, transfers
from contactkeeper.records.actors import NewActor
from contactkeeper.vault.model import (
    ActorTrack,
    AttributionRule,
    EventRole,
    InvitationStatus,
    ParticipationRole,
    TransferResult,
)
from tests.gui.shown_text import visible
from tests.gui.window_helpers import show_active


def _view(context: AppContext, qtbot: QtBot) -> TrackTwoView:
    view = TrackTwoView(context)
    qtbot.addWidget(view)
    view.resize(1200, 750)
    show_active(qtbot, view)
    view.events.reload()
    return view


def _cells(model: object, column: int) -> list[str]:
    """The column's cells as read on screen."""
    rows = model.rowCount()  # type: ignore[attr-defined]
    return [visible(model.index(r, column).data()) for r in range(rows)]  # type: ignore[attr-defined]


def test_planning_an_event_with_its_people_checklist_and_balance(
    context: AppContext, qtbot: QtBot
) -> None:
    vault, now = context.vault, context.now()
    process = processes.create_process(vault, "Valley Water Dialogue").id
    west = actors.create_actor(vault, NewActor("Ilan Peretz"), now).id
    east = actors.create_actor(vault, NewActor("Suha Mansour"), now).id
    for who in (west, east):
        processes.add_participant(vault, process, who, ParticipationRole.PARTY)
    processes.add_side(vault, process, "Western bank")
    info = processes.add_side(vault, process, "Eastern villages")
    by_actor = {p.actor_id: p.participation_id for p in info.participants}
    processes.set_participant_side(vault, by_actor[west], info.sides[0].id)
    processes.set_participant_side(vault, by_actor[east], info.sides[1].id)
    view = _view(context, qtbot)

    qtbot.mouseClick(view.events.plan_button, Qt.MouseButton.LeftButton)
    dialog = view.events.dialog
    assert isinstance(dialog, EventDialog)
    qtbot.keyClicks(dialog.title_edit, "Lakeside workshop")
    dialog.process.setCurrentIndex(dialog.process.findData(process))
    qtbot.keyClicks(dialog.venue, "Montreux")
    assert dialog.rule.currentData() == AttributionRule.CHATHAM_HOUSE.value  # the default
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert _cells(view.events.model, 1) == ["Lakeside workshop"]
    page = view.events.page
    assert page.title.text() == "Lakeside workshop"
    assert "in Montreux" in visible(page.facts.text())

    for who, name in ((west, "Ilan Peretz"), (east, "Suha Mansour")):
        qtbot.mouseClick(page.invite_button, Qt.MouseButton.LeftButton)
        invite = page.dialog
        assert isinstance(invite, InviteDialog)
        invite.choose(who, name)
        invite.role.setCurrentIndex(invite.role.findData(EventRole.PARTY_PARTICIPANT.value))
        qtbot.mouseClick(invite.save_button, Qt.MouseButton.LeftButton)
    assert _cells(page.invitations, 0) == ["Ilan Peretz", "Suha Mansour"]
    assert _cells(page.invitations, 3) == ["Western bank", "Eastern villages"]
    assert _cells(page.invitations, 4) == ["cold, never contacted"] * 2
    assert visible(page.balance.text()) == "Balance of sides: Eastern villages 1, Western bank 1"

    page.invitation_table.selectRow(1)
    page.status.setCurrentIndex(page.status.findData(InvitationStatus.DECLINED.value))
    qtbot.mouseClick(page.status_button, Qt.MouseButton.LeftButton)
    assert _cells(page.invitations, 2) == ["invited", "declined"]
    assert visible(page.balance.text()) == "Balance of sides: Western bank 1"

    qtbot.mouseClick(page.task_button, Qt.MouseButton.LeftButton)
    task = page.dialog
    assert isinstance(task, TaskDialog)
    qtbot.keyClicks(task.title_edit, "Visas for the eastern delegation")
    qtbot.mouseClick(task.save_button, Qt.MouseButton.LeftButton)
    assert page.checklist.count() == 1
    assert visible(page.checklist.item(0).text()).startswith("Visas for the eastern delegation")


def test_recording_an_outcome_and_passing_it_to_track_one(
    context: AppContext, qtbot: QtBot
) -> None:
    vault, now = context.vault, context.now()
    envoy = actors.create_actor(vault, NewActor("Marta Lindqvist"), now).id
    view = _view(context, qtbot)
    qtbot.mouseClick(view.events.plan_button, Qt.MouseButton.LeftButton)
    dialog = view.events.dialog
    assert isinstance(dialog, EventDialog)
    qtbot.keyClicks(dialog.title_edit, "Second round")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    page = view.events.page

    qtbot.mouseClick(page.outcome_button, Qt.MouseButton.LeftButton)
    outcome = page.dialog
    assert isinstance(outcome, OutcomeDialog)
    qtbot.keyClicks(outcome.text, "A joint survey of the aquifer")
    qtbot.mouseClick(outcome.save_button, Qt.MouseButton.LeftButton)
    assert visible(page.outcomes.item(0).text()) == (
        "Idea: A joint survey of the aquifer  [Chatham House]"
    )

    page.outcomes.setCurrentRow(0)
    qtbot.mouseClick(page.transfer_button, Qt.MouseButton.LeftButton)
    transfer = page.dialog
    assert isinstance(transfer, TransferDialog)
    assert transfer.content.toPlainText() == "A joint survey of the aquifer"
    transfer.choose(envoy, "Marta Lindqvist")
    qtbot.mouseClick(transfer.save_button, Qt.MouseButton.LeftButton)
    assert "not marked as track one" in transfer.message.text()  # said calmly, kept open
    standing.set_standing(vault, envoy, standing.Standing(actor_track=ActorTrack.ONE))
    qtbot.keyClicks(transfer.via, "Embassy briefing")
    qtbot.mouseClick(transfer.save_button, Qt.MouseButton.LeftButton)
    assert not transfer.isVisible()

    log = view.transfers
    view.setCurrentWidget(log)
    assert _cells(log.model, 2) == ["A joint survey of the aquifer"]
    assert [visible(cell) for cell in _cells(log.model, 3)] == ["the Second round"]
    assert _cells(log.model, 4) == ["Marta Lindqvist"]
    assert _cells(log.model, 6) == ["awaiting a reaction"]

    log.table.selectRow(0)
    qtbot.mouseClick(log.result_button, Qt.MouseButton.LeftButton)
    result = log.dialog
    assert isinstance(result, ResultDialog)
    result.outcome.setCurrentIndex(result.outcome.findData(TransferResult.TAKEN_UP.value))
    qtbot.keyClicks(result.note, "In the draft text")
    qtbot.mouseClick(result.save_button, Qt.MouseButton.LeftButton)
    assert _cells(log.model, 6)[0].startswith("taken up")
    (saved,) = transfers.list_transfers(vault)
    assert (saved.result, saved.result_note) == (TransferResult.TAKEN_UP, "In the draft text")
    log.awaiting_only.setChecked(True)
    assert log.model.rowCount() == 0


def test_today_shows_the_transfer_awaiting_a_reaction(context: AppContext, qtbot: QtBot) -> None:
    from contactkeeper.gui.views.today import TodayView
    from contactkeeper.records.transfers import NewTransfer

    vault, now = context.vault, context.now()
    actors.create_actor(vault, NewActor("Someone to keep Today out of its empty state"), now)
    envoy = actors.create_actor(vault, NewActor("Marta Lindqvist"), now).id
    standing.set_standing(vault, envoy, standing.Standing(actor_track=ActorTrack.ONE))
    view = TodayView(context)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    show_active(qtbot, view)
    view.reload()
    assert view.track_two.placeholder.isVisible()
    with context.writing():
        transfers.log_transfer(
            vault, NewTransfer("Sequence the releases", now.date(), recipient_actor_id=envoy)
        )
    assert view.track_two.heading.text() == "Track two (1)"
    model = view.track_two.model
    assert [visible(model.index(0, c).data()) for c in (1, 2)] == [
        "awaiting a reaction",
        "Sequence the releases",
    ]


def test_logging_a_contact_as_an_unexpected_opening_under_a_rule(
    context: AppContext, qtbot: QtBot
) -> None:
    from contactkeeper.gui.dialogs.log import LogDialog
    from contactkeeper.records import interactions, reviews

    vault, now = context.vault, context.now()
    process = processes.create_process(vault, "Valley Water Dialogue").id
    karim = actors.create_actor(vault, NewActor("Karim Nasser"), now).id
    dialog = LogDialog(context, None, [karim])
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    dialog.ui.processCombo.setCurrentIndex(dialog.ui.processCombo.findData(process))
    dialog.ui.summaryEdit.setPlainText("Met by chance at the funeral; he asked for a channel")
    dialog.rule_combo.setCurrentIndex(
        dialog.rule_combo.findData(AttributionRule.NON_ATTRIBUTABLE.value)
    )
    dialog.opening_check.setChecked(True)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.logged is not None
    logged = interactions.get_interaction(vault, dialog.logged.id)
    assert logged.attribution is AttributionRule.NON_ATTRIBUTABLE
    assert [o.interaction_id for o in reviews.unexpected_openings(vault, process)] == [logged.id]

    again = LogDialog.edit(context, logged.id)
    qtbot.addWidget(again)
    assert again.opening_check.isChecked()
    assert again.rule_combo.currentData() == AttributionRule.NON_ATTRIBUTABLE.value
    again.opening_check.setChecked(False)
    again.rule_combo.setCurrentIndex(again.rule_combo.findData(AttributionRule.ON_RECORD.value))
    again.save()
    logged = interactions.get_interaction(vault, logged.id)
    assert (logged.attribution, logged.unexpected_opening) == (AttributionRule.ON_RECORD, False)


def test_an_actors_track_two_attributes_are_kept_and_risk_raises_sensitivity(
    context: AppContext, qtbot: QtBot
) -> None:
    from contactkeeper.gui.views.actor_page import ActorPage
    from contactkeeper.vault.model import Sensitivity

    vault, now = context.vault, context.now()
    process = processes.create_process(vault, "Valley Water Dialogue").id
    omar = actors.create_actor(vault, NewActor("Omar Haddad"), now).id
    processes.add_participant(vault, process, omar, ParticipationRole.PARTY)
    info = processes.add_side(vault, process, "Eastern villages")
    processes.set_participant_side(vault, info.participants[0].participation_id, info.sides[0].id)
    page = ActorPage(context)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    show_active(qtbot, page)
    page.show_actor(omar)
    panel = page.standing
    sides = f"{isolate('Valley Water Dialogue')}: {isolate('Eastern villages')}"
    assert panel.sides.text() == sides
    panel.track.setCurrentIndex(panel.track.findData(ActorTrack.THREE.value))
    panel.access.setValue(2)
    panel.risk.setValue(5)
    panel.rule.setCurrentIndex(panel.rule.findData(AttributionRule.NON_ATTRIBUTABLE.value))
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    saved = standing.get_standing(vault, omar)
    assert (saved.actor_track, saved.access, saved.standing, saved.personal_risk) == (
        ActorTrack.THREE,
        2,
        None,
        5,
    )
    assert saved.attribution is AttributionRule.NON_ATTRIBUTABLE
    assert actors.get_actor(vault, omar, now).sensitivity is Sensitivity.HIGH_RISK
