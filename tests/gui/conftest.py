"""Fixtures for GUI tests: real Qt widgets, offscreen, over real vaults."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from contactkeeper.gui.context import AppContext
from contactkeeper.vault import Vault
from tests.conftest import FakeClock


@pytest.fixture
def context(qapp: object, vault: Vault, clock: FakeClock) -> Iterator[AppContext]:
    """An application context with an open, empty vault and a clock the test moves."""
    ctx = AppContext(clock=clock)
    ctx.open(vault)
    yield ctx
    ctx.lock()
