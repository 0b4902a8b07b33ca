"""Possible duplicates: pairs of actors that may be one person entered twice.

The list is worked out over the whole vault (:func:`contactkeeper.records.duplicates.
possible_duplicates`) off the UI thread when the view is first shown after an unlock, and
again after a change to actors, their names, channels or affiliations while it is on
screen; meanwhile a line and a progress bar say so. Each row names both actors and says
why they may be one: which spellings matched, and the organizations, phone numbers and
e-mail addresses they share. A double-click (or Enter) opens the actor of the column
clicked, the first actor from the other columns. "Merge…" merges the chosen pair into the
first actor, field by field as the user chooses (:mod:`contactkeeper.gui.dialogs.merge`);
Ctrl+Z takes the merge back.

Privacy mode and high-risk actors follow the context's rule: such an actor goes by codename
and the row leaves out the spellings and what they share.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from contactkeeper import i18n
from contactkeeper.errors import ContactKeeperError
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs import merge
from contactkeeper.gui.models.record_table import Column, RecordTableModel
from contactkeeper.gui.operations import Operation, Progress, run_with_progress
from contactkeeper.gui.refresh import Refresh
from contactkeeper.i18n import N_, _, ngettext, pgettext
from contactkeeper.records import duplicates
from contactkeeper.records.duplicates import Pair
from contactkeeper.vault.changes import Kind

LOOKING = N_("Looking for actors entered twice under other spellings…")
NONE_FOUND = N_("No possible duplicates: no two actors have names that are spellings of one name.")
SECOND_COLUMN = 1


def _shared(pair: Pair) -> str:
    return pgettext("list separator", ", ").join((*pair.organizations, *pair.addresses))


class _Stopped(Exception):
    """The search was asked to stop (the vault locked, the window closed)."""


class DuplicatesView(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model: RecordTableModel[Pair] = RecordTableModel(
            [
                Column(_("Actor"), lambda p: p.first.name),
                Column(_("May be the same person as"), lambda p: p.second.name),
                Column(_("Names"), lambda p: p.spellings, tooltip=lambda p: p.evidence),
                Column(_("Both have"), _shared, tooltip=lambda p: p.evidence),
                # Translators: how alike two actors' names are, out of 100.
                Column(_("Alike"), lambda p: i18n.number(p.score, 0)),
            ],
            self,
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(_("Possible duplicates"))
        self.table.setToolTip(_("Double-click an actor's name to open their page."))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.status = QLabel()
        self.status.setObjectName("duplicatesStatus")
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(_("Looking for possible duplicates"))
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        self.progress.hide()
        self.again = QPushButton(_("&Look again"))
        self.again.setAccessibleName(_("Look for possible duplicates again"))
        self.merge_button = QPushButton(_("&Merge…"))
        self.merge_button.setAccessibleName(_("Merge the chosen pair into one actor"))
        self.merge_button.setToolTip(_("The two are one person: merge them, choosing what to keep"))
        self.merge_button.setEnabled(False)
        self.dialog: merge.MergeDialog | None = None
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.merge_button)
        top.addWidget(self.again)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addWidget(self.table, 1)
        self.loaded = False
        self.operation: Operation | None = None
        self._round = 0  # results of an earlier round (before a lock, a reload) are dropped
        self.refresh = Refresh(
            self,
            context,
            self._refresh,
            {Kind.ACTOR, Kind.CHANNEL, Kind.AFFILIATION, Kind.ORGANIZATION},
        )
        self.table.activated.connect(self._open)
        self.again.clicked.connect(self.reload)
        self.merge_button.clicked.connect(self.merge_chosen)
        self.table.selectionModel().selectionChanged.connect(self._chosen)
        context.vault_opened.connect(self.clear)
        context.vault_locked.connect(self.clear)
        context.names_changed.connect(self._refresh)

    def ensure_loaded(self) -> None:
        if not self.loaded and self.operation is None:
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        self.ensure_loaded()
        super().showEvent(event)

    def reload(self) -> None:
        """Work the list out again in the background; the rows shown stay until then."""
        if not self.context.unlocked:
            self.clear()
            return
        self._round += 1
        this_round = self._round
        vault, withheld = self.context.vault, self.context.names_hidden
        self.status.setText(_(LOOKING))
        self.progress.setRange(0, 0)
        self.progress.show()
        self.again.setEnabled(False)

        def work(progress: Progress) -> list[Pair]:
            def reported(done: int, total: int) -> None:
                if progress.cancelled():  # locked, or the window closed: stop here
                    raise _Stopped
                progress(done, total)

            return duplicates.possible_duplicates(vault, withheld=withheld, progress=reported)

        self.operation = run_with_progress(
            self,
            work,
            lambda pairs: self._done(this_round, pairs),
            lambda exc: self._failed(this_round, exc),
            lambda done, total: self._progressed(this_round, done, total),
        )

    def _progressed(self, this_round: int, done: int, total: int) -> None:
        if this_round == self._round:
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(done)

    def _done(self, this_round: int, pairs: list[Pair]) -> None:
        if this_round != self._round:
            return
        self.operation = None
        self.loaded = True
        self.progress.hide()
        self.again.setEnabled(True)
        self.model.set_rows(pairs)
        self._chosen()
        self.status.setText(
            ngettext(
                "{n} possible duplicate: a pair of actors whose names are spellings of one "
                "name. Double-click a name to open the actor.",
                "{n} possible duplicates: pairs of actors whose names are spellings of one "
                "name. Double-click a name to open the actor.",
                len(pairs),
            ).format(n=i18n.number(len(pairs)))
            if pairs
            else _(NONE_FOUND)
        )
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)

    def _failed(self, this_round: int, exc: Exception) -> None:
        if this_round != self._round or isinstance(exc, _Stopped):
            return  # the vault was locked meanwhile: nothing to say
        self.operation = None
        self.progress.hide()
        self.again.setEnabled(True)
        if not isinstance(exc, ContactKeeperError):
            raise exc
        self.status.setText(exc.message)

    def _refresh(self) -> None:
        if self.loaded:
            self.reload()

    def clear(self) -> None:
        self._round += 1
        if self.operation is not None and shiboken6.isValid(self.operation):
            self.operation.cancel()  # no search goes on in a vault that was locked
        self.operation = None
        self.loaded = False
        self.model.clear()
        self._chosen()
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.reject()
        self.dialog = None
        self.status.setText("")
        self.progress.hide()
        self.again.setEnabled(True)

    def _open(self, index: QModelIndex) -> None:
        pair = self.model.row(index)
        if pair is None:
            return
        side = pair.second if index.column() == SECOND_COLUMN else pair.first
        self.context.open_actor.emit(side.actor_id)

    def _pair(self) -> Pair | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0]) if rows else None

    def _chosen(self) -> None:
        self.merge_button.setEnabled(self._pair() is not None)

    def merge_chosen(self) -> None:
        """Merge the chosen pair (the second into the first), as the user chooses."""
        pair = self._pair()
        if pair is not None:
            if self.dialog is not None and shiboken6.isValid(self.dialog):
                self.dialog.deleteLater()  # an earlier one, closed
            self.dialog = merge.merge_actors(
                self.context, pair.first.actor_id, pair.second.actor_id, self
            )
