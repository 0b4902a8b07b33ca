"""Translations and locale formats, for the whole program: core, command line and desktop.

One system: GNU gettext catalogues (``contactkeeper/locale/<language>/LC_MESSAGES``), written
as ``.po`` files, extracted from the source and compiled to ``.mo`` with Babel's
``pybabel`` (``make translations``; docs/translating.md says how to add a language). The
core stays free of Qt: it marks its words with :func:`_` and :func:`ngettext` like the
desktop does, and the desktop routes Qt's own ``translate`` calls (Designer forms) to the
same catalogue (:mod:`contactkeeper.gui.translation`), and loads Qt's shipped ``qtbase``
translations for Qt's own words (standard buttons, file dialogs).

The rules every module follows:

- A word a person reads is written ``_("…")``, or ``ngettext(one, many, n)`` when it counts
  something (Arabic has six plural forms; never "follow-up(s)"). ``pgettext(context, word)``
  when a short word is ambiguous ("Open" a vault, an "open" follow-up).
- A word kept in a module constant is marked ``N_("…")`` where it is defined (so that it is
  extracted) and translated with ``_(constant)`` where it is shown: a module is imported
  before the language is chosen, so ``_`` must never run at import.
- Values are put into a sentence with named fields (``_("Reach {name} through {broker}")
  .format(...)``), so that a translator can move them, never by gluing pieces of sentences.
- What a user typed (names, notes, a cue kind they added) is never translated; when it is
  put into a sentence it is wrapped in :func:`isolate`, so that an Arabic name in a French
  sentence, or a Latin codename in an Arabic one, cannot scramble the punctuation and
  numbers around it.
- Dates, times and numbers are written by :func:`short_date`, :func:`long_date`,
  :func:`short_datetime`, :func:`long_datetime`, :func:`clock_time` and :func:`number`: one
  short and one long form, from the locale, everywhere.

The language is chosen once at start (:func:`set_language`): the ``CONTACTKEEPER_LANGUAGE``
variable if set, else the choice saved in Settings (a one-word file in ContactKeeper's
configuration folder, :func:`save_choice`), else the system's (``LANGUAGE``, ``LC_ALL``,
``LC_MESSAGES``, ``LANG``), else English. ``x-pseudo`` is a pseudo-language for tests and
for translators: every string is wrapped in ``⟦…⟧`` and made 40 % longer, so that a string
left unmarked, or a label too narrow for a longer language, shows at once.
"""

from __future__ import annotations

import gettext
import math
import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from contactkeeper import APP_NAME

if TYPE_CHECKING:
    from babel import Locale


DOMAIN = "contactkeeper"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
ENGLISH = "en"
PSEUDO = "x-pseudo"
#: The languages the program speaks, in the order Settings offers them, with their own names.
LANGUAGES: dict[str, str] = {"en": "English", "fr": "Français", "ar": "العربية"}
RIGHT_TO_LEFT = frozenset({"ar"})
#: Formats for a language when the system names no region of it: international English
#: ("2 Dec 2026", the day first as most of the world writes it), French of France, and the
#: Arabic Qt also takes for "ar" (Egypt's: Arabic-Indic digits, the week from Saturday).
DEFAULT_FORMATS = {"en": "en_001", "fr": "fr_FR", "ar": "ar_EG"}
#: The digits of the numbering systems a supported locale may use by default (CLDR names).
#: Babel writes Latin digits in dates whatever the locale; they are changed to these.
DIGITS = {"arab": "٠١٢٣٤٥٦٧٨٩", "arabext": "۰۱۲۳۴۵۶۷۸۹"}
ENVIRONMENT = "CONTACTKEEPER_LANGUAGE"
SYSTEM_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
CHOICE_FILE = "language"

# Unicode's directional isolates (UAX #9): First Strong Isolate ... Pop Directional Isolate.
FSI = "\u2068"
PDI = "\u2069"
PSEUDO_OPEN = "⟦"
PSEUDO_CLOSE = "⟧"
PSEUDO_GROWTH = 0.4  # translations are often this much longer than English


class PseudoTranslations(gettext.NullTranslations):
    """Every string wrapped in ``⟦…⟧`` and padded 40 % longer: what is unwrapped on screen
    was never marked for translation, and what is clipped is too narrow for French."""

    def gettext(self, message: str) -> str:
        return pseudo(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:
        return pseudo(message)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)


def pseudo(text: str) -> str:
    """``text`` as the pseudo-language writes it (its leading spaces and trailing line
    breaks stay outside the brackets, so that layout and rich-text detection are kept)."""
    if not text.strip():
        return text
    body = text.strip()
    start = text.index(body[0])
    end = start + len(body)
    # In words of at most eight letters, as a real translation has: a sentence may wrap.
    length = math.ceil(len(body) * PSEUDO_GROWTH)
    padding = " ".join("~" * min(8, length - start) for start in range(0, length, 9))
    return f"{text[:start]}{PSEUDO_OPEN}{body}{padding}{PSEUDO_CLOSE}{text[end:]}"


@dataclass(frozen=True)
class _Active:
    language: str
    locale_name: str  # Babel's name of the locale for formats: "fr_FR", "ar_EG", "en"
    translations: gettext.NullTranslations


_active = _Active(ENGLISH, DEFAULT_FORMATS[ENGLISH], gettext.NullTranslations())


# -- Marking and translating ------------------------------------------------------------


def _(message: str) -> str:
    """``message`` in the current language."""
    return _active.translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a counted phrase for ``n`` in the current language (put ``n`` in with
    ``.format(n=…)``; Arabic chooses among six forms, French among two)."""
    return _active.translations.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` in the current language, where ``context`` tells which sense is meant."""
    return _active.translations.pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    return _active.translations.npgettext(context, singular, plural, n)


def N_(message: str) -> str:
    """Mark ``message`` for translation without translating it (for constants; translate
    them with ``_`` where they are shown)."""
    return message


def isolate(text: str) -> str:
    """``text`` typed by a user, isolated for the bidirectional algorithm, to be put into a
    translated sentence: its own direction cannot spill into the sentence's."""
    return f"{FSI}{text}{PDI}" if text else text


# -- Choosing the language --------------------------------------------------------------


def language() -> str:
    """The code of the current language: ``en``, ``fr``, ``ar`` (or ``x-pseudo``)."""
    return _active.language


def right_to_left() -> bool:
    """Whether the current language is written right to left (the desktop mirrors)."""
    return _active.language in RIGHT_TO_LEFT


def set_language(code: str | None = None) -> str:
    """Speak ``code`` from now on, or (``None``) the language chosen as the module
    docstring says. Returns the language now spoken. An unknown code falls back to English
    rather than failing: a person with an unsupported system locale still gets a program.

    Dates and numbers follow the system's region when it speaks the same language (fr_CA,
    ar_MA, en_US), else the language's own default; ``CONTACTKEEPER_LANGUAGE`` may name the
    region itself (``fr_CH``) and then the system is not asked at all (tests rely on it)."""
    global _active
    override = os.environ.get(ENVIRONMENT, "").strip()
    if code is None and override:
        code = override if override == PSEUDO else (_language_of(override) or ENGLISH)
        region = override if "_" in override else None
    else:
        code = chosen_language() if code is None else code
        system = _system_locale()
        region = system if system is not None and _language_of(system) == code else None
    if code == PSEUDO:
        _active = _Active(PSEUDO, DEFAULT_FORMATS[ENGLISH], PseudoTranslations())
        return PSEUDO
    if code not in LANGUAGES:
        code, region = ENGLISH, None
    translations = gettext.translation(
        DOMAIN, localedir=LOCALE_DIR, languages=[code], fallback=True
    )
    _active = _Active(code, region or DEFAULT_FORMATS[code], translations)
    return code


def chosen_language() -> str:
    """The language to speak when none is given: see the module docstring for the order."""
    override = os.environ.get(ENVIRONMENT, "").strip()
    if override:
        return override if override == PSEUDO else (_language_of(override) or ENGLISH)
    saved = saved_choice()
    if saved is not None:
        return saved
    return system_language()


def system_language() -> str:
    """The first supported language the system's locale variables ask for, else English."""
    for name in SYSTEM_VARIABLES:
        value = os.environ.get(name, "")
        for candidate in value.split(":") if name == "LANGUAGE" else [value]:
            code = _language_of(candidate)
            if code is not None:
                return code
            if candidate and name != "LANGUAGE":
                return ENGLISH  # LC_ALL=C: the system asks for no translation
    return ENGLISH


def _language_of(locale: str) -> str | None:
    """``fr`` for ``fr_FR.UTF-8@euro``; ``None`` for an unsupported language or C/POSIX."""
    code = locale.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else None


def _system_locale() -> str | None:
    """The system's locale name for formats (``fr_CA``), if it names one: the first of
    ``LC_ALL``, ``LC_TIME`` and ``LANG`` that is set decides."""
    for name in ("LC_ALL", "LC_TIME", "LANG"):
        value = os.environ.get(name, "").split(".")[0].split("@")[0]
        if value:
            return None if value in ("C", "POSIX") else value.replace("-", "_")
    return None


def _choice_path() -> Path:
    return platformdirs.user_config_path(APP_NAME, appauthor=False) / CHOICE_FILE


def saved_choice() -> str | None:
    """The language chosen in Settings, or ``None`` for the system's."""
    try:
        value = _choice_path().read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return value if value in LANGUAGES else None


def save_choice(code: str | None) -> None:
    """Remember ``code`` (or the system's language, ``None``) for the next start of the
    desktop and of the command line. A language code is all the file holds."""
    path = _choice_path()
    if code is None:
        path.unlink(missing_ok=True)
        return
    if code not in LANGUAGES:
        raise ValueError(f"unsupported language: {code!r}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(code + "\n", encoding="utf-8")


def available() -> Iterable[str]:
    """The languages the program speaks (their codes), English first."""
    return LANGUAGES.keys()


# -- Dates, times and numbers -----------------------------------------------------------


@cache
def _babel_locale(name: str) -> Locale:
    from babel import Locale, UnknownLocaleError  # loaded on first use: start-up stays quick

    try:
        return Locale.parse(name)
    except (UnknownLocaleError, ValueError):
        return Locale.parse(_language_of(name) or ENGLISH)


def formats_locale_name() -> str:
    """The name of the locale for formats: ``fr_FR``, ``ar_EG``, ``en``."""
    return _active.locale_name


def formats_locale() -> Locale:
    """Babel's locale for dates and numbers in the current language (and region)."""
    return _babel_locale(_active.locale_name)


def _local(moment: datetime, zone: tzinfo | None = None) -> datetime:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)  # the vault stores UTC
    return moment.astimezone(zone)


def _formatted(text: str) -> str:
    """A date, time or number as the locale writes it: in its own digits."""
    if _active.language == PSEUDO:
        return pseudo(text)
    digits = DIGITS.get(str(formats_locale().default_numbering_system or ""))
    return text.translate(str.maketrans("0123456789", digits)) if digits else text


def short_date(day: date | datetime) -> str:
    """A date in the short form shown in lists and tables: "2 Dec 2026", "2 déc. 2026"."""
    from babel.dates import format_date

    if isinstance(day, datetime):
        day = _local(day).date()
    return _formatted(format_date(day, "medium", locale=formats_locale()))


def long_date(day: date | datetime) -> str:
    """A date in the long form used in sentences and headings: "2 December 2026"."""
    from babel.dates import format_date

    if isinstance(day, datetime):
        day = _local(day).date()
    return _formatted(format_date(day, "long", locale=formats_locale()))


def clock_time(moment: datetime, zone: tzinfo | None = None) -> str:
    """The time of day, in this computer's time zone: "14:05", "2:05 PM"."""
    from babel.dates import format_time

    return _formatted(format_time(_local(moment, zone), "short", locale=formats_locale()))


def short_datetime(moment: datetime, zone: tzinfo | None = None) -> str:
    """A moment in the short form, in this computer's time zone: "2 Dec 2026, 14:05"."""
    return _joined(moment, "medium", zone)


def long_datetime(moment: datetime, zone: tzinfo | None = None) -> str:
    """A moment in the long form: "2 December 2026 at 14:05"."""
    return _joined(moment, "long", zone)


def _joined(moment: datetime, width: str, zone: tzinfo | None) -> str:
    from babel.dates import format_date, format_time

    locale = formats_locale()
    local = _local(moment, zone)
    pattern = str(locale.datetime_formats.get(width) or "{1} {0}")
    text = pattern.format(
        format_time(local, "short", locale=locale), format_date(local, width, locale=locale)
    )
    return _formatted(text)


def number(value: float, decimals: int | None = None) -> str:
    """A number with the locale's digits and separators: "1,234", "1 234", "١٬٢٣٤"."""
    whole = decimals is None and type(value) is int and -_KEPT_WHOLE < value < _KEPT_WHOLE
    if whole and _active.language != PSEUDO:
        return _whole_number(int(value), _active.locale_name)
    from babel.numbers import format_decimal

    pattern = None
    if decimals is not None:
        value = round(value, decimals)
        pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    text = format_decimal(
        value, format=pattern, locale=formats_locale(), numbering_system="default"
    )
    return text if _active.language == PSEUDO else _formatted(text)


def prepare_numbers() -> None:
    """Load what formatting a number needs (Babel's modules and the current locale's data):
    the first number formatted pays for it, 40 to 300 ms. For a view to call when it is
    made, ahead of the moment it shows its first number."""
    number(1234)


# Small whole numbers (a trust, a strength, days ago) are written once per locale: the web
# of channels writes one for each of tens of thousands of ties, and babel takes about 30
# microseconds for each.
_KEPT_WHOLE = 10_000


@lru_cache(maxsize=4096)
def _whole_number(value: int, locale_name: str) -> str:
    from babel.numbers import format_decimal

    locale = _babel_locale(locale_name)
    text = format_decimal(value, locale=locale, numbering_system="default")
    digits = DIGITS.get(str(locale.default_numbering_system or ""))
    return text.translate(str.maketrans("0123456789", digits)) if digits else text


def first_weekday() -> int:
    """The first day of the week in the current locale (0 Monday ... 6 Sunday)."""
    return int(formats_locale().first_week_day)
