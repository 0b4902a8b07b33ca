"""How records read on screen: local dates, calm errors in place, confirmations.

Shared by the record pages and dialogs. Times are stored in UTC and shown in local time.

Dates have one short form (tables, lists, date editors: :func:`short_date`) and one long
form (headings: :func:`long_date`), both from the user's locale (``QLocale``); a moment is
the short date and the locale's short time (:func:`when`). The short form always shows the
full year (a locale's "3/16/26" reads "3/16/2026"); without a locale (C, POSIX) dates read
as ISO 8601, "2026-03-16".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QRect, QSize, Qt, QTime
from PySide6.QtGui import QGuiApplication
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


ISO_DATE = "yyyy-MM-dd"


def _locale() -> QLocale:
    return QLocale()


def _no_locale(locale: QLocale) -> bool:
    return locale.language() == QLocale.Language.C


def date_format() -> str:
    """The short date form as a Qt format string (for date editors): the locale's short
    format with a four-digit year."""
    locale = _locale()
    if _no_locale(locale):
        return ISO_DATE
    form = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in form:
        form = re.sub(r"(?<!y)yy(?!y)", "yyyy", form)
    return form


def time_format() -> str:
    """The locale's short time form (for date-time editors)."""
    locale = _locale()
    return "HH:mm" if _no_locale(locale) else locale.timeFormat(QLocale.FormatType.ShortFormat)


def date_time_format() -> str:
    return f"{date_format()} {time_format()}"


def short_date(value: date | None) -> str:
    """A calendar day in the short form: tables, lists and editors."""
    if value is None:
        return ""
    return _locale().toString(to_qdate(value), date_format())


def long_date(value: date | None) -> str:
    """A calendar day in the long form, for headings: "Monday, 16 March 2026"."""
    if value is None:
        return ""
    return _locale().toString(to_qdate(value), QLocale.FormatType.LongFormat)


def when(moment: datetime | None) -> str:
    """A stored moment as the user reads it: the short date and time, in local time."""
    if moment is None:
        return ""
    local = moment.astimezone()
    clock = QTime(local.hour, local.minute)
    return f"{short_date(local.date())} {_locale().toString(clock, time_format())}"


def day(value: date | None) -> str:
    """A calendar day in the short form (the same as :func:`short_date`)."""
    return short_date(value)


# Each step of the 1-to-5 scales has a word, shown in the pickers and the tables.
TRUST_WORDS = ("none", "little", "some", "good", "full")
STRENGTH_WORDS = ("very weak", "weak", "moderate", "strong", "very strong")
CONFIDENCE_WORDS = ("a guess", "doubtful", "likely", "sure", "certain")
RELIABILITY_WORDS = ("unreliable", "doubtful", "fair", "usually reliable", "reliable")


def direction_text(direction: object) -> str:
    """A cue's direction in words: "toward readiness" or "away from readiness"."""
    return "toward readiness" if str(direction) == "toward" else "away from readiness"


def usual_direction(direction: object | None) -> str:
    """The first choice of a cue's direction: the way this kind of signal usually points,
    said plainly ("As usual for this signal: toward readiness")."""
    if direction is None:
        return "As usual for this signal"
    return f"As usual for this signal: {direction_text(direction)}"


def scale_text(value: int, words: tuple[str, ...]) -> str:
    """A step of a 1-to-5 scale with its word: "4 · good"."""
    if 1 <= value <= len(words):
        return f"{value} · {words[value - 1]}"
    return str(value)


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


# What a window manager adds above a window: its title bar.
TITLE_BAR = 32


_pretended: QRect | None = None


def pretend_screen(area: QRect | None) -> None:
    """Size windows as on a screen whose free area is ``area`` (None: the real screen);
    ``make screenshots`` draws the program as on a small screen with it."""
    global _pretended
    _pretended = area


def available_area(widget: QWidget) -> QRect:
    """The free area (without panels and docks) of the screen ``widget`` is on."""
    if _pretended is not None:
        return QRect(_pretended)
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def size_on_screen(widget: QWidget, wanted: QSize) -> None:
    """Give a window the size it wants, but no larger than its screen's free area (less
    a title bar), so that its buttons stay on a small screen; it scrolls or shrinks."""
    area = available_area(widget)
    room = QSize(area.width(), area.height() - TITLE_BAR)
    widget.resize(wanted.boundedTo(room).expandedTo(widget.minimumSizeHint().boundedTo(room)))


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
