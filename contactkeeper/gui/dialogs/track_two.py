"""Dialogs of track-two work: plan an event, invite someone, record or change an outcome
or a task, log or change a transfer to track one and what came of it.

Each is a :class:`~contactkeeper.gui.dialogs.records.RecordDialog`: one service call inside
``context.writing``, a refused value explained in place.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.choices import choice_word
from contactkeeper.gui.dialogs.records import (
    RecordDialog,
    RoleDialog,
    combo,
    date_edit,
    event_combo,
)
from contactkeeper.gui.presentation import day, from_qdate, today
from contactkeeper.gui.widgets.actor_choice import ActorChoice
from contactkeeper.i18n import _
from contactkeeper.records import events, organizations, processes, transfers
from contactkeeper.records.attribution import EXPLAINED
from contactkeeper.records.events import EventInfo, NewEvent, OutcomeInfo
from contactkeeper.records.followups import NewFollowUp
from contactkeeper.records.transfers import NewTransfer, Outcome, TransferInfo
from contactkeeper.vault.model import (
    AttributionRule,
    EventKind,
    EventRole,
    OutcomeKind,
    TransferKind,
    TransferResult,
)


def rule_combo(accessible: str, current: AttributionRule) -> QComboBox:
    box = combo(accessible, list(AttributionRule), current.value)
    for index, rule in enumerate(AttributionRule):
        box.setItemData(index, _(EXPLAINED[rule]), Qt.ItemDataRole.ToolTipRole)
    return box


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
        super().__init__(
            context, _("Plan an event") if event is None else _("Edit the event"), parent
        )
        self.info = event
        start = event.starts_on if event else today(context.now()) + timedelta(days=30)
        self.title_edit = QLineEdit(event.title if event else "")
        self.title_edit.setAccessibleName(_("Title of the event"))
        self.kind = combo(_("Kind of event"), list(EventKind), event.kind.value if event else None)
        self.process = QComboBox()
        self.process.setAccessibleName(_("Process"))
        self.process.addItem(_("(no process)"), None)
        for pid, name in processes.process_names(context.vault):
            self.process.addItem(name, pid)
        chosen = event.process_id if event else process_id
        if chosen is not None:
            self.process.setCurrentIndex(self.process.findData(chosen))
        self.starts = date_edit(_("Starts on"), start)
        self.ends = date_edit(_("Ends on"), event.ends_on or start if event else start)
        self.venue = QLineEdit(event.venue if event else "")
        self.venue.setAccessibleName(_("Venue"))
        self.venue.setPlaceholderText(_("Often a neutral third country"))
        self.convenor = QLineEdit(event.convenor if event else "")
        self.convenor.setAccessibleName(_("Convenor"))
        self.funder = QLineEdit(event.funder if event else "")
        self.funder.setAccessibleName(_("Funder"))
        self.rule = rule_combo(
            _("Attribution rule of what is said there"),
            event.attribution if event else AttributionRule.CHATHAM_HOUSE,
        )
        self.ground_rules = text_box(_("Ground rules"), event.ground_rules if event else "")
        self.agenda = text_box(_("Agenda"), event.agenda if event else "")
        self.row(_("&Title"), self.title_edit)
        self.row(_("&Kind"), self.kind)
        self.row(_("&Process"), self.process)
        self.row(_("&Starts"), self.starts)
        self.row(_("&Ends"), self.ends)
        self.row(_("&Venue"), self.venue)
        self.row(_("&Convenor"), self.convenor)
        self.row(_("&Funder"), self.funder)
        self.row(_("&Rule"), self.rule)
        self.row(_("&Ground rules"), self.ground_rules)
        self.row(_("&Agenda"), self.agenda)

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


class InviteDialog(RoleDialog):
    """Someone on the event's list, in a role."""

    def __init__(self, context: AppContext, event_id: int, parent: QWidget | None = None) -> None:
        super().__init__(
            context,
            _("Invite someone"),
            list(EventRole),
            _("Role at the event"),
            parent,
            who_name=_("Invitee"),
        )
        self.event_id = event_id

    def save(self) -> object:
        return events.invite(
            self.context.vault,
            self.event_id,
            self.chosen(),
            EventRole(self.role.currentData()),
            note=self.note.text(),
        )


class OutcomeDialog(RecordDialog):
    """What came out of an event: an idea, an understanding, a disagreement (new, or
    ``outcome`` to change)."""

    def __init__(
        self,
        context: AppContext,
        event: EventInfo,
        parent: QWidget | None = None,
        *,
        outcome: OutcomeInfo | None = None,
    ) -> None:
        super().__init__(
            context, _("Record an outcome") if outcome is None else _("Edit the outcome"), parent
        )
        self.info = event
        self.outcome = outcome
        self.kind = combo(
            _("Kind of outcome"),
            list(OutcomeKind),
            outcome.kind.value if outcome else None,
        )
        self.text = text_box(_("What came out of it"))
        self.keep_plain(self.text, outcome.text if outcome else "")
        self.rule = rule_combo(
            _("Attribution rule of the outcome"),
            outcome.attribution if outcome else event.attribution,
        )
        self.row(_("&Kind"), self.kind)
        self.row(_("&What"), self.text)
        self.row(_("&Rule"), self.rule)
        if outcome is not None:
            passed = [
                # Translators: a transfer of an outcome: "2 Dec 2026: proposal, taken up".
                _("{day}: {kind}, {result}").format(
                    day=day(t.passed_on), kind=choice_word(t.kind), result=choice_word(t.result)
                )
                for t in transfers.list_transfers(context.vault, process_id=event.process_id)
                if t.outcome_id == outcome.id
            ]
            self.passed = QLabel(
                # Translators: what separates the transfers of an outcome in a list.
                _("; ").join(passed) or _("not yet (Pass to track one… from the page)")
            )
            self.passed.setAccessibleName(_("Transfers of this outcome to track one"))
            self.passed.setWordWrap(True)
            self.row(_("Passed on"), self.passed)

    def save(self) -> object:
        kind = OutcomeKind(self.kind.currentData())
        rule = AttributionRule(self.rule.currentData())
        text = self.plain_text_of(self.text)
        if self.outcome is None:
            return events.add_outcome(self.context.vault, self.info.id, kind, text, rule)
        events.update_outcome(self.context.vault, self.outcome.id, kind, text, rule)
        return self.outcome.id


class TaskDialog(RecordDialog):
    """A task before the event (visas, venue, travel): a follow-up of the event."""

    def __init__(
        self, context: AppContext, event: EventInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, _("Add a task to the checklist"), parent)
        self.info = event
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName(_("Task"))
        self.title_edit.setPlaceholderText(_("Visas, venue, travel…"))
        due = min(event.starts_on - timedelta(days=14), today(context.now()) + timedelta(days=7))
        self.due = date_edit(_("Due on"), due)
        self.row(_("&Task"), self.title_edit)
        self.row(_("&Due"), self.due)

    def save(self) -> object:
        return events.add_checklist_item(
            self.context.vault, self.info.id, self.title_edit.text(), from_qdate(self.due.date())
        )


class ResultRows:
    """What came of a transfer: its result, the day, a note (three rows of a form)."""

    def __init__(self, dialog: RecordDialog, transfer: TransferInfo | None) -> None:
        self.dialog = dialog
        current = transfer.result if transfer else TransferResult.AWAITING
        self.result = combo(_("Result"), list(TransferResult), current.value)
        now = dialog.context.now()
        self.on = date_edit(
            _("Result on"), transfer.result_on if transfer and transfer.result_on else today(now)
        )
        self.note = QLineEdit()
        dialog.keep(self.note, transfer.result_note if transfer else "")
        self.note.setAccessibleName(_("What happened"))
        dialog.row(_("&Result"), self.result)
        dialog.row(_("Result o&n"), self.on)
        dialog.row(_("What &happened"), self.note)
        self.result.currentIndexChanged.connect(self._result_chosen)
        self._result_chosen()

    def _result_chosen(self) -> None:
        self.on.setEnabled(self.result.currentData() != TransferResult.AWAITING.value)

    def value(self) -> Outcome:
        return Outcome(
            TransferResult(self.result.currentData()),
            from_qdate(self.on.date()),
            self.dialog.text_of(self.note),
        )


class TransferDialog(RecordDialog):
    """Log what was passed to the official track (or change it, ``transfer``): what, from
    which event and outcome, to whom, when, through which channel, what came of it, and a
    follow-up."""

    def __init__(
        self,
        context: AppContext,
        event: EventInfo | None = None,
        outcome_id: int | None = None,
        parent: QWidget | None = None,
        *,
        transfer: TransferInfo | None = None,
    ) -> None:
        super().__init__(
            context,
            _("Log a transfer to track one") if transfer is None else _("Edit the transfer"),
            parent,
        )
        self.transfer = transfer
        t = transfer
        event_id = t.event_id if t else (event.id if event else None)
        outcome_id = t.outcome_id if t else outcome_id
        outcome = next((o for o in event.outcomes if o.id == outcome_id), None) if event else None
        self.kind = combo(_("Kind of transfer"), list(TransferKind), t.kind.value if t else None)
        self.content = text_box(_("What was passed"))
        self.keep_plain(self.content, t.content if t else (outcome.text if outcome else ""))
        self.event_choice = event_combo(context, _("From which event"), _("(from no event)"))
        self.event_choice.setCurrentIndex(max(self.event_choice.findData(event_id), 0))
        self.outcome = QComboBox()
        self.outcome.setAccessibleName(_("From which of its outcomes"))
        self._fill_outcomes(outcome_id)
        self.to_actor = ActorChoice(
            context, _("Passed to (an official)"), nobody=_("(no one person)")
        )
        if t is not None and t.recipient_actor_id is not None:
            self.to_actor.choose(
                t.recipient_actor_id,
                context.shown_name(
                    t.recipient_actor_id,
                    t.recipient_name,
                    t.recipient_codename,
                    t.recipient_sensitivity,
                ),
            )
        self.to_organization = QComboBox()
        self.to_organization.setAccessibleName(_("Passed to (an official organization)"))
        self.to_organization.addItem(_("(no organization)"), None)
        for oid, name in organizations.official_organizations(context.vault):
            self.to_organization.addItem(name, oid)
        if t is not None:
            self.to_organization.setCurrentIndex(
                max(self.to_organization.findData(t.recipient_organization_id), 0)
            )
        self.passed = date_edit(_("Passed on"), t.passed_on if t else today(context.now()))
        self.via = QLineEdit()
        self.keep(self.via, t.via if t else "")
        self.via.setAccessibleName(_("Through which channel"))
        self.row(_("&Kind"), self.kind)
        self.row(_("&What"), self.content)
        self.row(_("From &event"), self.event_choice)
        self.row(_("From o&utcome"), self.outcome)
        self.row(_("Passed &to"), self.to_actor)
        self.row(_("&Or to"), self.to_organization)
        self.row(_("&On"), self.passed)
        self.row(_("T&hrough"), self.via)
        self.result_rows = ResultRows(self, t) if t is not None else None
        self.follow_up = QLineEdit()
        self.follow_up.setAccessibleName(_("Follow-up (optional)"))
        self.follow_up.setPlaceholderText(_("(optional) what to do next, e.g. ask again"))
        self.follow_up_due = date_edit(
            _("Follow-up due on"), today(context.now()) + timedelta(days=14)
        )
        self.row(_("&Follow-up"), self.follow_up)
        self.row(_("&Due"), self.follow_up_due)
        self.event_choice.currentIndexChanged.connect(lambda: self._fill_outcomes(None))

    def _fill_outcomes(self, chosen: int | None) -> None:
        """The outcomes of the event chosen above."""
        self.outcome.clear()
        self.outcome.addItem(_("(none in particular)"), None)
        event_id = self.event_choice.currentData()
        if event_id is not None:
            info = events.get_event(self.context.vault, int(event_id), self.context.now())
            for outcome in info.outcomes:
                # Translators: an outcome of an event: "idea: a joint water committee".
                label = _("{kind}: {text}").format(
                    kind=choice_word(outcome.kind), text=self.context.shown_text(outcome.text)
                )
                self.outcome.addItem(label[:80], outcome.id)
        self.outcome.setCurrentIndex(max(self.outcome.findData(chosen), 0))

    def choose(self, actor_id: int, name: str) -> None:
        self.to_actor.choose(actor_id, name)

    def new(self) -> NewTransfer:
        organization = self.to_organization.currentData()
        event_id = self.event_choice.currentData()
        t = self.transfer
        return NewTransfer(
            content=self.plain_text_of(self.content),
            passed_on=from_qdate(self.passed.date()),
            kind=TransferKind(self.kind.currentData()),
            event_id=None if event_id is None else int(event_id),
            outcome_id=self.outcome.currentData(),
            # The process of the event, or the one it had.
            process_id=t.process_id if t is not None and event_id is None else None,
            interaction_id=t.interaction_id if t else None,
            recipient_actor_id=self.to_actor.actor_id,
            recipient_organization_id=None if organization is None else int(organization),
            via=self.text_of(self.via),
            attribution=t.attribution if t else None,
        )

    def save(self) -> object:
        follow_up = None
        if self.follow_up.text().strip():
            follow_up = NewFollowUp(self.follow_up.text(), from_qdate(self.follow_up_due.date()))
        if self.transfer is None:
            return transfers.log_transfer(self.context.vault, self.new(), follow_up=follow_up)
        transfers.update_transfer(
            self.context.vault,
            self.transfer.id,
            self.new(),
            outcome=self.result_rows.value() if self.result_rows else None,
            follow_up=follow_up,
        )
        return self.transfer.id


class ResultDialog(RecordDialog):
    """What came of a transfer."""

    def __init__(
        self, context: AppContext, transfer: TransferInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, _("What came of it"), parent)
        self.transfer = transfer
        self.result_rows = ResultRows(self, transfer)
        self.outcome, self.on, self.note = (
            self.result_rows.result,
            self.result_rows.on,
            self.result_rows.note,
        )

    def save(self) -> object:
        outcome = self.result_rows.value()
        transfers.record_result(
            self.context.vault, self.transfer.id, outcome.result, outcome.on, outcome.note
        )
        return self.transfer.id
