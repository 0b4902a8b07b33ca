"""File > Verify a backup, and File > Restore from a backup: one dialog for both.

A backup is verified first (``backup.verify_backup``, off the UI thread) and its summary
shown; to restore, the dialog then says what happens to the vault now open (kept as
``<name>.pre-restore``, in the words of ``backup.kept_vault_note``), asks for the new
vault's passphrase twice, and for a backup of another vault or an older one, a ticked
confirmation. The vault is locked before the folders are swapped.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from contactkeeper.errors import ContactKeeperError
from contactkeeper.exchange import backup, replacement
from contactkeeper.exchange.backup import BackupReport
from contactkeeper.exchange.replacement import CurrentVault, Replacement
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.work_dialog import (
    ProgressFn,
    WorkDialog,
    choose_file,
    counts_text,
    message_for,
    scaled,
    unbroken,
)
from contactkeeper.gui.forms.ui_open_backup_dialog import Ui_OpenBackupDialog
from contactkeeper.gui.presentation import when
from contactkeeper.i18n import _, isolate
from contactkeeper.vault import check_passphrase, pre_restore_path
from contactkeeper.vault.keyfile import KdfParams


class OpenBackupDialog(WorkDialog):
    """Verify a backup; with ``restore=True``, then restore it over the open vault."""

    restored = Signal(str)  # the vault folder now holding the restored records

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        restore: bool = False,
        kdf: KdfParams | None = None,
    ) -> None:
        super().__init__(context, parent)
        self.ui = Ui_OpenBackupDialog()
        self.ui.setupUi(self)
        self.restore_mode = restore
        self.kdf = kdf
        self.report: BackupReport | None = None
        self.restored_to: Path | None = None
        # What the verified backup would replace, and why to confirm it (restore only).
        self.current: CurrentVault | None = None
        self.replacing: Replacement | None = None
        ui = self.ui
        self._setup(
            [
                ui.fileEdit,
                ui.browseFileButton,
                ui.passphraseRadio,
                ui.identityRadio,
                ui.passphraseEdit,
                ui.identityEdit,
                ui.browseIdentityButton,
                ui.newPassphraseEdit,
                ui.newConfirmEdit,
                ui.replaceAnywayCheck,
            ],
            ui.progressBar,
            ui.messageLabel,
            ui.closeButton,
        )
        if restore:
            self.setWindowTitle(_("Restore from a backup"))
            self.setAccessibleName(_("Restore from a backup"))
            ui.introLabel.setText(
                _(
                    "Choose a backup and open it with its passphrase or identity file. It is "
                    "checked completely first; nothing is changed until you confirm the "
                    "restore."
                )
            )
        else:
            self.setAccessibleName(_("Verify a backup"))
            ui.introLabel.setText(
                _(
                    "Check that a backup is complete and authentic, and see what it holds. "
                    "No vault is opened or changed."
                )
            )
        ui.restoreButton.setVisible(restore)
        ui.restoreGroup.hide()
        ui.summaryLabel.hide()
        ui.replaceWarningLabel.setStyleSheet("QLabel { color: #7a4b00; }")
        self._show_replacement(None)
        ui.replaceAnywayCheck.toggled.connect(self._update)
        ui.passphraseRadio.toggled.connect(self._show_key_kind)
        ui.browseFileButton.clicked.connect(self._browse_backup)
        ui.browseIdentityButton.clicked.connect(self._browse_identity)
        ui.verifyButton.clicked.connect(self.verify)
        ui.restoreButton.clicked.connect(self.restore)
        for edit in (ui.fileEdit, ui.passphraseEdit, ui.identityEdit):
            edit.textChanged.connect(self._forget_verification)
        for edit in (ui.newPassphraseEdit, ui.newConfirmEdit):
            edit.textChanged.connect(self._update)
        ui.passphraseRadio.toggled.connect(self._forget_verification)
        self._show_key_kind()
        ui.fileEdit.setFocus()

    def _passphrase_edits(self) -> Sequence[QLineEdit]:
        ui = self.ui
        return (ui.passphraseEdit, ui.newPassphraseEdit, ui.newConfirmEdit)

    def _show_key_kind(self) -> None:
        by_passphrase = self.ui.passphraseRadio.isChecked()
        self.ui.formLayout.setRowVisible(self.ui.passphraseEdit, by_passphrase)
        self.ui.formLayout.setRowVisible(self.ui.identityLayout, not by_passphrase)
        self._update()

    def _browse_backup(self) -> None:
        path = choose_file(
            self,
            _("Choose a backup"),
            self.ui.fileEdit.text(),
            _("Backups (*.age);;All files (*)"),
        )
        if path:
            self.ui.fileEdit.setText(path)

    def _browse_identity(self) -> None:
        path = choose_file(
            self, _("Choose the identity file"), self.ui.identityEdit.text(), _("All files (*)")
        )
        if path:
            self.ui.identityEdit.setText(path)

    def _forget_verification(self) -> None:
        if self.running:
            return
        self.report = None
        self._show_replacement(None)
        self.ui.summaryLabel.hide()
        self.ui.restoreGroup.hide()
        self.ui.verifyButton.setDefault(True)
        self._update()

    def _update(self) -> None:
        ui = self.ui
        has_key = (
            bool(ui.passphraseEdit.text())
            if ui.passphraseRadio.isChecked()
            else bool(ui.identityEdit.text().strip())
        )
        idle = not self.running and self.restored_to is None
        ui.verifyButton.setEnabled(idle and bool(ui.fileEdit.text().strip()) and has_key)
        ui.restoreButton.setEnabled(
            idle
            and self.restore_mode
            and self.context.unlocked
            and self.report is not None
            and bool(ui.newPassphraseEdit.text())
            and bool(ui.newConfirmEdit.text())
            and (not self._needs_confirmation() or ui.replaceAnywayCheck.isChecked())
        )

    def _needs_confirmation(self) -> bool:
        return self.replacing is not None and self.replacing.needs_confirmation

    def _show_replacement(self, replacing: Replacement | None) -> None:
        """Name both vaults and why to check, when the backup is of another vault or older."""
        ui = self.ui
        self.replacing = replacing
        ui.replaceAnywayCheck.setChecked(False)
        if replacing is None or not replacing.needs_confirmation or replacing.current is None:
            ui.replaceWarningLabel.hide()
            ui.replaceAnywayCheck.hide()
            return
        # Translators: what separates the reasons to check a backup before restoring it.
        reasons = _("; ").join(html.escape(r) for r in replacing.reasons)
        ui.replaceWarningLabel.setText(
            _(
                "<b>Check before restoring:</b> {reasons}.<br>This would replace {current} "
                "with {backup}. Restore only if this is the backup you mean."
            ).format(
                reasons=reasons,
                current=html.escape(replacing.current.describe()),
                backup=html.escape(replacing.describe_backup()),
            )
        )
        ui.replaceWarningLabel.show()
        ui.replaceAnywayCheck.show()

    def _grow_to_fit(self) -> None:
        """Taller, never narrower, so that every wrapped line of the warnings shows."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    def _work_args(self) -> tuple[Path, str | None, Path | None]:
        ui = self.ui
        path = Path(ui.fileEdit.text().strip()).expanduser()
        if ui.passphraseRadio.isChecked():
            return path, ui.passphraseEdit.text(), None
        return path, None, Path(ui.identityEdit.text().strip()).expanduser()

    def verify(self) -> None:
        if self.running or not self.ui.verifyButton.isEnabled():
            return
        path, passphrase, identity_file = self._work_args()
        vault = self.context.vault if self.restore_mode and self.context.unlocked else None

        def work(progress: ProgressFn) -> tuple[BackupReport, CurrentVault | None]:
            identities = backup.read_identity_file(identity_file) if identity_file else ()
            report = backup.verify_backup(path, passphrase=passphrase, identities=identities)
            # What the vault shown now would lose: read while it is open, before any restore.
            current = replacement.current_vault(vault.path, vault) if vault is not None else None
            return report, current

        self._run(work, self._verified, self._not_verified)

    def _not_verified(self, exc: Exception) -> None:
        self.report = None
        self._show_replacement(None)
        self.ui.summaryLabel.hide()
        self.ui.restoreGroup.hide()
        self.show_message(message_for(exc))

    def _verified(self, result: tuple[BackupReport, CurrentVault | None]) -> None:
        report, current = result
        self.report = report
        self.current = current
        if report.encrypted_to == "passphrase":
            text = _(
                "<b>This backup is complete and authentic.</b><br>"
                "Made {when} by ContactKeeper {version} (backup format {format}, schema "
                "{schema}), encrypted to a passphrase.<br>"
                "Holds {counts}.<br>"
                "{schema_line}."
            )
        else:
            text = _(
                "<b>This backup is complete and authentic.</b><br>"
                "Made {when} by ContactKeeper {version} (backup format {format}, schema "
                "{schema}), encrypted to public keys.<br>"
                "Holds {counts}.<br>"
                "{schema_line}."
            )
        self.ui.summaryLabel.setText(
            text.format(
                when=when(report.created_at),
                version=report.app_version,
                format=report.format_version,
                schema=report.schema_revision,
                counts=counts_text(report.counts),
                schema_line=html.escape(report.schema_line),
            )
        )
        self.ui.summaryLabel.show()
        if not self.restore_mode:
            return
        self._show_replacement(replacement.compare(current, report.vault_id, report.created_at))
        if not self.context.unlocked:
            self.show_message(_("Unlock the vault to restore over it."))
            return
        vault_path = self.context.vault.path
        keep = pre_restore_path(vault_path)
        self.ui.restoreWarningLabel.setText(
            _(
                "Restoring replaces the records of the vault now open ({folder}) with this "
                "backup's. {kept} The vault is then locked; unlock it with the new passphrase "
                "chosen here."
            ).format(
                folder=isolate(str(vault_path)),
                kept=backup.kept_vault_note(f"<b>{unbroken(keep.name)}</b>"),
            )
        )
        self.ui.restoreGroup.show()
        self._grow_to_fit()
        self.ui.restoreButton.setDefault(True)
        self.ui.newPassphraseEdit.setFocus()

    def restore(self) -> None:
        ui = self.ui
        if self.running or not ui.restoreButton.isEnabled() or self.report is None:
            return
        if not self.context.unlocked:
            self.show_message(_("Unlock the vault to restore over it."))
            return
        new = ui.newPassphraseEdit.text()
        if new != ui.newConfirmEdit.text():
            self.show_message(_("The two new passphrases differ. Type them again."))
            ui.newConfirmEdit.clear()
            ui.newConfirmEdit.setFocus()
            return
        try:
            check_passphrase(new)
        except ContactKeeperError as exc:
            self.show_message(exc.message)
            return
        vault_path = Path(self.context.vault.path).absolute()
        keep = pre_restore_path(vault_path)
        try:
            backup.check_room_for_kept_vault(vault_path)
        except ContactKeeperError as exc:
            self.show_message(exc.message)
            return
        path, passphrase, identity_file = self._work_args()
        kdf = self.kdf
        confirmed = ui.replaceAnywayCheck.isChecked()
        current = self.current
        self.closes_on_lock = False
        self.context.lock()  # every connection closed before the folder is swapped

        def work(progress: ProgressFn) -> BackupReport:
            identities = backup.read_identity_file(identity_file) if identity_file else ()
            return backup.restore_backup(
                path,
                vault_path,
                new,
                passphrase=passphrase,
                identities=identities,
                kdf=kdf,
                progress=scaled(progress),
                confirmed=confirmed,
                current=current,
            )

        def done(report: BackupReport) -> None:
            self.restored_to = vault_path
            self._forget_passphrases()
            self._show_replacement(None)
            ui.restoreGroup.hide()
            ui.summaryLabel.setText(
                _(
                    "<b>Restored.</b><br>The vault at {folder} now holds {counts} from the "
                    "backup of {when}.<br>The previous vault is kept as {kept}; remove it once "
                    "you are satisfied.<br>Unlock the vault with its new passphrase."
                ).format(
                    folder=isolate(str(vault_path)),
                    counts=counts_text(report.counts),
                    when=when(report.created_at),
                    kept=isolate(keep.name),
                )
            )
            ui.closeButton.setDefault(True)
            ui.closeButton.setFocus()
            self.context.status.emit(
                _("Backup restored: unlock the vault with its new passphrase.")
            )
            self.restored.emit(str(vault_path))

        def failed(exc: Exception) -> None:
            self.show_message(
                _("{reason} The vault was locked; unlock it with its usual passphrase.").format(
                    reason=message_for(exc)
                )
            )

        self._run(work, done, failed)
