"""Actors: every person of interest in a sortable, filterable table that loads lazily.

Filters (process, tag, warmth, sensitivity, status) and the search-as-you-type box narrow
the list in the database; clicking a header sorts there too. Enter or a double-click opens
the actor; New actor (Ctrl+N) opens a small form.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
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
from contactkeeper.gui.forms.ui_new_actor import Ui_NewActorDialog
from contactkeeper.gui.models.lazy_table import RECORD_ID_ROLE, Column, LazyTableModel
from contactkeeper.gui.presentation import short_date, today
from contactkeeper.gui.record_words import word
from contactkeeper.gui.refresh import Refresh
from contactkeeper.gui.widgets.warmth_badge import WarmthBadgeDelegate, warmth_word
from contactkeeper.i18n import N_, _, ngettext, pgettext
from contactkeeper.records import actors, processes
from contactkeeper.records.actors import ActorFilter, ActorSummary, NewActor
from contactkeeper.records.warmth import TIER_IDEAL, Warmth, explain, ideal_of
from contactkeeper.vault.changes import Kind
from contactkeeper.vault.model import ActorStatus, Sensitivity, Tier

# What the list shows: actors (their warmth is kept on the actor), their first affiliation,
# and the processes and tags it filters by.
SHOWS = frozenset(
    {Kind.ACTOR, Kind.AFFILIATION, Kind.ORGANIZATION, Kind.TAG, Kind.PROCESS, Kind.PARTICIPANT}
)


def _last_contact(actor: ActorSummary) -> str:
    if actor.last_contact_at is None:
        return _("never")
    return short_date(actor.last_contact_at.astimezone().date())


def actor_columns(context: AppContext) -> list[Column[ActorSummary]]:
    """The list's columns; names go by the context's privacy rule."""

    def name(a: ActorSummary) -> str:
        return context.shown_name(a.id, a.display_name, a.codename, a.sensitivity)

    def affiliation(a: ActorSummary) -> str:  # a title and an organization name a person
        return context.shown_detail(a.id, a.sensitivity, a.affiliation)

    return [
        Column(_("Name"), name, sort_key="display_name"),
        Column(_("Codename"), lambda a: a.codename, sort_key="codename"),
        Column(_("Affiliation"), affiliation, tooltip=affiliation),
        Column(
            _("Last contact"),
            _last_contact,
            sort_key="last_contact_at",
            tooltip=lambda a: a.warmth.label,
        ),
        Column(
            _("Warmth"),
            # The stored word: the badge's delegate picks its colour by it.
            lambda a: warmth_word(a.warmth.warmth.value),
            sort_key="urgency",
            tooltip=lambda a: _why(a, context),
        ),
    ]


WARMTH_COLUMN = 4


def _any() -> str:
    """The first choice of every filter: no filter."""
    # Translators: the first choice of a filter of the actor list (process, tag, warmth...).
    return pgettext("filter", "any")


def _why(actor: ActorSummary, context: AppContext) -> str:
    """Why the actor is warm, cooling or cold, and whether reminders about them are off."""
    day = today(context.now())
    silenced = actor.silenced(day)
    why = explain(actor.warmth, on=day)
    return f"{why}\n{silenced}" if silenced else why


class NewActorDialog(QDialog):
    """A small form for a new actor; ``created(id)`` once it is saved."""

    created = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.ui = Ui_NewActorDialog()
        self.ui.setupUi(self)
        for value in Sensitivity:
            self.ui.sensitivityCombo.addItem(word(value), value)
        for tier in Tier:
            self.ui.tierCombo.addItem(word(tier), tier)
        self.ui.tierCombo.setCurrentIndex(self.ui.tierCombo.findData(Tier.REGULAR))
        self.ui.tierCombo.activated.connect(self._tier_chosen)
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.nameEdit.setFocus()

    def _tier_chosen(self) -> None:
        """The ideal follows the tier (records/warmth.py), unless typed in by hand."""
        if self.ui.cadenceSpin.value() in TIER_IDEAL.values():
            self.ui.cadenceSpin.setValue(ideal_of(self.ui.tierCombo.currentData()))

    def new_actor(self) -> NewActor:
        ui = self.ui
        return NewActor(
            display_name=ui.nameEdit.text(),
            codename=ui.codenameEdit.text().strip() or None,
            sensitivity=Sensitivity(ui.sensitivityCombo.currentData()),
            cadence_days=ui.cadenceSpin.value(),
            tier=Tier(ui.tierCombo.currentData()),
            country=ui.countryEdit.text(),
            notes=ui.notesEdit.toPlainText(),
            tags=[t.strip() for t in ui.tagsEdit.text().split(",") if t.strip()],
            name_variants=[v.strip() for v in ui.variantsEdit.text().split(";") if v.strip()],
        )

    def save(self) -> None:
        try:
            with self.context.writing(self):
                detail = actors.create_actor(
                    self.context.vault, self.new_actor(), self.context.now()
                )
        except ContactKeeperError as exc:
            self.ui.messageLabel.setText(exc.message)
            self.ui.nameEdit.setFocus()
            return
        self.created.emit(detail.id)
        self.accept()


class ActorsView(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("actorsView")
        self.setAccessibleName(_("Actors"))
        self.filters = ActorFilter()
        self.new_actor_dialog: NewActorDialog | None = None

        self._build_filters()
        self._build_table()
        self._lay_out()
        self._connect()

    def _build_filters(self) -> None:
        """The count, the New button, the filter field and the filter choices."""
        self.count_label = QLabel("")
        self.count_label.setObjectName("countLabel")
        self.new_button = QPushButton(_("New actor…"))
        self.new_button.setAccessibleName(_("New actor"))
        self.new_button.setToolTip(_("New actor (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_actor)

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(_("Filter by any name, codename or note…"))
        self.filter_edit.setAccessibleName(_("Filter actors"))
        self.filter_edit.setClearButtonEnabled(True)
        self.process_combo = self._combo(_("Process filter"))
        self.tag_combo = self._combo(_("Tag filter"))
        self.warmth_combo = self._combo(_("Warmth filter"), [(word(w), w) for w in Warmth])
        self.sensitivity_combo = self._combo(
            _("Sensitivity filter"), [(word(s), s) for s in Sensitivity]
        )
        self.status_combo = self._combo(_("Status filter"), [(word(s), s) for s in ActorStatus])

    def _build_table(self) -> None:
        """The lazily loaded table of actors, and the line shown when it is empty."""
        self.model: LazyTableModel[ActorSummary] = LazyTableModel(
            actor_columns(self.context),
            self._fetch,
            self._count,
            fetch_after=self._fetch_after,
            parent=self,
        )
        self.table = QTableView()
        self.table.setObjectName("actorsTable")
        self.table.setAccessibleName(_("Actors"))
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 220), (1, 170), (3, 120), (4, 100)):
            header.resizeSection(column, width)
        self.table.setItemDelegateForColumn(WARMTH_COLUMN, WarmthBadgeDelegate(self))
        self.placeholder = QLabel("")
        self.placeholder.setObjectName("placeholder")
        self.placeholder.setWordWrap(True)
        self.placeholder.hide()

    def _lay_out(self) -> None:
        title = QLabel(_("Actors"))
        title.setObjectName("viewTitle")
        top = QHBoxLayout()
        top.addWidget(title)
        top.addWidget(self.count_label)
        top.addSpacing(16)
        top.addWidget(self.filter_edit, 1)  # beside the title: wide even on a small screen
        top.addSpacing(16)
        top.addWidget(self.new_button)
        filters = QHBoxLayout()
        for label, combo in (
            (N_("&Process"), self.process_combo),
            (N_("Ta&g"), self.tag_combo),
            (N_("&Warmth"), self.warmth_combo),
            (N_("Sens&itivity"), self.sensitivity_combo),
            (N_("Stat&us"), self.status_combo),
        ):
            caption = QLabel(_(label))
            caption.setBuddy(combo)
            filters.addWidget(caption)
            filters.addWidget(combo, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.placeholder)
        self.setFocusProxy(self.table)
        self.setTabOrder(self.filter_edit, self.process_combo)
        self.setTabOrder(self.process_combo, self.tag_combo)
        self.setTabOrder(self.tag_combo, self.warmth_combo)
        self.setTabOrder(self.warmth_combo, self.sensitivity_combo)
        self.setTabOrder(self.sensitivity_combo, self.status_combo)
        self.setTabOrder(self.status_combo, self.table)

    def _connect(self) -> None:
        context = self.context
        self.filter_edit.textChanged.connect(self._filters_changed)
        self.filter_edit.returnPressed.connect(self._open_first)
        for combo in self._combos():
            combo.currentIndexChanged.connect(self._filters_changed)
        self.table.activated.connect(self._open)  # a double-click or Enter, once
        self.model.reloaded.connect(self._show_count)
        self.model.failed.connect(self.context.status.emit)
        context.vault_opened.connect(self._opened)
        context.vault_locked.connect(self.clear)
        self.refresh = Refresh(self, context, self.reload, SHOWS)
        context.privacy_changed.connect(self._privacy_changed)
        context.names_changed.connect(self.model.redraw)

    # -- building -------------------------------------------------------------------------

    def _combo(self, name: str, choices: list[tuple[str, Any]] | None = None) -> QComboBox:
        """A filter's choices, "any" first; ``name`` is its accessible name."""
        combo = QComboBox()
        combo.setAccessibleName(name)
        # As narrow as a few letters on a small screen (a long process name is cut, in full
        # in the open list), wider where there is room.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(6)
        combo.addItem(_any(), None)
        for label, value in choices or []:
            combo.addItem(label, value)
        return combo

    def _combos(self) -> list[QComboBox]:
        return [
            self.process_combo,
            self.tag_combo,
            self.warmth_combo,
            self.sensitivity_combo,
            self.status_combo,
        ]

    def _fill_choices(self) -> None:
        """The processes and tags of this vault, keeping the current choice if it is there."""
        vault = self.context.vault
        for combo, choices in (
            (self.process_combo, [(name, pid) for pid, name in processes.process_names(vault)]),
            (self.tag_combo, [(t, t) for t in actors.all_tags(vault)]),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(_any(), None)
            for label, value in choices:
                combo.addItem(label, value)
            found = combo.findData(current) if current is not None else 0
            combo.setCurrentIndex(max(found, 0))
            combo.blockSignals(False)

    # -- loading --------------------------------------------------------------------------

    def _sort_key(self) -> str:
        """The service's sort; in privacy mode names sort by codename, so that the order of
        the list does not give away the real names it hides."""
        key = self.model.sort_key or "display_name"
        return "codename" if key == "display_name" and self.context.privacy else key

    def _fetch(self, offset: int, limit: int) -> list[ActorSummary]:
        # Only ever from the top: further pages come by key (_fetch_after).
        return self._page(None, limit) if offset == 0 else []

    def _fetch_after(self, last: ActorSummary, limit: int) -> list[ActorSummary]:
        return self._page(last.id, limit)

    def _page(self, after: int | None, limit: int) -> list[ActorSummary]:
        return actors.list_actors(
            self.context.vault,
            self.context.now(),
            filters=self.filters,
            sort=self._sort_key(),
            descending=self.model.descending,
            after=after,
            limit=limit,
        )

    def _privacy_changed(self, _on: bool) -> None:
        if self.context.unlocked:
            self.model.reload()

    def _count(self) -> int:
        return actors.count_actors(self.context.vault, self.context.now(), self.filters)

    def _current_filters(self) -> ActorFilter:
        return ActorFilter(
            process_id=self.process_combo.currentData(),
            tag=self.tag_combo.currentData(),
            warmth=self.warmth_combo.currentData(),
            sensitivity=self.sensitivity_combo.currentData(),
            status=self.status_combo.currentData(),
            text=self.filter_edit.text().strip(),
        )

    def _filters_changed(self) -> None:
        self.filters = self._current_filters()
        if self.context.unlocked:
            self.model.reload(keep_loaded=False)

    def _opened(self) -> None:
        self.reload()

    def reload(self) -> None:
        if not self.context.unlocked:
            self.clear()
            return
        try:
            self._fill_choices()
        except ContactKeeperError as exc:
            self.context.status.emit(exc.message)
        self.filters = self._current_filters()
        self.model.reload()

    def clear(self) -> None:
        """Forget every row, every filter and every choice that names a record (the vault
        was locked): the next vault opens on its whole list."""
        if self.new_actor_dialog is not None:
            self.new_actor_dialog.reject()
        self.model.clear()
        self.filter_edit.blockSignals(True)
        self.filter_edit.clear()
        self.filter_edit.blockSignals(False)
        for combo in (self.process_combo, self.tag_combo):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(_any(), None)
            combo.blockSignals(False)
        for combo in (self.warmth_combo, self.sensitivity_combo, self.status_combo):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.filters = ActorFilter()
        self.count_label.clear()

    def _show_count(self, total: int) -> None:
        filtered = self.filters != ActorFilter()
        count = i18n.number(total)
        self.count_label.setText(
            # Translators: how many actors the filtered list shows.
            ngettext("{n} shown", "{n} shown", total).format(n=count)
            if filtered
            # Translators: how many actors the vault holds (the list is not filtered).
            else ngettext("{n} in all", "{n} in all", total).format(n=count)
        )
        if total == 0 and self.context.unlocked:
            self.placeholder.setText(
                _("No actor matches these filters.")
                if filtered
                else _("No actors yet. Add the first with New actor (Ctrl+N).")
            )
            self.placeholder.show()
        else:
            self.placeholder.hide()

    # -- acting ---------------------------------------------------------------------------

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.context.open_actor.emit(int(index.data(RECORD_ID_ROLE)))

    def _open_first(self) -> None:
        if self.model.rowCount() > 0:
            self.table.selectRow(0)
            self._open(self.model.index(0, 0))

    def selected_actor_ids(self) -> list[int]:
        index = self.table.currentIndex()
        return [self.model.id_at(index.row())] if index.isValid() else []

    def new_actor(self) -> None:
        if not self.context.unlocked:
            return
        if self.new_actor_dialog is not None and self.new_actor_dialog.isVisible():
            self.new_actor_dialog.raise_()
            return
        self.new_actor_dialog = NewActorDialog(self.context, self)
        self.new_actor_dialog.created.connect(self._created)
        self.new_actor_dialog.open()

    def _created(self, actor_id: int) -> None:
        self.refresh.catch_up()  # the new actor is in the list even if it was not on screen
        row = self.model.row_of(actor_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
