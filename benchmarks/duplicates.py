"""How long the duplicate warnings take on 10,000 actors (names as the benchmark vault's).

    python -m benchmarks.duplicates [--actors N]

Makes a scratch vault of N actors (only actors and their name variants, written with
records.bulk) in a temporary folder, then times ``actors.similar_names`` for a few typed
names (the warning while creating an actor or logging a contact) and
``duplicates.possible_duplicates`` over the whole vault (the "Possible duplicates" view).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.generate import Sizes, _Maker
from contactkeeper.records import actors, bulk, duplicates
from contactkeeper.vault import Vault, keyfile
from contactkeeper.vault.keyfile import KdfParams

_KDF = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)
TYPED = ("Mohamed Nassar", "محمد عباس", "Yusuf Haddad", "Sergey Orlov", "Layla al-Masri")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=10_000)
    args = parser.parse_args()
    keyfile.lower_floor_for_tests(_KDF)  # a scratch vault of synthetic names only
    now = datetime.now(UTC)
    with tempfile.TemporaryDirectory() as folder:
        vault = Vault.create(Path(folder) / "vault", "synthetic names only", kdf=_KDF)
        people = _Maker(7, Sizes.at(1.0))
        made = [people.person() for _ in range(args.actors)]
        with vault.transaction() as session:
            bulk.add_actors(
                session, [actors.NewActor(name) for name, _ in made], [v for _, v in made]
            )
        for typed in TYPED:
            times = []
            for _ in range(5):
                start = time.perf_counter()
                found = actors.similar_names(vault, typed, now)
                times.append(time.perf_counter() - start)
            print(
                f"similar_names({typed!r}): first {times[0] * 1000:.0f} ms, "
                f"then {statistics.median(times[1:]) * 1000:.0f} ms, {len(found)} found"
            )
        start = time.perf_counter()
        pairs = duplicates.possible_duplicates(vault)
        print(
            f"possible_duplicates over {args.actors} actors: "
            f"{time.perf_counter() - start:.1f} s, {len(pairs)} pairs"
        )
        vault.close()


if __name__ == "__main__":
    main()
