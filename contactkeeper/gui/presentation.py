"""How records read on screen: local dates, calm errors in place, confirmations.

Shared by the record pages and dialogs. Times are stored in UTC and shown in local time.

Dates have one short form (tables, lists: :func:`short_date`, "2 Dec 2026") and one long
form (headings: :func:`long_date`, "2 December 2026"), both from the language's locale
(:mod:`contactkeeper.i18n`, the same as the command line's); a moment is the short date and
the locale's short time (:func:`when`). Date editors take the locale's short numeric form
(``QLocale``, set from the same locale), always with the full year (a locale's "3/16/26"
reads "3/16/2026"); without a locale (C, POSIX) they read as ISO 8601, "2026-03-16".
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from datetime import UTC, date, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from contactkeeper import i18n
from contactkeeper.i18n import N_, _, pgettext
from contactkeeper.vault.vocabulary import (
    ActorStatus,
    ActorTrack,
    AttributionRule,
    ParticipationRole,
    Sensitivity,
    Tier,
)

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
    """A calendar day in the short form, for tables and lists: "16 Mar 2026"."""
    if value is None:
        return ""
    return i18n.short_date(value)


def long_date(value: date | None) -> str:
    """A calendar day in the long form, for headings: "16 March 2026"."""
    if value is None:
        return ""
    return i18n.long_date(value)


def when(moment: datetime | None) -> str:
    """A stored moment as the user reads it: the short date and time, in local time."""
    if moment is None:
        return ""
    return i18n.short_datetime(moment)


def day(value: date | None) -> str:
    """A calendar day in the short form (the same as :func:`short_date`)."""
    return short_date(value)


# Each step of the 1-to-5 scales has a word, shown in the pickers and the tables (marked
# here, translated where shown: :func:`scale_text`).
# Translators: the steps of a 1-to-5 scale of trust.
TRUST_WORDS = (N_("none"), N_("little"), N_("some"), N_("good"), N_("full"))
# Translators: the steps of a 1-to-5 scale of strength (of a tie, of a cue).
STRENGTH_WORDS = (N_("very weak"), N_("weak"), N_("moderate"), N_("strong"), N_("very strong"))
# Translators: the steps of a 1-to-5 scale of confidence in a judgement.
CONFIDENCE_WORDS = (N_("a guess"), N_("doubtful"), N_("likely"), N_("sure"), N_("certain"))
# Translators: the steps of a 1-to-5 scale of a source's reliability.
RELIABILITY_WORDS = (
    N_("unreliable"),
    N_("doubtful"),
    N_("fair"),
    N_("usually reliable"),
    N_("reliable"),
)


def direction_text(direction: object) -> str:
    """A cue's direction in words: "toward readiness" or "away from readiness"."""
    return _("toward readiness") if str(direction) == "toward" else _("away from readiness")


def usual_direction(direction: object | None) -> str:
    """The first choice of a cue's direction: the way this kind of signal usually points,
    said plainly ("As usual for this signal: toward readiness")."""
    if direction is None:
        return _("As usual for this signal")
    return _("As usual for this signal: {direction}").format(direction=direction_text(direction))


def scale_text(value: int, words: tuple[str, ...]) -> str:
    """A step of a 1-to-5 scale with its word: "4 · good"."""
    if 1 <= value <= len(words):
        # Translators: a step of a 1-to-5 scale, its number and its word: "4 · good".
        return _("{value} · {word}").format(value=i18n.number(value), word=_(words[value - 1]))
    return i18n.number(value)


def word(value: enum.Enum) -> str:
    """A word of the vault's vocabulary (an actor's sensitivity, status, tier, track,
    attribution rule, role in a process) as a person reads it, in the current language;
    a value not listed here reads as it is stored."""
    return _vocabulary().get((type(value), value.value), str(value.value))


def _vocabulary() -> dict[tuple[type[enum.Enum], object], str]:
    """The words, made when asked (never at import: the language is chosen later)."""
    return {
        (Sensitivity, Sensitivity.NORMAL.value): pgettext("sensitivity", "normal"),
        (Sensitivity, Sensitivity.SENSITIVE.value): pgettext("sensitivity", "sensitive"),
        (Sensitivity, Sensitivity.HIGH_RISK.value): pgettext("sensitivity", "high-risk"),
        (ActorStatus, ActorStatus.ACTIVE.value): pgettext("actor status", "active"),
        (ActorStatus, ActorStatus.DORMANT.value): pgettext("actor status", "dormant"),
        (ActorStatus, ActorStatus.DO_NOT_CONTACT.value): pgettext("actor status", "do-not-contact"),
        (Tier, Tier.INNER.value): pgettext("tier", "inner circle"),
        (Tier, Tier.REGULAR.value): pgettext("tier", "regular"),
        (Tier, Tier.OCCASIONAL.value): pgettext("tier", "occasional"),
        (ActorTrack, ActorTrack.ONE.value): _("track one"),
        (ActorTrack, ActorTrack.ONE_AND_A_HALF.value): _("track one and a half"),
        (ActorTrack, ActorTrack.TWO.value): _("track two"),
        (ActorTrack, ActorTrack.THREE.value): _("track three"),
        (AttributionRule, AttributionRule.ON_RECORD.value): _("on the record"),
        (AttributionRule, AttributionRule.CHATHAM_HOUSE.value): _("Chatham House"),
        (AttributionRule, AttributionRule.NON_ATTRIBUTABLE.value): _("non-attributable"),
        (AttributionRule, AttributionRule.SUMMARY_ONLY.value): _("summary only"),
        (ParticipationRole, ParticipationRole.PARTY.value): pgettext("process role", "party"),
        (ParticipationRole, ParticipationRole.ADVISER.value): pgettext("process role", "adviser"),
        (ParticipationRole, ParticipationRole.CONVENOR.value): pgettext("process role", "convenor"),
        (ParticipationRole, ParticipationRole.INTERMEDIARY.value): pgettext(
            "process role", "intermediary"
        ),
        (ParticipationRole, ParticipationRole.SPOILER.value): pgettext("process role", "spoiler"),
        (ParticipationRole, ParticipationRole.OBSERVER.value): pgettext("process role", "observer"),
    }


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
    label.setAccessibleName(_("Message"))
    label.setVisible(False)
    return label
