"""What SQLCipher's ``cipher_memory_security`` would cost: a typical query mix, on and off.

With ``PRAGMA cipher_memory_security = ON``, SQLCipher wipes every block of memory it frees
and locks its own memory against swapping. The setting is global to the process and cannot
be turned off again once on, so each mode runs in its own child process, alternately
(off, on, off, on, ...), on the same vault, and the medians of each mode's rounds are
compared: ``on / off`` is the cost.

A round is what a person does in a minute of work: typing names into search letter by
letter (every keystroke a ranked search), opening actor pages, Today, the first screen of
the actors list.

    python -m benchmarks.memory_security [--vault PATH] [--scale F] [--rounds N] [--runs N]

Without ``--vault`` it makes a small synthetic vault (``--scale``, default 0.05: 500 actors,
10,000 interactions) in a private temporary folder and deletes it afterwards. Only synthetic
data; nothing is written in clear.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks import generate

ROOT = Path(__file__).resolve().parents[1]


def _child(path: Path, mode: str, rounds: int) -> list[float]:
    """Unlock ``path`` in this process with memory security ``mode``; time ``rounds``."""
    import sqlcipher3

    from benchmarks import run
    from contactkeeper.records import actors, search
    from contactkeeper.records import today as today_service
    from contactkeeper.vault import Vault

    if mode == "on":  # global: every connection made afterwards wipes what it frees
        probe = sqlcipher3.connect(":memory:")
        probe.execute("PRAGMA cipher_memory_security = ON").fetchall()
        assert probe.execute("PRAGMA cipher_memory_security").fetchone()[0] == "1"
        probe.close()
    with Vault.unlock(path, generate.PASSPHRASE) as vault:
        now = run._anchor(vault)
        keystrokes = run._keystrokes(run._typed_names(vault))
        people = run._sample_actors(vault, 10)

        def mix() -> None:
            for typed in keystrokes:
                search.search(vault, typed, limit=50)
            for actor_id in people:
                run.actor_page(vault, actor_id, now)
            today_service.today(vault, now)
            actors.count_actors(vault, now)
            actors.list_actors(vault, now, limit=run.LIST_PAGE)

        mix()  # warm the page caches: both modes are compared warm
        times = []
        for _ in range(rounds):
            started = time.perf_counter()
            mix()
            times.append((time.perf_counter() - started) * 1000.0)
    return times


def measure(path: Path, rounds: int, runs: int) -> dict[str, object]:
    samples: dict[str, list[float]] = {"off": [], "on": []}
    child = [sys.executable, "-m", "benchmarks.memory_security", "--vault", str(path)]
    for _ in range(runs):
        for mode in ("off", "on"):
            done = subprocess.run(
                [*child, "--rounds", str(rounds), "--child", mode],
                capture_output=True,
                text=True,
                check=True,
                cwd=ROOT,
            )
            samples[mode] += json.loads(done.stdout.splitlines()[-1])
    off, on = statistics.median(samples["off"]), statistics.median(samples["on"])
    return {
        "operation": "typical query mix, cipher_memory_security on / off",
        "off_median_ms": round(off, 1),
        "on_median_ms": round(on, 1),
        "ratio": round(on / off, 2),
        "samples": {mode: [round(t, 1) for t in times] for mode, times in samples.items()},
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.memory_security")
    parser.add_argument("--vault", type=Path, default=None)
    parser.add_argument("--scale", type=float, default=0.05)
    parser.add_argument("--rounds", type=int, default=5, help="rounds per child process")
    parser.add_argument("--runs", type=int, default=3, help="child processes per mode")
    parser.add_argument("--child", choices=("on", "off"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(_child(args.vault, args.child, args.rounds)))
        return 0
    scratch: Path | None = None
    path = args.vault
    if path is None:
        from contactkeeper.vault.keyfile import FLOOR

        scratch = Path(tempfile.mkdtemp(prefix="memory-security-"))
        os.chmod(scratch, 0o700)
        path = scratch / "vault"
        generate.generate(path, scale=args.scale, kdf=FLOOR, report=lambda _m: None)
    try:
        result = measure(path, args.rounds, args.runs)
    finally:
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
    results = ROOT / "benchmarks" / "results"
    results.mkdir(exist_ok=True)
    (results / "memory_security.json").write_text(json.dumps(result, indent=2) + "\n")
    print(
        f"{result['operation']}: off {result['off_median_ms']} ms, "
        f"on {result['on_median_ms']} ms, ratio {result['ratio']}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
