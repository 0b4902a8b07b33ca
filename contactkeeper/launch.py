"""The ``contactkeeper`` command: the desktop application with no argument, else the CLI.

The one module above both front ends, so that neither imports the other: the command line
(:mod:`contactkeeper.cli`) is told how to start the desktop, and starts it when no
subcommand is given.
"""

from __future__ import annotations

from contactkeeper import cli


def _desktop() -> int:
    from contactkeeper.gui.app import main as gui_main  # Qt loads only for the desktop

    return gui_main()


def main(argv: list[str] | None = None) -> int:
    return cli.main(argv, desktop=_desktop)
