"""The rows of the actor page's tables: what editing and deleting them does.

A double-click or Enter on a relationship opens the other actor's page (on their name) or
edits the tie; F2 edits a row, Delete deletes it (to the trash, undone with Ctrl+Z), and a
right-click offers the same. A tie saved from its edit dialog can be put back with Ctrl+Z.
``ActorRows`` is the actor page's base: the page builds the tables and says, in
``_editors`` and ``_deletable``, which rows edit and delete how.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu, QTableView, QWidget

from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.records import RelationshipDialog
from contactkeeper.gui.models.lazy_table import LazyTableModel
from contactkeeper.gui.models.record_table import RecordTableModel
from contactkeeper.gui.undo import UndoController
from contactkeeper.i18n import N_, _, isolate
from contactkeeper.records import relationships
from contactkeeper.records.interactions import InteractionInfo
from contactkeeper.records.relationships import RelationshipInfo
from contactkeeper.vault.changes import Kind

# The right-click menu's delete item, by the kind of row.
DELETE_ITEMS = {
    Kind.CHANNEL: N_("&Delete channel…"),
    Kind.RELATIONSHIP: N_("&Delete relationship…"),
    Kind.READINESS_CUE: N_("&Delete readiness cue…"),
    Kind.FOLLOW_UP: N_("&Delete follow-up…"),
    Kind.INTERACTION: N_("&Delete interaction…"),
}


class ActorRows(QWidget):
    """Editing and deleting the rows of the tables an actor's page shows."""

    context: AppContext
    actor_id: int | None
    dialog: QDialog | None
    relationships: RecordTableModel[RelationshipInfo]
    relationship_table: QTableView
    timeline: LazyTableModel[InteractionInfo]
    # How each table's rows are edited, and deleted (the kind, and the row in words).
    _editors: dict[QTableView, Callable[[QModelIndex], None]]
    _deletable: dict[QTableView, tuple[str, Callable[[Any], str]]]

    def _other_name(self, r: RelationshipInfo) -> str:
        shown = self.context.shown_name
        if r.from_actor_id == self.actor_id:
            return shown(r.to_actor_id, r.to_name, r.to_codename, r.to_sensitivity)
        return shown(r.from_actor_id, r.from_name, r.from_codename, r.from_sensitivity)

    def _tie(self, r: RelationshipInfo) -> str:
        """The tie as a sentence in its direction: "Karim Nassar can introduce Layla Haddad"."""
        return r.sentence(self.context.shown_name)

    def _after_dialog(self) -> None:
        self.dialog = None  # what it saved reaches this page on context.changed

    def _relationship_activated(self, index: QModelIndex) -> None:
        """A double-click on the other actor's name opens their page; elsewhere it edits."""
        if index.column() == 0:
            self._open_related(index)
        else:
            self._edit_relationship(index)

    def _open_related(self, index: QModelIndex) -> None:
        tie = self.relationships.row(index)
        if tie is not None:
            other = tie.to_actor_id if tie.from_actor_id == self.actor_id else tie.from_actor_id
            self.context.open_actor.emit(other)

    def _edit_relationship(self, index: QModelIndex) -> None:
        tie = self.relationships.row(index)
        if tie is None or self.actor_id is None:
            return
        dialog = RelationshipDialog.edit(self.context, self.actor_id, tie, self)
        dialog.saved.connect(lambda _: self._relationship_changed(tie))
        self.dialog = dialog
        dialog.open()

    def _relationship_changed(self, before: RelationshipInfo) -> None:
        """Saved from the edit dialog: Ctrl+Z puts the tie back as it was."""
        vault = self.context.vault

        def revert() -> object:
            return relationships.update_relationship(
                vault,
                before.id,
                from_actor_id=before.from_actor_id,
                to_actor_id=before.to_actor_id,
                kind=before.kind,
                strength=before.strength,
                confidence=before.confidence,
                started_on=before.started_on,
                ended_on=before.ended_on,
                source=before.source,
            )

        undo = UndoController.for_context(self.context)
        undo.remember_change("relationship", before.sentence(self.context.shown_name), revert)
        self._after_dialog()

    def row_menu(self, table: QTableView, index: QModelIndex) -> QMenu | None:
        """What a right-click on a row offers: edit, open the other actor, delete."""
        if not index.isValid() or table not in self._deletable:
            return None
        menu = QMenu(self)
        edit = self._editors.get(table)
        if edit is not None:
            action = menu.addAction(_("&Edit…"), lambda: edit(index))
            action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        if table is self.relationship_table:
            tie = self.relationships.row(index)
            if tie is not None:
                # A "&" in the name is a letter, not the key to the item.
                name = isolate(self._other_name(tie).replace("&", "&&"))
                # Translators: a right-click menu item opening the page of the actor named.
                text = _("&Open {name}").format(name=name)
                menu.addAction(text, lambda: self._open_related(index))
        kind = self._deletable[table][0]
        text = _(DELETE_ITEMS[Kind(kind)]) if kind in DELETE_ITEMS else _("&Delete…")
        delete = menu.addAction(text, lambda: self._delete_selected(table))
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        return menu

    def _show_row_menu(self, table: QTableView, pos: QPoint) -> None:
        index = table.indexAt(pos)
        table.setCurrentIndex(index)
        menu = self.row_menu(table, index)
        if menu is not None:
            menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            menu.popup(table.viewport().mapToGlobal(pos))

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

    @staticmethod
    def _small_row(model: Any, index: QModelIndex) -> Any:
        return model.row(index) if isinstance(model, RecordTableModel) else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(watched, QTableView)
            and watched in self._deletable
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
        ):
            edit = self._editors.get(watched)
            key = event.key()
            enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if key == Qt.Key.Key_Delete:
                self._delete_selected(watched)
                return True
            if edit is not None and (
                key == Qt.Key.Key_F2 or (enter and watched is self.relationship_table)
            ):
                if watched.currentIndex().isValid():
                    edit(watched.currentIndex())
                return True
        return super().eventFilter(watched, event)
