"""The shared application context: locking closes the vault and tells every view."""

from __future__ import annotations

import pytest

from contactkeeper.errors import VaultLocked
from contactkeeper.gui.context import AppContext


def test_locking_closes_the_vault_and_tells_the_views(context: AppContext, qtbot) -> None:
    vault = context.vault
    with qtbot.waitSignal(context.vault_locked):
        context.lock()
    assert not vault.is_open
    assert not context.unlocked
    with pytest.raises(VaultLocked):
        _ = context.vault
