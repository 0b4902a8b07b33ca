"""One actor on one page: profile, warmth, channels, timeline, relationships, ways in (the
best paths from you, and whom this actor alone carries you to), readiness cues, follow-ups
and notes. Under the name, the actor's current role and affiliation and the processes they
take part in (a high-risk actor's affiliations are hidden with the name).

The profile is edited in place (``ActorForm``) and the notes too; every change is saved at
once through the services. Names follow the context's privacy rule: a hidden name shows the
codename (with "Show name…" for a high-risk actor outside privacy mode), and in privacy mode
notes, summaries and other free text are hidden. Deleting asks first and can be undone
(Ctrl+Z); so can "Merge with…", which merges another actor that is the same person into
this one. The page reloads when a record it shows changes elsewhere (when it is next shown,
if hidden) and empties itself when the vault locks; when its actor is gone it says so
(``gone``), and the window goes back.

Rows of the tables open with a double-click or Enter (channels and contacts to edit them,
relationships: the other actor's name to open their page, elsewhere to edit the tie;
affiliations: the organization's page, F2 corrects one); F2
edits, Delete deletes, and a right-click offers the same.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
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

from contactkeeper import i18n
from contactkeeper.errors import ContactKeeperError, RecordNotFound
from contactkeeper.exchange.team import sharing
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.affiliations import AffiliationEditDialog
from contactkeeper.gui.dialogs.log import LogDialog
from contactkeeper.gui.dialogs.merge import ChooseOtherDialog
from contactkeeper.gui.dialogs.records import (
    AffiliationDialog,
    ChannelDialog,
    FollowUpDialog,
    RelationshipDialog,
    edit_cue,
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
from contactkeeper.gui.record_words import capitalized, word
from contactkeeper.gui.refresh import Refresh
from contactkeeper.gui.undo import UndoController
from contactkeeper.gui.views.actor_rows import ActorRows
from contactkeeper.gui.widgets.actor_form import ActorForm
from contactkeeper.gui.widgets.actor_reminders import RemindersButton
from contactkeeper.gui.widgets.actor_roles import ActorRoles
from contactkeeper.gui.widgets.actor_standing import ActorStanding
from contactkeeper.gui.widgets.paths_panel import PathsPanel
from contactkeeper.gui.widgets.tables import give_room_to
from contactkeeper.gui.widgets.warmth_badge import WarmthBadge, describe
from contactkeeper.i18n import N_, _, isolate, ngettext, pgettext
from contactkeeper.records import (
    actors,
    channels,
    followups,
    interactions,
    organizations,
    processes,
    readiness,
    relationships,
    warmth_queries,
)
from contactkeeper.records.actors import ActorDetail, AffiliationInfo
from contactkeeper.records.channels import ChannelInfo
from contactkeeper.records.followups import FollowUpInfo
from contactkeeper.records.interactions import InteractionInfo, JournalFilter
from contactkeeper.records.readiness import CueInfo
from contactkeeper.records.relationships import RelationshipInfo
from contactkeeper.records.warmth import explain
from contactkeeper.vault.changes import Changes, Kind
from contactkeeper.vault.model import ActorStatus, Sensitivity

AFFILIATIONS = N_("Affiliations over time")
# What the page shows of an actor: the profile and tags, affiliations, channels (named by
# their intermediaries), the timeline, ties, readiness cues and follow-ups (with processes).
SHOWS = frozenset(
    {
        Kind.ACTOR,
        Kind.TAG,
        Kind.AFFILIATION,
        Kind.ORGANIZATION,
        Kind.CHANNEL,
        Kind.INTERACTION,
        Kind.RELATIONSHIP,
        Kind.READINESS_CUE,
        Kind.CUE_KIND,
        Kind.FOLLOW_UP,
        Kind.PROCESS,
        Kind.SETTING,  # which relationships count as a way in
    }
)
# The dialogs that add a record to the actor on the page: made with (context, actor id, parent).
ActorDialogType = type[ChannelDialog | RelationshipDialog | AffiliationDialog | FollowUpDialog]


def _until_now() -> str:
    # Translators: the end of an affiliation that has not ended ("Until: now").
    return pgettext("until", "now")


def _dated(what: str, moment: str) -> str:
    """A row named by what it is and when (in the question before deleting it)."""
    # Translators: a readiness cue or a contact, and its date: "leadership change, 2 Dec 2026".
    return _("{what}, {date}").format(what=what, date=moment)


def _facts(detail: ActorDetail) -> str:
    """The line under the name: sensitivity, status, tier and cadence, last contact, country."""
    # Translators: {tier} is "inner circle", "regular" or "occasional"; {most} is a number
    # of days (after it the actor is cold).
    cadence = ngettext(
        "{tier}: ideal every {ideal} day, at most {most}",
        "{tier}: ideal every {ideal} days, at most {most}",
        detail.cadence_days,
    ).format(
        tier=word(detail.tier),
        ideal=i18n.number(detail.cadence_days),
        most=i18n.number(detail.warmth.max_days),
    )
    last = when(detail.last_contact_at) or _("never")
    parts = [
        capitalized(word(detail.sensitivity)),
        word(detail.status),
        cadence,
        # Translators: when the actor was last contacted: "last contact 2 Dec 2026, 14:05".
        _("last contact {when}").format(when=last),
    ]
    if detail.country:
        parts.append(isolate(detail.country))
    return " · ".join(parts)


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


class ActorPage(ActorRows):
    # The actor shown (its id) is no longer in the vault.
    gone = Signal(int)

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
        self._build_header()
        self._build_actions()
        profile = self._build_profile()
        self._build_channels()
        self._build_timeline()
        self._build_relationships()
        self._build_cues()
        self._build_follow_ups()
        self._build_notes()
        self._build_tabs(profile)
        self._lay_out()

    def _build_header(self) -> None:
        """The name, codename, warmth, sensitivity and the one-line summary of contact."""
        self.name_label = QLabel()
        self.name_label.setObjectName("pageTitle")  # its font: ui/style.qss
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name_label.setAccessibleName(_("Actor name"))
        self.codename_label = QLabel()
        self.codename_label.setAccessibleName(_("Codename"))
        self.codename_label.setObjectName("codename")
        self.reveal_button = QPushButton(_("Show &name…"))
        self.reveal_button.setAccessibleName(_("Show the real name"))
        self.reveal_button.setToolTip(_("High-risk: the real name shows after the passphrase"))
        self.reveal_button.setAutoDefault(False)
        self.reveal_button.hide()
        self.badge = WarmthBadge()
        self.sensitivity_chip = QLabel()
        self.sensitivity_chip.setAccessibleName(_("Sensitivity"))
        self.facts_label = QLabel()
        self.facts_label.setAccessibleName(_("Contact summary"))
        self.facts_label.setWordWrap(True)
        # Says plainly when reminders about the actor are silenced (do not contact, snooze).
        self.silenced_label = QLabel()
        self.silenced_label.setObjectName("silencedNotice")
        self.silenced_label.setAccessibleName(_("Reminders silenced"))
        self.silenced_label.setWordWrap(True)
        self.silenced_label.hide()
        self.roles = ActorRoles()
        self.message = error_label()

    def _build_actions(self) -> None:
        """The buttons that add to the actor (and delete it)."""
        self.log_button = QPushButton(_("&Log a contact…"))
        self.log_button.setToolTip(_("Log a contact with this actor (Ctrl+L logs with anyone)"))
        self.channel_button = QPushButton(_("Add &channel…"))
        self.relationship_button = QPushButton(_("Add &relationship…"))
        self.affiliation_button = QPushButton(_("Add a&ffiliation…"))
        self.follow_up_button = QPushButton(_("Add follo&w-up…"))
        self.merge_button = QPushButton(_("&Merge…"))
        self.merge_button.setToolTip(_("This actor and another are one person: merge them"))
        self.delete_button = QPushButton(_("&Delete actor…"))
        self.reminders_button = RemindersButton(self.context)
        for button, name in (
            (self.log_button, _("Log a contact with this actor")),
            (self.channel_button, _("Add a channel to this actor")),
            (self.relationship_button, _("Add a relationship")),
            (self.affiliation_button, _("Add an affiliation")),
            (self.follow_up_button, _("Add a follow-up")),
            (self.merge_button, _("Merge this actor with another")),
            (self.delete_button, _("Delete this actor")),
        ):
            button.setAccessibleName(name)
            button.setAutoDefault(False)

    def _build_profile(self) -> QScrollArea:
        """The Profile tab: the actor's form and their affiliations over time."""
        self.form = ActorForm(self.context)
        self.affiliations: RecordTableModel[AffiliationInfo] = RecordTableModel(
            [
                Column(_("Organization"), lambda a: a.organization),
                Column(_("Role"), lambda a: a.role),
                Column(_("Since"), lambda a: day(a.started_on)),
                Column(_("Until"), lambda a: day(a.ended_on) if a.ended_on else _until_now()),
            ],
            self,
        )
        self.affiliation_table = _table(_(AFFILIATIONS))
        self.affiliation_table.setModel(self.affiliations)

        profile_page = QWidget()
        profile_layout = QVBoxLayout(profile_page)
        profile_layout.addWidget(self.form)
        self.affiliation_caption = QLabel(_(AFFILIATIONS))
        profile_layout.addWidget(self.affiliation_caption)
        profile_layout.addWidget(self.affiliation_table)
        self.standing = ActorStanding(self.context)
        profile_layout.addWidget(self.standing)
        # What colleagues sent: shown only for an actor some of whose values came in a
        # bundle, or lost one in a merge.
        self.provenance_caption = QLabel(_("From colleagues"))
        self.provenance_label = QLabel()
        self.provenance_label.setWordWrap(True)
        self.provenance_label.setTextFormat(Qt.TextFormat.PlainText)
        self.provenance_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        profile_layout.addWidget(self.provenance_caption)
        profile_layout.addWidget(self.provenance_label)
        self._show_provenance(None)
        # The profile is long: it scrolls on a small screen.
        profile = QScrollArea()
        profile.setWidget(profile_page)
        profile.setWidgetResizable(True)
        profile.setFrameShape(QFrame.Shape.NoFrame)
        profile.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return profile

    def _build_channels(self) -> None:
        self.channels: RecordTableModel[ChannelInfo] = RecordTableModel(
            [
                Column(_("Way"), lambda c: c.chain(self.context.shown_name)),
                Column(_("Label"), self._channel_label),
                Column(_("Trust"), lambda c: scale_text(c.trust, TRUST_WORDS)),
                Column(
                    _("Warmth"),
                    lambda c: describe(c.warmth),
                    lambda c: c.why_warmth(self.context.shown_name),
                ),
                Column(_("Sensitivity"), lambda c: word(c.sensitivity)),
            ],
            self,
        )
        self.channel_table = _table(_("Channels"))
        self.channel_table.setModel(self.channels)

    def _build_timeline(self) -> None:
        """Every contact with the actor, newest first, read a page at a time."""
        self.timeline: LazyTableModel[InteractionInfo] = LazyTableModel(
            [
                LazyColumn(_("When"), lambda i: when(i.occurred_at)),
                LazyColumn(_("Kind"), lambda i: word(i.kind)),
                LazyColumn(_("Register"), lambda i: word(i.register)),
                LazyColumn(_("With"), self._others),
                LazyColumn(_("Channel"), self._interaction_channel),
                LazyColumn(
                    _("Summary"),
                    lambda i: self.context.shown_text(i.summary.replace("\n", " ")),
                    tooltip=lambda i: self.context.shown_text(i.summary),
                ),
            ],
            self._fetch_timeline,
            self._count_timeline,
            page_size=100,
            parent=self,
        )
        self.timeline_table = _table(_("Interaction timeline, newest first"))
        self.timeline_table.setModel(self.timeline)

    def _build_relationships(self) -> None:
        self.relationships: RecordTableModel[RelationshipInfo] = RecordTableModel(
            [
                Column(_("With"), self._other_name),
                Column(_("Tie"), self._tie),
                Column(_("Strength"), lambda r: scale_text(r.strength, STRENGTH_WORDS)),
                Column(_("Confidence"), lambda r: scale_text(r.confidence, CONFIDENCE_WORDS)),
                Column(_("Source"), lambda r: self.context.shown_text(r.source)),
            ],
            self,
        )
        self.relationship_table = _table(_("Relationships"))
        self.relationship_table.setModel(self.relationships)

    def _build_cues(self) -> None:
        self.cues: RecordTableModel[CueInfo] = RecordTableModel(
            [
                Column(_("Observed"), lambda c: day(c.observed_on)),
                Column(_("Signal"), lambda c: c.kind_name),
                Column(_("Direction"), lambda c: word(c.direction)),
                Column(_("Strength"), lambda c: scale_text(c.strength, STRENGTH_WORDS)),
                Column(_("Grade"), lambda c: c.grade, tooltip=lambda c: c.why()),
                Column(_("Process"), lambda c: c.process_name),
                Column(_("Note"), lambda c: self.context.shown_text(c.note)),
            ],
            self,
        )
        self.cue_table = _table(_("Readiness cues"))
        self.cue_table.setModel(self.cues)

    def _build_follow_ups(self) -> None:
        self.follow_ups: RecordTableModel[FollowUpInfo] = RecordTableModel(
            [
                Column(_("Due"), lambda f: day(f.due_on)),
                Column(_("Task"), lambda f: self.context.shown_text(f.title)),
                Column(_("State"), self._follow_up_state),
            ],
            self,
        )
        self.follow_up_table = _table(_("Follow-ups"))
        self.follow_up_table.setModel(self.follow_ups)

        # The text of each table (what was said, a note, a source) gets the spare width.
        for table, text_column in (
            (self.timeline_table, 5),
            (self.relationship_table, 4),
            (self.cue_table, 6),
            (self.follow_up_table, 1),
        ):
            give_room_to(table, text_column)

    def _build_notes(self) -> None:
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(_("Notes"))
        self.notes.setPlaceholderText(_("Notes are saved as soon as you leave this field."))
        self.notes.setTabChangesFocus(True)

    def _build_tabs(self, profile: QWidget) -> None:
        """One tab per section, in the order a practitioner reads them."""
        self.paths = PathsPanel(self.context)
        self.paths.answered.connect(self._count_tabs)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_("Actor sections"))
        self._tab_titles: dict[QWidget, str] = {
            self.timeline_table: _("&Timeline"),
            self.channel_table: _("C&hannels"),
            profile: _("&Profile"),
            self.relationship_table: _("Relation&ships"),
            self.paths: _("&Ways in"),
            self.cue_table: _("Readiness c&ues"),
            self.follow_up_table: _("F&ollow-ups"),
            self.notes: _("&Notes"),
        }
        for widget, title in self._tab_titles.items():
            self.tabs.addTab(widget, title)

    def _lay_out(self) -> None:
        """The header line (with Merge and Delete, apart from the buttons that add), the
        summary, the buttons, the message, then the tabs. The buttons that add take one row
        to themselves: in French they are a third longer than in English, and the page must
        still fit a 1024-pixel screen."""
        header = QHBoxLayout()
        header.addWidget(self.name_label)
        header.addWidget(self.reveal_button)
        header.addWidget(self.badge)
        header.addWidget(self.sensitivity_chip)
        header.addStretch(1)
        header.addWidget(self.codename_label)
        header.addWidget(self.merge_button)
        header.addWidget(self.delete_button)
        buttons = QHBoxLayout()
        for button in (
            self.log_button,
            self.channel_button,
            self.relationship_button,
            self.affiliation_button,
            self.follow_up_button,
            self.reminders_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.roles)
        layout.addWidget(self.facts_label)
        layout.addWidget(self.silenced_label)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)

    def _connect(self) -> None:
        context = self.context
        self.refresh = Refresh(self, context, self.reload, self._shows)
        context.vault_locked.connect(self.clear)
        context.names_changed.connect(self._names_changed)
        self.reveal_button.clicked.connect(self.reveal_name)
        self.roles.process_activated.connect(context.open_process.emit)
        self.log_button.clicked.connect(self.log_contact)
        self.channel_button.clicked.connect(lambda: self._open(ChannelDialog))
        self.relationship_button.clicked.connect(lambda: self._open(RelationshipDialog))
        self.affiliation_button.clicked.connect(lambda: self._open(AffiliationDialog))
        self.follow_up_button.clicked.connect(lambda: self._open(FollowUpDialog))
        self.delete_button.clicked.connect(self.delete_actor)
        self.merge_button.clicked.connect(self.merge_with)
        # ``activated`` is a double-click or Enter (a single click where the platform says
        # so): also connecting ``doubleClicked`` would open everything twice.
        self.channel_table.activated.connect(self._edit_channel)
        self.timeline_table.activated.connect(self._edit_interaction)
        self.relationship_table.activated.connect(self._relationship_activated)
        self.cue_table.activated.connect(self._edit_cue)
        self.affiliation_table.activated.connect(self._open_organization)
        self._editors: dict[QTableView, Callable[[QModelIndex], None]] = {
            self.cue_table: self._edit_cue,
            self.channel_table: self._edit_channel,
            self.timeline_table: self._edit_interaction,
            self.relationship_table: self._edit_relationship,
        }
        self.notes.installEventFilter(self)
        self._deletable: dict[QTableView, tuple[str, Callable[[Any], str]]] = {
            self.channel_table: (Kind.CHANNEL, lambda c: c.chain(self.context.shown_name)),
            self.relationship_table: (Kind.RELATIONSHIP, lambda r: self._tie(r)),
            self.cue_table: (
                Kind.READINESS_CUE,
                lambda c: _dated(c.kind_name, day(c.observed_on)),
            ),
            self.follow_up_table: (Kind.FOLLOW_UP, lambda f: self.context.shown_text(f.title)),
            self.timeline_table: (
                Kind.INTERACTION,
                lambda i: _dated(word(i.kind), when(i.occurred_at)),
            ),
        }
        for table in self._deletable:
            table.installEventFilter(self)
            table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            table.customContextMenuRequested.connect(
                lambda pos, t=table: self._show_row_menu(t, pos)
            )
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
        self.refresh.fresh()
        vault, now = self.context.vault, self.context.now()
        try:
            detail = actors.get_actor(vault, self.actor_id, now)
        except RecordNotFound:
            actor_id = self.actor_id
            self.clear()
            self.actor_id = actor_id
            show_error(
                self.message, _("This actor is no longer in the vault (Ctrl+Z undoes a delete).")
            )
            self.gone.emit(actor_id)
            return
        self.detail = detail
        self._set_enabled(True)
        self.standing.show_actor(detail.id)
        show_error(self.message, "")
        hidden = self.context.names_hidden(detail.id, detail.sensitivity)
        self.name_label.setText(detail.codename if hidden else detail.display_name)
        # Translators: shown beside a hidden name's codename, to say what it is.
        self.codename_label.setText(_("codename") if hidden else detail.codename)
        self.reveal_button.setVisible(
            hidden and detail.sensitivity is Sensitivity.HIGH_RISK and not self.context.privacy
        )
        why = explain(
            detail.warmth,
            warmth_queries.warmth_histories(vault, [detail.id])[detail.id],
            on=today(now),
        )
        self.badge.show_reading(detail.warmth, why)
        self._show_sensitivity(detail)
        self.facts_label.setText(_facts(detail))
        self.facts_label.setToolTip(why)
        silenced = detail.silenced(today(now))
        self.silenced_label.setText(
            _("Reminders are silenced. {why}").format(why=silenced) if silenced else ""
        )
        self.silenced_label.setVisible(bool(silenced))
        self.reminders_button.show_actor(detail)
        self.form.load(detail, names_hidden=hidden)
        self._show_roles(detail)
        self.channels.set_rows(channels.list_channels(vault, detail.id, now))
        self.timeline.reload(keep_loaded=False)
        self.relationships.set_rows(relationships.relationships_of(vault, detail.id))
        self.cues.set_rows(readiness.list_cues(vault, actor_id=detail.id))
        self.follow_ups.set_rows(
            followups.list_follow_ups(vault, include_done=True, actor_id=detail.id)
        )
        self.paths.show_actor(detail.id)
        self._count_tabs()
        self._show_notes(detail)
        self._show_provenance(detail)

    def _show_roles(self, detail: ActorDetail) -> None:
        """Role, affiliation and processes under the name; a high-risk actor's affiliations
        (here and in the Profile tab) are hidden whenever the name is."""
        hidden = self.context.affiliation_hidden(detail.id, detail.sensitivity)
        # Titles and organizations name a person as surely as the name: withheld with it.
        self.affiliations.set_rows(() if hidden else detail.affiliations)
        self.affiliation_caption.setText(
            # Translators: {hidden} says that the affiliations are hidden (privacy).
            _("Affiliations over time ({hidden})").format(hidden=self.context.placeholder())
            if hidden
            else _(AFFILIATIONS)
        )
        self.affiliation_button.setEnabled(not hidden)
        self.roles.show_roles(
            detail.affiliations,
            processes.processes_of(self.context.vault, detail.id),
            today(self.context.now()),
            hidden=self.context.placeholder() if hidden else None,
        )

    def _show_provenance(self, detail: ActorDetail | None) -> None:
        """Which of the actor's values a colleague sent, and what merges replaced or lost;
        nothing in privacy mode or while the name is hidden (old values name a person)."""
        lines: list[str] = []
        if detail is not None and not (
            self.context.privacy or self.context.names_hidden(detail.id, detail.sensitivity)
        ):
            vault = self.context.vault
            lines = sharing.record_provenance(vault, detail.uuid)
            history = [entry.line for entry in sharing.record_history(vault, detail.uuid)]
            if history:
                lines += [_("Replaced or lost in merges:"), *history]
        self.provenance_label.setText("\n".join(lines))
        self.provenance_caption.setVisible(bool(lines))
        self.provenance_label.setVisible(bool(lines))

    def _show_notes(self, detail: ActorDetail) -> None:
        """The notes, editable; in privacy mode, or while a high-risk actor's name is hidden
        (notes identify a person as surely), hidden behind a placeholder, read-only."""
        private = self.context.privacy or self.context.names_hidden(detail.id, detail.sensitivity)
        self.notes.setReadOnly(private)
        self.notes.setPlaceholderText(
            self.context.placeholder()
            if private
            else _("Notes are saved as soon as you leave this field.")
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
        shown = [word(detail.sensitivity)] if detail.sensitivity in colours else []
        if detail.status is ActorStatus.DO_NOT_CONTACT:
            shown.append(_("do not contact"))
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
            self.paths: len(self.paths.paths),
        }
        for widget, title in self._tab_titles.items():
            count = counts.get(widget)
            shown = (
                # Translators: a tab's title and how many rows it holds: "C&hannels (3)".
                _("{title} ({count})").format(title=title, count=i18n.number(count))
                if count
                else title
            )
            self.tabs.setTabText(self.tabs.indexOf(widget), shown)

    def clear(self) -> None:
        """Forget the actor: no text of any record stays in any widget."""
        self.actor_id = None
        self.detail = None
        self.standing.show_actor(None)
        for label in (self.name_label, self.codename_label, self.facts_label, self.silenced_label):
            label.clear()
        self.facts_label.setToolTip("")
        self.silenced_label.hide()
        self.reminders_button.show_actor(None)
        self.affiliation_caption.setText(_(AFFILIATIONS))
        self.roles.clear()
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
        self.paths.clear()
        self.notes.clear()
        self.notes.document().setModified(False)
        self._show_provenance(None)
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
            self.reminders_button,
            self.merge_button,
            self.delete_button,
            self.tabs,
        ):
            widget.setEnabled(enabled)

    def _shows(self, changes: Changes) -> bool:
        return self.actor_id is not None and changes.any_of(SHOWS)

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

    def _channel_label(self, channel: ChannelInfo) -> str:
        """A channel's label (a phone number, an address) is a detail of its actor."""
        label = self.context.shown_text(channel.label)
        return self.context.shown_detail(channel.actor_id, channel.actor_sensitivity, label)

    def _interaction_channel(self, info: InteractionInfo) -> str:
        people = [(p.id, p.sensitivity) for p in info.participants]
        return self.context.shown_detail_among(people, self.context.shown_text(info.channel_label))

    def _others(self, info: InteractionInfo) -> str:
        """Who else took part, by the names they may be shown by."""
        shown = self.context.shown_name
        return pgettext("list separator", ", ").join(
            shown(p.id, p.display_name, p.codename, p.sensitivity)
            for p in info.participants
            if p.id != self.actor_id
        )

    def _follow_up_state(self, f: FollowUpInfo) -> str:
        if f.done:
            return pgettext("follow-up", "done")
        if f.overdue(today(self.context.now())):
            return pgettext("follow-up", "overdue")
        return pgettext("follow-up", "open")

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

    def _open(self, dialog_type: ActorDialogType) -> None:
        if self.actor_id is None:
            return
        dialog = dialog_type(self.context, self.actor_id, self)
        dialog.saved.connect(lambda _: self._after_dialog())
        self.dialog = dialog
        dialog.open()

    def delete_actor(self) -> None:
        if self.detail is not None:
            detail = self.detail
            name = self.context.shown_name(
                detail.id, detail.display_name, detail.codename, detail.sensitivity
            )
            UndoController.for_context(self.context).discard(Kind.ACTOR, detail.id, name, self)

    def merge_with(self) -> None:
        """Choose the actor that is the same person as this one, then merge them here."""
        if self.detail is not None:
            detail = self.detail
            name = self.context.shown_name(
                detail.id, detail.display_name, detail.codename, detail.sensitivity
            )
            dialog = ChooseOtherDialog(self.context, detail.id, name, self)
            self.dialog = dialog
            dialog.open()

    def _edit_channel(self, index: QModelIndex) -> None:
        channel = self.channels.row(index)
        if channel is not None:
            dialog = ChannelDialog.edit(self.context, channel, self)
            dialog.saved.connect(lambda _: self._after_dialog())
            self.dialog = dialog
            dialog.open()

    def _edit_cue(self, index: QModelIndex) -> None:
        cue = self.cues.row(index)
        if cue is not None:
            self.dialog = edit_cue(self.context, cue, self)

    def _edit_interaction(self, index: QModelIndex) -> None:
        if index.isValid():
            info = self.timeline.row_at(index.row())
            self.dialog = LogDialog.edit(self.context, info.id, self)
            self.dialog.open()

    def _save_notes(self) -> None:
        if (
            self.detail is None
            or not self.context.unlocked
            or not self.notes.document().isModified()
        ):
            return
        try:
            with self.context.writing(self):
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
        self._show_notes(self.detail)  # as saved (trimmed); nothing else on the page changed

    def _open_organization(self, index: QModelIndex) -> None:
        affiliation = self.affiliations.row(index)
        if affiliation is not None:
            self.context.open_organization.emit(affiliation.organization_id)

    def _edit_affiliation(self) -> None:
        """F2: correct the affiliation's role and dates, or end it (Ctrl+Z undoes)."""
        affiliation = self.affiliations.row(self.affiliation_table.currentIndex())
        if affiliation is None:
            return
        dialog = AffiliationEditDialog(self.context, affiliation, affiliation.organization, self)
        dialog.saved.connect(lambda _: self._after_dialog())
        self.dialog = dialog
        dialog.open()

    def _remove_affiliation(self) -> None:
        affiliation = self.affiliations.row(self.affiliation_table.currentIndex())
        if affiliation is None:
            return
        question = _(
            "Remove the affiliation with {organization}? Affiliations do not go to the trash: "
            "this cannot be undone. (To keep the history, add it again with an end date.)"
        ).format(organization=isolate(affiliation.organization))
        undo = UndoController.for_context(self.context)
        if not undo.confirm(self, _("Remove affiliation"), question):
            return
        with self.context.writing(self):
            organizations.delete_affiliation(self.context.vault, affiliation.id)
        self.reload()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.notes and event.type() == QEvent.Type.FocusOut:
            self._save_notes()
        elif (
            watched is self.affiliation_table
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_F2)
        ):
            if event.key() == Qt.Key.Key_F2:
                self._edit_affiliation()
            else:
                self._remove_affiliation()
            return True
        return super().eventFilter(watched, event)

    def hideEvent(self, event: Any) -> None:
        self._save_notes()
        super().hideEvent(event)
