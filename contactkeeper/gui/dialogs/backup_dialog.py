"""File > Back up now: the dialog that writes an encrypted, verified backup.

A folder (remembered in QSettings as a path, nothing more), then a passphrase typed twice
or one or more public keys; the backup is written and verified by ``backup.create_backup``
off the UI thread, its stages shown as they go, and can be cancelled.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QLineEdit, QWidget

from contactkeeper import i18n
from contactkeeper.errors import BackupCancelled, ContactKeeperError
from contactkeeper.exchange import backup
from contactkeeper.exchange.backup import BackupReport
from contactkeeper.gui.app_state import Settings
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.work_dialog import (
    WorkDialog,
    choose_folder,
    counts_text,
    message_for,
    scaled,
    size_text,
)
from contactkeeper.gui.forms.ui_backup_dialog import Ui_BackupDialog
from contactkeeper.gui.operations import Progress
from contactkeeper.i18n import N_, _, isolate
from contactkeeper.vault import passphrases

BACKUP_FOLDER_KEY = "backups/folder"


class BackupDialog(WorkDialog):
    """Pick a folder, a passphrase (twice) or public keys; write and verify a backup."""

    def __init__(
        self, context: AppContext, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, parent)
        self.settings = settings
        self.ui = Ui_BackupDialog()
        self.ui.setupUi(self)
        self.report: BackupReport | None = None
        ui = self.ui
        self._setup(
            [
                ui.folderEdit,
                ui.browseButton,
                ui.passphraseRadio,
                ui.keysRadio,
                ui.passphraseEdit,
                ui.confirmEdit,
                ui.recipientsEdit,
            ],
            ui.progressBar,
            ui.messageLabel,
            ui.closeButton,
            stage_label=ui.stageLabel,
            cancel_button=ui.cancelButton,
        )
        ui.folderEdit.setText(str(settings.store.value(BACKUP_FOLDER_KEY, "") or ""))
        ui.resultLabel.hide()
        ui.passphraseRadio.toggled.connect(self._show_protection)
        ui.browseButton.clicked.connect(self._browse)
        ui.startButton.clicked.connect(self.start)
        for edit in (ui.folderEdit, ui.passphraseEdit, ui.confirmEdit):
            edit.textChanged.connect(self._update)
        ui.recipientsEdit.textChanged.connect(self._update)
        self._show_protection()
        (ui.passphraseEdit if ui.folderEdit.text() else ui.folderEdit).setFocus()

    def _passphrase_edits(self) -> Sequence[QLineEdit]:
        return (self.ui.passphraseEdit, self.ui.confirmEdit)

    def _show_protection(self) -> None:
        by_passphrase = self.ui.passphraseRadio.isChecked()
        form = self.ui.formLayout
        form.setRowVisible(self.ui.passphraseEdit, by_passphrase)
        form.setRowVisible(self.ui.confirmEdit, by_passphrase)
        form.setRowVisible(self.ui.recipientsEdit, not by_passphrase)
        self._update()

    def _browse(self) -> None:
        folder = choose_folder(self, _("Back up into this folder"), self.ui.folderEdit.text())
        if folder:
            self.ui.folderEdit.setText(folder)

    def recipients(self) -> list[str]:
        return [
            line.strip()
            for line in self.ui.recipientsEdit.toPlainText().splitlines()
            if line.strip()
        ]

    def _update(self) -> None:
        ui = self.ui
        if ui.passphraseRadio.isChecked():
            ready = bool(ui.passphraseEdit.text() and ui.confirmEdit.text())
        else:
            ready = bool(self.recipients())
        ui.startButton.setEnabled(
            not self.running
            and self.report is None
            and bool(ui.folderEdit.text().strip())
            and ready
        )

    def start(self) -> None:
        ui = self.ui
        if self.running or not ui.startButton.isEnabled():
            return
        folder = Path(ui.folderEdit.text().strip()).expanduser()
        if not folder.is_dir():
            self.show_message(
                _("The folder {folder} does not exist. Choose another one.").format(
                    folder=isolate(str(folder))
                )
            )
            return
        passphrase: str | None = None
        recipients: list[str] = []
        if ui.passphraseRadio.isChecked():
            if ui.passphraseEdit.text() != ui.confirmEdit.text():
                self.show_message(_("The two backup passphrases differ. Type them again."))
                ui.confirmEdit.clear()
                ui.confirmEdit.setFocus()
                return
            passphrase = ui.passphraseEdit.text()
            try:
                passphrases.check(passphrase, what="backup passphrase")
            except ContactKeeperError as exc:
                self.show_message(exc.message)
                ui.passphraseEdit.selectAll()
                ui.passphraseEdit.setFocus()
                return
        else:
            recipients = self.recipients()
        vault = self.context.vault
        now = self.context.now
        destination = folder / backup.default_name(now())

        def work(progress: Progress) -> BackupReport:
            backup.remove_stale_partials(folder)
            under_way = [""]

            def stage(name: str, _fraction: float) -> None:
                if name != under_way[0]:  # said once per stage, not at every megabyte
                    under_way[0] = name
                    progress.stage(name)

            return backup.create_backup(
                vault,
                destination,
                passphrase=passphrase,
                recipients=recipients,
                progress=scaled(progress),
                now=now,
                stages=stage,
                cancelled=progress.cancelled,
            )

        self._run(work, self._done, self._failed)

    _cancel_text = N_("Ca&ncel backup")

    def _stage_text(self, name: str) -> str:
        """``Step 3 of 6: encrypting…``"""
        if name not in backup.STAGE_LABELS:
            return _("Starting…") if not name else _("Finishing…")
        step = backup.BACKUP_STAGES.index(name) + 1
        return _("Step {step} of {steps}: {stage}…").format(
            step=i18n.number(step),
            steps=i18n.number(len(backup.BACKUP_STAGES)),
            stage=_(backup.STAGE_LABELS[name]),
        )

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, BackupCancelled):  # what the user asked for: said calmly
            assert self._stage_label is not None
            self._stage_label.setText(exc.message)
            self._stage_label.show()
            return
        self.show_message(message_for(exc))

    def _done(self, report: BackupReport) -> None:
        self.report = report
        self._forget_passphrases()
        folder = str(Path(report.path).parent)
        self.settings.store.setValue(BACKUP_FOLDER_KEY, folder)
        self.settings.store.sync()
        self.ui.resultLabel.setText(
            _(
                "<b>Backup written and verified.</b><br>{file} ({size}) in {folder}<br>"
                "Holds {counts}.<br>"
                "It was read back and checked completely: it can be restored."
            ).format(
                file=isolate(Path(report.path).name),
                size=size_text(Path(report.path).stat().st_size),
                folder=isolate(folder),
                counts=counts_text(report.counts),
            )
        )
        self.ui.resultLabel.show()
        self.ui.closeButton.setDefault(True)
        self.ui.closeButton.setFocus()
        self.context.status.emit(_("Backup written and verified."))
