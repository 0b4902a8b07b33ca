"""The journal: every interaction, newest first, loaded a page at a time.

Narrow it by actor, kind, register, a date range and words of the summary; the filters
combine (Ctrl+F goes to the words). Enter or a double-click on a row corrects the contact
(on the Who column: opens its first participant); Delete moves it to the trash (Ctrl+Z
brings it back).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from contactkeeper import i18n
from contactkeeper.errors import ContactKeeperError
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.log import LogDialog
from contactkeeper.gui.models.lazy_table import Column, LazyTableModel
from contactkeeper.gui.presentation import error_label, show_error, when
from contactkeeper.gui.record_words import word
from contactkeeper.gui.refresh import Refresh
from contactkeeper.gui.undo import UndoController
from contactkeeper.gui.widgets.actor_picker import ActorPicker
from contactkeeper.gui.widgets.optional_date import OptionalDateEdit
from contactkeeper.gui.widgets.tables import give_room_to
from contactkeeper.i18n import N_, _, isolate, ngettext, pgettext
from contactkeeper.records import actors, interactions
from contactkeeper.records.interactions import InteractionInfo, JournalFilter
from contactkeeper.vault.changes import Kind
from contactkeeper.vault.model import InteractionKind, Register

# What the journal shows: contacts, their participants, and the channel and process used.
SHOWS = frozenset({Kind.INTERACTION, Kind.ACTOR, Kind.PROCESS, Kind.CHANNEL})
REGISTER_COLUMN, WHO_COLUMN, CHANNEL_COLUMN, SUMMARY_COLUMN = 2, 3, 4, 6


class JournalView(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.filters = JournalFilter()
        self.actor_id: int | None = None
        self.dialog: LogDialog | None = None
        self.model: LazyTableModel[InteractionInfo] = LazyTableModel(
            [
                Column(_("When"), lambda i: when(i.occurred_at)),
                Column(_("Kind"), lambda i: word(i.kind)),
                Column(_("Register"), lambda i: word(i.register)),
                Column(_("Who"), self._who),
                Column(_("Channel"), self._channel),
                Column(_("Process"), lambda i: i.process_name),
                Column(
                    _("Summary"),
                    lambda i: self.context.shown_text(i.summary.replace("\n", " ")),
                    tooltip=lambda i: self.context.shown_text(i.summary),
                ),
            ],
            self._fetch,
            self._count,
            parent=self,
        )
        self._build()
        self._connect()
        self.reload()

    def _build(self) -> None:
        self.text = QLineEdit()
        self.text.setAccessibleName(_("Words in the summary"))
        self.text.setPlaceholderText(_("Words in the summary…"))
        self.text.setClearButtonEnabled(True)
        self.actor = ActorPicker(self.context)
        self.actor.setAccessibleName(_("Only interactions with this actor"))
        self.actor.setPlaceholderText(_("With actor…"))
        self.actor_chip = QPushButton()
        self.actor_chip.setAccessibleName(_("Remove the actor filter"))
        self.actor_chip.setToolTip(_("Show interactions with everyone"))
        self.actor_chip.setVisible(False)
        self.kind = QComboBox()
        self.kind.setAccessibleName(_("Kind"))
        self.kind.addItem(_("Any kind"), None)
        for kind in InteractionKind:
            self.kind.addItem(word(kind), kind.value)
        self.register = QComboBox()
        self.register.setAccessibleName(_("Register"))
        self.register.addItem(_("Any register"), None)
        for register in Register:
            self.register.addItem(word(register), register.value)
        for combo in (self.kind, self.register):
            # As narrow as a few words allow (the longest kind is cut, in full in the open
            # list): the filters fit a 1024-pixel screen in longer languages than English.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
        # Translators: an empty end of the journal's date range ("From: any day").
        self.since = OptionalDateEdit(_("any day"), _("From"))
        self.until = OptionalDateEdit(_("any day"), _("Until"))
        self.count_label = QLabel()
        self.count_label.setAccessibleName(_("Number of interactions"))
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(_("Journal of interactions, newest first"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        # On a small screen the register and the channel make way for what was said.
        give_room_to(self.table, SUMMARY_COLUMN, drop=(REGISTER_COLUMN, CHANNEL_COLUMN))
        self.message = error_label()

        first = QHBoxLayout()
        first.addWidget(self.text, 2)
        first.addWidget(self.actor, 1)
        first.addWidget(self.actor_chip)
        second = QHBoxLayout()
        for label, widget in (
            (N_("&Kind"), self.kind),
            (N_("&Register"), self.register),
            (N_("&From"), self.since),
            (N_("&Until"), self.until),
        ):
            text = QLabel(_(label))
            text.setBuddy(widget)
            second.addWidget(text)
            second.addWidget(widget)
        second.addStretch(1)
        second.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(first)
        layout.addLayout(second)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)

    def _connect(self) -> None:
        self.text.textChanged.connect(self._filters_changed)
        self.actor.picked.connect(self.set_actor)
        self.actor_chip.clicked.connect(lambda: self.set_actor(None, ""))
        self.kind.currentIndexChanged.connect(self._filters_changed)
        self.register.currentIndexChanged.connect(self._filters_changed)
        self.since.dateChanged.connect(self._filters_changed)
        self.until.dateChanged.connect(self._filters_changed)
        self.table.installEventFilter(self)
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.activated.connect(self.text.setFocus)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.table.activated.connect(self._open)  # a double-click or Enter, once
        self.model.reloaded.connect(self._show_count)
        self.model.failed.connect(lambda message: show_error(self.message, message))
        self.refresh = Refresh(self, self.context, self.model.reload, SHOWS)
        self.context.vault_opened.connect(self._opened)
        self.context.vault_locked.connect(self.clear)
        self.context.names_changed.connect(self._names_changed)

    def _opened(self) -> None:
        """A vault was opened: its journal loads now if on screen, else when first shown
        (reading and measuring a page of a large journal is no part of the unlock)."""
        self.clear()
        self.refresh.when_shown()

    def ensure_loaded(self) -> None:
        """Load what changed or was never loaded since the vault opened (before showing)."""
        self.refresh.catch_up()

    def _show_count(self, total: int) -> None:
        self.count_label.setText(
            ngettext("{n} interaction", "{n} interactions", total).format(n=i18n.number(total))
        )

    def _channel(self, info: InteractionInfo) -> str:
        """The channel's label (a phone number, an address) is a detail of whoever was
        reached by it: hidden while any participant's name is."""
        people = [(p.id, p.sensitivity) for p in info.participants]
        return self.context.shown_detail_among(people, self.context.shown_text(info.channel_label))

    def _who(self, info: InteractionInfo) -> str:
        shown = self.context.shown_name
        return pgettext("list separator", ", ").join(
            shown(p.id, p.display_name, p.codename, p.sensitivity) for p in info.participants
        )

    def _names_changed(self) -> None:
        """Redraw the names (and the actor filter's chip) by the privacy rule."""
        if not self.context.unlocked:
            return
        if self.actor_id is not None:
            try:
                actor = actors.get_actor(self.context.vault, self.actor_id, self.context.now())
            except ContactKeeperError:
                self.set_actor(None, "")
                return
            name = self.context.shown_name(
                actor.id, actor.display_name, actor.codename, actor.sensitivity
            )
            self.actor_chip.setText(_chip(name))
        if not self.refresh.stale:  # else redrawn, by the names shown then, when shown
            self.model.reload()

    def set_actor(self, actor_id: int | None, name: str) -> None:
        self.actor_id = actor_id
        self.actor_chip.setText(_chip(name) if actor_id is not None else "")
        self.actor_chip.setVisible(actor_id is not None)
        self._filters_changed()

    def _filters_changed(self) -> None:
        self.filters = JournalFilter(
            actor_id=self.actor_id,
            kind=self.kind.currentData(),
            register=self.register.currentData(),
            since=self.since.day(),
            until=self.until.day(),
            text=self.text.text(),
        )
        self.reload()

    def reload(self) -> None:
        if not self.context.unlocked:
            self.clear()
            return
        show_error(self.message, "")
        self.refresh.fresh()
        self.model.reload(keep_loaded=False)

    def clear(self) -> None:
        """Forget the rows and every filter: the next vault opens on its whole journal."""
        self.model.clear()
        self.count_label.clear()
        for widget in (self.text, self.kind, self.register, self.since, self.until):
            widget.blockSignals(True)
        self.text.clear()
        self.kind.setCurrentIndex(0)
        self.register.setCurrentIndex(0)
        self.since.clear_day()
        self.until.clear_day()
        for widget in (self.text, self.kind, self.register, self.since, self.until):
            widget.blockSignals(False)
        self.actor.clear()
        self.actor_id = None
        self.actor_chip.setText("")
        self.actor_chip.setVisible(False)
        self.filters = JournalFilter()
        show_error(self.message, "")

    def _fetch(self, offset: int, limit: int) -> list[InteractionInfo]:
        return interactions.journal(self.context.vault, self.filters, offset=offset, limit=limit)

    def _count(self) -> int:
        return interactions.count_journal(self.context.vault, self.filters)

    def _open(self, index: QModelIndex) -> None:
        """On the Who column, open the first participant; elsewhere, edit the contact."""
        if not index.isValid():
            return
        info = self.model.row_at(index.row())
        if index.column() == WHO_COLUMN and info.participants:
            self.context.open_actor.emit(info.participants[0].id)
        else:
            self.edit(info.id)

    def edit(self, interaction_id: int) -> None:
        self.dialog = LogDialog.edit(self.context, interaction_id, self)
        self.dialog.open()

    def selected_actor_ids(self) -> list[int]:
        """The participants of the selected contact (Ctrl+L logs a new one with them)."""
        index = self.table.currentIndex()
        if not index.isValid():
            return []
        return [p.id for p in self.model.row_at(index.row()).participants]

    def delete_selected(self) -> None:
        """Move the selected interaction to the trash (asks first; Ctrl+Z undoes)."""
        index = self.table.currentIndex()
        if not index.isValid():
            return
        info = self.model.row_at(index.row())
        # Translators: a contact named by its kind and date: "meeting, 2 Dec 2026, 14:05".
        label = _("{what}, {date}").format(what=word(info.kind), date=when(info.occurred_at))
        UndoController.for_context(self.context).discard("interaction", info.id, label, self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Delete
        ):
            self.delete_selected()
            return True
        return super().eventFilter(watched, event)


def _chip(name: str) -> str:
    """The actor filter's button: the actor's name and a cross that removes the filter (the
    name isolated, so that an Arabic name keeps the cross after it in a left-to-right line
    and a Latin one in a right-to-left line)."""
    return f"{isolate(name)} ✕"
