"""Reading sentences as a person reads them."""

from __future__ import annotations

from contactkeeper.i18n import FSI, PDI


def plain(text: str) -> str:
    """``text`` without the invisible marks that isolate names typed by a user (see
    :func:`contactkeeper.i18n.isolate`): what the eye sees."""
    return text.replace(FSI, "").replace(PDI, "")
