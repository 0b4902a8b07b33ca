"""One organization on one page: a ministry, a party, an armed group, an NGO, a family, a
tribe, a company. Its members over time (those now, and those who left, each with their
role and dates), the relationships of its members, the processes they take part in, and the
organization's own details (kind, country, part of the official track, notes).

Members are added, corrected (role, dates) and ended here; a correction or an ending is
undone with Ctrl+Z; Ctrl+L logs a contact with the member selected. A double-click on a
member, on either side of a tie, or on a process opens its page. The page is reached from
search, from an actor's affiliations and from the map.

Privacy: an affiliation identifies a person as surely as their name, so a member whose name
is hidden (everyone in privacy mode, a high-risk actor until revealed) is not listed beside
the organization, nor are their ties and processes here; the page says how many are left
out. The notes are free text, hidden in privacy mode.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import shiboken6
from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from contactkeeper import i18n
from contactkeeper.errors import ContactKeeperError, RecordNotFound
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.affiliations import AffiliationEditDialog, MemberDialog
from contactkeeper.gui.enum_words import capitalized, word
from contactkeeper.gui.models.record_table import Column, RecordTableModel
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
from contactkeeper.i18n import N_, _, isolate, ngettext
from contactkeeper.records import organizations
from contactkeeper.records.actors import AffiliationInfo
from contactkeeper.records.organizations import (
    MemberInfo,
    MemberProcess,
    OrganizationInfo,
    OrganizationOverview,
)
from contactkeeper.records.relationships import RelationshipInfo
from contactkeeper.vault.changes import Changes, Kind
from contactkeeper.vault.model import OrganizationKind, Sensitivity

SHOWS = frozenset(
    {
        Kind.ORGANIZATION,
        Kind.AFFILIATION,
        Kind.ACTOR,
        Kind.RELATIONSHIP,
        Kind.PARTICIPANT,
        Kind.PROCESS,
    }
)
NOTES_PLACEHOLDER = N_("What you know of this organization: saved with Save details.")


def _counted(title: str, count: int) -> str:
    """A tab or caption with how many rows it lists: "&Members (4)"."""
    # Translators: a tab or caption and how many rows it lists.
    return _("{title} ({count})").format(title=title, count=i18n.number(count))


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


class OrganizationPage(QWidget):
    """The page of one organization."""

    # The organization shown (its id) is no longer in the vault.
    gone = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.organization_id: int | None = None
        self.data: OrganizationOverview | None = None
        self.dialog: QDialog | None = None
        self._build()
        self._last_table = self.current_table
        self._connect()
        self.clear()

    # -- layout -------------------------------------------------------------------------

    def _build(self) -> None:
        self.name_label = QLabel()
        self.name_label.setObjectName("pageTitle")  # its font: ui/style.qss
        self.name_label.setAccessibleName(_("Organization name"))
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts_label = QLabel()
        self.facts_label.setAccessibleName(_("Organization summary"))
        self.facts_label.setWordWrap(True)
        self.add_button = QPushButton(_("Add a &member…"))
        self.add_button.setAccessibleName(_("Add a member to this organization"))
        self.edit_button = QPushButton(_("&Edit affiliation…"))
        self.edit_button.setAccessibleName(_("Edit the selected member's affiliation"))
        self.end_button = QPushButton(_("E&nd affiliation"))
        self.end_button.setAccessibleName(_("End the selected member's affiliation today"))
        self.end_button.setToolTip(_("The member leaves today: they move to past members"))
        for button in (self.add_button, self.edit_button, self.end_button):
            button.setAutoDefault(False)
        self.message = error_label()
        self.hidden_label = QLabel()
        self.hidden_label.setAccessibleName(_("Members not shown"))
        self.hidden_label.setObjectName("placeholder")
        self.hidden_label.setWordWrap(True)
        self._build_members()
        self._build_ties()
        self._build_details()
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_("Organization sections"))
        self._tab_titles: dict[QWidget, str] = {
            self.members_page: _("&Members"),
            self.tie_table: _("Re&lationships of members"),
            self.process_table: _("&Processes"),
            self.details_page: _("De&tails"),
        }
        for widget, title in self._tab_titles.items():
            self.tabs.addTab(widget, title)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.end_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.name_label)
        layout.addWidget(self.facts_label)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.hidden_label)
        layout.addWidget(self.tabs, 1)

    def _member_columns(self) -> list[Column[MemberInfo]]:
        return [
            Column(_("Member"), self._member_name),
            Column(_("Role"), lambda m: m.role),
            # Translators: a member's start date, when it was never recorded.
            Column(_("Since"), lambda m: day(m.started_on) or _("not known")),
            # Translators: a member's end date, for a member who has not left.
            Column(_("Until"), lambda m: day(m.ended_on) if m.ended_on else _("now")),
            Column(_("Elsewhere now"), self._elsewhere, tooltip=self._elsewhere),
        ]

    def _build_members(self) -> None:
        """Members now, and past members under them."""
        self.current: RecordTableModel[MemberInfo] = RecordTableModel(self._member_columns(), self)
        self.past: RecordTableModel[MemberInfo] = RecordTableModel(self._member_columns(), self)
        self.current_table = _table(_("Members now"))
        self.current_table.setModel(self.current)
        self.past_table = _table(_("Past members"))
        self.past_table.setModel(self.past)
        self.current_caption = QLabel(_("Members now"))
        self.current_caption.setObjectName("sectionTitle")
        self.past_caption = QLabel(_("Past members"))
        self.past_caption.setObjectName("sectionTitle")
        self.members_page = QWidget()
        layout = QVBoxLayout(self.members_page)
        layout.addWidget(self.current_caption)
        layout.addWidget(self.current_table, 1)
        layout.addWidget(self.past_caption)
        layout.addWidget(self.past_table, 1)

    def _build_ties(self) -> None:
        self.ties: RecordTableModel[RelationshipInfo] = RecordTableModel(
            [
                Column(_("Tie"), lambda r: r.sentence(self.context.shown_name)),
                Column(_("Strength"), lambda r: scale_text(r.strength, STRENGTH_WORDS)),
                Column(_("Until"), lambda r: day(r.ended_on) if r.ended_on else _("now")),
            ],
            self,
        )
        self.tie_table = _table(_("Relationships of its members"))
        self.tie_table.setModel(self.ties)
        self.taking_part: RecordTableModel[MemberProcess] = RecordTableModel(
            [
                Column(_("Process"), lambda p: p.process_name),
                Column(_("Phase"), lambda p: word(p.phase)),
                Column(_("Member"), lambda p: self._name(p.actor_id, p, p.sensitivity)),
                Column(_("Role in the process"), lambda p: word(p.role)),
            ],
            self,
        )
        self.process_table = _table(_("Processes its members take part in"))
        self.process_table.setModel(self.taking_part)

    def _build_details(self) -> None:
        """Kind, country, official track and notes, saved with one button."""
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(_("Name"))
        self.kind = QComboBox()
        self.kind.setAccessibleName(_("Kind of organization"))
        for kind in OrganizationKind:
            self.kind.addItem(word(kind), kind.value)
        self.country = QLineEdit()
        self.country.setAccessibleName(_("Country"))
        self.official = QCheckBox(_("Part of the &official track (track one)"))
        self.official.setToolTip(_("Ideas passed to track one can go to an official organization"))
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(_("Notes on the organization"))
        self.notes.setTabChangesFocus(True)
        self.save_button = QPushButton(_("&Save details"))
        self.save_button.setAutoDefault(False)
        self.details_page = QWidget()
        form = QFormLayout(self.details_page)
        form.addRow(_("Na&me"), self.name_edit)
        form.addRow(_("&Kind"), self.kind)
        form.addRow(_("&Country"), self.country)
        form.addRow("", self.official)
        form.addRow(_("N&otes"), self.notes)
        form.addRow("", self.save_button)

    def _connect(self) -> None:
        self.refresh = Refresh(self, self.context, self.reload, self._shows)
        self.context.vault_locked.connect(self.clear)
        self.context.names_changed.connect(self._names_changed)
        self.add_button.clicked.connect(self.add_member)
        self.edit_button.clicked.connect(self.edit_selected)
        self.end_button.clicked.connect(self.end_selected)
        self.save_button.clicked.connect(self.save_details)
        # ``activated``: a double-click or Enter (not both, each would open it once more).
        self.current_table.activated.connect(lambda i: self._open_member(self.current, i))
        self.past_table.activated.connect(lambda i: self._open_member(self.past, i))
        self.tie_table.activated.connect(self._open_tie)
        self.process_table.activated.connect(self._open_process)
        for table in (self.current_table, self.past_table):
            table.selectionModel().currentRowChanged.connect(
                lambda _c, _p, t=table: self._selected_in(t)
            )

    # -- showing ------------------------------------------------------------------------

    def show_organization(self, organization_id: int) -> None:
        self.organization_id = organization_id
        self.tabs.setCurrentIndex(0)
        self.reload()

    def reload(self) -> None:
        if self.organization_id is None or not self.context.unlocked:
            self.clear()
            return
        self.refresh.fresh()
        on = today(self.context.now())
        try:
            data = organizations.organization_overview(self.context.vault, self.organization_id, on)
        except RecordNotFound:
            organization_id = self.organization_id
            self.clear()
            self.organization_id = organization_id
            show_error(self.message, _("This organization is no longer in the vault."))
            self.gone.emit(organization_id)
            return
        self.data = data
        self._set_enabled(True)
        show_error(self.message, "")
        info = data.info
        self.name_label.setText(info.name)
        self.facts_label.setText(self._facts(data, on))
        shown = [m for m in data.members if not self._hidden(m.actor_id, m.sensitivity)]
        self.current.set_rows([m for m in shown if m.current(on)])
        self.past.set_rows([m for m in shown if not m.current(on)])
        hidden_members = {m.actor_id for m in data.members} - {m.actor_id for m in shown}
        self.hidden_label.setText(
            ngettext(
                "{n} member not listed: their name is hidden ({placeholder}).",
                "{n} members not listed: their names are hidden ({placeholder}).",
                len(hidden_members),
            ).format(n=i18n.number(len(hidden_members)), placeholder=self.context.placeholder())
            if hidden_members
            else ""
        )
        self.hidden_label.setVisible(bool(hidden_members))
        listed = {m.actor_id for m in shown}
        self.ties.set_rows(
            [r for r in data.relationships if self._tie_shown(r, listed, hidden_members)]
        )
        self.taking_part.set_rows([p for p in data.processes if p.actor_id in listed])
        self._show_details(info)
        self._count_tabs()
        table, model = (
            (self.current_table, self.current)
            if self.current.rowCount() or not self.past.rowCount()
            else (self.past_table, self.past)
        )
        if not table.currentIndex().isValid() and model.rowCount():
            table.setCurrentIndex(model.index(0, 0))  # Edit and End act on someone at once
        self._selected_in(table)

    def _facts(self, data: OrganizationOverview, on: date) -> str:
        info = data.info
        now = len({m.actor_id for m in data.current_members(on)})
        before = len(
            {m.actor_id for m in data.past_members(on)}
            - {m.actor_id for m in data.current_members(on)}
        )
        parts = [capitalized(word(info.kind))]
        if info.country:
            parts.append(isolate(info.country))
        if info.official:
            parts.append(_("official track"))
        # Translators: members of an organization now, and those who left ("3 members now,
        # 1 before"); {before} is a number.
        parts.append(
            ngettext(
                "{n} member now, {before} before", "{n} members now, {before} before", now
            ).format(n=i18n.number(now), before=i18n.number(before))
        )
        return " · ".join(parts)

    def _show_details(self, info: OrganizationInfo) -> None:
        if not self.name_edit.hasFocus():
            self.name_edit.setText(info.name)
        self.kind.setCurrentIndex(self.kind.findData(info.kind.value))
        self.country.setText(info.country)
        self.official.setChecked(info.official)
        private = self.context.privacy
        self.notes.setReadOnly(private)
        self.notes.setPlaceholderText(
            self.context.placeholder() if private else _(NOTES_PLACEHOLDER)
        )
        self.notes.setPlainText("" if private else info.notes)

    def _count_tabs(self) -> None:
        counts: dict[QWidget, int] = {
            self.members_page: self.current.rowCount() + self.past.rowCount(),
            self.tie_table: self.ties.rowCount(),
            self.process_table: self.taking_part.rowCount(),
        }
        for widget, title in self._tab_titles.items():
            count = counts.get(widget)
            self.tabs.setTabText(
                self.tabs.indexOf(widget), _counted(title, count) if count else title
            )
        self.past_caption.setText(_counted(_("Past members"), self.past.rowCount()))
        self.current_caption.setText(_counted(_("Members now"), self.current.rowCount()))

    def clear(self) -> None:
        """Forget the organization: no text of any record stays in any widget."""
        self.organization_id = None
        self.data = None
        for label in (self.name_label, self.facts_label, self.hidden_label):
            label.clear()
        self.hidden_label.hide()
        for model in (self.current, self.past, self.ties, self.taking_part):
            model.clear()
        for edit in (self.name_edit, self.country):
            edit.clear()
        self.notes.clear()
        self.official.setChecked(False)
        show_error(self.message, "")
        self._count_tabs()
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.reject()
        self.dialog = None
        self._set_enabled(False)

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.add_button, self.tabs):
            widget.setEnabled(enabled)
        if not enabled:
            self.edit_button.setEnabled(False)
            self.end_button.setEnabled(False)

    def _shows(self, changes: Changes) -> bool:
        return self.organization_id is not None and changes.any_of(SHOWS)

    def _names_changed(self) -> None:
        if self.organization_id is not None:
            self.reload()

    # -- names --------------------------------------------------------------------------

    def _hidden(self, actor_id: int, sensitivity: Sensitivity) -> bool:
        return self.context.names_hidden(actor_id, sensitivity)

    def _name(self, actor_id: int, row: Any, sensitivity: Sensitivity) -> str:
        return self.context.shown_name(actor_id, row.display_name, row.codename, sensitivity)

    def _elsewhere(self, member: MemberInfo) -> str:
        """Where the member is now outside this organization (shown members only)."""
        posts = self.data.elsewhere.get(member.actor_id, ()) if self.data is not None else ()
        return _("; ").join(posts)

    def _member_name(self, member: MemberInfo) -> str:
        return self._name(member.actor_id, member, member.sensitivity)

    def _tie_shown(self, tie: RelationshipInfo, listed: set[int], hidden: set[int]) -> bool:
        """A tie of a listed member, and not one whose other end is a hidden member (that
        would place them in the organization too)."""
        ends = {tie.from_actor_id, tie.to_actor_id}
        return bool(ends & listed) and not ends & hidden

    # -- acting -------------------------------------------------------------------------

    def selected_member(self) -> MemberInfo | None:
        """The member last selected, in either table (members now, or past)."""
        model = self.past if self._last_table is self.past_table else self.current
        return model.row(self._last_table.currentIndex())

    def selected_actor_ids(self) -> list[int]:
        """Whom Ctrl+L logs a contact with: the member selected."""
        member = self.selected_member()
        return [member.actor_id] if member is not None else []

    def _selected_in(self, table: QTableView) -> None:
        self._last_table = table
        member = self.selected_member()
        on = today(self.context.now()) if self.context.unlocked else None
        self.edit_button.setEnabled(member is not None)
        self.end_button.setEnabled(member is not None and on is not None and member.current(on))

    def add_member(self) -> None:
        if self.organization_id is None:
            return
        dialog = MemberDialog(self.context, self.organization_id, self)
        dialog.saved.connect(lambda _: self._after_dialog())
        self.dialog = dialog
        dialog.open()

    def _label(self, member: MemberInfo) -> str:
        name = self._member_name(member)
        if self.data is None:
            return name
        # Translators: a member and the organization, as an undoable change is named
        # ("Layla H. at Ministry of Water").
        return _("{member} at {organization}").format(
            member=isolate(name), organization=isolate(self.data.info.name)
        )

    def _as_affiliation(self, member: MemberInfo) -> AffiliationInfo:
        organization = self.data.info if self.data is not None else None
        return AffiliationInfo(
            member.affiliation_id,
            organization.id if organization is not None else 0,
            organization.name if organization is not None else "",
            member.role,
            member.started_on,
            member.ended_on,
        )

    def edit_selected(self) -> None:
        member = self.selected_member()
        if member is None:
            return
        dialog = AffiliationEditDialog(
            self.context, self._as_affiliation(member), self._label(member), self
        )
        dialog.saved.connect(lambda _: self._after_dialog())
        self.dialog = dialog
        dialog.open()

    def end_selected(self) -> None:
        """The selected member leaves today; Ctrl+Z takes it back."""
        member = self.selected_member()
        if member is None or not self.context.unlocked:
            return
        vault, on = self.context.vault, today(self.context.now())
        try:
            with self.context.writing(self):
                organizations.end_affiliation(vault, member.affiliation_id, on)
        except ContactKeeperError as exc:
            show_error(self.message, exc.message)
            return
        UndoController.for_context(self.context).remember_change(
            Kind.AFFILIATION,
            self._label(member),
            lambda: organizations.update_affiliation(
                vault, member.affiliation_id, member.role, member.started_on, member.ended_on
            ),
        )
        self.reload()

    def save_details(self) -> None:
        """Save the name, kind, country, official flag and notes; Ctrl+Z puts them back."""
        if self.data is None or not self.context.unlocked:
            return
        before = self.data.info
        vault = self.context.vault
        notes = before.notes if self.context.privacy else self.notes.toPlainText()
        try:
            with self.context.writing(self):
                organizations.update_organization(
                    vault,
                    before.id,
                    self.name_edit.text(),
                    OrganizationKind(self.kind.currentData()),
                    self.country.text(),
                    notes,
                )
                organizations.set_official(vault, before.id, self.official.isChecked())
        except ContactKeeperError as exc:
            show_error(self.message, exc.message)
            return

        def revert() -> object:
            organizations.set_official(vault, before.id, before.official)
            return organizations.update_organization(
                vault, before.id, before.name, before.kind, before.country, before.notes
            )

        UndoController.for_context(self.context).remember_change(
            Kind.ORGANIZATION, before.name, revert
        )
        self.context.status.emit(_("The organization's details were saved."))
        self.reload()

    def _after_dialog(self) -> None:
        self.dialog = None  # what it saved reaches this page on context.changed

    def _open_member(self, model: RecordTableModel[MemberInfo], index: QModelIndex) -> None:
        member = model.row(index)
        if member is not None:
            self.context.open_actor.emit(member.actor_id)

    def _open_tie(self, index: QModelIndex) -> None:
        """The other end of the tie: the one who is not a member (else the first)."""
        tie = self.ties.row(index)
        if tie is None or self.data is None:
            return
        members = {m.actor_id for m in self.data.members}
        other = tie.to_actor_id if tie.from_actor_id in members else tie.from_actor_id
        if tie.to_actor_id in members and tie.from_actor_id in members:
            other = tie.from_actor_id
        self.context.open_actor.emit(other)

    def _open_process(self, index: QModelIndex) -> None:
        row = self.taking_part.row(index)
        if row is not None:
            self.context.open_process.emit(row.process_id)
