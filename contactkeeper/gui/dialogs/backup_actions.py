"""File > Back up now, Verify a backup, Restore from a backup, Import contacts, Export.

``BackupActions`` owns the five actions and opens their dialogs; the main window only puts
the actions in its File menu. The dialogs are one module each beside this one:
``backup_dialog``, ``open_backup_dialog`` (verify and restore), ``import_dialog``,
``export_dialog``, and what they share, ``work_dialog``. Each is a form from ``ui/`` with
its behaviour there, calls a service (``backup``, ``importing``, ``exporting``) off the UI
thread through ``run_with_progress`` and says how it went in place.

Nothing here writes a record in clear: backups are age files, an import reads a file the
user chose, and an export in a clear format needs its own confirmation, ticked by hand after
a warning. The default backup folder is remembered in QSettings as a path, nothing more.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from contactkeeper.gui.app_state import Settings
from contactkeeper.gui.context import AppContext
from contactkeeper.i18n import _
from contactkeeper.vault.keyfile import KdfParams

# The dialogs (and the backup, import and export services under them) load when one is
# opened, not with the File menu of the first window; the names stay importable from here.
if TYPE_CHECKING:
    from contactkeeper.gui.dialogs.backup_dialog import BACKUP_FOLDER_KEY, BackupDialog
    from contactkeeper.gui.dialogs.export_dialog import ExportDialog
    from contactkeeper.gui.dialogs.import_dialog import ImportDialog
    from contactkeeper.gui.dialogs.open_backup_dialog import OpenBackupDialog
    from contactkeeper.gui.dialogs.work_dialog import WorkDialog, counts_text, size_text

_LAZY = {
    "BACKUP_FOLDER_KEY": "backup_dialog",
    "BackupDialog": "backup_dialog",
    "ExportDialog": "export_dialog",
    "ImportDialog": "import_dialog",
    "OpenBackupDialog": "open_backup_dialog",
    "counts_text": "work_dialog",
    "size_text": "work_dialog",
}


def __getattr__(name: str) -> object:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"contactkeeper.gui.dialogs.{_LAZY[name]}"), name)


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
        self.dialog: WorkDialog | None = None
        self.back_up_action = self._action(
            _("&Back up now…"), "Ctrl+B", self.back_up, _("Write an encrypted, verified backup")
        )
        self.verify_action = self._action(
            _("&Verify a backup…"), None, self.verify, _("Check that a backup can be restored")
        )
        self.restore_action = self._action(
            _("&Restore from a backup…"), None, self.restore, _("Replace this vault's records")
        )
        self.import_action = self._action(
            _("&Import contacts…"), None, self.import_contacts, _("From a vCard or CSV file")
        )
        self.export_action = self._action(
            _("&Export…"), None, self.export, _("JSON, CSV, vCard, ICS")
        )
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

    def _open(self, dialog: WorkDialog) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        dialog.busy_changed.connect(lambda _busy: self._update())
        self.dialog = dialog
        dialog.open()

    # -- the slots --------------------------------------------------------------------

    def back_up(self) -> None:
        from contactkeeper.gui.dialogs.backup_dialog import BackupDialog  # on first use

        if self.context.unlocked and not self.busy:
            self._open(BackupDialog(self.context, self.settings, self.parent_widget))

    def verify(self) -> None:
        from contactkeeper.gui.dialogs.open_backup_dialog import OpenBackupDialog  # on use

        if self.context.unlocked and not self.busy:
            self._open(OpenBackupDialog(self.context, self.parent_widget))

    def restore(self) -> None:
        from contactkeeper.gui.dialogs.open_backup_dialog import OpenBackupDialog  # on use

        if self.context.unlocked and not self.busy and not self.context.demo:
            dialog = OpenBackupDialog(self.context, self.parent_widget, restore=True, kdf=self.kdf)
            dialog.restored.connect(self.restored)
            self._open(dialog)

    def import_contacts(self) -> None:
        from contactkeeper.gui.dialogs.import_dialog import ImportDialog  # on first use

        if self.context.unlocked and not self.busy:
            self._open(ImportDialog(self.context, self.parent_widget))

    def export(self) -> None:
        from contactkeeper.gui.dialogs.export_dialog import ExportDialog  # on first use

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
