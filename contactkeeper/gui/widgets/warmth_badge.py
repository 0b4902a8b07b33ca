"""The warmth badge: a small coloured pill reading "warm", "cooling" or "cold".

Colour helps at a glance, the word says it for everyone (colour-blind readers, screen
readers, grey-scale printouts). Used by the Today and Actors tables through
:class:`WarmthBadgeDelegate`, and on pages as :class:`WarmthBadge`.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import QLabel, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from contactkeeper.records.warmth import Warmth, WarmthReading

# Background and text colours, readable on light and dark palettes alike.
COLOURS: dict[str, tuple[str, str]] = {
    Warmth.WARM.value: ("#c8691c", "#ffffff"),
    Warmth.COOLING.value: ("#7fa7c4", "#10202c"),
    Warmth.COLD.value: ("#2f4f7f", "#ffffff"),
}


def badge_colours(warmth: str) -> tuple[QColor, QColor]:
    background, text = COLOURS.get(warmth, ("#808080", "#ffffff"))
    return QColor(background), QColor(text)


def describe(reading: WarmthReading) -> str:
    """A sentence for tooltips and screen readers: "cooling: 40 d ago, 10 d overdue"."""
    return f"{reading.warmth.value}: {reading.label}"


class WarmthBadgeDelegate(QStyledItemDelegate):
    """Paints a column whose text is a warmth ("warm", "cooling", "cold") as a pill."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        text = str(index.data() or "")
        if text not in COLOURS:
            super().paint(painter, option, index)
            return
        style = option.widget.style() if option.widget is not None else None
        if style is not None:  # selection background, focus frame
            opt = QStyleOptionViewItem(option)
            self.initStyleOption(opt, index)
            opt.text = ""
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, option.widget)
        background, foreground = badge_colours(text)
        metrics = QFontMetrics(option.font)
        width = metrics.horizontalAdvance(text) + 16
        height = metrics.height() + 4
        rect = QRectF(
            option.rect.x() + 6,
            option.rect.y() + (option.rect.height() - height) / 2,
            min(width, option.rect.width() - 8),
            height,
        )
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(background)
        painter.drawRoundedRect(rect, height / 2, height / 2)
        painter.setPen(foreground)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        metrics = QFontMetrics(option.font)
        return QSize(max(size.width(), metrics.horizontalAdvance("cooling") + 28), size.height())


class WarmthBadge(QLabel):
    """A warmth pill as a widget, for pages."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setVisible(False)

    def show_reading(self, reading: WarmthReading | None, why: str = "") -> None:
        """Show ``reading``; its tooltip is ``why`` (records/warmth.explain) when given."""
        if reading is None:
            self.clear()
            self.setVisible(False)
            return
        background, foreground = badge_colours(reading.warmth.value)
        self.setText(reading.warmth.value)
        self.setToolTip(why or describe(reading))
        self.setAccessibleName(f"Warmth {describe(reading)}")
        self.setStyleSheet(
            f"QLabel {{ background: {background.name()}; color: {foreground.name()};"
            " border-radius: 8px; padding: 1px 8px; }"
        )
        self.setVisible(True)
