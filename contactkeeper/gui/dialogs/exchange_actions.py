"""File > Exchange: colleagues, sharing a bundle, receiving one, settling conflicts.

``ExchangeActions`` owns the submenu and its four actions and opens their dialogs (one
module each: ``colleagues``, ``share_bundle``, ``receive_bundle``); the main window only
adds the submenu to its File menu. The actions are off while the vault is locked.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu, QWidget

from contactkeeper.gui.context import AppContext
from contactkeeper.i18n import _


class ExchangeActions(QObject):
    """The File > Exchange submenu. ``dialog`` is the dialog opened last (tests drive it)."""

    def __init__(self, context: AppContext, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.context = context
        self.parent_widget = parent_widget
        self.dialog: QDialog | None = None
        self.menu = QMenu(_("E&xchange"), parent_widget)
        self.colleagues_action = self._action(
            _("&Colleagues…"), self.show_colleagues, _("Your card, and the colleagues you know")
        )
        self.share_action = self._action(
            _("&Share with colleagues…"),
            self.share,
            _("Write records to a file only chosen colleagues can open"),
        )
        self.receive_action = self._action(
            _("&Receive a bundle…"), self.receive, _("Open a bundle a colleague sent you")
        )
        self.conflicts_action = self._action(
            _("Settle &conflicts…"), self.settle, _("Edits made on both sides of an exchange")
        )
        self.actions = [
            self.colleagues_action,
            self.share_action,
            self.receive_action,
            self.conflicts_action,
        ]
        for action in self.actions:
            self.menu.addAction(action)
        context.vault_opened.connect(self._update)
        context.vault_locked.connect(self._vault_locked)
        self._update()

    def _action(self, text: str, slot: Callable[[], None], tip: str) -> QAction:
        action = QAction(text, self.parent_widget)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _update(self) -> None:
        for action in self.actions:
            action.setEnabled(self.context.unlocked)

    def _vault_locked(self) -> None:
        if self.dialog is not None:
            running = getattr(self.dialog, "running", False)
            if not running:
                self.dialog.reject()
        self._update()

    def _open(self, dialog: QDialog) -> None:
        if self.dialog is not None and not getattr(self.dialog, "running", False):
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.open()

    def show_colleagues(self) -> None:
        from contactkeeper.gui.dialogs.colleagues import ColleaguesDialog

        if self.context.unlocked:
            self._open(ColleaguesDialog(self.context, self.parent_widget))

    def share(self) -> None:
        from contactkeeper.gui.dialogs.share_bundle import ShareDialog

        if self.context.unlocked:
            self._open(ShareDialog(self.context, self.parent_widget))

    def receive(self) -> None:
        from contactkeeper.gui.dialogs.receive_bundle import ReceiveDialog

        if self.context.unlocked:
            self._open(ReceiveDialog(self.context, self.parent_widget))

    def settle(self) -> None:
        from contactkeeper.gui.dialogs.receive_bundle import ConflictsDialog

        if self.context.unlocked:
            self._open(ConflictsDialog(self.context, self.parent_widget))
