"""Closing the window while work runs in the background (the duplicate search, Today's
insights, a backup): the work is asked to stop, and whatever still ends after the window is
gone ends without a word, not with tracebacks from a worker thread."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from contactkeeper.records import duplicates
from contactkeeper.vault import Vault
from tests.conftest import FakeClock
from tests.gui.shell_helpers import make_window

DUPLICATES_SECTION = 7


def test_closing_the_window_stops_the_duplicate_search(
    qtbot: QtBot,
    tmp_path: Path,
    clock: FakeClock,
    demo_vault: Vault,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    started, searched_on = threading.Event(), threading.Event()
    stopped: list[bool] = []

    def long_search(vault: Vault, *, withheld: object, progress: object) -> list[object]:
        """A search over a large vault: it reports how far it is, name after name."""
        assert callable(progress)
        started.set()
        deadline = time.monotonic() + 20
        try:
            while time.monotonic() < deadline:
                progress(1, 2)
                time.sleep(0.01)
        except Exception:
            stopped.append(True)
            raise
        searched_on.set()
        return []

    monkeypatch.setattr(duplicates, "possible_duplicates", long_search)
    window, context, _ = make_window(qtbot, tmp_path, clock)
    context.open(demo_vault)
    window.workspace.show_section(DUPLICATES_SECTION)
    assert started.wait(10), "the search did not start"

    window.close()
    assert QThreadPool.globalInstance().waitForDone(5_000), "the search went on"
    assert stopped == [True]
    assert not searched_on.is_set()
    qtbot.wait(10)  # the answer, if any, is delivered: it says nothing on a closed window
    assert window.workspace.duplicates.status.text() == ""


# Work still running when the program ends (the window closed, the event loop left): it
# reports its progress and its answer after the program's Qt objects are gone.
_PROGRAM = """
    import os, sys, time
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication, QWidget
    from contactkeeper.gui.operations import run_with_progress

    app = QApplication([])
    window = QWidget()

    def work(progress):
        for step in range(5):
            time.sleep(0.1)
            progress(step, 5)
        return "worked out"

    run_with_progress(window, work, print, print, lambda done, total: None)
    window.close()
    sys.exit(0)
"""


def test_work_that_ends_after_the_program_prints_no_traceback(tmp_path: Path) -> None:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    ended = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(_PROGRAM)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        env=environment,
        check=False,
    )
    assert ended.returncode == 0, ended.stderr
    assert "Traceback" not in ended.stderr
    assert "Signal source has been deleted" not in ended.stderr
