"""Where the files shipped with ContactKeeper (migrations, forms) live.

In an installed wheel they sit inside the package, under ``_data/``; in a checkout they are
the top-level ``migrations/`` and ``ui/`` folders.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent  # contactkeeper/, beside vault/


def data_dir(name: str) -> Path:
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"ContactKeeper is installed without its {name!r} folder")


def migrations_dir() -> Path:
    return data_dir("migrations")


def ui_dir() -> Path:
    return data_dir("ui")
