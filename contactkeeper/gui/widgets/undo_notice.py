"""The notice after a deletion or a change: what was done, and an Undo button.

It sits in the window's status bar, so it can be clicked wherever the keyboard is, and it
says what Ctrl+Z would do. It goes after a while, when the step is undone, and when the vault
locks; names in it follow the privacy rule (the controller's labels).
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from contactkeeper.gui.undo import UndoController
from contactkeeper.i18n import _

SHOWN_MS = 30_000


class UndoNotice(QWidget):
    def __init__(self, controller: UndoController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.label = QLabel()
        self.label.setAccessibleName(_("What was just done"))
        self.button = QPushButton(_("Undo"))
        self.button.setAccessibleName(_("Undo it"))
        self.button.setToolTip(_("Take it back ({keys})").format(keys="Ctrl+Z"))
        self.button.setAutoDefault(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SHOWN_MS)
        self.timer.timeout.connect(self.dismiss)
        self.button.clicked.connect(self._undo)
        controller.undoable.connect(self._show)
        controller.undone.connect(self.dismiss)
        controller.can_undo.connect(self._can_undo)
        controller.context.names_changed.connect(self._relabel)
        controller.context.vault_locked.connect(self.dismiss)
        self.hide()

    def _show(self) -> None:
        self.label.setText(self.controller.last_step_text)
        self.show()
        self.timer.start()

    def _relabel(self) -> None:
        if self.isVisible():
            self.label.setText(self.controller.last_step_text)

    def _can_undo(self, possible: bool) -> None:
        if not possible:
            self.dismiss()

    def _undo(self) -> None:
        self.dismiss()
        self.controller.undo()

    def dismiss(self) -> None:
        self.timer.stop()
        self.label.clear()
        self.hide()
