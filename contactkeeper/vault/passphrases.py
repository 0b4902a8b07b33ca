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

from zxcvbn import zxcvbn

from contactkeeper.errors import WeakPassphrase

MIN_SCORE: Final = 3  # zxcvbn's scale: 0 (trivial) to 4 (strong)
TOP_SCORE: Final = 4
MIN_CHARS: Final = 8
# zxcvbn refuses longer input (its matching grows quickly with length); the first 72
# characters are judged, which can only understate the strength of a longer passphrase.
JUDGED_CHARS: Final = 72
GENERAL_ADVICE: Final = "Several unrelated words are easiest to remember and hardest to guess."

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
        """zxcvbn's warning and suggestions as sentences (or the general advice)."""
        if self.too_short:
            return f"It needs at least {MIN_CHARS} characters. {GENERAL_ADVICE}"
        parts = [_sentence(self.warning), *(_sentence(s) for s in self.suggestions)]
        return " ".join(p for p in parts if p) or GENERAL_ADVICE


def strength(passphrase: str) -> Strength:
    """Judge ``passphrase`` (see the module's description)."""
    if not passphrase:
        return Strength(0, "", (GENERAL_ADVICE,), too_short=True)
    with _ZXCVBN_LOCK:
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
    ``what`` names it in the message ("passphrase", "backup passphrase")."""
    judged = strength(passphrase)
    if judged.too_short:
        raise WeakPassphrase(
            f"A {what} needs at least {MIN_CHARS} characters; several unrelated words are "
            "easiest to remember and hardest to guess."
        )
    if not judged.acceptable:
        raise WeakPassphrase(
            f"This {what} is too easy to guess (strength {judged.score} of {TOP_SCORE}; "
            f"at least {MIN_SCORE} is needed). {judged.advice}"
        )
    return judged


def _sentence(text: str) -> str:
    text = text.strip()
    if text and text[-1] not in ".!?":
        text += "."
    return text


__all__ = ["MIN_CHARS", "MIN_SCORE", "Strength", "check", "strength"]
