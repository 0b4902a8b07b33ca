"""The process is hardened from program start, before any secret is read.

A crash during the first unlock (the key derivation, with the passphrase in memory) must not
leave a core dump, and no other process of the user may attach to read it. So the
``contactkeeper`` entry point turns core dumps off and marks the process not dumpable first
thing, for the command line and the desktop application alike; the test spies, in a fresh
process, on the first moment a passphrase is read (or the window that asks for it is made)
and reads the core-file limit and ``PR_GET_DUMPABLE`` there.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Shared start of every child: able to dump core (the soft limit raised to the hard one), so
# that only the program itself can turn it off; a probe that reads the state.
_PRELUDE = """
import json, resource, sys
soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
resource.setrlimit(resource.RLIMIT_CORE, (hard, hard))
from contactkeeper.vault import hardening
seen = []
def probe(what):
    state = hardening.core_dump_state()
    seen.append({"what": what, "core_limit": state.core_limit, "dumpable": state.dumpable})
start = hardening.core_dump_state()
print(json.dumps({"start": [start.core_limit, start.dumpable]}))
"""

_COMMAND_LINE = (
    _PRELUDE
    + """
from contactkeeper import cli
def spy(*args, **kwargs):
    probe("passphrase")
    raise KeyboardInterrupt  # no vault is needed: stop at the first passphrase read
cli.read_passphrase = spy
cli.read_passphrase_file = spy
cli._prompt = spy
status = cli.main(sys.argv[1:])
print(json.dumps({"status": status, "seen": seen}))
"""
)

_DESKTOP_VIA_COMMAND = (
    _PRELUDE
    + """
import contactkeeper.gui.app as app
def spy(argv=None):
    probe("desktop application")
    return 0
app.main = spy
from contactkeeper import launch  # the contactkeeper command: no argument, the desktop
status = launch.main([])
print(json.dumps({"status": status, "seen": seen}))
"""
)

_DESKTOP_DIRECTLY = (
    _PRELUDE
    + """
import contactkeeper.gui.app as app
class Stop(Exception):
    pass
def spy(*args, **kwargs):
    probe("main window")  # the window that asks for the passphrase
    raise Stop
app.MainWindow = spy
try:
    app.main([])
except Stop:
    pass
print(json.dumps({"status": 0, "seen": seen}))
"""
)


def _run(script: str, *argv: str, tmp_path: Path) -> tuple[dict[str, object], dict[str, object]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CONTACTKEEPER_", "XDG_"))}
    env["HOME"] = str(tmp_path)
    env["QT_QPA_PLATFORM"] = "offscreen"
    done = subprocess.run(
        [sys.executable, "-c", script, *argv],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=ROOT,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    first, last = json.loads(lines[0]), json.loads(lines[-1])
    return first, last


def _assert_hardened_at_every_probe(start: dict[str, object], end: dict[str, object]) -> None:
    core_limit, dumpable = start["start"]  # type: ignore[index]
    assert core_limit != [0, 0] or dumpable is True  # control: the child could dump core
    seen = end["seen"]
    assert isinstance(seen, list)
    assert seen, "the probe never ran"
    for state in seen:
        assert state["core_limit"] == [0, 0], state
        if sys.platform.startswith("linux"):
            assert state["dumpable"] is False, state


@pytest.mark.skipif(sys.platform == "win32", reason="no core-file limit on Windows")
@pytest.mark.parametrize(
    "argv",
    [
        ["info", "--vault", "somewhere"],
        ["passwd", "--vault", "somewhere"],
        ["search", "anything", "--vault", "somewhere"],
    ],
    ids=["info", "passwd", "search"],
)
def test_the_command_line_is_hardened_before_it_reads_a_passphrase(
    argv: list[str], tmp_path: Path
) -> None:
    start, end = _run(_COMMAND_LINE, *argv, tmp_path=tmp_path)
    assert end["status"] == 130  # stopped at the passphrase, by the spy
    _assert_hardened_at_every_probe(start, end)


@pytest.mark.skipif(sys.platform == "win32", reason="no core-file limit on Windows")
def test_the_desktop_application_started_by_the_command_is_hardened_first(
    tmp_path: Path,
) -> None:
    start, end = _run(_DESKTOP_VIA_COMMAND, tmp_path=tmp_path)
    _assert_hardened_at_every_probe(start, end)


@pytest.mark.skipif(sys.platform == "win32", reason="no core-file limit on Windows")
def test_the_desktop_application_started_directly_is_hardened_before_its_window(
    tmp_path: Path,
) -> None:
    start, end = _run(_DESKTOP_DIRECTLY, tmp_path=tmp_path)
    _assert_hardened_at_every_probe(start, end)
