"""A label that shows a long text (a folder's full path) elided in the middle to fit its
width, "/home/you/…/ContactKeeper/vault", with the whole text in its tooltip. Where the
label reads right to left (Arabic) the path is isolated, so that it keeps its own left to
right order after the label's words."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel

from contactkeeper.i18n import isolate


class MiddleElided(QObject):
    """Keeps ``label`` showing ``prefix`` and a text elided in the middle to its width."""

    def __init__(self, label: QLabel, prefix: str = "") -> None:
        super().__init__(label)
        self.label = label
        self.prefix = prefix
        self.text = ""
        label.setWordWrap(False)
        label.installEventFilter(self)

    def set_text(self, text: str) -> None:
        self.text = text
        self.label.setToolTip(text)
        self._elide()

    def _elide(self) -> None:
        label = self.label
        metrics = label.fontMetrics()
        room = max(label.contentsRect().width(), label.minimumWidth())
        room -= metrics.horizontalAdvance(self.prefix)
        shown = metrics.elidedText(self.text, Qt.TextElideMode.ElideMiddle, max(room, 0))
        # The label's own direction may not be known yet (not yet laid out): the program's.
        if label.isRightToLeft() or QGuiApplication.isRightToLeft():
            shown = isolate(shown)
        label.setText(f"{self.prefix}{shown}" if self.text else "")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.label and event.type() == QEvent.Type.Resize:
            self._elide()
        return False
