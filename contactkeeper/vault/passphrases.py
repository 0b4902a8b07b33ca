"""How strong a passphrase must be, judged one way on every path that sets one.

A vault's passphrase (``init``, ``passwd``, a restored vault) and a backup's passphrase are
judged by zxcvbn, the estimator Dropbox wrote and a maintained Python port keeps: it finds
dictionary words, common passwords, names, keyboard walks, repeats, sequences and dates,
and scores how many guesses the passphrase would take, from 0 (fewer than 10^3) to 4
(10^10 or more). Anything below :data:`MIN_SCORE` (3: at least 10^8 guesses) is refused,
and so is anything shorter than :data:`MIN_CHARS`, with zxcvbn's own warning and advice.

Why 10^8: whoever copies ``vault.key`` or a backup guesses offline, limited only by
Argon2id (about half a second and 64 MiB per guess on the laptop that made the vault) or
age's scrypt. A hundred million guesses is years for one such laptop, and still months for
a well-funded attacker with many; the common words and patterns zxcvbn spots are tried in
the first seconds. Several unrelated words clear the bar easily.

The desktop application's meter, the command line and the core services all call
:func:`strength` or :func:`check` here, so they never disagree.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Final

from contactkeeper.errors import WeakPassphrase
from contactkeeper.i18n import N_, _, ngettext, number

MIN_SCORE: Final = 3  # zxcvbn's scale: 0 (trivial) to 4 (strong)
TOP_SCORE: Final = 4
MIN_CHARS: Final = 8
# zxcvbn refuses longer input (its matching grows quickly with length); the first 72
# characters are judged, which can only understate the strength of a longer passphrase.
JUDGED_CHARS: Final = 72
GENERAL_ADVICE: Final = N_("Several unrelated words are easiest to remember and hardest to guess.")
# zxcvbn's own feedback, in English: marked here so that it is translated with the rest.
ZXCVBN_FEEDBACK: Final = (
    N_("Use a few words, avoid common phrases."),
    N_("No need for symbols, digits, or uppercase letters."),
    N_("Add another word or two. Uncommon words are better."),
    N_("Straight rows of keys are easy to guess."),
    N_("Short keyboard patterns are easy to guess."),
    N_("Use a longer keyboard pattern with more turns."),
    N_('Repeats like "aaa" are easy to guess.'),
    N_('Repeats like "abcabcabc" are only slightly harder to guess than "abc".'),
    N_("Avoid repeated words and characters."),
    N_('Sequences like "abc" or "6543" are easy to guess.'),
    N_("Avoid sequences."),
    N_("Recent years are easy to guess."),
    N_("Avoid recent years."),
    N_("Avoid years that are associated with you."),
    N_("Dates are often easy to guess."),
    N_("Avoid dates and years that are associated with you."),
    N_("This is a top-10 common password."),
    N_("This is a top-100 common password."),
    N_("This is a very common password."),
    N_("This is similar to a commonly used password."),
    N_("A word by itself is easy to guess."),
    N_("Names and surnames by themselves are easy to guess."),
    N_("Common names and surnames are easy to guess."),
    N_("Capitalization doesn't help very much."),
    N_("All-uppercase is almost as easy to guess as all-lowercase."),
    N_("Reversed words aren't much harder to guess."),
    N_("Predictable substitutions like '@' instead of 'a' don't help very much."),
)

# zxcvbn keeps the user's own words in a module-level table while it scores: one at a time.
_ZXCVBN_LOCK: Final = threading.Lock()
# Words anyone attacking a ContactKeeper file would try first.
_OWN_WORDS: Final = ("contactkeeper", "contact keeper", "vault", "backup", "passphrase")


@dataclass(frozen=True)
class Strength:
    """zxcvbn's verdict on one passphrase."""

    score: int  # 0 to 4
    warning: str  # what makes it weak, or ""
    suggestions: tuple[str, ...]  # how to make it stronger
    too_short: bool = False

    @property
    def acceptable(self) -> bool:
        return not self.too_short and self.score >= MIN_SCORE

    @property
    def advice(self) -> str:
        """zxcvbn's warning and suggestions as sentences (or the general advice), in the
        current language."""
        if self.too_short:
            return ngettext(
                "It needs at least {n} character. {advice}",
                "It needs at least {n} characters. {advice}",
                MIN_CHARS,
            ).format(n=number(MIN_CHARS), advice=_(GENERAL_ADVICE))
        parts = [_sentence(self.warning), *(_sentence(s) for s in self.suggestions)]
        return " ".join(p for p in parts if p) or _(GENERAL_ADVICE)


def strength(passphrase: str) -> Strength:
    """Judge ``passphrase`` (see the module's description)."""
    if not passphrase:
        return Strength(0, "", (GENERAL_ADVICE,), too_short=True)
    with _ZXCVBN_LOCK:
        # zxcvbn's dictionaries take a while to load: on the first passphrase judged, not
        # when the desktop's start screen (which imports this module) is made.
        from zxcvbn import zxcvbn

        result = zxcvbn(passphrase[:JUDGED_CHARS], user_inputs=list(_OWN_WORDS))
    feedback = result.get("feedback") or {}
    return Strength(
        score=int(result["score"]),
        warning=str(feedback.get("warning") or ""),
        suggestions=tuple(str(s) for s in feedback.get("suggestions") or ()),
        too_short=len(passphrase) < MIN_CHARS,
    )


def check(passphrase: str, *, what: str = "passphrase") -> Strength:
    """Refuse a weak ``passphrase`` with :class:`WeakPassphrase`, saying why and what to do;
    ``what`` says which one it is: ``"passphrase"`` (a vault's) or ``"backup passphrase"``."""
    judged = strength(passphrase)
    backup = what == "backup passphrase"
    if judged.too_short:
        if backup:
            message = ngettext(
                "A backup passphrase needs at least {n} character; several unrelated words "
                "are easiest to remember and hardest to guess.",
                "A backup passphrase needs at least {n} characters; several unrelated words "
                "are easiest to remember and hardest to guess.",
                MIN_CHARS,
            )
        else:
            message = ngettext(
                "A passphrase needs at least {n} character; several unrelated words are "
                "easiest to remember and hardest to guess.",
                "A passphrase needs at least {n} characters; several unrelated words are "
                "easiest to remember and hardest to guess.",
                MIN_CHARS,
            )
        raise WeakPassphrase(message.format(n=number(MIN_CHARS)))
    if not judged.acceptable:
        if backup:
            message = _(
                "This backup passphrase is too easy to guess (strength {score} of {top}; "
                "at least {needed} is needed). {advice}"
            )
        else:
            message = _(
                "This passphrase is too easy to guess (strength {score} of {top}; at least "
                "{needed} is needed). {advice}"
            )
        raise WeakPassphrase(
            message.format(
                score=number(judged.score),
                top=number(TOP_SCORE),
                needed=number(MIN_SCORE),
                advice=judged.advice,
            )
        )
    return judged


def _sentence(text: str) -> str:
    """zxcvbn's ``text`` translated, ending as a sentence does."""
    text = _(text.strip()) if text.strip() else ""
    if text and text[-1] not in ".!?":
        text += "."
    return text


__all__ = ["MIN_CHARS", "MIN_SCORE", "Strength", "check", "strength"]
