"""Text as a person reads it on screen.

Names and other typed text put into a sentence are wrapped in Unicode's directional
isolates (:func:`contactkeeper.i18n.isolate`), invisible marks that keep an Arabic name in an
English sentence (or a Latin codename in an Arabic one) from scrambling the punctuation
around it. Tests that compare whole sentences compare what is seen: without them.
"""

from __future__ import annotations

from contactkeeper.i18n import FSI, PDI


def visible(text: str | None) -> str:
    """``text`` without its directional isolates."""
    return (text or "").replace(FSI, "").replace(PDI, "")
