"""The trash: discarded records, restored one by one or emptied for good.

The list follows the trash while the dialog is open (a Ctrl+Z elsewhere takes an entry
out of it).
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from contactkeeper import i18n
from contactkeeper.errors import ContactKeeperError
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.choices import record_kind_word
from contactkeeper.gui.models.record_table import Column, RecordTableModel
from contactkeeper.gui.presentation import Confirm, ask, error_label, show_error, when
from contactkeeper.gui.refresh import Refresh
from contactkeeper.gui.undo import UndoController
from contactkeeper.i18n import _, isolate, ngettext
from contactkeeper.records import trash
from contactkeeper.records.trash import TrashEntry
from contactkeeper.vault.changes import Kind


class TrashDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.confirm: Confirm = ask
        self.setWindowTitle(_("Trash"))
        self.resize(640, 380)
        self.model: RecordTableModel[TrashEntry] = RecordTableModel(
            [
                Column(_("What"), lambda e: context.shown_text(e.label)),
                Column(_("Kind"), lambda e: record_kind_word(e.kind)),
                Column(_("Deleted"), lambda e: when(e.deleted_at)),
                Column(
                    _("With"),
                    lambda e: (
                        ngettext("{n} related record", "{n} related records", e.rows - 1).format(
                            n=i18n.number(e.rows - 1)
                        )
                        if e.rows > 1
                        else ""
                    ),
                ),
            ],
            self,
        )
        intro = QLabel(
            _("Deleted records stay here, encrypted in the vault, until you empty the trash.")
        )
        intro.setWordWrap(True)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(_("Deleted records"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab goes on to the buttons
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self.restore_selected)
        self.message = error_label()
        self.restore_button = QPushButton(_("&Restore"))
        self.restore_button.setAccessibleName(_("Restore the selected record"))
        self.restore_button.setShortcut(QKeySequence("Ctrl+R"))
        self.empty_button = QPushButton(_("&Empty trash…"))
        self.empty_button.setAccessibleName(_("Empty the trash for good"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.empty_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore_selected)
        self.empty_button.clicked.connect(self.empty_trash)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        context.vault_locked.connect(self._locked)
        context.names_changed.connect(self.reload)
        self.refresh = Refresh(self, context, self.reload, {Kind.TRASH})
        self.reload()

    def reload(self) -> None:
        if not self.context.unlocked:
            self.model.clear()
            return
        self.model.set_rows(trash.entries(self.context.vault))
        if self.model.rows:
            self.table.selectRow(0)
        self.restore_button.setEnabled(bool(self.model.rows))
        self.empty_button.setEnabled(bool(self.model.rows))

    def selected(self) -> TrashEntry | None:
        return self.model.row(self.table.currentIndex())

    def restore_selected(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        try:
            with self.context.writing(self):
                trash.restore(self.context.vault, entry.id)
        except ContactKeeperError as exc:
            show_error(self.message, exc.message)
            return
        show_error(self.message, "")
        UndoController.for_context(self.context).forget_entry(entry.id)
        label = self.context.shown_text(entry.label)
        self.context.status.emit(
            # Translators: "Restored from the trash: actor “Karim Mansour”."
            _("Restored from the trash: {kind} “{label}”.").format(
                kind=record_kind_word(entry.kind), label=isolate(label)
            )
        )
        self.reload()

    def empty_trash(self) -> None:
        count = len(self.model.rows)
        if not count or not self.confirm(
            self,
            _("Empty the trash"),
            ngettext(
                "Delete the {n} record in the trash for good? This cannot be undone.",
                "Delete the {n} records in the trash for good? This cannot be undone.",
                count,
            ).format(n=i18n.number(count)),
        ):
            return
        with self.context.writing(self):
            trash.empty(self.context.vault)
        undo = UndoController.for_context(self.context)
        for entry in self.model.rows:
            undo.forget_entry(entry.id)
        self.reload()

    def _locked(self) -> None:
        self.model.clear()
        self.reject()
