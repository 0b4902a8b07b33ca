"""How records read on screen: local dates, calm errors in place, confirmations.

Shared by the record pages and dialogs. Times are stored in UTC and shown in local time.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

from PySide6.QtCore import QDate, QDateTime, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

# Asks the user to confirm a destructive action; tests replace it with a stub.
Confirm = Callable[[QWidget | None, str, str], bool]


def ask(parent: QWidget | None, title: str, text: str) -> bool:
    """A yes/no question; No is the default so that Enter never destroys anything."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def when(moment: datetime | None) -> str:
    """A stored moment as the user reads it: local date and time."""
    return "" if moment is None else moment.astimezone().strftime("%Y-%m-%d %H:%M")


def day(value: date | None) -> str:
    return "" if value is None else value.isoformat()


def to_qdatetime(moment: datetime) -> QDateTime:
    """A moment as a QDateTime in local time (what date-time editors show)."""
    return QDateTime.fromMSecsSinceEpoch(int(moment.timestamp() * 1000))


def from_qdatetime(value: QDateTime) -> datetime:
    """What a date-time editor holds (local time) as an aware UTC moment."""
    return datetime.fromtimestamp(value.toMSecsSinceEpoch() / 1000, UTC)


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def today(now: datetime) -> date:
    """The user's calendar day at ``now``."""
    return now.astimezone().date()


def show_error(label: QLabel, message: str) -> None:
    """A calm message in place: visible, readable, no dialog."""
    label.setText(message)
    label.setVisible(bool(message))


def error_label(parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setStyleSheet("QLabel { color: #9b2c2c; }")
    label.setAccessibleName("Message")
    label.setVisible(False)
    return label
