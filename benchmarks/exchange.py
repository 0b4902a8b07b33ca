"""Exchange between colleagues: one process's payload built, and applied to the reference vault.

    python -m benchmarks.exchange --vault benchmarks/vaults/reference [--repeat 3]

A small source vault (fast key derivation, in a temporary folder) holds one process with 40
actors and 2,000 interactions among them. Timed: building its payload
(:func:`build_process_payload`); applying it to a scratch copy of the reference vault
(:func:`apply_to`), the first time (everything new) and again (nothing changes); and building
the same process's payload from the large vault. The reference vault itself is never written
to: the runner copies its files first. Every record is invented.
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import sqlalchemy as sa

from benchmarks.generate import PASSPHRASE
from contactkeeper.exchange.team import sharing
from contactkeeper.exchange.team.sharing import MergeReport, Selection
from contactkeeper.records import bulk
from contactkeeper.records.bulk import NewInteraction
from contactkeeper.vault import DB_NAME, KEY_NAME, Vault
from contactkeeper.vault.keyfile import KdfParams
from contactkeeper.vault.model import (
    Actor,
    AttributionRule,
    Interaction,
    InteractionKind,
    Participation,
    ParticipationRole,
    Process,
)

SOURCE_KDF = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)
SOURCE_PASSPHRASE = "exchange benchmark source: synthetic data only"
NOW = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
T = TypeVar("T")


def make_source(path: Path, *, actors: int = 40, interactions: int = 2_000) -> tuple[Vault, int]:
    """A new vault in ``path`` with one process, ``actors`` participants and ``interactions``
    among them (two or three each); the vault and the process's id."""
    vault = Vault.create(path, SOURCE_PASSPHRASE, kdf=SOURCE_KDF)
    with vault.transaction() as session:
        [process_id] = bulk.insert(
            session,
            Process,
            [{"name": "Benchmark river basin talks", "description": "Synthetic process"}],
        )
        actor_ids = bulk.insert(
            session,
            Actor,
            [
                {
                    "display_name": f"Exchange Participant {n:02d}",
                    "codename": f"XBENCH-{n:02d}",
                    "country": "Syntheticland",
                }
                for n in range(actors)
            ],
        )
        bulk.insert(
            session,
            Participation,
            [
                {"process_id": process_id, "actor_id": a, "role": ParticipationRole.PARTY}
                for a in actor_ids
            ],
        )
        bulk.add_interactions(
            session,
            [
                NewInteraction(
                    occurred_at=NOW - timedelta(hours=3 * n),
                    kind=InteractionKind.MEETING,
                    participant_ids=[actor_ids[n % actors], actor_ids[(n * 7 + 1) % actors]],
                    summary=f"Synthetic round {n} on water quotas and the upstream dam",
                    process_id=process_id,
                )
                for n in range(interactions)
            ],
        )
        # Every interaction may be shared (bulk writes on the record by default).
        session.execute(sa.update(Interaction).values(attribution=AttributionRule.ON_RECORD))
    return vault, process_id


def build_process_payload(vault: Vault, process_id: int) -> bytes:
    """The payload of one process (every kind, as a practitioner would share it)."""
    return sharing.build_payload(
        vault, Selection(process_ids=frozenset({process_id})), sender_name="Benchmark colleague"
    )


def apply_to(vault: Vault, payload: bytes) -> MergeReport:
    return sharing.apply_payload(
        vault, payload, sender="Benchmark colleague", received_at=datetime.now(UTC)
    )


@contextlib.contextmanager
def scratch_copy(path: Path, under: Path | None = None) -> Iterator[Path]:
    """A copy of a vault's (encrypted) files, removed after; the original is only read."""
    folder = Path(tempfile.mkdtemp(prefix="exchange-scratch-", dir=under))
    try:
        copy = folder / "vault"
        copy.mkdir(mode=0o700)
        for name in (KEY_NAME, DB_NAME, f"{DB_NAME}-wal"):
            if (path / name).exists():
                shutil.copyfile(path / name, copy / name)
        yield copy
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _timed(fn: Callable[..., T], *args: Any) -> tuple[float, T]:
    start = time.perf_counter()
    result = fn(*args)
    return (time.perf_counter() - start) * 1000, result


def measure(reference: Path, passphrase: str, repeat: int, under: Path | None) -> dict[str, float]:
    """Median milliseconds of each step over ``repeat`` scratch copies of ``reference``."""
    samples: dict[str, list[float]] = {
        "build (source vault)": [],
        "apply (reference copy, all new)": [],
        "apply again (no change)": [],
        "build (from the reference copy)": [],
    }
    with tempfile.TemporaryDirectory() as folder:
        source, process_id = make_source(Path(folder) / "source")
        try:
            for _ in range(repeat):
                ms, payload = _timed(build_process_payload, source, process_id)
                samples["build (source vault)"].append(ms)
                with scratch_copy(reference, under) as copy:
                    target = Vault.unlock(copy, passphrase)
                    try:
                        ms, report = _timed(apply_to, target, payload)
                        samples["apply (reference copy, all new)"].append(ms)
                        assert len(report.new) > 2_000
                        ms, again = _timed(apply_to, target, payload)
                        samples["apply again (no change)"].append(ms)
                        assert again.empty
                        with target.transaction() as session:
                            here = session.scalar(
                                sa.select(Process.id).where(
                                    Process.name == "Benchmark river basin talks"
                                )
                            )
                        assert here is not None
                        ms, _built = _timed(build_process_payload, target, here)
                        samples["build (from the reference copy)"].append(ms)
                    finally:
                        target.close()
        finally:
            source.close()
    return {name: statistics.median(values) for name, values in samples.items()}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time building and applying an exchange payload.")
    parser.add_argument("--vault", type=Path, required=True, help="the reference vault (read only)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--passphrase", default=PASSPHRASE)
    parser.add_argument("--scratch", type=Path, default=None, help="where to copy it")
    args = parser.parse_args(argv)
    results = measure(args.vault, args.passphrase, args.repeat, args.scratch)
    for name, ms in results.items():
        print(f"{name:40} {ms:9.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
