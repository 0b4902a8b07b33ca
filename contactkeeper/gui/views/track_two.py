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

from contactkeeper import i18n
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
from contactkeeper.gui.enum_words import capitalized, word
from contactkeeper.gui.models.record_table import Column, RecordTableModel
from contactkeeper.gui.presentation import day, error_label, show_error
from contactkeeper.gui.refresh import Refresh
from contactkeeper.gui.undo import UndoController
from contactkeeper.i18n import _, isolate
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


def _result(transfer: TransferInfo) -> str:
    """What came of a transfer, and when if known: "taken up (2 Dec 2026)"."""
    if not transfer.result_on:
        return word(transfer.result)
    # Translators: what came of a transfer to track one, and its date.
    return _("{result} ({date})").format(result=word(transfer.result), date=day(transfer.result_on))


def _event_facts(info: EventInfo, shown: Callable[[str], str]) -> list[str]:
    """What an event page says about it, a sentence a line: kind and dates, venue and
    process; who convened and funded it; its rule; its ground rules and agenda."""
    kind = capitalized(word(info.kind))
    if info.ends_on and info.ends_on != info.starts_on:
        # Translators: an event's kind and dates ("Workshop, 2 Dec 2026 to 4 Dec 2026").
        facts = _("{kind}, {start} to {end}").format(
            kind=kind, start=day(info.starts_on), end=day(info.ends_on)
        )
    else:
        facts = _("{kind}, {start}").format(kind=kind, start=day(info.starts_on))
    if info.venue:
        facts = _("{facts}, in {venue}").format(facts=facts, venue=isolate(info.venue))
    if info.process_name:
        facts = _("{facts}, for {process}").format(facts=facts, process=isolate(info.process_name))
    lines = [_("{facts}.").format(facts=facts)]
    convenor, funder = isolate(info.convenor), isolate(info.funder)
    if info.convenor and info.funder:
        lines.append(
            _("Convened by {convenor}, funded by {funder}.").format(
                convenor=convenor, funder=funder
            )
        )
    elif info.convenor:
        lines.append(_("Convened by {convenor}.").format(convenor=convenor))
    elif info.funder:
        lines.append(_("Funded by {funder}.").format(funder=funder))
    lines.append(_("Attribution: {rule}.").format(rule=word(info.attribution)))
    if info.ground_rules:
        lines.append(_("Ground rules: {text}").format(text=shown(info.ground_rules)))
    if info.agenda:
        lines.append(_("Agenda: {text}").format(text=shown(info.agenda)))
    return lines


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
        self.facts.setAccessibleName(_("About the event"))
        self.balance = QLabel()
        self.balance.setAccessibleName(_("Balance of sides"))
        self.message = error_label()
        self.edit_button = QPushButton(_("&Edit event…"))
        self.delete_button = QPushButton(_("Delete event…"))
        self.delete_button.setAccessibleName(_("Delete the event (Ctrl+Z brings it back)"))
        self.invite_button = QPushButton(_("&Invite…"))
        self.status = QComboBox()
        self.status.setAccessibleName(_("Answer or attendance of the selected invitee"))
        for status in InvitationStatus:
            self.status.addItem(word(status), status.value)
        self.status_button = QPushButton(_("&Mark"))
        self.status_button.setAccessibleName(_("Mark the selected invitee"))
        self.task_button = QPushButton(_("Add &task…"))
        self.outcome_button = QPushButton(_("Add &outcome…"))
        self.edit_outcome_button = QPushButton(_("Edit o&utcome…"))
        self.edit_outcome_button.setAccessibleName(_("Edit the selected outcome"))
        self.transfer_button = QPushButton(_("&Pass to track one…"))
        self.transfer_button.setAccessibleName(_("Pass the selected outcome to track one"))

    def _build_lists(self) -> None:
        """The invitation list, the checklist and the outcomes."""
        self.invitations: RecordTableModel[InvitationInfo] = RecordTableModel(
            [
                Column(
                    _("Invitee"),
                    lambda i: self.context.shown_name(
                        i.actor_id, i.display_name, i.codename, i.sensitivity
                    ),
                ),
                Column(_("Role"), lambda i: word(i.role)),
                Column(_("Answer"), lambda i: word(i.status)),
                Column(_("Side"), lambda i: i.side or "—"),
                Column(
                    _("Channel"),
                    # Translators: the warmth of the channel to an invitee, then how long
                    # since the last contact ("cooling, 40 d ago").
                    lambda i: _("{warmth}, {since}").format(
                        warmth=_(i.warmth.warmth.value), since=i.warmth.label
                    ),
                ),
            ],
            self,
        )
        self.invitation_table = _table(self.invitations, _("Invitation list"))
        self.checklist = QListWidget()
        self.checklist.setAccessibleName(_("Checklist before the event"))
        self.outcomes = QListWidget()
        self.outcomes.setAccessibleName(_("Outcomes"))
        self.outcomes.setToolTip(_("Double-click an outcome to change it"))
        self.linked = QListWidget()
        self.linked.setAccessibleName(_("Contacts and readiness cues at this event"))
        self.linked.setToolTip(_("Double-click one to open it"))

    def _lay_out(self) -> None:
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.edit_button)
        head.addWidget(self.delete_button)
        people_bar = QHBoxLayout()
        people_bar.addWidget(QLabel(_("Invitation list")))
        people_bar.addStretch(1)
        people_bar.addWidget(self.invite_button)
        people_bar.addWidget(self.status)
        people_bar.addWidget(self.status_button)
        self.sections = QTabWidget()
        self.sections.setAccessibleName(_("Before, after and at the event"))
        self.sections.addTab(_pane(self.checklist, self.task_button), _("Checklist"))
        self.sections.addTab(
            _pane(
                self.outcomes,
                self.outcome_button,
                self.edit_outcome_button,
                self.transfer_button,
            ),
            _("Outcomes"),
        )
        self.sections.addTab(_pane(self.linked), _("Contacts and cues there"))
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
            show_error(self.message, _("This event is no longer in the vault."))
            return
        self.info = info
        self._set_enabled(True)
        self.title.setText(info.title)
        self.facts.setText("\n".join(_event_facts(info, self.context.shown_text)))
        self.invitations.set_rows(info.invitations)
        balance = info.balance_of_sides()
        self.balance.setText(
            _("Balance of sides: {sides}").format(
                # Translators: a side and how many invitees it has ("North 3").
                sides=_(", ").join(
                    _("{side} {count}").format(side=isolate(side), count=i18n.number(n))
                    for side, n in balance.items()
                )
                or _("no party yet")
            )
        )
        self.checklist.clear()
        for task in info.checklist:
            item = QListWidgetItem(
                ("✓ " if task.done else "")
                + _("{task} (due {date})").format(task=isolate(task.title), date=day(task.due_on))
            )
            item.setData(ID_ROLE, task.id)
            self.checklist.addItem(item)
        self.outcomes.clear()
        for outcome in info.outcomes:
            # Translators: an outcome of an event: its kind, its words, then the rule on
            # attributing it ("Idea: a joint water commission  [Chatham House]").
            item = QListWidgetItem(
                _("{kind}: {text}  [{rule}]").format(
                    kind=capitalized(word(outcome.kind)),
                    text=isolate(self.context.shown_text(outcome.text)),
                    rule=word(outcome.attribution),
                )
            )
            item.setData(ID_ROLE, outcome.id)
            self.outcomes.addItem(item)
        self._show_linked(info)

    def _show_linked(self, info: EventInfo) -> None:
        """The contacts that took place there and the cues seen or heard there."""
        self.linked.clear()
        shown = self.context.shown_text
        for contact in info.interactions:
            on, kind = day(contact.occurred_at.astimezone().date()), word(contact.kind)
            item = QListWidgetItem(
                # Translators: a contact at an event: its date, its kind and its summary.
                _("{date} · {kind}: {summary}").format(
                    date=on, kind=kind, summary=isolate(shown(contact.summary))
                )
                if contact.summary.strip()
                else _("{date} · {kind}").format(date=on, kind=kind)
            )
            item.setData(ID_ROLE, ("interaction", contact.id))
            self.linked.addItem(item)
        for cue in info.cues:
            on, direction = day(cue.observed_on), word(cue.direction)
            item = QListWidgetItem(
                # Translators: a readiness cue seen at an event: its date, its kind, its
                # direction (toward or away) and its note.
                _("{date} · cue: {cue} ({direction}): {note}").format(
                    date=on, cue=cue.kind_label, direction=direction, note=isolate(shown(cue.note))
                )
                if cue.note.strip()
                else _("{date} · cue: {cue} ({direction})").format(
                    date=on, cue=cue.kind_label, direction=direction
                )
            )
            item.setData(ID_ROLE, ("cue", cue.id))
            self.linked.addItem(item)
        self.sections.setTabText(
            2,
            _("Contacts and cues there ({count})").format(count=i18n.number(self.linked.count())),
        )

    def clear(self) -> None:
        self.event_id = None
        self.info = None
        self.title.setText(_("No event chosen"))
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
            show_error(self.message, _("Choose someone on the invitation list first."))
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
            show_error(self.message, _("Choose an outcome first."))
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
                Column(_("Starts"), lambda e: day(e.starts_on)),
                Column(_("Event"), lambda e: e.title),
                Column(_("Process"), lambda e: e.process_name),
                Column(
                    _("People"),
                    # Translators: how many attended an event, of those invited ("4 of 9").
                    lambda e: _("{attended} of {invited}").format(
                        attended=i18n.number(e.attended), invited=i18n.number(e.invited)
                    ),
                ),
            ],
            self,
        )
        self.table = _table(self.model, _("Events"))
        self.plan_button = QPushButton(_("&Plan an event…"))
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
        context.vault_opened.connect(self._opened)
        context.vault_locked.connect(self.model.clear)
        self.table.selectionModel().currentRowChanged.connect(self._chosen)
        self.plan_button.clicked.connect(self.plan)
        _on_delete(self.table, self.page.delete)

    def _opened(self) -> None:
        """A vault was opened: its events load now if on screen, else when first shown."""
        self.model.clear()
        self.refresh.when_shown()

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
                Column(_("Passed on"), lambda t: day(t.passed_on)),
                Column(_("Kind"), lambda t: word(t.kind)),
                Column(_("What"), lambda t: self.context.shown_text(t.content)),
                Column(_("From"), lambda t: t.origin),
                Column(_("To"), self._recipient),
                Column(_("Through"), lambda t: t.via),
                Column(_("What came of it"), _result),
                Column(_("Process"), lambda t: t.process_name),
            ],
            self,
        )
        self.table = _table(self.model, _("Transfer log"))
        self.awaiting_only = QCheckBox(_("Only those &awaiting a reaction"))
        self.log_button = QPushButton(_("&Log a transfer…"))
        self.result_button = QPushButton(_("&What came of it…"))
        self.edit_button = QPushButton(_("&Edit…"))
        self.edit_button.setAccessibleName(_("Edit the selected transfer"))
        self.delete_button = QPushButton(_("&Delete…"))
        self.delete_button.setAccessibleName(
            _("Delete the selected transfer (Ctrl+Z brings it back)")
        )
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
        context.vault_opened.connect(self._opened)
        context.vault_locked.connect(self.model.clear)
        context.names_changed.connect(self._names_changed)
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
            if not t.recipient_organization:
                return name
            # Translators: the person a transfer went to, and their organization.
            return _("{person}, {organization}").format(
                person=isolate(name), organization=isolate(t.recipient_organization)
            )
        return t.recipient_organization

    def _opened(self) -> None:
        """A vault was opened: its transfers load now if on screen, else when first shown."""
        self.model.clear()
        self.refresh.when_shown()

    def _names_changed(self) -> None:
        if not self.refresh.stale:  # else redrawn, by the names shown then, when shown
            self.reload()

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
            show_error(self.message, _("Choose a transfer in the log first."))
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
        self.setAccessibleName(_("Track two"))
        self.events = EventsView(context)
        self.transfers = TransferLog(context)
        self.addTab(self.events, _("&Events"))
        self.addTab(self.transfers, _("&Transfers to track one"))
        self.currentChanged.connect(lambda _index: self.ensure_loaded())

    def ensure_loaded(self) -> None:
        """Load the tab shown if it was not loaded since the vault opened (each tab loads
        when first shown, not on the unlock)."""
        current = self.currentWidget()
        if isinstance(current, EventsView | TransferLog):
            current.refresh.catch_up()

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
