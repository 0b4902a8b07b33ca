"""Pick an actor by typing a fragment of any of their names, in any script, or a codename.

``ActorCompleter`` attaches to any line edit (forms made in Designer use plain QLineEdits):
the search service feeds its suggestions as the user types, each actor named by the
context's privacy rule (a real name finds a hidden actor, shown by codename). Choosing one
(mouse, or arrow keys and Enter) emits ``picked(actor_id, name shown)`` and empties the
field; Enter with no suggestion open emits ``submitted(text)``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QCompleter, QLineEdit, QWidget

from contactkeeper.errors import ContactKeeperError
from contactkeeper.gui.context import AppContext
from contactkeeper.i18n import _
from contactkeeper.records import search

ID_ROLE = Qt.ItemDataRole.UserRole + 1
NAME_ROLE = Qt.ItemDataRole.UserRole + 2


class ActorCompleter(QObject):
    picked = Signal(int, str)
    submitted = Signal(str)

    def __init__(self, context: AppContext, edit: QLineEdit) -> None:
        super().__init__(edit)
        self.context = context
        self.edit = edit
        if not edit.placeholderText():
            edit.setPlaceholderText(_("Type a name (any script) or a codename"))
        edit.setClearButtonEnabled(True)
        self.suggestions = QStandardItemModel(self)
        self.completer = QCompleter(self.suggestions, self)
        self.completer.setWidget(edit)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setMaxVisibleItems(8)
        self._popup().setAccessibleName(_("Matching actors"))
        # The stubs type the overloaded signal as one; [QModelIndex] picks the index overload.
        self.completer.activated[QModelIndex].connect(self._chosen)  # type: ignore[index]
        edit.textEdited.connect(self._suggest)
        edit.installEventFilter(self)
        context.vault_locked.connect(self.reset)
        context.names_changed.connect(self._forget_suggestions)

    def _popup(self) -> QAbstractItemView:
        popup = self.completer.popup()
        assert popup is not None  # QCompleter makes its list on the first ask
        return popup

    def popup_visible(self) -> bool:
        return self._popup().isVisible()

    def reset(self) -> None:
        self._popup().hide()
        self.suggestions.clear()
        self.edit.clear()

    def _forget_suggestions(self) -> None:
        """Which names may be shown changed: suggestions made before are stale."""
        self._popup().hide()
        self.suggestions.clear()

    def _suggest(self, text: str) -> None:
        self.suggestions.clear()
        if not text.strip() or not self.context.unlocked:
            self._popup().hide()
            return
        try:
            hits = search.search(
                self.context.vault,
                text,
                limit=10,
                kinds=("actor",),
                name=self.context.shown_name,
            )
        except ContactKeeperError:
            hits = []
        for hit in hits:
            item = QStandardItem(f"{hit.title} · {hit.subtitle}" if hit.subtitle else hit.title)
            item.setData(hit.id, ID_ROLE)
            item.setData(hit.title, NAME_ROLE)
            self.suggestions.appendRow(item)
        if hits:
            self.completer.complete()
            self._popup().setCurrentIndex(self.suggestions.index(0, 0))
        else:
            self._popup().hide()

    def _chosen(self, index: QModelIndex | QPersistentModelIndex) -> None:
        actor_id = index.data(ID_ROLE)
        if actor_id is None:
            return
        name = str(index.data(NAME_ROLE))
        self._popup().hide()
        self.suggestions.clear()
        self.edit.clear()
        self.picked.emit(int(actor_id), name)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.edit
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.edit.text().strip()
            and not self.popup_visible()
        ):
            self.submitted.emit(self.edit.text().strip())
            return True
        return super().eventFilter(watched, event)


class ActorPicker(QLineEdit):
    """A line edit that picks an actor (for dialogs built in code)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actor_completer = ActorCompleter(context, self)
        self.picked = self.actor_completer.picked
        self.submitted = self.actor_completer.submitted
