"""The demo's co-facilitator: a colleague, and records received from her through bundles.

The demo practitioner works on the Tal Haroshet Water Dialogue with a co-facilitator, Nour
Khalidi (fictional). Her vault is made for the moment in a temporary folder beside the demo
vault: the two exchange cards, the practitioner shares the process with her, she logs a
meeting of her own and shares it back, and the demo vault accepts her bundle three days
before ``now``, through the same envelope and merge as real bundles. Her vault is then
deleted: only the demo vault keeps anything, as a real exchange would leave it.
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

import sqlalchemy as sa

from contactkeeper.exchange.team import bundles, colleagues, identity
from contactkeeper.exchange.team.sharing import Selection
from contactkeeper.i18n import N_, _
from contactkeeper.records import interactions
from contactkeeper.vault import Vault
from contactkeeper.vault.keyfile import KdfParams
from contactkeeper.vault.model import Actor, InteractionKind, Process, Register

CO_FACILITATOR = "Nour Khalidi"
PRACTITIONER = N_("Demo practitioner")
PROCESS_KEY = "water"


def add_co_facilitator(
    vault: Vault, now: datetime, process_name: str, kdf: KdfParams | None = None
) -> None:
    """Add the co-facilitator as a colleague of ``vault`` and receive her bundle about the
    process named ``process_name``."""
    folder = Path(tempfile.mkdtemp(prefix=".colleague-", dir=vault.path.parent))
    try:
        her = Vault.create(folder / "vault", secrets.token_urlsafe(24), kdf=kdf)
        try:
            _exchange(vault, her, now, process_name, folder)
        finally:
            her.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _exchange(mine: Vault, her: Vault, now: datetime, process_name: str, folder: Path) -> None:
    met = now - timedelta(days=12)
    identity.set_card_name(mine, _(PRACTITIONER))
    identity.set_card_name(her, CO_FACILITATOR)
    colleagues.add_colleague(her, identity.own_card(mine), now=met)
    colleagues.add_colleague(mine, identity.own_card(her), now=met)
    with mine.transaction() as session:
        process_id = session.scalars(
            sa.select(Process.id).where(Process.name == process_name)
        ).one()
    to_her = [colleagues.list_colleagues(mine)[0].id]
    outgoing = folder / "to-nour.ckbundle"
    sent = now - timedelta(days=10)
    bundles.export_bundle(mine, Selection(frozenset({process_id})), to_her, outgoing, now=sent)
    bundles.accept_bundle(her, bundles.preview_bundle_file(her, outgoing), now=sent)
    # What she adds from her notes: a breakfast with the convenor after an earlier round
    # (older than the latest contacts the process brief lists).
    with her.transaction() as session:
        her_process = session.scalars(sa.select(Process.id)).one()
        convenor = session.scalars(
            sa.select(Actor.id).where(Actor.codename == "HAZEL BEACON")
        ).one_or_none()
    if convenor is not None:
        interactions.log_interaction(
            her,
            occurred_at=now - timedelta(days=150, hours=2),  # from her notes of last round
            kind=InteractionKind.SOCIAL,
            register=Register.SOCIAL,
            participants=[convenor],
            summary=_(
                "Breakfast after the plenary: the convenor would host a second round on "
                "the aquifer if both mayors come. (Logged by the co-facilitator.)"
            ),
            process_id=her_process,
        )
    incoming = folder / "from-nour.ckbundle"
    back = now - timedelta(days=3)
    to_me = [colleagues.list_colleagues(her)[0].id]
    bundles.export_bundle(her, Selection(frozenset({her_process})), to_me, incoming, now=back)
    received = bundles.preview_bundle_file(mine, incoming)
    bundles.accept_bundle(mine, received, now=back)


__all__ = ["CO_FACILITATOR", "add_co_facilitator"]
