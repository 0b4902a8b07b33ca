"""Small dialogs the record pages open: a new channel, relationship, affiliation,
participant, readiness cue or follow-up.

Each saves through one service call; a refused value is explained in place and nothing
typed is lost. Pages open them with ``open()`` (window-modal, never a blocking loop).
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contactkeeper.errors import ContactKeeperError, InvalidRecord
from contactkeeper.gui.context import HIDDEN, AppContext
from contactkeeper.gui.presentation import (
    CONFIDENCE_WORDS,
    RELIABILITY_WORDS,
    STRENGTH_WORDS,
    TRUST_WORDS,
    date_format,
    error_label,
    from_qdate,
    show_error,
    to_qdate,
    today,
    usual_direction,
)
from contactkeeper.gui.widgets.actor_picker import ActorPicker
from contactkeeper.gui.widgets.optional_date import OptionalDateEdit
from contactkeeper.gui.widgets.scale_combo import ScaleCombo
from contactkeeper.records import (
    channels,
    followups,
    organizations,
    processes,
    readiness,
    relationships,
)
from contactkeeper.records.channels import ChannelInfo, Hop
from contactkeeper.records.followups import NewFollowUp
from contactkeeper.records.readiness import NewCue
from contactkeeper.vault.model import (
    ChannelKind,
    Direction,
    OrganizationKind,
    ParticipationRole,
    RelationshipKind,
    Sensitivity,
)

ID_ROLE = Qt.ItemDataRole.UserRole + 1
USUAL_ROLE = Qt.ItemDataRole.UserRole + 2  # a cue kind's usual direction


def _scale(accessible: str, words: tuple[str, ...]) -> ScaleCombo:
    """A 1-to-5 scale picked by its words ("4 · good")."""
    return ScaleCombo(words=words, accessible=accessible)


def _date_edit(accessible: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setAccessibleName(accessible)
    edit.setDisplayFormat(date_format())
    edit.setCalendarPopup(True)
    return edit


def _combo(accessible: str, values: list[str]) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(accessible)
    for value in values:
        combo.addItem(value, value)
    return combo


class RecordDialog(QDialog):
    """Form rows, a calm message line, Save and Cancel. Subclasses implement ``save``."""

    saved = Signal(object)

    def __init__(self, context: AppContext, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.message = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._kept: dict[QLineEdit, str] = {}
        context.vault_locked.connect(self._locked)

    def keep_private(self, edit: QLineEdit, text: str) -> None:
        """Fill ``edit`` with free text; in privacy mode hide it, read-only, and keep it."""
        if self.context.privacy and text.strip():
            self._kept[edit] = text
            edit.clear()
            edit.setReadOnly(True)
            edit.setPlaceholderText(HIDDEN)
        else:
            edit.setText(text)

    def text_of(self, edit: QLineEdit) -> str:
        """What ``edit`` holds, or the text privacy mode kept hidden in it."""
        return self._kept.get(edit, edit.text())

    def _locked(self) -> None:
        """No text of any record stays behind, not even in a hidden dialog."""
        self._kept.clear()
        for edit in self.findChildren(QLineEdit):
            edit.clear()
        for listing in self.findChildren(QListWidget):
            listing.clear()
        for label in self.findChildren(QLabel):
            if label.buddy() is None:
                label.clear()
        for combo in self.findChildren(QComboBox):
            if combo.isEditable():
                combo.clear()
        self.reject()

    def row(self, label: str, widget: QWidget) -> None:
        text = QLabel(label)
        text.setBuddy(widget)
        self.form.addRow(text, widget)

    def save(self) -> object:
        raise NotImplementedError

    def _save(self) -> None:
        try:
            result = self.save()
        except ContactKeeperError as exc:
            show_error(self.message, exc.message)
            return
        self.saved.emit(result)
        self.accept()


class ChannelDialog(RecordDialog):
    """A new way to reach an actor: direct, or through a chain of intermediaries."""

    def __init__(self, context: AppContext, actor_id: int, parent: QWidget | None = None) -> None:
        super().__init__(context, "Add a channel", parent)
        self.actor_id = actor_id
        self.channel_id: int | None = None
        self.kind = _combo("Kind of channel", [k.value for k in ChannelKind])
        self.label = QLineEdit()
        self.label.setAccessibleName("Label")
        self.label.setPlaceholderText("e.g. Signal number, office line, through her cousin")
        self.hop_picker = ActorPicker(context)
        self.hop_picker.setAccessibleName("Add an intermediary")
        self.hops = QListWidget()
        self.hops.setAccessibleName("Intermediaries, first reached first")
        self.hops.setToolTip("The first is the one you reach first; Delete removes one")
        self.hops.setMaximumHeight(80)
        self.hops.installEventFilter(self)
        self.trust = _scale("Trust", TRUST_WORDS)
        self.sensitivity = _combo("Sensitivity", [s.value for s in Sensitivity])
        self.notes = QLineEdit()
        self.notes.setAccessibleName("Notes")
        self.row("&Kind", self.kind)
        self.row("&Label", self.label)
        self.row("&Through", self.hop_picker)
        self.row("", self.hops)
        self.row("T&rust", self.trust)
        self.row("&Sensitivity", self.sensitivity)
        self.row("&Notes", self.notes)
        self.hop_picker.picked.connect(self.add_hop)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    @classmethod
    def edit(
        cls, context: AppContext, channel: ChannelInfo, parent: QWidget | None = None
    ) -> ChannelDialog:
        """The same form, filled with an existing channel; saving changes it."""
        dialog = cls(context, channel.actor_id, parent)
        dialog.setWindowTitle("Edit a channel")
        dialog.channel_id = channel.id
        dialog.kind.setCurrentIndex(dialog.kind.findData(channel.kind.value))
        dialog.keep_private(dialog.label, channel.label)
        shown = context.shown_name
        for hop in channel.hops:
            dialog.add_hop(
                hop.actor_id, shown(hop.actor_id, hop.display_name, hop.codename, hop.sensitivity)
            )
        dialog.trust.setValue(channel.trust)
        dialog.sensitivity.setCurrentIndex(dialog.sensitivity.findData(channel.sensitivity.value))
        dialog.keep_private(dialog.notes, channel.notes)
        return dialog

    def add_hop(self, actor_id: int, name: str) -> None:
        item = QListWidgetItem(name)
        item.setData(ID_ROLE, actor_id)
        self.hops.addItem(item)
        self.kind.setCurrentIndex(self.kind.findData(ChannelKind.INDIRECT.value))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.hops
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        ):
            self.hops.takeItem(self.hops.currentRow())
            return True
        return super().eventFilter(watched, event)

    def _kind_changed(self) -> None:
        indirect = self.kind.currentData() == ChannelKind.INDIRECT
        self.hop_picker.setPlaceholderText(
            "Type the intermediary's name" if indirect else "(for an indirect channel)"
        )

    def save(self) -> object:
        hops = [Hop(int(self.hops.item(i).data(ID_ROLE))) for i in range(self.hops.count())]
        if self.channel_id is not None:
            return channels.update_channel(
                self.context.vault,
                self.channel_id,
                self.context.now(),
                kind=ChannelKind(self.kind.currentData()),
                label=self.text_of(self.label),
                hops=hops,
                trust=self.trust.value(),
                sensitivity=Sensitivity(self.sensitivity.currentData()),
                notes=self.text_of(self.notes),
            )
        return channels.add_channel(
            self.context.vault,
            self.actor_id,
            self.context.now(),
            kind=ChannelKind(self.kind.currentData()),
            label=self.label.text(),
            hops=hops,
            trust=self.trust.value(),
            sensitivity=Sensitivity(self.sensitivity.currentData()),
            notes=self.notes.text(),
        )


class RelationshipDialog(RecordDialog):
    """A tie from this actor to another."""

    def __init__(self, context: AppContext, actor_id: int, parent: QWidget | None = None) -> None:
        super().__init__(context, "Add a relationship", parent)
        self.actor_id = actor_id
        self.other_id: int | None = None
        self.other = ActorPicker(context)
        self.other.setAccessibleName("The other actor")
        self.other_label = QLabel("(nobody chosen yet)")
        self.kind = _combo("Kind of tie", [k.value for k in RelationshipKind])
        self.strength = _scale("Strength", STRENGTH_WORDS)
        self.confidence = _scale("Confidence", CONFIDENCE_WORDS)
        self.source = QLineEdit()
        self.source.setAccessibleName("Source")
        self.source.setPlaceholderText("How do you know?")
        self.row("&With", self.other)
        self.row("", self.other_label)
        self.row("&Tie", self.kind)
        self.row("S&trength", self.strength)
        self.row("&Confidence", self.confidence)
        self.row("S&ource", self.source)
        self.other.picked.connect(self.choose)

    def choose(self, actor_id: int, name: str) -> None:
        self.other_id = actor_id
        self.other_label.setText(name)

    def save(self) -> object:
        if self.other_id is None:
            raise _missing("With", "choose the other actor from the suggestions")
        return relationships.add_relationship(
            self.context.vault,
            self.actor_id,
            self.other_id,
            RelationshipKind(self.kind.currentData()),
            strength=self.strength.value(),
            confidence=self.confidence.value(),
            source=self.source.text(),
        )


class AffiliationDialog(RecordDialog):
    """An actor's role in an organization, from a date (and perhaps until one)."""

    def __init__(self, context: AppContext, actor_id: int, parent: QWidget | None = None) -> None:
        super().__init__(context, "Add an affiliation", parent)
        self.actor_id = actor_id
        self.organization = QComboBox()
        self.organization.setEditable(True)
        self.organization.setAccessibleName("Organization (type a new one to create it)")
        for org in organizations.list_organizations(context.vault):
            self.organization.addItem(org.name, org.id)
        self.organization.setCurrentIndex(-1)
        self.org_kind = _combo("Kind of a new organization", [k.value for k in OrganizationKind])
        self.role = QLineEdit()
        self.role.setAccessibleName("Role")
        self.started = OptionalDateEdit("not known", "Since (optional)")
        self.ended_check = QCheckBox("ended on")
        self.ended = _date_edit("Until")
        self.ended.setDate(to_qdate(today(context.now())))
        self.ended.setEnabled(False)
        self.ended_check.toggled.connect(self.ended.setEnabled)
        self.row("&Organization", self.organization)
        self.row("&Kind (if new)", self.org_kind)
        self.row("&Role", self.role)
        self.row("&Since", self.started)
        self.row("", self.ended_check)
        self.row("&Until", self.ended)

    def save(self) -> object:
        name = self.organization.currentText().strip()
        index = self.organization.findText(name)
        if index >= 0:
            org_id = int(self.organization.itemData(index))
        else:
            org_id = organizations.create_organization(
                self.context.vault, name, OrganizationKind(self.org_kind.currentData())
            ).id
            self.context.changed("organization")
        ended: date | None = from_qdate(self.ended.date()) if self.ended_check.isChecked() else None
        return organizations.add_affiliation(
            self.context.vault,
            self.actor_id,
            org_id,
            self.role.text(),
            self.started.day(),
            ended,
        )


class ParticipantDialog(RecordDialog):
    """Someone who takes part in a process, in a role."""

    def __init__(self, context: AppContext, process_id: int, parent: QWidget | None = None) -> None:
        super().__init__(context, "Add a participant", parent)
        self.process_id = process_id
        self.actor_id: int | None = None
        self.actor = ActorPicker(context)
        self.actor.setAccessibleName("Actor")
        self.actor_label = QLabel("(nobody chosen yet)")
        self.role = _combo("Role in the process", [r.value for r in ParticipationRole])
        self.note = QLineEdit()
        self.note.setAccessibleName("Note")
        self.row("&Who", self.actor)
        self.row("", self.actor_label)
        self.row("&Role", self.role)
        self.row("&Note", self.note)
        self.actor.picked.connect(self.choose)

    def choose(self, actor_id: int, name: str) -> None:
        self.actor_id = actor_id
        self.actor_label.setText(name)

    def save(self) -> object:
        if self.actor_id is None:
            raise _missing("Who", "choose the actor from the suggestions")
        return processes.add_participant(
            self.context.vault,
            self.process_id,
            self.actor_id,
            ParticipationRole(self.role.currentData()),
            self.note.text(),
        )


class CueDialog(RecordDialog):
    """A readiness cue seen outside any contact (news, a third party), for a process."""

    def __init__(self, context: AppContext, process_id: int, parent: QWidget | None = None) -> None:
        super().__init__(context, "Add a readiness cue", parent)
        self.process_id = process_id
        self.actor_id: int | None = None
        self.kind = QComboBox()
        self.kind.setAccessibleName("Kind of readiness cue")
        for kind in readiness.cue_kinds(context.vault):
            self.kind.addItem(kind.label, kind.id)
            self.kind.setItemData(
                self.kind.count() - 1, kind.description, Qt.ItemDataRole.ToolTipRole
            )
            self.kind.setItemData(self.kind.count() - 1, kind.usual_direction, USUAL_ROLE)
        self.direction = QComboBox()
        self.direction.setAccessibleName("Direction of the cue")
        self.direction.addItem(usual_direction(self.kind.currentData(USUAL_ROLE)), None)
        self.direction.addItem("Toward readiness", Direction.TOWARD.value)
        self.direction.addItem("Away from readiness", Direction.AWAY.value)
        self.kind.currentIndexChanged.connect(
            lambda: self.direction.setItemText(
                0, usual_direction(self.kind.currentData(USUAL_ROLE))
            )
        )
        self.strength = _scale("Strength", STRENGTH_WORDS)
        self.reliability = _scale("Reliability of the source", RELIABILITY_WORDS)
        self.observed = _date_edit("Observed on")
        self.observed.setDate(to_qdate(today(context.now())))
        self.actor = ActorPicker(context)
        self.actor.setAccessibleName("About an actor (optional)")
        self.actor.setPlaceholderText("(optional) type a name")
        self.actor_label = QLabel("(about the process as a whole)")
        self.note = QLineEdit()
        self.note.setAccessibleName("Note")
        self.row("&Signal", self.kind)
        self.row("&Direction", self.direction)
        self.row("S&trength", self.strength)
        self.row("Source &reliability", self.reliability)
        self.row("&Observed on", self.observed)
        self.row("&About", self.actor)
        self.row("", self.actor_label)
        self.row("&Note", self.note)
        self.actor.picked.connect(self.choose)

    def choose(self, actor_id: int, name: str) -> None:
        self.actor_id = actor_id
        self.actor_label.setText(name)

    def save(self) -> object:
        if self.kind.currentData() is None:
            raise _missing("Signal", "choose what kind of signal it was")
        direction = self.direction.currentData()
        return readiness.record_cue(
            self.context.vault,
            NewCue(
                kind_id=int(self.kind.currentData()),
                observed_on=from_qdate(self.observed.date()),
                direction=None if direction is None else Direction(direction),
                process_id=self.process_id,
                actor_id=self.actor_id,
                strength=self.strength.value(),
                source_reliability=self.reliability.value(),
                note=self.note.text(),
            ),
        )


class FollowUpDialog(RecordDialog):
    """A task about an actor, with a due date, not tied to any contact."""

    def __init__(self, context: AppContext, actor_id: int, parent: QWidget | None = None) -> None:
        super().__init__(context, "Add a follow-up", parent)
        self.actor_id = actor_id
        self.title = QLineEdit()
        self.title.setAccessibleName("Follow-up task")
        self.title.setPlaceholderText("What to do next")
        self.due = _date_edit("Due date")
        self.due.setDate(to_qdate(today(context.now()) + timedelta(days=7)))
        self.note = QLineEdit()
        self.note.setAccessibleName("Note")
        self.row("&Task", self.title)
        self.row("&Due", self.due)
        self.row("&Note", self.note)

    def save(self) -> object:
        return followups.create_follow_up(
            self.context.vault,
            NewFollowUp(
                self.title.text(),
                from_qdate(self.due.date()),
                actor_id=self.actor_id,
                note=self.note.text(),
            ),
        )


def _missing(field: str, reason: str) -> ContactKeeperError:
    return InvalidRecord(field, reason)
