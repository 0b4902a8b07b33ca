"""Copying a secret (a name, a number, a note) to the clipboard, and taking it back.

What we copy is marked as a secret for the clipboard managers that listen for it, so that
they neither show nor keep it in their history: KDE's Klipper (``x-kde-passwordManagerHint``),
macOS's pasteboard (``application/x-nspasteboard-concealed-type``) and Windows' clipboard
history and cloud clipboard (``ExcludeClipboardContentFromMonitorProcessing``,
``CanIncludeInClipboardHistory``, ``CanUploadToCloudClipboard``), as KeePassXC does.

The clipboard is cleared after a while, and at once when the vault locks, but only if it
still holds what we put there: text the user copied since from another program is theirs.
To tell, we keep a salted digest of what we copied, never the text itself.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QMimeData, QObject, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication

from contactkeeper.gui.context import AppContext

DEFAULT_CLEAR_AFTER = timedelta(seconds=30)
# How often the guard looks at the clock while a secret is on the clipboard. The deadline is
# read from the clock, so a machine that slept past it clears at its first look afterwards.
CHECK_MS = 1000

KDE_HINT = "x-kde-passwordManagerHint"
CONCEALED = "application/x-nspasteboard-concealed-type"
EXCLUDE_FROM_MONITORS = "ExcludeClipboardContentFromMonitorProcessing"
NOT_IN_HISTORY = "CanIncludeInClipboardHistory"
NOT_IN_CLOUD = "CanUploadToCloudClipboard"
_DWORD_ZERO = b"\x00\x00\x00\x00"


def secret_mime_data(text: str) -> QMimeData:
    """``text`` as plain text, with every "do not show, do not keep" hint we know of."""
    mime = QMimeData()
    mime.setText(text)
    mime.setData(KDE_HINT, b"secret")
    mime.setData(CONCEALED, text.encode("utf-8"))  # macOS: the concealed copy is the text
    mime.setData(EXCLUDE_FROM_MONITORS, b"1")
    mime.setData(NOT_IN_HISTORY, _DWORD_ZERO)
    mime.setData(NOT_IN_CLOUD, _DWORD_ZERO)
    return mime


class SecretClipboard(QObject):
    """Puts secrets on the clipboard and clears them again; one per application context.

    ``now`` is the clock (the context's by default) and ``clear_after`` how long a secret
    stays; tests move a fake clock and call :meth:`expire` instead of waiting for the timer.
    """

    def __init__(
        self,
        context: AppContext,
        clipboard: QClipboard | None = None,
        clear_after: timedelta = DEFAULT_CLEAR_AFTER,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(context)
        self.setObjectName("secretClipboard")
        self._clipboard = clipboard or QGuiApplication.clipboard()
        self.clear_after = clear_after
        self._now = now or context.now
        self._salt = secrets.token_bytes(16)
        self._digest: bytes | None = None
        self._deadline: datetime | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.expire)
        context.vault_locked.connect(self.clear)

    def _digest_of(self, text: str) -> bytes:
        return hashlib.blake2b(text.encode("utf-8"), key=self._salt, digest_size=32).digest()

    @property
    def holding(self) -> bool:
        """Whether a secret we copied is (as far as we know) still waiting to be cleared."""
        return self._digest is not None

    def copy(self, text: str) -> None:
        """Put ``text`` on the clipboard as a secret, to be cleared after ``clear_after``."""
        self._clipboard.setMimeData(secret_mime_data(text), QClipboard.Mode.Clipboard)
        self._digest = self._digest_of(text)
        self._deadline = self._now() + self.clear_after
        self.timer.start()

    def still_ours(self) -> bool:
        """Whether the clipboard still holds the secret we put there last."""
        if self._digest is None:
            return False
        current = self._clipboard.text(QClipboard.Mode.Clipboard)
        return secrets.compare_digest(self._digest_of(current), self._digest)

    def expire(self) -> None:
        """The timer's slot: clear the secret once its time is up."""
        if self._deadline is None or self._now() >= self._deadline:
            self.clear()

    def clear(self) -> None:
        """Take our secret off the clipboard now, if it is still there; forget it either way."""
        if self.still_ours():
            self._clipboard.clear(QClipboard.Mode.Clipboard)
        self._digest = None
        self._deadline = None
        self.timer.stop()


def secret_clipboard(context: AppContext) -> SecretClipboard:
    """The context's guard, made on first use."""
    guard = context.findChild(SecretClipboard, "secretClipboard")
    return guard if isinstance(guard, SecretClipboard) else SecretClipboard(context)


def copy_secret(text: str, context: AppContext) -> SecretClipboard:
    """Copy ``text`` as a secret; it leaves the clipboard after a while or when the vault locks."""
    guard = secret_clipboard(context)
    guard.copy(text)
    return guard


__all__ = ["DEFAULT_CLEAR_AFTER", "SecretClipboard", "copy_secret", "secret_clipboard"]
