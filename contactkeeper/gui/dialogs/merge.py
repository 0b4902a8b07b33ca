"""Merging two actors that are one person: the two side by side, a choice per field.

``MergeDialog`` shows only the fields where the two differ, each with a radio button per
actor (notes may also be joined, which they are unless another choice is made), and says
what would move from the other to the kept actor ("12 contacts, 2 channels…") before the
user confirms. :func:`merge_actors` opens it; once confirmed, it merges
(:func:`contactkeeper.records.merge.merge_actors`), opens the kept actor's page and leaves
a step Ctrl+Z (or the undo notice) takes back (:func:`contactkeeper.records.merge.unmerge`).
From an actor's page, ``ChooseOtherDialog`` first asks which actor is the same person
(typed as in any actor field); the actor of the page is the one kept.

Names follow the context's privacy rule; an actor whose name is hidden (privacy mode, a
high-risk actor not revealed) has the fields that would identify them (name, country,
languages, notes) hidden too, as on their page: they can still be chosen, not read.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from contactkeeper.errors import ContactKeeperError
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.presentation import error_label, show_error
from contactkeeper.gui.undo import UndoController
from contactkeeper.gui.widgets.actor_choice import ActorChoice
from contactkeeper.i18n import N_, _, isolate
from contactkeeper.records import merge
from contactkeeper.records.merge import MergePreview, MergeSide
from contactkeeper.vault.changes import Kind

# Fields that identify a person as surely as the name: hidden with it.
IDENTIFYING = {"display_name", "country", "languages", "notes"}
JOINED = 0  # the notes' third choice: both, joined
SHORTEST = 40  # characters of a value shown on its radio button (all of it in the tooltip)


class MergeDialog(QDialog):
    """Choose, field by field, what the kept actor keeps; then merge."""

    def __init__(self, context: AppContext, shown: MergePreview, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.shown = shown
        self.setWindowTitle(_("Merge two actors"))
        self.setModal(True)
        kept, other = self.name(shown.survivor), self.name(shown.other)
        intro = QLabel(
            _(
                "These two are one person: everything recorded about “{other}” moves to "
                "“{kept}”, and both names are kept as name variants. Where the two differ, "
                "choose whose value to keep."
            ).format(other=isolate(other), kept=isolate(kept))
        )
        intro.setWordWrap(True)
        self.groups: dict[str, QButtonGroup] = {}
        grid = QGridLayout()
        for column, heading in enumerate(
            (
                _("<b>Field</b>"),
                _("<b>{name}</b> (kept)").format(name=isolate(_escape(kept))),
                f"<b>{_escape(other)}</b>",
            )
        ):
            label = QLabel(heading)
            # Left, whatever the script of the name (a name in Arabic would push it right).
            label.setAlignment(Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(label, 0, column)
        for row, difference in enumerate(shown.differences, start=1):
            group = QButtonGroup(self)
            self.groups[difference.key] = group
            grid.addWidget(QLabel(_(difference.label)), row, 0)
            for column, (side, value) in enumerate(
                ((shown.survivor, difference.survivor), (shown.other, difference.other)), start=1
            ):
                button = self._button(difference.key, _(difference.label), side, value)
                group.addButton(button, side.actor_id)
                grid.addWidget(button, row, column)
            if difference.key == "notes":
                both = QRadioButton(_("both, joined"))
                both.setAccessibleName(_("Notes: both, joined"))
                group.addButton(both, JOINED)
                grid.addWidget(both, row, 3)
                both.setChecked(True)
            else:
                group.button(shown.survivor.actor_id).setChecked(True)
        if not shown.differences:
            grid.addWidget(QLabel(_("The two differ in no field: nothing to choose.")), 1, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(len(shown.differences) + 1, 1)  # the rows together, at the top
        fields = QWidget()
        fields.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(fields)
        # As wide as the choices (short values): scrolled up and down only.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(fields.minimumSizeHint().width())
        self.summary = QLabel(
            _(
                "Moves to “{kept}”: {moves}. “{other}” goes to the trash; Ctrl+Z undoes the "
                "whole merge."
            ).format(
                kept=isolate(kept),
                # Translators: what separates the items of a list ("2 actors, 1 process").
                moves=_(", ").join(_(move) for move in shown.moves) or _("nothing"),
                other=isolate(other),
            )
        )
        self.summary.setAccessibleName(_("What moves"))
        self.summary.setWordWrap(True)
        self.message = error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = buttons.addButton(
            _("&Merge into “{name}”").format(name=isolate(kept).replace("&", "&&")),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.merge_button.setAccessibleName(_("Merge the two actors"))
        self.merge_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(800, min(520, 200 + 30 * len(shown.differences)))

    def name(self, side: MergeSide) -> str:
        return self.context.shown_name(
            side.actor_id, side.display_name, side.codename, side.sensitivity
        )

    def _button(self, key: str, label: str, side: MergeSide, value: str) -> QRadioButton:
        hidden = key in IDENTIFYING and self.context.names_hidden(side.actor_id, side.sensitivity)
        if key == "display_name":
            value = self.name(side)  # a codename when hidden
        elif hidden:
            value = self.context.placeholder()
        elif key == "notes":
            value = self.context.shown_text(value)
        flat = " ".join(value.split())
        short = flat if len(flat) <= SHORTEST else f"{flat[: SHORTEST - 1]}…"
        button = QRadioButton(short.replace("&", "&&"))
        button.setAccessibleName(_("{field}: {value}").format(field=label, value=short))
        if short != flat:
            button.setToolTip(value)
        return button

    def accept(self) -> None:
        """Merge as chosen; open the kept actor's page; Ctrl+Z takes it back."""
        context, shown = self.context, self.shown
        undo = UndoController.for_context(context)
        survivor_id = shown.survivor.actor_id
        try:
            with context.writing(undo):
                plan = merge.merge_actors(
                    context.vault,
                    survivor_id,
                    shown.other.actor_id,
                    self.choices(),
                    context.now(),
                    label=self.name(shown.other),
                )
        except ContactKeeperError as exc:
            show_error(self.message, exc.message)
            return
        vault = context.vault
        undo.remember_change(
            Kind.ACTOR,
            self.name(shown.other),
            lambda: merge.unmerge(vault, plan),
            # Translators: how the undo notice words a merge: "Undo the merge of Karim",
            # "Merged Karim", "Unmerged Karim".
            (N_("merge of"), N_("Merged"), N_("Unmerged")),
        )
        super().accept()
        context.open_actor.emit(survivor_id)

    def choices(self) -> dict[str, int]:
        """Field -> the id of the actor whose value is kept (notes joined: left out)."""
        return {
            key: group.checkedId()
            for key, group in self.groups.items()
            if group.checkedId() not in (JOINED, -1)
        }


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class ChooseOtherDialog(QDialog):
    """Which actor is the same person as the one of the page? Then the merge dialog."""

    def __init__(
        self, context: AppContext, survivor_id: int, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.survivor_id = survivor_id
        self.merge_dialog: MergeDialog | None = None
        self.setWindowTitle(_("Merge with another actor"))
        question = QLabel(
            _(
                "Which actor is the same person as “{name}”? Type a name in any script, or a "
                "codename. Everything about them moves to “{name}”; you choose, field by "
                "field, what to keep."
            ).format(name=isolate(name))
        )
        question.setWordWrap(True)
        self.choice = ActorChoice(context, _("The same person as this actor"))
        self.message = error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.next_button = buttons.addButton(_("&Next…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.next_button.setEnabled(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(self.choice)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(480, 220)
        self.choice.chosen.connect(self._chosen)

    def _chosen(self, actor_id: int, _name: str) -> None:
        same = actor_id == self.survivor_id
        show_error(self.message, _("That is this actor: choose the other one.") if same else "")
        self.next_button.setEnabled(not same)

    def accept(self) -> None:
        other = self.choice.actor_id
        if other is None or other == self.survivor_id:
            return
        super().accept()
        self.merge_dialog = merge_actors(self.context, self.survivor_id, other, self.parentWidget())


def merge_actors(
    context: AppContext, survivor_id: int, other_id: int, parent: QWidget | None = None
) -> MergeDialog | None:
    """Open the merge dialog for the two (see the module's description). Returns the dialog
    (open), or None if it could not be opened (the status bar says why)."""
    try:
        shown = merge.preview(context.vault, survivor_id, other_id)
    except ContactKeeperError as exc:
        context.status.emit(exc.message)
        return None
    dialog = MergeDialog(context, shown, parent)
    dialog.open()
    return dialog


__all__ = ["ChooseOtherDialog", "MergeDialog", "merge_actors"]
