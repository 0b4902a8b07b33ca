"""Dialogs of track-two work: plan an event, invite someone, record an outcome or a task,
log a transfer to track one and what came of it.

Each is a :class:`~contactkeeper.gui.dialogs.records.RecordDialog`: one service call inside
``context.writing``, a refused value explained in place.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QPlainTextEdit, QWidget

from contactkeeper.errors import InvalidRecord
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.records import RecordDialog
from contactkeeper.gui.presentation import from_qdate, to_qdate, today
from contactkeeper.gui.widgets.actor_choice import ActorChoice
from contactkeeper.records import events, organizations, processes, transfers
from contactkeeper.records.attribution import EXPLAINED
from contactkeeper.records.events import EventInfo, NewEvent
from contactkeeper.records.transfers import NewTransfer
from contactkeeper.vault.model import (
    AttributionRule,
    EventKind,
    EventRole,
    OutcomeKind,
    TransferKind,
    TransferResult,
)


def combo(accessible: str, values: list[str], current: str | None = None) -> QComboBox:
    box = QComboBox()
    box.setAccessibleName(accessible)
    for value in values:
        box.addItem(value, value)
    if current is not None:
        box.setCurrentIndex(box.findData(current))
    return box


def rule_combo(accessible: str, current: AttributionRule) -> QComboBox:
    box = combo(accessible, [r.value for r in AttributionRule], current.value)
    for index, rule in enumerate(AttributionRule):
        box.setItemData(index, EXPLAINED[rule], 3)  # Qt.ToolTipRole
    return box


def date_edit(accessible: str, value: object) -> QDateEdit:
    edit = QDateEdit()
    edit.setAccessibleName(accessible)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    edit.setDate(to_qdate(value))  # type: ignore[arg-type]
    return edit


def text_box(accessible: str, text: str = "") -> QPlainTextEdit:
    box = QPlainTextEdit(text)
    box.setAccessibleName(accessible)
    box.setTabChangesFocus(True)
    box.setFixedHeight(70)
    return box


class EventDialog(RecordDialog):
    """Plan a workshop, a dialogue round or a consultation (or change one)."""

    def __init__(
        self,
        context: AppContext,
        event: EventInfo | None = None,
        process_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, "Plan an event" if event is None else "Edit the event", parent)
        self.info = event
        start = event.starts_on if event else today(context.now()) + timedelta(days=30)
        self.title_edit = QLineEdit(event.title if event else "")
        self.title_edit.setAccessibleName("Title of the event")
        self.kind = combo(
            "Kind of event", [k.value for k in EventKind], event.kind.value if event else None
        )
        self.process = QComboBox()
        self.process.setAccessibleName("Process")
        self.process.addItem("(no process)", None)
        for pid, name in processes.process_names(context.vault):
            self.process.addItem(name, pid)
        chosen = event.process_id if event else process_id
        if chosen is not None:
            self.process.setCurrentIndex(self.process.findData(chosen))
        self.starts = date_edit("Starts on", start)
        self.ends = date_edit("Ends on", event.ends_on or start if event else start)
        self.venue = QLineEdit(event.venue if event else "")
        self.venue.setAccessibleName("Venue")
        self.venue.setPlaceholderText("Often a neutral third country")
        self.convenor = QLineEdit(event.convenor if event else "")
        self.convenor.setAccessibleName("Convenor")
        self.funder = QLineEdit(event.funder if event else "")
        self.funder.setAccessibleName("Funder")
        self.rule = rule_combo(
            "Attribution rule of what is said there",
            event.attribution if event else AttributionRule.CHATHAM_HOUSE,
        )
        self.ground_rules = text_box("Ground rules", event.ground_rules if event else "")
        self.agenda = text_box("Agenda", event.agenda if event else "")
        self.row("&Title", self.title_edit)
        self.row("&Kind", self.kind)
        self.row("&Process", self.process)
        self.row("&Starts", self.starts)
        self.row("&Ends", self.ends)
        self.row("&Venue", self.venue)
        self.row("&Convenor", self.convenor)
        self.row("&Funder", self.funder)
        self.row("&Rule", self.rule)
        self.row("&Ground rules", self.ground_rules)
        self.row("&Agenda", self.agenda)

    def save(self) -> object:
        process = self.process.currentData()
        new = NewEvent(
            title=self.title_edit.text(),
            starts_on=from_qdate(self.starts.date()),
            kind=EventKind(self.kind.currentData()),
            process_id=None if process is None else int(process),
            ends_on=from_qdate(self.ends.date()),
            venue=self.venue.text(),
            convenor=self.convenor.text(),
            funder=self.funder.text(),
            attribution=AttributionRule(self.rule.currentData()),
            ground_rules=self.ground_rules.toPlainText(),
            agenda=self.agenda.toPlainText(),
            notes=self.info.notes if self.info else "",
        )
        if self.info is None:
            return events.create_event(self.context.vault, new)
        events.update_event(self.context.vault, self.info.id, new)
        return self.info.id


class InviteDialog(RecordDialog):
    def __init__(self, context: AppContext, event_id: int, parent: QWidget | None = None) -> None:
        super().__init__(context, "Invite someone", parent)
        self.event_id = event_id
        self.actor = ActorChoice(context, "Invitee")
        self.role = combo("Role at the event", [r.value for r in EventRole])
        self.note = QLineEdit()
        self.note.setAccessibleName("Note")
        self.row("&Who", self.actor)
        self.row("&Role", self.role)
        self.row("&Note", self.note)

    def choose(self, actor_id: int, name: str) -> None:
        self.actor.choose(actor_id, name)

    def save(self) -> object:
        if self.actor.actor_id is None:
            raise InvalidRecord("Who", "choose the invitee from the suggestions")
        return events.invite(
            self.context.vault,
            self.event_id,
            self.actor.actor_id,
            EventRole(self.role.currentData()),
            note=self.note.text(),
        )


class OutcomeDialog(RecordDialog):
    """What came out of an event: an idea, an understanding, a disagreement."""

    def __init__(
        self, context: AppContext, event: EventInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, "Record an outcome", parent)
        self.info = event
        self.kind = combo("Kind of outcome", [k.value for k in OutcomeKind])
        self.text = text_box("What came out of it")
        self.rule = rule_combo("Attribution rule of the outcome", event.attribution)
        self.row("&Kind", self.kind)
        self.row("&What", self.text)
        self.row("&Rule", self.rule)

    def save(self) -> object:
        return events.add_outcome(
            self.context.vault,
            self.info.id,
            OutcomeKind(self.kind.currentData()),
            self.text.toPlainText(),
            AttributionRule(self.rule.currentData()),
        )


class TaskDialog(RecordDialog):
    """A task before the event (visas, venue, travel): a follow-up of the event."""

    def __init__(
        self, context: AppContext, event: EventInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, "Add a task to the checklist", parent)
        self.info = event
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName("Task")
        self.title_edit.setPlaceholderText("Visas, venue, travel…")
        due = min(event.starts_on - timedelta(days=14), today(context.now()) + timedelta(days=7))
        self.due = date_edit("Due on", due)
        self.row("&Task", self.title_edit)
        self.row("&Due", self.due)

    def save(self) -> object:
        return events.add_checklist_item(
            self.context.vault, self.info.id, self.title_edit.text(), from_qdate(self.due.date())
        )


class TransferDialog(RecordDialog):
    """Log what was passed to the official track: from an event's outcome, to an official."""

    def __init__(
        self,
        context: AppContext,
        event: EventInfo | None = None,
        outcome_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, "Log a transfer to track one", parent)
        self.info = event
        self.outcome_id = outcome_id
        outcome = next((o for o in event.outcomes if o.id == outcome_id), None) if event else None
        self.kind = combo("Kind of transfer", [k.value for k in TransferKind])
        self.content = text_box("What was passed", outcome.text if outcome else "")
        self.to_actor = ActorChoice(context, "Passed to (an official)", nobody="(no one person)")
        self.to_organization = QComboBox()
        self.to_organization.setAccessibleName("Passed to (an official organization)")
        self.to_organization.addItem("(no organization)", None)
        for oid, name in organizations.official_organizations(context.vault):
            self.to_organization.addItem(name, oid)
        self.passed = date_edit("Passed on", today(context.now()))
        self.via = QLineEdit()
        self.via.setAccessibleName("Through which channel")
        self.row("&Kind", self.kind)
        self.row("&What", self.content)
        self.row("Passed &to", self.to_actor)
        self.row("&Or to", self.to_organization)
        self.row("&On", self.passed)
        self.row("T&hrough", self.via)

    def choose(self, actor_id: int, name: str) -> None:
        self.to_actor.choose(actor_id, name)

    def save(self) -> object:
        organization = self.to_organization.currentData()
        return transfers.log_transfer(
            self.context.vault,
            NewTransfer(
                content=self.content.toPlainText(),
                passed_on=from_qdate(self.passed.date()),
                kind=TransferKind(self.kind.currentData()),
                event_id=self.info.id if self.info else None,
                outcome_id=self.outcome_id,
                process_id=self.info.process_id if self.info else None,
                recipient_actor_id=self.to_actor.actor_id,
                recipient_organization_id=None if organization is None else int(organization),
                via=self.via.text(),
            ),
        )


class ResultDialog(RecordDialog):
    """What came of a transfer."""

    def __init__(
        self, context: AppContext, transfer: transfers.TransferInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, "What came of it", parent)
        self.transfer = transfer
        self.outcome = combo("Result", [r.value for r in TransferResult], transfer.result.value)
        self.on = date_edit("On", transfer.result_on or today(context.now()))
        self.note = QLineEdit()
        self.keep(self.note, transfer.result_note)
        self.note.setAccessibleName("What happened")
        self.row("&Result", self.outcome)
        self.row("&On", self.on)
        self.row("&Note", self.note)

    def save(self) -> object:
        transfers.record_result(
            self.context.vault,
            self.transfer.id,
            TransferResult(self.outcome.currentData()),
            from_qdate(self.on.date()),
            self.text_of(self.note),
        )
        return self.transfer.id
