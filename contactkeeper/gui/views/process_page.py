"""One process on one page: name, description, track and phase (all changed in place and
saved at once), participants grouped by role, the cue log, and the readiness timeline as a
chart."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contactkeeper.errors import ContactKeeperError, RecordNotFound
from contactkeeper.gui.context import HIDDEN, AppContext
from contactkeeper.gui.dialogs.records import CueDialog, ParticipantDialog
from contactkeeper.gui.models.record_table import Column, RecordTableModel
from contactkeeper.gui.presentation import day, error_label, show_error, today
from contactkeeper.gui.refresh import Refresh
from contactkeeper.gui.undo import UndoController
from contactkeeper.gui.views.process_track_two import ProcessTrackTwo
from contactkeeper.gui.widgets.readiness_chart import ReadinessChart
from contactkeeper.records import processes, readiness
from contactkeeper.records.processes import ProcessInfo
from contactkeeper.records.readiness import CueInfo
from contactkeeper.vault.changes import Changes, Kind
from contactkeeper.vault.model import ProcessPhase, Track

ACTOR_ROLE = Qt.ItemDataRole.UserRole + 1
# Besides the process itself: its participants (by name), its cues (by kind) and the
# readiness drawn from them.
SHOWS = frozenset({Kind.PARTICIPANT, Kind.ACTOR, Kind.READINESS_CUE, Kind.CUE_KIND})
DESCRIBE = "Add a description…"


class ProcessPage(QWidget):
    # The process shown (its id) is no longer in the vault.
    gone = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.process_id: int | None = None
        self.info: ProcessInfo | None = None
        self.dialog: QDialog | None = None
        self._build()
        self._connect()
        self.clear()

    def _build(self) -> None:
        self.name_label = QLineEdit()
        font = QFont(self.name_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.name_label.setFont(font)
        self.name_label.setFrame(False)
        self.name_label.setAccessibleName("Process name (edit to rename)")
        self.name_label.setToolTip("Click to rename; saved when you leave the field")
        self.description_label = QLineEdit()
        self.description_label.setFrame(False)
        self.description_label.setAccessibleName("Description")
        self.description_label.setPlaceholderText(DESCRIBE)
        for edit in (self.name_label, self.description_label):
            edit.setStyleSheet("QLineEdit { background: transparent; }")
        self.track = QComboBox()
        self.track.setAccessibleName("Track")
        for track in Track:
            self.track.addItem(track.value, track.value)
        self.phase = QComboBox()
        self.phase.setAccessibleName("Phase")
        for phase in ProcessPhase:
            self.phase.addItem(phase.value, phase.value)
        self.add_participant_button = QPushButton("Add &participant…")
        self.add_participant_button.setAccessibleName("Add a participant")
        self.add_cue_button = QPushButton("Add &cue…")
        self.add_cue_button.setAccessibleName("Add a readiness cue")
        self.add_cue_button.setToolTip("A signal seen outside any contact (news, a third party)")
        self.delete_button = QPushButton("&Delete process…")
        self.delete_button.setAccessibleName("Delete this process")
        self.message = error_label()

        self.participants = QTreeWidget()
        self.participants.setAccessibleName("Participants by role")
        self.participants.setHeaderLabels(["Participant", "Codename", "Note"])
        self.participants.setRootIsDecorated(True)
        self.participants.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

        self.chart = ReadinessChart()
        self.cues: RecordTableModel[CueInfo] = RecordTableModel(
            [
                Column("Observed", lambda c: day(c.observed_on)),
                Column("Signal", lambda c: c.kind_label),
                Column("Direction", lambda c: c.direction.value),
                Column("Strength", lambda c: f"{c.strength}/5"),
                Column("Reliability", lambda c: f"{c.source_reliability}/5"),
                Column(
                    "Actor",
                    lambda c: self.context.shown_name(
                        c.actor_id or 0, c.actor_name, c.actor_codename, c.actor_sensitivity
                    ),
                ),
                Column("Note", lambda c: self.context.shown_text(c.note)),
            ],
            self,
        )
        self.cue_table = QTableView()
        self.cue_table.setModel(self.cues)
        self.cue_table.setAccessibleName("Cue log, newest first")
        self.cue_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.cue_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.cue_table.verticalHeader().hide()
        self.cue_table.setWordWrap(False)
        self.cue_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.cue_table.horizontalHeader().setStretchLastSection(True)

        head = QHBoxLayout()
        head.addWidget(self.name_label, 1)
        head.addWidget(self.delete_button)
        facts = QHBoxLayout()
        for label, widget in (("&Track", self.track), ("P&hase", self.phase)):
            text = QLabel(label)
            text.setBuddy(widget)
            facts.addWidget(text)
            facts.addWidget(widget)
        facts.addStretch(1)
        facts.addWidget(self.add_participant_button)
        facts.addWidget(self.add_cue_button)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel("Participants by role"))
        left_layout.addWidget(self.participants)
        self.track_two = ProcessTrackTwo(self.context)
        left_layout.addWidget(self.track_two, 1)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.chart)
        cue_box = QWidget()
        cue_layout = QVBoxLayout(cue_box)
        cue_layout.setContentsMargins(0, 0, 0, 0)
        cue_layout.addWidget(QLabel("Cue log"))
        cue_layout.addWidget(self.cue_table)
        right.addWidget(cue_box)
        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(left)
        body.addWidget(right)
        body.setStretchFactor(1, 2)
        body.setSizes([320, 680])

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.description_label)
        layout.addLayout(facts)
        layout.addWidget(self.message)
        layout.addWidget(body, 1)

    def _connect(self) -> None:
        self.refresh = Refresh(self, self.context, self.reload, self._shows)
        self.context.vault_locked.connect(self.clear)
        self.context.names_changed.connect(self._names_changed)
        self.name_label.editingFinished.connect(self._save)
        self.description_label.editingFinished.connect(self._save)
        self.track.activated.connect(lambda _: self._save())
        self.phase.activated.connect(lambda _: self._save())
        # A double-click or Enter (not both: each would open the actor once more).
        self.participants.itemActivated.connect(self._open_actor)
        self.add_participant_button.clicked.connect(self.add_participant)
        self.add_cue_button.clicked.connect(self.add_cue)
        self.delete_button.clicked.connect(self.delete_process)

    def show_process(self, process_id: int) -> None:
        self.process_id = process_id
        self.reload()

    def reload(self) -> None:
        if self.process_id is None or not self.context.unlocked:
            self.clear()
            return
        self.refresh.fresh()
        vault = self.context.vault
        try:
            info = processes.get_process(vault, self.process_id)
        except RecordNotFound:
            process_id = self.process_id
            self.clear()
            self.process_id = process_id
            show_error(self.message, "This process is no longer in the vault.")
            self.gone.emit(process_id)
            return
        self.info = info
        self._set_enabled(True)
        if self.track_two.process_id != info.id:
            self.track_two.show_process(info.id)
        show_error(self.message, "")
        self.name_label.setText(info.name)
        private = self.context.privacy
        self.description_label.setText("" if private else info.description)
        self.description_label.setReadOnly(private)
        self.description_label.setPlaceholderText(HIDDEN if private else DESCRIBE)
        for edit in (self.name_label, self.description_label):
            edit.setCursorPosition(0)
        self.track.setCurrentIndex(self.track.findData(info.track.value))
        self.phase.setCurrentIndex(self.phase.findData(info.phase.value))
        self.participants.clear()
        for role, people in info.by_role().items():
            group = QTreeWidgetItem([f"{role.value.capitalize()} ({len(people)})"])
            bold = QFont(group.font(0))
            bold.setBold(True)
            group.setFont(0, bold)
            group.setFlags(group.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            for person in people:
                name = self.context.shown_name(
                    person.actor_id, person.display_name, person.codename, person.sensitivity
                )
                shown = [name, "" if name == person.codename else person.codename]
                note = self.context.shown_detail(
                    person.actor_id, person.sensitivity, self.context.shown_text(person.note)
                )
                child = QTreeWidgetItem([*shown, note])
                child.setData(0, ACTOR_ROLE, person.actor_id)
                group.addChild(child)
            self.participants.addTopLevelItem(group)
            group.setExpanded(True)
        self.cues.set_rows(readiness.list_cues(vault, process_id=info.id, limit=500))
        self.chart.show_points(
            readiness.timeline(vault, info.id, today(self.context.now())) if self.cues.rows else []
        )

    def clear(self) -> None:
        self.process_id = None
        self.info = None
        self.name_label.clear()
        self.description_label.clear()
        self.participants.clear()
        self.cues.clear()
        self.chart.clear()
        self.track_two.show_process(None)
        show_error(self.message, "")
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.reject()
        self.dialog = None
        self._set_enabled(False)

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (
            self.track,
            self.phase,
            self.add_participant_button,
            self.add_cue_button,
            self.delete_button,
        ):
            widget.setEnabled(enabled)

    def _save(self) -> None:
        if self.info is None or not self.context.unlocked:
            return
        info = self.info
        name, description = self.name_label.text(), self.description_label.text()
        if self.context.privacy or not self.description_label.isModified():
            # Hidden, not emptied; or not changed here, kept exactly (a line edit holds
            # 32,767 characters at most).
            description = info.description
        track, phase = Track(self.track.currentData()), ProcessPhase(self.phase.currentData())
        if (name, description, track, phase) == (
            info.name,
            info.description,
            info.track,
            info.phase,
        ):
            return
        try:
            with self.context.writing(self):
                processes.update_process(
                    self.context.vault, info.id, name, track, phase, description
                )
        except ContactKeeperError as exc:
            show_error(self.message, exc.message)
            return
        self.reload()

    def add_participant(self) -> None:
        if self.process_id is None:
            return
        dialog = ParticipantDialog(self.context, self.process_id, self)
        self.dialog = dialog
        dialog.open()

    def add_cue(self) -> None:
        if self.process_id is None:
            return
        dialog = CueDialog(self.context, self.process_id, self)
        self.dialog = dialog
        dialog.open()

    def delete_process(self) -> None:
        if self.info is not None:
            UndoController.for_context(self.context).discard(
                Kind.PROCESS, self.info.id, self.info.name, self
            )

    def selected_actor_ids(self) -> list[int]:
        """The selected participant (Ctrl+L logs a contact with them)."""
        item = self.participants.currentItem()
        actor_id = item.data(0, ACTOR_ROLE) if item is not None else None
        return [int(actor_id)] if actor_id is not None else []

    def _open_actor(self, item: QTreeWidgetItem) -> None:
        actor_id = item.data(0, ACTOR_ROLE)
        if actor_id is not None:
            self.context.open_actor.emit(int(actor_id))

    def _names_changed(self) -> None:
        if self.process_id is not None:
            self.reload()

    def _shows(self, changes: Changes) -> bool:
        """This process, its participants (by name), its cues and their readiness."""
        if self.process_id is None:
            return False
        return changes.touches(Kind.PROCESS, self.process_id) or changes.any_of(SHOWS)
