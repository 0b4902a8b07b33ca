"""One actor on one page: profile, warmth, channels, timeline, relationships, readiness
cues, follow-ups and notes.

The profile is edited in place (``ActorForm``) and the notes too; every change is saved at
once through the services. Names follow the context's privacy rule: a hidden name shows the
codename (with "Show name…" for a high-risk actor outside privacy mode), and in privacy mode
notes, summaries and other free text are hidden. Deleting asks first and can be undone
(Ctrl+Z). The page reloads when any record changes elsewhere and empties itself when the
vault locks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from contactkeeper.errors import ContactKeeperError, RecordNotFound
from contactkeeper.gui.context import HIDDEN, AppContext
from contactkeeper.gui.dialogs.log import LogDialog
from contactkeeper.gui.dialogs.records import (
    AffiliationDialog,
    ChannelDialog,
    FollowUpDialog,
    RecordDialog,
    RelationshipDialog,
)
from contactkeeper.gui.dialogs.reveal import RevealDialog
from contactkeeper.gui.models.lazy_table import Column as LazyColumn
from contactkeeper.gui.models.lazy_table import LazyTableModel
from contactkeeper.gui.models.record_table import Column, RecordTableModel
from contactkeeper.gui.presentation import (
    CONFIDENCE_WORDS,
    STRENGTH_WORDS,
    TRUST_WORDS,
    day,
    error_label,
    scale_text,
    show_error,
    today,
    when,
)
from contactkeeper.gui.undo import UndoController
from contactkeeper.gui.widgets.actor_form import ActorForm
from contactkeeper.gui.widgets.tables import give_room_to
from contactkeeper.gui.widgets.warmth_badge import WarmthBadge, describe
from contactkeeper.records import (
    actors,
    channels,
    followups,
    interactions,
    organizations,
    readiness,
    relationships,
)
from contactkeeper.records.actors import ActorDetail, AffiliationInfo
from contactkeeper.records.channels import ChannelInfo
from contactkeeper.records.followups import FollowUpInfo
from contactkeeper.records.interactions import InteractionInfo, JournalFilter
from contactkeeper.records.readiness import CueInfo
from contactkeeper.records.relationships import RelationshipInfo
from contactkeeper.vault.model import ActorStatus, Sensitivity


def _table(accessible: str) -> QTableView:
    table = QTableView()
    table.setAccessibleName(accessible)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


class ActorPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.actor_id: int | None = None
        self.detail: ActorDetail | None = None
        self.dialog: QDialog | None = None
        self._build()
        self._connect()
        self.clear()

    # -- layout -------------------------------------------------------------------------

    def _build(self) -> None:
        self.name_label = QLabel()
        font = QFont(self.name_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.name_label.setFont(font)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name_label.setAccessibleName("Actor name")
        self.codename_label = QLabel()
        self.codename_label.setAccessibleName("Codename")
        self.codename_label.setStyleSheet("QLabel { color: palette(mid); letter-spacing: 1px; }")
        self.reveal_button = QPushButton("Show &name…")
        self.reveal_button.setAccessibleName("Show the real name")
        self.reveal_button.setToolTip("High-risk: the real name shows after the passphrase")
        self.reveal_button.setAutoDefault(False)
        self.reveal_button.hide()
        self.badge = WarmthBadge()
        self.sensitivity_chip = QLabel()
        self.sensitivity_chip.setAccessibleName("Sensitivity")
        self.facts_label = QLabel()
        self.facts_label.setAccessibleName("Contact summary")
        self.facts_label.setWordWrap(True)
        self.message = error_label()

        self.log_button = QPushButton("&Log a contact…")
        self.log_button.setToolTip("Log a contact with this actor (Ctrl+L logs with anyone)")
        self.channel_button = QPushButton("Add &channel…")
        self.relationship_button = QPushButton("Add &relationship…")
        self.affiliation_button = QPushButton("Add a&ffiliation…")
        self.follow_up_button = QPushButton("Add follo&w-up…")
        self.delete_button = QPushButton("&Delete actor…")
        for button, name in (
            (self.log_button, "Log a contact with this actor"),
            (self.channel_button, "Add a channel to this actor"),
            (self.relationship_button, "Add a relationship"),
            (self.affiliation_button, "Add an affiliation"),
            (self.follow_up_button, "Add a follow-up"),
            (self.delete_button, "Delete this actor"),
        ):
            button.setAccessibleName(name)
            button.setAutoDefault(False)

        self.form = ActorForm(self.context)
        self.affiliations: RecordTableModel[AffiliationInfo] = RecordTableModel(
            [
                Column("Organization", lambda a: a.organization),
                Column("Role", lambda a: a.role),
                Column("Since", lambda a: day(a.started_on)),
                Column("Until", lambda a: day(a.ended_on) if a.ended_on else "now"),
            ],
            self,
        )
        self.affiliation_table = _table("Affiliations over time")
        self.affiliation_table.setModel(self.affiliations)

        self.channels: RecordTableModel[ChannelInfo] = RecordTableModel(
            [
                Column("Way", lambda c: c.chain(self.context.shown_name)),
                Column("Label", lambda c: self.context.shown_text(c.label)),
                Column("Trust", lambda c: scale_text(c.trust, TRUST_WORDS)),
                Column("Warmth", lambda c: describe(c.warmth)),
                Column("Sensitivity", lambda c: c.sensitivity.value),
            ],
            self,
        )
        self.channel_table = _table("Channels")
        self.channel_table.setModel(self.channels)

        self.timeline: LazyTableModel[InteractionInfo] = LazyTableModel(
            [
                LazyColumn("When", lambda i: when(i.occurred_at)),
                LazyColumn("Kind", lambda i: i.kind.value),
                LazyColumn("Register", lambda i: i.register.value),
                LazyColumn("With", self._others),
                LazyColumn("Channel", lambda i: self.context.shown_text(i.channel_label)),
                LazyColumn(
                    "Summary",
                    lambda i: self.context.shown_text(i.summary.replace("\n", " ")),
                    tooltip=lambda i: self.context.shown_text(i.summary),
                ),
            ],
            self._fetch_timeline,
            self._count_timeline,
            page_size=100,
            parent=self,
        )
        self.timeline_table = _table("Interaction timeline, newest first")
        self.timeline_table.setModel(self.timeline)

        self.relationships: RecordTableModel[RelationshipInfo] = RecordTableModel(
            [
                Column("With", self._other_name),
                Column("Tie", self._tie),
                Column("Strength", lambda r: scale_text(r.strength, STRENGTH_WORDS)),
                Column("Confidence", lambda r: scale_text(r.confidence, CONFIDENCE_WORDS)),
                Column("Source", lambda r: self.context.shown_text(r.source)),
            ],
            self,
        )
        self.relationship_table = _table("Relationships")
        self.relationship_table.setModel(self.relationships)

        self.cues: RecordTableModel[CueInfo] = RecordTableModel(
            [
                Column("Observed", lambda c: day(c.observed_on)),
                Column("Signal", lambda c: c.kind_label),
                Column("Direction", lambda c: c.direction.value),
                Column("Strength", lambda c: scale_text(c.strength, STRENGTH_WORDS)),
                Column("Process", lambda c: c.process_name),
                Column("Note", lambda c: self.context.shown_text(c.note)),
            ],
            self,
        )
        self.cue_table = _table("Readiness cues")
        self.cue_table.setModel(self.cues)

        self.follow_ups: RecordTableModel[FollowUpInfo] = RecordTableModel(
            [
                Column("Due", lambda f: day(f.due_on)),
                Column("Task", lambda f: self.context.shown_text(f.title)),
                Column("State", self._follow_up_state),
            ],
            self,
        )
        self.follow_up_table = _table("Follow-ups")
        self.follow_up_table.setModel(self.follow_ups)

        # The text of each table (what was said, a note, a source) gets the spare width.
        for table, text_column in (
            (self.timeline_table, 5),
            (self.relationship_table, 4),
            (self.cue_table, 5),
            (self.follow_up_table, 1),
        ):
            give_room_to(table, text_column)

        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName("Notes")
        self.notes.setPlaceholderText("Notes are saved as soon as you leave this field.")
        self.notes.setTabChangesFocus(True)

        profile_page = QWidget()
        profile_layout = QVBoxLayout(profile_page)
        profile_layout.addWidget(self.form)
        profile_layout.addWidget(QLabel("Affiliations over time"))
        profile_layout.addWidget(self.affiliation_table)
        # The profile is long: it scrolls on a small screen.
        profile = QScrollArea()
        profile.setWidget(profile_page)
        profile.setWidgetResizable(True)
        profile.setFrameShape(QFrame.Shape.NoFrame)
        profile.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Actor sections")
        self._tab_titles: dict[QWidget, str] = {
            self.timeline_table: "&Timeline",
            self.channel_table: "C&hannels",
            profile: "&Profile",
            self.relationship_table: "Relation&ships",
            self.cue_table: "Readiness c&ues",
            self.follow_up_table: "F&ollow-ups",
            self.notes: "&Notes",
        }
        for widget, title in self._tab_titles.items():
            self.tabs.addTab(widget, title)

        title = QHBoxLayout()
        title.addWidget(self.name_label)
        title.addWidget(self.reveal_button)
        title.addWidget(self.badge)
        title.addWidget(self.sensitivity_chip)
        title.addStretch(1)
        title.addWidget(self.codename_label)
        buttons = QHBoxLayout()
        for button in (
            self.log_button,
            self.channel_button,
            self.relationship_button,
            self.affiliation_button,
            self.follow_up_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addLayout(title)
        layout.addWidget(self.facts_label)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)

    def _connect(self) -> None:
        context = self.context
        context.data_changed.connect(self._data_changed)
        context.vault_locked.connect(self.clear)
        context.names_changed.connect(self._names_changed)
        self.reveal_button.clicked.connect(self.reveal_name)
        self.log_button.clicked.connect(self.log_contact)
        self.channel_button.clicked.connect(lambda: self._open(ChannelDialog))
        self.relationship_button.clicked.connect(lambda: self._open(RelationshipDialog))
        self.affiliation_button.clicked.connect(lambda: self._open(AffiliationDialog))
        self.follow_up_button.clicked.connect(lambda: self._open(FollowUpDialog))
        self.delete_button.clicked.connect(self.delete_actor)
        self.channel_table.activated.connect(self._edit_channel)
        self.channel_table.doubleClicked.connect(self._edit_channel)
        self.timeline_table.activated.connect(self._edit_interaction)
        self.timeline_table.doubleClicked.connect(self._edit_interaction)
        self.relationship_table.activated.connect(self._open_related)
        self.relationship_table.doubleClicked.connect(self._open_related)
        self.notes.installEventFilter(self)
        self._deletable: dict[QTableView, tuple[str, Callable[[Any], str]]] = {
            self.channel_table: ("channel", lambda c: c.chain(self.context.shown_name)),
            self.relationship_table: ("relationship", lambda r: self._tie(r)),
            self.cue_table: ("readiness cue", lambda c: f"{c.kind_label}, {day(c.observed_on)}"),
            self.follow_up_table: ("follow-up", lambda f: self.context.shown_text(f.title)),
            self.timeline_table: ("interaction", lambda i: f"{i.kind}, {when(i.occurred_at)}"),
        }
        for table in self._deletable:
            table.installEventFilter(self)
        self.affiliation_table.installEventFilter(self)

    # -- showing ------------------------------------------------------------------------

    def show_actor(self, actor_id: int) -> None:
        self._save_notes()
        self.actor_id = actor_id
        self.tabs.setCurrentIndex(0)
        self.reload()

    def reload(self) -> None:
        if self.actor_id is None or not self.context.unlocked:
            self.clear()
            return
        vault, now = self.context.vault, self.context.now()
        try:
            detail = actors.get_actor(vault, self.actor_id, now)
        except RecordNotFound:
            actor_id = self.actor_id
            self.clear()
            self.actor_id = actor_id
            show_error(
                self.message, "This actor is no longer in the vault (Ctrl+Z undoes a delete)."
            )
            return
        self.detail = detail
        self._set_enabled(True)
        show_error(self.message, "")
        hidden = self.context.names_hidden(detail.id, detail.sensitivity)
        self.name_label.setText(detail.codename if hidden else detail.display_name)
        self.codename_label.setText("codename" if hidden else detail.codename)
        self.reveal_button.setVisible(
            hidden and detail.sensitivity is Sensitivity.HIGH_RISK and not self.context.privacy
        )
        self.badge.show_reading(detail.warmth)
        self._show_sensitivity(detail)
        last = when(detail.last_contact_at) or "never"
        self.facts_label.setText(
            f"{detail.sensitivity.value.capitalize()} · {detail.status.value} · "
            f"contact every {detail.cadence_days} days · last contact {last}"
            + (f" · {detail.country}" if detail.country else "")
        )
        self.form.load(detail, names_hidden=hidden)
        self.affiliations.set_rows(detail.affiliations)
        self.channels.set_rows(channels.list_channels(vault, detail.id, now))
        self.timeline.reload(keep_loaded=False)
        self.relationships.set_rows(relationships.relationships_of(vault, detail.id))
        self.cues.set_rows(readiness.list_cues(vault, actor_id=detail.id))
        self.follow_ups.set_rows(
            followups.list_follow_ups(vault, include_done=True, actor_id=detail.id)
        )
        self._count_tabs()
        self._show_notes(detail)

    def _show_notes(self, detail: ActorDetail) -> None:
        """The notes, editable; in privacy mode hidden behind a placeholder, read-only."""
        private = self.context.privacy
        self.notes.setReadOnly(private)
        self.notes.setPlaceholderText(
            HIDDEN if private else "Notes are saved as soon as you leave this field."
        )
        if private:
            self.notes.clear()
            self.notes.document().setModified(False)
        elif not (self.notes.hasFocus() and self.notes.document().isModified()):
            self.notes.setPlainText(detail.notes)
            self.notes.document().setModified(False)

    def _show_sensitivity(self, detail: ActorDetail) -> None:
        """High-risk and sensitive actors say so next to their name; normal ones do not."""
        colours = {
            Sensitivity.HIGH_RISK: ("#ffffff", "#9b2c2c"),
            Sensitivity.SENSITIVE: ("#3d2e00", "#f2c94c"),
        }
        shown = [detail.sensitivity.value] if detail.sensitivity in colours else []
        if detail.status is ActorStatus.DO_NOT_CONTACT:
            shown.append("do not contact")
        if not shown:
            self.sensitivity_chip.hide()
            return
        fg, bg = colours.get(detail.sensitivity, ("#ffffff", "#9b2c2c"))
        self.sensitivity_chip.setText(" · ".join(shown))
        self.sensitivity_chip.setStyleSheet(
            f"QLabel {{ color: {fg}; background: {bg}; border-radius: 8px; padding: 1px 8px; }}"
        )
        self.sensitivity_chip.show()

    def _count_tabs(self) -> None:
        counts: dict[QWidget, int] = {
            self.timeline_table: self.timeline.total,
            self.channel_table: self.channels.rowCount(),
            self.relationship_table: self.relationships.rowCount(),
            self.cue_table: self.cues.rowCount(),
            self.follow_up_table: sum(not f.done for f in self.follow_ups.rows),
        }
        for widget, title in self._tab_titles.items():
            count = counts.get(widget)
            shown = f"{title} ({count})" if count else title
            self.tabs.setTabText(self.tabs.indexOf(widget), shown)

    def clear(self) -> None:
        """Forget the actor: no text of any record stays in any widget."""
        self.actor_id = None
        self.detail = None
        for label in (self.name_label, self.codename_label, self.facts_label):
            label.clear()
        self.reveal_button.hide()
        self.badge.show_reading(None)
        self.sensitivity_chip.clear()
        self.sensitivity_chip.hide()
        show_error(self.message, "")
        self.form.clear()
        for model in (
            self.affiliations,
            self.channels,
            self.timeline,
            self.relationships,
            self.cues,
            self.follow_ups,
        ):
            model.clear()
        self.notes.clear()
        self.notes.document().setModified(False)
        self._count_tabs()
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.reject()
        self.dialog = None
        self._set_enabled(False)

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (
            self.log_button,
            self.channel_button,
            self.relationship_button,
            self.affiliation_button,
            self.follow_up_button,
            self.delete_button,
            self.tabs,
        ):
            widget.setEnabled(enabled)

    def _data_changed(self, kind: str) -> None:
        if self.actor_id is not None and kind != "trash":
            self.reload()

    # -- services for the models --------------------------------------------------------

    def _fetch_timeline(self, offset: int, limit: int) -> list[InteractionInfo]:
        if self.actor_id is None:
            return []
        return interactions.journal(
            self.context.vault, JournalFilter(actor_id=self.actor_id), offset=offset, limit=limit
        )

    def _count_timeline(self) -> int:
        if self.actor_id is None:
            return 0
        return interactions.count_journal(self.context.vault, JournalFilter(actor_id=self.actor_id))

    def _others(self, info: InteractionInfo) -> str:
        """Who else took part, by the names they may be shown by."""
        shown = self.context.shown_name
        return ", ".join(
            shown(p.id, p.display_name, p.codename, p.sensitivity)
            for p in info.participants
            if p.id != self.actor_id
        )

    def _other_name(self, r: RelationshipInfo) -> str:
        shown = self.context.shown_name
        if r.from_actor_id == self.actor_id:
            return shown(r.to_actor_id, r.to_name, r.to_codename, r.to_sensitivity)
        return shown(r.from_actor_id, r.from_name, r.from_codename, r.from_sensitivity)

    def _tie(self, r: RelationshipInfo) -> str:
        if r.from_actor_id == self.actor_id:
            return f"{r.kind.value} {self._other_name(r)}"
        return f"{self._other_name(r)} {r.kind.value} this actor"

    def _follow_up_state(self, f: FollowUpInfo) -> str:
        if f.done:
            return "done"
        return "overdue" if f.overdue(today(self.context.now())) else "open"

    # -- actions ------------------------------------------------------------------------

    def _names_changed(self) -> None:
        """Privacy mode or a reveal changed which names may be shown: redraw."""
        self._save_notes()
        if self.actor_id is not None:
            self.reload()

    def reveal_name(self) -> None:
        """Ask for the passphrase, then show this high-risk actor's real name a short while."""
        if self.detail is None:
            return
        if isinstance(self.dialog, RevealDialog) and shiboken6.isValid(self.dialog):
            self.dialog.deleteLater()  # an earlier one, closed
        dialog = RevealDialog(self.context, self.detail.id, self.detail.codename, self)
        self.dialog = dialog
        dialog.open()

    def log_contact(self) -> None:
        if self.actor_id is not None:
            self.context.log_contact.emit([self.actor_id])

    def _open(self, dialog_type: type[RecordDialog]) -> None:
        if self.actor_id is None:
            return
        dialog = dialog_type(self.context, self.actor_id, self)  # type: ignore[call-arg]
        dialog.saved.connect(lambda _: self._after_dialog(dialog_type))
        self.dialog = dialog
        dialog.open()

    def _after_dialog(self, dialog_type: type[RecordDialog]) -> None:
        kind = {
            ChannelDialog: "channel",
            RelationshipDialog: "relationship",
            AffiliationDialog: "actor",
            FollowUpDialog: "follow_up",
        }.get(dialog_type, "actor")
        self.dialog = None
        self.context.changed(kind)

    def delete_actor(self) -> None:
        if self.detail is not None:
            detail = self.detail
            name = self.context.shown_name(
                detail.id, detail.display_name, detail.codename, detail.sensitivity
            )
            UndoController.for_context(self.context).discard("actor", detail.id, name, self)

    def _edit_channel(self, index: QModelIndex) -> None:
        channel = self.channels.row(index)
        if channel is not None:
            dialog = ChannelDialog.edit(self.context, channel, self)
            dialog.saved.connect(lambda _: self._after_dialog(ChannelDialog))
            self.dialog = dialog
            dialog.open()

    def _edit_interaction(self, index: QModelIndex) -> None:
        if index.isValid():
            info = self.timeline.row_at(index.row())
            self.dialog = LogDialog.edit(self.context, info.id, self)
            self.dialog.open()

    def _open_related(self, index: QModelIndex) -> None:
        tie = self.relationships.row(index)
        if tie is not None:
            other = tie.to_actor_id if tie.from_actor_id == self.actor_id else tie.from_actor_id
            self.context.open_actor.emit(other)

    def _save_notes(self) -> None:
        if (
            self.detail is None
            or not self.context.unlocked
            or not self.notes.document().isModified()
        ):
            return
        try:
            self.detail = actors.update_actor(
                self.context.vault,
                self.detail.id,
                self.context.now(),
                notes=self.notes.toPlainText(),
            )
        except ContactKeeperError as exc:
            show_error(self.message, exc.message)
            return
        self.notes.document().setModified(False)
        self.context.changed("actor")

    def _delete_selected(self, table: QTableView) -> None:
        kind, label = self._deletable[table]
        model = table.model()
        index = table.currentIndex()
        if not index.isValid():
            return
        row = (
            self.timeline.row_at(index.row())
            if model is self.timeline
            else self._small_row(model, index)
        )
        if row is not None:
            UndoController.for_context(self.context).discard(kind, row.id, label(row), self)

    def _remove_affiliation(self) -> None:
        affiliation = self.affiliations.row(self.affiliation_table.currentIndex())
        if affiliation is None:
            return
        question = (
            f"Remove the affiliation with {affiliation.organization}? Affiliations do not go "
            "to the trash: this cannot be undone. (To keep the history, add it again with an "
            "end date.)"
        )
        undo = UndoController.for_context(self.context)
        if not undo.confirm(self, "Remove affiliation", question):
            return
        organizations.delete_affiliation(self.context.vault, affiliation.id)
        self.context.changed("actor")

    @staticmethod
    def _small_row(model: Any, index: QModelIndex) -> Any:
        return model.row(index) if isinstance(model, RecordTableModel) else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.notes and event.type() == QEvent.Type.FocusOut:
            self._save_notes()
        elif (
            watched is self.affiliation_table
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Delete
        ):
            self._remove_affiliation()
            return True
        elif (
            isinstance(watched, QTableView)
            and watched in self._deletable
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Delete
        ):
            self._delete_selected(watched)
            return True
        return super().eventFilter(watched, event)

    def hideEvent(self, event: Any) -> None:
        self._save_notes()
        super().hideEvent(event)
