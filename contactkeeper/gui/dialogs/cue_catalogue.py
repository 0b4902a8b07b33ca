"""The catalogue of readiness-cue kinds, edited by the practitioner (Settings > Cue
catalogue, or beside the kind in the cue dialog).

The kinds are listed by family, each family with its description; a kind shows what it
moves (motivation, optimism or both), its usual direction and how many cues are recorded
under it. A kind can be added to a family, renamed (its cues follow), retired (offered no
more for new cues; its cues keep it) or brought back. A kind in use is never deleted: the
dialog says why and offers to retire it; an unused kind is deleted after a confirmation.
Every write goes through ``context.writing``, so the process page and Today follow.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contactkeeper import i18n
from contactkeeper.errors import ContactKeeperError, CueKindInUse
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.choices import MOVES, USUALLY
from contactkeeper.gui.dialogs.records import RecordDialog
from contactkeeper.gui.presentation import Confirm, ask, error_label, show_error
from contactkeeper.i18n import _, isolate, ngettext
from contactkeeper.records import cue_catalogue, readiness
from contactkeeper.records.cue_catalogue import CatalogueKind
from contactkeeper.records.readiness import FAMILIES, CueKindInfo
from contactkeeper.vault.model import Dimension, Direction

KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # a CatalogueKind (kinds) or a family's key


class NewCueKindDialog(RecordDialog):
    """A new kind: its label, family, what it moves, its usual direction, a description."""

    def __init__(self, context: AppContext, family: str, parent: QWidget | None = None) -> None:
        super().__init__(context, _("Add a kind of cue"), parent)
        self.label = QLineEdit()
        self.label.setAccessibleName(_("Label of the new kind"))
        self.label.setPlaceholderText(_("e.g. Militia commanders ask about an amnesty"))
        self.family = QComboBox()
        self.family.setAccessibleName(_("Family"))
        for key, (label, _text) in FAMILIES.items():
            self.family.addItem(_(label), key)
        self.family.addItem(_(cue_catalogue.OTHER[0]), "")
        self.family.setCurrentIndex(max(self.family.findData(family), 0))
        self.dimension = QComboBox()
        self.dimension.setAccessibleName(_("What it moves"))
        for dimension, words in MOVES.items():
            self.dimension.addItem(_(words), dimension.value)
        self.dimension.setCurrentIndex(self.dimension.findData(Dimension.BOTH.value))
        self.direction = QComboBox()
        self.direction.setAccessibleName(_("Usual direction"))
        for direction, words in USUALLY.items():
            self.direction.addItem(_(words), direction.value)
        self.description = QLineEdit()
        self.description.setAccessibleName(_("Description"))
        self.description.setPlaceholderText(_("What it looks like, so that others grade it alike"))
        self.row(_("&Label"), self.label)
        self.row(_("&Family"), self.family)
        self.row(_("&Moves"), self.dimension)
        self.row(_("&Usually"), self.direction)
        self.row(_("&Description"), self.description)

    def save(self) -> CueKindInfo:
        return readiness.add_cue_kind(
            self.context.vault,
            self.label.text(),
            Direction(self.direction.currentData()),
            self.description.text(),
            Dimension(self.dimension.currentData()),
            str(self.family.currentData()),
        )


class CueCatalogueDialog(QDialog):
    """The catalogue; ``confirm`` asks before a deletion or a retirement (tests stub it)."""

    def __init__(
        self, context: AppContext, parent: QWidget | None = None, *, confirm: Confirm = ask
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.confirm = confirm
        self.dialog: QDialog | None = None  # the add dialog, while open
        self.setWindowTitle(_("Cue catalogue"))
        self.setAccessibleName(_("Cue catalogue"))
        self.setMinimumWidth(560)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(_("Kinds of readiness cue, by family"))
        self.tree.setHeaderLabels([_("Kind"), _("Moves"), _("Usually"), _("Cues")])
        self.tree.setRootIsDecorated(False)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.about = QLabel()
        self.about.setAccessibleName(_("About the selected family or kind"))
        self.about.setWordWrap(True)
        self.about.setMinimumHeight(48)
        self.about.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.message = error_label()
        self.add_button = QPushButton(_("&Add a kind…"))
        self.rename_button = QPushButton(_("Re&name…"))
        self.retire_button = QPushButton(_("&Retire"))
        self.delete_button = QPushButton(_("&Delete…"))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.rename_button, self.retire_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.about)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.add_button.clicked.connect(lambda: self.add_kind())
        self.rename_button.clicked.connect(lambda: self.rename())
        self.retire_button.clicked.connect(self.toggle_retired)
        self.delete_button.clicked.connect(self.delete)
        self.tree.currentItemChanged.connect(lambda *_: self._selected())
        context.vault_locked.connect(self._locked)
        self.reload()

    # -- showing ---------------------------------------------------------------------------

    def reload(self, select: int | None = None) -> None:
        """The catalogue as stored; ``select`` (a kind's id) or the kind selected stays so."""
        chosen = self.current()
        select = select if select is not None else (chosen.kind.id if chosen else None)
        self.tree.clear()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for family in cue_catalogue.catalogue(self.context.vault):
            head = QTreeWidgetItem([_(family.label)])
            head.setFont(0, bold)
            head.setData(0, KIND_ROLE, family.key)
            head.setToolTip(0, _(family.description))
            self.tree.addTopLevelItem(head)
            for listed in family.kinds:
                item = self._kind_item(listed)
                head.addChild(item)
                if listed.kind.id == select:
                    self.tree.setCurrentItem(item)
            head.setExpanded(True)
        self._selected()

    def _kind_item(self, listed: CatalogueKind) -> QTreeWidgetItem:
        kind = listed.kind
        item = QTreeWidgetItem(
            [
                _("{kind} (retired)").format(kind=isolate(kind.name))
                if kind.retired
                else kind.name,
                _(MOVES[kind.dimension]),
                _(USUALLY[kind.usual_direction]),
                i18n.number(listed.uses),
            ]
        )
        item.setData(0, KIND_ROLE, listed)
        item.setToolTip(0, kind.shown_description)
        item.setTextAlignment(3, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if kind.retired:
            for column in range(4):
                item.setForeground(column, self.palette().placeholderText())
        return item

    def current(self) -> CatalogueKind | None:
        item = self.tree.currentItem()
        data = item.data(0, KIND_ROLE) if item is not None else None
        return data if isinstance(data, CatalogueKind) else None

    def _family_of_selection(self) -> str:
        item = self.tree.currentItem()
        if item is None:
            return ""
        head = item.parent() or item
        return str(head.data(0, KIND_ROLE) or "")

    def _selected(self) -> None:
        chosen = self.current()
        for button in (self.rename_button, self.retire_button, self.delete_button):
            button.setEnabled(chosen is not None)
        self.retire_button.setText(
            _("B&ring back") if chosen and chosen.kind.retired else _("&Retire")
        )
        if chosen is None:
            family = FAMILIES.get(self._family_of_selection())
            self.about.setText(
                _(family[1]) if family else _("Select a kind to rename, retire or delete it.")
            )
            return
        kind = chosen.kind
        uses = chosen.uses
        if uses:
            text = ngettext(
                "{description} Moves {moves}, usually {usually}; used by {n} cue.",
                "{description} Moves {moves}, usually {usually}; used by {n} cues.",
                uses,
            )
        else:
            text = _("{description} Moves {moves}, usually {usually}; used by no cue.")
        text = text.format(
            description=kind.shown_description or _("No description."),
            moves=_(MOVES[kind.dimension]),
            usually=_(USUALLY[kind.usual_direction]),
            n=i18n.number(uses),
        )
        if kind.retired:
            text = _("{about} Retired: not offered for new cues.").format(about=text)
        self.about.setText(text)

    # -- changing --------------------------------------------------------------------------

    def _write(self, action: Callable[[], object], select: int | None = None) -> bool:
        try:
            with self.context.writing(self):
                action()
        except ContactKeeperError as exc:
            show_error(self.message, exc.message)
            return False
        show_error(self.message, "")
        self.reload(select)
        return True

    def add_kind(self) -> NewCueKindDialog:
        dialog = NewCueKindDialog(self.context, self._family_of_selection(), self)
        dialog.saved.connect(lambda kind: self.reload(kind.id))
        self.dialog = dialog
        dialog.open()
        return dialog

    def rename(self, label: str | None = None) -> None:
        chosen = self.current()
        if chosen is None:
            return
        if label is None:
            label, ok = QInputDialog.getText(
                self,
                _("Rename a kind"),
                _("New label (its cues follow):"),
                text=chosen.kind.label,
            )
            if not ok:
                return
        kind_id = chosen.kind.id
        self._write(
            lambda: readiness.update_cue_kind(self.context.vault, kind_id, label or ""), kind_id
        )

    def toggle_retired(self) -> None:
        chosen = self.current()
        if chosen is not None:
            self._retire(chosen.kind.id, not chosen.kind.retired)

    def _retire(self, kind_id: int, retired: bool) -> None:
        self._write(
            lambda: readiness.retire_cue_kind(self.context.vault, kind_id, retired), kind_id
        )

    def delete(self) -> None:
        """Delete the selected kind if no cue uses it, after a confirmation; if cues use it,
        say why it stays and offer to retire it instead."""
        chosen = self.current()
        if chosen is None:
            return
        kind = chosen.kind
        if not chosen.deletable:
            refusal = CueKindInUse(kind.label, chosen.uses).reason
            if kind.retired:
                show_error(
                    self.message, _("{refusal}. It is retired already.").format(refusal=refusal)
                )
            elif self.confirm(
                self, _("Retire instead?"), _("{refusal}. Retire it now?").format(refusal=refusal)
            ):
                self._retire(kind.id, True)
            return
        if self.confirm(
            self,
            _("Delete this kind?"),
            _("Delete “{kind}” from the catalogue? No cue is recorded under it.").format(
                kind=isolate(kind.name)
            ),
        ):
            kind_id = kind.id
            self._write(lambda: readiness.delete_cue_kind(self.context.vault, kind_id))

    def _locked(self) -> None:
        self.tree.clear()
        self.about.clear()
        self.reject()
