"""Which relationships count as a way in, and which way they run (``network.set_way_in``).

A way in is a tie through which someone you can reach can pass you on to someone else:
introduce you, vouch for you, carry a word. For each kind of relationship the practitioner
chooses whether it counts, and in which direction, each choice read as a sentence about two
people ("A can introduce B: A can pass you on to B"). Paths ("how can I reach X?") and
brokers follow the choice at once, on every page. Ctrl+Z puts the previous choice back.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from contactkeeper.errors import ContactKeeperError
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.choices import choice_word
from contactkeeper.gui.presentation import error_label, show_error
from contactkeeper.gui.undo import UndoController
from contactkeeper.i18n import N_, _, pgettext
from contactkeeper.records import network, relationships
from contactkeeper.records.network import WayIn
from contactkeeper.vault.changes import Kind
from contactkeeper.vault.model import RelationshipKind

EXPLANATION = N_(
    "A way in is a relationship through which someone you can reach can pass you on to "
    "the other person: introduce you, vouch for you, carry a word. Choose, for each kind of "
    "relationship, whether it counts and which way it runs. The paths on actors' pages and "
    "the brokers (whom you depend on) follow your choice."
)


def letters() -> tuple[str, str]:
    """The two people of a tie, A and B, as the current language names them."""
    return pgettext("the first person of a tie", "A"), pgettext("the second person of a tie", "B")


def choice_text(way: WayIn) -> str:
    """A choice in the list, about the two people of a tie, A and B."""
    a, b = letters()
    return {
        WayIn.FORWARD: _("{a} can pass you on to {b}").format(a=a, b=b),
        WayIn.BACKWARD: _("{a} can pass you on to {b}").format(a=b, b=a),
        WayIn.BOTH: _("either can pass you on to the other"),
        WayIn.NONE: _("not a way in"),
    }[way]


def meaning(kind: RelationshipKind, way: WayIn) -> str:
    """The choice as a sentence: "When A can introduce B, A can pass you on to B."."""
    tie = relationships.sentence(kind, *letters())
    if way is WayIn.NONE:
        return _("When {tie}, neither passes you on to the other.").format(tie=tie)
    # Translators: "When A can introduce B, A can pass you on to B."
    return _("When {tie}, {way}.").format(tie=tie, way=choice_text(way))


class WaysInDialog(QDialog):
    """One row per kind of relationship: whether and which way it counts as a way in."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(_("Ways in"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        intro = QLabel(_(EXPLANATION))
        intro.setWordWrap(True)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.before = network.ways_in(context.vault)
        self.combos: dict[RelationshipKind, QComboBox] = {}
        self.meanings: dict[RelationshipKind, QLabel] = {}
        for kind in RelationshipKind:
            combo = QComboBox()
            combo.setAccessibleName(_("Way in: {kind}").format(kind=choice_word(kind)))
            for way in WayIn:
                combo.addItem(choice_text(way), way.name)
            combo.setCurrentIndex(combo.findData(self.before[kind].name))
            said = QLabel()
            said.setWordWrap(True)
            said.setObjectName("placeholder")
            said.setAccessibleName(
                _("What “{kind}” means as a way in").format(kind=choice_word(kind))
            )
            combo.currentIndexChanged.connect(lambda _i, k=kind: self._explain(k))
            self.combos[kind] = combo
            self.meanings[kind] = said
            form.addRow(relationships.sentence(kind, *letters()), combo)
            form.addRow("", said)
            self._explain(kind)
        self.message = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        defaults = self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        defaults.clicked.connect(self.restore_defaults)
        # Nine kinds, each with its sentence: the list scrolls on a small screen.
        rows = QWidget()
        rows.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidget(rows)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        context.vault_locked.connect(self.reject)
        self.resize(640, 540)  # most of the list at once; it still fits a 1024x600 screen

    def chosen(self) -> dict[RelationshipKind, WayIn]:
        return {kind: WayIn[combo.currentData()] for kind, combo in self.combos.items()}

    def choose(self, kind: RelationshipKind, way: WayIn) -> None:
        combo = self.combos[kind]
        combo.setCurrentIndex(combo.findData(way.name))

    def restore_defaults(self) -> None:
        for kind, way in network.DEFAULT_WAYS_IN.items():
            self.choose(kind, way)

    def _explain(self, kind: RelationshipKind) -> None:
        way = WayIn[self.combos[kind].currentData()]
        self.meanings[kind].setText(meaning(kind, way))

    def save(self) -> None:
        """Save what changed; Ctrl+Z puts the earlier choice back."""
        changed = {k: w for k, w in self.chosen().items() if w is not self.before[k]}
        if not changed:
            self.accept()
            return
        vault, before = self.context.vault, dict(self.before)
        try:
            with self.context.writing(self):
                for kind, way in changed.items():
                    network.set_way_in(vault, kind, way)
        except ContactKeeperError as exc:
            show_error(self.message, exc.message)
            return

        def revert() -> object:
            for kind in changed:
                network.set_way_in(vault, kind, before[kind])
            return None

        UndoController.for_context(self.context).remember_change(
            Kind.SETTING, _("which relationships count as a way in"), revert
        )
        self.accept()
