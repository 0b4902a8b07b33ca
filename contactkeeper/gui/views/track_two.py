"""Track two on screen: the events (a list, and one event's page) and the transfer log.

The event page plans and follows one workshop, dialogue round or consultation: its facts,
its invitation list (each invitee's role, answer, side in the process and the warmth of the
channel to them), the balance of sides, the checklist before it and the outcomes after it;
an outcome can be passed to track one from there. The transfer log lists what was passed to
the official track and what came of it. Both redraw through :class:`Refresh`.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from contactkeeper.errors import ContactKeeperError, RecordNotFound
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.track_two import (
    EventDialog,
    InviteDialog,
    OutcomeDialog,
    ResultDialog,
    TaskDialog,
    TransferDialog,
)
from contactkeeper.gui.models.record_table import Column, RecordTableModel
from contactkeeper.gui.presentation import day, error_label, show_error
from contactkeeper.gui.refresh import Refresh
from contactkeeper.records import events, transfers
from contactkeeper.records.events import EventInfo, EventRow, InvitationInfo
from contactkeeper.records.transfers import TransferInfo
from contactkeeper.vault.changes import Changes, Kind
from contactkeeper.vault.model import InvitationStatus

ID_ROLE = Qt.ItemDataRole.UserRole + 1
EVENT_SHOWS = frozenset({Kind.EVENT, Kind.ACTOR, Kind.PROCESS, Kind.FOLLOW_UP, Kind.PARTICIPANT})
TRANSFER_SHOWS = frozenset({Kind.TRANSFER, Kind.EVENT, Kind.ACTOR, Kind.ORGANIZATION})


def _table(model: QAbstractItemModel, name: str) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


class EventPage(QWidget):
    """One event: plan it before, record it after."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.event_id: int | None = None
        self.info: EventInfo | None = None
        self.dialog: QDialog | None = None
        self._build_header()
        self._build_lists()
        self._lay_out()
        self._connect()
        self.clear()

    def _build_header(self) -> None:
        """The title, the facts, the balance of sides and the buttons."""
        self.title = QLabel()
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setAccessibleName("About the event")
        self.balance = QLabel()
        self.balance.setAccessibleName("Balance of sides")
        self.message = error_label()
        self.edit_button = QPushButton("&Edit event…")
        self.invite_button = QPushButton("&Invite…")
        self.status = QComboBox()
        self.status.setAccessibleName("Answer or attendance of the selected invitee")
        for status in InvitationStatus:
            self.status.addItem(status.value, status.value)
        self.status_button = QPushButton("&Mark")
        self.status_button.setAccessibleName("Mark the selected invitee")
        self.task_button = QPushButton("Add &task…")
        self.outcome_button = QPushButton("Add &outcome…")
        self.transfer_button = QPushButton("&Pass to track one…")
        self.transfer_button.setAccessibleName("Pass the selected outcome to track one")

    def _build_lists(self) -> None:
        """The invitation list, the checklist and the outcomes."""
        self.invitations: RecordTableModel[InvitationInfo] = RecordTableModel(
            [
                Column(
                    "Invitee",
                    lambda i: self.context.shown_name(
                        i.actor_id, i.display_name, i.codename, i.sensitivity
                    ),
                ),
                Column("Role", lambda i: i.role.value),
                Column("Answer", lambda i: i.status.value),
                Column("Side", lambda i: i.side or "—"),
                Column("Channel", lambda i: f"{i.warmth.warmth.value}, {i.warmth.label}"),
            ],
            self,
        )
        self.invitation_table = _table(self.invitations, "Invitation list")
        self.checklist = QListWidget()
        self.checklist.setAccessibleName("Checklist before the event")
        self.outcomes = QListWidget()
        self.outcomes.setAccessibleName("Outcomes")

    def _lay_out(self) -> None:
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.edit_button)
        people_bar = QHBoxLayout()
        people_bar.addWidget(QLabel("Invitation list"))
        people_bar.addStretch(1)
        people_bar.addWidget(self.invite_button)
        people_bar.addWidget(self.status)
        people_bar.addWidget(self.status_button)
        before = QWidget()
        before_layout = QVBoxLayout(before)
        before_layout.setContentsMargins(0, 0, 0, 0)
        before_bar = QHBoxLayout()
        before_bar.addWidget(QLabel("Checklist"))
        before_bar.addStretch(1)
        before_bar.addWidget(self.task_button)
        before_layout.addLayout(before_bar)
        before_layout.addWidget(self.checklist)
        after = QWidget()
        after_layout = QVBoxLayout(after)
        after_layout.setContentsMargins(0, 0, 0, 0)
        after_bar = QHBoxLayout()
        after_bar.addWidget(QLabel("Outcomes"))
        after_bar.addStretch(1)
        after_bar.addWidget(self.outcome_button)
        after_bar.addWidget(self.transfer_button)
        after_layout.addLayout(after_bar)
        after_layout.addWidget(self.outcomes)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(before)
        lower.addWidget(after)
        lower.setSizes([300, 500])
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.facts)
        layout.addWidget(self.message)
        layout.addLayout(people_bar)
        layout.addWidget(self.invitation_table, 2)
        layout.addWidget(self.balance)
        layout.addWidget(lower, 1)

    def _connect(self) -> None:
        context = self.context
        self.refresh = Refresh(self, context, self.reload, self._shows)
        context.vault_locked.connect(self.clear)
        context.names_changed.connect(self.reload)
        self.edit_button.clicked.connect(self.edit)
        self.invite_button.clicked.connect(self.invite)
        self.status_button.clicked.connect(self.mark)
        self.task_button.clicked.connect(self.add_task)
        self.outcome_button.clicked.connect(self.add_outcome)
        self.transfer_button.clicked.connect(self.pass_on)

    def show_event(self, event_id: int) -> None:
        self.event_id = event_id
        self.reload()

    def reload(self) -> None:
        if self.event_id is None or not self.context.unlocked:
            self.clear()
            return
        self.refresh.fresh()
        try:
            info = events.get_event(self.context.vault, self.event_id, self.context.now())
        except RecordNotFound:
            self.clear()
            show_error(self.message, "This event is no longer in the vault.")
            return
        self.info = info
        self._set_enabled(True)
        self.title.setText(info.title)
        span = day(info.starts_on) + (
            f" to {day(info.ends_on)}" if info.ends_on and info.ends_on != info.starts_on else ""
        )
        facts = [f"{info.kind.value.capitalize()}, {span}"]
        if info.venue:
            facts.append(f"in {info.venue}")
        if info.process_name:
            facts.append(f"for {info.process_name}")
        lines = [", ".join(facts) + "."]
        who = [f"Convened by {info.convenor}"] if info.convenor else []
        if info.funder:
            who.append(f"funded by {info.funder}")
        if who:
            lines.append(", ".join(who) + ".")
        lines.append(f"Attribution: {info.attribution.value}.")
        if info.ground_rules:
            lines.append(f"Ground rules: {self.context.shown_text(info.ground_rules)}")
        if info.agenda:
            lines.append(f"Agenda: {self.context.shown_text(info.agenda)}")
        self.facts.setText("\n".join(lines))
        self.invitations.set_rows(info.invitations)
        balance = info.balance_of_sides()
        self.balance.setText(
            "Balance of sides: "
            + (", ".join(f"{side} {n}" for side, n in balance.items()) or "no party yet")
        )
        self.checklist.clear()
        for task in info.checklist:
            item = QListWidgetItem(
                f"{'✓ ' if task.done else ''}{task.title} (due {day(task.due_on)})"
            )
            item.setData(ID_ROLE, task.id)
            self.checklist.addItem(item)
        self.outcomes.clear()
        for outcome in info.outcomes:
            item = QListWidgetItem(
                f"{outcome.kind.value.capitalize()}: {self.context.shown_text(outcome.text)}"
                f"  [{outcome.attribution.value}]"
            )
            item.setData(ID_ROLE, outcome.id)
            self.outcomes.addItem(item)

    def clear(self) -> None:
        self.event_id = None
        self.info = None
        self.title.setText("No event chosen")
        self.facts.clear()
        self.balance.clear()
        self.invitations.clear()
        self.checklist.clear()
        self.outcomes.clear()
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.reject()
        self.dialog = None
        self._set_enabled(False)

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (
            self.edit_button,
            self.invite_button,
            self.status,
            self.status_button,
            self.task_button,
            self.outcome_button,
            self.transfer_button,
        ):
            widget.setEnabled(enabled)

    def _open(self, dialog: QDialog) -> QDialog:
        self.dialog = dialog
        dialog.open()
        return dialog

    def edit(self) -> None:
        if self.info is not None:
            self._open(EventDialog(self.context, self.info, parent=self))

    def invite(self) -> InviteDialog | None:
        if self.info is None:
            return None
        dialog = InviteDialog(self.context, self.info.id, self)
        self._open(dialog)
        return dialog

    def mark(self) -> None:
        """Record the selected invitee's answer or attendance."""
        invitation = self.invitations.row(self.invitation_table.currentIndex())
        if invitation is None:
            show_error(self.message, "Choose someone on the invitation list first.")
            return
        try:
            with self.context.writing(self):
                events.set_invitation(
                    self.context.vault,
                    invitation.id,
                    status=InvitationStatus(self.status.currentData()),
                )
        except ContactKeeperError as exc:
            show_error(self.message, exc.message)
            return
        row = self.invitation_table.currentIndex().row()
        self.reload()
        self.invitation_table.selectRow(row)

    def add_task(self) -> TaskDialog | None:
        if self.info is None:
            return None
        dialog = TaskDialog(self.context, self.info, self)
        self._open(dialog)
        return dialog

    def add_outcome(self) -> OutcomeDialog | None:
        if self.info is None:
            return None
        dialog = OutcomeDialog(self.context, self.info, self)
        self._open(dialog)
        return dialog

    def pass_on(self) -> TransferDialog | None:
        """Log a transfer to track one of the selected outcome (or of the event)."""
        if self.info is None:
            return None
        item = self.outcomes.currentItem()
        outcome_id = int(item.data(ID_ROLE)) if item is not None else None
        dialog = TransferDialog(self.context, self.info, outcome_id, self)
        self._open(dialog)
        return dialog

    def _shows(self, changes: Changes) -> bool:
        if self.event_id is None:
            return False
        return changes.touches(Kind.EVENT, self.event_id) or changes.any_of(EVENT_SHOWS)


class EventsView(QWidget):
    """Every event, latest first, and the chosen one's page."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model: RecordTableModel[EventRow] = RecordTableModel(
            [
                Column("Starts", lambda e: day(e.starts_on)),
                Column("Event", lambda e: e.title),
                Column("Process", lambda e: e.process_name),
                Column("People", lambda e: f"{e.attended} of {e.invited}"),
            ],
            self,
        )
        self.table = _table(self.model, "Events")
        self.plan_button = QPushButton("&Plan an event…")
        self.page = EventPage(context)
        self.dialog: QDialog | None = None
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.plan_button)
        left_layout.addWidget(self.table)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.page)
        split.setSizes([330, 770])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self.refresh = Refresh(self, context, self.reload, {Kind.EVENT, Kind.PROCESS})
        context.vault_opened.connect(self.reload)
        context.vault_locked.connect(self.model.clear)
        self.table.selectionModel().currentRowChanged.connect(self._chosen)
        self.plan_button.clicked.connect(self.plan)

    def reload(self) -> None:
        if not self.context.unlocked:
            self.model.clear()
            return
        self.refresh.fresh()
        current = self.page.event_id
        self.model.set_rows(events.list_events(self.context.vault))
        self.select(current)

    def select(self, event_id: int | None) -> None:
        for row, event in enumerate(self.model.rows):
            if event.id == event_id:
                self.table.selectRow(row)
                return

    def _chosen(self, current: object, _previous: object) -> None:
        event = self.model.row(self.table.currentIndex())
        if event is not None and event.id != self.page.event_id:
            self.page.show_event(event.id)

    def plan(self) -> EventDialog:
        dialog = EventDialog(self.context, parent=self)
        dialog.saved.connect(self._planned)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _planned(self, event_id: object) -> None:
        self.reload()
        if isinstance(event_id, int):
            self.page.show_event(event_id)
            self.select(event_id)


class TransferLog(QWidget):
    """What was passed to the official track, and what came of it."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model: RecordTableModel[TransferInfo] = RecordTableModel(
            [
                Column("Passed on", lambda t: day(t.passed_on)),
                Column("Kind", lambda t: t.kind.value),
                Column("What", lambda t: self.context.shown_text(t.content)),
                Column("From", lambda t: t.origin),
                Column("To", self._recipient),
                Column("Through", lambda t: t.via),
                Column(
                    "What came of it",
                    lambda t: t.result.value + (f" ({day(t.result_on)})" if t.result_on else ""),
                ),
                Column("Process", lambda t: t.process_name),
            ],
            self,
        )
        self.table = _table(self.model, "Transfer log")
        self.awaiting_only = QCheckBox("Only those &awaiting a reaction")
        self.log_button = QPushButton("&Log a transfer…")
        self.result_button = QPushButton("&What came of it…")
        self.message = error_label()
        self.dialog: QDialog | None = None
        bar = QHBoxLayout()
        bar.addWidget(self.awaiting_only)
        bar.addStretch(1)
        bar.addWidget(self.log_button)
        bar.addWidget(self.result_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        self.refresh = Refresh(self, context, self.reload, TRANSFER_SHOWS)
        context.vault_opened.connect(self.reload)
        context.vault_locked.connect(self.model.clear)
        context.names_changed.connect(self.reload)
        self.awaiting_only.toggled.connect(lambda _: self.reload())
        self.log_button.clicked.connect(self.log)
        self.result_button.clicked.connect(self.record_result)

    def _recipient(self, t: TransferInfo) -> str:
        if t.recipient_actor_id is not None:
            name = self.context.shown_name(
                t.recipient_actor_id,
                t.recipient_name,
                t.recipient_codename,
                t.recipient_sensitivity,
            )
            return name + (f", {t.recipient_organization}" if t.recipient_organization else "")
        return t.recipient_organization

    def reload(self) -> None:
        if not self.context.unlocked:
            self.model.clear()
            return
        self.refresh.fresh()
        show_error(self.message, "")
        self.model.set_rows(
            transfers.list_transfers(
                self.context.vault, awaiting_only=self.awaiting_only.isChecked()
            )
        )

    def log(self) -> TransferDialog:
        dialog = TransferDialog(self.context, parent=self)
        dialog.saved.connect(lambda _: self.reload())
        self.dialog = dialog
        dialog.open()
        return dialog

    def record_result(self) -> ResultDialog | None:
        transfer = self.model.row(self.table.currentIndex())
        if transfer is None:
            show_error(self.message, "Choose a transfer in the log first.")
            return None
        dialog = ResultDialog(self.context, transfer, self)
        dialog.saved.connect(lambda _: self.reload())
        self.dialog = dialog
        dialog.open()
        return dialog


class TrackTwoView(QTabWidget):
    """The Track two section: events, and the transfer log."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Track two")
        self.events = EventsView(context)
        self.transfers = TransferLog(context)
        self.addTab(self.events, "&Events")
        self.addTab(self.transfers, "&Transfers to track one")
