"""Small dialogs the record pages open: a new channel, relationship, affiliation,
participant, readiness cue or follow-up.

Each saves through one service call, inside ``context.writing`` (every view hears what it
wrote); a refused value is explained in place and nothing typed is lost, and the explanation
goes as soon as the user changes anything. Pages open them with ``open()`` (window-modal,
never a blocking loop). A dialog that edits a record saves exactly what it was given for
every field the user did not change (``keep`` and ``text_of``), even values the form cannot
show (a hop's trust, a hidden label).
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from contactkeeper import i18n
from contactkeeper.errors import ContactKeeperError, InvalidRecord
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.choices import MOVES, USUALLY, choice_word
from contactkeeper.gui.presentation import (
    CONFIDENCE_WORDS,
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
from contactkeeper.gui.undo import UndoController
from contactkeeper.gui.widgets.actor_choice import ActorChoice
from contactkeeper.gui.widgets.actor_picker import ActorPicker
from contactkeeper.gui.widgets.optional_date import OptionalDateEdit
from contactkeeper.gui.widgets.scale_combo import ScaleCombo
from contactkeeper.i18n import _, pgettext
from contactkeeper.records import (
    actors,
    channels,
    events,
    followups,
    organizations,
    processes,
    readiness,
    relationships,
)
from contactkeeper.records.channels import ChannelInfo, Hop
from contactkeeper.records.followups import NewFollowUp
from contactkeeper.records.readiness import CueInfo, NewCue
from contactkeeper.records.relationships import RelationshipInfo
from contactkeeper.records.ripeness import (
    CREDIBILITY_WORDS,
    RELIABILITY_WORDS,
    credibility_words,
    reliability_words,
)
from contactkeeper.vault.changes import Kind
from contactkeeper.vault.model import (
    ChannelKind,
    Direction,
    OrganizationKind,
    ParticipationRole,
    RelationshipKind,
    Sensitivity,
)

ID_ROLE = Qt.ItemDataRole.UserRole + 1
TRUST_ROLE = Qt.ItemDataRole.UserRole + 2  # an intermediary's trust, kept as it was
USUAL_ROLE = Qt.ItemDataRole.UserRole + 4  # a cue kind's usual direction


def _scale(accessible: str, words: tuple[str, ...]) -> ScaleCombo:
    """A 1-to-5 scale picked by its words ("4 · good")."""
    return ScaleCombo(words=words, accessible=accessible)


def date_edit(accessible: str, value: date | None = None) -> QDateEdit:
    """A date field with a calendar, in the user's date format."""
    edit = QDateEdit()
    edit.setAccessibleName(accessible)
    edit.setDisplayFormat(date_format())
    edit.setCalendarPopup(True)
    if value is not None:
        edit.setDate(to_qdate(value))
    return edit


def combo(accessible: str, values: Sequence[str], current: str | None = None) -> QComboBox:
    """A choice among ``values`` (each its own data: a vault's choice is shown in the current
    language and keeps its stored word as data), ``current`` chosen if given."""
    box = QComboBox()
    box.setAccessibleName(accessible)
    for value in values:
        if isinstance(value, enum.StrEnum):
            box.addItem(choice_word(value), value.value)
        else:
            box.addItem(value, value)
    if current is not None:
        box.setCurrentIndex(max(box.findData(current), 0))
    return box


def event_combo(context: AppContext, accessible: str, none: str | None = None) -> QComboBox:
    """A choice of event (or ``none``, "(at no event)" unless given), the latest first."""
    box = QComboBox()
    box.setAccessibleName(accessible)
    box.addItem(_("(at no event)") if none is None else none, None)
    for event_id, label in events.event_names(context.vault):
        box.addItem(label, event_id)
    return box


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
        self._kept_plain: dict[QPlainTextEdit, str] = {}
        self._watching = False
        context.vault_locked.connect(self._locked)

    def keep(self, edit: QLineEdit, text: str, *, withheld: bool = False) -> None:
        """Fill ``edit`` with a saved value, which saving keeps exactly unless the user
        changes it (a line edit holds 32,767 characters at most). In privacy mode, or when
        it is a detail of an actor whose identity is ``withheld``, it is hidden, read-only."""
        self._kept[edit] = text
        if (self.context.privacy or withheld) and text.strip():
            edit.clear()
            edit.setReadOnly(True)
            edit.setPlaceholderText(self.context.placeholder())
        else:
            edit.setText(text)
        edit.setModified(False)

    def text_of(self, edit: QLineEdit) -> str:
        """What ``edit`` holds, or the value it was filled with if the user left it alone."""
        if edit in self._kept and not edit.isModified():
            return self._kept[edit]
        return edit.text()

    def keep_plain(self, box: QPlainTextEdit, text: str) -> None:
        """As :meth:`keep`, for a box of several lines: hidden, read-only, in privacy mode."""
        self._kept_plain[box] = text
        if self.context.privacy and text.strip():
            box.clear()
            box.setReadOnly(True)
            box.setPlaceholderText(self.context.placeholder())
        else:
            box.setPlainText(text)

    def plain_text_of(self, box: QPlainTextEdit) -> str:
        """What ``box`` holds, or the value it was filled with while it is hidden."""
        if box in self._kept_plain and box.isReadOnly():
            return self._kept_plain[box]
        return box.toPlainText()

    def showEvent(self, event: QShowEvent) -> None:
        if not self._watching:
            self._watching = True
            self._watch_changes()
        # The minimum width set above is a floor, never less than the form needs: a longer
        # language's labels and choices are not clipped to make the dialog fit it.
        layout = self.layout()
        if layout is not None:
            self.setMinimumWidth(max(self.minimumWidth(), layout.minimumSize().width()))
        super().showEvent(event)

    def _watch_changes(self) -> None:
        """A message about what was wrong goes as soon as the user changes anything."""

        def forget(*_args: object) -> None:
            show_error(self.message, "")

        for edit in self.findChildren(QLineEdit):
            edit.textEdited.connect(forget)
        for combo in self.findChildren(QComboBox):
            combo.currentIndexChanged.connect(forget)
            combo.editTextChanged.connect(forget)
        for spin in self.findChildren(QSpinBox):
            spin.valueChanged.connect(forget)
        for date_edit in self.findChildren(QDateEdit):
            date_edit.dateChanged.connect(forget)
        for check in self.findChildren(QCheckBox):
            check.toggled.connect(forget)
        for listing in self.findChildren(QListWidget):
            listing.model().rowsInserted.connect(forget)
            listing.model().rowsRemoved.connect(forget)
        for choice in self.findChildren(ActorChoice):
            choice.chosen.connect(forget)

    def _locked(self) -> None:
        """No text of any record stays behind, not even in a hidden dialog."""
        self._kept.clear()
        self._kept_plain.clear()
        for box in self.findChildren(QPlainTextEdit):
            box.clear()
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
            with self.context.writing(self):
                result = self.save()
        except ContactKeeperError as exc:
            show_error(self.message, exc.message)
            return
        self.saved.emit(result)
        self.accept()


class ChannelDialog(RecordDialog):
    """A new way to reach an actor: direct, or through a chain of intermediaries."""

    def __init__(self, context: AppContext, actor_id: int, parent: QWidget | None = None) -> None:
        super().__init__(context, _("Add a channel"), parent)
        self.actor_id = actor_id
        self.channel_id: int | None = None
        self.kind = combo(_("Kind of channel"), list(ChannelKind))
        self.label = QLineEdit()
        self.label.setAccessibleName(_("Label"))
        self.label.setPlaceholderText(_("e.g. Signal number, office line, through her cousin"))
        self.hop_picker = ActorPicker(context)
        self.hop_picker.setAccessibleName(_("Add an intermediary"))
        self.hops = QListWidget()
        self.hops.setAccessibleName(_("Intermediaries, first reached first"))
        self.hops.setToolTip(_("The first is the one you reach first; Delete removes one"))
        self.hops.setMaximumHeight(80)
        self.hops.installEventFilter(self)
        self.trust = _scale(_("Trust"), TRUST_WORDS)
        self.sensitivity = combo(_("Sensitivity"), list(Sensitivity))
        self.notes = QLineEdit()
        self.notes.setAccessibleName(_("Notes"))
        self.row(_("&Kind"), self.kind)
        self.row(_("&Label"), self.label)
        self.row(_("&Through"), self.hop_picker)
        self.row("", self.hops)
        self.row(_("T&rust"), self.trust)
        self.row(_("&Sensitivity"), self.sensitivity)
        self.row(_("&Notes"), self.notes)
        self.hop_picker.picked.connect(self.add_hop)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    @classmethod
    def edit(
        cls, context: AppContext, channel: ChannelInfo, parent: QWidget | None = None
    ) -> ChannelDialog:
        """The same form, filled with an existing channel; saving changes it."""
        dialog = cls(context, channel.actor_id, parent)
        dialog.setWindowTitle(_("Edit a channel"))
        dialog.channel_id = channel.id
        dialog.kind.setCurrentIndex(dialog.kind.findData(channel.kind.value))
        # A phone number or an address names the person: withheld as their name is.
        withheld = context.names_hidden(channel.actor_id, channel.actor_sensitivity)
        dialog.keep(dialog.label, channel.label, withheld=withheld)
        shown = context.shown_name
        for hop in channel.hops:
            dialog.add_hop(
                hop.actor_id,
                shown(hop.actor_id, hop.display_name, hop.codename, hop.sensitivity),
                hop.trust,
            )
        dialog.trust.setValue(channel.trust)
        dialog.sensitivity.setCurrentIndex(dialog.sensitivity.findData(channel.sensitivity.value))
        dialog.keep(dialog.notes, channel.notes, withheld=withheld)
        return dialog

    def add_hop(self, actor_id: int, name: str, trust: int = 3) -> None:
        """An intermediary at the end of the chain (with the trust placed in them)."""
        item = QListWidgetItem(name)
        item.setData(ID_ROLE, actor_id)
        item.setData(TRUST_ROLE, trust)
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
            _("Type the intermediary's name") if indirect else _("(for an indirect channel)")
        )

    def save(self) -> object:
        items = [self.hops.item(i) for i in range(self.hops.count())]
        hops = [Hop(int(item.data(ID_ROLE)), int(item.data(TRUST_ROLE))) for item in items]
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
            label=self.text_of(self.label),
            hops=hops,
            trust=self.trust.value(),
            sensitivity=Sensitivity(self.sensitivity.currentData()),
            notes=self.text_of(self.notes),
        )


class RelationshipDialog(RecordDialog):
    """A tie between this actor and another, in the direction the sentence under the
    choices says (Turn around reverses it); ``edit`` changes an existing tie."""

    def __init__(self, context: AppContext, actor_id: int, parent: QWidget | None = None) -> None:
        super().__init__(context, _("Add a relationship"), parent)
        self.setMinimumWidth(580)  # the sentence on one line
        self.actor_id = actor_id
        self.relationship: RelationshipInfo | None = None
        detail = actors.get_actor(context.vault, actor_id, context.now())
        self.actor_name = context.shown_name(
            detail.id, detail.display_name, detail.codename, detail.sensitivity
        )
        self.this_first = True  # "<this actor> <tie> <the other>"
        self.other = ActorChoice(context, _("The other actor"))
        self.kind = combo(_("Kind of tie"), list(RelationshipKind))
        self.statement = QLabel()
        self.statement.setAccessibleName(_("What will be saved"))
        self.statement.setWordWrap(True)
        self.statement.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bold = QFont(self.statement.font())
        bold.setBold(True)
        self.statement.setFont(bold)
        self.swap_button = QPushButton(_("⇄ T&urn around"))
        self.swap_button.setAccessibleName(_("Turn the tie around"))
        self.swap_button.setToolTip(_("Swap who does what: the sentence shows what is saved"))
        self.swap_button.setAutoDefault(False)
        statement = QWidget()
        statement_row = QHBoxLayout(statement)
        statement_row.setContentsMargins(0, 0, 0, 0)
        statement_row.addWidget(self.statement, 1)
        statement_row.addWidget(self.swap_button)
        self.strength = _scale(_("Strength"), STRENGTH_WORDS)
        self.confidence = _scale(_("Confidence"), CONFIDENCE_WORDS)
        self.source = QLineEdit()
        self.source.setAccessibleName(_("Source"))
        self.source.setPlaceholderText(_("How do you know?"))
        self.row(_("&With"), self.other)
        self.row(_("&Tie"), self.kind)
        self.row(_("Saved as"), statement)
        self.row(_("S&trength"), self.strength)
        self.row(_("&Confidence"), self.confidence)
        self.row(_("S&ource"), self.source)
        self.other.chosen.connect(self._show_statement)
        self.kind.currentIndexChanged.connect(self._show_statement)
        self.swap_button.clicked.connect(self.turn_around)
        self._show_statement()

    @classmethod
    def edit(
        cls,
        context: AppContext,
        actor_id: int,
        relationship: RelationshipInfo,
        parent: QWidget | None = None,
    ) -> RelationshipDialog:
        """The same form, filled with an existing tie of ``actor_id``; saving changes it."""
        dialog = cls(context, actor_id, parent)
        dialog.setWindowTitle(_("Edit a relationship"))
        dialog.relationship = relationship
        r = relationship
        dialog.this_first = r.from_actor_id == actor_id
        if dialog.this_first:
            other = (r.to_actor_id, r.to_name, r.to_codename, r.to_sensitivity)
        else:
            other = (r.from_actor_id, r.from_name, r.from_codename, r.from_sensitivity)
        dialog.other.choose(other[0], context.shown_name(*other))
        dialog.kind.setCurrentIndex(dialog.kind.findData(r.kind.value))
        dialog.strength.setValue(r.strength)
        dialog.confidence.setValue(r.confidence)
        dialog.keep(dialog.source, r.source)
        dialog._show_statement()
        return dialog

    def choose(self, actor_id: int, name: str) -> None:
        self.other.choose(actor_id, name)

    def turn_around(self) -> None:
        self.this_first = not self.this_first
        self._show_statement()
        show_error(self.message, "")

    def sentence(self) -> str:
        """What will be saved, as the user reads it."""
        other = self.other.name or "…"
        first, second = (self.actor_name, other) if self.this_first else (other, self.actor_name)
        return relationships.sentence(RelationshipKind(self.kind.currentData()), first, second)

    def _show_statement(self) -> None:
        text = self.sentence()
        if self.other.actor_id is None:
            text = _("{sentence}  (choose the other actor above)").format(sentence=text)
        self.statement.setText(text)

    def save(self) -> object:
        if self.other.actor_id is None:
            raise _missing(_("With"), _("choose the other actor from the suggestions"))
        this, other = self.actor_id, self.other.actor_id
        from_id, to_id = (this, other) if self.this_first else (other, this)
        kind = RelationshipKind(self.kind.currentData())
        if self.relationship is not None:
            return relationships.update_relationship(
                self.context.vault,
                self.relationship.id,
                from_actor_id=from_id,
                to_actor_id=to_id,
                kind=kind,
                strength=self.strength.value(),
                confidence=self.confidence.value(),
                source=self.text_of(self.source),
            )
        return relationships.add_relationship(
            self.context.vault,
            from_id,
            to_id,
            kind,
            strength=self.strength.value(),
            confidence=self.confidence.value(),
            source=self.source.text(),
        )


class AffiliationDialog(RecordDialog):
    """An actor's role in an organization, from a date (and perhaps until one)."""

    def __init__(self, context: AppContext, actor_id: int, parent: QWidget | None = None) -> None:
        super().__init__(context, _("Add an affiliation"), parent)
        self.actor_id = actor_id
        self.organization = QComboBox()
        self.organization.setEditable(True)
        self.organization.setAccessibleName(_("Organization (type a new one to create it)"))
        for org in organizations.list_organizations(context.vault):
            self.organization.addItem(org.name, org.id)
        self.organization.setCurrentIndex(-1)
        self.org_kind = combo(_("Kind of a new organization"), list(OrganizationKind))
        self.role = QLineEdit()
        self.role.setAccessibleName(_("Role"))
        self.started = OptionalDateEdit(_("not known"), _("Since (optional)"))
        self.ended_check = QCheckBox(_("ended on"))
        self.ended = date_edit(_("Until"))
        self.ended.setDate(to_qdate(today(context.now())))
        self.ended.setEnabled(False)
        self.ended_check.toggled.connect(self.ended.setEnabled)
        self.row(_("&Organization"), self.organization)
        self.row(_("&Kind (if new)"), self.org_kind)
        self.row(_("&Role"), self.role)
        self.row(_("&Since"), self.started)
        self.row("", self.ended_check)
        self.row(_("&Until"), self.ended)

    def save(self) -> object:
        name = self.organization.currentText().strip()
        index = self.organization.findText(name)
        if index >= 0:
            org_id = int(self.organization.itemData(index))
        else:
            org_id = organizations.create_organization(
                self.context.vault, name, OrganizationKind(self.org_kind.currentData())
            ).id
        ended: date | None = from_qdate(self.ended.date()) if self.ended_check.isChecked() else None
        return organizations.add_affiliation(
            self.context.vault,
            self.actor_id,
            org_id,
            self.role.text(),
            self.started.day(),
            ended,
        )


class RoleDialog(RecordDialog):
    """Someone in a role, with a note: the form of a participant and of an invitee."""

    def __init__(
        self,
        context: AppContext,
        title: str,
        roles: Sequence[str],
        role_name: str,
        parent: QWidget | None,
        who_name: str | None = None,
    ) -> None:
        super().__init__(context, title, parent)
        self.actor = ActorChoice(context, _("Actor") if who_name is None else who_name)
        self.role = combo(role_name, roles)
        self.note = QLineEdit()
        self.note.setAccessibleName(_("Note"))
        self.row(_("&Who"), self.actor)
        self.row(_("&Role"), self.role)
        self.row(_("&Note"), self.note)

    def choose(self, actor_id: int, name: str) -> None:
        self.actor.choose(actor_id, name)

    def chosen(self) -> int:
        """The actor chosen, or a message asking for one."""
        if self.actor.actor_id is None:
            raise _missing(_("Who"), _("choose the actor from the suggestions"))
        return self.actor.actor_id


class ParticipantDialog(RoleDialog):
    """Someone who takes part in a process, in a role."""

    def __init__(self, context: AppContext, process_id: int, parent: QWidget | None = None) -> None:
        super().__init__(
            context,
            _("Add a participant"),
            list(ParticipationRole),
            _("Role in the process"),
            parent,
        )
        self.process_id = process_id

    def save(self) -> object:
        return processes.add_participant(
            self.context.vault,
            self.process_id,
            self.chosen(),
            ParticipationRole(self.role.currentData()),
            self.note.text(),
        )


class CueDialog(RecordDialog):
    """A readiness cue for a process (new, or ``cue`` to correct): what was seen, about which
    party or actor, who reported it and how the report is graded."""

    def __init__(
        self,
        context: AppContext,
        process_id: int | None,
        parent: QWidget | None = None,
        *,
        cue: CueInfo | None = None,
    ) -> None:
        super().__init__(
            context, _("Correct a readiness cue") if cue else _("Add a readiness cue"), parent
        )
        self.cue = cue
        self.process_id = cue.process_id if cue else process_id
        self.kind = QComboBox()
        self.kind.setAccessibleName(_("Kind of readiness cue"))
        self._fill_kinds()
        self.catalogue_button = QPushButton(_("Catalogue…"))
        self.catalogue_button.setAccessibleName(_("Edit the cue catalogue"))
        self.catalogue_button.setToolTip(_("Add, rename or retire kinds of cue"))
        self.catalogue_button.clicked.connect(self.show_catalogue)
        self.catalogue: QDialog | None = None
        self.direction = QComboBox()
        self.direction.setAccessibleName(_("Direction of the cue"))
        self.direction.addItem(usual_direction(self.kind.currentData(USUAL_ROLE)), None)
        self.direction.addItem(_("Toward readiness"), Direction.TOWARD.value)
        self.direction.addItem(_("Away from readiness"), Direction.AWAY.value)
        self.kind.currentIndexChanged.connect(
            lambda: self.direction.setItemText(
                0, usual_direction(self.kind.currentData(USUAL_ROLE))
            )
        )
        self.strength = _scale(_("Strength"), STRENGTH_WORDS)
        self.reliability = QComboBox()
        self.reliability.setAccessibleName(_("Reliability of the source, A to F"))
        for grade in RELIABILITY_WORDS:
            self.reliability.addItem(grade_text(grade, reliability_words(grade)), grade)
        self.credibility = QComboBox()
        self.credibility.setAccessibleName(_("Credibility of the information, 1 to 6"))
        for grade_number in CREDIBILITY_WORDS:
            words = credibility_words(grade_number)
            self.credibility.addItem(grade_text(i18n.number(grade_number), words), grade_number)
        self.party = QComboBox()
        self.party.setAccessibleName(_("About which party"))
        self.party.addItem(_("(every party, or the actor's side)"), None)
        if self.process_id is not None:
            for side in processes.get_process(context.vault, self.process_id).sides:
                self.party.addItem(side.name, side.id)
        self.observed = date_edit(_("Observed on"))
        self.observed.setDate(to_qdate(today(context.now())))
        self.actor = ActorChoice(
            context,
            _("About an actor (optional)"),
            nobody=_("(about the process as a whole)"),
        )
        self.actor.setPlaceholderText(_("(optional) type a name"))
        self.reporter = ActorChoice(
            context,
            _("Reported by (optional)"),
            nobody=_("(seen first-hand, or in the news)"),
        )
        self.reporter.setPlaceholderText(_("(optional) who told you"))
        self.event_choice = event_combo(context, _("At an event (optional)"))
        self.note = QLineEdit()
        self.note.setAccessibleName(_("Note"))
        signal = QHBoxLayout()
        signal.addWidget(self.kind, 1)
        signal.addWidget(self.catalogue_button)
        label = QLabel(_("&Signal"))
        label.setBuddy(self.kind)
        self.form.addRow(label, signal)
        self.row(_("&Direction"), self.direction)
        self.row(_("S&trength"), self.strength)
        self.row(_("Source &reliability"), self.reliability)
        self.row(_("&Credibility"), self.credibility)
        self.row(_("&Observed on"), self.observed)
        if self.process_id is not None:
            self.row(_("&Party"), self.party)
        self.row(_("&About"), self.actor)
        self.row(_("Reported &by"), self.reporter)
        self.row(_("At an &event"), self.event_choice)
        self.row(_("&Note"), self.note)
        self.reliability.setCurrentIndex(self.reliability.findData("F"))
        self.credibility.setCurrentIndex(self.credibility.findData(6))
        if cue is not None:
            self._fill(cue)

    def _fill_kinds(self) -> None:
        """The kinds offered: every kind not retired, and the cue's own."""
        chosen = self.kind.currentData()
        self.kind.clear()
        for kind in readiness.cue_kinds(self.context.vault):
            if kind.retired and (self.cue is None or self.cue.kind_id != kind.id):
                continue
            self.kind.addItem(kind.name, kind.id)
            self.kind.setItemData(
                self.kind.count() - 1,
                # Translators: "Costs of the conflict; moves motivation, usually toward
                # talks. Leaders speak of the war's cost..."
                _("{family}; moves {moves}, usually {usually}. {description}").format(
                    family=_(kind.family_label),
                    moves=_(MOVES[kind.dimension]),
                    usually=_(USUALLY[kind.usual_direction]),
                    description=kind.description,
                ),
                Qt.ItemDataRole.ToolTipRole,
            )
            self.kind.setItemData(self.kind.count() - 1, kind.usual_direction, USUAL_ROLE)
        self.kind.setCurrentIndex(max(self.kind.findData(chosen), 0))

    def show_catalogue(self) -> QDialog:
        """The cue catalogue over this dialog; the kinds offered follow what is changed."""
        from contactkeeper.gui.dialogs.cue_catalogue import CueCatalogueDialog

        dialog = CueCatalogueDialog(self.context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._fill_kinds())
        self.catalogue = dialog
        dialog.open()
        return dialog

    def _fill(self, cue: CueInfo) -> None:
        self.kind.setCurrentIndex(max(self.kind.findData(cue.kind_id), 0))
        self.direction.setCurrentIndex(max(self.direction.findData(cue.direction.value), 0))
        self.strength.setValue(cue.strength)
        self.reliability.setCurrentIndex(self.reliability.findData(cue.reliability))
        self.credibility.setCurrentIndex(self.credibility.findData(cue.credibility))
        self.party.setCurrentIndex(max(self.party.findData(cue.side_id), 0))
        self.observed.setDate(to_qdate(cue.observed_on))
        if cue.actor_id is not None:
            self.actor.choose(
                cue.actor_id,
                self.context.shown_name(
                    cue.actor_id, cue.actor_name, cue.actor_codename, cue.actor_sensitivity
                ),
            )
        if cue.reported_by_id is not None:
            self.reporter.choose(
                cue.reported_by_id,
                self.context.shown_name(
                    cue.reported_by_id,
                    cue.reported_by_name,
                    cue.reported_by_codename,
                    cue.reported_by_sensitivity,
                ),
            )
        self.event_choice.setCurrentIndex(max(self.event_choice.findData(cue.event_id), 0))
        self.keep(self.note, cue.note)

    def choose(self, actor_id: int, name: str) -> None:
        self.actor.choose(actor_id, name)

    def save(self) -> object:
        if self.kind.currentData() is None:
            raise _missing(
                pgettext("readiness cue", "Signal"), _("choose what kind of signal it was")
            )
        direction = self.direction.currentData()
        party = self.party.currentData()
        new = NewCue(
            kind_id=int(self.kind.currentData()),
            observed_on=from_qdate(self.observed.date()),
            direction=None if direction is None else Direction(direction),
            process_id=self.process_id,
            actor_id=self.actor.actor_id,
            strength=self.strength.value(),
            reliability=str(self.reliability.currentData()),
            credibility=int(self.credibility.currentData()),
            side_id=None if party is None else int(party),
            reported_by_id=self.reporter.actor_id,
            channel_id=self.cue.channel_id if self.cue else None,
            note=self.text_of(self.note),
            event_id=self.event_choice.currentData(),
        )
        if self.cue is not None:
            return readiness.update_cue(self.context.vault, self.cue.id, new)
        return readiness.record_cue(self.context.vault, new)


def edit_cue(context: AppContext, cue: CueInfo, parent: QWidget | None = None) -> CueDialog:
    """Open the cue to correct it; once saved, Ctrl+Z puts it back as it was."""
    dialog = CueDialog(context, cue.process_id, parent, cue=cue)
    before = readiness.as_new(cue)

    def saved(_result: object) -> None:
        vault = context.vault
        UndoController.for_context(context).remember_change(
            Kind.READINESS_CUE,
            # Translators: a readiness cue in the undo notice: "Hardening, 2 Dec 2026".
            _("{kind}, {day}").format(
                kind=i18n.isolate(cue.kind_name), day=i18n.short_date(cue.observed_on)
            ),
            lambda: readiness.update_cue(vault, cue.id, before),
        )

    dialog.saved.connect(saved)
    dialog.open()
    return dialog


class FollowUpDialog(RecordDialog):
    """A task about an actor, with a due date, not tied to any contact."""

    def __init__(self, context: AppContext, actor_id: int, parent: QWidget | None = None) -> None:
        super().__init__(context, _("Add a follow-up"), parent)
        self.actor_id = actor_id
        self.title = QLineEdit()
        self.title.setAccessibleName(_("Follow-up task"))
        self.title.setPlaceholderText(_("What to do next"))
        self.due = date_edit(_("Due date"))
        self.due.setDate(to_qdate(today(context.now()) + timedelta(days=7)))
        self.note = QLineEdit()
        self.note.setAccessibleName(_("Note"))
        self.row(_("&Task"), self.title)
        self.row(_("&Due"), self.due)
        self.row(_("&Note"), self.note)

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


def grade_text(grade: str, words: str) -> str:
    """A grade of a report as the combos show it: "B: usually reliable"."""
    # Translators: a grade of a source or of a piece of information, and its meaning.
    return _("{grade}: {words}").format(grade=grade, words=words)


def _missing(field: str, reason: str) -> ContactKeeperError:
    return InvalidRecord(field, reason)
