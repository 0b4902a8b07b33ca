"""The screens before a vault is open: welcome, create a vault, unlock.

With no vault known, the welcome page offers to create one, open one, or explore the demo.
With a vault known, the unlock page comes first. Key derivation (creating or unlocking) runs
off the UI thread, with a busy indicator; errors are shown calmly under the field.

Failed unlocks in a row make the next attempt wait (:class:`UnlockThrottle`, in memory). If
"destroy after N failed unlocks" is on for the vault (Settings, off by default), they are
also counted in the application's settings (:mod:`contactkeeper.protect.failures`, never in the
vault's folder), and the Nth destroys the vault with
:func:`contactkeeper.protect.destroy.destroy_vault`.
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFileDialog, QListWidgetItem, QStackedWidget, QWidget

from contactkeeper import i18n
from contactkeeper.errors import (
    ContactKeeperError,
    NotAVault,
    UnlockThrottled,
    WeakPassphrase,
    WrongPassphrase,
)
from contactkeeper.gui.app_state import Settings, demo_root
from contactkeeper.gui.context import AppContext
from contactkeeper.gui.forms.ui_create_vault import Ui_CreateVaultPage
from contactkeeper.gui.forms.ui_unlock import Ui_UnlockPage
from contactkeeper.gui.forms.ui_welcome import Ui_WelcomePage
from contactkeeper.gui.operations import Operation, run_in_background
from contactkeeper.gui.widgets.elided_label import MiddleElided
from contactkeeper.gui.widgets.unlock_throttle import ThrottleCountdown
from contactkeeper.i18n import _, isolate, ngettext
from contactkeeper.protect.failures import Verdict
from contactkeeper.protect.throttle import UnlockThrottle
from contactkeeper.vault import Vault, check_passphrase, is_vault
from contactkeeper.vault.keyfile import KdfParams

if TYPE_CHECKING:  # the keyring loads when a vault is remembered or destroyed
    from keyring.backend import KeyringBackend

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


def passphrase_strength(passphrase: str) -> tuple[int, str]:
    """A meter from 0 to 100 and advice, from the one judge of passphrases
    (:mod:`contactkeeper.vault.passphrases`, zxcvbn): below its threshold the meter stays in the
    red ("weak") and the advice is zxcvbn's; a passphrase that would be refused is never
    shown as anything but weak."""
    from contactkeeper.vault import passphrases  # zxcvbn: when a new vault is made, not at start

    if not passphrase:
        return 0, _(passphrases.GENERAL_ADVICE)
    judged = passphrases.strength(passphrase)
    if judged.too_short:
        return min(len(passphrase) * 3, 20), judged.advice
    if not judged.acceptable:
        # Translators: {advice} is the advice of the passphrase judge, a sentence or two.
        return 10 + 10 * judged.score, _("Too easy to guess. {advice}").format(advice=judged.advice)
    if judged.score < passphrases.TOP_SCORE:
        return 75, _("Good. Write it down somewhere safe until you know it by heart.")
    return 100, _("Strong. Write it down somewhere safe until you know it by heart.")


def strength_label(score: int) -> str:
    """The meter's level, a key for its colour (the style sheet): "weak" for every
    passphrase that would be refused, "good", "strong". Shown as :func:`strength_word`."""
    if score < 50:
        return "weak"
    return "good" if score < 90 else "strong"


def strength_word(score: int) -> str:
    """The meter's word, as a person reads it in their language."""
    level = strength_label(score)
    if level == "weak":
        # Translators: the passphrase meter's word.
        return _("weak")
    # Translators: the passphrase meter's word.
    return _("good") if level == "good" else _("strong")


class WelcomePage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_WelcomePage()
        self.ui.setupUi(self)
        self.ui.busyBar.hide()


class CreateVaultPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_CreateVaultPage()
        self.ui.setupUi(self)
        self.ui.busyBar.hide()
        self.ui.passphraseEdit.textChanged.connect(self._show_strength)
        self.ui.confirmEdit.textChanged.connect(self._show_strength)
        # A message about the folder goes once the folder is changed.
        self.ui.locationEdit.textEdited.connect(lambda _text: self.ui.messageLabel.clear())
        self.ui.locationEdit.returnPressed.connect(self.ui.passphraseEdit.setFocus)
        self.ui.passphraseEdit.returnPressed.connect(self.ui.confirmEdit.setFocus)
        self._show_strength()

    def reset(self, location: Path) -> None:
        self.ui.locationEdit.setText(str(location))
        self.ui.passphraseEdit.clear()
        self.ui.confirmEdit.clear()
        self.ui.messageLabel.clear()
        self.ui.passphraseEdit.setFocus()

    def _show_strength(self) -> None:
        passphrase = self.ui.passphraseEdit.text()
        score, advice = passphrase_strength(passphrase)
        self.ui.strengthBar.setValue(score)
        self.ui.strengthBar.setFormat(strength_word(score) if passphrase else "")
        self.ui.strengthBar.setProperty("level", strength_label(score))
        self.ui.strengthBar.style().unpolish(self.ui.strengthBar)
        self.ui.strengthBar.style().polish(self.ui.strengthBar)
        confirm = self.ui.confirmEdit.text()
        if confirm and not passphrase.startswith(confirm):
            advice = _("The two passphrases differ.")
        self.ui.adviceLabel.setText(advice)
        # The passphrases changed: what was said about them before no longer holds.
        self._warn(False)
        self.ui.messageLabel.clear()

    def refuse(self, advice: str) -> None:
        """Creating was refused for the passphrase: say why on the advice line, as a
        warning, once (not again under it)."""
        self.ui.adviceLabel.setText(advice)
        self.ui.messageLabel.clear()
        self._warn(True)

    def _warn(self, on: bool) -> None:
        label = self.ui.adviceLabel
        if label.property("warning") != on:
            label.setProperty("warning", on)
            label.style().unpolish(label)
            label.style().polish(label)


class UnlockPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_UnlockPage()
        self.ui.setupUi(self)
        self.ui.busyBar.hide()
        self.path: Path | None = None
        # The vault's full path, elided in the middle to fit ("/home/you/…/vault").
        self.vault_path = MiddleElided(self.ui.vaultLabel, _("Vault: "))

    def show_vault(self, path: Path, recent: list[Path]) -> None:
        """Ask for the passphrase of the vault in ``path``; list ``recent`` by folder name."""
        self.path = path
        self.vault_path.set_text(str(path))
        self.ui.passphraseEdit.clear()
        self.ui.messageLabel.clear()
        self.ui.recentList.clear()
        for folder in recent:
            item = QListWidgetItem(folder.name)
            item.setToolTip(str(folder))
            item.setData(PATH_ROLE, str(folder))
            self.ui.recentList.addItem(item)
            if folder == path:
                self.ui.recentList.setCurrentItem(item)
        self.ui.recentLabel.setVisible(len(recent) > 1)
        self.ui.recentList.setVisible(len(recent) > 1)
        self.ui.passphraseEdit.setFocus()


class StartScreen(QStackedWidget):
    """Welcome, create and unlock, one at a time; opens the vault into ``context``.

    ``kdf`` (key derivation parameters for new vaults; None: calibrated on this machine)
    and ``demo_dir`` (where demo vaults are made) are injectable for tests.
    """

    # The page shown changed (the main window updates its title and menus).
    page_changed = Signal()
    # Creating, unlocking or making the demo failed; the message is shown on the page.
    failed = Signal(str)
    # The vault in this folder was destroyed after the failed unlocks its settings allow.
    vault_destroyed = Signal(Path)

    def __init__(
        self,
        context: AppContext,
        settings: Settings,
        *,
        kdf: KdfParams | None = None,
        demo_dir: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.settings = settings
        self.kdf = kdf
        self.demo_dir = demo_dir or demo_root()
        self.demo_path: Path | None = None
        self.throttle = UnlockThrottle(now=context.clock)
        # The keyring whose entry a destroyed vault loses (None: the system's; tests set it).
        self.keyring_backend: KeyringBackend | None = None
        self._operation: Operation | None = None
        self.welcome = WelcomePage()
        self.create_page = CreateVaultPage()
        self.unlock_page = UnlockPage()
        # "Try again in N s" under the field while the throttle makes the next try wait.
        u = self.unlock_page.ui
        self.countdown = ThrottleCountdown(self.throttle, (u.passphraseEdit, u.unlockButton))
        u.columnLayout.insertWidget(u.columnLayout.indexOf(u.messageLabel) + 1, self.countdown)
        for page in (self.welcome, self.create_page, self.unlock_page):
            self.addWidget(page)
        self._connect()

    def _connect(self) -> None:
        w, c, u = self.welcome.ui, self.create_page.ui, self.unlock_page.ui
        w.createButton.clicked.connect(self.show_create)
        w.openButton.clicked.connect(self.choose_vault)
        w.demoButton.clicked.connect(self.open_demo)
        c.backButton.clicked.connect(self.show_start)
        c.browseButton.clicked.connect(self._browse_location)
        c.createButton.clicked.connect(self.create_vault)
        c.confirmEdit.returnPressed.connect(self.create_vault)
        u.unlockButton.clicked.connect(self.unlock)
        u.passphraseEdit.returnPressed.connect(self.unlock)
        # Typing the passphrase again: what was said about the last try no longer holds.
        u.passphraseEdit.textEdited.connect(lambda _text: u.messageLabel.clear())
        u.recentList.itemActivated.connect(self._pick_recent)
        u.recentList.itemClicked.connect(self._pick_recent)
        u.otherButton.clicked.connect(self.show_welcome)
        self.countdown.ready.connect(self._may_try_again)
        self.currentChanged.connect(lambda _i: self.page_changed.emit())

    # -- which page -----------------------------------------------------------------------

    def known_vaults(self) -> list[Path]:
        """Vaults this program has opened before and that are still there."""
        known = [p for p in self.settings.recent_vaults() if is_vault(p)]
        default = self.settings.default_vault_dir()
        if not known and is_vault(default):
            known.append(default)
        return known

    def show_start(self) -> None:
        """The unlock page for the last vault used, or the welcome page if none is known."""
        known = self.known_vaults()
        if known:
            self.show_unlock(known[0])
        else:
            self.show_welcome()

    def show_welcome(self) -> None:
        self.welcome.ui.messageLabel.clear()
        self.setCurrentWidget(self.welcome)
        self.welcome.ui.createButton.setFocus()

    def show_create(self) -> None:
        default = location = self.settings.default_vault_dir()
        number = 1
        while location.exists() and (not location.is_dir() or any(location.iterdir())):
            number += 1  # never suggest a folder that is already in use
            location = default.with_name(f"{default.name}-{number}")
        self.create_page.reset(location)
        self.setCurrentWidget(self.create_page)
        self.create_page.ui.passphraseEdit.setFocus()

    def show_unlock(self, path: Path) -> None:
        self.unlock_page.show_vault(Path(path), self.known_vaults())
        self.setCurrentWidget(self.unlock_page)
        self.unlock_page.ui.passphraseEdit.setFocus()

    @property
    def busy(self) -> bool:
        return self._operation is not None

    # -- opening a vault ------------------------------------------------------------------

    def ask_vault_folder(self) -> Path | None:
        """The folder picker (Qt's own: native ones may add it to "recent files" lists)."""
        folder = QFileDialog.getExistingDirectory(
            self,
            _("Open a vault"),
            str(self.settings.default_vault_dir().parent),
            QFileDialog.Option.ShowDirsOnly | QFileDialog.Option.DontUseNativeDialog,
        )
        return Path(folder) if folder else None

    def choose_vault(self) -> None:
        folder = self.ask_vault_folder()
        if folder is not None:
            self.open_vault_at(folder)

    def open_vault_at(self, path: Path) -> bool:
        """Go to the unlock page for ``path``, or say calmly why it is not a vault."""
        if not is_vault(path):
            reason = (
                _("it has no key file (vault.key)") if path.is_dir() else _("there is no folder")
            )
            self.show_welcome()
            self.welcome.ui.messageLabel.setText(NotAVault(path, reason).message)
            return False
        self.show_unlock(path)
        return True

    def _pick_recent(self, item: QListWidgetItem) -> None:
        path = Path(str(item.data(PATH_ROLE)))
        if path != self.unlock_page.path:
            self.show_unlock(path)

    def unlock(self) -> None:
        page = self.unlock_page
        path, passphrase = page.path, page.ui.passphraseEdit.text()
        if self.busy or path is None:
            return
        if not passphrase:
            page.ui.messageLabel.setText(_("Type the vault's passphrase, then press Enter."))
            return
        try:
            self.throttle.check()  # after several failures in a row, a growing wait
        except UnlockThrottled as exc:
            self._unlock_failed(exc.message)
            return
        page.ui.messageLabel.clear()
        # Counted as failed from now on (if "destroy after N failed unlocks" is on), so that
        # ending the program during the key derivation wins no free guess.
        counted = self.settings.lockout.begin(path)

        def attempt() -> Vault | WrongPassphrase:
            try:
                return Vault.unlock(path, passphrase)
            except WrongPassphrase as exc:  # counted by the throttle, on the UI thread
                return exc

        def done(result: Vault | WrongPassphrase) -> None:
            if isinstance(result, Vault):
                counted.succeeded()
                self.throttle.succeeded()
                self._opened(result, path)
                return
            verdict = counted.failed()
            delay = self.throttle.failed()
            message = UnlockThrottled(delay.total_seconds()).message if delay else result.message
            if verdict.destroy:
                message = self._destroy_after_failures(path, verdict, message)
            else:
                self._unlock_failed(message)
            self.countdown.start()  # counts the wait down, the field and button off meanwhile
            self.failed.emit(message)

        def not_decided(message: str) -> None:
            counted.abandoned()  # a damaged or missing vault: not a guess
            self._unlock_failed(message)

        self._start(page, attempt, done, not_decided)

    def unlock_with_remembered_key(self) -> None:
        """At program start: open the vault on the unlock page with the key this device
        remembers ("Remember on this device"), without the passphrase. Never after a lock:
        locking must ask for the passphrase again. Off the UI thread (a keyring may prompt);
        if the keyring cannot help, the passphrase field stays, with one line saying why."""
        page = self.unlock_page
        path = page.path
        if self.currentWidget() is not page or path is None or self.busy:
            return
        from contactkeeper.protect import device  # the keyring: only for a remembered vault

        if not (path / device.DEVICE_NAME).is_file():
            return
        backend = self.keyring_backend

        def done(result: Vault | None) -> None:
            if result is None:
                page.ui.messageLabel.setText(
                    _("This device no longer remembers this vault: type its passphrase.")
                )
            else:
                self._opened(result, path)

        def keyring_failed(message: str) -> None:
            # Translators: {message} says why the keyring could not open the vault.
            page.ui.messageLabel.setText(
                _("{message} Type the passphrase instead.").format(message=message)
            )
            page.ui.passphraseEdit.setFocus()

        self._start(page, lambda: device.unlock_remembered(path, backend), done, keyring_failed)

    def _destroy_after_failures(self, path: Path, verdict: Verdict, message: str) -> str:
        """The failed unlocks reached the limit set for this vault: destroy it, forget it,
        say so calmly; returns what was said. If it cannot be destroyed, says that instead
        (the count stays, so the next failed unlock tries again)."""
        from contactkeeper.protect import destroy as wipe  # the keyring: only when needed

        try:
            report = wipe.destroy_vault(path, self.keyring_backend)
            if not report.key_file_destroyed:
                raise OSError(0, "; ".join(report.left_behind))
        except (ContactKeeperError, OSError) as exc:
            reason = exc.message if isinstance(exc, ContactKeeperError) else exc.strerror
            limit = verdict.limit or verdict.failures  # destroy: the limit is set
            message = ngettext(
                "{message} This vault was set to be destroyed after {n} failed unlock in a "
                "row, but it could not be: {reason}",
                "{message} This vault was set to be destroyed after {n} failed unlocks in a "
                "row, but it could not be: {reason}",
                limit,
            ).format(message=message, n=i18n.number(limit), reason=reason or exc)
            self._unlock_failed(message)
            return message
        self.settings.lockout.forget(path)
        self.settings.forget_vault(path)
        message = ngettext(
            "The vault “{name}” was destroyed after {n} failed unlock in a row, as its "
            "settings asked. It cannot be opened any more, not even with the passphrase; only "
            "a backup can bring its records back.",
            "The vault “{name}” was destroyed after {n} failed unlocks in a row, as its "
            "settings asked. It cannot be opened any more, not even with the passphrase; only "
            "a backup can bring its records back.",
            verdict.failures,
        ).format(name=isolate(path.name), n=i18n.number(verdict.failures))
        self.show_start()
        current = self.currentWidget()
        label = (
            self.unlock_page.ui.messageLabel
            if current is self.unlock_page
            else self.welcome.ui.messageLabel
        )
        label.setText(message)
        self.vault_destroyed.emit(path)
        return message

    def _may_try_again(self) -> None:
        ui = self.unlock_page.ui
        ui.messageLabel.setText(_("You may try again now."))
        ui.passphraseEdit.selectAll()
        ui.passphraseEdit.setFocus()

    def _unlock_failed(self, message: str) -> None:
        ui = self.unlock_page.ui
        ui.messageLabel.setText(message)
        ui.passphraseEdit.selectAll()
        ui.passphraseEdit.setFocus()

    def _browse_location(self) -> None:
        typed = self.create_page.ui.locationEdit.text()
        start = Path(typed or self.settings.default_vault_dir()).parent
        folder = QFileDialog.getExistingDirectory(
            self,
            _("Choose a new or empty folder for the vault"),
            str(start),
            QFileDialog.Option.ShowDirsOnly | QFileDialog.Option.DontUseNativeDialog,
        )
        if folder:
            self.create_page.ui.locationEdit.setText(folder)

    def create_vault(self) -> None:
        ui = self.create_page.ui
        location = ui.locationEdit.text().strip()
        passphrase, again = ui.passphraseEdit.text(), ui.confirmEdit.text()
        if self.busy:
            return
        if not location:
            ui.messageLabel.setText(_("Choose a folder for the vault."))
            ui.locationEdit.setFocus()
            return
        if passphrase != again:
            self.create_page.refuse(_("The two passphrases differ. Type the same one twice."))
            ui.confirmEdit.selectAll()
            ui.confirmEdit.setFocus()
            return
        try:
            check_passphrase(passphrase)
        except WeakPassphrase as exc:
            self.create_page.refuse(exc.message)
            ui.passphraseEdit.setFocus()
            return
        path = Path(location).expanduser()
        kdf = self.kdf
        ui.messageLabel.setText(_("Creating the vault…"))
        self._start(
            self.create_page,
            lambda: Vault.create(path, passphrase, kdf=kdf),
            lambda vault: self._opened(vault, path),
            ui.messageLabel.setText,
        )

    def open_demo(self) -> None:
        if self.busy:
            return
        now, kdf, root = self.context.now(), self.kdf, self.demo_dir
        self.welcome.ui.messageLabel.setText(_("Making a demo vault with fictional records…"))

        def make() -> tuple[Path, Vault]:
            from contactkeeper.demo import create_demo_vault

            root.mkdir(parents=True, exist_ok=True)
            path = Path(tempfile.mkdtemp(prefix="demo-", dir=root))  # private (0700)
            try:
                return path, create_demo_vault(path, secrets.token_urlsafe(24), now, kdf=kdf)
            except BaseException:
                shutil.rmtree(path, ignore_errors=True)
                raise

        def done(result: tuple[Path, Vault]) -> None:
            path, vault = result
            self.demo_path = path
            self.welcome.ui.messageLabel.clear()
            self.context.open(vault, demo=True)

        self._start(self.welcome, make, done, self.welcome.ui.messageLabel.setText)

    def discard_demo(self) -> None:
        """Delete the demo vault's folder (its random passphrase is gone anyway)."""
        if self.demo_path is not None:
            shutil.rmtree(self.demo_path, ignore_errors=True)
            self.demo_path = None

    def _opened(self, vault: Vault, path: Path) -> None:
        self.settings.remember_vault(path)
        self.unlock_page.ui.passphraseEdit.clear()
        self.create_page.ui.passphraseEdit.clear()
        self.create_page.ui.confirmEdit.clear()
        self.create_page.ui.messageLabel.clear()
        self.context.open(vault)

    # -- background work ------------------------------------------------------------------

    def _start(
        self,
        page: WelcomePage | CreateVaultPage | UnlockPage,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_message: Callable[[str], None],
    ) -> None:
        """Run ``work`` off the UI thread with the page's busy bar shown and buttons off."""
        ui = page.ui
        ui.busyBar.show()
        page.setEnabled(False)

        def finish() -> None:
            self._operation = None
            ui.busyBar.hide()
            page.setEnabled(True)

        def done(result: object) -> None:
            finish()
            on_done(result)

        def failed(exc: Exception) -> None:
            finish()
            if isinstance(exc, ContactKeeperError):
                message = exc.message
            elif isinstance(exc, OSError):
                message = _("The folder could not be used: {reason}.").format(
                    reason=exc.strerror or exc
                )
            else:
                message = _("Something went wrong ({error}); nothing was opened.").format(
                    error=type(exc).__name__
                )
            on_message(message)
            self.failed.emit(message)

        self._operation = run_in_background(self, work, done, failed)
