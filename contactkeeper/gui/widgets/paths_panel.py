"""How can I reach this actor, and whom do they carry me to: a panel of the actor page.

The best few paths from the practitioner (``network.paths_to``) read as chains,
``you -> Fr. Pavel (warm) -> Bishop Nikolai -> Dmitri S.``, each with the reason for its
ranking in its tooltip. One click logs a contact along the chosen path (the log dialog with
the first intermediary filled in, kind "passed through an intermediary") or keeps the path
as an indirect channel of the actor. Below, whom this actor alone carries you to
(``network.reached_through``): a double-click opens that actor's page.

Names follow the context's rule (codenames in privacy mode, high-risk actors by codename);
the reasons, which may quote a channel's label, are left out in privacy mode, and for every
hop to an actor whose name is hidden.
"""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contactkeeper.errors import ContactKeeperError
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.log import LogDialog
from contactkeeper.gui.presentation import error_label, show_error
from contactkeeper.records import channels, network
from contactkeeper.records.network import Path
from contactkeeper.vault.model import ChannelKind, InteractionKind, Sensitivity

PATHS_SHOWN = 3
ACTOR_ROLE = Qt.ItemDataRole.UserRole + 1
NO_PATH = (
    "No way in known: add a channel, or a relationship of someone you reach who can "
    "introduce this person."
)


def why(path: Path, *, private: bool, withheld: Collection[int] = ()) -> str:
    """The tooltip of a path: its weakest hop, each hop's score, and (outside privacy
    mode) each hop's reason, but for hops to the ``withheld`` actors (a reason may quote
    their channel's label, which names them as surely as their name)."""
    if not private and not withheld:
        return path.why()
    weakest = path.weakest
    lines = [
        f"{'*' if h.score == weakest else ' '} {h.name}: {h.score}/5"
        + ("" if private or h.actor_id in withheld else f", {h.reason}")
        for h in path.hops
    ]
    return "\n".join([f"As good as its weakest hop ({weakest}/5):", *lines])


class PathsPanel(QWidget):
    """Ways in to one actor, and whom they carry you to."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.actor_id: int | None = None
        self.paths: list[Path] = []
        self.reached: list[tuple[int, str]] = []
        self.dialog: LogDialog | None = None

        self.caption = QLabel("Best ways from you to this actor")
        self.caption.setObjectName("sectionTitle")
        self.path_list = QListWidget()
        self.path_list.setAccessibleName("Ways in, best first")
        self.path_list.setWordWrap(True)
        self.empty = QLabel(NO_PATH)
        self.empty.setWordWrap(True)
        self.empty.setObjectName("placeholder")
        self.log_button = QPushButton("Log a contact &along this path…")
        self.log_button.setAccessibleName("Log a contact along the selected path")
        self.log_button.setToolTip(
            "Opens the log with the first intermediary, as word passed through them"
        )
        self.save_button = QPushButton("Keep as a c&hannel")
        self.save_button.setAccessibleName("Keep the selected path as a channel")
        self.save_button.setToolTip(
            "Add the path to this actor's channels, its intermediaries in order"
        )
        for button in (self.log_button, self.save_button):
            button.setAutoDefault(False)
        self.message = error_label()
        self.reached_caption = QLabel("Whom only this actor carries you to")
        self.reached_caption.setObjectName("sectionTitle")
        self.reached_list = QListWidget()
        self.reached_list.setAccessibleName("Actors reached only through this actor")

        buttons = QHBoxLayout()
        buttons.addWidget(self.log_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.path_list, 2)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.reached_caption)
        layout.addWidget(self.reached_list, 1)

        self.path_list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.path_list.itemActivated.connect(lambda _item: self.log_along())
        self.log_button.clicked.connect(self.log_along)
        self.save_button.clicked.connect(self.keep_as_channel)
        self.reached_list.itemActivated.connect(self._open_reached)
        self.clear()

    # -- showing ------------------------------------------------------------------------

    def show_actor(self, actor_id: int) -> None:
        self.actor_id = actor_id
        self.reload()

    def reload(self) -> None:
        if self.actor_id is None or not self.context.unlocked:
            self.clear()
            return
        vault, now = self.context.vault, self.context.now()
        withheld: set[int] = set()

        def rule(actor_id: int, display_name: str, codename: str, sensitivity: Sensitivity) -> str:
            if self.context.names_hidden(actor_id, sensitivity):
                withheld.add(actor_id)
            return self.context.shown_name(actor_id, display_name, codename, sensitivity)

        try:
            self.paths = network.paths_to(vault, self.actor_id, now, limit=PATHS_SHOWN, name=rule)
            self.reached = network.reached_through(vault, self.actor_id, now, name=rule)
        except ContactKeeperError as exc:
            show_error(self.message, exc.message)
            return
        show_error(self.message, "")
        private = self.context.privacy
        current = max(self.path_list.currentRow(), 0)
        self.path_list.clear()
        for path in self.paths:
            item = QListWidgetItem(path.chain())
            item.setToolTip(why(path, private=private, withheld=withheld))
            self.path_list.addItem(item)
        self.empty.setVisible(not self.paths)
        self.path_list.setVisible(bool(self.paths))
        if self.paths:
            self.path_list.setCurrentRow(min(current, len(self.paths) - 1))
        self.reached_list.clear()
        for actor_id, name in self.reached:
            item = QListWidgetItem(name)
            item.setData(ACTOR_ROLE, actor_id)
            self.reached_list.addItem(item)
        self.reached_caption.setText(
            f"Whom only this actor carries you to ({len(self.reached)})"
            if self.reached
            else "Nobody is reached only through this actor"
        )
        self.reached_list.setVisible(bool(self.reached))
        self._update_buttons()

    def clear(self) -> None:
        self.actor_id = None
        self.paths = []
        self.reached = []
        self.path_list.clear()
        self.reached_list.clear()
        show_error(self.message, "")
        self.empty.hide()
        self._update_buttons()

    def selected(self) -> Path | None:
        row = self.path_list.currentRow()
        return self.paths[row] if 0 <= row < len(self.paths) else None

    def _update_buttons(self) -> None:
        path = self.selected()
        self.log_button.setEnabled(path is not None)
        # A path of one hop is one of your channels already.
        self.save_button.setEnabled(path is not None and len(path.hops) > 1)

    # -- acting ---------------------------------------------------------------------------

    def log_along(self) -> None:
        """The log dialog with the first person on the path; if someone stands between
        you and the actor, as word passed through an intermediary."""
        path = self.selected()
        if path is None or not self.context.unlocked:
            return
        dialog = LogDialog(self.context, self, [path.hops[0].actor_id])
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if len(path.hops) > 1:
            combo = dialog.ui.kindCombo
            combo.setCurrentIndex(combo.findData(InteractionKind.VIA_INTERMEDIARY))
        self.dialog = dialog
        dialog.destroyed.connect(self._dialog_gone)
        dialog.open()

    def _dialog_gone(self) -> None:
        self.dialog = None

    def keep_as_channel(self) -> None:
        """Add the selected path as an indirect channel: its intermediaries in order, each
        with the score of the hop to them, the channel as trusted as the weakest hop."""
        path = self.selected()
        if path is None or len(path.hops) < 2 or self.actor_id is None:
            return
        hops = [channels.Hop(h.actor_id, trust=h.score) for h in path.hops[:-1]]
        try:
            with self.context.writing(self):
                channels.add_channel(
                    self.context.vault,
                    self.actor_id,
                    self.context.now(),
                    kind=ChannelKind.INDIRECT,
                    hops=hops,
                    trust=path.weakest,
                )
        except ContactKeeperError as exc:
            show_error(self.message, exc.message)
            return
        self.context.status.emit("The path was kept as a channel of this actor.")

    def _open_reached(self, item: QListWidgetItem) -> None:
        actor_id = item.data(ACTOR_ROLE)
        if actor_id is not None:
            self.context.open_actor.emit(int(actor_id))
