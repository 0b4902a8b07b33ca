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

from contactkeeper import i18n
from contactkeeper.exchange import importing
from contactkeeper.exchange.importing import ImportPlan
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.work_dialog import ProgressFn, WorkDialog, choose_file
from contactkeeper.gui.forms.ui_import_dialog import Ui_ImportDialog
from contactkeeper.i18n import N_, _, isolate, ngettext

_Index = QModelIndex | QPersistentModelIndex

AMBER = QColor("#7a4b00")
RED = QColor("#9b2c2c")


class ImportPreviewModel(QAbstractTableModel):
    """One row per entry of the file: to create, likely duplicate, or invalid (why)."""

    HEADERS = (N_("Line"), N_("Entry"), N_("What happens"))

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
                    self.rows.append((entry.line, entry.display_name, _("to create"), "create"))
                else:
                    self.rows.append(
                        (
                            entry.line,
                            entry.display_name,
                            _("likely duplicate of {name}").format(
                                name=isolate(duplicate.actor_name)
                            ),
                            "duplicate",
                        )
                    )
            for invalid in plan.invalid:
                self.rows.append(
                    (
                        invalid.line,
                        "",
                        _("invalid: {reason}").format(reason=invalid.reason),
                        "invalid",
                    )
                )
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
            return _(self.HEADERS[section])
        return None

    def data(self, index: _Index, role: int = 0) -> Any:
        if not index.isValid():
            return None
        line, name, outcome, kind = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (i18n.number(line), name, outcome)[column]
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
            _("Choose an address book to import"),
            self.ui.fileEdit.text(),
            _("Address books (*.vcf *.vcard *.csv);;All files (*)"),
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
        parts = [
            ngettext("{n} new actor to create", "{n} new actors to create", creates).format(
                n=i18n.number(creates)
            )
        ]
        if plan.duplicates:
            n = len(plan.duplicates)
            parts.append(
                ngettext(
                    "{n} likely duplicate of actors already here (imported too, unless skipped)",
                    "{n} likely duplicates of actors already here (imported too, unless skipped)",
                    n,
                ).format(n=i18n.number(n))
            )
        if plan.invalid:
            n = len(plan.invalid)
            parts.append(
                ngettext("{n} invalid entry", "{n} invalid entries", n).format(n=i18n.number(n))
            )
        # Translators: "contacts.vcf (vCard): 3 new actors to create; 1 invalid entry."
        text = _("{file} ({layout}): {parts}.").format(
            file=isolate(Path(plan.path).name),
            layout=plan.layout,
            # Translators: what separates the parts of the summary of an import.
            parts=_("; ").join(parts),
        )
        if plan.invalid:
            text = _(
                "{summary} An import is all or nothing: tick “Skip the invalid entries” to "
                "import the rest."
            ).format(summary=text)
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
        self.ui.resultLabel.setText(
            ngettext("<b>Imported {n} actor.</b>", "<b>Imported {n} actors.</b>", n).format(
                n=i18n.number(n)
            )
        )
        self.ui.resultLabel.show()
        self.ui.closeButton.setDefault(True)
        self.context.status.emit(
            ngettext("Imported {n} actor.", "Imported {n} actors.", n).format(n=i18n.number(n))
        )
