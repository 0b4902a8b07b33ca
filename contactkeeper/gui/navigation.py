"""Where the user came from: the places passed through on the way to a record's page.

The workspace notes the place it leaves each time it opens an actor's or a process's page;
when the record on screen is gone (deleted), it goes back to the last place that still
exists instead of leaving the user on an empty page. Places hold ids only, never names.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

View = Literal["section", "actor", "process"]


@dataclass(frozen=True)
class Place:
    view: View
    id: int  # the section's row, or the actor's or process's id


class History:
    LIMIT = 50

    def __init__(self) -> None:
        self._places: list[Place] = []

    def push(self, place: Place) -> None:
        if not self._places or self._places[-1] != place:
            self._places.append(place)
            del self._places[: -self.LIMIT]

    def pop(self) -> Place | None:
        return self._places.pop() if self._places else None

    def forget(self, place: Place) -> None:
        """``place`` no longer exists: never go back there."""
        self._places = [p for p in self._places if p != place]

    def clear(self) -> None:
        self._places.clear()
