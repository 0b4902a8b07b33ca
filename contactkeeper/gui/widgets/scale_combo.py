"""A 1-to-5 scale (trust, strength, confidence, reliability) picked by its words.

Each step reads "4 · good" rather than a bare number; ``value()`` and ``setValue()`` work
as on a spin box, so a form reads and sets it by number. Designer forms use it as a
promoted QComboBox (a strength scale unless told otherwise with :meth:`set_words`).
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from contactkeeper.gui.presentation import STRENGTH_WORDS, scale_text

MIDDLE = 3


class ScaleCombo(QComboBox):
    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        words: tuple[str, ...] = STRENGTH_WORDS,
        value: int = MIDDLE,
        accessible: str = "",
    ) -> None:
        super().__init__(parent)
        if accessible:
            self.setAccessibleName(accessible)
        self.set_words(words, value)

    def set_words(self, words: tuple[str, ...], value: int = MIDDLE) -> None:
        """The scale's steps, one word each; ``value`` chosen."""
        self.clear()
        for step in range(1, len(words) + 1):
            self.addItem(scale_text(step, words), step)
        self.setValue(value)

    def value(self) -> int:
        return int(self.currentData())

    def setValue(self, value: int) -> None:  # named as on QSpinBox
        index = self.findData(value)
        if index >= 0:
            self.setCurrentIndex(index)
