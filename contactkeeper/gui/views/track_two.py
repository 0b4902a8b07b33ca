"""Track two on screen: the events (a list, and one event's page) and the transfer log.

The event page plans and follows one workshop, dialogue round or consultation: its facts,
its invitation list (each invitee's role, answer, side in the process and the warmth of the
channel to them), the balance of sides, the checklist before it and the outcomes after it;
an outcome can be passed to track one from there. The transfer log lists what was passed to
the official track and what came of it. Both redraw through :class:`Refresh`.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
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
from contactkeeper.gui.dialogs.log import LogDialog
from contactkeeper.gui.dialogs.records import edit_cue
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
from contactkeeper.gui.undo import UndoController
from contactkeeper.records import events, readiness, transfers
from contactkeeper.records.events import EventInfo, EventRow, InvitationInfo
from contactkeeper.records.transfers import TransferInfo
from contactkeeper.vault.changes import Changes, Kind
from contactkeeper.vault.model import InvitationStatus

ID_ROLE = Qt.ItemDataRole.UserRole + 1
EVENT_SHOWS = frozenset(
    {
        Kind.EVENT,
        Kind.ACTOR,
        Kind.PROCESS,
        Kind.FOLLOW_UP,
        Kind.PARTICIPANT,
        Kind.INTERACTION,
        Kind.READINESS_CUE,
    }
)
TRANSFER_SHOWS = frozenset({Kind.TRANSFER, Kind.EVENT, Kind.ACTOR, Kind.ORGANIZATION})


def _on_delete(table: QTableView, delete: Callable[[], object]) -> None:
    """The Delete key, on ``table``, deletes its selected record (to the trash)."""
    key = QShortcut(QKeySequence(Qt.Key.Key_Delete), table)
    key.setContext(Qt.ShortcutContext.WidgetShortcut)
    key.activated.connect(delete)


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


def _pane(listing: QWidget, *buttons: QPushButton) -> QWidget:
    """A list with its buttons above it, right-aligned."""
    pane = QWidget()
    layout = QVBoxLayout(pane)
    layout.setContentsMargins(4, 4, 4, 4)
    if buttons:
        bar = QHBoxLayout()
        bar.addStretch(1)
        for button in buttons:
            bar.addWidget(button)
        layout.addLayout(bar)
    layout.addWidget(listing)
    return pane


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
        self.delete_button = QPushButton("Delete event…")
        self.delete_button.setAccessibleName("Delete the event (Ctrl+Z brings it back)")
        self.invite_button = QPushButton("&Invite…")
        self.status = QComboBox()
        self.status.setAccessibleName("Answer or attendance of the selected invitee")
        for status in InvitationStatus:
            self.status.addItem(status.value, status.value)
        self.status_button = QPushButton("&Mark")
        self.status_button.setAccessibleName("Mark the selected invitee")
        self.task_button = QPushButton("Add &task…")
        self.outcome_button = QPushButton("Add &outcome…")
        self.edit_outcome_button = QPushButton("Edit o&utcome…")
        self.edit_outcome_button.setAccessibleName("Edit the selected outcome")
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
        self.outcomes.setToolTip("Double-click an outcome to change it")
        self.linked = QListWidget()
        self.linked.setAccessibleName("Contacts and readiness cues at this event")
        self.linked.setToolTip("Double-click one to open it")

    def _lay_out(self) -> None:
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.edit_button)
        head.addWidget(self.delete_button)
        people_bar = QHBoxLayout()
        people_bar.addWidget(QLabel("Invitation list"))
        people_bar.addStretch(1)
        people_bar.addWidget(self.invite_button)
        people_bar.addWidget(self.status)
        people_bar.addWidget(self.status_button)
        self.sections = QTabWidget()
        self.sections.setAccessibleName("Before, after and at the event")
        self.sections.addTab(_pane(self.checklist, self.task_button), "Checklist")
        self.sections.addTab(
            _pane(
                self.outcomes,
                self.outcome_button,
                self.edit_outcome_button,
                self.transfer_button,
            ),
            "Outcomes",
        )
        self.sections.addTab(_pane(self.linked), "Contacts and cues there")
        self.sections.setCurrentIndex(1)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.facts)
        layout.addWidget(self.message)
        layout.addLayout(people_bar)
        layout.addWidget(self.invitation_table, 2)
        layout.addWidget(self.balance)
        layout.addWidget(self.sections, 1)

    def _connect(self) -> None:
        context = self.context
        self.refresh = Refresh(self, context, self.reload, self._shows)
        context.vault_locked.connect(self.clear)
        context.names_changed.connect(self.reload)
        self.edit_button.clicked.connect(self.edit)
        self.delete_button.clicked.connect(self.delete)
        self.invite_button.clicked.connect(self.invite)
        self.status_button.clicked.connect(self.mark)
        self.task_button.clicked.connect(self.add_task)
        self.outcome_button.clicked.connect(self.add_outcome)
        self.edit_outcome_button.clicked.connect(self.edit_outcome)
        self.outcomes.itemDoubleClicked.connect(lambda _item: self.edit_outcome())
        self.transfer_button.clicked.connect(self.pass_on)
        self.linked.itemDoubleClicked.connect(self.open_linked)

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
        self._show_linked(info)

    def _show_linked(self, info: EventInfo) -> None:
        """The contacts that took place there and the cues seen or heard there."""
        self.linked.clear()
        shown = self.context.shown_text
        for contact in info.interactions:
            item = QListWidgetItem(
                f"{day(contact.occurred_at.astimezone().date())} · {contact.kind.value}"
                + (f": {shown(contact.summary)}" if contact.summary.strip() else "")
            )
            item.setData(ID_ROLE, ("interaction", contact.id))
            self.linked.addItem(item)
        for cue in info.cues:
            item = QListWidgetItem(
                f"{day(cue.observed_on)} · cue: {cue.kind_label} ({cue.direction.value})"
                + (f": {shown(cue.note)}" if cue.note.strip() else "")
            )
            item.setData(ID_ROLE, ("cue", cue.id))
            self.linked.addItem(item)
        self.sections.setTabText(2, f"Contacts and cues there ({self.linked.count()})")

    def clear(self) -> None:
        self.event_id = None
        self.info = None
        self.title.setText("No event chosen")
        self.facts.clear()
        self.balance.clear()
        self.invitations.clear()
        self.checklist.clear()
        self.outcomes.clear()
        self.linked.clear()
        show_error(self.message, "")
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.reject()
        self.dialog = None
        self._set_enabled(False)

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (
            self.edit_button,
            self.delete_button,
            self.invite_button,
            self.status,
            self.status_button,
            self.task_button,
            self.outcome_button,
            self.edit_outcome_button,
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

    def delete(self) -> bool:
        """Move the event to the trash, with its list, outcomes and checklist (Ctrl+Z)."""
        if self.info is None:
            return False
        undo = UndoController.for_context(self.context)
        if not undo.discard(Kind.EVENT, self.info.id, self.info.title, self):
            return False
        self.clear()
        return True

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

    def edit_outcome(self) -> OutcomeDialog | None:
        """Change the selected outcome: its kind, words and rule."""
        item = self.outcomes.currentItem()
        if self.info is None or item is None:
            show_error(self.message, "Choose an outcome first.")
            return None
        outcome = next((o for o in self.info.outcomes if o.id == item.data(ID_ROLE)), None)
        if outcome is None:
            return None
        dialog = OutcomeDialog(self.context, self.info, self, outcome=outcome)
        self._open(dialog)
        return dialog

    def open_linked(self, item: QListWidgetItem) -> QDialog | None:
        """Open a contact held there (to correct it) or a cue heard there."""
        kind, record_id = item.data(ID_ROLE)
        try:
            if kind == "cue":
                return edit_cue(
                    self.context, readiness.get_cue(self.context.vault, record_id), self
                )
            dialog = LogDialog.edit(self.context, record_id, self)
        except ContactKeeperError as exc:
            show_error(self.message, exc.message)
            return None
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
        _on_delete(self.table, self.page.delete)

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

    def show_event(self, event_id: int) -> None:
        """Show this event's page, its row chosen in the list."""
        self.reload()
        self.page.show_event(event_id)
        self.select(event_id)

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
        self.edit_button = QPushButton("&Edit…")
        self.edit_button.setAccessibleName("Edit the selected transfer")
        self.delete_button = QPushButton("&Delete…")
        self.delete_button.setAccessibleName("Delete the selected transfer (Ctrl+Z brings it back)")
        self.message = error_label()
        self.dialog: QDialog | None = None
        bar = QHBoxLayout()
        bar.addWidget(self.awaiting_only)
        bar.addStretch(1)
        bar.addWidget(self.log_button)
        bar.addWidget(self.result_button)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.delete_button)
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
        self.edit_button.clicked.connect(self.edit)
        self.table.doubleClicked.connect(lambda _index: self.edit())
        self.delete_button.clicked.connect(self.delete)
        _on_delete(self.table, self.delete)

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

    def selected(self) -> TransferInfo | None:
        transfer = self.model.row(self.table.currentIndex())
        if transfer is None:
            show_error(self.message, "Choose a transfer in the log first.")
        return transfer

    def show_transfer(self, transfer_id: int) -> None:
        """Show the log with this transfer's row chosen (all of them, if need be)."""
        self.reload()
        if self.awaiting_only.isChecked() and not any(t.id == transfer_id for t in self.model.rows):
            self.awaiting_only.setChecked(False)  # reloads
        for row, transfer in enumerate(self.model.rows):
            if transfer.id == transfer_id:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
                return

    def edit(self) -> TransferDialog | None:
        """Change the selected transfer: what, from where, to whom, when, what came of it."""
        transfer = self.selected()
        if transfer is None:
            return None
        dialog = TransferDialog(self.context, parent=self, transfer=transfer)
        dialog.saved.connect(lambda _: self.reload())
        self.dialog = dialog
        dialog.open()
        return dialog

    def delete(self) -> bool:
        transfer = self.selected()
        if transfer is None:
            return False
        label = _opening(self.context.shown_text(transfer.content))
        return UndoController.for_context(self.context).discard(
            Kind.TRANSFER, transfer.id, label, self
        )

    def record_result(self) -> ResultDialog | None:
        transfer = self.selected()
        if transfer is None:
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

    def show_event(self, event_id: int) -> None:
        self.setCurrentWidget(self.events)
        self.events.show_event(event_id)

    def show_transfer(self, transfer_id: int) -> None:
        self.setCurrentWidget(self.transfers)
        self.transfers.show_transfer(transfer_id)


def _opening(text: str, limit: int = 60) -> str:
    """The first words of a text, for a label."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
