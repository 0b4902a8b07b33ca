"""Back and Forward through the pages visited, as in a browser.

The main window records each page it shows (Today, Actors, an actor's page, a process's
page, ...) as a :class:`Place`; Back (Alt+Left, the mouse's back button) returns to the one
before, Forward goes on again. Visiting a new page after going back drops the pages ahead.
The history holds ids of records, never their text, and is cleared when the vault locks.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

LIMIT = 100


@dataclass(frozen=True)
class Place:
    """A page: a section of the sidebar, or the page of one actor, process or
    organization."""

    section: int
    actor_id: int | None = None
    process_id: int | None = None
    organization_id: int | None = None


class History(QObject):
    # Back or Forward became possible or impossible.
    changed = Signal()

    def __init__(self, parent: QObject | None = None, *, limit: int = LIMIT) -> None:
        super().__init__(parent)
        self.limit = limit
        self._places: list[Place] = []
        self._at = -1

    @property
    def current(self) -> Place | None:
        return self._places[self._at] if self._places else None

    @property
    def can_go_back(self) -> bool:
        return self._at > 0

    @property
    def can_go_forward(self) -> bool:
        return 0 <= self._at < len(self._places) - 1

    def visit(self, place: Place) -> None:
        """``place`` is now shown (the same page again is not a new step)."""
        if place == self.current:
            return
        del self._places[self._at + 1 :]
        self._places.append(place)
        del self._places[: max(0, len(self._places) - self.limit)]
        self._at = len(self._places) - 1
        self.changed.emit()

    def back(self) -> Place | None:
        """The page before (None at the start)."""
        if not self.can_go_back:
            return None
        self._at -= 1
        self.changed.emit()
        return self._places[self._at]

    def forward(self) -> Place | None:
        """The page after (None at the end)."""
        if not self.can_go_forward:
            return None
        self._at += 1
        self.changed.emit()
        return self._places[self._at]

    def forget(self, place: Place) -> Place | None:
        """``place`` no longer exists (its record was deleted): drop it wherever it stands,
        and return the page now current (where the user came from), if any."""
        kept: list[Place] = []
        at = -1
        for index, visited in enumerate(self._places):
            if visited == place or (kept and kept[-1] == visited):
                continue
            kept.append(visited)
            if index <= self._at:
                at = len(kept) - 1
        self._places, self._at = kept, at
        self.changed.emit()
        return self.current

    def clear(self) -> None:
        self._places.clear()
        self._at = -1
        self.changed.emit()
