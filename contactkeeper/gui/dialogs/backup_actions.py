"""File > Back up now, Verify a backup, Restore from a backup, Import contacts, Export.

``BackupActions`` owns the five actions and the dialogs they open; the main window only puts
the actions in its File menu. Every dialog is a form from ``ui/`` with its behaviour here,
calls a service (``backup``, ``importing``, ``exporting``) off the UI thread through
``run_with_progress`` and says how it went in place: a result summary, or the service's own
calm message (a wrong passphrase and a damaged backup are told apart by ``backup``). What
the work wrote to the open vault (an import's actors, a backup's date) is recorded on the
worker thread and announced on ``context.changed`` when it ends.

Nothing here writes a record in clear: backups are age files, an import reads a file the
user chose, and an export in a clear format needs its own confirmation, ticked by hand after
a warning. The default backup folder is remembered in QSettings as a path, nothing more.
"""

from __future__ import annotations

import html
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QBrush, QCloseEvent, QColor, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QWidget,
)

from contactkeeper.errors import BackupCancelled, ContactKeeperError
from contactkeeper.exchange import backup, exporting, importing, replacement
from contactkeeper.exchange.backup import BackupReport
from contactkeeper.exchange.importing import ImportPlan
from contactkeeper.exchange.replacement import CurrentVault, Replacement
from contactkeeper.gui.app_state import Settings
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.forms.ui_backup_dialog import Ui_BackupDialog
from contactkeeper.gui.forms.ui_export_dialog import Ui_ExportDialog
from contactkeeper.gui.forms.ui_import_dialog import Ui_ImportDialog
from contactkeeper.gui.forms.ui_open_backup_dialog import Ui_OpenBackupDialog
from contactkeeper.gui.operations import Operation, Progress, run_with_progress
from contactkeeper.gui.presentation import show_error, when
from contactkeeper.vault import check_passphrase, passphrases, pre_restore_path
from contactkeeper.vault.changes import Changes
from contactkeeper.vault.keyfile import KdfParams

BACKUP_FOLDER_KEY = "backups/folder"
PROGRESS_STEPS = 1000
ProgressFn = Callable[[int, int], None]
_Index = QModelIndex | QPersistentModelIndex

AMBER = QColor("#7a4b00")
RED = QColor("#9b2c2c")


# -- words ---------------------------------------------------------------------------------


def size_text(count: int) -> str:
    """A file size as people read it: 312 KB, 4.2 MB."""
    if count < 1024:
        return f"{count} bytes"
    value = float(count)
    for unit in ("KB", "MB", "GB"):
        value /= 1024
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if value >= 10 else f"{value:.1f} {unit}"
    raise AssertionError("unreachable")


def _singular(kind: str) -> str:
    return kind[:-2] if kind.endswith("sses") else kind[:-1] if kind.endswith("s") else kind


def counts_text(counts: dict[str, int]) -> str:
    """``{"actors": 2, "interactions": 1}`` as "2 actors, 1 interaction"."""
    parts = [f"{n} {kind if n != 1 else _singular(kind)}" for kind, n in counts.items() if n]
    return ", ".join(parts) if parts else "no records"


def _unbroken(name: str) -> str:
    """A file name that word wrap does not cut at its hyphens (non-breaking hyphens)."""
    return name.replace("-", "\u2011")


def _message(exc: Exception) -> str:
    """What went wrong, for a person: our own errors carry their message."""
    if isinstance(exc, ContactKeeperError):
        return exc.message
    if isinstance(exc, OSError):
        return f"The file could not be used: {exc.strerror or exc}. Nothing was changed."
    return f"Something went wrong ({type(exc).__name__}); nothing was changed."


def _scaled(progress: ProgressFn) -> ProgressFn:
    """Report progress in steps of a thousand: byte counts of a large vault overflow an int."""
    return lambda done, total: progress(done * PROGRESS_STEPS // max(total, 1), PROGRESS_STEPS)


# -- what every dialog here shares ---------------------------------------------------------


class _WorkDialog(QDialog):
    """A dialog that runs one piece of background work at a time and cannot be closed
    meanwhile. ``operation_finished`` is emitted once the result or the error is shown.

    A dialog given a stage label and a Cancel button (``_setup``) names each step of the
    work as it starts, with the seconds it has taken so far, and lets the user cancel: the
    work stops at its next check point (see ``operations.Progress``)."""

    busy_changed = Signal(bool)
    operation_finished = Signal()
    # Closed when the vault locks (it holds passphrases or needs the vault); a restore,
    # which locks the vault itself, stays open to say how it ended.
    closes_on_lock = True

    def __init__(self, context: AppContext, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.context = context
        self._operation: Operation | None = None
        self._inputs: list[QWidget] = []
        self._progress_bar: QProgressBar | None = None
        self._message: QLabel | None = None
        self._cancel_button: QPushButton | None = None
        self._stage_label: QLabel | None = None
        self._stage = ""
        self._stage_since = 0.0
        self._stage_timer = QTimer(self)
        self._stage_timer.setInterval(1000)
        self._stage_timer.timeout.connect(self._show_stage)

    @property
    def running(self) -> bool:
        return self._operation is not None

    def _setup(
        self,
        inputs: Sequence[QWidget],
        progress: QProgressBar,
        message: QLabel,
        close_button: QPushButton,
        *,
        stage_label: QLabel | None = None,
        cancel_button: QPushButton | None = None,
    ) -> None:
        self._inputs = list(inputs)
        self.close_button = close_button
        close_button.clicked.connect(self.reject)
        self._progress_bar = progress
        self._message = message
        message.setStyleSheet("QLabel { color: #9b2c2c; }")
        progress.hide()
        show_error(message, "")
        self._stage_label = stage_label
        self._cancel_button = cancel_button
        if stage_label is not None:
            stage_label.hide()
        if cancel_button is not None:
            cancel_button.hide()
            cancel_button.clicked.connect(self.cancel)

    def show_message(self, text: str) -> None:
        assert self._message is not None
        show_error(self._message, text)

    def _run(
        self,
        work: Callable[[Progress], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        """Run ``work(progress)`` off the UI thread; the inputs stay off until it ends."""
        assert self._progress_bar is not None
        vault = self.context.vault if self.context.unlocked else None
        written: list[Changes] = []

        def recorded(progress: Progress) -> Any:
            if vault is None:
                return work(progress)
            with vault.recording() as recording:
                try:
                    return work(progress)
                finally:
                    written.append(recording.changes)

        def announce() -> None:
            for changes in written:
                self.context.announce(changes, self)

        bar = self._progress_bar
        bar.setValue(0)
        bar.show()
        self.show_message("")
        for widget in self._inputs:
            widget.setEnabled(False)
        self.close_button.setEnabled(False)
        self._stage = ""
        if self._stage_label is not None:
            self._stage_label.clear()
            self._stage_label.show()
        if self._cancel_button is not None:
            self._cancel_button.setText(self._cancel_text)
            self._cancel_button.setEnabled(True)
            self._cancel_button.show()

        def finish() -> None:
            self._operation = None
            self._stage_timer.stop()
            if self._stage_label is not None:
                self._stage_label.hide()
            if self._cancel_button is not None:
                self._cancel_button.hide()
            bar.hide()
            for widget in self._inputs:
                widget.setEnabled(True)
            self.close_button.setEnabled(True)
            self.busy_changed.emit(False)

        def done(result: Any) -> None:
            finish()
            announce()
            try:
                on_done(result)
            finally:
                self._update()
                self.operation_finished.emit()

        def failed(exc: Exception) -> None:
            finish()
            announce()
            try:
                if on_error is not None:
                    on_error(exc)
                else:
                    self.show_message(_message(exc))
            finally:
                self._update()
                self.operation_finished.emit()

        def progress(done: int, total: int) -> None:
            if bar.maximum() > 0:  # a busy bar (maximum 0) just moves
                bar.setMaximum(max(total, 1))
                bar.setValue(min(done, total))

        self._operation = run_with_progress(
            self, recorded, done, failed, progress, self._stage_began
        )
        self.busy_changed.emit(True)
        self._update()

    def cancel(self) -> None:
        """Ask the running work to stop at its next check point."""
        if self._operation is None or self._cancel_button is None:
            return
        self._operation.cancel()
        self._cancel_button.setEnabled(False)
        self._cancel_button.setText("Cancelling…")
        self._show_stage()

    def _stage_began(self, name: str) -> None:
        if name != self._stage:
            self._stage = name
            self._stage_since = time.monotonic()
            self._stage_timer.start()
        self._show_stage()

    def _show_stage(self) -> None:
        label = self._stage_label
        if label is None or self._operation is None:
            return
        text = self._stage_text(self._stage)
        seconds = int(time.monotonic() - self._stage_since)
        if self._stage and seconds >= 2:
            text += f" ({seconds} s)"
        if self._operation.cancel_requested:
            text = f"Cancelling: stopping once this step ends. {text}"
        label.setText(text)

    # What the Cancel button says, and how a step of the work reads (subclasses).
    _cancel_text = "C&ancel"

    def _stage_text(self, name: str) -> str:
        return name

    def _update(self) -> None:
        """Enable the buttons that make sense now (subclasses)."""

    def _passphrase_edits(self) -> Sequence[QLineEdit]:
        return ()

    def _forget_passphrases(self) -> None:
        for edit in self._passphrase_edits():
            edit.clear()

    # A running operation cannot be abandoned halfway: Escape and the close button wait.
    def reject(self) -> None:
        if self.running:
            return
        self._forget_passphrases()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running:
            event.ignore()
            return
        self._forget_passphrases()
        super().closeEvent(event)


def _choose_folder(parent: QWidget, title: str, start: str) -> str:
    return QFileDialog.getExistingDirectory(parent, title, start)


def _choose_file(parent: QWidget, title: str, start: str, filters: str) -> str:
    return QFileDialog.getOpenFileName(parent, title, start, filters)[0]


# -- back up now ---------------------------------------------------------------------------


class BackupDialog(_WorkDialog):
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
        folder = _choose_folder(self, "Back up into this folder", self.ui.folderEdit.text())
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
            self.show_message(f"The folder {folder} does not exist. Choose another one.")
            return
        passphrase: str | None = None
        recipients: list[str] = []
        if ui.passphraseRadio.isChecked():
            if ui.passphraseEdit.text() != ui.confirmEdit.text():
                self.show_message("The two backup passphrases differ. Type them again.")
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
                progress=_scaled(progress),
                now=now,
                stages=stage,
                cancelled=progress.cancelled,
            )

        self._run(work, self._done, self._failed)

    _cancel_text = "Ca&ncel backup"

    def _stage_text(self, name: str) -> str:
        """``Step 3 of 6: encrypting…``"""
        if name not in backup.STAGE_LABELS:
            return "Starting…" if not name else "Finishing…"
        step = backup.BACKUP_STAGES.index(name) + 1
        return f"Step {step} of {len(backup.BACKUP_STAGES)}: {backup.STAGE_LABELS[name]}…"

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, BackupCancelled):  # what the user asked for: said calmly
            assert self._stage_label is not None
            self._stage_label.setText(exc.message)
            self._stage_label.show()
            return
        self.show_message(_message(exc))

    def _done(self, report: BackupReport) -> None:
        self.report = report
        self._forget_passphrases()
        folder = str(Path(report.path).parent)
        self.settings.store.setValue(BACKUP_FOLDER_KEY, folder)
        self.settings.store.sync()
        self.ui.resultLabel.setText(
            f"<b>Backup written and verified.</b><br>{Path(report.path).name} "
            f"({size_text(Path(report.path).stat().st_size)}) in {folder}<br>"
            f"Holds {counts_text(report.counts)}.<br>"
            "It was read back and checked completely: it can be restored."
        )
        self.ui.resultLabel.show()
        self.ui.closeButton.setDefault(True)
        self.ui.closeButton.setFocus()
        self.context.status.emit("Backup written and verified.")


# -- verify and restore --------------------------------------------------------------------


class OpenBackupDialog(_WorkDialog):
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
            self.setWindowTitle("Restore from a backup")
            self.setAccessibleName("Restore from a backup")
            ui.introLabel.setText(
                "Choose a backup and open it with its passphrase or identity file. It is "
                "checked completely first; nothing is changed until you confirm the restore."
            )
        else:
            self.setAccessibleName("Verify a backup")
            ui.introLabel.setText(
                "Check that a backup is complete and authentic, and see what it holds. "
                "No vault is opened or changed."
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
        path = _choose_file(
            self, "Choose a backup", self.ui.fileEdit.text(), "Backups (*.age);;All files (*)"
        )
        if path:
            self.ui.fileEdit.setText(path)

    def _browse_identity(self) -> None:
        path = _choose_file(
            self, "Choose the identity file", self.ui.identityEdit.text(), "All files (*)"
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
        reasons = "; ".join(html.escape(r) for r in replacing.reasons)
        ui.replaceWarningLabel.setText(
            f"<b>Check before restoring:</b> {reasons}.<br>This would replace "
            f"{html.escape(replacing.current.describe())} with "
            f"{html.escape(replacing.describe_backup())}. Restore only if this is the backup "
            "you mean."
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
        self.show_message(_message(exc))

    def _verified(self, result: tuple[BackupReport, CurrentVault | None]) -> None:
        report, current = result
        self.report = report
        self.current = current
        to = "a passphrase" if report.encrypted_to == "passphrase" else "public keys"
        self.ui.summaryLabel.setText(
            "<b>This backup is complete and authentic.</b><br>"
            f"Made {when(report.created_at)} by ContactKeeper {report.app_version} "
            f"(backup format {report.format_version}, schema {report.schema_revision}), "
            f"encrypted to {to}.<br>"
            f"Holds {counts_text(report.counts)}.<br>"
            f"{html.escape(report.schema_line)}."
        )
        self.ui.summaryLabel.show()
        if not self.restore_mode:
            return
        self._show_replacement(replacement.compare(current, report.vault_id, report.created_at))
        if not self.context.unlocked:
            self.show_message("Unlock the vault to restore over it.")
            return
        vault_path = self.context.vault.path
        keep = pre_restore_path(vault_path)
        self.ui.restoreWarningLabel.setText(
            f"Restoring replaces the records of the vault now open ({vault_path}) with this "
            "backup's. The current vault is not deleted: it is kept, untouched, as "
            f"<b>{_unbroken(keep.name)}</b> beside it, until you remove it yourself. The "
            "vault is then locked; unlock it with the new passphrase chosen here."
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
            self.show_message("Unlock the vault to restore over it.")
            return
        new = ui.newPassphraseEdit.text()
        if new != ui.newConfirmEdit.text():
            self.show_message("The two new passphrases differ. Type them again.")
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
        if keep.exists():
            self.show_message(
                f"{keep} still holds the vault kept by an earlier restore. Move or remove it "
                "first; nothing was changed."
            )
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
                progress=_scaled(progress),
                confirmed=confirmed,
                current=current,
            )

        def done(report: BackupReport) -> None:
            self.restored_to = vault_path
            self._forget_passphrases()
            self._show_replacement(None)
            ui.restoreGroup.hide()
            ui.summaryLabel.setText(
                f"<b>Restored.</b><br>The vault at {vault_path} now holds "
                f"{counts_text(report.counts)} from the backup of {when(report.created_at)}."
                f"<br>The previous vault is kept as {keep.name}; remove it once you are "
                "satisfied.<br>Unlock the vault with its new passphrase."
            )
            ui.closeButton.setDefault(True)
            ui.closeButton.setFocus()
            self.context.status.emit("Backup restored: unlock the vault with its new passphrase.")
            self.restored.emit(str(vault_path))

        def failed(exc: Exception) -> None:
            self.show_message(
                _message(exc) + " The vault was locked; unlock it with its usual passphrase."
            )

        self._run(work, done, failed)


# -- import --------------------------------------------------------------------------------


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


class ImportDialog(_WorkDialog):
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
        path = _choose_file(
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


# -- export --------------------------------------------------------------------------------

EXPORT_FORMATS: tuple[tuple[str, str, str, str], ...] = (
    # format, label, file suffix, what it holds
    (
        "redacted",
        "Redacted, for sharing (JSON)",
        ".json",
        "For colleagues or funders. Actors appear by codename only. Sensitive and high-risk "
        "actors are left out, with every interaction, relationship and readiness cue that "
        "involves them. Every name, note, summary and other free text is dropped, and dates "
        "are coarsened to the month. Kept: statuses, countries, cadences, process names and "
        "phases, kinds of contact and of readiness cue.",
    ),
    ("json", "Everything (JSON)", ".json", "Every record, in the documented JSON schema."),
    ("csv", "Actors (CSV)", ".csv", "One row per actor: names, affiliations, channels, notes."),
    ("vcard", "Actors (vCard)", ".vcf", "One vCard per actor, for an address book."),
    ("ics", "Follow-ups (calendar, ICS)", ".ics", "Open follow-ups as all-day events."),
)
PLAINTEXT_WARNING = (
    "<b>This file is not encrypted.</b> It holds your records in clear: anyone who gets "
    "it, or the disk or stick it is on, can read them, and deleting it later may not wipe "
    "it. Share with the redacted format; keep safe copies as encrypted backups."
)


class ExportDialog(_WorkDialog):
    """Choose a format and a new file; a format in clear needs a ticked confirmation."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.ui = Ui_ExportDialog()
        self.ui.setupUi(self)
        self.written: int | None = None
        ui = self.ui
        for fmt, label, _suffix, _help in EXPORT_FORMATS:
            ui.formatCombo.addItem(label, fmt)
        ui.warningLabel.setText(PLAINTEXT_WARNING)
        self._setup(
            [ui.formatCombo, ui.fileEdit, ui.browseButton, ui.confirmCheck],
            ui.progressBar,
            ui.messageLabel,
            ui.closeButton,
        )
        ui.resultLabel.hide()
        ui.formatCombo.currentIndexChanged.connect(self._format_changed)
        ui.confirmCheck.toggled.connect(self._update)
        ui.fileEdit.textChanged.connect(self._update)
        ui.browseButton.clicked.connect(self._browse)
        ui.exportButton.clicked.connect(self.export)
        self._format_changed()
        ui.formatCombo.setFocus()

    @property
    def fmt(self) -> str:
        return str(self.ui.formatCombo.currentData())

    def _spec(self) -> tuple[str, str, str, str]:
        return next(spec for spec in EXPORT_FORMATS if spec[0] == self.fmt)

    @property
    def in_clear(self) -> bool:
        return self.fmt in exporting.CLEAR_FORMATS

    def select_format(self, fmt: str) -> None:
        self.ui.formatCombo.setCurrentIndex(self.ui.formatCombo.findData(fmt))

    def _format_changed(self) -> None:
        ui = self.ui
        _fmt, _label, suffix, help_text = self._spec()
        ui.formatHelpLabel.setText(help_text)
        ui.warningLabel.setVisible(self.in_clear)
        ui.confirmCheck.setVisible(self.in_clear)
        ui.confirmCheck.setChecked(False)  # every clear format is confirmed on its own
        text = ui.fileEdit.text().strip()
        if text:
            ui.fileEdit.setText(str(Path(text).with_suffix(suffix)))
        self._update()

    def _browse(self) -> None:
        _fmt, label, suffix, _help = self._spec()
        start = self.ui.fileEdit.text() or f"export{suffix}"
        path = QFileDialog.getSaveFileName(self, "Export to", start, f"{label} (*{suffix})")[0]
        if path:
            self.ui.fileEdit.setText(path)

    def _update(self) -> None:
        ui = self.ui
        ui.exportButton.setEnabled(
            not self.running
            and bool(ui.fileEdit.text().strip())
            and (not self.in_clear or ui.confirmCheck.isChecked())
        )

    def export(self) -> None:
        ui = self.ui
        if self.running or not ui.exportButton.isEnabled():
            return
        fmt = self.fmt
        confirmed = self.in_clear and ui.confirmCheck.isChecked()
        path = Path(ui.fileEdit.text().strip()).expanduser()
        vault = self.context.vault
        now = self.context.now

        def work(progress: ProgressFn) -> int:
            return exporting.export(vault, fmt, path, i_understand_plaintext=confirmed, now=now)

        def done(count: int) -> None:
            self.written = count
            clear = " It is not encrypted: delete it once it has served." if confirmed else ""
            ui.resultLabel.setText(f"<b>Exported {count} records</b> to {path}.{clear}")
            ui.resultLabel.show()
            ui.confirmCheck.setChecked(False)
            self.context.status.emit(f"Exported {count} records.")

        self._run(work, done)


# -- the actions ---------------------------------------------------------------------------


class BackupActions(QObject):
    """The File menu's backup, restore, import and export actions, and their dialogs.

    Each action is off while the vault is locked or while one of these dialogs is working.
    ``dialog`` is the dialog opened last (tests drive it). ``kdf`` (the restored vault's key
    derivation) and ``settings`` are injectable for tests.
    """

    restored = Signal(str)

    def __init__(
        self,
        context: AppContext,
        parent_widget: QWidget,
        *,
        settings: Settings | None = None,
        kdf: KdfParams | None = None,
    ) -> None:
        super().__init__(parent_widget)
        self.context = context
        self.parent_widget = parent_widget
        self.settings = settings if settings is not None else Settings()
        self.kdf = kdf
        self.dialog: _WorkDialog | None = None
        self.back_up_action = self._action(
            "&Back up now…", "Ctrl+B", self.back_up, "Write an encrypted, verified backup"
        )
        self.verify_action = self._action(
            "&Verify a backup…", None, self.verify, "Check that a backup can be restored"
        )
        self.restore_action = self._action(
            "&Restore from a backup…", None, self.restore, "Replace this vault's records"
        )
        self.import_action = self._action(
            "&Import contacts…", None, self.import_contacts, "From a vCard or CSV file"
        )
        self.export_action = self._action("&Export…", None, self.export, "JSON, CSV, vCard, ICS")
        self.actions = [
            self.back_up_action,
            self.verify_action,
            self.restore_action,
            self.import_action,
            self.export_action,
        ]
        context.vault_opened.connect(self._update)
        context.vault_locked.connect(self._vault_locked)
        self._update()

    def _action(
        self, text: str, shortcut: str | None, slot: Callable[[], None], tip: str
    ) -> QAction:
        action = QAction(text, self.parent_widget)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.parent_widget.addAction(action)
        return action

    @property
    def busy(self) -> bool:
        return self.dialog is not None and self.dialog.running

    def _update(self) -> None:
        usable = self.context.unlocked and not self.busy
        for action in self.actions:
            action.setEnabled(usable)
        if usable and self.context.demo:
            self.restore_action.setEnabled(False)  # a demo vault is discarded when locked

    def _vault_locked(self) -> None:
        if self.dialog is not None and self.dialog.closes_on_lock and not self.dialog.running:
            self.dialog.reject()
        self._update()

    def _open(self, dialog: _WorkDialog) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        dialog.busy_changed.connect(lambda _busy: self._update())
        self.dialog = dialog
        dialog.open()

    # -- the slots --------------------------------------------------------------------

    def back_up(self) -> None:
        if self.context.unlocked and not self.busy:
            self._open(BackupDialog(self.context, self.settings, self.parent_widget))

    def verify(self) -> None:
        if self.context.unlocked and not self.busy:
            self._open(OpenBackupDialog(self.context, self.parent_widget))

    def restore(self) -> None:
        if self.context.unlocked and not self.busy and not self.context.demo:
            dialog = OpenBackupDialog(self.context, self.parent_widget, restore=True, kdf=self.kdf)
            dialog.restored.connect(self.restored)
            self._open(dialog)

    def import_contacts(self) -> None:
        if self.context.unlocked and not self.busy:
            self._open(ImportDialog(self.context, self.parent_widget))

    def export(self) -> None:
        if self.context.unlocked and not self.busy:
            self._open(ExportDialog(self.context, self.parent_widget))


__all__ = [
    "BACKUP_FOLDER_KEY",
    "BackupActions",
    "BackupDialog",
    "ExportDialog",
    "ImportDialog",
    "OpenBackupDialog",
    "counts_text",
    "size_text",
]
