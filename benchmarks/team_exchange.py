"""The exchange rows: a bundle of one process (40 actors, 2,000 interactions) written by a
colleague's vault and received into a scratch copy of the reference vault.

The sender is a small vault made for the purpose beside the scratch copy (synthetic names
only, cheap key derivation): one process, its 40 participants and 2,000 interactions among
them. Timed: **export** (preview of the selection, payload, signing, encryption, writing
the file) in the sender's vault, and **import** (reading the file, opening the envelope,
previewing the merge, applying it, recording the bundle) into the reference vault's copy,
where every record is new. Each must take at most 5 s.
"""

from __future__ import annotations

import random
import shutil
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from contactkeeper.records import actors, bulk, processes
from contactkeeper.records.actors import NewActor
from contactkeeper.vault import Vault
from contactkeeper.vault.keyfile import KdfParams, lower_floor_for_tests
from contactkeeper.vault.model import InteractionKind, ParticipationRole

ACTORS = 40
INTERACTIONS = 2_000
LIMIT_MS = 5_000.0
TARGET = "each <= 5 s"
OPERATIONS = (
    "exchange: export a bundle of one process (40 actors, 2,000 interactions)",
    "exchange: import that bundle into the reference vault (new records)",
)
_KDF = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)
_NAMES = ("Amal", "Omar", "Rania", "Yusuf", "Leila", "Karim", "Nadia", "Tarek", "Salma", "Idris")
_FAMILIES = ("Haddad", "Nassar", "Khalil", "Saleh", "Mansour", "Aziz", "Farah", "Rahal")


def make_sender(folder: Path, now: datetime, *, seed: int = 19) -> tuple[Vault, int]:
    """A colleague's vault: one process, its 40 participants, 2,000 interactions."""
    lower_floor_for_tests(_KDF)  # a scratch vault of synthetic records only
    vault = Vault.create(folder / "colleague", "synthetic records only", kdf=_KDF)
    rng = random.Random(seed)
    process = processes.create_process(vault, "Valley water talks")
    ids: list[int] = []
    for index in range(ACTORS):
        name = f"{rng.choice(_NAMES)} {rng.choice(_FAMILIES)} {index}"
        actor = actors.create_actor(vault, NewActor(name), now)
        processes.add_participant(vault, process.id, actor.id, ParticipationRole.PARTY)
        ids.append(actor.id)
    with vault.transaction() as session:
        bulk.add_interactions(
            session,
            [
                bulk.NewInteraction(
                    occurred_at=now - timedelta(hours=6 * i),
                    kind=rng.choice(list(InteractionKind)),
                    participant_ids=rng.sample(ids, 2),
                    summary=f"Talked about the water sharing draft, round {i}",
                    process_id=process.id,
                )
                for i in range(INTERACTIONS)
            ],
        )
    return vault, process.id


def measure_exchange(
    ctx: Any,
    scratch: Vault,
    *,
    ms: Callable[[Callable[[], object]], float],
    row_type: type[Any],
) -> None:
    """The two exchange rows, into ``ctx.rows``."""
    from contactkeeper.exchange.team import bundles, colleagues, identity
    from contactkeeper.exchange.team.sharing import Selection

    now = datetime.now(UTC)
    folder = Path(tempfile.mkdtemp(prefix="exchange-", dir=scratch.path.parent))
    try:
        sender, process_id = make_sender(folder, now)
        try:
            identity.set_card_name(sender, "Omar")
            colleagues.add_colleague(sender, identity.own_card(scratch), now=now, name="Ref")
            colleagues.add_colleague(scratch, identity.own_card(sender), now=now, name="Omar")
            to = [c.id for c in colleagues.list_colleagues(sender)]
            path = folder / "valley.ckbundle"
            selection = Selection(process_ids=frozenset({process_id}))
            exported: list[bundles.Exported] = []
            export_ms = ms(
                lambda: exported.append(bundles.export_bundle(sender, selection, to, path, now=now))
            )
        finally:
            sender.close()
        size = path.stat().st_size
        received: list[bundles.Received] = []
        opened_ms = ms(lambda: received.append(bundles.preview_bundle_file(scratch, path)))
        applied_ms = ms(lambda: bundles.accept_bundle(scratch, received[0], now=now))
        import_ms = opened_ms + applied_ms
        preview = received[0].preview
        common = (
            f"one process, {ACTORS} actors, {INTERACTIONS:,} interactions; bundle {size:,} bytes"
        )
        ctx.rows.append(
            row_type(
                operation=OPERATIONS[0],
                median_ms=round(export_ms, 2),
                p95_ms=round(export_ms, 2),
                target=TARGET,
                baseline_ms=None,
                ratio=None,
                met=export_ms <= LIMIT_MS,
                note=f"{common}; in the colleague's vault: preview, payload, sign, encrypt, write",
                samples=1,
            )
        )
        ctx.rows.append(
            row_type(
                operation=OPERATIONS[1],
                median_ms=round(import_ms, 2),
                p95_ms=round(import_ms, 2),
                target=TARGET,
                baseline_ms=None,
                ratio=None,
                met=import_ms <= LIMIT_MS,
                note=(
                    f"{common}; into the reference vault's scratch copy: read, open the "
                    f"envelope and preview the merge {opened_ms / 1000:.1f} s (what Receive "
                    f"shows), apply and record {applied_ms / 1000:.1f} s (Accept); "
                    f"{len(preview.new):,} new records"
                ),
                samples=1,
            )
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
