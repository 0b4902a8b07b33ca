"""Canaries: random strings planted in records, then looked for in bytes a user never sees.

A canary is one FTS token (letters and digits, no separator), so the search index keeps it
whole too. It is looked for as UTF-8 and UTF-16-LE, as typed and lower-cased (search folds
case), and by its random tail alone (FTS5 stores a term's suffix after the prefix it shares
with the term before it).
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterable, Iterator
from pathlib import Path


def new_canary(label: str = "Canary") -> str:
    return f"{label}{secrets.token_hex(10).upper()}"


def forms(canary: str) -> list[bytes]:
    texts = {canary, canary.lower(), canary[-12:], canary[-12:].lower()}
    return [t.encode(enc) for t in sorted(texts) for enc in ("utf-8", "utf-16-le")]


def found_in(data: bytes, canaries: Iterable[str]) -> list[str]:
    """The canaries any of whose forms occur in ``data``."""
    return [c for c in canaries if any(form in data for form in forms(c))]


def files_under(*roots: Path) -> Iterator[Path]:
    for root in roots:
        for folder, _, names in os.walk(root):
            for name in names:
                path = Path(folder) / name
                if path.is_file() and not path.is_symlink():
                    yield path


def deleted_open_files() -> dict[int, str]:
    """This process's open regular files that no longer have a name (Linux only).

    SQLite unlinks its temporary files as soon as it opens them, so they are only visible
    here, as ``/proc/self/fd/N -> /path (deleted)``.
    """
    found: dict[int, str] = {}
    for name in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{name}")
        except OSError:
            continue  # closed meanwhile
        if target.endswith(" (deleted)") and target.startswith("/"):
            found[int(name)] = target
    return found


def canaries_in_deleted_files(canaries: Iterable[str]) -> dict[str, list[str]]:
    """Which canaries each deleted-but-open file holds, keyed by its old path."""
    wanted = list(canaries)
    hits: dict[str, list[str]] = {}
    for fd, target in deleted_open_files().items():
        try:
            with open(f"/proc/self/fd/{fd}", "rb") as handle:
                data = handle.read()
        except OSError:
            continue
        found = found_in(data, wanted)
        if found:
            hits[target] = found
    return hits
