"""The web of channels on the reference vault (50,000 relationships): paths to an actor,
the brokers of a process of 40 participants, and the map of 2,000 nodes.

Paths and brokers keep what they can between calls (the web of ties is rebuilt only when a
tie, a channel or a setting changes; your first hops when a contact is logged): each row
times the call as the actor or process page makes it, and says in its note what the first
call after a contact is logged, and after a tie is added, costs. Those writes happen on the
scratch copy of the vault, never on the reference vault.

The map row runs :mod:`benchmarks.network_probe` in a child process on an offscreen Qt
platform: the map view as the user opens it, with the longest stall of its event loop
while the layout runs in the background and the nodes are drawn.
"""

from __future__ import annotations

import statistics
import subprocess
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import sqlalchemy as sa

from benchmarks import child
from contactkeeper.records import interactions, network, relationships
from contactkeeper.vault import Vault
from contactkeeper.vault.model import (
    InteractionKind,
    Participation,
    RelationshipKind,
)

MAP_NODES = 2_000


def measure_network(
    ctx: Any,
    scratch: Vault,
    *,
    ms: Callable[[Callable[[], object]], float],
    row: Callable[..., Any],
    sample: Callable[[Vault, int], list[int]],
) -> None:
    """The paths and brokers rows, measured on ``scratch`` (a copy of the reference vault)
    so that the writes that make the program recompute can be made."""
    now = ctx.now
    ids = sample(scratch, 40)
    for actor_id in ids[:3]:  # the first call builds the web of ties
        network.paths_to(scratch, actor_id, now)
    steady = [
        ms(lambda a=actor_id: network.paths_to(scratch, a, now))
        for _ in range(max(1, ctx.repeat // 2))
        for actor_id in ids
    ]
    found = [len(network.paths_to(scratch, a, now)) for a in ids]
    after_contact = []
    after_tie = []
    for index, actor_id in enumerate(ids[:5]):
        _log_contact(scratch, ids[-1 - index], now - timedelta(minutes=index + 1))
        after_contact.append(ms(lambda a=actor_id: network.paths_to(scratch, a, now)))
        relationships.add_relationship(
            scratch, ids[index + 5], ids[index + 10], RelationshipKind.KNOWS
        )
        after_tie.append(ms(lambda a=actor_id: network.paths_to(scratch, a, now)))
    ctx.rows.append(
        row(
            "paths to an actor (the best 3 ways in, as the actor page shows them)",
            steady,
            None,
            target="p95 <= 50 ms",
            limit_ms=50,
            statistic="p95",
            note=(
                f"{len(ids)} actors, {sum(found)} paths found in all; the first call after a "
                f"contact is logged (your first hops re-scored for warmth) "
                f"{statistics.median(after_contact):.0f} ms, after a tie is added (the web "
                f"of 50,000 relationships rebuilt) {statistics.median(after_tie):.0f} ms "
                "(medians of 5); no raw-SQL baseline (the work is the graph search)"
            ),
        )
    )
    process_id, size = _largest_process(scratch)
    network.process_brokers(scratch, process_id, now)
    kept = [
        ms(lambda: network.process_brokers(scratch, process_id, now))
        for _ in range(max(3, ctx.repeat))
    ]
    recomputed = []
    for index in range(max(10, ctx.repeat)):
        _log_contact(scratch, ids[index % len(ids)], now - timedelta(seconds=50 - index))
        recomputed.append(ms(lambda: network.process_brokers(scratch, process_id, now)))
    count, found_brokers = network.process_brokers(scratch, process_id, now)
    ctx.rows.append(
        row(
            "brokers of the largest process (first call after a contact is logged)",
            recomputed,
            None,
            target="p95 <= 200 ms",
            limit_ms=200,
            statistic="p95",
            note=(
                f"after each contact logged: the contacted actor's first hop re-scored, "
                f"betweenness over the participants from the kept shortest ways (the "
                f"dominators are kept while the ties are the same); "
                f"{len(found_brokers)} brokers to its {count} participants ({size} taking part); "
                f"while nothing "
                f"changes the kept answer costs {statistics.median(kept):.1f} ms (median)"
            ),
        )
    )


def _log_contact(vault: Vault, actor_id: int, when: Any) -> None:
    interactions.log_interaction(
        vault,
        occurred_at=when,
        kind=InteractionKind.CALL,
        participants=[actor_id],
        summary="Benchmark call",
    )


def _largest_process(vault: Vault) -> tuple[int, int]:
    with vault.transaction() as session:
        found = session.execute(
            sa.select(Participation.process_id, sa.func.count())
            .group_by(Participation.process_id)
            .order_by(sa.func.count().desc(), Participation.process_id)
            .limit(1)
        ).one()
    return int(found[0]), int(found[1])


def probe_map(vault_path: Any, now: Any, passphrase: str, folder: Any) -> dict[str, Any]:
    """Run :mod:`benchmarks.network_probe` in a child process; its JSON result."""
    result: dict[str, Any] = child.run_probe(
        "benchmarks.network_probe",
        [str(vault_path), now.isoformat(), str(MAP_NODES)],
        passphrase,
        folder,
    )
    return result


def map_rows(ctx: Any, passphrase: str, folder: Any, row_type: Any) -> list[Any]:
    """The map row: layout time off the UI thread, and the event loop's longest stall."""
    operation = f"network map of {MAP_NODES:,} nodes: layout off the UI thread"
    target = "layout <= 2 s; event loop never blocked > 50 ms"
    try:
        runs = [probe_map(ctx.path, ctx.now, passphrase, folder) for _ in range(2)]
    except (RuntimeError, subprocess.TimeoutExpired, ValueError, KeyError) as exc:
        return [row_type(operation, None, None, target, None, None, False, f"not measured: {exc}")]
    layout = [r["layout_ms"] for r in runs]
    stalls = [r["longest_stall_ms"] for r in runs]
    busy = max(runs, key=lambda r: r["longest_busy_ms"])
    first = runs[0]
    met = max(layout) <= 2000 and max(stalls) <= 50
    return [
        row_type(
            operation=operation,
            median_ms=round(statistics.median(layout), 1),
            p95_ms=round(max(layout), 1),
            target=target,
            baseline_ms=None,
            ratio=None,
            met=met,
            note=(
                f"the first {first['nodes']} nodes of the whole web and the {first['edges']} "
                f"lines between them; layout alone, off the UI thread (the times); from "
                f"asking to every node drawn {statistics.median(r['total_ms'] for r in runs):.0f}"
                f" ms (reading {first['read_ms']:.0f} ms, drawing in batches "
                f"{first['draw_ms']:.0f} ms); longest event-loop stall {max(stalls):.0f} ms "
                f"(timer every {first['tick_ms']} ms; at: {first['worst_step']}); the UI "
                f"thread's own work between two ticks {busy['longest_busy_ms']:.0f} ms at most "
                f"(at: {busy['busiest_step']}); "
                f"{len(runs)} runs in a child process, offscreen Qt"
            ),
            samples=len(runs),
        )
    ]
