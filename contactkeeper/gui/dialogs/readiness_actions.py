"""The menu's readiness actions: Readiness settings… (the half-life and the threshold) and
Cue catalogue… (the kinds of cue, by family). Enabled while a vault is open."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QWidget

from contactkeeper.gui.context import AppContext
from contactkeeper.i18n import _

if TYPE_CHECKING:  # the dialogs load when opened, not with the first window's menu
    from contactkeeper.gui.dialogs.cue_catalogue import CueCatalogueDialog
    from contactkeeper.gui.dialogs.readiness_settings import ReadinessSettingsDialog


class ReadinessActions(QObject):
    def __init__(self, context: AppContext, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.context = context
        self.parent_widget = parent_widget
        self.dialog: QDialog | None = None
        self.settings_action = QAction(_("&Readiness settings…"), parent_widget)
        self.settings_action.setStatusTip(
            _("How fast cues fade, and when a process is suggested as ripening")
        )
        self.settings_action.triggered.connect(lambda _checked=False: self.show_settings())
        self.catalogue_action = QAction(_("Cue &catalogue…"), parent_widget)
        self.catalogue_action.setStatusTip(_("The kinds of readiness cue: add, rename, retire"))
        self.catalogue_action.triggered.connect(lambda _checked=False: self.show_catalogue())
        for action in (self.settings_action, self.catalogue_action):
            parent_widget.addAction(action)
        context.vault_opened.connect(self._update)
        context.vault_locked.connect(self._update)
        self._update()

    def _update(self) -> None:
        for action in (self.settings_action, self.catalogue_action):
            action.setEnabled(self.context.unlocked)

    def show_settings(self) -> ReadinessSettingsDialog | None:
        # Loaded on first use, not with the menu (see the imports above).
        from contactkeeper.gui.dialogs.readiness_settings import ReadinessSettingsDialog

        if not self.context.unlocked:
            return None
        dialog = ReadinessSettingsDialog(self.context, self.parent_widget)
        self.dialog = dialog
        dialog.open()
        return dialog

    def show_catalogue(self) -> CueCatalogueDialog | None:
        from contactkeeper.gui.dialogs.cue_catalogue import CueCatalogueDialog  # on first use

        if not self.context.unlocked:
            return None
        dialog = CueCatalogueDialog(self.context, self.parent_widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog
