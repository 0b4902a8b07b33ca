"""Reveal a high-risk actor's real name for a short while, after the passphrase.

High-risk actors go by their codename everywhere, even outside privacy mode. ``RevealDialog``
asks for the vault's passphrase again, checks it off the UI thread (one key derivation, see
``Vault.verify_passphrase``) and, if it is right, asks the context to show the real name
for ``REVEAL_FOR``. A wrong passphrase is said calmly in place; nothing is revealed.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from contactkeeper import i18n
from contactkeeper.errors import ContactKeeperError
from contactkeeper.gui.context import REVEAL_FOR, AppContext
from contactkeeper.gui.operations import Operation, run_in_background
from contactkeeper.gui.presentation import error_label, show_error
from contactkeeper.i18n import N_, _, isolate, ngettext

WRONG = N_("That is not this vault's passphrase. The name stays hidden.")


class RevealDialog(QDialog):
    """Ask for the passphrase, then reveal ``actor_id``'s real name for a short while."""

    def __init__(
        self, context: AppContext, actor_id: int, codename: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.actor_id = actor_id
        self.operation: Operation | None = None
        self.setWindowTitle(_("Show the real name"))
        seconds = int(REVEAL_FOR.total_seconds())
        intro = QLabel(
            ngettext(
                "{codename} is marked high-risk. Enter the vault's passphrase to show the real "
                "name for {n} second.",
                "{codename} is marked high-risk. Enter the vault's passphrase to show the real "
                "name for {n} seconds.",
                seconds,
            ).format(codename=isolate(codename), n=i18n.number(seconds))
        )
        intro.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(_("Passphrase"))
        self.message = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("&Show name"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.check)
        self.buttons.rejected.connect(self.reject)
        context.vault_locked.connect(self.reject)

    def check(self) -> None:
        """Verify the passphrase off the UI thread; reveal on success."""
        if self.operation is not None or not self.context.unlocked:
            return
        passphrase = self.passphrase.text()
        vault = self.context.vault
        self.buttons.setEnabled(False)
        show_error(self.message, "")
        self.operation = run_in_background(
            self, lambda: vault.verify_passphrase(passphrase), self._checked, self._failed
        )

    def _checked(self, right: object) -> None:
        self.operation = None
        self.buttons.setEnabled(True)
        self.passphrase.clear()
        if right is True and self.context.unlocked:
            self.context.reveal(self.actor_id)
            self.accept()
            return
        show_error(self.message, _(WRONG))
        self.passphrase.setFocus()

    def done(self, result: int) -> None:
        """Closing, either way, leaves no passphrase in the field."""
        self.passphrase.clear()
        super().done(result)

    def _failed(self, exc: Exception) -> None:
        self.operation = None
        self.buttons.setEnabled(True)
        self.passphrase.clear()
        message = (
            exc.message
            if isinstance(exc, ContactKeeperError)
            else _("The passphrase could not be checked.")
        )
        show_error(self.message, message)
