"""How counts read in sentences: "1 follow-up", "2 follow-ups", never "follow-up(s)".

One helper for the GUI, the CLI and the reports alike, so every count in the program
agrees with its noun. Prefer :func:`contactkeeper.i18n.ngettext` for a counted phrase a person
reads: it knows the plural forms of every language (``plural`` knows English's only).
"""

from __future__ import annotations

import enum

from contactkeeper import i18n
from contactkeeper.i18n import ngettext


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``count`` and its noun: ``plural(1, "channel")`` is "1 channel", ``plural(3,
    "channel")`` "3 channels"; irregular nouns give their plural (``plural(2, "entry",
    "entries")``). Counts of a thousand and more are grouped: "1,200 actors"."""
    noun = singular if count == 1 else (plural_form or f"{singular}s")
    return f"{count:,} {noun}"


def signed(value: float, decimals: int = 2) -> str:
    """A weight or a level with its sign, in the locale's digits: "+1.20", "-0.35"."""
    return ("+" if value >= 0 else "-") + i18n.number(abs(value), decimals)


def days_ago(n: int) -> str:
    """ "1 day ago", "12 days ago"."""
    return ngettext("{n} day ago", "{n} days ago", n).format(n=i18n.number(n))


def days(n: int) -> str:
    """ "1 day", "12 days"."""
    return ngettext("{n} day", "{n} days", n).format(n=i18n.number(n))


def label(value: enum.StrEnum) -> str:
    """The word shown for a choice of the vocabulary (a kind of channel, a role, a tier),
    in the current language: the vocabulary's own ``label`` where it has one, else the
    stored value. Never ``str(value)`` in a sentence: that is the stored, English, word."""
    shown = getattr(value, "label", None)
    return shown if isinstance(shown, str) else str(value)
