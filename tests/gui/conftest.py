"""Fixtures for GUI tests: real Qt widgets, offscreen, over real vaults."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from contactkeeper.gui.context import AppContext
from contactkeeper.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE, FakeClock


@pytest.fixture(autouse=True)
def background_work_ends_before_the_widgets(qtbot: QtBot) -> Iterator[None]:
    """Work a test started off the UI thread (a map read, ways in, Today's insights) ends,
    and its answer is delivered, before qtbot closes the test's widgets: a job still running
    when the widget it answers to is deleted would report to an object that is gone."""
    yield
    QThreadPool.globalInstance().waitForDone(30_000)
    qtbot.wait(1)


@pytest.fixture
def context(qapp: object, vault: Vault, clock: FakeClock) -> Iterator[AppContext]:
    """An application context with an open, empty vault and a clock the test moves."""
    ctx = AppContext(clock=clock)
    ctx.open(vault)
    yield ctx
    ctx.lock()


# The fictional demo vault, made once per test run (it takes a few seconds) and copied for
# each test that asks for it, at the moment the test clock starts.
DEMO_NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="session")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from contactkeeper.demo import create_demo_vault

    folder = tmp_path_factory.mktemp("demo") / "Demo vault"
    create_demo_vault(folder, PASSPHRASE, DEMO_NOW, kdf=FAST_KDF).close()
    return folder


@pytest.fixture
def demo_vault(demo_folder: Path, tmp_path: Path) -> Iterator[Vault]:
    """A copy of the demo vault, open; closed at the end."""
    copy = tmp_path / demo_folder.name
    shutil.copytree(demo_folder, copy)
    vault = Vault.unlock(copy, PASSPHRASE)
    yield vault
    vault.close()
