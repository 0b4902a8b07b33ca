"""The words of the vault's fixed choices, as the desktop's views show them.

The vault stores a choice (a track, a phase, a role) as an English word; that word is a
key, never shown as it is. :func:`word` is :func:`contactkeeper.vault.vocabulary.label`
(the translated word, one translation context per family, since the same English word may
need two translations: a political "parti", a "partie" to a conflict); :func:`capitalized`
opens a line with it.
"""

from __future__ import annotations

from contactkeeper.vault.vocabulary import label as word


def capitalized(text: str) -> str:
    """``text`` with its first letter a capital, to open a line (a no-op in scripts
    without capitals)."""
    return text[:1].upper() + text[1:]


__all__ = ["capitalized", "word"]
