"""How counts read in sentences: "1 follow-up", "2 follow-ups", never "follow-up(s)".

One helper for the GUI, the CLI and the reports alike, so every count in the program
agrees with its noun.
"""

from __future__ import annotations


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``count`` and its noun: ``plural(1, "channel")`` is "1 channel", ``plural(3,
    "channel")`` "3 channels"; irregular nouns give their plural (``plural(2, "entry",
    "entries")``). Counts of a thousand and more are grouped: "1,200 actors"."""
    noun = singular if count == 1 else (plural_form or f"{singular}s")
    return f"{count:,} {noun}"
