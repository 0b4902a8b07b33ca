"""The global search field (Ctrl+K): results as you type, in a list under the field.

Typing asks :func:`contactkeeper.records.search.search` for the best matches among actors,
processes, interactions, organizations, events, transfers and follow-ups; Up and Down move
through them, Enter or a click opens one, Escape closes the list. The list is a child of the
window (not a separate popup window), so it never takes the keyboard away from the field.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QLineEdit, QListWidget, QListWidgetItem, QWidget

from contactkeeper.errors import ContactKeeperError
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.presentation import short_date
from contactkeeper.i18n import N_, _, isolate
from contactkeeper.records import followups, interactions, search
from contactkeeper.records.search import SearchHit

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_HITS = 20
KIND_LABELS = {
    "actor": N_("Actor"),
    "process": N_("Process"),
    "interaction": N_("Interaction"),
    "organization": N_("Organization"),
    "event": N_("Event"),
    "transfer": N_("Transfer to track one"),
    "follow_up": N_("Follow-up"),
}
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def _title(hit: SearchHit) -> str:
    """The hit's title, an interaction's day in the short form used everywhere else."""
    dated = ("interaction", "transfer", "follow_up")
    found = ISO_DAY.match(hit.title) if hit.kind in dated else None
    if found is None:
        return hit.title
    return short_date(date.fromisoformat(found.group())) + hit.title[found.end() :]


class SearchPopup(QListWidget):
    """The list of hits under the search field."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("searchPopup")
        self.setAccessibleName(_("Search results"))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the field keeps the keyboard
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setUniformItemSizes(True)
        self.hide()

    def show_hits(self, hits: list[SearchHit], query: str) -> None:
        self.clear()
        for hit in hits:
            kind = _(KIND_LABELS[hit.kind]) if hit.kind in KIND_LABELS else hit.kind
            title = _title(hit)
            item = QListWidgetItem(f"{title}\n{kind} · {hit.subtitle}".rstrip(" ·"))
            item.setData(HIT_ROLE, hit)
            # Translators: a search result's tooltip: its kind and its title.
            item.setToolTip(_("{kind}: {title}").format(kind=kind, title=isolate(title)))
            self.addItem(item)
        if any(hit.among_recent for hit in hits):
            self._say(search.among_recent_note(isolate(query)))
        if not hits:
            self._say(_("Nothing matches “{query}”.").format(query=isolate(query)))
        else:
            self.setCurrentRow(0)

    def _say(self, text: str) -> None:
        """A line of the list that is not a hit: it cannot be chosen."""
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.addItem(item)

    def current_hit(self) -> SearchHit | None:
        item = self.currentItem()
        hit = item.data(HIT_ROLE) if item is not None else None
        return hit if isinstance(hit, SearchHit) else None

    def step(self, step: int) -> None:
        if self.count() and self.current_hit() is not None:
            self.setCurrentRow(max(0, min(self.count() - 1, self.currentRow() + step)))


class SearchField(QLineEdit):
    """The field; ``opened(kind, id)`` says which record the user chose."""

    opened = Signal(str, int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("searchField")
        self.setPlaceholderText(
            _("Search names, codenames, notes…  ({keys})").format(keys="Ctrl+K")
        )
        self.setAccessibleName(_("Search everything"))
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(320)
        self.popup: SearchPopup | None = None
        self.hits: list[SearchHit] = []
        self.textEdited.connect(self.search_for)
        self.returnPressed.connect(self.open_current)
        context.vault_locked.connect(self.reset)
        context.names_changed.connect(self._names_changed)

    def _popup(self) -> SearchPopup:
        if self.popup is None:
            self.popup = SearchPopup(self.window())
            self.popup.itemClicked.connect(self._clicked)
            self.window().installEventFilter(self)
        return self.popup

    # -- searching ------------------------------------------------------------------------

    def search_for(self, text: str) -> None:
        popup = self._popup()
        if not text.strip() or not self.context.unlocked:
            self.hits = []
            popup.hide()
            return
        try:
            self.hits = search.search(
                self.context.vault,
                text,
                limit=MAX_HITS,
                name=self.context.shown_name,  # a real name finds the actor, shown by codename
                hide_text=self.context.privacy,
            )
        except ContactKeeperError as exc:
            self.hits = []
            self.context.status.emit(exc.message)
        if not self.hits and not search.match_expression(text):
            popup.hide()
            return
        popup.show_hits(self.hits, text.strip())
        self._place()
        popup.show()
        popup.raise_()

    def _names_changed(self) -> None:
        """Privacy mode or a reveal changed which names may be shown: search again."""
        if self.popup is not None and self.popup.isVisible():
            self.search_for(self.text())

    def _place(self) -> None:
        popup = self._popup()
        window = self.window()
        below = self.mapTo(window, QPoint(0, self.height()))
        width = max(self.width(), 420)
        left = min(below.x(), max(0, window.width() - width))
        rows = max(1, min(popup.count(), 8))
        height = rows * popup.sizeHintForRow(0) + 2 * popup.frameWidth() + 4
        popup.setGeometry(left, below.y() + 2, width, min(height, window.height() - below.y()))

    # -- choosing -------------------------------------------------------------------------

    def open_current(self) -> None:
        popup = self._popup()
        hit = popup.current_hit() if popup.isVisible() else None
        if hit is None and self.hits:
            hit = self.hits[0]
        if hit is not None:
            self.open_hit(hit)

    def _clicked(self, item: QListWidgetItem) -> None:
        hit = item.data(HIT_ROLE)
        if isinstance(hit, SearchHit):
            self.open_hit(hit)

    def open_hit(self, hit: SearchHit) -> None:
        """Show the record: an actor's, a process's, an event's or an organization's page;
        for an interaction, the page of its first participant; for a transfer, the transfer
        log at its row."""
        self.reset()
        self.clearFocus()
        if hit.kind == "actor":
            self.context.open_actor.emit(hit.id)
        elif hit.kind == "process":
            self.context.open_process.emit(hit.id)
        elif hit.kind == "event":
            self.context.open_event.emit(hit.id)
        elif hit.kind == "transfer":
            self.context.open_transfer.emit(hit.id)
        elif hit.kind == "interaction":
            try:
                info = interactions.get_interaction(self.context.vault, hit.id)
            except ContactKeeperError as exc:
                self.context.status.emit(exc.message)
                return
            if info.participants:
                self.context.open_actor.emit(info.participants[0].id)
        elif hit.kind == "organization":
            self.context.open_organization.emit(hit.id)
        elif hit.kind == "follow_up":
            self._open_follow_up(hit.id)
        self.opened.emit(hit.kind, hit.id)

    def _open_follow_up(self, follow_up_id: int) -> None:
        """A follow-up's page is its actor's, process's, event's or transfer's."""
        try:
            page = followups.page_of(self.context.vault, follow_up_id)
        except ContactKeeperError as exc:
            self.context.status.emit(exc.message)
            return
        if page is None:
            self.context.status.emit(_("This follow-up is not tied to any record; see Today."))
            return
        kind, record_id = page
        signals = {
            "actor": self.context.open_actor,
            "process": self.context.open_process,
            "event": self.context.open_event,
            "transfer": self.context.open_transfer,
        }
        signals[kind].emit(record_id)

    def reset(self) -> None:
        """Forget the query and the hits (after opening one, and when the vault locks), and
        the typing too: Ctrl+Z must not bring an old query back."""
        self.setText("")
        self.hits = []
        if self.popup is not None:
            self.popup.clear()
            self.popup.hide()

    # -- keys -----------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        popup = self.popup
        if popup is not None and popup.isVisible():
            if event.key() == Qt.Key.Key_Down:
                popup.step(1)
                return
            if event.key() == Qt.Key.Key_Up:
                popup.step(-1)
                return
            if event.key() == Qt.Key.Key_Escape:
                self.reset()
                return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: object) -> None:
        super().focusOutEvent(event)  # type: ignore[arg-type]
        if self.popup is not None:
            self.popup.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        popup = self.popup
        if event.type() == QEvent.Type.Resize and popup is not None and popup.isVisible():
            self._place()
        return super().eventFilter(watched, event)
