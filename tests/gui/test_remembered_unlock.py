"""'Remember on this device': the next start opens the vault without the passphrase.

The keyring is the in-memory backend of tests/helpers/keyrings.py (a stand-in: the real
Secret Service is exercised in tests/integration/test_real_keyring.py).
"""

from __future__ import annotations

from pathlib import Path

from contactkeeper.protect import device
from contactkeeper.records import actors
from contactkeeper.records.actors import NewActor
from contactkeeper.vault import Vault
from tests.conftest import FakeClock
from tests.gui.shell_helpers import OPEN_TIMEOUT_MS, make_window
from tests.helpers.keyrings import LockedKeyring, MemoryKeyring


def _remembered(vault: Vault, clock: FakeClock, backend: MemoryKeyring) -> Path:
    actors.create_actor(vault, NewActor("Amal Haddad"), clock())
    device.remember(vault, backend)
    vault.close()
    return vault.path


def test_the_next_start_opens_a_remembered_vault_without_the_passphrase(
    qtbot, tmp_path: Path, clock: FakeClock, vault: Vault
) -> None:
    backend = MemoryKeyring()
    path = _remembered(vault, clock, backend)
    window, context, settings = make_window(qtbot, tmp_path, clock)
    settings.remember_vault(path)
    window.start.keyring_backend = backend
    window.start.show_start()
    assert window.start.currentWidget() is window.start.unlock_page

    with qtbot.waitSignal(context.vault_opened, timeout=OPEN_TIMEOUT_MS):
        window.start.unlock_with_remembered_key()
    assert [a.display_name for a in actors.list_actors(context.vault, clock())] == ["Amal Haddad"]

    # Locking asks for the passphrase again: the remembered key is for starting only.
    context.lock()
    assert window.start.currentWidget() is window.start.unlock_page
    assert not context.unlocked


def test_a_locked_keyring_leaves_the_passphrase_field_with_a_reason(
    qtbot, tmp_path: Path, clock: FakeClock, vault: Vault
) -> None:
    path = _remembered(vault, clock, MemoryKeyring())
    window, context, settings = make_window(qtbot, tmp_path, clock)
    settings.remember_vault(path)
    window.start.keyring_backend = LockedKeyring()
    window.start.show_start()
    with qtbot.waitSignal(window.start.failed, timeout=OPEN_TIMEOUT_MS):
        window.start.unlock_with_remembered_key()
    assert not context.unlocked
    assert "Type the passphrase instead." in window.start.unlock_page.ui.messageLabel.text()


def test_a_vault_never_remembered_waits_for_the_passphrase(
    qtbot, tmp_path: Path, clock: FakeClock, vault: Vault
) -> None:
    vault.close()
    window, context, settings = make_window(qtbot, tmp_path, clock)
    settings.remember_vault(vault.path)
    window.start.show_start()
    window.start.unlock_with_remembered_key()
    assert not window.start.busy
    assert not context.unlocked
