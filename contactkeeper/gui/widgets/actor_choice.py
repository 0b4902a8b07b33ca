"""One actor chosen in a form: a picker to type a name into, and the name chosen under it.

``ActorChoice`` is what the record dialogs use for "with whom" and "who": typing suggests
actors (``ActorPicker``), choosing one shows their name on the line below and keeps their
id; ``chosen(actor_id, name)`` says so. ``actor_id`` is None until someone is chosen.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from contactkeeper.gui.context import AppContext
from contactkeeper.gui.widgets.actor_picker import ActorPicker
from contactkeeper.i18n import N_, _

NOBODY = N_("(nobody chosen yet)")


class ActorChoice(QWidget):
    chosen = Signal(int, str)

    def __init__(
        self,
        context: AppContext,
        accessible: str,
        *,
        nobody: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.actor_id: int | None = None
        self.name = ""
        self.nobody = _(NOBODY) if nobody is None else nobody
        self.picker = ActorPicker(context)
        self.picker.setAccessibleName(accessible)
        self.label = QLabel(self.nobody)
        # Translators: the accessible name of the line showing whom a picker chose.
        self.label.setAccessibleName(_("{field}: chosen").format(field=accessible))
        self.label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.picker)
        layout.addWidget(self.label)
        self.setFocusProxy(self.picker)
        self.picker.picked.connect(self.choose)

    def setPlaceholderText(self, text: str) -> None:
        self.picker.setPlaceholderText(text)

    def choose(self, actor_id: int, name: str) -> None:
        """``actor_id`` is the one chosen now, shown as ``name``."""
        self.actor_id = actor_id
        self.name = name
        self.label.setText(name)
        self.chosen.emit(actor_id, name)

    def reset(self) -> None:
        """Nobody chosen, nothing typed."""
        self.actor_id = None
        self.name = ""
        self.picker.clear()
        self.label.setText(self.nobody)
