"""Settings for this device: remember the vault in the OS keyring (or forget it), the idle
time before auto-lock, destroying the vault after N failed unlocks in a row (off by default),
and destroying the vault now.

"Remember on this device" is off by default and offered once after an unlock
(:func:`offer_remember`); without a usable keyring it is disabled, with the one-line reason
:func:`contactkeeper.protect.device.keyring_status` gives. QSettings holds two values here, neither
of them record data nor even a vault's path: the auto-lock minutes (a number) and whether
the offer was made (a flag). "Destroy after N failed unlocks" keeps N and the count through
:attr:`Settings.lockout <contactkeeper.gui.app_state.Settings.lockout>` (numbers under a
digest of the vault's path; see :mod:`contactkeeper.protect.failures`), written only when changed.

The form is ``ui/settings.ui`` (compiled to ``forms/ui_settings.py``).
"""

from __future__ import annotations

from pathlib import Path

from keyring.backend import KeyringBackend
from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QWidget

from contactkeeper.errors import ContactKeeperError, KeyringUnavailable, WrongPassphrase
from contactkeeper.gui.app_state import Settings
from contactkeeper.gui.autolock import AUTOLOCK_KEY, MAX_AUTOLOCK_MINUTES, autolock_minutes
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.dialogs.language import add_language_choice
from contactkeeper.gui.forms.ui_settings import Ui_SettingsDialog
from contactkeeper.gui.operations import Operation, run_in_background, run_with_progress
from contactkeeper.i18n import N_, _, ngettext, number
from contactkeeper.protect import destroy as wipe
from contactkeeper.protect import device, rekey
from contactkeeper.protect import failures as lockout
from contactkeeper.vault import Vault, check_passphrase
from contactkeeper.vault.keyfile import KdfParams

OFFERED_KEY = "security/remember_offered"

BACKUPS_NOT_AFFECTED = N_(
    "Existing backups are not affected: whoever has a backup and its passphrase can still "
    "restore everything in it."
)


# -- what QSettings holds ---------------------------------------------------------------


def save_autolock_minutes(store: QSettings, minutes: int) -> None:
    store.setValue(AUTOLOCK_KEY, max(0, min(int(minutes), MAX_AUTOLOCK_MINUTES)))
    store.sync()


def _offered(store: QSettings) -> bool:
    return str(store.value(OFFERED_KEY, "false")).lower() in ("true", "1")


def _sentence(reason: str) -> str:
    reason = reason.strip().rstrip(".")
    return f"{reason[:1].upper()}{reason[1:]}." if reason else ""


# -- the settings dialog ----------------------------------------------------------------


class SettingsDialog(QDialog):
    """Settings for the open vault on this device. Closes itself when the vault locks.

    ``backend`` is the keyring to use (``None``: the system's); tests pass their own.
    """

    # The idle minutes before auto-lock changed (0: never).
    autolock_changed = Signal(int)
    # The vault was destroyed (its folder is gone); the start screen should move on.
    vault_destroyed = Signal(Path)
    # The passphrase and the database key were changed; the vault is open under the new key.
    rekeyed = Signal()
    # Changing them was refused or failed; the message says why.
    rekey_failed = Signal(str)

    def __init__(
        self,
        context: AppContext,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        backend: KeyringBackend | None = None,
        kdf: KdfParams | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.settings = settings
        self.backend = backend
        self.kdf = kdf  # the new key file's key derivation (None: calibrated here)
        self.path = context.vault.path
        self._destroying = False
        self._gone = False
        self.rekey_running = False  # the vault is locked while its key is changed
        self.operation: Operation | None = None
        self.ui = Ui_SettingsDialog()
        self.ui.setupUi(self)
        self.ui.pages.setCurrentWidget(self.ui.settingsPage)
        self.language = add_language_choice(self, self.ui.settingsContentLayout)
        self.ui.autoLockSpin.setValue(autolock_minutes(settings.store))
        self.ui.recentCheck.setChecked(settings.keeps_recent_vaults())
        self._show_wipe_after_failures()
        self.ui.destroyWarningLabel.setText(
            _(
                "This cannot be undone. Every copy of this vault's folder becomes unreadable, "
                "even with the passphrase, and the folder is deleted. To confirm, type the "
                "folder's name: {name}"
            ).format(name=self.path.name)
        )
        self.ui.backupsLabel.setText(
            _("{backups} Destroy those separately if you must.").format(
                backups=_(BACKUPS_NOT_AFFECTED)
            )
        )
        self._show_device()
        self._connect()

    def _connect(self) -> None:
        ui = self.ui
        ui.rememberCheck.toggled.connect(self._remember_toggled)
        ui.forgetButton.clicked.connect(self.forget)
        ui.autoLockSpin.valueChanged.connect(self._autolock_changed)
        ui.recentCheck.toggled.connect(self._keep_recent_changed)
        ui.wipeCheck.toggled.connect(self._wipe_after_failures_changed)
        ui.wipeSpin.valueChanged.connect(self._wipe_after_failures_changed)
        ui.destroyButton.clicked.connect(self.ask_destroy)
        ui.confirmEdit.textChanged.connect(self._confirmation_typed)
        ui.keepButton.clicked.connect(self._keep)
        ui.confirmDestroyButton.clicked.connect(self.destroy_vault)
        ui.rekeyButton.clicked.connect(self.ask_rekey)
        ui.rekeyCancelButton.clicked.connect(self._back_from_rekey)
        ui.rekeyStartButton.clicked.connect(self.start_rekey)
        ui.againEdit.returnPressed.connect(self.start_rekey)
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Close).clicked.connect(self.accept)
        self.context.vault_locked.connect(self._locked)

    # -- remember on this device --------------------------------------------------------

    def _show_device(self) -> None:
        ui = self.ui
        status = device.keyring_status(self.backend, probe=False)
        remembered = status.usable and device.is_remembered(self.path, self.backend)
        ui.rememberCheck.blockSignals(True)
        ui.rememberCheck.setChecked(remembered)
        ui.rememberCheck.blockSignals(False)
        ui.rememberCheck.setEnabled(status.usable and not self.context.demo)
        if not status.usable:
            ui.keyringLabel.setText(_sentence(status.reason))
        elif remembered:
            ui.keyringLabel.setText(_("This device opens the vault without the passphrase."))
        else:
            ui.keyringLabel.setText(_sentence(status.reason))
        # Forgetting works without the keyring too: the wrapped key on disk is destroyed.
        ui.forgetButton.setEnabled(remembered or (self.path / device.DEVICE_NAME).exists())

    def _remember_toggled(self, checked: bool) -> None:
        if checked:
            self.remember()
        else:
            self.forget()

    def remember(self) -> None:
        try:
            device.remember(self.context.vault, self.backend)
        except KeyringUnavailable as exc:
            self.ui.messageLabel.setText(exc.message)
        except ContactKeeperError as exc:
            self.ui.messageLabel.setText(exc.message)
        else:
            self.ui.messageLabel.setText(
                _(
                    "Remembered: this device now opens the vault without the passphrase. "
                    "Forget it before you travel."
                )
            )
        self._show_device()

    def forget(self) -> None:
        removed = device.forget(self.path, self.backend)
        if removed:
            self.ui.messageLabel.setText(
                _("Forgotten: this device needs the passphrase again to open the vault.")
            )
        else:
            self.ui.messageLabel.setText(
                _(
                    "Forgotten: the key kept on this device was destroyed, so the passphrase "
                    "is needed again. The keyring's entry could not be confirmed gone; alone "
                    "it opens nothing."
                )
            )
        self._show_device()

    # -- auto-lock ----------------------------------------------------------------------

    def _autolock_changed(self, minutes: int) -> None:
        save_autolock_minutes(self.settings.store, minutes)
        self.autolock_changed.emit(minutes)

    # -- the list of recent vaults -----------------------------------------------------

    def _keep_recent_changed(self, keep: bool) -> None:
        self.settings.set_keep_recent_vaults(keep)
        if keep:
            self.settings.remember_vault(self.path)
            self.ui.messageLabel.setText(
                _(
                    "The start screen lists the vaults you open; their folders are kept in "
                    "this computer's settings."
                )
            )
        else:
            self.ui.messageLabel.setText(
                _(
                    "No vault's folder is kept in this computer's settings any more; the list "
                    "was cleared. Open a vault from its folder each time."
                )
            )

    # -- destroying after failed unlocks ------------------------------------------------

    def _show_wipe_after_failures(self) -> None:
        """The stored setting, shown without writing anything (off unless chosen)."""
        ui = self.ui
        limit = self.settings.lockout.limit(self.path)
        for widget in (ui.wipeCheck, ui.wipeSpin):
            widget.blockSignals(True)
        ui.wipeSpin.setRange(lockout.MIN_LIMIT, lockout.MAX_LIMIT)
        ui.wipeSpin.setValue(limit if limit is not None else lockout.DEFAULT_LIMIT)
        ui.wipeCheck.setChecked(limit is not None)
        for widget in (ui.wipeCheck, ui.wipeSpin):
            widget.blockSignals(False)
        ui.wipeCheck.setEnabled(not self.context.demo)  # a demo is discarded anyway
        ui.wipeSpin.setEnabled(limit is not None and not self.context.demo)

    def _wipe_after_failures_changed(self, *_args: object) -> None:
        ui = self.ui
        on = ui.wipeCheck.isChecked()
        limit = ui.wipeSpin.value() if on else None
        self.settings.lockout.set_limit(self.path, limit)
        ui.wipeSpin.setEnabled(on)
        if limit is None:
            ui.messageLabel.setText(
                _("Off: failed unlocks only make the next attempt wait; nothing is destroyed.")
            )
        else:
            ui.messageLabel.setText(
                ngettext(
                    "On: {n} wrong passphrase in a row on this computer destroys this vault "
                    "here for good. Make sure you have a recent backup.",
                    "On: {n} wrong passphrases in a row on this computer destroy this vault "
                    "here for good. Make sure you have a recent backup.",
                    limit,
                ).format(n=number(limit))
            )

    # -- destroying the vault -----------------------------------------------------------

    def ask_destroy(self) -> None:
        self.ui.confirmEdit.clear()
        self.ui.messageLabel.clear()
        self.ui.pages.setCurrentWidget(self.ui.destroyPage)
        self.ui.confirmEdit.setFocus()

    def _confirmation_typed(self, text: str) -> None:
        self.ui.confirmDestroyButton.setEnabled(text.strip() == self.path.name)

    def _keep(self) -> None:
        self.ui.confirmEdit.clear()
        self.ui.pages.setCurrentWidget(self.ui.settingsPage)

    def destroy_vault(self) -> None:
        """Lock, then crypto-erase and delete the vault; only after the typed confirmation."""
        if self.ui.confirmEdit.text().strip() != self.path.name:
            return
        path = self.path
        self._destroying = True
        try:
            self.context.lock()  # every connection closed before the files go
            report = wipe.destroy_vault(path, self.backend)
            if not report.key_file_destroyed:
                raise OSError(0, "; ".join(report.left_behind))
        except (ContactKeeperError, OSError) as exc:
            text = exc.message if isinstance(exc, ContactKeeperError) else exc.strerror
            self.ui.messageLabel.setText(
                _("The vault could not be destroyed completely: {reason}").format(reason=text)
            )
            return
        finally:
            self._destroying = False
        self.settings.forget_vault(path)
        self.settings.lockout.forget(path)
        self.vault_destroyed.emit(path)
        if report.left_behind:
            text = _("The vault was destroyed. Left behind: {files}. {backups}").format(
                files="; ".join(report.left_behind), backups=_(BACKUPS_NOT_AFFECTED)
            )
        else:
            text = _("The vault was destroyed. {backups}").format(backups=_(BACKUPS_NOT_AFFECTED))
        self.context.status.emit(text)
        self.accept()

    # -- changing the passphrase and the database key -----------------------------------

    @property
    def busy(self) -> bool:
        return self.operation is not None

    def ask_rekey(self) -> None:
        ui = self.ui
        for edit in (ui.currentEdit, ui.newEdit, ui.againEdit):
            edit.clear()
        ui.messageLabel.clear()
        ui.rekeyProgress.hide()
        ui.pages.setCurrentWidget(ui.rekeyPage)
        ui.currentEdit.setFocus()

    def _back_from_rekey(self) -> None:
        if self.busy:
            return
        for edit in (self.ui.currentEdit, self.ui.newEdit, self.ui.againEdit):
            edit.clear()
        self.ui.pages.setCurrentWidget(self.ui.settingsPage)

    def start_rekey(self) -> None:
        """Check the new passphrase here, the current one off the UI thread (nothing is
        locked if it is wrong), then lock the vault and re-key it off the UI thread."""
        ui = self.ui
        if self.busy:
            return
        old, new = ui.currentEdit.text(), ui.newEdit.text()
        try:
            if new != ui.againEdit.text():
                raise ContactKeeperError(_("The two new passphrases differ; nothing was changed."))
            check_passphrase(new)
        except ContactKeeperError as exc:
            ui.messageLabel.setText(exc.message)
            return
        vault = self.context.vault
        self._set_busy(True, _("Checking the current passphrase…"))

        def checked(right: object) -> None:
            self.operation = None
            if self._gone:
                return
            if right is not True:
                self._rekey_failed(WrongPassphrase().message)
                return
            self._run_rekey(old, new)

        self.operation = run_in_background(
            self._owner(),
            lambda: vault.verify_passphrase(old),
            checked,
            lambda exc: self._rekey_error(exc),
        )

    def _run_rekey(self, old: str, new: str) -> None:
        ui = self.ui
        path, kdf, backend = self.path, self.kdf, self.backend
        self.rekey_running = True
        ui.messageLabel.setText(_("Re-encrypting the database under a new key…"))
        ui.rekeyProgress.setRange(0, len(rekey.STEPS))
        ui.rekeyProgress.setValue(0)
        ui.rekeyProgress.show()
        self.context.lock()  # every connection closed before the files change

        def work(progress: rekey.Progress) -> Vault:
            return rekey.rekey_vault(path, old, new, kdf=kdf, backend=backend, progress=progress)

        self.operation = run_with_progress(
            self._owner(), work, self._rekey_done, self._rekey_error, self._rekey_progress
        )

    def _rekey_progress(self, done: int, total: int) -> None:
        if not self._gone:
            self.ui.rekeyProgress.setValue(done)

    def _rekey_done(self, vault: Vault) -> None:
        self.operation = None
        self.rekey_running = False
        if self._gone:  # closed meanwhile (the panic key): stay locked
            vault.close()
            return
        self.context.open(vault)
        self._set_busy(False)
        self._back_from_rekey()
        self._show_device()
        self.ui.messageLabel.setText(
            _(
                "The passphrase was changed and the database re-encrypted under a new database "
                "key: no earlier copy of the vault's key file opens it. This device no longer "
                "remembers the vault. {older_copies}"
            ).format(older_copies=_(rekey.OLDER_COPIES))
        )
        self.rekeyed.emit()

    def _rekey_error(self, exc: Exception) -> None:
        self.operation = None
        locked = self.rekey_running
        self.rekey_running = False
        if self._gone:
            return
        text = exc.message if isinstance(exc, ContactKeeperError) else type(exc).__name__
        if locked:
            text = _("{reason} The vault was locked: unlock it again with your passphrase.").format(
                reason=text
            )
        self._rekey_failed(text)
        if locked:  # nothing more to set on a locked vault: the message stays to be read
            self.ui.pages.setEnabled(False)

    def _rekey_failed(self, message: str) -> None:
        self._set_busy(False)
        self.ui.messageLabel.setText(message)
        self.rekey_failed.emit(message)

    def _set_busy(self, busy: bool, message: str = "") -> None:
        ui = self.ui
        for widget in (ui.currentEdit, ui.newEdit, ui.againEdit, ui.rekeyStartButton):
            widget.setEnabled(not busy)
        ui.rekeyCancelButton.setEnabled(not busy)
        ui.buttonBox.setEnabled(not busy)
        if busy:
            ui.messageLabel.setText(message)
        else:
            ui.rekeyProgress.hide()

    def _owner(self) -> QObject:
        """Background work belongs to the main window: this dialog may close meanwhile."""
        parent = self.parent()
        return parent if parent is not None else self

    def done(self, result: int) -> None:
        self._gone = True
        super().done(result)

    def _locked(self) -> None:
        if not self._destroying and not self.rekey_running:
            self.reject()


# -- the offer after an unlock ----------------------------------------------------------


def offer_remember(
    parent: QWidget | None,
    context: AppContext,
    settings: Settings,
    *,
    backend: KeyringBackend | None = None,
) -> QMessageBox | None:
    """After an unlock, ask once whether to remember the vault here; ``None`` if not asked.

    Asked at most once per user of this computer, never for the demo, never without a usable
    keyring, never for a vault already remembered. The answer preselected is "Not now".
    """
    if not _may_offer(context, settings):
        return None
    if not _keyring_would_remember(context.vault.path, backend):
        return None
    return _ask_to_remember(parent, context, settings, backend)


def offer_remember_soon(
    parent: QObject,
    context: AppContext,
    settings: Settings,
    *,
    backend: KeyringBackend | None = None,
) -> Operation | None:
    """:func:`offer_remember` as the unlock makes it: the keyring is asked off the UI thread
    (loading its backends and looking the vault up take a tenth of a second or more, which
    the window opening must not wait for), then the question is asked on the UI thread if
    the same vault is still open. ``None`` if the offer is not to be made at all."""
    if not _may_offer(context, settings):
        return None
    vault = context.vault
    path = vault.path

    def answered(would: object) -> None:
        still_open = context.unlocked and context.vault is vault
        if would is True and still_open and _may_offer(context, settings):
            _ask_to_remember(
                parent if isinstance(parent, QWidget) else None, context, settings, backend
            )

    def failed(_exc: Exception) -> None:
        """The keyring could not be asked: no offer (the passphrase is always there)."""

    return run_in_background(
        parent, lambda: _keyring_would_remember(path, backend), answered, failed
    )


def _may_offer(context: AppContext, settings: Settings) -> bool:
    """Not asked before on this computer, a vault open, and not the demo."""
    return not (_offered(settings.store) or context.demo or not context.unlocked)


def _keyring_would_remember(path: Path, backend: KeyringBackend | None) -> bool:
    """Whether this device's keyring can remember the vault at ``path`` and does not yet
    (reads nothing of the window: safe off the UI thread)."""
    if not device.keyring_status(backend, probe=False).usable:
        return False
    return not device.is_remembered(path, backend)


def _ask_to_remember(
    parent: QWidget | None,
    context: AppContext,
    settings: Settings,
    backend: KeyringBackend | None,
) -> QMessageBox:
    store = settings.store
    store.setValue(OFFERED_KEY, True)  # before asking: never twice, even after a crash
    store.sync()
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Remember on this device?"))
    box.setText(_("Open this vault on this computer without typing the passphrase?"))
    box.setInformativeText(
        _(
            "Anyone who uses your logged-in session could then open it too. You can forget "
            "it in Settings at any time; do so before you travel."
        )
    )
    remember_button = box.addButton(_("Remember on this device"), QMessageBox.ButtonRole.AcceptRole)
    not_now = box.addButton(_("Not now"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(not_now)
    box.setEscapeButton(not_now)

    def answered(button: object) -> None:
        if button is not remember_button or not context.unlocked:
            return
        try:
            device.remember(context.vault, backend)
        except ContactKeeperError as exc:
            context.status.emit(exc.message)
        else:
            context.status.emit(_("This vault is now remembered on this device."))

    box.buttonClicked.connect(answered)
    context.vault_locked.connect(box.reject)
    box.open()
    return box


__all__ = [
    "AUTOLOCK_KEY",
    "OFFERED_KEY",
    "SettingsDialog",
    "autolock_minutes",
    "offer_remember",
    "offer_remember_soon",
    "save_autolock_minutes",
]
