"""No network: a whole session in the real main window works with every socket refused.

For the length of the test, creating a socket of any kind fails and is recorded, by two
independent means:

- the ``socket`` module's entry points (``socket``, ``create_connection``, ``socketpair``,
  ``create_server``, ``fromfd``, ``getaddrinfo``) are replaced by versions that refuse;
- a Python audit hook refuses the interpreter's own ``socket.__new__``, ``socket.connect``,
  ``socket.bind`` and name-lookup events, so a module that kept a reference to the original
  ``socket`` class (or ``_socket``) is caught too.

Nothing needs a socket here, not even a local one: no ``socketpair`` is asked for (Qt
wakes its event loop and thread pool without Python sockets, and no asyncio loop is
started), so nothing local had to be let through. Native code could bypass both means, so
the test also looks at the process itself: no socket it opened during the session is an
internet socket (``/proc/net``; measured here, it opened no socket of any kind), and Qt's
network library is not even loaded (``/proc/self/maps``), besides ``PySide6.QtNetwork``
not being imported.

The session, through the window only: create a vault on the start screen, add two actors
(Ctrl+N), log a contact with each through the log dialog, search (Ctrl+K) and open the
hit, visit every section, back up to a folder through File > Back up now and verify that
backup, lock (the Lock button) and unlock.
"""

from __future__ import annotations

import os
import socket
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from contactkeeper.exchange import backup
from contactkeeper.gui.dialogs.backup_actions import BackupDialog, OpenBackupDialog
from contactkeeper.gui.dialogs.log import LogDialog
from contactkeeper.gui.main_window import MainWindow
from contactkeeper.records import actors, interactions
from tests.conftest import PASSPHRASE, FakeClock
from tests.gui.shell_helpers import OPEN_TIMEOUT_MS, make_window

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="reads /proc/self to see what native code did"
)

WORK_TIMEOUT_MS = 60_000
CTRL = Qt.KeyboardModifier.ControlModifier

# The interpreter's audit events for making, connecting and naming sockets.
SOCKET_EVENTS = frozenset(
    {
        "socket.__new__",
        "socket.bind",
        "socket.connect",
        "socket.getaddrinfo",
        "socket.gethostbyname",
        "socket.gethostbyaddr",
        "socket.getnameinfo",
        "socket.sendto",
        "socket.sendmsg",
    }
)

# Where the audit hook records while a test is running; None: the hook does nothing. (An
# audit hook cannot be removed, so it is added once per process and switched on and off.)
_recording: list[str] | None = None
_hook_added = False


def _audit(event: str, args: tuple[Any, ...]) -> None:
    attempts = _recording
    if attempts is not None and event in SOCKET_EVENTS:
        attempts.append(f"audit {event}")
        raise PermissionError(f"no network in this test ({event})")


class Refused(OSError):
    """What every socket entry point raises during the test."""


@pytest.fixture
def socket_attempts(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Refuse every socket until the test ends; the list records each attempt."""
    global _recording, _hook_added
    attempts: list[str] = []
    original = socket.socket

    class RefusedSocket(original):  # type: ignore[misc, valid-type]
        """Still a ``socket.socket`` subclass, so isinstance checks elsewhere keep working."""

        def __init__(self, family: Any = -1, type: Any = -1, proto: Any = -1, fileno: Any = None):
            attempts.append(f"socket.socket({family}, {type})")
            raise Refused("no network in this test")

    def refuse(name: str) -> Any:
        def refused(*args: Any, **kwargs: Any) -> Any:
            attempts.append(f"socket.{name}{args[:2]}")
            raise Refused(f"no network in this test (socket.{name})")

        return refused

    monkeypatch.setattr(socket, "socket", RefusedSocket)
    for name in ("create_connection", "create_server", "socketpair", "fromfd", "getaddrinfo"):
        monkeypatch.setattr(socket, name, refuse(name))
    if not _hook_added:
        sys.addaudithook(_audit)
        _hook_added = True
    _recording = attempts
    try:
        yield attempts
    finally:
        _recording = None


def _socket_inodes() -> set[int]:
    """The inodes of this process's open sockets (``/proc/self/fd/N -> socket:[inode]``)."""
    found = set()
    for name in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{name}")
        except OSError:
            continue
        if target.startswith("socket:["):
            found.add(int(target[len("socket:[") : -1]))
    return found


def _internet_socket_inodes() -> set[int]:
    """Inodes of every TCP, UDP and raw socket of this network namespace, IPv4 and IPv6."""
    found = set()
    for table in ("tcp", "tcp6", "udp", "udp6", "udplite", "udplite6", "raw", "raw6"):
        try:
            lines = Path(f"/proc/self/net/{table}").read_text().splitlines()[1:]
        except OSError:
            continue  # the kernel has no such table
        found.update(int(line.split()[9]) for line in lines if len(line.split()) > 9)
    return found


def _qt_network_loaded() -> bool:
    return "libQt6Network" in Path("/proc/self/maps").read_text()


def test_the_refusal_is_real(socket_attempts: list[str]) -> None:
    """The positive control: each way of reaching a network fails here, and is recorded."""
    tries = {
        "socket.socket": lambda: socket.socket(socket.AF_INET, socket.SOCK_STREAM),
        "create_connection": lambda: socket.create_connection(("192.0.2.1", 9), timeout=1),
        "getaddrinfo": lambda: socket.getaddrinfo("example.invalid", 443),
        "socketpair": socket.socketpair,
        "urllib": lambda: __import__("urllib.request").request.urlopen("http://192.0.2.1/"),
        "the C class, kept aside": lambda: __import__("_socket").socket(),
    }
    for name, attempt in tries.items():
        with pytest.raises(OSError):
            attempt()
        assert socket_attempts, f"{name} was not recorded"
        socket_attempts.clear()


# -- the session, through the window -------------------------------------------------------


def _create_vault(qtbot: QtBot, window: MainWindow) -> None:
    start = window.start
    qtbot.keyClick(start.welcome.ui.createButton, Qt.Key.Key_Space)
    ui = start.create_page.ui
    qtbot.keyClicks(ui.passphraseEdit, PASSPHRASE)
    qtbot.keyClicks(ui.confirmEdit, PASSPHRASE)
    with qtbot.waitSignal(window.context.vault_opened, timeout=OPEN_TIMEOUT_MS):
        qtbot.keyClick(ui.confirmEdit, Qt.Key.Key_Return)


def _add_actor(qtbot: QtBot, window: MainWindow, name: str, codename: str) -> None:
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    form = window.workspace.actors.new_actor_dialog
    assert form is not None
    qtbot.keyClicks(form.ui.codenameEdit, codename)
    qtbot.keyClicks(form.ui.nameEdit, name)
    with qtbot.waitSignal(form.created):
        qtbot.keyClick(form.ui.nameEdit, Qt.Key.Key_Return)


def _search_and_open(qtbot: QtBot, window: MainWindow, text: str) -> None:
    search = window.workspace.search
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL)
    qtbot.keyClicks(search, text)
    assert search.popup is not None
    assert search.popup.isVisible()
    with qtbot.waitSignal(window.context.open_actor):
        qtbot.keyClick(search, Qt.Key.Key_Return)
    assert window.workspace.current_view() is window.workspace.actor_page


def _log_contact_here(qtbot: QtBot, window: MainWindow, summary: str) -> None:
    """Ctrl+L on an actor's page: the dialog has the actor in it; Ctrl+Enter saves."""
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
    dialog = window.log_dialog
    assert isinstance(dialog, LogDialog)
    qtbot.waitExposed(dialog)
    assert len(dialog.participants()) == 1
    qtbot.keyClicks(dialog.ui.summaryEdit, summary)
    with qtbot.waitSignal(window.context.changed):
        qtbot.keyClick(dialog.ui.summaryEdit, Qt.Key.Key_Return, CTRL)


def _back_up_and_verify(qtbot: QtBot, window: MainWindow, folder: Path, tmp_path: Path) -> Path:
    identity, recipient = backup.new_identity()  # a key, not a passphrase: cheap to derive
    identity_file = tmp_path / "org-key.txt"
    identity_file.write_text(f"{identity}\n", encoding="utf-8")

    qtbot.keyClick(window, Qt.Key.Key_B, CTRL)
    dialog = window.backup.dialog
    assert isinstance(dialog, BackupDialog)
    qtbot.waitExposed(dialog)
    dialog.ui.folderEdit.setText(str(folder))
    qtbot.mouseClick(dialog.ui.keysRadio, Qt.MouseButton.LeftButton)
    dialog.ui.recipientsEdit.setPlainText(recipient)
    with qtbot.waitSignal(dialog.operation_finished, timeout=WORK_TIMEOUT_MS):
        qtbot.mouseClick(dialog.ui.startButton, Qt.MouseButton.LeftButton)
    assert "verified" in dialog.ui.resultLabel.text(), dialog.ui.messageLabel.text()
    written = sorted(folder.glob("*.age"))
    assert len(written) == 1
    dialog.close()

    window.backup.verify_action.trigger()
    verify = window.backup.dialog
    assert isinstance(verify, OpenBackupDialog)
    qtbot.waitExposed(verify)
    verify.ui.fileEdit.setText(str(written[0]))
    verify.ui.identityRadio.setChecked(True)
    verify.ui.identityEdit.setText(str(identity_file))
    with qtbot.waitSignal(verify.operation_finished, timeout=WORK_TIMEOUT_MS):
        qtbot.mouseClick(verify.ui.verifyButton, Qt.MouseButton.LeftButton)
    assert "complete and authentic" in verify.ui.summaryLabel.text()
    assert "2 actors" in verify.ui.summaryLabel.text()
    verify.close()
    return written[0]


def test_a_whole_session_works_with_every_socket_refused(
    qtbot: QtBot,
    tmp_path: Path,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
    socket_attempts: list[str],
) -> None:
    # Verifying a backup works in the app's data folder: keep it inside the test's folder.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))
    sockets_before = _socket_inodes()
    window, context, _ = make_window(qtbot, tmp_path, clock)

    _create_vault(qtbot, window)
    _add_actor(qtbot, window, "Layla Haddad", "SILVER HERON")
    _add_actor(qtbot, window, "Karim Nasser", "NORTH GATE")
    assert window.workspace.actors.model.rowCount() == 2

    _search_and_open(qtbot, window, "hadd")
    _log_contact_here(qtbot, window, "Coffee after the workshop")
    _search_and_open(qtbot, window, "NORTH")
    _log_contact_here(qtbot, window, "Call about the venue")
    assert len(interactions.journal(context.vault)) == 2

    for section in range(5):  # Today, Actors, Processes, Journal, Follow-ups (Ctrl+1..5)
        qtbot.keyClick(window, getattr(Qt.Key, f"Key_{section + 1}"), CTRL)
        assert window.workspace.views.currentIndex() == section
    assert window.workspace.actors.model.index(0, 4).data() == "warm"

    folder = tmp_path / "stick"
    folder.mkdir()
    _back_up_and_verify(qtbot, window, folder, tmp_path)

    with qtbot.waitSignal(context.vault_locked, timeout=1000):
        qtbot.mouseClick(window.workspace.lock_button, Qt.MouseButton.LeftButton)
    assert window.workspace.actors.model.rowCount() == 0
    unlock = window.start.unlock_page.ui
    qtbot.keyClicks(unlock.passphraseEdit, PASSPHRASE)
    with qtbot.waitSignal(context.vault_opened, timeout=OPEN_TIMEOUT_MS):
        qtbot.keyClick(unlock.passphraseEdit, Qt.Key.Key_Return)
    names = [a.display_name for a in actors.list_actors(context.vault, clock())]
    assert names == ["Karim Nasser", "Layla Haddad"]
    assert window.workspace.actors.model.rowCount() == 2
    QApplication.processEvents()

    # It all worked, and nothing so much as asked for a socket...
    assert socket_attempts == []
    # ...none was opened below Python either that could reach a network...
    opened = _socket_inodes() - sockets_before
    assert opened & _internet_socket_inodes() == set()
    # ...and no network code is even in the process.
    assert "PySide6.QtNetwork" not in sys.modules
    assert not _qt_network_loaded()
    context.lock()
