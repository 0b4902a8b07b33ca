"""The log dialog (Ctrl+L): record a contact in seconds, from the keyboard.

Type a participant and press Enter to pick the first suggestion (or arrow to another); a
name that matches nobody can be added as a new actor, with a warning when it looks like
someone already in the vault. Enter saves from any field, Ctrl+Enter inside the summary.
One call to ``interactions.log_interaction`` records everything, or nothing.

Participants and channels name actors by the context's privacy rule; in privacy mode the
summary of a contact being corrected is hidden and kept as it was.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidgetItem,
    QWidget,
)

from contactkeeper import i18n
from contactkeeper.errors import ContactKeeperError
from contactkeeper.gui.context import HIDDEN, AppContext
from contactkeeper.gui.dialogs.choices import choice_word
from contactkeeper.gui.dialogs.records import event_combo, grade_text
from contactkeeper.gui.forms.ui_log_dialog import Ui_LogDialog
from contactkeeper.gui.presentation import (
    date_format,
    date_time_format,
    from_qdate,
    from_qdatetime,
    show_error,
    size_on_screen,
    to_qdate,
    to_qdatetime,
    today,
    usual_direction,
)
from contactkeeper.gui.widgets.actor_picker import ActorCompleter
from contactkeeper.i18n import N_, _, isolate, pgettext
from contactkeeper.records import (
    actors,
    attribution,
    channels,
    events,
    interactions,
    processes,
    readiness,
    reviews,
)
from contactkeeper.records.actors import NewActor
from contactkeeper.records.attribution import EXPLAINED
from contactkeeper.records.followups import NewFollowUp
from contactkeeper.records.readiness import NewCue
from contactkeeper.records.ripeness import (
    CREDIBILITY_WORDS,
    RELIABILITY_WORDS,
    credibility_words,
    reliability_words,
)
from contactkeeper.vault.model import (
    ActorStatus,
    AttributionRule,
    Direction,
    InteractionKind,
    Register,
)

PARTICIPANT_ROLE = Qt.ItemDataRole.UserRole + 1  # an actor id (int) or a NewActor
NAMES_ROLE = Qt.ItemDataRole.UserRole + 2  # an existing actor's (display name, codename, risk)
# What to warn about while this participant is in the list: True for an actor marked
# do-not-contact, or the actors a new name looks like (a list of ActorSummary).
WARNING_ROLE = Qt.ItemDataRole.UserRole + 3
TALLEST = 640  # the dialog's height where the screen has room
# A cue logged with a contact is reported by the one person met, unless told otherwise.
REPORTED_BY_DEFAULT = N_("(the person met, when you met one)")


class LogDialog(QDialog):
    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        actor_ids: Sequence[int] = (),
        *,
        interaction_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.ui = Ui_LogDialog()
        self.ui.setupUi(self)
        # The kind of a readiness cue, not the messaging app of the same name.
        self.ui.cueKindLabel.setText(pgettext("readiness cue", "Signal"))
        # All of the form where there is room; on a small screen it scrolls.
        form = self.ui.body.sizeHint().height()
        around = self.sizeHint().height() - self.ui.bodyScroll.sizeHint().height()
        size_on_screen(self, QSize(self.width(), min(form + around, TALLEST)))
        self.interaction_id = interaction_id
        self.loaded: interactions.InteractionInfo | None = None  # the contact being corrected
        self.loaded_event: int | None = None  # the event it took place at, as loaded
        self.logged: interactions.InteractionInfo | None = None
        self._channels: dict[int, channels.ChannelInfo] = {}
        self._usual: dict[int, Direction] = {}  # each cue kind's usual direction
        self._kept_summary: str | None = None  # the summary while privacy mode hides it
        self._summary_placeholder = self.ui.summaryEdit.placeholderText()
        self.picker = ActorCompleter(context, self.ui.participantEdit)
        self.save_button = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        self.save_button.setAccessibleName(_("Save the contact"))
        self._fill_choices()
        self._add_track_two_fields()
        self._connect()
        show_error(self.ui.errorLabel, "")
        show_error(self.ui.similarLabel, "")
        self.ui.newActorButton.setEnabled(False)
        for actor_id in actor_ids:
            self._add_existing(actor_id)
        if interaction_id is not None:
            self._load(interaction_id)
        self._guard_summary()
        self.ui.participantEdit.setFocus()

    @classmethod
    def edit(
        cls, context: AppContext, interaction_id: int, parent: QWidget | None = None
    ) -> LogDialog:
        """The same form, filled with a logged interaction; saving corrects it."""
        dialog = cls(context, parent, interaction_id=interaction_id)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        return dialog

    def _load(self, interaction_id: int) -> None:
        ui = self.ui
        info = interactions.get_interaction(self.context.vault, interaction_id)
        self.loaded = info
        self.setWindowTitle(_("Edit a contact"))
        for person in info.participants:
            self._add_existing(person.id)
        ui.occurredEdit.setDateTime(to_qdatetime(info.occurred_at))
        ui.kindCombo.setCurrentIndex(ui.kindCombo.findData(info.kind))
        ui.registerCombo.setCurrentIndex(ui.registerCombo.findData(info.register))
        ui.channelCombo.setCurrentIndex(max(ui.channelCombo.findData(info.channel_id), 0))
        ui.processCombo.setCurrentIndex(max(ui.processCombo.findData(info.process_id), 0))
        ui.summaryEdit.setPlainText(info.summary)
        self.rule_combo.setCurrentIndex(self.rule_combo.findData(info.attribution.value))
        self.opening_check.setChecked(info.unexpected_opening)
        self.loaded_event = events.event_of_interaction(self.context.vault, interaction_id)
        self.event_choice.setCurrentIndex(max(self.event_choice.findData(self.loaded_event), 0))
        # Follow-ups and cues have their own lists; a correction changes the contact only.
        ui.followUpBox.hide()
        ui.cueBox.hide()

    # -- set up -------------------------------------------------------------------------

    def _fill_choices(self) -> None:
        ui, vault, now = self.ui, self.context.vault, self.context.now()
        ui.occurredEdit.setDisplayFormat(date_time_format())
        ui.followUpDueEdit.setDisplayFormat(date_format())
        ui.occurredEdit.setDateTime(to_qdatetime(now))
        for kind in InteractionKind:
            ui.kindCombo.addItem(choice_word(kind), kind)
        for register in Register:
            ui.registerCombo.addItem(choice_word(register), register)
        ui.processCombo.addItem(_("(none)"), None)
        for process in processes.list_processes(vault):
            ui.processCombo.addItem(process.name, process.id)
        ui.followUpDueEdit.setDate(to_qdate(today(now) + timedelta(days=7)))
        for cue_kind in readiness.cue_kinds(vault, include_retired=False):
            ui.cueKindCombo.addItem(cue_kind.name, cue_kind.id)
            ui.cueKindCombo.setItemData(
                ui.cueKindCombo.count() - 1, cue_kind.description, Qt.ItemDataRole.ToolTipRole
            )
            self._usual[cue_kind.id] = cue_kind.usual_direction
        ui.cueDirectionCombo.addItem(usual_direction(None), None)
        ui.cueDirectionCombo.addItem(_("Toward readiness"), Direction.TOWARD)
        ui.cueDirectionCombo.addItem(_("Away from readiness"), Direction.AWAY)
        # The report's grade, as on the cue dialog: unknown (F6) until the user says.
        for grade in RELIABILITY_WORDS:
            ui.cueReliabilityCombo.addItem(grade_text(grade, reliability_words(grade)), grade)
        for number in CREDIBILITY_WORDS:
            words = credibility_words(number)
            ui.cueCredibilityCombo.addItem(grade_text(i18n.number(number), words), number)
        ui.cueReliabilityCombo.setCurrentIndex(ui.cueReliabilityCombo.findData("F"))
        ui.cueCredibilityCombo.setCurrentIndex(ui.cueCredibilityCombo.findData(6))
        self._cue_kind_chosen()
        self._refresh_channels()

    def _add_track_two_fields(self) -> None:
        """The attribution rule of what was said, the unexpected-opening mark, the event."""
        self.rule_combo = QComboBox()
        self.rule_combo.setAccessibleName(_("Attribution rule of what was said"))
        self.rule_combo.addItem(_("The participants' default"), None)
        for rule in AttributionRule:
            self.rule_combo.addItem(choice_word(rule), rule.value)
            self.rule_combo.setItemData(
                self.rule_combo.count() - 1, _(EXPLAINED[rule]), Qt.ItemDataRole.ToolTipRole
            )
        self.opening_check = QCheckBox(_("An unexpected &opening: nobody planned it"))
        self.opening_check.setAccessibleName(_("Mark as an unexpected opening"))
        label = QLabel(_("Attri&bution"))
        label.setBuddy(self.rule_combo)
        self.ui.formLayout.addRow(label, self.rule_combo)
        self.ui.formLayout.addRow("", self.opening_check)
        # The event it took place at; a readiness cue logged with it points there too.
        self.event_choice = event_combo(self.context, _("At an event (a cue logged here too)"))
        at = QLabel(_("At &event"))
        at.setBuddy(self.event_choice)
        self.ui.formLayout.addRow(at, self.event_choice)

    def _rule(self) -> AttributionRule | None:
        data = self.rule_combo.currentData()
        return None if data is None else AttributionRule(data)

    def _connect(self) -> None:
        ui = self.ui
        self.picker.picked.connect(lambda actor_id, _name: self._add_existing(actor_id))
        self.picker.submitted.connect(self._typed_name)
        ui.participantEdit.textChanged.connect(
            lambda text: ui.newActorButton.setEnabled(bool(text.strip()))
        )
        ui.newActorButton.clicked.connect(lambda: self._add_new(ui.participantEdit.text().strip()))
        ui.channelCombo.activated.connect(self._channel_chosen)
        ui.cueKindCombo.currentIndexChanged.connect(self._cue_kind_chosen)
        ui.buttonBox.accepted.connect(self.save)
        ui.buttonBox.rejected.connect(self.reject)
        ui.participantList.installEventFilter(self)
        ui.summaryEdit.installEventFilter(self)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.save)
        self.context.vault_locked.connect(self._locked)
        self.context.names_changed.connect(self._names_changed)

        def forget(*_args: object) -> None:
            """A message about what was wrong goes as soon as the user changes anything."""
            show_error(ui.errorLabel, "")

        ui.participantList.model().rowsInserted.connect(forget)
        ui.participantList.model().rowsRemoved.connect(forget)
        ui.participantEdit.textEdited.connect(forget)
        ui.summaryEdit.textChanged.connect(forget)
        ui.occurredEdit.dateTimeChanged.connect(forget)
        for combo in (
            ui.kindCombo,
            ui.registerCombo,
            ui.channelCombo,
            ui.processCombo,
            ui.cueKindCombo,
            ui.cueReliabilityCombo,
            ui.cueCredibilityCombo,
        ):
            combo.currentIndexChanged.connect(forget)
        ui.followUpBox.toggled.connect(forget)
        ui.cueBox.toggled.connect(forget)

    # -- participants -------------------------------------------------------------------

    def participants(self) -> list[int | NewActor]:
        items = (self.ui.participantList.item(i) for i in range(self.ui.participantList.count()))
        return [item.data(PARTICIPANT_ROLE) for item in items]

    def _add_existing(self, actor_id: int) -> None:
        if actor_id in self.participants():
            return
        try:
            actor = actors.get_actor(self.context.vault, actor_id, self.context.now())
        except ContactKeeperError as exc:
            show_error(self.ui.errorLabel, exc.message)
            return
        item = QListWidgetItem()
        item.setData(PARTICIPANT_ROLE, actor_id)
        item.setData(NAMES_ROLE, (actor.display_name, actor.codename, actor.sensitivity))
        self._label(item)
        if actor.status is ActorStatus.DO_NOT_CONTACT:
            item.setData(WARNING_ROLE, True)
        self.ui.participantList.addItem(item)
        self._show_warnings()
        self._refresh_channels()

    def _typed_name(self, text: str) -> None:
        """Enter on a name with no suggestion open: an exact match, or a new actor."""
        hits = actors.similar_names(self.context.vault, text, self.context.now(), limit=5)
        exact = [h for h in hits if h.display_name.casefold() == text.casefold()]
        if len(exact) == 1:
            self.ui.participantEdit.clear()
            self._add_existing(exact[0].id)
        else:
            self._add_new(text)

    def _add_new(self, name: str) -> None:
        if not name:
            return
        similar = self._look_alikes(name)
        item = QListWidgetItem(_("{name} (new actor)").format(name=isolate(name)))
        item.setData(PARTICIPANT_ROLE, NewActor(display_name=name))
        if similar:
            item.setData(WARNING_ROLE, similar)
        self.ui.participantList.addItem(item)
        self.ui.participantEdit.clear()
        self._show_warnings()

    def _show_warnings(self) -> None:
        """A line for each participant in the list that needs a second look, by the names
        that may be shown now; none once they are gone from the list."""
        lines = []
        for row in range(self.ui.participantList.count()):
            item = self.ui.participantList.item(row)
            warning = item.data(WARNING_ROLE)
            who = item.data(PARTICIPANT_ROLE)
            if warning is True and isinstance(who, int):
                display_name, codename, sensitivity = item.data(NAMES_ROLE)
                name = self.context.shown_name(who, display_name, codename, sensitivity)
                lines.append(
                    _(
                        "{name} is marked do-not-contact. Log it if the contact happened "
                        "anyway, and consider why."
                    ).format(name=isolate(name))
                )
            elif warning and isinstance(who, NewActor):
                # Translators: what separates the items of a list ("2 actors, 1 process").
                names = _(", ").join(isolate(self._name_and_codename(s)) for s in warning)
                lines.append(
                    _(
                        "“{name}” looks like {names} already in the vault. If it is the same "
                        "person, select the new entry, press Delete, and pick them instead."
                    ).format(name=isolate(who.display_name), names=names)
                )
        show_error(self.ui.similarLabel, "\n".join(lines))

    def _name_and_codename(self, actor: actors.ActorSummary) -> str:
        name = self.context.shown_name(
            actor.id, actor.display_name, actor.codename, actor.sensitivity
        )
        return actor.codename if name == actor.codename else f"{name} ({actor.codename})"

    def _label(self, item: QListWidgetItem) -> None:
        """An existing participant's line: the name shown, and the codename beside it."""
        names = item.data(NAMES_ROLE)
        actor_id = item.data(PARTICIPANT_ROLE)
        if not isinstance(actor_id, int) or names is None:
            return
        display_name, codename, sensitivity = names
        name = self.context.shown_name(actor_id, display_name, codename, sensitivity)
        item.setText(codename if name == codename else f"{name} · {codename}")

    def _names_changed(self) -> None:
        if not self.context.unlocked:
            return
        for row in range(self.ui.participantList.count()):
            self._label(self.ui.participantList.item(row))
        self._show_warnings()
        self._refresh_channels()
        self._guard_summary()

    def _guard_summary(self) -> None:
        """In privacy mode a summary already written is hidden (and kept as it was)."""
        edit = self.ui.summaryEdit
        if self.context.privacy:
            if self._kept_summary is None and edit.toPlainText().strip():
                self._kept_summary = edit.toPlainText()
                edit.clear()
                edit.setReadOnly(True)
                edit.setPlaceholderText(_(HIDDEN))
        elif self._kept_summary is not None:
            edit.setReadOnly(False)
            edit.setPlaceholderText(self._summary_placeholder)
            edit.setPlainText(self._kept_summary)
            self._kept_summary = None

    def summary(self) -> str:
        """The summary to save: what is typed, or the one privacy mode keeps hidden."""
        if self._kept_summary is not None:
            return self._kept_summary
        return self.ui.summaryEdit.toPlainText()

    def _look_alikes(self, name: str) -> list[actors.ActorSummary]:
        """Actors whose names look like ``name``: same word starts, or near spellings."""
        return actors.similar_names(self.context.vault, name, self.context.now(), limit=3)

    def _remove_selected(self) -> None:
        row = self.ui.participantList.currentRow()
        if row < 0:
            return
        self.ui.participantList.takeItem(row)
        self._show_warnings()
        self._refresh_channels()

    def _refresh_reporters(self) -> None:
        """Who reported the cue: one of the participants (by the names that may be shown)."""
        combo = self.ui.cueReporterCombo
        chosen = combo.currentData()
        combo.clear()
        combo.addItem(_(REPORTED_BY_DEFAULT), None)
        for row in range(self.ui.participantList.count()):
            item = self.ui.participantList.item(row)
            actor_id, names = item.data(PARTICIPANT_ROLE), item.data(NAMES_ROLE)
            if isinstance(actor_id, int) and names is not None:
                combo.addItem(self.context.shown_name(actor_id, *names), actor_id)
        combo.setCurrentIndex(max(combo.findData(chosen), 0))

    def _refresh_channels(self) -> None:
        self._refresh_reporters()
        combo = self.ui.channelCombo
        chosen = combo.currentData()
        combo.clear()
        combo.addItem(_("(not recorded)"), None)
        self._channels.clear()
        for who in self.participants():
            if isinstance(who, int):
                for channel in channels.list_channels(self.context.vault, who, self.context.now()):
                    text = self.context.shown_detail(
                        channel.actor_id,
                        channel.actor_sensitivity,
                        self.context.shown_text(channel.label),
                    )
                    label = f" — {text}" if text else ""
                    combo.addItem(channel.chain(self.context.shown_name) + label, channel.id)
                    self._channels[channel.id] = channel
        index = combo.findData(chosen)
        if index <= 0 and self._channels:  # nothing chosen yet: the channel used last
            latest = max(
                self._channels.values(),
                key=lambda c: (c.last_used_at is not None, c.last_used_at or 0, c.id),
            )
            if latest.last_used_at is not None:
                index = combo.findData(latest.id)
        combo.setCurrentIndex(max(index, 0))

    def _cue_kind_chosen(self) -> None:
        usual = self._usual.get(self.ui.cueKindCombo.currentData())
        self.ui.cueDirectionCombo.setItemText(0, usual_direction(usual))

    def _channel_chosen(self) -> None:
        """Word passed through an intermediary is the usual kind on an indirect channel."""
        channel = self._channels.get(self.ui.channelCombo.currentData())
        kind = self.ui.kindCombo
        if channel is not None and channel.indirect and kind.currentIndex() == 0:
            kind.setCurrentIndex(kind.findData(InteractionKind.VIA_INTERMEDIARY))

    # -- saving -------------------------------------------------------------------------

    def save(self) -> None:
        if self.logged is not None:  # saved already (a second Enter on the way out)
            return
        ui = self.ui
        leftover = ui.participantEdit.text().strip()
        if leftover:  # typed but not added (Tab instead of Enter): add it now
            before = len(self.participants())
            self._typed_name(leftover)
            if any(isinstance(p, NewActor) for p in self.participants()[before:]):
                show_error(
                    ui.errorLabel,
                    _(
                        "“{name}” is not in the vault yet, so it was added as a new actor. "
                        "Check the participants, then save again."
                    ).format(name=isolate(leftover)),
                )
                return
        occurred = from_qdatetime(ui.occurredEdit.dateTime())
        process_id = ui.processCombo.currentData()
        follow_up = None
        if ui.followUpBox.isChecked():
            follow_up = NewFollowUp(ui.followUpEdit.text(), from_qdate(ui.followUpDueEdit.date()))
        cue = None
        if ui.cueBox.isChecked():
            if ui.cueKindCombo.currentData() is None:
                show_error(ui.errorLabel, _("Readiness cue: choose what kind of signal it was."))
                return
            cue = NewCue(
                kind_id=ui.cueKindCombo.currentData(),
                observed_on=today(occurred),
                direction=ui.cueDirectionCombo.currentData(),
                strength=ui.cueStrengthCombo.value(),
                reliability=str(ui.cueReliabilityCombo.currentData()),
                credibility=int(ui.cueCredibilityCombo.currentData()),
                reported_by_id=ui.cueReporterCombo.currentData(),
                note=ui.cueNoteEdit.text(),
            )
        if self.interaction_id is not None:
            self._save_changes()
            return
        try:
            with self.context.writing(self):
                self.logged = interactions.log_interaction(
                    self.context.vault,
                    occurred_at=occurred,
                    kind=ui.kindCombo.currentData(),
                    participants=self.participants(),
                    register=ui.registerCombo.currentData(),
                    summary=self.summary(),
                    channel_id=ui.channelCombo.currentData(),
                    process_id=process_id,
                    follow_up=follow_up,
                    cue=cue,
                    attribution=self._rule(),
                    unexpected_opening=self.opening_check.isChecked(),
                    event_id=self.event_choice.currentData(),
                )
        except ContactKeeperError as exc:
            show_error(ui.errorLabel, exc.message)
            return
        self.context.status.emit(_("Contact logged."))
        self.accept()

    def _save_changes(self) -> None:
        ui = self.ui
        if any(isinstance(p, NewActor) for p in self.participants()):
            show_error(
                ui.errorLabel,
                _("Participants: create new actors from the Actors list first, then add them."),
            )
            return
        assert self.interaction_id is not None
        occurred = from_qdatetime(ui.occurredEdit.dateTime())
        if self.loaded is not None and ui.occurredEdit.dateTime() == to_qdatetime(
            self.loaded.occurred_at
        ):
            occurred = self.loaded.occurred_at  # not changed: kept exactly, to the microsecond
        try:
            with self.context.writing(self):
                self.logged = interactions.update_interaction(
                    self.context.vault,
                    self.interaction_id,
                    occurred_at=occurred,
                    kind=ui.kindCombo.currentData(),
                    register=ui.registerCombo.currentData(),
                    summary=self.summary(),
                    participant_ids=[p for p in self.participants() if isinstance(p, int)],
                    channel_id=ui.channelCombo.currentData(),
                    process_id=ui.processCombo.currentData(),
                )
                rule = self._rule()
                if rule is not None and rule is not self.logged.attribution:
                    attribution.set_interaction_rule(self.context.vault, self.interaction_id, rule)
                if self.event_choice.currentData() != self.loaded_event:
                    events.link_interaction(
                        self.context.vault, self.interaction_id, self.event_choice.currentData()
                    )
                if self.opening_check.isChecked() != self.logged.unexpected_opening:
                    reviews.mark_unexpected_opening(
                        self.context.vault, self.interaction_id, self.opening_check.isChecked()
                    )
        except ContactKeeperError as exc:
            show_error(ui.errorLabel, exc.message)
            return
        self.context.status.emit(_("Contact corrected."))
        self.accept()

    # -- keys ---------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            key, mods = event.key(), event.modifiers()
            enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if (
                watched is self.ui.summaryEdit
                and enter
                and mods & Qt.KeyboardModifier.ControlModifier
            ):
                self.save()
                return True
            if watched is self.ui.participantList and key in (
                Qt.Key.Key_Delete,
                Qt.Key.Key_Backspace,
            ):
                self._remove_selected()
                return True
        return super().eventFilter(watched, event)

    def _locked(self) -> None:
        self.ui.participantList.clear()
        self.ui.summaryEdit.clear()
        self._kept_summary = None
        self.ui.channelCombo.clear()
        self.ui.processCombo.clear()
        self.ui.followUpEdit.clear()
        self.ui.cueNoteEdit.clear()
        self.ui.cueReporterCombo.clear()
        show_error(self.ui.similarLabel, "")
        show_error(self.ui.errorLabel, "")
        self.reject()
