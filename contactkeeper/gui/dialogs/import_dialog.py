"""File > Import contacts: a vCard or CSV file, previewed, then imported.

``ImportPreviewModel`` shows one row per entry of the file (to create, a likely duplicate,
or invalid and why); nothing is written until the user applies the plan.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QWidget

from contactkeeper.exchange import importing
from contactkeeper.exchange.importing import ImportPlan
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.work_dialog import ProgressFn, WorkDialog, choose_file
from contactkeeper.gui.forms.ui_import_dialog import Ui_ImportDialog

_Index = QModelIndex | QPersistentModelIndex

AMBER = QColor("#7a4b00")
RED = QColor("#9b2c2c")


class ImportPreviewModel(QAbstractTableModel):
    """One row per entry of the file: to create, likely duplicate, or invalid (why)."""

    HEADERS = ("Line", "Entry", "What happens")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[int, str, str, str]] = []  # line, name, outcome, kind

    def set_plan(self, plan: ImportPlan | None) -> None:
        self.beginResetModel()
        self.rows = []
        if plan is not None:
            duplicates = {d.line: d for d in plan.duplicates}
            for entry in plan.creates:
                duplicate = duplicates.get(entry.line)
                if duplicate is None:
                    self.rows.append((entry.line, entry.display_name, "to create", "create"))
                else:
                    self.rows.append(
                        (
                            entry.line,
                            entry.display_name,
                            f"likely duplicate of {duplicate.actor_name}",
                            "duplicate",
                        )
                    )
            for invalid in plan.invalid:
                self.rows.append((invalid.line, "", f"invalid: {invalid.reason}", "invalid"))
            self.rows.sort(key=lambda row: row[0])
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index: _Index, role: int = 0) -> Any:
        if not index.isValid():
            return None
        line, name, outcome, kind = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (str(line), name, outcome)[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == 2 and kind != "create":
            return QBrush(RED if kind == "invalid" else AMBER)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ImportDialog(WorkDialog):
    """Choose a vCard or CSV file, preview what it would do, then import all or nothing."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.ui = Ui_ImportDialog()
        self.ui.setupUi(self)
        self.plan: ImportPlan | None = None
        self.created: list[int] | None = None
        self.model = ImportPreviewModel(self)
        ui = self.ui
        ui.previewTable.setModel(self.model)
        header = ui.previewTable.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 220)
        header.setStretchLastSection(True)
        ui.previewTable.verticalHeader().hide()
        self._setup(
            [
                ui.fileEdit,
                ui.browseButton,
                ui.previewButton,
                ui.skipInvalidCheck,
                ui.skipDuplicatesCheck,
            ],
            ui.progressBar,
            ui.messageLabel,
            ui.closeButton,
        )
        ui.resultLabel.hide()
        ui.summaryLabel.hide()
        ui.browseButton.clicked.connect(self._browse)
        ui.previewButton.clicked.connect(self.preview)
        ui.fileEdit.returnPressed.connect(self.preview)
        ui.fileEdit.textChanged.connect(self._forget_plan)
        ui.importButton.clicked.connect(self.apply)
        ui.skipInvalidCheck.toggled.connect(self._update)
        self._update()
        ui.fileEdit.setFocus()

    def _browse(self) -> None:
        path = choose_file(
            self,
            "Choose an address book to import",
            self.ui.fileEdit.text(),
            "Address books (*.vcf *.vcard *.csv);;All files (*)",
        )
        if path:
            self.ui.fileEdit.setText(path)
            self.preview()

    def _forget_plan(self) -> None:
        if self.running:
            return
        self.plan = None
        self.model.set_plan(None)
        self.ui.summaryLabel.hide()
        self._update()

    def _update(self) -> None:
        ui = self.ui
        ui.previewButton.setEnabled(not self.running and bool(ui.fileEdit.text().strip()))
        plan = self.plan
        ui.importButton.setEnabled(
            not self.running
            and plan is not None
            and bool(plan.creates)
            and (not plan.invalid or ui.skipInvalidCheck.isChecked())
        )

    def preview(self) -> None:
        if self.running or not self.ui.fileEdit.text().strip():
            return
        path = Path(self.ui.fileEdit.text().strip()).expanduser()
        vault = self.context.vault
        self.ui.resultLabel.hide()

        def work(progress: ProgressFn) -> ImportPlan:
            return importing.plan_import(vault, path)

        self._run(work, self._planned)

    def _planned(self, plan: ImportPlan) -> None:
        self.plan = plan
        self.model.set_plan(plan)
        creates = len(plan.creates) - len(plan.duplicates)
        parts = [f"{creates} new actor{'s' if creates != 1 else ''} to create"]
        if plan.duplicates:
            n = len(plan.duplicates)
            parts.append(
                f"{n} likely duplicate{'s' if n != 1 else ''} of actors already here "
                "(imported too, unless skipped)"
            )
        if plan.invalid:
            n = len(plan.invalid)
            parts.append(f"{n} invalid entr{'ies' if n != 1 else 'y'}")
        text = f"{Path(plan.path).name} ({plan.layout}): " + "; ".join(parts) + "."
        if plan.invalid:
            text += (
                " An import is all or nothing: tick “Skip the invalid entries” to import the rest."
            )
        self.ui.summaryLabel.setText(text)
        self.ui.summaryLabel.show()

    def apply(self) -> None:
        plan = self.plan
        if self.running or plan is None or not self.ui.importButton.isEnabled():
            return
        vault = self.context.vault
        skip_invalid = self.ui.skipInvalidCheck.isChecked()
        skip_duplicates = self.ui.skipDuplicatesCheck.isChecked()

        def work(progress: ProgressFn) -> list[int]:
            return importing.apply_import(
                vault, plan, skip_invalid=skip_invalid, skip_duplicates=skip_duplicates
            )

        self._run(work, self._imported)

    def _imported(self, created: list[int]) -> None:
        self.created = created
        self.plan = None
        n = len(created)
        self.ui.resultLabel.setText(f"<b>Imported {n} actor{'s' if n != 1 else ''}.</b>")
        self.ui.resultLabel.show()
        self.ui.closeButton.setDefault(True)
        self.context.status.emit(f"Imported {n} actor{'s' if n != 1 else ''}.")
