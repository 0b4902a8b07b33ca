"""Growth: the rows a user feels on every use, measured again on a vault three times larger.

Each growth row is the 95th percentile of a row on the scale-3 vault over its 95th
percentile on the reference vault, both measured side by side in the same run by the same
workload (``benchmarks/run.py``: part by part, the reference vault's rows again just before
the larger's, search typing the same names on both); the target is 1.3 at most: what a
screen costs must not grow with the vault. The scale-3 vault (``benchmarks/vaults/scale3``,
made on first use, about 1 GB) is kept like the reference vault; ``--vault3 PATH`` points at
another.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

# The rows that grow into a growth row (their operation on both vaults), with their part
# of the suite (``run.PARTS``) and the short name of the growth row.
ROWS: tuple[tuple[str, str, str], ...] = (
    (
        "Today on the UI thread (going cold, follow-ups due, latest cues, track two)",
        "today",
        "Today",
    ),
    (
        "search-as-you-type, per keystroke (top 50, ranked, display fields)",
        "search",
        "search per keystroke",
    ),
    (
        "actor page (profile, channels, timeline of 100, ties, cues, follow-ups)",
        "actor page",
        "actor page",
    ),
    (
        "log an interaction with 4 participants (write + FTS + summaries)",
        "writes",
        "log an interaction",
    ),
    (
        "actors list: first screen (count + first page of 200)",
        "actors list",
        "actors list, first screen",
    ),
    (
        "actors list: each page while scrolling to the end",
        "actors list",
        "actors list, each page",
    ),
    ("unlock to main window with Today filled", "gui", "unlock to Today"),
)
LIMIT = 1.3
TARGET = f"p95 <= {LIMIT}x the reference vault's"


def operation(name: str) -> str:
    return f"growth: {name}, vault three times larger"


OPERATIONS = tuple(operation(name) for _, _, name in ROWS)


def growth_rows(
    reference: Sequence[Any],
    larger: Sequence[Any],
    sizes: tuple[int, int],
    make_row: Callable[..., Any],
) -> list[Any]:
    """One growth row per row of :data:`ROWS`, from the rows of the two vaults (any objects
    with ``operation``, ``median_ms``, ``p95_ms``); ``sizes`` are their numbers of actors.
    ``make_row`` builds the suite's row (``run.Row``)."""
    by_reference = {row.operation: row for row in reference}
    by_larger = {row.operation: row for row in larger}
    rows = []
    for measured, _part, name in ROWS:
        small, large = by_reference.get(measured), by_larger.get(measured)
        if small is None or large is None or not small.p95_ms or large.p95_ms is None:
            rows.append(
                make_row(
                    operation=operation(name),
                    median_ms=None,
                    p95_ms=None,
                    target=TARGET,
                    baseline_ms=None,
                    ratio=None,
                    met=False,
                    note="not measured: the row is missing on one of the two vaults",
                )
            )
            continue
        ratio = large.p95_ms / small.p95_ms
        rows.append(
            make_row(
                operation=operation(name),
                median_ms=large.median_ms,
                p95_ms=large.p95_ms,
                target=TARGET,
                baseline_ms=small.p95_ms,
                ratio=round(ratio, 2),
                met=ratio <= LIMIT,
                note=(
                    f"p95 {large.p95_ms:.1f} ms on the vault of {sizes[1]:,} actors, "
                    f"{small.p95_ms:.1f} ms on that of {sizes[0]:,}, measured just before "
                    "by the same workload (baseline column: the reference vault's p95; "
                    "ratio: p95 over p95)"
                ),
                samples=getattr(large, "samples", 0),
            )
        )
    return rows


def parts() -> list[str]:
    """The parts of the suite the growth rows need, in the suite's order."""
    return list(dict.fromkeys(part for _, part, _ in ROWS))


def default_path(vaults: Path) -> Path:
    return vaults / "scale3"
