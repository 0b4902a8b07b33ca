"""Sharing and receiving bundle files: the payload (:mod:`.sharing`) in its envelope
(:mod:`.envelope`), the way the command line and the desktop both do it.

Sharing: :func:`preview_share` says what a selection would share and what it leaves out;
:func:`export_bundle` builds the payload, seals it to the chosen colleagues and writes the
file. Receiving: :func:`preview_bundle` checks the envelope (sender, recipients, signature,
replay) and previews the merge, writing nothing; :func:`accept_bundle` applies it and
records the bundle as received, so that receiving it again changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import sqlalchemy as sa

from contactkeeper import i18n
from contactkeeper.errors import BundleAlreadyReceived, ExchangeError
from contactkeeper.exchange.team import envelope, identity, sharing
from contactkeeper.exchange.team.envelope import OpenedBundle, SealedBundle
from contactkeeper.exchange.team.sharing import MergePreview, MergeReport, Selection, SharePreview
from contactkeeper.i18n import _
from contactkeeper.vault import Vault
from contactkeeper.vault.model import Actor, Process


@dataclass(frozen=True)
class Exported:
    path: Path
    bundle: SealedBundle
    preview: SharePreview


@dataclass(frozen=True)
class Received:
    """A bundle whose envelope checked out, and what accepting it would do."""

    bundle: OpenedBundle = field(repr=False)
    preview: MergePreview

    @property
    def sender(self) -> str:
        return self.bundle.sender.name


def preview_share(vault: Vault, selection: Selection) -> SharePreview:
    return sharing.preview_selection(vault, selection)


def export_bundle(
    vault: Vault,
    selection: Selection,
    colleague_ids: Sequence[int],
    path: Path,
    *,
    now: datetime,
) -> Exported:
    """Write the records ``selection`` chooses to ``path``, sealed to ``colleague_ids``."""
    if not colleague_ids:
        raise ExchangeError(_("Choose at least one colleague to share with; nothing was written."))
    preview = sharing.preview_selection(vault, selection)
    card = identity.own_card(vault)
    payload = sharing.build_payload(vault, selection, sender_name=card.name, now=now)
    sealed = envelope.seal(vault, payload, colleague_ids, now=now)
    envelope.write_bundle_file(path, sealed)
    return Exported(path=path, bundle=sealed, preview=preview)


def preview_bundle(vault: Vault, data: bytes) -> Received:
    """Open the bundle ``data`` and preview its merge; nothing is written."""
    opened = envelope.open_bundle(vault, data)
    preview = sharing.preview_payload(vault, opened.payload, sender=opened.sender.name)
    return Received(bundle=opened, preview=preview)


def preview_bundle_file(vault: Vault, path: Path) -> Received:
    return preview_bundle(vault, envelope.read_bundle_file(path))


def accept_bundle(vault: Vault, received: Received, *, now: datetime) -> MergeReport:
    """Apply a previewed bundle and record it as received."""
    received_on = envelope.received_at(vault, received.bundle.bundle_id)
    if received_on is not None:  # accepted meanwhile, in another window
        raise BundleAlreadyReceived(i18n.long_datetime(received_on))
    report = sharing.apply_payload(
        vault, received.bundle.payload, sender=received.sender, received_at=now
    )
    envelope.mark_received(vault, received.bundle, now=now)
    return report


# -- choosing by name, for the command line ----------------------------------------------


def find_processes(vault: Vault, texts: Iterable[str]) -> frozenset[int]:
    """The processes named (or numbered) ``texts``; :class:`ExchangeError` for one unknown."""
    return _find(
        vault,
        texts,
        Process,
        (Process.name,),
        none=_("No process is called {name}. Nothing was written."),
        several=_("Several processes are called {name}; give its number instead."),
    )


def find_actors(vault: Vault, texts: Iterable[str]) -> frozenset[int]:
    """The actors named, codenamed (or numbered) ``texts``."""
    return _find(
        vault,
        texts,
        Actor,
        (Actor.display_name, Actor.codename),
        none=_("No actor is called {name}. Nothing was written."),
        several=_("Several actors are called {name}; give their number instead."),
    )


def _find(
    vault: Vault,
    texts: Iterable[str],
    model: type[Actor] | type[Process],
    columns: tuple[sa.orm.InstrumentedAttribute[str], ...],
    *,
    none: str,
    several: str,
) -> frozenset[int]:
    found: set[int] = set()
    with vault.transaction() as session:
        for text in texts:
            wanted = text.strip()
            if wanted.isdigit():
                condition = model.id == int(wanted)
            else:
                condition = sa.or_(*(sa.func.lower(c) == wanted.lower() for c in columns))
            ids = list(session.scalars(sa.select(model.id).where(condition).limit(2)))
            if len(ids) != 1:
                raise ExchangeError((several if ids else none).format(name=wanted))
            found.add(ids[0])
    return frozenset(found)


__all__ = [
    "Exported",
    "Received",
    "accept_bundle",
    "export_bundle",
    "find_actors",
    "find_processes",
    "preview_bundle",
    "preview_bundle_file",
    "preview_share",
]
