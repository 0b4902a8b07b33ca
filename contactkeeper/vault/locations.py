"""Where ContactKeeper keeps its own files on this computer (through platformdirs)."""

from __future__ import annotations

from pathlib import Path

import platformdirs

from contactkeeper import APP_NAME


def user_data_dir() -> Path:
    """ContactKeeper's data folder, e.g. ``~/.local/share/ContactKeeper`` on Linux."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False)
