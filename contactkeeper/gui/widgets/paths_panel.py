"""How can I reach this actor, and whom do they carry me to: a panel of the actor page.

The best few paths from the practitioner (``network.paths_to``) read as chains,
``you -> Fr. Pavel (warm) -> Bishop Nikolai -> Dmitri S.``, each with the reason for its
ranking in its tooltip, and the chosen one's reason under the list. One click logs a contact
along the chosen path (the log dialog with the first intermediary filled in, kind "passed
through an intermediary") or keeps the path as an indirect channel of the actor; "Which
ties count…" chooses which relationships are a way in (``WaysInDialog``). Below, whom this
actor alone carries you to (``network.reached_through``): a double-click opens that actor's
page.

While the web of ties is kept (``network.is_kept``) the panel asks at once; the first
question after a tie or a channel changed rebuilds the web, which on a large vault takes a
second, and is asked in the background (``busy`` says so) so that the page never freezes.

Names follow the context's rule (codenames in privacy mode, high-risk actors by codename);
a reason quotes a channel's label only while its actor's name may be shown (and the channel
is not high-risk); in privacy mode the reasons are left out altogether.

A chain reads in the language's direction: in Arabic it starts on the right and its arrows
point left, from you toward the actor (:func:`chain`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contactkeeper import i18n
from contactkeeper.errors import ContactKeeperError
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.log import LogDialog
from contactkeeper.gui.dialogs.ways_in import WaysInDialog
from contactkeeper.gui.operations import Operation, run_in_background
from contactkeeper.gui.presentation import error_label, show_error
from contactkeeper.gui.widgets.warmth_badge import warmth_word
from contactkeeper.i18n import N_, _, isolate, ngettext, pgettext
from contactkeeper.records import channels, network
from contactkeeper.records.network import Path
from contactkeeper.vault.model import ChannelKind, InteractionKind

PATHS_SHOWN = 3
CAPTION = N_("Best ways from you to this actor")
ACTOR_ROLE = Qt.ItemDataRole.UserRole + 1
NO_PATH = N_(
    "No way in known: add a channel, or a relationship of someone you reach who can "
    "introduce this person."
)
# Between the steps of a chain, pointing from you toward the actor: to the right where text
# runs left to right, to the left in Arabic (a plain arrow: the bidirectional algorithm
# never turns it round).
ARROW = " -> "
ARROW_RIGHT_TO_LEFT = " ← "
# Before the weakest hop under the list, pointing at it from the start of the line.
MARKER = "▶ "
MARKER_RIGHT_TO_LEFT = "◀ "


def right_to_left() -> bool:
    """Whether the desktop reads right to left (Arabic)."""
    return QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft


def chain(path: Path, *, mirrored: bool | None = None) -> str:
    """``you -> Fr. Pavel (warm) -> Bishop Nikolai -> Dmitri S.``: each name isolated, the
    arrows pointing the way the language reads (``mirrored``: right to left; by default
    the desktop's direction)."""
    mirrored = right_to_left() if mirrored is None else mirrored
    # Translators: the start of a chain of people leading to an actor: "you -> A -> B".
    parts = [pgettext("start of a path", "you")]
    for hop in path.hops:
        if hop.warmth is None:
            parts.append(isolate(hop.name))
        else:
            # Translators: a person on a path and your warmth with them: "Fr. Pavel (warm)".
            parts.append(
                _("{name} ({warmth})").format(
                    name=isolate(hop.name), warmth=warmth_word(hop.warmth)
                )
            )
    return (ARROW_RIGHT_TO_LEFT if mirrored else ARROW).join(parts)


def why(path: Path, *, private: bool) -> str:
    """The tooltip of a path: its weakest hop, each hop's score, and (outside privacy
    mode) each hop's reason."""
    if not private:
        return path.why()
    weakest = path.weakest
    lines = [
        # Translators: a person on a path and the score of the hop to them, out of 5.
        ("* " if h.score == weakest else "  ")
        + _("{name}: {score}/5").format(name=isolate(h.name), score=h.score)
        for h in path.hops
    ]
    heading = _("As good as its weakest hop ({weakest}/5):").format(weakest=weakest)
    return "\n".join([heading, *lines])


class PathsPanel(QWidget):
    """Ways in to one actor, and whom they carry you to."""

    answered = Signal()  # the paths shown are the answer for the actor shown

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.actor_id: int | None = None
        self.paths: list[Path] = []
        self.reached: list[tuple[int, str]] = []
        self.dialog: LogDialog | WaysInDialog | None = None
        self.operation: Operation | None = None
        self._pending = False

        self.caption = QLabel(_(CAPTION))
        self.caption.setObjectName("sectionTitle")
        self.path_list = QListWidget()
        self.path_list.setAccessibleName(_("Ways in, best first"))
        self.path_list.setWordWrap(True)
        self.why_label = QLabel()
        self.why_label.setAccessibleName(_("Why this path ranks where it does"))
        self.why_label.setWordWrap(True)
        self.why_label.setTextFormat(Qt.TextFormat.PlainText)
        self.empty = QLabel(_(NO_PATH))
        self.empty.setWordWrap(True)
        self.empty.setObjectName("placeholder")
        self.log_button = QPushButton(_("Log a contact &along this path…"))
        self.log_button.setAccessibleName(_("Log a contact along the selected path"))
        self.log_button.setToolTip(
            _("Opens the log with the first intermediary, as word passed through them")
        )
        self.save_button = QPushButton(_("Keep as a c&hannel"))
        self.save_button.setAccessibleName(_("Keep the selected path as a channel"))
        self.save_button.setToolTip(
            _("Add the path to this actor's channels, its intermediaries in order")
        )
        self.ways_button = QPushButton(_("Which ties &count…"))
        self.ways_button.setAccessibleName(_("Choose which relationships count as a way in"))
        self.ways_button.setToolTip(_("Which kinds of relationship can pass you on, and which way"))
        for button in (self.log_button, self.save_button, self.ways_button):
            button.setAutoDefault(False)
        self.message = error_label()
        self.reached_caption = QLabel(_("Whom only this actor carries you to"))
        self.reached_caption.setObjectName("sectionTitle")
        self.reached_list = QListWidget()
        self.reached_list.setAccessibleName(_("Actors reached only through this actor"))

        buttons = QHBoxLayout()
        buttons.addWidget(self.log_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.ways_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.path_list)
        layout.addWidget(self.why_label)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.reached_caption)
        layout.addWidget(self.reached_list, 1)
        layout.addStretch(0)

        self.path_list.currentRowChanged.connect(lambda _row: self._path_chosen())
        self.path_list.itemActivated.connect(lambda _item: self.log_along())
        self.log_button.clicked.connect(self.log_along)
        self.save_button.clicked.connect(self.keep_as_channel)
        self.ways_button.clicked.connect(self.choose_ways_in)
        self.reached_list.itemActivated.connect(self._open_reached)
        self.clear()

    # -- showing ------------------------------------------------------------------------

    def show_actor(self, actor_id: int) -> None:
        self.actor_id = actor_id
        self.reload()

    def reload(self) -> None:
        """Ask for the ways in: at once while the web is kept, else in the background
        (the first question after a tie or a channel changes rebuilds the web)."""
        if self.actor_id is None or not self.context.unlocked:
            self.clear()
            return
        if self.operation is not None:
            self._pending = True  # ask again once the running question is answered
            return
        vault, now, rule = self.context.vault, self.context.now(), self.context.shown_name
        hidden = self.context.names_hidden
        actor_id = self.actor_id

        def ask() -> tuple[list[Path], list[tuple[int, str]]]:
            return (
                network.paths_to(
                    vault,
                    actor_id,
                    now,
                    limit=PATHS_SHOWN,
                    name=rule,
                    withheld=hidden,  # a hidden actor's channel labels
                ),
                network.reached_through(vault, actor_id, now, name=rule),
            )

        try:
            if network.is_kept(vault, now):
                self._show(ask())
                return
        except ContactKeeperError as exc:
            show_error(self.message, exc.message)
            return
        self.caption.setText(_("Best ways from you to this actor (working them out…)"))
        self.operation = run_in_background(
            self, ask, lambda found: self._answered(actor_id, found), self._failed
        )

    @property
    def busy(self) -> bool:
        """Whether a question is still being answered in the background."""
        return self.operation is not None

    def _answered(self, actor_id: int, found: tuple[list[Path], list[tuple[int, str]]]) -> None:
        self.operation = None
        self.caption.setText(_(CAPTION))
        if self._pending or actor_id != self.actor_id:
            self._pending = False
            self.reload()
            return
        if self.context.unlocked:
            self._show(found)

    def _failed(self, exc: Exception) -> None:
        self.operation = None
        self._pending = False
        self.caption.setText(_(CAPTION))
        show_error(self.message, getattr(exc, "message", _("The ways in could not be worked out.")))

    def _show(self, found: tuple[list[Path], list[tuple[int, str]]]) -> None:
        self.paths, self.reached = found
        show_error(self.message, "")
        private = self.context.privacy
        current = max(self.path_list.currentRow(), 0)
        self.path_list.clear()
        for path in self.paths:
            item = QListWidgetItem(chain(path, mirrored=self.isRightToLeft()))
            item.setToolTip(why(path, private=private))
            self.path_list.addItem(item)
        self.empty.setVisible(not self.paths)
        self.path_list.setVisible(bool(self.paths))
        if self.paths:
            self.path_list.setCurrentRow(min(current, len(self.paths) - 1))
            # As tall as its few paths (they wrap on a narrow screen): the reasons follow.
            rows = sum(self.path_list.sizeHintForRow(i) for i in range(len(self.paths)))
            self.path_list.setMaximumHeight(rows + 2 * self.path_list.frameWidth() + 40)
        self.reached_list.clear()
        for actor_id, name in self.reached:
            item = QListWidgetItem(name)
            item.setData(ACTOR_ROLE, actor_id)
            self.reached_list.addItem(item)
        count = len(self.reached)
        self.reached_caption.setText(
            ngettext(
                "Whom only this actor carries you to ({n})",
                "Whom only this actor carries you to ({n})",
                count,
            ).format(n=i18n.number(count))
            if self.reached
            else _("Nobody is reached only through this actor")
        )
        self.reached_list.setVisible(bool(self.reached))
        self._path_chosen()
        self.answered.emit()

    def clear(self) -> None:
        self.actor_id = None
        self.paths = []
        self.reached = []
        self.path_list.clear()
        self.reached_list.clear()
        show_error(self.message, "")
        self.empty.hide()
        self._path_chosen()

    def selected(self) -> Path | None:
        row = self.path_list.currentRow()
        return self.paths[row] if 0 <= row < len(self.paths) else None

    def _path_chosen(self) -> None:
        """Say why the chosen path ranks where it does, under the list."""
        path = self.selected()
        lines = why(path, private=self.context.privacy).splitlines() if path else []
        # The weakest hop, marked "*" in the tooltip, stands out with an arrow here, pointing
        # from the start of the line (the right in Arabic).
        marker = MARKER_RIGHT_TO_LEFT if self.isRightToLeft() else MARKER
        self.why_label.setText(
            "\n".join(marker + line[2:] if line.startswith("* ") else line for line in lines)
        )
        self.why_label.setVisible(path is not None)
        self._update_buttons()

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
        self.context.status.emit(_("The path was kept as a channel of this actor."))

    def choose_ways_in(self) -> None:
        """Which relationships count as a way in: the paths follow when it is saved."""
        if not self.context.unlocked:
            return
        dialog = WaysInDialog(self.context, self)
        dialog.destroyed.connect(self._dialog_gone)
        self.dialog = dialog
        dialog.open()

    def _open_reached(self, item: QListWidgetItem) -> None:
        actor_id = item.data(ACTOR_ROLE)
        if actor_id is not None:
            self.context.open_actor.emit(int(actor_id))
