"""One process on one page: name, description, track and phase (all changed in place and
saved at once), participants grouped by role with their party, the parties (sides) of the
conflict, whom you depend on to reach them (brokers: "only Fr. Pavel reaches 4 of the 9
participants"), the cue log (double-click to correct, Delete to remove, both undoable),
readiness per party as a chart, and a "why" panel saying where today's figures come from,
with the practitioner's opportunity flag."""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial

import shiboken6
from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contactkeeper import i18n
from contactkeeper.errors import ContactKeeperError, RecordNotFound
from contactkeeper.gui.context import HIDDEN, AppContext
from contactkeeper.gui.dialogs.records import CueDialog, ParticipantDialog, edit_cue
from contactkeeper.gui.enum_words import capitalized, word
from contactkeeper.gui.models.record_table import Column, RecordTableModel
from contactkeeper.gui.operations import Operation, run_in_background
from contactkeeper.gui.presentation import (
    STRENGTH_WORDS,
    day,
    error_label,
    scale_text,
    show_error,
    today,
)
from contactkeeper.gui.refresh import Refresh
from contactkeeper.gui.undo import UndoController
from contactkeeper.gui.views.network_map import MapView
from contactkeeper.gui.views.process_track_two import ProcessTrackTwo
from contactkeeper.gui.widgets.readiness_chart import ReadinessChart
from contactkeeper.gui.widgets.tables import give_room_to
from contactkeeper.i18n import N_, _, isolate, ngettext
from contactkeeper.records import network, opportunities, processes, readiness
from contactkeeper.records.network import Broker
from contactkeeper.records.processes import ProcessInfo
from contactkeeper.records.readiness import CueInfo
from contactkeeper.vault.changes import Changes, Kind
from contactkeeper.vault.model import ProcessPhase, Track

ACTOR_ROLE = Qt.ItemDataRole.UserRole + 1
# Besides the process itself: its participants (by name), its cues (by kind) and the
# readiness drawn from them.
# Brokers follow your ways in: relationships, channels and which kinds count (a setting).
SHOWS = frozenset(
    {
        Kind.PARTICIPANT,
        Kind.ACTOR,
        Kind.READINESS_CUE,
        Kind.CUE_KIND,
        Kind.RELATIONSHIP,
        Kind.CHANNEL,
        Kind.SETTING,
    }
)
NO_BROKER = N_("No single person stands between you and any participant.")


def broker_line(broker: Broker, participants: int) -> str:
    """``Only Fr. Pavel reaches 4 of the 9 participants``"""
    return ngettext(
        "Only {name} reaches {count} of the {total} participant",
        "Only {name} reaches {count} of the {total} participants",
        participants,
    ).format(
        name=isolate(broker.name),
        count=i18n.number(len(broker.cut_off)),
        total=i18n.number(participants),
    )


def broker_tooltip(broker: Broker) -> str:
    share = broker.betweenness or 0.0
    # Translators: {names} lists the participants reached only through this broker.
    first = _("Reached only through them: {names}").format(
        names=_(", ").join(isolate(name) for name in broker.cut_off_names)
    )
    # Translators: {share} is a percentage ("40 %" as the language writes it).
    second = _("{share} of your shortest ways to the participants pass through them").format(
        share=_percent(share)
    )
    return f"{first}\n{second}"


def _percent(share: float) -> str:
    """A share as the locale writes a percentage: "40%", "40 %", "٤٠٪"."""
    from babel.numbers import format_percent

    return format_percent(share, locale=i18n.formats_locale())


DESCRIBE = N_("Add a description…")
NOTE_COLUMN = 7


class ProcessPage(QWidget):
    # The process shown (its id) is no longer in the vault.
    gone = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.process_id: int | None = None
        self.info: ProcessInfo | None = None
        self.readiness: readiness.ProcessReadiness | None = None
        self.dialog: QDialog | None = None
        self._build()
        self._connect()
        self.clear()

    def _build(self) -> None:
        self._build_header()
        self._build_participants()
        self._build_brokers()
        self._build_parties()
        self._build_cue_log()
        self._lay_out(self._build_body())

    def _build_header(self) -> None:
        """The name and description (edited in place), track, phase and the buttons."""
        self.name_label = QLineEdit()
        self.name_label.setObjectName("pageTitle")  # its font: ui/style.qss
        self.name_label.setFrame(False)
        self.name_label.setAccessibleName(_("Process name (edit to rename)"))
        self.name_label.setToolTip(_("Click to rename; saved when you leave the field"))
        self.description_label = QLineEdit()
        self.description_label.setFrame(False)
        self.description_label.setAccessibleName(_("Description"))
        self.description_label.setObjectName("pageDescription")
        self.description_label.setPlaceholderText(_(DESCRIBE))
        self.track = QComboBox()
        self.track.setAccessibleName(_("Track"))
        for track in Track:
            self.track.addItem(word(track), track.value)
        self.phase = QComboBox()
        self.phase.setAccessibleName(_("Phase"))
        for phase in ProcessPhase:
            self.phase.addItem(word(phase), phase.value)
        self.add_participant_button = QPushButton(_("Add &participant…"))
        self.add_participant_button.setAccessibleName(_("Add a participant"))
        self.add_cue_button = QPushButton(_("Add &cue…"))
        self.add_cue_button.setAccessibleName(_("Add a readiness cue"))
        self.add_cue_button.setToolTip(_("A signal seen outside any contact (news, a third party)"))
        self.delete_button = QPushButton(_("&Delete process…"))
        self.delete_button.setAccessibleName(_("Delete this process"))
        self.message = error_label()

    def _build_participants(self) -> None:
        self.participants = QTreeWidget()
        self.participants.setAccessibleName(_("Participants by role"))
        self.participants.setHeaderLabels([_("Participant"), _("Codename"), _("Party"), _("Note")])
        self.participants.setRootIsDecorated(True)
        self.participants.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def _build_brokers(self) -> None:
        """Whom you depend on to reach the participants (brokers), under them."""
        self.brokers = QListWidget()
        self.brokers_operation: Operation | None = None
        self._brokers_pending = False
        self.brokers.setAccessibleName(_("Whom you depend on to reach the participants"))
        self.brokers.setWordWrap(True)
        self.brokers_caption = QLabel(_("Whom you depend on"))

    def _build_parties(self) -> None:
        """The parties (sides), the why panel, the flag, and the cue buttons."""
        self.sides = QComboBox()
        self.sides.setAccessibleName(_("Parties to the conflict"))
        self.add_side_button = QPushButton(_("Add party…"))
        self.add_side_button.setAccessibleName(_("Add a party to the conflict"))
        self.rename_side_button = QPushButton(_("Rename…"))
        self.rename_side_button.setAccessibleName(_("Rename the chosen party"))
        self.remove_side_button = QPushButton(_("Remove"))
        self.remove_side_button.setAccessibleName(_("Remove the chosen party"))
        self.put_on_side_button = QPushButton(_("Put participant on party"))
        self.put_on_side_button.setAccessibleName(_("Put the selected participant on the party"))
        self.put_on_side_button.setToolTip(
            _("Select a participant, choose a party, then press: readiness is judged per party")
        )
        self.why = QLabel()
        self.why.setAccessibleName(_("Why: where today's readiness comes from"))
        self.why.setWordWrap(True)
        self.why.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.flag_button = QPushButton(_("&Flag the moment…"))
        self.flag_button.setAccessibleName(_("Flag an opportunity for this process"))
        self.flag_button.setToolTip(
            _(
                "You judge that the moment has come: dated, with a note and an expiry. "
                "The program never sets it."
            )
        )
        self.unflag_button = QPushButton(_("Clear the flag"))
        self.unflag_button.setAccessibleName(_("Clear the opportunity flag"))
        self.edit_cue_button = QPushButton(_("&Edit cue…"))
        self.edit_cue_button.setAccessibleName(_("Correct the selected cue"))
        self.delete_cue_button = QPushButton(_("Delete cue"))
        self.delete_cue_button.setAccessibleName(_("Delete the selected cue"))

    def _build_cue_log(self) -> None:
        """The readiness chart and the cue log under it, newest first."""
        self.chart = ReadinessChart()
        self.cues: RecordTableModel[CueInfo] = RecordTableModel(
            [
                Column(_("Observed"), lambda c: day(c.observed_on)),
                Column(_("Signal"), lambda c: c.kind_name),
                Column(_("Direction"), lambda c: word(c.direction)),
                Column(_("Strength"), lambda c: scale_text(c.strength, STRENGTH_WORDS)),
                Column(_("Grade"), lambda c: c.grade, tooltip=lambda c: c.why()),
                Column(_("Party"), lambda c: c.side_name or _("(every party)")),
                Column(
                    _("Actor"),
                    lambda c: self.context.shown_name(
                        c.actor_id or 0, c.actor_name, c.actor_codename, c.actor_sensitivity
                    ),
                ),
                Column(
                    _("Note"),
                    lambda c: self.context.shown_text(c.note),
                    tooltip=lambda c: self.context.shown_text(c.note),
                ),
            ],
            self,
        )
        self.cue_table = QTableView()
        self.cue_table.setModel(self.cues)
        self.cue_table.setAccessibleName(_("Cue log, newest first"))
        self.cue_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.cue_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.cue_table.verticalHeader().hide()
        self.cue_table.setWordWrap(False)
        # On a small screen the grade, the party, the direction and the strength make way.
        give_room_to(self.cue_table, NOTE_COLUMN, drop=(4, 5, 2, 3))

    def _build_body(self) -> QSplitter:
        """Participants on the left; the chart over the cue log on the right."""
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(_("Participants by role")))
        left_layout.addWidget(self.participants, 2)
        side_row = QHBoxLayout()
        side_label = QLabel(_("Pa&rties"))
        side_label.setBuddy(self.sides)
        side_row.addWidget(side_label)
        side_row.addWidget(self.sides, 1)
        left_layout.addLayout(side_row)
        side_buttons = QHBoxLayout()
        for button in (self.add_side_button, self.rename_side_button, self.remove_side_button):
            side_buttons.addWidget(button)
        left_layout.addLayout(side_buttons)
        left_layout.addWidget(self.put_on_side_button)
        left_layout.addWidget(self.brokers_caption)
        left_layout.addWidget(self.brokers, 1)
        left_layout.addWidget(QLabel(_("Why")))
        left_layout.addWidget(self.why, 1)
        flag_row = QHBoxLayout()
        flag_row.addWidget(self.flag_button)
        flag_row.addWidget(self.unflag_button)
        left_layout.addLayout(flag_row)
        # Theory of change, reviews, the timeline of events and transfers: a tab of its own.
        self.track_two = ProcessTrackTwo(self.context)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.chart)
        cue_box = QWidget()
        cue_layout = QVBoxLayout(cue_box)
        cue_layout.setContentsMargins(0, 0, 0, 0)
        cue_head = QHBoxLayout()
        cue_head.addWidget(QLabel(_("Cue log")), 1)
        cue_head.addWidget(self.edit_cue_button)
        cue_head.addWidget(self.delete_cue_button)
        cue_layout.addLayout(cue_head)
        cue_layout.addWidget(self.cue_table)
        right.addWidget(cue_box)
        self.map = MapView(self.context, fixed_process=True)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_("Process sections"))
        self.tabs.addTab(right, _("&Readiness"))
        self.tabs.addTab(self.map, _("&Map"))
        self.tabs.addTab(self.track_two, _("Track two"))
        self.tabs.currentChanged.connect(lambda _i: self._map_shown())
        # The left column holds much: it scrolls on a small screen.
        scroll = QScrollArea()
        scroll.setWidget(left)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(scroll)
        body.addWidget(self.tabs)
        body.setStretchFactor(1, 2)
        body.setSizes([320, 680])
        return body

    def _lay_out(self, body: QSplitter) -> None:
        head = QHBoxLayout()
        head.addWidget(self.name_label, 1)
        head.addWidget(self.delete_button)
        facts = QHBoxLayout()
        for label, widget in ((_("&Track"), self.track), (_("P&hase"), self.phase)):
            text = QLabel(label)
            text.setBuddy(widget)
            facts.addWidget(text)
            facts.addWidget(widget)
        facts.addStretch(1)
        facts.addWidget(self.add_participant_button)
        facts.addWidget(self.add_cue_button)

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
        self.brokers.itemActivated.connect(self._open_broker)
        self.add_participant_button.clicked.connect(self.add_participant)
        self.add_cue_button.clicked.connect(self.add_cue)
        self.delete_button.clicked.connect(self.delete_process)
        self.add_side_button.clicked.connect(self.add_side)
        self.rename_side_button.clicked.connect(self.rename_side)
        self.remove_side_button.clicked.connect(self.remove_side)
        self.put_on_side_button.clicked.connect(self.put_on_side)
        self.flag_button.clicked.connect(self.flag_moment)
        self.unflag_button.clicked.connect(self.clear_flag)
        self.edit_cue_button.clicked.connect(lambda: self.edit_cue(self.cue_table.currentIndex()))
        self.delete_cue_button.clicked.connect(self.delete_cue)
        self.cue_table.activated.connect(self.edit_cue)

    def show_process(self, process_id: int) -> None:
        self.process_id = process_id
        self.map.process_id = process_id
        self.map.data = None  # laid out when its tab is shown
        self.reload()
        self._map_shown()

    def _map_shown(self) -> None:
        if (
            self.tabs.currentWidget() is self.map
            and self.process_id is not None
            and (self.map.data is None or self.map.process_id != self.process_id)
        ):
            self.map.show_process(self.process_id)

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
            show_error(self.message, _("This process is no longer in the vault."))
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
        self.description_label.setPlaceholderText(_(HIDDEN) if private else _(DESCRIBE))
        for edit in (self.name_label, self.description_label):
            edit.setCursorPosition(0)
        self.track.setCurrentIndex(self.track.findData(info.track.value))
        self.phase.setCurrentIndex(self.phase.findData(info.phase.value))
        self.participants.clear()
        for role, people in info.by_role().items():
            # Translators: a role in the process and how many participants hold it.
            group = QTreeWidgetItem(
                [
                    _("{role} ({count})").format(
                        role=capitalized(word(role)), count=i18n.number(len(people))
                    )
                ]
            )
            bold = QFont(group.font(0))
            bold.setBold(True)
            group.setFont(0, bold)
            group.setFlags(group.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            for person in people:
                name = self.context.shown_name(
                    person.actor_id, person.display_name, person.codename, person.sensitivity
                )
                shown = [
                    name,
                    "" if name == person.codename else person.codename,
                    info.side_name(person.side_id),
                ]
                note = self.context.shown_detail(
                    person.actor_id, person.sensitivity, self.context.shown_text(person.note)
                )
                child = QTreeWidgetItem([*shown, note])
                child.setData(0, ACTOR_ROLE, person.actor_id)
                group.addChild(child)
            self.participants.addTopLevelItem(group)
            group.setExpanded(True)
        self._show_brokers(info.id)
        self.sides.clear()
        for side in info.sides:
            self.sides.addItem(side.name, side.id)
        self.cues.set_rows(readiness.list_cues(vault, process_id=info.id, limit=500))
        on = today(self.context.now())
        ready = readiness.process_readiness(vault, info.id)
        self.readiness = ready
        self.chart.show_readiness(
            ready.series(on) if ready.cues else [], list(ready.cues), ready.settings.half_life_days
        )
        self.why.setText(self.explain(ready, opportunities.opportunity(vault, info.id), on))

    @staticmethod
    def explain(
        ready: readiness.ProcessReadiness, flag: opportunities.Opportunity, on: date
    ) -> str:
        """Today's figures and where they come from."""
        if not ready.cues:
            return _("No cues yet: readiness is 0 for every party.")
        lines = [ready.reading(on).why(), "", ready.explain_move(on)]
        suggestion = ready.suggest(on)
        chosen = ready.settings
        if suggestion is not None:
            lines += [
                "",
                _("Ripening (a suggestion): {why}.").format(why=suggestion.why(chosen)),
            ]
        else:
            lines += [
                "",
                ngettext(
                    "Not suggested as ripening: that needs every party at {threshold} or a "
                    "rise of {rise} in {days} day.",
                    "Not suggested as ripening: that needs every party at {threshold} or a "
                    "rise of {rise} in {days} days.",
                    chosen.window_days,
                ).format(
                    threshold=i18n.number(chosen.threshold),
                    rise=i18n.number(chosen.sharp_move),
                    days=i18n.number(chosen.window_days),
                ),
            ]
        if flag.open_on(on):
            if flag.until:
                flagged = _("You flagged the moment on {date} until {until}.").format(
                    date=day(flag.flagged_on), until=day(flag.until)
                )
            else:
                flagged = _("You flagged the moment on {date}.").format(date=day(flag.flagged_on))
            lines += ["", f"{flagged} {flag.note}" if flag.note else flagged]
        return "\n".join(lines)

    def _show_brokers(self, process_id: int) -> None:
        """Whom you depend on: at once while the web of ties is kept, else worked out in
        the background (a tie changed: the web of a large vault takes a second)."""
        vault, now, rule = self.context.vault, self.context.now(), self.context.shown_name
        ask = partial(network.process_brokers, vault, process_id, now, name=rule)
        if network.is_kept(vault, now):
            self._brokers_found(process_id, ask())
            return
        if self.brokers_operation is not None:
            self._brokers_pending = True
            return
        self.brokers_caption.setText(_("Whom you depend on (working it out…)"))
        self.brokers_operation = run_in_background(
            self,
            ask,
            lambda found: self._brokers_answered(process_id, found),
            self._brokers_failed,
        )

    @property
    def brokers_busy(self) -> bool:
        return self.brokers_operation is not None

    def _brokers_answered(self, process_id: int, found: tuple[int, list[Broker]]) -> None:
        self.brokers_operation = None
        if self._brokers_pending or process_id != self.process_id:
            self._brokers_pending = False
            if self.process_id is not None and self.context.unlocked:
                self._show_brokers(self.process_id)
            return
        if self.context.unlocked:
            self._brokers_found(process_id, found)

    def _brokers_failed(self, exc: Exception) -> None:
        self.brokers_operation = None
        self._brokers_pending = False
        self.brokers_caption.setText(
            _("Whom you depend on: {reason}").format(
                reason=getattr(exc, "message", None) or _("could not be worked out.")
            )
        )

    def _brokers_found(self, process_id: int, answer: tuple[int, list[Broker]]) -> None:
        total, found = answer
        self.brokers.clear()
        for broker in found:
            item = QListWidgetItem(broker_line(broker, total))
            item.setToolTip(broker_tooltip(broker))
            item.setData(ACTOR_ROLE, broker.actor_id)
            self.brokers.addItem(item)
        self.brokers_caption.setText(
            _("Whom you depend on ({count})").format(count=i18n.number(len(found)))
            if found
            else _("Whom you depend on: {reason}").format(reason=_(NO_BROKER))
        )
        self.brokers.setVisible(bool(found))

    def _open_broker(self, item: QListWidgetItem) -> None:
        actor_id = item.data(ACTOR_ROLE)
        if actor_id is not None:
            self.context.open_actor.emit(int(actor_id))

    def clear(self) -> None:
        self.process_id = None
        self.info = None
        self.name_label.clear()
        self.description_label.clear()
        self.participants.clear()
        self.brokers.clear()
        self.cues.clear()
        self.chart.clear()
        self.sides.clear()
        self.why.clear()
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
            self.add_side_button,
            self.rename_side_button,
            self.remove_side_button,
            self.put_on_side_button,
            self.flag_button,
            self.unflag_button,
            self.edit_cue_button,
            self.delete_cue_button,
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

    # -- parties ---------------------------------------------------------------------------

    def _write(self, action: object) -> bool:
        try:
            with self.context.writing(self):
                assert callable(action)
                action()
        except ContactKeeperError as exc:
            show_error(self.message, exc.message)
            return False
        self.reload()
        return True

    def add_side(self, name: str | None = None) -> None:
        if self.info is None:
            return
        if name is None:
            name, ok = QInputDialog.getText(self, _("Add a party"), _("Name of the party:"))
            if not ok:
                return
        process_id = self.info.id
        self._write(lambda: processes.add_side(self.context.vault, process_id, name or ""))

    def rename_side(self, name: str | None = None) -> None:
        side_id = self.sides.currentData()
        if side_id is None:
            return
        if name is None:
            name, ok = QInputDialog.getText(
                self, _("Rename a party"), _("New name:"), text=self.sides.currentText()
            )
            if not ok:
                return
        self._write(lambda: processes.rename_side(self.context.vault, int(side_id), name or ""))

    def remove_side(self) -> None:
        side_id = self.sides.currentData()
        if side_id is not None:
            self._write(lambda: processes.remove_side(self.context.vault, int(side_id)))

    def put_on_side(self) -> None:
        item = self.participants.currentItem()
        actor_id = item.data(0, ACTOR_ROLE) if item is not None else None
        if self.info is None or actor_id is None:
            show_error(self.message, _("Select a participant first."))
            return
        side_id = self.sides.currentData()
        for person in self.info.participants:
            if person.actor_id == int(actor_id):
                pid = person.participation_id
                self._write(
                    lambda pid=pid: processes.set_participant_side(
                        self.context.vault, pid, None if side_id is None else int(side_id)
                    )
                )

    # -- the moment ----------------------------------------------------------------------

    def flag_moment(self, note: str | None = None, days: int = 30) -> None:
        if self.info is None:
            return
        if note is None:
            note, ok = QInputDialog.getText(
                self,
                _("Flag the moment"),
                ngettext(
                    "Why now? (the flag expires in {n} day; change it by flagging again)",
                    "Why now? (the flag expires in {n} days; change it by flagging again)",
                    days,
                ).format(n=i18n.number(days)),
            )
            if not ok:
                return
        on = today(self.context.now())
        process_id = self.info.id
        self._write(
            lambda: opportunities.flag_opportunity(
                self.context.vault, process_id, on, on + timedelta(days=days), note or ""
            )
        )

    def clear_flag(self) -> None:
        if self.info is not None:
            process_id = self.info.id
            self._write(lambda: opportunities.clear_opportunity(self.context.vault, process_id))

    # -- cues ----------------------------------------------------------------------------

    def edit_cue(self, index: QModelIndex) -> None:
        cue = self.cues.row(index)
        if cue is not None:
            self.dialog = edit_cue(self.context, cue, self)

    def delete_cue(self) -> None:
        cue = self.cues.row(self.cue_table.currentIndex())
        if cue is not None:
            UndoController.for_context(self.context).discard(
                Kind.READINESS_CUE,
                cue.id,
                # Translators: a cue as its deletion is named: its kind, then its date.
                _("{cue}, {date}").format(cue=cue.kind_name, date=day(cue.observed_on)),
                self,
            )

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
